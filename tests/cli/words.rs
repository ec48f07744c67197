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

#[test]
fn a_lockfile_bump_takes_the_house_type_and_scope_and_its_own_package() {
    let repo = TestRepo::new();
    for i in 0..12 {
        repo.write(format!("src/f{i}.rs"), format!("fn f{i}() {{}}\n"));
        repo.add_all();
        repo.commit(&format!("feat(core): add f{i}"));
    }
    repo.write("Cargo.lock", LOCK);
    repo.add_all();
    repo.commit("build(deps): bump itoa from 1.0.1 to 1.0.2");
    repo.write("Cargo.lock", LOCK.replace("0.3.54", "0.3.53"));
    repo.add_all();
    repo.commit("build(deps): bump serde from 1.0.1 to 1.0.5");
    // Another package moves: the house's `build(deps)`, this package's name and versions
    // (not the last bump's subject with the versions swapped).
    repo.write("Cargo.lock", LOCK.replace("0.3.54", "0.3.55"));
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "build(deps): bump time from 0.3.53 to 0.3.55\n",
        ));
}

#[test]
fn a_staged_typo_fix_says_so_and_lists_the_words() {
    let repo = TestRepo::new();
    repo.write(
        "README.md",
        "# tally\n\nCount lines, so seperate runs recieve the same totals.\n",
    );
    repo.commit_all("base");
    repo.write(
        "README.md",
        "# tally\n\nCount lines, so separate runs receive the same totals.\n",
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "docs: fix typos in README\n\n- README.md: seperate → separate, recieve → receive\n",
        ));
}

#[test]
fn a_new_workspace_member_is_scoped_as_the_house_names_members() {
    let repo = TestRepo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"acme-core\", \"acme-cli\", \"acme-server\"]\n",
    );
    for member in ["core", "cli"] {
        for i in 0..12 {
            let path = format!("acme-{member}/src/lib.rs");
            let before = std::fs::read_to_string(repo.path().join(&path)).unwrap_or_default();
            repo.write(&path, format!("{before}pub fn f{i}() {{}}\n"));
            repo.add_all();
            repo.commit(&format!("feat({member}): add f{i}"));
        }
    }
    // The house writes `core`, not `acme-core`: a member it has never scoped is `server`.
    repo.write("acme-server/src/lib.rs", "pub fn serve() {}\n");
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("feat(server): "));
}

#[test]
fn staged_change_that_only_exports_or_drops_debug_output_says_so() {
    let repo = TestRepo::new();
    let effect =
        "type DebuggerEvent = {\n  key: string\n}\n\nexport function track(e: DebuggerEvent) {}\n";
    repo.write("packages/reactivity/src/effect.ts", effect);
    let window = "pub fn emit(event: &str) {\n    println!(\n        \"emit {:?}\",\n        event\n    );\n    send(event);\n}\n";
    repo.write("src/window.rs", window);
    repo.commit_all("base");

    repo.write(
        "packages/reactivity/src/effect.ts",
        effect.replace("type DebuggerEvent", "export type DebuggerEvent"),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "fix(reactivity): export DebuggerEvent from effect\n",
        ));
    repo.commit("fix: export DebuggerEvent");

    // The call spans three lines; only its removal is staged.
    repo.write(
        "src/window.rs",
        "pub fn emit(event: &str) {\n    send(event);\n}\n",
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("chore: remove debug println from window\n"));

    // A removed print beside another edit is not a removal of debug output alone.
    repo.write(
        "src/window.rs",
        "pub fn emit(event: &str) {\n    send(event.trim());\n}\n",
    );
    repo.add_all();
    let out = repo.herald(["--offline"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!text.contains("println"), "{text}");
}

#[test]
fn a_bump_takes_the_prefix_the_house_bots_write_even_under_an_allow_list() {
    let repo = TestRepo::new();
    // The project's rules list the types it allows (committed.toml): the house's `build`
    // is among them, so the house's prefix still holds.
    repo.write(
        "committed.toml",
        "allowed_types = [\"build\", \"chore\", \"docs\", \"feat\", \"fix\"]\n",
    );
    for i in 0..24 {
        repo.write(format!("src/f{i}.rs"), format!("fn f{i}() {{}}\n"));
        repo.add_all();
        repo.commit(&format!("feat(core): add f{i}"));
    }
    repo.write("Cargo.lock", LOCK);
    repo.add_all();
    repo.commit("chore: add the lockfile");
    // Dependabot's bumps: no person ever wrote one here.
    for (from, to) in [("0.3.50", "0.3.51"), ("0.3.51", "0.3.54")] {
        repo.write(
            "Cargo.lock",
            LOCK.replace("0.3.54", to).replace("0.3.55", from),
        );
        repo.add_all();
        repo.commit_as(
            "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
            &format!("build(deps): bump time from {from} to {to}"),
        );
    }
    // A lockfile bump of the package and its family (`time-macros`): one bump, by name.
    let lock = format!(
        "{}\n[[package]]\nname = \"time-macros\"\nversion = \"0.2.24\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
        LOCK.trim_end()
    );
    repo.write("Cargo.lock", &lock);
    repo.commit_all("chore: lock time-macros");
    repo.write(
        "Cargo.lock",
        lock.replace("0.3.54", "0.3.55").replace("0.2.24", "0.2.25"),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "build(deps): bump time from 0.3.54 to 0.3.55\n",
        ));
}

