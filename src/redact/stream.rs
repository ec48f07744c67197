//! Redacting an input of any size piece by piece: read a few MiB, cut where nothing that
//! spans lines can straddle the cut, redact that piece, hand it on, go on. Memory holds one
//! piece (or one file of a diff, when a file is larger) instead of the input and its copy.
//!
//! A diff is cut before a `diff --git` line, so each file is redacted whole (its key blocks,
//! block scalars and line numbers are its own). Plain text is cut after a blank line that is
//! followed by an unindented line and is outside any `-----BEGIN` … `-----END` block.

use super::doc::{Doc, Files, looks_like_diff};
use super::scan::apply;
use super::{Finding, Redactor};
use bstr::ByteSlice;
use std::io::{self, Read};

/// How much is read before a cut is looked for.
const PIECE: usize = 4 << 20;

/// Where the next piece may end in `buf` (an offset after 0), if anywhere.
fn cut(buf: &[u8], diff: bool) -> Option<usize> {
    if diff {
        return buf
            .rfind(b"\ndiff --git ")
            .map(|p| p + 1)
            .filter(|&p| p > 0);
    }
    let mut end = buf.len();
    // The last `-----BEGIN` before the candidate, and where the first `-----END` after it is.
    let mut begin = buf.rfind(b"-----BEGIN");
    let mut begin_end = begin.map(|b| buf[b..].find(b"-----END").map(|e| b + e));
    while let Some(p) = buf[..end].rfind(b"\n\n") {
        let at = p + 2;
        while let Some(b) = begin.filter(|&b| b >= at) {
            begin = buf[..b].rfind(b"-----BEGIN");
            begin_end = begin.map(|b| buf[b..].find(b"-----END").map(|e| b + e));
        }
        // Inside a key block (a `BEGIN` with no `END` yet): look before the block.
        if let Some(b) = begin
            && begin_end.flatten().is_none_or(|e| e >= at)
        {
            end = b;
            continue;
        }
        if buf
            .get(at)
            .is_some_and(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            return Some(at);
        }
        end = p;
    }
    None
}

