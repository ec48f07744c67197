//! Model providers that write a message, behind one streaming call. Retries, time-outs and the
//! error table live here, once. The built-in engine is not a model: it is `crate::offline`.

pub mod clean;
pub mod client;
pub mod mask;
pub mod models;
pub mod probe;
pub mod retry;
pub mod select;
pub mod sse;
pub mod wire;

use std::time::Duration;

/// A provider-neutral chat request: one system prompt and one user message.
///
/// Made only from a [`Prompt`](crate::prompt::Prompt), which only `prompt` makes, from
/// redacted text: a `String` cannot become a request.
///
/// ```compile_fail
/// use git_herald::llm::Request;
/// let raw = String::from("password = hunter2");
/// let request = Request::new(raw, "gpt-4o-mini");
/// ```
///
/// ```compile_fail
/// use git_herald::llm::Request;
/// let request = Request {
///     model: "gpt-4o-mini".into(),
///     system: String::new(),
///     user: "password = hunter2".into(),
///     max_tokens: 400,
///     temperature: 0.2,
///     context_window: None,
///     n: 1,
/// };
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    model: String,
    system: String,
    user: String,
    max_tokens: u32,
    temperature: f32,
    /// The context window to ask a local server for (Ollama's `num_ctx`).
    context_window: Option<u64>,
    /// Answers wanted from this one request (OpenAI's `n`; sent only when above 1).
    n: u32,
}

impl Request {
    /// A request for `model` from a prompt: at most `prompt::MAX_OUTPUT` tokens back,
    /// temperature 0.2, one answer.
    pub fn new(prompt: crate::prompt::Prompt, model: &str) -> Self {
        Request {
            model: model.to_owned(),
            system: prompt.system().to_owned(),
            user: prompt.user().to_owned(),
            max_tokens: crate::prompt::MAX_OUTPUT,
            temperature: 0.2,
            context_window: None,
            n: 1,
        }
    }

    /// Sets the most tokens the answer may take.
    pub fn max_tokens(mut self, tokens: u32) -> Self {
        self.max_tokens = tokens;
        self
    }

    /// Sets the sampling temperature.
    pub fn temperature(mut self, temperature: f32) -> Self {
        self.temperature = temperature;
        self
    }

    /// Sets the context window to ask a local server for.
    pub fn context_window(mut self, tokens: Option<u64>) -> Self {
        self.context_window = tokens;
        self
    }

    /// Sets how many answers this one request asks for.
    pub fn answers(mut self, n: u32) -> Self {
        self.n = n;
        self
    }

    /// Returns the model.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// Returns the system prompt.
    pub fn system(&self) -> &str {
        &self.system
    }

    /// Returns the user message.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Returns the answers asked for.
    pub fn n(&self) -> u32 {
        self.n
    }

    /// Returns the most bytes an answer may take: sixteen per token asked for (a token is a
    /// few bytes of text, in any script), at least 16 KiB and at most 1 MiB. Reading stops
    /// there and keeps what fits, so an endless or huge stream cannot grow memory (issue 14).
    pub fn answer_cap(&self) -> usize {
        (self.max_tokens as usize)
            .saturating_mul(16)
            .clamp(16 * 1024, 1024 * 1024)
    }
}

/// Token counts of one call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
}

/// What a streaming call delivers as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delta<'a> {
    Text(&'a str),
    /// The stream broke after some text was shown; a retry starts over.
    Restart,
}

/// A finished call.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub text: String,
    /// The other answers of a request with `n` above 1 (choices 1, 2, …), in order.
    pub alternatives: Vec<String>,
    /// The provider's own counts, when it sent them.
    pub usage: Option<Usage>,
    pub attempts: u32,
    pub duration: Duration,
}

