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
        let dir = self.dir.as_ref()?;
        Some(dir.join(kind).join(key.get(..2)?).join(key))
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

    /// Removes every entry; returns what was removed.
    pub fn clear(&self) -> std::io::Result<Stats> {
        let stats = self.stats()?;
        if let Some(dir) = &self.dir {
            for kind in fs::read_dir(dir)? {
                let kind = kind?;
                if kind.file_type()?.is_dir() {
                    fs::remove_dir_all(kind.path())?;
                }
            }
        }
        Ok(stats)
    }

    /// Lists every entry: path, size, last use.
    fn entries(&self) -> std::io::Result<Vec<(PathBuf, u64, SystemTime)>> {
        let mut out = Vec::new();
        let Some(dir) = &self.dir else {
            return Ok(out);
        };
        let kinds = match fs::read_dir(dir) {
            Ok(kinds) => kinds,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(e),
        };
        for kind in kinds.flatten() {
            for shard in fs::read_dir(kind.path()).into_iter().flatten().flatten() {
                for entry in fs::read_dir(shard.path()).into_iter().flatten().flatten() {
                    let Ok(meta) = entry.metadata() else { continue };
                    if meta.is_file() {
                        let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                        out.push((entry.path(), meta.len(), used));
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Returns the value of an entry, or `None` when it is not a whole entry of this format.
fn decode(text: &str) -> Option<&str> {
    let (head, value) = text.split_once('\n')?;
    let len: usize = head.strip_prefix(MAGIC)?.trim().parse().ok()?;
    (value.len() == len).then_some(value)
}

fn write_atomic(path: &Path, value: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        std::process::id()
    ));
    fs::write(&tmp, value)?;
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
}
