"""Policies: a territory's whole scheme, and the assessment of agents and workforces.

A :class:`Policy` ties the four sub-packages together: who is eligible (a
:class:`~teletravail.eligibility.Rule`), how much telework (a
:class:`~teletravail.scheduling.Quota`), where (places), what is paid (an
:class:`~teletravail.allowance.Allowance`), optionally how seats are allotted (a
:class:`~teletravail.eligibility.SelectionCampaign`) and the assumptions of the impact
estimate. ``policy.assess(workforce, on=...)`` computes everything on columns; one agent
is assessed as a workforce of one, and any row of a batch can be explained.

Yearly figures use a year of ``weeks`` telework weeks (46 by default: 52 weeks less 5 of
leave and 1 of public holidays, impactco2's convention); the allowance is that of the
calendar year of the reference date.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import encodable, typed_tuple
from teletravail._columns import SHORT, frozen, highest, lowest, readonly, zeros
from teletravail.allowance.components import (
    Allowance,
    EmployerCost,
    MonthlyFlat,
    OneOff,
    PerDay,
)
from teletravail.allowance.money import as_decimal, half_days, millicents, pay, pay_in_place
from teletravail.dated import Period, Source, to_date
from teletravail.eligibility.decision import SCHEMA_VERSION, BatchDecision, Decision
from teletravail.eligibility.rules import Rule
from teletravail.eligibility.selection import SelectionCampaign
from teletravail.errors import ValidationError
from teletravail.impact.commute import Assumptions, commute_impact
from teletravail.impact.commute import _report as _impact_report
from teletravail.impact.report import ImpactReport
from teletravail.scheduling.quota import Quota
from teletravail.units import Q_, as_quantity
from teletravail.week import PlaceKind
from teletravail.workforce import Agent, Errors, Workforce

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.tables import Units
    from teletravail.units import Quantity

__all__ = ["Assessment", "BatchAssessment", "Policy", "compare_policies"]

_MOST_DAYS = 366  # the largest count of telework days a year that allowances accept


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or not encodable(value):
        raise ValidationError(attribute.name, value, "a non-empty string of text")


def _string(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not encodable(value):
        raise ValidationError(attribute.name, value, "a string of text")


def _period(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Period):
        raise ValidationError(attribute.name, value, "a Period (start, optional end)")


def _instance_or_none(kind: type) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(attribute.name, value, f"a {kind.__name__} or None")

    return check


def _rule(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Rule):
        raise ValidationError("eligibility", value, "an eligibility rule")


def _places(value: Any) -> frozenset[PlaceKind]:
    from teletravail._checks import enum_value

    if isinstance(value, str):
        value = [value]
    return frozenset(enum_value(PlaceKind, item, "places") for item in value)


def _sources(value: Any) -> tuple[Source, ...]:
    return typed_tuple(value, Source, "sources")


def _weeks(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 53:
        raise ValidationError("weeks", value, "telework weeks in a year, between 0 and 53")
    return float(value)


@attrs.frozen(kw_only=True)
class Policy:
    """A territory's telework scheme, in force over ``period``. Variants are made with
    ``attrs.evolve(policy, field=...)``; equal policies compare equal. ``description``
    says in a sentence or two what the scheme is (its first line is its summary)."""

    name: str = attrs.field(validator=_text)
    territory: str = attrs.field(validator=_text)
    description: str = attrs.field(default="", validator=_string)
    period: Period = attrs.field(validator=_period)
    eligibility: Rule = attrs.field(validator=_rule)
    quota: Quota | None = attrs.field(default=None, validator=_instance_or_none(Quota))
    places: frozenset[PlaceKind] = attrs.field(
        factory=lambda: frozenset({PlaceKind.HOME}), converter=_places
    )
    allowance: Allowance | None = attrs.field(default=None, validator=_instance_or_none(Allowance))
    selection: SelectionCampaign | None = attrs.field(
        default=None, validator=_instance_or_none(SelectionCampaign)
    )
    impact: Assumptions = attrs.field(factory=Assumptions)
    weeks: float = attrs.field(default=46.0, converter=_weeks)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)

    def __reduce__(self) -> tuple[Any, ...]:
        """A policy is pickled as its document (:func:`teletravail.config.to_document`)
        and read back with the receiving process's registry, so that it can be sent to
        other processes (``multiprocessing``, ``concurrent.futures``, joblib): pint
        would unpickle its quantities into pint's application registry, which knows
        neither ``workday`` nor ``EUR``. A policy a document cannot hold (a
        :class:`~teletravail.eligibility.Predicate` calls a Python function) cannot be
        pickled: the error says which part."""
        from teletravail.config import to_document

        return (_from_document, (to_document(self),))

    def __copy__(self) -> Policy:
        return self  # frozen: a copy would be the same value

    def __deepcopy__(self, memo: dict[int, Any]) -> Policy:
        # field by field, in this process's registry (pickling goes through the document)
        fields = attrs.fields(type(self))
        return attrs.evolve(
            self, **{f.name: copy.deepcopy(getattr(self, f.name), memo) for f in fields}
        )

    def assess(
        self,
        subject: Agent | Workforce,
        on: dt.date | str,
        *,
        requested: Quantity | str | None = None,
        errors: Errors = "raise",
    ) -> Assessment | BatchAssessment:
        """Assess one agent (an :class:`Assessment`) or a workforce (a
        :class:`BatchAssessment`) on ``on``.

        ``requested`` is the telework asked for per week (one quantity for all, or an
        array per agent). When it is not given, each agent's stated
        ``requested_telework`` is used, and the quota's maximum for agents who stated
        none. Agents not eligible, or not selected when the policy has a selection, are
        granted nothing.
        """
        day = to_date(on, "on")
        if day not in self.period:
            raise ValidationError("on", day, f"a date while the policy is in force ({self.period})")
        if isinstance(subject, Agent):
            batch = self._assess_columns(Workforce._from_one(subject), day, requested, "raise")
            return batch.explain(0)
        if not isinstance(subject, Workforce):
            raise ValidationError("subject", subject, "an Agent or a Workforce")
        return self._assess_columns(subject, day, requested, errors)

    def assess_workforce(
        self,
        workforce: Workforce,
        on: dt.date | str,
        *,
        requested: Any = None,
        errors: Errors = "raise",
    ) -> BatchAssessment:
        """:meth:`assess` for a workforce, typed as a :class:`BatchAssessment`."""
        result = self.assess(workforce, on, requested=requested, errors=errors)
        if not isinstance(result, BatchAssessment):
            raise ValidationError("workforce", workforce, "a Workforce")
        return result

    def _assess_columns(
        self, workforce: Workforce, day: dt.date, requested: Any, errors: Errors
    ) -> BatchAssessment:
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, "'raise' or 'report'")
        decisions = self.eligibility._evaluate_columns(workforce, day, errors)
        entitled = decisions.eligible
        selection = None
        if self.selection is not None:
            selection = self.selection.run(decisions)
            entitled = selection.selected
        caps = self._caps(workforce)
        if requested is None:  # each agent's stated ask: NaN (unstated) shows in the range
            granted = np.minimum(workforce.requested_telework_workday_per_week, caps)
        else:
            granted = np.minimum(self._requested(requested, workforce), caps)
        # the range of the grants tells, in two reductions, what a check per agent would:
        # finite and >= 0, a grant times 0 or 1 is what np.where would give (much
        # faster on a mask that changes from row to row), and the days are valid counts
        # when the largest possible is (the days grow with the grants)
        n = len(granted)
        low = lowest(granted) if n else 0.0
        if math.isnan(low) and requested is None:  # some asks unstated: the quota's maximum
            granted = np.minimum(self._requested(None, workforce), caps)
            low = lowest(granted)
        if isinstance(caps, float) and caps * self.weeks <= _MOST_DAYS:
            high = caps  # no grant above one cap for all (a NaN grant shows in `low`)
        else:
            high = highest(granted) if n else 0.0
        checked = (
            low >= 0
            and math.isfinite(high)
            and high * self.weeks <= _MOST_DAYS
            and isinstance(self.impact, Assumptions)
        )
        if checked and entitled.dtype == np.bool_ and (low > 0 or not np.signbit(granted).any()):
            if n > SHORT:
                np.multiply(granted, entitled.view(np.int8), out=granted)
            else:
                granted = granted * entitled.view(np.int8)
        else:  # (a -0.0 times 0 stays -0.0, where np.where gives 0.0)
            granted = np.where(entitled, granted, 0.0)
        days = granted * self.weeks
        if checked:
            allowance, employer = self._allowance_checked(entitled, granted, days, day.year)
            impact = _impact_report(workforce, days, day, self.impact, self.name)
        else:  # the checks of every step say what is wrong
            allowance, employer = self._allowance(entitled, granted, days, day.year)
            impact = commute_impact(
                workforce, Q_(days, "workday"), on=day, assumptions=self.impact, label=self.name
            )
        return BatchAssessment(
            policy=self,
            on=day,
            decisions=decisions,
            entitled=frozen(entitled),
            granted=readonly(granted),  # the columns made here are the batch's alone
            days=readonly(days),
            allowance_cents=readonly(allowance),
            employer_cents=readonly(employer),
            impact=impact,
        )

    def _requested(self, requested: Any, workforce: Workforce) -> npt.NDArray[np.float64]:
        """Each agent's weekly ask: ``requested`` for all when given, else what the agent
        stated (``requested_telework``), else the quota's maximum. The workforce's own
        column is returned as it is (read-only) when every agent stated an ask."""
        n = len(workforce)
        if requested is None:
            stated = workforce.requested_telework_workday_per_week
            if not n or not math.isnan(stated.min()):  # NaN shows in the minimum
                return stated
            if self.quota is None:
                raise ValidationError(
                    "requested", None, "the telework asked for (no quota, and not stated)"
                )
            return np.where(np.isnan(stated), self.quota._max_days, stated)
        quantity = as_quantity(requested, field="requested", dimension="[workday] / [time]")
        values = np.broadcast_to(np.asarray(quantity.m_as("workday/week"), dtype=float), (n,))
        if np.any(values < 0) or np.any(values > 7) or not np.all(np.isfinite(values)):
            raise ValidationError("requested", "out of 0..7", "0 to 7 workday/week")
        return values.copy()

    def _caps(self, workforce: Workforce) -> float | npt.NDArray[np.float64]:
        """Each agent's weekly allowance under the quota (no quota: no cap), as one
        number when it is the same for every agent."""
        if self.quota is None:
            return 7.0
        return self.quota._allowed_magnitudes(workforce.working_time_percent)

    def _allowance(
        self,
        entitled: npt.NDArray[np.bool_],
        granted: npt.NDArray[np.float64],
        days: npt.NDArray[np.float64],
        year: int,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        paid = np.zeros(len(entitled), dtype=np.int64)
        employer = np.zeros(len(entitled), dtype=np.int64)
        if self.allowance is None:
            return paid, _no_cost(len(entitled))
        whole_days = np.floor(days * 2) / 2  # a year's count, down to a half day
        for component in self.allowance.components:
            if isinstance(component, OneOff):
                paid += component.for_workforce(entitled)
            elif isinstance(component, PerDay):
                paid += component.for_workforce(whole_days, year)
            elif isinstance(component, MonthlyFlat):
                paid += self._monthly(component, granted, year)
            elif isinstance(component, EmployerCost):
                employer += component.for_workforce(entitled)
        costs = any(isinstance(c, EmployerCost) for c in self.allowance.components)
        return paid, employer if costs else _no_cost(len(entitled))

    def _allowance_checked(
        self,
        entitled: npt.NDArray[np.bool_],
        granted: npt.NDArray[np.float64],
        days: npt.NDArray[np.float64],
        year: int,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """:meth:`_allowance` for days known to be counts from 0 to 366: the same cents,
        with the per-day amounts computed in place on the half days."""
        n = len(entitled)
        paid: npt.NDArray[np.int64] | None = None
        employer: npt.NDArray[np.int64] | None = None
        for component in () if self.allowance is None else self.allowance.components:
            if isinstance(component, OneOff):
                due = component.for_workforce(entitled)
            elif isinstance(component, PerDay) and component.cap_per == "year":
                rate, cap = component._rate_in(year), component._yearly_cap(year)
                # whole half days: the days are >= 0, so truncation is the floor
                if n > SHORT:
                    halves = np.multiply(days, 2.0, out=np.empty(n, np.int64), casting="unsafe")
                else:
                    halves = (days * 2.0).astype(np.int64)
                due = pay_in_place(halves, rate)
                if cap is not None:
                    due = np.minimum(due, cap, out=due if n > SHORT else None)
            elif isinstance(component, PerDay):
                due = component.for_workforce(np.floor(days * 2) / 2, year)
            elif isinstance(component, MonthlyFlat):
                due = self._monthly(component, granted, year)
            else:
                employer = component.for_workforce(entitled) + (0 if employer is None else employer)
                continue
            if paid is None:
                paid = due
            else:
                paid += due
        return (
            np.zeros(n, dtype=np.int64) if paid is None else paid,
            _no_cost(n) if employer is None else employer,
        )

    @staticmethod
    def _monthly(
        component: MonthlyFlat, granted: npt.NDArray[np.float64], year: int
    ) -> npt.NDArray[np.int64]:
        rate = millicents(component.rate.as_of(dt.date(year, 1, 1)), "rate", "EUR/(workday/week)")
        due: npt.NDArray[np.int64] = pay(half_days(granted), rate) * 12
        return due


class Assessment:
    """One agent's assessment: the eligibility decision, the telework granted per week,
    the days in a year, the allowance of that year and the impact.

    It is one row of a :class:`BatchAssessment` (``policy.assess(agent, on)`` assesses a
    workforce of one): the figures are read from the batch's columns when asked for,
    and the decision tree is built the first time :attr:`decision` is read (then kept),
    so that code that needs only the figures does not pay for the explanation.
    Assessments compare equal when every figure and the decision are equal.
    """

    __slots__ = ("_batch", "_decision", "_row")

    def __init__(self, batch: BatchAssessment, row: int) -> None:
        self._batch = batch
        self._row = row
        self._decision: Decision | None = None

    @property
    def policy(self) -> str:
        """The name of the policy."""
        return self._batch.policy.name

    @property
    def on(self) -> dt.date:
        """The reference date."""
        return self._batch.on

    @property
    def decision(self) -> Decision:
        """The eligibility decision, with its explanation tree."""
        if self._decision is None:
            self._decision = self._batch.decisions.explain(self._row)
        return self._decision

    @property
    def entitled(self) -> bool:
        """Eligible, and selected when the policy has a selection."""
        return bool(self._batch.entitled[self._row])

    @property
    def granted(self) -> Quantity:
        """The telework granted per week (workday/week)."""
        return Q_(float(self._batch.granted[self._row]), "workday/week")

    @property
    def days(self) -> Quantity:
        """The telework days in a year (workday)."""
        return Q_(float(self._batch.days[self._row]), "workday")

    @property
    def allowance_cents(self) -> int:
        """The allowance paid over the year, in cents (exact)."""
        return int(self._batch.allowance_cents[self._row])

    @property
    def employer_cents(self) -> int:
        """The employer's costs over the year, in cents (exact)."""
        return int(self._batch.employer_cents[self._row])

    @property
    def allowance(self) -> Quantity:
        """The allowance paid to the agent over the year, in EUR."""
        return Q_(self.allowance_cents / 100, "EUR")

    @property
    def impact(self) -> dict[str, float]:
        """The km avoided, the net kg CO2e avoided and the hours saved over the year."""
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
            self.entitled,
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
            f" agent_id={str(self._batch.decisions.ids[self._row])!r}, entitled={self.entitled},"
            f" granted={self.granted.m_as('workday/week'):g} workday/week,"
            f" allowance={as_decimal(self.allowance_cents)} EUR)"
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema version."""
        return {
            "schema": "teletravail.assessment",
            "schema_version": SCHEMA_VERSION,
            "policy": self.policy,
            "on": self.on.isoformat(),
            "entitled": self.entitled,
            "granted_per_week": float(self._batch.granted[self._row]),
            "days_per_year": float(self._batch.days[self._row]),
            "allowance": str(as_decimal(self.allowance_cents)),
            "employer_costs": str(as_decimal(self.employer_cents)),
            "impact": self.impact,
            "decision": self.decision.to_dict(),
        }

    def text(self, lang: str = "en") -> str:
        """The assessment in English or French: the decision, then the figures."""
        decision = self.decision.text(lang)  # type: ignore[arg-type]
        granted = float(self._batch.granted[self._row])
        days = float(self._batch.days[self._row])
        if lang == "fr":
            lines = [
                f"télétravail accordé\u00a0: {granted:g} jour(s)"
                f" par semaine, {days:g} jours par an",
                f"indemnités sur l'année\u00a0: {as_decimal(self.allowance_cents)} EUR",
            ]
        else:
            lines = [
                f"telework granted: {granted:g} day(s) a week, {days:g} days a year",
                f"allowance over the year: {as_decimal(self.allowance_cents)} EUR",
            ]
        return "\n".join([decision, *lines])


@attrs.frozen(kw_only=True, eq=False)
class BatchAssessment:
    """A workforce's assessment as columns, with totals; any row can be explained.

    ``employer_cents`` is a read-only column of zeros when the policy has no employer
    cost (it takes no memory).
    """

    policy: Policy
    on: dt.date
    decisions: BatchDecision
    entitled: npt.NDArray[np.bool_]
    granted: npt.NDArray[np.float64]
    days: npt.NDArray[np.float64]
    allowance_cents: npt.NDArray[np.int64]
    employer_cents: npt.NDArray[np.int64]
    impact: ImpactReport

    def __len__(self) -> int:
        return len(self.granted)

    def totals(self) -> dict[str, Any]:
        """Counts, days, money and impact totals, in units."""
        impact = self.impact.totals()
        same = self.impact.days  # the impact of the days assessed: their sum is done
        days = (
            impact["days"]
            if _same_column(same, self.days)
            else Q_(float(self.days.sum()), "workday")
        )
        return {
            "agents": len(self),
            "eligible": self.decisions.count(),
            "entitled": int(np.count_nonzero(self.entitled)),
            "days": days,
            "allowance": Q_(_total(self.allowance_cents) / 100, "EUR"),
            "employer_costs": Q_(_total(self.employer_cents) / 100, "EUR"),
            **{f"impact_{k}": v for k, v in impact.items() if k != "agents"},
        }

    def explain(self, row_or_id: int | str) -> Assessment:
        """The full assessment of one agent, by row or id (its decision tree is built
        when first read)."""
        row = self.decisions._row(row_or_id)
        if self.decisions.invalid[row]:
            self.decisions.explain(row)  # raises: the agent was hired after the date
        return Assessment(self, row)

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per agent assessed (the ``pandas`` extra): ``id``, ``eligible``,
        ``entitled``, then quantities as floats named with their unit
        (``granted_workday_per_week``, ``days_workday``, ``allowance_eur`` and
        ``employer_costs_eur`` from the exact cents, ``distance_km``, ``time_h``,
        ``net_kg_co2e``), or, with ``units="pint"``, pint-pandas
        columns named as in :data:`~teletravail.tables.ASSESSMENT_QUANTITIES` (see
        :mod:`teletravail.tables`; :func:`~teletravail.tables.assessment_frame` has one
        row per input row instead)."""
        from teletravail.tables import ASSESSMENT_QUANTITIES, quantity_frame

        columns: dict[str, Any] = {
            "id": self.decisions.ids,
            "eligible": self.decisions.eligible,
            "entitled": self.entitled,
            "granted_workday_per_week": self.granted,
            "days_workday": self.days,
            "allowance_eur": self.allowance_cents / 100,
            "employer_costs_eur": self.employer_cents / 100,
            "distance_km": self.impact.km,
            "time_h": self.impact.hours,
            "net_kg_co2e": self.impact.net_kg,
        }
        return quantity_frame(columns, ASSESSMENT_QUANTITIES, units)


