#!/usr/bin/env python3
"""Several environments merged, with the real binary: 20 environments of 5,000 items each by
default, in one simulator, watched by one envtop (the merged view) in a 120x40 pty.

    scripts/bench/fleet.py [--environments 20] [--items 5000] [--window 30] [--runs 3] [--binary B]

Measures, per run: the time until the header shows every item, peak and current RSS, idle CPU
(seconds per minute over the window, from the scheduler) and API requests per environment per
refresh cycle (the simulator counts them: stats calls are cycles); then the merged view's frame,
Down key and search keystroke from `envtop bench-render --environments N`. Prints JSON.
Needs pyte (bench.sh installs it into bench-results/venv).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pty_session import PtySession  # noqa: E402
from run import Workspace  # noqa: E402
from simulator import STATS_ROUTE, Simulator, request_delta  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def one_run(binary: str, environments: int, items: int, window: float) -> dict:
    simulator = Simulator(binary, items=items, environments=environments, startup_timeout=900)
    workspace = Workspace()
    total = environments * items
    try:
        argv = [binary, "--refresh", "1", "--log-file", str(workspace.root / "envtop.log")]
        session = PtySession(argv, workspace.environment(simulator.client_environment()))
        started = time.monotonic()
        shown = session.screen_when(lambda lines: any(f" {total} total" in line for line in lines), timeout=600)
        if shown is None:
            raise RuntimeError("the merged view never showed every item:\n" + "\n".join(session.display()))
        load_seconds = shown - started
        time.sleep(5)
        tasks0, cpu0 = session.cpu_sample()
        requests0 = simulator.request_counts()
        time.sleep(window)
        tasks1, cpu1 = session.cpu_sample()
        requests1 = simulator.request_counts()
        delta = request_delta(requests0, requests1) or {}
        cycles = delta.get(STATS_ROUTE, 0)
        api = sum(count for route, count in delta.items() if not route.startswith("GET /_sim") and not route.startswith("POST /_sim"))
        memory = session.memory_kib()
        session.stop(b"q")
        return {
            "load_seconds": round(load_seconds, 2),
            "peak_rss_mib": round(memory["VmHWM"] / 1024, 1),
            "rss_mib": round(memory["VmRSS"] / 1024, 1),
            "idle_cpu_s_per_min": round((cpu1 - cpu0) * 60 / window, 3) if tasks0 == tasks1 else None,
            "refresh_cycles_per_environment_per_second": round(cycles / environments / window, 2),
            "requests_per_environment_per_cycle": round(api / cycles, 2) if cycles else None,
        }
    finally:
        simulator.stop()
        workspace.remove()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--environments", type=int, default=20)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--window", type=float, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/envtop"))
    args = parser.parse_args()
    runs = [one_run(args.binary, args.environments, args.items, args.window) for _ in range(args.runs)]
    medians = {key: statistics.median([r[key] for r in runs if r[key] is not None] or [float("nan")]) for key in runs[0]}
    # The merged view's frame, Down key and search keystroke, in the reducer and the views alone.
    render = json.loads(subprocess.run(
        [args.binary, "bench-render", "--environments", str(args.environments), "--items", str(args.items), "--frames", "200"],
        check=True, capture_output=True).stdout)
    print(json.dumps({
        "environments": args.environments, "items_each": args.items, "runs": runs, "median": medians,
        "frame_ms": render["frame"]["median_ms"], "key_down_ms": render["key_down"]["median_ms"],
        "search_ms": render["search"]["keystroke"]["median_ms"], "requests_per_refresh_in_reducer": render["requests_per_refresh"],
    }, indent=2))


if __name__ == "__main__":
    main()
