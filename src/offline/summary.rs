//! The summary after `type(scope): `: an imperative phrase that names what changed (the
//! functions, types, sections or files), fitted to a character budget.

use super::analysis::{Analysis, FileFacts, Setting};
use super::calls::own_name;
use super::classify::Type;
use super::defs::DefKind;
use super::deps::{DepChange, bare_version, short_name};
use super::words;
use crate::diff::Status;
use crate::paths::{self, Kind};
use crate::text::{noun, plural};
use std::collections::HashSet;

/// Counts characters, not bytes: the limit is on what a person sees.
pub(crate) fn width(s: &str) -> usize {
    s.chars().count()
}

/// Cuts `text` to at most `budget` characters, at a word boundary when there is one.
pub(crate) fn truncate(text: &str, budget: usize) -> String {
    if width(text) <= budget {
        return text.to_owned();
    }
    let hard: String = text.chars().take(budget).collect();
    // Prefer the last space that keeps at least half of the budget.
    let cut = match hard.rfind(' ') {
        Some(at) if width(&hard[..at]) * 2 >= budget => hard[..at].to_owned(),
        _ => hard,
    };
    let mut cut = cut.trim_end().to_owned();
    // A clause cut in the middle reads worse than one left out: end before it when four
    // words or more come first (`prevent onoutroend from firing twice`, not `… twice when
    // compilerOptions.hmr`).
    let clauses = [
        " when ",
        " if ",
        " so ",
        " because ",
        " while ",
        " until ",
        " unless ",
        " which ",
        " since ",
        " as soon as ",
    ];
    if let Some(at) = clauses
        .iter()
        .filter_map(|c| cut.rfind(c))
        .filter(|&at| cut[..at].split_whitespace().count() >= 4)
        .max()
    {
        cut.truncate(at);
    }
    // Nor inside parentheses or a code span.
    for mark in ['(', '`'] {
        let open = if mark == '(' {
            cut.matches('(').count() > cut.matches(')').count()
        } else {
            cut.matches('`').count() % 2 == 1
        };
        if open
            && let Some(at) = cut.rfind(&format!(" {mark}"))
            && cut[..at].split_whitespace().count() >= 2
        {
            cut.truncate(at);
        }
    }
    // Do not end on a word that promises more.
    let tails = [
        " and", " to", " from", " in", " for", " of", ",", " the", " a", " with", " when", " if",
        " by", " on", " at", " into", " that", " which", " w/", " an", " or", " so", " via", " is",
        " are", " was", " be", " as", " than", " after", " before", " until", " while", " because",
        " since", " its", " their", " through", " under", " over", " about", " between", " within",
        " without", " across", " per", " against", " like",
    ];
    while let Some(tail) = tails
        .iter()
        .find(|t| cut.ends_with(*t) && width(&cut) > t.len() + 1)
    {
        cut.truncate(cut.len() - tail.len());
    }
    cut.trim_end_matches([',', ' ', '.', ':', ';']).to_owned()
}

/// Joins names as prose: `a`, `a and b`, `a, b and c`.
pub(crate) fn join(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Most names a summary lists: past two, a list says less than the one main thing would.
const MAX_NAMED: usize = 2;

/// Writes `verb names tail` with as many of the names (up to two) as fit in `budget`.
fn fit(verb: &str, names: &[String], tail: &str, budget: usize) -> String {
    let words = |names: &[String]| {
        let mut s = String::from(verb);
        if !names.is_empty() {
            s.push(' ');
            s.push_str(&join(names));
        }
        s.push_str(tail);
        s
    };
    // The second name the first in another case (`Sleep` and its `sleep`, `Id` and its
    // module `id`) says one thing twice: one is enough, and no third comes in its place.
    let names = match names {
        [a, b, ..] if a.eq_ignore_ascii_case(b) => &names[..1],
        _ => names,
    };
    for k in (1..=names.len().min(MAX_NAMED)).rev() {
        let text = words(&names[..k]);
        if width(&text) <= budget {
            return text;
        }
    }
    if names.is_empty() {
        return truncate(&words(&[]), budget);
    }
    // One name is still too long without the tail: keep the name, it says more.
    let bare = words(&names[..1]);
    let no_tail = bare.strip_suffix(tail).unwrap_or(&bare);
    truncate(no_tail, budget)
}

/// Names in order of first appearance, each once. The set beside the list keeps this linear:
/// a large change can name thousands of definitions.
#[derive(Default)]
struct Names {
    list: Vec<String>,
    seen: HashSet<String>,
}

impl Names {
    /// Adds `name`, trimmed, unless it is empty, longer than 60 bytes or already listed.
    fn push(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() && name.len() <= 60 && !self.seen.contains(name) {
            self.seen.insert(name.to_owned());
            self.list.push(name.to_owned());
        }
    }

    fn into_list(self) -> Vec<String> {
        self.list
    }
}

/// The name a file goes by in a summary: `mod.rs`, `index.ts`, `__init__.py` take their
/// folder's name; tests drop their `test_`/`_test`/`.spec` decorations.
/// The files' subjects, each once, in order.
fn file_subjects(files: &[&FileFacts]) -> Vec<String> {
    let mut names = Names::default();
    for f in files {
        names.push(&file_subject(&f.path));
    }
    names.into_list()
}

pub(crate) fn file_subject(path: &str) -> String {
    let mut stem = paths::stem(path).to_owned();
    // A package's manifest is its package: `tests/tracing-instrumentation/Cargo.toml` is
    // `tracing-instrumentation`, never `Cargo`.
    if paths::is_manifest(paths::file_name(path))
        && let Some((dir, _)) = path.rsplit_once('/')
    {
        return paths::file_name(dir).to_owned();
    }
    if let Some(name) = kind_name(path) {
        return name;
    }
    let generic = matches!(
        stem.as_str(),
        "mod" | "index" | "__init__" | "lib" | "main" | "init" | "__main__" | "package"
    ) || (matches!(stem.as_str(), "test" | "tests" | "spec")
        // bat's `tests/syntax-tests/source/Fortran Namelist/test.namelist`, Rust's
        // `src/offline/tests.rs`: the folder names what is tested; an example or a program
        // named `test` (clap's `examples/test.rs`) is its own name.
        && !path.rsplit('/').nth(1).is_some_and(|d| {
            matches!(d, "examples" | "example" | "bin" | "benches" | "cmd")
        }));
    if generic {
        let mut dirs = path.rsplit('/').skip(1);
        if let Some(dir) =
            dirs.find(|d| !matches!(*d, "src" | "lib" | "__tests__" | "tests" | "test"))
        {
            stem = dir.to_owned();
        }
    }
    let stem = stem
        .strip_prefix("test_")
        .or_else(|| stem.strip_suffix("_test"))
        .or_else(|| stem.strip_suffix("_tests"))
        .or_else(|| stem.strip_suffix("_spec"))
        .or_else(|| stem.strip_suffix("-test"))
        .or_else(|| stem.strip_suffix("Test"))
        .unwrap_or(&stem);
    // A name escaped from a keyword is the keyword: nushell's `match_.rs` holds `match`.
    let stem = match stem.strip_suffix('_') {
        Some(word) if word.len() >= 2 && !word.contains('_') => word,
        _ => stem,
    };
    stem.to_owned()
}

/// Queries of one language named once: `janet highlights` and `janet injections` are
/// `janet highlights and injections`; more kinds are `janet queries`.
fn one_language(names: Vec<String>) -> Vec<String> {
    let split: Vec<(&str, &str)> = names.iter().filter_map(|n| n.split_once(' ')).collect();
    let lang = split.first().map(|(l, _)| *l);
    let kinds: Vec<String> = split.iter().map(|(_, k)| (*k).to_owned()).collect();
    match lang {
        Some(lang)
            if names.len() >= 2
                && split.len() == names.len()
                && split.iter().all(|(l, _)| *l == lang)
                && kinds.iter().all(|k| QUERY_KINDS.contains(&k.as_str())) =>
        {
            match kinds.len() {
                2 => vec![format!("{lang} {}", join(&kinds))],
                _ => vec![format!("{lang} queries")],
            }
        }
        _ => names,
    }
}

/// The name a data or configuration file goes by: its file name, a query by its language
/// and kind (`go injections`).
fn data_name(path: &str) -> String {
    kind_name(path).unwrap_or_else(|| paths::file_name(path).to_owned())
}

/// The name a file goes by for what it is rather than what it is called: a tree-sitter
/// query by its language and kind (`lua rainbows`), a completion script by its shell (`zsh
/// completion`).
fn kind_name(path: &str) -> Option<String> {
    query_name(path).or_else(|| super::flag_mentions::completion(path))
}

/// The kinds of tree-sitter queries, each a file of its own.
const QUERY_KINDS: &[&str] = &[
    "highlights",
    "injections",
    "indents",
    "rainbows",
    "tags",
    "textobjects",
    "folds",
    "locals",
    "context",
    "outline",
    "brackets",
    "overrides",
];

/// Tree-sitter queries are named by their kind, in a folder named for the language:
/// `queries/lua/rainbows.scm` is `lua rainbows`.
pub(crate) fn query_name(path: &str) -> Option<String> {
    let stem = paths::stem(path);
    if paths::extension(path) == "scm"
        && QUERY_KINDS.contains(&stem)
        && let Some((dir, _)) = path.rsplit_once('/')
    {
        let lang = paths::file_name(dir);
        if !lang.is_empty() && lang != "queries" {
            return Some(format!("{lang} {stem}"));
        }
    }
    None
}

/// The name a prose or config file goes by: `README`, `CONTRIBUTING`, else the file name.
pub(crate) fn doc_name(path: &str) -> String {
    if let Some(name) = kind_name(path) {
        return name;
    }
    let name = paths::file_name(path);
    // Only the `.md` goes: `CHANGELOG-3.0.md` is `CHANGELOG-3.0`, not `CHANGELOG-3`.
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let shouting = stem.chars().any(|c| c.is_ascii_uppercase())
        && !stem.chars().any(|c| c.is_ascii_lowercase());
    if shouting && stem.len() < name.len() {
        stem.to_owned()
    } else {
        name.to_owned()
    }
}

/// The verb for a set of files that were all added, all deleted, or otherwise.
fn file_verb(files: &[&FileFacts], default: &'static str) -> &'static str {
    if files.iter().all(|f| f.status == Status::Added) {
        "add"
    } else if files.iter().all(|f| f.status == Status::Deleted) {
        "remove"
    } else {
        default
    }
}

/// Both ends of a bump as Dependabot writes them ([`bare_version`]), when both are
/// versions: `from v1 to master` keeps its `v`.
fn bare_versions<'a>(from: &'a str, to: &'a str) -> (&'a str, &'a str) {
    let numeric = |v: &str| {
        v.trim_start_matches(['v', 'V'])
            .starts_with(|c: char| c.is_ascii_digit())
    };
    if numeric(from) && numeric(to) {
        (bare_version(from), bare_version(to))
    } else {
        (from, to)
    }
}

fn deps_summary(deps: &[DepChange], budget: usize) -> String {
    if let [dep] = deps {
        let text = match (&dep.from, &dep.to) {
            _ if dep.is_entry_pin() => format!("update {}", dep.name),
            _ if let Some(text) = dep.widening() => text,
            (Some(from), Some(to)) => {
                let (from, to) = bare_versions(from, to);
                format!("{} {} from {from} to {to}", dep.verb(), dep.name)
            }
            (None, Some(_)) => format!("add {} dependency", dep.name),
            (Some(_), None) => format!("remove {} dependency", dep.name),
            (None, None) => format!("update {}", dep.name),
        };
        if width(&text) <= budget {
            return text;
        }
        if let Some(to) = &dep.to {
            let short = format!("{} {} to {}", dep.verb(), dep.name, bare_version(to));
            if width(&short) <= budget {
                return short;
            }
        }
        return truncate(&format!("bump {}", dep.name), budget);
    }
    // Entries of one registry (`markdown grammar`, `markdown_inline grammar`) are named
    // once as what they are: `update markdown and markdown_inline grammars`, `update 8
    // grammars`.
    let kind = deps[0].name.rsplit_once(' ').map(|(_, k)| k);
    if let Some(kind) = kind
        && deps.iter().all(DepChange::is_entry_pin)
        && let Some(names) = (deps.iter())
            .map(|d| {
                d.name
                    .strip_suffix(kind)?
                    .strip_suffix(' ')
                    .map(str::to_owned)
            })
            .collect::<Option<Vec<String>>>()
    {
        let kinds = crate::text::plural_of(kind);
        let text = format!("update {} {kinds}", join(&names));
        if names.len() <= MAX_NAMED && width(&text) <= budget {
            return text;
        }
        return truncate(&format!("update {} {kinds}", names.len()), budget);
    }
    // Packages taken out and one put in their place: `replace dirs with etcetera`.
    let gone: Vec<String> = (deps.iter())
        .filter(|d| d.from.is_some() && d.to.is_none())
        .map(|d| d.name.clone())
        .collect();
    if let [new] = (deps.iter())
        .filter(|d| d.from.is_none() && d.to.is_some())
        .collect::<Vec<_>>()
        .as_slice()
        && (1..=3).contains(&gone.len())
        && gone.len() + 1 == deps.len()
    {
        let text = format!("replace {} with {}", join(&gone), new.name);
        if width(&text) <= budget {
            return text;
        }
    }
    let mut bumped: Vec<String> = deps
        .iter()
        .map(|d| short_name(&d.name).to_owned())
        .collect();
    // Two `version` lines of one file are one name (`bump version to 0.12.5`).
    bumped.dedup();
    let verb = if deps.iter().all(|d| d.from.is_some() && d.to.is_some()) {
        "bump"
    } else if let Some(verb) = [("remove", false), ("add", true)]
        .into_iter()
        .find(|&(_, added)| {
            deps.iter()
                .all(|d| d.from.is_some() != added && d.to.is_some() == added)
        })
        .map(|(verb, _)| verb)
    {
        // All taken out, or all new: `remove num_cpus and tokio-util dependencies`.
        let text = format!(
            "{verb} {} {}",
            join(&bumped),
            noun(bumped.len(), "dependency", "dependencies")
        );
        if bumped.len() <= 3 && width(&text) <= budget {
            return text;
        }
        return truncate(
            &format!(
                "{verb} {}",
                plural(deps.len(), "dependency", "dependencies")
            ),
            budget,
        );
    } else {
        "update"
    };
    if bumped.len() <= 3 {
        // A family released together moves to one version: `bump yuku-parser and
        // @yuku-parser/wasm to 0.7.4`.
        let to = deps[0]
            .to
            .as_deref()
            .filter(|to| verb == "bump" && deps.iter().all(|d| d.to.as_deref() == Some(*to)));
        if let Some(to) = to {
            let text = format!("{verb} {} to {to}", join(&bumped));
            if width(&text) <= budget {
                return text;
            }
        }
        let text = format!("{verb} {}", join(&bumped));
        if width(&text) <= budget {
            return text;
        }
    }
    // More of one family moved to one version: `bump nx packages to 21.2.3` for `nx` and
    // four `@nx/…` packages.
    let family = |name: &str| -> String {
        match name.strip_prefix('@').and_then(|n| n.split_once('/')) {
            Some((scope, _)) => scope.to_owned(),
            None => name.split(['-', '_']).next().unwrap_or(name).to_owned(),
        }
    };
    let to = deps[0].to.as_deref();
    if verb == "bump"
        && to.is_some()
        && deps.iter().all(|d| d.to.as_deref() == to)
        && deps
            .iter()
            .all(|d| family(&d.name) == family(&deps[0].name))
        && let Some(to) = to
    {
        let text = format!("bump {} packages to {to}", family(&deps[0].name));
        if width(&text) <= budget {
            return text;
        }
    }
    let count = plural(deps.len(), "dependency", "dependencies");
    truncate(&format!("{verb} {count}"), budget)
}

fn moves_summary(files: &[&FileFacts], budget: usize) -> String {
    if let [file] = files {
        let old = file.old_path.as_deref().unwrap_or(&file.path);
        let (old_dir, new_dir) = (parent(old), parent(&file.path));
        let text = if old_dir == new_dir {
            format!(
                "rename {} to {}",
                paths::file_name(old),
                paths::file_name(&file.path)
            )
        } else if paths::file_name(old) == paths::file_name(&file.path) {
            format!("move {} to {}/", paths::file_name(old), new_dir)
        } else {
            format!("move {old} to {}", file.path)
        };
        return truncate(&text, budget);
    }
    let first = parent(&files[0].path);
    if files.iter().all(|f| parent(&f.path) == first) && !first.is_empty() {
        let text = format!("move {} to {first}/", plural(files.len(), "file", "files"));
        if width(&text) <= budget {
            return text;
        }
    }
    let count = plural(files.len(), "file", "files");
    truncate(&format!("rename {count}"), budget)
}

/// The folder most of the change renames, `(old, new)`: the paths of the renamed files
/// before the part they keep (`tooling/cli.rs/src/main.rs` → `tooling/cli/src/main.rs` is
/// `tooling/cli.rs` → `tooling/cli`), when three files or more share it and they are two
/// thirds of the change or more (the rest the references to the old path put right); and
/// how many files it moves.
pub(crate) fn folder_move(files: &[&FileFacts]) -> Option<(String, String, usize)> {
    let mut pairs: Vec<((String, String), usize)> = Vec::new();
    let mut renamed = 0;
    for f in files.iter().filter(|f| f.status == Status::Renamed) {
        let Some(old) = f.old_path.as_deref() else {
            continue;
        };
        renamed += 1;
        let (mut old_parts, mut new_parts): (Vec<&str>, Vec<&str>) =
            (old.split('/').collect(), f.path.split('/').collect());
        while old_parts.len() > 1 && new_parts.len() > 1 && old_parts.last() == new_parts.last() {
            old_parts.pop();
            new_parts.pop();
        }
        // A file renamed in its folder is no folder moved.
        if old_parts.len() == 1 && new_parts.len() == 1 {
            continue;
        }
        let pair = (old_parts.join("/"), new_parts.join("/"));
        match pairs.iter_mut().find(|(p, _)| *p == pair) {
            Some((_, n)) => *n += 1,
            None => pairs.push((pair, 1)),
        }
    }
    let ((old, new), count) = pairs.into_iter().max_by_key(|(_, n)| *n)?;
    (count >= 3 && count * 5 >= renamed * 4 && count * 3 >= files.len() * 2)
        .then_some((old, new, count))
}

/// Files renamed together from one folder that make it the folder itself: the diff shows
/// no file left behind, so a few could be some of its files; ten or more are the folder.
const WHOLE_FOLDER: usize = 10;

/// A folder renamed or moved, with the references to it: `rename tooling/cli.rs to
/// tooling/cli` (tauri's 176 files), `move widgets to src/`; fewer files than a whole
/// folder surely is as `move 4 files from widgets to src/widgets`.
fn folder_move_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let (old, new, count) = folder_move(files)?;
    let text = if count < WHOLE_FOLDER {
        format!("move {count} files from {old} to {new}")
    } else if parent(&old) == parent(&new) {
        format!("rename {old} to {new}")
    } else if paths::file_name(&old) == paths::file_name(&new) {
        match parent(&new) {
            "" => format!("move {old} to the top folder"),
            to => format!("move {old} to {to}/"),
        }
    } else {
        format!("move {old} to {new}")
    };
    (width(&text) <= budget).then_some(text)
}

/// The change's files, release notes aside, when they are all source files edited in place
/// and no test came with them: what a refactor that moves code between functions touches
/// ([`extracted`], [`inlined`]).
fn edited_source(a: &Analysis) -> Option<Vec<&FileFacts>> {
    let code: Vec<&FileFacts> = (a.substantive().into_iter())
        .filter(|f| f.kind != Kind::Note)
        .collect();
    let edited = code
        .iter()
        .all(|f| f.kind == Kind::Source && f.status == Status::Modified);
    (!code.is_empty() && a.test_added == 0 && edited).then_some(code)
}

/// A function extracted: the one definition a change adds is code taken out of another
/// function (seven in ten of the removed lines of code come back in it: tauri's
/// `inject_features_table` out of `write_features`), or code written out in several places
/// that now calls it (vue's `isReservedPrefix(key[0])` for `key[0] === '$' || key[0] ===
/// '_'`, three times), and nothing else changed much: `(new, from)`. No test came with it:
/// a test says the behaviour changed.
pub(crate) fn extracted(a: &Analysis) -> Option<(String, Option<String>)> {
    let code = edited_source(a)?;
    if code.iter().any(|f| !f.removed_defs.is_empty()) {
        return None;
    }
    let added: Vec<&super::defs::Def> = code.iter().flat_map(|f| &f.added_defs).collect();
    let [new] = added.as_slice() else {
        return None;
    };
    let (plus, minus) = (a.code_added.lines, a.code_removed.lines);
    let moved = a.moved_lines >= 3 && a.moved_lines * 10 >= a.compared_lines * 7;
    // Each call replaced a line or a few: no more lines came than went, but the helper's.
    let called = a.new_def_calls >= 3 && plus <= minus + 12;
    if new.kind != DefKind::Function || !(moved || called) || plus > minus + minus / 2 + 10 {
        return None;
    }
    if !moved {
        return Some((new.name.clone(), None));
    }
    let from = (code.iter())
        .flat_map(|f| &f.touched)
        .find(|d| matches!(d.kind, DefKind::Function | DefKind::Constant) && d.name != new.name)
        .map(|d| d.name.clone());
    Some((new.name.clone(), from))
}

/// A function inlined, the inverse of [`extracted`]: the one definition a change removes is
/// a function no longer called anywhere, whose callers now do its work themselves (vue's
/// `recordEffectScope(this)` written out in `ReactiveEffect`): every call the added code
/// makes was made by the removed code, nothing more added than taken out (a few lines
/// aside), no new function, no test added: `(gone, into)`.
pub(crate) fn inlined(a: &Analysis) -> Option<(String, Option<String>)> {
    let code = edited_source(a)?;
    if a.calls_overflow
        || (code.iter().flat_map(|f| &f.added_defs)).any(|d| d.kind != DefKind::Constant)
    {
        return None;
    }
    let removed: Vec<&super::defs::Def> = code.iter().flat_map(|f| &f.removed_defs).collect();
    let [gone] = removed.as_slice() else {
        return None;
    };
    let (plus, minus) = (a.code_added.lines, a.code_removed.lines);
    let calls_it = |calls: &[String]| calls.iter().any(|c| own_name(c) == gone.name);
    let nothing_new = (a.calls_added.iter()).all(|c| a.calls_removed.contains(c));
    if gone.kind != DefKind::Function
        || !calls_it(&a.calls_removed)
        || calls_it(&a.calls_added)
        || !nothing_new
        || plus == 0
        || plus > minus + 4
        || minus > 60
    {
        return None;
    }
    let mut into = Names::default();
    for d in code.iter().flat_map(|f| &f.touched) {
        if matches!(d.kind, DefKind::Function | DefKind::Type) && d.name != gone.name {
            into.push(&d.name);
        }
    }
    let into = match into.into_list().as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    Some((gone.name.clone(), into))
}

/// `extract inject_features_table from write_features`, `extract isReservedPrefix` (see
/// [`extracted`]); `inline comparePair into Log` (see [`inlined`]).
fn extracted_summary(a: &Analysis, budget: usize) -> Option<String> {
    let text = match (extracted(a), inlined(a)) {
        (Some((new, Some(from))), _) => format!("extract {new} from {from}"),
        (Some((new, None)), _) => format!("extract {new}"),
        (None, Some((gone, Some(into)))) => format!("inline {gone} into {into}"),
        (None, Some((gone, None))) => format!("inline {gone}"),
        (None, None) => return None,
    };
    (width(&text) <= budget).then_some(text)
}

/// Source files moved whole from one package to another, with the few lines that declare
/// and re-export them: `move dag_walk and dag_walk_async from lib to core` (jj), not `add
/// dag_walk` for the new `pub mod` lines.
fn moved_modules_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let (names, from, to) = moved_modules(files)?;
    Some(fit(
        "move",
        &names,
        &format!(" from {from} to {to}"),
        budget,
    ))
}

/// Tells whether the change moves source files whole to another package (see
/// [`moved_modules_summary`]): a refactor.
pub(crate) fn is_module_move(a: &Analysis) -> bool {
    moved_modules(&a.substantive()).is_some()
}

/// The files' names and the two folders, when source files moved whole from one package to
/// another and little else changed.
fn moved_modules(files: &[&FileFacts]) -> Option<(Vec<String>, String, String)> {
    let (moved, others): (Vec<&FileFacts>, Vec<&FileFacts>) = files
        .iter()
        .partition(|f| f.is_pure_move() && f.kind == Kind::Source);
    let edited: usize = others.iter().map(|f| f.additions + f.deletions).sum();
    if moved.is_empty() || moved.len() > 4 || edited > 40 {
        return None;
    }
    // The folders the paths part at: `lib/src/x.rs` → `core/src/x.rs` moved from lib to core.
    let parting = |f: &FileFacts| {
        let old = f.old_path.as_deref()?;
        old.split('/')
            .zip(f.path.split('/'))
            .find(|(a, b)| a != b)
            .filter(|(a, b)| !a.contains('.') && !b.contains('.'))
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
    };
    let (from, to) = parting(moved[0])?;
    if moved
        .iter()
        .any(|f| parting(f).as_ref() != Some(&(from.clone(), to.clone())))
    {
        return None;
    }
    let mut names = Names::default();
    for f in &moved {
        names.push(paths::stem(&f.path));
    }
    Some((names.into_list(), from, to))
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Constructors and trait plumbing (`new`, `fmt`): they come with the type they serve, and
/// name a change only when nothing else does.
const TRIVIAL: &[&str] = &[
    "new",
    "default",
    "fmt",
    "from",
    "into",
    "clone",
    "eq",
    "hash",
    "drop",
    "deref",
    "deref_mut",
    "as_ref",
    "constructor",
    "init",
    "style",
];

/// Drops the [`TRIVIAL`] names from a list, unless nothing else would be left.
fn without_trivial(names: &mut Vec<String>) {
    // Placeholders name no item of the project: they come from examples and tests.
    names.retain(|n| !PLACEHOLDERS.contains(&n.to_lowercase().as_str()));
    if names.iter().any(|n| !TRIVIAL.contains(&n.as_str())) {
        names.retain(|n| !TRIVIAL.contains(&n.as_str()));
    }
}

/// Names examples and tests use for anything at all (`async function foo()` in a test).
/// Not `bar`: ratatui's `symbols::bar` is real.
const PLACEHOLDERS: &[&str] = &["foo", "baz", "qux", "quux", "foobar", "dummy"];

/// Cargo manifests whose every change edits dependency lines in place, features, lints or
/// other lists (a lockfile beside them): `enable rc feature of serde`, `make tower-http
/// optional`, `add bitflags/serde to use_serde feature`, `remove clippy::exit lint`. The
/// same edit in several manifests is said once.
fn manifest_edits_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let mut edits: Vec<super::cargo_deps::DepEdit> = Vec::new();
    let mut lists: Vec<super::cargo_manifest::ListChange> = Vec::new();
    let mut lints: Vec<super::cargo_manifest::LintChange> = Vec::new();
    fn add<T: PartialEq + Clone>(to: &mut Vec<T>, from: &[T]) {
        for item in from {
            if !to.contains(item) {
                to.push(item.clone());
            }
        }
    }
    for f in files {
        match f.kind {
            Kind::Lockfile => continue,
            Kind::Manifest if !f.dep_edits.is_empty() || !f.manifest_lines.is_empty() => {}
            _ => return None,
        }
        add(&mut edits, &f.dep_edits);
        add(
            &mut edits,
            &super::cargo_manifest::moved_deps(&f.manifest_lines)?,
        );
        let (l, n) = super::cargo_manifest::changes(&f.manifest_lines);
        add(&mut lists, &l);
        add(&mut lints, &n);
    }
    (super::cargo_manifest::summary(&edits, &lists, &lints).into_iter())
        .find(|text| width(text) <= budget)
}

