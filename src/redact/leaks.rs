//! Test support: whether any 8-byte fragment of a secret reached a text that was sent. The
//! redactor's unit tests and the end-to-end secret test (`tests/cli/secrets.rs`, which
//! includes this file by path) share it.

use std::collections::HashSet;

/// Every 8-byte window of a secret (the whole secret if shorter).
pub(crate) fn fragments(secret: &str) -> Vec<&str> {
    let b = secret.as_bytes();
    if b.len() <= 8 {
        return vec![secret];
    }
    (0..=b.len() - 8)
        .filter_map(|i| secret.get(i..i + 8))
        .collect()
}

/// Removes every `[REDACTED:<rule>]` marker (rule ids may repeat a token's prefix).
pub(crate) fn without_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[REDACTED:") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(']').map_or(rest.len(), |e| at + e + 1);
        out.push('\u{0}');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A text as sent, markers blanked, with every 8-byte window indexed: asking whether a
/// secret's fragment is in it costs a look-up, not a scan (a scan per fragment per secret
/// took most of this suite's time).
pub(crate) struct Sent {
    text: String,
    windows: HashSet<u64>,
}

impl Sent {
    pub(crate) fn new(output: &str) -> Self {
        let text = without_markers(output);
        let windows = text
            .as_bytes()
            .windows(8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap()))
            .collect();
        Sent { text, windows }
    }

    fn may_hold(&self, fragment: &str) -> bool {
        match <[u8; 8]>::try_from(fragment.as_bytes()) {
            Ok(w) => self.windows.contains(&u64::from_le_bytes(w)),
            Err(_) => self.text.contains(fragment),
        }
    }

    /// A fragment of `secret` sent that the input held only inside the secret (a variable
    /// named `CLOJARS_TOKEN` next to a `CLOJARS_…` token is not a leak).
    pub(crate) fn leaked<'s>(&self, secret: &'s str, input: &str) -> Option<&'s str> {
        let held: Vec<&str> = fragments(secret)
            .into_iter()
            .filter(|f| self.may_hold(f))
            .collect();
        if held.is_empty() {
            return None;
        }
        let baseline = input.replace(secret, "\u{0}");
        held.into_iter()
            .find(|f| self.text.matches(f).count() > baseline.matches(f).count())
    }
}
