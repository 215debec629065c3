"""The assessment of one population's agents, as columns, and the totals of
assessments.

:class:`PopulationAssessment` holds the figures of the agents a policy (or one of its
populations) assesses by its own rules: statuses, asks and grants, dated days,
allowance and impact, each agent's read from their profile's. A
:class:`~teletravail.policy.batch.BatchAssessment` is made of one or several of them.
Their :meth:`~PopulationAssessment.sums` are plain numbers that add up across parts,
batches or processes; :func:`totals_of` turns sums into totals in units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import readonly
from teletravail.allowance.columns import AllowanceColumns
from teletravail.eligibility.decisions import BatchDecision
from teletravail.errors import RowError, ValidationError, WorkforceError
from teletravail.frames import Units, quantity_frame
from teletravail.impact.report import ImpactReport
from teletravail.messages import choices
from teletravail.policy.assessment import Assessment
from teletravail.policy.profiles import Profiles
from teletravail.policy.statuses import (
    GRANTED,
    INVALID,
    NOT_ASKED,
    NOT_CONCERNED,
    NOT_ELIGIBLE,
    NOT_SELECTED,
    REFUSED,
    RULE_ORDER,
    STATUSES,
)
from teletravail.scheduling.days import TeleworkDays
from teletravail.units import Q_
from teletravail.workforce import Coded

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.policy.policy import Policy

__all__ = ["ASSESSMENT_QUANTITIES", "PopulationAssessment", "totals_of"]

#: The quantity columns of an assessment's tables (``to_pandas`` and
#: :func:`~teletravail.tables.assessment_frame`): plain name -> (pint name, unit).
ASSESSMENT_QUANTITIES: Mapping[str, tuple[str, str]] = {
    "asked_workday_per_week": ("asked", "workday/week"),
    "granted_workday_per_week": ("granted", "workday/week"),
    "days_workday": ("days", "workday"),
    "allowance_eur": ("allowance", "EUR"),
    "employer_costs_eur": ("employer_costs", "EUR"),
    "distance_km": ("distance", "km"),
    "time_h": ("time", "hour"),
    "net_kg_co2e": ("net", "kg CO2e"),
}


@attrs.frozen(kw_only=True, eq=False)
class PopulationAssessment:
    """The assessment of one population's agents (or, for a policy without
    populations, of the whole workforce) by its own rules, as columns: a part of a
    :class:`BatchAssessment`, which has the same figures for every agent.

    ``population`` names the population (``None``: the policy has none, or the agents
    are in none of them); ``concerned`` is false for agents outside the scheme, whose
    status is ``not_concerned``.

    Per agent (read-only columns, made when first read): ``entitled`` (eligible, and
    selected when the policy selects), ``status`` (codes into :data:`STATUSES`), the
    telework ``asked`` and ``granted`` per week (workday/week), the telework ``days``
    over the period (workday), the ``allowance_cents`` paid and ``employer_cents`` borne
    (exact), and the ``impact``. ``telework`` holds the dated days themselves,
    ``allowances`` each component's amounts, ``profiles`` the answers shared by agents
    of one profile (the same ask, days worked, days off, authorisation and absences).
    """

    policy: Policy
    on: dt.date
    start: dt.date
    end: dt.date
    decisions: BatchDecision
    selected: npt.NDArray[np.bool_] | None
    entitled: npt.NDArray[np.bool_]
    asked: npt.NDArray[np.float64]
    profiles: Profiles
    impact: ImpactReport
    telework: TeleworkDays
    allowances: AllowanceColumns | None
    asked_patterns: Coded
    row_errors: tuple[RowError, ...] = ()
    population: str | None = None
    concerned: bool = True
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.entitled)

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Every row that could not be assessed, in row order: the eligibility's (an
        agent hired after the date) and the assessment's own (absences outside the
        days assessed, figures that could not be computed for that agent)."""
        found = self._memo.get("errors")
        if found is None:
            both = (*self.decisions.errors, *self.row_errors)
            found = self._memo["errors"] = tuple(sorted(both, key=lambda e: e.row))
        result: tuple[RowError, ...] = found
        return result

    @property
    def invalid(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: could not be assessed (see :attr:`errors`)."""

        def make() -> npt.NDArray[np.bool_]:
            if not self.row_errors:
                return self.decisions.invalid
            rows = {e.row for e in self.row_errors}
            mine = np.isin(self.decisions.workforce.source_rows, list(rows))
            return self.decisions.invalid | mine

        return self._column("invalid", make)

    def __repr__(self) -> str:
        return (
            f"<PopulationAssessment of {self.population or self.policy.name!r} over"
            f" {self.start}..{self.end}: {self.count('granted')} granted of {len(self)}>"
        )

    def _column(self, name: str, make: Any) -> npt.NDArray[Any]:
        found = self._memo.get(name)
        if found is None:
            found = self._memo[name] = readonly(np.asarray(make()))
        result: npt.NDArray[Any] = found
        return result

    @property
    def status(self) -> npt.NDArray[np.int8]:
        """Each agent's status, as codes into :data:`STATUSES`."""

        def make() -> npt.NDArray[np.int8]:
            if not self.concerned:
                status = np.full(len(self), NOT_CONCERNED, dtype=np.int8)
                status[self.invalid] = INVALID
                return status
            profiles = self.profiles
            per_profile = np.where(
                profiles.granted, GRANTED, np.where(profiles.nothing_asked, NOT_ASKED, REFUSED)
            ).astype(np.int8)
            status = np.where(self.entitled, per_profile[profiles.codes], NOT_ELIGIBLE)
            if self.selected is not None:
                status[self.decisions.eligible & ~self.selected] = NOT_SELECTED
            status[self.invalid] = INVALID
            return status.astype(np.int8)

        return self._column("status", make)

    @property
    def granted(self) -> npt.NDArray[np.float64]:
        """The telework granted per week (workday/week), 0 where none is."""

        def make() -> npt.NDArray[np.float64]:
            patterns = self.profiles.patterns
            weekly = np.array([0.0 if p is None else p.workdays for p in patterns.values])
            return weekly[patterns.codes][self.profiles.codes]

        return self._column("granted", make)

    @property
    def days(self) -> npt.NDArray[np.float64]:
        """The telework days over the period (workday)."""
        return self.telework.total_days()

    @property
    def allowance_cents(self) -> npt.NDArray[np.int64]:
        """The allowance paid over the period, in cents (exact)."""
        if self.allowances is None:
            return self._column("paid", lambda: np.zeros(len(self), dtype=np.int64))
        return self.allowances.paid

    @property
    def employer_cents(self) -> npt.NDArray[np.int64]:
        """The employer's costs over the period, in cents (exact)."""
        if self.allowances is None:
            return self._column("employer", lambda: np.zeros(len(self), dtype=np.int64))
        return self.allowances.employer

    @property
    def reduced(self) -> npt.NDArray[np.bool_]:
        """Agents whose ask was reduced to what the quota allows."""
        return self._column(
            "reduced", lambda: self.profiles.reduced[self.profiles.codes] & self.entitled
        )

    def count(self, status: str) -> int:
        """How many agents have ``status`` (one of :data:`STATUSES`)."""
        if status not in STATUSES:
            raise ValidationError("status", status, choices(STATUSES))
        if status == "granted":
            return int(np.dot(self._profile_counts(), self.profiles.granted))
        profiles = self.profiles
        if status == "refused":
            refused = profiles.entitled & ~profiles.granted & ~profiles.nothing_asked
            return int(np.dot(self._profile_counts(), refused))
        if status == "not_asked":
            return int(np.dot(self._profile_counts(), profiles.nothing_asked))
        if status == "not_concerned":
            # the whole part is concerned or none of it is (its valid rows): no column
            return 0 if self.concerned else len(self) - int(np.count_nonzero(self.invalid))
        return int(np.count_nonzero(self.status == STATUSES.index(status)))

    def _profile_counts(self) -> npt.NDArray[np.int64]:
        # each profile is a schedule of the days: the same codes
        return self.telework.counts()

    def statuses(self) -> npt.NDArray[np.str_]:
        """Each agent's status as text."""
        result: npt.NDArray[np.str_] = np.array(STATUSES)[self.status]
        return result

    def quota_failures(self, row: int) -> tuple[str, ...]:
        """The rules of the policy's places and quota that ``row``'s ask breaks (empty
        for an agent who is not entitled: their ask was not considered)."""
        if not self.entitled[row]:
            return ()
        return self.profiles.failures(int(self.profiles.codes[row]))

    def refusal_counts(self) -> dict[str, int]:
        """For each rule of the places and the quota, how many entitled agents' asks it
        breaks (an agent counts under each rule in the way; reduced asks count too)."""
        counts: dict[str, int] = {}
        per_profile = self._profile_counts()
        for profile in np.flatnonzero(self.profiles.entitled).tolist():
            for code in self.profiles.failures(profile):
                counts[code] = counts.get(code, 0) + int(per_profile[profile])
        return dict(sorted(counts.items(), key=lambda item: RULE_ORDER.index(item[0])))

    def sums(self) -> dict[str, Any]:
        """The additive figures of the assessment as plain numbers (counts, half days,
        cents, kilometres, hours, kilograms): the sums of several batches (a workforce
        assessed in parts) give their totals with :func:`totals_of`."""
        impact = self.impact
        counts = self.telework.counts()
        money = (0, 0) if self.allowances is None else self.allowances.totals(counts)
        return {
            "agents": len(self),
            "eligible": int(np.count_nonzero(self.decisions.eligible & ~self.invalid)),
            "entitled": int(np.count_nonzero(self.entitled)),
            "granted": self.count("granted"),
            "refused": self.count("refused"),
            "not_asked": self.count("not_asked"),
            "not_concerned": self.count("not_concerned"),
            "halves": int(np.dot(counts, self.telework.schedule_halves())),
            "allowance_cents": money[0],
            "employer_cents": money[1],
            "km": _float_sum(impact.km),
            "hours": _float_sum(impact.hours),
            "gross_kg": _float_sum(impact.gross_kg),
            "rebound_kg": _float_sum(impact.rebound_kg),
            "eur": None if impact.eur is None else _float_sum(impact.eur),
            "unknown_distance": _count(impact.unknown_distance),
            "unknown_telecentre": 0
            if impact.unknown_telecentre is None
            else _count(impact.unknown_telecentre),
        }

    def totals(self) -> dict[str, Any]:
        """Counts, days, money and impact totals, in units (:func:`totals_of` of
        :meth:`sums`)."""
        return totals_of([self.sums()])

    def explain(self, row_or_id: int | str) -> Assessment:
        """The full assessment of one agent, by row or id (its decision tree is built
        when first read)."""
        row = self.decisions.row_of(row_or_id)
        return self.explain_row(row)

    def explain_row(self, row: int) -> Assessment:
        """:meth:`explain` of a row number in this part."""
        if self.decisions.invalid[row]:
            self.decisions.explain(row)  # raises: the agent was hired after the date
        if self.invalid[row]:
            source = int(self.decisions.workforce.source_rows[row])
            raise WorkforceError([e for e in self.row_errors if e.row == source])
        return Assessment(self, row)

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per agent assessed (the ``pandas`` extra): ``id``, ``status``,
        ``eligible``, ``entitled``, then quantities as floats named with their unit
        (``asked_workday_per_week``, ``granted_workday_per_week``, ``days_workday``,
        ``allowance_eur`` and ``employer_costs_eur`` from the exact cents,
        ``distance_km``, ``time_h``, ``net_kg_co2e``), or, with ``units="pint"``,
        pint-pandas columns named as in :data:`ASSESSMENT_QUANTITIES` (see
        :mod:`teletravail.frames`; :func:`~teletravail.tables.assessment_frame` has one
        row per input row instead)."""
        columns: dict[str, Any] = {
            "id": self.decisions.ids,
            "status": self.statuses(),
            "eligible": self.decisions.eligible,
            "entitled": self.entitled,
            "asked_workday_per_week": self.asked,
            "granted_workday_per_week": self.granted,
            "days_workday": self.days,
            "allowance_eur": self.allowance_cents / 100,
            "employer_costs_eur": self.employer_cents / 100,
            "distance_km": self.impact.km,
            "time_h": self.impact.hours,
            "net_kg_co2e": self.impact.net_kg,
        }
        return quantity_frame(columns, ASSESSMENT_QUANTITIES, units)


def totals_of(sums: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The totals, in units, of one or several batches' :meth:`BatchAssessment.sums`:
    ``agents``, ``eligible``, ``entitled``, ``granted``, ``refused``, ``not_asked`` and
    ``not_concerned`` counts, the
    telework ``days``, the ``allowance`` and ``employer_costs`` (exact cents), and the
    impact: ``impact_distance``, ``impact_time`` (and ``impact_time_days``, of 24 h),
    ``impact_gross``, ``impact_rebound`` and ``impact_net`` (t CO2e), ``impact_money``
    when priced, and the agents whose distance (``impact_unknown_distance``) or
    distance to their télécentre (``impact_unknown_telecentre``) is unknown."""

    def add(key: str) -> Any:
        return sum(s[key] for s in sums)

    hours = float(np.sum([s["hours"] for s in sums]))
    gross = float(np.sum([s["gross_kg"] for s in sums]))
    rebound = float(np.sum([s["rebound_kg"] for s in sums]))
    found: dict[str, Any] = {
        "agents": add("agents"),
        "eligible": add("eligible"),
        "entitled": add("entitled"),
        "granted": add("granted"),
        "refused": add("refused"),
        "not_asked": add("not_asked"),
        "not_concerned": add("not_concerned"),
        "days": Q_(add("halves") / 2, "workday"),
        "allowance": Q_(add("allowance_cents") / 100, "EUR"),
        "employer_costs": Q_(add("employer_cents") / 100, "EUR"),
        "impact_distance": Q_(float(np.sum([s["km"] for s in sums])), "km"),
        "impact_time": Q_(hours, "hour"),
        "impact_time_days": Q_(hours / 24, "day"),
        "impact_gross": Q_(gross / 1000, "t CO2e"),
        "impact_rebound": Q_(rebound / 1000, "t CO2e"),
        "impact_net": Q_((gross - rebound) / 1000, "t CO2e"),
        "impact_unknown_distance": add("unknown_distance"),
        "impact_unknown_telecentre": add("unknown_telecentre"),
    }
    priced = [s["eur"] for s in sums if s["eur"] is not None]
    if priced:
        found["impact_money"] = Q_(round(float(np.sum(priced)), 2), "EUR")
    return found


def _zero_column(column: npt.NDArray[Any]) -> bool:
    """A column of zeros that takes no memory (every row reads one zero)."""
    return column.ndim == 1 and len(column) > 0 and column.strides == (0,) and not column[0]


def _float_sum(column: npt.NDArray[np.float64]) -> float:
    """The sum of a float column (a column of zeros that takes no memory is not read)."""
    return 0.0 if _zero_column(column) else float(np.sum(column))


def _count(column: npt.NDArray[np.bool_]) -> int:
    """How many rows are true (a column of zeros that takes no memory is not read)."""
    return 0 if _zero_column(column) else int(np.count_nonzero(column))
