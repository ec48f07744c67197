//! What the one table of keys (in `file`) says about each key: its type for `config set`, its
//! shape, who may set it, its variable; and the trust rule that follows: a repository's own
//! `.git-herald.toml` may set style only, never where data goes.

use super::file::{FIELDS, FileConfig, KEYS, MODEL_KEYS, line_of, value_at};
use super::{ConfigError, mask_url};
use std::path::{Component, Path};

/// The type of a key's value, for `config set`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Bool,
    /// A whole number, zero or more.
    Integer,
    /// Any number (seconds, prices, margins).
    Number,
    String,
    /// A list of strings.
    Strings,
    /// `true`, `false` or a word (`message.gitmoji = "shortcode"`).
    BoolOrString,
    /// A TOML value of its own shape (an array of tables).
    Toml,
}

/// What a key's value is, beyond its TOML type: how its variable is read, whether and how it
/// is shown, which checks it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Free text.
    Text,
    /// One word of a fixed set (`provider`, `redact.policy`).
    Choice,
    /// A file or directory.
    Path,
    /// A URL; credentials in it are masked when shown.
    Url,
    /// A credential: never shown.
    Secret,
    /// A program and its arguments that prints a credential (it may carry one inline): never
    /// shown.
    Command,
    /// A list of text.
    Texts,
    Bool,
    /// A whole number, zero or more.
    Count,
    /// Any number.
    Number,
    /// A number of seconds: finite, from 0 to an hour, else the file is an error.
    Seconds,
    /// `true`, `false` or a word.
    BoolOrWord,
    /// A TOML value of its own shape (an array of tables).
    Toml,
}

impl Shape {
    /// Returns the type `config set` parses a value of this shape to.
    pub(super) const fn kind(self) -> KeyKind {
        match self {
            Shape::Text | Shape::Choice | Shape::Path | Shape::Url | Shape::Secret => {
                KeyKind::String
            }
            Shape::Texts | Shape::Command => KeyKind::Strings,
            Shape::Bool => KeyKind::Bool,
            Shape::Count => KeyKind::Integer,
            Shape::Number | Shape::Seconds => KeyKind::Number,
            Shape::BoolOrWord => KeyKind::BoolOrString,
            Shape::Toml => KeyKind::Toml,
        }
    }

    /// Tells whether a value of this shape is never printed.
    pub(super) fn is_secret(self) -> bool {
        matches!(self, Shape::Secret | Shape::Command)
    }

    /// Returns what `config show` prints for a value from a file (as TOML).
    pub(super) fn show(self, value: &toml::Value) -> String {
        match (self, value) {
            // The command may carry the key inline (`["echo", "sk-…"]`): masked too.
            (Shape::Secret | Shape::Command, _) => "\"****\"".to_owned(),
            // A proxy or relay URL may carry credentials (`http://user:pw@host`).
            (Shape::Url, toml::Value::String(url)) => {
                toml::Value::String(mask_url(url)).to_string()
            }
            _ => value.to_string(),
        }
    }

    /// Returns what `config show` prints for a value from a variable (as it was written).
    pub(super) fn show_raw(self, value: &str) -> String {
        match self {
            Shape::Secret | Shape::Command => "****".to_owned(),
            Shape::Url => mask_url(value),
            _ => value.to_owned(),
        }
    }
}

/// Who may set a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trust {
    /// Style: any file, the repository's own included.
    Repo,
    /// Where data goes, and exemptions from redaction: the user's file, the env and flags only.
    User,
}

/// One key of the file, as the table in `file` declares it.
#[derive(Debug)]
pub(super) struct Field {
    /// Dotted (`network.deadline`).
    pub(super) key: &'static str,
    pub(super) shape: Shape,
    pub(super) trust: Trust,
    /// Its `GIT_HERALD_*` variable, if it has one.
    pub(super) env: Option<&'static str>,
}

/// A higher layer's value replaces a lower one's.
pub(super) fn replace<T>(into: &mut Option<T>, from: Option<T>) {
    if from.is_some() {
        *into = from;
    }
}

/// A higher layer's list adds to a lower one's (redaction rules and allowlists).
pub(super) fn add<T>(into: &mut Option<Vec<T>>, from: Option<Vec<T>>) {
    if let Some(from) = from {
        into.get_or_insert_with(Vec::new).extend(from);
    }
}

