//! Changelogs and release notes from commit history: Conventional Commits parsing, sections,
//! reverted pairs cancelled, Keep a Changelog Markdown, a stable JSON format, templates, CI
//! outputs and `--prepend` into a file, one job a file (the way git-cliff-core is split).
//!
//! The parts are pure: commits come in as data ([`CommitInfo`](crate::git::CommitInfo), newest
//! first, as `git` walks them) and text goes out. Same input, same bytes: nothing in them reads
//! a clock, the environment or a hash map in iteration order. Only [`collect`] and
//! [`notes_tag`] (the repository), [`rewrite`] (a model) and the file writers
//! ([`write_file`], [`prepend_file`], [`render_template_file`], [`write_dotenv`],
//! [`write_github`]) reach outside.
//!
//! # JSON format (schema 1)
//!
//! `git herald changelog --format json` prints one object; fields are never removed or renamed
//! within a schema, new ones may be added. Absent values are `null`, never missing.
//!
//! ```text
//! {
//!   "schema": 1,
//!   "releases": [                       newest first
//!     {
//!       "version": "1.4.0" | null,      the tag without a leading `v`; null for Unreleased
//!       "tag": "v1.4.0" | null,         the tag (or `--tag` name) naming the section
//!       "previous_tag": "v1.3.0" | null, where the range starts; null from the first commit
//!       "date": "2026-11-29" | null,    UTC date of the tagged commit; null for Unreleased
//!       "range": "v1.3.0..v1.4.0",      the revision range, as `git log` takes it
//!       "compare_url": "https://…" | null,
//!       "sections": [                   in the configured order, empty ones left out
//!         { "title": "Features", "commits": [ COMMIT, … ] }   oldest first
//!       ],
//!       "hidden": [ COMMIT, … ],        commits of hidden types (`chore`, `ci`, …)
//!       "contributors": [               authors and co-authors, most commits first
//!         { "name": "Ada", "email": "ada@example.com", "commits": 3, "first_time": true }
//!       ]
//!     }
//!   ]
//! }
//! COMMIT = {
//!   "id": "<40 hex>", "short_id": "<7 hex>", "url": "https://…" | null,
//!   "type": "feat",                     from the header, or classified from the diff
//!   "scope": "parser" | null, "subject": "add pairs",
//!   "conventional": true,               false when the type was classified from the diff
//!   "breaking": false, "breaking_note": "…" | null,   the note whole, line breaks kept
//!   "body": "…" | null,                 the message between header and footers
//!   "footers": [ { "token": "Reviewed-by", "value": "Bo" } ],
//!   "pr": 123 | null, "pr_url": "https://…" | null,
//!   "refs": [ { "action": "closes", "id": "#12", "url": "https://…" | null } ],
//!   "authors": [ { "name": "Ada", "email": "ada@example.com" } ],
//!   "date": "2026-11-28"                UTC commit date
//! }
//! ```

mod bump;
mod ci;
mod collect;
mod commit;
mod error;
mod house;
mod json;
mod markdown;
mod model;
mod options;
mod output;
mod prepend;
mod release;
mod remote;
mod rewrite;
mod template;
#[cfg(test)]
mod test_support;
mod version;

pub use bump::{Bump, bump_of, name_next, next_tag};
pub use ci::{dotenv, github_output, write_dotenv, write_github};
pub use collect::{Changelog, Scope, Target, collect, collect_scoped, notes_tag};
pub use commit::{Author, Footer, Parsed, Reference, is_pr_merge, parse};
pub use error::ChangelogError;
pub use house::{
    BulletStyle, HeadingStyle, House, RefStyle, ScopeStyle, Style, learn, types_of_title,
};
pub use json::render_json;
pub use markdown::{
    HEADER_TEXT, link_definition, render_markdown, render_markdown_styled, render_notes,
    render_notes_styled, render_section, render_section_styled,
};
pub use model::{
    MODEL_PART_SYSTEM, MODEL_PROMPT_VERSION, MODEL_SUMMARY_SYSTEM, MODEL_SYSTEM, ModelPart,
    apply_model, assemble, check_part, model_input, model_parts, strip_tokens,
};
pub use options::{ForgeSetting, Options, PreReleases, SectionSpec, TAG_PATTERN};
pub use output::write_file;
pub use prepend::{Prepended, prepend, prepend_file, prepend_styled};
pub use release::{Contributor, Entry, Release, Section, build, date};
pub use remote::{Forge, Remote};
pub use rewrite::rewrite;
pub use template::{render_template, render_template_file};
pub use version::{
    Head, Selection, Span, is_newer, is_package_tag, is_prerelease, order_tags, package_of, plan,
    split_tag, version_of,
};

/// Compiles one of the built-in patterns.
fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("the built-in patterns are valid")
}
