//! `TestRepo`: a real git repository in a temporary directory, and the real `git-herald`
//! binary run in it with a cleared, fixed environment (jj's `TestEnvironment`, just's `Test`).

use std::ffi::OsString;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use tempfile::TempDir;

/// The path of the `git-herald` binary cargo built for these tests.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("git-herald")
}

/// The contents of a file in `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// `PATH` with every directory that holds a `git-herald` removed, so the hook's fallback to
/// `command -v git-herald` cannot find an installed copy outside the test.
fn test_path() -> OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|dir| !dir.join("git-herald").exists())
        .collect();
    std::env::join_paths(kept).expect("PATH entries came from PATH")
}

/// A repository (or, with `TestRepo::outside`, a plain directory) under a temporary root that
/// also holds the fake home and XDG directories:
///
/// ```text
/// root/home  root/xdg/{config,data,cache}  root/repo (the work tree)  root/… (scratch)
/// ```
pub struct TestRepo {
    _tmp: TempDir,
    root: PathBuf,
    work: PathBuf,
    env: Vec<(OsString, OsString)>,
}

impl TestRepo {
    /// A fresh repository with no commits, branch `main`.
    pub fn new() -> Self {
        let repo = Self::outside();
        repo.git(["init", "-q", "-b", "main"]);
        repo
    }

    /// A repository with one commit holding `README.md`.
    pub fn with_commit() -> Self {
        let repo = Self::new();
        repo.write("README.md", "# demo\n\nA small project.\n");
        repo.add(["README.md"]);
        repo.commit("initial commit");
        repo
    }

    /// The same layout with no repository at all (`root/repo` is a plain directory).
    pub fn outside() -> Self {
        let tmp = tempfile::Builder::new()
            .prefix("herald-test-")
            .tempdir()
            .unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let work = root.join("repo");
        for dir in ["home", "xdg/config", "xdg/data", "xdg/cache", "repo"] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        TestRepo {
            _tmp: tmp,
            root,
            work,
            env: Vec::new(),
        }
    }

    /// Sets an environment variable for every command this repository runs.
    pub fn set_env(&mut self, key: impl Into<OsString>, value: impl Into<OsString>) {
        self.env.push((key.into(), value.into()));
    }

    /// The temporary root (parent of the work tree).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The top of the work tree.
    pub fn path(&self) -> &Path {
        &self.work
    }

    /// A path in the work tree.
    pub fn join(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.work.join(rel)
    }

    /// The user config file git-herald reads by default (under the temporary XDG config dir).
    pub fn user_config(&self) -> PathBuf {
        self.root.join("xdg/config/git-herald/config.toml")
    }

    /// The environment every command gets after `env_clear()`.
    fn base_env(&self) -> Vec<(OsString, OsString)> {
        let r = |rel: &str| self.root.join(rel).into_os_string();
        let date = "2024-01-02T03:04:05+00:00";
        let mut env: Vec<(OsString, OsString)> = vec![
            ("PATH".into(), test_path()),
            ("HOME".into(), r("home")),
            ("XDG_CONFIG_HOME".into(), r("xdg/config")),
            ("XDG_DATA_HOME".into(), r("xdg/data")),
            ("XDG_CACHE_HOME".into(), r("xdg/cache")),
            ("GIT_CONFIG_NOSYSTEM".into(), "1".into()),
            ("GIT_CONFIG_GLOBAL".into(), "/dev/null".into()),
            // Discovery never climbs out of the temporary root into a repository around it.
            ("GIT_CEILING_DIRECTORIES".into(), self.root.clone().into()),
            ("GIT_AUTHOR_NAME".into(), "Ada Author".into()),
            ("GIT_AUTHOR_EMAIL".into(), "ada@example.com".into()),
            ("GIT_AUTHOR_DATE".into(), date.into()),
            ("GIT_COMMITTER_NAME".into(), "Cy Committer".into()),
            ("GIT_COMMITTER_EMAIL".into(), "cy@example.com".into()),
            ("GIT_COMMITTER_DATE".into(), date.into()),
            ("GIT_EDITOR".into(), "true".into()),
            ("GIT_PAGER".into(), "cat".into()),
            ("LC_ALL".into(), "C".into()),
            ("TZ".into(), "UTC".into()),
            // No model answers these tests, not even an Ollama the developer runs locally
            // (port 9, `discard`, is closed): with no key set, the offline engine writes.
            ("OLLAMA_HOST".into(), "http://127.0.0.1:9".into()),
        ];
        env.extend(self.env.iter().cloned());
        env
    }

