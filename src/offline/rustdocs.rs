//! Rust documentation changed alone: a module's own docs (`//!` lines) and items' docs
//! (`///`), with the sections a change adds or edits and the items whose docs changed, so
//! that such a change is named by what it documents (tokio's `fs: document cancellation
//! behavior`, `sync: document memory ordering guarantees for Semaphore`) rather than by
//! its file (`update mod.rs`) or the item above the hunk.

use crate::diff::{Hunk, LineKind};
use bstr::ByteSlice;

/// What the docs of one file gained or had edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DocChange {
    /// Headings of the sections added (`//! # Cancellation` → `Cancellation`).
    pub added: Vec<String>,
    /// The heading of the section the first changed line sits in, when a hunk shows it.
    pub section: Option<String>,
    /// The items whose `///` docs changed, when the hunk shows the item below them.
    pub items: Vec<String>,
    /// The items a hunk's header names (`impl LocalRuntime {`) when the item below its
    /// changed docs lies past the hunk: the docs are of something in there.
    pub within: Vec<String>,
    /// The rustdoc and Markdown links (`[x][Runtime]`, `[x](url)`) on the removed and the
    /// added doc lines.
    pub links: (u32, u32),
    /// Some changed line is a `//!` line: the module's own docs changed.
    pub module: bool,
    /// The doc lines removed and added.
    pub lines: (u32, u32),
    /// How many of those sit inside an example's fenced code, as far as git read the file
    /// ([`Hunk::fenced`]); none when it did not.
    pub code: u32,
    /// How many of those are rows of a Markdown table (`` `cookie` | Enables … | No ``).
    pub rows: u32,
    /// Every hunk removes as many lines as it adds: lines edited in place.
    pub in_place: bool,
}

impl DocChange {
    /// Every changed line is example code: the docs' example was what changed.
    pub fn example_only(&self) -> bool {
        self.code > 0 && self.code == self.lines.0 + self.lines.1
    }

    /// Every changed line is a table row.
    pub fn table_only(&self) -> bool {
        self.rows > 0 && self.rows == self.lines.0 + self.lines.1
    }

    /// A few lines edited in place and nothing else (six at most): a correction, as
    /// houses name it (`rt: fix missing quotation in docs`, `io: swap reader/writer in
    /// simplex doc test`), not new documentation.
    pub fn corrected(&self) -> bool {
        self.in_place && self.lines.0 > 0 && self.lines.0 <= 6
    }
}

/// Whether a doc line is a row of a Markdown table: `| a | b |`, or `a | b | c`.
fn table_row(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('|') || t.matches(" | ").count() >= 2
}

/// How many links a doc line holds: `[text][name]`, `[text](url)`, intra-doc links to
/// code (`` [`Runtime`] ``).
fn links(text: &str) -> u32 {
    ["][", "](", "[`"]
        .iter()
        .map(|m| text.matches(m).count() as u32)
        .sum()
}

/// The words of a `//!` or `///` line and whether it is the module's (`//!`), or `None`
/// for any other line (`////` is a plain comment).
fn doc_text(line: &[u8]) -> Option<(&str, bool)> {
    let line = line.to_str().ok()?;
    let rest = crate::doc_comments::doc_text(line)?;
    Some((rest.trim_end(), line.trim_start().starts_with("//!")))
}

/// The title of a Markdown heading in a doc line (`# Runtime compatibility`); `None` for
/// other lines and for rustdoc's hidden code lines, which start with `# ` too
/// (`# #[tokio::main]`, `# let _ = app;`).
fn heading(text: &str) -> Option<String> {
    let text = text.trim();
    let title = text.trim_start_matches('#');
    let level = text.len() - title.len();
    if !(1..=4).contains(&level) || !title.starts_with(' ') {
        return None;
    }
    let title = super::words::unlink(title.trim());
    let title = title.trim_end_matches([':', '.']).to_owned();
    let code_like = title.is_empty()
        || title.len() > 60
        || title.contains([';', '{', '}', '='])
        || title.starts_with(['#', '[', '.'])
        || ["let ", "use ", "fn ", "async ", "struct ", "impl ", "mod "]
            .iter()
            .any(|w| title.starts_with(w));
    (!code_like).then_some(title)
}

