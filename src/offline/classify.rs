//! The commit type: a feature vector over the analysis, a small multinomial logistic
//! regression trained on real commits (`weights.rs`), and rules that decide outright when the
//! paths leave no doubt.

use super::analysis::{self as an, Analysis, Side};
use super::defs::DefKind;
use super::weights;
use crate::diff::Status;
use crate::filter::Treatment;
use crate::paths::Kind;

/// The ten Conventional Commits types the engine writes, in the model's class order.
pub(crate) const TYPES: [&str; 10] = [
    "feat", "fix", "docs", "test", "refactor", "build", "ci", "chore", "perf", "style",
];

/// A commit type, as an index into [`TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Type(pub usize);

impl Type {
    pub(crate) const FEAT: Type = Type(0);
    pub(crate) const FIX: Type = Type(1);
    pub(crate) const DOCS: Type = Type(2);
    pub(crate) const TEST: Type = Type(3);
    pub(crate) const REFACTOR: Type = Type(4);
    pub(crate) const BUILD: Type = Type(5);
    pub(crate) const CI: Type = Type(6);
    pub(crate) const CHORE: Type = Type(7);
    pub(crate) const PERF: Type = Type(8);
    pub(crate) const STYLE: Type = Type(9);

    pub(crate) fn name(self) -> &'static str {
        TYPES[self.0]
    }
}

const GROUP_NAMES: [&str; an::GROUPS] = [
    "fix",
    "guard",
    "perf",
    "test",
    "deprecate",
    "typo",
    "lint",
    "feat",
    "refactor",
    "release",
    "doc",
    "ci",
    "build",
    "chore",
];

