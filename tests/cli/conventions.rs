//! The repository's own conventions (commitlint, cocogitto, git-cliff), gitmoji and trailers:
//! the real binary on real repositories, models on wiremock at 127.0.0.1.

use crate::common::{TestRepo, run, show, warnings};
use crate::provider::{openai_sse, repo_for, requests, run_ok, server, sse};
use wiremock::Mock;
use wiremock::matchers::method;

const COMMITLINT: &str = r#"{
  "extends": ["@commitlint/config-conventional"],
  "rules": {
    "type-enum": [2, "always", ["feat", "fix", "docs"]],
    "scope-enum": [2, "always", ["parser", "cli"]]
  }
}"#;

const SUBJECT: &str = "feat(parser): add parse_pairs";

/// The system and user messages of a recorded OpenAI request.
fn messages(request: &wiremock::Request) -> (String, String) {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    let text = |i: usize| body["messages"][i]["content"].as_str().unwrap().to_owned();
    (text(0), text(1))
}

/// A model that answers `first` once, then `then` for every later call.
fn answers(first: &str, then: &str) -> (tokio::runtime::Runtime, wiremock::MockServer) {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(first)))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(sse(openai_sse(then)))
            .mount(&server)
            .await;
    });
    (rt, server)
}

/// A repository with a new public function staged and no model set up: the offline engine.
fn offline_repo() -> TestRepo {
    let repo = TestRepo::with_commit();
    repo.write(
        "src/lib.rs",
        "pub fn parse_pairs(text: &str) -> Vec<&str> {\n    text.split(',').collect()\n}\n",
    );
    repo.add(["src/lib.rs"]);
    repo
}

fn subject(stdout: &str) -> &str {
    stdout.lines().next().unwrap_or_default()
}

#[test]
fn prompt_lists_the_allowed_types_and_scopes() {
    let (rt, server) = answers(SUBJECT, SUBJECT);
    let repo = repo_for(&server.uri());
    repo.write(".commitlintrc.json", COMMITLINT);
    let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
    assert_eq!(stdout, format!("{SUBJECT}\n"));
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
    let sent = requests(&rt, &server);
    assert_eq!(sent.len(), 1, "a good answer is not asked again");
    let (system, _) = messages(&sent[0]);
    assert!(
        system.contains("Types: feat, fix, docs (this repository allows only these)"),
        "{system}"
    );
    assert!(
        system.contains("The scope is one of: parser, cli"),
        "{system}"
    );
    assert!(
        system.contains("start it with a lower-case letter"),
        "{system}"
    );
}

#[test]
fn disallowed_type_is_asked_again_with_the_reason() {
    let (rt, server) = answers("feature(parser): add parse_pairs", SUBJECT);
    let repo = repo_for(&server.uri());
    repo.write(".commitlintrc.json", COMMITLINT);
    let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
    assert_eq!(stdout, format!("{SUBJECT}\n"), "the second answer is used");
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
    let sent = requests(&rt, &server);
    assert_eq!(sent.len(), 2);
    let (_, user) = messages(&sent[1]);
    assert!(
        user.contains(
            "the message's type \"feature\" is not in commitlint's type-enum \
             (.commitlintrc.json); allowed: feat, fix, docs"
        ),
        "the reason is stated: {user}"
    );
}

#[test]
fn types_with_digits_and_hyphens_are_accepted() {
    const RC: &str =
        r#"{"rules": {"type-enum": [2, "always", ["feat", "fix", "i18n", "ui-kit"]]}}"#;
    let answer = "i18n: translate the menu";
    let (rt, server) = answers(answer, answer);
    let repo = repo_for(&server.uri());
    repo.write(".commitlintrc.json", RC);
    let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
    assert_eq!(stdout, format!("{answer}\n"));
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
    assert!(!stderr.contains("asked again"), "{stderr}");
    assert_eq!(
        requests(&rt, &server).len(),
        1,
        "a good answer is not asked again"
    );
    // Candidates are not dropped for such a type either.
    let answer = "ui-kit: add the button";
    let (_rt, server) = answers(answer, answer);
    let repo = repo_for(&server.uri());
    repo.write(".commitlintrc.json", RC);
    let (stdout, stderr) = run_ok(&repo, &["--no-body", "-n", "2"]);
    assert!(stdout.contains(answer), "{stdout}");
    assert!(!stderr.contains("broke the rules"), "{stderr}");
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
    // The offline engine, with only such types allowed, writes one of them.
    let repo = offline_repo();
    repo.write(
        ".commitlintrc.json",
        r#"{"rules": {"type-enum": [2, "always", ["i18n", "ui-kit"]]}}"#,
    );
    let (stdout, stderr) = run_ok(&repo, &["--offline", "--no-body"]);
    assert!(subject(&stdout).starts_with("i18n: "), "{stdout}");
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
}

