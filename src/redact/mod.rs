//! Secret redaction: every byte bound for a model passes through here. Rules find secrets,
//! each is replaced by `[REDACTED:<rule-id>]` with the rest of the line kept, and findings
//! name the rule, file and line — never the secret, nor any part of it.
//!
//! Speed comes from a keyword prefilter: one Aho-Corasick pass finds the lines where a rule
//! could match, and only those rules' regexes run, on those lines only, each compiled the
//! first time it is needed (see `rules` for the keywords).

mod generic;
mod rules;
mod structural;
#[cfg(test)]
mod tests;
mod value;

use crate::diff::{FileChange, Hunk, RenderOptions};
use crate::filter::{Decision, FileEntry, Reason, Treatment};
use crate::text::plural;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use bstr::{BStr, BString, ByteSlice};
use generic::Lang;
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::bytes::{Regex, RegexBuilder};
use rules::{Check, Custom, Kind};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::OnceLock;

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

/// Text that has been through the redactor. Only [`Redactor`] makes one, so code that
/// accepts `Redacted` accepts nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    text: BString,
    findings: Vec<Finding>,
}

impl Redacted {
    /// Returns the redacted bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.text
    }

    /// Returns the redacted text, invalid UTF-8 replaced.
    pub fn to_str_lossy(&self) -> Cow<'_, str> {
        self.text.to_str_lossy()
    }

    /// Returns what was redacted.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_str_lossy())
    }
}

/// A diff whose every file has been through the redactor: hunks, section lines and paths.
#[derive(Debug, Clone)]
pub struct RedactedDiff {
    entries: Vec<FileEntry>,
    findings: Vec<Finding>,
    withheld: usize,
}

impl RedactedDiff {
    /// Returns the files, redacted (and, under `withhold-file`, withheld where they held
    /// secrets).
    pub fn entries(&self) -> &[FileEntry] {
        &self.entries
    }

    /// Returns what was redacted.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Returns how many files were withheld for holding secrets.
    pub fn withheld(&self) -> usize {
        self.withheld
    }

    /// Renders the files sent as text as unified-diff text.
    pub fn render_text(&self) -> Redacted {
        let changes: Vec<FileChange> = self
            .entries
            .iter()
            .filter(|e| e.decision.treatment == Treatment::Text)
            .map(|e| e.change.clone())
            .collect();
        Redacted {
            text: crate::diff::render(&changes, RenderOptions::default()),
            findings: Vec::new(),
        }
    }

    /// Returns the stats lines of the files not sent as text.
    pub fn stats_lines(&self) -> Vec<Redacted> {
        self.entries
            .iter()
            .filter(|e| e.decision.treatment != Treatment::Text)
            .map(|e| Redacted {
                text: e.stats_line().into(),
                findings: Vec::new(),
            })
            .collect()
    }

    /// Returns the one-line warning for the user, if anything was redacted.
    pub fn warning(&self) -> Option<String> {
        if self.findings.is_empty() {
            return None;
        }
        let mut line = format!(
            "redacted {} before sending ({})",
            plural(self.findings.len(), "secret", "secrets"),
            by_rule(&self.findings)
        );
        if self.withheld > 0 {
            line.push_str(&format!(
                "; withheld {} holding them",
                plural(self.withheld, "file", "files")
            ));
        }
        line.push_str("; `git herald redact` lists them");
        Some(line)
    }
}

