//! Configuration layers (built-in defaults < user file < repository file < `GIT_HERALD_*` env <
//! flags) resolved into one `Settings`, with the trust rule for the repository's own file.
//!
//! One job a file: `file` (the file format), `keys` (every key and the trust rule), `env` and
//! `env_vars` (the environment, read once), `layers` (merging them), `settings` (the resolved
//! result), `secret` (credentials and masking), `edit` (`config set`/`unset`), `error`.

pub mod edit;
mod env;
pub mod env_vars;
mod error;
mod file;
mod keys;
mod layers;
mod secret;
mod settings;

pub use env::Env;
pub use error::{ConfigError, TomlMessage, TomlSyntax};
pub use file::{
    ConventionalMode, DEFAULTS, KEYS, MAX_SECONDS, MODEL_KEYS, ModelConfig, REPO_FILE, TicketMode,
};
pub use keys::{KeyKind, is_secret, key_path, repo_may_set};
pub use layers::{Config, Layer, Overrides, check_file, resolve, resolve_deferred};
pub use secret::{KeySource, Secret, mask_url};
pub use settings::{
    AzureSettings, BudgetSettings, DEFAULT_TICKET, HookSettings, NetworkSettings, PROVIDERS,
    Provider, Retry, Settings,
};

/// Writes a file for a test and returns its path.
#[cfg(test)]
fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}
