//! The path from a change to a message: read the staged diff (or a given one), decide per file
//! what may be sent, then let the engine write the message.

use crate::config::Settings;
use crate::diff;
use crate::error::Error;
use crate::filter::{Attributes, FileEntry, Filter, Treatment};
use crate::git::Repo;
use crate::message::Message;
use crate::offline;
use crate::redact::{Policy, RedactedDiff, Redactor};
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
    collect_sized(source, filter, &mut |_| {})
}

/// Reads the changes for a model call: when the staged files are large enough that the
/// tokenizer may be needed to fit them into the context window, its build (0.2 to 0.5 s)
/// starts on another thread while libgit2 reads the diff. Small changes never build it.
pub fn collect_for_model(
    source: Source<'_>,
    filter: &Filter,
    settings: &Settings,
) -> Result<Vec<FileEntry>, Error> {
    let model = settings.model.as_deref().unwrap_or_default();
    let window = settings.budget.context_window.unwrap_or_else(|| {
        let name = if model.is_empty() {
            crate::llm::select::OPENAI_MODEL
        } else {
            model
        };
        crate::llm::models::lookup(name, &settings.models).context_window
    });
    // A token is at least one byte: below the window in bytes the layout never counts.
    let threshold = window.saturating_sub(u64::from(crate::prompt::MAX_OUTPUT));
    collect_sized(source, filter, &mut |bytes| {
        if bytes > threshold {
            crate::tokens::Counter::new(model, settings.budget.margin).prewarm();
        }
    })
}