#[test]
fn answer_bad_twice_falls_back_to_the_offline_engine_with_one_warning() {
    // Issue 14: an answer that still breaks the rules after the one retry is not used (it
    // was kept before); the offline engine writes the message.
    let bad = "feature(parser): add parse_pairs";
    let (rt, server) = answers(bad, bad);
    let repo = repo_for(&server.uri());
    repo.write(".commitlintrc.json", COMMITLINT);
    let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
    assert_ne!(stdout, format!("{bad}\n"), "not kept");
    assert!(
        ["feat", "fix", "docs"]
            .iter()
            .any(|t| subject(&stdout).starts_with(t)),
        "{stdout}"
    );
    assert_eq!(
        requests(&rt, &server).len(),
        2,
        "asked again once, not more"
    );
    assert_eq!(
        warnings(stderr.as_bytes()),
        [
            "warning: the model's answer was not usable: the message's type \"feature\" is not \
             in commitlint's type-enum (.commitlintrc.json); allowed: feat, fix, docs; the \
             offline engine wrote the message instead"
        ]
    );
    // A scope outside scope-enum and a summary in sentence case are problems too.
    for (answer, reason) in [
        (
            "feat(web): add parse_pairs",
            "scope \"web\" is not in commitlint's scope-enum",
        ),
        ("feat(parser): Add parse_pairs", "not in sentence case"),
    ] {
        let (rt, server) = answers(answer, answer);
        let repo = repo_for(&server.uri());
        repo.write(".commitlintrc.json", COMMITLINT);
        let (_, stderr) = run_ok(&repo, &["--no-body"]);
        let warned = warnings(stderr.as_bytes());
        assert!(warned.len() == 1 && warned[0].contains(reason), "{stderr}");
        let (_, user) = messages(&requests(&rt, &server)[1]);
        assert!(user.contains(reason), "{user}");
    }
}

#[test]
fn header_max_length_tightens_the_subject_limit() {
    let (rt, server) = answers(SUBJECT, SUBJECT);
    let repo = repo_for(&server.uri());
    repo.write(
        "commitlint.config.js",
        "module.exports = { rules: { 'header-max-length': [2, 'always', 25] } };\n",
    );
    let (stdout, stderr) = run_ok(&repo, &["--no-body"]);
    // Issue 14: a subject over the limit twice is not kept; the offline engine writes it.
    assert_ne!(stdout, format!("{SUBJECT}\n"));
    assert_eq!(warnings(stderr.as_bytes()).len(), 1, "{stderr}");
    let (system, _) = messages(&requests(&rt, &server)[0]);
    assert!(system.contains("at most 25 characters"), "{system}");
    assert!(
        stderr.contains(
            "the first line has 29 characters; the limit is 25 (commitlint's \
             header-max-length (commitlint.config.js))"
        ),
        "{stderr}"
    );
}

