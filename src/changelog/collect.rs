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
    /// What the reader should know about the tags (ones that match no pattern, other
    /// packages' tags), one line each, without the `warning: ` prefix.
    pub warnings: Vec<String>,
    /// How the Markdown is written (the built-in style, or the house's).
    pub style: super::Style,
}

/// Which part of a repository the changelog is about (monorepos).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// `--package NAME`: only this package's tags (`NAME-v1.2.0`, `NAME@1.2.0`) are releases.
    pub package: Option<String>,
    /// `--include-path GLOB`: only commits that touch a matching path are listed.
    pub include_paths: Vec<String>,
    /// Also read who contributed to each release (`--contributors`, JSON, templates).
    pub contributors: bool,
}

/// How many tag names a warning spells out.
const NAMED_IN_WARNING: usize = 5;

fn name_some(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(NAMED_IN_WARNING)
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > NAMED_IN_WARNING {
        text.push_str(&format!(" and {} more", names.len() - NAMED_IN_WARNING));
    }
    text
}

/// The release tags of one line of history, as [`collect`] reads them.
struct ReleaseTags {
    /// The family's tags on the first-parent line of the end of history, newest first.
    line: Vec<crate::git::Tag>,
    /// Release tags (of any package) off that line: merged histories and release branches,
    /// whose commits were released there and are not listed again.
    side: Vec<String>,
    warnings: Vec<String>,
}

/// Reads the release tags reachable from `end`: those that match the pattern (or, with the
/// default pattern, a package's `<name>-v<semver>` / `<name>@<semver>`), of one package
/// (`--package`, the package of the tag asked for, else that of the newest release tag), on
/// the first-parent line of `end` (a merged history's tags are not this line's releases).
fn release_tags(
    repo: &Repo,
    opts: &super::Options,
    end: &str,
    family_hint: Option<&str>,
    scope: &Scope,
    full_line: bool,
) -> Result<ReleaseTags, ChangelogError> {
    let is_release = opts.release_matcher()?;
    let all = repo.tags(&|_: &str| true, end)?;
    let (mut release, unmatched): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|t| is_release(&t.name));
    let mut warnings = Vec::new();
    if !unmatched.is_empty() {
        let names: Vec<String> = unmatched.into_iter().map(|t| t.name).collect();
        warnings.push(format!(
            "{} {} no release pattern and {} left out: {} (set `changelog.tag-pattern` to \
             count {})",
            if names.len() == 1 { "tag" } else { "tags" },
            if names.len() == 1 { "matches" } else { "match" },
            if names.len() == 1 { "is" } else { "are" },
            name_some(&names),
            if names.len() == 1 { "it" } else { "them" },
        ));
    }
    if release.is_empty() {
        return Ok(ReleaseTags {
            line: release,
            side: Vec::new(),
            warnings,
        });
    }
    let (line, side): (Vec<_>, Vec<_>) = if full_line {
        let on_line: std::collections::HashSet<String> = repo
            .history(&[], end, true)?
            .commits
            .into_iter()
            .map(|c| c.id)
            .collect();
        release.drain(..).partition(|t| on_line.contains(&t.commit))
    } else {
        (std::mem::take(&mut release), Vec::new())
    };
    let mut line = line;
    let mut side = side;
    super::order_tags(&mut line);
    super::order_tags(&mut side);
    let family: Option<String> = match (&scope.package, family_hint) {
        (Some(package), _) => Some(package.clone()),
        (None, Some(hint)) => super::package_of(hint).map(str::to_owned),
        (None, None) => line
            .first()
            .and_then(|t| super::package_of(&t.name))
            .map(str::to_owned),
    };
    let (mut line, others): (Vec<_>, Vec<_>) = line
        .into_iter()
        .partition(|t| super::package_of(&t.name) == family.as_deref());
    // A side tag of the same package that is newer than the line's release before it is a
    // release of this line made on a branch (a hotfix on `release/1.0`, tags on `main` seen
    // from `develop`); a merged history's older tags (another crate's v0.2.0 under v1.0.0)
    // are not.
    let (promoted, side): (Vec<_>, Vec<_>) = side.into_iter().partition(|t| {
        super::package_of(&t.name) == family.as_deref()
            && line
                .iter()
                .find(|l| l.position > t.position)
                .is_none_or(|older| super::is_newer(&t.name, &older.name))
    });
    if !promoted.is_empty() {
        line.extend(promoted);
        super::order_tags(&mut line);
    }
    let side: Vec<String> = side.into_iter().map(|t| t.name).collect();
    // Named by `--package` or by the tag asked for, the family is no guess worth a word.
    if !others.is_empty() && scope.package.is_none() && family_hint.is_none() {
        let mut packages: Vec<String> = others
            .iter()
            .map(|t| {
                super::package_of(&t.name)
                    .unwrap_or("unprefixed")
                    .to_owned()
            })
            .collect();
        packages.sort();
        packages.dedup();
        warnings.push(format!(
            "tags of other packages are left out ({}): {}; pick one with `--package NAME`",
            packages.join(", "),
            name_some(&others.into_iter().map(|t| t.name).collect::<Vec<_>>()),
        ));
    }
    Ok(ReleaseTags {
        line,
        side,
        warnings,
    })
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