fn collect_sized(
    source: Source<'_>,
    filter: &Filter,
    on_size: &mut dyn FnMut(u64),
) -> Result<Vec<FileEntry>, Error> {
    let entries = match source {
        Source::Staged(repo) => repo.staged_sized(filter, on_size)?,
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

/// Redacts the changes bound for a model. Under `redact.policy = "abort"` a finding is an
/// error: nothing is sent.
pub fn redact(entries: &[FileEntry], settings: &Settings) -> Result<RedactedDiff, Error> {
    let redactor = Redactor::new(&settings.redact)?;
    let redacted = redactor.redact_diff(entries);
    let found = redacted.findings();
    if redactor.policy() == Policy::Abort && !found.is_empty() {
        let count = if found.len() == 1 {
            "1 secret".to_owned()
        } else {
            format!("{} secrets", found.len())
        };
        return Err(Error::SecretsFound {
            count,
            rules: crate::redact::by_rule(found),
        });
    }
    Ok(redacted)
}

/// What `--dry-run` shows: the report for stdout and, when secrets were redacted, one warning
/// line for stderr.
#[derive(Debug, Clone)]
pub struct DryRun {
    pub text: String,
    pub warning: Option<String>,
}

/// Describes what would be sent to a model: each file's decision and why, then the text, all
/// redacted as it would be sent.
pub fn dry_run(
    entries: &[FileEntry],
    settings: &Settings,
    env: &crate::config::Env,
    info: &RunInfo,
) -> Result<DryRun, Error> {
    let redacted = redact(entries, settings)?;
    let context = request_context(settings, info)?;
    let plan = plan_requests(&redacted, settings, env, context.as_deref())?;
    let entries = redacted.entries();
    let mut out = String::new();
    let engine = plan
        .as_ref()
        .map_or("offline", |p| p.engine.trim_start_matches("herald: "));
    let _ = writeln!(out, "engine: {engine} (dry run: nothing is sent)");
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
    let stats = redacted.stats_lines();
    if !stats.is_empty() {
        out.push_str("\n--- stats lines ---\n");
        for line in stats {
            let _ = writeln!(out, "{line}");
        }
    }
    if entries
        .iter()
        .any(|e| e.decision.treatment == Treatment::Text)
    {
        out.push_str("\n--- diff text ---\n");
        out.push_str(&redacted.render_text().to_str_lossy());
    }
    if let Some(plan) = plan {
        out.push_str(&plan.text);
    }
    Ok(DryRun {
        text: out,
        warning: redacted.warning(),
    })
}

/// The requests a model would get, rendered for `--dry-run`.
struct PlannedRun {
    engine: String,
    text: String,
}

/// Works out every request a model would get for these changes, sending nothing; `None` when
/// the offline engine would write the message.
fn plan_requests(
    redacted: &RedactedDiff,
    settings: &Settings,
    env: &crate::config::Env,
    context: Option<&str>,
) -> Result<Option<PlannedRun>, Error> {
    use crate::compose::Composer;
    use crate::llm::select;
    if select::offline_reason(settings, env).is_some() {
        return Ok(None);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::io("start the async runtime"))?;
    let engine = runtime.block_on(select::choose_for_plan(settings, env))?;
    let describe = engine.describe();
    let select::Engine::Model {
        client,
        model,
        info,
    } = engine
    else {
        return Ok(None);
    };
    let composer = Composer::new(&client, &model, info, settings, "msg", "");
    let plan = composer.plan(redacted, context);
    let tokens: usize = plan.requests.iter().map(|(_, _, n)| n).sum();
    let calls = plan.requests.len() + usize::from(plan.final_pending.is_some());
    let cost = info.cost(
        tokens as u64,
        (calls * crate::prompt::MAX_OUTPUT as usize) as u64,
    );
    let mut text = format!(
        "\n--- requests: {calls} call{}, {} tokens in, at most ${cost:.4} ---\n",
        if calls == 1 { "" } else { "s" },
        crate::filter::thousands(tokens)
    );
    let total = plan.requests.len();
    for (i, (kind, request, n)) in plan.requests.iter().enumerate() {
        let _ = write!(
            text,
            "\n=== request {} of {total} ({kind}, {} tokens) ===\n[system]\n{}\n[user]\n{}\n",
            i + 1,
            crate::filter::thousands(*n),
            request.system,
            request.user
        );
    }
    if let Some(pending) = &plan.final_pending {
        let _ = writeln!(text, "\n=== and {pending} ===");
    }
    if !plan.left_out.is_empty() {
        let _ = writeln!(
            text,
            "left out under the caps: {}",
            crate::compose::describe_paths(&plan.left_out)
        );
    }
    Ok(Some(PlannedRun {
        engine: describe,
        text,
    }))
}

/// What a run is, for the usage log and the prompt.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// `msg` or `hook`.
    pub command: &'static str,
    /// The repository's directory name.
    pub repo: String,
    pub branch: Option<String>,
    /// The last few commit subjects, as style examples for a model.
    pub recent: Vec<String>,
    /// Candidates, or another version than those rejected (models only).
    pub ask: crate::compose::Ask,
}

/// Finds a ticket id (`ABC-123`) in a branch name with the configured pattern.
pub fn ticket(branch: Option<&str>, pattern: &str) -> Option<String> {
    let branch = branch?;
    let re = regex::Regex::new(pattern).ok()?;
    re.find(branch).map(|m| m.as_str().to_owned())
}

/// Adds a `Refs: ABC-123` trailer unless the message names the ticket already.
fn add_trailer(message: &mut Message, ticket: &str) {
    if message.subject.contains(ticket) || message.body.contains(ticket) {
        return;
    }
    let trailer = format!("Refs: {ticket}");
    if message.body.is_empty() {
        message.body = trailer;
    } else {
        message.body = format!("{}\n\n{trailer}", message.body.trim_end());
    }
}

/// Puts the type's gitmoji in front of each message's subject when `gitmoji` is on, whichever
/// engine wrote it; a subject with no type gets the one for the type the offline engine reads
/// in the change (read here, at most once for all the messages; nothing is sent).
pub fn decorate<'m>(
    messages: impl IntoIterator<Item = &'m mut Message>,
    entries: &[FileEntry],
    style: &crate::message::Style,
) {
    use crate::gitmoji::{self, Gitmoji};
    if style.gitmoji == Gitmoji::Off {
        return;
    }
    let mut kind = None;
    for message in messages {
        let typed = crate::conventions::Header::parse(gitmoji::split(&message.subject).1).is_some();
        let fallback = (!typed).then(|| *kind.get_or_insert_with(|| offline::kind(entries)));
        gitmoji::decorate(message, style.gitmoji, fallback);
    }
}

/// The context lines a model's request carries (branch, a ticket to use as the scope, recent
/// subjects as style examples), redacted: the same for a real run and `--dry-run`.
fn request_context(settings: &Settings, info: &RunInfo) -> Result<Option<String>, Error> {
    let scope = match settings.ticket {
        crate::config::TicketMode::Scope => {
            ticket(info.branch.as_deref(), &settings.ticket_pattern)
        }
        _ => None,
    };
    let Some(text) = crate::prompt::context(info.branch.as_deref(), scope.as_deref(), &info.recent)
    else {
        return Ok(None);
    };
    let redactor = Redactor::new(&settings.redact)?;
    Ok(Some(redactor.redact_text(&text, "<context>").to_string()))
}

