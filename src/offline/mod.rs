//! The built-in offline engine: a Conventional Commits message from the diff alone,
//! deterministic and instant.
//!
//! One pass gathers facts about the diff (`analysis`); the type comes from rules where the
//! paths leave no doubt and otherwise from a small logistic regression trained on real
//! commits (`classify`, `weights`); then the scope, the summary and the body are written from
//! the same facts. No regex, no allocation proportional to anything but the diff.

mod analysis;
mod body;
mod branch;
mod calls;
mod cargo_deps;
mod cargo_manifest;
mod classify;
mod defs;
mod deprecation;
mod deps;
mod documents;
mod exports;
mod flag_mentions;
mod flags;
mod house;
mod imports;
mod modifiers;
mod rustdocs;
mod scope;
mod submodules;
mod summary;
mod tables;
mod toolchain;
mod weights;
mod words;
mod workspace;

use crate::code_names;
use crate::filter::FileEntry;
use crate::history::{self, Advice};
use crate::message::{Message, Style};
use crate::paths;
use crate::workspace_members::Member;
use analysis::Analysis;
use classify::Type;
use summary::{truncate, width};

/// Writes a message for the given files, following the repository's conventions when the
/// style carries them: the type in its allowed spelling (or the nearest allowed one), the
/// scope only when allowed, the summary in its case, and room left for a gitmoji.
pub fn write(files: &[FileEntry], style: &Style) -> Message {
    write_noted(files, style).0
}

/// Writes a message as [`write`] does, with the warnings worth showing (a scope the
/// repository requires and the engine could not choose), as `warning: …` lines.
pub fn write_noted(files: &[FileEntry], style: &Style) -> (Message, Vec<String>) {
    let written = write_all(files, style);
    (written.message, written.notes)
}

/// A message the offline engine wrote, its notes, and the type it read in the change.
#[derive(Debug, Clone)]
pub struct Written {
    pub message: Message,
    pub notes: Vec<String>,
    /// The type the change reads as (`feat`, `fix`, …), whatever the subject's format.
    pub kind: &'static str,
}

/// Writes the message, and says which type the change reads as (for a gitmoji).
pub fn write_all(files: &[FileEntry], style: &Style) -> Written {
    write_learned(files, style, &Advice::default())
}

/// Writes the message as [`write_all`] does, learning from the repository's history: the
/// types and the scope or area its people use near these paths, the form its subjects take
/// (`area: summary` or a plain sentence when `style.conventional` is off), and a past subject
/// to adapt when the change repeats an earlier one.
pub fn write_learned(files: &[FileEntry], style: &Style, advice: &Advice) -> Written {
    write_in(files, style, advice, &[])
}

