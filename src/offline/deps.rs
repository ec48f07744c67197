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
    /// The package's own new version, when its `version` field changed.
    pub release: Option<String>,
}

fn unquote(s: &str) -> &str {
    s.trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == ',')
        .trim()
}

fn clean_version(v: &str) -> String {
    let v = unquote(v);
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
        let version = rest.trim_start().split(['"', '\'']).nth(1)?;
        return looks_like_version(version).then(|| (key.to_owned(), clean_version(version)));
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
}

impl ManifestReader {
    /// Reads one changed line of the manifest called `name`.
    pub(crate) fn line(&mut self, name: &str, text: &str, added: bool) {
        let Some(parse) = parser(name) else {
            return;
        };
        if text.len() > 300 {
            return;
        }
        let Some((key, version)) = parse(text) else {
            return;
        };
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

    /// Adds what was read to `out`.
    pub(crate) fn finish(self, out: &mut ManifestChanges) {
        for key in self.order {
            let from = self.removed.get(&key).cloned();
            let to = self.added.get(&key).cloned();
            if from == to {
                continue;
            }
            if key == "version" {
                if from.is_some() && to.is_some() && out.release.is_none() {
                    out.release = to;
                }
                continue;
            }
            // The `name` and `rust-version` keys carry versions but are not dependencies.
            if matches!(
                key.as_str(),
                "rust-version" | "requires-python" | "python" | "node"
            ) {
                continue;
            }
            if !out.deps.iter().any(|d| d.name == key) {
                out.deps.push(DepChange {
                    name: key,
                    from,
                    to,
                });
            }
        }
    }
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
        reader.finish(&mut out);
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
}
