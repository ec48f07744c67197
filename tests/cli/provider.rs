//! Model providers against real HTTP servers on 127.0.0.1 speaking each wire format: wiremock
//! for scripted answers, and a raw TCP server for hangs, cut-off streams and proxies.

use crate::common::{TestRepo, show, warnings};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

pub(crate) const SUBJECT: &str = "feat(parser): add parse_pairs";

/// Starts wiremock on its own thread; the returned runtime must outlive the test.
pub(crate) fn server() -> (tokio::runtime::Runtime, MockServer) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(MockServer::start());
    (rt, server)
}

/// An OpenAI Chat Completions stream that says `text` in three deltas, then usage.
pub(crate) fn openai_sse(text: &str) -> String {
    let (a, rest) = text.split_at(text.len() / 3);
    let (b, c) = rest.split_at(rest.len() / 2);
    let chunk = |t: &str| {
        format!(
            "data: {}\n\n",
            serde_json::json!({"choices": [{"index": 0, "delta": {"content": t}, "finish_reason": null}]})
        )
    };
    format!(
        ": keep-alive\n\n{}{}{}data: {}\n\ndata: {}\n\ndata: [DONE]\n\n",
        chunk(a),
        chunk(b),
        chunk(c),
        serde_json::json!({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}),
        serde_json::json!({"choices": [], "usage": {"prompt_tokens": 321, "completion_tokens": 12, "total_tokens": 333}}),
    )
}

pub(crate) fn sse(body: String) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "text/event-stream")
        .set_body_string(body)
}

/// A repository with one staged change and a user config for the given server.
pub(crate) fn repo_for(base_url: &str) -> TestRepo {
    let mut repo = TestRepo::with_commit();
    repo.write(
        "src/lib.rs",
        "pub fn parse_pairs(text: &str) -> Vec<&str> {\n    text.split(',').collect()\n}\n",
    );
    repo.add(["src/lib.rs"]);
    repo.set_env("OPENAI_API_KEY", "sk-test-0123456789abcdef");
    repo.set_env("OPENAI_BASE_URL", format!("{base_url}/v1"));
    repo.set_env("GIT_HERALD_BACKOFF_BASE", "0.01");
    repo
}

fn usage_csv(repo: &TestRepo) -> String {
    std::fs::read_to_string(repo.root().join("xdg/data/git-herald/usage.csv")).unwrap_or_default()
}

/// Writes the user configuration file git-herald reads in `repo`'s environment.
pub(crate) fn write_user_config(repo: &TestRepo, text: &str) {
    std::fs::create_dir_all(repo.user_config().parent().unwrap()).unwrap();
    std::fs::write(repo.user_config(), text).unwrap();
}

/// Runs `git herald ARGS`, asserts success, and returns stdout and stderr.
pub(crate) fn run_ok(repo: &TestRepo, args: &[&str]) -> (String, String) {
    let out = repo.herald(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

pub(crate) fn requests(rt: &tokio::runtime::Runtime, server: &MockServer) -> Vec<Request> {
    rt.block_on(server.received_requests()).unwrap_or_default()
}

#[test]
fn openai_stream_becomes_the_message_and_a_usage_row() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .and(header("authorization", "Bearer sk-test-0123456789abcdef"))
            .respond_with(sse(openai_sse(&format!("{SUBJECT}\n\n- split on commas"))))
            .expect(1)
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout, format!("{SUBJECT}\n\n- split on commas\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("herald: gpt-4o-mini via openai"),
        "{stderr}"
    );
    assert!(!stderr.contains("sk-test"), "the key never prints");

    let sent = requests(&rt, &server);
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body["stream"], true);
    assert_eq!(body["stream_options"]["include_usage"], true);
    assert!(
        body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .contains("parse_pairs")
    );

    let csv = usage_csv(&repo);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("timestamp,command,repo,provider,model,prompt_tokens"));
    assert!(
        lines[1].contains(",msg,repo,openai,gpt-4o-mini,321,12,333,"),
        "{csv}"
    );
    assert!(
        lines[1].contains(",1,ok,false,feat(parser): add parse_pairs"),
        "{csv}"
    );
    assert!(!csv.contains("sk-test"));

    let summary = repo.herald(["usage", "--by", "model"]).output().unwrap();
    let summary = String::from_utf8(summary.stdout).unwrap();
    assert!(
        summary.contains("gpt-4o-mini (openai)") && summary.contains("321"),
        "{summary}"
    );
}

