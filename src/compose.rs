//! The model path of a message: one call when the (redacted) diff fits the model's budget;
//! otherwise map-reduce — summarise chunks concurrently, then write the message from the
//! summaries (reducing in rounds when they are long). Every answer is cached, every call
//! recorded in the usage log, and whatever is left out is said in the body.

use crate::cache::{self, Cache};
use crate::chunk::{self, FileText};
use crate::config::Settings;
use crate::diff::{self, RenderOptions};
use crate::filter::{FileEntry, Treatment};
use crate::llm::client::Client;
use crate::llm::models::ModelInfo;
use crate::llm::{Completion, Delta, LlmError, Request, clean};
use crate::message::Message;
use crate::paths;
use crate::prompt;
use crate::redact::RedactedDiff;
use crate::tokens::Counter;
use bstr::ByteSlice;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Reports the progress of chunk summaries (the UI shows a bar on a terminal).
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn advance(&self);
    fn finish(&self);
}

/// A `Progress` that shows nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _total: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// Everything one message's calls share.
pub struct Composer<'a> {
    pub client: &'a Client,
    pub model: &'a str,
    pub info: ModelInfo,
    pub settings: &'a Settings,
    pub command: &'static str,
    pub repo: &'a str,
    pub cache: Cache,
    pub counter: Counter,
    calls: AtomicUsize,
    cached: AtomicUsize,
    notes: Mutex<Vec<String>>,
    ask: Ask,
}

/// What the user asks of the final call beyond one message: several candidates to pick from,
/// or another version than those already seen (`git herald commit`'s regenerate).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ask {
    /// Candidates wanted; 0 and 1 both mean one message.
    pub candidates: usize,
    /// Messages already shown that the user did not take.
    pub rejected: Vec<String>,
    /// What the user wants of the new version ("shorter", "mention the migration").
    pub hint: Option<String>,
}

/// The most candidates one message asks for.
pub const MAX_CANDIDATES: usize = 5;

/// Separates the answers of one request in a cache entry.
const ANSWER_SEPARATOR: char = '\u{1e}';

/// How a change goes out.
enum Layout {
    Single {
        user: String,
    },
    Chunks {
        listing: String,
        chunks: Vec<chunk::Chunk>,
        left_out: Vec<String>,
        chunk_budget: usize,
    },
}

/// The requests a message would take (`--dry-run`).
#[derive(Debug, Clone)]
pub struct Plan {
    /// Kind (`message`, `summary`), the request, its tokens.
    pub requests: Vec<(&'static str, Request, usize)>,
    /// What follows the chunk summaries, when there are any.
    pub final_pending: Option<String>,
    /// Files left out under the caps.
    pub left_out: Vec<String>,
}

/// The message and what it took.
#[derive(Debug, Clone)]
pub struct Composed {
    pub message: Message,
    /// More candidates, when several were asked for.
    pub alternatives: Vec<Message>,
    pub calls: usize,
    pub cached: usize,
    pub notes: Vec<String>,
}

const SUMMARY_SYSTEM: &str = "You summarise one part of a large staged diff for the person who \
will write its commit message. Reply with 1 to 6 `- ` bullets naming what changed (functions, \
types, files, behaviour) and why when the diff shows it. No preamble, no code fences. \
`[REDACTED:rule]` marks a removed secret; never guess it.";

const MERGE_SYSTEM: &str = "You merge summaries of parts of one large change into at most 10 \
`- ` bullets that keep every notable change. No preamble, no code fences.";

/// Tells whether a server's 400 message is about the `n` parameter (`'n' : number must be at
/// most 1`, `n is not supported`, `only one choice`).
fn about_n(message: &str) -> bool {
    static ABOUT_N: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(^|[^a-z0-9_])n([^a-z0-9_]|$)|choice|completions").ok()
    });
    ABOUT_N.as_ref().is_some_and(|re| re.is_match(message))
}

/// Sorts files for dropping under a cap: the least important last.
fn importance(path: &str) -> u8 {
    paths::prompt_rank(path)
}

