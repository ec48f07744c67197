//! Token counts with tiktoken-rs for the model's encoding. The encoder is slow to build, so it
//! is built once, lazily, and never when a byte count already proves the text fits (a BPE
//! token is at least one byte); `prewarm` builds it on another thread while other work runs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tiktoken_rs::CoreBPE;

/// The BPE encodings we count with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// GPT-4o, GPT-4.1, GPT-5 and the o-series.
    O200k,
    /// GPT-4 and GPT-3.5.
    Cl100k,
}

/// Returns the encoding for `model`, and whether it is the model's own. Models with no known
/// tokenizer (Anthropic, Llama, Qwen, Mistral, …) are counted with o200k_base plus a margin.
pub fn encoding_for(model: &str) -> (Encoding, bool) {
    let bare = model
        .rsplit('/')
        .next()
        .unwrap_or(model)
        .to_ascii_lowercase();
    let o200k = [
        "gpt-4o",
        "gpt-4.1",
        "gpt-4.5",
        "gpt-5",
        "chatgpt-4o",
        "o1",
        "o3",
        "o4",
    ];
    if o200k.iter().any(|p| bare.starts_with(p)) {
        return (Encoding::O200k, true);
    }
    if bare.starts_with("gpt-4") || bare.starts_with("gpt-3.5") {
        return (Encoding::Cl100k, true);
    }
    (Encoding::O200k, false)
}

fn encoder(encoding: Encoding) -> &'static CoreBPE {
    match encoding {
        Encoding::O200k => tiktoken_rs::o200k_base_singleton(),
        Encoding::Cl100k => tiktoken_rs::cl100k_base_singleton(),
    }
}

/// Counts tokens for one model.
#[derive(Debug, Clone, Copy)]
pub struct Counter {
    encoding: Encoding,
    /// Multiplier on exact counts: 1 for the model's own encoding, 1 + margin otherwise.
    factor: f64,
}

impl Counter {
    /// Returns a counter for `model`; `margin` (e.g. 0.15) pads counts from a stand-in encoding.
    pub fn new(model: &str, margin: f64) -> Self {
        let (encoding, exact) = encoding_for(model);
        Counter {
            encoding,
            factor: if exact { 1.0 } else { 1.0 + margin.max(0.0) },
        }
    }

    /// What the counts depend on: the encoding and the margin.
    fn tag(&self) -> String {
        format!("{:?} x{}", self.encoding, self.factor)
    }

    /// Starts building the encoder on another thread, so the first count does not wait for it.
    pub fn prewarm(&self) {
        let encoding = self.encoding;
        std::thread::spawn(move || encoder(encoding));
    }

    /// Returns an upper bound on the tokens of `text` that needs no encoder: its byte length.
    pub fn upper_bound(&self, text: &str) -> usize {
        self.scale(text.len())
    }

    /// Returns the upper bound for a text of `bytes` bytes.
    pub fn scale_bytes(&self, bytes: usize) -> usize {
        self.scale(bytes)
    }

    fn scale(&self, tokens: usize) -> usize {
        (tokens as f64 * self.factor).ceil() as usize
    }

    /// Counts the tokens of `text` (padded by the margin for stand-in encodings).
    pub fn count(&self, text: &str) -> usize {
        self.scale(encoder(self.encoding).encode_ordinary(text).len())
    }

    /// Tells whether `text` fits in `budget` tokens, building the encoder only when the byte
    /// length cannot settle it.
    pub fn fits(&self, text: &str, budget: usize) -> bool {
        self.upper_bound(text) <= budget || self.count(text) <= budget
    }

