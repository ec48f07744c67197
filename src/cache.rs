//! The answer cache: chunk summaries and final messages on disk, keyed by a hash of everything
//! that shapes them, so an aborted `git commit` run again costs no model calls.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

/// A cache directory, or none (caching off).
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    /// Most bytes kept; 0 for no bound.
    max_bytes: u64,
}

/// Builds a cache key from its parts (length-prefixed, so no two part lists collide).
pub fn key(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first line of every entry: the format and the value's length, so a file cut short (a
/// full disk, a crash mid-copy) or written by something else is never taken for an answer.
const MAGIC: &str = "git-herald-cache 1";

/// The kinds of answer kept, each a folder of the cache directory. The directory may be one
/// the user shares with other files (`cache.path`): pruning and clearing touch only these
/// folders, and in them only files named and headed as entries.
pub const KINDS: &[&str] = &[
    "message",
    "summary",
    "merge",
    "candidates",
    "changelog",
    "server",
];

/// Pruning walks the whole directory: once per process is enough.
static PRUNED: AtomicBool = AtomicBool::new(false);

/// What `git herald cache` reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub entries: u64,
    pub bytes: u64,
}

impl Cache {
    /// Returns a cache in `dir` that keeps at most `max_bytes` (0: no bound), or a cache that
    /// keeps nothing.
    pub fn new(dir: Option<PathBuf>, max_bytes: u64) -> Self {
        Cache { dir, max_bytes }
    }

    fn path(&self, kind: &str, key: &str) -> Option<PathBuf> {
        debug_assert!(KINDS.contains(&kind), "unknown cache kind {kind}");
        if !is_key(key) {
            return None;
        }
        let dir = self.dir.as_ref()?;
        Some(dir.join(kind).join(&key[..2]).join(key))
    }

