//! The index file: the last commits reachable from HEAD, with their links, subjects and the
//! paths they touched, stored under the git dir and brought up to date incrementally.
//!
//! One line per commit, newest first:
//!
//! ```text
//! git-herald history v2
//! head <id> <complete 0|1>
//! c <id> <parent,parent> <time> <author> <subject>\t<path>\x1f<path>…
//! m <id> <parents> <time> -                (a merge: a link only)
//! b <id> <parents> <time> - <subject>      (a bot's commit: its subject, no paths)
//! end <lines>
//! ```
//!
//! `<author>` is a key for the author's email ([`author_key`]), not the email itself: it only
//! tells whose commits are whose, so that a person's own habits can count (`advice`).
//!
//! A file that does not parse to its `end` line is ignored (and rebuilt); a new file is
//! written to a temporary name and renamed over the old one, so a reader sees the old file
//! or the new one, never half of one, and two writers at once leave one of their files.

use crate::git::{LoggedCommit, Repo};
use bstr::ByteSlice;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

const MAGIC: &str = "git-herald history v2";

/// The file name; the version moves with the format, and an older file is removed.
const NAME: &str = "history-v2";

/// Files older versions wrote.
const OLD_NAMES: [&str; 1] = ["history-v1"];

/// A commit that touches more paths than this is a sweep (an import, a reformat, a
/// licence header everywhere): its paths say nothing about any one file's habits, and
/// reading them would cost the hook more than all the others (one import of 20,000 files
/// is most of a young repository's index). Such a commit is kept with no paths.
pub const MAX_PATHS: usize = 1000;

/// The file's name, under the repository's git dir (`.git/herald/history-v2`).
pub fn file(repo: &Repo) -> PathBuf {
    repo.git_dir().join("herald").join(NAME)
}

/// A short key for an author's email: the same for `Ann@Example.com` and `ann@example.com`,
/// 16 hex digits (FNV-1a), and `-` for none. The index keeps this rather than the email.
pub fn author_key(email: &str) -> String {
    let email = email.trim();
    if email.is_empty() {
        return "-".to_owned();
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in email.bytes().map(|b| b.to_ascii_lowercase()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The email in `Name <email>`; the whole text when it has no `<…>`.
fn email_of(author: &str) -> &str {
    match (author.rfind('<'), author.rfind('>')) {
        (Some(open), Some(close)) if open < close => &author[open + 1..close],
        _ => author,
    }
}

/// What a line of the index records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Commit,
    Merge,
    Bot,
}

/// One commit of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub parents: Vec<String>,
    pub time: i64,
    pub kind: Kind,
    /// [`author_key`] of a person's commit; `-` for merges and bots.
    pub author: String,
    pub subject: String,
    pub paths: Vec<String>,
}

/// The stored index: the commit it was built at, whether the walk reached its end (the
/// window or the first commit), and the entries, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    pub head: String,
    pub complete: bool,
    pub entries: Vec<Entry>,
}

/// Tells whether an author is a bot: its history says nothing about the house's people.
pub fn is_bot(author: &str) -> bool {
    let lower = author.to_ascii_lowercase();
    [
        "[bot]",
        "dependabot",
        "renovate",
        "github-actions",
        "-bot@",
        "-bot <",
    ]
    .iter()
    .any(|mark| lower.contains(mark))
}

