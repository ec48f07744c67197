//! The `prepare-commit-msg` hook: install/uninstall/status where git looks, real `git commit`
//! runs through the installed script for every message source, and fail-open behaviour
//! (issue #2, section 4).

use crate::common::{TestRepo, assert_message_shape, run, run_with_open_stdin, show, warnings};
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// What git writes to the message file for a plain `git commit` before the hook runs.
const GIT_TEMPLATE: &str = "\n# Please enter the commit message for your changes. Lines starting\n\
# with '#' will be ignored, and an empty message aborts the commit.\n#\n# On branch main\n\
# Changes to be committed:\n#\tmodified:   src/lib.rs\n#\n";

/// A repository with one commit and a staged change to `src/lib.rs`.
fn repo_with_change() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("src/lib.rs", "pub fn one() -> u8 {\n    1\n}\n");
    repo.add_all();
    repo.commit("base");
    repo.write(
        "src/lib.rs",
        "pub fn one() -> u8 {\n    1\n}\n\npub fn two() -> u8 {\n    2\n}\n",
    );
    repo.add_all();
    repo
}

/// The message `git herald` prints for what is staged now.
fn expected_message(repo: &TestRepo) -> String {
    let out = repo.herald([] as [&str; 0]).assert().success();
    let message = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_message_shape(&message);
    message
}

/// Runs `git commit ARGS` (editor `true` unless the test set another), without asserting.
fn git_commit(repo: &TestRepo, args: &[&str]) -> Output {
    run(repo.git_cmd(["commit"]).args(args))
}

