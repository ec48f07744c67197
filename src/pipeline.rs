//! One run, from a change to a message: the engine is chosen once ([`Run::start`]), the staged
//! diff (or a given one) is read, filtered and redacted once ([`Run::collect`]), and whichever
//! engine writes the message reads that same redacted input ([`Run::write`]). The face builds
//! the one async runtime and reports through a [`Reporter`].

use crate::caller::{Caller, Model};
use crate::compose::Composer;
pub use crate::compose::{Ask, Progress, Reporter, Silent};
use crate::config::{Env, Settings};
use crate::diff;
use crate::filter::{Attributes, FileEntry, Filter, Treatment};
use crate::git::Repo;
use crate::history::{Advice, Form, History};
use crate::llm::select::{self, Engine};
use crate::llm::{Delta, LlmError};
use crate::message::Message;
use crate::offline;
use crate::redact::{Policy, Redacted, RedactedDiff, Redactor};
use bstr::ByteSlice;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

/// Why a run could not write a message.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Git(#[from] crate::git::GitError),
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Filter(#[from] crate::filter::GlobError),
    #[error(transparent)]
    Llm(#[from] crate::llm::LlmError),
    /// The model asked for cannot be set up (no key, a failing `api-key-cmd`, …).
    #[error(transparent)]
    Engine(Arc<crate::llm::LlmError>),
    #[error(transparent)]
    Redact(#[from] crate::redact::RedactError),
    #[error("the changes hold {}: {rules}; nothing was sent (`redact.policy` is `abort`)", secrets(*.count))]
    SecretsFound { count: usize, rules: String },
    #[error("nothing is staged for commit")]
    NothingStaged,
    #[error("the diff given with `--diff` holds no changes")]
    EmptyDiff,
}

fn secrets(count: usize) -> String {
    crate::text::plural(count, "secret", "secrets")
}

impl RunError {
    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            RunError::Git(e) => e.hint().map(str::to_owned),
            RunError::Config(e) => e.hint(),
            RunError::Llm(e) => e.hint(),
            RunError::Engine(e) => e.hint(),
            RunError::Redact(_) => Some("fix the `[redact]` table of your config (`git herald config path`)".into()),
            RunError::SecretsFound { .. } => Some("`git herald redact` shows where; remove them, mark a line with `herald:allow`, or set `redact.policy = \"redact\"` to send them redacted".into()),
            RunError::NothingStaged => Some("stage changes with `git add`, then run it again".into()),
            RunError::EmptyDiff => Some("pass the output of `git diff` (for example `git diff HEAD~1 | git herald --diff -`)".into()),
            _ => None,
        }
    }
}

/// Where the changes come from.
pub enum Source<'a> {
    /// The repository's staged changes.
    Staged(&'a Repo),
    /// Unified-diff text (`--diff FILE`).
    Diff(&'a [u8]),
}

/// Reads the changes and decides, per file, what may leave the machine (raw, for
/// `git herald redact`'s report; a run reads through [`Run::collect`]).
pub fn collect(source: Source<'_>, filter: &Filter) -> Result<Vec<FileEntry>, RunError> {
    collect_sized(source, filter, &mut |_| {})
}

fn collect_sized(
    source: Source<'_>,
    filter: &Filter,
    on_size: &mut dyn FnMut(u64),
) -> Result<Vec<FileEntry>, RunError> {
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
            Source::Staged(_) => RunError::NothingStaged,
            Source::Diff(_) => RunError::EmptyDiff,
        });
    }
    Ok(entries)
}

/// From this size of the index on, the redactor is readied beside libgit2's read (about
/// 2 ms of it, 2,000 files or so).
const PARALLEL_INDEX: u64 = 256 * 1024;

/// The checked-out branch's name when its words are worth reading (`fix/…`, `add-retry-…`)
/// and the commit being made is its first: only then is history walked to find out.
pub fn first_branch(repo: &crate::git::Repo, branch: Option<&str>) -> Option<String> {
    let branch = branch?;
    (crate::offline::reads_branch(branch) && repo.first_on_branch(branch))
        .then(|| branch.to_owned())
}

/// What the engine is chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// To write a message: a provider that needs a key must have one.
    Write,
    /// To show what would be sent (`--dry-run`): nothing is sent, so a missing key is no error.
    Plan,
}

