//! Model prompts and answer checks: a release's commits as lines tagged with tokens, split
//! into parts when long, and the model's answer checked and given its links back.

use super::markdown::{SHORT, references};
use super::{Entry, Release, Remote, regex};
use regex::Regex;
use std::fmt::Write as _;
use std::sync::LazyLock;

// With a model (issue #6, section 3): the sections go out as lines tagged with a token per
// commit (`[1a2b3c4]`); the answer must give every token back, and the tokens are replaced
// with the commit's references, so links never pass through the model.

/// Bumped whenever [`MODEL_SYSTEM`] or [`model_input`] changes.
pub const MODEL_PROMPT_VERSION: u32 = 2;

/// The rules on sections and bullets that the whole-release and the per-part prompts share.
macro_rules! bullet_rules {
    () => {
        "- The same sections in the same order, each headed `### Title` with the titles \
given. No other headings.
- Under each, `- ` bullets saying what changed for the user, in plain words rather than the \
commits' jargon. One bullet may cover several related commits.
- End every bullet with the tokens of the commits it covers, such as `[1a2b3c4] [5d6e7f8]`. \
Every token given must appear; never invent one. Do not write links, SHAs or PR numbers \
yourself.
- Breaking changes say what users must do."
    };
}

/// The system prompt for rewriting a release's sections.
pub const MODEL_SYSTEM: &str = concat!(
    "You turn the commits of one software release into release notes for its users. You get \
the release's sections; each line is one commit: a token in brackets such as [1a2b3c4], its \
Conventional Commits type and scope, its description, and its PR and issue references. Text \
marked [REDACTED:rule] was removed before sending; never guess it.

Reply with Markdown only: no preamble, no code fences.
- First, a summary of two or three sentences: what this release changes for its users.
",
    bullet_rules!()
);

/// Returns the token of each shown entry: its short SHA, made longer when two collide.
fn tokens(release: &Release) -> Vec<(String, &Entry)> {
    let entries: Vec<&Entry> = release.sections.iter().flat_map(|s| &s.entries).collect();
    let mut len = SHORT;
    while len < 40 {
        let mut seen: Vec<&str> = entries
            .iter()
            .map(|e| e.id.get(..len).unwrap_or(&e.id))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() == entries.len() {
            break;
        }
        len += 1;
    }
    entries
        .into_iter()
        .map(|e| (e.id.get(..len).unwrap_or(&e.id).to_owned(), e))
        .collect()
}

/// Returns the first line of the model's input: which release this is.
fn model_header(release: &Release) -> String {
    match (&release.span.name, &release.date) {
        (Some(_), Some(date)) => format!("Release {} ({date})\n", release.label()),
        (Some(_), None) => format!("Release {}\n", release.label()),
        (None, _) => "Unreleased changes\n".to_owned(),
    }
}

/// One commit as the model sees it: its section, token and line.
struct ModelLine<'a> {
    section: usize,
    token: String,
    line: String,
    entry: &'a Entry,
}

/// Returns every shown commit as a line for the model, in section order.
fn model_lines(release: &Release) -> Vec<ModelLine<'_>> {
    let tokens = tokens(release);
    let mut lines = Vec::new();
    for (section, s) in release.sections.iter().enumerate() {
        for entry in &s.entries {
            let token = tokens
                .iter()
                .find(|(_, e)| std::ptr::eq(*e, entry))
                .map_or(String::new(), |(t, _)| t.clone());
            let mut out = format!("- [{token}] {}", entry.kind);
            if let Some(scope) = &entry.scope {
                let _ = write!(out, "({scope})");
            }
            if entry.breaking {
                out.push('!');
            }
            let _ = write!(out, ": {}", entry.subject);
            if let Some(note) = &entry.breaking_note {
                // One line a commit: the note's line breaks become spaces.
                let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
                let _ = write!(out, " (breaking: {note})");
            }
            let mut refs: Vec<String> = entry.pr.map(|n| format!("PR #{n}")).into_iter().collect();
            refs.extend(entry.refs.iter().map(|r| format!("{} {}", r.action, r.id)));
            if !refs.is_empty() {
                let _ = write!(out, " [{}]", refs.join("; "));
            }
            out.push('\n');
            lines.push(ModelLine {
                section,
                token,
                line: out,
                entry,
            });
        }
    }
    lines
}

