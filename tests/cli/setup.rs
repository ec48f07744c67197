//! Set-up that explains itself (issue 7, section 3): `doctor`, `config get|set|unset`,
//! `completions`, `man` and colour. Key checks run against wiremock on 127.0.0.1.

use crate::common::{TestRepo, show};
use std::fs;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, ResponseTemplate};

const KEY: &str = "sk-test-0123456789abcdef";

use crate::provider::server;

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
    fn the_repositorys_commit_conventions_are_listed_with_their_origin() {
        let repo = TestRepo::with_commit();
        let (_, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert!(
            line_with(&out, "conventions:").contains("none found"),
            "{out}"
        );
        repo.write(
            ".commitlintrc.json",
            r#"{"rules": {"scope-enum": [2, "always", ["api", "cli"]], "header-max-length": [2, "always", 60]}}"#,
        );
        let (code, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert_eq!(code, 0, "{out}");
        assert!(
            line_with(&out, "conventions from `.commitlintrc.json`").contains("2 rules"),
            "{out}"
        );
        assert!(
            line_with(&out, "scopes api, cli").contains("scope-enum"),
            "{out}"
        );
        assert!(
            line_with(&out, "header at most 60").contains("header-max-length"),
            "{out}"
        );
    }

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
    fn anthropic_key_is_sent_with_its_headers() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/v1/models"))
                .and(header("x-api-key", KEY))
                .and(header("anthropic-version", "2023-06-01"))
                .respond_with(
                    ResponseTemplate::new(200)
                        .set_body_string(r#"{"data":[{"id":"claude-haiku-4-5"}]}"#),
                )
                .expect(1)
                .mount(&server),
        );
        let mut repo = TestRepo::with_commit();
        repo.set_env("ANTHROPIC_API_KEY", KEY);
        repo.set_env("ANTHROPIC_BASE_URL", server.uri());
        let (code, out, err) = run(&repo, &["doctor"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(line_with(&out, "engine:").contains("anthropic, model `claude-haiku-4-5`"));
        assert!(
            line_with(&out, "key accepted by anthropic").starts_with("ok "),
            "{out}"
        );
    }

    #[test]
    fn ollama_says_whether_the_model_is_pulled() {
        let (rt, server) = server();
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/api/tags"))
                .respond_with(ResponseTemplate::new(200).set_body_string(
                    r#"{"models":[{"name":"llama3.2:latest"},{"name":"qwen3:8b"}]}"#,
                ))
                .mount(&server),
        );
        let mut repo = TestRepo::with_commit();
        repo.set_env("OLLAMA_HOST", server.uri());
        write_user_config(&repo, "provider = \"ollama\"\nmodel = \"llama3.2\"\n");
        let (code, out, err) = run(&repo, &["doctor"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            line_with(&out, "ollama answers at").contains("2 models"),
            "{out}"
        );
        assert!(line_with(&out, "model `llama3.2` is pulled").starts_with("ok "));
        write_user_config(&repo, "provider = \"ollama\"\nmodel = \"mistral\"\n");
        let (code, out, _) = run(&repo, &["doctor"]);
        assert_eq!(code, 1, "{out}");
        let line = line_with(&out, "model `mistral` is not pulled");
        assert!(line.contains("fix: `ollama pull mistral`"), "{line}");
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
    fn config_show_and_get_mask_credentials_in_urls() {
        let mut repo = TestRepo::with_commit();
        std::fs::create_dir_all(repo.user_config().parent().unwrap()).unwrap();
        std::fs::write(
            repo.user_config(),
            "proxy = \"http://alice:hunter2@127.0.0.1:9\"\n",
        )
        .unwrap();
        repo.set_env("GIT_HERALD_BASE_URL", "https://bob:s3cret@relay.example/v1");
        let (_, show, _) = run(&repo, &["config", "show"]);
        assert!(show.contains("http://alice:****@127.0.0.1:9"), "{show}");
        assert!(show.contains("https://bob:****@relay.example/v1"), "{show}");
        let (_, get, _) = run(&repo, &["config", "get", "proxy"]);
        assert!(
            !show.contains("hunter2") && !get.contains("hunter2"),
            "{get}"
        );
        assert!(!show.contains("s3cret"), "{show}");
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

mod config {
    use super::*;

    const COMMENTED: &str = "# my settings\nmodel = \"gpt-4o\" # the good one\n\n\
                             [message]\n# team rule: short subjects\nmax-subject = 60  # keep\nbody = true\n";

    #[test]
    fn set_keeps_comments_and_layout() {
        let repo = TestRepo::with_commit();
        write_user_config(&repo, COMMENTED);
        let (code, out, err) = run(&repo, &["config", "set", "message.max-subject", "50"]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("set `message.max-subject`"), "{out}");
        let text = fs::read_to_string(repo.user_config()).unwrap();
        assert_eq!(
            text,
            COMMENTED.replace("max-subject = 60", "max-subject = 50")
        );
        // A new table goes at the end; the rest stays as written.
        run(&repo, &["config", "set", "budget.concurrency", "2"]);
        let text = fs::read_to_string(repo.user_config()).unwrap();
        assert!(
            text.starts_with(&COMMENTED.replace("= 60", "= 50")),
            "{text}"
        );
        assert!(text.ends_with("\n[budget]\nconcurrency = 2\n"), "{text}");
    }

    #[test]
    fn set_get_unset_round_trip() {
        let repo = TestRepo::with_commit();
        // No file yet: it and its directory are created.
        assert!(!repo.user_config().exists());
        let (code, _, err) = run(&repo, &["config", "set", "message.language", "de"]);
        assert_eq!(code, 0, "{err}");
        let (code, out, _) = run(&repo, &["config", "get", "message.language"]);
        assert_eq!(code, 0);
        let user = repo.user_config();
        assert_eq!(out, format!("\"de\"  # user file {}\n", user.display()));
        run(
            &repo,
            &[
                "config",
                "set",
                "filter.withhold",
                "[\"vendor/\", \"*.min.js\"]",
            ],
        );
        let (_, out, _) = run(&repo, &["config", "get", "filter.withhold"]);
        assert!(
            out.starts_with("[\"vendor/\", \"*.min.js\"]  # user file"),
            "{out}"
        );
        // Defaults have their own origin.
        let (_, out, _) = run(&repo, &["config", "get", "message.max-subject"]);
        assert_eq!(out, "72  # default\n");
        let (code, out, _) = run(&repo, &["config", "unset", "message.language"]);
        assert_eq!(code, 0);
        assert!(out.starts_with("removed `message.language`"), "{out}");
        let (code, _, err) = run(&repo, &["config", "get", "message.language"]);
        assert_eq!(code, 1);
        assert!(err.contains("`message.language` is not set"), "{err}");
        let (code, out, _) = run(&repo, &["config", "unset", "message.language"]);
        assert_eq!(code, 0);
        assert!(out.contains("nothing to do"), "{out}");
        // Model figures take a name with dots.
        let (code, _, err) = run(
            &repo,
            &["config", "set", "models.gpt-4.1.context-window", "1000000"],
        );
        assert_eq!(code, 0, "{err}");
        let text = fs::read_to_string(repo.user_config()).unwrap();
        assert!(
            text.contains("[models.\"gpt-4.1\"]\ncontext-window = 1000000\n"),
            "{text}"
        );
    }

    #[test]
    fn unknown_key_names_close_matches() {
        let repo = TestRepo::with_commit();
        let (code, _, err) = run(&repo, &["config", "set", "message.max-subjet", "50"]);
        assert_eq!(code, 1);
        assert!(
            err.contains("error: unknown configuration key `message.max-subjet`"),
            "{err}"
        );
        assert!(err.contains("did you mean `message.max-subject`?"), "{err}");
        let (code, _, err) = run(&repo, &["config", "get", "concurrency"]);
        assert_eq!(code, 1);
        assert!(err.contains("`budget.concurrency`"), "{err}");
        assert!(!repo.user_config().exists());
    }

    #[test]
    fn a_bad_value_leaves_the_file_untouched() {
        let repo = TestRepo::with_commit();
        write_user_config(&repo, COMMENTED);
        for (key, value, says) in [
            ("message.body", "maybe", "expected `true` or `false`"),
            ("message.max-subject", "short", "expected a whole number"),
            ("budget.margin", "lots", "expected a number"),
            ("hook.skip-sources", "[1, 2]", "expected a list of text"),
            // Well typed, but the result would not load.
            ("provider", "anthropc", "unknown provider `anthropc`"),
            ("message.ticket", "sometimes", "unknown variant `sometimes`"),
        ] {
            let (code, _, err) = run(&repo, &["config", "set", key, value]);
            assert_eq!(code, 1, "{key} {value}");
            assert!(err.contains(says), "{key} {value}: {err}");
            assert_eq!(fs::read_to_string(repo.user_config()).unwrap(), COMMENTED);
        }
    }

    #[test]
    fn the_repository_file_takes_style_keys_only() {
        let repo = TestRepo::with_commit();
        let (code, _, err) = run(&repo, &["config", "set", "--repo", "provider", "openai"]);
        assert_eq!(code, 1);
        assert!(
            err.contains("`provider` cannot be set in the repository's config file"),
            "{err}"
        );
        assert!(
            err.contains("hint: a cloned repository is untrusted"),
            "{err}"
        );
        let (code, _, err) = run(
            &repo,
            &["config", "set", "--repo", "redact.allow", "[\"x\"]"],
        );
        assert_eq!(code, 1, "{err}");
        assert!(!repo.join(".git-herald.toml").exists());
        let (code, _, err) = run(
            &repo,
            &["config", "set", "--repo", "message.max-subject", "50"],
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            fs::read_to_string(repo.join(".git-herald.toml")).unwrap(),
            "[message]\nmax-subject = 50\n"
        );
        let (_, out, _) = run(&repo, &["config", "get", "message.max-subject"]);
        assert!(out.starts_with("50  # repo file"), "{out}");
        let outside = TestRepo::outside();
        let (code, _, err) = run(
            &outside,
            &["config", "set", "--repo", "message.body", "false"],
        );
        assert_eq!(code, 1);
        assert!(err.contains("repository"), "{err}");
    }

    #[test]
    fn an_api_key_is_never_printed_and_its_file_is_private() {
        let repo = TestRepo::with_commit();
        let (code, out, err) = run(&repo, &["config", "set", "api-key", KEY]);
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("warning:") && err.contains("`api-key-cmd`"),
            "{err}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(repo.user_config())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (code, get, _) = run(&repo, &["config", "get", "api-key"]);
        assert_eq!(code, 0);
        assert!(get.starts_with("****  # user file"), "{get}");
        for text in [&out, &err, &get] {
            assert!(!text.contains(KEY), "{text}");
        }
    }
}

mod completions {
    use super::*;

    #[test]
    fn every_shell_gets_a_script_naming_the_commands() {
        let repo = TestRepo::outside();
        for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
            let (code, out, err) = run(&repo, &["completions", shell]);
            assert_eq!(code, 0, "{shell}: {err}");
            for command in ["doctor", "changelog", "release-notes", "completions"] {
                assert!(out.contains(command), "{shell} lacks {command}");
            }
            assert!(out.contains("git-herald"), "{shell}");
        }
        let (_, zsh, _) = run(&repo, &["completions", "zsh"]);
        assert!(zsh.starts_with("#compdef git-herald\n"), "{zsh}");
        // git's zsh completion calls `_git-herald` for `git herald`.
        assert!(zsh.contains("\n_git-herald() {"), "{zsh}");
        let (code, _, _) = run(&repo, &["completions", "tcsh"]);
        assert_eq!(code, 2, "an unknown shell is a usage error");
    }

    /// Runs the bash script as git's completion would for `words` (the last one being
    /// completed) and returns the candidates.
    fn complete_in_bash(script: &std::path::Path, words: &str) -> String {
        let body = format!(
            "source '{}'\nCOMP_WORDS=({words})\nCOMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
             _git_herald\necho \"${{COMPREPLY[*]}}\"\n",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "-c", &body])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    #[test]
    fn bash_completes_git_herald_through_gits_hook_function() {
        let repo = TestRepo::outside();
        let (_, bash, _) = run(&repo, &["completions", "bash"]);
        assert!(bash.contains("\n_git_herald() {"), "{bash}");
        assert!(bash.contains("-o default git-herald\n"), "{bash}");
        if std::process::Command::new("bash")
            .arg("--version")
            .output()
            .is_err()
        {
            return;
        }
        let script = repo.root().join("git-herald.bash");
        fs::write(&script, &bash).unwrap();
        assert_eq!(complete_in_bash(&script, "git herald con"), "config");
        assert_eq!(
            complete_in_bash(&script, "git -C . herald config s"),
            "show set"
        );
        assert_eq!(complete_in_bash(&script, "git herald hook un"), "uninstall");
    }

    #[test]
    fn man_prints_roff_or_writes_a_page_per_command() {
        let repo = TestRepo::outside();
        let (code, page, err) = run(&repo, &["man"]);
        assert_eq!(code, 0, "{err}");
        // roff's own two-line apostrophe set-up (`.ie`/`.el`) comes first, then the title.
        let first = page
            .lines()
            .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "))
            .unwrap();
        assert!(first.starts_with(".TH git-herald 1"), "{page}");
        assert!(
            page.contains("doctor") && page.contains(".SH SYNOPSIS"),
            "{page}"
        );
        let dir = repo.root().join("man");
        let (code, out, err) = run(&repo, &["man", "--dir", dir.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("wrote the manual pages"), "{out}");
        for page in [
            "git-herald.1",
            "git-herald-doctor.1",
            "git-herald-config-set.1",
        ] {
            let text = fs::read_to_string(dir.join(page)).unwrap();
            assert!(text.contains(".TH "), "{page}");
        }
    }
}

mod colour {
    use super::*;

    const ESC: char = '\u{1b}';

    #[test]
    fn always_colours_an_error_even_in_a_pipe() {
        let repo = TestRepo::with_commit();
        for args in [
            &["--color", "always", "config", "get", "nope"][..],
            &["config", "get", "nope", "--color=always"],
        ] {
            let (code, _, err) = run(&repo, args);
            assert_eq!(code, 1);
            assert!(err.contains(&format!("{ESC}[31m")), "{args:?}: {err:?}");
            assert!(err.contains("error:") && err.contains("hint:"), "{err:?}");
        }
        let (_, out, _) = run(&repo, &["doctor", "--no-network", "--color", "always"]);
        assert!(out.contains('✓') && out.contains(ESC), "{out:?}");
    }

    #[test]
    fn no_color_and_pipes_get_plain_text() {
        let mut repo = TestRepo::with_commit();
        // Through a pipe by default: nothing coloured.
        let (_, _, err) = run(&repo, &["config", "get", "nope"]);
        assert!(
            err.starts_with("error: unknown configuration key"),
            "{err:?}"
        );
        assert!(!err.contains(ESC));
        let (_, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert!(!out.contains(ESC) && out.starts_with("ok "), "{out:?}");
        // CLICOLOR_FORCE colours a pipe; NO_COLOR beats it under `--color auto`.
        repo.set_env("CLICOLOR_FORCE", "1");
        let (_, _, err) = run(&repo, &["config", "get", "nope"]);
        assert!(err.contains(ESC), "{err:?}");
        repo.set_env("NO_COLOR", "1");
        let (_, _, err) = run(&repo, &["--color", "auto", "config", "get", "nope"]);
        assert!(!err.contains(ESC), "{err:?}");
        let (_, out, _) = run(&repo, &["doctor", "--no-network"]);
        assert!(!out.contains(ESC), "{out:?}");
        // The flag still wins over the environment.
        let (_, _, err) = run(&repo, &["--color", "always", "config", "get", "nope"]);
        assert!(err.contains(ESC), "{err:?}");
    }

    #[test]
    fn warnings_are_yellow_when_coloured() {
        let repo = TestRepo::with_commit();
        let (code, _, err) = run(
            &repo,
            &["--color", "always", "config", "set", "api-key", KEY],
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains(&format!("{ESC}[33m")) && err.contains("warning:"),
            "{err:?}"
        );
        assert!(!err.contains(KEY));
    }
}
