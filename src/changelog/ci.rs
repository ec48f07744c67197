//! CI outputs: a dotenv file for GitLab CI and `$GITHUB_OUTPUT` lines for GitHub Actions.

use super::ChangelogError;
use std::fmt::Write as _;

// GitLab CI.

/// Renders `NAME=value` lines for a dotenv file as GitLab CI's `artifacts:reports:dotenv`
/// reads it: one line each, values as they are (GitLab keeps quotes and has no escapes), no
/// blank lines or comments. A value with a line break cannot be written.
pub fn dotenv(pairs: &[(&str, &str)]) -> Result<String, ChangelogError> {
    let mut out = String::new();
    for (name, value) in pairs {
        if value.contains(['\n', '\r']) {
            return Err(ChangelogError::Dotenv {
                name: (*name).to_owned(),
            });
        }
        let _ = writeln!(out, "{name}={value}");
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions.

/// Renders `name=value` lines for `$GITHUB_OUTPUT`; a value with a line break is written as a
/// heredoc whose delimiter (`delimiter`, made longer if it must be) is not in the value.
pub fn github_output(pairs: &[(&str, &str)], delimiter: &str) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if value.contains('\n') || value.contains('\r') {
            let mut delim = delimiter.to_owned();
            while value.contains(&delim) {
                delim.push('_');
            }
            let value = value.strip_suffix('\n').unwrap_or(value);
            let _ = write!(out, "{name}<<{delim}\n{value}\n{delim}\n");
        } else {
            let _ = writeln!(out, "{name}={value}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_output_is_multiline_safe() {
        let out = github_output(&[("notes", "a\nEOF\nb\n"), ("version", "1.0.0")], "EOF");
        assert_eq!(out, "notes<<EOF_\na\nEOF\nb\nEOF_\nversion=1.0.0\n");
    }

    #[test]
    fn dotenv_is_one_line_a_value() {
        let pairs = [("NOTES_VERSION", "1.1.0"), ("NOTES_PREVIOUS_VERSION", "")];
        assert_eq!(
            dotenv(&pairs).unwrap(),
            "NOTES_VERSION=1.1.0\nNOTES_PREVIOUS_VERSION=\n"
        );
        assert!(matches!(
            dotenv(&[("NOTES_FILE", "a\nb")]),
            Err(ChangelogError::Dotenv { name }) if name == "NOTES_FILE"
        ));
    }
}
