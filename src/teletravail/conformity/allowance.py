"""The policy's allowance against the public-service forfait télétravail in force on a
date: an amount paid before the forfait existed, a one-off amount the forfait does not
cover, a monthly flat amount that is not the forfait's form, a rate or a cap above the
forfait's (:func:`allowance_findings`, one of :func:`~.checks.check_conformity`'s
parts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from teletravail.allowance.component import Component
from teletravail.allowance.forfait import (
    DECRET_2021_1123,
    forfait_annual_cap,
    forfait_daily_rate,
)
from teletravail.allowance.one_off import OneOff
from teletravail.allowance.rates import MonthlyFlat, PerDay
from teletravail.dated import DatedParameter
from teletravail.errors import NoValueInForceError
from teletravail.policy import Policy
from teletravail.units import Q_

from .findings import Finding
from .text import Word

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["allowance_findings"]


def _in_force(parameter: DatedParameter, day: dt.date) -> Quantity | None:
    try:
        return parameter.as_of(day)
    except NoValueInForceError:
        return None


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def allowance_findings(policy: Policy, day: dt.date) -> list[Finding]:
    if policy.allowance is None:
        return []
    out: list[Finding] = []
    for index, component in enumerate(policy.allowance.components):
        out.extend(_COMPONENT_FINDINGS[component.kind](component, f"allowance[{index}]", day))
    return out


def _before_forfait(component: Component, path: str, day: dt.date) -> list[Finding]:
    """A note for an amount in force before the forfait existed (nothing to compare)."""
    start = forfait_daily_rate().values[0].start
    if day >= start:
        return []
    return [
        Finding(
            code="allowance_before_forfait",
            severity="note",
            path=path,
            subject=component.name,
            observed=day,
            limit=start,
            source=DECRET_2021_1123,
        )
    ]


def _one_off_findings(component: Component, path: str, day: dt.date) -> list[Finding]:
    assert isinstance(component, OneOff)
    early = _before_forfait(component, path, day)
    if early:
        return early
    return [
        Finding(
            code="one_off_not_covered",
            severity="note",
            path=f"{path}.amount",
            subject=component.name,
            observed=component.amount,
            limit=None,
            source=DECRET_2021_1123,
        )
    ]


def _monthly_flat_findings(component: Component, path: str, day: dt.date) -> list[Finding]:
    assert isinstance(component, MonthlyFlat)
    observed = _in_force(component.rate, day)
    if observed is None:
        return []  # no amount in force on the day: nothing is paid then
    early = _before_forfait(component, path, day)
    if early:
        return early
    return [
        Finding(
            code="monthly_flat_not_forfait",
            severity="warning",
            path=f"{path}.rate",
            subject=component.name,
            observed=observed,
            limit=forfait_daily_rate().as_of(day),
            source=DECRET_2021_1123,
        )
    ]


def _per_day_or_early(component: Component, path: str, day: dt.date) -> list[Finding]:
    assert isinstance(component, PerDay)
    if _in_force(component.rate, day) is None:
        return []  # no amount in force on the day: nothing is paid then
    return _before_forfait(component, path, day) or _per_day_findings(component, path, day)


def _no_findings(component: Component, path: str, day: dt.date) -> list[Finding]:
    return []  # the employer's own costs: nothing is paid to the agent


#: What each kind of allowance component is checked for (one entry per kind of
#: :data:`~teletravail.allowance.allowance.COMPONENT_KINDS`; a test keeps them equal).
_COMPONENT_FINDINGS: dict[str, Callable[[Component, str, dt.date], list[Finding]]] = {
    "one_off": _one_off_findings,
    "per_day": _per_day_or_early,
    "monthly_flat": _monthly_flat_findings,
    "employer_cost": _no_findings,
}


def _euros(quantity: Quantity, unit: str) -> float:
    return round(float(quantity.m_as(unit)), 6)


def _per_day_findings(component: PerDay, path: str, day: dt.date) -> list[Finding]:
    """The rate in force on ``day`` against the forfait's; the cap of the calendar
    year (or month) of ``day`` against the forfait's cap of that year."""
    out: list[Finding] = []
    rate = Q_(float(component.rate.as_of(day).m_as("EUR/workday")), "EUR/workday")
    national = forfait_daily_rate().entry_as_of(day)
    if _euros(rate, "EUR/workday") > _euros(national.value, "EUR/workday"):
        out.append(
            Finding(
                code="rate_above_forfait",
                severity="error",
                path=f"{path}.rate",
                subject=component.name,
                observed=rate,
                limit=Q_(float(national.value.m_as("EUR/workday")), "EUR/workday"),
                source=national.source,
            )
        )
    year_end = dt.date(day.year, 12, 31)
    cap_entry = forfait_annual_cap().entry_as_of(year_end)
    limit = Q_(float(cap_entry.value.m_as("EUR")), "EUR/year")
    cap = None
    if component.cap is not None:
        per = component.cap_per
        found = _in_force(component.cap, year_end if per == "year" else _month_end(day))
        cap = None if found is None else Q_(float(found.m_as("EUR")), f"EUR/{per}")
    if cap is None:
        out.append(
            Finding(
                code="cap_missing",
                severity="error",
                path=f"{path}.cap",
                subject=component.name,
                observed=Word.UNLIMITED,
                limit=limit,
                source=cap_entry.source,
            )
        )
    elif _euros(cap, "EUR/year") > _euros(limit, "EUR/year"):
        out.append(
            Finding(
                code="cap_above_forfait",
                severity="error",
                path=f"{path}.cap",
                subject=component.name,
                observed=cap,
                limit=limit,
                source=cap_entry.source,
            )
        )
    return out
