//! Packs a diff into chunks that each fit a token budget: whole files where they fit, a file
//! too big for one chunk split at hunk boundaries, a hunk too big split at line boundaries,
//! with the file header repeated in every piece. Order is kept; every line lands in exactly
//! one chunk.

/// One file's diff text, cut at hunk boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileText {
    pub path: String,
    /// `diff --git` through `+++`, each line ending in `\n`.
    pub header: String,
    /// Each hunk from its `@@` line, each line ending in `\n`.
    pub hunks: Vec<String>,
}

/// A chunk ready to summarise.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chunk {
    pub text: String,
    /// Tokens as counted when packing (an upper bound of the text's own count).
    pub tokens: usize,
    /// The files with text in this chunk, in order.
    pub paths: Vec<String>,
}

/// The line that opens the continuation of a hunk split across chunks.
pub const CONTINUED: &str = "@@ (hunk continued) @@\n";

/// Tokens added where two counted pieces are joined (BPE may split differently at a seam).
const SEAM: usize = 1;

struct Packer<'a> {
    budget: usize,
    count: &'a dyn Fn(&str) -> usize,
    chunks: Vec<Chunk>,
    current: Chunk,
}

impl Packer<'_> {
    fn room(&self) -> usize {
        self.budget.saturating_sub(self.current.tokens)
    }

    fn flush(&mut self) {
        if !self.current.text.is_empty() {
            self.chunks.push(std::mem::take(&mut self.current));
        }
    }

    /// Adds a piece of `path` that is known to fit an empty chunk.
    fn place(&mut self, path: &str, text: &str, tokens: usize) {
        if tokens + SEAM > self.room() {
            self.flush();
        }
        self.current.text.push_str(text);
        self.current.tokens += tokens + SEAM;
        if self.current.paths.last().map(String::as_str) != Some(path) {
            self.current.paths.push(path.to_owned());
        }
    }
}

/// FNV-1a, for anchors that depend on a path alone and never change between runs.
fn path_hash(path: &str) -> u64 {
    path.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Packs `files` into chunks of at most `budget` tokens as measured by `count`.
///
/// Chunks also end at "anchor" files chosen by a hash of the path, so editing one file moves
/// no boundary elsewhere: the other chunks, and their cached summaries, stay the same.
pub fn pack(files: &[FileText], budget: usize, count: &dyn Fn(&str) -> usize) -> Vec<Chunk> {
    let counts: Vec<FileCounts> = files
        .iter()
        .map(|f| FileCounts {
            header: count(&f.header),
            hunks: f.hunks.iter().map(|h| count(h)).collect(),
        })
        .collect();
    pack_counted(files, &counts, budget, count)
}

/// Token counts of one file's header and hunks, computed once (in parallel, by the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileCounts {
    pub header: usize,
    pub hunks: Vec<usize>,
}

impl FileCounts {
    /// Returns the file's tokens as packed whole.
    pub fn total(&self) -> usize {
        self.header + self.hunks.iter().sum::<usize>() + SEAM * self.hunks.len()
    }
}

/// Packs as `pack` does, with each file's counts given (`counts[i]` for `files[i]`); `count`
/// is used only for the pieces of hunks that must be split.
pub fn pack_counted(
    files: &[FileText],
    counts: &[FileCounts],
    budget: usize,
    count: &dyn Fn(&str) -> usize,
) -> Vec<Chunk> {
    let mut packer = Packer {
        budget,
        count,
        chunks: Vec::new(),
        current: Chunk::default(),
    };
    for (file, counts) in files.iter().zip(counts) {
        pack_file(&mut packer, file, counts);
        // Content-defined boundaries: once a chunk is two-thirds full, it ends after the next
        // file whose path hashes to an anchor (one in four). Where chunks end then depends on
        // the paths, not on the sizes before them, so an edit moves at most its own boundary.
        if packer.current.tokens * 3 >= budget * 2 && path_hash(&file.path).is_multiple_of(4) {
            packer.flush();
        }
    }
    packer.flush();
    packer.chunks
}

fn pack_file(packer: &mut Packer<'_>, file: &FileText, counts: &FileCounts) {
    let budget = packer.budget;
    let header_tokens = counts.header;
    let hunk_tokens = &counts.hunks;
    let whole = counts.total();
    if whole + SEAM <= budget {
        let text: String = std::iter::once(file.header.as_str())
            .chain(file.hunks.iter().map(String::as_str))
            .collect();
        packer.place(&file.path, &text, whole);
        return;
    }
    split_file(packer, file, header_tokens, hunk_tokens);
}

