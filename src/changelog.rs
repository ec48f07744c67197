//! Changelogs from commit history: Conventional Commits parsing, sections, reverted pairs
//! cancelled, Keep a Changelog Markdown, a stable JSON format and `--prepend` into a file.
//!
//! Pure: commits come in as data ([`CommitInfo`], newest first, as `git` walks them) and text
//! goes out. Same input, same bytes: nothing here reads a clock, the environment or a hash map
//! in iteration order.
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
//!       "hidden": [ COMMIT, … ]         commits of hidden types (`chore`, `ci`, …)
//!     }
//!   ]
//! }
//! COMMIT = {
//!   "id": "<40 hex>", "short_id": "<7 hex>", "url": "https://…" | null,
//!   "type": "feat",                     from the header, or classified from the diff
//!   "scope": "parser" | null, "subject": "add pairs",
//!   "conventional": true,               false when the type was classified from the diff
//!   "breaking": false, "breaking_note": "…" | null,
//!   "pr": 123 | null, "pr_url": "https://…" | null,
//!   "refs": [ { "action": "closes", "id": "#12", "url": "https://…" | null } ],
//!   "authors": [ { "name": "Ada", "email": "ada@example.com" } ],
//!   "date": "2026-11-28"                UTC commit date
//! }
//! ```

use crate::git::{CommitInfo, GitError, Tag};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// Errors from planning a changelog.
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
}

fn at_line(line: &Option<usize>) -> String {
    line.map(|n| format!(" (line {n})")).unwrap_or_default()
}

const FETCH_HINT: &str = "fetch the full history and tags: `git fetch --unshallow --tags` (on \
                          GitHub Actions, `fetch-depth: 0` on `actions/checkout`)";

impl ChangelogError {
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
            ChangelogError::PrependJson | ChangelogError::Dotenv { .. } => None,
        }
    }
}

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

    /// Tells whether a header's type is one to trust (`Update: README` is prose, not a type).
    fn is_known(&self, kind: &str) -> bool {
        STANDARD_TYPES.contains(&kind)
            || self.hidden.iter().any(|t| t == kind)
            || self
                .sections
                .iter()
                .any(|s| s.types.iter().any(|t| t == kind))
    }

    /// Returns the index of the section a commit goes to, if any.
    fn section_of(&self, kind: &str, breaking: bool) -> Option<usize> {
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

// ---------------------------------------------------------------------------------------------
// Parsing one message.

/// An issue or PR named in a trailer (`Closes: #12`, `Refs #4, acme/api#7`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `closes`, `fixes`, `resolves` or `refs`.
    pub action: String,
    /// `#12`, `acme/api#7` or `PROJ-123`, as written.
    pub id: String,
}

/// A commit's author or co-author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    pub name: String,
    pub email: String,
}

/// A commit message read as Conventional Commits (or not).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The header line that describes the change (a merged PR's title for a PR merge), with
    /// any `(#123)` suffix taken off.
    pub header: String,
    /// The lower-cased type, when the header has the `type(scope)!: subject` shape.
    pub kind: Option<String>,
    pub scope: Option<String>,
    /// The description after `type(scope): `, or the whole header when it is not conventional.
    pub subject: String,
    /// `!` in the header or a `BREAKING CHANGE:` footer.
    pub breaking: bool,
    /// The text of the `BREAKING CHANGE:` footer, on one line.
    pub breaking_note: Option<String>,
    /// The PR (or merge request) number: `(#123)` at the end of the header, or a merge's.
    pub pr: Option<u64>,
    /// Whether this is a forge's PR merge commit (`Merge pull request #12 from …`).
    pub pr_merge: bool,
    pub refs: Vec<Reference>,
    /// `Co-authored-by:` trailers.
    pub co_authors: Vec<Author>,
    /// The commit this one reverts (`This reverts commit <sha>.`), lower-case hex.
    pub reverts: Option<String>,
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the built-in patterns are valid")
}

static HEADER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\r\n]*)\))?(!)?:[ \t]+(\S.*)$"));
static PR_SUFFIX: LazyLock<Regex> = LazyLock::new(|| regex(r"^(.*?)[ \t]*\(#([0-9]+)\)[ \t]*$"));
static GITHUB_MERGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Merge pull request #([0-9]+) from \S+"));
static GITEA_MERGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Merge pull request '(.+)' \(#([0-9]+)\) from \S+"));
static BITBUCKET_MERGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Merged in \S+ \(pull request #([0-9]+)\)"));
static GITLAB_MERGE: LazyLock<Regex> = LazyLock::new(|| regex(r"^Merge branch '.+' into '.+'$"));
static GITLAB_MR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?m)^See merge request (?:\S+)?!([0-9]+)\s*$"));
static TRAILER_REF: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(refs?|references|see|close[sd]?|fix(?:es|ed)?|resolve[sd]?)(?::[ \t]*|[ \t]+)(\S.*)$",
    )
});
static REF_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?#[0-9]+$|^[A-Z][A-Z0-9_]+-[0-9]+$")
});
static BREAKING: LazyLock<Regex> = LazyLock::new(|| regex(r"^BREAKING[ -]CHANGE:[ \t]*(.*)$"));
static FOOTER: LazyLock<Regex> = LazyLock::new(|| regex(r"^[A-Za-z][A-Za-z0-9-]*(?:: | #)"));
static CO_AUTHOR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^co-authored-by:[ \t]*(.+?)[ \t]*<([^>]*)>[ \t]*$"));
static REVERTS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"This reverts commit ([0-9a-fA-F]{7,64})"));

/// Maps common spellings to the standard type (`feature` → `feat`).
fn canonical_type(kind: &str) -> String {
    let lower = kind.to_ascii_lowercase();
    match lower.as_str() {
        "feature" | "features" => "feat",
        "bugfix" | "hotfix" | "fixes" => "fix",
        "doc" => "docs",
        "tests" => "test",
        "performance" => "perf",
        "refactoring" => "refactor",
        "sec" => "security",
        "reverts" => "revert",
        _ => return lower,
    }
    .to_owned()
}

/// Returns a forge's PR merge: the PR number, the PR title if the message has it, and the
/// rest of the body.
fn pr_merge<'a>(header: &'a str, body: &'a str) -> Option<(u64, Option<&'a str>, &'a str)> {
    let first_line = |text: &'a str| {
        let text = text.trim_start_matches(['\n', '\r']);
        let (line, rest) = text.split_once('\n').unwrap_or((text, ""));
        let line = line.trim();
        (!line.is_empty() && !GITLAB_MR.is_match(line)).then_some((line, rest))
    };
    let number = |s: &str| s.parse::<u64>().ok();
    if let Some(c) = GITEA_MERGE.captures(header) {
        let title = c.get(1).map(|m| m.as_str());
        return Some((number(&c[2])?, title, body));
    }
    let pr = if let Some(c) = GITHUB_MERGE.captures(header) {
        number(&c[1])?
    } else if let Some(c) = BITBUCKET_MERGE.captures(header) {
        number(&c[1])?
    } else if GITLAB_MERGE.is_match(header) {
        number(&GITLAB_MR.captures(body)?[1])?
    } else {
        return None;
    };
    Some(match first_line(body) {
        Some((title, rest)) => (pr, Some(title), rest),
        None => (pr, None, body),
    })
}

/// Tells whether a message is a forge's PR merge (`Merge pull request #12 from …`, GitLab's
/// `See merge request …!7`), as opposed to a merge of a local branch.
pub fn is_pr_merge(message: &str) -> bool {
    let message = message.trim_start();
    let (header, body) = message.split_once('\n').unwrap_or((message, ""));
    pr_merge(header.trim(), body).is_some()
}

/// Reads a commit message.
pub fn parse(message: &str) -> Parsed {
    let message = message.trim_start();
    let (header, body) = message.split_once('\n').unwrap_or((message, ""));
    let header = header.trim();
    let mut parsed = Parsed::default();
    let (mut header, body) = match pr_merge(header, body) {
        Some((pr, title, rest)) => {
            parsed.pr = Some(pr);
            parsed.pr_merge = true;
            (title.unwrap_or(header).to_owned(), rest)
        }
        None => (header.to_owned(), body),
    };
    if let Some(c) = PR_SUFFIX.captures(&header)
        && !c[1].trim().is_empty()
    {
        parsed.pr = parsed.pr.or_else(|| c[2].parse().ok());
        header = c[1].trim_end().to_owned();
    }
    match HEADER.captures(&header) {
        Some(c) => {
            parsed.kind = Some(canonical_type(&c[1]));
            parsed.scope = c
                .get(2)
                .map(|m| m.as_str().trim().to_owned())
                .filter(|s| !s.is_empty());
            parsed.breaking = c.get(3).is_some();
            parsed.subject = c[4].trim().to_owned();
        }
        None => parsed.subject.clone_from(&header),
    }
    parsed.header = header;
    read_footers(body, &mut parsed);
    parsed.reverts = REVERTS.captures(body).map(|c| c[1].to_ascii_lowercase());
    parsed
}

