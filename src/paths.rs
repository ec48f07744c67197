//! What a path is, from the path alone: the one path classifier of the crate.
//!
//! It answers three questions, each for the caller that has always asked it:
//! - the role a file plays in the project ([`kind`]: docs, tests, CI, manifests, build
//!   scripts, source, …) and its language ([`lang`]), for the offline engine;
//! - whether a person wrote it line by line ([`is_lockfile`], [`is_minified`],
//!   [`is_generated`], [`is_vendored`]) or it may hold credentials ([`is_secret_file`]), for
//!   the filter;
//! - how early its text is dropped when a prompt runs out of room ([`prompt_rank`]).
//!
//! The answers are not all the same shape on purpose: where two callers drew the line in
//! different places (a lockfile under `ci/`, a `requirements.txt`, a snapshot), each keeps
//! its own, and the tests at the bottom pin where they differ.

/// The role a file plays in a project, judged from its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Prose: Markdown, reStructuredText, `docs/`, README, LICENSE.
    Docs,
    /// A release-note fragment (`.changes/`, `.changeset/`, `releasenotes/notes/`, …) or a
    /// changelog; it travels with a change of any type.
    Note,
    Test,
    Ci,
    /// A package manifest (`Cargo.toml`, `package.json`, `go.mod`, …).
    Manifest,
    Lockfile,
    /// Build scripts and bundler or packaging configuration.
    Build,
    /// Tool configuration (linters, formatters, editors, git).
    Config,
    Example,
    Bench,
    Source,
    Other,
}

/// The language of a source file, for reading definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Rust,
    Python,
    Script,
    Go,
    Java,
    C,
    Markdown,
    Other,
}

/// Returns the last path component.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Returns the file name without its extensions (`foo.test.ts` → `foo`).
pub fn stem(path: &str) -> &str {
    let name = file_name(path);
    let name = name.trim_start_matches('.');
    match name.find('.') {
        Some(0) | None => name,
        Some(at) => &name[..at],
    }
}

/// Returns the extension (after the last dot), lower-case comparisons left to the caller.
pub fn extension(path: &str) -> &str {
    let name = file_name(path);
    match name.rfind('.') {
        Some(at) if at > 0 => &name[at + 1..],
        _ => "",
    }
}

/// Returns the language of a path from its extension.
pub fn lang(path: &str) -> Lang {
    match extension(path) {
        "rs" => Lang::Rust,
        "py" | "pyi" => Lang::Python,
        "js" | "jsx" | "ts" | "tsx" | "mjs" | "cjs" | "mts" | "cts" | "vue" | "svelte" => {
            Lang::Script
        }
        "go" => Lang::Go,
        "java" | "kt" | "kts" | "scala" | "cs" | "swift" | "dart" => Lang::Java,
        "c" | "h" | "cc" | "cpp" | "cxx" | "hpp" | "hh" | "hxx" | "m" | "mm" => Lang::C,
        "md" | "mdx" | "markdown" | "rst" | "adoc" => Lang::Markdown,
        _ => Lang::Other,
    }
}

/// Tells whether one of the folders on a path (not its file name) is one of `dirs`.
pub fn has_dir(path: &str, dirs: &[&str]) -> bool {
    let mut parts = path.split('/');
    parts.next_back();
    parts.any(|part| dirs.contains(&part))
}

const SOURCE_EXTENSIONS: &[&str] = &[
    "rs", "py", "pyi", "js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts", "vue", "svelte", "go",
    "java", "kt", "kts", "scala", "cs", "swift", "dart", "c", "h", "cc", "cpp", "cxx", "hpp", "hh",
    "hxx", "m", "mm", "rb", "php", "ex", "exs", "erl", "hs", "ml", "lua", "zig", "nim", "sh",
    "bash", "zsh", "fish", "ps1", "pl", "r", "jl", "clj", "elm", "sql", "css", "scss", "less",
    "html",
];

/// Tells whether a file name is a tool's list of paths to leave alone (`.gitignore`,
/// `.dockerignore`, `.prettierignore`).
pub fn is_ignore_file(name: &str) -> bool {
    name.len() > ".ignore".len()
        && name.starts_with('.')
        && name.ends_with("ignore")
        && name[1..name.len() - "ignore".len()]
            .bytes()
            .all(|b| b.is_ascii_lowercase())
}

