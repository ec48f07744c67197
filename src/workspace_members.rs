//! Workspace members read from the repository (issue 13): Cargo `[workspace] members`
//! (`exclude` honoured), package.json `workspaces`, `pnpm-workspace.yaml` `packages:` and
//! `go.work` `use` lines, each member named by its package (`@vue/runtime-core` →
//! `runtime-core`) or else its folder.
//!
//! A repository is untrusted input: only regular files are read, each under a small cap, and
//! nothing fails a run (an unreadable or malformed manifest is no member). To stay cheap on
//! the hook's path the tree is never listed: a declared pattern is matched against the
//! folders of the staged paths, and only the members holding a staged path are read.

use std::path::Path;

/// The most bytes read of one manifest.
const MAX_BYTES: u64 = 256 * 1024;
/// The most patterns kept from the manifests, and the most members read for one change (a
/// change across more has no member scope anyway).
const MAX_PATTERNS: usize = 256;
const MAX_MEMBERS: usize = 8;
/// The longest package name taken as a scope.
const MAX_NAME: usize = 40;

/// A workspace member: its folder (relative to the top of the work tree, no trailing `/`)
/// and the name a scope calls it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub path: String,
    pub name: String,
}

/// The manifests a member's name is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Manifest {
    Cargo,
    Npm,
    Go,
}

/// The folder patterns a workspace declares, with those it leaves out.
#[derive(Debug, Default, PartialEq, Eq)]
struct Declared {
    include: Vec<(String, Manifest)>,
    exclude: Vec<String>,
}

/// Returns the members, declared by the workspace under `root`, that hold any of `paths`;
/// none when no path lies in a folder (a top-level file is in no member).
pub fn read(root: &Path, paths: &[&str]) -> Vec<Member> {
    let nested = paths.iter().any(|p| p.contains('/') && !p.starts_with('.'));
    if !nested {
        return Vec::new();
    }
    let text = |name: &str| {
        if !no_links(root, name) {
            return None;
        }
        crate::files::read_capped(&root.join(name), MAX_BYTES)
            .ok()
            .flatten()
    };
    let mut declared = Declared::default();
    if let Some(t) = text("Cargo.toml") {
        declared.extend(cargo(&t));
    }
    if let Some(t) = text("package.json") {
        declared.extend(npm(&t));
    }
    if let Some(t) = text("pnpm-workspace.yaml") {
        declared.extend(pnpm(&t));
    }
    if let Some(t) = text("go.work") {
        declared.extend(go_work(&t));
    }
    if declared.include.is_empty() {
        return Vec::new();
    }
    let mut members: Vec<Member> = Vec::new();
    for path in paths {
        let Some((folder, manifest)) = declared.member_of(path) else {
            continue;
        };
        if members.iter().any(|m| m.path == folder) {
            continue;
        }
        if members.len() == MAX_MEMBERS {
            return Vec::new();
        }
        let name = match manifest {
            Manifest::Cargo => text(&format!("{folder}/Cargo.toml")).and_then(|t| cargo_name(&t)),
            Manifest::Npm => text(&format!("{folder}/package.json")).and_then(|t| npm_name(&t)),
            Manifest::Go => None,
        };
        let last = folder.rsplit('/').next().unwrap_or(folder);
        let Some(name) = name.or_else(|| word(last).then(|| last.to_owned())) else {
            continue;
        };
        members.push(Member {
            path: folder.to_owned(),
            name,
        });
    }
    members
}

/// Tells whether `rel` under `root` is reached without following a symbolic link: a
/// repository may hold links to anywhere, and what lies outside it is not its to tell.
fn no_links(root: &Path, rel: &str) -> bool {
    let mut at = root.to_path_buf();
    rel.split('/').all(|part| {
        at.push(part);
        !matches!(std::fs::symlink_metadata(&at), Ok(meta) if meta.file_type().is_symlink())
    })
}