/// Names of definitions across the given files, for a type.
fn def_names(files: &[&FileFacts], ty: Type) -> (Vec<String>, bool) {
    let mut added = Names::default();
    let mut touched = Names::default();
    let mut removed = Names::default();
    let mut ordered: Vec<&&FileFacts> = files.iter().collect();
    ordered.sort_by_key(|f| std::cmp::Reverse(f.additions + f.deletions));
    for f in &ordered {
        let public_first = f
            .added_defs
            .iter()
            .filter(|d| d.public)
            .chain(f.added_defs.iter());
        for d in public_first.filter(|d| d.kind != DefKind::Test) {
            added.push(&d.name);
        }
        for d in f.touched.iter().filter(|d| d.kind != DefKind::Test) {
            touched.push(&d.name);
        }
        for d in f.removed_defs.iter().filter(|d| d.kind != DefKind::Test) {
            removed.push(&d.name);
        }
    }
    let (mut added, mut touched, mut removed) =
        (added.into_list(), touched.into_list(), removed.into_list());
    // A name defined in three files or more is a trait's or interface's method and its
    // implementations: what the change is about (ratatui's `save_cursor_position` in the
    // backend trait and each backend, before a test backend's public counter).
    // Counted once per file and name: a large change names thousands of definitions.
    let spread = |defs: fn(&FileFacts) -> &[super::defs::Def]| {
        let mut files_of: std::collections::HashMap<&str, usize> = Default::default();
        for f in files {
            let names: HashSet<&str> = defs(f).iter().map(|d| d.name.as_str()).collect();
            for name in names {
                *files_of.entry(name).or_default() += 1;
            }
        }
        files_of
    };
    let (added_in, touched_in) = (spread(|f| &f.added_defs), spread(|f| &f.touched));
    let widespread = |counts: &std::collections::HashMap<&str, usize>, name: &str| {
        counts.get(name).is_some_and(|&n| n >= 3)
    };
    added.sort_by_key(|n| !widespread(&added_in, n));
    touched.sort_by_key(|n| !widespread(&touched_in, n));
    // A `mod tests` is where the tests live, not what the change is about.
    for list in [&mut added, &mut touched, &mut removed] {
        list.retain(|n| !matches!(n.as_str(), "tests" | "test"));
        without_trivial(list);
    }
    // Dunder methods (`__init__`) say less than the methods around them.
    for list in [&mut added, &mut touched, &mut removed] {
        if list.iter().any(|n| !n.starts_with("__")) {
            list.retain(|n| !n.starts_with("__"));
        }
    }
    if ty == Type::FEAT && !added.is_empty() {
        return (added, true);
    }
    // Anything but a feature is about the code that was there: a helper it adds is not
    // what it corrects (vue's `castValue`, new, called from the `vModelText` it fixed).
    if touched.iter().any(|n| !added.contains(n)) {
        touched.retain(|n| !added.contains(n));
    }
    if !touched.is_empty() {
        return (touched, false);
    }
    if !added.is_empty() {
        return (added, true);
    }
    (removed, false)
}

/// Most lines of code a dependency bump may change beside it and still be the bump.
const ADAPTED_LINES: u32 = 30;

/// The same when each file of code changed names a package bumped.
const ADAPTED_NAMED_LINES: u32 = 150;

/// Tells whether every file of code the change touches names, in its changed lines, one of
/// the packages the manifests bump (`wax`, `serde_json` for `serde-json`).
fn names_bumped(a: &Analysis, files: &[&FileFacts]) -> bool {
    let bumped: Vec<String> = (a.manifest.deps.iter())
        .filter(|d| d.from.is_some() && d.to.is_some())
        .map(|d| d.name.to_ascii_lowercase().replace('-', "_"))
        .collect();
    let code: Vec<&&FileFacts> = files
        .iter()
        .filter(|f| matches!(f.kind, Kind::Source | Kind::Example | Kind::Test))
        .collect();
    !bumped.is_empty()
        && !code.is_empty()
        && code
            .iter()
            .all(|f| bumped.iter().any(|b| f.mentions.binary_search(b).is_ok()))
}

/// Most lines of code beside a lockfile that moved many packages for the change to be that
/// refresh.
const MAINTENANCE_LINES: u32 = 4;

/// Returns the summary of a change that only moves dependencies (manifest lines,
/// lockfile versions or CI action pins), naming them; `None` for any other change.
pub(crate) fn dependency_summary(a: &Analysis, budget: usize) -> Option<String> {
    if let Some(text) = moved_summary(a, budget) {
        return Some(text);
    }
    dependency_changes(a).map(|(deps, _)| deps_summary(&deps, budget))
}

/// Dependencies moved between manifests, more of them than other dependency changes, and
/// little code beside: `move mimalloc to workspace dependencies` (a member's line now says
/// `{ workspace = true }`), `move 38 dependencies to workspace dependencies` (wezterm's
/// `workspace-ify the deps`).
fn moved_summary(a: &Analysis, budget: usize) -> Option<String> {
    let moved = &a.manifest.moved;
    if moved.is_empty() || moved.len() < a.manifest.deps.len() {
        return None;
    }
    let files = a.substantive();
    let beside: usize = files
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Manifest | Kind::Lockfile))
        .map(|f| f.additions + f.deletions)
        .sum();
    let manifests =
        files.iter().any(|f| matches!(f.kind, Kind::Manifest)) && beside <= ADAPTED_LINES as usize;
    // Into the workspace's shared dependencies; out of the root is a package moving
    // (ratatui's `move ratatui crate into workspace folder`), for other rules.
    if !manifests || !a.manifest.moved_to_root {
        return None;
    }
    let tail = " to workspace dependencies";
    Some(match moved.len() {
        1..=3 => fit("move", moved, tail, budget),
        n => truncate(&format!("move {n} dependencies{tail}"), budget),
    })
}

/// The one action pin a bump moves, when that is all it moves.
pub(crate) fn single_pin(a: &Analysis) -> Option<DepChange> {
    match dependency_changes(a)? {
        (deps, true) => match deps.as_slice() {
            [pin] if pin.from.is_some() && pin.to.is_some() && pin.verb() == "bump" => {
                Some(pin.clone())
            }
            _ => None,
        },
        _ => None,
    }
}

/// The one package a dependency bump moves to a higher version (from a manifest, a
/// lockfile or a tool's version line; not an action pin): what a house's own phrasing of
/// bumps can name (`Update dependency postcss to v8.5.22`).
pub(crate) fn single_bump(a: &Analysis) -> Option<DepChange> {
    let (deps, pins) = dependency_changes(a)?;
    match deps.as_slice() {
        [dep] if !pins && dep.from.is_some() && dep.to.is_some() && dep.verb() == "bump" => {
            Some(dep.clone())
        }
        _ => None,
    }
}

/// Packages dropped from the manifests (up to three), and the code that used them rewritten
/// without them: their imports went (wezterm's `remove once_cell in favor of std
/// functionality`, prettier's `Remove please-upgrade-node`, vue's scripts moved off
/// `execa` and `minimist`), or the paths that named them (ripgrep's `atty::is(…)` become
/// `std::io::stdin().is_terminal()`). One package added in their place, and named by the
/// new code, makes it a replacement (bat's `Replace dirs crate with etcetera crate`,
/// `Use nu-ansi-term instead of ansi_term`). A few public items may be written in its
/// place (jj's own `encode_hex` for `hex`'s). A package's `@types/` beside it goes unnamed.
pub(crate) fn dropped_dependencies(a: &Analysis) -> Option<Vec<DepChange>> {
    let deps = &a.manifest.deps;
    let (mut dropped, mut added) = (Names::default(), Names::default());
    for dep in deps {
        match (&dep.from, &dep.to) {
            (Some(_), None) => dropped.push(&dep.name),
            (None, Some(_)) => added.push(&dep.name),
            // A version moved beside them: a bump, for other rules.
            _ => return None,
        }
    }
    let (dropped, added) = (dropped.into_list(), added.into_list());
    let untyped = |names: &[String]| -> Vec<String> {
        let typed = |name: &str| {
            name.strip_prefix("@types/")
                .is_some_and(|bare| names.iter().any(|n| n == bare))
        };
        names.iter().filter(|n| !typed(n)).cloned().collect()
    };
    // A package taken out of one manifest and put into another moved: neither.
    let named: Vec<String> = untyped(&dropped)
        .into_iter()
        .filter(|n| !added.contains(n))
        .collect();
    let instead: Vec<String> = untyped(&added)
        .into_iter()
        .filter(|n| !dropped.contains(n))
        .collect();
    if named.is_empty() || named.len() > 3 || instead.len() > 1 {
        return None;
    }
    let crate_name = |name: &str| name.replace('-', "_");
    let imported = |name: &str| {
        a.removed_imports
            .iter()
            .any(|line| line.contains(name) || line.contains(&crate_name(name)))
            || a.roots_removed.contains(&crate_name(name))
    };
    // A package of the workspace itself (its folder among the paths) is a crate renamed or
    // moved, not a dependency replaced.
    let own = |name: &str| {
        let folders = [name, &crate_name(name)];
        a.files.iter().any(|f| {
            std::iter::once(f.path.as_str())
                .chain(f.old_path.as_deref())
                .any(|path| paths::has_dir(path, &folders))
        })
    };
    let lines = a.code_added.lines + a.code_removed.lines;
    let rewritten = named
        .iter()
        .all(|name| imported(name) && !own(name) && !a.roots_added.contains(&crate_name(name)));
    // The new package is the one the new code names (Rust paths; other languages'
    // imports are not kept by side).
    let replacement = match instead.as_slice() {
        [] => true,
        [new] => !own(new) && a.roots_added.contains(&crate_name(new)),
        _ => false,
    };
    // The author's own note says what a replacement is for (tauri's `validate productName`
    // beside `valico` replaced by `jsonschema`).
    let noted = !a.notes.is_empty() || a.entry_note.is_some();
    (rewritten
        && replacement
        && (instead.is_empty() || !noted)
        && a.files.iter().all(|f| f.status != Status::Deleted)
        && a.manifest.release.is_none()
        && lines <= 4 * ADAPTED_LINES * named.len() as u32
        && (a.files.iter())
            .flat_map(|f| &f.added_defs)
            .filter(|d| d.public)
            .count()
            <= 4)
        .then(|| {
            let mut out: Vec<DepChange> = (deps.iter())
                .filter(|d| named.contains(&d.name) && d.to.is_none())
                .cloned()
                .collect();
            out.extend(
                (deps.iter())
                    .filter(|d| instead.contains(&d.name) && d.from.is_none())
                    .take(1)
                    .cloned(),
            );
            out
        })
}

/// The dependencies a change that only moves dependencies moves, and whether they are CI
/// action pins; `None` for any other change.
fn dependency_changes(a: &Analysis) -> Option<(Vec<DepChange>, bool)> {
    let files = a.substantive();
    if files.is_empty() {
        return None;
    }
    let all = |pred: &dyn Fn(&FileFacts) -> bool| files.iter().all(|f| pred(f));
    let deps_only = all(&|f| matches!(f.kind, Kind::Manifest | Kind::Lockfile));
    // The package manager corepack pins moved, with its own files (yarn's release under
    // `.yarn/releases/`, `.yarnrc.yml`) and a line or two of CI: `bump yarn from 4.14.1 to
    // 4.15.0`, where the files' names said nothing.
    let managers = &a.manifest.deps;
    if !managers.is_empty()
        && managers.iter().all(|d| {
            super::deps::PACKAGE_MANAGERS.contains(&d.name.as_str())
                && d.from.is_some()
                && d.to.is_some()
        })
        && !a.is_release()
        && all(&|f| {
            matches!(f.kind, Kind::Manifest | Kind::Lockfile)
                || f.path.starts_with(".yarn/")
                || matches!(
                    paths::file_name(&f.path),
                    ".yarnrc.yml" | ".yarnrc" | ".npmrc" | "pnpm-workspace.yaml"
                )
                || f.kind == Kind::Ci && f.additions + f.deletions <= 4
        })
    {
        return Some((managers.clone(), false));
    }
    // A release moves its packages' versions and the requirements between them: not a bump.
    if !a.manifest.deps.is_empty() && deps_only && !a.is_release() {
        return Some((a.manifest_deps(), false));
    }
    // Only lockfiles (and manifests whose dependency lines did not change): the locked
    // versions, unless the manifest's own version moved (a release).
    let locked = a.bumped_locks();
    if !locked.is_empty() && deps_only && a.manifest.release.is_none() {
        // The packages the others moved for (`bump clap`, not `bump clap, clap_builder and
        // clap_derive`); the body lists them all.
        let roots = super::deps::roots(&locked, &a.lock_edges);
        return Some((roots, false));
    }
    // Dependencies moved in a manifest, and the code adapted to them in a few lines each
    // (`bump itertools from 0.14 to 0.15` beside the call sites it changed; alacritty's
    // `Bump all dependencies`, 17 of them and 36 lines adapted); a release note beside them
    // says what the change is for.
    let deps = a.manifest.deps.len() as u32;
    let bumps = a
        .manifest
        .deps
        .iter()
        .filter(|dep| dep.from.is_some() && dep.to.is_some())
        .count() as u32;
    // A package added or dropped on the way (alacritty's `rustix` among 16 bumps) is part
    // of the bump; more than a few are a change of their own.
    // Code that names a package bumped (`use wax::Glob`) was adapted to it, in as many lines
    // as that took (nushell's `wax` 0.6 → 0.7 and the 65 lines of `glob.rs` it asked for).
    let adapted = (ADAPTED_LINES + 10 * deps.saturating_sub(1)).min(4 * ADAPTED_LINES);
    let adapted = if names_bumped(a, &files) {
        adapted.max(ADAPTED_NAMED_LINES)
    } else {
        adapted
    };
    if bumps > 0
        && 3 * (deps - bumps) <= bumps
        && a.manifest.release.is_none()
        && a.notes.is_empty()
        && all(&|f| f.status == Status::Modified && !matches!(f.kind, Kind::Docs | Kind::Ci))
        && a.code_added.lines + a.code_removed.lines <= adapted
        && a.files
            .iter()
            .all(|f| f.added_defs.iter().all(|d| !d.public))
    {
        return Some((a.manifest.deps.clone(), false));
    }
    if let Some(deps) = dropped_dependencies(a) {
        return Some((deps, false));
    }
    // The same for one package moved in the lockfile alone (a git dependency that follows
    // a branch moves by commit, its manifest line unchanged).
    if a.manifest.deps.is_empty()
        && a.manifest.release.is_none()
        && a.notes.is_empty()
        && a.code_added.lines + a.code_removed.lines <= ADAPTED_LINES
        && all(&|f| f.status == Status::Modified && !matches!(f.kind, Kind::Docs | Kind::Ci))
        && a.files
            .iter()
            .all(|f| f.added_defs.iter().all(|d| !d.public))
    {
        let roots = super::deps::roots(&a.bumped_locks(), &a.lock_edges);
        match roots.as_slice() {
            [root] if root.from.is_some() && root.to.is_some() => {
                return Some((roots, false));
            }
            // A lockfile refreshed (Renovate's "lock file maintenance") beside a line or two.
            [_, _, ..] if a.code_added.lines + a.code_removed.lines <= MAINTENANCE_LINES => {
                return Some((roots, false));
            }
            _ => {}
        }
    }
    let pins_only = all(&|f| matches!(f.kind, Kind::Ci | Kind::Lockfile | Kind::Manifest));
    if a.pins_only && pins_only {
        return Some((a.pins.clone(), true));
    }
    // Versions of tools moved in CI or build files (`cargo install --version 0.3.9 …`).
    let tools = a.tools();
    if all(&|f| !f.tools.is_empty()) {
        return Some((tools, false));
    }
    // A repository pinned by commit, and files of its own adapted to it, whatever their
    // size: helix's tree-sitter-pascal moved in `languages.toml`, its queries in
    // `runtime/queries/pascal/` rewritten for it (and a line of its generated support table
    // in the book).
    // Two entries pinned to one repository go together (helix's php and php-only grammars,
    // both from tree-sitter-php, their queries beside).
    if (1..=2).contains(&tools.len())
        && files.iter().any(|f| !f.tools.is_empty())
        && all(&|f| {
            !f.tools.is_empty()
                || f.status != Status::Deleted
                    && f.path.split('/').rev().skip(1).any(|folder| {
                        // An entry's name may be one letter (helix's `v`, `d`, `r` grammars).
                        tools.iter().any(|tool| {
                            folder.len() >= 2
                                && (tool.name == folder
                                    || tool.name.ends_with(&format!("-{folder}")))
                                || !folder.is_empty()
                                    && tool.name.starts_with(&format!("{folder} "))
                        })
                    })
                // A generated table of what is supported, a line or two of it.
                || f.kind == Kind::Docs && f.additions + f.deletions <= 4
        })
    {
        return Some((tools, false));
    }
    None
}

/// A version no release carries: `0.14.0-dev`, `1.2.0.dev0`, `2.0-SNAPSHOT`.
fn is_development(version: &str) -> bool {
    let lower = version.to_ascii_lowercase();
    lower.ends_with("-dev") || lower.contains(".dev") || lower.ends_with("-snapshot")
}

/// A small change whose added comment says what to do: those words (a new file is news
/// itself: `add dependabot.yml`).
fn instruction_summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    let text = a.instruction.as_deref()?;
    let lines: usize = files.iter().map(|f| f.additions + f.deletions).sum();
    if files.iter().any(|f| f.status == Status::Added) || lines > 10 {
        return None;
    }
    let text = text.trim_end_matches('.');
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
    Some(truncate(
        &format!("{}{}", first.unwrap_or_default(), chars.as_str()),
        budget,
    ))
}

/// Release-note fragments deleted by the dozen (a release consumed them) are the news,
/// not the bookkeeping files edited beside them: `delete 59 change files`.
fn deleted_notes_summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    let gone = a
        .files
        .iter()
        .filter(|f| f.kind == Kind::Note && f.status == Status::Deleted)
        .filter(|f| !paths::is_changelog(&f.path))
        .count();
    let others = files.iter().filter(|f| f.kind != Kind::Note).count();
    // One fragment deleted alone is the same cleanup (prettier's `Clean released changelog`).
    let enough = gone >= 2 || gone == 1 && others == 0;
    if !enough || gone < 3 * others || files.iter().any(|f| f.status == Status::Added) {
        return None;
    }
    let what = match a
        .files
        .iter()
        .find(|f| f.kind == Kind::Note && f.status == Status::Deleted)
    {
        Some(file) if gone == 1 => format!("change file {}", paths::file_name(&file.path)),
        _ => plural(gone, "change file", "change files"),
    };
    Some(truncate(&format!("delete {what}"), budget))
}

