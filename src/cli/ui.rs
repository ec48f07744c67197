//! The one place that writes to the terminal: results to stdout, notes to stderr, and the
//! streamed message with a spinner until its first token.

use crate::cli::error::CommandError;
use git_herald::config::Env;
use git_herald::config::env_vars;
use git_herald::llm::Delta;
use git_herald::pipeline::{Progress, Reporter};
use std::io::{IsTerminal, Write as _};
use std::time::Duration;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum When {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`; `CLICOLOR_FORCE` forces it.
    #[default]
    Auto,
    Always,
    Never,
}

/// Decides whether one stream is coloured: `--color always|never` wins, then `NO_COLOR`, then
/// `CLICOLOR_FORCE`, then a `dumb` terminal, then whether the stream is a terminal.
pub fn colour(when: When, env: &Env, terminal: bool) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto if env.get(env_vars::NO_COLOR).is_some() => false,
        When::Auto if env.get(env_vars::CLICOLOR_FORCE).is_some_and(|v| v != "0") => true,
        When::Auto => terminal && env.get(env_vars::TERM) != Some("dumb"),
    }
}

/// Turns colour on or off for stdout and stderr, once at start.
pub fn set_colour(when: When, env: &Env) {
    console::set_colors_enabled(colour(when, env, std::io::stdout().is_terminal()));
    console::set_colors_enabled_stderr(colour(when, env, std::io::stderr().is_terminal()));
}

/// Tells whether output to stdout is coloured (see `set_colour`).
pub fn colour_stdout() -> bool {
    console::colors_enabled()
}

/// Colours the `warning:` or `hint:` that starts a line for stderr.
fn label(text: &str) -> String {
    for (prefix, style) in [
        ("warning:", console::Style::new().yellow().bold()),
        ("hint:", console::Style::new().cyan()),
        ("error:", console::Style::new().red().bold()),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return format!("{}{rest}", style.for_stderr().apply_to(prefix));
        }
    }
    text.to_owned()
}

/// Writes `text` to stdout as is. A closed pipe (`git herald | head -1`) ends quietly.
pub fn out(text: &str) -> Result<(), CommandError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(CommandError::io("write to stdout"))
}

/// Writes bytes to stdout as they are (text that need not be UTF-8, such as redacted input).
pub fn out_bytes(bytes: &[u8]) -> Result<(), CommandError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(CommandError::io("write to stdout"))
}

/// Writes `text` and a newline to stderr, ignoring failures (there is nowhere else to report).
/// A leading `warning:`, `hint:` or `error:` is coloured when stderr is.
pub fn err(text: &str) -> Result<(), CommandError> {
    let _ = writeln!(std::io::stderr(), "{}", label(text));
    Ok(())
}

/// Where a streamed message goes as it arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamTo {
    /// Stdout, when it is a terminal (`git herald`).
    Stdout,
    /// Stderr, when it is a terminal (the hook: progress while `git commit` waits).
    Stderr,
}

/// Shows a model's answer as it streams (its `<think>` blocks already left out by the
/// caller): a spinner on stderr until the first token, then the text. Does nothing when the
/// target is not a terminal or output is quiet, so pipes and files get only the final message.
pub struct Streamer {
    target: Option<StreamTo>,
    spinner: Option<indicatif::ProgressBar>,
    shown: String,
}

impl Streamer {
    /// Returns a streamer for `target`, active only on a terminal and when not `quiet`.
    pub fn new(target: StreamTo, quiet: bool) -> Self {
        let tty = match target {
            StreamTo::Stdout => std::io::stdout().is_terminal(),
            StreamTo::Stderr => std::io::stderr().is_terminal(),
        };
        let active = tty && !quiet;
        Streamer {
            target: active.then_some(target),
            spinner: None,
            shown: String::new(),
        }
    }

    /// Starts the spinner (on stderr) until the first token.
    pub fn wait(&mut self, label: &str) {
        if self.target.is_none() || !std::io::stderr().is_terminal() {
            return;
        }
        let spinner = indicatif::ProgressBar::new_spinner();
        spinner.set_message(label.to_owned());
        spinner.enable_steady_tick(Duration::from_millis(80));
        self.spinner = Some(spinner);
    }

    fn write(&self, text: &str) {
        match self.target {
            Some(StreamTo::Stdout) => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            }
            Some(StreamTo::Stderr) => {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
            None => {}
        }
    }

    /// Takes one event of the stream.
    pub fn delta(&mut self, delta: Delta<'_>) {
        if self.target.is_none() {
            return;
        }
        if let Some(spinner) = self.spinner.take() {
            spinner.finish_and_clear();
        }
        match delta {
            Delta::Text(text) => {
                self.write(text);
                self.shown.push_str(text);
            }
            Delta::Restart => {
                if !self.shown.is_empty() {
                    self.write("\n(retrying)\n");
                }
                self.shown.clear();
            }
        }
    }

    /// Ends the stream. Returns `true` when what was shown already is the final message (on
    /// stdout or stderr), so the caller need not show it again.
    pub fn finish(&mut self, final_text: &str) -> bool {
        if let Some(spinner) = self.spinner.take() {
            spinner.finish_and_clear();
        }
        if self.target.is_none() || self.shown.is_empty() {
            return false;
        }
        if self.shown.trim() == final_text.trim() {
            self.write("\n");
            return true;
        }
        // The cleaned message differs (fences, quotes, a rule retry): show it plainly.
        self.write("\n");
        false
    }
}

/// The progress bar of chunk summaries (`summarising 12/31 chunks`), on stderr when it is a
/// terminal; hidden otherwise and with `--quiet`.
pub struct Bar {
    bar: Option<indicatif::ProgressBar>,
}

impl Bar {
    /// Returns a bar that shows only on a terminal and when not `quiet`.
    pub fn new(quiet: bool) -> Self {
        let show = !quiet && std::io::stderr().is_terminal();
        Bar {
            bar: show.then(indicatif::ProgressBar::hidden),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_length(total as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("summarising {pos}/{len} chunks {bar:30}")
            {
                bar.set_style(style);
            }
        }
    }

    fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The terminal's [`Reporter`]: the streamed message and the bar of chunk summaries.
pub struct Live {
    pub streamer: Streamer,
    bar: Bar,
}

impl Live {
    /// Streams to `target` unless `quiet_stream`; shows the bar unless `quiet`.
    pub fn new(target: StreamTo, quiet_stream: bool, quiet: bool) -> Self {
        Live {
            streamer: Streamer::new(target, quiet_stream),
            bar: Bar::new(quiet),
        }
    }
}

impl Progress for Live {
    fn start(&self, total: usize) {
        self.bar.start(total);
    }

    fn advance(&self) {
        self.bar.advance();
    }

    fn finish(&self) {
        Progress::finish(&self.bar);
    }
}

impl Reporter for Live {
    fn delta(&mut self, delta: Delta<'_>) {
        self.streamer.delta(delta);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_flag_then_the_environment_then_the_terminal() {
        let env = |pairs: &[(&'static str, &str)]| Env::from_pairs(pairs, None);
        let none = env(&[]);
        assert!(colour(When::Auto, &none, true));
        assert!(!colour(When::Auto, &none, false));
        assert!(colour(
            When::Always,
            &env(&[(env_vars::NO_COLOR, "1")]),
            false
        ));
        assert!(!colour(When::Never, &none, true));
        assert!(!colour(
            When::Auto,
            &env(&[(env_vars::NO_COLOR, "1")]),
            true
        ));
        // An empty NO_COLOR does not count (no-color.org).
        assert!(colour(When::Auto, &env(&[(env_vars::NO_COLOR, "")]), true));
        assert!(colour(
            When::Auto,
            &env(&[(env_vars::CLICOLOR_FORCE, "1")]),
            false
        ));
        assert!(!colour(
            When::Auto,
            &env(&[(env_vars::CLICOLOR_FORCE, "0")]),
            false
        ));
        let both = env(&[(env_vars::NO_COLOR, "1"), (env_vars::CLICOLOR_FORCE, "1")]);
        assert!(!colour(When::Auto, &both, true));
        assert!(!colour(When::Auto, &env(&[(env_vars::TERM, "dumb")]), true));
    }
}
