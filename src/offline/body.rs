//! The body: one `- ` line per notable change, then the files whose content was not shown.

use super::analysis::{Analysis, FileFacts};
use super::defs::DefKind;
use super::summary::join;
use super::words::test_words;
use crate::diff::Status;
use crate::filter::Treatment;
use crate::paths::Kind;

/// Most body lines written, wrapped lines included.
const MAX_LINES: usize = 15;
/// Names listed per file and in the "Not shown" line.
const MAX_NAMES: usize = 3;
const MAX_HIDDEN: usize = 6;

fn names<'a>(defs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in defs {
        if out.len() == MAX_NAMES {
            break;
        }
        if !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    }
    out
}

fn file_line(f: &FileFacts) -> Option<String> {
    let added = names(
        f.added_defs
            .iter()
            .filter(|d| d.kind != DefKind::Test)
            .map(|d| d.name.as_str()),
    );
    let removed = names(
        f.removed_defs
            .iter()
            .filter(|d| d.kind != DefKind::Test)
            .map(|d| d.name.as_str()),
    );
    let changed = names(
        f.touched
            .iter()
            .filter(|d| d.kind != DefKind::Test && !matches!(d.name.as_str(), "tests" | "test"))
            .map(|d| d.name.as_str()),
    );
    // Tests are behaviour, said in words, not items of the API.
    let tests: Vec<String> = f
        .added_defs
        .iter()
        .filter(|d| d.kind == DefKind::Test)
        .take(MAX_NAMES)
        .map(|d| test_words(&d.name))
        .collect();
    let tests = (!tests.is_empty()).then(|| format!("test {}", tests.join(", ")));
    let edited: Vec<String> = f
        .touched
        .iter()
        .filter(|d| d.kind == DefKind::Test)
        .take(MAX_NAMES)
        .map(|d| test_words(&d.name))
        .collect();
    let edited = (!edited.is_empty()).then(|| format!("update test {}", edited.join(", ")));
    match f.status {
        Status::Added => Some(match (added.is_empty(), tests) {
            (false, _) => format!("add {} ({})", f.path, join(&added)),
            (true, Some(tests)) => format!("add {} ({tests})", f.path),
            (true, None) => format!("add {}", f.path),
        }),
        Status::Deleted => Some(format!("remove {}", f.path)),
        Status::Renamed | Status::Copied => {
            let verb = if f.status == Status::Renamed {
                "rename"
            } else {
                "copy"
            };
            let old = f.old_path.as_deref().unwrap_or("?");
            Some(format!("{verb} {old} to {}", f.path))
        }
        // Modifiers changed, names made public, or print and log calls removed (log calls
        // added), and nothing else: say that.
        Status::Modified
            if !f.modifiers.is_empty()
                && f.modifiers
                    .iter()
                    .all(|m| m.change == f.modifiers[0].change) =>
        {
            let (verb, tail) = f.modifiers[0].change.phrase();
            let mut listed = names(f.modifiers.iter().map(|m| m.name.as_str()));
            let mut distinct: Vec<&str> = f.modifiers.iter().map(|m| m.name.as_str()).collect();
            distinct.sort_unstable();
            distinct.dedup();
            let more = distinct.len() - listed.len();
            if more > 0 {
                listed.push(format!("{more} more"));
            }
            Some(format!("{}: {verb} {}{tail}", f.path, join(&listed)))
        }
        Status::Modified if !f.exports.is_empty() => {
            let mut exported = names(f.exports.iter().map(String::as_str));
            let more = f.exports.len() - exported.len();
            if more > 0 {
                exported.push(format!("{more} more"));
            }
            Some(format!("{}: export {}", f.path, join(&exported)))
        }
        Status::Modified if !f.logs_removed.is_empty() || !f.logs_added.is_empty() => {
            let (verb, calls, to) = if f.logs_removed.is_empty() {
                ("add", &f.logs_added, "to")
            } else {
                ("remove", &f.logs_removed, "from")
            };
            let calls: Vec<String> = calls.iter().map(|c| format!("`{c}`")).collect();
            let changed = if changed.is_empty() {
                String::new()
            } else {
                format!(" {to} {}", join(&changed))
            };
            Some(format!("{}: {verb} {}{changed}", f.path, join(&calls)))
        }
        Status::Modified | Status::TypeChange => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("add {}", join(&added)));
            }
            if !removed.is_empty() {
                parts.push(format!("remove {}", join(&removed)));
            }
            if !changed.is_empty() {
                parts.push(format!("change {}", join(&changed)));
            }
            parts.extend(tests);
            parts.extend(edited);
            if parts.is_empty() {
                return None;
            }
            Some(format!("{}: {}", f.path, parts.join("; ")))
        }
    }
}

