//! `git herald [msg]`: the message for the staged changes, and `--commit`.

use super::MsgArgs;
use crate::cli::error::{CliError, CommandError};
use crate::cli::ui;
use git_herald::config::{self, Env};
use git_herald::filter::Filter;
use git_herald::git::Repo;
use git_herald::history::{Budget, History};
use git_herald::pipeline::{self, Purpose, Run, Source};
use std::io::Read as _;

pub(super) fn run(args: &MsgArgs, env: &Env) -> Result<(), CommandError> {
    if !args.git_args.is_empty() && !args.commit && !args.interactive {
        return Err(CliError::GitArgsWithoutCommit.into());
    }
    let input = match &args.diff {
        Some(path) if path.as_os_str() == "-" => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(CommandError::io("read the diff from stdin"))?;
            Some(buf)
        }
        Some(path) => Some(
            std::fs::read(path).map_err(CommandError::io(format!("read `{}`", path.display())))?,
        ),
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
    let mut config = config;
    if args.no_cache {
        config.settings.cache_dir = None;
    }
    // `--exclude`: withheld for this run, as `filter.withhold` globs are.
    (config.settings.filter.globs.withhold).extend(args.exclude.iter().cloned());
    if args.all
        && let Some(repo) = &repo
    {
        stage_tracked(repo)?;
    }
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
    // The engine is chosen once, before reading: a model's tokenizer may start building
    // during the read.
    let runtime = super::runtime()?;
    let purpose = if args.dry_run {
        Purpose::Plan
    } else {
        Purpose::Write
    };
    let mut run = runtime.block_on(Run::start(settings, env, purpose))?;
    if let Some(repo) = &repo {
        run.learn(History::open(repo, Budget::Unlimited));
    }
    let changes = run.collect(source, &filter)?;
    let branch = repo.as_ref().and_then(Repo::branch);
    let info = pipeline::RunInfo {
        command: git_herald::usage::Command::Msg,
        repo: repo_name(repo.as_ref()),
        first_branch: (repo.as_ref()).and_then(|r| pipeline::first_branch(r, branch.as_deref())),
        branch,
        recent: match &repo {
            Some(repo) if run.uses_model() => repo.recent_subjects(5),
            _ => Vec::new(),
        },
        ask: git_herald::compose::Ask {
            candidates: args.candidates.into(),
            ..Default::default()
        },
    };
    if args.dry_run {
        let report = run.dry_run(&changes, &info)?;
        if let Some(warning) = &report.warning {
            ui::err(&format!("warning: {warning}"))?;
        }
        return ui::out(&report.text);
    }
    // Picking among candidates before committing is a review too.
    if args.interactive || (args.commit && args.candidates > 1) {
        let Some(repo) = &repo else {
            return Err(CliError::CommitFlag("--diff").into());
        };
        let session = super::commit::Session {
            run: &run,
            changes: &changes,
            runtime: &runtime,
        };
        return super::commit::interactive(args, &session, repo, info);
    }
    // With --commit the message goes to git, so stream it to the terminal on stderr.
    let target = if args.commit {
        ui::StreamTo::Stderr
    } else {
        ui::StreamTo::Stdout
    };
    // Candidates arrive together, so only a single message streams.
    let mut live = ui::Live::new(target, args.quiet || args.candidates > 1, args.quiet);
    // The offline engine writes in milliseconds: no spinner, and no word of a model.
    if run.uses_model() {
        live.streamer.wait("asking the model");
    }
    let generated = match runtime.block_on(run.write(&changes, &info, &mut live)) {
        Ok(generated) => generated,
        Err(err) => {
            live.streamer.finish("");
            return Err(err.into());
        }
    };
    let mut text = generated.message.to_string();
    let already_shown = live.streamer.finish(&text);
    for alternative in &generated.alternatives {
        text.push_str("---\n");
        text.push_str(&alternative.to_string());
    }
    if !args.quiet {
        let _ = ui::err(&generated.engine);
    }
    for note in &generated.notes {
        let _ = ui::err(note);
    }
    // The process ends next: tearing down libgit2 and thousands of diff lines would cost
    // ~7% of a small commit's time for nothing.
    std::mem::forget(changes);
    std::mem::forget(repo);
    if args.commit {
        return commit(&text, &args.git_args);
    }
    if already_shown {
        return Ok(());
    }
    ui::out(&text)
}

/// Stages every tracked file's changes (`git add -u` at the top of the work tree).
fn stage_tracked(repo: &Repo) -> Result<(), CommandError> {
    let mut git = std::process::Command::new("git");
    if let Some(dir) = repo.work_dir() {
        git.current_dir(dir);
    }
    let status = git
        .args(["add", "-u"])
        .status()
        .map_err(CommandError::io("run `git add -u`"))?;
    if status.success() {
        Ok(())
    } else {
        Err(CliError::Stage(status.to_string()).into())
    }
}

/// Returns the repository's directory name, for the usage log.
pub(super) fn repo_name(repo: Option<&Repo>) -> String {
    repo.map(Repo::name).unwrap_or_default()
}

/// Runs `git commit -F -` with the message and the user's extra arguments.
pub(super) fn commit(text: &str, git_args: &[String]) -> Result<(), CommandError> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("git")
        .args(["commit", "-F", "-"])
        .args(git_args)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(CommandError::io("run `git commit`"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(CommandError::io("pass the message to `git commit`"))?;
    }
    let status = child
        .wait()
        .map_err(CommandError::io("wait for `git commit`"))?;
    if status.success() {
        Ok(())
    } else {
        let _ = ui::err(&format!("the message was:\n{text}"));
        Err(CliError::Commit(status.to_string()).into())
    }
}
