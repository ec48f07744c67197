use super::*;

fn types(c: &Conventions) -> Vec<&str> {
    c.types
        .as_ref()
        .map(|r| r.value.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

fn hints(c: &Conventions) -> Vec<&str> {
    c.type_hints
        .as_ref()
        .map(|r| r.value.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Loads the conventions of a directory holding the given files.
fn load_files(files: &[(&str, &str)]) -> (Conventions, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    load(dir.path())
}

fn one(name: &str, text: &str) -> Conventions {
    let (c, warnings) = load_files(&[(name, text)]);
    assert!(warnings.is_empty(), "{warnings:?}");
    c
}

#[test]
fn commitlint_json_rules() {
    let c = one(
        ".commitlintrc.json",
        r#"{"rules": {
            "type-enum": [2, "always", ["feature", "bugfix", "docs"]],
            "scope-enum": [1, "always", ["api", "cli"]],
            "subject-case": [2, "always", "lower-case"],
            "header-max-length": [2, "always", 60],
            "scope-empty": [2, "never"],
            "body-max-line-length": [2, "always", 100]
        }}"#,
    );
    assert_eq!(types(&c), ["feature", "bugfix", "docs"]);
    assert_eq!(
        c.types.as_ref().unwrap().origin,
        "commitlint's type-enum (.commitlintrc.json)"
    );
    assert_eq!(c.scopes.unwrap().value, ["api", "cli"]);
    let case = c.subject_case.unwrap().value;
    assert!(!case.never && case.cases == [Case::Lower]);
    assert_eq!(c.header_max.unwrap().value, 60);
    assert!(c.scope_required.unwrap().value);
    assert_eq!(c.source.as_deref(), Some(Path::new(".commitlintrc.json")));
}

#[test]
fn extends_brings_the_preset_and_own_rules_override_it() {
    let c = one(
        ".commitlintrc.json",
        r#"{"extends": ["@commitlint/config-conventional"],
            "rules": {"header-max-length": [2, "always", 72]}}"#,
    );
    assert_eq!(types(&c), STANDARD_TYPES);
    assert!(
        c.types
            .as_ref()
            .unwrap()
            .origin
            .contains("from @commitlint/config-conventional"),
        "{:?}",
        c.types
    );
    assert_eq!(c.header_max.unwrap().value, 72);
    let case = c.subject_case.unwrap().value;
    assert!(case.never && case.cases.contains(&Case::Sentence));
    let angular = one(
        ".commitlintrc",
        "{\"extends\": \"@commitlint/config-angular\"}",
    );
    assert!(!types(&angular).contains(&"chore"));
    assert_eq!(angular.header_max.unwrap().value, 72);
}

#[test]
fn level_zero_turns_a_rule_off() {
    let c = one(
        ".commitlintrc.json",
        r#"{"extends": ["@commitlint/config-conventional"],
            "rules": {"type-enum": [0], "subject-case": [0, "never", []],
                      "header-max-length": [1, "always", 80]}}"#,
    );
    assert!(c.types.is_none());
    assert!(c.subject_case.is_none());
    assert_eq!(
        c.header_max.unwrap().value,
        80,
        "a warning level still counts"
    );
}

