//! What one past subject line says about the house style: its form (Conventional Commits,
//! `area: summary`, a plain sentence), its type, scope or area, and its decorations (a
//! gitmoji, a ticket id).

use crate::conventions::Header;

/// The form of a subject line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// `type(scope)!: summary` with a Conventional Commits type.
    Conventional,
    /// `area: summary`, the area a word or path that is not a Conventional Commits type
    /// (`mux: fix …`, `term/render: …`).
    Area,
    /// A sentence (`Fix overflow on line damage`).
    Plain,
}

impl Form {
    /// Names the form as the docs and `doctor` do.
    pub fn describe(self) -> &'static str {
        match self {
            Form::Conventional => "Conventional Commits (`type(scope): summary`)",
            Form::Area => "`area: summary`",
            Form::Plain => "plain sentences",
        }
    }
}

/// One subject line, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub form: Form,
    /// The standard type (`feat`, `fix`, …) of a Conventional Commits header.
    pub kind: Option<&'static str>,
    /// The scope of a Conventional Commits header, or the area of an `area:` one, as written.
    pub prefix: Option<String>,
    pub breaking: bool,
    /// The summary (the whole line for a plain sentence) starts with a capital letter.
    pub capitalised: bool,
    /// The line starts with a gitmoji (`✨` or `:sparkles:`).
    pub gitmoji: bool,
    /// The line starts with a ticket id (`[ABC-123]`, `ABC-123:`).
    pub ticket: bool,
}

/// The Conventional Commits types a subject must use to count as one (the standard list;
/// `docs: fix typo` is both a type and an area, and counts here as a type).
const TYPES: [&str; 11] = [
    "build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test",
];

/// Reads a subject line.
pub fn parse(line: &str) -> Subject {
    let (emoji, rest) = crate::gitmoji::split(line.trim());
    let (ticket, rest) = strip_ticket(rest);
    let rest = crate::text::strip_pull_request(rest);
    let mut subject = Subject {
        form: Form::Plain,
        kind: None,
        prefix: None,
        breaking: false,
        capitalised: starts_upper(rest),
        gitmoji: !emoji.is_empty(),
        ticket,
    };
    if let Some(header) = Header::parse(rest)
        && let Some(kind) = TYPES.iter().find(|t| t.eq_ignore_ascii_case(header.kind))
    {
        subject.form = Form::Conventional;
        subject.kind = Some(kind);
        subject.prefix = header.scope.map(str::to_owned).filter(|s| !s.is_empty());
        subject.breaking = header.breaking;
        subject.capitalised = starts_upper(header.summary);
    } else if let Some((area, summary)) = rest.split_once(": ")
        && is_area(area)
        && summary.starts_with(|c: char| !c.is_whitespace())
    {
        subject.form = Form::Area;
        subject.prefix = Some(area.to_owned());
        subject.capitalised = starts_upper(summary);
    }
    subject
}

fn starts_upper(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
}

/// Tells whether the text before `: ` names an area: words of letters, digits and
/// `_ . / * { } @ + -`, at most a few joined by `,`, `/` or a space, as `style_eval` and
/// people read it (`mux`, `term/render`, `wezterm-gui, mux`, `Cargo.toml`).
fn is_area(text: &str) -> bool {
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || "_./*{}@+-".contains(c))
    };
    !text.is_empty()
        && text.len() <= 40
        && !text.ends_with(' ')
        && text.split([',', ' ']).filter(|w| !w.is_empty()).all(word)
        && text.split([',', ' ']).filter(|w| !w.is_empty()).count() <= 3
        && text.starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == '_')
}

/// Splits a leading ticket id off: `[ABC-123] x`, `ABC-123: x`, `ABC-123 x`.
fn strip_ticket(line: &str) -> (bool, &str) {
    let is_id = |s: &str| {
        let Some((project, number)) = s.split_once('-') else {
            return false;
        };
        project.len() >= 2
            && project.starts_with(|c: char| c.is_ascii_uppercase())
            && project
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
    };
    if let Some(inner) = line.strip_prefix('[')
        && let Some((id, rest)) = inner.split_once(']')
        && is_id(id)
    {
        return (true, rest.trim_start());
    }
    let (first, rest) = line.split_once(' ').unwrap_or((line, ""));
    let id = first.trim_end_matches(':');
    if is_id(id) {
        return (true, rest.trim_start());
    }
    (false, line)
}

/// Drops a trailing pull-request number: `Fix x (#123)` → `Fix x`.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_read_as_people_write_them() {
        let s = parse("fix(http1): detect TE trailers (#4152)");
        assert_eq!(s.form, Form::Conventional);
        assert_eq!((s.kind, s.prefix.as_deref()), (Some("fix"), Some("http1")));
        assert!(!s.capitalised);

        let s = parse("mux: fix setsockopt invocation for NetBSD");
        assert_eq!((s.form, s.prefix.as_deref()), (Form::Area, Some("mux")));
        assert!(!s.capitalised);
        let s = parse("term/render: Handle wide glyphs");
        assert_eq!(
            (s.form, s.prefix.as_deref()),
            (Form::Area, Some("term/render"))
        );
        assert!(s.capitalised);
        assert_eq!(parse("docs: add x").form, Form::Conventional);
        // A file named as zsh names its completions: ripgrep's `_rg: …`.
        let s = parse("_rg: use _numbers where applicable");
        assert_eq!((s.form, s.prefix.as_deref()), (Form::Area, Some("_rg")));

        let s = parse("Fix overflow on line damage below the viewport");
        assert_eq!((s.form, s.capitalised), (Form::Plain, true));
        assert_eq!(parse("Note: this is a sentence").form, Form::Area);
        assert_eq!(parse("Revert \"x: y\"").form, Form::Plain);

        let s = parse("[ABC-123] Add login");
        assert!(s.ticket);
        assert_eq!((s.form, s.capitalised), (Form::Plain, true));
        assert!(parse("ABC-12: feat: x").ticket);
        let s = parse("✨ feat: add x");
        assert!(s.gitmoji);
        assert_eq!(s.form, Form::Conventional);
    }
}