/// Reads a Rust file's hunks; `None` unless the changed lines are all docs (blank lines
/// aside) and there is at least one.
pub(crate) fn read(hunks: &[Hunk]) -> Option<DocChange> {
    if !hunks
        .iter()
        .any(|h| h.body.contains_str("//!") || h.body.contains_str("///"))
    {
        return None;
    }
    let mut out = DocChange {
        in_place: true,
        ..DocChange::default()
    };
    let mut removed: Vec<String> = Vec::new();
    let mut changed = 0;
    for hunk in hunks {
        // Inside an example's fenced code, when git read where the hunk starts.
        let mut fenced = hunk.fenced;
        let (mut minus, mut plus) = (0u32, 0u32);
        let mut last_heading: Option<String> = None;
        // A heading follows a blank doc line (or opens the hunk): rustdoc's hidden code
        // lines inside an example (`# use tokio;`) seldom do, and a hunk may begin inside
        // an example, so fences cannot be counted.
        let mut after_blank = true;
        // An item's docs changed above: the next line of code names the item.
        let mut item_pending = false;
        // Whether those docs are indented: a field's or a method's, inside the item the
        // hunk's header names, not docs of the next top-level item.
        let mut item_indented = true;
        for line in hunk.lines() {
            let doc = doc_text(line.text);
            if line.kind != LineKind::Context && line.kind != LineKind::NoNewline {
                if doc.is_none() && !line.text.trim().is_empty() {
                    return None;
                }
                if changed == 0 {
                    out.section.clone_from(&last_heading);
                }
                changed += 1;
                match doc {
                    Some((_, true)) => out.module = true,
                    Some((_, false)) => {
                        item_pending = true;
                        item_indented &= line.indented();
                    }
                    None => {}
                }
                if let Some((text, _)) = doc {
                    match line.kind {
                        LineKind::Added => {
                            out.links.1 += links(text);
                            plus += 1;
                        }
                        _ => {
                            out.links.0 += links(text);
                            minus += 1;
                        }
                    }
                    out.code += u32::from(fenced == Some(true) && !crate::headings::is_fence(text));
                    out.rows += u32::from(table_row(text));
                }
            }
            // A fence on the new side opens or closes the example.
            if line.kind != LineKind::Removed
                && let Some((text, _)) = doc
                && crate::headings::is_fence(text)
            {
                fenced = fenced.map(|open| !open);
            }
            let Some((text, module)) = doc else {
                let code = line.text.trim();
                if line.kind == LineKind::Context && !code.is_empty() && !code.starts_with(b"#[") {
                    if item_pending
                        && let Some(def) = code
                            .to_str()
                            .ok()
                            .and_then(|c| super::defs::parse(c, crate::paths::Lang::Rust))
                        && out.items.len() < 8
                        && !out.items.contains(&def.name)
                    {
                        out.items.push(def.name);
                    }
                    item_pending = false;
                    item_indented = true;
                }
                after_blank = true;
                continue;
            };
            let title = after_blank.then(|| heading(text)).flatten();
            after_blank = text.trim().is_empty();
            let Some(title) = title else { continue };
            match line.kind {
                LineKind::Added if !out.added.contains(&title) => out.added.push(title.clone()),
                LineKind::Removed => removed.push(title.clone()),
                _ => {}
            }
            if line.kind != LineKind::Removed && module {
                last_heading = Some(title);
            }
        }
        out.in_place &= minus == plus;
        out.lines.0 += minus;
        out.lines.1 += plus;
        // The item lies past the hunk: the line git read below it names it (tokio's
        // `simplex`, past an example and an attribute) ...
        if item_pending
            && let Some(def) = (hunk.below.to_str().ok())
                .and_then(|c| super::defs::parse(c, crate::paths::Lang::Rust))
        {
            // A method's docs, the hunk inside a type's `impl` or a trait: the method by its
            // type (`UnboundedSender::send`, where `send` alone could be anything's).
            let owner = (hunk.section.to_str().ok())
                .and_then(|c| super::defs::parse(c, crate::paths::Lang::Rust))
                .filter(|o| o.kind == super::defs::DefKind::Type && o.name != def.name);
            let name = match owner {
                Some(owner) if item_indented && def.kind == super::defs::DefKind::Function => {
                    format!("{}::{}", owner.name, def.name)
                }
                _ => def.name,
            };
            if out.items.len() < 8 && !out.items.contains(&name) {
                out.items.push(name);
            }
            continue;
        }
        // ... or else the one the hunk's header names holds it, when the docs sit inside
        // it (tokio's `#[tokio::test]` docs at the top level, below `main_rt`'s header,
        // are not `main_rt`'s).
        if item_pending
            && item_indented
            && let Some(def) = (hunk.section.to_str().ok())
                .and_then(|c| super::defs::parse(c, crate::paths::Lang::Rust))
            && out.within.len() < 4
            && !out.within.contains(&def.name)
        {
            out.within.push(def.name);
        }
    }
    // A method named with its type in one hunk and bare in another is one item.
    let items = out.items.clone();
    out.items
        .retain(|n| n.contains("::") || !items.iter().any(|q| q.ends_with(&format!("::{n}"))));
    // A heading moved or re-levelled is no new section.
    out.added.retain(|h| !removed.contains(h));
    (changed > 0).then_some(out)
}