/// Writes the message as [`write_learned`] does, knowing the workspace members the
/// repository declares around these paths (`workspace_members::read`): a change within one
/// takes it as its scope when the history names no better one.
pub fn write_in(
    files: &[FileEntry],
    style: &Style,
    advice: &Advice,
    members: &[Member],
) -> Written {
    let analysis = analysis::analyse(files);
    let x = classify::features(&analysis);
    let rules = &style.conventions;
    let votes = house::type_votes(advice);
    let pick = |allowed: Option<&[bool; 10]>| match &votes {
        Some(votes) => classify::with_prior(&analysis, &x, votes, allowed),
        None => match allowed {
            Some(allowed) => classify::classify_allowed(&analysis, &x, allowed),
            None => Some(classify::classify(&analysis, &x)),
        },
    };
    let (ty, name) = if style.conventional && rules.types.is_some() {
        let spellings = TYPES.map(|t| rules.spelling(t));
        let allowed = spellings.clone().map(|s| s.is_some());
        match pick(Some(&allowed)) {
            Some(ty) => (ty, spellings[ty.0].clone().unwrap_or_default()),
            // No type the engine knows is allowed: the most neutral one that is.
            None => {
                let ty = classify::classify(&analysis, &x);
                let name = rules.fallback_type().unwrap_or_else(|| ty.name().into());
                (ty, name)
            }
        }
    } else {
        let ty = pick(None).unwrap_or_else(|| classify::classify(&analysis, &x));
        (ty, ty.name().to_owned())
    };
    // The type as the repository's rules spell it, when they allow it (any type when they
    // list none): the rules below pick a type only where it is allowed.
    let free = !style.conventional || rules.types.is_none();
    let allowed = |t: Type| {
        if free {
            Some((t, t.name().to_owned()))
        } else {
            rules.spelling(t.name()).map(|name| (t, name))
        }
    };
    // A dependency bump takes the type and scope the house gives its bumps (`build(deps)`),
    // and its words from the change, never from a past bump of another package.
    let bump = analysis.toolchain.is_none()
        && summary::dependency_summary(&analysis, style.max_subject).is_some();
    // The author's own release note says what the change is (`Fixed …`, `Added …`); a
    // note added alone, after the fact, is bookkeeping. A changelog entry beside a bump
    // says what the bump brings; the bump is the change.
    let entry = (analysis.entry_note.as_ref())
        .filter(|_| !bump)
        .map(|(text, _)| text);
    let noted = (analysis.notes.first())
        .or(entry)
        .filter(|_| analysis.files.iter().any(|f| f.kind != paths::Kind::Note))
        .and_then(|n| words::note_kind(n))
        .and_then(|kind| TYPES.iter().position(|t| *t == kind));
    // The first commit on `fix/…` is a fix.
    let hint = advice.first_branch.as_deref().and_then(branch::read);
    let hinted = (hint.as_ref())
        .and_then(|h| h.kind)
        .and_then(|kind| TYPES.iter().position(|t| *t == kind));
    // A fix with its regression test is a fix, whatever the new test adds (issue 13).
    let rule = if let Some(i) = noted.or(hinted) {
        allowed(Type(i))
    } else if analysis.toolchain.is_some() && !matches!(ty, Type::CHORE | Type::BUILD | Type::CI) {
        // A toolchain or MSRV bump is upkeep, whatever code moved with it.
        allowed(Type::CHORE)
    } else if ty == Type::FEAT && summary::is_regression_fix(&analysis) {
        allowed(Type::FIX)
    } else if matches!(ty, Type::DOCS | Type::CHORE | Type::CI)
        && (summary::entries_summary(&analysis.substantive(), usize::MAX).is_some()
            || summary::named_additions_summary(&analysis.substantive(), usize::MAX).is_some())
    {
        // A language (or any named entry) registered, with the files it came with; a
        // language server added to a registry of them.
        allowed(Type::FEAT)
    } else if matches!(ty, Type::FIX | Type::REFACTOR | Type::CHORE | Type::DOCS)
        && summary::row_change(&analysis.substantive())
            .is_some_and(|(change, ..)| change == summary::RowChange::Added)
    {
        // Rows added to a table in code (ripgrep's file types) are new entries, as in a
        // registry.
        allowed(Type::FEAT)
    } else if matches!(ty, Type::FIX | Type::REFACTOR | Type::CHORE | Type::DOCS)
        && summary::impls_summary(&analysis, &analysis.substantive(), usize::MAX).is_some()
    {
        // A trait implemented for a type is new API.
        allowed(Type::FEAT)
    } else if let Some(change) = summary::modifier_change(&analysis.substantive()) {
        // A definition's modifiers alone: `const` or `pub` given is new API, `unsafe`
        // marks a soundness hole closed, narrowing is a refactor.
        allowed(if change.widens() {
            Type::FEAT
        } else if change == modifiers::Change::Unsafe {
            Type::FIX
        } else {
            Type::REFACTOR
        })
    } else if ty == Type::DOCS && summary::adds_public_item(&analysis) {
        // A public item added with its docs is new API, however long the docs.
        allowed(Type::FEAT)
    } else if matches!(ty, Type::FIX | Type::REFACTOR | Type::CHORE)
        && analysis.notes.is_empty()
        && summary::flags_summary(&analysis, usize::MAX).is_some()
    {
        // A flag added to the command line is a feature, whatever else moved for it.
        allowed(Type::FEAT)
    } else if bump && ty == Type::CI && !analysis.files.iter().any(|f| f.kind == paths::Kind::Ci) {
        // A pin moved outside CI files (a grammar in helix's `languages.toml`) is a build
        // dependency.
        allowed(Type::BUILD)
    } else if ty == Type::CI && classify::data_only(&analysis) {
        // Data files alone (a theme, a grammar's queries) are no CI change: the model
        // leans to `ci` for files it cannot place. The words stay those of an update.
        allowed(Type::CHORE)
    } else if summary::directives_only(&analysis) {
        // Lint directives and nothing else change no behaviour.
        allowed(Type::STYLE)
    } else if summary::removed_tests_only(&analysis).is_some() {
        // Tests deleted and nothing else: a change to the tests, wherever they live.
        allowed(Type::TEST)
    } else if documents::versioned_docs(&analysis).is_some() {
        // A documentation site's copy of a version, added or taken out.
        allowed(Type::DOCS)
    } else if matches!(ty, Type::REFACTOR | Type::STYLE) && summary::is_toggle(&analysis) {
        // A switch flipped changes what the program does (tauri's `SkipDevTools::Yes`).
        allowed(Type::FEAT)
    } else if summary::is_rename(&analysis) {
        allowed(Type::REFACTOR)
    } else if documents::is_housekeeping(&analysis)
        || summary::is_code_removed_from_docs(&analysis, ty)
    {
        allowed(Type::CHORE)
    } else {
        None
    };
    let (ty, name) = rule.unwrap_or((ty, name));
    // A bump, or a lint fixed, takes the type and scope the house gives those (an `area:`
    // house, the area it gives lint fixes).
    let lint_fixed = summary::lint_change(&analysis).is_some();
    let habit = if bump {
        deps::house_prefix(advice)
    } else if style.conventional && lint_fixed {
        advice.lints.clone()
    } else {
        None
    };
    let house_bump = habit.filter(|(kind, _)| {
        classify::TYPES
            .iter()
            .position(|t| t == kind)
            .is_some_and(|i| allowed(Type(i)).is_some())
    });
    let kind = house_bump
        .as_ref()
        .and_then(|(kind, _)| classify::TYPES.iter().position(|t| t == kind))
        .and_then(|i| allowed(Type(i)));
    let (ty, name) = kind.unwrap_or((ty, name));
    // An `area:` house heads its dependency bumps with an area of its own where the
    // neighbours of these paths name none (tokio's `deps: bump \`tokio\` to \`1.47.0\``
    // beside the `chore:` releases that touch the same manifests; axum's `examples:`
    // bumps among its sentences).
    let bump_area = (bump
        && style.follow_house
        && !rules.decides_form()
        && advice.form != Some(history::Form::Area)
        && (advice.house.as_ref()).is_some_and(|h| h.form != history::Form::Conventional))
    .then(|| deps::house_area(advice))
    .flatten();
    let (area_style, area_advice);
    let (style, advice) = match bump_area {
        Some(area) => {
            area_style = Style {
                conventional: false,
                ..style.clone()
            };
            area_advice = Advice {
                form: Some(history::Form::Area),
                prefix: Some(Some(area)),
                ..advice.clone()
            };
            (&area_style, &area_advice)
        }
        None => (style, advice),
    };
    let breaking = is_breaking(&analysis, ty);
    let found = scope::scope(&analysis, ty);
    // The declared member all the paths lie in, where the change takes a scope at all.
    let declared = workspace::declared(&analysis, ty, found.as_deref(), members);
    let mut scope = match (&advice.prefix, &advice.house) {
        // The scope the commits near these paths use (or their "no scope").
        // Those of the change's type count twice (`scopes_by_type`).
        (Some(voted), _) if advice.form == Some(history::Form::Conventional) => advice
            .typed_scopes
            .iter()
            .find(|(k, _)| *k == ty.name())
            .map_or_else(|| voted.clone(), |(_, p)| p.clone()),
        // Nothing near: a declared workspace member, named as the house names its members.
        (_, Some(house)) if declared.is_some() => {
            declared.and_then(|member| workspace::house_scope(member, &house.prefixes))
        }
        (_, None) if declared.is_some() => declared.map(str::to_owned),
        // Nothing near: a scope the house uses, or none.
        (_, Some(house)) => match workspace::member(&scope::paths(&analysis)) {
            // A workspace member, named as the house names its members (`acme-x` → `x`).
            Some(member) if found.as_deref() == Some(member.as_str()) => {
                workspace::house_scope(&member, &house.prefixes)
            }
            _ => found.filter(|f| house.prefixes.iter().any(|(p, _)| p == f)),
        },
        (_, None) => found,
    };
    if let Some((_, prefix)) = &house_bump {
        scope = prefix.clone();
    }
    let mut notes = Vec::new();
    if style.conventional {
        scope = rules.fit_scope(scope, &scope::paths(&analysis));
        if scope.is_none() && rules.requires_scope() {
            // Every changed path counts here, documentation too (`docs` may be a scope).
            let all: Vec<&str> = analysis.files.iter().map(|f| f.path.as_str()).collect();
            scope = rules.required_scope(&all);
            if scope.is_none() {
                notes.extend(rules.missing_scope().map(|w| format!("warning: {w}")));
            }
        }
    }
    let (ty, name) = house::type_for_scope(advice, ty, scope.as_deref())
        .and_then(allowed)
        .unwrap_or((ty, name));
    // An area that names another kind of change than this one gives way to the place
    // (`globset:`, not the `doc:` of the file's last typo fix); a bump keeps its own.
    let place_advice;
    let advice = match (&advice.prefix, advice.form) {
        (Some(Some(voted)), Some(history::Form::Area)) if !bump && !style.conventional => {
            let area = house::area_for_type(advice, voted, &name);
            if area == voted {
                advice
            } else {
                place_advice = Advice {
                    prefix: Some(Some(area.to_owned())),
                    ..advice.clone()
                };
                &place_advice
            }
        }
        _ => advice,
    };
    // The gitmoji is added later (`gitmoji::decorate`) and counts in the length.
    let room = Style {
        max_subject: style
            .max_subject
            .saturating_sub(style.gitmoji.width(ty.name(), breaking)),
        ..style.clone()
    };
    // A typo fixed twice in these files says nothing of a change that is no typo fix
    // (wezterm's changelog cut for a release read `docs: fix typo`).
    let swaps_only = analysis.files.iter().all(|f| f.swap_only);
    let reused = house::reuse(files, advice)
        .filter(|_| !bump || house::routine(advice))
        .filter(|s| swaps_only || !s.to_lowercase().contains("typo"))
        .filter(|s| width(s) <= room.max_subject)
        .filter(|s| {
            // A reused subject keeps the form the run writes, unless the house heads these
            // very files' commits its own way every time (`release: v8.2.1`).
            let form = history::parse_subject(s).form;
            style.conventional == (form == history::Form::Conventional)
                || (!rules.decides_form() && house::habit(advice))
        });
    // The branch's words, on its first commit, when the diff has nothing surer to say (a
    // release, a bump, the author's own release note).
    let sure = analysis.manifest.release.is_some()
        || analysis.toolchain.is_some()
        || !analysis.notes.is_empty()
        || entry.is_some()
        || bump;
    let phrase = (hint.and_then(|h| h.phrase))
        .filter(|_| !sure)
        .map(|p| summary::untautology(&p, ty, style.conventional));
    // The summary in a number of characters: that phrase, else the diff's own words.
    // One package bumped, worded as the house words its bumps (`update dependency postcss
    // to v8.5.22` where Renovate does them).
    let house_bump_words = bump
        .then(|| deps::house_phrase(advice))
        .flatten()
        .and_then(|p| {
            let from_crate = analysis
                .files
                .iter()
                .any(|f| matches!(paths::file_name(&f.path), "Cargo.toml" | "Cargo.lock"));
            match summary::single_bump(&analysis) {
                Some(dep) => p.render(&dep, from_crate),
                None => p.render_pin(&summary::single_pin(&analysis)?),
            }
        });
    let plain_words = |budget: usize| match (&phrase, &house_bump_words) {
        (Some(phrase), _) => truncate(phrase, budget),
        (None, Some(text)) if width(text) <= budget => text.clone(),
        (None, _) => summary::summary(&analysis, ty, breaking, budget, style.conventional),
    };
    // The house's label for the file the change is about goes first (`[no-type-alias]`).
    // A label that leaves the words too little room is left out rather than cut.
    let label = advice
        .label
        .as_deref()
        .filter(|_| !bump && takes_label(&analysis))
        .filter(|label| width(label) + 3 + LABEL_ROOM <= room.max_subject);
    let words = |budget: usize| match label {
        Some(label) => label_words(label, budget, &plain_words, ty, &analysis),
        None => plain_words(budget),
    };
    let lint_area = (advice.lint_area.as_deref()).filter(|_| !style.conventional && lint_fixed);
    let ticks = advice
        .house
        .as_ref()
        .map_or_else(Default::default, |h| h.ticks);
    let mut subject = match &reused {
        Some(reused) => reused.clone(),
        None => subject(
            &words,
            &|words: &str, budget: usize| {
                let look = code_names::Lookup {
                    known: &|name: &str| code_names::in_code(files, name),
                    defined: &|name: &str| analysis.defines(name),
                    function: &|name: &str| analysis.defines_function(name),
                    owner: &|name: &str| defs::method_owner(files, name),
                };
                let ticked = code_names::tick(words, ticks, &look);
                if width(&ticked) <= budget {
                    return ticked;
                }
                // A method's type costs room the words need more (the list's next name).
                let unowned = code_names::Lookup {
                    owner: &|_: &str| None,
                    ..look
                };
                code_names::tick(words, ticks, &unowned)
            },
            &name,
            scope.as_deref(),
            breaking,
            &room,
            advice,
            lint_area,
        ),
    };
    if style.conventional {
        subject = rules.conform(&subject);
    }
    let body = if style.body {
        body::body(&analysis, style.wrap)
    } else {
        String::new()
    };
    let kind = reused
        .as_deref()
        .and_then(house::type_of)
        .unwrap_or_else(|| classify::classify(&analysis, &x));
    Written {
        message: Message { subject, body },
        notes,
        kind: kind.name(),
    }
}