/// Returns the summary.
/// `typed`: the header names the type (Conventional Commits), so words that start with the
/// type's own verb lose it (`fix: the dev server …`, not `fix: fix the dev server …`); a
/// sentence or an `area:` summary keeps it (`Fix the dev server …`).
pub(crate) fn summary(
    a: &Analysis,
    ty: Type,
    breaking: bool,
    budget: usize,
    typed: bool,
) -> String {
    let mut files = a.substantive();
    if files.is_empty() {
        return truncate("record an empty change", budget);
    }
    // Docs a tool generates from the other files (helix's `book/src/generated/
    // lang-support.md` table, regenerated beside `languages.toml`) follow the change; the
    // files they were generated from say what it is.
    let generated =
        |f: &&FileFacts| f.kind == Kind::Docs && paths::has_dir(&f.path, &["generated"]);
    if files.iter().any(|f| !generated(f)) {
        files.retain(|f| !generated(f));
    }
    // An image added for a page that now shows it (bat's sponsor logo beside its README
    // section) is part of that page's change.
    let named: Vec<String> = (files.iter())
        .flat_map(|f| f.images_named.iter().cloned())
        .collect();
    let shown = |f: &&FileFacts| {
        let name = paths::file_name(&f.path);
        let ext = paths::extension(name).to_ascii_lowercase();
        f.status == Status::Added
            && super::analysis::IMAGE_EXTENSIONS.contains(&ext.as_str())
            && named.iter().any(|n| n == name)
    };
    if files.iter().any(|f| !shown(f)) {
        files.retain(|f| !shown(f));
    }
    // The toolchain or MSRV moved: that is the change, whatever code moved with it.
    if let Some(toolchain) = &a.toolchain {
        return truncate(&toolchain.subject(), budget);
    }
    if let Some(text) = toml_move_summary(&files, budget) {
        return text;
    }
    if let Some(text) = dependency_summary(a, budget) {
        return text;
    }
    if let Some(text) = deleted_notes_summary(a, &files, budget) {
        return text;
    }
    if let Some(text) = ignored_summary(&files, budget) {
        return text;
    }
    if let Some(text) = super::documents::versioned_summary(a, budget) {
        return text;
    }
    let all = |pred: &dyn Fn(&FileFacts) -> bool| files.iter().all(|f| pred(f));
    // A release, with the version also written into a packaging file or two (alacritty's
    // `Info.plist` and `.wxs`, helix's three-line `<release>` in its appdata).
    if let Some(version) = &a.manifest.release
        && all(&|f| {
            matches!(
                f.kind,
                Kind::Manifest | Kind::Lockfile | Kind::Docs | Kind::Note
            ) || (!matches!(f.kind, Kind::Source | Kind::Test)
                && f.additions <= 3
                && f.deletions <= 2)
        })
    {
        let package = a.manifest.release_package.as_deref();
        let text = match (package, is_development(version)) {
            // Back to a development version after a release: alacritty's `Bump
            // development version to 0.17.0-dev`, `Bump alacritty_terminal to 0.24.1-dev`.
            (Some(package), true) if !a.manifest.several_released() => {
                format!("bump {package} to {version}")
            }
            (_, true) => format!("bump development version to {version}"),
            (Some(package), false) => format!("release {package} {version}"),
            (None, false) => format!("release {version}"),
        };
        return truncate(&text, budget);
    }
    if let Some(text) = entries_summary(&files, budget) {
        return text;
    }
    if let Some(text) = lints_summary(a, budget) {
        return text;
    }
    // Attributes on items and nothing else: `derive Clone for DeferredPrepass`,
    // `add #[must_use] to kind`.
    if !directives_only(a)
        && all(&|f| f.kind == Kind::Source && f.not_attributes == 0)
        && files.iter().any(|f| !f.attributes.is_empty())
        && let Some(text) = attributes_summary(&files, budget)
    {
        return text;
    }
    // Imports put in another order and nothing else, a formatter's sorting: `sort imports
    // in lease_id` (wezterm's `rustfmt`).
    if all(&|f| f.imports_sorted) {
        return fit("sort imports in", &file_subjects(&files), "", budget);
    }
    // Trailing spaces taken off and nothing else (a last line's newline put in with
    // them): `remove trailing whitespace in config`.
    if all(&|f| f.whitespace_trimmed) {
        let names = file_subjects(&files);
        return fit("remove trailing whitespace in", &names, "", budget);
    }
    if let Some(text) = imports_summary(&files, budget) {
        return text;
    }
    // Imports taken out and nothing else: they were unused, or the build would break.
    if all(&|f| f.additions == 0 && f.removed_other == 0)
        && files.iter().any(|f| f.removed_imports > 0)
    {
        let count: u32 = files.iter().map(|f| f.removed_imports).sum();
        let what = if count > 1 {
            "remove unused imports from"
        } else {
            "remove unused import from"
        };
        return fit(what, &file_subjects(&files), "", budget);
    }
    // `remove comments from logout`, `update comment in release-pkg`: one hunk is a comment.
    let comments = |files: &[&FileFacts], verb: &str, place: &str| {
        let what = if a.hunks > 1 { "comments" } else { "comment" };
        fit(
            &format!("{verb} {what} {place}"),
            &file_subjects(files),
            "",
            budget,
        )
    };
    // Comments taken out of code and nothing else: `remove comment from logout` (lint
    // directives have their own words).
    if !directives_only(a)
        && all(&|f| {
            f.comment_only
                && f.additions == 0
                && matches!(
                    f.kind,
                    Kind::Source | Kind::Test | Kind::Example | Kind::Other
                )
        })
    {
        return comments(&files, "remove", "from");
    }
    // Comments rewritten in scripts and configuration and nothing else: `update comments in
    // release-pkg workflow` (nushell's notes on building the MSI, whose `git checkout
    // 0.86.0` is no tool's version).
    if !directives_only(a)
        && all(&|f| {
            f.comment_only
                && f.additions > 0
                && f.deletions > 0
                && matches!(f.kind, Kind::Ci | Kind::Build | Kind::Other)
        })
    {
        return comments(&files, "update", "in");
    }
    if let Some(text) = folder_move_summary(&files, budget) {
        return text;
    }
    // Files renamed, a line or two of each edited with the name (a page's title): the
    // rename is the news (goreleaser's `nightly.md` → `nightlies.md`, `# Nightly` →
    // `# Nightlies`).
    if all(&|f| f.is_pure_move() || f.status == Status::Renamed && f.additions + f.deletions <= 4) {
        return moves_summary(&files, budget);
    }
    if let Some(text) = moved_modules_summary(&files, budget) {
        return text;
    }
    // Words put into a spell checker's list or taken out: `remove overweighing from
    // spellcheck.dic`, not an edit of prose.
    if files.iter().all(|f| f.word_list)
        && let Some(text) = list_items_summary(&files, budget)
    {
        return text;
    }
    if let Some(text) = super::documents::summary(a, &files, budget) {
        return text;
    }
    if let Some(text) = swap_summary(a, &files, ty, budget, typed) {
        return text;
    }
    if let Some(text) = typos_summary(&files, ty, budget, typed) {
        return text;
    }
    if let Some(text) = extracted_summary(a, budget) {
        return text;
    }
    if let Some(text) = tables_summary(&files, budget) {
        return text;
    }
    if let Some(text) = named_additions_summary(&files, budget) {
        return text;
    }
    // The author's own note says what such an edit is for (tauri's `support using socks
    // proxy from environment` beside ureq's `socks-proxy` feature).
    if a.notes.is_empty()
        && a.entry_note.is_none()
        && let Some(text) = manifest_edits_summary(&files, budget)
    {
        return text;
    }
    if let Some(text) = list_items_summary(&files, budget) {
        return text;
    }
    if let Some(text) = flags_written_summary(&files, budget) {
        return text;
    }
    if let Some(text) = new_data_member_summary(&files, budget) {
        return text;
    }
    // Outside CI too (whose own rules come first): `add --frozen to uv run` in a hook's
    // JSON, `add --all-features to cargo test` in a Makefile.
    if let Some(text) = run_flags_summary(a, &files, budget) {
        return text;
    }
    if let Some(text) = setting_summary(&files, budget) {
        return text;
    }
    if let Some(text) = data_members_summary(&files, budget) {
        return text;
    }
    if let Some(text) = entry_summary(&files, budget) {
        return text;
    }
    // Submodules moved to another URL: `change URL of Zig submodule`.
    if let [file] = files.as_slice()
        && !file.submodule_urls.is_empty()
    {
        let (what, kind) = match file.submodule_urls.len() {
            1 => ("URL of", "submodule"),
            _ => ("URLs of", "submodules"),
        };
        return fit(
            &format!("change {what}"),
            &file.submodule_urls,
            &format!(" {kind}"),
            budget,
        );
    }
    if files
        .iter()
        .all(|f| f.links && f.status == Status::Modified)
    {
        let mut names = Names::default();
        for f in &files {
            names.push(&doc_name(&f.path));
        }
        let verb = fix_verb(ty, typed);
        let count: u32 = files.iter().map(|f| f.link_changes).sum();
        // The links by their labels, when every hunk names one or two in all:
        // `fix TypedHeader link in request_parts.rs`.
        let mut labels = Names::default();
        for label in files.iter().flat_map(|f| &f.link_labels) {
            labels.push(label);
        }
        let labels = labels.into_list();
        let names = names.into_list();
        let labelled = (1..=2).contains(&labels.len()) && labels.len() as u32 >= count;
        // Links moved to a new version together: `update docs.rs links to 0.8`.
        if let Some(text) = links_version_summary(&files, &names, count, budget) {
            return text;
        }
        // Links made secure: `use HTTPS for rovo link in ECOSYSTEM`.
        if files.iter().all(|f| f.links_to_https) {
            let what = match labelled {
                true => format!("{} {}", join(&labels), noun(labels.len(), "link", "links")),
                false => noun(count as usize, "link", "links").to_owned(),
            };
            let text = fit(&format!("use HTTPS for {what} in"), &names, "", budget);
            if text.contains(&what) {
                return text;
            }
        }
        if labelled {
            let what = noun(labels.len(), "link", "links");
            let text = fit(
                &format!("{verb} {} {what} in", join(&labels)),
                &names,
                "",
                budget,
            );
            if labels.iter().all(|l| text.contains(l.as_str())) {
                return text;
            }
        }
        let what = noun(count as usize, "link", "links");
        return fit(&format!("{verb} {what} in"), &names, "", budget);
    }
    if let Some(text) = deprecation_summary(&files, budget) {
        return text;
    }
    if let Some(text) = note_summary(a, ty, budget, typed) {
        return text;
    }
    if let Some(text) = rows_summary(&files, budget) {
        return text;
    }
    if let Some(text) = rust_docs_summary(&files, ty, budget, typed) {
        return text;
    }
    if let Some(text) = flags_summary(a, budget) {
        return text;
    }
    if let Some(text) = modifiers_summary(&files, budget) {
        return text;
    }
    if let Some(text) = exports_summary(&files, budget) {
        return text;
    }
    if let Some(text) = logs_summary(&files, budget) {
        return text;
    }
    if let Some(text) = logs_added_summary(&files, budget) {
        return text;
    }
    if let Some(text) = reworded_summary(&files, budget) {
        return text;
    }
    if let Some(text) = directives_summary(&files, budget) {
        return text;
    }
    if let Some(text) = impls_summary(a, &files, budget) {
        return text;
    }
    if let Some(text) = test_summary(a, &files, ty, budget, typed) {
        return text;
    }
    if let Some(text) = removed_tests_summary(a, &files, budget) {
        return text;
    }
    if let Some(text) = moved_defs_summary(&files, budget) {
        return text;
    }
    if let Some(text) = async_summary(&files, budget) {
        return text;
    }
    // Comments only, in code, typed as anything but documentation (which names the items
    // documented): `add comments to watch`, not `update watch` (vue's `chore: comments
    // regarding Readonly usage`).
    if ty != Type::DOCS
        && !directives_only(a)
        && all(&|f| {
            f.comment_only
                && f.additions > 0
                && f.status == Status::Modified
                && matches!(f.kind, Kind::Source | Kind::Test | Kind::Example)
        })
    {
        let verb = if all(&|f| f.deletions == 0) {
            "add"
        } else {
            "update"
        };
        let place = if verb == "add" { "to" } else { "in" };
        return comments(&files, verb, place);
    }
    // The same in build and configuration files, whatever the type (haystack's Dockerfile:
    // `upgrade setuptools due to CVE-2022-40897`).
    if all(&|f| matches!(f.kind, Kind::Build | Kind::Config))
        && let Some(text) = instruction_summary(a, &files, budget)
    {
        return text;
    }
    // A Dockerfile's or a build script's install line, whatever the type: `stop installing
    // torchaudio in Dockerfile.base` (haystack typed it a fix).
    if all(&|f| f.status == Status::Modified && f.kind == Kind::Build)
        && let Some(text) = installs_summary(a, &files, budget)
    {
        return text;
    }
    let file_names = |name: fn(&str) -> String| {
        let mut names = Names::default();
        for f in &files {
            names.push(&name(&f.path));
        }
        names.into_list()
    };
    match ty {
        Type::DOCS => {
            let code: Vec<&FileFacts> = files
                .iter()
                .copied()
                .filter(|f| !matches!(f.kind, Kind::Docs | Kind::Note))
                .collect();
            // Code deleted beside the docs that mentioned it is the news, not documentation.
            if is_code_removed_from_docs(a, ty) {
                return removed_summary(&code, budget);
            }
            let (names, _) = def_names(&code, ty);
            // An example's `main` changed, or nothing named in it, is the example updated
            // (`update auto-reload example`), not `main` documented (`document main in
            // auto-reload`) or its file (`update 15_custom_validator.rs`); so is any
            // change to an example's code (bevy's `ime_support`, not `document setup in
            // ime_support`), the manifest that lists a new one (bevy's root `Cargo.toml`)
            // going with it.
            let examples: Vec<&FileFacts> = (code.iter().copied())
                .filter(|f| f.kind == Kind::Example)
                .collect();
            let example_code = !examples.is_empty()
                && (code.iter()).all(|f| matches!(f.kind, Kind::Example | Kind::Manifest));
            if example_code && let Some(example) = one_example(&examples) {
                return example_summary(&examples, &example, budget);
            }
            if names.iter().all(|n| n == "main")
                && let Some(example) = one_example(&code)
            {
                return example_summary(&code, &example, budget);
            }
            // Comments inside a definition, the item they document past the hunk: that
            // definition (`document StartCommand`, not `update lib.rs`).
            let names = if names.is_empty() && code.iter().all(|f| !f.doc_homes.is_empty()) {
                let mut homes = Names::default();
                for f in &code {
                    for home in &f.doc_homes {
                        homes.push(home);
                    }
                }
                homes.into_list()
            } else {
                names
            };
            if !code.is_empty() && !names.is_empty() {
                return fit("document", &names, &where_tail(&code, &names, "in"), budget);
            }
            if let Some(text) = new_pages_summary(&files, budget) {
                return text;
            }
            // A page and its copies (Docusaurus's `versioned_docs/`) changed alike are one.
            let mirrored = files.len() <= 4
                && files.iter().all(|f| {
                    f.kind == Kind::Docs
                        && paths::file_name(&f.path) == paths::file_name(&files[0].path)
                        && (f.additions, f.deletions) == (files[0].additions, files[0].deletions)
                });
            if let Some(file) = files.first().filter(|_| files.len() == 1 || mirrored) {
                // A heading that is the page's own name (`Release Checklist` in
                // `RELEASE-CHECKLIST.md`) is no section of it.
                let squash = |s: &str| -> String {
                    s.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase)
                        .collect()
                };
                let page = squash(paths::stem(&file.path));
                let sections = |defs: &[super::defs::Def]| {
                    let mut names = Names::default();
                    let own = |d: &&super::defs::Def| squash(&d.name) != page;
                    for d in defs
                        .iter()
                        .filter(|d| d.kind == DefKind::Module)
                        .filter(own)
                    {
                        names.push(&d.name);
                    }
                    names.into_list()
                };
                let (added, touched) = (sections(&file.added_defs), sections(&file.touched));
                let removed = sections(&file.removed_defs);
                let tail = |what: &str, len: usize| {
                    let word = noun(len, "section", "sections");
                    format!(" {word} {what} {}", doc_name(&file.path))
                };
                // One heading swapped for another, little else changed: the section renamed
                // (uv's `## `.env`` → `## Environment variable files`).
                if let ([new], [old]) = (added.as_slice(), removed.as_slice())
                    && file.status == Status::Modified
                    && file.additions.max(file.deletions) <= 4
                {
                    let text = format!("rename {old} section to {new} in {}", doc_name(&file.path));
                    if width(&text) <= budget {
                        return text;
                    }
                    return truncate(&format!("rename {old} section to {new}"), budget);
                }
                if file.status == Status::Modified && !added.is_empty() {
                    let text = fit("add", &added[..1], &tail("to", 1), budget);
                    if text.ends_with(&doc_name(&file.path)) {
                        return text;
                    }
                }
                // A section taken out, its table of contents entry with it: `remove Clear
                // Linux section from INSTALL.md`.
                if file.status == Status::Modified
                    && added.is_empty()
                    && (1..=2).contains(&removed.len())
                    && file.deletions > 2 * file.additions
                {
                    let text = fit("remove", &removed, &tail("from", removed.len()), budget);
                    if text.ends_with(&doc_name(&file.path)) {
                        return text;
                    }
                }
                // A paragraph added to a section about one thing it sets in bold (ripgrep's
                // `If you're a **Void Linux** user, …` under Installation).
                if let ([section], [term]) = (touched.as_slice(), file.bold_added.as_slice())
                    && file.status == Status::Modified
                    && added.is_empty()
                    && file.deletions == 0
                {
                    let text = format!("add {term} to {section}{}", tail("in", 1));
                    if width(&text) <= budget {
                        return text;
                    }
                    let text = format!("add {term} to {section} section");
                    if width(&text) <= budget {
                        return text;
                    }
                }
                if file.status == Status::Modified
                    && added.is_empty()
                    && (1..=2).contains(&touched.len())
                {
                    // Both names, or the most changed alone (its noun singular then).
                    let both = format!("update {}{}", join(&touched), tail("in", touched.len()));
                    if width(&both) <= budget {
                        return both;
                    }
                    let text = fit("update", &touched[..1], &tail("in", 1), budget);
                    if text.ends_with(&doc_name(&file.path)) {
                        return text;
                    }
                }
            }
            // A `docs/` folder at any depth, or `doc/` at the top.
            let docs_dir = files
                .iter()
                .all(|f| paths::has_dir(&f.path, &["docs"]) || f.path.starts_with("doc/"));
            if docs_dir {
                let names = file_names(|p| paths::stem(p).to_owned());
                return fit(file_verb(&files, "update"), &names, " docs", budget);
            }
            let names = file_names(doc_name);
            fit(file_verb(&files, "update"), &names, "", budget)
        }
        Type::TEST => {
            let names = file_names(file_subject);
            let new_tests = files.iter().any(|f| !f.added_defs.is_empty());
            if all(&|f| f.status == Status::Added) {
                fit("add", &names, " tests", budget)
            } else if new_tests && a.test_removed * 2 < a.test_added {
                // One test added says what it pins: `add test for hide possible value`,
                // not `add tests for help`.
                let tests = added_tests(a);
                let flags = tested_flags(&files);
                let words = match tests.as_slice() {
                    [one] => words::test_words(one),
                    _ => String::new(),
                };
                let count = words.split_whitespace().count();
                if (3..=8).contains(&count) && !words.contains('`') {
                    let words = with_flag(&words::lower_first(&words), &flags);
                    truncate(&format!("add test for {words}"), budget)
                } else if let Some(flag) = shared_flag(&tests, &flags) {
                    // bat's `quiet_empty_suppresses_output_on_empty_stdin` and two more,
                    // each passing `--quiet-empty`: `add tests for --quiet-empty`.
                    truncate(&format!("add tests for {flag}"), budget)
                } else if let [kind] = names.as_slice()
                    && TEST_KINDS.contains(&kind.as_str())
                {
                    // `tests/integration_tests.rs` holds a kind of tests, not a subject.
                    truncate(&format!("add {kind} tests"), budget)
                } else {
                    fit("add tests for", &names, "", budget)
                }
            } else if let Some(text) = one_test_extended(&files, budget) {
                text
            } else if let Some(text) = one_test_trimmed(&files, budget) {
                text
            } else if all(&|f| matches!(f.kind, Kind::Note | Kind::Docs)) {
                // A house's `test:` on prose, which holds no tests (ripgrep's changelog,
                // touched by its `test: add regression test …` commits), is no `CHANGELOG
                // tests`.
                fit(file_verb(&files, "update"), &names, "", budget)
            } else {
                fit(file_verb(&files, "update"), &names, " tests", budget)
            }
        }
        // CI files alone are named as CI whatever type the house gives them (hyper's
        // `chore(ci)`, tauri's `fix(ci): install libfuse2 …`, once `fix(ci): correct
        // covector-version-or-publish`).
        _ if ty == Type::CI || all(&|f| f.kind == Kind::Ci && f.path.starts_with(".github/")) => {
            if let Some(text) = instruction_summary(a, &files, budget) {
                return text;
            }
            // A spell-checking action's word list (`.github/actions/spelling/expect.txt`).
            if all(&|f| f.word_list)
                && let Some(text) = list_items_summary(&files, budget)
            {
                return text;
            }
            let workflows = all(&|f| f.path.starts_with(".github/workflows/"));
            if workflows {
                let names = file_names(|p| paths::stem(p).to_owned());
                let tail = format!(" {}", noun(names.len(), "workflow", "workflows"));
                // Steps that came or went say what happened to a workflow.
                let new: Vec<String> = a
                    .steps_added
                    .iter()
                    .filter(|s| !a.steps_removed.contains(s))
                    .map(|s| format!("\"{s}\""))
                    .collect();
                let gone: Vec<String> = a
                    .steps_removed
                    .iter()
                    .filter(|s| !a.steps_added.contains(s))
                    .map(|s| format!("\"{s}\""))
                    .collect();
                // Jobs that came or went are the news, their steps with them: `remove
                // test-pass job from ci workflow` (tokio's `ci: remove the job test-pass`).
                let came: Vec<String> = (a.jobs_added.iter())
                    .filter(|j| !a.jobs_removed.contains(j))
                    .cloned()
                    .collect();
                let went: Vec<String> = (a.jobs_removed.iter())
                    .filter(|j| !a.jobs_added.contains(j))
                    .cloned()
                    .collect();
                if let [name] = names.as_slice()
                    && files.iter().all(|f| f.status == Status::Modified)
                {
                    let jobs = came_or_went(&came, &went, ("job", "jobs"), name, true, budget);
                    // Every step named, or the count would say more than the words.
                    let steps =
                        || came_or_went(&new, &gone, ("step", "steps"), name, false, budget);
                    if let Some(text) = jobs.or_else(steps) {
                        return text;
                    }
                }
                // No named step came or went: the actions that did (their pins aside),
                // `replace actions-rs/install with taiki-e/cache-cargo-install-action in CI
                // workflow`, `add Swatinem/rust-cache to CI workflow`.
                if files.iter().all(|f| f.status == Status::Modified) {
                    let (came, went) = (&a.actions_came, &a.actions_went);
                    let place = setting_place(&files);
                    // With the place, then (too long with it) the actions alone.
                    let texts = match (came.as_slice(), went.as_slice()) {
                        ([new], [old]) => {
                            let core = format!("replace {old} with {new}");
                            Some((format!("{core} in {place}"), core))
                        }
                        ([_, ..], []) => Some((
                            fit("add", came, &format!(" to {place}"), budget),
                            fit("add", came, "", budget),
                        )),
                        ([], [_, ..]) => Some((
                            fit("remove", went, &format!(" from {place}"), budget),
                            fit("remove", went, "", budget),
                        )),
                        _ => None,
                    };
                    if let Some((text, core)) = texts
                        && text.ends_with(&place)
                    {
                        for text in [text, core] {
                            if width(&text) <= budget {
                                return text;
                            }
                        }
                    }
                }
                if let Some(text) = run_flags_summary(a, &files, budget) {
                    return text;
                }
                if let Some(text) = installs_summary(a, &files, budget) {
                    return text;
                }
                // No step came or went, and the lines that changed sit in one step: name it
                // (`update "setup-snapcraft" step in build and release workflows`).
                if new.is_empty()
                    && gone.is_empty()
                    && files.iter().all(|f| f.status == Status::Modified)
                    && let [step] = a.steps_changed.as_slice()
                {
                    let text = fit(&format!("update \"{step}\" step in"), &names, &tail, budget);
                    if text.ends_with(tail.as_str()) && names.iter().all(|n| text.contains(n)) {
                        return text;
                    }
                    // Too long with every workflow named: count them (one goes unsaid).
                    let text = match names.len() {
                        1 => format!("update \"{step}\" step"),
                        n => format!(
                            "update \"{step}\" step in {}",
                            plural(n, "workflow", "workflows")
                        ),
                    };
                    if width(&text) <= budget {
                        return text;
                    }
                }
                // No step named, the lines that changed sit in one job: name it (ripgrep's
                // `github: update WASI compilation job`).
                // A workflow's only job is often named as the workflow: then the
                // workflow says it (`update size-report workflow`).
                if let ([name], [job]) = (names.as_slice(), a.jobs_changed.as_slice())
                    && job != name
                    && came.is_empty()
                    && went.is_empty()
                    && files.iter().all(|f| f.status == Status::Modified)
                {
                    for text in [
                        format!("update {job} job in {name} workflow"),
                        format!("update {job} job"),
                    ] {
                        if width(&text) <= budget {
                            return text;
                        }
                    }
                }
                return fit(file_verb(&files, "update"), &names, &tail, budget);
            }
            let names = one_language(file_names(data_name));
            fit(file_verb(&files, "update"), &names, "", budget)
        }
        Type::BUILD | Type::CHORE if all(&|f| !matches!(f.kind, Kind::Source | Kind::Test)) => {
            if let Some(example) = one_example(&files) {
                return example_summary(&files, &example, budget);
            }
            let names = one_language(file_names(data_name));
            // A manifest with its lockfile is one thing: the dependencies of that package.
            if names.len() >= 2 && all(&|f| matches!(f.kind, Kind::Manifest | Kind::Lockfile)) {
                let dir = parent(&files[0].path);
                if all(&|f| parent(&f.path) == dir) {
                    let place = match dir.rsplit_once('/') {
                        Some((up, name)) if paths::file_name(up).starts_with("example") => {
                            format!(" of {name} example")
                        }
                        Some((_, name)) => format!(" of {name}"),
                        None if !dir.is_empty() => format!(" of {dir}"),
                        None => String::new(),
                    };
                    return truncate(&format!("update dependencies{place}"), budget);
                }
            }
            fit(file_verb(&files, "update"), &names, "", budget)
        }
        _ => code_summary(a, &files, ty, breaking, budget, typed),
    }
}

/// What only came into one workflow or only went from it, jobs or steps, every one named:
/// `remove tests-pass job from ci workflow`, `add "Set up Go" step to ci workflow`; with
/// `or_bare`, without the workflow when it is too long with it (`remove tests-pass job`).
fn came_or_went(
    came: &[String],
    went: &[String],
    (one, many): (&str, &str),
    workflow: &str,
    or_bare: bool,
    budget: usize,
) -> Option<String> {
    let (verb, items, to) = match (came.is_empty(), went.is_empty()) {
        (false, true) => ("add", came, "to"),
        (true, false) => ("remove", went, "from"),
        _ => return None,
    };
    let word = noun(items.len(), one, many);
    let tails = [
        format!(" {word} {to} {workflow} workflow"),
        format!(" {word}"),
    ];
    let tried = if or_bare { 2 } else { 1 };
    tails[..tried].iter().find_map(|tail| {
        let text = fit(verb, items, tail, budget);
        let whole =
            text.ends_with(tail.as_str()) && items.iter().all(|i| text.contains(i.as_str()));
        whole.then_some(text)
    })
}

/// Packages installed in CI, changed in place and nothing else: `install
/// libfuse2 in covector-version-or-publish workflow` (tauri's `install libfuse2 to run
/// integration tests`), `install trunk instead of cargo-web`, `stop installing
/// libappindicator3-dev`.
fn installs_summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    if a.installs_other || a.installs.is_empty() {
        return None;
    }
    let (mut added, mut removed) = (Names::default(), Names::default());
    for i in &a.installs {
        i.added.iter().for_each(|p| added.push(p));
        i.removed.iter().for_each(|p| removed.push(p));
    }
    let (added, removed) = (added.into_list(), removed.into_list());
    let core = match (added.as_slice(), removed.as_slice()) {
        ([new], [old]) => format!("install {new} instead of {old}"),
        ([_, ..], []) if added.len() <= MAX_NAMED => format!("install {}", join(&added)),
        ([], [_, ..]) if removed.len() <= MAX_NAMED => {
            format!("stop installing {}", join(&removed))
        }
        _ => return None,
    };
    let place = setting_place(files);
    [format!("{core} in {place}"), core]
        .into_iter()
        .find(|t| width(t) <= budget)
}

/// Flags changed on one CI command, in a small change: `use --feature-powerset --depth 2
/// in cargo hack check` (hyper's `use --feature-powerset --depth 2 in features check`),
/// `use --no-dev-deps instead of -Z avoid-dev-deps in cargo hack check`, `add --locked to
/// cargo install`, `drop --all-features from cargo test`.
fn run_flags_summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    let [change] = a.run_flags.as_slice() else {
        return None;
    };
    let lines: usize = files.iter().map(|f| f.additions + f.deletions).sum();
    if lines > 8 || files.iter().any(|f| f.status != Status::Modified) {
        return None;
    }
    let (added, removed, command) = (
        change.added.join(" "),
        change.removed.join(" "),
        &change.command,
    );
    // Where the command runs, when the file says more than the command does: a flag put
    // into a hook's `uv run` is no new flag of uv (uv's `Add \`--frozen\` to \`uv run\` hook
    // invocation`).
    let place = match files {
        [file] => run_place(&file.path),
        _ => None,
    };
    let texts = match (added.is_empty(), removed.is_empty()) {
        (false, false) => vec![
            format!("use {added} instead of {removed} in {command}"),
            format!("use {added} in {command}"),
        ],
        (false, true) => vec![format!("add {added} to {command}")],
        (true, false) => vec![format!("drop {removed} from {command}")],
        (true, true) => return None,
    };
    let placed = place.iter().flat_map(|place| {
        (texts.iter())
            .filter(|t| !t.contains(" in "))
            .map(move |t| format!("{t} in {place}"))
    });
    placed
        .chain(texts.iter().cloned())
        .find(|t| width(t) <= budget)
}

/// The place a file runs its commands, in words: `hook` (`.codex/hooks.json`,
/// `.pre-commit-config.yaml`, `lefthook.yml`, `.husky/pre-commit`), `Dockerfile`,
/// `Makefile`, `justfile`; `None` for CI and the rest, whose command says enough.
fn run_place(path: &str) -> Option<&'static str> {
    let name = paths::file_name(path).to_ascii_lowercase();
    let hook = name.contains("hook")
        || name.starts_with(".pre-commit-config")
        || name.starts_with("lefthook")
        || [".husky/", ".githooks/"].iter().any(|d| path.contains(d));
    if hook {
        Some("hook")
    } else if name.starts_with("dockerfile") {
        Some("Dockerfile")
    } else if name == "makefile" {
        Some("Makefile")
    } else if name == "justfile" {
        Some("justfile")
    } else {
        None
    }
}

/// The name a configuration file goes by: `vitest.config.ts` → `vitest config`,
/// `.eslintrc.json` → `eslint config`, else the file name.
fn config_name(path: &str) -> String {
    if let Some(name) = super::flag_mentions::completion(path) {
        return name;
    }
    let name = paths::file_name(path);
    if let Some((tool, _)) = name.split_once(".config.") {
        return format!("{} config", tool.trim_start_matches('.'));
    }
    if let Some((tool, rest)) = name.strip_prefix('.').and_then(|n| n.split_once("rc"))
        && !tool.is_empty()
        && (rest.is_empty() || rest.starts_with('.'))
    {
        return format!("{tool} config");
    }
    name.to_owned()
}

/// What a change did to the lints a Cargo manifest's lint tables set, when that is all the
/// manifests say: the lints whose `allow` it dropped (the code now passes them), those it
/// turned on (`warn`, `deny`), or those it allowed; `None` for a mix or anything else.
pub(crate) fn lint_change(a: &Analysis) -> Option<(&'static str, Vec<String>)> {
    if a.lints.is_empty() || !a.manifest.deps.is_empty() || a.manifest.release.is_some() {
        return None;
    }
    let (mut fixed, mut enabled, mut allowed) =
        (Names::default(), Names::default(), Names::default());
    for (_, lint, _) in &a.lints {
        let level = |side: bool| {
            a.lints
                .iter()
                .find(|(added, l, _)| *added == side && l == lint)
                .map(|(_, _, level)| level.as_str())
        };
        let loose = |level: &str| matches!(level, "allow" | "expect");
        match (level(false), level(true)) {
            (old, new) if old == new => {}
            (Some(old), None) if loose(old) => fixed.push(lint),
            (None | Some("allow" | "expect"), Some(new)) if !loose(new) => enabled.push(lint),
            (_, Some(new)) if loose(new) => allowed.push(lint),
            _ => return None,
        }
    }
    let lists = [("fix", fixed), ("enable", enabled), ("allow", allowed)]
        .map(|(verb, names)| (verb, names.into_list()));
    let mut some = lists.into_iter().filter(|(_, names)| !names.is_empty());
    let one = some.next()?;
    some.next().is_none().then_some(one)
}