/// A repository whose 24 commits are plain sentences: a house without Conventional Commits.
fn plain_house() -> TestRepo {
    let repo = TestRepo::new();
    for i in 0..24 {
        repo.write(
            format!("src/f{i}.js"),
            format!("export const f{i} = {i};\n"),
        );
        repo.commit_all(&format!("Add f{i} to the exports"));
    }
    repo
}

#[test]
fn a_bump_is_worded_as_the_house_renovate_words_its_bumps() {
    // A plain-sentence house whose bumps come from Renovate.
    let repo = plain_house();
    repo.write(
        "package.json",
        "{\n  \"name\": \"acme\",\n  \"dependencies\": {\n    \"postcss\": \"8.5.20\",\n    \"vue\": \"3.5.39\"\n  }\n}\n",
    );
    repo.commit_all("Add the manifest");
    for (name, from, to) in [("vue", "3.5.39", "3.5.40"), ("postcss", "8.5.20", "8.5.21")] {
        let manifest = std::fs::read_to_string(repo.path().join("package.json")).unwrap();
        repo.write("package.json", manifest.replace(from, to));
        repo.add_all();
        repo.commit_as(
            "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>",
            &format!("Update dependency {name} to v{to} (#12)"),
        );
    }
    // A person's bump reads as the house's bumps do, not as Dependabot's.
    let manifest = std::fs::read_to_string(repo.path().join("package.json")).unwrap();
    repo.write("package.json", manifest.replace("8.5.21", "8.5.22"));
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("Update dependency postcss to v8.5.22\n"));
}

#[test]
fn a_plain_house_keeps_the_verb_of_a_fix_note() {
    let repo = plain_house();
    repo.write(
        "src/dev.js",
        "export function start(lock) {\n  return lock.pid;\n}\n",
    );
    repo.commit_all("Add the dev server");
    repo.write(
        "src/dev.js",
        "export function start(lock) {\n  return lock.pid === process.pid ? null : lock.pid;\n}\n",
    );
    repo.write(
        ".changeset/few-toys-rhyme.md",
        "---\n'astro': patch\n---\n\nFixes the dev server refusing to start in Docker containers after a restart\n",
    );
    repo.add_all();
    // No type names the fix in a sentence: the verb stays.
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "Fix the dev server refusing to start in Docker containers\n",
        ));
}

/// A note that names what went wrong (`A deadlock when …`) is that thing fixed, in a
/// sentence as in a Conventional Commits header.
#[test]
fn a_fix_note_that_names_the_problem_says_it_was_fixed() {
    let repo = plain_house();
    repo.write(
        "src/menu.js",
        "export function onEvent(menu, event) {\n  menu.handler(menu.items, event);\n}\n",
    );
    repo.commit_all("Add the menu");
    repo.write(
        "src/menu.js",
        "export function onEvent(menu, event) {\n  const items = [...menu.items];\n  menu.handler(items, event);\n}\n",
    );
    repo.write(
        ".changeset/calm-menus-wait.md",
        "---\n'app': patch\n---\n\nA deadlock when the menu changes inside its own event handler.\n",
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "Fix a deadlock when the menu changes inside its own event handler\n",
        ));
    repo.herald(["--offline", "--conventional"])
        .assert()
        .success()
        .stdout(starts_with(
            "fix: deadlock when the menu changes inside its own event handler\n",
        ));
}

#[test]
fn a_changeset_note_gives_the_type_and_the_words_without_its_links() {
    let repo = TestRepo::new();
    repo.write(
        "crates/parser/src/lib.rs",
        "pub fn parse(src: &str) -> usize {\n    src.len()\n}\n",
    );
    repo.commit_all("base");
    // New public items would read as a feature; the author's note says it is a fix.
    repo.write(
        "crates/parser/src/lib.rs",
        "pub fn parse(src: &str) -> usize {\n    src.trim().len()\n}\n\npub fn parse_partial(src: &str) -> Option<usize> {\n    Some(parse(src))\n}\n",
    );
    repo.write(
        ".changeset/quiet-owls-sing.md",
        "---\n\"@acme/parser\": patch\n---\n\nFixed [#11416](https://github.com/acme/parser/issues/11416): the parser no longer crashes on incomplete `{let}` declarations, such as `{let x`.\n",
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "fix(parser): the parser no longer crashes on incomplete `{let}`\n",
        ));
}

