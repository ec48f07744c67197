//! Reading what is staged: the diff model rendered back to text must be byte-identical to
//! `git diff --cached` on real repositories (issue #2, section 1).
//!
//! Most cases call the library (`Repo::open` + `staged` + `diff::render` with full ids) and
//! compare with `git diff --cached --full-index`. Cases that depend on how the repository is
//! found from the environment (subdirectory, linked worktree, `GIT_DIR`/`GIT_WORK_TREE`) run
//! the binary's `--dry-run` and compare its diff text with `git -c core.abbrev=7 diff --cached`.

use crate::common::{TestRepo, dry_run_diff};
use bstr::{BString, ByteSlice};
use git_herald::diff::{self, FileChange, RenderOptions, Status};
use git_herald::filter::{Filter, FilterOptions, Treatment};
use git_herald::git::Repo;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::{fs, os::unix::ffi::OsStrExt as _};

/// The staged changes as the library reads them (withheld files left out).
fn staged(path: &Path) -> Vec<FileChange> {
    let repo = Repo::open(path).unwrap();
    let filter = Filter::new(&FilterOptions::default()).unwrap();
    repo.staged(&filter)
        .unwrap()
        .into_iter()
        .filter(|e| e.decision.treatment != Treatment::Withheld)
        .map(|e| e.change)
        .collect()
}

/// Renders what the library reads with full object ids.
fn library_diff(path: &Path) -> BString {
    let options = RenderOptions {
        abbrev: 40,
        quote_path: true,
    };
    diff::render(&staged(path), options)
}

/// Asserts the library's rendering equals `git diff --cached --full-index`, and returns it.
fn assert_same_as_git(repo: &TestRepo) -> BString {
    // The in-process library reads the real user's global git config; pin the one setting
    // the staged diff depends on so a developer's `diff.renames` cannot change the outcome.
    if repo
        .git_cmd(["config", "--local", "diff.renames"])
        .output()
        .unwrap()
        .stdout
        .is_empty()
    {
        repo.git(["config", "diff.renames", "true"]);
    }
    let ours = library_diff(repo.path());
    let git = BString::from(repo.git_bytes(["diff", "--cached", "--full-index"]));
    assert!(!git.is_empty(), "the fixture stages nothing");
    assert_eq!(
        ours.as_bstr(),
        git.as_bstr(),
        "rendered staged diff differs from `git diff --cached --full-index`"
    );
    ours
}

/// Asserts `git herald --dry-run` (run with `cwd` and extra `env`) shows as diff text exactly
/// what `git -c core.abbrev=7 diff --cached` prints there.
fn assert_dry_run_same_as_git(repo: &TestRepo, cwd: &Path, env: &[(&str, &Path)]) {
    let mut git = repo.git_cmd(["-c", "core.abbrev=7", "diff", "--cached"]);
    git.current_dir(cwd);
    let mut herald = repo.herald(["--dry-run"]);
    herald.current_dir(cwd);
    for (key, value) in env {
        git.env(key, value);
        herald.env(key, value);
    }
    let expected = crate::common::run(&mut git);
    assert!(
        expected.status.success(),
        "{}",
        crate::common::show(&expected)
    );
    assert!(!expected.stdout.is_empty(), "the fixture stages nothing");
    let out = herald.assert().success().get_output().stdout.clone();
    assert_eq!(
        dry_run_diff(&out).as_bstr(),
        expected.stdout.as_bstr(),
        "dry-run diff text differs from `git diff --cached`; whole output:\n{}",
        out.as_bstr()
    );
}

const C_BEFORE: &str = "#include <stdio.h>\n\nint add(int a, int b)\n{\n\treturn a + b;\n}\n\n\
int main(void)\n{\n\tint x = 1;\n\tint y = 2;\n\tint z = 3;\n\tint w = 4;\n\
\tprintf(\"%d\\n\", add(x, y));\n\tprintf(\"%d\\n\", add(z, w));\n\treturn 0;\n}\n";

fn numbered(n: usize) -> String {
    (1..=n).map(|i| format!("line {i}\n")).collect()
}

