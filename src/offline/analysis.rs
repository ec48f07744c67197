//! One pass over the diff that gathers everything the engine decides from: per-file facts
//! (kind, definitions added, removed and touched) and counts over the changed lines.
//!
//! Linear in the size of the diff; lines are looked at through a bounded prefix so a 5 MB
//! single-line file costs no more than a short one.

use super::defs::{self, Def, DefKind};
use super::deps::{LockReader, ManifestChanges, ManifestReader, PinReader, Side as LockSide};
use crate::diff::{Hunk, LineKind, Status};
use crate::filter::{FileEntry, Reason, Treatment};
use crate::paths::{self, Kind, Lang};
use bstr::{ByteSlice, Finder};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Keyword groups counted in changed lines, hunk headings, paths and release notes.
pub(crate) const GROUPS: usize = 14;
pub(crate) const FIX: usize = 0;
pub(crate) const GUARD: usize = 1;
pub(crate) const PERF: usize = 2;
pub(crate) const TEST: usize = 3;
pub(crate) const DEPRECATE: usize = 4;
pub(crate) const TYPO: usize = 5;
pub(crate) const LINT: usize = 6;
pub(crate) const FEAT: usize = 7;
pub(crate) const REFACTOR: usize = 8;
pub(crate) const RELEASE: usize = 9;
pub(crate) const DOC: usize = 10;
pub(crate) const CI: usize = 11;
pub(crate) const BUILD: usize = 12;
pub(crate) const CHORE: usize = 13;

/// Returns the keyword group of a lower-case word.
fn group(word: &[u8]) -> Option<usize> {
    Some(match word {
        b"fix" | b"fixes" | b"fixed" | b"fixing" | b"bug" | b"bugs" | b"bugfix" | b"error"
        | b"errors" | b"panic" | b"panics" | b"crash" | b"crashes" | b"wrong" | b"incorrect"
        | b"incorrectly" | b"fail" | b"fails" | b"failed" | b"failure" | b"failing" | b"broken"
        | b"regression" | b"issue" | b"issues" | b"invalid" | b"unexpected" | b"workaround"
        | b"correct" | b"correctly" | b"bad" | b"mismatch" => FIX,
        b"null" | b"nil" | b"none" | b"undefined" | b"nullable" | b"optional" | b"unwrap"
        | b"ensure" | b"prevent" | b"avoid" | b"missing" | b"empty" | b"fallback" | b"guard"
        | b"handle" | b"handled" | b"handling" | b"edge" | b"safe" | b"safely" => GUARD,
        b"perf" | b"performance" | b"cache" | b"cached" | b"caching" | b"fast" | b"faster"
        | b"fastest" | b"speed" | b"speedup" | b"optimize" | b"optimized" | b"optimise"
        | b"optimization" | b"lazy" | b"lazily" | b"memo" | b"memoize" | b"alloc"
        | b"allocation" | b"allocations" | b"allocate" | b"capacity" | b"reserve" | b"inline"
        | b"efficient" | b"slow" | b"expensive" | b"hot" | b"overhead" => PERF,
        b"test" | b"tests" | b"testing" | b"assert" | b"asserts" | b"expect" | b"expected"
        | b"mock" | b"mocks" | b"fixture" | b"fixtures" | b"snapshot" | b"snapshots" | b"spec"
        | b"pytest" | b"describe" => TEST,
        b"deprecated" | b"deprecate" | b"deprecation" | b"obsolete" | b"legacy" | b"removed"
        | b"breaking" => DEPRECATE,
        b"typo" | b"typos" | b"spelling" | b"grammar" | b"wording" | b"misspelled" => TYPO,
        b"lint" | b"lints" | b"linter" | b"eslint" | b"clippy" | b"noqa" | b"nolint"
        | b"prettier" | b"rustfmt" | b"fmt" | b"format" | b"formatting" | b"whitespace"
        | b"tslint" | b"ruff" | b"golangci" | b"pylint" | b"mypy" | b"unused" => LINT,
        b"add" | b"adds" | b"added" | b"new" | b"support" | b"supports" | b"feature"
        | b"features" | b"enable" | b"enables" | b"introduce" | b"introduces" | b"allow"
        | b"allows" | b"option" | b"options" | b"minor" | b"feat" | b"enhance" | b"enhancement"
        | b"enhancements" | b"implement" | b"implements" | b"expose" | b"exposes" | b"exposed" => {
            FEAT
        }
        b"rename" | b"renamed" | b"move" | b"moved" | b"extract" | b"refactor" | b"refactored"
        | b"cleanup" | b"simplify" | b"simplified" | b"internal" | b"internals" | b"helper"
        | b"helpers" | b"reuse" | b"restructure" | b"split" | b"inline_" => REFACTOR,
        b"release" | b"released" | b"version" | b"versions" | b"bump" | b"bumped" | b"publish"
        | b"published" | b"changelog" | b"prerelease" => RELEASE,
        b"doc" | b"docs" | b"documentation" | b"readme" | b"guide" | b"tutorial" | b"docstring"
        | b"comment" | b"comments" | b"example" | b"examples" => DOC,
        b"workflow" | b"workflows" | b"ci" | b"github" | b"actions" | b"runner" | b"job"
        | b"jobs" | b"steps" | b"matrix" | b"uses" => CI,
        b"build" | b"builds" | b"dependency" | b"dependencies" | b"deps" | b"devdependencies"
        | b"rollup" | b"webpack" | b"vite" | b"tsconfig" | b"docker" | b"dockerfile"
        | b"compile" | b"compiler" | b"bundle" | b"bundler" | b"toolchain" | b"msrv" => BUILD,
        b"chore" | b"update" | b"updates" | b"updated" | b"upgrade" | b"upgrades" | b"cleanup_"
        | b"maintenance" | b"tidy" | b"housekeeping" | b"license" | b"contributors" | b"config"
        | b"ignore" | b"gitignore" => CHORE,
        _ => return None,
    })
}

/// Adds the keyword groups of the words in `text` (camelCase and snake_case split) to `out`.
fn count_words(text: &[u8], out: &mut [u32; GROUPS]) {
    let text = &text[..text.len().min(400)];
    let mut word = [0u8; 24];
    let mut len = 0usize;
    let mut prev_lower = false;
    let flush = |word: &[u8], out: &mut [u32; GROUPS]| {
        if let Some(g) = group(word) {
            out[g] += 1;
        }
    };
    for &b in text {
        let is_alpha = b.is_ascii_alphabetic();
        let boundary = !is_alpha || (b.is_ascii_uppercase() && prev_lower);
        if boundary && len > 0 {
            if len <= word.len() {
                flush(&word[..len], out);
            }
            len = 0;
        }
        if is_alpha {
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
            }
            len += 1;
        }
        prev_lower = b.is_ascii_lowercase();
    }
    if len > 0 && len <= word.len() {
        flush(&word[..len], out);
    }
}

/// Everything known about one changed file.
#[derive(Debug)]
pub(crate) struct FileFacts {
    pub path: String,
    pub old_path: Option<String>,
    pub status: Status,
    pub kind: Kind,
    pub lang: Lang,
    pub treatment: Treatment,
    pub reason: Reason,
    pub binary: bool,
    pub additions: usize,
    pub deletions: usize,
    /// Definitions on added lines that no removed line defines, in order of appearance.
    pub added_defs: Vec<Def>,
    /// Definitions on removed lines that no added line defines.
    pub removed_defs: Vec<Def>,
    /// Rust trait implementations begun on changed lines, `(added, trait, type)`, at most 8.
    pub impls: Vec<(bool, String, String)>,
    /// Rust types declared on added lines (`struct`, `enum`, `trait`, `type`), at most 16.
    pub declared: Vec<String>,
    /// Definitions named by hunk headings or changed in place, most-changed first.
    pub touched: Vec<Def>,
    /// The definitions that hold comments a hunk changes and nothing else, the item they
    /// document past the hunk (a field's doc inside `pub struct StartCommand {`): names for
    /// documentation that names nothing else.
    pub doc_homes: Vec<String>,
    /// Every changed hunk only moves whitespace or re-wraps lines.
    pub format_only: bool,
    /// Every changed hunk re-formats, trailing commas added or dropped as a formatter
    /// joins or splits lines (`prettier`'s `(a,\n)` → `(a)`): what says the change is
    /// a formatter's run. [`format_only`](Self::format_only), stricter, is the model's.
    pub reformat_only: bool,
    /// Every changed hunk puts the same import lines in another order (rustfmt's, gofmt's
    /// or isort's sorting), nothing else.
    pub imports_sorted: bool,
    /// Every changed line is a comment or blank.
    pub comment_only: bool,
    /// The file mode before and after (`0o100755` for an executable).
    pub old_mode: u32,
    pub new_mode: u32,
    /// A submodule (gitlink) moved to another commit.
    pub submodule: bool,
    /// Every changed hunk only swaps line endings (`\r\n` ↔ `\n`).
    pub line_endings_only: bool,
    /// The file's last line gained its newline (`Some(true)`) or lost it (`Some(false)`),
    /// and nothing else changed.
    pub final_newline: Option<bool>,
    /// Every changed hunk only takes trailing spaces or tabs off lines (or puts the last
    /// line's newline in), and one does take some off.
    pub whitespace_trimmed: bool,
    /// The words changed in place (`recieve` → `receive`), when every changed hunk only
    /// swaps words or moves whitespace (see `swap_only`).
    pub swaps: Vec<super::words::Swap>,
    /// A Cargo manifest's dependency lines edited in place (features, `optional`, default
    /// features; the version kept), when every changed hunk does only that.
    pub dep_edits: Vec<super::cargo_deps::DepEdit>,
    /// A Cargo manifest's feature, lint and other list lines, when every changed hunk is
    /// such lines or dependency edits (see `dep_edits`).
    pub manifest_lines: Vec<super::cargo_manifest::Line>,
    /// Every changed hunk swaps words on lines otherwise kept, or only moves whitespace,
    /// and at least one swaps a word.
    pub swap_only: bool,
    /// The hunks that change lines, and those among them that only correct misspellings
    /// (a word or two put right, a name's capitals with them): a proofreading run that
    /// also rewords a phrase here and there.
    pub hunks_changed: u32,
    pub typo_hunks: u32,
    /// In a document, the words put into lines otherwise kept (`apt install cmake g++
    /// pkg-config`), `(added, words)`, when every changed hunk does only that.
    pub inserted: Vec<(bool, String)>,
    /// The `key: value` lines of a configuration file, and whether any other line changed:
    /// one option set is said as such (`set pool to vmThreads`).
    pub settings: Vec<Setting>,
    /// In a TOML file, the tables its changed lines sit in, each once (at most 8), and
    /// whether a changed line sits where no header was seen.
    pub places: Vec<super::tables::Place>,
    pub unplaced: bool,
    /// TOML table headers on added and removed lines, their dotted parts unquoted
    /// (`[tasks."build:gen-protos"]` → `tasks`, `build:gen-protos`).
    pub tables: Vec<(bool, Vec<String>)>,
    /// Entries added to TOML arrays of tables, by the name their first key gives them:
    /// `[[language]]` then `name = "flatbuffers"` → (`language`, `flatbuffers`).
    pub entries: Vec<(String, String)>,
    pub other_lines: bool,
    /// Items put into a list of a configuration file, `(key, item)`, from hunks that do
    /// nothing else: `{ glob = ".kube/kuberc" },` under `file-types = [` (helix's
    /// `languages.toml`), or `file-types = ["pl"]` become `["pl", "t"]` over several lines.
    pub list_items: Vec<(String, String)>,
    /// Items taken out of such a list (`{ name = "spin" },` under `skip-tree = [`), from
    /// hunks that do nothing else.
    pub list_removed: Vec<(String, String)>,
    /// The file is a word list (a spell checker's dictionary) whose every changed line is
    /// one word: its words are in `list_items` and `list_removed`, keyed by the file's name.
    pub word_list: bool,
    /// The file names of images its added lines point to (`<img src="doc/sponsors/
    /// warp-pack-header.png">`, `![diagram](diagram.png)`).
    pub images_named: Vec<String>,
    /// The bold terms (`**Void Linux**`) a page's added lines set out, each once (at most
    /// 4): what a paragraph added to a section is about.
    pub bold_added: Vec<String>,
    /// Every changed hunk changes only link targets (URLs, `](…)`) or whitespace, and one
    /// changes a link.
    pub links: bool,
    /// Hunks that change a link and nothing else.
    pub link_changes: u32,
    /// The labels of the links those hunks moved (`[\`TypedHeader\`]: https://…` is
    /// `TypedHeader`), a few at most, when each is a short name.
    pub link_labels: Vec<String>,
    /// Every hunk that moved links only put `https://` in place of `http://`.
    pub links_to_https: bool,
    /// Every hunk that moved links only moved a version in their paths, all to the same one
    /// (axum's `https://docs.rs/axum/0.7/…` made `…/0.8/…`): that version, and the host
    /// when all the links share one. `None` once a hunk does otherwise.
    pub links_version: Option<(String, Option<String>)>,
    /// The names the file makes public (`export`/`pub` given, re-exports added), when every
    /// changed hunk does only that (or touches only comments and blank lines).
    pub exports: Vec<String>,
    /// Rust definitions whose modifiers alone changed (`fn` made `const fn`, `pub(crate)`
    /// made `pub`), when every changed hunk does only that (or touches only comments and
    /// blank lines).
    pub modifiers: Vec<super::modifiers::Modified>,
    /// What the file's imports bind before and after, when every changed hunk touches only
    /// import statements (or comments and blank lines).
    pub imports: Option<super::imports::ImportChange>,
    /// A TOML file's lines moved and nothing else: keys into another table, or a table put
    /// in another order.
    pub toml_move: Option<super::tables::TomlMove>,
    /// The changed lines are the same lines taken out and put back elsewhere (trimmed,
    /// blank ones aside), and nothing else.
    pub lines_moved: bool,
    /// Tools whose version the file moves in place (`cargo install --version 0.3.9
    /// cargo-wix`, `NODE_VERSION: 22.1`), when every changed hunk does only that (CI, build
    /// and configuration files).
    pub tools: Vec<super::deps::DepChange>,
    /// The one to three lines a document gains, or loses, when that is all that changed in
    /// it (blank lines aside), and whether they came in: entries added to a list (`*
    /// pmandloi28`), rows to a table, read as such by `documents`. Not kept for other files.
    pub lines_alone: Option<(bool, Vec<String>)>,
    /// The print and log calls the file loses (`println!`, `logger.info`), when every
    /// changed hunk only removes such calls (or touches only comments and blank lines).
    pub logs_removed: Vec<String>,
    /// The log calls the file gains (`log.Debugf`, `tracing::warn!`), when every changed
    /// hunk only adds such calls, imports, comments or blank lines.
    pub logs_added: Vec<String>,
    /// The messages reworded in place: `(error, count)`, when every changed hunk only
    /// changes the text of string literals on lines that raise an error (`error` true) or
    /// log, the rest of each line kept.
    pub reworded: Option<(bool, u32)>,
    /// The lint and type-checker directives the file gains (`+eslint-disable`) and loses
    /// (`-@ts-ignore`), when every changed line is one (or blank).
    pub directives: Vec<String>,
    /// The rows a table written in code gains (`+key`) and loses (`-key`), each keyed by
    /// its first string (ripgrep's `("ada", &["*.adb", "*.ads"]),`), when every changed
    /// line is such a row (or blank).
    pub rows: Vec<String>,
    /// The strings rows kept gained, each `(key, string)`, when every changed row only
    /// gained strings: `*.dtso` put into ripgrep's `devicetree` row.
    pub row_items: Vec<(String, String)>,
    /// Long flags written into a shell completion, a man page or help text, named there
    /// for the first time (`--quiet-empty`), when no flag left it.
    pub flags_written: Vec<String>,
    /// Long flags a test file's added lines pass (`.arg("--quiet-empty")`), a few at most:
    /// what its new tests exercise.
    pub flags_tested: Vec<String>,
    /// In `.gitmodules`, the submodules whose `url` moved, when nothing else changed there.
    pub submodule_urls: Vec<String>,
    /// A removed line marks something deprecated (`#[deprecated(…)]`, `@deprecated`,
    /// `// Deprecated:`): what the change takes out had been on its way out.
    pub deprecated_removed: bool,
    /// Items an added marker deprecates (`#[deprecated(note = "Replaced with …")]` above
    /// `pub fn _build_bin_names`, `// Deprecated: use [BrewCask] instead.` above a Go
    /// field, a Python `DeprecationWarning` naming its class), at most eight.
    pub deprecated: Vec<super::deprecation::Deprecation>,
    /// Removed lines that import something (`use …;`, `import …`, `from … import …`), and
    /// the other removed lines that are not blank.
    pub removed_imports: u32,
    pub removed_other: u32,
    /// Rust attributes changed on items, as (what, item): `derive Clone` on
    /// `DeferredPrepass`, `#[must_use]` on `kind`; and the changed lines that are neither
    /// attributes, comments nor blank.
    pub attributes: Vec<(String, String)>,
    pub not_attributes: u32,
    /// Functions whose signature gained `async` (`fn has_id(` → `async fn has_id(`), and the
    /// changed lines that say `async` or `await`.
    pub made_async: Vec<String>,
    pub async_lines: usize,
    /// What a Rust file's docs (`//!`, `///`) gained, when they are all that changed in it.
    pub doc_change: Option<super::rustdocs::DocChange>,
    /// The words of its changed lines of code (runs of letters, digits and `_`, lower case,
    /// sorted), up to [`MENTIONS`] of them: a dependency bumped beside code that names it is
    /// what the code was adapted to.
    pub mentions: Vec<String>,
    /// The name a new Rust file's command gives itself (nushell's `impl Command for ULn`
    /// with `fn name(&self) -> &str { "ln" }`).
    pub command: Option<String>,
    /// In an ignore file (`.gitignore`, `.dockerignore`), the patterns the change adds
    /// (`true`) and removes, the first [`MAX_PATTERNS`], and how many there were.
    pub patterns: Vec<(bool, String)>,
    pub pattern_count: u32,
}

/// The name a new Rust file's `Command` implementation returns from `fn name`: `"ln"` in
/// nushell's `impl Command for ULn { fn name(&self) -> &str { "ln" } … }`.
fn command_name(hunks: &[crate::diff::Hunk]) -> Option<String> {
    let hunk = hunks.first()?;
    let body = hunk.body.to_str().ok()?;
    if !body.contains("impl Command for ") {
        return None;
    }
    let at = body.find("fn name(&self) -> &")?;
    let rest = &body[at..];
    let open = rest.find('{')?;
    let after = rest[open + 1..].trim_start_matches(|c: char| c.is_whitespace() || c == '+');
    let name = after.strip_prefix('"')?;
    let name = &name[..name.find('"')?];
    let plain = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.');
    (!name.is_empty() && name.len() <= 40 && name.chars().all(plain)).then(|| name.to_owned())
}

impl FileFacts {
    /// Tells whether the file only moved (a rename or copy without edits).
    pub(crate) fn is_pure_move(&self) -> bool {
        self.status == Status::Renamed && self.additions == 0 && self.deletions == 0
    }
}

/// Counts over changed lines, by side.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Side {
    pub lines: u32,
    pub comment: u32,
    pub blank: u32,
    pub condition: u32,
    pub early_exit: u32,
    pub import: u32,
    pub log: u32,
    pub string: u32,
    pub assert: u32,
    pub words: [u32; GROUPS],
}