/// Reads `BREAKING CHANGE:`, issue trailers and `Co-authored-by:` from the body.
fn read_footers(body: &str, parsed: &mut Parsed) {
    let lines: Vec<&str> = body.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        i += 1;
        if let Some(c) = BREAKING.captures(line) {
            parsed.breaking = true;
            let mut note = c[1].trim().to_owned();
            // The note runs on until a blank line or the next footer.
            while i < lines.len() {
                let next = lines[i].trim();
                if next.is_empty() || FOOTER.is_match(next) || BREAKING.is_match(next) {
                    break;
                }
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(next);
                i += 1;
            }
            if !note.is_empty() && parsed.breaking_note.is_none() {
                parsed.breaking_note = Some(note);
            }
        } else if let Some(c) = CO_AUTHOR.captures(line) {
            let author = Author {
                name: c[1].to_owned(),
                email: c[2].to_owned(),
            };
            if !parsed.co_authors.contains(&author) {
                parsed.co_authors.push(author);
            }
        } else if let Some(c) = TRAILER_REF.captures(line) {
            let tokens: Vec<&str> = c[2]
                .split(|ch: char| ch == ',' || ch.is_whitespace())
                .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("and"))
                .collect();
            // Prose ("fixes a crash in #12") is not a trailer: every token must be a reference.
            if tokens.is_empty() || !tokens.iter().all(|t| REF_TOKEN.is_match(t)) {
                continue;
            }
            let action = match c[1].to_ascii_lowercase().as_str() {
                "close" | "closes" | "closed" => "closes",
                "fix" | "fixes" | "fixed" => "fixes",
                "resolve" | "resolves" | "resolved" => "resolves",
                _ => "refs",
            };
            for token in tokens {
                if parsed.refs.iter().any(|r| r.id == token) {
                    continue;
                }
                parsed.refs.push(Reference {
                    action: action.into(),
                    id: token.into(),
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tags and ranges.

/// The parts of a semver-like tag name.
#[derive(Debug, PartialEq, Eq)]
struct Version<'a> {
    core: [u64; 3],
    pre: Option<&'a str>,
}

fn version(tag: &str) -> Option<Version<'_>> {
    let s = tag.strip_prefix(['v', 'V']).unwrap_or(tag);
    let s = s.split_once('+').map_or(s, |(s, _)| s);
    let (core, pre) = match s.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (s, None),
    };
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    let out = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(Version { core: out, pre })
}

/// Compares two versions by semver precedence.
fn precedence(a: &Version<'_>, b: &Version<'_>) -> Ordering {
    a.core.cmp(&b.core).then_with(|| match (a.pre, b.pre) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => {
            let mut xs = x.split('.');
            let mut ys = y.split('.');
            loop {
                match (xs.next(), ys.next()) {
                    (None, None) => return Ordering::Equal,
                    (None, Some(_)) => return Ordering::Less,
                    (Some(_), None) => return Ordering::Greater,
                    (Some(p), Some(q)) => {
                        let ord = match (p.parse::<u64>(), q.parse::<u64>()) {
                            (Ok(m), Ok(n)) => m.cmp(&n),
                            (Ok(_), Err(_)) => Ordering::Less,
                            (Err(_), Ok(_)) => Ordering::Greater,
                            (Err(_), Err(_)) => p.cmp(q),
                        };
                        if ord != Ordering::Equal {
                            return ord;
                        }
                    }
                }
            }
        }
    })
}

/// Tells whether a tag names a pre-release (`v2.0.0-rc.1`).
pub fn is_prerelease(tag: &str) -> bool {
    version(tag).is_some_and(|v| v.pre.is_some())
}

/// Returns the version a tag names: `v1.4.0` → `1.4.0`; other names as they are.
pub fn version_of(tag: &str) -> String {
    match tag.strip_prefix(['v', 'V']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
        _ => tag.to_owned(),
    }
}

/// Orders tags newest first: by their place in the commit graph, then (several tags on one
/// commit) the higher version first, then by name.
pub fn order_tags(tags: &mut [Tag]) {
    tags.sort_by(|a, b| {
        a.position.cmp(&b.position).then_with(|| {
            match (version(&a.name), version(&b.name)) {
                (Some(x), Some(y)) => precedence(&y, &x),
                _ => Ordering::Equal,
            }
            .then_with(|| a.name.cmp(&b.name))
        })
    })
}

/// Which releases to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The commits after the latest tag (the default).
    Unreleased,
    /// The latest tag against the one before.
    Latest,
    /// The tag at HEAD against the one before.
    Current,
    /// Every tag, newest first, with unreleased commits on top.
    All,
    /// One existing tag against the one before.
    Tag(String),
}

/// The commit a range ends at, for unreleased sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub id: String,
    /// Committer time, seconds since the epoch.
    pub time: i64,
}

/// One section to write: a range of history and the name it goes under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The tag (or `--tag` name) naming the section; `None` is "Unreleased".
    pub name: Option<String>,
    /// The revision the range starts after, or `None` for the first commit.
    pub previous: Option<String>,
    /// The revision the range ends at.
    pub to: String,
    /// Committer time of the range's last commit, for the heading's date (named sections).
    pub time: Option<i64>,
}

impl Span {
    /// Returns the range as `git log` takes it.
    pub fn range(&self) -> String {
        match &self.previous {
            Some(previous) => format!("{previous}..{}", self.to),
            None => self.to.clone(),
        }
    }
}

/// Returns the tag a release at `tags[at]` starts after: the next older tag on another commit
/// (several tags on one commit describe the same history). A final release starts after the
/// previous final release, so its notes tell users of the last one everything new; a
/// pre-release starts after the previous tag of either kind, unless pre-releases are folded.
fn previous_of(tags: &[Tag], at: usize, pre: PreReleases) -> Option<&Tag> {
    let skip_pre = pre == PreReleases::Fold || !is_prerelease(&tags[at].name);
    tags[at + 1..]
        .iter()
        .find(|t| t.commit != tags[at].commit && !(skip_pre && is_prerelease(&t.name)))
}

/// Plans the releases to write from the release tags reachable from the end of history,
/// ordered by [`order_tags`]. `name` names the unreleased section (`--tag NAME`).
pub fn plan(
    selection: &Selection,
    name: Option<&str>,
    tags: &[Tag],
    head: &Head,
    pre: PreReleases,
    pattern: &str,
) -> Result<Vec<Span>, ChangelogError> {
    let boundary = |t: &Tag| !(pre == PreReleases::Fold && is_prerelease(&t.name));
    let span_of = |at: usize| {
        let tag = &tags[at];
        Span {
            name: Some(tag.name.clone()),
            previous: previous_of(tags, at, pre).map(|t| t.name.clone()),
            to: tag.name.clone(),
            time: Some(tag.time),
        }
    };
    let unreleased = || Span {
        name: name.map(str::to_owned),
        previous: tags.iter().find(|t| boundary(t)).map(|t| t.name.clone()),
        to: "HEAD".into(),
        time: name.map(|_| head.time),
    };
    let no_tags = || ChangelogError::NoTags {
        pattern: pattern.to_owned(),
        shallow: false,
    };
    Ok(match selection {
        Selection::Unreleased => vec![unreleased()],
        Selection::Latest => {
            let at = tags.iter().position(boundary).ok_or_else(no_tags)?;
            vec![span_of(at)]
        }
        Selection::Current => {
            if tags.is_empty() {
                return Err(no_tags());
            }
            let at = tags
                .iter()
                .position(|t| t.commit == head.id)
                .ok_or(ChangelogError::HeadNotTagged)?;
            vec![span_of(at)]
        }
        Selection::Tag(wanted) => {
            let at = tags
                .iter()
                .position(|t| &t.name == wanted)
                .ok_or_else(|| ChangelogError::UnknownTag(wanted.clone()))?;
            vec![span_of(at)]
        }
        Selection::All => {
            let mut spans = Vec::new();
            let newest = tags.iter().find(|t| boundary(t));
            if name.is_some() || newest.is_none_or(|t| t.commit != head.id) {
                spans.push(unreleased());
            }
            spans.extend((0..tags.len()).filter(|&i| boundary(&tags[i])).map(span_of));
            spans
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Grouping.

/// One commit as the changelog shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub kind: String,
    pub scope: Option<String>,
    pub subject: String,
    /// `false` when the type was classified from the diff.
    pub conventional: bool,
    pub breaking: bool,
    pub breaking_note: Option<String>,
    pub pr: Option<u64>,
    pub refs: Vec<Reference>,
    pub authors: Vec<Author>,
    /// UTC commit date, `YYYY-MM-DD`.
    pub date: String,
}

/// A titled group of entries, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// Whether the section gathers breaking changes (`!`): its bullets show the
    /// `BREAKING CHANGE:` note.
    pub breaking: bool,
    pub entries: Vec<Entry>,
}

/// One release (or the unreleased commits) ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub span: Span,
    /// UTC date of the tagged commit, for named sections.
    pub date: Option<String>,
    /// Non-empty sections in the configured order.
    pub sections: Vec<Section>,
    /// Commits of hidden types (kept for JSON).
    pub hidden: Vec<Entry>,
    /// The sections as a model rewrote them (links in place), used instead of `sections` in
    /// Markdown; JSON keeps the structured data.
    pub rewritten: Option<String>,
}

impl Release {
    /// Returns the version (`1.4.0`), or `None` for the unreleased section.
    pub fn version(&self) -> Option<String> {
        self.span.name.as_deref().map(version_of)
    }

    /// Returns the heading's label: the version or `Unreleased`.
    pub fn label(&self) -> String {
        self.version().unwrap_or_else(|| "Unreleased".into())
    }

    /// Returns the forge's page comparing this release with the previous one (or the tag's
    /// page for a first release).
    pub fn compare_url(&self, remote: Option<&Remote>) -> Option<String> {
        let remote = remote?;
        let target = self.span.name.as_deref().unwrap_or(&self.span.to);
        match &self.span.previous {
            Some(previous) => Some(remote.compare(previous, target)),
            None => self.span.name.as_deref().map(|n| remote.tag(n)),
        }
    }

    /// Tells whether nothing is shown.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }
}

/// Formats seconds since the epoch as a UTC date, `YYYY-MM-DD`.
pub fn date(secs: i64) -> String {
    // Howard Hinnant's `civil_from_days`.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Groups a range's commits (newest first, as walked) into a release. `classify` gives the
/// type of a commit whose header is not conventional (the offline engine reading its diff);
/// `None` files it under `other`.
pub fn build(
    span: &Span,
    commits: &[CommitInfo],
    opts: &Options,
    classify: &mut dyn FnMut(&CommitInfo) -> Option<String>,
) -> Release {
    let mut parsed: Vec<(&CommitInfo, Parsed)> = Vec::with_capacity(commits.len());
    for commit in commits {
        // With every parent walked, a merge only repeats its branch's commits.
        if commit.parents > 1 && !opts.first_parent {
            continue;
        }
        let p = parse(&commit.message);
        if p.header.is_empty()
            || p.header.starts_with("fixup!")
            || p.header.starts_with("squash!")
            || p.header.starts_with("amend!")
        {
            continue;
        }
        parsed.push((commit, p));
    }

    // Reverted pairs cancel out. Newest first, so reverting a revert brings the change back.
    let mut alive = vec![true; parsed.len()];
    for k in 0..parsed.len() {
        if !alive[k] {
            continue;
        }
        let Some(target) = parsed[k].1.reverts.as_deref() else {
            continue;
        };
        if let Some(t) =
            (k + 1..parsed.len()).find(|&t| alive[t] && parsed[t].0.id.starts_with(target))
        {
            alive[k] = false;
            alive[t] = false;
        }
    }

    let mut sections: Vec<Vec<Entry>> = vec![Vec::new(); opts.sections.len()];
    let mut hidden = Vec::new();
    for (k, (commit, p)) in parsed.iter().enumerate().rev() {
        if !alive[k] {
            continue;
        }
        let known = p.kind.as_deref().filter(|k| opts.is_known(k));
        let (kind, scope, subject, conventional) = match known {
            Some(kind) => (kind.to_owned(), p.scope.clone(), p.subject.clone(), true),
            None => {
                let kind = if p.reverts.is_some() || p.header.starts_with("Revert \"") {
                    "revert".to_owned()
                } else {
                    classify(commit).unwrap_or_else(|| "other".into())
                };
                (kind, None, p.header.clone(), false)
            }
        };
        let mut authors = vec![Author {
            name: commit.author_name.clone(),
            email: commit.author_email.clone(),
        }];
        for co in &p.co_authors {
            if !authors
                .iter()
                .any(|a| a.email.eq_ignore_ascii_case(&co.email))
            {
                authors.push(co.clone());
            }
        }
        let refs = p
            .refs
            .iter()
            .filter(|r| p.pr.is_none_or(|n| r.id != format!("#{n}")))
            .cloned()
            .collect();
        let entry = Entry {
            id: commit.id.clone(),
            kind,
            scope,
            subject,
            conventional,
            breaking: p.breaking,
            breaking_note: p.breaking_note.clone(),
            pr: p.pr,
            refs,
            authors,
            date: date(commit.time),
        };
        let is_hidden = !entry.breaking && opts.hidden.contains(&entry.kind);
        match opts.section_of(&entry.kind, entry.breaking) {
            Some(at) if !is_hidden => sections[at].push(entry),
            _ => hidden.push(entry),
        }
    }
    Release {
        span: span.clone(),
        rewritten: None,
        date: span.time.map(date),
        sections: opts
            .sections
            .iter()
            .zip(sections)
            .filter(|(_, entries)| !entries.is_empty())
            .map(|(spec, entries)| Section {
                title: spec.title.clone(),
                breaking: spec.types.iter().any(|t| t == "!"),
                entries,
            })
            .collect(),
        hidden,
    }
}

// ---------------------------------------------------------------------------------------------
// Remotes and links.

/// A forge whose pages the links point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    GitHub,
    GitLab,
    Gitea,
    Bitbucket,
}

/// A repository's web home, read from its remote URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub forge: Forge,
    /// `https://github.com/owner/repo`, without a trailing slash.
    pub base: String,
}

