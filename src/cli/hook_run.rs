//! The fail-open process behind `git herald hook run`, which the installed
//! `prepare-commit-msg` script calls: fills in the message, or leaves the file as git wrote
//! it. Every problem, a panic or the time-out becomes one `warning:` line; a commit is never
//! blocked.

use crate::cli::error::{self, CommandError};
use crate::cli::ui;
use git_herald::config::env_vars;
use git_herald::config::{self, Env, Overrides};
use git_herald::filter::Filter;
use git_herald::git::Repo;
use git_herald::history::History;
use git_herald::pipeline::{self, Purpose, Run, RunError, Source};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The arguments git passes to `prepare-commit-msg`.
#[derive(Debug, Clone)]
pub struct RunArgs {
    pub message_file: PathBuf,
    pub source: Option<String>,
}

/// Set once the message file is written, so the watchdog stands down.
static DONE: AtomicBool = AtomicBool::new(false);
/// Held while the message file is written and while the watchdog gives up: never both.
static WRITING: Mutex<()> = Mutex::new(());

/// Runs the hook: fills in the message, or leaves the file as git wrote it.
///
/// Never fails and never blocks the commit: every problem, a panic or the time-out becomes
/// one `warning:` line on stderr. Returns the line it printed, for tests.
pub fn run(args: &RunArgs, env: &Env) -> Option<String> {
    if env.get(env_vars::SKIP).is_some_and(is_set) {
        return say("herald: skipped (GIT_HERALD_SKIP is set)");
    }
    // The deadline starts first: everything after it, the repository's files included, runs
    // inside it (issue 14). The configured time-out, once read, can only bring it closer.
    watchdog::start(initial_timeout(env));
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        warn(&format!(
            "internal error{place}; the commit message is left as is (please report this)"
        ));
        std::process::exit(0);
    }));
    match fill(args, env) {
        Ok(Some(note)) => say(&note),
        Ok(None) => None,
        Err(err) => {
            let line = format!(
                "{}; the commit message is left as is",
                error::one_line(&err)
            );
            warn(&line);
            Some(line)
        }
    }
}

/// Tells whether `GIT_HERALD_SKIP` asks to skip: any value but an empty one, `0`, `false`,
/// `no` or `off` (issue 14: `GIT_HERALD_SKIP=no` skipped).
fn is_set(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    !matches!(value.as_str(), "" | "0" | "false" | "no" | "off")
}

fn say(line: &str) -> Option<String> {
    let _ = ui::err(line);
    Some(line.to_owned())
}

fn warn(line: &str) {
    let _ = ui::err(&format!("warning: git-herald: {line}"));
}

fn skip_reason(source: &str) -> &'static str {
    match source {
        "message" => "a message was given with -m or -F",
        "template" => "a template message was given",
        "merge" => "this is a merge",
        "squash" => "this is a squash",
        "commit" => "the message comes from an existing commit (--amend, -c, -C)",
        _ => "its source is configured to be skipped",
    }
}

/// Tells whether the message file already holds a line that is not a comment, nor a trailer
/// git or a template put there (`Signed-off-by:` from `git commit -s`, `Co-authored-by:`).
pub fn has_message(text: &str, comment: &str) -> bool {
    text.lines()
        .take_while(|l| !is_scissors(l, comment))
        .any(|l| !l.trim().is_empty() && !l.starts_with(comment) && !is_people_trailer(l))
}

/// Tells whether a line is a trailer naming a person (`Signed-off-by:`, `Co-authored-by:`,
/// `Reviewed-by:`, …) or Gerrit's `Change-Id:`: never a subject.
fn is_people_trailer(line: &str) -> bool {
    let Some((token, value)) = line.split_once(':') else {
        return false;
    };
    let token = token.to_ascii_lowercase();
    !value.trim().is_empty()
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && (token.ends_with("-by") || token == "change-id")
}