#[test]
fn anthropic_messages_stream() {
    let (rt, server) = server();
    let events = [
        (
            "message_start",
            serde_json::json!({"type": "message_start", "message": {"usage": {"input_tokens": 90, "output_tokens": 1}}}),
        ),
        ("ping", serde_json::json!({"type": "ping"})),
        (
            "content_block_delta",
            serde_json::json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "fix(parser): "}}),
        ),
        (
            "content_block_delta",
            serde_json::json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "handle empty input"}}),
        ),
        (
            "message_delta",
            serde_json::json!({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 8}}),
        ),
        ("message_stop", serde_json::json!({"type": "message_stop"})),
    ];
    let body: String = events
        .iter()
        .map(|(name, data)| format!("event: {name}\r\ndata: {data}\r\n\r\n"))
        .collect();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/v1/messages"))
            .and(header("x-api-key", "sk-ant-test-key"))
            .and(header("anthropic-version", "2023-06-01"))
            .respond_with(sse(body))
            .expect(1)
            .mount(&server),
    );
    let mut repo = repo_for(&server.uri());
    repo.set_env("OPENAI_API_KEY", "");
    repo.set_env("ANTHROPIC_API_KEY", "sk-ant-test-key");
    repo.set_env("ANTHROPIC_BASE_URL", server.uri());
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "fix(parser): handle empty input\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("via anthropic"));
    assert!(usage_csv(&repo).contains(",anthropic,claude-haiku-4-5,90,8,98,"));
}

#[test]
fn ollama_is_found_on_its_port_and_streams_ndjson() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/api/tags"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"models": [{"name": "qwen2.5-coder:7b"}, {"name": "llama3.2"}]}),
            ))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/api/show"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"model_info": {"qwen2.context_length": 32768}}),
            ))
            .mount(&server)
            .await;
        let lines = [
            serde_json::json!({"message": {"role": "assistant", "content": "<think>the diff adds a parser</think>"}, "done": false}),
            serde_json::json!({"message": {"role": "assistant", "content": "feat: add parse_pairs"}, "done": false}),
            serde_json::json!({"message": {"role": "assistant", "content": ""}, "done": true, "prompt_eval_count": 40, "eval_count": 6}),
        ];
        let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
        Mock::given(method("POST"))
            .and(path("/api/chat"))
            .respond_with(ResponseTemplate::new(200).set_body_string(body))
            .expect(1)
            .mount(&server)
            .await;
    });
    let mut repo = repo_for(&server.uri());
    repo.set_env("OPENAI_API_KEY", "");
    repo.set_env("OLLAMA_HOST", server.uri());
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "feat: add parse_pairs\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("qwen2.5-coder:7b via ollama"));
    let chat = requests(&rt, &server)
        .into_iter()
        .find(|r| r.url.path() == "/api/chat")
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&chat.body).unwrap();
    assert_eq!(
        body["options"]["num_ctx"], 32768,
        "context length comes from /api/show"
    );
}

#[test]
fn rate_limit_waits_as_told_then_succeeds() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("retry-after", "1")
                    .set_body_json(serde_json::json!({"error": {"message": "Rate limit reached", "type": "requests"}})),
            )
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server)
            .await;
    });
    let repo = repo_for(&server.uri());
    let start = Instant::now();
    let out = repo.herald(["--no-body"]).output().unwrap();
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(requests(&rt, &server).len(), 2);
    assert!(
        took >= Duration::from_secs(1),
        "Retry-After honoured: {took:?}"
    );
    assert!(usage_csv(&repo).contains(",2,ok,"), "two attempts recorded");
}

#[test]
fn server_errors_are_retried_with_backoff() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(503).set_body_string("upstream overloaded"))
            .up_to_n_times(3)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server)
            .await;
    });
    let repo = repo_for(&server.uri());
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{SUBJECT}\n")
    );
    assert_eq!(requests(&rt, &server).len(), 4);
}