/// Places a file that does not fit one chunk: runs of hunks under a repeated header.
fn split_file(
    packer: &mut Packer<'_>,
    file: &FileText,
    header_tokens: usize,
    hunk_tokens: &[usize],
) {
    let budget = packer.budget;
    let mut piece = file.header.clone();
    let mut piece_tokens = header_tokens;
    let mut has_hunk = false;
    for (hunk, &tokens) in file.hunks.iter().zip(hunk_tokens) {
        if header_tokens + tokens + 3 * SEAM > budget {
            if has_hunk {
                packer.place(&file.path, &piece, piece_tokens);
                piece = file.header.clone();
                piece_tokens = header_tokens;
                has_hunk = false;
            }
            split_hunk(packer, file, header_tokens, hunk);
            continue;
        }
        if piece_tokens + tokens + 2 * SEAM > budget {
            packer.place(&file.path, &piece, piece_tokens);
            piece = file.header.clone();
            piece_tokens = header_tokens;
        }
        piece.push_str(hunk);
        piece_tokens += tokens + SEAM;
        has_hunk = true;
    }
    if has_hunk {
        packer.place(&file.path, &piece, piece_tokens);
    }
}

/// Places one hunk too big for a chunk: runs of lines, each under the header (and after the
/// first, a `CONTINUED` line). A single line longer than a chunk is cut into parts.
fn split_hunk(packer: &mut Packer<'_>, file: &FileText, header_tokens: usize, hunk: &str) {
    let count = packer.count;
    let budget = packer.budget;
    let marker_tokens = count(CONTINUED);
    let base = header_tokens + marker_tokens + 3 * SEAM;
    let line_room = budget.saturating_sub(base).max(1);
    let mut piece = file.header.clone();
    let mut piece_tokens = header_tokens;
    let mut lines_in_piece = 0;
    let mut first_piece = true;
    let emit = |packer: &mut Packer<'_>, piece: &mut String, tokens: &mut usize| {
        packer.place(&file.path, piece, *tokens);
        piece.clear();
        piece.push_str(&file.header);
        piece.push_str(CONTINUED);
        *tokens = header_tokens + marker_tokens + SEAM;
    };
    for line in hunk.split_inclusive('\n') {
        let mut parts = vec![line.to_owned()];
        let mut line_tokens = count(line);
        if line_tokens > line_room {
            parts = cut(line, line_room, count);
            line_tokens = 0;
        }
        for part in parts {
            let tokens = if line_tokens > 0 {
                line_tokens
            } else {
                count(&part)
            };
            if lines_in_piece > 0 && piece_tokens + tokens + SEAM > budget.saturating_sub(SEAM) {
                emit(packer, &mut piece, &mut piece_tokens);
                lines_in_piece = 0;
                first_piece = false;
            } else if lines_in_piece == 0 && !first_piece && !piece.ends_with(CONTINUED) {
                piece.push_str(CONTINUED);
                piece_tokens += marker_tokens + SEAM;
            }
            piece.push_str(&part);
            piece_tokens += tokens + SEAM;
            lines_in_piece += 1;
        }
    }
    if lines_in_piece > 0 {
        packer.place(&file.path, &piece, piece_tokens);
    }
}

