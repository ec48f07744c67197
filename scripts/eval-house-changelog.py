#!/usr/bin/env python3
"""Compare git-herald's changelog sections with the ones maintainers published (issue 15).

Rerunnable, Python 3 standard library only. For each repository (a clone under ROOT as
`<owner>/<name>`, e.g. the dev set's `/work/evalrepos`), it takes the newest release sections
of the CHANGELOG.md at HEAD whose `v<version>` tag exists, and for each:

1. writes the file as it stood before that release (the older sections only) to a scratch
   file, so the house style is learned from the past, never from the answer;
2. runs `git herald changelog --tag v<version> --offline --prepend <scratch>` (learned
   house style) and again with `--builtin-style` (today's defaults), and cuts out the new
   section;
3. scores each against the maintainers' section:
   - listed commits: bullets matched by PR number, else by word overlap (Jaccard >= 0.5);
     precision, recall, F1;
   - headings: the `###` titles, as a set (Jaccard) and whether the order is the same;
   - bullet shape: marker, scope style, capitalisation, reference style, each the same as
     the maintainers' majority (share of the four that agree);
   - release heading: the same shape (level, brackets, inline link, date style).

Prints one line per repository (means over its releases) and, with --json, the details.

Usage:
    python3 scripts/eval-house-changelog.py --root /work/evalrepos
    python3 scripts/eval-house-changelog.py --root /work/evalrepos --releases 5 --json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPOS = ["clap-rs/clap", "vuejs/core", "typescript-eslint/typescript-eslint"]
RELEASE = re.compile(r"^(#{1,3}) +(\[)?v?([0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*)\]?(\([^)]*\))?(.*)$")
PR = re.compile(r"#([0-9]+)")
WORD = re.compile(r"[a-z0-9]+")
CONTRIBUTORS = re.compile(r"thank|contributor", re.I)
SHOW = None  # --show TAG


def sections(text: str) -> list[tuple[str, int, int]]:
    """Returns (version, start, end) line ranges of the release sections, newest first."""
    lines = text.split("\n")
    found = []
    fenced = False
    for i, line in enumerate(lines):
        if line.strip().startswith("```"):
            fenced = not fenced
        if fenced or line.startswith("###"):
            continue
        m = RELEASE.match(line)
        if m:
            found.append((m.group(3), i))
    out = []
    for k, (version, start) in enumerate(found):
        end = found[k + 1][1] if k + 1 < len(found) else len(lines)
        out.append((version, start, end))
    return out


def parse_section(lines: list[str]) -> dict:
    titles, bullets = [], []
    skip = False
    for line in lines[1:]:
        if line.startswith("### "):
            title = line[4:].strip()
            skip = bool(CONTRIBUTORS.search(title))
            if not skip:
                titles.append(title)
        elif not skip and (line.startswith("- ") or line.startswith("* ")):
            bullets.append(line)
    return {"heading": lines[0] if lines else "", "titles": titles, "bullets": bullets}


def bullet_shape(bullets: list[str]) -> dict:
    def majority(pred) -> bool:
        return sum(1 for b in bullets if pred(b)) * 2 > len(bullets) if bullets else False

    bodies = [b[2:] for b in bullets]
    scope = "none"
    counts = {
        "bold": sum(1 for b in bodies if re.match(r"\*\*[^*]+:\*\* ", b)),
        "italic": sum(1 for b in bodies if re.match(r"\*\([^)]+\)\* ", b)),
        "plain": sum(1 for b in bodies if re.match(r"[a-z][a-z0-9_-]*: ", b)),
    }
    if max(counts.values()) > 0:
        scope = max(counts, key=counts.get)

    def first_letter(b: str) -> str:
        b = re.sub(r"^(\*\*[^*]+:\*\* |\*\([^)]+\)\* |[a-z][a-z0-9_-]*: )", "", b)
        for c in b:
            if c.isalpha():
                return c
        return ""

    letters = [first_letter(b) for b in bodies if first_letter(b)]
    commit = sum(1 for b in bodies if re.search(r"\[[0-9a-f]{7,40}\]\(", b))
    pr = sum(1 for b in bodies if re.search(r"\(\[?#[0-9]+", b))
    n = len(bodies) or 1
    refs = "commit" if commit * 2 > n else "pr" if pr * 2 > n else "none"
    return {
        "marker": "*" if majority(lambda b: b.startswith("*")) else "-",
        "scope": scope,
        "capitalised": sum(1 for c in letters if c.isupper()) * 2 > len(letters) if letters else False,
        "refs": refs,
    }


def heading_shape(line: str) -> tuple:
    m = RELEASE.match(line)
    if not m:
        return ("?",)
    rest = m.group(5)
    return (
        len(m.group(1)),
        bool(m.group(2)),
        bool(m.group(4)),
        "paren" if "(" in rest else "dash" if " - " in rest else "none",
    )


def words(text: str) -> set[str]:
    text = re.sub(r"\]\([^)]*\)", "]", text)  # drop link targets
    text = re.sub(r"\b[0-9a-f]{7,40}\b", "", text)
    return set(WORD.findall(text.lower())) - {"closes", "the", "a", "an", "to", "of", "in"}


def match(ours: list[str], theirs: list[str]) -> tuple[int, int, int]:
    """Returns (matched, len(ours), len(theirs)): by PR number first, then word overlap."""
    used = set()
    matched = 0
    for b in ours:
        prs = set(PR.findall(b))
        best, best_score = None, 0.0
        for k, t in enumerate(theirs):
            if k in used:
                continue
            if prs and prs & set(PR.findall(t)):
                best, best_score = k, 1.0
                break
            a, c = words(b), words(t)
            score = len(a & c) / len(a | c) if a | c else 0.0
            if score > best_score:
                best, best_score = k, score
        if best is not None and best_score >= 0.5:
            used.add(best)
            matched += 1
    return matched, len(ours), len(theirs)


def run(herald: Path, repo: Path, tag: str, house_file: Path, builtin: bool) -> str | None:
    args = [str(herald), "changelog", "--tag", tag, "--offline", "--prepend", str(house_file)]
    if builtin:
        args.append("--builtin-style")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": tempfile.gettempdir(),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_HERALD_PROVIDER": "offline",
    }
    done = subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  {repo.name} {tag}: {done.stderr.strip()[:200]}", file=sys.stderr)
        return None
    return house_file.read_text()


def score(ours: dict, theirs: dict) -> dict:
    m, n_ours, n_theirs = match(ours["bullets"], theirs["bullets"])
    precision = m / n_ours if n_ours else (1.0 if not n_theirs else 0.0)
    recall = m / n_theirs if n_theirs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    a, b = set(ours["titles"]), set(theirs["titles"])
    jaccard = len(a & b) / len(a | b) if a | b else 1.0
    common = [t for t in ours["titles"] if t in b]
    order = common == [t for t in theirs["titles"] if t in a]
    so, st = bullet_shape(ours["bullets"]), bullet_shape(theirs["bullets"])
    shape = sum(so[k] == st[k] for k in so) / len(so) if theirs["bullets"] else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "titles": jaccard,
        "order": order,
        "shape": shape,
        "heading": heading_shape(ours["heading"]) == heading_shape(theirs["heading"]),
    }


def evaluate(herald: Path, source: Path, name: str, releases: int, scratch: Path) -> dict:
    # A shared clone (objects borrowed, nothing copied) whose origin is the GitHub URL, so
    # links are written as the maintainers' are; the original clone is left as it is.
    repo = scratch / name.replace("/", "+")
    if not repo.exists():
        subprocess.run(
            ["git", "clone", "-q", "--shared", "--no-checkout", str(source), str(repo)], check=True
        )
        subprocess.run(
            ["git", "remote", "set-url", "origin", f"https://github.com/{name}.git"],
            cwd=repo,
            check=True,
        )
    text = subprocess.run(
        ["git", "show", "HEAD:CHANGELOG.md"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout
    lines = text.split("\n")
    tags = set(subprocess.run(["git", "tag"], cwd=repo, capture_output=True, text=True).stdout.split())
    results = {"house": [], "builtin": []}
    picked = []
    for version, start, end in sections(text):
        if len(picked) == releases:
            break
        tag = f"v{version}"
        theirs = parse_section(lines[start:end])
        if tag not in tags or not theirs["bullets"]:
            continue
        picked.append(tag)
        # The file before this release: its header, then the older sections.
        first = sections(text)[0][1]
        before = "\n".join(lines[:first] + lines[end:])
        for kind in results:
            with tempfile.TemporaryDirectory() as tmp:
                house_file = Path(tmp) / "CHANGELOG.md"
                house_file.write_text(before)
                out = run(herald, repo, tag, house_file, kind == "builtin")
            if out is None:
                continue
            ours_sections = sections(out)
            hit = [s for s in ours_sections if s[0] == version]
            if not hit:
                continue
            _, s, e = hit[0]
            out_lines = out.split("\n")
            if SHOW == tag:
                print(f"--- ours ({kind}) ---\n" + "\n".join(out_lines[s:e]))
                print("--- theirs ---\n" + "\n".join(lines[start:end]))
            results[kind].append({"tag": tag, **score(parse_section(out_lines[s:e]), theirs)})
    return {"releases": picked, **results}


def mean(rows: list[dict], key: str) -> float:
    return statistics.mean(float(r[key]) for r in rows) if rows else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path("/work/evalrepos"))
    parser.add_argument("--releases", type=int, default=10)
    parser.add_argument("--herald", type=Path, default=ROOT / "target" / "release" / "git-herald")
    parser.add_argument("--json", action="store_true", help="print the details as JSON too")
    parser.add_argument("--show", metavar="TAG", help="print ours and theirs for one release tag")
    args = parser.parse_args()
    global SHOW
    SHOW = args.show
    if not args.herald.exists():
        print(f"no binary at `{args.herald}`; run `cargo build --release`", file=sys.stderr)
        return 1
    report = {}
    scratch = Path(tempfile.mkdtemp(prefix="eval-house-"))
    keys = ["precision", "recall", "f1", "titles", "order", "shape", "heading"]
    print(f"{'repository':38} {'style':8} " + " ".join(f"{k:>9}" for k in keys))
    for name in REPOS:
        repo = args.root / name
        if not (repo / ".git").exists() and not (repo / "HEAD").exists():
            print(f"{name}: not found under {args.root}", file=sys.stderr)
            continue
        result = evaluate(args.herald, repo, name, args.releases, scratch)
        report[name] = result
        for kind in ("builtin", "house"):
            rows = result[kind]
            print(
                f"{name:38} {kind:8} "
                + " ".join(f"{mean(rows, k):9.2f}" for k in keys)
                + f"   ({len(rows)} releases)"
            )
    if args.json:
        print(json.dumps(report, indent=2))
    subprocess.run(["rm", "-rf", str(scratch)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
