//! The configuration file as written: its serde structs (every key optional, unknown keys
//! are errors), reading and parsing one file, and finding the line a key is on.

use super::ConfigError;
use super::error::TomlSyntax;
use crate::changelog::{ForgeSetting, PreReleases, SectionSpec};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Name of the per-repository file, at the top of the work tree.
pub const REPO_FILE: &str = ".git-herald.toml";
pub(super) const DEFAULTS: &str = include_str!("../defaults.toml");

/// One configuration file as written (every key optional; unknown keys are errors).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct FileConfig {
    pub(super) provider: Option<String>,
    pub(super) model: Option<String>,
    pub(super) base_url: Option<String>,
    pub(super) api_key: Option<String>,
    pub(super) api_key_cmd: Option<Vec<String>>,
    pub(super) proxy: Option<String>,
    #[serde(default)]
    pub(super) network: NetworkConfig,
    #[serde(default)]
    pub(super) azure: AzureConfig,
    #[serde(default)]
    pub(super) usage: UsageConfig,
    #[serde(default)]
    pub(super) budget: BudgetConfig,
    #[serde(default)]
    pub(super) cache: CacheConfig,
    #[serde(default)]
    pub(super) models: BTreeMap<String, ModelConfig>,
    #[serde(default)]
    pub(super) message: MessageConfig,
    #[serde(default)]
    pub(super) filter: FilterConfig,
    #[serde(default)]
    pub(super) hook: HookConfig,
    #[serde(default)]
    pub(super) changelog: ChangelogConfig,
    #[serde(default)]
    pub(super) redact: RedactConfig,
}

