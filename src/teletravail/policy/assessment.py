"""One agent's assessment: :class:`Assessment`, a row of a population's assessment
read as one agent's figures and explanations, or an assessment read back from its JSON
document (:mod:`teletravail.policy.assessment_document`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from teletravail.allowance.result import AllowanceResult
from teletravail.dated import Period
from teletravail.documents import read, write
from teletravail.errors import NotAvailableError
from teletravail.explain import Decision
from teletravail.messages import Lang, Phrase
from teletravail.money import as_decimal
from teletravail.policy.assessment_document import (
    ASSESSMENT,
    ASSESSMENT_SCHEMA_VERSION,
    Floating,
    StoredFigures,
)
from teletravail.policy.displays import assessment_html
from teletravail.policy.statuses import STATUSES
from teletravail.policy.text import render_assessment
from teletravail.scheduling.checks import QuotaDecision
from teletravail.scheduling.counting import Modality
from teletravail.scheduling.leave import LeaveAssumption
from teletravail.scheduling.schedule import Schedule
from teletravail.units import Q_
from teletravail.week import PlaceKind, WeeklyPattern

if TYPE_CHECKING:
    from teletravail.messages import Lang
    from teletravail.policy.results import PopulationAssessment
    from teletravail.units import Quantity

__all__ = ["ASSESSMENT_SCHEMA_VERSION", "Assessment"]


class Assessment:
    """One agent's assessment: the eligibility decision, what was asked and what the
    quota allows, the telework granted per week, the dated days over the period and how
    they were reached, the allowance of those days line by line, and the impact.

    It is one row of a :class:`BatchAssessment` (``policy.assess(agent, on)`` assesses a
    workforce of one): the figures are read from the batch's columns when asked for, and
    the explanations are built the first time they are read (then kept), so that code
    that needs only the figures does not pay for them. Or it is read back from its JSON
    document (:meth:`from_dict`): it then holds every figure and explanation of the
    document, and says the same text, but has no batch and no dated days
    (:attr:`part`, :attr:`row` and :attr:`schedule` raise :class:`NotAvailableError`).
    Assessments compare equal when every figure and the decision are equal.
    """

    __slots__ = ("_batch", "_decision", "_row", "_stored")

    def __init__(self, batch: PopulationAssessment, row: int) -> None:
        self._batch: PopulationAssessment | None = batch
        self._row = row
        self._decision: Decision | None = None
        self._stored: StoredFigures | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "assessment") -> Assessment:
        """Read back a document written by :meth:`to_dict`: every key is checked (its
        kind, its unit, the document's name and version), every problem reported at once
        with its key path (``assessment.days.total.unit``)."""
        stored: StoredFigures = read(ASSESSMENT, data, path)
        assessment = cls.__new__(cls)
        assessment._batch = None
        assessment._row = -1
        assessment._decision = stored.decision
        assessment._stored = stored
        return assessment

    def _part(self, what: str) -> PopulationAssessment:
        if self._batch is None:
            raise NotAvailableError(
                what,
                Phrase(
                    "an assessment read from its document holds no {what}",
                    "une évaluation relue de son document ne contient pas {quoi}",
                    what=what,
                    quoi=_NOT_IN_DOCUMENT[what],
                ),
            )
        return self._batch

    @property
    def part(self) -> PopulationAssessment:
        """The assessment the agent is a row of: their population's, or the whole
        workforce's for a policy without populations (its policy, period and columns)."""
        return self._part("part")

    @property
    def row(self) -> int:
        """The agent's row in :attr:`part`."""
        self._part("row")
        return self._row

    @property
    def policy(self) -> str:
        """The name of the policy."""
        if self._stored is not None:
            return self._stored.policy
        return self._part("part").policy.name

    @property
    def population(self) -> str | None:
        """The population the agent belongs to (None: the policy has none, or the agent
        is in none of them)."""
        if self._stored is not None:
            return self._stored.population
        return self._part("part").population

    @property
    def on(self) -> dt.date:
        """The date of the eligibility decision."""
        if self._stored is not None:
            return self._stored.on
        return self._part("part").on

    @property
    def period(self) -> Period:
        """The days assessed."""
        if self._stored is not None:
            return self._stored.period
        batch = self._part("part")
        return Period(start=batch.start, end=batch.end)

    @property
    def agent_id(self) -> str:
        """The agent's id."""
        if self._stored is not None:
            return self._stored.agent_id
        return str(self._part("part").decisions.ids[self._row])

    @property
    def decision(self) -> Decision:
        """The eligibility decision, with its explanation tree."""
        if self._decision is None:
            self._decision = self._part("part").decisions.explain(self._row)
        return self._decision

    @property
    def status(self) -> str:
        """``granted``, ``refused`` (an ask the quota or the places refuse),
        ``not_eligible``, ``not_selected``, ``not_asked`` (the agent asks for no
        telework: no day a week, under a quota without floating days) or
        ``not_concerned`` (the agent is outside the scheme: in none of its populations,
        or in one declared outside it)."""
        if self._stored is not None:
            return self._stored.status
        return STATUSES[int(self._part("part").status[self._row])]

    @property
    def entitled(self) -> bool:
        """Eligible, and selected when the policy has a selection."""
        if self._stored is not None:
            return self._stored.entitled
        return bool(self._part("part").entitled[self._row])

    @property
    def quota(self) -> QuotaDecision | None:
        """The check of the agent's ask against the quota (None when not entitled)."""
        if self._stored is not None:
            return self._stored.quota
        if not self.entitled:
            return None
        profiles = self._part("part").profiles
        return profiles.decision(int(profiles.codes[self._row]), self.agent_id)

    @property
    def failures(self) -> tuple[str, ...]:
        """The rules of the places and the quota that the ask breaks."""
        if self._stored is not None:
            return self._stored.failures
        return self._part("part").quota_failures(self._row)

    @property
    def reduced(self) -> bool:
        """Whether the ask was reduced to what the quota allows (``asks="reduce"``)."""
        if self._stored is not None:
            return self._stored.reduced
        profiles = self._part("part").profiles
        return self.entitled and bool(profiles.reduced[int(profiles.codes[self._row])])

    @property
    def asked_pattern(self) -> WeeklyPattern | None:
        """The weekly pattern the agent stated (None: a number of days a week)."""
        if self._stored is not None:
            return self._stored.asked_pattern
        value: WeeklyPattern | None = self._part("part").asked_patterns.value(self._row)
        return value

    @property
    def pattern(self) -> WeeklyPattern | None:
        """The weekly pattern granted (None when nothing is)."""
        if self._stored is not None:
            return self._stored.pattern
        profiles = self._part("part").profiles
        value: WeeklyPattern | None = profiles.patterns.value(int(profiles.codes[self._row]))
        return value

    @property
    def asked(self) -> Quantity:
        """The telework asked for per week (workday/week; NaN: no ask stated)."""
        if self._stored is not None:
            return self._stored.asked
        return Q_(float(self._part("part").asked[self._row]), "workday/week")

    @property
    def granted(self) -> Quantity:
        """The telework granted per week (workday/week)."""
        if self._stored is not None:
            return self._stored.granted
        return Q_(float(self._part("part").granted[self._row]), "workday/week")

    @property
    def floating(self) -> Floating | None:
        """The floating days granted, under a quota of floating days (None otherwise, or
        when nothing is granted)."""
        if self._stored is not None:
            return self._stored.floating
        if self.status != "granted":
            return None
        scheme = self._part("part").policy.quota
        if scheme is None or scheme.floating is None or scheme.modality is not Modality.FLOATING:
            return None
        return Floating(volume=scheme.floating.volume, per=scheme.floating.per)

    @property
    def places(self) -> tuple[PlaceKind, ...]:
        """The kinds of places the policy allows, in the order of :class:`PlaceKind`."""
        if self._stored is not None:
            return self._stored.places
        allowed = self._part("part").policy.places
        return tuple(kind for kind in PlaceKind if kind in allowed)

    @property
    def leave(self) -> LeaveAssumption | None:
        """The leave the policy assumes where absences are not known (None: an
        assessment read from a document that holds none, the agent's absences being
        known)."""
        if self._stored is not None:
            return self._stored.leave
        return self._part("part").policy.leave

    @property
    def days(self) -> Quantity:
        """The telework days over the period (workday)."""
        if self._stored is not None:
            return Q_(self._stored.days["total"], "workday")
        return Q_(float(self._part("part").days[self._row]), "workday")

    @property
    def schedule(self) -> Schedule:
        """The dated telework days."""
        batch = self._part("schedule")
        return batch.telework.schedule(self._row, self.agent_id)

    def days_detail(self) -> dict[str, Any]:
        """How the days were reached, in workdays: ``planned`` on the calendar (the
        pattern's weekdays that are worked, in the window, not absent), ``leave`` (taken
        by the leave assumption, with ``leave_assumption`` and ``leave_share`` per year,
        when the absences are not known), ``capped`` (over the caps on days),
        ``floating`` (floating days added) and the ``total``."""
        if self._stored is not None:
            stored = self._stored
            detail = dict(stored.days)
            detail["leave_assumption"] = None if stored.leave is None else stored.leave.describe()
            return detail
        batch = self._part("part")
        days = batch.telework
        key = int(days.codes[self._row])
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
        if self._stored is not None:
            return self._stored.allowance_result
        columns = self._part("part").allowances
        if columns is None:
            return AllowanceResult(lines=())
        return columns.result(self._row)

    @property
    def allowance_cents(self) -> int:
        """The allowance paid over the period, in cents (exact)."""
        if self._stored is not None:
            return self._stored.allowance_cents
        return int(self._part("part").allowance_cents[self._row])

    @property
    def employer_cents(self) -> int:
        """The employer's costs over the period, in cents (exact)."""
        if self._stored is not None:
            return self._stored.employer_cents
        return int(self._part("part").employer_cents[self._row])

    @property
    def allowance(self) -> Quantity:
        """The allowance paid to the agent over the period, in EUR."""
        return Q_(self.allowance_cents / 100, "EUR")

    @property
    def impact(self) -> dict[str, float]:
        """The km avoided, the net kg CO2e avoided and the hours saved over the period."""
        if self._stored is not None:
            return dict(self._stored.impact)
        report, row = self._part("part").impact, self._row
        return {
            "distance_km": float(report.km[row]),
            "net_kg_co2e": float(report.gross_kg[row] - report.rebound_kg[row]),
            "hours": float(report.hours[row]),
        }

    def _figures(self) -> tuple[Any, ...]:
        return (
            self.policy,
            self.population,
            self.on,
            self.period,
            self.status,
            _magnitude(self.asked, "workday/week"),
            _magnitude(self.granted, "workday/week"),
            _magnitude(self.days, "workday"),
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

    def to_html(self, lang: Lang | None = None) -> str:
        """The assessment as a small HTML display, in English or French (``None``: the
        language of :mod:`teletravail.display`): what a notebook shows."""
        return assessment_html(self, lang)

    def _repr_html_(self) -> str:
        return assessment_html(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema name and version
        (:data:`~teletravail.policy.assessment_document.ASSESSMENT`): quantities as
        ``{"value": 2.0, "unit": "workday/week"}``, money as ``{"value": "264.96",
        "unit": "EUR"}``, dates in ISO; :meth:`from_dict` reads it back."""
        data: dict[str, Any] = write(ASSESSMENT, self)
        return data

    def text(self, lang: Lang = "en") -> str:
        """The assessment in English or French: the decision, the ask and what the
        quota allows, then how the days and the amount were reached."""
        return render_assessment(self, lang)


def _magnitude(quantity: Quantity, unit: str) -> float | None:
    """A magnitude that compares equal to itself (NaN, not known, as None)."""
    value = float(quantity.m_as(unit))
    return None if value != value else value


#: What an assessment read from its document lacks, in French.
_NOT_IN_DOCUMENT = {
    "part": "l'évaluation dont elle est une ligne",
    "row": "de numéro de ligne",
    "schedule": "les jours datés de télétravail",
}
