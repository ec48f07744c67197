//! One way to ask a model, for commit messages and changelogs alike: the request made from a
//! prompt, the answer cache (keyed by the prompt's version), the usage row of every call that
//! goes to the network, `<think>` blocks kept out of the stream, and notes for the user.

use crate::cache::{self, Cache};
use crate::config::Settings;
use crate::llm::clean::{self, ThinkFilter};
use crate::llm::client::Client;
use crate::llm::models::ModelInfo;
use crate::llm::wire::Wire;
use crate::llm::{Completion, Delta, LlmError, Request};
use crate::prompt::Prompt;
use crate::tokens::Counter;
use crate::usage::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Separates the answers of one request in a cache entry.
const ANSWER_SEPARATOR: char = '\u{1e}';

/// What a call's usage row shows as its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The subject line of the answer (a commit message).
    FromAnswer,
    /// Nothing (a chunk summary, a merge).
    None,
    /// A label (`changelog v1.2.0 part 2/3`).
    Label(String),
}

/// The model behind the calls, as the engine choice set it up.
#[derive(Debug, Clone, Copy)]
pub struct Model<'a> {
    pub client: &'a Client,
    pub name: &'a str,
    pub info: &'a ModelInfo,
}

/// Everything one run's calls share.
pub struct Caller<'a> {
    model: Model<'a>,
    settings: &'a Settings,
    command: Command,
    repo: &'a str,
    /// The version of the prompts asked with, part of every cache key.
    version: u32,
    cache: Cache,
    counter: Counter,
    calls: AtomicUsize,
    cached: AtomicUsize,
    notes: Mutex<Vec<String>>,
}

impl<'a> Caller<'a> {
    /// Sets up the calls of one command (`msg`, `hook`, `changelog`, …) in one repository,
    /// with prompts of `version`.
    pub fn new(
        model: Model<'a>,
        settings: &'a Settings,
        command: Command,
        repo: &'a str,
        version: u32,
    ) -> Self {
        Caller {
            model,
            settings,
            command,
            repo,
            version,
            cache: Cache::new(settings.cache_dir.clone(), settings.cache_max_bytes),
            counter: Counter::new(model.name, settings.budget.margin),
            calls: AtomicUsize::new(0),
            cached: AtomicUsize::new(0),
            notes: Mutex::new(Vec::new()),
        }
    }