/// Counts findings by rule, most frequent first: `2 github-pat, 1 generic-password`.
pub fn by_rule(findings: &[Finding]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *counts.entry(f.rule.as_str()).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .iter()
        .map(|(rule, n)| format!("{n} {rule}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a rule finds its matches.
enum Matcher {
    /// A built-in pattern, compiled on first use.
    Lazy(&'static str, OnceLock<Regex>),
    /// A configured pattern, compiled up front so errors show at once.
    Compiled(Regex),
    Custom(Custom),
}

struct Rule {
    id: Cow<'static, str>,
    matcher: Matcher,
    check: Check,
    /// From the configuration: least entropy of the secret.
    entropy: Option<f64>,
}

impl Rule {
    fn regex(&self) -> Option<&Regex> {
        match &self.matcher {
            Matcher::Lazy(pattern, cell) => Some(cell.get_or_init(|| {
                compile(pattern).expect("built-in patterns are tested to compile")
            })),
            Matcher::Compiled(re) => Some(re),
            Matcher::Custom(_) => None,
        }
    }
}

fn build_automaton(patterns: &[String], kind: AhoCorasickKind) -> Result<AhoCorasick, RedactError> {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(patterns)
        .map_err(RedactError::Keywords)
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(1 << 22)
        .dfa_size_limit(1 << 22)
        .build()
}

/// A byte range to replace, within one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    /// Index of the rule that names it (and its priority: lower wins).
    rule: u32,
    /// Start of the line the span lies in.
    line: usize,
    /// A later line of a block already reported once (private keys).
    cont: bool,
}

/// The compiled rules, the keyword prefilter and the allowlists.
pub struct Redactor {
    rules: Vec<Rule>,
    /// The keywords (lower-case), then [`ALLOW_MARKER`] last.
    patterns: Vec<String>,
    /// The keyword automaton for small texts: quick to build.
    small: OnceLock<AhoCorasick>,
    /// The keyword automaton for large texts: slower to build, faster to run.
    large: OnceLock<AhoCorasick>,
    /// For each keyword: the rules it enables.
    keyword_rules: Vec<Vec<u32>>,
    /// Configured rules without keywords: run over whole texts.
    unfiltered: Vec<u32>,
    allow: Vec<Regex>,
    allow_paths: GlobSet,
    policy: Policy,
    generic_password: u32,
    generic_secret: u32,
    card: u32,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Redactor")
            .field("rules", &self.rules.len())
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

impl Redactor {
    /// Builds a redactor from the built-in rules plus the configured ones.
    pub fn new(opts: &RedactOptions) -> Result<Self, RedactError> {
        let mut rules = Vec::with_capacity(rules::BUILTIN.len() + opts.rules.len());
        let mut keyword_lists: Vec<Vec<String>> = Vec::new();
        for b in rules::BUILTIN {
            let (matcher, check) = match b.kind {
                Kind::Regex(pattern, check) => (Matcher::Lazy(pattern, OnceLock::new()), check),
                Kind::Custom(c) => (Matcher::Custom(c), Check::None),
            };
            rules.push(Rule {
                id: Cow::Borrowed(b.id),
                matcher,
                check,
                entropy: None,
            });
            keyword_lists.push(b.keywords.iter().map(|k| (*k).to_owned()).collect());
        }
        for spec in &opts.rules {
            if !valid_id(&spec.id) || rules::BUILTIN.iter().any(|b| b.id == spec.id) {
                return Err(RedactError::RuleId(spec.id.clone()));
            }
            let regex = compile(&spec.regex).map_err(|source| RedactError::Rule {
                id: spec.id.clone(),
                source: Box::new(source),
            })?;
            rules.push(Rule {
                id: Cow::Owned(spec.id.clone()),
                matcher: Matcher::Compiled(regex),
                check: Check::None,
                entropy: spec.entropy,
            });
            keyword_lists.push(
                spec.keywords
                    .iter()
                    .filter(|k| !k.is_empty())
                    .map(|k| k.to_ascii_lowercase())
                    .collect(),
            );
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keyword_rules: Vec<Vec<u32>> = Vec::new();
        let mut unfiltered = Vec::new();
        for (i, list) in keyword_lists.iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than 4 billion rules");
            let is_user = i as usize >= rules::BUILTIN.len();
            if list.is_empty() && is_user {
                unfiltered.push(i);
            }
            for k in list {
                // The regex checks the rest: eight bytes keep the automaton small and fast.
                let k: String = k.chars().take(8).collect();
                let at = *index.entry(k.clone()).or_insert_with(|| {
                    patterns.push(k.clone());
                    keyword_rules.push(Vec::new());
                    patterns.len() - 1
                });
                if !keyword_rules[at].contains(&i) {
                    keyword_rules[at].push(i);
                }
            }
        }
        patterns.push(ALLOW_MARKER.to_owned());
        keyword_rules.push(Vec::new());
        // Fail now rather than on first use.
        let small = OnceLock::new();
        let _ = small.set(build_automaton(&patterns, AhoCorasickKind::ContiguousNFA)?);
        let allow = opts
            .allow
            .iter()
            .map(|p| {
                compile(p).map_err(|source| RedactError::Allow {
                    pattern: p.clone(),
                    source: Box::new(source),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut paths = GlobSetBuilder::new();
        for glob in &opts.allow_paths {
            let pattern = if glob.contains('/') {
                glob.trim_start_matches('/').to_owned()
            } else {
                format!("**/{glob}")
            };
            let compiled = Glob::new(&pattern).map_err(|source| RedactError::AllowPath {
                glob: glob.clone(),
                source,
            })?;
            paths.add(compiled);
        }
        let allow_paths = paths.build().map_err(|source| RedactError::AllowPath {
            glob: opts.allow_paths.join(", "),
            source,
        })?;
        let find = |id: &str| {
            let at = rules
                .iter()
                .position(|r| r.id == id)
                .expect("the built-in table has this rule");
            u32::try_from(at).expect("fewer than 4 billion rules")
        };
        Ok(Redactor {
            generic_password: find("generic-password"),
            generic_secret: find("generic-secret"),
            card: find("card-number"),
            rules,
            patterns,
            small,
            large: OnceLock::new(),
            keyword_rules,
            unfiltered,
            allow,
            allow_paths,
            policy: opts.policy,
        })
    }

    /// Returns the keyword automaton for a text of `len` bytes: above 256 KiB the DFA, whose
    /// build (about 2 ms) pays for itself.
    fn automaton(&self, len: usize) -> &AhoCorasick {
        let nfa = || {
            build_automaton(&self.patterns, AhoCorasickKind::ContiguousNFA)
                .expect("the keywords built once already")
        };
        if len >= 256 * 1024 {
            self.large.get_or_init(|| {
                build_automaton(&self.patterns, AhoCorasickKind::DFA).unwrap_or_else(|_| nfa())
            })
        } else {
            self.small.get_or_init(nfa)
        }
    }

    /// Returns the configured policy.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Returns the ids of every rule, built-in first.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_ref())
    }

    fn is_allowed_path(&self, path: &[u8]) -> bool {
        !self.allow_paths.is_empty() && self.allow_paths.is_match(path.to_str_lossy().as_ref())
    }

    /// Redacts text from `file` (a path, or a label such as `<stdin>`). A unified diff is
    /// read as one: prefixes and headers kept, each file's rules and line numbers its own.
    pub fn redact_text(&self, text: &str, file: &str) -> Redacted {
        self.redact_bytes(text.as_bytes(), file)
    }

    /// Redacts bytes that need not be UTF-8; otherwise as [`Redactor::redact_text`].
    pub fn redact_bytes(&self, text: &[u8], file: &str) -> Redacted {
        let doc = if looks_like_diff(text) {
            Doc::diff_text(text, file)
        } else {
            Doc::plain(text, file.as_bytes())
        };
        if matches!(doc.files, Files::One { .. }) && self.is_allowed_path(file.as_bytes()) {
            return Redacted {
                text: text.into(),
                findings: Vec::new(),
            };
        }
        let spans = self.scan(&doc);
        let findings = doc.findings(self, &spans);
        Redacted {
            text: apply(text, &spans, &self.rules),
            findings,
        }
    }

    /// Redacts every file of a diff that is sent as text: hunk bodies (added, removed and
    /// context lines), section lines and paths. Under the `withhold-file` policy a file with
    /// a finding is withheld instead.
    pub fn redact_diff(&self, entries: &[FileEntry]) -> RedactedDiff {
        let mut out = Vec::with_capacity(entries.len());
        let mut findings = Vec::new();
        let mut withheld = 0;
        let size_hint = entries.iter().map(|e| e.change.text_len()).sum();
        for entry in entries {
            let mut entry = entry.clone();
            let mut file_findings = Vec::new();
            let display = entry.change.path.to_str_lossy().into_owned();
            for path in [Some(&mut entry.change.path), entry.change.old_path.as_mut()]
                .into_iter()
                .flatten()
            {
                let r = self.redact_bytes(path, &display);
                if !r.findings.is_empty() {
                    *path = r.text;
                    file_findings.extend(r.findings.into_iter().map(|f| Finding { line: 0, ..f }));
                }
            }
            let scan_text = entry.decision.treatment == Treatment::Text
                && !self.is_allowed_path(&entry.change.path);
            if scan_text {
                let lang = generic::lang_of(&entry.change.path);
                let path = entry.change.path.clone();
                for hunk in &mut entry.change.hunks {
                    self.redact_hunk(size_hint, hunk, &path, lang, &display, &mut file_findings);
                }
            }
            if !file_findings.is_empty() && self.policy == Policy::WithholdFile {
                entry.change.hunks.clear();
                entry.decision = Decision {
                    treatment: Treatment::Withheld,
                    reason: Reason::SecretFile,
                };
                withheld += 1;
            }
            findings.extend(file_findings);
            out.push(entry);
        }
        RedactedDiff {
            entries: out,
            findings,
            withheld,
        }
    }

    fn redact_hunk(
        &self,
        size_hint: usize,
        hunk: &mut Hunk,
        path: &BString,
        lang: Lang,
        display: &str,
        findings: &mut Vec<Finding>,
    ) {
        if !hunk.section.is_empty() {
            let doc = Doc {
                text: &hunk.section,
                size_hint,
                diff: false,
                files: Files::One { path, lang },
            };
            let spans = self.scan(&doc);
            if !spans.is_empty() {
                findings.extend(spans.iter().filter(|s| !s.cont).map(|s| Finding {
                    rule: self.rules[s.rule as usize].id.to_string(),
                    file: display.to_owned(),
                    line: hunk.new_start as usize,
                }));
                hunk.section = apply(&hunk.section, &spans, &self.rules);
            }
        }
        let doc = Doc {
            text: &hunk.body,
            size_hint,
            diff: true,
            files: Files::One { path, lang },
        };
        let spans = self.scan(&doc);
        if spans.is_empty() {
            return;
        }
        let lines = hunk_lines(&hunk.body, hunk.old_start, hunk.new_start, &spans);
        findings.extend(
            spans
                .iter()
                .zip(lines)
                .filter(|(s, _)| !s.cont)
                .map(|(s, line)| Finding {
                    rule: self.rules[s.rule as usize].id.to_string(),
                    file: display.to_owned(),
                    line,
                }),
        );
        hunk.body = apply(&hunk.body, &spans, &self.rules);
    }

    /// Finds every span to redact in a document, non-overlapping and in order.
    fn scan(&self, doc: &Doc<'_>) -> Vec<Span> {
        let mut scan = Scan {
            r: self,
            doc,
            spans: Vec::new(),
            block_end: 0,
            hits: Vec::new(),
        };
        let text = doc.text;
        let ac = self.automaton(doc.size_hint.max(text.len()));
        let allow_pattern = self.patterns.len() - 1;
        let mut stamp = vec![u32::MAX; self.rules.len()];
        let mut candidates: Vec<u32> = Vec::new();
        let mut line_no = 0u32;
        let (mut ls, mut le) = (usize::MAX, 0);
        let mut allowed = false;
        // One pass: matches come in order of their end, so line by line.
        for hit in ac.find_overlapping_iter(text) {
            if ls == usize::MAX || hit.start() > le {
                if ls != usize::MAX && !allowed && ls >= scan.block_end {
                    candidates.sort_unstable();
                    scan.line(ls, le, &candidates);
                }
                (ls, le) = doc.line_at(hit.start());
                candidates.clear();
                line_no = line_no.wrapping_add(1);
                allowed = false;
            }
            let pattern = hit.pattern().as_usize();
            if pattern == allow_pattern {
                allowed = true;
                continue;
            }
            for &rule in &self.keyword_rules[pattern] {
                if stamp[rule as usize] != line_no {
                    stamp[rule as usize] = line_no;
                    candidates.push(rule);
                }
            }
        }
        if ls != usize::MAX && !allowed && ls >= scan.block_end {
            candidates.sort_unstable();
            scan.line(ls, le, &candidates);
        }
        structural::cards(&mut scan, self.card);
        for &rule in &self.unfiltered {
            scan.whole_text(rule);
        }
        resolve(scan.spans, doc)
    }

    /// Tells whether a matched secret passes its rule's check and the allowlist.
    fn passes(&self, rule: &Rule, secret: &[u8]) -> bool {
        let ok = match rule.check {
            Check::None => true,
            Check::Token => value::is_token(secret),
            Check::Entropy(min) => {
                value::entropy(secret) >= min
                    && !value::is_degenerate(secret)
                    && !value::is_placeholder(secret)
            }
            Check::Loose => loose(secret),
            Check::Password => value::accept(secret, value::Class::Password),
            Check::Secret => value::accept(secret, value::Class::Secret),
            Check::BasicAuth => value::is_basic_credentials(secret),
            Check::UrlCredentials => url_credentials(secret),
            Check::Webhook => webhook(secret),
            Check::PemBase64 => {
                let head = &secret[..secret.len().min(80) / 4 * 4];
                value::base64_decode(head).is_some_and(|d| d.find(b"PRIVATE KEY").is_some())
            }
        };
        ok && rule.entropy.is_none_or(|min| value::entropy(secret) >= min)
            && !self.allow.iter().any(|re| re.is_match(secret))
    }
}

fn loose(v: &[u8]) -> bool {
    v.len() >= 4 && !value::is_placeholder(v) && !v.iter().all(|&b| b == v[0])
}

fn url_credentials(v: &[u8]) -> bool {
    match v.iter().position(|&b| b == b':') {
        Some(at) => {
            let pass = &v[at + 1..];
            loose(pass) && !(pass.len() <= 5 && pass.iter().all(u8::is_ascii_digit))
        }
        None => value::is_token(v) && value::entropy(v) >= 3.5,
    }
}

fn webhook(url: &[u8]) -> bool {
    url.split(|&b| matches!(b, b'/' | b'?' | b'&' | b'=' | b'@'))
        .any(|seg| seg.len() >= 16 && value::is_token(seg))
}

/// State of one document's scan.
struct Scan<'r, 'd> {
    r: &'r Redactor,
    doc: &'r Doc<'d>,
    spans: Vec<Span>,
    /// Lines before this offset belong to a block already handled (a private key).
    block_end: usize,
    hits: Vec<generic::Hit>,
}

impl Scan<'_, '_> {
    fn push(&mut self, start: usize, end: usize, rule: u32, line: usize, cont: bool) {
        if end > start {
            self.spans.push(Span {
                start,
                end,
                rule,
                line,
                cont,
            });
        }
    }

    /// Runs the candidate rules on one line.
    fn line(&mut self, ls: usize, le: usize, candidates: &[u32]) {
        let doc = self.doc;
        let (cs, ce) = doc.content(ls, le);
        let content = &doc.text[cs..ce];
        for &rule_index in candidates {
            let rule = &self.r.rules[rule_index as usize];
            match &rule.matcher {
                Matcher::Custom(Custom::Generic) => self.generic(ls, le, cs, content),
                Matcher::Custom(Custom::PrivateKey) => {
                    structural::private_key(self, ls, le, rule_index);
                }
                Matcher::Custom(Custom::Putty) => structural::putty(self, ls, le, rule_index),
                Matcher::Custom(Custom::KubernetesSecret) => {
                    structural::kubernetes_secret(self, ls, le, rule_index);
                }
                Matcher::Custom(Custom::Card | Custom::Label) => {}
                Matcher::Lazy(..) | Matcher::Compiled(_) => {
                    let re = rule.regex().expect("regex rules have a regex");
                    for caps in re.captures_iter(content) {
                        let m = (1..caps.len())
                            .find_map(|g| caps.get(g))
                            .or_else(|| caps.get(0))
                            .expect("a match has group 0");
                        if self.r.passes(rule, m.as_bytes()) {
                            self.push(cs + m.start(), cs + m.end(), rule_index, ls, false);
                        }
                    }
                }
            }
        }
    }

    fn generic(&mut self, ls: usize, le: usize, cs: usize, content: &[u8]) {
        let doc = self.doc;
        let (_, lang) = doc.file_at(ls);
        let next = doc.next_line(le).map(|(ns, ne)| {
            let (ncs, nce) = doc.content(ns, ne);
            (ns, ncs, &doc.text[ncs..nce])
        });
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        generic::scan_line(content, next.map(|n| n.2), lang, &mut hits);
        for h in &hits {
            let rule = if h.class == value::Class::Password {
                self.r.generic_password
            } else {
                self.r.generic_secret
            };
            let (base, line) = match (h.next_line, next) {
                (true, Some((ns, ncs, _))) => (ncs, ns),
                _ => (cs, ls),
            };
            let secret = &doc.text[base + h.start..base + h.end];
            if !self.r.allow.iter().any(|re| re.is_match(secret)) {
                self.push(base + h.start, base + h.end, rule, line, false);
            }
        }
        self.hits = hits;
    }

    /// Runs a configured rule without keywords over the whole text.
    fn whole_text(&mut self, rule_index: u32) {
        let rule = &self.r.rules[rule_index as usize];
        let Some(re) = rule.regex() else { return };
        let text = self.doc.text;
        for caps in re.captures_iter(text) {
            let m = (1..caps.len())
                .find_map(|g| caps.get(g))
                .or_else(|| caps.get(0))
                .expect("a match has group 0");
            if m.as_bytes().contains(&b'\n') || !self.r.passes(rule, m.as_bytes()) {
                continue;
            }
            let (ls, _) = self.doc.line_at(m.start());
            self.push(m.start(), m.end(), rule_index, ls, false);
        }
    }
}

/// Drops spans on lines marked `herald:allow`, keeps the earliest rule where spans overlap
/// (adding the parts of the others it does not cover), and sorts them.
fn resolve(mut spans: Vec<Span>, doc: &Doc<'_>) -> Vec<Span> {
    if spans.is_empty() {
        return spans;
    }
    spans.sort_unstable_by_key(|s| (s.line, s.rule, s.start));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let line = spans[i].line;
        let mut j = i;
        while j < spans.len() && spans[j].line == line {
            j += 1;
        }
        let (ls, le) = doc.line_at(line);
        let (cs, ce) = doc.content(ls, le);
        if doc.text[cs..ce].find(ALLOW_MARKER).is_none() {
            let group = out.len();
            for s in &spans[i..j] {
                let mut pieces = vec![(s.start.max(cs), s.end.min(ce))];
                for taken in &out[group..] {
                    let mut rest = Vec::with_capacity(pieces.len() + 1);
                    for (a, b) in pieces {
                        if taken.end <= a || taken.start >= b {
                            rest.push((a, b));
                            continue;
                        }
                        if a < taken.start {
                            rest.push((a, taken.start));
                        }
                        if taken.end < b {
                            rest.push((taken.end, b));
                        }
                    }
                    pieces = rest;
                }
                for (a, b) in pieces {
                    if b > a {
                        out.push(Span {
                            start: a,
                            end: b,
                            ..*s
                        });
                    }
                }
            }
        }
        i = j;
    }
    out.sort_unstable_by_key(|s| s.start);
    out
}

/// Copies `text` with each span replaced by `[REDACTED:<rule>]`.
fn apply(text: &[u8], spans: &[Span], rules: &[Rule]) -> BString {
    if spans.is_empty() {
        return text.into();
    }
    let mut out = Vec::with_capacity(text.len() + spans.len() * 24);
    let mut at = 0;
    for s in spans {
        out.extend_from_slice(&text[at..s.start]);
        out.extend_from_slice(b"[REDACTED:");
        out.extend_from_slice(rules[s.rule as usize].id.as_bytes());
        out.push(b']');
        at = s.end;
    }
    out.extend_from_slice(&text[at..]);
    out.into()
}

/// Line numbers, in the file, of the spans of one hunk body.
fn hunk_lines(body: &[u8], old_start: u32, new_start: u32, spans: &[Span]) -> Vec<usize> {
    let mut out = Vec::with_capacity(spans.len());
    let (mut old, mut new) = (old_start as usize, new_start as usize);
    let mut pos = 0;
    for s in spans {
        while pos < s.line && pos < body.len() {
            let le = body[pos..].find_byte(b'\n').map_or(body.len(), |p| pos + p);
            step(body[pos], &mut old, &mut new);
            pos = le + 1;
        }
        out.push(if body.get(s.line) == Some(&b'-') {
            old
        } else {
            new
        });
    }
    out
}

/// Advances the old and new line numbers past a hunk line starting with `prefix`.
fn step(prefix: u8, old: &mut usize, new: &mut usize) {
    match prefix {
        b'+' => *new += 1,
        b'-' => *old += 1,
        b'\\' => {}
        _ => {
            *old += 1;
            *new += 1;
        }
    }
}

/// Reads the start lines of an `@@ -a,b +c,d @@` header.
fn hunk_numbers(line: &[u8]) -> Option<(usize, usize)> {
    let rest = line.strip_prefix(b"@@ -")?;
    let end = rest.find(b" @@")?;
    let (old, new) = rest[..end].split_once_str(" +")?;
    let num = |s: &[u8]| {
        let digits = s.split(|&b| b == b',').next()?;
        std::str::from_utf8(digits).ok()?.parse::<usize>().ok()
    };
    Some((num(old)?, num(new)?))
}

/// Walks a text once, in order, to number the lines of findings.
#[derive(Default)]
struct Cursor {
    counted: usize,
    line_no: usize,
    /// The current hunk: its header's start, the line reached, old and new numbers there.
    hunk: Option<(usize, usize, usize, usize)>,
}

impl Cursor {
    /// 1-based line of the text at line start `ls`.
    fn text_line(&mut self, t: &[u8], ls: usize) -> usize {
        if self.line_no == 0 {
            self.line_no = 1;
        }
        if ls > self.counted {
            self.line_no += t[self.counted..ls].iter().filter(|&&b| b == b'\n').count();
            self.counted = ls;
        }
        self.line_no
    }

    /// For a line inside a hunk of a diff text: its line number in the file.
    fn file_line(&mut self, t: &[u8], ls: usize) -> Option<usize> {
        let same = self.hunk.is_some_and(|(_, pos, _, _)| {
            pos <= ls
                && t[pos..ls].find(b"\n@@ -").is_none()
                && t[pos..ls].find(b"\ndiff ").is_none()
        });
        if !same {
            let header = if t[ls..].starts_with(b"@@ -") {
                ls
            } else {
                match t[..ls].rfind(b"\n@@ -") {
                    Some(p) => p + 1,
                    None if t.starts_with(b"@@ -") => 0,
                    None => return None,
                }
            };
            if t[header..ls].find(b"\ndiff ").is_some() {
                return None;
            }
            let he = t[header..].find_byte(b'\n').map_or(t.len(), |p| header + p);
            let (old, new) = hunk_numbers(&t[header..he])?;
            if header == ls {
                return Some(new);
            }
            self.hunk = Some((header, he + 1, old, new));
        }
        let (header, mut pos, mut old, mut new) = self.hunk?;
        while pos < ls {
            let le = t[pos..].find_byte(b'\n').map_or(t.len(), |p| pos + p);
            step(t[pos], &mut old, &mut new);
            pos = le + 1;
        }
        self.hunk = Some((header, pos, old, new));
        Some(if t.get(ls) == Some(&b'-') { old } else { new })
    }
}

/// Where a document's lines come from: one file, or a multi-file diff.
enum Files<'a> {
    One { path: &'a [u8], lang: Lang },
    Sections(Vec<Section>),
}

struct Section {
    start: usize,
    path: Vec<u8>,
    lang: Lang,
}

/// A text to scan.
struct Doc<'a> {
    text: &'a [u8],
    /// The size of the whole input this text is part of (a hunk of a large diff), to pick
    /// the keyword automaton.
    size_hint: usize,
    /// Lines carry a one-byte diff prefix (` `, `+`, `-`); `@@` lines carry a section.
    diff: bool,
    files: Files<'a>,
}

fn looks_like_diff(text: &[u8]) -> bool {
    let hunk = text.starts_with(b"@@ -") || text.find(b"\n@@ -").is_some();
    let header = text.starts_with(b"diff --git ")
        || text.find(b"\ndiff --git ").is_some()
        || text.starts_with(b"+++ ")
        || text.find(b"\n+++ ").is_some();
    hunk && header
}

/// Parses the path of a `+++ b/path` or `--- a/path` line.
fn header_path(rest: &[u8]) -> Option<Vec<u8>> {
    let rest = rest.split_str("\t").next().unwrap_or(rest);
    let rest = rest.trim_ascii_end();
    if rest == b"/dev/null" {
        return None;
    }
    let rest = rest
        .strip_prefix(b"\"")
        .and_then(|r| r.strip_suffix(b"\""))
        .unwrap_or(rest);
    for prefix in [&b"a/"[..], b"b/", b"i/", b"w/", b"c/", b"o/"] {
        if let Some(p) = rest.strip_prefix(prefix) {
            return Some(p.to_vec());
        }
    }
    Some(rest.to_vec())
}

impl<'a> Doc<'a> {
    fn plain(text: &'a [u8], path: &'a [u8]) -> Self {
        Doc {
            text,
            size_hint: text.len(),
            diff: false,
            files: Files::One {
                path,
                lang: generic::lang_of(path),
            },
        }
    }

    /// A multi-file diff: each `+++` header starts the next file's section.
    fn diff_text(text: &'a [u8], label: &str) -> Self {
        let mut sections = vec![Section {
            start: 0,
            path: label.as_bytes().to_vec(),
            lang: Lang::Unknown,
        }];
        let starts = text
            .starts_with(b"+++ ")
            .then_some(0)
            .into_iter()
            .chain(text.find_iter(b"\n+++ ").map(|p| p + 1));
        for start in starts {
            let le = text[start..]
                .find_byte(b'\n')
                .map_or(text.len(), |p| start + p);
            let new = header_path(&text[start + 4..le]);
            // A deletion names `/dev/null` here: take the `---` line above.
            let old = text[..start.saturating_sub(1)]
                .rfind_byte(b'\n')
                .map_or(0, |p| p + 1);
            let old = text[old..start]
                .strip_prefix(b"--- ")
                .and_then(|r| header_path(r.trim_ascii_end()));
            let Some(path) = new.or(old) else { continue };
            sections.push(Section {
                start,
                lang: generic::lang_of(&path),
                path,
            });
        }
        Doc {
            text,
            size_hint: text.len(),
            diff: true,
            files: Files::Sections(sections),
        }
    }

    fn file_at(&self, pos: usize) -> (&[u8], Lang) {
        match &self.files {
            Files::One { path, lang } => (path, *lang),
            Files::Sections(sections) => {
                let i = sections
                    .partition_point(|s| s.start <= pos)
                    .saturating_sub(1);
                (&sections[i].path, sections[i].lang)
            }
        }
    }

    /// The line around `pos`: its start and its end (the `\n` or the text's end).
    fn line_at(&self, pos: usize) -> (usize, usize) {
        let t = self.text;
        let pos = pos.min(t.len());
        let ls = t[..pos].rfind_byte(b'\n').map_or(0, |p| p + 1);
        let le = t[pos..].find_byte(b'\n').map_or(t.len(), |p| pos + p);
        (ls, le)
    }

    fn next_line(&self, le: usize) -> Option<(usize, usize)> {
        let ns = le + 1;
        if ns >= self.text.len() {
            return None;
        }
        Some(self.line_at(ns))
    }

    fn prev_line(&self, ls: usize) -> Option<(usize, usize)> {
        if ls == 0 {
            return None;
        }
        Some(self.line_at(ls - 1))
    }

    /// The part of a line that is file content: without the diff prefix, the `@@ … @@` of a
    /// hunk header, or a trailing `\r`.
    fn content(&self, ls: usize, le: usize) -> (usize, usize) {
        let t = self.text;
        let mut ce = le;
        if ce > ls && t[ce - 1] == b'\r' {
            ce -= 1;
        }
        let mut cs = ls;
        if self.diff && cs < ce {
            match t[cs] {
                b'+' | b'-' | b' ' => cs += 1,
                b'\\' => cs = ce,
                b'@' if t[cs..ce].starts_with(b"@@") => {
                    cs = match t[cs + 2..ce].find(b"@@") {
                        Some(p) => (cs + 2 + p + 2 + 1).min(ce),
                        None => ce,
                    };
                }
                _ => {}
            }
        }
        (cs, ce)
    }

    /// Tells whether a line is a diff header (which ends any block).
    fn is_header(&self, ls: usize, le: usize) -> bool {
        if !self.diff {
            return false;
        }
        let line = &self.text[ls..le];
        line.starts_with(b"@@")
            || line.starts_with(b"diff ")
            || line.starts_with(b"index ")
            || line.starts_with(b"+++ ")
            || line.starts_with(b"--- a/")
            || line.starts_with(b"--- /dev/null")
    }

    /// Findings for the spans of a whole text (not a hunk from a `FileEntry`).
    fn findings(&self, r: &Redactor, spans: &[Span]) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut cursor = Cursor::default();
        for s in spans.iter().filter(|s| !s.cont) {
            let (path, _) = self.file_at(s.line);
            if matches!(self.files, Files::Sections(_)) && r.is_allowed_path(path) {
                continue;
            }
            let in_hunk = if self.diff {
                cursor.file_line(self.text, s.line)
            } else {
                None
            };
            let line = match in_hunk {
                Some(n) => n,
                None => cursor.text_line(self.text, s.line),
            };
            out.push(Finding {
                rule: r.rules[s.rule as usize].id.to_string(),
                file: BStr::new(path).to_str_lossy().into_owned(),
                line,
            });
        }
        out
    }
}
