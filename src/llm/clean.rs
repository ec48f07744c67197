//! Turns what a model wrote into a commit message: strips `<think>` blocks, code fences and
//! wrapping quotes, and checks the result against the style rules.

use crate::conventions::Header;
use crate::message::{Message, Style};

/// Removes reasoning blocks (`<think>…</think>`, also unclosed at the end), code fences and
/// quotes around the whole text, and trims blank lines.
pub fn strip(raw: &str) -> String {
    let mut text = raw.to_owned();
    for (open, close) in [("<think>", "</think>"), ("<thinking>", "</thinking>")] {
        while let Some(start) = text.find(open) {
            match text[start..].find(close) {
                Some(end) => text.replace_range(start..start + end + close.len(), ""),
                None => text.truncate(start),
            }
        }
    }
    let mut lines: Vec<&str> = text.lines().collect();
    // A fence around the whole message (```, ```text, ```git).
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    if let (Some(first), Some(last)) = (first, last)
        && first < last
        && lines[first].trim_start().starts_with("```")
        && lines[last].trim() == "```"
    {
        lines = lines[first + 1..last].to_vec();
    }
    let mut text = lines.join("\n").trim().to_owned();
    for (open, close) in [("\"", "\""), ("'", "'"), ("`", "`"), ("“", "”")] {
        if text.len() >= 2 && text.starts_with(open) && text.ends_with(close) {
            let inner = &text[open.len()..text.len() - close.len()];
            if !inner.contains(open) {
                text = inner.trim().to_owned();
            }
        }
    }
    text
}

/// Removes control characters other than newline and tab (NUL, ESC and the escape sequences
/// they start, carriage returns, C1 controls): git refuses a message with a NUL byte, and raw
/// ESC/OSC bytes would reach the terminal (issue 14). What is left is plain text.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unwanted) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().filter(|&c| !is_unwanted(c)).collect())
}

