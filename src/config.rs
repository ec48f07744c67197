//! Configuration layers (built-in defaults < user file < repository file < `GIT_HERALD_*` env <
//! flags) resolved into one `Settings`, with the trust rule for the repository's own file.

use crate::changelog::{ForgeSetting, Options as ChangelogOptions, PreReleases, SectionSpec};
use crate::env_vars;
use crate::filter::{FilterOptions, Globs};
use crate::message::Style;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// Name of the per-repository file, at the top of the work tree.
pub const REPO_FILE: &str = ".git-herald.toml";
const DEFAULTS: &str = include_str!("defaults.toml");

/// Keys a repository's own file may set: style only, never where data goes.
const REPO_ALLOWED: &[&str] = &["message", "filter", "hook", "changelog", "redact"];

/// Errors from reading configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("failed to read config file `{}`", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid config file `{}`", .path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: Box<TomlSyntax>,
    },
    #[error(
        "`{key}` cannot be set in the repository's config file `{}` (line {line})",
        .path.display()
    )]
    Untrusted {
        path: PathBuf,
        key: String,
        line: usize,
    },
    #[error(
        "`{key}` in config file `{}` (line {line}) is {value}; it takes a number of seconds, \
         zero or more",
        .path.display()
    )]
    Seconds {
        path: PathBuf,
        key: &'static str,
        value: f64,
        line: usize,
    },
    #[error("invalid value `{value}` for `{var}`: expected {expected}")]
    Env {
        var: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("unknown provider `{0}`")]
    Provider(String),
    #[error(
        "`changelog.template` in the repository's config file `{}` (line {line}) must name a \
         file inside the repository",
        .path.display()
    )]
    RepoTemplate { path: PathBuf, line: usize },
}

impl ConfigError {
    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            ConfigError::Untrusted { .. } => Some(
                "a cloned repository is untrusted: it may set style ([message], [filter], \
                 [hook], [changelog], [redact]) but not providers, endpoints or keys; set \
                 those in your user config (`git herald config path`)"
                    .into(),
            ),
            ConfigError::RepoTemplate { .. } => Some(
                "give a path relative to the top of the work tree, without `..`; a template \
                 elsewhere goes in your user config (`git herald config path`) or `--template`"
                    .into(),
            ),
            ConfigError::Parse { .. } => {
                Some("fix the file, or see the configuration reference in the README".into())
            }
            ConfigError::Provider(_) => Some(format!(
                "`provider` takes one of: {}",
                PROVIDERS
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => None,
        }
    }
}

/// Where a configuration file fails to parse and why, without the source line that toml's own
/// error quotes: in a config file that line may hold an API key.
///
/// Shown as `TOML parse error at line N, column M`, with the parser's message as its cause;
/// quoted values in the message are masked when the line looks like it holds a secret.
#[derive(Debug)]
pub struct TomlSyntax {
    line: usize,
    column: usize,
    /// The key assigned on that line, when it has one (a key name is never secret).
    key: Option<String>,
    message: TomlMessage,
}

/// What the TOML parser said was wrong.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TomlMessage(String);

impl TomlSyntax {
    /// Builds the error from the parser's span (byte offsets into `text`) and message.
    pub fn new(text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> Self {
        let message = message.trim();
        let (line, column, key, sensitive) = match span {
            Some(span) => {
                let floor = |mut at: usize| {
                    at = at.min(text.len());
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    at
                };
                let (start, end) = (floor(span.start), floor(span.end.max(span.start)));
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
                let key = text[line_start..]
                    .lines()
                    .next()
                    .and_then(|l| l.split_once('='))
                    .map(|(key, _)| key.trim())
                    .filter(|key| {
                        !key.is_empty()
                            && key.chars().all(|c| {
                                c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '"')
                            })
                    })
                    .map(str::to_owned);
                (
                    text[..start].matches('\n').count() + 1,
                    text[line_start..start].chars().count() + 1,
                    key,
                    is_sensitive(&text[line_start..line_end]),
                )
            }
            None => (0, 0, None, is_sensitive(text)),
        };
        let message = if sensitive || is_sensitive(message) {
            mask_quoted(message)
        } else {
            message.to_owned()
        };
        TomlSyntax {
            line,
            column,
            key,
            message: TomlMessage(message),
        }
    }

    /// Returns the parser's message (quoted values masked when they may be secret).
    pub fn message(&self) -> &str {
        &self.message.0
    }

    /// Returns the 1-based line of the error, 0 when the parser gave no place.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl fmt::Display for TomlSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "TOML parse error")?,
            line => write!(f, "TOML parse error at line {line}, column {}", self.column)?,
        }
        match &self.key {
            Some(key) => write!(f, ", key `{key}`"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for TomlSyntax {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.message)
    }
}

/// Tells whether config text may hold a credential: it names a key-like setting, or the
/// redactor's built-in rules find something in it.
fn is_sensitive(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "api-key", "api_key", "apikey", "token", "secret", "password", "passwd",
    ]
    .iter()
    .any(|word| lower.contains(word))
        || crate::redact::Redactor::new(&Default::default())
            .is_ok_and(|r| !r.redact_text(text, "<config>").findings().is_empty())
}

/// Replaces text of four characters or more between quotes or backticks with `****` (a
/// value serde quotes; the parser's short quotes such as ``expected `"` `` stay).
fn mask_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut open: Option<(char, String)> = None;
    for c in message.chars() {
        match &mut open {
            Some((q, inner)) if c == *q => {
                if inner.chars().count() >= 4 {
                    out.push_str("****");
                } else {
                    out.push_str(inner);
                }
                out.push(c);
                open = None;
            }
            Some((_, inner)) => inner.push(c),
            None => {
                out.push(c);
                if matches!(c, '"' | '`') {
                    open = Some((c, String::new()));
                }
            }
        }
    }
    if open.is_some() {
        out.push_str("****");
    }
    out
}

/// One configuration file as written (every key optional; unknown keys are errors).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    provider: Option<String>,
    model: Option<String>,
    base_url: Option<String>,
    api_key: Option<String>,
    api_key_cmd: Option<Vec<String>>,
    proxy: Option<String>,
    #[serde(default)]
    network: NetworkConfig,
    #[serde(default)]
    azure: AzureConfig,
    #[serde(default)]
    usage: UsageConfig,
    #[serde(default)]
    budget: BudgetConfig,
    #[serde(default)]
    cache: CacheConfig,
    #[serde(default)]
    models: BTreeMap<String, ModelConfig>,
    #[serde(default)]
    message: MessageConfig,
    #[serde(default)]
    filter: FilterConfig,
    #[serde(default)]
    hook: HookConfig,
    #[serde(default)]
    changelog: ChangelogConfig,
    #[serde(default)]
    redact: RedactConfig,
}

