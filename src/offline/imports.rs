//! Changes that touch imports and nothing else, read as the names each side binds and where
//! from: `use futures_core::Future;` made `use std::future::Future;` is `Future` imported
//! from `std::future` instead (tokio's `import \`Future\` trait from std instead of
//! futures_core`); names gone and none come are unused imports taken out; names come alone
//! are imports a build was missing; the same names regrouped are a formatter's work. Rust
//! `use` trees, Python `import`/`from … import`, and ECMAScript `import … from` are read;
//! `pub use` and re-exports are left to `exports`.

use crate::paths::Lang;

/// One name an import binds, and the path it comes from (`Future` from `std::future`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Bound {
    pub name: String,
    pub from: String,
}

/// What one hunk does to imports, when every changed line in it belongs to an import
/// statement (or is blank or a comment): the names bound only before, the names bound
/// only after, and how many statements each side has.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ImportChange {
    pub gone: Vec<Bound>,
    pub came: Vec<Bound>,
    pub statements: (u32, u32),
}

impl ImportChange {
    /// Adds another hunk's change.
    pub(crate) fn merge(&mut self, other: ImportChange) {
        self.gone.extend(other.gone);
        self.came.extend(other.came);
        self.statements.0 += other.statements.0;
        self.statements.1 += other.statements.1;
        cancel(&mut self.gone, &mut self.came);
    }
}

