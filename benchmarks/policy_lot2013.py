"""The Lot 2013 workload of issue 7: a whole policy assessed against hand-written numpy.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/policy_lot2013.py
    python benchmarks/policy_lot2013.py --sizes 1000 100000 1000000 --repeat 7
    python benchmarks/policy_lot2013.py --quick

The workload is fixed, so that figures compare across versions and with other tools:

* the population is ``teletravail.synthetic.lot_2013_population(N)`` (seed 2013): hire
  dates uniform over 2000-2012, working times 50 to 100 %, twelve roles of which four
  are excluded, one-way commutes lognormal around 18 km, 1 to 3 days a week asked for;
* the policy, built through the public API: one calendar year of seniority (an agent
  hired on 29 February has it on 28 February), a working time of at least 90 %, the
  four roles excluded; at most 1.5 workday a week; 100 EUR once and 2.88 EUR a
  workday capped at 253.44 EUR a year; 0.218 kg CO2e/km for every mode the population
  uses and 50 km/h; 46 telework weeks a year;
* on 2013-01-01: eligible = seniority and working time and role; granted = min(asked,
  1.5) if eligible; days = granted x 46; allowance = 100 EUR if eligible + min(2.88 EUR x
  days, 253.44 EUR); km = 2 x distance x days; CO2e = km x 0.218; hours = km / 50; and
  the total of each.

For each size N it times, in the same process and on the same arrays:

* ``teletravail``: ``policy.assess(workforce, on)`` then ``.totals()`` (every column of a
  ``BatchAssessment``, explainable row by row, then the totals in units);
* ``numpy``: the same columns and totals in plain numpy, the best we could write: the
  seniority cut-off computed once and compared with the hire dates' day numbers, the
  roles as category codes compared with each excluded code, products with the 0/1
  bytes of the eligibility mask instead of ``np.where``, allowances in integer cents,
  temporaries reused;
* ``numpy-isin``: the same, written the usual way (``datetime64`` comparison,
  ``np.isin`` on the role codes, ``np.where``), for reference.

Each timing is the median of ``--repeat`` runs; a run loops enough calls to last at
least ``--min-run`` seconds. Every size checks that both give the same eligible agents,
days and cents agent by agent, and compares the totals: floats with an exactly rounded
sum (``math.fsum``) of the per-agent columns, to 1e-12 relative; money exact to the
cent. On the largest size it measures the peak memory of each path with ``tracemalloc``
(above the workforce), and the peak resident size of a fresh process that builds the
workforce and assesses it (``--no-rss`` skips it). It also times one ``Agent`` through
``policy.assess(agent, on)`` (the median of ``--agent-calls`` single calls).

Targets (issue 7), at N = 1,000,000: ``teletravail`` within 1.5x of ``numpy``, a process
peak under 400 MiB, float totals within 1e-12 of the exact sum, money exact to the cent;
one agent under 50 µs. The exit status is 0 when the results agree (whether or not the
targets are met) and 1 if the library and numpy disagree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
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
from teletravail import Q_, Agent, DatedParameter, DatedValue, Period, Policy, Source, Workforce
from teletravail.allowance import Allowance, OneOff, PerDay
from teletravail.eligibility import ExcludedRoles, MinimumSeniority, MinimumWorkingTime
from teletravail.impact import Assumptions
from teletravail.policy import BatchAssessment
from teletravail.scheduling import Granularity, Quota
from teletravail.synthetic import lot_2013_population
from teletravail.workforce import CommuteMode

ON = dt.date(2013, 1, 1)
SIZES = (1_000, 100_000, 1_000_000)
EXCLUDED_ROLES = ("production", "cadre", "travail_social", "applications_metier")
MIN_WORKING_TIME = 90.0  # percent
MAX_PER_WEEK = 1.5  # workday/week
WEEKS = 46.0
ONE_OFF_CENTS = 10_000
RATE_CENTS = 288  # per workday
CAP_CENTS = 25_344  # per calendar year
FACTOR = 0.218  # kg CO2e/km
SPEED = 50.0  # km/h

RATIO_TARGET = 1.5
MEMORY_TARGET_MIB = 400.0
AGENT_TARGET_US = 50.0
RELATIVE = 1e-12

BENCHMARK = Source(
    title="benchmark of issue 7 (the Lot 2013 workload)",
    note="a fixed workload, not a legal value",
)
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


# -- the policy, through the public API --------------------------------------------------


def build_policy(modes: Sequence[CommuteMode]) -> Policy:
    """The workload's policy; ``modes`` are the commuting modes the population uses."""
    constant = partial(DatedValue, start="2000-01-01", source=BENCHMARK)
    return Policy(
        name="Lot 2013 (benchmark)",
        territory="Lot",
        period=Period(start="2013-01-01"),
        eligibility=MinimumSeniority(minimum="1 year")
        & MinimumWorkingTime(minimum=f"{MIN_WORKING_TIME:g} %")
        & ExcludedRoles(roles=EXCLUDED_ROLES),
        quota=Quota(maximum=f"{MAX_PER_WEEK} workday/week", granularity=Granularity.HALFDAY),
        allowance=Allowance(
            components=(
                OneOff(amount=Q_(ONE_OFF_CENTS / 100, "EUR")),
                PerDay(
                    rate=DatedParameter(
                        name="rate", values=[constant(value=Q_(RATE_CENTS / 100, "EUR/workday"))]
                    ),
                    cap=DatedParameter(
                        name="cap", values=[constant(value=Q_(CAP_CENTS / 100, "EUR"))]
                    ),
                ),
            )
        ),
        impact=Assumptions(
            factors={mode: Q_(FACTOR, "kg CO2e/km") for mode in modes},
            speed=Q_(SPEED, "km/h"),
        ),
        weeks=WEEKS,
    )


