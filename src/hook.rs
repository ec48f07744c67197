//! The `prepare-commit-msg` hook: install, uninstall and status, and the helpers the
//! fail-open `hook run` process (in the binary's face) uses to read the message file. The
//! script itself lives in `hooks/`.

use crate::git::Repo;
use std::fs;
use std::path::{Path, PathBuf};

/// Why installing or removing the hook failed.
#[derive(Debug, thiserror::Error)]
pub enum HookError {
    #[error("`core.hooksPath` is `{hooks_path}`, managed by husky; not installing into it\n{}", Manager::Husky.snippet())]
    Husky { hooks_path: String },
    #[error("`{}` already exists and is not git-herald's; not replacing it\n{}", .hook.display(), foreign_hint(*.manager))]
    Foreign {
        hook: PathBuf,
        manager: Option<Manager>,
    },
    #[error("both `{}` and `{}` exist; move one of them away first", .hook.display(), .backup.display())]
    BothExist { hook: PathBuf, backup: PathBuf },
    #[error("`{}` is not git-herald's; leaving it alone", .hook.display())]
    NotOurs { hook: PathBuf },
    #[error("failed to {what}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

impl HookError {
    fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> HookError {
        let what = what.into();
        move |source| HookError::Io { what, source }
    }
}

/// The second line of [`HookError::Foreign`]: what to do about a hook that is not ours.
fn foreign_hint(manager: Option<Manager>) -> String {
    match manager {
        Some(manager) => format!("it looks like {}'s: {}", manager.name(), manager.snippet()),
        None => "run `git herald hook install --force` to keep it (renamed to \
                 `prepare-commit-msg.pre-herald`, run before git-herald) and install ours"
            .into(),
    }
}

/// The hook's file name.
pub const HOOK_NAME: &str = "prepare-commit-msg";
/// Where a foreign hook is kept when installing with `--force`; our script runs it first.
pub const BACKUP_NAME: &str = "prepare-commit-msg.pre-herald";
/// The line that marks a hook script as ours.
const MARKER: &str = "# git-herald prepare-commit-msg hook";
const SCRIPT: &str = include_str!("../hooks/prepare-commit-msg");

/// Returns the script to install, calling the binary at `exe`.
pub fn script(exe: &Path) -> String {
    SCRIPT.replace("@GIT_HERALD_BIN@", &shell_quote(&exe.to_string_lossy()))
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// What is in the hooks directory now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    None,
    /// Our script; `current` when it matches what `install` would write.
    Ours {
        current: bool,
    },
    /// Someone else's hook.
    Foreign,
}

/// Another hook manager that owns the repository's hooks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manager {
    Husky,
    PreCommit,
    Lefthook,
}

impl Manager {
    /// Returns what to add to the manager's configuration instead of installing our script.
    pub fn snippet(self) -> &'static str {
        match self {
            Manager::Husky => {
                "husky runs the scripts in `.husky/`: add this line to `.husky/prepare-commit-msg`:\n\
                 \n    git-herald hook run \"$@\"\n"
            }
            Manager::PreCommit => {
                "add this to `.pre-commit-config.yaml`, then run \
                 `pre-commit install --hook-type prepare-commit-msg`:\n\
                 \n  - repo: local\n    hooks:\n      - id: git-herald\n        name: git-herald\n        \
                 entry: git-herald hook run\n        language: system\n        \
                 stages: [prepare-commit-msg]\n        always_run: true\n"
            }
            Manager::Lefthook => {
                "add this to `lefthook.yml`, then run `lefthook install`:\n\
                 \nprepare-commit-msg:\n  commands:\n    git-herald:\n      \
                 run: git-herald hook run {1} {2} {3}\n"
            }
        }
    }

    /// Returns the manager's name: `husky`, `pre-commit`, `lefthook`.
    pub fn name(self) -> &'static str {
        match self {
            Manager::Husky => "husky",
            Manager::PreCommit => "pre-commit",
            Manager::Lefthook => "lefthook",
        }
    }
}

/// The state of the hook in one repository.
#[derive(Debug, Clone)]
pub struct HookState {
    pub dir: PathBuf,
    pub installed: Installed,
    pub backup: bool,
    /// `core.hooksPath`, when it is set.
    pub hooks_path: Option<String>,
    /// A hook manager whose files are present.
    pub manager: Option<Manager>,
    /// The manager's file that runs git-herald, when one does (git-herald wired into husky,
    /// pre-commit or lefthook as `hook install` told).
    pub wired: Option<PathBuf>,
    /// git-herald's own script, kept aside by a manager that took the hook over:
    /// `prepare-commit-msg.legacy` (pre-commit's migration mode, which still runs it) or
    /// `prepare-commit-msg.old` (lefthook, which does not).
    pub kept: Option<Kept>,
}

/// git-herald's script, kept aside by a hook manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub path: PathBuf,
    /// Whether the manager still runs it.
    pub runs: bool,
}

