//! The environment variables git-herald reads, in one place. Only `config` reads them, once.
//! Which key each `GIT_HERALD_*` setting variable sets is in the table of keys in `file.rs`.

/// Path of the user configuration file, instead of the platform default
/// (`$XDG_CONFIG_HOME/git-herald/config.toml` on Linux).
pub const CONFIG: &str = "GIT_HERALD_CONFIG";
/// Set to `1` to ignore the repository's `.git-herald.toml`.
pub const NO_REPO_CONFIG: &str = "GIT_HERALD_NO_REPO_CONFIG";
/// Engine that writes the message (`offline`).
pub const PROVIDER: &str = "GIT_HERALD_PROVIDER";
/// Model name for the provider.
pub const MODEL: &str = "GIT_HERALD_MODEL";
/// Seconds the prepare-commit-msg hook may take.
pub const HOOK_TIMEOUT: &str = "GIT_HERALD_HOOK_TIMEOUT";
/// `true`/`false`: Conventional Commits headers.
pub const CONVENTIONAL: &str = "GIT_HERALD_CONVENTIONAL";
/// Longest subject line, in characters.
pub const MAX_SUBJECT: &str = "GIT_HERALD_MAX_SUBJECT";
/// `true`/`false`: write a body.
pub const BODY: &str = "GIT_HERALD_BODY";

/// Language of the message (`de`, `zh-CN`, …).
pub const LANGUAGE: &str = "GIT_HERALD_LANGUAGE";
/// Base URL of the provider's API (a relay, proxy or compatible server).
pub const BASE_URL: &str = "GIT_HERALD_BASE_URL";
/// API key, when the provider's own variable is not set.
pub const API_KEY: &str = "GIT_HERALD_API_KEY";
/// Proxy for model calls (`http://`, `https://` or `socks5://`); `HTTPS_PROXY` and friends
/// are honoured without it.
pub const PROXY: &str = "GIT_HERALD_PROXY";
/// Path of the usage log.
pub const USAGE_FILE: &str = "GIT_HERALD_USAGE_FILE";
/// Seconds to wait for a connection.
pub const CONNECT_TIMEOUT: &str = "GIT_HERALD_CONNECT_TIMEOUT";
/// Seconds to wait for the first token.
pub const FIRST_TOKEN_TIMEOUT: &str = "GIT_HERALD_FIRST_TOKEN_TIMEOUT";
/// Seconds to wait between two chunks of a stream.
pub const IDLE_TIMEOUT: &str = "GIT_HERALD_IDLE_TIMEOUT";
/// Seconds a whole model call may take, retries included.
pub const DEADLINE: &str = "GIT_HERALD_DEADLINE";
/// Attempts per model call, the first included.
pub const ATTEMPTS: &str = "GIT_HERALD_ATTEMPTS";
/// Seconds of the first retry's backoff (doubled each time, with full jitter).
pub const BACKOFF_BASE: &str = "GIT_HERALD_BACKOFF_BASE";

/// Context window in tokens, instead of the model table's or the server's figure.
pub const CONTEXT_WINDOW: &str = "GIT_HERALD_CONTEXT_WINDOW";
/// Chunk summaries in flight at once.
pub const CONCURRENCY: &str = "GIT_HERALD_CONCURRENCY";
/// Most model calls for one message.
pub const MAX_CALLS: &str = "GIT_HERALD_MAX_CALLS";
/// Directory of the answer cache.
pub const CACHE_DIR: &str = "GIT_HERALD_CACHE_DIR";

/// The ecosystems' own variables, followed as their tools do.
pub const OPENAI_API_KEY: &str = "OPENAI_API_KEY";
pub const OPENAI_BASE_URL: &str = "OPENAI_BASE_URL";
pub const ANTHROPIC_API_KEY: &str = "ANTHROPIC_API_KEY";
pub const ANTHROPIC_BASE_URL: &str = "ANTHROPIC_BASE_URL";
pub const AZURE_OPENAI_API_KEY: &str = "AZURE_OPENAI_API_KEY";
pub const AZURE_OPENAI_ENDPOINT: &str = "AZURE_OPENAI_ENDPOINT";
pub const OLLAMA_HOST: &str = "OLLAMA_HOST";

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

/// Set to anything but empty to turn colour off (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";
/// Set to anything but `0` to colour output even when it is not a terminal.
pub const CLICOLOR_FORCE: &str = "CLICOLOR_FORCE";
/// `dumb` means the terminal shows no colour.
pub const TERM: &str = "TERM";

/// Set to `1` to make the installed hook do nothing (for one command: `GIT_HERALD_SKIP=1 git
/// commit`).
pub const SKIP: &str = "GIT_HERALD_SKIP";
/// The pre-commit framework's name for the hook's second argument (the message source).
pub const PRE_COMMIT_SOURCE: &str = "PRE_COMMIT_COMMIT_MSG_SOURCE";
/// Test only: milliseconds the hook waits before writing, to exercise its time-out.
pub const TEST_HOOK_DELAY_MS: &str = "GIT_HERALD_TEST_HOOK_DELAY_MS";
