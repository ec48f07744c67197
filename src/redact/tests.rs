//! Tests of the redactor as a whole: the fixture corpus (recall on every positive, no change
//! to any hard negative, no 8-byte fragment of a secret left), diffs, policies and the API.

use super::leaks::Sent;
use super::redactor::compile;
use super::rules::Kind;
use super::*;
use crate::diff::{FileChange, Hunk, Status};
use crate::filter::{Decision, FileEntry, Reason, Treatment};
use bstr::{BString, ByteSlice};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::collections::BTreeSet;

fn redactor() -> Redactor {
    Redactor::new(&RedactOptions::default()).unwrap()
}

#[derive(Debug, Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    #[serde(default)]
    rule: String,
    file: String,
    text: String,
    #[serde(default)]
    secrets: Vec<String>,
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/secrets")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn corpus(name: &str) -> Vec<Case> {
    toml::from_str::<Corpus>(&fixture(name)).unwrap().case
}

fn entry(file: &str, body: &str) -> FileEntry {
    let mut change = FileChange::new(file.as_bytes(), Status::Modified);
    let old = body.lines().filter(|l| !l.starts_with('+')).count() as u32;
    let new = body.lines().filter(|l| !l.starts_with('-')).count() as u32;
    change.hunks.push(Hunk {
        old_start: 10,
        old_lines: old,
        new_start: 10,
        new_lines: new,
        section: BString::default(),
        body: body.into(),
        above: BString::default(),
        fenced: None,
        below: Default::default(),
        within: Default::default(),
    });
    change.recount();
    FileEntry {
        change,
        decision: Decision {
            treatment: Treatment::Text,
            reason: Reason::Default,
        },
    }
}

/// The diff prefixes of each line, to check that redaction keeps the line structure.
fn shape(text: &str) -> Vec<(char, bool)> {
    text.split_inclusive('\n')
        .map(|l| (l.chars().next().unwrap_or(' '), l.ends_with('\n')))
        .collect()
}

#[test]
fn builtin_patterns_compile() {
    for b in rules::BUILTIN {
        if let Kind::Regex(pattern, _) = b.kind {
            compile(pattern).unwrap_or_else(|e| panic!("{}: {e}", b.id));
        }
        for k in b.keywords {
            assert_eq!(
                *k,
                k.to_ascii_lowercase(),
                "{}: keywords are lower-case",
                b.id
            );
        }
    }
    let ids: BTreeSet<_> = rules::BUILTIN.iter().map(|b| b.id).collect();
    assert_eq!(ids.len(), rules::BUILTIN.len(), "rule ids are unique");
    assert!(rules::BUILTIN.len() >= 80);
}

/// A run builds the automata on another thread (`warm`); a redactor used without that
/// builds them on first use and finds the same.
#[test]
fn a_deferred_redactor_finds_what_a_ready_one_does() {
    let ready = redactor();
    let deferred = Redactor::deferred(&RedactOptions::default()).unwrap();
    assert!(deferred.small.get().is_none(), "nothing built yet");
    for case in corpus("positives.toml") {
        let entries = [entry(&case.file, &case.text)];
        assert_eq!(
            deferred.redact_diff(&entries).findings(),
            ready.redact_diff(&entries).findings(),
            "{}",
            case.rule
        );
    }
    assert!(deferred.small.get().is_some());
    deferred.warm().unwrap();
}