#[test]
fn modify_with_function_context() {
    let repo = TestRepo::new();
    repo.write("src/calc.c", C_BEFORE);
    repo.add_all();
    repo.commit("base");
    repo.write(
        "src/calc.c",
        C_BEFORE
            .replace("add(z, w)", "add(w, z)")
            .replace("a + b", "b + a"),
    );
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str("@@ int main(void)"), "{text}");
}

#[test]
fn hunks_near_and_far_apart() {
    let repo = TestRepo::new();
    repo.write("a.txt", numbered(60));
    repo.add_all();
    repo.commit("base");
    // Gaps of 5, 6, 7 and 8 unchanged lines: git joins hunks whose context would touch.
    let edited: String = numbered(60)
        .lines()
        .enumerate()
        .map(|(i, l)| match i + 1 {
            3 | 9 | 16 | 24 | 33 | 50 => format!("{l} (edited)\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    repo.write("a.txt", edited);
    repo.add_all();
    assert_same_as_git(&repo);
}

#[test]
fn add_and_delete() {
    let repo = TestRepo::new();
    repo.write("old.txt", "going away\nsoon\n");
    repo.write("keep.txt", "kept\n");
    repo.add_all();
    repo.commit("base");
    fs::remove_file(repo.join("old.txt")).unwrap();
    repo.write("fresh/new.txt", "brand new\nfile\n");
    repo.add_all();
    let changes = staged(repo.path());
    let statuses: Vec<_> = changes
        .iter()
        .map(|c| (c.path.to_string(), c.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("fresh/new.txt".to_owned(), Status::Added),
            ("old.txt".to_owned(), Status::Deleted)
        ]
    );
    assert_same_as_git(&repo);
}

#[test]
fn pure_rename() {
    let repo = TestRepo::new();
    repo.write("src/old_name.rs", numbered(20));
    repo.add_all();
    repo.commit("base");
    repo.git(["mv", "src/old_name.rs", "src/new_name.rs"]);
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str("similarity index 100%\nrename from src/old_name.rs\n"));
    let changes = staged(repo.path());
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].status, Status::Renamed);
    assert_eq!(changes[0].old_path.as_ref().unwrap(), "src/old_name.rs");
}

/// Removes `similarity index` lines.
fn without_similarity(text: &[u8]) -> BString {
    text.lines_with_terminator()
        .filter(|l| !l.starts_with(b"similarity index "))
        .flatten()
        .copied()
        .collect::<Vec<u8>>()
        .into()
}

#[test]
fn rename_with_edits() {
    // libgit2 and git score the similarity of an edited rename each their own way (here 97%
    // against git's 96%; see the report on issue #2). The percentage is informational only:
    // everything else, header and hunks, must match git byte for byte.
    let repo = TestRepo::new();
    repo.git(["config", "diff.renames", "true"]);
    repo.write("lib/parser.py", numbered(40));
    repo.write("docs/guide.md", numbered(12));
    repo.add_all();
    repo.commit("base");
    repo.git(["mv", "lib/parser.py", "lib/reader.py"]);
    repo.write(
        "lib/reader.py",
        numbered(40).replace("line 7\n", "line seven\n"),
    );
    repo.git(["mv", "docs/guide.md", "docs/manual.md"]);
    let heavy = numbered(12)
        .replace("line 2\n", "line two\n")
        .replace("line 5\n", "line five\n")
        .replace("line 9\n", "line nine\n");
    repo.write("docs/manual.md", heavy);
    repo.add_all();

    let ours = library_diff(repo.path());
    let git = repo.git_bytes(["diff", "--cached", "--full-index"]);
    assert!(
        git.contains_str("rename from docs/guide.md"),
        "{}",
        git.as_bstr()
    );
    assert!(
        git.contains_str("rename from lib/parser.py"),
        "{}",
        git.as_bstr()
    );
    assert_eq!(without_similarity(&ours), without_similarity(&git));

    let changes = staged(repo.path());
    let got: Vec<_> = changes
        .iter()
        .map(|c| (c.path.to_string(), c.status, c.additions, c.deletions))
        .collect();
    assert_eq!(
        got,
        [
            ("docs/manual.md".to_owned(), Status::Renamed, 3, 3),
            ("lib/reader.py".to_owned(), Status::Renamed, 1, 1),
        ]
    );
    for change in &changes {
        let similarity = change.similarity.expect("a rename has a similarity");
        assert!((50..100).contains(&similarity), "{similarity}");
    }
}

