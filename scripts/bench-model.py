#!/usr/bin/env python3
"""The model path against the offline path (issue 17), in one run, with ratios.

Python 3 standard library only. A local OpenAI-compatible server on 127.0.0.1 answers at once
and counts the requests it gets. Fixtures (built once under target/bench-fixtures/, reused):

  medium   about 228 KiB of staged diff: modified files of scripts/bench.py's big-diff,
           staged in a clone that shares its objects
  huge     scripts/bench.py's big-diff: about 5 MiB over 2,000 files
  history  scripts/bench.py's big-repo (20,000 files) with 2,000 commits on top (made by
           `git fast-import`) and a one-line change staged; its history index is warm

Measured round-robin, in fresh processes, after warm-up runs; medians of wall time:

  offline       git-herald --offline
  model         git-herald with gpt-4o-mini at the server, answer cache off (every call sent);
                the token counts kept by blob id from the run before are used (the same change
                asked about again); `model cold` removes them first (a change never seen)
  cache hit     the same with the answer cache on and warm: must send no request
  dry-run       git-herald --dry-run (model configured) on huge, against the libgit2 floor
  hook          the prepare-commit-msg hook (`hook run FILE`) on history, against the floor

Targets (issue 17): cache hit <= 1.5x offline on medium and huge; model uncached <= 2x offline
on medium, with the counts kept and cold (the tokenizer loaded, the whole change counted);
dry-run on huge <= 3x the floor; hook <= 1.2x the floor. Peak RSS (GNU time) of each
command, and huge's cache hit under 50 MiB. `uptime` before and after says how loaded the
machine was; `--callgrind` adds the instruction counts of the hook and the floor (one run each,
robust to a noisy machine).

    cargo build --release --bin git-herald --example git2-floor
    python3 scripts/bench-model.py [--runs 11] [--json] [--callgrind]
"""
from __future__ import annotations

import argparse
import importlib.util
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
MEDIUM_BYTES = 228 * 1024
HISTORY_COMMITS = 2000
# Bump when the recipe of the medium or history fixture changes.
RECIPE = 1


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = mod
    spec.loader.exec_module(mod)
    return mod


def git(repo: Path, env, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=repo, env=env, input=stdin, check=True,
                          capture_output=True).stdout


def ready(root: Path) -> bool:
    marker = root / "recipe.json"
    return marker.exists() and json.loads(marker.read_text()).get("recipe") == RECIPE


def mark(root: Path, info: dict) -> None:
    (root / "recipe.json").write_text(json.dumps({"recipe": RECIPE, **info}) + "\n")


def medium_fixture(base: Path, huge: Path, env) -> Path:
    """The first modified files of big-diff, staged in a shared clone, up to ~228 KiB."""
    root = base / "medium"
    repo = root / "repo"
    if ready(root):
        return repo
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    git(root, env, "clone", "-q", "--shared", str(huge), str(repo))
    patch = git(huge, env, "diff", "--cached", "--diff-filter=M", "--no-renames")
    total, take = 0, []
    for piece in patch.split(b"\ndiff --git ")[1:]:
        path = piece.split(b"\n", 1)[0].split(b" b/", 1)[1].decode()
        if path.startswith("Cargo."):
            continue
        take.append(path)
        total += len(piece) + 12
        if total >= MEDIUM_BYTES:
            break
    for path in take:
        shutil.copyfile(huge / path, repo / path)
    git(repo, env, "add", "--", *take)
    mark(root, {"files": len(take), "diff_bytes": len(git(repo, env, "diff", "--cached"))})
    return repo