def modes_used(workforce: Workforce) -> list[CommuteMode]:
    """The commuting modes present in a workforce."""
    every = list(CommuteMode)
    return [every[int(code)] for code in np.unique(workforce.commute_mode)]


@dataclass(frozen=True)
class Totals:
    """The workload's totals: counts and cents exact, the rest in floats."""

    eligible: int
    days: float
    cents: int
    km: float
    kg_co2e: float
    hours: float

    FLOATS = ("days", "km", "kg_co2e", "hours")


def library(policy: Policy, workforce: Workforce) -> tuple[BatchAssessment, dict[str, Any]]:
    """The public path: assess the workforce, then its totals in units."""
    result = policy.assess_workforce(workforce, ON)
    return result, result.totals()


def library_totals(result: BatchAssessment, totals: dict[str, Any]) -> Totals:
    """The totals of ``library`` in the units of the numpy path (cents from the column)."""
    return Totals(
        eligible=int(totals["eligible"]),
        days=float(totals["days"].m_as("workday")),
        cents=int(result.allowance_cents.sum()),
        km=float(totals["impact_distance"].m_as("km")),
        kg_co2e=float(totals["impact_gross"].m_as("kg CO2e")),
        hours=float(totals["impact_time"].m_as("hour")),
    )


# -- plain numpy ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    """The raw arrays both paths start from (the workforce's own columns)."""

    hire_date: npt.NDArray[np.datetime64]
    working_time: FloatArray
    role_codes: npt.NDArray[np.int32]
    distance: FloatArray
    asked: FloatArray
    excluded_codes: tuple[int, ...]

    @classmethod
    def of(cls, workforce: Workforce) -> Columns:
        categories = workforce.role.categories
        return cls(
            hire_date=workforce.hire_date,
            working_time=workforce.working_time_percent,
            role_codes=workforce.role.codes,
            distance=workforce.commute_distance_km,
            asked=workforce.requested_telework_workday_per_week,
            excluded_codes=tuple(categories.index(r) for r in EXCLUDED_ROLES if r in categories),
        )


@dataclass(frozen=True)
class Plain:
    """The numpy path's per-agent columns."""

    eligible: BoolArray
    days: FloatArray
    cents: IntArray
    km: FloatArray
    kg_co2e: FloatArray
    hours: FloatArray

    def totals(self) -> Totals:
        return Totals(
            eligible=int(np.count_nonzero(self.eligible)),
            days=float(self.days.sum()),
            cents=int(self.cents.sum()),
            km=float(self.km.sum()),
            kg_co2e=float(self.kg_co2e.sum()),
            hours=float(self.hours.sum()),
        )


def seniority_cutoff(on: dt.date) -> dt.date:
    """The last hire date with one calendar year of seniority on ``on``.

    One year after a hire date is the same date a year later, except that 29 February
    goes to 28 February. So the cut-off is ``on`` a year earlier; around the end of
    February it is the last day of February a year earlier (on 2013-02-28 an agent hired
    on 2012-02-29 qualifies; on 2016-02-29, one hired on 2015-02-28).
    """
    if on.month == 2 and on.day >= 28:
        return dt.date(on.year - 1, 3, 1) - dt.timedelta(days=1)
    return on.replace(year=on.year - 1)


