//! The resolved configuration, `Settings`: every layer merged, defaults filled in, values
//! clamped to what works.

use super::file::FileConfig;
use super::{ConfigError, ConventionalMode, Env, KeySource, ModelConfig, Secret, TicketMode};
use crate::changelog::Options as ChangelogOptions;
use crate::filter::{FilterOptions, Globs};
use crate::message::Style;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// Network limits and retries for model calls.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSettings {
    pub connect_timeout: Duration,
    pub first_token_timeout: Duration,
    pub idle_timeout: Duration,
    /// The whole call, retries and waits included.
    pub deadline: Duration,
    pub retry: Retry,
}

/// How often a model call is tried and how long to wait between tries (`llm::retry` turns
/// this into waits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// Backoff before the second attempt (before jitter).
    pub base: Duration,
    /// Longest single wait.
    pub max_wait: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            attempts: 4,
            base: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
        }
    }
}

/// Azure OpenAI deployment settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AzureSettings {
    pub endpoint: Option<String>,
    pub deployment: Option<String>,
    pub api_version: String,
}

/// How large changes are fitted to the model.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetSettings {
    /// Overrides the model table and the server's figure.
    pub context_window: Option<u64>,
    /// Safety margin on token counts for models without a known tokenizer.
    pub margin: f64,
    /// Chunk summaries in flight at once.
    pub concurrency: usize,
    /// Most model calls for one message (chunks, reduce rounds and the final call).
    pub max_calls: usize,
    /// Most estimated cost of one message in USD, if capped.
    pub max_cost: Option<f64>,
}

/// Settings of the prepare-commit-msg hook.
#[derive(Debug, Clone)]
pub struct HookSettings {
    pub timeout: Duration,
    pub skip_sources: Vec<String>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Which engine writes: a provider, the offline engine, or `auto`.
    pub provider: Provider,
    pub model: Option<String>,
    pub base_url: Option<String>,
    pub api_key: KeySource,
    pub proxy: Option<String>,
    pub network: NetworkSettings,
    pub azure: AzureSettings,
    /// The usage log, or `None` when it is turned off.
    pub usage_path: Option<PathBuf>,
    /// Figures of models from the user file, by name.
    pub models: BTreeMap<String, ModelConfig>,
    pub budget: BudgetSettings,
    /// Where answers are cached, or `None` when caching is off.
    pub cache_dir: Option<PathBuf>,
    /// Most bytes the cache keeps; the least recently used entries go first.
    pub cache_max_bytes: u64,
    pub style: Style,
    /// What to do with a ticket id in the branch name, and how to find it.
    pub ticket: TicketMode,
    pub ticket_pattern: String,
    /// Standing instructions for a model (`message.instructions`, and the repository's
    /// `.github/commit-instructions.md`), each as written; redacted before they are sent.
    pub instructions: Vec<String>,
    pub filter: FilterOptions,
    pub hook: HookSettings,
    pub changelog: ChangelogOptions,
    pub redact: crate::redact::RedactOptions,
}

/// Ticket ids as Jira, Linear and YouTrack write them.
pub const DEFAULT_TICKET: &str = r"[A-Z][A-Z0-9]{1,9}-[0-9]{1,7}";

/// The engines `provider` may name.
pub const PROVIDERS: &[&str] = &["auto", "offline", "openai", "azure", "anthropic", "ollama"];

/// The engine `provider` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Provider {
    /// The first of an OpenAI key, an Anthropic key, a local Ollama server, else offline.
    #[default]
    Auto,
    Offline,
    OpenAi,
    Azure,
    Anthropic,
    Ollama,
}

impl Provider {
    /// Reads a name of [`PROVIDERS`].
    pub fn parse(name: &str) -> Option<Provider> {
        Some(match name {
            "auto" => Provider::Auto,
            "offline" => Provider::Offline,
            "openai" => Provider::OpenAi,
            "azure" => Provider::Azure,
            "anthropic" => Provider::Anthropic,
            "ollama" => Provider::Ollama,
            _ => return None,
        })
    }

    /// Returns the name as written in the configuration.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Auto => "auto",
            Provider::Offline => "offline",
            Provider::OpenAi => "openai",
            Provider::Azure => "azure",
            Provider::Anthropic => "anthropic",
            Provider::Ollama => "ollama",
        }
    }
}