/// What the docs belong to, for a subject: the crate for `lib.rs` and `main.rs` at a
/// crate's `src/`, else the module (`fs/mod.rs` → `fs`, `watch.rs` → `watch`).
pub(crate) fn owner(path: &str) -> String {
    match rust_stem(path) {
        "lib" | "main" => "crate".to_owned(),
        _ => format!("{} module", owner_name(path)),
    }
}

/// A Rust file's name without `.rs` (`tokio/src/fs/mod.rs` → `mod`); other dots kept.
fn rust_stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".rs").unwrap_or(file)
}

/// The name of what a file's docs belong to, said beside others: the crate's folder for
/// `lib.rs` and `main.rs` (`axum-extra/src/lib.rs` → `axum-extra`), the folder of a
/// `mod.rs`, else the file's stem.
pub(crate) fn owner_name(path: &str) -> String {
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    match rust_stem(path) {
        "lib" | "main" => {
            if parts.last() == Some(&"src") {
                parts.pop();
            }
            parts.last().copied().unwrap_or("crate").to_owned()
        }
        "mod" => parts.last().copied().unwrap_or("the").to_owned(),
        stem => stem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bstr::BString;

    fn hunk(body: &str) -> Hunk {
        Hunk::of_body(body)
    }

    /// tokio `fs: document cancellation behavior of tokio::fs` (#8265), cut down.
    #[test]
    fn a_section_added_to_module_docs_is_named() {
        let got = read(&[hunk(
            " //! ```\n+//!\n+//! # Cancellation\n+//!\n+//! Dropping a future cancels it.\n+//!\n \n use std::io;\n",
        )]);
        assert_eq!(
            got,
            Some(DocChange {
                added: vec!["Cancellation".into()],
                section: None,
                items: Vec::new(),
                module: true,
                lines: (0, 5),
                ..DocChange::default()
            })
        );
    }

    #[test]
    fn the_section_edited_is_read_from_context() {
        let got = read(&[hunk(
            " //! ## Cancel safety\n //!\n-//! completes is the way.\n+//! completes is the way. The protocol\n+//! in use changes it.\n",
        )])
        .unwrap();
        assert!(got.added.is_empty());
        assert_eq!(got.section.as_deref(), Some("Cancel safety"));
    }

    #[test]
    fn hidden_code_lines_are_no_headings() {
        let got = read(&[hunk(
            " //! let app = 2;\n+//! # use tokio;\n+//! # #[tokio::main]\n+//! # Not a heading\n+//! ```\n+//!\n+//! # let app = 1;\n",
        )])
        .unwrap();
        assert!(got.added.is_empty(), "{got:?}");
    }

    /// tokio `docs: fix nesting of next sections under examples` (#7159): headings moved
    /// down a level are no new sections.
    #[test]
    fn a_heading_relevelled_is_not_added() {
        let got = read(&[hunk(
            " //! ## Examples\n //!\n-//! # Feature flags\n+//! ## Feature flags\n",
        )])
        .unwrap();
        assert!(got.added.is_empty(), "{got:?}");
        assert_eq!(got.section.as_deref(), Some("Examples"));
    }

    #[test]
    fn any_other_changed_line_means_no_docs_change() {
        assert_eq!(read(&[hunk("+//! # Usage\n+pub fn f() {}\n")]), None);
        assert_eq!(read(&[hunk("+// A comment.\n")]), None);
    }

    /// tokio `sync: document memory ordering guarantees for Semaphore` (#8119), cut down:
    /// the item is the one below the docs, not the one the hunk header names.
    #[test]
    fn item_docs_name_the_item_below_them() {
        let got = read(&[hunk(
            " /// permits.\n+///\n+/// # Memory ordering\n+///\n+/// Acquire and release.\n #[derive(Debug)]\n pub struct Semaphore {\n",
        )])
        .unwrap();
        assert_eq!(got.items, vec!["Semaphore".to_owned()]);
        assert_eq!(got.added, vec!["Memory ordering".to_owned()]);
        assert!(!got.module);
    }

    /// tokio `runtime: fix LocalRuntime doc links` (#7074), cut down: the method the docs
    /// are of lies past the hunk; the hunk's header names its type.
    #[test]
    fn docs_of_an_item_past_the_hunk_are_within_the_header_item() {
        let mut h = hunk(
            "     ///\n-    /// See the documentation for [the equivalent method] for more.\n+    /// See the documentation for [the equivalent method][Runtime]\n+    /// for more.\n     ///\n",
        );
        h.section = BString::from("impl LocalRuntime {");
        let got = read(&[h]).unwrap();
        assert!(got.items.is_empty());
        assert_eq!(got.within, vec!["LocalRuntime".to_owned()]);
        assert_eq!(got.links, (0, 1));
    }

    /// tokio `sync: improve the docs of UnboundedSender::send` (#7133), cut down: the
    /// method lies past the hunk, read from the file by git; the hunk's header names its
    /// type, and the method goes by both.
    #[test]
    fn a_method_past_the_hunk_is_named_with_its_type() {
        let mut h = hunk(
            "     ///\n-    /// Sends a value.\n+    /// Sends a value, or fails once closed.\n     ///\n",
        );
        h.section = BString::from("impl<T> UnboundedSender<T> {");
        h.below = BString::from("pub fn send(&self, message: T) -> Result<(), SendError<T>> {");
        let got = read(&[h.clone()]).unwrap();
        assert_eq!(got.items, vec!["UnboundedSender::send".to_owned()]);
        assert!(got.within.is_empty());
        assert!(got.corrected());
        // At the top level, below another function's header: the item alone.
        let mut top = hunk("-/// Sends a value.\n+/// Sends a value, or fails.\n");
        top.section = BString::from("fn other() {");
        top.below = h.below;
        assert_eq!(read(&[top]).unwrap().items, vec!["send".to_owned()]);
    }

    #[test]
    fn owners() {
        assert_eq!(owner("tokio/src/lib.rs"), "crate");
        assert_eq!(owner("tokio/src/fs/mod.rs"), "fs module");
        assert_eq!(owner("tokio/src/sync/watch.rs"), "watch module");
    }
}
