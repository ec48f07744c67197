//! What leaves the redactor: redacted text, a redacted diff, and counts of what was found.

use super::Finding;
use crate::diff::{FileChange, RenderOptions};
use crate::filter::{FileEntry, Treatment};
use crate::text::plural;
use bstr::{BString, ByteSlice};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// Text that has been through the redactor. Only [`Redactor`](super::Redactor) makes one, so code that
/// accepts `Redacted` accepts nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    pub(super) text: BString,
    pub(super) findings: Vec<Finding>,
}

impl Redacted {
    /// Returns the redacted bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.text
    }

    /// Returns the redacted text, invalid UTF-8 replaced.
    pub fn to_str_lossy(&self) -> Cow<'_, str> {
        self.text.to_str_lossy()
    }

    /// Returns what was redacted.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_str_lossy())
    }
}

/// A diff whose every file has been through the redactor: hunks, section lines and paths.
#[derive(Debug, Clone)]
pub struct RedactedDiff {
    pub(super) entries: Vec<FileEntry>,
    pub(super) findings: Vec<Finding>,
    pub(super) withheld: usize,
}

impl RedactedDiff {
    /// Returns the files, redacted (and, under `withhold-file`, withheld where they held
    /// secrets).
    pub fn entries(&self) -> &[FileEntry] {
        &self.entries
    }

    /// Returns what was redacted.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Returns how many files were withheld for holding secrets.
    pub fn withheld(&self) -> usize {
        self.withheld
    }

    /// Renders the files sent as text as unified-diff text.
    pub fn render_text(&self) -> Redacted {
        let changes: Vec<FileChange> = self
            .entries
            .iter()
            .filter(|e| e.decision.treatment == Treatment::Text)
            .map(|e| e.change.clone())
            .collect();
        Redacted {
            text: crate::diff::render(&changes, RenderOptions::default()),
            findings: Vec::new(),
        }
    }

    /// Returns the stats lines of the files not sent as text.
    pub fn stats_lines(&self) -> Vec<Redacted> {
        self.entries
            .iter()
            .filter(|e| e.decision.treatment != Treatment::Text)
            .map(|e| Redacted {
                text: e.stats_line().into(),
                findings: Vec::new(),
            })
            .collect()
    }

    /// Returns the one-line warning for the user, if anything was redacted.
    pub fn warning(&self) -> Option<String> {
        if self.findings.is_empty() {
            return None;
        }
        let mut line = format!(
            "redacted {} before sending ({})",
            plural(self.findings.len(), "secret", "secrets"),
            by_rule(&self.findings)
        );
        if self.withheld > 0 {
            line.push_str(&format!(
                "; withheld {} holding them",
                plural(self.withheld, "file", "files")
            ));
        }
        line.push_str("; `git herald redact` lists them");
        Some(line)
    }
}

/// Counts findings by rule, most frequent first: `2 github-pat, 1 generic-password`.
pub fn by_rule(findings: &[Finding]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *counts.entry(f.rule.as_str()).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .iter()
        .map(|(rule, n)| format!("{n} {rule}"))
        .collect::<Vec<_>>()
        .join(", ")
}