#[test]
fn corpus_positives_are_all_redacted() {
    let r = redactor();
    let cases = corpus("positives.toml");
    let mut failures = Vec::new();
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &cases {
        *per_rule.entry(case.rule.as_str()).or_default() += 1;
        let out = r.redact_diff(&[entry(&case.file, &case.text)]);
        let body = out.entries()[0].change.hunks[0]
            .body
            .to_str_lossy()
            .into_owned();
        let rules: Vec<&str> = out.findings().iter().map(|f| f.rule.as_str()).collect();
        if !rules.contains(&case.rule.as_str()) {
            failures.push(format!(
                "{} in {}: expected `{}`, found {rules:?}\n{}",
                case.rule, case.file, case.rule, case.text
            ));
            continue;
        }
        let sent = Sent::new(&body);
        for secret in &case.secrets {
            if let Some(frag) = sent.leaked(secret, &case.text) {
                failures.push(format!(
                    "{} in {}: fragment `{frag}` survives\n{body}",
                    case.rule, case.file
                ));
                break;
            }
        }
        if shape(&body) != shape(&case.text) {
            failures.push(format!("{}: line structure changed\n{body}", case.rule));
        }
        for f in out.findings() {
            assert!(
                case.secrets.iter().all(|s| !f.rule.contains(s.as_str())) && f.line >= 10,
                "{f:?}"
            );
        }
    }
    let missing: Vec<_> = rules::BUILTIN
        .iter()
        .filter(|b| per_rule.get(b.id).copied().unwrap_or(0) < 3)
        .map(|b| b.id)
        .collect();
    assert!(
        failures.is_empty() && missing.is_empty(),
        "rules with fewer than 3 positives: {missing:?}\n\n\
         {} of {} positives failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
    assert!(
        failures.is_empty(),
        "{} of {} positives failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_negatives_are_untouched() {
    let r = redactor();
    let cases = corpus("negatives.toml");
    assert!(cases.len() >= 300, "{} hard negatives", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let out = r.redact_diff(&[entry(&case.file, &case.text)]);
        let body = out.entries()[0].change.hunks[0]
            .body
            .to_str_lossy()
            .into_owned();
        if body != case.text || !out.findings().is_empty() {
            failures.push(format!("{}: {:?}\n{body}", case.file, out.findings()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} negatives changed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_as_one_diff_text() {
    let r = redactor();
    let positives = fixture("positives.diff");
    let out = r.redact_bytes(positives.as_bytes(), "positives.diff");
    let text = out.to_str_lossy();
    assert_eq!(shape(&text), shape(&positives), "diff structure kept");
    // The check can fail: the unredacted text leaks every secret it is given.
    let unredacted = Sent::new(&positives);
    for case in corpus("positives.toml").iter().step_by(25) {
        for secret in &case.secrets {
            assert!(unredacted.leaked(secret, &positives).is_some(), "{secret}");
        }
    }
    let sent = Sent::new(&text);
    for case in corpus("positives.toml") {
        for secret in &case.secrets {
            let frag = sent.leaked(secret, &positives);
            assert!(frag.is_none(), "{}: `{frag:?}` survives", case.rule);
        }
    }
    let files: BTreeSet<_> = out.findings().iter().map(|f| f.file.as_str()).collect();
    assert!(files.contains("k8s/db-secret.yaml"), "{files:?}");
    assert!(out.findings().iter().all(|f| f.line >= 10));
    let negatives = fixture("negatives.diff");
    let out = r.redact_bytes(negatives.as_bytes(), "negatives.diff");
    assert!(out.findings().is_empty(), "{:?}", out.findings());
    assert_eq!(out.as_bytes(), negatives.as_bytes());
}

#[test]
fn redacts_a_line_and_keeps_the_rest() {
    let r = redactor();
    let out = r.redact_text(
        "x = 1\ntoken = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\" # rotate me\n",
        "a.py",
    );
    assert_eq!(
        out.to_str_lossy(),
        "x = 1\ntoken = \"[REDACTED:github-pat]\" # rotate me\n"
    );
    assert_eq!(
        out.findings(),
        [Finding {
            rule: "github-pat".into(),
            file: "a.py".into(),
            line: 2
        }]
    );
}

#[test]
fn allow_marker_keeps_the_line() {
    let r = redactor();
    let line = "token = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\" # herald:allow\n";
    let out = r.redact_text(line, "a.py");
    assert_eq!(out.to_str_lossy(), line);
    assert!(out.findings().is_empty());
}

#[test]
fn non_utf8_is_kept_byte_for_byte() {
    let r = redactor();
    let mut text = b"caf\xe9 \xff\xfe password = \"hunter2-but-long!\" \xc3\x28\n".to_vec();
    text.extend_from_slice(b"\x00\x01 plain\n");
    let out = r.redact_bytes(&text, "notes.txt");
    let mut expected =
        b"caf\xe9 \xff\xfe password = \"[REDACTED:generic-password]\" \xc3\x28\n".to_vec();
    expected.extend_from_slice(b"\x00\x01 plain\n");
    assert_eq!(out.as_bytes(), expected.as_slice());
}

#[test]
fn removed_and_context_lines_are_redacted() {
    let r = redactor();
    let body = "-API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n+API_TOKEN=${API_TOKEN}\n \
                AWS_ACCESS_KEY_ID=AKIA2E3F4G5H6J7K2L3M\n";
    let out = r.redact_diff(&[entry("deploy/app.env", body)]);
    let text = out.entries()[0].change.hunks[0]
        .body
        .to_str_lossy()
        .into_owned();
    assert_eq!(
        text,
        "-API_TOKEN=[REDACTED:github-pat]\n+API_TOKEN=${API_TOKEN}\n \
         AWS_ACCESS_KEY_ID=[REDACTED:aws-access-key-id]\n"
    );
    let lines: Vec<_> = out.findings().iter().map(|f| f.line).collect();
    assert_eq!(lines, [10, 11]);
}

#[test]
fn private_key_block_across_lines() {
    let r = redactor();
    let body = "+const KEY: &str = \"\\\n+-----BEGIN RSA PRIVATE KEY-----\n+MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n+/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n+-----END RSA PRIVATE KEY-----\n+\";\n";
    let out = r.redact_diff(&[entry("src/keys.rs", body)]);
    let text = out.entries()[0].change.hunks[0]
        .body
        .to_str_lossy()
        .into_owned();
    assert_eq!(
        text,
        "+const KEY: &str = \"\\\n+-----BEGIN RSA PRIVATE KEY-----\n+[REDACTED:private-key]\n+[REDACTED:private-key]\n+-----END RSA PRIVATE KEY-----\n+\";\n"
    );
    assert_eq!(out.findings().len(), 1, "one finding per block");
}

#[test]
fn policies() {
    let diff = [
        entry("a.env", "+TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"),
        entry("b.txt", "+nothing here\n"),
    ];
    let opts = RedactOptions {
        policy: Policy::WithholdFile,
        ..RedactOptions::default()
    };
    let out = Redactor::new(&opts).unwrap().redact_diff(&diff);
    assert_eq!(out.withheld(), 1);
    assert_eq!(out.entries()[0].decision.treatment, Treatment::Withheld);
    assert!(out.entries()[0].change.hunks.is_empty());
    assert_eq!(out.entries()[1].decision.treatment, Treatment::Text);
    assert!(out.render_text().to_str_lossy().contains("nothing here"));
    assert!(!out.render_text().to_str_lossy().contains("ghp_"));
    let warning = out.warning().unwrap();
    assert!(warning.contains("1 github-pat") && warning.contains("withheld 1 file"));
}

#[test]
fn configured_rules_and_allowlists() {
    let opts = RedactOptions {
        rules: vec![
            RuleSpec {
                id: "acme-key".into(),
                regex: r"\b(acme_[a-z0-9]{16})\b".into(),
                keywords: vec!["acme_".into()],
                entropy: Some(3.0),
            },
            RuleSpec {
                id: "internal-host".into(),
                regex: r"\bdb-[0-9]+\.corp\.example\b".into(),
                keywords: vec![],
                entropy: None,
            },
        ],
        allow: vec!["^ghp_0{36}$".into(), "EXAMPLE".into()],
        allow_paths: vec!["fixtures/**".into()],
        ..RedactOptions::default()
    };
    let r = Redactor::new(&opts).unwrap();
    let out = r.redact_text(
        "k = acme_a1b2c3d4e5f6a7b8\nlow = acme_aaaaaaaaaaaaaaaa\nhost db-12.corp.example\n\
         t = ghp_000000000000000000000000000000000000\nAKIAIOSFODNN7EXAMPLE\n",
        "src/x.txt",
    );
    assert_eq!(
        out.to_str_lossy(),
        "k = [REDACTED:acme-key]\nlow = acme_aaaaaaaaaaaaaaaa\nhost [REDACTED:internal-host]\n\
         t = ghp_000000000000000000000000000000000000\nAKIAIOSFODNN7EXAMPLE\n"
    );
    let kept = r.redact_text("k = acme_a1b2c3d4e5f6a7b8\n", "fixtures/keys.txt");
    assert!(kept.findings().is_empty());

    let bad = RedactOptions {
        rules: vec![RuleSpec {
            id: "broken".into(),
            regex: "(".into(),
            keywords: vec![],
            entropy: None,
        }],
        ..RedactOptions::default()
    };
    let err = Redactor::new(&bad).unwrap_err();
    assert!(err.to_string().contains("`broken`") && err.to_string().contains("redact.rules"));
    let clash = RedactOptions {
        rules: vec![RuleSpec {
            id: "github-pat".into(),
            regex: "x".into(),
            keywords: vec![],
            entropy: None,
        }],
        ..RedactOptions::default()
    };
    assert!(matches!(Redactor::new(&clash), Err(RedactError::RuleId(_))));
}

#[test]
fn findings_never_hold_the_secret() {
    let r = redactor();
    let out = r.redact_text("password: Tr0ub4dor&3-horse\n", "config.yml");
    let shown = format!("{:?} {}", out.findings(), by_rule(out.findings()));
    assert!(!shown.contains("Tr0ub4dor"));
    assert!(!format!("{r:?}").contains("Tr0ub"));
}

#[test]
fn one_line_change_is_fast() {
    let r = redactor();
    let line = "+    let total = items.iter().map(|i| i.price).sum::<u64>();\n";
    // Warm up, then time: compiling a rule happens once per process.
    let _ = r.redact_diff(&[entry("src/cart.rs", line)]);
    let start = std::time::Instant::now();
    for _ in 0..100 {
        let _ = r.redact_diff(&[entry("src/cart.rs", line)]);
    }
    let per_call = start.elapsed() / 100;
    // Generous for unoptimised test builds; the benchmark measures release builds.
    assert!(
        per_call < std::time::Duration::from_millis(5),
        "{per_call:?}"
    );
}

#[test]
fn config_layers_add_rules_and_allowlists() {
    use crate::config::{self, Env, Overrides, REPO_FILE};
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("user.toml");
    std::fs::write(
        &user,
        "[redact]\npolicy = \"abort\"\nallow = [\"^x$\"]\nallow-paths = [\"fixtures/**\"]\n\n\
         [[redact.rules]]\nid = \"acme\"\nregex = 'acme_[0-9]+'\nkeywords = [\"acme_\"]\n",
    )
    .unwrap();
    // The repository adds a rule; its policy cannot loosen the user's `abort`.
    std::fs::write(
        dir.path().join(REPO_FILE),
        "[redact]\npolicy = \"redact\"\n\n[[redact.rules]]\nid = \"corp\"\n\
         regex = 'corp-[a-z]{8}'\n",
    )
    .unwrap();
    let env = Env::from_pairs(
        &[(crate::config::env_vars::CONFIG, user.to_str().unwrap())],
        None,
    );
    let resolved = config::resolve(&env, Some(dir.path()), &Overrides::default()).unwrap();
    let opts = &resolved.settings.redact;
    assert_eq!(opts.policy, Policy::Abort);
    let ids: Vec<_> = opts.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["acme", "corp"]);
    assert_eq!(opts.allow, ["^x$"]);
    assert_eq!(opts.allow_paths, ["fixtures/**"]);
    assert!(Redactor::new(opts).is_ok());

    std::fs::write(&user, "[redact]\nallow-path = []\n").unwrap();
    let err = config::resolve(&env, None, &Overrides::default()).unwrap_err();
    let chain = format!("{err} {}", std::error::Error::source(&err).unwrap());
    assert!(chain.contains("allow-path"), "{chain}");
}

#[test]
fn a_key_line_as_a_hunks_function_context_is_redacted() {
    let r = redactor();
    let line = "Kq3ZrV8pWm2XbN7sLd4FhT9cYg6JkR1oUe5AiQ0wPz3MvE8tHn2GbS7xCy4DlO9f";
    let mut entry = entry("deploy/key.pem", " a\n+b\n");
    entry.change.hunks[0].section = line.into();
    let out = r.redact_diff(&[entry]);
    let section = out.entries()[0].change.hunks[0]
        .section
        .to_str_lossy()
        .into_owned();
    assert_eq!(section, "[REDACTED:private-key]");
    assert_eq!(out.findings().len(), 1);
    // An ordinary function context stays.
    let mut entry = self::entry("src/lib.rs", " a\n+b\n");
    entry.change.hunks[0].section = "fn parse_pairs(text: &str) -> Vec<&str> {".into();
    let out = r.redact_diff(&[entry]);
    assert!(out.findings().is_empty());
}

/// The keyword search of large texts (a DFA) finds what the one of small texts (an NFA)
/// finds: the same spans on every fixture.
#[test]
fn large_text_search_matches_the_small_one() {
    use super::doc::Doc;
    let r = redactor();
    for name in ["positives.diff", "negatives.diff"] {
        let text = fixture(name);
        let mut doc = Doc::diff_text(text.as_bytes(), name);
        doc.size_hint = 0;
        let small = r.scan(&doc);
        doc.size_hint = usize::MAX / 2;
        let large = r.scan(&doc);
        assert!(
            small == large,
            "{name}: {} spans vs {}",
            small.len(),
            large.len()
        );
        assert_eq!(name == "positives.diff", !small.is_empty());
    }
}

/// The DFA walks a large text in parts cut after newlines; a configured keyword holding a
/// newline, which a cut could split, makes it walk the text whole: the keyword is found
/// wherever it lies.
#[test]
fn a_keyword_across_lines_is_found_in_a_large_text() {
    let opts = RedactOptions {
        rules: vec![RuleSpec {
            id: "two-lines".into(),
            regex: "zq[0-9]{8}".into(),
            keywords: vec!["xw\nzq".into()],
            entropy: None,
        }],
        ..RedactOptions::default()
    };
    let r = Redactor::new(&opts).unwrap();
    let filler = "let total = items.len();\n".repeat(12_000);
    let quarter = filler.len() / 4;
    let line = filler.len() / 12_000;
    // Around the first cut (a quarter in): one of these places puts the newline of the
    // keyword right before it.
    for k in 0..4 {
        let at = quarter - quarter % line - line * 2 + line * k;
        let text = format!(
            "{}zq12345678 and more words xw\nzq\n{}",
            &filler[..at],
            &filler[at..]
        );
        let out = r.redact_text(&text, "notes.txt");
        assert_eq!(out.findings().len(), 1, "at {at}");
        assert!(out.as_bytes().find(b"zq12345678").is_none(), "at {at}");
    }
}