def numpy_assess(columns: Columns, on: dt.date) -> Plain:
    """The workload in plain numpy, written for speed (see the module's doc)."""
    cutoff = (seniority_cutoff(on) - dt.date(1970, 1, 1)).days
    eligible: BoolArray = columns.hire_date.view(np.int64) <= cutoff
    scratch = np.empty_like(eligible)
    eligible &= np.greater_equal(columns.working_time, MIN_WORKING_TIME, out=scratch)
    for code in columns.excluded_codes:
        eligible &= np.not_equal(columns.role_codes, code, out=scratch)
    mask = eligible.view(np.int8)  # 0 or 1: a product instead of np.where
    granted = np.minimum(columns.asked, MAX_PER_WEEK)
    granted *= mask
    days = granted * WEEKS
    cents = days.astype(np.int64)  # whole days in this workload (0, 46 or 69)
    cents *= RATE_CENTS
    np.minimum(cents, CAP_CENTS, out=cents)
    cents += mask * np.int64(ONE_OFF_CENTS)
    km = np.multiply(columns.distance, 2.0)
    km *= days
    return Plain(
        eligible=eligible, days=days, cents=cents, km=km, kg_co2e=km * FACTOR, hours=km / SPEED
    )


def numpy_isin(columns: Columns, on: dt.date) -> Plain:
    """The same, written the usual way: dates, ``np.isin``, ``np.where``."""
    eligible = (
        (columns.hire_date <= np.datetime64(seniority_cutoff(on), "D"))
        & (columns.working_time >= MIN_WORKING_TIME)
        & np.isin(columns.role_codes, columns.excluded_codes, invert=True)
    )
    days = np.where(eligible, np.minimum(columns.asked, MAX_PER_WEEK), 0.0) * WEEKS
    cents = np.where(eligible, ONE_OFF_CENTS, 0) + np.minimum(
        days.astype(np.int64) * RATE_CENTS, CAP_CENTS
    )
    km = 2 * columns.distance * days
    return Plain(
        eligible=eligible, days=days, cents=cents, km=km, kg_co2e=km * FACTOR, hours=km / SPEED
    )


# -- agreement -------------------------------------------------------------------------------


def exact_totals(plain: Plain) -> dict[str, float]:
    """The float totals summed exactly (``math.fsum``: one rounding, at the end)."""
    return {name: math.fsum(getattr(plain, name).tolist()) for name in Totals.FLOATS}


def relative(value: float, reference: float) -> float:
    return abs(value - reference) / abs(reference) if reference else abs(value)


@dataclass(frozen=True)
class Gaps:
    """The largest relative differences of the float totals."""

    between: float  # the library's totals and numpy's
    exact: float  # either path's totals and the exact sums


def check(result: BatchAssessment, ours: Totals, plain: Plain) -> Gaps:
    """Compare the library with numpy: agent by agent, then the totals. Returns the
    largest relative gaps of the float totals; raises AssertionError on any
    disagreement (a float total further than 1e-12 from its exact sum included)."""
    if not np.array_equal(result.entitled, plain.eligible):
        raise AssertionError("eligible agents differ")
    if not np.array_equal(result.days, plain.days):
        raise AssertionError("days differ")
    if not np.array_equal(result.allowance_cents, plain.cents):
        raise AssertionError("allowance cents differ")
    theirs = plain.totals()
    if (ours.eligible, ours.cents) != (theirs.eligible, theirs.cents):
        raise AssertionError(f"counts or cents differ: {ours} != {theirs}")
    between = exact_gap = 0.0
    for name, exact in exact_totals(plain).items():
        between = max(between, relative(getattr(ours, name), getattr(theirs, name)))
        for totals in (ours, theirs):
            gap = relative(getattr(totals, name), exact)
            if gap > RELATIVE:
                raise AssertionError(f"{name}: {getattr(totals, name)!r} vs exact {exact!r}")
            exact_gap = max(exact_gap, gap)
    return Gaps(between=between, exact=exact_gap)


# -- one size ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    n: int
    build: float
    library: float
    numpy: float
    numpy_isin: float
    gaps: Gaps
    totals: Totals


