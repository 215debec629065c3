"""One agent's assessment: :class:`Assessment`, a row of a population's assessment
read as one agent's figures and explanations, and its JSON document."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from teletravail.allowance.result import AllowanceResult
from teletravail.dated import Period
from teletravail.explain import Decision
from teletravail.money import as_decimal
from teletravail.policy.statuses import STATUSES
from teletravail.policy.text import render_assessment
from teletravail.scheduling.checks import QuotaDecision
from teletravail.scheduling.schedule import Schedule
from teletravail.units import Q_
from teletravail.week import WeeklyPattern

if TYPE_CHECKING:
    from teletravail.messages import Lang
    from teletravail.policy.results import PopulationAssessment
    from teletravail.units import Quantity

__all__ = ["ASSESSMENT_SCHEMA_VERSION", "Assessment"]

#: The version of :meth:`Assessment.to_dict`'s document (2: the agent's ``population``,
#: and the status ``not_concerned``).
ASSESSMENT_SCHEMA_VERSION = 2


class Assessment:
    """One agent's assessment: the eligibility decision, what was asked and what the
    quota allows, the telework granted per week, the dated days over the period and how
    they were reached, the allowance of those days line by line, and the impact.

    It is one row of a :class:`BatchAssessment` (``policy.assess(agent, on)`` assesses a
    workforce of one): the figures are read from the batch's columns when asked for, and
    the explanations are built the first time they are read (then kept), so that code
    that needs only the figures does not pay for them. Assessments compare equal when
    every figure and the decision are equal.
    """

    __slots__ = ("_batch", "_decision", "_row")

    def __init__(self, batch: PopulationAssessment, row: int) -> None:
        self._batch = batch
        self._row = row
        self._decision: Decision | None = None

    @property
    def part(self) -> PopulationAssessment:
        """The assessment the agent is a row of: their population's, or the whole
        workforce's for a policy without populations (its policy, period and columns)."""
        return self._batch

    @property
    def row(self) -> int:
        """The agent's row in :attr:`part`."""
        return self._row

    @property
    def policy(self) -> str:
        """The name of the policy."""
        return self._batch.policy.name

    @property
    def population(self) -> str | None:
        """The population the agent belongs to (None: the policy has none, or the agent
        is in none of them)."""
        return self._batch.population

    @property
    def on(self) -> dt.date:
        """The date of the eligibility decision."""
        return self._batch.on

    @property
    def period(self) -> Period:
        """The days assessed."""
        return Period(start=self._batch.start, end=self._batch.end)

    @property
    def agent_id(self) -> str:
        """The agent's id."""
        return str(self._batch.decisions.ids[self._row])

    @property
    def decision(self) -> Decision:
        """The eligibility decision, with its explanation tree."""
        if self._decision is None:
            self._decision = self._batch.decisions.explain(self._row)
        return self._decision

    @property
    def status(self) -> str:
        """``granted``, ``refused`` (an ask the quota or the places refuse),
        ``not_eligible``, ``not_selected``, ``not_asked`` (the agent asks for no
        telework: no day a week, under a quota without floating days) or
        ``not_concerned`` (the agent is outside the scheme: in none of its populations,
        or in one declared outside it)."""
        return STATUSES[int(self._batch.status[self._row])]

    @property
    def entitled(self) -> bool:
        """Eligible, and selected when the policy has a selection."""
        return bool(self._batch.entitled[self._row])

    @property
    def quota(self) -> QuotaDecision | None:
        """The check of the agent's ask against the quota (None when not entitled)."""
        if not self.entitled:
            return None
        profiles = self._batch.profiles
        return profiles.decision(int(profiles.codes[self._row]), self.agent_id)

    @property
    def failures(self) -> tuple[str, ...]:
        """The rules of the places and the quota that the ask breaks."""
        return self._batch.quota_failures(self._row)

    @property
    def reduced(self) -> bool:
        """Whether the ask was reduced to what the quota allows (``asks="reduce"``)."""
        profiles = self._batch.profiles
        return self.entitled and bool(profiles.reduced[int(profiles.codes[self._row])])

    @property
    def asked_pattern(self) -> WeeklyPattern | None:
        """The weekly pattern the agent stated (None: a number of days a week)."""
        value: WeeklyPattern | None = self._batch.asked_patterns.value(self._row)
        return value

    @property
    def pattern(self) -> WeeklyPattern | None:
        """The weekly pattern granted (None when nothing is)."""
        profiles = self._batch.profiles
        value: WeeklyPattern | None = profiles.patterns.value(int(profiles.codes[self._row]))
        return value

    @property
    def asked(self) -> Quantity:
        """The telework asked for per week (workday/week)."""
        return Q_(float(self._batch.asked[self._row]), "workday/week")

    @property
    def granted(self) -> Quantity:
        """The telework granted per week (workday/week)."""
        return Q_(float(self._batch.granted[self._row]), "workday/week")

    @property
    def days(self) -> Quantity:
        """The telework days over the period (workday)."""
        return Q_(float(self._batch.days[self._row]), "workday")

    @property
    def schedule(self) -> Schedule:
        """The dated telework days."""
        return self._batch.telework.schedule(self._row, self.agent_id)

    def days_detail(self) -> dict[str, Any]:
        """How the days were reached, in workdays: ``planned`` on the calendar (the
        pattern's weekdays that are worked, in the window, not absent), ``leave`` (taken
        by the leave assumption, with ``leave_assumption`` and ``leave_share`` per year,
        when the absences are not known), ``capped`` (over the caps on days),
        ``floating`` (floating days added) and the ``total``."""
        days = self._batch.telework
        key = int(days.codes[self._row])
        batch = self._batch
        leave = batch.policy.leave
        known = batch.decisions.workforce.absences.value(self._row) is not None
        shares = {}
        if not known and days.planned[key]:
            shares = {str(year): float(share) for year, share in days.leave_shares.items()}
        return {
            "planned": int(days.planned[key]) / 2,
            "leave": int(days.leave[key]) / 2,
            "leave_assumption": None if known else leave.describe(),
            "leave_share": shares,
            "capped": int(days.capped[key]) / 2,
            "floating": int(days.floating[key]) / 2,
            "total": int(days.schedule_halves()[key]) / 2,
        }

    @property
    def allowance_result(self) -> AllowanceResult:
        """The allowance, line by line."""
        columns = self._batch.allowances
        if columns is None:
            return AllowanceResult(lines=())
        return columns.result(self._row)

    @property
    def allowance_cents(self) -> int:
        """The allowance paid over the period, in cents (exact)."""
        return int(self._batch.allowance_cents[self._row])

    @property
    def employer_cents(self) -> int:
        """The employer's costs over the period, in cents (exact)."""
        return int(self._batch.employer_cents[self._row])

    @property
    def allowance(self) -> Quantity:
        """The allowance paid to the agent over the period, in EUR."""
        return Q_(self.allowance_cents / 100, "EUR")

    @property
    def impact(self) -> dict[str, float]:
        """The km avoided, the net kg CO2e avoided and the hours saved over the period."""
        report, row = self._batch.impact, self._row
        return {
            "distance_km": float(report.km[row]),
            "net_kg_co2e": float(report.gross_kg[row] - report.rebound_kg[row]),
            "hours": float(report.hours[row]),
        }

    def _figures(self) -> tuple[Any, ...]:
        batch, row = self._batch, self._row
        return (
            self.policy,
            self.on,
            self.period,
            self.status,
            float(batch.asked[row]),
            float(batch.granted[row]),
            float(batch.days[row]),
            self.allowance_cents,
            self.employer_cents,
            self.impact,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assessment):
            return NotImplemented
        return self._figures() == other._figures() and self.decision == other.decision

    __hash__ = None  # type: ignore[assignment]  # equal by value, like a mutable record

    def __repr__(self) -> str:
        return (
            f"Assessment(policy={self.policy!r}, on={self.on.isoformat()!r},"
            f" period={str(self.period)!r}, agent_id={self.agent_id!r},"
            f" status={self.status!r}, granted={self.granted.m_as('workday/week'):g}"
            f" workday/week, days={self.days.m_as('workday'):g} workday,"
            f" allowance={as_decimal(self.allowance_cents)} EUR)"
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema version."""
        quota = self.quota
        pattern = self.pattern
        asked = self.asked_pattern
        return {
            "schema": "teletravail.assessment",
            "schema_version": ASSESSMENT_SCHEMA_VERSION,
            "policy": self.policy,
            "population": self.population,
            "agent_id": self.agent_id,
            "on": self.on.isoformat(),
            "period": {"start": self._batch.start.isoformat(), "end": self._batch.end.isoformat()},
            "status": self.status,
            "entitled": self.entitled,
            "asked": {
                "per_week": float(self._batch.asked[self._row]),
                "pattern": None if asked is None else str(asked),
            },
            "granted": {
                "per_week": float(self._batch.granted[self._row]),
                "pattern": None if pattern is None else str(pattern),
                "reduced": self.reduced,
            },
            "failures": list(self.failures),
            "quota": None if quota is None else quota.to_dict(),
            "days": self.days_detail(),
            "allowance": str(as_decimal(self.allowance_cents)),
            "employer_costs": str(as_decimal(self.employer_cents)),
            "allowance_lines": [line.to_dict() for line in self.allowance_result.lines],
            "impact": self.impact,
            "decision": self.decision.to_dict(),
        }

    def text(self, lang: Lang = "en") -> str:
        """The assessment in English or French: the decision, the ask and what the
        quota allows, then how the days and the amount were reached."""
        return render_assessment(self, lang)