/// One run: its settings, the engine chosen once, and the one redactor.
pub struct Run<'a> {
    settings: &'a Settings,
    /// The engine, or why the model that was asked for cannot be used (said when writing, so
    /// reading errors such as "nothing staged" come first, as they always have).
    engine: Result<Engine, Arc<LlmError>>,
    redactor: Redactor,
    /// The repository's past, when there is a repository to read it from.
    history: Option<History>,
}

/// What the history says about this run's changes, and the settings it leads to (the house
/// style's form when `message.conventional = "auto"`).
struct Learned<'s> {
    settings: Cow<'s, Settings>,
    advice: Advice,
}

/// The changes of a run, read and redacted once: all that either engine sees.
#[derive(Debug)]
pub struct Changes {
    diff: RedactedDiff,
    /// Token counts kept from earlier runs (a model's large change in a repository).
    kept: Option<crate::tokens::Kept>,
    /// The work tree the changes were staged in (none for a diff given as text).
    root: Option<std::path::PathBuf>,
    /// The workspace members the repository declares around the staged paths, read the
    /// first time the offline engine writes: a model's message never needs them.
    members: std::sync::OnceLock<Vec<crate::workspace_members::Member>>,
}

impl Changes {
    /// The workspace members around the staged paths (none without a work tree).
    fn members(&self) -> &[crate::workspace_members::Member] {
        self.members.get_or_init(|| match &self.root {
            Some(root) => {
                let paths: Vec<String> = (self.diff.entries().iter())
                    .map(|e| e.change.path.to_str_lossy().into_owned())
                    .collect();
                let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                crate::workspace_members::read(root, &paths)
            }
            None => Vec::new(),
        })
    }

    /// Returns the redacted changes.
    pub fn diff(&self) -> &RedactedDiff {
        &self.diff
    }
}

/// What a run is, for the usage log and the prompt.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// The command of the run, for the usage log.
    pub command: crate::usage::Command,
    /// The repository's directory name.
    pub repo: String,
    pub branch: Option<String>,
    /// The branch's name when this is its first commit (`Repo::first_on_branch`).
    pub first_branch: Option<String>,
    /// The last few commit subjects, as style examples for a model.
    pub recent: Vec<String>,
    /// Candidates, or another version than those rejected (models only).
    pub ask: Ask,
}

