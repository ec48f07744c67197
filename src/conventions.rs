//! The repository's own commit conventions: the rules its commitlint, git-cliff or cocogitto
//! configuration sets (allowed types and scopes, subject case, header length), read as text
//! from the top of the work tree, and the checks and fixes that make a message follow them.
//!
//! A repository's files are untrusted input: nothing here runs them. A `commitlint.config.js`
//! is read by a small tolerant extractor that understands literal arrays, strings and numbers
//! and gives up quietly on anything computed; YAML is read by an equally small subset reader.
//! A file that cannot be read becomes one warning, never an error.

mod script;
mod yaml;

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

/// Reads the allowed types from one tool's file: `Ok(None)` when it sets none.
type TypesReader = fn(&str) -> Result<Option<Vec<String>>, String>;

/// Largest convention file read; a larger one is skipped with a warning.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// commitlint's configuration files, in the order commitlint looks for them.
const COMMITLINT_FILES: &[&str] = &[
    "package.json",
    ".commitlintrc",
    ".commitlintrc.json",
    ".commitlintrc.yaml",
    ".commitlintrc.yml",
    ".commitlintrc.js",
    ".commitlintrc.cjs",
    ".commitlintrc.mjs",
    ".commitlintrc.ts",
    ".commitlintrc.cts",
    "commitlint.config.js",
    "commitlint.config.cjs",
    "commitlint.config.mjs",
    "commitlint.config.ts",
    "commitlint.config.cts",
];

/// Reads a file at the top of the work tree: `None` when it is not there; an error in words
/// (never the file's content) when it cannot be read.
fn read(top: &Path, name: &str) -> Option<Result<String, String>> {
    let path = top.join(name);
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() {
        return None;
    }
    if meta.len() > MAX_FILE_BYTES {
        return Some(Err(format!(
            "it is larger than {} KiB",
            MAX_FILE_BYTES / 1024
        )));
    }
    Some(std::fs::read_to_string(&path).map_err(|e| e.to_string()))
}

fn ignored(name: &str, why: &str) -> String {
    format!("ignored `{name}` ({why}); its commit rules are not applied")
}

/// Reads the repository's conventions from the top of its work tree: commitlint's file
/// (the first that commitlint itself would use), then cocogitto's `cog.toml` and git-cliff's
/// `cliff.toml` for the types when commitlint sets none. Returns the warnings for files that
/// could not be read; they never stop anything.
pub fn load(top: &Path) -> (Conventions, Vec<String>) {
    let mut warnings = Vec::new();
    let mut found = Conventions::default();
    for name in COMMITLINT_FILES {
        let Some(text) = read(top, name) else {
            continue;
        };
        let parsed = text.and_then(|text| commitlint_value(name, &text));
        match parsed {
            // package.json without a "commitlint" key is not commitlint's.
            Ok(None) => continue,
            Ok(Some(value)) => {
                found = from_commitlint(&value, name);
                found.source = Some(PathBuf::from(name));
            }
            Err(why) => warnings.push(ignored(name, &why)),
        }
        break;
    }
    if found.types.is_none() {
        let others: [(&str, TypesReader, &str); 3] = [
            ("cog.toml", cog_types, "cocogitto's commit_types"),
            (
                "committed.toml",
                committed_types,
                "committed's allowed_types",
            ),
            (
                ".committed.toml",
                committed_types,
                "committed's allowed_types",
            ),
        ];
        for (name, parse, what) in others {
            let Some(text) = read(top, name) else {
                continue;
            };
            match text.and_then(|t| parse(&t)) {
                Ok(Some(types)) => {
                    found.types = Some(Rule {
                        value: types,
                        origin: format!("{what} ({name})"),
                    });
                    found.source.get_or_insert_with(|| PathBuf::from(name));
                    break;
                }
                Ok(None) => {}
                Err(why) => warnings.push(ignored(name, &why)),
            }
        }
    }
    // committed's subject length is the header's.
    if found.header_max.is_none()
        && let Some((name, Ok(text))) = ["committed.toml", ".committed.toml"]
            .iter()
            .find_map(|name| read(top, name).map(|t| (*name, t)))
        && let Some(max) = committed_subject_length(&text)
    {
        found.header_max = Some(Rule {
            value: max,
            origin: format!("committed's subject_length ({name})"),
        });
    }
    if let Some(text) = read(top, "cliff.toml") {
        match text.and_then(|t| cliff_types(&t)) {
            Ok(Some(types)) => {
                found.type_hints = Some(Rule {
                    value: types,
                    origin: "git-cliff's commit_parsers (cliff.toml)".into(),
                });
            }
            Ok(None) => {}
            Err(why) => warnings.push(ignored("cliff.toml", &why)),
        }
    }
    (found, warnings)
}

