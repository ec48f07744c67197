//! Which section of a Markdown file a line sits in: the ATX headings in force above it,
//! one per level (`## [Unreleased]`, then `### Fixed bugs`). Git reads them for each hunk
//! of a changed Markdown file ([`Hunk::above`](crate::diff::Hunk::above)), as a hunk's own
//! context rarely reaches its heading: ripgrep's README gains an install command forty
//! lines under `### Installation`, jj's changelog an entry far under `### Fixed bugs`.

/// The headings in force above each hunk, given the whole new file and the hunks' first
/// lines in ascending order: one heading line per level, outermost first, each ending in a
/// newline, the page's title left out; and whether the hunk's first line sits inside fenced
/// code (see [`Hunk::fenced`](crate::diff::Hunk::fenced)).
pub fn headings_above(text: &str, starts: &[u32]) -> Vec<(String, bool)> {
    let title = title(text);
    // The last heading of each level (1 to 6) seen so far.
    let mut chain: [Option<&str>; 6] = Default::default();
    let (mut titled, mut fenced) = (false, false);
    let mut lines = fences(text).peekable();
    let mut out = Vec::with_capacity(starts.len());
    for &start in starts {
        while let Some((_, line, inside)) = lines.next_if(|(i, ..)| (*i as u32) + 1 < start) {
            fenced = inside;
            let Some(level) = (!inside).then(|| level(line)).flatten() else {
                continue;
            };
            let is_title = level == 1 && !titled && title;
            titled |= level == 1;
            chain[level - 1] = (!is_title).then(|| line.trim_end());
            chain[level..].iter_mut().for_each(|h| *h = None);
        }
        let mut above = String::new();
        for heading in chain.iter().flatten() {
            above.push_str(heading);
            above.push('\n');
        }
        out.push((above, fenced));
    }
    out
}

/// Whether a line opens or closes fenced code (```` ```sh ````, `~~~`).
pub fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// A page's lines with their index (from 0) and whether fenced code is open after each: a
/// fence line opens or closes it.
fn fences(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut fenced = false;
    text.lines().enumerate().map(move |(i, line)| {
        fenced ^= is_fence(line);
        (i, line, fenced)
    })
}

/// A page's ATX headings with their line index (from 0) and level, fenced code skipped (`#
/// comment` in a shell block is no heading).
fn headings(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    fences(text).filter_map(|(i, line, fenced)| {
        (!fenced)
            .then(|| level(line).map(|level| (i, level, line)))
            .flatten()
    })
}

/// Whether the page's first `# …` is its title, no section of it: the only one (`# Release
/// Checklist` in `RELEASE-CHECKLIST.md`), or a changelog's name over the releases (axum's
/// `# Changelog` above `# 0.8.0`); bat's changelog opens with `# unreleased`, a section.
fn title(text: &str) -> bool {
    let mut firsts = headings(text).filter(|(_, level, _)| *level == 1);
    let Some((_, _, first)) = firsts.next() else {
        return false;
    };
    let name = first.to_lowercase();
    firsts.next().is_none()
        || [
            "changelog",
            "change log",
            "changes",
            "history",
            "release notes",
            "news",
        ]
        .iter()
        .any(|w| name.contains(w))
}

/// The level of an ATX heading (`## Usage` is 2); `None` for any other line.
fn level(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes)
        && (rest.starts_with(' ') || rest.is_empty())
        && !rest.trim().is_empty())
    .then_some(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_hunk_gets_the_headings_above_it() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Fixed bugs\n\n* one\n\n```sh\n# not a heading\n```\n\n## [0.38.0]\n\n### Added\n\n* two\n\n# 0.37.0\n\n* three\n";
        let above = headings_above(text, &[1, 7, 12, 17, 22, 40]);
        assert_eq!(
            above.into_iter().map(|(a, _)| a).collect::<Vec<_>>(),
            [
                "",
                "## [Unreleased]\n### Fixed bugs\n",
                "## [Unreleased]\n### Fixed bugs\n",
                "## [0.38.0]\n### Added\n",
                "# 0.37.0\n",
                "# 0.37.0\n",
            ]
        );
    }

    #[test]
    fn a_first_heading_is_a_title_alone_or_naming_a_changelog() {
        let bat = "# unreleased\n\n## Features\n\n- one\n\n# v0.24.0\n\n## Features\n\n- two\n";
        let above = |text, starts| -> Vec<String> {
            headings_above(text, starts)
                .into_iter()
                .map(|(a, _)| a)
                .collect()
        };
        assert_eq!(
            above(bat, &[5, 11]),
            ["# unreleased\n## Features\n", "# v0.24.0\n## Features\n"]
        );
        let checklist = "# Release Checklist\n\n* Run tests.\n";
        assert_eq!(above(checklist, &[3]), [""]);
    }

    #[test]
    fn hunks_know_whether_they_start_in_fenced_code() {
        let text = "# Guide\n\n```sh\n# comment\n$ run\n```\n\ntext\n~~~\ncode\n";
        let fenced: Vec<bool> = (headings_above(text, &[1, 3, 4, 5, 6, 7, 10]).into_iter())
            .map(|(_, f)| f)
            .collect();
        assert_eq!(fenced, [false, false, true, true, true, false, true]);
    }

    #[test]
    fn hashes_without_a_title_are_no_heading() {
        assert_eq!(level("#"), None);
        assert_eq!(level("#hashtag"), None);
        assert_eq!(level("####### seven"), None);
        assert_eq!(level("### Fixed"), Some(3));
    }
}
