"""A calendar year of a shipped preset assessed for a whole workforce, against plain numpy.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/policy_year.py
    python benchmarks/policy_year.py --sizes 1000 100000 1000000 --repeat 7
    python benchmarks/policy_year.py --quick

The workloads are fixed, so that figures compare across versions:

* the population is ``teletravail.synthetic.lot_2013_population(N)`` (seed 2013): hire
  dates uniform over 2000-2012, working times 50 to 100 %, twelve roles of which four
  are excluded by the Lot, one-way commutes lognormal around 18 km, 1, 1.5, 2 or 3
  days a week asked for, every agent a volunteer on a teleworkable post, absences not
  known (the presets' 25 days of leave a year stand in for them);
* ``lot-2013``: the shipped preset over 2013, decided on 2013-01-01; ``public-service``:
  the shipped preset over 2024, decided on 2024-01-01; and each without its on-site
  minimum (``... no on-site``), to show what the presence rule costs.

For each size N it times, in the same process and on the same arrays:

* ``teletravail``: ``policy.assess(workforce, on)`` then ``.totals()``;
* ``numpy``: the same arithmetic in plain numpy, written for speed: eligibility as
  comparisons with cut-offs computed once; each ask checked against the quota (half
  days, the minimum, the maximum, the presence on site on the days worked); the year's
  days of each distinct ask (placed as the library documents: ``default_pattern``)
  counted once with ``np.busday_count`` and the leave rounding, then looked up per
  agent; the allowance in integer cents (the Lot's 100 EUR, the forfait's 2.88 EUR a
  day capped at 282.24 EUR in 2024); km (an unknown commute counts zero), hours and kg
  CO2e; the totals.

Every size checks that both give the same status, days and cents agent by agent, and
compares the float totals to ``math.fsum`` of the per-agent columns. It also times one
``Agent`` through ``policy.assess(agent, on)``: the median over agents drawn from the
population (each agent once per round), once their profile has been met (the policy
keeps each profile's outcome: a register repeats a few dozen profiles), and the first
time it is.

Targets (issue 12), at N = 1,000,000: each preset within 1.5x of its numpy; the preset
no slower than its variant without the on-site minimum; one agent at most 60 µs. The
exit status is 0 when the results agree (whether or not the targets are met) and 1 if
the library and numpy disagree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
from _timing import (
    benchmark_parser,
    check_counts,
    format_seconds,
    median_seconds,
    run_checked,
    verdict,
)

import teletravail
from teletravail import Policy, Workforce, presets
from teletravail.policy import BatchAssessment
from teletravail.synthetic import lot_2013_population
from teletravail.week import default_pattern

SIZES = (1_000, 100_000, 1_000_000)
RATIO_TARGET = 1.5
AGENT_TARGET_US = 60.0
RELATIVE = 1e-12
LEAVE_DAYS = 25
SPEED_KMH = 50.0
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


@attrs.frozen
class Workload:
    """One preset over one year, and the numbers its numpy twin is written with."""

    name: str
    preset: str
    year: int
    lot_rules: bool  # the Lot's seniority, working time and roles
    minimum: float  # workday/week
    maximum: float
    on_site: float
    one_off_cents: int
    rate_half_cents: int  # cents per half day (0: no per-day amount)
    cap_cents: int

    @property
    def on(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    def policy(self) -> Policy:
        policy = presets.load(self.preset)
        if self.on_site == 0 and policy.quota is not None:
            policy = attrs.evolve(
                policy, quota=attrs.evolve(policy.quota, on_site_minimum="0 workday/week")
            )
        return policy


LOT = Workload("lot-2013", "lot-2013", 2013, True, 1.0, 1.5, 2.0, 10_000, 0, 0)
STATE = Workload("public-service", "public-service", 2024, False, 0.0, 3.0, 2.0, 0, 144, 28_224)
WORKLOADS = (
    LOT,
    attrs.evolve(LOT, name="lot-2013 no on-site", on_site=0.0),
    STATE,
    attrs.evolve(STATE, name="public-service no on-site", on_site=0.0),
)
EXCLUDED_ROLES = ("applications_metier", "cadre", "production", "travail_social")


# -- plain numpy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    """The raw arrays both paths start from (the workforce's own columns)."""

    hire_day: IntArray
    working_time: FloatArray
    role_codes: npt.NDArray[np.int32]
    distance: FloatArray
    asked: FloatArray
    volunteer: BoolArray
    teleworkable: BoolArray
    excluded_codes: tuple[int, ...]

    @classmethod
    def of(cls, workforce: Workforce) -> Columns:
        categories = workforce.role.categories
        return cls(
            hire_day=workforce.hire_date.view(np.int64),
            working_time=workforce.working_time_percent,
            role_codes=workforce.role.codes,
            distance=workforce.commute_distance_km,
            asked=workforce.requested_telework_workday_per_week,
            volunteer=workforce.volunteer,
            teleworkable=workforce.teleworkable_post,
            excluded_codes=tuple(categories.index(r) for r in EXCLUDED_ROLES if r in categories),
        )


def year_halves(workload: Workload) -> tuple[IntArray, FloatArray]:
    """For each ask in half days a week (0 to 14), the half days it gives over the year
    once placed and thinned by the leave; and the emission factor of a car that year.
    Counted once per distinct ask: np.busday_count per weekday, with the holidays."""
    from teletravail.impact import emission_factors
    from teletravail.scheduling import WorkCalendar
    from teletravail.workforce import CommuteMode

    year = workload.year
    first, after = np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01")
    holidays = WorkCalendar().holiday_array(dt.date(year, 1, 1), dt.date(year, 12, 31))
    masks = ["".join("1" if d == w else "0" for d in range(7)) for w in range(7)]
    per_weekday = [
        int(np.busday_count(first, after, weekmask=mask, holidays=holidays)) for mask in masks
    ]
    working = sum(per_weekday[:5])
    table = np.zeros(15, dtype=np.int64)
    for halves in range(11):
        pattern = default_pattern(halves / 2)
        planned = sum(day.part.halves * per_weekday[day.weekday] for day in pattern.days)
        # round(planned * (1 - leave / working)), half up, in integers
        table[halves] = (2 * planned * (working - LEAVE_DAYS) + working) // (2 * working)
    car = emission_factors()[CommuteMode.CAR_THERMAL].as_of(workload.on).m_as("kg CO2e/km")
    return table, np.array([float(car)])


@dataclass(frozen=True)
class Plain:
    """The numpy path's per-agent columns."""

    granted: BoolArray
    halves: IntArray
    cents: IntArray
    km: FloatArray
    kg: FloatArray
    hours: FloatArray


def numpy_assess(workload: Workload, columns: Columns, table: IntArray, factor: float) -> Plain:
    """The workload in plain numpy (see the module's doc)."""
    ok = columns.volunteer & columns.teleworkable
    if workload.lot_rules:
        cutoff = (dt.date(workload.year - 1, 1, 1) - dt.date(1970, 1, 1)).days
        ok &= columns.hire_day <= cutoff
        ok &= columns.working_time >= 90.0
        for code in columns.excluded_codes:
            ok &= columns.role_codes != code
    asked = columns.asked
    doubled = asked * 2
    halves = np.rint(doubled).astype(np.int64)
    worked = np.floor(np.round(columns.working_time * 0.1, 9))  # half days worked a week
    ok &= doubled == halves  # whole or half days
    ok &= asked <= workload.maximum
    if workload.minimum:
        ok &= (asked >= workload.minimum) | (asked == 0)
    ok &= worked - doubled >= 2 * workload.on_site  # presence on the days worked
    mask = ok.view(np.int8)
    days = table[halves] * mask
    cents = days * workload.rate_half_cents
    if workload.cap_cents:
        np.minimum(cents, workload.cap_cents, out=cents)
    if workload.one_off_cents:
        cents += mask * np.int64(workload.one_off_cents)
    distance = columns.distance
    if np.isnan(distance.min()):  # an unknown commute counts zero
        distance = np.where(np.isnan(distance), 0.0, distance)
    km = distance * days  # 2 trips x one-way km x halves / 2
    return Plain(granted=ok, halves=days, cents=cents, km=km, kg=km * factor, hours=km / SPEED_KMH)


def numpy_totals(plain: Plain) -> dict[str, float]:
    return {
        "granted": int(np.count_nonzero(plain.granted)),
        "halves": int(plain.halves.sum()),
        "cents": int(plain.cents.sum()),
        "km": float(plain.km.sum()),
        "kg": float(plain.kg.sum()),
        "hours": float(plain.hours.sum()),
    }


# -- the library --------------------------------------------------------------------------------


def library(
    policy: Policy, workforce: Workforce, on: dt.date
) -> tuple[BatchAssessment, dict[str, Any]]:
    """The public path: assess the workforce over the year of ``on``, then its totals."""
    result = policy.assess_workforce(workforce, on)
    return result, result.totals()


def check(result: BatchAssessment, totals: dict[str, Any], plain: Plain) -> float:
    """Agent by agent, then the totals; returns the largest relative gap of the float
    totals to their exact sums (raises AssertionError on any disagreement)."""
    if not np.array_equal(result.statuses() == "granted", plain.granted):
        raise AssertionError("granted agents differ")
    if not np.array_equal(result.days * 2, plain.halves):
        raise AssertionError("days differ")
    if not np.array_equal(result.allowance_cents, plain.cents):
        raise AssertionError("cents differ")
    theirs = numpy_totals(plain)
    if round(totals["allowance"].m_as("cent")) != theirs["cents"]:
        raise AssertionError("total cents differ")
    if totals["days"].m_as("workday") * 2 != theirs["halves"]:
        raise AssertionError("total days differ")
    gap = 0.0
    for name, ours in (
        ("km", totals["impact_distance"].m_as("km")),
        ("kg", totals["impact_gross"].m_as("kg CO2e")),
        ("hours", totals["impact_time"].m_as("hour")),
    ):
        exact = math.fsum(getattr(plain, name).tolist())
        found = abs(ours - exact) / abs(exact) if exact else abs(ours)
        if found > RELATIVE:
            raise AssertionError(f"{name}: {ours!r} vs exact {exact!r}")
        gap = max(gap, found)
    return gap


# -- runs ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    workload: str
    n: int
    library: float
    numpy: float
    gap: float
    granted: int


def run_size(workload: Workload, workforce: Workforce, repeat: int, min_run: float) -> Row:
    policy = workload.policy()
    columns = Columns.of(workforce)
    table, factor = year_halves(workload)
    result, totals = library(policy, workforce, workload.on)
    gap = check(result, totals, numpy_assess(workload, columns, table, float(factor[0])))
    del result

    def plain() -> dict[str, float]:
        return numpy_totals(numpy_assess(workload, columns, table, float(factor[0])))

    return Row(
        workload=workload.name,
        n=len(workforce),
        library=median_seconds(lambda: library(policy, workforce, workload.on), repeat, min_run),
        numpy=median_seconds(plain, repeat, min_run),
        gap=gap,
        granted=int(totals["granted"]),
    )


def one_agent(workload: Workload, workforce: Workforce, calls: int) -> tuple[float, float]:
    """The median µs of ``policy.assess(agent, on)`` over agents of the population: once
    the agent's profile has been met (the policy keeps each profile's outcome), and the
    first time it is (on a fresh copy of the policy, whose cache is empty)."""
    policy = workload.policy()
    agents = [workforce.agent(row) for row in range(min(len(workforce), 200))]
    for agent in agents:
        policy.assess(agent, workload.on)
    samples = []
    rounds = max(1, calls // len(agents))
    for _ in range(rounds):
        for agent in agents:
            start = time.perf_counter()
            policy.assess(agent, workload.on)
            samples.append(time.perf_counter() - start)
    fresh = []
    for agent in agents[: max(20, calls // 20)]:
        new = attrs.evolve(policy)  # an equal policy with nothing met yet
        start = time.perf_counter()
        new.assess(agent, workload.on)
        fresh.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e6, statistics.median(fresh) * 1e6


def print_table(rows: Sequence[Row]) -> None:
    header = (
        f"{'workload':<26} {'N':>9}  {'teletravail':>11}  {'numpy':>11}  {'ratio':>6}  "
        f"{'granted':>8}  {'fsum gap':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.workload:<26} {r.n:>9}  {format_seconds(r.library)}  {format_seconds(r.numpy)}  "
            f"{r.library / r.numpy:>5.2f}x  {r.granted:>8}  {r.gap:>8.1e}"
        )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = benchmark_parser(__doc__, sizes=None, repeat=7, min_run=0.1, calls=2000)
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, few runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes or [1_000, 10_000]
        args.repeat, args.min_run, args.agent_calls = 3, 0.01, 200
    args.sizes = args.sizes or list(SIZES)
    check_counts(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    return run_checked(run, parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Every measurement, printed; raises AssertionError if the library and numpy differ."""
    sizes: list[int] = sorted(set(args.sizes))
    print(
        f"teletravail {teletravail.__version__}, numpy {np.__version__}, "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(f"median of {args.repeat} runs of >= {args.min_run * 1e3:.0f} ms each")
    print()
    rows: list[Row] = []
    populations = {n: lot_2013_population(n) for n in sizes}
    for workload in WORKLOADS:
        for n in sizes:
            rows.append(run_size(workload, populations[n], args.repeat, args.min_run))
    print_table(rows)
    print("(every agent's status, days and cents identical, so counts and cents too;")
    print(" fsum gap: the largest of the library's float totals to the exact sum)")
    largest = max(sizes)
    judged = largest >= SIZES[-1]
    by = {(r.workload, r.n): r for r in rows}
    for preset in ("lot-2013", "public-service"):
        row = by[(preset, largest)]
        ratio = row.library / row.numpy
        within = verdict(ratio <= RATIO_TARGET) if judged else "not judged below 1e6"
        print(
            f"target: {preset} within {RATIO_TARGET:g}x of numpy at N={largest}: "
            f"{within} ({ratio:.2f}x)"
        )
        bare = by[(f"{preset} no on-site", largest)]
        slower = row.library / bare.library
        print(
            f"target: {preset} no slower than without its on-site minimum: "
            f"{verdict(slower <= 1.05) if judged else 'not judged below 1e6'} ({slower:.2f}x)"
        )
    print()
    small = populations[min(sizes)]
    for workload in WORKLOADS[::2]:
        micro, first = one_agent(workload, small, args.agent_calls)
        print(
            f"one Agent, policy.assess(agent, on), {workload.name}: {micro:.0f} µs "
            f"(median over {min(len(small), 200)} agents whose profile was met before), "
            f"{first:.0f} µs the first time a profile is met: "
            f"{verdict(micro <= AGENT_TARGET_US)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