impl Remote {
    /// Reads an https, http, ssh, git or scp-like (`git@host:owner/repo.git`) remote URL.
    /// Credentials in the URL are dropped. Returns `None` for hosts it does not know (unless
    /// the forge is configured), local paths and URLs without an `owner/repo` path.
    pub fn parse(url: &str, setting: ForgeSetting) -> Option<Remote> {
        let url = url.trim();
        let (scheme, host, path) = if let Some((scheme, rest)) = url.split_once("://") {
            let (authority, path) = rest.split_once('/')?;
            let host_port = authority.rsplit('@').next()?;
            let web = matches!(scheme, "https" | "http");
            let host = if web {
                host_port
            } else {
                host_port.split(':').next()?
            };
            (if scheme == "http" { "http" } else { "https" }, host, path)
        } else {
            let (left, path) = url.split_once(':')?;
            if left.contains('/') || left.len() < 2 {
                return None;
            }
            ("https", left.rsplit('@').next()?, path)
        };
        let host = host.to_ascii_lowercase();
        let host = match host.as_str() {
            "ssh.github.com" => "github.com".to_owned(),
            "altssh.gitlab.com" => "gitlab.com".to_owned(),
            "altssh.bitbucket.org" => "bitbucket.org".to_owned(),
            _ => host,
        };
        let path = path.trim_matches('/');
        let path = path.strip_suffix(".git").unwrap_or(path);
        if host.is_empty() || !path.contains('/') || path.split('/').any(str::is_empty) {
            return None;
        }
        let forge = match setting {
            ForgeSetting::None => return None,
            ForgeSetting::Github => Forge::GitHub,
            ForgeSetting::Gitlab => Forge::GitLab,
            ForgeSetting::Gitea => Forge::Gitea,
            ForgeSetting::Bitbucket => Forge::Bitbucket,
            ForgeSetting::Auto if host.contains("github") => Forge::GitHub,
            ForgeSetting::Auto if host.contains("gitlab") => Forge::GitLab,
            ForgeSetting::Auto if host.contains("bitbucket") => Forge::Bitbucket,
            ForgeSetting::Auto
                if ["gitea", "forgejo", "codeberg"]
                    .iter()
                    .any(|h| host.contains(h)) =>
            {
                Forge::Gitea
            }
            ForgeSetting::Auto => return None,
        };
        Some(Remote {
            forge,
            base: format!("{scheme}://{host}/{path}"),
        })
    }

    /// Returns a commit's page.
    pub fn commit(&self, id: &str) -> String {
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{}/commit/{id}", self.base),
            Forge::GitLab => format!("{}/-/commit/{id}", self.base),
            Forge::Bitbucket => format!("{}/commits/{id}", self.base),
        }
    }

    /// Returns a pull (merge) request's page.
    pub fn pull(&self, number: u64) -> String {
        match self.forge {
            Forge::GitHub => format!("{}/pull/{number}", self.base),
            Forge::Gitea => format!("{}/pulls/{number}", self.base),
            Forge::GitLab => format!("{}/-/merge_requests/{number}", self.base),
            Forge::Bitbucket => format!("{}/pull-requests/{number}", self.base),
        }
    }

    /// Returns an issue's page.
    pub fn issue(&self, number: u64) -> String {
        match self.forge {
            Forge::GitLab => format!("{}/-/issues/{number}", self.base),
            _ => format!("{}/issues/{number}", self.base),
        }
    }

    /// Returns the page comparing two revisions.
    pub fn compare(&self, from: &str, to: &str) -> String {
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{}/compare/{from}...{to}", self.base),
            Forge::GitLab => format!("{}/-/compare/{from}...{to}", self.base),
            Forge::Bitbucket => format!("{}/branches/compare/{to}%0D{from}", self.base),
        }
    }

    /// Returns a tag's page.
    pub fn tag(&self, tag: &str) -> String {
        match self.forge {
            Forge::GitHub | Forge::Gitea => format!("{}/releases/tag/{tag}", self.base),
            Forge::GitLab => format!("{}/-/tags/{tag}", self.base),
            Forge::Bitbucket => format!("{}/src/{tag}", self.base),
        }
    }

    /// Returns how the forge writes a PR number: `!12` on GitLab, `#12` elsewhere.
    fn pr_label(remote: Option<&Remote>, number: u64) -> String {
        match remote {
            Some(r) if r.forge == Forge::GitLab => format!("!{number}"),
            _ => format!("#{number}"),
        }
    }

    /// Returns the page of an issue reference written `#12`, or `owner/repo#12` for another
    /// repository on the same forge. `PROJ-12` (an outside tracker) has none.
    fn reference(remote: Option<&Remote>, id: &str) -> Option<String> {
        let remote = remote?;
        let (repo, number) = id.split_once('#')?;
        let number = number.parse().ok()?;
        if repo.is_empty() {
            return Some(remote.issue(number));
        }
        // `https://host/owner/repo` → `https://host/` + the other repository.
        let host_end = remote.base.find("://").map(|i| i + 3)?;
        let host_end = host_end + remote.base[host_end..].find('/')?;
        let other = Remote {
            forge: remote.forge,
            base: format!("{}/{repo}", &remote.base[..host_end]),
        };
        Some(other.issue(number))
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/// The header of a new changelog file.
pub const HEADER_TEXT: &str = "# Changelog\n\nAll notable changes to this project are documented \
                               in this file. The format is based on\n[Keep a Changelog](https://\
                               keepachangelog.com/en/1.1.0/).\n";

const SHORT: usize = 7;

fn short(id: &str) -> &str {
    id.get(..SHORT).unwrap_or(id)
}

fn link(text: &str, url: Option<String>) -> String {
    match url {
        Some(url) => format!("[{text}]({url})"),
        None => text.to_owned(),
    }
}

/// Renders one bullet: `- **scope:** subject (#12, abc1234, closes #3)`, linked when the
/// remote is known.
fn bullet(entry: &Entry, remote: Option<&Remote>, breaking_section: bool) -> String {
    let mut line = String::from("- ");
    if let Some(scope) = &entry.scope {
        let _ = write!(line, "**{scope}:** ");
    }
    let text = match (&entry.breaking_note, breaking_section) {
        (Some(note), true) => note,
        _ => &entry.subject,
    };
    line.push_str(text);
    let _ = write!(line, " ({})", references(entry, remote).join(", "));
    line
}

/// Returns an entry's references: its PR, its commit, its issue trailers, linked when the
/// remote is known.
fn references(entry: &Entry, remote: Option<&Remote>) -> Vec<String> {
    let mut refs = Vec::with_capacity(2 + entry.refs.len());
    if let Some(pr) = entry.pr {
        refs.push(link(
            &Remote::pr_label(remote, pr),
            remote.map(|r| r.pull(pr)),
        ));
    }
    refs.push(link(short(&entry.id), remote.map(|r| r.commit(&entry.id))));
    for r in &entry.refs {
        refs.push(format!(
            "{} {}",
            r.action,
            link(&r.id, Remote::reference(remote, &r.id))
        ));
    }
    refs
}

/// Renders a release's sections (`### Features` and bullets), or a line saying there is
/// nothing to note.
fn render_body(release: &Release, remote: Option<&Remote>, out: &mut String) {
    if let Some(text) = &release.rewritten {
        out.push_str(text);
        return;
    }
    if release.is_empty() {
        out.push_str("No notable changes.\n");
        return;
    }
    for (i, section) in release.sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "### {}\n", section.title);
        for entry in &section.entries {
            out.push_str(&bullet(entry, remote, section.breaking));
            out.push('\n');
        }
    }
}

