//! The model path of a message: one call when the (redacted) diff fits the model's budget;
//! otherwise map-reduce — summarise chunks concurrently, then write the message from the
//! summaries (reducing in rounds when they are long). Calls go through the one [`Caller`]
//! (cache, usage log, notes); whatever is left out is said in the body.

use crate::caller::{Caller, Subject};
use crate::chunk;
use crate::filter::Treatment;
use crate::llm::{Delta, LlmError, Request, clean};
use crate::message::{Message, Style};
use crate::paths;
use crate::prompt::{self, Listing, Prompt};
use crate::redact::{Redacted, RedactedChunk, RedactedDiff, Redactor};
use crate::text;
use crate::tokens::Kept;

/// Reports the progress of chunk summaries (the face shows a bar on a terminal).
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn advance(&self);
    fn finish(&self);
}

/// How a run reports as it goes: the message's text as a model writes it (`<think>` blocks
/// already left out), a restart when a retry starts over, and the chunk summaries' progress.
/// The face implements it once, for the terminal.
pub trait Reporter: Progress {
    fn delta(&mut self, delta: Delta<'_>);
}

/// A `Progress` (and `Reporter`) that shows nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _total: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// Writes one message with a model.
pub struct Composer<'a> {
    caller: &'a Caller<'a>,
    redactor: &'a Redactor,
    ask: RedactedAsk,
    /// Token counts kept from earlier runs, by blob id (issue 17).
    kept: Option<&'a Kept>,
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

/// [`Ask`] with what the user typed redacted, as the final request may carry it.
#[derive(Debug, Clone, Default)]
pub struct RedactedAsk {
    pub candidates: usize,
    pub rejected: Vec<Redacted>,
    pub hint: Option<Redacted>,
}

impl Ask {
    /// Redacts what the user typed or edited, as the diff is.
    pub fn redact(&self, redactor: &Redactor) -> RedactedAsk {
        RedactedAsk {
            candidates: self.candidates,
            rejected: (self.rejected.iter())
                .map(|text| redactor.redact_text(text, "<earlier version>"))
                .collect(),
            hint: (self.hint.as_deref()).map(|h| redactor.redact_text(h, "<hint>")),
        }
    }
}

/// The most candidates one message asks for.
pub const MAX_CANDIDATES: usize = 5;

/// How a change goes out.
enum Layout {
    Single {
        prompt: Prompt,
    },
    Chunks {
        listing: Listing,
        chunks: Vec<RedactedChunk>,
        left_out: Vec<String>,
        chunk_budget: usize,
        /// Tokens of the file list and of the summary prompt, as the layout counted them.
        listing_tokens: usize,
        summary_tokens: usize,
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
                    ("", n) => format!("{} at the top", text::plural(n, "file", "files")),
                    (dir, 1) => format!("1 file under {dir}/"),
                    (dir, n) => format!("{n} files under {dir}/"),
                })
                .collect::<Vec<_>>()
                .join(", ");
        }
    }
    String::new()
}

impl<'a> Composer<'a> {
    /// Sets up the calls for one message; `redactor` redacts what the model answers before it
    /// goes into a later request (summaries, a rule it broke).
    pub fn new(caller: &'a Caller<'a>, redactor: &'a Redactor, ask: RedactedAsk) -> Self {
        Composer {
            caller,
            redactor,
            ask,
            kept: None,
        }
    }

    /// Lays changes out with the token counts kept from earlier runs, and keeps today's.
    pub fn with_kept(mut self, kept: &'a Kept) -> Self {
        self.kept = Some(kept);
        self
    }

    fn style(&self) -> &Style {
        &self.caller.settings().style
    }

    /// Tokens left for the user message once the system prompt and answer are paid for.
    fn input_budget(&self, system: &str) -> usize {
        self.input_budget_in(self.caller.context_window(), system)
    }

    /// As `input_budget`, in a window of `window` tokens.
    fn input_budget_in(&self, window: u64, system: &str) -> usize {
        let window = usize::try_from(window).unwrap_or(usize::MAX);
        // The byte length bounds the system prompt's tokens without building the encoder.
        let fixed = self.caller.counter().upper_bound(system) + prompt::MAX_OUTPUT as usize + 64;
        // A safety margin of 5% of the window for chat-template tokens.
        window.saturating_sub(fixed + window / 20)
    }

