"""The machine description and the Markdown report (medians over runs, envtop beside htop)."""

from __future__ import annotations

import os
import platform
import subprocess
import time

from figures import median, percentile

TARGETS = {
    "unchanged": "≤ 100",
    "changed": "≤ htop's bytes per update",
    "cpu": "≤ htop",
    "keys": "< 2 ms, slow API invisible",
    "first": "< 300 ms (local simulator)",
}


def _run(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _uncommitted() -> list[str]:
    """Tracked files changed but not committed (other work in progress in a shared tree)."""
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        out = subprocess.run(["git", "-C", here, "status", "--porcelain", "--untracked-files=no"],
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line[3:] for line in out.splitlines() if len(line) > 3]


def machine(binary: str) -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            memory = f.readline().split(":", 1)[1].strip()
    except OSError:
        pass
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "kernel": platform.release(),
        "htop": _run(["htop", "--version"]).splitlines()[0] if _run(["htop", "--version"]) else "not installed",
        "swift": (_run(["swift", "--version"]).splitlines() or [""])[0],
        "commit": _run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"]),
        "binary": binary,
        "load_average": open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else [],
        # Files changed but not committed when the binary was measured (other work in progress).
        "uncommitted": len(_uncommitted()),
        "uncommitted_files": _uncommitted(),
    }


def _fmt(value, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:.{digits}f}"
    else:
        text = str(value)
    return text + unit


def _runs(results: dict, program: str, *path):
    """The value at `path` in each run's `program` result (None where missing)."""
    values = []
    for run in _valid(results, program):
        node = run.get(program)
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        values.append(node)
    return values


def _all_keys(results: dict, program: str, key: str) -> list:
    samples = []
    for run in _valid(results, program):
        samples += [v for v in (run.get(program, {}).get(key) or []) if v is not None]
    return samples


def _valid(results: dict, program: str) -> list:
    """Runs in which the program lived through its whole measurement."""
    return [run for run in results["runs"] if program in run and "error" not in run[program]]


def _misses(results: dict, program: str, key: str) -> int:
    return sum(1 for run in _valid(results, program) for v in (run.get(program, {}).get(key) or []) if v is None)


