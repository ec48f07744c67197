//! Token counts with tiktoken-rs for the model's encoding. The encoder is slow to build, so it
//! is built once, lazily, and never when a byte count already proves the text fits (a BPE
//! token is at least one byte); `prewarm` builds it on another thread while other work runs.

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
    fn fits_settles_small_texts_without_counting() {
        let c = Counter::new("gpt-4o", 0.0);
        assert!(c.fits("short", 5));
        assert!(!c.fits(&"word ".repeat(100), 10));
        let texts = ["a b c", "fn x() {}", ""];
        assert_eq!(c.count_all(&texts), texts.map(|t| c.count(t)).to_vec());
    }
}