impl Entry {
    fn from_logged(commit: LoggedCommit) -> Entry {
        let kind = if commit.parents.len() > 1 {
            Kind::Merge
        } else if is_bot(&commit.author) {
            Kind::Bot
        } else {
            Kind::Commit
        };
        let keep = kind == Kind::Commit;
        Entry {
            id: commit.id,
            parents: commit.parents,
            time: commit.time,
            kind,
            author: if keep {
                author_key(email_of(&commit.author))
            } else {
                "-".to_owned()
            },
            // A bot's subject says how the house's tools write dependency updates.
            subject: if keep || kind == Kind::Bot {
                commit.subject.replace(['\t', '\n', '\r'], " ")
            } else {
                String::new()
            },
            // A path that the file format cannot hold is left out; a sweep keeps none.
            paths: if keep && commit.paths.len() <= MAX_PATHS {
                commit
                    .paths
                    .into_iter()
                    .filter(|p| !p.contains(['\t', '\n', '\r', '\x1f']))
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// Reads the stored index; `None` when there is none or it is damaged.
pub fn load(path: &Path) -> Option<Index> {
    let text = std::fs::read_to_string(path).ok()?;
    parse(&text)
}

/// The text before the first `byte` and the text after it (`None` when there is none). The
/// search is `memchr`'s: the hook reads this file on every commit (issue 17).
fn cut(text: &str, byte: u8) -> (&str, Option<&str>) {
    match text.as_bytes().find_byte(byte) {
        // `byte` is ASCII: both sides are whole UTF-8.
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    }
}

/// Splits at every `byte`, leaving out empty parts.
fn parts(text: &str, byte: u8) -> Vec<String> {
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == byte).count() + 1);
    let mut rest = Some(text);
    while let Some(now) = rest {
        let (part, next) = cut(now, byte);
        if !part.is_empty() {
            out.push(part.to_owned());
        }
        rest = next;
    }
    out
}

fn parse(text: &str) -> Option<Index> {
    let (magic, rest) = cut(text, b'\n');
    if magic != MAGIC {
        return None;
    }
    let (head_line, mut rest) = cut(rest?, b'\n');
    let mut head_line = head_line.split(' ');
    if head_line.next()? != "head" {
        return None;
    }
    let head = head_line.next()?.to_owned();
    let complete = head_line.next()? == "1";
    // About 270 bytes a line.
    let mut entries = Vec::with_capacity(rest.map_or(0, |r| r.len() / 200));
    while let Some(now) = rest {
        let (line, next) = cut(now, b'\n');
        rest = next;
        if let Some(count) = line.strip_prefix("end ") {
            return (count.parse::<usize>().ok()? == entries.len()).then_some(Index {
                head,
                complete,
                entries,
            });
        }
        let (fields, paths) = cut(line, b'\t');
        let (tag, fields) = cut(fields, b' ');
        let kind = match tag {
            "c" => Kind::Commit,
            "m" => Kind::Merge,
            "b" => Kind::Bot,
            _ => return None,
        };
        let (id, fields) = cut(fields?, b' ');
        if id.len() < 40 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let (parents, fields) = cut(fields?, b' ');
        let (time, fields) = cut(fields?, b' ');
        let (author, subject) = cut(fields?, b' ');
        if author != "-" && (author.len() != 16 || !author.bytes().all(|b| b.is_ascii_hexdigit())) {
            return None;
        }
        entries.push(Entry {
            id: id.to_owned(),
            parents: parts(parents, b','),
            time: time.parse().ok()?,
            kind,
            author: author.to_owned(),
            subject: subject.unwrap_or("").to_owned(),
            // An index written before sweeps were left out may still hold one.
            paths: paths
                .filter(|p| p.as_bytes().find_iter(b"\x1f").take(MAX_PATHS).count() < MAX_PATHS)
                .map(|p| parts(p, 0x1f))
                .unwrap_or_default(),
        });
    }
    None
}

fn render(index: &Index) -> String {
    let mut out = String::with_capacity(index.entries.len() * 160);
    out.push_str(MAGIC);
    out.push('\n');
    out.push_str(&format!(
        "head {} {}\n",
        index.head,
        u8::from(index.complete)
    ));
    for e in &index.entries {
        let tag = match e.kind {
            Kind::Commit => 'c',
            Kind::Merge => 'm',
            Kind::Bot => 'b',
        };
        out.push_str(&format!(
            "{tag} {} {} {} {} {}\t{}\n",
            e.id,
            e.parents.join(","),
            e.time,
            e.author,
            e.subject,
            e.paths.join("\x1f")
        ));
    }
    out.push_str(&format!("end {}\n", index.entries.len()));
    out
}

/// Writes the index: a temporary file beside it, then a rename over the old one.
pub fn save(path: &Path, index: &Index) -> std::io::Result<()> {
    let dir = path.parent().expect("the index file lives in a directory");
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{NAME}.{}.{}.tmp",
        std::process::id(),
        fastrand::u64(..)
    ));
    std::fs::write(&tmp, render(index))?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    for old in OLD_NAMES {
        let _ = std::fs::remove_file(dir.join(old));
    }
    Ok(())
}

