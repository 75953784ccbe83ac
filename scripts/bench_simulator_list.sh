#!/usr/bin/env bash
# Measures the simulator at scale: the time to create 100,000 queued items in one environment,
# then the latency of GET /work?limit=100 (first page and a page deep in the list), as medians.
# Usage: scripts/bench_simulator_list.sh [ENVTOP_BINARY] [ITEMS] [RUNS]
# Build first, e.g. `swift build -c release --product envtop`; the default binary is the release one.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/release/envtop}"
items="${2:-100000}"
runs="${3:-21}"
port=$((20000 + RANDOM % 20000))
log="$(mktemp)"
"$binary" simulate --port "$port" --environments 1 --workers 0 --arrival-rate 0 --items 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do grep -q '^  env_' "$log" && break; sleep 0.1; done
env_id="$(grep -m1 '^  env_' "$log" | tr -d ' ')"
headers=(-H "Authorization: Bearer bench" -H "anthropic-version: 2026-10-21" -H "anthropic-beta: managed-agents-2026-04-01")

seed_seconds="$(curl -s -o /dev/null -w '%{time_total}' -X POST "$base/_sim/enqueue?environment_id=$env_id&count=$items&quiet=true")"
echo "seeded $items items in ${seed_seconds}s"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f ms (n=%d, min %.2f, max %.2f)\n", m*1000, NR, a[1]*1000, a[NR]*1000}'; }

echo -n "GET /work?limit=100 first page: "
for _ in $(seq 1 "$runs"); do
  curl -s -o /dev/null -w '%{time_total}\n' "${headers[@]}" "$base/v1/environments/$env_id/work?limit=100"
done | median

# A cursor half-way down the list: the page key is opaque, so take it from a walk of 1000-item pages.
cursor=""
for _ in $(seq 1 $((items / 2000))); do
  cursor="$(curl -s "${headers[@]}" "$base/v1/environments/$env_id/work?limit=1000${cursor:+&page=$cursor}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["next_page"] or "")')"
done
echo -n "GET /work?limit=100 mid-list page: "
for _ in $(seq 1 "$runs"); do
  curl -s -o /dev/null -w '%{time_total}\n' "${headers[@]}" "$base/v1/environments/$env_id/work?limit=100&page=$cursor"
done | median

echo -n "GET /work/stats: "
for _ in $(seq 1 "$runs"); do
  curl -s -o /dev/null -w '%{time_total}\n' "${headers[@]}" "$base/v1/environments/$env_id/work/stats"
done | median
