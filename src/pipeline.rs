//! The path from a change to a message: read the staged diff (or a given one), decide per file
//! what may be sent, then let the engine write the message.

use crate::config::Settings;
use crate::diff::{self, RenderOptions};
use crate::error::Error;
use crate::filter::{Attributes, FileEntry, Filter, Treatment};
use crate::git::Repo;
use crate::llm::offline;
use crate::message::Message;
use bstr::ByteSlice;
use std::fmt::Write as _;

/// Where the changes come from.
pub enum Source<'a> {
    /// The repository's staged changes.
    Staged(&'a Repo),
    /// Unified-diff text (`--diff FILE`).
    Diff(&'a [u8]),
}

/// Reads the changes and decides, per file, what may leave the machine.
pub fn collect(source: Source<'_>, filter: &Filter) -> Result<Vec<FileEntry>, Error> {
    let entries = match source {
        Source::Staged(repo) => repo.staged(filter)?,
        Source::Diff(text) => diff::parse(text)
            .into_iter()
            .map(|mut change| {
                let decision = filter.decide(&change, Attributes::default());
                if decision.treatment == Treatment::Withheld {
                    // Given to us, but never kept nor sent.
                    change.hunks.clear();
                }
                FileEntry { change, decision }
            })
            .collect(),
    };
    if entries.is_empty() {
        return Err(match source {
            Source::Staged(_) => Error::NothingStaged,
            Source::Diff(_) => Error::EmptyDiff,
        });
    }
    Ok(entries)
}

/// Writes the message for the collected changes with the configured engine.
pub fn write_message(entries: &[FileEntry], settings: &Settings) -> Message {
    offline::write(entries, &settings.style)
}

/// Describes what would be sent to a model: each file's decision and why, then the text.
pub fn dry_run(entries: &[FileEntry], settings: &Settings) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "engine: {} (nothing leaves the machine)",
        settings.provider
    );
    let _ = writeln!(out, "files: {}", entries.len());
    for entry in entries {
        let label = match entry.decision.treatment {
            Treatment::Text => "text",
            Treatment::StatsOnly => "stats-only",
            Treatment::Withheld => "withheld",
        };
        let _ = writeln!(
            out,
            "  {label:<10} {} ({})",
            entry.change.path.as_bstr(),
            entry.decision.reason
        );
    }
    let stats: Vec<_> = entries
        .iter()
        .filter(|e| e.decision.treatment != Treatment::Text)
        .map(FileEntry::stats_line)
        .collect();
    if !stats.is_empty() {
        out.push_str("\n--- stats lines ---\n");
        for line in stats {
            let _ = writeln!(out, "{line}");
        }
    }
    let text: Vec<_> = entries
        .iter()
        .filter(|e| e.decision.treatment == Treatment::Text)
        .map(|e| e.change.clone())
        .collect();
    if !text.is_empty() {
        out.push_str("\n--- diff text ---\n");
        out.push_str(&diff::render(&text, RenderOptions::default()).to_str_lossy());
    }
    out
}

/// What a run is, for the usage log and the prompt.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// `msg` or `hook`.
    pub command: &'static str,
    /// The repository's directory name.
    pub repo: String,
    pub branch: Option<String>,
}

/// A written message and who wrote it.
#[derive(Debug, Clone)]
pub struct Generated {
    pub message: Message,
    /// `herald: gpt-4o-mini via openai`, or the offline engine and why.
    pub engine: String,
    /// Notes for stderr: a usage log that could not be written, a retried answer.
    pub notes: Vec<String>,
}

