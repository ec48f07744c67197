//! The path from a change to a message: read the staged diff (or a given one), decide per file
//! what may be sent, then let the engine write the message.

use crate::config::Settings;
use crate::diff::{self, RenderOptions};
use crate::error::Error;
use crate::filter::{Attributes, FileEntry, Filter, Treatment};
use crate::git::Repo;
use crate::llm::offline;
use crate::message::Message;
use bstr::ByteSlice;
use std::fmt::Write as _;

/// Where the changes come from.
pub enum Source<'a> {
    /// The repository's staged changes.
    Staged(&'a Repo),
    /// Unified-diff text (`--diff FILE`).
    Diff(&'a [u8]),
}

/// Reads the changes and decides, per file, what may leave the machine.
pub fn collect(source: Source<'_>, filter: &Filter) -> Result<Vec<FileEntry>, Error> {
    let entries = match source {
        Source::Staged(repo) => repo.staged(filter)?,
        Source::Diff(text) => diff::parse(text)
            .into_iter()
            .map(|mut change| {
                let decision = filter.decide(&change, Attributes::default());
                if decision.treatment == Treatment::Withheld {
                    // Given to us, but never kept nor sent.
                    change.hunks.clear();
                }
                FileEntry { change, decision }
            })
            .collect(),
    };
    if entries.is_empty() {
        return Err(match source {
            Source::Staged(_) => Error::NothingStaged,
            Source::Diff(_) => Error::EmptyDiff,
        });
    }
    Ok(entries)
}

/// Writes the message for the collected changes with the configured engine.
pub fn write_message(entries: &[FileEntry], settings: &Settings) -> Message {
    offline::write(entries, &settings.style)
}

/// Describes what would be sent to a model: each file's decision and why, then the text.
pub fn dry_run(entries: &[FileEntry], settings: &Settings) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "engine: {} (nothing leaves the machine)",
        settings.provider
    );
    let _ = writeln!(out, "files: {}", entries.len());
    for entry in entries {
        let label = match entry.decision.treatment {
            Treatment::Text => "text",
            Treatment::StatsOnly => "stats-only",
            Treatment::Withheld => "withheld",
        };
        let _ = writeln!(
            out,
            "  {label:<10} {} ({})",
            entry.change.path.as_bstr(),
            entry.decision.reason
        );
    }
    let stats: Vec<_> = entries
        .iter()
        .filter(|e| e.decision.treatment != Treatment::Text)
        .map(FileEntry::stats_line)
        .collect();
    if !stats.is_empty() {
        out.push_str("\n--- stats lines ---\n");
        for line in stats {
            let _ = writeln!(out, "{line}");
        }
    }
    let text: Vec<_> = entries
        .iter()
        .filter(|e| e.decision.treatment == Treatment::Text)
        .map(|e| e.change.clone())
        .collect();
    if !text.is_empty() {
        out.push_str("\n--- diff text ---\n");
        out.push_str(&diff::render(&text, RenderOptions::default()).to_str_lossy());
    }
    out
}