/// hyper writes its clippy campaign as `style(lib): remove ref_option lint`; a lint fixed
/// takes that type and scope, as a bump takes the house's bump prefix.
#[test]
fn a_lint_fixed_takes_the_type_and_scope_the_house_gives_lint_fixes() {
    let repo = TestRepo::new();
    let manifest = |lints: &[&str]| {
        let mut text =
            String::from("[package]\nname = \"acme\"\nversion = \"0.1.0\"\n\n[lints.clippy]\n");
        for lint in lints {
            text.push_str(&format!("{lint} = \"allow\"\n"));
        }
        text
    };
    let mut lints = vec![
        "ref_option",
        "needless_continue",
        "ptr_as_ptr",
        "manual_assert_eq",
    ];
    repo.write("Cargo.toml", manifest(&lints));
    repo.write("src/lib.rs", "pub fn f() {}\n");
    repo.commit_all("feat(core): add f");
    for i in 0..3 {
        let gone = lints.remove(0);
        repo.write("Cargo.toml", manifest(&lints));
        repo.write("src/lib.rs", format!("pub fn f() {{}}\n// {i}\n"));
        repo.add_all();
        repo.commit(&format!("style(lib): remove {gone} lint"));
    }
    repo.write("README.md", "# acme\n");
    repo.add_all();
    repo.commit("docs: fix clippy badge");
    // The last lint's `allow` dropped, the code made to pass it.
    repo.write("Cargo.toml", manifest(&[]));
    repo.write("src/lib.rs", "pub fn f() {}\n// passes manual_assert_eq\n");
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("style(lib): fix manual_assert_eq lint\n"));
}

/// hyper types its CI changes `chore(ci)`: a workflow change is still named as one (the
/// action a job gained), not as the file (`update CI.yml`).
#[test]
fn a_workflow_change_in_a_chore_ci_house_names_the_action_it_adds() {
    let repo = TestRepo::new();
    let workflow = |extra: &str| {
        format!(
            "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n{extra}      - name: Test\n        run: cargo test\n"
        )
    };
    repo.write("src/lib.rs", "pub fn f() {}\n");
    repo.commit_all("feat(core): add f");
    for i in 0..24 {
        repo.write(".github/workflows/CI.yml", workflow(&"#\n".repeat(i)));
        repo.add_all();
        repo.commit(&format!("chore(ci): tweak CI {i}"));
    }
    repo.write(
        ".github/workflows/CI.yml",
        workflow("      - uses: Swatinem/rust-cache@v2\n"),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "chore(ci): add Swatinem/rust-cache to CI workflow\n",
        ));
}

/// tokio's `process: add Command::into_std()`: five lines of docs over three of code, in a
/// file whose history is mostly docs commits. New API, named under the area alone (not
/// `process: document into_std in process`).
#[test]
fn a_public_item_added_with_long_docs_in_an_area_house_is_added() {
    let repo = TestRepo::new();
    let base = "pub struct Command {\n    std: u32,\n}\n\nimpl Command {\n    /// Borrows the std command.\n    pub fn as_std(&self) -> &u32 {\n        &self.std\n    }\n}\n";
    repo.write("src/process/mod.rs", base);
    repo.write("src/sync/mod.rs", "pub fn s() {}\n");
    repo.commit_all("process: add Command");
    for i in 0..12 {
        repo.write(
            "src/process/mod.rs",
            format!("//! Processes, take {i}.\n{base}"),
        );
        repo.add_all();
        repo.commit(&format!("process: clarify docs, take {i}"));
        repo.write("src/sync/mod.rs", format!("pub fn s() {{}}\n// {i}\n"));
        repo.add_all();
        repo.commit(&format!("sync: tidy s, take {i}"));
    }
    let added = base.replace(
        "    /// Borrows the std command.",
        "    /// Cheaply converts into a std command.\n    ///\n    /// Options of this crate are lost.\n    ///\n    /// See also [`as_std`].\n    pub fn into_std(self) -> u32 {\n        self.std\n    }\n\n    /// Borrows the std command.",
    );
    repo.write(
        "src/process/mod.rs",
        format!("//! Processes, take 11.\n{added}"),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("process: add into_std\n"));
}

/// uv's `Update Rust to 1.98 and MSRV to 1.96`: the toolchain file and the manifest's
/// `rust-version` moved, with code fixed for the new compiler beside them.
#[test]
fn a_toolchain_and_msrv_bump_is_named_by_its_versions() {
    let repo = TestRepo::new();
    let manifest = |msrv: &str| {
        format!("[package]\nname = \"acme\"\nversion = \"0.1.0\"\nrust-version = \"{msrv}\"\n")
    };
    repo.write("Cargo.toml", manifest("1.95.0"));
    repo.write("rust-toolchain.toml", "[toolchain]\nchannel = \"1.97.1\"\n");
    repo.write(
        "src/lib.rs",
        "pub fn f(x: Option<u32>) -> u32 {\n    x.map_or(0, |x| x)\n}\n",
    );
    repo.commit_all("feat: add f");
    repo.write("Cargo.toml", manifest("1.96.0"));
    repo.write("rust-toolchain.toml", "[toolchain]\nchannel = \"1.98.0\"\n");
    repo.write(
        "src/lib.rs",
        "pub fn f(x: Option<u32>) -> u32 {\n    x.unwrap_or_default()\n}\n",
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "chore: bump Rust toolchain to 1.98.0 and MSRV to 1.96.0\n",
        ));
}

