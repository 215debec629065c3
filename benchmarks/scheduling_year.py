"""Benchmark of ``telework_days`` over calendar year 2024 against hand-written numpy.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/scheduling_year.py
    python benchmarks/scheduling_year.py --sizes 1000 100000 --repeat 5

For each size N it builds N synthetic agents from a fixed seed
(``numpy.random.default_rng(2024)``):

* a weekly pattern per agent, as a row of 7 amounts (workdays of telework on each
  weekday, Monday to Sunday, weekends 0): 1, 1.5, 2 or 3 days a week, as whole or half
  days, on random weekdays;
* a period within 2024: most agents the whole year, some starting or ending mid-year
  (or both);
* for half the agents one absence span of 1 to 15 days (a few of them a second one, not
  overlapping the first), as a table ``(rows, starts, ends)``; spans may run past the
  agent's period.

It then times, on France's calendar (``WorkCalendar()``):

* ``library``: ``telework_days(amounts, starts, ends, calendar=..., absences=...)``;
* ``numpy``: the same totals computed another way with plain numpy: a boolean vector of
  the working days of 2024 (``np.is_busday`` with the calendar's holidays), cumulative
  sums per weekday, and for each agent (and each absence, clipped to its agent's period)
  the working days of each weekday by differences of the cumulative sums; no Python loop
  over agents.

Both must give the same totals (max abs difference below 1e-9); a few agents are also
checked against ``plan(...)``. Each timing is the median of ``--repeat`` runs; a run
loops enough calls to last at least ``--min-run`` seconds. It also times ``plan(...)``
for one agent over 2024 (the median of ``--agent-calls`` single calls) and measures the
peak memory of both paths on the largest size with ``tracemalloc``.

There is no speed target: the figures are printed side by side. The exit status is 0
when the results agree and 1 if the library and numpy disagree on any agent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

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
)

import teletravail
from teletravail.scheduling import (
    Absence,
    PatternDay,
    WeeklyPattern,
    WorkCalendar,
    plan,
    telework_days,
)

SEED = 2024
YEAR_FIRST = dt.date(2024, 1, 1)
YEAR_LAST = dt.date(2024, 12, 31)
FIRST = np.datetime64(YEAR_FIRST, "D")
DAYS = (YEAR_LAST - YEAR_FIRST).days + 1  # 366
TOLERANCE = 1e-9

#: Weekly telework (workdays a week) and its share of agents.
WEEKLY = np.array([1.0, 1.5, 2.0, 3.0])
WEEKLY_WEIGHTS = np.array([0.35, 0.20, 0.35, 0.10])
#: For each weekly amount, its layouts as (full days, half days), and their weights.
LAYOUTS: dict[float, tuple[tuple[tuple[int, int], ...], tuple[float, ...]]] = {
    1.0: (((1, 0), (0, 2)), (0.85, 0.15)),
    1.5: (((1, 1), (0, 3)), (0.90, 0.10)),
    2.0: (((2, 0), (1, 2)), (0.80, 0.20)),
    3.0: (((3, 0), (2, 2)), (0.90, 0.10)),
}

#: Shares of agents over the whole year, starting mid-year, ending mid-year, or both.
PERIOD_WEIGHTS = np.array([0.80, 0.08, 0.08, 0.04])
ABSENT_SHARE = 0.5
SECOND_ABSENCE_SHARE = 0.1
ABSENCE_MAX_DAYS = 15

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
DateArray = npt.NDArray[np.datetime64]
Absences = tuple[IntArray, DateArray, DateArray]


@dataclass(frozen=True)
class Agents:
    """The synthetic workforce: patterns, periods and absences."""

    amounts: FloatArray  # (n, 7)
    starts: DateArray
    ends: DateArray
    absences: Absences

    @property
    def n(self) -> int:
        return int(self.amounts.shape[0])


@dataclass(frozen=True)
class Timings:
    """Median seconds per call of each path for one size."""

    n: int
    spans: int
    library: float
    numpy: float
    total: float
    max_diff: float


# -- synthetic data -------------------------------------------------------------------


def make_amounts(rng: np.random.Generator, n: int) -> FloatArray:
    """One row of 7 amounts per agent: full (1.0) and half (0.5) days on random weekdays."""
    weekly = rng.choice(WEEKLY, size=n, p=WEEKLY_WEIGHTS)
    full = np.zeros(n, dtype=np.int64)
    half = np.zeros(n, dtype=np.int64)
    for value, (layouts, weights) in LAYOUTS.items():
        chosen = np.flatnonzero(weekly == value)
        pick = rng.choice(len(layouts), size=chosen.size, p=weights)
        table = np.array(layouts, dtype=np.int64)
        full[chosen] = table[pick, 0]
        half[chosen] = table[pick, 1]
    # a random order of Monday..Friday per agent: its first `full` days are whole days,
    # the next `half` ones half days
    order = np.argsort(rng.random((n, 5)), axis=1)
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(5)[np.newaxis, :], axis=1)
    amounts = np.zeros((n, 7), dtype=np.float64)
    amounts[:, :5] = np.where(
        rank < full[:, None], 1.0, np.where(rank < (full + half)[:, None], 0.5, 0.0)
    )
    return amounts


def make_periods(rng: np.random.Generator, n: int) -> tuple[DateArray, DateArray]:
    """Whole year for most agents; a start and/or an end within the year for the others."""
    kind = rng.choice(4, size=n, p=PERIOD_WEIGHTS)
    start = np.zeros(n, dtype=np.int64)
    end = np.full(n, DAYS - 1, dtype=np.int64)
    late = (kind == 1) | (kind == 3)
    early = (kind == 2) | (kind == 3)
    start[late] = rng.integers(1, DAYS - 1, size=int(late.sum()))
    end[early] = rng.integers(1, DAYS - 1, size=int(early.sum()))
    both = kind == 3
    low, high = np.minimum(start[both], end[both]), np.maximum(start[both], end[both])
    start[both], end[both] = low, high
    delta = "timedelta64[D]"
    return FIRST + start.astype(delta), FIRST + end.astype(delta)


def make_absences(rng: np.random.Generator, n: int) -> Absences:
    """One span of 1..15 days for half the agents, a second (later, not overlapping) one
    for a few of those; spans stay within 2024 but may run past the agent's period."""
    absent = np.flatnonzero(rng.random(n) < ABSENT_SHARE)
    length = rng.integers(1, ABSENCE_MAX_DAYS + 1, size=absent.size)
    first = rng.integers(0, DAYS - length + 1)
    last = first + length - 1
    again = rng.random(absent.size) < SECOND_ABSENCE_SHARE
    # the second span starts 2..60 days after the first ends, if it fits in the year
    length2 = rng.integers(1, ABSENCE_MAX_DAYS + 1, size=absent.size)
    first2 = last + rng.integers(2, 61, size=absent.size)
    again &= first2 + length2 - 1 <= DAYS - 1
    rows = np.concatenate([absent, absent[again]])
    starts = np.concatenate([first, first2[again]])
    ends = np.concatenate([last, (first2 + length2 - 1)[again]])
    order = np.argsort(rows, kind="stable")
    delta = "timedelta64[D]"
    return (
        rows[order].astype(np.int64),
        FIRST + starts[order].astype(delta),
        FIRST + ends[order].astype(delta),
    )