/// Wraps `text` at `width` columns; lines after the first start with `indent`.
pub(crate) fn wrap(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut line = String::from(first);
    let mut fresh = true;
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!fresh) + word.chars().count();
        if !fresh && needed > width {
            lines.push(std::mem::replace(&mut line, String::from(indent)));
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    if !fresh {
        lines.push(line);
    }
    lines
}

/// Returns the body text (no trailing newline), or an empty string.
pub(crate) fn body(a: &Analysis, width: usize) -> String {
    let mut items: Vec<String> = Vec::new();
    for dep in &a.dependency_changes() {
        items.push(match (&dep.from, &dep.to) {
            _ if let Some(text) = dep.widening() => text,
            (Some(from), Some(to)) => format!("{} {} from {from} to {to}", dep.verb(), dep.name),
            (None, Some(to)) => format!("add {} {to}", dep.name),
            (Some(_), None) => format!("remove {}", dep.name),
            (None, None) => format!("update {}", dep.name),
        });
    }
    let shown = |f: &&FileFacts| f.treatment == Treatment::Text && f.kind != Kind::Note;
    for f in a.files.iter().filter(shown) {
        if f.kind == Kind::Manifest && !a.manifest.deps.is_empty() && f.status == Status::Modified {
            continue;
        }
        if f.line_endings_only {
            items.push(match f.final_newline {
                Some(true) => format!("add missing newline at end of {}", f.path),
                Some(false) => format!("remove newline at end of {}", f.path),
                None => format!("normalize line endings in {}", f.path),
            });
            continue;
        }
        if f.swap_only {
            // Words changed in place: the words say it all (`seperate → separate`).
            let swaps: Vec<String> = f
                .swaps
                .iter()
                .take(MAX_NAMES * 2)
                .map(|s| format!("{} → {}", s.old, s.new))
                .collect();
            items.push(format!("{}: {}", f.path, swaps.join(", ")));
            continue;
        }
        if let Some(line) = file_line(f) {
            items.push(line);
        }
    }
    let hidden: Vec<String> = a
        .files
        .iter()
        .filter(|f| f.treatment != Treatment::Text)
        .map(|f| {
            let why = if f.treatment == Treatment::Withheld {
                "withheld".to_owned()
            } else {
                f.reason.to_string()
            };
            format!("{} ({why})", f.path)
        })
        .collect();
    let mut lines: Vec<String> = Vec::new();
    // The author's reason, from a comment the change adds, opens the body.
    if let Some(why) = &a.why {
        lines.extend(wrap(why, width, "", ""));
        lines.push(String::new());
    }
    let budget = if hidden.is_empty() {
        MAX_LINES
    } else {
        MAX_LINES - 3
    };
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        let wrapped = wrap(item, width, "- ", "  ");
        let left = items.len() - i;
        if used + wrapped.len() > budget || (left > 1 && used + wrapped.len() == budget) {
            lines.push(format!("- and {left} more"));
            break;
        }
        used += wrapped.len();
        lines.extend(wrapped);
    }
    if !hidden.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let mut listed = hidden
            .iter()
            .take(MAX_HIDDEN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if hidden.len() > MAX_HIDDEN {
            listed.push_str(&format!(" and {} more", hidden.len() - MAX_HIDDEN));
        }
        let mut text = wrap(&format!("Not shown: {listed}"), width, "", "");
        text.truncate(3);
        lines.extend(text);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        for line in wrap(text, 20, "- ", "  ") {
            assert!(line.chars().count() <= 20, "{line}");
        }
        assert_eq!(wrap("", 72, "- ", "  "), Vec::<String>::new());
        // A word longer than the width stays whole on its own line.
        let long = "x".repeat(100);
        assert_eq!(wrap(&long, 72, "- ", "  "), vec![format!("- {long}")]);
    }
}
