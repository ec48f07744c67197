//! One streaming chat call over HTTP, for every wire format, with the failure handling in one
//! place: time-outs (connect, first token, idle, overall deadline), retries with backoff that
//! honour the server's wait, and errors that say what to fix.

use super::sse::{Decoder, LineDecoder};
use super::wire::{self, Piece, Wire};
use super::{Completion, Delta, LlmError, Request, Usage};
use crate::config::{NetworkSettings, Secret};
use std::time::{Duration, Instant, SystemTime};

/// Where and how to reach a model.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub wire: Wire,
    /// The provider's name for messages: `openai`, `anthropic`, `ollama`, `azure`.
    pub provider: &'static str,
    /// Base URL without a trailing slash (for Azure, the resource endpoint).
    pub base_url: String,
    pub key: Option<Secret>,
    /// Where the key is set, named in hints: `OPENAI_API_KEY`, `api-key`, …
    pub key_origin: String,
    /// Azure only: deployment and API version.
    pub azure: Option<(String, String)>,
}

impl Endpoint {
    /// Returns the URL of the streaming chat call.
    pub fn chat_url(&self) -> String {
        let base = self.base_url.trim_end_matches('/');
        match self.wire {
            Wire::OpenAi => format!("{base}/chat/completions"),
            Wire::Azure => {
                let (deployment, version) = self.azure.clone().unwrap_or_default();
                format!(
                    "{base}/openai/deployments/{deployment}/chat/completions?api-version={version}"
                )
            }
            Wire::Anthropic => format!("{base}/v1/messages"),
            Wire::Ollama => format!("{base}/api/chat"),
        }
    }
}

/// An HTTP client bound to one endpoint.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    pub endpoint: Endpoint,
    net: NetworkSettings,
}

/// How one attempt failed, and whether another is worth it.
struct Failure {
    error: LlmError,
    retry: bool,
    /// The wait the server asked for.
    wait: Option<Duration>,
}

impl Failure {
    fn fatal(error: LlmError) -> Self {
        Failure {
            error,
            retry: false,
            wait: None,
        }
    }

    fn transient(error: LlmError) -> Self {
        Failure {
            error,
            retry: true,
            wait: None,
        }
    }
}