#[test]
fn copies_when_configured() {
    let repo = TestRepo::new();
    repo.git(["config", "diff.renames", "copies"]);
    repo.write("a.txt", numbered(30));
    repo.add_all();
    repo.commit("base");
    // git (like libgit2) takes copy sources from modified files only, without --find-copies-harder.
    repo.write("a.txt", numbered(31));
    repo.write("b.txt", numbered(30));
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("copy from a.txt\ncopy to b.txt\n"),
        "{text}"
    );
}

#[test]
fn mode_change_only_and_with_edits() {
    let repo = TestRepo::new();
    repo.write("run.sh", "#!/bin/sh\necho hi\n");
    repo.write("build.sh", "#!/bin/sh\nmake\n");
    repo.add_all();
    repo.commit("base");
    for name in ["run.sh", "build.sh"] {
        fs::set_permissions(repo.join(name), fs::Permissions::from_mode(0o755)).unwrap();
    }
    repo.write("build.sh", "#!/bin/sh\nmake all\n");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("old mode 100644\nnew mode 100755\n"),
        "{text}"
    );
}

#[test]
fn symlink_added_and_retargeted() {
    let repo = TestRepo::new();
    repo.write("target-a.txt", "a\n");
    std::os::unix::fs::symlink("target-a.txt", repo.join("current")).unwrap();
    repo.add_all();
    repo.commit("base");
    fs::remove_file(repo.join("current")).unwrap();
    std::os::unix::fs::symlink("target-b.txt", repo.join("current")).unwrap();
    std::os::unix::fs::symlink("../elsewhere", repo.join("link-to-dir")).unwrap();
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str("new file mode 120000"), "{text}");
    assert!(text.contains_str("\\ No newline at end of file"), "{text}");
}

#[test]
fn file_replaced_by_symlink() {
    // git prints a type change as a deletion followed by an addition.
    let repo = TestRepo::new();
    repo.write("config.yml", "a: 1\n");
    repo.write("real.yml", "a: 2\n");
    repo.add_all();
    repo.commit("base");
    fs::remove_file(repo.join("config.yml")).unwrap();
    std::os::unix::fs::symlink("real.yml", repo.join("config.yml")).unwrap();
    repo.add_all();
    assert_same_as_git(&repo);
}

#[test]
fn binary_files() {
    let repo = TestRepo::new();
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    repo.write("img/logo.png", png);
    repo.write("data.bin", b"\0\x01\x02\x03");
    repo.add_all();
    repo.commit("base");
    repo.write("img/logo.png", [png, b"\0\0more"].concat());
    repo.write("img/new.png", png);
    fs::remove_file(repo.join("data.bin")).unwrap();
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("Binary files /dev/null and b/img/new.png differ"),
        "{text}"
    );
    assert!(
        staged(repo.path())
            .iter()
            .all(|c| c.binary && c.hunks.is_empty())
    );
}

#[test]
fn empty_new_file() {
    let repo = TestRepo::with_commit();
    repo.write("empty.txt", "");
    repo.write("src/__init__.py", "");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("new file mode 100644\nindex 0000000000000000000000000000000000000000..e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\n"),
        "{text}"
    );
}

#[test]
fn non_utf8_content() {
    let repo = TestRepo::new();
    repo.write("latin1.txt", b"caf\xe9\nna\xefve\n");
    repo.add_all();
    repo.commit("base");
    repo.write("latin1.txt", b"caf\xe9 au lait\nna\xefve\ngar\xe7on\n");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str(b"+gar\xe7on\n"),
        "content mangled: {text:?}"
    );
    assert!(!staged(repo.path())[0].binary);
}

#[test]
fn non_utf8_file_name() {
    let repo = TestRepo::with_commit();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    repo.write(name, "menu\n");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str("\"b/caf\\351.txt\""), "{text}");
    let changes = staged(repo.path());
    assert_eq!(changes[0].path.as_bytes(), b"caf\xe9.txt", "path mangled");
}

#[test]
fn names_with_spaces_quotes_and_tabs() {
    let repo = TestRepo::with_commit();
    repo.write("with space.txt", "one\n");
    repo.write("say \"hi\".txt", "two\n");
    repo.write("tab\there.txt", "three\n");
    repo.write("back\\slash.txt", "four\n");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str("diff --git a/with space.txt b/with space.txt"));
    assert!(text.contains_str("\"a/say \\\"hi\\\".txt\""), "{text}");
    // git ends a `---`/`+++` label holding a space with a tab (for `patch`).
    assert!(text.contains_str("+++ b/with space.txt\t\n"), "{text}");
}

