//! Changelogs and release notes from a repository: picks the ranges to describe from the
//! release tags, reads their commits through `git`, types the commits that are not
//! Conventional Commits with the offline engine from their own diff, and hands the rest to the
//! pure `changelog` module. With a model available, has it rewrite the sections for users
//! (redacted commit text only; the deterministic changelog when it fails). Also writes the
//! files `changelog` and `release-notes` produce, GitHub Actions' outputs included.

use crate::changelog::{self, ChangelogError, Head, Release, Remote, Selection, Span};
use crate::config::{Env, Settings};
use crate::config::env_vars;
use crate::filter::GlobError;
use crate::git::GitError;

/// Errors of the release workflow (interim: folded into `ChangelogError` by the changelog split).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Changelog(#[from] ChangelogError),
    #[error(transparent)]
    Filter(#[from] GlobError),
    #[error("failed to {what}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }

    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Git(e) => e.hint().map(str::to_owned),
            Error::Changelog(e) => e.hint(),
            _ => None,
        }
    }
}

mod error {
    /// Renders an error and its causes on one line.
    pub fn one_line(err: &dyn std::error::Error) -> String {
        let mut line = err.to_string();
        let mut source = err.source();
        while let Some(cause) = source {
            let text = cause.to_string();
            let first = text.lines().next().unwrap_or_default().trim();
            if !first.is_empty() && !line.contains(first) {
                line.push_str(": ");
                line.push_str(first);
            }
            source = cause.source();
        }
        line
    }
}
use crate::filter::Filter;
use crate::git::{CommitInfo, History, Repo};
use crate::llm::client::Client;
use crate::llm::models::ModelInfo;
use crate::llm::wire::Wire;
use crate::llm::{Delta, Request, clean, select};
use crate::message::Style;
use crate::offline;
use crate::redact::{Policy, Redactor};
use crate::usage::UsageRow;
use std::io::Write as _;
use std::path::Path;

/// What to describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Releases picked by the tags.
    Tags(Selection),
    /// A range as given: `A..B`, `A..` (to HEAD), `..B` or `B` (all of `B`'s history).
    Range(String),
}

/// The releases a command writes, newest first, and where their links point.
#[derive(Debug, Clone)]
pub struct Changelog {
    pub releases: Vec<Release>,
    pub remote: Option<Remote>,
}

fn tag_exists(repo: &Repo, name: &str) -> bool {
    repo.resolve_commit(&format!("refs/tags/{name}")).is_ok()
}

fn resolve(repo: &Repo, rev: &str) -> Result<(String, i64), ChangelogError> {
    repo.resolve_commit(rev)
        .map_err(|source| ChangelogError::Revision {
            rev: rev.to_owned(),
            source,
        })
}

/// Plans the section of an explicit range. It is named by `name` (`--tag`), else by its end
/// when that is a release tag, else "Unreleased".
fn range_span(
    repo: &Repo,
    range: &str,
    name: Option<&str>,
    is_release: &dyn Fn(&str) -> bool,
) -> Result<Span, ChangelogError> {
    let (from, to) = match range.split_once("..") {
        Some((from, to)) => (
            Some(from).filter(|f| !f.is_empty()),
            if to.is_empty() { "HEAD" } else { to },
        ),
        None => (None, range),
    };
    if let Some(from) = from {
        resolve(repo, from)?;
    }
    let (_, time) = resolve(repo, to)?;
    let name = name
        .map(str::to_owned)
        .or_else(|| (is_release(to) && tag_exists(repo, to)).then(|| to.to_owned()));
    Ok(Span {
        time: name.as_ref().map(|_| time),
        name,
        previous: from.map(str::to_owned),
        to: to.to_owned(),
    })
}

