//! The command itself: `git herald` (= `git herald msg`), `--dry-run`, `--diff`, `--commit`,
//! errors and exit codes (issue #2, section 3). The engine's wording is never asserted, only
//! the message's shape and that every path agrees on the same message.

use crate::common::{TestRepo, assert_message_shape, run, show};
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::time::{Duration, Instant};

const SECRET: &str = "supersecretvalue123";

/// A repository with a commit and one staged source change.
fn repo_with_change() -> TestRepo {
    let repo = TestRepo::new();
    repo.write(
        "src/lib.rs",
        "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n",
    );
    repo.add_all();
    repo.commit("base");
    repo.write(
        "src/lib.rs",
        "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n\npub fn sub(a: i32, b: i32) -> i32 {\n    a - b\n}\n",
    );
    repo.add_all();
    repo
}

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

const SAMPLE_DIFF: &str = "diff --git a/src/parser.rs b/src/parser.rs
index 1111111..2222222 100644
--- a/src/parser.rs
+++ b/src/parser.rs
@@ -10,3 +10,7 @@ impl Parser {
     fn peek(&self) -> Option<char> {
         self.chars.clone().next()
     }
+
+    fn bump(&mut self) -> Option<char> {
+        self.chars.next()
+    }
";

#[test]
fn prints_a_message_and_exits_zero() {
    let repo = repo_with_change();
    let assert = repo
        .herald([] as [&str; 0])
        .assert()
        .success()
        .stderr(contains("error").not().and(contains("warning").not()));
    let message = stdout_of(&assert);
    assert_message_shape(&message);
    // `msg` is the same command, and the engine is deterministic.
    repo.herald(["msg"])
        .assert()
        .success()
        .stdout(message.clone());
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(message);
}

#[test]
fn works_on_the_first_commit_and_from_a_subdirectory() {
    let repo = TestRepo::new();
    repo.write("app/src/main.py", "print('hi')\n");
    repo.add_all();
    let top = stdout_of(&repo.herald([] as [&str; 0]).assert().success());
    assert_message_shape(&top);
    repo.herald([] as [&str; 0])
        .current_dir(repo.join("app/src"))
        .assert()
        .success()
        .stdout(top);
}

#[test]
fn style_flags_shape_the_message() {
    let repo = repo_with_change();
    let assert = repo.herald(["--no-body"]).assert().success();
    let message = stdout_of(&assert);
    assert_eq!(message.lines().count(), 1, "{message:?}");
    let assert = repo.herald(["--max-subject", "30"]).assert().success();
    let subject = stdout_of(&assert).lines().next().unwrap().to_owned();
    assert!(subject.chars().count() <= 30, "{subject:?}");
}

#[test]
fn nothing_staged_is_an_error_with_a_hint() {
    let repo = TestRepo::with_commit();
    repo.herald([] as [&str; 0])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: nothing is staged"))
        .stderr(contains("\nhint: stage changes with `git add`"));
}

#[test]
fn outside_a_repository_is_a_clear_error() {
    let dir = TestRepo::outside();
    dir.herald([] as [&str; 0])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: not a git repository"))
        .stderr(contains(dir.path().display().to_string()))
        .stderr(contains("hint:").and(contains("--diff")))
        .stderr(contains("panicked").not());
}

#[test]
fn bare_repository_is_a_clear_error() {
    let dir = TestRepo::outside();
    dir.git(["init", "-q", "--bare", "-b", "main"]);
    dir.herald([] as [&str; 0])
        .assert()
        .code(1)
        .stderr(contains("error:").and(contains("is a bare repository")))
        .stderr(contains("hint:").and(contains("git worktree add")));
}

#[test]
fn repository_libgit2_cannot_read_is_not_called_missing() {
    // A format extension libgit2 does not know (as with reftable or SHA-256 repositories).
    let repo = TestRepo::with_commit();
    repo.git(["config", "core.repositoryFormatVersion", "1"]);
    repo.git(["config", "extensions.heraldTestUnknown", "true"]);
    repo.herald([] as [&str; 0])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "error: cannot read the repository at `{}`",
            repo.path().display()
        )))
        .stderr(contains("heraldtestunknown"))
        .stderr(contains("hint:").and(contains("git herald --diff -")))
        .stderr(contains("not a git repository").not());
}