def markdown(results: dict) -> str:
    m = results["machine"]
    cfg = results["config"]
    out = [
        f"## Results {m['date_utc']}",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, Linux {m['kernel']}; {m['htop']}; "
        f"{m['swift']}; load average at the start {' '.join(m.get('load_average', []))}"
        f", at the end {' '.join(results.get('load_average_end', []))}; envtop at {m['commit']}"
        + (f" (+{m['uncommitted']} files uncommitted: {', '.join(m.get('uncommitted_files', [])[:8])})."
           if m.get("uncommitted") else "."),
        f"Command: `scripts/bench.sh --runs {cfg['runs']} --window {cfg['window']:g} --keys {cfg['keys']}"
        f" --scale {cfg['scale']}`; medians over {cfg['runs']} runs; pty {120}x{40}, TERM=xterm-256color,"
        f" refresh 1 s (`envtop --refresh 1`, `htop -d 10`).",
        "",
    ]
    has_htop = any("htop" in run for run in results["runs"])
    invalid = {p: len(results["runs"]) - len(_valid(results, p)) for p in ("envtop", "htop", "demo")}
    if any(invalid[p] for p in invalid if p != "htop" or has_htop):
        out += [f"Runs left out because the program died during them: {invalid}.", ""]

    def row(name, envtop, htop, target):
        return f"| {name} | {envtop} | {htop if has_htop else '–'} | {target} |"

    head = ["| figure | envtop | htop | target |", "| --- | ---: | ---: | --- |"]

    # 1. Bytes
    e_idle = median(_runs(results, "envtop", "idle", "bytes_per_refresh"))
    h_idle = median(_runs(results, "htop", "idle", "bytes_per_refresh"))
    e_paint = median(_runs(results, "envtop", "idle", "bytes_per_paint_median"))
    h_paint = median(_runs(results, "htop", "idle", "bytes_per_paint_median"))
    changed = [c["paint_bytes"] for run in _valid(results, "envtop") for c in run["envtop"].get("changed_row", [])
               if c.get("paint_bytes") is not None]
    shown = [c["seconds_to_show"] for run in _valid(results, "envtop") for c in run["envtop"].get("changed_row", [])
             if c.get("seconds_to_show") is not None]
    out += ["### 1. Bytes written to the terminal", ""] + head + [
        row("nothing changed but the clock: bytes per 1 s refresh", _fmt(e_idle, 0), _fmt(h_idle, 0), TARGETS["unchanged"]),
        row("same, bytes per paint (median paint)", _fmt(e_paint, 0), _fmt(h_paint, 0), ""),
        row("same, of which characters (the rest: cursor moves, colours)",
            _fmt(median(_runs(results, "envtop", "idle", "text_bytes_per_refresh")), 0),
            _fmt(median(_runs(results, "htop", "idle", "text_bytes_per_refresh")), 0), ""),
        row(f"one row changed state: bytes of the paint that shows it (n={len(changed)})", _fmt(median(changed), 0),
            f"{_fmt(h_idle, 0)} per update (1 s), {_fmt(h_paint, 0)} per paint", TARGETS["changed"]),
        row("seconds from the stop call to the row showing it", _fmt(median(shown), 2), "", ""),
        "",
    ]
    # 2. CPU
    e_cpu = median(_runs(results, "envtop", "idle", "cpu_seconds_per_minute"))
    h_cpu = median(_runs(results, "htop", "idle", "cpu_seconds_per_minute"))
    out += ["### 2. CPU while idle at a 1 s refresh", ""] + head + [
        row("CPU seconds per minute (client only)", _fmt(e_cpu, 3), _fmt(h_cpu, 3), TARGETS["cpu"]),
        row("how it was read (scheduler run time in ns, or 10 ms clock ticks)",
            ", ".join(sorted({v for v in _runs(results, "envtop", "idle", "cpu_source") if v})) or "ticks",
            ", ".join(sorted({v for v in _runs(results, "htop", "idle", "cpu_source") if v})) or "ticks", ""),
        "",
    ]
    # 3. Keys
    fast = _all_keys(results, "envtop", "keys_fast_api")
    slow = _all_keys(results, "envtop", "keys_slow_api")
    htop_keys = _all_keys(results, "htop", "keys")
    floor = [v for v in results.get("floor_ms", []) if v is not None]

    def keys(sample, misses=0):
        text = f"{_fmt(median(sample), 2)} (p90 {_fmt(percentile(sample, 0.9), 2)}, n={len(sample)})"
        return text + (f", {misses} unanswered" if misses else "")

    out += ["### 3. Key-to-paint latency (Down, ms)", ""] + head + [
        row("API answering at once", keys(fast, _misses(results, "envtop", "keys_fast_api")),
            keys(htop_keys, _misses(results, "htop", "keys")), TARGETS["keys"]),
        row("API adding 3 s to every call", keys(slow, _misses(results, "envtop", "keys_slow_api")), "n/a", TARGETS["keys"]),
        row("harness floor (raw `cat` echo)", keys(floor), "", ""),
        "",
    ]
    # 4. First screen
    demo = median(_runs(results, "demo", "first_full_screen_seconds"))
    standalone = median(_runs(results, "envtop", "first_full_screen_seconds"))
    h_first = median(_runs(results, "htop", "first_full_screen_seconds"))
    ms = lambda v: None if v is None else v * 1000  # noqa: E731
    out += ["### 4. Time from start to the first full screen (ms)", ""] + head + [
        row("`envtop --demo` (simulator in process)", _fmt(ms(demo), 0), "", TARGETS["first"]),
        row("against a standalone simulator (40 items)", _fmt(ms(standalone), 0), _fmt(ms(h_first), 0), TARGETS["first"]),
        "",
    ]
    # 5. Scale
    out += ["### 5. Scale: memory, frame and search", "",
            "| items | frame ms (median / p90) | diff after a tick ms | search ms per key (median / max) "
            "| refresh cycle in the reducer ms | first load in the reducer ms | peak RSS, real binary MiB "
            "| full load, real binary s | idle CPU s/min | bytes per refresh | Down ms |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for items, renders in results["render"].items():
        frame = median([r["frame"]["median_ms"] for r in renders])
        frame90 = median([r["frame"]["p90_ms"] for r in renders])
        diff = median([r["diff_after_tick"]["median_ms"] for r in renders])
        search = median([r["search"]["keystroke"]["median_ms"] for r in renders])
        search_max = median([r["search"]["keystroke"]["max_ms"] for r in renders])
        cycle = median([r["refresh_cycle"]["median_ms"] for r in renders])
        load = median([r["load_ms"] for r in renders])
        live = [s for s in results["scale"].get(items, []) if "error" not in s]
        hwm = median([s["memory_kib"].get("VmHWM", 0) / 1024 for s in live if s.get("memory_kib")])
        full = median([s.get("full_load_seconds") for s in live])
        cpu = median([s["idle"]["cpu_seconds_per_minute"] for s in live if "idle" in s])
        per_refresh = median([s["idle"]["bytes_per_refresh"] for s in live if "idle" in s])
        down = median([v for s in live for v in (s.get("keys") or []) if v is not None])
        out.append(f"| {int(items):,} | {_fmt(frame, 3)} / {_fmt(frame90, 3)} | {_fmt(diff, 3)} | {_fmt(search, 2)} / "
                   f"{_fmt(search_max, 2)} | {_fmt(cycle, 2)} | {_fmt(load, 0)} | {_fmt(hwm, 1)} | {_fmt(full, 2)} | "
                   f"{_fmt(cpu, 2)} | {_fmt(per_refresh, 0)} | {_fmt(down, 2)} |")
    out += ["", "Targets at 100,000: peak memory < 200 MB, a frame < 5 ms, a search < 100 ms, frame cost flat in N.", ""]
    # 6. Requests
    out += ["### 6. API requests per refresh (steady state, real binary)", "",
            "| items | refresh cycles per second | requests per refresh | list pages per refresh | in the reducer (bench-render) |",
            "| ---: | ---: | ---: | ---: | ---: |"]
    quiet = [run["envtop"]["idle"] for run in _valid(results, "envtop") if "idle" in run["envtop"]]
    rows = [("40", quiet)] + [(k, [s["idle"] for s in v if "idle" in s and "error" not in s])
                              for k, v in results["scale"].items()]
    for items, idles in rows:
        reducer = median([r["requests_per_refresh"] for r in results["render"].get(items, [])])
        out.append(f"| {int(items):,} | {_fmt(median([i.get('cycles_per_second') for i in idles]), 2)} | "
                   f"{_fmt(median([i.get('requests_per_refresh') for i in idles]), 2)} | "
                   f"{_fmt(median([i.get('pages_per_refresh') for i in idles]), 2)} | {_fmt(reducer, 1)} |")
    out.append("")
    return "\n".join(out)
