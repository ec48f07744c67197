#!/usr/bin/env python3
"""Benchmark git-herald against the floor of libgit2 itself (issue #2, "Done means").

Rerunnable, Python 3 standard library only (no hyperfine). It

1. builds the release binaries (`cargo build --release --bin git-herald --example git2-floor`);
2. creates, once, two fixture repositories under `target/bench-fixtures/` (reused on later runs,
   rebuilt with `--fresh`), deterministic from a fixed seed:
   (a) `big-repo`: 20,000 tracked files in nested directories with realistic sizes, committed
       and packed, then a one-line change staged;
   (b) `big-diff`: a staged diff of about 5 MB over 2,000 files (modified sources in several
       languages, added, deleted and renamed files, a lockfile and manifests);
3. times each command in a fresh child process, round-robin, after warm-up runs, and reports
   the median, minimum and 90th percentile wall time; then, in runs of their own, the peak RSS
   (`ru_maxrss` of the child and the children it waited for, as the hook's `sh` waits for
   git-herald) read by GNU time, or by a `python3 -c` wrapper where that is missing:
   (a) the installed `prepare-commit-msg` hook script on a fresh git-like message file,
       `git2-floor`, `git diff --cached` and `git-herald --offline`;
   (b) `git-herald --offline` and `git2-floor` (and, for reference, `git diff --cached` and the
       hook);
4. prints a table, the ratios against the floor and whether each target of issue #2 is met:
   hook <= 1.2x floor and < 100 ms; 5 MB offline message <= 1.5x floor and < 100 MB peak RSS.

Every command runs with an isolated environment: a temporary HOME and XDG_CONFIG_HOME, no
system or global git config, no GIT_* or GIT_HERALD_* variables from the caller.

The targets are judged on the ratio of medians, as issue #2 asks. On a shared machine wall
times wander, so the table also gives the ratio of the fastest runs and of the median CPU time
(user + system, which leaves out waiting for a CPU); `--callgrind` adds instruction counts
(valgrind's callgrind, one run each), which do not wander at all, and keeps the profiles under
`target/bench-fixtures/callgrind/` for `callgrind_annotate --inclusive=yes --tree=calling`.

Fixtures are a cache of this script's: one left half-made by an interrupted run, or made by an
older recipe (`FIXTURE_VERSION`), is removed and made again; one whose staged changes were
altered is reported, not touched (rerun with `--fresh`). Nothing else is ever removed.

Usage:
    python3 scripts/bench.py                  # build, fixtures (cached), 15 runs each
    python3 scripts/bench.py --runs 31 --json > bench.json
    python3 scripts/bench.py --scenario a --no-build
    python3 scripts/bench.py --callgrind      # add instruction counts (a few minutes more)
    python3 scripts/bench.py --fresh          # rebuild the fixture repositories first
    python3 scripts/bench.py --check          # exit 1 when a target is missed
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Bump when the fixtures' recipe changes, so cached ones are rebuilt rather than reused.
FIXTURE_VERSION = 1
SEED = 20240601

MS = 1e3
TARGETS = {
    "hook_vs_floor": 1.2,
    "hook_ms": 100.0,
    "offline_vs_floor": 1.5,
    "offline_rss_mb": 100.0,
}


class BenchError(Exception):
    """A failure the user can act on; printed as one `error:` line."""


class FakeServer:
    """An OpenAI-compatible chat-completions server on 127.0.0.1 for the model benchmarks
    (bench-large.py, bench-model.py): every request waits `delay` seconds, then streams one
    SSE chunk, a message for the final call and a summary for a map call. Records when each
    request arrived and its kind."""

    def __init__(self, delay: float = 0.0):
        import json as _json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.delay, self.arrivals, self.kinds, self.lock = delay, [], [], threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: with Nagle on, a kept-alive connection
            # waits ~40 ms for the client's delayed ACK between them, which no real server does.
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_POST(self):
                now = time.perf_counter()
                body = _json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
                system = body["messages"][0]["content"]
                kind = "final" if system.startswith("You write") else "map"
                with outer.lock:
                    outer.arrivals.append(now)
                    outer.kinds.append(kind)
                if outer.delay:
                    time.sleep(outer.delay)
                text = ("feat: rework modules\n\n- many changes" if kind == "final"
                        else "- part summary")
                chunk = {"choices": [{"delta": {"content": text}, "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 1000, "completion_tokens": 10}}
                data = f"data: {_json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode()
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def count(self) -> int:
        """Requests answered so far."""
        with self.lock:
            return len(self.arrivals)

    def reset(self) -> None:
        with self.lock:
            self.arrivals, self.kinds = [], []


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Environment


def target_dir() -> Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    if env:
        path = Path(env)
        return path if path.is_absolute() else ROOT / path
    return ROOT / "target"


def clean_env(home: Path, extra_path: Path | None = None) -> dict[str, str]:
    """Returns an environment free of the caller's git and git-herald settings, and of model
    provider keys, so that the hook measured is the offline engine's."""
    strip = ("GIT_", "PRE_COMMIT_", "OPENAI_", "ANTHROPIC_", "AZURE_OPENAI_", "OLLAMA_", "GITHUB_")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(strip) and k not in ("XDG_CONFIG_HOME", "EMAIL")
    }
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL="/dev/null",
        GIT_TERMINAL_PROMPT="0",
        LC_ALL="C",
    )
    if extra_path is not None:
        env["PATH"] = f"{extra_path}{os.pathsep}{env.get('PATH', '')}"
    return env


def fixture_env(home: Path) -> dict[str, str]:
    env = clean_env(home)
    env.update(
        GIT_AUTHOR_NAME="Bench Author",
        GIT_AUTHOR_EMAIL="author@example.com",
        GIT_AUTHOR_DATE="2024-06-01T12:00:00Z",
        GIT_COMMITTER_NAME="Bench Committer",
        GIT_COMMITTER_EMAIL="committer@example.com",
        GIT_COMMITTER_DATE="2024-06-01T12:00:00Z",
    )
    return env


