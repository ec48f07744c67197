//! `git herald commit` (`--commit -i`) and `-n N`: write a message or candidates, let the user
//! pick, edit, regenerate with a hint or cancel, then run `git commit`.

use super::MsgArgs;
use crate::cli::error::{CliError, CommandError};
use crate::cli::interact::{self, Choice, Dialogue};
use crate::cli::ui;
use git_herald::git::Repo;
use git_herald::pipeline::{Changes, Generated, Run, RunInfo};

/// What one review works on: the run (its engine chosen once), the changes read and redacted
/// once, and the runtime its model calls run on.
pub(super) struct Session<'a> {
    pub run: &'a Run<'a>,
    pub changes: &'a Changes,
    pub runtime: &'a tokio::runtime::Runtime,
}

/// Generates once: streams a single message to stderr, or waits quietly for candidates.
/// Returns the result and whether the stream already showed the final message.
fn generate(session: &Session<'_>, info: &RunInfo) -> Result<(Generated, bool), CommandError> {
    let several = info.ask.candidates > 1;
    let mut live = ui::Live::new(ui::StreamTo::Stderr, several, false);
    if session.run.uses_model() {
        live.streamer.wait("asking the model");
    }
    let result = (session.runtime).block_on(session.run.write(session.changes, info, &mut live));
    let generated = match result {
        Ok(generated) => generated,
        Err(err) => {
            live.streamer.finish("");
            return Err(err.into());
        }
    };
    let shown = live.streamer.finish(&generated.message.to_string());
    let _ = ui::err(&generated.engine);
    for note in &generated.notes {
        let _ = ui::err(note);
    }
    Ok((generated, shown))
}

/// What the menu ended with.
enum Next {
    /// Another version than this text, with the user's hint.
    Regenerate(String, String),
    /// Committed, or the commit failed.
    Done(Result<(), CommandError>),
}

/// Runs the review loop on the terminal and commits what the user accepts.
pub(super) fn interactive(
    args: &MsgArgs,
    session: &Session<'_>,
    repo: &Repo,
    mut info: RunInfo,
) -> Result<(), CommandError> {
    let dialogue = Dialogue::open()?;
    let offline = !session.run.uses_model();
    let review = Review {
        dialogue: &dialogue,
        can_regenerate: !offline,
        edit_file: repo.git_dir().join("HERALD_EDITMSG"),
        comment: repo.comment_char(),
        git_args: &args.git_args,
    };
    // The message shown last, to come back to when a new version cannot be had.
    let mut kept: Option<String> = None;
    loop {
        let text = match generate(session, &info) {
            Ok((generated, shown)) => {
                let mut candidates = vec![generated.message.to_string()];
                candidates.extend(generated.alternatives.iter().map(ToString::to_string));
                if offline && args.candidates > 1 {
                    dialogue
                        .say("(the offline engine writes one message; set up a model for more)")?;
                }
                if candidates.len() == 1 {
                    if !shown {
                        dialogue.show(&candidates[0])?;
                    }
                    candidates.swap_remove(0)
                } else {
                    if candidates.len() < usize::from(args.candidates) {
                        dialogue.say(&format!(
                            "(the model gave {} different candidates of the {} asked for)",
                            candidates.len(),
                            args.candidates
                        ))?;
                    }
                    match dialogue.pick(&candidates, !offline)? {
                        Choice::Pick(i) => {
                            let text = candidates.swap_remove(i);
                            dialogue.show(&text)?;
                            text
                        }
                        Choice::Regenerate(hint) => {
                            kept = None;
                            info.ask.rejected.extend(candidates);
                            info.ask.hint = Some(hint).filter(|h| !h.is_empty());
                            continue;
                        }
                        _ => return Err(CliError::Cancelled.into()),
                    }
                }
            }
            Err(err) => {
                let Some(text) = kept.take() else {
                    return Err(err);
                };
                dialogue.say(&format!(
                    "warning: no new version ({}); back to the message before",
                    crate::cli::error::one_line(&err)
                ))?;
                dialogue.show(&text)?;
                text
            }
        };
        match review.menu(text)? {
            Next::Done(result) => return result,
            Next::Regenerate(text, hint) => {
                info.ask.rejected.push(text.clone());
                info.ask.hint = Some(hint).filter(|h| !h.is_empty());
                kept = Some(text);
            }
        }
    }
}

/// The menu under one message: accept, edit (as often as wanted), regenerate or cancel.
struct Review<'a> {
    dialogue: &'a Dialogue,
    can_regenerate: bool,
    edit_file: std::path::PathBuf,
    comment: String,
    git_args: &'a [String],
}

impl Review<'_> {
    fn menu(&self, mut text: String) -> Result<Next, CommandError> {
        loop {
            match self.dialogue.menu(self.can_regenerate)? {
                Choice::Accept => {
                    return Ok(Next::Done(super::msg::commit(&text, self.git_args)));
                }
                Choice::Edit => {
                    match interact::edit(&text, &self.edit_file, &self.comment) {
                        Ok(edited) if edited.is_empty() => self
                            .dialogue
                            .say("the message is empty; kept the one before")?,
                        Ok(edited) => text = edited,
                        // An editor that fails loses nothing: the message before stays.
                        Err(err) => self.dialogue.say(&format!(
                            "warning: {}; kept the message before",
                            crate::cli::error::one_line(&err)
                        ))?,
                    }
                    self.dialogue.show(&text)?;
                }
                Choice::Regenerate(hint) => return Ok(Next::Regenerate(text, hint)),
                Choice::Pick(_) | Choice::Cancel => return Err(CliError::Cancelled.into()),
            }
        }
    }
}
