//! Token counts for the model's encoding, exactly tiktoken-rs's `encode_ordinary(..).len()`:
//! the text is split with tiktoken's pattern (fancy-regex, as tiktoken-rs does) and each piece
//! that is not itself a token is merged with tiktoken-rs's `byte_pair_split` (a piece of 100
//! bytes or more with tiktoken's heap merge, which tiktoken-rs does not export; see
//! `Bpe::merge_long`). Where tiktoken-rs would panic (fancy-regex gives up on a split), the
//! rest of the text counts its bytes, an upper bound.
//!
//! The vocabulary is git-herald's raw copy of tiktoken's (`assets/tokens/`, see its README):
//! tiktoken-rs's encoders parse base64 and build maps that counting never uses (85-110 ms for
//! o200k_base), while the raw copy loads into one table in a few milliseconds. That is still
//! the floor of a change never counted, so each encoding is loaded once, lazily, and never
//! when a byte count already proves the text fits (a BPE token is at least one byte);
//! `prewarm` loads it on another thread while other work runs.

use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tiktoken_rs::Rank;

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

/// o200k_base's tokens, raw, made by `scripts/gen-token-vocab.py` from tiktoken-rs's copy.
const O200K_VOCAB: &[u8] = include_bytes!("../assets/tokens/o200k_base.bin");
/// cl100k_base's tokens, likewise.
const CL100K_VOCAB: &[u8] = include_bytes!("../assets/tokens/cl100k_base.bin");
/// cl100k_base's split pattern as tiktoken-rs 0.12 writes it in `cl100k_base()` (it exports
/// o200k_base's as `O200K_BASE_PAT_STR`, not this one); the tests compare counts with it.
const CL100K_PAT: &str = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";

/// One encoding: its tokens by bytes, and the pattern that splits text into pieces.
struct Bpe {
    /// Every token, keyed by its bytes in the embedded vocabulary: one table, no allocation
    /// per token. (tiktoken-rs keys its map with a `Vec<u8>` per token; 200,000 allocations
    /// cost more than the rest of the build, above all on the thread `prewarm` starts, whose
    /// glibc arena grows a page at a time.)
    ranks: FxHashMap<&'static [u8], Rank>,
    /// The longest token, in bytes.
    longest: usize,
    pattern: fancy_regex::Regex,
}

impl Bpe {
    /// Reads a vocabulary written by `scripts/gen-token-vocab.py`: a little-endian `u32`
    /// count N, N one-byte token lengths in rank order, then the tokens' bytes in rank order.
    fn load(vocab: &'static [u8], pattern: &str) -> Bpe {
        let (count, rest) = vocab.split_at(4);
        let n = u32::from_le_bytes(count.try_into().expect("four bytes")) as usize;
        let (lengths, mut bytes) = rest.split_at(n);
        let mut ranks = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for (rank, &len) in (0..).zip(lengths) {
            let (token, rest) = bytes.split_at(usize::from(len));
            ranks.insert(token, rank);
            bytes = rest;
        }
        assert!(
            bytes.is_empty() && ranks.len() == n,
            "damaged token vocabulary"
        );
        Bpe {
            ranks,
            longest: lengths.iter().copied().max().map_or(0, usize::from),
            pattern: fancy_regex::Regex::new(pattern).expect("tiktoken's pattern compiles"),
        }
    }

    /// The number of tokens tiktoken's `encode_ordinary` gives `text`: the same split, and
    /// the same merge for pieces that are not a token. Where fancy-regex gives up on the
    /// split (its backtracking limit: a run of a million spaces before a letter), the rest of
    /// the text counts its bytes, an upper bound; tiktoken-rs panics there.
    fn count(&self, text: &str) -> usize {
        let mut tokens = 0;
        let mut done = 0;
        // The tokens inside the piece being merged, as tiktoken-rs's merge takes them.
        let mut inside = FxHashMap::default();
        for piece in self.pattern.find_iter(text) {
            let Ok(piece) = piece else {
                return tokens + (text.len() - done);
            };
            done = piece.end();
            let piece = piece.as_str().as_bytes();
            tokens += if self.ranks.contains_key(piece) {
                1
            } else if piece.len() < LONG_PIECE {
                self.merge(piece, &mut inside)
            } else {
                self.merge_long(piece)
            };
        }
        tokens
    }