/// Reads until `buf` holds at least `want` bytes or the input ends; tells whether it ended.
fn fill(input: &mut dyn Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    while buf.len() < want {
        let len = buf.len();
        buf.resize(want.max(len + 64 * 1024), 0);
        let n = loop {
            match input.read(&mut buf[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    buf.truncate(len);
                    return Err(e);
                }
            }
        };
        buf.truncate(len + n);
        if n == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// An error while redacting a stream: reading the input, or handing a piece on.
#[derive(Debug, thiserror::Error)]
pub enum StreamError<E: std::error::Error + 'static> {
    #[error("failed to read the input")]
    Read(#[source] io::Error),
    #[error(transparent)]
    Emit(E),
}

impl Redactor {
    /// Redacts all of `input` (from `file`, a path or a label such as `<stdin>`) as
    /// [`Redactor::redact_bytes`] does, handing the redacted text to `emit` piece by piece as
    /// it goes; returns the findings. A diff stays a diff, and line numbers are the whole
    /// input's.
    pub fn redact_stream<E: std::error::Error + 'static>(
        &self,
        input: &mut dyn Read,
        file: &str,
        emit: &mut dyn FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<Vec<Finding>, StreamError<E>> {
        self.redact_pieces(input, file, emit, PIECE)
    }

    fn redact_pieces<E: std::error::Error + 'static>(
        &self,
        input: &mut dyn Read,
        file: &str,
        emit: &mut dyn FnMut(&[u8]) -> Result<(), E>,
        piece_len: usize,
    ) -> Result<Vec<Finding>, StreamError<E>> {
        let mut buf = Vec::new();
        let mut ended = fill(input, &mut buf, piece_len).map_err(StreamError::Read)?;
        let diff = looks_like_diff(&buf);
        // Large inputs search with the faster automaton from the first piece on.
        let size_hint = if ended { buf.len() } else { usize::MAX / 2 };
        let allowed = !diff && self.is_allowed_path(file.as_bytes());
        let mut findings = Vec::new();
        let mut lines_before = 0;
        loop {
            let end = if ended {
                buf.len()
            } else {
                match cut(&buf, diff) {
                    Some(end) => end,
                    None => {
                        // Nowhere to cut yet: read on (one file of a diff is kept whole).
                        let want = buf.len() + piece_len;
                        ended = fill(input, &mut buf, want).map_err(StreamError::Read)?;
                        continue;
                    }
                }
            };
            let piece = &buf[..end];
            if allowed {
                emit(piece).map_err(StreamError::Emit)?;
            } else {
                let doc = Doc {
                    text: piece,
                    size_hint,
                    diff,
                    files: if diff {
                        Doc::diff_text(piece, file).files
                    } else {
                        Files::One {
                            path: file.as_bytes(),
                            lang: super::generic::lang_of(file.as_bytes()),
                        }
                    },
                };
                let spans = self.scan(&doc);
                findings.extend(doc.findings(self, &spans, lines_before));
                if spans.is_empty() {
                    emit(piece).map_err(StreamError::Emit)?;
                } else {
                    emit(&apply(piece, &spans, &self.rules)).map_err(StreamError::Emit)?;
                }
            }
            if ended && end == buf.len() {
                return Ok(findings);
            }
            lines_before += piece.iter().filter(|&&b| b == b'\n').count();
            buf.drain(..end);
            if !ended {
                let want = piece_len.max(buf.len() + piece_len / 2);
                ended = fill(input, &mut buf, want).map_err(StreamError::Read)?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::RedactOptions;

    /// A piece size that cuts the fixtures many times.
    const SMALL: usize = 16 * 1024;

    /// Reads at most `step` bytes at a time, as a pipe may.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(out.len()).min(self.data.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    fn streamed(r: &Redactor, text: &[u8], file: &str) -> (Vec<u8>, Vec<Finding>) {
        let mut out = Vec::new();
        let mut input = Trickle {
            data: text,
            step: 5_003,
        };
        let findings = r
            .redact_pieces(
                &mut input,
                file,
                &mut |b: &[u8]| {
                    out.extend_from_slice(b);
                    Ok::<(), io::Error>(())
                },
                SMALL,
            )
            .unwrap();
        (out, findings)
    }

    /// Many pieces give what one pass over the whole gives: text, findings, line numbers.
    #[test]
    fn pieces_redact_as_the_whole_does() {
        let r = Redactor::new(&RedactOptions::default()).unwrap();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/secrets");
        for name in ["positives.diff", "negatives.diff"] {
            let one = std::fs::read(fixtures.join(name)).unwrap();
            let text = one.repeat(2);
            let whole = r.redact_bytes(&text, name);
            let (out, findings) = streamed(&r, &text, name);
            assert!(out == whole.as_bytes(), "{name}: streamed text differs");
            assert_eq!(findings, whole.findings(), "{name}");
        }
        // Plain text: a key block and block scalars near the cuts, lines numbered throughout.
        let mut text = Vec::new();
        let block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumPrAsAKJGk\n\nq9Kq0kB2yvJtY6a0cQ7vLx3Tt5sE9WfGhJkLmNoPqRsTuVwXyZ\n-----END RSA PRIVATE KEY-----\n\n";
        let yaml = "db:\n  password: |\n\n    Xk9#mP2vLq8!zR4w\n\nnext: 1\n\n";
        while text.len() < 10 * SMALL {
            text.extend_from_slice(b"fn plain() {}\n\nlet x = 1;\n");
            text.extend_from_slice(block.as_bytes());
            text.extend_from_slice(yaml.as_bytes());
        }
        let whole = r.redact_bytes(&text, "notes.txt");
        let (out, findings) = streamed(&r, &text, "notes.txt");
        assert!(out == whole.as_bytes(), "plain: streamed text differs");
        assert_eq!(findings, whole.findings());
        assert!(out.find(b"Xk9#mP2vLq8").is_none() && out.find(b"MIIEpAIB").is_none());
    }
}
