//! Edits one configuration file in place for `git herald config set|unset`: the value is
//! parsed to the key's type, the edited file must still load, and comments and layout are
//! kept (`toml_edit`). Nothing is written when any check fails.

use crate::config::{self, ConfigError, KeyKind};
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Table, Value};

/// Why a file could not be edited. The file is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("unknown configuration key `{key}`")]
    UnknownKey { key: String, close: Vec<String> },
    #[error(
        "invalid value {}for `{key}`: expected {expected}",
        .value.as_ref().map(|v| format!("`{v}` ")).unwrap_or_default()
    )]
    BadValue {
        key: String,
        /// The value as typed; `None` for a secret key, whose value is never printed.
        value: Option<String>,
        expected: &'static str,
    },
    #[error("`{key}` cannot be set in the repository's config file `{}`", .path.display())]
    Untrusted { key: String, path: PathBuf },
    #[error("failed to parse config file `{}`", .path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: Box<config::TomlSyntax>,
    },
    #[error("`{key}` in `{}` is not a table", .path.display())]
    NotTable { key: String, path: PathBuf },
    #[error("the change would make the configuration invalid; `{}` is unchanged", .path.display())]
    Invalid {
        path: PathBuf,
        #[source]
        source: ConfigError,
    },
    #[error("this platform has no configuration directory for the user config")]
    NoUserFile,
    #[error("failed to write config file `{}`", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl EditError {
    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            EditError::UnknownKey { close, .. } if !close.is_empty() => Some(format!(
                "did you mean {}? `git herald config show` lists every key",
                close
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
            EditError::UnknownKey { .. } => Some("`git herald config show` lists every key".into()),
            EditError::BadValue { .. } => Some(
                "write the value in TOML syntax: `true`, `72`, `0.5`, `\"text\"` (a bare word is \
                 text), `[\"a\", \"b\"]`"
                    .into(),
            ),
            EditError::Untrusted { .. } => Some(format!(
                "a cloned repository is untrusted: it may set style ({}) but not providers, \
                 endpoints or keys; set it in your user config (without `--repo`)",
                super::keys::repo_tables()
            )),
            EditError::Parse { .. } | EditError::NotTable { .. } => {
                Some("fix the file by hand first; `git herald doctor` shows where".into())
            }
            // The parse error is about the edited text, not the file on disk.
            EditError::Invalid {
                source: ConfigError::Parse { .. },
                ..
            } => {
                Some("the key does not take this value; the cause above says what it takes".into())
            }
            EditError::Invalid { source, .. } => source.hint(),
            EditError::NoUserFile => {
                Some("set `GIT_HERALD_CONFIG` to the path of the file to use".into())
            }
            EditError::Write { .. } => None,
        }
    }
}

/// Which file an edit goes to.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    pub path: PathBuf,
    /// The repository's own file (the trust rule applies), with the top of its work tree.
    pub repo: Option<&'a Path>,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// `unset` of a key the file does not set: nothing to do.
    Absent,
}

/// Returns known keys within a small edit distance of `key`, closest first.
pub fn close_keys(key: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = config::KEYS
        .iter()
        .map(|(k, _)| (distance(key, k), *k))
        .filter(|(d, k)| *d <= 3.max(key.len() / 4) || k.ends_with(&format!(".{key}")))
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, k)| k.to_owned())
        .collect()
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Returns the TOML path of a known key and its type, or an error naming close matches.
pub fn lookup(key: &str) -> Result<(Vec<String>, KeyKind), EditError> {
    config::key_path(key).ok_or_else(|| EditError::UnknownKey {
        key: key.to_owned(),
        close: close_keys(key),
    })
}

