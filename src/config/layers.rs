//! Configuration layers (built-in defaults < user file < repository file < `GIT_HERALD_*` env <
//! flags) merged and resolved into one `Settings`, with where each value came from.

use super::env::{parse_bool, parse_number, parse_seconds};
use super::file::{DEFAULTS, FileConfig, parse_file, read_file};
use super::keys::repo_layer;
use super::settings::settle;
use super::{ConfigError, Env, REPO_FILE, Settings, env_vars, mask_url};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layer {
    Default,
    User(PathBuf),
    Repo(PathBuf),
    Env(&'static str),
    Flag,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layer::Default => f.write_str("default"),
            Layer::User(p) => write!(f, "user file {}", p.display()),
            Layer::Repo(p) => write!(f, "repo file {}", p.display()),
            Layer::Env(var) => write!(f, "env {var}"),
            Layer::Flag => f.write_str("flag"),
        }
    }
}

/// Values given as command-line flags (the highest layer).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub language: Option<String>,
    pub provider: Option<String>,
    pub model: Option<String>,
    pub conventional: Option<bool>,
    pub max_subject: Option<usize>,
    pub body: Option<bool>,
    /// `--gitmoji`: on, in the configured form (the emoji unless `"shortcode"` is set).
    pub gitmoji: Option<bool>,
}

/// The resolved configuration with where each value came from.
#[derive(Debug, Clone)]
pub struct Config {
    pub settings: Settings,
    /// Every leaf key (dotted), its value as TOML, and its layer.
    pub origins: BTreeMap<String, (String, Layer)>,
    /// The files that exist and were read, lowest first.
    pub files: Vec<Layer>,
    /// Problems worth a warning that do not stop anything (a key file others can read).
    pub warnings: Vec<String>,
    /// The repository's convention files, not read yet (see [`resolve_deferred`]).
    pending: Option<PendingConventions>,
}

/// Where to read the repository's conventions, and the explicit `[message] types`/`scopes`
/// that go over them.
#[derive(Debug, Clone)]
struct PendingConventions {
    dir: PathBuf,
    types: Option<Vec<String>>,
    scopes: Option<Vec<String>>,
}

impl Config {
    /// Reads the repository's commit conventions (commitlint, cocogitto, git-cliff; as text,
    /// never run) into the style, under the explicit `[message] types`/`scopes`, with a
    /// warning for a file that could not be read. Does nothing the second time.
    pub fn load_conventions(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let (found, warnings) = crate::conventions::load(&pending.dir);
        self.warnings.extend(warnings);
        apply_conventions(
            &mut self.settings,
            found.with_explicit(pending.types, pending.scopes),
        );
    }
}

/// Puts conventions in the style; commitlint's header-max-length tightens the subject limit,
/// never loosens it.
fn apply_conventions(settings: &mut Settings, conventions: crate::conventions::Conventions) {
    if let Some(max) = &conventions.header_max {
        settings.style.max_subject = settings.style.max_subject.min(max.value.max(10));
    }
    settings.style.conventions = conventions;
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    layer: &Layer,
    out: &mut BTreeMap<String, (String, Layer)>,
) {
    for (key, value) in table {
        let dotted = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&dotted, inner, layer, out),
            other => {
                // Keys are never shown, whatever file they are in.
                // The command may carry the key inline (`["echo", "sk-…"]`): masked too.
                let shown = match (key.as_str(), other) {
                    ("api-key" | "api-key-cmd", _) => "\"****\"".to_owned(),
                    // A proxy or relay URL may carry credentials (`http://user:pw@host`).
                    ("proxy" | "base-url" | "endpoint", toml::Value::String(url)) => {
                        toml::Value::String(mask_url(url)).to_string()
                    }
                    _ => other.to_string(),
                };
                out.insert(dotted, (shown, layer.clone()));
            }
        }
    }
}

#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> bool {
    false
}