/// Names of the features, in order; `weights.rs` must list the same.
pub(crate) fn feature_names() -> Vec<String> {
    let mut names: Vec<String> = [
        "frac_docs",
        "frac_note",
        "frac_test",
        "frac_ci",
        "frac_manifest",
        "frac_lock",
        "frac_build",
        "frac_config",
        "frac_example",
        "frac_bench",
        "frac_source",
        "frac_other",
        "all_docs",
        "all_test",
        "all_ci",
        "all_deps",
        "all_build",
        "all_config",
        "has_note",
        "only_notes",
        "frac_added",
        "frac_deleted",
        "frac_renamed",
        "all_pure_moves",
        "frac_binary",
        "log_files",
        "log_code_added",
        "log_code_removed",
        "add_share",
        "balance",
        "log_test_lines",
        "log_docs_lines",
        "small_change",
        "log_hunks",
        "format_share",
        "all_format",
        "comment_share",
        "all_comment_only",
        "moved_share",
        "log_added_defs",
        "log_added_public",
        "log_removed_defs",
        "log_removed_public",
        "log_touched",
        "log_added_tests",
        "log_new_sources",
        "log_deleted_sources",
        "cond_added",
        "cond_removed",
        "exit_added",
        "import_added",
        "import_removed",
        "log_added",
        "string_added",
        "string_removed",
        "log_dep_changes",
        "dep_bumps_only",
        "release",
        "changelog_version",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for prefix in ["add", "path", "note"] {
        for group in GROUP_NAMES {
            names.push(format!("{prefix}_{group}"));
        }
    }
    names
}

fn ln(x: u32) -> f32 {
    (1.0 + x as f32).ln()
}

fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// Returns the feature vector, in the order of [`feature_names`].
pub(crate) fn features(a: &Analysis) -> Vec<f32> {
    let n = a.files.len().max(1) as f32;
    let count = |k: Kind| a.files.iter().filter(|f| f.kind == k).count() as f32 / n;
    let substantive = a.substantive();
    let all = |pred: &dyn Fn(Kind) -> bool| {
        !substantive.is_empty() && substantive.iter().all(|f| pred(f.kind))
    };
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let status = |s: Status| a.files.iter().filter(|f| f.status == s).count() as f32 / n;
    let sources = |s: Status| {
        a.files
            .iter()
            .filter(|f| f.kind == Kind::Source && f.status == s)
            .count() as u32
    };
    let (add, del): (&Side, &Side) = (&a.code_added, &a.code_removed);
    let code = add.lines + del.lines;
    let changed: Vec<_> = a
        .files
        .iter()
        .filter(|f| f.additions + f.deletions > 0 && !matches!(f.kind, Kind::Note))
        .collect();
    let all_format = !changed.is_empty() && changed.iter().all(|f| f.format_only);
    let code_files: Vec<_> = changed
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Docs | Kind::Lockfile))
        .collect();
    let all_comment = !code_files.is_empty() && code_files.iter().all(|f| f.comment_only);
    let defs = |pick: &dyn Fn(&super::analysis::FileFacts) -> u32| -> u32 {
        a.files
            .iter()
            .filter(|f| f.kind == Kind::Source)
            .map(pick)
            .sum()
    };
    let added_defs = defs(&|f| f.added_defs.len() as u32);
    let added_public = defs(&|f| f.added_defs.iter().filter(|d| d.public).count() as u32);
    let removed_defs = defs(&|f| f.removed_defs.len() as u32);
    let touched = defs(&|f| f.touched.len() as u32);
    let added_tests: u32 = a
        .files
        .iter()
        .map(|f| {
            f.added_defs
                .iter()
                .filter(|d| d.kind == super::defs::DefKind::Test || f.kind == Kind::Test)
                .count() as u32
        })
        .sum();
    let deps = a.manifest.deps.len() as u32;
    let dep_only = deps > 0
        && substantive
            .iter()
            .all(|f| matches!(f.kind, Kind::Manifest | Kind::Lockfile));

    let mut v = vec![
        count(Kind::Docs),
        count(Kind::Note),
        count(Kind::Test),
        count(Kind::Ci),
        count(Kind::Manifest),
        count(Kind::Lockfile),
        count(Kind::Build),
        count(Kind::Config),
        count(Kind::Example),
        count(Kind::Bench),
        count(Kind::Source),
        count(Kind::Other),
        flag(all(&|k| k == Kind::Docs)),
        flag(all(&|k| k == Kind::Test)),
        flag(all(&|k| k == Kind::Ci)),
        flag(all(&|k| matches!(k, Kind::Manifest | Kind::Lockfile))),
        flag(all(&|k| {
            matches!(k, Kind::Manifest | Kind::Lockfile | Kind::Build)
        })),
        flag(all(&|k| k == Kind::Config)),
        flag(a.files.iter().any(|f| f.kind == Kind::Note)),
        flag(!a.files.is_empty() && a.files.iter().all(|f| f.kind == Kind::Note)),
        status(Status::Added),
        status(Status::Deleted),
        status(Status::Renamed),
        flag(!a.files.is_empty() && a.files.iter().all(|f| f.is_pure_move())),
        a.files.iter().filter(|f| f.binary).count() as f32 / n,
        ln(a.files.len() as u32),
        ln(add.lines),
        ln(del.lines),
        if code == 0 {
            0.5
        } else {
            share(add.lines, code)
        },
        share(add.lines.min(del.lines), add.lines.max(del.lines)),
        ln(a.test_added + a.test_removed),
        ln(a.docs_added + a.docs_removed),
        flag(code > 0 && code <= 6),
        ln(a.hunks),
        share(a.format_hunks, a.hunks),
        flag(all_format),
        share(add.comment + del.comment + add.blank + del.blank, code),
        flag(all_comment),
        share(a.moved_lines, del.lines),
        ln(added_defs),
        ln(added_public),
        ln(removed_defs),
        ln(a.removed_public().len() as u32),
        ln(touched),
        ln(added_tests),
        ln(sources(Status::Added)),
        ln(sources(Status::Deleted)),
        share(add.condition, add.lines),
        share(del.condition, del.lines),
        share(add.early_exit, add.lines),
        share(add.import, add.lines),
        share(del.import, del.lines),
        share(add.log, add.lines),
        share(add.string, add.lines),
        share(del.string, del.lines),
        ln(deps),
        flag(dep_only),
        flag(a.manifest.release.is_some()),
        flag(a.changelog_version),
    ];
    // Words on removed lines and in hunk headings were tried and hurt on unseen repositories.
    for words in [&add.words, &a.path_words, &a.note_words] {
        v.extend(words.iter().map(|&c| ln(c)));
    }
    v
}

