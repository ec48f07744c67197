//! Issue 14: nothing a server, a cloned repository or a diff can do blocks a commit, hangs
//! it, or leaks. The real binary, real `git commit`, and servers on 127.0.0.1.

use crate::common::{TestRepo, warnings};
use crate::provider::{openai_sse, repo_for, requests, run_ok, server, sse};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer};

const SUBJECT: &str = "feat(parser): add parse_pairs";

/// A model that answers `text` to every call.
fn always(text: &str) -> (tokio::runtime::Runtime, MockServer) {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(text)))
            .mount(&server),
    );
    (rt, server)
}

/// Reads a request's head and body (by Content-Length).
fn read_request(stream: &mut TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
}

/// A server on 127.0.0.1 whose every answer is a stream that never ends: a subject, then
/// body lines as fast as the client reads them.
fn endless_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            std::thread::spawn(move || {
                read_request(&mut stream);
                let event = |t: &str| {
                    let data =
                        serde_json::json!({"choices": [{"index": 0, "delta": {"content": t}}]});
                    let event = format!("data: {data}\n\n");
                    format!("{:x}\r\n{event}\r\n", event.len())
                };
                let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
                            transfer-encoding: chunked\r\n\r\n";
                if write!(stream, "{head}{}", event(&format!("{SUBJECT}\n\n"))).is_err() {
                    return;
                }
                let line = event(&"- and more and more\n".repeat(50));
                // Ends when the client hangs up.
                while stream.write_all(line.as_bytes()).is_ok() {}
            });
        }
    });
    addr
}

