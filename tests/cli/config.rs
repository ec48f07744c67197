//! Configuration: `config path`, `config show` with each value's source, errors that name the
//! key, file and line, and the trust rule for the repository's own file (issue #2, section 5).
//! The files under `fixtures/config/` are described in its README.

use crate::common::{TestRepo, assert_message_shape, fixture, show};
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};

/// Writes the user config file at its default place under the temporary XDG config dir.
fn write_user_config(repo: &TestRepo, text: &str) -> PathBuf {
    let path = repo.user_config();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

#[test]
fn path_names_the_user_file_under_xdg_config_home() {
    let repo = TestRepo::with_commit();
    let user = repo.root().join("xdg/config/git-herald/config.toml");
    let out = stdout_of(&repo.herald(["config", "path"]).assert().success());
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(format!("user: {}", user.display()).as_str())
    );
    let repo_line = format!("repo: {}", repo.join(".git-herald.toml").display());
    assert_eq!(lines.next(), Some(repo_line.as_str()));
    // Anything else it names (the usage log) stays under the temporary root too.
    for line in lines {
        let (_, path) = line.split_once(": ").unwrap();
        assert!(Path::new(path).starts_with(repo.root()), "{line}");
    }
    // From a subdirectory the repository file is still at the top.
    fs::create_dir_all(repo.join("a/b")).unwrap();
    repo.herald(["config", "path"])
        .current_dir(repo.join("a/b"))
        .assert()
        .success()
        .stdout(contains(format!("\n{repo_line}\n")));
    // Outside a repository there is no repository file; GIT_HERALD_CONFIG moves the user's.
    let dir = TestRepo::outside();
    dir.herald(["config", "path"])
        .env("GIT_HERALD_CONFIG", "/elsewhere/herald.toml")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "user: /elsewhere/herald.toml\n",
        ))
        .stdout(contains("repo: ").not());
}

#[test]
fn show_lists_every_key_with_its_source() {
    let repo = TestRepo::with_commit();
    let out = stdout_of(&repo.herald(["config", "show"]).assert().success());
    for key in [
        "provider",
        "message.conventional",
        "message.max-subject",
        "message.body",
        "message.wrap",
        "filter.max-file-bytes",
        "hook.timeout",
        "hook.skip-sources",
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("no `{key}` in:\n{out}"));
        assert!(line.ends_with("  # default"), "{line}");
    }

    let user = write_user_config(&repo, "[message]\nmax-subject = 60\nwrap = 64\n");
    let repo_file = repo.write(
        ".git-herald.toml",
        "[message]\nwrap = 70\n[hook]\ntimeout = 7\n",
    );
    let out = stdout_of(
        &repo
            .herald(["config", "show"])
            .env("GIT_HERALD_CONVENTIONAL", "false")
            .assert()
            .success(),
    );
    for line in [
        format!("message.max-subject = 60  # user file {}", user.display()),
        format!("message.wrap = 70  # repo file {}", repo_file.display()),
        format!("hook.timeout = 7  # repo file {}", repo_file.display()),
        "message.conventional = false  # env GIT_HERALD_CONVENTIONAL".to_owned(),
        "message.body = true  # default".to_owned(),
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "no line {line:?} in:\n{out}"
        );
    }
}

#[test]
fn typo_in_the_user_file_names_key_file_and_line() {
    let repo = TestRepo::with_commit();
    let user = write_user_config(&repo, "# mine\n[message]\nmax-subjet = 60\n");
    for args in [&["config", "show"][..], &[]] {
        repo.herald(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "error: invalid config file `{}`",
                user.display()
            )))
            .stderr(contains("max-subjet"))
            .stderr(contains("line 3"))
            .stderr(contains("hint:"));
    }
}

#[test]
fn repository_file_may_not_choose_model_or_provider() {
    let repo = TestRepo::with_commit();
    for (key, value) in [("model", "\"gpt-x\""), ("provider", "\"offline\"")] {
        let file = repo.write(
            ".git-herald.toml",
            format!("# from a cloned repo\n{key} = {value}\n[message]\nbody = false\n"),
        );
        repo.herald(["config", "show"])
            .assert()
            .code(1)
            .stderr(contains(format!(
                "error: `{key}` cannot be set in the repository's config file `{}` (line 2)",
                file.display()
            )))
            .stderr(contains("hint: a cloned repository is untrusted"))
            .stderr(contains("`git herald config path`"));
    }
    // The same keys are fine in the user's own file.
    fs::remove_file(repo.join(".git-herald.toml")).unwrap();
    write_user_config(&repo, "provider = \"offline\"\nmodel = \"gpt-x\"\n");
    repo.herald(["config", "show"])
        .assert()
        .success()
        .stdout(contains("model = \"gpt-x\"  # user file"));
}