    /// The number of tokens `piece` (at least two bytes, not itself a token) merges into,
    /// with tiktoken-rs's `byte_pair_split`. That merge only ever looks up ranges of the
    /// piece of two bytes or more, so it is given a map of just those that are tokens: the
    /// same answers as the whole vocabulary's, and no map of 200,000 `Vec<u8>` to build.
    fn merge(&self, piece: &[u8], inside: &mut FxHashMap<Vec<u8>, Rank>) -> usize {
        inside.clear();
        for start in 0..piece.len() {
            for end in start + 2..=piece.len().min(start + self.longest) {
                let part = &piece[start..end];
                if let Some(&rank) = self.ranks.get(part) {
                    inside.insert(part.to_vec(), rank);
                }
            }
        }
        tiktoken_rs::byte_pair_split(piece, inside).len()
    }

    /// The number of tokens a long `piece` (not itself a token) merges into. This is
    /// tiktoken's `_byte_pair_merge_large` (MIT; as vendored in tiktoken-rs 0.12, which does
    /// not export it), cut down to counting: `encode_ordinary` merges pieces of 100 bytes or
    /// more with it, in O(n log n), where the `byte_pair_split` above rescans the whole piece
    /// after each merge, O(n²) (minutes for a 100 KB run of spaces). Both merge the pair of
    /// lowest rank first, the leftmost on a tie, so they agree; the tests check it.
    fn merge_long(&self, piece: &[u8]) -> usize {
        #[derive(PartialEq, Eq)]
        struct Merge {
            start: usize,
            rank: Rank,
        }
        impl Ord for Merge {
            // The heap pops the lowest rank, then the leftmost start.
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                (other.rank, other.start).cmp(&(self.rank, self.start))
            }
        }
        impl PartialOrd for Merge {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        /// The part starting at an index: where it ends, where the part after it ends, the
        /// rank of the two merged (MAX if not a token), and the part before it.
        struct Part {
            prev: usize,
            end: usize,
            next_end: usize,
            next_rank: Rank,
        }
        let rank = |range: std::ops::Range<usize>| self.ranks.get(&piece[range]).copied();
        let mut heap = std::collections::BinaryHeap::with_capacity(piece.len());
        let mut parts: Vec<Part> = (0..piece.len())
            .map(|i| {
                let pair = (i + 2 <= piece.len()).then(|| rank(i..i + 2)).flatten();
                if let Some(rank) = pair {
                    heap.push(Merge { start: i, rank });
                }
                Part {
                    prev: i.wrapping_sub(1),
                    end: i + 1,
                    next_end: i + 2,
                    next_rank: pair.unwrap_or(Rank::MAX),
                }
            })
            .collect();
        // Points the part at `start` at the one ending at `next_end`, ranking the two merged.
        let potential = |parts: &mut [Part],
                         heap: &mut std::collections::BinaryHeap<Merge>,
                         start: usize,
                         next_end: usize| {
            parts[start].next_end = next_end;
            parts[start].next_rank = Rank::MAX;
            if next_end <= piece.len()
                && let Some(rank) = rank(start..next_end)
            {
                heap.push(Merge { start, rank });
                parts[start].next_rank = rank;
            }
        };
        while let Some(left) = heap.pop() {
            if left.rank != parts[left.start].next_rank {
                continue; // Merged away since it was pushed.
            }
            let left_start = left.start;
            let right_start = parts[left_start].end;
            let right_end = parts[left_start].next_end;
            let right_next_end = parts[right_start].next_end;
            parts[left_start].end = right_end;
            potential(&mut parts, &mut heap, left_start, right_next_end);
            if right_end < parts.len() {
                parts[right_end].prev = left_start;
            }
            if left_start > 0 {
                let prev_start = parts[left_start].prev;
                potential(&mut parts, &mut heap, prev_start, right_end);
            }
            parts[right_start].next_rank = Rank::MAX;
        }
        let mut tokens = 0;
        let mut i = 0;
        while i < parts.len() {
            tokens += 1;
            i = parts[i].end;
        }
        tokens
    }
}

