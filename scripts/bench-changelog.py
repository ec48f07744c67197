#!/usr/bin/env python3
"""Benchmark the deterministic changelog against git-cliff (issue #6, "Done means").

Rerunnable, Python 3 standard library only. It

1. builds the release binary (`cargo build --release --bin git-herald`; `--no-build` skips);
2. creates, once, a repository under `target/bench-fixtures/changelog/repo` (reused on later
   runs, rebuilt with `--fresh` or when the recipe's `FIXTURE_VERSION` changes) with
   `git fast-import`, deterministic from a fixed seed and clock: 10,000 linear commits over
   600 files, 50 annotated semver tags (a release every 196 commits, 200 commits unreleased on
   top), Conventional Commits with scopes, `!` and `BREAKING CHANGE:` footers, `(#123)` PR
   numbers and `Closes #n` trailers, and 4% plain subjects that git-herald types from their diff;
3. times, in fresh child processes, round-robin after a warm-up run each, with stdout to
   /dev/null and an isolated environment (temporary HOME, no global git config, no model
   keys, `GIT_HERALD_PROVIDER=offline`):
   - `target/release/git-herald changelog --all` (every release, newest first, unreleased on
     top: the whole history);
   - `git-cliff --config <cliff.toml>` over the same whole history (every tag and the
     unreleased commits), when git-cliff is found (`--git-cliff PATH`, else `git-cliff` on
     PATH or in `~/.cargo/bin`). Its `cliff.toml`, written next to the repository, asks for
     what git-herald does: Conventional Commits grouped into Keep a Changelog sections,
     chore/ci/test/style/build left out, the other commits kept;
4. prints the median, minimum and maximum wall time of each, the ratio of medians, and how
   many release headings each output has (both should be 51).

Install git-cliff with `cargo install git-cliff --locked` (it compiles for several minutes).

Usage:
    python3 scripts/bench-changelog.py                       # 11 runs each
    python3 scripts/bench-changelog.py --baseline /tmp/git-herald-main --latest   # before/after
    python3 scripts/bench-changelog.py --runs 21 --git-cliff /path/to/git-cliff
    python3 scripts/bench-changelog.py --no-build --json     # machine-readable summary
    python3 scripts/bench-changelog.py --fresh               # rebuild the fixture first
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Bump when the fixture's recipe changes, so a cached one is rebuilt rather than reused.
FIXTURE_VERSION = 1
SEED = 20240606
COMMITS = 10_000
TAGS = 50
TAG_EVERY = 196  # 50 releases * 196 = 9,800 commits; 200 unreleased on top
FILES = 600
EPOCH = 1_704_067_200  # 2024-01-01 UTC

CLIFF_TOML = r'''# git-cliff's settings for the benchmark: the same job as `git herald changelog --all`.
[changelog]
header = """
# Changelog