/// Cuts a line into parts of at most `room` tokens each, at character boundaries.
fn cut(line: &str, room: usize, count: &dyn Fn(&str) -> usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        // Binary search the longest prefix (on char boundaries) that fits.
        let (mut lo, mut hi) = (1, rest.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let end = floor_boundary(rest, mid);
            if end > 0 && count(&rest[..end]) <= room {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let mut end = floor_boundary(rest, lo);
        if end == 0 {
            end = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        let mut part = rest[..end].to_owned();
        if !part.ends_with('\n') {
            part.push('\n');
        }
        parts.push(part);
        rest = &rest[end..];
        if rest == "\n" {
            break;
        }
    }
    parts
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::Counter;

    fn file(path: &str, hunks: usize, lines: usize, width: usize) -> FileText {
        FileText {
            path: path.into(),
            header: format!("diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"),
            hunks: (0..hunks)
                .map(|h| {
                    let mut text = format!("@@ -{h},{lines} +{h},{lines} @@ fn f{h}()\n");
                    for l in 0..lines {
                        text.push_str(&format!(
                            "+{path} hunk {h} line {l} {}\n",
                            "x".repeat(width)
                        ));
                    }
                    text
                })
                .collect(),
        }
    }

    /// Every body line of the input appears in exactly one chunk, in order.
    fn assert_lines_kept_once(files: &[FileText], chunks: &[Chunk]) {
        let input: Vec<&str> = files
            .iter()
            .flat_map(|f| f.hunks.iter().flat_map(|h| h.lines()))
            .collect();
        let headers: std::collections::HashSet<&str> =
            files.iter().flat_map(|f| f.header.lines()).collect();
        let output: Vec<&str> = chunks
            .iter()
            .flat_map(|c| c.text.lines())
            .filter(|l| !headers.contains(l) && *l != CONTINUED.trim_end())
            .collect();
        assert_eq!(input, output);
    }

    #[test]
    fn whole_files_share_chunks_in_order() {
        let bytes = |s: &str| s.len();
        let files = [
            file("a.rs", 1, 3, 5),
            file("b.rs", 1, 3, 5),
            file("c.rs", 1, 3, 5),
        ];
        let chunks = pack(&files, 10_000, &bytes);
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].paths, ["a.rs", "b.rs", "c.rs"]);
        assert_lines_kept_once(&files, &chunks);
    }

    #[test]
    fn budgets_hold_with_the_real_tokenizer_for_every_shape() {
        let counter = Counter::new("gpt-4o", 0.0);
        let count = |s: &str| counter.count(s);
        let shapes = [
            vec![file("small.rs", 2, 4, 3)],
            vec![
                file("a.rs", 3, 30, 10),
                file("b.rs", 1, 2, 2),
                file("c.rs", 6, 8, 40),
            ],
            vec![file("huge_hunk.rs", 1, 400, 20)],
            vec![file("many.rs", 40, 3, 5), file("x.rs", 1, 1, 1)],
        ];
        for budget in [120, 300, 1_000, 5_000] {
            for files in &shapes {
                let chunks = pack(files, budget, &count);
                for chunk in &chunks {
                    let real = counter.count(&chunk.text);
                    assert!(
                        real <= budget,
                        "chunk of {real} tokens over budget {budget}"
                    );
                    assert!(
                        real <= chunk.tokens,
                        "packing under-counted: {real} > {}",
                        chunk.tokens
                    );
                }
                assert_lines_kept_once(files, &chunks);
                // Every piece carries its file's header.
                for chunk in &chunks {
                    assert!(
                        chunk.text.starts_with("diff --git"),
                        "{}",
                        &chunk.text[..40]
                    );
                }
            }
        }
    }

    #[test]
    fn a_giant_line_is_cut_to_fit() {
        let counter = Counter::new("gpt-4o", 0.0);
        let count = |s: &str| counter.count(s);
        let files = [FileText {
            path: "min.js".into(),
            header: "diff --git a/min.js b/min.js\n".into(),
            hunks: vec![format!("@@ -1 +1 @@\n+{}\n", "abc, def; ".repeat(3_000))],
        }];
        let chunks = pack(&files, 500, &count);
        assert!(chunks.len() > 5);
        for chunk in &chunks {
            assert!(counter.count(&chunk.text) <= 500);
        }
        let joined: String = chunks
            .iter()
            .flat_map(|c| c.text.lines().skip(1))
            .filter(|l| *l != CONTINUED.trim_end())
            .collect();
        assert_eq!(joined.matches("abc, def;").count(), 3_000);
    }

    #[test]
    fn editing_one_file_changes_only_its_chunk() {
        let bytes = |s: &str| s.len() / 3;
        let files: Vec<FileText> = (0..300)
            .map(|i| file(&format!("src/m{i}.rs"), 1, 4, 30))
            .collect();
        let before = pack(&files, 3_000, &bytes);
        let mut edited = files.clone();
        edited[150].hunks[0].push_str("+one more line in the edited file, quite a long one\n");
        let after = pack(&edited, 3_000, &bytes);
        assert!(before.len() > 10);
        let changed = before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a.text != b.text)
            .count();
        assert_eq!(before.len(), after.len());
        assert_eq!(changed, 1, "only the edited file's chunk differs");
    }

    #[test]
    fn empty_input_gives_no_chunks() {
        assert!(pack(&[], 100, &|s: &str| s.len()).is_empty());
    }
}