/// Splits an explicit range at the release tags inside it, on its first-parent line: `v1.0.0..HEAD`
/// across v1.1.0 and v1.2.0 is three sections, as `--all` would write them.
fn split_at_tags(
    repo: &Repo,
    span: Span,
    line: Vec<crate::git::Tag>,
    pre: super::PreReleases,
) -> Result<Vec<Span>, ChangelogError> {
    let (to_id, _) = resolve(repo, &span.to)?;
    let hide: Vec<&str> = span.previous.as_deref().into_iter().collect();
    let inside: std::collections::HashSet<String> = repo
        .history(&hide, &span.to, true)?
        .commits
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut inner: Vec<crate::git::Tag> = Vec::new();
    for tag in line {
        let folded = pre == super::PreReleases::Fold && super::is_prerelease(&tag.name);
        // Several tags on one commit: the first (highest version) names the section.
        if tag.commit == to_id
            || folded
            || !inside.contains(&tag.commit)
            || inner.iter().any(|t| t.commit == tag.commit)
        {
            continue;
        }
        inner.push(tag);
    }
    let Some(newest) = inner.first() else {
        return Ok(vec![span]);
    };
    let mut spans = vec![Span {
        previous: Some(newest.name.clone()),
        ..span.clone()
    }];
    for (i, tag) in inner.iter().enumerate() {
        spans.push(Span {
            name: Some(tag.name.clone()),
            previous: inner
                .get(i + 1)
                .map(|t| t.name.clone())
                .or_else(|| span.previous.clone()),
            to: tag.name.clone(),
            time: Some(tag.time),
        });
    }
    Ok(spans)
}

/// Collects the releases to write. `name` is `--tag NAME`: it names the unreleased section,
/// or, when such a tag exists, picks that tag's release.
pub fn collect(
    repo: &Repo,
    settings: &Settings,
    target: &Target,
    name: Option<&str>,
) -> Result<Changelog, ChangelogError> {
    collect_scoped(repo, settings, target, name, &Scope::default())
}

/// The spans a changelog describes and what was learnt about the tags on the way.
struct Planned {
    spans: Vec<Span>,
    warnings: Vec<String>,
    side: Vec<String>,
    /// `(end, first span's end)` when the first span does not start at the end of history
    /// (`--latest`): the commits between are walked too, to look for merges.
    probe: Option<(String, String)>,
}