#[test]
fn repository_file_can_be_ignored() {
    let repo = TestRepo::with_commit();
    repo.write(".git-herald.toml", "model = \"x\"\n");
    repo.write("a.txt", "a\n");
    repo.add_all();
    repo.herald([] as [&str; 0]).assert().code(1);
    repo.herald([] as [&str; 0])
        .env("GIT_HERALD_NO_REPO_CONFIG", "1")
        .assert()
        .success();
}

#[test]
fn bad_environment_value_names_the_variable() {
    let repo = TestRepo::with_commit();
    repo.herald(["config", "show"])
        .env("GIT_HERALD_MAX_SUBJECT", "lots")
        .assert()
        .code(1)
        .stderr(contains(
            "error: invalid value `lots` for `GIT_HERALD_MAX_SUBJECT`",
        ));
}

#[test]
fn style_settings_reach_the_message() {
    let repo = TestRepo::with_commit();
    repo.write(
        "src/parser.rs",
        "pub struct Parser;\n\nimpl Parser {\n    pub fn new() -> Self {\n        Parser\n    }\n}\n",
    );
    repo.write("docs/parser.md", "# Parser\n");
    repo.add_all();
    repo.write(
        ".git-herald.toml",
        "[message]\nbody = false\nmax-subject = 40\n",
    );
    let message = stdout_of(&repo.herald([] as [&str; 0]).assert().success());
    assert_message_shape(&message);
    assert_eq!(message.lines().count(), 1, "{message:?}");
    assert!(message.trim_end().chars().count() <= 40, "{message:?}");
    // Layers above win: env over the repository file, flags over env. (Whether a body is
    // written when allowed is the engine's call, so the env layer is checked in `show`.)
    repo.herald(["config", "show"])
        .env("GIT_HERALD_BODY", "true")
        .assert()
        .success()
        .stdout(contains("message.body = true  # env GIT_HERALD_BODY\n"));
    let message = stdout_of(
        &repo
            .herald(["--no-body"])
            .env("GIT_HERALD_BODY", "true")
            .assert()
            .success(),
    );
    assert_eq!(message.lines().count(), 1, "{message:?}");
}

#[test]
fn filter_globs_from_config_steer_the_dry_run() {
    let repo = TestRepo::with_commit();
    repo.write("secrets/prod.yaml", "password: hunter2hunter2\n");
    repo.write("tests/snapshots/a.snap", "snapshot\n");
    repo.write("src/main.rs", "fn main() {}\n");
    repo.add_all();
    write_user_config(&repo, "[filter]\nwithhold = [\"secrets/**\"]\n");
    repo.write(".git-herald.toml", "[filter]\nstats-only = [\"*.snap\"]\n");
    let out = stdout_of(&repo.herald(["--dry-run"]).assert().success());
    for line in [
        "  withheld   secrets/prod.yaml (matched a configured glob)",
        "  stats-only tests/snapshots/a.snap (matched a configured glob)",
        "  text       src/main.rs (source)",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "no line {line:?} in:\n{out}"
        );
    }
    assert!(!out.contains("hunter2"), "{out}");
}