/// Tells whether a branch name says anything the engine reads (`fix/…`, `add-retry-…`): only
/// then is it worth finding out whether this is the branch's first commit.
pub fn reads_branch(name: &str) -> bool {
    branch::read(name).is_some()
}

/// Returns the feature vector the type model reads, for training (`scripts/offline-train.py`).
#[doc(hidden)]
pub fn features(files: &[FileEntry]) -> Vec<f32> {
    classify::features(&analysis::analyse(files))
}

/// Returns the names of [`features`], in order.
#[doc(hidden)]
pub fn feature_names() -> Vec<String> {
    classify::feature_names()
}

/// Returns, for each of the ten types in the model's order, whether the rules leave it open.
#[doc(hidden)]
pub fn candidate_types(files: &[FileEntry]) -> [bool; 10] {
    let mut out = [false; 10];
    for t in classify::candidates(&analysis::analyse(files)) {
        out[t.0] = true;
    }
    out
}

/// The type names in the model's class order.
#[doc(hidden)]
pub const TYPES: [&str; 10] = classify::TYPES;

/// Tells whether the change removes public API, conservatively: a public function or type
/// defined in an edited (not deleted or renamed) source file in a language that marks
/// visibility, gone and not redefined anywhere in the change.
fn is_breaking(a: &Analysis, ty: Type) -> bool {
    if !matches!(ty, Type::FEAT | Type::FIX | Type::REFACTOR | Type::CHORE) {
        return false;
    }
    let removed = a.removed_public();
    // A rename adds the new name; moved or reworked code adds about as much as it removes.
    let added_public = a
        .files
        .iter()
        .any(|f| f.added_defs.iter().any(|d| d.public));
    let mostly_removal = a.code_added.lines * 2 <= a.code_removed.lines;
    let internal = |path: &str| {
        path.starts_with("internal/")
            || ["/internal/", "/templates/", "/private/", "/examples/"]
                .iter()
                .any(|dir| path.contains(dir))
    };
    !removed.is_empty()
        && !added_public
        && mostly_removal
        && removed
            .iter()
            .all(|d| matches!(d.kind, defs::DefKind::Function | defs::DefKind::Type))
        && a.files.iter().all(|f| {
            f.removed_defs.is_empty()
                || (f.status == crate::diff::Status::Modified
                    && !internal(&f.path)
                    && matches!(
                        f.lang,
                        paths::Lang::Rust | paths::Lang::Go | paths::Lang::Script
                    ))
        })
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Returns the type the engine reads in the change (`feat`, `fix`, …), before any
/// repository's spelling: what a gitmoji stands for when the subject has no type.
pub fn kind(files: &[FileEntry]) -> &'static str {
    let analysis = analysis::analyse(files);
    classify::classify(&analysis, &classify::features(&analysis)).name()
}

