"""An assessment as a JSON document: :data:`ASSESSMENT`, the one description that writes
it (:meth:`Assessment.to_dict <teletravail.policy.assessment.Assessment.to_dict>`),
reads it back (:meth:`Assessment.from_dict
<teletravail.policy.assessment.Assessment.from_dict>`) and gives its JSON Schema; and
:class:`StoredFigures`, what an assessment read from a document holds.

The document is self-contained: besides the agent's figures, it carries the few terms
of the policy its text needs (the places allowed, the leave assumed, the floating
days granted), so that an assessment read back says what the original says, in both
languages, without the policy. The dated telework days are not in it (a year of dates
per agent): an assessment read from a document has no schedule.

Every quantity is ``{"value": ..., "unit": ...}`` and every amount of money an exact
decimal string in EUR (:mod:`teletravail.documents.measures`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

import attrs

from teletravail.allowance.result import LINE, AllowanceResult
from teletravail.dated import Period
from teletravail.documents import (
    Choice,
    Converted,
    Day,
    Flag,
    Key,
    ListOf,
    MapOf,
    Measure,
    Money,
    Number,
    Table,
    Text,
    heading_keys,
    unchanged,
)
from teletravail.errors import ValidationError
from teletravail.explain import DECISION, Decision
from teletravail.messages import Phrase
from teletravail.policy.statuses import STATUSES
from teletravail.scheduling.checks import QUOTA_DECISION, QuotaDecision
from teletravail.scheduling.leave import LeaveAssumption
from teletravail.week import PlaceKind, WeeklyPattern

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "ASSESSMENT",
    "ASSESSMENT_SCHEMA",
    "ASSESSMENT_SCHEMA_VERSION",
    "Floating",
    "StoredFigures",
]

#: The name of an assessment's document.
ASSESSMENT_SCHEMA: Final = "teletravail.assessment"
#: Its version (3: quantities as ``{"value", "unit"}``, money as exact amounts in EUR,
#: the policy's terms the text needs; 2: the agent's ``population``, the status
#: ``not_concerned``).
ASSESSMENT_SCHEMA_VERSION: Final = 3


@attrs.frozen(kw_only=True)
class Floating:
    """Floating days granted: a volume of days per week, month or year."""

    volume: Quantity
    per: str


@attrs.frozen(kw_only=True)
class StoredFigures:
    """Every figure of an assessment read from its document (see
    :class:`~teletravail.policy.assessment.Assessment`, whose properties these are)."""

    policy: str
    population: str | None
    agent_id: str
    on: dt.date
    period: Period
    status: str
    entitled: bool
    asked: Quantity
    asked_pattern: WeeklyPattern | None
    granted: Quantity
    pattern: WeeklyPattern | None
    reduced: bool
    floating: Floating | None
    failures: tuple[str, ...]
    places: tuple[PlaceKind, ...]
    quota: QuotaDecision | None
    days: dict[str, Any]
    leave: LeaveAssumption | None
    allowance_cents: int
    employer_cents: int
    allowance_result: AllowanceResult
    impact: dict[str, float]
    decision: Decision


_PER_WEEK: Final = Measure("workday/week")
_DAYS: Final = Measure("workday", nullable=False)


def _pattern(value: Any) -> WeeklyPattern:
    return WeeklyPattern.parse(value)


_PATTERN: Final = Converted(
    _pattern,
    Phrase("a weekly pattern", "un rythme hebdomadaire"),
    {"type": "string", "examples": ["tue, thu am"]},
    write=str,
)


def _period(data: dict[str, Any]) -> Period:
    return Period(start=data["start"], end=data["end"])


_PERIOD: Final = Table(
    "period",
    "The days assessed, first and last included.",
    [Key("start", Day(), "the first day", True), Key("end", Day(), "the last day", True)],
    _period,
    lambda period: {"start": period.start, "end": period.end},
    french="période",
)


def _floating(data: dict[str, Any]) -> Floating:
    return Floating(volume=data["volume"], per=data["per"])


_ASKED: Final = Table(
    "asked",
    "The telework the agent asked for.",
    [
        Key("per_week", _PER_WEEK, "days a week (value null: no ask stated)", True),
        Key("pattern", _PATTERN, "the weekly pattern stated, if any"),
    ],
    unchanged,
    unchanged,
    french="demande",
)
_GRANTED: Final = Table(
    "granted",
    "The telework granted.",
    [
        Key("per_week", _PER_WEEK, "days a week", True),
        Key("pattern", _PATTERN, "the weekly pattern granted, if any"),
        Key("reduced", Flag(), "whether the ask was reduced to what the quota allows", True),
        Key(
            "floating",
            Table(
                "floating",
                "Floating days granted: a volume per week, month or year.",
                [
                    Key("volume", _DAYS, "the days", True),
                    Key("per", Choice(["week", "month", "year"]), "per week, month or year", True),
                ],
                _floating,
                lambda f: {"volume": f.volume, "per": f.per},
                french="jours flottants",
            ),
            "floating days granted, under a quota of floating days",
        ),
    ],
    unchanged,
    unchanged,
    french="accordé",
)


def _leave(data: dict[str, Any]) -> LeaveAssumption:
    return LeaveAssumption(days=data.get("days"), weeks_worked=data.get("weeks_worked"))


_LEAVE: Final = Table(
    "leave_assumption",
    "The leave assumed where the agent's absences are not known.",
    [
        Key("days", _DAYS, "days of leave a year, full time"),
        Key("weeks_worked", Number(0, 53), "weeks worked a year"),
    ],
    _leave,
    lambda leave: {"days": leave.days, "weeks_worked": leave.weeks_worked},
    french="congés supposés",
)
_SHARE: Final = Number(0, 1)
_DAYS_DETAIL: Final = Table(
    "days",
    "How the telework days were reached.",
    [
        Key("planned", _DAYS, "on the calendar: the pattern's worked weekdays", True),
        Key("leave", _DAYS, "taken by the leave assumed", True),
        Key("leave_assumption", _LEAVE, "the leave assumed (left out: absences known)"),
        Key("leave_share", MapOf(_SHARE), "the share of days taken by leave, per year"),
        Key("capped", _DAYS, "over the caps on days", True),
        Key("floating", _DAYS, "floating days added", True),
        Key("total", _DAYS, "the telework days of the period", True),
    ],
    unchanged,
    unchanged,
    french="jours",
)
_IMPACT: Final = Table(
    "impact",
    "What not commuting saves over the period.",
    [
        Key("distance", Measure("km"), "the km not driven or ridden", True),
        Key("time", Measure("h"), "the hours of commuting saved", True),
        Key("net_emissions", Measure("kg CO2e"), "the net emissions avoided", True),
    ],
    unchanged,
    unchanged,
    french="impact",
)


def _status(value: Any) -> str:
    if value not in STATUSES:
        raise ValidationError("status", value, Phrase("a status", "un statut"))
    return str(value)


def _stored(data: dict[str, Any]) -> StoredFigures:
    asked, granted, days = data["asked"], data["granted"], data["days"]
    decision: Decision = data["decision"]
    if decision.agent_id != data["agent_id"]:
        raise ValidationError(
            "assessment.decision.agent_id",
            decision.agent_id,
            Phrase(
                "the assessment's agent, {id!r}",
                "l'agent de l'évaluation, {id!r}",
                id=data["agent_id"],
            ),
        )
    lines = tuple(data.get("allowance_lines", ()))
    return StoredFigures(
        policy=data["policy"],
        population=data.get("population"),
        agent_id=data["agent_id"],
        on=data["on"],
        period=data["period"],
        status=data["status"],
        entitled=data["entitled"],
        asked=asked["per_week"],
        asked_pattern=asked.get("pattern"),
        granted=granted["per_week"],
        pattern=granted.get("pattern"),
        reduced=granted["reduced"],
        floating=granted.get("floating"),
        failures=tuple(data["failures"]),
        places=tuple(PlaceKind(kind) for kind in data["places"]),
        quota=data.get("quota"),
        days={
            "planned": days["planned"].m_as("workday"),
            "leave": days["leave"].m_as("workday"),
            "leave_share": dict(days.get("leave_share", {})),
            "capped": days["capped"].m_as("workday"),
            "floating": days["floating"].m_as("workday"),
            "total": days["total"].m_as("workday"),
        },
        leave=days.get("leave_assumption"),
        allowance_cents=data["allowance"],
        employer_cents=data["employer_costs"],
        allowance_result=AllowanceResult(lines=lines),
        impact={
            "distance_km": float(data["impact"]["distance"].m_as("km")),
            "net_kg_co2e": float(data["impact"]["net_emissions"].m_as("kg CO2e")),
            "hours": float(data["impact"]["time"].m_as("h")),
        },
        decision=decision,
    )


def _written(assessment: Any) -> dict[str, Any]:
    """The values of an assessment's document, by key (what :data:`ASSESSMENT` writes)."""
    detail = assessment.days_detail()
    leave = assessment.leave
    impact = assessment.impact
    return {
        "schema": ASSESSMENT_SCHEMA,
        "schema_version": ASSESSMENT_SCHEMA_VERSION,
        "policy": assessment.policy,
        "population": assessment.population,
        "agent_id": assessment.agent_id,
        "on": assessment.on,
        "period": assessment.period,
        "status": assessment.status,
        "entitled": assessment.entitled,
        "asked": {"per_week": assessment.asked, "pattern": assessment.asked_pattern},
        "granted": {
            "per_week": assessment.granted,
            "pattern": assessment.pattern,
            "reduced": assessment.reduced,
            "floating": assessment.floating,
        },
        "failures": list(assessment.failures),
        "places": [str(kind) for kind in assessment.places],
        "quota": assessment.quota,
        "days": {
            "planned": detail["planned"],
            "leave": detail["leave"],
            "leave_assumption": leave if detail["leave_assumption"] is not None else None,
            "leave_share": detail["leave_share"] or None,
            "capped": detail["capped"],
            "floating": detail["floating"],
            "total": detail["total"],
        },
        "allowance": assessment.allowance_cents,
        "employer_costs": assessment.employer_cents,
        "allowance_lines": list(assessment.allowance_result.lines),
        "impact": {
            "distance": impact["distance_km"],
            "time": impact["hours"],
            "net_emissions": impact["net_kg_co2e"],
        },
        "decision": assessment.decision,
    }