/// Reads the `# as:` and `# expect:` header of a fixture.
fn header(path: &Path) -> (String, Vec<String>) {
    let text = fs::read_to_string(path).unwrap();
    let mut role = None;
    let mut expect = Vec::new();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(r) = line.strip_prefix("# as: ") {
            role = Some(r.trim().to_owned());
        } else if let Some(e) = line.strip_prefix("# expect: ") {
            expect.push(e.to_owned());
        }
    }
    let role = role.unwrap_or_else(|| panic!("{} has no `# as:` line", path.display()));
    assert!(["user", "repo", "both"].contains(&role.as_str()), "{role}");
    (role, expect)
}

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = fs::read_dir(fixture(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {dir}");
    files
}

/// Runs `config show` with the fixture as the user file or as the repository file.
fn show_with(fixture: &Path, as_repo: bool) -> (std::process::Output, PathBuf) {
    let repo = TestRepo::with_commit();
    let loaded = if as_repo {
        repo.write(".git-herald.toml", fs::read(fixture).unwrap())
    } else {
        fixture.to_owned()
    };
    let mut cmd = repo.herald(["config", "show"]);
    if !as_repo {
        cmd.env("GIT_HERALD_CONFIG", fixture);
    }
    (cmd.output().unwrap(), loaded)
}

fn roles(role: &str) -> Vec<bool> {
    match role {
        "user" => vec![false],
        "repo" => vec![true],
        _ => vec![false, true],
    }
}

#[test]
fn valid_fixtures_load() {
    for file in fixtures("config/valid") {
        let (role, _) = header(&file);
        for as_repo in roles(&role) {
            let (out, loaded) = show_with(&file, as_repo);
            assert!(
                out.status.success(),
                "{} (as repo: {as_repo}):\n{}",
                file.display(),
                show(&out)
            );
            let stdout = String::from_utf8(out.stdout).unwrap();
            let layer = if as_repo { "repo file" } else { "user file" };
            let named = format!("# {layer} {}", loaded.display());
            let has_keys = fs::read_to_string(&file)
                .unwrap()
                .lines()
                .any(|l| !l.starts_with('#') && !l.trim().is_empty());
            assert_eq!(
                stdout.contains(&named),
                has_keys,
                "{}:\n{stdout}",
                file.display()
            );
        }
    }
}

#[test]
fn invalid_fixtures_fail_with_file_and_reason() {
    for file in fixtures("config/invalid") {
        let (role, expect) = header(&file);
        assert!(!expect.is_empty(), "{} expects nothing", file.display());
        for as_repo in roles(&role) {
            let (out, loaded) = show_with(&file, as_repo);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}:\n{}",
                file.display(),
                show(&out)
            );
            assert!(stderr.starts_with("error: "), "{stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
            for text in &expect {
                let text = text.replace("{path}", &loaded.display().to_string());
                assert!(
                    stderr.contains(&text),
                    "{} (as repo: {as_repo}): no {text:?} in:\n{stderr}",
                    file.display()
                );
            }
        }
    }
}

/// A key that must never be printed, and the ways a user file holding it can fail to load.
const KEY: &str = "sk-SECRETSECRET123456";

fn broken_files_with_a_key() -> Vec<(String, &'static str)> {
    vec![
        // Unterminated string, a bare word, the key twice, a list where a string goes, and a
        // string where a list goes (serde's message quotes such a value).
        (format!("model = \"m\"\napi-key = \"{KEY}\n"), "line 2"),
        (format!("api-key = {KEY}\n"), "line 1"),
        (
            format!("api-key = \"{KEY}\"\n\napi-key = \"{KEY}\"\n"),
            "line 3",
        ),
        (format!("api-key = [\"{KEY}\"]\n"), "line 1"),
        (format!("api-key-cmd = \"{KEY}\"\n"), "line 1"),
    ]
}

#[test]
fn a_broken_user_file_never_prints_its_api_key() {
    let repo = TestRepo::with_commit();
    repo.write("src/lib.rs", "pub fn one() {}\n");
    repo.add(["src/lib.rs"]);
    for (text, line) in broken_files_with_a_key() {
        let user = write_user_config(&repo, &text);
        for args in [
            &[][..],
            &["config", "show"],
            &["config", "get", "model"],
            &["config", "get", "api-key"],
            &["config", "set", "message.wrap", "70"],
            &["doctor"],
            // Last: it may well repair the file (removing a key a list stood for).
            &["config", "unset", "api-key"],
        ] {
            let out = repo.herald(args).output().unwrap();
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !all.contains("SECRET"),
                "{text:?} {args:?}:\n{}",
                show(&out)
            );
            assert!(!all.contains("panicked"), "{}", show(&out));
            if out.status.success() && args[0] == "config" {
                continue;
            }
            assert!(
                all.contains(&user.display().to_string()) && all.contains(line),
                "{text:?} {args:?}: the file and {line} are named:\n{}",
                show(&out)
            );
            if args != ["doctor"] {
                assert_eq!(out.status.code(), Some(1), "{}", show(&out));
            }
        }
    }
}

