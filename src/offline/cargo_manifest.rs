//! Features, lints and lists of a Cargo manifest, read from its changed lines: items put
//! into or taken from a feature (`use_serde = [..., "bitflags/serde"]`) or from another list
//! of the manifest (`include`, `rustdoc-args`), features defined or dropped, lints added,
//! dropped or given another level. Said as such (`add bitflags/serde to use_serde feature`,
//! `remove clippy::unsafe_code lint`) where the lines alone said `update Cargo.toml`.

use super::analysis::quoted_items;
use super::cargo_deps::DepEdit;
use super::summary::join;
use super::tables::Place;
use crate::diff::{Hunk, LineKind};
use bstr::ByteSlice;

/// What one changed line of a manifest says, on its side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// Items of a list: all of a list written on one line, the first items of one its line
    /// opens (`opened`), or items on lines of their own inside a list opened above. `dep`:
    /// the list is a dependency's `features`.
    Items {
        added: bool,
        table: Option<String>,
        key: String,
        dep: bool,
        opened: bool,
        items: Vec<String>,
    },
    /// A dependency's line in a dependency table, taken out or put in whole; two of them,
    /// in different hunks, may be one dependency moved ([`moved_deps`]).
    Dep {
        added: bool,
        name: String,
        text: String,
    },
    /// A lint given a level (`unsafe_code = "warn"`, `x = { level = "warn", priority = -1 }`).
    Lint {
        added: bool,
        table: Option<String>,
        name: String,
        level: String,
        priority: Option<String>,
    },
}

/// A line that opens a list: its key, whether it is a dependency's `features` (`winapi = {
/// version = "0.3", features = [`), whether it closes on the same line, and its items there.
#[derive(Debug, Clone)]
struct Opener {
    key: String,
    dep: bool,
    closed: bool,
    items: Vec<String>,
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn opener(text: &str) -> Option<Opener> {
    let (key, rest) = text.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    if !valid_key(key) {
        return None;
    }
    let rest = rest.trim();
    let (dep, body) = match rest.strip_prefix('[') {
        Some(body) => (false, body),
        // A dependency's features on lines of their own: the line ends inside its list.
        None if rest.starts_with('{') && rest.ends_with('[') => {
            let at = rest.rfind("features")?;
            let after = rest[at + "features".len()..]
                .trim_start()
                .strip_prefix('=')?;
            (true, after.trim_start().strip_prefix('[')?)
        }
        None => return None,
    };
    let body = body.trim();
    let (closed, body) = match body.strip_suffix(']') {
        Some(inner) if !dep => (true, inner),
        _ => (false, body),
    };
    Some(Opener {
        key: key.to_owned(),
        dep,
        closed,
        items: quoted_items(body)?,
    })
}

/// Levels a lint is given in `[lints]`.
const LEVELS: &[&str] = &["allow", "expect", "warn", "deny", "forbid"];

/// Reads `name = "warn"` or `name = { level = "warn", priority = -1 }`.
fn lint(text: &str) -> Option<(String, String, Option<String>)> {
    let (name, value) = text.split_once('=')?;
    let name = name.trim().trim_matches('"');
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let level_of = |v: &str| {
        let v = v.trim().trim_matches('"');
        LEVELS.contains(&v).then(|| v.to_owned())
    };
    let value = value.trim();
    if let Some(level) = level_of(value).filter(|_| value.starts_with('"')) {
        return Some((name.to_owned(), level, None));
    }
    let body = value.strip_prefix('{')?.strip_suffix('}')?;
    let (mut level, mut priority) = (None, None);
    for item in body.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let (k, v) = item.split_once('=')?;
        match k.trim() {
            "level" => level = Some(level_of(v)?),
            "priority" => priority = Some(v.trim().to_owned()),
            _ => return None,
        }
    }
    Some((name.to_owned(), level?, priority))
}