/// jj heads its lint fixes `clippy: …` whatever file they touch: a lint enabled, with the
/// code made to pass it, takes that area, not the area the files' neighbours name
/// (`index: …`, `cargo: …`).
#[test]
fn a_lint_fixed_in_an_area_house_takes_the_area_the_house_gives_lint_fixes() {
    let repo = TestRepo::new();
    let manifest = |lints: &[&str], note: &str| {
        let mut text = format!(
            "[package]\nname = \"acme\"\nversion = \"0.1.0\"\n# {note}\n\n[lints.clippy]\n"
        );
        for lint in lints {
            text.push_str(&format!("{lint} = \"warn\"\n"));
        }
        text
    };
    repo.write("Cargo.toml", manifest(&[], ""));
    repo.write("src/index.rs", "pub fn f() {}\n");
    repo.commit_all("index: add f");
    for i in 0..16 {
        repo.write("src/sync.rs", format!("pub fn s() {{}}\n// {i}\n"));
        repo.add_all();
        repo.commit(&format!("sync: tidy s, take {i}"));
    }
    let mut lints = Vec::new();
    for (i, lint) in [
        "ref_option",
        "ptr_as_ptr",
        "cast_lossless",
        "needless_continue",
    ]
    .into_iter()
    .enumerate()
    {
        lints.push(lint);
        repo.write("Cargo.toml", manifest(&lints, ""));
        repo.write(format!("src/m{i}.rs"), "pub fn m() {}\n");
        repo.add_all();
        repo.commit(&format!("clippy: fix {lint} lint"));
    }
    for i in 0..6 {
        repo.write("Cargo.toml", manifest(&lints, &format!("take {i}")));
        repo.add_all();
        repo.commit(&format!("cargo: tidy manifest, take {i}"));
        repo.write("src/index.rs", format!("pub fn f() {{}}\n// {i}\n"));
        repo.add_all();
        repo.commit(&format!("index: tidy f, take {i}"));
    }
    lints.push("stable_sort_primitive");
    repo.write("Cargo.toml", manifest(&lints, "take 5"));
    repo.write("src/index.rs", "pub fn f() {}\n// sorted unstably\n");
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("clippy: enable stable_sort_primitive lint\n"));
}

/// helix's `languages.toml`: a long registry whose entries are named far above the lines a
/// change touches. The table and the entry come from the staged file, not the hunk.
const LANGUAGES: &str = r##"[language-server]
fsharp-ls = { command = "fsautocomplete" }
gleam = { command = "gleam", args = ["lsp"] }
nil = { command = "nil" }

[[language]]
name = "cpp"
scope = "source.cpp"
injection-regex = "cpp"
file-types = ["cc", "hh", "cpp"]
comment-token = "//"
indent = { tab-width = 2, unit = "  " }

[[language]]
name = "git-config"
scope = "source.gitconfig"
injection-regex = "git-config"
comment-token = "#"
file-types = ["gitconfig", { glob = ".gitmodules" }]
indent = { tab-width = 4, unit = "\t" }

[[language]]
name = "ghostty"
scope = "source.ghostty"
injection-regex = "ghostty"
comment-token = "#"
file-types = ["ghostty"]
indent = { tab-width = 2, unit = "  " }

[[grammar]]
name = "ghostty"
source = { git = "https://github.com/bezhermoso/tree-sitter-ghostty", rev = "8438a93" }
"##;

