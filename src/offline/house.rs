//! What the engine takes from the repository's history (`crate::history`): the type votes
//! near the changed paths, and a past subject to reuse when the change repeats an earlier one.

use super::classify::{TYPES, Type};
use crate::diff::LineKind;
use crate::filter::FileEntry;
use crate::history::Advice;
use bstr::ByteSlice;

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

/// When the scope the neighbours use is this type's own name (`ci(ci): …`), the house writes
/// that word as a scope under another type (`chore(ci): …`): the type the votes near the
/// paths name most, if it is not this one.
pub(super) fn type_for_scope(advice: &Advice, ty: Type, scope: Option<&str>) -> Option<Type> {
    if scope != Some(ty.name()) {
        return None;
    }
    let (kind, _) = advice.types.first()?;
    TYPES
        .iter()
        .position(|t| t == kind)
        .map(Type)
        .filter(|t| *t != ty)
}

/// The types of change an area word names (`doc`, `tests`, `ci`, `deps`); `None` for an
/// area of the code (`globset`, `printer`).
fn area_kinds(area: &str) -> Option<&'static [&'static str]> {
    Some(match area.to_lowercase().as_str() {
        "doc" | "docs" | "documentation" | "readme" | "man" | "book" | "guide" => &["docs"],
        "test" | "tests" | "testing" => &["test"],
        "ci" => &["ci"],
        "deps" | "dep" | "dependencies" | "cargo" | "build" => &["build", "chore"],
        "style" | "fmt" | "rustfmt" | "format" | "formatting" => &["style"],
        "clippy" | "lint" | "lints" => &["style", "refactor", "chore"],
        "perf" => &["perf"],
        "refactor" | "cleanup" => &["refactor"],
        "changelog" | "release" => &["docs", "chore"],
        "edition" => &["refactor", "chore", "build", "style"],
        _ => return None,
    })
}

/// The area an `area: summary` house heads the change with: the one the votes near the
/// paths name, unless it names a kind of change this one is not (ripgrep's `doc:` for a fix
/// in `crates/globset/src/pathutil.rs`, whose last typo fix wrote it). Then the best area of
/// the code near the paths, when it has at least half as many votes.
pub(super) fn area_for_type<'a>(advice: &'a Advice, voted: &'a str, ty: &str) -> &'a str {
    let Some(kinds) = area_kinds(voted) else {
        return voted;
    };
    if kinds.contains(&ty) {
        return voted;
    }
    let vote = |area: &str| {
        (advice.prefixes.iter())
            .filter(|(p, _)| p.eq_ignore_ascii_case(area))
            .map(|(_, v)| v)
            .sum::<f32>()
    };
    let least = vote(voted) / 2.0;
    (advice.prefixes.iter())
        .find(|(p, v)| {
            *v >= least
                && area_kinds(p).is_none()
                && !TYPES.iter().any(|t| t.eq_ignore_ascii_case(p))
        })
        .map_or(voted, |(p, _)| p.as_str())
}

/// The type a reused subject names, if it is a Conventional Commits header.
pub(super) fn type_of(subject: &str) -> Option<Type> {
    let kind = crate::history::parse_subject(subject).kind?;
    TYPES.iter().position(|t| *t == kind).map(Type)
}

/// Finds the versions (`1.2.3`, `v0.30.1`, `2.0.0-rc.1`) and dates (`2024-05-01`) in a
/// text: a hand-written scanner, as a regex with Unicode classes would cost more to build
/// than the whole hook spends here.
fn versions(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.');
        let start = i;
        let mut j = i;
        if boundary && j < bytes.len() && bytes[j] == b'v' {
            j += 1;
        }
        let digits = |mut k: usize| {
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            k
        };
        let first = digits(j);
        if !boundary || first == j {
            i += 1;
            continue;
        }
        let mut end = first;
        let mut parts = 1;
        // `2024-05-01`
        if first - j == 4
            && bytes.get(first) == Some(&b'-')
            && digits(first + 1) == first + 3
            && bytes.get(first + 3) == Some(&b'-')
            && digits(first + 4) == first + 6
        {
            end = first + 6;
            parts = 3;
        } else {
            while bytes.get(end) == Some(&b'.') && digits(end + 1) > end + 1 {
                end = digits(end + 1);
                parts += 1;
            }
            if parts > 1 && bytes.get(end) == Some(&b'-') {
                let mut k = end + 1;
                while k < bytes.len() && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'.') {
                    k += 1;
                }
                while k > end + 1 && bytes[k - 1] == b'.' {
                    k -= 1;
                }
                if k > end + 1 {
                    end = k;
                }
            }
        }
        let after_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if parts > 1 && after_ok {
            out.push(&text[start..end]);
            i = end;
        } else {
            i = first.max(i + 1);
        }
    }
    out
}

