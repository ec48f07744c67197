//! Changes that only make names public: an item given `export` or `pub`, a re-export added
//! (`export * from './helpers'`, `export { A, B } from …`, `pub use a::{B, C};`, `from .x
//! import Y` in a package's `__init__.py`). Such a change is said by what it exports
//! (`export DebuggerEvent from effect`), not as a correction of the file.

use super::defs;
use crate::paths::Lang;

/// The names one hunk makes public, when that is all it does: every changed line is a
/// re-export, an item that gained `export`/`pub` (its old line removed beside it), a blank
/// line or a comment. `None` for any other hunk, or one whose lines were not all kept
/// (`old.len() != minus`).
///
/// A hunk inside a list of exports (its heading `export {` or `pub use crate::{`) reads its
/// bare names as exported (vue's `ExtractPropTypes` added to `export { … } from
/// './componentProps'`), the last name given its comma being no change; a line moved
/// within the hunk (taken out and put back as it was) is none either.
pub(super) fn hunk(
    old: &[&[u8]],
    new: &[&[u8]],
    (minus, plus): (u32, u32),
    lang: Lang,
    package_init: bool,
    section: &str,
) -> Option<Vec<String>> {
    if old.len() != minus as usize || new.len() != plus as usize || plus == 0 {
        return None;
    }
    fn text<'a>(l: &&'a [u8]) -> Option<&'a str> {
        std::str::from_utf8(l).ok().map(str::trim)
    }
    let old: Vec<&str> = old.iter().map(text).collect::<Option<_>>()?;
    let new: Vec<&str> = new.iter().map(text).collect::<Option<_>>()?;
    let in_list = opens_list(section.trim(), lang);
    let mut used = vec![false; old.len()];
    let mut names = Vec::new();
    for line in new.iter().copied() {
        if quiet(line) {
            continue;
        }
        let same =
            |o: &str| o == line || in_list && o.trim_end_matches(',') == line.trim_end_matches(',');
        if let Some(at) = (0..old.len()).find(|&i| !used[i] && same(old[i])) {
            used[at] = true;
            continue;
        }
        if in_list
            && let Some(listed) = braced(line)
            && !line.contains(['(', '=', ':'])
        {
            names.extend(listed);
            continue;
        }
        if let Some(rest) = made_public(line, lang)
            && let Some(at) = (0..old.len()).find(|&i| !used[i] && old[i] == rest)
        {
            used[at] = true;
            names.push(defs::parse(rest, lang)?.name);
            continue;
        }
        names.extend(reexported(line, lang, package_init)?);
    }
    let rest_quiet = old.iter().zip(&used).all(|(l, u)| *u || quiet(l));
    (rest_quiet && !names.is_empty()).then_some(names)
}

/// Tells whether a hunk's heading opens a list of exports: `export {`, `export type {`,
/// `pub use crate::{`, `pub use {`.
fn opens_list(section: &str, lang: Lang) -> bool {
    match lang {
        Lang::Script => {
            let rest = section.strip_prefix("export ").unwrap_or("");
            let rest = rest.strip_prefix("type ").unwrap_or(rest);
            rest == "{"
        }
        Lang::Rust => {
            (section.starts_with("pub use ") || section.starts_with("pub(crate) use "))
                && section.ends_with('{')
        }
        _ => false,
    }
}

/// A blank line, a comment, punctuation left over from a list (`}`, `);`), or the
/// conditions a Rust item is compiled under (`#[cfg(feature = "clipboard")]`,
/// `#[cfg_attr(doc_cfg, …)]`), which say nothing of their own.
fn quiet(line: &str) -> bool {
    line.is_empty()
        || line.starts_with("#[cfg(")
        || line.starts_with("#[cfg_attr(")
        || line.starts_with("//")
        || line.starts_with("/*")
        || line.starts_with('*')
        || line.starts_with('#') && !line.starts_with("#[")
        || line.chars().all(|c| "{}()[];,".contains(c))
}

