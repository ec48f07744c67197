//! The repository's own commit conventions: the rules its commitlint, git-cliff or cocogitto
//! configuration sets (allowed types and scopes, subject case, header length), read as text
//! from the top of the work tree, and the checks and fixes that make a message follow them.
//!
//! A repository's files are untrusted input: nothing here runs them. A `commitlint.config.js`
//! is read by a small tolerant extractor that understands literal arrays, strings and numbers
//! and gives up quietly on anything computed; YAML is read by an equally small subset reader.
//! A file that cannot be read becomes one warning, never an error.

mod files;
mod script;
mod yaml;

pub use files::load;
#[cfg(test)]
use files::*;

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// Whether to read the repository's convention files (`[message] conventions`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Read commitlint, cocogitto, committed and git-cliff files when present.
    #[default]
    Auto,
    /// Ignore them (explicit `types`/`scopes` still apply).
    Off,
}

/// A rule's value and where it came from, in words for messages: "commitlint's type-enum
/// (.commitlintrc.json)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule<T> {
    pub value: T,
    pub origin: String,
}

/// A letter case as commitlint names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    Upper,
    Camel,
    Kebab,
    Pascal,
    Sentence,
    Snake,
    Start,
}

impl Case {
    fn from_name(name: &str) -> Option<Case> {
        Some(match name {
            "lower-case" | "lowercase" | "lower" => Case::Lower,
            "upper-case" | "uppercase" | "upper" => Case::Upper,
            "camel-case" => Case::Camel,
            "kebab-case" => Case::Kebab,
            "pascal-case" => Case::Pascal,
            "sentence-case" | "sentencecase" => Case::Sentence,
            "snake-case" => Case::Snake,
            "start-case" => Case::Start,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Case::Lower => "lower case",
            Case::Upper => "upper case",
            Case::Camel => "camel case",
            Case::Kebab => "kebab case",
            Case::Pascal => "pascal case",
            Case::Sentence => "sentence case",
            Case::Snake => "snake case",
            Case::Start => "start case",
        }
    }

    /// Converts `text` to this case, as commitlint's `to-case` does (lodash's word splitting,
    /// approximated).
    fn convert(self, text: &str) -> String {
        let words = || split_words(text);
        let upper_first = |w: &str| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        };
        match self {
            Case::Lower => text.to_lowercase(),
            Case::Upper => text.to_uppercase(),
            Case::Sentence => upper_first(text),
            Case::Kebab => words()
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join("-"),
            Case::Snake => words()
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join("_"),
            Case::Start => words()
                .iter()
                .map(|w| upper_first(w))
                .collect::<Vec<_>>()
                .join(" "),
            Case::Camel | Case::Pascal => {
                let joined: String = words()
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let lower = w.to_lowercase();
                        if i == 0 && self == Case::Camel {
                            lower
                        } else {
                            upper_first(&lower)
                        }
                    })
                    .collect();
                joined
            }
        }
    }

    /// Tells whether `text` is in this case, the way commitlint's `ensureCase` decides: text in
    /// backticks or quotes is ignored, and text that converts to nothing or to a leading digit
    /// passes.
    pub fn matches(self, text: &str) -> bool {
        let input = strip_quoted(text);
        let input = input.trim();
        let converted = self.convert(input);
        converted.is_empty() || converted.starts_with(|c: char| c.is_ascii_digit()) || {
            converted == input
        }
    }
}

