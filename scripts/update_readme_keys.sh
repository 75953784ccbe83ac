#!/usr/bin/env bash
# Regenerates the generated sections of README.md from the dashboard's own tables, via the hidden
# `envtop keys`: the key table (between <!-- keys:begin --> and <!-- keys:end -->, from KeyMap)
# and the glossary with the runbook rules (between <!-- glossary:begin --> and
# <!-- glossary:end -->, from Glossary).
# Usage: scripts/update_readme_keys.sh [path/to/envtop]   (default: builds and uses the debug binary)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
if [[ -z "$binary" ]]; then
    swift build --product envtop >&2
    binary="$(swift build --show-bin-path)/envtop"
fi
update() {
    SECTION="$1" BEGIN="$2" END="$3" python3 - README.md <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
begin, end = os.environ["BEGIN"], os.environ["END"]
start = text.find(begin)
stop = text.find(end, start)
if start < 0 or stop < 0:
    sys.exit(f"{path}: no {begin} ... {end} markers")
new = text[:start] + os.environ["SECTION"] + text[stop + len(end):]
if new != text:
    open(path, "w", encoding="utf-8").write(new)
    print(f"{path}: {begin} section updated")
else:
    print(f"{path}: {begin} section already up to date")
PY
}
update "$("$binary" keys --markdown)" "<!-- keys:begin -->" "<!-- keys:end -->"
update "$("$binary" keys --glossary)" "<!-- glossary:begin -->" "<!-- glossary:end -->"