impl HookState {
    /// Tells whether git-herald runs on `git commit`: its hook is in place, a manager runs it,
    /// or a manager runs the script it kept aside.
    pub fn runs(&self) -> bool {
        matches!(self.installed, Installed::Ours { .. })
            || self.wired.is_some()
            || self.kept.as_ref().is_some_and(|k| k.runs)
    }
}

/// Where each manager is told to run git-herald, relative to the top of the work tree.
fn manager_files(manager: Manager) -> &'static [&'static str] {
    match manager {
        Manager::Husky => &[".husky/prepare-commit-msg"],
        Manager::PreCommit => &[".pre-commit-config.yaml", ".pre-commit-config.yml"],
        Manager::Lefthook => &[
            "lefthook.yml",
            ".lefthook.yml",
            "lefthook.yaml",
            ".lefthook.yaml",
            "lefthook-local.yml",
        ],
    }
}

/// Returns the manager's file that runs git-herald (`git-herald hook run`, or pre-commit's
/// hook id `git-herald`), if any.
fn wired(repo: &Repo, manager: Manager) -> Option<PathBuf> {
    let top = repo.work_dir()?;
    manager_files(manager)
        .iter()
        .map(|name| top.join(name))
        .find(|path| {
            fs::read_to_string(path).is_ok_and(|text| {
                text.contains("git-herald hook run") || text.contains("id: git-herald")
            })
        })
}

/// Returns git-herald's script where a manager kept it aside, if it did.
fn kept(dir: &Path) -> Option<Kept> {
    [("legacy", true), ("old", false)]
        .into_iter()
        .map(|(ext, runs)| Kept {
            path: dir.join(format!("{HOOK_NAME}.{ext}")),
            runs,
        })
        .find(|k| fs::read_to_string(&k.path).is_ok_and(|text| text.contains(MARKER)))
}

/// Returns the hook's state in this repository (also for `git herald doctor`).
pub fn state(repo: &Repo, exe: &Path) -> HookState {
    let dir = repo.hooks_dir();
    let hook = dir.join(HOOK_NAME);
    let installed = match fs::read_to_string(&hook) {
        Ok(text) if text.contains(MARKER) => Installed::Ours {
            current: text == script(exe),
        },
        Ok(_) => Installed::Foreign,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Installed::None,
        // Unreadable or not UTF-8: certainly not ours.
        Err(_) => Installed::Foreign,
    };
    let hooks_path = repo.config_path("core.hooksPath");
    let manager = detect_manager(repo, hooks_path.as_deref(), &hook);
    HookState {
        backup: dir.join(BACKUP_NAME).exists(),
        installed,
        wired: manager.and_then(|m| wired(repo, m)),
        kept: kept(&dir),
        manager,
        hooks_path,
        dir,
    }
}

fn detect_manager(repo: &Repo, hooks_path: Option<&str>, hook: &Path) -> Option<Manager> {
    if hooks_path.is_some_and(|p| p.contains(".husky")) {
        return Some(Manager::Husky);
    }
    let existing = fs::read_to_string(hook).unwrap_or_default();
    if existing.contains("pre-commit.com") || existing.contains("File generated by pre-commit") {
        return Some(Manager::PreCommit);
    }
    if existing.contains("lefthook") {
        return Some(Manager::Lefthook);
    }
    let top = repo.work_dir()?;
    let has = |name: &str| top.join(name).exists();
    if [
        "lefthook.yml",
        ".lefthook.yml",
        "lefthook.yaml",
        ".lefthook.yaml",
    ]
    .iter()
    .any(|n| has(n))
    {
        return Some(Manager::Lefthook);
    }
    None
}

/// The outcome of `hook install`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallOutcome {
    Installed(PathBuf),
    /// Installed, with the previous hook kept at this path and chained.
    Chained {
        hook: PathBuf,
        backup: PathBuf,
    },
    Updated(PathBuf),
    AlreadyInstalled(PathBuf),
}

/// Installs the hook where git will run it.
///
/// Refuses to replace a hook that is not ours unless `force`, and then keeps it (renamed) and
/// runs it first. Refuses to write where a hook manager would overwrite or ignore it, and says
/// what to add to that manager instead.
pub fn install(repo: &Repo, exe: &Path, force: bool) -> Result<InstallOutcome, HookError> {
    let state = state(repo, exe);
    let hook = state.dir.join(HOOK_NAME);
    if state.manager == Some(Manager::Husky) {
        return Err(HookError::Husky {
            hooks_path: state.hooks_path.unwrap_or_default(),
        });
    }
    let text = script(exe);
    match state.installed {
        Installed::Ours { current: true } => return Ok(InstallOutcome::AlreadyInstalled(hook)),
        Installed::Ours { current: false } => {
            write_script(&hook, &text)?;
            return Ok(InstallOutcome::Updated(hook));
        }
        Installed::Foreign if !force => {
            return Err(HookError::Foreign {
                hook,
                manager: state.manager,
            });
        }
        Installed::Foreign => {
            let backup = state.dir.join(BACKUP_NAME);
            if backup.exists() {
                return Err(HookError::BothExist { hook, backup });
            }
            fs::rename(&hook, &backup)
                .map_err(HookError::io(format!("move `{}` aside", hook.display())))?;
            write_script(&hook, &text)?;
            return Ok(InstallOutcome::Chained { hook, backup });
        }
        Installed::None => {}
    }
    fs::create_dir_all(&state.dir)
        .map_err(HookError::io(format!("create `{}`", state.dir.display())))?;
    write_script(&hook, &text)?;
    Ok(InstallOutcome::Installed(hook))
}