/// `[redact]`: extra rules, allowlists and what to do on a finding.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RedactConfig {
    policy: Option<crate::redact::Policy>,
    rules: Option<Vec<crate::redact::RuleSpec>>,
    allow: Option<Vec<String>>,
    allow_paths: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NetworkConfig {
    connect_timeout: Option<f64>,
    first_token_timeout: Option<f64>,
    idle_timeout: Option<f64>,
    deadline: Option<f64>,
    attempts: Option<u32>,
    backoff_base: Option<f64>,
    max_wait: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct AzureConfig {
    endpoint: Option<String>,
    deployment: Option<String>,
    api_version: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct UsageConfig {
    path: Option<PathBuf>,
    enabled: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct BudgetConfig {
    context_window: Option<u64>,
    margin: Option<f64>,
    concurrency: Option<usize>,
    max_calls: Option<usize>,
    max_cost: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CacheConfig {
    enabled: Option<bool>,
    path: Option<PathBuf>,
    max_size_mb: Option<u64>,
}

/// What to do with a ticket id found in the branch name (`feature/ABC-123-login`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TicketMode {
    /// A `Refs: ABC-123` trailer.
    #[default]
    Trailer,
    /// The Conventional Commits scope, when the model writes one.
    Scope,
    Off,
}

/// A model's figures, overriding or adding to the built-in table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ModelConfig {
    pub context_window: Option<u64>,
    pub max_output: Option<u64>,
    /// USD per million input tokens.
    pub input_price: Option<f64>,
    /// USD per million output tokens.
    pub output_price: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct MessageConfig {
    conventional: Option<bool>,
    language: Option<String>,
    ticket: Option<TicketMode>,
    ticket_pattern: Option<String>,
    max_subject: Option<usize>,
    body: Option<bool>,
    wrap: Option<usize>,
    conventions: Option<crate::conventions::Mode>,
    types: Option<Vec<String>>,
    scopes: Option<Vec<String>>,
    gitmoji: Option<crate::gitmoji::Gitmoji>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FilterConfig {
    withhold: Option<Vec<String>>,
    stats_only: Option<Vec<String>>,
    text: Option<Vec<String>>,
    max_file_bytes: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct HookConfig {
    timeout: Option<f64>,
    skip_sources: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ChangelogConfig {
    sections: Option<Vec<SectionSpec>>,
    hidden: Option<Vec<String>>,
    tag_pattern: Option<String>,
    pre_releases: Option<PreReleases>,
    first_parent: Option<bool>,
    forge: Option<ForgeSetting>,
    template: Option<PathBuf>,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layer {
    Default,
    User(PathBuf),
    Repo(PathBuf),
    Env(&'static str),
    Flag,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layer::Default => f.write_str("default"),
            Layer::User(p) => write!(f, "user file {}", p.display()),
            Layer::Repo(p) => write!(f, "repo file {}", p.display()),
            Layer::Env(var) => write!(f, "env {var}"),
            Layer::Flag => f.write_str("flag"),
        }
    }
}

/// A snapshot of the environment, read once at start.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: HashMap<&'static str, String>,
    /// The platform config directory for git-herald, if the platform has one.
    pub config_dir: Option<PathBuf>,
    /// The platform data directory for git-herald (the usage log lives there).
    pub data_dir: Option<PathBuf>,
    /// The platform cache directory for git-herald.
    pub cache_dir: Option<PathBuf>,
}

impl Env {
    /// Reads the variables git-herald uses and the platform directories.
    pub fn from_environment() -> Self {
        let mut vars = HashMap::new();
        let names = [
            env_vars::CONFIG,
            env_vars::NO_REPO_CONFIG,
            env_vars::SKIP,
            env_vars::PRE_COMMIT_SOURCE,
            env_vars::TEST_HOOK_DELAY_MS,
            env_vars::NO_COLOR,
            env_vars::CLICOLOR_FORCE,
            env_vars::TERM,
        ]
        .into_iter()
        .chain(env_vars::PROXY_ENV.iter().copied())
        .chain(env_vars::ECOSYSTEM.iter().copied())
        .chain(env_vars::GITHUB.iter().copied())
        .chain(env_vars::KEYED.iter().map(|(var, _)| *var));
        for name in names {
            if let Ok(value) = std::env::var(name) {
                vars.insert(name, value);
            }
        }
        let dirs = directories::ProjectDirs::from("", "", "git-herald");
        Env {
            vars,
            config_dir: dirs.as_ref().map(|d| d.config_dir().to_owned()),
            data_dir: dirs.as_ref().map(|d| d.data_dir().to_owned()),
            cache_dir: dirs.as_ref().map(|d| d.cache_dir().to_owned()),
        }
    }

    /// Builds an environment from given values (for tests and embedding).
    pub fn from_pairs(pairs: &[(&'static str, &str)], config_dir: Option<PathBuf>) -> Self {
        let vars = pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        Env {
            vars,
            data_dir: config_dir.as_ref().map(|d| d.join("data")),
            cache_dir: config_dir.as_ref().map(|d| d.join("cache")),
            config_dir,
        }
    }

    /// Returns a variable's value; empty counts as unset.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Tells whether `GIT_HERALD_NO_REPO_CONFIG` (set and not `0`) says to leave out what the
    /// repository brings: its `.git-herald.toml` and its convention files.
    pub fn repo_config_ignored(&self) -> bool {
        self.get(env_vars::NO_REPO_CONFIG).is_some_and(|v| v != "0")
    }

    /// Returns the path of the user configuration file.
    pub fn user_file(&self) -> Option<PathBuf> {
        match self.get(env_vars::CONFIG) {
            Some(path) => Some(PathBuf::from(path)),
            None => self.config_dir.as_ref().map(|d| d.join("config.toml")),
        }
    }
}

/// Values given as command-line flags (the highest layer).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub language: Option<String>,
    pub provider: Option<String>,
    pub model: Option<String>,
    pub conventional: Option<bool>,
    pub max_subject: Option<usize>,
    pub body: Option<bool>,
    /// `--gitmoji`: on, in the configured form (the emoji unless `"shortcode"` is set).
    pub gitmoji: Option<bool>,
}

/// An API key or other credential. `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// Returns the credential, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(****)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

/// Where the API key comes from when the provider's own variable is not set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    None,
    /// `api-key` in the user file (or `GIT_HERALD_API_KEY`).
    Value(Secret),
    /// `api-key-cmd` in the user file: a program and its arguments, run without a shell.
    Command(Vec<String>),
}

/// Network limits and retries for model calls.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSettings {
    pub connect_timeout: Duration,
    pub first_token_timeout: Duration,
    pub idle_timeout: Duration,
    /// The whole call, retries and waits included.
    pub deadline: Duration,
    pub retry: Retry,
}

/// How often a model call is tried and how long to wait between tries (`llm::retry` turns
/// this into waits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// Backoff before the second attempt (before jitter).
    pub base: Duration,
    /// Longest single wait.
    pub max_wait: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            attempts: 4,
            base: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
        }
    }
}

/// Azure OpenAI deployment settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AzureSettings {
    pub endpoint: Option<String>,
    pub deployment: Option<String>,
    pub api_version: String,
}

/// How large changes are fitted to the model.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetSettings {
    /// Overrides the model table and the server's figure.
    pub context_window: Option<u64>,
    /// Safety margin on token counts for models without a known tokenizer.
    pub margin: f64,
    /// Chunk summaries in flight at once.
    pub concurrency: usize,
    /// Most model calls for one message (chunks, reduce rounds and the final call).
    pub max_calls: usize,
    /// Most estimated cost of one message in USD, if capped.
    pub max_cost: Option<f64>,
}

/// Settings of the prepare-commit-msg hook.
#[derive(Debug, Clone)]
pub struct HookSettings {
    pub timeout: Duration,
    pub skip_sources: Vec<String>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `auto`, `offline`, `openai`, `azure`, `anthropic` or `ollama`.
    pub provider: String,
    pub model: Option<String>,
    pub base_url: Option<String>,
    pub api_key: KeySource,
    pub proxy: Option<String>,
    pub network: NetworkSettings,
    pub azure: AzureSettings,
    /// The usage log, or `None` when it is turned off.
    pub usage_path: Option<PathBuf>,
    /// Figures of models from the user file, by name.
    pub models: BTreeMap<String, ModelConfig>,
    pub budget: BudgetSettings,
    /// Where answers are cached, or `None` when caching is off.
    pub cache_dir: Option<PathBuf>,
    /// Most bytes the cache keeps; the least recently used entries go first.
    pub cache_max_bytes: u64,
    pub style: Style,
    /// What to do with a ticket id in the branch name, and how to find it.
    pub ticket: TicketMode,
    pub ticket_pattern: String,
    pub filter: FilterOptions,
    pub hook: HookSettings,
    pub changelog: ChangelogOptions,
    pub redact: crate::redact::RedactOptions,
}

