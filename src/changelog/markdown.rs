//! Markdown rendering in Keep a Changelog style: a whole changelog, one release's section,
//! and release notes.

use super::{Entry, Release, Remote};
use std::fmt::Write as _;

/// The header of a new changelog file.
pub const HEADER_TEXT: &str = "# Changelog\n\nAll notable changes to this project are documented \
                               in this file. The format is based on\n[Keep a Changelog](https://\
                               keepachangelog.com/en/1.1.0/).\n";

pub(super) const SHORT: usize = 7;

pub(super) fn short(id: &str) -> &str {
    id.get(..SHORT).unwrap_or(id)
}

fn link(text: &str, url: Option<String>) -> String {
    match url {
        Some(url) => format!("[{text}]({url})"),
        None => text.to_owned(),
    }
}

/// Renders one bullet: `- **scope:** subject (#12, abc1234, closes #3)`, linked when the
/// remote is known.
fn bullet(entry: &Entry, remote: Option<&Remote>, breaking_section: bool) -> String {
    let mut line = String::from("- ");
    if let Some(scope) = &entry.scope {
        let _ = write!(line, "**{scope}:** ");
    }
    let text = match (&entry.breaking_note, breaking_section) {
        (Some(note), true) => note,
        _ => &entry.subject,
    };
    line.push_str(text);
    let _ = write!(line, " ({})", references(entry, remote).join(", "));
    line
}

/// Returns an entry's references: its PR, its commit, its issue trailers, linked when the
/// remote is known.
pub(super) fn references(entry: &Entry, remote: Option<&Remote>) -> Vec<String> {
    let mut refs = Vec::with_capacity(2 + entry.refs.len());
    if let Some(pr) = entry.pr {
        refs.push(link(
            &Remote::pr_label(remote, pr),
            remote.map(|r| r.pull(pr)),
        ));
    }
    refs.push(link(short(&entry.id), remote.map(|r| r.commit(&entry.id))));
    for r in &entry.refs {
        refs.push(format!(
            "{} {}",
            r.action,
            link(&r.id, Remote::reference(remote, &r.id))
        ));
    }
    refs
}

/// Renders a release's sections (`### Features` and bullets), or a line saying there is
/// nothing to note.
fn render_body(release: &Release, remote: Option<&Remote>, out: &mut String) {
    if let Some(text) = &release.rewritten {
        out.push_str(text);
        return;
    }
    if release.is_empty() {
        out.push_str("No notable changes.\n");
        return;
    }
    for (i, section) in release.sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "### {}\n", section.title);
        for entry in &section.entries {
            out.push_str(&bullet(entry, remote, section.breaking));
            out.push('\n');
        }
    }
}

/// Renders a release as a changelog section: `## [1.4.0] - 2026-11-29`, then its sections.
pub fn render_section(release: &Release, remote: Option<&Remote>) -> String {
    let mut out = format!("## [{}]", release.label());
    if let Some(date) = &release.date {
        let _ = write!(out, " - {date}");
    }
    out.push_str("\n\n");
    render_body(release, remote, &mut out);
    out
}

/// Returns the link definition of a release's heading: `[1.4.0]: https://…/compare/…`.
pub fn link_definition(release: &Release, remote: Option<&Remote>) -> Option<String> {
    release
        .compare_url(remote)
        .map(|url| format!("[{}]: {url}", release.label()))
}

/// Renders a whole changelog: the header, the releases newest first, the compare links.
pub fn render_markdown(releases: &[Release], remote: Option<&Remote>) -> String {
    let mut out = String::from(HEADER_TEXT);
    for release in releases {
        out.push('\n');
        out.push_str(&render_section(release, remote));
    }
    let links: Vec<String> = releases
        .iter()
        .filter_map(|r| link_definition(r, remote))
        .collect();
    if !links.is_empty() {
        out.push('\n');
        for line in links {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Renders release notes: the sections without a file header or version heading, and the
/// compare link as a closing line.
pub fn render_notes(release: &Release, remote: Option<&Remote>) -> String {
    let mut out = String::new();
    render_body(release, remote, &mut out);
    if let (Some(url), Some(previous)) = (release.compare_url(remote), &release.span.previous) {
        let target = release.span.name.as_deref().unwrap_or(&release.span.to);
        let _ = write!(
            out,
            "\n**Full changelog**: [{previous}...{target}]({url})\n"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::test_support::{build_plain, commit, github};

    #[test]
    fn bullets_carry_their_references() {
        let release = build_plain(&[commit(
            "e1",
            "feat(api)!: paginate (#12)\n\nBREAKING CHANGE: results come in pages\nCloses #7\n",
            1,
        )]);
        let text = render_section(&release, Some(&github()));
        assert_eq!(
            text,
            "## [1.1.0] - 2024-01-11\n\n### Breaking changes\n\n\
             - **api:** results come in pages ([#12](https://github.com/acme/widget/pull/12), \
             [e100000](https://github.com/acme/widget/commit/e100000000000000000000000000000000000000), \
             closes [#7](https://github.com/acme/widget/issues/7))\n"
        );
        let plain = render_section(&release, None);
        assert!(
            plain.contains("results come in pages (#12, e100000, closes #7)"),
            "{plain}"
        );
    }
}