fn assert_ok(out: &Output) {
    assert!(out.status.success(), "{}", show(out));
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes a message file as git would for a plain commit, outside the work tree.
fn message_file(repo: &TestRepo, text: &str) -> PathBuf {
    let path = repo.root().join("COMMIT_EDITMSG");
    fs::write(&path, text).unwrap();
    path
}

/// Runs the installed hook script directly, as git would, with `env`.
fn run_hook(repo: &TestRepo, file: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = repo.command(repo.git_hook_path());
    cmd.arg(file).args(args).envs(env.iter().copied());
    run(&mut cmd)
}

/// Asserts the hook went ahead quietly failing: exit 0, exactly one `warning:` line (and
/// nothing else) on stderr, the message file as git wrote it. Returns the warning.
fn assert_fail_open(out: &Output, file: &Path, before: &str) -> String {
    assert!(
        out.status.success(),
        "the hook blocked the commit:\n{}",
        show(out)
    );
    let warns = warnings(&out.stderr);
    assert_eq!(warns.len(), 1, "want one warning line:\n{}", show(out));
    assert_eq!(
        stderr(out).lines().count(),
        1,
        "more than the warning:\n{}",
        show(out)
    );
    assert!(
        warns[0].starts_with("warning: git-herald: "),
        "{}",
        warns[0]
    );
    assert_eq!(
        fs::read_to_string(file).unwrap(),
        before,
        "message file changed"
    );
    assert!(out.stdout.is_empty(), "{}", show(out));
    warns[0].clone()
}

/// Asserts a commit through the hook succeeded with only the hook's quiet `herald:` note(s)
/// on stderr (which engine wrote the message), no warning.
fn assert_filled_quietly(out: &Output) {
    assert_ok(out);
    let err = stderr(out);
    assert!(
        !err.is_empty() && err.lines().all(|l| l.starts_with("herald: ")),
        "{}",
        show(out)
    );
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

// ---------------------------------------------------------------- install, uninstall, status

#[test]
fn install_writes_an_executable_hook_where_git_looks() {
    let repo = TestRepo::with_commit();
    let hook = repo.git_hook_path();
    assert_eq!(hook, repo.join(".git/hooks/prepare-commit-msg"));
    repo.herald(["hook", "status"])
        .assert()
        .success()
        .stdout(format!(
            "hook: not installed (git would run `{}`)\n",
            hook.display()
        ));
    repo.herald(["hook", "install"])
        .assert()
        .success()
        .stdout(format!("installed `{}`\n", hook.display()));
    assert_eq!(mode(&hook) & 0o111, 0o111, "not executable");
    let script = fs::read_to_string(&hook).unwrap();
    assert!(script.starts_with("#!/bin/sh\n# git-herald prepare-commit-msg hook"));
    assert!(script.contains(&crate::common::bin().display().to_string()));
    // Twice is a no-op.
    repo.herald(["hook", "install"])
        .assert()
        .success()
        .stdout(format!("already installed at `{}`\n", hook.display()));
    assert_eq!(fs::read_to_string(&hook).unwrap(), script);
    repo.herald(["hook", "status"])
        .assert()
        .success()
        .stdout(format!("hook: installed at `{}`\n", hook.display()));
}

#[test]
fn uninstall_removes_only_ours() {
    let repo = TestRepo::with_commit();
    repo.install_hook();
    let hook = repo.git_hook_path();
    repo.herald(["hook", "uninstall"])
        .assert()
        .success()
        .stdout(format!("removed `{}`\n", hook.display()));
    assert!(!hook.exists());
    repo.herald(["hook", "uninstall"])
        .assert()
        .success()
        .stdout("not installed; nothing to do\n");
    // Someone else's hook is left alone.
    repo.script(".git/hooks/prepare-commit-msg", "#!/bin/sh\nexit 0\n");
    repo.herald(["hook", "uninstall"])
        .assert()
        .code(1)
        .stderr(contains("is not git-herald's; leaving it alone"));
    assert!(hook.exists());
}

#[test]
fn install_from_another_binary_updates_the_script() {
    let repo = TestRepo::with_commit();
    let hook = repo.git_hook_path();
    let copy = copy_of_binary(&repo);
    let out = run(repo.command(&copy).args(["hook", "install"]));
    assert_ok(&out);
    repo.herald(["hook", "status"])
        .assert()
        .success()
        .stdout(contains("from another git-herald binary or version"));
    repo.herald(["hook", "install"])
        .assert()
        .success()
        .stdout(format!("updated `{}`\n", hook.display()));
    assert!(
        fs::read_to_string(&hook)
            .unwrap()
            .contains(&crate::common::bin().display().to_string())
    );
}

#[test]
fn install_outside_a_repository_is_an_error() {
    let dir = TestRepo::outside();
    for command in ["install", "uninstall", "status"] {
        dir.herald(["hook", command])
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with("error: not a git repository"));
    }
}

#[test]
fn install_creates_a_missing_hooks_dir() {
    let repo = TestRepo::with_commit();
    fs::remove_dir_all(repo.join(".git/hooks")).unwrap();
    repo.install_hook();
    let expected = {
        repo.write("new.txt", "new\n");
        repo.add_all();
        expected_message(&repo)
    };
    assert_filled_quietly(&git_commit(&repo, &["-q"]));
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn hooks_path_relative_is_resolved_from_the_top_of_the_work_tree() {
    let repo = repo_with_change();
    repo.git(["config", "core.hooksPath", ".githooks"]);
    fs::create_dir_all(repo.join("src/deep")).unwrap();
    let hook = repo.git_hook_path();
    assert_eq!(hook, repo.join(".githooks/prepare-commit-msg"));
    // Installed from a subdirectory, still where git looks.
    repo.herald(["hook", "install"])
        .current_dir(repo.join("src/deep"))
        .assert()
        .success()
        .stdout(format!("installed `{}`\n", hook.display()));
    repo.herald(["hook", "status"])
        .assert()
        .success()
        .stdout(contains("core.hooksPath: `.githooks`"));
    let expected = expected_message(&repo);
    let out = run(repo
        .git_cmd(["commit", "-q"])
        .current_dir(repo.join("src/deep")));
    assert_ok(&out);
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn hooks_path_absolute_and_home_relative() {
    let repo = repo_with_change();
    let abs = repo.root().join("shared-hooks");
    repo.git([
        "config".as_ref(),
        "core.hooksPath".as_ref(),
        abs.as_os_str(),
    ]);
    assert_eq!(repo.git_hook_path(), abs.join("prepare-commit-msg"));
    repo.install_hook();
    assert!(abs.join("prepare-commit-msg").exists());
    let expected = expected_message(&repo);
    assert_ok(&git_commit(&repo, &["-q"]));
    assert_eq!(repo.message_of("HEAD"), expected);

    // `~/` is the user's home, as git expands it.
    repo.git(["config", "core.hooksPath", "~/my-hooks"]);
    let home_hook = repo.root().join("home/my-hooks/prepare-commit-msg");
    assert_eq!(repo.git_hook_path(), home_hook);
    repo.install_hook();
    assert!(home_hook.exists());
}

#[test]
fn linked_worktree_uses_the_common_hooks_dir() {
    let repo = TestRepo::with_commit();
    let wt = repo.root().join("wt");
    let mut add = repo.git_cmd(["worktree", "add", "-q", "-b", "side"]);
    add.arg(&wt);
    assert_ok(&run(&mut add));
    let common_hook = repo.join(".git/hooks/prepare-commit-msg");
    repo.herald(["hook", "install"])
        .current_dir(&wt)
        .assert()
        .success()
        .stdout(format!("installed `{}`\n", common_hook.display()));
    let git_path = run(repo
        .git_cmd(["rev-parse", "--git-path", "hooks"])
        .current_dir(&wt));
    let git_path = String::from_utf8(git_path.stdout).unwrap();
    assert_eq!(
        wt.join(git_path.trim()).join("prepare-commit-msg"),
        common_hook
    );

    fs::write(wt.join("feature.py"), "def feature():\n    return 42\n").unwrap();
    assert_ok(&run(repo.git_cmd(["add", "-A"]).current_dir(&wt)));
    let expected = String::from_utf8(
        repo.herald([] as [&str; 0])
            .current_dir(&wt)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    let out = run(repo.git_cmd(["commit", "-q"]).current_dir(&wt));
    assert_ok(&out);
    assert_filled_quietly(&out);
    assert_eq!(repo.message_of("side"), expected);
}

#[test]
fn foreign_hook_is_refused_then_chained_with_force_and_restored() {
    let repo = repo_with_change();
    let log = repo.root().join("foreign.log");
    let hook = repo.git_hook_path();
    let foreign = format!(
        "#!/bin/sh\n# the team's own hook\necho \"foreign ran: $2\" >> '{}'\n",
        log.display()
    );
    repo.script(&hook, &foreign);
    fs::set_permissions(&hook, fs::Permissions::from_mode(0o750)).unwrap();

    repo.herald(["hook", "install"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "already exists and is not git-herald's; not replacing it",
        ))
        .stderr(contains("git herald hook install --force"));
    assert_eq!(fs::read_to_string(&hook).unwrap(), foreign);

    let backup = hook.with_file_name("prepare-commit-msg.pre-herald");
    repo.herald(["hook", "install", "--force"])
        .assert()
        .success()
        .stdout(contains(format!(
            "the previous hook is now `{}`",
            backup.display()
        )));
    repo.herald(["hook", "status"])
        .assert()
        .success()
        .stdout(contains("chained: `"));

    // Both run: the foreign hook first, then ours fills the message.
    let expected = expected_message(&repo);
    assert_ok(&git_commit(&repo, &["-q"]));
    assert_eq!(fs::read_to_string(&log).unwrap(), "foreign ran: \n");
    assert_eq!(repo.message_of("HEAD"), expected);

    repo.herald(["hook", "uninstall"])
        .assert()
        .success()
        .stdout(contains("restored"));
    assert_eq!(fs::read(&hook).unwrap(), foreign.as_bytes());
    assert_eq!(mode(&hook), 0o750);
    assert!(!backup.exists());
}

#[test]
fn husky_is_refused_with_the_snippet() {
    let repo = TestRepo::with_commit();
    repo.git(["config", "core.hooksPath", ".husky/_"]);
    repo.herald(["hook", "install"])
        .assert()
        .code(1)
        .stderr(contains("managed by husky"))
        .stderr(contains(".husky/prepare-commit-msg"))
        .stderr(contains("git-herald hook run \"$@\""));
    assert!(
        !repo.join(".husky").exists(),
        "wrote into husky's directory"
    );
}

#[test]
fn pre_commit_framework_hook_is_refused_with_the_snippet() {
    let repo = TestRepo::with_commit();
    repo.script(
        ".git/hooks/prepare-commit-msg",
        "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\nexit 0\n",
    );
    repo.herald(["hook", "install"])
        .assert()
        .code(1)
        .stderr(contains("pre-commit"))
        .stderr(contains("stages: [prepare-commit-msg]"));
}

#[test]
fn lefthook_is_reported_by_status() {
    let repo = TestRepo::with_commit();
    repo.write("lefthook.yml", "pre-commit:\n  commands: {}\n");
    repo.herald(["hook", "status"])
        .assert()
        .success()
        .stdout(contains("hook manager: lefthook"));
    repo.herald(["hook", "install"])
        .assert()
        .success()
        .stdout(contains("installed `"))
        .stderr(contains("note: lefthook is set up here").and(contains("lefthook install")));
}

// ---------------------------------------------------------------- real commits, every source

#[test]
fn plain_commit_gets_the_engine_message() {
    let repo = repo_with_change();
    repo.install_hook();
    let expected = expected_message(&repo);
    let out = git_commit(&repo, &["-q"]);
    assert_ok(&out);
    assert_filled_quietly(&out);
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn commit_with_stdin_held_open_never_waits_on_it() {
    // IDEs and GUI clients give no terminal; the hook must never read stdin or prompt.
    let repo = repo_with_change();
    repo.install_hook();
    let expected = expected_message(&repo);
    let out = run_with_open_stdin(&mut repo.git_cmd(["commit", "-q"]), Duration::from_secs(30));
    assert_ok(&out);
    assert_eq!(repo.message_of("HEAD"), expected);
    // And the script alone, with stdin open and no terminal (`setsid`).
    repo.write("src/lib.rs", "pub fn three() {}\n");
    repo.add_all();
    let file = message_file(&repo, GIT_TEMPLATE);
    let mut cmd = repo.command("setsid");
    cmd.arg("-w").arg(repo.git_hook_path()).arg(&file);
    let out = run_with_open_stdin(&mut cmd, Duration::from_secs(30));
    assert_ok(&out);
    let filled = fs::read_to_string(&file).unwrap();
    assert!(
        filled.ends_with(GIT_TEMPLATE) && filled != GIT_TEMPLATE,
        "{filled:?}"
    );
    // And with stdin closed altogether.
    let file = message_file(&repo, GIT_TEMPLATE);
    let mut cmd = repo.command("sh");
    cmd.args(["-c", r#"exec "$0" "$1" <&-"#])
        .arg(repo.git_hook_path())
        .arg(&file);
    let out = run(&mut cmd);
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&file).unwrap(), filled);
}

#[test]
fn first_commit_in_an_empty_repository() {
    let repo = TestRepo::new();
    repo.install_hook();
    repo.write("main.go", "package main\n\nfunc main() {}\n");
    repo.write("go.mod", "module example.com/x\n\ngo 1.22\n");
    repo.add_all();
    let expected = expected_message(&repo);
    assert_ok(&git_commit(&repo, &["-q"]));
    assert_eq!(repo.commit_count(), 1);
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn rename_binary_and_non_utf8_commits() {
    let repo = TestRepo::new();
    repo.write("old_name.txt", "one\ntwo\nthree\n");
    repo.add_all();
    repo.commit("base");
    repo.install_hook();
    type Stage = fn(&TestRepo);
    let cases: [(&str, Stage); 3] = [
        ("rename", |r| {
            r.git(["mv", "old_name.txt", "new_name.txt"]);
        }),
        ("binary", |r| {
            r.write("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
            r.add_all();
        }),
        ("latin-1", |r| {
            r.write("menu.txt", b"caf\xe9\ncr\xe8me br\xfbl\xe9e\n");
            r.write(
                <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"r\xe9sum\xe9.txt"),
                "cv\n",
            );
            r.add_all();
        }),
    ];
    for (name, stage) in cases {
        stage(&repo);
        let expected = expected_message(&repo);
        let out = git_commit(&repo, &["-q"]);
        assert_filled_quietly(&out);
        assert_eq!(repo.message_of("HEAD"), expected, "{name}");
    }
}

#[test]
fn five_megabyte_one_line_file_commit() {
    let repo = TestRepo::with_commit();
    repo.install_hook();
    repo.write("data/dump.min.json", "y".repeat(5 * 1024 * 1024));
    repo.add_all();
    let expected = expected_message(&repo);
    let start = Instant::now();
    let out = git_commit(&repo, &["-q"]);
    assert_ok(&out);
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn commit_all_and_partial_commits_see_gits_temporary_index() {
    // `git commit -a` and `git commit PATH` build a temporary index and pass it to hooks in
    // GIT_INDEX_FILE; the message must describe what is committed, not the real index.
    let repo = TestRepo::new();
    repo.write("a.py", "def a():\n    return 1\n");
    repo.write("b.md", "# B\n");
    repo.add_all();
    repo.commit("base");
    repo.install_hook();

    repo.write("a.py", "def a():\n    return 2\n");
    repo.add_all();
    let expected = expected_message(&repo);
    repo.git(["reset", "-q"]);
    assert_ok(&git_commit(&repo, &["-q", "-a"]));
    assert_eq!(repo.message_of("HEAD"), expected);

    // Partial: b.md is staged, but only a.py is committed.
    repo.write("a.py", "def a():\n    return 3\n");
    repo.write("b.md", "# B\n\nMore.\n");
    repo.add(["a.py"]);
    let expected = expected_message(&repo);
    repo.add(["b.md"]);
    assert_ok(&git_commit(&repo, &["-q", "a.py"]));
    assert_eq!(repo.message_of("HEAD"), expected);
    assert_eq!(repo.git(["diff", "--cached", "--name-only"]), "b.md\n");
}

#[test]
fn message_given_with_m_or_f_is_kept() {
    let mut repo = repo_with_change();
    repo.set_env("GIT_HERALD_VERBOSE", "1");
    repo.install_hook();
    let out = git_commit(&repo, &["-q", "-m", "feat: my own words"]);
    assert_ok(&out);
    assert_eq!(
        stderr(&out),
        "herald: skipped (a message was given with -m or -F)\n"
    );
    assert_eq!(repo.message_of("HEAD"), "feat: my own words\n");

    repo.write("src/lib.rs", "pub fn changed() {}\n");
    repo.add_all();
    let file = repo.root().join("msg.txt");
    fs::write(&file, "fix: from a file\n\nWith a body.\n").unwrap();
    let out = run(repo.git_cmd(["commit", "-q", "-F"]).arg(&file));
    assert_ok(&out);
    assert!(
        stderr(&out).contains("skipped (a message was given"),
        "{}",
        show(&out)
    );
    assert_eq!(
        repo.message_of("HEAD"),
        "fix: from a file\n\nWith a body.\n"
    );
}

#[test]
fn template_is_skipped_by_default() {
    let repo = repo_with_change();
    repo.install_hook();
    let template = repo.root().join("template.txt");
    fs::write(&template, "Template subject\n").unwrap();
    let capture = repo.root().join("captured");
    let editor = repo.capture_editor(&capture);
    let out = run(repo
        .git_cmd(["commit", "-q", "-t"])
        .arg(&template)
        .env("GIT_EDITOR", &editor)
        .env("HERALD_TEST_APPEND", "Edited by hand."));
    assert_ok(&out);
    assert!(
        stderr(&out).contains("herald: skipped (a template message was given)"),
        "{}",
        show(&out)
    );
    let captured = fs::read_to_string(&capture).unwrap();
    assert!(
        captured.starts_with("Template subject\n\n# "),
        "{captured:?}"
    );
    assert_eq!(
        repo.message_of("HEAD"),
        "Template subject\n\nEdited by hand.\n"
    );
}

#[test]
fn text_already_in_the_file_is_never_overwritten() {
    // With no source skipped by configuration, a template still wins: it holds text.
    let repo = repo_with_change();
    repo.install_hook();
    fs::create_dir_all(repo.user_config().parent().unwrap()).unwrap();
    fs::write(repo.user_config(), "[hook]\nskip-sources = []\n").unwrap();
    let template = repo.root().join("template.txt");
    fs::write(&template, "docs: my template\n").unwrap();
    let capture = repo.root().join("captured");
    let editor = repo.capture_editor(&capture);
    let out = run(repo
        .git_cmd(["commit", "-q", "-t"])
        .arg(&template)
        .env("GIT_EDITOR", &editor)
        .env("HERALD_TEST_APPEND", "More."));
    assert_ok(&out);
    assert!(
        stderr(&out).contains("herald: skipped (the message is already written)"),
        "{}",
        show(&out)
    );
    assert!(
        fs::read_to_string(&capture)
            .unwrap()
            .starts_with("docs: my template\n\n#")
    );

    // And run directly: a file with a message line is left byte for byte.
    repo.write("src/lib.rs", "pub fn other() {}\n");
    repo.add_all();
    let before = format!("wip: keep me{GIT_TEMPLATE}");
    let file = message_file(&repo, &before);
    let out = run_hook(&repo, &file, &[], &[]);
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn merge_commit_is_skipped() {
    let mut repo = TestRepo::with_commit();
    repo.set_env("GIT_HERALD_VERBOSE", "1");
    repo.git(["switch", "-q", "-c", "side"]);
    repo.write("side.txt", "from the side branch\n");
    repo.add_all();
    repo.commit("side work");
    repo.git(["switch", "-q", "main"]);
    repo.write("main.txt", "from main\n");
    repo.add_all();
    repo.commit("main work");
    repo.install_hook();
    let out = run(&mut repo.git_cmd(["merge", "-q", "--no-ff", "side"]));
    assert_ok(&out);
    assert!(
        stderr(&out).contains("herald: skipped (this is a merge)"),
        "{}",
        show(&out)
    );
    assert_eq!(repo.message_of("HEAD"), "Merge branch 'side'\n");
    assert_eq!(
        repo.git(["rev-list", "--parents", "-n1", "HEAD"])
            .split(' ')
            .count(),
        3
    );
}

#[test]
fn squash_merge_commit_is_skipped() {
    let mut repo = TestRepo::with_commit();
    repo.set_env("GIT_HERALD_VERBOSE", "1");
    repo.git(["switch", "-q", "-c", "side"]);
    repo.write("side.txt", "from the side branch\n");
    repo.add_all();
    repo.commit("side work");
    repo.git(["switch", "-q", "main"]);
    repo.install_hook();
    run(&mut repo.git_cmd(["merge", "--squash", "side"]));
    let out = git_commit(&repo, &["-q"]);
    assert_ok(&out);
    assert!(
        stderr(&out).contains("herald: skipped (this is a squash)"),
        "{}",
        show(&out)
    );
    let message = repo.message_of("HEAD");
    assert!(
        message.starts_with("Squashed commit of the following:"),
        "{message:?}"
    );
}

#[test]
fn amend_and_reuse_keep_the_existing_message() {
    let mut repo = repo_with_change();
    repo.set_env("GIT_HERALD_VERBOSE", "1");
    repo.install_hook();
    assert_ok(&git_commit(&repo, &["-q", "-m", "feat: original"]));
    repo.write("src/lib.rs", "pub fn amended() {}\n");
    repo.add_all();
    let out = git_commit(&repo, &["-q", "--amend"]);
    assert_ok(&out);
    assert!(
        stderr(&out).contains("herald: skipped (the message comes from an existing commit"),
        "{}",
        show(&out)
    );
    assert_eq!(repo.message_of("HEAD"), "feat: original\n");
    assert_eq!(repo.commit_count(), 2);

    repo.write("src/lib.rs", "pub fn reused() {}\n");
    repo.add_all();
    let out = git_commit(&repo, &["-q", "-c", "HEAD"]);
    assert_ok(&out);
    assert!(stderr(&out).contains("skipped (the message comes from an existing commit"));
    assert_eq!(repo.message_of("HEAD"), "feat: original\n");
    assert_eq!(repo.commit_count(), 3);
}

#[test]
fn verbose_commit_keeps_comments_and_the_diff_below_the_message() {
    let repo = repo_with_change();
    repo.install_hook();
    let expected = expected_message(&repo);
    let capture = repo.root().join("captured");
    let editor = repo.capture_editor(&capture);
    let out = run(repo
        .git_cmd(["commit", "-q", "--verbose"])
        .env("GIT_EDITOR", &editor));
    assert_ok(&out);
    let captured = fs::read_to_string(&capture).unwrap();
    let rest = captured
        .strip_prefix(&expected)
        .unwrap_or_else(|| panic!("message not at the top:\n{captured}"));
    assert!(
        rest.starts_with("\n# Please enter the commit message"),
        "{rest}"
    );
    let scissors = rest
        .find("# ------------------------ >8 ------------------------\n")
        .unwrap();
    assert!(
        rest[scissors..].contains("diff --git a/src/lib.rs b/src/lib.rs"),
        "{rest}"
    );
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn what_git_wrote_is_kept_byte_for_byte_below_the_message() {
    // With `--verbose` the file holds the staged diff; a Latin-1 file makes it invalid UTF-8.
    let repo = TestRepo::with_commit();
    repo.install_hook();
    repo.write("menu.txt", b"caf\xe9\ncr\xe8me br\xfbl\xe9e\n");
    repo.add_all();
    let expected = expected_message(&repo);
    let capture = repo.root().join("captured");
    let editor = repo.capture_editor(&capture);
    // First what git itself writes: the hook stands aside and the editor aborts the commit.
    let out = run(repo
        .git_cmd(["commit", "-q", "--verbose"])
        .env("GIT_EDITOR", &editor)
        .env("GIT_HERALD_SKIP", "1")
        .env("HERALD_TEST_ABORT", "1"));
    assert!(!out.status.success(), "{}", show(&out));
    let from_git = fs::read(&capture).unwrap();
    assert!(
        from_git.windows(4).any(|w| w == b"caf\xe9"),
        "no Latin-1 diff in the file"
    );
    let out = run(repo
        .git_cmd(["commit", "-q", "--verbose"])
        .env("GIT_EDITOR", &editor));
    assert_ok(&out);
    let with_hook = fs::read(&capture).unwrap();
    assert_eq!(
        bstr::BStr::new(&with_hook),
        bstr::BStr::new(&[expected.as_bytes(), &from_git].concat())
    );
}

#[test]
fn scissors_cleanup_keeps_the_cut_line_below_the_message() {
    let repo = repo_with_change();
    repo.install_hook();
    let expected = expected_message(&repo);
    let capture = repo.root().join("captured");
    let editor = repo.capture_editor(&capture);
    let out = run(repo
        .git_cmd(["-c", "commit.cleanup=scissors", "commit", "-q"])
        .env("GIT_EDITOR", &editor));
    assert_ok(&out);
    let captured = fs::read_to_string(&capture).unwrap();
    let rest = captured
        .strip_prefix(&expected)
        .unwrap_or_else(|| panic!("message not at the top:\n{captured}"));
    assert!(
        rest.starts_with("\n# ------------------------ >8 ------------------------\n"),
        "{rest}"
    );
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn custom_comment_char_is_respected() {
    let repo = repo_with_change();
    repo.git(["config", "core.commentChar", ";"]);
    repo.install_hook();
    let expected = expected_message(&repo);
    assert_ok(&git_commit(&repo, &["-q"]));
    assert_eq!(repo.message_of("HEAD"), expected);
    // A `;` line is a comment here, a `#` line is text.
    let file = message_file(&repo, "\n; comment\n");
    repo.write("src/lib.rs", "pub fn again() {}\n");
    repo.add_all();
    assert_ok(&run_hook(&repo, &file, &[], &[]));
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .ends_with("\n; comment\n")
    );
    assert_ne!(
        fs::read_to_string(&file).unwrap(),
        "\n; comment\n",
        "not filled"
    );
    let file = message_file(&repo, "# heading, not a comment\n");
    assert_ok(&run_hook(&repo, &file, &[], &[]));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "# heading, not a comment\n"
    );
}

// ---------------------------------------------------------------- fail-open

#[test]
fn broken_repo_config_warns_and_leaves_the_file() {
    let repo = repo_with_change();
    repo.install_hook();
    repo.write(".git-herald.toml", "[message\nmax-subject = \n");
    let file = message_file(&repo, GIT_TEMPLATE);
    let warning = assert_fail_open(&run_hook(&repo, &file, &[], &[]), &file, GIT_TEMPLATE);
    assert!(warning.contains(".git-herald.toml"), "{warning}");
    assert!(
        warning.ends_with("the commit message is left as is"),
        "{warning}"
    );
    // `-m` needs no config: the built-in skips decide, with no warning.
    let out = git_commit(&repo, &["-q", "-m", "chore: still commits"]);
    assert_ok(&out);
    assert_eq!(warnings(&out.stderr).len(), 0, "{}", show(&out));
    assert_eq!(repo.message_of("HEAD"), "chore: still commits\n");
    // A commit that wants a message goes ahead with the one warning (the editor writes it).
    repo.write("more.txt", "more\n");
    repo.add(["more.txt"]);
    let editor = repo.script(
        "msg-editor.sh",
        "#!/bin/sh\necho 'chore: by hand' > \"$1\"\n",
    );
    let out = repo
        .git_cmd(["commit", "-q"])
        .env("GIT_EDITOR", &editor)
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(warnings(&out.stderr).len(), 1, "{}", show(&out));
    assert_eq!(repo.message_of("HEAD"), "chore: by hand\n");
}

#[test]
fn broken_user_config_with_a_key_warns_without_the_key() {
    let repo = repo_with_change();
    repo.install_hook();
    let user = repo.user_config();
    fs::create_dir_all(user.parent().unwrap()).unwrap();
    for text in [
        "model = \"m\"\napi-key = \"sk-SECRETSECRET123456\n",
        "model = \"m\"\napi-key-cmd = \"sk-SECRETSECRET123456\"\n",
    ] {
        fs::write(&user, text).unwrap();
        let file = message_file(&repo, GIT_TEMPLATE);
        let warning = assert_fail_open(&run_hook(&repo, &file, &[], &[]), &file, GIT_TEMPLATE);
        assert!(!warning.contains("SECRET"), "{warning}");
        assert!(warning.contains("config.toml"), "{warning}");
        assert!(warning.contains("line 2, column"), "{warning}");
    }
}

#[test]
fn negative_hook_timeout_warns_and_leaves_the_file() {
    let repo = repo_with_change();
    repo.install_hook();
    repo.write(".git-herald.toml", "[hook]\ntimeout = -1\n");
    let file = message_file(&repo, GIT_TEMPLATE);
    let warning = assert_fail_open(&run_hook(&repo, &file, &[], &[]), &file, GIT_TEMPLATE);
    assert!(warning.contains("`hook.timeout`"), "{warning}");
    assert!(warning.contains("number of seconds"), "{warning}");
    let out = git_commit(&repo, &["-q", "-m", "chore: still commits"]);
    assert_ok(&out);
    assert_eq!(
        warnings(&out.stderr).len(),
        0,
        "`-m` needs no config: {}",
        show(&out)
    );
    assert_eq!(repo.message_of("HEAD"), "chore: still commits\n");
}

#[test]
fn untrusted_key_in_repo_config_warns_and_leaves_the_file() {
    let repo = repo_with_change();
    repo.install_hook();
    repo.write(
        ".git-herald.toml",
        "[message]\nbody = false\n\n# not allowed here\n",
    );
    let text = "[message]\nbody = false\n";
    repo.write(".git-herald.toml", format!("model = \"x\"\n{text}"));
    let file = message_file(&repo, GIT_TEMPLATE);
    let warning = assert_fail_open(&run_hook(&repo, &file, &[], &[]), &file, GIT_TEMPLATE);
    assert!(warning.contains("`model` cannot be set"), "{warning}");
    let out = git_commit(&repo, &["-q", "-m", "chore: still commits"]);
    assert_ok(&out);
    assert_eq!(
        warnings(&out.stderr).len(),
        0,
        "`-m` needs no config: {}",
        show(&out)
    );
}

#[test]
fn unreadable_user_config_warns_and_leaves_the_file() {
    // Tests run as root, so `chmod 000` would not deny reading: a directory stands in.
    let repo = repo_with_change();
    repo.install_hook();
    fs::create_dir_all(repo.user_config()).unwrap();
    let file = message_file(&repo, GIT_TEMPLATE);
    let warning = assert_fail_open(&run_hook(&repo, &file, &[], &[]), &file, GIT_TEMPLATE);
    assert!(warning.contains("failed to read config file"), "{warning}");
    assert!(warning.contains("config.toml"), "{warning}");
    let out = git_commit(&repo, &["-q", "-m", "chore: still commits"]);
    assert_ok(&out);
    assert_eq!(
        warnings(&out.stderr).len(),
        0,
        "`-m` needs no config: {}",
        show(&out)
    );
    // The command itself reports it as an error.
    repo.herald([] as [&str; 0])
        .assert()
        .code(1)
        .stderr(contains("error: failed to read config file"));
}

#[test]
fn index_libgit2_cannot_read_is_read_through_git() {
    // git's split index (`core.splitIndex`) is an index extension libgit2 refuses to read:
    // `git diff --cached` reads the staged changes instead (issue 14), so the message comes.
    let repo = repo_with_change();
    repo.install_hook();
    let expected = expected_message(&repo);
    repo.git(["config", "core.splitIndex", "true"]);
    repo.git(["update-index", "--split-index"]);
    assert_filled_quietly(&git_commit(&repo, &["-q"]));
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn time_out_gives_up_quickly_and_leaves_the_file() {
    let repo = repo_with_change();
    repo.install_hook();
    let delay = ("GIT_HERALD_TEST_HOOK_DELAY_MS", "3000");
    // The time-out from the environment, then from the repository's file.
    for env in [&[delay, ("GIT_HERALD_HOOK_TIMEOUT", "0.5")][..], &[delay]] {
        if env.len() == 1 {
            repo.write(".git-herald.toml", "[hook]\ntimeout = 0.5\n");
        }
        let file = message_file(&repo, GIT_TEMPLATE);
        let start = Instant::now();
        let out = run_hook(&repo, &file, &[], env);
        let elapsed = start.elapsed();
        let warning = assert_fail_open(&out, &file, GIT_TEMPLATE);
        assert!(warning.contains("gave up after 0.5 s"), "{warning}");
        // A bound, not a benchmark: the delay is 3 s, the time-out 0.5 s.
        assert!(elapsed < Duration::from_millis(2500), "took {elapsed:?}");
    }
}

#[test]
fn force_refuses_when_a_backup_is_already_there() {
    let repo = TestRepo::with_commit();
    let hook = repo.git_hook_path();
    repo.script(&hook, "#!/bin/sh\necho new\n");
    let backup = hook.with_file_name("prepare-commit-msg.pre-herald");
    repo.script(&backup, "#!/bin/sh\necho old\n");
    repo.herald(["hook", "install", "--force"])
        .assert()
        .code(1)
        .stderr(contains("move one of them away first"));
    assert_eq!(fs::read_to_string(&hook).unwrap(), "#!/bin/sh\necho new\n");
    assert_eq!(
        fs::read_to_string(&backup).unwrap(),
        "#!/bin/sh\necho old\n"
    );
}

/// Links (or copies) the test binary to a scratch path, so a test may remove it.
fn copy_of_binary(repo: &TestRepo) -> PathBuf {
    // A space and a quote in the path: the script must quote it for the shell.
    let dir = repo.root().join("bin copy/it's here");
    fs::create_dir_all(&dir).unwrap();
    let copy = dir.join("git-herald");
    // A hard link has no open write handle a concurrent fork could inherit ("text file busy").
    if fs::hard_link(crate::common::bin(), &copy).is_err() {
        fs::copy(crate::common::bin(), &copy).unwrap();
    }
    copy
}

#[test]
fn binary_at_a_path_with_spaces_and_quotes_runs() {
    let repo = repo_with_change();
    let copy = copy_of_binary(&repo);
    assert_ok(&run(repo.command(&copy).args(["hook", "install"])));
    let expected = expected_message(&repo);
    let out = git_commit(&repo, &["-q"]);
    assert_filled_quietly(&out);
    assert_eq!(repo.message_of("HEAD"), expected);
}

#[test]
fn missing_binary_warns_and_leaves_the_file() {
    let repo = repo_with_change();
    let copy = copy_of_binary(&repo);
    let out = run(repo.command(&copy).args(["hook", "install"]));
    assert_ok(&out);
    let script = fs::read_to_string(repo.git_hook_path()).unwrap();
    assert!(
        script.contains(r"/bin copy/it'\''s here/git-herald'"),
        "{script}"
    );
    fs::remove_file(&copy).unwrap();
    let file = message_file(&repo, GIT_TEMPLATE);
    let warning = assert_fail_open(&run_hook(&repo, &file, &[], &[]), &file, GIT_TEMPLATE);
    assert_eq!(
        warning,
        "warning: git-herald: binary not found; the commit message is left as is"
    );
    let out = git_commit(&repo, &["-q", "-m", "chore: no binary, no problem"]);
    assert_ok(&out);
    assert_eq!(warnings(&out.stderr).len(), 1, "{}", show(&out));
}

#[test]
fn failing_binary_warns_and_leaves_the_file() {
    let repo = repo_with_change();
    let copy = copy_of_binary(&repo);
    assert_ok(&run(repo.command(&copy).args(["hook", "install"])));
    fs::remove_file(&copy).unwrap();
    repo.script(
        &copy,
        "#!/bin/sh\necho 'Segmentation fault' >&2\nexit 139\n",
    );
    let file = message_file(&repo, GIT_TEMPLATE);
    let out = run_hook(&repo, &file, &[], &[]);
    assert!(out.status.success(), "{}", show(&out));
    let warns = warnings(&out.stderr);
    assert_eq!(
        warns,
        ["warning: git-herald: hook failed (status 139); the commit message is left as is"]
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), GIT_TEMPLATE);
}

#[test]
fn skip_variable_stands_the_hook_aside() {
    let repo = repo_with_change();
    repo.install_hook();
    let file = message_file(&repo, GIT_TEMPLATE);
    let out = run_hook(&repo, &file, &[], &[("GIT_HERALD_SKIP", "1")]);
    assert_ok(&out);
    assert_eq!(stderr(&out), "herald: skipped (GIT_HERALD_SKIP is set)\n");
    assert_eq!(fs::read_to_string(&file).unwrap(), GIT_TEMPLATE);
    // `0` does not skip.
    let out = run_hook(&repo, &file, &[], &[("GIT_HERALD_SKIP", "0")]);
    assert_ok(&out);
    assert_ne!(fs::read_to_string(&file).unwrap(), GIT_TEMPLATE);
    // In a real commit: the editor sees git's own template, untouched.
    let capture = repo.root().join("captured");
    let editor = repo.capture_editor(&capture);
    let out = run(repo
        .git_cmd(["commit", "-q"])
        .env("GIT_EDITOR", &editor)
        .env("GIT_HERALD_SKIP", "1")
        .env("HERALD_TEST_APPEND", "fix: written by hand"));
    assert_ok(&out);
    assert!(
        fs::read_to_string(&capture)
            .unwrap()
            .starts_with("\n# Please enter")
    );
    assert_eq!(repo.message_of("HEAD"), "fix: written by hand\n");
}

#[test]
fn hook_run_directly_skips_what_it_should() {
    let mut repo = TestRepo::with_commit();
    repo.set_env("GIT_HERALD_VERBOSE", "1");
    let file = message_file(&repo, GIT_TEMPLATE);
    // Nothing staged: nothing to say, file untouched.
    repo.herald(["hook".as_ref(), "run".as_ref(), file.as_os_str()])
        .assert()
        .success()
        .stderr("herald: skipped (nothing staged)\n");
    assert_eq!(fs::read_to_string(&file).unwrap(), GIT_TEMPLATE);
    repo.write("x.txt", "x\n");
    repo.add_all();
    for source in ["message", "template", "merge", "squash", "commit"] {
        repo.herald([
            "hook".as_ref(),
            "run".as_ref(),
            file.as_os_str(),
            source.as_ref(),
        ])
        .assert()
        .success()
        .stderr(predicate::str::starts_with("herald: skipped ("));
        assert_eq!(fs::read_to_string(&file).unwrap(), GIT_TEMPLATE, "{source}");
    }
    // The pre-commit framework passes the source in the environment.
    repo.herald(["hook".as_ref(), "run".as_ref(), file.as_os_str()])
        .env("PRE_COMMIT_COMMIT_MSG_SOURCE", "message")
        .assert()
        .success()
        .stderr("herald: skipped (a message was given with -m or -F)\n");
    assert_eq!(fs::read_to_string(&file).unwrap(), GIT_TEMPLATE);
    // A missing message file is a warning, not a failure.
    repo.herald(["hook", "run", "/nonexistent/COMMIT_EDITMSG"])
        .assert()
        .success()
        .stderr(contains(
            "warning: git-herald: failed to read the message file",
        ));
}

#[test]
fn a_broken_convention_file_warns_only_when_a_message_is_written() {
    let repo = repo_with_change();
    repo.install_hook();
    // A commitlint file that cannot be parsed is one warning, and only on a commit the hook
    // writes a message for.
    repo.write(".commitlintrc.json", "{ \"rules\": [ not json");
    let out = git_commit(&repo, &["-q", "-m", "chore: given"]);
    assert_ok(&out);
    assert_eq!(warnings(&out.stderr).len(), 0, "{}", show(&out));
    repo.write("more.txt", "more\n");
    repo.add(["more.txt"]);
    let out = repo.git_cmd(["commit", "-q"]).output().unwrap();
    assert_ok(&out);
    let warned = warnings(&out.stderr);
    assert_eq!(warned.len(), 1, "{}", show(&out));
    assert!(warned[0].contains(".commitlintrc.json"), "{warned:?}");
}

/// The pre-commit definition's default id runs the installed binary (no build inside the
/// first `git commit`); building from source is a separate id.
#[test]
fn the_pre_commit_definition_uses_the_installed_binary() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let hooks: Vec<&str> = text.split("\n- id: ").skip(1).collect();
    let default = hooks
        .iter()
        .find(|h| h.starts_with("git-herald\n"))
        .expect("a hook with id git-herald");
    assert!(default.contains("language: system"), "{default}");
    assert!(default.contains("entry: git-herald hook run"), "{default}");
    assert!(
        default.contains("stages: [prepare-commit-msg]"),
        "{default}"
    );
}

/// The composite Action's steps, run as a runner would: its notes step calls the binary the
/// install step put under `$RUNNER_TEMP`, writes the notes file and sets the step outputs the
/// Action passes on (under the names the README gives).
#[test]
fn the_action_writes_release_notes_and_its_outputs() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml"),
    )
    .unwrap();
    assert!(text.contains("using: composite"));
    assert!(text.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\""));
    for output in ["notes", "version", "previous-version", "range"] {
        assert!(
            text.contains(&format!("value: ${{{{ steps.notes.outputs.{output} }}}}")),
            "{output}"
        );
    }
    // The notes step's script: the indented block after its `run: |`.
    let step = &text[text.find("id: notes").unwrap()..];
    let script: String = step[step.find("run: |").unwrap() + 6..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("        ") || l.is_empty())
        .map(|l| format!("{}\n", l.trim_start()))
        .collect();
    let repo = TestRepo::with_commit();
    repo.git(["tag", "v0.1.0"]);
    repo.write("src/lib.rs", "pub fn pairs() {}\n");
    repo.add_all();
    repo.commit("feat: add pairs");
    repo.git(["tag", "v0.2.0"]);
    let runner = repo.root().join("runner");
    std::fs::create_dir_all(runner.join("git-herald/bin")).unwrap();
    std::os::unix::fs::symlink(
        crate::common::bin(),
        runner.join("git-herald/bin/git-herald"),
    )
    .unwrap();
    let outputs = runner.join("outputs");
    let out = repo
        .command("bash")
        .arg("-c")
        .arg(&script)
        .env("RUNNER_TEMP", &runner)
        .env("HERALD_TAG", "v0.2.0")
        .env("HERALD_OUTPUT", "notes.md")
        .env("HERALD_OFFLINE", "true")
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_OUTPUT", &outputs)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    let notes = std::fs::read_to_string(repo.join("notes.md")).unwrap();
    assert!(notes.contains("add pairs"), "{notes}");
    let set = std::fs::read_to_string(&outputs).unwrap();
    assert!(set.contains("version=0.2.0"), "{set}");
    assert!(set.contains("previous-version=0.1.0"), "{set}");
    assert!(set.contains("range=v0.1.0..v0.2.0"), "{set}");
}

/// Git turns `git herald --help` into `man git-herald`; `hook install` puts the page beside
/// the binary, where `man` looks for a program on PATH, with the sections `-h` lacks.
#[test]
fn hook_install_puts_the_manual_page_where_man_finds_it() {
    let repo = TestRepo::with_commit();
    let prefix = repo.root().join("prefix");
    fs::create_dir_all(prefix.join("bin")).unwrap();
    let exe = prefix.join("bin/git-herald");
    if fs::hard_link(crate::common::bin(), &exe).is_err() {
        fs::copy(crate::common::bin(), &exe).unwrap();
    }
    let out = run(repo.command(&exe).args(["hook", "install"]));
    assert!(out.status.success(), "{}", show(&out));
    let page = prefix.join("share/man/man1/git-herald.1");
    let text = fs::read_to_string(&page).unwrap();
    for section in ["ENVIRONMENT", "FILES", "CONFIGURATION", "EXAMPLES"] {
        assert!(text.contains(&format!(".SH {section}")), "{section}");
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("for `git herald --help`"));
    // `man` itself, where it is installed, finds the page from PATH alone.
    if std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok()
    {
        let path = format!("{}:/usr/bin:/bin", prefix.join("bin").display());
        let found = repo
            .command("man")
            .args(["-w", "git-herald"])
            .env("PATH", path)
            .env_remove("MANPATH")
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&found.stdout).trim(),
            page.display().to_string(),
            "{}",
            show(&found)
        );
    }
}

/// git-herald wired into a hook manager as `hook install` says: `hook status` and `doctor`
/// say what runs it instead of "not installed".
#[test]
fn status_and_doctor_see_git_herald_run_by_a_hook_manager() {
    // pre-commit: its own hook script, and git-herald in its configuration.
    let repo = TestRepo::with_commit();
    let hook = repo.git_hook_path();
    fs::create_dir_all(hook.parent().unwrap()).unwrap();
    fs::write(
        &hook,
        "#!/bin/sh\n# File generated by pre-commit: https://pre-commit.com\n",
    )
    .unwrap();
    repo.write(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks:\n      - id: git-herald\n        entry: git-herald hook run\n",
    );
    let status = repo.herald(["hook", "status"]).output().unwrap();
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(
        text.contains("git-herald runs through pre-commit"),
        "{text}"
    );
    let doctor = repo.herald(["doctor", "--no-network"]).output().unwrap();
    let text = String::from_utf8_lossy(&doctor.stdout);
    assert!(text.contains("runs through pre-commit"), "{text}");
    assert!(!text.contains("hook not installed"), "{text}");

    // husky: core.hooksPath points into .husky, whose script runs git-herald.
    let repo = TestRepo::with_commit();
    repo.write(".husky/prepare-commit-msg", "git-herald hook run \"$@\"\n");
    repo.git(["config", "core.hooksPath", ".husky/_"]);
    let status = repo.herald(["hook", "status"]).output().unwrap();
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(text.contains("git-herald runs through husky"), "{text}");
}

/// A manager installed after git-herald keeps its script aside: pre-commit's migration mode
/// still runs `prepare-commit-msg.legacy`, lefthook's `.old` no longer runs. Status says so,
/// and `hook uninstall` removes the kept script.
#[test]
fn a_script_kept_aside_by_a_manager_is_reported_and_uninstalled() {
    for (ext, manager_hook, says) in [
        (
            "legacy",
            "#!/bin/sh\n# File generated by pre-commit: https://pre-commit.com\n",
            "runs from",
        ),
        (
            "old",
            "#!/bin/sh\n# lefthook\nlefthook run prepare-commit-msg\n",
            "no longer runs",
        ),
    ] {
        let repo = TestRepo::with_commit();
        repo.install_hook();
        let hook = repo.git_hook_path();
        let kept = hook.with_extension(ext);
        fs::rename(&hook, &kept).unwrap();
        fs::write(&hook, manager_hook).unwrap();
        let status = repo.herald(["hook", "status"]).output().unwrap();
        let text = String::from_utf8_lossy(&status.stdout);
        assert!(text.contains(says), "{ext}: {text}");
        let out = repo.herald(["hook", "uninstall"]).output().unwrap();
        assert!(out.status.success(), "{ext}: {}", show(&out));
        assert!(!kept.exists(), "{ext}: the kept script is removed");
        assert_eq!(fs::read_to_string(&hook).unwrap(), manager_hook, "{ext}");
    }
}

/// Installing into `core.hooksPath` says so: every repository using that path runs the hook.
#[test]
fn installing_into_core_hooks_path_says_so() {
    let repo = TestRepo::with_commit();
    repo.git(["config", "core.hooksPath", "shared-hooks"]);
    let out = repo.herald(["hook", "install"]).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`core.hooksPath` is `shared-hooks`"),
        "{}",
        show(&out)
    );
}

/// `git commit -m`, merges and `--amend` are left alone without a word: the hook says why
/// only when GIT_HERALD_VERBOSE asks.
#[test]
fn skips_by_design_are_quiet_unless_asked() {
    let repo = repo_with_change();
    repo.install_hook();
    let out = git_commit(&repo, &["-q", "-m", "feat: my own words"]);
    assert_ok(&out);
    assert_eq!(stderr(&out), "", "no line on every `git commit -m`");
    repo.write("src/lib.rs", "pub fn again() {}\n");
    repo.add_all();
    let out = git_commit(&repo, &["-q", "--amend", "--no-edit"]);
    assert_ok(&out);
    assert_eq!(stderr(&out), "");
    let out = run(repo
        .git_cmd(["commit", "-q", "--allow-empty", "-m", "chore: empty"])
        .env("GIT_HERALD_VERBOSE", "1"));
    assert_ok(&out);
    assert_eq!(
        stderr(&out),
        "herald: skipped (a message was given with -m or -F)\n"
    );
}
