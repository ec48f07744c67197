//! The branch name as a hint: `fix/empty-config-crash` or `handle-empty-config-files` says
//! what kind of change the branch is for, and, on its first commit, often what that commit
//! does (GitHub titles a one-commit pull request with that commit's subject).

use super::words;

/// What a branch name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchHint {
    /// The type its prefix names (`fix/…`, `feature/…`).
    pub kind: Option<&'static str>,
    /// An imperative phrase of three words or more (`handle empty config files`).
    pub phrase: Option<String>,
}

/// Prefixes people give branches, and the type each says.
const PREFIXES: &[(&str, &str)] = &[
    ("feat", "feat"),
    ("feature", "feat"),
    ("features", "feat"),
    ("fix", "fix"),
    ("bugfix", "fix"),
    ("bug", "fix"),
    ("hotfix", "fix"),
    ("docs", "docs"),
    ("doc", "docs"),
    ("chore", "chore"),
    ("refactor", "refactor"),
    ("perf", "perf"),
    ("test", "test"),
    ("tests", "test"),
    ("ci", "ci"),
    ("build", "build"),
    ("style", "style"),
];

/// Branches that say nothing of one change: long-lived ones, release lines, bots' own.
fn says_nothing(name: &str) -> bool {
    let first = name.split('/').next().unwrap_or(name);
    matches!(
        first,
        "main" | "master" | "trunk" | "develop" | "dev" | "next" | "staging" | "gh-pages"
    ) || [
        "release",
        "releases",
        "dependabot",
        "renovate",
        "revert-",
        "patch-",
    ]
    .iter()
    .any(|p| first.starts_with(p))
}

/// Reads a branch name; `None` when it says nothing about the change.
pub fn read(name: &str) -> Option<BranchHint> {
    if says_nothing(name) {
        return None;
    }
    let segments: Vec<&str> = name.split('/').filter(|s| !s.is_empty()).collect();
    let (last, before) = segments.split_last()?;
    // `fix/…`, or `jdoe/fix/…`: a prefix in any segment before the last.
    let mut kind = before.iter().rev().find_map(|s| {
        let s = s.to_ascii_lowercase();
        PREFIXES.iter().find(|(p, _)| *p == s).map(|(_, k)| *k)
    });
    let mut parts: Vec<&str> = last.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    // A ticket id or an issue number in front or at the end says nothing in words.
    let is_number = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    let is_key = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    while let Some(first) = parts.first().copied() {
        if is_number(first)
            || first.eq_ignore_ascii_case("gh")
            || first.eq_ignore_ascii_case("issue")
        {
            parts.remove(0);
        } else if is_key(first) && parts.get(1).is_some_and(|w| is_number(w)) {
            parts.drain(..2);
        } else {
            break;
        }
    }
    while parts.last().is_some_and(|w| is_number(w)) {
        parts.pop();
    }
    // `fix-empty-config` with no prefix: the first word is the type's own verb.
    if kind.is_none()
        && let Some(first) = parts.first()
    {
        kind = match first.to_ascii_lowercase().as_str() {
            "fix" | "hotfix" | "bugfix" => Some("fix"),
            "feat" | "feature" => Some("feat"),
            _ => None,
        };
        if matches!(
            first.to_ascii_lowercase().as_str(),
            "feat" | "feature" | "hotfix" | "bugfix"
        ) {
            parts.remove(0);
        }
    }
    let words: Vec<String> = parts.iter().map(|w| (*w).to_owned()).collect();
    let phrase = match words.first().and_then(|w| words::imperative(w)) {
        Some(verb) => {
            let mut out = vec![verb];
            out.extend(words[1..].iter().cloned());
            Some(out)
        }
        // `fix/empty-config-crash`: a fix branch names what it fixes.
        None if kind == Some("fix") && !words.is_empty() => {
            let mut out = vec!["fix".to_owned()];
            out.extend(words.iter().cloned());
            Some(out)
        }
        None => None,
    }
    .filter(|w| w.len() >= 3 && w.len() <= 10 && w.iter().all(|x| x.len() <= 30))
    .map(|w| w.join(" "));
    (kind.is_some() || phrase.is_some()).then_some(BranchHint { kind, phrase })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(name: &str) -> Option<(Option<&'static str>, Option<String>)> {
        read(name).map(|h| (h.kind, h.phrase))
    }

    #[test]
    fn prefixes_give_the_type_and_the_rest_the_words() {
        assert_eq!(
            hint("fix/empty-config-crash"),
            Some((Some("fix"), Some("fix empty config crash".into())))
        );
        assert_eq!(
            hint("feature/add-dark-mode-toggle"),
            Some((Some("feat"), Some("add dark mode toggle".into())))
        );
        assert_eq!(
            hint("jdoe/fix/handle-missing-home"),
            Some((Some("fix"), Some("handle missing home".into())))
        );
        // No prefix: the words alone, when they start with a verb.
        assert_eq!(
            hint("handle-empty-config-files"),
            Some((None, Some("handle empty config files".into())))
        );
        assert_eq!(
            hint("fix-hook-timeout-on-windows"),
            Some((Some("fix"), Some("fix hook timeout on windows".into())))
        );
        // Tickets and issue numbers are not words.
        assert_eq!(
            hint("feat/ABC-123-support-proxy-urls"),
            Some((Some("feat"), Some("support proxy urls".into())))
        );
        assert_eq!(
            hint("1234-remove-legacy-flags"),
            Some((None, Some("remove legacy flags".into())))
        );
    }

    #[test]
    fn names_that_say_little_give_little() {
        // A type and too few words, or words that are not a verb's: the type only.
        assert_eq!(hint("feat/dark-mode"), Some((Some("feat"), None)));
        assert_eq!(hint("fix/typo"), Some((Some("fix"), None)));
        assert_eq!(hint("refactor/parser"), Some((Some("refactor"), None)));
        for name in [
            "main",
            "master",
            "develop",
            "release/1.2",
            "dependabot/cargo/serde-1.0.200",
            "renovate/all-minor",
            "patch-1",
            "wip",
            "jdoe/experiments",
            "ABC-123",
            "update-deps",
        ] {
            assert_eq!(hint(name), None, "{name}");
        }
    }
}