/// Parses `text` as a value of `kind`: TOML syntax, or a bare word taken as text.
pub fn parse_value(key: &str, kind: KeyKind, text: &str) -> Result<Value, EditError> {
    let bad = |expected| EditError::BadValue {
        key: key.to_owned(),
        value: (!config::is_secret(key)).then(|| text.to_owned()),
        expected,
    };
    let parsed = text.trim().parse::<Value>().ok();
    let mut value = match (kind, parsed) {
        (KeyKind::Bool, Some(v @ Value::Boolean(_))) => v,
        (KeyKind::Bool, _) => return Err(bad("`true` or `false`")),
        (KeyKind::Integer, Some(Value::Integer(n))) if *n.value() >= 0 => Value::Integer(n),
        (KeyKind::Integer, _) => return Err(bad("a whole number")),
        (KeyKind::Number, Some(v @ (Value::Integer(_) | Value::Float(_)))) => v,
        (KeyKind::Number, _) => return Err(bad("a number")),
        (KeyKind::String, Some(v @ Value::String(_))) => v,
        (KeyKind::String, Some(Value::Array(_) | Value::InlineTable(_))) => {
            return Err(bad("text"));
        }
        // A bare word, number or date is the text as typed (`message.language de`).
        (KeyKind::String, _) => Value::from(text),
        (KeyKind::Strings, Some(Value::Array(items))) => {
            if !items.iter().all(|i| i.is_str()) {
                return Err(bad("a list of text, such as `[\"a\", \"b\"]`"));
            }
            Value::Array(items)
        }
        (KeyKind::Strings, Some(Value::String(s))) => {
            Value::Array(std::iter::once(s.into_value()).collect())
        }
        (KeyKind::Strings, Some(_)) => return Err(bad("a list of text, such as `[\"a\", \"b\"]`")),
        (KeyKind::Strings, None) => Value::Array(std::iter::once(text).collect()),
        (KeyKind::BoolOrString, Some(v @ (Value::Boolean(_) | Value::String(_)))) => v,
        (KeyKind::BoolOrString, None) => Value::from(text),
        (KeyKind::BoolOrString, _) => return Err(bad("`true`, `false` or a word")),
        (KeyKind::Toml, Some(v @ (Value::Array(_) | Value::InlineTable(_)))) => v,
        (KeyKind::Toml, _) => return Err(bad("a TOML array of tables")),
    };
    value.decor_mut().clear();
    Ok(value)
}

fn read(path: &Path) -> Result<String, EditError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(EditError::Write {
            path: path.to_owned(),
            source,
        }),
    }
}

fn parse(path: &Path, text: &str) -> Result<DocumentMut, EditError> {
    text.parse::<DocumentMut>()
        .map_err(|source| EditError::Parse {
            path: path.to_owned(),
            source: Box::new(config::TomlSyntax::new(
                text,
                source.span(),
                source.message(),
            )),
        })
}

/// Walks to the table that holds the key's last part, creating tables on the way when
/// `create`.
fn parent<'d>(
    doc: &'d mut DocumentMut,
    parts: &[String],
    create: bool,
    path: &Path,
) -> Result<Option<&'d mut dyn toml_edit::TableLike>, EditError> {
    let mut table: &mut dyn toml_edit::TableLike = doc.as_table_mut();
    for (depth, part) in parts[..parts.len() - 1].iter().enumerate() {
        if table.get(part).is_none() {
            if !create {
                return Ok(None);
            }
            let mut new = Table::new();
            // `[models."x"]` without an empty `[models]` above it.
            new.set_implicit(depth + 2 < parts.len());
            table.insert(part, Item::Table(new));
        }
        let item = table.get_mut(part).expect("inserted above when missing");
        table = item
            .as_table_like_mut()
            .ok_or_else(|| EditError::NotTable {
                key: parts[..=depth].join("."),
                path: path.to_owned(),
            })?;
    }
    Ok(Some(table))
}

/// Removes the tables along `tables` (innermost first) that an unset left empty, stopping at
/// the first that still holds a key or carries a comment of its own (`# team rules` above
/// `[message]` stays, and so does its table).
fn prune(doc: &mut DocumentMut, tables: &[String]) {
    for depth in (1..=tables.len()).rev() {
        let (name, above) = tables[..depth].split_last().expect("depth is at least 1");
        let mut table: &mut dyn toml_edit::TableLike = doc.as_table_mut();
        for part in above {
            match table.get_mut(part).and_then(Item::as_table_like_mut) {
                Some(inner) => table = inner,
                None => return,
            }
        }
        let commented = |decor: &toml_edit::Decor| {
            [decor.prefix(), decor.suffix()]
                .into_iter()
                .flatten()
                .any(|raw| raw.as_str().is_some_and(|text| text.contains('#')))
        };
        let empty = match table.get(name) {
            Some(Item::Table(t)) => t.is_empty() && !commented(t.decor()),
            Some(Item::Value(Value::InlineTable(t))) => t.is_empty() && !commented(t.decor()),
            _ => false,
        };
        if !empty {
            return;
        }
        table.remove(name);
    }
}

/// Checks the edited text as a file on its own (it parses, its values are valid, the trust
/// rule for the repository's file), then writes it over the file (atomically, keeping its
/// permissions; `0600` when it holds a key). The environment and the other files are not
/// consulted: a bad `GIT_HERALD_*` variable must not block fixing a file.
fn commit(target: &Target<'_>, key: &str, text: &str) -> Result<(), EditError> {
    config::check_file(&target.path, text, target.repo.is_some()).map_err(|source| {
        EditError::Invalid {
            path: target.path.clone(),
            source,
        }
    })?;
    write(&target.path, text, config::is_secret(key))
}

