//! The redactor: compiles the built-in and configured rules, the keyword prefilter and the
//! allowlists once, then redacts texts and diffs with them.

use super::doc::{Doc, Files, hunk_lines, looks_like_diff};
use super::generic::{self, Lang};
use super::rules::{self, Check, Custom, Kind};
use super::scan::apply;
use super::{ALLOW_MARKER, Finding, Policy, RedactError, RedactOptions, Redacted, RedactedDiff};
use crate::diff::Hunk;
use crate::filter::{Decision, FileEntry, Reason, Treatment};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind};
use bstr::{BString, ByteSlice};
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::bytes::{Regex, RegexBuilder};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// How a rule finds its matches.
pub(super) enum Matcher {
    /// A built-in pattern (its index in [`rules::BUILTIN`]), compiled on first use, once
    /// per process.
    Builtin(usize),
    /// A configured pattern, compiled up front so errors show at once.
    Compiled(Regex),
    Custom(Custom),
}

pub(super) struct Rule {
    pub(super) id: Cow<'static, str>,
    pub(super) matcher: Matcher,
    pub(super) check: Check,
    /// From the configuration: least entropy of the secret.
    pub(super) entropy: Option<f64>,
}

impl Rule {
    pub(super) fn regex(&self) -> Option<&Regex> {
        match &self.matcher {
            Matcher::Builtin(index) => rules::regex(*index),
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

pub(super) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(1 << 22)
        .dfa_size_limit(1 << 22)
        .build()
}

/// The compiled rules, the keyword prefilter and the allowlists.
pub struct Redactor {
    pub(super) rules: Vec<Rule>,
    /// The keywords (lower-case), then [`ALLOW_MARKER`] last.
    pub(super) patterns: Vec<String>,
    /// The keyword automaton for small texts: quick to build.
    pub(super) small: OnceLock<AhoCorasick>,
    /// The keyword automaton for large texts: slower to build, faster to run (`None`: too
    /// large to build, the small one serves).
    pub(super) large: OnceLock<Option<DFA>>,
    /// No keyword holds a newline, so the DFA may walk parts of a text cut at line starts.
    pub(super) lanes: bool,
    /// For each keyword: the rules it enables.
    pub(super) keyword_rules: Vec<Vec<u32>>,
    /// Configured rules without keywords: run over whole texts.
    pub(super) unfiltered: Vec<u32>,
    pub(super) allow: Vec<Regex>,
    pub(super) allow_paths: GlobSet,
    pub(super) policy: Policy,
    pub(super) generic_password: u32,
    pub(super) generic_secret: u32,
    pub(super) card: u32,
    /// The rule key bodies out of view of their `BEGIN`/`END` lines are reported under.
    pub(super) private_key: Option<u32>,
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
    /// Builds a redactor from the built-in rules plus the configured ones, ready to use.
    pub fn new(opts: &RedactOptions) -> Result<Self, RedactError> {
        let redactor = Self::deferred(opts)?;
        redactor.warm()?;
        Ok(redactor)
    }

    /// As [`Redactor::new`], with the configuration checked but the keyword automaton (about
    /// 1 ms in a fresh process) left for [`Redactor::warm`], which a run calls on a second
    /// thread while libgit2 reads the staged changes. Used without it, it is built on first
    /// use.
    pub fn deferred(opts: &RedactOptions) -> Result<Self, RedactError> {
        let mut rules = Vec::with_capacity(rules::BUILTIN.len() + opts.rules.len());
        let mut keyword_lists: Vec<Vec<String>> = Vec::new();
        for b in rules::BUILTIN {
            let (matcher, check) = match b.kind {
                Kind::Regex(_, check) => (Matcher::Builtin(rules.len()), check),
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
        let lanes = !patterns.iter().any(|p| p.contains('\n'));
        Ok(Redactor {
            generic_password: find("generic-password"),
            generic_secret: find("generic-secret"),
            card: find("card-number"),
            private_key: Some(find("private-key")),
            rules,
            patterns,
            small: OnceLock::new(),
            large: OnceLock::new(),
            lanes,
            keyword_rules,
            unfiltered,
            allow,
            allow_paths,
            policy: opts.policy,
        })
    }

    /// Builds what every scan needs, the keyword automaton; a configured keyword list too
    /// large to build is the error.
    pub fn warm(&self) -> Result<(), RedactError> {
        if self.small.get().is_none() {
            let _ = self.small.set(build_automaton(
                &self.patterns,
                AhoCorasickKind::ContiguousNFA,
            )?);
        }
        Ok(())
    }

    /// Finds every keyword in `text` (part of an input of `len` bytes), overlapping ones too:
    /// their starts and pattern indexes, in order of their ends. Above 256 KiB a DFA, whose
    /// build (a few ms: ~27M instructions) pays for itself, walks the text.
    pub(super) fn keywords(&self, len: usize, text: &[u8], out: &mut Vec<(usize, u32)>) {
        let nfa = || {
            build_automaton(&self.patterns, AhoCorasickKind::ContiguousNFA)
                .expect("the keywords built once already")
        };
        let dfa = (len >= 256 * 1024)
            .then(|| {
                self.large.get_or_init(|| {
                    DFA::builder()
                        .ascii_case_insensitive(true)
                        .match_kind(MatchKind::Standard)
                        .prefilter(false)
                        .build(&self.patterns)
                        .ok()
                })
            })
            .and_then(Option::as_ref);
        match dfa {
            Some(dfa) => dfa_keywords(dfa, text, self.lanes, out),
            None => out.extend(
                self.small
                    .get_or_init(nfa)
                    .find_overlapping_iter(text)
                    .map(|m| (m.start(), m.pattern().as_u32())),
            ),
        }
    }

    /// Returns a file's name with any secret in it redacted, for findings and messages.
    pub fn redact_name(&self, name: &[u8]) -> String {
        let doc = Doc::plain(name, b"");
        let spans = self.scan(&doc);
        if spans.is_empty() {
            return name.to_str_lossy().into_owned();
        }
        apply(name, &spans, &self.rules).to_str_lossy().into_owned()
    }

    /// Returns the configured policy.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Returns the ids of every rule, built-in first.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_ref())
    }

    pub(super) fn is_allowed_path(&self, path: &[u8]) -> bool {
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
        let findings = doc.findings(self, &spans, 0);
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
            for path in [Some(&mut entry.change.path), entry.change.old_path.as_mut()]
                .into_iter()
                .flatten()
            {
                let r = self.redact_bytes(path, "");
                if !r.findings.is_empty() {
                    *path = r.text;
                    file_findings.extend(r.findings.into_iter().map(|f| Finding { line: 0, ..f }));
                }
            }
            // Findings name the file by its redacted path: a token in a file name stays hidden.
            let display = entry.change.path.to_str_lossy().into_owned();
            for f in &mut file_findings {
                f.file.clone_from(&display);
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
}

/// How many parts of a text [`dfa_keywords`] walks side by side.
const LANES: usize = 4;

/// The keyword search of [`Redactor::keywords`] with a DFA. One walk is a chain of dependent
/// table loads (each state is needed for the next), so the text is cut at line starts into
/// [`LANES`] parts walked side by side: their loads overlap, and the DFA costs about a third of
/// the time per byte. A keyword without a newline cannot straddle a cut; with `lanes` false
/// (a configured keyword holds one) the text is walked whole.
fn dfa_keywords(dfa: &DFA, text: &[u8], lanes: bool, out: &mut Vec<(usize, u32)>) {
    let start = dfa
        .start_state(Anchored::No)
        .expect("the DFA is built for unanchored searches");
    let record = |sid, end: usize, out: &mut Vec<(usize, u32)>| {
        for i in 0..dfa.match_len(sid) {
            let pattern = dfa.match_pattern(sid, i);
            out.push((end - dfa.pattern_len(pattern), pattern.as_u32()));
        }
    };
    // Walks `text[from..to]` from state `sid`.
    let walk = |from: usize, to: usize, mut sid, out: &mut Vec<(usize, u32)>| {
        for (at, &b) in text[from..to].iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if dfa.is_match(sid) {
                record(sid, from + at + 1, out);
            }
        }
    };
    if text.len() < 64 * 1024 || !lanes {
        walk(0, text.len(), start, out);
        return;
    }
    let mut bounds = [text.len(); LANES + 1];
    bounds[0] = 0;
    for k in 1..LANES {
        let at = (text.len() / LANES * k).max(bounds[k - 1]);
        bounds[k] = text[at..]
            .find_byte(b'\n')
            .map_or(text.len(), |p| at + p + 1);
    }
    let steps = (0..LANES)
        .map(|k| bounds[k + 1] - bounds[k])
        .min()
        .unwrap_or(0);
    let mut lanes: [Vec<(usize, u32)>; LANES] = Default::default();
    let mut sid = [start; LANES];
    let parts: [&[u8]; LANES] = std::array::from_fn(|k| &text[bounds[k]..bounds[k] + steps]);
    let mut i = 0;
    while i < steps {
        i = advance(dfa, parts, &mut sid, i);
        for k in 0..LANES {
            if dfa.is_match(sid[k]) {
                record(sid[k], bounds[k] + i, &mut lanes[k]);
            }
        }
    }
    for (k, lane) in lanes.iter_mut().enumerate() {
        walk(bounds[k] + steps, bounds[k + 1], sid[k], lane);
        out.append(lane);
    }
}

/// Steps the [`LANES`] walks of [`dfa_keywords`] from byte `i` of their parts (all as long)
/// until one reaches a match state or the parts end; returns the index after the last byte
/// stepped. Matches are handled by the caller, out of this loop, so the states stay in
/// registers here.
fn advance(dfa: &DFA, parts: [&[u8]; LANES], sid: &mut [StateID; LANES], mut i: usize) -> usize {
    let [p0, p1, p2, p3] = parts;
    let n = p0.len();
    let (p1, p2, p3) = (&p1[..n], &p2[..n], &p3[..n]);
    let [mut s0, mut s1, mut s2, mut s3] = *sid;
    while i < n {
        s0 = dfa.next_state(Anchored::No, s0, p0[i]);
        s1 = dfa.next_state(Anchored::No, s1, p1[i]);
        s2 = dfa.next_state(Anchored::No, s2, p2[i]);
        s3 = dfa.next_state(Anchored::No, s3, p3[i]);
        i += 1;
        if dfa.is_match(s0) | dfa.is_match(s1) | dfa.is_match(s2) | dfa.is_match(s3) {
            break;
        }
    }
    *sid = [s0, s1, s2, s3];
    i
}
