#!/usr/bin/env bash
# Instruction counts of three fixed workloads under valgrind's callgrind: the same binary and
# inputs give the same count whatever else the machine does, so a regression shows as a number.
#
#   scripts/bench/instructions.sh [BINARY]      default .build/release/envtop
#
# Each workload is `envtop bench-render --workload W` (synthetic items, a fixed clock, no
# network or terminal); its count minus that of `--workload load` with the same items is the
# work itself:
#   refresh  one refresh cycle of 10,000 unchanged items in the reducer (100 cycles counted,
#            the figure is their mean: one cycle is now smaller than the load's spread)
#   frames   1,000 frames of a 10,000-item list (DashboardView.render)
#   search   one search keystroke (/ then w) over 100,000 items
# Hashing is made deterministic (SWIFT_DETERMINISTIC_HASHING): with a random seed per process,
# dictionary collisions move the load's count by about a million instructions from run to run.
# Prints a Markdown table. valgrind 3.19 cannot read this toolchain's DWARF, so a copy of the
# binary without debug sections is measured (its symbol table is kept).
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/release/envtop}
command -v valgrind >/dev/null || { echo "instructions: needs valgrind" >&2; exit 1; }
copy=$(mktemp /tmp/envtop-callgrind.XXXXXX)
trap 'rm -f "$copy" "$copy".out' EXIT
strip --strip-debug -o "$copy" "$binary"

count() {  # ITEMS WORKLOAD [FRAMES]
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$copy.out" "$copy" bench-render --items "$1" \
        --workload "$2" --frames "${3:-1}" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

load10k=$(count 10000 load)
refresh=$(count 10000 refresh 100)
frames=$(count 10000 frames 1000)
load100k=$(count 100000 load)
search=$(count 100000 search)
echo "| workload | instructions | (load alone) |"
echo "| --- | ---: | ---: |"
printf '| one refresh cycle, 10,000 unchanged items (mean of 100) | %d | %d |\n' $(((refresh - load10k) / 100)) "$load10k"
printf '| 1,000 frames, 10,000-item list | %d | %d |\n' $((frames - load10k)) "$load10k"
printf '| one search keystroke, 100,000 items | %d | %d |\n' $((search - load100k)) "$load100k"
