//! The diff model: one `FileChange` per file with its hunks, rendered back to unified-diff text
//! and parsed from it (`--diff FILE`), byte for byte and without assuming UTF-8.

use bstr::{BStr, BString, ByteSlice};
use std::fmt::Write as _;

/// How a file changed between the two sides of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Added,
    Deleted,
    Modified,
    Renamed,
    Copied,
    /// A regular file became a symlink or the other way round.
    TypeChange,
}

impl Status {
    /// Returns the one-letter code `git diff --name-status` uses.
    pub fn letter(self) -> char {
        match self {
            Status::Added => 'A',
            Status::Deleted => 'D',
            Status::Modified => 'M',
            Status::Renamed => 'R',
            Status::Copied => 'C',
            Status::TypeChange => 'T',
        }
    }
}

/// File mode of a submodule (gitlink) entry.
pub const MODE_GITLINK: u32 = 0o160000;
/// File mode of a symbolic link.
pub const MODE_SYMLINK: u32 = 0o120000;

/// One changed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The path after the change (for a deletion, the path that was deleted).
    pub path: BString,
    /// The path before the change, for renames and copies.
    pub old_path: Option<BString>,
    pub status: Status,
    /// Modes before and after (0 when that side does not exist).
    pub old_mode: u32,
    pub new_mode: u32,
    /// Object ids (hex; possibly abbreviated when parsed from text) of both sides.
    pub old_id: String,
    pub new_id: String,
    /// Similarity in percent, for renames and copies.
    pub similarity: Option<u8>,
    pub binary: bool,
    pub additions: usize,
    pub deletions: usize,
    pub hunks: Vec<Hunk>,
}

/// One hunk: its header fields and its body lines, kept as the raw text git prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub old_start: u32,
    pub old_lines: u32,
    pub new_start: u32,
    pub new_lines: u32,
    /// The function context after the second `@@`, without the leading space.
    pub section: BString,
    /// Body lines, each starting with ` `, `+`, `-` or `\` and ending in `\n`.
    pub body: BString,
    /// Where the hunk sits, read from the whole new file when the repository has it (empty
    /// otherwise): for a TOML file, the table headers in force at its first line and the
    /// `name` key of the array entry they open (`[[language]]` then `name = "cpp"`), one per
    /// line; for a Markdown file, the headings in force, one per level; for a GitHub
    /// Actions workflow, the job in force (`test-pass`); for a Rust file whose changed lines
    /// are all strings, the first line of the table row they sit in (`(&["sh"], &[`). Only
    /// for the offline engine: never rendered, never sent.
    pub above: BString,
    /// Whether the hunk's first line sits inside fenced code, read with `above` for a
    /// Markdown file (`None` when not read): a `# comment` in a shell block below is no
    /// heading. For a Rust file, read with `below`: inside a doc comment's example.
    pub fenced: Option<bool>,
    /// For a Rust file whose hunk ends in doc comments, the first line of code below them
    /// and the attributes that follow, read from the whole new file (empty otherwise): the
    /// item those docs belong to. Only for the offline engine: never rendered, never sent.
    pub below: BString,
    /// For a Rust hunk whose function context is an `impl`, a `trait` or a `mod`, the
    /// signature line of the function its first changed line sits in (`pub fn add_heads(`),
    /// read from the whole new file (empty otherwise). Only for the offline engine: never
    /// rendered, never sent.
    pub within: BString,
}

/// What one line of a hunk body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Context,
    Added,
    Removed,
    /// `\ No newline at end of file`.
    NoNewline,
}

/// One line of a hunk body, without its prefix character and line end.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub kind: LineKind,
    pub text: &'a BStr,
}

impl Line<'_> {
    /// Tells whether the line opens with a space or a tab: inside a definition, not at the
    /// top level of its file.
    pub fn indented(&self) -> bool {
        self.text.first().is_some_and(|b| matches!(b, b' ' | b'\t'))
    }
}

impl Hunk {
    /// A hunk of these body lines (each with its `+`, `-` or ` ` marker) and nothing else
    /// known, for tests.
    #[cfg(test)]
    pub(crate) fn of_body(body: &str) -> Hunk {
        Hunk {
            old_start: 1,
            old_lines: 1,
            new_start: 1,
            new_lines: 1,
            section: BString::default(),
            body: BString::from(body),
            above: BString::default(),
            fenced: None,
            below: BString::default(),
            within: BString::default(),
        }
    }

