//! Every prompt git-herald sends, versioned: the rules, the file list with stats, the diff
//! text, chunk summaries and their merge. Its functions take only redacted input
//! ([`RedactedDiff`], [`Redacted`], [`RedactedChunk`]) besides the style settings, and a
//! [`Prompt`] is made nowhere else, so what reaches `llm::Request` has been through the
//! redactor.

use crate::diff::{self, RenderOptions};
use crate::filter::{FileEntry, Treatment};
use crate::message::Style;
use crate::redact::{Redacted, RedactedChunk, RedactedDiff};
use bstr::ByteSlice;

/// Bumped whenever the text below changes, so cached answers from older prompts are not reused.
pub const VERSION: u32 = 3;

/// Tokens the answer may take.
pub const MAX_OUTPUT: u32 = 400;

/// A prompt ready to send: made only by this module's functions, from redacted text.
///
/// ```compile_fail
/// // Raw text cannot become a prompt: the fields are private.
/// let prompt = git_herald::prompt::Prompt { system: String::new(), user: "AKIA…".into(), omitted: vec![] };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    system: String,
    user: String,
    /// Files left out for lack of room.
    omitted: Vec<String>,
}

impl Prompt {
    fn new(system: impl Into<String>, user: String) -> Self {
        Prompt {
            system: system.into(),
            user,
            omitted: Vec::new(),
        }
    }

    /// Returns the system prompt.
    pub fn system(&self) -> &str {
        &self.system
    }

    /// Returns the user message.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Returns the files left out of the diff text for lack of room.
    pub fn omitted(&self) -> &[String] {
        &self.omitted
    }

    /// Asks for another version than those the user did not take, with their wish for it
    /// (both redacted). Unchanged on a first request.
    pub fn revise(mut self, rejected: &[Redacted], hint: Option<&Redacted>) -> Prompt {
        let rejected: Vec<String> = rejected.iter().map(ToString::to_string).collect();
        let hint = hint.map(ToString::to_string);
        self.user.push_str(&revision(&rejected, hint.as_deref()));
        self
    }

    /// Asks again after an answer that broke a rule; `problem` says which (redacted, as it may
    /// quote the answer).
    pub fn correct(mut self, problem: &Redacted) -> Prompt {
        self.user.push_str(&format!(
            "\n\nYour previous answer could not be used: {problem}. Answer again, following the \
             rules exactly."
        ));
        self
    }

    /// Marks one of several candidate requests, so neither a cache nor a server folds them.
    pub fn candidate(mut self, number: usize, of: usize) -> Prompt {
        self.user
            .push_str(&format!("\n\n(Candidate {number} of {of}.)"));
        self
    }
}

/// The part of a message's user text that describes the change without its diff text (see
/// [`listing`]), made from redacted input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing(String);

impl Listing {
    /// Returns the text, for counting its tokens.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const SUMMARY_SYSTEM: &str = "You summarise one part of a large staged diff for the person who \
will write its commit message. Reply with 1 to 6 `- ` bullets naming what changed (functions, \
types, files, behaviour) and why when the diff shows it. No preamble, no code fences. \
`[REDACTED:rule]` marks a removed secret; never guess it.";

const MERGE_SYSTEM: &str = "You merge summaries of parts of one large change into at most 10 \
`- ` bullets that keep every notable change. No preamble, no code fences.";

/// Returns the system prompt of a chunk summary, for counting its tokens.
pub fn summary_system() -> &'static str {
    SUMMARY_SYSTEM
}

/// The prompt that summarises part `number` of `total` of a large change.
pub fn summary(number: usize, total: usize, chunk: &RedactedChunk) -> Prompt {
    Prompt::new(
        SUMMARY_SYSTEM,
        format!("Part {number} of {total}:\n\n{}", chunk.text()),
    )
}

/// The prompt that merges a group of chunk summaries into fewer bullets.
pub fn merge(summaries: &Redacted) -> Prompt {
    Prompt::new(MERGE_SYSTEM, summaries.to_string())
}

