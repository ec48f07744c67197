//! The history index and the house style: real repositories whose past says how they write.

use crate::common::{TestRepo, bin, run, show};
use std::path::PathBuf;

/// Makes `n` commits, each touching the file `paths(i)` and saying `subject(i)`, a second
/// apart as people's commits are (the walk goes newest first by time).
fn history(repo: &TestRepo, n: usize, each: impl Fn(usize) -> (String, String)) {
    history_by(repo, n, |i| {
        let (path, subject) = each(i);
        (path, subject, "ada@example.com")
    });
}

/// [`history`], with each commit's author's email given too.
fn history_by(repo: &TestRepo, n: usize, each: impl Fn(usize) -> (String, String, &'static str)) {
    for i in 0..n {
        let (path, subject, email) = each(i);
        repo.write(&path, format!("line {i}\n"));
        repo.add([path.as_str()]);
        let mut cmd = repo.git_cmd(["commit", "-q", "-m", &subject]);
        let date = format!("2024-01-02T04:{:02}:{:02}+00:00", i / 60, i % 60);
        cmd.env("GIT_HERALD_SKIP", "1")
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_EMAIL", email);
        let out = run(&mut cmd);
        assert!(out.status.success(), "git commit failed:\n{}", show(&out));
    }
}

/// The subject written for the person with this email, as git tells the hook who commits.
fn subject_as(repo: &TestRepo, email: &str) -> String {
    first_line(repo.herald(["--offline"]).env("GIT_AUTHOR_EMAIL", email))
}

fn subject_of(repo: &TestRepo, args: &[&str]) -> String {
    first_line(&mut repo.herald(args))
}

/// Runs the command, which must succeed, and returns the first line it printed.
fn first_line(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn index_file(repo: &TestRepo) -> PathBuf {
    repo.join(".git/herald/history-v2")
}

/// Reads the index file and checks it is whole: its first line, and an `end` line counting
/// the commits.
fn index_text(repo: &TestRepo) -> String {
    let text = std::fs::read_to_string(index_file(repo)).expect("the index is written");
    assert!(text.starts_with("git-herald history v2\nhead "), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let last = lines.last().unwrap();
    assert_eq!(*last, format!("end {}", lines.len() - 3), "{text}");
    text
}

fn stage_change(repo: &TestRepo, path: &str) {
    repo.write(path, "fn changed() -> u32 {\n    42\n}\n");
    repo.add([path]);
}

#[test]
fn an_area_house_gets_area_messages() {
    let repo = TestRepo::with_commit();
    history(&repo, 30, |i| match i % 3 {
        0 => (format!("mux/src/f{i}.rs"), format!("mux: handle case {i}")),
        1 => (format!("term/src/f{i}.rs"), format!("term: fix case {i}")),
        _ => (format!("docs/f{i}.md"), format!("docs: describe case {i}")),
    });
    stage_change(&repo, "mux/src/f0.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("mux: "), "{subject}");
    repo.git(["reset", "-q", "--", "mux/src/f0.rs"]);
    stage_change(&repo, "term/src/new.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("term: "), "{subject}");

    // An explicit setting still wins.
    let subject = subject_of(&repo, &["--offline", "--conventional"]);
    assert!(!subject.starts_with("term: "), "{subject}");
}

#[test]
fn a_plain_house_gets_plain_sentences() {
    let repo = TestRepo::with_commit();
    history(&repo, 25, |i| {
        (
            format!("src/f{i}.rs"),
            format!("Fix the thing number {i} in the parser"),
        )
    });
    stage_change(&repo, "src/f3.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains(": "), "{subject}");
    assert!(subject.starts_with(char::is_uppercase), "{subject}");
    // No history: Conventional Commits, as before.
    let fresh = TestRepo::with_commit();
    stage_change(&fresh, "src/lib.rs");
    let subject = subject_of(&fresh, &["--offline"]);
    assert!(subject.contains(": "), "{subject}");
}

/// In a house of two minds each person keeps to their own form and case; a newcomer gets
/// the house's.
#[test]
fn each_person_keeps_their_own_form_in_a_mixed_house() {
    let repo = TestRepo::with_commit();
    // Bo writes lower-case `area:` subjects, Ada capitalised sentences, Cy (most of the
    // newest) Conventional Commits: the house reads as Conventional Commits.
    history_by(&repo, 60, |i| match i % 5 {
        0 => (
            format!("term/src/f{i}.rs"),
            format!("term: handle case {i}"),
            "bo@example.com",
        ),
        1 => (
            format!("term/src/f{i}.rs"),
            format!("Fix the thing number {i}"),
            "ada@example.com",
        ),
        _ => (
            format!("term/src/f{i}.rs"),
            format!("fix(term): handle flag {i}"),
            "cy@example.com",
        ),
    });
    stage_change(&repo, "term/src/f7.rs");
    let bo = subject_as(&repo, "bo@example.com");
    assert!(bo.starts_with("term: "), "{bo}");
    assert!(bo["term: ".len()..].starts_with(char::is_lowercase), "{bo}");
    let ada = subject_as(&repo, "Ada@Example.com");
    assert!(!ada.contains(": "), "{ada}");
    assert!(ada.starts_with(char::is_uppercase), "{ada}");
    let cy = subject_as(&repo, "cy@example.com");
    assert!(
        cy.starts_with("fix(term): ") || cy.contains("(term): "),
        "{cy}"
    );
    let newcomer = subject_as(&repo, "new@example.com");
    assert!(newcomer.contains("(term): "), "{newcomer}");
    // The index keeps a key for each author, never the email.
    let text = index_text(&repo);
    assert!(!text.contains("example.com"), "{text}");
}

/// A person keeps to their own form where they work: Ada writes sentences about the code and
/// `ci: …` about the workflows (axum's habit), though the house and the others who touch the
/// workflows write sentences.
#[test]
fn a_person_keeps_their_form_for_the_paths_they_work_on() {
    let repo = TestRepo::with_commit();
    history_by(&repo, 48, |i| match i % 4 {
        0 => (
            ".github/workflows/ci.yml".to_owned(),
            format!("ci: Run job {i} on release branches"),
            "ada@example.com",
        ),
        1 => (
            ".github/workflows/ci.yml".to_owned(),
            format!("Raise the minimum version to {i}"),
            "bo@example.com",
        ),
        _ => (
            format!("src/f{i}.rs"),
            format!("Fix the thing number {i}"),
            "ada@example.com",
        ),
    });
    repo.write(".github/workflows/ci.yml", "on: [push]\n");
    repo.add([".github/workflows/ci.yml"]);
    let ada = subject_as(&repo, "ada@example.com");
    assert!(ada.starts_with("ci: "), "{ada}");
    // Her summaries after `ci:` start with a capital, as she writes them.
    assert!(ada["ci: ".len()..].starts_with(char::is_uppercase), "{ada}");
    let bo = subject_as(&repo, "bo@example.com");
    assert!(!bo.contains(": "), "{bo}");
    repo.git(["reset", "-q", "--", ".github/workflows/ci.yml"]);
    stage_change(&repo, "src/f2.rs");
    let ada = subject_as(&repo, "ada@example.com");
    assert!(!ada.contains(": "), "{ada}");
    assert!(ada.starts_with(char::is_uppercase), "{ada}");
}

/// A house that names an area by the file a change is about (jj's `cli_util: …`,
/// `dag_walk: …`) names the file most of the staged lines are in, though the files edited
/// beside it are quieter and so say more each; a house that names the folder (ripgrep's
/// `printer:` for `crates/printer/src/printer.rs`) keeps the folder.
#[test]
fn an_area_named_by_its_file_follows_the_staged_file() {
    let repo = TestRepo::with_commit();
    let quiet = ["op_store", "revset_util", "dag_walk"];
    history(&repo, 36, |i| {
        let stem = if i < 6 { quiet[i % 3] } else { "graph_walk" };
        (
            format!("lib/src/{stem}.rs"),
            format!("{stem}: handle case {i}"),
        )
    });
    let body: String = (0..12)
        .map(|i| format!("pub fn step{i}() {{}}\n"))
        .collect();
    repo.write("lib/src/graph_walk.rs", body);
    for stem in quiet {
        repo.write(format!("lib/src/{stem}.rs"), "pub fn renamed() {}\n");
    }
    repo.add(["lib/src"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("graph_walk: "), "{subject}");

    let repo = TestRepo::with_commit();
    let files = ["printer", "standard", "summary", "json"];
    history(&repo, 32, |i| {
        let file = files[i % files.len()];
        (
            format!("crates/printer/src/{file}.rs"),
            format!("printer: handle case {i}"),
        )
    });
    stage_change(&repo, "crates/printer/src/hyperlink.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("printer: "), "{subject}");
}

/// A house that moved to Conventional Commits writes them, though most of its last subjects
/// are still sentences; `doctor` says why.
#[test]
fn a_house_that_moved_follows_its_newest_subjects() {
    let repo = TestRepo::with_commit();
    history(&repo, 66, |i| {
        if i < 36 {
            (format!("src/f{i}.rs"), format!("Fix the thing number {i}"))
        } else {
            (
                format!("src/cli/f{i}.rs"),
                format!("fix(cli): handle flag {i}"),
            )
        }
    });
    stage_change(&repo, "src/cli/f40.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("fix(cli): "), "{subject}");
    let out = repo.herald(["doctor", "--no-network"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("house style: Conventional Commits (`type(scope): summary`) (45% of the last 67 subjects, most of the newest)"),
        "{text}"
    );
}

#[test]
fn scopes_follow_paths() {
    let repo = TestRepo::with_commit();
    history(&repo, 30, |i| match i % 2 {
        0 => (
            format!("crates/p/src/f{i}.rs"),
            format!("feat(parser): add rule {i}"),
        ),
        _ => (
            format!("src/cli/f{i}.rs"),
            format!("fix(cli): handle flag {i}"),
        ),
    });
    stage_change(&repo, "src/cli/f1.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.contains("(cli): "), "{subject}");
    stage_change(&repo, "crates/p/src/new.rs");
    repo.git(["reset", "-q", "--", "src/cli/f1.rs"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.contains("(parser): "), "{subject}");
}

#[test]
fn a_scope_follows_the_commits_of_the_same_type() {
    // The house scopes its features in this folder, but its chores there, more of them,
    // name no scope: a feature takes the features' scope.
    let repo = TestRepo::with_commit();
    history(&repo, 28, |i| match i % 7 {
        0..=2 => (
            format!("plugin/src/f{i}.rs"),
            format!("feat(plugin): add rule {i}"),
        ),
        _ => (
            format!("plugin/src/c{i}.rs"),
            format!("chore: tidy case {i}"),
        ),
    });
    stage_change(&repo, "plugin/src/new.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("feat(plugin): "), "{subject}");
}

#[test]
fn a_conventional_house_with_odd_history_stays_conventional() {
    let repo = TestRepo::with_commit();
    history(&repo, 40, |i| match i % 8 {
        // A few people wrote `area:` or plain subjects for one folder.
        0 => (format!("nix/f{i}.nix"), format!("nix: bump flake {i}")),
        4 => (format!("nix/f{i}.nix"), format!("Update the flake {i}")),
        _ => (
            format!("src/f{i}.rs"),
            format!("fix(core): handle case {i}"),
        ),
    });
    stage_change(&repo, "nix/f0.nix");
    let subject = subject_of(&repo, &["--offline"]);
    let header = subject.split(": ").next().unwrap_or_default();
    let kind = header.split('(').next().unwrap_or_default();
    assert!(
        [
            "feat", "fix", "docs", "chore", "build", "ci", "refactor", "test", "style", "perf"
        ]
        .contains(&kind),
        "{subject}"
    );
}

/// clap starts 98% of its summaries with a capital (`fix(help): Replace …`): so does the
/// message; a house that writes them in lower case keeps lower case.
#[test]
fn a_conventional_house_that_capitalises_its_summaries_gets_capitals() {
    for (summary, capital) in [("Handle case", true), ("handle case", false)] {
        let repo = TestRepo::with_commit();
        history(&repo, 24, |i| {
            (format!("src/f{i}.rs"), format!("fix(core): {summary} {i}"))
        });
        stage_change(&repo, "src/f3.rs");
        let subject = subject_of(&repo, &["--offline"]);
        let (_, words) = subject.split_once(": ").expect(&subject);
        assert_eq!(words.starts_with(char::is_uppercase), capital, "{subject}");
        let doctor = repo.herald(["doctor"]).output().unwrap();
        let doctor = String::from_utf8_lossy(&doctor.stdout);
        assert_eq!(
            doctor.contains("summaries capitalised"),
            capital,
            "{doctor}"
        );
    }
}

/// wezterm heads its changelog entries `docs: changelog for #4563`: an entry staged alone
/// gets the same words with the references it adds; one such commit is no habit yet, and an
/// entry that names no reference gets the engine's own words.
#[test]
fn a_changelog_entry_reuses_the_house_heading_with_its_references() {
    let changelog = |entries: &str| format!("# Changelog\n\n{entries}- an old entry #10\n");
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("fix: case {i}"))
    });
    for n in [20, 21] {
        repo.write(
            "CHANGELOG.md",
            changelog(&format!("- entry #{n} #{}\n", n + 100)),
        );
        repo.add(["CHANGELOG.md"]);
        repo.commit(&format!("docs: changelog for #{n} #{}", n + 100));
    }
    let entries =
        "- fixed a hang #4563\n- a crash, thanks @ada! #4570 #21 #4571\n- entry #21 #121\n";
    repo.write("CHANGELOG.md", changelog(entries));
    repo.add(["CHANGELOG.md"]);
    assert_eq!(
        subject_of(&repo, &["--offline"]),
        "docs: changelog for #4563 #4570"
    );
    repo.write(
        "CHANGELOG.md",
        changelog("- fixed a hang\n- entry #21 #121\n"),
    );
    repo.add(["CHANGELOG.md"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains('#'), "{subject}");

    // wezterm also links the pull request: the link takes the new number, and an entry
    // that links it as well as naming it names it once.
    let url = "https://github.com/acme/app/pull";
    for n in [30, 31] {
        repo.write("CHANGELOG.md", changelog(&format!("- entry #{n}\n")));
        repo.add(["CHANGELOG.md"]);
        repo.commit(&format!("docs: changelog for {url}/{n}"));
    }
    let linked = format!("- fixed a leak [#4580]({url}/4580)\n- entry #31\n");
    repo.write("CHANGELOG.md", changelog(&linked));
    repo.add(["CHANGELOG.md"]);
    assert_eq!(
        subject_of(&repo, &["--offline"]),
        format!("docs: changelog for {url}/4580")
    );
    // Where the house writes `#N`, a link in prose is no entry's reference (ripgrep's `See
    // [issue 1172](…)` in a release's preface).
    for n in [40, 41] {
        repo.write(
            "CHANGELOG.md",
            changelog(&format!("- entry #{n}\n- entry #31\n")),
        );
        repo.add(["CHANGELOG.md"]);
        repo.commit(&format!("docs: changelog for #{n}"));
    }
    let prose = format!("See [issue 1172]({url}/1172) for why.\n\n- entry #41\n- entry #31\n");
    repo.write("CHANGELOG.md", changelog(&prose));
    repo.add(["CHANGELOG.md"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains("1172"), "{subject}");

    let once = TestRepo::with_commit();
    history(&once, 24, |i| {
        (format!("src/f{i}.rs"), format!("fix: case {i}"))
    });
    once.write("CHANGELOG.md", changelog("- entry #20\n"));
    once.add(["CHANGELOG.md"]);
    once.commit("docs: changelog for #20");
    once.write(
        "CHANGELOG.md",
        changelog("- fixed a hang #4563\n- entry #20\n"),
    );
    once.add(["CHANGELOG.md"]);
    let subject = subject_of(&once, &["--offline"]);
    assert!(!subject.contains("for #4563"), "{subject}");
}

#[test]
fn a_busy_changelog_does_not_outvote_the_code_beside_it() {
    let repo = TestRepo::with_commit();
    history(&repo, 40, |i| match i % 2 {
        // Half the commits note the others in the changelog.
        0 => (
            "CHANGELOG.md".to_owned(),
            format!("docs: changelog for #{i}"),
        ),
        _ => (format!("mux/src/f{i}.rs"), format!("mux: handle case {i}")),
    });
    stage_change(&repo, "mux/src/f3.rs");
    repo.write("CHANGELOG.md", "# Changelog\n\n- mux: handle a new case\n");
    repo.add(["CHANGELOG.md"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("mux: "), "{subject}");
}

/// An area that names a kind of change (`doc:`) is no place for a change of another kind:
/// ripgrep's last commit to `pathutil.rs` fixed a typo, and a fix there is `globset:`.
#[test]
fn an_area_of_another_kind_of_change_gives_way_to_the_place() {
    let repo = TestRepo::with_commit();
    let file = "crates/globset/src/pathutil.rs";
    history(&repo, 30, |i| match i {
        0 => (file.to_owned(), "globset: handle case 0".to_owned()),
        29 => (file.to_owned(), "doc: fix typo in case 29".to_owned()),
        _ if i % 2 == 0 => (
            format!("crates/printer/src/f{i}.rs"),
            format!("printer: handle case {i}"),
        ),
        _ => (
            format!("crates/ignore/src/f{i}.rs"),
            format!("ignore: handle case {i}"),
        ),
    });
    stage_change(&repo, file);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("globset: "), "{subject}");
}

/// In an `area:` house, the bare types (`chore:`, `ci:`, `docs:`) that sweep through a
/// folder count one by one against its own area (tokio's `fs:` beside its `chore:`
/// releases), not as one bloc that outvotes it.
#[test]
fn bare_types_do_not_outvote_the_area_together() {
    let repo = TestRepo::with_commit();
    history(&repo, 60, |i| match i % 10 {
        0..=4 => (format!("net/src/n{i}.rs"), format!("net: handle case {i}")),
        5 | 6 => (format!("fs/src/f{i}.rs"), format!("fs: handle case {i}")),
        7 => (format!("fs/src/c{i}.rs"), format!("chore: tidy case {i}")),
        8 => (format!("fs/src/i{i}.rs"), format!("ci: check case {i}")),
        _ => (format!("fs/src/d{i}.rs"), format!("docs: explain case {i}")),
    });
    stage_change(&repo, "fs/src/new.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("fs: "), "{subject}");
}

#[test]
fn a_scope_named_like_a_type_keeps_the_type_the_house_pairs_it_with() {
    let repo = TestRepo::with_commit();
    history(&repo, 30, |i| match i % 3 {
        0 => (
            format!(".github/workflows/w{i}.yml"),
            format!("chore(ci): tune workflow {i}"),
        ),
        _ => (
            format!("src/f{i}.rs"),
            format!("fix(core): handle case {i}"),
        ),
    });
    repo.write(
        ".github/workflows/w0.yml",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n",
    );
    repo.add([".github/workflows/w0.yml"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("chore(ci): "), "{subject}");
}

#[test]
fn a_version_bump_reuses_the_last_subject() {
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("fix(core): case {i}"))
    });
    for v in 1..=2 {
        repo.write("CHANGELOG.md", format!("# Changelog\n\n## 0.30.{v}\n"));
        repo.add(["CHANGELOG.md"]);
        repo.commit(&format!("docs(changelog): update changelog for 0.30.{v}"));
    }
    repo.write("CHANGELOG.md", "# Changelog\n\n## 0.30.3\n");
    repo.add(["CHANGELOG.md"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert_eq!(subject, "docs(changelog): update changelog for 0.30.3");
}

/// An `area:` house that heads its bumps `deps:` gets `deps:` for a bump, though the
/// commits nearest the manifest are its `chore:` releases (tokio).
#[test]
fn an_area_house_heads_a_bump_with_its_bump_area() {
    let repo = TestRepo::with_commit();
    history(&repo, 50, |i| match i % 5 {
        0 | 1 => ("Cargo.toml".to_owned(), format!("chore: prepare v0.{i}.0")),
        2 | 3 => (format!("net/src/n{i}.rs"), format!("net: handle case {i}")),
        _ => (
            "Cargo.toml".to_owned(),
            format!("deps: bump foo from 1.0.{i} to 1.0.{}", i + 1),
        ),
    });
    let manifest =
        |v: &str| format!("[package]\nname = \"x\"\n\n[dependencies]\nserde = \"{v}\"\n");
    repo.write("Cargo.toml", manifest("1.0.1"));
    repo.add(["Cargo.toml"]);
    repo.commit("chore: prepare v0.50.0");
    repo.write("Cargo.toml", manifest("1.0.2"));
    repo.add(["Cargo.toml"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert_eq!(subject, "deps: bump serde from 1.0.1 to 1.0.2");
    // A Conventional Commits setting still wins.
    let subject = subject_of(&repo, &["--offline", "--conventional"]);
    assert!(!subject.starts_with("deps: "), "{subject}");
}

/// wezterm heads a lockfile refreshed `cargo update`, every time: a bump keeps that routine,
/// but never another bump's words.
#[test]
fn a_lockfile_routine_keeps_its_words() {
    let lock = |version: &str| {
        format!(
            "version = 4\n\n[[package]]\nname = \"anstream\"\nversion = \"{version}\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
        )
    };
    let bump_to = |repo: &TestRepo, version: &str, subject: Option<&str>| {
        repo.write("Cargo.lock", lock(version));
        repo.add(["Cargo.lock"]);
        if let Some(subject) = subject {
            repo.commit(subject);
        }
    };
    for (routine, expect_routine) in [("cargo update", true), ("bump anstream", false)] {
        let repo = TestRepo::with_commit();
        history(&repo, 24, |i| {
            (format!("src/f{i}.rs"), format!("Fix case {i}"))
        });
        for (n, version) in ["0.6.1", "0.6.2", "0.6.3"].iter().enumerate() {
            // `bump anstream` only twice: no routine of three.
            let subject = if expect_routine || n > 0 {
                routine.to_owned()
            } else {
                "Refresh the lockfile".to_owned()
            };
            bump_to(&repo, version, Some(&subject));
        }
        bump_to(&repo, "0.6.5", None);
        let subject = subject_of(&repo, &["--offline"]);
        if expect_routine {
            assert_eq!(subject, "cargo update");
        } else {
            assert!(subject.contains("0.6.5"), "{subject}");
        }
    }
}

/// bat's `Update terminal-colorsaurus to 1.0`, the last commit to touch these files, is no
/// template for an MSRV bump that never names the crate.
#[test]
fn a_reused_subject_needs_the_thing_its_version_belongs_to() {
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("Fix case {i}"))
    });
    let manifest = |msrv: &str, colors: &str| {
        format!(
            "[package]\nname = \"app\"\nrust-version = \"{msrv}\"\n\n[dependencies]\n\
             terminal-colorsaurus = \"{colors}\"\n"
        )
    };
    // Not the same files as the bumps: not a template.
    repo.write("Cargo.toml", manifest("1.79", "0.4"));
    repo.write("src/main.rs", "fn main() {}\n");
    repo.add(["Cargo.toml", "src/main.rs"]);
    repo.commit("Add Cargo.toml");
    repo.write("Cargo.toml", manifest("1.79", "1.0"));
    repo.add(["Cargo.toml"]);
    repo.commit("Update terminal-colorsaurus to 1.0");
    repo.write("Cargo.toml", manifest("1.87", "1.0"));
    repo.add(["Cargo.toml"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains("colorsaurus"), "{subject}");
    // The crate's own bump still reuses the subject.
    repo.write("Cargo.toml", manifest("1.79", "1.1"));
    repo.add(["Cargo.toml"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert_eq!(subject, "Update terminal-colorsaurus to 1.1");
}

/// uv's `Bump Hawk to 0.1.9 and Rust to 1.97.1`: each version in the reused subject takes
/// the version its own line moved to, not the first one moved.
#[test]
fn a_reused_subject_moves_each_version_to_its_own() {
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("Fix case {i}"))
    });
    let lint = |hawk: &str, rust: &str| {
        format!(
            "env:\n  HAWK_VERSION: {hawk}\njobs:\n  lint:\n    steps:\n      \
             - run: rustup toolchain install {rust}\n      \
             - run: cargo +{rust} hawk check\n"
        )
    };
    for (hawk, rust) in [("0.1.8", "1.96.0"), ("0.1.9", "1.97.1")] {
        repo.write(".github/workflows/lint.yml", lint(hawk, rust));
        repo.add([".github/workflows/lint.yml"]);
        repo.commit(&format!("Bump Hawk to {hawk} and Rust to {rust}"));
    }
    repo.write(".github/workflows/lint.yml", lint("0.1.13", "1.98.0"));
    repo.add([".github/workflows/lint.yml"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert_eq!(subject, "Bump Hawk to 0.1.13 and Rust to 1.98.0");
}

/// A Conventional Commits history: 24 fixes.
fn cc_house(repo: &TestRepo) {
    history(repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("fix(core): case {i}"))
    });
}

/// Stages `CHANGELOG.md` and `package.json` for release `v`.
fn stage_release(repo: &TestRepo, v: &str) {
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## {v}\n\n- a fix\n"),
    );
    repo.write(
        "package.json",
        format!("{{\n  \"name\": \"acme\",\n  \"version\": \"{v}\"\n}}\n"),
    );
    repo.add(["CHANGELOG.md", "package.json"]);
}

/// Vite writes Conventional Commits but heads every release `release: v8.2.1`: the house's
/// habit for those files wins over the form of the rest.
#[test]
fn a_release_keeps_the_heading_the_house_gives_releases() {
    let repo = TestRepo::with_commit();
    cc_house(&repo);
    for v in ["8.2.0", "8.2.1"] {
        stage_release(&repo, v);
        repo.commit(&format!("release: v{v}"));
    }
    stage_release(&repo, "8.2.2");
    assert_eq!(subject_of(&repo, &["--offline"]), "release: v8.2.2");

    // One such commit is no habit yet: the run keeps the house's form.
    let repo = TestRepo::with_commit();
    cc_house(&repo);
    stage_release(&repo, "8.2.1");
    repo.commit("release: v8.2.1");
    stage_release(&repo, "8.2.2");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("chore"), "{subject}");
}

/// Helix heads its releases `Add changelog notes for 25.01`; its patch release 25.01.1 has
/// one part more, and the changelog also names the release it patches. The version the
/// house wrote is the one that moved to its patch, not the one the notes mention again.
#[test]
fn a_patch_release_reuses_the_house_heading_with_its_version() {
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (
            format!("src/f{i}.rs"),
            format!("Fix case {i} in the parser"),
        )
    });
    let stage = |heading: &str, version: &str, notes: &str| {
        let mut log = std::fs::read_to_string(repo.join("CHANGELOG.md")).unwrap_or_default();
        log.insert_str(0, &format!("# {heading} (2025-01-19)\n\n{notes}\n\n"));
        repo.write("CHANGELOG.md", log);
        repo.write(
            "Cargo.toml",
            format!("[workspace]\nmembers = []\n\n[workspace.package]\nversion = \"{version}\"\nedition = \"2021\"\n"),
        );
        let mut appdata = std::fs::read_to_string(repo.join("contrib/app.appdata.xml"))
            .unwrap_or_else(|_| "<releases>\n</releases>\n".into());
        appdata = appdata.replacen(
            "<releases>\n",
            &format!("<releases>\n  <release version=\"{heading}\">\n    <url>https://example.com/{heading}</url>\n  </release>\n"),
            1,
        );
        repo.write("contrib/app.appdata.xml", appdata);
        repo.add(["CHANGELOG.md", "Cargo.toml", "contrib/app.appdata.xml"]);
    };
    // Each release after the history, in order (the test's commits otherwise share a date).
    for (heading, version, date) in [
        ("24.07", "24.7.0", "2024-07-15T10:00:00+00:00"),
        ("25.01", "25.1.0", "2025-01-03T10:00:00+00:00"),
    ] {
        stage(heading, version, "Many fixes.");
        let subject = format!("Add changelog notes for {heading} (#1)");
        let mut cmd = repo.git_cmd(["commit", "-q", "-m", &subject]);
        cmd.env("GIT_HERALD_SKIP", "1")
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_DATE", date);
        assert!(run(&mut cmd).status.success());
    }
    stage(
        "25.01.1",
        "25.1.1",
        "25.01.1 is a patch release fixing panics from changes in 25.01.",
    );
    assert_eq!(
        subject_of(&repo, &["--offline"]),
        "Add changelog notes for 25.01.1"
    );
}

/// ripgrep heads a release of its changelog `changelog: 15.0.0`, then opens the next
/// section (`changelog: start next section`); the release after it is the older subject
/// with the version its heading took, not `update CHANGELOG`. A version the change only
/// mentions is no release.
#[test]
fn a_release_reuses_an_earlier_subject_when_the_last_names_no_version() {
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("searcher: fix case {i}"))
    });
    let commit = |log: &str, subject: &str, minute: u32| {
        repo.write("CHANGELOG.md", log);
        repo.add(["CHANGELOG.md"]);
        let date = format!("2025-01-03T10:{minute:02}:00+00:00");
        let mut cmd = repo.git_cmd(["commit", "-q", "-m", subject]);
        cmd.env("GIT_HERALD_SKIP", "1")
            .env("GIT_COMMITTER_DATE", &date)
            .env("GIT_AUTHOR_DATE", &date);
        assert!(run(&mut cmd).status.success());
    };
    let released = "1.0.0 (2025-01-02)\n==================\nA first release.\n";
    commit(released, "changelog: 1.0.0", 1);
    let next = format!("1.0.1\n=====\nUnreleased changes.\n\n{released}");
    commit(&next, "changelog: start next section", 2);
    let release = next.replace(
        "1.0.1\n=====\nUnreleased changes.",
        "1.1.0\n=====\nA release that fixes line buffering.",
    );
    repo.write("CHANGELOG.md", &release);
    repo.add(["CHANGELOG.md"]);
    assert_eq!(subject_of(&repo, &["--offline"]), "changelog: 1.1.0");
    // An entry that names a version replaces no heading.
    let entry = next.replace(
        "Unreleased changes.",
        "Unreleased changes.\n\n* Fix a regression from 1.2.0.",
    );
    repo.write("CHANGELOG.md", &entry);
    repo.add(["CHANGELOG.md"]);
    assert_ne!(subject_of(&repo, &["--offline"]), "changelog: 1.2.0");
}

/// Two typo fixes in a changelog are no template for a section added to it (wezterm's
/// changelog cut for a release read `docs: fix typo`); another typo fix takes it up.
#[test]
fn a_typo_fixed_twice_is_reused_only_for_a_typo() {
    let repo = TestRepo::with_commit();
    cc_house(&repo);
    let mut log =
        String::from("# Changelog\n\n## Nightly\n\n* Teh first change\n* A secnod change\n");
    repo.write("CHANGELOG.md", &log);
    repo.add(["CHANGELOG.md"]);
    repo.commit("docs: add changelog");
    for (typo, fixed) in [("Teh", "The"), ("secnod", "second")] {
        log = log.replace(typo, fixed);
        repo.write("CHANGELOG.md", &log);
        repo.add(["CHANGELOG.md"]);
        repo.commit("docs: fix typo");
    }
    let cut = log.replace(
        "## Nightly\n\n",
        "## Nightly\n\n* Not yet!\n\n## 20240127-113634-bbcac864\n\n",
    );
    repo.write("CHANGELOG.md", &cut);
    repo.add(["CHANGELOG.md"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains("typo"), "{subject}");
    repo.write("CHANGELOG.md", log.replace("first", "frist"));
    repo.add(["CHANGELOG.md"]);
    repo.commit("docs: add a typo");
    repo.write("CHANGELOG.md", &log);
    repo.add(["CHANGELOG.md"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.contains("typo"), "{subject}");
}

/// Hono writes Conventional Commits but heads each release with its version alone, as
/// `npm version` does: `4.12.25`, then `4.12.26`.
#[test]
fn a_release_headed_by_its_version_alone_keeps_that_heading() {
    let repo = TestRepo::with_commit();
    cc_house(&repo);
    for v in ["4.12.24", "4.12.25"] {
        stage_release(&repo, v);
        repo.commit(v);
    }
    stage_release(&repo, "4.12.26");
    assert_eq!(subject_of(&repo, &["--offline"]), "4.12.26");

    // A plain sentence twice is no such habit: the house's form wins.
    let repo = TestRepo::with_commit();
    cc_house(&repo);
    for v in ["4.12.24", "4.12.25"] {
        stage_release(&repo, v);
        repo.commit(&format!("Release {v}"));
    }
    stage_release(&repo, "4.12.26");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("chore"), "{subject}");
}

#[test]
fn a_rewritten_history_rebuilds_the_index() {
    let repo = TestRepo::with_commit();
    history(&repo, 3, |i| {
        (format!("a{i}.txt"), format!("old subject {i}"))
    });
    stage_change(&repo, "b.rs");
    subject_of(&repo, &["--offline"]);
    let head = repo.git(["rev-parse", "HEAD"]);
    assert!(index_text(&repo).contains(&format!("head {} 1", head.trim())));
    assert!(index_text(&repo).contains("old subject 2"));

    // Amend the last commit: the index's head is gone from the history.
    let mut amend = repo.git_cmd(["commit", "-q", "--amend", "-m", "new subject"]);
    amend.env("GIT_HERALD_SKIP", "1");
    let out = run(&mut amend);
    assert!(out.status.success(), "{}", show(&out));
    stage_change(&repo, "c.rs");
    subject_of(&repo, &["--offline"]);
    let head = repo.git(["rev-parse", "HEAD"]);
    let text = index_text(&repo);
    assert!(text.contains(&format!("head {} 1", head.trim())), "{text}");
    assert!(
        text.contains("new subject") && !text.contains("old subject 2"),
        "{text}"
    );

    // A new commit on top is added to it.
    repo.commit("another one");
    stage_change(&repo, "d.rs");
    subject_of(&repo, &["--offline"]);
    let text = index_text(&repo);
    assert!(
        text.contains("another one") && text.contains("new subject"),
        "{text}"
    );
}

#[test]
fn a_corrupt_index_is_ignored() {
    let repo = TestRepo::with_commit();
    history(&repo, 3, |i| (format!("a{i}.txt"), format!("subject {i}")));
    std::fs::create_dir_all(repo.join(".git/herald")).unwrap();
    std::fs::write(
        index_file(&repo),
        "git-herald history v2\nhead zzz\n\u{0}garbage",
    )
    .unwrap();
    stage_change(&repo, "b.rs");
    subject_of(&repo, &["--offline"]);
    assert!(index_text(&repo).contains("subject 2"));
}

#[test]
fn two_runs_at_once_leave_a_valid_index() {
    let repo = TestRepo::with_commit();
    history(&repo, 40, |i| {
        (format!("src/f{i}.rs"), format!("fix: case {i}"))
    });
    stage_change(&repo, "src/new.rs");
    for _ in 0..3 {
        let _ = std::fs::remove_file(index_file(&repo));
        let children: Vec<_> = (0..2)
            .map(|_| {
                let mut cmd = repo.command(crate::common::bin());
                cmd.arg("--offline")
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped());
                cmd.spawn().unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let text = index_text(&repo);
        assert!(text.contains("fix: case 39"), "{text}");
    }
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(repo.join(".git/herald"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn hook_install_builds_the_index() {
    let repo = TestRepo::with_commit();
    history(&repo, 2, |i| (format!("a{i}.txt"), format!("subject {i}")));
    let out = repo.herald(["hook", "install"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("indexed 3 commits"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(index_text(&repo).contains("subject 1"));
    // Not a terminal: no progress bar in the output.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("indexing history"));
}

#[test]
fn hook_install_shows_a_progress_bar_on_a_terminal() {
    let repo = TestRepo::with_commit();
    history(&repo, 2, |i| (format!("a{i}.txt"), format!("subject {i}")));
    // `script` (util-linux) gives the command a pseudo-terminal.
    let line = format!("{} hook install", bin().display());
    let mut cmd = repo.command("script");
    cmd.args(["-qec", &line, "/dev/null"]).env("TERM", "xterm");
    let out = cmd
        .output()
        .expect("script(1), from util-linux, runs the command on a terminal");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("indexing history"), "{text}");
    assert!(text.contains("indexed 3 commits"), "{text}");
}

#[test]
fn doctor_shows_the_house_style_and_the_scopes_for_staged_paths() {
    let repo = TestRepo::with_commit();
    history(&repo, 30, |i| match i % 2 {
        0 => (format!("mux/src/f{i}.rs"), format!("mux: handle case {i}")),
        _ => (format!("term/src/f{i}.rs"), format!("term: fix case {i}")),
    });
    stage_change(&repo, "term/src/f1.rs");
    let out = repo.herald(["doctor", "--no-network"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("house style: `area: summary` (97% of the last 31 subjects"),
        "{text}"
    );
    assert!(
        text.contains("followed (`message.conventional = \"auto\"`)"),
        "{text}"
    );
    assert!(text.contains("areas used: mux 15, term 15"), "{text}");
    assert!(text.contains("scopes or areas known: term"), "{text}");
}

/// The first commit on `fix/handle-empty-config-files` says what the branch is for; the
/// next ones, and commits on the main line, are read from their diffs.
#[test]
fn a_branch_first_commit_takes_the_branch_words() {
    let repo = TestRepo::with_commit();
    repo.git(["branch", "-M", "main"]);
    repo.git(["checkout", "-q", "-b", "fix/handle-empty-config-files"]);
    stage_change(&repo, "src/config.rs");
    assert_eq!(
        subject_of(&repo, &["--offline"]),
        "fix: handle empty config files"
    );

    // The branch has a commit of its own now: its name no longer speaks for the next.
    repo.commit("fix: handle empty config files");
    stage_change(&repo, "src/loader.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains("empty config"), "{subject}");

    // A name that says only the type gives the type, and the diff the words.
    repo.git(["checkout", "-q", "main"]);
    repo.git(["checkout", "-q", "-b", "refactor/loader"]);
    stage_change(&repo, "src/parser.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("refactor"), "{subject}");

    // On the main line, nothing is read from its name.
    repo.git(["checkout", "-q", "main"]);
    repo.git(["checkout", "-q", "-b", "add-retry-on-timeouts"]);
    repo.git(["checkout", "-q", "main"]);
    stage_change(&repo, "src/retry.rs");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains("retry on timeouts"), "{subject}");
}

/// typescript-eslint opens the summary of a change to one rule with the rule's name in
/// brackets (`fix(eslint-plugin): [no-type-alias] handle keyof`): a change to a rule and
/// its tests gets the label, not the name again, and a fix whose new tests only add code
/// the rule must accept avoids a false positive.
#[test]
fn a_house_that_labels_its_rules_gets_the_label() {
    let repo = TestRepo::with_commit();
    let rules = ["no-shadow", "array-type", "no-type-alias", "prefer-for-of"];
    history(&repo, 24, |i| {
        let rule = rules[i % rules.len()];
        match i % 3 {
            0 => (
                format!("packages/plugin/docs/rules/{rule}.mdx"),
                format!("docs(plugin): [{rule}] clarify case {i}"),
            ),
            _ => (
                format!("packages/plugin/src/rules/{rule}.ts"),
                format!("fix(plugin): [{rule}] handle case {i}"),
            ),
        }
    });
    // A typo fixed in the rule's page: the page is not named again.
    repo.write(
        "packages/plugin/docs/rules/no-type-alias.mdx",
        "# no-type-alias\n\nTeh rule reports type aliases.\n",
    );
    repo.commit_all("docs(plugin): [no-type-alias] add page");
    repo.write(
        "packages/plugin/docs/rules/no-type-alias.mdx",
        "# no-type-alias\n\nThe rule reports type aliases.\n",
    );
    repo.add(["packages"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert_eq!(subject, "docs(plugin): [no-type-alias] fix typo");
    repo.write(
        "packages/plugin/src/rules/no-type-alias.ts",
        "line 2\nif (operator === 'keyof') {\n  return;\n}\n",
    );
    repo.write(
        "packages/plugin/tests/rules/no-type-alias.test.ts",
        "ruleTester.run('no-type-alias', rule, {\n  valid: [\n    {\n      code: 'type K = keyof typeof X;',\n    },\n  ],\n  invalid: [],\n});\n",
    );
    repo.add(["packages"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert_eq!(subject, "fix(plugin): [no-type-alias] avoid false positive");
    // A test case that must report errors is no false positive avoided; the name is still
    // said once.
    repo.write(
        "packages/plugin/tests/rules/no-type-alias.test.ts",
        "ruleTester.run('no-type-alias', rule, {\n  valid: [],\n  invalid: [\n    {\n      code: 'type K = keyof typeof X;',\n      errors: [{ messageId: 'noTypeAlias' }],\n    },\n  ],\n});\n",
    );
    repo.add(["packages"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.contains(": [no-type-alias] "), "{subject}");
    assert!(!subject.contains("false positive"), "{subject}");
    assert_eq!(
        subject.matches("no-type-alias").count(),
        1,
        "the name is said once: {subject}"
    );
    // Elsewhere in the same repository, no label.
    repo.git(["reset", "-q"]);
    repo.write("packages/plugin/src/util/ast.ts", "export const x = 1;\n");
    repo.add(["packages/plugin/src/util/ast.ts"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains('['), "{subject}");
}

/// A house that writes its rule changes without labels gets none.
#[test]
fn a_house_without_labels_gets_none() {
    let repo = TestRepo::with_commit();
    let rules = ["no-shadow", "array-type", "no-type-alias", "prefer-for-of"];
    history(&repo, 24, |i| {
        let rule = rules[i % rules.len()];
        (
            format!("src/rules/{rule}.ts"),
            format!("fix(rules): handle case {i} in {rule}"),
        )
    });
    stage_change(&repo, "src/rules/no-type-alias.ts");
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains('['), "{subject}");
}

/// A house that writes names from code in backticks (tokio's ``fs: add
/// `File::max_buf_size` ``) gets them so, a method by its type; one that writes them bare
/// gets them bare.
#[test]
fn names_from_code_are_written_as_the_house_writes_them() {
    for ticked in [true, false] {
        let repo = TestRepo::with_commit();
        history(&repo, 24, |i| {
            let name = if i % 2 == 0 {
                format!("spawn_inner_{i}")
            } else {
                format!("Waker::wake_{i}")
            };
            let name = if ticked { format!("`{name}`") } else { name };
            (
                format!("sync/src/f{i}.rs"),
                format!("sync: fix {name} race"),
            )
        });
        repo.write(
            "sync/src/file.rs",
            "pub struct File;\n\nimpl File {\n    pub fn open() -> File {\n        File\n    }\n}\n",
        );
        repo.add(["sync/src/file.rs"]);
        repo.commit("sync: add file");
        repo.write(
            "sync/src/file.rs",
            "pub struct File;\n\nimpl File {\n    pub fn open() -> File {\n        File\n    }\n\n    \
             pub fn max_buf_size(&self) -> usize {\n        4096\n    }\n}\n",
        );
        repo.add(["sync/src/file.rs"]);
        let subject = subject_of(&repo, &["--offline"]);
        assert!(subject.starts_with("sync: "), "{subject}");
        assert!(subject.contains("max_buf_size"), "{subject}");
        // A house that ticks paths and names writes a method by its type.
        assert_eq!(
            subject == "sync: add `File::max_buf_size`",
            ticked,
            "{subject}"
        );
        assert_eq!(subject.contains('`'), ticked, "{subject}");
    }
}

/// tokio names its test files by the module under test (`tests/process_*.rs`,
/// `tests/sync_*.rs`): a new test file goes with the files named alike in its folder,
/// not with whatever its folder saw last.
#[test]
fn a_new_file_goes_with_the_files_named_alike_beside_it() {
    let repo = TestRepo::with_commit();
    history(&repo, 30, |i| match i % 5 {
        0 => (
            format!("tokio/tests/process_case{i}.rs"),
            format!("process: fix case {i}"),
        ),
        _ => (
            format!("tokio/tests/sync_case{i}.rs"),
            format!("sync: fix case {i}"),
        ),
    });
    repo.write(
        "tokio/tests/process_kill_after_wait.rs",
        "#[test]\nfn kill_after_wait() {\n    assert!(true);\n}\n",
    );
    repo.add(["tokio/tests/process_kill_after_wait.rs"]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(subject.starts_with("process: "), "{subject}");
}

/// jj writes a function with its call's parentheses (`dag_walk_async: make
/// closest_common_node() async`): a function the change edits is written so there, and
/// bare in a house that writes it bare.
#[test]
fn functions_are_written_as_calls_where_the_house_writes_them_so() {
    for calls in [true, false] {
        let repo = TestRepo::with_commit();
        history(&repo, 24, |i| {
            let name = format!("walk_step_{i}");
            let name = if calls { format!("{name}()") } else { name };
            (format!("lib/src/f{i}.rs"), format!("lib: simplify {name}"))
        });
        let before = "pub fn closest_common_node(a: u32, b: u32) -> u32 {\n    let x = a;\n    let y = b;\n    x.min(y)\n}\n";
        repo.write("lib/src/dag_walk.rs", before);
        repo.add(["lib/src/dag_walk.rs"]);
        repo.commit("lib: add dag_walk");
        repo.write(
            "lib/src/dag_walk.rs",
            before.replace("    x.min(y)", "    if x < y { x } else { y }"),
        );
        repo.add(["lib/src/dag_walk.rs"]);
        let subject = subject_of(&repo, &["--offline"]);
        assert!(subject.contains("closest_common_node"), "{subject}");
        assert_eq!(
            subject.contains("closest_common_node()"),
            calls,
            "{subject}"
        );
    }
}

/// One pull request committed twice (axum's `Implement FromRequest for BytesMut (#2583)`,
/// backported and merged back) is no habit to repeat: a later link fix in that file says
/// what it fixes, by the link's label.
#[test]
fn a_pull_request_committed_twice_is_not_reused() {
    let repo = TestRepo::with_commit();
    history(&repo, 24, |i| {
        (format!("src/f{i}.rs"), format!("Add thing {i}"))
    });
    let path = "axum-core/src/extract/request_parts.rs";
    let doc = "/// Prefer using [`TypedHeader`] to extract only the headers you need.\n///\n/// [`TypedHeader`]: https://docs.rs/axum/0.8/axum/extract/struct.TypedHeader.html\nimpl Parts for HeaderMap {}\n";
    for body in ["impl A for BytesMut {}\n", "impl B for BytesMut {}\n"] {
        repo.write(path, format!("{doc}{body}"));
        repo.add([path]);
        repo.commit("Implement FromRequest for BytesMut (#2583)");
    }
    repo.write(
        path,
        format!(
            "{}impl B for BytesMut {{}}\n",
            doc.replace(
                "https://docs.rs/axum/0.8/axum/extract/",
                "https://docs.rs/axum-extra/0.10/axum_extra/"
            )
        ),
    );
    repo.add([path]);
    let subject = subject_of(&repo, &["--offline"]);
    assert!(!subject.contains("BytesMut"), "{subject}");
    assert!(
        subject.contains("TypedHeader link in request_parts.rs"),
        "{subject}"
    );
}