/// Splits text into words on non-alphanumerics and case changes (`fooBar`, `XMLHttp`).
fn split_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                Some(p) if c.is_uppercase() => {
                    p.is_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
                }
                _ => false,
            };
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Removes text in backticks, double or single quotes (commitlint ignores it for case).
fn strip_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '`' | '"' | '\'') {
            let rest: String = chars.clone().collect();
            if let Some(end) = rest.find(c) {
                for _ in 0..rest[..end].chars().count() + 1 {
                    chars.next();
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A case rule: the text must be in one of `cases` (`always`) or in none of them (`never`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRule {
    pub never: bool,
    pub cases: Vec<Case>,
}

impl CaseRule {
    /// Tells whether `text` follows the rule. Text that does not start with a letter passes,
    /// as in commitlint.
    pub fn allows(&self, text: &str) -> bool {
        if !text.starts_with(char::is_alphabetic) {
            return true;
        }
        let any = self.cases.iter().any(|c| c.matches(text));
        any != self.never
    }

    /// Returns `text` changed as little as it takes to follow the rule, when a simple change
    /// does (lower-casing the first letter, then the whole text; or converting to the first
    /// case that is a plain conversion); otherwise `text` as it was.
    pub fn fix(&self, text: &str) -> String {
        if self.allows(text) {
            return text.to_owned();
        }
        let mut tries = Vec::new();
        if self.never {
            let mut chars = text.chars();
            if let Some(first) = chars.next() {
                tries.push(first.to_lowercase().chain(chars).collect::<String>());
            }
            tries.push(text.to_lowercase());
        } else {
            for case in &self.cases {
                if matches!(case, Case::Lower | Case::Upper | Case::Sentence) {
                    tries.push(case.convert(text));
                }
            }
        }
        tries
            .into_iter()
            .find(|t| self.allows(t))
            .unwrap_or_else(|| text.to_owned())
    }

    /// Describes the rule for a prompt or a message: "not in sentence case or upper case".
    pub fn describe(&self) -> String {
        let names: Vec<&str> = self.cases.iter().map(|c| c.name()).collect();
        let list = match names.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        if self.never {
            format!("not in {list}")
        } else {
            format!("in {list}")
        }
    }
}

/// The conventions a repository sets for commit messages. Every rule is optional; `None`
/// leaves that part free.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conventions {
    /// The allowed types (commitlint `type-enum`, cocogitto, git-cliff, `message.types`).
    pub types: Option<Rule<Vec<String>>>,
    /// The allowed scopes (commitlint `scope-enum`, `message.scopes`).
    pub scopes: Option<Rule<Vec<String>>>,
    /// commitlint `scope-empty`: `true` when a scope is required, `false` when forbidden.
    pub scope_required: Option<Rule<bool>>,
    /// commitlint `scope-case`.
    pub scope_case: Option<Rule<CaseRule>>,
    /// commitlint `subject-case`: the case of the summary after the colon.
    pub subject_case: Option<Rule<CaseRule>>,
    /// commitlint `header-max-length`.
    pub header_max: Option<Rule<usize>>,
    /// The file the rules were read from, relative to the top of the work tree.
    pub source: Option<PathBuf>,
    /// The types git-cliff's `commit_parsers` group (`cliff.toml`): a weak hint, never an
    /// allow-list. Its parsers only group; a commit no parser matches is still kept unless
    /// `filter_commits = true`, and its patterns may name things that are not types at all.
    pub type_hints: Option<Rule<Vec<String>>>,
}

/// Tells whether a path names a scope: a folder, a file or a file's stem equal to it, in any
/// case (`src/api/mod.rs` and `docs/api.md` both name `api`).
fn path_names(path: &str, scope: &str) -> bool {
    path.split('/').any(|part| {
        let stem = part.split('.').next().unwrap_or(part);
        part.eq_ignore_ascii_case(scope) || stem.eq_ignore_ascii_case(scope)
    })
}

/// A Conventional Commits header split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    pub kind: &'a str,
    pub scope: Option<&'a str>,
    pub breaking: bool,
    pub summary: &'a str,
}

impl<'a> Header<'a> {
    /// Parses `type(scope)!: summary`; `None` when the line is not such a header. The type is
    /// a word of letters, digits, `-` and `_` starting with a letter (`i18n`, `ui-kit`), and
    /// the summary starts right after `: `.
    ///
    /// The one header parser: the checks on a model's answer use it too, so a type the
    /// repository allows is never called "not a header", and the changelog reads history with
    /// it, so a header the checks accept is the header the changelog types. As the
    /// Conventional Commits spec and git-cliff (git-conventional) have it, one space follows
    /// the colon: `feat:\tx` and `feat:  x` are not headers.
    pub fn parse(line: &'a str) -> Option<Header<'a>> {
        let (head, summary) = line.split_once(": ")?;
        if !summary.starts_with(|c: char| !c.is_whitespace()) {
            return None;
        }
        let (head, breaking) = match head.strip_suffix('!') {
            Some(h) => (h, true),
            None => (head, false),
        };
        let (kind, scope) = match head.split_once('(') {
            Some((kind, rest)) => (kind, Some(rest.strip_suffix(')')?)),
            None => (head, None),
        };
        let word = |s: &str| {
            !s.is_empty()
                && s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        };
        if !word(kind) || scope.is_some_and(|s| s.contains(['(', ')', '\n'])) {
            return None;
        }
        Some(Header {
            kind,
            scope,
            breaking,
            summary,
        })
    }

    /// Writes the header back: `type(scope)!: summary`.
    pub fn render(kind: &str, scope: Option<&str>, breaking: bool, summary: &str) -> String {
        let bang = if breaking { "!" } else { "" };
        match scope {
            Some(scope) => format!("{kind}({scope}){bang}: {summary}"),
            None => format!("{kind}{bang}: {summary}"),
        }
    }
}

/// The ten types the offline engine writes, with the other names repositories give them,
/// nearest first. A repository's type is matched to the first of these lists that holds it.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "feat",
        &[
            "feat",
            "feature",
            "features",
            "add",
            "new",
            "enhancement",
            "improvement",
        ],
    ),
    ("fix", &["fix", "bugfix", "bug", "hotfix", "patch", "fixes"]),
    ("docs", &["docs", "doc", "documentation"]),
    ("test", &["test", "tests", "testing"]),
    (
        "refactor",
        &[
            "refactor",
            "refactoring",
            "cleanup",
            "improvement",
            "update",
        ],
    ),
    (
        "build",
        &["build", "deps", "dependencies", "release", "chore"],
    ),
    ("ci", &["ci", "build", "chore"]),
    (
        "chore",
        &[
            "chore",
            "chores",
            "misc",
            "maintenance",
            "maint",
            "other",
            "update",
            "build",
        ],
    ),
    ("perf", &["perf", "performance", "optimize", "improvement"]),
    ("style", &["style", "format", "formatting", "lint"]),
    ("revert", &["revert"]),
    ("security", &["security", "sec"]),
];

/// Returns the standard type a repository's type name stands for (`feature` → `feat`).
pub fn canonical(name: &str) -> Option<&'static str> {
    let name = name.to_ascii_lowercase();
    SYNONYMS
        .iter()
        .find(|(canonical, _)| *canonical == name)
        .or_else(|| {
            SYNONYMS
                .iter()
                .find(|(_, names)| names.contains(&name.as_str()))
        })
        .map(|(canonical, _)| *canonical)
}

