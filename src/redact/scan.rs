//! One scan of a document: the keyword prefilter picks each line's candidate rules, they run
//! on that line only, overlapping finds are resolved, and the spans are replaced.

use super::doc::Doc;
use super::redactor::{Matcher, Redactor, Rule};
use super::rules::{Check, Custom};
use super::{ALLOW_MARKER, generic, structural, value};
use bstr::{BString, ByteSlice};

/// A byte range to replace, within one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Index of the rule that names it (and its priority: lower wins).
    pub(super) rule: u32,
    /// Start of the line the span lies in.
    pub(super) line: usize,
    /// A later line of a block already reported once (private keys).
    pub(super) cont: bool,
}

impl Redactor {
    /// Finds every span to redact in a document, non-overlapping and in order.
    pub(super) fn scan(&self, doc: &Doc<'_>) -> Vec<Span> {
        let mut scan = Scan {
            r: self,
            doc,
            spans: Vec::new(),
            block_end: 0,
            hits: Vec::new(),
        };
        let text = doc.text;
        let mut keywords = Vec::new();
        self.keywords(doc.size_hint.max(text.len()), text, &mut keywords);
        let allow_pattern = self.patterns.len() - 1;
        let mut stamp = vec![u32::MAX; self.rules.len()];
        let mut candidates: Vec<u32> = Vec::new();
        let mut line_no = 0u32;
        let (mut ls, mut le) = (usize::MAX, 0);
        let mut allowed = false;
        // One pass: matches come in order of their end, so line by line.
        for &(start, pattern) in &keywords {
            if ls == usize::MAX || start > le {
                if ls != usize::MAX && !allowed && ls >= scan.block_end {
                    candidates.sort_unstable();
                    scan.line(ls, le, &candidates);
                }
                (ls, le) = doc.line_at(start);
                candidates.clear();
                line_no = line_no.wrapping_add(1);
                allowed = false;
            }
            let pattern = pattern as usize;
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
        if let Some(rule) = self.private_key {
            structural::key_body(&mut scan, rule);
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
pub(super) struct Scan<'r, 'd> {
    pub(super) r: &'r Redactor,
    pub(super) doc: &'r Doc<'d>,
    pub(super) spans: Vec<Span>,
    /// Lines before this offset belong to a block already handled (a private key).
    pub(super) block_end: usize,
    pub(super) hits: Vec<generic::Hit>,
}

impl Scan<'_, '_> {
    pub(super) fn push(&mut self, start: usize, end: usize, rule: u32, line: usize, cont: bool) {
        if end > start && !value::is_known_public(&self.doc.text[start..end]) {
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
                Matcher::Builtin(_) | Matcher::Compiled(_) => {
                    let re = rule.regex().expect("regex rules have a regex");
                    // Most candidate lines hold no match: a test, which needs neither where
                    // the match starts nor its groups, costs a fraction of a captures search.
                    if !re.is_match(content) {
                        continue;
                    }
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
        // The `k`-th line after this one (its start), up to a diff header.
        let line_after = |k: usize| {
            let mut at = (ls, le);
            for _ in 0..k {
                at = doc.next_line(at.1)?;
                if doc.is_header(at.0, at.1) {
                    return None;
                }
            }
            Some(at)
        };
        let following = |k: usize| {
            line_after(k).map(|(ns, ne)| {
                let (ncs, nce) = doc.content(ns, ne);
                &doc.text[ncs..nce]
            })
        };
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        generic::scan_line(content, &following, lang, &mut hits);
        for h in &hits {
            let rule = if h.class == value::Class::Password {
                self.r.generic_password
            } else {
                self.r.generic_secret
            };
            let (base, line) = match line_after(h.line) {
                Some((ns, ne)) if h.line > 0 => (doc.content(ns, ne).0, ns),
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
        if super::doc::find(&doc.text[cs..ce], ALLOW_MARKER.as_bytes()).is_none() {
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
pub(super) fn apply(text: &[u8], spans: &[Span], rules: &[Rule]) -> BString {
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