/// The characters of the subject a house's label must leave for the rest (the header
/// included): typescript-eslint's `no-unnecessary-parameter-property-assignment` leaves
/// too few and goes unsaid rather than cut.
const LABEL_ROOM: usize = 32;

/// Tells whether the change may take a label: a release or a toolchain moved is about no
/// one file.
fn takes_label(a: &Analysis) -> bool {
    a.manifest.release.is_none() && a.toolchain.is_none()
}

/// `[label] words` in `budget`: the words as they would be without the label (see
/// [`labelled`]), unless the label leaves them too little room, for the name the label
/// says may be all there is to drop; then the words shortened, or the label's own thing
/// when they would end on a name cut short (`correct rule`, not `correct
/// isOptionableExpre`).
fn label_words(
    label: &str,
    budget: usize,
    words: &dyn Fn(usize) -> String,
    ty: Type,
    a: &Analysis,
) -> String {
    let room = budget.saturating_sub(width(label) + 3);
    let (said, _) = labelled(words(budget), label, ty, a);
    let said = if width(&said) <= room {
        said
    } else {
        let (short, whole) = labelled(words(room), label, ty, a);
        let last = short.split_whitespace().last().unwrap_or("");
        let thing = match ty {
            Type::DOCS => Some("docs"),
            _ => label_thing(label, a),
        };
        match thing {
            // Words the label wrote itself (`avoid false positive`) are whole.
            Some(thing) if !whole && !said.split_whitespace().any(|w| w == last) => {
                // The verb of the words that fit: the longer ones may say another thing
                // (`use ASTUtils.findVariable in …` is no `use rule`).
                let verb = short.split_whitespace().next().unwrap_or("update");
                format!("{verb} {thing}")
            }
            _ => short,
        }
    };
    format!("[{label}] {said}")
}