/// `fix ref_option lint`, `enable unused_qualifications and needless_continue lints`.
fn lints_summary(a: &Analysis, budget: usize) -> Option<String> {
    let (verb, names) = lint_change(a)?;
    let tail = if names.len() == 1 { " lint" } else { " lints" };
    Some(fit(verb, &names, tail, budget))
}

/// One or two TOML tables of a collection added to one file and nothing taken out: `add
/// build:gen-protos task to mise.toml` (jj's `mise: add task to generate protobuf
/// definitions`), `add dev and test profiles to Cargo.toml`, `add ruff config to
/// pyproject.toml`.
fn tables_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let [file] = files else {
        return None;
    };
    if file.status != Status::Modified || file.deletions > 0 || file.tables.is_empty() {
        return None;
    }
    let added: Vec<&Vec<String>> = file.tables.iter().map(|(_, parts)| parts).collect();
    let parent = |parts: &[String]| match parts {
        [.., up, _] => Some(up.clone()),
        _ => None,
    };
    let first = parent(added[0]);
    if added.len() > 2 || added.iter().any(|t| parent(t) != first) {
        return None;
    }
    let names: Vec<String> = added.iter().filter_map(|t| t.last().cloned()).collect();
    // What the parent table holds, as a noun: a plural's singular (`tasks` → `task`),
    // Cargo's `profile`, pyproject's `tool` as its config. Another parent may be a
    // setting of an array's last table (helix's `[language.auto-pairs]`): left alone.
    let one = match first.as_deref()? {
        "profile" => "profile".to_owned(),
        "tool" => "config".to_owned(),
        up => singular(up)?.to_owned(),
    };
    let what = match names.len() {
        1 => one,
        _ if one == "config" => one,
        _ => format!("{one}s"),
    };
    let text = format!(
        "add {} {what} to {}",
        join(&names),
        paths::file_name(&file.path)
    );
    (width(&text) <= budget).then_some(text)
}

/// Things added by name to one table of a TOML file that collects them, with what takes
/// them up: helix's `ghostty-ls = { command = "ghostty-ls" }` under `[language-server]` (or
/// a new `[language-server.millet]` table), and `language-servers = ["ghostty-ls"]` set in
/// the `ghostty` entry of `[[language]]`, is `add ghostty-ls language server for ghostty`.
/// Anything else changed must be settings of that one entry, or a few lines of docs (helix's
/// generated table of languages).
pub(crate) fn named_additions_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let (docs, files): (Vec<&FileFacts>, Vec<&FileFacts>) =
        (files.iter()).partition(|f| f.kind == Kind::Docs && f.additions + f.deletions <= 4);
    let [file] = files.as_slice() else {
        return None;
    };
    if docs.len() > 1
        || file.status != Status::Modified
        || file.unplaced
        || file.other_lines
        || file.deletions > 2
    {
        return None;
    }
    // A setting dropped and put back only re-spaced is no change (`{command = "oxlint"}`).
    let respaced = |s: &Setting| {
        (file.settings.iter())
            .any(|o| o.added != s.added && o.key == s.key && squeeze(&o.value) == squeeze(&s.value))
    };
    // The collecting table and the names put in it.
    let mut table: Option<&str> = None;
    let mut names = Names::default();
    for (added, parts) in &file.tables {
        match parts.as_slice() {
            [t, name] if *added && table.is_none_or(|x| x == t) => {
                table = Some(t.as_str());
                names.push(name);
            }
            _ => return None,
        }
    }
    // The entries whatever else changed sits in (their settings and their lists), all of one
    // array of tables: `nasm` and `gas`, two `language`s taking up one new server.
    let mut entries: Vec<&str> = Vec::new();
    let mut entry_table: Option<&str> = None;
    for place in &file.places {
        match &place.entry {
            Some(e)
                if !place.table.contains('.') && entry_table.is_none_or(|t| t == place.table) =>
            {
                entry_table = Some(&place.table);
                if !entries.contains(&e.as_str()) {
                    entries.push(e);
                }
            }
            Some(_) => return None,
            None => {}
        }
    }
    for s in file.settings.iter().filter(|s| !respaced(s)) {
        let place = s.place.as_ref()?;
        let new_table =
            table.is_some_and(|t| names.list.iter().any(|n| place.table == format!("{t}.{n}")));
        if new_table && place.entry.is_none() {
            continue;
        }
        match &place.entry {
            // A setting of the entry: it takes the new thing up (or goes with it).
            Some(_) => {}
            None if s.added
                && s.value.starts_with('{')
                && !place.table.contains('.')
                && table.is_none_or(|t| t == place.table)
                && !file.settings.iter().any(|o| !o.added && o.key == s.key) =>
            {
                table = Some(&place.table);
                names.push(&s.key);
            }
            _ => return None,
        }
    }
    let table = table?;
    let names = names.into_list();
    if names.is_empty() || names.len() > MAX_NAMED || !collects_by_name(table) {
        return None;
    }
    // A plural's tables are `tables_summary`'s (`add build:gen-protos task to mise.toml`).
    if singular(table).is_some() {
        return None;
    }
    let one = table.replace(['-', '_'], " ");
    let what = match names.len() {
        // A name that says what it is already: `add nginx-language-server`.
        1 if names[0].replace(['-', '_'], " ").ends_with(&one) => String::new(),
        1 => format!(" {one}"),
        _ => format!(" {}", crate::text::plural_of(&one)),
    };
    let mut text = format!("add {}{what}", join(&names));
    match (entries.as_slice(), entry_table) {
        ([], _) | (_, None) => {}
        ([one], _) => text.push_str(&format!(" for {one}")),
        ([a, b], _) => text.push_str(&format!(" for {a} and {b}")),
        (many, Some(t)) => text.push_str(&format!(
            " for {} {}",
            many.len(),
            crate::text::plural_of(t)
        )),
    }
    (width(&text) <= budget).then_some(text)
}

/// A value without its spaces: one only re-spaced (`{command = "oxlint"}` → `{ command =
/// "oxlint" }`) is the same value.
fn squeeze(value: &str) -> String {
    value.split_whitespace().collect()
}

/// Tells whether a TOML table whose keys are names of things may be read as a collection
/// of them (`language-server`); not the manifest tables that other rules read.
fn collects_by_name(table: &str) -> bool {
    !table.contains("dependencies")
        && !matches!(
            table,
            "package" | "workspace" | "features" | "patch" | "profile" | "tool" | "lints" | "env"
        )
}

/// A plural's singular, for the simple plurals that name a collection (`tasks` → `task`,
/// `widgets` → `widget`); `None` for other words (`ps`, `class`, `news` …).
pub(crate) fn singular(word: &str) -> Option<&str> {
    word.strip_suffix('s')
        .filter(|s| s.len() >= 3 && !s.ends_with('s'))
}

/// One thing added to a TOML registry as entries of its arrays of tables, with the files
/// that came for it: helix's `[[language]]` and `[[grammar]]` named `flatbuffers`, with
/// `runtime/queries/flatbuffers/highlights.scm`, is `add flatbuffers language and grammar`.
/// Other files may only be new ones under a folder of that name (one at least), or a few
/// lines of docs.
pub(crate) fn entries_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let entries: Vec<&(String, String)> = files.iter().flat_map(|f| &f.entries).collect();
    let (_, name) = entries.first()?;
    if entries.len() > 3 {
        return None;
    }
    let came = |f: &&FileFacts| {
        f.status == Status::Added
            && (entries.iter()).any(|(_, n)| f.path.contains(&format!("/{n}/")))
    };
    let belongs = |f: &&FileFacts| {
        !f.entries.is_empty() || came(f) || f.kind == Kind::Docs && f.additions + f.deletions <= 4
    };
    // Files came for it: an entry alone may only configure what was there (Cargo's
    // `[[example]]` for an example that exists).
    if !files.iter().all(belongs) || !files.iter().any(came) {
        return None;
    }
    // `flatbuffers language and grammar`; with names of their own, `pip-requirements
    // language and requirements grammar`.
    let mut said = Names::default();
    if entries.iter().all(|(_, n)| n == name) {
        for (table, _) in &entries {
            said.push(table);
        }
        let text = format!("add {name} {}", join(&said.into_list()));
        return (width(&text) <= budget).then_some(text);
    }
    for (table, n) in &entries {
        said.push(&format!("{n} {table}"));
    }
    let text = format!("add {}", join(&said.into_list()));
    (width(&text) <= budget).then_some(text)
}

/// Items put into one list of configuration and nothing else: `add fodt and fods to
/// file-types` (helix's `languages.toml`), `add 4 items to file-types` when their names
/// do not fit.
fn list_items_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    // A grammar's pin moved beside them goes with them: helix's `Add ghostty/config and hgrc
    // file types` also bumps tree-sitter-ini to parse them.
    let pin = |s: &Setting| s.key == "source" && s.value.contains("rev");
    let plain = |f: &&FileFacts| {
        f.status == Status::Modified
            && !(f.list_items.is_empty() && f.list_removed.is_empty())
            && (f.word_list
                || !f.other_lines
                    && f.settings.iter().all(pin)
                    && f.tables.is_empty()
                    && f.entries.is_empty())
    };
    if files.is_empty() || !files.iter().all(plain) {
        return None;
    }
    // Items put in, or items taken out (`remove spin and syn from skip-tree`), never both.
    let added = files.iter().any(|f| !f.list_items.is_empty());
    if added && files.iter().any(|f| !f.list_removed.is_empty()) {
        return None;
    }
    fn listed<'f>(f: &&'f FileFacts, added: bool) -> &'f [(String, String)] {
        if added {
            &f.list_items
        } else {
            &f.list_removed
        }
    }
    let key = &listed(&files[0], added).first()?.0;
    let mut items = Names::default();
    for (k, item) in files.iter().flat_map(|f| listed(f, added)) {
        if k != key {
            return None;
        }
        items.push(item);
    }
    let items = items.into_list();
    let (verb, to) = if added {
        ("add", "to")
    } else {
        ("remove", "from")
    };
    // The entry whose list it is: `to ruby file-types` (its grammar, of the same name, may
    // have moved too).
    let tail = match files {
        [file] if let Some(entry) = sole_entry(file) => format!(" {to} {entry} {key}"),
        _ => format!(" {to} {key}"),
    };
    let all = format!("{verb} {}{tail}", join(&items));
    if items.len() <= MAX_NAMED && width(&all) <= budget {
        return Some(all);
    }
    let counted = format!("{verb} {} items{tail}", items.len());
    (width(&counted) <= budget).then_some(counted)
}

/// Rows added to, taken from or changed in one table written in code, and nothing else, by
/// their keys: ripgrep's `("ada", &["*.adb", "*.ads"]),` and `("alire", …)` put into
/// `default_types.rs` are `add ada and alire to default_types`; past three, counted.
fn rows_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let (change, keys, file) = row_change(files)?;
    let (verb, joint) = match change {
        RowChange::Added => ("add", "to"),
        RowChange::Removed => ("remove", "from"),
        RowChange::Updated => ("update", "in"),
    };
    let table = paths::stem(paths::file_name(&file.path));
    // One row that only gained strings: what it gained (ripgrep's `ignore/types: add
    // `*.dtso` to `devicetree` type`).
    if let (RowChange::Updated, [key]) = (change, keys.as_slice())
        && !file.row_items.is_empty()
        && file.row_items.iter().all(|(k, _)| k == key)
    {
        let items: Vec<String> = file.row_items.iter().map(|(_, i)| i.clone()).collect();
        let tail = format!(" to {key}");
        let text = fit("add", &items, &tail, budget);
        if text.ends_with(&tail) && items.iter().all(|i| text.contains(i.as_str())) {
            return Some(text);
        }
    }
    let tail = format!(" {joint} {table}");
    // A third key still says more than a count: the rows are all the change is.
    let named = format!("{verb} {}{tail}", join(&keys));
    if keys.len() <= MAX_NAMED + 1 && width(&named) <= budget {
        return Some(named);
    }
    let counted = format!("{verb} {} entries{tail}", keys.len());
    (width(&counted) <= budget).then_some(counted)
}

/// What a change does to the rows of one table written in code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowChange {
    Added,
    Removed,
    Updated,
}

/// The one thing a change does to the keyed rows of one table in code, when that is all it
/// does (release notes aside): rows added, taken out or changed in place, by key, and the
/// file. Rows added and others taken out are no one thing.
pub(crate) fn row_change<'a>(
    files: &[&'a FileFacts],
) -> Option<(RowChange, Vec<String>, &'a FileFacts)> {
    let [file] = all_but_notes(files, |f| !f.rows.is_empty())?[..] else {
        return None;
    };
    let signed = |sign: char| -> Vec<&str> {
        (file.rows.iter())
            .filter_map(|r| r.strip_prefix(sign))
            .collect()
    };
    let (added, removed) = (signed('+'), signed('-'));
    let only = |these: &[&str], those: &[&str]| -> Vec<String> {
        (these.iter())
            .filter(|k| !those.contains(k))
            .map(|k| (*k).to_owned())
            .collect()
    };
    let (new, gone) = (only(&added, &removed), only(&removed, &added));
    let kept: Vec<String> = (added.iter())
        .filter(|k| removed.contains(k))
        .map(|k| (*k).to_owned())
        .collect();
    let (change, keys) = match (new.is_empty(), gone.is_empty(), kept.is_empty()) {
        (false, true, true) => (RowChange::Added, new),
        (true, false, true) => (RowChange::Removed, gone),
        (true, true, false) => (RowChange::Updated, kept),
        _ => return None,
    };
    Some((change, keys, file))
}

/// One or two options set, added or dropped, in one configuration file or the same in
/// several, and nothing else changed: `set pool to vmThreads in vitest config`, `remove
/// sourcemap from rollup config`, `disable sccache and cache in 4 workflows`.
fn setting_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    if files.is_empty()
        || files.len() > 12
        || files
            .iter()
            .any(|f| f.status != Status::Modified || f.other_lines || f.settings.is_empty())
    {
        return None;
    }
    // Each key with the one value it had and the one it is given, the same everywhere
    // (`None`: not there before, or dropped).
    type Change<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
    let mut keys: Vec<Change> = Vec::new();
    for file in files {
        for Setting { key, .. } in &file.settings {
            let value = |side: bool| {
                file.settings
                    .iter()
                    .rev()
                    .find(|s| s.added == side && s.key == *key)
                    .map(|s| s.value.as_str())
            };
            let (old, new) = (value(false), value(true));
            match keys.iter().find(|(k, _, _)| k == key) {
                Some((_, _, v)) if *v != new => return None,
                Some(_) => {}
                None => keys.push((key, old, new)),
            }
        }
    }
    // A value only re-spaced is no change (`{command = "oxlint"}` → `{ command = "oxlint" }`).
    if keys.len() > 1 {
        keys.retain(|(_, old, new)| old.is_none() || old.map(squeeze) != new.map(squeeze));
    }
    // New keys that share their first word are one thing added: `rainbow_gold`,
    // `rainbow_blue` … (the colours helix's darcula theme gives its new `rainbow`) are
    // `rainbow` added.
    let first = |k: &str| k.split(['_', '-', '.']).next().unwrap_or(k).len();
    // (Not in CI files: `MACOS_TARGET` and `MACOS_SDK` are two settings.)
    if keys.len() > 2
        && files.iter().all(|f| f.kind != Kind::Ci)
        && keys.iter().all(|(_, old, _)| old.is_none())
        && let Some(head) = keys.first().map(|(k, _, _)| &k[..first(k)])
        && head.len() >= 3
        && keys.iter().all(|(k, _, _)| &k[..first(k)] == head)
    {
        keys = vec![(head, None, Some("[…]"))];
    }
    if keys.is_empty()
        || keys.len() > 2
        || files.len() > 1 && keys.len() > 1 && keys.iter().any(|k| k.2.is_none())
    {
        return None;
    }
    // One entry of an array of tables holds them all: `cpp language`.
    let entry = match files {
        [file] => entry_of(file),
        _ => None,
    };
    // Keys of one Cargo build profile (`[profile.release]`, `[profile.dev.package."*"]`):
    // `enable lto in release profile`.
    let manifests = (files.iter()).all(|f| paths::file_name(&f.path) == "Cargo.toml");
    let profiles: Vec<Option<&str>> = (files.iter())
        .filter(|_| manifests)
        .flat_map(|f| &f.settings)
        .map(|s| {
            let table = &s.place.as_ref()?.table;
            table.strip_prefix("profile.")?.split('.').next()
        })
        .collect();
    let profile = match profiles.first() {
        Some(Some(name)) if profiles.iter().all(|p| p == &Some(*name)) => Some(*name),
        _ => None,
    };
    let place = match (entry, profile) {
        (Some((table, entry)), _) => format!("{entry} {table}"),
        (None, Some(name)) => format!("{name} profile"),
        (None, None) => setting_place(files),
    };
    let said: Vec<String> = keys
        .iter()
        .map(|&(key, old, value)| match value {
            // Items put at the end of a list: `add .lfsconfig to file-types`, `add
            // .lfsconfig to git-config file-types` in an entry.
            Some(v) if let Some(items) = old.and_then(|old| appended(old, v)) => match entry {
                Some((_, entry)) if keys.len() == 1 => {
                    format!("add {items} to {entry} {key}")
                }
                _ => format!("add {items} to {key}"),
            },
            // A new key whose value is a table or long says itself: `add vtsls`; a table
            // that runs a command is that command's (`add clang-format formatter`).
            Some(v) if old.is_none() && (v.starts_with(['{', '[']) || width(v) > 30) => {
                match command_of(v) {
                    Some(command) if !key.contains(command) => format!("add {command} {key}"),
                    _ => format!("add {key}"),
                }
            }
            // An expression or a long value says less than the key: `set CARGO_HOME in
            // fix-bug workflow`; one that was there is updated (`update homepage and
            // repository in Cargo.toml`).
            Some(v) if v.contains("${{") || width(v) > 30 && old.is_none() => {
                format!("set {key}")
            }
            // A table's value (`{ fg = "blue" }`) is no word for a subject.
            Some(v) if width(v) > 30 || v.contains("://") || v.starts_with('{') => {
                format!("update {key}")
            }
            Some("false" | "off" | "no" | "") => format!("disable {key}"),
            Some("true" | "on" | "yes") => format!("enable {key}"),
            // A list of one (`["ES2021"]`) is its item.
            Some(v) => {
                let one = v
                    .strip_prefix("[\"")
                    .and_then(|v| v.strip_suffix("\"]"))
                    .filter(|v| !v.contains('"'));
                format!("set {key} to {}", one.unwrap_or(v))
            }
            None => format!("remove {key}"),
        })
        .collect();
    let text = match said.as_slice() {
        [one] if one.starts_with("remove ") => format!("{one} from {place}"),
        [one]
            if let Some((_, entry)) = entry
                && one.starts_with("add ") =>
        {
            match one.contains(" to ") {
                true => one.clone(),
                false => format!("{one} for {entry}"),
            }
        }
        [one] if one.starts_with("add ") && one.contains(" to ") => format!("{one} in {place}"),
        [one] if one.starts_with("add ") => format!("{one} to {place}"),
        [one] => {
            let text = format!("{one} in {place}");
            if width(&text) <= budget || !one.starts_with("set ") || one.contains("${{") {
                text
            } else {
                one.clone()
            }
        }
        [first, second] => {
            // `disable sccache and cache`: one verb for both when they share it.
            let (verb, rest) = first.split_once(' ')?;
            match second.strip_prefix(verb).and_then(|s| s.strip_prefix(' ')) {
                Some(other) if verb != "set" => format!("{verb} {rest} and {other} in {place}"),
                // `set target and lib to ES2021`: one value for both.
                Some(other)
                    if let (Some((a, x)), Some((b, y))) =
                        (rest.split_once(" to "), other.split_once(" to "))
                        && x == y =>
                {
                    format!("set {a} and {b} to {x} in {place}")
                }
                _ => format!("{first} and {second} in {place}"),
            }
        }
        _ => return None,
    };
    // Two keys that do not fit are said shorter: as the one thing both name, then without
    // their values. If neither fits, the place goes to the rules after (`update adwaita-dark
    // and adwaita-light themes`) rather than be lost.
    if said.len() == 2 && width(&text) > budget {
        let [(a, _, _), (b, _, _)] = keys[..] else {
            return None;
        };
        let added = keys.iter().all(|(_, old, _)| old.is_none());
        let both = |place: &str| match (added, said.iter().all(|s| s.starts_with("set "))) {
            (true, false) => format!("add {a} and {b} to {place}"),
            (_, true) => format!("set {a} and {b} in {place}"),
            _ => format!("update {a} and {b} in {place}"),
        };
        // An entry's name alone is place enough when its table's word leaves no room
        // (`add indent-heuristic and workspace-lsp-roots to git-config`).
        let shorter = [
            shared_words(a, b)
                .filter(|_| added)
                .map(|thing| format!("add {thing} to {place}")),
            Some(both(&place)),
            entry.map(|(_, entry)| both(entry)),
        ];
        return shorter.into_iter().flatten().find(|t| width(t) <= budget);
    }
    Some(truncate(&text, budget))
}

/// The words two keys share, in the first key's order, as one thing in the plural, when
/// they share at least two: `comment-token` and `block-comment-tokens` → `comment tokens`.
fn shared_words(a: &str, b: &str) -> Option<String> {
    let words = |k: &str| -> Vec<String> {
        k.split(['_', '-', '.'])
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let stem = |w: &str| w.strip_suffix('s').unwrap_or(w).to_owned();
    let theirs: Vec<String> = words(b).iter().map(|w| stem(w)).collect();
    let shared: Vec<String> = words(a)
        .into_iter()
        .filter(|w| w.len() >= 3 && theirs.contains(&stem(w)))
        .collect();
    let (last, rest) = shared.split_last()?;
    let plural = match last.ends_with('s') {
        true => last.clone(),
        false => format!("{last}s"),
    };
    (!rest.is_empty()).then(|| format!("{} {plural}", rest.join(" ")))
}

/// A data file's changes all in one entry of an array of tables, which no rule before could
/// say more of: `update sml language` (helix's `Remove auto-pair for single quote in SML`,
/// an `[language.auto-pairs]` table given to it), never `extend languages`.
fn entry_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let [file] = files else {
        return None;
    };
    let entry = sole_entry(file)?;
    let array = file.places.first()?.table.split('.').next()?;
    let alike = (file.places.iter()).all(|p| p.table.split('.').next() == Some(array));
    if file.status != Status::Modified
        || !alike
        || !file.entries.is_empty()
        || matches!(file.kind, Kind::Ci | Kind::Manifest)
    {
        return None;
    }
    let text = format!("update {entry} {array}");
    (width(&text) <= budget).then_some(text)
}

/// The name of the one entry every change of `file` sits in, whatever its array of tables
/// (helix's `ini` language and `ini` grammar): `None` when a change sits elsewhere.
fn sole_entry(file: &FileFacts) -> Option<&str> {
    let entry = file.places.first()?.entry.as_deref()?;
    (!file.unplaced && (file.places.iter()).all(|p| p.entry.as_deref() == Some(entry)))
        .then_some(entry)
}

/// The array of tables and the name of its one entry that every setting of `file` sits in
/// (`language`, `cpp`), when a header says so for each.
fn entry_of(file: &FileFacts) -> Option<(&str, &str)> {
    let [place] = file.places.as_slice() else {
        return None;
    };
    let entry = place.entry.as_deref()?;
    (!file.unplaced && !place.table.contains('.')).then_some((place.table.as_str(), entry))
}