#[test]
fn bad_key_fails_at_once_and_says_what_to_fix() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
                "error": {"message": "Incorrect API key provided: sk-test-****cdef", "type": "invalid_request_error", "code": "invalid_api_key"}
            })))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: openai rejected the API key (HTTP 401)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint:") && stderr.contains("`OPENAI_API_KEY`"),
        "{stderr}"
    );
    assert!(!stderr.contains("sk-test-0123456789abcdef"));
    assert_eq!(requests(&rt, &server).len(), 1, "no retry on 401");
    assert!(
        usage_csv(&repo).contains(",error,"),
        "failed calls are recorded too"
    );

    // In the hook the commit still happens, with the offline engine's message.
    repo.install_hook();
    let commit = repo.git_cmd(["commit", "-q"]).output().unwrap();
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
    let warned = warnings(&commit.stderr);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].contains("401"), "{warned:?}");
    assert!(!repo.message_of("HEAD").trim().is_empty());
}

#[test]
fn model_not_found_names_the_model() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(404).set_body_json(serde_json::json!({
                "error": {"message": "The model `gpt-9` does not exist", "code": "model_not_found"}
            })))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    let out = repo.herald(["--model", "gpt-9"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no model `gpt-9`") && stderr.contains("hint:"),
        "{stderr}"
    );
}

#[test]
fn answer_that_breaks_the_rules_is_asked_again_once() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse("```\nAdded a parser.\n```")))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server)
            .await;
    });
    let repo = repo_for(&server.uri());
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{SUBJECT}\n")
    );
    let sent = requests(&rt, &server);
    assert_eq!(sent.len(), 2);
    let second: serde_json::Value = serde_json::from_slice(&sent[1].body).unwrap();
    let user = second["messages"][1]["content"].as_str().unwrap();
    assert!(
        user.contains("not a Conventional Commits header"),
        "the problem is stated"
    );
}

/// A raw HTTP server on 127.0.0.1: runs `handle` on each connection in its own thread and
/// records the request heads it read.
struct RawServer {
    addr: String,
    heads: Arc<Mutex<Vec<String>>>,
}

impl RawServer {
    fn start(handle: fn(&mut TcpStream, usize)) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = format!("http://{}", listener.local_addr().unwrap());
        let heads = Arc::new(Mutex::new(Vec::new()));
        let seen = heads.clone();
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(mut stream) = stream else { return };
                let seen = seen.clone();
                std::thread::spawn(move || {
                    let head = read_request(&mut stream);
                    seen.lock().unwrap().push(head);
                    handle(&mut stream, n);
                });
            }
        });
        RawServer { addr, heads }
    }

    fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

/// Reads a request's head and body (by Content-Length) and returns the head.
fn read_request(stream: &mut TcpStream) -> String {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    head
}

fn ok_stream(stream: &mut TcpStream, text: &str) {
    let body = openai_sse(text);
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
}

#[test]
fn stream_cut_off_midway_is_retried_whole() {
    let server = RawServer::start(|stream, n| {
        if n == 0 {
            // Chunked body that stops mid-stream without its final chunk.
            let part = "data: {\"choices\":[{\"delta\":{\"content\":\"feat: half\"}}]}\n\n";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{part}\r\n",
                part.len()
            );
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Both);
        } else {
            ok_stream(stream, SUBJECT);
        }
    });
    let repo = repo_for(&server.addr);
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{SUBJECT}\n")
    );
    assert_eq!(server.heads().len(), 2);
}

#[test]
fn hanging_server_hits_the_deadline_and_the_hook_still_commits() {
    let server = RawServer::start(|_stream, _| std::thread::sleep(Duration::from_secs(30)));
    let mut repo = repo_for(&server.addr);
    repo.set_env("GIT_HERALD_FIRST_TOKEN_TIMEOUT", "0.5");
    repo.set_env("GIT_HERALD_ATTEMPTS", "2");
    let start = Instant::now();
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("timed out") && stderr.contains("first-token-timeout"),
        "{stderr}"
    );

    // In the hook the model gets three quarters of the hook's time-out; then the offline
    // engine writes the message, so the user still gets one, and the hook ends in time.
    repo.set_env("GIT_HERALD_FIRST_TOKEN_TIMEOUT", "60");
    repo.set_env("GIT_HERALD_HOOK_TIMEOUT", "2");
    repo.install_hook();
    let msg = repo.join(".git/HERALD_TEST_MSG");
    std::fs::write(&msg, "\n# comment\n").unwrap();
    let start = Instant::now();
    let run = repo
        .command(repo.git_hook_path())
        .arg(&msg)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert!(run.status.success());
    assert!(
        took >= Duration::from_millis(1400) && took < Duration::from_secs(10),
        "{took:?}"
    );
    let warned = warnings(&run.stderr);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].contains("network.deadline") && warned[0].contains("offline engine"),
        "{warned:?}"
    );
    let written = std::fs::read_to_string(&msg).unwrap();
    assert!(
        written.ends_with("\n# comment\n") && !written.starts_with('\n'),
        "{written:?}"
    );

    // A commit goes ahead whatever the server does.
    let commit = repo
        .git_cmd(["commit", "-q", "-m", "wip: keep going"])
        .output()
        .unwrap();
    assert!(commit.status.success());
}