/// The definition a line makes public, without the word that does it: `export type X = {`
/// → `type X = {`, `pub fn f()` → `fn f()`.
fn made_public(line: &str, lang: Lang) -> Option<&str> {
    let rest = match lang {
        Lang::Script => line.strip_prefix("export ")?,
        Lang::Rust => ["pub(crate) ", "pub(super) ", "pub "]
            .iter()
            .find_map(|p| line.strip_prefix(p))?,
        _ => return None,
    }
    .trim_start();
    let defines = [
        "type ",
        "interface ",
        "const ",
        "function ",
        "class ",
        "enum ",
        "let ",
        "async ",
        "abstract ",
        "declare ",
        "fn ",
        "struct ",
        "trait ",
        "static ",
        "unsafe ",
    ];
    defines.iter().any(|d| rest.starts_with(d)).then_some(rest)
}

/// The names a re-export line brings out; `None` when the line is not one.
fn reexported(line: &str, lang: Lang, package_init: bool) -> Option<Vec<String>> {
    let line = line.trim_end_matches([';', ',']);
    match lang {
        Lang::Script => {
            let rest = line.strip_prefix("export ")?;
            let rest = rest.strip_prefix("type ").unwrap_or(rest);
            if let Some(from) = rest.strip_prefix("* from ") {
                return Some(vec![module_name(from)?]);
            }
            if let Some(alias) = rest.strip_prefix("* as ") {
                return Some(vec![ident(alias)?]);
            }
            let list = rest.strip_prefix('{')?;
            let (list, _) = list.split_once('}')?;
            braced(list)
        }
        Lang::Rust => {
            let path = ["pub use ", "pub(crate) use "]
                .iter()
                .find_map(|p| line.strip_prefix(p))?;
            match path.split_once('{') {
                Some((_, list)) => braced(list.split_once('}')?.0),
                None => {
                    let path = path.split(" as ").last()?.trim();
                    let last = path.rsplit("::").next()?;
                    let name = if last == "*" {
                        path.rsplit("::").nth(1)?
                    } else {
                        last
                    };
                    Some(vec![ident(name)?])
                }
            }
        }
        // `"PPTXToDocument",` in `__all__`.
        Lang::Python if package_init && line.len() > 2 && line.starts_with(['"', '\'']) => {
            Some(vec![ident(line.trim_matches(['"', '\'']))?])
        }
        Lang::Python if package_init => {
            let rest = line.strip_prefix("from ")?;
            let (_, names) = rest.split_once(" import ")?;
            let names = names.trim_matches(['(', ')', ' ']);
            braced(names)
        }
        _ => None,
    }
}

/// `A, B as C, type D` → `A`, `C`, `D`.
fn braced(list: &str) -> Option<Vec<String>> {
    let names: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| {
            let n = n.strip_prefix("type ").unwrap_or(n);
            ident(n.rsplit(" as ").next().unwrap_or(n))
        })
        .collect::<Option<_>>()?;
    (!names.is_empty()).then_some(names)
}