#[test]
fn missing_trailing_newline() {
    let repo = TestRepo::new();
    repo.write("gains.txt", "a\nb");
    repo.write("loses.txt", "a\nb\n");
    repo.write("neither.txt", "a\nb");
    repo.add_all();
    repo.commit("base");
    repo.write("gains.txt", "a\nb\n");
    repo.write("loses.txt", "a\nb");
    repo.write("neither.txt", "a\nc");
    repo.write("new.txt", "no newline at all");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert_eq!(
        text.find_iter("\\ No newline at end of file").count(),
        5,
        "{text}"
    );
}

#[test]
fn crlf_content_is_kept_as_is() {
    let repo = TestRepo::new();
    repo.write("win.txt", "one\r\ntwo\r\n");
    repo.add_all();
    repo.commit("base");
    repo.write("win.txt", "one\r\ntwo!\r\n");
    repo.add_all();
    assert_same_as_git(&repo);
}

#[test]
fn submodule_pointer_change() {
    let repo = TestRepo::with_commit();
    let old = "1111111111111111111111111111111111111111";
    let new = "2222222222222222222222222222222222222222";
    repo.git([
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("160000,{old},libs/engine"),
    ]);
    repo.commit("add submodule");
    repo.git([
        "update-index",
        "--cacheinfo",
        &format!("160000,{new},libs/engine"),
    ]);
    let changes = staged(repo.path());
    assert_eq!(changes.len(), 1);
    let change = &changes[0];
    assert!(change.is_submodule());
    assert_eq!((change.old_id.as_str(), change.new_id.as_str()), (old, new));
    // git prints the pointer change as a one-line hunk (`Subproject commit …`).
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str(format!(
        "-Subproject commit {old}\n+Subproject commit {new}\n"
    )));
    // It is sent as one stats line, never as text.
    let out = repo
        .herald(["--dry-run"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("stats-only libs/engine (submodule)"), "{out}");
    assert!(
        out.contains("libs/engine: modified (submodule 1111111..2222222)"),
        "{out}"
    );
}

#[test]
fn first_commit_against_the_empty_tree() {
    let repo = TestRepo::new();
    repo.write("Cargo.toml", "[package]\nname = \"x\"\n");
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write("tool.sh", "#!/bin/sh\n");
    fs::set_permissions(repo.join("tool.sh"), fs::Permissions::from_mode(0o755)).unwrap();
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(text.contains_str("new file mode 100755"), "{text}");
    assert!(
        staged(repo.path())
            .iter()
            .all(|c| c.status == Status::Added)
    );
}

#[test]
fn withheld_files_are_named_but_never_read() {
    let repo = TestRepo::with_commit();
    repo.write(".env", "API_KEY=supersecretvalue123\n");
    repo.write("src/app.js", "console.log(1)\n");
    repo.add_all();
    let entries = Repo::open(repo.path())
        .unwrap()
        .staged(&Filter::new(&FilterOptions::default()).unwrap())
        .unwrap();
    let env = entries.iter().find(|e| e.change.path == ".env").unwrap();
    assert_eq!(env.decision.treatment, Treatment::Withheld);
    assert!(
        env.change.hunks.is_empty(),
        "a withheld file's content was loaded"
    );
    // What is not withheld still matches git byte for byte.
    let ours = library_diff(repo.path());
    let git = repo.git_bytes(["diff", "--cached", "--full-index", "--", "src/app.js"]);
    assert_eq!(ours.as_bstr(), git.as_bstr());
}

#[test]
fn from_a_subdirectory() {
    let repo = TestRepo::new();
    repo.write("src/deep/mod.rs", "pub fn a() {}\n");
    repo.write("top.txt", "top\n");
    repo.add_all();
    repo.commit("base");
    repo.write("src/deep/mod.rs", "pub fn a() {}\npub fn b() {}\n");
    repo.write("top.txt", "top, changed\n");
    repo.add_all();
    assert_dry_run_same_as_git(&repo, &repo.join("src/deep"), &[]);
}

