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
    /// Write a changelog from the history between release tags
    Changelog(ChangelogArgs),
    /// Write one tag's release notes (for CI; fills GitHub Actions' step outputs)
    ReleaseNotes(ReleaseNotesArgs),
    /// Show which secrets would be redacted before anything is sent, or the redacted text
    Redact(RedactArgs),
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChangelogFormat {
    /// Markdown in Keep a Changelog style
    Md,
    /// The structured data (schema in the `changelog` module docs)
    Json,
}

impl ChangelogArgs {
    fn target(&self) -> crate::release::Target {
        use crate::changelog::Selection;
        use crate::release::Target;
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
    /// Language of the message (`de`, `zh-CN`, `ja`, …); models only
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
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
        Some(Command::Changelog(args)) => changelog_command(&args, env),
        Some(Command::ReleaseNotes(args)) => release_notes_command(&args, env),
        Some(Command::Redact(args)) => redact_command(&args, env),
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
        let branch = repo.as_ref().and_then(Repo::branch);
        let report = pipeline::dry_run(&entries, settings, env, branch.as_deref())?;
        if let Some(warning) = &report.warning {
            ui::err(&format!("warning: {warning}"))?;
        }
        return ui::out(&report.text);
    }
    let info = pipeline::RunInfo {
        command: "msg",
        repo: repo_name(repo.as_ref()),
        branch: repo.as_ref().and_then(Repo::branch),
        recent: match &repo {
            Some(repo) if crate::llm::select::offline_reason(settings, env).is_none() => {
                repo.recent_subjects(5)
            }
            _ => Vec::new(),
        },
    };
    // With --commit the message goes to git, so stream it to the terminal on stderr.
    let target = if args.commit {
        ui::StreamTo::Stderr
    } else {
        ui::StreamTo::Stdout
    };
    let mut streamer = ui::Streamer::new(target, args.quiet);
    streamer.wait("asking the model");
    let bar = ui::Bar::new(args.quiet);
    let generated = pipeline::generate(&entries, settings, env, &info, &bar, &mut |d| {
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
    // The process ends next: tearing down libgit2 and thousands of diff lines would cost
    // ~7% of a small commit's time for nothing.
    std::mem::forget(entries);
    std::mem::forget(repo);
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

/// Resolves the configuration of a history command, printing its warnings.
fn history_config(repo: &Repo, env: &Env) -> Result<config::Settings, Error> {
    let config = config::resolve(env, repo.work_dir(), &Overrides::default())?;
    for warning in &config.warnings {
        let _ = ui::err(&format!("warning: {warning}"));
    }
    Ok(config.settings)
}

/// Lets a model rewrite the releases' sections when one is available (the text streams to
/// stderr on a terminal), and prints its notes and warnings.
fn rewrite_with_model(
    log: &mut crate::release::Changelog,
    settings: &config::Settings,
    env: &Env,
    command: &'static str,
    repo: &Repo,
) {
    let mut streamer = ui::Streamer::new(ui::StreamTo::Stderr, false);
    let notes = crate::release::rewrite(
        log,
        settings,
        env,
        command,
        &repo_name(Some(repo)),
        &mut |d| {
            streamer.delta(d);
        },
    );
    streamer.finish("");
    for note in &notes {
        let _ = ui::err(note);
    }
}

fn changelog_command(args: &ChangelogArgs, env: &Env) -> Result<(), Error> {
    use crate::changelog::{self, ChangelogError};
    use crate::release;
    if args.prepend.is_some() && args.format == Some(ChangelogFormat::Json) {
        return Err(ChangelogError::PrependJson.into());
    }
    let repo = Repo::discover()?;
    let settings = history_config(&repo, env)?;
    let mut log = release::collect(&repo, &settings, &args.target(), args.tag.as_deref())?;
    // `--format` and `--prepend` write the built-in formats; else a template, when set.
    let template = match (args.format, &args.prepend) {
        (None, None) => args
            .template
            .as_ref()
            .or(settings.changelog.template.as_ref()),
        _ => None,
    };
    // JSON and templates are the structured data, which a model does not rewrite.
    if args.format != Some(ChangelogFormat::Json) && template.is_none() {
        rewrite_with_model(&mut log, &settings, env, "changelog", &repo);
    }
    if let Some(path) = &args.prepend {
        return release::prepend_file(path, &log);
    }
    let text = match (args.format, template) {
        (Some(ChangelogFormat::Json), _) => {
            changelog::render_json(&log.releases, log.remote.as_ref())
        }
        (None, Some(path)) => release::render_template(path, "changelog", &log)?,
        _ => changelog::render_markdown(&log.releases, log.remote.as_ref()),
    };
    match &args.output {
        Some(path) => release::write_file(path, &text),
        None => ui::out(&text),
    }
}

fn release_notes_command(args: &ReleaseNotesArgs, env: &Env) -> Result<(), Error> {
    use crate::changelog::{self, Selection};
    use crate::release::{self, Target};
    let repo = Repo::discover()?;
    let settings = history_config(&repo, env)?;
    let tag = release::notes_tag(&repo, &settings, env, args.tag.as_deref())?;
    let mut log = release::collect(&repo, &settings, &Target::Tags(Selection::Tag(tag)), None)?;
    let template = args
        .template
        .as_ref()
        .or(settings.changelog.template.as_ref());
    if template.is_none() {
        rewrite_with_model(&mut log, &settings, env, "release-notes", &repo);
    }
    let Some(notes_of) = log.releases.first() else {
        return Ok(());
    };
    let notes = match template {
        Some(path) => release::render_template(path, "release-notes", &log)?,
        None => changelog::render_notes(notes_of, log.remote.as_ref()),
    };
    match &args.output {
        Some(path) => release::write_file(path, &notes)?,
        None => ui::out(&notes)?,
    }
    release::write_github(env, notes_of, &notes)?;
    if let (Some(dotenv), Some(output)) = (&args.dotenv, &args.output) {
        release::write_dotenv(dotenv, notes_of, output)?;
    }
    Ok(())
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
            ui::out(&out)
        }
    }
}

/// `git herald redact [PATH|-] [--print]`: what would be redacted, or the redacted text.
fn redact_command(args: &RedactArgs, env: &Env) -> Result<(), Error> {
    use crate::redact::{Finding, Redactor, by_rule};
    let repo = Repo::discover().ok();
    let config = config::resolve(
        env,
        repo.as_ref().and_then(Repo::work_dir),
        &Overrides::default(),
    )?;
    let redactor = Redactor::new(&config.settings.redact)?;
    let (text, findings): (Vec<u8>, Vec<Finding>) = match &args.path {
        Some(path) => {
            let (bytes, label) = if path.as_os_str() == "-" {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(Error::io("read stdin"))?;
                (buf, "<stdin>".to_owned())
            } else {
                let bytes =
                    std::fs::read(path).map_err(Error::io(format!("read `{}`", path.display())))?;
                (bytes, path.display().to_string())
            };
            let redacted = redactor.redact_bytes(&bytes, &label);
            (redacted.as_bytes().to_vec(), redacted.findings().to_vec())
        }
        None => {
            let repo = match repo {
                Some(repo) => repo,
                None => Repo::discover()?,
            };
            let filter = Filter::new(&config.settings.filter)?;
            let entries = pipeline::collect(Source::Staged(&repo), &filter)?;
            let redacted = redactor.redact_diff(&entries);
            let mut text = redacted.render_text().as_bytes().to_vec();
            for line in redacted.stats_lines() {
                text.extend_from_slice(line.as_bytes());
                text.push(b'\n');
            }
            (text, redacted.findings().to_vec())
        }
    };
    if args.print {
        if !findings.is_empty() {
            let noun = if findings.len() == 1 {
                "secret"
            } else {
                "secrets"
            };
            ui::err(&format!(
                "redacted {} {noun}: {}",
                findings.len(),
                by_rule(&findings)
            ))?;
        }
        return ui::out_bytes(&text);
    }
    if findings.is_empty() {
        return ui::out("no secrets found\n");
    }
    let width = findings
        .iter()
        .map(|f| f.rule.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:<width$}  WHERE\n", "RULE");
    for f in &findings {
        if f.line == 0 {
            out.push_str(&format!("{:<width$}  {} (path)\n", f.rule, f.file));
        } else {
            out.push_str(&format!("{:<width$}  {}:{}\n", f.rule, f.file, f.line));
        }
    }
    let noun = if findings.len() == 1 {
        "secret"
    } else {
        "secrets"
    };
    out.push_str(&format!(
        "\n{} {noun}: {}\n",
        findings.len(),
        by_rule(&findings)
    ));
    ui::out(&out)
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
        use crate::changelog::Selection;
        use crate::release::Target;
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