def make_agents(n: int) -> Agents:
    rng = np.random.default_rng(SEED)
    amounts = make_amounts(rng, n)
    starts, ends = make_periods(rng, n)
    return Agents(amounts, starts, ends, make_absences(rng, n))


# -- the two paths ------------------------------------------------------------------------


def library_totals(agents: Agents, calendar: WorkCalendar) -> FloatArray:
    """The public path, as a plain array of workdays."""
    result = telework_days(
        agents.amounts,
        agents.starts,
        agents.ends,
        calendar=calendar,
        absences=agents.absences,
    )
    totals: FloatArray = np.asarray(result.m_as("workday"), dtype=np.float64)
    return totals


def numpy_totals(agents: Agents, calendar: WorkCalendar) -> FloatArray:
    """The same totals by hand: cumulative working days of each weekday over 2024.

    ``cumulative[k, w]`` is the number of working days of weekday ``w`` among the first
    ``k`` days of the year, so a span ``i..j`` (day indices, inclusive) has
    ``cumulative[j + 1] - cumulative[i]`` of each.
    """
    days = np.arange(FIRST, FIRST + np.timedelta64(DAYS, "D"))
    working = np.is_busday(
        days, weekmask=calendar.weekmask(), holidays=calendar.holiday_array(YEAR_FIRST, YEAR_LAST)
    )
    # 1970-01-01 was a Thursday (weekday 3)
    weekday = (days.astype(np.int64) + 3) % 7
    by_weekday = np.zeros((DAYS, 7), dtype=np.int64)
    by_weekday[np.arange(DAYS), weekday] = working
    cumulative = np.zeros((DAYS + 1, 7), dtype=np.int64)
    np.cumsum(by_weekday, axis=0, out=cumulative[1:])

    first = (agents.starts - FIRST).astype(np.int64)
    last = (agents.ends - FIRST).astype(np.int64)
    counts = cumulative[last + 1] - cumulative[first]
    totals: FloatArray = np.einsum("ij,ij->i", agents.amounts, counts.astype(np.float64))

    rows, a_starts, a_ends = agents.absences
    if rows.size:
        low = np.maximum((a_starts - FIRST).astype(np.int64), first[rows])
        high = np.minimum((a_ends - FIRST).astype(np.int64), last[rows])
        lost_counts = cumulative[np.maximum(high, low - 1) + 1] - cumulative[low]
        lost = np.einsum("ij,ij->i", agents.amounts[rows], lost_counts.astype(np.float64))
        totals -= np.bincount(rows, weights=lost, minlength=agents.n)
    return totals


