//! What a server says, made safe to print or log: the one function every error message from
//! a server goes through (issue 14: a server that echoes the key in a 401 body had it
//! printed by `git herald` and the hook; only `doctor` masked it).

use crate::config::Secret;
use crate::redact::{RedactOptions, Redactor};
use std::sync::LazyLock;

/// Returns `text` from a server with the key, `Bearer` tokens and anything the redactor's
/// built-in rules find replaced, and control characters removed.
pub fn server_text(text: &str, key: Option<&Secret>) -> String {
    let mut text = super::clean::sanitize(text).into_owned();
    // Servers often quote the key they refused.
    if let Some(key) = key.map(Secret::expose).filter(|k| k.len() > 3) {
        text = text.replace(key, "****");
    }
    static BEARER: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}").ok()
    });
    if let Some(bearer) = BEARER.as_ref() {
        text = bearer.replace_all(&text, "$1 ****").into_owned();
    }
    static REDACTOR: LazyLock<Option<Redactor>> =
        LazyLock::new(|| Redactor::new(&RedactOptions::default()).ok());
    match REDACTOR.as_ref() {
        Some(redactor) => redactor.redact_text(&text, "<server>").to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tokens_and_secrets_never_pass() {
        let key = Secret::new("sk-proj-abcdefghijklmnop0123");
        let said = "Incorrect API key provided: Bearer sk-proj-abcdefghijklmnop0123. \
                    Also ghp_0123456789abcdefghijklmnopqrstuvwxyz and Bearer zzzzyyyyxxxx1234\x1b[2J";
        let shown = server_text(said, Some(&key));
        assert!(!shown.contains("abcdefghijklmnop"), "{shown}");
        assert!(!shown.contains("ghp_0123456789abcdef"), "{shown}");
        assert!(!shown.contains("zzzzyyyyxxxx1234"), "{shown}");
        assert!(!shown.contains('\x1b'), "{shown}");
        assert!(
            shown.starts_with("Incorrect API key provided: Bearer ****"),
            "{shown}"
        );
        assert_eq!(server_text("model not found", None), "model not found");
    }
}
