//! The face's error: every part and workflow returns its own `thiserror` enum; here each one
//! becomes a [`CommandError`] (the error and the next steps for the user), printed as `error:`,
//! one `caused by:` per source, then `hint:` lines (jj's `command_error.rs`).

use git_herald::changelog::ChangelogError;
use git_herald::config::ConfigError;
use git_herald::config::edit::EditError;
use git_herald::filter::GlobError;
use git_herald::git::GitError;
use git_herald::hook::HookError;
use git_herald::llm::LlmError;
use git_herald::pipeline::RunError;
use git_herald::redact::RedactError;
use git_herald::usage::UsageError;
use std::io::Write;

/// An error a command ends with, and what the user can do about it.
#[derive(Debug)]
pub struct CommandError {
    pub error: Box<dyn std::error::Error + 'static>,
    pub hints: Vec<String>,
}

impl CommandError {
    fn new(error: impl std::error::Error + 'static, hint: Option<String>) -> Self {
        CommandError {
            error: Box::new(error),
            hints: hint.into_iter().collect(),
        }
    }

    /// Builds an I/O error of the face that says what was being done.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> CommandError {
        let what = what.into();
        move |source| CliError::Io { what, source }.into()
    }

    /// Tells whether this is a closed pipe on stdout (`git herald | head -1`, or
    /// `--output /dev/stdout | head`): a quiet exit.
    pub fn is_broken_pipe(&self) -> bool {
        let io = match self.error.downcast_ref::<CliError>() {
            Some(CliError::Io { source, .. }) => Some(source),
            _ => match self.error.downcast_ref::<ChangelogError>() {
                Some(ChangelogError::Io { source, .. }) => Some(source),
                _ => None,
            },
        };
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

/// Errors of the face itself: arguments, the terminal, the editor, `git commit`.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("`{0}` is not set")]
    Unset(String),
    #[error("`--repo` needs a work tree, and this repository is bare")]
    BareRepo,
    #[error("failed to {what}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("`git commit` failed ({0})")]
    Commit(String),
    #[error("`git add -u` failed ({0})")]
    Stage(String),
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

impl CliError {
    fn hint(&self) -> Option<String> {
        match self {
            CliError::Unset(key) => Some(format!(
                "the built-in default applies; `git herald config set {key} VALUE` sets it"
            )),
            CliError::NoTerminal => Some("run it in a terminal; without review, `git herald --commit` commits the message as written, and `git herald -n N` prints N candidates".into()),
            CliError::CommitFlag(_) => Some("`git herald --diff FILE` and `--dry-run` print a message without committing".into()),
            CliError::Editor { .. } => Some("set the editor with `GIT_EDITOR` or `git config core.editor`; the message was kept, run it again".into()),
            CliError::Commit(_) => Some("the message was printed above; commit by hand with `git commit -e -F FILE`".into()),
            CliError::ChecksFailed(_) => Some("each failed line says its fix after `fix:`".into()),
            _ => None,
        }
    }
}

/// `From` for each floor's error, taking its hint along.
macro_rules! from_errors {
    ($($ty:ty => |$e:ident| $hint:expr;)*) => {$(
        impl From<$ty> for CommandError {
            fn from($e: $ty) -> Self {
                let hint: Option<String> = $hint;
                CommandError::new($e, hint)
            }
        }
    )*};
}

from_errors! {
    CliError => |e| e.hint();
    GitError => |e| e.hint().map(str::to_owned);
    ConfigError => |e| e.hint();
    EditError => |e| e.hint();
    GlobError => |e| None;
    LlmError => |e| e.hint();
    UsageError => |e| None;
    ChangelogError => |e| e.hint();
    RedactError => |e| Some("fix the `[redact]` table of your config (`git herald config path`)".to_owned());
    RunError => |e| e.hint();
    HookError => |e| None;
}

/// Prints an error with its causes and hints to stderr.
pub fn print(err: &CommandError) {
    let mut stderr = std::io::stderr().lock();
    let red = console::Style::new().red().bold().for_stderr();
    let _ = writeln!(stderr, "{} {err}", red.apply_to("error:"));
    let mut source = err.error.source();
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
    let cyan = console::Style::new().cyan().for_stderr();
    for hint in &err.hints {
        let _ = writeln!(stderr, "{} {hint}", cyan.apply_to("hint:"));
    }
}

/// Renders an error and its causes on one line, for the hook's single warning.
pub fn one_line(err: &CommandError) -> String {
    git_herald::text::one_line(&*err.error)
}
