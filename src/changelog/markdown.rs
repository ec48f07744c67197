//! Markdown rendering in Keep a Changelog style: a whole changelog, one release's section,
//! and release notes.

use super::{BulletStyle, Entry, RefStyle, Release, Remote, ScopeStyle, Style};
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
/// remote is known. In the breaking section, the `BREAKING CHANGE:` note follows whole, as a
/// paragraph of the list item; the bullet then ends with a blank line.
fn bullet(
    entry: &Entry,
    remote: Option<&Remote>,
    breaking_section: bool,
    style: &BulletStyle,
) -> String {
    let mut line = format!("{} ", style.marker);
    if let Some(scope) = &entry.scope {
        let _ = match style.scope {
            ScopeStyle::Bold => write!(line, "**{scope}:** "),
            ScopeStyle::ItalicParens => write!(line, "*({scope})* "),
            ScopeStyle::Plain => write!(line, "{scope}: "),
            ScopeStyle::Hidden => Ok(()),
        };
    }
    let subject = link_prs(&entry.subject, remote);
    let mut chars = subject.chars();
    match chars.next() {
        Some(first) if style.capitalise && first.is_lowercase() => {
            line.extend(first.to_uppercase());
            line.push_str(chars.as_str());
        }
        _ => line.push_str(&subject),
    }
    match style.refs {
        RefStyle::Grouped => {
            let _ = write!(line, " ({})", references(entry, remote).join(", "));
        }
        RefStyle::Separate => {
            // conventional-changelog: ` ([#12](…)) ([abc1234](…)), closes [#3](…) [#4](…)`
            if let Some(pr) = entry.pr {
                let label = format!("#{pr}");
                let _ = write!(line, " ({})", link(&label, remote.map(|r| r.pull(pr))));
            }
            let id = short(&entry.id);
            let _ = write!(line, " ({})", link(id, remote.map(|r| r.commit(&entry.id))));
            let closes: Vec<String> = entry
                .refs
                .iter()
                .filter(|r| r.action != "refs")
                .map(|r| link(&r.id, Remote::reference(remote, &r.id)))
                .collect();
            if !closes.is_empty() {
                let _ = write!(line, ", closes {}", closes.join(" "));
            }
        }
        RefStyle::PrOnly => {
            if let Some(pr) = entry.pr {
                let label = format!("#{pr}");
                let _ = write!(line, " ({})", link(&label, remote.map(|r| r.pull(pr))));
            }
        }
        RefStyle::None => {}
    }
    if style.authors {
        let names: Vec<String> = entry.authors.iter().map(handle).collect();
        let _ = write!(line, " by {}", names.join(", "));
    }
    line.push('\n');
    if let (Some(note), true) = (&entry.breaking_note, breaking_section)
        && note.trim() != entry.subject.trim()
    {
        line.push('\n');
        for note_line in note.lines() {
            if note_line.trim().is_empty() {
                line.push('\n');
            } else {
                let _ = writeln!(line, "  {}", note_line.trim_end());
            }
        }
    }
    line
}

/// Returns how a house that credits authors names one: `@login` when the email is GitHub's
/// no-reply address (`123+login@users.noreply.github.com`), else the name.
fn handle(author: &super::Author) -> String {
    author
        .email
        .strip_suffix("@users.noreply.github.com")
        .map(|local| local.rsplit('+').next().unwrap_or(local))
        .filter(|login| !login.is_empty())
        .map_or_else(|| author.name.clone(), |login| format!("@{login}"))
}

