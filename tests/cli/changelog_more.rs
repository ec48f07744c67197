//! `changelog` and `release-notes` beyond the fixture cases: `--prepend` refusing a section it
//! did not write, `--offline` with a model configured, `--bump` and contributors.

use crate::changelog::{build, case_dir};
use crate::common::show;
use std::fs;

const CURATED: &str = "# Changelog\n\n## [1.1.0] - 2024-01-05\n\nThe big one.\n\n\
                       ### Features\n\n- A client for the service.\n\n\
                       ### Contributors\n\nThanks to @ada and @bo!\n\n\
                       ## [1.0.0] - 2024-01-01\n\n- First.\n";

#[test]
fn prepend_refuses_a_hand_written_section_unless_replace() {
    let repo = build("release-notes");
    let file = repo.write("CHANGELOG.md", CURATED);
    let args = ["changelog", "--tag", "v1.1.0", "--prepend", "CHANGELOG.md"];
    let out = repo.herald(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("already has a section [1.1.0] that git-herald did not write")
            && stderr.contains("`--replace`"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        CURATED,
        "the file changed"
    );

    let out = repo
        .herald([
            "changelog",
            "--tag",
            "v1.1.0",
            "--prepend",
            "CHANGELOG.md",
            "--replace",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("replaced the hand-written section [1.1.0]"),
        "{}",
        show(&out)
    );
    let replaced = fs::read_to_string(&file).unwrap();
    assert!(!replaced.contains("Thanks to @ada"), "{replaced}");
    assert!(
        replaced.contains("## [1.0.0] - 2024-01-01\n\n- First.\n"),
        "{replaced}"
    );

    // Now the section is its own: a rerun leaves the bytes as they are and says so.
    let out = repo.herald(args).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("[1.1.0] is already up to date"),
        "{}",
        show(&out)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), replaced);
}

/// `--offline` with a model configured (a key and a base URL in the environment): the notes
/// are the built-in ones and no request leaves.
#[test]
fn offline_never_asks_the_model() {
    let (rt, server) = crate::provider::server();
    let mut repo = build("release-notes");
    repo.set_env("OPENAI_API_KEY", "sk-test-0123456789abcdef");
    repo.set_env("OPENAI_BASE_URL", format!("{}/v1", server.uri()));
    repo.set_env("GIT_HERALD_ATTEMPTS", "1");
    let expected = fs::read_to_string(case_dir("release-notes").join("expected.md")).unwrap();
    for args in [
        &["release-notes", "--tag", "v1.1.0", "--offline"][..],
        &["changelog", "--tag", "v1.1.0", "--offline"],
    ] {
        let out = repo.herald(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", show(&out));
        assert!(out.stderr.is_empty(), "{args:?}: {}", show(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains(expected.lines().next().unwrap()),
            "{stdout}"
        );
        if args[0] == "release-notes" {
            assert_eq!(stdout, expected);
        }
    }
    let asked = rt.block_on(server.received_requests()).unwrap_or_default();
    assert!(
        asked.is_empty(),
        "{} requests reached the model",
        asked.len()
    );
}

/// `release-notes --bump`: the commits after the latest tag, named as the next version, and
/// that version in the CI outputs.
#[test]
fn bump_names_the_next_version_in_the_outputs() {
    // Minor for the fixture's feature after v1.1.0, major for a breaking change, patch for a fix.
    let mut repo = build("release-notes");
    let output = repo.root().join("github_output");
    repo.set_env("GITHUB_ACTIONS", "true");
    repo.set_env("GITHUB_OUTPUT", &output);
    let outputs = |repo: &crate::common::TestRepo| {
        let _ = fs::remove_file(&output);
        let out = repo
            .herald(["release-notes", "--bump", "--offline"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let written = fs::read_to_string(&output).unwrap();
        let pick = |key: &str| {
            written
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .unwrap_or_default()
                .to_owned()
        };
        (
            pick("version"),
            pick("previous-version"),
            pick("tag"),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    // After v1.1.0 the fixture has one `feat:` commit: minor.
    let (version, previous, tag, stderr) = outputs(&repo);
    assert_eq!(
        (version.as_str(), previous.as_str(), tag.as_str()),
        ("1.2.0", "1.1.0", "v1.2.0")
    );
    assert!(
        stderr.contains("next version: v1.2.0 (minor bump from v1.1.0)"),
        "{stderr}"
    );
    repo.commit("feat!: drop the old client");
    assert_eq!(outputs(&repo).2, "v2.0.0");
    repo.git(["tag", "v2.0.0"]);
    repo.commit("fix: a typo");
    assert_eq!(outputs(&repo).2, "v2.0.1");
    // Below 1.0.0 a breaking change moves the minor version.
    repo.git(["tag", "v0.9.0"]);
    repo.commit("feat!: again");
    let (version, previous, _, _) = outputs(&repo);
    assert_eq!((version.as_str(), previous.as_str()), ("0.10.0", "0.9.0"));
}

/// Every Markdown the fixtures expect from the built-in writer keeps markdownlint's layout
/// rules: headings with a blank line before and after (MD022), lists with blank lines around
/// them (MD032), no two blank lines in a row (MD012), one final newline (MD047). Templates
/// write their own layout, and `prepend` keeps a hand-written file's odd spacing on purpose.
#[test]
fn fixture_markdown_is_markdownlint_clean() {
    let root = crate::common::fixture("changelog");
    let mut checked = 0;
    for entry in fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let case = dir.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(text) = fs::read_to_string(dir.join("expected.md")) else {
            continue;
        };
        if case.starts_with("template") || case == "prepend" {
            continue;
        }
        checked += 1;
        let lines: Vec<&str> = text.lines().collect();
        let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
        let mut fenced = false;
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
            }
            if fenced {
                continue;
            }
            let at = format!("{case}/expected.md:{}: {line:?}", i + 1);
            if line.starts_with('#') {
                assert!(i == 0 || blank(i - 1), "MD022 before {at}");
                assert!(blank(i + 1), "MD022 after {at}");
            }
            let item = line.starts_with("- ") || line.starts_with("* ");
            if item && i > 0 {
                let prev = lines[i - 1];
                assert!(
                    blank(i - 1) || prev.starts_with("- ") || prev.starts_with("* "),
                    "MD032 before {at}"
                );
            }
            assert!(
                !(blank(i) && i > 0 && blank(i - 1) && i + 1 < lines.len()),
                "MD012 {at}"
            );
        }
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "MD047 {case}"
        );
    }
    assert!(checked > 20, "only {checked} cases checked");
}