/// Reads one hunk; `None` when a changed line is no part of an import, or an import the
/// hunk cuts off (its start above the hunk, its end below) has a changed line.
pub(super) fn hunk(body: &[u8], lang: Lang) -> Option<ImportChange> {
    if !matches!(lang, Lang::Rust | Lang::Python | Lang::Script) {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    let mut old: Vec<(&str, bool)> = Vec::new();
    let mut new: Vec<(&str, bool)> = Vec::new();
    let mut changed = false;
    for line in text.lines() {
        let (sign, rest) = line.split_at(line.len().min(1));
        match sign {
            "-" => old.push((rest, true)),
            "+" => new.push((rest, true)),
            " " | "" => {
                old.push((rest, false));
                new.push((rest, false));
            }
            _ => {}
        }
        changed |= matches!(sign, "-" | "+");
    }
    if !changed {
        return None;
    }
    let (mut gone, n_old) = side(&old, lang)?;
    let (mut came, n_new) = side(&new, lang)?;
    cancel(&mut gone, &mut came);
    Some(ImportChange {
        gone,
        came,
        statements: (n_old, n_new),
    })
}

/// Takes out of both lists what both hold (the same name from the same place).
fn cancel(gone: &mut Vec<Bound>, came: &mut Vec<Bound>) {
    let mut i = 0;
    while i < gone.len() {
        if let Some(j) = came.iter().position(|c| *c == gone[i]) {
            came.remove(j);
            gone.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The names one side's statements bind and how many statements bind them; `None` when a
/// changed line is no part of one.
fn side(lines: &[(&str, bool)], lang: Lang) -> Option<(Vec<Bound>, u32)> {
    let mut out = Vec::new();
    let mut count = 0;
    // The statement being read: its text so far, and whether a changed line is in it.
    let mut open: Option<(String, bool)> = None;
    // Before the first statement opens, context lines may belong to one the hunk cut.
    for &(line, changed) in lines {
        let t = line.trim();
        if let Some((text, any)) = open.as_mut() {
            text.push(' ');
            text.push_str(t);
            *any |= changed;
            if complete(text, lang) {
                let (text, _) = open.take()?;
                parse(&text, lang, &mut out)?;
                count += 1;
            }
            continue;
        }
        if t.is_empty() || is_comment(t, lang) {
            continue;
        }
        if opens(t, lang) {
            if complete(t, lang) {
                parse(t, lang, &mut out)?;
                count += 1;
            } else {
                open = Some((t.to_owned(), changed));
            }
            continue;
        }
        // Code, or the tail of an import the hunk cut: fine as context, not changed.
        if changed {
            return None;
        }
    }
    match open {
        Some((_, true)) => None,
        _ => Some((out, count)),
    }
}

fn is_comment(t: &str, lang: Lang) -> bool {
    match lang {
        Lang::Python => t.starts_with('#'),
        _ => t.starts_with("//") || t.starts_with("/*") || t.starts_with('*'),
    }
}

/// Whether a line opens an import statement (a re-export is none).
fn opens(t: &str, lang: Lang) -> bool {
    match lang {
        Lang::Rust => t.starts_with("use ") || t.starts_with("pub(crate) use "),
        Lang::Python => t.starts_with("import ") || t.starts_with("from ") && t.contains(" import"),
        Lang::Script => t.starts_with("import ") && !t.starts_with("import("),
        _ => false,
    }
}

/// Whether a statement's text so far is whole.
fn complete(text: &str, lang: Lang) -> bool {
    match lang {
        Lang::Rust => text.ends_with(';'),
        Lang::Python => {
            !text.ends_with('\\') && text.matches('(').count() == text.matches(')').count()
        }
        _ => {
            // `import { a,` … `} from 'x';`, `import 'x'`, `import x from "y"`.
            let quoted = text.trim_end_matches(';').ends_with(['\'', '"']);
            quoted && text.matches('{').count() == text.matches('}').count()
        }
    }
}

/// The names a whole statement binds.
fn parse(text: &str, lang: Lang, out: &mut Vec<Bound>) -> Option<()> {
    match lang {
        Lang::Rust => {
            let body = text.strip_prefix("pub(crate) ").unwrap_or(text);
            let body = body.strip_prefix("use ")?.trim_end_matches(';').trim();
            let squeezed: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
            rust_tree("", squeezed.trim_start_matches("::"), out)
        }
        Lang::Python => python(text, out),
        _ => script(text, out),
    }
}

fn join_path(prefix: &str, rest: &str, sep: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}{sep}{rest}"),
    }
}

/// Splits at the commas outside braces.
fn split_top(s: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0i32, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '{' | '(' => depth += 1,
            '}' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A Rust use tree: `a::b::{c, d::{e as f}, self}`.
fn rust_tree(prefix: &str, s: &str, out: &mut Vec<Bound>) -> Option<()> {
    let s = s.trim();
    if let Some(open) = s.find('{') {
        let head = s[..open].trim().trim_end_matches("::");
        let close = s.rfind('}')?;
        let path = join_path(prefix, head, "::");
        for part in split_top(&s[open + 1..close]) {
            rust_tree(&path, part, out)?;
        }
        return Some(());
    }
    let (path, alias) = match s.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim())),
        None => (s, None),
    };
    let full = join_path(prefix, path, "::");
    let (parent, last) = full.rsplit_once("::").unwrap_or(("", full.as_str()));
    let (name, from) = if last == "self" {
        let (grand, own) = parent.rsplit_once("::").unwrap_or(("", parent));
        (own, grand)
    } else {
        (last, parent)
    };
    let name = alias.filter(|a| *a != "_").unwrap_or(name);
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '*');
    ok.then(|| {
        out.push(Bound {
            name: name.to_owned(),
            from: from.to_owned(),
        })
    })
}

/// `import a.b as c`, `from x import (a, b as c)`.
fn python(text: &str, out: &mut Vec<Bound>) -> Option<()> {
    let text = text.replace(['(', ')', '\\'], " ");
    if let Some(rest) = text.strip_prefix("from ") {
        let (from, names) = rest.split_once(" import ")?;
        for part in split_top(names) {
            let name = part.split_once(" as ").map_or(part, |(_, a)| a).trim();
            out.push(Bound {
                name: name.to_owned(),
                from: from.trim().to_owned(),
            });
        }
        return Some(());
    }
    let rest = text.strip_prefix("import ")?;
    for part in split_top(rest) {
        let (path, name) = match part.split_once(" as ") {
            Some((p, a)) => (p.trim(), a.trim()),
            None => (part, part),
        };
        out.push(Bound {
            name: name.to_owned(),
            from: if name == path {
                String::new()
            } else {
                path.to_owned()
            },
        });
    }
    Some(())
}