    /// A `std::process::Command` for `program` with the test environment, run in the work tree.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .envs(self.base_env())
            .current_dir(&self.work);
        cmd
    }

    /// The real `git-herald` binary with `args`, ready for assertions.
    pub fn herald<I, S>(&self, args: I) -> assert_cmd::Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.command(bin());
        cmd.args(args);
        let mut cmd = assert_cmd::Command::from_std(cmd);
        // A bound, not a timer: a hung binary fails the test instead of hanging the suite.
        cmd.timeout(Duration::from_secs(60));
        cmd
    }

    /// A `git` command with the test environment (not yet run).
    pub fn git_cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.command("git");
        cmd.args(args);
        cmd
    }

    /// Runs git, asserts success, returns stdout.
    pub fn git_bytes<I, S>(&self, args: I) -> Vec<u8>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.git_cmd(args);
        let out = run(&mut cmd);
        assert!(out.status.success(), "{cmd:?} failed:\n{}", show(&out));
        out.stdout
    }

    /// Runs git, asserts success, returns stdout as text.
    pub fn git<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        String::from_utf8(self.git_bytes(args)).unwrap()
    }

    /// Writes a file in the work tree (creating directories), returning its path.
    pub fn write(&self, rel: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.work.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap();
        }
        fs::write(&path, contents).unwrap();
        path
    }

    /// Writes an executable shell script (anywhere), returning its path.
    pub fn script(&self, path: impl AsRef<Path>, body: &str) -> PathBuf {
        let path = self.work.join(path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap();
        }
        write_executable(&path, body);
        path
    }

    /// Stages paths.
    pub fn add<I, S>(&self, paths: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.git_cmd(["add", "--"]);
        cmd.args(paths);
        let out = run(&mut cmd);
        assert!(out.status.success(), "git add failed:\n{}", show(&out));
    }

    /// Stages everything.
    pub fn add_all(&self) {
        self.git(["add", "-A"]);
    }

    /// Commits what is staged with `message`, git-herald's hook (if any) told to stand aside.
    pub fn commit(&self, message: &str) {
        let mut cmd = self.git_cmd(["commit", "-q", "--allow-empty", "-m", message]);
        cmd.env("GIT_HERALD_SKIP", "1");
        let out = run(&mut cmd);
        assert!(out.status.success(), "git commit failed:\n{}", show(&out));
    }

    /// Commits what is staged with `message` as `author` (`Name <email>`): a bot's commit.
    pub fn commit_as(&self, author: &str, message: &str) {
        let mut cmd = self.git_cmd(["commit", "-q", "--author", author, "-m", message]);
        cmd.env("GIT_HERALD_SKIP", "1");
        let out = run(&mut cmd);
        assert!(out.status.success(), "git commit failed:\n{}", show(&out));
    }

    /// Stages everything and commits it with `message`.
    pub fn commit_all(&self, message: &str) {
        self.add_all();
        self.commit(message);
    }

    /// The raw message of a commit, exactly as stored (no trailing newline added).
    pub fn message_of(&self, rev: &str) -> String {
        let raw = self.git(["cat-file", "commit", rev]);
        let (_, message) = raw.split_once("\n\n").expect("commit has a message");
        message.to_owned()
    }

    /// The number of commits reachable from HEAD (0 before the first commit).
    pub fn commit_count(&self) -> usize {
        let out = run(&mut self.git_cmd(["rev-list", "--count", "HEAD"]));
        if !out.status.success() {
            return 0;
        }
        String::from_utf8(out.stdout)
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    /// Where git runs the `prepare-commit-msg` hook from, per `git rev-parse --git-path hooks`.
    pub fn git_hook_path(&self) -> PathBuf {
        let hooks = self.git(["rev-parse", "--git-path", "hooks"]);
        let hooks = Path::new(hooks.trim());
        let hooks = if hooks.is_absolute() {
            hooks.to_owned()
        } else {
            self.work.join(hooks)
        };
        hooks.join("prepare-commit-msg")
    }

    /// Installs the hook with the test binary and asserts it said so.
    pub fn install_hook(&self) {
        self.herald(["hook", "install"])
            .assert()
            .success()
            .stdout(predicates::str::starts_with("installed `"));
    }

    /// An editor for `GIT_EDITOR` that copies the message file to `capture` (so a test can
    /// see what the hook left there); then, when `HERALD_TEST_APPEND` is set, appends that
    /// line, and when `HERALD_TEST_ABORT` is set, fails (so git aborts the commit).
    pub fn capture_editor(&self, capture: &Path) -> PathBuf {
        let path = self.root.join("capture-editor.sh");
        if !path.exists() {
            let body = format!(
                "#!/bin/sh\ncp \"$1\" '{}'\n\
                 if [ -n \"$HERALD_TEST_APPEND\" ]; then printf '%s\\n' \"$HERALD_TEST_APPEND\" >> \"$1\"; fi\n\
                 if [ -n \"$HERALD_TEST_ABORT\" ]; then exit 1; fi\n",
                capture.display()
            );
            write_executable(&path, body.as_str());
        }
        path
    }
}

