//! The next version from the commits of a release (`release-notes --bump`): major for breaking
//! changes, minor for features, patch otherwise; below 1.0.0 one step lower (breaking → minor,
//! feature → patch), as cargo's semver rules and release-please (`bump-minor-pre-major`,
//! `bump-patch-for-minor-pre-major`) treat 0.x versions.

use super::{Release, date, split_tag};

/// How far a version moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    Patch,
    Minor,
    Major,
}

/// Returns the bump a release's commits call for: any breaking change is major, any feature
/// minor, anything else patch.
pub fn bump_of(release: &Release) -> Bump {
    let entries = release
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .chain(&release.hidden);
    let mut bump = Bump::Patch;
    for entry in entries {
        if entry.breaking {
            return Bump::Major;
        }
        if entry.kind == "feat" {
            bump = Bump::Minor;
        }
    }
    bump
}

/// Returns the tag of the next version after `previous` (`v1.4.2` + minor → `v1.5.0`), keeping
/// its prefix (`acme-v0.30.2` → `acme-v0.30.3`); with no previous tag, `v0.1.0`. A pre-release
/// (`v2.0.0-rc.1`) is followed by its own final version (`v2.0.0`).
pub fn next_tag(previous: Option<&str>, bump: Bump) -> String {
    let Some(previous) = previous else {
        return "v0.1.0".into();
    };
    let (package, version) = split_tag(previous);
    let (v, bare) = match version.strip_prefix(['v', 'V']) {
        Some(rest) => (&version[..1], rest),
        None => ("", version),
    };
    let core = bare.split(['-', '+']).next().unwrap_or(bare);
    let mut parts = core.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    let (major, minor, patch) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    let next = if bare.len() != core.len() && bare.as_bytes()[core.len()] == b'-' {
        (major, minor, patch)
    } else {
        // Below 1.0.0 the public API is not stable: each kind moves one place lower.
        let bump = match (major, bump) {
            (0, Bump::Major) => Bump::Minor,
            (0, Bump::Minor) => Bump::Patch,
            (_, bump) => bump,
        };
        match bump {
            Bump::Major => (major + 1, 0, 0),
            Bump::Minor => (major, minor + 1, 0),
            Bump::Patch => (major, minor, patch + 1),
        }
    };
    let prefix = match package {
        Some(name) => {
            // `acme-v0.30.2` or `@acme/ui@1.2.0`: the separator stands between them.
            let sep = &previous[name.len()..previous.len() - version.len()];
            format!("{name}{sep}")
        }
        None => String::new(),
    };
    format!("{prefix}{v}{}.{}.{}", next.0, next.1, next.2)
}

/// Names an unreleased release as the next version, dated `head_time`; returns the new tag.
pub fn name_next(release: &mut Release, head_time: i64) -> String {
    let tag = next_tag(release.span.previous.as_deref(), bump_of(release));
    release.span.name = Some(tag.clone());
    release.span.time = Some(head_time);
    release.date = Some(date(head_time));
    tag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::test_support::{build_plain, commit};

    #[test]
    fn next_versions_follow_semver_and_the_0x_rules() {
        let cases = [
            (Some("v1.4.2"), Bump::Major, "v2.0.0"),
            (Some("v1.4.2"), Bump::Minor, "v1.5.0"),
            (Some("v1.4.2"), Bump::Patch, "v1.4.3"),
            (Some("1.4.2"), Bump::Patch, "1.4.3"),
            (Some("v0.4.2"), Bump::Major, "v0.5.0"),
            (Some("v0.4.2"), Bump::Minor, "v0.4.3"),
            (Some("v0.4.2"), Bump::Patch, "v0.4.3"),
            (Some("acme-v0.30.2"), Bump::Minor, "acme-v0.30.3"),
            (Some("@acme/ui@1.2.0"), Bump::Minor, "@acme/ui@1.3.0"),
            (Some("v2.0.0-rc.1"), Bump::Major, "v2.0.0"),
            (Some("v1.0.0+build.5"), Bump::Patch, "v1.0.1"),
            (None, Bump::Major, "v0.1.0"),
        ];
        for (previous, bump, want) in cases {
            assert_eq!(next_tag(previous, bump), want, "{previous:?} {bump:?}");
        }
    }

    #[test]
    fn the_commits_choose_the_bump() {
        let bump = |msgs: &[&str]| {
            let commits: Vec<_> = msgs
                .iter()
                .enumerate()
                .map(|(i, m)| commit(&format!("b{i}"), m, i as i64))
                .collect();
            bump_of(&build_plain(&commits))
        };
        assert_eq!(bump(&["fix: a", "chore: b"]), Bump::Patch);
        assert_eq!(bump(&["fix: a", "feat: b"]), Bump::Minor);
        assert_eq!(bump(&["feat: a", "chore!: drop node 14"]), Bump::Major);
        assert_eq!(bump(&["fix: a\n\nBREAKING CHANGE: b"]), Bump::Major);
    }
}
