//! `git herald commit` (`--commit -i`) through a real pseudo-terminal, and `-n N` candidates,
//! against a wiremock server speaking OpenAI's stream format on 127.0.0.1.

use crate::common::TestRepo;
use crate::provider::{SUBJECT, openai_sse, repo_for, requests, server, sse};
use wiremock::matchers::{body_partial_json, body_string_contains, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// An OpenAI stream with one answer per choice index, interleaved as OpenAI sends them.
fn openai_choices(answers: &[&str]) -> String {
    let mut out = String::new();
    for (i, answer) in answers.iter().enumerate() {
        let (a, b) = answer.split_at(answer.len() / 2);
        for part in [a, b] {
            out.push_str(&format!(
                "data: {}\n\n",
                serde_json::json!({"choices": [{"index": i, "delta": {"content": part}, "finish_reason": null}]})
            ));
        }
    }
    for i in 0..answers.len() {
        out.push_str(&format!(
            "data: {}\n\n",
            serde_json::json!({"choices": [{"index": i, "delta": {}, "finish_reason": "stop"}]})
        ));
    }
    out.push_str(&format!(
        "data: {}\n\ndata: [DONE]\n\n",
        serde_json::json!({"choices": [], "usage": {"prompt_tokens": 300, "completion_tokens": 40}})
    ));
    out
}

/// Answers every chat request with `text`.
fn answer_always(rt: &tokio::runtime::Runtime, server: &MockServer, text: &str) {
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .respond_with(sse(openai_sse(text)))
            .mount(server),
    );
}

#[cfg(unix)]
mod pty {
    use super::*;
    use rexpect::process::WaitStatus;
    use rexpect::session::{Options, PtySession, spawn_with_options};

    /// Starts `git herald ARGS` on a pseudo-terminal (stdin, stdout and stderr) in `repo`.
    pub fn spawn(repo: &TestRepo, args: &[&str]) -> PtySession {
        let mut cmd = repo.command(crate::common::bin());
        cmd.args(args).env("TERM", "xterm");
        let options = Options::new()
            .timeout_ms(Some(30_000))
            .strip_ansi_escape_codes(true);
        spawn_with_options(cmd, options).expect("start git-herald on a pty")
    }

    /// Waits for the program to end; returns its exit code and everything it still printed.
    pub fn finish(mut p: PtySession) -> (i32, String) {
        let rest = p.exp_eof().expect("the program ends");
        match p.process().wait() {
            Ok(WaitStatus::Exited(_, code)) => (code, rest),
            other => panic!("unexpected end: {other:?}\n{rest}"),
        }
    }

    /// An editor that replaces `from` with `to` in the file it is given.
    pub fn sed_editor(repo: &TestRepo, from: &str, to: &str) -> std::path::PathBuf {
        repo.script(
            "editor.sh",
            &format!("#!/bin/sh\nsed -i 's/{from}/{to}/' \"$1\"\n"),
        )
    }
}

#[cfg(unix)]
#[test]
fn commit_streams_the_message_and_commits_it_when_accepted() {
    let (rt, server) = server();
    answer_always(&rt, &server, &format!("{SUBJECT}\n\n- split on commas"));
    let repo = repo_for(&server.uri());
    let before = repo.commit_count();
    let mut p = pty::spawn(&repo, &["commit"]);
    let screen = p.exp_string("[c]ancel").unwrap();
    assert!(
        screen.contains(SUBJECT),
        "the message streams first: {screen}"
    );
    assert!(
        screen.contains("[a]ccept  [e]dit  [r]egenerate"),
        "{screen}"
    );
    p.send("a").unwrap();
    p.flush().unwrap();
    let (code, _) = pty::finish(p);
    assert_eq!(code, 0);
    assert_eq!(repo.commit_count(), before + 1);
    assert_eq!(
        repo.message_of("HEAD"),
        format!("{SUBJECT}\n\n- split on commas\n")
    );
}