/// `import x, { a, b as c } from 'y'`, `import * as ns from "y"`, `import 'y'`.
fn script(text: &str, out: &mut Vec<Bound>) -> Option<()> {
    let rest = text.strip_prefix("import ")?.trim_end_matches(';').trim();
    let rest = rest.strip_prefix("type ").unwrap_or(rest);
    let unquote = |s: &str| s.trim().trim_matches(['\'', '"']).to_owned();
    let Some((names, from)) = rest.rsplit_once(" from ") else {
        // A module run for its effects.
        out.push(Bound {
            name: unquote(rest),
            from: String::new(),
        });
        return Some(());
    };
    let from = unquote(from);
    for part in split_top(names) {
        let part = part.trim_start_matches('{').trim_end_matches('}').trim();
        for item in split_top(part) {
            let item = item.trim_start_matches("type ").trim();
            let name = item.split_once(" as ").map_or(item, |(_, a)| a).trim();
            out.push(Bound {
                name: name.to_owned(),
                from: from.clone(),
            });
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(name: &str, from: &str) -> Bound {
        Bound {
            name: name.into(),
            from: from.into(),
        }
    }

    #[test]
    fn reads_rust_use_trees() {
        let mut out = Vec::new();
        rust_tree(
            "",
            "crate::{text_input::{self, autoscroll as scroll}, Activate, io::*}",
            &mut out,
        )
        .unwrap();
        assert_eq!(
            out,
            [
                bound("text_input", "crate"),
                bound("scroll", "crate::text_input"),
                bound("Activate", "crate"),
                bound("*", "crate::io"),
            ]
        );
    }

    #[test]
    fn a_path_changed_is_a_name_moved() {
        let body = b" use std::pin::Pin;\n-use futures_core::Future;\n+use std::future::Future;\n \n fn f() {}\n";
        let change = hunk(body, Lang::Rust).unwrap();
        assert_eq!(change.gone, [bound("Future", "futures_core")]);
        assert_eq!(change.came, [bound("Future", "std::future")]);
        // A name taken out of a tree written over several lines.
        let body = b" use bevy_ui::{\n-    widget::Button,\n     InteractionDisabled,\n };\n";
        let change = hunk(body, Lang::Rust).unwrap();
        assert_eq!(change.gone, [bound("Button", "bevy_ui::widget")]);
        assert!(change.came.is_empty());
        // The same names regrouped cancel out.
        let body = b"-use a::b;\n-use a::c;\n+use a::{b, c};\n";
        let change = hunk(body, Lang::Rust).unwrap();
        assert!(change.gone.is_empty() && change.came.is_empty());
        assert_eq!(change.statements, (2, 1));
    }

    #[test]
    fn code_beside_the_imports_is_refused() {
        assert!(hunk(b" use a::b;\n-let x = 1;\n+let x = 2;\n", Lang::Rust).is_none());
        // A changed item of a tree the hunk cut is not known.
        assert!(hunk(b"     a,\n-    b,\n };\n", Lang::Rust).is_none());
        assert!(hunk(b" use a::b;\n", Lang::Rust).is_none());
        assert!(hunk(b"-use a::b;\n", Lang::Go).is_none());
    }

    #[test]
    fn reads_python_and_script_imports() {
        let body = b"-from haystack.core import DeserializationError\n+from haystack.core.errors import DeserializationError\n";
        let change = hunk(body, Lang::Python).unwrap();
        assert_eq!(
            change.gone,
            [bound("DeserializationError", "haystack.core")]
        );
        assert_eq!(
            change.came,
            [bound("DeserializationError", "haystack.core.errors")]
        );
        let body = b"-import { describe, it } from 'vitest/snapshot';\n+import { describe, it } from 'vitest/runtime';\n";
        let change = hunk(body, Lang::Script).unwrap();
        assert_eq!(change.gone.len(), 2);
        assert_eq!(change.came[0], bound("describe", "vitest/runtime"));
        let body = b"-import {\n-  a,\n-  b as c,\n-} from \"x\";\n+import { a } from \"x\";\n";
        let change = hunk(body, Lang::Script).unwrap();
        assert_eq!(change.gone, [bound("c", "x")]);
        assert!(change.came.is_empty());
    }
}