/// `[redact]`: extra rules, allowlists and what to do on a finding.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RedactConfig {
    pub(super) policy: Option<crate::redact::Policy>,
    pub(super) rules: Option<Vec<crate::redact::RuleSpec>>,
    pub(super) allow: Option<Vec<String>>,
    pub(super) allow_paths: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct NetworkConfig {
    pub(super) connect_timeout: Option<f64>,
    pub(super) first_token_timeout: Option<f64>,
    pub(super) idle_timeout: Option<f64>,
    pub(super) deadline: Option<f64>,
    pub(super) attempts: Option<u32>,
    pub(super) backoff_base: Option<f64>,
    pub(super) max_wait: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct AzureConfig {
    pub(super) endpoint: Option<String>,
    pub(super) deployment: Option<String>,
    pub(super) api_version: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct UsageConfig {
    pub(super) path: Option<PathBuf>,
    pub(super) enabled: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct BudgetConfig {
    pub(super) context_window: Option<u64>,
    pub(super) margin: Option<f64>,
    pub(super) concurrency: Option<usize>,
    pub(super) max_calls: Option<usize>,
    pub(super) max_cost: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct CacheConfig {
    pub(super) enabled: Option<bool>,
    pub(super) path: Option<PathBuf>,
    pub(super) max_size_mb: Option<u64>,
}

/// What to do with a ticket id found in the branch name (`feature/ABC-123-login`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TicketMode {
    /// A `Refs: ABC-123` trailer.
    #[default]
    Trailer,
    /// The Conventional Commits scope, when the model writes one.
    Scope,
    Off,
}

/// A model's figures, overriding or adding to the built-in table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ModelConfig {
    pub context_window: Option<u64>,
    pub max_output: Option<u64>,
    /// USD per million input tokens.
    pub input_price: Option<f64>,
    /// USD per million output tokens.
    pub output_price: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct MessageConfig {
    pub(super) conventional: Option<bool>,
    pub(super) language: Option<String>,
    pub(super) ticket: Option<TicketMode>,
    pub(super) ticket_pattern: Option<String>,
    pub(super) max_subject: Option<usize>,
    pub(super) body: Option<bool>,
    pub(super) wrap: Option<usize>,
    pub(super) conventions: Option<crate::conventions::Mode>,
    pub(super) types: Option<Vec<String>>,
    pub(super) scopes: Option<Vec<String>>,
    pub(super) gitmoji: Option<crate::gitmoji::Gitmoji>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct FilterConfig {
    pub(super) withhold: Option<Vec<String>>,
    pub(super) stats_only: Option<Vec<String>>,
    pub(super) text: Option<Vec<String>>,
    pub(super) max_file_bytes: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct HookConfig {
    pub(super) timeout: Option<f64>,
    pub(super) skip_sources: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct ChangelogConfig {
    pub(super) sections: Option<Vec<SectionSpec>>,
    pub(super) hidden: Option<Vec<String>>,
    pub(super) tag_pattern: Option<String>,
    pub(super) pre_releases: Option<PreReleases>,
    pub(super) first_parent: Option<bool>,
    pub(super) forge: Option<ForgeSetting>,
    pub(super) template: Option<PathBuf>,
}

pub(super) fn read_file(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

pub(super) fn parse_file(
    path: &Path,
    text: &str,
) -> Result<(toml::Table, FileConfig), ConfigError> {
    let parse_error = |source: toml::de::Error| ConfigError::Parse {
        path: path.to_owned(),
        source: Box::new(TomlSyntax::new(text, source.span(), source.message())),
    };
    let table: toml::Table = toml::from_str(text).map_err(parse_error)?;
    let typed: FileConfig = toml::from_str(text).map_err(parse_error)?;
    // A negative or endless time-out would make the hook or a request give up at once.
    let net = &typed.network;
    for (key, value) in [
        ("network.connect-timeout", net.connect_timeout),
        ("network.first-token-timeout", net.first_token_timeout),
        ("network.idle-timeout", net.idle_timeout),
        ("network.deadline", net.deadline),
        ("network.backoff-base", net.backoff_base),
        ("network.max-wait", net.max_wait),
        ("hook.timeout", typed.hook.timeout),
    ] {
        if let Some(value) = value.filter(|v| !is_seconds(*v)) {
            return Err(ConfigError::Seconds {
                path: path.to_owned(),
                key,
                value,
                line: line_of_dotted(text, key),
            });
        }
    }
    Ok((table, typed))
}

/// Finds the 1-based line that sets `table.name`: under its `[table]` header, else as a dotted
/// key; else where the table opens.
fn line_of_dotted(text: &str, dotted: &str) -> usize {
    let (table, name) = dotted.split_once('.').unwrap_or(("", dotted));
    let assigns = |line: &str, key: &str| {
        line.trim_start()
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    let lines: Vec<&str> = text.lines().collect();
    let header = format!("[{table}]");
    if let Some(head) = lines.iter().position(|l| l.trim() == header)
        && let Some(i) = lines[head + 1..]
            .iter()
            .take_while(|l| !l.trim_start().starts_with('['))
            .position(|l| assigns(l, name))
    {
        return head + 2 + i;
    }
    lines
        .iter()
        .position(|l| assigns(l, dotted))
        .map_or_else(|| line_of(text, table), |i| i + 1)
}

/// Tells whether a number is a usable count of seconds: finite, zero or more.
pub(super) fn is_seconds(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

/// Finds the 1-based line where `key` is assigned or opened as a table.
pub(super) fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let bare = line.trim_start_matches('[').trim_start_matches('"');
            bare.starts_with(key)
                && bare[key.len()..]
                    .trim_start_matches('"')
                    .trim_start()
                    .starts_with(['=', '.', ']'])
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::check_file;

    #[test]
    fn seconds_must_be_finite_and_not_negative() {
        for (text, key, line) in [
            ("[hook]\ntimeout = -1\n", "hook.timeout", 2),
            ("[hook]\ntimeout = nan\n", "hook.timeout", 2),
            (
                "[network]\nidle-timeout = 1\nmax-wait = -0.5\n",
                "network.max-wait",
                3,
            ),
            ("network.backoff-base = inf\n", "network.backoff-base", 1),
        ] {
            match parse_file(Path::new("c.toml"), text) {
                Err(ConfigError::Seconds {
                    key: k, line: l, ..
                }) => {
                    assert_eq!((k, l), (key, line), "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(parse_file(Path::new("c.toml"), "[hook]\ntimeout = 0\n").is_ok());
        assert!(check_file(Path::new("c.toml"), "[hook]\ntimeout = -1\n", false).is_err());
        assert!(check_file(Path::new("c.toml"), "model = \"x\"\n", true).is_err());
        assert!(check_file(Path::new("c.toml"), "model = \"x\"\n", false).is_ok());
    }
}
