//! Grouping a range's commits into a release: sections in the configured order, hidden
//! types, reverted pairs cancelled, non-conventional commits classified.

use super::{Author, Footer, Options, Parsed, Reference, Remote, Span, parse, version_of};
use crate::git::CommitInfo;

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
    /// The message's body (between the header and the footers).
    pub body: Option<String>,
    pub footers: Vec<Footer>,
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
    /// Who wrote the release's commits (authors and co-authors, every parent walked), most
    /// commits first; empty unless asked for.
    pub contributors: Vec<Contributor>,
}

/// A person who contributed to a release.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contributor {
    pub name: String,
    pub email: String,
    /// Commits in the release (as author or co-author).
    pub commits: usize,
    /// Whether the release holds their first commit in the history.
    pub first_time: bool,
}

impl Release {
    /// Returns the version (`1.4.0`), or `None` for the unreleased section.
    pub fn version(&self) -> Option<String> {
        self.span.name.as_deref().map(version_of)
    }

    /// Returns the previous release's version (`1.3.0`), or empty from the first commit.
    pub fn previous_version(&self) -> String {
        self.span
            .previous
            .as_deref()
            .map(version_of)
            .unwrap_or_default()
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

/// Tells whether a commit only cuts a release (`chore: Release`, `chore(release): 1.4.0`,
/// `release: v3.5.41`, `Bump version to 1.4.0`, `docs: Update changelog`): it changes nothing
/// a reader needs, so it is hidden whatever types are listed.
fn is_release_commit(entry: &Entry) -> bool {
    // A header that is not conventional is the subject whole: `release: v3.5.41`.
    let subject = entry.subject.trim().to_lowercase().replace(':', " ");
    let words: Vec<&str> = subject.split_whitespace().collect();
    let versionish = |w: &str| {
        let w = w.trim_start_matches('v');
        w.split('.').count() >= 2
            && w.split('.')
                .all(|p| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
    };
    // Keeping the changelog itself (`docs: Update changelog`) is release work too.
    if matches!(entry.kind.as_str(), "docs" | "chore")
        && matches!(
            words.as_slice(),
            ["changelog"]
                | [
                    "update" | "updated" | "regenerate" | "generate",
                    "changelog"
                ]
        )
    {
        return true;
    }
    let release_kind = matches!(entry.kind.as_str(), "chore" | "release" | "build" | "other");
    let scope_release = entry.scope.as_deref() == Some("release");
    release_kind
        && (scope_release
            || entry.kind == "release"
            || matches!(
                words.as_slice(),
                ["release"] | ["release", _] | ["releases"]
            )
            || (words.first() == Some(&"release") && words.last().is_some_and(|w| versionish(w)))
            || subject.starts_with("bump version")
            || words.len() == 1 && versionish(words[0]))
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
            body: p.body.clone(),
            footers: p.footers.clone(),
            pr: p.pr,
            refs,
            authors,
            date: date(commit.time),
        };
        let is_hidden =
            !entry.breaking && (opts.hidden.contains(&entry.kind) || is_release_commit(&entry));
        match opts.section_of(&entry.kind, entry.breaking) {
            Some(at) if !is_hidden => sections[at].push(entry),
            _ => hidden.push(entry),
        }
    }
    Release {
        span: span.clone(),
        rewritten: None,
        contributors: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::test_support::{build_plain, commit, span};

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

    #[test]
    fn release_commits_are_hidden() {
        let release = build_plain(&[
            commit("r1", "chore: Release", 1),
            commit("r2", "chore(release): 1.4.0", 2),
            commit("r3", "release: v3.5.41", 3),
            commit("r4", "feat: release notes in CI", 4),
            commit("r5", "docs: Update changelog", 5),
        ]);
        assert_eq!(
            subjects(&release),
            [(
                "Features".to_owned(),
                vec!["release notes in CI".to_owned()]
            )]
        );
        assert_eq!(release.hidden.len(), 4);
    }

    #[test]
    fn dates_are_utc_days() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(1_704_067_199), "2023-12-31");
        assert_eq!(date(-1), "1969-12-31");
    }
}
