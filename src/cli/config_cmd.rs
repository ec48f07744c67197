//! `git herald config path|show|get|set|unset`.

use super::ConfigCommand;
use crate::cli::error::{CliError, CommandError};
use crate::cli::ui;
use git_herald::config::edit::{self as config_file, EditError, Outcome, Target};
use git_herald::config::{self, Env, Overrides};
use git_herald::git::Repo;
use std::path::Path;

pub(super) fn run(command: ConfigCommand, env: &Env) -> Result<(), CommandError> {
    let repo = Repo::discover().ok();
    let work_dir = repo.as_ref().and_then(Repo::work_dir);
    match command {
        ConfigCommand::Path => {
            let user = env.user_file().map_or_else(
                || "(none on this platform)".into(),
                |p| p.display().to_string(),
            );
            let mut out = format!("user: {user}\n");
            if let Some(dir) = work_dir {
                out.push_str(&format!(
                    "repo: {}\n",
                    dir.join(config::REPO_FILE).display()
                ));
            }
            if let Ok(config) = config::resolve(env, work_dir, &Overrides::default())
                && let Some(path) = config.settings.usage_path
            {
                out.push_str(&format!("usage: {}\n", path.display()));
            }
            ui::out(&out)
        }
        ConfigCommand::Show => {
            let config = config::resolve(env, work_dir, &Overrides::default())?;
            let mut out = String::new();
            for (key, (value, layer)) in &config.origins {
                out.push_str(&format!("{key} = {value}  # {layer}\n"));
            }
            // What the providers' own variables set, which the model calls use.
            for key in ECOSYSTEM_KEYS {
                if !config.origins.contains_key(*key)
                    && let Some((value, origin)) = from_ecosystem(env, key)
                {
                    out.push_str(&format!("{key} = {value}  # {origin}\n"));
                }
            }
            ui::out(&out)
        }
        ConfigCommand::Get { key } => {
            let (parts, _) = config_file::lookup(&key)?;
            let key = parts.join(".");
            let config = config::resolve(env, work_dir, &Overrides::default())?;
            match config.origins.get(&key) {
                Some((_, layer)) if config::is_secret(&key) => {
                    ui::out(&format!("****  # {layer}\n"))
                }
                Some((value, layer)) => ui::out(&format!("{value}  # {layer}\n")),
                None => match from_ecosystem(env, &key) {
                    Some((value, origin)) => ui::out(&format!("{value}  # {origin}\n")),
                    None => Err(CliError::Unset(key).into()),
                },
            }
        }
        ConfigCommand::Set { key, value, repo } => {
            let target = target(env, work_dir, repo)?;
            config_file::set(&target, &key, &value)?;
            if config::is_secret(&key) {
                ui::err(
                    "warning: a key in a file is less safe than the provider's variable \
                     (`OPENAI_API_KEY`, …) or `api-key-cmd` (a password manager); the file is \
                     now readable by you only",
                )?;
            }
            ui::out(&format!("set `{key}` in `{}`\n", target.path.display()))
        }
        ConfigCommand::Unset { key, repo } => {
            let target = target(env, work_dir, repo)?;
            let line = match config_file::unset(&target, &key)? {
                Outcome::Written => format!("removed `{key}` from `{}`", target.path.display()),
                Outcome::Absent => format!(
                    "`{key}` is not set in `{}`; nothing to do",
                    target.path.display()
                ),
            };
            ui::out(&format!("{line}\n"))
        }
    }
}

/// The file `set` and `unset` edit: the user's, or with `--repo` the repository's.
fn target<'a>(
    env: &Env,
    work_dir: Option<&'a Path>,
    repo: bool,
) -> Result<Target<'a>, CommandError> {
    if repo {
        let dir = match work_dir {
            Some(dir) => dir,
            None => {
                // Not in a work tree: let discovery say why.
                Repo::discover()?;
                return Err(CliError::BareRepo.into());
            }
        };
        return Ok(Target {
            path: dir.join(config::REPO_FILE),
            repo: Some(dir),
        });
    }
    let path = env.user_file().ok_or(EditError::NoUserFile)?;
    Ok(Target { path, repo: None })
}

/// The keys a provider's own variable may set in effect (`OPENAI_BASE_URL`, …).
const ECOSYSTEM_KEYS: &[&str] = &["api-key", "base-url", "azure.endpoint"];

/// The value in force for `key` from a provider's own variable, when no layer sets it, and
/// where it came from: keys masked, credentials in URLs masked.
fn from_ecosystem(env: &Env, key: &str) -> Option<(String, String)> {
    use git_herald::config::env_vars::{
        ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT,
        OPENAI_API_KEY, OPENAI_BASE_URL,
    };
    let (vars, secret): (&[(&str, &str)], bool) = match key {
        "api-key" => (
            &[
                (OPENAI_API_KEY, "openai"),
                (ANTHROPIC_API_KEY, "anthropic"),
                (AZURE_OPENAI_API_KEY, "azure"),
            ],
            true,
        ),
        "base-url" => (
            &[
                (OPENAI_BASE_URL, "openai"),
                (ANTHROPIC_BASE_URL, "anthropic"),
            ],
            false,
        ),
        "azure.endpoint" => (&[(AZURE_OPENAI_ENDPOINT, "azure")], false),
        _ => return None,
    };
    vars.iter().find_map(|(var, provider)| {
        let value = env.get(var).filter(|v| !v.trim().is_empty())?;
        let shown = if secret {
            "****".to_owned()
        } else {
            format!("\"{}\"", config::mask_url(value))
        };
        Some((shown, format!("env {var} (used by {provider})")))
    })
}
