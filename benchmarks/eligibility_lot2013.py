"""Benchmark of the Lot 2013 eligibility rule against hand-written numpy.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/eligibility_lot2013.py
    python benchmarks/eligibility_lot2013.py --sizes 1000 100000 1000000 --repeat 5

For each size N it builds a synthetic workforce of N agents from a fixed seed
(``numpy.random.default_rng(2013)``) with ``Workforce.from_columns``, then times, on the
reference date 2013-01-01:

* ``evaluate``: ``rule.evaluate(workforce, on)`` followed by ``.eligible`` and ``.count()``
  (the public path);
* ``mask``: ``rule.mask(workforce, on)`` (the mask-only path);
* ``numpy``: the same answer computed with plain numpy on the same arrays (the best we
  could write by hand), checked to be identical to both library results.

Each timing is the median of ``--repeat`` runs; a run loops enough calls to last at
least ``--min-run`` seconds, so that small sizes are measured above the clock's noise.
It also times the evaluation of one :class:`~teletravail.workforce.Agent` (the median
of ``--agent-calls`` single calls) and measures the peak memory of each path on the
largest size with ``tracemalloc`` (numpy reports its buffers to it), plus the process's
peak resident size.

Targets:

* the library within **2x** of plain numpy (``ratio`` columns), on large workforces;
* one agent evaluated in under **50 µs**.

The exit status is 0 when the results agree (whether or not the targets are met) and 1
if the library and numpy disagree on any agent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt
from _timing import (
    benchmark_parser,
    check_counts,
    format_seconds,
    max_rss_mib,
    median_seconds,
    median_single_calls,
    peak_bytes,
    run_checked,
    verdict,
)

import teletravail
from teletravail import presets, synthetic
from teletravail.eligibility.rules import Rule
from teletravail.units import Q_
from teletravail.workforce import Agent, Categories, Workforce

SEED = 2013
ON = dt.date(2013, 1, 1)
RATIO_TARGET = 2.0
AGENT_TARGET_US = 50.0

# The population of issue 7's benchmark, described once in teletravail.synthetic.
HIRE_FIRST = np.datetime64(synthetic.HIRE_FIRST, "D")
HIRE_LAST = np.datetime64(synthetic.HIRE_LAST, "D")
WORKING_TIMES = np.array(synthetic.WORKING_TIMES)
WORKING_TIME_WEIGHTS = np.array(synthetic.WORKING_TIME_WEIGHTS)
ROLES: tuple[str, ...] = synthetic.ROLES
ROLE_WEIGHTS = np.array(synthetic.ROLE_WEIGHTS)
EXCLUDED_ROLES = frozenset({"production", "cadre", "travail_social", "applications_metier"})

DISTANCE_MEDIAN_KM = synthetic.DISTANCE_MEDIAN_KM
DISTANCE_SIGMA = synthetic.DISTANCE_SIGMA

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Columns:
    """The raw arrays the workforce was built from, for the plain-numpy path."""

    hire_date: npt.NDArray[np.datetime64]
    working_time: npt.NDArray[np.float64]
    role_codes: npt.NDArray[np.int32]
    volunteer: BoolArray
    teleworkable_post: BoolArray


@dataclass(frozen=True)
class Timings:
    """Median seconds per call of each path for one size."""

    n: int
    build: float
    evaluate: float
    mask: float
    numpy: float
    eligible: int


# -- synthetic data -------------------------------------------------------------------


def make_ids(n: int) -> npt.NDArray[np.str_]:
    """``A0000001``, ``A0000002``... (at least seven digits)."""
    width = max(7, len(str(n)))
    numbers = np.arange(1, n + 1).astype(f"U{width}")
    ids: npt.NDArray[np.str_] = np.char.add("A", np.char.zfill(numbers, width))
    return ids


def make_columns(n: int) -> tuple[npt.NDArray[np.str_], Columns, npt.NDArray[np.float64]]:
    """Ids, the columns the rule looks at, and one-way distances in km (fixed seed)."""
    rng = np.random.default_rng(SEED)
    days = int((HIRE_LAST - HIRE_FIRST).astype(np.int64)) + 1
    hire = HIRE_FIRST + rng.integers(0, days, size=n).astype("timedelta64[D]")
    working_time = rng.choice(WORKING_TIMES, size=n, p=WORKING_TIME_WEIGHTS)
    codes = rng.choice(len(ROLES), size=n, p=ROLE_WEIGHTS).astype(np.int32)
    distance = rng.lognormal(mean=np.log(DISTANCE_MEDIAN_KM), sigma=DISTANCE_SIGMA, size=n)
    columns = Columns(
        hire_date=hire,
        working_time=working_time,
        role_codes=codes,
        volunteer=np.ones(n, dtype=bool),
        teleworkable_post=np.ones(n, dtype=bool),
    )
    return make_ids(n), columns, distance


def build_workforce(
    ids: npt.NDArray[np.str_], columns: Columns, distance: npt.NDArray[np.float64]
) -> Workforce:
    """The workforce, as columns (volunteer and teleworkable_post left to their default)."""
    return Workforce.from_columns(
        ids=ids,
        hire_date=columns.hire_date,
        working_time=Q_(columns.working_time, "percent"),
        role=Categories(codes=columns.role_codes, categories=ROLES),
        commute_distance=Q_(distance, "km"),
    )


# -- the three paths --------------------------------------------------------------------


def seniority_cutoff(on: dt.date) -> np.datetime64:
    """The last hire date with one calendar year of seniority on ``on``.

    One year after ``h`` is ``h`` with the year plus one, the 29th of February going to
    the 28th. So the cut-off is ``on`` one year back, except around the end of February:
    on a 29th of February it is the 28th of the year before, and on a 28th of February
    following a leap year it is the 29th (one year after 2012-02-29 is 2013-02-28).
    """
    year = on.year - 1
    if on.month == 2 and on.day >= 28:
        return np.datetime64(dt.date(year, 3, 1) - dt.timedelta(days=1), "D")
    return np.datetime64(dt.date(year, on.month, on.day), "D")


def numpy_mask(columns: Columns, on: dt.date, excluded_codes: Sequence[int]) -> BoolArray:
    """Lot 2013 by hand: seniority, working time, role, volunteer, teleworkable post.

    Dates are compared as their int64 day numbers (the workforce has no NaT): several
    times faster than a ``datetime64`` comparison. The role test is one ``!=`` per
    excluded code, in place: for a handful of codes that beats both ``np.isin`` (over
    10x slower) and a lookup table indexed by code (``np.take`` first copies the int32
    codes into an intp temporary, 8 bytes per agent). Temporaries are reused.
    """
    cutoff = seniority_cutoff(on).astype(np.int64)
    result: BoolArray = columns.hire_date.view(np.int64) <= cutoff
    scratch = np.empty_like(result)
    result &= np.greater_equal(columns.working_time, 90.0, out=scratch)
    for code in excluded_codes:
        result &= np.not_equal(columns.role_codes, code, out=scratch)
    result &= columns.volunteer
    result &= columns.teleworkable_post
    return result


def library_evaluate(rule: Rule, workforce: Workforce, on: dt.date) -> tuple[BoolArray, int]:
    """The public path: a batch decision, its eligible column and its count."""
    decision = rule.evaluate(workforce, on=on)
    return decision.eligible, decision.count()


def library_mask(rule: Rule, workforce: Workforce, on: dt.date) -> BoolArray:
    """The mask-only path."""
    return rule.mask(workforce, on)


# -- one size ---------------------------------------------------------------------------


def run_size(
    n: int, rule: Rule, excluded: Sequence[int], repeat: int, min_run: float
) -> tuple[Timings, Workforce, Columns]:
    ids, columns, distance = make_columns(n)
    start = time.perf_counter()
    workforce = build_workforce(ids, columns, distance)
    build = time.perf_counter() - start

    eligible, count = library_evaluate(rule, workforce, ON)
    masked = library_mask(rule, workforce, ON)
    expected = numpy_mask(columns, ON, excluded)
    for name, got in (("evaluate().eligible", eligible), ("mask()", masked)):
        if got.dtype != np.bool_ or not np.array_equal(got, expected):
            diff = int(np.count_nonzero(got != expected))
            raise AssertionError(f"N={n}: {name} differs from numpy on {diff} agents")
    if count != int(np.count_nonzero(expected)):
        raise AssertionError(f"N={n}: count() {count} != {int(np.count_nonzero(expected))}")

    timings = Timings(
        n=n,
        build=build,
        evaluate=median_seconds(lambda: library_evaluate(rule, workforce, ON), repeat, min_run),
        mask=median_seconds(lambda: library_mask(rule, workforce, ON), repeat, min_run),
        numpy=median_seconds(lambda: numpy_mask(columns, ON, excluded), repeat, min_run),
        eligible=count,
    )
    return timings, workforce, columns


def print_table(rows: Sequence[Timings]) -> None:
    header = (
        f"{'N':>9}  {'eligible':>8}  {'build':>11}  {'evaluate':>11}  {'mask':>11}  "
        f"{'numpy':>11}  {'eval/np':>7}  {'mask/np':>7}"
    )
    print(header)
    print("-" * len(header))
    for t in rows:
        print(
            f"{t.n:>9}  {t.eligible:>8}  {format_seconds(t.build)}  "
            f"{format_seconds(t.evaluate)}  {format_seconds(t.mask)}  "
            f"{format_seconds(t.numpy)}  {t.evaluate / t.numpy:>6.1f}x  {t.mask / t.numpy:>6.1f}x"
        )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = benchmark_parser(
        __doc__, sizes=[1_000, 100_000, 1_000_000], repeat=5, min_run=0.05, calls=2000
    )
    args = parser.parse_args(argv)
    check_counts(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return run_checked(run, args)


def run(args: argparse.Namespace) -> int:
    """Every measurement, printed; raises AssertionError if the library and numpy differ."""
    sizes: list[int] = sorted(set(args.sizes))
    rule = presets.load("lot-2013").eligibility
    excluded = [ROLES.index(name) for name in sorted(EXCLUDED_ROLES)]

    print(
        f"teletravail {teletravail.__version__}, numpy {np.__version__}, "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(
        f"Lot 2013 rule on {ON}; seed {SEED}; median of {args.repeat} runs "
        f"of >= {args.min_run * 1e3:.0f} ms each"
    )
    print()

    rows: list[Timings] = []
    largest: tuple[Workforce, Columns] | None = None
    for n in sizes:
        timings, workforce, columns = run_size(n, rule, excluded, args.repeat, args.min_run)
        rows.append(timings)
        largest = (workforce, columns)
    print_table(rows)
    print("(all library results identical to numpy)")

    big = rows[-1]
    ratio_ok = big.evaluate / big.numpy <= RATIO_TARGET and big.mask / big.numpy <= RATIO_TARGET
    print(f"target: library within {RATIO_TARGET:g}x of numpy at N={big.n}: {verdict(ratio_ok)}")
    print()

    agent = Agent(
        id="A0000001",
        hire_date="2011-03-01",
        working_time=Q_(90, "percent"),
        role="informatique",
        commute_distance=Q_(18, "km"),
    )
    refused = Agent(
        id="A0000002",
        hire_date="2012-06-01",
        working_time=Q_(80, "percent"),
        role="cadre",
        commute_distance=Q_(18, "km"),
    )
    if not rule.evaluate(agent, on=ON).eligible or rule.evaluate(refused, on=ON).eligible:
        raise AssertionError("single-agent decisions are not the expected ones")
    one: dict[str, float] = {}
    for label, subject in (("eligible agent", agent), ("refused agent", refused)):
        seconds = median_single_calls(partial(rule.evaluate, subject, on=ON), args.agent_calls)
        one[label] = seconds * 1e6
        print(
            f"one Agent, rule.evaluate(agent, on) [{label}]: {one[label]:.1f} µs "
            f"(median of {args.agent_calls} calls)"
        )
    print(
        f"target: one agent under {AGENT_TARGET_US:g} µs: "
        f"{verdict(one['eligible agent'] < AGENT_TARGET_US)}"
    )
    print()

    assert largest is not None
    workforce, columns = largest
    memory: dict[str, Callable[[], Any]] = {
        "evaluate": lambda: library_evaluate(rule, workforce, ON),
        "mask": lambda: library_mask(rule, workforce, ON),
        "numpy": lambda: numpy_mask(columns, ON, excluded),
    }
    peaks = {name: peak_bytes(call) for name, call in memory.items()}
    mib = 1024 * 1024
    print(
        f"peak memory at N={big.n} (tracemalloc, above the workforce): "
        + ", ".join(f"{name} {value / mib:.1f} MiB" for name, value in peaks.items())
        + f"  [one boolean column = {big.n / mib:.2f} MiB]"
    )
    print(f"process peak RSS (ru_maxrss): {max_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
