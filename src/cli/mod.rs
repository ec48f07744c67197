//! Command-line definitions (clap derive) and dispatch: one match arm per command. Each
//! command's body lives in a submodule of its own.

mod cache_cmd;
mod commit;
mod completions_cmd;
mod config_cmd;
mod doctor_cmd;
mod error;
mod history;
mod hook_cmd;
mod hook_run;
mod interact;
mod man_cmd;
mod msg;
mod redact_cmd;
mod ui;
mod usage_cmd;

use crate::cli::error::{CliError, CommandError};
use clap::{Args, Parser, Subcommand};
use git_herald::config::{Env, Overrides};
use std::ffi::OsString;
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
    /// When to colour output: `auto` (on a terminal, unless `NO_COLOR` is set;
    /// `CLICOLOR_FORCE` forces it), `always` or `never`
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

impl From<ColorWhen> for crate::cli::ui::When {
    fn from(when: ColorWhen) -> Self {
        match when {
            ColorWhen::Auto => crate::cli::ui::When::Auto,
            ColorWhen::Always => crate::cli::ui::When::Always,
            ColorWhen::Never => crate::cli::ui::When::Never,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a message for the staged changes (the default command)
    Msg(MsgArgs),
    /// Write a message, review it (accept, edit, regenerate, cancel) and commit: `--commit -i`
    Commit(MsgArgs),
    /// Install, remove or inspect the prepare-commit-msg hook
    #[command(subcommand)]
    Hook(HookCommand),
    /// Show where configuration lives and what it resolves to
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Sum up the tokens and cost of model calls from the usage log
    Usage(UsageArgs),
    /// Write a changelog from the history between release tags
    Changelog(ChangelogArgs),
    /// Write one tag's release notes (for CI; fills GitHub Actions' step outputs)
    ReleaseNotes(ReleaseNotesArgs),
    /// Show which secrets would be redacted before anything is sent, or the redacted text
    Redact(RedactArgs),
    /// Show or clear the cache of model answers
    #[command(subcommand)]
    Cache(CacheCommand),
    /// Check the set-up: config files, engine and key, hook, paths and proxy
    Doctor(DoctorArgs),
    /// Print a shell completion script (the README says where each goes)
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a directory
    Man {
        /// Write `git-herald.1`, `git-herald-hook.1`, … into DIR instead
        #[arg(long, value_name = "DIR", conflicts_with = "install")]
        dir: Option<PathBuf>,
        /// Write them where `man` finds them for this binary (`<bin>/../share/man/man1`), so
        /// `git herald --help` works
        #[arg(long)]
        install: bool,
    },
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Send nothing: skip the request that checks the key
    #[arg(long, visible_alias = "offline")]
    pub no_network: bool,
}

#[derive(Debug, Args)]
pub struct RedactArgs {
    /// A diff or any text (`-` for stdin); default: the staged changes
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Print the redacted text (the input byte for byte, secrets replaced) instead of the
    /// findings
    #[arg(long)]
    pub print: bool,
}

#[derive(Debug, Args)]
pub struct UsageArgs {
    /// Count calls from this day on (YYYY-MM-DD, `today`, `yesterday`, `N days ago`; UTC)
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

#[derive(Debug, Args)]
pub struct ChangelogArgs {
    /// Commits to describe: `A..B` with any revisions (default: the latest tag..HEAD)
    #[arg(value_name = "RANGE", conflicts_with_all = ["latest", "current", "all", "unreleased"])]
    pub range: Option<String>,
    /// Name the unreleased section (the version about to be tagged); an existing tag picks
    /// that tag's release
    #[arg(long, value_name = "NAME", conflicts_with_all = ["latest", "current"])]
    pub tag: Option<String>,
    /// Describe the latest tag against the one before
    #[arg(long, conflicts_with_all = ["current", "all", "unreleased"])]
    pub latest: bool,
    /// Describe the tag at HEAD against the one before
    #[arg(long, conflicts_with_all = ["all", "unreleased"])]
    pub current: bool,
    /// Describe every tag, newest first, with unreleased commits on top
    #[arg(long, conflicts_with = "unreleased")]
    pub all: bool,
    /// Describe the commits after the latest tag (the default)
    #[arg(long)]
    pub unreleased: bool,
    /// Output format [default: md, or `changelog.template` when it is set]
    #[arg(long, value_enum)]
    pub format: Option<ChangelogFormat>,
    /// Render with the minijinja template FILE (it gets the data of `--format json`)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["format", "prepend"])]
    pub template: Option<PathBuf>,
    /// Write to FILE instead of stdout
    #[arg(long, short, value_name = "FILE", conflicts_with = "prepend")]
    pub output: Option<PathBuf>,
    /// Insert the release under FILE's header (replacing a section of the same version)
    #[arg(long, value_name = "FILE")]
    pub prepend: Option<PathBuf>,
    /// With --prepend: also replace a section of the same version that git-herald did not
    /// write (a hand-curated one)
    #[arg(long, requires = "prepend")]
    pub replace: bool,
    #[command(flatten)]
    pub shared: HistoryArgs,
}

/// What `changelog` and `release-notes` both take: which commits count, and who writes.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this package's tags are releases (`NAME-v1.2.0`, `NAME@1.2.0`)
    #[arg(long, value_name = "NAME")]
    pub package: Option<String>,
    /// List only commits that touch a path matching GLOB (can be repeated)
    #[arg(long, value_name = "GLOB")]
    pub include_path: Vec<String>,
    /// Write with the built-in rules only, never a model (no key, no network)
    #[arg(long)]
    pub offline: bool,
    /// List who contributed, first-time contributors marked
    #[arg(long)]
    pub contributors: bool,
    /// Write the built-in style, not the one learned from the project's CHANGELOG.md
    #[arg(long)]
    pub builtin_style: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChangelogFormat {
    /// Markdown in Keep a Changelog style
    Md,
    /// The structured data (schema in the `changelog` module docs)
    Json,
}

impl ChangelogArgs {
    fn target(&self) -> git_herald::changelog::Target {
        use git_herald::changelog::{Selection, Target};
        match &self.range {
            Some(range) => Target::Range(range.clone()),
            None if self.latest => Target::Tags(Selection::Latest),
            None if self.current => Target::Tags(Selection::Current),
            None if self.all => Target::Tags(Selection::All),
            None => Target::Tags(Selection::Unreleased),
        }
    }
}

#[derive(Debug, Args)]
pub struct ReleaseNotesArgs {
    /// The tag to describe (default: `GITHUB_REF_NAME` when a tag triggered the run, else the
    /// tag at HEAD)
    #[arg(long, value_name = "NAME")]
    pub tag: Option<String>,
    /// Render with the minijinja template FILE (it gets the data of `changelog --format json`)
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Write to FILE instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write FILE for GitLab CI's `artifacts:reports:dotenv`: `NOTES_VERSION`,
    /// `NOTES_PREVIOUS_VERSION`, `NOTES_TAG`, `NOTES_RANGE` and `NOTES_FILE` (the `--output`
    /// file)
    #[arg(long, value_name = "FILE", requires = "output")]
    pub dotenv: Option<PathBuf>,
    #[command(flatten)]
    pub shared: HistoryArgs,
    /// Describe the commits after the latest tag as the next version, chosen from them
    /// (major for breaking changes, minor for features, else patch; in 0.x one step lower)
    #[arg(long, conflicts_with = "tag")]
    pub bump: bool,
}

#[derive(Debug, Args, Default)]
pub struct MsgArgs {
    /// Use the built-in offline engine (no key, no network)
    #[arg(long)]
    pub offline: bool,
    /// Engine to use
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(git_herald::config::PROVIDERS))]
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
    /// Review before committing: accept, edit in your editor, regenerate (with a hint) or
    /// cancel; implies --commit and needs a terminal
    #[arg(long, short, conflicts_with_all = ["dry_run", "diff", "quiet"])]
    pub interactive: bool,
    /// Write N candidates (one request where the API takes `n`) and pick one; models only
    #[arg(long = "candidates", short = 'n', value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u8).range(1..=git_herald::compose::MAX_CANDIDATES as i64))]
    pub candidates: u8,
    /// Arguments for `git commit` after `--` (`git herald commit -- --signoff`)
    #[arg(last = true, value_name = "GIT-COMMIT-ARGS")]
    pub git_args: Vec<String>,
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
    /// Language of the message (`de`, `zh-CN`, `ja`, …); models only
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Neither read nor write the cache of model answers (every call goes to the model)
    #[arg(long)]
    pub no_cache: bool,
    /// Stage every tracked file's changes first (`git add -u`, as `git commit -a` does)
    #[arg(long, short = 'a', conflicts_with = "diff")]
    pub all: bool,
    /// Leave files matching GLOB out of this run: named, never read nor sent (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Put the type's gitmoji in front of the subject (`✨ feat: …`)
    #[arg(long)]
    pub gitmoji: bool,
}

impl MsgArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            language: self.lang.clone(),
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
            gitmoji: self.gitmoji.then_some(true),
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
pub enum CacheCommand {
    /// Print the cache directory
    Path,
    /// Print how many answers the cache holds and their size
    Size,
    /// Remove every cached answer
    Clear,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the paths of the configuration files
    Path,
    /// Print every setting with where it came from
    Show,
    /// Print a key's value and where it came from (`message.max-subject`)
    Get {
        /// The dotted key
        key: String,
    },
    /// Set a key in your user config, keeping its comments and layout
    Set {
        /// The dotted key (`message.max-subject`, `provider`, `budget.concurrency`)
        key: String,
        /// The value in TOML syntax (`72`, `true`, `["a", "b"]`); a bare word is text
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// Write the repository's `.git-herald.toml` instead (style keys only)
        #[arg(long)]
        repo: bool,
    },
    /// Remove a key from your user config
    Unset {
        /// The dotted key
        key: String,
        /// Edit the repository's `.git-herald.toml` instead
        #[arg(long)]
        repo: bool,
    },
}

/// The repository around the working directory, if any, and the configuration resolved for
/// it: what commands that work in or out of a repository start with.
fn here(
    env: &Env,
) -> Result<(Option<git_herald::git::Repo>, git_herald::config::Config), CommandError> {
    let repo = git_herald::git::Repo::discover().ok();
    let work_dir = repo.as_ref().and_then(git_herald::git::Repo::work_dir);
    let config = git_herald::config::resolve(env, work_dir, &Overrides::default())?;
    Ok((repo, config))
}

/// Builds the one async runtime of a command (model calls, the engine's choice): a
/// current-thread runtime, as only `llm` is async. The only runtime builder in the crate.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, CommandError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(CommandError::io("start the async runtime"))
}

