"""Turning timed chunks of terminal output into the benchmark's figures."""

from __future__ import annotations

import statistics

from pty_session import Chunk

# Writes closer together than this belong to one paint (one frame may take several writes).
BURST_GAP = 0.1


def bursts(chunks: list[Chunk], start: float, end: float, gap: float = BURST_GAP) -> list[tuple[float, int]]:
    """Paint bursts in [start, end): (time of the first chunk, bytes), chunks closer than `gap`
    grouped together."""
    result: list[tuple[float, int]] = []
    last = None
    for chunk in chunks:
        if not start <= chunk.at < end:
            continue
        if last is not None and chunk.at - last < gap:
            at, size = result[-1]
            result[-1] = (at, size + len(chunk.data))
        else:
            result.append((chunk.at, len(chunk.data)))
        last = chunk.at
    return result


def burst_at(chunks: list[Chunk], moment: float, gap: float = BURST_GAP) -> int:
    """Bytes of the burst that contains the chunk read at `moment`."""
    times = [c.at for c in chunks]
    if moment not in times:
        return 0
    i = times.index(moment)
    lo = i
    while lo > 0 and chunks[lo].at - chunks[lo - 1].at < gap:
        lo -= 1
    hi = i
    while hi + 1 < len(chunks) and chunks[hi + 1].at - chunks[hi].at < gap:
        hi += 1
    return sum(len(c.data) for c in chunks[lo:hi + 1])


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values: list[float], q: float) -> float | None:
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    return values[min(len(values) - 1, round((len(values) - 1) * q))]


def summary(values: list[float]) -> dict:
    """Median, p90, min, max and count of a sample."""
    clean = [v for v in values if v is not None]
    return {
        "median": median(clean), "p90": percentile(clean, 0.9),
        "min": min(clean) if clean else None, "max": max(clean) if clean else None, "n": len(clean),
    }