/// The words after a house's label (`[no-type-alias]`, see [`Advice::label`]), without the
/// name the label says already: `correct no-type-alias` is `correct rule` (the folder's
/// thing), and a fix whose new rule tests only add code the rule must accept is `avoid
/// false positive`; `update no-type-alias docs` is `update docs`; a closing `in
/// no-type-alias` goes. With whether these are words of its own, never cut.
fn labelled(words: String, label: &str, ty: Type, a: &Analysis) -> (String, bool) {
    let lower = label.to_lowercase();
    let words = summary::without_place(words, Some(label));
    // The label's own file as the place (`fix typo in no-restricted-types.mdx`) goes too.
    let words = match words.rsplit_once(' ') {
        Some((head, file))
            if file.to_lowercase().split('.').next() == Some(lower.as_str())
                && file.contains('.')
                && ["in", "to", "from", "for"]
                    .iter()
                    .any(|prep| head.ends_with(&format!(" {prep}"))) =>
        {
            head.rsplit_once(' ').map_or(head, |(h, _)| h).to_owned()
        }
        _ => words,
    };
    let mut parts = words.splitn(2, ' ');
    let (verb, rest) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    // The label's name, whole or cut short for room (`correct prefer-nullish-co`).
    let named = |rest: &str| {
        let rest = rest.to_lowercase();
        rest == lower
            || rest.split('.').next() == Some(lower.as_str())
            || rest.len() >= 4 && !rest.contains(' ') && lower.starts_with(&rest)
    };
    if rest.strip_suffix(" docs").is_some_and(named) {
        return (format!("{verb} docs"), true);
    }
    if !named(rest) {
        return (words, false);
    }
    if ty == Type::DOCS {
        return (format!("{verb} docs"), true);
    }
    if ty == Type::FIX && a.rule_errors_added == 0 && a.rule_cases_added > 0 {
        return ("avoid false positive".to_owned(), true);
    }
    match label_thing(label, a) {
        Some(thing) => (format!("{verb} {thing}"), true),
        None => (words, false),
    }
}