impl std::fmt::Display for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<&str> for Provider {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

fn seconds(value: Option<f64>, default: f64) -> Duration {
    let secs = value.filter(|v| v.is_finite()).unwrap_or(default);
    Duration::from_secs_f64(secs.clamp(0.0, 86_400.0))
}

pub(super) fn settle(merged: FileConfig, env: &Env) -> Result<Settings, ConfigError> {
    let defaults = Style::default();
    let name = merged.provider.unwrap_or_else(|| "auto".into());
    let Some(provider) = Provider::parse(&name) else {
        return Err(ConfigError::Provider(name));
    };
    let api_key = match (merged.api_key, merged.api_key_cmd) {
        (Some(key), _) if !key.is_empty() => KeySource::Value(Secret::new(key)),
        (_, Some(cmd)) if !cmd.is_empty() => KeySource::Command(cmd),
        _ => KeySource::None,
    };
    let net = merged.network;
    let retry_defaults = Retry::default();
    let filter_defaults = FilterOptions::default();
    let usage_path = if merged.usage.enabled == Some(false) {
        None
    } else {
        merged
            .usage
            .path
            .or_else(|| env.data_dir.as_ref().map(|d| d.join("usage.csv")))
    };
    Ok(Settings {
        provider,
        model: merged.model.filter(|m| !m.is_empty()),
        base_url: merged.base_url.filter(|u| !u.is_empty()),
        api_key,
        proxy: merged.proxy.filter(|p| !p.is_empty()),
        network: NetworkSettings {
            connect_timeout: seconds(net.connect_timeout, 5.0),
            first_token_timeout: seconds(net.first_token_timeout, 60.0),
            idle_timeout: seconds(net.idle_timeout, 30.0),
            deadline: seconds(net.deadline, 120.0),
            retry: Retry {
                attempts: net.attempts.unwrap_or(retry_defaults.attempts).clamp(1, 20),
                base: net
                    .backoff_base
                    .map_or(retry_defaults.base, |b| seconds(Some(b), 0.5)),
                max_wait: net
                    .max_wait
                    .map_or(retry_defaults.max_wait, |w| seconds(Some(w), 30.0)),
            },
        },
        azure: AzureSettings {
            endpoint: merged.azure.endpoint,
            deployment: merged.azure.deployment,
            api_version: merged
                .azure
                .api_version
                .unwrap_or_else(|| "2024-10-21".into()),
        },
        usage_path,
        models: merged.models,
        budget: BudgetSettings {
            context_window: merged.budget.context_window.filter(|w| *w > 0),
            margin: merged
                .budget
                .margin
                .filter(|m| m.is_finite())
                .unwrap_or(0.15)
                .clamp(0.0, 1.0),
            concurrency: merged.budget.concurrency.unwrap_or(4).clamp(1, 32),
            max_calls: merged.budget.max_calls.unwrap_or(40).max(2),
            max_cost: merged.budget.max_cost.filter(|c| c.is_finite() && *c > 0.0),
        },
        cache_dir: if merged.cache.enabled == Some(false) {
            None
        } else {
            merged.cache.path.or_else(|| env.cache_dir.clone())
        },
        cache_max_bytes: merged
            .cache
            .max_size_mb
            .unwrap_or(50)
            .saturating_mul(1 << 20),
        style: Style {
            conventional: merged.message.conventional != Some(ConventionalMode::Off),
            follow_house: matches!(
                merged.message.conventional,
                None | Some(ConventionalMode::Auto)
            ),
            max_subject: merged
                .message
                .max_subject
                .unwrap_or(defaults.max_subject)
                .max(10),
            body: merged.message.body.unwrap_or(defaults.body),
            wrap: merged.message.wrap.unwrap_or(defaults.wrap).max(20),
            language: merged
                .message
                .language
                .filter(|l| !l.is_empty() && !l.eq_ignore_ascii_case("en")),
            conventions: Default::default(),
            gitmoji: merged.message.gitmoji.unwrap_or_default(),
        },
        ticket: merged.message.ticket.unwrap_or_default(),
        ticket_pattern: merged
            .message
            .ticket_pattern
            .unwrap_or_else(|| DEFAULT_TICKET.to_owned()),
        instructions: (merged.message.instructions.into_iter())
            .filter(|text| !text.trim().is_empty())
            .collect(),
        filter: FilterOptions {
            globs: Globs {
                withhold: merged.filter.withhold.unwrap_or_default(),
                stats_only: merged.filter.stats_only.unwrap_or_default(),
                text: merged.filter.text.unwrap_or_default(),
            },
            max_file_bytes: merged
                .filter
                .max_file_bytes
                .unwrap_or(filter_defaults.max_file_bytes),
            ..filter_defaults
        },
        hook: HookSettings {
            timeout: seconds(merged.hook.timeout, 20.0),
            skip_sources: merged.hook.skip_sources.unwrap_or_default(),
        },
        changelog: {
            let c = merged.changelog;
            let d = ChangelogOptions::default();
            ChangelogOptions {
                sections: c.sections.unwrap_or(d.sections),
                hidden: c.hidden.unwrap_or(d.hidden),
                tag_pattern: c.tag_pattern.unwrap_or(d.tag_pattern),
                pre_releases: c.pre_releases.unwrap_or(d.pre_releases),
                first_parent: c.first_parent.unwrap_or(d.first_parent),
                forge: c.forge.unwrap_or(d.forge),
                template: c.template,
            }
        },
        redact: crate::redact::RedactOptions {
            policy: merged.redact.policy.unwrap_or_default(),
            rules: merged.redact.rules.unwrap_or_default(),
            allow: merged.redact.allow.unwrap_or_default(),
            allow_paths: merged.redact.allow_paths.unwrap_or_default(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_name_reads_back() {
        for name in PROVIDERS {
            let provider = Provider::parse(name).unwrap();
            assert_eq!(provider.name(), *name);
            assert_eq!(provider, *name);
        }
        assert_eq!(Provider::parse("gpt"), None);
        assert_eq!(Provider::default(), Provider::Auto);
    }
}