/// The resolved configuration with where each value came from.
#[derive(Debug, Clone)]
pub struct Config {
    pub settings: Settings,
    /// Every leaf key (dotted), its value as TOML, and its layer.
    pub origins: BTreeMap<String, (String, Layer)>,
    /// The files that exist and were read, lowest first.
    pub files: Vec<Layer>,
    /// Problems worth a warning that do not stop anything (a key file others can read).
    pub warnings: Vec<String>,
    /// The repository's convention files, not read yet (see [`resolve_deferred`]).
    pending: Option<PendingConventions>,
}

/// Where to read the repository's conventions, and the explicit `[message] types`/`scopes`
/// that go over them.
#[derive(Debug, Clone)]
struct PendingConventions {
    dir: PathBuf,
    types: Option<Vec<String>>,
    scopes: Option<Vec<String>>,
}

impl Config {
    /// Reads the repository's commit conventions (commitlint, cocogitto, git-cliff; as text,
    /// never run) into the style, under the explicit `[message] types`/`scopes`, with a
    /// warning for a file that could not be read. Does nothing the second time.
    pub fn load_conventions(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let (found, warnings) = crate::conventions::load(&pending.dir);
        self.warnings.extend(warnings);
        apply_conventions(
            &mut self.settings,
            found.with_explicit(pending.types, pending.scopes),
        );
    }
}

/// Puts conventions in the style; commitlint's header-max-length tightens the subject limit,
/// never loosens it.
fn apply_conventions(settings: &mut Settings, conventions: crate::conventions::Conventions) {
    if let Some(max) = &conventions.header_max {
        settings.style.max_subject = settings.style.max_subject.min(max.value.max(10));
    }
    settings.style.conventions = conventions;
}

fn read_file(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

fn parse_file(path: &Path, text: &str) -> Result<(toml::Table, FileConfig), ConfigError> {
    let parse_error = |source: toml::de::Error| ConfigError::Parse {
        path: path.to_owned(),
        source: Box::new(TomlSyntax::new(text, source.span(), source.message())),
    };
    let table: toml::Table = toml::from_str(text).map_err(parse_error)?;
    let typed: FileConfig = toml::from_str(text).map_err(parse_error)?;
    // A negative or endless time-out would make the hook or a request give up at once.
    let net = &typed.network;
    for (key, value) in [
        ("network.connect-timeout", net.connect_timeout),
        ("network.first-token-timeout", net.first_token_timeout),
        ("network.idle-timeout", net.idle_timeout),
        ("network.deadline", net.deadline),
        ("network.backoff-base", net.backoff_base),
        ("network.max-wait", net.max_wait),
        ("hook.timeout", typed.hook.timeout),
    ] {
        if let Some(value) = value.filter(|v| !is_seconds(*v)) {
            return Err(ConfigError::Seconds {
                path: path.to_owned(),
                key,
                value,
                line: line_of_dotted(text, key),
            });
        }
    }
    Ok((table, typed))
}

/// Finds the 1-based line that sets `table.name`: under its `[table]` header, else as a dotted
/// key; else where the table opens.
fn line_of_dotted(text: &str, dotted: &str) -> usize {
    let (table, name) = dotted.split_once('.').unwrap_or(("", dotted));
    let assigns = |line: &str, key: &str| {
        line.trim_start()
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    let lines: Vec<&str> = text.lines().collect();
    let header = format!("[{table}]");
    if let Some(head) = lines.iter().position(|l| l.trim() == header)
        && let Some(i) = lines[head + 1..]
            .iter()
            .take_while(|l| !l.trim_start().starts_with('['))
            .position(|l| assigns(l, name))
    {
        return head + 2 + i;
    }
    lines
        .iter()
        .position(|l| assigns(l, dotted))
        .map_or_else(|| line_of(text, table), |i| i + 1)
}

/// Tells whether a number is a usable count of seconds: finite, zero or more.
fn is_seconds(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

/// Finds the 1-based line where `key` is assigned or opened as a table.
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let bare = line.trim_start_matches('[').trim_start_matches('"');
            bare.starts_with(key)
                && bare[key.len()..]
                    .trim_start_matches('"')
                    .trim_start()
                    .starts_with(['=', '.', ']'])
        })
        .map_or(1, |i| i + 1)
}

/// Masks the credentials in a URL (`http://user:****@host`), leaving any other URL as it is.
pub fn mask_url(text: &str) -> String {
    match reqwest::Url::parse(text) {
        Ok(mut url) if url.host().is_some() => {
            let mut changed = false;
            if url.password().is_some() {
                changed |= url.set_password(Some("****")).is_ok();
            } else if !url.username().is_empty() {
                changed |= url.set_username("****").is_ok();
            }
            // `?api-key=…`, `?access_token=…`: Azure-style relays take keys in the query.
            let secret_name = |name: &str| {
                let name = name.to_ascii_lowercase();
                [
                    "key",
                    "token",
                    "secret",
                    "pass",
                    "sig",
                    "auth",
                    "credential",
                ]
                .iter()
                .any(|s| name.contains(s))
            };
            if url.query_pairs().any(|(name, _)| secret_name(&name)) {
                let pairs: Vec<(String, String)> = url
                    .query_pairs()
                    .map(|(name, value)| {
                        let value = if secret_name(&name) {
                            "****".to_owned()
                        } else {
                            value.into_owned()
                        };
                        (name.into_owned(), value)
                    })
                    .collect();
                url.query_pairs_mut().clear().extend_pairs(pairs);
                changed = true;
            }
            if changed {
                url.to_string()
            } else {
                text.to_owned()
            }
        }
        // Not a URL with a host (`user:pw@host:1` parses as scheme `user`): hide anything
        // before an `@` all the same.
        _ => match text.rsplit_once('@') {
            Some((before, after)) => {
                let scheme = before.split_once("://").map_or("", |(s, _)| s);
                if scheme.is_empty() {
                    format!("****@{after}")
                } else {
                    format!("{scheme}://****@{after}")
                }
            }
            None => text.to_owned(),
        },
    }
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    layer: &Layer,
    out: &mut BTreeMap<String, (String, Layer)>,
) {
    for (key, value) in table {
        let dotted = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&dotted, inner, layer, out),
            other => {
                // Keys are never shown, whatever file they are in.
                // The command may carry the key inline (`["echo", "sk-…"]`): masked too.
                let shown = match (key.as_str(), other) {
                    ("api-key" | "api-key-cmd", _) => "\"****\"".to_owned(),
                    // A proxy or relay URL may carry credentials (`http://user:pw@host`).
                    ("proxy" | "base-url" | "endpoint", toml::Value::String(url)) => {
                        toml::Value::String(mask_url(url)).to_string()
                    }
                    _ => other.to_string(),
                };
                out.insert(dotted, (shown, layer.clone()));
            }
        }
    }
}

#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> bool {
    false
}

fn parse_bool(var: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Env {
            var,
            value: value.to_owned(),
            expected: "true or false",
        }),
    }
}

