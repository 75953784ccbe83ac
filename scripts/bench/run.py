#!/usr/bin/env python3
"""envtop against htop: the benchmark of issue 5. Run it through `scripts/bench.sh` (which
builds the release binary and provides pyte); see BENCHMARKS.md for what each figure means.

Writes the raw results to bench-results/<stamp>.json and a Markdown report beside it, and prints
the report. Benchmarks are not tests: nothing here fails on a number.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import machine, markdown  # noqa: E402
from scenarios import (Program, envtop_is_full, harness_floor, header_lines, htop_is_full,  # noqa: E402
                       idle_window, changed_rows, key_latencies, start)
from simulator import Simulator  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
COLS, ROWS = 120, 40
REFRESH = 1.0
SEED = 7


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Workspace:
    """A private HOME and XDG directories, so no user config or theme changes what is measured."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="envtop-bench-"))
        for sub in ("config", "state", "home"):
            (self.root / sub).mkdir()

    def environment(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root / "home"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "XDG_STATE_HOME": str(self.root / "state"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        env.update(extra or {})
        return env

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def envtop_program(binary: str, workspace: Workspace, simulator: Simulator | None, log_name: str) -> Program:
    argv = [binary, "--refresh", str(REFRESH), "--log-file", str(workspace.root / log_name)]
    if simulator is None:
        argv += ["--demo", "--seed", str(SEED)]
        env = workspace.environment()
    else:
        # `-e`, not `--environment`: the end-to-end tests end their own envtop with
        # `pkill -f "envtop.*environment ENV"`, and the simulator's ids do not depend on the seed.
        argv += ["-e", simulator.environment_id]
        env = workspace.environment(simulator.client_environment())
    return Program("envtop", argv, env, b"q", envtop_is_full)


def htop_program(workspace: Workspace) -> Program:
    return Program("htop", ["htop", "-d", str(int(REFRESH * 10))], workspace.environment(), b"q", htop_is_full)


def checked(session, result: dict) -> dict:
    """A program that ended during its measurement makes the run invalid: say so, so the report
    leaves it out rather than averaging in figures of a dead process."""
    if not session.is_running():
        result["error"] = f"the program exited during the run (status {session.process.returncode})"
        log(f"{session.argv[0]}: {result['error']}")
    return result


def run_envtop(binary: str, workspace: Workspace, args) -> dict:
    """The quiet environment: first screen, idle window, one changed row at a time, keys with a
    fast and with a 3 s API."""
    simulator = Simulator(binary, seed=SEED, items=40, workers=0, arrival_rate=0)
    session = None
    try:
        session, first_full = start(envtop_program(binary, workspace, simulator, "envtop.log"), COLS, ROWS)
        result = {"first_full_screen_seconds": first_full}
        if first_full is None:
            result["error"] = "no full screen within 30 s"
            result["screen"] = session.display()
            return result
        time.sleep(args.settle)
        result["idle"] = idle_window(session, args.window, REFRESH, simulator)
        result["changed_row"] = changed_rows(session, simulator, args.changes)
        result["keys_fast_api"] = key_latencies(session, args.keys)
        simulator.set_faults({"latency_milliseconds": 3000})
        time.sleep(1.5)  # a refresh cycle is now waiting on the API
        result["keys_slow_api"] = key_latencies(session, args.keys, seed=SEED + 1)
        simulator.set_faults({})
        result["screen"] = session.display()
        return checked(session, result)
    finally:
        if session:
            session.stop(quit_keys=b"q")
        simulator.stop()


def run_htop(workspace: Workspace, args) -> dict:
    session, first_full = start(htop_program(workspace), COLS, ROWS)
    try:
        result = {"first_full_screen_seconds": first_full}
        if first_full is None:
            result["error"] = "no full screen within 30 s"
            result["screen"] = session.display()
            return result
        time.sleep(args.settle)
        result["idle"] = idle_window(session, args.window, REFRESH)
        result["keys"] = key_latencies(session, args.keys)
        return checked(session, result)
    finally:
        session.stop(quit_keys=b"q")


def run_demo(binary: str, workspace: Workspace) -> dict:
    session, first_full = start(envtop_program(binary, workspace, None, "demo.log"), COLS, ROWS)
    try:
        return {"first_full_screen_seconds": first_full}
    finally:
        session.stop(quit_keys=b"q")


def run_scale(binary: str, workspace: Workspace, items: int, args) -> dict:
    """The real binary against a simulator holding `items` items: load, memory, idle cost."""
    simulator = Simulator(binary, seed=SEED, items=items, workers=0, arrival_rate=0, startup_timeout=600)
    session = None
    try:
        result = {"items": items, "simulator_startup_seconds": simulator.startup_seconds}
        session, first_full = start(envtop_program(binary, workspace, simulator, f"scale-{items}.log"), COLS, ROWS)
        result["first_full_screen_seconds"] = first_full
        needle = f"{items} total"
        loaded_at = session.screen_when(
            lambda lines: any(needle in line for line in header_lines(lines)), timeout=args.load_timeout)
        result["full_load_seconds"] = None if loaded_at is None else loaded_at - session.started_at
        result["memory_after_load_kib"] = session.memory_kib()
        time.sleep(args.settle)
        result["idle"] = idle_window(session, args.window, REFRESH, simulator)
        result["memory_kib"] = session.memory_kib()
        result["keys"] = key_latencies(session, max(4, args.keys // 2))
        return checked(session, result)
    finally:
        if session:
            session.stop(quit_keys=b"q")
        simulator.stop()


def run_render(binary: str, items: int, frames: int) -> dict:
    out = subprocess.run([binary, "bench-render", "--items", str(items), "--frames", str(frames)],
                         capture_output=True, text=True, timeout=900, check=True)
    return json.loads(out.stdout)


def parse_arguments(argv: list[str]):
    parser = argparse.ArgumentParser(description="Benchmark envtop against htop (issue 5).")
    parser.add_argument("--runs", type=int, default=3, help="runs of each live measurement (median over them)")
    parser.add_argument("--window", type=float, default=30, help="seconds of each idle window")
    parser.add_argument("--settle", type=float, default=3, help="seconds to wait after the first screen")
    parser.add_argument("--keys", type=int, default=24, help="keys timed per key-to-paint measurement")
    parser.add_argument("--changes", type=int, default=3, help="rows changed one at a time per run")
    parser.add_argument("--scale", default="1000,10000,100000", help="item counts for memory, frame and search")
    parser.add_argument("--scale-runs", type=int, default=1, help="runs of the live scale measurement per count")
    parser.add_argument("--frames", type=int, default=300, help="frames timed by bench-render")
    parser.add_argument("--load-timeout", type=float, default=300, help="seconds allowed for the full list to load")
    parser.add_argument("--binary", default=str(ROOT / ".build/release/envtop"))
    parser.add_argument("--no-htop", action="store_true", help="skip htop (figures without a comparison)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument("--smoke", action="store_true", help="one quick pass of everything, to check the script runs")
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs, args.window, args.settle, args.keys, args.changes = 1, 2.5, 1, 4, 1
        args.scale, args.scale_runs, args.frames = "1000", 1, 20
    return args


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    binary = args.binary
    if not os.access(binary, os.X_OK):
        log(f"no binary at {binary}: build it with `swift build -c release --product envtop`")
        return 2
    use_htop = not args.no_htop and shutil.which("htop") is not None
    if not use_htop and not args.no_htop:
        log("htop is not installed (apt-get install htop): envtop figures only")
    scale = [int(n) for n in args.scale.split(",") if n.strip()]
    workspace = Workspace()
    # A private copy: a rebuild of the tree during the run must not change what is measured.
    binary = str(workspace.root / "envtop")
    shutil.copy2(args.binary, binary)
    started = time.monotonic()
    results: dict = {"machine": machine(args.binary), "config": {k: v for k, v in vars(args).items()}, "runs": [],
                     "render": {}, "scale": {}}
    try:
        log("harness floor (raw cat echo)")
        results["floor_ms"] = harness_floor(max(10, args.keys), COLS, ROWS)
        for items in scale:
            log(f"bench-render --items {items}")
            results["render"][str(items)] = [run_render(binary, items, args.frames) for _ in range(args.runs)]
        for run in range(args.runs):
            log(f"run {run + 1}/{args.runs}: envtop against a quiet simulator")
            entry = {"envtop": run_envtop(binary, workspace, args)}
            if use_htop:
                log(f"run {run + 1}/{args.runs}: htop")
                entry["htop"] = run_htop(workspace, args)
            log(f"run {run + 1}/{args.runs}: envtop --demo first screen")
            entry["demo"] = run_demo(binary, workspace)
            results["runs"].append(entry)
        for items in scale:
            results["scale"][str(items)] = []
            for run in range(args.scale_runs):
                log(f"scale {items} items, run {run + 1}/{args.scale_runs}")
                results["scale"][str(items)].append(run_scale(binary, workspace, items, args))
    finally:
        workspace.remove()
    results["elapsed_seconds"] = time.monotonic() - started
    with open("/proc/loadavg") as f:
        results["load_average_end"] = f.read().split()[:3]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    (out / f"{stamp}.json").write_text(json.dumps(results, indent=1))
    report = markdown(results)
    (out / f"{stamp}.md").write_text(report)
    print(report)
    log(f"raw results: {out / (stamp + '.json')} ({results['elapsed_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