/// The readings of a hunk's changed lines, when each of them (blank lines and comments
/// aside) is a list's item, opens or closes a list of quoted items, or gives a lint its
/// level; `None` for any other hunk. `places` are the tables of the changed lines, when
/// known ([`super::tables::places`]).
pub(crate) fn hunk(hunk: &Hunk, places: Option<&[Vec<Option<Place>>; 2]>) -> Option<Vec<Line>> {
    // The list a hunk starts inside is named by its heading (`@@ … @@ net = [`).
    let start = opener(hunk.section.to_str_lossy().trim()).filter(|o| !o.closed);
    let mut open: [Option<Opener>; 2] = [start.clone(), start];
    let mut at = [0usize; 2];
    let mut out = Vec::new();
    for line in hunk.lines() {
        let sides: &[usize] = match line.kind {
            LineKind::Context => &[0, 1],
            LineKind::Removed => &[0],
            LineKind::Added => &[1],
            LineKind::NoNewline => continue,
        };
        let raw = line.text.to_str_lossy();
        let text = crate::toml_table::without_comment(raw.trim()).trim();
        if line.kind == LineKind::Context {
            for &side in sides {
                if let Some(o) = opener(text) {
                    open[side] = (!o.closed).then_some(o);
                } else if text.starts_with(['[', ']']) {
                    open[side] = None;
                }
            }
            continue;
        }
        let side = sides[0];
        let added = side == 1;
        let place = places.and_then(|p| p[side].get(at[side]).cloned().flatten());
        at[side] += 1;
        let table = place.map(|p| p.table);
        if text.is_empty() {
            continue;
        }
        if let Some(o) = opener(text) {
            out.push(Line::Items {
                added,
                table,
                key: o.key.clone(),
                dep: o.dep,
                opened: true,
                items: o.items.clone(),
            });
            open[side] = (!o.closed).then_some(o);
            continue;
        }
        if let Some(list) = &open[side] {
            if text.starts_with(']') {
                open[side] = None;
                continue;
            }
            out.push(Line::Items {
                added,
                table,
                key: list.key.clone(),
                dep: list.dep,
                opened: false,
                items: quoted_items(text)?,
            });
            continue;
        }
        let deps_table = table
            .as_deref()
            .is_some_and(|t| t.ends_with("dependencies"));
        if deps_table && let Some(name) = super::cargo_deps::dep_name(text) {
            out.push(Line::Dep {
                added,
                name,
                text: text.to_owned(),
            });
            continue;
        }
        let lints_table = table.as_deref().is_none_or(|t| t.contains("lints"));
        let (name, level, priority) = lint(text).filter(|_| lints_table)?;
        out.push(Line::Lint {
            added,
            table,
            name,
            level,
            priority,
        });
    }
    Some(out)
}

/// A list that changed: items put in and taken out, or the whole list written
/// (`whole: Some(true)`) or dropped (`Some(false)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListChange {
    pub table: Option<String>,
    pub key: String,
    pub dep: bool,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub whole: Option<bool>,
}

/// A lint that changed: its level before and after (`None`: not there); the same level on
/// both sides when only its priority moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LintChange {
    pub table: Option<String>,
    pub name: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The dependencies one manifest's lines take out in one place and put back in another,
/// as edits: axum-extra's `tower` moved from `[dependencies]` among its doc dependencies
/// and made optional. `None` when a dependency line is not one side of such a move, or the
/// move changes its version or source; an empty list when no dependency line changed.
pub(crate) fn moved_deps(lines: &[Line]) -> Option<Vec<DepEdit>> {
    let side = |want: bool| -> Vec<(&str, &str)> {
        (lines.iter())
            .filter_map(|line| match line {
                Line::Dep { added, name, text } if *added == want => {
                    Some((name.as_str(), text.as_str()))
                }
                _ => None,
            })
            .collect()
    };
    let (old, new) = (side(false), side(true));
    if old.len() != new.len() {
        return None;
    }
    let mut out = Vec::new();
    for (name, before) in &old {
        let (_, after) = new.iter().find(|(n, _)| n == name)?;
        out.extend(super::cargo_deps::edits(&[before], &[after])?);
    }
    Some(out)
}

