//! The environment variables git-herald reads, in one place. Only `config` reads them, once.
//! Which key each `GIT_HERALD_*` setting variable sets is in the table of keys in `file.rs`.

/// Declares the variables with their doc comments once, and [`DOCUMENTED`]: each name with
/// its text, for the manual page's ENVIRONMENT section.
macro_rules! variables {
    ($($(#[doc = $doc:literal])+ $name:ident = $value:literal;)*) => {
        $($(#[doc = $doc])+ pub const $name: &str = $value;)*

        /// Every variable above with its doc text, in order: the manual page's ENVIRONMENT.
        pub const DOCUMENTED: &[(&str, &str)] = &[$(($value, concat!($($doc, "\n"),+))),*];
    };
}

variables! {
    /// Set to `1` to make the installed hook do nothing (for one command: `GIT_HERALD_SKIP=1 git
    /// commit`).
    SKIP = "GIT_HERALD_SKIP";
    /// Set to `1` for the hook to say why it left a message alone (`-m`/`-F`, a merge, a
    /// squash, `--amend`), which it otherwise does without a word.
    VERBOSE = "GIT_HERALD_VERBOSE";
    /// Path of the user configuration file, instead of the platform default
    /// (`$XDG_CONFIG_HOME/git-herald/config.toml` on Linux).
    CONFIG = "GIT_HERALD_CONFIG";
    /// Set to `1` to ignore the repository's `.git-herald.toml`.
    NO_REPO_CONFIG = "GIT_HERALD_NO_REPO_CONFIG";
    /// Engine that writes the message (`offline`).
    PROVIDER = "GIT_HERALD_PROVIDER";
    /// Model name for the provider.
    MODEL = "GIT_HERALD_MODEL";
    /// Seconds the prepare-commit-msg hook may take.
    HOOK_TIMEOUT = "GIT_HERALD_HOOK_TIMEOUT";
    /// `true`/`false`: Conventional Commits headers.
    CONVENTIONAL = "GIT_HERALD_CONVENTIONAL";
    /// Longest subject line, in characters.
    MAX_SUBJECT = "GIT_HERALD_MAX_SUBJECT";
    /// `true`/`false`: write a body.
    BODY = "GIT_HERALD_BODY";
    /// Language of the message (`de`, `zh-CN`, …).
    LANGUAGE = "GIT_HERALD_LANGUAGE";
    /// Base URL of the provider's API (a relay, proxy or compatible server).
    BASE_URL = "GIT_HERALD_BASE_URL";
    /// API key, when the provider's own variable is not set.
    API_KEY = "GIT_HERALD_API_KEY";
    /// Proxy for model calls (`http://`, `https://` or `socks5://`); `HTTPS_PROXY` and friends
    /// are honoured without it.
    PROXY = "GIT_HERALD_PROXY";
    /// Path of the usage log.
    USAGE_FILE = "GIT_HERALD_USAGE_FILE";
    /// Seconds to wait for a connection.
    CONNECT_TIMEOUT = "GIT_HERALD_CONNECT_TIMEOUT";
    /// Seconds to wait for the first token.
    FIRST_TOKEN_TIMEOUT = "GIT_HERALD_FIRST_TOKEN_TIMEOUT";
    /// Seconds to wait between two chunks of a stream.
    IDLE_TIMEOUT = "GIT_HERALD_IDLE_TIMEOUT";
    /// Seconds a whole model call may take, retries included.
    DEADLINE = "GIT_HERALD_DEADLINE";
    /// Attempts per model call, the first included.
    ATTEMPTS = "GIT_HERALD_ATTEMPTS";
    /// Seconds of the first retry's backoff (doubled each time, with full jitter).
    BACKOFF_BASE = "GIT_HERALD_BACKOFF_BASE";
    /// Context window in tokens, instead of the model table's or the server's figure.
    CONTEXT_WINDOW = "GIT_HERALD_CONTEXT_WINDOW";
    /// Chunk summaries in flight at once.
    CONCURRENCY = "GIT_HERALD_CONCURRENCY";
    /// Most model calls for one message.
    MAX_CALLS = "GIT_HERALD_MAX_CALLS";
    /// Directory of the answer cache.
    CACHE_DIR = "GIT_HERALD_CACHE_DIR";
    /// OpenAI's key: with `provider = "auto"`, picks openai.
    OPENAI_API_KEY = "OPENAI_API_KEY";
    /// OpenAI's base URL, as OpenAI's own tools read it (a relay or compatible server).
    OPENAI_BASE_URL = "OPENAI_BASE_URL";
    /// Anthropic's key: with `provider = "auto"` and no OpenAI key, picks anthropic.
    ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY";
    /// Anthropic's base URL, as Anthropic's own tools read it.
    ANTHROPIC_BASE_URL = "ANTHROPIC_BASE_URL";
    /// The key of an Azure OpenAI resource (`provider = "azure"`).
    AZURE_OPENAI_API_KEY = "AZURE_OPENAI_API_KEY";
    /// The endpoint of an Azure OpenAI resource (`provider = "azure"`).
    AZURE_OPENAI_ENDPOINT = "AZURE_OPENAI_ENDPOINT";
    /// Where the Ollama server listens, as Ollama reads it (default `127.0.0.1:11434`).
    OLLAMA_HOST = "OLLAMA_HOST";
    /// Set to anything but empty to turn colour off (<https://no-color.org>).
    NO_COLOR = "NO_COLOR";
    /// Set to anything but `0` to colour output even when it is not a terminal.
    CLICOLOR_FORCE = "CLICOLOR_FORCE";
}

/// The ecosystem variables above, for the environment snapshot.
pub const ECOSYSTEM: &[&str] = &[
    OPENAI_API_KEY,
    OPENAI_BASE_URL,
    ANTHROPIC_API_KEY,
    ANTHROPIC_BASE_URL,
    AZURE_OPENAI_API_KEY,
    AZURE_OPENAI_ENDPOINT,
    OLLAMA_HOST,
];

/// GitHub Actions' own variables, read by `git herald release-notes`.
/// `true` when running on GitHub Actions.
pub const GITHUB_ACTIONS: &str = "GITHUB_ACTIONS";
/// The file a step writes its outputs to (`name=value` lines and heredocs).
pub const GITHUB_OUTPUT: &str = "GITHUB_OUTPUT";
/// The file whose Markdown becomes the job's summary page.
pub const GITHUB_STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";
/// The short name of the ref that triggered the run (`v1.4.0` for a tag push).
pub const GITHUB_REF_NAME: &str = "GITHUB_REF_NAME";
/// `tag` or `branch`: what `GITHUB_REF_NAME` names.
pub const GITHUB_REF_TYPE: &str = "GITHUB_REF_TYPE";

/// The GitHub Actions variables above, for the environment snapshot.
pub const GITHUB: &[&str] = &[
    GITHUB_ACTIONS,
    GITHUB_OUTPUT,
    GITHUB_STEP_SUMMARY,
    GITHUB_REF_NAME,
    GITHUB_REF_TYPE,
];

/// The proxy variables the HTTP client honours (as curl does), shown by `git herald doctor`.
pub const PROXY_ENV: &[&str] = &[
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// `dumb` means the terminal shows no colour.
pub const TERM: &str = "TERM";

/// The pre-commit framework's name for the hook's second argument (the message source).
pub const PRE_COMMIT_SOURCE: &str = "PRE_COMMIT_COMMIT_MSG_SOURCE";
/// Test only: milliseconds the hook waits before writing, to exercise its time-out.
pub const TEST_HOOK_DELAY_MS: &str = "GIT_HERALD_TEST_HOOK_DELAY_MS";