/// Returns the table's entry for a dotted key, if a file may set it (`models.*` aside).
pub(super) fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// Splits a dotted key into the path of TOML keys it names and returns its type, or `None`
/// for a key no file may set. `models.NAME.FIELD` takes everything between the first and the
/// last dot as the model's name (`models.gpt-4.1.context-window`).
pub fn key_path(key: &str) -> Option<(Vec<String>, KeyKind)> {
    if let Some(&(_, kind)) = KEYS.iter().find(|(k, _)| *k == key) {
        return Some((key.split('.').map(str::to_owned).collect(), kind));
    }
    let rest = key.strip_prefix("models.")?;
    let (name, field) = rest.rsplit_once('.')?;
    let name = name.trim_matches('"');
    let &(_, kind) = MODEL_KEYS.iter().find(|(k, _)| *k == field)?;
    (!name.is_empty()).then(|| (vec!["models".into(), name.into(), field.into()], kind))
}

/// Tells whether a repository's own file may set `key` (the trust rule): style tables only,
/// and never an exemption from redaction.
pub fn repo_may_set(key: &str) -> bool {
    field(key).is_some_and(|f| f.trust == Trust::Repo)
}

/// Tells whether a key holds a credential, never printed.
pub fn is_secret(key: &str) -> bool {
    field(key).is_some_and(|f| f.shape.is_secret())
}

/// Returns the table a dotted key is in (`network` for `network.deadline`), or the key itself
/// at the top level.
fn table_of(key: &str) -> &str {
    key.split('.').next().unwrap_or(key)
}

/// Tells whether a repository's own file may open this top-level table (or set this top-level
/// key): it holds a key such a file may set.
fn repo_may_open(top: &str) -> bool {
    FIELDS
        .iter()
        .any(|f| f.trust == Trust::Repo && table_of(f.key) == top)
}

