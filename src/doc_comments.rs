//! Where a hunk of Rust sits in its file, for what three lines of context seldom show. For
//! doc comments: the line of code the docs it ends in belong to, and whether its first line
//! is inside a doc example's fenced code ([`Hunk::below`](crate::diff::Hunk::below),
//! [`Hunk::fenced`](crate::diff::Hunk::fenced)): tokio's `simplex` lies twenty lines under
//! the example its docs fix, so the change read `update mem.rs`. For lines of strings: the
//! first line of the table row written over lines they sit in
//! ([`Hunk::above`](crate::diff::Hunk::above)), ripgrep's `(&["sh"], &[`. Git reads them from
//! the staged file for the hunks that need them.

/// How far below a hunk the item of its docs is looked for.
const MAX_BELOW: usize = 200;

/// The words of a doc comment line (`/// text`, `//! text`), or `None` for any other line
/// (`////` is a plain comment).
pub fn doc_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.strip_prefix("//!")
        .or_else(|| t.strip_prefix("///").filter(|r| !r.starts_with('/')))
}

/// For each hunk, given as its first line and line count on the new side in ascending
/// order, read from the whole new file: the first line of code below the doc comments and
/// attributes that follow the hunk (empty when a hunk ends in code, or nothing follows),
/// and whether the hunk's first line sits inside fenced code of a doc comment.
pub fn places(text: &str, hunks: &[(u32, u32)]) -> Vec<(String, bool)> {
    let lines: Vec<&str> = text.lines().collect();
    // Whether fenced code is open after each line: a doc line's fence toggles it, any
    // other line ends the comment and closes it.
    let mut open = Vec::with_capacity(lines.len());
    let mut fenced = false;
    for line in &lines {
        fenced = match doc_text(line) {
            Some(text) => fenced ^ crate::headings::is_fence(text),
            None => false,
        };
        open.push(fenced);
    }
    hunks
        .iter()
        .map(|&(start, count)| {
            let first = (start as usize).saturating_sub(1);
            let inside = first
                .checked_sub(1)
                .and_then(|i| open.get(i))
                .copied()
                .unwrap_or(false);
            let end = (first + count as usize).min(lines.len());
            (below(&lines, end), inside)
        })
        .collect()
}

/// The first line of code at or after `from` when the lines before it, up to the hunk's
/// end, are docs or attributes: the item they belong to (`pub fn simplex(…`).
fn below(lines: &[&str], from: usize) -> String {
    let ends_in_docs = from
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .is_some_and(|l| doc_text(l).is_some() || l.trim_start().starts_with("#["));
    // Open brackets of an attribute that runs over several lines, the hunk ending inside
    // one (bevy's `#[cfg_attr(` and its `derive(Reflect),` under a `#[derive(…)]`).
    let mut depth = open_attribute(lines, from);
    if !ends_in_docs && depth == 0 {
        return String::new();
    }
    for line in lines.iter().skip(from).take(MAX_BELOW) {
        let t = line.trim();
        if depth > 0 || t.starts_with("#[") {
            depth += t.matches('[').count() as i32 - t.matches(']').count() as i32;
            depth = depth.max(0);
            continue;
        }
        if doc_text(t).is_some() {
            continue;
        }
        return if t.is_empty() || t.starts_with("//") {
            String::new()
        } else {
            t.to_owned()
        };
    }
    String::new()
}

/// How many brackets of an attribute are still open after the line before `from`, when
/// that line lies inside one written over several lines (a few lines up at most); 0
/// otherwise.
fn open_attribute(lines: &[&str], from: usize) -> i32 {
    let start = from.saturating_sub(8);
    let Some(open) = (start..from).rev().find(|&i| {
        lines
            .get(i)
            .is_some_and(|l| l.trim_start().starts_with("#["))
    }) else {
        return 0;
    };
    let mut depth = 0i32;
    for line in &lines[open..from.min(lines.len())] {
        depth += line.matches('[').count() as i32 - line.matches(']').count() as i32;
        if depth <= 0 {
            // Closed before the hunk's end: code or docs may follow.
            depth = 0;
        }
    }
    depth.max(0)
}

