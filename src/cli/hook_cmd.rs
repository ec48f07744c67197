//! `git herald hook install|uninstall|status|run`.

use super::HookCommand;
use crate::config::Env;
use crate::error::Error;
use crate::git::Repo;
use crate::hook::{self, InstallOutcome, RunArgs, UninstallOutcome};
use crate::ui;
use std::path::PathBuf;

fn current_exe() -> Result<PathBuf, Error> {
    std::env::current_exe().map_err(Error::io("find this program's own path"))
}

pub(super) fn run(command: HookCommand, env: &Env) -> Result<(), Error> {
    if let HookCommand::Run { file, source, sha } = command {
        let args = RunArgs {
            message_file: file,
            source,
            sha,
        };
        hook::run(&args, env);
        return Ok(());
    }
    let repo = Repo::discover()?;
    let exe = current_exe()?;
    match command {
        HookCommand::Install { force } => {
            let line = match hook::install(&repo, &exe, force)? {
                InstallOutcome::Installed(path) => format!("installed `{}`", path.display()),
                InstallOutcome::Chained { hook, backup } => format!(
                    "installed `{}`; the previous hook is now `{}` and runs first",
                    hook.display(),
                    backup.display()
                ),
                InstallOutcome::Updated(path) => format!("updated `{}`", path.display()),
                InstallOutcome::AlreadyInstalled(path) => {
                    format!("already installed at `{}`", path.display())
                }
            };
            ui::out(&format!("{line}\n"))?;
            // lefthook rewrites the hooks it manages on `lefthook install`: say how to stay.
            if hook::state(&repo, &exe).manager == Some(hook::Manager::Lefthook) {
                ui::err(&format!(
                    "note: lefthook is set up here; if it manages prepare-commit-msg, `lefthook \
                     install` replaces this hook. To keep git-herald, {}",
                    hook::Manager::Lefthook.snippet()
                ))?;
            }
            Ok(())
        }
        HookCommand::Uninstall => {
            let line = match hook::uninstall(&repo, &exe)? {
                UninstallOutcome::Removed(path) => format!("removed `{}`", path.display()),
                UninstallOutcome::Restored(path) => {
                    format!(
                        "removed git-herald's hook and restored `{}`",
                        path.display()
                    )
                }
                UninstallOutcome::NotInstalled => "not installed; nothing to do".into(),
            };
            ui::out(&format!("{line}\n"))
        }
        HookCommand::Status => ui::out(&hook::status(&repo, &exe)),
        HookCommand::Run { .. } => unreachable!("handled above"),
    }
}