All notable changes to this project are documented in this file.\n
"""
body = """
{% if version %}\
## [{{ version | trim_start_matches(pat="v") }}] - {{ timestamp | date(format="%Y-%m-%d") }}
{% else %}\
## [Unreleased]
{% endif %}\
{% for group, commits in commits | group_by(attribute="group") %}
### {{ group | striptags | trim | upper_first }}
{% for commit in commits %}
- {% if commit.scope %}**{{ commit.scope }}:** {% endif %}\
{% if commit.breaking %}[**breaking**] {% endif %}\
{{ commit.message | upper_first }} ({{ commit.id | truncate(length=7, end="") }})\
{% endfor %}
{% endfor %}\n
"""
footer = ""
trim = true

[git]
conventional_commits = true
filter_unconventional = false
split_commits = false
protect_breaking_commits = true
filter_commits = false
tag_pattern = "v[0-9]+\\.[0-9]+\\.[0-9]+"
topo_order = false
sort_commits = "oldest"
commit_parsers = [
  { message = "^feat", group = "<!-- 1 -->Features" },
  { message = "^fix", group = "<!-- 2 -->Bug fixes" },
  { message = "^perf", group = "<!-- 3 -->Performance" },
  { message = "^security", group = "<!-- 4 -->Security" },
  { message = "^docs", group = "<!-- 5 -->Documentation" },
  { message = "^refactor", group = "<!-- 6 -->Refactoring" },
  { message = "^(chore|ci|test|style|build)", skip = true },
  { message = ".*", group = "<!-- 9 -->Other changes" },
]
'''

SHOWN_TYPES = [("feat", 30), ("fix", 28), ("docs", 8), ("perf", 4), ("refactor", 8)]
HIDDEN_TYPES = [("chore", 8), ("ci", 3), ("test", 6), ("build", 2), ("style", 1)]
SCOPES = ["api", "cli", "config", "parser", "io", "net", "auth", "db", "ui", None, None, None]
VERBS = ["add", "handle", "support", "remove", "rename", "cache", "validate", "stream", "parse",
         "retry", "document", "speed up", "simplify", "log", "expose"]
NOUNS = ["empty input", "large files", "timeouts", "the config loader", "unicode names",
         "pagination", "retries", "the token cache", "symlinks", "nested tables",
         "error messages", "the progress bar", "TLS settings", "the lock file", "headers"]


class BenchError(Exception):
    """A failure the user can act on; printed as one `error:` line."""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def target_dir() -> Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    if env:
        path = Path(env)
        return path if path.is_absolute() else ROOT / path
    return ROOT / "target"


def clean_env(home: Path) -> dict[str, str]:
    """Returns an environment free of the caller's git and git-herald settings and model keys."""
    strip = ("GIT_", "OPENAI_", "ANTHROPIC_", "AZURE_OPENAI_", "OLLAMA_", "GITHUB_", "GITLAB_")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(strip) and k not in ("XDG_CONFIG_HOME", "EMAIL")}
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL="/dev/null",
        GIT_TERMINAL_PROMPT="0",
        GIT_HERALD_PROVIDER="offline",
        LC_ALL="C",
    )
    return env


# --------------------------------------------------------------------------------------------
# The fixture


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def file_for(rng: random.Random, kind: str | None) -> str:
    """A path that fits the commit's type, so a plain subject is typed from its diff."""
    n = rng.randrange(FILES)
    if kind == "docs":
        return f"docs/guide-{n % 40}.md"
    if kind == "test":
        return f"tests/test_{n % 80}.rs"
    if kind == "ci":
        return f".github/workflows/ci-{n % 4}.yml"
    if kind == "build":
        return "Cargo.toml" if n % 2 else "build.rs"
    return f"src/{['core', 'net', 'cli', 'db', 'ui'][n % 5]}/mod_{n % 120}.rs"


def message(rng: random.Random, i: int, pr: int) -> tuple[str, str | None]:
    """Returns a commit message and the type its diff should suggest."""
    subject = f"{rng.choice(VERBS)} {rng.choice(NOUNS)}"
    if rng.random() < 0.04:
        # A plain subject: git-herald types it from the diff (docs/tests/sources).
        kind = rng.choice(["docs", "test", None])
        return f"{subject[:1].upper()}{subject[1:]} ({i})", kind
    table = SHOWN_TYPES + HIDDEN_TYPES
    kind = pick(rng, table)
    scope = rng.choice(SCOPES)
    head = kind + (f"({scope})" if scope else "")
    body = []
    if kind in ("feat", "refactor") and rng.random() < 0.03:
        head += "!"
    if rng.random() < 0.35:
        subject += f" (#{pr})"
    if rng.random() < 0.01:
        body.append(f"BREAKING CHANGE: `{rng.choice(NOUNS)}` behaves differently")
    if rng.random() < 0.15:
        body.append(f"Closes #{rng.randrange(1, pr + 1)}")
    text = f"{head}: {subject} ({i})"
    if body:
        text += "\n\n" + "\n".join(body)
    return text, kind


