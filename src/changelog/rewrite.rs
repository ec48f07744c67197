//! The changelog's model path: with a model available, has it rewrite each release's
//! sections for users (redacted commit text only), a long release part by part then
//! summarised; the deterministic changelog when it fails. Calls go through the one
//! [`Caller`] (cache keyed by the changelog prompts' version, usage rows, notes), on the
//! runtime the face builds.

use super::{
    Changelog, MODEL_PART_SYSTEM, MODEL_PROMPT_VERSION, MODEL_SUMMARY_SYSTEM, MODEL_SYSTEM,
    ModelPart, Release, apply_model, assemble, check_part, model_input, model_parts, strip_tokens,
};
use crate::caller::{Caller, Model, Subject};
use crate::compose::Reporter;
use crate::config::{Env, Settings};
use crate::llm::wire::Wire;
use crate::llm::{Delta, LlmError, clean, select};
use crate::prompt;
use crate::redact::{Policy, Redacted, Redactor};
use crate::text::one_line;
use crate::usage::Command;

/// The changelog's limits on one call: the most tokens an answer may take, and the bytes of
/// input one call may carry.
struct Limits {
    max_output: u64,
    context: u64,
}

impl Limits {
    /// Bytes of input one call may take: as for commit messages, about 3 bytes a token, with
    /// room for the prompt and the answer.
    fn input_budget(&self) -> usize {
        let tokens = self.context.saturating_sub(self.max_output + 1_000);
        usize::try_from(tokens.saturating_mul(3)).unwrap_or(usize::MAX)
    }
}

/// Asks the model once (retries are the client's) and returns its cleaned answer.
async fn ask(
    caller: &Caller<'_>,
    limits: &Limits,
    system: &'static str,
    input: &Redacted,
    subject: String,
    sink: &mut dyn FnMut(Delta<'_>),
) -> Result<String, LlmError> {
    let ollama = caller.endpoint().wire == Wire::Ollama;
    let request = caller
        .request(prompt::changelog(system, input))
        .max_tokens(u32::try_from(limits.max_output).unwrap_or(4_096))
        .context_window(ollama.then_some(limits.context.min(32_768)));
    let text = caller
        .call("changelog", &request, Subject::Label(subject), sink)
        .await?;
    Ok(clean::strip(&text))
}

/// Writes a release too long for one call: each part's bullets from its own call
/// (concurrently, `budget.concurrency` at a time), then the summary from all the bullets. A
/// part the model fails on keeps its commits as plain bullets, with a warning. Returns the
/// answer to check, or `None` (after a warning) when nothing usable came back.
async fn map_reduce(
    release: &Release,
    parts: &[ModelPart],
    caller: &Caller<'_>,
    limits: &Limits,
    redactor: &Redactor,
    notes: &mut Vec<String>,
    sink: &mut dyn FnMut(Delta<'_>),
) -> Option<String> {
    use futures_util::stream::{self, StreamExt};
    let label = release.label();
    let total = parts.len();
    let command = caller.command();
    let answers = stream::iter(parts.iter().enumerate())
        .map(|(i, part)| {
            let input = redactor.redact_text(&part.text, "<commits>");
            let subject = format!("{command} {label} part {}/{total}", i + 1);
            async move {
                ask(
                    caller,
                    limits,
                    MODEL_PART_SYSTEM,
                    &input,
                    subject,
                    &mut |_| {},
                )
                .await
            }
        })
        .buffered(caller.settings().budget.concurrency.max(1))
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
    let budget = limits.input_budget();
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
    let summary = match ask(caller, limits, MODEL_SUMMARY_SYSTEM, &input, subject, sink).await {
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
/// for stderr: the engine, then a `warning:` for each fallback. `reporter` gets the streamed
/// text. The engine is chosen once, here.
pub async fn rewrite(
    log: &mut Changelog,
    settings: &Settings,
    env: &Env,
    command: Command,
    repo: &str,
    reporter: &mut dyn Reporter,
) -> Vec<String> {
    if log.releases.iter().all(|r| r.is_empty()) {
        return Vec::new();
    }
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
    let limits = Limits {
        context: settings
            .budget
            .context_window
            .unwrap_or(info.context_window),
        max_output: info.max_output.clamp(512, 4_096),
    };
    let model = Model {
        client: &client,
        name: &model,
        info: &info,
    };
    let caller = Caller::new(model, settings, command, repo, MODEL_PROMPT_VERSION);
    let sink = &mut |delta: Delta<'_>| reporter.delta(delta);
    let budget = limits.input_budget();
    // Every commit's token must come back, so one answer covers a bounded number of commits.
    let max_commits = usize::try_from(limits.max_output / 24)
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
        let commits: usize = release.sections.iter().map(|s| s.entries.len()).sum();
        let answer = if redacted.len() > budget || commits > max_commits {
            let parts = model_parts(release, budget, max_commits);
            let calls = parts.len() + 1;
            if calls > settings.budget.max_calls {
                notes.push(fallback(format!(
                    "{label} would take {calls} calls, over `budget.max-calls` ({})",
                    settings.budget.max_calls
                )));
                continue;
            }
            match map_reduce(
                release, &parts, &caller, &limits, &redactor, &mut notes, sink,
            )
            .await
            {
                Some(answer) => answer,
                None => continue,
            }
        } else {
            let subject = format!("{command} {label}");
            match ask(&caller, &limits, MODEL_SYSTEM, &redacted, subject, sink).await {
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