/// Tells whether a path is a changelog (`CHANGELOG.md`, `crates/x/changelog.rst`); code
/// named for one (goreleaser's `changelog/changelog.go`) is code.
pub fn is_changelog(path: &str) -> bool {
    file_name(path)
        .to_ascii_lowercase()
        .starts_with("changelog")
        && !SOURCE_EXTENSIONS.contains(&extension(path))
}

/// Tells whether a path is a release-note fragment or a changelog. A file of code is
/// neither, whatever its name (`history.rs`, `changes.go`).
fn is_note(path: &str, name_lower: &str) -> bool {
    let named = name_lower.starts_with("changelog")
        || name_lower.starts_with("changes.")
        || name_lower.starts_with("history.")
        || name_lower.starts_with("release-notes");
    named && !SOURCE_EXTENSIONS.contains(&extension(path))
        || name_lower == "news.md"
        || path.starts_with(".changes/") && path.ends_with(".md")
        || path.starts_with(".changeset/") && path.ends_with(".md")
        || path.contains("releasenotes/notes/")
        || has_dir(
            path,
            &[
                "changelog.d",
                "newsfragments",
                "changes.d",
                "unreleased",
                "changelog_unreleased",
                "changelog-unreleased",
            ],
        )
}

/// Tells whether a path is a continuous-integration file.
pub fn is_ci(path: &str) -> bool {
    path.starts_with(".github/workflows/")
        || path.starts_with(".github/actions/")
        || path.starts_with(".circleci/")
        || path.starts_with(".kokoro/")
        || path.starts_with(".buildkite/")
        || path.starts_with(".woodpecker")
        || path.starts_with("ci/")
        || path.starts_with(".ci/")
        || matches!(
            path,
            ".gitlab-ci.yml"
                | ".travis.yml"
                | "appveyor.yml"
                | ".appveyor.yml"
                | "Jenkinsfile"
                | ".drone.yml"
                | "bitbucket-pipelines.yml"
                | "codecov.yml"
                | ".codecov.yml"
                | ".github/dependabot.yml"
                | ".github/renovate.json"
                | ".mergify.yml"
        )
        || path.starts_with("azure-pipelines")
        || path.starts_with(".gitlab/ci")
}

/// Tells whether a file outside the CI folders configures a pipeline, a deployment or a
/// release: `netlify.toml`, `vercel.json`, `fly.toml`, a changeset or covector setting
/// (`.changes/config.json`), release-please's.
pub fn configures_deployment(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    [
        "netlify.",
        "vercel.",
        "fly.toml",
        "render.yaml",
        "release-please",
        ".releaserc",
    ]
    .iter()
    .any(|p| name.starts_with(p))
        || path.starts_with(".changes/")
        || path.starts_with(".changeset/")
        || path.contains("/.changes/")
}

/// Tells whether a path is a package manifest.
pub fn is_manifest(name: &str) -> bool {
    matches!(
        name,
        "Cargo.toml"
            | "package.json"
            | "pyproject.toml"
            | "setup.py"
            | "setup.cfg"
            | "go.mod"
            | "go.work"
            | "Gemfile"
            | "pom.xml"
            | "build.gradle"
            | "build.gradle.kts"
            | "composer.json"
            | "Pipfile"
            | "environment.yml"
            | "deno.json"
            | "pnpm-workspace.yaml"
            | "mix.exs"
            | "pubspec.yaml"
            | "Package.swift"
            | "vcpkg.json"
            | "conanfile.txt"
            | "Gopkg.toml"
    ) || (name.starts_with("requirements") && name.ends_with(".txt"))
        || name.ends_with(".gemspec")
        || name.ends_with(".csproj")
}

fn is_build_script(path: &str, name: &str) -> bool {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
    // A `build.rs` inside `src/` is a module (tauri's `tooling/cli/src/build.rs`, the
    // `build` command), not Cargo's build script, which sits beside the manifest.
    if name == "build.rs" && (path.starts_with("src/") || path.contains("/src/")) {
        return false;
    }
    matches!(
        name,
        "Makefile"
            | "makefile"
            | "GNUmakefile"
            | "CMakeLists.txt"
            | "build.rs"
            | "justfile"
            | "Justfile"
            | "meson.build"
            | "BUILD"
            | "BUILD.bazel"
            | "WORKSPACE"
            | "MODULE.bazel"
            | "flake.nix"
            | "default.nix"
            | "shell.nix"
            | "Taskfile.yml"
            | "Rakefile"
            | "build.sh"
            | "MANIFEST.in"
            | ".npmignore"
            | "lerna.json"
            | "nx.json"
            | "turbo.json"
            | "Cross.toml"
            | "Makefile.toml"
    ) || starts(&[
        "Dockerfile",
        "docker-compose",
        "rollup.config",
        "webpack.config",
        "vite.config",
        "vitest.config",
        "tsconfig",
        "babel.config",
        ".babelrc",
        "esbuild",
        "tsup.config",
        ".goreleaser",
        "jest.config",
        "api-extractor",
    ]) || bundler_config(name)
        || name.ends_with(".cmake")
        || name.ends_with(".mk")
        || path.starts_with("docker/")
        || path.starts_with("scripts/build")
        || path.starts_with("scripts/release")
        || path.starts_with("scripts/dev")
        || path.starts_with(".cargo/")
}

