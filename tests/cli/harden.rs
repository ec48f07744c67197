//! Issue 14: nothing a server, a cloned repository or a diff can do blocks a commit, hangs
//! it, or leaks. The real binary, real `git commit`, and servers on 127.0.0.1.

use crate::common::warnings;
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
