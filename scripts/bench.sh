#!/usr/bin/env bash
# envtop against htop (issue 5): builds the release binary, then measures bytes per refresh, idle
# CPU, key-to-paint latency, time to the first full screen, memory/frame/search at scale and API
# requests per refresh, each beside htop's where it applies. See BENCHMARKS.md.
#
#   scripts/bench.sh                 # the full benchmark (a few minutes); report on stdout
#   scripts/bench.sh --smoke         # one quick pass, to check the script still runs
#   scripts/bench.sh --help          # every option (runs, window, keys, scale...)
#
# Needs: swift, python3 (3.9+) with venv and pip (pyte is installed into bench-results/venv),
# htop for the comparison (apt-get install htop; without it envtop's figures are reported alone).
# Raw results go to bench-results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ " $* " != *" --no-build "* ]]; then
  swift build -c release --product envtop >&2
fi
args=()
for arg in "$@"; do [[ "$arg" == "--no-build" ]] || args+=("$arg"); done

venv=bench-results/venv
if ! "$venv/bin/python" -c 'import pyte' 2>/dev/null; then
  mkdir -p bench-results
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet 'pyte==0.8.2' >&2
fi
if ! command -v htop >/dev/null; then
  echo "bench: htop is not installed (apt-get install htop); envtop's figures only" >&2
fi
exec "$venv/bin/python" scripts/bench/run.py ${args[@]+"${args[@]}"}