/// A bundler's configuration under a longer name: `rollup.dts.config.js`,
/// `webpack.prod.config.ts`, `vite.lib.config.mjs`.
fn bundler_config(name: &str) -> bool {
    ["rollup.", "webpack.", "vite.", "tsup.", "esbuild."]
        .iter()
        .any(|p| name.starts_with(p))
        && name.contains(".config.")
}

fn is_config(path: &str, name: &str) -> bool {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
    starts(&[
        ".eslint",
        "eslint.config",
        ".prettier",
        "prettier.config",
        ".editorconfig",
        ".gitignore",
        ".gitattributes",
        ".gitmodules",
        ".mailmap",
        "rustfmt",
        ".rustfmt",
        "clippy",
        ".clippy",
        ".pre-commit",
        ".husky",
        ".lintstagedrc",
        ".golangci",
        ".markdownlint",
        ".flake8",
        ".pylintrc",
        ".gitleaks",
        "ruff.toml",
        ".ruff",
        "mypy.ini",
        "tox.ini",
        ".yamllint",
        "deny.toml",
        "renovate.json",
        ".renovaterc",
        "rust-toolchain",
        ".nvmrc",
        ".node-version",
        ".python-version",
        ".tool-versions",
        "typos.toml",
        "_typos.toml",
        ".cspell",
        "cspell",
        ".stylelint",
        "biome.json",
        ".dprint",
        "dprint.json",
        "committed.toml",
        "release.toml",
        ".release-please",
        "CODEOWNERS",
    ]) || path.starts_with(".vscode/")
        || path.starts_with(".idea/")
        || path.starts_with(".github/")
        || path.starts_with(".devcontainer/")
        || path.starts_with(".husky/")
}

fn is_docs(path: &str, name_lower: &str, ext: &str) -> bool {
    matches!(ext, "md" | "mdx" | "rst" | "adoc" | "markdown")
        || (ext == "txt"
            && !name_lower.starts_with("requirements")
            && name_lower != "cmakelists.txt")
        || name_lower.starts_with("readme")
        || name_lower.starts_with("contributing")
        || name_lower == "citation.cff"
        || path.starts_with("docs/")
        || path.starts_with("doc/")
        || path.starts_with("website/")
        || path.starts_with("site/")
        || has_dir(path, &["docs", "doc", "documentation"])
}

/// Tells whether a path is a spell checker's word list: a Hunspell dictionary
/// (`spellcheck.dic`), a `words.txt` or `wordlist.txt`, or a plain list in a spelling
/// tool's folder (`.github/actions/spelling/expect.txt`, `.cspell/project.txt`, Vale's
/// `Vocab/*/accept.txt`).
pub fn is_word_list(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
    ext == "dic"
        || matches!(ext, "txt" | "lst")
            && (stem.contains("word")
                || stem.contains("dict")
                || stem.contains("spell")
                || has_dir(
                    path,
                    &["spelling", ".cspell", "cspell", "Vocab", "dictionaries"],
                ))
}

/// Tells whether a path holds tests, test data or snapshots.
pub fn is_test(path: &str, name: &str) -> bool {
    let stem_end = |suffixes: &[&str]| {
        let base = name.rsplit_once('.').map_or(name, |(b, _)| b);
        suffixes.iter().any(|s| base.ends_with(s))
    };
    has_dir(
        path,
        &[
            "test",
            "tests",
            "__tests__",
            "__snapshots__",
            "__mocks__",
            "fixtures",
            "fixture",
            "testdata",
            "test-data",
            "test_data",
            "snapshots",
            "e2e",
            "spec",
            "testing",
            "testsuite",
            "integration-tests",
            "test-utils",
            "cypress",
            "playwright",
        ],
    ) || stem_end(&[
        "_test", "_tests", "_spec", ".test", ".spec", "-test", "-spec", "Test", "Tests",
    ]) || (name.starts_with("test_") && name.ends_with(".py"))
        || name == "conftest.py"
        || name.ends_with(".snap")
        || name == "tests.rs"
        || name.ends_with(".stderr") && path.contains("ui/")
        || path.starts_with("test/")
        || path.starts_with("tests/")
}