#[cfg(unix)]
#[test]
fn commit_edits_in_the_users_editor_before_committing() {
    let (rt, server) = server();
    answer_always(&rt, &server, &format!("{SUBJECT}\n\n- split on commas"));
    let mut repo = repo_for(&server.uri());
    let editor = pty::sed_editor(&repo, "add parse_pairs", "split pairs on commas");
    repo.set_env("GIT_EDITOR", editor);
    let mut p = pty::spawn(&repo, &["commit"]);
    p.exp_string("[a]ccept").unwrap();
    p.send("e").unwrap();
    p.flush().unwrap();
    // The edited message is shown again, then the menu.
    let screen = p.exp_string("[a]ccept").unwrap();
    assert!(
        screen.contains("feat(parser): split pairs on commas"),
        "{screen}"
    );
    p.send("a").unwrap();
    p.flush().unwrap();
    let (code, _) = pty::finish(p);
    assert_eq!(code, 0);
    let message = repo.message_of("HEAD");
    assert_eq!(
        message, "feat(parser): split pairs on commas\n\n- split on commas\n",
        "the editor's change is committed, its help comments are not"
    );
    assert!(!repo.join(".git/HERALD_EDITMSG").exists());
}

#[cfg(unix)]
#[test]
fn regenerate_sends_the_hint_and_the_rejected_version() {
    let (rt, server) = server();
    let second = "feat(parser): add parse_pairs\n\n- split on commas, keep order";
    rt.block_on(
        Mock::given(method("POST"))
            .and(body_string_contains(
                "wants of the new version: mention order",
            ))
            .respond_with(sse(openai_sse(second)))
            .with_priority(1)
            .mount(&server),
    );
    answer_always(&rt, &server, &format!("{SUBJECT}\n\n- split on commas"));
    let repo = repo_for(&server.uri());
    let mut p = pty::spawn(&repo, &["commit"]);
    p.exp_string("[a]ccept").unwrap();
    p.send("r").unwrap();
    p.flush().unwrap();
    p.exp_string("what should change?").unwrap();
    p.send_line("mention order").unwrap();
    let screen = p.exp_string("[a]ccept").unwrap();
    assert!(screen.contains("keep order"), "{screen}");
    p.send("a").unwrap();
    p.flush().unwrap();
    let (code, _) = pty::finish(p);
    assert_eq!(code, 0);
    assert_eq!(repo.message_of("HEAD"), format!("{second}\n"));
    let sent = requests(&rt, &server);
    assert_eq!(sent.len(), 2, "one call per version");
    let body: serde_json::Value = serde_json::from_slice(&sent[1].body).unwrap();
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(
        user.contains(
            "<version 1>\nfeat(parser): add parse_pairs\n\n- split on commas\n</version>"
        ),
        "the rejected version is named: {user}"
    );
}

#[cfg(unix)]
#[test]
fn cancel_commits_nothing_and_fails() {
    let (rt, server) = server();
    answer_always(&rt, &server, SUBJECT);
    let repo = repo_for(&server.uri());
    let before = repo.commit_count();
    let mut p = pty::spawn(&repo, &["--commit", "-i"]);
    p.exp_string("[c]ancel").unwrap();
    p.send("c").unwrap();
    p.flush().unwrap();
    let (code, rest) = pty::finish(p);
    assert_eq!(code, 1);
    assert!(rest.contains("cancelled; nothing was committed"), "{rest}");
    assert_eq!(repo.commit_count(), before);
    assert!(
        repo.git(["diff", "--cached", "--name-only"])
            .contains("src/lib.rs"),
        "the staged change is still staged"
    );
}