    /// Returns a stored answer. A corrupt entry is removed and reads as a miss; a hit counts
    /// as a use for the least-recently-used bound.
    pub fn get(&self, kind: &str, key: &str) -> Option<String> {
        let path = self.path(kind, key)?;
        let text = fs::read_to_string(&path).ok()?;
        match decode(&text) {
            Some(value) => {
                if let Ok(file) = fs::File::options().append(true).open(&path) {
                    let _ = file.set_modified(SystemTime::now());
                }
                Some(value.to_owned())
            }
            None => {
                let _ = fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores an answer. Failures are ignored: a cache that cannot be written costs calls,
    /// never a commit.
    pub fn put(&self, kind: &str, key: &str, value: &str) {
        let Some(path) = self.path(kind, key) else {
            return;
        };
        let _ = write_atomic(&path, &format!("{MAGIC} {}\n{value}", value.len()));
        if self.max_bytes > 0 && !PRUNED.swap(true, Ordering::Relaxed) {
            let _ = self.prune(self.max_bytes);
        }
    }

    /// Removes the least recently used entries until the cache holds at most `max_bytes`.
    /// Returns what is left.
    pub fn prune(&self, max_bytes: u64) -> std::io::Result<Stats> {
        let mut files = self.entries()?;
        let mut stats = Stats {
            entries: files.len() as u64,
            bytes: files.iter().map(|f| f.1).sum(),
        };
        if stats.bytes <= max_bytes {
            return Ok(stats);
        }
        // Oldest use first.
        files.sort_by_key(|f| f.2);
        for (path, size, _) in files {
            if stats.bytes <= max_bytes {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                stats.bytes -= size;
                stats.entries -= 1;
            }
        }
        Ok(stats)
    }

    /// Counts the entries and their bytes.
    pub fn stats(&self) -> std::io::Result<Stats> {
        let files = self.entries()?;
        Ok(Stats {
            entries: files.len() as u64,
            bytes: files.iter().map(|f| f.1).sum(),
        })
    }

    /// Removes every entry (and the folders they leave empty); returns what was removed.
    /// Nothing else in the directory is touched.
    pub fn clear(&self) -> std::io::Result<Stats> {
        let mut removed = Stats::default();
        for (path, size, _) in self.entries()? {
            fs::remove_file(&path)?;
            removed.entries += 1;
            removed.bytes += size;
            if let Some(shard) = path.parent() {
                // Fails, and so keeps the folder, when anything else is in it.
                let _ = fs::remove_dir(shard);
                if let Some(kind) = shard.parent() {
                    let _ = fs::remove_dir(kind);
                }
            }
        }
        Ok(removed)
    }

    /// Lists every entry: path, size, last use. Only files of the known kinds' folders whose
    /// name is a key and whose first line is an entry's header count.
    fn entries(&self) -> std::io::Result<Vec<(PathBuf, u64, SystemTime)>> {
        let mut out = Vec::new();
        let Some(dir) = &self.dir else {
            return Ok(out);
        };
        for kind in KINDS {
            for shard in fs::read_dir(dir.join(kind)).into_iter().flatten().flatten() {
                let name = shard.file_name();
                let name = name.to_string_lossy();
                if name.len() != 2 || !name.bytes().all(|b| b.is_ascii_hexdigit()) {
                    continue;
                }
                for entry in fs::read_dir(shard.path()).into_iter().flatten().flatten() {
                    let Ok(meta) = entry.metadata() else {
                        continue;
                    };
                    let name = entry.file_name();
                    if !meta.is_file()
                        || !is_key(&name.to_string_lossy())
                        || !has_header(&entry.path())
                    {
                        continue;
                    }
                    let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                    out.push((entry.path(), meta.len(), used));
                }
            }
        }
        Ok(out)
    }
}

/// Tells whether `name` is a key: 64 lower-case hex digits.
fn is_key(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Tells whether the file at `path` starts as an entry does.
fn has_header(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; MAGIC.len()];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == *MAGIC.as_bytes())
}

/// Returns the value of an entry, or `None` when it is not a whole entry of this format.
fn decode(text: &str) -> Option<&str> {
    let (head, value) = text.split_once('\n')?;
    let len: usize = head.strip_prefix(MAGIC)?.trim().parse().ok()?;
    (value.len() == len).then_some(value)
}

fn write_atomic(path: &Path, value: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::files::create_private_dir(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        std::process::id()
    ));
    crate::files::write_private(&tmp, value.as_bytes())?;
    fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]), key(&[b"x"]));
        assert_eq!(key(&[]).len(), 64);
    }

    #[test]
    fn stores_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(Some(dir.path().to_owned()), 0);
        let k = key(&[b"chunk"]);
        assert_eq!(cache.get("summary", &k), None);
        cache.put("summary", &k, "- adds a parser");
        assert_eq!(cache.get("summary", &k).as_deref(), Some("- adds a parser"));
        let off = Cache::default();
        off.put("summary", &k, "x");
        assert_eq!(off.get("summary", &k), None);
    }

    #[test]
    fn a_corrupt_entry_is_a_miss_and_goes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(Some(dir.path().to_owned()), 0);
        let k = key(&[b"x"]);
        cache.put("message", &k, "feat: a\n\n- b");
        let path = cache.path("message", &k).unwrap();
        let whole = fs::read(&path).unwrap();
        fs::write(&path, &whole[..whole.len() - 3]).unwrap();
        assert_eq!(cache.get("message", &k), None, "cut short");
        assert!(!path.exists());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, b"\xff\xfe not text").unwrap();
        assert_eq!(cache.get("message", &k), None, "not UTF-8");
        fs::write(&path, "feat: written by an older version").unwrap();
        assert_eq!(cache.get("message", &k), None, "no header");
    }

    #[test]
    fn prune_drops_the_least_recently_used_first() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(Some(dir.path().to_owned()), 0);
        let keys: Vec<String> = (0..4u8).map(|i| key(&[&[i]])).collect();
        let old = SystemTime::now() - std::time::Duration::from_secs(3600);
        for (i, k) in keys.iter().enumerate() {
            cache.put("summary", k, &"x".repeat(1000));
            let file = fs::File::options()
                .append(true)
                .open(cache.path("summary", k).unwrap())
                .unwrap();
            file.set_modified(old + std::time::Duration::from_secs(i as u64))
                .unwrap();
        }
        // Reading the oldest makes it the most recently used.
        assert!(cache.get("summary", &keys[0]).is_some());
        let entry = cache.stats().unwrap().bytes / 4;
        let left = cache.prune(entry * 2).unwrap();
        assert_eq!(left.entries, 2);
        assert!(cache.get("summary", &keys[0]).is_some(), "used last: kept");
        assert!(cache.get("summary", &keys[3]).is_some(), "newest: kept");
        assert!(cache.get("summary", &keys[1]).is_none());
        assert!(cache.get("summary", &keys[2]).is_none());
        assert_eq!(cache.clear().unwrap().entries, 2);
        assert_eq!(cache.stats().unwrap(), Stats::default());
    }

    #[test]
    fn clear_and_prune_touch_nothing_but_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(Some(dir.path().to_owned()), 0);
        // Someone else's files in a directory the user pointed the cache at.
        let theirs = [
            "project/src/main.c",
            "summary/notes.txt",
            "summary/ab/readme",
            &format!("message/zz/{}", "a".repeat(64)),
            &format!("message/ab/{}", "b".repeat(64)),
        ];
        for rel in theirs {
            let path = dir.path().join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "precious").unwrap();
        }
        cache.put("summary", &key(&[b"1"]), "- one");
        cache.put("message", &key(&[b"2"]), "feat: two");
        assert_eq!(cache.stats().unwrap().entries, 2);
        assert_eq!(cache.prune(0).unwrap().entries, 0);
        cache.put("summary", &key(&[b"1"]), "- one");
        assert_eq!(cache.clear().unwrap().entries, 1);
        for rel in theirs {
            assert_eq!(
                fs::read_to_string(dir.path().join(rel)).unwrap(),
                "precious",
                "{rel}"
            );
        }
    }
}