def fast_import_stream(out) -> None:
    """Writes the whole history as a `git fast-import` stream."""
    rng = random.Random(SEED)
    contents: dict[str, list[str]] = {}
    pr = 100
    tag_no = 0
    major, minor = 0, 1
    for i in range(1, COMMITS + 1):
        pr += 1
        text, kind = message(rng, i, pr)
        path = file_for(rng, kind)
        lines = contents.setdefault(path, [])
        lines.append(f"line {i}: {rng.getrandbits(64):016x}")
        data = ("\n".join(lines) + "\n").encode()
        msg = (text + "\n").encode()
        when = EPOCH + i * 3600
        who = rng.choice(["Ada Author <ada@example.com>", "Bo Builder <bo@example.com>",
                          "Cy Coder <cy@example.com>"])
        out.write(b"commit refs/heads/main\n")
        out.write(f"mark :{i}\n".encode())
        out.write(f"author {who} {when} +0000\n".encode())
        out.write(f"committer {who} {when} +0000\n".encode())
        out.write(f"data {len(msg)}\n".encode() + msg)
        if i > 1:
            out.write(f"from :{i - 1}\n".encode())
        out.write(f"M 100644 inline {path}\n".encode())
        out.write(f"data {len(data)}\n".encode() + data + b"\n")
        if i % TAG_EVERY == 0 and tag_no < TAGS:
            tag_no += 1
            name = f"v{major}.{minor}.0"
            if tag_no % 10 == 0:
                major, minor = major + 1, 0
            else:
                minor += 1
            note = f"Release {name}\n".encode()
            out.write(f"tag {name}\nfrom :{i}\n".encode())
            out.write(f"tagger Ada Author <ada@example.com> {when} +0000\n".encode())
            out.write(f"data {len(note)}\n".encode() + note)
    out.write(b"done\n")


def git(env: dict[str, str], repo: Path, *args: str, stdin=None) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, input=stdin,
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"`git {' '.join(args)}` failed: {done.stderr.decode().strip()}")
    return done.stdout.decode()


def ensure_fixture(base: Path, env: dict[str, str], fresh: bool) -> Path:
    repo = base / "repo"
    stamp = base / "READY"
    want = f"{FIXTURE_VERSION} {SEED} {COMMITS} {TAGS}\n"
    if not fresh and stamp.exists() and stamp.read_text() == want and repo.is_dir():
        return repo
    if repo.exists():
        shutil.rmtree(repo)
    stamp.unlink(missing_ok=True)
    base.mkdir(parents=True, exist_ok=True)
    log(f"building {repo} ({COMMITS} commits, {TAGS} tags) with git fast-import …")
    started = time.perf_counter()
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], env=env, check=True)
    with tempfile.TemporaryFile() as stream:
        fast_import_stream(stream)
        stream.seek(0)
        done = subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], env=env,
                              stdin=stream, capture_output=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"git fast-import failed: {done.stderr.decode().strip()}")
    git(env, repo, "checkout", "-q", "-f", "main")
    git(env, repo, "gc", "-q", "--aggressive", "--prune=now")
    commits = int(git(env, repo, "rev-list", "--count", "HEAD"))
    tags = len(git(env, repo, "tag", "--list").split())
    if (commits, tags) != (COMMITS, TAGS):
        raise BenchError(f"fixture has {commits} commits and {tags} tags")
    stamp.write_text(want)
    log(f"  done in {time.perf_counter() - started:.1f} s")
    return repo


# --------------------------------------------------------------------------------------------
# Timing


def find_cliff(given: str | None) -> Path | None:
    if given:
        path = Path(given)
        if not path.is_file():
            raise BenchError(f"no git-cliff at `{given}`")
        return path
    found = shutil.which("git-cliff")
    if found:
        return Path(found)
    home = Path.home() / ".cargo" / "bin" / "git-cliff"
    return home if home.is_file() else None


def run_once(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"`{' '.join(cmd)}` failed: {done.stderr.decode().strip()[:500]}")
    return elapsed