/// Returns the kind of a path.
pub fn kind(path: &str) -> Kind {
    let name = file_name(path);
    let name_lower = name.to_ascii_lowercase();
    let ext = extension(path);
    if is_note(path, &name_lower) {
        return Kind::Note;
    }
    if is_ci(path) {
        return Kind::Ci;
    }
    if is_lockfile(name) {
        return Kind::Lockfile;
    }
    if is_manifest(name) {
        return Kind::Manifest;
    }
    if is_test(path, name) {
        return Kind::Test;
    }
    // Project housekeeping reads like prose but is not documentation: templates for issues
    // and pull requests, licences, lists of people.
    let housekeeping = [
        "license",
        "licence",
        "contributors",
        "authors",
        "code_of_conduct",
        "codeowners",
        "funding",
        "maintainers",
        "security",
    ];
    if path.starts_with(".github/") || housekeeping.iter().any(|h| name_lower.starts_with(h)) {
        return Kind::Config;
    }
    if is_docs(path, &name_lower, ext) {
        return Kind::Docs;
    }
    if is_build_script(path, name) {
        return Kind::Build;
    }
    if is_config(path, name) {
        return Kind::Config;
    }
    // `com/example/` is a Java package, not an example.
    let java_package = ["com/example/", "org/example/", "net/example/"]
        .iter()
        .any(|p| path.contains(p));
    let examples = [
        "examples",
        "example",
        "demo",
        "demos",
        "playground",
        "samples",
    ];
    if !java_package && has_dir(path, &examples) {
        return Kind::Example;
    }
    if has_dir(path, &["benches", "bench", "benchmarks", "benchmark"]) {
        return Kind::Bench;
    }
    if SOURCE_EXTENSIONS.contains(&ext) {
        return Kind::Source;
    }
    Kind::Other
}

/// Tells whether a path is a lockfile of one of the common ecosystems, by file name.
pub fn is_lockfile(path: &str) -> bool {
    const NAMES: &[&str] = &[
        "Cargo.lock",
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "bun.lockb",
        "bun.lock",
        "deno.lock",
        "Gemfile.lock",
        "poetry.lock",
        "Pipfile.lock",
        "uv.lock",
        "pdm.lock",
        "pixi.lock",
        "composer.lock",
        "go.sum",
        "go.work.sum",
        "Gopkg.lock",
        "Package.resolved",
        "Podfile.lock",
        "Cartfile.resolved",
        "mix.lock",
        "pubspec.lock",
        "flake.lock",
        "packages.lock.json",
        "project.assets.json",
        "gradle.lockfile",
        "conan.lock",
        "cabal.project.freeze",
        "stack.yaml.lock",
        "MODULE.bazel.lock",
        ".terraform.lock.hcl",
        "renv.lock",
        "shard.lock",
        "vcpkg-lock.json",
    ];
    NAMES.contains(&file_name(path))
}

