//! The terminal dialogue of `git herald commit`: show a message, pick among candidates, and
//! read one key for accept / edit / regenerate / cancel, or a line for a hint. Everything is
//! drawn on stderr, so stdout stays free; keys come from the terminal (stdin, or `/dev/tty`).

use crate::cli::error::{CliError, CommandError};
use console::{Key, Term};
use std::io::IsTerminal as _;
use std::path::Path;

/// What the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Accept,
    Edit,
    /// Another version, with what should change (empty: just another one).
    Regenerate(String),
    /// The candidate at this index.
    Pick(usize),
    Cancel,
}

/// The dialogue on the user's terminal.
pub struct Dialogue {
    term: Term,
}

impl Dialogue {
    /// Opens the dialogue, or says why it cannot run (no terminal to ask on).
    pub fn open() -> Result<Self, CommandError> {
        let term = Term::stderr();
        if !term.is_term() || !std::io::stdin().is_terminal() {
            return Err(CliError::NoTerminal.into());
        }
        Ok(Dialogue { term })
    }

    fn line(&self, text: &str) -> Result<(), CommandError> {
        self.term
            .write_line(text)
            .map_err(CommandError::io("write to the terminal"))
    }

    fn key(&self) -> Result<Key, CommandError> {
        // Raw: Ctrl-C comes back as a key (cancel, exit 1) instead of killing the process.
        self.term
            .read_key_raw()
            .map_err(CommandError::io("read a key from the terminal"))
    }

    /// Shows a message as it will be committed.
    pub fn show(&self, message: &str) -> Result<(), CommandError> {
        self.line("")?;
        for line in message.trim_end().lines() {
            self.line(&format!("  {line}"))?;
        }
        self.line("")
    }

    /// Lists the candidates and asks for one: their number, `r` for new ones, `c` to cancel.
    pub fn pick(
        &self,
        candidates: &[String],
        can_regenerate: bool,
    ) -> Result<Choice, CommandError> {
        self.line("")?;
        for (i, text) in candidates.iter().enumerate() {
            let mut lines = text.trim_end().lines();
            self.line(&format!("[{}] {}", i + 1, lines.next().unwrap_or_default()))?;
            for line in lines {
                self.line(&format!("    {line}"))?;
            }
            self.line("")?;
        }
        let regenerate = if can_regenerate { "  [r]egenerate" } else { "" };
        self.prompt(&format!(
            "pick [1-{}]{regenerate}  [c]ancel > ",
            candidates.len()
        ))?;
        loop {
            let choice = match self.key()? {
                Key::Enter => Some(Choice::Pick(0)),
                Key::Char(c) if c.is_ascii_digit() => {
                    let n = c.to_digit(10).unwrap_or(0) as usize;
                    (1..=candidates.len())
                        .contains(&n)
                        .then(|| Choice::Pick(n - 1))
                }
                Key::Char('r' | 'R') if can_regenerate => Some(self.regenerate()?),
                Key::Char('c' | 'C' | 'q' | 'Q') | Key::Escape | Key::CtrlC => Some(Choice::Cancel),
                _ => None,
            };
            if let Some(choice) = choice {
                if !matches!(choice, Choice::Regenerate(_)) {
                    self.line("")?;
                }
                return Ok(choice);
            }
        }
    }

    /// Asks what to do with the message shown.
    pub fn menu(&self, can_regenerate: bool) -> Result<Choice, CommandError> {
        let regenerate = if can_regenerate { "  [r]egenerate" } else { "" };
        self.prompt(&format!("[a]ccept  [e]dit{regenerate}  [c]ancel > "))?;
        loop {
            let choice = match self.key()? {
                Key::Char('a' | 'A' | 'y' | 'Y') | Key::Enter => Some(Choice::Accept),
                Key::Char('e' | 'E') => Some(Choice::Edit),
                Key::Char('r' | 'R') if can_regenerate => Some(self.regenerate()?),
                Key::Char('c' | 'C' | 'q' | 'Q' | 'n' | 'N') | Key::Escape | Key::CtrlC => {
                    Some(Choice::Cancel)
                }
                _ => None,
            };
            if let Some(choice) = choice {
                if !matches!(choice, Choice::Regenerate(_)) {
                    self.line("")?;
                }
                return Ok(choice);
            }
        }
    }

    fn prompt(&self, text: &str) -> Result<(), CommandError> {
        self.term
            .write_str(text)
            .and_then(|()| self.term.flush())
            .map_err(CommandError::io("write to the terminal"))
    }

    /// Reads the hint for the next version, a line the user may leave empty.
    fn regenerate(&self) -> Result<Choice, CommandError> {
        self.line("")?;
        self.prompt("what should change? (Enter: just another version) > ")?;
        let hint = self
            .term
            .read_line()
            .map_err(CommandError::io("read a line from the terminal"))?;
        Ok(Choice::Regenerate(hint.trim().to_owned()))
    }

    /// Says something on the dialogue's terminal.
    pub fn say(&self, text: &str) -> Result<(), CommandError> {
        self.line(text)
    }
}

/// Opens `text` in the user's editor (git's choice: `GIT_EDITOR`, `core.editor`, `VISUAL`,
/// `EDITOR`, else `vi`) in `file`, and returns what was saved, with comment lines and
/// trailing blank lines removed, the way `git commit` cleans a message.
pub fn edit(text: &str, file: &Path, comment: &str) -> Result<String, CommandError> {
    use std::process::Command;
    let help = format!(
        "{comment} Edit the message; lines starting with '{comment}' are ignored.\n\
         {comment} An empty message goes back to the menu.\n"
    );
    std::fs::write(file, format!("{}\n{help}", text.trim_end()))
        .map_err(CommandError::io(format!("write `{}`", file.display())))?;
    let editor = Command::new("git")
        .args(["var", "GIT_EDITOR"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "vi".to_owned());
    // The editor is a shell command line (`code --wait`), run as git runs it.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(file)
        .status()
        .map_err(CommandError::io(format!("run the editor `{editor}`")))?;
    let saved = if status.success() {
        std::fs::read_to_string(file)
            .map_err(CommandError::io(format!("read `{}`", file.display())))
    } else {
        Err(CliError::Editor {
            editor,
            status: status.to_string(),
        }
        .into())
    };
    let _ = std::fs::remove_file(file);
    let saved = saved?;
    Ok(clean_edited(&saved, comment))
}

/// Cleans an edited message as `git commit --cleanup=strip` does: comment lines go, trailing
/// spaces and blank lines at either end go, and runs of blank lines become one.
pub fn clean_edited(text: &str, comment: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.starts_with(comment) {
            continue;
        }
        let line = line.trim_end();
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    if out.is_empty() {
        return String::new();
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edited_text_is_cleaned_like_git() {
        let text = "\n\nfeat: a  \n\n\n- b\n# Edit the message\n#x\n\n";
        assert_eq!(clean_edited(text, "#"), "feat: a\n\n- b\n");
        assert_eq!(clean_edited("# only\n\n", "#"), "");
        assert_eq!(
            clean_edited("fix: c\n; note\n", ";"),
            "fix: c\n",
            "core.commentChar is honoured"
        );
    }
}
