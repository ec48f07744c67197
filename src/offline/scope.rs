//! The scope: the one component (package, crate, tool folder or source module) every
//! substantive file belongs to, or none when the change spans unrelated areas.

use super::analysis::Analysis;
use super::classify::Type;
use crate::paths::Kind;

/// Folders whose children are separate packages (`packages/compiler-sfc` → `compiler-sfc`).
const CONTAINERS: &[&str] = &[
    "packages",
    "crates",
    "libs",
    "apps",
    "plugins",
    "tooling",
    "extensions",
    "services",
];

/// Folders that say nothing about which part of a project changed.
const GENERIC: &[&str] = &[
    "src",
    "lib",
    "source",
    "sources",
    "internal",
    "pkg",
    "cmd",
    "app",
    "test",
    "tests",
    "spec",
    "docs",
    "doc",
    "examples",
    "example",
    "scripts",
    "script",
    "bin",
    "benches",
    "bench",
    "assets",
    "static",
    "public",
    "resources",
    "include",
    "util",
    "utils",
    "common",
    "core_",
    "main",
    "java",
    "kotlin",
    "python",
    "js",
    "ts",
    "__tests__",
    "fixtures",
    "testdata",
    "website",
    "site",
    "dist",
    "build",
    "target",
    "www",
    "vendor",
    "third_party",
    "tools",
    "hack",
    "misc",
    "contrib",
    "config",
    "configs",
    "data",
];

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 24
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !s.starts_with('.')
}

/// Returns the component of one path, if it has one.
fn component(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    if parts.len() < 2 {
        return None;
    }
    let dirs = &parts[..parts.len() - 1];
    // A package under a container folder, at the top or one level down.
    for (i, dir) in dirs.iter().enumerate().take(2) {
        if CONTAINERS.contains(dir) {
            return dirs
                .get(i + 1)
                .filter(|d| is_word(d))
                .map(|d| (*d).to_owned());
        }
    }
    // A module under `src/`: `src/parser/lexer.rs` → `parser`.
    if let Some(at) = dirs.iter().position(|d| *d == "src") {
        return dirs
            .get(at + 1)
            .filter(|d| is_word(d) && !GENERIC.contains(d))
            .map(|d| (*d).to_owned());
    }
    None
}

/// Returns the paths a scope speaks for: the substantive files but notes, lockfiles and docs.
pub(crate) fn paths(a: &Analysis) -> Vec<&str> {
    a.substantive()
        .into_iter()
        .filter(|f| !matches!(f.kind, Kind::Note | Kind::Lockfile | Kind::Docs))
        .map(|f| f.path.as_str())
        .collect()
}

/// Returns the scope for the change, or `None`.
pub(crate) fn scope(a: &Analysis, ty: Type) -> Option<String> {
    if matches!(ty, Type::DOCS | Type::CI | Type::STYLE) {
        return None;
    }
    if ty == Type::CHORE && a.manifest.deps.is_empty() {
        return None;
    }
    let files: Vec<_> = a
        .substantive()
        .into_iter()
        .filter(|f| !matches!(f.kind, Kind::Note | Kind::Lockfile | Kind::Docs))
        .collect();
    if files.is_empty() {
        return None;
    }
    let only_deps = files
        .iter()
        .all(|f| matches!(f.kind, Kind::Manifest | Kind::Lockfile));
    if only_deps && !a.manifest.deps.is_empty() && !a.is_release() {
        return Some("deps".to_owned());
    }
    let mut found: Option<String> = None;
    for file in files {
        let Some(c) = component(&file.path) else {
            return super::workspace::member(&paths(a));
        };
        match &found {
            Some(prev) if *prev != c => return None,
            _ => found = Some(c),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_come_from_packages_and_modules() {
        let c = |p: &str| component(p);
        assert_eq!(
            c("packages/compiler-sfc/src/parse.ts").as_deref(),
            Some("compiler-sfc")
        );
        assert_eq!(c("crates/cli/src/main.rs").as_deref(), Some("cli"));
        assert_eq!(c("src/parser/lexer.rs").as_deref(), Some("parser"));
        assert_eq!(c("src/main.rs"), None);
        assert_eq!(c("README.md"), None);
        assert_eq!(c("haystack/components/x.py"), None);
    }
}