/// The command an inline table runs: `{ command = "clang-format", args = [] }` →
/// `clang-format`.
fn command_of(value: &str) -> Option<&str> {
    let at = value.find("command")?;
    let rest = value[at + "command".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let rest = rest.strip_prefix('"')?;
    let command = &rest[..rest.find('"')?];
    (!command.is_empty() && command.len() <= 40 && !command.contains(char::is_whitespace))
        .then_some(command)
}

/// The items a list value gained at its end, its other items kept (`[a, b]` → `[a, b, c]`
/// gives `c`; a table's or a string's only string, `{ glob = ".lfsconfig" }` → `.lfsconfig`).
fn appended(old: &str, new: &str) -> Option<String> {
    let inner = |v: &str| {
        v.trim()
            .strip_prefix('[')?
            .strip_suffix(']')
            .map(|s| s.trim().trim_end_matches(',').trim().to_owned())
    };
    let (old, new) = (inner(old)?, inner(new)?);
    if old.is_empty() {
        return None;
    }
    let Some(added) = new.strip_prefix(old.as_str()) else {
        return inserted(&old, &new);
    };
    let added = added.trim_start_matches([',', ' ']);
    if added.is_empty() {
        return None;
    }
    let quoted: Vec<&str> = added.split(['"', '\'']).skip(1).step_by(2).collect();
    let items = match quoted.as_slice() {
        [one] => (*one).to_owned(),
        _ if width(added) <= 30 => added.to_owned(),
        _ => return None,
    };
    Some(items)
}

/// The one or two strings a list gained anywhere, every old one kept: `["gitignore",
/// ".gitignore"]` → `["gitignore", ".git/info/exclude", ".gitignore"]` gives
/// `.git/info/exclude`.
fn inserted(old: &str, new: &str) -> Option<String> {
    let strings = |v: &str| -> Vec<String> {
        v.split(['"', '\''])
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let (old, new) = (strings(old), strings(new));
    if old.is_empty() || old.iter().any(|o| !new.contains(o)) {
        return None;
    }
    let added: Vec<String> = new.into_iter().filter(|n| !old.contains(n)).collect();
    (!added.is_empty() && added.len() <= MAX_NAMED).then(|| join(&added))
}

/// Where settings were changed: `vitest config`, `ci workflow`, `ci and release
/// workflows`, `4 workflows`, `Cargo.toml and deny.toml`.
fn setting_place(files: &[&FileFacts]) -> String {
    if let Some(members) = members_place(files) {
        return members;
    }
    let workflows = files
        .iter()
        .all(|f| f.path.starts_with(".github/workflows/"));
    match files {
        [file] if workflows => format!("{} workflow", paths::stem(&file.path)),
        [file] => config_name(&file.path),
        [a, b] if workflows => format!(
            "{} and {} workflows",
            paths::stem(&a.path),
            paths::stem(&b.path)
        ),
        _ if workflows => format!("{} workflows", files.len()),
        // Every manifest of a workspace: `remove authors from 10 Cargo manifests`.
        _ if files
            .iter()
            .all(|f| paths::file_name(&f.path) == "Cargo.toml") =>
        {
            format!("{} Cargo manifests", files.len())
        }
        _ if files
            .iter()
            .all(|f| paths::file_name(&f.path) == "package.json") =>
        {
            format!("{} package manifests", files.len())
        }
        [a, b] => format!("{} and {}", config_name(&a.path), config_name(&b.path)),
        _ => format!("{} files", files.len()),
    }
}

/// Where a change to a file's words sits, for a subject: the Rust docs it changed when
/// they name their item (`TcpStream docs`, `fs module docs`), else the document
/// (`README`, `guide.md`).
fn docs_place(f: &FileFacts) -> String {
    let Some(docs) = f.doc_change.as_ref().filter(|_| f.kind == Kind::Source) else {
        return doc_name(&f.path);
    };
    if docs.module {
        return format!("{} docs", super::rustdocs::owner(&f.path));
    }
    let named = (docs.items.iter())
        .find(|n| !TRIVIAL.contains(&n.as_str()))
        .or(docs.within.first());
    match named {
        Some(name) => format!("{name} docs"),
        None => doc_name(&f.path),
    }
}

/// The words swapped in place, when that is all the change does: misspellings corrected
/// (`fix typos in README and guide.md`), or one name put in place of another (`rename
/// optimizeBindings to optimizeImports`, `use ShellCompleter instead of Completer`).
fn swap_summary(
    a: &Analysis,
    files: &[&FileFacts],
    ty: Type,
    budget: usize,
    typed: bool,
) -> Option<String> {
    // A file whose lines only gained or lost their endings (a newline put at the end) goes
    // along with the swaps beside it without a say.
    let files: Vec<&FileFacts> = files
        .iter()
        .copied()
        .filter(|f| !f.line_endings_only)
        .collect();
    let files = files.as_slice();
    // `pub(crate)` → `pub(super)` swaps a word too, but says a visibility narrowed.
    if files.is_empty()
        || !files
            .iter()
            .all(|f| f.swap_only && f.status == Status::Modified && f.modifiers.is_empty())
    {
        return None;
    }
    let swaps: Vec<&words::Swap> = files.iter().flat_map(|f| f.swaps.iter()).collect();
    let mut names = Names::default();
    for f in files {
        names.push(&docs_place(f));
    }
    let names = names.into_list();
    // Never the type again as the verb (`fix: fix typo`).
    let verb = fix_verb(ty, typed);
    // A name's capitals put right beside misspellings (`goreleaser` → `GoReleaser`) is part
    // of the same proofreading.
    if words::all_typos(swaps.iter().copied()) {
        // The same slip put right in a file and in its snapshot is one typo.
        let mut typos: Vec<(&str, &str)> = (swaps.iter())
            .filter(|s| words::is_typo(s))
            .map(|s| (s.old.as_str(), s.new.as_str()))
            .collect();
        typos.sort_unstable();
        typos.dedup();
        let typos = typos.len();
        let what = noun(typos, "typo", "typos");
        return Some(fit(&format!("{verb} {what} in"), &names, "", budget));
    }
    // `a` → `an`, `the` → `to`: the sentence was mended, not its meaning changed.
    if swaps.iter().all(|s| {
        s.prose
            && (words::is_typo(s)
                || words::is_function_word(&s.old)
                || words::is_function_word(&s.new))
    }) {
        return Some(fit(&format!("{verb} wording in"), &names, "", budget));
    }
    // Names put out of use (`ctx` → `_`, `req` → `_req`): the linter's unused parameters.
    if swaps
        .iter()
        .all(|s| !s.prose && (s.new == "_" || s.new.strip_prefix('_') == Some(s.old.as_str())))
    {
        let place = file_subject(&files[0].path);
        let text = format!("mark unused parameters in {place}");
        return Some(truncate(&text, budget));
    }
    // One name for another, also inside longer names (`TestDefault` → `TestWithDefaults`):
    // the shortest is the name itself; a word of prose when only prose has it.
    let first = *swaps.iter().min_by_key(|s| s.old.len())?;
    let prose = swaps.iter().all(|s| s.prose)
        || words::is_function_word(&first.old)
        || words::is_function_word(&first.new);
    if !swaps.iter().all(|s| same_swap(s, first)) {
        return None;
    }
    let (old, new) = (&first.old, &first.new);
    let defined = |name: &str| {
        a.files.iter().any(|f| {
            f.removed_defs
                .iter()
                .chain(&f.touched)
                .any(|d| d.name == name)
        })
    };
    // A switch flipped: what it now does (`skip dev tools in mobile`, not `rename No to
    // Yes`).
    let toggle = (first.qualifier.as_deref())
        .filter(|_| swaps.iter().all(|s| s.qualifier == first.qualifier))
        .and_then(|q| words::toggle_phrase(q, old, new));
    let text = if let Some(phrase) = toggle {
        let place = file_subject(&files[0].path);
        match files {
            [_] if !is_generic(&place) && width(&format!("{phrase} in {place}")) <= budget => {
                format!("{phrase} in {place}")
            }
            _ => phrase,
        }
    } else if let Some(key) = &first.key {
        format!("set {key} to {new}")
    } else if prose {
        format!(
            "use \"{new}\" instead of \"{old}\" in {}",
            join(&names[..1])
        )
    } else if old.to_lowercase() == new.to_lowercase() || defined(old) || ty == Type::REFACTOR {
        // A new name too long to fit is left out, not cut inside (`rename after_the_final_char
        // test`, not `… to search_selection_detect_word_boundaries_a`).
        let text = format!("rename {old} to {new}");
        match width(&text) > budget {
            true if files.iter().all(|f| f.kind == Kind::Test) => format!("rename {old} test"),
            true => format!("rename {old}"),
            false => text,
        }
    } else {
        // A term of a page put right (`use apt instead of apt-get in INSTALL`) says where.
        // Cut, it would lose what it replaced: no subject then.
        let text = format!("use {new} instead of {old}");
        let placed = format!("{text} in {}", join(&names[..1]));
        let docs = files.iter().all(|f| f.kind == Kind::Docs);
        match (docs && width(&placed) <= budget, width(&text) <= budget) {
            (true, _) => placed,
            (false, true) => text,
            (false, false) if docs => return None,
            (false, false) => text,
        }
    };
    Some(truncate(&text, budget))
}

/// Tells whether `s` puts the same name in place as `main` does, alone or inside a longer
/// name (`TestDefault` → `TestWithDefaults` for `Default` → `WithDefaults`).
fn same_swap(s: &words::Swap, main: &words::Swap) -> bool {
    s.old == main.old && s.new == main.new
        || s.old.contains(main.old.as_str()) && s.old.replace(&main.old, &main.new) == s.new
}

/// Tells whether the change only flips switches in code (`SkipDevTools::No` →
/// `SkipDevTools::Yes`, see [`words::toggle_phrase`]): what the program does changes, so
/// it is never a refactor.
pub(crate) fn is_toggle(a: &Analysis) -> bool {
    let files = a.substantive();
    let mut swaps = files.iter().flat_map(|f| f.swaps.iter()).peekable();
    swaps.peek().is_some()
        && files
            .iter()
            .all(|f| f.swap_only && f.status == Status::Modified && f.kind == Kind::Source)
        && swaps.all(|s| {
            (s.qualifier.as_deref())
                .is_some_and(|q| words::toggle_phrase(q, &s.old, &s.new).is_some())
        })
}

/// Tells whether the change only renames one function or type in the code (its definition
/// and every use, nothing else): a refactor, whatever words the names hold.
pub(crate) fn is_rename(a: &Analysis) -> bool {
    let files = a.substantive();
    let swaps: Vec<&words::Swap> = files.iter().flat_map(|f| f.swaps.iter()).collect();
    let Some(first) = swaps.iter().copied().min_by_key(|s| s.old.len()) else {
        return false;
    };
    files
        .iter()
        .all(|f| f.swap_only && f.status == Status::Modified && matches!(f.kind, Kind::Source))
        && !first.prose
        && first.key.is_none()
        // A misspelt name put right is a typo fixed, not a new name.
        && !words::is_typo(first)
        && first.old.to_lowercase() != first.new.to_lowercase()
        && !is_toggle(a)
        && swaps.iter().all(|s| same_swap(s, first))
        && a.files
            .iter()
            .any(|f| f.removed_defs.iter().any(|d| d.name == first.old))
}

/// Drops a closing ` in {place}`, ` to {place}` or ` from {place}` that only repeats the scope (`fix(parser): correct x in
/// parser`).
pub(crate) fn without_place(text: String, scope: Option<&str>) -> String {
    // In any case: helix's area `LSP` is its `lsp` file (`LSP: Correct goto_reference`).
    let place = |scope: &str| {
        ["in", "to", "from"].iter().find_map(|prep| {
            let tail = format!(" {prep} {scope}");
            let at = text.len().checked_sub(tail.len())?;
            (text.is_char_boundary(at) && text[at..].eq_ignore_ascii_case(&tail))
                .then(|| &text[..at])
        })
    };
    // A shell's completion under that shell's area: `zsh: fix completion`.
    let shell = |scope: &str| {
        let at = text.len().checked_sub(" completion".len() + scope.len())?;
        (text.is_char_boundary(at)
            && text[..at].ends_with(' ')
            && text[at..].eq_ignore_ascii_case(&format!("{scope} completion")))
        .then(|| format!("{}completion", &text[..at]))
    };
    match scope.and_then(place) {
        Some(short) if short.contains(' ') => short.to_owned(),
        _ => scope.and_then(shell).unwrap_or(text),
    }
}

/// The verb for a fault put right: `fix`, as every house writes it (fifty to a hundred
/// times as often as `correct` in the eighteen repositories we measured), unless the header
/// already says `fix` (`fix: correct f`, never `fix: fix f`).
fn fix_verb(ty: Type, typed: bool) -> &'static str {
    if ty == Type::FIX && typed {
        "correct"
    } else {
        "fix"
    }
}

/// Drops a leading verb that only repeats the type (`fix: fix x` → `fix: x`) when the
/// header names the type (`typed`); a sentence keeps it (`Fix x`).
pub(crate) fn untautology(phrase: &str, ty: Type, typed: bool) -> String {
    if !typed {
        return phrase.to_owned();
    }
    let repeats: &[&str] = match ty {
        Type::FIX => &["fix ", "fixes ", "fixed "],
        Type::REFACTOR => &["refactor ", "refactors ", "refactored "],
        Type::TEST => &["test "],
        Type::STYLE => &["style "],
        _ => &[],
    };
    for verb in repeats {
        if let Some(rest) = phrase.strip_prefix(verb)
            && rest.split_whitespace().count() >= 2
        {
            return rest.to_owned();
        }
    }
    phrase.to_owned()
}

/// The author's own words, when the change adds a release-note fragment: its first
/// sentence, made imperative.
fn note_summary(a: &Analysis, ty: Type, budget: usize, typed: bool) -> Option<String> {
    let phrase = match a.notes.iter().find_map(|n| words::note_phrase(n)) {
        Some(phrase) => phrase,
        None => {
            // A changelog entry that names a thing, its section unseen, is that thing fixed
            // in a fix (`C0 and C1 codes being emitted in associated text`) and added in a
            // feature (`New \`alacritty-escapes(7)\` manpage`).
            let (entry, bare) = a.entry_note.as_ref()?;
            let phrase = words::note_phrase(entry)?;
            // One that says what was done already keeps its own verb (ripgrep's `Improve
            // completions for …`), unless the word names a fault (`Crash when …`) or a thing,
            // a preposition after it (`Support for …`, alacritty's `Report of Enter/Tab …`).
            let mut said = phrase.split_whitespace();
            let (first, second) = (said.next().unwrap_or_default(), said.next());
            let done = opens_with_verb_word(&phrase)
                && !words::names_fault(first)
                && !second.is_some_and(|w| {
                    let w = w.to_lowercase();
                    w == "of" || words::PREPOSITIONS.contains(&w.as_str())
                });
            let phrase = match ty {
                Type::FIX if *bare && !done => format!("fix {phrase}"),
                Type::FEAT if *bare && !done => format!("add {phrase}"),
                _ => phrase,
            };
            // Changelog prose runs long (jj's wrapped paragraphs): cut short mid-clause,
            // it says less than the code's own words.
            // The type's own verb taken off (`fix: crashes on …`) is said by the type.
            let said = untautology(&phrase, ty, typed);
            let typed_verb = said != phrase;
            return clean_fit(&said, budget)
                .filter(|cut| typed_verb || *cut == said || keeps_verb(cut))
                .or_else(|| whole_enough(&said, budget, typed_verb));
        }
    };
    // A fix noted as what went wrong (`A deadlock when …`) is that thing fixed: `fix:
    // deadlock when …`, or `Fix a deadlock when …` as a sentence. (`The parser no longer
    // crashes …` is a sentence already.)
    let phrase = match phrase.split_once(' ') {
        Some((article, problem))
            if ty == Type::FIX
                && matches!(article.to_lowercase().as_str(), "a" | "an")
                && problem.split_whitespace().count() >= 2 =>
        {
            if typed {
                problem.to_owned()
            } else {
                format!("fix {} {problem}", article.to_lowercase())
            }
        }
        _ => phrase,
    };
    fit_sentence(&untautology(&phrase, ty, typed), budget)
}

/// A cut phrase without the words that only led into what was cut, safe to drop where
/// a hanging word is not (`… an executable named`, `… bash / zsh / fish /`): the rest
/// says what it said.
fn without_dangling(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.last().is_some_and(|w| dangles(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Tells whether a word only leads into what follows it (`named`, `using`), or is no word
/// (`/`, `-`).
fn dangles(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "being" | "named" | "called" | "using" | "including"
    ) || !lower.chars().any(char::is_alphanumeric)
}

/// A cut phrase without the words left hanging at its end (`… no longer`, `… such`), nor
/// those dangling (see [`without_dangling`]).
fn without_hanging(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while let Some(last) = words.last() {
        let lower = last.to_lowercase();
        if HANGING.contains(&lower.as_str())
            || dangles(&lower)
            || matches!(
                lower.as_str(),
                "longer" | "such" | "only" | "also" | "just" | "where"
            )
        {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ")
}

/// A sentence too long for `budget`, cut where a reader can stop: at the first comma or
/// clause word that leaves enough words and fits (`\`pnpm sbom\` now honours
/// \`--filter-prod\``, not `… \`--filter-prod\`, the full \`--filter\``), else as
/// [`truncate`] cuts, with no word left dangling (`GritQL snippets such`, `… no longer`);
/// `None` when nothing is left, or only `make X` of `make X do Y`.
fn fit_sentence(text: &str, budget: usize) -> Option<String> {
    clean_fit(text, budget).or_else(|| {
        // Asides first: what is in parentheses, examples (`such as \`x\``).
        let lean = without_asides(text);
        if lean != text
            && let Some(fit) = clean_fit(&lean, budget)
        {
            return Some(fit);
        }
        let cut = without_hanging(&truncate(&lean, budget));
        // A cut that drops more than the last word ends mid-phrase: before the last
        // preposition that leaves a whole one instead (`document the input ordering
        // behavior`, not `… of auto-promoted lazy`).
        // A cut that ends on a name (`from \`cli.rs\``, `in the AppImage`) ends a phrase.
        // Words kept whole (`understandabl` is not).
        let whole = (lean.split_whitespace())
            .zip(cut.split_whitespace())
            .take_while(|(a, b)| a == b)
            .count();
        let dropped = lean.split_whitespace().count() - whole;
        let on_name = cut
            .split_whitespace()
            .last()
            .is_some_and(|w| w.ends_with('`') || w.chars().any(char::is_uppercase));
        if dropped >= 2
            && !on_name
            && let Some(head) = phrase_before_preposition(&lean, budget)
        {
            return Some(head);
        }
        let bare_make = cut.starts_with("make ") && cut.split_whitespace().count() <= 2;
        (!cut.is_empty() && !bare_make && !verb_left_bare(&cut)).then_some(cut)
    })
}

/// `text` cut before the last preposition (`of`, `in`, `for`, …) where the words before it
/// fit `budget` and say enough (four words or more, code spans and parentheses closed);
/// `None` when there is no such place.
fn phrase_before_preposition(text: &str, budget: usize) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (4..words.len())
        .rev()
        .filter(|&k| {
            matches!(
                words[k],
                "of" | "in"
                    | "for"
                    | "on"
                    | "with"
                    | "from"
                    | "at"
                    | "into"
                    | "across"
                    | "to"
                    | "after"
                    | "before"
                    | "during"
                    | "via"
            )
        })
        // `trying to close`, `able to read`: that `to` belongs to what comes before it.
        .filter(|&k| {
            words[k] != "to"
                || !(words[k - 1].ends_with("ing")
                    || matches!(words[k - 1], "able" | "unable" | "how" | "want" | "need"))
        })
        .map(|k| words[..k].join(" "))
        .find(|head| {
            width(head) <= budget
                && head.matches('`').count().is_multiple_of(2)
                && head.matches('(').count() == head.matches(')').count()
                && without_hanging(head) == *head
                && !head.ends_with(',')
        })
}

/// `text` without its asides: parenthesised parts and examples after `such as` or `e.g.`
/// (a code span or one word).
fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut ticks = 0usize;
    for c in text.chars() {
        match c {
            '`' => ticks += 1,
            '(' if ticks.is_multiple_of(2) => {
                depth += 1;
                continue;
            }
            ')' if ticks.is_multiple_of(2) && depth > 0 => {
                depth -= 1;
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            out.push(c);
        }
    }
    let mut words: Vec<&str> = out.split_whitespace().collect();
    let mut i = 0;
    while i + 1 < words.len() {
        let lead = match (words[i].trim_start_matches(','), words.get(i + 1)) {
            ("such", Some(&"as")) => 2,
            ("e.g.", _) | ("e.g.,", _) => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        // The example: one code span (however many words) or one word.
        let mut end = i + lead;
        if words.get(end).is_some_and(|w| w.starts_with('`')) {
            while end < words.len()
                && !(words[end].len() > 1 && words[end].trim_end_matches(',').ends_with('`'))
            {
                end += 1;
            }
        }
        end += 1;
        if end > words.len() || end - i > 8 {
            break;
        }
        words.drain(i..end);
    }
    words
        .join(" ")
        .replace(" ,", ",")
        .trim_end_matches(',')
        .to_owned()
}

/// Links that all moved to one version (axum's docs.rs links from `0.7` to `0.8`): `update
/// docs.rs links to 0.8`, the file named when there is one.
fn links_version_summary(
    files: &[&FileFacts],
    names: &[String],
    count: u32,
    budget: usize,
) -> Option<String> {
    let (version, host) = files.first()?.links_version.as_ref()?;
    let mut host = host.as_ref();
    for f in files {
        let (v, h) = f.links_version.as_ref()?;
        if v != version {
            return None;
        }
        if h.as_ref() != host {
            host = None;
        }
    }
    let links = noun(count as usize, "link", "links");
    let what = match host {
        Some(host) => format!("{host} {links}"),
        None => links.to_owned(),
    };
    let text = match names {
        [one] => format!("update {what} in {one} to {version}"),
        _ => format!("update {what} to {version}"),
    };
    (width(&text) <= budget).then_some(text)
}

/// A sentence in `budget`: whole, or cut at the first place a reader can stop (see
/// [`fit_sentence`]); `None` when there is no such place.
fn clean_fit(text: &str, budget: usize) -> Option<String> {
    if width(text) <= budget {
        return Some(text.to_owned());
    }
    // Fewer words for the same thing before any are left out: `fix a panicking bug with
    // \`-U/--multiline\``, not `fix a panicking bug` (`when using \`-U/--multiline\``).
    let shorter = text
        .replace(" when using ", " with ")
        .replace(" in order to ", " to ");
    if width(&shorter) <= budget {
        return Some(shorter);
    }
    let stops = [
        ", ",
        " when ",
        " so ",
        " because ",
        " while ",
        " since ",
        " by ",
        " unless ",
        " until ",
        " which ",
        " where ",
        " instead of ",
    ];
    // The first place to stop: what comes before it is the sentence's main part.
    let mut best: Option<usize> = None;
    for stop in stops {
        for (at, _) in text.match_indices(stop) {
            let head = &text[..at];
            let balanced = head.matches('`').count().is_multiple_of(2)
                && head.matches('(').count() == head.matches(')').count();
            // `a, b and c`: a comma inside a list is no place to stop.
            let list = stop == ", "
                && (text[at + 2..].split_whitespace())
                    .take(4)
                    .any(|w| w == "and" || w == "or");
            if width(head) <= budget
                && balanced
                && !list
                // Four words, or three naming something (`` `X` being ignored ``): fewer
                // say too little (`a build failure`).
                && head.split_whitespace().count() >= 4 - usize::from(head.contains('`'))
                && best.is_none_or(|b| at < b)
            {
                best = Some(at);
            }
        }
    }
    best.map(|at| text[..at].trim_end_matches([',', ' ', ';', ':']).to_owned())
}

/// Flags added to a program's command line, and no new public item beside them: `add
/// --clean flag to delete each working copy before running the command` (its help, when
/// it opens with a verb and fits), `add --clean flag`, `add --jobs and --quiet flags`.
pub(crate) fn flags_summary(a: &Analysis, budget: usize) -> Option<String> {
    let public = a
        .files
        .iter()
        .filter(|f| f.kind == Kind::Source)
        .any(|f| f.added_defs.iter().any(|d| d.public));
    if public || a.files.iter().any(|f| f.status == Status::Added) {
        return None;
    }
    let text = match a.flags.as_slice() {
        [one] => {
            let plain = format!("add --{} flag", one.name);
            // A help that opens with a verb says what the flag does (`Delete each working
            // copy …`); one that names a thing (`Number of jobs`, `The revision to …`) or
            // a condition (`Whether to …`) does not read after `to`.
            let help = one.help.as_deref().and_then(|help| {
                let mut all = help.split_whitespace();
                let first = all.next()?;
                let lower = first.to_lowercase();
                const NOT_VERBS: &[&str] = &[
                    "the",
                    "a",
                    "an",
                    "number",
                    "path",
                    "name",
                    "whether",
                    "if",
                    "when",
                    "only",
                    "deprecated",
                    "alias",
                    "list",
                    "directory",
                    "file",
                    "maximum",
                    "minimum",
                    "default",
                    "do",
                    "this",
                    "all",
                    "optional",
                    "comma-separated",
                    "space-separated",
                ];
                if NOT_VERBS.contains(&lower.as_str())
                    || all.next() == Some("of")
                    || !first.chars().all(char::is_alphabetic)
                    || words::unthird(&lower).is_some() && words::imperative(first).is_none()
                {
                    return None;
                }
                let verb = words::imperative(first).unwrap_or(lower);
                let rest = help[first.len()..].trim_start();
                Some(format!("{plain} to {verb} {rest}"))
            });
            match help.and_then(|long| clean_fit(&long, budget)) {
                Some(long) => long,
                None => plain,
            }
        }
        [a1, b1] => format!("add --{} and --{} flags", a1.name, b1.name),
        _ => return None,
    };
    Some(truncate(&text, budget))
}

/// Words a phrase cut short must not end on.
const HANGING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "or", "by", "from", "at", "as",
    "is", "are", "was", "were", "be", "been", "now", "will", "can", "not", "no", "that", "which",
    "its", "their", "this", "these", "those", "into", "than", "but", "many", "some", "all", "more",
    "multiple", "several", "any", "each", "every", "other", "did", "didn't", "does", "doesn't",
    "do", "don't", "would", "could", "should", "might", "has", "have", "had", "won't", "wouldn't",
];

/// A sentence cut to `budget` at a word, when what is left still says something whole: its
/// verb kept, or said by the header's type (`typed_verb`), as in ``add the `Open Alacritty
/// here` entry to the right-click context menu``; and no word left hanging at the end (`…
/// now correctly`, `… of the`).
fn whole_enough(text: &str, budget: usize, typed_verb: bool) -> Option<String> {
    let mut cut = without_dangling(&truncate(text, budget));
    // A relative clause cut after its verb (`… globs that ended`) is left out whole.
    let words: Vec<&str> = cut.split_whitespace().collect();
    if let [head @ .., relative, last] = words.as_slice()
        && matches!(*relative, "that" | "which" | "who")
        && last.chars().all(|c| c.is_ascii_lowercase())
        && head.len() >= 4
    {
        cut = without_dangling(&head.join(" "));
    }
    let last = cut.split_whitespace().last()?.to_lowercase();
    let verb = typed_verb || keeps_verb(&cut);
    let hangs = HANGING.contains(&last.as_str()) || last.ends_with("ly");
    (verb && !hangs && !verb_left_bare(&cut)).then_some(cut)
}

/// Tells whether a cut sentence ends on its verb, what it acts on cut away: `… no longer
/// supports`, `… deserializers now check`, `… can now work` (jj's and axum's changelog
/// entries cut to fit). Called on cuts only: a whole sentence may end on its verb.
fn verb_left_bare(cut: &str) -> bool {
    let words: Vec<&str> = cut.split_whitespace().collect();
    let [.., before, last] = words.as_slice() else {
        return false;
    };
    matches!(
        before.to_lowercase().as_str(),
        "now"
            | "longer"
            | "also"
            | "can"
            | "cannot"
            | "will"
            | "always"
            | "never"
            | "still"
            | "should"
            | "must"
            | "may"
    ) && last.chars().all(|c| c.is_ascii_lowercase())
}

/// Tells whether a phrase says what was done: it opens with a verb or is a sentence
/// (`` `wezterm imgcat` and `wezterm set-working-directory` `` cut before its verb is
/// neither).
fn keeps_verb(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    words::opens_with_verb(first) || words::is_sentence(text)
}

/// The files other than release notes, when there are some and every one of them passes
/// `test`.
fn all_but_notes<'a>(
    files: &[&'a FileFacts],
    test: impl Fn(&FileFacts) -> bool,
) -> Option<Vec<&'a FileFacts>> {
    let rest: Vec<&FileFacts> = files
        .iter()
        .copied()
        .filter(|f| f.kind != Kind::Note)
        .collect();
    (!rest.is_empty() && rest.iter().all(|f| test(f))).then_some(rest)
}

/// Lines of TOML files moved and nothing else: `move rusty-fork to dev-dependencies`
/// (bat's words), `sort dependencies` (jj's), `reorder features`.
fn toml_move_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    use super::tables::TomlMove;
    let moves: Vec<&TomlMove> = files
        .iter()
        .map(|f| f.toml_move.as_ref())
        .collect::<Option<_>>()?;
    // A table by its last part: `workspace.dependencies` is the dependencies.
    let short = |table: &str| {
        let last = table.rsplit('.').next().unwrap_or(table);
        last.trim_matches(['"', '\'']).to_owned()
    };
    match moves.as_slice() {
        [TomlMove::To { keys, table }] => {
            let table = short(table);
            let text = if keys.len() <= MAX_NAMED {
                fit("move", keys, &format!(" to {table}"), budget)
            } else {
                format!("move {} keys to {table}", keys.len())
            };
            Some(truncate(&text, budget))
        }
        [TomlMove::Reordered { table, sorted }] => {
            let verb = if *sorted { "sort" } else { "reorder" };
            Some(truncate(&format!("{verb} {}", short(table)), budget))
        }
        _ => None,
    }
}

/// Imports changed and nothing else, said by the names they bind: one name from another
/// place (`import Future from std::future instead of futures_core`), names gone and none
/// come (`remove unused f32 import from ui_node`: the code built without them), a name
/// come alone (`import Button from bevy::ui_widgets in bsn`), the same names in fewer
/// statements (`merge imports in lib`).
fn imports_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let sorted = |names: &[String]| {
        let mut names = names.to_vec();
        names.sort();
        names
    };
    let mut all = super::imports::ImportChange::default();
    for f in files {
        all.merge(f.imports.clone()?);
    }
    let place = file_subjects(files);
    let names = |list: &[super::imports::Bound]| {
        let mut names = Names::default();
        for b in list {
            names.push(&b.name);
        }
        names.into_list()
    };
    let (gone, came) = (names(&all.gone), names(&all.came));
    if gone.iter().chain(&came).any(|n| n == "*") {
        return None;
    }
    let one = |verb: &str, names: &[String], tail: &str| {
        let what = match names {
            [name] => format!("{name} import"),
            _ => "imports".to_owned(),
        };
        fit(&format!("{verb} {what} {tail}"), &place, "", budget)
    };
    match (gone.is_empty(), came.is_empty()) {
        (true, true) => {
            let (before, after) = all.statements;
            let verb = match before.cmp(&after) {
                std::cmp::Ordering::Greater => "merge imports in",
                std::cmp::Ordering::Less => "split imports in",
                std::cmp::Ordering::Equal => return None,
            };
            Some(fit(verb, &place, "", budget))
        }
        (false, true) => Some(one("remove unused", &gone, "from")),
        // Names come alone: a build was missing them, or a glob import gave them before
        // (bevy's `Button` named beside `prelude::*`); said as what is imported.
        (true, false) => match all.came.as_slice() {
            [b] if !b.from.is_empty() => {
                let text = format!("import {} from {}", b.name, b.from);
                let tail = where_tail(files, &came, "in");
                Some(if width(&format!("{text}{tail}")) <= budget {
                    format!("{text}{tail}")
                } else {
                    truncate(&text, budget)
                })
            }
            _ => Some(fit("add imports to", &place, "", budget)),
        },
        (false, false) if sorted(&gone) == sorted(&came) => {
            // The same names from elsewhere: from where to where, when one move says it.
            let mut olds: Vec<&str> = all.gone.iter().map(|b| b.from.as_str()).collect();
            let mut news: Vec<&str> = all.came.iter().map(|b| b.from.as_str()).collect();
            olds.dedup();
            news.dedup();
            if let ([old], [new]) = (olds.as_slice(), news.as_slice())
                && !old.is_empty()
                && !new.is_empty()
                && gone.len() <= MAX_NAMED
            {
                let text = format!("import {} from {new} instead of {old}", join(&gone));
                if width(&text) <= budget {
                    return Some(text);
                }
                let text = format!("import {} from {new}", join(&gone));
                if width(&text) <= budget {
                    return Some(text);
                }
            }
            Some(fit("update import paths in", &place, "", budget))
        }
        (false, false) => match (gone.as_slice(), came.as_slice()) {
            ([old], [new]) => Some(fit(
                &format!("import {new} instead of {old} in"),
                &place,
                "",
                budget,
            )),
            _ => None,
        },
    }
}

/// Rust definitions whose modifiers alone changed, one way for all (release notes beside
/// them are bookkeeping): `make GlobSet::empty const`, `make MutableRepo::consume public`,
/// `mark set_display_handle as unsafe`; past two, `make 6 SignalKind methods const`.
fn modifiers_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let change = modifier_change(files)?;
    let code = all_but_notes(files, |f| !f.modifiers.is_empty())?;
    let all: Vec<&super::modifiers::Modified> = code.iter().flat_map(|f| &f.modifiers).collect();
    let (verb, tail) = change.phrase();
    // One name on several types (axum's `status` of each rejection a macro defines) is
    // named bare.
    let bare =
        all.iter().all(|m| m.name == all[0].name) && all.iter().any(|m| m.owner != all[0].owner);
    let mut names = Names::default();
    for m in &all {
        names.push(&if bare { m.name.clone() } else { m.path() });
    }
    let names = names.into_list();
    // A few names that fit say it best (bat's `make PagerSource, PagerKind, Pager and
    // get_pager pub(crate)`).
    let listed = format!("{verb} {}{tail}", join(&names));
    if names.len() <= 4 && width(&listed) <= budget {
        return Some(listed);
    }
    if names.len() <= MAX_NAMED {
        let text = fit(verb, &names, tail, budget);
        return (width(&text) <= budget).then_some(text);
    }
    // More: how many, and the type they belong to when one holds them all.
    let owner = all[0]
        .owner
        .as_ref()
        .filter(|o| all.iter().all(|m| m.owner.as_ref() == Some(*o)));
    let what = if all.iter().all(|m| m.field) {
        "fields"
    } else if owner.is_some() {
        "methods"
    } else {
        "items"
    };
    let text = match owner {
        Some(owner) => format!("{verb} {} {owner} {what}{tail}", names.len()),
        None => {
            let place = where_tail(&code, &names, "in");
            format!("{verb} {} {what}{tail}{place}", names.len())
        }
    };
    Some(truncate(&text, budget))
}