/// Parses the command line, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse_from(color_last(std::env::args_os().collect()));
    let env = Env::from_environment();
    crate::cli::ui::set_colour(cli.color.into(), &env);
    match run(cli, &env) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            crate::cli::error::print(&err);
            ExitCode::FAILURE
        }
    }
}

/// Moves `--color` after the subcommand, where clap takes it: with
/// `args_conflicts_with_subcommands` it refuses any flag before one, global flags included, so
/// `git herald --color always doctor` would be a usage error. Nothing after `--` moves.
fn color_last(args: Vec<OsString>) -> Vec<OsString> {
    let end = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let mut kept = Vec::with_capacity(args.len());
    let mut moved = Vec::new();
    let mut args = args.into_iter().enumerate().peekable();
    while let Some((i, arg)) = args.next() {
        let is_flag = i > 0 && i < end;
        if is_flag && arg == "--color" && args.peek().is_some_and(|(j, _)| *j < end) {
            moved.push(arg);
            moved.extend(args.next().map(|(_, value)| value));
        } else if is_flag && arg.to_str().is_some_and(|a| a.starts_with("--color=")) {
            moved.push(arg);
        } else {
            kept.push(arg);
        }
    }
    let at = kept.iter().position(|a| a == "--").unwrap_or(kept.len());
    kept.splice(at..at, moved);
    kept
}