/// The result of the pass.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    pub files: Vec<FileFacts>,
    /// Lines of source and other code (not tests, docs or notes).
    pub code_added: Side,
    pub code_removed: Side,
    /// The calls the changed lines of source make, by side, each once (see
    /// [`super::calls::on_line`]), at most [`MAX_CALLS`] a side; `calls_overflow` when more
    /// were left out.
    pub calls_added: Vec<String>,
    pub calls_removed: Vec<String>,
    pub calls_overflow: bool,
    /// The crates Rust code names on changed lines by the first segment of a path
    /// (`atty::is(…)`, `use once_cell::sync::Lazy;` → `atty`, `once_cell`), by side, each
    /// once, at most [`MAX_ROOTS`] a side: what code stopped using, or started to, where it
    /// names a crate without importing it.
    pub roots_added: Vec<String>,
    pub roots_removed: Vec<String>,
    pub test_added: u32,
    pub test_removed: u32,
    /// Test lines added that open a lint rule's case (`code: …`), and those that list the
    /// errors an invalid case reports (`errors: […]`, `messageId: …`): cases with no error
    /// added are code the rule must now accept.
    pub rule_cases_added: u32,
    pub rule_errors_added: u32,
    pub docs_added: u32,
    pub docs_removed: u32,
    /// Keyword groups in hunk headings, in paths, and in added release-note lines.
    pub section_words: [u32; GROUPS],
    pub path_words: [u32; GROUPS],
    pub note_words: [u32; GROUPS],
    pub hunks: u32,
    pub format_hunks: u32,
    /// Hunks that change lines, and those among them that only re-format (a formatter's
    /// run: lines joined or split, re-indented, trailing commas).
    pub changed_hunks: u32,
    pub reformat_hunks: u32,
    /// Command-line flags the program's source gains (`--clean`), with their help.
    pub flags: Vec<super::flags::Flag>,
    /// Removed code lines that reappear as added lines elsewhere (moved code), and the
    /// removed code lines long enough to be compared (twelve bytes or more, no comment).
    pub moved_lines: u32,
    pub compared_lines: u32,
    /// When the change defines one new thing, the added lines of code that call it
    /// (`isReservedPrefix(key[0])`), its own definition aside.
    pub new_def_calls: u32,
    pub manifest: ManifestChanges,
    /// A changelog gained a version heading (`## [1.2.0]`, `## v1.2.0`).
    pub changelog_version: bool,
    /// The version of the first heading a changelog gained (`0.30.2`).
    pub changelog_heading: Option<String>,
    /// The heading a changelog gained for changes not yet released, as written
    /// (`Unreleased`, ripgrep's `TBD`): the next section started.
    pub changelog_unreleased: Option<String>,
    /// The list entries a changelog gained (`- Vi motions `*` and `#``), their marker left
    /// out, the first few; and how many lines it lost.
    pub changelog_entries: Vec<String>,
    /// What the section the first entry was added under says was done (`### Fixed` →
    /// `fix`, `### Added` → `add`), when the hunk shows its heading.
    pub changelog_section: Option<&'static str>,
    /// The headings in force (one per level, outermost first) where the first entry was
    /// added, and where the first entry was taken out: where a moved entry went.
    pub changelog_added_chain: Vec<String>,
    pub changelog_removed_chain: Vec<String>,
    /// The first entry sits in a list under another entry (`  * \`AppSettings::X\``).
    pub changelog_nested: bool,
    pub changelog_removed: u32,
    /// The first lines of the list entries a changelog lost (the first few): an entry
    /// added with the same first words was moved or amended, not written for the change.
    pub changelog_removed_entries: Vec<String>,
    /// The issues and pull requests the added lines outside notes and docs link to
    /// (`// See: https://github.com/…/issues/3180`), the first few: which of two changelog
    /// entries the code is for.
    pub issues_cited: Vec<u32>,
    /// The prose of release-note fragments added with the change (`.changes/*.md`,
    /// `.changeset/*.md`, `releasenotes/notes/*.yaml`, towncrier fragments), one entry per
    /// fragment, front matter and YAML keys left out: the author's own words for the change.
    pub notes: Vec<String>,
    /// With no fragment, the entry a changelog gained beside the code it describes, as the
    /// author's note for the change ([`entry_note`]); and whether it names a thing with no
    /// verb (`Crash when …`), its section unseen: the change's type gives the verb.
    pub entry_note: Option<(String, bool)>,
    /// The first explanatory comment the change adds to code (`// Searching is slow; cache
    /// results …`), as one sentence: the author's reason, said where the code is.
    pub why: Option<String>,
    /// The first comment added to a CI, build or configuration file that says what to do
    /// (`# Use admin to bypass required review`), as one sentence.
    pub instruction: Option<String>,
    /// Names of CI steps on added and on removed lines (`- name: Set up Go`).
    pub steps_added: Vec<String>,
    pub steps_removed: Vec<String>,
    /// Actions CI files gained and lost (`uses: Swatinem/rust-cache@v2` added →
    /// `Swatinem/rust-cache`), whatever their pins ([`PinReader::came_and_went`]).
    pub actions_came: Vec<String>,
    pub actions_went: Vec<String>,
    /// Names of the CI steps whose lines changed, a step named above them in the hunk.
    pub steps_changed: Vec<String>,
    /// Jobs of GitHub Actions workflows whose keys were added and removed (`  test-pass:`
    /// under `jobs:`), and the jobs other changed lines sit in (read from the file above
    /// each hunk when git could: [`crate::workflow_jobs`]).
    pub jobs_added: Vec<String>,
    pub jobs_removed: Vec<String>,
    pub jobs_changed: Vec<String>,
    /// Packages whose locked version changed, read from lockfiles (read here, on this
    /// machine, though a model sees only their stats line).
    pub locked: Vec<super::deps::DepChange>,
    /// `(package, dependency)` pairs the lockfiles' new side shows (`deps::roots`).
    pub lock_edges: Vec<(String, String)>,
    /// CI actions whose pin changed (`uses: owner/action@v1` → `@v2`).
    pub pins: Vec<super::deps::DepChange>,
    /// Every changed line of the CI files is an action pin.
    pub pins_only: bool,
    /// Flags changed on CI command lines (`run: cargo hack check --each-feature` →
    /// `--feature-powerset --depth 2`), the first few.
    pub run_flags: Vec<super::deps::RunFlags>,
    /// Packages that CI files install, changed in place
    /// (`apt-get install … libfuse2`), with whether any of their hunks changed anything else.
    pub installs: Vec<super::deps::Installs>,
    pub installs_other: bool,
    /// The Rust toolchain or MSRV the change moved (`rust-toolchain.toml`, `rust-version`).
    pub toolchain: Option<super::toolchain::Toolchain>,
    /// Import lines the change removes from code (`use once_cell::sync::Lazy;`,
    /// `require("please-upgrade-node")`), the first few: what the code stopped using.
    pub removed_imports: Vec<String>,
    /// Lint levels set or dropped in a Cargo manifest's lint tables: `(added, lint, level)`
    /// (`-ref_option = "allow"` is `(false, "ref_option", "allow")`).
    pub lints: Vec<(bool, String, String)>,
}

const MAX_LINE: usize = 400;

/// The most patterns [`FileFacts::patterns`] keeps.
pub(crate) const MAX_PATTERNS: usize = 8;

/// The most calls [`Analysis::calls_added`] and [`Analysis::calls_removed`] keep.
pub(crate) const MAX_CALLS: usize = 64;

/// The most path roots [`Analysis::roots_added`] and [`Analysis::roots_removed`] keep.
const MAX_ROOTS: usize = 64;

/// Adds the first segments of the Rust paths on a line (`atty::Stream::Stdin` → `atty`) to
/// `roots`, each once; `crate`, `self`, `super` and `Self` name no crate.
fn push_roots(text: &[u8], roots: &mut Vec<String>) {
    let mut i = 0;
    while let Some(at) = text[i..].find("::") {
        let end = i + at;
        let start = text[..end]
            .iter()
            .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
            .map_or(0, |p| p + 1);
        let before = text[..start].last().copied();
        let name = &text[start..end];
        i = end + 2;
        // `a::b::c` names `a` once: a segment after `::` is no root; `<T as X>::` and
        // `T::` after `::` are the same.
        if name.is_empty() || before == Some(b':') || name[0].is_ascii_digit() {
            continue;
        }
        if roots.len() >= MAX_ROOTS {
            return;
        }
        let name = String::from_utf8_lossy(name);
        if !matches!(name.as_ref(), "crate" | "self" | "super" | "Self")
            && !roots.iter().any(|r| *r == name)
        {
            roots.push(name.into_owned());
        }
    }
}

fn trim(text: &[u8]) -> &[u8] {
    text[..text.len().min(MAX_LINE)].trim_ascii()
}

/// Marks which lines of a Python hunk are docstring prose, in the hunk's order: its
/// comments, though the language writes them as strings. The old and new sides are followed
/// apart. A hunk may start inside a docstring: the first triple quote on a side that closes
/// one (`prose."""`, or `"""` alone after prose) says so.
fn docstring_lines(hunk: &crate::diff::Hunk) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum Quote {
        /// `"""Summary` or `"""` alone after a `def` or `class` line: a docstring opens.
        Opens,
        /// `prose."""` or `"""` alone: one closes.
        Closes,
        /// `x = """`, `f("""`: a string value opens, not a docstring.
        Value,
        /// `"""One line."""`: a docstring opens and closes on the line.
        Whole,
    }
    fn quote(text: &[u8], after_header: bool) -> Option<Quote> {
        let count = text.find_iter("\"\"\"").count() + text.find_iter("'''").count();
        if count == 0 {
            return None;
        }
        let at = text
            .find("\"\"\"")
            .into_iter()
            .chain(text.find("'''"))
            .min()?;
        let before = text[..at].trim_ascii();
        let before = before
            .strip_suffix(b"r")
            .or_else(|| before.strip_suffix(b"f"))
            .or_else(|| before.strip_suffix(b"b"))
            .unwrap_or(before);
        if count.is_multiple_of(2) {
            return before.is_empty().then_some(Quote::Whole);
        }
        let rest = text[at + 3..].trim_ascii();
        Some(if !before.is_empty() {
            if before.ends_with(b"=")
                || before.ends_with(b"(")
                || before.ends_with(b",")
                || before.starts_with(b"return")
            {
                Quote::Value
            } else {
                Quote::Closes
            }
        } else if !rest.is_empty() || after_header {
            Quote::Opens
        } else {
            Quote::Closes
        })
    }
    let lines: Vec<_> = hunk.lines().collect();
    let mut out = vec![false; lines.len()];
    // The old file's lines (context and removed), then the new file's.
    for skip in [LineKind::Added, LineKind::Removed] {
        let on_side: Vec<usize> = (0..lines.len())
            .filter(|&i| !matches!(lines[i].kind, LineKind::NoNewline) && lines[i].kind != skip)
            .collect();
        let header = |k: usize| {
            k > 0 && {
                let above = trim(lines[on_side[k - 1]].text);
                above.ends_with(b":")
                    && (above.starts_with(b"def ")
                        || above.starts_with(b"async def ")
                        || above.starts_with(b"class "))
            }
        };
        // Inside a docstring at the hunk's start when the side's first odd quote closes one.
        let mut inside = on_side.iter().enumerate().find_map(|(k, &i)| {
            quote(trim(lines[i].text), header(k)).filter(|q| *q != Quote::Whole)
        }) == Some(Quote::Closes);
        let mut value = false;
        for (k, &i) in on_side.iter().enumerate() {
            let text = trim(lines[i].text);
            match quote(text, header(k)) {
                None => out[i] |= inside && !value,
                Some(Quote::Whole) => out[i] |= !value,
                Some(_) if inside => {
                    out[i] |= !value;
                    inside = false;
                    value = false;
                }
                Some(q) => {
                    inside = true;
                    value = q == Quote::Value;
                    out[i] |= !value;
                }
            }
        }
    }
    out
}

/// Reads a lint table's entry (`ref_option = "allow"`, `needless_continue = { level =
/// "warn", priority = 1 }`): the lint and its level.
fn lint_level(text: &[u8]) -> Option<(String, String)> {
    let text = text.to_str().ok()?;
    let (name, value) = text.split_once('=')?;
    let name = name.trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let value = value.split('#').next()?.trim();
    let value = match value.strip_prefix('{') {
        Some(table) => table.split(',').find_map(|part| {
            let (key, level) = part.split_once('=')?;
            (key.trim() == "level").then_some(level)
        })?,
        None => value,
    };
    let level = value.trim().trim_end_matches('}').trim().trim_matches('"');
    matches!(level, "allow" | "warn" | "deny" | "forbid" | "expect")
        .then(|| (name.to_owned(), level.to_owned()))
}

/// The words or terms a hunk swaps (see [`super::words::word_swaps`]); on a page, one term
/// whose marks split it differently (`--python-pin` → `--pin-python` is two words swapped,
/// one term).
fn swaps_of(
    old: &[&[u8]],
    new: &[&[u8]],
    prose: bool,
    lang: Lang,
) -> Option<Vec<super::words::Swap>> {
    let words = super::words::word_swaps(old, new, prose);
    if lang != Lang::Markdown || words.as_ref().is_some_and(|w| w.len() == 1) {
        return words;
    }
    let terms = super::words::term_swaps(old, new);
    match (words, terms) {
        (Some(words), Some(terms)) if terms.len() >= words.len() => Some(words),
        (words, terms) => terms.or(words),
    }
}

/// Whether a Markdown hunk whose file was not read starts inside fenced code, told by its
/// first fence line: one that names a language (```` ```sh ````) only opens; a bare one
/// closes when a blank line or the hunk's end follows it, as code follows an opening one.
fn starts_fenced(hunk: &Hunk) -> bool {
    let lines: Vec<_> = hunk.lines().map(|l| l.text.to_str_lossy()).collect();
    let Some(at) = lines.iter().position(|l| crate::headings::is_fence(l)) else {
        return false;
    };
    let info = lines[at].trim().trim_start_matches(['`', '~']).trim();
    info.is_empty() && lines.get(at + 1).is_none_or(|next| next.trim().is_empty())
}

fn is_comment(t: &[u8]) -> bool {
    t.starts_with(b"//")
        || t.starts_with(b"#")
            && !t.starts_with(b"#[")
            && !t.starts_with(b"#include")
            && !t.starts_with(b"#define")
            && !t.starts_with(b"#if")
            && !t.starts_with(b"#!")
        || t.starts_with(b"/*")
        || t.starts_with(b"* ")
        || t == b"*"
        || t.starts_with(b"*/")
        || t.starts_with(b"<!--")
        || t.starts_with(b"\"\"\"")
        || t.starts_with(b"--")
}

/// Returns the step a CI line names (`- name: Set up Go` → `Set up Go`), if it names one.
fn step_name(t: &[u8]) -> Option<String> {
    let t = t.to_str_lossy();
    let name = t
        .strip_prefix("- name:")?
        .trim()
        .trim_matches(['"', '\''])
        .trim();
    (!name.is_empty() && name.len() <= 40 && !name.contains("${{")).then(|| name.to_owned())
}

/// One `key = value` (or `key: value`) line of a configuration file.
#[derive(Debug, Clone)]
pub(crate) struct Setting {
    /// On the new side (else the old).
    pub added: bool,
    pub key: String,
    pub value: String,
    /// In a TOML file, the table the line sits in, when a header says it.
    pub place: Option<super::tables::Place>,
}

/// The dotted parts of a TOML table header (`[tasks."build:gen-protos"]`, `[profile.dev]`),
/// quotes dropped; `None` for other lines and for arrays of tables (`[[grammar]]`).
fn toml_table(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    if inner.starts_with('[') || inner.is_empty() || inner.len() > 80 {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let (part, after) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"')?;
                (&quoted[..end], &quoted[end + 1..])
            }
            None => match rest.find('.') {
                Some(dot) => (&rest[..dot], &rest[dot..]),
                None => (rest, ""),
            },
        };
        let part = part.trim();
        let bare = part
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '/' | '@' | ' '));
        if part.is_empty() || !bare {
            return None;
        }
        parts.push(part.to_owned());
        rest = after.trim_start();
        rest = match rest.strip_prefix('.') {
            Some(r) => r.trim_start(),
            None if rest.is_empty() => rest,
            None => return None,
        };
    }
    Some(parts)
}

/// The words of a comment line without its markers (`//`, `#`, `/*`, `*`, `*/`).
fn comment_words(t: &[u8]) -> String {
    let t = t.to_str_lossy();
    let t = t.trim_start_matches(['/', '#', '*', '!', '-', '"', '<']);
    let t = t.trim_end_matches(['/', '*', '"', '>', '-']);
    t.trim().to_owned()
}

/// Substring searchers, built on first use and kept: building one costs more than searching a
/// short line with it, and the predicates below run on every changed line.
struct Needles {
    needles: &'static [&'static [u8]],
    finders: OnceLock<Vec<Finder<'static>>>,
}

impl Needles {
    const fn new(needles: &'static [&'static [u8]]) -> Self {
        Needles {
            needles,
            finders: OnceLock::new(),
        }
    }

    /// Tells whether any of the needles occurs in `t`.
    fn any_in(&self, t: &[u8]) -> bool {
        self.finders
            .get_or_init(|| self.needles.iter().map(Finder::new).collect())
            .iter()
            .any(|f| f.find(t).is_some())
    }
}

fn is_condition(t: &[u8]) -> bool {
    const STARTS: &[&[u8]] = &[
        b"if ", b"if(", b"} else", b"else", b"elif ", b"match ", b"case ", b"switch", b"catch",
        b"} catch", b"except", b"try", b"guard ", b"when ", b"unless ",
    ];
    static OPERATORS: Needles = Needles::new(&[b" ?? ", b"?.", b" && ", b" || "]);
    STARTS.iter().any(|s| t.starts_with(s)) || OPERATORS.any_in(t)
}

fn is_early_exit(t: &[u8]) -> bool {
    static ERR: Needles = Needles::new(&[b"Err("]);
    t.starts_with(b"return")
        || t.starts_with(b"throw ")
        || t.starts_with(b"raise ")
        || t.starts_with(b"panic!")
        || t.starts_with(b"bail!")
        || t.starts_with(b"continue")
        || t.starts_with(b"break")
        || ERR.any_in(t)
        || t.ends_with(b"?;")
}

/// The items a hunk of a configuration file puts into lists, `(key, item)`, when that is
/// all it does: each changed line is an item of a list (`"fodt",`, `{ glob = ".x" }, #
/// note`), opens one (`file-types = [`, also with its items on the line) or closes one; each
/// list keeps all it had, in order, and gains at least one. The list a hunk starts inside is
/// named by the hunk's heading (`@@ … @@ file-types = [`) or by a line above the change.
fn list_appends(hunk: &crate::diff::Hunk) -> Option<ListChange> {
    // Per key: the items on the old side (0) and on the new side (1).
    type Lists = Vec<(String, [Vec<String>; 2])>;
    fn sides_of<'l>(lists: &'l mut Lists, key: &str) -> &'l mut [Vec<String>; 2] {
        let at = match lists.iter().position(|l| l.0 == key) {
            Some(at) => at,
            None => {
                lists.push((key.to_owned(), Default::default()));
                lists.len() - 1
            }
        };
        &mut lists[at].1
    }
    let mut lists: Lists = Vec::new();
    let start = list_opener(&hunk.section.to_str_lossy()).map(|(k, _)| k);
    let mut open: [Option<String>; 2] = [start.clone(), start.clone()];
    // The lists whose opening line the new side shows (or the hunk's header): items taken
    // out of a list still there, not a key dropped whole (`-authors = ["Jane"]`).
    let mut kept: Vec<String> = start.into_iter().collect();
    let mut changed = false;
    for line in hunk.lines() {
        let text = line.text.to_str_lossy();
        let text = text.trim();
        let sides: &[usize] = match line.kind {
            LineKind::Context => &[0, 1],
            LineKind::Removed => &[0],
            LineKind::Added => &[1],
            LineKind::NoNewline => continue,
        };
        let edit = line.kind != LineKind::Context;
        changed |= edit;
        for &side in sides {
            if let Some((key, items)) = list_opener(text) {
                if side == 1 && !kept.contains(&key) {
                    kept.push(key.clone());
                }
                let closed = items.is_some();
                sides_of(&mut lists, &key)[side].extend(items.unwrap_or_default());
                open[side] = (!closed).then_some(key);
                continue;
            }
            if text.starts_with(']') {
                open[side] = None;
                continue;
            }
            match (&open[side], list_item(text)) {
                // Context inside a list counts on both sides; only changes matter.
                (Some(key), Some(item)) if edit => sides_of(&mut lists, key)[side].push(item),
                (Some(_), Some(_)) => {}
                // A comment put in or taken out with its item says why (`# pulled in by
                // hyper` above `{ name = "socket2" }` in `deny.toml`).
                (Some(_), None) if text.starts_with('#') || text.starts_with("//") => {}
                _ if edit && !text.is_empty() => return None,
                _ => {}
            }
        }
    }
    if !changed {
        return None;
    }
    let mut out = ListChange::default();
    for (key, [old, new]) in lists {
        // Every old item kept, wherever the new ones went (`"fodt"` before the list's last
        // `"gpx"`); or every new one there before: items only taken out.
        let gone: Vec<&String> = old.iter().filter(|o| !new.contains(o)).collect();
        let came: Vec<&String> = new.iter().filter(|n| !old.contains(n)).collect();
        if !gone.is_empty() && (!came.is_empty() || !kept.contains(&key)) {
            return None;
        }
        out.added
            .extend(came.into_iter().map(|item| (key.clone(), item.clone())));
        out.removed
            .extend(gone.into_iter().map(|item| (key.clone(), item.clone())));
    }
    (!out.added.is_empty() || !out.removed.is_empty()).then_some(out)
}