/// The one way every changed Rust definition's modifiers moved, when that is all the code
/// does (release notes aside): what says the change's kind (a `const` or `pub` given is new
/// API).
pub(crate) fn modifier_change(files: &[&FileFacts]) -> Option<super::modifiers::Change> {
    let code = all_but_notes(files, |f| !f.modifiers.is_empty())?;
    let mut all = code.iter().flat_map(|f| &f.modifiers);
    let change = all.next()?.change;
    all.all(|m| m.change == change).then_some(change)
}

/// Names made public and nothing else: `export DebuggerEvent from effect`, `export
/// CLIEngine and ESLint from ts-eslint`. Release notes beside them are bookkeeping.
fn exports_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let code = all_but_notes(files, |f| !f.exports.is_empty())?;
    let mut names = Names::default();
    for f in &code {
        for name in &f.exports {
            names.push(name);
        }
    }
    let names = names.into_list();
    let tail = where_tail(&code, &names, "from");
    if names.len() > MAX_NAMED {
        // Many names: what they have in common (`export 4 value parsers`), else a count.
        let split: Vec<Vec<String>> = names.iter().map(|n| words::split_ident(n)).collect();
        let mut common: Vec<&str> = Vec::new();
        for k in 1..=split[0].len() {
            let word = &split[0][split[0].len() - k];
            if split.iter().all(|w| w.len() > k && &w[w.len() - k] == word) {
                common.insert(0, word);
            } else {
                break;
            }
        }
        let what = match common.split_last() {
            Some((last, rest)) if last.len() > 2 => {
                let mut words: Vec<String> = rest.iter().map(|w| (*w).to_owned()).collect();
                words.push(crate::text::plural_of(last));
                format!("{} {}", names.len(), words.join(" "))
            }
            _ => plural(names.len(), "name", "names"),
        };
        // `from value_parser` after `value parsers` says it twice.
        let place = tail.trim_start_matches(" from ").replace(['_', '-'], " ");
        let tail = if what.contains(&place) {
            ""
        } else {
            tail.as_str()
        };
        return Some(truncate(&format!("export {what}{tail}"), budget));
    }
    Some(fit("export", &names, &tail, budget))
}

/// Print or log calls removed and nothing else: `remove debug println from window`,
/// `remove logging from Document`.
/// Tells whether the change only adds or removes lint directives (`// eslint-disable…`,
/// `#[allow(…)]`, `# noqa`), release notes aside: a style change.
pub(crate) fn directives_only(a: &Analysis) -> bool {
    let files = a.substantive();
    all_but_notes(&files, |f| !f.directives.is_empty()).is_some()
}

/// `remove eslint-disable from main`, `add @ts-expect-error to parser`, `replace
/// prettier-ignore with oxfmt-ignore in index`: lint directives and nothing else.
fn directives_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let code = all_but_notes(files, |f| !f.directives.is_empty())?;
    let (mut added, mut removed): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for f in &code {
        for d in &f.directives {
            let (sign, name) = d.split_at(1);
            let side = if sign == "+" {
                &mut added
            } else {
                &mut removed
            };
            if !side.iter().any(|n| n == name) {
                side.push(name.to_owned());
            }
        }
    }
    let place = match code.as_slice() {
        [f] => Some(file_subject(&f.path)).filter(|p| !is_generic(p)),
        _ => None,
    };
    let at = |prep: &str| {
        place
            .as_ref()
            .map_or(String::new(), |p| format!(" {prep} {p}"))
    };
    let text = match (added.as_slice(), removed.as_slice()) {
        ([], gone) => fit("remove", gone, &at("from"), budget),
        (new, []) => fit("add", new, &at("to"), budget),
        ([new], [old]) => format!("replace {old} with {new}{}", at("in")),
        _ => format!("update lint directives{}", at("in")),
    };
    Some(truncate(&text, budget))
}

fn logs_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let code = all_but_notes(files, |f| !f.logs_removed.is_empty())?;
    let mut calls: Vec<&str> = Vec::new();
    for f in &code {
        for call in &f.logs_removed {
            if !calls.contains(&call.as_str()) {
                calls.push(call);
            }
        }
    }
    let print = |c: &str| {
        matches!(
            c,
            "println!" | "eprintln!" | "print!" | "eprint!" | "dbg!" | "print" | "console.log"
        ) || c.starts_with("fmt.Print")
    };
    let what = match calls.as_slice() {
        [one] if print(one) => format!("debug {}", one.trim_end_matches('!')),
        _ if calls.iter().all(|c| print(c)) => "debug prints".to_owned(),
        _ => "logging".to_owned(),
    };
    let place = match code.as_slice() {
        [f] => file_subject(&f.path),
        _ => String::new(),
    };
    let text = if place.chars().count() < 3 || is_generic(&place) {
        format!("remove {what}")
    } else {
        format!("remove {what} from {place}")
    };
    Some(truncate(&text, budget))
}

/// Most of the change corrects misspellings, a phrase reworded here and there beside
/// them: `fix typos` (alacritty's 21 files, where `during droping` became `when
/// dropping`), named by place when one or two files hold them. Four hunks or more, six in
/// ten of those that change lines.
fn typos_summary(files: &[&FileFacts], ty: Type, budget: usize, typed: bool) -> Option<String> {
    if files.iter().any(|f| f.status != Status::Modified) {
        return None;
    }
    let typos: u32 = files.iter().map(|f| f.typo_hunks).sum();
    let changed: u32 = files.iter().map(|f| f.hunks_changed).sum();
    if typos < 4 || typos * 10 < changed * 6 {
        return None;
    }
    let verb = fix_verb(ty, typed);
    let mut names = Names::default();
    for f in files.iter().filter(|f| f.typo_hunks > 0) {
        names.push(&docs_place(f));
    }
    let text = match names.into_list().as_slice() {
        few @ ([_] | [_, _]) => fit(&format!("{verb} typos in"), few, "", budget),
        _ => format!("{verb} typos"),
    };
    Some(truncate(&text, budget))
}

/// Where a change to one file of code happened: the one function its hunks touch, else the
/// file (`ExtractRepoFromConfig`, `docker`); `None` for several files or a generic name.
fn one_place(code: &[&FileFacts]) -> Option<String> {
    let [f] = code else {
        return None;
    };
    let mut functions = Names::default();
    for d in f.touched.iter().filter(|d| d.kind == DefKind::Function) {
        functions.push(&d.name);
    }
    if let [one] = functions.into_list().as_slice() {
        return Some(one.clone());
    }
    let place = file_subject(&f.path);
    (place.chars().count() >= 3 && !is_generic(&place)).then_some(place)
}

/// Log calls added and nothing else: `add debug logging to ExtractRepoFromConfig`
/// (goreleaser's `add a debug log on git config`), `log a warning in loader`.
fn logs_added_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let code = all_but_notes(files, |f| !f.logs_added.is_empty())?;
    let mut levels: Vec<&str> = code
        .iter()
        .flat_map(|f| &f.logs_added)
        .filter_map(|c| super::analysis::log_level(c))
        .collect();
    let calls = levels.len();
    levels.sort_unstable();
    levels.dedup();
    let text = match levels.as_slice() {
        ["debug"] => "add debug logging".to_owned(),
        ["warning"] if calls == 1 => "log a warning".to_owned(),
        ["warning"] => "log warnings".to_owned(),
        ["error"] => "log errors".to_owned(),
        _ => "add logging".to_owned(),
    };
    let text = match one_place(&code) {
        Some(place) if text.starts_with("add") => format!("{text} to {place}"),
        Some(place) => format!("{text} in {place}"),
        None => text,
    };
    Some(truncate(&text, budget))
}

/// Flags written into shell completions, man pages or help text, and nothing else:
/// `add --quiet-empty to zsh completion`, `add --binary, --paging and --style to man page`
/// (bat's `Add missing command line switches to manpage`).
fn flags_written_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let mut flags = Names::default();
    let mut places: Vec<String> = Vec::new();
    for f in files {
        let place = super::flag_mentions::place(&f.path)?;
        if f.kind == Kind::Test {
            return None;
        }
        if f.flags_written.is_empty() {
            continue;
        }
        for flag in &f.flags_written {
            flags.push(flag);
        }
        if !places.contains(&place) {
            places.push(place);
        }
    }
    if places.is_empty() {
        return None;
    }
    // `zsh and fish completions`, not `zsh completion and fish completion`.
    let shells: Option<Vec<String>> = (places.iter())
        .map(|p| p.strip_suffix(" completion").map(str::to_owned))
        .collect();
    let place = match shells {
        Some(shells) if shells.len() > 1 => format!("{} completions", join(&shells)),
        _ => join(&places),
    };
    let flags = flags.into_list();
    let candidates = [
        (flags.len() <= 3).then(|| format!("add {} to {place}", join(&flags))),
        Some(format!(
            "add {} to {place}",
            plural(flags.len(), "flag", "flags")
        )),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|text| width(text) <= budget)
}

/// Messages reworded in place and nothing else: `reword error message in docker`
/// (goreleaser's `improve error msg`), `reword log messages in sync`.
fn reworded_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let code = all_but_notes(files, |f| f.reworded.is_some())?;
    let (error, count) = code
        .iter()
        .filter_map(|f| f.reworded)
        .fold((false, 0), |(e, n), (error, count)| (e || error, n + count));
    let what = match (error, count) {
        (true, 1) => "error message",
        (true, _) => "error messages",
        (false, 1) => "log message",
        (false, _) => "log messages",
    };
    let text = match one_place(&code) {
        Some(place) => format!("reword {what} in {place}"),
        None => format!("reword {what}"),
    };
    Some(truncate(&text, budget))
}

/// The behaviour a fix pins with a new test, said by the test's name
/// (`wide_value_label_centered_by_display_width` → `center wide value label by display
/// width`), when the change also edits code and adds only a few tests.
fn test_summary(
    a: &Analysis,
    files: &[&FileFacts],
    ty: Type,
    budget: usize,
    typed: bool,
) -> Option<String> {
    // Beyond fixes, a test whose name is a sentence (`help_uses_valid_config`,
    // `stream_reader_does_not_poll_after_eof`) says what the change makes true better
    // than the functions it touched do; a name led by a command (`run_pep723_script`) or
    // a noun phrase (`build_name_mismatch`) does not. A typed house's `refactor:` or
    // `docs:` would contradict a behaviour, so there only features qualify.
    let beyond_fix = match ty {
        Type::FIX => false,
        Type::FEAT => true,
        Type::REFACTOR | Type::PERF | Type::CHORE if !typed => true,
        _ => return None,
    };
    let edits_code = files
        .iter()
        .any(|f| matches!(f.kind, Kind::Source | Kind::Other) && f.status == Status::Modified);
    let tests = added_tests(a);
    if !edits_code || tests.is_empty() || tests.len() > 3 {
        return None;
    }
    // The first test with something to say is the one the change is for; a later one
    // often guards what must not change (`…_preserves_arabic_…` after `…_substitutes_every_
    // bidi_control`).
    let (test, phrase) = (tests.iter()).find_map(|t| Some((t, words::test_intent(t)?)))?;
    if beyond_fix && !words::states_fact(&words::test_words(test)) {
        return None;
    }
    // A fact reads as the change that makes it true, typed or not: `stop stream reader
    // from polling after EOF`, `make workspace list reuse settings discovery`. A noun
    // phrase stays as it is: `Fix` before it read as the fault in fresh reviews (`Fix
    // motors map to their own effects`), and so does a name that says what must not
    // happen but is led by what it runs (`try_wont_run_twice`).
    let phrase = match opens_with_verb_word(&phrase) {
        true => phrase,
        false => words::fact_change(&phrase, true).unwrap_or(phrase),
    };
    // A fault named first is what a sentence fixes (`runtime: fix memory leak when fd
    // closed before drop`); a typed house's `fix:` says so already. A fault later on is
    // what the fix prevents (`abs int min overflows without panic`).
    let fault_first = || {
        let head: Vec<&str> = phrase.split_whitespace().take(3).collect();
        head.iter()
            .position(|w| words::names_fault(w))
            .is_some_and(|at| {
                head[..at]
                    .iter()
                    .all(|w| words::unthird(w).is_none() && !words::opens_with_verb(w))
            })
    };
    let phrase = if ty == Type::FIX && !typed && !opens_with_verb_word(&phrase) && fault_first() {
        format!("fix {phrase}")
    } else {
        phrase
    };
    let phrase = with_flag(&phrase, &tested_flags(files));
    Some(truncate(&untautology(&phrase, ty, typed), budget))
}

/// Tells whether a phrase opens with a verb (`handle …`, `don't …`).
fn opens_with_verb_word(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or_default();
    first == "don't" || words::imperative(first).is_some_and(|v| v == first.to_lowercase())
}

/// Cases added inside one existing test and nothing else: `extend git push changes test`
/// (jj's `tests: exercise git push --change creating duplicate bookmarks`), where `update
/// git_push tests` named only the file.
fn one_test_extended(files: &[&FileFacts], budget: usize) -> Option<String> {
    let (file, test) = one_test(files)?;
    if file.additions < 2 * file.deletions.max(1) {
        return None;
    }
    let text = format!("extend {} test", test_label(test));
    (width(&text) <= budget).then_some(text)
}

/// Cases taken out of one existing test and nothing else: `remove cases from bookmark
/// rename test` (jj's revert of new `rename --overwrite-existing` cases), where `update
/// bookmark_command tests` named only the file.
fn one_test_trimmed(files: &[&FileFacts], budget: usize) -> Option<String> {
    let (file, test) = one_test(files)?;
    // Cases gone whole: a line or so added at most (a snapshot's id), not lines
    // rewritten (jj's `exercise metaedit --quiet` swapped a snapshot for a flag).
    if file.deletions < 10 * file.additions.max(1) {
        return None;
    }
    let text = format!("remove cases from {} test", test_label(test));
    (width(&text) <= budget).then_some(text)
}

/// The one file a change touches and the one existing test edited in it, nothing defined
/// or taken away.
fn one_test<'f>(files: &[&'f FileFacts]) -> Option<(&'f FileFacts, &'f super::defs::Def)> {
    let [file] = files else {
        return None;
    };
    let [test] = file.touched.as_slice() else {
        return None;
    };
    let edited = file.status == Status::Modified
        && file.added_defs.is_empty()
        && file.removed_defs.is_empty()
        && (test.kind == DefKind::Test || test.name.starts_with("test"));
    edited.then_some((*file, test))
}

/// A test as a subject names it: its words when its name is snake case of two to six
/// (`git push changes`), else the name whole: `TestGitLabReleaseURLTemplate` split is `git
/// lab release urltemplate`.
fn test_label(test: &super::defs::Def) -> String {
    let words = words::test_words(&test.name).to_lowercase();
    let snake = test.name.contains('_') || test.name.contains(' ');
    if snake && (2..=6).contains(&words.split_whitespace().count()) {
        words
    } else {
        test.name.clone()
    }
}

/// The names of the tests the change removes, when removing tests is all it does: no
/// line added anywhere, no other definition gone (`-func TestReleaseTimeout…`).
pub(crate) fn removed_tests_only(a: &Analysis) -> Option<Vec<&str>> {
    let files = a.substantive();
    if files.is_empty()
        || files
            .iter()
            .any(|f| f.status == Status::Added || f.additions > 0 || !f.added_defs.is_empty())
    {
        return None;
    }
    let removed: Vec<&super::defs::Def> =
        files.iter().flat_map(|f| f.removed_defs.iter()).collect();
    let tests: Vec<&str> = removed
        .iter()
        .filter(|d| d.kind == DefKind::Test)
        .map(|d| d.name.as_str())
        .collect();
    let only_tests = removed
        .iter()
        .all(|d| d.kind == DefKind::Test || matches!(d.name.as_str(), "tests" | "test"));
    (!tests.is_empty() && only_tests).then_some(tests)
}

/// `remove release timeout test`, `remove 3 tests from parser`: what the tests were, never
/// "update tests" for a change that only deletes them.
fn removed_tests_summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    let tests = removed_tests_only(a)?;
    let text = if let [one] = tests.as_slice() {
        let words = words::test_words(one).to_lowercase();
        if words.is_empty() || words.split(' ').count() > 6 {
            format!("remove {one} test")
        } else {
            format!("remove {words} test")
        }
    } else {
        let count = plural(tests.len(), "test", "tests");
        match files {
            [file] => format!("remove {count} from {}", file_subject(&file.path)),
            _ => format!("remove {count}"),
        }
    };
    Some(truncate(&text, budget))
}

/// Definitions cut from one file and pasted into another, and nothing else: `move 3 tests
/// from app_settings to conflicts`, `move parse_args from cli to args`. The evidence is the
/// names: every definition one file loses, the other gains, with about as many lines.
fn moved_defs_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let [x, y] = files else {
        return None;
    };
    let (from, to) = if x.additions == 0 { (x, y) } else { (y, x) };
    let similar = |a: usize, b: usize| a * 5 >= b * 4 && b * 5 >= a * 4;
    if from.additions != 0
        || to.deletions * 10 > to.additions
        || from.status != Status::Modified
        || to.status != Status::Modified
        || from.kind != to.kind
        || !similar(from.deletions, to.additions)
        || from.removed_defs.is_empty()
    {
        return None;
    }
    let gained = |name: &str| to.added_defs.iter().any(|d| d.name == name);
    if !from.removed_defs.iter().all(|d| gained(&d.name)) {
        return None;
    }
    let (a, b) = (file_subject(&from.path), file_subject(&to.path));
    if a == b {
        return None;
    }
    let tests = from.removed_defs.iter().all(|d| d.kind == DefKind::Test);
    let what = match from.removed_defs.as_slice() {
        [one] if tests => format!("{} test", one.name),
        [one] => one.name.clone(),
        defs if tests => plural(defs.len(), "test", "tests"),
        defs => plural(defs.len(), "definition", "definitions"),
    };
    Some(truncate(&format!("move {what} from {a} to {b}"), budget))
}

/// Tells whether a change read as docs deletes code files and only edits documents beside
/// them (a module gone with the page that mentioned it): housekeeping, not documentation.
pub(crate) fn is_code_removed_from_docs(a: &Analysis, ty: Type) -> bool {
    let code: Vec<&FileFacts> = (a.files.iter())
        .filter(|f| !matches!(f.kind, Kind::Docs | Kind::Note))
        .collect();
    ty == Type::DOCS
        && !code.is_empty()
        && code
            .iter()
            .all(|f| f.status == Status::Deleted && f.kind == Kind::Source)
}

/// File names that say what kind of tests a file holds (`integration_tests.rs`), not what
/// they test.
const TEST_KINDS: &[&str] = &[
    "integration",
    "unit",
    "e2e",
    "end_to_end",
    "regression",
    "snapshot",
    "smoke",
    "system",
    "acceptance",
];

/// The long flags the new tests of these files pass.
fn tested_flags<'a>(files: &[&'a FileFacts]) -> Vec<&'a str> {
    (files.iter())
        .flat_map(|f| f.flags_tested.iter().map(String::as_str))
        .collect()
}

/// A test's words with a flag they spell out written as that flag: `quiet empty
/// suppresses output` → `--quiet-empty suppresses output`, when the test passes it. A
/// flag of one word (`--all`) is too common a word to tell.
fn with_flag(words: &str, flags: &[&str]) -> String {
    for flag in flags {
        let spoken = flag.trim_start_matches('-').replace('-', " ");
        if !spoken.contains(' ') {
            continue;
        }
        let padded = format!(" {words} ");
        if let Some(at) = padded.find(&format!(" {spoken} ")) {
            let (head, tail) = (&padded[1..=at], &padded[at + 1 + spoken.len()..]);
            return format!("{head}{flag}{}", tail.trim_end());
        }
    }
    words.to_owned()
}

/// The flag every one of several new tests is named after and passes: bat's
/// `quiet_empty_suppresses_output_on_empty_stdin` and `quiet_empty_does_not_affect_…`
/// with `--quiet-empty` on their lines.
fn shared_flag<'a>(tests: &[&str], flags: &[&'a str]) -> Option<&'a str> {
    if tests.len() < 2 {
        return None;
    }
    flags.iter().copied().find(|flag| {
        let spoken = flag.trim_start_matches('-').replace('-', " ");
        tests.iter().all(|t| {
            let words = words::test_words(t).to_lowercase();
            words == spoken || words.starts_with(&format!("{spoken} "))
        })
    })
}

/// The names of the tests the change adds, in order. A benchmark (Go's `BenchmarkSort`)
/// measures; it says no behaviour.
fn added_tests(a: &Analysis) -> Vec<&str> {
    a.files
        .iter()
        .flat_map(|f| f.added_defs.iter())
        .filter(|d| d.kind == DefKind::Test && !d.name.starts_with("Benchmark"))
        .map(|d| d.name.as_str())
        .collect()
}

