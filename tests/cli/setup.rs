//! Set-up that explains itself (issue 7, section 3): `doctor`, `config get|set|unset`,
//! `completions`, `man` and colour. Key checks run against wiremock on 127.0.0.1.

use crate::common::{TestRepo, show};
use std::fs;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "sk-test-0123456789abcdef";

/// Starts wiremock on its own thread; the returned runtime must outlive the test.
fn server() -> (tokio::runtime::Runtime, MockServer) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(MockServer::start());
    (rt, server)
}

/// Writes the user configuration file git-herald reads in `repo`'s environment.
fn write_user_config(repo: &TestRepo, text: &str) {
    fs::create_dir_all(repo.user_config().parent().unwrap()).unwrap();
    fs::write(repo.user_config(), text).unwrap();
}

/// Runs `git herald ARGS` and returns the exit code, stdout and stderr.
fn run(repo: &TestRepo, args: &[&str]) -> (i32, String, String) {
    let out = repo.herald(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The line of `text` that contains `needle`, or a failure showing all of it.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
}

mod doctor {
    use super::*;

    #[test]
    fn offline_with_no_key_passes_and_says_why() {
        let repo = TestRepo::with_commit();
        let (code, out, err) = run(&repo, &["doctor"]);
        assert_eq!(code, 0, "{out}{err}");
        let engine = line_with(&out, "engine:");
        assert!(
            engine.starts_with("ok ")
                && engine.contains(
                    "offline (no API key set and nothing listens on `http://127.0.0.1:9`)"
                ),
            "{engine}"
        );
        assert!(line_with(&out, "key:").starts_with("skip "), "{out}");
        assert!(line_with(&out, "user config").contains("none"), "{out}");
        assert!(line_with(&out, "usage log").contains(repo.root().to_str().unwrap()));
        assert!(line_with(&out, "proxy").contains("none"), "{out}");
        // Through a pipe: no colour, the words instead of marks.
        assert!(!out.contains('\u{1b}') && !out.contains('✓'), "{out}");
    }

    #[test]
    fn a_key_the_server_accepts() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/v1/models"))
                .and(header("authorization", format!("Bearer {KEY}").as_str()))
                .respond_with(ResponseTemplate::new(200).set_body_string(
                    r#"{"object":"list","data":[{"id":"gpt-4o-mini"},{"id":"o3"}]}"#,
                ))
                .expect(1)
                .mount(&server),
        );
        let mut repo = TestRepo::with_commit();
        repo.set_env("OPENAI_API_KEY", KEY);
        repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
        let (code, out, err) = run(&repo, &["doctor"]);
        assert_eq!(code, 0, "{out}{err}");
        let engine = line_with(&out, "engine:");
        assert!(
            engine.contains("openai, model `gpt-4o-mini`")
                && engine.contains("`OPENAI_API_KEY` is set"),
            "{engine}"
        );
        assert!(
            line_with(&out, "key accepted by openai").starts_with("ok "),
            "{out}"
        );
        assert!(!out.contains(KEY) && !err.contains(KEY));
    }

    #[test]
    fn a_rejected_key_fails_with_the_variable_to_fix() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/v1/models"))
                .respond_with(ResponseTemplate::new(401).set_body_string(format!(
                    r#"{{"error":{{"message":"Incorrect API key provided: {KEY}","type":"invalid_request_error"}}}}"#
                )))
                .mount(&server),
        );
        let mut repo = TestRepo::with_commit();
        repo.set_env("OPENAI_API_KEY", KEY);
        repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
        let (code, out, err) = run(&repo, &["doctor"]);
        assert_eq!(code, 1, "{out}{err}");
        let line = line_with(&out, "rejected the API key");
        assert!(line.starts_with("error "), "{line}");
        assert!(line.contains("HTTP 401"), "{line}");
        let (_, fix) = line.split_once(" — fix: ").expect("a fix");
        assert!(fix.contains("`OPENAI_API_KEY`"), "{fix}");
        assert!(err.contains("error: 1 of the checks above failed"), "{err}");
        assert!(!out.contains(KEY) && !err.contains(KEY), "{out}{err}");
    }

    #[test]
    fn no_network_sends_nothing() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(401))
                .expect(0)
                .mount(&server),
        );
        let mut repo = TestRepo::with_commit();
        repo.set_env("OPENAI_API_KEY", KEY);
        repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
        let (code, out, err) = run(&repo, &["doctor", "--no-network"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(line_with(&out, "key:").contains("`--no-network`"), "{out}");
    }

    #[test]
    fn hook_installed_or_not() {
        let repo = TestRepo::with_commit();
        let (code, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert_eq!(code, 0, "a missing hook is a warning, not a failure");
        let line = line_with(&out, "hook not installed");
        assert!(
            line.starts_with("warn ") && line.contains("fix: `git herald hook install`"),
            "{line}"
        );
        repo.install_hook();
        let (code, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert_eq!(code, 0);
        let line = line_with(&out, "hook installed at");
        assert!(line.starts_with("ok "), "{line}");
        assert!(line.contains(".git/hooks/prepare-commit-msg"), "{line}");
        // A hooks path elsewhere is named.
        repo.git(["config", "core.hooksPath", ".githooks"]);
        let (_, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert!(out.contains("`core.hooksPath` is `.githooks`"), "{out}");
        assert!(
            line_with(&out, "hook not installed").contains(".githooks"),
            "{out}"
        );
    }

    #[test]
    fn broken_user_toml_names_the_file_and_line() {
        let repo = TestRepo::with_commit();
        write_user_config(&repo, "# mine\n[message\nbody = false\n");
        let (code, out, err) = run(&repo, &["doctor"]);
        assert_eq!(code, 1, "{out}{err}");
        let line = line_with(&out, "invalid config file");
        assert!(line.starts_with("error "), "{line}");
        assert!(
            line.contains(repo.user_config().to_str().unwrap()) && line.contains("line 2"),
            "{line}"
        );
        // The checks that need no configuration still run.
        assert!(out.contains("hook not installed"), "{out}");
    }

    #[test]
    fn keys_are_listed_by_layer_and_masked() {
        let mut repo = TestRepo::with_commit();
        write_user_config(
            &repo,
            "api-key = \"sk-user-secret-999\"\nmodel = \"gpt-4o\"\n",
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(repo.user_config(), fs::Permissions::from_mode(0o600)).unwrap();
        }
        repo.write(".git-herald.toml", "[message]\nmax-subject = 60\n");
        repo.set_env("GIT_HERALD_MAX_CALLS", "9");
        let (code, out, err) = run(&repo, &["doctor", "--no-network"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            line_with(&out, "user config").contains("read, 2 keys"),
            "{out}"
        );
        assert!(out.contains("api-key = \"****\""), "{out}");
        assert!(out.contains("model = \"gpt-4o\""), "{out}");
        assert!(
            line_with(&out, "repo config").contains("read, 1 key"),
            "{out}"
        );
        assert!(out.contains("message.max-subject = 60"), "{out}");
        assert!(
            out.contains("budget.max-calls = 9  (`GIT_HERALD_MAX_CALLS`)"),
            "{out}"
        );
        assert!(!out.contains("sk-user-secret"), "{out}");
    }

    #[test]
    fn proxy_credentials_are_masked() {
        let mut repo = TestRepo::with_commit();
        repo.set_env("HTTPS_PROXY", "http://alice:hunter2@127.0.0.1:9");
        let (_, out, _) = run(&repo, &["doctor", "--no-network"]);
        let line = line_with(&out, "proxy");
        assert!(
            line.contains("http://alice:****@127.0.0.1:9") && line.contains("`HTTPS_PROXY`"),
            "{line}"
        );
        assert!(!out.contains("hunter2"));
    }

    #[test]
    fn outside_a_repository() {
        let repo = TestRepo::outside();
        let out = repo.herald(["doctor"]).output().unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            line_with(&stdout, "not in a git repository").starts_with("skip "),
            "{stdout}"
        );
        assert!(!stdout.contains("hook"), "{stdout}");
        assert!(!stdout.contains("repo config"), "{stdout}");
        assert!(stdout.contains("engine: offline"), "{stdout}");
    }
}
