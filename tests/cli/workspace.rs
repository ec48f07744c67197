//! Workspace members read from the repository's manifests become scopes (issue 13): Cargo
//! `[workspace] members`, package.json and pnpm workspaces, `go.work`, each member named by
//! its package, trimmed of the project prefix where the house does so.

use crate::common::{TestRepo, show};

/// The scope of the subject the offline engine writes for what is staged, if any.
fn staged_scope(repo: &TestRepo) -> Option<String> {
    let out = repo.herald(["--offline"]).output().expect("runs");
    assert!(out.status.success(), "git-herald failed:\n{}", show(&out));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let subject = stdout.lines().next().expect("a subject").to_owned();
    let (head, _) = subject.split_once(": ").expect("a conventional subject");
    let open = head.find('(')?;
    Some(
        head[open + 1..]
            .trim_end_matches('!')
            .trim_end_matches(')')
            .to_owned(),
    )
}

/// Stages a new public function in `path` (a feature, which takes a scope).
fn stage_feature(repo: &TestRepo, path: &str) {
    repo.write(
        path,
        "pub fn parse_header(input: &str) -> usize {\n    input.len()\n}\n",
    );
    repo.add([path]);
}

fn cargo_crate(repo: &TestRepo, folder: &str, name: &str) {
    repo.write(
        format!("{folder}/Cargo.toml"),
        format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"),
    );
    repo.write(format!("{folder}/src/lib.rs"), "pub fn base() {}\n");
}

fn cargo_workspace() -> TestRepo {
    let repo = TestRepo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/legacy\"]\n",
    );
    for name in ["acme-core", "acme-cli", "acme-server"] {
        cargo_crate(&repo, &format!("crates/{name}"), name);
    }
    repo.commit_all("Initial import");
    repo
}

#[test]
fn a_cargo_member_is_named_by_its_package() {
    let repo = cargo_workspace();
    // The folder is not the package's name: the scope is the package.
    cargo_crate(&repo, "crates/core", "acme-engine");
    repo.commit_all("Add the engine");
    stage_feature(&repo, "crates/core/src/header.rs");
    assert_eq!(staged_scope(&repo).as_deref(), Some("acme-engine"));
    // A change inside `crates/acme-core` is `acme-core` (no house to trim it).
    repo.git(["reset", "-q"]);
    stage_feature(&repo, "crates/acme-core/src/header.rs");
    assert_eq!(staged_scope(&repo).as_deref(), Some("acme-core"));
}

#[test]
fn a_cargo_member_loses_the_project_prefix_where_the_house_does() {
    let repo = cargo_workspace();
    // The house writes short scopes for its crates, on other crates than the one staged.
    for i in 0..12 {
        for (scope, name) in [("cli", "acme-cli"), ("server", "acme-server")] {
            repo.write(
                format!("crates/{name}/src/f{i}.rs"),
                format!("pub fn f{i}() {{}}\n"),
            );
            repo.commit_all(&format!("feat({scope}): add f{i}"));
        }
    }
    stage_feature(&repo, "crates/acme-core/src/header.rs");
    assert_eq!(staged_scope(&repo).as_deref(), Some("core"));
}

#[test]
fn npm_and_pnpm_members_drop_the_org_from_their_package_names() {
    for manifest in ["pnpm", "npm"] {
        let repo = TestRepo::new();
        match manifest {
            "pnpm" => repo.write(
                "pnpm-workspace.yaml",
                "packages:\n  - 'packages/*'\n  - 'packages-private/*'\n",
            ),
            _ => repo.write(
                "package.json",
                r#"{"private": true, "workspaces": {"packages": ["packages/*", "packages-private/*"]}}"#,
            ),
        };
        for (folder, name) in [
            ("packages/runtime-core", "@vue/runtime-core"),
            ("packages/vue-compat", "@vue/compat"),
            ("packages-private/sfc-playground", "@vue/sfc-playground"),
        ] {
            repo.write(
                format!("{folder}/package.json"),
                format!("{{\"name\": \"{name}\", \"version\": \"3.5.0\"}}\n"),
            );
            repo.write(format!("{folder}/src/index.ts"), "export const base = 1\n");
        }
        repo.commit_all("Initial import");
        for (path, scope) in [
            ("packages/runtime-core/src/header.ts", "runtime-core"),
            ("packages/vue-compat/src/header.ts", "compat"),
            (
                "packages-private/sfc-playground/src/header.ts",
                "sfc-playground",
            ),
        ] {
            repo.write(
                path,
                "export function parseHeader(input: string): number {\n  return input.length\n}\n",
            );
            repo.add([path]);
            assert_eq!(
                staged_scope(&repo).as_deref(),
                Some(scope),
                "{manifest}: {path}"
            );
            repo.git(["reset", "-q"]);
        }
    }
}