/// Collects the releases to write. `name` is `--tag NAME`: it names the unreleased section,
/// or, when such a tag exists, picks that tag's release.
pub fn collect(
    repo: &Repo,
    settings: &Settings,
    target: &Target,
    name: Option<&str>,
) -> Result<Changelog, Error> {
    let opts = &settings.changelog;
    let pattern = opts.tag_regex()?;
    let is_release = |tag: &str| pattern.is_match(tag);
    let spans = match target {
        Target::Range(range) => vec![range_span(repo, range, name, &is_release)?],
        Target::Tags(selection) => {
            let selection = match (selection, name) {
                (Selection::Unreleased, Some(tag)) if tag_exists(repo, tag) => {
                    Selection::Tag(tag.to_owned())
                }
                _ => selection.clone(),
            };
            let end = match &selection {
                Selection::Tag(tag) if !tag_exists(repo, tag) => {
                    return Err(ChangelogError::UnknownTag(tag.clone()).into());
                }
                Selection::Tag(tag) => format!("refs/tags/{tag}"),
                _ => "HEAD".to_owned(),
            };
            let (id, time) = resolve(repo, &end)?;
            let mut tags = repo.tags(&is_release, &end)?;
            changelog::order_tags(&mut tags);
            // A name that is already a tag has its own section; it names nothing unreleased.
            let name =
                name.filter(|n| !matches!(selection, Selection::Tag(_)) && !tag_exists(repo, n));
            changelog::plan(
                &selection,
                name,
                &tags,
                &Head { id, time },
                opts.pre_releases,
                &opts.tag_pattern,
            )
            .map_err(|err| match err {
                ChangelogError::NoTags { pattern, .. } => ChangelogError::NoTags {
                    pattern,
                    shallow: repo.is_shallow(),
                },
                other => other,
            })?
        }
    };

    let filter = Filter::new(&settings.filter)?;
    let style = Style {
        conventional: true,
        body: false,
        ..settings.style.clone()
    };
    // A commit that is not Conventional Commits is typed as the offline engine would type its
    // diff (issue #6: nothing falls into "Other" needlessly).
    let mut classify = |commit: &CommitInfo| -> Option<String> {
        let files = repo.commit_files(&commit.id, &filter).ok()?;
        if files.is_empty() {
            return None;
        }
        changelog::parse(&offline::write(&files, &style).subject).kind
    };
    let mut releases = Vec::with_capacity(spans.len());
    for span in &spans {
        let hide: Vec<&str> = span.previous.as_deref().into_iter().collect();
        let mut history = repo.history(&hide, &span.to, opts.first_parent)?;
        if opts.first_parent {
            history = expand_merges(repo, history, &hide, 0)?;
        }
        if history.truncated {
            return Err(ChangelogError::Shallow {
                range: span.range(),
            }
            .into());
        }
        releases.push(changelog::build(
            span,
            &history.commits,
            opts,
            &mut classify,
        ));
    }
    let remote = repo
        .remote_url()
        .and_then(|url| Remote::parse(&url, opts.forge));
    Ok(Changelog { releases, remote })
}

/// How deep merges of merges are opened up.
const MERGE_DEPTH: usize = 8;

/// Following first parents, a merge of a local branch (`Merge branch 'topic'`, a `git pull`)
/// stands for the commits it brings in: they take its place, so none is lost and none is
/// listed as "Merge branch …". A forge's PR merge stays one entry, with the PR's title.
fn expand_merges(
    repo: &Repo,
    history: History,
    hide: &[&str],
    depth: usize,
) -> Result<History, Error> {
    let mut out = History {
        commits: Vec::with_capacity(history.commits.len()),
        truncated: history.truncated,
    };
    for commit in history.commits {
        if commit.parents < 2 || depth >= MERGE_DEPTH || changelog::is_pr_merge(&commit.message) {
            out.commits.push(commit);
            continue;
        }
        let first = format!("{}^1", commit.id);
        let mut inner_hide = vec![first.as_str()];
        inner_hide.extend_from_slice(hide);
        for parent in 2..=commit.parents {
            let side = repo.history(&inner_hide, &format!("{}^{parent}", commit.id), true)?;
            let side = expand_merges(repo, side, &inner_hide, depth + 1)?;
            out.truncated |= side.truncated;
            out.commits.extend(side.commits);
        }
    }
    Ok(out)
}

/// Picks the tag `release-notes` describes: `--tag`, else `GITHUB_REF_NAME` when a tag
/// triggered the run, else the release tag at HEAD.
pub fn notes_tag(
    repo: &Repo,
    settings: &Settings,
    env: &Env,
    flag: Option<&str>,
) -> Result<String, Error> {
    if let Some(tag) = flag {
        return Ok(tag.to_owned());
    }
    if let Some(name) = env.get(env_vars::GITHUB_REF_NAME) {
        let is_tag = match env.get(env_vars::GITHUB_REF_TYPE) {
            Some(kind) => kind == "tag",
            None => tag_exists(repo, name),
        };
        if is_tag {
            return Ok(name.to_owned());
        }
    }
    let pattern = settings.changelog.tag_regex()?;
    let (head, _) = resolve(repo, "HEAD")?;
    let mut tags = repo.tags(&|tag: &str| pattern.is_match(tag), "HEAD")?;
    if tags.is_empty() {
        return Err(ChangelogError::NoTags {
            pattern: settings.changelog.tag_pattern.clone(),
            shallow: repo.is_shallow(),
        }
        .into());
    }
    changelog::order_tags(&mut tags);
    tags.into_iter()
        .find(|t| t.commit == head)
        .map(|t| t.name)
        .ok_or_else(|| ChangelogError::HeadNotTagged.into())
}