#[test]
fn nul_and_escape_bytes_never_reach_git_the_terminal_or_the_cache() {
    let answer = "feat(parser): add\0 parse_pairs\n\n- split \x1b]0;owned\x07on commas\x1b[2J\r";
    let (rt, server) = always(answer);
    let repo = repo_for(&server.uri());
    let (stdout, _) = run_ok(&repo, &["--no-cache"]);
    assert_eq!(
        stdout,
        format!("{SUBJECT}\n\n- split ]0;ownedon commas[2J\n")
    );
    // What is cached passed the gate: the second run answers from the cache, clean.
    let (first, _) = run_ok(&repo, &[]);
    let (again, stderr) = run_ok(&repo, &[]);
    assert_eq!(first, stdout);
    assert_eq!(again, stdout, "{stderr}");
    assert_eq!(requests(&rt, &server).len(), 2, "the third run was cached");
    let cache = repo.root().join("xdg/cache/git-herald");
    for entry in walk(&cache) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.contains(&0) && !bytes.contains(&0x1b),
            "{entry:?} holds a control byte"
        );
    }
    // In the hook, a real `git commit` goes through with the clean message.
    repo.install_hook();
    let commit = repo.git_cmd(["commit", "-q"]).output().unwrap();
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
    assert_eq!(
        repo.message_of("HEAD"),
        format!("{SUBJECT}\n\n- split ]0;ownedon commas[2J\n")
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn an_answer_that_fails_the_gate_falls_back_once_and_is_never_cached() {
    let (rt, server) = always("# Notes\n\nadded a parser");
    let repo = repo_for(&server.uri());
    for run in 1..=2 {
        let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
        assert!(
            !stdout.starts_with('#') && stdout != "added a parser\n",
            "{stdout}"
        );
        let warned = warnings(stderr.as_bytes());
        assert_eq!(warned.len(), 1, "{stderr}");
        assert!(
            warned[0].contains("not usable") && warned[0].contains("offline engine"),
            "{warned:?}"
        );
        assert_eq!(
            requests(&rt, &server).len(),
            2 * run,
            "asked again once, and nothing cached"
        );
    }
    // In the hook: a real commit with the offline engine's message and one warning.
    repo.install_hook();
    let commit = repo.git_cmd(["commit", "-q"]).output().unwrap();
    assert!(commit.status.success());
    assert_eq!(warnings(&commit.stderr).len(), 1, "{:?}", commit.stderr);
    let message = repo.message_of("HEAD");
    crate::common::assert_message_shape(&message);
}

#[test]
fn answers_that_break_the_rules_are_never_kept() {
    let long = format!("feat: {}", "x".repeat(5_000));
    for bad in [
        "# feat: add parse_pairs\n\nbody",
        long.as_str(),
        "",
        "\0\x1b",
    ] {
        let (rt, server) = always(bad);
        let repo = repo_for(&server.uri());
        let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
        crate::common::assert_message_shape(&stdout);
        let warned = warnings(stderr.as_bytes());
        assert_eq!(warned.len(), 1, "{bad:?}: {stderr}");
        assert!(warned[0].contains("not usable"), "{warned:?}");
        assert!(warned[0].len() < 600, "the warning stays short: {warned:?}");
        assert_eq!(requests(&rt, &server).len(), 2, "{bad:?}");
    }
}

#[test]
fn an_endless_stream_is_cut_at_the_cap_and_the_message_comes() {
    let addr = endless_server();
    let repo = repo_for(&addr);
    let out = repo.herald(["--no-cache"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("{SUBJECT}\n\n- and more")),
        "{stdout:.200}"
    );
    assert!(stdout.len() <= 16 * 1024 + 1, "{} bytes", stdout.len());
    // The hook commits with it too.
    repo.install_hook();
    let commit = repo.git_cmd(["commit", "-q"]).output().unwrap();
    assert!(commit.status.success());
    assert!(repo.message_of("HEAD").starts_with(SUBJECT));
}

/// A repository with a staged change, the hook installed, no model (the offline engine), and
/// an editor that writes `wip: by hand` when it finds no message, so a commit the hook left
/// alone still goes through.
fn hooked_repo() -> TestRepo {
    let mut repo = TestRepo::with_commit();
    repo.write("src/lib.rs", "pub fn one() -> u8 {\n    1\n}\n");
    repo.add(["src/lib.rs"]);
    repo.install_hook();
    let editor = repo.root().join("editor.sh");
    crate::common::write_executable(
        &editor,
        "#!/bin/sh\ngrep -q '^[^#]' \"$1\" || printf 'wip: by hand\\n' >> \"$1\"\n",
    );
    repo.set_env("GIT_EDITOR", editor);
    repo
}

/// Runs `git commit` with stdin open, failing (not hanging) when it takes over 60 s.
fn commit_bounded(repo: &TestRepo) -> std::process::Output {
    let mut cmd = repo.git_cmd(["commit", "-q"]);
    crate::common::run_with_open_stdin(&mut cmd, std::time::Duration::from_secs(60))
}

#[test]
fn a_repository_config_that_is_no_regular_file_or_too_large_is_refused_in_time() {
    let repo = hooked_repo();
    // A FIFO nobody writes to: opening it for reading would wait forever.
    let fifo = repo.join(".git-herald.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = commit_bounded(&repo);
    assert!(out.status.success(), "{}", crate::common::show(&out));
    let warned = warnings(&out.stderr);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].contains("not a regular file"), "{warned:?}");
    assert_eq!(repo.message_of("HEAD"), "wip: by hand\n");

    // Over the cap (a stand-in for `/dev/zero`): refused with the file named, never parsed.
    std::fs::remove_file(&fifo).unwrap();
    repo.write(".git-herald.toml", "# padding\n".repeat(120_000));
    repo.write("src/lib.rs", "pub fn two() -> u8 {\n    2\n}\n");
    repo.add(["src/lib.rs"]);
    let out = commit_bounded(&repo);
    assert!(out.status.success(), "{}", crate::common::show(&out));
    let warned = warnings(&out.stderr);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].contains(".git-herald.toml") && warned[0].contains("larger than 1024 KiB"),
        "{warned:?}"
    );
    // A symlink to a device is no regular file either.
    std::fs::remove_file(repo.join(".git-herald.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", repo.join(".git-herald.toml")).unwrap();
    let out = repo.herald(["--offline"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_repository_may_lower_the_hook_time_out_never_raise_it() {
    let mut repo = hooked_repo();
    repo.set_env("GIT_HERALD_TEST_HOOK_DELAY_MS", "4000");
    crate::provider::write_user_config(&repo, "[hook]\ntimeout = 1\n");
    for (repo_timeout, gave_up) in [
        ("300", "gave up after 1.0 s"),
        ("0.5", "gave up after 0.5 s"),
    ] {
        repo.write(
            ".git-herald.toml",
            format!("[hook]\ntimeout = {repo_timeout}\n"),
        );
        repo.add([".git-herald.toml"]);
        let out = commit_bounded(&repo);
        assert!(out.status.success(), "{}", crate::common::show(&out));
        let warned = warnings(&out.stderr);
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert!(warned[0].contains(gave_up), "{repo_timeout}: {warned:?}");
        assert_eq!(repo.message_of("HEAD"), "wip: by hand\n");
    }
}

#[test]
fn durations_have_an_upper_bound() {
    let mut repo = hooked_repo();
    repo.set_env("GIT_HERALD_HOOK_TIMEOUT", "1e19");
    let out = repo.herald(["--offline"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("GIT_HERALD_HOOK_TIMEOUT") && stderr.contains("from 0 to 3600"),
        "{stderr}"
    );
    repo.write(".git-herald.toml", "[hook]\ntimeout = 1e10\n");
    let out = repo
        .herald(["--offline"])
        .env_remove("GIT_HERALD_HOOK_TIMEOUT")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("from 0 to 3600"));
}

#[test]
fn a_key_a_server_echoes_is_masked_by_git_herald_and_the_hook() {
    let (rt, server) = server();
    let said = "Incorrect API key provided: Bearer sk-test-0123456789abcdef; your other key \
                ghp_0123456789abcdefghijklmnopqrstuvwxyz1 is revoked too\x1b]0;owned\x07";
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(wiremock::ResponseTemplate::new(401).set_body_json(
                serde_json::json!({"error": {"message": said, "code": "invalid_api_key"}}),
            ))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    let leaks = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        text.contains("0123456789abcdef")
            || text.contains("ghp_0123456789")
            || text.contains('\x1b')
    };
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Incorrect API key provided: Bearer ****"),
        "{stderr}"
    );
    assert!(!leaks(&out.stderr), "{stderr}");
    // The hook: a real commit, one warning, nothing leaked.
    repo.install_hook();
    let commit = repo.git_cmd(["commit", "-q"]).output().unwrap();
    assert!(commit.status.success());
    let warned = warnings(&commit.stderr);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].contains("401"), "{warned:?}");
    assert!(!leaks(&commit.stderr), "{warned:?}");
    let csv = std::fs::read(repo.root().join("xdg/data/git-herald/usage.csv")).unwrap();
    assert!(!leaks(&csv));
}