/// Describes left-out paths briefly: whole folders where many share one.
pub fn describe_paths(paths: &[String]) -> String {
    if paths.len() <= 6 {
        return paths.join(", ");
    }
    // By folder; when that makes too many groups, by their top folders.
    for depth in [usize::MAX, 2, 1] {
        let mut by_dir: std::collections::BTreeMap<String, usize> =
            std::collections::BTreeMap::new();
        for path in paths {
            let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
            let dir: Vec<&str> = dir
                .split('/')
                .filter(|p| !p.is_empty())
                .take(depth)
                .collect();
            *by_dir.entry(dir.join("/")).or_default() += 1;
        }
        if by_dir.len() <= 8 || depth == 1 {
            return by_dir
                .iter()
                .map(|(dir, n)| match (dir.as_str(), *n) {
                    ("", n) => format!("{n} files at the top"),
                    (dir, 1) => format!("1 file under {dir}/"),
                    (dir, n) => format!("{n} files under {dir}/"),
                })
                .collect::<Vec<_>>()
                .join(", ");
        }
    }
    String::new()
}

fn file_texts(entries: &[FileEntry]) -> Vec<FileText> {
    let opts = RenderOptions::default();
    entries
        .iter()
        .filter(|e| e.decision.treatment == Treatment::Text)
        .map(|entry| {
            let mut header = bstr::BString::default();
            diff::render_header(&mut header, &entry.change, opts);
            let hunks = entry
                .change
                .hunks
                .iter()
                .map(|h| format!("{}\n{}", h.header(), h.body.to_str_lossy()))
                .collect();
            FileText {
                path: entry.change.path.to_str_lossy().into_owned(),
                header: header.to_str_lossy().into_owned(),
                hunks,
            }
        })
        .collect()
}

impl<'a> Composer<'a> {
    /// Sets up the calls for one message.
    pub fn new(
        client: &'a Client,
        model: &'a str,
        info: ModelInfo,
        settings: &'a Settings,
        command: &'static str,
        repo: &'a str,
    ) -> Self {
        Composer {
            client,
            model,
            info,
            settings,
            command,
            repo,
            cache: Cache::new(settings.cache_dir.clone(), settings.cache_max_bytes),
            counter: Counter::new(model, settings.budget.margin),
            calls: AtomicUsize::new(0),
            cached: AtomicUsize::new(0),
            notes: Mutex::new(Vec::new()),
            ask: Ask::default(),
        }
    }

    /// Asks the final call for candidates or another version (see [`Ask`]).
    pub fn with_ask(mut self, ask: Ask) -> Self {
        self.ask = ask;
        self
    }

    fn note(&self, note: String) {
        self.notes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(note);
    }

    /// The context window: configured, else the server's or the table's figure.
    fn context_window(&self) -> u64 {
        self.settings
            .budget
            .context_window
            .unwrap_or(self.info.context_window)
    }

    /// Tokens left for the user message once the system prompt and answer are paid for.
    fn input_budget(&self, system: &str) -> usize {
        let window = self.context_window() as usize;
        // The byte length bounds the system prompt's tokens without building the encoder.
        let fixed = self.counter.upper_bound(system) + prompt::MAX_OUTPUT as usize + 64;
        // A safety margin of 5% of the window for chat-template tokens.
        window.saturating_sub(fixed + window / 20)
    }

    fn request(&self, system: &str, user: String) -> Request {
        Request {
            model: self.model.to_owned(),
            system: system.to_owned(),
            user,
            max_tokens: prompt::MAX_OUTPUT,
            temperature: 0.2,
            n: 1,
            context_window: (self.client.endpoint.wire == crate::llm::wire::Wire::Ollama)
                .then_some(self.context_window().min(65_536)),
        }
    }