#[cfg(unix)]
#[test]
fn candidates_come_from_one_request_with_n_and_the_user_picks() {
    let (rt, server) = server();
    let answers = [
        "feat(parser): add parse_pairs",
        "feat(parser): split pairs on commas",
        "feat: parse comma-separated pairs",
    ];
    rt.block_on(
        Mock::given(method("POST"))
            .and(body_partial_json(serde_json::json!({"n": 3})))
            .respond_with(sse(openai_choices(&answers)))
            .expect(1)
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    let mut p = pty::spawn(&repo, &["commit", "-n", "3"]);
    let screen = p.exp_string("pick [1-3]").unwrap();
    for (i, answer) in answers.iter().enumerate() {
        assert!(
            screen.contains(&format!("[{}] {answer}", i + 1)),
            "{screen}"
        );
    }
    p.send("2").unwrap();
    p.flush().unwrap();
    p.exp_string("[a]ccept").unwrap();
    p.send("a").unwrap();
    p.flush().unwrap();
    let (code, _) = pty::finish(p);
    assert_eq!(code, 0);
    assert_eq!(repo.message_of("HEAD"), format!("{}\n", answers[1]));
    let sent = requests(&rt, &server);
    assert_eq!(sent.len(), 1, "the candidates cost one request");
}

#[cfg(unix)]
#[test]
fn offline_review_offers_no_regenerate() {
    let repo = TestRepo::with_commit();
    repo.write("README.md", "# demo\n\nUsage notes.\n");
    repo.add(["README.md"]);
    let mut p = pty::spawn(&repo, &["commit"]);
    let screen = p.exp_string("[c]ancel").unwrap();
    assert!(screen.contains("offline"), "{screen}");
    assert!(!screen.contains("[r]egenerate"), "{screen}");
    p.send("\r").unwrap();
    p.flush().unwrap();
    let (code, _) = pty::finish(p);
    assert_eq!(code, 0, "Enter accepts");
    assert!(repo.message_of("HEAD").starts_with("docs"));
}

#[test]
fn candidates_fall_back_to_separate_requests_when_n_is_refused() {
    let (rt, server) = server();
    rt.block_on(async {
        Mock::given(method("POST"))
            .and(body_partial_json(serde_json::json!({"n": 3})))
            .respond_with(ResponseTemplate::new(400).set_body_json(
                serde_json::json!({"error": {"message": "'n' : number must be at most 1"}}),
            ))
            .expect(1)
            .mount(&server)
            .await;
        for (i, answer) in ["feat: one", "feat: two", "feat: three"].iter().enumerate() {
            Mock::given(method("POST"))
                .and(body_string_contains(format!("(Candidate {} of 3.)", i + 1)))
                .respond_with(sse(openai_sse(answer)))
                .expect(1)
                .mount(&server)
                .await;
        }
    });
    let repo = repo_for(&server.uri());
    let out = repo.herald(["-n", "3", "--no-body"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        "feat: one\n---\nfeat: two\n---\nfeat: three\n",
        "without a terminal every candidate prints, `---` between them"
    );
    assert!(stderr.contains("refused `n = 3`"), "{stderr}");
    // The same staged change again: every answer comes from the cache, and the server that
    // refused `n` is not asked with it again.
    let again = repo.herald(["-n", "3", "--no-body"]).output().unwrap();
    assert_eq!(again.stdout, out.stdout);
    assert_eq!(requests(&rt, &server).len(), 4);
}

#[test]
fn review_without_a_terminal_says_how_to_commit_instead() {
    let repo = TestRepo::with_commit();
    repo.write("a.txt", "a\n");
    repo.add(["a.txt"]);
    let out = repo.herald(["commit"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(stderr.contains("git herald --commit"), "{stderr}");
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn arguments_after_double_dash_go_to_git_commit() {
    let repo = TestRepo::with_commit();
    repo.write("a.txt", "a\n");
    repo.add(["a.txt"]);
    repo.herald(["--commit", "-q", "--", "--signoff"])
        .assert()
        .success();
    let message = repo.message_of("HEAD");
    assert!(
        message.ends_with("Signed-off-by: Cy Committer <cy@example.com>\n"),
        "{message}"
    );
    let out = repo.herald(["--", "--signoff"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("add `--commit`"));
}

#[test]
fn every_candidate_gets_the_gitmoji_and_the_ticket() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(body_partial_json(serde_json::json!({"n": 2})))
            .respond_with(sse(openai_choices(&["feat: add a", "fix: mend b"])))
            .expect(1)
            .mount(&server),
    );
    let repo = repo_for(&server.uri());
    repo.git(["checkout", "-q", "-b", "feature/ABC-42-pairs"]);
    let out = repo.herald(["-n", "2", "--gitmoji"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "✨ feat: add a\n\nRefs: ABC-42\n---\n🐛 fix: mend b\n\nRefs: ABC-42\n"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_at_the_menu_cancels() {
    let (rt, server) = server();
    answer_always(&rt, &server, SUBJECT);
    let repo = repo_for(&server.uri());
    let mut p = pty::spawn(&repo, &["commit"]);
    p.exp_string("[c]ancel").unwrap();
    p.send_control('c').unwrap();
    let (code, rest) = pty::finish(p);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("cancelled; nothing was committed"), "{rest}");
}

#[cfg(unix)]
#[test]
fn a_failed_regenerate_or_editor_keeps_the_message_in_hand() {
    let (rt, server) = server();
    rt.block_on(
        Mock::given(method("POST"))
            .and(body_string_contains("<version 1>"))
            .respond_with(
                ResponseTemplate::new(500).set_body_string("{\"error\":{\"message\":\"down\"}}"),
            )
            .with_priority(1)
            .mount(&server),
    );
    answer_always(&rt, &server, SUBJECT);
    let mut repo = repo_for(&server.uri());
    repo.set_env("GIT_HERALD_ATTEMPTS", "1");
    let editor = repo.script(
        "edit.sh",
        "#!/bin/sh\nprintf 'fix: written by hand\\n' > \"$1\"\n",
    );
    repo.set_env("GIT_EDITOR", &editor);
    let mut p = pty::spawn(&repo, &["commit"]);
    p.exp_string("[c]ancel").unwrap();
    p.send("e").unwrap();
    p.flush().unwrap();
    p.exp_string("written by hand").unwrap();
    p.exp_string("[c]ancel").unwrap();
    p.send("r").unwrap();
    p.flush().unwrap();
    p.exp_string("what should change?").unwrap();
    p.send_line("").unwrap();
    let screen = p.exp_string("[c]ancel").unwrap();
    assert!(screen.contains("warning: no new version"), "{screen}");
    assert!(screen.contains("HTTP 500"), "{screen}");
    assert!(
        screen.contains("fix: written by hand"),
        "the edit is back: {screen}"
    );
    p.send("a").unwrap();
    p.flush().unwrap();
    let (code, rest) = pty::finish(p);
    assert_eq!(code, 0, "{rest}");
    assert_eq!(repo.message_of("HEAD"), "fix: written by hand\n");
}

#[cfg(unix)]
#[test]
fn an_editor_that_fails_loses_nothing() {
    let (rt, server) = server();
    answer_always(&rt, &server, SUBJECT);
    let mut repo = repo_for(&server.uri());
    repo.set_env("GIT_EDITOR", "false");
    let mut p = pty::spawn(&repo, &["commit"]);
    p.exp_string("[c]ancel").unwrap();
    p.send("e").unwrap();
    p.flush().unwrap();
    let screen = p.exp_string("[c]ancel").unwrap();
    assert!(screen.contains("the editor `false` failed"), "{screen}");
    p.send("a").unwrap();
    p.flush().unwrap();
    let (code, _) = pty::finish(p);
    assert_eq!(code, 0);
    assert_eq!(repo.message_of("HEAD"), format!("{SUBJECT}\n"));
    assert!(!repo.join(".git/HERALD_EDITMSG").exists());
}

#[test]
fn commit_refuses_flags_that_do_not_commit() {
    let repo = TestRepo::with_commit();
    repo.write("a.txt", "a\n");
    repo.add(["a.txt"]);
    let diff = repo.write("other.diff", "diff --git a/b b/b\n");
    for args in [
        vec!["commit", "--diff", diff.to_str().unwrap()],
        vec!["commit", "--dry-run"],
        vec!["commit", "-q"],
    ] {
        let out = repo.herald(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("`git herald commit` does not take"),
            "{stderr}"
        );
    }
    let outside = TestRepo::outside();
    let out = outside
        .herald(["commit", "--diff", "x.diff"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "no panic outside a repository");
    assert_eq!(repo.commit_count(), 1);
}

/// On a terminal, the offline engine shows no spinner that speaks of a model.
#[cfg(unix)]
#[test]
fn the_offline_engine_does_not_say_it_asks_a_model() {
    let repo = TestRepo::with_commit();
    repo.write("src/lib.rs", "pub fn pairs() {}\n");
    repo.add_all();
    let p = pty::spawn(&repo, &["--offline"]);
    let (code, screen) = pty::finish(p);
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("asking the model"), "{screen}");
    assert!(screen.contains("pairs"), "{screen}");
}