/// The types Conventional Commits tools use when nothing narrows them (commitlint's
/// config-conventional, cocogitto's defaults).
const STANDARD_TYPES: [&str; 11] = [
    "build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test",
];

fn list(names: &[String]) -> String {
    names.join(", ")
}

impl Conventions {
    /// Tells whether no rule is set.
    pub fn is_empty(&self) -> bool {
        self.types.is_none()
            && self.scopes.is_none()
            && self.scope_required.is_none()
            && self.scope_case.is_none()
            && self.subject_case.is_none()
            && self.header_max.is_none()
    }

    /// Applies `[message] types` and `scopes`, which win over the files; an empty list lifts
    /// the file's restriction.
    pub fn with_explicit(
        mut self,
        types: Option<Vec<String>>,
        scopes: Option<Vec<String>>,
    ) -> Self {
        if let Some(types) = types {
            self.types = (!types.is_empty()).then(|| Rule {
                value: types,
                origin: "`message.types`".into(),
            });
        }
        if let Some(scopes) = scopes {
            self.scopes = (!scopes.is_empty()).then(|| Rule {
                value: scopes,
                origin: "`message.scopes`".into(),
            });
        }
        self
    }

    /// Returns how the repository spells the standard type `standard` (`feat` → `feature`),
    /// or `None` when it allows no type for it. With no type rule, `standard` itself.
    pub fn spelling(&self, standard: &str) -> Option<String> {
        let Some(types) = &self.types else {
            return Some(standard.to_owned());
        };
        if types.value.iter().any(|t| t == standard) {
            return Some(standard.to_owned());
        }
        let (_, names) = SYNONYMS.iter().find(|(c, _)| *c == standard)?;
        names.iter().find_map(|name| {
            types
                .value
                .iter()
                .find(|t| t.eq_ignore_ascii_case(name))
                .cloned()
        })
    }

    /// Returns the allowed type to use when none stands for what the change is: the first
    /// housekeeping-like one, else the first allowed.
    pub fn fallback_type(&self) -> Option<String> {
        let types = &self.types.as_ref()?.value;
        self.spelling("chore")
            .or_else(|| self.spelling("refactor"))
            .or_else(|| types.first().cloned())
    }

    /// Returns the scope to write given the one found from the paths and the paths of the
    /// change: the found scope when allowed (in the repository's spelling), else an allowed
    /// scope named by a folder or file every path goes through, else none. The scope case is
    /// applied when a simple change does it.
    pub fn fit_scope(&self, found: Option<String>, paths: &[&str]) -> Option<String> {
        if self.scope_required.as_ref().is_some_and(|r| !r.value) {
            return None;
        }
        let scope = match &self.scopes {
            None => found,
            Some(allowed) => {
                let pick = |name: &str| {
                    allowed
                        .value
                        .iter()
                        .find(|s| s.eq_ignore_ascii_case(name))
                        .cloned()
                };
                found.as_deref().and_then(pick).or_else(|| {
                    let in_every = |scope: &String| {
                        !paths.is_empty() && paths.iter().all(|p| path_names(p, scope))
                    };
                    allowed.value.iter().find(|s| in_every(s)).cloned()
                })
            }
        };
        match (&self.scope_case, scope) {
            (Some(rule), Some(scope)) => Some(rule.value.fix(&scope)),
            (_, scope) => scope,
        }
    }

