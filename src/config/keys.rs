//! Every key a file may set, with its type, and the trust rule: a repository's own
//! `.git-herald.toml` may set style only, never where data goes.

use super::ConfigError;
use super::file::{FileConfig, line_of};
use std::path::{Component, Path};

/// Keys a repository's own file may set: style only, never where data goes.
const REPO_ALLOWED: &[&str] = &["message", "filter", "hook", "changelog", "redact"];

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

/// Every key a configuration file may set, dotted, with its type. `models."NAME".*` keys are
/// in `MODEL_KEYS`. A test checks each one against the file format.
pub const KEYS: &[(&str, KeyKind)] = &[
    ("provider", KeyKind::String),
    ("model", KeyKind::String),
    ("base-url", KeyKind::String),
    ("api-key", KeyKind::String),
    ("api-key-cmd", KeyKind::Strings),
    ("proxy", KeyKind::String),
    ("network.connect-timeout", KeyKind::Number),
    ("network.first-token-timeout", KeyKind::Number),
    ("network.idle-timeout", KeyKind::Number),
    ("network.deadline", KeyKind::Number),
    ("network.attempts", KeyKind::Integer),
    ("network.backoff-base", KeyKind::Number),
    ("network.max-wait", KeyKind::Number),
    ("azure.endpoint", KeyKind::String),
    ("azure.deployment", KeyKind::String),
    ("azure.api-version", KeyKind::String),
    ("usage.path", KeyKind::String),
    ("usage.enabled", KeyKind::Bool),
    ("budget.context-window", KeyKind::Integer),
    ("budget.margin", KeyKind::Number),
    ("budget.concurrency", KeyKind::Integer),
    ("budget.max-calls", KeyKind::Integer),
    ("budget.max-cost", KeyKind::Number),
    ("cache.enabled", KeyKind::Bool),
    ("cache.path", KeyKind::String),
    ("cache.max-size-mb", KeyKind::Integer),
    ("message.conventional", KeyKind::Bool),
    ("message.language", KeyKind::String),
    ("message.ticket", KeyKind::String),
    ("message.ticket-pattern", KeyKind::String),
    ("message.max-subject", KeyKind::Integer),
    ("message.body", KeyKind::Bool),
    ("message.wrap", KeyKind::Integer),
    ("message.conventions", KeyKind::String),
    ("message.types", KeyKind::Strings),
    ("message.scopes", KeyKind::Strings),
    ("message.gitmoji", KeyKind::BoolOrString),
    ("filter.withhold", KeyKind::Strings),
    ("filter.stats-only", KeyKind::Strings),
    ("filter.text", KeyKind::Strings),
    ("filter.max-file-bytes", KeyKind::Integer),
    ("hook.timeout", KeyKind::Number),
    ("hook.skip-sources", KeyKind::Strings),
    ("changelog.sections", KeyKind::Toml),
    ("changelog.hidden", KeyKind::Strings),
    ("changelog.tag-pattern", KeyKind::String),
    ("changelog.pre-releases", KeyKind::String),
    ("changelog.first-parent", KeyKind::Bool),
    ("changelog.forge", KeyKind::String),
    ("changelog.template", KeyKind::String),
    ("redact.policy", KeyKind::String),
    ("redact.rules", KeyKind::Toml),
    ("redact.allow", KeyKind::Strings),
    ("redact.allow-paths", KeyKind::Strings),
];

/// The keys of one `[models."NAME"]` table.
pub const MODEL_KEYS: &[(&str, KeyKind)] = &[
    ("context-window", KeyKind::Integer),
    ("max-output", KeyKind::Integer),
    ("input-price", KeyKind::Number),
    ("output-price", KeyKind::Number),
];

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
    let top = key.split('.').next().unwrap_or(key);
    REPO_ALLOWED.contains(&top) && key != "redact.allow" && key != "redact.allow-paths"
}

/// Tells whether a key holds a credential, never printed.
pub fn is_secret(key: &str) -> bool {
    key == "api-key" || key == "api-key-cmd"
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
    if let Some(key) = table.keys().find(|k| !REPO_ALLOWED.contains(&k.as_str())) {
        return Err(ConfigError::Untrusted {
            line: line_of(text, key),
            key: key.clone(),
            path: path.to_owned(),
        });
    }
    // A repository may add redaction rules or make the policy stricter, never exempt
    // anything from redaction: an allowlist there would let a cloned repo leak your
    // secrets to the model.
    for (key, set) in [
        ("allow", typed.redact.allow.is_some()),
        ("allow-paths", typed.redact.allow_paths.is_some()),
    ] {
        if set {
            return Err(ConfigError::Untrusted {
                line: line_of(text, key),
                key: format!("redact.{key}"),
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
}
