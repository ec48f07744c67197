//! What the engine takes from the repository's history (`crate::history`): the type votes
//! near the changed paths, and a past subject to reuse when the change repeats an earlier one.

use super::classify::{TYPES, Type};
use crate::filter::FileEntry;
use crate::history::Advice;
use bstr::ByteSlice;
use regex::Regex;
use std::sync::LazyLock;

/// The type votes in the model's class order.
pub(super) fn type_votes(advice: &Advice) -> Option<[f32; 10]> {
    let mut votes = [0f32; 10];
    for (kind, vote) in &advice.types {
        if let Some(i) = TYPES.iter().position(|t| t == kind) {
            votes[i] += vote;
        }
    }
    votes.iter().any(|v| *v > 0.0).then_some(votes)
}

/// The type a reused subject names, if it is a Conventional Commits header.
pub(super) fn type_of(subject: &str) -> Option<Type> {
    let kind = crate::history::parse_subject(subject).kind?;
    TYPES.iter().position(|t| *t == kind).map(Type)
}

/// A version (`1.2.3`, `v0.30.1`, `2.0.0-rc.1`) or a date (`2024-05-01`).
static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{4}-\d{2}-\d{2}\b|\bv?\d+(?:\.\d+)+(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?\b")
        .expect("the pattern is valid")
});

/// Reuses the subject of the last commit that touched exactly these files, when the change
/// has the same shape: a version or date in it moved (`… for 0.30.1` → `… for 0.30.2`), or
/// the last two such commits said the very same thing (`Update CHANGELOG`).
pub(super) fn reuse(files: &[FileEntry], advice: &Advice) -> Option<String> {
    let last = advice.same_paths.first()?;
    let last = strip_pull_request(last);
    let found: Vec<&str> = VERSION.find_iter(last).map(|m| m.as_str()).collect();
    if found.is_empty() {
        let again = advice
            .same_paths
            .get(1)
            .is_some_and(|previous| strip_pull_request(previous) == last);
        return again.then(|| last.to_owned());
    }
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for file in files {
        for hunk in &file.change.hunks {
            for line in hunk.lines() {
                let text = line.text.to_str_lossy();
                let into = match line.kind {
                    crate::diff::LineKind::Added => &mut added,
                    crate::diff::LineKind::Removed => &mut removed,
                    _ => continue,
                };
                into.extend(VERSION.find_iter(&text).map(|m| m.as_str().to_owned()));
            }
        }
    }
    let moved: Vec<&String> = added.iter().filter(|v| !removed.contains(v)).collect();
    let mut out = last.to_owned();
    let mut changed = false;
    for old in found {
        let shape = |v: &str| (v.starts_with('v'), v.matches(['.', '-']).count());
        let Some(new) = moved
            .iter()
            .find(|n| shape(n.trim_start_matches('v')) == shape(old.trim_start_matches('v')))
        else {
            continue;
        };
        let new = match (old.starts_with('v'), new.starts_with('v')) {
            (true, false) => format!("v{new}"),
            (false, true) => new.trim_start_matches('v').to_owned(),
            _ => (*new).clone(),
        };
        if new != old {
            out = out.replacen(old, &new, 1);
            changed = true;
        }
    }
    changed.then_some(out)
}

fn strip_pull_request(line: &str) -> &str {
    let trimmed = line.trim_end();
    match trimmed.rfind(" (#") {
        Some(open)
            if trimmed.ends_with(')')
                && trimmed[open + 3..trimmed.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit()) =>
        {
            trimmed[..open].trim_end()
        }
        _ => trimmed,
    }
}
