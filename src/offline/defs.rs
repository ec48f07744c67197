//! Definitions (functions, types, classes) read from one line of source, by cheap prefix
//! matching rather than parsing: good enough to name what a hunk touches.

use crate::paths::Lang;
use bstr::ByteSlice;

/// What a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DefKind {
    Function,
    Type,
    Module,
    Constant,
    Test,
}

/// One definition found on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Def {
    pub kind: DefKind,
    pub name: String,
    pub public: bool,
}

/// The identifier `s` starts with: `Option<P>` → `Option`.
pub(crate) fn ident(s: &str) -> Option<&str> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(s.len(), |(i, _)| i);
    let name = &s[..end];
    let first = name.chars().next()?;
    (first.is_alphabetic() || first == '_' || first == '$').then_some(name)
}

fn strip_words<'a>(mut s: &'a str, words: &[&str]) -> (&'a str, bool) {
    let mut any = false;
    loop {
        let before = s;
        for word in words {
            if let Some(rest) = s.strip_prefix(word)
                && rest.starts_with(' ')
            {
                s = rest.trim_start();
                any = true;
            }
        }
        if s == before {
            return (s, any);
        }
    }
}

fn def(kind: DefKind, name: &str, public: bool) -> Option<Def> {
    Some(Def {
        kind,
        name: name.to_owned(),
        public,
    })
}

fn rust(line: &str) -> Option<Def> {
    let mut s = line;
    let mut public = false;
    if let Some(rest) = s.strip_prefix("pub") {
        if rest.starts_with('(') {
            // `pub(crate)` and friends are not part of the public API.
            let close = rest.find(')')?;
            s = rest[close + 1..].trim_start();
        } else if rest.starts_with(' ') {
            s = rest.trim_start();
            public = true;
        }
    }
    let (s, _) = strip_words(s, &["async", "const", "unsafe", "default", "extern \"C\""]);
    let kinds: &[(&str, DefKind)] = &[
        ("fn ", DefKind::Function),
        ("struct ", DefKind::Type),
        ("enum ", DefKind::Type),
        ("trait ", DefKind::Type),
        ("union ", DefKind::Type),
        ("type ", DefKind::Type),
        ("mod ", DefKind::Module),
        ("macro_rules! ", DefKind::Function),
        ("const ", DefKind::Constant),
        ("static ", DefKind::Constant),
    ];
    for (prefix, kind) in kinds {
        if let Some(rest) = s.strip_prefix(prefix) {
            return def(*kind, ident(rest.trim_start())?, public);
        }
    }
    if let Some(rest) = s.strip_prefix("impl") {
        // `impl<T> Trait for Type<T> {`: name the type.
        let rest = rest.trim_start();
        let rest = if rest.starts_with('<') {
            &rest[rest.find("> ").map_or(rest.len(), |i| i + 2)..]
        } else {
            rest
        };
        let target = rest.split(" for ").last().unwrap_or(rest).trim_start();
        // By its last segment: wezterm's `impl crate::TermWindow {` is `TermWindow`, never
        // `crate` (nor `super`).
        return def(DefKind::Type, ident(last_segment(target))?, false);
    }
    None
}

/// The type whose inherent `impl` defines the method `name` in a staged Rust hunk: the hunk
/// sits inside `impl File {` (its header) and writes `fn name` indented (tokio's
/// `File::max_buf_size`). Trait implementations name no owner: `Foo::fmt` says less than
/// `fmt`'s trait would; nor do two types' methods of one name (`TcpStream::set_linger` and
/// `TcpSocket::set_linger` deprecated together).
pub(crate) fn method_owner(files: &[crate::filter::FileEntry], name: &str) -> Option<String> {
    let needle = format!("fn {name}");
    let mut owners = files
        .iter()
        .filter(|f| crate::paths::lang(&f.change.path.to_str_lossy()) == Lang::Rust)
        .flat_map(|f| &f.change.hunks)
        .filter_map(|h| {
            let section = h.section.to_str().ok()?.trim();
            if !section.starts_with("impl") || section.contains(" for ") {
                return None;
            }
            let writes = h.body.lines().any(|line| {
                let text = line.get(1..).unwrap_or_default().to_str_lossy();
                let code = text.trim_start();
                let code = code.strip_prefix("pub(crate) ").unwrap_or(code);
                let code = code.strip_prefix("pub ").unwrap_or(code);
                let code = code.strip_prefix("const ").unwrap_or(code);
                let code = code.strip_prefix("async ").unwrap_or(code);
                code.len() < text.len()
                    && code
                        .strip_prefix(needle.as_str())
                        .is_some_and(|rest| rest.starts_with(['(', '<']))
            });
            let owner = parse(section, Lang::Rust)?;
            (writes && owner.kind == DefKind::Type).then_some(owner.name)
        });
    let first = owners.next()?;
    owners.all(|o| o == first).then_some(first)
}