#[test]
fn registry_changes_are_named_by_the_entry_they_sit_in() {
    let repo = TestRepo::new();
    repo.write("languages.toml", LANGUAGES);
    repo.commit_all("base");
    let subject = |changed: String| {
        repo.write("languages.toml", changed);
        repo.add_all();
        let out = repo.herald(["--offline"]).output().expect("runs");
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        text.lines().next().unwrap_or_default().to_owned()
    };
    // A language server added, and taken up by one language.
    let server = LANGUAGES
        .replace(
            "gleam = {",
            "ghostty-ls = { command = \"ghostty-ls\" } # https://github.com/MKindberg/ghostty-ls\ngleam = {",
        )
        .replace(
            "file-types = [\"ghostty\"]\nindent = { tab-width = 2, unit = \"  \" }\n",
            "file-types = [\"ghostty\"]\nindent = { tab-width = 2, unit = \"  \" }\nlanguage-servers = [\"ghostty-ls\"]\n",
        );
    assert_eq!(
        subject(server),
        "feat: add ghostty-ls language server for ghostty"
    );
    // Taken up by two (helix's `asm-lsp` for `nasm` and `gas`).
    let two = LANGUAGES
        .replace("gleam = {", "ghostty-ls = { command = \"ghostty-ls\" }\ngleam = {")
        .replace(
            "indent = { tab-width = 4, unit = \"\\t\" }\n",
            "indent = { tab-width = 4, unit = \"\\t\" }\nlanguage-servers = [\"ghostty-ls\"]\n",
        )
        .replace(
            "file-types = [\"ghostty\"]\nindent = { tab-width = 2, unit = \"  \" }\n",
            "file-types = [\"ghostty\"]\nindent = { tab-width = 2, unit = \"  \" }\nlanguage-servers = [\"ghostty-ls\"]\n",
        );
    assert_eq!(
        subject(two),
        "feat: add ghostty-ls language server for git-config and ghostty"
    );
    // A glob put into one language's file types.
    let glob = LANGUAGES.replace(
        "{ glob = \".gitmodules\" }]",
        "{ glob = \".gitmodules\" }, { glob = \".lfsconfig\" }]",
    );
    assert!(
        subject(glob).ends_with("add .lfsconfig to git-config file-types"),
        "the entry's name is five lines above the change"
    );
    // A formatter given to one language.
    let formatter = LANGUAGES.replace(
        "indent = { tab-width = 2, unit = \"  \" }\n\n[[language]]\nname = \"git-config\"",
        "indent = { tab-width = 2, unit = \"  \" }\nformatter = { command = \"clang-format\" }\n\n[[language]]\nname = \"git-config\"",
    );
    assert!(
        subject(formatter).ends_with("add clang-format formatter for cpp"),
        "a table that runs a command is named by it"
    );
}

/// tauri's `SkipDevTools::No` → `SkipDevTools::Yes` read `refactor: rename No to Yes`: a
/// switch flipped is what the code now does, and a behaviour changed.
#[test]
fn a_switch_flipped_says_what_the_code_now_does() {
    let repo = TestRepo::new();
    let call = |skip: &str| {
        format!(
            "pub fn command() {{\n    setup(\n        target,\n        SkipDevTools::{skip},\n        ReinstallDeps::Yes,\n    );\n}}\n"
        )
    };
    repo.write("cli/src/mobile/setup.rs", call("No"));
    repo.commit_all("base");
    repo.write("cli/src/mobile/setup.rs", call("Yes"));
    repo.add_all();
    let out = repo.herald(["--offline"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let header = text.lines().next().unwrap_or_default();
    assert!(header.ends_with(": skip dev tools in setup"), "{header}");
    assert!(!header.starts_with("refactor"), "{header}");
}

/// haystack's `docs: remove versioned 2.18 docs and api reference` (393 files deleted) read
/// `chore: update faq.mdx and experimental_agents_api.md`.
#[test]
fn a_documentation_version_taken_out_is_said_as_such() {
    let repo = TestRepo::new();
    repo.write("site/versions.json", "[\"2.19\", \"2.18\"]\n");
    for page in ["intro", "install", "agents"] {
        repo.write(
            format!("site/versioned_docs/version-2.18/{page}.md"),
            format!("# {page}\n\nSome words.\n"),
        );
    }
    repo.write(
        "site/versioned_sidebars/version-2.18-sidebars.json",
        "{\"docs\": []}\n",
    );
    repo.commit_all("base");
    repo.write("site/versions.json", "[\"2.19\"]\n");
    repo.git([
        "rm",
        "-q",
        "-r",
        "site/versioned_docs",
        "site/versioned_sidebars",
    ]);
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("docs: remove versioned 2.18 docs\n"));
}

/// tauri's `rename tooling/cli.rs folder to tooling/cli` read `feat: extend config and
/// sync-cli-metadata`: the staged renames (found by libgit2, as the hook reads them) and
/// the manifest line that points at the new path are one folder renamed.
#[test]
fn a_folder_renamed_with_its_references_is_said_as_the_rename() {
    let repo = TestRepo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"tooling/cli.rs\"]\n",
    );
    repo.write(
        "tooling/cli.rs/Cargo.toml",
        "[package]\nname = \"tauri-cli\"\n",
    );
    for i in 0..11 {
        repo.write(
            format!("tooling/cli.rs/src/part{i}.rs"),
            format!("pub fn part{i}() -> u32 {{\n    {i}\n}}\n"),
        );
    }
    repo.commit_all("base");
    repo.git(["mv", "tooling/cli.rs", "tooling/cli"]);
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"tooling/cli\"]\n");
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "refactor: rename tooling/cli.rs to tooling/cli\n",
        ));
}