/// Turns a commitlint file's text into its configuration object; `Ok(None)` for a
/// `package.json` without a `"commitlint"` key.
fn commitlint_value(name: &str, text: &str) -> Result<Option<Value>, String> {
    let json = |text: &str| {
        serde_json::from_str::<Value>(text)
            .map_err(|e| format!("invalid JSON at line {} column {}", e.line(), e.column()))
    };
    let value = if name == "package.json" {
        return Ok(json(text)?.get("commitlint").cloned());
    } else if name.ends_with(".json") {
        json(text)?
    } else if name.ends_with(".yaml") || name.ends_with(".yml") {
        yaml::read(text)?
    } else if name == ".commitlintrc" {
        json(text).or_else(|_| yaml::read(text))?
    } else {
        script::read(text)?
    };
    if value.is_object() {
        Ok(Some(value))
    } else {
        Err("it holds no configuration object".into())
    }
}

fn strings(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

/// The rules of commitlint's shared configurations that matter here.
fn preset(name: &str) -> Option<Value> {
    let never_cases = serde_json::json!([
        2,
        "never",
        ["sentence-case", "start-case", "pascal-case", "upper-case"]
    ]);
    if name.ends_with("config-conventional") || name == "conventional" {
        return Some(serde_json::json!({
            "type-enum": [2, "always", STANDARD_TYPES],
            "header-max-length": [2, "always", 100],
            "subject-case": never_cases,
        }));
    }
    if name.ends_with("config-angular") || name == "angular" {
        return Some(serde_json::json!({
            "type-enum": [2, "always", ["build", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test"]],
            "header-max-length": [2, "always", 72],
            "scope-case": [2, "always", "lower-case"],
            "subject-case": never_cases,
        }));
    }
    None
}

/// Reads the rules from a commitlint configuration object: the presets it extends, then its
/// own `rules` over them. A rule at level 0 is off; levels 1 (warn) and 2 (error) are both
/// followed. A rule whose value is computed is left out quietly: the file is fine, only its
/// value is not known without running it, and a warning on every commit would be noise.
fn from_commitlint(config: &Value, file: &str) -> Conventions {
    let mut rules: Map<String, Value> = Map::new();
    let mut origins: std::collections::HashMap<String, String> = Default::default();
    let extends = config.get("extends").and_then(strings).unwrap_or_default();
    for name in &extends {
        if let Some(Value::Object(preset)) = preset(name) {
            for (key, value) in preset {
                origins.insert(key.clone(), format!("{file}, from {name}"));
                rules.insert(key, value);
            }
        }
    }
    if let Some(Value::Object(own)) = config.get("rules") {
        for (key, value) in own {
            origins.insert(key.clone(), file.to_owned());
            rules.insert(key.clone(), value.clone());
        }
    }
    let mut out = Conventions::default();
    for (key, value) in &rules {
        let origin = format!(
            "commitlint's {key} ({})",
            origins.get(key).map_or(file, String::as_str)
        );
        let Some(items) = value.as_array() else {
            continue;
        };
        let level = items.first().and_then(Value::as_f64).unwrap_or(0.0);
        if level < 1.0 {
            continue;
        }
        let never = items.get(1).and_then(Value::as_str) == Some("never");
        let arg = items.get(2);
        match key.as_str() {
            "type-enum" | "scope-enum" if !never => {
                // A computed value (a variable, a spread, a function) is not known here.
                let Some(names) = arg.and_then(strings) else {
                    continue;
                };
                // An empty enum allows anything in commitlint.
                let rule = (!names.is_empty()).then_some(Rule {
                    value: names,
                    origin,
                });
                if key == "type-enum" {
                    out.types = rule;
                } else {
                    out.scopes = rule;
                }
            }
            "scope-empty" => {
                out.scope_required = Some(Rule {
                    value: never,
                    origin,
                });
            }
            "scope-case" | "subject-case" => {
                let arg = arg.map(|a| a.get("cases").unwrap_or(a));
                // A computed value (a variable, a spread, a function) is not known here.
                let Some(names) = arg.and_then(strings) else {
                    continue;
                };
                let cases: Vec<Case> = names.iter().filter_map(|n| Case::from_name(n)).collect();
                let rule = (!cases.is_empty()).then_some(Rule {
                    value: CaseRule { never, cases },
                    origin,
                });
                if key == "scope-case" {
                    out.scope_case = rule;
                } else {
                    out.subject_case = rule;
                }
            }
            "header-max-length" if !never => match arg.and_then(Value::as_u64) {
                Some(max) if max > 0 => {
                    out.header_max = Some(Rule {
                        value: usize::try_from(max).unwrap_or(usize::MAX),
                        origin,
                    });
                }
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// Reads the allowed types from cocogitto's `cog.toml`: its defaults, plus each type under
/// `[commit_types]`, minus each set to an empty table (`perf = {}`).
fn cog_types(text: &str) -> Result<Option<Vec<String>>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let Some(custom) = table.get("commit_types").and_then(toml::Value::as_table) else {
        return Ok(None);
    };
    let mut types: Vec<String> = STANDARD_TYPES.iter().map(|t| (*t).to_owned()).collect();
    for (name, value) in custom {
        let empty = value.as_table().is_some_and(toml::Table::is_empty);
        if empty {
            types.retain(|t| t != name);
        } else if !types.contains(name) {
            types.push(name.clone());
        }
    }
    Ok(Some(types))
}

fn toml_error(e: &toml::de::Error) -> String {
    // The message quotes the offending line; say only where it is.
    match e.span() {
        Some(span) => format!("invalid TOML at byte {}", span.start),
        None => "invalid TOML".into(),
    }
}

/// Reads committed's (crate-ci/committed) `allowed_types` when its `style` is
/// `"conventional"`; its default list when none is set. `None` for the other styles.
fn committed_types(text: &str) -> Result<Option<Vec<String>>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    if table.get("style").and_then(toml::Value::as_str) != Some("conventional") {
        return Ok(None);
    }
    let types = match table.get("allowed_types").and_then(toml::Value::as_array) {
        Some(list) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        None => [
            "chore", "build", "ci", "docs", "feat", "fix", "perf", "refactor", "style", "test",
        ]
        .map(str::to_owned)
        .to_vec(),
    };
    Ok((!types.is_empty()).then_some(types))
}

/// Reads committed's `subject_length`, when set.
fn committed_subject_length(text: &str) -> Option<usize> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let n = table.get("subject_length")?.as_integer()?;
    usize::try_from(n).ok().filter(|n| *n > 0)
}

/// Reads the types git-cliff groups from `cliff.toml`: the leading word of each `message`
/// pattern under `[git] commit_parsers` (`^feat` → `feat`) that is not skipped. Only with
/// `conventional_commits = true`; `None` when a catch-all pattern takes any type.
fn cliff_types(text: &str) -> Result<Option<Vec<String>>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let Some(git) = table.get("git").and_then(toml::Value::as_table) else {
        return Ok(None);
    };
    if git
        .get("conventional_commits")
        .and_then(toml::Value::as_bool)
        != Some(true)
    {
        return Ok(None);
    }
    let Some(parsers) = git.get("commit_parsers").and_then(toml::Value::as_array) else {
        return Ok(None);
    };
    let mut types: Vec<String> = Vec::new();
    for parser in parsers {
        let Some(pattern) = parser.get("message").and_then(toml::Value::as_str) else {
            continue;
        };
        if parser.get("skip").and_then(toml::Value::as_bool) == Some(true) {
            continue;
        }
        for alternative in pattern.split('|') {
            // `^(feat|feature)` splits into `^(feat` and `feature)`: peel anchors, flags and
            // group openings off the front (the word ends at the first other character).
            let mut alt = alternative.trim();
            while let Some(rest) = ["(?i)", "^", "(?:", "(?i:", "("]
                .iter()
                .find_map(|prefix| alt.strip_prefix(prefix))
            {
                alt = rest;
            }
            // `^[fF]ix`: a class of one letter in either case is that letter.
            let cased;
            if let Some(rest) = alt.strip_prefix('[')
                && let Some((class, tail)) = rest.split_once(']')
                && let [a, b] = class.chars().collect::<Vec<_>>()[..]
                && a.eq_ignore_ascii_case(&b)
            {
                cased = format!("{}{tail}", a.to_ascii_lowercase());
                alt = &cased;
            }
            let word: String = alt
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if word.is_empty() {
                if alt.is_empty() || alt.starts_with('.') {
                    // `.*`: every commit is grouped, whatever its type.
                    return Ok(None);
                }
                continue;
            }
            // `^doc` matches `docs` too: use the standard spelling it stands for.
            let word = if STANDARD_TYPES.contains(&word.as_str()) {
                word
            } else {
                STANDARD_TYPES
                    .iter()
                    .find(|t| t.starts_with(&word))
                    .map_or(word, |t| (*t).to_owned())
            };
            // `Buffer`, `Frame`: a parser may group by any word; only types are hints.
            if canonical(&word).is_some() && !types.contains(&word) {
                types.push(word);
            }
        }
    }
    Ok((!types.is_empty()).then_some(types))
}

#[cfg(test)]
mod tests;
