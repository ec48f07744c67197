//! The answer cache: chunk summaries and final messages on disk, keyed by a hash of everything
//! that shapes them, so an aborted `git commit` run again costs no model calls.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// A cache directory, or none (caching off).
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
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

impl Cache {
    /// Returns a cache in `dir`, or a cache that keeps nothing.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Cache { dir }
    }

    fn path(&self, kind: &str, key: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(dir.join(kind).join(&key[..2]).join(key))
    }

    /// Returns a stored answer.
    pub fn get(&self, kind: &str, key: &str) -> Option<String> {
        fs::read_to_string(self.path(kind, key)?).ok()
    }

    /// Stores an answer. Failures are ignored: a cache that cannot be written costs calls,
    /// never a commit.
    pub fn put(&self, kind: &str, key: &str, value: &str) {
        let Some(path) = self.path(kind, key) else {
            return;
        };
        let _ = write_atomic(&path, value);
    }
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
        let cache = Cache::new(Some(dir.path().to_owned()));
        let k = key(&[b"chunk"]);
        assert_eq!(cache.get("summary", &k), None);
        cache.put("summary", &k, "- adds a parser");
        assert_eq!(cache.get("summary", &k).as_deref(), Some("- adds a parser"));
        let off = Cache::default();
        off.put("summary", &k, "x");
        assert_eq!(off.get("summary", &k), None);
    }
}