    /// Counts many texts, in parallel on the available cores.
    pub fn count_all(&self, texts: &[&str]) -> Vec<usize> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let total: usize = texts.iter().map(|t| t.len()).sum();
        if threads == 1 || total < 256 * 1024 {
            return texts.iter().map(|t| self.count(t)).collect();
        }
        let per = texts.len().div_ceil(threads);
        let mut counts = vec![0; texts.len()];
        std::thread::scope(|scope| {
            for (texts, counts) in texts.chunks(per.max(1)).zip(counts.chunks_mut(per.max(1))) {
                scope.spawn(move || {
                    for (text, count) in texts.iter().zip(counts.iter_mut()) {
                        *count = self.count(text);
                    }
                });
            }
        });
        counts
    }
}

/// Token counts kept across runs (issue 17): a file's header and hunks counted once are not
/// counted again while its blobs stay the same, so a change asked about again (a `git commit`
/// aborted and run again, one file edited) lays out with no tokenizer at all.
///
/// Each file is kept under a key of the counter (encoding, margin), its path (and old path)
/// and its blob ids, with every piece's byte length beside its count: a piece whose length
/// differs today (other redaction, other context lines) is counted again. One small file per
/// repository, under the git dir beside the history index, holds the last change's counts:
///
/// ```text
/// git-herald token counts v1
/// <key> <bytes>:<tokens> <bytes>:<tokens> …
/// end <files>
/// ```
#[derive(Debug, Default)]
pub struct Kept {
    path: Option<PathBuf>,
    /// Read on first use: a change that bytes prove small never reads the file.
    files: std::sync::OnceLock<HashMap<String, Vec<(usize, usize)>>>,
}

const KEPT_MAGIC: &str = "git-herald token counts v1";

impl Kept {
    /// Returns the counts kept in `path` (none when it is missing or damaged), read when
    /// first asked; `None` keeps nothing.
    pub fn load(path: Option<PathBuf>) -> Kept {
        Kept {
            path,
            files: std::sync::OnceLock::new(),
        }
    }

    fn files(&self) -> &HashMap<String, Vec<(usize, usize)>> {
        self.files.get_or_init(|| {
            (self.path.as_deref())
                .and_then(|p| std::fs::read_to_string(p).ok())
                .and_then(|text| parse_kept(&text))
                .unwrap_or_default()
        })
    }

    /// The file of a repository's kept counts.
    pub fn file(git_dir: &Path) -> PathBuf {
        git_dir.join("herald").join("counts-v1")
    }

    /// The key of a file's counts: the counter, the paths and the blob ids of both sides.
    pub fn key(counter: &Counter, change: &crate::diff::FileChange) -> String {
        let old_path = change.old_path.as_ref().map_or(&[][..], |p| p.as_slice());
        crate::cache::key(&[
            counter.tag().as_bytes(),
            change.path.as_slice(),
            old_path,
            change.old_id.as_bytes(),
            change.new_id.as_bytes(),
        ])
    }

    /// The key of a text's count (a file list, a system prompt): the counter and the text.
    pub fn text_key(counter: &Counter, text: &str) -> String {
        crate::cache::key(&[counter.tag().as_bytes(), b"text", text.as_bytes()])
    }

    /// Tells whether counts are kept under `key` (their lengths are checked on use).
    pub fn has(&self, key: &str) -> bool {
        self.files().contains_key(key)
    }

    /// The counts kept under `key` for these pieces, when there are as many and each has the
    /// byte length it was counted at.
    pub fn get(&self, key: &str, pieces: &[&str]) -> Option<Vec<usize>> {
        let kept = self.files().get(key)?;
        (kept.len() == pieces.len()
            && kept
                .iter()
                .zip(pieces)
                .all(|((bytes, _), p)| *bytes == p.len()))
        .then(|| kept.iter().map(|(_, tokens)| *tokens).collect())
    }