/// The subjects of the last three commits that touched exactly these files, newest first,
/// without their pull-request numbers.
fn last_three(advice: &Advice) -> Vec<&str> {
    (advice.same_paths.iter())
        .take(3)
        .map(|line| crate::text::strip_pull_request(line).trim())
        .collect()
}

/// Tells whether the last commits that touched exactly these files (two or three of them)
/// were all headed `word: …` with one word: a habit of the house for such commits
/// (`release: v8.2.1`, `release: v8.2.0` in a Conventional Commits house), to keep when
/// reusing their subject.
pub(super) fn habit(advice: &Advice) -> bool {
    let lines = last_three(advice);
    let heads: Vec<(crate::history::Form, Option<String>)> = (lines.iter())
        .map(|line| {
            let subject = crate::history::parse_subject(line);
            (subject.form, subject.prefix)
        })
        .collect();
    // A release headed by its version alone (`4.12.25`, as `npm version` writes it).
    let bare_version = |line: &&str| versions(line) == [*line];
    heads.len() >= 2
        && heads.iter().all(|h| *h == heads[0])
        && (heads[0].0 == crate::history::Form::Area || lines.iter().all(bare_version))
}

/// Tells whether the last three commits that touched exactly these files said the very same
/// few words, with no version in them: a routine the house names its own way every time
/// (wezterm's `cargo update` for a lockfile refreshed, 89 times). Such a subject may head a
/// dependency bump: it names no other package.
pub(super) fn routine(advice: &Advice) -> bool {
    let lines = last_three(advice);
    lines.len() == 3
        && lines.iter().all(|l| *l == lines[0])
        && versions(lines[0]).is_empty()
        && lines[0].split_whitespace().count() <= 3
}

/// Reuses the subject of the last commit that touched exactly these files, when the change
/// has the same shape: a version or date in it moved (`… for 0.30.1` → `… for 0.30.2`), or
/// the last two such commits said the very same thing (`Update CHANGELOG`).
///
/// When the last such subject names no version and says nothing the change repeats, an
/// earlier one that does may still fit (ripgrep's `changelog: 15.0.0`, behind `changelog:
/// start next section`), but only with versions the change replaced in place (a heading's
/// `15.0.1` → `15.1.0`), not ones it merely mentions.
pub(super) fn reuse(files: &[FileEntry], advice: &Advice) -> Option<String> {
    let raw = advice.same_paths.first()?;
    let last = crate::text::strip_pull_request(raw);
    if !versions(last).is_empty() {
        return versions_moved(files, last, false);
    }
    // The same pull request twice (axum's `Implement FromRequest for BytesMut (#2583)`,
    // backported to a release branch and merged back) is one change, not a habit.
    let numbered = raw != last;
    let again = (advice.same_paths.iter().skip(1))
        .find(|previous| !numbered || *previous != raw)
        .is_some_and(|previous| crate::text::strip_pull_request(previous) == last);
    if again {
        return Some(last.to_owned());
    }
    if let Some(text) = with_references(files, advice, last) {
        return Some(text);
    }
    let earlier = (advice.same_paths.iter().skip(1).take(4))
        .map(|line| crate::text::strip_pull_request(line))
        .find(|line| !versions(line).is_empty())?;
    // A changelog's release, or a subject that is little but its version (nushell's `Bump
    // to 0.114.0`): a workflow's runner moved (`ubuntu-24.04-8`) is no `Revert "Update
    // maturin to v24.04-arm"`.
    let notes = files
        .iter()
        .all(|f| crate::paths::kind(&f.change.path.to_str_lossy()) == crate::paths::Kind::Note);
    let words = (earlier.split_whitespace())
        .filter(|w| versions(w).is_empty())
        .count();
    if !notes && (words > 3 || earlier.starts_with("Revert")) {
        return None;
    }
    versions_moved(files, earlier, true)
}