/// Items put into or taken out of lists of a configuration file, `(key, item)`.
#[derive(Debug, Default)]
struct ListChange {
    added: Vec<(String, String)>,
    removed: Vec<(String, String)>,
}

/// A line that opens a list, `key = [` (or `key: [`), as its key, and its items when it
/// closes the list on the same line (`file-types = ["pl", "pm"]`).
fn list_opener(text: &str) -> Option<(String, Option<Vec<String>>)> {
    let (key, rest) = text.split_once(['=', ':'])?;
    let key = key.trim().trim_matches('"');
    let rest = rest.trim_start();
    let inner = rest.strip_prefix('[')?;
    if key.is_empty()
        || key.len() > 40
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return None;
    }
    let inner = inner.trim();
    let Some(body) = inner
        .strip_suffix(',')
        .unwrap_or(inner)
        .trim_end()
        .strip_suffix(']')
    else {
        return inner.is_empty().then(|| (key.to_owned(), None));
    };
    Some((key.to_owned(), Some(quoted_items(body)?)))
}

/// The quoted items of a list's body (`"a", "b",`); `None` when anything else is in it.
pub(crate) fn quoted_items(body: &str) -> Option<Vec<String>> {
    body.split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(|i| quoted(i).map(str::to_owned))
        .collect()
}

/// An item of a list on a line of its own: `"fodt",`, `{ glob = ".kube/kuberc" },`, with a
/// trailing `# comment`; its text.
fn list_item(text: &str) -> Option<String> {
    let text = match text.find(" #") {
        Some(at) if text[..at].trim_end().ends_with([',', '"', '}']) => text[..at].trim_end(),
        _ => text,
    };
    let text = text.strip_suffix(',').unwrap_or(text).trim();
    if let Some(table) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        // One key given one string: `{ glob = "x" }`.
        let (_, value) = table.split_once('=')?;
        return quoted(value.trim()).map(str::to_owned);
    }
    quoted(text).map(str::to_owned)
}

/// The text of a string literal that is the whole of `text`.
fn quoted(text: &str) -> Option<&str> {
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .or_else(|| text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')))?;
    (!inner.is_empty() && !inner.contains(['"', '\''])).then_some(inner)
}

/// How many distinct words of its changed code a file keeps in `mentions`.
const MENTIONS: usize = 400;

/// Adds the words of a line of code that could name a package (`wax::Glob` gives `wax`,
/// `glob`), lower case, to `out`, each once; `out` stays sorted. A word is lowered on the
/// stack and allocated only when it is new: this runs over every changed line of code.
fn mention_words(text: &[u8], out: &mut Vec<String>) {
    let mut lower = [0u8; 40];
    for word in text.split(|b| !(b.is_ascii_alphanumeric() || *b == b'_')) {
        if word.len() < 2 || word.len() > lower.len() || !word[0].is_ascii_alphabetic() {
            continue;
        }
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        if let Err(at) = out.binary_search_by(|w| w.as_bytes().cmp(lower))
            && out.len() < MENTIONS
        {
            // ASCII letters, digits and `_` only: valid UTF-8.
            out.insert(at, String::from_utf8_lossy(lower).into_owned());
        }
    }
}

fn is_import(t: &[u8]) -> bool {
    static IMPORT: Needles = Needles::new(&[b" import "]);
    static REQUIRE: Needles = Needles::new(&[b"require("]);
    static FROM: Needles = Needles::new(&[b" from "]);
    t.starts_with(b"use ")
        || t.starts_with(b"pub use ")
        || t.starts_with(b"import ")
        || t.starts_with(b"from ") && IMPORT.any_in(t)
        || t.starts_with(b"#include")
        || REQUIRE.any_in(t)
        || t.starts_with(b"export * from")
        || t.starts_with(b"export {") && FROM.any_in(t)
}

/// A line inside an import written over several lines: paths and names (`body::Body,`,
/// `extract::{rejection::ExtensionRejection, FromRequest},`, `Foo as Bar,`), nothing that
/// calls or assigns.
fn is_import_item(t: &[u8]) -> bool {
    !t.is_empty()
        && t.iter().all(|&b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'_' | b':' | b'{' | b'}' | b',' | b' ' | b'*' | b'$')
        })
        && t.ends_with(b",")
}

fn is_log(t: &[u8]) -> bool {
    static NEEDLES: Needles = Needles::new(&[
        b"console.",
        b"println!",
        b"eprintln!",
        b"print(",
        b"log.",
        b"logger.",
        b"debug!",
        b"warn!",
        b"info!",
        b"trace!",
        b"fmt.Print",
        b"logging.",
    ]);
    NEEDLES.any_in(t)
}

/// Counts a hunk toward a "the file only does this" pattern (only exports, only removes
/// log calls): one that does it, its names gathered (each once, at most `cap`), or one that
/// touches only comments and blank lines (`quiet`).
fn tally<T: PartialEq>(
    found: Option<Vec<T>>,
    quiet: bool,
    hunks: &mut u32,
    names: &mut Vec<T>,
    cap: usize,
) {
    match found {
        Some(found) => {
            *hunks += 1;
            for name in found {
                if names.len() < cap && !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        None if quiet => *hunks += 1,
        None => {}
    }
}

/// How many parentheses a line opens and leaves open (negative when it closes more): a
/// call whose arguments run on to the next lines.
fn paren_depth(t: &[u8]) -> i32 {
    t.iter().fold(0i32, |d, b| match b {
        b'(' => d + 1,
        b')' => d - 1,
        _ => d,
    })
}

/// Reads one side's changed lines as a run of calls: the lines a call's arguments run on to
/// are skipped, and so are blank lines and comments; `each` reads every other line and gives
/// the call it opens (`Some(Some(name))`), `Some(None)` for a line that may stand beside the
/// calls (an import), or `None` for a line that breaks the run. The calls, each once in
/// order, and whether every call closed; `None` when a line broke the run.
fn calls_on(
    lines: &[&[u8]],
    mut each: impl FnMut(&[u8]) -> Option<Option<String>>,
) -> Option<(Vec<String>, bool)> {
    let mut calls = Vec::new();
    // Parentheses a call opened and has not closed yet.
    let mut open = 0i32;
    for line in lines {
        let t = trim(line);
        if open > 0 {
            open += paren_depth(t);
            continue;
        }
        if t.is_empty() || is_comment(t) {
            continue;
        }
        if let Some(call) = each(t)? {
            if !calls.contains(&call) {
                calls.push(call);
            }
            open = paren_depth(t).max(0);
        }
    }
    Some((calls, open == 0))
}

/// The calls one hunk removes, when removing print or log calls is all it does: every
/// removed line is such a call or the rest of one (its arguments on the lines below), every
/// other changed line blank or a comment. Each call is named by what it calls
/// (`println!`, `console.log`, `logger.info`). `None` for any other hunk, or one whose lines
/// were not all kept.
fn removed_logs(old: &[&[u8]], new: &[&[u8]], (minus, plus): (u32, u32)) -> Option<Vec<String>> {
    if old.len() != minus as usize || new.len() != plus as usize || minus == 0 {
        return None;
    }
    if !new.iter().all(|l| {
        let t = trim(l);
        t.is_empty() || is_comment(t)
    }) {
        return None;
    }
    let (calls, closed) = calls_on(old, |t| {
        if !(is_log(t) || t.starts_with(b"dbg!(")) {
            return None;
        }
        let call = t.split(|&b| b == b'(').next().unwrap_or(t);
        let call = call.strip_prefix(b"await ").unwrap_or(call);
        let call = String::from_utf8_lossy(call).trim().to_owned();
        (!call.is_empty() && !call.contains(' ') && !call.contains('=')).then_some(Some(call))
    })?;
    (!calls.is_empty() && closed).then_some(calls)
}

/// The log calls one hunk adds, when adding them is all it does: every added line is a
/// call to a logger's level (`log.Debugf(…)`, `tracing::warn!(…)`, `logger.info(…)`) or the
/// rest of one, an import (Go's `"github.com/apex/log"` in its block), a comment or blank;
/// nothing removed. Prints (`println!`, `console.log`) are output, not logging: `None`. A
/// hunk of imports alone counts, naming no call.
fn added_logs(old: &[&[u8]], new: &[&[u8]], (minus, plus): (u32, u32)) -> Option<Vec<String>> {
    if old.len() != minus as usize || new.len() != plus as usize || minus > 0 || plus == 0 {
        return None;
    }
    let go_import = |t: &[u8]| {
        t.len() > 2
            && t.starts_with(b"\"")
            && t.ends_with(b"\"")
            && !t.contains(&b' ')
            && t.contains(&b'/')
    };
    let mut imports = 0;
    let (calls, closed) = calls_on(new, |t| {
        if is_import(t) || go_import(t) {
            imports += 1;
            return Some(None);
        }
        log_call(t).map(Some)
    })?;
    (closed && (!calls.is_empty() || imports > 0)).then_some(calls)
}

/// The logger call a line opens with, by what it calls (`log.Debugf`, `warn!`), when the
/// last part of that name is a log level; `None` for prints and any other line.
fn log_call(t: &[u8]) -> Option<String> {
    let t = t.strip_prefix(b"await ").unwrap_or(t);
    let open = t.iter().position(|&b| b == b'(')?;
    let call = std::str::from_utf8(&t[..open]).ok()?.trim();
    if call.is_empty()
        || !call
            .chars()
            .all(|c| c.is_alphanumeric() || "_.:!$".contains(c))
    {
        return None;
    }
    let level = log_level(call)?;
    // A bare `error(…)` or `warn(…)` is some function of the program, not a logger.
    (call.contains(['.', ':', '!']) || level == "debug").then(|| call.to_owned())
}

/// The level a logger call logs at: `debug` (for trace too), `warning`, `error` or `info`.
pub(crate) fn log_level(call: &str) -> Option<&'static str> {
    let last = call
        .trim_end_matches('!')
        .rsplit(['.', ':'])
        .next()?
        .to_ascii_lowercase();
    let last = last.strip_suffix('f').unwrap_or(&last);
    let last = last.strip_suffix("ln").unwrap_or(last);
    match last {
        "debug" | "trace" => Some("debug"),
        "warn" | "warning" => Some("warning"),
        "error" | "err" => Some("error"),
        "info" => Some("info"),
        _ => None,
    }
}

/// Tells whether a line raises an error or builds one: `fmt.Errorf(`, `errors.New(`,
/// `bail!(`, `anyhow!(`, `panic!(`, `throw new …Error(`, `raise …(`, `.expect(`.
fn raises(t: &[u8]) -> bool {
    static NEEDLES: Needles = Needles::new(&[
        b"Errorf(",
        b"errors.New(",
        b"bail!(",
        b"anyhow!(",
        b"panic!(",
        b"Error(",
        b"Error::new(",
        b".expect(",
        b"Exception(",
        b"unreachable!(",
        b"err_msg(",
    ]);
    t.starts_with(b"raise ") || t.starts_with(b"throw ") || NEEDLES.any_in(t)
}

/// The line with the text of its string literals taken out (the quotes kept), for telling
/// whether two lines differ only in what they say. Single quotes delimit strings except in
/// Rust, where they open lifetimes and characters.
fn without_strings(t: &[u8], lang: Lang) -> Vec<u8> {
    let mut out = Vec::with_capacity(t.len());
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    for &b in t {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == q {
                    out.push(b);
                    quote = None;
                }
            }
            None => {
                out.push(b);
                if b == b'"' || b == b'`' || b == b'\'' && lang != Lang::Rust {
                    quote = Some(b);
                }
            }
        }
    }
    out
}

/// The messages one hunk rewords, `(error, count)`, when that is all it does: each removed
/// line is followed by its added twin, the two the same outside their string literals, and
/// each raises an error or logs (`error` when one raises). `None` for any other hunk.
fn reworded_messages(
    old: &[&[u8]],
    new: &[&[u8]],
    (minus, plus): (u32, u32),
    lang: Lang,
) -> Option<(bool, u32)> {
    if old.len() != minus as usize || new.len() != plus as usize || minus == 0 || minus != plus {
        return None;
    }
    let mut error = false;
    for (o, n) in old.iter().zip(new) {
        let (o, n) = (trim(o), trim(n));
        if o == n || without_strings(o, lang) != without_strings(n, lang) {
            return None;
        }
        if raises(n) {
            error = true;
        } else if !is_log(n) {
            return None;
        }
    }
    Some((error, minus))
}

/// The lint and type-checker directives a hunk adds (`+eslint-disable`) and removes
/// (`-@ts-ignore`), when every changed line is one or blank; `None` otherwise, or when the
/// hunk's lines were not all kept.
fn lint_directives(old: &[&[u8]], new: &[&[u8]], counts: (u32, u32)) -> Option<Vec<String>> {
    every_line(old, new, counts, directive)
}

/// The strings one row gained, each with its key, when a hunk changes one row into the same
/// row with more strings and none taken away: `(&["devicetree"], &["*.dts", "*.dtsi"]),`
/// → `… "*.dtsi", "*.dtso"]),` gains `*.dtso`.
fn row_gains(old: &[&[u8]], new: &[&[u8]]) -> Option<Vec<(String, String)>> {
    let ([old], [new]) = (old, new) else {
        return None;
    };
    let (old, new) = (
        String::from_utf8_lossy(trim(old)),
        String::from_utf8_lossy(trim(new)),
    );
    let key = row_key(&new)?;
    if row_key(&old)? != key {
        return None;
    }
    gains(key, &strings_in(&old), &strings_in(&new))
}

/// The quoted strings of a line: `("a", &["*.b"]),` → `a`, `*.b`.
fn strings_in(line: &str) -> Vec<String> {
    (line.split('"').skip(1).step_by(2))
        .map(str::to_owned)
        .collect()
}

/// The strings `now` has that `was` had not, each with `key`, when it lost none; blank
/// strings are no gain.
fn gains(key: &str, was: &[String], now: &[String]) -> Option<Vec<(String, String)>> {
    let gained: Vec<(String, String)> = (now.iter())
        .filter(|s| !was.contains(s) && !s.trim().is_empty())
        .map(|s| (key.to_owned(), s.clone()))
        .collect();
    (!gained.is_empty() && was.iter().all(|s| now.contains(s))).then_some(gained)
}

/// The strings of a line that holds quoted strings and nothing else (commas between, a
/// comment after): `".login", ".profile",` → `.login`, `.profile`.
fn string_list(line: &str) -> Option<Vec<String>> {
    if !crate::doc_comments::is_string_list(line) {
        return None;
    }
    let items = strings_in(line.split(" //").next().unwrap_or(line));
    items.iter().all(|i| !i.trim().is_empty()).then_some(items)
}

/// The strings a hunk puts into a line of a row written over lines, each with the row's
/// key, when that is all the hunk does: one line of strings replaced by one with more, the
/// row's first line (`(&["sh"], &[`) among the lines above it.
fn row_line_gains(hunk: &crate::diff::Hunk) -> Option<Vec<(String, String)>> {
    // The row's first line git read above the hunk, when it did.
    let above = hunk.above.to_str_lossy();
    let mut key = above.trim().split('"').nth(1).map(str::to_owned);
    let (mut old, mut new) = (None, None);
    for line in hunk.lines() {
        let text = line.text.to_str_lossy();
        let t = text.trim();
        match line.kind {
            LineKind::Context if old.is_none() && new.is_none() => {
                if t.starts_with('(') && t.ends_with('[') {
                    key = t.split('"').nth(1).map(str::to_owned);
                } else if t.ends_with("]),") || t.starts_with(')') {
                    key = None;
                }
            }
            LineKind::Removed if old.is_none() => old = Some(string_list(t)?),
            LineKind::Added if new.is_none() => new = Some(string_list(t)?),
            LineKind::Removed | LineKind::Added => return None,
            _ => {}
        }
    }
    gains(&key?, &old?, &new?)
}

/// The keys of the rows a hunk adds to a table written in code (`+key`) and takes from it
/// (`-key`), one row a line, keyed by its first string: ripgrep's `("ada", &["*.adb",
/// "*.ads"]),` in `DEFAULT_TYPES`, a match arm `"ada" => Lang::Ada,`. `None` unless every
/// changed line is such a row or blank.
fn keyed_rows(old: &[&[u8]], new: &[&[u8]], counts: (u32, u32)) -> Option<Vec<String>> {
    every_line(old, new, counts, |line| row_key(line).map(str::to_owned))
}

