"""What the benchmark does to a program in a pty: start it and time the first full screen, watch
it idle (bytes, CPU, API requests), change one row under it, and time keys."""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field
from typing import Callable

from figures import burst_at, bursts, median
from pty_session import PtySession
from simulator import LIST_ROUTE, STATS_ROUTE, Simulator, request_delta

WORK_ID = re.compile(r"work_[0-9A-Za-z]+")
# Escape sequences and control characters: everything in terminal output that is not text.
CONTROL = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|[\x00-\x1f]")


@dataclass
class Program:
    """How to run and read one dashboard."""

    name: str
    argv: list[str]
    env: dict[str, str]
    quit_keys: bytes
    is_full: Callable[[list[str]], bool]
    home_key: str = "home"  # the key that takes the selection back to the top
    extra: dict = field(default_factory=dict)


def header_lines(lines: list[str]) -> list[str]:
    """The header: everything above the list's column titles (its height depends on the
    terminal and on how many environments are shown)."""
    titles = next((i for i, line in enumerate(lines) if " ID " in line and "STATE" in line), None)
    return lines[:titles] if titles is not None else []


def list_rows(lines: list[str]) -> list[str]:
    """The list's rows: under the column titles, above the status line and the key bar."""
    titles = next((i for i, line in enumerate(lines) if " ID " in line and "STATE" in line), None)
    return lines[titles + 1:-2] if titles is not None else []


def envtop_is_full(lines: list[str]) -> bool:
    """envtop's full screen: the key bar on the last row, the counts row of the header, and at
    least one work item row in the list."""
    return ("q quit" in lines[-1] and any(" total" in line for line in header_lines(lines))
            and any(WORK_ID.search(line) for line in list_rows(lines)))


def htop_is_full(lines: list[str]) -> bool:
    """htop's full screen: the function bar on the last row and at least one process row under
    the column titles."""
    titles = next((i for i, line in enumerate(lines) if "PID" in line and "Command" in line), None)
    return ("F10Quit" in lines[-1] and titles is not None
            and any(re.match(r"\s*\d+ ", line) for line in lines[titles + 1:-1]))


def start(program: Program, cols: int, rows: int, timeout: float = 30) -> tuple[PtySession, float | None]:
    """Spawns the program; returns the session and the seconds from spawn to the full screen."""
    session = PtySession(program.argv, program.env, cols=cols, rows=rows)
    full_at = session.screen_when(program.is_full, timeout=timeout)
    return session, (None if full_at is None else full_at - session.started_at)


def key_sequences(session: PtySession) -> dict[str, bytes]:
    """What a terminal would send for Down and Home: application-mode (`ESC O B`) once the
    program switched cursor keys with DECCKM (`ESC [ ? 1 h`), as xterm does."""
    output = b"".join(c.data for c in session.chunks())
    application = output.rfind(b"\x1b[?1h") > output.rfind(b"\x1b[?1l")
    prefix = b"\x1bO" if application else b"\x1b["
    return {"down": prefix + b"B", "home": prefix + b"H"}


def idle_window(session: PtySession, seconds: float, refresh: float, simulator: Simulator | None = None) -> dict:
    """Watches the program for `seconds` while nothing but the clock changes."""
    counts_before = simulator.request_counts() if simulator else None
    cpu_before = session.cpu_seconds()
    tasks_before, run_before = session.cpu_sample()
    start_at = time.monotonic()
    time.sleep(seconds)
    end_at = time.monotonic()
    cpu_after = session.cpu_seconds()
    tasks_after, run_after = session.cpu_sample()
    counts_after = simulator.request_counts() if simulator else None
    elapsed = end_at - start_at
    total = session.bytes_between(start_at, end_at)
    paints = bursts(session.chunks(), start_at, end_at)
    written = b"".join(c.data for c in session.chunks() if start_at <= c.at < end_at)
    result = {
        "seconds": elapsed,
        "bytes": total,
        "bytes_per_refresh": total / elapsed * refresh,
        "paints": len(paints),
        "bytes_per_paint_median": median([b for _, b in paints]),
        "paint_bytes": [b for _, b in paints],
        # What the bytes are: characters drawn versus cursor moves, colours and attributes.
        "text_bytes_per_refresh": len(CONTROL.sub(b"", written)) / elapsed * refresh,
        "cpu_ticks_seconds": cpu_after - cpu_before,
        # Exact run time when no thread came or went in the window; clock ticks otherwise.
        "cpu_source": "schedstat" if tasks_before and tasks_before == tasks_after else "ticks",
        "cpu_seconds": (run_after - run_before) if tasks_before and tasks_before == tasks_after else (cpu_after - cpu_before),
    }
    result["cpu_seconds_per_minute"] = result["cpu_seconds"] / elapsed * 60
    delta = request_delta(counts_before, counts_after)
    if delta is not None:
        cycles = delta.get(STATS_ROUTE, 0)
        requests = sum(delta.values())
        result.update({
            "requests": delta,
            "refresh_cycles": cycles,
            "cycles_per_second": cycles / elapsed,
            "requests_per_refresh": requests / cycles if cycles else None,
            "pages_per_refresh": delta.get(LIST_ROUTE, 0) / cycles if cycles else None,
        })
    return result


