//! Decides, per changed file, whether its text is sent, only a line of stats, or nothing at all
//! (withheld files are named but never read).

use crate::diff::{FileChange, Status};
use crate::paths;
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
            Treatment::Withheld => line.push_str(&format!(" (withheld: {})", self.decision.reason)),
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

/// The most lines an edit of a file marked `linguist-vendored` changes and still goes as
/// text.
const VENDORED_EDIT_LINES: usize = 40;

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
        if paths::is_secret_file(&path_str) {
            return Some(Decision::new(Treatment::Withheld, Reason::SecretFile));
        }
        if !self.text.is_empty() && self.text.is_match(path_str.as_ref()) {
            return Some(Decision::new(Treatment::Text, Reason::UserGlob));
        }
        if !self.stats_only.is_empty() && self.stats_only.is_match(path_str.as_ref()) {
            return Some(Decision::new(Treatment::StatsOnly, Reason::UserGlob));
        }
        if attrs.no_diff || attrs.generated {
            return Some(Decision::new(Treatment::StatsOnly, Reason::Attribute));
        }
        if attrs.vendored {
            // Read first: see `decide_read`.
            return Some(Decision::new(Treatment::Text, Reason::Attribute));
        }
        default_by_path(&path_str).map(|reason| Decision::new(Treatment::StatsOnly, reason))
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
        // `linguist-vendored` keeps files out of GitHub's language statistics, and
        // projects mark their own assets so (bat's whole `assets/`: its completions, man
        // page, syntax mappings). Third-party code comes as files added whole or as large
        // drops; those go as stats. An edit of a few lines is the project's own, unless
        // it is test data (bat's `tests/examples/`): a sample's lines say nothing of what
        // the change is for.
        let test_data = || {
            let path = change.path.to_str_lossy();
            paths::is_test(&path, paths::file_name(&path))
        };
        if by_path.is_some_and(|d| d.reason == Reason::Attribute)
            && (matches!(change.status, Status::Added | Status::Deleted)
                || change.additions + change.deletions > VENDORED_EDIT_LINES
                || test_data())
        {
            return Decision::new(Treatment::StatsOnly, Reason::Attribute);
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

/// The reason a file is sent as stats only, by its path alone (see [`crate::paths`]).
fn default_by_path(path: &str) -> Option<Reason> {
    if paths::is_lockfile(path) {
        Some(Reason::Lockfile)
    } else if paths::is_minified(path) {
        Some(Reason::Minified)
    } else if paths::is_generated(path) {
        Some(Reason::Generated)
    } else if paths::is_vendored(path) {
        Some(Reason::Vendored)
    } else {
        None
    }
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
        let vendored = |p: &str| default_by_path(p) == Some(Reason::Vendored);
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
            above: Default::default(),
            fenced: None,
            below: Default::default(),
            within: Default::default(),
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
