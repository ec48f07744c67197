//! The changelog's settings (`[changelog]`): sections, hidden types, the tag pattern,
//! pre-releases and the forge, with their built-in defaults.

use super::ChangelogError;
use regex::Regex;
use serde::Deserialize;

/// What to do with pre-release tags (`v2.0.0-rc.1`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PreReleases {
    /// Each pre-release gets its own section.
    #[default]
    Include,
    /// Pre-releases are not boundaries: their commits go into the next release.
    Fold,
}

/// Which forge the remote's links follow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ForgeSetting {
    /// From the remote's host name.
    #[default]
    Auto,
    Github,
    Gitlab,
    Gitea,
    Bitbucket,
    /// No links.
    None,
}

/// One section of a release: its title and the commit types it gathers (`!` gathers breaking
/// changes, `*` every type no other section names).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    pub title: String,
    pub types: Vec<String>,
}

impl SectionSpec {
    fn new(title: &str, types: &[&str]) -> Self {
        SectionSpec {
            title: title.into(),
            types: types.iter().map(|t| (*t).to_owned()).collect(),
        }
    }
}

/// Settings of the changelog (`[changelog]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub sections: Vec<SectionSpec>,
    /// Types left out of the Markdown (breaking changes are always shown).
    pub hidden: Vec<String>,
    /// Regular expression a tag's name must match to count as a release.
    pub tag_pattern: String,
    pub pre_releases: PreReleases,
    /// Follow only the first parent of merges (a merged PR is one entry).
    pub first_parent: bool,
    pub forge: ForgeSetting,
    /// A minijinja template that shapes the output instead of the built-in Markdown.
    pub template: Option<std::path::PathBuf>,
}

/// The default tag pattern: semver-like, with or without `v`.
pub const TAG_PATTERN: &str = r"^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$";

impl Default for Options {
    /// The built-in defaults; `src/defaults.toml` says the same (a config test checks it).
    fn default() -> Self {
        Options {
            sections: vec![
                SectionSpec::new("Breaking changes", &["!"]),
                SectionSpec::new("Features", &["feat"]),
                SectionSpec::new("Bug fixes", &["fix"]),
                SectionSpec::new("Performance", &["perf"]),
                SectionSpec::new("Security", &["security"]),
                SectionSpec::new("Documentation", &["docs"]),
                SectionSpec::new("Refactoring", &["refactor"]),
                SectionSpec::new("Other changes", &["*"]),
            ],
            hidden: ["chore", "ci", "test", "style", "build"]
                .map(String::from)
                .to_vec(),
            tag_pattern: TAG_PATTERN.into(),
            pre_releases: PreReleases::Include,
            first_parent: true,
            forge: ForgeSetting::Auto,
            template: None,
        }
    }
}

/// The Conventional Commits types every changelog knows, whatever the sections name.
const STANDARD_TYPES: &[&str] = &[
    "feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert",
    "security",
];

impl Options {
    /// Compiles the tag pattern.
    pub fn tag_regex(&self) -> Result<Regex, ChangelogError> {
        Regex::new(&self.tag_pattern).map_err(|source| ChangelogError::Pattern {
            pattern: self.tag_pattern.clone(),
            source: Box::new(source),
        })
    }

    /// Returns the test of a release tag: the pattern matches, or, with the default pattern,
    /// it is a package's semver tag (`acme-v0.30.2`, `@acme/ui@1.2.0`).
    pub fn release_matcher(&self) -> Result<impl Fn(&str) -> bool + use<>, ChangelogError> {
        let regex = self.tag_regex()?;
        let packages = self.tag_pattern == TAG_PATTERN;
        Ok(move |tag: &str| regex.is_match(tag) || (packages && super::is_package_tag(tag)))
    }

    /// Tells whether a header's type is one to trust (`Update: README` is prose, not a type).
    pub(super) fn is_known(&self, kind: &str) -> bool {
        STANDARD_TYPES.contains(&kind)
            || self.hidden.iter().any(|t| t == kind)
            || self
                .sections
                .iter()
                .any(|s| s.types.iter().any(|t| t == kind))
    }

    /// Returns the index of the section a commit goes to, if any.
    pub(super) fn section_of(&self, kind: &str, breaking: bool) -> Option<usize> {
        let find = |t: &str| {
            self.sections
                .iter()
                .position(|s| s.types.iter().any(|x| x == t))
        };
        breaking
            .then(|| find("!"))
            .flatten()
            .or_else(|| find(kind))
            .or_else(|| find("*"))
    }
}