    /// Returns the lines of the body.
    pub fn lines(&self) -> impl Iterator<Item = Line<'_>> {
        self.body.lines().filter_map(|raw| {
            let (&first, rest) = raw.split_first()?;
            let kind = match first {
                b'+' => LineKind::Added,
                b'-' => LineKind::Removed,
                b'\\' => LineKind::NoNewline,
                _ => LineKind::Context,
            };
            Some(Line {
                kind,
                text: rest.as_bstr(),
            })
        })
    }

    /// Renders the `@@ -a,b +c,d @@ section` line, without its newline.
    pub fn header(&self) -> String {
        let mut out = String::with_capacity(32 + self.section.len());
        out.push_str("@@ -");
        push_range(&mut out, self.old_start, self.old_lines);
        out.push_str(" +");
        push_range(&mut out, self.new_start, self.new_lines);
        out.push_str(" @@");
        if !self.section.is_empty() {
            out.push(' ');
            out.push_str(&self.section.to_str_lossy());
        }
        out
    }
}

fn push_range(out: &mut String, start: u32, lines: u32) {
    if lines == 1 {
        let _ = write!(out, "{start}");
    } else {
        let _ = write!(out, "{start},{lines}");
    }
}

impl FileChange {
    /// Returns a change with no content, for building by hand.
    pub fn new(path: impl Into<BString>, status: Status) -> Self {
        FileChange {
            path: path.into(),
            old_path: None,
            status,
            old_mode: if status == Status::Added { 0 } else { 0o100644 },
            new_mode: if status == Status::Deleted {
                0
            } else {
                0o100644
            },
            old_id: String::new(),
            new_id: String::new(),
            similarity: None,
            binary: false,
            additions: 0,
            deletions: 0,
            hunks: Vec::new(),
        }
    }

    /// Returns the path before the change (the old path of a rename, else the path).
    pub fn source_path(&self) -> &BStr {
        self.old_path.as_ref().unwrap_or(&self.path).as_bstr()
    }

    /// Tells whether the change is a submodule pointer.
    pub fn is_submodule(&self) -> bool {
        self.old_mode == MODE_GITLINK || self.new_mode == MODE_GITLINK
    }

    /// Tells whether either side is a symbolic link.
    pub fn is_symlink(&self) -> bool {
        self.old_mode == MODE_SYMLINK || self.new_mode == MODE_SYMLINK
    }

    /// Counts added and removed lines from the hunks.
    pub fn recount(&mut self) {
        let (mut add, mut del) = (0, 0);
        for hunk in &self.hunks {
            for line in hunk.lines() {
                match line.kind {
                    LineKind::Added => add += 1,
                    LineKind::Removed => del += 1,
                    _ => {}
                }
            }
        }
        self.additions = add;
        self.deletions = del;
    }

    /// Returns the size in bytes of the rendered hunk bodies.
    pub fn text_len(&self) -> usize {
        self.hunks
            .iter()
            .map(|h| h.body.len() + h.section.len() + 24)
            .sum()
    }
}

/// Options for rendering a diff back to text.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Hex digits of object ids on `index` lines (git's default is 7 in small repositories).
    pub abbrev: usize,
    /// Quote paths with bytes outside printable ASCII, as git's `core.quotePath` does.
    pub quote_path: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            abbrev: 7,
            quote_path: true,
        }
    }
}

/// Renders changes as unified-diff text, as `git diff --cached` prints them.
pub fn render(changes: &[FileChange], opts: RenderOptions) -> BString {
    let mut out = BString::from(Vec::with_capacity(
        changes.iter().map(|c| c.text_len() + 200).sum(),
    ));
    for change in changes {
        render_file(&mut out, change, opts);
    }
    out
}

/// Appends the unified-diff text of one change to `out`.
pub fn render_file(out: &mut BString, change: &FileChange, opts: RenderOptions) {
    render_header(out, change, opts);
    for hunk in &change.hunks {
        out.extend_from_slice(hunk.header().as_bytes());
        out.push(b'\n');
        out.extend_from_slice(&hunk.body);
    }
}