def history_fixture(base: Path, big: Path, env) -> Path:
    """big-repo with 2,000 commits on top, each touching one to three of its files."""
    import random
    root = base / "history"
    repo = root / "repo"
    if ready(root):
        return repo
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    git(root, env, "clone", "-q", "--shared", "--no-checkout", str(big), str(repo))
    tracked = [p for p in git(repo, env, "ls-tree", "-r", "--name-only", "HEAD")
               .decode().splitlines() if p.endswith((".rs", ".py", ".ts", ".go", ".md"))]
    rng = random.Random(17)
    kinds = ["feat", "fix", "refactor", "docs", "test", "chore", "perf"]
    verbs = ["add", "fix", "handle", "drop", "rename", "speed up", "document", "test"]
    nouns = ["the cache", "retries", "the parser", "paths", "errors", "the index", "config"]
    out = ["reset refs/heads/main", "from HEAD^0"]
    when = 1_717_243_200
    for i in range(HISTORY_COMMITS):
        paths = rng.sample(tracked, rng.randint(1, 3))
        scope = paths[0].split("/")[0]
        subject = f"{rng.choice(kinds)}({scope}): {rng.choice(verbs)} {rng.choice(nouns)}"
        when += 3600
        out += [f"commit refs/heads/main", f"mark :{i + 1}",
                f"author Bench <b@example.com> {when} +0000",
                f"committer Bench <b@example.com> {when} +0000"]
        msg = subject.encode()
        out += [f"data {len(msg)}", subject]
        if i:
            out.append(f"from :{i}")
        for p in paths:
            data = f"// revision {i} of {p}\n"
            out += [f"M 100644 inline {p}", f"data {len(data.encode())}", data]
        out.append("")
    git(repo, env, "fast-import", "--quiet", stdin=("\n".join(out) + "\n").encode())
    git(repo, env, "symbolic-ref", "HEAD", "refs/heads/main")
    # The index from HEAD's tree, no checkout; only the changed file is written out.
    git(repo, env, "read-tree", "HEAD")
    target = next(p for p in tracked if p.endswith(".rs") and p.count("/") >= 3)
    text = git(repo, env, "show", f"HEAD:{target}").decode() + "// one-line change\n"
    (repo / target).parent.mkdir(parents=True, exist_ok=True)
    (repo / target).write_text(text)
    git(repo, env, "add", "--", target)
    mark(root, {"commits": HISTORY_COMMITS, "changed": target})
    return repo


def timed(argv, cwd, env, before=None) -> float:
    if before:
        before()
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"`{' '.join(map(str, argv))}` failed: {proc.stderr.decode(errors='replace')}")
    return elapsed


