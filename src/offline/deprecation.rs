//! Items a change marks deprecated, read from the markers languages write for it: Rust's
//! `#[deprecated(note = …)]`, a doc comment's `@deprecated` (JavaScript, TypeScript, Java),
//! Go's `// Deprecated:` paragraph, C#'s `[Obsolete]`, and Python's
//! `warnings.warn("X is deprecated …", DeprecationWarning)`. Such a change is said as
//! `deprecate X in favor of Y`, not as a correction of the file it sits in.

use regex::Regex;
use std::sync::OnceLock;

/// An item a change marks deprecated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Deprecation {
    pub name: String,
    /// What the marker says to use instead (`use [BrewCask] instead` → `BrewCask`).
    pub instead: Option<String>,
}

/// A marker for the item below it: `Some(instead)` for a line that is one (with what its
/// note says to use instead, when it says), `None` for any other line.
pub(crate) fn marker(line: &str) -> Option<Option<String>> {
    let t = line.trim_start();
    // In a comment only, or as Java's annotation: a lint rule's source that looks for
    // `'@deprecated'` in strings deprecates nothing.
    let comment = t.starts_with("//") || t.starts_with("/*") || t.starts_with('*');
    let at = if t.starts_with("#[deprecated")
        || t.starts_with("[Obsolete")
        || t.starts_with("@Deprecated")
    {
        0
    } else if comment && let Some(at) = t.find("@deprecated") {
        at
    } else if comment && let Some(at) = t.find("Deprecated:") {
        at
    } else {
        return None;
    };
    Some(instead(&t[at..]))
}

/// Tells whether a marker line goes on below (`#[deprecated(` with its note on the next
/// lines).
pub(crate) fn is_open(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("#[deprecated(") && !t.ends_with(")]")
}

/// What a deprecation note says to use instead: the first name in backticks or brackets
/// (or a bare name that cannot be a word) after `use`, `replaced with`, `in favor of`, `see`.
pub(crate) fn instead(note: &str) -> Option<String> {
    let lower = note.to_lowercase();
    let cues = [
        "use ",
        "replaced with ",
        "replaced by ",
        "in favor of ",
        "in favour of ",
        "see ",
        "prefer ",
    ];
    // At a word's start: the `use ` of `because ` is no cue.
    let (at, cue) = cues
        .iter()
        .filter_map(|c| {
            lower
                .match_indices(c)
                .find(|(at, _)| !lower[..*at].ends_with(char::is_alphabetic))
                .map(|(at, _)| (at, c.len()))
        })
        .min()?;
    let rest = note.get(at + cue..)?.trim_start();
    let quoted = ['`', '['].iter().find_map(|open| {
        let close = if *open == '[' { ']' } else { '`' };
        let body = rest.strip_prefix(*open)?;
        Some(&body[..body.find(close)?])
    });
    let name = match quoted {
        Some(name) => name,
        None => {
            let word = rest.split_whitespace().next()?;
            let word = word.trim_end_matches(['.', ',', ';', ')', '"']);
            // `use isGloballyAllowed instead`, never `use the new API`.
            let code = word.contains(['_', '.', ':', '#'])
                || word.chars().skip(1).any(|c| c.is_ascii_uppercase());
            if !code {
                return None;
            }
            word
        }
    };
    let name = name.trim().trim_end_matches("()");
    let ok = !name.is_empty()
        && name.len() <= 60
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "_.:#$".contains(c));
    ok.then(|| name.to_owned())
}

/// The item a Python deprecation warning names in its message: `"The MilvusDocumentStore
/// node is deprecated and will be removed …"` → `MilvusDocumentStore`. Only a name that
/// cannot be a word (`This method is deprecated` names nothing).
pub(crate) fn named_in_message(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?:^|[\s'`])`?([A-Za-z_][A-Za-z0-9_.]*)`?(?:\(\))?(?: [a-z]+)? (?:is|are|has been|have been|will be|is being|is now) deprecated",
        )
        .expect("valid regex")
    });
    let name = re.captures(text)?.get(1)?.as_str();
    let code = name.contains(['_', '.'])
        || name.chars().skip(1).any(|c| c.is_ascii_uppercase())
        || text.contains(&format!("`{name}`"));
    code.then(|| name.to_owned())
}

/// The name a line declares when no definition rule reads it: a Go struct field or a
/// constant in a block (`Brews []Homebrew …`, `BrewFormula`), exported by its capital.
pub(crate) fn field_name(line: &str) -> Option<String> {
    let word = line.split_whitespace().next()?;
    let ok = word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_alphanumeric() || c == '_');
    ok.then(|| word.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_what_they_point_to() {
        // clap's `Command::_build_bin_names`.
        assert_eq!(
            marker(
                r#"    #[deprecated(since = "3.1.13", note = "Replaced with `Command::build`")]"#
            ),
            Some(Some("Command::build".to_owned()))
        );
        // vue's `isGloballyWhitelisted`.
        assert_eq!(
            marker("/** @deprecated use `isGloballyAllowed` instead */"),
            Some(Some("isGloballyAllowed".to_owned()))
        );
        // goreleaser's Go doc paragraphs.
        assert_eq!(
            marker("\t// Deprecated: use [Project.Casks] instead."),
            Some(Some("Project.Casks".to_owned()))
        );
        assert_eq!(
            marker(" * @deprecated in favor of `SourceCode#parserServices`"),
            Some(Some("SourceCode#parserServices".to_owned()))
        );
        assert_eq!(
            marker(" * @deprecated use isGloballyAllowed instead"),
            Some(Some("isGloballyAllowed".to_owned()))
        );
        // A marker with no replacement, or one named in words.
        assert_eq!(marker("#[deprecated]"), Some(None));
        assert_eq!(marker(" * @deprecated use the new API"), Some(None));
        assert_eq!(
            marker("#[deprecated(note = \"slow because of X, use `fast` instead\")]"),
            Some(Some("fast".to_owned()))
        );
        // Not a marker: the word in code, or `Deprecated:` outside a comment.
        assert_eq!(marker("let deprecated = true;"), None);
        assert_eq!(marker("if (tag.tagName === '@deprecated') {"), None);
        assert_eq!(marker("@Deprecated(since = \"9\")"), Some(None));
        assert_eq!(marker("  Deprecated: true"), None);
        assert!(is_open("#[deprecated(") && !is_open("#[deprecated(note = \"x\")]"));
    }

    #[test]
    fn python_warnings_name_their_item() {
        let milvus = r#""The MilvusDocumentStore node is deprecated and will be removed in future versions.","#;
        assert_eq!(
            named_in_message(milvus),
            Some("MilvusDocumentStore".to_owned())
        );
        assert_eq!(
            named_in_message("`deserialize_tools_inplace` has been deprecated"),
            Some("deserialize_tools_inplace".to_owned())
        );
        assert_eq!(named_in_message("This method is deprecated"), None);
        assert_eq!(named_in_message("deprecated since 2.0"), None);
    }

    #[test]
    fn go_fields_by_their_capital() {
        assert_eq!(
            field_name("\tBrews []Homebrew `yaml:\"brews,omitempty\"`"),
            Some("Brews".to_owned())
        );
        assert_eq!(field_name("\tBrewFormula"), Some("BrewFormula".to_owned()));
        assert_eq!(field_name("\tbrews []Homebrew"), None);
    }
}