fn merge(into: &mut FileConfig, from: FileConfig) {
    macro_rules! take {
        ($($field:ident).+) => {
            if from.$($field).+.is_some() {
                into.$($field).+ = from.$($field).+;
            }
        };
    }
    take!(provider);
    take!(model);
    take!(base_url);
    take!(api_key);
    take!(api_key_cmd);
    take!(proxy);
    take!(network.connect_timeout);
    take!(network.first_token_timeout);
    take!(network.idle_timeout);
    take!(network.deadline);
    take!(network.attempts);
    take!(network.backoff_base);
    take!(network.max_wait);
    take!(azure.endpoint);
    take!(azure.deployment);
    take!(azure.api_version);
    take!(usage.path);
    take!(usage.enabled);
    take!(budget.context_window);
    take!(budget.margin);
    take!(budget.concurrency);
    take!(budget.max_calls);
    take!(budget.max_cost);
    take!(cache.enabled);
    take!(cache.path);
    take!(cache.max_size_mb);
    into.models.extend(from.models);
    take!(message.conventional);
    take!(message.max_subject);
    take!(message.body);
    take!(message.wrap);
    take!(message.language);
    take!(message.ticket);
    take!(message.ticket_pattern);
    take!(message.conventions);
    take!(message.types);
    take!(message.scopes);
    take!(message.gitmoji);
    take!(filter.withhold);
    take!(filter.stats_only);
    take!(filter.text);
    take!(filter.max_file_bytes);
    take!(hook.timeout);
    take!(hook.skip_sources);
    take!(changelog.sections);
    take!(changelog.hidden);
    take!(changelog.tag_pattern);
    take!(changelog.pre_releases);
    take!(changelog.first_parent);
    take!(changelog.forge);
    take!(changelog.template);
    take!(redact.policy);
    // Rules and allowlists add up across layers rather than replace each other.
    for (into, from) in [
        (&mut into.redact.allow, from.redact.allow),
        (&mut into.redact.allow_paths, from.redact.allow_paths),
    ] {
        if let Some(from) = from {
            into.get_or_insert_with(Vec::new).extend(from);
        }
    }
    if let Some(rules) = from.redact.rules {
        into.redact.rules.get_or_insert_with(Vec::new).extend(rules);
    }
}

/// Resolves every layer into settings. `work_dir` is the top of the repository's work tree
/// (for its `.git-herald.toml`), if there is one.
pub fn resolve(
    env: &Env,
    work_dir: Option<&Path>,
    flags: &Overrides,
) -> Result<Config, ConfigError> {
    let mut config = resolve_deferred(env, work_dir, flags)?;
    config.load_conventions();
    Ok(config)
}

/// Checks one configuration file on its own, as `config set` does before writing: it parses,
/// its values are valid, and (for the repository's file, `repo`) the trust rule holds. The
/// environment and the other files play no part, so a bad variable elsewhere blocks nothing.
pub fn check_file(path: &Path, text: &str, repo: bool) -> Result<(), ConfigError> {
    let (_, mut merged) =
        parse_file(Path::new("<built-in defaults>"), DEFAULTS).expect("built-in defaults parse");
    let (table, typed) = parse_file(path, text)?;
    let typed = if repo {
        repo_layer(path, text, &table, typed, None)?
    } else {
        typed
    };
    merge(&mut merged, typed);
    settle(merged, &Env::default()).map(drop)
}