/// Writes an executable script through a child process, so this (many-threaded) test process
/// never holds the file open for writing: a command forked by another test meanwhile would
/// inherit that handle until it execs, and running the script then fails with "text file
/// busy" (ETXTBSY).
pub fn write_executable(path: &Path, body: &str) {
    let mut child = Command::new("sh")
        .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
        .arg(path)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success(), "writing {path:?}");
}

/// Runs a command to completion, capturing its output, with stdin empty.
pub fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("failed to run {cmd:?}: {e}"))
}

/// Runs a command whose stdin is a pipe the test keeps open, waiting at most `bound` for it to
/// exit: a command that reads stdin would hang and fail here instead.
pub fn run_with_open_stdin(cmd: &mut Command, bound: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(bound) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            panic!("{cmd:?} still running after {bound:?}: it waits on stdin");
        }
    };
    drop(stdin);
    out
}

/// Formats a command's output for an assertion message.
pub fn show(out: &Output) -> String {
    format!(
        "status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The lines of `stderr` that start with `warning:`.
pub fn warnings(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .map(str::to_owned)
        .collect()
}

/// Asserts `message` has the shape of a commit message: a non-empty first line of at most 72
/// characters, then nothing or a blank line and a body. The engine's wording is not asserted.
pub fn assert_message_shape(message: &str) {
    let mut lines = message.lines();
    let subject = lines.next().unwrap_or_default();
    assert!(!subject.trim().is_empty(), "empty subject in {message:?}");
    assert!(
        subject.chars().count() <= 72,
        "subject longer than 72 characters: {subject:?}"
    );
    assert!(
        !subject.starts_with('#'),
        "subject is a comment: {subject:?}"
    );
    if let Some(second) = lines.next() {
        assert!(
            second.is_empty(),
            "no blank line after the subject: {message:?}"
        );
    }
    assert!(message.ends_with('\n'), "no final newline: {message:?}");
}

/// The text after `--- diff text ---` in `--dry-run` output (empty when there is none).
pub fn dry_run_diff(stdout: &[u8]) -> &[u8] {
    let marker = b"--- diff text ---\n";
    stdout
        .windows(marker.len())
        .position(|w| w == marker)
        .map_or(&[][..], |at| &stdout[at + marker.len()..])
}

/// One OpenAI-style streamed answer: `text` in one delta, then `stop` with a usage block.
pub fn sse(text: &str) -> wiremock::ResponseTemplate {
    let body = format!(
        "data: {}\n\ndata: {}\n\ndata: [DONE]\n\n",
        serde_json::json!({"choices": [{"delta": {"content": text}, "finish_reason": null}]}),
        serde_json::json!({"choices": [{"delta": {}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 100, "completion_tokens": 10}}),
    );
    wiremock::ResponseTemplate::new(200)
        .insert_header("content-type", "text/event-stream")
        .set_body_string(body)
}