    /// Returns the settings of the run.
    pub fn settings(&self) -> &'a Settings {
        self.settings
    }

    /// Returns the model's figures (context window, prices).
    pub fn info(&self) -> &ModelInfo {
        self.model.info
    }

    /// Returns the command the calls are recorded under.
    pub fn command(&self) -> Command {
        self.command
    }

    /// Returns the token counter of the model.
    pub fn counter(&self) -> &Counter {
        &self.counter
    }

    /// Returns the client's endpoint (wire format, provider, base URL).
    pub fn endpoint(&self) -> &crate::llm::client::Endpoint {
        &self.model.client.endpoint
    }

    /// Returns the answer cache.
    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// The context window: configured, else the server's or the table's figure.
    pub fn context_window(&self) -> u64 {
        self.settings
            .budget
            .context_window
            .unwrap_or(self.model.info.context_window)
    }

    /// Makes the request of a prompt: at most `prompt::MAX_OUTPUT` tokens back, and for a
    /// local Ollama server the context window to load the model with.
    pub fn request(&self, prompt: Prompt) -> Request {
        let ollama = self.model.client.endpoint.wire == Wire::Ollama;
        Request::new(prompt, self.model.name)
            .context_window(ollama.then_some(self.context_window().min(65_536)))
    }

    /// Keeps a note for the user (shown on stderr after the run).
    pub fn note(&self, note: String) {
        self.notes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(note);
    }

    /// Returns the notes gathered so far, and forgets them.
    pub fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut *self.notes.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Returns the calls that went to the network.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::Relaxed)
    }

    /// Returns the calls answered from the cache.
    pub fn cached(&self) -> usize {
        self.cached.load(Ordering::Relaxed)
    }

    /// The key of a request's answers: the prompt version, provider, model, both prompts and
    /// the answers asked for.
    pub fn key(&self, request: &Request) -> String {
        let n = request.n().to_le_bytes();
        let version = self.version.to_le_bytes();
        let mut parts: Vec<&[u8]> = vec![
            &version,
            self.model.client.endpoint.provider.as_bytes(),
            self.model.name.as_bytes(),
            request.system().as_bytes(),
            request.user().as_bytes(),
        ];
        if request.n() > 1 {
            parts.push(&n);
        }
        cache::key(&parts)
    }

    /// The messages kept under `key`, when every one still passes the gate; counted as an
    /// answer from the cache.
    pub fn recall(&self, key: &str) -> Option<Vec<String>> {
        let answers: Vec<String> = (self.cache.get("message", key)?)
            .split(ANSWER_SEPARATOR)
            .map(str::to_owned)
            .collect();
        if !answers.iter().all(|a| self.passes(&Subject::FromAnswer, a)) {
            return None;
        }
        self.cached.fetch_add(1, Ordering::Relaxed);
        Some(answers)
    }

    /// Keeps the messages a run ended with under `key`.
    pub fn remember(&self, key: &str, messages: &[String]) {
        self.cache.put(
            "message",
            key,
            &messages.join(&ANSWER_SEPARATOR.to_string()),
        );
    }

    /// One call: from the cache when the same request was answered before, else the model,
    /// with a usage row whenever it goes to the network. `sink` gets the answer as it
    /// arrives, `<think>` blocks left out.
    pub async fn call(
        &self,
        kind: &str,
        request: &Request,
        subject: Subject,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<String, LlmError> {
        let mut answers = self.call_all(kind, request, subject, sink).await?;
        Ok(answers.swap_remove(0))
    }

    /// One call that may ask for several answers (`Request::answers`): the first answer,
    /// then the others the server sent (possibly fewer than asked). Never empty.
    pub async fn call_all(
        &self,
        kind: &str,
        request: &Request,
        subject: Subject,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<Vec<String>, LlmError> {
        let key = self.key(request);
        let mut filter = ThinkFilter::default();
        let mut clean_sink = |delta: Delta<'_>| match delta {
            Delta::Text(text) => {
                // Nothing a server sends reaches the terminal raw (issue 14).
                let visible = filter.push(&clean::sanitize(text));
                if !visible.is_empty() {
                    sink(Delta::Text(&visible));
                }
            }
            Delta::Restart => {
                filter = ThinkFilter::default();
                sink(Delta::Restart);
            }
        };
        // An entry that would not pass the gate today (written by an older version, or
        // under other rules) is never answered from: it is asked again.
        let hit = (self.cache.get(kind, &key))
            .map(|hit| -> Vec<String> { hit.split(ANSWER_SEPARATOR).map(str::to_owned).collect() })
            .filter(|answers| answers.iter().all(|a| self.passes(&subject, a)));
        if let Some(answers) = hit {
            self.cached.fetch_add(1, Ordering::Relaxed);
            clean_sink(Delta::Text(&answers[0]));
            flush(&mut filter, sink);
            return Ok(answers);
        }
        self.calls.fetch_add(1, Ordering::Relaxed);
        let started = std::time::Instant::now();
        let result = self.model.client.complete(request, &mut clean_sink).await;
        flush(&mut filter, sink);
        self.record(request, &result, subject.clone(), started.elapsed());
        let done = result?;
        let answers: Vec<String> = std::iter::once(done.text)
            .chain(done.alternatives)
            .map(|a| clean::sanitize(&a).into_owned())
            .collect();
        // Only answers that passed the gate are cached: one that failed is asked again next
        // time rather than repeated.
        let passed: Vec<&str> = (answers.iter())
            .filter(|a| self.passes(&subject, a))
            .map(String::as_str)
            .collect();
        if !passed.is_empty() {
            self.cache
                .put(kind, &key, &passed.join(&ANSWER_SEPARATOR.to_string()));
        }
        Ok(answers)
    }

    /// The gate an answer passes before it is cached: a commit message follows the style
    /// rules; any other answer (a summary, a changelog) is not empty once cleaned.
    fn passes(&self, subject: &Subject, answer: &str) -> bool {
        match subject {
            Subject::FromAnswer => clean::gate(answer, &self.settings.style).is_ok(),
            _ => !clean::strip(&clean::sanitize(answer)).is_empty(),
        }
    }

    fn record(
        &self,
        request: &Request,
        result: &Result<Completion, LlmError>,
        subject: Subject,
        elapsed: std::time::Duration,
    ) {
        let Some(path) = &self.settings.usage_path else {
            return;
        };
        let site = crate::usage::CallSite {
            command: self.command,
            repo: self.repo,
            provider: self.model.client.endpoint.provider,
            model: self.model.name,
            info: self.model.info,
        };
        let subject = match (subject, result) {
            (Subject::FromAnswer, Ok(done)) => clean::to_message(&clean::strip(&done.text)).subject,
            (Subject::Label(label), _) => label,
            _ => String::new(),
        };
        let estimate = self.counter.upper_bound(request.system()) as u64 / 3
            + self.counter.upper_bound(request.user()) as u64 / 3;
        let row = crate::usage::UsageRow::for_call(&site, result, estimate, subject, elapsed);
        if let Err(err) = crate::usage::append(path, &row) {
            self.note(format!("warning: {err}"));
        }
    }
}

/// Passes on what the `<think>` filter held back at the end of a stream.
fn flush(filter: &mut ThinkFilter, sink: &mut dyn FnMut(Delta<'_>)) {
    let rest = filter.finish();
    if !rest.is_empty() {
        sink(Delta::Text(&rest));
    }
}