def git(repo: Path, env: dict[str, str], *args: str, capture: bool = False) -> str:
    proc = subprocess.run(
        ["git", *args],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if proc.returncode != 0:
        raise BenchError(
            f"`git {' '.join(args)}` failed in `{repo}` (exit {proc.returncode}): "
            + proc.stderr.decode(errors="replace").strip()
        )
    return proc.stdout.decode(errors="replace") if capture else ""


def build(skip: bool) -> tuple[Path, Path]:
    tdir = target_dir()
    herald = tdir / "release" / "git-herald"
    floor = tdir / "release" / "examples" / "git2-floor"
    if not skip:
        cmd = ["cargo", "build", "--release", "--bin", "git-herald", "--example", "git2-floor"]
        log(f"building: {' '.join(cmd)}")
        try:
            # Cargo's output goes to stderr so that `--json` keeps stdout clean.
            proc = subprocess.run(cmd, cwd=ROOT, stdout=sys.stderr, stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise BenchError("`cargo` is not on PATH; install Rust (https://rustup.rs)") from None
        if proc.returncode != 0:
            raise BenchError(
                f"`{' '.join(cmd)}` failed (exit {proc.returncode}); see the compiler output "
                "above (or pass `--no-build` to time the binaries already built)"
            )
    for path in (herald, floor):
        if not os.access(path, os.X_OK):
            raise BenchError(f"`{path}` is missing; run without `--no-build` to build it")
    return herald, floor


# --------------------------------------------------------------------------------------------
# Synthetic source code: deterministic, varied enough that blobs do not repeat, shaped like
# real code (definitions, bodies, comments) so that diff hunks carry function context.

WORDS = (
    "parse render config user request buffer token index cache entry handle stream commit "
    "branch session value state event queue worker client server path file node tree graph "
    "error result option filter scope limit offset batch record schema table column query "
    "retry timeout socket header payload message account order invoice price amount window "
    "layout widget theme color image frame metric counter gauge span trace level policy "
    "route tenant quota lease snapshot shard replica ledger cursor digest"
).split()
DIRS = (
    "src lib core api net io util internal cmd pkg app components services models views "
    "controllers handlers tests docs tools scripts config assets web server client common "
    "shared parser codegen runtime storage db cache auth http grpc proto cli ui widgets layout "
    "plugins drivers platform crypto metrics tracing scheduler billing search sync"
).split()
TYPES = ("Config", "Request", "Buffer", "Entry", "Session", "Record", "Index", "Event", "Node")


def snake(rng: random.Random, n: int = 2) -> str:
    return "_".join(rng.choice(WORDS) for _ in range(n))


def camel(rng: random.Random, n: int = 2) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0] + "".join(w.title() for w in words[1:])


def pascal(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.choice(WORDS).title() for _ in range(n))


def fill(rng: random.Random, template: str) -> str:
    return template.format(
        a=snake(rng),
        b=snake(rng, 1),
        c=camel(rng),
        d=camel(rng, 1),
        T=rng.choice(TYPES),
        U=pascal(rng),
        n=rng.randint(0, 4096),
        m=rng.randint(1, 64),
        w=" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))),
    )


# Per language: file header lines, a definition's opening lines, body statements, closing.
LANGS: dict[str, dict] = {
    "rs": {
        "head": ["//! {w}.", "", "use crate::{b}::{{{T}, {U}}};", "use std::collections::HashMap;", ""],
        "open": [
            "/// Returns the {w}.",
            "pub fn {a}(&self, {b}: &{T}) -> Result<{U}, Error> {{",
        ],
        "alt_open": ["#[derive(Debug, Clone)]", "pub struct {U} {{"],
        "alt_body": ["    pub {a}: {T},", "    {b}: Option<usize>,", "    /// {w}.", "    pub {b}_count: u32,"],
        "body": [
            "    let mut {a} = Vec::with_capacity({n});",
            "    for {b} in {a}.iter() {{",
            "        if {b}.{a} > {n} {{ return Err(Error::{U}); }}",
            "    }}",
            "    let {b} = self.{a}.get(&{b}).copied().unwrap_or({n});",
            "    // {w}",
            "    {a}.insert({b}.clone(), {T}::new({m}));",
            "    self.{a}({b}, {n})?;",
            "    match {b} {{ Some(v) => v.{a}(), None => {T}::default() }};",
        ],
        "close": ["    Ok({U}::from({b}))", "}}", ""],
        "alt_close": ["}}", ""],
    },
    "py": {
        "head": ['"""{w}."""', "", "import os", "from .{b} import {U}, {T}", ""],
        "open": ["def {a}(self, {b}, {a}=None):", '    """Return the {w}."""'],
        "alt_open": ["class {U}({T}):", '    """{w}."""', ""],
        "alt_body": ["    {a} = {n}", "    {b}: int = {m}", "    # {w}"],
        "body": [
            "    {a} = self.{b}.get({b}, {n})",
            "    for {b} in {a}:",
            "        if {b}.{a} > {n}:",
            "            raise {U}Error({b})",
            "    # {w}",
            "    result = [{b} for {b} in {a} if {b}]",
            "    self.{a}[{b}] = {T}({m})",
            "    logger.debug('{w}', {b})",
        ],
        "close": ["    return {a}", "", ""],
        "alt_close": ["", ""],
    },
    "js": {
        "head": ["// {w}", "'use strict';", "", "const {{ {c} }} = require('./{b}');", ""],
        "open": ["/** {w} */", "function {c}({d}, options = {{}}) {{"],
        "alt_open": ["class {U} extends {T} {{", "  constructor({d}) {{", "    super({d});"],
        "alt_body": ["    this.{d} = {d};", "    this.{c} = {n};", "    // {w}"],
        "body": [
            "  const {c} = {d}.map((x) => x.{d} + {n});",
            "  if ({c}.length > {m}) {{",
            "    throw new Error('{w}');",
            "  }}",
            "  // {w}",
            "  let {d} = await this.{c}({d}, {n});",
            "  options.{c} = options.{c} || {m};",
        ],
        "close": ["  return {c};", "}}", ""],
        "alt_close": ["  }}", "}}", ""],
    },
    "ts": {
        "head": ["// {w}", "import {{ {U}, {T} }} from './{b}';", ""],
        "open": ["/** {w} */", "export async function {c}({d}: {T}, limit = {n}): Promise<{U}> {{"],
        "alt_open": ["export interface {U} {{"],
        "alt_body": ["  {d}: {T};", "  {c}?: number;", "  /** {w} */", "  readonly {d}Id: string;"],
        "body": [
            "  const {c}: {T}[] = {d}.items.filter((x) => x.{d} > {n});",
            "  if ({c}.length > limit) {{",
            "    throw new {U}Error(`{w}`);",
            "  }}",
            "  // {w}",
            "  const {d} = await this.{c}.fetch({d}, {{ timeout: {n} }});",
        ],
        "close": ["  return {{ {d}, {c} }} as {U};", "}}", ""],
        "alt_close": ["}}", ""],
    },
    "go": {
        "head": ["// Package {b}: {w}.", "package {b}", "", "import (", '\t"fmt"', '\t"strings"', ")", ""],
        "open": ["// {U} returns the {w}.", "func (s *{T}) {U}({d} string, n int) (*{U}, error) {{"],
        "alt_open": ["// {U} holds the {w}.", "type {U} struct {{"],
        "alt_body": ["\t{U} {T}", "\t{d} int", "\t// {w}"],
        "body": [
            "\t{d} := make([]string, 0, {n})",
            "\tfor _, {d} := range s.{d} {{",
            "\t\tif len({d}) > {n} {{",
            '\t\t\treturn nil, fmt.Errorf("{w}: %v", {d})',
            "\t\t}}",
            "\t}}",
            "\t// {w}",
            '\ts.{d} = strings.TrimSpace({d} + "{b}")',
        ],
        "close": ["\treturn &{U}{{}}, nil", "}}", ""],
        "alt_close": ["}}", ""],
    },
    "java": {
        "head": ["package com.example.{b};", "", "import java.util.List;", "import java.util.Map;", ""],
        "open": ["    /** {w}. */", "    public {U} {c}({T} {d}, int limit) throws {U}Exception {{"],
        "alt_open": ["    /** {w}. */", "    public static final class {U} {{"],
        "alt_body": ["        private final {T} {d};", "        private int {c} = {n};"],
        "body": [
            "        List<{T}> {c} = this.{d}.stream().filter(x -> x.{d}() > {n}).toList();",
            "        if ({c}.size() > limit) {{",
            '            throw new {U}Exception("{w}");',
            "        }}",
            "        // {w}",
            "        Map<String, {T}> {d} = repository.{c}({d}, {m});",
        ],
        "close": ["        return new {U}({d});", "    }}", ""],
        "alt_close": ["    }}", ""],
    },
    "c": {
        "head": ["/* {w} */", "#include <stdio.h>", '#include "{b}.h"', ""],
        "open": ["/* {w} */", "int {a}(struct {b} *{b}, size_t n)", "{{"],
        "alt_open": ["struct {a} {{"],
        "alt_body": ["\tint {b};", "\tsize_t {a}_len;", "\t/* {w} */"],
        "body": [
            "\tsize_t {b} = {n};",
            "\tfor (size_t i = 0; i < n; i++) {{",
            "\t\tif ({b}->{a}[i] > {n})",
            "\t\t\treturn -{m};",
            "\t}}",
            "\t/* {w} */",
            "\t{b}->{a} = {a}_init({b}, {m});",
        ],
        "close": ["\treturn 0;", "}}", ""],
        "alt_close": ["}};", ""],
    },
    "md": {
        "head": ["# {U}", "", "{w}.", ""],
        "open": ["## {U}", ""],
        "alt_open": ["### {U}", ""],
        "alt_body": ["- {w}", "- `{a}`: {w}"],
        "body": [
            "{w} {w}.",
            "The `{a}` option sets the {w}; see [{U}](./{b}.md).",
            "- {w}",
            "",
            "```sh", "git herald {b} --{d} {n}", "```",
        ],
        "close": [""],
        "alt_close": [""],
    },
    "yaml": {
        "head": ["# {w}", "version: {m}", ""],
        "open": ["{a}:"],
        "alt_open": ["{b}:"],
        "alt_body": ["  - {a}", "  - name: {d}"],
        "body": ["  {a}: {n}", "  {b}: \"{w}\"", "  enabled: true", "  # {w}"],
        "close": [""],
        "alt_close": [""],
    },
    "json": {
        "head": ["{{"],
        "open": ['  "{a}": {{'],
        "alt_open": ['  "{b}_list": ['],
        "alt_body": ['    "{w}",'],
        "body": ['    "{c}": {n},', '    "{d}": "{w}",'],
        "close": ['    "id": {n}', "  }},"],
        "alt_close": ['    "{b}"', "  ],"],
    },
    "toml": {
        "head": ["# {w}", ""],
        "open": ["[{a}]"],
        "alt_open": ["[[{b}]]"],
        "alt_body": ['name = "{d}"'],
        "body": ["{a} = {n}", '{b} = "{w}"'],
        "close": [""],
        "alt_close": [""],
    },
}
# Header and source files share a generator; the extension is what a path shows.
EXT_LANG = {"rs": "rs", "py": "py", "js": "js", "ts": "ts", "go": "go", "java": "java",
            "c": "c", "h": "c", "cpp": "c", "md": "md", "yaml": "yaml", "json": "json",
            "toml": "toml"}
EXT_WEIGHTS = [("rs", 12), ("py", 14), ("js", 10), ("ts", 12), ("go", 10), ("java", 10),
               ("c", 6), ("h", 5), ("cpp", 5), ("md", 6), ("json", 4), ("yaml", 4), ("toml", 2)]


def gen_block(rng: random.Random, lang: str) -> list[str]:
    spec = LANGS[lang]
    if rng.random() < 0.2:
        lines = [fill(rng, t) for t in spec["alt_open"]]
        lines += [fill(rng, rng.choice(spec["alt_body"])) for _ in range(rng.randint(2, 8))]
        lines += [fill(rng, t) for t in spec["alt_close"]]
        return lines
    lines = [fill(rng, t) for t in spec["open"]]
    lines += [fill(rng, rng.choice(spec["body"])) for _ in range(rng.randint(3, 22))]
    lines += [fill(rng, t) for t in spec["close"]]
    return lines


def gen_statement(rng: random.Random, lang: str) -> str:
    return fill(rng, rng.choice(LANGS[lang]["body"]))


def gen_file(rng: random.Random, lang: str, size: int) -> list[str]:
    lines = [fill(rng, t) for t in LANGS[lang]["head"]]
    total = sum(len(line) + 1 for line in lines)
    while total < size:
        block = gen_block(rng, lang)
        lines += block
        total += sum(len(line) + 1 for line in block)
    if lang == "json":
        lines.append('  "end": true')
        lines.append("}")
    return lines


def file_size(rng: random.Random, median: float, sigma: float, cap: int) -> int:
    return max(60, min(cap, int(rng.lognormvariate(math.log(median), sigma))))


def gen_dirs(rng: random.Random, count: int, max_depth: int) -> list[str]:
    """A tree of `count` directories, up to `max_depth` deep, bushier near the top."""
    dirs = [""]
    depth = {"": 0}
    seen = {""}
    while len(dirs) < count + 1:
        # Prefer shallow parents so that the tree has a realistic shape.
        parent = rng.choice(dirs[: max(2, len(dirs))])
        if depth[parent] >= max_depth or (depth[parent] >= 2 and rng.random() < 0.3):
            continue
        name = rng.choice(DIRS) if rng.random() < 0.7 else snake(rng, 1)
        path = f"{parent}/{name}" if parent else name
        if path in seen:
            continue
        seen.add(path)
        dirs.append(path)
        depth[path] = depth[parent] + 1
    return dirs[1:]


def pick_ext(rng: random.Random) -> str:
    return rng.choices([e for e, _ in EXT_WEIGHTS], weights=[w for _, w in EXT_WEIGHTS])[0]


def gen_paths(rng: random.Random, dirs: list[str], count: int) -> list[tuple[str, str]]:
    """Returns (path, extension) pairs, unique."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(out) < count:
        d = rng.choice(dirs)
        ext = pick_ext(rng)
        stem = camel(rng) if ext in ("java", "ts") else snake(rng)
        if ext == "java":
            stem = stem[0].upper() + stem[1:]
        path = f"{d}/{stem}.{ext}"
        if path in seen:
            continue
        seen.add(path)
        out.append((path, ext))
    return out


def write_text(root: Path, rel: str, lines: list[str]) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


GITATTRIBUTES = ["*.png binary", "*.lock -diff", "docs/generated/** linguist-generated", ""]


def init_repo(repo: Path, env: dict[str, str]) -> None:
    repo.mkdir(parents=True)
    git(repo, env, "init", "-q", "-b", "main")
    for key, value in (("gc.auto", "0"), ("core.autocrlf", "false"), ("commit.gpgSign", "false")):
        git(repo, env, "config", key, value)


def commit_all(repo: Path, env: dict[str, str], message: str) -> None:
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "--no-verify", "-m", message)
    # A user's clone is packed; loose objects would make every read slower than in real life.
    git(repo, env, "gc", "-q")


# --------------------------------------------------------------------------------------------
# Fixtures


@dataclass
class Fixture:
    name: str
    repo: Path
    info: dict = field(default_factory=dict)


def build_big_repo(repo: Path, env: dict[str, str]) -> dict:
    """(a) 20,000 tracked files, committed and packed; then one line changed and staged."""
    rng = random.Random(SEED)
    init_repo(repo, env)
    dirs = gen_dirs(rng, 1400, 6)
    paths = gen_paths(rng, dirs, 20_000 - 3)
    total = 0
    for i, (rel, ext) in enumerate(paths):
        if i % 97 == 96:
            # About 1% binaries (images), as in most real trees.
            rel = rel.rsplit(".", 1)[0] + ".png"
            data = b"\x89PNG\r\n\x1a\n" + rng.randbytes(file_size(rng, 6000, 1.0, 200_000))
            p = repo / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
            total += len(data)
            continue
        lines = gen_file(rng, EXT_LANG[ext], file_size(rng, 2500, 1.0, 160_000))
        write_text(repo, rel, lines)
        total += sum(len(line) + 1 for line in lines)
    write_text(repo, ".gitattributes", GITATTRIBUTES)
    write_text(repo, "README.md", ["# big-repo", "", "A benchmark fixture of git-herald."])
    write_text(repo, "Cargo.toml", ['[package]', 'name = "big-repo"', 'version = "0.1.0"'])
    commit_all(repo, env, "Import the tree")
    # The one-line change: a Rust file a few directories down.
    target = next(p for p, e in paths if e == "rs" and p.count("/") >= 3)
    text = (repo / target).read_text().split("\n")
    idx = next(i for i, line in enumerate(text) if line.startswith("    ") and i > 5)
    text[idx] = text[idx] + "  // one-line change"
    (repo / target).write_text("\n".join(text))
    git(repo, env, "add", "--", target)
    return {"files_in_head": len(paths) + 3, "bytes_in_head": total, "changed": target}


def modify_lines(rng: random.Random, lang: str, lines: list[str]) -> list[str]:
    """Applies 1-7 edits: replaced statements, inserted definitions, deleted lines."""
    out = list(lines)
    ops = rng.choices(range(1, 8), weights=[10, 16, 16, 14, 10, 6, 4])[0]
    spots = sorted(rng.sample(range(2, max(3, len(out))), min(ops, max(1, len(out) - 2))),
                   reverse=True)
    for spot in spots:
        kind = rng.random()
        if kind < 0.5:
            n = rng.randint(1, 4)
            indent = out[spot][: len(out[spot]) - len(out[spot].lstrip())] if spot < len(out) else ""
            out[spot : spot + n] = [
                indent + gen_statement(rng, lang).lstrip() for _ in range(rng.randint(1, n + 1))
            ]
        elif kind < 0.85:
            out[spot:spot] = gen_block(rng, lang)
        else:
            del out[spot : spot + rng.randint(1, 8)]
    if out == lines:
        out.append(gen_statement(rng, lang))
    return out


def build_big_diff(repo: Path, env: dict[str, str]) -> dict:
    """(b) A staged diff of ~5 MB over 2,000 files."""
    rng = random.Random(SEED + 1)
    init_repo(repo, env)
    dirs = gen_dirs(rng, 260, 5)
    paths = gen_paths(rng, dirs, 2_600)
    contents: dict[str, tuple[str, list[str]]] = {}
    for rel, ext in paths:
        lang = EXT_LANG[ext]
        lines = gen_file(rng, lang, file_size(rng, 3000, 0.9, 60_000))
        contents[rel] = (lang, lines)
        write_text(repo, rel, lines)
    manifest = ["[package]", 'name = "big-diff"', 'version = "0.1.0"', "", "[dependencies]"]
    deps = [f'{snake(rng, 1)}-{snake(rng, 1)} = "1.{i % 40}.{i % 7}"' for i in range(40)]
    write_text(repo, "Cargo.toml", manifest + deps)
    lock = []
    for i in range(1500):
        lock += ["[[package]]", f'name = "crate-{i}"', f'version = "0.{i % 30}.{i % 11}"',
                 f'checksum = "{rng.randbytes(32).hex()}"', ""]
    write_text(repo, "Cargo.lock", lock)
    write_text(repo, ".gitattributes", GITATTRIBUTES)
    commit_all(repo, env, "Import the tree")

    order = list(contents)
    rng.shuffle(order)
    # 1,648 sources + Cargo.toml + Cargo.lock modified, 30 deleted, 20 renamed, 300 added.
    modified, deleted, renamed = order[:1648], order[1648:1678], order[1678:1698]
    for rel in modified:
        lang, lines = contents[rel]
        write_text(repo, rel, modify_lines(rng, lang, lines))
    for rel in deleted:
        (repo / rel).unlink()
    for rel in renamed:
        lang, lines = contents[rel]
        (repo / rel).unlink()
        new = rel.rsplit("/", 1)[0] + "/" + snake(rng) + "." + rel.rsplit(".", 1)[1]
        # Small edits keep the similarity high enough to be found as a rename.
        edited = list(lines)
        edited[len(edited) // 2 : len(edited) // 2] = [gen_statement(rng, lang)]
        write_text(repo, new, edited)
    added = 0
    while added < 300:
        rel, ext = gen_paths(rng, dirs, 1)[0]
        if (repo / rel).exists():
            continue
        write_text(repo, rel, gen_file(rng, EXT_LANG[ext], file_size(rng, 3000, 0.8, 40_000)))
        added += 1
    # A dependency bump, and the lockfile churn that comes with it (stats only by default).
    deps[3] = deps[3].replace('"1.', '"2.')
    write_text(repo, "Cargo.toml", manifest + deps)
    for package in range(0, len(lock) // 5, 5):
        lock[package * 5 + 2] = lock[package * 5 + 2][:-1] + '1"'
        lock[package * 5 + 3] = f'checksum = "{rng.randbytes(32).hex()}"'
    write_text(repo, "Cargo.lock", lock)
    git(repo, env, "add", "-A")
    return {"files_in_head": len(paths) + 3}


FIXTURES = {
    "a": ("big-repo", build_big_repo),
    "b": ("big-diff", build_big_diff),
}


def staged_shortstat(repo: Path, env: dict[str, str]) -> str:
    return git(repo, env, "diff", "--cached", "--shortstat", capture=True).strip()


def staged_bytes(repo: Path, env: dict[str, str]) -> int:
    proc = subprocess.run(["git", "diff", "--cached"], cwd=repo, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return len(proc.stdout)


def ensure_fixture(key: str, base: Path, fresh: bool) -> Fixture:
    name, builder = FIXTURES[key]
    root = base / name
    repo = root / "repo"
    marker = root / "fixture.json"
    env = fixture_env(base / "home")
    if fresh and root.exists():
        log(f"fixture {name}: removing it to rebuild (--fresh)")
        shutil.rmtree(root)
    if marker.exists() and not (repo / ".git").is_dir():
        # Someone removed the repository but not our marker: start again.
        marker.unlink()
    if marker.exists():
        info = json.loads(marker.read_text())
        if info.get("version") == FIXTURE_VERSION and info.get("seed") == SEED:
            now = staged_shortstat(repo, env)
            if now != info.get("shortstat"):
                raise BenchError(
                    f"fixture `{repo}` has changed since it was made (staged: `{now}`, "
                    f"expected `{info.get('shortstat')}`); rerun with `--fresh` to rebuild it"
                )
            log(f"fixture {name}: reusing `{repo}` ({info['shortstat']})")
            return Fixture(name, repo, info)
        log(f"fixture {name}: made by another version of this script; rebuilding")
        shutil.rmtree(root)
    elif root.exists():
        # No marker: an interrupted build of ours. Nothing in it is worth keeping.
        log(f"fixture {name}: incomplete (interrupted?); rebuilding")
        shutil.rmtree(root)
    log(f"fixture {name}: creating `{repo}` (once; later runs reuse it)")
    started = time.perf_counter()
    info = builder(repo, env)
    info.update(
        version=FIXTURE_VERSION,
        seed=SEED,
        shortstat=staged_shortstat(repo, env),
        diff_bytes=staged_bytes(repo, env),
        tracked=int(git(repo, env, "ls-files", capture=True).count("\n")),
    )
    marker.write_text(json.dumps(info, indent=2) + "\n")
    log(f"fixture {name}: done in {time.perf_counter() - started:.0f} s ({info['shortstat']})")
    return Fixture(name, repo, info)


# --------------------------------------------------------------------------------------------
# Timing


@dataclass
class Command:
    key: str
    label: str
    argv: list[str]
    # Called before each run, untimed (e.g. a fresh message file for the hook).
    prepare: object = None
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)


def run_once(cmd: Command, cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Returns the wall time, the CPU time (user + system, the child's and its children's)
    and the exit code of one run."""
    if cmd.prepare is not None:
        cmd.prepare()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd.argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, proc.returncode


# Peak RSS needs a small parent: Linux counts the memory a process had before `exec` in its
# peak, and a child forked from this script starts with all of this script's pages (tens of
# MB here). GNU time is ~1 MB; a bare Python is ~10 MB (the `true` row shows the floor).
PY_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,"
    " stderr=subprocess.DEVNULL)\n"
    "open(sys.argv[1], 'w').write(f'{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}')\n"
    "sys.exit(code)\n"
)


