//! Gitmoji (<https://gitmoji.dev>): the emoji for a commit's type, put in front of the subject
//! after the message is written (`✨ feat(api): add x`), so every engine gets the same one.

use crate::conventions::{self, Header};
use crate::message::Message;
use std::fmt;

/// Whether to prefix the subject with a gitmoji, and in which form (`[message] gitmoji`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Gitmoji {
    #[default]
    Off,
    /// The emoji itself: `✨`.
    Unicode,
    /// The shortcode GitHub and GitLab render: `:sparkles:`.
    Shortcode,
}

/// The emoji and shortcode for each standard type, from gitmoji.dev's list.
const TABLE: &[(&str, &str, &str)] = &[
    ("feat", "✨", ":sparkles:"),
    ("fix", "🐛", ":bug:"),
    ("docs", "📝", ":memo:"),
    ("style", "🎨", ":art:"),
    ("refactor", "♻️", ":recycle:"),
    ("perf", "⚡️", ":zap:"),
    ("test", "✅", ":white_check_mark:"),
    ("build", "👷", ":construction_worker:"),
    ("ci", "💚", ":green_heart:"),
    ("chore", "🔧", ":wrench:"),
    ("revert", "⏪️", ":rewind:"),
    ("security", "🔒️", ":lock:"),
    ("breaking", "💥", ":boom:"),
];

impl Gitmoji {
    /// Returns the prefix for a type (in any spelling the repository uses: `feature` is
    /// `feat`), `💥` for a breaking change; `None` when off or for a type it does not know.
    pub fn prefix(self, kind: &str, breaking: bool) -> Option<&'static str> {
        let standard = if breaking {
            "breaking"
        } else {
            conventions::canonical(kind)?
        };
        let &(_, emoji, code) = TABLE.iter().find(|(t, _, _)| *t == standard)?;
        match self {
            Gitmoji::Off => None,
            Gitmoji::Unicode => Some(emoji),
            Gitmoji::Shortcode => Some(code),
        }
    }

    /// Returns the characters the prefix and its space take for this type.
    pub fn width(self, kind: &str, breaking: bool) -> usize {
        self.prefix(kind, breaking)
            .map_or(0, |p| p.chars().count() + 1)
    }

    /// Returns the most characters a prefix and its space can take, for when the type is not
    /// known yet.
    pub fn reserve(self) -> usize {
        TABLE
            .iter()
            .map(|&(_, emoji, code)| match self {
                Gitmoji::Off => 0,
                Gitmoji::Unicode => emoji.chars().count() + 1,
                Gitmoji::Shortcode => code.chars().count() + 1,
            })
            .max()
            .unwrap_or(0)
    }
}

impl fmt::Display for Gitmoji {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Gitmoji::Off => "false",
            Gitmoji::Unicode => "true",
            Gitmoji::Shortcode => "\"shortcode\"",
        })
    }
}