/// Renders a release as a changelog section: `## [1.4.0] - 2026-11-29`, then its sections.
pub fn render_section(release: &Release, remote: Option<&Remote>) -> String {
    let mut out = format!("## [{}]", release.label());
    if let Some(date) = &release.date {
        let _ = write!(out, " - {date}");
    }
    out.push_str("\n\n");
    render_body(release, remote, &mut out);
    out
}

/// Returns the link definition of a release's heading: `[1.4.0]: https://…/compare/…`.
pub fn link_definition(release: &Release, remote: Option<&Remote>) -> Option<String> {
    release
        .compare_url(remote)
        .map(|url| format!("[{}]: {url}", release.label()))
}

/// Renders a whole changelog: the header, the releases newest first, the compare links.
pub fn render_markdown(releases: &[Release], remote: Option<&Remote>) -> String {
    let mut out = String::from(HEADER_TEXT);
    for release in releases {
        out.push('\n');
        out.push_str(&render_section(release, remote));
    }
    let links: Vec<String> = releases
        .iter()
        .filter_map(|r| link_definition(r, remote))
        .collect();
    if !links.is_empty() {
        out.push('\n');
        for line in links {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Renders release notes: the sections without a file header or version heading, and the
/// compare link as a closing line.
pub fn render_notes(release: &Release, remote: Option<&Remote>) -> String {
    let mut out = String::new();
    render_body(release, remote, &mut out);
    if let (Some(url), Some(previous)) = (release.compare_url(remote), &release.span.previous) {
        let target = release.span.name.as_deref().unwrap_or(&release.span.to);
        let _ = write!(
            out,
            "\n**Full changelog**: [{previous}...{target}]({url})\n"
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Prepending to an existing file.

static LINK_DEF: LazyLock<Regex> = LazyLock::new(|| regex(r"^\[([^\]]+)\]:[ \t]*\S"));

/// Returns the key a `## ` heading names: `## [1.4.0] - 2026-11-29` → `1.4.0`,
/// `## Unreleased` → `unreleased`.
fn heading_key(line: &str) -> Option<String> {
    let rest = line.strip_prefix("## ")?.trim();
    let label = match rest.strip_prefix('[') {
        Some(inner) => inner.split(']').next()?,
        None => rest.split_whitespace().next()?,
    };
    Some(version_of(label.trim()).to_lowercase())
}

/// Lines of `text` with their byte offsets (each line includes its `\n`).
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        (start, line)
    })
}

/// The parts of a changelog file: where each `## ` section starts (outside code fences) and
/// where the trailing block of link definitions starts.
struct Layout {
    /// (byte offset, key) of each `## ` heading.
    sections: Vec<(usize, Option<String>)>,
    /// Byte offset of the trailing link definitions (the end of the text when there are none).
    links: usize,
    /// Whether that block holds at least one definition.
    has_links: bool,
}

fn read_layout(text: &str) -> Layout {
    let mut sections = Vec::new();
    let mut fenced = false;
    for (at, line) in lines_with_offsets(text) {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") || trimmed.trim_start().starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && trimmed.starts_with("## ") {
            sections.push((at, heading_key(trimmed)));
        }
    }
    // Walk back over blank lines and link definitions at the end of the file.
    let mut links = text.len();
    let mut has_links = false;
    let all: Vec<(usize, &str)> = lines_with_offsets(text).collect();
    for (at, line) in all.iter().rev() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if LINK_DEF.is_match(trimmed) && sections.last().is_none_or(|(s, _)| at > s) {
            links = *at;
            has_links = true;
        } else {
            break;
        }
    }
    if !has_links {
        links = text.len();
    }
    Layout {
        sections,
        links,
        has_links,
    }
}

/// Returns the byte range of the section `i` of a layout (up to the next section or the links).
fn section_range(layout: &Layout, i: usize) -> (usize, usize) {
    let start = layout.sections[i].0;
    let end = layout
        .sections
        .get(i + 1)
        .map_or(layout.links, |(next, _)| *next);
    (start, end)
}

/// Removes the link definition of `label` (case-insensitive) from the text's trailing block.
fn remove_definition(text: &mut String, label: &str) {
    let layout = read_layout(text);
    if !layout.has_links {
        return;
    }
    let tail = &text[layout.links..];
    let kept: String = tail
        .split_inclusive('\n')
        .filter(|line| {
            LINK_DEF
                .captures(line.trim())
                .is_none_or(|c| !c[1].eq_ignore_ascii_case(label))
        })
        .collect();
    text.replace_range(layout.links.., &kept);
}

/// Puts one release's section into a changelog's text.
fn prepend_one(text: &mut String, release: &Release, remote: Option<&Remote>) {
    let key = release.label().to_lowercase();
    let mut section = render_section(release, remote);
    // A release takes in what was unreleased.
    if release.version().is_some() {
        let layout = read_layout(text);
        if let Some(i) = layout
            .sections
            .iter()
            .position(|(_, k)| k.as_deref() == Some("unreleased"))
        {
            let (start, end) = section_range(&layout, i);
            text.replace_range(start..end, "");
            remove_definition(text, "Unreleased");
        }
    }
    let layout = read_layout(text);
    match layout
        .sections
        .iter()
        .position(|(_, k)| k.as_deref() == Some(key.as_str()))
    {
        Some(i) => {
            let (start, end) = section_range(&layout, i);
            if end < text.len() {
                section.push('\n');
            }
            text.replace_range(start..end, &section);
        }
        None => {
            let at = layout.sections.first().map_or(layout.links, |(at, _)| *at);
            let before = text[..at].trim_end_matches(['\n', '\r']).len();
            let mut insert = String::new();
            if before > 0 {
                insert.push_str("\n\n");
            }
            insert.push_str(&section);
            if at < text.len() {
                insert.push('\n');
            }
            text.replace_range(before..at, &insert);
        }
    }
    remove_definition(text, &release.label());
    if let Some(definition) = link_definition(release, remote) {
        let layout = read_layout(text);
        if layout.has_links {
            text.insert_str(layout.links, &format!("{definition}\n"));
        } else {
            let end = text.trim_end_matches(['\n', '\r']).len();
            text.truncate(end);
            text.push_str("\n\n");
            text.push_str(&definition);
            text.push('\n');
        }
    }
}

/// Puts releases (newest first) into an existing changelog's text: each goes under the
/// header, above older sections, or replaces the section of the same version; a released
/// version replaces an `[Unreleased]` section. Older sections are left as they are. An empty
/// file gets a whole new changelog.
pub fn prepend(existing: &str, releases: &[Release], remote: Option<&Remote>) -> String {
    if existing.trim().is_empty() {
        return render_markdown(releases, remote);
    }
    let mut text = existing.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    for release in releases.iter().rev() {
        prepend_one(&mut text, release, remote);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// With a model (issue #6, section 3): the sections go out as lines tagged with a token per
// commit (`[1a2b3c4]`); the answer must give every token back, and the tokens are replaced
// with the commit's references, so links never pass through the model.

/// Bumped whenever [`MODEL_SYSTEM`] or [`model_input`] changes.
pub const MODEL_PROMPT_VERSION: u32 = 2;

/// The rules on sections and bullets that the whole-release and the per-part prompts share.
macro_rules! bullet_rules {
    () => {
        "- The same sections in the same order, each headed `### Title` with the titles \
given. No other headings.
- Under each, `- ` bullets saying what changed for the user, in plain words rather than the \
commits' jargon. One bullet may cover several related commits.
- End every bullet with the tokens of the commits it covers, such as `[1a2b3c4] [5d6e7f8]`. \
Every token given must appear; never invent one. Do not write links, SHAs or PR numbers \
yourself.
- Breaking changes say what users must do."
    };
}

/// The system prompt for rewriting a release's sections.
pub const MODEL_SYSTEM: &str = concat!(
    "You turn the commits of one software release into release notes for its users. You get \
the release's sections; each line is one commit: a token in brackets such as [1a2b3c4], its \
Conventional Commits type and scope, its description, and its PR and issue references. Text \
marked [REDACTED:rule] was removed before sending; never guess it.

Reply with Markdown only: no preamble, no code fences.
- First, a summary of two or three sentences: what this release changes for its users.
",
    bullet_rules!()
);

/// Returns the token of each shown entry: its short SHA, made longer when two collide.
fn tokens(release: &Release) -> Vec<(String, &Entry)> {
    let entries: Vec<&Entry> = release.sections.iter().flat_map(|s| &s.entries).collect();
    let mut len = SHORT;
    while len < 40 {
        let mut seen: Vec<&str> = entries
            .iter()
            .map(|e| e.id.get(..len).unwrap_or(&e.id))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() == entries.len() {
            break;
        }
        len += 1;
    }
    entries
        .into_iter()
        .map(|e| (e.id.get(..len).unwrap_or(&e.id).to_owned(), e))
        .collect()
}

/// Returns the first line of the model's input: which release this is.
fn model_header(release: &Release) -> String {
    match (&release.span.name, &release.date) {
        (Some(_), Some(date)) => format!("Release {} ({date})\n", release.label()),
        (Some(_), None) => format!("Release {}\n", release.label()),
        (None, _) => "Unreleased changes\n".to_owned(),
    }
}

/// One commit as the model sees it: its section, token and line.
struct ModelLine<'a> {
    section: usize,
    token: String,
    line: String,
    entry: &'a Entry,
}

/// Returns every shown commit as a line for the model, in section order.
fn model_lines(release: &Release) -> Vec<ModelLine<'_>> {
    let tokens = tokens(release);
    let mut lines = Vec::new();
    for (section, s) in release.sections.iter().enumerate() {
        for entry in &s.entries {
            let token = tokens
                .iter()
                .find(|(_, e)| std::ptr::eq(*e, entry))
                .map_or(String::new(), |(t, _)| t.clone());
            let mut out = format!("- [{token}] {}", entry.kind);
            if let Some(scope) = &entry.scope {
                let _ = write!(out, "({scope})");
            }
            if entry.breaking {
                out.push('!');
            }
            let _ = write!(out, ": {}", entry.subject);
            if let Some(note) = &entry.breaking_note {
                let _ = write!(out, " (breaking: {note})");
            }
            let mut refs: Vec<String> = entry.pr.map(|n| format!("PR #{n}")).into_iter().collect();
            refs.extend(entry.refs.iter().map(|r| format!("{} {}", r.action, r.id)));
            if !refs.is_empty() {
                let _ = write!(out, " [{}]", refs.join("; "));
            }
            out.push('\n');
            lines.push(ModelLine {
                section,
                token,
                line: out,
                entry,
            });
        }
    }
    lines
}

/// Returns the user message for a model: the release's name and its sections, one line a
/// commit. It holds commit text, so it must go through the redactor before it is sent.
pub fn model_input(release: &Release) -> String {
    let mut out = model_header(release);
    let mut current = None;
    for line in model_lines(release) {
        if current != Some(line.section) {
            current = Some(line.section);
            let _ = write!(out, "\n### {}\n", release.sections[line.section].title);
        }
        out.push_str(&line.line);
    }
    out
}

/// The system prompt for one part of a release too long for one call (the map step).
pub const MODEL_PART_SYSTEM: &str = concat!(
    "You turn part of the commits of one software release into release notes for its users. \
You get some of the release's sections; each line is one commit: a token in brackets such as \
[1a2b3c4], its Conventional Commits type and scope, its description, and its PR and issue \
references. Text marked [REDACTED:rule] was removed before sending; never guess it.

Reply with Markdown only: no preamble, no summary, no code fences.
",
    bullet_rules!()
);

/// The system prompt that writes a long release's summary from its rewritten sections (the
/// reduce step).
pub const MODEL_SUMMARY_SYSTEM: &str = "You get the release notes of one software release, \
section by section. Write a summary of two or three sentences: what this release changes for \
its users. Plain sentences only: no heading, no list, no preamble, no code fences. Text marked \
[REDACTED:rule] was removed before sending; never guess it.";

/// One part of a release for the map step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelPart {
    /// The user message (redact it before sending).
    pub text: String,
    /// The tokens of its commits.
    pub tokens: Vec<String>,
    /// The titles of its sections.
    pub titles: Vec<String>,
    /// Its sections as plain bullets with their tokens, for when the model fails on it.
    pub fallback: String,
}