#[test]
fn go_work_modules_are_members_and_a_change_across_two_has_none() {
    let repo = TestRepo::new();
    repo.write("go.work", "go 1.22\n\nuse (\n\t./api\n\t./worker\n)\n");
    for module in ["api", "worker"] {
        repo.write(
            format!("{module}/go.mod"),
            format!("module example.com/{module}\n\ngo 1.22\n"),
        );
        repo.write(format!("{module}/base.go"), format!("package {module}\n"));
    }
    repo.commit_all("Initial import");
    let code = |module: &str| {
        format!(
            "package {module}\n\nfunc ParseHeader(input string) int {{\n\treturn len(input)\n}}\n"
        )
    };
    repo.write("worker/header.go", code("worker"));
    repo.add(["worker/header.go"]);
    assert_eq!(staged_scope(&repo).as_deref(), Some("worker"));
    // The same change given as diff text has no repository to read members from.
    let diff = repo.git_bytes(["diff", "--cached"]);
    let out = repo
        .herald(["--offline", "--diff", "-"])
        .write_stdin(diff)
        .output()
        .expect("runs");
    assert!(out.status.success(), "git-herald failed:\n{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("feat: "));
    repo.write("api/header.go", code("api"));
    repo.add(["api/header.go"]);
    assert_eq!(staged_scope(&repo), None);
}

#[test]
fn malformed_manifests_still_give_a_message() {
    let repo = TestRepo::new();
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"compiler/*\"]\n");
    // A member whose manifest cannot be read is named by its folder.
    repo.write("compiler/acme-parse/Cargo.toml", "[package\nname = ");
    repo.write("compiler/acme-parse/src/lib.rs", "pub fn base() {}\n");
    repo.commit_all("Initial import");
    stage_feature(&repo, "compiler/acme-parse/src/header.rs");
    assert_eq!(staged_scope(&repo).as_deref(), Some("acme-parse"));
    // A workspace manifest that cannot be read is no workspace, and no error.
    repo.git(["reset", "-q"]);
    repo.write("Cargo.toml", "[workspace\nmembers = [\"compiler/*\"");
    repo.add(["Cargo.toml", "compiler/acme-parse/src/header.rs"]);
    repo.herald(["--offline"]).assert().success();
}

/// A member folder that links outside the repository is named by its folder: a manifest
/// elsewhere on the machine is not read, and its name never becomes part of a message.
#[cfg(unix)]
#[test]
fn a_member_linked_outside_the_repository_is_not_read() {
    let repo = cargo_workspace();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("src")).unwrap();
    std::fs::write(
        outside.path().join("Cargo.toml"),
        "[package]\nname = \"private-payroll\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), repo.join("crates/linked")).unwrap();
    // Staged straight into the index (git will not add a path beyond a link): a new file in
    // the member folder `crates/linked`, which on disk is the link.
    let mut hash = repo.git_cmd(["hash-object", "-w", "--stdin"]);
    hash.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = hash.spawn().unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        b"pub fn parse_header(input: &str) -> usize {\n    input.len()\n}\n",
    )
    .unwrap();
    let blob = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    repo.git([
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("100644,{},crates/linked/src/header.rs", blob.trim()),
    ]);
    let out = repo.herald(["--offline"]).output().expect("runs");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("private-payroll"), "{all}");
}