/// Returns the user message for a model: the release's name and its sections, one line a
/// commit. It holds commit text, so it must go through the redactor before it is sent.
pub fn model_input(release: &Release) -> String {
    let mut out = model_header(release);
    let mut current = None;
    for line in model_lines(release) {
        if current != Some(line.section) {
            current = Some(line.section);
            let _ = write!(out, "\n### {}\n", release.sections[line.section].title);
        }
        out.push_str(&line.line);
    }
    out
}

/// The system prompt for one part of a release too long for one call (the map step).
pub const MODEL_PART_SYSTEM: &str = concat!(
    "You turn part of the commits of one software release into release notes for its users. \
You get some of the release's sections; each line is one commit: a token in brackets such as \
[1a2b3c4], its Conventional Commits type and scope, its description, and its PR and issue \
references. Text marked [REDACTED:rule] was removed before sending; never guess it.

Reply with Markdown only: no preamble, no summary, no code fences.
",
    bullet_rules!()
);

/// The system prompt that writes a long release's summary from its rewritten sections (the
/// reduce step).
pub const MODEL_SUMMARY_SYSTEM: &str = "You get the release notes of one software release, \
section by section. Write a summary of two or three sentences: what this release changes for \
its users. Plain sentences only: no heading, no list, no preamble, no code fences. Text marked \
[REDACTED:rule] was removed before sending; never guess it.";

/// One part of a release for the map step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelPart {
    /// The user message (redact it before sending).
    pub text: String,
    /// The tokens of its commits.
    pub tokens: Vec<String>,
    /// The titles of its sections.
    pub titles: Vec<String>,
    /// Its sections as plain bullets with their tokens, for when the model fails on it.
    pub fallback: String,
}

/// Splits a release's model input into parts of at most about `budget` bytes and
/// `max_commits` commits each, whole commit lines in section order, each part headed by the
/// release and its sections' titles.
pub fn model_parts(release: &Release, budget: usize, max_commits: usize) -> Vec<ModelPart> {
    let header = model_header(release);
    let mut parts: Vec<(Vec<ModelLine<'_>>, usize)> = Vec::new();
    for line in model_lines(release) {
        // A section heading costs its title again in each part it spans.
        let cost = line.line.len() + release.sections[line.section].title.len() + 6;
        match parts.last_mut() {
            Some((lines, size)) if *size + cost <= budget && lines.len() < max_commits => {
                *size += cost;
                lines.push(line);
            }
            _ => parts.push((vec![line], header.len() + 40 + cost)),
        }
    }
    let total = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, (lines, _))| {
            let mut text = format!("{}(part {} of {total})\n", header, i + 1);
            let mut fallback = String::new();
            let mut titles = Vec::new();
            let mut current = None;
            for line in &lines {
                if current != Some(line.section) {
                    current = Some(line.section);
                    let title = &release.sections[line.section].title;
                    titles.push(title.clone());
                    let _ = write!(text, "\n### {title}\n");
                    let _ = write!(fallback, "\n### {title}\n\n");
                }
                text.push_str(&line.line);
                let entry = line.entry;
                let scope = entry
                    .scope
                    .as_ref()
                    .map(|s| format!("**{s}:** "))
                    .unwrap_or_default();
                let _ = writeln!(fallback, "- {scope}{} [{}]", entry.subject, line.token);
            }
            ModelPart {
                text,
                tokens: lines.iter().map(|l| l.token.clone()).collect(),
                titles,
                fallback,
            }
        })
        .collect()
}

