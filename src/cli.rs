//! Command-line definitions (clap derive) and dispatch: one match arm per command.

use crate::config::{self, Env, Overrides};
use crate::error::Error;
use crate::filter::Filter;
use crate::git::Repo;
use crate::hook::{self, InstallOutcome, RunArgs, UninstallOutcome};
use crate::pipeline::{self, Source};
use crate::ui;
use clap::{Args, Parser, Subcommand};
use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Writes commit messages from your staged changes, offline or with a language model.
#[derive(Debug, Parser)]
#[command(name = "git-herald", bin_name = "git herald", version)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub msg: MsgArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a message for the staged changes (the default command)
    Msg(MsgArgs),
    /// Install, remove or inspect the prepare-commit-msg hook
    #[command(subcommand)]
    Hook(HookCommand),
    /// Show where configuration lives and what it resolves to
    #[command(subcommand)]
    Config(ConfigCommand),
}

#[derive(Debug, Args, Default)]
pub struct MsgArgs {
    /// Use the built-in offline engine (no key, no network)
    #[arg(long)]
    pub offline: bool,
    /// Engine to use (`offline`)
    #[arg(long, value_name = "NAME")]
    pub provider: Option<String>,
    /// Model to ask
    #[arg(long, value_name = "NAME")]
    pub model: Option<String>,
    /// Print what would be sent (each file's decision and the text), send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Commit with the message (`git commit -F`; other hooks run as usual)
    #[arg(long, conflicts_with_all = ["dry_run", "diff"])]
    pub commit: bool,
    /// Read a unified diff from FILE (`-` for stdin) instead of the staged changes
    #[arg(long, value_name = "FILE")]
    pub diff: Option<PathBuf>,
    /// Write Conventional Commits headers
    #[arg(long, overrides_with = "no_conventional")]
    pub conventional: bool,
    /// Write a plain subject instead of a Conventional Commits header
    #[arg(long)]
    pub no_conventional: bool,
    /// Longest subject line, in characters
    #[arg(long, value_name = "N")]
    pub max_subject: Option<usize>,
    /// Write the subject line only
    #[arg(long)]
    pub no_body: bool,
}

impl MsgArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            provider: if self.offline {
                Some("offline".into())
            } else {
                self.provider.clone()
            },
            model: self.model.clone(),
            conventional: match (self.conventional, self.no_conventional) {
                (_, true) => Some(false),
                (true, _) => Some(true),
                _ => None,
            },
            max_subject: self.max_subject,
            body: self.no_body.then_some(false),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Install the hook where git runs it (respects `core.hooksPath`)
    Install {
        /// Replace a hook that is not ours, keeping it and running it first
        #[arg(long)]
        force: bool,
    },
    /// Remove the hook and restore the one it replaced
    Uninstall,
    /// Show whether and where the hook is installed
    Status,
    /// Run the hook (what the installed script calls)
    Run {
        /// The commit message file
        file: PathBuf,
        /// Where the message comes from: message, template, merge, squash or commit
        source: Option<String>,
        /// The commit the message comes from, for `commit`
        sha: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the paths of the configuration files
    Path,
    /// Print every setting with where it came from
    Show,
}

/// Parses the command line, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = Env::from_environment();
    match run(cli, &env) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            crate::error::print(&err);
            ExitCode::FAILURE
        }
    }
}

/// Runs one parsed command.
pub fn run(cli: Cli, env: &Env) -> Result<(), Error> {
    match cli.command {
        None => msg(&cli.msg, env),
        Some(Command::Msg(args)) => msg(&args, env),
        Some(Command::Hook(command)) => hook_command(command, env),
        Some(Command::Config(command)) => config_command(command, env),
    }
}

fn msg(args: &MsgArgs, env: &Env) -> Result<(), Error> {
    let input = match &args.diff {
        Some(path) if path.as_os_str() == "-" => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(Error::io("read the diff from stdin"))?;
            Some(buf)
        }
        Some(path) => {
            Some(std::fs::read(path).map_err(Error::io(format!("read `{}`", path.display())))?)
        }
        None => None,
    };
    // With `--diff` a repository is optional: only its `.git-herald.toml` is wanted.
    let repo = match &input {
        Some(_) => Repo::discover().ok(),
        None => Some(Repo::discover()?),
    };
    let config = config::resolve(
        env,
        repo.as_ref().and_then(Repo::work_dir),
        &args.overrides(),
    )?;
    let settings = &config.settings;
    let filter = Filter::new(&settings.filter)?;
    let source = match (&input, &repo) {
        (Some(text), _) => Source::Diff(text),
        (None, Some(repo)) => Source::Staged(repo),
        (None, None) => unreachable!("a repository was required above"),
    };
    let entries = pipeline::collect(source, &filter)?;
    if args.dry_run {
        return ui::out(&pipeline::dry_run(&entries, settings));
    }
    let message = pipeline::write_message(&entries, settings);
    let text = message.to_string();
    if args.commit {
        return commit(&text);
    }
    ui::out(&text)
}

fn commit(text: &str) -> Result<(), Error> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("git")
        .args(["commit", "-F", "-"])
        .stdin(Stdio::piped())
        .spawn()
        .map_err(Error::io("run `git commit`"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(Error::io("pass the message to `git commit`"))?;
    }
    let status = child.wait().map_err(Error::io("wait for `git commit`"))?;
    if status.success() {
        Ok(())
    } else {
        let _ = ui::err(&format!("the message was:\n{text}"));
        Err(Error::Commit(status.to_string()))
    }
}

fn current_exe() -> Result<PathBuf, Error> {
    std::env::current_exe().map_err(Error::io("find this program's own path"))
}

fn hook_command(command: HookCommand, env: &Env) -> Result<(), Error> {
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
            ui::out(&format!("{line}\n"))
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

fn config_command(command: ConfigCommand, env: &Env) -> Result<(), Error> {
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
            ui::out(&out)
        }
        ConfigCommand::Show => {
            let config = config::resolve(env, work_dir, &Overrides::default())?;
            let mut out = String::new();
            for (key, (value, layer)) in &config.origins {
                out.push_str(&format!("{key} = {value}  # {layer}\n"));
            }
            ui::out(&out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_conventional_wins() {
        let cli = Cli::parse_from(["git-herald", "--no-conventional"]);
        assert_eq!(cli.msg.overrides().conventional, Some(false));
        let cli = Cli::parse_from(["git-herald", "--offline", "--no-body"]);
        let o = cli.msg.overrides();
        assert_eq!(
            (o.provider.as_deref(), o.body),
            (Some("offline"), Some(false))
        );
    }
}