/// Returns the longest start of `text` of at most `room` bytes that ends on a character
/// boundary.
fn fitting(text: &str, room: usize) -> &str {
    if text.len() <= room {
        return text;
    }
    let mut end = room;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Client {
    /// Builds the client: connect time-out, and the configured proxy (the `*_PROXY` variables
    /// are honoured without one).
    pub fn new(
        endpoint: Endpoint,
        net: NetworkSettings,
        proxy: Option<&str>,
    ) -> Result<Self, LlmError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(net.connect_timeout)
            .user_agent(concat!("git-herald/", env!("CARGO_PKG_VERSION")));
        if let Some(proxy) = proxy {
            let proxy = reqwest::Proxy::all(proxy).map_err(|source| LlmError::Setup {
                what: "use the configured `proxy`".into(),
                source: source.without_url(),
            })?;
            builder = builder.proxy(proxy);
        }
        let http = builder.build().map_err(|source| LlmError::Setup {
            what: "start the HTTP client".into(),
            source: source.without_url(),
        })?;
        Ok(Client {
            http,
            endpoint,
            net,
        })
    }

    /// Returns the underlying HTTP client, for side calls such as model listing.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Adds the key and the headers the wire format requires to a request (the chat call, and
    /// the key check of `git herald doctor`).
    pub fn authorized(&self, mut builder: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        let endpoint = &self.endpoint;
        if let Some(key) = &endpoint.key {
            builder = match endpoint.wire {
                Wire::OpenAi | Wire::Ollama => builder.bearer_auth(key.expose()),
                Wire::Azure => builder.header("api-key", key.expose()),
                Wire::Anthropic => builder.header("x-api-key", key.expose()),
            };
        }
        if endpoint.wire == Wire::Anthropic {
            builder = builder.header("anthropic-version", "2023-06-01");
        }
        builder
    }

    /// Streams one chat call, retrying transient failures within the deadline. `sink` gets
    /// each text delta as it arrives, and `Delta::Restart` before a retry that follows
    /// partial output.
    pub async fn complete(
        &self,
        req: &Request,
        sink: &mut dyn FnMut(Delta<'_>),
    ) -> Result<Completion, LlmError> {
        let start = Instant::now();
        let deadline = start + self.net.deadline;
        let policy = self.net.retry;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut shown = false;
            let outcome =
                tokio::time::timeout_at(deadline.into(), self.attempt(req, sink, &mut shown)).await;
            let failure = match outcome {
                Ok(Ok((text, alternatives, usage))) => {
                    return Ok(Completion {
                        text,
                        alternatives,
                        usage,
                        attempts: attempt,
                        duration: start.elapsed(),
                    });
                }
                Ok(Err(failure)) => failure,
                Err(_) => Failure::fatal(LlmError::Timeout {
                    what: "the whole call (`network.deadline`)",
                    after: self.net.deadline,
                }),
            };
            if !failure.retry || attempt >= policy.attempts {
                return Err(if attempt > 1 {
                    LlmError::GaveUp {
                        attempts: attempt,
                        after: start.elapsed(),
                        last: Box::new(failure.error),
                    }
                } else {
                    failure.error
                });
            }
            let wait = policy.wait(attempt + 1, failure.wait, fastrand::f64());
            if Instant::now() + wait >= deadline {
                return Err(LlmError::GaveUp {
                    attempts: attempt,
                    after: start.elapsed(),
                    last: Box::new(failure.error),
                });
            }
            if shown {
                sink(Delta::Restart);
            }
            tokio::time::sleep(wait).await;
        }
    }

    async fn attempt(
        &self,
        req: &Request,
        sink: &mut dyn FnMut(Delta<'_>),
        shown: &mut bool,
    ) -> Result<(String, Vec<String>, Option<Usage>), Failure> {
        let endpoint = &self.endpoint;
        let builder = self.authorized(
            self.http
                .post(endpoint.chat_url())
                .header("content-type", "application/json")
                .body(wire::body(endpoint.wire, req).to_string()),
        );
        let first = self.net.first_token_timeout;
        let response = match tokio::time::timeout(first, builder.send()).await {
            Err(_) => {
                return Err(Failure::transient(LlmError::Timeout {
                    what: "the server to answer (`network.first-token-timeout`)",
                    after: first,
                }));
            }
            Ok(Err(source)) => return Err(self.transport(source)),
            Ok(Ok(response)) => response,
        };
        let status = response.status();
        if !status.is_success() {
            return Err(self.http_failure(response, req).await);
        }
        let mut response = response;
        let mut sse = Decoder::new();
        let mut lines = LineDecoder::new();
        let mut text = String::new();
        let mut alternatives: Vec<String> = Vec::new();
        let mut usage: Option<Usage> = None;
        let mut finished = false;
        let cap = req.answer_cap();
        'read: loop {
            let limit = if text.is_empty() {
                first
            } else {
                self.net.idle_timeout
            };
            let chunk = match tokio::time::timeout(limit, response.chunk()).await {
                Err(_) => {
                    let what = if text.is_empty() {
                        "the first token (`network.first-token-timeout`)"
                    } else {
                        "the next chunk (`network.idle-timeout`)"
                    };
                    return Err(Failure::transient(LlmError::Timeout { what, after: limit }));
                }
                Ok(Err(source)) => {
                    return Err(Failure::transient(LlmError::Broken {
                        provider: endpoint.provider,
                        source: source.without_url(),
                    }));
                }
                Ok(Ok(chunk)) => chunk,
            };
            let pieces: Vec<Piece> = match (&chunk, endpoint.wire) {
                (Some(bytes), Wire::Ollama) => lines
                    .feed(bytes)
                    .iter()
                    .flat_map(|l| wire::ndjson_pieces(l))
                    .collect(),
                (Some(bytes), wire) => sse
                    .feed(bytes)
                    .iter()
                    .flat_map(|e| wire::sse_pieces(wire, &e.data))
                    .collect(),
                (None, Wire::Ollama) => lines
                    .finish()
                    .map(|l| wire::ndjson_pieces(&l))
                    .unwrap_or_default(),
                (None, wire) => sse
                    .finish()
                    .map(|e| wire::sse_pieces(wire, &e.data))
                    .unwrap_or_default(),
            };
            for piece in pieces {
                match piece {
                    Piece::Text(delta) => {
                        *shown = true;
                        let fits = fitting(&delta, cap - text.len());
                        sink(Delta::Text(fits));
                        text.push_str(fits);
                        if fits.len() < delta.len() {
                            // The cap: stop reading and keep what fits (the gate decides
                            // whether it is a usable answer).
                            finished = true;
                            break 'read;
                        }
                    }
                    Piece::Choice(index, delta) => {
                        // A request asks for a handful of answers; more is a broken server.
                        if index <= 16 {
                            if alternatives.len() < index {
                                alternatives.resize(index, String::new());
                            }
                            let answer = &mut alternatives[index - 1];
                            let fits = fitting(&delta, cap - answer.len());
                            answer.push_str(fits);
                        }
                    }
                    Piece::Usage { prompt, completion } => {
                        let u = usage.get_or_insert(Usage::default());
                        u.prompt_tokens = prompt.unwrap_or(u.prompt_tokens);
                        u.completion_tokens = completion.unwrap_or(u.completion_tokens);
                    }
                    Piece::Finished => finished = true,
                    Piece::Error(message) => {
                        let message = super::mask::server_text(&message, endpoint.key.as_ref());
                        let overloaded = message.to_ascii_lowercase().contains("overload");
                        let error = LlmError::Stream {
                            provider: endpoint.provider,
                            message,
                        };
                        return Err(if overloaded {
                            Failure::transient(error)
                        } else {
                            Failure::fatal(error)
                        });
                    }
                }
            }
            if chunk.is_none() {
                break;
            }
        }
        if !finished {
            // The body ended without the model saying it was done: cut off midway.
            return Err(Failure::transient(LlmError::Truncated {
                provider: endpoint.provider,
            }));
        }
        alternatives.retain(|a| !a.trim().is_empty());
        Ok((text, alternatives, usage))
    }

    fn transport(&self, source: reqwest::Error) -> Failure {
        if source.is_timeout() {
            return Failure::transient(LlmError::Timeout {
                what: "a connection (`network.connect-timeout`)",
                after: self.net.connect_timeout,
            });
        }
        // A base URL may carry credentials, and reqwest's error names the URL: neither shows.
        Failure::transient(LlmError::Connect {
            url: crate::config::mask_url(&self.endpoint.base_url),
            source: source.without_url(),
        })
    }

    async fn http_failure(&self, response: reqwest::Response, req: &Request) -> Failure {
        let status = response.status().as_u16();
        let now = SystemTime::now();
        let wait = super::retry::server_wait(
            |name| response.headers().get(name).and_then(|v| v.to_str().ok()),
            now,
        );
        // The error body is small; do not wait long for it.
        let body = tokio::time::timeout(Duration::from_secs(5), response.text())
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        // Masked here, once, before it can be printed, logged or kept (issue 14).
        let message =
            super::mask::server_text(&wire::body_message(&body), self.endpoint.key.as_ref());
        let provider = self.endpoint.provider;
        let error = match status {
            401 | 403 => LlmError::Auth {
                provider,
                status,
                message,
                key_origin: self.endpoint.key_origin.clone(),
            },
            404 => LlmError::ModelNotFound {
                provider,
                model: req.model.clone(),
                message,
            },
            400 | 413 | 422 if wire::is_context_length(&message) => {
                LlmError::ContextLength { provider, message }
            }
            _ => LlmError::Http {
                provider,
                status,
                message,
            },
        };
        Failure {
            retry: super::retry::is_retryable_status(status),
            wait,
            error,
        }
    }
}