def peak_mib(argv, cwd, env, before=None) -> float | None:
    if before:
        before()
    with tempfile.NamedTemporaryFile("r") as out:
        proc = subprocess.run(["/usr/bin/time", "-q", "-f", "%M", "-o", out.name, *argv],
                              cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = out.read().strip()
    if proc.returncode != 0 or not text:
        return None
    return round(int(text.split()[-1]) / 1024, 1)


def instructions(argv, cwd, env, before=None) -> int:
    if before:
        before()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
                       cwd=cwd, env=env, check=True, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for line in out.read_text().splitlines():
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    raise SystemExit("callgrind wrote no totals")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--herald", type=Path, default=ROOT / "target/release/git-herald",
                    help="the binary to measure (an older build, for before and after)")
    ap.add_argument("--callgrind", action="store_true",
                    help="also count the instructions of the hook and the floor")
    a = ap.parse_args()
    herald = a.herald
    floor = ROOT / "target/release/examples/git2-floor"
    for binary in (herald, floor):
        if not os.access(binary, os.X_OK):
            sys.exit(f"no {binary}: run `cargo build --release --bin git-herald "
                     "--example git2-floor` first")
    bench = load_bench()
    base = ROOT / "target" / "bench-fixtures"
    huge = bench.ensure_fixture("b", base, False).repo
    big = bench.ensure_fixture("a", base, False).repo
    fx_env = bench.fixture_env(base / "home")
    medium = medium_fixture(base, huge, fx_env)
    history = history_fixture(base, big, fx_env)
    uptime_before = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()

    tmp = Path(tempfile.mkdtemp(prefix="herald-bench-model-"))
    server = bench.FakeServer()
    try:
        def env_with(config: str, **extra) -> dict:
            cfg = tmp / f"config-{len(config)}-{abs(hash(config))}.toml"
            cfg.write_text(config)
            env = bench.clean_env(tmp / "home")
            env.update(GIT_HERALD_CONFIG=str(cfg), OPENAI_API_KEY="sk-bench",
                       OPENAI_BASE_URL=f"http://127.0.0.1:{server.port}/v1",
                       GIT_HERALD_PROVIDER="openai", GIT_HERALD_MODEL="gpt-4o-mini")
            env.update(extra)
            return env

        cache_dir = tmp / "answers"
        cached = env_with(f'[usage]\nenabled = false\n[cache]\npath = "{cache_dir}"\n')
        uncached = env_with("[usage]\nenabled = false\n[cache]\nenabled = false\n")
        offline = env_with("[usage]\nenabled = false\n", GIT_HERALD_PROVIDER="offline")
        msg = history / ".git" / "COMMIT_EDITMSG"

        def fresh_msg():
            msg.write_text("\n# Please enter the commit message for your changes.\n")

        def drop_counts(repo: Path):
            return lambda: (repo / ".git" / "herald" / "counts-v1").unlink(missing_ok=True)

        h = str(herald)
        # name -> (argv, cwd, env, before)
        cmds = {
            "medium offline": ([h, "--offline", "--quiet"], medium, offline, None),
            "medium model": ([h, "--quiet"], medium, uncached, None),
            "medium cache hit": ([h, "--quiet"], medium, cached, None),
            "medium model cold": ([h, "--quiet"], medium, uncached, drop_counts(medium)),
            "huge offline": ([h, "--offline", "--quiet"], huge, offline, None),
            "huge model": ([h, "--quiet"], huge, uncached, None),
            "huge cache hit": ([h, "--quiet"], huge, cached, None),
            "huge dry-run": ([h, "--dry-run"], huge, uncached, None),
            "huge dry-run cold": ([h, "--dry-run"], huge, uncached, drop_counts(huge)),
            "huge floor": ([str(floor)], huge, offline, None),
            "hook": ([h, "hook", "run", str(msg)], history, offline, fresh_msg),
            "hook floor": ([str(floor)], history, offline, None),
        }
        # Warm the history index (a CLI run builds it whole) and the answer cache.
        timed([h, "--offline", "--quiet"], history, offline)
        for name in ("medium cache hit", "huge cache hit"):
            timed(*cmds[name])
        times = {name: [] for name in cmds}
        for i in range(a.warmup + a.runs):
            for name, (argv, cwd, env, before) in cmds.items():
                sent = server.count
                t = timed(argv, cwd, env, before)
                if name.endswith("cache hit") and server.count != sent:
                    sys.exit(f"{name}: {server.count - sent} requests sent on a cache hit")
                if i >= a.warmup:
                    times[name].append(t)
        med = {name: statistics.median(ts) for name, ts in times.items()}
        rss = {name: peak_mib(*cmd) for name, cmd in cmds.items()}
        ratios = {
            "medium cache hit / offline": med["medium cache hit"] / med["medium offline"],
            "huge cache hit / offline": med["huge cache hit"] / med["huge offline"],
            "medium model / offline": med["medium model"] / med["medium offline"],
            "medium model cold / offline": med["medium model cold"] / med["medium offline"],
            "huge dry-run / floor": med["huge dry-run"] / med["huge floor"],
            "hook / floor": med["hook"] / med["hook floor"],
        }
        # No target: a huge change never seen is counted whole (5 MiB), said in the report.
        told = {
            "huge dry-run cold / floor": med["huge dry-run cold"] / med["huge floor"],
        }
        limits = {
            "medium cache hit / offline": 1.5, "huge cache hit / offline": 1.5,
            "medium model / offline": 2.0, "medium model cold / offline": 2.0,
            "huge dry-run / floor": 3.0, "hook / floor": 1.2,
        }
        report = {
            "uptime_before": uptime_before,
            "uptime_after": subprocess.run(["uptime"], capture_output=True,
                                           text=True).stdout.strip(),
            "runs": a.runs,
            "median_ms": {k: round(v * 1000, 1) for k, v in med.items()},
            "peak_rss_mib": rss,
            "ratios": {k: round(v, 2) for k, v in ratios.items()},
            "ratios_without_target": {k: round(v, 2) for k, v in told.items()},
            "targets": {f"{k} <= {limits[k]}": ratios[k] <= limits[k] for k in ratios},
        }
        report["targets"]["huge cache hit peak < 50 MiB"] = (rss["huge cache hit"] or 1e9) < 50
        if a.callgrind:
            hook_i = instructions(*cmds["hook"])
            floor_i = instructions(*cmds["hook floor"])
            report["hook_instructions"] = {"hook": hook_i, "floor": floor_i,
                                           "ratio": round(hook_i / floor_i, 2)}
        if a.json:
            print(json.dumps(report, indent=1))
            return
        print(f"load before: {report['uptime_before']}")
        print(f"load after:  {report['uptime_after']}")
        print(f"{'command':<20} {'median ms':>10} {'peak MiB':>9}")
        for name in cmds:
            print(f"{name:<20} {report['median_ms'][name]:>10} {str(rss[name]):>9}")
        for k, v in report["ratios"].items():
            print(f"{k:<28} {v:>6}  (target <= {limits[k]})")
        for k, v in report["ratios_without_target"].items():
            print(f"{k:<28} {v:>6}  (no target: 5 MiB counted)")
        if "hook_instructions" in report:
            hi = report["hook_instructions"]
            print(f"hook instructions {hi['hook']:,} / floor {hi['floor']:,} = {hi['ratio']}")
        for k, ok in report["targets"].items():
            print(f"target {k}: {'met' if ok else 'NOT met'}")
    finally:
        server.httpd.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
