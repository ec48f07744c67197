//! `--prepend`: puts releases into an existing changelog file's text, under its header,
//! replacing the sections of the same versions and leaving the rest as it is.

use super::markdown::link_definition_styled;
use super::output::write_file;
use super::{
    Changelog, ChangelogError, Release, Remote, Style, regex, render_markdown_styled,
    render_section_styled, version_of,
};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

static LINK_DEF: LazyLock<Regex> = LazyLock::new(|| regex(r"^\[([^\]]+)\]:[ \t]*\S"));
/// A bullet as git-herald writes it: its references in parentheses at the end, a short
/// commit id among them.
static OUR_BULLET: LazyLock<Regex> = LazyLock::new(|| regex(r"^- .*\(.*\b[0-9a-f]{7}\b.*\)$"));

/// Tells whether a section's text has the shape git-herald writes: `###` headings, bullets
/// ending in their references, notes indented under them, nothing else. A hand-curated
/// section (contributors, prose, extra sections, bullets without commits) does not.
fn is_ours(section: &str) -> bool {
    section.lines().skip(1).all(|line| {
        let line = line.trim_end();
        line.is_empty()
            || line.starts_with("### ")
            || line == "No notable changes."
            || line.starts_with("  ")
            || OUR_BULLET.is_match(line)
            || LINK_DEF.is_match(line)
    })
}

/// What `--prepend` did to one release's section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepended {
    /// A new section went in.
    Added(String),
    /// A section git-herald wrote for the same version was replaced.
    Replaced(String),
    /// The section was already there as it would be written.
    Unchanged(String),
    /// A section it did not write was replaced, as `--replace` asked.
    ReplacedForeign(String),
    /// The release took the place of the `[Unreleased]` section.
    Released(String),
}

impl std::fmt::Display for Prepended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Prepended::Added(label) => write!(f, "added the section [{label}]"),
            Prepended::Replaced(label) => {
                write!(f, "replaced the section [{label}] it had written before")
            }
            Prepended::Unchanged(label) => write!(f, "the section [{label}] is already up to date"),
            Prepended::Released(label) => {
                write!(f, "the section [{label}] took the place of [Unreleased]")
            }
            Prepended::ReplacedForeign(label) => {
                write!(
                    f,
                    "replaced the hand-written section [{label}] (`--replace`)"
                )
            }
        }
    }
}

/// Returns the key a `## ` heading names: `## [1.4.0] - 2026-11-29` → `1.4.0`,
/// `## Unreleased` → `unreleased`.
fn heading_key(line: &str) -> Option<String> {
    let rest = line.strip_prefix("## ")?.trim();
    let label = match rest.strip_prefix('[') {
        Some(inner) => inner.split(']').next()?,
        None => rest.split_whitespace().next()?,
    };
    Some(version_of(label.trim()).to_lowercase())
}

/// Lines of `text` with their byte offsets (each line includes its `\n`).
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        (start, line)
    })
}

/// The parts of a changelog file: where each `## ` section starts (outside code fences) and
/// where the trailing block of link definitions starts.
struct Layout {
    /// (byte offset, key) of each `## ` heading.
    sections: Vec<(usize, Option<String>)>,
    /// Byte offset of the trailing link definitions (the end of the text when there are none).
    links: usize,
    /// Whether that block holds at least one definition.
    has_links: bool,
}

fn read_layout(text: &str) -> Layout {
    let mut sections = Vec::new();
    let mut fenced = false;
    for (at, line) in lines_with_offsets(text) {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") || trimmed.trim_start().starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && trimmed.starts_with("## ") {
            sections.push((at, heading_key(trimmed)));
        }
    }
    // Walk back over blank lines and link definitions at the end of the file.
    let mut links = text.len();
    let mut has_links = false;
    let all: Vec<(usize, &str)> = lines_with_offsets(text).collect();
    for (at, line) in all.iter().rev() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if LINK_DEF.is_match(trimmed) && sections.last().is_none_or(|(s, _)| at > s) {
            links = *at;
            has_links = true;
        } else {
            break;
        }
    }
    if !has_links {
        links = text.len();
    }
    Layout {
        sections,
        links,
        has_links,
    }
}

/// Returns the byte range of the section `i` of a layout (up to the next section or the links).
fn section_range(layout: &Layout, i: usize) -> (usize, usize) {
    let start = layout.sections[i].0;
    let end = layout
        .sections
        .get(i + 1)
        .map_or(layout.links, |(next, _)| *next);
    (start, end)
}

/// Removes the link definition of `label` (case-insensitive) from the text's trailing block.
fn remove_definition(text: &mut String, label: &str) {
    let layout = read_layout(text);
    if !layout.has_links {
        return;
    }
    let tail = &text[layout.links..];
    let kept: String = tail
        .split_inclusive('\n')
        .filter(|line| {
            LINK_DEF
                .captures(line.trim())
                .is_none_or(|c| !c[1].eq_ignore_ascii_case(label))
        })
        .collect();
    text.replace_range(layout.links.., &kept);
}