/// Whether a line holds quoted strings and nothing else (commas between): a line of a
/// list of strings written over lines (`".login", ".profile",`).
pub fn is_string_list(line: &str) -> bool {
    let line = line.split(" //").next().unwrap_or(line).trim();
    let parts: Vec<&str> = line.split('"').collect();
    parts.len() >= 3
        && !parts.len().is_multiple_of(2)
        && (parts.iter().step_by(2)).all(|p| p.trim().is_empty() || p.trim() == ",")
}

/// For each hunk's first line (ascending), the first line of the row written over lines
/// that line sits in (`(&["sh"], &[`), or empty: ripgrep's `default_types.rs` opens a row
/// that way and closes it with `]),`, its strings on the lines between.
pub fn rows_above(text: &str, starts: &[u32]) -> Vec<String> {
    let mut open: Option<&str> = None;
    let mut lines = text.lines().enumerate().peekable();
    let mut out = Vec::with_capacity(starts.len());
    for &start in starts {
        while let Some((_, line)) = lines.next_if(|(i, _)| (*i as u32) + 1 < start) {
            let t = line.trim();
            if t.starts_with('(') && t.ends_with('[') {
                open = Some(t);
            } else if t.starts_with(']') || t.ends_with("]),") || t.ends_with(';') {
                open = None;
            }
        }
        out.push(open.unwrap_or_default().to_owned());
    }
    out
}

/// Tells whether git's function context for a Rust hunk names a type's own methods
/// (`impl MutableRepo {`, `trait Backend {`) rather than a function: git reads only
/// unindented lines for it, so a method far above its hunk is never named. Not a trait
/// implemented for a type (`impl Command for IntoBinary`): its methods' names (`run`,
/// `signature`, `default`) say less than the type's; nor a module (`mod tests`).
pub fn names_container(section: &str) -> bool {
    let mut words = section.split_whitespace().skip_while(|w| is_qualifier(w));
    match words.next().map(|w| w.split('<').next().unwrap_or(w)) {
        Some("impl") => !words.any(|w| w == "for"),
        Some("trait") => true,
        _ => false,
    }
}

/// `pub`, `pub(crate)`, `async`, `unsafe`, …: words that may come before `fn` or `impl`.
fn is_qualifier(word: &str) -> bool {
    word == "pub"
        || word.starts_with("pub(")
        || matches!(
            word,
            "async" | "const" | "unsafe" | "extern" | "default" | "\"C\""
        )
}