/// Checks the model's answer for one part: its sections' headings and no others, every
/// token of the part under them and no other token. Returns the answer from its first
/// heading on (what [`assemble`] reads).
pub fn check_part(part: &ModelPart, answer: &str) -> Result<String, String> {
    let answer = answer.trim();
    let Some(start) = answer.find("### ") else {
        return Err("it wrote no section headings".into());
    };
    let answer = &answer[start..];
    let tokens: Vec<&str> = part.tokens.iter().map(String::as_str).collect();
    let titles: Vec<&str> = part.titles.iter().map(String::as_str).collect();
    check_answer(answer, &tokens, &titles, "its part")?;
    Ok(answer.to_owned())
}

/// Checks a model's answer: only the given section titles as headings (`### Title`), and
/// every token given, none other. `within` names what they belong to, for the message.
fn check_answer(
    answer: &str,
    tokens: &[&str],
    titles: &[&str],
    within: &str,
) -> Result<(), String> {
    for line in answer.lines() {
        let line = line.trim_start();
        if let Some(title) = line.strip_prefix("### ") {
            if !titles.contains(&title.trim()) {
                return Err(format!(
                    "it wrote a section that is not in {within}: `{}`",
                    title.trim()
                ));
            }
        } else if line.starts_with('#') {
            return Err("it wrote headings of its own".into());
        }
    }
    let mut used = vec![false; tokens.len()];
    for c in TOKEN.captures_iter(answer) {
        match tokens.iter().position(|t| *t == &c[1]) {
            Some(i) => used[i] = true,
            None => return Err(format!("it named a commit not in {within}: `{}`", &c[1])),
        }
    }
    let missing = used.iter().filter(|u| !**u).count();
    if missing > 0 {
        let commits = crate::text::plural(tokens.len(), "commit", "commits");
        return Err(format!("it left out {missing} of {commits}"));
    }
    Ok(())
}

/// Removes the commit tokens (`[1a2b3c4]`) from a model's text.
pub fn strip_tokens(text: &str) -> String {
    TOKEN_RUN.replace_all(text, "").into_owned()
}

/// Puts a long release's notes together: the summary, then each section's bullets from every
/// part (in part order) under one heading. The result goes through [`apply_model`].
pub fn assemble(release: &Release, summary: Option<&str>, parts: &[String]) -> String {
    let mut bullets: Vec<String> = vec![String::new(); release.sections.len()];
    for part in parts {
        let mut current: Option<usize> = None;
        for line in part.lines() {
            if let Some(title) = line.trim_start().strip_prefix("### ") {
                current = release
                    .sections
                    .iter()
                    .position(|s| s.title == title.trim());
                continue;
            }
            if let Some(i) = current
                && !(line.trim().is_empty() && bullets[i].is_empty())
            {
                bullets[i].push_str(line.trim_end());
                bullets[i].push('\n');
            }
        }
    }
    let mut out = String::new();
    if let Some(summary) = summary.map(str::trim).filter(|s| !s.is_empty()) {
        out.push_str(summary);
        out.push_str("\n\n");
    }
    for (section, text) in release.sections.iter().zip(&bullets) {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        // Bullets of consecutive parts may have no blank line between them; one list is kept.
        let text: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let _ = write!(out, "### {}\n\n{}\n\n", section.title, text.join("\n"));
    }
    out
}

static TOKEN_RUN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:[ \t]*\[([0-9a-f]{7,40})\])+"));
static TOKEN: LazyLock<Regex> = LazyLock::new(|| regex(r"\[([0-9a-f]{7,40})\]"));

