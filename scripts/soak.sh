#!/usr/bin/env bash
# Soak: envtop against a misbehaving simulator for a long while, keys arriving all the time,
# the simulator restarted halfway; samples envtop's RSS, open descriptors and threads.
#
#   scripts/soak.sh [SECONDS] [OUT_DIR]      default 3600 s, soak-results/
#
# Faults: 300 ms latency plus up to 500 ms jitter, 5% 503 and 2% 500 answers, 2% dropped
# connections (resets), 1% truncated JSON; the simulator is killed and restarted on the same
# port at half time. Keys: j/k, page moves, a search typed and cleared, the filter menu, the
# detail pane, the stop dialog opened and cancelled (never confirmed), the help screen.
# Writes OUT_DIR/samples.csv (seconds,rss_kib,fds,threads) and OUT_DIR/summary.txt.
# Needs tmux and a built binary (ENVTOP_BIN, default .build/debug/envtop).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-3600}
out=${2:-soak-results}
bin=${ENVTOP_BIN:-.build/debug/envtop}
mkdir -p "$out"
bin=$(readlink -f "$bin")
port=$((20000 + RANDOM % 20000))
session="envtop-soak-$$"
log="$out/envtop.log"
rm -f "$log"

sim_pid=""
start_simulator() {
    ENVTOP_SIM_API_KEY=soak-api ENVTOP_SIM_ENVIRONMENT_KEY=soak-env \
        "$bin" simulate --port "$port" --environments 2 --items 200 --arrival-rate 1 \
        --latency-ms 300 --jitter-ms 500 --error-rate 503=0.05 --error-rate 500=0.02 \
        --drop-rate 0.02 --malformed-rate 0.01 >"$out/simulator.log" 2>&1 &
    sim_pid=$!
    for _ in $(seq 1 100); do
        curl -s "http://127.0.0.1:$port/_sim/faults" >/dev/null 2>&1 && return
        sleep 0.1
    done
    echo "soak: the simulator did not start" >&2
    exit 1
}

cleanup() {
    tmux -L "$session" kill-session -t "$session" 2>/dev/null || true
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
}
trap cleanup EXIT

start_simulator
tmux -L "$session" new-session -d -s "$session" -x 140 -y 45
tmux -L "$session" send-keys -t "$session" "ANTHROPIC_API_KEY=soak-api ANTHROPIC_ENVIRONMENT_KEY=soak-env ANTHROPIC_BASE_URL=http://127.0.0.1:$port '$bin' --refresh 1 --log-file '$log'" Enter
envtop_pid=""
for _ in $(seq 1 100); do
    envtop_pid=$(pgrep -f "^$bin --refresh 1 --log-file" | head -1 || true)
    [ -n "$envtop_pid" ] && break
    sleep 0.1
done
[ -n "$envtop_pid" ] || { echo "soak: envtop did not start" >&2; exit 1; }
sleep 5

sample() {
    local t=$1
    local rss threads fds
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$envtop_pid/status")
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$envtop_pid/status")
    fds=$(ls "/proc/$envtop_pid/fd" | wc -l)
    echo "$t,$rss,$fds,$threads" >>"$out/samples.csv"
}

keys=(j j j k J K Tab Enter Escape "/" f Escape o Escape s Escape "?" Escape g G)
echo "seconds,rss_kib,fds,threads" >"$out/samples.csv"
started=$(date +%s)
restarted=0
n=0
while :; do
    now=$(date +%s)
    elapsed=$((now - started))
    [ "$elapsed" -ge "$duration" ] && break
    kill -0 "$envtop_pid" 2>/dev/null || { echo "soak: envtop died at ${elapsed}s" | tee "$out/summary.txt"; exit 1; }
    key=${keys[$((n % ${#keys[@]}))]}
    if [ "$key" = "/" ]; then
        tmux -L "$session" send-keys -t "$session" "/" && tmux -L "$session" send-keys -t "$session" -l "queued" && tmux -L "$session" send-keys -t "$session" Escape
    else
        tmux -L "$session" send-keys -t "$session" "$key"
    fi
    n=$((n + 1))
    if [ $((n % 20)) -eq 0 ]; then sample "$elapsed"; fi
    if [ "$restarted" -eq 0 ] && [ "$elapsed" -ge $((duration / 2)) ]; then
        kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true
        sleep 5
        start_simulator
        restarted=1
    fi
    sleep 0.5
done
sample "$duration"
# How many items envtop holds at the end (the simulator adds work all the time): RSS follows it.
items=$(tmux -L "$session" capture-pane -p -t "$session" | sed -n 's/.* \([0-9][0-9]*\) total.*/\1/p' | paste -sd+ | bc)
# Out of any menu or search the last keys left open, then quit.
tmux -L "$session" send-keys -t "$session" Escape
sleep 0.3
tmux -L "$session" send-keys -t "$session" Escape
sleep 0.3
tmux -L "$session" send-keys -t "$session" q
sleep 2
if kill -0 "$envtop_pid" 2>/dev/null; then quit="did not quit on q"; else quit="quit on q"; fi

python3 - "$out/samples.csv" "$duration" "$n" "$quit" "${items:-?}" >"$out/summary.txt" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def col(name): return [int(r[name]) for r in rows]
rss, fds, threads = col("rss_kib"), col("fds"), col("threads")
tenth = max(1, len(rows) // 10)
print(f"soak: {sys.argv[2]} s, {sys.argv[3]} keys, {len(rows)} samples; {sys.argv[5]} items at the end; envtop {sys.argv[4]}")
print(f"RSS MiB: first tenth median {statistics.median(rss[:tenth]) / 1024:.1f}, "
      f"last tenth median {statistics.median(rss[-tenth:]) / 1024:.1f}, max {max(rss) / 1024:.1f}")
print(f"open descriptors: min {min(fds)}, max {max(fds)}, last {fds[-1]}")
print(f"threads: min {min(threads)}, max {max(threads)}, last {threads[-1]}")
EOF
cat "$out/summary.txt"
