"""Benchmark of a workforce's authorisations as columns: states, deadlines, what is due.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/authorisations.py
    python benchmarks/authorisations.py --sizes 1000 1000000 --repeat 5
    python benchmarks/authorisations.py --quick          # a smoke run, small sizes

For each size N it draws N authorisations from a fixed seed
(``numpy.random.default_rng(2026)``), directly as columns (no history is built for
them): requests received over 2021-2025, a fifth of them in a call for requests that
closed up to 30 days later; 10 % still requested, 5 % under review, 8 % refused, 2 %
under appeal after a refusal, the others granted 5 to 25 days after the request from a
start up to 30 days later, 70 % of these with an adaptation period of 30 to 89 days,
60 % for a term of 6 or 12 months (a third of those renewed once), 15 % ended by the
agent 120 days after the start and 2 % suspended 110 days after it.

It times, on 15 January 2026:

* ``build``: ``AuthorisationRegister.from_columns`` of those columns (text states,
  ``datetime64`` dates, text terms), every row checked;
* ``states_on``: each row's state and the count of each state;
* ``states_between``: the count of each state on each day of a year;
* ``deadlines_on``: each row's deadlines (answer, end of adaptation, earliest ending
  for each side, next term) and appeal body;
* ``due``: who is due an answer, a renewal or the end of adaptation within 30 days, and
  who is late;
* ``appeals_pending``: who is under appeal;
* ``summary``: the text in French.

Each timing is the median of ``--repeat`` runs; a run loops enough calls to last at
least ``--min-run`` seconds. It also measures the peak memory of ``deadlines_on`` on
the largest size with ``tracemalloc``. Before timing, ``--agent-calls`` rows of the
first size are rebuilt as :class:`AuthorisationHistory` values from the same draws, and
their ``state_on`` and ``deadlines`` must give what the columns give.

There is no speed target: the figures are printed. The exit status is 0 when the rows
agree with their histories and 1 when one does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from _timing import (
    benchmark_parser,
    check_counts,
    format_seconds,
    max_rss_mib,
    median_seconds,
    peak_bytes,
    run_checked,
)

from teletravail.procedure import (
    AuthorisationHistory,
    AuthorisationRegister,
    State,
    deadlines,
)

ON = dt.date(2026, 1, 15)
YEAR_LATER = dt.date(2027, 1, 14)
FIRST = np.datetime64("2021-01-01", "D")
STATES = tuple(State)


def draw(n: int, seed: int = 2026) -> dict[str, Any]:
    """The draws of ``n`` authorisations (see the module), as columns of numbers."""
    rng = np.random.default_rng(seed)
    days = lambda low, high: rng.integers(low, high + 1, n).astype("m8[D]")  # noqa: E731
    request = FIRST + days(0, 5 * 365 - 1)
    campaign = np.where(rng.random(n) < 0.2, request + days(0, 30), np.datetime64("NaT", "D"))
    outcome = rng.choice(
        ["requested", "under_review", "refused", "appealed", "granted"],
        n,
        p=[0.10, 0.05, 0.08, 0.02, 0.75],
    )
    decision = request + days(5, 25)
    start = decision + days(0, 30)
    adaptation = np.where(rng.random(n) < 0.7, rng.integers(30, 90, n), 0)
    term = np.where(rng.random(n) < 0.6, rng.choice([6, 12], n), 0)
    fate = rng.random(n)
    granted = outcome == "granted"
    renewed = granted & (term > 0) & (rng.random(n) < 1 / 3)
    ended = granted & (fate < 0.15)
    suspended = granted & (fate >= 0.15) & (fate < 0.17)
    return {
        "request": request,
        "campaign": campaign,
        "outcome": outcome,
        "decision": decision,
        "start": start,
        "adaptation": adaptation,
        "term": term,
        "renewed": renewed,
        "ended": ended,
        "suspended": suspended,
    }


def columns(d: dict[str, Any]) -> dict[str, Any]:
    """The register's columns of the draws ``d``: what an HR system would export."""
    n = len(d["request"])
    nat = np.datetime64("NaT", "D")
    granted = d["outcome"] == "granted"
    state = d["outcome"].astype("<U18")
    state[granted] = np.where(
        d["adaptation"][granted] > 0, "granted_adaptation", "granted_confirmed"
    )
    state[d["renewed"]] = "renewed"
    state[d["suspended"]] = "suspended"
    state[d["ended"]] = "ended"
    adaptation_end = d["start"] + (d["adaptation"] - 1).astype("m8[D]")
    term = np.where(d["term"] == 12, "1 year", np.where(d["term"] == 6, "6 months", ""))
    appealed = d["outcome"] == "appealed"
    return {
        "id": np.arange(n),
        "contract": np.where(np.arange(n) % 4 == 0, "contract_staff", "civil_servant"),
        "state": state,
        "request": d["request"],
        "campaign_closes": d["campaign"],
        "start": np.where(granted, d["start"], nat),
        "adaptation_end": np.where(granted & (d["adaptation"] > 0), adaptation_end, nat),
        "term": np.where(granted, term, ""),
        "renewals": d["renewed"].astype(np.int64),
        "appeal": np.where(appealed, d["decision"] + np.timedelta64(10, "D"), nat),
        "effective": np.where(d["ended"], d["start"] + np.timedelta64(190, "D"), nat),
    }