#[test]
fn proxy_from_config_carries_the_request() {
    let proxy = RawServer::start(|stream, _| ok_stream(stream, SUBJECT));
    let mut repo = repo_for("http://model.example.invalid");
    write_user_config(&repo, &format!("proxy = \"{}\"\n", proxy.addr));
    repo.set_env("NO_PROXY", "");
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1);
    assert!(
        heads[0].starts_with("POST http://model.example.invalid/v1/chat/completions HTTP/1.1"),
        "{heads:?}"
    );
}

#[test]
fn hostile_repo_config_cannot_send_the_key_elsewhere() {
    let attacker = RawServer::start(|stream, _| ok_stream(stream, SUBJECT));
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    for hostile in [
        format!("base-url = \"{}\"\n", attacker.addr),
        format!("proxy = \"{}\"\n", attacker.addr),
        "api-key-cmd = [\"sh\", \"-c\", \"touch pwned\"]\n".to_owned(),
        format!(
            "[network]\nattempts = 1\n[models.x]\ncontext-window = 1\n# {}\n",
            attacker.addr
        ),
    ] {
        repo.write(".git-herald.toml", &hostile);
        let out = repo.herald(Vec::<&str>::new()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{hostile}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("cannot be set in the repository's config file"),
            "{stderr}"
        );
        assert!(stderr.contains(".git-herald.toml"), "{stderr}");
    }
    assert!(attacker.heads().is_empty(), "nothing reached the attacker");
    assert!(!repo.join("pwned").exists(), "no command ran");
    assert!(requests(&rt, &server).is_empty());
}

#[test]
fn fifty_processes_append_fifty_whole_rows() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    // With the cache on, the first answer would serve the other 49 without a call.
    write_user_config(&repo, "[cache]\nenabled = false\n");
    let children: Vec<_> = (0..50)
        .map(|_| {
            repo.command(crate::common::bin())
                .args(["--no-body", "--quiet"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let csv = usage_csv(&repo);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 51, "one header and 50 rows");
    assert!(
        rows[1..]
            .iter()
            .all(|r| r.contains(",openai,gpt-4o-mini,321,12,333,"))
    );
}

#[test]
fn azure_deployment_url_version_and_key_header() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/openai/deployments/team-gpt4o/chat/completions"))
            .and(wiremock::matchers::query_param("api-version", "2024-10-21"))
            .and(header("api-key", "azure-key-123456"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .expect(1)
            .mount(&server),
    );
    let mut repo = repo_for(&server.uri());
    repo.set_env("OPENAI_API_KEY", "");
    repo.set_env("AZURE_OPENAI_API_KEY", "azure-key-123456");
    write_user_config(
        &repo,
        &format!(
            "provider = \"azure\"\n[azure]\nendpoint = \"{}\"\ndeployment = \"team-gpt4o\"\n",
            server.uri()
        ),
    );
    let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
    assert_eq!(stdout, format!("{SUBJECT}\n"));
    assert!(stderr.contains("team-gpt4o via azure"), "{stderr}");
}

#[test]
fn key_from_a_command_run_without_a_shell() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(header("authorization", "Bearer from-the-password-manager"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .expect(1)
            .mount(&server),
    );
    let mut repo = repo_for(&server.uri());
    repo.set_env("OPENAI_API_KEY", "");
    // `$(…)` would run in a shell; here it is a literal argument to `printf`.
    write_user_config(
        &repo,
        &format!(
            "provider = \"openai\"\nbase-url = \"{}/v1\"\napi-key-cmd = [\"printf\", \"from-the-password-manager\\n$(touch pwned)\"]\n",
            server.uri()
        ),
    );
    run_ok(&repo, &["--no-body"]);
    assert!(!repo.join("pwned").exists());
    let shown = repo.herald(["config", "show"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&shown.stdout).contains("from-the-password-manager"));
}

#[test]
fn prompt_carries_style_examples_language_and_ticket() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(&format!("{SUBJECT}\n\n- split on commas"))))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    repo.git(["checkout", "-q", "-b", "feature/ABC-123-pairs"]);
    let out = repo.herald(["--lang", "de"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.ends_with("\n\nRefs: ABC-123\n"),
        "a ticket trailer: {stdout}"
    );
    let sent = requests(&rt, &server);
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    let system = body["messages"][0]["content"].as_str().unwrap();
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(system.contains("in this language: de"), "{system}");
    assert!(user.contains("Branch: feature/ABC-123-pairs"), "{user}");
    assert!(
        user.contains("Past commits most like this change") && user.contains("initial commit"),
        "{user}"
    );

    // The offline engine adds the trailer too; `ticket = "off"` turns it off.
    let offline = repo.herald(["--offline"]).output().unwrap();
    assert!(
        String::from_utf8(offline.stdout)
            .unwrap()
            .ends_with("Refs: ABC-123\n")
    );
    repo.write(".git-herald.toml", "[message]\nticket = \"off\"\n");
    let off = repo.herald(["--offline"]).output().unwrap();
    assert!(!String::from_utf8(off.stdout).unwrap().contains("Refs:"));
}

