//! The offline engine's words through the real binary on a staged change (issue 13): a
//! lockfile-only bump named by package and version, a fix named by its regression test.

use crate::common::TestRepo;
use predicates::str::starts_with;

const LOCK: &str = "version = 3\n\n[[package]]\nname = \"time\"\nversion = \"0.3.54\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";

#[test]
fn staged_lockfile_bump_names_the_package_and_versions() {
    let repo = TestRepo::new();
    repo.write("Cargo.lock", LOCK);
    repo.commit_all("base");
    repo.write("Cargo.lock", LOCK.replace("0.3.54", "0.3.55"));
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("chore: bump time from 0.3.54 to 0.3.55\n"));
}

#[test]
fn staged_fix_with_its_test_says_the_behaviour() {
    let repo = TestRepo::new();
    let code = "pub fn label_width(label: &str) -> usize {\n    label.len()\n}\n";
    repo.write("src/lib.rs", code);
    repo.commit_all("base");
    let fixed = "pub fn label_width(label: &str) -> usize {\n    label.chars().count()\n}\n\n#[test]\nfn wide_value_label_centered_by_display_width() {\n    assert_eq!(label_width(\"日本\"), 2);\n}\n";
    repo.write("src/lib.rs", fixed);
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "fix: center wide value label by display width\n",
        ));
}