/// goreleaser's `add a debug log on git config` read `fix: correct ExtractRepoFromConfig`:
/// a logger call added, with its import, is logging added to the function.
#[test]
fn a_log_call_added_is_said_as_logging() {
    let repo = TestRepo::new();
    let code = |import: &str, log: &str| {
        format!(
            "package git\n\nimport (\n\t\"fmt\"\n{import})\n\n// ExtractRepoFromConfig reads the origin.\nfunc ExtractRepoFromConfig() (string, error) {{\n\tout, err := run(\"remote\")\n\tif err != nil {{\n\t\treturn \"\", fmt.Errorf(\"no remote\")\n\t}}\n{log}\treturn out, nil\n}}\n"
        )
    };
    repo.write("internal/git/config.go", code("", ""));
    repo.commit_all("base");
    repo.write(
        "internal/git/config.go",
        code(
            "\t\"github.com/apex/log\"\n",
            "\tlog.Debugf(\"got raw git url: %q\", out)\n",
        ),
    );
    repo.add_all();
    let out = repo.herald(["--offline"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.ends_with(": add debug logging to ExtractRepoFromConfig"),
        "{header}"
    );
}

/// A README's hunk far under its heading is named by that heading, read from the staged
/// file (ripgrep's install commands, forty lines under `### Installation`), with the one
/// thing its added paragraph sets in bold; a changelog
/// entry moved to another section says where it went, the heading read the same way.
#[test]
fn markdown_hunks_are_placed_under_the_headings_above_them() {
    let repo = TestRepo::new();
    let filler: String = (0..30)
        .map(|i| format!("Paragraph {i} of prose.\n\n"))
        .collect();
    let readme = format!(
        "# tool\n\n## Usage\n\nRun it.\n\n## Installation\n\n{filler}If you're a **FreeBSD** user, use ports.\n"
    );
    repo.write("README.md", &readme);
    let changelog = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n* A new flag.\n\n### Fixed bugs\n\n* One fix.\n\n## [0.38.0] - 2026-02-04\n\n### Fixed bugs\n\n* `jj undo` works again.\n\n* Another fix.\n";
    repo.write("CHANGELOG.md", changelog);
    repo.commit_all("base");
    repo.write(
        "README.md",
        readme.replace(
            "If you're a **FreeBSD**",
            "If you're a **Void Linux** user, use xbps.\n\nIf you're a **FreeBSD**",
        ),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "docs: add Void Linux to Installation section in README\n",
        ));
    repo.git(["reset", "-q", "--hard"]);
    let moved = changelog
        .replace("* `jj undo` works again.\n\n", "")
        .replace("* One fix.\n", "* One fix.\n\n* `jj undo` works again.\n");
    repo.write("CHANGELOG.md", moved);
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "chore: move changelog entry for `jj undo` works again to Unreleased\n",
        ));
}

/// A `# comment` deep inside fenced code is no heading: git reads from the staged file that
/// the hunk starts inside a block (jj's `# Windows` in a TOML example read as a section).
#[test]
fn comments_deep_in_fenced_code_are_no_headings() {
    let repo = TestRepo::new();
    let example: String = (0..12).map(|i| format!("key{i} = {i}\n")).collect();
    let page = format!(
        "# Config\n\n## Fix tools\n\nAn example:\n\n```toml\n[fix.tools.biome]\n{example}# Linux and macOS\ncommand = [\"biome\"]\n# Windows\ncommand = [\"biome.exe\"]\n```\n\nMore prose.\n"
    );
    repo.write("docs/config.md", &page);
    repo.commit_all("base");
    repo.write(
        "docs/config.md",
        page.replace(
            "# Linux and macOS\ncommand = [\"biome\"]\n# Windows\ncommand = [\"biome.exe\"]\n",
            "command = [\"biome\", \"format\"]\n",
        ),
    );
    repo.add_all();
    let out = repo.herald(["--offline"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let header = text.lines().next().unwrap_or_default();
    assert!(
        !header.contains("Windows") && !header.contains("macOS"),
        "{header}"
    );
}

/// tokio's `io: swap reader/writer in simplex doc test` (#7199): two lines of a doc example
/// edited, the function the docs are of twenty lines below, past the hunk and an
/// attribute. Git reads the file for the item and the fence: `update mem.rs` before.
#[test]
fn an_edited_doc_example_names_the_item_below_it() {
    let repo = TestRepo::new();
    let mut text = String::from("//! Pipes.\n\nuse std::io;\n\n/// Creates a pipe.\n///\n");
    for i in 0..12 {
        text.push_str(&format!("/// Line {i} of the prose about pipes.\n"));
    }
    text.push_str(
        "///\n/// ```\n/// # async fn ex() {\n/// let (writer, reader) = pipes::simplex(64);\n\
         /// let stream = writer.unsplit(reader);\n/// stream.flush().await;\n\
         /// stream.close().await;\n/// stream.drop().await;\n/// # }\n/// ```\n",
    );
    for i in 0..8 {
        text.push_str(&format!("/// More prose {i}.\n"));
    }
    text.push_str(
        "#[cfg_attr(\n    docsrs,\n    doc(cfg(feature = \"io-util\"))\n)]\n\
         pub fn simplex(max: usize) -> io::Result<usize> {\n    Ok(max)\n}\n",
    );
    repo.write("src/mem.rs", &text);
    repo.commit_all("base");
    let swapped = text
        .replace("let (writer, reader)", "let (reader, writer)")
        .replace("writer.unsplit(reader)", "reader.unsplit(writer)");
    repo.write("src/mem.rs", swapped);
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("docs: fix simplex doc example\n"));
}

/// A workflow's job named by its key: one taken out (tokio's `ci: remove the job
/// test-pass`), and lines edited deep inside another, its key thirty lines above the hunk
/// (read from the staged file by git): never `update ci workflow`.
#[test]
fn a_workflow_change_names_the_job_it_touches() {
    let repo = TestRepo::new();
    let mut ci = String::from("name: CI\non:\n  push:\n    branches: [main]\njobs:\n");
    ci.push_str("  tests-pass:\n    name: all systems go\n    runs-on: ubuntu-latest\n    needs:\n      - wasm\n    steps:\n      - run: exit 0\n");
    ci.push_str("  wasm:\n    runs-on: ubuntu-latest\n    env:\n");
    for i in 0..30 {
        ci.push_str(&format!("      FLAG_{i}: \"{i}\"\n"));
    }
    ci.push_str("    steps:\n      - uses: actions/checkout@v4\n      - run: cargo build --target wasm32-wasip1\n");
    repo.write(".github/workflows/ci.yml", &ci);
    repo.commit_all("ci: add CI");
    let gone = ci.replace(
        "  tests-pass:\n    name: all systems go\n    runs-on: ubuntu-latest\n    needs:\n      - wasm\n    steps:\n      - run: exit 0\n",
        "",
    );
    repo.write(".github/workflows/ci.yml", &gone);
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("ci: remove tests-pass job from ci workflow\n"));
    let edited = ci.replace("wasm32-wasip1", "wasm32-wasip2");
    repo.write(".github/workflows/ci.yml", &edited);
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("ci: update wasm job in ci workflow\n"));
}