/// Returns the model's scores (logits) for each type.
fn scores(x: &[f32]) -> [f32; 10] {
    let mut out = weights::BIAS;
    if x.len() != weights::FEATURES {
        return out;
    }
    for (class, row) in weights::WEIGHTS.iter().enumerate() {
        out[class] += row.iter().zip(x).map(|(w, v)| w * v).sum::<f32>();
    }
    out
}

const ALL: [Type; 10] = [
    Type::FEAT,
    Type::FIX,
    Type::DOCS,
    Type::TEST,
    Type::REFACTOR,
    Type::BUILD,
    Type::CI,
    Type::CHORE,
    Type::PERF,
    Type::STYLE,
];

/// The types the evidence leaves open: one when the rules are certain, else a few or all.
pub(crate) fn candidates(a: &Analysis) -> &'static [Type] {
    let substantive = a.substantive();
    if substantive.is_empty() {
        return &[Type::CHORE];
    }
    let all = |pred: &dyn Fn(Kind) -> bool| substantive.iter().all(|f| pred(f.kind));
    if a.files.iter().all(|f| f.is_pure_move()) || super::summary::is_module_move(a) {
        return &[Type::REFACTOR];
    }
    // A function extracted from another or inlined, nothing else done: a refactor.
    if super::summary::extracted(a).is_some() || super::summary::inlined(a).is_some() {
        return &[Type::REFACTOR];
    }
    // A folder of code renamed or moved, with the references to it.
    if super::summary::folder_move(&substantive).is_some()
        && substantive
            .iter()
            .any(|f| f.status == crate::diff::Status::Renamed && f.kind == Kind::Source)
    {
        return &[Type::REFACTOR];
    }
    // Code changed beside a benchmark that comes with it (Go's `BenchmarkSortEntries`),
    // nothing new offered: the change is made to be faster.
    let benchmark = (a.files.iter())
        .flat_map(|f| &f.added_defs)
        .any(|d| d.kind == DefKind::Test && d.name.starts_with("Benchmark"));
    if benchmark
        && substantive
            .iter()
            .any(|f| f.kind == Kind::Source && f.status == Status::Modified)
        && !(substantive.iter())
            .filter(|f| f.kind == Kind::Source)
            .any(|f| f.added_defs.iter().any(|d| d.public))
    {
        return &[Type::PERF];
    }
    // Packages dropped, the code rewritten without them: housekeeping of the build.
    if super::summary::dropped_dependencies(a).is_some() {
        return &[Type::BUILD, Type::CHORE, Type::REFACTOR];
    }
    // Lints turned on or their allowances dropped, the code made to pass them: tidying.
    if super::summary::lint_change(a).is_some() {
        return &[Type::STYLE, Type::CHORE, Type::REFACTOR];
    }
    if all(&|k| k == Kind::Docs) {
        return &[Type::DOCS, Type::CHORE];
    }
    // What git or a tool leaves alone, wherever the list lives (a test's data folder).
    if (substantive.iter()).all(|f| crate::paths::is_ignore_file(crate::paths::file_name(&f.path)))
    {
        return &[Type::CHORE];
    }
    // Every changed hunk re-formats (a formatter's run), in code, tests or CI files alike.
    let changed: Vec<_> = a
        .files
        .iter()
        .filter(|f| f.additions + f.deletions > 0)
        .collect();
    if !changed.is_empty() && changed.iter().all(|f| f.reformat_only || f.imports_sorted) {
        return &[Type::STYLE];
    }
    // Nearly every hunk re-formats, and nothing is added: a formatter's run that also
    // did what a formatter may (rustfmt's braces around a closure), or a tidy-up.
    if a.changed_hunks >= 4
        && 5 * a.reformat_hunks >= 4 * a.changed_hunks
        && a.files
            .iter()
            .all(|f| f.added_defs.is_empty() && f.status == Status::Modified)
    {
        return &[Type::STYLE];
    }
    if all(&|k| k == Kind::Test) {
        return &[Type::TEST, Type::CHORE, Type::STYLE];
    }
    if all(&|k| k == Kind::Ci) {
        return &[Type::CI, Type::BUILD, Type::CHORE];
    }
    if all(&|k| matches!(k, Kind::Manifest | Kind::Lockfile)) {
        return &[Type::CHORE, Type::BUILD, Type::FIX];
    }
    if all(&|k| k == Kind::Build) {
        return &[Type::BUILD, Type::CHORE];
    }
    // Nothing readable: only a name, so only housekeeping can be claimed.
    if substantive
        .iter()
        .all(|f| f.treatment == Treatment::Withheld)
    {
        return &[Type::CHORE];
    }
    if substantive.iter().all(|f| f.binary) {
        return &[Type::CHORE, Type::FEAT, Type::DOCS];
    }
    // Only comments changed in code: documentation, or tidying.
    let code: Vec<_> = substantive
        .iter()
        .filter(|f| f.additions + f.deletions > 0 && f.kind != Kind::Docs)
        .collect();
    if !code.is_empty()
        && code
            .iter()
            .all(|f| f.comment_only && f.kind == Kind::Source)
    {
        return &[Type::DOCS, Type::STYLE, Type::CHORE];
    }
    // Only additions, and among them new public items: a feature (or its docs and tests).
    let new_public = a
        .files
        .iter()
        .filter(|f| f.kind == Kind::Source)
        .any(|f| f.added_defs.iter().any(|d| d.public));
    if new_public && a.code_removed.lines == 0 {
        return &[Type::FEAT, Type::CHORE, Type::TEST, Type::DOCS];
    }
    &ALL
}