/// Renders the releases with the minijinja template at `path` (see
/// [`changelog::render_template`]); `command` is `changelog` or `release-notes`.
pub fn render_template(path: &Path, command: &str, log: &Changelog) -> Result<String, Error> {
    let source = std::fs::read_to_string(path)
        .map_err(Error::io(format!("read the template `{}`", path.display())))?;
    let name = path.display().to_string();
    Ok(changelog::render_template(
        &name,
        &source,
        command,
        &log.releases,
        log.remote.as_ref(),
    )?)
}

/// Writes the dotenv file GitLab CI's `artifacts:reports:dotenv` passes on to later jobs:
/// `NOTES_VERSION`, `NOTES_PREVIOUS_VERSION`, `NOTES_TAG`, `NOTES_RANGE` and `NOTES_FILE`
/// (where the notes were written; GitLab takes single-line values only).
pub fn write_dotenv(path: &Path, release: &Release, notes_file: &Path) -> Result<(), Error> {
    let version = release.version().unwrap_or_default();
    let previous = release
        .span
        .previous
        .as_deref()
        .map(changelog::version_of)
        .unwrap_or_default();
    let tag = release.span.name.clone().unwrap_or_default();
    let range = release.span.range();
    let notes_file = notes_file.display().to_string();
    let text = changelog::dotenv(&[
        ("NOTES_VERSION", &version),
        ("NOTES_PREVIOUS_VERSION", &previous),
        ("NOTES_TAG", &tag),
        ("NOTES_RANGE", &range),
        ("NOTES_FILE", &notes_file),
    ])?;
    write_file(path, &text)
}

/// Writes text to a file, replacing it.
pub fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(Error::io(format!("write `{}`", path.display())))
}

/// Puts the releases into the changelog file at `path` (created when missing), under its
/// header, replacing sections of the same versions.
pub fn prepend_file(path: &Path, log: &Changelog) -> Result<(), Error> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(Error::Io {
                what: format!("read `{}`", path.display()),
                source,
            });
        }
    };
    let text = changelog::prepend(&existing, &log.releases, log.remote.as_ref());
    write_file(path, &text)
}

fn append(path: &Path, text: &str) -> Result<(), Error> {
    let what = || format!("append to `{}`", path.display());
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(Error::io(what()))
}

/// On GitHub Actions (`GITHUB_ACTIONS=true`), writes the step outputs `notes`, `version`,
/// `previous-version` and `range` to `$GITHUB_OUTPUT` (the notes as a heredoc with a random
/// delimiter) and appends the notes to `$GITHUB_STEP_SUMMARY`. Returns whether it did.
pub fn write_github(env: &Env, release: &Release, notes: &str) -> Result<bool, Error> {
    if env.get(env_vars::GITHUB_ACTIONS) != Some("true") {
        return Ok(false);
    }
    if let Some(path) = env.get(env_vars::GITHUB_OUTPUT) {
        let delimiter = format!(
            "ghadelimiter_{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        );
        let version = release.version().unwrap_or_default();
        let previous = release
            .span
            .previous
            .as_deref()
            .map(changelog::version_of)
            .unwrap_or_default();
        let range = release.span.range();
        let pairs = [
            ("notes", notes),
            ("version", version.as_str()),
            ("previous-version", previous.as_str()),
            ("range", range.as_str()),
        ];
        append(
            Path::new(path),
            &changelog::github_output(&pairs, &delimiter),
        )?;
    }
    if let Some(path) = env.get(env_vars::GITHUB_STEP_SUMMARY) {
        let title = release.span.name.as_deref().unwrap_or("Unreleased");
        append(Path::new(path), &format!("## {title}\n\n{notes}\n"))?;
    }
    Ok(true)
}

/// One model's calls for a changelog, each recorded in the usage log.
struct Caller<'a> {
    client: &'a Client,
    model: &'a str,
    info: &'a ModelInfo,
    settings: &'a Settings,
    command: &'static str,
    repo: &'a str,
    context: u64,
    max_output: u64,
    /// Warnings from writing usage rows, for stderr.
    notes: std::sync::Mutex<Vec<String>>,
}

