//! Dependency and version changes read from manifest hunks: `Cargo.toml`, `package.json`,
//! `pyproject.toml`, `requirements*.txt`, `go.mod` (and `setup.cfg`/`Pipfile` lines that look
//! the same).

use std::collections::BTreeMap;

/// One dependency whose requirement changed, appeared or went away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DepChange {
    pub name: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What the manifest hunks of a change say.
#[derive(Debug, Default)]
pub(crate) struct ManifestChanges {
    pub deps: Vec<DepChange>,
    /// The package's own new version, when its `version` field changed: the shallowest
    /// manifest's, as a workspace's root names the release its members follow (uv's
    /// `0.12.5`, not an internal crate's `0.0.72`).
    pub release: Option<String>,
    /// The folder of the manifest that gave `release`, when it lies below the root and is
    /// the only one, or when manifests as shallow as it moved to other versions: a
    /// workspace releasing members at their own versions names the package (axum's `0.8.0`
    /// beside axum-core's `0.5.0`, `axum-extra 0.12.5` alone).
    pub release_package: Option<String>,
    /// Dependencies taken out of one manifest and put into another at the same version.
    pub moved: Vec<String>,
    /// Whether every dependency moved went into the root manifest (a workspace's shared
    /// dependencies), not out of it.
    pub moved_to_root: bool,
    /// The manifest each entry of `deps` was read from.
    dep_paths: Vec<(String, String)>,
    /// Each manifest that moved its own version: how deep it lies, its folder, the version.
    releases: Vec<(usize, String, String)>,
}

impl ManifestChanges {
    /// Keeps the shallowest manifest's new version. Among manifests as shallow, the package
    /// whose folder names the others' family wins (`axum` over `axum-core`); a second
    /// version among them, or one package alone below the root, makes the release name it.
    fn note_release(&mut self, path: &str, depth: usize, to: String) {
        let folder = path
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir.rsplit('/').next().unwrap_or(dir));
        self.releases.push((depth, folder.to_owned(), to));
        let shallowest = self.releases.iter().map(|r| r.0).min().unwrap_or(0);
        let top: Vec<_> = self.releases.iter().filter(|r| r.0 == shallowest).collect();
        let lead = top
            .iter()
            .min_by_key(|r| r.1.len())
            .filter(|lead| top.iter().all(|r| r.1.starts_with(&lead.1)))
            .unwrap_or(&top[0]);
        let alone = self.releases.len() == 1 && shallowest > 0;
        let differ = top.iter().any(|r| r.2 != lead.2);
        self.release = Some(lead.2.clone());
        self.release_package = (alone || differ)
            .then(|| lead.1.clone())
            .filter(|f| !f.is_empty());
    }

    /// Whether more than one manifest moved its own version.
    pub(crate) fn several_released(&self) -> bool {
        self.releases.len() > 1
    }
}

fn unquote(s: &str) -> &str {
    s.trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == ',')
        .trim()
}

fn clean_version(v: &str) -> String {
    let v = unquote(v);
    // `^0.4.0 || ^0.5.0`: each alternative, cleaned (a widened range keeps the old one).
    if v.contains("||") {
        let parts: Vec<String> = v.split("||").map(clean_version).collect();
        return parts.join(" || ");
    }
    let v = v.trim_start_matches(['^', '~', '=', '>', '<', '!', ' ']);
    v.split([',', ';', ' ']).next().unwrap_or(v).to_owned()
}

fn looks_like_version(v: &str) -> bool {
    let v = v.trim_start_matches('v');
    v.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '*')
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '@'))
}

/// `serde = "1.0"`, `serde = { version = "1.0", … }`, poetry `requests = "^2.0"`.
fn toml_line(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once('=')?;
    let key = unquote(key);
    let value = value.trim();
    if !is_name(key) {
        return None;
    }
    if let Some(inner) = value.strip_prefix('{') {
        let at = inner.find("version")?;
        let rest = inner[at + 7..].trim_start().strip_prefix('=')?;
        // Cleaned before it is judged: `version = "=0.2.0"` is a version too.
        let version = clean_version(rest.trim_start().split(['"', '\'']).nth(1)?);
        return looks_like_version(&version).then(|| (key.to_owned(), version));
    }
    let version = value.strip_prefix(['"', '\''])?;
    let version = version.split(['"', '\'']).next()?;
    let cleaned = clean_version(version);
    looks_like_version(&cleaned).then(|| (key.to_owned(), cleaned))
}

/// `"name": "^1.2.3",` in package.json.
fn json_line(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once("\":")?;
    let key = key.trim().strip_prefix('"')?;
    let version = unquote(value);
    let cleaned = clean_version(version);
    (is_name(key) && (looks_like_version(&cleaned) || version.starts_with("workspace:")))
        .then(|| (key.to_owned(), cleaned))
}

/// `requests>=2.0`, `"requests>=2.0",` (pyproject arrays), `django==4.2  # pinned`.
fn requirement_line(line: &str) -> Option<(String, String)> {
    let line = unquote(line.split('#').next()?.trim());
    let at = line.find(['=', '>', '<', '~', '!'])?;
    let name = line[..at].trim();
    let name = name.split('[').next()?.trim();
    let version = clean_version(&line[at..]);
    (is_name(name) && looks_like_version(&version)).then(|| (name.to_owned(), version))
}

/// `\tgithub.com/x/y v1.2.3 // indirect` or `require github.com/x/y v1.2.3`.
fn go_mod_line(line: &str) -> Option<(String, String)> {
    let line = line.trim().trim_start_matches("require ").trim();
    let mut parts = line.split_whitespace();
    let name = parts.next()?;
    let version = parts.next()?;
    (name.contains('.') && version.starts_with('v') && looks_like_version(version))
        .then(|| (name.to_owned(), version.to_owned()))
}

/// Reads one manifest line into a dependency name and version.
type LineParser = fn(&str) -> Option<(String, String)>;

/// Returns the parser for a manifest's dependency lines, by file name.
fn parser(name: &str) -> Option<LineParser> {
    match name {
        "Cargo.toml" | "Pipfile" => Some(toml_line),
        "pyproject.toml" => Some(|l: &str| {
            if l.trim_start().starts_with('"') || l.trim_start().starts_with('\'') {
                requirement_line(l)
            } else {
                toml_line(l)
            }
        }),
        "package.json" | "deno.json" | "composer.json" => Some(json_line),
        "go.mod" => Some(go_mod_line),
        "setup.cfg" | "setup.py" => Some(requirement_line),
        _ if name.starts_with("requirements") && name.ends_with(".txt") => Some(requirement_line),
        _ => None,
    }
}

/// Collects the version pairs of one manifest's added and removed lines.
#[derive(Debug, Default)]
pub(crate) struct ManifestReader {
    removed: BTreeMap<String, String>,
    added: BTreeMap<String, String>,
    order: Vec<String>,
    /// A Cargo manifest's lines above are dependencies: a bare `version` key there is a
    /// dependency's (`[dependencies.schemars]` above the hunk), not the package's.
    in_deps: bool,
    /// The hunk showed a table header, which alone then says where its lines sit.
    header_seen: bool,
}

/// The package managers a `package.json` pins with `packageManager` (corepack).
pub(crate) const PACKAGE_MANAGERS: &[&str] = &["yarn", "pnpm", "npm", "bun"];

/// `"packageManager": "yarn@4.15.0+sha512.…"` in a `package.json`, as the manager's name
/// and version: corepack's pin moves like a dependency (prettier's `Update yarn to v4.15`).
fn package_manager_line(name: &str, line: &str) -> Option<(String, String)> {
    if name != "package.json" {
        return None;
    }
    let (key, value) = line.split_once("\":")?;
    if key.trim().trim_start_matches('"') != "packageManager" {
        return None;
    }
    let (tool, version) = unquote(value).split_once('@')?;
    let version = version.split('+').next()?;
    (PACKAGE_MANAGERS.contains(&tool) && looks_like_version(version))
        .then(|| (tool.to_owned(), version.to_owned()))
}

/// Keys of a Cargo `[package]` table that carry versions but name no dependency.
fn package_key(key: &str) -> bool {
    matches!(key, "version" | "rust-version" | "edition")
}

impl ManifestReader {
    /// Reads a line the hunk shows around its changes, or its heading (`start`: a new hunk,
    /// whose heading is its first line), for where the changed lines sit.
    pub(crate) fn context(&mut self, name: &str, text: &str, start: bool) {
        if name != "Cargo.toml" {
            return;
        }
        if start {
            self.in_deps = false;
            self.header_seen = false;
        }
        let text = text.trim();
        if let Some(header) = text.strip_prefix('[') {
            self.in_deps = header.contains("dependencies");
            self.header_seen = true;
        } else if let Some((key, _)) = toml_line(text)
            && !package_key(&key)
            && !self.header_seen
        {
            self.in_deps = true;
        }
    }

    /// Reads one changed line of the manifest called `name`.
    pub(crate) fn line(&mut self, name: &str, text: &str, added: bool) {
        let Some(parse) = parser(name) else {
            return;
        };
        if text.len() > 300 {
            return;
        }
        let Some((key, version)) = package_manager_line(name, text).or_else(|| parse(text)) else {
            return;
        };
        if name == "Cargo.toml" {
            if key == "version" && self.in_deps {
                return;
            }
            self.in_deps |= !package_key(&key) && !self.header_seen;
        }
        if !self.order.contains(&key) {
            self.order.push(key.clone());
        }
        let map = if added {
            &mut self.added
        } else {
            &mut self.removed
        };
        map.entry(key).or_insert(version);
    }

    /// A Go module moved to a new major version changes its path (`go-github/v64` →
    /// `go-github/v65`): the two are one module, bumped, under the path without the major.
    fn join_go_majors(&mut self) {
        fn base(module: &str) -> Option<&str> {
            let (base, major) = module.rsplit_once("/v")?;
            (base.contains('/') && !major.is_empty() && major.bytes().all(|b| b.is_ascii_digit()))
                .then_some(base)
        }
        let gone: Vec<String> = (self.removed.keys())
            .filter(|k| !self.added.contains_key(*k) && base(k).is_some())
            .cloned()
            .collect();
        for old in gone {
            let Some(root) = base(&old).map(str::to_owned) else {
                continue;
            };
            let new = (self.added.keys())
                .find(|k| **k != old && !self.removed.contains_key(*k) && base(k) == Some(&root))
                .cloned();
            let Some(new) = new else {
                continue;
            };
            if let (Some(from), Some(to)) = (self.removed.remove(&old), self.added.remove(&new)) {
                self.removed.insert(root.clone(), from);
                self.added.insert(root.clone(), to);
                self.order.retain(|k| *k != old && *k != new);
                self.order.push(root);
            }
        }
    }

