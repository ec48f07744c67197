//! The repository's own past: its house style, the scopes or areas it uses for each path,
//! and the past commits most like a change. Both engines learn from it: the offline engine
//! (types, scopes, the form of the subject, subjects to reuse) and the prompt (the house
//! style in words, similar past commits as examples).
//!
//! The index (`index`) holds the last [`WINDOW`] commits by people reachable from HEAD, read
//! from trees alone; it lives under the git dir and is brought up to date from the last
//! commit it saw, or rebuilt when it is damaged or the history was rewritten.

mod advice;
mod house;
pub mod index;
mod subject;

pub use advice::{Advice, label_stem};
pub use house::House;
pub use index::Budget;
pub use subject::{Form, Subject, parse as parse_subject};

use crate::git::Repo;
use std::time::{Duration, Instant};

/// How many commits by people the index holds (newest first).
pub const WINDOW: usize = 2000;

/// What the hook may spend bringing the index up to date; what was read by then is used,
/// and `hook install` builds the rest.
pub const HOOK_BUDGET: Duration = Duration::from_millis(150);

/// How many of the bots' newest subjects a run keeps.
pub const BOT_SUBJECTS: usize = 50;

/// One past commit by a person, as the run sees it.
#[derive(Debug, Clone)]
pub struct Past {
    pub id: String,
    pub time: i64,
    /// The subject line as written.
    pub line: String,
    pub subject: Subject,
    pub paths: Vec<String>,
    /// The author's key (`index::author_key`).
    pub author: String,
}

/// How the index was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// No commit yet, or the repository could not be read.
    Empty,
    /// Stored, and up to date with HEAD.
    Stored,
    /// Stored, and brought up to date with this many new commits.
    Updated(usize),
    /// Built now, from scratch (none stored, a damaged one, or a rewritten history).
    Built,
}

/// The past commits a run learns from.
#[derive(Debug, Clone)]
pub struct History {
    /// Commits by people reachable from HEAD, newest first.
    pub commits: Vec<Past>,
    /// Subjects of the bots' commits in the window, newest first (at most [`BOT_SUBJECTS`]):
    /// how the house's tools write dependency updates (`build(deps): bump …`).
    pub bots: Vec<String>,
    pub origin: Origin,
    /// The window was read to its end (or to the first commit); `false` when the budget ran
    /// out first.
    pub complete: bool,
    /// The key of the person about to commit (`index::author_key`), when known: their own
    /// past subjects say which form they write in a house that mixes them.
    pub me: Option<String>,
}

impl History {
    /// A history with nothing in it: what a repository without commits has.
    pub fn empty() -> History {
        History {
            commits: Vec::new(),
            bots: Vec::new(),
            origin: Origin::Empty,
            complete: true,
            me: None,
        }
    }

    /// Opens the index for HEAD: reads it, brings it up to date (within `budget`) and saves
    /// it when it changed. Never fails: a repository it cannot read has no history.
    pub fn open(repo: &Repo, budget: Budget) -> History {
        Self::open_with_progress(repo, budget, &mut |_| {})
    }

    /// [`open`](Self::open), telling `progress` how many commits a walk has read so far.
    pub fn open_with_progress(
        repo: &Repo,
        budget: Budget,
        progress: &mut dyn FnMut(usize),
    ) -> History {
        let mut history = Self::read(repo, budget, progress);
        history.me = repo.author_email().map(|e| index::author_key(&e));
        history
    }

    fn read(repo: &Repo, budget: Budget, progress: &mut dyn FnMut(usize)) -> History {
        let Some(head) = repo.head_id() else {
            return History::empty();
        };
        let path = index::file(repo);
        let stored = index::load(&path);
        let (view, origin, complete) = match stored {
            // Up to date (a partial index is finished when there is time for it).
            Some(stored)
                if stored.head == head
                    && (stored.complete || matches!(budget, Budget::Until(_))) =>
            {
                let complete = stored.complete;
                (stored, Origin::Stored, complete)
            }
            // HEAD inside the window (an older commit checked out): its own past only.
            Some(stored) if stored.head != head && stored.entries.iter().any(|e| e.id == head) => {
                let (commits, bots) = split(index::reachable(&stored, &head).into_iter().cloned());
                return History {
                    commits,
                    bots,
                    origin: Origin::Stored,
                    complete: stored.complete,
                    me: None,
                };
            }
            // New commits on top: read them alone.
            Some(stored) if stored.complete && repo.is_ancestor(&stored.head, &head) => {
                let (mut new, finished) =
                    index::walk(repo, &head, Some(&stored.head), WINDOW, budget, progress);
                let added = new.iter().filter(|e| e.kind == index::Kind::Commit).count();
                if finished {
                    new.extend(stored.entries);
                    index::trim(&mut new, WINDOW);
                    let updated = index::Index {
                        head: head.clone(),
                        complete: true,
                        entries: new,
                    };
                    let _ = index::save(&path, &updated);
                    (updated, Origin::Updated(added), true)
                } else {
                    // Out of time: use what is there, with a gap, and save nothing.
                    new.extend(stored.entries);
                    index::trim(&mut new, WINDOW);
                    let (commits, bots) = split(new);
                    return History {
                        commits,
                        bots,
                        origin: Origin::Updated(added),
                        complete: false,
                        me: None,
                    };
                }
            }
            // None stored, damaged, or the history was rewritten: build it again.
            _ => {
                let (entries, finished) = index::walk(repo, &head, None, WINDOW, budget, progress);
                let built = index::Index {
                    head: head.clone(),
                    complete: finished,
                    entries,
                };
                let _ = index::save(&path, &built);
                (built, Origin::Built, finished)
            }
        };
        let (commits, bots) = split(view.entries);
        History {
            commits,
            bots,
            origin,
            complete,
            me: None,
        }
    }

    /// The hook's budget, counted from now.
    pub fn hook_budget() -> Budget {
        Budget::Until(Instant::now() + HOOK_BUDGET)
    }

    /// Detects the house style; `None` with too little history to tell.
    pub fn house(&self) -> Option<House> {
        house::detect(&self.commits)
    }

    /// What the history says about a change to these paths; `focus` is the file the change
    /// is mostly about (the most lines changed), when one is known.
    pub fn advise(&self, paths: &[&str], focus: Option<&str>) -> Advice {
        advice::advise(self, paths, focus)
    }
}

/// The commits by people, and the newest subjects of the bots' commits.
fn split(entries: impl IntoIterator<Item = index::Entry>) -> (Vec<Past>, Vec<String>) {
    let (mut commits, mut bots) = (Vec::new(), Vec::new());
    for entry in entries {
        match entry.kind {
            index::Kind::Commit => commits.push(into_past(entry)),
            index::Kind::Bot if bots.len() < BOT_SUBJECTS && !entry.subject.is_empty() => {
                bots.push(entry.subject)
            }
            _ => {}
        }
    }
    (commits, bots)
}

fn into_past(entry: index::Entry) -> Past {
    Past {
        subject: subject::parse(&entry.subject),
        id: entry.id,
        time: entry.time,
        line: entry.subject,
        paths: entry.paths,
        author: entry.author,
    }
}
