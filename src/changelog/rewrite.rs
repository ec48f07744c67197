//! The changelog's model caller: with a model available, has it rewrite each release's
//! sections for users (redacted commit text only), a long release part by part then
//! summarised, on a tokio runtime of its own; the deterministic changelog when it fails.
//!
//! Kept self-contained: it is to be unified with the commit-message model caller.

use super::{
    Changelog, MODEL_PART_SYSTEM, MODEL_SUMMARY_SYSTEM, MODEL_SYSTEM, ModelPart, Release,
    apply_model, assemble, check_part, model_input, model_parts, strip_tokens,
};
use crate::config::{Env, Settings};
use crate::llm::client::Client;
use crate::llm::models::ModelInfo;
use crate::llm::wire::Wire;
use crate::llm::{Delta, Request, clean, select};
use crate::redact::{Policy, Redactor};
use crate::usage::UsageRow;

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
        system: &str,
        user: String,
        subject: String,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<String, crate::llm::LlmError> {
        let request = Request {
            model: self.model.to_owned(),
            system: system.to_owned(),
            user,
            max_tokens: u32::try_from(self.max_output).unwrap_or(4_096),
            temperature: 0.2,
            context_window: (self.client.endpoint.wire == Wire::Ollama)
                .then_some(self.context.min(32_768)),
            n: 1,
        };
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
        let estimate = ((request.system.len() + request.user.len()) / 4) as u64;
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
    parts: &[ModelPart],
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
            let user = redactor.redact_text(&part.text, "<commits>").to_string();
            let subject = format!("{command} {label} part {}/{total}", i + 1);
            async move {
                caller
                    .ask(MODEL_PART_SYSTEM, user, subject, &mut |_| {})
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
            Ok(text) => check_part(part, &text),
            Err(err) => Err(one_line(&err)),
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
    let bullets = strip_tokens(&assemble(release, None, &texts));
    let budget = caller.input_budget();
    let mut input = format!("Release notes of {label}:\n\n");
    for line in bullets.lines() {
        if input.len() + line.len() + 1 > budget {
            break;
        }
        input.push_str(line);
        input.push('\n');
    }
    let input = redactor.redact_text(&input, "<notes>").to_string();
    let subject = format!("{command} {label} summary");
    let summary = match caller.ask(MODEL_SUMMARY_SYSTEM, input, subject, sink).await {
        Ok(text) => Some(text),
        Err(err) => {
            notes.push(format!(
                "warning: the model could not write the summary of {label} ({}); the notes have none",
                one_line(&err)
            ));
            None
        }
    };
    Some(assemble(release, summary.as_deref(), &texts))
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
        Err(err) => return vec![fallback(one_line(&err))],
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
        Err(err) => return vec![fallback(one_line(&err))],
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
        let redacted = redactor.redact_text(&model_input(release), "<commits>");
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
        let user = redacted.to_string();
        let commits: usize = release.sections.iter().map(|s| s.entries.len()).sum();
        let answer = if user.len() > budget || commits > max_commits {
            let parts = model_parts(release, budget, max_commits);
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
                .ask(MODEL_SYSTEM, user, format!("{command} {label}"), sink)
                .await;
            match result {
                Ok(text) => text,
                Err(err) => {
                    notes.push(fallback(one_line(&err)));
                    continue;
                }
            }
        };
        match apply_model(release, &answer, remote.as_ref()) {
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

/// Renders an error and its causes on one line, as the terminal's warnings do (the face's
/// `error::one_line`, which a workflow does not reach up to).
fn one_line(err: &dyn std::error::Error) -> String {
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
