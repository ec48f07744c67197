//! End to end: a staged change full of secrets (every positive of `fixtures/secrets/`), the
//! real binary against a local server that records every request body. No secret, nor any
//! 8-character fragment of one, may reach the server; the message is still written.

#[path = "../../src/redact/leaks.rs"]
mod leaks;

use crate::common::TestRepo;
use leaks::Sent;
use serde::Deserialize;
use std::collections::BTreeMap;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    text: String,
    secrets: Vec<String>,
}

/// The two sides of a case's diff lines: (before, after) file contents.
fn sides(text: &str) -> (String, String) {
    let (mut before, mut after) = (String::new(), String::new());
    for line in text.split_inclusive('\n') {
        let (prefix, rest) = line.split_at(1);
        match prefix {
            "+" => after.push_str(rest),
            "-" => before.push_str(rest),
            _ => {
                before.push_str(rest);
                after.push_str(rest);
            }
        }
    }
    (before, after)
}

#[test]
fn no_secret_or_fragment_of_one_reaches_the_model() {
    let text = std::fs::read_to_string(crate::common::fixture("secrets/positives.toml")).unwrap();
    let corpus: Corpus = toml::from_str(&text).unwrap();
    let mut repo = TestRepo::with_commit();
    let mut files: BTreeMap<String, (String, String, Vec<String>)> = BTreeMap::new();
    for (i, case) in corpus.case.iter().enumerate() {
        let (before, after) = sides(&case.text);
        // One folder per case, keeping the file's own name (it steers some rules).
        let path = format!("case{i:04}/{}", case.file);
        files.insert(path, (before, after, case.secrets.clone()));
    }
    for (path, (before, _, _)) in &files {
        repo.write(path, before);
    }
    repo.add_all();
    repo.commit("base");
    for (path, (_, after, _)) in &files {
        repo.write(path, after);
    }
    repo.add_all();
    let staged = repo.git(["diff", "--cached"]);
    assert!(files.len() > 900, "{} cases", files.len());

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(MockServer::start());
    let reply = format!(
        "data: {}\n\ndata: {}\n\ndata: [DONE]\n\n",
        serde_json::json!({"choices": [{"delta": {"content": "chore: rotate credentials\n\n- remove hard-coded keys"}, "finish_reason": null}]}),
        serde_json::json!({"choices": [{"delta": {}, "finish_reason": "stop"}]}),
    );
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "text/event-stream")
                    .set_body_string(reply),
            )
            .mount(&server),
    );
    repo.set_env("OPENAI_API_KEY", "sk-test-e2e");
    repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
    // A branch name can leak too.
    repo.git([
        "checkout",
        "-q",
        "-b",
        "fix/ghp_R7x2Lq9ZkV4mT1pW8sN3cY6bH0jD5fGaE2uQ",
    ]);

    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("chore: rotate credentials"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("redacted"),
        "{stderr}"
    );

    let requests = rt.block_on(server.received_requests()).unwrap();
    assert!(!requests.is_empty());
    let bodies: Vec<String> = requests
        .iter()
        .map(|r| {
            // Compare the text as the model reads it, JSON escapes undone.
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            body["messages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["content"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let sent = bodies.join("\n");
    assert!(sent.contains("[REDACTED:"), "redactions are marked");
    let sent_text = Sent::new(&sent);
    let mut leaks = Vec::new();
    for (path, (_, _, secrets)) in &files {
        for secret in secrets {
            if let Some(fragment) = sent_text.leaked(secret, &staged) {
                leaks.push(format!("{path}: {fragment:?}"));
            }
        }
    }
    assert!(
        !sent.contains("ghp_R7x2Lq9ZkV4mT1pW8sN3cY6bH0jD5fGaE2uQ"),
        "the branch name is redacted"
    );
    assert!(
        leaks.is_empty(),
        "{} leaks: {:?}",
        leaks.len(),
        &leaks[..leaks.len().min(20)]
    );
}

/// The offline engine reads the same redacted changes a model would: a token in a staged
/// file's path or in an item's name never reaches the message it writes.
#[test]
fn the_offline_engine_writes_from_the_redacted_changes() {
    let token = "ghp_0123456789abcdefABCDEF0123456789abcd";
    let repo = TestRepo::with_commit();
    repo.write(
        format!("config/{token}.txt"),
        format!("GITHUB_TOKEN={token}\n"),
    );
    repo.add_all();
    let out = repo.herald(["--offline"]).output().unwrap();
    assert!(out.status.success(), "{}", crate::common::show(&out));
    let message = String::from_utf8_lossy(&out.stdout);
    assert!(!message.trim().is_empty());
    assert!(!message.contains(token), "{message}");
    assert!(!message.contains(&token[..12]), "{message}");
}