/// A path's last segment, its arguments kept: `fmt::Display` → `Display`.
fn last_segment(t: &str) -> &str {
    let args = t.find('<').unwrap_or(t.len());
    t[..args].rfind("::").map_or(t, |i| &t[i + 2..])
}

/// The trait and the type of a Rust trait implementation's first line: `impl<S: Scene, const
/// N: usize> SceneList for SmallVec<[S; N]> {` → (`SceneList`, `SmallVec`). A type short
/// enough keeps its arguments (`Option<P>`, `()`); `None` for inherent and negative impls.
pub(crate) fn rust_impl(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("impl")?;
    let mut rest = rest.trim_start();
    if rest.starts_with('<') {
        let mut depth = 0i32;
        let end = rest.char_indices().find_map(|(i, c)| {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        })?;
        rest = rest[end + 1..].trim_start();
    } else if !rest.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        return None;
    }
    let rest = rest
        .split(" where")
        .next()?
        .trim_end()
        .trim_end_matches('{')
        .trim_end();
    let (trait_, ty) = rest.split_once(" for ")?;
    let trait_ = trait_.trim();
    ident(trait_)?;
    let ty = ty.trim().trim_start_matches('&').trim_start();
    let ty = ty
        .strip_prefix("'")
        .map_or(ty, |r| r.split_once(' ').map_or(r, |(_, t)| t));
    let ty = ty.strip_prefix("mut ").unwrap_or(ty).trim();
    // Paths go (`fmt::Display` is `Display`); arguments stay when short and not lifetimes.
    let short = |t: &str| t.len() <= 16 && !t.contains([' ', '\'']);
    let (trait_, ty) = (last_segment(trait_), last_segment(ty));
    let ty = match () {
        _ if short(ty) => ty,
        _ => ident(ty.trim_start_matches("dyn "))?,
    };
    let trait_ = if short(trait_) {
        trait_
    } else {
        ident(trait_)?
    };
    // A macro's placeholder (`$impl_type`) names nothing.
    if ty.contains('$') || trait_.contains('$') {
        return None;
    }
    Some((trait_.to_owned(), ty.to_owned()))
}

fn python(line: &str) -> Option<Def> {
    let (s, _) = strip_words(line, &["async"]);
    if let Some(rest) = s.strip_prefix("def ") {
        let name = ident(rest)?;
        let kind = if name.starts_with("test") {
            DefKind::Test
        } else {
            DefKind::Function
        };
        return def(kind, name, !name.starts_with('_'));
    }
    if let Some(rest) = s.strip_prefix("class ") {
        let name = ident(rest)?;
        return def(DefKind::Type, name, !name.starts_with('_'));
    }
    None
}

