//! `git herald cache path|size|clear`: the cache of model answers.

use super::CacheCommand;
use crate::cli::error::CommandError;
use crate::cli::ui;
use git_herald::cache::Cache;
use git_herald::config::Env;

pub(super) fn run(command: &CacheCommand, env: &Env) -> Result<(), CommandError> {
    let (_, config) = super::here(env)?;
    let settings = &config.settings;
    let Some(dir) = settings.cache_dir.clone() else {
        return ui::out("the cache is turned off (`cache.enabled = false`)\n");
    };
    let cache = Cache::new(Some(dir.clone()), settings.cache_max_bytes);
    let failed = |what: &str| CommandError::io(format!("{what} the cache in `{}`", dir.display()));
    match command {
        CacheCommand::Path => ui::out(&format!("{}\n", dir.display())),
        CacheCommand::Size => {
            let stats = cache.stats().map_err(failed("read"))?;
            ui::out(&format!(
                "{}, {} (bound: {}; `cache.max-size-mb`)\n",
                answers(stats.entries),
                size(stats.bytes),
                match settings.cache_max_bytes {
                    0 => "none".to_owned(),
                    max => size(max),
                }
            ))
        }
        CacheCommand::Clear => {
            let stats = cache.clear().map_err(failed("clear"))?;
            ui::out(&format!(
                "removed {} ({})\n",
                answers(stats.entries),
                size(stats.bytes)
            ))
        }
    }
}

fn answers(n: u64) -> String {
    git_herald::text::plural(n, "answer", "answers")
}

/// Formats a byte count for people.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / f64::from(1 << 10)),
        b => format!("{b} bytes"),
    }
}