def _from_document(document: dict[str, Any]) -> Policy:
    """A pickled policy read back (see :meth:`Policy.__reduce__`)."""
    from teletravail.config import from_document

    return from_document(document, origin="a pickled policy")


def _no_cost(n: int) -> npt.NDArray[np.int64]:
    """The employer costs of a policy that has none: a read-only column of zero cents
    that takes no memory (every row reads the same zero)."""
    return zeros(n, np.int64)


def _total(column: npt.NDArray[np.int64]) -> int:
    """The sum of a column of cents (exact); one row times the rows for a broadcast one."""
    if column.ndim == 1 and len(column) and column.strides == (0,):
        return len(column) * int(column[0])
    return int(column.sum())


def _same_column(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> bool:
    """Whether two arrays are views of the same memory, element for element."""
    return (
        a.shape == b.shape
        and a.dtype == b.dtype
        and a.strides == b.strides
        and a.__array_interface__["data"][0] == b.__array_interface__["data"][0]
    )


def compare_policies(
    first: Policy, second: Policy, workforce: Workforce, on: dt.date | str
) -> dict[str, Any]:
    """Who changes status between two policies on one workforce, and how the totals move."""
    if not isinstance(workforce, Workforce):
        raise ValidationError("workforce", workforce, "a Workforce")
    a, b = (p.assess_workforce(workforce, on) for p in (first, second))
    ids = workforce.ids
    gained = ids[~a.entitled & b.entitled]
    lost = ids[a.entitled & ~b.entitled]
    totals_a, totals_b = a.totals(), b.totals()
    return {
        "gained": [str(i) for i in gained],
        "lost": [str(i) for i in lost],
        "totals": {
            key: {
                first.name: totals_a[key],
                second.name: totals_b[key],
                "difference": totals_b[key] - totals_a[key],
            }
            for key in totals_a
            if key in totals_b and not isinstance(totals_a[key], dict)
        },
    }