#[test]
fn the_cache_answers_again_until_bypassed_or_cleared() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    let calls = || requests(&rt, &server).len();
    let (first, _) = run_ok(&repo, &["--no-body"]);
    assert_eq!(calls(), 1);
    let (again, stderr) = run_ok(&repo, &["--no-body"]);
    assert_eq!((again.as_str(), calls()), (first.as_str(), 1), "{stderr}");
    assert!(stderr.contains("from the cache"), "{stderr}");
    run_ok(&repo, &["--no-body", "--no-cache"]);
    assert_eq!(calls(), 2, "--no-cache asks the model");
    let (size, _) = run_ok(&repo, &["cache", "size"]);
    assert!(size.starts_with("1 answer, "), "{size}");
    let (path, _) = run_ok(&repo, &["cache", "path"]);
    assert_eq!(
        path.trim(),
        repo.root().join("xdg/cache/git-herald").to_str().unwrap()
    );
    let (cleared, _) = run_ok(&repo, &["cache", "clear"]);
    assert!(cleared.starts_with("removed 1 answer "), "{cleared}");
    run_ok(&repo, &["--no-body"]);
    assert_eq!(calls(), 3, "a cleared cache asks again");
}

#[test]
fn credentials_in_a_base_url_never_print() {
    let mut repo = repo_for("http://bob:hunter2pass@127.0.0.1:9");
    repo.set_env("GIT_HERALD_ATTEMPTS", "1");
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("could not reach `http://bob:****@127.0.0.1:9/v1"),
        "{stderr}"
    );
    let doctor = repo.herald(["doctor"]).output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&doctor.stdout),
        String::from_utf8_lossy(&doctor.stderr)
    );
    assert!(all.contains("bob:****"), "{all}");
    repo.install_hook();
    let commit = repo.git_cmd(["commit", "-q"]).output().unwrap();
    let hook = String::from_utf8_lossy(&commit.stderr);
    for text in [stderr.as_ref(), all.as_str(), hook.as_ref()] {
        assert!(!text.contains("hunter2pass"), "{text}");
    }
}

#[test]
fn dry_run_shows_the_request_exactly_as_it_is_sent() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    repo.git(["checkout", "-q", "-b", "feature/ABC-7-pairs"]);
    let (dry, _) = run_ok(&repo, &["--dry-run"]);
    assert!(requests(&rt, &server).is_empty(), "a dry run sends nothing");
    run_ok(&repo, &[]);
    let sent = requests(&rt, &server);
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(user.contains("Branch: feature/ABC-7-pairs"), "{user}");
    assert!(
        user.contains("Past commits most like this change"),
        "{user}"
    );
    assert!(
        dry.contains(user.trim_end()),
        "dry run:\n{dry}\nsent:\n{user}"
    );
}

