//! Collecting commits from the repository: picks the ranges to describe from the release
//! tags (or an explicit range), reads their commits through `git` (merges of local branches
//! opened up), types the commits that are not Conventional Commits with the offline engine
//! from their own diff, and groups them into releases.

use super::{ChangelogError, Head, Release, Remote, Selection, Span};
use crate::config::env_vars;
use crate::config::{Env, Settings};
use crate::filter::Filter;
use crate::git::{CommitInfo, History, Repo};
use crate::message::Style;
use crate::offline;

/// What to describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Releases picked by the tags.
    Tags(Selection),
    /// A range as given: `A..B`, `A..` (to HEAD), `..B` or `B` (all of `B`'s history).
    Range(String),
}

/// The releases a command writes, newest first, and where their links point.
#[derive(Debug, Clone)]
pub struct Changelog {
    pub releases: Vec<Release>,
    pub remote: Option<Remote>,
}

fn tag_exists(repo: &Repo, name: &str) -> bool {
    repo.resolve_commit(&format!("refs/tags/{name}")).is_ok()
}

fn resolve(repo: &Repo, rev: &str) -> Result<(String, i64), ChangelogError> {
    repo.resolve_commit(rev)
        .map_err(|source| ChangelogError::Revision {
            rev: rev.to_owned(),
            source,
        })
}

/// Plans the section of an explicit range. It is named by `name` (`--tag`), else by its end
/// when that is a release tag, else "Unreleased".
fn range_span(
    repo: &Repo,
    range: &str,
    name: Option<&str>,
    is_release: &dyn Fn(&str) -> bool,
) -> Result<Span, ChangelogError> {
    let (from, to) = match range.split_once("..") {
        Some((from, to)) => (
            Some(from).filter(|f| !f.is_empty()),
            if to.is_empty() { "HEAD" } else { to },
        ),
        None => (None, range),
    };
    if let Some(from) = from {
        resolve(repo, from)?;
    }
    let (_, time) = resolve(repo, to)?;
    let name = name
        .map(str::to_owned)
        .or_else(|| (is_release(to) && tag_exists(repo, to)).then(|| to.to_owned()));
    Ok(Span {
        time: name.as_ref().map(|_| time),
        name,
        previous: from.map(str::to_owned),
        to: to.to_owned(),
    })
}

/// Collects the releases to write. `name` is `--tag NAME`: it names the unreleased section,
/// or, when such a tag exists, picks that tag's release.
pub fn collect(
    repo: &Repo,
    settings: &Settings,
    target: &Target,
    name: Option<&str>,
) -> Result<Changelog, ChangelogError> {
    let opts = &settings.changelog;
    let pattern = opts.tag_regex()?;
    let is_release = |tag: &str| pattern.is_match(tag);
    let spans = match target {
        Target::Range(range) => vec![range_span(repo, range, name, &is_release)?],
        Target::Tags(selection) => {
            let selection = match (selection, name) {
                (Selection::Unreleased, Some(tag)) if tag_exists(repo, tag) => {
                    Selection::Tag(tag.to_owned())
                }
                _ => selection.clone(),
            };
            let end = match &selection {
                Selection::Tag(tag) if !tag_exists(repo, tag) => {
                    return Err(ChangelogError::UnknownTag(tag.clone()));
                }
                Selection::Tag(tag) => format!("refs/tags/{tag}"),
                _ => "HEAD".to_owned(),
            };
            let (id, time) = resolve(repo, &end)?;
            let mut tags = repo.tags(&is_release, &end)?;
            super::order_tags(&mut tags);
            // A name that is already a tag has its own section; it names nothing unreleased.
            let name =
                name.filter(|n| !matches!(selection, Selection::Tag(_)) && !tag_exists(repo, n));
            super::plan(
                &selection,
                name,
                &tags,
                &Head { id, time },
                opts.pre_releases,
                &opts.tag_pattern,
            )
            .map_err(|err| match err {
                ChangelogError::NoTags { pattern, .. } => ChangelogError::NoTags {
                    pattern,
                    shallow: repo.is_shallow(),
                },
                other => other,
            })?
        }
    };

    let filter = Filter::new(&settings.filter)?;
    let style = Style {
        conventional: true,
        body: false,
        ..settings.style.clone()
    };
    // A commit that is not Conventional Commits is typed as the offline engine would type its
    // diff (issue #6: nothing falls into "Other" needlessly).
    let mut classify = |commit: &CommitInfo| -> Option<String> {
        let files = repo.commit_files(&commit.id, &filter).ok()?;
        if files.is_empty() {
            return None;
        }
        super::parse(&offline::write(&files, &style).subject).kind
    };
    let mut releases = Vec::with_capacity(spans.len());
    for span in &spans {
        let hide: Vec<&str> = span.previous.as_deref().into_iter().collect();
        let mut history = repo.history(&hide, &span.to, opts.first_parent)?;
        if opts.first_parent {
            history = expand_merges(repo, history, &hide, 0)?;
        }
        if history.truncated {
            return Err(ChangelogError::Shallow {
                range: span.range(),
            });
        }
        releases.push(super::build(span, &history.commits, opts, &mut classify));
    }
    let remote = repo
        .remote_url()
        .and_then(|url| Remote::parse(&url, opts.forge));
    Ok(Changelog { releases, remote })
}