#[test]
fn diff_from_a_file_or_stdin_outside_a_repository() {
    let dir = TestRepo::outside();
    let file = dir.root().join("change.diff");
    fs::write(&file, SAMPLE_DIFF).unwrap();
    let from_file = stdout_of(
        &dir.herald(["--diff".as_ref(), file.as_os_str()])
            .assert()
            .success(),
    );
    assert_message_shape(&from_file);
    dir.herald(["--diff", "-"])
        .write_stdin(SAMPLE_DIFF)
        .assert()
        .success()
        .stdout(from_file);
    // The dry run shows the given text back, as it would be sent.
    dir.herald(["--dry-run", "--diff", "-"])
        .write_stdin(SAMPLE_DIFF)
        .assert()
        .success()
        .stdout(contains("  text       src/parser.rs"))
        .stdout(contains(SAMPLE_DIFF));
}

#[test]
fn diff_read_from_git_diff_matches_the_staged_message() {
    // `git diff --cached | git herald --diff -` and `git herald` see the same change.
    let repo = repo_with_change();
    let staged = stdout_of(&repo.herald([] as [&str; 0]).assert().success());
    let text = repo.git_bytes(["diff", "--cached"]);
    repo.herald(["--diff", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(staged);
}

#[test]
fn bad_diff_input_is_an_error() {
    let dir = TestRepo::outside();
    dir.herald(["--diff", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(contains(
            "error: the diff given with `--diff` holds no changes",
        ))
        .stderr(contains("hint:"));
    dir.herald(["--diff", "missing.diff"])
        .assert()
        .code(1)
        .stderr(contains("error: failed to read `missing.diff`"))
        .stderr(contains("caused by:"));
}

#[test]
fn dry_run_lists_each_decision_and_hides_withheld_content() {
    let repo = TestRepo::with_commit();
    repo.write("src/lib.rs", "pub fn hello() {}\n");
    repo.write("Cargo.lock", "# generated\n[[package]]\nname = \"x\"\n");
    repo.write("assets/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    repo.write(".env", format!("API_KEY={SECRET}\n"));
    repo.write("deploy/id_rsa", format!("-----BEGIN KEY-----\n{SECRET}\n"));
    repo.add_all();
    let assert = repo.herald(["--dry-run"]).assert().success();
    let out = stdout_of(&assert);
    for line in [
        "files: 5",
        "  withheld   .env (may hold credentials)",
        "  stats-only Cargo.lock (lockfile)",
        "  stats-only assets/logo.png (binary)",
        "  withheld   deploy/id_rsa (may hold credentials)",
        "  text       src/lib.rs (source)",
        "--- stats lines ---",
        "--- diff text ---",
        "+pub fn hello() {}",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "no line {line:?} in:\n{out}"
        );
    }
    // Named, never shown: not in the dry run, the message or any error output.
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(
        !out.contains(SECRET) && !stderr.contains(SECRET),
        "{out}\n{stderr}"
    );
    assert!(!out.contains("BEGIN KEY"), "{out}");
    let assert = repo.herald([] as [&str; 0]).assert().success();
    let output = assert.get_output();
    assert!(!String::from_utf8_lossy(&output.stdout).contains(SECRET));
    assert!(!String::from_utf8_lossy(&output.stderr).contains(SECRET));
}

#[test]
fn withheld_content_in_a_given_diff_is_dropped() {
    let dir = TestRepo::outside();
    let text = format!(
        "diff --git a/.env.production b/.env.production\nnew file mode 100644\nindex 0000000..1234567\n--- /dev/null\n+++ b/.env.production\n@@ -0,0 +1 @@\n+API_KEY={SECRET}\n{SAMPLE_DIFF}"
    );
    for args in [&["--dry-run", "--diff", "-"][..], &["--diff", "-"]] {
        let assert = dir
            .herald(args)
            .write_stdin(text.clone())
            .assert()
            .success();
        let output = assert.get_output();
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains(SECRET),
            "{args:?}"
        );
        assert!(
            !String::from_utf8_lossy(&output.stderr).contains(SECRET),
            "{args:?}"
        );
    }
    dir.herald(["--dry-run", "--diff", "-"])
        .write_stdin(text)
        .assert()
        .stdout(contains(
            "  withheld   .env.production (may hold credentials)",
        ));
}

#[test]
fn commit_uses_the_printed_message() {
    let repo = repo_with_change();
    let printed = stdout_of(&repo.herald([] as [&str; 0]).assert().success());
    repo.herald(["--commit"]).assert().success();
    assert_eq!(repo.commit_count(), 2);
    assert_eq!(repo.message_of("HEAD"), printed);
    assert!(repo.git(["diff", "--cached", "--name-only"]).is_empty());
    // Nothing left to commit: an error, and no empty commit.
    repo.herald(["--commit"])
        .assert()
        .code(1)
        .stderr(contains("error: nothing is staged"));
    assert_eq!(repo.commit_count(), 2);
}

#[test]
fn commit_runs_the_other_hooks_and_ours_stands_aside() {
    let repo = repo_with_change();
    repo.install_hook();
    let log = repo.root().join("pre-commit.log");
    repo.script(
        ".git/hooks/pre-commit",
        &format!("#!/bin/sh\necho pre-commit ran >> '{}'\n", log.display()),
    );
    let printed = stdout_of(&repo.herald([] as [&str; 0]).assert().success());
    // git-herald's own `--commit` passes the message with -F: the hook leaves it alone,
    // without a word (the reason is shown with GIT_HERALD_VERBOSE=1).
    repo.herald(["--commit"])
        .assert()
        .success()
        .stderr(contains("herald: skipped").not());
    assert_eq!(fs::read_to_string(&log).unwrap(), "pre-commit ran\n");
    assert_eq!(repo.message_of("HEAD"), printed);
}

#[test]
fn commit_refused_by_a_hook_is_an_error() {
    let repo = repo_with_change();
    repo.script(".git/hooks/pre-commit", "#!/bin/sh\necho no >&2\nexit 1\n");
    let printed = stdout_of(&repo.herald([] as [&str; 0]).assert().success());
    repo.herald(["--commit"])
        .assert()
        .code(1)
        .stderr(contains("error: `git commit` failed"))
        .stderr(contains(printed.lines().next().unwrap()))
        .stderr(contains("hint:"));
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn broken_pipe_is_a_quiet_exit() {
    let repo = TestRepo::with_commit();
    // About 2 MB of diff text: far more than a pipe holds, so the writer meets the closed end.
    let body: String = (0..3000)
        .map(|i| format!("let value_{i} = compute({i});\n"))
        .collect();
    for n in 0..20 {
        repo.write(format!("src/part{n}.rs"), &body);
    }
    repo.add_all();
    let (rc, err) = (repo.root().join("rc"), repo.root().join("err"));
    let mut sh = repo.command("sh");
    sh.args([
        "-c",
        r#"{ "$0" --dry-run 2>"$1"; echo $? >"$2"; } | head -c1 >/dev/null"#,
    ])
    .arg(crate::common::bin())
    .args([&err, &rc]);
    let out = run(&mut sh);
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(fs::read_to_string(&rc).unwrap().trim(), "0");
    assert_eq!(fs::read_to_string(&err).unwrap(), "", "stderr not quiet");
}

#[test]
fn five_megabyte_single_line_file_is_stats_only_and_fast() {
    let repo = TestRepo::with_commit();
    repo.write("data/blob.json", "x".repeat(5 * 1024 * 1024));
    repo.write("src/main.rs", "fn main() {}\n");
    repo.add_all();
    let start = Instant::now();
    let assert = repo.herald(["--dry-run"]).assert().success();
    let elapsed = start.elapsed();
    let out = stdout_of(&assert);
    assert!(
        out.lines()
            .any(|l| l.starts_with("  stats-only data/blob.json (")),
        "{out}"
    );
    assert!(out.len() < 10_000, "the big file's text was printed");
    assert_message_shape(&stdout_of(&repo.herald([] as [&str; 0]).assert().success()));
    // A bound, not a benchmark: a debug build on a busy machine, with room to spare.
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

#[test]
fn binary_and_non_utf8_changes_never_panic() {
    let repo = TestRepo::with_commit();
    repo.write("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\0\xff\xfe");
    repo.write("latin1.txt", b"caf\xe9 cr\xe8me br\xfbl\xe9e\n");
    repo.write(
        <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"na\xefve.txt"),
        "x\n",
    );
    repo.add_all();
    for args in [&[][..], &["--dry-run"], &["--no-conventional"]] {
        let assert = repo
            .herald(args)
            .assert()
            .success()
            .stderr(contains("panicked").not());
        if args.is_empty() {
            assert_message_shape(&stdout_of(&assert));
        }
    }
    repo.herald(["--dry-run"])
        .assert()
        .stdout(contains("  text       \"na\\357ve.txt\"").or(contains("na\u{FFFD}ve.txt")));
}

#[test]
fn bad_usage_exits_2() {
    let repo = repo_with_change();
    for args in [
        &["--bogus"][..],
        &["--commit", "--dry-run"],
        &["--commit", "--diff", "-"],
        &["--max-subject", "many"],
        &["hook", "run"],
        &["hook", "frobnicate"],
        &["config", "edit-everything"],
    ] {
        repo.herald(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("error:"));
    }
    repo.herald(["--help"])
        .assert()
        .success()
        .stdout(contains("Usage:"));
    repo.herald(["--version"])
        .assert()
        .success()
        .stdout(contains("git-herald "));
}

#[test]
fn conflicted_merge_does_not_panic() {
    // `git commit` refuses before any hook runs; `git herald` must still not crash.
    let repo = TestRepo::with_commit();
    repo.git(["switch", "-q", "-c", "side"]);
    repo.write("README.md", "side\n");
    repo.commit_all("side");
    repo.git(["switch", "-q", "main"]);
    repo.write("README.md", "main\n");
    repo.commit_all("main");
    let out = run(&mut repo.git_cmd(["merge", "-q", "side"]));
    assert!(!out.status.success(), "the fixture must conflict");
    for args in [&[][..], &["--dry-run"]] {
        let out = repo.herald(args).output().unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", show(&out));
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{}",
            show(&out)
        );
    }
}

/// A standard or an encoding in the branch name (`CVE-2024-…`, `UTF-8`, `SHA-256`) is not a
/// ticket: no `Refs:` trailer is made of it; a real ticket beside one still is.
#[test]
fn standards_in_the_branch_name_make_no_refs_trailer() {
    let repo = repo_with_change();
    for branch in ["fix/CVE-2024-1234", "fix-UTF-8-paths", "use-SHA-256"] {
        repo.git(["checkout", "-q", "-B", branch]);
        let out = repo.herald(["--offline"]).output().unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let message = String::from_utf8(out.stdout).unwrap();
        assert!(!message.contains("Refs:"), "{branch}: {message}");
    }
    repo.git(["checkout", "-q", "-B", "fix/CVE-2024-1234-PROJ-9"]);
    let out = repo.herald(["--offline"]).output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .ends_with("Refs: PROJ-9\n")
    );
}

/// `-h` lists the engines `--provider` takes, and a wrong one is a usage error naming them.
#[test]
fn provider_values_are_listed() {
    let repo = TestRepo::new();
    let help = repo.herald(["-h"]).output().unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(
        text.contains("possible values: auto, offline, openai"),
        "{text}"
    );
    let out = repo.herald(["--provider", "gpt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("anthropic"));
}

/// The offline engine writes English: `--lang` says it applies to models only, rather than
/// being ignored without a word.
#[test]
fn the_offline_engine_says_the_language_is_for_models() {
    let repo = repo_with_change();
    let out = repo.herald(["--offline", "--lang", "de"]).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("the offline engine writes English; the language `de` applies to models"),
        "{}",
        show(&out)
    );
}

/// `-a` stages every tracked change first, as `git commit -a` does; `--exclude GLOB` leaves
/// matching files out of the run: named, never read nor sent.
#[test]
fn all_stages_tracked_changes_and_exclude_leaves_files_out() {
    let repo = TestRepo::with_commit();
    repo.write("a.txt", "a\n");
    repo.write("b.txt", "b secret-ish text\n");
    repo.add_all();
    repo.commit("add a and b");
    repo.write("a.txt", "a\nmore a\n");
    repo.write("b.txt", "b secret-ish text\nmore b\n");
    // Nothing staged: without -a there is nothing to describe.
    repo.herald(["--offline"]).assert().code(1);
    let out = repo
        .herald(["--offline", "-a", "--exclude", "b.txt", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("withheld   b.txt"), "{report}");
    // Said for what it is: left out by a glob, not suspected of holding credentials.
    assert!(
        report.contains("b.txt: modified (withheld: matched a configured glob)"),
        "{report}"
    );
    assert!(!report.contains("credentials"), "{report}");
    assert!(report.contains("+more a"), "{report}");
    assert!(!report.contains("more b"), "{report}");
    let staged = repo.git(["diff", "--cached", "--name-only"]);
    assert_eq!(staged, "a.txt\nb.txt\n");
}