fn parse_number<T: std::str::FromStr>(var: &'static str, value: &str) -> Result<T, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::Env {
        var,
        value: value.to_owned(),
        expected: "a number",
    })
}

fn parse_seconds(var: &'static str, value: &str) -> Result<f64, ConfigError> {
    let seconds: f64 = parse_number(var, value)?;
    if !is_seconds(seconds) {
        return Err(ConfigError::Env {
            var,
            value: value.to_owned(),
            expected: "a number of seconds, zero or more",
        });
    }
    Ok(seconds)
}

fn merge(into: &mut FileConfig, from: FileConfig) {
    macro_rules! take {
        ($($field:ident).+) => {
            if from.$($field).+.is_some() {
                into.$($field).+ = from.$($field).+;
            }
        };
    }
    take!(provider);
    take!(model);
    take!(base_url);
    take!(api_key);
    take!(api_key_cmd);
    take!(proxy);
    take!(network.connect_timeout);
    take!(network.first_token_timeout);
    take!(network.idle_timeout);
    take!(network.deadline);
    take!(network.attempts);
    take!(network.backoff_base);
    take!(network.max_wait);
    take!(azure.endpoint);
    take!(azure.deployment);
    take!(azure.api_version);
    take!(usage.path);
    take!(usage.enabled);
    take!(budget.context_window);
    take!(budget.margin);
    take!(budget.concurrency);
    take!(budget.max_calls);
    take!(budget.max_cost);
    take!(cache.enabled);
    take!(cache.path);
    take!(cache.max_size_mb);
    into.models.extend(from.models);
    take!(message.conventional);
    take!(message.max_subject);
    take!(message.body);
    take!(message.wrap);
    take!(message.language);
    take!(message.ticket);
    take!(message.ticket_pattern);
    take!(message.conventions);
    take!(message.types);
    take!(message.scopes);
    take!(message.gitmoji);
    take!(filter.withhold);
    take!(filter.stats_only);
    take!(filter.text);
    take!(filter.max_file_bytes);
    take!(hook.timeout);
    take!(hook.skip_sources);
    take!(changelog.sections);
    take!(changelog.hidden);
    take!(changelog.tag_pattern);
    take!(changelog.pre_releases);
    take!(changelog.first_parent);
    take!(changelog.forge);
    take!(changelog.template);
    take!(redact.policy);
    // Rules and allowlists add up across layers rather than replace each other.
    for (into, from) in [
        (&mut into.redact.allow, from.redact.allow),
        (&mut into.redact.allow_paths, from.redact.allow_paths),
    ] {
        if let Some(from) = from {
            into.get_or_insert_with(Vec::new).extend(from);
        }
    }
    if let Some(rules) = from.redact.rules {
        into.redact.rules.get_or_insert_with(Vec::new).extend(rules);
    }
}

/// Resolves every layer into settings. `work_dir` is the top of the repository's work tree
/// (for its `.git-herald.toml`), if there is one.
pub fn resolve(
    env: &Env,
    work_dir: Option<&Path>,
    flags: &Overrides,
) -> Result<Config, ConfigError> {
    let mut config = resolve_deferred(env, work_dir, flags)?;
    config.load_conventions();
    Ok(config)
}

/// The type of a key's value, for `config set`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Bool,
    /// A whole number, zero or more.
    Integer,
    /// Any number (seconds, prices, margins).
    Number,
    String,
    /// A list of strings.
    Strings,
    /// `true`, `false` or a word (`message.gitmoji = "shortcode"`).
    BoolOrString,
    /// A TOML value of its own shape (an array of tables).
    Toml,
}

/// Every key a configuration file may set, dotted, with its type. `models."NAME".*` keys are
/// in `MODEL_KEYS`. A test checks each one against the file format.
pub const KEYS: &[(&str, KeyKind)] = &[
    ("provider", KeyKind::String),
    ("model", KeyKind::String),
    ("base-url", KeyKind::String),
    ("api-key", KeyKind::String),
    ("api-key-cmd", KeyKind::Strings),
    ("proxy", KeyKind::String),
    ("network.connect-timeout", KeyKind::Number),
    ("network.first-token-timeout", KeyKind::Number),
    ("network.idle-timeout", KeyKind::Number),
    ("network.deadline", KeyKind::Number),
    ("network.attempts", KeyKind::Integer),
    ("network.backoff-base", KeyKind::Number),
    ("network.max-wait", KeyKind::Number),
    ("azure.endpoint", KeyKind::String),
    ("azure.deployment", KeyKind::String),
    ("azure.api-version", KeyKind::String),
    ("usage.path", KeyKind::String),
    ("usage.enabled", KeyKind::Bool),
    ("budget.context-window", KeyKind::Integer),
    ("budget.margin", KeyKind::Number),
    ("budget.concurrency", KeyKind::Integer),
    ("budget.max-calls", KeyKind::Integer),
    ("budget.max-cost", KeyKind::Number),
    ("cache.enabled", KeyKind::Bool),
    ("cache.path", KeyKind::String),
    ("cache.max-size-mb", KeyKind::Integer),
    ("message.conventional", KeyKind::Bool),
    ("message.language", KeyKind::String),
    ("message.ticket", KeyKind::String),
    ("message.ticket-pattern", KeyKind::String),
    ("message.max-subject", KeyKind::Integer),
    ("message.body", KeyKind::Bool),
    ("message.wrap", KeyKind::Integer),
    ("message.conventions", KeyKind::String),
    ("message.types", KeyKind::Strings),
    ("message.scopes", KeyKind::Strings),
    ("message.gitmoji", KeyKind::BoolOrString),
    ("filter.withhold", KeyKind::Strings),
    ("filter.stats-only", KeyKind::Strings),
    ("filter.text", KeyKind::Strings),
    ("filter.max-file-bytes", KeyKind::Integer),
    ("hook.timeout", KeyKind::Number),
    ("hook.skip-sources", KeyKind::Strings),
    ("changelog.sections", KeyKind::Toml),
    ("changelog.hidden", KeyKind::Strings),
    ("changelog.tag-pattern", KeyKind::String),
    ("changelog.pre-releases", KeyKind::String),
    ("changelog.first-parent", KeyKind::Bool),
    ("changelog.forge", KeyKind::String),
    ("changelog.template", KeyKind::String),
    ("redact.policy", KeyKind::String),
    ("redact.rules", KeyKind::Toml),
    ("redact.allow", KeyKind::Strings),
    ("redact.allow-paths", KeyKind::Strings),
];

/// The keys of one `[models."NAME"]` table.
pub const MODEL_KEYS: &[(&str, KeyKind)] = &[
    ("context-window", KeyKind::Integer),
    ("max-output", KeyKind::Integer),
    ("input-price", KeyKind::Number),
    ("output-price", KeyKind::Number),
];

/// Splits a dotted key into the path of TOML keys it names and returns its type, or `None`
/// for a key no file may set. `models.NAME.FIELD` takes everything between the first and the
/// last dot as the model's name (`models.gpt-4.1.context-window`).
pub fn key_path(key: &str) -> Option<(Vec<String>, KeyKind)> {
    if let Some(&(_, kind)) = KEYS.iter().find(|(k, _)| *k == key) {
        return Some((key.split('.').map(str::to_owned).collect(), kind));
    }
    let rest = key.strip_prefix("models.")?;
    let (name, field) = rest.rsplit_once('.')?;
    let name = name.trim_matches('"');
    let &(_, kind) = MODEL_KEYS.iter().find(|(k, _)| *k == field)?;
    (!name.is_empty()).then(|| (vec!["models".into(), name.into(), field.into()], kind))
}