/// Resolves as `resolve` does, but leaves the repository's convention files (commitlint,
/// cocogitto, git-cliff) unread until [`Config::load_conventions`]: the hook reads them only
/// once it knows it will write a message, so skipped commits (`-m`, merges, amends) pay
/// nothing for them.
pub fn resolve_deferred(
    env: &Env,
    work_dir: Option<&Path>,
    flags: &Overrides,
) -> Result<Config, ConfigError> {
    let mut origins = BTreeMap::new();
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let (table, mut merged) =
        parse_file(Path::new("<built-in defaults>"), DEFAULTS).expect("built-in defaults parse");
    flatten("", &table, &Layer::Default, &mut origins);

    if let Some(path) = env.user_file()
        && let Some(text) = read_file(&path)?
    {
        let (table, mut typed) = parse_file(&path, &text)?;
        // A relative template path is relative to the file that names it.
        if let (Some(template), Some(dir)) = (&mut typed.changelog.template, path.parent()) {
            *template = dir.join(&*template);
        }
        if typed.api_key.is_some() && readable_by_others(&path) {
            warnings.push(format!(
                "`{}` holds an API key and other users can read it; run `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
        let layer = Layer::User(path);
        flatten("", &table, &layer, &mut origins);
        merge(&mut merged, typed);
        files.push(layer);
    }
    // `GIT_HERALD_NO_REPO_CONFIG` leaves out everything the repository brings: its
    // `.git-herald.toml` and its convention files.
    let repo_dir = work_dir.filter(|_| !env.repo_config_ignored());
    let repo_file = repo_dir.map(|dir| dir.join(REPO_FILE));
    if let Some(path) = repo_file
        && let Some(text) = read_file(&path)?
    {
        let (table, typed) = parse_file(&path, &text)?;
        let typed = repo_layer(&path, &text, &table, typed, merged.redact.policy)?;
        let layer = Layer::Repo(path);
        flatten("", &table, &layer, &mut origins);
        merge(&mut merged, typed);
        files.push(layer);
    }

    let mut from_env = FileConfig::default();
    let set = |key: &str, var: &'static str, value: String, origins: &mut BTreeMap<_, _>| {
        origins.insert(key.to_owned(), (value, Layer::Env(var)));
    };
    for (var, key) in env_vars::KEYED {
        let Some(value) = env.get(var) else { continue };
        match *var {
            env_vars::PROVIDER => from_env.provider = Some(value.to_owned()),
            env_vars::MODEL => from_env.model = Some(value.to_owned()),
            env_vars::HOOK_TIMEOUT => from_env.hook.timeout = Some(parse_seconds(var, value)?),
            env_vars::CONVENTIONAL => from_env.message.conventional = Some(parse_bool(var, value)?),
            env_vars::MAX_SUBJECT => from_env.message.max_subject = Some(parse_number(var, value)?),
            env_vars::BODY => from_env.message.body = Some(parse_bool(var, value)?),
            env_vars::LANGUAGE => from_env.message.language = Some(value.to_owned()),
            env_vars::BASE_URL => from_env.base_url = Some(value.to_owned()),
            env_vars::API_KEY => from_env.api_key = Some(value.to_owned()),
            env_vars::PROXY => from_env.proxy = Some(value.to_owned()),
            env_vars::USAGE_FILE => from_env.usage.path = Some(PathBuf::from(value)),
            env_vars::CONNECT_TIMEOUT => {
                from_env.network.connect_timeout = Some(parse_seconds(var, value)?);
            }
            env_vars::FIRST_TOKEN_TIMEOUT => {
                from_env.network.first_token_timeout = Some(parse_seconds(var, value)?);
            }
            env_vars::IDLE_TIMEOUT => {
                from_env.network.idle_timeout = Some(parse_seconds(var, value)?);
            }
            env_vars::DEADLINE => from_env.network.deadline = Some(parse_seconds(var, value)?),
            env_vars::ATTEMPTS => from_env.network.attempts = Some(parse_number(var, value)?),
            env_vars::BACKOFF_BASE => {
                from_env.network.backoff_base = Some(parse_seconds(var, value)?);
            }
            env_vars::CONTEXT_WINDOW => {
                from_env.budget.context_window = Some(parse_number(var, value)?);
            }
            env_vars::CONCURRENCY => from_env.budget.concurrency = Some(parse_number(var, value)?),
            env_vars::MAX_CALLS => from_env.budget.max_calls = Some(parse_number(var, value)?),
            env_vars::CACHE_DIR => from_env.cache.path = Some(PathBuf::from(value)),
            _ => continue,
        }
        let shown = match *var {
            env_vars::API_KEY => "****".to_owned(),
            env_vars::PROXY | env_vars::BASE_URL => mask_url(value),
            _ => value.to_owned(),
        };
        set(key, var, shown, &mut origins);
    }
    merge(&mut merged, from_env);

    let mut from_flags = FileConfig::default();
    from_flags.provider.clone_from(&flags.provider);
    from_flags.model.clone_from(&flags.model);
    from_flags.message.conventional = flags.conventional;
    from_flags.message.max_subject = flags.max_subject;
    from_flags.message.body = flags.body;
    from_flags.message.language.clone_from(&flags.language);
    from_flags.message.gitmoji = flags.gitmoji.map(|on| match merged.message.gitmoji {
        _ if !on => crate::gitmoji::Gitmoji::Off,
        Some(crate::gitmoji::Gitmoji::Shortcode) => crate::gitmoji::Gitmoji::Shortcode,
        _ => crate::gitmoji::Gitmoji::Unicode,
    });
    let flag_values = [
        ("provider", flags.provider.clone()),
        ("model", flags.model.clone()),
        (
            "message.conventional",
            flags.conventional.map(|v| v.to_string()),
        ),
        (
            "message.max-subject",
            flags.max_subject.map(|v| v.to_string()),
        ),
        ("message.body", flags.body.map(|v| v.to_string())),
        ("message.language", flags.language.clone()),
        ("message.gitmoji", flags.gitmoji.map(|v| v.to_string())),
    ];
    for (key, value) in flag_values {
        if let Some(value) = value {
            origins.insert(key.to_owned(), (value, Layer::Flag));
        }
    }
    merge(&mut merged, from_flags);

    // The repository's commitlint, cocogitto or git-cliff rules go under the explicit
    // `[message] types`/`scopes`; their files are read by `Config::load_conventions`.
    let (types, scopes) = (merged.message.types.take(), merged.message.scopes.take());
    let pending = match (merged.message.conventions, repo_dir) {
        (Some(crate::conventions::Mode::Off), _) | (_, None) => None,
        (_, Some(dir)) => Some(PendingConventions {
            dir: dir.to_owned(),
            types: types.clone(),
            scopes: scopes.clone(),
        }),
    };
    let mut settings = settle(merged, env)?;
    apply_conventions(
        &mut settings,
        crate::conventions::Conventions::default().with_explicit(types, scopes),
    );
    Ok(Config {
        settings,
        origins,
        files,
        warnings,
        pending,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::Options as ChangelogOptions;
    use crate::config::KeySource;
    use crate::config::write;
    use crate::message::Style;
    use std::time::Duration;

    #[test]
    fn defaults_resolve_alone() {
        let config = resolve(&Env::default(), None, &Overrides::default()).unwrap();
        assert_eq!(config.settings.provider, "auto");
        assert_eq!(config.settings.api_key, KeySource::None);
        assert_eq!(config.settings.style, Style::default());
        assert_eq!(config.settings.hook.timeout, Duration::from_secs(20));
        assert_eq!(config.settings.hook.skip_sources.len(), 5);
        assert_eq!(config.origins["message.max-subject"].1, Layer::Default);
        assert!(config.files.is_empty());
    }

    #[test]
    fn layers_apply_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let user = write(
            dir.path(),
            "user.toml",
            "[message]\nmax-subject = 60\nbody = false\nwrap = 50\n",
        );
        write(
            dir.path(),
            REPO_FILE,
            "[message]\nmax-subject = 50\nconventional = false\n",
        );
        let env = Env::from_pairs(
            &[
                (env_vars::CONFIG, user.to_str().unwrap()),
                (env_vars::MAX_SUBJECT, "40"),
            ],
            None,
        );
        let flags = Overrides {
            conventional: Some(true),
            ..Overrides::default()
        };
        let config = resolve(&env, Some(dir.path()), &flags).unwrap();
        let style = &config.settings.style;
        assert_eq!(style.max_subject, 40);
        assert!(style.conventional);
        assert!(!style.body);
        assert_eq!(style.wrap, 50);
        assert_eq!(
            config.origins["message.max-subject"].1,
            Layer::Env(env_vars::MAX_SUBJECT)
        );
        assert_eq!(config.origins["message.conventional"].1, Layer::Flag);
        assert_eq!(config.origins["message.wrap"].1, Layer::User(user));
        assert_eq!(config.files.len(), 2);
    }

    #[test]
    fn typo_names_key_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let user = write(dir.path(), "c.toml", "[message]\nmax-subjet = 60\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        let err = resolve(&env, None, &Overrides::default()).unwrap_err();
        let source = std::error::Error::source(&err).unwrap().to_string();
        assert!(err.to_string().contains("c.toml"), "{err}");
        assert!(
            source.contains("max-subjet") && source.contains("line 2"),
            "{source}"
        );
    }

    #[test]
    fn broken_toml_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), REPO_FILE, "[message\nbody = \n");
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        assert!(matches!(err, ConfigError::Parse { .. }), "{err:?}");
    }

    #[test]
    fn changelog_defaults_match_the_built_in_options() {
        let config = resolve(&Env::default(), None, &Overrides::default()).unwrap();
        assert_eq!(config.settings.changelog, ChangelogOptions::default());
    }

    #[test]
    fn repo_config_can_be_ignored() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), REPO_FILE, "model = \"x\"\n");
        let env = Env::from_pairs(&[(env_vars::NO_REPO_CONFIG, "1")], None);
        assert!(resolve(&env, Some(dir.path()), &Overrides::default()).is_ok());
    }
}
