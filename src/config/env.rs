//! The environment, read once at start: the variables git-herald uses and the platform
//! directories; and how a variable's value is read as a bool, a number or seconds.

use super::ConfigError;
use super::env_vars;
use super::file::{FIELDS, is_seconds};
use std::collections::HashMap;
use std::path::PathBuf;

/// A snapshot of the environment, read once at start.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: HashMap<&'static str, String>,
    /// The platform config directory for git-herald, if the platform has one.
    pub config_dir: Option<PathBuf>,
    /// The platform data directory for git-herald (the usage log lives there).
    pub data_dir: Option<PathBuf>,
    /// The platform cache directory for git-herald.
    pub cache_dir: Option<PathBuf>,
}

impl Env {
    /// Reads the variables git-herald uses and the platform directories.
    pub fn from_environment() -> Self {
        let mut vars = HashMap::new();
        let names = [
            env_vars::CONFIG,
            env_vars::NO_REPO_CONFIG,
            env_vars::SKIP,
            env_vars::VERBOSE,
            env_vars::PRE_COMMIT_SOURCE,
            env_vars::TEST_HOOK_DELAY_MS,
            env_vars::NO_COLOR,
            env_vars::CLICOLOR_FORCE,
            env_vars::TERM,
        ]
        .into_iter()
        .chain(env_vars::PROXY_ENV.iter().copied())
        .chain(env_vars::ECOSYSTEM.iter().copied())
        .chain(env_vars::GITHUB.iter().copied())
        .chain(FIELDS.iter().filter_map(|f| f.env));
        for name in names {
            if let Ok(value) = std::env::var(name) {
                vars.insert(name, value);
            }
        }
        let dirs = directories::ProjectDirs::from("", "", "git-herald");
        Env {
            vars,
            config_dir: dirs.as_ref().map(|d| d.config_dir().to_owned()),
            data_dir: dirs.as_ref().map(|d| d.data_dir().to_owned()),
            cache_dir: dirs.as_ref().map(|d| d.cache_dir().to_owned()),
        }
    }

    /// Builds an environment from given values (for tests and embedding).
    pub fn from_pairs(pairs: &[(&'static str, &str)], config_dir: Option<PathBuf>) -> Self {
        let vars = pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        Env {
            vars,
            data_dir: config_dir.as_ref().map(|d| d.join("data")),
            cache_dir: config_dir.as_ref().map(|d| d.join("cache")),
            config_dir,
        }
    }

    /// Returns a variable's value; empty counts as unset.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Tells whether `GIT_HERALD_NO_REPO_CONFIG` (set and not `0`) says to leave out what the
    /// repository brings: its `.git-herald.toml` and its convention files.
    pub fn repo_config_ignored(&self) -> bool {
        self.get(env_vars::NO_REPO_CONFIG).is_some_and(|v| v != "0")
    }

    /// `GIT_HERALD_HOOK_TIMEOUT` read as `hook.timeout` reads it, for the hook's deadline,
    /// which starts before any file is read; `None` when unset or not a valid number of
    /// seconds (the configuration, read later, says why).
    pub fn hook_timeout(&self) -> Option<std::time::Duration> {
        let value = self.get(env_vars::HOOK_TIMEOUT)?;
        parse_seconds(env_vars::HOOK_TIMEOUT, value)
            .ok()
            .map(std::time::Duration::from_secs_f64)
    }

    /// Returns the path of the user configuration file.
    pub fn user_file(&self) -> Option<PathBuf> {
        match self.get(env_vars::CONFIG) {
            Some(path) => Some(PathBuf::from(path)),
            None => self.config_dir.as_ref().map(|d| d.join("config.toml")),
        }
    }
}

pub(super) fn parse_bool(var: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Env {
            var,
            value: value.to_owned(),
            expected: "true or false",
        }),
    }
}

/// Reads a value that is `true`, `false` (as [`parse_bool`] spells them) or a word the key
/// takes (`GIT_HERALD_CONVENTIONAL=auto`).
pub(super) fn parse_bool_or_word<T: serde::de::DeserializeOwned>(
    var: &'static str,
    value: &str,
) -> Result<T, ConfigError> {
    use serde::de::value::{BoolDeserializer, Error, StrDeserializer};
    let read = match parse_bool(var, value) {
        Ok(b) => T::deserialize(BoolDeserializer::<Error>::new(b)),
        Err(_) => T::deserialize(StrDeserializer::<Error>::new(value)),
    };
    read.map_err(|_| ConfigError::Env {
        var,
        value: value.to_owned(),
        expected: "true, false or a word the key takes",
    })
}

pub(super) fn parse_number<T: std::str::FromStr>(
    var: &'static str,
    value: &str,
) -> Result<T, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::Env {
        var,
        value: value.to_owned(),
        expected: "a number",
    })
}

pub(super) fn parse_seconds(var: &'static str, value: &str) -> Result<f64, ConfigError> {
    let seconds: f64 = parse_number(var, value)?;
    if !is_seconds(seconds) {
        return Err(ConfigError::Env {
            var,
            value: value.to_owned(),
            expected: "a number of seconds, from 0 to 3600",
        });
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Overrides, resolve};
    use std::time::Duration;

    #[test]
    fn bad_env_value_names_the_variable() {
        let env = Env::from_pairs(&[(env_vars::HOOK_TIMEOUT, "soon")], None);
        let err = resolve(&env, None, &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("GIT_HERALD_HOOK_TIMEOUT"), "{err}");
        let env = Env::from_pairs(&[(env_vars::HOOK_TIMEOUT, "1.5")], None);
        let config = resolve(&env, None, &Overrides::default()).unwrap();
        assert_eq!(config.settings.hook.timeout, Duration::from_millis(1500));
    }
}
