//! Words of user-facing text: a count with its noun, in one place.

use std::fmt;

/// Returns a count and its noun: `plural(1, "file", "files")` is `1 file`, and `3 files`,
/// `0 files` for any other count.
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: fmt::Display + PartialEq + From<u8> + Copy,
{
    format!("{n} {}", noun(n, one, many))
}

/// Returns the noun alone for a count written elsewhere or not at all: `one` for 1, else
/// `many` (`noun(2, "workflow", "workflows")` is `workflows`).
pub fn noun<'a, N>(n: N, one: &'a str, many: &'a str) -> &'a str
where
    N: PartialEq + From<u8>,
{
    if n == N::from(1) { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

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