def changed_rows(session: PtySession, simulator: Simulator, count: int, timeout: float = 10) -> list[dict]:
    """Force-stops `count` items shown on screen (never the selected row, so the detail pane
    stays as it is), one at a time; for each, the bytes of the paint that showed the change."""
    lines = session.display()
    on_screen = []
    for line in list_rows(lines):
        match = WORK_ID.search(line)
        if match and not line.startswith("▶") and "stopped" not in line:
            on_screen.append(match.group(0).rstrip("…"))
    items = {item["id"]: item for item in simulator.list_first_page(limit=200)}
    targets = [next(i for i in items if i.startswith(prefix)) for prefix in on_screen
               if any(i.startswith(prefix) for i in items)][:count]
    results = []
    for work_id in targets:
        if not session.is_running():
            break
        session.wait_quiet(0.2, timeout=3)
        session.display()  # the emulator is up to date: the next change is the stop
        prefix = work_id[:20]
        stopped_at = time.monotonic()
        simulator.stop_work(work_id, force=True)

        def shows_stop(screen: list[str], prefix=prefix) -> bool:
            return any(prefix in line and "stopped" in line for line in list_rows(screen))

        shown_at = session.screen_when(shows_stop, timeout=timeout)
        session.wait_quiet(0.3, timeout=3)
        results.append({
            "work_id": work_id,
            "seconds_to_show": None if shown_at is None else shown_at - stopped_at,
            "paint_bytes": None if shown_at is None else burst_at(session.chunks(), shown_at),
        })
    return results


def key_latencies(session: PtySession, samples: int, batch: int = 8, timeout: float = 5, seed: int = 7) -> list:
    """Milliseconds from a Down key written to the pty to the first byte written back.

    Keys are sent only when the program has been quiet for 150 ms (so a refresh paint already
    under way is not taken for the answer), after a varying pause so they do not lock to the
    refresh phase. Every `batch` keys, Home takes the selection back up (not timed), so Down
    always has somewhere to go. None marks a key that got no answer within `timeout`.
    """
    keys = key_sequences(session)
    jitter = random.Random(seed)
    results: list[float | None] = []
    since_home = 0
    while len(results) < samples and session.is_running():
        if since_home == batch:
            session.write(keys["home"])
            session.wait_quiet(0.2, timeout=3)
            since_home = 0
        time.sleep(jitter.uniform(0.02, 0.25))
        session.wait_quiet(0.15, timeout=3)
        written = session.write(keys["down"])
        answer = session.first_chunk_after(written, timeout)
        results.append(None if answer is None else (answer.at - written) * 1000)
        since_home += 1
    session.wait_quiet(0.2, timeout=3)
    return results


def harness_floor(samples: int, cols: int, rows: int) -> list:
    """The harness's own key-to-answer time: a raw-mode `cat` echoing each key back."""
    session = PtySession(["sh", "-c", "stty raw -echo; echo ready; exec cat"], {"PATH": "/usr/bin:/bin"},
                         cols=cols, rows=rows)
    try:
        session.screen_when(lambda lines: "ready" in "".join(lines), timeout=10)
        results = []
        for _ in range(samples):
            time.sleep(0.05)
            written = session.write(b"x")
            answer = session.first_chunk_after(written, 2)
            results.append(None if answer is None else (answer.at - written) * 1000)
        return results
    finally:
        session.stop()