    /// Tells whether the rules settle that headers are Conventional Commits: a commitlint,
    /// cocogitto or committed file does; git-cliff's parsers only group (a weak hint), and
    /// types set in git-herald's own config follow `message.conventional`.
    pub fn decides_form(&self) -> bool {
        self.source.as_ref().is_some_and(|source| {
            let name = source.to_string_lossy();
            name != "cliff.toml"
        })
    }

    /// Tells whether the rules require a scope (commitlint's `scope-empty: [2, never]`).
    pub fn requires_scope(&self) -> bool {
        self.scope_required.as_ref().is_some_and(|r| r.value)
    }

    /// Returns a scope for a change when the rules require one and [`Conventions::fit_scope`]
    /// found none: the allowed scope named (as a folder or a file's stem) by the most changed
    /// paths, the first of equals; else the only allowed scope; else none. `None` also when no
    /// scope is required or no list of scopes is given.
    pub fn required_scope(&self, paths: &[&str]) -> Option<String> {
        if !self.requires_scope() {
            return None;
        }
        let allowed = &self.scopes.as_ref()?.value;
        let mut best: Option<(usize, &String)> = None;
        for scope in allowed {
            let count = paths.iter().filter(|p| path_names(p, scope)).count();
            if count > 0 && best.is_none_or(|(most, _)| count > most) {
                best = Some((count, scope));
            }
        }
        let scope = match (best, allowed.as_slice()) {
            (Some((_, scope)), _) => scope.clone(),
            (None, [only]) => only.clone(),
            (None, _) => return None,
        };
        Some(match &self.scope_case {
            Some(rule) => rule.value.fix(&scope),
            None => scope,
        })
    }

    /// Returns the warning for a message written with no scope when the rules require one.
    pub fn missing_scope(&self) -> Option<String> {
        let rule = self.scope_required.as_ref().filter(|r| r.value)?;
        let which = match &self.scopes {
            Some(scopes) => format!(
                "none of the allowed scopes ({}) matches the changed files",
                list(&scopes.value)
            ),
            None => "no scope could be read from the changed files".to_owned(),
        };
        Some(format!(
            "the repository requires a scope ({}) and {which}; add one before committing",
            rule.origin
        ))
    }

    /// Returns what is wrong with a Conventional Commits header under these rules, in words a
    /// model can act on and a warning can show; `None` when it follows them or is not such a
    /// header (that is checked elsewhere). The length is checked by the caller.
    pub fn problem(&self, header: &Header<'_>) -> Option<String> {
        if let Some(types) = &self.types
            && !types.value.iter().any(|t| t == header.kind)
        {
            return Some(format!(
                "the message's type \"{}\" is not in {}; allowed: {}",
                header.kind,
                types.origin,
                list(&types.value)
            ));
        }
        match (&self.scope_required, header.scope) {
            (Some(rule), None) if rule.value => {
                return Some(format!(
                    "the message has no scope, and {} requires one",
                    rule.origin
                ));
            }
            (Some(rule), Some(_)) if !rule.value => {
                return Some(format!(
                    "the message has a scope, and {} forbids one",
                    rule.origin
                ));
            }
            _ => {}
        }
        if let Some(scope) = header.scope {
            let parts = || {
                scope
                    .split([',', '/', '\\'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            if let Some(scopes) = &self.scopes
                && let Some(bad) = parts().find(|p| !scopes.value.iter().any(|s| s == p))
            {
                return Some(format!(
                    "the message's scope \"{bad}\" is not in {}; allowed: {}{}",
                    scopes.origin,
                    list(&scopes.value),
                    if self.requires_scope() {
                        ""
                    } else {
                        ", or no scope"
                    }
                ));
            }
            if let Some(case) = &self.scope_case
                && let Some(bad) = parts().find(|p| !case.value.allows(p))
            {
                return Some(format!(
                    "the message's scope \"{bad}\" is {}; {} wants it {}",
                    if case.value.never { "in a case" } else { "not" },
                    case.origin,
                    case.value.describe()
                ));
            }
        }
        if let Some(case) = &self.subject_case
            && !case.value.allows(header.summary)
        {
            return Some(format!(
                "the summary \"{}\" is not written as {} wants: {}{}",
                header.summary,
                case.origin,
                case.value.describe(),
                if case.value.never && case.value.cases.contains(&Case::Sentence) {
                    " (start it with a lower-case letter)"
                } else {
                    ""
                }
            ));
        }
        None
    }

    /// Rewrites a header so it follows the subject and scope case rules, when a simple change
    /// does it (the offline engine's last step).
    pub fn conform(&self, line: &str) -> String {
        let Some(header) = Header::parse(line) else {
            return line.to_owned();
        };
        let summary = match &self.subject_case {
            Some(rule) => rule.value.fix(header.summary),
            None => header.summary.to_owned(),
        };
        Header::render(header.kind, header.scope, header.breaking, &summary)
    }
}

#[cfg(test)]
mod tests;