def pattern_of(row: FloatArray) -> WeeklyPattern:
    """The weekly pattern with these amounts (half days as mornings)."""
    days = [
        PatternDay(weekday=day, part="full" if value == 1.0 else "am")
        for day, value in enumerate(row)
        if value > 0
    ]
    return WeeklyPattern(days=days)


def check_with_plan(agents: Agents, totals: FloatArray, count: int) -> None:
    """``plan(...).total`` for the first ``count`` agents with an absence, and the first
    ``count`` agents, must equal the batch totals."""
    rows, a_starts, a_ends = agents.absences
    chosen = sorted({*range(min(count, agents.n)), *rows[:count].tolist()})
    for i in chosen:
        spans = [
            Absence(start=s.astype(dt.date), end=e.astype(dt.date))
            for s, e in zip(a_starts[rows == i], a_ends[rows == i], strict=True)
        ]
        schedule = plan(
            pattern_of(agents.amounts[i]),
            agents.starts[i].astype(dt.date),
            agents.ends[i].astype(dt.date),
            absences=spans,
        )
        got = float(schedule.total.m_as("workday"))
        if abs(got - totals[i]) > TOLERANCE:
            raise AssertionError(f"agent {i}: plan() gives {got}, telework_days {totals[i]}")


# -- one size ---------------------------------------------------------------------------


def run_size(
    agents: Agents, calendar: WorkCalendar, repeat: int, min_run: float, plan_checks: int
) -> Timings:
    got = library_totals(agents, calendar)
    expected = numpy_totals(agents, calendar)
    if got.shape != expected.shape:
        raise AssertionError(f"N={agents.n}: shapes {got.shape} and {expected.shape}")
    diff = float(np.max(np.abs(got - expected), initial=0.0))
    if not diff < TOLERANCE:
        worst = int(np.argmax(np.abs(got - expected)))
        raise AssertionError(
            f"N={agents.n}: max abs difference {diff:g} (agent {worst}: "
            f"library {got[worst]}, numpy {expected[worst]})"
        )
    check_with_plan(agents, got, plan_checks)
    return Timings(
        n=agents.n,
        spans=int(agents.absences[0].size),
        library=median_seconds(partial(library_totals, agents, calendar), repeat, min_run),
        numpy=median_seconds(partial(numpy_totals, agents, calendar), repeat, min_run),
        total=float(got.sum()),
        max_diff=diff,
    )


