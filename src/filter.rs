//! Decides, per changed file, whether its text is sent, only a line of stats, or nothing at all
//! (withheld files are named but never read).

use crate::diff::{FileChange, Status};
use bstr::{BStr, ByteSlice};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::fmt;

/// What leaves the machine for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// The (redacted) diff text.
    Text,
    /// One line of stats: path, status, line counts.
    StatsOnly,
    /// Only the path; the content is never read.
    Withheld,
}

/// Why a file got its treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Default,
    Lockfile,
    Generated,
    Minified,
    Vendored,
    Binary,
    Submodule,
    TooLarge,
    LongLines,
    /// A `.gitattributes` entry (`-diff`, `binary`, `linguist-generated`, `linguist-vendored`).
    Attribute,
    /// A glob from the configuration.
    UserGlob,
    /// Environment files, private keys, credential stores.
    SecretFile,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reason::Default => "source",
            Reason::Lockfile => "lockfile",
            Reason::Generated => "generated file",
            Reason::Minified => "minified file",
            Reason::Vendored => "vendored code",
            Reason::Binary => "binary",
            Reason::Submodule => "submodule",
            Reason::TooLarge => "over the size limit",
            Reason::LongLines => "lines too long to be source",
            Reason::Attribute => "marked in .gitattributes",
            Reason::UserGlob => "matched a configured glob",
            Reason::SecretFile => "may hold credentials",
        })
    }
}

/// The treatment of one file and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub treatment: Treatment,
    pub reason: Reason,
}

impl Decision {
    const fn new(treatment: Treatment, reason: Reason) -> Self {
        Decision { treatment, reason }
    }
}

/// A changed file with the decision about it.
#[derive(Debug, Clone)]
pub struct FileEntry {
    pub change: FileChange,
    pub decision: Decision,
}

impl FileEntry {
    /// Returns the one-line summary sent for stats-only and withheld files, e.g.
    /// `package-lock.json: regenerated, +5,012 −4,870`.
    pub fn stats_line(&self) -> String {
        let c = &self.change;
        let what = match (c.status, self.decision.reason) {
            (Status::Modified, Reason::Lockfile | Reason::Generated) => "regenerated",
            (Status::Added, _) => "added",
            (Status::Deleted, _) => "deleted",
            (Status::Renamed, _) => "renamed",
            (Status::Copied, _) => "copied",
            (Status::TypeChange, _) => "type changed",
            (Status::Modified, _) => "modified",
        };
        let mut line = format!("{}: {what}", c.path.as_bstr());
        match self.decision.treatment {
            Treatment::Withheld => line.push_str(" (withheld: may hold credentials)"),
            _ if c.binary => line.push_str(" (binary)"),
            _ if c.is_submodule() => {
                let short = |id: &str| id.get(..7).unwrap_or(id).to_owned();
                line.push_str(&format!(
                    " (submodule {}..{})",
                    short(&c.old_id),
                    short(&c.new_id)
                ));
            }
            _ => line.push_str(&format!(
                ", +{} \u{2212}{}",
                thousands(c.additions),
                thousands(c.deletions)
            )),
        }
        line
    }
}

/// Formats a count with thousands separators: `5012` → `5,012`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Attributes from `.gitattributes` that bear on the decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attributes {
    /// `-diff` or `binary`.
    pub no_diff: bool,
    /// `linguist-generated` set.
    pub generated: bool,
    /// `linguist-vendored` set.
    pub vendored: bool,
}

/// User globs from configuration (all matched against the full path).
#[derive(Debug, Clone, Default)]
pub struct Globs {
    pub text: Vec<String>,
    pub stats_only: Vec<String>,
    pub withhold: Vec<String>,
}

/// Settings of the filter.
#[derive(Debug, Clone)]
pub struct FilterOptions {
    pub globs: Globs,
    /// A file whose diff text is larger than this is sent as stats only.
    pub max_file_bytes: usize,
    /// A file with a line longer than this is treated as generated.
    pub max_line_bytes: usize,
}

impl Default for FilterOptions {
    fn default() -> Self {
        FilterOptions {
            globs: Globs::default(),
            max_file_bytes: 256 * 1024,
            max_line_bytes: 4096,
        }
    }
}

/// Error for a glob in the configuration that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("invalid glob `{glob}` in the filter configuration")]
pub struct GlobError {
    glob: String,
    #[source]
    source: globset::Error,
}

/// The compiled filter.
#[derive(Debug)]
pub struct Filter {
    text: GlobSet,
    stats_only: GlobSet,
    withhold: GlobSet,
    max_file_bytes: usize,
    max_line_bytes: usize,
}