#[test]
fn from_a_linked_worktree() {
    let repo = TestRepo::with_commit();
    let wt = repo.root().join("wt");
    let mut cmd = repo.git_cmd(["worktree", "add", "-q", "-b", "side"]);
    cmd.arg(&wt);
    assert!(crate::common::run(&mut cmd).status.success());
    fs::write(wt.join("README.md"), "# demo\n\nChanged in the worktree.\n").unwrap();
    fs::write(wt.join("wt-only.txt"), "new\n").unwrap();
    let mut add = repo.git_cmd(["add", "-A"]);
    add.current_dir(&wt);
    assert!(crate::common::run(&mut add).status.success());
    // The main work tree has nothing staged; the linked one does.
    assert!(repo.git(["diff", "--cached"]).is_empty());
    assert_dry_run_same_as_git(&repo, &wt, &[]);
    // The library finds the worktree's own index too.
    let ours = library_diff(&wt);
    let mut git = repo.git_cmd(["diff", "--cached", "--full-index"]);
    git.current_dir(&wt);
    assert_eq!(
        ours.as_bstr(),
        crate::common::run(&mut git).stdout.as_bstr()
    );
}

#[test]
fn git_dir_and_work_tree_from_the_environment() {
    let repo = TestRepo::outside();
    let git_dir = repo.root().join("store.git");
    let work = repo.root().join("checkout");
    fs::create_dir_all(&work).unwrap();
    let env = [
        ("GIT_DIR", git_dir.as_path()),
        ("GIT_WORK_TREE", work.as_path()),
    ];
    let git = |args: &[&str]| {
        let mut cmd = repo.git_cmd(args);
        cmd.current_dir(&work).envs(env);
        let out = crate::common::run(&mut cmd);
        assert!(out.status.success(), "{}", crate::common::show(&out));
    };
    git(&["init", "-q", "-b", "main"]);
    fs::write(work.join("notes.md"), "one\n").unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "base"]);
    fs::write(work.join("notes.md"), "one\ntwo\n").unwrap();
    git(&["add", "-A"]);
    // Run from a directory that is not inside either: only the environment finds them.
    assert_dry_run_same_as_git(&repo, repo.path(), &env);
}

#[test]
fn function_context_from_gitattributes_drivers() {
    let repo = TestRepo::new();
    repo.write(".gitattributes", "*.py diff=python\n");
    let py = "import os\n\n\nclass Loader:\n    def load(self, path):\n        a = 1\n        b = 2\n        c = 3\n        d = 4\n        e = 5\n        return os.path.join(path, 'x')\n";
    repo.write("pkg/loader.py", py);
    repo.add_all();
    repo.commit("base");
    repo.write("pkg/loader.py", py.replace("'x'", "'y'"));
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("@@ -8,4 +8,4 @@ def load(self, path):"),
        "{text}"
    );
}

#[test]
fn rust_driver_context_differs_from_git() {
    // libgit2's built-in `diff=rust` pattern is older than git's: git 2.47 takes an indented
    // `pub fn read(…)` as the function context, libgit2 the enclosing `impl Reader {`. Only
    // the hunk header's context differs; assert what we produce and that the rest matches.
    let repo = TestRepo::new();
    repo.write(".gitattributes", "*.rs diff=rust\n");
    let rs = "use std::fs;\n\nimpl Reader {\n    pub fn read(&self) -> u8 {\n        let a = 1;\n        let b = 2;\n        let c = 3;\n        let d = 4;\n        fs::read(\"x\").unwrap()[0]\n    }\n}\n";
    repo.write("src/reader.rs", rs);
    repo.add_all();
    repo.commit("base");
    repo.write("src/reader.rs", rs.replace("[0]", "[1]"));
    repo.add_all();
    repo.git(["config", "diff.renames", "true"]);
    let ours = library_diff(repo.path());
    let git = BString::from(repo.git_bytes(["diff", "--cached", "--full-index"]));
    assert!(
        ours.contains_str("@@ -6,6 +6,6 @@ impl Reader {\n"),
        "{ours}"
    );
    let git_header = "@@ -6,6 +6,6 @@ pub fn read(&self) -> u8 {\n";
    let libgit2_header = "@@ -6,6 +6,6 @@ impl Reader {\n";
    assert!(
        git.contains_str(git_header),
        "git changed its rust pattern: {git}"
    );
    assert_eq!(ours, git.replace(git_header, libgit2_header));
}