/// `last` with each of its versions replaced by the one the change moved it to, when
/// any moved; with `in_place`, only by versions a hunk put in place of another.
fn versions_moved(files: &[FileEntry], last: &str, in_place: bool) -> Option<String> {
    let found: Vec<&str> = versions(last);
    // Versions moved, and where a hunk's removed and added lines hold as many versions,
    // which one each became (`1.97.1` → `1.98.0` beside `0.1.11` → `0.1.13`).
    let (mut added, mut removed, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        for hunk in &file.change.hunks {
            let (mut hunk_added, mut hunk_removed) = (Vec::new(), Vec::new());
            for line in hunk.lines() {
                let text = line.text.to_str_lossy();
                let into = match line.kind {
                    LineKind::Added => &mut hunk_added,
                    LineKind::Removed => &mut hunk_removed,
                    _ => continue,
                };
                into.extend(versions(&text).into_iter().map(str::to_owned));
            }
            if hunk_added.len() == hunk_removed.len() {
                pairs.extend(hunk_removed.iter().cloned().zip(hunk_added.iter().cloned()));
            }
            added.extend(hunk_added);
            removed.extend(hunk_removed);
        }
    }
    // With `in_place`, only versions a hunk put in place of another count as moved.
    let moved: Vec<&String> = (added.iter())
        .filter(|v| !removed.contains(v))
        .filter(|v| !in_place || pairs.iter().any(|(_, to)| to == *v))
        .collect();
    let bare = |v: &str| v.trim_start_matches('v').to_owned();
    // First the template's versions the diff moved itself, then the others by shape, each
    // new version used once, one with the same leading number first.
    let mut chosen: Vec<Option<String>> = found
        .iter()
        .map(|old| {
            (pairs.iter())
                .find(|(from, to)| bare(from) == bare(old) && moved.contains(&to))
                .map(|(_, to)| to.clone())
        })
        .collect();
    let shape = |v: &str| v.matches(['.', '-']).count();
    let major = |v: &str| bare(v).split(['.', '-']).next().map(str::to_owned);
    for (i, old) in found.iter().enumerate() {
        // By shape alone only when the thing the version belongs to is in this diff: bat's
        // `Update terminal-colorsaurus to 1.0` (the last commit to touch these three files)
        // read `Update terminal-colorsaurus to 1.87` for an MSRV bump.
        if chosen[i].is_some() || !owner_in_diff(last, old, files) {
            continue;
        }
        let free: Vec<&&String> = (moved.iter())
            .filter(|n| bare(n) != bare(old))
            .filter(|n| shape(n) == shape(old) && !chosen.contains(&Some((**n).clone())))
            .collect();
        // A patch release of the template's version has one part more: `25.01` → `25.01.1`
        // (helix's `Add changelog notes for 25.01.1`).
        let patch = || {
            (moved.iter()).find(|n| {
                n.strip_prefix(old)
                    .is_some_and(|rest| rest.starts_with('.') && shape(rest) == 1)
            })
        };
        chosen[i] = (free.iter())
            .find(|n| major(n) == major(old))
            .copied()
            .or_else(patch)
            .or(free.first().copied())
            .map(|n| (*n).clone());
    }
    let mut out = last.to_owned();
    let mut changed = false;
    for (old, new) in found.into_iter().zip(chosen) {
        let Some(new) = new else { continue };
        let new = match (old.starts_with('v'), new.starts_with('v')) {
            (true, false) => format!("v{new}"),
            (false, true) => new.trim_start_matches('v').to_owned(),
            _ => new,
        };
        if new != old {
            out = out.replacen(old, &new, 1);
            changed = true;
        }
    }
    changed.then_some(out)
}

/// Tells whether the name a subject gives the owner of one of its versions is in the diff
/// (a line it adds or removes, or a path, in any case), when that name is an identifier (a
/// package, a crate, a path: `terminal-colorsaurus`, `serde_json`); a plain word
/// (`Release`, `changelog for`, `Rust`) is not checked.
fn owner_in_diff(subject: &str, version: &str, files: &[FileEntry]) -> bool {
    const LINKS: [&str; 8] = ["to", "from", "for", "v", "version", "of", "at", "->"];
    let before = subject.split(version).next().unwrap_or_default();
    let Some(owner) = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| "`'\",:()".contains(c)))
        .find(|w| !w.is_empty() && !LINKS.contains(&w.to_lowercase().as_str()))
    else {
        return true;
    };
    if !owner.contains(['-', '_', '/']) {
        return true;
    }
    let owner = owner.to_lowercase();
    files.iter().any(|file| {
        file.change
            .path
            .to_str_lossy()
            .to_lowercase()
            .contains(&owner)
            || file.change.hunks.iter().any(|hunk| {
                hunk.lines().any(|line| {
                    matches!(line.kind, LineKind::Added | LineKind::Removed)
                        && line.text.to_str_lossy().to_lowercase().contains(&owner)
                })
            })
    })
}

/// The issue and pull-request references (`#4563`) in a text, where each starts and ends:
/// a `#` after no word character (nor `&`, an HTML entity's), then digits that end a word;
/// or the number that ends a link to one (`https://github.com/wez/wezterm/pull/2762`, the
/// span its digits alone).
pub(super) fn references(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for marker in ["/pull/", "/issues/"] {
        for (i, _) in text.match_indices(marker) {
            let start = i + marker.len();
            let digits = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let end = start + digits;
            if (1..=7).contains(&digits) && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                out.push((start, end));
            }
        }
    }
    for (i, _) in text.match_indices('#') {
        let before = i.checked_sub(1).map(|b| bytes[b]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'&') {
            continue;
        }
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = i + 1 + digits;
        let after = bytes.get(end);
        if (1..=7).contains(&digits)
            && !after.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            out.push((i, end));
        }
    }
    out.sort_unstable();
    out
}