#[test]
fn package_json_only_with_its_commitlint_key() {
    let c = one(
        "package.json",
        r#"{"name": "x", "commitlint": {"rules": {"type-enum": [2, "always", ["feat"]]}}}"#,
    );
    assert_eq!(types(&c), ["feat"]);
    assert_eq!(c.source.as_deref(), Some(Path::new("package.json")));
    // Without the key, the next file commitlint would read is used.
    let (c, w) = load_files(&[
        ("package.json", r#"{"name": "x"}"#),
        (
            ".commitlintrc.yml",
            "rules:\n  type-enum: [2, always, [fix]]\n",
        ),
    ]);
    assert!(w.is_empty());
    assert_eq!(types(&c), ["fix"]);
}

#[test]
fn commitlint_yaml_block_and_flow() {
    let c = one(
        ".commitlintrc.yaml",
        "# rules for this repo\n\
         extends:\n  - '@commitlint/config-conventional'\n\
         rules:\n\
         \x20 type-enum:\n    - 2\n    - always\n    - - feat\n      - fix # comment\n      - \"docs\"\n\
         \x20 scope-enum: [2, 'always', [api, cli]]\n\
         \x20 subject-case:\n    - 2\n    - never\n    - [sentence-case, upper-case]\n\
         \x20 header-max-length: [2, always, 50]\n",
    );
    assert_eq!(types(&c), ["feat", "fix", "docs"]);
    assert_eq!(c.scopes.unwrap().value, ["api", "cli"]);
    assert_eq!(
        c.subject_case.unwrap().value.cases,
        [Case::Sentence, Case::Upper]
    );
    assert_eq!(c.header_max.unwrap().value, 50);
    // A sequence at the key's own indentation, as YAML allows.
    let c = one(
        ".commitlintrc.yml",
        "rules:\n  type-enum:\n  - 2\n  - always\n  -\n    - build\n    - feat\n",
    );
    assert_eq!(types(&c), ["build", "feat"]);
}

#[test]
fn commitlint_js_and_ts_are_read_as_text() {
    let js = r#"
// commitlint.config.js
const extra = ['wip'];
module.exports = {
  extends: ['@commitlint/config-conventional'],
  ignores: [(message) => /^WIP/.test(message)],
  rules: {
    /* types we use */
    'type-enum': [2, 'always', ['feat', 'fix', "docs", `chore`]],
    "header-max-length": [2, "always", 72,],
    'scope-case': [2, 'always', 'lower-case'],
    'subject-case': [RuleConfigSeverity.Disabled],
    'scope-enum': async (ctx) => [2, 'always', await scopes(ctx)],
  },
};
"#;
    let (c, warnings) = load_files(&[("commitlint.config.js", js)]);
    assert_eq!(types(&c), ["feat", "fix", "docs", "chore"]);
    assert_eq!(c.header_max.unwrap().value, 72);
    assert!(c.subject_case.is_none(), "disabled by the enum");
    assert!(c.scope_case.is_some());
    assert!(c.scopes.is_none());
    assert!(warnings.is_empty(), "{warnings:?}");
    let ts = r#"
import type { UserConfig } from '@commitlint/types';
import { RuleConfigSeverity } from '@commitlint/types';

const Configuration: UserConfig = {
  extends: ['@commitlint/config-conventional'],
  rules: {
    'type-enum': [RuleConfigSeverity.Error, 'always', ['feat', 'fix'] as const],
    'scope-enum': [RuleConfigSeverity.Warning, 'always', ['core', ...packages]],
  },
} satisfies UserConfig;

export default Configuration;
"#;
    let (c, warnings) = load_files(&[("commitlint.config.ts", ts)]);
    assert_eq!(types(&c), ["feat", "fix"]);
    assert!(c.scopes.is_none(), "a spread is not known here");
    assert!(
        warnings.is_empty(),
        "computed is not malformed: {warnings:?}"
    );
    // A preset only, from a `.mjs` file.
    let c = one(
        ".commitlintrc.mjs",
        "export default { extends: ['@commitlint/config-conventional'] };\n",
    );
    assert_eq!(types(&c), STANDARD_TYPES);
}

#[test]
fn malformed_files_are_ignored_with_a_warning() {
    for (name, text) in [
        (
            ".commitlintrc.json",
            "{\"rules\": {\"type-enum\": [2, \"always\"",
        ),
        (
            "commitlint.config.js",
            "module.exports = { rules: { 'type-enum': [2, 'always, ['x']] } }",
        ),
        (
            "commitlint.config.js",
            "module.exports = require('./shared');",
        ),
        (".commitlintrc.yaml", "\trules: {}"),
        (".commitlintrc.json", "[1, 2]"),
        ("cog.toml", "[commit_types\nx = 1"),
    ] {
        let (c, warnings) = load_files(&[(name, text)]);
        assert!(c.is_empty(), "{name}: {c:?}");
        assert_eq!(warnings.len(), 1, "{name}: {warnings:?}");
        assert!(
            warnings[0].starts_with(&format!("ignored `{name}`")),
            "{warnings:?}"
        );
    }
    // A file too large to be a configuration is not read at all.
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(2 * 1024 * 1024));
    let (_, warnings) = load_files(&[(".commitlintrc.json", &big)]);
    assert!(warnings[0].contains("larger than"), "{warnings:?}");
}

