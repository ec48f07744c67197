//! Reading the repository's rule files as text: commitlint (JSON, YAML, JS/TS by a tolerant
//! extractor, package.json), cocogitto's `cog.toml`, `committed.toml` and git-cliff's
//! `cliff.toml` (a hint only), each capped in size; a file that cannot be read becomes one
//! warning, never an error.

use super::*;

/// Reads the allowed types from one tool's file: `Ok(None)` when it sets none.
pub(super) type TypesReader = fn(&str) -> Result<Option<Vec<String>>, String>;

/// Largest convention file read; a larger one is skipped with a warning.
pub(super) const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// commitlint's configuration files, in the order commitlint looks for them.
pub(super) const COMMITLINT_FILES: &[&str] = &[
    "package.json",
    ".commitlintrc",
    ".commitlintrc.json",
    ".commitlintrc.yaml",
    ".commitlintrc.yml",
    ".commitlintrc.js",
    ".commitlintrc.cjs",
    ".commitlintrc.mjs",
    ".commitlintrc.ts",
    ".commitlintrc.cts",
    "commitlint.config.js",
    "commitlint.config.cjs",
    "commitlint.config.mjs",
    "commitlint.config.ts",
    "commitlint.config.cts",
];

/// Reads a file at the top of the work tree: `None` when it is not there; an error in words
/// (never the file's content) when it cannot be read.
pub(super) fn read(top: &Path, name: &str) -> Option<Result<String, String>> {
    let path = top.join(name);
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() {
        return None;
    }
    if meta.len() > MAX_FILE_BYTES {
        return Some(Err(format!(
            "it is larger than {} KiB",
            MAX_FILE_BYTES / 1024
        )));
    }
    Some(std::fs::read_to_string(&path).map_err(|e| e.to_string()))
}

pub(super) fn ignored(name: &str, why: &str) -> String {
    format!("ignored `{name}` ({why}); its commit rules are not applied")
}

/// Reads the repository's conventions from the top of its work tree: commitlint's file
/// (the first that commitlint itself would use), then cocogitto's `cog.toml` and git-cliff's
/// `cliff.toml` for the types when commitlint sets none. Returns the warnings for files that
/// could not be read; they never stop anything.
pub fn load(top: &Path) -> (Conventions, Vec<String>) {
    let mut warnings = Vec::new();
    let mut found = Conventions::default();
    for name in COMMITLINT_FILES {
        let Some(text) = read(top, name) else {
            continue;
        };
        let parsed = text.and_then(|text| commitlint_value(name, &text));
        match parsed {
            // package.json without a "commitlint" key is not commitlint's.
            Ok(None) => continue,
            Ok(Some(value)) => {
                found = from_commitlint(&value, name);
                found.source = Some(PathBuf::from(name));
            }
            Err(why) => warnings.push(ignored(name, &why)),
        }
        break;
    }
    if found.types.is_none() {
        let others: [(&str, TypesReader, &str); 3] = [
            ("cog.toml", cog_types, "cocogitto's commit_types"),
            (
                "committed.toml",
                committed_types,
                "committed's allowed_types",
            ),
            (
                ".committed.toml",
                committed_types,
                "committed's allowed_types",
            ),
        ];
        for (name, parse, what) in others {
            let Some(text) = read(top, name) else {
                continue;
            };
            match text.and_then(|t| parse(&t)) {
                Ok(Some(types)) => {
                    found.types = Some(Rule {
                        value: types,
                        origin: format!("{what} ({name})"),
                    });
                    found.source.get_or_insert_with(|| PathBuf::from(name));
                    break;
                }
                Ok(None) => {}
                Err(why) => warnings.push(ignored(name, &why)),
            }
        }
    }
    // committed's subject length is the header's.
    if found.header_max.is_none()
        && let Some((name, Ok(text))) = ["committed.toml", ".committed.toml"]
            .iter()
            .find_map(|name| read(top, name).map(|t| (*name, t)))
        && let Some(max) = committed_subject_length(&text)
    {
        found.header_max = Some(Rule {
            value: max,
            origin: format!("committed's subject_length ({name})"),
        });
    }
    if let Some(text) = read(top, "cliff.toml") {
        match text.and_then(|t| cliff_types(&t)) {
            Ok(Some(types)) => {
                found.type_hints = Some(Rule {
                    value: types,
                    origin: "git-cliff's commit_parsers (cliff.toml)".into(),
                });
            }
            Ok(None) => {}
            Err(why) => warnings.push(ignored("cliff.toml", &why)),
        }
    }
    (found, warnings)
}

