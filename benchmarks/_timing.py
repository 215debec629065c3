"""Timing and memory helpers shared by the benchmark scripts of this folder."""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

__all__ = [
    "format_seconds",
    "max_rss_mib",
    "median_seconds",
    "median_single_calls",
    "peak_bytes",
]


def median_seconds(call: Callable[[], object], repeat: int, min_run: float) -> float:
    """Median over ``repeat`` runs of the seconds per call, each run lasting >= ``min_run``."""
    call()  # warm-up (lazy imports, caches)
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            call()
        elapsed = time.perf_counter() - start
        if elapsed >= min_run:
            break
        number *= 2 if elapsed > min_run / 10 else 10
    samples = [elapsed / number]
    for _ in range(repeat - 1):
        start = time.perf_counter()
        for _ in range(number):
            call()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def median_single_calls(call: Callable[[], object], calls: int) -> float:
    """Median seconds of ``calls`` individually timed calls (after a few warm-ups)."""
    for _ in range(min(calls, 50)):
        call()
    samples = []
    for _ in range(calls):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_bytes(call: Callable[[], object]) -> int:
    """Peak memory traced by ``tracemalloc`` during one call, above what it started with."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        call()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def max_rss_mib() -> float:
    """The process's peak resident size (``ru_maxrss`` is in KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def format_seconds(seconds: float) -> str:
    """Seconds written in µs, ms or s, right-aligned for a table."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:8.3f} ms"
    return f"{seconds:8.3f} s "
