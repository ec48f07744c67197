//! CI outputs: a dotenv file for GitLab CI and `$GITHUB_OUTPUT` lines for GitHub Actions.

use super::output::{append, write_file};
use super::{ChangelogError, Release};
use crate::config::Env;
use crate::config::env_vars;
use std::fmt::Write as _;
use std::path::Path;

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

/// Writes the dotenv file GitLab CI's `artifacts:reports:dotenv` passes on to later jobs:
/// `NOTES_VERSION`, `NOTES_PREVIOUS_VERSION`, `NOTES_TAG`, `NOTES_RANGE` and `NOTES_FILE`
/// (where the notes were written; GitLab takes single-line values only).
pub fn write_dotenv(
    path: &Path,
    release: &Release,
    notes_file: &Path,
) -> Result<(), ChangelogError> {
    let version = release.version().unwrap_or_default();
    let previous = release.previous_version();
    let tag = release.span.name.clone().unwrap_or_default();
    let range = release.span.range();
    let notes_file = notes_file.display().to_string();
    let text = dotenv(&[
        ("NOTES_VERSION", &version),
        ("NOTES_PREVIOUS_VERSION", &previous),
        ("NOTES_TAG", &tag),
        ("NOTES_RANGE", &range),
        ("NOTES_FILE", &notes_file),
    ])?;
    write_file(path, &text)
}

/// On GitHub Actions (`GITHUB_ACTIONS=true`), writes the step outputs `notes`, `version`,
/// `previous-version`, `tag` and `range` to `$GITHUB_OUTPUT` (the notes as a heredoc with a random
/// delimiter) and appends the notes to `$GITHUB_STEP_SUMMARY`. Returns whether it did.
pub fn write_github(env: &Env, release: &Release, notes: &str) -> Result<bool, ChangelogError> {
    if env.get(env_vars::GITHUB_ACTIONS) != Some("true") {
        return Ok(false);
    }
    if let Some(path) = env.get(env_vars::GITHUB_OUTPUT) {
        let delimiter = format!(
            "ghadelimiter_{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        );
        let version = release.version().unwrap_or_default();
        let previous = release.previous_version();
        let range = release.span.range();
        let tag = release.span.name.clone().unwrap_or_default();
        let pairs = [
            ("notes", notes),
            ("version", version.as_str()),
            ("previous-version", previous.as_str()),
            ("tag", tag.as_str()),
            ("range", range.as_str()),
        ];
        append(Path::new(path), &github_output(&pairs, &delimiter))?;
    }
    if let Some(path) = env.get(env_vars::GITHUB_STEP_SUMMARY) {
        let title = release.span.name.as_deref().unwrap_or("Unreleased");
        append(Path::new(path), &format!("## {title}\n\n{notes}\n"))?;
    }
    Ok(true)
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
