#!/usr/bin/env python3
"""Plots idle CPU, peak RSS and search time against the item count (one environment, from a
`scripts/bench.sh` results file) and against the number of environments (from
`scripts/bench/fleet.py` results files), into one PNG for BENCHMARKS.md.

    scripts/bench/plot.py BENCH_JSON FLEET_JSON... -o docs/benchmarks.png

Needs matplotlib (`python3 -m pip install matplotlib`).
"""
from __future__ import annotations

import argparse
import json
import statistics

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def single_environment(path: str):
    results = json.load(open(path))
    rows = []
    for items, renders in sorted(results["render"].items(), key=lambda kv: int(kv[0])):
        live = [s for s in results["scale"].get(items, []) if "error" not in s]
        rows.append({
            "items": int(items),
            "cpu": median([s["idle"]["cpu_seconds_per_minute"] for s in live if "idle" in s]),
            "rss": median([s["memory_kib"].get("VmHWM", 0) / 1024 for s in live if s.get("memory_kib")]),
            "search": median([r["search"]["keystroke"]["median_ms"] for r in renders]),
        })
    return rows


def environments(paths: list[str]):
    rows = []
    for path in paths:
        result = json.load(open(path))
        m = result["median"]
        rows.append({"environments": result["environments"], "items": result["environments"] * result["items_each"],
                     "cpu": m["idle_cpu_s_per_min"], "rss": m["peak_rss_mib"], "search": result.get("search_ms")})
    return sorted(rows, key=lambda r: r["environments"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("bench")
    parser.add_argument("fleet", nargs="*")
    parser.add_argument("-o", "--out", default="docs/benchmarks.png")
    args = parser.parse_args()
    single = single_environment(args.bench)
    fleet = environments(args.fleet)

    figure, axes = plt.subplots(2, 3, figsize=(13, 7), constrained_layout=True)
    figure.suptitle("envtop at scale (release build, 1 s refresh)")
    panels = [("cpu", "idle CPU (s/min)"), ("rss", "peak RSS (MiB)"), ("search", "search keystroke (ms)")]
    for column, (key, label) in enumerate(panels):
        top = axes[0][column]
        top.plot([r["items"] for r in single], [r[key] for r in single], marker="o")
        top.set_xscale("log")
        top.set_xlabel("items, one environment")
        top.set_ylabel(label)
        top.grid(True, alpha=0.3)
        bottom = axes[1][column]
        points = [r for r in fleet if r[key] is not None]
        bottom.plot([r["environments"] for r in points], [r[key] for r in points], marker="s", color="tab:orange")
        bottom.set_xlabel("environments merged (5,000 items each)")
        bottom.set_ylabel(label)
        bottom.grid(True, alpha=0.3)
    figure.savefig(args.out, dpi=90)
    print(args.out)


if __name__ == "__main__":
    main()