/// Pairs the two sides of one manifest's lines: the lists and lints that changed, in the
/// order first seen. Lines that only moved, or only changed their spacing, are no change.
pub(crate) fn changes(lines: &[Line]) -> (Vec<ListChange>, Vec<LintChange>) {
    // Per list: its table, and the items and whether its opener is seen, per side.
    type Sides = (Option<String>, [(Vec<String>, bool); 2]);
    // A lint's level and priority on one side.
    type Level = (String, Option<String>);
    let mut lists: Vec<((String, bool), Sides)> = Vec::new();
    let mut lints: Vec<(String, Option<String>, [Option<Level>; 2])> = Vec::new();
    for line in lines {
        match line {
            Line::Items {
                added,
                table,
                key,
                dep,
                opened,
                items,
            } => {
                let id = (key.clone(), *dep);
                let at = match lists.iter().position(|(k, _)| *k == id) {
                    Some(at) => at,
                    None => {
                        lists.push((id, (None, Default::default())));
                        lists.len() - 1
                    }
                };
                let (place, sides) = &mut lists[at].1;
                if place.is_none() {
                    place.clone_from(table);
                }
                let side = &mut sides[usize::from(*added)];
                side.0.extend(items.iter().cloned());
                side.1 |= *opened;
            }
            Line::Dep { .. } => {}
            Line::Lint {
                added,
                table,
                name,
                level,
                priority,
            } => {
                let at = match lints.iter().position(|(n, _, _)| n == name) {
                    Some(at) => at,
                    None => {
                        lints.push((name.clone(), table.clone(), Default::default()));
                        lints.len() - 1
                    }
                };
                let entry = &mut lints[at];
                if entry.1.is_none() {
                    entry.1.clone_from(table);
                }
                entry.2[usize::from(*added)] = Some((level.clone(), priority.clone()));
            }
        }
    }
    let mut list_changes = Vec::new();
    for ((key, dep), (table, [(old, old_opened), (new, new_opened)])) in lists {
        let whole = match (old_opened, new_opened) {
            (false, true) if old.is_empty() => Some(true),
            (true, false) if new.is_empty() => Some(false),
            _ => None,
        };
        // Each item once: the same key may be edited in several entries (`required-features`
        // of two `[[example]]`s).
        let only = |from: &[String], not_in: &[String]| {
            let mut out: Vec<String> = Vec::new();
            for item in from {
                if !not_in.contains(item) && !out.contains(item) {
                    out.push(item.clone());
                }
            }
            out
        };
        let (added, removed) = (only(&new, &old), only(&old, &new));
        if whole.is_none() && added.is_empty() && removed.is_empty() {
            continue;
        }
        list_changes.push(ListChange {
            table,
            key,
            dep,
            added,
            removed,
            whole,
        });
    }
    let lint_changes = lints
        .into_iter()
        .filter(|(_, _, [old, new])| old != new)
        .map(|(name, table, [old, new])| LintChange {
            table,
            name,
            from: old.map(|o| o.0),
            to: new.map(|n| n.0),
        })
        .collect();
    (list_changes, lint_changes)
}

/// Lists of a package's own keys, never features.
const PACKAGE_LISTS: &[&str] = &[
    "authors",
    "categories",
    "keywords",
    "include",
    "exclude",
    "members",
    "default-members",
    "crate-type",
    "required-features",
    "features",
    "targets",
    "rustdoc-args",
    "rustc-args",
    "cargo-args",
    // cargo-public-api-crates' crates allowed in the public API.
    "allowed",
];

/// What a list is: a dependency's features, the default features, a feature, or another
/// list named by the words given.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    Dep,
    Default,
    Feature,
    Other(String),
}

fn role(change: &ListChange) -> Role {
    let key = change.key.as_str();
    if change.dep {
        return Role::Dep;
    }
    match change.table.as_deref() {
        // `features = [...]` under `[dependencies.winapi]`.
        Some(table) if key == "features" && dep_table(table).is_some() => Role::Dep,
        Some("features") if key == "default" => Role::Default,
        Some("features") => Role::Feature,
        Some(table) if key == "features" && table.ends_with("docs.rs") => {
            Role::Other("docs.rs features".to_owned())
        }
        Some(_) | None if key == "members" => Role::Other("workspace members".to_owned()),
        Some(_) => Role::Other(key.to_owned()),
        None if key == "default" => Role::Default,
        None if PACKAGE_LISTS.contains(&key) => Role::Other(key.to_owned()),
        None => {
            // Items that read as features or dependencies (`dep:h2`, `tokio?/rt`).
            let feature_like = |i: &String| {
                !i.starts_with('-')
                    && i.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '/' | '?')
                    })
            };
            let all = || change.added.iter().chain(&change.removed);
            if all().all(feature_like) {
                Role::Feature
            } else {
                Role::Other(key.to_owned())
            }
        }
    }
}

