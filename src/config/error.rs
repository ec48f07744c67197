//! Errors from reading configuration, and TOML syntax errors that never quote the line (it
//! may hold an API key).

use super::PROVIDERS;
use std::fmt;
use std::path::PathBuf;

/// Errors from reading configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("failed to read config file `{}`", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid config file `{}`", .path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: Box<TomlSyntax>,
    },
    #[error(
        "`{key}` cannot be set in the repository's config file `{}` (line {line})",
        .path.display()
    )]
    Untrusted {
        path: PathBuf,
        key: String,
        line: usize,
    },
    #[error(
        "`{key}` in config file `{}` (line {line}) is {value}; it takes a number of seconds, \
         from 0 to 3600",
        .path.display()
    )]
    Seconds {
        path: PathBuf,
        key: &'static str,
        value: f64,
        line: usize,
    },
    #[error("invalid value `{value}` for `{var}`: expected {expected}")]
    Env {
        var: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("unknown provider `{0}`")]
    Provider(String),
    #[error(
        "`changelog.template` in the repository's config file `{}` (line {line}) must name a \
         file inside the repository",
        .path.display()
    )]
    RepoTemplate { path: PathBuf, line: usize },
}

impl ConfigError {
    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            ConfigError::Untrusted { .. } => Some(format!(
                "a cloned repository is untrusted: it may set style ({}) but not providers, \
                 endpoints or keys; set those in your user config (`git herald config path`)",
                super::keys::repo_tables()
            )),
            ConfigError::RepoTemplate { .. } => Some(
                "give a path relative to the top of the work tree, without `..`; a template \
                 elsewhere goes in your user config (`git herald config path`) or `--template`"
                    .into(),
            ),
            ConfigError::Parse { .. } => {
                Some("fix the file, or see the configuration reference in the README".into())
            }
            ConfigError::Provider(_) => Some(format!(
                "`provider` takes one of: {}",
                PROVIDERS
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => None,
        }
    }
}

/// Where a configuration file fails to parse and why, without the source line that toml's own
/// error quotes: in a config file that line may hold an API key.
///
/// Shown as `TOML parse error at line N, column M`, with the parser's message as its cause;
/// quoted values in the message are masked when the line looks like it holds a secret.
#[derive(Debug)]
pub struct TomlSyntax {
    line: usize,
    column: usize,
    /// The key assigned on that line, when it has one (a key name is never secret).
    key: Option<String>,
    message: TomlMessage,
}

/// What the TOML parser said was wrong.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TomlMessage(String);

impl TomlSyntax {
    /// Builds the error from the parser's span (byte offsets into `text`) and message.
    pub fn new(text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> Self {
        let message = message.trim();
        let (line, column, key, sensitive) = match span {
            Some(span) => {
                let floor = |mut at: usize| {
                    at = at.min(text.len());
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    at
                };
                let (start, end) = (floor(span.start), floor(span.end.max(span.start)));
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
                let key = text[line_start..]
                    .lines()
                    .next()
                    .and_then(|l| l.split_once('='))
                    .map(|(key, _)| key.trim())
                    .filter(|key| {
                        !key.is_empty()
                            && key.chars().all(|c| {
                                c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '"')
                            })
                    })
                    .map(str::to_owned);
                (
                    text[..start].matches('\n').count() + 1,
                    text[line_start..start].chars().count() + 1,
                    key,
                    is_sensitive(&text[line_start..line_end]),
                )
            }
            None => (0, 0, None, is_sensitive(text)),
        };
        let message = if sensitive || is_sensitive(message) {
            mask_quoted(message)
        } else {
            message.to_owned()
        };
        TomlSyntax {
            line,
            column,
            key,
            message: TomlMessage(message),
        }
    }

    /// Returns the parser's message (quoted values masked when they may be secret).
    pub fn message(&self) -> &str {
        &self.message.0
    }

    /// Returns the 1-based line of the error, 0 when the parser gave no place.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl fmt::Display for TomlSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "TOML parse error")?,
            line => write!(f, "TOML parse error at line {line}, column {}", self.column)?,
        }
        match &self.key {
            Some(key) => write!(f, ", key `{key}`"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for TomlSyntax {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.message)
    }
}

/// Tells whether config text may hold a credential: it names a key-like setting, or the
/// redactor's built-in rules find something in it.
fn is_sensitive(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "api-key", "api_key", "apikey", "token", "secret", "password", "passwd",
    ]
    .iter()
    .any(|word| lower.contains(word))
        || crate::redact::Redactor::new(&Default::default())
            .is_ok_and(|r| !r.redact_text(text, "<config>").findings().is_empty())
}

/// Replaces text of four characters or more between quotes or backticks with `****` (a
/// value serde quotes; the parser's short quotes such as ``expected `"` `` stay).
fn mask_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut open: Option<(char, String)> = None;
    for c in message.chars() {
        match &mut open {
            Some((q, inner)) if c == *q => {
                if inner.chars().count() >= 4 {
                    out.push_str("****");
                } else {
                    out.push_str(inner);
                }
                out.push(c);
                open = None;
            }
            Some((_, inner)) => inner.push(c),
            None => {
                out.push(c);
                if matches!(c, '"' | '`') {
                    open = Some((c, String::new()));
                }
            }
        }
    }
    if open.is_some() {
        out.push_str("****");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::file::parse_file;
    use std::path::Path;

    #[test]
    fn toml_errors_name_the_place_never_the_line() {
        let key = "sk-SECRETSECRET123456";
        for text in [
            format!("model = \"m\"\napi-key = \"{key}\n"),
            format!("model = \"m\"\napi-key = {key}\n"),
            format!("model = \"m\"\napi-key-cmd = \"{key}\"\n"),
        ] {
            let err = parse_file(Path::new("c.toml"), &text).unwrap_err();
            let ConfigError::Parse { source, .. } = &err else {
                panic!("{err:?}")
            };
            let mut shown = format!("{err}");
            let mut cause: Option<&dyn std::error::Error> = Some(&**source);
            while let Some(c) = cause {
                shown.push_str(&format!("\n{c}"));
                cause = c.source();
            }
            assert!(!shown.contains("SECRET"), "{shown}");
            assert!(shown.contains("line 2, column"), "{shown}");
            assert_eq!(source.line(), 2);
        }
        let plain = TomlSyntax::new(
            "a = \"b\n",
            Some(4..5),
            "invalid basic string, expected `\"`",
        );
        assert_eq!(plain.message(), "invalid basic string, expected `\"`");
        assert_eq!(
            plain.to_string(),
            "TOML parse error at line 1, column 5, key `a`"
        );
        assert_eq!(
            mask_quoted("invalid type: string \"sk-abcdef\", expected `\"`"),
            "invalid type: string \"****\", expected `\"`"
        );
    }
}