impl<'a> Run<'a> {
    /// Chooses the engine, once for the run (with `provider = "auto"` this may ask a local
    /// Ollama server which models it has), and builds the redactor.
    pub async fn start(
        settings: &'a Settings,
        env: &Env,
        purpose: Purpose,
    ) -> Result<Run<'a>, RunError> {
        let engine = match purpose {
            Purpose::Write => select::choose(settings, env).await,
            Purpose::Plan => select::choose_for_plan(settings, env).await,
        }
        .map_err(Arc::new);
        Ok(Run {
            settings,
            engine,
            redactor: Redactor::deferred(&settings.redact)?,
            history: None,
        })
    }

    /// A run on the offline engine whatever is configured, and why (the hook's fallback when
    /// the model cannot be set up).
    pub fn offline(settings: &'a Settings, why: &'static str) -> Result<Run<'a>, RunError> {
        Ok(Run {
            settings,
            engine: Ok(Engine::Offline { why }),
            redactor: Redactor::deferred(&settings.redact)?,
            history: None,
        })
    }

    /// Gives the run the repository's history to learn from: the house style, the scopes
    /// and types used near the changed paths, similar past commits.
    pub fn learn(&mut self, history: History) {
        self.history = Some(history);
    }

    /// What the history says about these changes, and the settings to write them with.
    fn learned(&self, changes: &Changes) -> Learned<'_> {
        let settings = self.settings;
        let Some(history) = &self.history else {
            return Learned {
                settings: Cow::Borrowed(settings),
                advice: Advice::default(),
            };
        };
        let paths: Vec<String> = changes
            .diff
            .entries()
            .iter()
            .map(|e| e.change.path.to_str_lossy().into_owned())
            .collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        // The file most lines changed in, tests aside: an `area:` house may name the change
        // by it.
        let focus = (changes.diff.entries().iter().zip(&paths))
            .filter(|(e, p)| {
                !e.change.binary && !crate::paths::is_test(p, crate::paths::file_name(p))
            })
            .max_by_key(|(e, _)| e.change.additions + e.change.deletions)
            .map(|(_, p)| *p);
        let advice = history.advise(&paths, focus);
        let style = &settings.style;
        // An explicit setting, or a commitlint or cocogitto file, decides; else the house.
        let follow = style.follow_house && !style.conventions.decides_form();
        let settings = match advice.form {
            Some(form) if follow && (form == Form::Conventional) != style.conventional => {
                let mut owned = settings.clone();
                owned.style.conventional = form == Form::Conventional;
                Cow::Owned(owned)
            }
            _ => Cow::Borrowed(settings),
        };
        Learned { settings, advice }
    }

    /// Tells whether a model (rather than the offline engine) is to write the message.
    pub fn uses_model(&self) -> bool {
        !matches!(self.engine, Ok(Engine::Offline { .. }))
    }

    /// Reads the changes and redacts them, once. For a model, when the staged files are large
    /// enough that the tokenizer may be needed to fit them into the context window, and some
    /// file has no token counts kept from an earlier run, the encoder's build (0.2 to 0.5 s)
    /// starts on another thread while the diff is redacted; small changes, and changes whose
    /// counts are all kept (the same change asked about again), never build it.
    pub fn collect(&self, source: Source<'_>, filter: &Filter) -> Result<Changes, RunError> {
        let mut kept = None;
        let root = match &source {
            Source::Staged(repo) => repo.work_dir().map(Path::to_owned),
            Source::Diff(_) => None,
        };
        // libgit2 takes about 1 ms per 100 KiB of index to read it and diff the trees: with a
        // large one, the redactor's keyword automaton is built on the other core meanwhile.
        // With a small one a second thread costs more than it saves. (Building more there,
        // the generic rule's word sets and the patterns most changes need, measured slower:
        // it competes with the main thread for memory and, on a busy machine, for the core.)
        let parallel = match &source {
            Source::Staged(repo) => std::fs::metadata(repo.git_dir().join("index"))
                .is_ok_and(|meta| meta.len() >= PARALLEL_INDEX),
            Source::Diff(_) => false,
        };
        let entries = if parallel {
            let (entries, warmed) = std::thread::scope(|scope| {
                let warm = scope.spawn(|| self.redactor.warm());
                let entries = self.read(source, filter, &mut kept);
                (entries, warm.join())
            });
            let entries = entries?;
            // A warm-up that panicked leaves the automaton to be built on first use.
            if let Ok(warmed) = warmed {
                warmed?;
            }
            entries
        } else {
            let entries = self.read(source, filter, &mut kept)?;
            self.redactor.warm()?;
            entries
        };
        Ok(Changes {
            diff: self.redactor.redact_diff(&entries),
            kept,
            root,
            members: std::sync::OnceLock::new(),
        })
    }

    /// Reads the changes (see [`Run::collect`]), keeping the token counts of earlier runs in
    /// `kept` for a model.
    fn read(
        &self,
        source: Source<'_>,
        filter: &Filter,
        kept: &mut Option<crate::tokens::Kept>,
    ) -> Result<Vec<FileEntry>, RunError> {
        Ok(match &self.engine {
            Ok(Engine::Model { model, info, .. }) => {
                let window = self
                    .settings
                    .budget
                    .context_window
                    .unwrap_or(info.context_window);
                // A token is at least one byte: below the window in bytes the layout never
                // counts.
                let threshold = window.saturating_sub(u64::from(crate::prompt::MAX_OUTPUT));
                let counter = crate::tokens::Counter::new(model, self.settings.budget.margin);
                let mut large = false;
                let file = match &source {
                    Source::Staged(repo) => Some(crate::tokens::Kept::file(repo.git_dir())),
                    Source::Diff(_) => None,
                };
                let entries =
                    collect_sized(source, filter, &mut |bytes| large = bytes > threshold)?;
                let store = crate::tokens::Kept::load(file);
                if large {
                    let uncounted = (entries.iter())
                        .filter(|e| e.decision.treatment == Treatment::Text)
                        .any(|e| !store.has(&crate::tokens::Kept::key(&counter, &e.change)));
                    if uncounted {
                        counter.prewarm();
                    }
                }
                *kept = Some(store);
                entries
            }
            _ => collect_sized(source, filter, &mut |_| {})?,
        })
    }

    /// Under `redact.policy = "abort"` a finding is an error: nothing is sent.
    fn check_policy(&self, changes: &Changes) -> Result<(), RunError> {
        let found = changes.diff.findings();
        if self.redactor.policy() == Policy::Abort && !found.is_empty() {
            return Err(RunError::SecretsFound {
                count: found.len(),
                rules: crate::redact::by_rule(found),
            });
        }
        Ok(())
    }

    /// The context lines a model's request carries (branch, a ticket to use as the scope,
    /// recent subjects as style examples), redacted: the same for a real run and `--dry-run`.
    fn context(&self, info: &RunInfo, learned: &Learned<'_>) -> Option<Redacted> {
        let settings = self.settings;
        let scope = match settings.ticket {
            crate::config::TicketMode::Scope => {
                ticket(info.branch.as_deref(), &settings.ticket_pattern)
            }
            _ => None,
        };
        let advice = &learned.advice;
        let text = if self.history.is_some() {
            // The form this run writes: Conventional Commits when the settings say so, else
            // the house's form for these paths.
            let form = if learned.settings.style.conventional {
                Form::Conventional
            } else {
                advice
                    .form
                    .filter(|f| *f != Form::Conventional)
                    .unwrap_or(Form::Plain)
            };
            let house = advice.house.as_ref().map(|h| (form, h.describe()));
            let prefixes: Vec<String> = advice
                .prefixes
                .iter()
                .take(5)
                .map(|(p, _)| p.clone())
                .collect();
            crate::prompt::context_learned(
                info.branch.as_deref(),
                scope.as_deref(),
                &crate::prompt::Learned {
                    house,
                    prefixes: &prefixes,
                    typed_scopes: if form == Form::Conventional {
                        &advice.typed_scopes
                    } else {
                        &[]
                    },
                    examples: &advice.similar,
                },
            )
        } else {
            crate::prompt::context(info.branch.as_deref(), scope.as_deref(), &info.recent)
        };
        let text = crate::prompt::with_instructions(text, &settings.instructions)?;
        Some(self.redactor.redact_text(&text, "<context>"))
    }

    /// Writes the message with the chosen engine: the offline engine, or a streaming model
    /// call whose text goes to `reporter` as it arrives. Gitmoji and ticket trailers are
    /// added whichever engine wrote it.
    pub async fn write(
        &self,
        changes: &Changes,
        info: &RunInfo,
        reporter: &mut dyn Reporter,
    ) -> Result<Generated, RunError> {
        let mut learned = self.learned(changes);
        learned.advice.first_branch = info.first_branch.clone();
        let (mut generated, kind) = match &self.engine {
            Err(err) => return Err(RunError::Engine(err.clone())),
            Ok(Engine::Offline { why }) => {
                let (mut generated, kind) = self.offline_message(changes, why, &learned);
                // Said when asked by hand; the hook stays quiet on every commit.
                if let Some(language) = &learned.settings.style.language
                    && info.command != crate::usage::Command::Hook
                {
                    generated.notes.push(format!(
                        "note: the offline engine writes English; the language `{language}` \
                         applies to models"
                    ));
                }
                (generated, kind)
            }
            Ok(Engine::Model {
                client,
                model,
                info: model_info,
            }) => {
                self.check_policy(changes)?;
                let model = Model {
                    client,
                    name: model,
                    info: model_info,
                };
                match self
                    .model_message(changes, info, model, &learned, reporter)
                    .await
                {
                    // The answer failed the gate twice: the offline engine writes the
                    // message, with one warning that says why (issue 14).
                    Err(RunError::Llm(err @ LlmError::Unusable { .. })) => {
                        let (mut generated, kind) = self.offline_message(
                            changes,
                            "the model's answer was not usable",
                            &learned,
                        );
                        generated.notes.insert(
                            0,
                            format!("warning: {err}; the offline engine wrote the message instead"),
                        );
                        (generated, kind)
                    }
                    Err(err) => return Err(err),
                    Ok(mut generated) => {
                        if let Some(warning) = changes.diff.warning() {
                            generated.notes.insert(0, format!("warning: {warning}"));
                        }
                        (generated, None)
                    }
                }
            }
        };
        let style = &learned.settings.style;
        // A subject with no type gets the gitmoji of the type the offline engine reads in the
        // change: its own reading when it wrote the message, else read now (at most once).
        let mut kind = kind;
        let messages = std::iter::once(&mut generated.message).chain(&mut generated.alternatives);
        decorate(messages, style, &mut || {
            *kind.get_or_insert_with(|| offline::kind(changes.diff.entries()))
        });
        let ticket = match self.settings.ticket {
            crate::config::TicketMode::Off => None,
            _ => ticket(info.branch.as_deref(), &self.settings.ticket_pattern),
        };
        if let Some(ticket) = &ticket
            && self.settings.ticket == crate::config::TicketMode::Trailer
            && style.body
        {
            add_trailer(&mut generated.message, ticket);
            for message in &mut generated.alternatives {
                add_trailer(message, ticket);
            }
        }
        Ok(generated)
    }

    /// The offline engine's message when the model failed (the hook's fallback): the same
    /// redacted input, decorated as any message.
    pub fn fallback(&self, changes: &Changes) -> Message {
        let learned = self.learned(changes);
        let style = &learned.settings.style;
        let written = offline::write_in(
            changes.diff.entries(),
            style,
            &learned.advice,
            changes.members(),
        );
        let mut message = written.message;
        decorate([&mut message], style, &mut || written.kind);
        message
    }

    fn offline_message(
        &self,
        changes: &Changes,
        why: &'static str,
        learned: &Learned<'_>,
    ) -> (Generated, Option<&'static str>) {
        let written = offline::write_in(
            changes.diff.entries(),
            &learned.settings.style,
            &learned.advice,
            changes.members(),
        );
        let generated = Generated {
            message: written.message,
            alternatives: Vec::new(),
            engine: Engine::Offline { why }.describe(),
            notes: written.notes,
        };
        (generated, Some(written.kind))
    }

    async fn model_message(
        &self,
        changes: &Changes,
        info: &RunInfo,
        model: Model<'_>,
        learned: &Learned<'_>,
        reporter: &mut dyn Reporter,
    ) -> Result<Generated, RunError> {
        let settings: &Settings = &learned.settings;
        let mut notes = Vec::new();
        let caller = Caller::new(
            model,
            settings,
            info.command,
            &info.repo,
            crate::prompt::VERSION,
        );
        // Said once per model and server, not on every commit: the cache remembers it.
        let cache = caller.cache();
        let endpoint = &model.client.endpoint;
        let told = crate::cache::key(&[
            b"unknown model told",
            endpoint.provider.as_bytes(),
            endpoint.base_url.as_bytes(),
            model.name.as_bytes(),
        ]);
        if !model.info.known
            && settings.budget.context_window.is_none()
            && cache.get("server", &told).is_none()
        {
            cache.put("server", &told, "told");
            notes.push(format!(
                "warning: model `{}` is not in the built-in table; assuming a {}-token context \
                 window (set `context-window` under `[models.\"{}\"]` in your user config)",
                model.name, model.info.context_window, model.name
            ));
        }
        let context = self.context(info, learned);
        // What the user typed or edited goes through the same redaction as the diff.
        let ask = info.ask.redact(&self.redactor);
        let mut composer = Composer::new(&caller, &self.redactor, ask);
        if let Some(kept) = &changes.kept {
            composer = composer.with_kept(kept);
        }
        let composed = composer
            .compose(&changes.diff, context.as_ref(), reporter)
            .await?;
        notes.extend(composed.notes);
        let mut engine = format!(
            "herald: {} via {}",
            model.name, model.client.endpoint.provider
        );
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

    /// Describes what would be sent to a model: each file's decision and why, then the text,
    /// all redacted as it would be sent, then every request.
    pub fn dry_run(&self, changes: &Changes, info: &RunInfo) -> Result<DryRun, RunError> {
        self.check_policy(changes)?;
        let redacted = &changes.diff;
        let plan = match &self.engine {
            Ok(Engine::Model {
                client,
                model,
                info: model_info,
            }) => {
                let model = Model {
                    client,
                    name: model,
                    info: model_info,
                };
                Some(self.plan(changes, info, model))
            }
            Ok(Engine::Offline { .. }) => None,
            Err(err) => return Err(RunError::Engine(err.clone())),
        };
        let entries = redacted.entries();
        let mut out = String::new();
        let engine = match &self.engine {
            Ok(engine @ Engine::Model { .. }) => engine.describe(),
            _ => "offline".to_owned(),
        };
        let _ = writeln!(
            out,
            "engine: {} (dry run: nothing is sent)",
            engine.trim_start_matches("herald: ")
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
            out.push_str(&plan);
        }
        Ok(DryRun {
            text: out,
            warning: redacted.warning(),
        })
    }

    /// Works out every request a model would get for these changes, sending nothing.
    fn plan(&self, changes: &Changes, info: &RunInfo, model: Model<'_>) -> String {
        let redacted = &changes.diff;
        let learned = self.learned(changes);
        let context = self.context(info, &learned);
        let caller = Caller::new(
            model,
            &learned.settings,
            crate::usage::Command::Msg,
            "",
            crate::prompt::VERSION,
        );
        let mut composer = Composer::new(&caller, &self.redactor, info.ask.redact(&self.redactor));
        if let Some(kept) = &changes.kept {
            composer = composer.with_kept(kept);
        }
        let plan = composer.plan(redacted, context.as_ref());
        let tokens: usize = plan.requests.iter().map(|(_, _, n)| n).sum();
        let calls = plan.requests.len() + usize::from(plan.final_pending.is_some());
        let cost = model.info.cost(
            tokens as u64,
            (calls * crate::prompt::MAX_OUTPUT as usize) as u64,
        );
        let mut text = format!(
            "\n--- requests: {}, {} tokens in, at most ${cost:.4} ---\n",
            crate::text::plural(calls, "call", "calls"),
            crate::filter::thousands(tokens)
        );
        let total = plan.requests.len();
        for (i, (kind, request, n)) in plan.requests.iter().enumerate() {
            let _ = write!(
                text,
                "\n=== request {} of {total} ({kind}, {} tokens) ===\n[system]\n{}\n[user]\n{}\n",
                i + 1,
                crate::filter::thousands(*n),
                request.system(),
                request.user()
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
        text
    }
}

/// What `--dry-run` shows: the report for stdout and, when secrets were redacted, one warning
/// line for stderr.
#[derive(Debug, Clone)]
pub struct DryRun {
    pub text: String,
    pub warning: Option<String>,
}

/// Names of standards and encodings that look like ticket ids in a branch name
/// (`fix-CVE-2024-1234`, `utf-UTF-8`, `SHA-256`) but are not tickets.
const NOT_TICKETS: &[&str] = &[
    "AES", "ANSI", "CVE", "CWE", "ECMA", "GHSA", "GPL", "HTTP", "IEC", "IEEE", "ISO", "MD", "PEP",
    "RFC", "RSA", "SHA", "TLS", "UCS", "UTF", "WCAG", "X",
];

/// Finds a ticket id (`ABC-123`) in a branch name with the configured pattern, passing over
/// standards and encodings (`CVE-2024`, `UTF-8`, `SHA-256`).
pub fn ticket(branch: Option<&str>, pattern: &str) -> Option<String> {
    let branch = branch?;
    let re = regex::Regex::new(pattern).ok()?;
    re.find_iter(branch)
        .map(|m| m.as_str())
        .find(|id| {
            let prefix = id.split('-').next().unwrap_or_default();
            !NOT_TICKETS.contains(&prefix.to_ascii_uppercase().as_str())
        })
        .map(str::to_owned)
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

/// Puts the type's gitmoji in front of each message's subject when `gitmoji` is on; a subject
/// with no type gets the one for `kind()`, the type the change reads as (asked at most once).
fn decorate<'m>(
    messages: impl IntoIterator<Item = &'m mut Message>,
    style: &crate::message::Style,
    kind: &mut dyn FnMut() -> &'static str,
) {
    use crate::gitmoji::{self, Gitmoji};
    if style.gitmoji == Gitmoji::Off {
        return;
    }
    for message in messages {
        let typed = crate::conventions::Header::parse(gitmoji::split(&message.subject).1).is_some();
        let fallback = (!typed).then(&mut *kind);
        gitmoji::decorate(message, style.gitmoji, fallback);
    }
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

/// Keeps the stream quiet: for runs whose text nobody watches.
impl Reporter for Silent {
    fn delta(&mut self, _delta: Delta<'_>) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_in_a_branch_name_are_not_tickets() {
        let pattern = crate::config::DEFAULT_TICKET;
        let find = |branch: &str| ticket(Some(branch), pattern);
        assert_eq!(find("feature/ABC-123-pairs"), Some("ABC-123".into()));
        assert_eq!(find("fix/CVE-2024-1234"), None);
        assert_eq!(find("fix-UTF-8-paths"), None);
        assert_eq!(find("use-SHA-256"), None);
        assert_eq!(find("fix/CVE-2024-1234-for-PROJ-9"), Some("PROJ-9".into()));
    }
}