fn script(line: &str) -> Option<Def> {
    let (s, exported) = strip_words(line, &["export", "default", "declare"]);
    let (s, _) = strip_words(s, &["async", "abstract", "public", "static"]);
    let kinds: &[(&str, DefKind)] = &[
        ("function* ", DefKind::Function),
        ("function ", DefKind::Function),
        ("class ", DefKind::Type),
        ("interface ", DefKind::Type),
        ("type ", DefKind::Type),
        ("enum ", DefKind::Type),
        ("namespace ", DefKind::Module),
    ];
    for (prefix, kind) in kinds {
        if let Some(rest) = s.strip_prefix(prefix) {
            return def(*kind, ident(rest.trim_start())?, exported);
        }
    }
    for prefix in ["const ", "let ", "var "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let name = ident(rest)?;
            let after = rest[name.len()..].trim_start();
            let typed = after.starts_with(':');
            let after = after
                .strip_prefix(':')
                .map_or(after, |t| t.find('=').map_or("", |i| &t[i..]));
            // An export whose type runs on to the next lines (`export const vModelText:
            // ModelDirective<`) is still a name of the module.
            let Some(value) = after.strip_prefix('=') else {
                return if exported && typed && after.is_empty() {
                    def(DefKind::Constant, name, true)
                } else {
                    None
                };
            };
            let value = value.trim_start();
            let is_fn = value.starts_with("(")
                || value.starts_with("async")
                || value.starts_with("function")
                || value.contains("=>");
            if is_fn {
                return def(DefKind::Function, name, exported);
            }
            if exported {
                return def(DefKind::Constant, name, true);
            }
            return None;
        }
    }
    // Deno's `Deno.test("does y", …)`, `Deno.test(function doesY() …)`,
    // `Deno.test({ permissions }, async function doesY() …)`.
    if let Some(rest) = s.strip_prefix("Deno.test(") {
        let rest = rest.trim_start();
        if let Some(quote) = rest
            .chars()
            .next()
            .filter(|q| matches!(q, '\'' | '"' | '`'))
        {
            let body = &rest[1..];
            return def(DefKind::Test, &body[..body.find(quote)?], false);
        }
        let at = rest.find("function")?;
        let name = ident(
            rest[at + "function".len()..]
                .trim_start_matches('*')
                .trim_start(),
        )?;
        return def(DefKind::Test, name, false);
    }
    // `describe('x', …)`, `it('does y', …)`, `test(…)`
    for prefix in ["describe(", "it(", "test("] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let quoted = rest.trim_start();
            let quote = quoted.chars().next()?;
            if matches!(quote, '\'' | '"' | '`') {
                let body = &quoted[1..];
                let end = body.find(quote)?;
                return def(DefKind::Test, &body[..end], false);
            }
        }
    }
    None
}

fn go(line: &str) -> Option<Def> {
    if let Some(rest) = line.strip_prefix("func ") {
        let rest = if rest.starts_with('(') {
            rest[rest.find(')')? + 1..].trim_start()
        } else {
            rest
        };
        let name = ident(rest)?;
        let public = name.chars().next().is_some_and(char::is_uppercase);
        let kind = if name.starts_with("Test") || name.starts_with("Benchmark") {
            DefKind::Test
        } else {
            DefKind::Function
        };
        return def(kind, name, public);
    }
    if let Some(rest) = line.strip_prefix("type ") {
        let name = ident(rest)?;
        return def(
            DefKind::Type,
            name,
            name.chars().next().is_some_and(char::is_uppercase),
        );
    }
    None
}

const NOT_FUNCTIONS: &[&str] = &[
    "if",
    "for",
    "while",
    "switch",
    "return",
    "catch",
    "else",
    "new",
    "throw",
    "sizeof",
    "case",
    "do",
    "try",
    "synchronized",
    "using",
    "await",
    "yield",
    "delete",
];

fn java(line: &str) -> Option<Def> {
    let (s, public) = strip_words(line, &["public", "open"]);
    let (s, _) = strip_words(
        s,
        &[
            "protected",
            "private",
            "internal",
            "static",
            "final",
            "abstract",
            "override",
            "suspend",
            "sealed",
            "data",
            "inline",
            "virtual",
            "async",
            "synchronized",
            "partial",
            "readonly",
        ],
    );
    let kinds: &[(&str, DefKind)] = &[
        ("class ", DefKind::Type),
        ("interface ", DefKind::Type),
        ("enum ", DefKind::Type),
        ("record ", DefKind::Type),
        ("struct ", DefKind::Type),
        ("object ", DefKind::Type),
        ("fun ", DefKind::Function),
        ("func ", DefKind::Function),
    ];
    for (prefix, kind) in kinds {
        if let Some(rest) = s.strip_prefix(prefix) {
            return def(*kind, ident(rest.trim_start())?, public);
        }
    }
    c_like_function(s, public)
}

/// `Type name(args)` on one line, not a call or a control statement.
fn c_like_function(s: &str, public: bool) -> Option<Def> {
    if s.ends_with(';') || s.contains('=') && !s.contains("==") && s.find('=') < s.find('(') {
        return None;
    }
    let open = s.find('(')?;
    let head = s[..open].trim_end();
    let name_start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '~'))
        .map_or(0, |i| i + 1);
    let name = &head[name_start..];
    let before = head[..name_start].trim();
    if before.is_empty() || name.is_empty() || before.ends_with(['.', ',', '(', '!', '=']) {
        return None;
    }
    let short = name.rsplit("::").next().unwrap_or(name);
    if NOT_FUNCTIONS.contains(&short) || NOT_FUNCTIONS.contains(&before) {
        return None;
    }
    ident(short)?;
    def(DefKind::Function, name, public)
}