/// How deep merges of merges are opened up.
const MERGE_DEPTH: usize = 8;

/// Following first parents, a merge of a local branch (`Merge branch 'topic'`, a `git pull`)
/// stands for the commits it brings in: they take its place, so none is lost and none is
/// listed as "Merge branch …". A forge's PR merge stays one entry, with the PR's title.
fn expand_merges(
    repo: &Repo,
    history: History,
    hide: &[&str],
    depth: usize,
) -> Result<History, ChangelogError> {
    let mut out = History {
        commits: Vec::with_capacity(history.commits.len()),
        truncated: history.truncated,
    };
    for commit in history.commits {
        if commit.parents < 2 || depth >= MERGE_DEPTH || super::is_pr_merge(&commit.message) {
            out.commits.push(commit);
            continue;
        }
        let first = format!("{}^1", commit.id);
        let mut inner_hide = vec![first.as_str()];
        inner_hide.extend_from_slice(hide);
        for parent in 2..=commit.parents {
            let side = repo.history(&inner_hide, &format!("{}^{parent}", commit.id), true)?;
            let side = expand_merges(repo, side, &inner_hide, depth + 1)?;
            out.truncated |= side.truncated;
            out.commits.extend(side.commits);
        }
    }
    Ok(out)
}

/// Picks the tag `release-notes` describes: `--tag`, else `GITHUB_REF_NAME` when a tag
/// triggered the run, else the release tag at HEAD.
pub fn notes_tag(
    repo: &Repo,
    settings: &Settings,
    env: &Env,
    flag: Option<&str>,
) -> Result<String, ChangelogError> {
    if let Some(tag) = flag {
        return Ok(tag.to_owned());
    }
    if let Some(name) = env.get(env_vars::GITHUB_REF_NAME) {
        let is_tag = match env.get(env_vars::GITHUB_REF_TYPE) {
            Some(kind) => kind == "tag",
            None => tag_exists(repo, name),
        };
        if is_tag {
            return Ok(name.to_owned());
        }
    }
    let pattern = settings.changelog.tag_regex()?;
    let (head, _) = resolve(repo, "HEAD")?;
    let mut tags = repo.tags(&|tag: &str| pattern.is_match(tag), "HEAD")?;
    if tags.is_empty() {
        return Err(ChangelogError::NoTags {
            pattern: settings.changelog.tag_pattern.clone(),
            shallow: repo.is_shallow(),
        });
    }
    super::order_tags(&mut tags);
    tags.into_iter()
        .find(|t| t.commit == head)
        .map(|t| t.name)
        .ok_or(ChangelogError::HeadNotTagged)
}