/// The length from which tiktoken merges a piece with its heap (`Bpe::merge_long`).
const LONG_PIECE: usize = 100;

/// The encoder of `encoding`, built on first use.
fn encoder(encoding: Encoding) -> &'static Bpe {
    static O200K: OnceLock<Bpe> = OnceLock::new();
    static CL100K: OnceLock<Bpe> = OnceLock::new();
    match encoding {
        Encoding::O200k => {
            O200K.get_or_init(|| Bpe::load(O200K_VOCAB, tiktoken_rs::O200K_BASE_PAT_STR))
        }
        Encoding::Cl100k => CL100K.get_or_init(|| Bpe::load(CL100K_VOCAB, CL100K_PAT)),
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
        self.scale(encoder(self.encoding).count(text))
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

    /// tiktoken-rs's own encoder: the reference every count must equal.
    fn reference(encoding: Encoding) -> &'static tiktoken_rs::CoreBPE {
        match encoding {
            Encoding::O200k => tiktoken_rs::o200k_base_singleton(),
            Encoding::Cl100k => tiktoken_rs::cl100k_base_singleton(),
        }
    }

    #[test]
    fn the_vocabularies_are_tiktoken_rs_own() {
        for (encoding, n) in [(Encoding::O200k, 199_998), (Encoding::Cl100k, 100_256)] {
            let (ours, theirs) = (encoder(encoding), reference(encoding));
            assert_eq!(ours.ranks.len(), n, "{encoding:?}");
            // n tokens, each with a rank below n that decodes to it: every rank 0..n, once.
            for (&token, &rank) in &ours.ranks {
                assert!((rank as usize) < n, "{encoding:?} rank {rank}");
                assert_eq!(
                    theirs.decode_bytes(&[rank]).unwrap(),
                    token,
                    "{encoding:?} {rank}"
                );
            }
            // And tiktoken-rs has no ordinary token past them (the next rank is no token).
            assert!(theirs.decode_bytes(&[n as Rank]).is_err(), "{encoding:?}");
            assert_eq!(ours.longest, 128);
        }
    }

    /// This repository's sources, fixtures (secrets too) and README, and texts made to reach
    /// the corners of the split patterns and of the merges.
    fn corpus() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("README.md")];
        let mut dirs = vec![root.join("src"), root.join("fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut texts: Vec<(String, String)> = (files.iter())
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                (
                    p.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                )
            })
            .collect();
        assert!(texts.len() > 100, "{} files", texts.len());
        assert!(
            texts
                .iter()
                .any(|(name, _)| name.contains("fixtures/secrets/"))
        );
        let mut line = String::new();
        for i in 0.. {
            if line.len() >= 100_000 {
                break;
            }
            line.push_str(&format!("let value_{i} = compute(x, y[{i}]) + 42; "));
        }
        // Letters with no break: one piece of 100 KB, not in any vocabulary.
        let mut state = 17u32;
        let letters: String = (0..100_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + ((state >> 16) % 26) as u8)
            })
            .collect();
        let generated = [
            (
                "non-ASCII",
                "Grüße aus Köln: naïve café, ÆØÅ æøå. 日本語のテキストと漢字、中文文本。 \
                 Ελληνικά κείμενα, русский ТЕКСТ, العربية, हिन्दी, 한국어 문장, ﬁ ligature \
                 e\u{301}te\u{301} (combining), Straße STRASSE ǅ Ǆ ǆ\n"
                    .repeat(20),
            ),
            (
                "emoji",
                "👍🏽 ship it 🚀🚀🚀 family 👨\u{200d}👩\u{200d}👧 flags 🇫🇷🇯🇵 ✨fix✨ ❤️‍🔥 🤖!\n"
                    .repeat(20),
            ),
            (
                "CRLF",
                "line one\r\nline two\r\n\r\n\tindented\r\n  spaces then CR \r\r\n\r\r\n}\r\n"
                    .repeat(50),
            ),
            (
                "whitespace runs",
                format!(
                    "a{}b{}c{}d\n{}{}e   \n\n   {}",
                    " ".repeat(10_000),
                    "\t".repeat(3_000),
                    "\n".repeat(2_000),
                    " \t\r\n\u{a0}\u{3000}".repeat(500),
                    " ".repeat(100_000),
                    " ".repeat(150),
                ),
            ),
            (
                "digits",
                "0 12 345 6789 1234567890 3.14159 -42 1e10 0x1F 1_000_000 ١٢٣٤ ½ ²³ Ⅻ \
                 v1.2.3 2026-12-04T23:55:00Z 12345678901234567890123\n"
                    .repeat(20),
            ),
            (
                "apostrophes",
                "it's they're we've I'm you'll he'd IT'S THEY'RE We'Ve I'D don't can't \
                 'quoted' ’curly’ rock'n'roll 's 're 'll x'' ''s '\n"
                    .repeat(20),
            ),
            ("100 KB line", line),
            ("100 KB of letters", letters),
            ("100 KB of dashes", "-=".repeat(50_000)),
            (
                "next to invalid UTF-8",
                String::from_utf8_lossy(
                    b"ok\xff\xfeword \xc3(a) 12\xe2\x82 \xf0\x9f\x98x\n\xa0 \xff\xff\n",
                )
                .repeat(50),
            ),
            ("empty", String::new()),
        ];
        texts.extend(generated.map(|(name, text)| (name.to_owned(), text)));
        texts
    }

    #[test]
    fn counts_are_tiktoken_rs_own_on_a_corpus() {
        let texts = corpus();
        for encoding in [Encoding::O200k, Encoding::Cl100k] {
            let (ours, theirs) = (encoder(encoding), reference(encoding));
            let mut total = 0;
            for (name, text) in &texts {
                let n = theirs.encode_ordinary(text).len();
                assert_eq!(ours.count(text), n, "{encoding:?} on {name}");
                total += n;
            }
            assert!(total > 300_000, "{encoding:?}: {total} tokens");
        }
    }

    #[test]
    fn text_fancy_regex_cannot_split_counts_its_bytes() {
        // tiktoken-rs panics on this text (fancy-regex's backtracking limit): the counter
        // counts the text it could split, then the rest's bytes.
        let text = format!("word {}x", " ".repeat(1_000_000));
        for encoding in [Encoding::O200k, Encoding::Cl100k] {
            let bpe = encoder(encoding);
            assert!(
                bpe.pattern.find_iter(&text).any(|m| m.is_err()),
                "{encoding:?}"
            );
            assert_eq!(
                bpe.count(&text),
                1 + (text.len() - "word".len()),
                "{encoding:?}"
            );
        }
    }

    #[test]
    fn the_corpus_catches_a_wrong_split_or_vocabulary() {
        // The test above would fail on these: o200k_base's tokens split with cl100k_base's
        // pattern, a vocabulary missing one common token, and a long-piece merge off by one.
        let texts = corpus();
        let theirs = reference(Encoding::O200k);
        let differs = |count: &dyn Fn(&str) -> usize| {
            (texts.iter()).any(|(_, text)| count(text) != theirs.encode_ordinary(text).len())
        };
        let split = Bpe::load(O200K_VOCAB, CL100K_PAT);
        assert!(differs(&|t| split.count(t)));
        let mut missing = Bpe::load(O200K_VOCAB, tiktoken_rs::O200K_BASE_PAT_STR);
        assert!(missing.ranks.remove(&b" the"[..]).is_some());
        assert!(differs(&|t| missing.count(t)));
        let ours = encoder(Encoding::O200k);
        let short_only = |t: &str| {
            let mut inside = FxHashMap::default();
            (ours.pattern.find_iter(t))
                .map(|p| p.unwrap().as_str().as_bytes())
                .map(|p| match ours.ranks.contains_key(p) {
                    true => 1,
                    false if p.len() < LONG_PIECE => ours.merge(p, &mut inside),
                    false => ours.merge_long(p) + 1,
                })
                .sum()
        };
        assert!(differs(&short_only));
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