/// Plans the spans of a target (see [`collect`]); `full_line` reads which tags are on the
/// first-parent line instead of taking every reachable one.
fn plan_spans(
    repo: &Repo,
    opts: &super::Options,
    target: &Target,
    name: Option<&str>,
    scope: &Scope,
    full_line: bool,
) -> Result<Planned, ChangelogError> {
    let is_release = opts.release_matcher()?;
    match target {
        Target::Range(range) => {
            let span = range_span(repo, range, name, &is_release)?;
            let found = release_tags(repo, opts, &span.to, span.name.as_deref(), scope, full_line)?;
            Ok(Planned {
                spans: split_at_tags(repo, span, found.line, opts.pre_releases)?,
                warnings: found.warnings,
                side: found.side,
                probe: None,
            })
        }
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
            let hint = match &selection {
                Selection::Tag(tag) => Some(tag.as_str()),
                _ => name,
            };
            let found = release_tags(repo, opts, &end, hint, scope, full_line)?;
            // A name that is already a tag has its own section; it names nothing unreleased.
            let name =
                name.filter(|n| !matches!(selection, Selection::Tag(_)) && !tag_exists(repo, n));
            let spans = super::plan(
                &selection,
                name,
                &found.line,
                &Head {
                    id: id.clone(),
                    time,
                },
                opts.pre_releases,
                &opts.tag_pattern,
            )
            .map_err(|err| match err {
                ChangelogError::NoTags { pattern, .. } => ChangelogError::NoTags {
                    pattern,
                    shallow: repo.is_shallow(),
                },
                other => other,
            })?;
            let probe = match spans.first() {
                Some(first) if resolve(repo, &first.to)?.0 != id => {
                    Some((end.clone(), first.to.clone()))
                }
                _ => None,
            };
            Ok(Planned {
                spans,
                warnings: found.warnings,
                side: found.side,
                probe,
            })
        }
    }
}

/// [`collect`] for one package or one set of paths of a monorepo.
pub fn collect_scoped(
    repo: &Repo,
    settings: &Settings,
    target: &Target,
    name: Option<&str>,
    scope: &Scope,
) -> Result<Changelog, ChangelogError> {
    let opts = &settings.changelog;
    // Most histories are a line: then every reachable release tag is on the first-parent
    // line, and no walk of the whole line is needed. A merge in a walked range means a tag
    // may sit on a merged side: plan again from the first-parent line.
    let mut full_line = false;
    let mut walked: Option<(Vec<Span>, Vec<History>)> = None;
    let (planned, raw) = loop {
        let planned = plan_spans(repo, opts, target, name, scope, full_line)?;
        // The same plan from the first-parent line: the walks already made stand.
        if let Some((spans, raw)) = walked.take()
            && spans == planned.spans
        {
            break (planned, raw);
        }
        let mut merged = false;
        if let Some((end, first)) = &planned.probe {
            merged |= repo
                .history(&[first.as_str()], end, true)?
                .commits
                .iter()
                .any(|c| c.parents > 1);
        }
        let mut raw = Vec::with_capacity(planned.spans.len());
        for span in &planned.spans {
            let hide: Vec<&str> = span.previous.as_deref().into_iter().collect();
            let history = repo.history(&hide, &span.to, opts.first_parent)?;
            merged |= history.commits.iter().any(|c| c.parents > 1);
            raw.push(history);
        }
        if merged && !full_line {
            full_line = true;
            walked = Some((planned.spans, raw));
            continue;
        }
        break (planned, raw);
    };
    let Planned {
        spans,
        warnings,
        side: side_tags,
        ..
    } = planned;

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
    let paths = include_set(&scope.include_paths)?;
    let side_refs: Vec<String> = side_tags.iter().map(|t| format!("refs/tags/{t}")).collect();
    let mut releases = Vec::with_capacity(spans.len());
    for (span, mut history) in spans.iter().zip(raw) {
        let hide: Vec<&str> = span.previous.as_deref().into_iter().collect();
        if opts.first_parent {
            // What a merged side released under its own tags was described there.
            let mut side_hide = hide.clone();
            side_hide.extend(side_refs.iter().map(String::as_str));
            history = expand_merges(repo, history, &side_hide, 0)?;
        }
        if let Some(paths) = &paths {
            history.commits.retain(|c| touches(repo, &c.id, paths));
        }
        if history.truncated {
            return Err(ChangelogError::Shallow {
                range: span.range(),
            });
        }
        releases.push(super::build(span, &history.commits, opts, &mut classify));
    }
    if scope.contributors {
        add_contributors(repo, &spans, &mut releases)?;
    }
    let remote = repo
        .remote_url()
        .and_then(|url| Remote::parse(&url, opts.forge));
    Ok(Changelog {
        releases,
        remote,
        warnings,
        style: super::Style::builtin(),
    })
}

