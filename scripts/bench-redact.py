#!/usr/bin/env python3
"""Redaction throughput and memory on realistic mixed corpora (stdlib only).

Runs `git-herald redact --print FILE` (the whole redactor, as a user runs it) and reads each
run's CPU time (user + system) and peak RSS from the kernel (wait4). Corpora, built once
under target/bench-fixtures/ from what this repository holds, to --mb megabytes each:

  mixed  the 5 MB, 2,000-file generated diff of scripts/bench.py (Java, Python, Go, TS, Rust,
         manifests; built by `python3 scripts/bench.py` once) with the secrets fixtures
         spliced in after every 1 MB (100 kB each: about a tenth of the bytes), repeated
  diff   real history: `git log -p` of this repository (Rust, TOML, Markdown, Python, shell,
         the secrets fixtures with their ~960 fake secrets), repeated
  text   the same files as plain text, concatenated (no diff headers)
  dense  the secrets fixtures alone (positives and hard negatives, as diffs): a worst case
         where nearly every line holds a keyword

Reports per corpus the median of --runs runs: MB per CPU-second (target >= 150 on the
realistic mix) and peak RSS as a multiple of the input (target < 2x). Pass --before BIN to print the
same figures for another binary (an older build) beside them.

    cargo build --release
    python3 scripts/bench-redact.py [--mb 50] [--runs 5] [--before /path/to/old/git-herald]
"""
import argparse, os, statistics, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "target" / "bench-fixtures"


def repeat_to(parts, size):
    out, total = [], 0
    while total < size:
        for p in parts:
            out.append(p)
            total += len(p)
            if total >= size:
                break
    return b"".join(out)


def corpus(name, size):
    path = FIXTURES / f"redact-{name}-{size >> 20}mb.txt"
    if path.exists():
        return path
    FIXTURES.mkdir(parents=True, exist_ok=True)
    secrets = ROOT / "fixtures" / "secrets"
    if name == "mixed":
        repo = FIXTURES / "big-diff" / "repo"
        if not repo.is_dir():
            return None
        big = subprocess.run(["git", "-C", str(repo), "diff", "--cached", "--no-color"],
                             check=True, capture_output=True).stdout
        files = [b"diff --git " + f for f in big.split(b"\ndiff --git ")]
        files[0] = files[0][len(b"diff --git "):]
        fixtures = [(secrets / "positives.diff").read_bytes(), (secrets / "negatives.diff").read_bytes()]
        parts, group = [], 0
        for f in files:
            parts.append(f if f.endswith(b"\n") else f + b"\n")
            group += len(f)
            if group >= 1 << 20:
                # About a tenth of the bytes: 100 kB of one fixture, cut at a file boundary.
                fx = fixtures[len(parts) % 2]
                cut = fx.find(b"\ndiff --git ", 100_000)
                parts.append(fx[:cut + 1] if cut > 0 else fx)
                group = 0
    elif name == "diff":
        log = subprocess.run(["git", "-C", str(ROOT), "log", "-p", "--no-color", "--no-ext-diff"],
                             check=True, capture_output=True).stdout
        parts = [log]
    elif name == "text":
        files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True,
                               capture_output=True).stdout.split(b"\0")
        parts = []
        for f in files:
            p = ROOT / f.decode()
            if f and p.is_file() and p.stat().st_size < 4 << 20:
                parts.append(p.read_bytes())
    else:
        parts = [(secrets / "positives.diff").read_bytes(), (secrets / "negatives.diff").read_bytes()]
    path.write_bytes(repeat_to(parts, size))
    return path


def run_once(binary, path, home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
           "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home, "XDG_DATA_HOME": home,
           "GIT_CEILING_DIRECTORIES": home}
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen([binary, "redact", "--print", str(path)], stdout=sink,
                                stderr=subprocess.PIPE, cwd=home, env=env)
        stderr = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit(f"{binary} failed on {path}: {stderr.decode(errors='replace')}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def measure(binary, path, runs, home):
    size = path.stat().st_size
    cpus, rss = [], []
    for _ in range(runs):
        cpu, peak = run_once(binary, path, home)
        cpus.append(cpu)
        rss.append(peak)
    cpu = statistics.median(cpus)
    return size / 1e6 / cpu, statistics.median(rss) / size, statistics.median(rss) / 1e6


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "git-herald"))
    ap.add_argument("--before", help="another git-herald binary to compare with")
    ap.add_argument("--corpora", default="mixed,diff,text,dense")
    ap.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    size = args.mb << 20
    if args.build_only:
        for name in args.corpora.split(","):
            corpus(name, size)
        return
    # The corpora are built in a child: Linux keeps a process's peak RSS across fork and exec,
    # so a parent that once held 50 MB would pass that peak on to every binary it runs.
    subprocess.run([sys.executable, __file__, "--build-only", "--mb", str(args.mb),
                    "--corpora", args.corpora], check=True)
    binaries = [("after", args.binary)] + ([("before", args.before)] if args.before else [])
    with tempfile.TemporaryDirectory(prefix="bench-redact-") as home:
        print(f"{'corpus':<7} {'binary':<7} {'MB/CPU-s':>9} {'peak RSS':>10} {'x input':>8}")
        for name in args.corpora.split(","):
            path = FIXTURES / f"redact-{name}-{size >> 20}mb.txt"
            if not path.exists():
                print(f"{name:<7} (skipped: run `python3 scripts/bench.py` once to build its fixture)")
                continue
            for label, binary in binaries:
                speed, ratio, peak = measure(binary, path, args.runs, home)
                print(f"{name:<7} {label:<7} {speed:>9.1f} {peak:>8.1f}MB {ratio:>7.2f}x")
    print(f"({args.runs} runs each, medians; {args.mb} MB per corpus; targets: >= 150 MB/CPU-s "
          f"on mixed, < 2x the input)")


if __name__ == "__main__":
    main()
