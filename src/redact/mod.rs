//! Secret redaction: every byte bound for a model passes through here. Rules find secrets,
//! each is replaced by `[REDACTED:<rule-id>]` with the rest of the line kept, and findings
//! name the rule, file and line — never the secret, nor any part of it.
//!
//! Speed comes from a keyword prefilter: one Aho-Corasick pass finds the lines where a rule
//! could match, and only those rules' regexes run, on those lines only, each compiled the
//! first time it is needed (see `rules` for the keywords). On large inputs that pass walks a
//! DFA over four parts of the text side by side, so their table loads overlap.
//!
//! Here: the settings, errors and findings. `redactor` builds the rules and redacts texts and
//! diffs, `scan` runs them over one document, `doc` knows a document's lines and files,
//! `redacted` holds what comes out; `rules`, `generic`, `structural` and `value` find secrets.

mod doc;
mod generic;
#[cfg(test)]
mod leaks;
mod redacted;
mod redactor;
mod rules;
mod scan;
mod stream;
mod structural;
#[cfg(test)]
mod tests;
mod value;
mod wall;

pub use wall::{FileTexts, RedactedChunk};

pub use redacted::{Redacted, RedactedDiff, by_rule};
pub use redactor::Redactor;

use scan::Scan;
use serde::Deserialize;
use std::fmt;
pub use stream::StreamError;

/// An inline comment that keeps its line as it is.
pub const ALLOW_MARKER: &str = "herald:allow";

/// What to do when the changes hold a secret.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// Replace each secret with `[REDACTED:<rule>]` and warn (the default).
    #[default]
    Redact,
    /// Send nothing and fail.
    Abort,
    /// Send the files that hold secrets as a stats line only.
    WithholdFile,
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Policy::Redact => "redact",
            Policy::Abort => "abort",
            Policy::WithholdFile => "withhold-file",
        })
    }
}

/// A rule from the configuration (`[[redact.rules]]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSpec {
    /// Shown in `[REDACTED:<id>]` and in findings.
    pub id: String,
    /// Matched against each line (bytes, Unicode off); the first capture group that takes part
    /// is the secret, else the whole match.
    pub regex: String,
    /// The rule runs only on lines holding one of these (any case); none: every line.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Least Shannon entropy, in bits per byte, for a match to count.
    pub entropy: Option<f64>,
}

/// Settings of the redactor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RedactOptions {
    pub policy: Policy,
    /// Extra rules, after the built-in ones.
    pub rules: Vec<RuleSpec>,
    /// Regexes: a finding whose secret matches one is kept as is.
    pub allow: Vec<String>,
    /// Globs: files never redacted.
    pub allow_paths: Vec<String>,
}

/// Errors from building a redactor out of the configuration.
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("invalid regex for rule `{id}` in `redact.rules`")]
    Rule {
        id: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error(
        "invalid rule id `{0}` in `redact.rules`: use lower-case letters, digits and `-`, \
         and no built-in id"
    )]
    RuleId(String),
    #[error("invalid regex `{pattern}` in `redact.allow`")]
    Allow {
        pattern: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("invalid glob `{glob}` in `redact.allow-paths`")]
    AllowPath {
        glob: String,
        #[source]
        source: globset::Error,
    },
    #[error("failed to build the keyword matcher")]
    Keywords(#[source] aho_corasick::BuildError),
}

/// One secret found: which rule, where. Never the secret.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub rule: String,
    pub file: String,
    /// 1-based line in the file (for a diff: the new side, or the old side of a removed line).
    pub line: usize,
}