/// Returns how many leading line ends of what git wrote to drop so its trailers (`git commit
/// -s`, a template's `Co-authored-by:`) join the message's own (`Refs: ABC-123`) in one
/// block, as `git interpret-trailers` reads only the last paragraph.
fn trailer_join(message: &str, existing: &[u8]) -> usize {
    let ends_in_trailers = message
        .trim_end()
        .rsplit("\n\n")
        .next()
        .is_some_and(|last| {
            message.trim_end().contains("\n\n")
                && last.lines().all(|l| {
                    l.split_once(": ").is_some_and(|(token, _)| {
                        !token.is_empty()
                            && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                })
        });
    let blank = existing.iter().take_while(|b| **b == b'\n').count();
    let next_line = existing[blank..]
        .split(|b| *b == b'\n')
        .next()
        .unwrap_or_default();
    if ends_in_trailers && is_people_trailer(&String::from_utf8_lossy(next_line)) {
        blank
    } else {
        0
    }
}

fn is_scissors(line: &str, comment: &str) -> bool {
    line.starts_with(comment) && line.contains(">8")
}

/// Sources skipped by default whose skip needs no look at the message file: taken as skipped
/// when the configuration cannot be read. (`template` is left out: a template of trailers
/// only is filled.)
const QUIET_SKIPS: &[&str] = &["message", "merge", "squash", "commit"];

/// The line for a skip: none for the sources git-herald leaves alone by design (`-m`/`-F`,
/// merges, squashes, `--amend`), which would otherwise be noise on every such commit, unless
/// `GIT_HERALD_VERBOSE` asks for the reason.
fn skipped(source: &str, env: &Env) -> Option<String> {
    let verbose = env
        .get(env_vars::VERBOSE)
        .is_some_and(|v| !matches!(v.trim(), "" | "0" | "false" | "no" | "off"));
    (verbose || !QUIET_SKIPS.contains(&source))
        .then(|| format!("herald: skipped ({})", skip_reason(source)))
}

fn fill(args: &RunArgs, env: &Env) -> Result<Option<String>, CommandError> {
    let source = args
        .source
        .clone()
        .or_else(|| env.get(env_vars::PRE_COMMIT_SOURCE).map(str::to_owned))
        .filter(|s| !s.is_empty());

    let repo = Repo::discover()?;
    let mut config = match config::resolve_deferred(env, repo.work_dir(), &Overrides::default()) {
        Ok(config) => config,
        // Which sources to skip is configuration too. With it unreadable, the built-in
        // skips decide, so `git commit -m` stays quiet about a config it never needed.
        Err(_) if source.as_deref().is_some_and(|s| QUIET_SKIPS.contains(&s)) => {
            return Ok(skipped(source.as_deref().unwrap_or_default(), env));
        }
        Err(err) => return Err(err.into()),
    };
    let skips = &config.settings.hook.skip_sources;
    let read_existing = || {
        fs::read(&args.message_file).map_err(CommandError::io(format!(
            "read the message file `{}`",
            args.message_file.display()
        )))
    };
    if let Some(source) = &source
        && skips.iter().any(|s| s == source)
    {
        // A template of trailers only (`Co-authored-by:` lines for pairing) gives no message:
        // the hook writes one above them.
        let trailers_only = source == "template"
            && read_existing().is_ok_and(|text| {
                let text = String::from_utf8_lossy(&text);
                !has_message(&text, &repo.comment_char()) && text.lines().any(is_people_trailer)
            });
        if !trailers_only {
            return Ok(skipped(source, env));
        }
    }
    let comment = repo.comment_char();
    let existing = read_existing()?;
    if has_message(&String::from_utf8_lossy(&existing), &comment) {
        return Ok(Some(
            "herald: skipped (the message is already written)".into(),
        ));
    }
    // Only now is a message to be written: the repository's convention files are read.
    config.load_conventions();
    // A convention file that could not be read, say: worth a line, never a blocked commit.
    for warning in &config.warnings {
        warn(warning);
    }
    let mut settings = config.settings;
    // A model must answer well inside the hook's own time-out, so a slow one still leaves
    // time for the offline engine's message instead of none.
    settings.network.deadline = settings
        .network
        .deadline
        .min(settings.hook.timeout.mul_f64(0.75));
    let settings = &settings;

    watchdog::set(settings.hook.timeout);
    let filter = Filter::new(&settings.filter)?;
    // One runtime and one engine choice for the whole hook; the offline engine reads the same
    // redacted changes a model would.
    let runtime = super::runtime()?;
    let mut run = runtime.block_on(Run::start(settings, env, Purpose::Write))?;
    let changes = match run.collect(Source::Staged(&repo), &filter) {
        Err(RunError::NothingStaged) => return Ok(Some("herald: skipped (nothing staged)".into())),
        other => other?,
    };
    // The history index: brought up to date within a small budget; what is there is used.
    run.learn(History::open(&repo, History::hook_budget()));
    let branch = repo.branch();
    let info = pipeline::RunInfo {
        command: git_herald::usage::Command::Hook,
        repo: repo.name(),
        first_branch: pipeline::first_branch(&repo, branch.as_deref()),
        branch,
        recent: if run.uses_model() {
            repo.recent_subjects(5)
        } else {
            Vec::new()
        },
        ask: Default::default(),
    };
    let mut live = ui::Live::new(ui::StreamTo::Stderr, false, true);
    let generated = runtime.block_on(run.write(&changes, &info, &mut live));
    let (message, note) = match generated {
        Ok(generated) => {
            live.streamer.finish(&generated.message.to_string());
            for note in &generated.notes {
                let _ = ui::err(note);
            }
            let engine = generated.engine;
            (generated.message, engine)
        }
        // `redact.policy = "abort"`: nothing was sent, and no message is written either.
        Err(err @ RunError::SecretsFound { .. }) => {
            live.streamer.finish("");
            return Err(err.into());
        }
        // The model failed: the offline engine still writes a message, and says why.
        Err(err) => {
            live.streamer.finish("");
            warn(&format!(
                "{}; the offline engine wrote the message instead",
                error::one_line(&err.into())
            ));
            (
                run.fallback(&changes),
                "herald: offline engine (fallback)".into(),
            )
        }
    };
    if let Some(ms) = env
        .get(env_vars::TEST_HOOK_DELAY_MS)
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(Duration::from_millis(ms));
    }

    // What git wrote (comments, a `--verbose` diff) goes back byte for byte, UTF-8 or not.
    let message = message.to_string();
    let join = trailer_join(&message, &existing);
    let mut text = message.into_bytes();
    text.extend_from_slice(&existing[join..]);
    let _guard = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    if DONE.load(Ordering::SeqCst) {
        // The watchdog gave up already (it holds the lock while it exits).
        return Ok(None);
    }
    write_atomic(&args.message_file, &text)?;
    DONE.store(true, Ordering::SeqCst);
    // The process ends next: tearing down libgit2 and the diff would only cost time.
    std::mem::forget(changes);
    std::mem::forget(repo);
    // And the run with its history index.
    std::mem::forget(run);
    Ok(Some(note))
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CommandError> {
    let what = || format!("write the message file `{}`", path.display());
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".herald-tmp");
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, bytes).map_err(CommandError::io(what()))?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        CommandError::io(what())(e)
    })
}

