#!/usr/bin/env python3
"""Leave-one-repository-out figures for the offline engine as a hook runs it.

`offline-train.py` reports how the type model does on a repository it was not trained on,
from diffs alone. A hook sees more: the repository's history (the types and scopes used near
the changed paths, past subjects to reuse). This script measures that, honestly: for each
repository of the dev set it retrains the type model without that repository's commits,
builds git-herald with those weights in a separate work tree, and runs the dev set's scorer
in staged mode (`score_types.py --mode staged`) on that repository alone. The figures are
pooled over the six folds. The shipped weights are never touched.

    git worktree add --detach ../wt-loo && cp -a target ../wt-loo/   # a warm build helps
    python3 scripts/offline-loo-staged.py --git-root DIR --tree ../wt-loo [--limit 60]
    git worktree remove ../wt-loo

DIR/<owner>/<name> are clones of the repositories named in ../shared/eval/README.md.
Needs numpy and scikit-learn (through offline-train.py). Each fold rebuilds the release
binary, so a run takes a few minutes per repository.
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ["feat", "fix", "docs", "test", "refactor", "build", "ci", "chore", "perf", "style"]
HEADER = re.compile(r"^(\w+)(?:\(([^)]*)\))?!?: ")


def scope_of(header):
    m = HEADER.match(header or "")
    return (m.group(2) or "").strip().lower() if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "dev-commits.jsonl"))
    ap.add_argument("--git-root", required=True, help="DIR/<owner>/<name> are clones")
    ap.add_argument("--tree", required=True, help="a work tree of this repository to build the folds in")
    ap.add_argument("--limit", type=int, help="commits per repository (an even spread)")
    ap.add_argument("--repo", action="append", help="only these folds (owner/name, repeatable)")
    ap.add_argument("--save", help="write every fold's per-commit rows here (jsonl)")
    args = ap.parse_args()
    # offline-train.py needs these; say so before the first fold builds for minutes.
    missing = [m for m in ("numpy", "sklearn") if importlib.util.find_spec(m) is None]
    if missing:
        sys.exit(f"offline-loo-staged: needs {', '.join(missing)} (for offline-train.py): "
                 "pip install numpy scikit-learn")

    data = os.path.abspath(args.data)
    scorer = os.path.join(os.path.dirname(data), "score_types.py")
    repos = args.repo or sorted({json.loads(line)["repo"] for line in open(data)})
    tree = os.path.abspath(args.tree)
    rows = []
    # The features come from the tree's own engine, as the folds' binaries compute them.
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "offline-features"], cwd=tree, check=True)
    features = os.path.join(tree, "target", "release", "examples", "offline-features")
    for repo in repos:
        print(f"== {repo}: training without it", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "offline-train.py"), "--data", data,
                        "--hold-out", repo, "--bin", features, "--out", os.path.join(tree, "src", "offline", "weights.rs")],
                       check=True, stderr=subprocess.DEVNULL)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=tree, check=True)
        saved = os.path.join(tree, "target", f"loo-{repo.replace('/', '+')}.jsonl")
        cmd = [sys.executable, scorer, "--corpus", data, "--mode", "staged", "--git-root", args.git_root,
               "--repo", repo, "--cmd", os.path.join(tree, "target", "release", "git-herald") + " --offline",
               "--bootstrap", "0", "--save", saved]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        rows += [json.loads(line) for line in open(saved)]
    # The work tree's weights go back to what it checked out.
    subprocess.run(["git", "checkout", "--", "src/offline/weights.rs"], cwd=tree, check=True)

    n = len(rows)
    acc = sum(r["type_ok"] for r in rows) / max(n, 1)
    f1s = {}
    for t in TYPES:
        tp = sum(r["gold_type"] == t and r["pred_type"] == t for r in rows)
        fp = sum(r["gold_type"] != t and r["pred_type"] == t for r in rows)
        fn = sum(r["gold_type"] == t and r["pred_type"] != t for r in rows)
        p = tp / (tp + fp) if tp + fp else 0.0
        q = tp / (tp + fn) if tp + fn else 0.0
        f1s[t] = 2 * p * q / (p + q) if p + q else 0.0
    scoped = [r for r in rows if scope_of(r["gold"])]
    report = {
        "n": n,
        "type_accuracy": round(acc, 3),
        "macro_f1": round(sum(f1s.values()) / len(f1s), 3),
        "scope_exact": round(sum(bool(r["scope_ok"]) for r in rows) / max(n, 1), 3),
        "scope_exact_where_written": round(
            sum(bool(r["scope_ok"]) for r in scoped) / max(len(scoped), 1), 3),
        "per_type_f1": {t: round(v, 2) for t, v in f1s.items()},
        "type_accuracy_by_repo": {
            repo: round(sum(r["type_ok"] for r in rows if r["repo"] == repo)
                        / max(sum(r["repo"] == repo for r in rows), 1), 3) for repo in repos},
        "confusion_top": [f"{a}->{b}: {c}" for (a, b), c in collections.Counter(
            (r["gold_type"], r["pred_type"]) for r in rows if not r["type_ok"]).most_common(8)],
    }
    print(json.dumps(report, indent=1))
    if args.save:
        with open(args.save, "w") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