/// The usage log's row of a call that failed: the attempts and time it really took, and no
/// tokens or cost for requests the server turned away (they are not billed).
#[test]
fn failed_calls_record_their_attempts_and_are_not_billed() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(503).set_body_string("upstream overloaded"))
            .mount(&server),
    );
    let mut repo = repo_for(&server.uri());
    repo.set_env("GIT_HERALD_ATTEMPTS", "3");
    repo.set_env("GIT_HERALD_BACKOFF_BASE", "0.05");
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert_eq!(requests(&rt, &server).len(), 3);
    let csv = usage_csv(&repo);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let field = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(field("status"), "error");
    assert_eq!(field("attempts"), "3", "{csv}");
    assert!(field("duration_ms").parse::<u64>().unwrap() > 0, "{csv}");
    assert_eq!(field("prompt_tokens"), "0", "{csv}");
    assert_eq!(field("completion_tokens"), "0", "{csv}");
    assert_eq!(field("cost_usd").parse::<f64>().unwrap(), 0.0, "{csv}");
}

/// `usage --since` takes relative days as well as dates.
#[test]
fn usage_since_takes_relative_days() {
    let repo = TestRepo::with_commit();
    for since in ["today", "yesterday", "3 days ago", "2026-01-01"] {
        run_ok(&repo, &["usage", "--since", since]);
    }
    let out = repo
        .herald(["usage", "--since", "someday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`yesterday`"));
}

/// A request over `limit` bytes is answered as a server with a small window answers it.
struct Larger(usize);

impl wiremock::Match for Larger {
    fn matches(&self, request: &Request) -> bool {
        request.body.len() > self.0
    }
}

/// A server that says "maximum context length is 2000 tokens": the message is written within
/// the window it states, part by part, instead of retrying blind and giving up.
#[test]
fn a_stated_context_window_is_used_and_the_change_is_summarised() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("POST"))
            .and(Larger(9_000))
            .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
                "error": {
                    "message": "This model's maximum context length is 2000 tokens. However, \
                                your messages resulted in 9000 tokens.",
                    "type": "invalid_request_error",
                    "code": "context_length_exceeded"
                }
            })))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server)
            .await;
    });
    let mut repo = repo_for(&server.uri());
    repo.set_env("GIT_HERALD_ATTEMPTS", "1");
    // About 30 KB of source over a dozen files: far over 2,000 tokens.
    for i in 0..12 {
        let body: String = (0..40)
            .map(|j| {
                format!("pub fn item_{i}_{j}(value: usize) -> usize {{ value * {j} + {i} }}\n")
            })
            .collect();
        repo.write(format!("src/part_{i}.rs"), body);
    }
    repo.add_all();
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{SUBJECT}\n")
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("context window is 2000 tokens"), "{stderr}");
    let sent = requests(&rt, &server);
    assert!(
        sent.len() > 3,
        "the change went out in parts: {}",
        sent.len()
    );
    assert!(
        sent[1..].iter().all(|r| r.body.len() <= 9_000),
        "every request after the first fits the stated window"
    );
}

/// A model the built-in table does not know is warned about once per server, not on every
/// run.
#[test]
fn an_unknown_model_is_warned_about_once() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server),
    );
    let mut repo = repo_for(&server.uri());
    repo.set_env("GIT_HERALD_MODEL", "house-model-7b");
    let first = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert!(first.status.success(), "{}", show(&first));
    assert!(
        String::from_utf8_lossy(&first.stderr).contains("is not in the built-in table"),
        "{}",
        show(&first)
    );
    let second = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert!(second.status.success(), "{}", show(&second));
    assert!(
        !String::from_utf8_lossy(&second.stderr).contains("is not in the built-in table"),
        "{}",
        show(&second)
    );
}

/// Standing instructions from `message.instructions` and the repository's
/// `.github/commit-instructions.md` go with the request, redacted like everything sent.
#[test]
fn standing_instructions_reach_the_model_redacted() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(SUBJECT)))
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    repo.write(
        ".git-herald.toml",
        "[message]\ninstructions = \"Name the crate as the scope.\"\n",
    );
    repo.write(
        ".github/commit-instructions.md",
        "Mention migrations in the body.\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY9\n",
    );
    let out = repo.herald(["--no-body"]).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    let sent = requests(&rt, &server);
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(user.contains("Standing instructions"), "{user}");
    assert!(user.contains("Name the crate as the scope."), "{user}");
    assert!(user.contains("Mention migrations in the body."), "{user}");
    assert!(
        !user.contains("wJalrXUtnFEMI"),
        "instructions are redacted: {user}"
    );
}