    /// One call: from the cache when the same request was answered before, else the model,
    /// with a usage row either way it goes to the network.
    async fn call(
        &self,
        kind: &str,
        request: &Request,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<String, LlmError> {
        let mut answers = self.call_all(kind, request, sink).await?;
        Ok(answers.swap_remove(0))
    }

    /// One call that may ask for several answers (`request.n`): the first answer, then the
    /// others the server sent (possibly fewer than asked). Never empty.
    async fn call_all(
        &self,
        kind: &str,
        request: &Request,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<Vec<String>, LlmError> {
        let n = request.n.to_le_bytes();
        let version = prompt::VERSION.to_le_bytes();
        let mut parts: Vec<&[u8]> = vec![
            &version,
            self.client.endpoint.provider.as_bytes(),
            self.model.as_bytes(),
            request.system.as_bytes(),
            request.user.as_bytes(),
        ];
        if request.n > 1 {
            parts.push(&n);
        }
        let key = cache::key(&parts);
        if let Some(hit) = self.cache.get(kind, &key) {
            self.cached.fetch_add(1, Ordering::Relaxed);
            let answers: Vec<String> = hit.split(ANSWER_SEPARATOR).map(str::to_owned).collect();
            sink(Delta::Text(&answers[0]));
            return Ok(answers);
        }
        self.calls.fetch_add(1, Ordering::Relaxed);
        let result = self.client.complete(request, sink).await;
        self.record(request, &result);
        let done = result?;
        let mut answers = vec![done.text];
        answers.extend(done.alternatives);
        let joined = answers.join(&ANSWER_SEPARATOR.to_string());
        self.cache.put(kind, &key, &joined);
        Ok(answers)
    }

    fn record(&self, request: &Request, result: &Result<Completion, LlmError>) {
        let Some(path) = &self.settings.usage_path else {
            return;
        };
        let site = crate::usage::CallSite {
            command: self.command,
            repo: self.repo,
            provider: self.client.endpoint.provider,
            model: self.model,
            info: &self.info,
        };
        // Summaries have no subject to show.
        let subject = match result {
            Ok(done) if request.system != SUMMARY_SYSTEM && request.system != MERGE_SYSTEM => {
                clean::to_message(&clean::strip(&done.text)).subject
            }
            _ => String::new(),
        };
        let estimate = self.counter.upper_bound(&request.system) as u64 / 3
            + self.counter.upper_bound(&request.user) as u64 / 3;
        let row = crate::usage::UsageRow::for_call(&site, result, estimate, subject);
        if let Err(err) = crate::usage::append(path, &row) {
            self.note(format!("warning: {err}"));
        }
    }

    /// Writes the message for the changes. Only a `RedactedDiff` gets here: nothing else can
    /// become a request.
    pub async fn compose(
        &self,
        diff: &RedactedDiff,
        branch: Option<&str>,
        progress: &dyn Progress,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<Composed, LlmError> {
        let entries = diff.entries();
        let style = &self.settings.style;
        let system = prompt::system(style);
        let mut budget = self.input_budget(&system);
        let mut shrunk = false;
        loop {
            let outcome = self
                .compose_within(entries, branch, &system, budget, progress, sink)
                .await;
            match outcome {
                Err(err) if err.is_context_length() && !shrunk => {
                    // The server's window is smaller than we thought: once, with less.
                    shrunk = true;
                    budget = budget * 7 / 10;
                    self.note(format!(
                        "herald: the server's context window is smaller than expected; retrying with a {budget}-token budget"
                    ));
                    sink(Delta::Restart);
                }
                Err(err) => return Err(err),
                Ok((message, alternatives)) => {
                    return Ok(Composed {
                        message,
                        alternatives,
                        calls: self.calls.load(Ordering::Relaxed),
                        cached: self.cached.load(Ordering::Relaxed),
                        notes: std::mem::take(
                            &mut *self.notes.lock().unwrap_or_else(|e| e.into_inner()),
                        ),
                    });
                }
            }
        }
    }

    /// Decides how the change goes out: one request, or chunks to summarise (and the files
    /// left out under the caps). Builds the tokenizer only when bytes cannot settle it.
    fn layout(&self, entries: &[FileEntry], branch: Option<&str>, budget: usize) -> Layout {
        let listing = prompt::listing(entries, branch);
        let texts = file_texts(entries);
        let text_bytes: usize = texts
            .iter()
            .map(|t| t.header.len() + t.hunks.iter().map(String::len).sum::<usize>())
            .sum();
        // "Diff:" and line ends around the text.
        let frame = 64;
        if self.counter.upper_bound(&listing) + self.counter.scale_bytes(text_bytes) + frame
            <= budget
        {
            // Proven to fit by its byte length: no tokenizer is built for a small change.
            return Layout::Single {
                user: prompt::user(entries, usize::MAX, branch).user,
            };
        }
        // Count every header and hunk once, in parallel; packing reuses the counts.
        self.counter.prewarm();
        let pieces: Vec<&str> = texts
            .iter()
            .flat_map(|t| {
                std::iter::once(t.header.as_str()).chain(t.hunks.iter().map(String::as_str))
            })
            .collect();
        let mut flat = self.counter.count_all(&pieces).into_iter();
        let counts: Vec<chunk::FileCounts> = texts
            .iter()
            .map(|t| chunk::FileCounts {
                header: flat.next().unwrap_or(0),
                hunks: t.hunks.iter().map(|_| flat.next().unwrap_or(0)).collect(),
            })
            .collect();
        let listing_tokens = self.counter.count(&listing);
        let total: usize =
            listing_tokens + counts.iter().map(chunk::FileCounts::total).sum::<usize>();
        if total + frame <= budget {
            return Layout::Single {
                user: prompt::user(entries, usize::MAX, branch).user,
            };
        }
        // Map: the text files in chunks that fit next to the summary prompt.
        let chunk_budget = budget.saturating_sub(self.counter.count(SUMMARY_SYSTEM) + 64);
        let mut left_out: Vec<String> = Vec::new();
        let count = |s: &str| self.counter.count(s);
        let chunk_budget = chunk_budget.max(256);
        let mut chunks = chunk::pack_counted(&texts, &counts, chunk_budget, &count);
        // Caps on calls and cost: leave out the least important files (they stay in the file
        // list as stats) until the chunks, a reduce and the final call fit. Files go in bulk,
        // sized by their token counts, so this packs a few times, not once per file.
        let max_map = self.settings.budget.max_calls.saturating_sub(2).max(1);
        if chunks.len() > max_map || self.over_cost(&chunks) {
            let sizes: Vec<usize> = counts.iter().map(chunk::FileCounts::total).collect();
            let mut order: Vec<usize> = (0..texts.len()).collect();
            // Most important first; among equals, earlier first.
            order.sort_by_key(|&i| (importance(&texts[i].path), i));
            let mut target = max_map * chunk_budget * 3 / 4;
            loop {
                let mut kept_tokens = 0;
                let mut keep = vec![false; texts.len()];
                // Strictly by importance: once a file does not fit, nothing after it goes in.
                for &i in &order {
                    if kept_tokens + sizes[i] > target && kept_tokens > 0 {
                        break;
                    }
                    keep[i] = true;
                    kept_tokens += sizes[i];
                }
                let (kept, kept_counts): (Vec<FileText>, Vec<chunk::FileCounts>) = texts
                    .iter()
                    .zip(&counts)
                    .zip(&keep)
                    .filter(|(_, k)| **k)
                    .map(|((t, c), _)| (t.clone(), c.clone()))
                    .unzip();
                chunks = chunk::pack_counted(&kept, &kept_counts, chunk_budget, &count);
                if (chunks.len() <= max_map && !self.over_cost(&chunks)) || target == 0 {
                    left_out = texts
                        .iter()
                        .zip(&keep)
                        .filter(|(_, k)| !**k)
                        .map(|(t, _)| t.path.clone())
                        .collect();
                    break;
                }
                target = target * 4 / 5;
            }
        }
        left_out.sort();
        Layout::Chunks {
            listing,
            chunks,
            left_out,
            chunk_budget,
        }
    }

    /// Returns every request a message would take, without sending any: the one request, or
    /// the chunk summaries (the final request then depends on what the model answers).
    pub fn plan(&self, diff: &RedactedDiff, branch: Option<&str>) -> Plan {
        let entries = diff.entries();
        let system = prompt::system(&self.settings.style);
        let budget = self.input_budget(&system);
        let tokens = |r: &Request| self.counter.count(&r.system) + self.counter.count(&r.user);
        match self.layout(entries, branch, budget) {
            Layout::Single { user } => {
                let request = self.request(&system, user);
                let n = tokens(&request);
                Plan {
                    requests: vec![("message", request, n)],
                    final_pending: None,
                    left_out: Vec::new(),
                }
            }
            Layout::Chunks {
                listing,
                chunks,
                left_out,
                ..
            } => {
                let total = chunks.len();
                let requests = chunks
                    .iter()
                    .enumerate()
                    .map(|(i, chunk)| {
                        let user = format!("Part {} of {total}:\n\n{}", i + 1, chunk.text);
                        let request = self.request(SUMMARY_SYSTEM, user);
                        let n = tokens(&request);
                        ("summary", request, n)
                    })
                    .collect();
                Plan {
                    requests,
                    final_pending: Some(format!(
                        "then one call writes the message from the file list ({} tokens) and \
                         the {total} summaries",
                        self.counter.count(&listing)
                    )),
                    left_out,
                }
            }
        }
    }

    async fn compose_within(
        &self,
        entries: &[FileEntry],
        branch: Option<&str>,
        system: &str,
        budget: usize,
        progress: &dyn Progress,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<(Message, Vec<Message>), LlmError> {
        let (listing, chunks, left_out, chunk_budget) = match self.layout(entries, branch, budget) {
            Layout::Single { user } => return self.finish(system, user, sink).await,
            Layout::Chunks {
                listing,
                chunks,
                left_out,
                chunk_budget,
            } => (listing, chunks, left_out, chunk_budget),
        };
        if !left_out.is_empty() {
            self.note(format!(
                "herald: {} files left out to stay within `budget.max-calls`/`max-cost`",
                left_out.len()
            ));
        }
        let summaries = self.summarise(&chunks, progress).await;
        let mut failed = Vec::new();
        let mut parts = Vec::new();
        for (chunk, summary) in chunks.iter().zip(summaries) {
            match summary {
                Ok(text) => parts.push(text),
                Err(err) if err.is_context_length() => return Err(err),
                Err(_) => failed.extend(chunk.paths.iter().cloned()),
            }
        }
        if parts.is_empty() {
            return Err(LlmError::Stream {
                provider: self.client.endpoint.provider,
                message: "every chunk summary failed".into(),
            });
        }
        // Reduce in rounds while the summaries are too long for one final call.
        let frame = listing.len();
        let mut joined = parts.join("\n");
        let mut rounds = 0;
        while !self.counter.fits(
            &joined,
            budget.saturating_sub(self.counter.upper_bound(&listing).min(frame)),
        ) && rounds < 3
        {
            rounds += 1;
            let groups = self.group(&parts, chunk_budget.max(256));
            let mut merged = Vec::new();
            for group in groups {
                let request = self.request(MERGE_SYSTEM, group);
                merged.push(self.call("merge", &request, &mut |_| {}).await?);
            }
            parts = merged;
            joined = parts.join("\n");
        }
        let mut user = listing;
        user.push_str("\nSummaries of the diff, part by part:\n");
        user.push_str(&joined);
        user.push('\n');
        let (mut message, mut alternatives) = self.finish(system, user, sink).await?;
        let mut missing = Vec::new();
        if !left_out.is_empty() {
            missing.push(format!("Not summarised: {}", describe_paths(&left_out)));
        }
        if !failed.is_empty() {
            failed.sort();
            failed.dedup();
            missing.push(format!(
                "Not summarised (the model failed on them): {}",
                describe_paths(&failed)
            ));
        }
        if !missing.is_empty() {
            let extra = missing.join("\n");
            for message in std::iter::once(&mut message).chain(&mut alternatives) {
                message.body = if message.body.is_empty() {
                    extra.clone()
                } else {
                    format!("{}\n\n{extra}", message.body)
                };
            }
        }
        Ok((message, alternatives))
    }

    /// The final step: one message, or the candidates asked for, in a new version when the
    /// user rejected earlier ones.
    async fn finish(
        &self,
        system: &str,
        mut user: String,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<(Message, Vec<Message>), LlmError> {
        user.push_str(&prompt::revision(
            &self.ask.rejected,
            self.ask.hint.as_deref(),
        ));
        if self.ask.candidates <= 1 {
            return Ok((self.final_call(system, user, sink).await?, Vec::new()));
        }
        self.final_candidates(system, user, sink).await
    }

    /// Several candidates: one request with `n` where the wire format has it (OpenAI, Azure),
    /// topped up with concurrent requests when the server sent fewer or refused `n`. Answers
    /// that break the style rules are dropped while a good one is left; with none left, the
    /// single-message path (with its one retry) writes the message.
    async fn final_candidates(
        &self,
        system: &str,
        user: String,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<(Message, Vec<Message>), LlmError> {
        use crate::llm::wire::Wire;
        use futures_util::stream::{self, StreamExt};
        let wanted = self.ask.candidates.min(MAX_CANDIDATES);
        let mut request = self.request(system, user.clone());
        // Candidates are only worth having when they differ.
        request.temperature = 0.8;
        let mut texts = Vec::new();
        // A server that refused `n` once (many OpenAI-compatible ones do) is not asked again.
        let endpoint = &self.client.endpoint;
        let refused_key = cache::key(&[
            b"n refused",
            endpoint.provider.as_bytes(),
            endpoint.base_url.as_bytes(),
        ]);
        let takes_n = matches!(endpoint.wire, Wire::OpenAi | Wire::Azure)
            && self.cache.get("server", &refused_key).is_none();
        if takes_n {
            request.n = wanted as u32;
            match self.call_all("candidates", &request, sink).await {
                Ok(answers) => texts = answers,
                Err(LlmError::Http {
                    status: 400,
                    message,
                    ..
                }) => {
                    self.note(format!(
                        "herald: the server refused `n = {wanted}`; asking {wanted} times instead"
                    ));
                    // Remembered only when the server said it was `n`: another 400 may pass.
                    if about_n(&message) {
                        self.cache.put("server", &refused_key, "refused");
                    }
                }
                Err(err) => return Err(err),
            }
            request.n = 1;
        }
        let missing = wanted.saturating_sub(texts.len());
        if missing > 0 {
            let have = texts.len();
            let more = stream::iter(0..missing)
                .map(|i| {
                    let mut request = request.clone();
                    // Distinct requests, so neither the cache nor the server folds them.
                    request
                        .user
                        .push_str(&format!("\n\n(Candidate {} of {wanted}.)", have + i + 1));
                    async move { self.call("message", &request, &mut |_| {}).await }
                })
                .buffered(self.settings.budget.concurrency.max(1))
                .collect::<Vec<_>>()
                .await;
            for answer in more {
                match answer {
                    Ok(text) => texts.push(text),
                    Err(err) if texts.is_empty() => return Err(err),
                    Err(err) => self.note(format!("herald: a candidate failed: {err}")),
                }
            }
        }
        let style = &self.settings.style;
        let mut good: Vec<Message> = Vec::new();
        let mut dropped = Vec::new();
        for text in &texts {
            let candidate = clean::to_message(&clean::strip(text));
            match clean::problem(&candidate, style) {
                None if !good.contains(&candidate) => good.push(candidate),
                None => {}
                Some(problem) => dropped.push(problem),
            }
        }
        if let Some(problem) = dropped.first() {
            self.note(format!(
                "herald: {} of {} candidates broke the rules and were left out ({problem})",
                dropped.len(),
                texts.len()
            ));
        }
        if good.is_empty() {
            return Ok((self.final_call(system, user, sink).await?, Vec::new()));
        }
        let first = good.remove(0);
        Ok((first, good))
    }

    /// Tells whether summarising `chunks` would pass the configured cost cap.
    fn over_cost(&self, chunks: &[chunk::Chunk]) -> bool {
        let Some(cap) = self.settings.budget.max_cost else {
            return false;
        };
        let input: usize = chunks.iter().map(|c| c.tokens + 200).sum();
        let output = (chunks.len() + 1) * prompt::MAX_OUTPUT as usize;
        self.info.cost(input as u64, output as u64) > cap
    }

    /// Groups summaries into texts that each fit `budget`.
    fn group(&self, parts: &[String], budget: usize) -> Vec<String> {
        let mut groups = Vec::new();
        let mut current = String::new();
        for part in parts {
            if !current.is_empty() && !self.counter.fits(&format!("{current}\n{part}"), budget) {
                groups.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(part);
        }
        if !current.is_empty() {
            groups.push(current);
        }
        groups
    }

    async fn summarise(
        &self,
        chunks: &[chunk::Chunk],
        progress: &dyn Progress,
    ) -> Vec<Result<String, LlmError>> {
        use futures_util::stream::{self, StreamExt};
        progress.start(chunks.len());
        let total = chunks.len();
        let results = stream::iter(chunks.iter().enumerate())
            .map(|(i, chunk)| async move {
                let user = format!("Part {} of {total}:\n\n{}", i + 1, chunk.text);
                let request = self.request(SUMMARY_SYSTEM, user);
                let result = self.call("summary", &request, &mut |_| {}).await;
                progress.advance();
                result
            })
            .buffered(self.settings.budget.concurrency)
            .collect::<Vec<_>>()
            .await;
        progress.finish();
        results
    }

    /// The call that writes the message, checked against the style and asked again once.
    async fn final_call(
        &self,
        system: &str,
        user: String,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<Message, LlmError> {
        let style = &self.settings.style;
        let mut request = self.request(system, user);
        let mut last = Message::default();
        for round in 0..2 {
            let text = self.call("message", &request, sink).await?;
            let candidate = clean::to_message(&clean::strip(&text));
            match clean::problem(&candidate, style) {
                None => return Ok(candidate),
                Some(problem) if round == 0 => {
                    self.note(format!("herald: asked again: {problem}"));
                    sink(Delta::Restart);
                    request.user.push_str(&format!(
                        "\n\nYour previous answer could not be used: {problem}. Answer again, \
                         following the rules exactly."
                    ));
                    last = candidate;
                }
                Some(problem) => {
                    // Kept: a message that breaks a rule beats none. The problem says which.
                    self.note(format!("warning: {problem}"));
                    return Ok(candidate);
                }
            }
        }
        Ok(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_of_n_is_told_from_other_bad_requests() {
        assert!(about_n("'n' : number must be at most 1"));
        assert!(about_n("Invalid value for n: only 1 is supported"));
        assert!(about_n("multiple choices are not supported"));
        assert!(!about_n("messages[1].content is too long"));
        assert!(!about_n("invalid model name"));
    }

    #[test]
    fn importance_puts_fixtures_and_docs_last() {
        assert_eq!(importance("src/main.rs"), 0);
        assert_eq!(importance("tests/cli.rs"), 1);
        assert_eq!(importance("src/x.test.ts"), 1);
        assert_eq!(importance("docs/guide.md"), 2);
        assert_eq!(importance("fixtures/a/b.json"), 3);
    }

    #[test]
    fn left_out_paths_are_described_by_folder() {
        let few: Vec<String> = ["a.rs", "b.rs"].map(String::from).to_vec();
        assert_eq!(describe_paths(&few), "a.rs, b.rs");
        let many: Vec<String> = (0..214).map(|i| format!("fixtures/f{i}.json")).collect();
        assert_eq!(describe_paths(&many), "214 files under fixtures/");
    }
}