/// Tells whether the change adds a public item with code of its own (tokio's
/// `Command::into_std`, five lines of docs over three of code): new API, whatever share of
/// it is documentation. Nothing removed beside it, bar a line or two.
pub(crate) fn adds_public_item(a: &Analysis) -> bool {
    let code_lines = |s: &super::analysis::Side| s.lines.saturating_sub(s.comment + s.blank);
    code_lines(&a.code_added) > 0
        && code_lines(&a.code_removed) <= 2
        && a.files.iter().any(|f| {
            f.kind == Kind::Source
                && (f.added_defs.iter()).any(|d| d.public && d.kind != DefKind::Test)
        })
}

/// Tells whether the change reads as a fix with its regression test: code edited in place
/// (no new files, no new public items), small, and one to three new tests beside it.
pub(crate) fn is_regression_fix(a: &Analysis) -> bool {
    let code = |f: &&FileFacts| matches!(f.kind, Kind::Source | Kind::Other);
    let tests = added_tests(a).len();
    let mut code_files = a.files.iter().filter(code).peekable();
    code_files.peek().is_some()
        && code_files.all(|f| {
            f.status == Status::Modified
                && !f
                    .added_defs
                    .iter()
                    .any(|d| d.public && d.kind != DefKind::Test)
        })
        && (1..=3).contains(&tests)
        && a.code_added.lines <= 30
}

/// Folders whose names are plural but hold no family of things (`tests`, `docs`).
const NOT_FAMILIES: &[&str] = &[
    "tests",
    "utils",
    "helpers",
    "internals",
    "fixtures",
    "examples",
    "benches",
    "bins",
    "scripts",
    "configs",
    "docs",
    "assets",
    "types",
    "specs",
    "mocks",
    "snapshots",
    "tools",
    "deps",
    "libs",
    "packages",
    "apps",
    "crates",
    "vendors",
];

/// A new member of a family of source files, the folder naming the family: starship's
/// `src/modules/jj_bookmark.rs` is `add jj_bookmark module`, ratatui's
/// `src/widgets/fill.rs` defining `Fill` is `add Fill widget`. One such file among those
/// added, whatever else was registered or added for it.
fn new_member_summary(code: &[&FileFacts], budget: usize) -> Option<String> {
    // A command named by what it calls itself: nushell's `uln.rs` is `add \`ln\` command`.
    let commands: Vec<&String> = code.iter().filter_map(|f| f.command.as_ref()).collect();
    match commands.as_slice() {
        [one] => {
            let text = format!("add `{one}` command");
            return (width(&text) <= budget).then_some(text);
        }
        [a, b] => {
            let text = format!("add `{a}` and `{b}` commands");
            return (width(&text) <= budget).then_some(text);
        }
        // Three or more: by the word they share (`add \`matrix\` commands`), else counted.
        [first, ..] => {
            let head = first.split(' ').next().unwrap_or(first);
            let shared = commands.iter().all(|c| c.split(' ').next() == Some(head));
            let text = if shared {
                format!("add `{head}` commands")
            } else {
                format!("add {} commands", commands.len())
            };
            return (width(&text) <= budget).then_some(text);
        }
        [] => {}
    }
    let family = |f: &&&FileFacts| -> Option<(String, String)> {
        if f.status != Status::Added || f.kind != Kind::Source {
            return None;
        }
        let (dir, _) = f.path.rsplit_once('/')?;
        let mut folder = paths::file_name(dir);
        // A crate of them: `ratatui-widgets/src/fill.rs`.
        if folder == "src" {
            let krate = paths::file_name(dir.rsplit_once('/')?.0);
            folder = krate.rsplit(['-', '_']).next().unwrap_or(krate);
        }
        let stem = paths::stem(&f.path);
        let one = family_member(folder, stem).filter(|_| !stem.starts_with("test"))?;
        // The public type the file is named for, as written (`Fill`), else its name.
        let plain = |s: &str| s.replace(['_', '-'], "").to_lowercase();
        let name = (f.added_defs.iter())
            .find(|d| d.public && plain(&d.name) == plain(stem))
            .map_or_else(|| stem.to_owned(), |d| d.name.clone());
        Some((name, one.to_owned()))
    };
    let found: Vec<(String, String)> = code.iter().filter_map(|f| family(&f)).collect();
    let [(name, one)] = found.as_slice() else {
        return None;
    };
    let text = format!("add {name} {one}");
    (width(&text) <= budget).then_some(text)
}

/// What a file named `stem` in `folder` is a member of, when the folder names a family
/// (`themes` gives `theme`, `widgets` gives `widget`) and the stem can name a member (not
/// `mod`, not two letters); `None` otherwise.
fn family_member<'f>(folder: &'f str, stem: &str) -> Option<&'f str> {
    let one = singular(folder)?;
    let named = one
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-');
    (named && !NOT_FAMILIES.contains(&folder) && !is_generic(stem) && stem.len() >= 3)
        .then_some(one)
}

/// One data file added alone to a folder that names a family: helix's
/// `runtime/themes/nvim-dark.toml` is `add nvim-dark theme` (its author: `Add new theme:
/// Nvim-dark`), never `add nvim-dark.toml`.
fn new_data_member_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    // Its licence beside it goes with it: helix's `runtime/themes/licenses/carbonfox.license`.
    let licence = |file: &FileFacts, of: &FileFacts| {
        let stem = paths::stem(&of.path);
        file.status == Status::Added
            && paths::stem(&file.path) == stem
            && (file.path.contains("/licenses/") || file.path.contains("/licences/"))
    };
    let member = match files {
        [file] => file,
        [a, b] if licence(b, a) => a,
        [a, b] if licence(a, b) => b,
        _ => return None,
    };
    (member.status == Status::Added)
        .then(|| data_members_summary(&[member], budget))
        .flatten()
}

/// Data files of one family's folder changed alike, named as its members: `update
/// tokyonight theme`, `update adwaita-dark and adwaita-light themes` (helix's
/// `runtime/themes/`), never `update tokyonight.toml`.
fn data_members_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let place = members_place(files)?;
    let text = format!("{} {place}", file_verb(files, "update"));
    (width(&text) <= budget).then_some(text)
}

/// The members of a family that `files`, data files all in one folder that names the
/// family, are: `tokyonight theme`, `adwaita-dark and adwaita-light themes`, `4 themes`.
fn members_place(files: &[&FileFacts]) -> Option<String> {
    let (dir, _) = files.first()?.path.rsplit_once('/')?;
    let folder = paths::file_name(dir);
    let mut names = Names::default();
    let mut one = None;
    for f in files {
        let data = matches!(
            paths::extension(&f.path),
            "toml" | "json" | "yaml" | "yml" | "xml" | "css" | "ini" | "conf" | "theme" | "tmTheme"
        );
        if !data
            || matches!(f.kind, Kind::Ci | Kind::Manifest)
            || f.path.rsplit_once('/').map(|(d, _)| d) != Some(dir)
        {
            return None;
        }
        let stem = paths::stem(&f.path);
        one = Some(family_member(folder, stem)?);
        names.push(stem);
    }
    let (one, names) = (one?, names.into_list());
    // More than two of one line share its name: `4 nyxvamp themes`.
    let line = names[0].split(['-', '_']).next().filter(|first| {
        first.len() >= 3
            && names
                .iter()
                .all(|n| n.split(['-', '_']).next() == Some(first))
    });
    Some(match (names.as_slice(), line) {
        ([name], _) => format!("{name} {one}"),
        ([_, _], _) => format!("{} {}", join(&names), crate::text::plural_of(one)),
        (_, Some(line)) => format!("{} {line} {}", names.len(), crate::text::plural_of(one)),
        _ => format!("{} {}", names.len(), crate::text::plural_of(one)),
    })
}

fn code_summary(
    a: &Analysis,
    files: &[&FileFacts],
    ty: Type,
    breaking: bool,
    budget: usize,
    typed: bool,
) -> String {
    let code: Vec<&FileFacts> = files
        .iter()
        .copied()
        .filter(|f| {
            matches!(
                f.kind,
                Kind::Source | Kind::Example | Kind::Bench | Kind::Other
            )
        })
        .collect();
    let code = if code.is_empty() {
        files.to_vec()
    } else {
        code
    };
    let subjects = file_subjects(&code);
    if ty == Type::FEAT
        && let Some(text) = new_member_summary(&code, budget)
    {
        return text;
    }
    if code.iter().all(|f| f.status == Status::Added) {
        return fit("add", &subjects, "", budget);
    }
    if code.iter().all(|f| f.status == Status::Deleted) {
        return removed_summary(&code, budget);
    }
    // Files that went away are the news, unless others arrived in their place.
    let gone: Vec<&&FileFacts> = code
        .iter()
        .filter(|f| f.status == Status::Deleted)
        .collect();
    if !gone.is_empty() && code.iter().all(|f| f.status != Status::Added) {
        // One file gone whose name comes back in definitions added elsewhere: its code
        // moved there (`salt.rs` gone, `generate_salt` added to the manager).
        if let [file] = gone.as_slice() {
            let name = file_subject(&file.path);
            let lower = name.to_lowercase();
            let home = code
                .iter()
                .filter(|f| f.status == Status::Modified)
                .filter(|f| {
                    f.added_defs
                        .iter()
                        .any(|d| lower.len() >= 3 && d.name.to_lowercase().contains(&lower))
                })
                .max_by_key(|f| f.additions);
            if let Some(home) = home {
                let place = file_subject(&home.path);
                if place.to_lowercase() != lower && !is_generic(&place) {
                    return truncate(&format!("move {name} into {place}"), budget);
                }
            }
        }
        let mut names = Names::default();
        for f in gone {
            for name in gone_names(f) {
                names.push(&name);
            }
        }
        return fit("remove", &names.into_list(), "", budget);
    }
    // What had been deprecated goes as such: `remove deprecated load_override and …`.
    let remove = if code.iter().any(|f| f.deprecated_removed) {
        "remove deprecated"
    } else {
        "remove"
    };
    if breaking {
        let removed: Vec<String> = a.removed_public().iter().map(|d| d.name.clone()).collect();
        if !removed.is_empty() {
            return fit(remove, &removed, "", budget);
        }
    }
    // Code only taken out (no line added anywhere): what went, `remove isScoopBuild and
    // contains`, never "simplify" or "update" them.
    if files.iter().all(|f| f.additions == 0) {
        let mut gone = Names::default();
        for f in code.iter().filter(|f| f.kind == Kind::Source) {
            for d in f.removed_defs.iter().filter(|d| d.kind != DefKind::Test) {
                gone.push(&d.name);
            }
        }
        let gone = gone.into_list();
        if !gone.is_empty() {
            let tail = where_tail(&code, &gone, "from");
            return fit(remove, &gone, &tail, budget);
        }
    }
    let (names, from_added) = def_names(&code, ty);
    // One example's files, with nothing better to name: the example (`update request-id
    // example`, not `update Cargo.toml and main.rs`).
    if names.iter().all(|n| n == "main")
        && let Some(example) = one_example(&code)
    {
        return example_summary(&code, &example, budget);
    }
    if !from_added && let Some(text) = swapped_call_summary(a, &code, &names, ty, budget) {
        return text;
    }
    let names_empty = names.is_empty();
    // Data files with nothing named in them go by their file names, whatever the type:
    // helix's `languages.toml` beside a query is `update languages.toml and nix folds`,
    // never `extend languages and nix folds`.
    // Tree-sitter queries alone keep the type's verb (`extend nix highlights`), and so does
    // a reformat.
    let queries = code.iter().all(|f| query_name(&f.path).is_some());
    let format = ty == Type::STYLE && code.iter().all(|f| f.format_only || f.comment_only);
    // Not code in a language of its own (a shader, an installer script, a Nushell module):
    // `correct pbr_lighting` says more than `update pbr_lighting.wesl`.
    let data = |f: &&FileFacts| {
        let script = matches!(
            paths::extension(&f.path),
            "py" | "sh" | "bash" | "ps1" | "js" | "ts" | "rb" | "pl" | "nu"
        );
        matches!(
            f.kind,
            Kind::Ci | Kind::Config | Kind::Manifest | Kind::Lockfile | Kind::Docs | Kind::Note
        ) && !script
            && super::flag_mentions::completion(&f.path).is_none()
            || query_name(&f.path).is_some()
            || matches!(
                paths::extension(&f.path),
                "toml"
                    | "json"
                    | "json5"
                    | "jsonc"
                    | "yaml"
                    | "yml"
                    | "xml"
                    | "ini"
                    | "cfg"
                    | "conf"
                    | "plist"
                    | "properties"
                    | "desktop"
                    | "scd"
            )
    };
    if names_empty && !queries && !format && code.iter().all(data) {
        let mut data = Names::default();
        for f in &code {
            data.push(&data_name(&f.path));
        }
        let verb = file_verb(&code, "update");
        return fit(verb, &one_language(data.into_list()), "", budget);
    }
    let names = if names_empty { subjects } else { names };
    let verb = match ty {
        Type::FEAT if from_added => "add",
        Type::FEAT => "extend",
        Type::FIX => fix_verb(ty, typed),
        Type::REFACTOR if a.code_removed.lines > a.code_added.lines => "simplify",
        // Likewise `Refactor f` in a sentence, `refactor: rework f` after the type.
        Type::REFACTOR if typed => "rework",
        Type::REFACTOR => "refactor",
        Type::PERF => "optimize",
        Type::STYLE if code.iter().all(|f| f.format_only || f.comment_only) => "format",
        Type::STYLE => "tidy",
        Type::TEST => "test",
        Type::DOCS => "document",
        _ if from_added => "add",
        _ => "update",
    };
    let tail = if names_empty {
        String::new()
    } else {
        where_tail(&code, &names, if verb == "add" { "to" } else { "in" })
    };
    fit(verb, &names, &tail, budget)
}

/// Items marked deprecated, with little else changed in the code (80 lines at most): what
/// is deprecated, and what to use instead when the note names one (clap's `deprecate
/// _build_bin_names in favor of Command::build`, goreleaser's `deprecate BrewFormula and
/// Brews`). An item the change adds with its marker is `add deprecated
/// isGloballyWhitelisted` (vue's old name put back for those still using it).
fn deprecation_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let code: Vec<&FileFacts> = files
        .iter()
        .copied()
        .filter(|f| !matches!(f.kind, Kind::Test | Kind::Docs | Kind::Note))
        .collect();
    let marked: Vec<&super::deprecation::Deprecation> =
        code.iter().flat_map(|f| &f.deprecated).collect();
    let size: usize = code
        .iter()
        .filter(|f| f.kind == Kind::Source)
        .map(|f| f.additions + f.deletions)
        .sum();
    if marked.is_empty() || size > 80 {
        return None;
    }
    let added = |name: &str| {
        code.iter()
            .any(|f| f.added_defs.iter().any(|d| d.name == name))
    };
    let removed = |name: &str| {
        code.iter()
            .any(|f| f.removed_defs.iter().any(|d| d.name == name))
    };
    // An item moved, marked on its way (haystack's `deserialize_tools_inplace` put back
    // where it was, its old path deprecated): the move is the news.
    if marked.iter().any(|d| added(&d.name) && removed(&d.name)) {
        return None;
    }
    let verb = if marked.iter().all(|d| added(&d.name)) {
        "add deprecated"
    } else {
        "deprecate"
    };
    if let [one] = marked.as_slice()
        && verb == "deprecate"
        && let Some(instead) = one.instead.as_ref().filter(|i| **i != one.name)
    {
        let text = format!("deprecate {} in favor of {instead}", one.name);
        if width(&text) <= budget {
            return Some(text);
        }
    }
    // Each name once: tokio's `set_linger` deprecated on two types is one name.
    let mut names = Names::default();
    for d in &marked {
        names.push(&d.name);
    }
    Some(fit(verb, &names.into_list(), "", budget))
}

/// Ignore files (`.gitignore`, `.dockerignore`) only gaining or only losing patterns: what
/// is now ignored (`ignore yarn-error.log`, goreleaser's `ignore random_seed in
/// pipeline/sign/testdata/gnupg`) or no longer (`stop ignoring dist`). Patterns both added
/// and removed, or more than two, are left to the file's name.
fn ignored_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    if !files.iter().all(|f| {
        paths::is_ignore_file(paths::file_name(&f.path))
            && f.status != Status::Deleted
            && f.pattern_count as usize == f.patterns.len()
    }) {
        return None;
    }
    let patterns: Vec<&(bool, String)> = files.iter().flat_map(|f| &f.patterns).collect();
    let added = patterns.first()?.0;
    if patterns.len() > MAX_NAMED || patterns.iter().any(|(a, _)| *a != added) {
        return None;
    }
    let mut names = Names::default();
    for (_, pattern) in &patterns {
        names.push(pattern.trim_matches('/'));
    }
    let names = names.into_list();
    let tail = match files {
        [f] if !parent(&f.path).is_empty() => format!(" in {}", parent(&f.path)),
        _ => String::new(),
    };
    let verb = if added { "ignore" } else { "stop ignoring" };
    let text = fit(verb, &names, &tail, budget);
    (text.starts_with(verb) && !text.ends_with('…')).then_some(text)
}

/// One call put in place of another in a small change to source (`use file_stem instead
/// of file_name in App`, clap's Windows multicall fix; `use italic instead of bold in
/// synopsis`), or, in a change that is no feature, one new call to a well-named function
/// (`use total_seconds in pipeline_running`): how the code now works, where `correct App`
/// said only where. Nothing defined or taken out, forty changed lines of code at most, and
/// no more than two calls new; a plain call (`get`, `map`) never tells the change, nor says
/// what a call replaced (`use getNonNullableType`, not `… instead of get`).
fn swapped_call_summary(
    a: &Analysis,
    code: &[&FileFacts],
    names: &[String],
    ty: Type,
    budget: usize,
) -> Option<String> {
    let source: Vec<&FileFacts> = (code.iter().copied())
        .filter(|f| f.kind == Kind::Source)
        .collect();
    if a.calls_overflow
        || a.code_added.lines + a.code_removed.lines > 40
        || code
            .iter()
            .any(|f| f.status != Status::Modified || !matches!(f.kind, Kind::Source | Kind::Test))
        || (source.iter()).any(|f| !f.added_defs.is_empty() || !f.removed_defs.is_empty())
    {
        return None;
    }
    let new: Vec<&String> = (a.calls_added.iter())
        .filter(|c| !a.calls_removed.contains(c))
        .collect();
    let gone: Vec<&String> = (a.calls_removed.iter())
        .filter(|c| !a.calls_added.contains(c))
        .collect();
    let plain = |call: &str| {
        let own = own_name(call);
        super::calls::PLAIN.contains(&own)
            || own.len() < 3
            || !own.bytes().any(|b| b.is_ascii_lowercase())
    };
    let telling: Vec<&&String> = new.iter().filter(|c| !plain(c)).collect();
    let ([call], true) = (telling.as_slice(), new.len() <= 2) else {
        return None;
    };
    // A function that now calls itself, or another owner's function of the same name
    // (`arch.Format` for `Format`), is no call put in place of another.
    let defined = (code.iter())
        .flat_map(|f| &f.touched)
        .any(|d| d.name == own_name(call));
    let text = match gone.as_slice() {
        _ if defined => return None,
        [old] if own_name(old) == own_name(call) => return None,
        [old] if !plain(old) => format!("use {call} instead of {old}"),
        [] | [_] if ty != Type::FEAT && well_named(call) => format!("use {call}"),
        _ => return None,
    };
    let place = match names {
        [one] => Some(one.clone()),
        _ => one_place(&source),
    };
    let text = match place {
        Some(place) if width(&format!("{text} in {place}")) <= budget => {
            format!("{text} in {place}")
        }
        _ => text,
    };
    (width(&text) <= budget).then_some(text)
}

/// Tells whether a call's name says what it does on its own: a path (`strings.ReplaceAll`)
/// or words run together (`total_seconds`, `toTypeString`), six letters or more.
fn well_named(call: &str) -> bool {
    let own = own_name(call);
    let humps = own.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    call.len() >= 6 && (call.contains(['.', ':', '_']) || humps)
}

/// Headings that open a page without naming what it documents.
const GENERIC_HEADINGS: &[&str] = &[
    "overview",
    "introduction",
    "usage",
    "getting started",
    "installation",
    "summary",
    "description",
    "contents",
    "table of contents",
];

/// New pages, beside the edits that list them (a sidebar, an index, a page that links
/// them) or their versioned copies: the pages are the news, named by their titles (`add
/// KreuzbergConverter docs`, where `update converters.mdx and kreuzbergconverter.mdx` named
/// files).
fn new_pages_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let page = |f: &FileFacts| {
        f.status == Status::Added
            && matches!(paths::extension(&f.path), "md" | "mdx" | "rst" | "adoc")
            && !paths::file_name(&f.path).eq_ignore_ascii_case("README.md")
    };
    let pages: Vec<&&FileFacts> = files.iter().filter(|f| page(f)).collect();
    if pages.is_empty() || pages.len() == files.len() && pages.len() == 1 {
        return None;
    }
    // What else changed only lists or links the pages: small edits to docs, or a sidebar.
    let listing = files.iter().filter(|f| !page(f)).all(|f| {
        f.status == Status::Modified
            && f.additions <= 12
            && (f.kind == Kind::Docs
                || paths::file_name(&f.path).to_lowercase().contains("sidebar"))
    });
    if !listing {
        return None;
    }
    let mut titles = Names::default();
    for f in &pages {
        let heading = (f.added_defs.iter())
            .filter(|d| d.kind == DefKind::Module)
            .map(|d| d.name.as_str())
            .next()
            .filter(|h| {
                !GENERIC_HEADINGS.contains(&h.to_lowercase().as_str())
                    && h.split_whitespace().count() <= 4
            });
        match heading {
            Some(h) => titles.push(h),
            None => titles.push(paths::stem(&f.path)),
        }
    }
    let titles = titles.into_list();
    if titles.len() > MAX_NAMED {
        return None;
    }
    let tail = match titles.last() {
        Some(t) if t.to_lowercase().ends_with("docs") || t.to_lowercase().ends_with("guide") => "",
        _ => " docs",
    };
    let text = fit("add", &titles, tail, budget);
    (text.len() > 4 && text.ends_with(tail)).then_some(text)
}

/// A change to a Rust file's docs alone, release notes aside. Items' docs (`///`) by the
/// items below them (`document Semaphore`, `add examples to Line docs`); a module's own
/// docs (`//!`) by the sections they gain (`document cancellation in fs module docs`, as
/// tokio's `fs: document cancellation behavior`), else the section edited, else whose docs
/// they are (`update crate docs`, not `update lib.rs`).
fn rust_docs_summary(files: &[&FileFacts], ty: Type, budget: usize, typed: bool) -> Option<String> {
    let code: Vec<&FileFacts> = (files.iter().copied())
        .filter(|f| f.kind != Kind::Note)
        .collect();
    let [file] = code.as_slice() else {
        return several_rust_docs_summary(&code, ty, budget, typed);
    };
    let docs = file.doc_change.as_ref()?;
    if !docs.module {
        // The item below may lie past the hunk: the file names the place then.
        let mut found = docs.items.clone();
        without_trivial(&mut found);
        let edited = docs.lines.0 > 0 && docs.added.is_empty();
        // `fix new docs` says nothing: a `new` or `default` alone is no name for edited
        // docs, the item they sit in or the module is.
        if edited && found.iter().all(|n| TRIVIAL.contains(&n.as_str())) {
            found.clear();
        }
        let items = match found.as_slice() {
            [] => vec![file_subject(&file.path)],
            found => unqualified_unless_one(found),
        };
        let text = match (docs.added.as_slice(), found.as_slice()) {
            ([one], _) if matches!(one.to_lowercase().as_str(), "example" | "examples") => {
                format!(
                    "add examples to {} docs",
                    join(&items[..items.len().min(2)])
                )
            }
            ([one], _) if matches!(one.to_lowercase().as_str(), "warning" | "note" | "caution") => {
                format!(
                    "add {} to {} docs",
                    one.to_lowercase(),
                    join(&items[..items.len().min(2)])
                )
            }
            ([one], [item]) => format!("document {} of {item}", lower_title(one)),
            ([one], []) => format!("document {} in {}", lower_title(one), items[0]),
            // The item lies past the hunk, inside the one its header names: `add links to
            // LocalRuntime docs`, `update UnixDatagram docs`.
            ([], []) if !docs.within.is_empty() => {
                let within = &docs.within[..docs.within.len().min(2)];
                match docs.links {
                    (0, added) if added > 0 => format!("add links to {} docs", join(within)),
                    _ if edited => return Some(edited_docs(docs, within, ty, budget, typed)),
                    _ => format!("update {} docs", join(within)),
                }
            }
            // Nothing names the item: the module does (`fix docs in handle module`).
            ([], []) if edited => {
                let place = match super::rustdocs::owner(&file.path) {
                    crate_docs if crate_docs == "crate" => {
                        match super::rustdocs::owner_name(&file.path) {
                            name if name == "crate" => "the crate".to_owned(),
                            name => format!("{name} crate"),
                        }
                    }
                    module => module,
                };
                match edited_docs_words(docs, 1, ty, typed) {
                    (verb, "table") => format!("{verb} table in {place} docs"),
                    (verb, noun) => format!("{verb} {noun} in {place}"),
                }
            }
            (_, []) => return None,
            _ if edited => return Some(edited_docs(docs, &items, ty, budget, typed)),
            _ => {
                return Some(fit(
                    "document",
                    &items,
                    &where_tail(&[file], &items, "in"),
                    budget,
                ));
            }
        };
        return Some(truncate(&text, budget));
    }
    let owner = match file.kind {
        Kind::Example => {
            // `examples/low-level-openssl/src/main.rs` is the low-level-openssl example.
            let named = file
                .path
                .rsplit('/')
                .find(|p| !matches!(paths::stem(p), "main" | "lib" | "mod" | "src" | "index"));
            format!("{} example", named.map_or("the", paths::stem))
        }
        _ => super::rustdocs::owner(&file.path),
    };
    let text = match docs.added.as_slice() {
        [] => match &docs.section {
            Some(section) => format!("update {section} section in {owner} docs"),
            None => format!("update {owner} docs"),
        },
        [one]
            if matches!(
                one.to_lowercase().as_str(),
                "example" | "examples" | "usage"
            ) =>
        {
            format!("add {} to {owner} docs", one.to_lowercase())
        }
        [one] if !one.ends_with('?') => format!("document {} in {owner} docs", lower_title(one)),
        headings => format!(
            "add {} {} to {owner} docs",
            headings.len(),
            noun(headings.len(), "section", "sections")
        ),
    };
    Some(truncate(&text, budget))
}

