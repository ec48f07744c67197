//! Configuration layers (built-in defaults < user file < repository file < `GIT_HERALD_*` env <
//! flags) merged and resolved into one `Settings`, with where each value came from.

use super::file::{DEFAULTS, FileConfig, parse_file, read_file};
use super::keys::{field, repo_layer};
use super::settings::settle;
use super::{ConfigError, Env, REPO_FILE, Settings, env_vars};
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

/// The repository's file of standing instructions for models, from the top of the work tree.
pub const INSTRUCTIONS_FILE: &str = ".github/commit-instructions.md";

/// The most bytes of instructions read from the repository's file.
const MAX_INSTRUCTIONS: u64 = 16 * 1024;

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
                // Keys are never shown, whatever file they are in; URLs without credentials.
                let shown = match field(&dotted) {
                    Some(field) => field.shape.show(other),
                    None => other.to_string(),
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
    merged.merge(typed);
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

    let user = match env.user_file() {
        Some(path) => {
            let text = read_file(&path)?;
            // A file named by `GIT_HERALD_CONFIG` that is not there is a mistake, not a
            // user without a file: say so rather than run on the defaults.
            if text.is_none() && env.get(env_vars::CONFIG).is_some() {
                return Err(ConfigError::Read {
                    path,
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "`GIT_HERALD_CONFIG` names it, and there is no such file",
                    ),
                });
            }
            text.map(|text| (path, text))
        }
        None => None,
    };
    if let Some((path, text)) = user {
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
        merged.merge(typed);
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
        let mut typed = repo_layer(&path, &text, &table, typed, merged.redact.policy)?;
        // A repository may lower the hook's time-out, never raise it (issue 14): a hanging
        // server would otherwise cost whatever a cloned repository asks, per commit.
        if let (Some(repo), Some(before)) = (typed.hook.timeout, merged.hook.timeout) {
            typed.hook.timeout = Some(repo.min(before));
        }
        let layer = Layer::Repo(path);
        flatten("", &table, &layer, &mut origins);
        merged.merge(typed);
        files.push(layer);
    }

    let from_env = FileConfig::from_env(env, &mut origins)?;
    merged.merge(from_env);

    let mut from_flags = FileConfig::default();
    from_flags.provider.clone_from(&flags.provider);
    from_flags.model.clone_from(&flags.model);
    from_flags.message.conventional = flags.conventional.map(|on| {
        if on {
            super::file::ConventionalMode::On
        } else {
            super::file::ConventionalMode::Off
        }
    });
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
    merged.merge(from_flags);

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
    // A repository's standing instructions for models, as text (capped, a regular file).
    if let Some(dir) = repo_dir {
        let path = dir.join(INSTRUCTIONS_FILE);
        match crate::files::read_capped(&path, MAX_INSTRUCTIONS) {
            Ok(Some(text)) if !text.trim().is_empty() => settings.instructions.push(text),
            Ok(_) => {}
            Err(err) => warnings.push(format!("ignored `{}`: {err}", path.display())),
        }
    }
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
    use crate::config::write;
    use crate::config::{KeySource, env_vars};
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