/// The dependency a table of its own describes (`target.'cfg(windows)'.dependencies.winapi`).
fn dep_table(table: &str) -> Option<&str> {
    let (head, name) = table.rsplit_once('.')?;
    head.ends_with("dependencies").then_some(name)
}

/// The dependency a feature's item turns on (`dep:h2`, `tokio?/rt`, `serde`).
fn item_dep(item: &str) -> &str {
    let item = item.strip_prefix("dep:").unwrap_or(item);
    let item = item.split('/').next().unwrap_or(item);
    item.trim_end_matches('?')
}

/// Most names a subject lists before it counts them.
const MAX_LISTED: usize = 3;

/// Names, or their count past three: `a, b and c`, `4 lints`.
fn listed(names: &[String], one: &str, many: &str) -> String {
    match names.len() {
        1 => format!("{} {one}", names[0]),
        2..=MAX_LISTED => format!("{} {many}", join(names)),
        n => format!("{n} {many}"),
    }
}

/// Subjects for a manifest's dependency edits, lists and lints, when they say one thing,
/// the most precise first (`replace arboard with arboard/wayland-data-control in clipboard
/// feature`, then `update clipboard feature`): the caller takes the first that fits. A
/// feature that turns on a dependency just made optional goes with it (`make
/// wayland-backend optional`).
pub(crate) fn summary(deps: &[DepEdit], lists: &[ListChange], lints: &[LintChange]) -> Vec<String> {
    let mut deps = deps.to_vec();
    let mut rest: Vec<&ListChange> = Vec::new();
    for change in lists {
        if role(change) == Role::Dep && change.whole.is_none() {
            let table = change.table.as_deref().and_then(dep_table);
            let edit = DepEdit {
                name: table.unwrap_or(&change.key).to_owned(),
                enabled: change.added.clone(),
                disabled: change.removed.clone(),
                optional: None,
                default_features: None,
            };
            if !deps.contains(&edit) {
                deps.push(edit);
            }
        } else {
            rest.push(change);
        }
    }
    if !deps.is_empty() {
        // An item naming a dependency made optional (or required), or one of the features
        // just turned on for it (`ffi = [..., "futures-util?/alloc"]`).
        let goes_with = |item: &String| {
            let dep = item_dep(item);
            let feature = item.rsplit_once('/').map(|(_, f)| f.to_owned());
            deps.iter().any(|d| {
                d.name == dep
                    && (d.optional.is_some()
                        || feature.as_ref().is_some_and(|f| d.enabled.contains(f)))
            })
        };
        let names_dep =
            |c: &&ListChange| c.whole.is_none() && c.added.iter().chain(&c.removed).all(goes_with);
        if !lints.is_empty() || !rest.iter().all(names_dep) {
            return Vec::new();
        }
        let mut out: Vec<String> = super::cargo_deps::summary(&deps).into_iter().collect();
        let mut names: Vec<String> = deps.iter().map(|d| d.name.clone()).collect();
        names.dedup();
        if deps.len() <= 2 && deps.iter().all(|d| d.optional.is_none()) {
            out.push(format!("update features of {}", join(&names)));
        }
        return out;
    }
    let mut out = match (rest.is_empty(), lints.is_empty()) {
        (false, true) => lists_summary(&rest),
        (true, false) => lints_summary(lints),
        _ => Vec::new(),
    };
    out.dedup();
    out
}

/// Lints dropped, or given another priority; the lints turned on, allowed or fixed are
/// `summary::lint_change`'s.
fn lints_summary(lints: &[LintChange]) -> Vec<String> {
    let names: Vec<String> = lints
        .iter()
        .map(|l| {
            let tool = l.table.as_deref().and_then(|t| t.rsplit('.').next());
            match tool {
                Some(tool @ ("clippy" | "rustdoc")) => format!("{tool}::{}", l.name),
                _ => l.name.clone(),
            }
        })
        .collect();
    let verb = if lints.iter().all(|l| l.to.is_none()) {
        "remove"
    } else if lints.iter().all(|l| l.from == l.to) {
        // Only the priority moved (clippy's `lint_groups_priority`).
        "set priority of"
    } else {
        return Vec::new();
    };
    vec![
        format!("{verb} {}", listed(&names, "lint", "lints")),
        format!("{verb} {} lints", names.len()),
    ]
}

