//! `git herald changelog` and `git herald release-notes` on repositories built by the scripts
//! in `fixtures/changelog/<case>/`, compared byte for byte with the expected output.
//!
//! A case folder holds `setup.sh` (builds the history with git on a fixed clock, sourcing
//! `../lib.sh`), `args` (the arguments after `git herald`, one a line), an optional
//! `config.toml` (written as the repository's `.git-herald.toml` after the history is built)
//! and `expected.md` or `expected.json`; stderr must be empty, or equal `expected.stderr` when
//! the case has one. With `--prepend FILE` or `--output FILE` in `args`,
//! that file is compared instead of stdout, and `--prepend` runs twice to show that it
//! replaces its section rather than adding a second one.
//!
//! `HERALD_BLESS=1 cargo test --test cli changelog` rewrites the expected files from the
//! output; review them in `git diff`.

use crate::common::{TestRepo, fixture, run, show};
use std::fs;
use std::path::{Path, PathBuf};

pub(crate) fn case_dir(case: &str) -> PathBuf {
    fixture("changelog").join(case)
}

/// Builds the case's repository: runs `setup.sh`, then writes `config.toml` as the repository
/// file.
pub(crate) fn build(case: &str) -> TestRepo {
    let dir = case_dir(case);
    let repo = TestRepo::new();
    let mut setup = repo.command("sh");
    setup.arg(dir.join("setup.sh"));
    let out = run(&mut setup);
    assert!(
        out.status.success(),
        "{case}/setup.sh failed:\n{}",
        show(&out)
    );
    if let Ok(config) = fs::read_to_string(dir.join("config.toml")) {
        repo.write(".git-herald.toml", config);
    }
    repo
}