/// Tells whether a path is minified JavaScript or CSS, or a source map.
pub fn is_minified(path: &str) -> bool {
    const SUFFIXES: &[&str] = &[".min.js", ".min.css", ".min.mjs", ".map", "-min.js"];
    let name = file_name(path);
    SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

/// Tells whether a path is the output of a code generator (protobuf, Dart builders, …),
/// by the suffix the generator gives it.
pub fn is_generated(path: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        ".pb.go",
        "_pb2.py",
        "_pb2.pyi",
        "_pb2_grpc.py",
        ".pb.cc",
        ".pb.h",
        ".g.dart",
        ".freezed.dart",
        ".designer.cs",
        "_generated.go",
        ".generated.ts",
        ".generated.js",
        ".gen.go",
    ];
    let name = file_name(path);
    SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

/// Tells whether a path lies in a folder of third-party code (`vendor/`, `node_modules/`, …)
/// at any depth; a file of that name is not enough.
pub fn is_vendored(path: &str) -> bool {
    has_dir(
        path,
        &["vendor", "node_modules", "third_party", "bower_components"],
    )
}

/// Tells whether a path is an environment file, a private key or a credential store: a file
/// never read and never sent. Templates (`.env.example`, …) are meant to be read.
pub fn is_secret_file(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    let name = name.as_str();
    if name == ".env" || name.ends_with(".env") {
        return true;
    }
    if let Some(rest) = name.strip_prefix(".env.") {
        // Templates are meant to be committed and read.
        return !matches!(
            rest,
            "example" | "sample" | "template" | "dist" | "defaults" | "schema"
        );
    }
    const NAMES: &[&str] = &[
        "id_rsa",
        "id_dsa",
        "id_ecdsa",
        "id_ed25519",
        ".netrc",
        "_netrc",
        ".pgpass",
        ".git-credentials",
        ".htpasswd",
        "credentials.json",
        "service-account.json",
        "secrets.yml",
        "secrets.yaml",
        "secrets.json",
        ".npmrc",
        ".pypirc",
        ".dockercfg",
    ];
    const EXTENSIONS: &[&str] = &[
        ".pem",
        ".key",
        ".p12",
        ".pfx",
        ".jks",
        ".keystore",
        ".kdbx",
        ".ppk",
        ".asc",
        ".gpg",
        ".tfvars",
        ".ovpn",
    ];
    if NAMES.contains(&name) || EXTENSIONS.iter().any(|ext| name.ends_with(ext)) {
        return true;
    }
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".aws/credentials")
        || lower.ends_with(".docker/config.json")
        || (name.starts_with("client_secret") && name.ends_with(".json"))
        || (name.starts_with("service-account") && name.ends_with(".json"))
        || lower.ends_with(".kube/config")
}

