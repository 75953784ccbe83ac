#!/usr/bin/env bash
# Regenerates the key table in README.md (between <!-- keys:begin --> and <!-- keys:end -->)
# from the dashboard's own key table, via the hidden `envtop keys --markdown`.
# Usage: scripts/update_readme_keys.sh [path/to/envtop]   (default: builds and uses the debug binary)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
if [[ -z "$binary" ]]; then
    swift build --product envtop >&2
    binary="$(swift build --show-bin-path)/envtop"
fi
section="$("$binary" keys --markdown)"
SECTION="$section" python3 - README.md <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
begin, end = "<!-- keys:begin -->", "<!-- keys:end -->"
start = text.find(begin)
stop = text.find(end, start)
if start < 0 or stop < 0:
    sys.exit(f"{path}: no {begin} ... {end} markers")
new = text[:start] + os.environ["SECTION"] + text[stop + len(end):]
if new != text:
    open(path, "w", encoding="utf-8").write(new)
    print(f"{path}: key table updated")
else:
    print(f"{path}: key table already up to date")
PY
