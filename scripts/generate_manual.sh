#!/usr/bin/env bash
# Regenerates man/envtop.1 from the command-line definition (swift-argument-parser's
# generate-manual), with a pinned date and the default paths, so the page is the same on every
# machine and `git diff --exit-code man/` in CI says whether it is current.
# Usage: scripts/generate_manual.sh [path/to/envtop]   (default: builds the debug binary)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
if [[ -z "$binary" ]]; then
    swift build --product envtop >&2
    binary="$(swift build --show-bin-path)/envtop"
fi
swift build --product generate-manual >&2
# The executable is generate-manual-tool or generate-manual, by swift-argument-parser's version.
tool="$(swift build --show-bin-path)/generate-manual-tool"
[[ -x "$tool" ]] || tool="$(swift build --show-bin-path)/generate-manual"
# The date of the last change to the command line's definition, not today's: reproducible.
date="${MANUAL_DATE:-2026-12-06}"
mkdir -p man
ENVTOP_MANUAL=1 HOME=/nonexistent XDG_CONFIG_HOME= XDG_STATE_HOME= \
    "$tool" "$binary" --date "$date" --authors "envtop developers" -o man >&2
echo "man/envtop.1: $(wc -l < man/envtop.1) lines"