/// Returns how early a file's text is dropped when a prompt cannot hold every file: 0 for
/// code and anything else (kept longest), 1 for tests, 2 for docs, 3 for fixtures and
/// snapshots (dropped first).
///
/// Coarser than [`kind`] and case-insensitive: any `.txt` counts as docs (a
/// `requirements.txt` too), fixtures and snapshots rank apart from the tests that read them,
/// and a test is found by a `tests/`, `test/` or `__tests__/` folder or a `_test.`, `.test.`
/// or `.spec.` anywhere in the path.
pub fn prompt_rank(path: &str) -> u8 {
    let p = path.to_ascii_lowercase();
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| p.ends_with(s));
    if has_dir(&p, &["fixtures", "testdata", "snapshots"]) || ends(&[".snap"]) {
        3
    } else if ends(&[".md", ".rst", ".txt"]) || has_dir(&p, &["docs"]) {
        2
    } else if has_dir(&p, &["tests", "test", "__tests__"])
        || ["_test.", ".test.", ".spec."].iter().any(|m| p.contains(m))
    {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_files_are_told_by_name() {
        for name in [
            ".gitignore",
            ".dockerignore",
            ".prettierignore",
            ".eslintignore",
        ] {
            assert!(is_ignore_file(name), "{name}");
        }
        for name in [
            "gitignore",
            ".ignore",
            "ignore",
            ".gitignore.bak",
            "README.md",
        ] {
            assert!(!is_ignore_file(name), "{name}");
        }
    }

    #[test]
    fn kinds_follow_common_layouts() {
        let cases = [
            ("README.md", Kind::Docs),
            ("docs/guide/intro.md", Kind::Docs),
            ("CHANGELOG.md", Kind::Note),
            (".changes/fix-x.md", Kind::Note),
            ("releasenotes/notes/a-1234.yaml", Kind::Note),
            ("changelog_unreleased/typescript/19621.md", Kind::Note),
            ("internal/pipe/changelog/changelog.go", Kind::Source),
            ("internal/pipe/changelog/changelog_test.go", Kind::Test),
            ("src/history.rs", Kind::Source),
            (".github/workflows/ci.yml", Kind::Ci),
            ("Cargo.lock", Kind::Lockfile),
            ("Gopkg.lock", Kind::Lockfile),
            ("Gopkg.toml", Kind::Manifest),
            (".gitleaks.toml", Kind::Config),
            ("crates/a/Cargo.toml", Kind::Manifest),
            ("requirements-dev.txt", Kind::Manifest),
            ("src/parser_test.go", Kind::Test),
            ("packages/x/__tests__/a.spec.ts", Kind::Test),
            ("tests/cli.rs", Kind::Test),
            ("test_api.py", Kind::Test),
            ("rollup.config.js", Kind::Build),
            ("Dockerfile", Kind::Build),
            ("build.rs", Kind::Build),
            ("crates/cli/build.rs", Kind::Build),
            ("tooling/cli/src/build.rs", Kind::Source),
            (".eslintrc.json", Kind::Config),
            ("examples/demo.rs", Kind::Example),
            ("benches/parse.rs", Kind::Bench),
            ("src/lib.rs", Kind::Source),
            ("src/main/java/com/example/App.java", Kind::Source),
            ("logo.png", Kind::Other),
        ];
        for (path, want) in cases {
            assert_eq!(kind(path), want, "{path}");
        }
    }

    #[test]
    fn machine_made_and_secret_files_by_name() {
        assert!(is_lockfile("web/package-lock.json") && is_lockfile("go.sum"));
        assert!(!is_lockfile("Cargo.lock.orig"));
        assert!(is_minified("static/app.min.js") && is_minified("app.js.map"));
        assert!(is_generated("api/v1/user.pb.go") && is_generated("lib/a.g.dart"));
        assert!(is_vendored("a/b/third_party/c/d.c") && !is_vendored("src/vendor"));
        assert!(is_secret_file("deploy/.env.production") && is_secret_file("A/.AWS/credentials"));
        assert!(!is_secret_file(".env.Example") && !is_secret_file("environment.rs"));
    }

    // Where the callers draw the line in different places, each keeps its own: these pin
    // the differences so that a change to one view is a decision, not an accident.
    #[test]
    fn callers_keep_their_own_lines() {
        // A lockfile in a CI folder is CI to the engine, a lockfile to the filter.
        assert_eq!(kind("ci/Cargo.lock"), Kind::Ci);
        assert!(is_lockfile("ci/Cargo.lock"));
        // Fixtures and snapshots are tests to the engine, dropped before tests by the prompt.
        assert_eq!(kind("tests/fixtures/a.json"), Kind::Test);
        assert_eq!(prompt_rank("tests/fixtures/a.json"), 3);
        assert_eq!(prompt_rank("tests/cli.rs"), 1);
        // The prompt ignores case; the engine does not.
        assert_eq!(
            (kind("TESTS/x.rs"), prompt_rank("TESTS/x.rs")),
            (Kind::Source, 1)
        );
        assert_eq!(
            (kind("a/Fixtures/b.json"), prompt_rank("a/Fixtures/b.json")),
            (Kind::Other, 3)
        );
        // Any `.txt` is docs to the prompt; the engine knows manifests and build files.
        assert_eq!(
            (kind("requirements.txt"), prompt_rank("requirements.txt")),
            (Kind::Manifest, 2)
        );
        assert_eq!(
            (kind("CMakeLists.txt"), prompt_rank("CMakeLists.txt")),
            (Kind::Build, 2)
        );
        // Prose the engine reads as notes or housekeeping is docs to the prompt.
        assert_eq!(
            (kind("CHANGELOG.md"), prompt_rank("CHANGELOG.md")),
            (Kind::Note, 2)
        );
        assert_eq!(
            (
                kind(".github/ISSUE_TEMPLATE/bug.md"),
                prompt_rank(".github/ISSUE_TEMPLATE/bug.md")
            ),
            (Kind::Config, 2)
        );
        // Docs without a `.md`, `.rst` or `.txt`, or outside `docs/`, are code to the prompt.
        for path in ["README", "guide.mdx", "doc/intro.adoc", "CITATION.cff"] {
            assert_eq!((kind(path), prompt_rank(path)), (Kind::Docs, 0), "{path}");
        }
        // Test layouts only the engine knows; and a `_test.` anywhere only the prompt sees.
        for path in ["spec/foo_spec.rb", "e2e/login.ts", "conftest.py"] {
            assert_eq!((kind(path), prompt_rank(path)), (Kind::Test, 0), "{path}");
        }
        assert_eq!(
            (kind("my_test.d/x.rs"), prompt_rank("my_test.d/x.rs")),
            (Kind::Source, 1)
        );
        assert_eq!(
            (kind("docs/api_tests.md"), prompt_rank("docs/api_tests.md")),
            (Kind::Test, 2)
        );
        // Generated and vendored code is source to the engine (which reads the filter's
        // decision beside the kind).
        assert_eq!(kind("api/v1/user.pb.go"), Kind::Source);
        assert_eq!(kind("vendor/github.com/x/y.go"), Kind::Source);
    }

    #[test]
    fn stems_drop_every_extension() {
        assert_eq!(stem("a/b/foo.test.ts"), "foo");
        assert_eq!(stem(".eslintrc.json"), "eslintrc");
        assert_eq!(stem("Makefile"), "Makefile");
        assert_eq!(extension("a.b/c"), "");
    }
}