#[test]
fn offline_engine_writes_an_allowed_type() {
    let repo = offline_repo();
    repo.write(
        ".commitlintrc.yml",
        "rules:\n  type-enum:\n    - 2\n    - always\n    - [feature, bugfix, misc]\n",
    );
    let (stdout, _) = run_ok(&repo, &["--offline"]);
    assert!(subject(&stdout).starts_with("feature: "), "{stdout}");
    // Only `docs` and `chore` allowed: the nearest of them.
    repo.write(
        ".commitlintrc.yml",
        "rules:\n  type-enum: [2, always, [docs, chore]]\n",
    );
    let (stdout, _) = run_ok(&repo, &["--offline"]);
    let kind = subject(&stdout).split(':').next().unwrap();
    assert!(["docs", "chore"].contains(&kind), "{stdout}");
    // `[message] types` in the repository's own file wins over commitlint's.
    repo.write(".git-herald.toml", "[message]\ntypes = [\"added\"]\n");
    let (stdout, _) = run_ok(&repo, &["--offline"]);
    assert!(subject(&stdout).starts_with("added: "), "{stdout}");
    // `conventions = "off"` ignores the files.
    repo.write(".git-herald.toml", "[message]\nconventions = \"off\"\n");
    let (stdout, _) = run_ok(&repo, &["--offline"]);
    assert!(subject(&stdout).starts_with("feat: "), "{stdout}");
}

#[test]
fn gitmoji_with_the_offline_engine() {
    let repo = offline_repo();
    let (stdout, _) = run_ok(&repo, &["--offline", "--gitmoji"]);
    assert!(subject(&stdout).starts_with("✨ feat: "), "{stdout}");
    let (stdout, _) = run_ok(&repo, &["--offline", "--gitmoji", "--no-conventional"]);
    assert!(subject(&stdout).starts_with("✨ Add "), "{stdout}");
    repo.write(".git-herald.toml", "[message]\ngitmoji = \"shortcode\"\n");
    let (stdout, _) = run_ok(&repo, &["--offline"]);
    assert!(
        subject(&stdout).starts_with(":sparkles: feat: "),
        "{stdout}"
    );
    let (stdout, _) = run_ok(&repo, &["--offline", "--gitmoji"]);
    assert!(
        subject(&stdout).starts_with(":sparkles: feat: "),
        "--gitmoji keeps the configured form: {stdout}"
    );
    // The emoji counts in the subject's length.
    let (stdout, _) = run_ok(&repo, &["--offline", "--max-subject", "24"]);
    assert!(subject(&stdout).chars().count() <= 24, "{stdout}");
    repo.write(".git-herald.toml", "[message]\ngitmoji = \"sparkly\"\n");
    let out = repo.herald(["--offline"]).output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("\"shortcode\""),
        "{}",
        show(&out)
    );
}

#[test]
fn gitmoji_with_a_model_is_added_once() {
    for answer in [SUBJECT.to_owned(), format!("✨ {SUBJECT}")] {
        let (rt, server) = answers(&answer, &answer);
        let repo = repo_for(&server.uri());
        let (stdout, stderr) = run_ok(&repo, &["--no-body", "--gitmoji"]);
        assert_eq!(stdout, format!("✨ {SUBJECT}\n"), "{stderr}");
        let sent = requests(&rt, &server);
        assert_eq!(sent.len(), 1, "{stderr}");
        let (system, _) = messages(&sent[0]);
        assert!(
            system.contains("no emoji: one is added for you"),
            "{system}"
        );
        assert!(system.contains("at most 69 characters"), "{system}");
    }
    // A plain subject gets the emoji of the type the diff shows.
    let (_rt, server) = answers("Add parse_pairs", "Add parse_pairs");
    let repo = repo_for(&server.uri());
    let (stdout, _) = run_ok(&repo, &["--no-body", "--gitmoji", "--no-conventional"]);
    assert_eq!(stdout, "✨ Add parse_pairs\n");
}

