//! The environment variables git-herald reads, in one place. Only `config` reads them, once.

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

/// Every variable above with its configuration key, for `config show` and the README.
pub const KEYED: &[(&str, &str)] = &[
    (PROVIDER, "provider"),
    (MODEL, "model"),
    (HOOK_TIMEOUT, "hook.timeout"),
    (CONVENTIONAL, "message.conventional"),
    (MAX_SUBJECT, "message.max-subject"),
    (BODY, "message.body"),
];

/// Set to `1` to make the installed hook do nothing (for one command: `GIT_HERALD_SKIP=1 git
/// commit`).
pub const SKIP: &str = "GIT_HERALD_SKIP";
/// The pre-commit framework's name for the hook's second argument (the message source).
pub const PRE_COMMIT_SOURCE: &str = "PRE_COMMIT_COMMIT_MSG_SOURCE";
/// Test only: milliseconds the hook waits before writing, to exercise its time-out.
pub const TEST_HOOK_DELAY_MS: &str = "GIT_HERALD_TEST_HOOK_DELAY_MS";
