//! Rust definitions whose modifiers alone changed: `fn` made `const fn`, `pub(crate)` made
//! `pub`, `pub` narrowed to `pub(crate)` or to private, `fn` marked `unsafe`. Such a change
//! is said as such (`make GlobSet::empty const`, `make MutableRepo::consume public`, `mark
//! set_display_handle as unsafe`), not as a correction of the file. `async` has its own rule
//! (its callers change with it).

use super::defs::{self, DefKind};
use crate::paths::Lang;

/// What changed on a definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    Public,
    Crate,
    Super,
    Private,
    Const,
    NotConst,
    Unsafe,
    Safe,
}

impl Change {
    /// The verb before the names and the words after them: `make X const`, `mark X as
    /// unsafe`.
    pub(crate) fn phrase(self) -> (&'static str, &'static str) {
        match self {
            Change::Public => ("make", " public"),
            Change::Crate => ("make", " pub(crate)"),
            Change::Super => ("make", " pub(super)"),
            Change::Private => ("make", " private"),
            Change::Const => ("make", " const"),
            Change::NotConst => ("make", " non-const"),
            Change::Unsafe => ("mark", " as unsafe"),
            Change::Safe => ("make", " safe"),
        }
    }

    /// A change that gives callers more (an item they may now use, or use in more places).
    pub(crate) fn widens(self) -> bool {
        matches!(self, Change::Public | Change::Const)
    }
}

/// One definition whose modifiers changed: `name` is how a reader knows it (`gltf module`
/// for a module), `owner` the type whose `impl` (or `struct`) it sits in, when the hunk's
/// heading says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Modified {
    pub change: Change,
    pub name: String,
    pub owner: Option<String>,
    /// A struct's field, not an item.
    pub field: bool,
}

impl Modified {
    /// The name with its owner, as Rust writes a path to it: `GlobSet::empty`.
    pub(crate) fn path(&self) -> String {
        match &self.owner {
            Some(owner) => format!("{owner}::{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The definitions a hunk changes the modifiers of, when that is all it does: its changed
/// lines, blank ones and comments aside, pair up in order, each pair one definition with
/// the same words after its modifiers and one modifier changed. `None` for any other hunk,
/// one whose lines were not all kept, and other languages than Rust.
pub(super) fn hunk(
    old: &[&[u8]],
    new: &[&[u8]],
    (minus, plus): (u32, u32),
    lang: Lang,
    section: &str,
    body: &[u8],
) -> Option<Vec<Modified>> {
    if lang != Lang::Rust || old.len() != minus as usize || new.len() != plus as usize {
        return None;
    }
    // Each line trimmed, and whether it was indented: an item at the margin sits in no
    // `impl`, whatever heading git gave the hunk (ripgrep's free `gitconfig_excludes_path`
    // under `impl GitignoreBuilder {`).
    let solid = |lines: &[&[u8]]| -> Option<Vec<(String, bool)>> {
        let mut out = Vec::new();
        for line in lines {
            let raw = std::str::from_utf8(line).ok()?;
            let text = raw.trim();
            if !quiet(text) {
                out.push((text.to_owned(), raw.starts_with(char::is_whitespace)));
            }
        }
        Some(out)
    };
    let (old, new) = (solid(old)?, solid(new)?);
    if old.is_empty() || old.len() != new.len() {
        return None;
    }
    // The heading in force: an `impl` or `struct` line of the context above the first
    // change (the hunk's own heading is the line above the hunk: often the struct before
    // the `impl`), else that heading.
    let above = body
        .split(|&b| b == b'\n')
        .take_while(|l| !matches!(l.first(), Some(b'-' | b'+')))
        .filter_map(|l| std::str::from_utf8(l.get(1..)?).ok())
        .filter(|l| !l.starts_with(char::is_whitespace) && l.trim_end().ends_with('{'))
        .last();
    let section = above.unwrap_or(section).trim();
    old.iter()
        .zip(&new)
        .map(|((o, _), (n, indented))| changed(o, n, if *indented { section } else { "" }))
        .collect()
}

/// Blank lines and comments (doc comments too: `/// # Safety` comes with `unsafe`).
fn quiet(line: &str) -> bool {
    line.is_empty() || line.starts_with("//") || line.starts_with("/*") || line.starts_with('*')
}

/// A line's modifiers and the words after them.
#[derive(Debug, PartialEq, Eq)]
struct Parts<'a> {
    /// 0 private, 1 `pub(super)` (or `pub(self)`, `pub(in …)`), 2 `pub(crate)`, 3 `pub`.
    vis: u8,
    constant: bool,
    unsafe_: bool,
    asynchronous: bool,
    rest: &'a str,
}

fn parts(line: &str) -> Option<Parts<'_>> {
    let mut s = line;
    let mut vis = 0;
    if let Some(rest) = s.strip_prefix("pub") {
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')')?;
            vis = if inner[..close].trim() == "crate" {
                2
            } else {
                1
            };
            s = inner[close + 1..].trim_start();
        } else if rest.starts_with(' ') {
            vis = 3;
            s = rest.trim_start();
        }
    }
    let (mut constant, mut unsafe_, mut asynchronous) = (false, false, false);
    loop {
        // `const` before `fn` is a modifier; `const X: u8` is the item itself.
        if let Some(rest) = s.strip_prefix("const ")
            && defs::parse(rest, Lang::Rust).is_some_and(|d| d.kind == DefKind::Function)
        {
            (constant, s) = (true, rest.trim_start());
        } else if let Some(rest) = s.strip_prefix("unsafe ") {
            (unsafe_, s) = (true, rest.trim_start());
        } else if let Some(rest) = s.strip_prefix("async ") {
            (asynchronous, s) = (true, rest.trim_start());
        } else {
            break;
        }
    }
    Some(Parts {
        vis,
        constant,
        unsafe_,
        asynchronous,
        rest: s,
    })
}