/// For each line number (1-based), the signature line of the function it sits in (`pub
/// fn add_heads(`), or empty when it sits in none: the nearest line above of less
/// indentation that opens a `fn`, past the blocks it is nested in and its own signature's
/// other lines; an `impl`, a `mod`, an item or a closing brace before it ends the search.
pub fn enclosing_fns(text: &str, at: &[u32]) -> Vec<String> {
    const LOOK_BACK: usize = 600;
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    at.iter()
        .map(|&line| {
            let Some(mut i) = (line as usize).checked_sub(1).filter(|&i| i < lines.len()) else {
                return String::new();
            };
            // A blank line first: the depth of the next line of code.
            while i + 1 < lines.len() && lines[i].trim().is_empty() {
                i += 1;
            }
            let mut depth = indent(lines[i]);
            for k in (i.saturating_sub(LOOK_BACK)..i).rev() {
                let text = lines[k].trim();
                if text.is_empty() || text.starts_with("//") || indent(lines[k]) >= depth {
                    continue;
                }
                let mut words = text.split_whitespace().skip_while(|w| is_qualifier(w));
                match words.next() {
                    Some("fn") => return text.to_owned(),
                    Some(w) if w == "}" || w.starts_with("impl") || w == "trait" || w == "mod" => {
                        return String::new();
                    }
                    Some("struct" | "enum" | "union" | "type" | "static" | "use") => {
                        return String::new();
                    }
                    // The rest of a signature over lines (`) -> Result<()> {`, `where`).
                    Some(w) if w.starts_with(')') || w == "where" || w.starts_with("->") => {}
                    _ => depth = indent(lines[k]),
                }
            }
            String::new()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_function_a_line_sits_in_is_found_past_its_blocks() {
        let text = "\
impl MutableRepo {
    pub fn add_heads(
        &mut self,
        heads: &[CommitId],
    ) -> BackendResult<()> {
        if heads.is_empty() {
            return Ok(());
        }
        let iter = heads.iter().map(|id| {
            self.store.get(id)
        });

        self.index_commits(iter)
    }

    fn other(&self) {}
}
";
        let found = enclosing_fns(text, &[11, 13, 7, 15, 1, 40]);
        assert_eq!(found[0], "pub fn add_heads(");
        assert_eq!(found[1], "pub fn add_heads(");
        assert_eq!(found[2], "pub fn add_heads(");
        // A signature itself sits in no function: the hunk shows it.
        assert_eq!(found[3], "");
        assert_eq!(found[4], "");
        assert_eq!(found[5], "");
        assert!(names_container("impl MutableRepo {"));
        assert!(names_container("impl<T: Clone> Walk<T> {"));
        assert!(names_container("pub(crate) trait Backend: Send {"));
        assert!(!names_container("impl Command for IntoBinary {"));
        assert!(!names_container("impl<T> Default for Probe<T> {"));
        assert!(!names_container("mod tests {"));
        assert!(!names_container("pub fn add_heads("));
        assert!(!names_container("struct Repo {"));
    }

    const MEM: &str = "\
}

/// Creates a pipe.
///
/// ```
/// # async fn ex() {
/// let (reader, writer) = tokio::io::simplex(64);
/// let stream = reader.unsplit(writer);
/// # }
/// ```
#[cfg_attr(
    docsrs,
    doc(cfg(feature = \"io-util\"))
)]
pub fn simplex(max: usize) -> Pipe {
    Pipe::new(max)
}
";

    /// tokio `io: swap reader/writer in simplex doc test` (#7199), cut down: the hunk
    /// (lines 6 to 8) ends inside the docs, the function they document lies past the
    /// attribute, and the changed lines are example code.
    #[test]
    fn the_item_below_and_the_fence_are_read() {
        let got = places(MEM, &[(6, 3)]);
        assert_eq!(
            got,
            vec![("pub fn simplex(max: usize) -> Pipe {".into(), true)]
        );
    }

    #[test]
    fn prose_is_not_fenced() {
        assert!(!places(MEM, &[(3, 2)])[0].1);
        assert!(!places(MEM, &[(1, 1)])[0].1);
    }

    #[test]
    fn a_hunk_ending_inside_an_attribute_reads_the_item_below() {
        // bevy's `float_ord.rs`: the hunk ends inside `#[cfg_attr(`, the struct below it.
        let text = "/// Sorts floats.\n#[derive(Debug, Copy, Clone, Default)]\n#[cfg_attr(\n    feature = \"bevy_reflect\",\n    derive(Reflect),\n    reflect(Debug)\n)]\npub struct FloatOrd(pub f32);\n\nfn after() {}\n";
        assert_eq!(
            places(text, &[(1, 5)])[0].0,
            "pub struct FloatOrd(pub f32);"
        );
        // An attribute closed before the hunk's end, code after it: nothing below.
        assert_eq!(places(text, &[(7, 3)])[0].0, "");
    }

    #[test]
    fn a_hunk_ending_in_code_has_nothing_below() {
        assert_eq!(places(MEM, &[(14, 3)])[0].0, "");
    }

    /// ripgrep's `sh` row, its strings over lines: a hunk inside it is under its first
    /// line; one past its end is under none.
    #[test]
    fn the_row_a_line_sits_in_is_read_above_it() {
        let types = "const T: &[(&[&str], &[&str])] = &[\n    (&[\"rust\"], &[\"*.rs\"]),\n    (&[\"sh\"], &[\n        \".login\", \".profile\",\n        \"*.bash\", \"*.sh\",\n    ]),\n    (&[\"toml\"], &[\"*.toml\"]),\n];\n";
        let got = rows_above(types, &[2, 4, 5, 7]);
        assert_eq!(got, vec!["", "(&[\"sh\"], &[", "(&[\"sh\"], &[", ""]);
        assert!(is_string_list("\"*.bash\", \"*.sh\","));
        assert!(!is_string_list("call(\"x\"),"));
    }

    #[test]
    fn other_comments_are_no_docs() {
        assert_eq!(doc_text("//// banner"), None);
        assert_eq!(doc_text("    /// text"), Some(" text"));
        assert_eq!(doc_text("//! module"), Some(" module"));
        assert_eq!(doc_text("// plain"), None);
    }
}