fn c(line: &str) -> Option<Def> {
    if let Some(rest) = line.strip_prefix("#define ") {
        return def(DefKind::Constant, ident(rest)?, true);
    }
    let (s, _) = strip_words(
        line,
        &["typedef", "static", "inline", "extern", "template<>"],
    );
    for prefix in ["struct ", "class ", "enum ", "union ", "namespace "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let rest = rest.trim_start();
            let name = ident(rest)?;
            let tail = rest[name.len()..].trim();
            // A declaration with a body, not a variable of that type.
            if tail.is_empty() || tail.starts_with('{') || tail.starts_with(':') {
                return def(DefKind::Type, name, true);
            }
            return None;
        }
    }
    c_like_function(s, true)
}

/// Tells whether a trimmed Rust line is an attribute that marks the next function a test
/// (`#[test]`, `#[tokio::test]`, `#[rstest]`, `#[test_case(…)]`).
pub(crate) fn is_test_attribute(line: &[u8]) -> bool {
    let Some(inner) = line.strip_prefix(b"#[") else {
        return false;
    };
    let name_end = inner
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b':'))
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    let last = name.rsplit(|&b| b == b':').next().unwrap_or(name);
    last == b"test" || last == b"rstest" || last.starts_with(b"test_") || last.ends_with(b"_test")
}

/// Reads a definition from one line of source (indentation allowed).
pub(crate) fn parse(line: &str, lang: Lang) -> Option<Def> {
    let trimmed = line.trim();
    if trimmed.len() < 4 || trimmed.len() > 300 {
        return None;
    }
    match lang {
        Lang::Rust => rust(trimmed),
        Lang::Python => python(trimmed),
        Lang::Script => script(trimmed),
        Lang::Go => go(trimmed),
        Lang::Java => java(trimmed),
        // Only top-level lines: indented ones are statements far more often than not.
        Lang::C if !line.starts_with([' ', '\t']) => c(trimmed),
        Lang::Other => other(trimmed),
        Lang::C | Lang::Markdown => None,
    }
}

/// Functions and modules of the languages with no reader of their own that say `def`:
/// Nushell's `export def --env "str dedent" []`, Ruby's and Elixir's `def`/`defp`,
/// `defmodule`. Names may hold dashes (`def run-tests`); a quoted name is kept whole. Not
/// shell functions: a completion script's `_bat` names less than its file.
fn other(line: &str) -> Option<Def> {
    let (s, exported) = strip_words(line, &["export"]);
    let name_of = |rest: &str| -> Option<String> {
        let rest = rest.trim_start();
        if let Some(quoted) = rest.strip_prefix('"') {
            let name = &quoted[..quoted.find('"')?];
            return (!name.is_empty() && name.len() <= 40).then(|| name.to_owned());
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '?' | '!' | '.')))
            .unwrap_or(rest.len());
        let name = rest[..end].trim_end_matches('.');
        ident(name)?;
        Some(name.to_owned())
    };
    for (prefix, kind) in [
        ("def ", DefKind::Function),
        ("defp ", DefKind::Function),
        ("defmodule ", DefKind::Module),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            // Nushell's flags before the name: `def --env --wrapped name`.
            let mut rest = rest.trim_start();
            while let Some(flagged) = rest.strip_prefix("--") {
                rest = flagged.split_once(' ')?.1.trim_start();
            }
            let name = name_of(rest)?;
            let public = exported || prefix != "defp ";
            let kind = if name.starts_with("test") && kind == DefKind::Function {
                DefKind::Test
            } else {
                kind
            };
            return Some(Def { kind, name, public });
        }
    }
    None
}

/// Reads the name a hunk's function-context heading points at (`impl Foo {` → `Foo`).
pub(crate) fn from_section(section: &str, lang: Lang) -> Option<Def> {
    if lang == Lang::Markdown {
        let title = heading_title(section.trim_start_matches('#').trim());
        let ok = section.starts_with('#') && !title.is_empty() && title.len() <= 40;
        return ok.then_some(Def {
            kind: DefKind::Module,
            name: title,
            public: false,
        });
    }
    let lang = if lang == Lang::C { Lang::Java } else { lang };
    parse(section, lang)
}