/// The prompt of a message from the file list and the summaries of its parts.
pub fn from_summaries(style: &Style, listing: &Listing, summaries: &Redacted) -> Prompt {
    let mut user = listing.0.clone();
    user.push_str("\nSummaries of the diff, part by part:\n");
    user.push_str(&summaries.to_string());
    user.push('\n');
    Prompt::new(system(style), user)
}

/// A changelog prompt: one of the changelog's system prompts, and redacted commit text.
pub fn changelog(system: &'static str, input: &Redacted) -> Prompt {
    Prompt::new(system, input.to_string())
}

/// The prompt of a message from the whole (redacted) diff.
pub fn message(style: &Style, diff: &RedactedDiff, context: Option<&Redacted>) -> Prompt {
    let mut prompt = user(diff, usize::MAX, context);
    prompt.system = system(style);
    prompt
}

/// Builds the system prompt from the style rules.
pub fn system(style: &Style) -> String {
    let mut rules = String::from(
        "You write git commit messages from staged diffs. Reply with the commit message only: \
         no preamble, no explanation, no code fences, no quotes.\n\nRules:\n",
    );
    let conventions = &style.conventions;
    if style.conventional {
        let types = match &conventions.types {
            Some(types) => format!(
                "{} (this repository allows only these)",
                types.value.join(", ")
            ),
            None => "feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert".into(),
        };
        rules.push_str(&format!(
            "- The first line is a Conventional Commits header: `type(scope): summary`. Types: \
             {types}. The scope is the main component touched (a crate, package or folder); \
             leave it out when the change spans unrelated areas. Add `!` before the colon only \
             for a breaking change.\n"
        ));
        let required = conventions.scope_required.as_ref().map(|r| r.value);
        match (&conventions.scopes, required) {
            (_, Some(false)) => rules.push_str("- Write no scope.\n"),
            (Some(scopes), required) => rules.push_str(&format!(
                "- The scope is one of: {}{}.\n",
                scopes.value.join(", "),
                if required == Some(true) {
                    ""
                } else {
                    "; leave it out when none fits"
                }
            )),
            (None, Some(true)) => rules.push_str("- Always write a scope.\n"),
            (None, _) => {}
        }
        if let Some(case) = &conventions.subject_case {
            let hint = if case.value.never
                && case
                    .value
                    .cases
                    .contains(&crate::conventions::Case::Sentence)
            {
                ": start it with a lower-case letter"
            } else {
                ""
            };
            rules.push_str(&format!(
                "- The summary after the colon is {}{hint}.\n",
                case.value.describe()
            ));
        }
    } else {
        rules.push_str("- The first line is a capitalised summary, with no type prefix.\n");
    }
    // The gitmoji is added after the answer, and counts in the length.
    let room = style.max_subject.saturating_sub(style.gitmoji.reserve());
    rules.push_str(&format!(
        "- The first line has at most {room} characters, is in the imperative mood (\"add\", \
         not \"added\"), and has no trailing period.\n"
    ));
    if style.gitmoji != crate::gitmoji::Gitmoji::Off {
        rules.push_str("- Start the first line with no emoji: one is added for you.\n");
    }
    if style.body {
        rules.push_str(&format!(
            "- Then a blank line and a short body: `- ` bullets saying what changed and why, \
             wrapped at {} columns. Skip the body for a trivial change.\n",
            style.wrap
        ));
    } else {
        rules.push_str("- Write the first line only, no body.\n");
    }
    if let Some(language) = &style.language {
        rules.push_str(&format!(
            "- Write the summary and the body in this language: {language}. Keep the type and \
             scope in English.\n"
        ));
    }
    rules.push_str(
        "- Describe only what the diff shows. `[REDACTED:rule]` marks a secret that was removed \
         before sending; never guess it.\n",
    );
    rules
}

fn status_line(entry: &FileEntry) -> String {
    let c = &entry.change;
    let path = match &c.old_path {
        Some(old) => format!("{} -> {}", old.as_bstr(), c.path.as_bstr()),
        None => c.path.to_str_lossy().into_owned(),
    };
    format!(
        "{} {path} (+{} -{})",
        c.status.letter(),
        c.additions,
        c.deletions
    )
}