def history(d: dict[str, Any], row: int) -> AuthorisationHistory:
    """The history of the ``row``-th draw, event by event."""
    day = lambda name: dt.date.fromisoformat(str(d[name][row]))  # noqa: E731
    contract = "contract_staff" if row % 4 == 0 else "civil_servant"
    closes = None if np.isnat(d["campaign"][row]) else day("campaign")
    life = AuthorisationHistory(contract=contract).then(
        "request", day("request"), campaign_closes=closes
    )
    outcome, decided = str(d["outcome"][row]), day("decision")
    if outcome == "requested":
        return life
    if outcome == "under_review":
        return life.then("review", decided)
    if outcome in ("refused", "appealed"):
        life = life.then("refuse", decided, reasons="service", interview=decided)
        return (
            life.then("appeal", decided + dt.timedelta(days=10)) if outcome == "appealed" else life
        )
    start = day("start")
    adaptation = int(d["adaptation"][row])
    term = int(d["term"][row])
    life = life.then(
        "grant",
        decided,
        start=start,
        adaptation=f"{adaptation} days" if adaptation else None,
        duration=f"{term} months" if term else None,
    )
    if d["renewed"][row]:
        life = life.then("renew", start + dt.timedelta(days=100))
    if d["suspended"][row]:
        life = life.then("suspend", start + dt.timedelta(days=110), reasons="service")
    if d["ended"][row]:
        notified = start + dt.timedelta(days=120)
        life = life.then("end", notified, side="agent", effective=notified + dt.timedelta(days=70))
    return life


def _date(value: np.datetime64) -> dt.date | None:
    return None if np.isnat(value) else dt.date.fromisoformat(str(value))


def check(register: AuthorisationRegister, d: dict[str, Any], rows: npt.NDArray[np.int64]) -> int:
    """The rows ``rows`` agree with their histories on ``ON``: their state and each
    deadline. Returns how many were checked."""
    found = register.deadlines_on(ON)
    for row in rows.tolist():
        one = history(d, row)
        assert STATES[found.states[row]] is one.state_on(ON), f"row {row}: state"
        expected = deadlines(one, ON)
        for name in ("answer", "adaptation_end", "ending_agent", "ending_employer", "renewal"):
            deadline = getattr(expected, name)
            want = None if deadline is None else deadline.date
            assert _date(getattr(found, name)[row]) == want, f"row {row}: {name}"
    return len(rows)


def queries(register: AuthorisationRegister, table: dict[str, Any]) -> dict[str, Any]:
    """The calls timed, by name."""
    return {
        "build": lambda: AuthorisationRegister.from_columns(table),
        "states_on": lambda: register.states_on(ON),
        "states_between": lambda: register.states_between(ON, YEAR_LATER),
        "deadlines_on": lambda: register.deadlines_on(ON),
        "due (30 days)": lambda: register.due(ON, within=30),
        "appeals_pending": lambda: register.appeals_pending(ON),
        "summary (fr)": lambda: register.summary(ON, "fr"),
    }


def run(args: argparse.Namespace) -> int:
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    first = draw(args.sizes[0])
    register = AuthorisationRegister.from_columns(columns(first))
    sample = np.random.default_rng(1).choice(
        len(register), min(args.agent_calls, len(register)), replace=False
    )
    print(f"{check(register, first, sample)} rows agree with their histories on {ON}")
    print(f"{'N':>9} | {'query':<16} | {'median':>11}")
    assert {"requested", "ended", "appealed"} <= {
        state.value for state, count in register.states_on(ON).counts.items() if count
    }
    largest: AuthorisationRegister | None = None
    for n in args.sizes:
        table = columns(draw(n))
        register = AuthorisationRegister.from_columns(table)
        largest = register
        timings = queries(register, table)
        for name, call in timings.items():
            seconds = median_seconds(call, args.repeat, args.min_run)
            print(f"{n:>9,} | {name:<16} | {format_seconds(seconds)}")
    assert largest is not None
    counts = largest.states_on(ON).counts
    print("on", ON, {state.value: count for state, count in counts.items() if count})
    peak = peak_bytes(lambda: largest.deadlines_on(ON))
    print(f"peak of deadlines_on on {len(largest):,} rows: {peak / 2**20:.1f} MiB")
    print(f"process peak: {max_rss_mib():.0f} MiB")
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = benchmark_parser(
        __doc__, sizes=None, repeat=5, min_run=0.2, calls=300, calls_help="rows checked"
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, few runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.min_run, args.agent_calls = [2_000], 1, 0.0, 100
    elif args.sizes is None:
        args.sizes = [1_000, 100_000, 1_000_000]
    check_counts(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    return run_checked(run, parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
