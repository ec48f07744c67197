//! Versions and tags: semver-like tag names, their precedence and order, and the plan of
//! which ranges of history (spans) a changelog describes.

use super::{ChangelogError, PreReleases};
use crate::git::Tag;
use std::cmp::Ordering;

/// The parts of a semver-like tag name.
#[derive(Debug, PartialEq, Eq)]
struct Version<'a> {
    core: [u64; 3],
    pre: Option<&'a str>,
}

/// Reads a bare version (`v1.4.0`, `1.4.0-rc.1`), no package prefix.
fn bare_version(tag: &str) -> Option<Version<'_>> {
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

fn version(tag: &str) -> Option<Version<'_>> {
    bare_version(split_tag(tag).1)
}

/// Splits a tag into the package it versions and its version part: `acme-v0.30.2` →
/// (`acme`, `v0.30.2`), `@acme/ui@1.2.0` → (`@acme/ui`, `1.2.0`), `v1.4.0` → (none,
/// `v1.4.0`). A name that holds no semver-like version is all package-less version part.
pub fn split_tag(tag: &str) -> (Option<&str>, &str) {
    if bare_version(tag).is_some() {
        return (None, tag);
    }
    // `<name>@<version>` (npm, changesets): the last `@` that is not the first character.
    if let Some(at) = tag.rfind('@').filter(|&at| at > 0)
        && bare_version(&tag[at + 1..]).is_some()
    {
        return (Some(&tag[..at]), &tag[at + 1..]);
    }
    // `<name>-v<version>` or `<name>-<version>` (release-plz, cargo workspaces): the first `-`
    // after which a version follows, so `acme-v1.0.0-rc.1` keeps its pre-release part.
    for (at, _) in tag.match_indices('-') {
        let rest = &tag[at + 1..];
        if at > 0
            && rest.starts_with(|c: char| c.is_ascii_digit() || c == 'v' || c == 'V')
            && bare_version(rest).is_some()
        {
            return (Some(&tag[..at]), rest);
        }
    }
    (None, tag)
}

/// Returns the package a tag versions (`acme` in `acme-v0.30.2`), if it names one.
pub fn package_of(tag: &str) -> Option<&str> {
    split_tag(tag).0
}

/// Tells whether a tag is a package's semver-like release tag (`acme-v0.30.2`,
/// `@acme/ui@1.2.0`), which the default tag pattern recognises beside `v1.4.0`.
pub fn is_package_tag(tag: &str) -> bool {
    package_of(tag).is_some()
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

/// Tells whether tag `a` names a higher version than tag `b` (semver precedence; a name
/// without a version is never newer).
pub fn is_newer(a: &str, b: &str) -> bool {
    match (version(a), version(b)) {
        (Some(x), Some(y)) => precedence(&x, &y) == Ordering::Greater,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Tells whether a tag names a pre-release (`v2.0.0-rc.1`).
pub fn is_prerelease(tag: &str) -> bool {
    version(tag).is_some_and(|v| v.pre.is_some())
}

/// Returns the version a tag names: `v1.4.0` → `1.4.0`, `acme-v0.30.2` → `0.30.2`; other
/// names as they are.
pub fn version_of(tag: &str) -> String {
    let tag = split_tag(tag).1;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::TAG_PATTERN;

    fn tag(name: &str, commit: &str, position: usize) -> Tag {
        Tag {
            name: name.into(),
            commit: commit.into(),
            time: 1_704_067_200,
            position,
        }
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
    fn package_tags_split_into_name_and_version() {
        assert_eq!(split_tag("acme-v0.30.2"), (Some("acme"), "v0.30.2"));
        assert_eq!(split_tag("app-1.1.0-rc.1"), (Some("app"), "1.1.0-rc.1"));
        assert_eq!(split_tag("my-crate-v1.0.0"), (Some("my-crate"), "v1.0.0"));
        assert_eq!(split_tag("@acme/ui@1.2.0"), (Some("@acme/ui"), "1.2.0"));
        assert_eq!(split_tag("ui@v2.0.0"), (Some("ui"), "v2.0.0"));
        assert_eq!(split_tag("v1.0.0-rc.1"), (None, "v1.0.0-rc.1"));
        assert_eq!(split_tag("release-2"), (None, "release-2"));
        assert_eq!(split_tag("nightly"), (None, "nightly"));
        assert_eq!(version_of("acme-v0.30.2"), "0.30.2");
        assert!(is_newer("v1.0.1", "v1.0.0") && !is_newer("v0.2.0", "v1.0.0"));
        assert_eq!(version_of("@acme/ui@1.2.0"), "1.2.0");
        assert_eq!(version_of("release-2"), "release-2");
        assert!(is_prerelease("app-v2.0.0-beta.1"));
        let mut tags = vec![tag("acme-v0.9.0", "x", 0), tag("acme-v0.10.0", "x", 0)];
        order_tags(&mut tags);
        assert_eq!(tags[0].name, "acme-v0.10.0");
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
}