/// Runs one parsed command.
pub fn run(cli: Cli, env: &Env) -> Result<(), CommandError> {
    match cli.command {
        None => msg::run(&cli.msg, env),
        Some(Command::Msg(args)) => msg::run(&args, env),
        Some(Command::Commit(mut args)) => {
            // Set after parsing, so clap's conflicts of `-i` cannot see them: checked here.
            let taken = [
                (args.diff.is_some(), "--diff"),
                (args.dry_run, "--dry-run"),
                (args.quiet, "--quiet"),
            ];
            if let Some((_, flag)) = taken.iter().find(|(set, _)| *set) {
                return Err(CliError::CommitFlag(flag).into());
            }
            args.commit = true;
            args.interactive = true;
            msg::run(&args, env)
        }
        Some(Command::Hook(command)) => hook_cmd::run(command, env),
        Some(Command::Config(command)) => config_cmd::run(command, env),
        Some(Command::Usage(args)) => usage_cmd::run(&args, env),
        Some(Command::Changelog(args)) => history::changelog(&args, env),
        Some(Command::ReleaseNotes(args)) => history::release_notes(&args, env),
        Some(Command::Redact(args)) => redact_cmd::run(&args, env),
        Some(Command::Cache(command)) => cache_cmd::run(&command, env),
        Some(Command::Doctor(args)) => doctor_cmd::run(&args, env),
        Some(Command::Completions { shell }) => completions_cmd::run(shell),
        Some(Command::Man { dir, install }) => man_cmd::run(dir.as_deref(), install),
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
    fn changelog_flags_pick_what_to_describe() {
        use git_herald::changelog::{Selection, Target};
        let target = |args: &[&str]| match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Some(Command::Changelog(args))) => Some(args.target()),
            _ => None,
        };
        let tags = |s| Some(Target::Tags(s));
        assert_eq!(target(&["gh", "changelog"]), tags(Selection::Unreleased));
        assert_eq!(
            target(&["gh", "changelog", "--latest"]),
            tags(Selection::Latest)
        );
        assert_eq!(
            target(&["gh", "changelog", "--current"]),
            tags(Selection::Current)
        );
        assert_eq!(
            target(&["gh", "changelog", "--all", "--tag", "v2"]),
            tags(Selection::All)
        );
        assert_eq!(
            target(&["gh", "changelog", "v1..v2", "--format", "json"]),
            Some(Target::Range("v1..v2".into()))
        );
        for bad in [
            &["gh", "changelog", "v1..v2", "--latest"][..],
            &["gh", "changelog", "--latest", "--current"],
            &["gh", "changelog", "--tag", "v2", "--latest"],
            &["gh", "changelog", "--output", "a", "--prepend", "b"],
            &["gh", "changelog", "--format", "yaml"],
        ] {
            assert_eq!(target(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn color_goes_after_the_subcommand() {
        let moved = |args: &[&str]| {
            color_last(args.iter().map(OsString::from).collect())
                .into_iter()
                .map(|a| a.into_string().unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            moved(&["gh", "--color", "always", "doctor"]),
            ["gh", "doctor", "--color", "always"]
        );
        assert_eq!(
            moved(&[
                "gh",
                "--color=never",
                "config",
                "get",
                "x",
                "--",
                "--color=a"
            ]),
            [
                "gh",
                "config",
                "get",
                "x",
                "--color=never",
                "--",
                "--color=a"
            ]
        );
        assert_eq!(moved(&["gh", "--offline"]), ["gh", "--offline"]);
        let cli = Cli::try_parse_from(moved(&["gh", "--color", "never", "doctor"])).unwrap();
        assert_eq!(cli.color, ColorWhen::Never);
        assert!(matches!(cli.command, Some(Command::Doctor(_))));
        let cli = Cli::try_parse_from(moved(&["gh", "--color", "always", "--offline"])).unwrap();
        assert!(cli.msg.offline && cli.color == ColorWhen::Always);
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