#[test]
fn cocogitto_adds_and_removes_types() {
    let c = one(
        "cog.toml",
        "tag_prefix = \"v\"\n[commit_types]\nhotfix = { changelog_title = \"Hotfixes\" }\nperf = {}\nchore = { changelog_title = \"Misc\", omit_from_changelog = true }\n",
    );
    let t = types(&c);
    assert!(t.contains(&"hotfix") && t.contains(&"chore") && t.contains(&"feat"));
    assert!(!t.contains(&"perf"));
    assert_eq!(
        c.types.unwrap().origin,
        "cocogitto's commit_types (cog.toml)"
    );
    assert!(one("cog.toml", "tag_prefix = \"v\"\n").is_empty());
}

#[test]
fn git_cliff_types_from_commit_parsers() {
    let cliff = r#"
[git]
conventional_commits = true
commit_parsers = [
  { message = "^feat", group = "Features" },
  { message = "^fix", group = "Bug Fixes" },
  { message = "^doc", group = "Documentation" },
  { message = "^chore\\(release\\)", skip = true },
  { message = "^chore|^ci", group = "Miscellaneous" },
  { body = ".*security", group = "Security" },
]
"#;
    // Issue 12: git-cliff's parsers only group, so they are a hint, never an allow-list.
    let c = one("cliff.toml", cliff);
    assert_eq!(hints(&c), ["feat", "fix", "docs", "chore", "ci"]);
    assert!(c.types.is_none() && c.is_empty() && !c.decides_form());
    // A catch-all takes every type; without conventional commits nothing is typed.
    let catch_all = cliff.replace("{ body = \".*security\"", "{ message = \".*\"");
    assert!(hints(&one("cliff.toml", &catch_all)).is_empty());
    let plain = cliff.replace(
        "conventional_commits = true",
        "conventional_commits = false",
    );
    assert!(hints(&one("cliff.toml", &plain)).is_empty());
    // A real workspace's parsers: `^[fF]ix` is `fix`, and `Buffer` is no type.
    let workspace = cliff
        .replace("\"^fix\"", "\"^[fF]ix\"")
        .replace("\"^chore|^ci\"", "\"^[cC]hore|^Buffer|^Frame\"");
    assert_eq!(
        hints(&one("cliff.toml", &workspace)),
        ["feat", "fix", "docs", "chore"]
    );
    // commitlint's types come first.
    let (c, _) = load_files(&[
        ("cliff.toml", cliff),
        (
            ".commitlintrc.json",
            r#"{"rules": {"type-enum": [2, "always", ["x"]]}}"#,
        ),
    ]);
    assert_eq!(types(&c), ["x"]);
}

#[test]
fn committed_toml_sets_types_only_in_its_conventional_style() {
    let c = one(
        "committed.toml",
        "style = \"conventional\"\nallowed_types = [\"feat\", \"fix\"]\nsubject_length = 60\n",
    );
    assert_eq!(types(&c), ["feat", "fix"]);
    assert_eq!(c.header_max.as_ref().map(|r| r.value), Some(60));
    assert!(c.decides_form());
    let c = one("committed.toml", "style = \"conventional\"\n");
    assert!(types(&c).contains(&"chore"));
    let c = one("committed.toml", "style = \"none\"\n");
    assert!(c.types.is_none() && !c.decides_form());
}