def gnu_time() -> str | None:
    path = shutil.which("time") or "/usr/bin/time"
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return path if "GNU" in out.stdout + out.stderr else None


def peak_rss_kb(cmd: Command, cwd: Path, env: dict[str, str], time_bin: str | None) -> int:
    """Runs the command once under a small wrapper and returns its peak RSS in KiB."""
    if cmd.prepare is not None:
        cmd.prepare()
    with tempfile.NamedTemporaryFile("r", prefix="bench-rss-", suffix=".txt") as out:
        if time_bin:
            argv = [time_bin, "-q", "-f", "%M", "-o", out.name, *cmd.argv]
        else:
            argv = [sys.executable, "-c", PY_RSS, out.name, *cmd.argv]
        proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise BenchError(f"`{' '.join(cmd.argv)}` exited with {proc.returncode}")
        text = out.read().strip()
    try:
        return int(text.split()[-1])
    except (ValueError, IndexError):
        raise BenchError(f"could not read the peak RSS of `{' '.join(cmd.argv)}`: {text!r}") \
            from None


def verify(cmd: Command, cwd: Path, env: dict[str, str], check) -> None:
    """Runs a command once, outside the timing, and checks it did the real work."""
    if cmd.prepare is not None:
        cmd.prepare()
    proc = subprocess.run(cmd.argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = proc.stderr.decode(errors="replace").strip()
    if proc.returncode != 0:
        raise BenchError(f"`{' '.join(cmd.argv)}` failed (exit {proc.returncode}): {err}")
    problem = check(proc.stdout, err) if check else None
    if problem:
        raise BenchError(f"{cmd.label}: {problem}")


def measure(cmds: list[Command], cwd: Path, env: dict[str, str], runs: int, warmup: int,
            rss_runs: int) -> None:
    for cmd in cmds:
        for _ in range(warmup):
            run_once(cmd, cwd, env)
    # Round-robin, so a burst of load from elsewhere on the machine hits every command alike.
    for i in range(runs):
        for j in range(len(cmds)):
            cmd = cmds[(i + j) % len(cmds)]
            elapsed, cpu, code = run_once(cmd, cwd, env)
            if code != 0:
                raise BenchError(f"`{' '.join(cmd.argv)}` exited with {code} on run {i + 1}")
            cmd.times.append(elapsed)
            cmd.cpu.append(cpu)
        log(f"  run {i + 1}/{runs}")
    # Memory is measured in runs of its own: the wrapper it needs costs a process start.
    time_bin = gnu_time()
    for _ in range(rss_runs):
        for cmd in cmds:
            cmd.rss_kb.append(peak_rss_kb(cmd, cwd, env, time_bin))


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(cmd: Command) -> dict:
    return {
        "label": cmd.label,
        "argv": cmd.argv,
        "median_ms": statistics.median(cmd.times) * MS,
        "min_ms": min(cmd.times) * MS,
        "p90_ms": percentile(cmd.times, 90) * MS,
        # CPU time does not count waiting for a CPU, so it wanders less on a busy machine.
        "cpu_median_ms": statistics.median(cmd.cpu) * MS,
        "peak_rss_mb": max(cmd.rss_kb) / 1024,
        "median_rss_mb": statistics.median(cmd.rss_kb) / 1024,
        "samples_ms": [round(t * MS, 3) for t in cmd.times],
    }


# --------------------------------------------------------------------------------------------
# Scenarios

MESSAGE_TEMPLATE = """
# Please enter the commit message for your changes. Lines starting
# with '#' will be ignored, and an empty message aborts the commit.
#
# On branch main
# Changes to be committed:
{changes}#
"""

NAME_STATUS = {"M": "modified", "A": "new file", "D": "deleted", "R": "renamed", "C": "copied",
               "T": "typechange"}


def message_template(repo: Path, env: dict[str, str]) -> str:
    """A message file like the one `git commit` hands to prepare-commit-msg."""
    rows = git(repo, env, "diff", "--cached", "--name-status", "-z", capture=True).split("\0")
    changes = []
    i = 0
    while i < len(rows) - 1:
        status = rows[i]
        if status[:1] in "RC":
            changes.append(f"#\t{NAME_STATUS[status[0]]}:   {rows[i + 1]} -> {rows[i + 2]}\n")
            i += 3
        else:
            changes.append(f"#\t{NAME_STATUS.get(status[:1], 'modified')}:   {rows[i + 1]}\n")
            i += 2
    return MESSAGE_TEMPLATE.format(changes="".join(changes))


def install_hook(repo: Path, env: dict[str, str]) -> Path:
    proc = subprocess.run(["git", "herald", "hook", "install"], cwd=repo, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True)
    out = (proc.stdout + proc.stderr).decode(errors="replace").strip()
    if proc.returncode != 0:
        raise BenchError(f"`git herald hook install` failed in `{repo}`: {out}")
    hooks = git(repo, env, "rev-parse", "--git-path", "hooks", capture=True).strip()
    hook = (repo / hooks / "prepare-commit-msg").resolve()
    if not os.access(hook, os.X_OK):
        raise BenchError(f"`git herald hook install` said `{out}`, but `{hook}` is not there")
    return hook


def scenario_commands(fx: Fixture, herald: Path, floor: Path, env: dict[str, str],
                      with_git: bool) -> list[Command]:
    repo = fx.repo
    hook = install_hook(repo, env)
    template = message_template(repo, env)
    msg_file = repo / ".git" / "COMMIT_EDITMSG"

    def fresh_message() -> None:
        msg_file.write_text(template)

    cmds = [
        Command("floor", "git2-floor (libgit2 floor)", [str(floor)]),
        Command("hook", "installed hook script", [str(hook), str(msg_file)], fresh_message),
        Command("offline", "git-herald --offline", [str(herald), "--offline"]),
    ]
    if with_git:
        cmds.append(Command("git", "git diff --cached", ["git", "diff", "--cached"]))
    # What starting a process costs here, to read the others against.
    cmds.append(Command("true", "process start (`true`)", [shutil.which("true") or "/bin/true"]))

    def hook_wrote(_out: bytes, err: str) -> str | None:
        text = msg_file.read_text(errors="replace")
        if "warning:" in err:
            return f"the hook warned: {err}"
        if text == template or not text.split("\n", 1)[0].strip():
            return f"the hook did not write a message (stderr: {err!r})"
        if "offline" not in err:
            # With `provider = "auto"`, a local Ollama listening would make the hook ask it.
            log(f"warning: the hook may not have used the offline engine (stderr: {err!r})")
        return None

    def printed(out: bytes, err: str) -> str | None:
        return None if out.strip() else f"printed nothing (stderr: {err!r})"

    checks = {"floor": printed, "hook": hook_wrote, "offline": printed, "git": printed}
    for cmd in cmds:
        verify(cmd, repo, env, checks.get(cmd.key))
    return cmds


def run_scenario(key: str, fx: Fixture, herald: Path, floor: Path, env: dict[str, str],
                 args: argparse.Namespace) -> dict:
    title = {
        "a": f"(a) one-line change staged in {fx.info['tracked']:,} tracked files",
        "b": f"(b) staged diff of {fx.info['diff_bytes'] / 1e6:.1f} MB over "
        f"{fx.info['shortstat'].split(' ')[0]} files",
    }[key]
    log(f"scenario {title}: {args.runs} runs after {args.warmup} warm-up runs")
    cmds = scenario_commands(fx, herald, floor, env, with_git=True)
    measure(cmds, fx.repo, env, args.runs, args.warmup, args.rss_runs)
    results = {c.key: summary(c) for c in cmds}
    floor_ms = results["floor"]["median_ms"]
    floor_min = results["floor"]["min_ms"]
    for r in results.values():
        r["vs_floor"] = r["median_ms"] / floor_ms
        # Noise from other work on the machine only ever adds time: the ratio of the fastest
        # runs is the steadier one where the machine is shared.
        r["vs_floor_min"] = r["min_ms"] / floor_min
        r["cpu_vs_floor"] = r["cpu_median_ms"] / results["floor"]["cpu_median_ms"]
    targets = []
    if key == "a":
        hook = results["hook"]
        targets += [
            target("hook <= 1.2x floor", hook["vs_floor"], "<=", TARGETS["hook_vs_floor"], "x"),
            target("hook < 100 ms", hook["median_ms"], "<", TARGETS["hook_ms"], " ms"),
        ]
    else:
        off = results["offline"]
        targets += [
            target("offline <= 1.5x floor", off["vs_floor"], "<=",
                   TARGETS["offline_vs_floor"], "x"),
            target("offline peak RSS < 100 MB", off["peak_rss_mb"], "<",
                   TARGETS["offline_rss_mb"], " MB"),
        ]
    scenario = {
        "title": title,
        "repo": str(fx.repo),
        "fixture": fx.info,
        "commands": results,
        "targets": targets,
    }
    if args.callgrind:
        scenario["callgrind"] = callgrind(key, fx, herald, floor, env, cmds)
    return scenario


def target(name: str, value: float, op: str, limit: float, unit: str) -> dict:
    met = value <= limit if op == "<=" else value < limit
    return {"name": name, "value": value, "limit": limit, "op": op, "unit": unit, "met": met}


def callgrind(key: str, fx: Fixture, herald: Path, floor: Path, env: dict[str, str],
              cmds: list[Command]) -> dict:
    """Counts instructions (callgrind, one run each) and keeps the profiles."""
    if shutil.which("valgrind") is None:
        raise BenchError("`--callgrind` needs valgrind (`apt-get install valgrind`)")
    out_dir = target_dir() / "bench-fixtures" / "callgrind"
    out_dir.mkdir(parents=True, exist_ok=True)
    msg_file = fx.repo / ".git" / "COMMIT_EDITMSG"
    hook_cmd = next(c for c in cmds if c.key == "hook")
    runs = {
        "floor": ([str(floor)], None),
        "offline": ([str(herald), "--offline"], None),
        # What the hook script runs (callgrind does not follow the `sh` into its child).
        "hook_run": ([str(herald), "hook", "run", str(msg_file)], hook_cmd.prepare),
    }
    # Under valgrind everything runs ~50x slower: keep the hook's watchdog from giving up.
    slow_env = dict(env, GIT_HERALD_HOOK_TIMEOUT="3600")
    counts = {}
    for name, (argv, prepare) in runs.items():
        if prepare is not None:
            prepare()
        out = out_dir / f"{fx.name}.{name}.out"
        log(f"  callgrind: {name}")
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
            cwd=fx.repo, env=slow_env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        err = proc.stderr.decode(errors="replace")
        if proc.returncode != 0:
            raise BenchError(f"callgrind on `{' '.join(argv)}` failed: {err[-500:]}")
        if name == "hook_run" and not msg_file.read_text(errors="replace").split("\n")[0]:
            raise BenchError(f"under callgrind the hook wrote no message: {err[-500:]}")
        total = None
        for line in out.read_text(errors="replace").splitlines():
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
        if total is None:
            raise BenchError(f"no instruction total in `{out}`")
        counts[name] = {"instructions": total, "profile": str(out)}
    base = counts["floor"]["instructions"]
    for c in counts.values():
        c["vs_floor"] = c["instructions"] / base
    return counts


# --------------------------------------------------------------------------------------------
# Output


def print_report(report: dict) -> None:
    w = sys.stdout.write
    env = report["environment"]
    w(f"git-herald benchmark: {env['runs']} runs (median, min, p90), {env['warmup']} warm-up, "
      f"{env['cpus']} CPUs, load {env['load_before']} before / {env['load_after']} after\n")
    w(f"commit {env['commit']}; git {env['git']}\n")
    for sc in report["scenarios"].values():
        w(f"\n{sc['title']}\n  {sc['repo']}\n")
        w(f"  {'command':<28}{'median':>10}{'min':>10}{'p90':>10}{'CPU':>10}{'peak RSS':>11}"
          f"{'x floor':>9}{'(min)':>8}{'(CPU)':>8}\n")
        for r in sc["commands"].values():
            w(f"  {r['label']:<28}{r['median_ms']:>7.1f} ms{r['min_ms']:>7.1f} ms"
              f"{r['p90_ms']:>7.1f} ms{r['cpu_median_ms']:>7.1f} ms{r['peak_rss_mb']:>8.1f} MB"
              f"{r['vs_floor']:>8.2f}x{r['vs_floor_min']:>7.2f}x{r['cpu_vs_floor']:>7.2f}x\n")
        w("  (x floor: ratio of medians, which the targets use; (min): of the fastest runs; "
          "(CPU): of median CPU time)\n")
        if "callgrind" in sc:
            w("  instructions (callgrind, one run each):\n")
            for name, c in sc["callgrind"].items():
                w(f"    {name:<26}{c['instructions'] / 1e6:>10.1f} M{c['vs_floor']:>8.2f}x\n")
        for t in sc["targets"]:
            value = f"{t['value']:.2f}{t['unit']}" if t["unit"] == "x" else \
                f"{t['value']:.1f}{t['unit']}"
            w(f"  target {t['name']:<28} {value:>10}  {'met' if t['met'] else 'MISSED'}\n")


def git_describe() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark git-herald against libgit2's floor (see the module docstring).")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (15)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (3)")
    parser.add_argument("--scenario", choices=["a", "b"], action="append",
                        help="run only this scenario (can be repeated)")
    parser.add_argument("--rss-runs", type=int, default=3,
                        help="runs per command under a wrapper that reads the peak RSS (3)")
    parser.add_argument("--fresh", action="store_true",
                        help="rebuild the fixture repositories under target/bench-fixtures")
    parser.add_argument("--no-build", action="store_true",
                        help="time the binaries already built; do not run cargo")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--callgrind", action="store_true",
                        help="also count instructions with valgrind's callgrind (slow)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    if args.runs < 1 or args.warmup < 0 or args.rss_runs < 1:
        parser.error("--runs and --rss-runs must be at least 1, --warmup at least 0")
    if shutil.which("git") is None:
        raise BenchError("`git` is not on PATH")

    herald, floor = build(args.no_build)
    base = target_dir() / "bench-fixtures"
    base.mkdir(parents=True, exist_ok=True)
    # Runs see only our build as `git-herald` (for `git herald hook install`).
    env = clean_env(base / "home", extra_path=herald.parent)
    load_before = os.getloadavg()[0]
    scenarios = {}
    for key in args.scenario or ["a", "b"]:
        fx = ensure_fixture(key, base, args.fresh)
        scenarios[key] = run_scenario(key, fx, herald, floor, env, args)
    report = {
        "environment": {
            "runs": args.runs,
            "warmup": args.warmup,
            "cpus": os.cpu_count(),
            "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2),
            "machine": platform.platform(),
            "commit": git_describe(),
            "git": subprocess.run(["git", "--version"], capture_output=True,
                                  text=True).stdout.strip().removeprefix("git version "),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        },
        "scenarios": scenarios,
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_report(report)
    missed = [t["name"] for sc in scenarios.values() for t in sc["targets"] if not t["met"]]
    if missed and args.check:
        log(f"error: targets missed: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        log(f"error: {e}")
        sys.exit(1)
    except KeyboardInterrupt:
        log("interrupted")
        sys.exit(130)