impl<'de> serde::Deserialize<'de> for Gitmoji {
    /// Reads `true`, `false`, `"unicode"` (or `"emoji"`) and `"shortcode"`.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Gitmoji;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false, \"unicode\" or \"shortcode\"")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Gitmoji, E> {
                Ok(if v { Gitmoji::Unicode } else { Gitmoji::Off })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Gitmoji, E> {
                match v {
                    "unicode" | "emoji" => Ok(Gitmoji::Unicode),
                    "shortcode" => Ok(Gitmoji::Shortcode),
                    "off" => Ok(Gitmoji::Off),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Tells whether a character belongs to an emoji (pictographs, symbols, the variation
/// selector, zero-width joiner and skin tones).
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x2934 | 0x2935 | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0xFE0F | 0x200D | 0x20E3)
}

/// Splits a leading emoji or `:shortcode:` and its space off a subject: `("✨ ", "feat: x")`;
/// the prefix is empty when there is none.
pub fn split(subject: &str) -> (&str, &str) {
    let emoji_end = subject
        .char_indices()
        .find(|(_, c)| !is_emoji(*c))
        .map_or(subject.len(), |(i, _)| i);
    let mut end = emoji_end;
    if end == 0 && subject.starts_with(':') {
        let name_len = subject[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')))
            .unwrap_or(subject.len() - 1);
        if name_len > 0 && subject[1 + name_len..].starts_with(':') {
            end = name_len + 2;
        }
    }
    if end == 0 {
        return ("", subject);
    }
    let rest = subject[end..].trim_start();
    let prefix_end = subject.len() - rest.len();
    (&subject[..prefix_end], rest)
}

/// Puts the gitmoji for the message's type in front of its subject. The type comes from the
/// Conventional Commits header, else from `fallback` (the offline engine's reading of the
/// diff, for plain subjects). A subject that already starts with an emoji or a shortcode is
/// left alone, so this can run more than once.
pub fn decorate(message: &mut Message, mode: Gitmoji, fallback: Option<&str>) {
    if mode == Gitmoji::Off || !split(&message.subject).0.is_empty() {
        return;
    }
    let prefix = match Header::parse(&message.subject) {
        Some(header) => mode.prefix(header.kind, header.breaking),
        None => fallback.and_then(|kind| mode.prefix(kind, false)),
    };
    if let Some(prefix) = prefix {
        message.subject = format!("{prefix} {}", message.subject);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decorated(subject: &str, mode: Gitmoji, fallback: Option<&str>) -> String {
        let mut m = Message {
            subject: subject.into(),
            body: String::new(),
        };
        decorate(&mut m, mode, fallback);
        m.subject
    }

    #[test]
    fn prefixes_by_type_once() {
        let u = Gitmoji::Unicode;
        assert_eq!(
            decorated("feat(api): add x", u, None),
            "✨ feat(api): add x"
        );
        assert_eq!(decorated("fix: y", u, None), "🐛 fix: y");
        assert_eq!(decorated("feature: y", u, None), "✨ feature: y");
        assert_eq!(
            decorated("refactor!: drop v1", u, None),
            "💥 refactor!: drop v1"
        );
        assert_eq!(decorated("perf: faster", u, None), "⚡️ perf: faster");
        assert_eq!(decorated("Add a flag", u, Some("feat")), "✨ Add a flag");
        assert_eq!(decorated("Add a flag", u, None), "Add a flag");
        assert_eq!(decorated("wip: x", u, None), "wip: x", "unknown type");
        // Idempotent: an emoji (ours or the model's) or a shortcode already there stays alone.
        let once = decorated("docs: readme", u, None);
        assert_eq!(decorated(&once, u, None), once);
        assert_eq!(decorated("🎉 feat: begin", u, None), "🎉 feat: begin");
        assert_eq!(decorated(":memo: docs: x", u, None), ":memo: docs: x");
        assert_eq!(
            decorated("feat: x", Gitmoji::Shortcode, None),
            ":sparkles: feat: x"
        );
        assert_eq!(decorated("feat: x", Gitmoji::Off, None), "feat: x");
    }

    #[test]
    fn splits_and_measures_prefixes() {
        assert_eq!(split("♻️ refactor: x"), ("♻️ ", "refactor: x"));
        assert_eq!(split(":zap: perf: x"), (":zap: ", "perf: x"));
        assert_eq!(split("feat: x"), ("", "feat: x"));
        assert_eq!(split(":not a code"), ("", ":not a code"));
        assert_eq!(Gitmoji::Unicode.width("feat", false), 2);
        assert_eq!(Gitmoji::Unicode.width("refactor", false), 3);
        assert_eq!(Gitmoji::Unicode.reserve(), 3);
        assert_eq!(Gitmoji::Shortcode.width("feat", false), ":sparkles: ".len());
        assert_eq!(Gitmoji::Off.reserve(), 0);
    }

    #[test]
    fn reads_true_false_and_shortcode() {
        #[derive(serde::Deserialize)]
        struct T {
            g: Gitmoji,
        }
        let read = |s: &str| toml::from_str::<T>(&format!("g = {s}")).map(|t| t.g);
        assert_eq!(read("true").unwrap(), Gitmoji::Unicode);
        assert_eq!(read("false").unwrap(), Gitmoji::Off);
        assert_eq!(read("\"shortcode\"").unwrap(), Gitmoji::Shortcode);
        assert!(read("\"sparkly\"").is_err());
    }
}
