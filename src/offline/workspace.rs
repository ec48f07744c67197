//! Workspace members as scopes (issue 13): a top-level package folder such as `acme-core/`
//! (a Cargo workspace member, an npm/pnpm workspace package, a `go.work` module) is known
//! from the diff alone by the package layout under it (`acme-core/src/…`,
//! `acme-core/Cargo.toml`).

use super::analysis::Analysis;
use super::classify::Type;
use crate::workspace_members::{self, Member};

/// Returns the name of the declared workspace member (read from the repository's
/// manifests) all the change's paths lie in, where the change takes a scope at all: not
/// docs, CI or style, not a chore but a dependency bump, and not a bump (`deps`) itself.
pub(crate) fn declared<'m>(
    a: &Analysis,
    ty: Type,
    found: Option<&str>,
    members: &'m [Member],
) -> Option<&'m str> {
    let unscoped = matches!(ty, Type::DOCS | Type::CI | Type::STYLE)
        || (ty == Type::CHORE && a.manifest.deps.is_empty())
        || found == Some("deps");
    if unscoped || members.is_empty() {
        return None;
    }
    workspace_members::shared(&super::scope::paths(a), members).map(|m| m.name.as_str())
}

/// Folders inside a package that mark the folder above them as one.
const PACKAGE_DIRS: &[&str] = &[
    "src",
    "lib",
    "tests",
    "test",
    "benches",
    "examples",
    "__tests__",
];
/// Files that mark the folder holding them as a package.
const MANIFESTS: &[&str] = &["Cargo.toml", "package.json", "go.mod", "pyproject.toml"];
/// Top-level folders that are not packages even with sources beneath them.
const NOT_MEMBERS: &[&str] = &[
    "src",
    "lib",
    "tests",
    "test",
    "docs",
    "doc",
    "examples",
    "scripts",
    "benches",
    "vendor",
    "third_party",
    "tools",
    "website",
    "site",
    "fixtures",
    "testdata",
    "ci",
    "build",
    "dist",
];

/// Returns the workspace member every one of `paths` lies in, if they share one.
pub(crate) fn member(paths: &[&str]) -> Option<String> {
    let mut found: Option<&str> = None;
    for path in paths {
        let mut parts = path.split('/');
        let top = parts.next()?;
        let next = parts.next()?;
        let marked = PACKAGE_DIRS.contains(&next) || MANIFESTS.contains(&next);
        if !marked || top.starts_with('.') || NOT_MEMBERS.contains(&top) || top.len() > 24 {
            return None;
        }
        match found {
            Some(prev) if prev != top => return None,
            _ => found = Some(top),
        }
    }
    found.map(str::to_owned)
}

/// Returns the scope a house with scopes writes for a workspace member: the member's name
/// when the house uses it, else the name without its project prefix (`acme-server` →
/// `server`) when the house writes short names (it has scopes, none with that prefix), else
/// the name; `None` when the house writes no scopes.
pub(crate) fn house_scope(member: &str, used: &[(String, usize)]) -> Option<String> {
    if used.is_empty() {
        return None;
    }
    if used.iter().any(|(p, _)| p == member) {
        return Some(member.to_owned());
    }
    let short = member.find(['-', '_']).and_then(|at| {
        let (project, short) = (&member[..=at], &member[at + 1..]);
        let long_names = used.iter().any(|(p, _)| p.starts_with(project));
        (used.len() >= 2 && !long_names && short.len() >= 2).then(|| short.to_owned())
    });
    Some(short.unwrap_or_else(|| member.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_packages_are_members() {
        assert_eq!(
            member(&["acme-core/src/lib.rs", "acme-core/Cargo.toml"]).as_deref(),
            Some("acme-core")
        );
        assert_eq!(
            member(&["acme-core/src/lib.rs", "acme-cli/src/main.rs"]),
            None
        );
        assert_eq!(member(&["src/parser.rs"]), None);
        assert_eq!(member(&["docs/src/index.md"]), None);
        assert_eq!(member(&[]), None);
    }

    #[test]
    fn members_lose_the_project_prefix_where_the_house_does() {
        let short = [("core".to_owned(), 12), ("cli".to_owned(), 12)];
        assert_eq!(
            house_scope("acme-server", &short).as_deref(),
            Some("server")
        );
        assert_eq!(house_scope("acme-core", &short).as_deref(), Some("core"));
        let long = [("acme-core".to_owned(), 12), ("docs".to_owned(), 3)];
        assert_eq!(
            house_scope("acme-core", &long).as_deref(),
            Some("acme-core")
        );
        assert_eq!(
            house_scope("acme-server", &long).as_deref(),
            Some("acme-server")
        );
        assert_eq!(house_scope("server", &short).as_deref(), Some("server"));
        assert_eq!(house_scope("acme-core", &[]), None);
    }
}
