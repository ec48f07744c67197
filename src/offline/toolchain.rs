//! A Rust toolchain or minimum supported Rust version moved: `rust-toolchain.toml`'s
//! `channel`, a manifest's `rust-version`, an `MSRV` setting in CI or `clippy.toml`. Authors
//! name such a change by the version (`Bump MSRV to 1.85`, `Update Rust toolchain to
//! 1.97.1`), whatever code moved with it to please the new compiler.

use super::analysis::FileFacts;
use crate::diff::Status;
use crate::paths::{self, Kind};

/// The versions a change moved, each as (from, to).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Toolchain {
    /// The pinned toolchain: `rust-toolchain.toml`'s `channel`, or the plain file's line.
    pub channel: Option<(String, String)>,
    /// The minimum supported Rust version.
    pub msrv: Option<(String, String)>,
    /// The one package whose MSRV moved, when it is not the repository's root manifest.
    pub package: Option<String>,
    /// The toolchain CI lints with (`rust_clippy: '1.77'` → `'1.88'` in tokio's workflow).
    pub clippy: Option<(String, String)>,
    /// The nightly CI pins (`rust_nightly: nightly-2025-01-25`), and the one it runs miri
    /// with (`rust_miri_nightly: …`).
    pub nightly: Option<(String, String)>,
    pub miri: Option<(String, String)>,
    /// Code changed beside the pins: what the new compiler or lints asked for.
    pub code: bool,
}

/// Keys that hold the toolchain CI runs clippy with: `rust_clippy`, `CLIPPY_VERSION`.
fn clippy_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key.contains("clippy") && (key.contains("version") || key.contains("rust") || key == "clippy")
}

/// Keys that pin the nightly CI builds with (`rust_nightly`, `NIGHTLY_TOOLCHAIN`), and
/// whether it is the one for miri (`rust_miri_nightly`).
fn nightly_key(key: &str, miri: bool) -> bool {
    let key = key.to_ascii_lowercase();
    key.contains("nightly") && key.contains("miri") == miri
}

/// Keys that hold a minimum supported Rust version outside a manifest: `MSRV: "1.90"` in a
/// workflow's `env`, `msrv = "1.70"` in `clippy.toml`.
fn msrv_key(key: &str) -> bool {
    matches!(
        key.to_ascii_lowercase().as_str(),
        "msrv" | "rust_msrv" | "rust-msrv" | "min_rust_version" | "minimum_rust_version"
    )
}

pub(crate) fn is_toolchain_file(path: &str) -> bool {
    matches!(
        paths::file_name(path),
        "rust-toolchain" | "rust-toolchain.toml"
    )
}

/// A version as written, or a channel name: `1.97.1`, `nightly-2024-05-01`, `stable`.
fn version(value: &str) -> Option<String> {
    let v = value.trim().trim_matches(['"', '\'']).trim();
    let numeric = v.split('.').count() >= 2
        && v.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let channel = ["stable", "beta", "nightly"]
        .iter()
        .any(|c| v == *c || v.strip_prefix(c).is_some_and(|rest| rest.starts_with('-')));
    (numeric || channel).then(|| v.to_owned())
}

/// The value a file's settings give `key` on one side, when they give exactly one.
fn moved(file: &FileFacts, pick: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    let side = |added: bool| {
        let mut values = (file.settings.iter())
            .filter(|s| s.added == added && pick(s.key.trim_matches('"')))
            .map(|s| version(&s.value));
        let first = values.next()??;
        values.next().is_none().then_some(first)
    };
    let (from, to) = (side(false)?, side(true)?);
    (from != to).then_some((from, to))
}