/// Splits a release's model input into parts of at most about `budget` bytes and
/// `max_commits` commits each, whole commit lines in section order, each part headed by the
/// release and its sections' titles.
pub fn model_parts(release: &Release, budget: usize, max_commits: usize) -> Vec<ModelPart> {
    let header = model_header(release);
    let mut parts: Vec<(Vec<ModelLine<'_>>, usize)> = Vec::new();
    for line in model_lines(release) {
        // A section heading costs its title again in each part it spans.
        let cost = line.line.len() + release.sections[line.section].title.len() + 6;
        match parts.last_mut() {
            Some((lines, size)) if *size + cost <= budget && lines.len() < max_commits => {
                *size += cost;
                lines.push(line);
            }
            _ => parts.push((vec![line], header.len() + 40 + cost)),
        }
    }
    let total = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, (lines, _))| {
            let mut text = format!("{}(part {} of {total})\n", header, i + 1);
            let mut fallback = String::new();
            let mut titles = Vec::new();
            let mut current = None;
            for line in &lines {
                if current != Some(line.section) {
                    current = Some(line.section);
                    let title = &release.sections[line.section].title;
                    titles.push(title.clone());
                    let _ = write!(text, "\n### {title}\n");
                    let _ = write!(fallback, "\n### {title}\n\n");
                }
                text.push_str(&line.line);
                let entry = line.entry;
                let scope = entry
                    .scope
                    .as_ref()
                    .map(|s| format!("**{s}:** "))
                    .unwrap_or_default();
                let _ = writeln!(fallback, "- {scope}{} [{}]", entry.subject, line.token);
            }
            ModelPart {
                text,
                tokens: lines.iter().map(|l| l.token.clone()).collect(),
                titles,
                fallback,
            }
        })
        .collect()
}

/// Checks the model's answer for one part: its sections' headings and no others, every
/// token of the part under them and no other token. Returns the answer from its first
/// heading on (what [`assemble`] reads).
pub fn check_part(part: &ModelPart, answer: &str) -> Result<String, String> {
    let answer = answer.trim();
    let Some(start) = answer.find("### ") else {
        return Err("it wrote no section headings".into());
    };
    let answer = &answer[start..];
    let tokens: Vec<&str> = part.tokens.iter().map(String::as_str).collect();
    let titles: Vec<&str> = part.titles.iter().map(String::as_str).collect();
    check_answer(answer, &tokens, &titles, "its part")?;
    Ok(answer.to_owned())
}

/// Checks a model's answer: only the given section titles as headings (`### Title`), and
/// every token given, none other. `within` names what they belong to, for the message.
fn check_answer(
    answer: &str,
    tokens: &[&str],
    titles: &[&str],
    within: &str,
) -> Result<(), String> {
    for line in answer.lines() {
        let line = line.trim_start();
        if let Some(title) = line.strip_prefix("### ") {
            if !titles.contains(&title.trim()) {
                return Err(format!(
                    "it wrote a section that is not in {within}: `{}`",
                    title.trim()
                ));
            }
        } else if line.starts_with('#') {
            return Err("it wrote headings of its own".into());
        }
    }
    let mut used = vec![false; tokens.len()];
    for c in TOKEN.captures_iter(answer) {
        match tokens.iter().position(|t| *t == &c[1]) {
            Some(i) => used[i] = true,
            None => return Err(format!("it named a commit not in {within}: `{}`", &c[1])),
        }
    }
    let missing = used.iter().filter(|u| !**u).count();
    if missing > 0 {
        return Err(format!("it left out {missing} of {} commits", tokens.len()));
    }
    Ok(())
}

/// Removes the commit tokens (`[1a2b3c4]`) from a model's text.
pub fn strip_tokens(text: &str) -> String {
    TOKEN_RUN.replace_all(text, "").into_owned()
}

/// Puts a long release's notes together: the summary, then each section's bullets from every
/// part (in part order) under one heading. The result goes through [`apply_model`].
pub fn assemble(release: &Release, summary: Option<&str>, parts: &[String]) -> String {
    let mut bullets: Vec<String> = vec![String::new(); release.sections.len()];
    for part in parts {
        let mut current: Option<usize> = None;
        for line in part.lines() {
            if let Some(title) = line.trim_start().strip_prefix("### ") {
                current = release
                    .sections
                    .iter()
                    .position(|s| s.title == title.trim());
                continue;
            }
            if let Some(i) = current
                && !(line.trim().is_empty() && bullets[i].is_empty())
            {
                bullets[i].push_str(line.trim_end());
                bullets[i].push('\n');
            }
        }
    }
    let mut out = String::new();
    if let Some(summary) = summary.map(str::trim).filter(|s| !s.is_empty()) {
        out.push_str(summary);
        out.push_str("\n\n");
    }
    for (section, text) in release.sections.iter().zip(&bullets) {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        // Bullets of consecutive parts may have no blank line between them; one list is kept.
        let text: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let _ = write!(out, "### {}\n\n{}\n\n", section.title, text.join("\n"));
    }
    out
}

static TOKEN_RUN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:[ \t]*\[([0-9a-f]{7,40})\])+"));
static TOKEN: LazyLock<Regex> = LazyLock::new(|| regex(r"\[([0-9a-f]{7,40})\]"));

/// Checks a model's answer for a release and puts the references in place of its tokens.
/// Returns the Markdown body, or what is wrong with the answer.
pub fn apply_model(
    release: &Release,
    answer: &str,
    remote: Option<&Remote>,
) -> Result<String, String> {
    let answer = answer.trim();
    if answer.is_empty() {
        return Err("it was empty".into());
    }
    let tokens = tokens(release);
    let names: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
    let titles: Vec<&str> = release.sections.iter().map(|s| s.title.as_str()).collect();
    check_answer(answer, &names, &titles, "the release")?;
    let text = TOKEN_RUN.replace_all(answer, |c: &regex::Captures<'_>| {
        let refs: Vec<String> = TOKEN
            .captures_iter(&c[0])
            .filter_map(|t| tokens.iter().find(|(token, _)| *token == t[1]))
            .flat_map(|(_, entry)| references(entry, remote))
            .collect();
        format!(" ({})", refs.join(", "))
    });
    Ok(format!("{}\n", text.trim_end()))
}

// ---------------------------------------------------------------------------------------------
// JSON.

#[derive(Serialize)]
struct JsonDocument {
    schema: u32,
    releases: Vec<JsonRelease>,
}