def print_table(rows: Sequence[Timings]) -> None:
    header = (
        f"{'N':>9}  {'absences':>8}  {'library':>11}  {'numpy':>11}  {'lib/np':>7}  "
        f"{'lib/agent':>10}  {'np/agent':>10}  {'mean days':>9}  {'max |diff|':>10}"
    )
    print(header)
    print("-" * len(header))
    for t in rows:
        print(
            f"{t.n:>9}  {t.spans:>8}  {format_seconds(t.library)}  {format_seconds(t.numpy)}  "
            f"{t.library / t.numpy:>6.1f}x  {t.library / t.n * 1e9:>7.0f} ns  "
            f"{t.numpy / t.n * 1e9:>7.0f} ns  {t.total / t.n:>9.2f}  {t.max_diff:>10.1e}"
        )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = benchmark_parser(
        __doc__,
        sizes=[100_000],
        repeat=5,
        min_run=0.05,
        calls=200,
        calls_help="single plan() calls",
    )
    parser.add_argument(
        "--plan-checks", type=int, default=20, help="agents also checked against plan()"
    )
    args = parser.parse_args(argv)
    check_counts(parser, args)
    if args.plan_checks < 0:
        parser.error("--plan-checks must not be negative")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return run_checked(run, args)


def run(args: argparse.Namespace) -> int:
    """Every measurement, printed; raises AssertionError if the library and numpy differ."""
    sizes: list[int] = sorted(set(args.sizes))
    calendar = WorkCalendar()
    holidays = calendar.holidays_between(YEAR_FIRST, YEAR_LAST)

    print(
        f"teletravail {teletravail.__version__}, numpy {np.__version__}, "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(
        f"telework_days over {YEAR_FIRST}..{YEAR_LAST} (France, {len(holidays)} holidays, "
        f"{len(calendar.working_days(YEAR_FIRST, YEAR_LAST))} working days); seed {SEED}; "
        f"median of {args.repeat} runs of >= {args.min_run * 1e3:.0f} ms each"
    )
    print()

    rows: list[Timings] = []
    largest: Agents | None = None
    for n in sizes:
        agents = make_agents(n)
        rows.append(run_size(agents, calendar, args.repeat, args.min_run, args.plan_checks))
        largest = agents
    print_table(rows)
    print(
        f"(library totals equal to numpy within {TOLERANCE:g} for every agent; "
        f"up to {2 * args.plan_checks} agents per size also equal to plan().total)"
    )
    print()

    pattern = WeeklyPattern.of({"tue": "home", "thu": ("am", "home")})
    seconds = median_single_calls(
        partial(plan, pattern, YEAR_FIRST, YEAR_LAST, calendar=calendar), args.agent_calls
    )
    schedule = plan(pattern, YEAR_FIRST, YEAR_LAST, calendar=calendar)
    print(
        f"one agent, plan({pattern}) over 2024: {seconds * 1e6:.1f} µs "
        f"(median of {args.agent_calls} calls; total {schedule.total:~P})"
    )
    print()

    assert largest is not None
    agents = largest
    peaks = {
        "library": peak_bytes(partial(library_totals, agents, calendar)),
        "numpy": peak_bytes(partial(numpy_totals, agents, calendar)),
    }
    mib = 1024 * 1024
    print(
        f"peak memory at N={agents.n} (tracemalloc, above the inputs): "
        + ", ".join(f"{name} {value / mib:.1f} MiB" for name, value in peaks.items())
        + f"  [amounts (N, 7) float64 = {agents.amounts.nbytes / mib:.2f} MiB]"
    )
    print(f"process peak RSS (ru_maxrss): {max_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