    /// Adds what was read from the manifest at `path` to `out`.
    pub(crate) fn finish(mut self, path: &str, out: &mut ManifestChanges) {
        if path.ends_with("go.mod") {
            self.join_go_majors();
        }
        let depth = path.matches('/').count();
        for key in self.order {
            let from = self.removed.get(&key).cloned();
            let to = self.added.get(&key).cloned();
            if from == to {
                continue;
            }
            if key == "version" {
                if let (Some(_), Some(to)) = (&from, to) {
                    out.note_release(path, depth, to);
                }
                continue;
            }
            // The `name`, `rust-version` and `edition` keys carry versions but are not
            // dependencies.
            if matches!(
                key.as_str(),
                "rust-version" | "edition" | "requires-python" | "python" | "node"
            ) {
                continue;
            }
            // Taken out of one manifest and put into another at the same version: moved
            // (jj's `mimalloc = "0.1.50"` from `cli/` into the workspace's dependencies).
            if let Some(at) = out.deps.iter().position(|d| {
                d.name == key
                    && (d.from.is_none() && d.to.is_some() && d.to == from && to.is_none()
                        || d.to.is_none() && d.from.is_some() && d.from == to && from.is_none())
            }) {
                let moved = out.deps.remove(at);
                // Where it went: this manifest, or the one it was read from before.
                let other = out
                    .dep_paths
                    .iter()
                    .find(|(name, _)| *name == moved.name)
                    .map_or("", |(_, p)| p.as_str());
                let into = if to.is_some() { path } else { other };
                let root = !into.contains('/');
                out.moved_to_root = root && (out.moved.is_empty() || out.moved_to_root);
                if !out.moved.contains(&moved.name) {
                    out.moved.push(moved.name);
                }
                continue;
            }
            if !out.deps.iter().any(|d| d.name == key) && !out.moved.contains(&key) {
                if out.dep_paths.len() < 512 {
                    out.dep_paths.push((key.clone(), path.to_owned()));
                }
                out.deps.push(DepChange {
                    name: key,
                    from,
                    to,
                });
            }
        }
    }
}

/// Pairs the versions seen on each side into changes: a name with an old and a new version
/// is a bump; one side only is an addition or a removal.
fn pair(
    order: &[String],
    removed: &BTreeMap<String, Vec<String>>,
    added: &BTreeMap<String, Vec<String>>,
) -> Vec<DepChange> {
    let mut out = Vec::new();
    for name in order {
        let old = removed.get(name).map(Vec::as_slice).unwrap_or_default();
        let new = added.get(name).map(Vec::as_slice).unwrap_or_default();
        // A lockfile may hold two versions of one package; the one that stayed is no news.
        let from = old.iter().find(|v| !new.contains(v)).cloned();
        let to = new.iter().find(|v| !old.contains(v)).cloned();
        if from.is_none() && to.is_none() {
            continue;
        }
        // `3` → `v3` is the same version written another way.
        let bare = |v: &Option<String>| v.as_deref().map(|v| v.trim_start_matches('v').to_owned());
        if from.is_some() && bare(&from) == bare(&to) {
            continue;
        }
        if old.is_empty() || new.is_empty() || (from.is_some() && to.is_some()) {
            out.push(DepChange {
                name: name.clone(),
                from,
                to,
            });
        }
    }
    out
}

impl DepChange {
    /// Tells whether this is an entry of a registry pinned by commit (helix's `fortran
    /// grammar`, named by its entry): updated, its commits saying nothing in a subject.
    pub(crate) fn is_entry_pin(&self) -> bool {
        let commit = |v: &Option<String>| {
            v.as_deref()
                .is_some_and(|v| v.len() == 7 && v.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        self.name.contains(' ') && commit(&self.from) && commit(&self.to)
    }

    /// The newest alternative of a range that kept every old one and added it (`^0.4.0` →
    /// `^0.4.0 || ^0.5.0`: `0.5.0`).
    pub(crate) fn widened(&self) -> Option<&str> {
        let (from, to) = (self.from.as_deref()?, self.to.as_deref()?);
        let new: Vec<&str> = to.split(" || ").collect();
        let kept = from.split(" || ").all(|old| new.contains(&old));
        (new.len() > 1 && kept && from != to).then(|| new[new.len() - 1])
    }

    /// `widen @vitejs/devtools range to 0.5.0`, for a widened range.
    pub(crate) fn widening(&self) -> Option<String> {
        let newest = self.widened()?;
        Some(format!("widen {} range to {newest}", self.name))
    }

    /// The verb for this change of version: `downgrade` when the new version is the lower
    /// one (a revert of a bump), else `bump`.
    pub(crate) fn verb(&self) -> &'static str {
        let parts = |v: &str| -> Vec<u64> {
            v.trim_start_matches(['v', '=', '^', '~'])
                .split(['.', '-', '+'])
                .map_while(|p| p.parse().ok())
                .collect()
        };
        // Lower at the first place they differ; `0.2.9` → `0.2` loosens a requirement.
        let lower = |from: &[u64], to: &[u64]| {
            from.iter()
                .zip(to)
                .find(|(f, t)| f != t)
                .is_some_and(|(f, t)| t < f)
        };
        match (&self.from, &self.to) {
            (Some(from), Some(to)) if self.widened().is_some() && to != from => "widen",
            (Some(from), Some(to)) if lower(&parts(from), &parts(to)) => "downgrade",
            _ => "bump",
        }
    }
}

/// The name a dependency goes by in a subject: a Go module without its host, owner and
/// major-version suffix (`github.com/goreleaser/nfpm/v2` → `nfpm`), others as written.
pub(crate) fn short_name(name: &str) -> &str {
    let hosted = [
        "github.com/",
        "gitlab.com/",
        "golang.org/x/",
        "gopkg.in/",
        "go.opentelemetry.io/",
    ]
    .iter()
    .any(|h| name.starts_with(h));
    if !hosted {
        return name;
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    if parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.starts_with('v') && p[1..].chars().all(|c| c.is_ascii_digit()))
    {
        parts.pop();
    }
    let last = parts.last().copied().unwrap_or(name);
    // `github.com/x/y` is known as `y`; keep the owner when the repository name is generic.
    let at = name.find(last).unwrap_or(0);
    &name[at..at + last.len()]
}

/// Reads the packages and versions of a lockfile's changed lines (`Cargo.lock`,
/// `package-lock.json`, `yarn.lock`, `pnpm-lock.yaml`, `go.sum`, `poetry.lock`, `uv.lock`).
/// Context lines name the package a changed `version` line belongs to.
#[derive(Debug, Default)]
pub(crate) struct LockReader {
    /// The package the lines below belong to, by side: (old, new).
    current: (Option<String>, Option<String>),
    removed: BTreeMap<String, Vec<String>>,
    added: BTreeMap<String, Vec<String>>,
    order: Vec<String>,
    /// The package whose `dependencies = [` list the lines are in, on the new side: only
    /// when its `name` line was seen in the same hunk (a hunk that starts inside a list does
    /// not say whose it is).
    list_owner: Option<String>,
    /// A `name` line was seen in this hunk.
    named_here: bool,
    /// `(package, dependency)` pairs the new side's visible lines show.
    edges: Vec<(String, String)>,
}

/// Which side of the diff a line is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Context,
    Removed,
    Added,
}

/// A git repository pinned by commit in a data file, moved to another commit on a line
/// otherwise kept: helix's `source = { git = "https://github.com/Isopod/tree-sitter-pascal",
/// rev = "2fd40f4…" }` → `tree-sitter-pascal` from `2fd40f4` to `042119e`. `None` unless
/// every changed line is such a move.
pub(crate) fn git_pins(old: &[&[u8]], new: &[&[u8]]) -> Option<Vec<DepChange>> {
    if old.is_empty() || old.len() != new.len() || old.len() > 8 {
        return None;
    }
    // `rev = "…"`, `commit: …`, `"rev": "…"`: the key and the full commit after it.
    fn pin(line: &str) -> Option<(&str, &str)> {
        ["rev", "commit", "sha"].iter().find_map(|key| {
            line.match_indices(key).find_map(|(i, _)| {
                let before = line[..i].chars().next_back();
                let rest = line[i + key.len()..].trim_start_matches(['"', '\'', ' ']);
                let rest = rest.strip_prefix(['=', ':'])?;
                let value = rest.trim_start_matches([' ', '"', '\'']);
                let end = value
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .unwrap_or(value.len());
                let ok = before.is_none_or(|c| !c.is_alphanumeric() && c != '_') && end >= 7;
                ok.then(|| (&line[..i], &value[..end]))
            })
        })
    }
    let mut out = Vec::new();
    for (o, n) in old.iter().zip(new) {
        let (o, n) = (std::str::from_utf8(o).ok()?, std::str::from_utf8(n).ok()?);
        let ((o_head, from), (n_head, to)) = (pin(o)?, pin(n)?);
        // The repository a line names: the last part of its URL.
        let repo = |head: &'_ str| -> Option<String> {
            let url = head
                .split(['"', '\'', ' '])
                .find(|w| w.contains("://") || w.starts_with("git@"))?;
            let name = url
                .trim_end_matches('/')
                .trim_end_matches(".git")
                .rsplit(['/', ':'])
                .next()
                .filter(|n| is_name(n) && !n.is_empty())?;
            Some(name.to_owned())
        };
        let name = repo(n_head)?;
        // The same repository at a new home is still that one moved (helix's
        // tree-sitter-nix from nix-community to numtide, tree-sitter-spade from GitLab to
        // Codeberg).
        if from == to || o_head != n_head && repo(o_head).as_ref() != Some(&name) {
            return None;
        }
        out.push(DepChange {
            name: name.to_owned(),
            from: Some(from[..7].to_owned()),
            to: Some(to[..7].to_owned()),
        });
    }
    Some(out)
}

/// The short commit a lockfile's git source is pinned to: `"git+https://…?branch=main#60d99674…"`
/// (Cargo), `{ git = "https://…#60d99674…" }` (uv) → `60d9967`.
fn git_commit(source: &str) -> Option<&str> {
    if !source.contains("git+") && !source.contains("git = ") {
        return None;
    }
    let (_, after) = source.rsplit_once('#')?;
    let hex = after.trim_end_matches(['"', ' ', '}']);
    (hex.len() >= 7 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| &hex[..7])
}

fn quoted(s: &str) -> Option<&str> {
    let s = s.trim().trim_end_matches(',');
    s.strip_prefix('"')?.strip_suffix('"')
}

/// `name@version` with a scope allowed (`@vue/shared@3.4.1`), version up to `(` or `:`.
fn at_version(spec: &str) -> Option<(String, String)> {
    let spec = spec
        .trim()
        .trim_matches(['"', '\'', '/'])
        .trim_end_matches(':');
    let at = spec.rfind('@').filter(|&i| i > 0)?;
    let name = &spec[..at];
    let version = spec[at + 1..].split(['(', ':', '_']).next()?;
    (is_name(name) && looks_like_version(version)).then(|| (name.to_owned(), version.to_owned()))
}

impl LockReader {
    fn record(&mut self, side: Side, name: String, version: String) {
        if !self.order.contains(&name) {
            if self.order.len() >= 400 {
                return;
            }
            self.order.push(name.clone());
        }
        let map = match side {
            Side::Removed => &mut self.removed,
            Side::Added => &mut self.added,
            Side::Context => return,
        };
        let versions = map.entry(name).or_default();
        if !versions.contains(&version) {
            versions.push(version);
        }
    }

    fn set_current(&mut self, side: Side, name: String) {
        match side {
            Side::Context => self.current = (Some(name.clone()), Some(name)),
            Side::Removed => self.current.0 = Some(name),
            Side::Added => self.current.1 = Some(name),
        }
    }

    fn current(&self, side: Side) -> Option<String> {
        match side {
            Side::Removed => self.current.0.clone(),
            _ => self.current.1.clone(),
        }
    }

    /// Starts a hunk: the lines below may belong to any package.
    pub(crate) fn hunk(&mut self) {
        self.list_owner = None;
        self.named_here = false;
    }