fn build_set(globs: &[String]) -> Result<GlobSet, GlobError> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        // A glob without a slash matches at any depth, as in .gitignore.
        let pattern = if glob.contains('/') {
            glob.trim_start_matches('/').to_owned()
        } else {
            format!("**/{glob}")
        };
        let compiled = Glob::new(&pattern).map_err(|source| GlobError {
            glob: glob.clone(),
            source,
        })?;
        builder.add(compiled);
    }
    builder.build().map_err(|source| GlobError {
        glob: globs.join(", "),
        source,
    })
}

impl Filter {
    /// Compiles the configured globs.
    pub fn new(opts: &FilterOptions) -> Result<Self, GlobError> {
        Ok(Filter {
            text: build_set(&opts.globs.text)?,
            stats_only: build_set(&opts.globs.stats_only)?,
            withhold: build_set(&opts.globs.withhold)?,
            max_file_bytes: opts.max_file_bytes,
            max_line_bytes: opts.max_line_bytes,
        })
    }

    /// Decides by path alone, before any content is read: `Some(Withheld)` means do not read it.
    pub fn decide_by_path(&self, path: &BStr, attrs: Attributes) -> Option<Decision> {
        let path_str = path.to_str_lossy();
        if !self.withhold.is_empty() && self.withhold.is_match(path_str.as_ref()) {
            return Some(Decision::new(Treatment::Withheld, Reason::UserGlob));
        }
        if is_secret_file(path) {
            return Some(Decision::new(Treatment::Withheld, Reason::SecretFile));
        }
        if !self.text.is_empty() && self.text.is_match(path_str.as_ref()) {
            return Some(Decision::new(Treatment::Text, Reason::UserGlob));
        }
        if !self.stats_only.is_empty() && self.stats_only.is_match(path_str.as_ref()) {
            return Some(Decision::new(Treatment::StatsOnly, Reason::UserGlob));
        }
        if attrs.no_diff || attrs.generated || attrs.vendored {
            return Some(Decision::new(Treatment::StatsOnly, Reason::Attribute));
        }
        default_by_path(path).map(|reason| Decision::new(Treatment::StatsOnly, reason))
    }

    /// Decides for a file whose content has been read.
    pub fn decide(&self, change: &FileChange, attrs: Attributes) -> Decision {
        self.decide_read(change, self.decide_by_path(change.path.as_ref(), attrs))
    }

    /// Decides for a file whose content has been read, given what [`Filter::decide_by_path`]
    /// said of it with the same attributes, so that a caller that asked before reading does
    /// not have the path looked at twice.
    pub fn decide_read(&self, change: &FileChange, by_path: Option<Decision>) -> Decision {
        if let Some(decision) = by_path
            && (decision.treatment != Treatment::Text || decision.reason == Reason::UserGlob)
        {
            return decision;
        }
        if change.is_submodule() {
            return Decision::new(Treatment::StatsOnly, Reason::Submodule);
        }
        if change.binary {
            return Decision::new(Treatment::StatsOnly, Reason::Binary);
        }
        if change.text_len() > self.max_file_bytes {
            return Decision::new(Treatment::StatsOnly, Reason::TooLarge);
        }
        let long = change
            .hunks
            .iter()
            .any(|h| h.body.lines().any(|l| l.len() > self.max_line_bytes));
        if long {
            return Decision::new(Treatment::StatsOnly, Reason::LongLines);
        }
        Decision::new(Treatment::Text, Reason::Default)
    }
}

fn file_name(path: &BStr) -> &[u8] {
    path.rfind_byte(b'/')
        .map_or(path, |slash| &path[slash + 1..])
}

/// Environment files, private keys and credential stores: never read, never sent.
pub fn is_secret_file(path: &BStr) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    let name = name.as_slice();
    if name == b".env" || name.ends_with(b".env") {
        return true;
    }
    if let Some(rest) = name.strip_prefix(b".env.") {
        // Templates are meant to be committed and read.
        return !matches!(
            rest,
            b"example" | b"sample" | b"template" | b"dist" | b"defaults" | b"schema"
        );
    }
    const NAMES: &[&[u8]] = &[
        b"id_rsa",
        b"id_dsa",
        b"id_ecdsa",
        b"id_ed25519",
        b".netrc",
        b"_netrc",
        b".pgpass",
        b".git-credentials",
        b".htpasswd",
        b"credentials.json",
        b"service-account.json",
        b"secrets.yml",
        b"secrets.yaml",
        b"secrets.json",
        b".npmrc",
        b".pypirc",
        b".dockercfg",
    ];
    const EXTENSIONS: &[&[u8]] = &[
        b".pem",
        b".key",
        b".p12",
        b".pfx",
        b".jks",
        b".keystore",
        b".kdbx",
        b".ppk",
        b".asc",
        b".gpg",
        b".tfvars",
        b".ovpn",
    ];
    if NAMES.contains(&name) || EXTENSIONS.iter().any(|ext| name.ends_with(ext)) {
        return true;
    }
    let lower = path.to_ascii_lowercase();
    lower.ends_with(b".aws/credentials")
        || lower.ends_with(b".docker/config.json")
        || (name.starts_with(b"client_secret") && name.ends_with(b".json"))
        || (name.starts_with(b"service-account") && name.ends_with(b".json"))
        || lower.ends_with(b".kube/config")
}