/// Reads the toolchain and MSRV moves out of a change's files; `None` when neither moved,
/// or when the change brings new source files (a feature that needs a newer compiler is
/// the feature).
pub(crate) fn read(files: &[FileFacts]) -> Option<Toolchain> {
    if files
        .iter()
        .any(|f| f.status == Status::Added && matches!(f.kind, Kind::Source | Kind::Manifest))
    {
        return None;
    }
    let mut out = Toolchain::default();
    let mut manifests: Vec<(&str, (String, String))> = Vec::new();
    let mut elsewhere = None;
    for f in files {
        if is_toolchain_file(&f.path) {
            out.channel = out.channel.or_else(|| moved(f, &|k| k == "channel"));
        } else if f.kind == Kind::Manifest && paths::file_name(&f.path) == "Cargo.toml" {
            if let Some(pair) = moved(f, &|k| k == "rust-version") {
                manifests.push((f.path.as_str(), pair));
            }
        } else if matches!(f.kind, Kind::Ci | Kind::Config) {
            elsewhere = elsewhere.or_else(|| moved(f, &msrv_key));
            out.clippy = out.clippy.take().or_else(|| moved(f, &clippy_key));
            let nightly = |miri: bool| {
                moved(f, &|k| nightly_key(k, miri))
                    .filter(|(from, to)| from.starts_with("nightly-") && to.starts_with("nightly-"))
            };
            out.nightly = out.nightly.take().or_else(|| nightly(false));
            out.miri = out.miri.take().or_else(|| nightly(true));
        }
        out.code |= matches!(
            f.kind,
            Kind::Source | Kind::Test | Kind::Example | Kind::Bench
        );
    }
    // The root manifest's move, else the one the most manifests make.
    let root = manifests.iter().find(|(path, _)| *path == "Cargo.toml");
    let common = || {
        (manifests.iter())
            .max_by_key(|(_, pair)| manifests.iter().filter(|(_, p)| p == pair).count())
    };
    if let Some((path, pair)) = root.or_else(common) {
        out.msrv = Some(pair.clone());
        if manifests.len() == 1 && *path != "Cargo.toml" {
            // The package a member's manifest is for (`crates/bevy_reflect/Cargo.toml`).
            out.package = Some(super::summary::file_subject(path));
        }
    }
    out.msrv = out.msrv.or(elsewhere);
    (out.channel.is_some()
        || out.msrv.is_some()
        || out.clippy.is_some()
        || out.nightly.is_some()
        || out.miri.is_some())
    .then_some(out)
}

/// `1.90` and `1.90.0` are one version.
fn same(a: &str, b: &str) -> bool {
    a.trim_end_matches(".0") == b.trim_end_matches(".0")
}

/// Whether `to` is older than `from`, both numeric.
fn lower(from: &str, to: &str) -> bool {
    let parse = |v: &str| -> Option<Vec<u64>> { v.split('.').map(|p| p.parse().ok()).collect() };
    matches!((parse(from), parse(to)), (Some(f), Some(t)) if t < f)
}

impl Toolchain {
    /// Only CI's nightly pins moved (its own, miri's).
    pub(crate) fn pins_nightly_only(&self) -> bool {
        self.channel.is_none() && self.msrv.is_none() && self.clippy.is_none()
    }

