//! A text to scan: its lines, the file each line belongs to, and line numbers in that file.

use super::Finding;
use super::generic::{self, Lang};
use super::redactor::Redactor;
use super::scan::Span;
use bstr::ByteSlice;

/// Line numbers, in the file, of the spans of one hunk body.
pub(super) fn hunk_lines(
    body: &[u8],
    old_start: u32,
    new_start: u32,
    spans: &[Span],
) -> Vec<usize> {
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
    /// The text before this line start has been searched for headers: each finding searches
    /// only what lies after the one before (a text far from any hunk header is searched once,
    /// not once per finding).
    scanned: usize,
    /// The start of the last `@@ -` line, and of the last `diff ` line, before `scanned`.
    last_header: Option<usize>,
    last_diff: Option<usize>,
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

    /// The starts of the last `@@ -` line and the last `diff ` line before line start `ls`.
    fn headers_before(&mut self, t: &[u8], ls: usize) -> (Option<usize>, Option<usize>) {
        if ls < self.scanned || self.scanned == 0 {
            // Out of order (or the first call): search from the start.
            self.scanned = 0;
            self.last_header = t.starts_with(b"@@ -").then_some(0);
            self.last_diff = t.starts_with(b"diff ").then_some(0);
        }
        let from = self.scanned.saturating_sub(1);
        if ls > from {
            if let Some(p) = t[from..ls].rfind(b"\n@@ -") {
                self.last_header = Some(from + p + 1);
            }
            if let Some(p) = t[from..ls].rfind(b"\ndiff ") {
                self.last_diff = Some(from + p + 1);
            }
        }
        self.scanned = ls;
        (self.last_header, self.last_diff)
    }

    /// For a line inside a hunk of a diff text: its line number in the file.
    fn file_line(&mut self, t: &[u8], ls: usize) -> Option<usize> {
        let same = self.hunk.is_some_and(|(_, pos, _, _)| {
            pos <= ls
                && t[pos..ls].find(b"\n@@ -").is_none()
                && t[pos..ls].find(b"\ndiff ").is_none()
        });
        if !same {
            let (last_header, last_diff) = self.headers_before(t, ls);
            let header = if t[ls..].starts_with(b"@@ -") {
                ls
            } else {
                last_header?
            };
            if last_diff.is_some_and(|d| d > header && d < ls) {
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
pub(super) enum Files<'a> {
    One { path: &'a [u8], lang: Lang },
    Sections(Vec<Section>),
}

pub(super) struct Section {
    start: usize,
    path: Vec<u8>,
    lang: Lang,
}

/// A text to scan.
pub(super) struct Doc<'a> {
    pub(super) text: &'a [u8],
    /// The size of the whole input this text is part of (a hunk of a large diff), to pick
    /// the keyword automaton.
    pub(super) size_hint: usize,
    /// Lines carry a one-byte diff prefix (` `, `+`, `-`); `@@` lines carry a section.
    pub(super) diff: bool,
    pub(super) files: Files<'a>,
}

/// Finds a short `needle` in `hay` with no searcher to build (a `memmem` finder costs more
/// than one line's search): `memchr` on its first byte, then a compare there.
pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = 0;
    while let Some(p) = hay[at..].find_byte(first) {
        let i = at + p;
        if hay[i + 1..].starts_with(rest) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

pub(crate) fn looks_like_diff(text: &[u8]) -> bool {
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
    pub(super) fn plain(text: &'a [u8], path: &'a [u8]) -> Self {
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
    pub(super) fn diff_text(text: &'a [u8], label: &str) -> Self {
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

    pub(super) fn file_at(&self, pos: usize) -> (&[u8], Lang) {
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
    pub(super) fn line_at(&self, pos: usize) -> (usize, usize) {
        let t = self.text;
        let pos = pos.min(t.len());
        let ls = t[..pos].rfind_byte(b'\n').map_or(0, |p| p + 1);
        let le = t[pos..].find_byte(b'\n').map_or(t.len(), |p| pos + p);
        (ls, le)
    }

    pub(super) fn next_line(&self, le: usize) -> Option<(usize, usize)> {
        let ns = le + 1;
        if ns >= self.text.len() {
            return None;
        }
        Some(self.line_at(ns))
    }

    pub(super) fn prev_line(&self, ls: usize) -> Option<(usize, usize)> {
        if ls == 0 {
            return None;
        }
        Some(self.line_at(ls - 1))
    }

    /// The part of a line that is file content: without the diff prefix, the `@@ … @@` of a
    /// hunk header, or a trailing `\r`.
    pub(super) fn content(&self, ls: usize, le: usize) -> (usize, usize) {
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
                    cs = match find(&t[cs + 2..ce], b"@@") {
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
    pub(super) fn is_header(&self, ls: usize, le: usize) -> bool {
        if !self.diff {
            return false;
        }
        let line = &self.text[ls..le];
        if !matches!(line.first(), Some(b'@' | b'd' | b'i' | b'+' | b'-')) {
            return false;
        }
        line.starts_with(b"@@")
            || line.starts_with(b"diff ")
            || line.starts_with(b"index ")
            || line.starts_with(b"+++ ")
            || line.starts_with(b"--- a/")
            || line.starts_with(b"--- /dev/null")
    }

    /// Findings for the spans of a whole text (not a hunk from a `FileEntry`).
    /// Lines counted in the text (not read from a hunk header) are numbered from
    /// `base_line + 1`: a piece of a longer input numbers its lines as the whole does.
    pub(super) fn findings(&self, r: &Redactor, spans: &[Span], base_line: usize) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut cursor = Cursor::default();
        // The last file named and its redacted name: a token in a path stays hidden.
        let mut named: Option<(&[u8], String)> = None;
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
                None => base_line + cursor.text_line(self.text, s.line),
            };
            let file = match &named {
                Some((p, name)) if *p == path => name.clone(),
                _ => {
                    let name = r.redact_name(path);
                    named = Some((path, name.clone()));
                    name
                }
            };
            out.push(Finding {
                rule: r.rules[s.rule as usize].id.to_string(),
                file,
                line,
            });
        }
        out
    }
}