#[test]
fn a_secret_value_of_the_wrong_type_is_never_echoed() {
    let repo = TestRepo::with_commit();
    for (key, value) in [
        ("api-key", "[\"sk-inarray\"]"),
        ("api-key", "{ v = \"sk-intable\" }"),
        ("api-key-cmd", "[1, \"sk-inlist\"]"),
        ("api-key-cmd", "{ v = \"sk-intable\" }"),
    ] {
        let out = repo.herald(["config", "set", key, value]).output().unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{}", show(&out));
        assert!(!all.contains("sk-in"), "{key} {value}:\n{}", show(&out));
        assert!(
            all.contains(&format!("error: invalid value for `{key}`: expected")),
            "{}",
            show(&out)
        );
        assert!(!repo.user_config().exists());
    }
    // Other keys still show what was typed.
    repo.herald(["config", "set", "message.body", "maybe"])
        .assert()
        .code(1)
        .stderr(contains("invalid value `maybe` for `message.body`"));
}

#[test]
fn a_bad_variable_does_not_block_editing_a_file() {
    let mut repo = TestRepo::with_commit();
    repo.set_env("GIT_HERALD_MAX_SUBJECT", "abc");
    repo.herald(["config", "set", "message.wrap", "70"])
        .assert()
        .success();
    repo.herald(["config", "set", "--repo", "message.body", "false"])
        .assert()
        .success();
    repo.herald(["config", "unset", "message.wrap"])
        .assert()
        .success();
    assert_eq!(fs::read_to_string(repo.user_config()).unwrap(), "");
    assert_eq!(
        fs::read_to_string(repo.join(".git-herald.toml")).unwrap(),
        "[message]\nbody = false\n"
    );
    // The file's own checks still hold, the trust rule among them.
    repo.herald(["config", "set", "provider", "anthropc"])
        .assert()
        .code(1)
        .stderr(contains("unknown provider `anthropc`"));
    repo.herald(["config", "set", "--repo", "model", "x"])
        .assert()
        .code(1)
        .stderr(contains("`model` cannot be set"));
    // Commands that use the settings still name the variable.
    repo.herald(["config", "show"])
        .assert()
        .code(1)
        .stderr(contains("`GIT_HERALD_MAX_SUBJECT`"));
}

#[test]
fn negative_or_endless_seconds_are_refused() {
    let repo = TestRepo::with_commit();
    for (text, key, line) in [
        ("[hook]\ntimeout = -1\n", "hook.timeout", 2),
        (
            "# x\n\n[network]\nattempts = 2\ndeadline = nan\n",
            "network.deadline",
            5,
        ),
        ("hook.timeout = -inf\n", "hook.timeout", 1),
        (
            "[network]\nconnect-timeout = inf\n",
            "network.connect-timeout",
            2,
        ),
    ] {
        let user = write_user_config(&repo, text);
        repo.herald(["config", "show"])
            .assert()
            .code(1)
            .stderr(contains(format!(
                "error: `{key}` in config file `{}` (line {line}) is",
                user.display()
            )))
            .stderr(contains("it takes a number of seconds, from 0 to 3600"));
    }
    write_user_config(&repo, "");
    repo.herald(["config", "set", "hook.timeout", "-1"])
        .assert()
        .code(1)
        .stderr(contains("`hook.timeout`"));
    assert_eq!(fs::read_to_string(repo.user_config()).unwrap(), "");
    repo.herald(["config", "show"])
        .env("GIT_HERALD_HOOK_TIMEOUT", "-1")
        .assert()
        .code(1)
        .stderr(contains(
            "invalid value `-1` for `GIT_HERALD_HOOK_TIMEOUT`: expected a number of seconds",
        ));
    // Zero is a choice, not a mistake.
    repo.herald(["config", "set", "hook.timeout", "0"])
        .assert()
        .success();
}