/// What `read` makes of each changed line of a hunk, signed by its side (`-x`, `+y`), each
/// once; `None` when a line that is not blank reads as nothing, when the hunk changes no
/// line, or when its lines were not all kept.
fn every_line(
    old: &[&[u8]],
    new: &[&[u8]],
    (minus, plus): (u32, u32),
    read: impl Fn(&str) -> Option<String>,
) -> Option<Vec<String>> {
    if old.len() != minus as usize || new.len() != plus as usize || minus + plus == 0 {
        return None;
    }
    let mut out = Vec::new();
    for (sign, lines) in [('-', old), ('+', new)] {
        for line in lines {
            let t = trim(line);
            if t.is_empty() {
                continue;
            }
            let entry = format!("{sign}{}", read(&String::from_utf8_lossy(t))?);
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The key of a table row written on one line of code: the string that opens a tuple, array
/// or struct literal closed on the same line (`("ada", &["*.adb"]),`, `(&["pkgbuild"],
/// &["PKGBUILD"]),`, `{"go", Go},`), or a match arm's (`"ada" => Lang::Ada,`).
fn row_key(line: &str) -> Option<&str> {
    let t = line.trim_end_matches(',');
    let (body, closer) = match t.as_bytes().first()? {
        b'(' => (&t[1..], Some(')')),
        b'[' => (&t[1..], Some(']')),
        b'{' => (&t[1..], Some('}')),
        b'"' => (t, None),
        _ => return None,
    };
    // The key may sit in a list of its own: `(&["pkgbuild"], &["PKGBUILD"]),`.
    let body = body.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '&' | '['));
    let rest = body.strip_prefix('"')?;
    let end = rest.find('"')?;
    let key = &rest[..end];
    let after = rest[end + 1..].trim_start_matches(|c: char| c.is_whitespace() || c == ']');
    let balanced = |open: char, close: char| t.matches(open).count() == t.matches(close).count();
    let shaped = match closer {
        Some(closer) => after.starts_with(',') && t.ends_with(closer),
        None => after.starts_with("=>") && after.len() > 2,
    };
    (shaped
        && balanced('(', ')')
        && balanced('[', ']')
        && balanced('{', '}')
        && !key.trim().is_empty()
        && key.len() <= 40
        && !key.contains('\\'))
    .then_some(key)
}

/// The directive a line is, by the name people give it: `eslint-disable` (for every
/// `eslint-disable-next-line …`), `prettier-ignore`, `@ts-expect-error`, `noqa`,
/// `allow(clippy::too_many_arguments)`; `None` for a line that is anything else.
pub(crate) fn directive(line: &str) -> Option<String> {
    let t = line.trim();
    // `#[allow(…)]`, `#![expect(…)]` on a line of their own.
    for open in ["#[", "#!["] {
        if let Some(rest) = t.strip_prefix(open).and_then(|r| r.strip_suffix(']'))
            && (rest.starts_with("allow(") || rest.starts_with("expect("))
        {
            return Some(rest.to_owned());
        }
    }
    // A comment holding a known directive, and nothing but the directive's own words.
    let comment = ["//", "#", "/*", "<!--", "--", "*"]
        .iter()
        .find_map(|c| t.strip_prefix(c))?
        .trim_start_matches(['/', '*', '!'])
        .trim();
    const NAMES: &[(&str, &str)] = &[
        ("eslint-disable", "eslint-disable"),
        ("eslint-enable", "eslint-enable"),
        ("oxlint-disable", "oxlint-disable"),
        ("biome-ignore", "biome-ignore"),
        ("prettier-ignore", "prettier-ignore"),
        ("oxfmt-ignore", "oxfmt-ignore"),
        ("dprint-ignore", "dprint-ignore"),
        ("deno-lint-ignore", "deno-lint-ignore"),
        ("stylelint-disable", "stylelint-disable"),
        ("markdownlint-disable", "markdownlint-disable"),
        ("cspell:disable", "cspell:disable"),
        ("@ts-ignore", "@ts-ignore"),
        ("@ts-expect-error", "@ts-expect-error"),
        ("@ts-nocheck", "@ts-nocheck"),
        ("noqa", "noqa"),
        ("type: ignore", "type: ignore"),
        ("pylint: disable", "pylint: disable"),
        ("nolint", "nolint"),
        ("istanbul ignore", "istanbul ignore"),
        ("c8 ignore", "c8 ignore"),
        ("rubocop:disable", "rubocop:disable"),
    ];
    let lower = comment.to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(start, _)| lower.starts_with(start))
        .map(|(_, name)| (*name).to_owned())
}

fn is_assert(t: &[u8]) -> bool {
    static NEEDLES: Needles = Needles::new(&[
        b"assert",
        b"expect(",
        b".to",
        b"require.",
        b"t.Error",
        b"t.Fatal",
    ]);
    NEEDLES.any_in(t)
}

/// Removes all ASCII whitespace, for comparing two sides of a re-formatted hunk.
fn squeeze(text: &[u8], out: &mut Vec<u8>) {
    out.extend(text.iter().copied().filter(|b| !b.is_ascii_whitespace()));
}

/// Follows deprecation markers through a hunk's added and context lines, in order: a
/// marker (with its note, over lines when `#[deprecated(` goes on), then the item it marks,
/// named by its definition (or a Go field); a Python `warnings.warn(` call whose text ends
/// in `DeprecationWarning` names its item in its message.
fn deprecation_line(
    text: &str,
    added: bool,
    (comment, def, lang): (bool, Option<&Def>, Lang),
    (marked, open, warning): (&mut Option<Option<String>>, &mut bool, &mut Option<String>),
    found: &mut Vec<super::deprecation::Deprecation>,
) {
    use super::deprecation::{self as dep, Deprecation};
    let mut push = |name: String, instead: Option<String>| {
        if found.len() < 8 && !found.iter().any(|d| d.name == name) {
            found.push(Deprecation { name, instead });
        }
    };
    if lang == Lang::Python && added {
        if text.contains("warn(") {
            *warning = Some(String::new());
        }
        if let Some(buffer) = warning.as_mut() {
            if buffer.len() < 600 {
                buffer.push(' ');
                buffer.push_str(text);
            }
            // A warning that names nothing deprecates a use, not the item it sits in
            // (haystack's `Connecting a Component to itself is deprecated` in `connect`).
            if text.contains("DeprecationWarning") {
                if let Some(name) = dep::named_in_message(buffer) {
                    push(name, None);
                }
                *warning = None;
            }
        }
        return;
    }
    if added && let Some(instead) = dep::marker(text) {
        *marked = Some(instead);
        *open = dep::is_open(text);
        return;
    }
    if *open {
        if let Some(None) = marked {
            *marked = Some(dep::instead(text));
        }
        *open = !text.trim_end().ends_with(")]");
        return;
    }
    if comment || text.starts_with("#[") || text.starts_with('@') {
        return;
    }
    if let Some(instead) = marked.take() {
        let name = match def {
            Some(d) => Some(d.name.clone()),
            None if lang == Lang::Go => dep::field_name(text),
            None => None,
        };
        if let Some(name) = name {
            push(name, instead);
        }
    }
}

/// Tells whether a hunk changes lines in place: each run of removed lines followed at once
/// by as many added ones, no line taken out in one place and put in at another.
fn in_place(body: &[u8]) -> bool {
    // The removed and added lines of the current run of changed lines.
    let (mut run_old, mut run_new) = (0usize, 0usize);
    let mut in_place = true;
    for line in body.lines_with_terminator() {
        match line.first() {
            Some(b'-') => {
                // A removed line after added ones opens another pairing in the same run.
                in_place &= run_new == 0;
                run_old += 1;
            }
            Some(b'+') => run_new += 1,
            // `\ No newline at end of file` belongs to the line above it.
            Some(b'\\') => {}
            _ => {
                in_place &= run_old == run_new;
                (run_old, run_new) = (0, 0);
            }
        }
    }
    in_place && run_old == run_new
}

/// Tells whether a hunk puts the same import lines in another order: its removed and added
/// lines, blank ones aside, are the same imports (`use`, `import`, a Go import block's
/// quoted paths), not in the same order. A formatter's sorting (wezterm's `rustfmt`, which
/// moved `use uuid::Uuid;` below `use std::sync::LazyLock;`).
fn imports_reordered(old: &[&[u8]], new: &[&[u8]], body: &[u8], lang: Lang) -> bool {
    let import = |l: &[u8]| {
        let t = trim(l);
        // `"fmt"`, `yaml "gopkg.in/yaml.v3"` in Go's `import (` block: a path (no spaces),
        // bare or after one alias; `return "a"` and `case "b"` are no imports.
        let go_path = lang == Lang::Go && t.ends_with(b"\"") && {
            let opening = t.iter().position(|&b| b == b'"').unwrap_or(0);
            let alias = t[..opening].trim_ascii();
            let path = &t[opening..];
            alias
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                && !matches!(alias, b"return" | b"case" | b"default" | b"go" | b"defer")
                && !path.contains(&b' ')
        };
        is_import(t) || go_path
    };
    let lines = |side: &[&[u8]]| -> Option<Vec<Vec<u8>>> {
        let mut kept: Vec<Vec<u8>> = Vec::new();
        for l in side {
            let t = trim(l);
            if t.is_empty() {
                continue;
            }
            if !import(l) {
                return None;
            }
            kept.push(t.to_vec());
        }
        Some(kept)
    };
    let (Some(o), Some(n)) = (lines(old), lines(new)) else {
        return false;
    };
    // The same lines in the same order, in place, are no sorting.
    // (The hunk's body is read for that only once every changed line is an import.)
    if o.is_empty() || o == n && in_place(body) {
        return false;
    }
    let (mut so, mut sn) = (o, n);
    so.sort();
    sn.sort();
    so == sn
}

/// Tells whether a line marks an item deprecated: Rust's `#[deprecated…]`, JSDoc's and
/// Java's `@deprecated`/`@Deprecated`, Go's `// Deprecated:`, Python's
/// `DeprecationWarning`, C#'s `[Obsolete`.
fn marks_deprecation(line: &[u8]) -> bool {
    let t = line.trim_start();
    t.starts_with(b"#[deprecated")
        || t.starts_with(b"// Deprecated:")
        || t.starts_with(b"[Obsolete")
        || t.contains_str("@deprecated")
        || t.contains_str("@Deprecated")
        || t.contains_str("DeprecationWarning")
}

/// What changed between the attributes above an item: the traits a `#[derive(…)]` gained
/// (`derive Clone`), else the attributes added (`#[must_use]`); `None` for anything else.
fn attribute_change(old: &[String], new: &[String]) -> Option<String> {
    let derived = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .filter_map(|l| {
                l.strip_prefix("#[derive(")?
                    .strip_suffix(")]")
                    .map(str::to_owned)
            })
            .flat_map(|list| {
                list.split(',')
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let (was, now) = (derived(old), derived(new));
    let gained: Vec<&String> = now.iter().filter(|t| !was.contains(t)).collect();
    if !gained.is_empty() && was.iter().all(|t| now.contains(t)) {
        let names: Vec<&str> = gained.iter().map(|t| t.as_str()).collect();
        return Some(format!("derive {}", names.join(", ")));
    }
    // Attributes added whole, none taken away: as written when short (`#[inline]`,
    // `#[allow(dead_code)]`), else by name (`#[must_use = "futures do nothing …"]` →
    // `#[must_use]`).
    if old.is_empty() && now.is_empty() && !new.is_empty() {
        let short: Vec<String> = new
            .iter()
            .map(|a| {
                let a = a.split("]").next().unwrap_or(a);
                let whole = format!("{a}]");
                if whole.len() <= 24 && !whole.contains('=') && !whole.contains('"') {
                    whole
                } else {
                    let name = a[2..].split(['(', '=', ' ']).next().unwrap_or("");
                    format!("#[{name}]")
                }
            })
            .collect();
        return Some(format!("add {}", short.join(" ")));
    }
    // One attribute given more arguments, none taken away: `#[serde(default)]` →
    // `#[serde(default, deny_unknown_fields)]` adds `#[serde(deny_unknown_fields)]`.
    if let ([old], [new]) = (old, new) {
        let args = |a: &str| -> Option<(String, Vec<String>)> {
            let inner = a.strip_prefix("#[")?.strip_suffix(")]")?;
            let (name, list) = inner.split_once('(')?;
            (!list.contains(['(', ')']) && !name.contains(char::is_whitespace)).then(|| {
                let list = list.split(',').map(|t| t.trim().to_owned());
                (name.to_owned(), list.filter(|t| !t.is_empty()).collect())
            })
        };
        let ((name, was), (same, now)) = (args(old)?, args(new)?);
        let gained: Vec<&str> = (now.iter())
            .filter(|t| !was.contains(t))
            .map(String::as_str)
            .collect();
        if name == same && !gained.is_empty() && was.iter().all(|t| now.contains(t)) {
            return Some(format!("add #[{name}({})]", gained.join(", ")));
        }
    }
    None
}

/// A line of a tree-sitter query that is one word to match and nothing else: `"tool"`.
/// The name of a changelog's heading for changes not yet released: `## [Unreleased]`,
/// `## Unreleased - ReleaseDate`, ripgrep's setext `TBD`, `# Upcoming`.
fn unreleased_heading(line: &[u8]) -> Option<String> {
    let text = line.to_str().ok()?.trim();
    let bare = text.trim_start_matches('#').trim();
    let name = bare.split(" - ").next().unwrap_or(bare).trim();
    let name = name.trim_start_matches('[').trim_end_matches(']');
    let placeholder = matches!(
        name.to_ascii_lowercase().as_str(),
        "unreleased" | "tbd" | "upcoming" | "next" | "next release" | "unreleased changes"
    );
    // A bare word is a heading in setext or a heading of its own; `Next` in prose is not.
    (placeholder && (text.starts_with('#') || bare == text && !name.eq_ignore_ascii_case("next")))
        .then(|| name.to_owned())
}

/// Image file extensions a page or a template points to.
pub(crate) const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"];

/// The file names of the images a line points to: any path or link in it that ends in an
/// image's extension (`doc/sponsors/warp-pack-header.png` → `warp-pack-header.png`).
fn image_names(line: &[u8]) -> Vec<String> {
    // Most added lines are code full of dots: only a dot before an image extension's first
    // three letters is worth splitting the line for (this runs on every added line).
    let mentions = line.windows(4).any(|w| {
        w[0] == b'.'
            && (IMAGE_EXTENSIONS.iter()).any(|e| w[1..].eq_ignore_ascii_case(&e.as_bytes()[..3]))
    });
    if !mentions {
        return Vec::new();
    }
    let text = line.to_str_lossy();
    let mut out = Vec::new();
    for token in text.split(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '(' | ')' | '<' | '>' | '[' | ']' | '=')
    }) {
        let token = token.split(['?', '#']).next().unwrap_or(token);
        let name = token.rsplit('/').next().unwrap_or(token);
        let Some((stem, ext)) = name.rsplit_once('.') else {
            continue;
        };
        if !stem.is_empty() && IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            out.push(name.to_owned());
        }
    }
    out
}

/// The terms a line sets in bold (`If you're a **Void Linux** user` → `Void Linux`): a few
/// words of text, not a bold sentence or a bold label (`**Note:**`).
fn bold_terms(line: &str) -> Vec<String> {
    line.split("**")
        .skip(1)
        .step_by(2)
        .map(str::trim)
        .filter(|t| {
            !t.is_empty()
                && t.split_whitespace().count() <= 4
                && t.len() <= 40
                && !t.ends_with([':', '.', '!', '?'])
                && !t.contains(['`', '[', '*'])
        })
        .map(str::to_owned)
        .collect()
}

/// The words a hunk of a word list takes out and puts in, when every changed line is one
/// word (`overweighing`; a Hunspell entry's affix flags, `ORed/S`, dropped) or the word
/// count a Hunspell `.dic` opens with; `None` for any other hunk.
fn list_words(hunk: &crate::diff::Hunk) -> Option<[Vec<String>; 2]> {
    let mut out: [Vec<String>; 2] = Default::default();
    for line in hunk.lines() {
        let side = match line.kind {
            LineKind::Removed => 0,
            LineKind::Added => 1,
            LineKind::Context | LineKind::NoNewline => continue,
        };
        let text = std::str::from_utf8(line.text).ok()?.trim();
        if text.is_empty() || text.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let word = text.split('/').next().unwrap_or(text);
        let plain = !word.is_empty()
            && word.chars().count() <= 40
            && !word.starts_with('#')
            && !word.contains(char::is_whitespace);
        if !plain {
            return None;
        }
        out[side].push(word.to_owned());
    }
    // A word put back as it was is no change.
    let [removed, added] = &mut out;
    let same: Vec<String> = (removed.iter())
        .filter(|w| added.contains(w))
        .cloned()
        .collect();
    removed.retain(|w| !same.contains(w));
    added.retain(|w| !same.contains(w));
    Some(out)
}

fn query_word(line: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(line).ok()?.trim();
    let word = text.strip_prefix('"')?.strip_suffix('"')?;
    (!word.is_empty() && word.len() <= 30 && !word.contains(['"', '\\', ' ']))
        .then(|| word.to_owned())
}

/// Tells whether two squeezed sides differ in commas alone.
fn same_but_commas(old: &[u8], new: &[u8]) -> bool {
    let keep = |b: &&u8| **b != b',';
    old.iter().filter(keep).eq(new.iter().filter(keep))
}

fn push_def(list: &mut Vec<Def>, def: Def) {
    if list.len() < 64 && !list.iter().any(|d| d.name == def.name) {
        list.push(def);
    }
}

/// Tells whether a context line at column 0 closes the definition above it: a `}` in brace
/// languages, any top-level statement in Python.
fn ends_definition(line: &[u8], lang: Lang) -> bool {
    match (lang, line.first()) {
        (Lang::Markdown | Lang::Other, _) => false,
        (_, Some(b'}')) => true,
        (Lang::Python, Some(&b)) => !b.is_ascii_whitespace() && !matches!(b, b'#' | b'@' | b')'),
        _ => false,
    }
}

/// How many spaces or tabs a line opens with.
fn indent_of(line: &[u8]) -> usize {
    line.iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count()
}

fn add_touch(touched: &mut Vec<(Def, u32)>, def: &Def, weight: u32) {
    if let Some((_, n)) = touched.iter_mut().find(|(t, _)| t.name == def.name) {
        *n += weight;
    } else if touched.len() < 64 {
        touched.push((def.clone(), weight));
    }
}

/// A changelog heading that names a version: `## [1.2.0]`, `# v1.2.0 (2024-01-01)`.
fn is_version_heading(t: &[u8]) -> bool {
    let rest = t.trim_start_with(|c| c == '#').trim_ascii_start();
    if rest.len() == t.len() {
        return false;
    }
    let rest = rest.trim_start_with(|c| c == '[' || c == 'v' || c == 'V');
    // A dated build names one too: wezterm's `### 20240127-113634-bbcac864`.
    let dated = rest.len() > 16
        && rest[..8].iter().all(u8::is_ascii_digit)
        && rest[8] == b'-'
        && rest[9..15].iter().all(u8::is_ascii_digit);
    dated
        || rest.first().is_some_and(u8::is_ascii_digit)
            && rest.iter().take(8).filter(|&&b| b == b'.').count() >= 1
}

/// Tells whether a hunk's removed and added lines are the same text, one side ending in
/// `\r\n` and the other in `\n`. A diff read as text has lost its `\r`s: there, lines that
/// are removed and added back unchanged in the same place can only differ in their
/// endings. In the same place: each run of removed lines followed at once by as many added
/// ones; a line taken out above and put back below was moved (goreleaser's `.travis.yml`
/// tasks put in another order), whatever its endings.
fn swaps_line_endings(body: &[u8]) -> bool {
    if !in_place(body) {
        return false;
    }
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for line in body.lines_with_terminator() {
        match line.first() {
            Some(b'-') => old.push(&line[1..]),
            Some(b'+') => new.push(&line[1..]),
            _ => {}
        }
    }
    let crlf = |side: &[&[u8]]| side.iter().all(|l| l.ends_with(b"\r\n"));
    let lf = |side: &[&[u8]]| side.iter().all(|l| !l.ends_with(b"\r\n"));
    let strip = |l: &[u8]| l.trim_end_with(|c| c == '\r' || c == '\n').to_vec();
    !old.is_empty()
        && old.len() == new.len()
        && (crlf(&old) && lf(&new) || lf(&old) && crlf(&new) || old == new)
        && old.iter().zip(&new).all(|(a, b)| strip(a) == strip(b))
}

/// The newline a hunk's last line gained (`Some(true)`: `\ No newline at end of file`
/// follows the removed line only) or lost (`Some(false)`: the added line only).
fn newline_at_end(body: &[u8]) -> Option<bool> {
    let (mut old_bare, mut new_bare) = (false, false);
    let mut last = 0u8;
    for line in body.lines_with_terminator() {
        match line.first() {
            Some(b'\\') if last == b'-' => old_bare = true,
            Some(b'\\') if last == b'+' => new_bare = true,
            Some(&b) => last = b,
            None => {}
        }
    }
    (old_bare != new_bare).then_some(old_bare)
}