/// Random-looking base64 of `width` characters, starting with a letter (so git may take the
/// line as a hunk's function context), different for each `seed`.
fn key_line(seed: u64, width: usize) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut line = String::from("K");
    while line.len() < width {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        line.push(B64[(x % 64) as usize] as char);
    }
    line
}

#[test]
fn key_lines_out_of_view_of_begin_and_end_are_never_sent() {
    let (rt, server) = always(SUBJECT);
    let repo = repo_for(&server.uri());
    let body: Vec<String> = (1..=24).map(|i| key_line(i, 64)).collect();
    let pem = |lines: &[String]| {
        format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}==\n-----END RSA PRIVATE KEY-----\n",
            lines.join("\n"),
            &key_line(99, 40)
        )
    };
    repo.write("docs/notes.txt", pem(&body));
    repo.add(["docs/notes.txt"]);
    repo.commit("add the key");
    let mut edited = body.clone();
    edited[12] = key_line(1000, 64);
    repo.write("docs/notes.txt", pem(&edited));
    repo.add(["docs/notes.txt"]);
    // The hunk is lines 10 to 16 of the key: neither BEGIN nor END is in it, and git names
    // a line of the key as its function context.
    let staged = repo.git(["diff", "--cached"]);
    assert!(
        !staged.contains("BEGIN") && !staged.contains("END"),
        "{staged}"
    );
    let header = staged.lines().find(|l| l.starts_with("@@")).unwrap();
    assert!(header.contains(&body[8][..20]), "{header}");
    let (stdout, stderr) = run_ok(&repo, &[]);
    assert!(stdout.starts_with(SUBJECT), "{stderr}");
    let sent = requests(&rt, &server);
    assert_eq!(sent.len(), 1);
    let sent = String::from_utf8_lossy(&sent[0].body).into_owned();
    assert!(sent.contains("[REDACTED:private-key]"), "{sent}");
    for line in body.iter().chain(&edited) {
        assert!(!sent.contains(&line[..16]), "{line} was sent:\n{sent}");
    }
}

