//! A change of any size makes one message: a 5 MB, 2,000-file staged diff against a local
//! server that enforces a small context window (rejecting over-long prompts as OpenAI does)
//! and records every request; then the cache, and an amended file.

use crate::common::{TestRepo, sse};
use git_herald::tokens::Counter;
use std::sync::{Arc, Mutex};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const WINDOW: usize = 32_000;

/// Answers like a model with a `WINDOW`-token context: 400 for prompts over it, a summary for
/// chunk requests, a message for the final one. Keeps every request's user text.
#[derive(Clone)]
struct Model {
    seen: Arc<Mutex<Vec<(String, String)>>>,
    rejected: Arc<Mutex<usize>>,
}

impl Respond for Model {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        let system = body["messages"][0]["content"].as_str().unwrap().to_owned();
        let user = body["messages"][1]["content"].as_str().unwrap().to_owned();
        let counter = Counter::new("gpt-4o-mini", 0.0);
        let tokens = counter.count(&system) + counter.count(&user) + 8;
        let max = body["max_tokens"].as_u64().unwrap() as usize;
        if tokens + max > WINDOW {
            *self.rejected.lock().unwrap() += 1;
            return ResponseTemplate::new(400).set_body_json(serde_json::json!({
                "error": {"message": format!("This model's maximum context length is {WINDOW} tokens. However, you requested {} tokens.", tokens + max), "type": "invalid_request_error", "code": "context_length_exceeded"}
            }));
        }
        let summary = system.starts_with("You summarise") || system.starts_with("You merge");
        self.seen.lock().unwrap().push((system, user.clone()));
        if summary {
            let part = user.lines().next().unwrap_or_default().to_owned();
            sse(&format!("- {part}: reworks generated modules"))
        } else {
            sse("feat(modules): rework two thousand modules\n\n- regenerate every module")
        }
    }
}

fn big_repo() -> TestRepo {
    let repo = TestRepo::with_commit();
    for i in 0..2_000 {
        let dir = format!("src/group{:02}", i % 40);
        let mut text = String::with_capacity(2_600);
        for line in 0..50 {
            text.push_str(&format!(
                "pub fn item_{i}_{line}(x: u64) -> u64 {{ x * {line} + {i} }}\n"
            ));
        }
        repo.write(format!("{dir}/module_{i:04}.rs"), text);
    }
    repo.add(["src"]);
    repo
}

fn start(rt: &tokio::runtime::Runtime) -> (MockServer, Model) {
    let model = Model {
        seen: Arc::default(),
        rejected: Arc::default(),
    };
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(model.clone())
            .mount(&server),
    );
    (server, model)
}

fn configure(repo: &mut TestRepo, server: &MockServer) {
    repo.set_env("OPENAI_API_KEY", "sk-test-large");
    repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
    repo.set_env("GIT_HERALD_CONTEXT_WINDOW", WINDOW.to_string());
    repo.set_env("GIT_HERALD_MAX_CALLS", "200");
}

#[test]
fn five_megabytes_make_one_message_within_budget_then_cost_nothing_again() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (server, model) = start(&rt);
    let mut repo = big_repo();
    configure(&mut repo, &server);
    let staged = repo.git(["diff", "--cached", "--stat"]);
    assert!(staged.contains("2000 files changed"), "{staged}");

    let out = repo.herald(["--quiet"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let message = String::from_utf8(out.stdout).unwrap();
    assert!(
        message.starts_with("feat(modules): rework two thousand modules\n"),
        "{message}"
    );
    assert_eq!(
        *model.rejected.lock().unwrap(),
        0,
        "no request over the window"
    );

    let seen = model.seen.lock().unwrap().clone();
    let (maps, finals): (Vec<_>, Vec<_>) = seen
        .iter()
        .partition(|(system, _)| !system.starts_with("You write"));
    assert!(maps.len() >= 10, "{} chunks", maps.len());
    assert_eq!(finals.len(), 1, "one message");
    assert!(finals[0].1.contains("Summaries of the diff"));
    // Every file was summarised: its diff went out in exactly one chunk. (The headers are
    // gathered once: a scan of every chunk per file took most of this suite's time.)
    let mut carriers: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, user) in &maps {
        let headers: std::collections::HashSet<&str> = user
            .lines()
            .filter_map(|l| l.strip_prefix("diff --git a/"))
            .filter_map(|l| l.split(' ').next())
            .collect();
        for h in headers {
            *carriers.entry(h).or_default() += 1;
        }
    }
    for i in 0..2_000 {
        let path = format!("src/group{:02}/module_{i:04}.rs", i % 40);
        let sent = carriers.get(path.as_str()).copied().unwrap_or(0);
        assert_eq!(sent, 1, "{path} sent in {sent} chunks");
    }

    // The same staged tree again: every answer comes from the cache.
    let again = repo.herald(["--quiet"]).output().unwrap();
    assert!(again.status.success());
    assert_eq!(String::from_utf8(again.stdout).unwrap(), message);
    assert_eq!(
        model.seen.lock().unwrap().len(),
        seen.len(),
        "no calls the second time"
    );

    // One file amended: its chunk and the final call, nothing else.
    repo.write(
        "src/group07/module_0007.rs",
        format!(
            "{}pub fn amended() {{}}\n",
            std::fs::read_to_string(repo.join("src/group07/module_0007.rs")).unwrap()
        ),
    );
    repo.add(["src/group07/module_0007.rs"]);
    let amended = repo.herald(["--quiet"]).output().unwrap();
    assert!(amended.status.success());
    let now = model.seen.lock().unwrap().len();
    assert_eq!(now - seen.len(), 2, "one chunk summary and one final call");
}

#[test]
fn a_cap_on_calls_leaves_the_least_important_files_out_and_says_so() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (server, model) = start(&rt);
    let mut repo = big_repo();
    for i in 0..300 {
        repo.write(
            format!("fixtures/case{i:03}.json"),
            format!("{{\"case\": {i}, \"data\": \"{}\"}}\n", "x".repeat(4_000)),
        );
    }
    repo.add(["fixtures"]);
    configure(&mut repo, &server);
    repo.set_env("GIT_HERALD_MAX_CALLS", "12");
    let out = repo.herald(["--quiet"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let message = String::from_utf8(out.stdout).unwrap();
    assert!(message.contains("Not summarised: "), "{message}");
    assert!(
        message.contains("300 files under fixtures/"),
        "fixtures go first: {message}"
    );
    assert!(model.seen.lock().unwrap().len() <= 12);
    assert_eq!(*model.rejected.lock().unwrap(), 0);
}