/// Lockfiles of the common ecosystems.
pub fn is_lockfile(path: &BStr) -> bool {
    const NAMES: &[&[u8]] = &[
        b"Cargo.lock",
        b"package-lock.json",
        b"npm-shrinkwrap.json",
        b"yarn.lock",
        b"pnpm-lock.yaml",
        b"bun.lockb",
        b"bun.lock",
        b"deno.lock",
        b"Gemfile.lock",
        b"poetry.lock",
        b"Pipfile.lock",
        b"uv.lock",
        b"pdm.lock",
        b"pixi.lock",
        b"composer.lock",
        b"go.sum",
        b"go.work.sum",
        b"Package.resolved",
        b"Podfile.lock",
        b"Cartfile.resolved",
        b"mix.lock",
        b"pubspec.lock",
        b"flake.lock",
        b"packages.lock.json",
        b"project.assets.json",
        b"gradle.lockfile",
        b"conan.lock",
        b"cabal.project.freeze",
        b"stack.yaml.lock",
        b"MODULE.bazel.lock",
        b".terraform.lock.hcl",
        b"renv.lock",
        b"shard.lock",
        b"vcpkg-lock.json",
    ];
    NAMES.contains(&file_name(path))
}

fn default_by_path(path: &BStr) -> Option<Reason> {
    if is_lockfile(path) {
        return Some(Reason::Lockfile);
    }
    let name = file_name(path);
    const MINIFIED: &[&[u8]] = &[b".min.js", b".min.css", b".min.mjs", b".map", b"-min.js"];
    if MINIFIED.iter().any(|ext| name.ends_with(ext)) {
        return Some(Reason::Minified);
    }
    const GENERATED: &[&[u8]] = &[
        b".pb.go",
        b"_pb2.py",
        b"_pb2.pyi",
        b"_pb2_grpc.py",
        b".pb.cc",
        b".pb.h",
        b".g.dart",
        b".freezed.dart",
        b".designer.cs",
        b"_generated.go",
        b".generated.ts",
        b".generated.js",
        b".gen.go",
    ];
    if GENERATED.iter().any(|ext| name.ends_with(ext)) {
        return Some(Reason::Generated);
    }
    const VENDORED: &[&[u8]] = &[
        b"vendor",
        b"node_modules",
        b"third_party",
        b"bower_components",
    ];
    // Any folder on the path, not the file name.
    let mut parts = path.split(|&b| b == b'/');
    parts.next_back();
    if parts.any(|dir| VENDORED.contains(&dir)) {
        return Some(Reason::Vendored);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Hunk;

    fn filter() -> Filter {
        Filter::new(&FilterOptions::default()).unwrap()
    }

    fn decide(path: &str) -> Decision {
        filter().decide(
            &FileChange::new(path, Status::Modified),
            Attributes::default(),
        )
    }

    #[test]
    fn defaults_sort_files() {
        let cases = [
            ("src/main.rs", Treatment::Text, Reason::Default),
            ("Cargo.lock", Treatment::StatsOnly, Reason::Lockfile),
            (
                "web/package-lock.json",
                Treatment::StatsOnly,
                Reason::Lockfile,
            ),
            ("go.sum", Treatment::StatsOnly, Reason::Lockfile),
            ("static/app.min.js", Treatment::StatsOnly, Reason::Minified),
            ("api/v1/user.pb.go", Treatment::StatsOnly, Reason::Generated),
            (
                "vendor/github.com/x/y.go",
                Treatment::StatsOnly,
                Reason::Vendored,
            ),
            (
                "web/node_modules/a/index.js",
                Treatment::StatsOnly,
                Reason::Vendored,
            ),
            (".env", Treatment::Withheld, Reason::SecretFile),
            (
                "deploy/.env.production",
                Treatment::Withheld,
                Reason::SecretFile,
            ),
            ("config/prod.env", Treatment::Withheld, Reason::SecretFile),
            (".env.example", Treatment::Text, Reason::Default),
            ("certs/server.pem", Treatment::Withheld, Reason::SecretFile),
            (
                "home/.ssh/id_ed25519",
                Treatment::Withheld,
                Reason::SecretFile,
            ),
            ("home/.ssh/id_ed25519.pub", Treatment::Text, Reason::Default),
            ("infra/prod.tfvars", Treatment::Withheld, Reason::SecretFile),
            (
                "client_secret_123.apps.json",
                Treatment::Withheld,
                Reason::SecretFile,
            ),
            ("environment.rs", Treatment::Text, Reason::Default),
        ];
        for (path, treatment, reason) in cases {
            assert_eq!(decide(path), Decision::new(treatment, reason), "{path}");
        }
    }

    #[test]
    fn vendored_means_a_whole_folder_name() {
        let vendored = |p: &str| default_by_path(p.into()) == Some(Reason::Vendored);
        assert!(vendored("vendor/a.go"));
        assert!(vendored("a/b/third_party/c/d.c"));
        assert!(vendored("/bower_components/x.js"));
        assert!(!vendored("vendor"));
        assert!(!vendored("src/vendor"));
        assert!(!vendored("src/vendored/a.go"));
        assert!(!vendored("my_node_modules/a.js"));
    }

    #[test]
    fn user_globs_and_attributes_win_over_defaults() {
        let opts = FilterOptions {
            globs: Globs {
                text: vec!["Cargo.lock".into()],
                stats_only: vec!["fixtures/**".into(), "*.snap".into()],
                withhold: vec!["private/**".into()],
            },
            ..FilterOptions::default()
        };
        let f = Filter::new(&opts).unwrap();
        let d = |p: &str, a| f.decide(&FileChange::new(p, Status::Modified), a);
        let none = Attributes::default();
        assert_eq!(d("Cargo.lock", none).treatment, Treatment::Text);
        assert_eq!(d("fixtures/a/b.txt", none).treatment, Treatment::StatsOnly);
        assert_eq!(d("src/x/y.snap", none).treatment, Treatment::StatsOnly);
        assert_eq!(d("private/notes.md", none).treatment, Treatment::Withheld);
        // A withheld default is not undone by a text glob.
        let g = Filter::new(&FilterOptions {
            globs: Globs {
                text: vec!["**".into()],
                ..Globs::default()
            },
            ..FilterOptions::default()
        })
        .unwrap();
        let env = g.decide(&FileChange::new(".env", Status::Added), none);
        assert_eq!(env.treatment, Treatment::Withheld);
        let generated = Attributes {
            generated: true,
            ..none
        };
        assert_eq!(d("src/schema.rs", generated).reason, Reason::Attribute);
    }

    #[test]
    fn content_rules_catch_binary_large_and_long_lines() {
        let f = filter();
        let mut bin = FileChange::new("logo.png", Status::Added);
        bin.binary = true;
        assert_eq!(f.decide(&bin, Attributes::default()).reason, Reason::Binary);

        let mut one_line = FileChange::new("data.json", Status::Added);
        one_line.hunks.push(Hunk {
            old_start: 0,
            old_lines: 0,
            new_start: 1,
            new_lines: 1,
            section: "".into(),
            body: format!("+{}\n", "x".repeat(5_000)).into(),
        });
        assert_eq!(
            f.decide(&one_line, Attributes::default()).reason,
            Reason::LongLines
        );
        one_line.hunks[0].body = format!("+{}\n", "x\n+".repeat(200_000)).into();
        assert_eq!(
            f.decide(&one_line, Attributes::default()).reason,
            Reason::TooLarge
        );
    }

    #[test]
    fn stats_line_reads_like_a_person_wrote_it() {
        let mut change = FileChange::new("package-lock.json", Status::Modified);
        change.additions = 5012;
        change.deletions = 4870;
        let entry = FileEntry {
            change,
            decision: Decision::new(Treatment::StatsOnly, Reason::Lockfile),
        };
        assert_eq!(
            entry.stats_line(),
            "package-lock.json: regenerated, +5,012 \u{2212}4,870"
        );
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }

    #[test]
    fn bad_glob_names_itself() {
        let err = Filter::new(&FilterOptions {
            globs: Globs {
                withhold: vec!["a[".into()],
                ..Globs::default()
            },
            ..FilterOptions::default()
        })
        .unwrap_err();
        assert!(err.to_string().contains("`a[`"), "{err}");
    }
}