/// Returns the member every one of `paths` lies in (the longest matching member path of
/// each), if they share one.
pub fn shared<'m>(paths: &[&str], members: &'m [Member]) -> Option<&'m Member> {
    let mut found: Option<&Member> = None;
    for path in paths {
        let member = members
            .iter()
            .filter(|m| under(path, &m.path))
            .max_by_key(|m| m.path.len())?;
        match found {
            Some(prev) if prev.path != member.path => return None,
            _ => found = Some(member),
        }
    }
    found
}

fn under(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.starts_with('/'))
}

impl Declared {
    fn extend(&mut self, other: Declared) {
        self.include.extend(other.include);
        self.exclude.extend(other.exclude);
        self.include.truncate(MAX_PATTERNS);
        self.exclude.truncate(MAX_PATTERNS);
    }

    /// Returns the deepest folder above `path` a pattern declares a member (and not
    /// excluded), with the manifest that names it.
    fn member_of<'p>(&self, path: &'p str) -> Option<(&'p str, Manifest)> {
        let ends = path.match_indices('/').map(|(i, _)| i).collect::<Vec<_>>();
        for &end in ends.iter().rev() {
            let folder = &path[..end];
            if self.exclude.iter().any(|p| glob(p, folder)) {
                continue;
            }
            if let Some((_, manifest)) = self.include.iter().find(|(p, _)| glob(p, folder)) {
                return Some((folder, *manifest));
            }
        }
        None
    }
}

/// Normalises a declared folder: `./crates/*/` → `crates/*`; `None` for the root itself
/// (a member that would hold every path) and for a path out of the work tree.
fn pattern(raw: &str) -> Option<String> {
    let mut p = raw.trim().trim_end_matches('/');
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let p = p.trim_start_matches('/');
    // `**` is matched by trying every depth: a pattern from the repository has few of them.
    let wild = p.split('/').filter(|s| *s == "**").count();
    let bad = p.is_empty()
        || p == "."
        || p.len() > 200
        || wild > 2
        || p.split('/').any(|s| s == ".." || s.is_empty());
    (!bad).then(|| p.to_owned())
}

/// Matches a folder against a pattern, segment by segment: `*` and `?` within one, `**`
/// for any number of them.
fn glob(pattern: &str, folder: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').collect();
    let f: Vec<&str> = folder.split('/').collect();
    segments(&p, &f)
}

fn segments(p: &[&str], f: &[&str]) -> bool {
    match p.split_first() {
        None => f.is_empty(),
        Some((&"**", rest)) => (0..=f.len()).any(|i| segments(rest, &f[i..])),
        Some((first, rest)) => match f.split_first() {
            Some((seg, f_rest)) => {
                segment(first.as_bytes(), seg.as_bytes()) && segments(rest, f_rest)
            }
            None => false,
        },
    }
}

/// Matches one segment: `*` any run of bytes, `?` one byte. Greedy with one backtrack
/// point, so a hostile pattern costs at most `pattern × segment` steps.
fn segment(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(&c) if c == b'?' || c == s[si] => {
                pi += 1;
                si += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// A name fit for a scope.
fn word(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_NAME
        && !s.starts_with('.')
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// Cargo `[workspace] members` and `exclude`.
fn cargo(text: &str) -> Declared {
    let Ok(value) = text.parse::<toml::Table>() else {
        return Declared::default();
    };
    let Some(workspace) = value.get("workspace").and_then(|w| w.as_table()) else {
        return Declared::default();
    };
    let list = |key: &str| -> Vec<String> {
        workspace
            .get(key)
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str())
                    .filter_map(pattern)
                    .collect()
            })
            .unwrap_or_default()
    };
    Declared {
        include: list("members")
            .into_iter()
            .map(|p| (p, Manifest::Cargo))
            .collect(),
        exclude: list("exclude"),
    }
}

/// `[package] name` of a member's Cargo.toml.
fn cargo_name(text: &str) -> Option<String> {
    let value = text.parse::<toml::Table>().ok()?;
    let name = value.get("package")?.get("name")?.as_str()?;
    word(name).then(|| name.to_owned())
}