/// Checks a model's answer for a release and puts the references in place of its tokens.
/// Returns the Markdown body, or what is wrong with the answer.
pub fn apply_model(
    release: &Release,
    answer: &str,
    remote: Option<&Remote>,
) -> Result<String, String> {
    let answer = answer.trim();
    if answer.is_empty() {
        return Err("it was empty".into());
    }
    let tokens = tokens(release);
    let names: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
    let titles: Vec<&str> = release.sections.iter().map(|s| s.title.as_str()).collect();
    check_answer(answer, &names, &titles, "the release")?;
    let text = TOKEN_RUN.replace_all(answer, |c: &regex::Captures<'_>| {
        let refs: Vec<String> = TOKEN
            .captures_iter(&c[0])
            .filter_map(|t| tokens.iter().find(|(token, _)| *token == t[1]))
            .flat_map(|(_, entry)| references(entry, remote))
            .collect();
        format!(" ({})", refs.join(", "))
    });
    Ok(format!("{}\n", text.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::render_notes;
    use crate::changelog::test_support::{build_plain, commit, github};

    #[test]
    fn a_parts_answer_keeps_to_its_sections_and_tokens() {
        let part = ModelPart {
            text: String::new(),
            tokens: vec!["1a2b3c4".into(), "5d6e7f8".into()],
            titles: vec!["Features".into(), "Bug fixes".into()],
            fallback: String::new(),
        };
        let good = "Intro.\n### Features\n- A [1a2b3c4]\n\n### Bug fixes\n- B [5d6e7f8]\n";
        assert_eq!(
            check_part(&part, good).unwrap(),
            "### Features\n- A [1a2b3c4]\n\n### Bug fixes\n- B [5d6e7f8]"
        );
        let cases = [
            ("- A [1a2b3c4] [5d6e7f8]", "no section headings"),
            ("### Features\n- A [1a2b3c4]", "left out 1 of 2"),
            (
                "### Other\n- A [1a2b3c4] [5d6e7f8]",
                "not in its part: `Other`",
            ),
            (
                "### Features\n#### More\n- A [1a2b3c4] [5d6e7f8]",
                "headings of its own",
            ),
            (
                "### Features\n- A [1a2b3c4] [5d6e7f8] [9999999]",
                "not in its part: `9999999`",
            ),
            // A token before the first heading would be dropped by `assemble`.
            (
                "- A [1a2b3c4]\n### Features\n- B [5d6e7f8]",
                "left out 1 of 2",
            ),
        ];
        for (answer, problem) in cases {
            let err = check_part(&part, answer).unwrap_err();
            assert!(err.contains(problem), "{answer:?}: {err}");
        }
    }

    #[test]
    fn model_answers_keep_every_reference() {
        let release = build_plain(&[
            commit("a2", "fix(io): retry (#3)\n\nCloses #2", 2),
            commit("a1", "feat: pages", 1),
        ]);
        let input = model_input(&release);
        assert_eq!(
            input,
            "Release 1.1.0 (2024-01-11)\n\n### Features\n- [a100000] feat: pages\n\n\
             ### Bug fixes\n- [a200000] fix(io): retry [PR #3; closes #2]\n"
        );
        let answer = "Lists come in pages now.\n\n### Features\n\n- Long lists are paged [a100000]\n\n\
                      ### Bug fixes\n\n- Reads survive hiccups [a200000]\n";
        let body = apply_model(&release, answer, Some(&github())).unwrap();
        assert!(
            body.contains(
                "- Reads survive hiccups ([#3](https://github.com/acme/widget/pull/3), \
                 [a200000](https://github.com/acme/widget/commit/a200000000000000000000000000000000000000), \
                 closes [#2](https://github.com/acme/widget/issues/2))\n"
            ),
            "{body}"
        );
        let bad = [
            ("### Features\n- pages [a100000]", "left out 1 of 2"),
            ("- x [a100000] [a200000] [deadbee]", "not in the release"),
            ("## Summary\n- x [a100000] [a200000]", "headings"),
            (
                "### Extras\n- x [a100000] [a200000]",
                "section that is not in the release",
            ),
            ("  ", "empty"),
        ];
        for (answer, problem) in bad {
            let err = apply_model(&release, answer, None).unwrap_err();
            assert!(err.contains(problem), "{answer:?}: {err}");
        }
        let mut rewritten = release.clone();
        rewritten.rewritten = Some(apply_model(&release, answer, None).unwrap());
        let notes = render_notes(&rewritten, None);
        assert!(notes.starts_with("Lists come in pages now.\n"), "{notes}");
        assert!(
            notes.contains("- Long lists are paged (a100000)\n"),
            "{notes}"
        );
    }
}