/// Why a model call failed. Messages never hold a key.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("{provider} rejected the API key (HTTP {status}): {message}")]
    Auth {
        provider: &'static str,
        status: u16,
        message: String,
        key_origin: String,
    },
    #[error("{provider} has no model `{model}`: {message}")]
    ModelNotFound {
        provider: &'static str,
        model: String,
        message: String,
    },
    #[error("the request is over the model's context window ({provider}): {message}")]
    ContextLength {
        provider: &'static str,
        message: String,
    },
    #[error("{provider} answered HTTP {status}: {message}")]
    Http {
        provider: &'static str,
        status: u16,
        message: String,
    },
    #[error("could not reach `{url}`")]
    Connect {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("timed out after {:.1} s waiting for {what}", .after.as_secs_f64())]
    Timeout { what: &'static str, after: Duration },
    #[error("the stream from {provider} broke off")]
    Broken {
        provider: &'static str,
        #[source]
        source: reqwest::Error,
    },
    #[error("the stream from {provider} ended before the model finished")]
    Truncated { provider: &'static str },
    #[error("{provider} reported an error mid-stream: {message}")]
    Stream {
        provider: &'static str,
        message: String,
    },
    #[error("gave up after {attempts} attempts in {:.1} s", .after.as_secs_f64())]
    GaveUp {
        attempts: u32,
        after: Duration,
        #[source]
        last: Box<LlmError>,
    },
    #[error("failed to {what}")]
    Setup {
        what: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("`api-key-cmd` ({command}) failed: {detail}")]
    KeyCommand { command: String, detail: String },
    #[error("no API key for {provider}")]
    NoKey {
        provider: &'static str,
        variable: &'static str,
    },
    #[error("`provider = \"azure\"` needs `azure.endpoint` and `azure.deployment`")]
    AzureSetup,
    #[error("no model is set for {provider}, and it lists none")]
    NoModel { provider: &'static str },
    /// The answer failed the gate after the one retry (issue 14): it is not used.
    #[error("the model's answer was not usable: {problem}")]
    Unusable { problem: String },
}

impl LlmError {
    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            LlmError::Auth { key_origin, .. } => Some(format!(
                "check the key in {key_origin}: it may be mistyped, revoked or lack access to \
                 this model; or use `--offline`"
            )),
            LlmError::ModelNotFound { provider, .. } => Some(match *provider {
                "ollama" => "list the models with `ollama list`, or pull one with `ollama pull NAME`; set it with `model` or `--model`".into(),
                _ => "check `model` (or `--model`); the provider's `/models` endpoint lists what your key can use".into(),
            }),
            LlmError::ContextLength { .. } => Some(
                "the diff is too large for this model: stage less, or set a larger model's \
                 `context-window` under `[models.\"NAME\"]`"
                    .into(),
            ),
            LlmError::Http { status: 429, .. } => {
                Some("rate limited: wait a moment, or raise `network.attempts`".into())
            }
            LlmError::Http { status, .. } if *status >= 500 => Some(
                "the provider is having trouble; try again later, or use `--offline`".into(),
            ),
            LlmError::Connect { .. } => Some(
                "check the network, `base-url` and any proxy (`proxy`, `HTTPS_PROXY`); or use `--offline`"
                    .into(),
            ),
            LlmError::Timeout { .. } => Some(
                "the server is slow or hanging: raise the time-outs under `[network]`, or use `--offline`"
                    .into(),
            ),
            LlmError::GaveUp { last, .. } => last.hint(),
            LlmError::NoKey { variable, .. } => Some(format!(
                "set `{variable}`, or `api-key`/`api-key-cmd` in your user config \
                 (`git herald config path`); or use `--offline`"
            )),
            LlmError::AzureSetup => Some(
                "set them in your user config, or `AZURE_OPENAI_ENDPOINT`; see the README".into(),
            ),
            LlmError::NoModel { .. } => Some("set `model` or pass `--model`".into()),
            _ => None,
        }
    }

    /// Returns the context window the server stated when it said the prompt is too long.
    pub fn stated_window(&self) -> Option<u64> {
        match self {
            LlmError::ContextLength { message, .. } => wire::stated_window(message),
            LlmError::GaveUp { last, .. } => last.stated_window(),
            _ => None,
        }
    }

    /// Tells whether the error is the server saying the prompt is too long.
    pub fn is_context_length(&self) -> bool {
        match self {
            LlmError::ContextLength { .. } => true,
            LlmError::GaveUp { last, .. } => last.is_context_length(),
            _ => false,
        }
    }
}