/// Appends a change's header to `out`: `diff --git` through the `---`/`+++` lines (or the
/// `Binary files … differ` line), everything but the hunks.
pub fn render_header(out: &mut BString, change: &FileChange, opts: RenderOptions) {
    let old = change.source_path();
    let new: &BStr = change.path.as_ref();
    out.extend_from_slice(b"diff --git ");
    push_path(out, b"a/", old, opts.quote_path);
    out.push(b' ');
    push_path(out, b"b/", new, opts.quote_path);
    out.push(b'\n');

    let mode_line = |out: &mut BString, label: &str, mode: u32| {
        out.extend_from_slice(format!("{label} {mode:o}\n").as_bytes());
    };
    match change.status {
        Status::Added => mode_line(out, "new file mode", change.new_mode),
        Status::Deleted => mode_line(out, "deleted file mode", change.old_mode),
        _ => {
            if change.old_mode != change.new_mode && change.old_mode != 0 && change.new_mode != 0 {
                mode_line(out, "old mode", change.old_mode);
                mode_line(out, "new mode", change.new_mode);
            }
        }
    }
    if matches!(change.status, Status::Renamed | Status::Copied) {
        let word = if change.status == Status::Renamed {
            "rename"
        } else {
            "copy"
        };
        let _ = change.similarity.map(|s| {
            out.extend_from_slice(format!("similarity index {s}%\n").as_bytes());
        });
        out.extend_from_slice(format!("{word} from ").as_bytes());
        push_path(out, b"", old, opts.quote_path);
        out.extend_from_slice(format!("\n{word} to ").as_bytes());
        push_path(out, b"", new, opts.quote_path);
        out.push(b'\n');
    }
    let same_content = change.old_id == change.new_id && !change.old_id.is_empty();
    if !same_content && (!change.old_id.is_empty() || !change.new_id.is_empty()) {
        out.extend_from_slice(b"index ");
        out.extend_from_slice(abbrev(&change.old_id, opts.abbrev).as_bytes());
        out.extend_from_slice(b"..");
        out.extend_from_slice(abbrev(&change.new_id, opts.abbrev).as_bytes());
        if change.old_mode == change.new_mode && change.old_mode != 0 {
            out.extend_from_slice(format!(" {:o}", change.old_mode).as_bytes());
        }
        out.push(b'\n');
    }
    if change.binary {
        out.extend_from_slice(b"Binary files ");
        side_name(out, b"a/", old, change.status == Status::Added, opts);
        out.extend_from_slice(b" and ");
        side_name(out, b"b/", new, change.status == Status::Deleted, opts);
        out.extend_from_slice(b" differ\n");
        return;
    }
    if change.hunks.is_empty() {
        return;
    }
    label_line(
        out,
        b"--- ",
        b"a/",
        old,
        change.status == Status::Added,
        opts,
    );
    label_line(
        out,
        b"+++ ",
        b"b/",
        new,
        change.status == Status::Deleted,
        opts,
    );
}

/// Appends a `---` or `+++` line. As git does, a label holding a space ends with a tab, so
/// `patch` can tell where the name ends (git `diff.c`, `DIFF_SYMBOL_FILEPAIR_PLUS`).
fn label_line(
    out: &mut BString,
    marker: &[u8],
    prefix: &[u8],
    path: &BStr,
    absent: bool,
    opts: RenderOptions,
) {
    out.extend_from_slice(marker);
    let start = out.len();
    side_name(out, prefix, path, absent, opts);
    if out[start..].contains(&b' ') {
        out.push(b'\t');
    }
    out.push(b'\n');
}

fn side_name(out: &mut BString, prefix: &[u8], path: &BStr, absent: bool, opts: RenderOptions) {
    if absent {
        out.extend_from_slice(b"/dev/null");
    } else {
        push_path(out, prefix, path, opts.quote_path);
    }
}

fn abbrev(id: &str, len: usize) -> &str {
    if id.is_empty() {
        return &"0000000000000000000000000000000000000000"[..len.min(40)];
    }
    &id[..len.min(id.len())]
}