fn is_unwanted(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The rule check of an answer that is to become a commit message: what a model wrote,
/// cleaned, then checked. `Err` says what is wrong, in words a model can act on.
pub fn gate(text: &str, style: &Style) -> Result<Message, String> {
    let message = to_message(&strip(&sanitize(text)));
    match problem(&message, style) {
        None => Ok(message),
        Some(problem) => Err(problem),
    }
}

/// Hides `<think>…</think>` blocks from a stream as it arrives, however the tags are split.
#[derive(Debug, Default)]
pub struct ThinkFilter {
    pending: String,
    inside: bool,
}

impl ThinkFilter {
    const OPEN: &'static str = "<think>";
    const CLOSE: &'static str = "</think>";

    /// Takes a delta and returns the part that can be shown now.
    pub fn push(&mut self, delta: &str) -> String {
        self.pending.push_str(delta);
        let mut shown = String::new();
        loop {
            let tag = if self.inside { Self::CLOSE } else { Self::OPEN };
            if let Some(at) = self.pending.find(tag) {
                if !self.inside {
                    shown.push_str(&self.pending[..at]);
                }
                self.pending.replace_range(..at + tag.len(), "");
                self.inside = !self.inside;
                continue;
            }
            // Keep a tail that could be the start of the tag.
            let keep = (1..tag.len())
                .rev()
                .find(|&n| self.pending.ends_with(&tag[..n]))
                .unwrap_or(0);
            let cut = self.pending.len() - keep;
            if !self.inside {
                shown.push_str(&self.pending[..cut]);
            }
            self.pending.replace_range(..cut, "");
            return shown;
        }
    }

    /// Returns what is left at the end of the stream.
    pub fn finish(&mut self) -> String {
        let rest = std::mem::take(&mut self.pending);
        if self.inside { String::new() } else { rest }
    }
}

/// Splits cleaned text into subject and body.
pub fn to_message(text: &str) -> Message {
    let mut lines = text.lines();
    let subject = lines.next().unwrap_or_default().trim().to_owned();
    let body = lines.collect::<Vec<_>>().join("\n").trim().to_owned();
    Message { subject, body }
}

/// Returns what is wrong with a message under the style rules, if anything, in words a model
/// can act on.
///
/// With gitmoji on, an emoji the model put first is set aside for the checks, and the one
/// that will be added counts in the length. The repository's conventions (allowed types and
/// scopes, subject case) apply to Conventional Commits headers.
pub fn problem(message: &Message, style: &Style) -> Option<String> {
    if message.subject.is_empty() {
        return Some("the message was empty".into());
    }
    // A line git would take for a comment (`#` or the comment character) vanishes from the
    // commit: the body would become the subject.
    if message.subject.starts_with('#') {
        return Some("the first line starts with `#`, which git drops as a comment".into());
    }
    let (emoji, subject) = match style.gitmoji {
        crate::gitmoji::Gitmoji::Off => ("", message.subject.as_str()),
        _ => crate::gitmoji::split(&message.subject),
    };
    let header = Header::parse(subject);
    if style.conventional && header.is_none() {
        return Some(format!(
            "the first line `{subject}` is not a Conventional Commits header `type(scope): summary`"
        ));
    }
    // With no list of types, a type is written in lower case (commitlint's `type-case`); a
    // list names its own spelling and is checked below.
    if style.conventional
        && style.conventions.types.is_none()
        && let Some(header) = &header
        && header.kind.chars().any(|c| c.is_ascii_uppercase())
    {
        return Some(format!(
            "the message's type \"{}\" is not in lower case",
            header.kind
        ));
    }
    if style.conventional
        && let Some(header) = &header
        && let Some(problem) = style.conventions.problem(header)
    {
        return Some(problem);
    }
    let prefix = match (emoji, &header) {
        ("", Some(h)) => style.gitmoji.width(h.kind, h.breaking),
        ("", None) => style.gitmoji.reserve(),
        (emoji, _) => emoji.chars().count(),
    };
    let len = prefix + subject.chars().count();
    if len > style.max_subject {
        let origin = match &style.conventions.header_max {
            Some(max) if max.value == style.max_subject => format!(" ({})", max.origin),
            _ => String::new(),
        };
        let emoji = if prefix > 0 {
            ", the gitmoji included"
        } else {
            ""
        };
        return Some(format!(
            "the first line has {len} characters{emoji}; the limit is {}{origin}",
            style.max_subject
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_keeps_newlines_and_tabs_only() {
        assert_eq!(sanitize("feat: a\tb\n\nbody"), "feat: a\tb\n\nbody");
        assert_eq!(
            sanitize("feat: a\0b\x1b]0;title\x07\x1b[31mred\r\n\u{9b}x"),
            "feat: ab]0;title[31mred\nx"
        );
    }

    #[test]
    fn the_gate_refuses_comments_empties_and_long_subjects() {
        let style = Style::default();
        assert!(gate("# feat: x\n\nbody", &style).is_err());
        assert!(gate("  \n\0", &style).is_err());
        assert!(gate(&format!("feat: {}", "x".repeat(5_000)), &style).is_err());
        assert_eq!(
            gate("feat: a\0dd x", &style).unwrap().subject,
            "feat: add x"
        );
    }

    #[test]
    fn strips_reasoning_fences_and_quotes() {
        assert_eq!(
            strip("<think>hmm\nlong</think>\nfeat: add x"),
            "feat: add x"
        );
        assert_eq!(strip("fix: y\n<think>unfinished"), "fix: y");
        assert_eq!(strip("```text\nfeat: a\n\nbody\n```\n"), "feat: a\n\nbody");
        assert_eq!(strip("\"docs: readme\""), "docs: readme");
        assert_eq!(strip("`chore: bump`"), "chore: bump");
        assert_eq!(
            strip("fix: keep \"quotes\" inside"),
            "fix: keep \"quotes\" inside"
        );
    }

    #[test]
    fn think_filter_hides_blocks_split_anywhere() {
        let input = "<think>plan it</think>feat: add x\n\n<think>more</think>- body";
        for i in 0..input.len() {
            if !input.is_char_boundary(i) {
                continue;
            }
            let mut f = ThinkFilter::default();
            let mut out = f.push(&input[..i]);
            out.push_str(&f.push(&input[i..]));
            out.push_str(&f.finish());
            assert_eq!(out, "feat: add x\n\n- body", "split at {i}");
        }
        let mut f = ThinkFilter::default();
        assert_eq!(f.push("a < b"), "a < b");
        assert_eq!(f.push("<thi"), "");
        assert_eq!(f.finish(), "<thi");
    }

    #[test]
    fn checks_header_and_length() {
        let style = Style::default();
        let ok = to_message("feat(cli): add --dry-run\n\n- prints requests");
        assert_eq!(problem(&ok, &style), None);
        assert_eq!(ok.body, "- prints requests");
        let plain = to_message("Add a flag");
        assert!(problem(&plain, &style).unwrap().contains("Conventional"));
        let free = Style {
            conventional: false,
            ..Style::default()
        };
        assert_eq!(problem(&plain, &free), None);
        let long = to_message(&format!("feat: {}", "x".repeat(80)));
        assert!(problem(&long, &style).unwrap().contains("limit is 72"));
        assert!(problem(&to_message(""), &style).unwrap().contains("empty"));
        assert!(problem(&to_message("feat!: drop v1 api"), &style).is_none());
    }

    #[test]
    fn types_with_digits_and_hyphens_are_headers() {
        let conventions = crate::conventions::Conventions::default().with_explicit(
            Some(["feat", "fix", "i18n", "ui-kit"].map(String::from).to_vec()),
            None,
        );
        let style = Style {
            conventions,
            ..Style::default()
        };
        for subject in [
            "i18n: translate the menu",
            "ui-kit: add the button",
            "ui-kit(forms)!: drop the old input",
        ] {
            assert_eq!(problem(&to_message(subject), &style), None, "{subject}");
            assert_eq!(
                problem(&to_message(subject), &Style::default()),
                None,
                "{subject}"
            );
        }
        let other = problem(&to_message("l10n: translate"), &style).unwrap();
        assert!(other.contains("not in `message.types`"), "{other}");
        for bad in ["2fa: add", "feat:  two spaces", "feat: ", "Add a flag"] {
            let found = problem(&to_message(bad), &Style::default()).unwrap();
            assert!(
                found.contains("not a Conventional Commits header"),
                "{bad}: {found}"
            );
        }
        let upper = problem(&to_message("Feat: add x"), &Style::default()).unwrap();
        assert!(upper.contains("lower case"), "{upper}");
    }

    #[test]
    fn checks_the_repository_conventions_and_the_gitmoji() {
        let conventions = crate::conventions::Conventions::default()
            .with_explicit(Some(vec!["feat".into(), "fix".into()]), None);
        let style = Style {
            conventions,
            max_subject: 20,
            ..Style::default()
        };
        let feature = problem(&to_message("feature: add x"), &style).unwrap();
        assert_eq!(
            feature,
            "the message's type \"feature\" is not in `message.types`; allowed: feat, fix"
        );
        assert_eq!(problem(&to_message("feat: add x"), &style), None);
        let free = Style {
            conventional: false,
            ..style.clone()
        };
        assert_eq!(problem(&to_message("feature: add x"), &free), None);
        // 18 characters, and the emoji with its space makes 20: just fits; one more does not.
        let emoji = Style {
            gitmoji: crate::gitmoji::Gitmoji::Unicode,
            ..style
        };
        assert_eq!(problem(&to_message("feat: add a parser"), &emoji), None);
        assert_eq!(problem(&to_message("✨ feat: add a parser"), &emoji), None);
        let long = problem(&to_message("feat: add a parsers"), &emoji).unwrap();
        assert!(
            long.contains("21 characters, the gitmoji included"),
            "{long}"
        );
    }
}
