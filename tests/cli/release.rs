//! Installing without compiling: the archives the release workflow builds are exactly where
//! and what `[package.metadata.binstall]` in Cargo.toml tells cargo-binstall to fetch.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{bin, run, show};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    text.parse().unwrap()
}

/// `[package.metadata.binstall]`, with the override for `target` merged in, as binstall does.
fn binstall_for(target: &str) -> (String, String, String) {
    let manifest = manifest();
    let meta = manifest["package"]["metadata"]["binstall"]
        .as_table()
        .unwrap();
    let pick = |key: &str| {
        meta.get("overrides")
            .and_then(|o| o.get(target))
            .and_then(|o| o.get(key))
            .or_else(|| meta.get(key))
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("binstall metadata has no {key}"))
            .to_string()
    };
    (pick("pkg-url"), pick("bin-dir"), pick("pkg-fmt"))
}

/// Fills binstall's `{ name }`-style placeholders.
fn render(template: &str, target: &str) -> String {
    let manifest = manifest();
    let version = manifest["package"]["version"].as_str().unwrap();
    let windows = target.contains("windows");
    [
        ("name", "git-herald"),
        ("version", version),
        ("target", target),
        ("bin", "git-herald"),
        ("binary-ext", if windows { ".exe" } else { "" }),
        ("repo", "https://example.invalid/git-herald"),
    ]
    .iter()
    .fold(template.to_string(), |text, (key, value)| {
        text.replace(&format!("{{ {key} }}"), value)
    })
}

fn host_target() -> String {
    let out = run(Command::new("rustc").arg("-vV"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_string()
}

fn package(target: &str, binary: &Path, out: &Path) -> std::process::Output {
    run(Command::new("bash")
        .arg(root().join("scripts/package.sh"))
        .arg(target)
        .arg(binary)
        .arg(out))
}

#[test]
fn the_host_archive_is_where_binstall_looks_and_holds_a_working_binary() {
    let target = host_target();
    let (url, bin_dir, format) = binstall_for(&target);
    assert_eq!(format, "tgz", "a Unix archive is a gzipped tarball");
    let out = tempfile::tempdir().unwrap();
    let packaged = package(&target, &bin(), out.path());
    assert!(packaged.status.success(), "{}", show(&packaged));

    // The file is named as the last segment of the URL binstall asks for.
    let url = render(&url, &target);
    let file = url.rsplit('/').next().unwrap();
    let archive = out.path().join(file);
    assert!(
        archive.is_file(),
        "no {file} in {:?}",
        std::fs::read_dir(out.path()).unwrap().collect::<Vec<_>>()
    );
    assert_eq!(
        String::from_utf8_lossy(&packaged.stdout).trim(),
        archive.to_str().unwrap()
    );

    // Its checksum file verifies it.
    let check = run(Command::new("sha256sum")
        .arg("-c")
        .arg(format!("{file}.sha256"))
        .current_dir(out.path()));
    assert!(check.status.success(), "{}", show(&check));

    // The binary is at bin-dir, the pages and licences beside it, and the binary runs.
    let unpacked = tempfile::tempdir().unwrap();
    let untar = run(Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(unpacked.path()));
    assert!(untar.status.success(), "{}", show(&untar));
    let binary = unpacked.path().join(render(&bin_dir, &target));
    let top = binary.parent().unwrap();
    for extra in [
        "man/man1/git-herald.1",
        "man/man1/git-herald-hook.1",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
    ] {
        assert!(top.join(extra).is_file(), "the archive has no {extra}");
    }
    let version = run(Command::new(&binary).arg("--version"));
    assert!(version.status.success(), "{}", show(&version));
    let manifest = manifest();
    let expected = manifest["package"]["version"].as_str().unwrap();
    assert!(
        String::from_utf8_lossy(&version.stdout).contains(expected),
        "{}",
        show(&version)
    );
}

#[test]
fn packaging_the_same_binary_twice_gives_the_same_archive() {
    let target = host_target();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(package(&target, &bin(), a.path()).status.success());
    assert!(package(&target, &bin(), b.path()).status.success());
    let file = render(&binstall_for(&target).0, &target)
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let (one, two) = (
        std::fs::read(a.path().join(&file)).unwrap(),
        std::fs::read(b.path().join(&file)).unwrap(),
    );
    assert!(one == two, "two packagings of one binary differ");
}

#[test]
fn packaging_a_missing_binary_says_to_build_it() {
    let out = tempfile::tempdir().unwrap();
    let packaged = package(
        "x86_64-unknown-linux-gnu",
        &out.path().join("nothing"),
        out.path(),
    );
    assert!(!packaged.status.success());
    let stderr = String::from_utf8_lossy(&packaged.stderr);
    assert!(
        stderr.contains("build it first") && stderr.contains("--target x86_64-unknown-linux-gnu"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing is written"
    );
}

#[test]
fn the_release_workflow_builds_and_packages_every_platform_binstall_is_told_about() {
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    let targets: Vec<&str> = workflow
        .lines()
        .filter_map(|line| line.split("target: ").nth(1))
        .filter_map(|rest| rest.split([',', ' ', '}']).next())
        .filter(|t| t.contains('-'))
        .collect();
    for os in ["linux", "apple-darwin", "windows"] {
        assert!(
            targets.iter().any(|t| t.contains(os)),
            "no {os} build in {targets:?}"
        );
    }
    assert!(
        workflow.contains("scripts/package.sh ${{ matrix.target }}"),
        "the workflow packages with the script"
    );
    assert!(
        workflow.contains("tags: [\"v*\"]"),
        "the release runs on v-tags, as pkg-url's v{{ version }} expects"
    );
    // Every Windows build is fetched as the zip the script writes; every other as a tarball.
    let manifest = manifest();
    let overrides = manifest["package"]["metadata"]["binstall"]["overrides"]
        .as_table()
        .unwrap();
    for target in &targets {
        let (url, _, format) = binstall_for(target);
        if target.contains("windows") {
            assert!(
                overrides.contains_key(*target),
                "no binstall override for {target}"
            );
            assert!(
                url.ends_with(".zip") && format == "zip",
                "{target}: {url} {format}"
            );
        } else {
            assert!(
                url.ends_with(".tar.gz") && format == "tgz",
                "{target}: {url} {format}"
            );
        }
    }
}