/// Writes the message with the chosen engine: the offline engine when nothing else is set up
/// (decided without starting a runtime), else a streaming model call. `sink` receives the
/// model's text as it arrives.
pub fn generate(
    entries: &[FileEntry],
    settings: &Settings,
    env: &crate::config::Env,
    info: &RunInfo,
    sink: &mut dyn FnMut(crate::llm::Delta<'_>),
) -> Result<Generated, Error> {
    use crate::llm::select;
    if let Some(why) = select::offline_reason(settings, env) {
        return Ok(Generated {
            message: offline::write(entries, &settings.style),
            engine: select::Engine::Offline { why }.describe(),
            notes: Vec::new(),
        });
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::io("start the async runtime"))?;
    runtime.block_on(generate_async(entries, settings, env, info, sink))
}

async fn generate_async(
    entries: &[FileEntry],
    settings: &Settings,
    env: &crate::config::Env,
    info: &RunInfo,
    sink: &mut dyn FnMut(crate::llm::Delta<'_>),
) -> Result<Generated, Error> {
    use crate::llm::{Request, clean, select};
    use crate::prompt;
    let engine = select::choose(settings, env).await?;
    let describe = engine.describe();
    let (client, model, model_info) = match engine {
        select::Engine::Offline { .. } => {
            return Ok(Generated {
                message: offline::write(entries, &settings.style),
                engine: describe,
                notes: Vec::new(),
            });
        }
        select::Engine::Model {
            client,
            model,
            info,
        } => (client, model, info),
    };
    // Until exact token budgets land, assume 3 bytes a token (dense code) and keep a margin.
    let input_tokens = model_info
        .context_window
        .saturating_sub(u64::from(prompt::MAX_OUTPUT) + 1_500);
    let budget = usize::try_from(input_tokens.saturating_mul(3)).unwrap_or(usize::MAX);
    let system = prompt::system(&settings.style);
    let built = prompt::user(entries, budget, info.branch.as_deref());
    let mut request = Request {
        model: model.clone(),
        system,
        user: built.user,
        max_tokens: prompt::MAX_OUTPUT,
        temperature: 0.2,
        context_window: (client.endpoint.wire == crate::llm::wire::Wire::Ollama)
            .then_some(model_info.context_window.min(32_768)),
    };
    let mut notes = Vec::new();
    if !model_info.known {
        notes.push(format!(
            "warning: model `{model}` is not in the built-in table; assuming a {}-token context \
             window (set `context-window` under `[models.\"{model}\"]` in your user config)",
            model_info.context_window
        ));
    }
    let mut message = None;
    for round in 0..2 {
        let result = client.complete(&request, sink).await;
        let row_status = if result.is_ok() { "ok" } else { "error" };
        let (usage, attempts, duration, text) = match &result {
            Ok(done) => (done.usage, done.attempts, done.duration, done.text.as_str()),
            Err(_) => (None, 1, std::time::Duration::ZERO, ""),
        };
        let candidate = clean::to_message(&clean::strip(text));
        let estimated = usage.is_none();
        let usage = usage.unwrap_or(crate::llm::Usage {
            prompt_tokens: ((request.system.len() + request.user.len()) / 4) as u64,
            completion_tokens: (text.len() / 4) as u64,
        });
        if let Some(path) = &settings.usage_path {
            let row = crate::usage::UsageRow {
                timestamp: std::time::SystemTime::now(),
                command: info.command.to_owned(),
                repo: info.repo.clone(),
                provider: client.endpoint.provider.to_owned(),
                model: model.clone(),
                prompt_tokens: usage.prompt_tokens,
                completion_tokens: usage.completion_tokens,
                cost_usd: model_info.cost(usage.prompt_tokens, usage.completion_tokens),
                duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
                attempts,
                status: row_status.to_owned(),
                estimated,
                subject: candidate.subject.clone(),
            };
            if let Err(err) = crate::usage::append(path, &row) {
                notes.push(format!("warning: {err}"));
            }
        }
        result?;
        match clean::problem(&candidate, &settings.style) {
            None => {
                message = Some(candidate);
                break;
            }
            Some(problem) if round == 0 => {
                notes.push(format!("herald: asked again: {problem}"));
                sink(crate::llm::Delta::Restart);
                request.user.push_str(&format!(
                    "\n\nYour previous answer could not be used: {problem}. Answer again, \
                     following the rules exactly."
                ));
            }
            Some(problem) => {
                notes.push(format!(
                    "warning: the model's message breaks the rules: {problem}"
                ));
                message = Some(candidate);
            }
        }
    }
    let mut message = message.unwrap_or_default();
    if !built.omitted.is_empty() && settings.style.body {
        let list = built.omitted.join(", ");
        let line = format!("Not summarised (too large for the model): {list}");
        if message.body.is_empty() {
            message.body = line;
        } else {
            message.body = format!("{}\n\n{line}", message.body);
        }
    }
    Ok(Generated {
        message,
        engine: describe,
        notes,
    })
}
