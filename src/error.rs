//! User-facing errors: one enum over every module's errors, printed as `error:`, one
//! `caused by:` per source, then a `hint:` with the next step.

use crate::config::ConfigError;
use crate::filter::GlobError;
use crate::git::GitError;
use std::io::Write;

/// Any error a command can end with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    ConfigEdit(#[from] crate::config_file::EditError),
    #[error("`{0}` is not set")]
    Unset(String),
    #[error("`--repo` needs a work tree, and this repository is bare")]
    BareRepo,
    #[error(transparent)]
    Filter(#[from] GlobError),
    #[error(transparent)]
    Llm(#[from] crate::llm::LlmError),
    #[error(transparent)]
    Usage(#[from] crate::usage::UsageError),
    #[error(transparent)]
    Changelog(#[from] crate::changelog::ChangelogError),
    #[error(transparent)]
    Redact(#[from] crate::redact::RedactError),
    #[error("the changes hold {count}: {rules}; nothing was sent (`redact.policy` is `abort`)")]
    SecretsFound { count: String, rules: String },
    #[error("nothing is staged for commit")]
    NothingStaged,
    #[error("the diff given with `--diff` holds no changes")]
    EmptyDiff,
    #[error("failed to {what}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Hook(String),
    #[error("`git commit` failed ({0})")]
    Commit(String),
    #[error("reviewing the message needs a terminal, and stdin or stderr is not one")]
    NoTerminal,
    #[error("`git herald commit` does not take `{0}`: it reviews and commits what is staged")]
    CommitFlag(&'static str),
    #[error("the editor `{editor}` failed ({status})")]
    Editor { editor: String, status: String },
    #[error("cancelled; nothing was committed")]
    Cancelled,
    #[error("arguments after `--` go to `git commit`; add `--commit` (or use `git herald commit`)")]
    GitArgsWithoutCommit,
    #[error("{0} of the checks above failed")]
    ChecksFailed(usize),
}

impl Error {
    /// Builds an I/O error that says what was being done.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }

    /// Tells whether the error is a closed pipe on output (`| head`), which ends a command
    /// quietly.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Io { source, .. }
            | Error::Changelog(crate::changelog::ChangelogError::Io { source, .. }) => {
                source.kind() == std::io::ErrorKind::BrokenPipe
            }
            _ => false,
        }
    }

    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Git(e) => e.hint().map(str::to_owned),
            Error::Config(e) => e.hint(),
            Error::ConfigEdit(e) => e.hint(),
            Error::Unset(key) => Some(format!(
                "the built-in default applies; `git herald config set {key} VALUE` sets it"
            )),
            Error::Llm(e) => e.hint(),
            Error::Changelog(e) => e.hint(),
            Error::NothingStaged => Some("stage changes with `git add`, then run it again".into()),
            Error::EmptyDiff => {
                Some("pass the output of `git diff` (for example `git diff HEAD~1 | git herald --diff -`)".into())
            }
            Error::NoTerminal => Some("run it in a terminal; without review, `git herald --commit` commits the message as written, and `git herald -n N` prints N candidates".into()),
            Error::CommitFlag(_) => Some("`git herald --diff FILE` and `--dry-run` print a message without committing".into()),
            Error::Editor { .. } => Some("set the editor with `GIT_EDITOR` or `git config core.editor`; the message was kept, run it again".into()),
            Error::Commit(_) => Some("the message was printed above; commit by hand with `git commit -e -F FILE`".into()),
            Error::ChecksFailed(_) => Some("each failed line says its fix after `fix:`".into()),
            Error::Redact(_) => Some("fix the `[redact]` table of your config (`git herald config path`)".into()),
            Error::SecretsFound { .. } => Some("`git herald redact` shows where; remove them, mark a line with `herald:allow`, or set `redact.policy = \"redact\"` to send them redacted".into()),
            _ => None,
        }
    }
}

/// Prints an error with its causes and hint to stderr.
pub fn print(err: &Error) {
    let mut stderr = std::io::stderr().lock();
    let red = console::Style::new().red().bold().for_stderr();
    let _ = writeln!(stderr, "{} {err}", red.apply_to("error:"));
    let mut source = std::error::Error::source(err);
    // `transparent` variants share their inner error's source chain; skip a repeated line.
    let mut last = err.to_string();
    while let Some(cause) = source {
        let text = cause.to_string();
        if text != last {
            let _ = writeln!(stderr, "caused by: {}", text.trim_end());
        }
        last = text;
        source = cause.source();
    }
    if let Some(hint) = err.hint() {
        let cyan = console::Style::new().cyan().for_stderr();
        let _ = writeln!(stderr, "{} {hint}", cyan.apply_to("hint:"));
    }
}

/// Renders an error and its causes on one line, for the hook's single warning.
pub fn one_line(err: &Error) -> String {
    let mut line = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        let text = cause.to_string();
        let first = text.lines().next().unwrap_or_default().trim();
        if !first.is_empty() && !line.contains(first) {
            line.push_str(": ");
            line.push_str(first);
        }
        source = cause.source();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    #[test]
    fn a_broken_pipe_ends_quietly_wherever_it_comes_from() {
        let io = |kind| std::io::Error::from(kind);
        assert!(Error::io("write to stdout")(io(ErrorKind::BrokenPipe)).is_broken_pipe());
        let changelog = |kind| {
            Error::Changelog(crate::changelog::ChangelogError::Io {
                what: "write",
                path: "/dev/stdout".into(),
                source: io(kind),
            })
        };
        assert!(changelog(ErrorKind::BrokenPipe).is_broken_pipe());
        assert!(!changelog(ErrorKind::PermissionDenied).is_broken_pipe());
        assert!(!Error::NothingStaged.is_broken_pipe());
    }
}
