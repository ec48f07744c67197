//! The wall between the machine and a model, as types: what may be composed from text that has
//! been through the redactor and still count as redacted. Joining redacted pieces with the
//! program's own literals, cutting a redacted diff into chunks, and reading it back are
//! allowed; nothing here takes text from anywhere else. `prompt` accepts only these types, and
//! `llm::Request` is made only from a `Prompt`, so raw text cannot reach a provider.

use super::{Redacted, RedactedDiff};
use crate::chunk::{self, Chunk, FileCounts, FileText};
use crate::diff::{self, RenderOptions};
use crate::filter::Treatment;
use bstr::{BString, ByteSlice};

impl Redacted {
    /// Text the program itself wrote (a `&'static str` cannot come from a diff or a server).
    pub fn literal(text: &'static str) -> Redacted {
        Redacted {
            text: text.into(),
            findings: Vec::new(),
        }
    }

    /// Joins redacted pieces with a literal separator: still redacted.
    pub fn join<'a>(
        parts: impl IntoIterator<Item = &'a Redacted>,
        separator: &'static str,
    ) -> Redacted {
        let mut text = BString::default();
        let mut findings = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                text.extend_from_slice(separator.as_bytes());
            }
            text.extend_from_slice(&part.text);
            findings.extend(part.findings.iter().cloned());
        }
        Redacted { text, findings }
    }

    /// Tells whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Returns the byte length of the text.
    pub fn len(&self) -> usize {
        self.text.len()
    }
}

/// The redacted files sent as text, rendered once for counting and packing. Only
/// [`RedactedDiff::file_texts`] makes one, so chunks packed from it are redacted too.
#[derive(Debug, Clone)]
pub struct FileTexts(Vec<FileText>);

impl FileTexts {
    /// Returns the files (header and hunks as text), for counting tokens.
    pub fn files(&self) -> &[FileText] {
        &self.0
    }

    /// Packs the files whose `keep` is true (all, without a mask) into chunks of at most
    /// `budget` tokens; `counts[i]` are file `i`'s counts (see [`chunk::pack_counted`]).
    pub fn pack(
        &self,
        keep: Option<&[bool]>,
        counts: &[FileCounts],
        budget: usize,
        count: &dyn Fn(&str) -> usize,
    ) -> Vec<RedactedChunk> {
        let kept = |i: usize| keep.is_none_or(|k| k.get(i).copied().unwrap_or(false));
        let (files, counts): (Vec<FileText>, Vec<FileCounts>) = self
            .0
            .iter()
            .zip(counts)
            .enumerate()
            .filter(|(i, _)| kept(*i))
            .map(|(_, (f, c))| (f.clone(), c.clone()))
            .unzip();
        chunk::pack_counted(&files, &counts, budget, count)
            .into_iter()
            .map(RedactedChunk)
            .collect()
    }
}

/// A chunk of a redacted diff, ready to summarise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactedChunk(Chunk);

impl RedactedChunk {
    /// Returns the chunk's text.
    pub fn text(&self) -> &str {
        &self.0.text
    }

    /// Returns the tokens counted when packing.
    pub fn tokens(&self) -> usize {
        self.0.tokens
    }

    /// Returns the files with text in this chunk.
    pub fn paths(&self) -> &[String] {
        &self.0.paths
    }
}

impl RedactedDiff {
    /// Renders the files sent as text, each cut at hunk boundaries, for counting and packing.
    pub fn file_texts(&self) -> FileTexts {
        let opts = RenderOptions::default();
        FileTexts(
            self.entries
                .iter()
                .filter(|e| e.decision.treatment == Treatment::Text)
                .map(|entry| {
                    let mut header = BString::default();
                    diff::render_header(&mut header, &entry.change, opts);
                    let hunks = entry
                        .change
                        .hunks
                        .iter()
                        .map(|h| format!("{}\n{}", h.header(), h.body.to_str_lossy()))
                        .collect();
                    FileText {
                        path: entry.change.path.to_str_lossy().into_owned(),
                        header: header.to_str_lossy().into_owned(),
                        hunks,
                    }
                })
                .collect(),
        )
    }
}