/// ripgrep's `ignore/types: add .env to sh file type`: strings put into a row of a table
/// written over lines, the row's first line far above the hunk (git reads it from the
/// staged file), and into a row written on one line: the strings and the row.
#[test]
fn strings_put_into_a_table_row_name_the_row() {
    let repo = TestRepo::new();
    let mut types = String::from(
        "pub const TYPES: &[(&[&str], &[&str])] = &[\n    (&[\"rust\"], &[\"*.rs\"]),\n    (&[\"sh\"], &[\n",
    );
    for i in 0..12 {
        types.push_str(&format!("        \".shell{i}\", \"shell{i}\",\n"));
    }
    types.push_str(
        "        \"*.bash\", \"*.sh\",\n    ]),\n    (&[\"toml\"], &[\"*.toml\"]),\n];\n",
    );
    repo.write("src/default_types.rs", &types);
    repo.commit_all("base");
    repo.write(
        "src/default_types.rs",
        types.replace("\"*.bash\", \"*.sh\",", "\"*.bash\", \"*.env\", \"*.sh\","),
    );
    repo.add_all();
    let subject = |repo: &TestRepo| {
        let out = repo.herald(["--offline"]).assert().success();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        stdout.lines().next().unwrap_or_default().to_owned()
    };
    let got = subject(&repo);
    assert!(got.ends_with(": add *.env to sh"), "{got}");
    repo.write(
        "src/default_types.rs",
        types.replace("&[\"*.toml\"]", "&[\"*.toml\", \"Cargo.lock\"]"),
    );
    repo.add_all();
    let got = subject(&repo);
    assert!(got.ends_with(": add Cargo.lock to toml"), "{got}");
}

/// New tests named after a flag and passing it (bat's three `quiet_empty_…` tests) are
/// tests for that flag, whatever file holds them; one such test says what it pins.
#[test]
fn new_tests_of_a_flag_name_the_flag() {
    let repo = TestRepo::new();
    let base = "use assert_cmd::Command;\n\n#[test]\nfn basic() {\n    Command::cargo_bin(\"bat\").unwrap().arg(\"x\").assert().success();\n}\n";
    repo.write("tests/integration_tests.rs", base);
    repo.commit_all("base");
    let case = |name: &str| {
        format!(
            "\n#[test]\nfn {name}() {{\n    Command::cargo_bin(\"bat\").unwrap().arg(\"--quiet-empty\").assert().success();\n}}\n"
        )
    };
    let three = [
        "quiet_empty_suppresses_output_on_empty_stdin",
        "quiet_empty_does_not_affect_non_empty_input",
        "quiet_empty_suppresses_output_on_empty_file",
    ];
    let all: String = three.iter().map(|n| case(n)).collect();
    repo.write("tests/integration_tests.rs", format!("{base}{all}"));
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("test: add tests for --quiet-empty\n"));
    repo.write(
        "tests/integration_tests.rs",
        format!("{base}{}", case(three[0])),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with(
            "test: add test for --quiet-empty suppresses output on empty stdin\n",
        ));
}

