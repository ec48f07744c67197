#!/usr/bin/env python3
"""Score the offline engine on the commit-type dev set in one process (fast iteration).

Runs examples/offline-features.rs over every diff at once and hands the subjects to the
dev set's scorer as pre-computed predictions, which gives the same figures as running the
CLI once per commit, in a few seconds:

    cargo build --release --example offline-features
    python3 scripts/offline-eval.py --data ../shared/eval/dev-commits.jsonl [scorer options]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "dev-commits.jsonl"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "examples", "offline-features"))
    args, rest = ap.parse_known_args()
    records = [json.loads(line) for line in open(args.data)]
    payload = bytearray()
    for r in records:
        raw = r["diff"].encode("utf-8", "surrogateescape")
        payload += b"%d\n" % len(raw) + raw
    out = subprocess.run([args.bin], input=bytes(payload), capture_output=True, check=True)
    lines = out.stdout.decode("utf-8", "replace").splitlines()
    assert len(lines) == len(records)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r, line in zip(records, lines):
            f.write(json.dumps({"id": r["id"], "output": line.split("\t", 2)[2]}) + "\n")
    scorer = os.path.join(os.path.dirname(os.path.abspath(args.data)), "score_types.py")
    try:
        subprocess.run([sys.executable, scorer, "--predictions", f.name] + rest, check=True)
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    main()