/// A subject with its references masked: the shape a house repeats (`docs: changelog for
/// #N`).
fn masked(subject: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (start, end) in references(subject) {
        out.push_str(&subject[at..start]);
        out.push_str(if subject[start..].starts_with('#') {
            "#N"
        } else {
            "N"
        });
        at = end;
    }
    out.push_str(&subject[at..]);
    out
}

/// How many new references a reused subject may name: more is a changelog gathered for a
/// release, not one entry noted.
const MAX_REFERENCES: usize = 3;

/// Reuses a subject that names references, when the house names these files' commits by
/// them every time (wezterm's `docs: changelog for #4563`, 68 of its last 3,000 commits):
/// the last commit that touched exactly these files named some, and one of the two before
/// it has the same words around them. The references the staged lines add (that the lines
/// removed or beside them do not name) replace the template's run, in the order they appear,
/// as many as it had.
fn with_references(files: &[FileEntry], advice: &Advice, last: &str) -> Option<String> {
    let runs = references(last);
    let (first, _) = *runs.first()?;
    let (_, end) = *runs.last()?;
    // One run: the references stand together, apart only by spaces, commas or `and`.
    let between = |a: usize, b: usize| {
        let gap = last[a..b].trim_matches(|c: char| c == ' ' || c == ',');
        gap.is_empty() || gap == "and"
    };
    if runs.windows(2).any(|w| !between(w[0].1, w[1].0)) {
        return None;
    }
    let shape = masked(last);
    let repeated = (advice.same_paths.iter().skip(1).take(2))
        .any(|line| masked(crate::text::strip_pull_request(line)) == shape);
    if !repeated {
        return None;
    }
    let links = !last[first..].starts_with('#');
    let (mut added, mut known) = (Vec::new(), Vec::new());
    for file in files {
        for hunk in &file.change.hunks {
            for line in hunk.lines() {
                // A reference the file named already (removed, or beside the change) is
                // no news.
                let into = match line.kind {
                    LineKind::Added => &mut added,
                    _ => &mut known,
                };
                let text = line.text.to_str_lossy();
                for (start, end) in references(&text) {
                    // A link counts where the template links (ripgrep's prose `See [issue
                    // 1172](…/issues/1172)` is no entry of a `BUG #1174` house).
                    let link = !text[start..].starts_with('#');
                    if link && !links && line.kind == LineKind::Added {
                        continue;
                    }
                    // `#5345` and a link to pull request 5345 name the same one.
                    let found = format!("#{}", text[start..end].trim_start_matches('#'));
                    if !into.contains(&found) {
                        into.push(found);
                    }
                }
            }
        }
    }
    added.retain(|r| !known.contains(r));
    if added.is_empty() || added.len() > MAX_REFERENCES {
        return None;
    }
    // As many as the template names: an entry names the change it notes first, the older
    // issues it closes after (`#6502 #6494`, noted `for #6502`).
    added.truncate(runs.len());
    // A link takes the number alone (`…/pull/2762`).
    if links {
        added = added
            .iter()
            .map(|r| r.trim_start_matches('#').to_owned())
            .collect();
    }
    let joint = if last[first..end].contains(',') {
        ", "
    } else {
        " "
    };
    Some(format!(
        "{}{}{}",
        &last[..first],
        added.join(joint),
        &last[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::{masked, references, versions};

    #[test]
    fn references_are_found_and_masked() {
        let text = "docs: changelog for #4563 #12, not &#39; nor a#1 nor #12a";
        let found: Vec<&str> = (references(text).into_iter())
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["#4563", "#12"]);
        assert_eq!(
            masked("docs: changelog for #4563"),
            "docs: changelog for #N"
        );
        assert!(references("#[derive(Debug)] and # 12").is_empty());
        let link = "docs: changelog for https://github.com/wez/wezterm/pull/2762";
        assert_eq!(
            masked(link),
            "docs: changelog for https://github.com/wez/wezterm/pull/N"
        );
        assert!(references("see https://example.com/pull/12abc").is_empty());
    }

    #[test]
    fn versions_and_dates_are_found() {
        assert_eq!(
            versions("update changelog for 0.30.1 and v2.0.0-rc.1, on 2024-05-01."),
            ["0.30.1", "v2.0.0-rc.1", "2024-05-01"]
        );
        assert!(versions("fix 42 things in x1.y and abc1.2").is_empty());
        assert_eq!(versions("bump serde to 1.0.200"), ["1.0.200"]);
    }
}