/// Returns the tables a repository's own file may open, as `[message], [filter], …`, for the
/// hints that explain the trust rule.
pub(super) fn repo_tables() -> String {
    let mut tables: Vec<&str> = Vec::new();
    for f in FIELDS.iter().filter(|f| f.trust == Trust::Repo) {
        if !tables.contains(&table_of(f.key)) {
            tables.push(table_of(f.key));
        }
    }
    tables
        .iter()
        .map(|t| format!("[{t}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Applies the trust rule to the repository's own file: style keys only, no exemption from
/// redaction, a template inside the repository; a policy laxer than `ours` is dropped.
pub(super) fn repo_layer(
    path: &Path,
    text: &str,
    table: &toml::Table,
    mut typed: FileConfig,
    ours: Option<crate::redact::Policy>,
) -> Result<FileConfig, ConfigError> {
    if let Some(key) = table.keys().find(|k| !repo_may_open(k)) {
        return Err(ConfigError::Untrusted {
            line: line_of(text, key),
            key: key.clone(),
            path: path.to_owned(),
        });
    }
    // A repository may add redaction rules or make the policy stricter, never exempt
    // anything from redaction: an allowlist there would let a cloned repo leak your
    // secrets to the model. The same for any user-only key in a table it may open.
    for f in FIELDS
        .iter()
        .filter(|f| f.trust == Trust::User && repo_may_open(table_of(f.key)))
    {
        if value_at(table, f.key).is_some() {
            let leaf = f.key.rsplit('.').next().unwrap_or(f.key);
            return Err(ConfigError::Untrusted {
                line: line_of(text, leaf),
                key: f.key.to_owned(),
                path: path.to_owned(),
            });
        }
    }
    // The template is printed into changelogs and release notes: a cloned repository may
    // only name one of its own files, not `~/.ssh/id_ed25519` or a link out to it.
    if let Some(template) = &typed.changelog.template {
        let top = path.parent().unwrap_or(Path::new("."));
        let full = top.join(template);
        let lexical = template
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let escapes = match (full.canonicalize(), top.canonicalize()) {
            (Ok(file), Ok(top)) => !file.starts_with(top),
            _ => false,
        };
        if !lexical || escapes {
            return Err(ConfigError::RepoTemplate {
                line: line_of(text, "template"),
                path: path.to_owned(),
            });
        }
        typed.changelog.template = Some(full);
    }
    let strictness = |p: crate::redact::Policy| match p {
        crate::redact::Policy::Redact => 0,
        crate::redact::Policy::WithholdFile => 1,
        crate::redact::Policy::Abort => 2,
    };
    if let (Some(theirs), Some(ours)) = (typed.redact.policy, ours)
        && strictness(theirs) < strictness(ours)
    {
        typed.redact.policy = None;
    }
    Ok(typed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::PreReleases;
    use crate::config::write;
    use crate::config::{Env, Overrides, REPO_FILE, env_vars, resolve};

    #[test]
    fn repository_file_cannot_choose_where_data_goes() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            REPO_FILE,
            "# style\n[message]\nbody = false\n\nprovider = \"x\"\n",
        );
        // `provider` after [message] belongs to that table: an unknown key there.
        assert!(resolve(&Env::default(), Some(dir.path()), &Overrides::default()).is_err());
        write(
            dir.path(),
            REPO_FILE,
            "# hostile\nmodel = \"gpt\"\n[message]\nbody = false\n",
        );
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        match err {
            ConfigError::Untrusted { key, line, .. } => {
                assert_eq!((key.as_str(), line), ("model", 2))
            }
            other => panic!("{other:?}"),
        }
        // The same key is fine in the user's own file.
        let user = write(dir.path(), "user.toml", "model = \"gpt\"\n");
        write(dir.path(), REPO_FILE, "[message]\nbody = false\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        let config = resolve(&env, Some(dir.path()), &Overrides::default()).unwrap();
        assert_eq!(config.settings.model.as_deref(), Some("gpt"));
    }

    #[test]
    fn repository_may_tighten_redaction_never_loosen_it() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), REPO_FILE, "[redact]\nallow = [\"sk-.*\"]\n");
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("`redact.allow`"), "{err}");
        let user = write(dir.path(), "user.toml", "[redact]\npolicy = \"abort\"\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        write(dir.path(), REPO_FILE, "[redact]\npolicy = \"redact\"\n");
        let config = resolve(&env, Some(dir.path()), &Overrides::default()).unwrap();
        assert_eq!(config.settings.redact.policy, crate::redact::Policy::Abort);
        write(
            dir.path(),
            REPO_FILE,
            "[redact]\npolicy = \"withhold-file\"\n",
        );
        let config = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap();
        assert_eq!(
            config.settings.redact.policy,
            crate::redact::Policy::WithholdFile
        );
    }

    #[test]
    fn repository_file_may_set_changelog_sections() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            REPO_FILE,
            "[changelog]\nhidden = []\npre-releases = \"fold\"\n\
             sections = [{ title = \"New\", types = [\"feat\"] }]\n",
        );
        let config = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap();
        let changelog = &config.settings.changelog;
        assert!(changelog.hidden.is_empty());
        assert_eq!(changelog.pre_releases, PreReleases::Fold);
        assert_eq!(changelog.sections.len(), 1);
        assert_eq!(changelog.tag_pattern, crate::changelog::TAG_PATTERN);
        write(dir.path(), REPO_FILE, "[changelog]\nsectons = []\n");
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        let source = std::error::Error::source(&err).unwrap().to_string();
        assert!(source.contains("sectons"), "{source}");
    }

    #[test]
    fn repository_template_stays_inside_the_repository() {
        let dir = tempfile::tempdir().unwrap();
        let resolved = |text: &str| {
            write(dir.path(), REPO_FILE, text);
            resolve(&Env::default(), Some(dir.path()), &Overrides::default())
        };
        let config = resolved("[changelog]\ntemplate = \".github/notes.j2\"\n").unwrap();
        assert_eq!(
            config.settings.changelog.template,
            Some(dir.path().join(".github/notes.j2"))
        );
        for bad in ["/etc/passwd", "../notes.j2", "a/../../b"] {
            let err = resolved(&format!(
                "[changelog]\nforge = \"none\"\ntemplate = \"{bad}\"\n"
            ))
            .unwrap_err();
            assert!(
                matches!(err, ConfigError::RepoTemplate { line: 3, .. }),
                "{bad}: {err:?}"
            );
        }
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            write(outside.path(), "secret", "x");
            std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("link"))
                .unwrap();
            assert!(matches!(
                resolved("[changelog]\ntemplate = \"link\"\n"),
                Err(ConfigError::RepoTemplate { .. })
            ));
        }
    }

    #[test]
    fn every_listed_key_is_one_the_file_format_takes() {
        let sample = |key: &str, kind: KeyKind| match (key, kind) {
            ("provider", _) => "\"openai\"".to_owned(),
            ("message.ticket", _) => "\"scope\"".to_owned(),
            ("changelog.pre-releases", _) => "\"fold\"".to_owned(),
            ("changelog.forge", _) => "\"none\"".to_owned(),
            ("redact.policy", _) => "\"abort\"".to_owned(),
            ("message.conventions", _) => "\"off\"".to_owned(),
            ("message.gitmoji", _) => "\"shortcode\"".to_owned(),
            ("message.conventional", _) => "\"auto\"".to_owned(),
            ("changelog.sections", _) => "[{ title = \"New\", types = [\"feat\"] }]".into(),
            ("redact.rules", _) => "[{ id = \"x\", regex = \"x\" }]".into(),
            (_, KeyKind::Bool) => "true".into(),
            (_, KeyKind::Integer) => "3".into(),
            (_, KeyKind::Number) => "1.5".into(),
            (_, KeyKind::String) => "\"x\"".into(),
            (_, KeyKind::Strings) => "[\"x\"]".into(),
            (_, KeyKind::Toml | KeyKind::BoolOrString) => unreachable!("each is named above"),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.toml");
        let env = Env::from_pairs(&[(env_vars::CONFIG, path.to_str().unwrap())], None);
        let keys = KEYS
            .iter()
            .copied()
            .chain(MODEL_KEYS.iter().map(|&(field, kind)| {
                (
                    Box::leak(format!("models.m.{field}").into_boxed_str()) as &str,
                    kind,
                )
            }));
        for (key, kind) in keys {
            let (parts, found) = key_path(key).unwrap();
            assert_eq!(found, kind);
            let (table, leaf) = parts.split_at(parts.len() - 1);
            let header = if table.is_empty() {
                String::new()
            } else {
                format!("[{}]\n", table.join("."))
            };
            let text = format!("{header}{} = {}\n", leaf[0], sample(key, kind));
            std::fs::write(&path, &text).unwrap();
            let resolved = resolve(&env, None, &Overrides::default());
            assert!(resolved.is_ok(), "{key}: {text}\n{resolved:?}");
        }
        let defaults = resolve(&Env::default(), None, &Overrides::default()).unwrap();
        for key in defaults.origins.keys() {
            assert!(key_path(key).is_some(), "{key} is missing from KEYS");
        }
        assert_eq!(key_path("message.max-subjet"), None);
        assert_eq!(
            key_path("models.gpt-4.1.context-window").unwrap().0,
            ["models", "gpt-4.1", "context-window"]
        );
        assert!(repo_may_set("message.body") && repo_may_set("redact.policy"));
        assert!(!repo_may_set("provider") && !repo_may_set("redact.allow"));
    }

    #[test]
    fn the_table_says_what_the_lists_it_replaced_said() {
        use crate::config::file::FIELDS;
        assert_eq!(
            repo_tables(),
            "[message], [filter], [hook], [changelog], [redact]"
        );
        let keys = |keep: fn(&Field) -> bool| {
            FIELDS
                .iter()
                .filter(|f| keep(f))
                .map(|f| f.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(|f| f.shape.is_secret()), ["api-key", "api-key-cmd"]);
        assert_eq!(
            keys(|f| f.shape == Shape::Url),
            ["base-url", "proxy", "azure.endpoint"]
        );
        assert_eq!(
            keys(|f| f.shape == Shape::Seconds),
            [
                "network.connect-timeout",
                "network.first-token-timeout",
                "network.idle-timeout",
                "network.deadline",
                "network.backoff-base",
                "network.max-wait",
                "hook.timeout",
            ]
        );
        assert_eq!(
            keys(|f| f.trust == Trust::User && repo_may_open(table_of(f.key))),
            ["redact.allow", "redact.allow-paths"]
        );
        let variables: Vec<_> = FIELDS
            .iter()
            .filter_map(|f| Some((f.env?, f.key)))
            .collect();
        assert_eq!(variables.len(), 21);
        assert!(variables.contains(&(env_vars::HOOK_TIMEOUT, "hook.timeout")));
        assert!(variables.contains(&(env_vars::CACHE_DIR, "cache.path")));
    }
}