#: The description of an assessment's document.
ASSESSMENT: Final = Table(
    "assessment",
    "One agent's assessment under a policy, on a date, over a period.",
    [
        *heading_keys(ASSESSMENT_SCHEMA, ASSESSMENT_SCHEMA_VERSION),
        Key("policy", Text(), "the name of the policy", True),
        Key("population", Text(), "the agent's population (left out: none)"),
        Key("agent_id", Text(empty=True), "the agent's id", True),
        Key("on", Day(), "the date of the eligibility decision", True),
        Key("period", _PERIOD, "the days assessed", True),
        Key(
            "status",
            Converted(_status, Phrase("a status", "un statut"), {"enum": list(STATUSES)}),
            "what became of the agent (docs/statuses.md)",
            True,
        ),
        Key("entitled", Flag(), "eligible, and selected where the policy selects", True),
        Key("asked", _ASKED, "the telework asked", True),
        Key("granted", _GRANTED, "the telework granted", True),
        Key("failures", ListOf(Text()), "the rules of the places and quota the ask breaks", True),
        Key(
            "places",
            ListOf(Choice([str(kind) for kind in PlaceKind])),
            "the kinds of places the policy allows",
            True,
        ),
        Key("quota", QUOTA_DECISION, "the quota's answer (left out: not entitled)"),
        Key("days", _DAYS_DETAIL, "the telework days and how they were reached", True),
        Key("allowance", Money(), "the allowance paid to the agent", True),
        Key("employer_costs", Money(), "the employer's own costs", True),
        Key("allowance_lines", ListOf(LINE), "the allowance, line by line", True),
        Key("impact", _IMPACT, "what not commuting saves", True),
        Key("decision", DECISION, "the eligibility decision, with its reasons", True),
    ],
    _stored,
    _written,
    french="évaluation",
)
