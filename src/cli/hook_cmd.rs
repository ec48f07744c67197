//! `git herald hook install|uninstall|status|run`.

use super::HookCommand;
use crate::cli::error::CommandError;
use crate::cli::hook_run::{self, RunArgs};
use crate::cli::ui;
use git_herald::config::Env;
use git_herald::git::Repo;
use git_herald::history::{Budget, History};
use git_herald::hook::{self, InstallOutcome, UninstallOutcome};
use std::path::PathBuf;

fn current_exe() -> Result<PathBuf, CommandError> {
    std::env::current_exe().map_err(CommandError::io("find this program's own path"))
}

/// The bar shown while `hook install` builds the history index (about half a second per
/// thousand commits): on stderr when it is a terminal, nothing otherwise.
fn index_bar() -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(git_herald::history::WINDOW as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("indexing history {pos}/{len} commits {bar:30}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

pub(super) fn run(command: HookCommand, env: &Env) -> Result<(), CommandError> {
    // The commit git names for `commit` sources is not needed: those are skipped.
    if let HookCommand::Run { file, source, .. } = command {
        let args = RunArgs {
            message_file: file,
            source,
        };
        hook_run::run(&args, env);
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
            // The hook spends only a small budget on the history index: build it now.
            let started = std::time::Instant::now();
            let bar = index_bar();
            let history = History::open_with_progress(&repo, Budget::Unlimited, &mut |n| {
                if let Some(bar) = &bar {
                    bar.set_position(n as u64);
                }
            });
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            if !history.commits.is_empty() {
                ui::err(&format!(
                    "indexed {} for the house style in {:.1} s",
                    git_herald::text::plural(history.commits.len(), "commit", "commits"),
                    started.elapsed().as_secs_f64()
                ))?;
            }
            if let Some(path) = hook::state(&repo, &exe).hooks_path {
                ui::err(&format!(
                    "note: `core.hooksPath` is `{path}`: the hook went there, so every repository \
                     that uses that path runs it"
                ))?;
            }
            // Git turns `git herald --help` into `man git-herald`: put the page where `man`
            // finds it for this binary. Best effort: a read-only prefix only loses `--help`.
            if let Ok(dir) = super::man_cmd::install_dir() {
                let new = !dir.join("git-herald.1").exists();
                if super::man_cmd::write_pages(&dir).is_ok() && new {
                    ui::err(&format!(
                        "note: wrote the manual page into `{}`, for `git herald --help`",
                        dir.display()
                    ))?;
                }
            }
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