/// The one modifier that changed between two lines of the same definition (or field).
fn changed(old: &str, new: &str, section: &str) -> Option<Modified> {
    let (o, n) = (parts(old)?, parts(new)?);
    if o.rest != n.rest || o.asynchronous != n.asynchronous {
        return None;
    }
    let mut changes = Vec::new();
    if o.vis != n.vis {
        changes.push(match n.vis {
            3 => Change::Public,
            2 => Change::Crate,
            1 => Change::Super,
            _ => Change::Private,
        });
    }
    if o.constant != n.constant {
        changes.push(if n.constant {
            Change::Const
        } else {
            Change::NotConst
        });
    }
    if o.unsafe_ != n.unsafe_ {
        changes.push(if n.unsafe_ {
            Change::Unsafe
        } else {
            Change::Safe
        });
    }
    let [change] = changes.as_slice() else {
        return None;
    };
    // An item (`fn`, `struct`, `mod` …), or a field of the struct the hunk sits in.
    let (name, field) = match defs::parse(n.rest, Lang::Rust) {
        Some(d) if d.kind == DefKind::Module => (format!("{} module", d.name), false),
        Some(d) if !n.rest.starts_with("impl") => (d.name, false),
        Some(_) => return None,
        None => {
            let name = defs::ident(n.rest)?;
            let typed = n.rest[name.len()..].trim_start();
            let in_struct = section_type(section, "struct").is_some();
            if !in_struct || !typed.starts_with(':') || typed.starts_with("::") || o.vis == n.vis {
                return None;
            }
            (name.to_owned(), true)
        }
    };
    let owner = if field {
        section_type(section, "struct")
    } else {
        section_type(section, "impl")
    };
    Some(Modified {
        change: *change,
        name,
        owner,
        field,
    })
}

