#!/usr/bin/env bash
# Package a built git-herald binary as the release archive cargo-binstall downloads.
#
#   scripts/package.sh TARGET BINARY OUT_DIR
#
# Writes OUT_DIR/git-herald-<version>-<target>.tar.gz (.zip for Windows targets) holding
#
#   git-herald-<version>-<target>/git-herald[.exe]     the binary
#   git-herald-<version>-<target>/man/man1/*.1         the manual pages (`git herald man --dir`)
#   git-herald-<version>-<target>/README.md, LICENSE-MIT, LICENSE-APACHE
#
# and a `.sha256` file beside it. The names follow `[package.metadata.binstall]` in
# Cargo.toml; `tests/cli/release.rs` packages the host's binary with this script and checks
# that the archive is where binstall looks and holds the binary where binstall expects it.
# `.github/workflows/release.yml` runs it for every target it builds.
set -euo pipefail

if [ "$#" -ne 3 ]; then
    echo "usage: $0 TARGET BINARY OUT_DIR" >&2
    exit 2
fi
target=$1
binary=$2
out=$3
root=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x "$binary" ]; then
    echo "error: $binary is not an executable file; build it first (cargo build --release --target $target)" >&2
    exit 1
fi

# The version is the package's own, read from Cargo.toml's [package] table.
version=$(sed -n '/^\[package\]/,/^\[/ s/^version *= *"\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
if [ -z "$version" ]; then
    echo "error: no version in $root/Cargo.toml" >&2
    exit 1
fi

name="git-herald-$version-$target"
case "$target" in
    *windows*) ext=.exe; format=zip ;;
    *) ext=; format=tar.gz ;;
esac

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/$name/man/man1"
cp "$binary" "$stage/$name/git-herald$ext"
cp "$root/README.md" "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/$name/"
# The pages come from the binary itself, so they describe exactly what was built. A binary
# for another platform cannot run here; its pages are the same, so the host's build writes them.
pages_from="$stage/$name/git-herald$ext"
if ! "$pages_from" --version >/dev/null 2>&1; then
    pages_from=${HERALD_MAN_FROM:-}
fi
if [ -n "$pages_from" ]; then
    "$pages_from" man --dir "$stage/$name/man/man1" >/dev/null
else
    echo "warning: $binary cannot run here and HERALD_MAN_FROM is not set: no manual pages" >&2
    rmdir "$stage/$name/man/man1" "$stage/$name/man"
fi

archive="$out/$name.$format"
rm -f "$archive"
if [ "$format" = zip ]; then
    (cd "$stage" && if command -v 7z >/dev/null; then 7z a -tzip -bd "$archive" "$name" >/dev/null; else zip -qr "$archive" "$name"; fi)
else
    # Sorted names, fixed owner and mtime: the same build gives the same archive.
    (cd "$stage" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf "$archive" "$name" 2>/dev/null \
        || tar -czf "$archive" "$name")
fi

(cd "$out" && if command -v sha256sum >/dev/null; then sha256sum "$name.$format"; else shasum -a 256 "$name.$format"; fi) >"$archive.sha256"
echo "$archive"