    /// The subject: `bump MSRV to 1.85`, `bump Rust toolchain to 1.98.0 and MSRV to 1.96.0`,
    /// `bump MSRV and Rust toolchain to 1.90`, `lower MSRV to 1.77.2`, `bump bevy_reflect
    /// MSRV to 1.95.0`.
    pub(crate) fn subject(&self) -> String {
        let verb = |(from, to): &(String, String)| if lower(from, to) { "lower" } else { "bump" };
        let msrv = match &self.package {
            Some(package) => format!("{package} MSRV"),
            None => "MSRV".to_owned(),
        };
        match (&self.channel, &self.msrv) {
            (Some(channel), Some(m)) if same(&channel.1, &m.1) => {
                format!("{} {msrv} and Rust toolchain to {}", verb(m), m.1)
            }
            (Some(channel), Some(m)) => format!(
                "{} Rust toolchain to {} and {msrv} to {}",
                verb(channel),
                channel.1,
                m.1
            ),
            (Some(channel), None) => format!("{} Rust toolchain to {}", verb(channel), channel.1),
            (None, Some(m)) => format!("{} {msrv} to {}", verb(m), m.1),
            // Clippy's toolchain alone, code with it: the lints it newly raised, fixed
            // (tokio's `chore: update CI to clippy 1.88`, twenty-seven files of fixes).
            (None, None) => match &self.clippy {
                Some(pair) if self.code && self.nightly.is_none() && self.miri.is_none() => {
                    format!("{} clippy to {} and fix new lints", verb(pair), pair.1)
                }
                // CI's pins: clippy's, the nightly's (by its date: tokio's `ci: update
                // nightly version to 2025-10-12`) and miri's (`ci: bump miri to
                // \`nightly-2025-11-09\``).
                Some(pair) if self.nightly.is_none() && self.miri.is_none() => {
                    format!("{} clippy to {}", verb(pair), pair.1)
                }
                _ => {
                    let nightly = self.nightly.as_ref().map(|(_, to)| {
                        format!("nightly to {}", to.strip_prefix("nightly-").unwrap_or(to))
                    });
                    let pins: Vec<String> = (self.clippy.as_ref())
                        .map(|(_, to)| format!("clippy to {to}"))
                        .into_iter()
                        .chain(nightly)
                        .chain(self.miri.as_ref().map(|(_, to)| format!("miri to {to}")))
                        .collect();
                    match pins.as_slice() {
                        [] => String::new(),
                        [one] => format!("bump {one}"),
                        [head @ .., last] => format!("bump {} and {last}", head.join(", ")),
                    }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::analysis::analyse;
    use crate::offline::tests::entries;

    fn toolchain(patch: &str) -> Option<Toolchain> {
        read(&analyse(&entries(patch.as_bytes())).files)
    }

    fn change(path: &str, old: &str, new: &str) -> String {
        format!(
            "diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1,1 +1,1 @@\n-{old}\n+{new}\n"
        )
    }

    #[test]
    fn toolchain_and_msrv_moves_are_named_by_version() {
        let channel = change(
            "rust-toolchain.toml",
            "channel = \"1.97.1\"",
            "channel = \"1.98.0\"",
        );
        let msrv = change(
            "Cargo.toml",
            "rust-version = \"1.95.0\"",
            "rust-version = \"1.96.0\"",
        );
        let both = toolchain(&format!("{msrv}{channel}")).unwrap();
        assert_eq!(
            both.subject(),
            "bump Rust toolchain to 1.98.0 and MSRV to 1.96.0"
        );
        assert_eq!(
            toolchain(&channel).unwrap().subject(),
            "bump Rust toolchain to 1.98.0"
        );
        assert_eq!(toolchain(&msrv).unwrap().subject(), "bump MSRV to 1.96.0");
        let plain = change("rust-toolchain", "1.70.0", "1.72.1");
        assert_eq!(
            toolchain(&plain).unwrap().subject(),
            "bump Rust toolchain to 1.72.1"
        );
    }

    #[test]
    fn one_version_for_both_a_lower_one_and_a_member_crate() {
        let same = format!(
            "{}{}{}",
            change(
                ".github/workflows/build.yml",
                "  MSRV: \"1.87\"",
                "  MSRV: \"1.90\""
            ),
            change(
                "Cargo.toml",
                "rust-version = \"1.87\"",
                "rust-version = \"1.90\""
            ),
            change(
                "rust-toolchain.toml",
                "channel = \"1.87.0\"",
                "channel = \"1.90.0\""
            ),
        );
        assert_eq!(
            toolchain(&same).unwrap().subject(),
            "bump MSRV and Rust toolchain to 1.90"
        );
        let down = change(
            "Cargo.toml",
            "rust-version = \"1.78\"",
            "rust-version = \"1.77.2\"",
        );
        assert_eq!(toolchain(&down).unwrap().subject(), "lower MSRV to 1.77.2");
        let member = change(
            "crates/bevy_reflect/Cargo.toml",
            "rust-version = \"1.93.0\"",
            "rust-version = \"1.95.0\"",
        );
        assert_eq!(
            toolchain(&member).unwrap().subject(),
            "bump bevy_reflect MSRV to 1.95.0"
        );
    }

    #[test]
    fn other_settings_and_new_crates_are_no_toolchain_move() {
        assert!(
            toolchain(&change(
                "Cargo.toml",
                "version = \"1.0.0\"",
                "version = \"1.1.0\""
            ))
            .is_none()
        );
        let new_crate = "diff --git a/crates/x/Cargo.toml b/crates/x/Cargo.toml\nnew file mode 100644\n--- /dev/null\n+++ b/crates/x/Cargo.toml\n@@ -0,0 +1,2 @@\n+[package]\n+rust-version = \"1.90\"\n";
        assert!(toolchain(new_crate).is_none());
    }

    /// tokio's `chore: update CI to clippy 1.88`: the workflow's clippy toolchain moved,
    /// the lints it raised fixed in code beside it; a change that only moves it says so.
    #[test]
    fn clippy_moved_in_ci_is_named_with_the_lints_fixed() {
        let ci = change(
            ".github/workflows/ci.yml",
            "  rust_clippy: '1.77'",
            "  rust_clippy: '1.88'",
        );
        let code = change(
            "tokio/src/sync/mpsc.rs",
            "    x.len() == 0",
            "    x.is_empty()",
        );
        let both = toolchain(&format!("{ci}{code}")).unwrap();
        assert_eq!(both.subject(), "bump clippy to 1.88 and fix new lints");
        assert_eq!(toolchain(&ci).unwrap().subject(), "bump clippy to 1.88");
        // Another key that names clippy holds no toolchain.
        let args = change(
            ".github/workflows/ci.yml",
            "  clippy_args: '-D warnings'",
            "  clippy_args: '-W warnings'",
        );
        assert_eq!(toolchain(&args), None);
    }

    /// tokio's `ci: update nightly version to 2025-10-12` and `ci: bump miri to
    /// \`nightly-2025-11-09\``: the nightly CI pins, named by the new one.
    #[test]
    fn nightly_pins_moved_in_ci_are_named_by_date() {
        let nightly = change(
            ".github/workflows/ci.yml",
            "  rust_nightly: nightly-2025-01-25",
            "  rust_nightly: nightly-2025-10-12",
        );
        let miri = change(
            ".github/workflows/miri.yml",
            "  rust_miri_nightly: nightly-2025-06-02",
            "  rust_miri_nightly: nightly-2025-11-09",
        );
        let clippy = change(
            ".github/workflows/lint.yml",
            "  rust_clippy: '1.77'",
            "  rust_clippy: '1.88'",
        );
        assert_eq!(
            toolchain(&nightly).unwrap().subject(),
            "bump nightly to 2025-10-12"
        );
        assert_eq!(
            toolchain(&miri).unwrap().subject(),
            "bump miri to nightly-2025-11-09"
        );
        assert_eq!(
            toolchain(&format!("{clippy}{nightly}{miri}"))
                .unwrap()
                .subject(),
            "bump clippy to 1.88, nightly to 2025-10-12 and miri to nightly-2025-11-09"
        );
        // A channel given no date is no pin moved.
        let unpinned = change(
            ".github/workflows/ci.yml",
            "  rust_nightly: nightly-2025-01-25",
            "  rust_nightly: nightly",
        );
        assert_eq!(toolchain(&unpinned), None);
        // Beside lint levels set, the pin is what the lints need: the lints are the change
        // (tokio's `chore: use [lints] to address unexpected_cfgs lint`).
        let lints = "diff --git a/Cargo.toml b/Cargo.toml\n--- a/Cargo.toml\n+++ b/Cargo.toml\n\
            @@ -1,2 +1,5 @@\n [workspace]\n members = [\"tokio\"]\n+\n+[workspace.lints.rust]\n\
            +unexpected_cfgs = { level = \"warn\" }\n";
        let both = analyse(&entries(format!("{nightly}{lints}").as_bytes()));
        assert!(!both.lints.is_empty());
        assert_eq!(both.toolchain, None);
        let with_clippy = analyse(&entries(format!("{clippy}{lints}").as_bytes()));
        assert!(with_clippy.toolchain.is_some());
    }
}
