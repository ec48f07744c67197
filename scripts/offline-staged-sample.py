#!/usr/bin/env python3
"""The offline engine's subjects as the hook writes them, on the recent history of real
repositories: each commit staged on its parent in a scratch clone, the engine run there.

A diff read on stdin misses what a hook has: the repository's history types the change and
names its scope, and the lines above each TOML hunk say its table. Rules can take another
path in the hook than on stdin (helix's `languages.toml`, typed `feat` by its history, read
`Extend languages` in the hook and `update languages.toml` on stdin), so read both.

    python3 scripts/offline-staged-sample.py --git-root DIR --repos helix-editor/helix \\
        -n 200 --bin target/release/git-herald --save new.jsonl [--compare old.jsonl]
    python3 scripts/offline-staged-sample.py ... --shas shas.txt   # `repo sha` per line

DIR/<owner>/<name> are clones (the fetch look-up's mirrors will do; a path whose blob a
mirror lacks is left out of the work tree). Commits by bots and merges are left out. `--compare` prints the subjects that differ from an earlier run.
Each commit costs a checkout: a few hundred per repository take minutes.
"""
import argparse
import json
import os
import re
import subprocess
import tempfile

BOTS = re.compile(r"bot|renovate|dependabot|github-actions", re.I)


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def commits(src, n):
    out = git("-C", src, "log", "--no-merges", "-n", str(n), "--format=%H%x00%P%x00%an%x00%s")
    for line in out.splitlines():
        sha, parents, author, subject = line.split("\x00")
        if parents and " " not in parents and not BOTS.search(author):
            yield sha, parents, subject


def stage(wd, parent, sha, excluded):
    """Checks out `parent` and stages `sha`'s tree on it (HEAD stays at the parent). A path
    whose blob the clone lacks is left out by a sparse checkout, and the step retried."""
    steps = [["-c", "advice.detachedHead=false", "checkout", "-q", "-f", "--detach", parent],
             ["clean", "-q", "-fdx"], ["read-tree", "-m", "-u", sha]]
    for step in steps:
        for _ in range(30):
            run = subprocess.run(["git", *step], cwd=wd, capture_output=True, text=True)
            if run.returncode == 0:
                break
            missing = [m for m in re.findall(r"(?:for '|sha1 file of )([^'\n]+?)(?:'| \()", run.stderr)
                       if m not in excluded]
            if not missing:
                raise RuntimeError(run.stderr.strip())
            excluded += missing
            git("sparse-checkout", "set", "--no-cone", "/*", *[f"!/{m}" for m in excluded], cwd=wd)
        else:
            raise RuntimeError("too many missing blobs")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--git-root", required=True)
    ap.add_argument("--repos", nargs="*", default=[])
    ap.add_argument("--shas", help="file of `owner/name sha` lines, in place of the latest commits")
    ap.add_argument("-n", type=int, default=200, help="latest commits per repository")
    ap.add_argument("--bin", default="target/release/git-herald")
    ap.add_argument("--scratch", default=None)
    ap.add_argument("--save", required=True)
    ap.add_argument("--compare")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    scratch = a.scratch or tempfile.mkdtemp(prefix="staged-sample-")
    todo = []
    if a.shas:
        for line in open(a.shas):
            if line.strip():
                repo, sha = line.split()[:2]
                src = os.path.join(a.git_root, repo)
                parent = git("-C", src, "rev-parse", sha + "^").strip()
                subject = git("-C", src, "log", "-1", "--format=%s", sha).strip()
                todo.append((repo, sha, parent, subject))
    for repo in a.repos:
        todo += [(repo, *c) for c in commits(os.path.join(a.git_root, repo), a.n)]
    rows = []
    # Per repository, the paths whose blobs the clone lacks (a mirror without its largest
    # files): left out of the work tree.
    excluded = {}
    for repo, sha, parent, subject in todo:
        wd = os.path.join(scratch, repo.replace("/", "+"))
        if not os.path.isdir(wd):
            git("clone", "-q", "--shared", "--no-checkout", os.path.join(a.git_root, repo), wd)
        try:
            stage(wd, parent, sha, excluded.setdefault(repo, []))
        except (subprocess.CalledProcessError, RuntimeError) as e:
            print(f"skip {repo} {sha[:9]}: {str(getattr(e, 'stderr', e)).strip()[:120]}")
            continue
        run = subprocess.run([binary, "--offline"], cwd=wd, capture_output=True, timeout=120)
        out = run.stdout.decode("utf-8", "replace")
        rows.append({"repo": repo, "sha": sha, "gold": subject, "out": out})
    with open(a.save, "w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    print(f"{len(rows)} commits staged, subjects in {a.save}")
    if a.compare:
        old = {(r["repo"], r["sha"]): r for r in map(json.loads, open(a.compare))}
        changed = 0
        for row in rows:
            before = old.get((row["repo"], row["sha"]))
            if before is None:
                continue
            was, now = before["out"].split("\n")[0], row["out"].split("\n")[0]
            if was != now:
                changed += 1
                print(f"{row['repo']} {row['sha'][:10]} | {row['gold'][:60]}\n    - {was}\n    + {now}")
        print(f"{changed} of {len(rows)} subjects changed")


if __name__ == "__main__":
    main()