/// The type a hunk's heading opens: `impl<'a> SyntaxMapping<'a> {` → `SyntaxMapping` for
/// `impl`, `pub struct Config {` for `struct`. A trait's implementation names none (its
/// methods are the trait's).
fn section_type(section: &str, keyword: &str) -> Option<String> {
    let d = defs::parse(section, Lang::Rust)?;
    let opens = match keyword {
        "impl" => section.starts_with("impl") && defs::rust_impl(section).is_none(),
        _ => {
            let bare = parts(section).map_or(section, |p| p.rest);
            bare.starts_with("struct ")
        }
    };
    (opens && d.kind == DefKind::Type).then_some(d.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(old: &str, new: &str, section: &str) -> Option<Vec<Modified>> {
        let old: Vec<&[u8]> = old.lines().map(str::as_bytes).collect();
        let new: Vec<&[u8]> = new.lines().map(str::as_bytes).collect();
        let counts = (old.len() as u32, new.len() as u32);
        hunk(&old, &new, counts, Lang::Rust, section, b"")
    }

    fn said(found: Option<Vec<Modified>>) -> Vec<(Change, String)> {
        found
            .unwrap_or_default()
            .into_iter()
            .map(|m| (m.change, m.path()))
            .collect()
    }

    #[test]
    fn reads_each_modifier() {
        let cases = [
            (
                "pub fn empty() -> GlobSet {",
                "pub const fn empty() -> GlobSet {",
                Change::Const,
            ),
            ("pub(crate) fn consume(", "pub fn consume(", Change::Public),
            (
                "pub fn get_pager() {",
                "pub(crate) fn get_pager() {",
                Change::Crate,
            ),
            (
                "pub(crate) fn get_syntax_set(&self) {",
                "fn get_syntax_set(&self) {",
                Change::Private,
            ),
            ("pub(crate) fn x() {", "pub(super) fn x() {", Change::Super),
            (
                "pub fn set_display_handle(&mut self) {",
                "pub unsafe fn set_display_handle(&mut self) {",
                Change::Unsafe,
            ),
            ("pub unsafe fn f() {", "pub fn f() {", Change::Safe),
            ("pub const fn f() {", "pub fn f() {", Change::NotConst),
        ];
        for (old, new, change) in cases {
            let found = said(read(
                &format!("    {old}"),
                &format!("    {new}"),
                "impl GlobSet {",
            ));
            assert_eq!(found.len(), 1, "{old} → {new}");
            assert_eq!(found[0].0, change, "{old} → {new}");
            assert!(found[0].1.starts_with("GlobSet::"), "{found:?}");
        }
    }

    #[test]
    fn names_modules_types_and_fields() {
        assert_eq!(
            said(read(
                "mod gltf;",
                "pub mod gltf;",
                "pub mod contact_shadows;"
            )),
            [(Change::Public, "gltf module".to_owned())]
        );
        assert_eq!(
            said(read(
                "pub enum PagerSource {",
                "pub(crate) enum PagerSource {",
                "use std::env;"
            )),
            [(Change::Crate, "PagerSource".to_owned())]
        );
        let field = read(
            "    name: String,",
            "    pub name: String,",
            "pub struct Config {",
        );
        assert_eq!(
            said(field.clone()),
            [(Change::Public, "Config::name".to_owned())]
        );
        assert!(field.unwrap()[0].field);
        // Doc comments beside the change are quiet: `# Safety` comes with `unsafe`.
        let found = read(
            "    pub fn f() {",
            "    /// # Safety\n    /// The handle must be valid.\n    pub unsafe fn f() {",
            "impl Wrapper {",
        );
        assert_eq!(said(found), [(Change::Unsafe, "Wrapper::f".to_owned())]);
    }

    #[test]
    fn refuses_other_changes() {
        // The body changed too, two modifiers at once, async (its own rule), a trait's
        // impl heading, a constant's value, a call.
        for (old, new) in [
            ("pub fn f(a: u8) {", "pub const fn f(a: u16) {"),
            ("fn f() {", "pub const fn f() {"),
            ("fn f() {", "async fn f() {"),
            ("const X: u8 = 1;", "const X: u8 = 2;"),
            ("    f();", "    g();"),
            ("    name: String,", "    name: String,"),
        ] {
            assert!(read(old, new, "impl A {").is_none(), "{old} → {new}");
        }
        // A line added or removed beside the pair.
        assert!(read("pub fn f() {", "pub const fn f() {\n    g();", "impl A {").is_none());
        // A field outside a struct's heading is not known to be one.
        assert!(read("    name: String,", "    pub name: String,", "fn f() {").is_none());
        // The heading in the context above the change wins over the hunk's.
        let body = b" pub struct Shells(u8);\n \n impl Shells {\n-    pub fn f() {\n+    pub const fn f() {\n";
        let found = hunk(
            &[b"    pub fn f() {"],
            &[b"    pub const fn f() {"],
            (1, 1),
            Lang::Rust,
            "pub struct Shells(u8);",
            body,
        );
        assert_eq!(said(found), [(Change::Const, "Shells::f".to_owned())]);
        // An item at the margin has no owner, whatever the heading.
        let free = hunk(
            &[b"fn f() {"],
            &[b"pub fn f() {"],
            (1, 1),
            Lang::Rust,
            "impl GitignoreBuilder {",
            b"",
        );
        assert_eq!(said(free), [(Change::Public, "f".to_owned())]);
        // A method of a trait's implementation has no owner to name.
        let found = read("fn f() {", "pub fn f() {", "impl Display for A {");
        assert_eq!(said(found), [(Change::Public, "f".to_owned())]);
    }
}