    /// Writes the message for the changes. Only a `RedactedDiff` gets here: nothing else can
    /// become a request.
    pub async fn compose(
        &self,
        diff: &RedactedDiff,
        context: Option<&Redacted>,
        reporter: &mut dyn Reporter,
    ) -> Result<Composed, LlmError> {
        // The message is kept under the key of the request that sends the whole change in one
        // call (its system prompt holds the style, limits and language; its text the redacted
        // diff, context, instructions, earlier versions and hint), however it was laid out,
        // and looked up before the layout, which may need the tokenizer: a hit costs a hash
        // of the text, not the encoder's build, and sends nothing (issue 17).
        let whole = {
            let one = prompt::message(self.style(), diff, context)
                .revise(&self.ask.rejected, self.ask.hint.as_ref());
            let mut request = self.caller.request(one);
            let wanted = self.ask.candidates.min(MAX_CANDIDATES);
            if wanted > 1 {
                request = request.answers(wanted as u32);
            }
            self.caller.key(&request)
        };
        if let Some(answers) = self.caller.recall(&whole) {
            let style = self.style();
            let mut messages = answers.iter().filter_map(|a| clean::gate(a, style).ok());
            if let Some(message) = messages.next() {
                reporter.delta(Delta::Text(&message.to_string()));
                return Ok(Composed {
                    message,
                    alternatives: messages.collect(),
                    calls: self.caller.calls(),
                    cached: self.caller.cached(),
                    notes: self.caller.take_notes(),
                });
            }
        }
        let system = prompt::system(self.style());
        let mut budget = self.input_budget(&system);
        let mut shrunk = false;
        loop {
            let outcome = self.compose_within(diff, context, budget, reporter).await;
            match outcome {
                Err(err) if err.is_context_length() && !shrunk => {
                    // The server's window is smaller than we thought: once more, within the
                    // window it states (map-reduce when the change does not fit), else with
                    // less.
                    shrunk = true;
                    budget = match err.stated_window() {
                        Some(window) => {
                            let within = self.input_budget_in(window, &system);
                            self.caller.note(format!(
                                "herald: the server's context window is {window} tokens; \
                                 writing within it"
                            ));
                            within.min(budget * 7 / 10)
                        }
                        None => {
                            let less = budget * 7 / 10;
                            self.caller.note(format!(
                                "herald: the server's context window is smaller than expected; retrying with a {less}-token budget"
                            ));
                            less
                        }
                    };
                    reporter.delta(Delta::Restart);
                }
                Err(err) => return Err(err),
                Ok((message, alternatives, keep)) => {
                    // One call kept its answer under this key already; a message written from
                    // chunks is kept unless some chunk failed (asked again next time).
                    let texts: Vec<String> = std::iter::once(&message)
                        .chain(&alternatives)
                        .map(Message::to_string)
                        .collect();
                    if keep {
                        self.caller.remember(&whole, &texts);
                    }
                    return Ok(Composed {
                        message,
                        alternatives,
                        calls: self.caller.calls(),
                        cached: self.caller.cached(),
                        notes: self.caller.take_notes(),
                    });
                }
            }
        }
    }