def run_size(n: int, repeat: int, min_run: float) -> tuple[Row, Policy, Workforce, Columns]:
    start = time.perf_counter()
    workforce = lot_2013_population(n)
    build = time.perf_counter() - start
    policy = build_policy(modes_used(workforce))
    columns = Columns.of(workforce)

    result, totals = library(policy, workforce)
    ours = library_totals(result, totals)
    gaps = check(result, ours, numpy_assess(columns, ON))
    check(result, ours, numpy_isin(columns, ON))
    del result, totals

    def plain() -> Totals:
        return numpy_assess(columns, ON).totals()

    def usual() -> Totals:
        return numpy_isin(columns, ON).totals()

    row = Row(
        n=n,
        build=build,
        library=median_seconds(lambda: library(policy, workforce), repeat, min_run),
        numpy=median_seconds(plain, repeat, min_run),
        numpy_isin=median_seconds(usual, repeat, min_run),
        gaps=gaps,
        totals=ours,
    )
    return row, policy, workforce, columns


def print_table(rows: Sequence[Row]) -> None:
    header = (
        f"{'N':>9}  {'population':>11}  {'teletravail':>11}  {'numpy':>11}  {'ratio':>6}  "
        f"{'numpy-isin':>11}  {'lib/np gap':>10}  {'fsum gap':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.n:>9}  {format_seconds(r.build)}  {format_seconds(r.library)}  "
            f"{format_seconds(r.numpy)}  {r.library / r.numpy:>5.2f}x  "
            f"{format_seconds(r.numpy_isin)}  {r.gaps.between:>10.1e}  {r.gaps.exact:>8.1e}"
        )


def print_totals(row: Row) -> None:
    t = row.totals
    print(
        f"totals at N={row.n}: {t.eligible} eligible, {t.days:,.1f} workday, "
        f"{t.cents // 100:,}.{t.cents % 100:02d} EUR, {t.km:,.3f} km, "
        f"{t.kg_co2e / 1000:,.6f} t CO2e, {t.hours:,.3f} h"
    )


# -- memory --------------------------------------------------------------------------------------


def probe_rss(path: str, n: int) -> int:
    """In a fresh process (``--rss-probe``): build the workforce, then run ``path`` three
    times; print the resident sizes in MiB: after the imports, the peak of the build, the
    resident size once built, and the peak while assessing (Linux: the peak is reset after
    the build through ``/proc/self/clear_refs``; elsewhere it includes the build)."""
    import gc

    def status(field: str) -> float:
        with open("/proc/self/status") as f:
            line = next(x for x in f if x.startswith(field + ":"))
        return int(line.split()[1]) / 1024  # kB

    imported = status("VmRSS")
    workforce = lot_2013_population(n)
    gc.collect()
    built_peak, built = status("VmHWM"), status("VmRSS")
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset the peak resident size to the current one
    except OSError:
        pass
    if path == "library":
        policy = build_policy(modes_used(workforce))
        for _ in range(3):
            library(policy, workforce)
    else:
        columns = Columns.of(workforce)
        for _ in range(3):
            numpy_assess(columns, ON).totals()
    print(f"{imported:.0f} {built_peak:.0f} {built:.0f} {status('VmHWM'):.0f}")
    return 0