/// Appends `prefix` + `path`, quoted the way git quotes paths when `quote` is on.
fn push_path(out: &mut BString, prefix: &[u8], path: &BStr, quote: bool) {
    let needs = path
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f || (quote && b >= 0x80));
    if !needs {
        out.extend_from_slice(prefix);
        out.extend_from_slice(path);
        return;
    }
    out.push(b'"');
    out.extend_from_slice(prefix);
    for &b in path.iter() {
        match b {
            b'\x07' => out.extend_from_slice(b"\\a"),
            b'\x08' => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\x0b' => out.extend_from_slice(b"\\v"),
            b'\x0c' => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b if b < 0x20 || b == 0x7f || (quote && b >= 0x80) => {
                out.extend_from_slice(format!("\\{b:03o}").as_bytes());
            }
            b => out.push(b),
        }
    }
    out.push(b'"');
}

/// Undoes git's path quoting: returns the bytes inside `"…"` with escapes resolved, or the
/// input unchanged when it is not quoted.
fn unquote(raw: &[u8]) -> BString {
    if raw.len() < 2 || raw[0] != b'"' || raw[raw.len() - 1] != b'"' {
        return raw.into();
    }
    let inner = &raw[1..raw.len() - 1];
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        let b = inner[i];
        if b != b'\\' || i + 1 >= inner.len() {
            out.push(b);
            i += 1;
            continue;
        }
        let e = inner[i + 1];
        i += 2;
        match e {
            b'a' => out.push(7),
            b'b' => out.push(8),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'v' => out.push(11),
            b'f' => out.push(12),
            b'r' => out.push(b'\r'),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut n = 1;
                while n < 3 && i < inner.len() && (b'0'..=b'7').contains(&inner[i]) {
                    v = v * 8 + u32::from(inner[i] - b'0');
                    i += 1;
                    n += 1;
                }
                out.push((v & 0xff) as u8);
            }
            other => out.push(other),
        }
    }
    out.into()
}

/// Splits the rest of a `diff --git` line into its two paths.
fn split_git_paths(rest: &[u8]) -> Option<(BString, BString)> {
    if rest.first() == Some(&b'"') {
        // Quoted first path: find its closing quote.
        let mut i = 1;
        while i < rest.len() {
            match rest[i] {
                b'\\' => i += 2,
                b'"' => break,
                _ => i += 1,
            }
        }
        let first = unquote(rest.get(..=i)?);
        let second = unquote(rest.get(i + 1..)?.trim_ascii_start());
        return Some((strip_prefix(&first), strip_prefix(&second)));
    }
    if rest.last() == Some(&b'"') {
        let start = rest.rfind(b" \"")?;
        let first = rest[..start].as_bstr();
        let second = unquote(&rest[start + 1..]);
        return Some((strip_prefix(first), strip_prefix(&second)));
    }
    // Unquoted: `a/X b/X`. With no renames both halves are equal, which resolves paths that
    // contain " b/"; otherwise split at the first " b/".
    let half = rest.len() / 2;
    if rest.len() % 2 == 1 && rest[half] == b' ' && rest[..half][2..] == rest[half + 1..][2..] {
        return Some((strip_prefix(&rest[..half]), strip_prefix(&rest[half + 1..])));
    }
    let at = rest.find(b" b/").or_else(|| rest.find(b" "))?;
    Some((strip_prefix(&rest[..at]), strip_prefix(&rest[at + 1..])))
}

fn strip_prefix(path: &[u8]) -> BString {
    for prefix in [&b"a/"[..], b"b/", b"i/", b"w/", b"c/", b"o/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            return rest.into();
        }
    }
    path.into()
}

/// Parses the path of a `---`/`+++` line; `None` for `/dev/null`.
fn parse_side(rest: &[u8]) -> Option<BString> {
    // `diff -u` appends a tab and a timestamp; git a lone tab after a name with a space.
    let rest = if rest.first() == Some(&b'"') {
        rest.strip_suffix(b"\t").unwrap_or(rest)
    } else {
        rest.split_str("\t").next().unwrap_or(rest)
    };
    if rest == b"/dev/null" {
        return None;
    }
    Some(strip_prefix(&unquote(rest)))
}

fn parse_range(s: &[u8]) -> Option<(u32, u32)> {
    let s = s.to_str().ok()?;
    match s.split_once(',') {
        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
        None => Some((s.parse().ok()?, 1)),
    }
}

