//! What a path is: docs, tests, CI, manifests, build scripts, source, and its language.

/// The role a file plays in a project, judged from its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
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
pub(crate) enum Lang {
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
pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Returns the file name without its extensions (`foo.test.ts` → `foo`).
pub(crate) fn stem(path: &str) -> &str {
    let name = file_name(path);
    let name = name.trim_start_matches('.');
    match name.find('.') {
        Some(0) | None => name,
        Some(at) => &name[..at],
    }
}

/// Returns the extension (after the last dot), lower-case comparisons left to the caller.
pub(crate) fn extension(path: &str) -> &str {
    let name = file_name(path);
    match name.rfind('.') {
        Some(at) if at > 0 => &name[at + 1..],
        _ => "",
    }
}

/// Returns the language of a path from its extension.
pub(crate) fn lang(path: &str) -> Lang {
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

fn has_dir(path: &str, dirs: &[&str]) -> bool {
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

/// Tells whether a path is a release-note fragment or a changelog.
fn is_note(path: &str, name_lower: &str) -> bool {
    name_lower.starts_with("changelog")
        || name_lower.starts_with("changes.")
        || name_lower.starts_with("history.")
        || name_lower.starts_with("release-notes")
        || name_lower == "news.md"
        || path.starts_with(".changes/") && path.ends_with(".md")
        || path.starts_with(".changeset/") && path.ends_with(".md")
        || path.contains("releasenotes/notes/")
        || has_dir(
            path,
            &["changelog.d", "newsfragments", "changes.d", "unreleased"],
        )
}

/// Tells whether a path is a continuous-integration file.
pub(crate) fn is_ci(path: &str) -> bool {
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

/// Tells whether a path is a package manifest.
pub(crate) fn is_manifest(name: &str) -> bool {
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
    ) || (name.starts_with("requirements") && name.ends_with(".txt"))
        || name.ends_with(".gemspec")
        || name.ends_with(".csproj")
}

fn is_build_script(path: &str, name: &str) -> bool {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
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
    ]) || name.ends_with(".cmake")
        || name.ends_with(".mk")
        || path.starts_with("docker/")
        || path.starts_with("scripts/build")
        || path.starts_with("scripts/release")
        || path.starts_with("scripts/dev")
        || path.starts_with(".cargo/")
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

/// Tells whether a path holds tests, test data or snapshots.
pub(crate) fn is_test(path: &str, name: &str) -> bool {
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
pub(crate) fn kind(path: &str) -> Kind {
    let name = file_name(path);
    let name_lower = name.to_ascii_lowercase();
    let ext = extension(path);
    if is_note(path, &name_lower) {
        return Kind::Note;
    }
    if is_ci(path) {
        return Kind::Ci;
    }
    if crate::filter::is_lockfile(name.into()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_common_layouts() {
        let cases = [
            ("README.md", Kind::Docs),
            ("docs/guide/intro.md", Kind::Docs),
            ("CHANGELOG.md", Kind::Note),
            (".changes/fix-x.md", Kind::Note),
            ("releasenotes/notes/a-1234.yaml", Kind::Note),
            (".github/workflows/ci.yml", Kind::Ci),
            ("Cargo.lock", Kind::Lockfile),
            ("crates/a/Cargo.toml", Kind::Manifest),
            ("requirements-dev.txt", Kind::Manifest),
            ("src/parser_test.go", Kind::Test),
            ("packages/x/__tests__/a.spec.ts", Kind::Test),
            ("tests/cli.rs", Kind::Test),
            ("test_api.py", Kind::Test),
            ("rollup.config.js", Kind::Build),
            ("Dockerfile", Kind::Build),
            ("build.rs", Kind::Build),
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
    fn stems_drop_every_extension() {
        assert_eq!(stem("a/b/foo.test.ts"), "foo");
        assert_eq!(stem(".eslintrc.json"), "eslintrc");
        assert_eq!(stem("Makefile"), "Makefile");
        assert_eq!(extension("a.b/c"), "");
    }
}