#[test]
fn a_required_scope_is_chosen_from_the_paths() {
    let rules = |scopes: &[&str]| {
        let mut c = Conventions::default()
            .with_explicit(None, Some(scopes.iter().map(|s| (*s).to_owned()).collect()));
        c.scope_required = Some(Rule {
            value: true,
            origin: "commitlint's scope-empty (x)".into(),
        });
        c
    };
    let c = rules(&["api", "cli", "docs"]);
    assert_eq!(c.required_scope(&["src/b.rs", "lib/a.rs"]), None);
    assert_eq!(
        c.missing_scope().unwrap(),
        "the repository requires a scope (commitlint's scope-empty (x)) and none of the \
         allowed scopes (api, cli, docs) matches the changed files; add one before committing"
    );
    // The most paths win; a file's stem counts; equals go to the first listed.
    let paths = ["src/cli/a.rs", "src/cli/b.rs", "src/api.rs"];
    assert_eq!(c.required_scope(&paths).as_deref(), Some("cli"));
    assert_eq!(c.required_scope(&["src/api.rs"]).as_deref(), Some("api"));
    assert_eq!(
        c.required_scope(&["docs/x.md", "src/api/y.rs"]).as_deref(),
        Some("api")
    );
    assert_eq!(
        rules(&["core"]).required_scope(&["a/b.rs"]).as_deref(),
        Some("core")
    );
    // Not required: nothing chosen, nothing to warn about.
    let mut free = rules(&["core"]);
    free.scope_required = None;
    assert_eq!(free.required_scope(&["a/b.rs"]), None);
    assert_eq!(free.missing_scope(), None);
}