impl Caller<'_> {
    /// Asks the model once (retries are the client's) and returns its cleaned answer.
    async fn ask(
        &self,
        system: &'static str,
        user: &crate::redact::Redacted,
        subject: String,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<String, crate::llm::LlmError> {
        let request = Request::new(crate::prompt::changelog(system, user), self.model)
            .max_tokens(u32::try_from(self.max_output).unwrap_or(4_096))
            .context_window(
                (self.client.endpoint.wire == Wire::Ollama).then_some(self.context.min(32_768)),
            );
        let result = self.client.complete(&request, sink).await;
        self.record(&request, &result, subject);
        result.map(|done| clean::strip(&done.text))
    }

    fn record(
        &self,
        request: &Request,
        result: &Result<crate::llm::Completion, crate::llm::LlmError>,
        subject: String,
    ) {
        let Some(path) = &self.settings.usage_path else {
            return;
        };
        let site = crate::usage::CallSite {
            command: self.command,
            repo: self.repo,
            provider: self.client.endpoint.provider,
            model: self.model,
            info: self.info,
        };
        let estimate = ((request.system().len() + request.user().len()) / 4) as u64;
        let row = UsageRow::for_call(&site, result, estimate, subject);
        if let Err(err) = crate::usage::append(path, &row) {
            let mut notes = self.notes.lock().unwrap_or_else(|e| e.into_inner());
            notes.push(format!("warning: {err}"));
        }
    }

    /// Bytes of input one call may take: as for commit messages, about 3 bytes a token, with
    /// room for the prompt and the answer.
    fn input_budget(&self) -> usize {
        let tokens = self.context.saturating_sub(self.max_output + 1_000);
        usize::try_from(tokens.saturating_mul(3)).unwrap_or(usize::MAX)
    }

    /// Returns the warnings gathered while recording usage.
    fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut *self.notes.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Writes a release too long for one call: each part's bullets from its own call
/// (concurrently, `budget.concurrency` at a time), then the summary from all the bullets. A
/// part the model fails on keeps its commits as plain bullets, with a warning. Returns the
/// answer to check, or `None` (after a warning) when nothing usable came back.
async fn map_reduce(
    release: &Release,
    parts: &[changelog::ModelPart],
    caller: &Caller<'_>,
    redactor: &Redactor,
    notes: &mut Vec<String>,
    sink: &mut dyn FnMut(Delta<'_>),
) -> Option<String> {
    use futures_util::stream::{self, StreamExt};
    let label = release.label();
    let total = parts.len();
    let command = caller.command;
    let answers = stream::iter(parts.iter().enumerate())
        .map(|(i, part)| {
            let user = redactor.redact_text(&part.text, "<commits>");
            let subject = format!("{command} {label} part {}/{total}", i + 1);
            async move {
                caller
                    .ask(changelog::MODEL_PART_SYSTEM, &user, subject, &mut |_| {})
                    .await
            }
        })
        .buffered(caller.settings.budget.concurrency.max(1))
        .collect::<Vec<_>>()
        .await;
    let mut texts = Vec::new();
    let mut failed = 0;
    for (i, (part, answer)) in parts.iter().zip(answers).enumerate() {
        let checked = match answer {
            Ok(text) => changelog::check_part(part, &text),
            Err(err) => Err(error::one_line(&err)),
        };
        match checked {
            Ok(text) => texts.push(text),
            Err(problem) => {
                failed += 1;
                notes.push(format!(
                    "warning: the model failed on part {} of {total} of {label} ({problem}); \
                     its commits are listed as they are",
                    i + 1
                ));
                texts.push(part.fallback.clone());
            }
        }
    }
    if failed == total {
        notes.push(fallback(format!("every part of {label} failed")));
        return None;
    }
    let bullets = changelog::strip_tokens(&changelog::assemble(release, None, &texts));
    let budget = caller.input_budget();
    let mut input = format!("Release notes of {label}:\n\n");
    for line in bullets.lines() {
        if input.len() + line.len() + 1 > budget {
            break;
        }
        input.push_str(line);
        input.push('\n');
    }
    let input = redactor.redact_text(&input, "<notes>");
    let subject = format!("{command} {label} summary");
    let summary = match caller
        .ask(changelog::MODEL_SUMMARY_SYSTEM, &input, subject, sink)
        .await
    {
        Ok(text) => Some(text),
        Err(err) => {
            notes.push(format!(
                "warning: the model could not write the summary of {label} ({}); the notes have none",
                error::one_line(&err)
            ));
            None
        }
    };
    Some(changelog::assemble(release, summary.as_deref(), &texts))
}

/// Says that a model's text could not be used and the deterministic changelog was written.
fn fallback(why: impl std::fmt::Display) -> String {
    format!("warning: the model could not write the changelog ({why}); wrote it without one")
}

/// With a model available (a key, a base URL or a local Ollama server, and not
/// `provider = "offline"`), rewrites each release's sections into user-facing bullets under a
/// short summary, keeping every commit's references. Commit messages are redacted before they
/// are sent. A release the model fails on keeps its deterministic sections. Returns the lines
/// for stderr: the engine, then a `warning:` for each fallback. `sink` gets the streamed text.
pub fn rewrite(
    log: &mut Changelog,
    settings: &Settings,
    env: &Env,
    command: &'static str,
    repo: &str,
    sink: &mut dyn FnMut(Delta<'_>),
) -> Vec<String> {
    if select::offline_reason(settings, env).is_some() || log.releases.iter().all(|r| r.is_empty())
    {
        return Vec::new();
    }
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(rewrite_async(log, settings, env, command, repo, sink)),
        Err(err) => vec![fallback(err)],
    }
}

async fn rewrite_async(
    log: &mut Changelog,
    settings: &Settings,
    env: &Env,
    command: &'static str,
    repo: &str,
    sink: &mut dyn FnMut(Delta<'_>),
) -> Vec<String> {
    let engine = match select::choose(settings, env).await {
        Ok(engine) => engine,
        Err(err) => return vec![fallback(error::one_line(&err))],
    };
    let describe = engine.describe();
    let select::Engine::Model {
        client,
        model,
        info,
    } = engine
    else {
        return Vec::new();
    };
    // Past this point text leaves the machine: only redacted commit text goes on.
    let redactor = match Redactor::new(&settings.redact) {
        Ok(redactor) => redactor,
        Err(err) => return vec![fallback(error::one_line(&err))],
    };
    let mut notes = vec![describe];
    let context = settings
        .budget
        .context_window
        .unwrap_or(info.context_window);
    let max_output = info.max_output.clamp(512, 4_096);
    let caller = Caller {
        client: &client,
        model: &model,
        info: &info,
        settings,
        command,
        repo,
        context,
        max_output,
        notes: std::sync::Mutex::new(Vec::new()),
    };
    let budget = caller.input_budget();
    // Every commit's token must come back, so one answer covers a bounded number of commits.
    let max_commits = usize::try_from(max_output / 24)
        .unwrap_or(usize::MAX)
        .max(10);
    let remote = log.remote.clone();
    for release in &mut log.releases {
        if release.is_empty() {
            continue;
        }
        let label = release.label();
        let redacted = redactor.redact_text(&changelog::model_input(release), "<commits>");
        if !redacted.findings().is_empty() {
            if redactor.policy() == Policy::Abort {
                notes.push(fallback(format!(
                    "the commit messages of {label} hold secrets and `redact.policy` is `abort`"
                )));
                continue;
            }
            notes.push(format!(
                "warning: redacted secrets in the commit messages of {label} before sending: {}",
                crate::redact::by_rule(redacted.findings())
            ));
        }
        let commits: usize = release.sections.iter().map(|s| s.entries.len()).sum();
        let answer = if redacted.len() > budget || commits > max_commits {
            let parts = changelog::model_parts(release, budget, max_commits);
            let calls = parts.len() + 1;
            if calls > settings.budget.max_calls {
                notes.push(fallback(format!(
                    "{label} would take {calls} calls, over `budget.max-calls` ({})",
                    settings.budget.max_calls
                )));
                continue;
            }
            match map_reduce(release, &parts, &caller, &redactor, &mut notes, sink).await {
                Some(answer) => answer,
                None => continue,
            }
        } else {
            let result = caller
                .ask(
                    changelog::MODEL_SYSTEM,
                    &redacted,
                    format!("{command} {label}"),
                    sink,
                )
                .await;
            match result {
                Ok(text) => text,
                Err(err) => {
                    notes.push(fallback(error::one_line(&err)));
                    continue;
                }
            }
        };
        match changelog::apply_model(release, &answer, remote.as_ref()) {
            Ok(body) => release.rewritten = Some(body),
            Err(problem) => notes.push(fallback(format!(
                "its answer for {label} is unusable: {problem}"
            ))),
        }
    }
    // Gathered across releases, so the paths that `continue` early lose none.
    notes.append(&mut caller.take_notes());
    notes
}