/// Most bytes of the file list; past it files are grouped by folder.
pub const LIST_LIMIT: usize = 12 * 1024;

/// Lists the files one per line, or when that passes `limit` bytes, grouped by folder (deeper
/// folders first, then their parents), so a change of thousands of files still fits.
fn file_list(entries: &[FileEntry], limit: usize) -> String {
    let full: String = entries
        .iter()
        .map(|e| format!("  {}\n", status_line(e)))
        .collect();
    if full.len() <= limit {
        return full;
    }
    let max_depth = entries
        .iter()
        .map(|e| e.change.path.iter().filter(|&&b| b == b'/').count())
        .max()
        .unwrap_or(0);
    for depth in (0..=max_depth).rev() {
        let mut groups: std::collections::BTreeMap<String, (usize, [usize; 6], usize, usize)> =
            std::collections::BTreeMap::new();
        for entry in entries {
            let path = entry.change.path.to_str_lossy();
            let dir: String = path
                .split('/')
                .take(depth.min(path.matches('/').count()))
                .collect::<Vec<_>>()
                .join("/");
            let group = groups.entry(dir).or_default();
            group.0 += 1;
            let kind = match entry.change.status.letter() {
                'A' => 0,
                'D' => 1,
                'M' => 2,
                'R' => 3,
                'C' => 4,
                _ => 5,
            };
            group.1[kind] += 1;
            group.2 += entry.change.additions;
            group.3 += entry.change.deletions;
        }
        let words = [
            "added",
            "deleted",
            "modified",
            "renamed",
            "copied",
            "changed in type",
        ];
        let text: String = groups
            .iter()
            .map(|(dir, (n, kinds, add, del))| {
                let what: Vec<String> = kinds
                    .iter()
                    .zip(words)
                    .filter(|(k, _)| **k > 0)
                    .map(|(k, w)| format!("{k} {w}"))
                    .collect();
                let dir = if dir.is_empty() {
                    "(top level)".to_owned()
                } else {
                    format!("{dir}/")
                };
                let files = crate::text::plural(*n, "file", "files");
                format!("  {dir}: {files} ({}), +{add} -{del}\n", what.join(", "))
            })
            .collect();
        if text.len() <= limit || depth == 0 {
            return text;
        }
    }
    String::new()
}

/// Returns the context lines of the user message: the branch, a ticket id to use as the
/// scope, and recent commit subjects as style examples. `None` when there is none of them.
pub fn context(
    branch: Option<&str>,
    ticket_scope: Option<&str>,
    recent: &[String],
) -> Option<String> {
    let mut out = String::new();
    if let Some(branch) = branch {
        out.push_str(&format!("Branch: {branch}\n"));
    }
    if let Some(ticket) = ticket_scope {
        out.push_str(&format!("Ticket: {ticket} (use it as the scope)\n"));
    }
    if !recent.is_empty() {
        out.push_str("Recent commit subjects in this repository (follow their style):\n");
        for subject in recent {
            out.push_str(&format!("  {subject}\n"));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// What the repository's history tells a model about a change (see `crate::history`).
#[derive(Debug, Clone)]
pub struct Learned<'a> {
    /// The form to write and the house style in words, with its evidence.
    pub house: Option<(crate::history::Form, String)>,
    /// The scopes or areas used for these paths, best first.
    pub prefixes: &'a [String],
    /// The scope (or "no scope") the nearby commits of each type use, in a Conventional
    /// Commits house (`Advice::typed_scopes`).
    pub typed_scopes: &'a [(&'static str, Option<String>)],
    /// The past subjects most like this change (by paths touched).
    pub examples: &'a [String],
}