/// Tells what putting a release into the text would do, or refuses: a section of the same
/// version that git-herald did not write is replaced only with `replace`.
fn check_one(
    text: &str,
    release: &Release,
    remote: Option<&Remote>,
    replace: bool,
    path: &Path,
    style: &Style,
) -> Result<Prepended, ChangelogError> {
    let key = release.label().to_lowercase();
    let label = release.label();
    let layout = read_layout(text);
    let Some(i) = layout
        .sections
        .iter()
        .position(|(_, k)| k.as_deref() == Some(key.as_str()))
    else {
        return Ok(Prepended::Added(label));
    };
    let (start, end) = section_range(&layout, i);
    let existing = &text[start..end];
    let section = render_section_styled(release, remote, style);
    if existing.trim_end() == section.trim_end() {
        return Ok(Prepended::Unchanged(label));
    }
    if is_ours(existing) {
        return Ok(Prepended::Replaced(label));
    }
    if replace {
        return Ok(Prepended::ReplacedForeign(label));
    }
    Err(ChangelogError::ForeignSection {
        label,
        path: path.to_owned(),
    })
}

/// Puts one release's section into a changelog's text.
fn prepend_one(text: &mut String, release: &Release, remote: Option<&Remote>, style: &Style) {
    let key = release.label().to_lowercase();
    let mut section = render_section_styled(release, remote, style);
    // A release takes in what was unreleased.
    if release.version().is_some() {
        let layout = read_layout(text);
        if let Some(i) = layout
            .sections
            .iter()
            .position(|(_, k)| k.as_deref() == Some("unreleased"))
        {
            let (start, end) = section_range(&layout, i);
            text.replace_range(start..end, "");
            remove_definition(text, "Unreleased");
        }
    }
    let layout = read_layout(text);
    match layout
        .sections
        .iter()
        .position(|(_, k)| k.as_deref() == Some(key.as_str()))
    {
        Some(i) => {
            let (start, end) = section_range(&layout, i);
            if end < text.len() {
                section.push('\n');
            }
            text.replace_range(start..end, &section);
        }
        None => {
            let at = layout.sections.first().map_or(layout.links, |(at, _)| *at);
            let before = text[..at].trim_end_matches(['\n', '\r']).len();
            let mut insert = String::new();
            if before > 0 {
                insert.push_str("\n\n");
            }
            insert.push_str(&section);
            if at < text.len() {
                insert.push('\n');
            }
            text.replace_range(before..at, &insert);
        }
    }
    remove_definition(text, &release.label());
    if let Some(definition) = link_definition_styled(release, remote, style) {
        let layout = read_layout(text);
        if layout.has_links {
            text.insert_str(layout.links, &format!("{definition}\n"));
        } else {
            let end = text.trim_end_matches(['\n', '\r']).len();
            text.truncate(end);
            text.push_str("\n\n");
            text.push_str(&definition);
            text.push('\n');
        }
    }
}

/// Puts releases (newest first) into an existing changelog's text: each goes under the
/// header, above older sections, or replaces the section of the same version; a released
/// version replaces an `[Unreleased]` section. Older sections are left as they are. An empty
/// file gets a whole new changelog.
pub fn prepend(existing: &str, releases: &[Release], remote: Option<&Remote>) -> String {
    prepend_styled(existing, releases, remote, &Style::builtin())
}

/// [`prepend`] in a house style.
pub fn prepend_styled(
    existing: &str,
    releases: &[Release],
    remote: Option<&Remote>,
    style: &Style,
) -> String {
    if existing.trim().is_empty() {
        return render_markdown_styled(releases, remote, style);
    }
    let mut text = existing.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    for release in releases.iter().rev() {
        prepend_one(&mut text, release, remote, style);
    }
    text
}