/// How long building may take.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    /// Until the window is full (`hook install`, `doctor`, a run from the command line).
    Unlimited,
    /// Until this instant; what was read by then is used (the hook).
    Until(Instant),
}

impl Budget {
    fn spent(self) -> bool {
        matches!(self, Budget::Until(end) if Instant::now() >= end)
    }
}

/// Walks from `head` (not past `hide`) until `window` commits by people are read, the
/// budget is spent, or the history ends. Returns the entries and whether the walk ended on
/// its own (window full or history exhausted).
pub fn walk(
    repo: &Repo,
    head: &str,
    hide: Option<&str>,
    window: usize,
    budget: Budget,
    on_commit: &mut dyn FnMut(usize),
) -> (Vec<Entry>, bool) {
    let mut entries = Vec::new();
    let mut people = 0;
    let mut finished = true;
    let _ = repo.walk_history(head, hide, &|author| !is_bot(author), &mut |commit| {
        if people >= window {
            return false;
        }
        if budget.spent() {
            finished = false;
            return false;
        }
        let entry = Entry::from_logged(commit);
        if entry.kind == Kind::Commit {
            people += 1;
            on_commit(people);
        }
        entries.push(entry);
        true
    });
    (entries, finished)
}

/// Keeps the newest entries that hold at most `window` commits by people.
pub fn trim(entries: &mut Vec<Entry>, window: usize) {
    let mut people = 0;
    let keep = entries
        .iter()
        .position(|e| {
            if e.kind == Kind::Commit {
                people += 1;
            }
            people > window
        })
        .unwrap_or(entries.len());
    entries.truncate(keep);
}