fn lists_summary(lists: &[&ListChange]) -> Vec<String> {
    let roles: Vec<Role> = lists.iter().map(|c| role(c)).collect();
    let features = roles.iter().all(|r| *r == Role::Feature);
    let mut keys: Vec<String> = lists.iter().map(|c| c.key.clone()).collect();
    keys.dedup();
    let counted = |verb: &str| {
        let noun = if keys.len() == 1 {
            "feature"
        } else {
            "features"
        };
        vec![
            format!("{verb} {}", listed(&keys, noun, noun)),
            format!("{verb} {} {noun}", keys.len()),
        ]
    };
    // Features defined or dropped whole.
    if lists.iter().all(|c| c.whole.is_some()) {
        if !features {
            return Vec::new();
        }
        return match lists {
            _ if lists.iter().all(|c| c.whole == Some(true)) => counted("add"),
            _ if lists.iter().all(|c| c.whole == Some(false)) => counted("remove"),
            // One dropped and one written with the same items: renamed.
            [a, b] if a.removed == b.added && a.added == b.removed => {
                let (old, new) = if a.whole == Some(false) {
                    (a, b)
                } else {
                    (b, a)
                };
                vec![format!("rename {} feature to {}", old.key, new.key)]
            }
            _ => Vec::new(),
        };
    }
    if lists.iter().any(|c| c.whole.is_some()) {
        return Vec::new();
    }
    // Where the items went: `use_serde feature`, `http2 and ffi features`, `default
    // features`, `include`.
    let place = if features {
        let noun = if keys.len() == 1 {
            "feature"
        } else {
            "features"
        };
        format!("{} {noun}", join(&keys))
    } else {
        match roles.as_slice() {
            [Role::Default] => "default features".to_owned(),
            [Role::Other(label)] => label.clone(),
            _ => return Vec::new(),
        }
    };
    // A key of the package's own is said to be the manifest's (`update authors in
    // Cargo.toml`).
    let update = match roles.as_slice() {
        [Role::Other(_)] => format!("update {place} in Cargo.toml"),
        _ => format!("update {place}"),
    };
    let first = lists[0];
    // `"h2"` now `"dep:h2"`: the optional dependency no longer makes a feature of its own.
    let prefixed = lists.iter().all(|c| {
        !c.removed.is_empty()
            && c.removed.len() == c.added.len()
            && c.removed
                .iter()
                .all(|r| c.added.contains(&format!("dep:{r}")))
    });
    if prefixed {
        return vec![format!("use dep: prefix in {place}"), update];
    }
    if lists
        .iter()
        .any(|c| c.added != first.added || c.removed != first.removed)
    {
        return match lists.len() {
            1..=MAX_LISTED => vec![update],
            _ => Vec::new(),
        };
    }
    // Arguments read as one: `--cfg docsrs`.
    let args = lists.iter().all(|c| c.key.ends_with("args"));
    let said = |items: &[String]| {
        let mut out = Vec::new();
        if args {
            out.push(items.join(" "));
        } else if items.len() <= MAX_LISTED {
            out.push(join(items));
        }
        let noun = if items.len() == 1 { "entry" } else { "entries" };
        out.push(format!("{} {noun}", items.len()));
        out
    };
    let mut out: Vec<String> = match (first.added.as_slice(), first.removed.as_slice()) {
        (added, []) => (said(added).into_iter())
            .map(|items| format!("add {items} to {place}"))
            .collect(),
        ([], removed) => (said(removed).into_iter())
            .map(|items| format!("remove {items} from {place}"))
            .collect(),
        ([new], [old]) => vec![format!("replace {old} with {new} in {place}")],
        _ => Vec::new(),
    };
    out.push(update);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bstr::BString;

    /// The subjects for one hunk (`body`: its lines with their markers), read without
    /// tables or with the tables `above` it.
    fn said(section: &str, body: &str, above: &str) -> Vec<String> {
        let hunk = Hunk {
            old_start: 1,
            old_lines: 1,
            new_start: 1,
            new_lines: 1,
            section: BString::from(section),
            body: BString::from(body),
            above: BString::from(above),
            fenced: None,
            below: Default::default(),
            within: Default::default(),
        };
        let places = super::super::tables::places(&hunk);
        let Some(lines) = super::hunk(&hunk, Some(&places)) else {
            return Vec::new();
        };
        let (lists, lints) = changes(&lines);
        summary(&[], &lists, &lints)
    }

    fn first(section: &str, body: &str, above: &str) -> Option<String> {
        said(section, body, above).into_iter().next()
    }

    #[test]
    fn items_put_into_or_taken_from_a_feature_are_said_with_it() {
        // wezterm's `Use serde with bitflags`.
        assert_eq!(
            first(
                "widgets = [\"cassowary\", \"fnv\"]",
                "-use_serde = [\"serde\", \"wezterm-blob-leases/serde\"]\n+use_serde = [\"serde\", \"wezterm-blob-leases/serde\", \"bitflags/serde\"]\n use_image = [\"image\"]\n",
                "",
            )
            .as_deref(),
            Some("add bitflags/serde to use_serde feature")
        );
        // hyper's `remove tokio-executor from runtime feature`: a list on lines of its own.
        assert_eq!(
            first(
                "runtime = [",
                "     \"tokio\",\n-    \"tokio-executor\",\n     \"tokio-reactor\",\n",
                "",
            )
            .as_deref(),
            Some("remove tokio-executor from runtime feature")
        );
        // The same item out of two features (bevy's `Remove ui from the 2d and 3d feature
        // collections`), and out of the default ones.
        assert_eq!(
            first(
                "",
                "-2d = [\"default_app\", \"ui\"]\n+2d = [\"default_app\"]\n-3d = [\"default_app\", \"ui\"]\n+3d = [\"default_app\"]\n",
                "[features]\n",
            )
            .as_deref(),
            Some("remove ui from 2d and 3d features")
        );
        assert_eq!(
            first(
                "",
                "-default = [\"application\", \"lessopen\"]\n+default = [\"application\"]\n",
                "[features]\n",
            )
            .as_deref(),
            Some("remove lessopen from default features")
        );
        // An optional dependency named with `dep:` (hyper's `remove implicit features of
        // optional dependencies`).
        assert_eq!(
            first(
                "",
                "-http2 = [\"h2\"]\n+http2 = [\"dep:h2\"]\n",
                "[features]\n"
            )
            .as_deref(),
            Some("use dep: prefix in http2 feature")
        );
        // One item for another; a longer subject gives way to a shorter one.
        assert_eq!(
            said(
                "",
                "-clipboard = [ \"tauri-runtime/clipboard\", \"arboard\" ]\n+clipboard = [ \"tauri-runtime/clipboard\", \"arboard/wayland-data-control\" ]\n",
                "[features]\n",
            ),
            [
                "replace arboard with arboard/wayland-data-control in clipboard feature",
                "update clipboard feature"
            ]
        );
        // Items that only moved in the list: no change.
        assert_eq!(
            first(
                "net = [",
                "-  \"winapi/aclapi\"\n+  \"winapi/aclapi\",\n ]\n",
                ""
            ),
            None
        );
    }

    #[test]
    fn the_package_lists_are_named_by_their_keys() {
        assert_eq!(
            first(
                "include = [",
                "   \"Cargo.toml\",\n-  \"build.rs\",\n   \"src/**/*\",\n",
                ""
            )
            .as_deref(),
            Some("remove build.rs from include")
        );
        // Arguments read as one.
        assert_eq!(
            first(
                "",
                "-rustdoc-args = [\"--cfg\", \"docsrs\", \"--generate-link-to-definition\"]\n+rustdoc-args = [\"--generate-link-to-definition\"]\n",
                "[package.metadata.docs.rs]\n",
            )
            .as_deref(),
            Some("remove --cfg docsrs from rustdoc-args")
        );
        assert_eq!(
            first(
                "features = [",
                "   \"http-multipart\",\n-  \"gtk-tray\",\n   \"icon-png\",\n",
                "[package.metadata.docs.rs]\n",
            )
            .as_deref(),
            Some("remove gtk-tray from docs.rs features")
        );
    }

    #[test]
    fn features_defined_or_dropped_whole_are_named() {
        assert_eq!(
            first(
                "",
                " time = []\n \n-stats = []\n-\n [dependencies]\n",
                "[features]\n"
            )
            .as_deref(),
            Some("remove stats feature")
        );
        // A list on lines of its own, written whole.
        assert_eq!(
            first(
                "",
                " [features]\n+full = [\n+  \"plugin\",\n+  \"sqlite\",\n+]\n plugin = []\n",
                "",
            )
            .as_deref(),
            Some("add full feature")
        );
        assert_eq!(
            said(
                "",
                " script = []\n+xlib = []\n+xcb = []\n+freetype = []\n+use_glib = []\n",
                "[features]\n",
            ),
            ["add 4 features"]
        );
        assert_eq!(
            first(
                "",
                "-old-name = [\"dep:x\"]\n+new-name = [\"dep:x\"]\n",
                "[features]\n"
            )
            .as_deref(),
            Some("rename old-name feature to new-name")
        );
    }

    #[test]
    fn lints_dropped_or_given_a_priority_are_named() {
        assert_eq!(
            first(
                "",
                " invalid_upcast_comparisons = \"warn\"\n-items_after_statements = \"warn\"\n large_digit_groups = \"warn\"\n",
                "[workspace.lints.clippy]\n",
            )
            .as_deref(),
            Some("remove clippy::items_after_statements lint")
        );
        assert_eq!(
            said(
                "",
                "-exhaustive_enums = \"warn\"\n-exhaustive_structs = \"warn\"\n-exit = \"warn\"\n-unwrap_used = \"warn\"\n",
                "",
            ),
            ["remove 4 lints"]
        );
        // Levels turned on or loosened are said by `summary::lint_change`.
        assert!(
            said(
                "",
                "-unsafe_code = \"warn\"\n+unsafe_code = \"allow\"\n",
                "[lints.rust]\n"
            )
            .is_empty()
        );
        assert_eq!(
            first(
                "",
                "-rust_2018_idioms = \"warn\"\n+rust_2018_idioms = { level = \"warn\", priority = -1 }\n",
                "[workspace.lints.rust]\n",
            )
            .as_deref(),
            Some("set priority of rust_2018_idioms lint")
        );
        // Outside a lints table, a key given `"warn"` is a setting, not a lint.
        assert_eq!(
            first("", "-level = \"warn\"\n+level = \"deny\"\n", "[tool.x]\n"),
            None
        );
    }

    #[test]
    fn a_feature_that_goes_with_a_dependency_edit_is_part_of_it() {
        let deps = super::super::cargo_deps::edits(
            &[r#"wayland-backend = {version="0.3.5", features=["client_system"]}"#],
            &[r#"wayland-backend = {version="0.3.5", features=["client_system"], optional=true}"#],
        )
        .unwrap();
        let feature = ListChange {
            table: Some("features".to_owned()),
            key: "wayland".to_owned(),
            dep: false,
            added: vec!["wayland-backend".to_owned()],
            removed: Vec::new(),
            whole: None,
        };
        assert_eq!(
            summary(&deps, std::slice::from_ref(&feature), &[]),
            ["make wayland-backend optional"]
        );
        // A feature that names another dependency is a change of its own.
        let other = ListChange {
            added: vec!["serde".to_owned()],
            ..feature
        };
        assert!(summary(&deps, &[other], &[]).is_empty());
    }

    #[test]
    fn other_lines_are_not_read() {
        assert!(said("", "-version = \"1.0\"\n+version = \"1.1\"\n", "").is_empty());
        assert!(said("", "+[features]\n+full = []\n", "").is_empty());
        // A list of tables, not of quoted items.
        assert!(
            said(
                "pre-release-replacements = [",
                "+  {file=\"CITATION.cff\", search=\"x\", replace=\"y\"},\n",
                ""
            )
            .is_empty()
        );
    }

    #[test]
    fn a_dependency_features_list_on_lines_of_its_own_is_a_dependency_edit() {
        let hunk = Hunk {
            old_start: 1,
            old_lines: 1,
            new_start: 1,
            new_lines: 1,
            section: BString::from("objc2-app-kit = { version = \"0.2.2\", features = ["),
            body: BString::from("   \"NSWindow\",\n+  \"NSImage\",\n ] }\n"),
            above: BString::default(),
            fenced: None,
            below: Default::default(),
            within: Default::default(),
        };
        let lines = super::hunk(&hunk, None).unwrap();
        let (lists, lints) = changes(&lines);
        assert_eq!(
            summary(&[], &lists, &lints).first().map(String::as_str),
            Some("enable NSImage feature of objc2-app-kit")
        );
    }
}