def headings(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, int]:
    """Runs once and counts the release headings and bullet lines of the output."""
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=True).stdout
    lines = out.decode(errors="replace").splitlines()
    return (sum(1 for l in lines if l.startswith("## ")),
            sum(1 for l in lines if l.startswith("- ")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="timed runs of each command")
    parser.add_argument("--git-cliff", help="path to git-cliff (default: PATH, ~/.cargo/bin)")
    parser.add_argument("--no-build", action="store_true", help="use the existing binary")
    parser.add_argument("--fresh", action="store_true", help="rebuild the fixture repository")
    parser.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    parser.add_argument("--baseline", metavar="BIN",
                        help="also time another git-herald binary (say, a build of main) as "
                             "`baseline`, round-robin with this one: before/after figures")
    parser.add_argument("--latest", action="store_true",
                        help="also time `changelog --latest` (one release: the tag walk's cost)")
    args = parser.parse_args()

    base = target_dir() / "bench-fixtures" / "changelog"
    herald = target_dir() / "release" / "git-herald"
    if not args.no_build:
        log("cargo build --release --bin git-herald …")
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "git-herald"],
                       cwd=ROOT, check=True)
    if not herald.is_file():
        raise BenchError(f"no binary at `{herald}`; run without --no-build")
    with tempfile.TemporaryDirectory(prefix="bench-changelog-") as tmp:
        env = clean_env(Path(tmp) / "home")
        repo = ensure_fixture(base, env, args.fresh)
        cliff_toml = base / "cliff.toml"
        cliff_toml.write_text(CLIFF_TOML)
        commands = {"git-herald": [str(herald), "changelog", "--all"]}
        if args.baseline:
            commands["baseline"] = [str(Path(args.baseline).resolve()), "changelog", "--all"]
        if args.latest:
            commands["latest"] = [str(herald), "changelog", "--latest"]
            if args.baseline:
                commands["base-latest"] = [str(Path(args.baseline).resolve()), "changelog",
                                           "--latest"]
        cliff = find_cliff(args.git_cliff)
        if cliff is None:
            log("git-cliff not found (`cargo install git-cliff --locked`); timing git-herald only")
        else:
            commands["git-cliff"] = [str(cliff), "--config", str(cliff_toml)]
        shape = {name: headings(cmd, repo, env) for name, cmd in commands.items()}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for name, cmd in commands.items():  # warm-up: page cache, dynamic loader
            run_once(cmd, repo, env)
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(run_once(cmd, repo, env))

    summary = {
        "commits": COMMITS, "tags": TAGS, "runs": args.runs,
        "commands": {name: " ".join(cmd) for name, cmd in commands.items()},
        "median_ms": {n: statistics.median(t) * 1e3 for n, t in times.items()},
        "min_ms": {n: min(t) * 1e3 for n, t in times.items()},
        "max_ms": {n: max(t) * 1e3 for n, t in times.items()},
        "release_headings": {n: s[0] for n, s in shape.items()},
        "bullets": {n: s[1] for n, s in shape.items()},
    }
    if "git-cliff" in times:
        summary["ratio_cliff_over_herald"] = (
            summary["median_ms"]["git-cliff"] / summary["median_ms"]["git-herald"])
    if "baseline" in times:
        summary["ratio_herald_over_baseline"] = (
            summary["median_ms"]["git-herald"] / summary["median_ms"]["baseline"])
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{COMMITS} commits, {TAGS} tags, {args.runs} runs each (wall time, ms)")
    print(f"{'command':<12} {'median':>9} {'min':>9} {'max':>9} {'releases':>9} {'bullets':>8}")
    for name in commands:
        print(f"{name:<12} {summary['median_ms'][name]:>9.1f} {summary['min_ms'][name]:>9.1f} "
              f"{summary['max_ms'][name]:>9.1f} {shape[name][0]:>9} {shape[name][1]:>8}")
    if "ratio_cliff_over_herald" in summary:
        ratio = summary["ratio_cliff_over_herald"]
        verdict = "faster" if ratio > 1 else "slower"
        print(f"git-cliff / git-herald (medians): {ratio:.2f}x: git-herald is {verdict}")
    if "ratio_herald_over_baseline" in summary:
        print(f"git-herald / baseline (medians): {summary['ratio_herald_over_baseline']:.2f}x")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