/// Returns the commits by people and by bots reachable from `head` inside the index, newest
/// first (the index may have been built at a later commit: checking out an older one must
/// not see its own future).
pub fn reachable<'i>(index: &'i Index, head: &str) -> Vec<&'i Entry> {
    let at: HashMap<&str, usize> = index
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let Some(&start) = at.get(head) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut todo = vec![start];
    while let Some(i) = todo.pop() {
        if !seen.insert(i) {
            continue;
        }
        for parent in &index.entries[i].parents {
            if let Some(&p) = at.get(parent.as_str()) {
                todo.push(p);
            }
        }
    }
    let mut out: Vec<usize> = seen.into_iter().collect();
    out.sort_unstable();
    out.into_iter()
        .map(|i| &index.entries[i])
        .filter(|e| e.kind != Kind::Merge)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: char, parents: &[char], kind: Kind) -> Entry {
        Entry {
            id: id.to_string().repeat(40),
            parents: parents.iter().map(|p| p.to_string().repeat(40)).collect(),
            time: 1,
            kind,
            author: if kind == Kind::Commit {
                author_key(&format!("{id}@example.com"))
            } else {
                "-".to_owned()
            },
            subject: if kind == Kind::Commit {
                format!("fix: {id}")
            } else {
                String::new()
            },
            paths: vec![format!("src/{id}.rs"), "a b/c.md".into()],
        }
    }

    #[test]
    fn the_file_reads_back_and_a_damaged_one_is_refused() {
        let index = Index {
            head: "a".repeat(40),
            complete: true,
            entries: vec![
                entry('a', &['b', 'c'], Kind::Merge),
                entry('c', &['b'], Kind::Commit),
                entry('b', &[], Kind::Commit),
            ],
        };
        let text = render(&index);
        assert_eq!(parse(&text), Some(index.clone()));
        // Cut short, or garbled: ignored.
        assert_eq!(parse(&text[..text.len() - 8]), None);
        assert_eq!(parse(&text.replace("end 3", "end 2")), None);
        assert_eq!(parse(&text.replacen("\nc ", "\nx ", 1)), None);
        assert_eq!(parse("garbage"), None);

        let seen: Vec<_> = reachable(&index, &"c".repeat(40))
            .iter()
            .map(|e| e.subject.clone())
            .collect();
        assert_eq!(seen, ["fix: c", "fix: b"]);
        assert_eq!(reachable(&index, &"a".repeat(40)).len(), 2);
        assert!(reachable(&index, &"f".repeat(40)).is_empty());
    }

    #[test]
    fn a_sweep_is_kept_without_its_paths() {
        let logged = |paths: usize, author: &str| LoggedCommit {
            id: "d".repeat(40),
            parents: vec!["e".repeat(40)],
            time: 1,
            author: author.to_owned(),
            subject: "build(deps): bump x from 1 to 2".to_owned(),
            paths: (0..paths).map(|i| format!("src/f{i}.rs")).collect(),
        };
        assert_eq!(
            Entry::from_logged(logged(MAX_PATHS, "Ann <a@x>"))
                .paths
                .len(),
            MAX_PATHS
        );
        assert!(
            Entry::from_logged(logged(MAX_PATHS + 1, "Ann <a@x>"))
                .paths
                .is_empty()
        );
        // A bot's commit keeps its subject (how the house's tools write bumps), no paths.
        let bot = Entry::from_logged(logged(3, "dependabot[bot] <bot@x>"));
        assert_eq!((bot.kind, bot.paths.len()), (Kind::Bot, 0));
        assert_eq!(bot.subject, "build(deps): bump x from 1 to 2");

        // An index written before sweeps were left out reads back without them.
        let mut big = entry('b', &[], Kind::Commit);
        big.paths = (0..=MAX_PATHS).map(|i| format!("f{i}")).collect();
        let index = Index {
            head: "b".repeat(40),
            complete: true,
            entries: vec![entry('c', &['b'], Kind::Commit), big],
        };
        let read = parse(&render(&index)).unwrap();
        assert_eq!(read.entries[0].paths.len(), 2);
        assert!(read.entries[1].paths.is_empty());
    }

    #[test]
    fn authors_are_kept_as_keys_and_an_older_file_goes() {
        // One key for one email in any case; none for none; never the email itself.
        assert_eq!(
            author_key("Ann@Example.com"),
            author_key(" ann@example.com")
        );
        assert_ne!(author_key("ann@example.com"), author_key("bo@example.com"));
        assert_eq!(author_key(""), "-");
        assert_eq!(email_of("Ann <ann@example.com>"), "ann@example.com");
        let logged = LoggedCommit {
            id: "d".repeat(40),
            parents: vec![],
            time: 1,
            author: "Ann <ann@example.com>".to_owned(),
            subject: "fix: x".to_owned(),
            paths: vec!["src/x.rs".into()],
        };
        let entry = Entry::from_logged(logged);
        assert_eq!(entry.author, author_key("ann@example.com"));
        let text = render(&Index {
            head: "d".repeat(40),
            complete: true,
            entries: vec![entry],
        });
        assert!(!text.contains("example.com"), "{text}");
        // A key that is not one (a file from another build) makes the file damaged.
        let key = author_key("ann@example.com");
        assert_eq!(parse(&text.replace(&key, "835922c4")), None);
        assert_eq!(parse(&text.replace("history v2", "history v1")), None);

        // Saving removes the file of the older format.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("history-v1"), "git-herald history v1\n").unwrap();
        let path = dir.path().join(NAME);
        save(&path, &parse(&text).unwrap()).unwrap();
        assert!(load(&path).is_some());
        assert!(!dir.path().join("history-v1").exists());
    }

    #[test]
    fn trimming_keeps_the_window_of_people() {
        let mut entries = vec![
            entry('a', &[], Kind::Commit),
            entry('b', &[], Kind::Bot),
            entry('c', &[], Kind::Commit),
            entry('d', &[], Kind::Commit),
        ];
        trim(&mut entries, 2);
        assert_eq!(entries.len(), 3);
        assert!(is_bot(
            "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
        ));
        assert!(!is_bot("Ann Robot <ann@example.com>"));
    }
}