    /// Reads one line of the lockfile called `name` (a file name).
    pub(crate) fn line(&mut self, file: &str, text: &str, side: Side) {
        if text.len() > 300 {
            return;
        }
        let t = text.trim();
        match file {
            "Cargo.lock" | "uv.lock" if side != Side::Removed && self.list_owner.is_some() => {
                // ` "darling",`, ` "syn 3.0.2",` (Cargo); `{ name = "anyio" },` (uv).
                let entry = t.strip_prefix("{ name = ").unwrap_or(t);
                let entry = entry.split(['}', ',']).next().unwrap_or(entry).trim();
                let dep = entry.trim_matches('"').split(' ').next().unwrap_or("");
                if t.starts_with(']') {
                    self.list_owner = None;
                } else if is_name(dep)
                    && let Some(package) = &self.list_owner
                    && self.edges.len() < 2000
                {
                    self.edges.push((package.clone(), dep.to_owned()));
                }
            }
            "Cargo.lock" | "poetry.lock" | "uv.lock" | "pdm.lock" => {
                if t == "dependencies = [" && side != Side::Removed && self.named_here {
                    self.list_owner = self.current(side);
                } else if t.starts_with('[') && side != Side::Removed {
                    self.list_owner = None;
                }
                if let Some(v) = t.strip_prefix("name = ").and_then(quoted) {
                    self.list_owner = None;
                    self.named_here = true;
                    self.set_current(side, v.to_owned());
                } else if let Some(v) = t.strip_prefix("version = ").and_then(quoted)
                    && side != Side::Context
                    && let Some(name) = self.current(side)
                {
                    self.record(side, name, v.to_owned());
                } else if let Some(commit) = t.strip_prefix("source = ").and_then(git_commit)
                    && side != Side::Context
                    && let Some(name) = self.current(side)
                {
                    // A dependency on a git branch moves by commit, its version unchanged.
                    self.record(side, name, commit.to_owned());
                }
            }
            "package-lock.json" | "npm-shrinkwrap.json" => {
                if let Some(key) = t.strip_suffix(": {").and_then(quoted) {
                    let name = key.rsplit("node_modules/").next().unwrap_or(key);
                    if key.contains("node_modules/") && is_name(name) {
                        self.set_current(side, name.to_owned());
                    } else {
                        // The root package or a nested object: not a dependency of note.
                        self.current = (None, None);
                    }
                } else if let Some(v) = t.strip_prefix("\"version\": ").and_then(quoted)
                    && side != Side::Context
                    && let Some(name) = self.current(side)
                {
                    self.record(side, name, v.to_owned());
                }
            }
            "yarn.lock" => {
                let header = !text.starts_with([' ', '\t']) && t.ends_with(':');
                if header {
                    let first = t.trim_end_matches(':').split(", ").next().unwrap_or(t);
                    let first = first.trim_matches('"');
                    // `typescript@^5.0.0` or `typescript@npm:^5.0.0`: the name is enough.
                    let at = first.rfind('@').filter(|&i| i > 0);
                    // A package linked from a folder (`link:../api`, `file:`, `../api`) has
                    // no registry version: its `0.0.0` → `1.0.0-beta.7` is not a bump.
                    let local = at.is_some_and(|i| {
                        let spec = &first[i + 1..];
                        ["link:", "file:", "portal:", "workspace:", ".", "/"]
                            .iter()
                            .any(|p| spec.starts_with(p))
                    });
                    match at.map(|i| &first[..i]) {
                        Some(_) if local => self.current = (None, None),
                        Some(name) if is_name(name) => self.set_current(side, name.to_owned()),
                        _ => self.current = (None, None),
                    }
                } else if let Some(v) = t
                    .strip_prefix("version ")
                    .or_else(|| t.strip_prefix("version: "))
                    && side != Side::Context
                    && let Some(name) = self.current(side)
                {
                    let v = v.trim().trim_matches('"');
                    if looks_like_version(v) {
                        self.record(side, name, v.to_owned());
                    }
                }
            }
            "pnpm-lock.yaml" if side != Side::Context && t.ends_with(':') && !t.contains(' ') => {
                let spec = t.trim_end_matches(':').trim_matches(['\'', '"']);
                let spec = spec.strip_prefix('/').unwrap_or(spec);
                // `/name/1.2.3:` in lockfiles before version 6.
                let pair = at_version(spec).or_else(|| {
                    let (name, version) = spec.rsplit_once('/')?;
                    (is_name(name) && looks_like_version(version))
                        .then(|| (name.to_owned(), version.to_owned()))
                });
                if let Some((name, version)) = pair {
                    self.record(side, name, version);
                }
            }
            "go.sum" | "go.work.sum" => {
                let mut parts = t.split_whitespace();
                if let (Some(name), Some(version), Some(_)) =
                    (parts.next(), parts.next(), parts.next())
                    && side != Side::Context
                {
                    let version = version.trim_end_matches("/go.mod");
                    if go_mod_line(&format!("{name} {version}")).is_some() {
                        self.record(side, name.to_owned(), version.to_owned());
                    }
                }
            }
            _ => {}
        }
    }

    /// Returns what was read, as changes, in order of appearance, and which package the
    /// new side shows depending on which.
    pub(crate) fn finish(self) -> (Vec<DepChange>, Vec<(String, String)>) {
        (pair(&self.order, &self.removed, &self.added), self.edges)
    }
}

/// Words around a version in a command that are not what it is the version of.
const COMMAND_WORDS: &[&str] = &[
    "cargo",
    "install",
    "npm",
    "npx",
    "pip",
    "pip3",
    "pipx",
    "go",
    "run",
    "uses",
    "with",
    "version",
    "yarn",
    "pnpm",
    "add",
    "i",
    "global",
    "gem",
    "brew",
    "apt-get",
    "apk",
    "curl",
    "wget",
    "uv",
    "tool",
    "rustup",
    "toolchain",
    "docker",
    "image",
    "from",
    "sudo",
    "python",
    "python3",
    "-m",
    "bun",
    "deno",
];

/// The tool a GitHub Actions `uses:` line sets up: `astral-sh/setup-uv@v6` → `uv`,
/// `pnpm/action-setup@v4` → `pnpm`, `taiki-e/install-action@v2` → `install-action`.
pub(crate) fn action_tool(line: &[u8]) -> Option<String> {
    let line = std::str::from_utf8(line).ok()?;
    let spec = line.trim_start_matches("- ").strip_prefix("uses:")?.trim();
    let (path, _) = spec.trim_matches(['"', '\'']).split_once('@')?;
    let (owner, repo) = path.split_once('/')?;
    let repo = repo.split('/').next().unwrap_or(repo);
    let tool = if repo == "action-setup" {
        owner
    } else {
        repo.strip_prefix("setup-")
            .or_else(|| repo.strip_suffix("-setup"))
            .unwrap_or(repo)
    };
    (is_name(tool) && !tool.is_empty()).then(|| tool.to_owned())
}

