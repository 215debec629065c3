"""Timing and memory helpers shared by the benchmark scripts of this folder."""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence

__all__ = [
    "benchmark_parser",
    "check_counts",
    "format_seconds",
    "max_rss_mib",
    "median_seconds",
    "median_single_calls",
    "peak_bytes",
    "run_checked",
    "verdict",
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


def benchmark_parser(
    doc: str | None,
    *,
    sizes: Sequence[int] | None,
    repeat: int,
    min_run: float,
    calls: int,
    calls_help: str = "single-agent calls",
) -> argparse.ArgumentParser:
    """The options every benchmark takes: --sizes, --repeat, --min-run, --agent-calls."""
    parser = argparse.ArgumentParser(description=doc.split("\n", 1)[0] if doc else None)
    sizes_help = "agents" if sizes is not None else "agents (default: 1e3 1e5 1e6)"
    parser.add_argument("--sizes", type=int, nargs="+", default=sizes, help=sizes_help)
    parser.add_argument("--repeat", type=int, default=repeat, help="runs per timing (median)")
    parser.add_argument(
        "--min-run", type=float, default=min_run, help="minimum seconds per run (loops calls)"
    )
    parser.add_argument("--agent-calls", type=int, default=calls, help=calls_help)
    return parser


def check_counts(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse sizes, repeats or call counts below one."""
    if args.repeat < 1 or args.agent_calls < 1 or any(n < 1 for n in args.sizes):
        parser.error("--sizes, --repeat and --agent-calls must be positive")


def run_checked(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a benchmark; a mismatch between the library and numpy is exit code 1."""
    try:
        return run(args)
    except AssertionError as exc:
        print(f"MISMATCH: {exc}", file=sys.stderr)
        return 1


def verdict(ok: bool) -> str:
    """How a target reads in the printed summary."""
    return "ok" if ok else "MISSED"