/// Tells whether a repository's own file may set `key` (the trust rule): style tables only,
/// and never an exemption from redaction.
pub fn repo_may_set(key: &str) -> bool {
    let top = key.split('.').next().unwrap_or(key);
    REPO_ALLOWED.contains(&top) && key != "redact.allow" && key != "redact.allow-paths"
}

/// Tells whether a key holds a credential, never printed.
pub fn is_secret(key: &str) -> bool {
    key == "api-key" || key == "api-key-cmd"
}

/// Applies the trust rule to the repository's own file: style keys only, no exemption from
/// redaction, a template inside the repository; a policy laxer than `ours` is dropped.
fn repo_layer(
    path: &Path,
    text: &str,
    table: &toml::Table,
    mut typed: FileConfig,
    ours: Option<crate::redact::Policy>,
) -> Result<FileConfig, ConfigError> {
    if let Some(key) = table.keys().find(|k| !REPO_ALLOWED.contains(&k.as_str())) {
        return Err(ConfigError::Untrusted {
            line: line_of(text, key),
            key: key.clone(),
            path: path.to_owned(),
        });
    }
    // A repository may add redaction rules or make the policy stricter, never exempt
    // anything from redaction: an allowlist there would let a cloned repo leak your
    // secrets to the model.
    for (key, set) in [
        ("allow", typed.redact.allow.is_some()),
        ("allow-paths", typed.redact.allow_paths.is_some()),
    ] {
        if set {
            return Err(ConfigError::Untrusted {
                line: line_of(text, key),
                key: format!("redact.{key}"),
                path: path.to_owned(),
            });
        }
    }
    // The template is printed into changelogs and release notes: a cloned repository may
    // only name one of its own files, not `~/.ssh/id_ed25519` or a link out to it.
    if let Some(template) = &typed.changelog.template {
        let top = path.parent().unwrap_or(Path::new("."));
        let full = top.join(template);
        let lexical = template
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let escapes = match (full.canonicalize(), top.canonicalize()) {
            (Ok(file), Ok(top)) => !file.starts_with(top),
            _ => false,
        };
        if !lexical || escapes {
            return Err(ConfigError::RepoTemplate {
                line: line_of(text, "template"),
                path: path.to_owned(),
            });
        }
        typed.changelog.template = Some(full);
    }
    let strictness = |p: crate::redact::Policy| match p {
        crate::redact::Policy::Redact => 0,
        crate::redact::Policy::WithholdFile => 1,
        crate::redact::Policy::Abort => 2,
    };
    if let (Some(theirs), Some(ours)) = (typed.redact.policy, ours)
        && strictness(theirs) < strictness(ours)
    {
        typed.redact.policy = None;
    }
    Ok(typed)
}

/// Checks one configuration file on its own, as `config set` does before writing: it parses,
/// its values are valid, and (for the repository's file, `repo`) the trust rule holds. The
/// environment and the other files play no part, so a bad variable elsewhere blocks nothing.
pub fn check_file(path: &Path, text: &str, repo: bool) -> Result<(), ConfigError> {
    let (_, mut merged) =
        parse_file(Path::new("<built-in defaults>"), DEFAULTS).expect("built-in defaults parse");
    let (table, typed) = parse_file(path, text)?;
    let typed = if repo {
        repo_layer(path, text, &table, typed, None)?
    } else {
        typed
    };
    merge(&mut merged, typed);
    settle(merged, &Env::default()).map(drop)
}