/// The hook's time-out before the configuration is read: `GIT_HERALD_HOOK_TIMEOUT` as the
/// configuration reads it (the environment was read once, at start), else the default
/// `hook.timeout` of 20 s.
fn initial_timeout(env: &Env) -> Duration {
    env.hook_timeout().unwrap_or(Duration::from_secs(20))
}

/// The thread that gives up for the hook when its time is over.
mod watchdog {
    use super::{DONE, WRITING, warn};
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{Duration, Instant};

    static START: OnceLock<Instant> = OnceLock::new();
    /// The time-out, in milliseconds from `START`.
    static TIMEOUT_MS: AtomicU64 = AtomicU64::new(u64::MAX);

    /// Starts the clock with `timeout`.
    pub fn start(timeout: Duration) {
        let start = *START.get_or_init(Instant::now);
        set(timeout);
        std::thread::spawn(move || {
            loop {
                let timeout = Duration::from_millis(TIMEOUT_MS.load(Ordering::SeqCst));
                let elapsed = start.elapsed();
                if elapsed >= timeout {
                    break;
                }
                // Woken now and then, so a time-out set later takes effect.
                std::thread::sleep((timeout - elapsed).min(Duration::from_millis(50)));
            }
            let _guard = WRITING.lock().unwrap_or_else(|e| e.into_inner());
            if DONE.swap(true, Ordering::SeqCst) {
                return;
            }
            let timeout = TIMEOUT_MS.load(Ordering::SeqCst) as f64 / 1000.0;
            warn(&format!(
                "gave up after {timeout:.1} s (`hook.timeout`); the commit message is left as is"
            ));
            std::process::exit(0);
        });
    }

    /// Sets the time-out, counted from the start of the hook.
    pub fn set(timeout: Duration) {
        let ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        TIMEOUT_MS.store(ms, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_scissors_are_not_a_message() {
        let git_template = "\n# Please enter the commit message for your changes.\n#\n";
        assert!(!has_message(git_template, "#"));
        assert!(has_message("fix: x\n# comment\n", "#"));
        let verbose =
            "\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n";
        assert!(!has_message(verbose, "#"));
        assert!(has_message("; not a comment here\n", "#"));
        assert!(!has_message("; a comment\n", ";"));
        // Trailers git or a template wrote are not a message.
        let signed = "\nSigned-off-by: Ada <ada@example.com>\n# Please enter\n";
        assert!(!has_message(signed, "#"));
        assert!(!has_message(
            "\n\nCo-authored-by: Bo <bo@example.com>\n",
            "#"
        ));
        assert!(has_message("fix: x\n\nCo-authored-by: Bo <bo@x>\n", "#"));
        assert!(
            has_message("Signed-off-by:\n", "#"),
            "no value: not a trailer"
        );
    }

    #[test]
    fn trailers_join_the_messages_own() {
        let signed = b"\nSigned-off-by: Ada <ada@example.com>\n";
        assert_eq!(trailer_join("fix: x\n\n- y\n\nRefs: ABC-1\n", signed), 1);
        assert_eq!(trailer_join("fix: x\n\n- y\n", signed), 0);
        assert_eq!(trailer_join("fix: x\n", signed), 0);
        assert_eq!(trailer_join("fix: x\n\nRefs: ABC-1\n", b"\n# comment\n"), 0);
    }
}