/// Parses an `@@ -a,b +c,d @@ section` line.
fn parse_hunk_header(line: &[u8]) -> Option<Hunk> {
    let rest = line.strip_prefix(b"@@ -")?;
    let end = rest.find(b" @@")?;
    let (ranges, after) = (&rest[..end], &rest[end + 3..]);
    let (old, new) = ranges.split_once_str(" +")?;
    let (old_start, old_lines) = parse_range(old)?;
    let (new_start, new_lines) = parse_range(new)?;
    Some(Hunk {
        old_start,
        old_lines,
        new_start,
        new_lines,
        section: after.strip_prefix(b" ").unwrap_or(after).into(),
        body: BString::default(),
        above: BString::default(),
        fenced: None,
        below: BString::default(),
        within: BString::default(),
    })
}

fn parse_mode(s: &[u8]) -> u32 {
    s.to_str()
        .ok()
        .and_then(|s| u32::from_str_radix(s.trim(), 8).ok())
        .unwrap_or(0)
}

/// Parses unified-diff text as `git diff`, `git show` or `diff -u` write it.
///
/// Anything that is not part of a file's diff (commit headers, `GIT binary patch` data) is
/// skipped; a diff cut off mid-hunk keeps what it has. Never fails: garbage yields no changes.
pub fn parse(input: &[u8]) -> Vec<FileChange> {
    let mut changes: Vec<FileChange> = Vec::new();
    let mut current: Option<FileChange> = None;
    // Lines of the current hunk still expected on the old and new side.
    let (mut old_left, mut new_left) = (0u32, 0u32);
    let mut in_binary_patch = false;

    let finish = |current: &mut Option<FileChange>, changes: &mut Vec<FileChange>| {
        if let Some(mut change) = current.take() {
            change.recount();
            changes.push(change);
        }
    };

    let mut lines = input.lines_with_terminator().peekable();
    while let Some(raw) = lines.next() {
        let line = raw.strip_suffix(b"\n").unwrap_or(raw);
        let line = line.strip_suffix(b"\r").unwrap_or(line);

        // Inside a hunk: body lines until both sides are complete.
        if let Some(change) = current.as_mut().filter(|_| old_left > 0 || new_left > 0) {
            let hunk = change
                .hunks
                .last_mut()
                .expect("a hunk is open while lines are left");
            match line.first() {
                Some(b' ') | None => {
                    old_left = old_left.saturating_sub(1);
                    new_left = new_left.saturating_sub(1);
                }
                Some(b'-') => old_left = old_left.saturating_sub(1),
                Some(b'+') => new_left = new_left.saturating_sub(1),
                Some(b'\\') => {}
                _ => {
                    // Malformed hunk: close it and read this line as a header.
                    old_left = 0;
                    new_left = 0;
                }
            }
            if old_left > 0 || new_left > 0 || matches!(line.first(), Some(b' ' | b'-' | b'+')) {
                if line.is_empty() {
                    hunk.body.push(b' ');
                }
                hunk.body.extend_from_slice(line);
                hunk.body.push(b'\n');
                // A `\ No newline` marker may follow the last line.
                if old_left == 0
                    && new_left == 0
                    && let Some(next) = lines.peek().filter(|n| n.starts_with(b"\\ "))
                {
                    let next = next.strip_suffix(b"\n").unwrap_or(next);
                    hunk.body.extend_from_slice(next);
                    hunk.body.push(b'\n');
                    lines.next();
                }
                continue;
            }
            if line.first() == Some(&b'\\') {
                hunk.body.extend_from_slice(line);
                hunk.body.push(b'\n');
                continue;
            }
        }
        // A `\ No newline` right after a hunk closed.
        if line.starts_with(b"\\ ") {
            if let Some(hunk) = current.as_mut().and_then(|c| c.hunks.last_mut()) {
                hunk.body.extend_from_slice(line);
                hunk.body.push(b'\n');
            }
            continue;
        }

        if let Some(rest) = line.strip_prefix(b"diff --git ") {
            finish(&mut current, &mut changes);
            in_binary_patch = false;
            let (old, new) = split_git_paths(rest).unwrap_or_else(|| (rest.into(), rest.into()));
            let mut change = FileChange::new(new.clone(), Status::Modified);
            if old != new {
                change.old_path = Some(old);
                change.status = Status::Renamed;
            }
            current = Some(change);
            continue;
        }
        if let Some(rest) = line.strip_prefix(b"--- ") {
            // A plain `diff -u` file starts with `---` and no `diff --git` line.
            let plain = current.as_ref().is_none_or(|c| !c.hunks.is_empty());
            if plain && lines.peek().is_some_and(|n| n.starts_with(b"+++ ")) {
                finish(&mut current, &mut changes);
                let old = parse_side(rest);
                let next = lines.next().unwrap_or_default();
                let next = next.strip_suffix(b"\n").unwrap_or(next);
                let new = parse_side(&next[4..]);
                let (path, status) = match (&old, &new) {
                    (None, Some(n)) => (n.clone(), Status::Added),
                    (Some(o), None) => (o.clone(), Status::Deleted),
                    (_, Some(n)) => (n.clone(), Status::Modified),
                    (None, None) => (BString::from("/dev/null"), Status::Modified),
                };
                let mut change = FileChange::new(path, status);
                if let (Some(o), Some(n)) = (&old, &new)
                    && o != n
                {
                    change.old_path = Some(o.clone());
                    change.status = Status::Renamed;
                }
                current = Some(change);
                continue;
            }
            if let Some(change) = current.as_mut()
                && parse_side(rest).is_none()
            {
                change.status = Status::Added;
                change.old_mode = 0;
            }
            continue;
        }
        let Some(change) = current.as_mut() else {
            continue;
        };
        if let Some(rest) = line.strip_prefix(b"+++ ") {
            if parse_side(rest).is_none() {
                change.status = Status::Deleted;
                change.new_mode = 0;
            }
        } else if line.starts_with(b"@@ ") {
            if let Some(hunk) = parse_hunk_header(line) {
                old_left = hunk.old_lines;
                new_left = hunk.new_lines;
                change.hunks.push(hunk);
            }
        } else if in_binary_patch {
            continue;
        } else if let Some(rest) = line.strip_prefix(b"new file mode ") {
            change.status = Status::Added;
            change.old_mode = 0;
            change.new_mode = parse_mode(rest);
        } else if let Some(rest) = line.strip_prefix(b"deleted file mode ") {
            change.status = Status::Deleted;
            change.new_mode = 0;
            change.old_mode = parse_mode(rest);
        } else if let Some(rest) = line.strip_prefix(b"old mode ") {
            change.old_mode = parse_mode(rest);
        } else if let Some(rest) = line.strip_prefix(b"new mode ") {
            change.new_mode = parse_mode(rest);
            if (change.old_mode & 0o170000) != (change.new_mode & 0o170000) {
                change.status = Status::TypeChange;
            }
        } else if let Some(rest) = line.strip_prefix(b"similarity index ") {
            let digits = rest.strip_suffix(b"%").unwrap_or(rest);
            change.similarity = digits.to_str().ok().and_then(|s| s.parse().ok());
        } else if let Some(rest) = line.strip_prefix(b"rename from ") {
            change.old_path = Some(unquote(rest));
            change.status = Status::Renamed;
        } else if let Some(rest) = line.strip_prefix(b"rename to ") {
            change.path = unquote(rest);
            change.status = Status::Renamed;
        } else if let Some(rest) = line.strip_prefix(b"copy from ") {
            change.old_path = Some(unquote(rest));
            change.status = Status::Copied;
        } else if let Some(rest) = line.strip_prefix(b"copy to ") {
            change.path = unquote(rest);
            change.status = Status::Copied;
        } else if let Some(rest) = line.strip_prefix(b"index ") {
            let (ids, mode) = rest.split_once_str(" ").unwrap_or((rest, b""));
            if let Some((a, b)) = ids.split_once_str("..") {
                change.old_id = a.to_str_lossy().into_owned();
                change.new_id = b.to_str_lossy().into_owned();
            }
            if !mode.is_empty() {
                let mode = parse_mode(mode);
                change.old_mode = mode;
                change.new_mode = mode;
            }
        } else if line.starts_with(b"Binary files ") && line.ends_with(b" differ") {
            change.binary = true;
        } else if line == b"GIT binary patch" {
            change.binary = true;
            in_binary_patch = true;
        }
    }
    finish(&mut current, &mut changes);
    for change in &mut changes {
        if change.status == Status::Renamed && change.old_path.as_ref() == Some(&change.path) {
            change.old_path = None;
            change.status = Status::Modified;
        }
        if change.old_id.chars().all(|c| c == '0') && change.status == Status::Added {
            change.old_id.clear();
        }
        if change.new_id.chars().all(|c| c == '0') && change.status == Status::Deleted {
            change.new_id.clear();
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "diff --git a/src/lib.rs b/src/lib.rs
index 1111111..2222222 100644
--- a/src/lib.rs
+++ b/src/lib.rs
@@ -1,3 +1,4 @@ fn main() {
 a
-b
+c
+d
 e
diff --git a/new.txt b/new.txt
new file mode 100755
index 0000000..3333333
--- /dev/null
+++ b/new.txt
@@ -0,0 +1 @@
+hello
\\ No newline at end of file
diff --git a/old name.rs b/new name.rs
similarity index 90%
rename from old name.rs
rename to new name.rs
index 4444444..5555555 100644
--- a/old name.rs\t
+++ b/new name.rs\t
@@ -10 +10 @@
-x
+y
diff --git a/img.png b/img.png
index 6666666..7777777 100644
Binary files a/img.png and b/img.png differ
diff --git a/gone.rs b/gone.rs
deleted file mode 100644
index 8888888..0000000
--- a/gone.rs
+++ /dev/null
@@ -1,2 +0,0 @@
-one
-two
diff --git a/run.sh b/run.sh
old mode 100644
new mode 100755
diff --git \"a/caf\\303\\251.txt\" \"b/caf\\303\\251.txt\"
new file mode 100644
index 0000000..e69de29
";

    #[test]
    fn parse_then_render_round_trips() {
        let changes = parse(SAMPLE.as_bytes());
        assert_eq!(changes.len(), 7);
        assert_eq!(
            render(&changes, RenderOptions::default()),
            SAMPLE.as_bytes()
        );
    }

    #[test]
    fn parse_reads_statuses_and_counts() {
        let changes = parse(SAMPLE.as_bytes());
        let got: Vec<_> = changes
            .iter()
            .map(|c| {
                (
                    c.path.to_string(),
                    c.status,
                    c.additions,
                    c.deletions,
                    c.binary,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("src/lib.rs".into(), Status::Modified, 2, 1, false),
                ("new.txt".into(), Status::Added, 1, 0, false),
                ("new name.rs".into(), Status::Renamed, 1, 1, false),
                ("img.png".into(), Status::Modified, 0, 0, true),
                ("gone.rs".into(), Status::Deleted, 0, 2, false),
                ("run.sh".into(), Status::Modified, 0, 0, false),
                ("café.txt".into(), Status::Added, 0, 0, false),
            ]
        );
        assert_eq!(changes[2].old_path.as_ref().unwrap(), "old name.rs");
        assert_eq!(changes[5].new_mode, 0o100755);
        assert_eq!(changes[0].hunks[0].section, "fn main() {");
    }

    #[test]
    fn parse_survives_truncation_and_garbage() {
        for cut in 0..SAMPLE.len() {
            let _ = parse(&SAMPLE.as_bytes()[..cut]);
        }
        assert!(parse(b"\xff\xfe garbage\n@@ nonsense @@\n+++ \n").is_empty());
        let cut = parse(&SAMPLE.as_bytes()[..138]);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].additions, 1);
    }

    #[test]
    fn parse_skips_commit_header_and_reads_plain_unified_diffs() {
        let text = "commit abc\nAuthor: A <a@b>\n\n    fix: thing\n\n--- a/x.c\t2024-01-01\n+++ b/x.c\t2024-01-02\n@@ -1 +1 @@\n-a\n+b\n";
        let changes = parse(text.as_bytes());
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].path, "x.c");
        assert_eq!((changes[0].additions, changes[0].deletions), (1, 1));
    }

    #[test]
    fn hunk_lines_that_look_like_headers_stay_in_the_hunk() {
        let text = "diff --git a/a b/a\nindex 1..2 100644\n--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n---- a/x\n++++ b/x\n";
        let changes = parse(text.as_bytes());
        assert_eq!(changes.len(), 1);
        assert_eq!((changes[0].additions, changes[0].deletions), (1, 1));
    }

    #[test]
    fn quoting_round_trips_odd_bytes() {
        let path = BString::from(&b"we\"ird\\\t\xff.txt"[..]);
        let mut out = BString::default();
        push_path(&mut out, b"a/", path.as_ref(), true);
        assert_eq!(out, "\"a/we\\\"ird\\\\\\t\\377.txt\"");
        assert_eq!(strip_prefix(&unquote(&out)), path);
    }
}
