#!/usr/bin/env python3
"""Writes assets/tokens/{o200k_base,cl100k_base}.bin, the vocabularies src/tokens.rs counts with.

Python 3 standard library only. The source is the `.tiktoken` files tiktoken-rs ships (OpenAI's
tiktoken vocabularies, MIT; see assets/tokens/README.md): one `<base64 token> <rank>` line per
token. tiktoken-rs parses them from base64 and clones every token into several maps on each
start (about 100 ms for o200k_base); git-herald keeps the same tokens as raw bytes, which load
into one map in a fraction of that. The ranks are not stored: the script checks they run 0, 1,
2, ... in file order, so a token's rank is its position.

Format (all of it; little-endian):

    u32            number of tokens, N
    N x u8         length of each token in bytes, in rank order (every token is 1 to 255 bytes)
    ...            the tokens' bytes, concatenated in rank order

Run it from the repository's top folder after changing the tiktoken-rs version in Cargo.lock:

    python3 scripts/gen-token-vocab.py [PATH/TO/tiktoken-rs-X.Y.Z/assets]

Without a path it takes the tiktoken-rs that Cargo.lock names from ~/.cargo/registry (run
`cargo fetch` first). `cargo test tokens` then checks every token against tiktoken-rs's own.
"""
from __future__ import annotations

import base64
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENCODINGS = ["o200k_base", "cl100k_base"]


def assets_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    lock = (ROOT / "Cargo.lock").read_text()
    version = re.search(r'name = "tiktoken-rs"\nversion = "([^"]+)"', lock).group(1)
    home = Path.home() / ".cargo" / "registry" / "src"
    found = sorted(home.glob(f"*/tiktoken-rs-{version}/assets"))
    if not found:
        sys.exit(f"tiktoken-rs {version} is not in {home}: run `cargo fetch` or give the path")
    return found[0]


def convert(source: Path, out: Path) -> None:
    tokens = []
    for number, line in enumerate(source.read_text().splitlines()):
        token, rank = line.split(" ")
        if int(rank) != number:
            sys.exit(f"{source}:{number + 1}: rank {rank}, expected {number}: ranks must be "
                     "contiguous and in order (store them, and change src/tokens.rs)")
        tokens.append(base64.b64decode(token, validate=True))
    if len(set(tokens)) != len(tokens):
        sys.exit(f"{source}: a token appears twice")
    if not all(1 <= len(t) <= 255 for t in tokens):
        sys.exit(f"{source}: a token is empty or longer than 255 bytes")
    data = struct.pack("<I", len(tokens)) + bytes(len(t) for t in tokens) + b"".join(tokens)
    out.write_bytes(data)
    print(f"{out.relative_to(ROOT)}: {len(tokens)} tokens, {len(data)} bytes")


def main() -> None:
    source = assets_dir()
    out = ROOT / "assets" / "tokens"
    out.mkdir(parents=True, exist_ok=True)
    for name in ENCODINGS:
        convert(source / f"{name}.tiktoken", out / f"{name}.bin")


if __name__ == "__main__":
    main()