#[test]
fn no_diff_attribute_makes_a_file_binary() {
    let repo = TestRepo::new();
    repo.write(".gitattributes", "*.dat -diff\n");
    repo.write("table.dat", "1,2,3\n");
    repo.add_all();
    repo.commit("base");
    repo.write("table.dat", "1,2,3\n4,5,6\n");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("Binary files a/table.dat and b/table.dat differ"),
        "{text}"
    );
}

#[test]
fn rename_with_mode_change() {
    let repo = TestRepo::new();
    repo.write("build", numbered(10));
    repo.add_all();
    repo.commit("base");
    repo.git(["mv", "build", "build.sh"]);
    fs::set_permissions(repo.join("build.sh"), fs::Permissions::from_mode(0o755)).unwrap();
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("old mode 100644\nnew mode 100755\nsimilarity index 100%"),
        "{text}"
    );
}

#[test]
fn intent_to_add_is_not_staged() {
    // `git add -N` puts an empty placeholder in the index; `git diff --cached` and `git commit`
    // leave it out.
    let repo = TestRepo::with_commit();
    repo.write("later.txt", "not staged yet\n");
    repo.git(["add", "-N", "later.txt"]);
    repo.herald([] as [&str; 0])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("error: nothing is staged"));
    repo.write("README.md", "# demo\n\nChanged.\n");
    repo.add(["README.md"]);
    assert_same_as_git(&repo);
    assert_eq!(staged(repo.path()).len(), 1);
}

#[test]
fn orphan_branch_compares_with_the_empty_tree() {
    let repo = TestRepo::with_commit();
    repo.git(["checkout", "-q", "--orphan", "fresh"]);
    repo.write("NEW.md", "new start\n");
    repo.add_all();
    let text = assert_same_as_git(&repo);
    assert!(
        text.contains_str("new file mode 100644\nindex 0000000000000000000000000000000000000000..")
    );
    assert_eq!(staged(repo.path()).len(), 2);
}