/// The people a commit names: its author and its `Co-authored-by:` trailers.
fn people(commit: &CommitInfo) -> Vec<super::Author> {
    let mut people = vec![super::Author {
        name: commit.author_name.clone(),
        email: commit.author_email.clone(),
    }];
    if commit.message.contains("o-authored-by") {
        for co in super::parse(&commit.message).co_authors {
            if !people
                .iter()
                .any(|p| p.email.eq_ignore_ascii_case(&co.email))
            {
                people.push(co);
            }
        }
    }
    people
}

/// Fills each release's contributors: the authors and co-authors of every commit in its range
/// (every parent walked, so a merged branch's authors count), a first-timer when their oldest
/// commit in the history is in the range. Bots (`[bot]`) are left out.
fn add_contributors(
    repo: &Repo,
    spans: &[Span],
    releases: &mut [Release],
) -> Result<(), ChangelogError> {
    use std::collections::HashMap;
    let Some(newest) = spans.first() else {
        return Ok(());
    };
    // Each person's oldest commit, by email (case-insensitive).
    let mut first: HashMap<String, String> = HashMap::new();
    for commit in repo.history(&[], &newest.to, false)?.commits.iter().rev() {
        for person in people(commit) {
            first
                .entry(person.email.to_lowercase())
                .or_insert_with(|| commit.id.clone());
        }
    }
    for (span, release) in spans.iter().zip(releases.iter_mut()) {
        let hide: Vec<&str> = span.previous.as_deref().into_iter().collect();
        let range = repo.history(&hide, &span.to, false)?;
        let mut found: Vec<super::Contributor> = Vec::new();
        for commit in &range.commits {
            for person in people(commit) {
                if person.name.contains("[bot]") {
                    continue;
                }
                let key = person.email.to_lowercase();
                match found.iter_mut().find(|c| c.email.to_lowercase() == key) {
                    Some(known) => known.commits += 1,
                    None => found.push(super::Contributor {
                        first_time: range.commits.iter().any(|c| first.get(&key) == Some(&c.id)),
                        name: person.name,
                        email: person.email,
                        commits: 1,
                    }),
                }
            }
        }
        // Most commits first, then by name: the same order on every run.
        found.sort_by(|a, b| b.commits.cmp(&a.commits).then_with(|| a.name.cmp(&b.name)));
        release.contributors = found;
    }
    Ok(())
}

/// Compiles `--include-path` globs (`None` when there are none).
fn include_set(globs: &[String]) -> Result<Option<globset::GlobSet>, ChangelogError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut builder = globset::GlobSetBuilder::new();
    for glob in globs {
        let compiled = globset::GlobBuilder::new(glob)
            .literal_separator(true)
            .build()
            .map_err(|source| ChangelogError::IncludePath {
                glob: glob.clone(),
                source,
            })?;
        builder.add(compiled);
        // `crates/acme` stands for everything under it too.
        if !glob.contains(['*', '?', '[']) {
            let under = format!("{}/**", glob.trim_end_matches('/'));
            if let Ok(g) = globset::Glob::new(&under) {
                builder.add(g);
            }
        }
    }
    builder
        .build()
        .map(Some)
        .map_err(|source| ChangelogError::IncludePath {
            glob: globs.join(", "),
            source,
        })
}

/// Tells whether a commit changes a path the globs match (before or after a rename).
fn touches(repo: &Repo, id: &str, paths: &globset::GlobSet) -> bool {
    let filter = Filter::new(&Default::default()).expect("the default filter compiles");
    let Ok(files) = repo.commit_files(id, &filter) else {
        return false;
    };
    files.iter().any(|f| {
        let path = String::from_utf8_lossy(&f.change.path);
        paths.is_match(path.as_ref())
            || f.change
                .old_path
                .as_ref()
                .is_some_and(|old| paths.is_match(String::from_utf8_lossy(old).as_ref()))
    })
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
    let is_release = settings.changelog.release_matcher()?;
    let (head, _) = resolve(repo, "HEAD")?;
    let mut tags = repo.tags(&is_release, "HEAD")?;
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