/// Tells whether the change touches data files alone (a theme's TOML, a grammar's queries,
/// a table of languages) that nothing in their paths ties to CI or a deployment: the model
/// leans to `ci` for files it cannot place, a lean learned from tool settings that says
/// nothing of these (`ci: set ui.text.inactive to fujiGray in kanagawa theme`).
pub(crate) fn data_only(a: &Analysis) -> bool {
    let substantive = a.substantive();
    !substantive.is_empty()
        && substantive.iter().all(|f| f.kind == Kind::Other)
        && a.path_words[an::CI] == 0
        && !substantive
            .iter()
            .any(|f| crate::paths::configures_deployment(&f.path))
}

/// Adds the history's votes for each type near the changed paths to the model's scores, as a
/// prior: `ln` of the smoothed share of the votes (one pseudo-vote spread over the types), so
/// a handful of old votes barely moves the model and many recent ones decide.
pub(crate) fn with_prior(
    a: &Analysis,
    x: &[f32],
    votes: &[f32; 10],
    allowed: Option<&[bool; 10]>,
) -> Option<Type> {
    let mut s = scores(x);
    let total: f32 = votes.iter().sum();
    if total > 0.0 {
        for (score, vote) in s.iter_mut().zip(votes) {
            *score += ((vote + 0.1) / (total + 1.0)).ln();
        }
    }
    best_allowed(a, &s, &allowed.copied().unwrap_or([true; 10]))
}

/// Decides the type among those `allowed` (the repository's conventions): the best-scoring
/// allowed candidate, else the best-scoring allowed type; `None` when none is allowed.
pub(crate) fn classify_allowed(a: &Analysis, x: &[f32], allowed: &[bool; 10]) -> Option<Type> {
    best_allowed(a, &scores(x), allowed)
}

/// The best-scoring allowed candidate, else the best-scoring allowed type; `None` when none
/// is allowed.
fn best_allowed(a: &Analysis, s: &[f32], allowed: &[bool; 10]) -> Option<Type> {
    let best = |types: &[Type]| {
        types
            .iter()
            .copied()
            .filter(|t| allowed[t.0])
            .reduce(|pick, t| if s[t.0] > s[pick.0] { t } else { pick })
    };
    best(candidates(a)).or_else(|| best(&ALL))
}

/// Decides the type: the best-scoring of the candidates.
pub(crate) fn classify(a: &Analysis, x: &[f32]) -> Type {
    let s = scores(x);
    let allowed = candidates(a);
    let mut pick = allowed[0];
    for &t in allowed {
        if s[t.0] > s[pick.0] {
            pick = t;
        }
    }
    pick
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_match_the_trained_weights() {
        let names = feature_names();
        let x = features(&Analysis::default());
        assert_eq!(x.len(), names.len());
        assert_eq!(names.len(), weights::FEATURES);
        assert_eq!(names, weights::NAMES.map(String::from).to_vec());
    }
}