#[test]
fn hostile_or_broken_convention_files_never_block_a_commit() {
    let repo = offline_repo();
    repo.install_hook();
    // Read as text, never run: the type-enum in it still counts.
    repo.write(
        "commitlint.config.js",
        "require('child_process').execSync('touch pwned');\n\
         module.exports = { rules: { 'type-enum': [2, 'always', ['feature']] } };\n",
    );
    let out = run(&mut repo.git_cmd(["commit", "-q"]));
    assert!(out.status.success(), "{}", show(&out));
    assert!(!repo.join("pwned").exists(), "the config was executed");
    assert!(repo.message_of("HEAD").starts_with("feature: "));
    // A broken file is one warning; the commit goes ahead with a message.
    repo.write(".commitlintrc.json", "{\"rules\": {\"type-enum\": [2,");
    repo.write("src/more.rs", "pub fn more() {}\n");
    repo.add(["src/more.rs"]);
    let out = run(&mut repo.git_cmd(["commit", "-q"]));
    assert!(out.status.success(), "{}", show(&out));
    let warned = warnings(&out.stderr);
    assert_eq!(warned.len(), 1, "{}", show(&out));
    assert!(
        warned[0].starts_with("warning: git-herald: ignored `.commitlintrc.json` (invalid JSON"),
        "{warned:?}"
    );
    assert_eq!(repo.commit_count(), 3);
    assert!(repo.message_of("HEAD").starts_with("feat: "));
}

#[test]
fn signed_off_and_co_authored_trailers_are_kept_once() {
    let repo = offline_repo();
    repo.install_hook();
    repo.git(["checkout", "-q", "-b", "feature/ABC-12-pairs"]);
    let template = repo.root().join("pairing.txt");
    std::fs::write(&template, "\n\nCo-authored-by: Bo <bo@example.com>\n").unwrap();
    let out = run(repo.git_cmd(["commit", "-q", "-s", "-t"]).arg(&template));
    assert!(out.status.success(), "{}", show(&out));
    let message = repo.message_of("HEAD");
    assert!(message.starts_with("feat: "), "{message}");
    assert!(
        message.ends_with(
            "\n\nRefs: ABC-12\nCo-authored-by: Bo <bo@example.com>\n\
             Signed-off-by: Cy Committer <cy@example.com>\n"
        ),
        "one trailer block: {message}"
    );
    assert_eq!(message.matches("Signed-off-by").count(), 1);
    // A template with a message of its own is still left alone.
    std::fs::write(
        &template,
        "docs: by hand\n\nCo-authored-by: Bo <bo@example.com>\n",
    )
    .unwrap();
    repo.write("src/more.rs", "pub fn more() {}\n");
    repo.add(["src/more.rs"]);
    let out = run(repo
        .git_cmd(["commit", "-q", "-t"])
        .arg(&template)
        .env("GIT_EDITOR", "true"));
    // git refuses an unedited template; the hook did not touch it.
    assert!(!out.status.success(), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("herald: skipped (a template"));
}

#[test]
fn offline_engine_picks_a_required_scope_or_warns() {
    const RC: &str =
        "rules:\n  scope-empty: [2, never]\n  scope-enum: [2, always, [api, cli, docs]]\n";
    let repo = TestRepo::with_commit();
    repo.write(".commitlintrc.yml", RC);
    repo.write("src/b.rs", "pub fn b() {}\n");
    repo.write("lib/a.rs", "pub fn a() {}\n");
    repo.add(["src/b.rs", "lib/a.rs"]);
    let (stdout, stderr) = run_ok(&repo, &["--offline", "--no-body"]);
    assert!(!subject(&stdout).contains('('), "no scope fits: {stdout}");
    assert_eq!(
        warnings(stderr.as_bytes()),
        [
            "warning: the repository requires a scope (commitlint's scope-empty \
             (.commitlintrc.yml)) and none of the allowed scopes (api, cli, docs) matches the \
             changed files; add one before committing"
        ]
    );
    // A path that names an allowed scope (a folder or a file's stem) decides it.
    repo.write("src/api/routes.rs", "pub fn routes() {}\n");
    repo.add(["src/api/routes.rs"]);
    let (stdout, stderr) = run_ok(&repo, &["--offline", "--no-body"]);
    assert!(subject(&stdout).contains("(api)"), "{stdout}");
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
    // With one allowed scope, that one.
    repo.write(
        ".commitlintrc.yml",
        "rules:\n  scope-empty: [2, never]\n  scope-enum: [2, always, [core]]\n",
    );
    let (stdout, stderr) = run_ok(&repo, &["--offline", "--no-body"]);
    assert!(subject(&stdout).contains("(core)"), "{stdout}");
    assert!(warnings(stderr.as_bytes()).is_empty(), "{stderr}");
}