/// `'./eslint-utils'` → `eslint-utils`, `"../ast/index.js"` → `ast`.
fn module_name(from: &str) -> Option<String> {
    let path = from.trim().trim_matches(['\'', '"', '`']);
    let mut parts = path
        .rsplit('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..");
    let mut last = parts.next()?;
    let stem = |p: &str| p.split('.').next().unwrap_or(p).to_owned();
    if stem(last) == "index" {
        last = parts.next()?;
    }
    let name = stem(last);
    (!name.is_empty()).then_some(name)
}

fn ident(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.len() <= 60
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '-');
    ok.then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(old: &[&str], new: &[&str], lang: Lang) -> Option<Vec<String>> {
        let old: Vec<&[u8]> = old.iter().map(|l| l.as_bytes()).collect();
        let new: Vec<&[u8]> = new.iter().map(|l| l.as_bytes()).collect();
        hunk(
            &old,
            &new,
            (old.len() as u32, new.len() as u32),
            lang,
            false,
            "",
        )
    }

    #[test]
    fn an_item_given_export_or_pub_is_exported() {
        assert_eq!(
            names(
                &["type DebuggerEvent = {"],
                &["export type DebuggerEvent = {"],
                Lang::Script
            ),
            Some(vec!["DebuggerEvent".to_owned()])
        );
        assert_eq!(
            names(
                &["fn parse(x: &str) {"],
                &["pub fn parse(x: &str) {"],
                Lang::Rust
            ),
            Some(vec!["parse".to_owned()])
        );
        // Any other edit beside it: not an export alone.
        assert_eq!(
            names(
                &["type A = {", "  x: 1"],
                &["export type A = {", "  x: 2"],
                Lang::Script
            ),
            None
        );
        // `export` on a line that was not there before is a new item, not an export.
        assert_eq!(names(&[], &["export const x = 1"], Lang::Script), None);
    }

    #[test]
    fn reexports_name_what_they_bring_out() {
        let got = names(
            &[],
            &[
                "export * from './CLIEngine';",
                "export { ESLint, Linter as L } from './ESLint';",
                "",
                "// the helpers",
                "export * from '../helpers/index';",
            ],
            Lang::Script,
        );
        assert_eq!(
            got,
            Some(
                ["CLIEngine", "ESLint", "L", "helpers"]
                    .map(String::from)
                    .to_vec()
            )
        );
        assert_eq!(
            names(
                &[],
                &["pub use crate::clipboard::{ClipboardManager, Clip};"],
                Lang::Rust
            ),
            Some(vec!["ClipboardManager".to_owned(), "Clip".to_owned()])
        );
        assert_eq!(
            names(&[], &["pub use tray::TrayIcon;"], Lang::Rust),
            Some(vec!["TrayIcon".to_owned()])
        );
        // tauri's re-export behind a feature: its conditions are no other change.
        assert_eq!(
            names(
                &[],
                &[
                    "#[cfg(feature = \"clipboard\")]",
                    "#[cfg_attr(doc_cfg, doc(cfg(feature = \"clipboard\")))]",
                    "pub use self::runtime::ClipboardManager;",
                    "",
                ],
                Lang::Rust
            ),
            Some(vec!["ClipboardManager".to_owned()])
        );
        // vue's `ExtractPropTypes` put into an export list, its neighbour given a comma.
        let list = |old: &[&str], new: &[&str], section: &str| {
            let old: Vec<&[u8]> = old.iter().map(|l| l.as_bytes()).collect();
            let new: Vec<&[u8]> = new.iter().map(|l| l.as_bytes()).collect();
            let counts = (old.len() as u32, new.len() as u32);
            hunk(&old, &new, counts, Lang::Script, false, section)
        };
        let added = (
            &["  ComponentObjectPropsOptions"][..],
            &["  ComponentObjectPropsOptions,", "  ExtractPropTypes"][..],
        );
        assert_eq!(
            list(added.0, added.1, "export {"),
            Some(vec!["ExtractPropTypes".to_owned()])
        );
        // Outside an export list, bare names are no exports.
        assert_eq!(list(added.0, added.1, "const ITEMS = ["), None);
        // A re-export moved within the hunk, another added: the added one.
        assert_eq!(
            list(
                &["export * from './eslint-utils';"],
                &[
                    "export * from './eslint-utils';",
                    "export * from './helpers';"
                ],
                ""
            ),
            Some(vec!["helpers".to_owned()])
        );
        // Another attribute is a change of its own.
        assert_eq!(
            names(&[], &["#[inline]", "pub use a::B;"], Lang::Rust),
            None
        );
        let init = hunk(
            &[],
            &[b"from .pptx import PPTXToDocument".as_slice()],
            (0, 1),
            Lang::Python,
            true,
            "",
        );
        assert_eq!(init, Some(vec!["PPTXToDocument".to_owned()]));
        // Outside a package's `__init__.py` an import is an import.
        assert_eq!(
            names(&[], &["from .pptx import PPTXToDocument"], Lang::Python),
            None
        );
        assert_eq!(names(&[], &["export default foo"], Lang::Script), None);
    }
}