fn write_script(path: &Path, text: &str) -> Result<(), HookError> {
    let what = || format!("write the hook `{}`", path.display());
    let tmp = path.with_extension("herald-tmp");
    fs::write(&tmp, text).map_err(HookError::io(what()))?;
    set_executable(&tmp).map_err(HookError::io(what()))?;
    fs::rename(&tmp, path).map_err(HookError::io(what()))
}

#[cfg(unix)]
fn set_executable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn set_executable(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The outcome of `hook uninstall`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UninstallOutcome {
    Removed(PathBuf),
    /// Removed, and the hook that was there before put back.
    Restored(PathBuf),
    NotInstalled,
}

/// Removes our hook and puts back the one it replaced, byte for byte.
pub fn uninstall(repo: &Repo, exe: &Path) -> Result<UninstallOutcome, HookError> {
    let state = state(repo, exe);
    let hook = state.dir.join(HOOK_NAME);
    match state.installed {
        Installed::Ours { .. } => {
            fs::remove_file(&hook)
                .map_err(HookError::io(format!("remove `{}`", hook.display())))?;
            if state.backup {
                fs::rename(state.dir.join(BACKUP_NAME), &hook)
                    .map_err(HookError::io(format!("restore `{}`", hook.display())))?;
                return Ok(UninstallOutcome::Restored(hook));
            }
            Ok(UninstallOutcome::Removed(hook))
        }
        // A manager took the hook over and kept git-herald's script aside: remove that.
        _ if state.kept.is_some() => {
            let kept = state.kept.map(|k| k.path).unwrap_or_default();
            fs::remove_file(&kept)
                .map_err(HookError::io(format!("remove `{}`", kept.display())))?;
            Ok(UninstallOutcome::Removed(kept))
        }
        Installed::Foreign => Err(HookError::NotOurs { hook }),
        Installed::None => Ok(UninstallOutcome::NotInstalled),
    }
}

/// Describes the hook's state in this repository, one fact per line.
pub fn status(repo: &Repo, exe: &Path) -> String {
    let state = state(repo, exe);
    let hook = state.dir.join(HOOK_NAME);
    let mut out = String::new();
    let through = |manager: Manager, file: &Path| {
        format!(
            "git-herald runs through {} (`{}`)",
            manager.name(),
            file.display()
        )
    };
    let line = match (&state.installed, state.manager, &state.wired) {
        (Installed::None | Installed::Foreign, Some(manager), Some(file)) => through(manager, file),
        (installed, ..) => status_line(installed, &hook),
    };
    out.push_str(&format!("hook: {line}\n"));
    if let Some(kept) = &state.kept {
        out.push_str(&if kept.runs {
            format!(
                "kept: git-herald's hook runs from `{}` (pre-commit's migration mode); \
                 `git herald hook uninstall` removes it\n",
                kept.path.display()
            )
        } else {
            format!(
                "kept: `{}` is git-herald's hook, set aside by a hook manager; it no longer \
                 runs (add git-herald to the manager, or `git herald hook uninstall` removes it)\n",
                kept.path.display()
            )
        });
    }
    if state.backup {
        out.push_str(&format!(
            "chained: `{}` runs first\n",
            state.dir.join(BACKUP_NAME).display()
        ));
    }
    if let Some(path) = &state.hooks_path {
        out.push_str(&format!("core.hooksPath: `{path}`\n"));
    }
    if let Some(manager) = state.manager {
        out.push_str(&format!("hook manager: {}\n", manager.name()));
    }
    out
}

fn status_line(installed: &Installed, hook: &Path) -> String {
    match installed {
        Installed::None => format!("not installed (git would run `{}`)", hook.display()),
        Installed::Ours { current: true } => format!("installed at `{}`", hook.display()),
        Installed::Ours { current: false } => format!(
            "installed at `{}`, from another git-herald binary or version \
             (`git herald hook install` updates it)",
            hook.display()
        ),
        Installed::Foreign => format!("`{}` is another program's hook", hook.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_calls_the_binary_quoted() {
        let text = script(Path::new("/opt/it's here/git-herald"));
        assert!(
            text.contains(r"herald='/opt/it'\''s here/git-herald'"),
            "{text}"
        );
        assert!(text.contains(MARKER));
        assert!(!text.contains("@GIT_HERALD_BIN@"));
    }
}