fn args_of(case: &str) -> Vec<String> {
    fs::read_to_string(case_dir(case).join("args"))
        .unwrap_or_else(|_| "changelog\n".into())
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Compares `actual` with the expected file, or rewrites it under `HERALD_BLESS=1`.
fn expect(path: &Path, actual: &str) {
    if std::env::var_os("HERALD_BLESS").is_some() {
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with HERALD_BLESS=1)", path.display()));
    assert!(
        actual == expected,
        "{} differs\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
        path.display()
    );
}

fn check_case(case: &str) {
    let repo = build(case);
    let args = args_of(case);
    let file_arg = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .map(|i| repo.join(&args[i + 1]))
    };
    let prepend = file_arg("--prepend");
    let output = file_arg("--output").or_else(|| file_arg("-o"));
    let json = args.iter().any(|a| a == "json");
    let expected = case_dir(case).join(if json { "expected.json" } else { "expected.md" });
    let out = repo.herald(&args).output().unwrap();
    assert!(out.status.success(), "{case}: {args:?}\n{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected_stderr = case_dir(case).join("expected.stderr");
    if expected_stderr.exists() {
        expect(&expected_stderr, &stderr);
    } else {
        assert!(stderr.is_empty(), "{case}: unexpected stderr: {stderr}");
    }
    match prepend.or(output) {
        Some(path) => {
            assert!(out.stdout.is_empty(), "{case}: wrote to stdout too");
            let first = fs::read_to_string(&path).unwrap();
            if args.iter().any(|a| a == "--prepend") {
                let again = repo.herald(&args).output().unwrap();
                assert!(again.status.success(), "{}", show(&again));
                let second = fs::read_to_string(&path).unwrap();
                assert_eq!(first, second, "{case}: a second --prepend changed the file");
            }
            expect(&expected, &first);
        }
        None => expect(&expected, &String::from_utf8(out.stdout).unwrap()),
    }
}

macro_rules! cases {
    ($($name:ident => $dir:literal,)*) => {
        $(
            #[test]
            fn $name() {
                check_case($dir);
            }
        )*

        /// Every case folder has a test above.
        #[test]
        fn every_fixture_folder_is_a_case() {
            let known = [$($dir),*];
            for entry in fs::read_dir(fixture("changelog")).unwrap() {
                let entry = entry.unwrap();
                if entry.file_type().unwrap().is_dir() {
                    let name = entry.file_name().into_string().unwrap();
                    assert!(known.contains(&name.as_str()), "no test runs case `{name}`");
                }
            }
        }
    };
}

cases! {
    first_release => "first-release",
    unreleased => "unreleased",
    breaking_changes => "breaking",
    scopes_and_unicode => "scopes",
    merges_show_pr_titles => "merges",
    merges_with_every_commit_walked => "merges-all-commits",
    reverted_pairs_cancel => "reverts",
    non_conventional_commits_are_typed_from_their_diff => "non-conventional",
    pre_releases_have_sections => "pre-releases",
    pre_releases_fold_into_the_release => "pre-releases-fold",
    prepend_replaces_unreleased_and_keeps_older_sections => "prepend",
    prepend_replaces_the_same_version => "prepend-replace",
    github_links => "github-links",
    json_format => "json",
    explicit_range => "range",
    no_tags_means_all_unreleased => "no-tags",
    repository_sections_and_tag_pattern => "custom-sections",
    release_notes_for_a_tag => "release-notes",
    template_flag => "template",
    template_from_the_repository_file_for_release_notes => "template-release-notes",
    releases_follow_the_first_parent_line => "merged-history",
    package_tags_and_include_path => "package-tags",
    release_notes_for_a_package_tag => "package-release-notes",
    tags_of_other_packages_and_no_release_are_named => "package-tags-warning",
    breaking_bullets_keep_the_subject_and_the_whole_note => "breaking-note-whole",
    templates_read_bodies_and_footers => "template-body",
    a_range_is_split_at_the_tags_inside_it => "range-split",
    contributors_and_first_timers => "contributors",
    house_style_of_a_conventional_changelog => "house-conventional",
    house_style_of_an_nx_changelog_with_thanks => "house-nx",
    a_hotfix_tagged_on_a_release_branch_keeps_its_section => "release-branch",
}

#[test]
fn output_is_the_same_bytes_every_time() {
    let repo = build("github-links");
    let once = repo.herald(["changelog", "--all"]).output().unwrap();
    let twice = repo.herald(["changelog", "--all"]).output().unwrap();
    assert!(once.status.success(), "{}", show(&once));
    assert_eq!(once.stdout, twice.stdout);
    // `--output` writes what stdout would have shown.
    repo.herald(["changelog", "--all", "--output", "CHANGELOG.md"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read(repo.join("CHANGELOG.md")).unwrap(), once.stdout);
}

#[test]
fn release_notes_fill_github_actions_outputs() {
    let mut repo = build("release-notes");
    let output = repo.root().join("github_output");
    let summary = repo.root().join("step_summary.md");
    fs::write(&summary, "Earlier step.\n").unwrap();
    repo.set_env("GITHUB_ACTIONS", "true");
    repo.set_env("GITHUB_OUTPUT", &output);
    repo.set_env("GITHUB_STEP_SUMMARY", &summary);
    repo.set_env("GITHUB_REF_NAME", "v1.1.0");
    repo.set_env("GITHUB_REF_TYPE", "tag");
    let out = repo.herald(["release-notes"]).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    let notes = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        notes,
        fs::read_to_string(case_dir("release-notes").join("expected.md")).unwrap()
    );

    let written = fs::read_to_string(&output).unwrap();
    let first = written.lines().next().unwrap();
    let delimiter = first.strip_prefix("notes<<").expect(&written);
    assert!(
        delimiter.starts_with("ghadelimiter_") && delimiter.len() > 30,
        "{delimiter}"
    );
    assert!(!notes.contains(delimiter));
    let expected = format!(
        "notes<<{delimiter}\n{}\n{delimiter}\nversion=1.1.0\nprevious-version=1.0.0\n\
         tag=v1.1.0\nrange=v1.0.0..v1.1.0\n",
        notes.trim_end_matches('\n')
    );
    assert_eq!(written, expected);
    assert_eq!(
        fs::read_to_string(&summary).unwrap(),
        format!("Earlier step.\n## v1.1.0\n\n{notes}\n")
    );
}

#[test]
fn release_notes_default_to_the_tag_at_head() {
    let mut repo = build("release-notes");
    // A branch build names no tag; HEAD is not tagged either.
    repo.set_env("GITHUB_REF_NAME", "main");
    repo.set_env("GITHUB_REF_TYPE", "branch");
    repo.herald(["release-notes"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicates::str::contains("no release tag points at HEAD"))
        .stderr(predicates::str::contains("--tag NAME"));
    repo.git(["checkout", "-q", "v1.1.0"]);
    let notes = repo.herald(["release-notes"]).output().unwrap();
    assert!(notes.status.success(), "{}", show(&notes));
    assert_eq!(
        String::from_utf8(notes.stdout).unwrap(),
        fs::read_to_string(case_dir("release-notes").join("expected.md")).unwrap()
    );
    // Off GitHub Actions, nothing but stdout (and `--output`) is written.
    repo.herald(["release-notes", "--output", "NOTES.md"])
        .assert()
        .success()
        .stdout("");
    assert!(repo.join("NOTES.md").exists());
}

#[test]
fn release_notes_write_a_dotenv_for_gitlab() {
    let repo = build("release-notes");
    let out = repo
        .herald([
            "release-notes",
            "--tag",
            "v1.1.0",
            "--output",
            "notes.md",
            "--dotenv",
            "notes.env",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        fs::read_to_string(repo.join("notes.md")).unwrap(),
        fs::read_to_string(case_dir("release-notes").join("expected.md")).unwrap()
    );
    // GitLab's dotenv: one `NAME=value` a line, no quotes, no blank lines.
    assert_eq!(
        fs::read_to_string(repo.join("notes.env")).unwrap(),
        "NOTES_VERSION=1.1.0\nNOTES_PREVIOUS_VERSION=1.0.0\nNOTES_TAG=v1.1.0\n\
         NOTES_RANGE=v1.0.0..v1.1.0\nNOTES_FILE=notes.md\n"
    );
    // The notes must be in a file for the dotenv to point at.
    repo.herald(["release-notes", "--tag", "v1.1.0", "--dotenv", "notes.env"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--output"));
}

#[test]
fn template_errors_name_the_file_and_line() {
    let repo = build("release-notes");
    repo.write(
        "broken.j2",
        "{% for release in releases %}\n## {{ release.tag }\n{% endfor %}\n",
    );
    repo.herald(["changelog", "--all", "--template", "broken.j2"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains(
            "error: cannot use the template `broken.j2` (line 2)",
        ))
        .stderr(predicates::str::contains("caused by: syntax error"))
        .stderr(predicates::str::contains("hint: a template gets the data"));
    // A misspelt field fails at its line rather than printing nothing.
    repo.write(
        "typo.j2",
        "{% for release in releases %}\n{% for s in release.sections %}\n\
         {{ s.commit[0].subject }}\n{% endfor %}\n{% endfor %}\n",
    );
    repo.herald(["release-notes", "--tag", "v1.1.0", "--template", "typo.j2"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "cannot use the template `typo.j2` (line 3)",
        ));
    repo.herald(["changelog", "--template", "missing.j2"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "failed to read the template `missing.j2`",
        ));
    // Templates shape the default output only: not `--format` or `--prepend`.
    repo.herald(["changelog", "--template", "typo.j2", "--format", "json"])
        .assert()
        .code(2);
    repo.herald([
        "changelog",
        "--template",
        "typo.j2",
        "--prepend",
        "CHANGELOG.md",
    ])
    .assert()
    .code(2);
    // A repository's file may only name a template inside the repository.
    repo.write(
        ".git-herald.toml",
        "[changelog]\ntemplate = \"../../x.j2\"\n",
    );
    repo.herald(["changelog"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "must name a file inside the repository",
        ));
}

#[test]
fn shallow_clone_asks_for_full_history() {
    let source = build("release-notes");
    let clone = TestRepo::outside();
    let url = format!("file://{}", source.path().display());
    let mut cmd = clone.command("git");
    cmd.current_dir(clone.root())
        .args(["clone", "-q", "--depth", "1", &url, "repo"]);
    let out = run(&mut cmd);
    assert!(out.status.success(), "{}", show(&out));
    for args in [
        vec!["changelog"],
        vec!["changelog", "--latest"],
        vec!["release-notes"],
    ] {
        clone
            .herald(&args)
            .assert()
            .failure()
            .code(1)
            .stderr(predicates::str::contains("fetch-depth: 0"))
            .stderr(predicates::str::contains("git fetch --unshallow"));
    }
}

#[test]
fn usage_errors_say_what_to_do() {
    let repo = build("no-tags");
    repo.herald(["changelog", "--latest"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no tag matches"))
        .stderr(predicates::str::contains("hint: tag a release"));
    repo.herald(["changelog", "nope..HEAD"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "cannot resolve the revision `nope`",
        ));
    repo.herald(["changelog", "--format", "json", "--prepend", "CHANGELOG.md"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--prepend"));
    repo.herald(["release-notes", "--tag", "v9.9.9"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no tag `v9.9.9`"));
    repo.herald(["changelog", "--latest", "--all"])
        .assert()
        .code(2);
    repo.write(".git-herald.toml", "[changelog]\ntag-pattern = '('\n");
    repo.herald(["changelog"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("invalid `changelog.tag-pattern`"));
}

/// With a model: a local wiremock server speaking the OpenAI wire format.
mod model {
    use super::{build, case_dir};
    use crate::common::{TestRepo, show};
    use std::fs;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use crate::provider::server;

    /// An OpenAI Chat Completions stream that says `text` in two deltas.
    fn answer(text: &str) -> ResponseTemplate {
        let (a, b) = text.split_at(text.len() / 2);
        let chunk = |t: &str| {
            format!(
                "data: {}\n\n",
                serde_json::json!({"choices": [{"index": 0, "delta": {"content": t}}]})
            )
        };
        ResponseTemplate::new(200)
            .insert_header("content-type", "text/event-stream")
            .set_body_string(format!("{}{}data: [DONE]\n\n", chunk(a), chunk(b)))
    }

    fn mock(rt: &tokio::runtime::Runtime, server: &MockServer, response: ResponseTemplate) {
        rt.block_on(
            Mock::given(method("POST"))
                .and(path("/v1/chat/completions"))
                .respond_with(response)
                .mount(server),
        );
    }

    fn with_model(repo: &mut TestRepo, server: &MockServer) {
        repo.set_env("OPENAI_API_KEY", "sk-test-0123456789abcdef");
        repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
        repo.set_env("GIT_HERALD_ATTEMPTS", "1");
    }

    fn sha(repo: &TestRepo, rev: &str) -> String {
        repo.git(["rev-parse", rev]).trim().to_owned()
    }

    fn sent(rt: &tokio::runtime::Runtime, server: &MockServer) -> Vec<String> {
        rt.block_on(server.received_requests())
            .unwrap_or_default()
            .iter()
            .map(|r| String::from_utf8_lossy(&r.body).into_owned())
            .collect()
    }

    fn deterministic_notes() -> String {
        fs::read_to_string(case_dir("release-notes").join("expected.md")).unwrap()
    }

    #[test]
    fn a_second_run_takes_the_rewritten_notes_from_the_cache() {
        let (rt, server) = server();
        let mut repo = build("release-notes");
        let (feat, fix) = (sha(&repo, "v1.1.0~2"), sha(&repo, "v1.1.0~1"));
        mock(
            &rt,
            &server,
            answer(&format!(
                "A client and a fix.\n\n### Features\n\n- Talk to the service [{}]\n\n\
                 ### Bug fixes\n\n- Files close [{}]\n",
                &feat[..7],
                &fix[..7]
            )),
        );
        with_model(&mut repo, &server);
        let first = repo
            .herald(["release-notes", "--tag", "v1.1.0"])
            .output()
            .unwrap();
        assert!(first.status.success(), "{}", show(&first));
        assert_eq!(sent(&rt, &server).len(), 1);
        let second = repo
            .herald(["release-notes", "--tag", "v1.1.0"])
            .output()
            .unwrap();
        assert!(second.status.success(), "{}", show(&second));
        assert_eq!(first.stdout, second.stdout);
        assert_eq!(
            sent(&rt, &server).len(),
            1,
            "the same release, prompt and model: answered from the cache"
        );
    }

    #[test]
    fn model_rewrites_the_notes_and_references_stay() {
        let (rt, server) = server();
        let mut repo = build("release-notes");
        let (feat, fix) = (sha(&repo, "v1.1.0~2"), sha(&repo, "v1.1.0~1"));
        mock(
            &rt,
            &server,
            answer(&format!(
                "This release adds a client and fixes a leak.\n\n### Features\n\n\
                 - Talk to the service from code [{}]\n\n### Bug fixes\n\n\
                 - Files no longer stay open [{}]\n",
                &feat[..7],
                &fix[..7]
            )),
        );
        with_model(&mut repo, &server);
        let out = repo
            .herald(["release-notes", "--tag", "v1.1.0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let base = "https://github.com/acme/widget";
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!(
                "This release adds a client and fixes a leak.\n\n### Features\n\n\
                 - Talk to the service from code ([{}]({base}/commit/{feat}))\n\n\
                 ### Bug fixes\n\n- Files no longer stay open ([{}]({base}/commit/{fix}))\n\n\
                 **Full changelog**: [v1.0.0...v1.1.0]({base}/compare/v1.0.0...v1.1.0)\n",
                &feat[..7],
                &fix[..7]
            )
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("via openai"), "{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
        let requests = sent(&rt, &server);
        assert_eq!(requests.len(), 1);
        assert!(
            requests[0].contains(&format!("[{}] fix: close files", &fix[..7])),
            "{}",
            requests[0]
        );
        // JSON is the structured data: no model call.
        repo.herald(["changelog", "--format", "json"])
            .assert()
            .success();
        assert_eq!(sent(&rt, &server).len(), 1);
    }

    #[test]
    fn commit_messages_are_redacted_before_they_are_sent() {
        let (rt, server) = server();
        let mut repo = build("release-notes");
        let secret = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
        repo.commit(&format!("fix: stop printing the token {secret}"));
        repo.git(["tag", "v1.2.0"]);
        let (feat, fix) = (sha(&repo, "v1.2.0~1"), sha(&repo, "v1.2.0"));
        mock(
            &rt,
            &server,
            answer(&format!(
                "### Features\n\n- More after the release [{}]\n\n### Bug fixes\n\n\
                 - The token is no longer printed [{}]\n",
                &feat[..7],
                &fix[..7]
            )),
        );
        with_model(&mut repo, &server);
        let out = repo
            .herald(["release-notes", "--tag", "v1.2.0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains("The token is no longer printed"),
            "{stdout}"
        );
        let requests = sent(&rt, &server);
        assert_eq!(requests.len(), 1);
        assert!(!requests[0].contains(secret), "{}", requests[0]);
        assert!(requests[0].contains("[REDACTED:"), "{}", requests[0]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("warning: redacted secrets"), "{stderr}");
        assert!(!stderr.contains(secret), "{stderr}");
    }

    #[test]
    fn a_failing_model_leaves_the_deterministic_notes() {
        let (rt, server) = server();
        let mut repo = build("release-notes");
        mock(
            &rt,
            &server,
            ResponseTemplate::new(500).set_body_string("{\"error\":{\"message\":\"down\"}}"),
        );
        with_model(&mut repo, &server);
        let out = repo
            .herald(["release-notes", "--tag", "v1.1.0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            deterministic_notes()
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("warning: the model could not write the changelog")
                && stderr.contains("HTTP 500"),
            "{stderr}"
        );
    }

    /// A model that answers each part with one bullet per commit it was given (so every
    /// token comes back), the summary call with two sentences, and HTTP 500 for a part that
    /// holds `fails_on`.
    fn part_model(fails_on: Option<&'static str>) -> impl wiremock::Respond {
        move |request: &wiremock::Request| {
            let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
            let system = body["messages"][0]["content"].as_str().unwrap_or_default();
            let user = body["messages"][1]["content"].as_str().unwrap_or_default();
            if system.contains("two or three sentences") {
                return answer("This release adds forty things. It also fixes ten.");
            }
            if fails_on.is_some_and(|f| user.contains(f)) {
                return ResponseTemplate::new(500)
                    .set_body_string("{\"error\":{\"message\":\"down\"}}");
            }
            let mut out = String::new();
            for line in user.lines() {
                if let Some(title) = line.strip_prefix("### ") {
                    out.push_str(&format!("\n### {title}\n\n"));
                } else if let Some(rest) = line.strip_prefix("- [") {
                    let (token, text) = rest.split_once("] ").unwrap();
                    out.push_str(&format!("- Users get {} [{token}]\n", text.len()));
                }
            }
            answer(&out)
        }
    }

    /// A repository with 40 features and 10 fixes tagged v1.0.0, and a model whose context
    /// window fits about 20 commits a call.
    fn long_release(server: &MockServer) -> TestRepo {
        let mut repo = TestRepo::with_commit();
        for i in 0..50 {
            repo.write(format!("f{i}.txt"), format!("{i}\n"));
            repo.add_all();
            if i % 5 == 4 {
                repo.commit(&format!("fix(core): mend thing number {i}"));
            } else {
                repo.commit(&format!("feat(core): add thing number {i}"));
            }
        }
        repo.git(["tag", "v1.0.0"]);
        with_model(&mut repo, server);
        std::fs::create_dir_all(repo.user_config().parent().unwrap()).unwrap();
        std::fs::write(
            repo.user_config(),
            "[budget]\ncontext-window = 2400\n[models.\"gpt-4o-mini\"]\nmax-output = 512\n",
        )
        .unwrap();
        repo
    }

    #[test]
    fn a_long_release_is_written_part_by_part_then_summarised() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("POST"))
                .and(path("/v1/chat/completions"))
                .respond_with(part_model(None))
                .mount(&server),
        );
        let repo = long_release(&server);
        let out = repo
            .herald(["release-notes", "--tag", "v1.0.0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.starts_with(
                "This release adds forty things. It also fixes ten.\n\n### Features\n\n"
            ),
            "{stdout}"
        );
        assert_eq!(stdout.matches("### Features").count(), 1, "{stdout}");
        assert_eq!(stdout.matches("### Bug fixes").count(), 1, "{stdout}");
        // The 50 commits and the repository's first one (typed `docs` from its diff).
        assert_eq!(
            stdout.matches("- Users get").count(),
            51,
            "every commit: {stdout}"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("warning"), "{stderr}");
        let requests = sent(&rt, &server);
        // 51 commits, at most 21 per answer (512 output tokens): 3 parts, then the summary.
        assert_eq!(requests.len(), 4, "{stderr}");
        for body in &requests {
            let body: serde_json::Value = serde_json::from_str(body).unwrap();
            let user = body["messages"][1]["content"].as_str().unwrap();
            assert!(
                user.len() <= (2400 - 512 - 1000) * 3,
                "over budget: {}",
                user.len()
            );
        }
        let summary_input = &requests[3];
        assert!(summary_input.contains("Users get"), "{summary_input}");
        assert!(!summary_input.contains("feat(core)"), "{summary_input}");
    }

    #[test]
    fn a_failed_part_keeps_its_commits_and_the_rest_is_rewritten() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("POST"))
                .and(path("/v1/chat/completions"))
                .respond_with(part_model(Some("thing number 0")))
                .mount(&server),
        );
        let repo = long_release(&server);
        let out = repo
            .herald(["release-notes", "--tag", "v1.0.0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("the model failed on part 1 of 3 of 1.0.0"),
            "{stderr}"
        );
        assert!(
            stdout.contains("- **core:** add thing number 0 ("),
            "{stdout}"
        );
        let rewritten = stdout.matches("- Users get").count();
        let plain = stdout.matches("- **core:**").count();
        assert_eq!(rewritten + plain, 51, "{stdout}");
        assert!(rewritten > 0 && plain > 0, "{stdout}");
    }

    #[test]
    fn an_answer_that_drops_a_commit_is_not_used() {
        let (rt, server) = server();
        let mut repo = build("release-notes");
        let feat = sha(&repo, "v1.1.0~2");
        mock(
            &rt,
            &server,
            answer(&format!("### Features\n\n- A client [{}]\n", &feat[..7])),
        );
        with_model(&mut repo, &server);
        let out = repo
            .herald(["release-notes", "--tag", "v1.1.0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            deterministic_notes()
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("left out 1 of 2 commits"), "{stderr}");
    }
}