#[test]
fn git_cliff_groups_keep_their_first_type() {
    let cliff = |patterns: &[&str]| {
        let parsers: Vec<String> = patterns
            .iter()
            .map(|p| format!("{{ message = {p:?}, group = \"G\" }}"))
            .collect();
        format!(
            "[git]\nconventional_commits = true\ncommit_parsers = [{}]\n",
            parsers.join(", ")
        )
    };
    let read = |patterns: &[&str]| {
        let c = one("cliff.toml", &cliff(patterns));
        hints(&c)
            .iter()
            .map(|t| (*t).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(read(&["^(feat|feature)"]), ["feat", "feature"]);
    assert_eq!(read(&["^(?:fix|bug)"]), ["fix", "bug"]);
    assert_eq!(read(&["^feat"]), ["feat"]);
    assert_eq!(read(&["(?i)^(?i:perf)", "^((docs))"]), ["perf", "docs"]);
    // A group around a catch-all still takes every type.
    assert!(read(&["^(feat)", "^(.*)"]).is_empty());
}

#[test]
fn explicit_types_win_and_an_empty_list_lifts_the_rule() {
    let c = one(
        ".commitlintrc.json",
        r#"{"rules": {"type-enum": [2, "always", ["feat"]], "scope-enum": [2, "always", ["a"]]}}"#,
    );
    let c = c.with_explicit(Some(vec!["feature".into()]), Some(Vec::new()));
    assert_eq!(types(&c), ["feature"]);
    assert_eq!(c.types.unwrap().origin, "`message.types`");
    assert!(c.scopes.is_none());
}

#[test]
fn cases_follow_commitlint() {
    let never = CaseRule {
        never: true,
        cases: vec![Case::Sentence, Case::Start, Case::Pascal, Case::Upper],
    };
    assert!(never.allows("add a flag"));
    assert!(never.allows("add API docs"));
    assert!(!never.allows("Add a flag"));
    assert!(!never.allows("ADD A FLAG"));
    assert!(never.allows("`Foo` is gone"), "quoted text is ignored");
    assert!(never.allows("2 fixes"));
    assert_eq!(never.fix("Add a flag"), "add a flag");
    let lower = CaseRule {
        never: false,
        cases: vec![Case::Lower],
    };
    assert!(!lower.allows("add API docs"));
    assert_eq!(lower.fix("Add API docs"), "add api docs");
    assert!(Case::Kebab.matches("compiler-sfc"));
    assert!(!Case::Kebab.matches("compilerSfc"));
    assert!(Case::Camel.matches("compilerSfc"));
    assert!(Case::Pascal.matches("CompilerSfc"));
    assert!(Case::Start.matches("Add A Flag"));
    assert!(Case::Snake.matches("compiler_sfc"));
    assert_eq!(
        never.describe(),
        "not in sentence case, start case, pascal case or upper case"
    );
}

#[test]
fn headers_are_checked_against_the_rules() {
    let c = one(
        ".commitlintrc.json",
        r#"{"extends": ["@commitlint/config-conventional"],
            "rules": {"scope-enum": [2, "always", ["api", "cli"]], "type-enum": [2, "always", ["feat", "fix"]]}}"#,
    );
    let check = |line: &str| c.problem(&Header::parse(line).unwrap());
    assert_eq!(check("feat(api): add x"), None);
    assert_eq!(check("fix: y"), None);
    assert_eq!(check("feat(api,cli): add x"), None);
    assert_eq!(
        check("feature(api): add x").unwrap(),
        "the message's type \"feature\" is not in commitlint's type-enum (.commitlintrc.json); \
         allowed: feat, fix"
    );
    assert!(check("feat(web): x").unwrap().contains("scope \"web\""));
    assert!(
        check("fix: Add x")
            .unwrap()
            .contains("start it with a lower-case letter")
    );
    assert_eq!(c.conform("fix(api): Add x"), "fix(api): add x");
}

#[test]
fn types_and_scopes_are_fitted_to_the_repository() {
    let c = Conventions::default().with_explicit(
        Some(
            ["feature", "bugfix", "misc", "build"]
                .map(String::from)
                .to_vec(),
        ),
        Some(["parser", "cli"].map(String::from).to_vec()),
    );
    assert_eq!(c.spelling("feat").as_deref(), Some("feature"));
    assert_eq!(c.spelling("fix").as_deref(), Some("bugfix"));
    assert_eq!(c.spelling("chore").as_deref(), Some("misc"));
    assert_eq!(c.spelling("docs"), None);
    assert_eq!(c.fallback_type().as_deref(), Some("misc"));
    assert_eq!(
        Conventions::default().spelling("docs").as_deref(),
        Some("docs")
    );
    assert_eq!(
        c.fit_scope(Some("Parser".into()), &[]).as_deref(),
        Some("parser")
    );
    assert_eq!(
        c.fit_scope(Some("lexer".into()), &["src/cli/a.rs", "tests/cli.rs"])
            .as_deref(),
        Some("cli")
    );
    assert_eq!(c.fit_scope(Some("lexer".into()), &["src/lexer/a.rs"]), None);
}

#[test]
fn header_parse() {
    let h = Header::parse("feat(api)!: drop v1").unwrap();
    assert_eq!(
        (h.kind, h.scope, h.breaking, h.summary),
        ("feat", Some("api"), true, "drop v1")
    );
    assert!(Header::parse("Add a flag").is_none());
    assert!(Header::parse("feat(a(b)): x").is_none());
    assert_eq!(Header::render("fix", None, false, "y"), "fix: y");
}

#[test]
fn garbage_never_hangs_nor_panics() {
    let pieces = [
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        ",",
        ":",
        "'",
        "\"",
        "`",
        "rules",
        "extends",
        "-",
        "- ",
        "\n",
        "  ",
        "2",
        "always",
        "...",
        "/*",
        "*/",
        "//",
        "#",
        "type-enum",
        "${",
        "é",
        "\t",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(state % 40) {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
        }
        let _ = script::read(&text);
        let _ = yaml::read(&text);
        let _ = cliff_types(&text);
        let _ = cog_types(&text);
    }
    for text in [
        "rules: [1, )]",
        "rules: {a: ]}",
        "rules: ((((",
        "rules:",
        "[[[[[[[[",
    ] {
        let _ = script::read(text);
        let _ = yaml::read(text);
    }
    let deep = format!("rules: {}", "[".repeat(100_000));
    assert!(script::read(&deep).is_ok());
    let deep_yaml = (0..2000)
        .map(|i| format!("{}- a\n", " ".repeat(i)))
        .collect::<String>();
    let _ = yaml::read(&deep_yaml);
}
