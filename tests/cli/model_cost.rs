//! The model path costs no more than it must (issue 17): a message answered before comes from
//! the cache before any layout (no tokenizer, no request), and token counts kept by blob id
//! lay a change out exactly as counting it again would.

use crate::common::{TestRepo, sse};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Counts every request and keeps its user text; answers a summary or a message.
#[derive(Clone, Default)]
struct Counting {
    seen: Arc<Mutex<Vec<String>>>,
}

impl Respond for Counting {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        let system = body["messages"][0]["content"].as_str().unwrap().to_owned();
        let user = body["messages"][1]["content"].as_str().unwrap().to_owned();
        self.seen.lock().unwrap().push(user);
        if system.starts_with("You write") {
            sse("feat(parts): rework the parts\n\n- regenerate every part")
        } else {
            sse("- reworks generated parts")
        }
    }
}

struct Setup {
    _rt: tokio::runtime::Runtime,
    _server: MockServer,
    model: Counting,
    repo: TestRepo,
    cache: PathBuf,
}

/// A change of 120 files that does not fit an 8,000-token window: it goes out in chunks.
fn setup() -> Setup {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let model = Counting::default();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .respond_with(model.clone())
            .mount(&server),
    );
    let mut repo = TestRepo::with_commit();
    for i in 0..120 {
        let text: String = (0..30)
            .map(|line| format!("pub fn part_{i}_{line}(x: u64) -> u64 {{ x * {line} + {i} }}\n"))
            .collect();
        repo.write(format!("src/part_{i:03}.rs"), text);
    }
    repo.add(["src"]);
    let cache = repo.join(".answers");
    repo.set_env("GIT_HERALD_CACHE_DIR", &cache);
    repo.set_env("OPENAI_API_KEY", "sk-test-cost");
    repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
    repo.set_env("GIT_HERALD_MODEL", "gpt-4o-mini");
    repo.set_env("GIT_HERALD_CONTEXT_WINDOW", "8000");
    repo.set_env("GIT_HERALD_MAX_CALLS", "100");
    Setup {
        _rt: rt,
        _server: server,
        model,
        repo,
        cache,
    }
}

fn run(repo: &TestRepo) -> (String, String) {
    let out = repo.herald(Vec::<&str>::new()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

#[test]
fn a_message_answered_before_sends_nothing_even_with_its_summaries_gone() {
    let s = setup();
    let (first, _) = run(&s.repo);
    let sent = s.model.seen.lock().unwrap().len();
    assert!(sent >= 3, "chunks, then the message: {sent} requests");
    assert!(
        first.starts_with("feat(parts): rework the parts"),
        "{first}"
    );

    // Without the chunk summaries, only a lookup made before the layout can answer.
    std::fs::remove_dir_all(s.cache.join("summary")).unwrap();
    let (again, stderr) = run(&s.repo);
    assert_eq!(again, first);
    assert_eq!(
        s.model.seen.lock().unwrap().len(),
        sent,
        "no request the second time"
    );
    assert!(stderr.contains("from the cache, no calls"), "{stderr}");
}

#[test]
fn another_setting_is_another_answer() {
    let mut s = setup();
    run(&s.repo);
    let sent = s.model.seen.lock().unwrap().len();
    // Only the final call changes: the summaries are answered from the cache.
    s.repo.set_env("GIT_HERALD_MAX_SUBJECT", "60");
    run(&s.repo);
    assert_eq!(
        s.model.seen.lock().unwrap().len(),
        sent + 1,
        "a new message"
    );
    // Another staged file: the message is asked again.
    s.repo.write("src/part_000.rs", "pub fn changed() {}\n");
    s.repo.add(["src/part_000.rs"]);
    run(&s.repo);
    assert!(
        s.model.seen.lock().unwrap().len() >= sent + 3,
        "a chunk and the message"
    );
}

#[test]
fn counts_kept_by_blob_id_lay_the_change_out_as_counting_again_does() {
    let s = setup();
    run(&s.repo);
    let first: Vec<String> = s.model.seen.lock().unwrap().drain(..).collect();
    let counts = s.repo.join(".git/herald/counts-v1");
    let text = std::fs::read_to_string(&counts).unwrap();
    assert!(text.starts_with("git-herald token counts v1\n"), "{text}");
    assert_eq!(
        text.lines().count(),
        120 + 2 + 2,
        "a line per file, the list, the prompt"
    );

    // No answers kept: every request goes out again, laid out from the kept counts.
    std::fs::remove_dir_all(&s.cache).unwrap();
    run(&s.repo);
    let second: Vec<String> = s.model.seen.lock().unwrap().drain(..).collect();
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(sorted(second), sorted(first.clone()), "the same requests");

    // The kept counts are what the layout reads: tripled, they make smaller chunks.
    let tripled: String = text
        .lines()
        .map(|line| {
            line.split(' ')
                .map(|f| match f.split_once(':') {
                    Some((b, t)) => format!("{b}:{}", t.parse::<usize>().unwrap() * 3),
                    None => f.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&counts, tripled + "\n").unwrap();
    std::fs::remove_dir_all(&s.cache).unwrap();
    run(&s.repo);
    let third = s.model.seen.lock().unwrap().len();
    assert!(
        third > first.len(),
        "{third} requests, {} before",
        first.len()
    );
}

#[test]
fn a_dry_run_from_kept_counts_shows_the_same_plan() {
    let s = setup();
    let plan = |repo: &TestRepo| {
        let out = repo.herald(["--dry-run"]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let counts = s.repo.join(".git/herald/counts-v1");
    assert!(!counts.exists());
    let counted = plan(&s.repo);
    assert!(counts.exists(), "the dry run keeps its counts");
    assert!(counted.contains("(summary, "), "{counted}");
    assert_eq!(plan(&s.repo), counted);
    assert!(
        s.model.seen.lock().unwrap().is_empty(),
        "a dry run sends nothing"
    );
}