/// A shell completion script goes by its shell, never by the program it completes
/// (ripgrep's `complete/rg.zsh` read `fix rg`).
#[test]
fn a_completion_script_goes_by_its_shell() {
    let repo = TestRepo::new();
    let script = "#compdef rg\n\n_rg() {\n  local -a args\n  args=(\n    '--files[print files]'\n  )\n  _arguments -s -S $args\n}\n";
    repo.write("crates/core/flags/complete/rg.zsh", script);
    repo.commit_all("base");
    repo.write(
        "crates/core/flags/complete/rg.zsh",
        script.replace("_arguments -s -S", "_arguments -s -S -C"),
    );
    repo.add_all();
    let subject = first_subject(&repo);
    assert!(subject.contains("zsh completion"), "{subject}");
    assert!(!subject.contains(" rg"), "{subject}");
}

/// A submodule moved to another URL is named by the submodule (bat's `chore: Change URL
/// of Zig submodule`), never as a link fixed in `.gitmodules`.
#[test]
fn a_submodule_url_moved_names_the_submodule() {
    let repo = TestRepo::new();
    let modules = "[submodule \"assets/syntaxes/02_Extra/Zig\"]\n\tpath = assets/syntaxes/02_Extra/Zig\n\turl = https://github.com/ziglang/sublime-zig-language.git\n";
    repo.write(".gitmodules", modules);
    repo.commit_all("base");
    repo.write(".gitmodules", modules.replace("github.com", "codeberg.org"));
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("chore: change URL of Zig submodule\n"));
}

/// Links made secure say so, by their labels (axum's `[rovo](http://docs.rs/rovo)` made
/// `https://`); a link moved elsewhere is named by its label.
#[test]
fn links_moved_are_named_by_their_labels() {
    let repo = TestRepo::new();
    let page = "# Ecosystem\n\n- [rovo](http://docs.rs/rovo): OpenAPI docs for axum.\n- [aide](https://docs.rs/aide): more docs.\n";
    repo.write("ECOSYSTEM.md", page);
    repo.commit_all("base");
    repo.write("ECOSYSTEM.md", page.replace("http://", "https://"));
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("docs: use HTTPS for rovo link in ECOSYSTEM\n"));
    repo.write(
        "ECOSYSTEM.md",
        page.replace("https://docs.rs/aide", "https://crates.io/crates/aide"),
    );
    repo.add_all();
    repo.herald(["--offline"])
        .assert()
        .success()
        .stdout(starts_with("docs: fix aide link in ECOSYSTEM\n"));
}

/// A trait derived above an item whose other attributes run past the hunk (bevy's
/// `FloatOrd`, under a `#[cfg_attr(` of five lines) is said as derived for that item.
#[test]
fn a_derive_above_a_long_attribute_names_its_item() {
    let repo = TestRepo::new();
    let code = "/// Sorts floats.\n#[derive(Debug, Copy, Clone)]\n#[cfg_attr(\n    feature = \"bevy_reflect\",\n    derive(Reflect),\n    reflect(Debug, PartialEq, Hash)\n)]\npub struct FloatOrd(pub f32);\n";
    repo.write("crates/bevy_math/src/float_ord.rs", code);
    repo.commit_all("base");
    repo.write(
        "crates/bevy_math/src/float_ord.rs",
        code.replace("Clone)]", "Clone, Default)]"),
    );
    repo.add_all();
    let subject = first_subject(&repo);
    assert!(
        subject.ends_with("derive Default for FloatOrd"),
        "{subject}"
    );
}

/// The first line the offline engine writes for what is staged; the run must succeed.
fn first_subject(repo: &TestRepo) -> String {
    let out = repo.herald(["--offline"]).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// A change deep in a method names the method, not its `impl`: git's function context
/// reads only unindented lines, so jj's `add_heads()` read as `MutableRepo`.
#[test]
fn a_change_deep_in_a_method_names_the_method() {
    let repo = TestRepo::new();
    let body: String = (0..12)
        .map(|i| format!("        let step{i} = self.step({i});\n"))
        .collect();
    let code = format!(
        "pub struct MutableRepo;\n\nimpl MutableRepo {{\n    pub fn add_heads(\n        &mut self,\n        heads: &[u32],\n    ) -> usize {{\n{body}        heads.len()\n    }}\n\n    fn step(&self, n: u32) -> u32 {{\n        n\n    }}\n}}\n"
    );
    repo.write("lib/src/repo.rs", &code);
    repo.commit_all("base");
    repo.write(
        "lib/src/repo.rs",
        code.replace("self.step(9)", "self.step(9).max(1)"),
    );
    repo.add_all();
    let subject = first_subject(&repo);
    assert!(
        subject.contains("add_heads") && !subject.contains("MutableRepo"),
        "{subject}"
    );
}
