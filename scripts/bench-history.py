#!/usr/bin/env python3
"""Benchmark the history index (issue 12): cold build time per 1,000 commits, index size, and
the hook on a one-line change with a warm index against the libgit2 floor.

Python 3 standard library only. It makes a scratch clone (`git clone --shared`, objects shared
with the source) of a repository with a real history, checks out its HEAD, stages a one-line
change, and then

1. removes `.git/herald/` and times `git-herald --offline`, which builds the index with no
   budget (cold), `--cold-runs` times; the same command with the index in place (warm) is
   subtracted, leaving the build itself;
2. times, round-robin in fresh processes, `git-herald hook run FILE` on a fresh message file
   (warm index) and the `git2-floor` example (the staged patch read by libgit2 alone);
3. prints medians, the ratio of the hook to the floor, the commits indexed, the cold build
   time per 1,000 commits and the index size.

Usage:
    cargo build --release --bin git-herald --example git2-floor
    python3 scripts/bench-history.py --source ../evalrepos/wez/wezterm
    python3 scripts/bench-history.py --source PATH --runs 21 --json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "GIT_HERALD_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local/share"),
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null",
               GIT_HERALD_PROVIDER="offline")
    return env


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True,
                          capture_output=True, text=True).stdout


def timed(cmd: list[str], cwd: Path, env: dict[str, str], before=None) -> float:
    if before:
        before()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"`{' '.join(cmd)}` failed: {proc.stderr.decode(errors='replace')}")
    return elapsed * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", required=True, help="a clone with a real history")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    herald = ROOT / "target" / "release" / "git-herald"
    floor = ROOT / "target" / "release" / "examples" / "git2-floor"
    for path in (herald, floor):
        if not path.exists():
            sys.exit(f"`{path}` is missing: cargo build --release --bin git-herald "
                     "--example git2-floor")
    scratch = Path(tempfile.mkdtemp(prefix="bench-history-"))
    try:
        home = scratch / "home"
        home.mkdir()
        env = env_for(home)
        repo = scratch / "repo"
        subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", a.source, str(repo)],
                       check=True, env=env)
        # The index from HEAD's tree, with no checkout (a partial clone may lack blobs the
        # staged diff never reads); only the changed file is written out.
        git(repo, env, "read-tree", "HEAD")
        tracked = git(repo, env, "ls-files").splitlines()
        target = next(p for p in tracked
                      if p.endswith((".rs", ".go", ".py", ".ts", ".c"))
                      and subprocess.run(["git", "cat-file", "-e", f"HEAD:{p}"], cwd=repo,
                                         env=env).returncode == 0)
        path = repo / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(git(repo, env, "show", f"HEAD:{target}") + "\n// one-line change\n")
        git(repo, env, "add", "--", target)
        herald_dir = repo / ".git" / "herald"
        index = herald_dir / "history-v2"

        def drop_index() -> None:
            shutil.rmtree(herald_dir, ignore_errors=True)

        offline = [str(herald), "--offline"]
        timed(offline, repo, env)  # page cache
        cold = [timed(offline, repo, env, drop_index) for _ in range(a.cold_runs)]
        warm_cli = [timed(offline, repo, env) for _ in range(a.cold_runs)]
        text = index.read_text()
        commits = sum(1 for line in text.splitlines() if line.startswith("c "))
        template = "\n# Please enter the commit message for your changes.\n"
        msg = repo / ".git" / "COMMIT_EDITMSG"

        def fresh() -> None:
            msg.write_text(template)

        hook = [str(herald), "hook", "run", str(msg)]
        times: dict[str, list[float]] = {"hook": [], "floor": []}
        for _ in range(3):
            timed(hook, repo, env, fresh)
            timed([str(floor)], repo, env)
        for _ in range(a.runs):
            times["hook"].append(timed(hook, repo, env, fresh))
            times["floor"].append(timed([str(floor)], repo, env))
        med = {k: statistics.median(v) for k, v in times.items()}
        build_ms = statistics.median(cold) - statistics.median(warm_cli)
        report = {
            "source": a.source,
            "tracked_files": len(tracked),
            "commits_indexed": commits,
            "index_bytes": index.stat().st_size,
            "cold_offline_ms": round(statistics.median(cold), 1),
            "warm_offline_ms": round(statistics.median(warm_cli), 1),
            "cold_build_ms_per_1000_commits": round(build_ms / max(commits, 1) * 1000, 1),
            "hook_warm_median_ms": round(med["hook"], 2),
            "floor_median_ms": round(med["floor"], 2),
            "hook_vs_floor": round(med["hook"] / med["floor"], 3),
        }
        if a.json:
            print(json.dumps(report, indent=1))
        else:
            for k, v in report.items():
                print(f"{k:>32}: {v}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