#[derive(Serialize)]
struct JsonRelease {
    version: Option<String>,
    tag: Option<String>,
    previous_tag: Option<String>,
    date: Option<String>,
    range: String,
    compare_url: Option<String>,
    sections: Vec<JsonSection>,
    hidden: Vec<JsonCommit>,
}

#[derive(Serialize)]
struct JsonSection {
    title: String,
    commits: Vec<JsonCommit>,
}

#[derive(Serialize)]
struct JsonRef {
    action: String,
    id: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct JsonCommit {
    id: String,
    short_id: String,
    url: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    scope: Option<String>,
    subject: String,
    conventional: bool,
    breaking: bool,
    breaking_note: Option<String>,
    pr: Option<u64>,
    pr_url: Option<String>,
    refs: Vec<JsonRef>,
    authors: Vec<Author>,
    date: String,
}

fn json_commit(entry: &Entry, remote: Option<&Remote>) -> JsonCommit {
    JsonCommit {
        id: entry.id.clone(),
        short_id: short(&entry.id).to_owned(),
        url: remote.map(|r| r.commit(&entry.id)),
        kind: entry.kind.clone(),
        scope: entry.scope.clone(),
        subject: entry.subject.clone(),
        conventional: entry.conventional,
        breaking: entry.breaking,
        breaking_note: entry.breaking_note.clone(),
        pr: entry.pr,
        pr_url: entry.pr.and_then(|n| remote.map(|r| r.pull(n))),
        refs: entry
            .refs
            .iter()
            .map(|r| JsonRef {
                action: r.action.clone(),
                id: r.id.clone(),
                url: Remote::reference(remote, &r.id),
            })
            .collect(),
        authors: entry.authors.clone(),
        date: entry.date.clone(),
    }
}

fn document(releases: &[Release], remote: Option<&Remote>) -> JsonDocument {
    JsonDocument {
        schema: 1,
        releases: releases
            .iter()
            .map(|release| JsonRelease {
                version: release.version(),
                tag: release.span.name.clone(),
                previous_tag: release.span.previous.clone(),
                date: release.date.clone(),
                range: release.span.range(),
                compare_url: release.compare_url(remote),
                sections: release
                    .sections
                    .iter()
                    .map(|s| JsonSection {
                        title: s.title.clone(),
                        commits: s.entries.iter().map(|e| json_commit(e, remote)).collect(),
                    })
                    .collect(),
                hidden: release
                    .hidden
                    .iter()
                    .map(|e| json_commit(e, remote))
                    .collect(),
            })
            .collect(),
    }
}

/// Renders releases as the JSON document described in the module docs, with a final newline.
pub fn render_json(releases: &[Release], remote: Option<&Remote>) -> String {
    let mut text = serde_json::to_string_pretty(&document(releases, remote))
        .expect("plain structs serialise to JSON");
    text.push('\n');
    text
}

// ---------------------------------------------------------------------------------------------
// Templates.

/// What a template sees: the JSON document's fields, and the command rendering it.
#[derive(Serialize)]
struct TemplateData<'a> {
    schema: u32,
    releases: &'a [JsonRelease],
    /// `changelog` or `release-notes`, so one template can serve both.
    command: &'a str,
}

/// Renders releases with a minijinja template (`source`, read from the file `name`). The
/// template sees the JSON document's `schema` and `releases` and `command` (`changelog` or
/// `release-notes`).
///
/// Blocks trim the newline after them and the indentation before them (`trim_blocks`,
/// `lstrip_blocks`), the template's final newline is kept, and an undefined name is an error,
/// so a misspelt field names its line instead of printing nothing. Values are not escaped,
/// except in templates whose name ends in `.html`, `.htm` or `.xml`, as minijinja does.
pub fn render_template(
    name: &str,
    source: &str,
    command: &str,
    releases: &[Release],
    remote: Option<&Remote>,
) -> Result<String, ChangelogError> {
    let fail = |source: minijinja::Error| ChangelogError::Template {
        file: name.to_owned(),
        line: source.line(),
        source: Box::new(source),
    };
    let mut env = minijinja::Environment::new();
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(fail)?;
    env.set_syntax(syntax);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    let template = env.template_from_named_str(name, source).map_err(fail)?;
    let document = document(releases, remote);
    let data = TemplateData {
        schema: document.schema,
        releases: &document.releases,
        command,
    };
    template
        .render(minijinja::Value::from(minijinja::value::Serde(&data)))
        .map_err(fail)
}

// ---------------------------------------------------------------------------------------------
// GitLab CI.