/// A written message and who wrote it.
#[derive(Debug, Clone)]
pub struct Generated {
    pub message: Message,
    /// More candidates when several were asked for (a model may send fewer).
    pub alternatives: Vec<Message>,
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
    progress: &dyn crate::compose::Progress,
    sink: &mut dyn FnMut(crate::llm::Delta<'_>),
) -> Result<Generated, Error> {
    let ticket = match settings.ticket {
        crate::config::TicketMode::Off => None,
        _ => ticket(info.branch.as_deref(), &settings.ticket_pattern),
    };
    let mut generated = generate_message(entries, settings, env, info, progress, sink)?;
    let messages = std::iter::once(&mut generated.message).chain(&mut generated.alternatives);
    decorate(messages, entries, &settings.style);
    if let Some(ticket) = &ticket
        && settings.ticket == crate::config::TicketMode::Trailer
        && settings.style.body
    {
        add_trailer(&mut generated.message, ticket);
        for message in &mut generated.alternatives {
            add_trailer(message, ticket);
        }
    }
    Ok(generated)
}

fn generate_message(
    entries: &[FileEntry],
    settings: &Settings,
    env: &crate::config::Env,
    info: &RunInfo,
    progress: &dyn crate::compose::Progress,
    sink: &mut dyn FnMut(crate::llm::Delta<'_>),
) -> Result<Generated, Error> {
    use crate::llm::select;
    if let Some(why) = select::offline_reason(settings, env) {
        let (message, notes) = offline::write_noted(entries, &settings.style);
        return Ok(Generated {
            message,
            alternatives: Vec::new(),
            engine: select::Engine::Offline { why }.describe(),
            notes,
        });
    }
    // Past this point text may leave the machine: only redacted files and context go on.
    let redacted = redact(entries, settings)?;
    let context = request_context(settings, info)?;
    // What the user typed or edited goes through the same redaction as the diff.
    let redactor = Redactor::new(&settings.redact)?;
    let ask = crate::compose::Ask {
        candidates: info.ask.candidates,
        rejected: (info.ask.rejected.iter())
            .map(|text| redactor.redact_text(text, "<earlier version>").to_string())
            .collect(),
        hint: (info.ask.hint.as_deref()).map(|h| redactor.redact_text(h, "<hint>").to_string()),
    };
    let info = RunInfo {
        branch: context,
        ask,
        ..info.clone()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::io("start the async runtime"))?;
    let mut generated = runtime.block_on(generate_async(
        &redacted, settings, env, &info, progress, sink,
    ))?;
    if let Some(warning) = redacted.warning() {
        generated.notes.insert(0, format!("warning: {warning}"));
    }
    Ok(generated)
}

async fn generate_async(
    redacted: &RedactedDiff,
    settings: &Settings,
    env: &crate::config::Env,
    info: &RunInfo,
    progress: &dyn crate::compose::Progress,
    sink: &mut dyn FnMut(crate::llm::Delta<'_>),
) -> Result<Generated, Error> {
    use crate::compose::Composer;
    use crate::llm::select;
    let engine = select::choose(settings, env).await?;
    let describe = engine.describe();
    let (client, model, model_info) = match engine {
        select::Engine::Offline { .. } => {
            let (message, notes) = offline::write_noted(redacted.entries(), &settings.style);
            return Ok(Generated {
                message,
                alternatives: Vec::new(),
                engine: describe,
                notes,
            });
        }
        select::Engine::Model {
            client,
            model,
            info,
        } => (client, model, info),
    };
    let mut notes = Vec::new();
    if !model_info.known && settings.budget.context_window.is_none() {
        notes.push(format!(
            "warning: model `{model}` is not in the built-in table; assuming a {}-token context \
             window (set `context-window` under `[models.\"{model}\"]` in your user config)",
            model_info.context_window
        ));
    }
    let composer = Composer::new(
        &client,
        &model,
        model_info,
        settings,
        info.command,
        &info.repo,
    )
    .with_ask(info.ask.clone());
    let composed = composer
        .compose(redacted, info.branch.as_deref(), progress, sink)
        .await?;
    notes.extend(composed.notes);
    let mut engine = describe;
    if composed.calls == 0 && composed.cached > 0 {
        engine.push_str(" (from the cache, no calls)");
    } else if composed.calls > 1 {
        engine.push_str(&format!(" ({} calls)", composed.calls));
    }
    Ok(Generated {
        message: composed.message,
        alternatives: composed.alternatives,
        engine,
        notes,
    })
}