def fresh_rss(path: str, n: int) -> tuple[float, ...]:
    """``probe_rss`` run in a child process (MiB): after imports, build peak, built, peak."""
    output = subprocess.run(
        [sys.executable, __file__, "--rss-probe", path, "--sizes", str(n)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return tuple(float(x) for x in output)


def workforce_mib(workforce: Workforce) -> float:
    """The size of a workforce's columns."""
    arrays = [value for value in vars_of(workforce) if isinstance(value, np.ndarray)]
    return (sum(a.nbytes for a in arrays) + workforce.role.codes.nbytes) / 2**20


def vars_of(obj: Any) -> list[Any]:
    return [getattr(obj, name) for name in obj.__slots__ if hasattr(obj, name)]


# -- main ------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = benchmark_parser(__doc__, sizes=None, repeat=7, min_run=0.1, calls=2000)
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: small sizes, few runs, no RSS child"
    )
    parser.add_argument("--no-rss", action="store_true", help="skip the fresh-process peak RSS")
    parser.add_argument("--rss-probe", choices=("library", "numpy"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes or [1_000, 10_000]
        args.repeat, args.min_run, args.agent_calls, args.no_rss = 3, 0.01, 200, True
    args.sizes = args.sizes or list(SIZES)
    check_counts(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.rss_probe:
        return probe_rss(args.rss_probe, max(args.sizes))
    return run_checked(run, args)


def run(args: argparse.Namespace) -> int:
    """Every measurement, printed; raises AssertionError if the library and numpy differ."""
    sizes: list[int] = sorted(set(args.sizes))
    print(
        f"teletravail {teletravail.__version__}, numpy {np.__version__}, "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(
        f"Lot 2013 workload on {ON}; median of {args.repeat} runs "
        f"of >= {args.min_run * 1e3:.0f} ms each"
    )
    print()
    lot_2013_population(10)  # the unit registry is built on first use: not in the timings
    rows: list[Row] = []
    for n in sizes:
        row, policy, workforce, columns = run_size(n, args.repeat, args.min_run)
        rows.append(row)
    print_table(rows)
    print("(every agent's eligibility, days and cents identical, so counts and cents too;")
    print(" lib/np gap: the largest relative difference between the two paths' float totals;")
    print(" fsum gap: the largest of either path's float totals to its exact sum, math.fsum)")
    big = rows[-1]
    print_totals(big)
    ratio = big.library / big.numpy
    within = verdict(ratio <= RATIO_TARGET) if big.n >= SIZES[-1] else "not judged below 1e6"
    print(f"target: teletravail within {RATIO_TARGET:g}x of numpy at N={big.n}: {within}")
    print(f"target: float totals within {RELATIVE:g} of the exact sum, money to the cent: ok")
    print()

    peaks = {
        "teletravail": peak_bytes(lambda: library(policy, workforce)),
        "numpy": peak_bytes(lambda: numpy_assess(columns, ON).totals()),
    }
    print(
        f"peak memory of one call at N={big.n} (tracemalloc, above the workforce of "
        f"{workforce_mib(workforce):.1f} MiB): "
        + ", ".join(f"{name} {value / 2**20:.1f} MiB" for name, value in peaks.items())
    )
    print(f"this process's peak RSS (ru_maxrss): {max_rss_mib():.0f} MiB")
    if not args.no_rss and sys.platform == "linux":
        for path in ("library", "numpy"):
            imported, build_peak, built, peak = fresh_rss(path, big.n)
            print(
                f"fresh process, {path}: {imported:.0f} MiB after imports; building "
                f"N={big.n} peaks at {build_peak:.0f} MiB and leaves {built:.0f} MiB; "
                f"assessing it 3 times peaks at {peak:.0f} MiB"
            )
            if path == "library":
                top = max(build_peak, peak)
                print(
                    f"target: process peak under {MEMORY_TARGET_MIB:g} MiB: "
                    f"{verdict(top < MEMORY_TARGET_MIB)} ({top:.0f} MiB)"
                )
    print()

    one_agent(policy, args.agent_calls)
    return 0


def one_agent(policy: Policy, calls: int) -> None:
    """One agent through ``policy.assess(agent, on)``, decision tree and all."""
    agents = {
        "eligible agent": Agent(
            id="A1",
            hire_date="2011-03-01",
            working_time="90 %",
            role="informatique",
            commute_distance="18 km",
            requested_telework="2 workday/week",
        ),
        "refused agent": Agent(
            id="A2",
            hire_date="2012-06-01",
            working_time="80 %",
            role="cadre",
            commute_distance="18 km",
            requested_telework="2 workday/week",
        ),
    }
    first = policy.assess(agents["eligible agent"], ON)
    second = policy.assess(agents["refused agent"], ON)
    if not (first.entitled and not second.entitled and first.allowance_cents == 10_000 + 19_872):
        raise AssertionError("single-agent assessments are not the expected ones")
    timings = {}
    for label, agent in agents.items():
        seconds = median_single_calls(partial(policy.assess, agent, ON), calls)
        timings[label] = seconds * 1e6
        print(
            f"one Agent, policy.assess(agent, on) [{label}]: {timings[label]:.0f} µs "
            f"(median of {calls} calls)"
        )
    print(
        f"target: one agent under {AGENT_TARGET_US:g} µs: "
        f"{verdict(timings['eligible agent'] < AGENT_TARGET_US)}"
    )
    # the decision tree is built when first read: what reading everything costs
    agent = agents["eligible agent"]
    for label, read in (
        ("and its decision", lambda: policy.assess(agent, ON).decision),
        ("and .to_dict()", lambda: policy.assess(agent, ON).to_dict()),
    ):
        seconds = median_single_calls(read, calls)
        print(f"one Agent, policy.assess(agent, on) {label}: {seconds * 1e6:.0f} µs")


if __name__ == "__main__":
    raise SystemExit(main())
