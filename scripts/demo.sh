#!/bin/sh
# Runs git-herald the way a user does: in a scratch repository with a staged change, on the
# offline engine (no key, no network). Usage: scripts/demo.sh [path/to/git-herald]
set -eu
herald=${1:-git-herald}
command -v "$herald" >/dev/null 2>&1 || {
    echo "error: \`$herald\` not found; run \`cargo install --locked --path .\` first" >&2
    exit 1
}
repo=$(mktemp -d "${TMPDIR:-/tmp}/git-herald-demo.XXXXXX")
trap 'rm -rf "$repo"' EXIT
cd "$repo"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git init -q -b main
git config user.name "Demo" && git config user.email "demo@example.com"
mkdir -p src
cat > src/lib.rs <<'RS'
//! A tiny parser.

pub fn parse_number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}
RS
git add . && git commit -q -m "feat: add parse_number"
cat > src/lib.rs <<'RS'
//! A tiny parser.

pub fn parse_number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// Parses `key=value` pairs separated by commas.
pub fn parse_pairs(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}
RS
git add src/lib.rs
echo "\$ git diff --cached --stat"
git diff --cached --stat
echo "\$ git herald"
"$herald"