/// Whether a hunk that changes lines in place (see [`in_place`], the caller's to tell) only
/// takes trailing spaces and tabs off them (`Some(true)`), or only puts the last line's
/// newline in (`Some(false)`); `None` for any other change.
fn trims_whitespace(body: &[u8]) -> Option<bool> {
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for line in body.lines() {
        match line.first() {
            Some(b'-') => old.push(line[1..].trim_end_with(|c| c == '\r')),
            Some(b'+') => new.push(line[1..].trim_end_with(|c| c == '\r')),
            _ => {}
        }
    }
    let mut trimmed = false;
    for (o, n) in old.iter().zip(&new) {
        if o.trim_end_with(|c| c == ' ' || c == '\t') != *n {
            return None;
        }
        trimmed |= o != n;
    }
    (old.len() == new.len() && !old.is_empty()).then_some(trimmed)
}

/// Returns the version a changelog heading names: `## [1.2.0] - 2024-01-01` → `1.2.0`.
fn heading_version(t: &[u8]) -> Option<String> {
    let rest = t.trim_start_with(|c| c == '#').trim_ascii_start();
    let rest = rest.trim_start_with(|c| c == '[' || c == 'v' || c == 'V');
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+')))
        .unwrap_or(rest.len());
    let version = rest[..end].to_str().ok()?.trim_end_matches(['.', '-']);
    (!version.is_empty()).then(|| version.to_owned())
}

/// What a changelog section heading says its entries did (`### Fixed` → `fix`, `### New
/// features` → `add`, `### Removed` → `remove`); `None` for a version heading or a section
/// that says no one thing (`### Changed`).
fn changelog_section(heading: &str) -> Option<&'static str> {
    let title = heading.trim_start_matches('#').trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    if has(&["fix", "bug", "security"]) {
        Some("fix")
    } else if has(&["remov"]) {
        Some("remove")
    } else if has(&["deprecat"]) {
        Some("deprecate")
    } else if has(&["add", "new", "feature"]) {
        Some("add")
    } else if has(&["updat"]) {
        Some("update")
    } else {
        None
    }
}

/// Puts a heading on a chain of the headings in force, in place of any as deep or deeper.
fn push_heading(chain: &mut Vec<String>, heading: &str) {
    let level = |h: &str| h.bytes().take_while(|&b| b == b'#').count();
    let this = level(heading);
    chain.retain(|h| level(h) < this);
    chain.push(heading.trim_end().to_owned());
}

/// Where a moved changelog entry went: the outermost heading over it that differs from the
/// one it left (`Unreleased` for an entry moved out of `## [0.38.0]`'s `### Fixed bugs`
/// into `## [Unreleased]`'s), as a title; `None` when it stayed under the same headings.
pub(crate) fn moved_to(from: &[String], to: &[String]) -> Option<String> {
    let at = (0..to.len()).find(|&i| from.get(i) != to.get(i))?;
    heading_title(&to[at])
}

/// A changelog heading as a place to name: `## [Unreleased]` → `Unreleased`, `## [0.38.0]
/// - 2026-02-04` → `0.38.0`, `### Fixed bugs` kept.
fn heading_title(heading: &str) -> Option<String> {
    let title = defs::from_section(heading.trim(), Lang::Markdown)?.name;
    let title = title.split(" - ").next().unwrap_or(&title);
    let title = title.trim().trim_start_matches('[').replace(']', "");
    (!title.is_empty()).then_some(title)
}

/// With no release-note fragment, the entry a changelog gained beside the code it
/// describes is the author's own note for the change (alacritty's `### Fixed` / `- Crashes
/// on GPUs with partial robustness support`). An entry that names a thing, not what was
/// done to it, takes its section's verb (`Fixed crashes on GPUs …`); one that is a sentence
/// (`` `jj run` no longer runs … ``) or opens with a verb stays as written. A release or a
/// batch of entries is left to the rules for those. The flag: the entry names a thing and
/// no section heading was seen to give it a verb.
fn entry_note(a: &Analysis) -> Option<(String, bool)> {
    a.changelog_entries.first().filter(|e| !e.is_empty())?;
    if a.changelog_entries.len() > 2
        || a.changelog_nested
        || a.changelog_removed > 2
        || a.changelog_version
        || a.manifest.release.is_some()
    {
        return None;
    }
    // Beside documentation alone, an entry is the change's own only when it speaks of
    // documentation (ripgrep's `Add note about inverted flags to the man page`, the second
    // of two); one that names a feature (`Added \`format_path(path)\` template alias`)
    // describes an earlier change.
    let docs_only = (a.files.iter()).all(|f| matches!(f.kind, Kind::Note | Kind::Docs));
    // An entry that opens as one the changelog lost was moved or amended (ripgrep's running
    // `Added or improved file type filtering for …` given one more name): not this change's.
    let amended = |entry: &str| {
        (a.changelog_removed_entries.iter()).any(|gone| {
            let gone: Vec<&str> = gone.split_whitespace().take(5).collect();
            gone.len() >= 2 && entry.split_whitespace().take(gone.len()).eq(gone)
        })
    };
    // Of two entries, the one whose issue the code links to (ripgrep's `// See: …/issues/3180`
    // above the new regression test) is the change's; the other was owed by an earlier one.
    let cited = |entry: &String| {
        (super::words::cited_issues(entry, true).iter()).any(|n| a.issues_cited.contains(n))
    };
    let skip = usize::from(
        !docs_only
            && a.changelog_entries.len() == 2
            && !cited(&a.changelog_entries[0])
            && cited(&a.changelog_entries[1]),
    );
    let text = (a.changelog_entries.iter())
        .skip(skip)
        .take(if docs_only { 2 } else { 1 })
        .filter(|e| !amended(e))
        .map(|e| super::words::unlink(e).replace("**", ""))
        .find(|text| {
            !docs_only || super::words::note_phrase(text).is_some_and(|p| speaks_of_docs(&p))
        })?;
    // A trailing reference says nothing to a reader.
    let text = super::words::without_reference(&text).to_owned();
    // `macOS: toast notifications now use …`: the platform goes last, as a sentence says it.
    // axum's `**fixed:** Make the extractor …`: a kind of change, as a section heading says.
    let mut section = a.changelog_section;
    let text = match text.split_once(": ") {
        Some((lead, rest))
            if !lead.contains([' ', '`'])
                && rest.split_whitespace().count() >= 2
                && lead.chars().next().is_some_and(char::is_alphabetic) =>
        {
            let kind = [
                "fixed",
                "added",
                "changed",
                "removed",
                "deprecated",
                "breaking",
            ]
            .contains(&lead.to_lowercase().as_str());
            if kind {
                section = changelog_section(lead);
            }
            let platform = [
                "macOS", "Windows", "Linux", "Wayland", "X11", "FreeBSD", "OpenBSD", "NetBSD",
                "BSD", "Unix", "Android", "iOS",
            ]
            .iter()
            .find(|p| p.eq_ignore_ascii_case(lead));
            match platform {
                Some(platform) => format!("{rest} on {platform}"),
                None => rest.to_owned(),
            }
        }
        _ => text,
    };
    if let Some(thing) = new_thing(&text) {
        return Some((format!("Added {thing}"), false));
    }
    let first = text.split_whitespace().next()?;
    // `Report of Enter/Tab in kitty keyboard's report event`, `Support for kitty's
    // keyboard protocol`: a verb's spelling, a noun.
    let second = text.split_whitespace().nth(1);
    let noun = second == Some("of")
        || first.eq_ignore_ascii_case("support") && second == Some("for")
        || first.eq_ignore_ascii_case("escape")
            && second.is_some_and(|w| w.starts_with("sequence") || w.starts_with("code"));
    // (`Fixed:` is read as `Fixed`.)
    let verb = super::words::opens_with_verb(first)
        || super::words::imperative(first.trim_end_matches(':')).is_some();
    let bare = (noun || !verb) && !super::words::is_sentence(&text);
    // A fault named (`Signal termination skipping resource cleanup`) was fixed, whatever
    // the section.
    let fault = super::words::names_fault(&text).then_some("fix");
    let Some(verb) = section.or(fault).filter(|_| bare) else {
        return Some((text.clone(), bare));
    };
    let done = match verb {
        "fix" => "Fixed",
        "update" => "Updated",
        "remove" => "Removed",
        "deprecate" => "Deprecated",
        _ => "Added",
    };
    let rest = text[first.len()..].trim_start();
    Some((
        format!("{done} {} {rest}", super::words::lower_first(first)),
        false,
    ))
}

/// A Markdown list item's text, its `- ` or `* ` marker taken off; `None` for any other
/// line.
fn list_entry(text: &[u8]) -> Option<&[u8]> {
    text.strip_prefix(b"- ")
        .or_else(|| text.strip_prefix(b"* "))
}

/// Tells whether a note's phrase speaks of documentation: it opens with `document`, or
/// names instructions, a section, a note, a guide, the man page, an example, a link, a
/// typo (`add instructions for installing ripgrep using \`cargo binstall\``).
fn speaks_of_docs(phrase: &str) -> bool {
    let mut words = phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .peekable();
    let first_documents = words
        .peek()
        .is_some_and(|w| matches!(w.as_str(), "document" | "documented" | "documents"));
    first_documents
        || words.any(|w| {
            matches!(
                w.as_str(),
                "instructions"
                    | "documentation"
                    | "docs"
                    | "readme"
                    | "guide"
                    | "faq"
                    | "manpage"
                    | "man"
                    | "manual"
                    | "section"
                    | "note"
                    | "example"
                    | "examples"
                    | "link"
                    | "links"
                    | "url"
                    | "urls"
                    | "typo"
                    | "typos"
                    | "tutorial"
            )
        })
}

/// The thing an entry announces as new, by its name and what it is: `The new \`jj
/// converge\` command attempts …` → `` `jj converge` command``.
fn new_thing(text: &str) -> Option<String> {
    const THINGS: &[&str] = &[
        "command",
        "subcommand",
        "option",
        "flag",
        "setting",
        "argument",
        "function",
        "method",
        "template",
        "revset",
        "alias",
        "keybinding",
        "binding",
        "action",
        "manpage",
        "page",
        "module",
        "widget",
        "type",
        "trait",
        "macro",
        "field",
        "hook",
        "event",
        "variable",
    ];
    let rest = ["The new ", "A new ", "New "]
        .iter()
        .find_map(|lead| text.strip_prefix(lead))?;
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    let end = words.iter().position(|w| {
        THINGS.contains(&w.trim_end_matches([',', '.', ':']).to_lowercase().as_str())
    })?;
    // A name goes before what it is (`` `jj converge` command ``), not after.
    if end == 0 || !words[..end].iter().any(|w| w.contains('`')) {
        return None;
    }
    let thing = words[..=end].join(" ");
    Some(thing.trim_end_matches([',', '.', ':']).to_owned())
}

/// Tells whether a manifest key describes the package rather than building it: who wrote
/// it, where it lives, what it is (`authors`, `homepage`, `repository`, `keywords`, …).
fn is_package_metadata(key: &str) -> bool {
    matches!(
        key.trim_matches('"'),
        "authors"
            | "author"
            | "contributors"
            | "maintainers"
            | "homepage"
            | "repository"
            | "documentation"
            | "description"
            | "readme"
            | "keywords"
            | "categories"
            | "license"
            | "license-file"
            | "bugs"
            | "funding"
            | "edition"
            | "rust-version"
            | "publish"
    )
}