/// A version written in a line of CI or build configuration, moved in place with nothing
/// else on the line changed: `cargo install --version 0.3.8 cargo-wix` → `0.3.9`,
/// `npm i -g pnpm@8.1.0`, `pip install ruff==0.5.0`, `NODE_VERSION: 20.11`, `FROM
/// node:20-alpine`. Returns the tools and their versions, one per line pair; `None` when a
/// pair differs in anything else, or names no tool.
///
/// A bare `version:` key names no tool by itself: it is `action`'s, the tool of the step's
/// `uses:` line, when there is one ([`action_tool`]).
pub(crate) fn tool_versions(
    old: &[&[u8]],
    new: &[&[u8]],
    action: Option<&str>,
) -> Option<Vec<DepChange>> {
    if old.is_empty() || old.len() != new.len() || old.len() > 12 {
        return None;
    }
    let mut out: Vec<DepChange> = Vec::new();
    for (o, n) in old.iter().zip(new) {
        let (o, n) = (std::str::from_utf8(o).ok()?, std::str::from_utf8(n).ok()?);
        // A version in a comment moves no tool (nushell's `# 1. git checkout 0.86.0` in the
        // steps a script's header describes); a Dockerfile's `# syntax=` line is no comment.
        let comment = |t: &str| {
            let t = t.trim_start();
            (t.starts_with('#') && !t.starts_with("# syntax=")) || t.starts_with("//")
        };
        if comment(o) || comment(n) {
            return None;
        }
        let (to, tn): (Vec<&str>, Vec<&str>) = (
            o.split_whitespace().collect(),
            n.split_whitespace().collect(),
        );
        if to.len() != tn.len() {
            return None;
        }
        let differ: Vec<usize> = (0..to.len()).filter(|&i| to[i] != tn[i]).collect();
        let [at] = differ.as_slice() else {
            return None;
        };
        let split = |t: &str| -> Option<(Option<String>, String)> {
            let t = t.trim_matches(['"', '\'', ',']);
            for sep in ["==", "@", ":", "="] {
                if let Some((name, version)) = t.rsplit_once(sep)
                    && looks_like_version(version)
                    && is_name(name)
                    && !name.is_empty()
                {
                    return Some((Some(name.to_owned()), version.to_owned()));
                }
            }
            looks_like_version(t).then(|| (None, t.to_owned()))
        };
        let ((old_name, from), (new_name, to_version)) = (split(to[*at])?, split(tn[*at])?);
        if old_name != new_name
            || from.trim_start_matches('v') == to_version.trim_start_matches('v')
        {
            return None;
        }
        let name = match new_name {
            Some(name) => name,
            None => {
                // `NODE_VERSION: 20.11` → `node`; else the nearest word that names a tool.
                let key = tn[..*at].last().filter(|k| {
                    (k.ends_with(':') || k.ends_with('=')) && k.to_lowercase().contains("version")
                });
                let from_key = key.map(|k| {
                    k.trim_end_matches([':', '='])
                        .trim_end_matches("_VERSION")
                        .trim_end_matches("-version")
                        .to_lowercase()
                        .replace('_', "-")
                });
                let near = || {
                    let tool = |t: &str| {
                        !t.starts_with('-')
                            && is_name(t)
                            && !COMMAND_WORDS.contains(&t)
                            && !looks_like_version(t)
                    };
                    tn[at + 1..]
                        .iter()
                        .copied()
                        .find(|t| tool(t))
                        .or_else(|| tn[..*at].iter().rev().copied().find(|t| tool(t)))
                        .map(str::to_owned)
                };
                // A bare number beside a word is a count or a size more often than a version.
                let dotted = to_version.contains('.') || to_version.starts_with('v');
                match from_key {
                    Some(k) if k == "version" => action.map(str::to_owned)?,
                    Some(k) if is_name(&k) && !k.is_empty() => k,
                    _ => near().filter(|_| dotted)?,
                }
            }
        };
        let change = DepChange {
            name,
            from: Some(from),
            to: Some(to_version),
        };
        if !out.contains(&change) {
            out.push(change);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Flags changed on a CI command line, nothing else on it: `run: cargo hack check
/// --each-feature` → `run: cargo hack check --feature-powerset --depth 2`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RunFlags {
    /// The command the flags are given to, its leading words: `cargo hack check`.
    pub command: String,
    /// The flags (with their values) put on, and those taken off.
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// Packages an install command gained or lost on a line changed in place: `sudo apt-get
/// install -y webkit2gtk-4.0 libfuse2` for `… webkit2gtk-4.0`, `cargo install trunk` for
/// `cargo install cargo-web`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Installs {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// The install commands read (the words that open one, a package manager's own).
const INSTALLERS: &[&str] = &[
    "apt-get install",
    "apt install",
    "brew install",
    "apk add",
    "yum install",
    "dnf install",
    "choco install",
    "pip install",
    "pip3 install",
    "npm install -g",
    "npm i -g",
    "pnpm add -g",
    "yarn global add",
    "cargo install",
    "cargo binstall",
    "gem install",
    "go install",
    "rustup component add",
    "rustup target add",
];

/// Reads the lines a hunk changed in place, paired in order, as packages installed: each
/// pair the same install command whose packages (its words that are no flags, no
/// variables, no shell) differ, or, in a hunk that only adds or only removes lines, every
/// line an install command (all its packages came or went); `None` for a hunk that changes
/// anything else.
pub(crate) fn installs(old: &[&[u8]], new: &[&[u8]]) -> Option<Installs> {
    let one_sided = old.is_empty() != new.is_empty();
    if !one_sided && (old.is_empty() || old.len() != new.len()) || old.len().max(new.len()) > 4 {
        return None;
    }
    let packages = |line: &[u8]| -> Option<(&'static str, Vec<String>)> {
        let line = std::str::from_utf8(line).ok()?.trim();
        let line = line
            .trim_start_matches("- ")
            .trim_start_matches("run:")
            .trim();
        let line = line.trim_end_matches('\\').trim_end_matches("&&").trim();
        let (installer, at) = INSTALLERS
            .iter()
            .find_map(|i| line.find(&format!("{i} ")).map(|at| (*i, at + i.len())))?;
        let words: Vec<String> = line[at..]
            .split_whitespace()
            .take_while(|w| !matches!(*w, "&&" | "||" | ";" | "|" | "\\"))
            .filter(|w| !w.starts_with('-'))
            .map(str::to_owned)
            .collect();
        words
            .iter()
            .all(|w| !w.contains(['$', '"', '\'', '`', '(', ')', '<', '>']) && w.len() <= 60)
            .then_some((installer, words))
    };
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    // A whole install line put in or taken out (a Dockerfile's `pip install --no-cache-dir
    // -U torchaudio && \` gone): all its packages came or went.
    if one_sided {
        let into = if new.is_empty() {
            &mut removed
        } else {
            &mut added
        };
        for line in old.iter().chain(new) {
            for p in packages(line)?.1 {
                if !into.contains(&p) {
                    into.push(p);
                }
            }
        }
        return (!into.is_empty()).then_some(Installs { added, removed });
    }
    for (o, n) in old.iter().zip(new) {
        let ((io, po), (in_, pn)) = (packages(o)?, packages(n)?);
        if io != in_ {
            return None;
        }
        for p in pn.iter().filter(|p| !po.contains(p)) {
            if !added.contains(p) {
                added.push(p.clone());
            }
        }
        for p in po.iter().filter(|p| !pn.contains(p)) {
            if !removed.contains(p) {
                removed.push(p.clone());
            }
        }
    }
    (!added.is_empty() || !removed.is_empty()).then_some(Installs { added, removed })
}

/// The command a line runs: a CI step's or a hook's `run:`, `entry:`, `command:` or
/// `script:`, a Dockerfile's `RUN`, a quoted string of words given to a key (JSON's
/// `"command": "uv run …"`, a `package.json` script, TOML's `run = "cargo …"`), or with
/// `bare`, the line itself (a Makefile's recipe, a shell script).
fn command_text(line: &[u8], bare: bool) -> Option<String> {
    let line = std::str::from_utf8(line).ok()?.trim();
    let item = line.trim_start_matches("- ");
    for key in ["run:", "entry:", "command:", "script:"] {
        if let Some(rest) = item.strip_prefix(key) {
            let rest = rest.trim();
            let rest = (rest.strip_prefix('"').and_then(|r| r.strip_suffix('"'))).unwrap_or(rest);
            return (!rest.is_empty() && !rest.starts_with(['|', '>'])).then(|| rest.to_owned());
        }
    }
    if let Some(rest) = line.strip_prefix("RUN ") {
        return Some(rest.trim().to_owned());
    }
    if let Some(sep) = line.find([':', '=']) {
        let value = line[sep + 1..].trim().trim_end_matches(',').trim_end();
        if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'))
            && inner.contains(' ')
            && !inner.contains('"')
        {
            return Some(inner.to_owned());
        }
    }
    (bare && !line.is_empty() && !line.starts_with('#')).then(|| line.to_owned())
}

/// Reads the command lines a hunk changed in place ([`command_text`]), paired in order,
/// into the flags each gained or lost; `None` unless each pair keeps its command and
/// differs only in a few flags and their values.
pub(crate) fn run_flags(old: &[&[u8]], new: &[&[u8]], bare: bool) -> Option<Vec<RunFlags>> {
    let old: Vec<String> = old.iter().filter_map(|l| command_text(l, bare)).collect();
    let new: Vec<String> = new.iter().filter_map(|l| command_text(l, bare)).collect();
    if old.is_empty() || old.len() != new.len() || old.len() > 4 {
        return None;
    }
    let mut out = Vec::new();
    for (o, n) in old.iter().zip(&new) {
        let (to, tn): (Vec<&str>, Vec<&str>) = (
            o.split_whitespace().collect(),
            n.split_whitespace().collect(),
        );
        let minus = |a: &[&str], b: &[&str]| -> Vec<String> {
            let mut left: Vec<&str> = b.to_vec();
            let mut out = Vec::new();
            for t in a {
                match left.iter().position(|x| x == t) {
                    Some(i) => {
                        left.remove(i);
                    }
                    None => out.push((*t).to_owned()),
                }
            }
            out
        };
        let (added, removed) = (minus(&tn, &to), minus(&to, &tn));
        // Flags first, then at most their values; code, quotes and expressions are no flags.
        let flags = |side: &[String]| {
            side.len() <= 4
                && side.first().is_none_or(|t| t.starts_with('-'))
                && side.iter().all(|t| {
                    !t.contains(['$', '"', '\'', '`', '|', ';', '&']) && t.chars().count() <= 40
                })
        };
        if (added.is_empty() && removed.is_empty()) || !flags(&added) || !flags(&removed) {
            return None;
        }
        // The command: the old line's leading words, so long as the new line keeps them,
        // and not past the first flag put in (`uv run --frozen agents/hook.py` is `uv
        // run`). A toolchain named for one run (`cargo +1.97.0 hawk`) is no part of it.
        let inserted = (tn.iter())
            .filter(|t| !t.starts_with('+'))
            .position(|t| added.iter().any(|a| a == t))
            .unwrap_or(usize::MAX);
        let command: Vec<&str> = (to.iter())
            .filter(|t| !t.starts_with('+'))
            .take_while(|t| {
                !t.starts_with('-') && !t.contains(['=', '$', '"', '\'']) && tn.contains(t)
            })
            .take(inserted.clamp(2, 3))
            .copied()
            .collect();
        if command.is_empty() {
            return None;
        }
        let change = RunFlags {
            command: command.join(" "),
            added,
            removed,
        };
        if !out.contains(&change) {
            out.push(change);
        }
    }
    Some(out)
}

/// The packages a lockfile bump is about: those no other moved package depends on (as far as
/// the diff shows), and not a member of another's family (`time-macros` beside `time`,
/// `clap_derive` beside `clap`). `clap`, `clap_builder` and `clap_derive` moving together
/// are one bump of `clap`. All of them when that leaves none.
pub(crate) fn roots(locked: &[DepChange], edges: &[(String, String)]) -> Vec<DepChange> {
    let moved = |name: &str| locked.iter().any(|d| d.name == name);
    let depended = |name: &str| {
        edges
            .iter()
            .any(|(from, to)| to == name && from != name && moved(from))
    };
    let family = |name: &str| {
        locked.iter().any(|d| {
            d.name != name
                && name
                    .strip_prefix(d.name.as_str())
                    .is_some_and(|rest| rest.starts_with(['-', '_']))
        })
    };
    let out: Vec<DepChange> = locked
        .iter()
        .filter(|d| !depended(&d.name) && !family(&d.name))
        .cloned()
        .collect();
    if out.is_empty() { locked.to_vec() } else { out }
}

/// Reads the actions a CI workflow pins (`uses: actions/checkout@v4`, or a commit SHA with
/// the version in a comment: `uses: owner/action@1a2b3c… # v2.9.2`).
#[derive(Debug, Default)]
pub(crate) struct PinReader {
    removed: BTreeMap<String, Vec<String>>,
    added: BTreeMap<String, Vec<String>>,
    /// The commits pinned, by side, short: a pin that moves to another commit under the
    /// same version comment (`# v2`) is still a bump.
    removed_shas: BTreeMap<String, Vec<String>>,
    added_shas: BTreeMap<String, Vec<String>>,
    order: Vec<String>,
    /// Changed lines that are not pins (blank lines and comments aside).
    pub other_lines: u32,
}

impl PinReader {
    /// Reads one changed line of a CI file.
    pub(crate) fn line(&mut self, text: &str, added: bool) {
        let t = text.trim().trim_start_matches("- ").trim();
        let Some(rest) = t.strip_prefix("uses:") else {
            if !t.is_empty() && !t.starts_with('#') {
                self.other_lines += 1;
            }
            return;
        };
        let (spec, comment) = match rest.split_once('#') {
            Some((spec, comment)) => (spec, Some(comment.trim())),
            None => (rest, None),
        };
        let spec = spec.trim().trim_matches(['"', '\'']);
        let Some((action, reference)) = spec.split_once('@') else {
            self.other_lines += 1;
            return;
        };
        // `github/codeql-action/init` is released as `github/codeql-action`.
        let name: String = action.split('/').take(2).collect::<Vec<_>>().join("/");
        let sha = reference.len() >= 40 && reference.chars().all(|c| c.is_ascii_hexdigit());
        let version = match comment {
            // `# v2.9.2`, `# tag=v4`; a comment that names no version (`# master`) leaves
            // the commit as the version.
            Some(c) if sha => c
                .split_whitespace()
                .find(|w| looks_like_version(w.trim_start_matches("tag=")))
                .map(|w| w.trim_start_matches("tag=").to_owned())
                .or_else(|| Some(reference[..7].to_owned())),
            _ if sha => Some(reference[..7].to_owned()),
            _ => Some(reference.to_owned()),
        };
        let Some(version) = version.filter(|_| is_name(&name) && name.contains('/')) else {
            self.other_lines += 1;
            return;
        };
        if !self.order.contains(&name) {
            self.order.push(name.clone());
        }
        if sha {
            let shas = if added {
                &mut self.added_shas
            } else {
                &mut self.removed_shas
            };
            let short = reference[..7].to_owned();
            let list = shas.entry(name.clone()).or_default();
            if !list.contains(&short) {
                list.push(short);
            }
        }
        let map = if added {
            &mut self.added
        } else {
            &mut self.removed
        };
        let versions = map.entry(name).or_default();
        if !versions.contains(&version) {
            versions.push(version);
        }
    }

    /// The actions used on added lines and not on removed ones, and the reverse, whatever
    /// their pins, the first sixteen of each: what a workflow gained and lost (`add
    /// Swatinem/rust-cache`, `replace actions-rs/install with …`).
    pub(crate) fn came_and_went(&self) -> (Vec<String>, Vec<String>) {
        let only = |on: &BTreeMap<String, Vec<String>>, off: &BTreeMap<String, Vec<String>>| {
            (self.order.iter())
                .filter(|name| on.contains_key(*name) && !off.contains_key(*name))
                .take(16)
                .cloned()
                .collect()
        };
        (
            only(&self.added, &self.removed),
            only(&self.removed, &self.added),
        )
    }

    /// Returns the actions whose pin changed (bumps only: a step added or removed is a
    /// change to the workflow, not to a dependency).
    pub(crate) fn finish(&self) -> Vec<DepChange> {
        let by_version = pair(&self.order, &self.removed, &self.added);
        let by_commit = pair(&self.order, &self.removed_shas, &self.added_shas);
        self.order
            .iter()
            .filter_map(|name| {
                let found = |list: &[DepChange]| list.iter().find(|d| &d.name == name).cloned();
                found(&by_version).or_else(|| found(&by_commit))
            })
            .filter(|d| d.from.is_some() && d.to.is_some())
            .collect()
    }
}

/// The past subjects that vote on how a bump is headed and worded, with their weight: the
/// commits that touched the same files and the most similar ones (1 each), the bots' newest
/// (½ each: Dependabot's prefix is a setting the maintainers chose, and its dozens of bumps
/// should outweigh one person's old habit, not a few recent ones).
fn voters(advice: &crate::history::Advice) -> impl Iterator<Item = (&String, f32)> {
    let people = (advice.same_paths.iter())
        .chain(&advice.similar)
        .map(|l| (l, 1.0));
    people.chain(advice.bots.iter().map(|l| (l, 0.5)))
}

/// Returns the type and scope this repository writes for dependency bumps
/// (`build(deps): bump …`): a vote among the Conventional Commits subjects that bump,
/// update or upgrade something, in the past commits that touched the same files or are
/// most similar (one vote each), and in the bots' newest commits (half a vote each:
/// Dependabot's prefix is a setting the maintainers chose, and its dozens of bumps should
/// outweigh one person's old habit, not a few recent ones). Ties go to the first seen.
pub(super) fn house_prefix(
    advice: &crate::history::Advice,
) -> Option<(&'static str, Option<String>)> {
    let mut votes: Vec<((&'static str, Option<String>), f32)> = Vec::new();
    for (line, weight) in voters(advice) {
        let subject = crate::history::parse_subject(line);
        let Some(kind) = subject.kind else { continue };
        let Some((_, summary)) = line.split_once(": ") else {
            continue;
        };
        if !bumps(summary) || subject.form != crate::history::Form::Conventional {
            continue;
        }
        let key = (kind, subject.prefix.clone());
        match votes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, total)) => *total += weight,
            None => votes.push((key, weight)),
        }
    }
    let mut best: Option<((&'static str, Option<String>), f32)> = None;
    for (key, total) in votes {
        if best.as_ref().is_none_or(|(_, b)| total > *b) {
            best = Some((key, total));
        }
    }
    best.map(|(key, _)| key)
}

/// Tells whether a subject's summary opens with a bump's verb (`bump …`, `update …`,
/// `upgrades …`).
fn bumps(summary: &str) -> bool {
    let verb = summary
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    [
        "bump", "bumps", "bumped", "update", "updates", "upgrade", "upgrades",
    ]
    .contains(&verb.as_str())
}

/// Returns the area an `area:` house heads its dependency bumps with (`deps:` in tokio and
/// ripgrep, `cargo:` in jj): a vote among the `area: …` subjects that bump, update or
/// upgrade something, in the past commits that touched the same files or are most similar
/// (one vote each) and the bots' newest (half a vote each); `None` with less than two
/// votes or no majority. The paths' neighbours may write another form (tokio's `chore:`
/// releases beside its manifests); its bumps keep their own. An area named for a file
/// (`flake.lock:`) is that file's, never a bump's.
pub(super) fn house_area(advice: &crate::history::Advice) -> Option<String> {
    let mut votes: Vec<(String, f32)> = Vec::new();
    let mut total = 0.0;
    for (line, weight) in voters(advice) {
        let subject = crate::history::parse_subject(line);
        // A file's name is its own area (wezterm's `flake.lock: Update`), no bump's.
        let Some(area) = (subject.prefix)
            .filter(|a| subject.form == crate::history::Form::Area && !a.contains('.'))
        else {
            continue;
        };
        let Some((_, summary)) = line.split_once(": ") else {
            continue;
        };
        if !bumps(summary) {
            continue;
        }
        total += weight;
        match votes.iter_mut().find(|(a, _)| *a == area) {
            Some((_, w)) => *w += weight,
            None => votes.push((area, weight)),
        }
    }
    // The first seen of equals.
    let (area, best) = (votes.into_iter().rev()).max_by(|a, b| a.1.total_cmp(&b.1))?;
    (total >= 2.0 && best * 2.0 > total).then_some(area)
}

/// How a house words a dependency bump, learned from its own bump subjects (people's near
/// the paths, and its bots'): Dependabot's `Bump postcss from 8.5.21 to 8.5.22`, Renovate's
/// `Update dependency postcss to v8.5.22`, people's `Update meriyah to v7.2` or axum's
/// `Update to askama 0.15`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BumpPhrase {
    /// `bump`, `update` or `upgrade`.
    pub verb: &'static str,
    /// The word before the name: Renovate's `dependency`, or `Rust crate` (as the house
    /// cases it) for a crate.
    pub noun: Option<&'static str>,
    /// `from <old version>`.
    pub from: bool,
    /// `v` before the new version.
    pub v: bool,
    /// Actions worded as Renovate words them: `Update astral-sh/setup-uv action to v9`.
    pub action: bool,
    /// `to` before the name, the version after it: axum's `Update to askama 0.15`.
    pub to_first: bool,
}

/// A version as Dependabot writes it in a title: without the `v` of a tag (`actions/checkout
/// from 3 to 4`, `github.com/docker/docker from 26.1.3 to 26.1.4`); a capital `V` stays, as
/// it does there.
pub(crate) fn bare_version(version: &str) -> &str {
    match version.strip_prefix('v') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => version,
    }
}

impl BumpPhrase {
    /// `update dependency postcss to v8.5.22`. `from_crate` tells a bump read from a Cargo
    /// manifest or lockfile: a crate; a tool's version moved in CI is no crate, and Renovate
    /// calls it a `dependency` (starship's `update dependency cargo-wix to v0.3.9`).
    pub(crate) fn render(&self, dep: &DepChange, from_crate: bool) -> Option<String> {
        let to = dep.to.as_deref()?.trim_start_matches('v');
        if self.to_first {
            let v = if self.v && to.starts_with(|c: char| c.is_ascii_digit()) {
                "v"
            } else {
                ""
            };
            return Some(format!("{} to {} {v}{to}", self.verb, dep.name));
        }
        let mut text = format!("{} ", self.verb);
        // Renovate writes a crate's version bare and others' with a `v` (`to v0.3.9`).
        let (noun, v) = match self.noun {
            Some("rust crate" | "Rust crate" | "crate") if !from_crate => {
                (Some("dependency"), true)
            }
            noun => (noun, self.v),
        };
        if let Some(noun) = noun {
            text.push_str(noun);
            text.push(' ');
        }
        text.push_str(&dep.name);
        // Both versions written alike: `from 3 to 4`, or `from v3 to v4` where the house's
        // bumps keep the `v`.
        let with_v = |version: &str| -> String {
            let bare = bare_version(version);
            if v && bare.starts_with(|c: char| c.is_ascii_digit()) {
                format!("v{bare}")
            } else {
                bare.to_owned()
            }
        };
        if self.from {
            text.push_str(&format!(" from {}", with_v(dep.from.as_deref()?)));
        }
        text.push_str(&format!(" to {}", with_v(to)));
        Some(text)
    }

    /// `update astral-sh/setup-uv action to v9.0.0`, for an action pin moved, when the house
    /// words its actions so; `None` otherwise.
    pub(crate) fn render_pin(&self, pin: &DepChange) -> Option<String> {
        let to = pin.to.as_deref()?;
        (self.action
            && to
                .trim_start_matches('v')
                .starts_with(|c: char| c.is_ascii_digit()))
        .then(|| format!("{} {} action to {to}", self.verb, pin.name))
    }

    /// Reads one subject's bump phrasing: `None` when it is not a bump of one package to a
    /// version.
    fn read(line: &str) -> Option<BumpPhrase> {
        let subject = crate::history::parse_subject(line);
        // The words after the header's type, scope or area.
        let words = match subject.form {
            crate::history::Form::Plain => line,
            _ => line.split_once(": ").map_or(line, |(_, rest)| rest),
        };
        let lower = words.to_lowercase();
        let mut parts = lower.split_whitespace();
        let verb = match parts.next()? {
            "bump" | "bumps" | "bumped" => "bump",
            "update" | "updates" | "updated" => "update",
            "upgrade" | "upgrades" | "upgraded" => "upgrade",
            _ => return None,
        };
        let mut next = parts.next()?;
        // `Update to askama 0.15`: the version right after the name.
        if next == "to" {
            let name = parts.next()?;
            let version = parts.next()?;
            return (is_name(name)
                && version
                    .trim_start_matches('v')
                    .starts_with(|c: char| c.is_ascii_digit()))
            .then_some(BumpPhrase {
                verb,
                noun: None,
                from: false,
                v: version.starts_with('v'),
                action: false,
                to_first: true,
            });
        }
        // Renovate says `dependency`, and `rust crate` for crates (starship's `update rust
        // crate jiff to 0.2.34`).
        let noun = match next {
            "dependency" => Some("dependency"),
            "crate" => Some("crate"),
            "rust" => {
                if parts.next()? != "crate" {
                    return None;
                }
                // Renovate's own `Rust crate`; lowered in a Conventional Commits house.
                if words.split_whitespace().nth(1) == Some("Rust") {
                    Some("Rust crate")
                } else {
                    Some("rust crate")
                }
            }
            _ => None,
        };
        if noun.is_some() {
            next = parts.next()?;
        }
        if !is_name(next) {
            return None;
        }
        let mut next = parts.next()?;
        let action = next == "action";
        if action {
            next = parts.next()?;
        }
        let from = next == "from";
        if from {
            parts.next()?;
            next = parts.next()?;
        }
        if next != "to" {
            return None;
        }
        let version = parts.next()?;
        let v = version.starts_with('v');
        version
            .trim_start_matches('v')
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some(BumpPhrase {
                verb,
                noun,
                from,
                v,
                action,
                to_first: false,
            })
    }
}

/// The house's bump phrasing: a vote among the bump subjects near the paths (1 each) and
/// the bots' (½ each), by feature; `None` with less than one person's or two bots' worth of
/// evidence, or when the house writes Dependabot's phrasing (the default).
pub(super) fn house_phrase(advice: &crate::history::Advice) -> Option<BumpPhrase> {
    let (mut total, mut from, mut v, mut action, mut to_first) = (0f32, 0f32, 0f32, 0f32, 0f32);
    let mut verbs: Vec<(&'static str, f32)> = Vec::new();
    let mut nouns: Vec<(&'static str, f32)> = Vec::new();
    for (line, weight) in voters(advice) {
        let Some(phrase) = BumpPhrase::read(line) else {
            continue;
        };
        total += weight;
        if let Some(noun) = phrase.noun {
            match nouns.iter_mut().find(|(n, _)| *n == noun) {
                Some((_, w)) => *w += weight,
                None => nouns.push((noun, weight)),
            }
        }
        from += weight * f32::from(u8::from(phrase.from));
        action += weight * f32::from(u8::from(phrase.action));
        to_first += weight * f32::from(u8::from(phrase.to_first));
        v += weight * f32::from(u8::from(phrase.v));
        match verbs.iter_mut().find(|(verb, _)| *verb == phrase.verb) {
            Some((_, w)) => *w += weight,
            None => verbs.push((phrase.verb, weight)),
        }
    }
    if total < 1.0 {
        return None;
    }
    let verb = verbs
        .iter()
        .fold(None::<(&'static str, f32)>, |best, &(verb, w)| match best {
            Some((_, b)) if b >= w => best,
            _ => Some((verb, w)),
        })?
        .0;
    let phrase = BumpPhrase {
        verb,
        noun: nouns
            .iter()
            .find(|(_, w)| *w * 2.0 > total)
            .map(|(noun, _)| *noun),
        from: from * 2.0 >= total,
        v: v * 2.0 > total,
        // Two bots' or one person's worth of actions so worded.
        action: action >= 1.0,
        to_first: to_first * 2.0 > total,
    };
    let dependabot = BumpPhrase {
        verb: "bump",
        noun: None,
        from: true,
        v: false,
        action: false,
        to_first: false,
    };
    (phrase != dependabot).then_some(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, removed: &[&str], added: &[&str]) -> ManifestChanges {
        let mut reader = ManifestReader::default();
        for line in removed {
            reader.line(name, line, false);
        }
        for line in added {
            reader.line(name, line, true);
        }
        let mut out = ManifestChanges::default();
        reader.finish(name, &mut out);
        out
    }

    fn bump(name: &str, from: &str, to: &str) -> DepChange {
        DepChange {
            name: name.into(),
            from: Some(from.into()),
            to: Some(to.into()),
        }
    }

    #[test]
    fn reads_each_manifest_kind() {
        let got = read("Cargo.toml", &["serde = \"1.0.1\""], &["serde = \"1.0.2\""]);
        assert_eq!(got.deps, vec![bump("serde", "1.0.1", "1.0.2")]);
        let got = read(
            "Cargo.toml",
            &["tokio = { version = \"1.20\", features = [\"full\"] }"],
            &["tokio = { version = \"1.21\", features = [\"full\"] }"],
        );
        assert_eq!(got.deps, vec![bump("tokio", "1.20", "1.21")]);
        // An exact requirement in a table (clap's `bumps term_size version`).
        let got = read(
            "Cargo.toml",
            &["term_size = { version = \"=0.2.0\",  optional = true }"],
            &["term_size = { version = \"=0.2.1\",  optional = true }"],
        );
        assert_eq!(got.deps, vec![bump("term_size", "0.2.0", "0.2.1")]);
        let got = read(
            "package.json",
            &["    \"vite\": \"^5.0.0\","],
            &["    \"vite\": \"^5.1.0\","],
        );
        assert_eq!(got.deps, vec![bump("vite", "5.0.0", "5.1.0")]);
        let got = read(
            "pyproject.toml",
            &["  \"httpx>=0.24\","],
            &["  \"httpx>=0.27\","],
        );
        assert_eq!(got.deps, vec![bump("httpx", "0.24", "0.27")]);
        let got = read(
            "requirements-dev.txt",
            &["pytest==7.4.0"],
            &["pytest==8.0.1"],
        );
        assert_eq!(got.deps, vec![bump("pytest", "7.4.0", "8.0.1")]);
        let got = read(
            "go.mod",
            &["\tgithub.com/spf13/cobra v1.7.0"],
            &["\tgithub.com/spf13/cobra v1.8.0"],
        );
        assert_eq!(
            got.deps,
            vec![bump("github.com/spf13/cobra", "v1.7.0", "v1.8.0")]
        );
    }

    #[test]
    fn own_version_is_a_release_not_a_dependency() {
        let got = read(
            "Cargo.toml",
            &["version = \"0.3.0\""],
            &["version = \"0.4.0\""],
        );
        assert!(got.deps.is_empty());
        assert_eq!(got.release.as_deref(), Some("0.4.0"));
    }

    #[test]
    fn the_shallowest_manifest_names_the_release() {
        let mut out = ManifestChanges::default();
        for (path, from, to) in [
            ("crates/uv-build/Cargo.toml", "0.0.71", "0.0.72"),
            ("Cargo.toml", "0.12.4", "0.12.5"),
            ("crates/uv/Cargo.toml", "0.12.4", "0.12.5"),
        ] {
            let mut reader = ManifestReader::default();
            reader.line("Cargo.toml", &format!("version = \"{from}\""), false);
            reader.line("Cargo.toml", &format!("version = \"{to}\""), true);
            reader.finish(path, &mut out);
        }
        assert_eq!(out.release.as_deref(), Some("0.12.5"));
    }

    /// axum 0.8.0 released with axum-core and axum-macros at 0.5.0: the family's root
    /// package names the release, and the release names it, as the versions differ.
    #[test]
    fn members_released_at_their_own_versions_name_the_package() {
        let release = |manifests: &[(&str, &str, &str)]| {
            let mut out = ManifestChanges::default();
            for (path, from, to) in manifests {
                let mut reader = ManifestReader::default();
                reader.line("Cargo.toml", &format!("version = \"{from}\""), false);
                reader.line("Cargo.toml", &format!("version = \"{to}\""), true);
                reader.finish(path, &mut out);
            }
            (out.release, out.release_package)
        };
        let family = [
            ("axum-core/Cargo.toml", "0.5.0-rc.1", "0.5.0"),
            ("axum-macros/Cargo.toml", "0.5.0-rc.1", "0.5.0"),
            ("axum/Cargo.toml", "0.8.0-rc.1", "0.8.0"),
        ];
        assert_eq!(
            release(&family),
            (Some("0.8.0".to_owned()), Some("axum".to_owned()))
        );
        // One version for all: the version alone.
        let together = [
            ("axum-core/Cargo.toml", "0.5.0", "0.5.1"),
            ("axum/Cargo.toml", "0.5.0", "0.5.1"),
        ];
        assert_eq!(release(&together), (Some("0.5.1".to_owned()), None));
    }

    /// A bare `version` key below dependency lines (a `[dependencies.schemars]` table whose
    /// header is above the hunk) is that dependency's, not a release; under `[package]` it
    /// is the package's.
    #[test]
    fn a_version_key_among_dependencies_is_no_release() {
        let read = |context: &[&str]| {
            let mut out = ManifestChanges::default();
            let mut reader = ManifestReader::default();
            for (i, line) in context.iter().enumerate() {
                reader.context("Cargo.toml", line, i == 0);
            }
            reader.line("Cargo.toml", "version = \"1.2.1\"", false);
            reader.line("Cargo.toml", "version = \"1.2.2\"", true);
            reader.finish("Cargo.toml", &mut out);
            out.release
        };
        let starship = [
            "whoami = { version = \"2.1.2\", default-features = false }",
            "",
        ];
        assert_eq!(read(&starship), None);
        assert_eq!(read(&["[dependencies.schemars]"]), None);
        let package = ["[package]", "name = \"starship\"", "edition = \"2021\""];
        assert_eq!(read(&package).as_deref(), Some("1.2.2"));
        assert_eq!(read(&["", "[package]"]).as_deref(), Some("1.2.2"));
    }

    fn lock(file: &str, lines: &[(Side, &str)]) -> Vec<DepChange> {
        lock_with_edges(file, lines).0
    }

    fn lock_with_edges(
        file: &str,
        lines: &[(Side, &str)],
    ) -> (Vec<DepChange>, Vec<(String, String)>) {
        let mut reader = LockReader::default();
        reader.hunk();
        for (side, text) in lines {
            if text.starts_with("@@") {
                reader.hunk();
            } else {
                reader.line(file, text, *side);
            }
        }
        reader.finish()
    }

    #[test]
    fn a_lockfile_bump_is_about_the_package_the_others_moved_for() {
        use Side::*;
        let package = |name: &'static str, from: &'static str, to: &'static str| {
            vec![
                (Context, "[[package]]"),
                (Context, name),
                (Removed, from),
                (Added, to),
            ]
        };
        let mut lines = package(
            "name = \"darling\"",
            "version = \"0.23.0\"",
            "version = \"0.24.0\"",
        );
        lines.extend([
            (Context, "dependencies = ["),
            (Context, " \"darling_core\","),
            (Context, "]"),
        ]);
        lines.push((Context, "@@"));
        lines.extend(package(
            "name = \"darling_core\"",
            "version = \"0.23.0\"",
            "version = \"0.24.0\"",
        ));
        lines.push((Context, "@@"));
        lines.extend(package(
            "name = \"instability\"",
            "version = \"0.3.12\"",
            "version = \"0.3.13\"",
        ));
        lines.extend([
            (Context, "dependencies = ["),
            (Context, " \"darling\","),
            (Added, " \"syn 3.0.2\","),
        ]);
        // A hunk that starts inside another package's list says nothing about whose it is.
        lines.extend([
            (Context, "@@"),
            (Removed, " \"instability 0.3.12\","),
            (Added, " \"instability 0.3.13\","),
        ]);
        let (locked, edges) = lock_with_edges("Cargo.lock", &lines);
        assert_eq!(locked.len(), 3);
        assert!(edges.contains(&("instability".to_owned(), "darling".to_owned())));
        assert!(
            !edges.iter().any(|(_, to)| to == "instability"),
            "{edges:?}"
        );
        assert_eq!(
            roots(&locked, &edges),
            vec![bump("instability", "0.3.12", "0.3.13")]
        );

        // No lists in sight: a package's family (`clap_derive`, `time-macros`) goes with it.
        let family = [
            bump("clap", "4.6.3", "4.6.6"),
            bump("clap_derive", "4.6.3", "4.6.6"),
        ];
        assert_eq!(roots(&family, &[]), vec![bump("clap", "4.6.3", "4.6.6")]);
        // Two unrelated packages: both.
        let two = [
            bump("serde", "1.0.1", "1.0.2"),
            bump("lru", "0.18.0", "0.18.1"),
        ];
        assert_eq!(roots(&two, &[]), two.to_vec());
    }

    #[test]
    fn flags_changed_on_a_run_line_are_read_with_their_command() {
        let read = |old: &str, new: &str| run_flags(&[old.as_bytes()], &[new.as_bytes()], false);
        // A hook's command in JSON, a flag put in before its script: the command stops there.
        let hook = read(
            r#"      "command": "uv run agents/hooks/post-edit-format.py""#,
            r#"      "command": "uv run --frozen agents/hooks/post-edit-format.py""#,
        )
        .unwrap();
        assert_eq!(hook[0].command, "uv run");
        assert_eq!(hook[0].added, ["--frozen"]);
        // A Makefile's recipe is read whole only when asked; a comment never.
        let bare = |old: &str, new: &str| run_flags(&[old.as_bytes()], &[new.as_bytes()], true);
        assert_eq!(read("\tcargo test", "\tcargo test --all-features"), None);
        assert_eq!(
            bare("\tcargo test", "\tcargo test --all-features").unwrap()[0].added,
            ["--all-features"]
        );
        assert_eq!(bare("# cargo test", "# cargo test --all"), None);
        // A Dockerfile's `RUN`.
        assert_eq!(
            read("RUN pip install x", "RUN pip install --no-cache-dir x").unwrap()[0].command,
            "pip install"
        );
        assert_eq!(
            read(
                "        run: cargo hack check --each-feature --skip ffi -Z avoid-dev-deps",
                "        run: cargo hack check --feature-powerset --depth 2 --skip ffi -Z avoid-dev-deps",
            ),
            Some(vec![RunFlags {
                command: "cargo hack check".into(),
                added: vec!["--feature-powerset".into(), "--depth".into(), "2".into()],
                removed: vec!["--each-feature".into()],
            }])
        );
        let toolchain = read(
            "  run: cargo +stable check --workspace",
            "  run: cargo +stable check --workspace --exclude clap_bench",
        )
        .unwrap();
        assert_eq!(toolchain[0].command, "cargo check");
        assert_eq!(toolchain[0].added, ["--exclude", "clap_bench"]);
        // Anything but flags moved: no flag change.
        assert_eq!(read("  run: cargo test", "  run: cargo nextest run"), None);
        let quoted = read("  run: make \"$X\"", "  run: make \"$X\" --debug").unwrap();
        assert_eq!(quoted[0].command, "make");
        assert_eq!(read("  run: make", "  run: make \"$X\""), None);
        assert_eq!(read("  name: Test", "  name: Check"), None);
    }

    #[test]
    fn versions_moved_in_commands_name_their_tool() {
        let read = |old: &str, new: &str| tool_versions(&[old.as_bytes()], &[new.as_bytes()], None);
        assert_eq!(
            read(
                "        run: cargo install --version 0.3.8 cargo-wix",
                "        run: cargo install --version 0.3.9 cargo-wix"
            ),
            Some(vec![bump("cargo-wix", "0.3.8", "0.3.9")])
        );
        assert_eq!(
            read("  run: npm i -g pnpm@8.1.0", "  run: npm i -g pnpm@8.2.0"),
            Some(vec![bump("pnpm", "8.1.0", "8.2.0")])
        );
        assert_eq!(
            read(
                "  - run: pip install ruff==0.5.0",
                "  - run: pip install ruff==0.6.1"
            ),
            Some(vec![bump("ruff", "0.5.0", "0.6.1")])
        );
        assert_eq!(
            read("  NODE_VERSION: 20.11", "  NODE_VERSION: 22.1"),
            Some(vec![bump("node", "20.11", "22.1")])
        );
        assert_eq!(
            read("FROM node:20-alpine", "FROM node:22-alpine"),
            Some(vec![bump("node", "20-alpine", "22-alpine")])
        );
        assert_eq!(read("  timeout-minutes: 10", "  timeout-minutes: 20"), None);
        // A version in a comment is no tool's.
        assert_eq!(
            read("# 1. git checkout 0.86.0", "# 1. git checkout 0.103.0"),
            None
        );
        assert_eq!(read("// uses node:20", "// uses node:22"), None);
        // A bare `version:` is the tool's the step uses, else nobody's.
        assert_eq!(read("  version: 0.12.4", "  version: 0.12.5"), None);
        assert_eq!(
            tool_versions(
                &[b"  version: \"0.12.4\""],
                &[b"  version: \"0.12.5\""],
                action_tool(b"- uses: astral-sh/setup-uv@v6").as_deref()
            ),
            Some(vec![bump("uv", "0.12.4", "0.12.5")])
        );
        assert_eq!(
            action_tool(b"uses: pnpm/action-setup@v4").as_deref(),
            Some("pnpm")
        );
        assert_eq!(action_tool(b"run: make"), None);
        assert_eq!(
            read("  - uses: acme/deploy@3", "  - uses: acme/deploy@v3"),
            None
        );
        assert_eq!(read("  retries 3 times", "  retries 5 times"), None);
        // Anything else changed on the line, or no version: not a tool's version.
        assert_eq!(read("run: make test", "run: make check"), None);
        assert_eq!(read("timeout: 10 # s", "timeout: 20 # min"), None);
    }

    #[test]
    fn a_range_that_keeps_the_old_version_is_widened() {
        let (name, from) = json_line(r#"    "@vitejs/devtools": "^0.4.0","#).unwrap();
        let (_, to) = json_line(r#"    "@vitejs/devtools": "^0.4.0 || ^0.5.0","#).unwrap();
        assert_eq!((from.as_str(), to.as_str()), ("0.4.0", "0.4.0 || 0.5.0"));
        let dep = bump(&name, &from, &to);
        assert_eq!(dep.verb(), "widen");
        assert_eq!(
            dep.widening().as_deref(),
            Some("widen @vitejs/devtools range to 0.5.0")
        );
        // A range that drops the old version moved, as a bump does.
        let moved = bump("react", "17.0.0 || 18.0.0", "18.0.0 || 19.0.0");
        assert_eq!((moved.widened(), moved.verb()), (None, "bump"));
        assert_eq!(bump("x", "1.0", "1.0 || 2.0 || 3.0").widened(), Some("3.0"));
    }

    #[test]
    fn a_lower_version_is_a_downgrade() {
        assert_eq!(
            bump("unicode-width", "0.1.14", "0.1.12").verb(),
            "downgrade"
        );
        assert_eq!(bump("x", "1.9.0", "1.10.0").verb(), "bump");
        assert_eq!(bump("x", "v2", "v3").verb(), "bump");
        assert_eq!(bump("x", "37bb988", "8a48f81").verb(), "bump");
        assert_eq!(bump("snapbox", "0.2.9", "0.2").verb(), "bump");
    }

    #[test]
    fn a_pin_moved_to_another_commit_is_a_bump_whatever_its_comment_says() {
        let mut pins = PinReader::default();
        pins.line(
            "- uses: crate-ci/typos@37bb98842b0d8c4ffebdb75301a13db0267cef89 # master",
            false,
        );
        pins.line(
            "- uses: crate-ci/typos@8a48f81b6c64dcfea44b3633223084c4be58ac5f # master",
            true,
        );
        pins.line(
            "- uses: acme/deny@bb137d7af7e4fb67e5f82a49c4fce4fad40782fe # v2",
            false,
        );
        pins.line(
            "- uses: acme/deny@3c6349835b2b7b196a839186cb8b78e02f7b5f25 # v2",
            true,
        );
        pins.line(
            "- uses: actions/cache@1111111111111111111111111111111111111111 # v4.1.0",
            false,
        );
        pins.line(
            "- uses: actions/cache@2222222222222222222222222222222222222222 # v4.2.0",
            true,
        );
        assert_eq!(pins.other_lines, 0);
        assert_eq!(
            pins.finish(),
            vec![
                bump("crate-ci/typos", "37bb988", "8a48f81"),
                bump("acme/deny", "bb137d7", "3c63498"),
                bump("actions/cache", "v4.1.0", "v4.2.0"),
            ]
        );
    }

    #[test]
    fn bumps_are_worded_as_the_house_words_them() {
        let advice = |bots: &[&str], people: &[&str]| crate::history::Advice {
            bots: bots.iter().map(|s| s.to_string()).collect(),
            similar: people.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        let postcss = bump("postcss", "8.5.21", "8.5.22");
        // Renovate's phrasing, with or without a Conventional Commits header.
        let renovate = advice(
            &[
                "Update dependency vue to v3.5.40 (#19678)",
                "chore(deps): update dependency oxc-parser to v0.141.0",
                "Update GitHub Actions (#19695)",
            ],
            &[],
        );
        let phrase = house_phrase(&renovate).unwrap();
        assert_eq!(
            phrase.render(&postcss, false).as_deref(),
            Some("update dependency postcss to v8.5.22")
        );
        // Renovate's crates are `rust crate`s, its tools in CI `dependency`s (starship).
        let crates = advice(
            &[
                "build(deps): update rust crate jiff to 0.2.34",
                "build(deps): update rust crate rand to 0.10.2",
                "build(deps): update dependency cargo-wix to v0.3.9",
            ],
            &[],
        );
        let phrase = house_phrase(&crates).unwrap();
        let jiff = bump("jiff", "0.2.33", "0.2.34");
        assert_eq!(
            phrase.render(&jiff, true).as_deref(),
            Some("update rust crate jiff to 0.2.34")
        );
        assert_eq!(
            phrase.render(&jiff, false).as_deref(),
            Some("update dependency jiff to v0.2.34")
        );
        // Renovate's actions: `Update astral-sh/setup-uv action to v9`.
        let actions = advice(
            &[],
            &[
                "Update actions/checkout action to v5 (#20001)",
                "Update taiki-e/install-action action to v2.83.2 (#20002)",
                "Update Rust crate serde to v1.0.228 (#20003)",
            ],
        );
        let pin = bump("astral-sh/setup-uv", "v8.3.2", "v9.0.0");
        assert_eq!(
            house_phrase(&actions).unwrap().render_pin(&pin).as_deref(),
            Some("update astral-sh/setup-uv action to v9.0.0")
        );
        // uv's Renovate writes sentences, `Rust` capitalised.
        let sentences = advice(
            &[
                "Update Rust crate clap to v4.6.2 (#21001)",
                "Update Rust crate serde to v1.0.228 (#21002)",
            ],
            &[],
        );
        assert_eq!(
            house_phrase(&sentences)
                .unwrap()
                .render(&jiff, true)
                .as_deref(),
            Some("update Rust crate jiff to v0.2.34")
        );
        // People's own bumps near the paths outweigh one bot.
        let people = advice(
            &["Update dependency vue to v3.5.40"],
            &["Update meriyah to v7.2 (#19702)", "Upgrade eslint to 9.1.0"],
        );
        assert_eq!(
            house_phrase(&people)
                .unwrap()
                .render(&postcss, false)
                .as_deref(),
            Some("update postcss to v8.5.22")
        );
        // Dependabot's phrasing is the default; one bot subject is too little to go by.
        let dependabot = advice(
            &["Bump js-yaml from 4.2.0 to 4.3.0", "Bump x from 1 to 2"],
            &[],
        );
        assert_eq!(house_phrase(&dependabot), None);
        assert_eq!(
            house_phrase(&advice(&["Update dependency vue to v3.5.40"], &[])),
            None
        );
        // axum's `Update to askama 0.15`: the version after the name.
        let to_first = advice(
            &["Bump askama from 0.14 to 0.15"],
            &[
                "examples: Update to askama 0.15 (#3593)",
                "Update to tokio-tungstenite 0.29 (#3689)",
                "Upgrade serde_html_form to 0.4.0 (#3619)",
            ],
        );
        let askama = bump("askama", "0.14.0", "0.15.0");
        assert_eq!(
            house_phrase(&to_first)
                .unwrap()
                .render(&askama, true)
                .as_deref(),
            Some("update to askama 0.15.0")
        );
        assert_eq!(BumpPhrase::read("Update to cargo-deny api version 2"), None);
        // Not a bump of one package to a version.
        assert_eq!(BumpPhrase::read("Update GitHub Actions"), None);
        assert_eq!(BumpPhrase::read("update the docs to match"), None);
    }

    /// jj's `cargo: make dependency usage consistent`: `mimalloc = "0.1.50"` left
    /// `cli/Cargo.toml` for the workspace's dependencies (the member's line now says
    /// `{ workspace = true }`, no version).
    #[test]
    fn a_dependency_moved_between_manifests_is_no_addition() {
        let mut out = ManifestChanges::default();
        for (path, line, added) in [
            ("Cargo.toml", "mimalloc = \"0.1.50\"", true),
            ("cli/Cargo.toml", "mimalloc = \"0.1.50\"", false),
        ] {
            let mut reader = ManifestReader::default();
            reader.line("Cargo.toml", "[dependencies]", false);
            reader.line("Cargo.toml", line, added);
            reader.finish(path, &mut out);
        }
        assert!(out.deps.is_empty(), "{:?}", out.deps);
        assert_eq!(out.moved, vec!["mimalloc".to_owned()]);
        assert!(out.moved_to_root);
        // Out of the root into a member (a crate moved into a folder of its own): moved,
        // but not into the workspace's shared dependencies.
        let mut out = ManifestChanges::default();
        for (path, added) in [("Cargo.toml", false), ("ratatui/Cargo.toml", true)] {
            let mut reader = ManifestReader::default();
            reader.line("Cargo.toml", "[dependencies]", false);
            reader.line("Cargo.toml", "bitflags = \"2.3\"", added);
            reader.finish(path, &mut out);
        }
        assert_eq!(out.moved, vec!["bitflags".to_owned()]);
        assert!(!out.moved_to_root);
    }

    /// helix's `lang: Update pascal`: the grammar's pin moved.
    #[test]
    fn a_repository_pinned_by_commit_in_a_data_file_moves() {
        let old = br#"source = { git = "https://github.com/Isopod/tree-sitter-pascal", rev = "2fd40f477d3e2794af152618ccfac8d92eb72a66" }"#;
        let new = br#"source = { git = "https://github.com/Isopod/tree-sitter-pascal", rev = "042119eca2e18a60e56317fb06ee3ba5c32cb447" }"#;
        assert_eq!(
            git_pins(&[old], &[new]),
            Some(vec![bump("tree-sitter-pascal", "2fd40f4", "042119e")])
        );
        // The repository moved to a new home with it (helix's `Update nix tree-sitter grammar
        // and queries`): still that repository; another repository is no pin.
        let moved = br#"source = { git = "https://codeberg.org/isopod/tree-sitter-pascal", rev = "042119eca2e18a60e56317fb06ee3ba5c32cb447" }"#;
        assert_eq!(
            git_pins(&[old], &[moved]),
            Some(vec![bump("tree-sitter-pascal", "2fd40f4", "042119e")])
        );
        let other = br#"source = { git = "https://github.com/x/tree-sitter-delphi", rev = "042119eca2e18a60e56317fb06ee3ba5c32cb447" }"#;
        assert_eq!(git_pins(&[old], &[other]), None);
        // Another line changed, or no URL on it: no pin.
        assert_eq!(git_pins(&[old], &[b"source = { path = \"x\" }"]), None);
        assert_eq!(
            git_pins(&[b"rev = \"2fd40f477d3e\""], &[b"rev = \"042119eca2e1\""]),
            None
        );
    }

    #[test]
    fn a_git_dependency_moves_by_commit() {
        use Side::*;
        let cargo = [
            (Context, "name = \"reedline\""),
            (Context, "version = \"0.49.0\""),
            (
                Removed,
                "source = \"git+https://github.com/nushell/reedline?branch=main#60d9967420b5a56745f6ec250b40bc3b6813092b\"",
            ),
            (
                Added,
                "source = \"git+https://github.com/nushell/reedline?branch=main#e4fe8edfb28440614e58a8c9dba78d128783f70f\"",
            ),
        ];
        assert_eq!(
            lock("Cargo.lock", &cargo),
            vec![bump("reedline", "60d9967", "e4fe8ed")]
        );
        let uv = [
            (Context, "name = \"ruff\""),
            (
                Removed,
                "source = { git = \"https://github.com/astral-sh/ruff?rev=main#0123456789abcdef\" }",
            ),
            (
                Added,
                "source = { git = \"https://github.com/astral-sh/ruff?rev=main#fedcba9876543210\" }",
            ),
        ];
        assert_eq!(
            lock("uv.lock", &uv),
            vec![bump("ruff", "0123456", "fedcba9")]
        );
        // A registry source is no version, and a fragment that is not a commit is none.
        assert_eq!(
            git_commit("\"registry+https://github.com/rust-lang/crates.io-index\""),
            None
        );
        assert_eq!(git_commit("\"git+https://example.com/x#main\""), None);
    }

    #[test]
    fn lockfiles_name_the_package_and_versions() {
        use Side::*;
        let cargo = [
            (Context, "name = \"time\""),
            (Removed, "version = \"0.3.54\""),
            (Added, "version = \"0.3.55\""),
            (
                Context,
                "source = \"registry+https://github.com/rust-lang/crates.io-index\"",
            ),
        ];
        assert_eq!(
            lock("Cargo.lock", &cargo),
            vec![bump("time", "0.3.54", "0.3.55")]
        );
        let npm = [
            (Context, "    \"node_modules/@vue/shared\": {"),
            (Removed, "      \"version\": \"3.4.1\","),
            (Added, "      \"version\": \"3.4.2\","),
        ];
        assert_eq!(
            lock("package-lock.json", &npm),
            vec![bump("@vue/shared", "3.4.1", "3.4.2")]
        );
        let yarn = [
            (Context, "typescript@^5.0.0:"),
            (Removed, "  version \"5.3.2\""),
            (Added, "  version \"5.3.3\""),
        ];
        assert_eq!(
            lock("yarn.lock", &yarn),
            vec![bump("typescript", "5.3.2", "5.3.3")]
        );
        let pnpm = [
            (Removed, "  /vite@5.0.0:"),
            (Added, "  /vite@5.0.2:"),
            (Removed, "  '@types/node@20.1.0':"),
            (Added, "  '@types/node@20.2.0':"),
        ];
        assert_eq!(
            lock("pnpm-lock.yaml", &pnpm),
            vec![
                bump("vite", "5.0.0", "5.0.2"),
                bump("@types/node", "20.1.0", "20.2.0")
            ]
        );
        let go = [
            (Removed, "github.com/spf13/cobra v1.7.0 h1:abc="),
            (Removed, "github.com/spf13/cobra v1.7.0/go.mod h1:def="),
            (Added, "github.com/spf13/cobra v1.8.0 h1:ghi="),
        ];
        assert_eq!(
            lock("go.sum", &go),
            vec![bump("github.com/spf13/cobra", "v1.7.0", "v1.8.0")]
        );
    }

    /// goreleaser's `chore(deps): update go-github to v65` read `update github`.
    #[test]
    fn a_go_module_moved_to_a_new_major_version_is_bumped() {
        let mut reader = ManifestReader::default();
        reader.line("go.mod", "\tgithub.com/google/go-github/v64 v64.0.0", false);
        reader.line("go.mod", "\tgithub.com/google/go-github/v65 v65.0.0", true);
        reader.line("go.mod", "\tgithub.com/go-git/go-git/v5 v5.19.1", false);
        reader.line("go.mod", "\tgithub.com/go-git/go-git/v5 v5.19.2", true);
        let mut out = ManifestChanges::default();
        reader.finish("go.mod", &mut out);
        let said: Vec<(&str, Option<&str>, Option<&str>)> = (out.deps.iter())
            .map(|d| (d.name.as_str(), d.from.as_deref(), d.to.as_deref()))
            .collect();
        assert!(said.contains(&(
            "github.com/google/go-github",
            Some("v64.0.0"),
            Some("v65.0.0")
        )));
        // Within a major version the path stays as written (Dependabot's `go-git/v5`).
        assert!(said.contains(&(
            "github.com/go-git/go-git/v5",
            Some("v5.19.1"),
            Some("v5.19.2")
        )));
    }

    #[test]
    fn go_modules_go_by_their_short_name() {
        assert_eq!(short_name("github.com/goreleaser/nfpm/v2"), "nfpm");
        assert_eq!(short_name("golang.org/x/sync"), "sync");
        assert_eq!(short_name("serde"), "serde");
        assert_eq!(short_name("@vue/shared"), "@vue/shared");
    }

    #[test]
    fn action_pins_are_dependencies() {
        let mut pins = PinReader::default();
        pins.line("      - uses: Swatinem/rust-cache@v2.9.1", false);
        pins.line("      - uses: Swatinem/rust-cache@v2.9.2", true);
        pins.line(
            "      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1",
            false,
        );
        pins.line(
            "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
            true,
        );
        assert_eq!(
            pins.finish(),
            vec![
                bump("Swatinem/rust-cache", "v2.9.1", "v2.9.2"),
                bump("actions/checkout", "v4.1.1", "v4.2.2")
            ]
        );
        assert_eq!(pins.other_lines, 0);
    }

    #[test]
    fn additions_and_removals_are_kept() {
        let got = read("Cargo.toml", &["atty = \"0.2\""], &["anstream = \"0.6\""]);
        assert_eq!(got.deps.len(), 2);
        assert_eq!(got.deps[0].to, None);
        assert_eq!(got.deps[1].from, None);
        assert!(
            read("Cargo.toml", &["[features]"], &["default = []"])
                .deps
                .is_empty()
        );
    }

    #[test]
    fn a_package_linked_from_a_folder_is_not_bumped() {
        let yarn = [
            (
                Side::Removed,
                "\"@tauri-apps/api@link:../../tooling/api/dist\":",
            ),
            (Side::Removed, "  version \"0.0.0\""),
            (Side::Added, "\"@tauri-apps/api@../../tooling/api/dist\":"),
            (Side::Added, "  version \"1.0.0-beta.7\""),
        ];
        assert!(lock("yarn.lock", &yarn).is_empty());
    }

    fn read_installs(old: &[&str], new: &[&str]) -> Option<Installs> {
        let old: Vec<&[u8]> = old.iter().map(|l| l.as_bytes()).collect();
        let new: Vec<&[u8]> = new.iter().map(|l| l.as_bytes()).collect();
        installs(&old, &new)
    }

    #[test]
    fn packages_are_the_install_command_words_that_are_no_flags() {
        let found = read_installs(
            &["  sudo apt-get install -y libgtk-3-dev \\"],
            &["  sudo apt-get install -y libgtk-3-dev libfuse2 \\"],
        )
        .unwrap();
        assert_eq!(found.added, ["libfuse2"]);
        assert!(found.removed.is_empty());
        let found = read_installs(
            &["- run: pip install -U setuptools wheel && make"],
            &["- run: pip install -U setuptools && make"],
        )
        .unwrap();
        assert_eq!(found.removed, ["wheel"]);
        // Another command, a variable, or another installer: no packages read.
        assert!(read_installs(&["cargo build"], &["cargo build --release"]).is_none());
        assert!(read_installs(&["npm install -g $TOOL"], &["npm install -g $TOOL foo"]).is_none());
        assert!(read_installs(&["brew install jq"], &["apt-get install jq"]).is_none());
        // Flags alone changed: nothing installed or dropped.
        assert!(read_installs(&["apt-get install jq"], &["apt-get install -y jq"]).is_none());
        // A whole install line taken out (haystack's Dockerfile), or put in.
        let found =
            read_installs(&["    pip install --no-cache-dir -U torchaudio && \\"], &[]).unwrap();
        assert_eq!(
            (found.added.len(), found.removed),
            (0, vec!["torchaudio".to_owned()])
        );
        let found = read_installs(&[], &["RUN pip install mkdocs-redirects"]).unwrap();
        assert_eq!(found.added, ["mkdocs-redirects"]);
        // Beside a line that installs nothing: no install change alone.
        assert!(read_installs(&[], &["RUN pip install a", "RUN make"]).is_none());
    }
}