/// Puts the releases into the changelog file at `path` (created when missing), under its
/// header. A section of the same version is replaced when git-herald wrote it (it has the
/// shape git-herald writes) or `replace` is set; otherwise nothing is written and the error
/// names the section. Returns what was done, one item a release, oldest first.
pub fn prepend_file(
    path: &Path,
    log: &Changelog,
    replace: bool,
) -> Result<Vec<Prepended>, ChangelogError> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(ChangelogError::io("read", path)(source)),
    };
    let mut done = Vec::with_capacity(log.releases.len());
    let has_unreleased = read_layout(&existing)
        .sections
        .iter()
        .any(|(_, k)| k.as_deref() == Some("unreleased"));
    for release in log.releases.iter().rev() {
        if has_unreleased
            && release.version().is_some()
            && !done.iter().any(|d| matches!(d, Prepended::Released(_)))
        {
            done.push(Prepended::Released(release.label()));
        }
        done.push(check_one(
            &existing,
            release,
            log.remote.as_ref(),
            replace,
            path,
            &log.style,
        )?);
    }
    let text = prepend_styled(&existing, &log.releases, log.remote.as_ref(), &log.style);
    if text != existing {
        write_file(path, &text)?;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::date;
    use crate::changelog::test_support::{build_plain, commit, github, span};

    fn release_with(name: &str, previous: Option<&str>, subject: &str) -> Release {
        let mut release = build_plain(&[commit("f1", subject, 1)]);
        release.span = span(Some(name), previous);
        release.date = release.span.time.map(date);
        release
    }

    #[test]
    fn prepend_inserts_under_the_header_and_replaces_its_own_version() {
        let existing = "# Changelog\n\nNotes by hand.\n\n## [Unreleased]\n\n- stale\n\n\
                        ## [1.0.0] - 2023-01-01\n\nHand-written, kept as is.  \n\n\n\
                        [Unreleased]: https://github.com/acme/widget/compare/v1.0.0...HEAD\n\
                        [1.0.0]: https://github.com/acme/widget/releases/tag/v1.0.0\n";
        let remote = github();
        let release = release_with("v1.1.0", Some("v1.0.0"), "feat: one");
        let once = prepend(existing, std::slice::from_ref(&release), Some(&remote));
        assert_eq!(
            once,
            "# Changelog\n\nNotes by hand.\n\n## [1.1.0] - 2024-01-11\n\n### Features\n\n\
             - one ([f100000](https://github.com/acme/widget/commit/f100000000000000000000000000000000000000))\n\n\
             ## [1.0.0] - 2023-01-01\n\nHand-written, kept as is.  \n\n\n\
             [1.1.0]: https://github.com/acme/widget/compare/v1.0.0...v1.1.0\n\
             [1.0.0]: https://github.com/acme/widget/releases/tag/v1.0.0\n"
        );
        assert_eq!(
            prepend(&once, std::slice::from_ref(&release), Some(&remote)),
            once
        );
        let changed = release_with("v1.1.0", Some("v1.0.0"), "feat: two");
        let replaced = prepend(&once, &[changed], Some(&remote));
        assert!(
            replaced.contains("- two (") && !replaced.contains("- one ("),
            "{replaced}"
        );
        assert_eq!(replaced.matches("## [1.1.0]").count(), 1);
    }

    #[test]
    fn only_sections_of_its_own_shape_are_replaced() {
        let ours = "## [1.1.0] - 2024-01-11\n\n### Features\n\n- one (f100000)\n\
                    - **api:** two ([#3](u), [abc1234](u))\n\n  note\n";
        assert!(is_ours(ours));
        let curated = format!("{ours}\n### Contributors\n\nThanks to @ada!\n");
        assert!(!is_ours(&curated));
        assert!(!is_ours("## [1.1.0]\n\n- Added tabs.\n"));
        let release = release_with("v1.1.0", Some("v1.0.0"), "feat: one");
        let path = Path::new("CHANGELOG.md");
        let file = format!("# Changelog\n\n{curated}");
        assert!(matches!(
            check_one(&file, &release, None, false, path, &Style::builtin()),
            Err(ChangelogError::ForeignSection { .. })
        ));
        assert_eq!(
            check_one(&file, &release, None, true, path, &Style::builtin()).unwrap(),
            Prepended::ReplacedForeign("1.1.0".into())
        );
        let fresh = prepend("# Changelog\n", std::slice::from_ref(&release), None);
        assert_eq!(
            check_one(&fresh, &release, None, false, path, &Style::builtin()).unwrap(),
            Prepended::Unchanged("1.1.0".into())
        );
        let other = release_with("v1.1.0", Some("v1.0.0"), "feat: two");
        assert_eq!(
            check_one(&fresh, &other, None, false, path, &Style::builtin()).unwrap(),
            Prepended::Replaced("1.1.0".into())
        );
    }

    #[test]
    fn prepend_into_files_without_sections_or_links() {
        let release = release_with("v0.1.0", None, "feat: first");
        let text = prepend("# Changelog\n", std::slice::from_ref(&release), None);
        assert_eq!(
            text,
            "# Changelog\n\n## [0.1.0] - 2024-01-11\n\n### Features\n\n- first (f100000)\n"
        );
        assert_eq!(
            prepend("", std::slice::from_ref(&release), None),
            crate::changelog::render_markdown(std::slice::from_ref(&release), None)
        );
        // A `## ` line in a code block is not a section.
        let fenced = "# Log\n\n```\n## [0.1.0]\n```\n";
        let text = prepend(fenced, &[release], None);
        assert!(
            text.starts_with("# Log\n\n```\n## [0.1.0]\n```\n\n## [0.1.0] - "),
            "{text}"
        );
    }
}