/// Tells whether a release note is a fragment of one change (`.changes/x.md`,
/// `releasenotes/notes/x.yaml`), not a whole changelog.
fn is_fragment(path: &str) -> bool {
    let name = paths::file_name(path).to_ascii_lowercase();
    ![
        "changelog",
        "changes.",
        "history.",
        "news.",
        "release-notes",
        "readme",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

/// The prose of one release-note fragment, read line by line.
#[derive(Default)]
struct NoteProse {
    text: String,
    /// A code block began: what follows is an example, not prose.
    ended: bool,
}

impl NoteProse {
    /// Adds one added line of the fragment, leaving out front matter (`---`, `"tauri":
    /// patch:bug`), YAML keys (`fixes:`, `- |`), HTML comments and headings. A heading that
    /// opens the note is its title (prettier's `#### Support directives on directive
    /// definitions (#19171 by @YBJ0000)`), a sentence of its own; a code block ends the
    /// prose.
    fn line(&mut self, line: &str) {
        let note = &mut self.text;
        let t = line.trim();
        if self.ended || t.starts_with("```") {
            self.ended = true;
            return;
        }
        if note.is_empty()
            && let Some(title) = t.strip_prefix('#')
        {
            let title = title.trim_start_matches('#').trim();
            // `(#19171 by @someone)`, `(#123)`: who and where, not what.
            let title = match title.rfind(" (#") {
                Some(at) if title.ends_with(')') => &title[..at],
                _ => title,
            };
            if title.split_whitespace().count() >= 2 {
                note.push_str(title.trim_end_matches('.'));
                note.push('.');
            }
            return;
        }
        let t = t.strip_prefix("- ").unwrap_or(t).trim();
        let markup = t.is_empty()
            || t.starts_with("<!--")
            || t.starts_with("---")
            || t.starts_with('#')
            || t == "|"
            || t == ">"
            || t.ends_with(':') && !t.contains(' ')
            || t.starts_with('"') && t.contains("\":")
            || t.starts_with('\'') && t.contains("':");
        if markup || note.len() > 600 {
            return;
        }
        if !note.is_empty() {
            note.push(' ');
        }
        note.push_str(t);
    }
}

/// Runs the pass.
pub(crate) fn analyse(entries: &[FileEntry]) -> Analysis {
    let mut out = Analysis::default();
    // Lines borrowed from the hunks, for counting moved code. Sized up front, as growing the
    // set rehashes every line in it again.
    const MAX_CODE_LINES: usize = 50_000;
    let added_lines: usize = entries.iter().map(|e| e.change.additions).sum();
    let mut added_code: HashSet<&[u8]> = HashSet::with_capacity(added_lines.min(MAX_CODE_LINES));
    let mut removed_code: Vec<&[u8]> = Vec::new();
    let mut squeezed_old = Vec::new();
    let mut squeezed_new = Vec::new();
    let (mut block_old, mut block_new) = (Vec::new(), Vec::new());
    let mut pins = PinReader::default();
    // The names of flags on removed lines: a flag there and on an added line was edited.
    let mut old_flags: Vec<String> = Vec::new();
    // Comments the change adds to code, each with the item it documents, if any.
    let mut reasons: Vec<(String, Option<String>)> = Vec::new();

    for entry in entries {
        let change = &entry.change;
        let path = change.path.to_str_lossy().into_owned();
        let kind = paths::kind(&path);
        let lang = paths::lang(&path);
        let mut facts = FileFacts {
            old_path: change
                .old_path
                .as_ref()
                .map(|p| p.to_str_lossy().into_owned()),
            status: change.status,
            kind,
            lang,
            treatment: entry.decision.treatment,
            reason: entry.decision.reason,
            binary: change.binary,
            additions: change.additions,
            deletions: change.deletions,
            added_defs: Vec::new(),
            impls: Vec::new(),
            declared: Vec::new(),
            removed_defs: Vec::new(),
            touched: Vec::new(),
            doc_homes: Vec::new(),
            format_only: false,
            reformat_only: false,
            imports_sorted: false,
            comment_only: false,
            old_mode: change.old_mode,
            new_mode: change.new_mode,
            submodule: change.is_submodule(),
            line_endings_only: false,
            final_newline: None,
            whitespace_trimmed: false,
            mentions: Vec::new(),
            list_items: Vec::new(),
            list_removed: Vec::new(),
            word_list: false,
            images_named: Vec::new(),
            bold_added: Vec::new(),
            swaps: Vec::new(),
            dep_edits: Vec::new(),
            manifest_lines: Vec::new(),
            swap_only: false,
            hunks_changed: 0,
            typo_hunks: 0,
            inserted: Vec::new(),
            settings: Vec::new(),
            places: Vec::new(),
            unplaced: false,
            entries: Vec::new(),
            tables: Vec::new(),
            other_lines: false,
            links: false,
            link_changes: 0,
            link_labels: Vec::new(),
            links_to_https: true,
            links_version: None,
            exports: Vec::new(),
            modifiers: Vec::new(),
            imports: None,
            toml_move: None,
            lines_moved: false,
            logs_removed: Vec::new(),
            logs_added: Vec::new(),
            reworded: None,
            directives: Vec::new(),
            rows: Vec::new(),
            row_items: Vec::new(),
            flags_written: Vec::new(),
            flags_tested: Vec::new(),
            submodule_urls: Vec::new(),
            deprecated_removed: false,
            deprecated: Vec::new(),
            removed_imports: 0,
            removed_other: 0,
            attributes: Vec::new(),
            not_attributes: 0,
            made_async: Vec::new(),
            doc_change: None,
            command: None,
            patterns: Vec::new(),
            pattern_count: 0,
            async_lines: 0,
            lines_alone: None,
            tools: Vec::new(),
            path,
        };
        if matches!(
            change.status,
            Status::Added | Status::Renamed | Status::Deleted
        ) {
            count_words(
                paths::file_name(&facts.path).as_bytes(),
                &mut out.path_words,
            );
        }
        if kind == Kind::Lockfile && entry.decision.treatment != Treatment::Withheld {
            // Read for names and versions only; nothing else is counted from a lockfile.
            let mut reader = LockReader::default();
            let name = paths::file_name(&facts.path).to_owned();
            for hunk in &change.hunks {
                reader.hunk();
                for line in hunk.lines() {
                    let side = match line.kind {
                        LineKind::Added => LockSide::Added,
                        LineKind::Removed => LockSide::Removed,
                        LineKind::Context => LockSide::Context,
                        LineKind::NoNewline => continue,
                    };
                    reader.line(&name, &line.text.to_str_lossy(), side);
                }
            }
            let (deps, edges) = reader.finish();
            if out.lock_edges.len() < 4000 {
                out.lock_edges.extend(edges);
            }
            for dep in deps {
                if !out.locked.iter().any(|d| d.name == dep.name) && out.locked.len() < 200 {
                    out.locked.push(dep);
                }
            }
            out.files.push(facts);
            continue;
        }
        let readable = entry.decision.treatment != Treatment::Withheld
            && !(entry.decision.treatment == Treatment::StatsOnly && kind != Kind::Manifest);
        if !readable {
            out.files.push(facts);
            continue;
        }
        let name = paths::file_name(&facts.path).to_owned();
        let mut note = (kind == Kind::Note && is_fragment(&facts.path)).then(NoteProse::default);
        let changelog = kind == Kind::Note && paths::is_changelog(&name);
        let workflow = crate::workflow_jobs::is_workflow(&facts.path);
        let mut manifest = (kind == Kind::Manifest).then(ManifestReader::default);
        let code_like = !matches!(kind, Kind::Docs | Kind::Note | Kind::Test | Kind::Lockfile);
        let (mut sync_removed, mut async_added): (Vec<String>, Vec<String>) = Default::default();
        let mut added_here: Vec<Def> = Vec::new();
        let mut removed_here: Vec<Def> = Vec::new();
        let mut touched: Vec<(Def, u32)> = Vec::new();
        let (mut changed_hunks, mut format_hunks, mut comment_hunks) = (0u32, 0u32, 0u32);
        let mut reformat_hunks = 0u32;
        let mut sorted_hunks = 0u32;
        // Hunks of a Cargo manifest read for dependency edits, features, lints and lists,
        // and whether each is only such lines (the reading stops at the first that is not).
        let mut manifest_hunks = 0u32;
        let mut dep_edits_only = true;
        let mut ending_hunks = 0u32;
        // Per hunk that only swaps endings: the newline the last line gained or lost.
        let mut newline_ends: Vec<Option<bool>> = Vec::new();
        let (mut trim_hunks, mut any_trimmed) = (0u32, false);
        // Hunks that swap words in place, or only move whitespace.
        let mut swap_hunks = 0u32;
        // Hunks that put words into a line or take them out, and those words.
        let mut insert_hunks = 0u32;
        let mut inserted: Vec<(bool, String)> = Vec::new();
        // Hunks that change only link targets (or only whitespace).
        let mut link_hunks = 0u32;
        let prose = matches!(kind, Kind::Docs) || lang == Lang::Markdown;
        let package_init = name == "__init__.py";
        let ignores = paths::is_ignore_file(&name);
        // In a document, the lines added and removed (blank ones aside) and the first few of
        // each, for `lines_alone`.
        // Lists of people (`MAINTAINERS.md`, `AUTHORS.md`) are housekeeping, yet prose.
        let document = kind == Kind::Docs || kind == Kind::Config && lang == Lang::Markdown;
        let (mut solid_added, mut solid_removed) = (0u32, 0u32);
        let mut firsts: [Vec<String>; 2] = Default::default();
        // Hunks that only move a tool's version, or touch only comments and blank lines.
        let mut tool_hunks = 0u32;
        let mut tools: Vec<super::deps::DepChange> = Vec::new();
        let reads_tools = matches!(kind, Kind::Ci | Kind::Build | Kind::Config);
        // Hunks that only make names public, or touch only comments and blank lines.
        let mut export_hunks = 0u32;
        let mut exports: Vec<String> = Vec::new();
        let mut modifier_hunks = 0u32;
        let (mut import_hunks, mut imports) = (0u32, super::imports::ImportChange::default());
        let mut toml_lines: Vec<super::tables::TomlLine> = Vec::new();
        let mut toml_in_order = true;
        // Every changed line, trimmed (blank ones aside): the same on both sides, some out of
        // place, is lines moved.
        let (mut moved_old, mut moved_new): (Vec<&[u8]>, Vec<&[u8]>) = (Vec::new(), Vec::new());
        let mut out_of_place = false;
        let mut modifiers: Vec<super::modifiers::Modified> = Vec::new();
        // Hunks that only remove print or log calls, or touch only comments and blank lines.
        let mut log_hunks = 0u32;
        let mut logs_removed: Vec<String> = Vec::new();
        // Hunks that only add log calls (or imports), and those that only reword messages.
        let mut added_log_hunks = 0u32;
        let mut logs_added: Vec<String> = Vec::new();
        let mut reworded_hunks = 0u32;
        let mut reworded: (bool, u32) = (false, 0);
        // Hunks whose every changed line is a lint directive.
        let mut directive_hunks = 0u32;
        let mut directives: Vec<String> = Vec::new();
        // Hunks whose every changed line is a keyed row of a table in code.
        let mut row_hunks = 0u32;
        let mut rows: Vec<String> = Vec::new();
        let (mut row_items, mut rows_gain_only): (Vec<(String, String)>, bool) = (Vec::new(), true);
        let (mut string_items, mut string_hunks): (Vec<(String, String)>, u32) = (Vec::new(), 0);

        // Files of keys and values: configuration, build and CI files, and data files read
        // as settings (helix's `languages.toml`).
        let settings_file = matches!(kind, Kind::Config | Kind::Build | Kind::Ci | Kind::Manifest)
            || kind == Kind::Other
                && matches!(
                    paths::extension(&name),
                    "toml" | "yaml" | "yml" | "json" | "ini" | "cfg" | "conf"
                );
        // A tree-sitter query file (`gomod highlights`), and whether every hunk so far only
        // put words into it.
        let query = super::summary::query_name(&facts.path);
        let mut only_words = true;
        // A spell checker's word list (tokio's `spellcheck.dic`), and whether every hunk so
        // far only put words into it or took them out.
        let word_list = paths::is_word_list(&facts.path);
        let mut only_list_words = word_list;
        // The changed lines kept per hunk side for the line rules. A TOML registry's new entry
        // runs to twenty lines or more, and a diff may show it shifted, its `[[language]]`
        // header last (helix's `htmldjango`): keep enough of those to see it.
        let keep = match settings_file && paths::extension(&name) == "toml" {
            true => 40,
            false => 12,
        };
        if lang == Lang::Rust && kind != Kind::Test {
            facts.doc_change = super::rustdocs::read(&change.hunks);
            if facts.status == Status::Added {
                facts.command = command_name(&change.hunks);
            }
        }
        for hunk in &change.hunks {
            out.hunks += 1;
            if only_list_words {
                match list_words(hunk) {
                    Some([removed, added]) => {
                        let key = paths::file_name(&facts.path).to_owned();
                        for (list, words) in [
                            (&mut facts.list_removed, removed),
                            (&mut facts.list_items, added),
                        ] {
                            for word in words {
                                let item = (key.clone(), word);
                                if list.len() < 16 && !list.contains(&item) {
                                    list.push(item);
                                }
                            }
                        }
                    }
                    None => only_list_words = false,
                }
            }
            if kind == Kind::Source
                && matches!(lang, Lang::Rust | Lang::Go)
                && out.flags.len() < 8
                && super::flags::may_declare(&hunk.body)
            {
                // Each side read alone: a flag on a removed line too was only edited.
                for side in [LineKind::Added, LineKind::Removed] {
                    let lines: Vec<(bool, String)> = hunk
                        .lines()
                        .filter(|l| l.kind == side || l.kind == LineKind::Context)
                        .map(|l| (l.kind == side, l.text.to_str_lossy().into_owned()))
                        .collect();
                    let lines = lines.iter().map(|(new, text)| (*new, text.as_str()));
                    let found = super::flags::added(lines, lang);
                    if side == LineKind::Added {
                        out.flags.extend(found);
                    } else {
                        old_flags.extend(found.into_iter().map(|f| f.name));
                    }
                }
            }
            // The hunk's removed and added lines, squeezed, run by run: a formatter's run
            // re-formats each run in place (a line moved past context is no re-format); the
            // runs together are the hunk's whole.
            squeezed_old.clear();
            squeezed_new.clear();
            block_old.clear();
            block_new.clear();
            let mut blocks_same = true;
            // Attributes changed above an item not yet seen: removed, added.
            let (mut attrs_old, mut attrs_new): (Vec<String>, Vec<String>) =
                (Vec::new(), Vec::new());
            let (mut plus, mut minus, mut comments) = (0u32, 0u32, 0u32);
            // The definition the changed lines sit in: the heading, then context lines.
            let mut pending = 0u32;
            // Whether every pending comment line is indented: inside a definition, not above
            // the next one.
            let mut pending_inside = true;
            // How deep the deepest pending comment line is indented: one deeper than the
            // next definition lies in a body above it (an added function's `// TODO`).
            let mut pending_depth = 0usize;
            let mut current: Option<Def> = defs::from_section(&hunk.section.to_str_lossy(), lang);
            // A method far under its `impl`: the function git read it sits in.
            if lang == Lang::Rust
                && !hunk.within.is_empty()
                && let Some(f) = defs::parse(&hunk.within.to_str_lossy(), lang)
            {
                current = Some(f);
            }
            // A Markdown hunk far under its heading: the heading git read above it.
            let heading_above = (lang == Lang::Markdown)
                .then(|| hunk.above.lines().next_back())
                .flatten()
                .map(|h| h.to_str_lossy().into_owned());
            if current.is_none()
                && let Some(heading) = &heading_above
            {
                current = defs::from_section(heading, lang);
            }
            if let Some(reader) = manifest.as_mut() {
                reader.context(&name, &hunk.section.to_str_lossy(), true);
            }
            let section_bytes = hunk.section.as_bytes();
            count_words(section_bytes, &mut out.section_words);
            // The line above, when it is an attribute that makes the next function a test.
            let mut test_attribute = false;
            // The removed and added lines, for telling a word swapped in place.
            let (mut old_lines, mut new_lines): (Vec<&[u8]>, Vec<&[u8]>) = (Vec::new(), Vec::new());
            // Added comment lines in a row, for the change's reason.
            let mut comment_block = String::new();
            // A deprecation marker seen, with what its note says to use instead, until the
            // item below it; whether the marker goes on (`#[deprecated(` over lines); a
            // Python `warnings.warn(` call's text, until its `DeprecationWarning`.
            let mut deprecating: Option<Option<String>> = None;
            let mut marker_open = false;
            let mut warning: Option<String> = None;
            let explains = matches!(kind, Kind::Source | Kind::Other) && lang != Lang::Markdown;
            // The CI step the lines below belong to, once a `- name:` line was seen.
            let mut step: Option<String> = None;
            // The workflow job the lines below belong to, read above the hunk by git.
            let mut jobs = workflow.then(|| {
                let above = hunk.above.to_str_lossy();
                let job = Some(above.trim().to_owned()).filter(|j| !j.is_empty());
                crate::workflow_jobs::Jobs::start(job, &hunk.section.to_str_lossy())
            });
            // The action the last `uses:` line above the first changed line names: a bare
            // `version:` key under its `with:` is that tool's version
            // (`astral-sh/setup-uv@v6` → `uv`).
            let (mut action, mut changed_seen) = (None, false);
            let docstrings = if lang == Lang::Python {
                docstring_lines(hunk)
            } else {
                Vec::new()
            };
            // In a changelog: the section the lines below sit in, and whether the last line
            // opened or went on with an added entry (its wrapped lines follow, indented).
            let (mut entry_section, mut entry_open) =
                (heading_above.as_deref().and_then(changelog_section), false);
            // The headings in force on each side (old, new), one per level.
            let above_chain: Vec<String> = if changelog {
                hunk.above
                    .lines()
                    .map(|l| l.to_str_lossy().into_owned())
                    .collect()
            } else {
                Vec::new()
            };
            let mut chains = [above_chain.clone(), above_chain];
            // Inside an import written over several lines (`use axum::{`, `import {`, `from
            // x import (`): its items are imports too.
            let mut importing = false;
            // Inside fenced code on each side (old, new), in a Markdown file: a `# comment`
            // in a shell block is no heading.
            let mut fences = [hunk.fenced.unwrap_or_else(|| starts_fenced(hunk)); 2];
            for (index, line) in hunk.lines().enumerate() {
                let raw: &[u8] = line.text.as_ref();
                let text = trim(raw);
                let side = usize::from(line.kind != LineKind::Removed);
                let fenced = fences[side];
                if lang == Lang::Markdown && crate::headings::is_fence(&text.to_str_lossy()) {
                    match line.kind {
                        LineKind::Removed => fences[0] ^= true,
                        LineKind::Added => fences[1] ^= true,
                        _ => fences.iter_mut().for_each(|f| *f ^= true),
                    }
                }
                let import_item = importing && is_import_item(text);
                if line.kind != LineKind::Added {
                    importing = if importing {
                        !text.starts_with(b"}") && !text.starts_with(b")")
                    } else {
                        is_import(text) && (text.ends_with(b"{") || text.ends_with(b"("))
                    };
                }
                // Docstring prose counts as a comment, as it is one.
                let comment = is_comment(text) || docstrings.get(index) == Some(&true);
                if kind == Kind::Ci && !changed_seen {
                    if line.kind == LineKind::Context {
                        if let Some(name) = super::deps::action_tool(text) {
                            action = Some(name);
                        }
                    } else {
                        changed_seen = true;
                    }
                }
                let named = if kind == Kind::Ci {
                    step_name(text)
                } else {
                    None
                };
                if let Some(jobs) = jobs.as_mut() {
                    use crate::workflow_jobs::JobLine;
                    let list = match (jobs.line(&raw.to_str_lossy()), line.kind) {
                        (JobLine::Key(job), LineKind::Added) => Some((&mut out.jobs_added, job)),
                        (JobLine::Key(job), LineKind::Removed) => {
                            Some((&mut out.jobs_removed, job))
                        }
                        (JobLine::Inside(job), LineKind::Added | LineKind::Removed) => {
                            Some((&mut out.jobs_changed, job))
                        }
                        _ => None,
                    };
                    if let Some((list, job)) = list
                        && list.len() < 16
                        && !list.contains(&job)
                    {
                        list.push(job);
                    }
                }
                if kind == Kind::Ci {
                    if let Some(name) = &named {
                        step = Some(name.clone());
                    } else if text.starts_with(b"- ")
                        || text.ends_with(b":") && !raw.starts_with(b" ")
                    {
                        // Another list item or a top-level key: no longer inside the step.
                        step = None;
                    } else if line.kind != LineKind::Context
                        && !text.is_empty()
                        && let Some(name) = &step
                        && !out.steps_changed.contains(name)
                        && out.steps_changed.len() < 16
                    {
                        out.steps_changed.push(name.clone());
                    }
                }
                let head = &raw[..raw.len().min(MAX_LINE)];
                let mut def = if lang == Lang::Markdown {
                    (head.starts_with(b"#") && !fenced)
                        .then(|| defs::from_section(&head.to_str_lossy(), lang))
                        .flatten()
                } else if matches!(lang, Lang::Other) || head.is_empty() {
                    None
                } else {
                    defs::parse(&head.to_str_lossy(), lang)
                };
                if let Some(d) = def.as_mut()
                    && d.kind == DefKind::Function
                    && (test_attribute || kind == Kind::Test && d.name.starts_with("test_"))
                {
                    // `#[test] fn wide_label_centered()`: a test, not an item of the API.
                    d.kind = DefKind::Test;
                }
                if !text.is_empty() {
                    test_attribute = lang == Lang::Rust && defs::is_test_attribute(text)
                        || test_attribute && text.starts_with(b"#[");
                }
                // A context line matters only below a marker (the item it marks, or the
                // rest of its note).
                let deprecation_pending = deprecating.is_some() || marker_open;
                if code_like
                    && !text.is_empty()
                    && (line.kind == LineKind::Added
                        || line.kind == LineKind::Context && deprecation_pending)
                {
                    let line_text = text.to_str_lossy();
                    deprecation_line(
                        &line_text,
                        line.kind == LineKind::Added,
                        (comment, def.as_ref(), lang),
                        (&mut deprecating, &mut marker_open, &mut warning),
                        &mut facts.deprecated,
                    );
                }
                if changelog {
                    if line.kind != LineKind::Added {
                        entry_open = false;
                    }
                    let heading = text.starts_with(b"#") && !fenced;
                    if line.kind != LineKind::Removed && heading {
                        entry_section = changelog_section(&text.to_str_lossy());
                    }
                    if heading {
                        let sides: &[usize] = match line.kind {
                            LineKind::Removed => &[0],
                            LineKind::Added => &[1],
                            _ => &[0, 1],
                        };
                        let heading = text.to_str_lossy();
                        for &side in sides {
                            push_heading(&mut chains[side], &heading);
                        }
                    }
                }
                match line.kind {
                    LineKind::Context => {
                        if let Some(reader) = manifest.as_mut() {
                            reader.context(&name, &text.to_str_lossy(), false);
                        }
                        if let Some(d) = &def
                            && lang == Lang::Rust
                            && !(attrs_old.is_empty() && attrs_new.is_empty())
                        {
                            let what = attribute_change(&attrs_old, &attrs_new);
                            if let Some(what) = what
                                && facts.attributes.len() < 16
                            {
                                facts.attributes.push((what, d.name.clone()));
                            }
                            attrs_old.clear();
                            attrs_new.clear();
                        }
                        if !(block_old.is_empty() && block_new.is_empty()) {
                            blocks_same &= same_but_commas(&block_old, &block_new);
                            squeezed_old.append(&mut block_old);
                            squeezed_new.append(&mut block_new);
                        }
                        if let Some(d) = def {
                            // Comments and blank lines just above a definition belong to it.
                            if pending > 0 && pending_depth <= indent_of(raw) {
                                add_touch(&mut touched, &d, pending);
                            }
                            pending = 0;
                            pending_depth = 0;
                            current = Some(d);
                        } else if ends_definition(head, lang) {
                            // Back at column 0 (`}` or a top-level statement): the definition
                            // has ended.
                            current = None;
                            pending = 0;
                        }
                    }
                    LineKind::Added | LineKind::Removed => {
                        let added = line.kind == LineKind::Added;
                        if ignores && !text.is_empty() && !text.starts_with(b"#") {
                            facts.pattern_count += 1;
                            if facts.patterns.len() < MAX_PATTERNS {
                                facts
                                    .patterns
                                    .push((added, text.to_str_lossy().into_owned()));
                            }
                        }
                        if document && !text.is_empty() {
                            *(if added {
                                &mut solid_added
                            } else {
                                &mut solid_removed
                            }) += 1;
                            let kept = &mut firsts[usize::from(added)];
                            if kept.len() < 3 {
                                kept.push(raw.to_str_lossy().trim_end().to_owned());
                            }
                        }
                        squeeze(
                            head,
                            if added {
                                &mut block_new
                            } else {
                                &mut block_old
                            },
                        );
                        if !added && !facts.deprecated_removed && marks_deprecation(text) {
                            facts.deprecated_removed = true;
                        }
                        if lang == Lang::Rust && !comment && text.contains_str("::") {
                            let stripped = without_strings(text, lang);
                            push_roots(
                                &stripped,
                                if added {
                                    &mut out.roots_added
                                } else {
                                    &mut out.roots_removed
                                },
                            );
                        }
                        if code_like && !comment && facts.mentions.len() < MENTIONS {
                            mention_words(text, &mut facts.mentions);
                        }
                        // A sync caller bridging to it counts as well (`.block_on()`).
                        if text.contains_str("async")
                            || text.contains_str("await")
                            || text.contains_str("block_on")
                        {
                            facts.async_lines += 1;
                        }
                        // `fn has_id(` taken out, `async fn has_id(` put in: made async.
                        if let Some(d) = def.as_ref().filter(|d| d.kind == DefKind::Function) {
                            let is_async = text.contains_str("async ");
                            let list = match (added, is_async) {
                                (true, true) => Some(&mut async_added),
                                (false, false) => Some(&mut sync_removed),
                                _ => None,
                            };
                            if let Some(list) = list
                                && list.len() < 64
                                && !list.contains(&d.name)
                            {
                                list.push(d.name.clone());
                            }
                        }
                        if lang == Lang::Rust && text.starts_with(b"#[") {
                            let list = if added {
                                &mut attrs_new
                            } else {
                                &mut attrs_old
                            };
                            if list.len() < 8 {
                                list.push(text.to_str_lossy().into_owned());
                            }
                        } else if !text.is_empty() && !comment {
                            facts.not_attributes += 1;
                        }
                        if !added && !text.is_empty() {
                            if is_import(text) || import_item {
                                facts.removed_imports += 1;
                                if out.removed_imports.len() < 32 {
                                    out.removed_imports.push(text.to_str_lossy().into_owned());
                                }
                            } else {
                                facts.removed_other += 1;
                            }
                        }
                        let side = if added {
                            &mut moved_new
                        } else {
                            &mut moved_old
                        };
                        if !text.is_empty() && side.len() < 400 {
                            side.push(text);
                        }
                        let lines = if added {
                            plus += 1;
                            &mut new_lines
                        } else {
                            minus += 1;
                            &mut old_lines
                        };
                        if lines.len() <= keep {
                            lines.push(head);
                        }
                        if text.is_empty() || comment {
                            comments += 1;
                        }
                        if added
                            && out.instruction.is_none()
                            && matches!(kind, Kind::Ci | Kind::Build | Kind::Config)
                            && !text.is_empty()
                            && is_comment(text)
                        {
                            let words = comment_words(text);
                            let verb = words.split_whitespace().next().unwrap_or("");
                            if super::words::imperative(verb).is_some() {
                                out.instruction = super::words::reason(&words);
                            }
                        }
                        if explains && reasons.len() < 16 {
                            if added && !text.is_empty() && is_comment(text) {
                                if comment_block.len() < 400 {
                                    comment_block.push(' ');
                                    comment_block.push_str(&comment_words(text));
                                }
                            } else if !comment_block.is_empty() {
                                // A doc comment says what the item below it does: name it.
                                let item = def.as_ref().filter(|_| added).map(|d| d.name.clone());
                                if let Some(r) = super::words::reason(&comment_block) {
                                    reasons.push((r, item));
                                }
                                comment_block.clear();
                            }
                        }
                        if let Some(reader) = manifest.as_mut() {
                            reader.line(&name, &head.to_str_lossy(), added);
                        }
                        if kind == Kind::Manifest
                            && paths::file_name(&name) == "Cargo.toml"
                            && out.lints.len() < 16
                            && let Some((lint, level)) = lint_level(text)
                        {
                            out.lints.push((added, lint, level));
                        }
                        if let Some(d) = def {
                            pending = 0;
                            if lang == Lang::Rust && d.kind == DefKind::Type {
                                let line = text.to_str_lossy();
                                if let Some((t, ty)) = defs::rust_impl(&line) {
                                    if facts.impls.len() < 8 {
                                        facts.impls.push((added, t, ty));
                                    }
                                } else if added
                                    && !line.trim_start().starts_with("impl")
                                    && facts.declared.len() < 16
                                {
                                    facts.declared.push(d.name.clone());
                                }
                            }
                            if lang != Lang::Markdown {
                                current = Some(d.clone());
                            }
                            if added {
                                push_def(&mut added_here, d);
                            } else {
                                push_def(&mut removed_here, d);
                            }
                        } else if text.is_empty() {
                            // A blank line separates definitions; it belongs to neither.
                        } else if ends_definition(head, lang) {
                            current = None;
                            pending = 0;
                        } else if comment && lang != Lang::Markdown {
                            if pending == 0 {
                                pending_inside = true;
                                pending_depth = 0;
                            }
                            pending += 1;
                            pending_inside &= line.indented();
                            pending_depth = pending_depth.max(indent_of(raw));
                        } else if let Some(d) = &current {
                            add_touch(&mut touched, d, 1);
                        }
                        if kind == Kind::Ci {
                            pins.line(&head.to_str_lossy(), added);
                            if let Some(step) = named.clone() {
                                let steps = if added {
                                    &mut out.steps_added
                                } else {
                                    &mut out.steps_removed
                                };
                                if steps.len() < 16 && !steps.contains(&step) {
                                    steps.push(step);
                                }
                            }
                        }
                        if let Some(note) = note.as_mut()
                            && added
                        {
                            note.line(&head.to_str_lossy());
                        }
                        if added && lang == Lang::Markdown && text.windows(2).any(|w| w == b"**") {
                            for term in bold_terms(&text.to_str_lossy()) {
                                if facts.bold_added.len() < 4 && !facts.bold_added.contains(&term) {
                                    facts.bold_added.push(term);
                                }
                            }
                        }
                        if added && facts.images_named.len() < 8 {
                            for name in image_names(text) {
                                if !facts.images_named.contains(&name) {
                                    facts.images_named.push(name);
                                }
                            }
                        }
                        match kind {
                            Kind::Note if !added && !text.is_empty() && changelog => {
                                out.changelog_removed += 1;
                                if let Some(entry) = list_entry(text)
                                    && out.changelog_removed_entries.len() < 4
                                {
                                    if out.changelog_removed_entries.is_empty() {
                                        out.changelog_removed_chain = chains[0].clone();
                                    }
                                    out.changelog_removed_entries
                                        .push(entry.to_str_lossy().trim().to_owned());
                                }
                            }
                            Kind::Note if added => {
                                if changelog && let Some(entry) = list_entry(text) {
                                    if out.changelog_entries.is_empty() {
                                        out.changelog_section = entry_section;
                                        out.changelog_added_chain = chains[1].clone();
                                        out.changelog_nested = raw.starts_with(b" ");
                                    }
                                    if out.changelog_entries.len() < 4 {
                                        out.changelog_entries
                                            .push(entry.to_str_lossy().trim().to_owned());
                                        entry_open = true;
                                    } else {
                                        out.changelog_entries.push(String::new());
                                    }
                                } else if changelog
                                    && entry_open
                                    && raw.starts_with(b" ")
                                    && !text.is_empty()
                                    && let Some(last) = out.changelog_entries.last_mut()
                                {
                                    // An entry wrapped onto the next line.
                                    last.push(' ');
                                    last.push_str(text.to_str_lossy().trim());
                                } else {
                                    entry_open = false;
                                }
                                count_words(text, &mut out.note_words);
                                if changelog
                                    && out.changelog_unreleased.is_none()
                                    && let Some(name) = unreleased_heading(text)
                                {
                                    out.changelog_unreleased = Some(name);
                                }
                                if is_version_heading(text) {
                                    out.changelog_version = true;
                                    if out.changelog_heading.is_none() {
                                        out.changelog_heading = heading_version(text);
                                    }
                                }
                            }
                            Kind::Docs => {
                                if added {
                                    out.docs_added += 1;
                                } else {
                                    out.docs_removed += 1;
                                }
                            }
                            Kind::Test => {
                                if added {
                                    out.test_added += 1;
                                    // A lint rule's test cases (ESLint's `RuleTester`): a
                                    // case opens with its code, an invalid one lists the
                                    // errors it must report.
                                    // A case may be its code alone, one quoted line.
                                    let quoted = text.len() > 3
                                        && matches!(text[0], b'\'' | b'"' | b'`')
                                        && text.ends_with(&[text[0], b',']);
                                    if text.starts_with(b"code:")
                                        || text.starts_with(b"{ code:")
                                        || quoted
                                    {
                                        out.rule_cases_added += 1;
                                    }
                                    if text.starts_with(b"errors:")
                                        || text.starts_with(b"messageId:")
                                        || text.starts_with(b"{ messageId:")
                                    {
                                        out.rule_errors_added += 1;
                                    }
                                } else {
                                    out.test_removed += 1;
                                }
                            }
                            _ => {}
                        }
                        if code_like {
                            let side = if added {
                                &mut out.code_added
                            } else {
                                &mut out.code_removed
                            };
                            side.lines += 1;
                            if text.is_empty() {
                                side.blank += 1;
                            } else if comment {
                                side.comment += 1;
                            } else {
                                side.condition += u32::from(is_condition(text));
                                side.early_exit += u32::from(is_early_exit(text));
                                side.import += u32::from(is_import(text));
                                side.log += u32::from(is_log(text));
                                side.string += u32::from(text.contains(&b'"'));
                                side.assert += u32::from(is_assert(text));
                                if kind == Kind::Source {
                                    let stripped = without_strings(text, lang);
                                    let calls = match added {
                                        true => &mut out.calls_added,
                                        false => &mut out.calls_removed,
                                    };
                                    for call in super::calls::on_line(&stripped, lang) {
                                        if calls.contains(&call) {
                                            continue;
                                        }
                                        if calls.len() < MAX_CALLS {
                                            calls.push(call);
                                        } else {
                                            out.calls_overflow = true;
                                        }
                                    }
                                }
                            }
                            count_words(text, &mut side.words);
                            if text.len() >= 12 && !comment {
                                if added {
                                    if added_code.len() < MAX_CODE_LINES {
                                        added_code.insert(text);
                                    }
                                } else if removed_code.len() < MAX_CODE_LINES {
                                    removed_code.push(text);
                                }
                            }
                        }
                    }
                    LineKind::NoNewline => {}
                }
            }
            // A hunk that only changes indented comments, the item they document past its
            // last line (a field's doc in `pub struct StartCommand {`): the definition they
            // sit in.
            if pending > 0
                && pending_inside
                && plus + minus > 0
                && comments == plus + minus
                && let Some(d) = &current
                && facts.doc_homes.len() < 8
                && !facts.doc_homes.contains(&d.name)
            {
                facts.doc_homes.push(d.name.clone());
            }
            if explains && !comment_block.is_empty() {
                reasons.extend(super::words::reason(&comment_block).map(|r| (r, None)));
            }
            // Where a TOML file's changed lines sit, on each side.
            let placed = (plus + minus > 0 && settings_file && paths::extension(&name) == "toml")
                .then(|| super::tables::places(hunk));
            // Each changed line of a TOML file with its place, for lines moved and nothing
            // else (a key into another table, a table sorted).
            if let Some(placed) = &placed {
                for (added, lines) in [(false, &old_lines), (true, &new_lines)] {
                    for (line, place) in lines.iter().zip(&placed[usize::from(added)]) {
                        let text = line.to_str_lossy();
                        let text = text.trim();
                        if !text.is_empty() && !text.starts_with('#') && toml_lines.len() < 256 {
                            toml_lines.push((added, text.to_owned(), place.clone()));
                        }
                    }
                }
                toml_in_order &= super::tables::added_in_order(hunk);
            }
            for place in placed.iter().flatten().flatten() {
                match place {
                    Some(place) if !facts.places.contains(place) => {
                        if facts.places.len() < 8 {
                            facts.places.push(place.clone());
                        } else {
                            facts.unplaced = true;
                        }
                    }
                    Some(_) => {}
                    None => facts.unplaced = true,
                }
            }
            // A tree-sitter query given words to match and nothing else: `"toolchain"` and
            // `"tool"` put into gomod's keywords are items added to `gomod highlights`.
            if let Some(query) = &query
                && plus + minus > 0
            {
                let words: Option<Vec<String>> = (minus == 0 && new_lines.len() == plus as usize)
                    .then(|| new_lines.iter().map(|l| query_word(l)).collect())
                    .flatten();
                match words {
                    Some(words) if only_words => {
                        for word in words {
                            let item = (query.clone(), word);
                            if facts.list_items.len() < 16 && !facts.list_items.contains(&item) {
                                facts.list_items.push(item);
                            }
                        }
                    }
                    _ => only_words = false,
                }
            }
            let appended = (plus + minus > 0 && settings_file)
                .then(|| list_appends(hunk))
                .flatten();
            // Lines longer than the reader keeps are not all in `old_lines`, `new_lines`.
            let cut = old_lines.len() < minus as usize || new_lines.len() < plus as usize;
            if plus + minus > 0 && dep_edits_only && kind == Kind::Manifest && name == "Cargo.toml"
            {
                manifest_hunks += 1;
                let text = |lines: &[&[u8]]| -> Vec<String> {
                    lines
                        .iter()
                        .map(|l| l.to_str_lossy().into_owned())
                        .collect()
                };
                let (old, new) = (text(&old_lines), text(&new_lines));
                let old: Vec<&str> = old.iter().map(String::as_str).collect();
                let new: Vec<&str> = new.iter().map(String::as_str).collect();
                match super::cargo_deps::edits(&old, &new) {
                    _ if cut => dep_edits_only = false,
                    Some(edits) if facts.dep_edits.len() + edits.len() <= 8 => {
                        facts.dep_edits.extend(edits)
                    }
                    Some(_) => dep_edits_only = false,
                    None => match super::cargo_manifest::hunk(hunk, placed.as_ref()) {
                        Some(lines) if facts.manifest_lines.len() + lines.len() <= 64 => {
                            facts.manifest_lines.extend(lines)
                        }
                        _ => dep_edits_only = false,
                    },
                }
            }
            if let Some(change) = appended {
                for (list, items) in [
                    (&mut facts.list_items, change.added),
                    (&mut facts.list_removed, change.removed),
                ] {
                    for item in items {
                        if list.len() < 16 && !list.contains(&item) {
                            list.push(item);
                        }
                    }
                }
            } else if plus + minus > 0 && settings_file {
                if cut {
                    facts.other_lines = true;
                    dep_edits_only = false;
                }
                for (added, lines) in [(false, &old_lines), (true, &new_lines)] {
                    // The array of tables an added `[[name]]` line opened, until its first key.
                    let mut array: Option<String> = None;
                    // A diff may show a new entry shifted by one: its `name` key first, the
                    // header of the entry after it last (`[[language]]` is on both sides).
                    let mut shifted: Option<String> = None;
                    let mut last_header: Option<String> = None;
                    let first_entry = facts.entries.len();
                    for (i, line) in lines.iter().enumerate() {
                        let text = line.to_str_lossy();
                        let mut text = text.trim();
                        if placed.is_some() {
                            text = crate::toml_table::without_comment(text);
                        }
                        let setting = super::words::setting(text);
                        let name = (setting.as_ref())
                            .filter(|(k, _)| k == "name")
                            .map(|(_, v)| v.trim_matches(['"', '\'']).to_owned());
                        if let Some(table) = array.take()
                            && let Some(value) = &name
                            && facts.entries.len() < 8
                        {
                            facts.entries.push((table, value.clone()));
                        } else if i == 0 && added {
                            shifted = name;
                        }
                        let header = text.strip_prefix("[[").and_then(|t| t.strip_suffix("]]"));
                        if added && let Some(header) = header {
                            array = Some(header.trim().to_owned());
                        }
                        if !text.is_empty() {
                            last_header = header.map(|h| h.trim().to_owned());
                        }
                        // A TOML table's header: the table is named by it.
                        if let Some(table) = toml_table(text) {
                            if facts.tables.len() < 8 {
                                facts.tables.push((added, table));
                            }
                            continue;
                        }
                        if text.is_empty()
                            || is_comment(text.as_bytes())
                            || super::words::opener(text)
                        {
                            continue;
                        }
                        let parsed = setting
                            .or_else(|| {
                                (kind == Kind::Manifest)
                                    .then(|| super::words::quoted_setting(text))
                                    .flatten()
                            })
                            .or_else(|| {
                                // The plain `rust-toolchain` file is its channel alone.
                                (paths::file_name(&facts.path) == "rust-toolchain"
                                    && !text.contains(char::is_whitespace))
                                .then(|| ("channel".to_owned(), text.to_owned()))
                            });
                        let place = (placed.as_ref())
                            .and_then(|p| p[usize::from(added)].get(i).cloned().flatten());
                        // A build profile's keys are settings too (`lto = true` under
                        // `[profile.release]`).
                        let profile =
                            (place.as_ref()).is_some_and(|p| p.table.starts_with("profile."));
                        match parsed {
                            // A manifest's settings are its package's metadata and its
                            // profiles; its dependencies and version have rules of their own.
                            Some((k, _))
                                if kind == Kind::Manifest
                                    && !is_package_metadata(&k)
                                    && !profile =>
                            {
                                facts.other_lines = true
                            }
                            Some((key, value)) if facts.settings.len() < 16 => {
                                facts.settings.push(Setting {
                                    added,
                                    key,
                                    value,
                                    place,
                                })
                            }
                            _ => facts.other_lines = true,
                        }
                    }
                    if let (Some(value), Some(table)) = (shifted, last_header)
                        && facts.entries.len() < 8
                    {
                        facts.entries.insert(first_entry, (table, value));
                    }
                }
            }
            // Attributes changed above an item past the hunk's end (bevy's `#[derive(…)]`
            // over a `#[cfg_attr(…)]` of four lines): the line git read below names it.
            if lang == Lang::Rust
                && !(attrs_old.is_empty() && attrs_new.is_empty())
                && let Some(d) =
                    (hunk.below.to_str().ok()).and_then(|c| super::defs::parse(c, Lang::Rust))
                && let Some(what) = attribute_change(&attrs_old, &attrs_new)
                && facts.attributes.len() < 16
            {
                facts.attributes.push((what, d.name.clone()));
            }
            // The last run of changed lines: checked, then part of the hunk's whole.
            blocks_same &= same_but_commas(&block_old, &block_new);
            squeezed_old.append(&mut block_old);
            squeezed_new.append(&mut block_new);
            if plus + minus > 0 {
                changed_hunks += 1;
                let settled = in_place(&hunk.body);
                out_of_place |= !settled;
                if plus > 0 && minus > 0 && blocks_same {
                    reformat_hunks += 1;
                }
                if plus > 0 && minus > 0 && squeezed_old == squeezed_new {
                    format_hunks += 1;
                    if plus == minus && swaps_line_endings(&hunk.body) {
                        ending_hunks += 1;
                        newline_ends.push(newline_at_end(&hunk.body));
                    }
                    if settled && let Some(trimmed) = trims_whitespace(&hunk.body) {
                        trim_hunks += 1;
                        any_trimmed |= trimmed;
                    }
                }
                if plus == minus
                    && (plus as usize) <= keep
                    && old_lines.len() == new_lines.len()
                    && imports_reordered(&old_lines, &new_lines, &hunk.body, lang)
                {
                    sorted_hunks += 1;
                }
                if comments == plus + minus {
                    comment_hunks += 1;
                }
                let exported = (kind == Kind::Source)
                    .then(|| {
                        super::exports::hunk(
                            &old_lines,
                            &new_lines,
                            (minus, plus),
                            lang,
                            package_init,
                            &hunk.section.to_str_lossy(),
                        )
                    })
                    .flatten();
                let quiet = comments == plus + minus;
                tally(exported, quiet, &mut export_hunks, &mut exports, 16);
                let modified = (kind == Kind::Source)
                    .then(|| {
                        super::modifiers::hunk(
                            &old_lines,
                            &new_lines,
                            (minus, plus),
                            lang,
                            &hunk.section.to_str_lossy(),
                            &hunk.body,
                        )
                    })
                    .flatten();
                let program = matches!(
                    kind,
                    Kind::Source | Kind::Test | Kind::Example | Kind::Bench | Kind::Build
                );
                match program
                    .then(|| super::imports::hunk(&hunk.body, lang))
                    .flatten()
                {
                    Some(change) => {
                        import_hunks += 1;
                        imports.merge(change);
                    }
                    None if quiet => import_hunks += 1,
                    None => {}
                }
                tally(modified, quiet, &mut modifier_hunks, &mut modifiers, 16);
                let logs = code_like
                    .then(|| removed_logs(&old_lines, &new_lines, (minus, plus)))
                    .flatten();
                tally(logs, quiet, &mut log_hunks, &mut logs_removed, 8);
                let logs = code_like
                    .then(|| added_logs(&old_lines, &new_lines, (minus, plus)))
                    .flatten();
                tally(logs, quiet, &mut added_log_hunks, &mut logs_added, 8);
                match code_like
                    .then(|| reworded_messages(&old_lines, &new_lines, (minus, plus), lang))
                    .flatten()
                {
                    Some((error, count)) => {
                        reworded_hunks += 1;
                        reworded = (reworded.0 || error, reworded.1 + count);
                    }
                    None if quiet => reworded_hunks += 1,
                    None => {}
                }
                if let Some(found) = code_like
                    .then(|| lint_directives(&old_lines, &new_lines, (minus, plus)))
                    .flatten()
                {
                    tally(Some(found), false, &mut directive_hunks, &mut directives, 8);
                }
                let found = code_like
                    .then(|| keyed_rows(&old_lines, &new_lines, (minus, plus)))
                    .flatten();
                // A row written over lines given strings on one of them (ripgrep's `sh` row
                // gaining `".env"`): its key from the row's first line above.
                match code_like.then(|| row_line_gains(hunk)).flatten() {
                    Some(gained) if string_items.len() + gained.len() <= 8 => {
                        string_hunks += 1;
                        string_items.extend(gained);
                    }
                    _ => {}
                }
                // One row given more strings and nothing else: what it gained.
                if found.is_some() {
                    match row_gains(&old_lines, &new_lines) {
                        Some(gained) if row_items.len() + gained.len() <= 8 => {
                            row_items.extend(gained)
                        }
                        _ => rows_gain_only = false,
                    }
                }
                tally(found, false, &mut row_hunks, &mut rows, 16);
                let moved = reads_tools
                    .then(|| super::deps::tool_versions(&old_lines, &new_lines, action.as_deref()))
                    .flatten()
                    .or_else(|| {
                        let mut pins = settings_file
                            .then(|| super::deps::git_pins(&old_lines, &new_lines))
                            .flatten()?;
                        // A pin in an entry of a TOML array of tables is that entry's: helix's
                        // `[[grammar]]` named `fortran` is the fortran grammar, updated (its
                        // commits say nothing to a reader).
                        for (pin, place) in pins.iter_mut().zip(placed.iter().flat_map(|p| &p[1])) {
                            if let Some(place) = place
                                && let Some(entry) = &place.entry
                                && !place.table.contains('.')
                            {
                                pin.name = format!("{entry} {}", place.table);
                            }
                        }
                        Some(pins)
                    })
                    .map(|mut found| {
                        // `channel = "1.98.0"` in `rust-toolchain.toml` is the toolchain's.
                        if super::toolchain::is_toolchain_file(&facts.path) {
                            for change in found.iter_mut().filter(|c| c.name == "channel") {
                                change.name = "Rust toolchain".to_owned();
                            }
                        }
                        found
                    });
                tally(moved, quiet, &mut tool_hunks, &mut tools, 8);
                // Commands run by CI, hooks, build files, scripts and a package's scripts:
                // their lines, or (a Makefile's, a shell script's) the lines themselves.
                let bare = kind == Kind::Build && !name.starts_with("Dockerfile")
                    || matches!(paths::extension(&name), "sh" | "bash");
                let runs_commands = matches!(kind, Kind::Ci | Kind::Build | Kind::Config)
                    || bare
                    || kind == Kind::Other && matches!(paths::extension(&name), "json" | "toml")
                    || name == "package.json";
                if runs_commands
                    && let Some(found) = super::deps::run_flags(&old_lines, &new_lines, bare)
                {
                    for change in found {
                        if out.run_flags.len() < 4 && !out.run_flags.contains(&change) {
                            out.run_flags.push(change);
                        }
                    }
                }
                if matches!(kind, Kind::Ci | Kind::Build) && plus + minus > 0 {
                    match super::deps::installs(&old_lines, &new_lines) {
                        Some(found) if out.installs.len() < 4 => out.installs.push(found),
                        _ => out.installs_other = true,
                    }
                }
                // Words put into or taken out of a one-line hunk, read once for the rules
                // below that look at them.
                let run = super::words::WordRun::read(&old_lines, &new_lines);
                if plus > 0 && minus > 0 && squeezed_old == squeezed_new {
                    swap_hunks += 1;
                    link_hunks += 1;
                } else if super::words::only_links_differ(&old_lines, &new_lines) {
                    link_hunks += 1;
                    facts.link_changes += 1;
                    facts.links_to_https &=
                        super::words::only_scheme_upgraded(&old_lines, &new_lines);
                    // The first hunk of links sets the version; each later one must agree.
                    let moved = super::words::links_version_moved(&old_lines, &new_lines);
                    facts.links_version = match (facts.link_changes, moved) {
                        (1, moved) => moved,
                        (_, Some(moved)) => facts.links_version.take().and_then(|(v, host)| {
                            (v == moved.0)
                                .then(|| (v, host.filter(|h| moved.1.as_ref() == Some(h))))
                        }),
                        (_, None) => None,
                    };
                    for label in super::words::moved_link_labels(&old_lines, &new_lines) {
                        if facts.link_labels.len() < 4 && !facts.link_labels.contains(&label) {
                            facts.link_labels.push(label);
                        }
                    }
                } else if let Some(swap) = (run.as_ref()).and_then(super::words::WordRun::doubled) {
                    swap_hunks += 1;
                    if facts.swaps.len() < 16 && !facts.swaps.contains(&swap) {
                        facts.swaps.push(swap);
                    }
                } else if kind == Kind::Docs
                    && let Some(words) = (run.as_ref()).and_then(super::words::WordRun::inserted)
                {
                    insert_hunks += 1;
                    if inserted.len() < 4 && !inserted.contains(&words) {
                        inserted.push(words);
                    }
                } else if let Some(swaps) = swaps_of(&old_lines, &new_lines, prose, lang) {
                    swap_hunks += 1;
                    if super::words::all_typos(swaps.iter()) {
                        facts.typo_hunks += 1;
                    }
                    for swap in swaps {
                        if facts.swaps.len() < 16 && !facts.swaps.contains(&swap) {
                            facts.swaps.push(swap);
                        }
                    }
                }
            }
        }
        out.format_hunks += format_hunks;
        out.changed_hunks += changed_hunks;
        out.reformat_hunks += reformat_hunks;
        facts.format_only = changed_hunks > 0 && format_hunks == changed_hunks;
        facts.reformat_only = changed_hunks > 0 && reformat_hunks == changed_hunks;
        facts.imports_sorted = changed_hunks > 0 && sorted_hunks == changed_hunks;
        facts.made_async = async_added
            .into_iter()
            .filter(|name| sync_removed.contains(name))
            .collect();
        facts.comment_only = changed_hunks > 0 && comment_hunks == changed_hunks;
        if query.is_some() && !only_words || word_list && !only_list_words {
            facts.list_items.clear();
            facts.list_removed.clear();
        }
        facts.word_list = only_list_words && facts.status == Status::Modified;
        facts.line_endings_only = changed_hunks > 0 && ending_hunks == changed_hunks;
        if let [Some(gained)] = newline_ends.as_slice()
            && facts.line_endings_only
        {
            facts.final_newline = Some(*gained);
        }
        facts.whitespace_trimmed = changed_hunks > 0 && trim_hunks == changed_hunks && any_trimmed;
        facts.swap_only = !facts.swaps.is_empty() && swap_hunks == changed_hunks;
        if !dep_edits_only || manifest_hunks != changed_hunks {
            facts.dep_edits.clear();
            facts.manifest_lines.clear();
        }
        facts.hunks_changed = changed_hunks;
        if changed_hunks > 0 && insert_hunks == changed_hunks {
            facts.inserted = inserted;
        }
        facts.links = facts.link_changes > 0 && link_hunks == changed_hunks;
        if export_hunks == changed_hunks {
            facts.exports = exports;
        }
        if modifier_hunks == changed_hunks {
            facts.modifiers = modifiers;
        }
        if changed_hunks > 0 && import_hunks == changed_hunks {
            facts.imports = Some(imports);
        }
        if out_of_place && moved_old.len() < 400 && moved_new.len() < 400 {
            moved_old.sort_unstable();
            moved_new.sort_unstable();
            facts.lines_moved = !moved_old.is_empty() && moved_old == moved_new;
        }
        // Lines only re-spaced in place are no move (their trimmed texts match too).
        if toml_lines.len() < 256 && out_of_place {
            facts.toml_move = super::tables::moves(&toml_lines, toml_in_order);
        }
        if log_hunks == changed_hunks {
            facts.logs_removed = logs_removed;
        }
        if added_log_hunks == changed_hunks {
            facts.logs_added = logs_added;
        }
        if reworded_hunks == changed_hunks && reworded.1 > 0 {
            facts.reworded = Some(reworded);
        }
        if changed_hunks > 0 && directive_hunks == changed_hunks {
            facts.directives = directives;
        }
        if changed_hunks > 0 && string_hunks == changed_hunks && facts.list_items.is_empty() {
            for item in string_items {
                if !facts.list_items.contains(&item) {
                    facts.list_items.push(item);
                }
            }
        }
        if changed_hunks > 0 && row_hunks == changed_hunks {
            facts.rows = rows;
            if rows_gain_only {
                facts.row_items = row_items;
            }
        }
        if tool_hunks == changed_hunks {
            facts.tools = tools;
        }
        if !matches!(kind, Kind::Test | Kind::Lockfile)
            && let Some(place) = super::flag_mentions::place(&facts.path)
        {
            facts.flags_written =
                super::flag_mentions::written(&place, &change.hunks).unwrap_or_default();
        }
        let [removed_lines, added_lines] = firsts;
        facts.lines_alone = match (solid_added, solid_removed) {
            (1..=3, 0) if document => Some((true, added_lines)),
            (0, 1..=3) if document => Some((false, removed_lines)),
            _ => None,
        };
        // A definition on both sides was edited in place, not added or removed.
        for d in &removed_here {
            if added_here.iter().any(|a| a.name == d.name) {
                match touched.iter_mut().find(|(t, _)| t.name == d.name) {
                    Some((_, n)) => *n += 2,
                    None => touched.push((d.clone(), 2)),
                }
            }
        }
        facts.added_defs = added_here
            .iter()
            .filter(|a| !removed_here.iter().any(|r| r.name == a.name))
            .cloned()
            .collect();
        facts.removed_defs = removed_here
            .iter()
            .filter(|r| !added_here.iter().any(|a| a.name == r.name))
            .cloned()
            .collect();
        // Most-changed first; ties keep the order of appearance (the sort is stable).
        touched.sort_by_key(|t| std::cmp::Reverse(t.1));
        facts.touched = touched
            .into_iter()
            .map(|(d, _)| d)
            .filter(|d| !facts.added_defs.iter().any(|a| a.name == d.name))
            .filter(|d| !facts.removed_defs.iter().any(|r| r.name == d.name))
            .collect();
        if paths::file_name(&facts.path) == ".gitmodules" {
            facts.submodule_urls = super::submodules::moved_urls(&change.hunks);
        }
        if !matches!(facts.kind, Kind::Note | Kind::Docs) {
            let added =
                (change.hunks.iter().flat_map(|h| h.lines())).filter(|l| l.kind == LineKind::Added);
            for line in added {
                for number in super::words::cited_issues(&line.text.to_str_lossy(), false) {
                    if out.issues_cited.len() < 8 && !out.issues_cited.contains(&number) {
                        out.issues_cited.push(number);
                    }
                }
            }
        }
        if facts.kind == Kind::Test && !facts.added_defs.is_empty() {
            facts.flags_tested = super::flag_mentions::on_added_lines(&change.hunks);
        }
        if let Some(reader) = manifest {
            reader.finish(&facts.path, &mut out.manifest);
        }
        if let Some(note) = note.map(|n| n.text).filter(|n| !n.is_empty())
            && out.notes.len() < 16
        {
            out.notes.push(note);
        }
        out.files.push(facts);
    }
    if out.notes.is_empty() {
        out.entry_note = entry_note(&out);
    }
    // The same flag on two commands (goreleaser's `--clean` on build and release) is one.
    let mut seen: Vec<String> = Vec::new();
    out.flags.retain(|f| {
        let new = !old_flags.contains(&f.name) && !seen.contains(&f.name);
        seen.push(f.name.clone());
        new
    });
    // A comment whose words were only mended (`its` → `it's`) is the text fixed, not a
    // reason for the change.
    let mended = |f: &FileFacts| f.swap_only || f.line_endings_only;
    if !out.files.iter().all(mended) {
        out.why = super::words::pick_reason(reasons);
    }
    out.pins = pins.finish();
    (out.actions_came, out.actions_went) = pins.came_and_went();
    out.pins_only = !out.pins.is_empty() && pins.other_lines == 0;
    out.moved_lines = removed_code
        .iter()
        .filter(|line| added_code.contains(*line))
        .count() as u32;
    out.compared_lines = removed_code.len() as u32;
    let mut new_defs = out.files.iter().flat_map(|f| &f.added_defs);
    if let (Some(def), None) = (new_defs.next(), new_defs.next())
        && def.name.len() >= 4
    {
        let call = format!("{}(", def.name);
        let defines = |line: &str| {
            ["fn ", "def ", "function ", "func "]
                .iter()
                .any(|k| line.contains(&format!("{k}{call}")))
        };
        out.new_def_calls = added_code
            .iter()
            .filter_map(|line| std::str::from_utf8(line).ok())
            .filter(|line| line.contains(&call) && !defines(line))
            .count() as u32;
    }
    // A nightly pin moved beside lint levels set is the nightly the lints need, not the
    // change (tokio's `chore: use [lints] to address unexpected_cfgs lint`).
    out.toolchain = super::toolchain::read(&out.files)
        .filter(|t| out.lints.is_empty() || !t.pins_nightly_only());
    out
}

impl Analysis {
    /// Returns the files that carry the change, leaving out release notes and changelogs when
    /// anything else changed.
    pub(crate) fn substantive(&self) -> Vec<&FileFacts> {
        let others: Vec<&FileFacts> = self.files.iter().filter(|f| f.kind != Kind::Note).collect();
        if others.is_empty() {
            self.files.iter().collect()
        } else {
            others
        }
    }

    /// Tells whether the change is a release: a manifest's own version moved, with its
    /// changelog or the release notes it consumed (a monorepo's release also moves the
    /// requirements between its packages; that is no dependency bump).
    pub(crate) fn is_release(&self) -> bool {
        self.manifest.release.is_some()
            && self
                .files
                .iter()
                .any(|f| f.kind == Kind::Note || paths::is_changelog(&f.path))
    }

    /// Returns the locked packages that moved from one version to another, leaving out the
    /// project's own packages when its version moved too (a release bumps them in the lock).
    pub(crate) fn bumped_locks(&self) -> Vec<super::deps::DepChange> {
        self.locked
            .iter()
            .filter(|d| d.from.is_some() && d.to.is_some())
            .filter(|d| self.manifest.release.is_none() || d.to != self.manifest.release)
            .cloned()
            .collect()
    }

    /// Returns the dependency changes the body lists: the manifests', else the lockfiles'
    /// bumps, else the CI action pins, else the tools whose versions moved in place.
    pub(crate) fn dependency_changes(&self) -> Vec<super::deps::DepChange> {
        if !self.manifest.deps.is_empty() {
            return self.manifest_deps();
        }
        let locked = self.bumped_locks();
        if !locked.is_empty() {
            return locked;
        }
        if !self.pins.is_empty() {
            return self.pins.clone();
        }
        self.tools()
    }

    /// The manifests' dependency changes ([`resolved_manifest_deps`]), and the lockfile's
    /// refresh beside one or two of them (`cargo update`) when it moved three packages or
    /// more that no manifest line names: clap's `Update dependencies`, one requirement loosened and 14
    /// packages moved, read `bump snapbox from 0.2.9 to 0.2`.
    ///
    /// [`resolved_manifest_deps`]: Self::resolved_manifest_deps
    pub(crate) fn manifest_deps(&self) -> Vec<super::deps::DepChange> {
        let mut deps = self.resolved_manifest_deps();
        let others: Vec<super::deps::DepChange> =
            super::deps::roots(&self.bumped_locks(), &self.lock_edges)
                .into_iter()
                .filter(|l| !deps.iter().any(|d| d.name == l.name))
                .collect();
        // A release moves its own packages in the lock: those are the release. Beside
        // three requirements or more, the lock's moves are theirs (napi's packages, jest's
        // and babel's): a lockfile read without its edges cannot tell.
        if others.len() >= 3
            && deps.len() <= 2
            && self.manifest.release.is_none()
            && !self.is_release()
        {
            deps.extend(others);
        }
        deps
    }

    /// The manifests' dependency changes, a requirement loosened to what the lockfile then
    /// resolves (`"1.21.1"` → `"1"` while the lock moves to 1.21.2) said by the locked
    /// versions: tauri's `bump tokio from 1.21.1 to 1.21.2`, not `… to 1`.
    pub(crate) fn resolved_manifest_deps(&self) -> Vec<super::deps::DepChange> {
        let locked = self.bumped_locks();
        (self.manifest.deps.iter())
            .map(|dep| {
                let lock = locked.iter().find(|l| l.name == dep.name);
                // Fewer parts than before (`1.21.1` → `1`), and the lock within them; a
                // requirement moved as written (`0.18` → `0.20`) is said as written.
                let loosened = |lock: &super::deps::DepChange| {
                    let (Some(from), Some(to), Some(resolved)) = (&dep.from, &dep.to, &lock.to)
                    else {
                        return false;
                    };
                    to.split('.').count() < from.split('.').count()
                        && resolved.starts_with(&format!("{to}."))
                };
                match lock {
                    Some(lock) if loosened(lock) => lock.clone(),
                    _ => dep.clone(),
                }
            })
            .collect()
    }

    /// The tools whose versions moved in place, across the files, each once.
    pub(crate) fn tools(&self) -> Vec<super::deps::DepChange> {
        let mut tools: Vec<super::deps::DepChange> = Vec::new();
        for dep in self.files.iter().flat_map(|f| &f.tools) {
            if !tools.contains(dep) {
                tools.push(dep.clone());
            }
        }
        tools
    }

    /// Counts the public definitions removed and not added back under the same name anywhere.
    pub(crate) fn removed_public(&self) -> Vec<&Def> {
        let added: HashSet<&str> = self
            .files
            .iter()
            .flat_map(|f| f.added_defs.iter().map(|d| d.name.as_str()))
            .collect();
        self.files
            .iter()
            .filter(|f| matches!(f.kind, Kind::Source) && f.status != Status::Renamed)
            .flat_map(|f| f.removed_defs.iter())
            .filter(|d| d.public && d.kind != DefKind::Test && !added.contains(d.name.as_str()))
            .collect()
    }

    /// The definitions called `name` the change adds, removes or edits in source files.
    fn defs_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Def> {
        self.files
            .iter()
            .filter(|f| !matches!(f.lang, Lang::Markdown | Lang::Other))
            .flat_map(|f| [&f.added_defs, &f.removed_defs, &f.touched])
            .flatten()
            .filter(move |d| d.name == name)
    }

    /// Tells whether the change defines, removes or edits something called `name` in a
    /// source file.
    pub(crate) fn defines(&self, name: &str) -> bool {
        self.defs_named(name).next().is_some()
    }

    /// Tells whether that something is a function (a method, a test aside).
    pub(crate) fn defines_function(&self, name: &str) -> bool {
        self.defs_named(name).any(|d| d.kind == DefKind::Function)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_roots_are_the_first_segments_of_paths() {
        let mut roots = Vec::new();
        push_roots(b"atty::is(atty::Stream::Stdin)", &mut roots);
        push_roots(b"use once_cell::sync::Lazy;", &mut roots);
        push_roots(
            b"let x = <T as de::Deserialize>::deserialize(d)?;",
            &mut roots,
        );
        push_roots(
            b"crate::util::go(self::x, Self::new(), super::y, 2::z)",
            &mut roots,
        );
        assert_eq!(roots, ["atty", "once_cell", "de"]);
    }

    #[test]
    fn words_split_camel_and_snake_case() {
        let mut out = [0; GROUPS];
        count_words(b"handleError(fix_the_bug) fastPath", &mut out);
        assert_eq!(out[GUARD], 1);
        assert_eq!(out[FIX], 3);
        assert_eq!(out[PERF], 1);
    }

    #[test]
    fn version_headings_are_recognised() {
        assert!(is_version_heading(b"## [1.2.0] - 2024-01-01"));
        assert!(is_version_heading(b"# v0.3.1"));
        assert!(is_version_heading(b"### 20240127-113634-bbcac864"));
        assert!(!is_version_heading(b"### 20240127 notes"));
        assert!(!is_version_heading(b"## Features"));
        assert!(!is_version_heading(b"1.2.3"));
    }

    /// Python docstrings are found whether the hunk opens them or starts inside one, on each
    /// side; a string assigned to a name is not one.
    #[test]
    fn python_docstrings_are_told_from_code() {
        let marks = |body: &str| {
            let hunk = crate::diff::Hunk {
                old_start: 1,
                old_lines: 0,
                new_start: 1,
                new_lines: 0,
                section: "".into(),
                body: body.into(),
                above: "".into(),
                fenced: None,
                below: Default::default(),
                within: Default::default(),
            };
            docstring_lines(&hunk)
        };
        // Starts inside a docstring: the first quote closes it.
        let inside = "     Joins branches.\n-    A component to join branches.\n+    A component that merges branches.\n     \"\"\"\n \n     def run(self):\n-        return 1\n+        return 2\n";
        assert_eq!(
            marks(inside),
            [true, true, true, true, false, false, false, false]
        );
        // Opened in the hunk, after a `def` line, and one on a line of its own.
        let opened = " def run(self):\n+    \"\"\"\n+    Runs it.\n+    \"\"\"\n+    \"\"\"One line.\"\"\"\n     x = 1\n";
        assert_eq!(marks(opened), [false, true, true, true, true, false]);
        // A string value is code.
        let value = "+QUERY = \"\"\"\n+SELECT 1\n+\"\"\"\n";
        assert_eq!(marks(value), [false, false, false]);
    }
}
