"""What each agent asks, and what the quota makes of it: steps of the assessment
(:mod:`teletravail.policy.engine`), each run once per profile of agents, not per agent.

* :func:`asks_of`: each agent's ask, their own weekly pattern, else their number of
  days a week, else the quota's maximum (a ``requested`` given to the assessment
  replaces them all);
* :func:`places_refused`: which stated patterns have a day at a place the policy does
  not allow;
* :func:`derogation_checks`: the ask of an agent holding a derogation, checked on every
  day their allowance may change;
* :func:`grants`: the pattern each distinct ask would be granted (a number of days
  placed by :func:`~teletravail.week.default_pattern`), reduced to what the quota
  allows where the policy says so (``asks="reduce"``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import factorize
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.policy.profiles import quarters
from teletravail.scheduling.checks import Asks, QuotaChecks
from teletravail.scheduling.quota import Quota
from teletravail.spans import telework_window
from teletravail.units import as_quantity
from teletravail.week import WeeklyPattern, default_pattern, weekdays_of_mask
from teletravail.workforce import Coded, Workforce

if TYPE_CHECKING:
    from teletravail.policy.policy import Policy

__all__ = ["asks_of", "derogation_checks", "grants", "places_refused"]


def asks_of(
    policy: Policy, workforce: Workforce, requested: Any
) -> tuple[Coded, npt.NDArray[np.float64]]:
    """Each agent's stated pattern (codes into a table, ``None`` where the agent
    states a number only) and number of days a week."""
    n = len(workforce)
    if isinstance(requested, WeeklyPattern):
        return (
            Coded(np.ones(n, dtype=np.int32), (None, requested)),
            np.full(n, requested.workdays),
        )
    if requested is not None:
        quantity = as_quantity(requested, field="requested", dimension="[workday] / [time]")
        values = np.broadcast_to(np.asarray(quantity.m_as("workday/week"), dtype=float), (n,))
        if not np.all(np.isfinite(values)) or np.any(values < 0) or np.any(values > 7):
            raise ValidationError(
                "requested",
                Phrase("out of 0..7", "hors de 0..7"),
                Phrase("0 to 7 workday/week", "de 0 à 7 jours de travail par semaine"),
            )
        return Coded.default(n), values.copy()
    stated = workforce.requested_telework_workday_per_week
    patterns = workforce.pattern
    if len(patterns.values) > 1:  # a stated pattern is asked for: its days a week
        weekly = np.array([math.nan, *(p.workdays for p in patterns.values[1:])])
        stated = np.where(patterns.codes > 0, weekly[patterns.codes], stated)
    if n and math.isnan(float(stated.min())):
        if policy.quota is None:
            raise ValidationError(
                "requested",
                None,
                Phrase(
                    "the telework asked for (no quota, and not stated)",
                    "le télétravail demandé (aucun quota, et rien d'indiqué)",
                ),
            )
        stated = np.where(np.isnan(stated), policy.quota.maximum.m_as("workday/week"), stated)
    return patterns, stated


def places_refused(
    policy: Policy, patterns: Sequence[WeeklyPattern | None]
) -> npt.NDArray[np.bool_]:
    """For each stated pattern, whether it has a day at a place the policy does not
    allow."""
    return np.array(
        [
            p is not None and any(day.place.kind not in policy.places for day in p.days)
            for p in patterns
        ],
        dtype=bool,
    )


def derogation_checks(
    workforce: Workforce,
    asks: Asks,
    sample: npt.NDArray[np.int64],
    entitled: npt.NDArray[np.bool_],
    quota: Quota,
    start: dt.date,
    end: dt.date,
    day: dt.date,
) -> dict[int, QuotaChecks]:
    """For each entitled profile of an agent holding a derogation the quota knows (a
    profile of that agent alone), the check of the ask on every day the allowance
    may change in the agent's window (as :func:`~teletravail.scheduling.plan` checks
    it): the first that fails, else the first with the lowest allowance."""
    if not quota.derogations or not len(workforce.derogation_row):
        return {}
    held = np.zeros(len(workforce), dtype=bool)
    held[workforce.derogation_row] = True
    found: dict[int, QuotaChecks] = {}
    kinds = {rule.kind for rule in quota.derogations}
    for where in np.flatnonzero(held[sample] & entitled).tolist():
        row = int(sample[where])
        agent = workforce.agent(row)
        if not any(h.kind in kinds for h in agent.derogations):
            continue
        first, last = telework_window(agent.authorisation, start, end, day)
        if last < first:
            continue
        one = Asks(
            per_week=asks.per_week[where : where + 1],
            half_days=asks.half_days[where : where + 1],
            weekdays=asks.weekdays[where : where + 1],
        )
        results = []
        for change in quota.allowance_changes(agent, first, last):
            rule = quota.derogation(agent, change)
            results.append(
                quota.check_columns(
                    one,
                    workforce.working_time_percent[row : row + 1],
                    workforce.days_off_mask[row : row + 1],
                    on=change,
                    derogations=None if rule is None else {0: rule},
                )
            )
        failed = [r for r in results if not r.passed[0]]
        lowest = min(results, key=lambda r: float(r.allowed[0]))
        found[where] = failed[0] if failed else attrs.evolve(results[0], allowed=lowest.allowed)
    return found


def grants(
    policy: Policy,
    stated: Sequence[WeeklyPattern | None],
    codes: npt.NDArray[np.int32],
    per_week: npt.NDArray[np.float64],
    days_off: npt.NDArray[np.uint8],
    to_reduce: npt.NDArray[np.bool_],
    allowed: npt.NDArray[np.float64],
    quota: Quota,
) -> tuple[list[WeeklyPattern | None], npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """The pattern each ask would be granted (codes into a table; 0 is none), and the
    asks reduced (``asks="reduce"``) to a grant; each distinct ask once."""
    m = len(codes)
    place = policy.default_place()
    table: list[WeeklyPattern | None] = [None]
    index: dict[WeeklyPattern, int] = {}
    granted = np.zeros(m, dtype=np.int64)
    reduced = np.zeros(m, dtype=bool)
    if not m:
        return table, granted, reduced
    minimum = float(quota.minimum.m_as("workday/week"))
    step = quota.granularity.step
    cut = np.where(to_reduce, allowed, -1.0) if policy.asks == "reduce" else None
    # one pattern per distinct (stated pattern, number a week, days off, reduction)
    key = np.zeros(m, dtype=np.int64)
    for column in (
        codes,
        quarters(per_week),
        days_off,
        None if cut is None else quarters(cut),
    ):
        if column is not None:
            numbers, count = factorize(column)
            key = key * count + numbers
    keys, k = factorize(key)
    sample = np.empty(k, dtype=np.int64)
    sample[keys] = np.arange(m)
    found = np.zeros(k, dtype=np.int64)
    cut_found = np.zeros(k, dtype=bool)
    for number, row in enumerate(sample.tolist()):
        mine = stated[int(codes[row])]
        off = weekdays_of_mask(int(days_off[row]))
        limit = -1.0 if cut is None else float(cut[row])
        pattern: WeeklyPattern | None
        try:
            if mine is not None:
                pattern = mine
                if limit >= 0:
                    pattern = quota.reduce(mine, limit, days_off=off, places=policy.places)
            else:
                days = float(per_week[row])
                if limit >= 0:
                    days = math.floor(round(min(days, limit) / step, 9)) * step
                pattern = default_pattern(
                    days, days_off=off, place=place, full_week=quota.full_week
                )
        except ValidationError:
            pattern = None  # an ask that cannot be placed: refused by the checks
        if pattern is None:
            continue
        if limit >= 0:
            total = pattern.workdays
            if total <= 0 or (minimum > 0 and total < minimum - 1e-9):
                continue  # nothing left, or below the minimum: refused
            cut_found[number] = True
        code = index.get(pattern)
        if code is None:
            code = index[pattern] = len(table)
            table.append(pattern)
        found[number] = code
    return table, found[keys], cut_found[keys]
