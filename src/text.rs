//! Words of user-facing text, each made in one place: a count with its noun, and an error
//! with its causes on one line.

use std::fmt;

/// Returns a count and its noun: `plural(1, "file", "files")` is `1 file`, and `3 files`,
/// `0 files` for any other count.
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: fmt::Display + PartialEq + From<u8> + Copy,
{
    format!("{n} {}", noun(n, one, many))
}

/// The plural of an English noun: `parser` → `parsers`, `class` → `classes`, `entry` →
/// `entries`.
pub fn plural_of(word: &str) -> String {
    let consonant_y = word.len() > 1
        && word.ends_with('y')
        && !word[..word.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// Returns the noun alone for a count written elsewhere or not at all: `one` for 1, else
/// `many` (`noun(2, "workflow", "workflows")` is `workflows`).
pub fn noun<'a, N>(n: N, one: &'a str, many: &'a str) -> &'a str
where
    N: PartialEq + From<u8>,
{
    if n == N::from(1) { one } else { many }
}

/// Renders an error and its causes on one line (`failed to X: cause: deeper cause`), a cause
/// left out when the line says it already: for a warning that must stay one line.
pub fn one_line(err: &dyn std::error::Error) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        let first = text.lines().next().unwrap_or_default().trim();
        if !first.is_empty() && !line.contains(first) {
            line.push_str(": ");
            line.push_str(first);
        }
        source = cause.source();
    }
    line
}

/// Drops a trailing pull-request reference, as GitHub's squash merges append it:
/// `fix: x (#123)` → `fix: x`.
pub fn strip_pull_request(line: &str) -> &str {
    let trimmed = line.trim_end();
    if let Some(open) = trimmed.rfind(" (#")
        && let Some(number) = trimmed[open + 3..].strip_suffix(')')
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
    {
        return trimmed[..open].trim_end();
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_of_inflects_a_noun() {
        assert_eq!(plural_of("parser"), "parsers");
        assert_eq!(plural_of("class"), "classes");
        assert_eq!(plural_of("entry"), "entries");
        assert_eq!(plural_of("key"), "keys");
    }

    #[test]
    fn pull_request_references_are_dropped_only_at_the_end() {
        assert_eq!(strip_pull_request("fix: x (#123)"), "fix: x");
        assert_eq!(strip_pull_request("fix: x (#123)  "), "fix: x");
        assert_eq!(strip_pull_request("fix: x (#)"), "fix: x (#)");
        assert_eq!(strip_pull_request("fix: x (#12a)"), "fix: x (#12a)");
        assert_eq!(strip_pull_request("fix (#1) the rest"), "fix (#1) the rest");
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1usize, "file", "files"), "1 file");
        assert_eq!(plural(0usize, "file", "files"), "0 files");
        assert_eq!(plural(3u64, "secret", "secrets"), "3 secrets");
        assert_eq!(plural(2u32, "dependency", "dependencies"), "2 dependencies");
        assert_eq!(noun(1usize, "section", "sections"), "section");
        assert_eq!(noun(12usize, "section", "sections"), "sections");
    }
}