/// Renders `NAME=value` lines for a dotenv file as GitLab CI's `artifacts:reports:dotenv`
/// reads it: one line each, values as they are (GitLab keeps quotes and has no escapes), no
/// blank lines or comments. A value with a line break cannot be written.
pub fn dotenv(pairs: &[(&str, &str)]) -> Result<String, ChangelogError> {
    let mut out = String::new();
    for (name, value) in pairs {
        if value.contains(['\n', '\r']) {
            return Err(ChangelogError::Dotenv {
                name: (*name).to_owned(),
            });
        }
        let _ = writeln!(out, "{name}={value}");
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions.

/// Renders `name=value` lines for `$GITHUB_OUTPUT`; a value with a line break is written as a
/// heredoc whose delimiter (`delimiter`, made longer if it must be) is not in the value.
pub fn github_output(pairs: &[(&str, &str)], delimiter: &str) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if value.contains('\n') || value.contains('\r') {
            let mut delim = delimiter.to_owned();
            while value.contains(&delim) {
                delim.push('_');
            }
            let value = value.strip_suffix('\n').unwrap_or(value);
            let _ = write!(out, "{name}<<{delim}\n{value}\n{delim}\n");
        } else {
            let _ = writeln!(out, "{name}={value}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parts_answer_keeps_to_its_sections_and_tokens() {
        let part = ModelPart {
            text: String::new(),
            tokens: vec!["1a2b3c4".into(), "5d6e7f8".into()],
            titles: vec!["Features".into(), "Bug fixes".into()],
            fallback: String::new(),
        };
        let good = "Intro.\n### Features\n- A [1a2b3c4]\n\n### Bug fixes\n- B [5d6e7f8]\n";
        assert_eq!(
            check_part(&part, good).unwrap(),
            "### Features\n- A [1a2b3c4]\n\n### Bug fixes\n- B [5d6e7f8]"
        );
        let cases = [
            ("- A [1a2b3c4] [5d6e7f8]", "no section headings"),
            ("### Features\n- A [1a2b3c4]", "left out 1 of 2"),
            (
                "### Other\n- A [1a2b3c4] [5d6e7f8]",
                "not in its part: `Other`",
            ),
            (
                "### Features\n#### More\n- A [1a2b3c4] [5d6e7f8]",
                "headings of its own",
            ),
            (
                "### Features\n- A [1a2b3c4] [5d6e7f8] [9999999]",
                "not in its part: `9999999`",
            ),
            // A token before the first heading would be dropped by `assemble`.
            (
                "- A [1a2b3c4]\n### Features\n- B [5d6e7f8]",
                "left out 1 of 2",
            ),
        ];
        for (answer, problem) in cases {
            let err = check_part(&part, answer).unwrap_err();
            assert!(err.contains(problem), "{answer:?}: {err}");
        }
    }

    fn commit(id: &str, message: &str, day: i64) -> CommitInfo {
        CommitInfo {
            id: format!("{id:0<40}"),
            message: message.into(),
            author_name: "Ada".into(),
            author_email: "ada@example.com".into(),
            time: 1_704_067_200 + day * 86_400,
            parents: 1,
        }
    }

    fn tag(name: &str, commit: &str, position: usize) -> Tag {
        Tag {
            name: name.into(),
            commit: commit.into(),
            time: 1_704_067_200,
            position,
        }
    }

    fn span(name: Option<&str>, previous: Option<&str>) -> Span {
        Span {
            name: name.map(str::to_owned),
            previous: previous.map(str::to_owned),
            to: name.unwrap_or("HEAD").into(),
            time: name.map(|_| 1_704_067_200 + 10 * 86_400),
        }
    }

    fn github() -> Remote {
        Remote::parse("git@github.com:acme/widget.git", ForgeSetting::Auto).unwrap()
    }

    /// Builds `v1.0.0..v1.1.0`; a commit that is not conventional is `other`.
    fn build_plain(commits: &[CommitInfo]) -> Release {
        build(
            &span(Some("v1.1.0"), Some("v1.0.0")),
            commits,
            &Options::default(),
            &mut |_| None,
        )
    }

    fn subjects(release: &Release) -> Vec<(String, Vec<String>)> {
        release
            .sections
            .iter()
            .map(|s| {
                (
                    s.title.clone(),
                    s.entries.iter().map(|e| e.subject.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn header_parts() {
        let p = parse("feat(parser)!: add pairs\n\nmore");
        assert_eq!(p.kind.as_deref(), Some("feat"));
        assert_eq!(p.scope.as_deref(), Some("parser"));
        assert!(p.breaking);
        assert_eq!(p.subject, "add pairs");
        let p = parse("Fix: a typo");
        assert_eq!((p.kind.as_deref(), p.scope), (Some("fix"), None));
        let p = parse("feature(): x");
        assert_eq!((p.kind.as_deref(), p.scope), (Some("feat"), None));
        let p = parse("Add the parser");
        assert_eq!((p.kind, p.subject.as_str()), (None, "Add the parser"));
        assert_eq!(parse("feat:no space").kind, None);
    }

    #[test]
    fn breaking_footer_runs_to_the_next_footer() {
        let p = parse(
            "refactor: split config\n\nBody.\n\nBREAKING CHANGE: `load` is gone;\n  use `open`.\nRefs: #4\n",
        );
        assert!(p.breaking);
        assert_eq!(
            p.breaking_note.as_deref(),
            Some("`load` is gone; use `open`.")
        );
        assert_eq!(
            p.refs,
            vec![Reference {
                action: "refs".into(),
                id: "#4".into()
            }]
        );
        assert!(parse("fix: x\n\nBREAKING-CHANGE: y").breaking);
        // Lower case is prose, not the footer.
        assert!(!parse("fix: x\n\nbreaking change: y").breaking);
    }

    #[test]
    fn trailers_and_pr_numbers() {
        let p = parse(
            "fix(api): handle empty input (#42)\n\nfixes a crash in #12 parsing\n\nCloses #7, #8\nFixes: acme/other#3\nRefs PROJ-12\nCo-authored-by: Bo <bo@example.com>\n",
        );
        assert_eq!(p.pr, Some(42));
        assert_eq!(p.subject, "handle empty input");
        let refs: Vec<_> = p
            .refs
            .iter()
            .map(|r| format!("{} {}", r.action, r.id))
            .collect();
        assert_eq!(
            refs,
            [
                "closes #7",
                "closes #8",
                "fixes acme/other#3",
                "refs PROJ-12"
            ]
        );
        assert_eq!(p.co_authors[0].name, "Bo");
    }

    #[test]
    fn merge_commits_take_the_pr_title() {
        let p = parse("Merge pull request #12 from acme/pagination\n\nfeat(api): add pagination\n");
        assert_eq!((p.pr, p.pr_merge), (Some(12), true));
        assert_eq!(
            (p.kind.as_deref(), p.subject.as_str()),
            (Some("feat"), "add pagination")
        );
        let p = parse("Merge pull request 'fix: trim names' (#5) from fix-names into main");
        assert_eq!((p.pr, p.kind.as_deref()), (Some(5), Some("fix")));
        let p = parse("Merged in feature/x (pull request #9)\n\nAdd exports\n");
        assert_eq!((p.pr, p.header.as_str()), (Some(9), "Add exports"));
        let p = parse(
            "Merge branch 'docs' into 'main'\n\ndocs: explain setup\n\nSee merge request acme/widget!31",
        );
        assert_eq!((p.pr, p.kind.as_deref()), (Some(31), Some("docs")));
        let p = parse("Merge branch 'topic'");
        assert!(!p.pr_merge);
    }

    #[test]
    fn sections_in_order_with_hidden_types() {
        let release = build_plain(&[
            commit("a6", "chore: bump deps", 6),
            commit("a5", "docs: explain", 5),
            commit("a4", "fix: crash", 4),
            commit("a3", "build!: drop node 14", 3),
            commit("a2", "feat(cli): add --json", 2),
            commit("a1", "wip: odd type", 1),
        ]);
        assert_eq!(
            subjects(&release),
            [
                (
                    "Breaking changes".to_owned(),
                    vec!["drop node 14".to_owned()]
                ),
                ("Features".to_owned(), vec!["add --json".to_owned()]),
                ("Bug fixes".to_owned(), vec!["crash".to_owned()]),
                ("Documentation".to_owned(), vec!["explain".to_owned()]),
                ("Other changes".to_owned(), vec!["wip: odd type".to_owned()]),
            ]
        );
        assert_eq!(release.hidden.len(), 1);
    }

    #[test]
    fn non_conventional_commits_are_classified() {
        let mut asked = Vec::new();
        let release = build(
            &span(None, Some("v1.0.0")),
            &[
                commit("b2", "Update the README", 2),
                commit("b1", "Tidy workflow", 1),
            ],
            &Options::default(),
            &mut |c| {
                asked.push(c.message.clone());
                Some(
                    if c.message.contains("README") {
                        "docs"
                    } else {
                        "ci"
                    }
                    .into(),
                )
            },
        );
        assert_eq!(asked, ["Tidy workflow", "Update the README"]);
        assert_eq!(release.sections[0].title, "Documentation");
        assert!(!release.sections[0].entries[0].conventional);
        assert_eq!(release.hidden[0].kind, "ci");
    }

    #[test]
    fn reverted_pairs_cancel() {
        let a = commit("c1", "feat: a", 1);
        let b = commit(
            "c2",
            &format!("Revert \"feat: a\"\n\nThis reverts commit {}.", a.id),
            2,
        );
        let c = commit(
            "c3",
            &format!(
                "Revert \"Revert \\\"feat: a\\\"\"\n\nThis reverts commit {}.",
                b.id
            ),
            3,
        );
        let outside = commit(
            "c4",
            "Revert \"feat: old\"\n\nThis reverts commit 0123456789abcdef.",
            4,
        );
        let release = build_plain(&[b.clone(), a.clone()]);
        assert!(release.is_empty() && release.hidden.is_empty());
        // Reverting the revert brings the change back (as the re-revert commit).
        let release = build_plain(&[c, b, a]);
        assert_eq!(
            subjects(&release),
            [("Features".to_owned(), vec!["a".to_owned()])]
        );
        let release = build_plain(&[outside]);
        assert_eq!(release.sections[0].entries[0].kind, "revert");
    }

    #[test]
    fn merges_are_skipped_when_every_parent_is_walked() {
        let mut merge = commit("d2", "Merge pull request #3 from a/b\n\nfeat: x", 2);
        merge.parents = 2;
        let opts = Options {
            first_parent: false,
            ..Options::default()
        };
        let release = build(&span(None, None), &[merge.clone()], &opts, &mut |_| None);
        assert!(release.is_empty());
        let release = build_plain(&[merge]);
        assert_eq!(release.sections[0].entries[0].pr, Some(3));
    }

    fn tags_for_plan() -> Vec<Tag> {
        let mut tags = vec![
            tag("v1.0.0", "c3", 0),
            tag("v1.0.0-rc.2", "c3", 0),
            tag("v1.0.0-rc.1", "c2", 1),
            tag("v0.9.0", "c1", 2),
        ];
        order_tags(&mut tags);
        tags
    }

    #[test]
    fn tags_order_by_graph_then_version() {
        let mut tags = vec![
            tag("v1.0.0-rc.10", "x", 0),
            tag("v1.0.0", "x", 0),
            tag("v1.0.0-rc.9", "x", 0),
            tag("v0.1.0", "y", 1),
            tag("v9.0.0", "z", 2),
        ];
        order_tags(&mut tags);
        let names: Vec<_> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["v1.0.0", "v1.0.0-rc.10", "v1.0.0-rc.9", "v0.1.0", "v9.0.0"]
        );
    }

    #[test]
    fn plans_follow_the_selection() {
        let tags = tags_for_plan();
        let head = Head {
            id: "c4".into(),
            time: 0,
        };
        let plan = |s: &Selection, pre| {
            plan(s, None, &tags, &head, pre, TAG_PATTERN)
                .unwrap()
                .iter()
                .map(Span::range)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            plan(&Selection::Unreleased, PreReleases::Include),
            ["v1.0.0..HEAD"]
        );
        assert_eq!(
            plan(&Selection::Latest, PreReleases::Include),
            ["v0.9.0..v1.0.0"]
        );
        assert_eq!(
            plan(&Selection::Tag("v1.0.0-rc.2".into()), PreReleases::Include),
            ["v1.0.0-rc.1..v1.0.0-rc.2"]
        );
        assert_eq!(
            plan(&Selection::All, PreReleases::Include),
            [
                "v1.0.0..HEAD",
                "v0.9.0..v1.0.0",
                "v1.0.0-rc.1..v1.0.0-rc.2",
                "v0.9.0..v1.0.0-rc.1",
                "v0.9.0"
            ]
        );
        assert_eq!(
            plan(&Selection::All, PreReleases::Fold),
            ["v1.0.0..HEAD", "v0.9.0..v1.0.0", "v0.9.0"]
        );
        assert_eq!(
            plan(&Selection::Tag("v1.0.0-rc.2".into()), PreReleases::Fold),
            ["v0.9.0..v1.0.0-rc.2"]
        );
        let err = super::plan(
            &Selection::Current,
            None,
            &tags,
            &head,
            PreReleases::Include,
            "p",
        );
        assert!(matches!(err, Err(ChangelogError::HeadNotTagged)));
        let err = super::plan(
            &Selection::Latest,
            None,
            &[],
            &head,
            PreReleases::Include,
            "p",
        );
        assert!(matches!(err, Err(ChangelogError::NoTags { .. })));
        let named = super::plan(
            &Selection::Unreleased,
            Some("v1.1.0"),
            &[],
            &head,
            PreReleases::Include,
            "p",
        )
        .unwrap();
        assert_eq!(named[0].range(), "HEAD");
        assert_eq!(named[0].name.as_deref(), Some("v1.1.0"));
    }

    #[test]
    fn remotes_from_https_and_ssh() {
        let cases = [
            (
                "https://github.com/acme/widget.git",
                Forge::GitHub,
                "https://github.com/acme/widget",
            ),
            (
                "https://x-access-token:ghs_secret@github.com/acme/widget",
                Forge::GitHub,
                "https://github.com/acme/widget",
            ),
            (
                "ssh://git@ssh.github.com:443/acme/widget.git",
                Forge::GitHub,
                "https://github.com/acme/widget",
            ),
            (
                "git@gitlab.com:group/sub/widget.git",
                Forge::GitLab,
                "https://gitlab.com/group/sub/widget",
            ),
            (
                "https://codeberg.org/acme/widget",
                Forge::Gitea,
                "https://codeberg.org/acme/widget",
            ),
            (
                "git@bitbucket.org:acme/widget.git",
                Forge::Bitbucket,
                "https://bitbucket.org/acme/widget",
            ),
            (
                "http://gitea.local:3000/acme/widget/",
                Forge::Gitea,
                "http://gitea.local:3000/acme/widget",
            ),
        ];
        for (url, forge, base) in cases {
            let remote = Remote::parse(url, ForgeSetting::Auto).unwrap_or_else(|| panic!("{url}"));
            assert_eq!((remote.forge, remote.base.as_str()), (forge, base), "{url}");
        }
        for url in [
            "/srv/git/widget.git",
            "file:///srv/widget",
            "https://example.com/acme/w",
            "C:\\repo",
        ] {
            assert_eq!(Remote::parse(url, ForgeSetting::Auto), None, "{url}");
        }
        let forced = Remote::parse("git@git.corp:team/app.git", ForgeSetting::Gitlab).unwrap();
        assert_eq!(
            forced.compare("v1", "v2"),
            "https://git.corp/team/app/-/compare/v1...v2"
        );
        assert_eq!(
            Remote::parse("git@github.com:a/b", ForgeSetting::None),
            None
        );
    }

    #[test]
    fn bullets_carry_their_references() {
        let release = build_plain(&[commit(
            "e1",
            "feat(api)!: paginate (#12)\n\nBREAKING CHANGE: results come in pages\nCloses #7\n",
            1,
        )]);
        let text = render_section(&release, Some(&github()));
        assert_eq!(
            text,
            "## [1.1.0] - 2024-01-11\n\n### Breaking changes\n\n\
             - **api:** results come in pages ([#12](https://github.com/acme/widget/pull/12), \
             [e100000](https://github.com/acme/widget/commit/e100000000000000000000000000000000000000), \
             closes [#7](https://github.com/acme/widget/issues/7))\n"
        );
        let plain = render_section(&release, None);
        assert!(
            plain.contains("results come in pages (#12, e100000, closes #7)"),
            "{plain}"
        );
    }

    #[test]
    fn dates_are_utc_days() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(1_704_067_199), "2023-12-31");
        assert_eq!(date(-1), "1969-12-31");
    }

    fn release_with(name: &str, previous: Option<&str>, subject: &str) -> Release {
        let mut release = build_plain(&[commit("f1", subject, 1)]);
        release.span = span(Some(name), previous);
        release.date = release.span.time.map(date);
        release
    }

    #[test]
    fn prepend_inserts_under_the_header_and_replaces_its_own_version() {
        let existing = "# Changelog\n\nNotes by hand.\n\n## [Unreleased]\n\n- stale\n\n\
                        ## [1.0.0] - 2023-01-01\n\nHand-written, kept as is.  \n\n\n\
                        [Unreleased]: https://github.com/acme/widget/compare/v1.0.0...HEAD\n\
                        [1.0.0]: https://github.com/acme/widget/releases/tag/v1.0.0\n";
        let remote = github();
        let release = release_with("v1.1.0", Some("v1.0.0"), "feat: one");
        let once = prepend(existing, std::slice::from_ref(&release), Some(&remote));
        assert_eq!(
            once,
            "# Changelog\n\nNotes by hand.\n\n## [1.1.0] - 2024-01-11\n\n### Features\n\n\
             - one ([f100000](https://github.com/acme/widget/commit/f100000000000000000000000000000000000000))\n\n\
             ## [1.0.0] - 2023-01-01\n\nHand-written, kept as is.  \n\n\n\
             [1.1.0]: https://github.com/acme/widget/compare/v1.0.0...v1.1.0\n\
             [1.0.0]: https://github.com/acme/widget/releases/tag/v1.0.0\n"
        );
        assert_eq!(
            prepend(&once, std::slice::from_ref(&release), Some(&remote)),
            once
        );
        let changed = release_with("v1.1.0", Some("v1.0.0"), "feat: two");
        let replaced = prepend(&once, &[changed], Some(&remote));
        assert!(
            replaced.contains("- two (") && !replaced.contains("- one ("),
            "{replaced}"
        );
        assert_eq!(replaced.matches("## [1.1.0]").count(), 1);
    }

    #[test]
    fn prepend_into_files_without_sections_or_links() {
        let release = release_with("v0.1.0", None, "feat: first");
        let text = prepend("# Changelog\n", std::slice::from_ref(&release), None);
        assert_eq!(
            text,
            "# Changelog\n\n## [0.1.0] - 2024-01-11\n\n### Features\n\n- first (f100000)\n"
        );
        assert_eq!(
            prepend("", std::slice::from_ref(&release), None),
            render_markdown(std::slice::from_ref(&release), None)
        );
        // A `## ` line in a code block is not a section.
        let fenced = "# Log\n\n```\n## [0.1.0]\n```\n";
        let text = prepend(fenced, &[release], None);
        assert!(
            text.starts_with("# Log\n\n```\n## [0.1.0]\n```\n\n## [0.1.0] - "),
            "{text}"
        );
    }

    #[test]
    fn json_is_stable() {
        let release = build_plain(&[commit("g1", "fix(io): retry (#3)\n\nRefs #2", 1)]);
        let json = render_json(&[release], Some(&github()));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["schema"], 1);
        let r = &value["releases"][0];
        assert_eq!(r["version"], "1.1.0");
        assert_eq!(r["range"], "v1.0.0..v1.1.0");
        let c = &r["sections"][0]["commits"][0];
        assert_eq!(c["type"], "fix");
        assert_eq!(c["pr"], 3);
        assert_eq!(
            c["refs"][0]["url"],
            "https://github.com/acme/widget/issues/2"
        );
        assert_eq!(c["breaking_note"], serde_json::Value::Null);
        assert!(json.ends_with("}\n"));
    }

    #[test]
    fn model_answers_keep_every_reference() {
        let release = build_plain(&[
            commit("a2", "fix(io): retry (#3)\n\nCloses #2", 2),
            commit("a1", "feat: pages", 1),
        ]);
        let input = model_input(&release);
        assert_eq!(
            input,
            "Release 1.1.0 (2024-01-11)\n\n### Features\n- [a100000] feat: pages\n\n\
             ### Bug fixes\n- [a200000] fix(io): retry [PR #3; closes #2]\n"
        );
        let answer = "Lists come in pages now.\n\n### Features\n\n- Long lists are paged [a100000]\n\n\
                      ### Bug fixes\n\n- Reads survive hiccups [a200000]\n";
        let body = apply_model(&release, answer, Some(&github())).unwrap();
        assert!(
            body.contains(
                "- Reads survive hiccups ([#3](https://github.com/acme/widget/pull/3), \
                 [a200000](https://github.com/acme/widget/commit/a200000000000000000000000000000000000000), \
                 closes [#2](https://github.com/acme/widget/issues/2))\n"
            ),
            "{body}"
        );
        let bad = [
            ("### Features\n- pages [a100000]", "left out 1 of 2"),
            ("- x [a100000] [a200000] [deadbee]", "not in the release"),
            ("## Summary\n- x [a100000] [a200000]", "headings"),
            (
                "### Extras\n- x [a100000] [a200000]",
                "section that is not in the release",
            ),
            ("  ", "empty"),
        ];
        for (answer, problem) in bad {
            let err = apply_model(&release, answer, None).unwrap_err();
            assert!(err.contains(problem), "{answer:?}: {err}");
        }
        let mut rewritten = release.clone();
        rewritten.rewritten = Some(apply_model(&release, answer, None).unwrap());
        let notes = render_notes(&rewritten, None);
        assert!(notes.starts_with("Lists come in pages now.\n"), "{notes}");
        assert!(
            notes.contains("- Long lists are paged (a100000)\n"),
            "{notes}"
        );
    }

    #[test]
    fn github_output_is_multiline_safe() {
        let out = github_output(&[("notes", "a\nEOF\nb\n"), ("version", "1.0.0")], "EOF");
        assert_eq!(out, "notes<<EOF_\na\nEOF\nb\nEOF_\nversion=1.0.0\n");
    }

    #[test]
    fn templates_see_the_json_data() {
        let release = build_plain(&[
            commit("t2", "fix(io): retry (#3)\n\nRefs #2", 2),
            commit("t1", "feat: pages", 1),
        ]);
        let source = "{% for r in releases %}\n\
                      # {{ r.version }} ({{ r.date or \"unreleased\" }}) via {{ command }}\n\
                      {% for s in r.sections %}\n\
                      {{ s.title | upper }}:\n\
                      \x20 {% for c in s.commits %}\n\
                      * {{ c.subject }}{% if c.pr %} #{{ c.pr }}{% endif %} [{{ c.short_id }}]\n\
                      \x20 {% endfor %}\n\
                      {% endfor %}\n\
                      {% endfor %}\n";
        let out =
            render_template("t.j2", source, "changelog", &[release], Some(&github())).unwrap();
        assert_eq!(
            out,
            "# 1.1.0 (2024-01-11) via changelog\nFEATURES:\n* pages [t100000]\n\
             BUG FIXES:\n* retry #3 [t200000]\n"
        );
    }

    #[test]
    fn template_errors_name_the_file_and_line() {
        let release = build_plain(&[commit("t1", "feat: pages", 1)]);
        let render = |source: &str| {
            render_template(
                "notes.j2",
                source,
                "changelog",
                std::slice::from_ref(&release),
                None,
            )
            .unwrap_err()
        };
        let err = render("ok\n{% for r in releases %}\n{{ r.version }\n");
        assert!(
            matches!(&err, ChangelogError::Template { file, line: Some(3), .. } if file == "notes.j2"),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "cannot use the template `notes.j2` (line 3)"
        );
        // A misspelt field is an error at its line, not an empty string.
        let err = render("{% for r in releases %}\n{{ r.verison.x }}\n{% endfor %}\n");
        assert!(
            matches!(err, ChangelogError::Template { line: Some(2), .. }),
            "{err:?}"
        );
    }

    #[test]
    fn dotenv_is_one_line_a_value() {
        let pairs = [("NOTES_VERSION", "1.1.0"), ("NOTES_PREVIOUS_VERSION", "")];
        assert_eq!(
            dotenv(&pairs).unwrap(),
            "NOTES_VERSION=1.1.0\nNOTES_PREVIOUS_VERSION=\n"
        );
        assert!(matches!(
            dotenv(&[("NOTES_FILE", "a\nb")]),
            Err(ChangelogError::Dotenv { name }) if name == "NOTES_FILE"
        ));
    }
}
