//! `git herald commit` (`--commit -i`) and `-n N`: write a message or candidates, let the user
//! pick, edit, regenerate with a hint or cancel, then run `git commit`.

use super::MsgArgs;
use crate::config::{Env, Settings};
use crate::error::Error;
use crate::filter::FileEntry;
use crate::git::Repo;
use crate::interact::{self, Choice, Dialogue};
use crate::pipeline::{self, Generated, RunInfo};
use crate::ui;

/// Generates once: streams a single message to stderr, or waits quietly for candidates.
/// Returns the result and whether the stream already showed the final message.
fn generate(
    entries: &[FileEntry],
    settings: &Settings,
    env: &Env,
    info: &RunInfo,
) -> Result<(Generated, bool), Error> {
    let several = info.ask.candidates > 1;
    let mut streamer = ui::Streamer::new(ui::StreamTo::Stderr, several);
    streamer.wait("asking the model");
    let bar = ui::Bar::new(false);
    let mut streamed = String::new();
    let result = pipeline::generate(entries, settings, env, info, &bar, &mut |d| {
        match d {
            crate::llm::Delta::Text(t) => streamed.push_str(t),
            crate::llm::Delta::Restart => streamed.clear(),
        }
        streamer.delta(d);
    });
    let generated = match result {
        Ok(generated) => generated,
        Err(err) => {
            streamer.finish("");
            return Err(err);
        }
    };
    let text = generated.message.to_string();
    streamer.finish(&text);
    let shown = !several && streamed.trim() == text.trim();
    let _ = ui::err(&generated.engine);
    for note in &generated.notes {
        let _ = ui::err(note);
    }
    Ok((generated, shown))
}

/// Runs the review loop on the terminal and commits what the user accepts.
pub(super) fn interactive(
    args: &MsgArgs,
    entries: &[FileEntry],
    settings: &Settings,
    env: &Env,
    repo: &Repo,
    mut info: RunInfo,
) -> Result<(), Error> {
    let dialogue = Dialogue::open()?;
    let offline = crate::llm::select::offline_reason(settings, env).is_some();
    let edit_file = repo.git_dir().join("HERALD_EDITMSG");
    let comment = repo.comment_char();
    'generate: loop {
        let (generated, shown) = generate(entries, settings, env, &info)?;
        let mut candidates = vec![generated.message.to_string()];
        candidates.extend(generated.alternatives.iter().map(ToString::to_string));
        let mut text = if candidates.len() > 1 {
            match dialogue.pick(&candidates, !offline)? {
                Choice::Pick(i) => {
                    let text = candidates[i].clone();
                    dialogue.show(&text)?;
                    text
                }
                Choice::Regenerate(hint) => {
                    info.ask.rejected.extend(candidates);
                    info.ask.hint = Some(hint).filter(|h| !h.is_empty());
                    continue 'generate;
                }
                _ => return Err(Error::Cancelled),
            }
        } else {
            if !shown {
                dialogue.show(&candidates[0])?;
            }
            candidates.swap_remove(0)
        };
        if offline && args.candidates > 1 {
            dialogue.say("(the offline engine writes one message; set up a model for more)")?;
        }
        loop {
            match dialogue.menu(!offline)? {
                Choice::Accept => return super::msg::commit(&text, &args.git_args),
                Choice::Edit => {
                    let edited = interact::edit(&text, &edit_file, &comment)?;
                    if edited.is_empty() {
                        dialogue.say("the message is empty; kept the one before")?;
                    } else {
                        text = edited;
                    }
                    dialogue.show(&text)?;
                }
                Choice::Regenerate(hint) => {
                    info.ask.rejected.push(text);
                    info.ask.hint = Some(hint).filter(|h| !h.is_empty());
                    continue 'generate;
                }
                Choice::Pick(_) | Choice::Cancel => return Err(Error::Cancelled),
            }
        }
    }
}
