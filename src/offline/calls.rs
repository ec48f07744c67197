//! The calls a line of code makes, each by the name it calls (`file_stem`, `Path::new`,
//! `Object.assign`, Go's `slices.SortFunc`): for telling which call a small change put in
//! place of another (`use file_stem instead of file_name in App`).

use crate::paths::Lang;

/// Words that open parentheses without calling anything, or call something the change's
/// words never name (`Some(…)`, `super(…)`).
const KEYWORDS: &[&str] = &[
    "if",
    "for",
    "while",
    "switch",
    "return",
    "match",
    "catch",
    "function",
    "fn",
    "func",
    "def",
    "typeof",
    "sizeof",
    "else",
    "elif",
    "with",
    "assert",
    "not",
    "and",
    "or",
    "in",
    "is",
    "await",
    "async",
    "yield",
    "super",
    "self",
    "this",
    "class",
    "import",
    "require",
    "lambda",
    "loop",
    "unsafe",
    "impl",
    "where",
    "as",
    "instanceof",
    "void",
    "delete",
    "case",
    "defer",
    "go",
    "Some",
    "Ok",
    "Err",
    "None",
    "print",
];

/// Words that define the name after them: that name is no call.
const DEFINES: &[&str] = &["fn", "function", "def", "func", "class", "struct"];

/// Calls too plain to say what a change does (`get`, `map`, `Array`): a change is never
/// told by them.
pub(crate) const PLAIN: &[&str] = &[
    "get",
    "set",
    "at",
    "new",
    "from",
    "into",
    "map",
    "call",
    "apply",
    "bind",
    "then",
    "len",
    "push",
    "append",
    "var",
    "url",
    "calc",
    "rgb",
    "rgba",
    "Array",
    "Object",
    "String",
    "Number",
    "Boolean",
    "Symbol",
    "Error",
    "toString",
    "min",
    "max",
    "has",
    "add",
    "is",
    "of",
    "str",
    "int",
    "list",
    "dict",
    "vec!",
    "format!",
    "make",
    "unwrap",
    "expect",
    "clone",
    "iter",
    "collect",
    "filter",
    "find",
    "join",
    "split",
    "keys",
    "values",
    "items",
    "run",
    "assign",
    "test",
    "it",
    "describe",
    "emit",
    "default",
    "h",
    "is_empty",
    "is_some",
    "is_none",
    "contains",
    "contains_key",
    "starts_with",
    "ends_with",
    "startsWith",
    "endsWith",
    "includes",
    "indexOf",
    "forEach",
    "some",
    "every",
    "reduce",
    "to_owned",
    "to_string",
    "as_str",
    "as_ref",
    "unwrap_or",
    "unwrap_or_default",
    "unwrap_or_else",
    "map_or",
    "map_or_else",
    "map_err",
    "and_then",
    "ok_or",
    "ok",
    "push_str",
    "insert",
    "remove",
    "extend",
    "replace",
    "slice",
    "splice",
    "concat",
    "hasOwnProperty",
    "isArray",
    "Sprintf",
    "Errorf",
    "Printf",
    "trim",
    "lower",
    "upper",
    "format",
    "sort",
    "pop",
    "shift",
    "next",
    "update",
    "copy",
];

/// The name a call goes by without its owner: `Body.Close` → `Close`, `Path::new` → `new`.
pub(crate) fn own_name(call: &str) -> &str {
    call.rsplit(['.', ':']).next().unwrap_or(call)
}

fn ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The identifier ending right before `end` in `t` (spaces before `end` skipped), and
/// where it starts.
fn word_before(t: &[u8], end: usize) -> Option<(usize, &str)> {
    let mut end = end;
    while end > 0 && t[end - 1] == b' ' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && ident_byte(t[start - 1]) {
        start -= 1;
    }
    (start < end).then(|| (start, std::str::from_utf8(&t[start..end]).unwrap_or("")))
}