/// Links the PR numbers written in a text (`… (#879)`, `see #12`) when the remote is known;
/// text already inside a Markdown link or code span is left alone.
pub(super) fn link_prs(text: &str, remote: Option<&Remote>) -> String {
    let Some(remote) = remote else {
        return text.to_owned();
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut code = false;
    let mut bracket = 0usize;
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("i is on a char boundary");
        match c {
            '`' => code = !code,
            '[' if !code => bracket += 1,
            ']' if !code => bracket = bracket.saturating_sub(1),
            '#' if !code && bracket == 0 => {
                let digits = text[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
                let before_ok = i == 0
                    || !(bytes[i - 1].is_ascii_alphanumeric()
                        || matches!(bytes[i - 1], b'/' | b'&' | b'-' | b'_'));
                let after = i + 1 + digits;
                let after_ok = after == text.len() || !bytes[after].is_ascii_alphanumeric();
                if digits > 0 && before_ok && after_ok {
                    let number = &text[i + 1..after];
                    if let Ok(n) = number.parse::<u64>() {
                        // On GitLab `#n` is an issue (merge requests are `!n`).
                        let url = if Remote::pr_label(Some(remote), n).starts_with('!') {
                            remote.issue(n)
                        } else {
                            remote.pull(n)
                        };
                        let _ = write!(out, "[#{number}]({url})");
                        i = after;
                        continue;
                    }
                }
            }
            _ => {}
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
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

/// Puts a blank line before and after each heading outside code blocks, as markdownlint's
/// MD022 asks: a model's answer often sets `### Features` right above its bullets.
pub(super) fn space_headings(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fenced = false;
    let mut after_heading = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let blank = line.trim().is_empty();
        if after_heading && !blank {
            out.push('\n');
        }
        after_heading = false;
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced
            && trimmed.starts_with('#')
            && trimmed.trim_start_matches('#').starts_with(' ')
        {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            after_heading = true;
        }
        out.push_str(line);
        if !line.ends_with('\n') && after_heading {
            out.push('\n');
        }
    }
    out
}

/// Renders a release's sections (`### Features` and bullets), or a line saying there is
/// nothing to note.
fn render_body(release: &Release, remote: Option<&Remote>, style: &Style, out: &mut String) {
    if let Some(text) = &release.rewritten {
        out.push_str(&space_headings(text));
        render_contributors(release, style, out);
        return;
    }
    if release.is_empty() {
        out.push_str("No notable changes.\n");
        render_contributors(release, style, out);
        return;
    }
    for (i, section) in release.sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "### {}\n", section.title);
        let mut loose = false;
        for entry in &section.entries {
            let text = bullet(entry, remote, section.breaking, &style.bullet);
            // After a bullet with a paragraph under it, the next one follows a blank line.
            if loose {
                out.push('\n');
            }
            loose = text.ends_with("\n\n") || text.matches('\n').count() > 1;
            out.push_str(&text);
        }
    }
    render_contributors(release, style, out);
}

/// Renders `### Contributors` (when they were read; the house's title when it has one): one
/// bullet each, first-timers marked.
fn render_contributors(release: &Release, style: &Style, out: &mut String) {
    if release.contributors.is_empty() {
        return;
    }
    let title = style.contributors.as_deref().unwrap_or("Contributors");
    let _ = write!(out, "\n### {title}\n\n");
    for person in &release.contributors {
        let _ = write!(out, "{} {}", style.bullet.marker, person.name);
        if person.first_time {
            out.push_str(" (first contribution)");
        }
        out.push('\n');
    }
}

/// Renders a release as a changelog section: `## [1.4.0] - 2026-11-29`, then its sections.
pub fn render_section(release: &Release, remote: Option<&Remote>) -> String {
    render_section_styled(release, remote, &Style::builtin())
}

/// [`render_section`] in a house style: `## [1.4.0](…/compare/…) (2026-11-29)` and so on.
pub fn render_section_styled(release: &Release, remote: Option<&Remote>, style: &Style) -> String {
    let heading = &style.heading;
    let mut out = "#".repeat(heading.level.max(1));
    out.push(' ');
    let label = release.label();
    let url = if heading.inline_link && heading.bracket {
        release.compare_url(remote)
    } else {
        None
    };
    match (heading.bracket, url) {
        (true, Some(url)) => {
            let _ = write!(out, "[{label}]({url})");
        }
        (true, None) => {
            let _ = write!(out, "[{label}]");
        }
        (false, _) => out.push_str(&label),
    }
    if let Some(date) = &release.date {
        if heading.paren_date {
            let _ = write!(out, " ({date})");
        } else {
            let _ = write!(out, " - {date}");
        }
    }
    out.push_str("\n\n");
    render_body(release, remote, style, &mut out);
    out
}

/// Returns the link definition of a release's heading: `[1.4.0]: https://…/compare/…`.
pub fn link_definition(release: &Release, remote: Option<&Remote>) -> Option<String> {
    release
        .compare_url(remote)
        .map(|url| format!("[{}]: {url}", release.label()))
}

/// Returns the link definition when the style wants one (bracketed headings without the
/// link inline).
pub(super) fn link_definition_styled(
    release: &Release,
    remote: Option<&Remote>,
    style: &Style,
) -> Option<String> {
    (style.heading.bracket && !style.heading.inline_link)
        .then(|| link_definition(release, remote))
        .flatten()
}

/// Renders a whole changelog: the header, the releases newest first, the compare links.
pub fn render_markdown(releases: &[Release], remote: Option<&Remote>) -> String {
    render_markdown_styled(releases, remote, &Style::builtin())
}

/// [`render_markdown`] in a house style.
pub fn render_markdown_styled(
    releases: &[Release],
    remote: Option<&Remote>,
    style: &Style,
) -> String {
    let mut out = String::new();
    if style.header {
        out.push_str(HEADER_TEXT);
    }
    for release in releases {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&render_section_styled(release, remote, style));
    }
    let links: Vec<String> = releases
        .iter()
        .filter_map(|r| link_definition_styled(r, remote, style))
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
    render_notes_styled(release, remote, &Style::builtin())
}