/// Returns the context lines of the user message when the history was read: the branch, a
/// ticket id to use as the scope, the house style in words, the scopes or areas its people
/// use for these paths, and the past commits most like this one as examples (in place of the
/// last few subjects). `None` when there is none of them.
pub fn context_learned(
    branch: Option<&str>,
    ticket_scope: Option<&str>,
    learned: &Learned<'_>,
) -> Option<String> {
    use crate::history::Form;
    let mut out = context(branch, ticket_scope, &[]).unwrap_or_default();
    if let Some((form, words)) = &learned.house {
        out.push_str(&format!("House style of this repository: {words}.\n"));
        out.push_str(match form {
            Form::Conventional => "Write this subject as a Conventional Commits header.\n",
            Form::Area => "Write this subject as `area: summary` (no Conventional Commits type).\n",
            Form::Plain => {
                "Write this subject as a plain imperative sentence (no type, no prefix).\n"
            }
        });
    }
    if !learned.prefixes.is_empty() {
        let label = match learned.house {
            Some((Form::Area, _)) => "Areas",
            _ => "Scopes",
        };
        out.push_str(&format!(
            "{label} used for these paths: {}\n",
            learned.prefixes.join(", ")
        ));
    }
    if let Some(line) = scopes_by_type(learned.typed_scopes) {
        out.push_str(&line);
    }
    if !learned.examples.is_empty() {
        out.push_str("Past commits most like this change (follow their style):\n");
        for subject in learned.examples {
            out.push_str(&format!("  {subject}\n"));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Says which scope goes with which type near these paths (`Scopes by type for these
/// paths: feat, fix: (eslint-plugin); chore, docs: no scope`), when the types differ in it:
/// a model picks the type itself, and the house may scope its fixes but not its chores.
fn scopes_by_type(typed: &[(&'static str, Option<String>)]) -> Option<String> {
    let mut groups: Vec<(&Option<String>, Vec<&str>)> = Vec::new();
    let mut sorted: Vec<&(&'static str, Option<String>)> = typed.iter().collect();
    sorted.sort_by_key(|(kind, _)| *kind);
    for (kind, scope) in sorted {
        match groups.iter_mut().find(|(s, _)| *s == scope) {
            Some((_, kinds)) => kinds.push(kind),
            None => groups.push((scope, vec![kind])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    let said: Vec<String> = groups
        .iter()
        .map(|(scope, kinds)| {
            let scope = scope
                .as_deref()
                .map_or("no scope".to_owned(), |s| format!("({s})"));
            format!("{}: {scope}", kinds.join(", "))
        })
        .collect();
    Some(format!(
        "Scopes by type for these paths: {}\n",
        said.join("; ")
    ))
}

/// Adds the standing instructions (`message.instructions`, the repository's
/// `.github/commit-instructions.md`) to the context lines, which are redacted as a whole
/// before they are sent. `None` when there is neither.
pub fn with_instructions(context: Option<String>, instructions: &[String]) -> Option<String> {
    if instructions.is_empty() {
        return context;
    }
    let mut out = context.unwrap_or_default();
    out.push_str(
        "Standing instructions for this repository's commit messages (follow them where they \
         do not break a rule above):\n",
    );
    for text in instructions {
        out.push_str(text.trim_end());
        out.push('\n');
    }
    Some(out)
}

/// Returns what the final request adds when the user asked for another version: the versions
/// they did not take and their wish for the new one. Empty on a first request.
fn revision(rejected: &[String], hint: Option<&str>) -> String {
    let hint = hint.map(str::trim).filter(|h| !h.is_empty());
    if rejected.is_empty() && hint.is_none() {
        return String::new();
    }
    let mut out = String::new();
    if !rejected.is_empty() {
        out.push_str("\n\nThe user did not take these earlier versions; write a different one:\n");
        for (i, text) in rejected.iter().enumerate() {
            out.push_str(&format!(
                "<version {}>\n{}\n</version>\n",
                i + 1,
                text.trim_end()
            ));
        }
    }
    if let Some(hint) = hint {
        out.push_str(&format!(
            "\nWhat the user wants of the new version: {hint}\n(Still follow every rule above.)\n"
        ));
    }
    out
}

/// Returns the part of the user message that describes the change without its text: the
/// context (see `context`), the file list (grouped by folder when long) and the stats-only
/// files.
pub fn listing(diff: &RedactedDiff, context: Option<&Redacted>) -> Listing {
    Listing(listing_text(diff.entries(), context))
}

fn listing_text(entries: &[FileEntry], context: Option<&Redacted>) -> String {
    let mut out = String::new();
    if let Some(context) = context {
        out.push_str(context.to_string().trim_end());
        out.push_str("\n\n");
    }
    out.push_str("Files changed:\n");
    out.push_str(&file_list(entries, LIST_LIMIT));
    let summarised: Vec<_> = entries
        .iter()
        .filter(|e| e.decision.treatment != Treatment::Text)
        .collect();
    if !summarised.is_empty() {
        let lines: Vec<String> = summarised
            .iter()
            .map(|e| format!("  {}\n", e.stats_line()))
            .collect();
        if lines.iter().map(String::len).sum::<usize>() <= LIST_LIMIT {
            out.push_str("\nShown as stats only (content not sent):\n");
            out.extend(lines);
        } else {
            out.push_str(&format!(
                "\n{} of these files are shown as stats only (content not sent).\n",
                summarised.len()
            ));
        }
    }
    out
}

/// Builds the user message from the redacted files, keeping the diff text within
/// `budget_bytes`. Files that do not fit are listed as omitted. The system prompt is empty.
pub fn user(diff: &RedactedDiff, budget_bytes: usize, context: Option<&Redacted>) -> Prompt {
    let entries = diff.entries();
    let mut out = listing_text(entries, context);
    let mut diff_text = String::new();
    let mut omitted = Vec::new();
    let opts = RenderOptions::default();
    for entry in entries
        .iter()
        .filter(|e| e.decision.treatment == Treatment::Text)
    {
        let mut one = bstr::BString::default();
        diff::render_file(&mut one, &entry.change, opts);
        if diff_text.len() + one.len() > budget_bytes {
            omitted.push(entry.change.path.to_str_lossy().into_owned());
            continue;
        }
        diff_text.push_str(&one.to_str_lossy());
    }
    if !omitted.is_empty() {
        out.push_str("\nLeft out for length (changed, but not shown below):\n");
        for path in &omitted {
            out.push_str(&format!("  {path}\n"));
        }
    }
    if !diff_text.is_empty() {
        out.push_str("\nDiff:\n");
        out.push_str(&diff_text);
    }
    Prompt {
        system: String::new(),
        user: out,
        omitted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::parse;
    use crate::filter::{Attributes, Filter, FilterOptions};

    fn entries(text: &str) -> RedactedDiff {
        let filter = Filter::new(&FilterOptions::default()).unwrap();
        let entries: Vec<FileEntry> = parse(text.as_bytes())
            .into_iter()
            .map(|change| FileEntry {
                decision: filter.decide(&change, Attributes::default()),
                change,
            })
            .collect();
        crate::redact::Redactor::new(&Default::default())
            .unwrap()
            .redact_diff(&entries)
    }

    const DIFF: &str = "diff --git a/src/a.rs b/src/a.rs\nindex 1..2 100644\n--- a/src/a.rs\n+++ b/src/a.rs\n@@ -1 +1 @@\n-old\n+new\ndiff --git a/Cargo.lock b/Cargo.lock\nindex 3..4 100644\n--- a/Cargo.lock\n+++ b/Cargo.lock\n@@ -1 +1 @@\n-a\n+b\n";

    #[test]
    fn scopes_by_type_are_said_only_where_types_differ() {
        let typed =
            |pairs: &[(&'static str, Option<&str>)]| -> Vec<(&'static str, Option<String>)> {
                pairs
                    .iter()
                    .map(|(k, s)| (*k, s.map(str::to_owned)))
                    .collect()
            };
        let learned = |typed: &[(&'static str, Option<String>)]| {
            context_learned(
                None,
                None,
                &Learned {
                    house: None,
                    prefixes: &[],
                    typed_scopes: typed,
                    examples: &[],
                },
            )
            .unwrap_or_default()
        };
        let mixed = typed(&[
            ("fix", Some("eslint-plugin")),
            ("chore", None),
            ("feat", Some("eslint-plugin")),
            ("docs", None),
        ]);
        assert_eq!(
            learned(&mixed),
            "Scopes by type for these paths: chore, docs: no scope; feat, fix: (eslint-plugin)\n"
        );
        let same = typed(&[("fix", Some("cli")), ("feat", Some("cli"))]);
        assert_eq!(learned(&same), "");
    }

    #[test]
    fn revision_names_rejected_versions_and_the_hint() {
        assert_eq!(revision(&[], None), "");
        assert_eq!(revision(&[], Some("  ")), "");
        let text = revision(&["feat: a\n\n- b\n".to_owned()], Some("shorter"));
        assert!(
            text.contains("<version 1>\nfeat: a\n\n- b\n</version>"),
            "{text}"
        );
        assert!(text.contains("wants of the new version: shorter"), "{text}");
        assert!(!revision(&[], Some("mention the migration")).contains("earlier versions"));
    }

    #[test]
    fn lists_files_stats_and_diff() {
        let ctx = context(
            Some("feature/ABC-1"),
            None,
            &["fix(cli): handle -".to_owned()],
        );
        let ctx = ctx.map(|c| {
            crate::redact::Redactor::new(&Default::default())
                .unwrap()
                .redact_text(&c, "<context>")
        });
        let prompt = user(&entries(DIFF), 10_000, ctx.as_ref());
        assert!(prompt.user.contains("Recent commit subjects"));
        assert!(prompt.user.contains("Branch: feature/ABC-1"));
        assert!(prompt.user.contains("  M src/a.rs (+1 -1)"));
        assert!(prompt.user.contains("Cargo.lock: regenerated"));
        assert!(prompt.user.contains("+new"));
        assert!(!prompt.user.contains("+b\n"), "lockfile text is not sent");
        assert!(prompt.omitted.is_empty());
    }

    #[test]
    fn files_over_budget_are_named_not_sent() {
        let prompt = user(&entries(DIFF), 10, None);
        assert_eq!(prompt.omitted, ["src/a.rs"]);
        assert!(!prompt.user.contains("+new"));
        assert!(prompt.user.contains("Left out for length"));
    }

    #[test]
    fn long_file_lists_are_grouped_by_folder() {
        let mut text = String::new();
        for i in 0..500 {
            text.push_str(&format!(
                "diff --git a/src/g{}/m{i}.rs b/src/g{}/m{i}.rs\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/src/g{}/m{i}.rs\n@@ -0,0 +1 @@\n+x\n",
                i % 5, i % 5, i % 5
            ));
        }
        let list = file_list(entries(&text).entries(), 2_000);
        assert!(list.len() <= 2_000, "{list}");
        assert!(
            list.contains("  src/g0/: 100 files (100 added), +100 -0"),
            "{list}"
        );
        let short = file_list(entries(DIFF).entries(), 2_000);
        assert!(short.contains("  M src/a.rs (+1 -1)"));
    }

    #[test]
    fn system_prompt_follows_style() {
        let s = system(&Style::default());
        assert!(s.contains("Conventional Commits") && s.contains("at most 72"));
        let plain = system(&Style {
            conventional: false,
            body: false,
            ..Style::default()
        });
        assert!(plain.contains("no type prefix") && plain.contains("first line only"));
        let german = system(&Style {
            language: Some("de".into()),
            ..Style::default()
        });
        assert!(german.contains("in this language: de"));
    }

    #[test]
    fn system_prompt_carries_the_repository_conventions() {
        let conventions = crate::conventions::Conventions::default().with_explicit(
            Some(vec!["feature".into(), "bugfix".into()]),
            Some(vec!["api".into()]),
        );
        let s = system(&Style {
            conventions,
            gitmoji: crate::gitmoji::Gitmoji::Unicode,
            ..Style::default()
        });
        assert!(
            s.contains("Types: feature, bugfix (this repository allows only these)"),
            "{s}"
        );
        assert!(s.contains("The scope is one of: api; leave it out"), "{s}");
        assert!(
            s.contains("at most 69 characters") && s.contains("no emoji"),
            "{s}"
        );
    }
}