/// Docs edited, not added to, named by what the lines were: a few lines edited in place
/// are a fix (`fix simplex doc example`, `fix UnixDatagram docs`), more an update; the
/// example or a table when every line was one (`update table in bsn docs`).
fn edited_docs(
    docs: &super::rustdocs::DocChange,
    names: &[String],
    ty: Type,
    budget: usize,
    typed: bool,
) -> String {
    let (verb, noun) = edited_docs_words(docs, names.len(), ty, typed);
    if noun == "table" {
        return fit(&format!("{verb} table in"), names, " docs", budget);
    }
    fit(verb, names, &format!(" {noun}"), budget)
}

/// Items named with their type (`UnboundedSender::send`) when there is one, else by
/// their own names: several run long with their types (`WorldSceneExt::spawn_scene`, …).
fn unqualified_unless_one(items: &[String]) -> Vec<String> {
    if items.len() < 2 {
        return items.to_vec();
    }
    let mut names = Names::default();
    for item in items {
        names.push(item.rsplit("::").next().unwrap_or(item));
    }
    names.into_list()
}

/// The verb and the noun of [`edited_docs`], for `count` items.
fn edited_docs_words(
    docs: &super::rustdocs::DocChange,
    count: usize,
    ty: Type,
    typed: bool,
) -> (&'static str, &'static str) {
    let verb = if docs.corrected() {
        fix_verb(ty, typed)
    } else {
        "update"
    };
    let noun = if docs.example_only() {
        if count > 1 {
            "doc examples"
        } else {
            "doc example"
        }
    } else if docs.table_only() {
        "table"
    } else {
        "docs"
    };
    (verb, noun)
}

/// Docs alone changed in several Rust files, no section added: the crates, modules or
/// items whose docs they are (axum's feature tables in `axum/src/lib.rs` and
/// `axum-extra/src/lib.rs`: `update table in axum-extra and axum docs`).
fn several_rust_docs_summary(
    code: &[&FileFacts],
    ty: Type,
    budget: usize,
    typed: bool,
) -> Option<String> {
    if code.len() < 2 {
        return None;
    }
    let mut all = super::rustdocs::DocChange {
        in_place: true,
        ..Default::default()
    };
    let mut names = Names::default();
    for f in code {
        let docs = f.doc_change.as_ref()?;
        if !docs.added.is_empty() {
            return None;
        }
        let mut found = if docs.module {
            Vec::new()
        } else if docs.items.is_empty() {
            docs.within.clone()
        } else {
            docs.items.clone()
        };
        without_trivial(&mut found);
        if found.is_empty() {
            found.push(super::rustdocs::owner_name(&f.path));
        }
        for name in &found {
            names.push(name);
        }
        all.lines.0 += docs.lines.0;
        all.lines.1 += docs.lines.1;
        all.code += docs.code;
        all.rows += docs.rows;
        all.in_place &= docs.in_place;
    }
    let names = unqualified_unless_one(&names.into_list());
    if all.lines.0 == 0 {
        return Some(fit("document", &names, "", budget));
    }
    Some(edited_docs(&all, &names, ty, budget, typed))
}

/// A heading's title as words in a sentence: its first word lowered as
/// [`words::lower_first`] lowers one (`Runtime compatibility` → `runtime compatibility`,
/// `HTTP/2 support` kept); a title with code in it is kept whole (`Unix `fork``).
fn lower_title(title: &str) -> String {
    match title.split_once(' ') {
        _ if title.contains('`') => title.to_owned(),
        Some((first, rest)) => format!("{} {rest}", words::lower_first(first)),
        None => words::lower_first(title),
    }
}

/// Implementations of one trait added, with their tests and what they need, and nothing
/// else defined or taken away: `implement Scene for Option<P>`, `implement SceneList for
/// SmallVec` (bevy's `Impl SceneList for SmallVec`), `implement From for 3 types`.
pub(crate) fn impls_summary(a: &Analysis, files: &[&FileFacts], budget: usize) -> Option<String> {
    let mut trait_: Option<&str> = None;
    let mut types = Names::default();
    // A test's own helpers (`impl Widget for Filled` in a test file) are the test's; a new
    // file is a new thing, named by rules of its own (nushell's `add ln command`).
    for f in files.iter().filter(|f| f.kind == Kind::Source) {
        if f.status != Status::Modified && !f.impls.is_empty() {
            return None;
        }
        for (added, t, ty) in &f.impls {
            let other_side =
                (f.impls.iter()).any(|(x, t2, ty2)| x != added && t2 == t && ty2 == ty);
            match (added, other_side) {
                (_, true) => {}
                // An implementation taken away: a rework, not an addition.
                (false, false) => return None,
                (true, false) if trait_.is_none_or(|x| x == t) => {
                    trait_ = Some(t);
                    types.push(ty);
                }
                (true, false) => return None,
            }
        }
    }
    let trait_ = trait_?;
    let types = types.into_list();
    // Nothing else defined, nothing else gone: the implementations' own methods aside.
    let targets: Vec<&str> = (files.iter())
        .flat_map(|f| {
            f.impls
                .iter()
                .filter_map(|(_, _, ty)| super::defs::ident(ty))
        })
        .collect();
    let alone = files.iter().all(|f| {
        // A type declared here is new: its implementations come with it (`struct
        // DragAndDrop` and its `impl Default`), the type is the news.
        if targets.iter().any(|t| f.declared.iter().any(|d| d == t)) {
            return false;
        }
        // A private type a new test declares for itself (`struct Foo;`) is the test's.
        let tested = f.added_defs.iter().any(|d| d.kind == DefKind::Test);
        matches!(
            f.kind,
            Kind::Source | Kind::Test | Kind::Manifest | Kind::Lockfile | Kind::Note
        ) && f.removed_defs.is_empty()
            && f.added_defs.iter().all(|d| match d.kind {
                DefKind::Type => targets.contains(&d.name.as_str()) || tested && !d.public,
                DefKind::Test => true,
                _ => !d.public,
            })
    });
    if !alone || a.code_removed.lines > 4 {
        return None;
    }
    let text = match types.len() {
        1 | 2 => format!("implement {trait_} for {}", join(&types)),
        n => format!("implement {trait_} for {n} types"),
    };
    (width(&text) <= budget).then_some(text)
}

/// One or two functions made async, their callers taught to await them, nothing added or
/// taken away: `make has_id async` (jj's `index: make has_id() async`).
fn async_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let mut names = Names::default();
    for f in files {
        for name in &f.made_async {
            names.push(name);
        }
    }
    let names = names.into_list();
    let new_items = files.iter().any(|f| {
        f.status != Status::Modified
            || f.added_defs
                .iter()
                .any(|d| d.public && d.kind != DefKind::Test)
    });
    // The callers' new `.await`s are much of the change: a sixth of its lines or more (jj's
    // five such commits: 18% to 50%; a feature that made one helper async on the way: 5%).
    let changed: usize = files.iter().map(|f| f.additions + f.deletions).sum();
    let awaits: usize = files.iter().map(|f| f.async_lines).sum();
    if names.is_empty() || new_items || awaits * 6 < changed {
        return None;
    }
    if names.len() <= 2 {
        return Some(fit("make", &names, " async", budget));
    }
    // More: how many, and the type whose methods they are when one file holds them
    // (jj's `MutableRepo: convert functions to async`).
    let home = files
        .iter()
        .max_by_key(|f| f.made_async.len())
        .filter(|f| f.made_async.len() == names.len());
    let owner = home.and_then(|f| f.touched.iter().find(|d| d.kind == DefKind::Type));
    let text = match owner {
        Some(owner) => format!("make {} {} methods async", names.len(), owner.name),
        None => format!("make {} functions async", names.len()),
    };
    Some(truncate(&text, budget))
}

/// The example all these files belong to (its manifest too): the folder or file right under
/// `examples/` (or `example/`, `demos/` …); `None` when they span several or lie elsewhere.
fn one_example(files: &[&FileFacts]) -> Option<String> {
    if !files.iter().any(|f| f.kind == Kind::Example) {
        return None;
    }
    // Each file's folders below `examples/`, up to a package's `src`; the example is the
    // deepest folder they share (`examples/apps/table/src/main.rs` is the table example).
    let mut common: Option<Vec<&str>> = None;
    let mut stems: Vec<&str> = Vec::new();
    let mut packages: Vec<&str> = Vec::new();
    for f in files {
        let parts: Vec<&str> = f.path.split('/').collect();
        let at = parts.iter().position(|p| {
            matches!(
                *p,
                "examples" | "example" | "demo" | "demos" | "playground" | "samples"
            )
        })?;
        let (name, folders) = parts[at + 1..].split_last()?;
        let folders = match folders.iter().position(|p| *p == "src") {
            Some(0) => &folders[..0],
            Some(i) => {
                packages.push(folders[i - 1]);
                &folders[..i]
            }
            None => folders,
        };
        stems.push(paths::stem(name));
        common = Some(match common {
            None => folders.to_vec(),
            Some(seen) => seen
                .iter()
                .zip(folders)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    let same_stem = stems.iter().all(|s| *s == stems[0]);
    // One file of its own, outside a package, is the example (bevy's
    // `examples/ui/layout/ghost_nodes.rs`, in a folder of a kind of examples); a generic
    // stem (`main.rs`, `index.html`) is its folder's.
    let generic = ["main", "index", "mod", "lib", "app", "readme", "example"];
    let name = match common?.last() {
        _ if packages.is_empty()
            && same_stem
            && !generic.contains(&stems[0].to_ascii_lowercase().as_str()) =>
        {
            stems[0]
        }
        Some(folder) => *folder,
        None if same_stem => stems[0],
        None => return None,
    };
    // Two packages side by side are two examples, not the folder that holds them.
    if packages.iter().any(|p| *p != name) {
        return None;
    }
    Some(name.to_owned()).filter(|n| !n.is_empty())
}

/// `add form example` for an example's new files, else `update form example`.
fn example_summary(files: &[&FileFacts], example: &str, budget: usize) -> String {
    let verb = if files.iter().all(|f| f.status == Status::Added) {
        "add"
    } else {
        "update"
    };
    truncate(&format!("{verb} {example} example"), budget)
}

/// One attribute change over the items it touched: `derive Clone for DeferredPrepass`,
/// `add #[must_use] to kind and len`; `None` when the items changed in different ways, or
/// are deprecated.
fn attributes_summary(files: &[&FileFacts], budget: usize) -> Option<String> {
    let changes: Vec<&(String, String)> = files.iter().flat_map(|f| &f.attributes).collect();
    let (what, _) = changes.first()?;
    // `#[deprecated]` added deprecates: said as such by `deprecation_summary`.
    if changes.iter().any(|(w, _)| w != what) || what.starts_with("add #[deprecated") {
        return None;
    }
    let mut items = Names::default();
    for (_, item) in &changes {
        items.push(item);
    }
    let items = items.into_list();
    let text = match what.strip_prefix("derive ") {
        Some(traits) => fit(&format!("derive {traits} for"), &items, "", budget),
        None => fit(&format!("{what} to"), &items, "", budget),
    };
    (width(&text) <= budget).then_some(text)
}

/// `remove RAGenerator and Seq2SeqGenerator`: deleted files, by what they defined.
fn removed_summary(files: &[&FileFacts], budget: usize) -> String {
    let mut names = Names::default();
    for f in files {
        for name in gone_names(f) {
            names.push(&name);
        }
    }
    fit("remove", &names.into_list(), "", budget)
}

/// What a deleted file is called in a summary: the one or two public types it defined
/// (`Seq2SeqGenerator and RAGenerator`, not `transformers`), else its name.
fn gone_names(file: &FileFacts) -> Vec<String> {
    let types: Vec<String> = file
        .removed_defs
        .iter()
        .filter(|d| d.public && d.kind == DefKind::Type && file.kind == Kind::Source)
        .map(|d| d.name.clone())
        .collect();
    if (1..=2).contains(&types.len()) {
        types
    } else {
        vec![file_subject(&file.path)]
    }
}

/// Tells whether a file's name says nothing a reader can place (`lib`, `main`, `mod`).
fn is_generic(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "lib" | "main" | "index" | "mod" | "init" | "src"
    )
}

/// Says where the named items live (` in parser`) when most of the change is in one file
/// and the names do not already say it; empty otherwise.
fn where_tail(code: &[&FileFacts], names: &[String], preposition: &str) -> String {
    let size = |f: &&FileFacts| f.additions + f.deletions;
    let Some(main) = code.iter().max_by_key(|f| size(f)) else {
        return String::new();
    };
    let total: usize = code.iter().map(size).sum();
    let place = file_subject(&main.path);
    let lower = place.to_lowercase();
    let said = names.is_empty()
        || names.iter().any(|n| {
            let n = n.to_lowercase();
            n.contains(&lower) || lower.contains(&n)
        });
    // `lib.rs`, `main.go` at the top say nothing a reader can place.
    if said || is_generic(&place) || size(main) * 2 < total || place.chars().count() < 3 {
        return String::new();
    }
    format!(" {preposition} {place}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_released_together_is_bumped_to_its_version() {
        let dep = |name: &str, from: &str, to: &str| DepChange {
            name: name.into(),
            from: Some(from.into()),
            to: Some(to.into()),
        };
        let family = [
            dep("yuku-parser", "0.7.3", "0.7.4"),
            dep("@yuku-parser/wasm", "0.7.3", "0.7.4"),
        ];
        assert_eq!(
            deps_summary(&family, 72),
            "bump yuku-parser and @yuku-parser/wasm to 0.7.4"
        );
        let apart = [dep("a", "1.0.0", "1.1.0"), dep("b", "2.0.0", "2.1.0")];
        assert_eq!(deps_summary(&apart, 72), "bump a and b");
        // One name twice (two `version` lines of a CI file) is named once.
        let twice = [
            dep("version", "0.12.3", "0.12.5"),
            dep("version", "0.12.1", "0.12.5"),
        ];
        assert_eq!(deps_summary(&twice, 72), "bump version to 0.12.5");
    }

    /// hyper's `Remove unused num_cpus and tokio-util dependencies` read `update num_cpus
    /// and tokio-util`, its body saying `remove` twice.
    #[test]
    fn dependencies_all_taken_out_or_all_added_say_so() {
        let gone = |name: &str| DepChange {
            name: name.into(),
            from: Some("1.0".into()),
            to: None,
        };
        let new = |name: &str| DepChange {
            name: name.into(),
            from: None,
            to: Some("1.0".into()),
        };
        assert_eq!(
            deps_summary(&[gone("num_cpus"), gone("tokio-util")], 72),
            "remove num_cpus and tokio-util dependencies"
        );
        assert_eq!(
            deps_summary(&[new("a"), new("b"), new("c"), new("d")], 72),
            "add 4 dependencies"
        );
        // One taken out, one put in: the one replaced by the other, in either order.
        assert_eq!(deps_summary(&[new("b"), gone("a")], 72), "replace a with b");
        let mixed = [gone("a"), new("b"), new("c")];
        assert_eq!(deps_summary(&mixed, 72), "update a, b and c");
    }

    #[test]
    fn documents_go_by_their_name_without_only_the_markdown_extension() {
        assert_eq!(doc_name("docs/CHANGELOG-3.0.md"), "CHANGELOG-3.0");
        assert_eq!(doc_name("README.md"), "README");
        assert_eq!(doc_name("docs/guide.md"), "guide.md");
        assert_eq!(doc_name("LICENSE"), "LICENSE");
        assert_eq!(doc_name("NOTES.txt"), "NOTES.txt");
    }

    #[test]
    fn truncation_keeps_words_and_the_budget() {
        let text = "refactor the parser and the lexer of the compiler";
        for budget in 1..60 {
            let cut = truncate(text, budget);
            assert!(width(&cut) <= budget, "{budget}: {cut}");
        }
        assert_eq!(truncate(text, 30), "refactor the parser");
        assert_eq!(truncate("ééééé", 3), "ééé");
    }

    #[test]
    fn placeholders_are_never_named() {
        let mut names = vec!["foo".to_owned(), "render".to_owned()];
        without_trivial(&mut names);
        assert_eq!(names, ["render"]);
        // Even alone: the files will name the change instead.
        let mut names = vec!["Foo".to_owned(), "baz".to_owned()];
        without_trivial(&mut names);
        assert!(names.is_empty());
        // `bar` is too often a real name (a bar chart, `symbols::bar`).
        let mut names = vec!["block".to_owned(), "bar".to_owned()];
        without_trivial(&mut names);
        assert_eq!(names, ["block", "bar"]);
    }

    #[test]
    fn a_long_note_stops_at_a_comma_or_a_clause() {
        let note = "`pnpm sbom` now honours `--filter-prod`, the full `--filter` syntax and \
                    `--fail-if-no-match` when run in a workspace";
        assert_eq!(
            fit_sentence(note, 60).unwrap(),
            "`pnpm sbom` now honours `--filter-prod`"
        );
        let note = "`PNPM_CONFIG_NODE_VERSION` being ignored when setting the Node.js version \
                    from the environment";
        assert_eq!(
            fit_sentence(note, 60).unwrap(),
            "`PNPM_CONFIG_NODE_VERSION` being ignored"
        );
        // A list's commas are no place to stop.
        let note = "add support for `provides`, `conflicts` and `replaces` to the Debian \
                    bundle of the application";
        assert_eq!(fit_sentence(note, 50).unwrap(), truncate(note, 50));
        // No clause to stop at: before the last preposition that leaves a whole phrase
        // (haystack's `document the input ordering behavior of auto-promoted lazy` cut
        // inside the noun), else cut as any summary is.
        let note = "keep the exact specifiers of no-save updates in the lockfile on every run";
        assert_eq!(fit_sentence(note, 40).unwrap(), "keep the exact specifiers");
        let note = "document the input ordering behavior of auto-promoted lazy variadic sockets \
                    in `Pipeline.connect()`";
        assert_eq!(
            fit_sentence(note, 66).unwrap(),
            "document the input ordering behavior"
        );
        let note = "keep exact specifiers of no-save updates";
        assert_eq!(fit_sentence(note, 30).unwrap(), truncate(note, 30));
        // A word cut in two is dropped; an infinitive's `to` is a place to stop.
        let note = "update the doc strings of the BranchJoiner to more understandable and \
                    better highlight where it's useful";
        assert_eq!(
            fit_sentence(note, 66).unwrap(),
            "update the doc strings of the BranchJoiner"
        );
        // A `to` that completes the word before it is no place to stop.
        let note = "internal crash when trying to close the same window twice from a menu";
        assert_ne!(
            fit_sentence(note, 50).unwrap(),
            "internal crash when trying"
        );
        // A cut that ends on a name ends a phrase: kept as cut.
        let note = "move the copying of resources and sidecars from `cli.rs` to the bundler \
                    crate";
        assert_eq!(fit_sentence(note, 60).unwrap(), truncate(note, 60));
        assert!(truncate(note, 60).ends_with("`cli.rs`"));
        assert_eq!(fit_sentence("short enough", 40).unwrap(), "short enough");
        // Words that only lead into what was cut go with it (bat's entries); a clause
        // opened by `as soon as` is cut whole (jj's).
        let note = "Fix diagnostics attempting to find the version of an executable named \
                    `less` when the builtin pager is used";
        assert_eq!(
            whole_enough(note, 68, false).as_deref(),
            Some("Fix diagnostics attempting to find the version of an executable")
        );
        let note = "Pass `--no-paging` to `bat` invocations inside the bash / zsh / fish / \
                    PowerShell completion scripts";
        assert_eq!(
            whole_enough(note, 70, false).as_deref(),
            Some("Pass `--no-paging` to `bat` invocations inside the bash / zsh / fish")
        );
        let note = "make `jj` create a new working-copy revision as soon as the one before \
                    it is made immutable";
        assert_eq!(
            truncate(note, 66),
            "make `jj` create a new working-copy revision"
        );
        // A relative clause cut after its verb goes whole (ripgrep's globset entry).
        let note = "fix a bug where ripgrep would mishandle globs that ended with a `.`";
        assert_eq!(
            whole_enough(note, 60, false).as_deref(),
            Some("fix a bug where ripgrep would mishandle globs")
        );
        // A cut that leaves a verb without what it acts on says nothing whole (jj's entry).
        let note = "`jj bookmark track`/`untrack` no longer supports \
                    `<kind>:<bookmark>@<remote>` patterns";
        assert_eq!(fit_sentence(note, 60), None);
        assert_eq!(whole_enough(note, 60, false), None);
        let note = "the tuple `Path` extractor deserializers now check that the number of \
                    parameters matches";
        assert_eq!(fit_sentence(note, 60), None);
        // Asides go before any word of the sentence's own.
        let note = "GritQL snippets such as `export { $specifiers } from $source` now match \
                    named re-exports";
        assert_eq!(
            fit_sentence(note, 50).unwrap(),
            "GritQL snippets now match named re-exports"
        );
        let note = "remove `skip_webview_install` (`skipWebviewInstall`) option from config";
        assert_eq!(
            fit_sentence(note, 50).unwrap(),
            "remove `skip_webview_install` option from config"
        );
    }

    /// biome's notes cut with nothing to stop at left `… snippets such` and `… is no
    /// longer`; a `where` clause is a place to stop.
    #[test]
    fn a_note_cut_short_leaves_no_word_hanging() {
        assert_eq!(
            without_hanging("Astro expression holding only a comment is no longer"),
            "Astro expression holding only a comment"
        );
        assert_eq!(without_hanging("GritQL snippets such"), "GritQL snippets");
        let note = "a memory leak in the LSP server where memory usage kept growing on every edit";
        assert_eq!(
            fit_sentence(note, 50).as_deref(),
            Some("a memory leak in the LSP server")
        );
        assert_eq!(
            fit_sentence("make `useVueHyphenated` no longer report x", 30),
            None
        );
    }

    /// What the blind reviews marked down: headers cut mid-clause (`… settles so`, `… hmr
    /// is`) or inside parentheses.
    #[test]
    fn truncation_ends_where_a_clause_or_a_parenthesis_begins() {
        let text = "prevent onoutroend from firing twice when compilerOptions.hmr is true";
        assert_eq!(truncate(text, 60), "prevent onoutroend from firing twice");
        let text = "release `last_propagated_event` after event propagation settles so that x";
        assert_eq!(
            truncate(text, 66),
            "release `last_propagated_event` after event propagation settles"
        );
        let text = "remove salt-related APIs (no longer needed after the new design)";
        assert_eq!(truncate(text, 50), "remove salt-related APIs");
        let text = "add `compression` configuration option under `tauri > bundle > nsis`";
        assert_eq!(truncate(text, 55), "add `compression` configuration option");
        // A clause near the start is the point: the words are kept, cut as before.
        let text = "clarify when a lookup includes the current component and its ancestors";
        assert_eq!(
            truncate(text, 50),
            "clarify when a lookup includes the current"
        );
    }

    #[test]
    fn fit_drops_names_before_truncating() {
        let names: Vec<String> = ["alpha", "beta", "gamma"].map(String::from).to_vec();
        // Two names at most: a longer list says less than the main thing would.
        assert_eq!(fit("fix", &names, "", 40), "fix alpha and beta");
        assert_eq!(fit("fix", &names, "", 18), "fix alpha and beta");
        assert_eq!(fit("fix", &names, "", 10), "fix alpha");
        // A name and itself in another case are one name; the third stays out.
        let names: Vec<String> = ["Sleep", "sleep", "gamma"].map(String::from).to_vec();
        assert_eq!(fit("add", &names, " to time", 40), "add Sleep to time");
    }

    #[test]
    fn file_subjects_skip_generic_names() {
        assert_eq!(file_subject("src/parser/mod.rs"), "parser");
        assert_eq!(file_subject("tests/test_api.py"), "api");
        assert_eq!(file_subject("pkg/config/config_test.go"), "config");
        assert_eq!(file_subject("packages/x/__tests__/foo.spec.ts"), "foo");
        assert_eq!(file_subject("src/index.ts"), "index");
        assert_eq!(
            file_subject("crates/nu-cmd-lang/src/core_commands/match_.rs"),
            "match"
        );
        assert_eq!(file_subject("src/snake_case_.rs"), "snake_case_");
    }

    #[test]
    fn the_place_the_prefix_names_is_not_said_again() {
        let cut = |text: &str, scope| without_place(text.to_owned(), Some(scope));
        assert_eq!(
            cut("Correct goto_reference in lsp", "LSP"),
            "Correct goto_reference"
        );
        assert_eq!(
            cut("add Initialized and StoppedBody to dap", "DAP"),
            "add Initialized and StoppedBody"
        );
        assert_eq!(
            cut("correct parse in lexer", "parser"),
            "correct parse in lexer"
        );
        // One word left says nothing: the place stays.
        assert_eq!(cut("update in lsp", "lsp"), "update in lsp");
        // A shell's completion under that shell's area says the shell once.
        assert_eq!(cut("fix zsh completion", "zsh"), "fix completion");
        assert_eq!(cut("fix zsh completion", "fish"), "fix zsh completion");
    }

    #[test]
    fn tests_name_the_flag_they_pass() {
        let flags = ["--quiet-empty", "--all"];
        assert_eq!(
            with_flag("quiet empty suppresses output", &flags),
            "--quiet-empty suppresses output"
        );
        assert_eq!(
            with_flag("make quiet empty skip files", &flags),
            "make --quiet-empty skip files"
        );
        // One word is too common to be the flag; words not in a row are not it.
        assert_eq!(with_flag("all files listed", &flags), "all files listed");
        assert_eq!(with_flag("quiet and empty", &flags), "quiet and empty");
        let tests = [
            "quiet_empty_suppresses_output_on_empty_stdin",
            "test_quiet_empty_does_not_affect_non_empty_input",
        ];
        assert_eq!(shared_flag(&tests, &flags), Some("--quiet-empty"));
        assert_eq!(shared_flag(&tests[..1], &flags), None);
        assert_eq!(
            shared_flag(&[tests[0], "plain_mode_strips_colors"], &flags),
            None
        );
    }

    #[test]
    fn completion_scripts_go_by_their_shell() {
        // ripgrep's `complete/rg.zsh` (once `complete/_rg`) and bat's templates.
        assert_eq!(
            file_subject("crates/core/flags/complete/rg.zsh"),
            "zsh completion"
        );
        assert_eq!(file_subject("complete/_rg"), "zsh completion");
        assert_eq!(doc_name("assets/completions/bat.zsh.in"), "zsh completion");
        assert_eq!(
            data_name("assets/completions/_bat.ps1.in"),
            "PowerShell completion"
        );
        // A shell script outside a completions folder is its own name.
        assert_eq!(file_subject("scripts/install.bash"), "install");
        assert_eq!(doc_name("shell/wezterm.zsh"), "wezterm.zsh");
    }
}
