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
    /// Sum up the tokens and cost of model calls from the usage log
    Usage(UsageArgs),
}

#[derive(Debug, Args)]
pub struct UsageArgs {
    /// Count calls from this day on (YYYY-MM-DD, UTC)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Group the totals
    #[arg(long, value_enum, default_value = "total")]
    pub by: UsageGroup,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum UsageGroup {
    Total,
    Day,
    Model,
    Repo,
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
    /// Print only the message: no spinner, no streaming, no engine line
    #[arg(long, short)]
    pub quiet: bool,
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
        Some(Command::Usage(args)) => usage_command(&args, env),
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
    for warning in &config.warnings {
        let _ = ui::err(&format!("warning: {warning}"));
    }
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
    let info = pipeline::RunInfo {
        command: "msg",
        repo: repo_name(repo.as_ref()),
        branch: repo.as_ref().and_then(Repo::branch),
    };
    // With --commit the message goes to git, so stream it to the terminal on stderr.
    let target = if args.commit {
        ui::StreamTo::Stderr
    } else {
        ui::StreamTo::Stdout
    };
    let mut streamer = ui::Streamer::new(target, args.quiet);
    streamer.wait("asking the model");
    let generated = pipeline::generate(&entries, settings, env, &info, &mut |d| {
        streamer.delta(d);
    });
    let generated = match generated {
        Ok(generated) => generated,
        Err(err) => {
            streamer.finish("");
            return Err(err);
        }
    };
    let text = generated.message.to_string();
    let already_shown = streamer.finish(&text);
    if !args.quiet {
        let _ = ui::err(&generated.engine);
    }
    for note in &generated.notes {
        let _ = ui::err(note);
    }
    if args.commit {
        return commit(&text);
    }
    if already_shown {
        return Ok(());
    }
    ui::out(&text)
}

/// Returns the repository's directory name, for the usage log.
fn repo_name(repo: Option<&Repo>) -> String {
    repo.and_then(Repo::work_dir)
        .and_then(|d| d.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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

fn usage_command(args: &UsageArgs, env: &Env) -> Result<(), Error> {
    use crate::usage::{self, GroupBy};
    let repo = Repo::discover().ok();
    let config = config::resolve(
        env,
        repo.as_ref().and_then(Repo::work_dir),
        &Overrides::default(),
    )?;
    let Some(path) = config.settings.usage_path else {
        return ui::out("the usage log is turned off (`usage.enabled = false`)\n");
    };
    let since = args.since.as_deref().map(usage::parse_day).transpose()?;
    let by = match args.by {
        UsageGroup::Total => GroupBy::Total,
        UsageGroup::Day => GroupBy::Day,
        UsageGroup::Model => GroupBy::Model,
        UsageGroup::Repo => GroupBy::Repo,
    };
    let summary = usage::summarise(&path, since, by)?;
    ui::out(&usage::render(&summary, by))
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
            if let Ok(config) = config::resolve(env, work_dir, &Overrides::default()) {
                if let Some(path) = config.settings.usage_path {
                    out.push_str(&format!("usage: {}\n", path.display()));
                }
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