/// package.json `workspaces`: an array, or `{"packages": [...]}`; `!pattern` excludes.
fn npm(text: &str) -> Declared {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Declared::default();
    };
    let list = match value.get("workspaces") {
        Some(serde_json::Value::Array(a)) => a,
        Some(serde_json::Value::Object(o)) => match o.get("packages") {
            Some(serde_json::Value::Array(a)) => a,
            _ => return Declared::default(),
        },
        _ => return Declared::default(),
    };
    npm_patterns(list.iter().filter_map(|v| v.as_str()))
}

fn npm_patterns<'a>(list: impl Iterator<Item = &'a str>) -> Declared {
    let mut declared = Declared::default();
    for raw in list {
        match raw.trim().strip_prefix('!') {
            Some(out) => declared.exclude.extend(pattern(out)),
            None => declared
                .include
                .extend(pattern(raw).map(|p| (p, Manifest::Npm))),
        }
    }
    declared
}

/// package.json `name`, without its `@org/` part.
fn npm_name(text: &str) -> Option<String> {
    let value = serde_json::from_str::<serde_json::Value>(text).ok()?;
    let name = value.get("name")?.as_str()?;
    let name = name.rsplit('/').next().unwrap_or(name);
    word(name).then(|| name.to_owned())
}

/// `pnpm-workspace.yaml`'s `packages:` list (block form, or a one-line flow sequence).
fn pnpm(text: &str) -> Declared {
    let mut items = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.split(" #").next().unwrap_or(line).trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let top = !line.starts_with([' ', '\t', '-']);
        if top {
            inside = false;
            if let Some(rest) = line.strip_prefix("packages:") {
                let rest = rest.trim();
                if let Some(flow) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                    items.extend(flow.split(',').map(unquote));
                } else {
                    inside = rest.is_empty();
                }
            }
            continue;
        }
        if inside && let Some(item) = line.trim_start().strip_prefix('-') {
            items.push(unquote(item));
        }
    }
    npm_patterns(items.into_iter())
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix(['"', '\''])
        .and_then(|r| r.strip_suffix(['"', '\'']))
        .unwrap_or(s)
}