    /// Decides how the change goes out: one request, or chunks to summarise (and the files
    /// left out under the caps). Builds the tokenizer only when bytes cannot settle it.
    fn layout(&self, diff: &RedactedDiff, context: Option<&Redacted>, budget: usize) -> Layout {
        let counter = self.caller.counter();
        let style = self.style();
        let listing = prompt::listing(diff, context);
        let texts = diff.file_texts();
        let files = texts.files();
        let text_bytes: usize = files
            .iter()
            .map(|t| t.header.len() + t.hunks.iter().map(String::len).sum::<usize>())
            .sum();
        // "Diff:" and line ends around the text.
        let frame = 64;
        if counter.upper_bound(listing.as_str()) + counter.scale_bytes(text_bytes) + frame <= budget
        {
            // Proven to fit by its byte length: no tokenizer is built for a small change.
            return Layout::Single {
                prompt: prompt::message(style, diff, context),
            };
        }
        let (counts, listing_tokens, summary_tokens) = self.count_layout(diff, files, &listing);
        let total: usize =
            listing_tokens + counts.iter().map(chunk::FileCounts::total).sum::<usize>();
        if total + frame <= budget {
            return Layout::Single {
                prompt: prompt::message(style, diff, context),
            };
        }
        // Map: the text files in chunks that fit next to the summary prompt.
        let chunk_budget = budget.saturating_sub(summary_tokens + 64);
        let mut left_out: Vec<String> = Vec::new();
        let count = |s: &str| counter.count(s);
        let chunk_budget = chunk_budget.max(256);
        let mut chunks = texts.pack(None, &counts, chunk_budget, &count);
        // Caps on calls and cost: leave out the least important files (they stay in the file
        // list as stats) until the chunks, a reduce and the final call fit. Files go in bulk,
        // sized by their token counts, so this packs a few times, not once per file.
        let max_map = self
            .caller
            .settings()
            .budget
            .max_calls
            .saturating_sub(2)
            .max(1);
        if chunks.len() > max_map || self.over_cost(&chunks) {
            let sizes: Vec<usize> = counts.iter().map(chunk::FileCounts::total).collect();
            let mut order: Vec<usize> = (0..files.len()).collect();
            // Most important first; among equals, earlier first.
            order.sort_by_key(|&i| (importance(&files[i].path), i));
            let mut target = max_map * chunk_budget * 3 / 4;
            loop {
                let mut kept_tokens = 0;
                let mut keep = vec![false; files.len()];
                // Strictly by importance: once a file does not fit, nothing after it goes in.
                for &i in &order {
                    if kept_tokens + sizes[i] > target && kept_tokens > 0 {
                        break;
                    }
                    keep[i] = true;
                    kept_tokens += sizes[i];
                }
                chunks = texts.pack(Some(&keep), &counts, chunk_budget, &count);
                if (chunks.len() <= max_map && !self.over_cost(&chunks)) || target == 0 {
                    left_out = files
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
            listing_tokens,
            summary_tokens,
        }
    }

    /// Counts what the layout weighs: each file's header and hunks, the file list and the
    /// summary prompt. Counts kept from an earlier run for the same blobs are used as they
    /// are; the rest are counted in parallel (the only place the encoder is needed), and
    /// today's counts are kept for the next run.
    fn count_layout(
        &self,
        diff: &RedactedDiff,
        files: &[chunk::FileText],
        listing: &Listing,
    ) -> (Vec<chunk::FileCounts>, usize, usize) {
        let counter = self.caller.counter();
        // The text files, in the order `file_texts` gives them.
        let texts: Vec<_> = (diff.entries().iter())
            .filter(|e| e.decision.treatment == Treatment::Text)
            .collect();
        let keys: Vec<Option<String>> = match self.kept {
            Some(_) if texts.len() == files.len() => texts
                .iter()
                .map(|e| Some(Kept::key(counter, &e.change)))
                .collect(),
            _ => vec![None; files.len()],
        };
        let mut counts: Vec<Option<Vec<usize>>> = (files.iter().zip(&keys))
            .map(|(t, key)| {
                let pieces: Vec<&str> = std::iter::once(t.header.as_str())
                    .chain(t.hunks.iter().map(String::as_str))
                    .collect();
                self.kept?.get(key.as_ref()?, &pieces)
            })
            .collect();
        let missing: Vec<usize> = (0..files.len()).filter(|&i| counts[i].is_none()).collect();
        if !missing.is_empty() {
            let flat: Vec<&str> = (missing.iter())
                .flat_map(|&i| {
                    let t = &files[i];
                    std::iter::once(t.header.as_str()).chain(t.hunks.iter().map(String::as_str))
                })
                .collect();
            let mut counted = counter.count_all(&flat).into_iter();
            for &i in &missing {
                let pieces = files[i].hunks.len() + 1;
                counts[i] = Some((&mut counted).take(pieces).collect());
            }
        }
        let counts: Vec<Vec<usize>> = counts.into_iter().map(Option::unwrap_or_default).collect();
        let mut keep: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        let mut text_count = |text: &str| -> usize {
            let key = Kept::text_key(counter, text);
            let n = (self.kept.and_then(|k| k.get(&key, &[text])))
                .map_or_else(|| counter.count(text), |c| c[0]);
            keep.push((key, vec![(text.len(), n)]));
            n
        };
        let listing_tokens = text_count(listing.as_str());
        let summary_tokens = text_count(prompt::summary_system());
        if let Some(kept) = self.kept {
            for ((t, key), c) in files.iter().zip(&keys).zip(&counts) {
                if let Some(key) = key {
                    let lengths =
                        std::iter::once(t.header.len()).chain(t.hunks.iter().map(String::len));
                    keep.push((key.clone(), lengths.zip(c.iter().copied()).collect()));
                }
            }
            kept.save(&keep);
        }
        let counts = counts
            .into_iter()
            .map(|c| chunk::FileCounts {
                header: c.first().copied().unwrap_or(0),
                hunks: c.get(1..).unwrap_or_default().to_vec(),
            })
            .collect();
        (counts, listing_tokens, summary_tokens)
    }

    /// Returns every request a message would take, without sending any: the one request, or
    /// the chunk summaries (the final request then depends on what the model answers).
    pub fn plan(&self, diff: &RedactedDiff, context: Option<&Redacted>) -> Plan {
        let counter = self.caller.counter();
        let system = prompt::system(self.style());
        let budget = self.input_budget(&system);
        let tokens = |r: &Request| counter.count(r.system()) + counter.count(r.user());
        match self.layout(diff, context, budget) {
            Layout::Single { prompt } => {
                let request = self.caller.request(prompt);
                let n = tokens(&request);
                Plan {
                    requests: vec![("message", request, n)],
                    final_pending: None,
                    left_out: Vec::new(),
                }
            }
            Layout::Chunks {
                chunks,
                left_out,
                listing_tokens,
                summary_tokens,
                ..
            } => {
                let total = chunks.len();
                // The counts the layout packed with (kept from an earlier run, or counted
                // once): no text is counted twice, and none at all when every count was kept.
                let requests = chunks
                    .iter()
                    .enumerate()
                    .map(|(i, chunk)| {
                        let request = self.caller.request(prompt::summary(i + 1, total, chunk));
                        let part = format!("Part {} of {total}:\n\n", i + 1);
                        let n = summary_tokens + counter.upper_bound(&part) + chunk.tokens();
                        ("summary", request, n)
                    })
                    .collect();
                Plan {
                    requests,
                    final_pending: Some(format!(
                        "then one call writes the message from the file list ({} tokens) and \
                         the {total} summaries",
                        listing_tokens
                    )),
                    left_out,
                }
            }
        }
    }

    async fn compose_within(
        &self,
        diff: &RedactedDiff,
        context: Option<&Redacted>,
        budget: usize,
        reporter: &mut dyn Reporter,
    ) -> Result<(Message, Vec<Message>, bool), LlmError> {
        let counter = self.caller.counter();
        let (listing, chunks, left_out, chunk_budget) = match self.layout(diff, context, budget) {
            Layout::Single { prompt } => {
                let (message, alternatives) = self
                    .finish(prompt, &mut |delta| reporter.delta(delta))
                    .await?;
                return Ok((message, alternatives, false));
            }
            Layout::Chunks {
                listing,
                chunks,
                left_out,
                chunk_budget,
                ..
            } => (listing, chunks, left_out, chunk_budget),
        };
        if !left_out.is_empty() {
            self.caller.note(format!(
                "herald: {} left out to stay within `budget.max-calls`/`max-cost`",
                text::plural(left_out.len(), "file", "files")
            ));
        }
        let summaries = self.summarise(&chunks, &*reporter).await;
        let mut failed = Vec::new();
        let mut parts = Vec::new();
        for (chunk, summary) in chunks.iter().zip(summaries) {
            match summary {
                // What a model answers goes into the next request: redacted like the rest.
                Ok(text) => parts.push(self.redactor.redact_text(&text, "<summary>")),
                Err(err) if err.is_context_length() => return Err(err),
                Err(_) => failed.extend(chunk.paths().iter().cloned()),
            }
        }
        if parts.is_empty() {
            return Err(LlmError::Stream {
                provider: self.caller.endpoint().provider,
                message: "every chunk summary failed".into(),
            });
        }
        // Reduce in rounds while the summaries are too long for one final call.
        let frame = listing.as_str().len();
        let mut joined = Redacted::join(&parts, "\n");
        let mut rounds = 0;
        while !counter.fits(
            &joined.to_string(),
            budget.saturating_sub(counter.upper_bound(listing.as_str()).min(frame)),
        ) && rounds < 3
        {
            rounds += 1;
            let groups = self.group(&parts, chunk_budget.max(256));
            let mut merged = Vec::new();
            for group in groups {
                let request = self.caller.request(prompt::merge(&group));
                let text = (self.caller)
                    .call("merge", &request, Subject::None, &mut |_| {})
                    .await?;
                merged.push(self.redactor.redact_text(&text, "<summary>"));
            }
            parts = merged;
            joined = Redacted::join(&parts, "\n");
        }
        let prompt = prompt::from_summaries(self.style(), &listing, &joined);
        let (mut message, mut alternatives) = self
            .finish(prompt, &mut |delta| reporter.delta(delta))
            .await?;
        let whole_run = failed.is_empty();
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
        Ok((message, alternatives, whole_run))
    }

    /// The final step: one message, or the candidates asked for, in a new version when the
    /// user rejected earlier ones.
    async fn finish(
        &self,
        prompt: Prompt,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<(Message, Vec<Message>), LlmError> {
        let prompt = prompt.revise(&self.ask.rejected, self.ask.hint.as_ref());
        if self.ask.candidates <= 1 {
            return Ok((self.final_call(prompt, sink).await?, Vec::new()));
        }
        self.final_candidates(prompt, sink).await
    }

    /// Several candidates: one request with `n` where the wire format has it (OpenAI, Azure),
    /// topped up with concurrent requests when the server sent fewer or refused `n`. Answers
    /// that break the style rules are dropped while a good one is left; with none left, the
    /// single-message path (with its one retry) writes the message.
    async fn final_candidates(
        &self,
        prompt: Prompt,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<(Message, Vec<Message>), LlmError> {
        use crate::llm::wire::Wire;
        use futures_util::stream::{self, StreamExt};
        let wanted = self.ask.candidates.min(MAX_CANDIDATES);
        // Candidates are only worth having when they differ.
        let request = self.caller.request(prompt.clone()).temperature(0.8);
        let mut texts = Vec::new();
        // A server that refused `n` once (many OpenAI-compatible ones do) is not asked again.
        let endpoint = self.caller.endpoint();
        let refused_key = crate::cache::key(&[
            b"n refused",
            endpoint.provider.as_bytes(),
            endpoint.base_url.as_bytes(),
        ]);
        let cache = self.caller.cache();
        let takes_n = matches!(endpoint.wire, Wire::OpenAi | Wire::Azure)
            && cache.get("server", &refused_key).is_none();
        if takes_n {
            let request = request.clone().answers(wanted as u32);
            match (self.caller)
                .call_all("candidates", &request, Subject::FromAnswer, sink)
                .await
            {
                Ok(answers) => texts = answers,
                Err(LlmError::Http {
                    status: 400,
                    message,
                    ..
                }) => {
                    self.caller.note(format!(
                        "herald: the server refused `n = {wanted}`; asking {wanted} times instead"
                    ));
                    // Remembered only when the server said it was `n`: another 400 may pass.
                    if about_n(&message) {
                        cache.put("server", &refused_key, "refused");
                    }
                }
                Err(err) => return Err(err),
            }
        }
        let missing = wanted.saturating_sub(texts.len());
        if missing > 0 {
            let have = texts.len();
            let more = stream::iter(0..missing)
                .map(|i| {
                    // Distinct requests, so neither the cache nor the server folds them.
                    let request = (self.caller)
                        .request(prompt.clone().candidate(have + i + 1, wanted))
                        .temperature(0.8);
                    async move {
                        (self.caller)
                            .call("message", &request, Subject::FromAnswer, &mut |_| {})
                            .await
                    }
                })
                .buffered(self.caller.settings().budget.concurrency.max(1))
                .collect::<Vec<_>>()
                .await;
            for answer in more {
                match answer {
                    Ok(text) => texts.push(text),
                    Err(err) if texts.is_empty() => return Err(err),
                    Err(err) => self
                        .caller
                        .note(format!("herald: a candidate failed: {err}")),
                }
            }
        }
        let style = self.style();
        let mut good: Vec<Message> = Vec::new();
        let mut dropped = Vec::new();
        for text in &texts {
            match clean::gate(text, style) {
                Ok(candidate) if !good.contains(&candidate) => good.push(candidate),
                Ok(_) => {}
                Err(problem) => dropped.push(problem),
            }
        }
        if let Some(problem) = dropped.first() {
            self.caller.note(format!(
                "herald: {} of {} candidates broke the rules and were left out ({problem})",
                dropped.len(),
                texts.len()
            ));
        }
        if good.is_empty() {
            return Ok((self.final_call(prompt, sink).await?, Vec::new()));
        }
        let first = good.remove(0);
        Ok((first, good))
    }

    /// Tells whether summarising `chunks` would pass the configured cost cap.
    fn over_cost(&self, chunks: &[RedactedChunk]) -> bool {
        let Some(cap) = self.caller.settings().budget.max_cost else {
            return false;
        };
        let input: usize = chunks.iter().map(|c| c.tokens() + 200).sum();
        let output = (chunks.len() + 1) * prompt::MAX_OUTPUT as usize;
        self.caller.info().cost(input as u64, output as u64) > cap
    }

    /// Groups summaries into texts that each fit `budget`.
    fn group(&self, parts: &[Redacted], budget: usize) -> Vec<Redacted> {
        let counter = self.caller.counter();
        let mut groups = Vec::new();
        let mut current: Vec<&Redacted> = Vec::new();
        for part in parts {
            if !current.is_empty() {
                let with = Redacted::join(current.iter().copied().chain([part]), "\n");
                if !counter.fits(&with.to_string(), budget) {
                    groups.push(Redacted::join(std::mem::take(&mut current), "\n"));
                }
            }
            current.push(part);
        }
        if !current.is_empty() {
            groups.push(Redacted::join(current, "\n"));
        }
        groups
    }

    async fn summarise(
        &self,
        chunks: &[RedactedChunk],
        progress: &dyn Progress,
    ) -> Vec<Result<String, LlmError>> {
        use futures_util::stream::{self, StreamExt};
        progress.start(chunks.len());
        let total = chunks.len();
        let results = stream::iter(chunks.iter().enumerate())
            .map(|(i, chunk)| async move {
                let request = self.caller.request(prompt::summary(i + 1, total, chunk));
                let result = (self.caller)
                    .call("summary", &request, Subject::None, &mut |_| {})
                    .await;
                progress.advance();
                result
            })
            .buffered(self.caller.settings().budget.concurrency)
            .collect::<Vec<_>>()
            .await;
        progress.finish();
        results
    }

    /// The call that writes the message, through the gate (control characters out, the rule
    /// checks) and asked again once. An answer that fails twice is not used: the run falls
    /// back to the offline engine (issue 14), as a message that breaks the rules, is empty
    /// or is a comment would otherwise be committed.
    async fn final_call(
        &self,
        mut prompt: Prompt,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<Message, LlmError> {
        let style = self.style();
        let mut round = 0;
        loop {
            round += 1;
            let request = self.caller.request(prompt.clone());
            let text = (self.caller)
                .call("message", &request, Subject::FromAnswer, sink)
                .await?;
            match clean::gate(&text, style) {
                Ok(message) => return Ok(message),
                Err(problem) if round == 1 => {
                    self.caller.note(format!("herald: asked again: {problem}"));
                    sink(Delta::Restart);
                    // The problem may quote the answer: redacted before it goes back.
                    let problem = shorten(&problem);
                    prompt = prompt.correct(&self.redactor.redact_text(&problem, "<problem>"));
                }
                Err(problem) => {
                    sink(Delta::Restart);
                    return Err(LlmError::Unusable {
                        problem: shorten(&problem),
                    });
                }
            }
        }
    }
}

/// Cuts a problem that quotes a huge answer (a 5,000-character subject) to a readable length.
fn shorten(problem: &str) -> String {
    const MAX: usize = 300;
    match problem.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &problem[..at]),
        None => problem.to_owned(),
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
        let top: Vec<String> = (0..6)
            .map(|i| format!("src/m{i}/a.rs"))
            .chain(["README.md".to_owned()])
            .collect();
        assert!(
            describe_paths(&top).contains("1 file at the top"),
            "{}",
            describe_paths(&top)
        );
        let many: Vec<String> = (0..214).map(|i| format!("fixtures/f{i}.json")).collect();
        assert_eq!(describe_paths(&many), "214 files under fixtures/");
    }
}