#[test]
fn unset_removes_a_table_it_left_empty() {
    let repo = TestRepo::with_commit();
    let file = repo.join(".git-herald.toml");
    let unset = |key: &str| {
        repo.herald(["config", "unset", "--repo", key])
            .assert()
            .success();
        fs::read_to_string(&file).unwrap_or_default()
    };
    repo.write(".git-herald.toml", "[message]\nbody = false\n");
    assert_eq!(unset("message.body"), "");
    assert!(!file.exists(), "a repository file left empty is removed");
    repo.write(
        ".git-herald.toml",
        "[message]\nbody = false\nwrap = 70\n\n[hook]\ntimeout = 5\n",
    );
    assert_eq!(
        unset("message.body"),
        "[message]\nwrap = 70\n\n[hook]\ntimeout = 5\n"
    );
    assert_eq!(unset("message.wrap").trim_start(), "[hook]\ntimeout = 5\n");
    // A table with a comment of its own stays.
    repo.write(
        ".git-herald.toml",
        "# team rules\n[message]\nbody = false\n",
    );
    assert_eq!(unset("message.body"), "# team rules\n[message]\n");
    // A model's table and the implicit `[models]` above it go together.
    repo.herald(["config", "set", "models.gpt-4.1.context-window", "1000"])
        .assert()
        .success();
    repo.herald(["config", "unset", "models.gpt-4.1.context-window"])
        .assert()
        .success();
    assert_eq!(fs::read_to_string(repo.user_config()).unwrap(), "");
}

#[test]
fn set_through_a_symlink_keeps_the_link() {
    let repo = TestRepo::with_commit();
    let dotfiles = repo.root().join("dotfiles");
    fs::create_dir_all(&dotfiles).unwrap();
    let real = dotfiles.join("herald.toml");
    fs::write(
        &real,
        "# mine\n[message]\n# short\nmax-subject = 50 # team\n",
    )
    .unwrap();
    let link = repo.user_config();
    fs::create_dir_all(link.parent().unwrap()).unwrap();
    // Relative, as dotfile managers often make them.
    std::os::unix::fs::symlink("../../../dotfiles/herald.toml", &link).unwrap();
    assert_eq!(
        fs::read_to_string(&link).unwrap(),
        fs::read_to_string(&real).unwrap()
    );
    repo.herald(["config", "set", "message.max-subject", "60"])
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        "# mine\n[message]\n# short\nmax-subject = 60 # team\n"
    );
    // No temporary file is left in either directory.
    for dir in [&dotfiles, &link.parent().unwrap().to_owned()] {
        let names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}

/// `GIT_HERALD_CONFIG` naming a file that is not there is an error, not a silent fall-back to
/// the defaults; `config set` still creates the file it names.
#[test]
fn a_missing_file_named_by_git_herald_config_is_an_error() {
    let mut repo = TestRepo::with_commit();
    repo.write("a.txt", "a\n");
    repo.add_all();
    let missing = repo.root().join("nowhere/config.toml");
    repo.set_env("GIT_HERALD_CONFIG", &missing);
    repo.herald(["--offline"]).assert().code(1).stderr(contains(
        "`GIT_HERALD_CONFIG` names it, and there is no such file",
    ));
    let named = repo.root().join("mine.toml");
    repo.set_env("GIT_HERALD_CONFIG", &named);
    repo.herald(["config", "set", "message.max-subject", "60"])
        .assert()
        .success();
    repo.herald(["--offline"]).assert().success();
}

/// `config get` and `show` tell the value in force: a provider's own variable
/// (`OPENAI_BASE_URL`, `OPENAI_API_KEY`) counts, keys masked.
#[test]
fn config_get_and_show_see_the_providers_variables() {
    let mut repo = TestRepo::with_commit();
    repo.set_env("OPENAI_API_KEY", "sk-test-0123456789abcdef");
    repo.set_env("OPENAI_BASE_URL", "https://relay.example/v1");
    repo.herald(["config", "get", "base-url"])
        .assert()
        .success()
        .stdout("\"https://relay.example/v1\"  # env OPENAI_BASE_URL (used by openai)\n");
    let key = repo.herald(["config", "get", "api-key"]).output().unwrap();
    let text = String::from_utf8_lossy(&key.stdout);
    assert!(text.starts_with("****  # env OPENAI_API_KEY"), "{text}");
    let show = repo.herald(["config", "show"]).output().unwrap();
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(
        text.contains("base-url = \"https://relay.example/v1\""),
        "{text}"
    );
    assert!(!text.contains("0123456789abcdef"), "{text}");
}