/// `go.work`'s `use` directives: `use ./a` or a `use ( … )` block.
fn go_work(text: &str) -> Declared {
    let mut declared = Declared::default();
    let mut block = false;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or(line).trim();
        let item = if block {
            if line == ")" {
                block = false;
                continue;
            }
            line
        } else if let Some(rest) = line.strip_prefix("use") {
            let rest = rest.trim();
            if rest == "(" {
                block = true;
                continue;
            }
            if !line.starts_with("use ") && !line.starts_with("use\t") {
                continue;
            }
            rest
        } else {
            continue;
        };
        let item = unquote(item.trim_matches('`'));
        // A module path is literal: no pattern characters.
        if item.contains(['*', '?', '[']) {
            continue;
        }
        declared
            .include
            .extend(pattern(item).map(|p| (p, Manifest::Go)));
    }
    declared
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders(d: &Declared) -> Vec<&str> {
        d.include.iter().map(|(p, _)| p.as_str()).collect()
    }

    #[test]
    fn cargo_members_and_exclude() {
        let d = cargo(
            "[workspace]\nmembers = [\"crates/*\", \"./tools/xtask/\", \".\"]\n\
             exclude = [\"crates/legacy\"]\n[package]\nname = \"acme\"\n",
        );
        assert_eq!(folders(&d), ["crates/*", "tools/xtask"]);
        assert_eq!(d.exclude, ["crates/legacy"]);
        assert_eq!(
            d.member_of("crates/acme-core/src/lib.rs"),
            Some(("crates/acme-core", Manifest::Cargo))
        );
        assert_eq!(d.member_of("crates/legacy/src/lib.rs"), None);
        assert_eq!(
            d.member_of("tools/xtask/src/main.rs"),
            Some(("tools/xtask", Manifest::Cargo))
        );
        assert_eq!(d.member_of("src/lib.rs"), None);
        assert_eq!(cargo("[workspace\nmembers = ["), Declared::default());
        assert_eq!(cargo("[package]\nname = \"x\"\n"), Declared::default());
        assert_eq!(
            cargo_name("[package]\nname = \"acme-core\"\n").as_deref(),
            Some("acme-core")
        );
        assert_eq!(cargo_name("[package]\nname = \"a b\"\n"), None);
        assert_eq!(cargo_name("[package\n"), None);
    }

    #[test]
    fn npm_workspaces_as_array_or_object() {
        let d = npm(r#"{"name": "root", "workspaces": ["packages/*", "!packages/private"]}"#);
        assert_eq!(folders(&d), ["packages/*"]);
        assert_eq!(d.exclude, ["packages/private"]);
        assert_eq!(d.member_of("packages/private/index.js"), None);
        let d = npm(r#"{"workspaces": {"packages": ["apps/**"], "nohoist": []}}"#);
        assert_eq!(
            d.member_of("apps/web/ui/x.ts"),
            Some(("apps/web/ui", Manifest::Npm))
        );
        assert_eq!(npm(r#"{"workspaces": 3}"#), Declared::default());
        assert_eq!(npm("{not json"), Declared::default());
        assert_eq!(
            npm_name(r#"{"name": "@vue/runtime-core"}"#).as_deref(),
            Some("runtime-core")
        );
        assert_eq!(
            npm_name(r#"{"name": "left-pad"}"#).as_deref(),
            Some("left-pad")
        );
        assert_eq!(npm_name(r#"{"version": "1"}"#), None);
    }

    #[test]
    fn pnpm_packages_list() {
        let d = pnpm(
            "# workspace\npackages:\n  - 'packages/*'\n  - \"packages-private/*\" # tools\n  \
             - '!**/test/**'\ncatalog:\n  - 'not/a/member'\n",
        );
        assert_eq!(folders(&d), ["packages/*", "packages-private/*"]);
        assert_eq!(d.exclude, ["**/test/**"]);
        assert_eq!(pnpm("packages: ['a/*', \"b\"]\n").include.len(), 2);
        assert_eq!(pnpm("catalog:\n  - x\n"), Declared::default());
    }

    #[test]
    fn go_work_use_lines() {
        let d =
            go_work("go 1.22\n\nuse (\n\t.\n\t./api // the API\n\t./cmd/worker\n)\nuse ./tools\n");
        assert_eq!(folders(&d), ["api", "cmd/worker", "tools"]);
        assert_eq!(
            d.member_of("cmd/worker/main.go"),
            Some(("cmd/worker", Manifest::Go))
        );
        assert_eq!(go_work("usefoo ./x\nuse ../outside\n"), Declared::default());
    }

    #[test]
    fn globs_match_whole_segments() {
        assert!(glob("crates/*", "crates/core"));
        assert!(!glob("crates/*", "crates/core/src"));
        assert!(glob("packages/*-core", "packages/runtime-core"));
        assert!(!glob("packages/*-core", "packages/compiler"));
        assert!(glob("**/test/**", "a/test/b"));
        assert!(glob("a?c", "abc"));
        assert!(glob("*a*b*", "xxaxxbxx"));
        assert!(!glob("*a*b", "xxaxxbxx"));
        assert!(glob("crates/*", "crates/x") && !glob("crates/x*", "crates/"));
        // A hostile pattern is matched in time, or refused.
        let long = "a".repeat(200);
        assert!(!glob(&"*a".repeat(40), &format!("{long}b")));
        assert_eq!(pattern("**/**/**/x"), None);
    }

    #[test]
    fn shared_member_is_the_longest_match() {
        let m = |path: &str, name: &str| Member {
            path: path.into(),
            name: name.into(),
        };
        let members = [
            m("crates/acme", "acme"),
            m("crates/acme/sub", "sub"),
            m("crates/cli", "cli"),
        ];
        let name = |paths: &[&str]| shared(paths, &members).map(|m| m.name.clone());
        assert_eq!(name(&["crates/acme/sub/src/a.rs"]).as_deref(), Some("sub"));
        assert_eq!(
            name(&["crates/acme/src/a.rs", "crates/acme/Cargo.toml"]).as_deref(),
            Some("acme")
        );
        assert_eq!(
            name(&["crates/acme/src/a.rs", "crates/cli/src/main.rs"]),
            None
        );
        assert_eq!(name(&["crates/acmex/src/a.rs"]), None);
        assert_eq!(name(&[]), None);
    }
}