/// Tells whether a process is gone (or a zombie about to be reaped), waiting a little for it.
fn gone(pid: &str) -> bool {
    for _ in 0..100 {
        match std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())) {
            Err(_) => return true,
            Ok(stat)
                if stat
                    .rsplit(')')
                    .next()
                    .is_some_and(|s| s.trim_start().starts_with('Z')) =>
            {
                return true;
            }
            Ok(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    false
}

#[test]
fn a_key_command_that_hangs_is_stopped_with_its_children() {
    let (_rt, server) = always(SUBJECT);
    let mut repo = repo_for(&server.uri());
    repo.set_env("OPENAI_API_KEY", "");
    repo.set_env("GIT_HERALD_DEADLINE", "1");
    let pids = repo.root().to_owned();
    crate::provider::write_user_config(
        &repo,
        &format!(
            "provider = \"openai\"\napi-key-cmd = [\"sh\", \"-c\", \"sleep 300 & echo $! > {0}/child.pid; echo $$ > {0}/sh.pid; sleep 300\"]\n",
            pids.display()
        ),
    );
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did not finish within 1.0 s"), "{stderr}");
    for file in ["child.pid", "sh.pid"] {
        let pid = std::fs::read_to_string(pids.join(file)).unwrap();
        assert!(gone(&pid), "{file} {pid} still runs");
        std::fs::remove_file(pids.join(file)).unwrap();
    }
    // The hook: a real commit goes through with the offline engine's message, and nothing of
    // the key command is left running.
    repo.install_hook();
    let commit = commit_bounded(&repo);
    assert!(commit.status.success(), "{}", crate::common::show(&commit));
    assert_eq!(warnings(&commit.stderr).len(), 1, "{:?}", commit.stderr);
    crate::common::assert_message_shape(&repo.message_of("HEAD"));
    for file in ["child.pid", "sh.pid"] {
        let pid = std::fs::read_to_string(pids.join(file)).unwrap();
        assert!(gone(&pid), "{file} {pid} still runs after the hook");
    }
}

#[test]
fn a_template_that_runs_away_gets_a_clear_error() {
    let repo = TestRepo::with_commit();
    repo.write("src/lib.rs", "pub fn one() {}\n");
    repo.add(["src/lib.rs"]);
    repo.commit("feat: add one");
    // Named by the repository, as a pull request could.
    repo.write(".git-herald.toml", "[changelog]\ntemplate = \"loops.j2\"\n");
    repo.write(
        "loops.j2",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
    );
    let out = repo.herald(["changelog", "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("loops.j2`") && stderr.contains("ran out of fuel"),
        "{stderr}"
    );
    // Few steps, much output: the output cap.
    repo.write(
        "loops.j2",
        format!("{{{{ range(100000)|join(\"{}\") }}}}\n", "y".repeat(400)),
    );
    let out = repo.herald(["changelog", "--all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("wrote more than 16 MiB"), "{stderr}");
    assert!(out.stdout.is_empty());
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn cache_and_usage_files_are_private_and_csv_cells_are_no_formulas() {
    let (_rt, server) = always("=HYPERLINK(\"http://evil.example\")\n\nbody");
    let repo = repo_for(&server.uri());
    // Not a rule-breaking answer when the repository's style is free.
    repo.write(".git-herald.toml", "[message]\nconventional = false\n");
    let (stdout, _) = run_ok(&repo, &["--no-body"]);
    assert!(stdout.starts_with("=HYPERLINK"), "{stdout}");
    let data = repo.root().join("xdg/data/git-herald");
    let csv = data.join("usage.csv");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&csv), 0o600);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains(",\"'=HYPERLINK("), "{text}");
    let cache = repo.root().join("xdg/cache/git-herald");
    assert_eq!(mode(&cache), 0o700);
    let files = walk(&cache);
    assert!(!files.is_empty());
    for file in files {
        assert_eq!(mode(&file), 0o600, "{file:?}");
        assert_eq!(mode(file.parent().unwrap()), 0o700, "{file:?}");
    }
}

#[test]
fn a_fifo_as_the_usage_log_does_not_hang() {
    let (_rt, server) = always(SUBJECT);
    let repo = repo_for(&server.uri());
    let data = repo.root().join("xdg/data/git-herald");
    std::fs::create_dir_all(&data).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(data.join("usage.csv"))
        .status()
        .unwrap();
    assert!(made.success());
    let mut cmd = repo.command(crate::common::bin());
    let out = crate::common::run_with_open_stdin(&mut cmd, std::time::Duration::from_secs(60));
    assert!(out.status.success(), "{}", crate::common::show(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(SUBJECT));
    let warned = warnings(&out.stderr);
    assert!(
        warned.len() == 1 && warned[0].contains("failed to write the usage log"),
        "{warned:?}"
    );
}

#[test]
fn git_herald_skip_no_does_not_skip() {
    let mut repo = hooked_repo();
    repo.set_env("GIT_HERALD_SKIP", "no");
    let out = commit_bounded(&repo);
    assert!(out.status.success(), "{}", crate::common::show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("skipped"), "{stderr}");
    assert_ne!(repo.message_of("HEAD"), "wip: by hand\n");
    crate::common::assert_message_shape(&repo.message_of("HEAD"));
}

#[test]
fn listed_misses_are_redacted_and_examples_and_lookups_are_not() {
    let (rt, server) = always(SUBJECT);
    let repo = repo_for(&server.uri());
    let token = "ghp_R7x2Lq9ZkV4mT1pW8sN3cY6bH0jD5fGaE2uQ";
    repo.git(["checkout", "-q", "-b", &format!("feature/{token}-login")]);
    repo.write(
        "docs/aws.md",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n\
         aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\
         secret = get_secret('prod/db/password')\n",
    );
    repo.write(
        "src/db.js",
        "const dbPassword = process.env.DB_PASSWORD || 'Fallb4ckP4ss!x';\n",
    );
    repo.write("scripts/backup.sh", "mysql -u root -p'S3cr3tPass9x' mydb\n");
    repo.add(["src/db.js", "scripts/backup.sh"]);
    repo.add(["docs/aws.md"]);
    run_ok(&repo, &[]);
    let sent = requests(&rt, &server);
    let sent = String::from_utf8_lossy(&sent[0].body).into_owned();
    assert!(!sent.contains(&token[..12]), "{sent}");
    assert!(sent.contains("[REDACTED:github-pat]-login"), "{sent}");
    assert!(sent.contains("AKIAIOSFODNN7EXAMPLE"), "{sent}");
    assert!(
        sent.contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        "{sent}"
    );
    assert!(sent.contains("get_secret('prod/db/password')"), "{sent}");
    assert!(!sent.contains("Fallb4ck"), "{sent}");
    assert!(!sent.contains("S3cr3tPass"), "{sent}");
}