#[test]
fn git_diff_text_read_back_gives_the_same_dry_run_and_message() {
    // `git diff --cached | git herald --diff -` must see what `git herald` sees: the parser
    // reads git's own text for every kind of change the staged reader handles. (Edited
    // renames are left out: git's similarity score is not libgit2's, see `rename_with_edits`.)
    let repo = TestRepo::new();
    repo.write("src/calc.c", C_BEFORE);
    repo.write("gone.txt", "bye\n");
    repo.write("old_name.txt", numbered(10));
    repo.write("run.sh", "#!/bin/sh\n");
    repo.write("tail.txt", "a\nb");
    repo.write("img.png", b"\x89PNG\r\n\x1a\n\0\0");
    repo.add_all();
    repo.commit("base");
    repo.git([
        "update-index",
        "--add",
        "--cacheinfo",
        "160000,1111111111111111111111111111111111111111,deps/engine",
    ]);
    repo.commit("submodule");

    repo.write("src/calc.c", C_BEFORE.replace("a + b", "b + a"));
    fs::remove_file(repo.join("gone.txt")).unwrap();
    repo.git(["mv", "old_name.txt", "new name.txt"]);
    fs::set_permissions(repo.join("run.sh"), fs::Permissions::from_mode(0o755)).unwrap();
    repo.write("tail.txt", "a\nc");
    repo.write("img.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    repo.write("empty.txt", "");
    repo.write("latin1.txt", b"caf\xe9\n");
    repo.write(std::ffi::OsStr::from_bytes(b"na\xefve \"q\".txt"), "x\n");
    std::os::unix::fs::symlink("src/calc.c", repo.join("calc-link")).unwrap();
    repo.add_all();
    // `add -A` drops the gitlink (no checkout of it here); put it back, moved on.
    repo.git([
        "update-index",
        "--add",
        "--cacheinfo",
        "160000,2222222222222222222222222222222222222222,deps/engine",
    ]);

    let text = repo.git_bytes(["diff", "--cached"]);
    for args in [&["--dry-run"][..], &[]] {
        let staged = repo
            .herald(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let parsed = repo
            .herald([args, &["--diff", "-"]].concat())
            .write_stdin(text.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(parsed.as_bstr(), staged.as_bstr(), "{args:?}");
    }
}

#[test]
fn linguist_attributes_in_nested_gitattributes_are_honoured() {
    let repo = TestRepo::with_commit();
    // Only in a subfolder, and only in the work tree and index (not yet committed).
    repo.write(
        "web/.gitattributes",
        "schema.ts linguist-generated\nlib/** linguist-vendored=true\n",
    );
    repo.write("web/schema.ts", "export type Id = string;\n");
    repo.write("web/lib/jquery.js", "var $ = 1;\n");
    repo.write("web/app.ts", "export const app = 1;\n");
    repo.write("src/main.rs", "fn main() {}\n");
    repo.add_all();
    let out = repo.herald(["--dry-run"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("stats-only web/schema.ts (marked in .gitattributes)"),
        "{text}"
    );
    assert!(
        text.contains("stats-only web/lib/jquery.js (marked in .gitattributes)"),
        "{text}"
    );
    assert!(text.contains("text       web/app.ts (source)"), "{text}");
    assert!(text.contains("text       src/main.rs (source)"), "{text}");
}

/// bat marks its whole `assets/` folder `linguist-vendored` (to keep it out of GitHub's
/// language statistics), its own completions and man page with it. A few lines edited there
/// are the project's words and go as text; a file added whole or a large drop stays stats.
#[test]
fn a_small_edit_of_a_file_marked_vendored_is_shown() {
    let repo = TestRepo::with_commit();
    repo.write("assets/.gitattributes", "* linguist-vendored\n");
    let zsh = "_bat() {\n    args=(\n        --diagnostic'[show diagnostics]'\n        -P'[disable paging]'\n    )\n}\n";
    repo.write("assets/completions/bat.zsh", zsh);
    let big: String = (0..60).map(|i| format!("line {i}\n")).collect();
    repo.write("assets/big.txt", &big);
    // Test data marked so (bat's `tests/examples/`) says nothing of the change: stats.
    repo.write("tests/examples/.gitattributes", "* linguist-vendored\n");
    repo.write("tests/examples/sample.txt", "one\ntwo\n");
    repo.commit_all("base");
    repo.write("tests/examples/sample.txt", "one\n");
    repo.write(
        "assets/completions/bat.zsh",
        zsh.replace(
            "        -P",
            "        --quiet-empty'[no output for empty input]'\n        -P",
        ),
    );
    repo.write("assets/big.txt", big.replace("line", "row"));
    repo.write("assets/new.txt", "fresh\n");
    repo.add_all();
    let out = repo.herald(["--dry-run"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("text       assets/completions/bat.zsh"),
        "{text}"
    );
    assert!(text.contains("--quiet-empty'[no output"), "{text}");
    assert!(
        text.contains("stats-only assets/big.txt (marked in .gitattributes)"),
        "{text}"
    );
    assert!(
        text.contains("stats-only assets/new.txt (marked in .gitattributes)"),
        "{text}"
    );
    assert!(
        text.contains("stats-only tests/examples/sample.txt (marked in .gitattributes)"),
        "{text}"
    );
    // The offline engine reads the edit too.
    repo.write("assets/big.txt", &big);
    repo.git(["rm", "-q", "--cached", "assets/new.txt"]);
    repo.write("tests/examples/sample.txt", "one\ntwo\n");
    repo.add(["assets/big.txt", "tests/examples/sample.txt"]);
    let out = repo.herald(["--offline"]).output().unwrap();
    let subject = String::from_utf8_lossy(&out.stdout);
    assert!(
        subject.contains("add --quiet-empty to zsh completion"),
        "{subject}"
    );
}

#[test]
fn attributes_from_info_attributes_are_honoured() {
    let repo = TestRepo::with_commit();
    std::fs::create_dir_all(repo.join(".git/info")).unwrap();
    std::fs::write(
        repo.join(".git/info/attributes"),
        "*.gen.rs linguist-generated\n",
    )
    .unwrap();
    repo.write("src/api.gen.rs", "pub struct Api;\n");
    repo.add_all();
    let out = repo.herald(["--dry-run"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("stats-only src/api.gen.rs (marked in .gitattributes)"),
        "{text}"
    );
}