/// Returns the file a link at `path` points to (through every link), so an edit replaces that
/// file and keeps the link (a config kept in a dotfiles repository); `path` itself otherwise.
fn resolve_link(path: &Path) -> PathBuf {
    let mut path = path.to_owned();
    // A bound, not a count anyone reaches: a loop of links ends here.
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(target) => {
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Err(_) => break,
        }
    }
    path
}

fn write(path: &Path, text: &str, private: bool) -> Result<(), EditError> {
    let fail = |source| EditError::Write {
        path: path.to_owned(),
        source,
    };
    let path = &resolve_link(path);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let tmp = path.with_extension("toml.herald-tmp");
    // A text file ends with a line end, also when the edit made the file from nothing.
    let text = if text.is_empty() || text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    };
    std::fs::write(&tmp, text).map_err(fail)?;
    let kept = std::fs::metadata(path).map(|m| m.permissions());
    let result = (|| {
        if let Ok(permissions) = kept {
            std::fs::set_permissions(&tmp, permissions)?;
        }
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
        }
        #[cfg(not(unix))]
        let _ = private;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// Sets `key` to `value` (as typed on the command line) in the target file, creating it and its
/// directory when missing.
pub fn set(target: &Target<'_>, key: &str, value: &str) -> Result<Outcome, EditError> {
    let (parts, kind) = lookup(key)?;
    if target.repo.is_some() && !config::repo_may_set(key) {
        return Err(EditError::Untrusted {
            key: key.to_owned(),
            path: target.path.clone(),
        });
    }
    let mut value = parse_value(key, kind, value)?;
    let text = read(&target.path)?;
    let mut doc = parse(&target.path, &text)?;
    let table = parent(&mut doc, &parts, true, &target.path)?.expect("created when missing");
    let last = parts.last().expect("a key has one part or more");
    match table.get_mut(last) {
        // Replaced in place, so the comments above the key (its decor) and after the old
        // value stay where they were.
        Some(item) => {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            table.insert(last, Item::Value(value));
        }
    }
    commit(target, key, &doc.to_string())?;
    Ok(Outcome::Written)
}

/// Removes `key` from the target file.
pub fn unset(target: &Target<'_>, key: &str) -> Result<Outcome, EditError> {
    let (parts, _) = lookup(key)?;
    let text = read(&target.path)?;
    let mut doc = parse(&target.path, &text)?;
    let last = parts.last().expect("a key has one part or more");
    let removed = match parent(&mut doc, &parts, false, &target.path)? {
        Some(table) => table.remove(last).is_some(),
        None => false,
    };
    if !removed {
        return Ok(Outcome::Absent);
    }
    prune(&mut doc, &parts[..parts.len() - 1]);
    let text = doc.to_string();
    // A repository's file left with nothing in it goes: an empty `.git-herald.toml` would
    // only be one more file to commit.
    if target.repo.is_some() && text.trim().is_empty() {
        std::fs::remove_file(&target.path).map_err(|source| EditError::Write {
            path: target.path.clone(),
            source,
        })?;
        return Ok(Outcome::Written);
    }
    commit(target, key, &text)?;
    Ok(Outcome::Written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_parsed_to_the_key_type() {
        let shown = |kind, text: &str| parse_value("k", kind, text).map(|v| v.to_string());
        assert_eq!(shown(KeyKind::Bool, "false").unwrap(), "false");
        assert!(shown(KeyKind::Bool, "nope").is_err());
        assert_eq!(shown(KeyKind::Integer, "60").unwrap(), "60");
        assert!(shown(KeyKind::Integer, "-1").is_err());
        assert!(shown(KeyKind::Integer, "six").is_err());
        assert_eq!(shown(KeyKind::Number, "2").unwrap(), "2");
        assert_eq!(shown(KeyKind::Number, "0.5").unwrap(), "0.5");
        assert_eq!(shown(KeyKind::String, "de").unwrap(), "\"de\"");
        assert_eq!(shown(KeyKind::String, "\"zh-CN\"").unwrap(), "\"zh-CN\"");
        assert_eq!(shown(KeyKind::String, "4").unwrap(), "\"4\"");
        assert_eq!(
            shown(KeyKind::Strings, "[\"*.lock\", \"dist/\"]").unwrap(),
            "[\"*.lock\", \"dist/\"]"
        );
        assert_eq!(shown(KeyKind::Strings, "vendor/").unwrap(), "[\"vendor/\"]");
        assert!(shown(KeyKind::Strings, "[1, 2]").is_err());
    }

    #[test]
    fn close_keys_catch_typos_and_missing_tables() {
        assert_eq!(close_keys("message.max-subjet")[0], "message.max-subject");
        assert_eq!(close_keys("max-subject")[0], "message.max-subject");
        assert!(close_keys("zzzzzzzzzzzzzzzzzzzzzz").is_empty());
    }
}