    /// Replaces the kept counts with these (the files of today's change). Failures are
    /// ignored: counts not kept cost a tokenizer next time, nothing else.
    pub fn save(&self, files: &[(String, Vec<(usize, usize)>)]) {
        let Some(path) = &self.path else {
            return;
        };
        let old = self.files();
        let unchanged =
            files.len() == old.len() && files.iter().all(|(k, v)| old.get(k) == Some(v));
        if unchanged {
            return;
        }
        let mut out = String::with_capacity(files.len() * 100 + 64);
        out.push_str(KEPT_MAGIC);
        out.push('\n');
        for (key, pieces) in files {
            out.push_str(key);
            for (bytes, tokens) in pieces {
                out.push_str(&format!(" {bytes}:{tokens}"));
            }
            out.push('\n');
        }
        out.push_str(&format!("end {}\n", files.len()));
        let Some(dir) = path.parent() else {
            return;
        };
        let tmp = dir.join(format!(".counts-v1.{}.tmp", std::process::id()));
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&tmp, out))
            .and_then(|()| std::fs::rename(&tmp, path));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

fn parse_kept(text: &str) -> Option<HashMap<String, Vec<(usize, usize)>>> {
    let mut lines = text.split('\n');
    if lines.next()? != KEPT_MAGIC {
        return None;
    }
    let mut files = HashMap::new();
    for line in lines {
        if let Some(n) = line.strip_prefix("end ") {
            return (n.parse::<usize>().ok()? == files.len()).then_some(files);
        }
        let mut fields = line.split(' ');
        let key = fields.next()?;
        if key.len() != 64 {
            return None;
        }
        let pieces = fields
            .map(|f| {
                let (bytes, tokens) = f.split_once(':')?;
                Some((bytes.parse().ok()?, tokens.parse().ok()?))
            })
            .collect::<Option<Vec<(usize, usize)>>>()?;
        files.insert(key.to_owned(), pieces);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_by_model() {
        assert_eq!(encoding_for("gpt-4o-mini"), (Encoding::O200k, true));
        assert_eq!(encoding_for("openai/gpt-4.1"), (Encoding::O200k, true));
        assert_eq!(encoding_for("gpt-4-turbo"), (Encoding::Cl100k, true));
        assert_eq!(encoding_for("claude-haiku-4-5"), (Encoding::O200k, false));
        assert_eq!(encoding_for(""), (Encoding::O200k, false));
    }

    #[test]
    fn counts_are_exact_or_padded() {
        let exact = Counter::new("gpt-4o", 0.15);
        let text = "fn main() { println!(\"hello\"); }\n";
        let n = exact.count(text);
        assert!(n > 5 && n < text.len(), "{n}");
        let padded = Counter::new("llama3.1", 0.15);
        assert_eq!(padded.count(text), (n as f64 * 1.15).ceil() as usize);
        assert!(exact.upper_bound(text) >= n);
    }

    #[test]
    fn kept_counts_read_back_and_a_changed_piece_is_counted_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("herald").join("counts-v1");
        let kept = Kept::load(Some(path.clone()));
        assert!(!kept.has("k"));
        let key = "a".repeat(64);
        kept.save(&[(key.clone(), vec![(10, 3), (4, 1)])]);
        let kept = Kept::load(Some(path.clone()));
        assert_eq!(kept.get(&key, &["0123456789", "abcd"]), Some(vec![3, 1]));
        assert_eq!(
            kept.get(&key, &["0123456789", "abcde"]),
            None,
            "length differs"
        );
        assert_eq!(kept.get(&key, &["0123456789"]), None, "a hunk fewer");
        // Cut short: ignored.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, &text[..text.len() - 4]).unwrap();
        assert!(!Kept::load(Some(path)).has(&key));
        assert_ne!(
            Kept::text_key(&Counter::new("gpt-4o", 0.15), "x"),
            Kept::text_key(&Counter::new("llama3", 0.15), "x"),
            "a stand-in encoding is padded: another key"
        );
    }

    #[test]
    fn fits_settles_small_texts_without_counting() {
        let c = Counter::new("gpt-4o", 0.0);
        assert!(c.fits("short", 5));
        assert!(!c.fits(&"word ".repeat(100), 10));
        let texts = ["a b c", "fn x() {}", ""];
        assert_eq!(c.count_all(&texts), texts.map(|t| c.count(t)).to_vec());
    }
}