/// A heading's words: links as their text (`[Lefthook](https://…)` → `Lefthook`), a leading
/// number dropped (`Option 5. Lefthook`, `2. Install` → `Lefthook`, `Install`), so that a
/// heading renumbered is the same heading.
fn heading_title(title: &str) -> String {
    let out = super::words::unlink(title);
    let mut words = out.split_whitespace().peekable();
    let numbered = |w: &str| {
        let w = w.trim_end_matches(['.', ':', ')']);
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
    };
    if let Some(first) = words.peek().copied() {
        if matches!(first, "Option" | "Step" | "Part" | "Method" | "Chapter") {
            let mut ahead = words.clone();
            ahead.next();
            if ahead.peek().is_some_and(|w| numbered(w)) {
                words.next();
                words.next();
            }
        } else if numbered(first) {
            words.next();
        }
    }
    words.collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str, lang: Lang) -> Option<(String, bool)> {
        parse(line, lang).map(|d| (d.name, d.public))
    }

    #[test]
    fn a_method_is_owned_by_the_one_type_whose_impl_writes_it() {
        let file = |path: &str, ty: &str| {
            format!(
                "diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n\
                 @@ -10,3 +10,7 @@ impl {ty} {{\n     }}\n \n+    #[deprecated]\n\
                 +    pub fn set_linger(&self) {{\n+    }}\n+\n     pub fn nodelay(&self) {{\n"
            )
        };
        let one = crate::offline::tests::entries(file("net/tcp/socket.rs", "TcpSocket").as_bytes());
        assert_eq!(
            method_owner(&one, "set_linger").as_deref(),
            Some("TcpSocket")
        );
        assert_eq!(method_owner(&one, "linger"), None);
        let two = format!(
            "{}{}",
            file("net/tcp/socket.rs", "TcpSocket"),
            file("net/tcp/stream.rs", "TcpStream")
        );
        let two = crate::offline::tests::entries(two.as_bytes());
        assert_eq!(method_owner(&two, "set_linger"), None);
        let trait_impl = crate::offline::tests::entries(
            file("net/tcp/socket.rs", "Linger for TcpSocket").as_bytes(),
        );
        assert_eq!(method_owner(&trait_impl, "set_linger"), None);
    }

    #[test]
    fn nushell_and_ruby_defs_are_read_with_their_names_whole() {
        let named = |line: &str| parse(line, Lang::Other).map(|d| d.name);
        assert_eq!(
            named(r#"export def "kv set" [key: string, value?: any] {"#).as_deref(),
            Some("kv set")
        );
        assert_eq!(
            named("export def --env --wrapped run-tests [] {").as_deref(),
            Some("run-tests")
        );
        assert_eq!(named("def valid?(x)").as_deref(), Some("valid?"));
        assert_eq!(
            parse("defp handle_info(msg, state) do", Lang::Other).map(|d| d.public),
            Some(false)
        );
        // Not shell functions, not keys or prose.
        assert_eq!(named("_bat() {"), None);
        assert_eq!(named("default: true"), None);
        assert_eq!(named("def: 1"), None);
    }

    #[test]
    fn reads_the_trait_and_type_of_an_impl() {
        let pair = |t: &str, ty: &str| Some((t.to_owned(), ty.to_owned()));
        assert_eq!(
            rust_impl("impl<S: Scene, const N: usize> SceneList for SmallVec<[S; N]> {"),
            pair("SceneList", "SmallVec")
        );
        assert_eq!(
            rust_impl("impl<P> Scene for Option<P>"),
            pair("Scene", "Option<P>")
        );
        assert_eq!(
            rust_impl("impl IntoResponseParts for () {"),
            pair("IntoResponseParts", "()")
        );
        assert_eq!(
            rust_impl("impl<'a> From<&'a str> for Name<'a> where Self: Sized {"),
            pair("From", "Name")
        );
        assert_eq!(
            rust_impl("impl fmt::Display for http::Position {"),
            pair("Display", "Position")
        );
        assert_eq!(rust_impl("impl Styled for $impl_type {"), None);
        assert_eq!(rust_impl("impl Parser {"), None);
        assert_eq!(rust_impl("impl !Send for Guard {}"), None);
    }

    #[test]
    fn reads_definitions_in_each_language() {
        let some = |n: &str, p: bool| Some((n.to_owned(), p));
        assert_eq!(
            name("pub fn parse(input: &[u8]) {", Lang::Rust),
            some("parse", true)
        );
        assert_eq!(
            name("    pub(crate) async fn go()", Lang::Rust),
            some("go", false)
        );
        assert_eq!(
            name("impl<T> Display for Wrapper<T> {", Lang::Rust),
            some("Wrapper", false)
        );
        assert_eq!(
            name("pub struct Config {", Lang::Rust),
            some("Config", true)
        );
        assert_eq!(name("let x = 1;", Lang::Rust), None);
        assert_eq!(
            name("    def _helper(self):", Lang::Python),
            some("_helper", false)
        );
        assert_eq!(
            name("class Pipeline(Base):", Lang::Python),
            some("Pipeline", true)
        );
        assert_eq!(
            name("export async function load() {", Lang::Script),
            some("load", true)
        );
        assert_eq!(
            name("export const run = (a) => a", Lang::Script),
            some("run", true)
        );
        assert_eq!(name("const x = 5", Lang::Script), None);
        assert_eq!(
            name("export const vModelText: ModelDirective<", Lang::Script),
            some("vModelText", true)
        );
        assert_eq!(name("const x: Map<", Lang::Script), None);
        assert_eq!(
            name("it('handles empty input', () => {", Lang::Script),
            some("handles empty input", false)
        );
        let test = |line: &str| parse(line, Lang::Script).map(|d| (d.name, d.kind));
        let deno = |n: &str| Some((n.to_owned(), DefKind::Test));
        assert_eq!(
            test("Deno.test(\"[node/dns] lookupService accepts string ports\", async () => {"),
            deno("[node/dns] lookupService accepts string ports")
        );
        assert_eq!(
            test("Deno.test(function textDecoderSharedOffsetView() {"),
            deno("textDecoderSharedOffsetView")
        );
        assert_eq!(
            test("Deno.test({ permissions: { net: true } }, async function fetchLargeHeaders() {"),
            deno("fetchLargeHeaders")
        );
        assert_eq!(test("Deno.test({"), None);
        assert_eq!(
            name(
                "func (s *Server) Start(ctx context.Context) error {",
                Lang::Go
            ),
            some("Start", true)
        );
        assert_eq!(
            name("type config struct {", Lang::Go),
            some("config", false)
        );
        assert_eq!(
            name("public static int count(List<String> xs) {", Lang::Java),
            some("count", true)
        );
        assert_eq!(name("return count(xs);", Lang::Java), None);
        assert_eq!(
            name("static int parse_args(int argc, char **argv)", Lang::C),
            some("parse_args", true)
        );
        assert_eq!(name("    foo(bar);", Lang::C), None);
        assert_eq!(name("if (x) {", Lang::C), None);
    }

    #[test]
    fn test_attributes_are_recognised() {
        assert!(is_test_attribute(b"#[test]"));
        assert!(is_test_attribute(
            b"#[tokio::test(flavor = \"multi_thread\")]"
        ));
        assert!(is_test_attribute(b"#[test_case(1, 2)]"));
        assert!(!is_test_attribute(b"#[derive(Debug)]"));
        assert!(!is_test_attribute(b"#[cfg(test)]"));
    }

    #[test]
    fn reads_section_headings() {
        for path in ["impl crate::TermWindow {", "impl super::TermWindow {"] {
            assert_eq!(from_section(path, Lang::Rust).unwrap().name, "TermWindow");
        }
        assert_eq!(
            from_section("impl fmt::Display for http::Position {", Lang::Rust)
                .unwrap()
                .name,
            "Position"
        );
        let d = from_section("impl Parser {", Lang::Rust).unwrap();
        assert_eq!(d.name, "Parser");
        let d = from_section("## Installation", Lang::Markdown).unwrap();
        assert_eq!(d.name, "Installation");
        assert!(from_section("some prose", Lang::Markdown).is_none());
        let title = |t: &str| from_section(t, Lang::Markdown).unwrap().name;
        assert_eq!(
            title("## Option 5. [Lefthook](https://lefthook.dev/)"),
            "Lefthook"
        );
        assert_eq!(title("### 2. Install it"), "Install it");
        assert_eq!(title("## Step 3: Run"), "Run");
        assert_eq!(title("## 1.2.0"), "1.2.0");
    }
}
