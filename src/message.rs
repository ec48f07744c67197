//! A commit message (subject and body) and the style rules every engine follows.

use std::fmt;

/// Style rules for a generated message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// Write Conventional Commits headers (`type(scope): summary`).
    pub conventional: bool,
    /// Follow the repository's house style when its history shows one (`message.conventional
    /// = "auto"`): `conventional` is then the choice when there is no history to read.
    pub follow_house: bool,
    /// Longest subject line, in characters.
    pub max_subject: usize,
    /// Write a body under the subject.
    pub body: bool,
    /// Column at which the body is wrapped.
    pub wrap: usize,
    /// Language of the message (`zh-CN`, `ja`, …) when not English; models only.
    pub language: Option<String>,
    /// The repository's own rules: allowed types and scopes, subject case, header length.
    pub conventions: crate::conventions::Conventions,
    /// Put the type's gitmoji in front of the subject.
    pub gitmoji: crate::gitmoji::Gitmoji,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            conventional: true,
            follow_house: true,
            max_subject: 72,
            body: true,
            wrap: 72,
            language: None,
            conventions: crate::conventions::Conventions::default(),
            gitmoji: crate::gitmoji::Gitmoji::Off,
        }
    }
}

/// A commit message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    pub subject: String,
    /// The body without a trailing newline; empty for none.
    pub body: String,
}

impl fmt::Display for Message {
    /// Formats the message as git stores it: subject, blank line, body, final newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.subject)?;
        if !self.body.is_empty() {
            write!(f, "\n{}\n", self.body.trim_end())?;
        }
        Ok(())
    }
}