/// The thing a label names, by the folder of its files (`src/rules/` holds rules).
fn label_thing<'a>(label: &str, a: &'a Analysis) -> Option<&'a str> {
    a.files
        .iter()
        .filter(|f| history::label_stem(&f.path) == label)
        .find_map(|f| {
            let (dir, _) = f.path.rsplit_once('/')?;
            summary::singular(paths::file_name(dir))
        })
}

/// The subject: the summary in the room the header leaves, with its place dropped where
/// the header names it, and names from code written as the house writes them (`tick`).
#[allow(clippy::too_many_arguments)]
fn subject(
    summary: &dyn Fn(usize) -> String,
    tick: &dyn Fn(&str, usize) -> String,
    name: &str,
    scope: Option<&str>,
    breaking: bool,
    style: &Style,
    advice: &Advice,
    lint_area: Option<&str>,
) -> String {
    let max = style.max_subject;
    // The words in `budget`, the backticks counted: when they push the words past it,
    // words for that much less room.
    let fit = |budget: usize, place: Option<&str>| {
        let words = summary::without_place(summary(budget), place);
        let ticked = tick(&words, budget);
        let extra = width(&ticked).saturating_sub(width(&words));
        if width(&ticked) <= budget || extra == 0 {
            return ticked;
        }
        tick(
            &summary::without_place(summary(budget.saturating_sub(extra)), place),
            budget,
        )
    };
    if !style.conventional {
        // The house's form: `area: summary` when the commits near these paths name an area,
        // else a sentence, capitalised as the house writes them (capitalised with no house).
        let capital = advice.house.is_none() || advice.capitalised;
        let case = |text: String| if capital { capitalise(&text) } else { text };
        let voted = advice.prefix.as_ref().and_then(|p| p.as_deref());
        if advice.form == Some(history::Form::Area)
            && let Some(area) = lint_area.or(voted)
        {
            let prefix = format!("{area}: ");
            let budget = max.saturating_sub(width(&prefix));
            let words = fit(budget, Some(area));
            let text = format!("{prefix}{}", case(words));
            return truncate(&text, max);
        }
        let text = case(fit(max, None));
        return truncate(&text, max);
    }
    let bang = if breaking { "!" } else { "" };
    let mut prefix = match scope {
        Some(scope) => format!("{name}({scope}){bang}: "),
        None => format!("{name}{bang}: "),
    };
    // Keep room for a summary worth reading; the scope goes first, unless it is required.
    if scope.is_some() && width(&prefix) + 16 > max && !style.conventions.requires_scope() {
        prefix = format!("{name}{bang}: ");
    }
    let budget = max.saturating_sub(width(&prefix));
    let mut words = fit(budget, scope);
    // A long scope can leave room for nothing but itself again (biome's
    // `fix(useVueHyphenatedAttributes): \`useVueHyphenatedAttributes\``): the words need
    // the room more.
    let bare = |s: &str| s.trim_matches('`').to_lowercase();
    if let Some(scope) = scope
        && bare(&words) == bare(scope)
        && !style.conventions.requires_scope()
    {
        prefix = format!("{name}{bang}: ");
        words = fit(max.saturating_sub(width(&prefix)), None);
    }
    // A house whose summaries start with a capital (clap's `docs: Update changelog`); in a
    // house of other forms that heads this change with a bare type, the author's case for
    // one (axum's `ci: Remove …`).
    if (advice.house.as_ref()).is_some_and(|h| {
        if h.form == history::Form::Conventional {
            h.summaries_capitalised
        } else {
            advice.form == Some(history::Form::Conventional) && advice.capitalised
        }
    }) {
        words = capitalise(&words);
    }
    let text = format!("{prefix}{words}");
    truncate(&text, max)
}

#[cfg(test)]
mod tests;
