//! The changelog's errors, each with the next step for the user.

use crate::filter::GlobError;
use crate::git::GitError;
use std::path::{Path, PathBuf};

/// Errors from making a changelog or release notes.
#[derive(Debug, thiserror::Error)]
pub enum ChangelogError {
    #[error("invalid `changelog.tag-pattern` `{pattern}`")]
    Pattern {
        pattern: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("no tag matches `changelog.tag-pattern` (`{pattern}`)")]
    NoTags { pattern: String, shallow: bool },
    #[error("no release tag points at HEAD")]
    HeadNotTagged,
    #[error("no tag `{0}` matching `changelog.tag-pattern`")]
    UnknownTag(String),
    #[error("the history of `{range}` goes past the edge of this shallow clone")]
    Shallow { range: String },
    #[error("cannot resolve the revision `{rev}`")]
    Revision {
        rev: String,
        #[source]
        source: GitError,
    },
    #[error("`--prepend` writes Markdown; it cannot be combined with `--format json`")]
    PrependJson,
    #[error("cannot use the template `{file}`{}", at_line(.line))]
    Template {
        file: String,
        line: Option<usize>,
        #[source]
        source: Box<minijinja::Error>,
    },
    #[error("the value of `{name}` holds a line break, which a dotenv file cannot")]
    Dotenv { name: String },
    #[error("`{}` already has a section [{label}] that git-herald did not write", path.display())]
    ForeignSection { label: String, path: PathBuf },
    #[error("invalid `--include-path` glob `{glob}`")]
    IncludePath {
        glob: String,
        #[source]
        source: globset::Error,
    },
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Filter(#[from] GlobError),
    /// Reading a template or changelog, or writing an output file, failed.
    #[error("failed to {what} `{}`", path.display())]
    Io {
        /// What was being done to the file: `read`, `write`, `append to`, ...
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn at_line(line: &Option<usize>) -> String {
    line.map(|n| format!(" (line {n})")).unwrap_or_default()
}

const FETCH_HINT: &str = "fetch the full history and tags: `git fetch --unshallow --tags` (on \
                          GitHub Actions, `fetch-depth: 0` on `actions/checkout`)";

impl ChangelogError {
    /// Builds an I/O error that says what was being done to which file.
    pub(super) fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.to_owned();
        move |source| ChangelogError::Io { what, path, source }
    }

    /// Returns the next step for the user.
    pub fn hint(&self) -> Option<String> {
        match self {
            ChangelogError::Pattern { .. } => {
                Some("`tag-pattern` is a regular expression matched against tag names".into())
            }
            ChangelogError::NoTags { shallow: true, .. } | ChangelogError::Shallow { .. } => {
                Some(FETCH_HINT.into())
            }
            ChangelogError::NoTags { .. } => Some(
                "tag a release (`git tag v0.1.0`), fetch the tags (`git fetch --tags`; \
                 `fetch-depth: 0` on GitHub Actions), or set `changelog.tag-pattern`"
                    .into(),
            ),
            ChangelogError::HeadNotTagged => {
                Some("name the tag with `--tag NAME`, or tag the commit first".into())
            }
            ChangelogError::UnknownTag(_) => Some(
                "list the tags with `git tag --list`; fetch them with `git fetch --tags` \
                 (`fetch-depth: 0` on GitHub Actions)"
                    .into(),
            ),
            ChangelogError::Revision { .. } => {
                Some("a range is `A..B` with any revisions git knows (tags, branches, SHAs)".into())
            }
            ChangelogError::Template { .. } => Some(
                "a template gets the data of `--format json` (`releases`, each with `sections` \
                 of `commits`) and `command`; see \"Templates\" in the README"
                    .into(),
            ),
            ChangelogError::ForeignSection { .. } => Some(
                "nothing was written; pass `--replace` to replace it with the generated \
                 section, or edit the file by hand"
                    .into(),
            ),
            ChangelogError::IncludePath { .. } => Some(
                "a glob is matched against paths from the repository's root, e.g. \
                 `crates/acme/**`"
                    .into(),
            ),
            ChangelogError::Git(e) => e.hint().map(str::to_owned),
            ChangelogError::PrependJson
            | ChangelogError::Dotenv { .. }
            | ChangelogError::Filter(_)
            | ChangelogError::Io { .. } => None,
        }
    }
}
