#!/usr/bin/env python3
"""Large changes with a model: how long before the first request, and how close the whole
message comes to the ideal map-reduce time (stdlib only).

Uses the 5 MB / 2,000-file staged diff of scripts/bench.py (built once under
target/bench-fixtures/) and a local OpenAI-compatible server on 127.0.0.1 that records when
each request arrives and answers after --delay-ms (300 by default). Reports medians of:

  prep      process start -> first request at the server (read, filter, redact, count,
            chunk): target <= 1 s and <= 4x the libgit2 floor for reading the same patch
  floor     target/release/examples/git2-floor on the same repository
  peak RSS  of git-herald on that run (GNU time): target < 150 MB
  whole     process start -> exit, against ideal = (ceil(chunks / concurrency) + 1) x delay:
            target <= 1.3x ideal
  small     a one-file change with a model configured and an instant server: no tokenizer is
            built (a build costs 200-500 ms; the run stays far below that)

    cargo build --release --bin git-herald --example git2-floor
    python3 scripts/bench-large.py [--runs 5] [--delay-ms 300] [--window 32000]
"""
import argparse, importlib.util, json, math, os, shutil, statistics, subprocess, sys, \
    tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = mod
    spec.loader.exec_module(mod)
    return mod


def med(xs):
    return round(statistics.median(xs) * 1000, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--delay-ms", type=int, default=300)
    ap.add_argument("--window", type=int, default=32000, help="context window in tokens")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    bench = load_bench()
    herald = ROOT / "target/release/git-herald"
    floor = ROOT / "target/release/examples/git2-floor"
    for binary in (herald, floor):
        if not os.access(binary, os.X_OK):
            sys.exit(f"no {binary}: run `cargo build --release --bin git-herald "
                     "--example git2-floor` first")
    base = ROOT / "target" / "bench-fixtures"
    fixture = bench.ensure_fixture("b", base, False)
    repo = fixture.repo if hasattr(fixture, "repo") else fixture[0]

    tmp = Path(tempfile.mkdtemp(prefix="herald-bench-large-"))
    try:
        cfg = tmp / "config.toml"
        cfg.write_text("[cache]\nenabled = false\n[usage]\nenabled = false\n")
        server = bench.FakeServer(a.delay_ms / 1000)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp),
               "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
               "GIT_HERALD_CONFIG": str(cfg), "OPENAI_API_KEY": "sk-bench",
               "OPENAI_BASE_URL": f"http://127.0.0.1:{server.port}/v1",
               "GIT_HERALD_CONTEXT_WINDOW": str(a.window), "GIT_HERALD_MAX_CALLS": "1000"}

        floor_t = []
        for _ in range(a.runs + 1):
            t = time.perf_counter()
            subprocess.run([str(floor)], cwd=repo, env=env, stdout=subprocess.DEVNULL,
                           check=True)
            floor_t.append(time.perf_counter() - t)
        floor_t = floor_t[1:]

        prep, whole, ideal, chunks = [], [], [], []
        for i in range(a.runs + 1):
            server.reset()
            t = time.perf_counter()
            p = subprocess.run([str(herald), "--quiet"], cwd=repo, env=env,
                               capture_output=True, text=True)
            end = time.perf_counter()
            if p.returncode != 0 or not p.stdout.startswith("feat: rework modules"):
                sys.exit(f"git-herald failed: {p.stderr[-2000:]}")
            maps = server.kinds.count("map")
            concurrency = 4
            ideal_s = (math.ceil(maps / concurrency) + server.kinds.count("final")) * server.delay
            if i == 0:
                continue  # warm-up
            prep.append(server.arrivals[0] - t)
            whole.append(end - t)
            ideal.append(ideal_s)
            chunks.append(maps)

        rss_kb = None
        time_bin = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time")
                                             else None)
        if time_bin:
            server.delay = 0
            p = subprocess.run([time_bin, "-f", "%M", str(herald), "--quiet"], cwd=repo,
                               env=env, capture_output=True, text=True)
            rss_kb = int(p.stderr.strip().splitlines()[-1])

        # A small change, model configured, instant server: no tokenizer may be built.
        small_repo = tmp / "small"
        subprocess.run(["git", "init", "-q", str(small_repo)], check=True, env=env)
        subprocess.run(["git", "-C", str(small_repo), "-c", "user.name=b", "-c",
                        "user.email=b@b", "commit", "-q", "--allow-empty", "-m", "init"],
                       check=True, env=env)
        (small_repo / "lib.rs").write_text("pub fn one() -> u8 { 1 }\n")
        subprocess.run(["git", "-C", str(small_repo), "add", "lib.rs"], check=True, env=env)
        server.delay = 0
        small = []
        for _ in range(a.runs + 2):
            t = time.perf_counter()
            subprocess.run([str(herald), "--quiet"], cwd=small_repo, env=env, check=True,
                           capture_output=True)
            small.append(time.perf_counter() - t)
        small = small[2:]

        r = {
            "runs": a.runs, "delay_ms": a.delay_ms, "window_tokens": a.window,
            "chunks": chunks[0], "floor_ms": med(floor_t), "prep_ms": med(prep),
            "prep_vs_floor": round(statistics.median(prep) / statistics.median(floor_t), 2),
            "whole_ms": med(whole), "ideal_ms": med(ideal),
            "whole_vs_ideal": round(statistics.median(whole) / statistics.median(ideal), 3),
            "peak_rss_mb": round(rss_kb / 1024, 1) if rss_kb else None,
            "small_change_ms": med(small),
        }
        r["targets"] = {
            "prep <= 1 s": r["prep_ms"] <= 1000,
            "prep <= 4x floor": r["prep_vs_floor"] <= 4,
            "peak < 150 MB": r["peak_rss_mb"] is None or r["peak_rss_mb"] < 150,
            "whole <= 1.3x ideal": r["whole_vs_ideal"] <= 1.3,
            "small change builds no tokenizer (< 150 ms)": r["small_change_ms"] < 150,
        }
        if a.json:
            print(json.dumps(r, indent=1))
        else:
            for k, v in r.items():
                if k != "targets":
                    print(f"{k:18} {v}")
            for k, ok in r["targets"].items():
                print(f"target {k}: {'met' if ok else 'NOT met'}")
        server.httpd.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