/// [`render_notes`] in a house style.
pub fn render_notes_styled(release: &Release, remote: Option<&Remote>, style: &Style) -> String {
    let mut out = String::new();
    render_body(release, remote, style, &mut out);
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
             - **api:** paginate ([#12](https://github.com/acme/widget/pull/12), \
             [e100000](https://github.com/acme/widget/commit/e100000000000000000000000000000000000000), \
             closes [#7](https://github.com/acme/widget/issues/7))\n\n  results come in pages\n"
        );
        let plain = render_section(&release, None);
        assert!(
            plain.contains(
                "- **api:** paginate (#12, e100000, closes #7)\n\n  results come in pages\n"
            ),
            "{plain}"
        );
    }

    #[test]
    fn a_house_that_credits_authors_gets_them() {
        let mut release = build_plain(&[commit(
            "h1",
            "feat: pages\n\nCo-authored-by: Bo <9+bo-b@users.noreply.github.com>",
            1,
        )]);
        release.date = None;
        let style = Style {
            bullet: BulletStyle {
                authors: true,
                refs: RefStyle::None,
                ..BulletStyle::default()
            },
            ..Style::builtin()
        };
        assert!(
            render_section_styled(&release, None, &style).contains("- pages by Ada, @bo-b\n"),
            "{}",
            render_section_styled(&release, None, &style)
        );
    }

    #[test]
    fn headings_get_blank_lines_around_them() {
        assert_eq!(
            space_headings(
                "Intro.\n### Features\n- A (x)\n### Bug fixes\n\n- B (y)\n```\n# not\n```\n"
            ),
            "Intro.\n\n### Features\n\n- A (x)\n\n### Bug fixes\n\n- B (y)\n```\n# not\n```\n"
        );
        let tidy = "### Features\n\n- A (x)\n";
        assert_eq!(space_headings(tidy), tidy);
    }

    #[test]
    fn pr_numbers_are_linked_wherever_they_stand() {
        let remote = github();
        assert_eq!(
            link_prs(
                "port #879 from 1.x, see `#3` and [#4](x) or a#5",
                Some(&remote)
            ),
            "port [#879](https://github.com/acme/widget/pull/879) from 1.x, see `#3` and [#4](x) or a#5"
        );
        assert_eq!(link_prs("port #879", None), "port #879");
    }
}
