//! The configuration file as written, every key declared once in the table below: its key,
//! its Rust type, its shape (how `config set`, `config show` and the env read it), who may set
//! it (the trust rule) and how layers combine it. The serde structs (`deny_unknown_fields`),
//! the key list, the merge and the env layer are all made from that one table.
//!
//! What each key means, for users, is in `src/defaults.toml`; what it resolves to, in
//! `settings`.

use super::env::{parse_bool, parse_bool_or_word, parse_number, parse_seconds};
use super::error::TomlSyntax;
use super::keys::{Field, KeyKind, Shape, Trust, add, replace};
use super::{ConfigError, Env, Layer, env_vars};
use crate::changelog::{ForgeSetting, PreReleases, SectionSpec};
use crate::conventions::Mode as ConventionsMode;
use crate::gitmoji::Gitmoji;
use crate::redact::{Policy as RedactPolicy, RuleSpec};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Name of the per-repository file, at the top of the work tree.
pub const REPO_FILE: &str = ".git-herald.toml";
/// The built-in defaults, commented: the lowest layer, and the manual page's CONFIGURATION.
pub const DEFAULTS: &str = include_str!("../defaults.toml");

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

/// `message.conventional`: write Conventional Commits headers always, never, or as the
/// repository's own history does (`"auto"`, the default: no history means Conventional
/// Commits; a commitlint or cocogitto file means them too).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ConventionalMode {
    #[default]
    Auto,
    On,
    Off,
}

impl std::fmt::Display for ConventionalMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConventionalMode::Auto => "\"auto\"",
            ConventionalMode::On => "true",
            ConventionalMode::Off => "false",
        })
    }
}