/// Resolves as `resolve` does, but leaves the repository's convention files (commitlint,
/// cocogitto, git-cliff) unread until [`Config::load_conventions`]: the hook reads them only
/// once it knows it will write a message, so skipped commits (`-m`, merges, amends) pay
/// nothing for them.
pub fn resolve_deferred(
    env: &Env,
    work_dir: Option<&Path>,
    flags: &Overrides,
) -> Result<Config, ConfigError> {
    let mut origins = BTreeMap::new();
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let (table, mut merged) =
        parse_file(Path::new("<built-in defaults>"), DEFAULTS).expect("built-in defaults parse");
    flatten("", &table, &Layer::Default, &mut origins);

    if let Some(path) = env.user_file()
        && let Some(text) = read_file(&path)?
    {
        let (table, mut typed) = parse_file(&path, &text)?;
        // A relative template path is relative to the file that names it.
        if let (Some(template), Some(dir)) = (&mut typed.changelog.template, path.parent()) {
            *template = dir.join(&*template);
        }
        if typed.api_key.is_some() && readable_by_others(&path) {
            warnings.push(format!(
                "`{}` holds an API key and other users can read it; run `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
        let layer = Layer::User(path);
        flatten("", &table, &layer, &mut origins);
        merge(&mut merged, typed);
        files.push(layer);
    }
    // `GIT_HERALD_NO_REPO_CONFIG` leaves out everything the repository brings: its
    // `.git-herald.toml` and its convention files.
    let repo_dir = work_dir.filter(|_| !env.repo_config_ignored());
    let repo_file = repo_dir.map(|dir| dir.join(REPO_FILE));
    if let Some(path) = repo_file
        && let Some(text) = read_file(&path)?
    {
        let (table, typed) = parse_file(&path, &text)?;
        let typed = repo_layer(&path, &text, &table, typed, merged.redact.policy)?;
        let layer = Layer::Repo(path);
        flatten("", &table, &layer, &mut origins);
        merge(&mut merged, typed);
        files.push(layer);
    }

    let mut from_env = FileConfig::default();
    let set = |key: &str, var: &'static str, value: String, origins: &mut BTreeMap<_, _>| {
        origins.insert(key.to_owned(), (value, Layer::Env(var)));
    };
    for (var, key) in env_vars::KEYED {
        let Some(value) = env.get(var) else { continue };
        match *var {
            env_vars::PROVIDER => from_env.provider = Some(value.to_owned()),
            env_vars::MODEL => from_env.model = Some(value.to_owned()),
            env_vars::HOOK_TIMEOUT => from_env.hook.timeout = Some(parse_seconds(var, value)?),
            env_vars::CONVENTIONAL => from_env.message.conventional = Some(parse_bool(var, value)?),
            env_vars::MAX_SUBJECT => from_env.message.max_subject = Some(parse_number(var, value)?),
            env_vars::BODY => from_env.message.body = Some(parse_bool(var, value)?),
            env_vars::LANGUAGE => from_env.message.language = Some(value.to_owned()),
            env_vars::BASE_URL => from_env.base_url = Some(value.to_owned()),
            env_vars::API_KEY => from_env.api_key = Some(value.to_owned()),
            env_vars::PROXY => from_env.proxy = Some(value.to_owned()),
            env_vars::USAGE_FILE => from_env.usage.path = Some(PathBuf::from(value)),
            env_vars::CONNECT_TIMEOUT => {
                from_env.network.connect_timeout = Some(parse_seconds(var, value)?);
            }
            env_vars::FIRST_TOKEN_TIMEOUT => {
                from_env.network.first_token_timeout = Some(parse_seconds(var, value)?);
            }
            env_vars::IDLE_TIMEOUT => {
                from_env.network.idle_timeout = Some(parse_seconds(var, value)?);
            }
            env_vars::DEADLINE => from_env.network.deadline = Some(parse_seconds(var, value)?),
            env_vars::ATTEMPTS => from_env.network.attempts = Some(parse_number(var, value)?),
            env_vars::BACKOFF_BASE => {
                from_env.network.backoff_base = Some(parse_seconds(var, value)?);
            }
            env_vars::CONTEXT_WINDOW => {
                from_env.budget.context_window = Some(parse_number(var, value)?);
            }
            env_vars::CONCURRENCY => from_env.budget.concurrency = Some(parse_number(var, value)?),
            env_vars::MAX_CALLS => from_env.budget.max_calls = Some(parse_number(var, value)?),
            env_vars::CACHE_DIR => from_env.cache.path = Some(PathBuf::from(value)),
            _ => continue,
        }
        let shown = match *var {
            env_vars::API_KEY => "****".to_owned(),
            env_vars::PROXY | env_vars::BASE_URL => mask_url(value),
            _ => value.to_owned(),
        };
        set(key, var, shown, &mut origins);
    }
    merge(&mut merged, from_env);

    let mut from_flags = FileConfig::default();
    from_flags.provider.clone_from(&flags.provider);
    from_flags.model.clone_from(&flags.model);
    from_flags.message.conventional = flags.conventional;
    from_flags.message.max_subject = flags.max_subject;
    from_flags.message.body = flags.body;
    from_flags.message.language.clone_from(&flags.language);
    from_flags.message.gitmoji = flags.gitmoji.map(|on| match merged.message.gitmoji {
        _ if !on => crate::gitmoji::Gitmoji::Off,
        Some(crate::gitmoji::Gitmoji::Shortcode) => crate::gitmoji::Gitmoji::Shortcode,
        _ => crate::gitmoji::Gitmoji::Unicode,
    });
    let flag_values = [
        ("provider", flags.provider.clone()),
        ("model", flags.model.clone()),
        (
            "message.conventional",
            flags.conventional.map(|v| v.to_string()),
        ),
        (
            "message.max-subject",
            flags.max_subject.map(|v| v.to_string()),
        ),
        ("message.body", flags.body.map(|v| v.to_string())),
        ("message.language", flags.language.clone()),
        ("message.gitmoji", flags.gitmoji.map(|v| v.to_string())),
    ];
    for (key, value) in flag_values {
        if let Some(value) = value {
            origins.insert(key.to_owned(), (value, Layer::Flag));
        }
    }
    merge(&mut merged, from_flags);

    // The repository's commitlint, cocogitto or git-cliff rules go under the explicit
    // `[message] types`/`scopes`; their files are read by `Config::load_conventions`.
    let (types, scopes) = (merged.message.types.take(), merged.message.scopes.take());
    let pending = match (merged.message.conventions, repo_dir) {
        (Some(crate::conventions::Mode::Off), _) | (_, None) => None,
        (_, Some(dir)) => Some(PendingConventions {
            dir: dir.to_owned(),
            types: types.clone(),
            scopes: scopes.clone(),
        }),
    };
    let mut settings = settle(merged, env)?;
    apply_conventions(
        &mut settings,
        crate::conventions::Conventions::default().with_explicit(types, scopes),
    );
    Ok(Config {
        settings,
        origins,
        files,
        warnings,
        pending,
    })
}

/// Ticket ids as Jira, Linear and YouTrack write them.
pub const DEFAULT_TICKET: &str = r"[A-Z][A-Z0-9]{1,9}-[0-9]{1,7}";

/// The engines `provider` may name.
pub const PROVIDERS: &[&str] = &["auto", "offline", "openai", "azure", "anthropic", "ollama"];

fn seconds(value: Option<f64>, default: f64) -> Duration {
    let secs = value.filter(|v| v.is_finite()).unwrap_or(default);
    Duration::from_secs_f64(secs.clamp(0.0, 86_400.0))
}

fn settle(merged: FileConfig, env: &Env) -> Result<Settings, ConfigError> {
    let defaults = Style::default();
    let provider = merged.provider.unwrap_or_else(|| "auto".into());
    if !PROVIDERS.contains(&provider.as_str()) {
        return Err(ConfigError::Provider(provider));
    }
    let api_key = match (merged.api_key, merged.api_key_cmd) {
        (Some(key), _) if !key.is_empty() => KeySource::Value(Secret::new(key)),
        (_, Some(cmd)) if !cmd.is_empty() => KeySource::Command(cmd),
        _ => KeySource::None,
    };
    let net = merged.network;
    let retry_defaults = Retry::default();
    let filter_defaults = FilterOptions::default();
    let usage_path = if merged.usage.enabled == Some(false) {
        None
    } else {
        merged
            .usage
            .path
            .or_else(|| env.data_dir.as_ref().map(|d| d.join("usage.csv")))
    };
    Ok(Settings {
        provider,
        model: merged.model.filter(|m| !m.is_empty()),
        base_url: merged.base_url.filter(|u| !u.is_empty()),
        api_key,
        proxy: merged.proxy.filter(|p| !p.is_empty()),
        network: NetworkSettings {
            connect_timeout: seconds(net.connect_timeout, 5.0),
            first_token_timeout: seconds(net.first_token_timeout, 60.0),
            idle_timeout: seconds(net.idle_timeout, 30.0),
            deadline: seconds(net.deadline, 120.0),
            retry: Retry {
                attempts: net.attempts.unwrap_or(retry_defaults.attempts).clamp(1, 20),
                base: net
                    .backoff_base
                    .map_or(retry_defaults.base, |b| seconds(Some(b), 0.5)),
                max_wait: net
                    .max_wait
                    .map_or(retry_defaults.max_wait, |w| seconds(Some(w), 30.0)),
            },
        },
        azure: AzureSettings {
            endpoint: merged.azure.endpoint,
            deployment: merged.azure.deployment,
            api_version: merged
                .azure
                .api_version
                .unwrap_or_else(|| "2024-10-21".into()),
        },
        usage_path,
        models: merged.models,
        budget: BudgetSettings {
            context_window: merged.budget.context_window.filter(|w| *w > 0),
            margin: merged
                .budget
                .margin
                .filter(|m| m.is_finite())
                .unwrap_or(0.15)
                .clamp(0.0, 1.0),
            concurrency: merged.budget.concurrency.unwrap_or(4).clamp(1, 32),
            max_calls: merged.budget.max_calls.unwrap_or(40).max(2),
            max_cost: merged.budget.max_cost.filter(|c| c.is_finite() && *c > 0.0),
        },
        cache_dir: if merged.cache.enabled == Some(false) {
            None
        } else {
            merged.cache.path.or_else(|| env.cache_dir.clone())
        },
        cache_max_bytes: merged
            .cache
            .max_size_mb
            .unwrap_or(50)
            .saturating_mul(1 << 20),
        style: Style {
            conventional: merged.message.conventional.unwrap_or(defaults.conventional),
            max_subject: merged
                .message
                .max_subject
                .unwrap_or(defaults.max_subject)
                .max(10),
            body: merged.message.body.unwrap_or(defaults.body),
            wrap: merged.message.wrap.unwrap_or(defaults.wrap).max(20),
            language: merged
                .message
                .language
                .filter(|l| !l.is_empty() && !l.eq_ignore_ascii_case("en")),
            conventions: Default::default(),
            gitmoji: merged.message.gitmoji.unwrap_or_default(),
        },
        ticket: merged.message.ticket.unwrap_or_default(),
        ticket_pattern: merged
            .message
            .ticket_pattern
            .unwrap_or_else(|| DEFAULT_TICKET.to_owned()),
        filter: FilterOptions {
            globs: Globs {
                withhold: merged.filter.withhold.unwrap_or_default(),
                stats_only: merged.filter.stats_only.unwrap_or_default(),
                text: merged.filter.text.unwrap_or_default(),
            },
            max_file_bytes: merged
                .filter
                .max_file_bytes
                .unwrap_or(filter_defaults.max_file_bytes),
            ..filter_defaults
        },
        hook: HookSettings {
            timeout: seconds(merged.hook.timeout, 20.0),
            skip_sources: merged.hook.skip_sources.unwrap_or_default(),
        },
        changelog: {
            let c = merged.changelog;
            let d = ChangelogOptions::default();
            ChangelogOptions {
                sections: c.sections.unwrap_or(d.sections),
                hidden: c.hidden.unwrap_or(d.hidden),
                tag_pattern: c.tag_pattern.unwrap_or(d.tag_pattern),
                pre_releases: c.pre_releases.unwrap_or(d.pre_releases),
                first_parent: c.first_parent.unwrap_or(d.first_parent),
                forge: c.forge.unwrap_or(d.forge),
                template: c.template,
            }
        },
        redact: crate::redact::RedactOptions {
            policy: merged.redact.policy.unwrap_or_default(),
            rules: merged.redact.rules.unwrap_or_default(),
            allow: merged.redact.allow.unwrap_or_default(),
            allow_paths: merged.redact.allow_paths.unwrap_or_default(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn seconds_must_be_finite_and_not_negative() {
        for (text, key, line) in [
            ("[hook]\ntimeout = -1\n", "hook.timeout", 2),
            ("[hook]\ntimeout = nan\n", "hook.timeout", 2),
            (
                "[network]\nidle-timeout = 1\nmax-wait = -0.5\n",
                "network.max-wait",
                3,
            ),
            ("network.backoff-base = inf\n", "network.backoff-base", 1),
        ] {
            match parse_file(Path::new("c.toml"), text) {
                Err(ConfigError::Seconds {
                    key: k, line: l, ..
                }) => {
                    assert_eq!((k, l), (key, line), "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(parse_file(Path::new("c.toml"), "[hook]\ntimeout = 0\n").is_ok());
        assert!(check_file(Path::new("c.toml"), "[hook]\ntimeout = -1\n", false).is_err());
        assert!(check_file(Path::new("c.toml"), "model = \"x\"\n", true).is_err());
        assert!(check_file(Path::new("c.toml"), "model = \"x\"\n", false).is_ok());
    }

    #[test]
    fn toml_errors_name_the_place_never_the_line() {
        let key = "sk-SECRETSECRET123456";
        for text in [
            format!("model = \"m\"\napi-key = \"{key}\n"),
            format!("model = \"m\"\napi-key = {key}\n"),
            format!("model = \"m\"\napi-key-cmd = \"{key}\"\n"),
        ] {
            let err = parse_file(Path::new("c.toml"), &text).unwrap_err();
            let ConfigError::Parse { source, .. } = &err else {
                panic!("{err:?}")
            };
            let mut shown = format!("{err}");
            let mut cause: Option<&dyn std::error::Error> = Some(&**source);
            while let Some(c) = cause {
                shown.push_str(&format!("\n{c}"));
                cause = c.source();
            }
            assert!(!shown.contains("SECRET"), "{shown}");
            assert!(shown.contains("line 2, column"), "{shown}");
            assert_eq!(source.line(), 2);
        }
        let plain = TomlSyntax::new(
            "a = \"b\n",
            Some(4..5),
            "invalid basic string, expected `\"`",
        );
        assert_eq!(plain.message(), "invalid basic string, expected `\"`");
        assert_eq!(
            plain.to_string(),
            "TOML parse error at line 1, column 5, key `a`"
        );
        assert_eq!(
            mask_quoted("invalid type: string \"sk-abcdef\", expected `\"`"),
            "invalid type: string \"****\", expected `\"`"
        );
    }

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn defaults_resolve_alone() {
        let config = resolve(&Env::default(), None, &Overrides::default()).unwrap();
        assert_eq!(config.settings.provider, "auto");
        assert_eq!(config.settings.api_key, KeySource::None);
        assert_eq!(config.settings.style, Style::default());
        assert_eq!(config.settings.hook.timeout, Duration::from_secs(20));
        assert_eq!(config.settings.hook.skip_sources.len(), 5);
        assert_eq!(config.origins["message.max-subject"].1, Layer::Default);
        assert!(config.files.is_empty());
    }

    #[test]
    fn layers_apply_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let user = write(
            dir.path(),
            "user.toml",
            "[message]\nmax-subject = 60\nbody = false\nwrap = 50\n",
        );
        write(
            dir.path(),
            REPO_FILE,
            "[message]\nmax-subject = 50\nconventional = false\n",
        );
        let env = Env::from_pairs(
            &[
                (env_vars::CONFIG, user.to_str().unwrap()),
                (env_vars::MAX_SUBJECT, "40"),
            ],
            None,
        );
        let flags = Overrides {
            conventional: Some(true),
            ..Overrides::default()
        };
        let config = resolve(&env, Some(dir.path()), &flags).unwrap();
        let style = &config.settings.style;
        assert_eq!(style.max_subject, 40);
        assert!(style.conventional);
        assert!(!style.body);
        assert_eq!(style.wrap, 50);
        assert_eq!(
            config.origins["message.max-subject"].1,
            Layer::Env(env_vars::MAX_SUBJECT)
        );
        assert_eq!(config.origins["message.conventional"].1, Layer::Flag);
        assert_eq!(config.origins["message.wrap"].1, Layer::User(user));
        assert_eq!(config.files.len(), 2);
    }

    #[test]
    fn typo_names_key_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let user = write(dir.path(), "c.toml", "[message]\nmax-subjet = 60\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        let err = resolve(&env, None, &Overrides::default()).unwrap_err();
        let source = std::error::Error::source(&err).unwrap().to_string();
        assert!(err.to_string().contains("c.toml"), "{err}");
        assert!(
            source.contains("max-subjet") && source.contains("line 2"),
            "{source}"
        );
    }

    #[test]
    fn broken_toml_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), REPO_FILE, "[message\nbody = \n");
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        assert!(matches!(err, ConfigError::Parse { .. }), "{err:?}");
    }

    #[test]
    fn repository_file_cannot_choose_where_data_goes() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            REPO_FILE,
            "# style\n[message]\nbody = false\n\nprovider = \"x\"\n",
        );
        // `provider` after [message] belongs to that table: an unknown key there.
        assert!(resolve(&Env::default(), Some(dir.path()), &Overrides::default()).is_err());
        write(
            dir.path(),
            REPO_FILE,
            "# hostile\nmodel = \"gpt\"\n[message]\nbody = false\n",
        );
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        match err {
            ConfigError::Untrusted { key, line, .. } => {
                assert_eq!((key.as_str(), line), ("model", 2))
            }
            other => panic!("{other:?}"),
        }
        // The same key is fine in the user's own file.
        let user = write(dir.path(), "user.toml", "model = \"gpt\"\n");
        write(dir.path(), REPO_FILE, "[message]\nbody = false\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        let config = resolve(&env, Some(dir.path()), &Overrides::default()).unwrap();
        assert_eq!(config.settings.model.as_deref(), Some("gpt"));
    }

    #[test]
    fn keys_are_masked_everywhere() {
        let dir = tempfile::tempdir().unwrap();
        let user = write(dir.path(), "user.toml", "api-key = \"sk-live-123456789\"\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        let config = resolve(&env, None, &Overrides::default()).unwrap();
        assert_eq!(config.origins["api-key"].0, "\"****\"");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&user, std::fs::Permissions::from_mode(0o644)).unwrap();
            let open = resolve(&env, None, &Overrides::default()).unwrap();
            assert!(
                open.warnings[0].contains("chmod 600"),
                "{:?}",
                open.warnings
            );
            std::fs::set_permissions(&user, std::fs::Permissions::from_mode(0o600)).unwrap();
            let closed = resolve(&env, None, &Overrides::default()).unwrap();
            assert!(closed.warnings.is_empty());
        }
        let shown = format!("{config:?}");
        assert!(!shown.contains("sk-live"), "{shown}");
        assert_eq!(
            config.settings.api_key,
            KeySource::Value(Secret::new("sk-live-123456789"))
        );
        let env = Env::from_pairs(&[(env_vars::API_KEY, "sk-env-987654321")], None);
        let config = resolve(&env, None, &Overrides::default()).unwrap();
        assert!(!format!("{config:?}").contains("sk-env"));
    }

    #[test]
    fn repository_may_tighten_redaction_never_loosen_it() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), REPO_FILE, "[redact]\nallow = [\"sk-.*\"]\n");
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("`redact.allow`"), "{err}");
        let user = write(dir.path(), "user.toml", "[redact]\npolicy = \"abort\"\n");
        let env = Env::from_pairs(&[(env_vars::CONFIG, user.to_str().unwrap())], None);
        write(dir.path(), REPO_FILE, "[redact]\npolicy = \"redact\"\n");
        let config = resolve(&env, Some(dir.path()), &Overrides::default()).unwrap();
        assert_eq!(config.settings.redact.policy, crate::redact::Policy::Abort);
        write(
            dir.path(),
            REPO_FILE,
            "[redact]\npolicy = \"withhold-file\"\n",
        );
        let config = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap();
        assert_eq!(
            config.settings.redact.policy,
            crate::redact::Policy::WithholdFile
        );
    }

    #[test]
    fn bad_env_value_names_the_variable() {
        let env = Env::from_pairs(&[(env_vars::HOOK_TIMEOUT, "soon")], None);
        let err = resolve(&env, None, &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("GIT_HERALD_HOOK_TIMEOUT"), "{err}");
        let env = Env::from_pairs(&[(env_vars::HOOK_TIMEOUT, "1.5")], None);
        let config = resolve(&env, None, &Overrides::default()).unwrap();
        assert_eq!(config.settings.hook.timeout, Duration::from_millis(1500));
    }

    #[test]
    fn changelog_defaults_match_the_built_in_options() {
        let config = resolve(&Env::default(), None, &Overrides::default()).unwrap();
        assert_eq!(config.settings.changelog, ChangelogOptions::default());
    }

    #[test]
    fn repository_file_may_set_changelog_sections() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            REPO_FILE,
            "[changelog]\nhidden = []\npre-releases = \"fold\"\n\
             sections = [{ title = \"New\", types = [\"feat\"] }]\n",
        );
        let config = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap();
        let changelog = &config.settings.changelog;
        assert!(changelog.hidden.is_empty());
        assert_eq!(changelog.pre_releases, PreReleases::Fold);
        assert_eq!(changelog.sections.len(), 1);
        assert_eq!(changelog.tag_pattern, crate::changelog::TAG_PATTERN);
        write(dir.path(), REPO_FILE, "[changelog]\nsectons = []\n");
        let err = resolve(&Env::default(), Some(dir.path()), &Overrides::default()).unwrap_err();
        let source = std::error::Error::source(&err).unwrap().to_string();
        assert!(source.contains("sectons"), "{source}");
    }

    #[test]
    fn repository_template_stays_inside_the_repository() {
        let dir = tempfile::tempdir().unwrap();
        let resolved = |text: &str| {
            write(dir.path(), REPO_FILE, text);
            resolve(&Env::default(), Some(dir.path()), &Overrides::default())
        };
        let config = resolved("[changelog]\ntemplate = \".github/notes.j2\"\n").unwrap();
        assert_eq!(
            config.settings.changelog.template,
            Some(dir.path().join(".github/notes.j2"))
        );
        for bad in ["/etc/passwd", "../notes.j2", "a/../../b"] {
            let err = resolved(&format!(
                "[changelog]\nforge = \"none\"\ntemplate = \"{bad}\"\n"
            ))
            .unwrap_err();
            assert!(
                matches!(err, ConfigError::RepoTemplate { line: 3, .. }),
                "{bad}: {err:?}"
            );
        }
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            write(outside.path(), "secret", "x");
            std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("link"))
                .unwrap();
            assert!(matches!(
                resolved("[changelog]\ntemplate = \"link\"\n"),
                Err(ConfigError::RepoTemplate { .. })
            ));
        }
    }

    #[test]
    fn every_listed_key_is_one_the_file_format_takes() {
        let sample = |key: &str, kind: KeyKind| match (key, kind) {
            ("provider", _) => "\"openai\"".to_owned(),
            ("message.ticket", _) => "\"scope\"".to_owned(),
            ("changelog.pre-releases", _) => "\"fold\"".to_owned(),
            ("changelog.forge", _) => "\"none\"".to_owned(),
            ("redact.policy", _) => "\"abort\"".to_owned(),
            ("message.conventions", _) => "\"off\"".to_owned(),
            ("message.gitmoji", _) => "\"shortcode\"".to_owned(),
            ("changelog.sections", _) => "[{ title = \"New\", types = [\"feat\"] }]".into(),
            ("redact.rules", _) => "[{ id = \"x\", regex = \"x\" }]".into(),
            (_, KeyKind::Bool) => "true".into(),
            (_, KeyKind::Integer) => "3".into(),
            (_, KeyKind::Number) => "1.5".into(),
            (_, KeyKind::String) => "\"x\"".into(),
            (_, KeyKind::Strings) => "[\"x\"]".into(),
            (_, KeyKind::Toml | KeyKind::BoolOrString) => unreachable!("each is named above"),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.toml");
        let env = Env::from_pairs(&[(env_vars::CONFIG, path.to_str().unwrap())], None);
        let keys = KEYS
            .iter()
            .copied()
            .chain(MODEL_KEYS.iter().map(|&(field, kind)| {
                (
                    Box::leak(format!("models.m.{field}").into_boxed_str()) as &str,
                    kind,
                )
            }));
        for (key, kind) in keys {
            let (parts, found) = key_path(key).unwrap();
            assert_eq!(found, kind);
            let (table, leaf) = parts.split_at(parts.len() - 1);
            let header = if table.is_empty() {
                String::new()
            } else {
                format!("[{}]\n", table.join("."))
            };
            let text = format!("{header}{} = {}\n", leaf[0], sample(key, kind));
            std::fs::write(&path, &text).unwrap();
            let resolved = resolve(&env, None, &Overrides::default());
            assert!(resolved.is_ok(), "{key}: {text}\n{resolved:?}");
        }
        let defaults = resolve(&Env::default(), None, &Overrides::default()).unwrap();
        for key in defaults.origins.keys() {
            assert!(key_path(key).is_some(), "{key} is missing from KEYS");
        }
        assert_eq!(key_path("message.max-subjet"), None);
        assert_eq!(
            key_path("models.gpt-4.1.context-window").unwrap().0,
            ["models", "gpt-4.1", "context-window"]
        );
        assert!(repo_may_set("message.body") && repo_may_set("redact.policy"));
        assert!(!repo_may_set("provider") && !repo_may_set("redact.allow"));
    }

    #[test]
    fn repo_config_can_be_ignored() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), REPO_FILE, "model = \"x\"\n");
        let env = Env::from_pairs(&[(env_vars::NO_REPO_CONFIG, "1")], None);
        assert!(resolve(&env, Some(dir.path()), &Overrides::default()).is_ok());
    }
}