/// The calls on one line of code, its string literals emptied (see
/// `analysis::without_strings`), each once, in order. A method goes by its own name
/// (`path.file_stem()` → `file_stem`); a function by its path where the path says what it
/// is: a Rust path (`Path::new`), a capitalised owner (`Object.assign`, `ASTUtils.
/// findVariable`) or Go's package (`strings.ReplaceAll`). A definition's own name (`fn
/// parse(`, a method opening its body) is no call; nor is anything after a line comment.
pub(crate) fn on_line(t: &[u8], lang: Lang) -> Vec<String> {
    // A Rust attribute (`#[cfg_attr(…)]`) calls nothing.
    if t.starts_with(b"#[") || t.starts_with(b"#![") {
        return Vec::new();
    }
    let mut t = t;
    // A comment after the code.
    let comment: &[u8] = match lang {
        Lang::Python => b" #",
        _ => b"//",
    };
    if let Some(at) = t.windows(comment.len()).position(|w| w == comment) {
        t = &t[..at];
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !ident_byte(t[i]) || t[i].is_ascii_digit() || i > 0 && ident_byte(t[i - 1]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < t.len() && ident_byte(t[i]) {
            i += 1;
        }
        let mut end = i;
        if lang == Lang::Rust && t.get(i) == Some(&b'!') {
            end += 1;
        }
        if t.get(end) != Some(&b'(') {
            continue;
        }
        let name = std::str::from_utf8(&t[start..end]).unwrap_or("");
        if KEYWORDS.contains(&name) || name.len() < 2 {
            continue;
        }
        if let Some(call) = qualified(t, start, name)
            && !defines(t, start)
            && !out.contains(&call)
        {
            out.push(call);
        }
    }
    out
}

/// The name a call goes by, with its owner where the owner says what it is (see
/// [`on_line`]).
fn qualified(t: &[u8], start: usize, name: &str) -> Option<String> {
    let before = &t[..start];
    let (sep, rest) = if let Some(rest) = before.strip_suffix(b"::") {
        ("::", rest)
    } else if let Some(rest) = before.strip_suffix(b".") {
        (".", rest.strip_suffix(b"?").unwrap_or(rest))
    } else {
        return Some(name.to_owned());
    };
    let Some((_, owner)) = word_before(rest, rest.len()).filter(|(at, w)| {
        // `a.b.c()` goes by `c` with `b` only when `b` is a name of its own.
        !w.is_empty() && *at + w.len() == rest.len()
    }) else {
        return Some(name.to_owned());
    };
    let capital = |s: &str| s.starts_with(|c: char| c.is_ascii_uppercase());
    let package = capital(name) && owner.bytes().all(|b| b.is_ascii_lowercase());
    if sep == "::" || capital(owner) || package {
        Some(format!("{owner}{sep}{name}"))
    } else {
        Some(name.to_owned())
    }
}

/// Tells whether the name at `start` is being defined, not called: after `fn`, `def`,
/// `function`, Go's `func (r *T)`, or a method that opens its body on the same line at the
/// start of the line (`render(h) {`).
fn defines(t: &[u8], start: usize) -> bool {
    if let Some((_, word)) = word_before(t, start)
        && DEFINES.contains(&word)
    {
        return true;
    }
    let head = t[..start].trim_ascii();
    if head.starts_with(b"func ") && head.ends_with(b")") {
        return true;
    }
    let modifiers = [
        "",
        "async",
        "static",
        "public",
        "private",
        "protected",
        "get",
        "set",
        "override",
    ];
    let opens_body = t.trim_ascii_end().ends_with(b"{")
        && !t.trim_ascii_end().ends_with(b"=> {")
        && !t.trim_ascii_end().ends_with(b"({");
    opens_body
        && head
            .split(|&b| b == b' ')
            .all(|w| modifiers.iter().any(|m| m.as_bytes() == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(line: &str, lang: Lang) -> Vec<String> {
        on_line(line.as_bytes(), lang)
    }

    #[test]
    fn methods_go_by_their_name_and_functions_by_a_telling_path() {
        assert_eq!(
            calls("let name = path.file_stem().unwrap();", Lang::Rust),
            ["file_stem", "unwrap"]
        );
        assert_eq!(
            calls("slices.SortFunc(entries, func(a, b string) int {", Lang::Go),
            ["slices.SortFunc"]
        );
        assert_eq!(
            calls("return Object.assign({}, a, b)", Lang::Script),
            ["Object.assign"]
        );
        assert_eq!(
            calls("let p = Path::new(dir).join(x);", Lang::Rust),
            ["Path::new", "join"]
        );
        assert_eq!(calls("defer resp.Body.Close()", Lang::Go), ["Body.Close"]);
        assert_eq!(
            calls("x = a?.b?.toTypeString(v)", Lang::Script),
            ["toTypeString"]
        );
        assert_eq!(calls("let s = format!(\"\", x);", Lang::Rust), ["format!"]);
        assert_eq!(
            calls("if !PendingMouse::in_window(&pending) {", Lang::Rust),
            ["PendingMouse::in_window"]
        );
    }

    #[test]
    fn keywords_definitions_and_comments_are_no_calls() {
        assert!(calls("if (a && b) {", Lang::Script).is_empty());
        assert!(calls("fn parse(input: &str) -> Result<()> {", Lang::Rust).is_empty());
        assert!(calls("func (p Pipe) Run(ctx *context.Context) error {", Lang::Go).is_empty());
        assert!(calls("def run(self, documents):", Lang::Python).is_empty());
        assert!(calls("  render(h) {", Lang::Script).is_empty());
        assert_eq!(
            calls("x = 1 // see foo(bar)", Lang::Script),
            Vec::<String>::new()
        );
        assert_eq!(
            calls("x = total(a)  # see foo(bar)", Lang::Python),
            ["total"]
        );
        assert_eq!(calls("return Some(x.len())", Lang::Rust), ["len"]);
        assert!(calls("#[cfg_attr(feature = \"lints\", allow(x))]", Lang::Rust).is_empty());
        // A call whose callback opens a body is still a call.
        assert_eq!(
            calls("items.forEach((item) => {", Lang::Script),
            ["forEach"]
        );
    }
}