/// Turns a commitlint file's text into its configuration object; `Ok(None)` for a
/// `package.json` without a `"commitlint"` key.
pub(super) fn commitlint_value(name: &str, text: &str) -> Result<Option<Value>, String> {
    let json = |text: &str| {
        serde_json::from_str::<Value>(text)
            .map_err(|e| format!("invalid JSON at line {} column {}", e.line(), e.column()))
    };
    let value = if name == "package.json" {
        return Ok(json(text)?.get("commitlint").cloned());
    } else if name.ends_with(".json") {
        json(text)?
    } else if name.ends_with(".yaml") || name.ends_with(".yml") {
        yaml::read(text)?
    } else if name == ".commitlintrc" {
        json(text).or_else(|_| yaml::read(text))?
    } else {
        script::read(text)?
    };
    if value.is_object() {
        Ok(Some(value))
    } else {
        Err("it holds no configuration object".into())
    }
}

pub(super) fn strings(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

/// The rules of commitlint's shared configurations that matter here.
pub(super) fn preset(name: &str) -> Option<Value> {
    let never_cases = serde_json::json!([
        2,
        "never",
        ["sentence-case", "start-case", "pascal-case", "upper-case"]
    ]);
    if name.ends_with("config-conventional") || name == "conventional" {
        return Some(serde_json::json!({
            "type-enum": [2, "always", STANDARD_TYPES],
            "header-max-length": [2, "always", 100],
            "subject-case": never_cases,
        }));
    }
    if name.ends_with("config-angular") || name == "angular" {
        return Some(serde_json::json!({
            "type-enum": [2, "always", ["build", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test"]],
            "header-max-length": [2, "always", 72],
            "scope-case": [2, "always", "lower-case"],
            "subject-case": never_cases,
        }));
    }
    None
}

/// Reads the rules from a commitlint configuration object: the presets it extends, then its
/// own `rules` over them. A rule at level 0 is off; levels 1 (warn) and 2 (error) are both
/// followed. A rule whose value is computed is left out quietly: the file is fine, only its
/// value is not known without running it, and a warning on every commit would be noise.
pub(super) fn from_commitlint(config: &Value, file: &str) -> Conventions {
    let mut rules: Map<String, Value> = Map::new();
    let mut origins: std::collections::HashMap<String, String> = Default::default();
    let extends = config.get("extends").and_then(strings).unwrap_or_default();
    for name in &extends {
        if let Some(Value::Object(preset)) = preset(name) {
            for (key, value) in preset {
                origins.insert(key.clone(), format!("{file}, from {name}"));
                rules.insert(key, value);
            }
        }
    }
    if let Some(Value::Object(own)) = config.get("rules") {
        for (key, value) in own {
            origins.insert(key.clone(), file.to_owned());
            rules.insert(key.clone(), value.clone());
        }
    }
    let mut out = Conventions::default();
    for (key, value) in &rules {
        let origin = format!(
            "commitlint's {key} ({})",
            origins.get(key).map_or(file, String::as_str)
        );
        let Some(items) = value.as_array() else {
            continue;
        };
        let level = items.first().and_then(Value::as_f64).unwrap_or(0.0);
        if level < 1.0 {
            continue;
        }
        let never = items.get(1).and_then(Value::as_str) == Some("never");
        let arg = items.get(2);
        match key.as_str() {
            "type-enum" | "scope-enum" if !never => {
                // A computed value (a variable, a spread, a function) is not known here.
                let Some(names) = arg.and_then(strings) else {
                    continue;
                };
                // An empty enum allows anything in commitlint.
                let rule = (!names.is_empty()).then_some(Rule {
                    value: names,
                    origin,
                });
                if key == "type-enum" {
                    out.types = rule;
                } else {
                    out.scopes = rule;
                }
            }
            "scope-empty" => {
                out.scope_required = Some(Rule {
                    value: never,
                    origin,
                });
            }
            "scope-case" | "subject-case" => {
                let arg = arg.map(|a| a.get("cases").unwrap_or(a));
                // A computed value (a variable, a spread, a function) is not known here.
                let Some(names) = arg.and_then(strings) else {
                    continue;
                };
                let cases: Vec<Case> = names.iter().filter_map(|n| Case::from_name(n)).collect();
                let rule = (!cases.is_empty()).then_some(Rule {
                    value: CaseRule { never, cases },
                    origin,
                });
                if key == "scope-case" {
                    out.scope_case = rule;
                } else {
                    out.subject_case = rule;
                }
            }
            "header-max-length" if !never => match arg.and_then(Value::as_u64) {
                Some(max) if max > 0 => {
                    out.header_max = Some(Rule {
                        value: usize::try_from(max).unwrap_or(usize::MAX),
                        origin,
                    });
                }
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// Reads the allowed types from cocogitto's `cog.toml`: its defaults, plus each type under
/// `[commit_types]`, minus each set to an empty table (`perf = {}`).
pub(super) fn cog_types(text: &str) -> Result<Option<Vec<String>>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let Some(custom) = table.get("commit_types").and_then(toml::Value::as_table) else {
        return Ok(None);
    };
    let mut types: Vec<String> = STANDARD_TYPES.iter().map(|t| (*t).to_owned()).collect();
    for (name, value) in custom {
        let empty = value.as_table().is_some_and(toml::Table::is_empty);
        if empty {
            types.retain(|t| t != name);
        } else if !types.contains(name) {
            types.push(name.clone());
        }
    }
    Ok(Some(types))
}

pub(super) fn toml_error(e: &toml::de::Error) -> String {
    // The message quotes the offending line; say only where it is.
    match e.span() {
        Some(span) => format!("invalid TOML at byte {}", span.start),
        None => "invalid TOML".into(),
    }
}

/// Reads committed's (crate-ci/committed) `allowed_types` when its `style` is
/// `"conventional"`; its default list when none is set. `None` for the other styles.
pub(super) fn committed_types(text: &str) -> Result<Option<Vec<String>>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    if table.get("style").and_then(toml::Value::as_str) != Some("conventional") {
        return Ok(None);
    }
    let types = match table.get("allowed_types").and_then(toml::Value::as_array) {
        Some(list) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        None => [
            "chore", "build", "ci", "docs", "feat", "fix", "perf", "refactor", "style", "test",
        ]
        .map(str::to_owned)
        .to_vec(),
    };
    Ok((!types.is_empty()).then_some(types))
}

/// Reads committed's `subject_length`, when set.
pub(super) fn committed_subject_length(text: &str) -> Option<usize> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let n = table.get("subject_length")?.as_integer()?;
    usize::try_from(n).ok().filter(|n| *n > 0)
}

/// Reads the types git-cliff groups from `cliff.toml`: the leading word of each `message`
/// pattern under `[git] commit_parsers` (`^feat` → `feat`) that is not skipped. Only with
/// `conventional_commits = true`; `None` when a catch-all pattern takes any type.
pub(super) fn cliff_types(text: &str) -> Result<Option<Vec<String>>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let Some(git) = table.get("git").and_then(toml::Value::as_table) else {
        return Ok(None);
    };
    if git
        .get("conventional_commits")
        .and_then(toml::Value::as_bool)
        != Some(true)
    {
        return Ok(None);
    }
    let Some(parsers) = git.get("commit_parsers").and_then(toml::Value::as_array) else {
        return Ok(None);
    };
    let mut types: Vec<String> = Vec::new();
    for parser in parsers {
        let Some(pattern) = parser.get("message").and_then(toml::Value::as_str) else {
            continue;
        };
        if parser.get("skip").and_then(toml::Value::as_bool) == Some(true) {
            continue;
        }
        for alternative in pattern.split('|') {
            // `^(feat|feature)` splits into `^(feat` and `feature)`: peel anchors, flags and
            // group openings off the front (the word ends at the first other character).
            let mut alt = alternative.trim();
            while let Some(rest) = ["(?i)", "^", "(?:", "(?i:", "("]
                .iter()
                .find_map(|prefix| alt.strip_prefix(prefix))
            {
                alt = rest;
            }
            // `^[fF]ix`: a class of one letter in either case is that letter.
            let cased;
            if let Some(rest) = alt.strip_prefix('[')
                && let Some((class, tail)) = rest.split_once(']')
                && let [a, b] = class.chars().collect::<Vec<_>>()[..]
                && a.eq_ignore_ascii_case(&b)
            {
                cased = format!("{}{tail}", a.to_ascii_lowercase());
                alt = &cased;
            }
            let word: String = alt
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if word.is_empty() {
                if alt.is_empty() || alt.starts_with('.') {
                    // `.*`: every commit is grouped, whatever its type.
                    return Ok(None);
                }
                continue;
            }
            // `^doc` matches `docs` too: use the standard spelling it stands for.
            let word = if STANDARD_TYPES.contains(&word.as_str()) {
                word
            } else {
                STANDARD_TYPES
                    .iter()
                    .find(|t| t.starts_with(&word))
                    .map_or(word, |t| (*t).to_owned())
            };
            // `Buffer`, `Frame`: a parser may group by any word; only types are hints.
            if canonical(&word).is_some() && !types.contains(&word) {
                types.push(word);
            }
        }
    }
    Ok((!types.is_empty()).then_some(types))
}