impl<'de> Deserialize<'de> for ConventionalMode {
    /// Reads `true`, `false` and `"auto"`.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ConventionalMode;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("true, false or \"auto\"")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<ConventionalMode, E> {
                Ok(if v {
                    ConventionalMode::On
                } else {
                    ConventionalMode::Off
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ConventionalMode, E> {
                match v {
                    "auto" => Ok(ConventionalMode::Auto),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A model's figures, overriding or adding to the built-in table (`[models."NAME"]`).
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

/// The keys of one `[models."NAME"]` table: the fields of `ModelConfig`, a map the file table
/// below cannot declare (its keys are model names).
pub const MODEL_KEYS: &[(&str, KeyKind)] = &[
    ("context-window", KeyKind::Integer),
    ("max-output", KeyKind::Integer),
    ("input-price", KeyKind::Number),
    ("output-price", KeyKind::Number),
];

/// Reads a `GIT_HERALD_*` value as the key's shape wants it; a shape with no arm here cannot
/// have a variable.
macro_rules! env_value {
    (Text, $var:expr, $value:ident) => {
        $value.to_owned()
    };
    // Checked when settled (`provider`).
    (Choice, $var:expr, $value:ident) => {
        $value.to_owned()
    };
    (Url, $var:expr, $value:ident) => {
        $value.to_owned()
    };
    (Secret, $var:expr, $value:ident) => {
        $value.to_owned()
    };
    (Path, $var:expr, $value:ident) => {
        PathBuf::from($value)
    };
    (Bool, $var:expr, $value:ident) => {
        parse_bool($var, $value)?
    };
    (Count, $var:expr, $value:ident) => {
        parse_number($var, $value)?
    };
    (Seconds, $var:expr, $value:ident) => {
        parse_seconds($var, $value)?
    };
    (BoolOrWord, $var:expr, $value:ident) => {
        parse_bool_or_word($var, $value)?
    };
}

/// Sets one key from its variable, if it has one (`-`: none) and it is set, and notes where
/// the value came from.
macro_rules! read_env {
    ($env:ident, $origins:ident, $place:expr, $key:expr, $shape:ident, -) => {};
    ($env:ident, $origins:ident, $place:expr, $key:expr, $shape:ident, $var:ident) => {
        if let Some(value) = $env.get(env_vars::$var) {
            $place = Some(env_value!($shape, env_vars::$var, value));
            $origins.insert(
                $key.to_owned(),
                (Shape::$shape.show_raw(value), Layer::Env(env_vars::$var)),
            );
        }
    };
}

/// `env_var!(-)` is no variable, `env_var!(NAME)` is `env_vars::NAME`.
macro_rules! env_var {
    (-) => {
        None
    };
    ($var:ident) => {
        Some(env_vars::$var)
    };
}

/// Lays one key of a higher layer over a lower one.
macro_rules! merge_key {
    (Set, $into:expr, $from:expr) => {
        replace(&mut $into, $from)
    };
    (Add, $into:expr, $from:expr) => {
        add(&mut $into, $from)
    };
}

/// Makes, from one table of keys, `FileConfig` and its section structs, `FIELDS` and `KEYS`,
/// `FileConfig::merge` and `FileConfig::from_env`.
///
/// A row is `"key" field: Type = Shape, Trust, Merge, ENV_VAR;` (see `keys::Shape`,
/// `keys::Trust`; `Merge` is `Set`, a higher layer's value replacing a lower one's, or `Add`
/// for lists that add up across layers; `-` for no variable). Top-level keys come first, then
/// one `["table"] field: Struct { … }` per table.
macro_rules! file_format {
    (
        $(
            $rkey:literal $rfield:ident: $rty:ty =
                $rshape:ident, $rtrust:ident, $rmerge:ident, $renv:tt;
        )*
        $(
            $(#[doc = $sdoc:literal])*
            [$section:literal] $sfield:ident: $sty:ident {
                $(
                    $key:literal $field:ident: $ty:ty =
                        $shape:ident, $trust:ident, $merge:ident, $env:tt;
                )*
            }
        )*
    ) => {
        /// One configuration file as written (every key optional; unknown keys are errors).
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct FileConfig {
            $( #[serde(rename = $rkey)] pub(super) $rfield: Option<$rty>, )*
            $( #[serde(rename = $section, default)] pub(super) $sfield: $sty, )*
            /// `[models."NAME"]`: a model's figures; a higher layer's table for a model replaces
            /// the lower one's whole (keys in `MODEL_KEYS`).
            #[serde(default)]
            pub(super) models: BTreeMap<String, ModelConfig>,
        }

        $(
            $(#[doc = $sdoc])*
            #[derive(Debug, Default, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub(super) struct $sty {
                $( #[serde(rename = $key)] pub(super) $field: Option<$ty>, )*
            }
        )*

        /// Every key of the file but `models.*`, in file order.
        pub(super) const FIELDS: &[Field] = &[
            $(
                Field {
                    key: $rkey,
                    shape: Shape::$rshape,
                    trust: Trust::$rtrust,
                    env: env_var!($renv),
                },
            )*
            $($(
                Field {
                    key: concat!($section, ".", $key),
                    shape: Shape::$shape,
                    trust: Trust::$trust,
                    env: env_var!($env),
                },
            )*)*
        ];

        /// Every key a configuration file may set, dotted, with its type. `models."NAME".*`
        /// keys are in `MODEL_KEYS`. A test checks each one against the file format.
        pub const KEYS: &[(&str, KeyKind)] = &[
            $( ($rkey, Shape::$rshape.kind()), )*
            $($( (concat!($section, ".", $key), Shape::$shape.kind()), )*)*
        ];

        impl FileConfig {
            /// Lays a higher layer over this one: a key it sets replaces this one's, or for
            /// `Add` keys adds to it; a model's table replaces this one's whole.
            pub(super) fn merge(&mut self, from: FileConfig) {
                $( merge_key!($rmerge, self.$rfield, from.$rfield); )*
                $($( merge_key!($merge, self.$sfield.$field, from.$sfield.$field); )*)*
                self.models.extend(from.models);
            }

            /// Reads the env layer: each key's `GIT_HERALD_*` variable that is set, with what
            /// `config show` prints for it in `origins`.
            pub(super) fn from_env(
                env: &Env,
                origins: &mut BTreeMap<String, (String, Layer)>,
            ) -> Result<FileConfig, ConfigError> {
                let mut file = FileConfig::default();
                $( read_env!(env, origins, file.$rfield, $rkey, $rshape, $renv); )*
                $($(
                    read_env!(
                        env,
                        origins,
                        file.$sfield.$field,
                        concat!($section, ".", $key),
                        $shape,
                        $env
                    );
                )*)*
                Ok(file)
            }
        }
    };
}

// The one list of settings. Shapes: Text, Choice (a word from a set), Path, Url (credentials
// masked when shown), Secret and Command (never shown), Texts, Bool, Count, Number, Seconds,
// BoolOrWord, Toml. Trust: Repo (the repository's own file may set it too) or User (the user's
// file, the env and flags only).
file_format! {
    // key                field: type              = shape,   trust, merge, variable
    "provider"            provider: String         = Choice,  User, Set, PROVIDER;
    "model"               model: String            = Text,    User, Set, MODEL;
    "base-url"            base_url: String         = Url,     User, Set, BASE_URL;
    "api-key"             api_key: String          = Secret,  User, Set, API_KEY;
    "api-key-cmd"         api_key_cmd: Vec<String> = Command, User, Set, -;
    "proxy"               proxy: String            = Url,     User, Set, PROXY;

    /// `[network]`: time-outs and retries of model calls.
    ["network"] network: NetworkConfig {
        "connect-timeout"     connect_timeout: f64     = Seconds, User, Set, CONNECT_TIMEOUT;
        "first-token-timeout" first_token_timeout: f64 = Seconds, User, Set, FIRST_TOKEN_TIMEOUT;
        "idle-timeout"        idle_timeout: f64        = Seconds, User, Set, IDLE_TIMEOUT;
        "deadline"            deadline: f64            = Seconds, User, Set, DEADLINE;
        "attempts"            attempts: u32            = Count,   User, Set, ATTEMPTS;
        "backoff-base"        backoff_base: f64        = Seconds, User, Set, BACKOFF_BASE;
        "max-wait"            max_wait: f64            = Seconds, User, Set, -;
    }
    /// `[azure]`: the Azure OpenAI deployment.
    ["azure"] azure: AzureConfig {
        "endpoint"            endpoint: String    = Url,  User, Set, -;
        "deployment"          deployment: String  = Text, User, Set, -;
        "api-version"         api_version: String = Text, User, Set, -;
    }
    /// `[usage]`: the usage log.
    ["usage"] usage: UsageConfig {
        "path"                path: PathBuf = Path, User, Set, USAGE_FILE;
        "enabled"             enabled: bool = Bool, User, Set, -;
    }
    /// `[budget]`: fitting large changes to the model.
    ["budget"] budget: BudgetConfig {
        "context-window"      context_window: u64 = Count,  User, Set, CONTEXT_WINDOW;
        "margin"              margin: f64         = Number, User, Set, -;
        "concurrency"         concurrency: usize  = Count,  User, Set, CONCURRENCY;
        "max-calls"           max_calls: usize    = Count,  User, Set, MAX_CALLS;
        "max-cost"            max_cost: f64       = Number, User, Set, -;
    }
    /// `[cache]`: the answer cache.
    ["cache"] cache: CacheConfig {
        "enabled"             enabled: bool    = Bool,  User, Set, -;
        "path"                path: PathBuf    = Path,  User, Set, CACHE_DIR;
        "max-size-mb"         max_size_mb: u64 = Count, User, Set, -;
    }
    /// `[message]`: how commit messages are written.
    ["message"] message: MessageConfig {
        "conventional"        conventional: ConventionalMode = BoolOrWord, Repo, Set, CONVENTIONAL;
        "language"            language: String             = Text,       Repo, Set, LANGUAGE;
        "ticket"              ticket: TicketMode           = Choice,     Repo, Set, -;
        "ticket-pattern"      ticket_pattern: String       = Text,       Repo, Set, -;
        "max-subject"         max_subject: usize           = Count,      Repo, Set, MAX_SUBJECT;
        "body"                body: bool                   = Bool,       Repo, Set, BODY;
        "wrap"                wrap: usize                  = Count,      Repo, Set, -;
        "conventions"         conventions: ConventionsMode = Choice,     Repo, Set, -;
        "types"               types: Vec<String>           = Texts,      Repo, Set, -;
        "scopes"              scopes: Vec<String>          = Texts,      Repo, Set, -;
        "gitmoji"             gitmoji: Gitmoji             = BoolOrWord, Repo, Set, -;
        "instructions"        instructions: String         = Text,       Repo, Set, -;
    }
    /// `[filter]`: which files are sent as text, as stats, or withheld.
    ["filter"] filter: FilterConfig {
        "withhold"            withhold: Vec<String>   = Texts, Repo, Set, -;
        "stats-only"          stats_only: Vec<String> = Texts, Repo, Set, -;
        "text"                text: Vec<String>       = Texts, Repo, Set, -;
        "max-file-bytes"      max_file_bytes: usize   = Count, Repo, Set, -;
    }
    /// `[hook]`: the prepare-commit-msg hook.
    ["hook"] hook: HookConfig {
        "timeout"             timeout: f64              = Seconds, Repo, Set, HOOK_TIMEOUT;
        "skip-sources"        skip_sources: Vec<String> = Texts,   Repo, Set, -;
    }
    /// `[changelog]`: `git herald changelog` and `release-notes`.
    ["changelog"] changelog: ChangelogConfig {
        "sections"            sections: Vec<SectionSpec> = Toml,   Repo, Set, -;
        "hidden"              hidden: Vec<String>        = Texts,  Repo, Set, -;
        "tag-pattern"         tag_pattern: String        = Text,   Repo, Set, -;
        "pre-releases"        pre_releases: PreReleases  = Choice, Repo, Set, -;
        "first-parent"        first_parent: bool         = Bool,   Repo, Set, -;
        "forge"               forge: ForgeSetting        = Choice, Repo, Set, -;
        "template"            template: PathBuf          = Path,   Repo, Set, -;
    }
    /// `[redact]`: extra rules, allowlists and what to do on a finding. A repository may add
    /// rules or make the policy stricter, never exempt anything from redaction.
    ["redact"] redact: RedactConfig {
        "policy"              policy: RedactPolicy     = Choice, Repo, Set, -;
        "rules"               rules: Vec<RuleSpec>     = Toml,   Repo, Add, -;
        "allow"               allow: Vec<String>       = Texts,  User, Add, -;
        "allow-paths"         allow_paths: Vec<String> = Texts,  User, Add, -;
    }
}

/// Reads a configuration file: a regular file of at most 1 MiB (issue 14: the repository's
/// file may be a symlink to `/dev/tty` or `/dev/zero`).
pub(super) fn read_file(path: &Path) -> Result<Option<String>, ConfigError> {
    crate::files::read_capped(path, crate::files::MAX_BYTES).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })
}

pub(super) fn parse_file(
    path: &Path,
    text: &str,
) -> Result<(toml::Table, FileConfig), ConfigError> {
    let parse_error = |source: toml::de::Error| ConfigError::Parse {
        path: path.to_owned(),
        source: Box::new(TomlSyntax::new(text, source.span(), source.message())),
    };
    let table: toml::Table = toml::from_str(text).map_err(parse_error)?;
    let typed: FileConfig = toml::from_str(text).map_err(parse_error)?;
    // A negative or endless time-out would make the hook or a request give up at once.
    for field in FIELDS.iter().filter(|f| f.shape == Shape::Seconds) {
        let value = match value_at(&table, field.key) {
            Some(toml::Value::Float(value)) => *value,
            // As serde reads an integer into an `f64`.
            Some(toml::Value::Integer(value)) => *value as f64,
            _ => continue,
        };
        if !is_seconds(value) {
            return Err(ConfigError::Seconds {
                path: path.to_owned(),
                key: field.key,
                value,
                line: line_of_dotted(text, field.key),
            });
        }
    }
    Ok((table, typed))
}

/// Returns the value a file's table holds at a dotted key (`network.deadline`), if any.
pub(super) fn value_at<'t>(table: &'t toml::Table, dotted: &str) -> Option<&'t toml::Value> {
    let (tables, leaf) = match dotted.rsplit_once('.') {
        Some((tables, leaf)) => (tables.split('.').collect(), leaf),
        None => (Vec::new(), dotted),
    };
    let mut table = table;
    for name in tables {
        table = table.get(name)?.as_table()?;
    }
    table.get(leaf)
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

/// Tells whether a number is a usable count of seconds: finite, from 0 to an hour.
pub(super) fn is_seconds(value: f64) -> bool {
    value.is_finite() && (0.0..=MAX_SECONDS).contains(&value)
}

/// The longest time-out any setting takes: an hour (issue 14: `1e19` was accepted).
pub const MAX_SECONDS: f64 = 3600.0;

/// Finds the 1-based line where `key` is assigned or opened as a table.
pub(super) fn line_of(text: &str, key: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::check_file;

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
}
