"""Policies: a territory's whole scheme, and the assessment of agents and workforces over
a dated period.

A :class:`Policy` ties the parts together: who is eligible (a
:class:`~teletravail.eligibility.Rule`), how much telework (a
:class:`~teletravail.scheduling.Quota`), where (places), on which calendar, what is
paid (an :class:`~teletravail.allowance.Allowance`), optionally how seats are allotted
(a :class:`~teletravail.eligibility.SelectionCampaign`), the leave it assumes where an
agent's absences are unknown, and the assumptions of the impact estimate.

``policy.assess(workforce, on=..., period=...)`` is the composition of the parts' own
column methods, each once for the whole workforce:

1. the rule's :meth:`~teletravail.eligibility.Rule.evaluate_columns` on ``on`` (and the
   selection campaign, if any);
2. each agent's ask (their weekly pattern, else their number of days a week placed by
   :func:`~teletravail.week.default_pattern`, else the quota's maximum) checked against
   the policy's places and every rule of the quota by
   :meth:`~teletravail.scheduling.Quota.check_columns` (and, for an agent holding a
   derogation, on every day their allowance changes); an ask that breaks a rule is
   refused, or reduced to what the quota allows when the policy says so
   (``asks="reduce"``);
3. the dated days of what is granted, over the period, by
   :func:`~teletravail.scheduling.days.lay_out`: the policy's calendar, the agent's
   days off, window (authorisation, adaptation), absences or the leave assumption, the
   quota's caps on days and its floating days;
4. the allowance's :meth:`~teletravail.allowance.Allowance.columns` on those days;
5. the impact of the same days and places
   (:func:`~teletravail.impact.commute.dated_impact`).

One agent is assessed as a workforce of one, and any row of a batch can be explained.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import encodable, typed_tuple
from teletravail._columns import factorize, frozen, highest, lowest, readonly
from teletravail.allowance.components import Allowance, AllowanceColumns, AllowanceResult
from teletravail.allowance.money import as_decimal
from teletravail.dated import LAST_DATE, DatedParameter, Period, Source, to_date
from teletravail.eligibility.decision import (
    BatchDecision,
    CombinedDecision,
    Decision,
)
from teletravail.eligibility.rules import Rule
from teletravail.eligibility.selection import SelectionCampaign
from teletravail.errors import RowError, ValidationError, WorkforceError
from teletravail.impact.commute import Assumptions, dated_impact
from teletravail.impact.report import ImpactReport
from teletravail.messages import Phrase, choices
from teletravail.policy.populations import NotConcerned, Population, membership
from teletravail.policy.terms import AuthorisationTerms
from teletravail.scheduling.calendar import WorkCalendar
from teletravail.scheduling.checks import RULE_CODES, Asks, QuotaChecks, QuotaDecision
from teletravail.scheduling.days import Layout, TeleworkDays, horizon, lay_out
from teletravail.scheduling.leave import LeaveAssumption
from teletravail.scheduling.quota import Modality, Quota
from teletravail.scheduling.schedule import Schedule
from teletravail.spans import telework_window
from teletravail.units import Q_, as_quantity
from teletravail.week import (
    HOME,
    Place,
    PlaceKind,
    WeeklyPattern,
    default_pattern,
    read_places,
    weekdays_of_mask,
)
from teletravail.workforce import Agent, Coded, CommuteMode, Errors, Workforce

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.tables import Units
    from teletravail.units import Quantity

__all__ = [
    "STATUSES",
    "Assessment",
    "BatchAssessment",
    "Policy",
    "PopulationAssessment",
    "Profiles",
    "compare_policies",
    "totals_of",
]

#: The version of :meth:`Assessment.to_dict`'s document (2: the agent's ``population``,
#: and the status ``not_concerned``).
ASSESSMENT_SCHEMA_VERSION = 2

#: What became of each agent assessed, in the order of the status codes.
STATUSES: tuple[str, ...] = (
    "granted",
    "refused",
    "not_eligible",
    "not_selected",
    "invalid",
    "not_asked",
    "not_concerned",
)
(
    _GRANTED,
    _REFUSED,
    _NOT_ELIGIBLE,
    _NOT_SELECTED,
    _INVALID,
    _NOT_ASKED,
    _NOT_CONCERNED,
) = range(len(STATUSES))

#: The policy's own rule on an ask: telework only at the policy's places.
PLACES_CODE = "policy.places"

# the quota of a policy that states none: any whole or half days of the week worked
_NO_QUOTA = Quota(maximum="7 workday/week", granularity="halfday", name="no quota")
# the order in which a place is chosen for days placed by default
_PLACE_ORDER = (PlaceKind.HOME, PlaceKind.OTHER, PlaceKind.TELECENTRE, PlaceKind.SITE)


_A_WORKFORCE = Phrase("a Workforce", "un objet Workforce")


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or not encodable(value):
        raise ValidationError(
            attribute.name, value, Phrase("a non-empty string of text", "un texte non vide")
        )


def _string(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not encodable(value):
        raise ValidationError(attribute.name, value, Phrase("a string of text", "du texte"))


def _period(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Period):
        raise ValidationError(
            attribute.name,
            value,
            Phrase("a Period (start, optional end)", "un objet Period (début, fin facultative)"),
        )


def _instance_or_none(kind: type) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(
                attribute.name,
                value,
                Phrase("a {kind} or None", "un objet {kind} ou None", kind=kind.__name__),
            )

    return check


def _instance(kind: type) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, kind):
            raise ValidationError(
                attribute.name, value, Phrase("a {kind}", "un objet {kind}", kind=kind.__name__)
            )

    return check


def _rule(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Rule):
        raise ValidationError(
            "eligibility", value, Phrase("an eligibility rule", "une règle d'éligibilité")
        )


def _places(value: Any) -> frozenset[PlaceKind]:
    return read_places(value)


def _populations(value: Any) -> tuple[Population, ...]:
    found = typed_tuple(value, Population, "populations")
    seen: set[str] = set()
    for index, population in enumerate(found):
        if population.name in seen:
            raise ValidationError(
                f"populations[{index}].name",
                population.name,
                Phrase(
                    "a name no other population has",
                    "un nom qu'aucune autre population ne porte",
                ),
            )
        seen.add(population.name)
    everyone = next((p.name for p in found[:-1] if p.members.everyone), None)
    if everyone is not None:  # those after it would never select anyone
        index = [p.name for p in found].index(everyone) + 1
        raise ValidationError(
            f"populations[{index}]",
            found[index].name,
            Phrase(
                "a population written before any that selects every agent ({first!r} does)",
                "une population écrite avant toute population qui désigne tous les agents"
                " ({first!r} le fait)",
                first=everyone,
            ),
        )
    return found


def _sources(value: Any) -> tuple[Source, ...]:
    return typed_tuple(value, Source, "sources")


def _asks(instance: Any, attribute: Any, value: Any) -> None:
    if value not in ("refuse", "reduce"):
        raise ValidationError("asks", value, Phrase("'refuse' or 'reduce'", "'refuse' ou 'reduce'"))


@attrs.frozen(kw_only=True)
class Policy:
    """A territory's telework scheme, in force over ``period``. Variants are made with
    ``attrs.evolve(policy, field=...)``; equal policies compare equal. ``description``
    says in a sentence or two what the scheme is (its first line is its summary).

    ``calendar`` gives the working days (France's public holidays, or a subdivision's
    such as Alsace-Moselle); ``leave`` the leave assumed for agents whose absences are
    not known; ``asks`` what becomes of an ask that breaks a rule of the quota:
    ``"refuse"`` (the default: it is refused, with the rule in the way) or
    ``"reduce"`` (it is reduced to what the quota allows, and the explanation says so).
    """

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
    calendar: WorkCalendar = attrs.field(factory=WorkCalendar, validator=_instance(WorkCalendar))
    leave: LeaveAssumption = attrs.field(
        factory=LeaveAssumption.annual_leave, validator=_instance(LeaveAssumption)
    )
    asks: Literal["refuse", "reduce"] = attrs.field(default="refuse", validator=_asks)
    # the terms of the individual authorisations: duration, renewal, adaptation, notice
    authorisation: AuthorisationTerms | None = attrs.field(
        default=None, validator=_instance_or_none(AuthorisationTerms)
    )
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    populations: tuple[Population, ...] = attrs.field(default=(), converter=_populations)
    # the dated days of each distinct schedule met, read once (a register repeats them)
    _memo: dict[Any, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.populations and self.selection is not None:
            raise ValidationError(
                "selection",
                self.selection.name or Phrase("a selection campaign", "une campagne de sélection"),
                Phrase(
                    "no selection campaign in a policy with populations (seats are allotted"
                    " across the whole workforce)",
                    "aucune campagne de sélection dans une politique à populations (les places"
                    " sont attribuées sur tout l'effectif)",
                ),
            )
        # what is accepted can be assessed: each dated value a part reads is in force
        # wherever it is read within the policy's period
        for field, parameter, start, end in self._dated_values():
            gap = parameter.first_gap(start, end)
            if gap is not None:
                until = "" if end is None else end.isoformat()
                raise ValidationError(
                    field,
                    Phrase("no value on {gap}", "aucune valeur le {gap}", gap=gap.isoformat()),
                    Phrase(
                        "a value in force from {start}" + (" to {end}" if until else ""),
                        "une valeur en vigueur "
                        + ("du {start} au {end}" if until else "à partir du {start}"),
                        start=start.isoformat(),
                        end=until,
                    ),
                )

    def _dated_values(self) -> list[tuple[str, DatedParameter, dt.date, dt.date | None]]:
        """The dated values the policy's parts read, with where they are written and
        the days they must have a value on: an emission factor every day (the impact
        counts every day); a cap at the end of each year (or month) in which its rate
        pays. A rate itself may start after the policy (a day without a rate is paid
        nothing, and said so)."""
        period = self.period
        found: list[tuple[str, DatedParameter, dt.date, dt.date | None]] = []
        allowances = [("allowance", self.allowance)] + [
            (f"populations[{i}].allowance", p.allowance) for i, p in enumerate(self.populations)
        ]
        for where, allowance in allowances:
            if allowance is None:
                continue
            for index, component in enumerate(allowance.components):
                rate, cap = getattr(component, "rate", None), getattr(component, "cap", None)
                if not isinstance(rate, DatedParameter) or not isinstance(cap, DatedParameter):
                    continue
                per = getattr(component, "cap_per", "year")
                for entry in rate.values:
                    first = max(entry.start, period.start)
                    last = min(d for d in (entry.end, period.end, LAST_DATE) if d is not None)
                    if first <= last:
                        until = min(_period_end(last, per), LAST_DATE)
                        found.append((f"{where}[{index}].cap", cap, first, until))
        for mode in CommuteMode:
            factor = self.impact.factor(mode)
            found.append((f"impact.factors.{mode.value}", factor, period.start, period.end))
        return found

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
        fields = [f for f in attrs.fields(type(self)) if f.init]
        return attrs.evolve(
            self, **{f.name: copy.deepcopy(getattr(self, f.name), memo) for f in fields}
        )

    # -- the period ------------------------------------------------------------------

    def assessment_period(self, on: dt.date | str, period: Any = None) -> tuple[dt.date, dt.date]:
        """The days an assessment covers, both ends included: ``period`` as a calendar
        year (``2024`` or ``"2024"``), a :class:`~teletravail.dated.Period` with an end,
        a ``(start, end)`` pair or ``"2024-01-01..2024-06-30"``; by default, the
        calendar year of ``on`` within the days the policy is in force. A period that
        is not within the policy's period in force, or that ends before ``on``, is an
        error naming ``period``."""
        day = to_date(on, "on")
        if period is None:
            start = max(dt.date(day.year, 1, 1), self.period.start)
            end = dt.date(day.year, 12, 31)
            if self.period.end is not None:
                end = min(end, self.period.end)
            return start, end
        start, end = _span(period)
        inside = start >= self.period.start and (self.period.end is None or end <= self.period.end)
        if not inside:
            raise ValidationError(
                "period",
                f"{start}..{end}",
                Phrase(
                    "a period while the policy is in force ({period})",
                    "une période où la politique est en vigueur ({period})",
                    period=self.period,
                ),
            )
        if end < day:  # telework follows the decision: such a period can have none
            raise ValidationError(
                "period",
                f"{start}..{end}",
                Phrase(
                    "a period that ends on or after the decision {day}",
                    "une période qui finit le jour de la décision, {day}, ou après",
                    day=day,
                ),
            )
        return start, end

    def counted_from(self, start: dt.date) -> dt.date:
        """The first day the leave, the caps and the floating volumes of a period
        starting on ``start`` count from: 1 January of its year, or the policy's own
        start if later. A period's figures are its part of that year's."""
        return max(dt.date(start.year, 1, 1), self.period.start)

    # -- assessing -------------------------------------------------------------------

    @overload
    def assess(
        self,
        subject: Agent,
        on: dt.date | str,
        *,
        period: Any = ...,
        requested: Any = ...,
        errors: Errors = ...,
    ) -> Assessment: ...

    @overload
    def assess(
        self,
        subject: Workforce,
        on: dt.date | str,
        *,
        period: Any = ...,
        requested: Any = ...,
        errors: Errors = ...,
    ) -> BatchAssessment: ...

    def assess(
        self,
        subject: Agent | Workforce,
        on: dt.date | str,
        *,
        period: Any = None,
        requested: Any = None,
        errors: Errors = "raise",
    ) -> Assessment | BatchAssessment:
        """Assess one agent (an :class:`Assessment`) or a workforce (a
        :class:`BatchAssessment`): eligibility decided on ``on``, telework over
        ``period`` (see :meth:`assessment_period`; by default the calendar year of
        ``on``).

        ``requested`` replaces every agent's stated ask: a
        :class:`~teletravail.week.WeeklyPattern`, or the telework asked for per week
        (one quantity for all, or an array per agent). Otherwise each agent's
        ``pattern`` is used, else their ``requested_telework`` (placed on the week by
        :func:`~teletravail.week.default_pattern`), else the quota's maximum. An agent's
        authorisation starts on ``on`` unless their own ``authorisation`` says
        otherwise. Agents not eligible, not selected, or whose ask is refused are granted
        nothing.
        """
        day = to_date(on, "on")
        if day not in self.period:
            raise ValidationError(
                "on",
                day,
                Phrase(
                    "a date while the policy is in force ({period})",
                    "une date où la politique est en vigueur ({period})",
                    period=self.period,
                ),
            )
        start, end = self.assessment_period(day, period)
        if errors not in ("raise", "report"):
            raise ValidationError(
                "errors", errors, Phrase("'raise' or 'report'", "'raise' ou 'report'")
            )
        if isinstance(subject, Agent):
            one = Workforce.from_agents((subject,))
            return self._assess(one, day, start, end, requested, "raise", subject).explain(0)
        if not isinstance(subject, Workforce):
            raise ValidationError(
                "subject", subject, Phrase("an Agent or a Workforce", "un objet Agent ou Workforce")
            )
        return self._assess(subject, day, start, end, requested, errors)

    def for_population(self, name: str | None) -> Policy:
        """The policy as it applies to the agents of population ``name``: its rules in
        place of the policy's own, and no populations. ``None`` gives the policy for
        agents in no population, and a population outside the scheme one for its
        agents: both grant nothing, and their decisions say the agent is not concerned
        (the criteria ``population.none`` and ``population.outside``). A policy without
        populations applies to every agent as it is: ``for_population(None)`` is the
        policy itself."""
        names = [p.name for p in self.populations]
        if not names and name is None:
            return self
        if name is not None and name not in names:
            raise ValidationError(
                "population",
                name,
                choices(names)
                if names
                else Phrase(
                    "a population of the policy, which has none",
                    "une population du dispositif, qui n'en a aucune",
                ),
            )
        key = ("population", name)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._population_policy(name)
        policy: Policy = found
        return policy

    def _population_policy(self, name: str | None) -> Policy:
        population = next((p for p in self.populations if p.name == name), None)
        if population is None or not population.concerned:
            concerned = tuple(p.name for p in self.populations if p.concerned)
            outside = NotConcerned(
                population=name, populations=concerned, source=_population_source(population)
            )
            return attrs.evolve(self, populations=(), eligibility=outside)
        return attrs.evolve(
            self,
            populations=(),
            eligibility=population.eligibility or self.eligibility,
            quota=self.quota if population.quota is None else population.quota,
            places=self.places if population.places is None else population.places,
            allowance=self.allowance if population.allowance is None else population.allowance,
        )

    def assess_workforce(
        self,
        workforce: Workforce,
        on: dt.date | str,
        *,
        period: Any = None,
        requested: Any = None,
        errors: Errors = "raise",
    ) -> BatchAssessment:
        """:meth:`assess` for a workforce."""
        if not isinstance(workforce, Workforce):
            raise ValidationError("workforce", workforce, _A_WORKFORCE)
        return self.assess(workforce, on, period=period, requested=requested, errors=errors)

    def default_place(self) -> Place:
        """Where days placed by default fall: home if the policy allows it, else the
        first of another place, a télécentre or a site that it allows."""
        kind = next(k for k in _PLACE_ORDER if k in self.places)
        return HOME if kind is PlaceKind.HOME else Place(kind=kind)

    def _assess(
        self,
        workforce: Workforce,
        day: dt.date,
        start: dt.date,
        end: dt.date,
        requested: Any,
        errors: Errors,
        agent: Agent | None = None,
    ) -> BatchAssessment:
        """The assessment of the workforce: in one part, or, with populations, one part
        per population met (and one for the agents in none), each by its own rules."""

        def result(parts: Sequence[PopulationAssessment], rows: Any, unmatched: Any) -> Any:
            return BatchAssessment(
                policy=self,
                on=day,
                start=start,
                end=end,
                workforce=workforce,
                parts=tuple(parts),
                rows=rows,
                unmatched=tuple(unmatched),
            )

        if not self.populations:
            part = self._assess_part(workforce, day, start, end, requested, errors, agent)
            return result([part], None, ())  # type: ignore[no-any-return]
        member = membership(self.populations, workforce)
        groups: list[tuple[str | None, bool, npt.NDArray[np.intp]]] = [
            (p.name, p.concerned, np.flatnonzero(member == i))
            for i, p in enumerate(self.populations)
        ]
        groups.append((None, False, np.flatnonzero(member < 0)))
        parts: list[PopulationAssessment] = []
        rows: list[npt.NDArray[np.int64]] = []
        failed: list[RowError] = []
        for name, concerned, where in groups:
            if not len(where):
                continue
            sub = workforce if len(where) == len(workforce) else workforce.take(where)
            policy = self.for_population(name)
            try:
                part = policy._assess_part(
                    sub, day, start, end, requested, errors, agent, name, concerned
                )
            except WorkforceError as exc:
                if agent is not None:
                    raise
                failed += exc.errors
                continue
            parts.append(part)
            rows.append(where.astype(np.int64))
        if failed:
            raise WorkforceError(sorted(failed, key=lambda e: e.row))
        empty = [p for i, p in enumerate(self.populations) if not (member == i).any()]
        # a population that holds nobody: its selector matches no agent, or only agents
        # that earlier populations took (an overlap resolved by the order written)
        shadowed = tuple(p.name for p in empty if p.members.mask(workforce).any())
        unmatched = [p.name for p in empty if p.name not in shadowed]
        batch: BatchAssessment = result(parts, tuple(rows), unmatched)
        return attrs.evolve(batch, shadowed=shadowed) if shadowed else batch

    def _assess_part(
        self,
        workforce: Workforce,
        day: dt.date,
        start: dt.date,
        end: dt.date,
        requested: Any,
        errors: Errors,
        agent: Agent | None = None,
        population: str | None = None,
        concerned: bool = True,
    ) -> PopulationAssessment:
        """The assessment of a workforce by the policy's own rules (no populations):
        the part of ``population``, outside the scheme unless ``concerned`` (a policy
        whose rule is :class:`~teletravail.policy.populations.NotConcerned` concerns nobody)."""
        concerned = concerned and not isinstance(self.eligibility, NotConcerned)
        if not concerned:
            # outside the scheme: none of its rules applies, nothing is asked of them
            # (no date, no ask, no absence is checked), and nothing is granted
            decisions = BatchDecision(
                rule=self.eligibility,
                workforce=workforce,
                on=day,
                outcome=self.eligibility.outcome(workforce, day),
                invalid=np.zeros(len(workforce), dtype=bool),
            )
            requested = WeeklyPattern.of([])
        else:
            decisions = self.eligibility.evaluate_columns(workforce, day, errors)
        entitled = decisions.eligible
        selected = None
        if self.selection is not None:
            selected = self.selection.run(decisions).selected
            entitled = entitled & selected
        asked_patterns, per_week = self._asks(workforce, requested)
        problems = []
        if concerned:
            problems = self._row_problems(workforce, self.counted_from(start), end)
        if problems:
            if agent is not None:
                raise problems[0][1]
            if errors == "raise":
                raise WorkforceError([_row_error(workforce, row, exc) for row, exc in problems])
        outcome: tuple[Profiles, TeleworkDays, AllowanceColumns | None] | None
        if agent is None:
            bad = np.zeros(len(workforce), dtype=bool)
            bad[[row for row, _ in problems]] = True
            try:
                outcome = self._outcome(
                    workforce, entitled & ~bad, asked_patterns, per_week, day, start, end
                )
            except ValidationError:
                # one agent's figures cannot be computed: find whose, in their profiles
                found = self._isolate(workforce, entitled & ~bad, requested, day, start, end)
                if errors == "raise":
                    raise WorkforceError(
                        [_row_error(workforce, row, exc) for row, exc in found]
                    ) from None
                problems = sorted([*problems, *found], key=lambda item: item[0])
                bad[[row for row, _ in found]] = True
                outcome = self._outcome(
                    workforce, entitled & ~bad, asked_patterns, per_week, day, start, end
                )
            if problems:
                entitled = entitled & ~bad
        else:  # one agent: the outcome of an agent of the same profile, if one was met
            key = (
                bool(entitled[0]),
                agent.pattern if requested is None else asked_patterns.value(0),
                float(per_week[0]),
                float(workforce.working_time_percent[0]),
                agent.days_off,
                agent.authorisation,
                agent.absences,
                agent.derogations,
                day,
                start,
                end,
            )
            outcome = self._memo.get(key)
            if outcome is None:
                outcome = self._outcome(
                    workforce, entitled, asked_patterns, per_week, day, start, end
                )
                if len(self._memo) > 4096:  # many profiles: start again rather than grow
                    self._memo.clear()
                self._memo[key] = outcome
        profiles, telework, columns = outcome
        impact = dated_impact(workforce, telework, assumptions=self.impact, label=self.name)
        return PopulationAssessment(
            policy=self,
            on=day,
            start=start,
            end=end,
            decisions=decisions,
            row_errors=tuple(_row_error(workforce, row, exc) for row, exc in problems),
            selected=selected,
            entitled=frozen(entitled),
            # outside the scheme: what they asked, if they said so (nothing is checked)
            asked=frozen(per_week if concerned else workforce.requested_telework_workday_per_week),
            profiles=profiles,
            impact=impact,
            telework=telework,
            allowances=columns,
            asked_patterns=asked_patterns,
            population=population,
            concerned=concerned,
        )

    def _row_problems(
        self, workforce: Workforce, first: dt.date, last: dt.date
    ) -> list[tuple[int, ValidationError]]:
        """The rows whose own data cannot be assessed over a period ending on ``last``,
        counted from ``first``, each with its error: absences wholly outside the
        calendar years the period is part of (most likely a wrong year)."""
        last = dt.date(last.year, 12, 31)
        column = workforce.absences
        wrong: dict[int, ValidationError] = {}
        for code, spans in enumerate(column.values):
            outside = [a for a in spans or () if a.end < first or a.start > last]
            if outside:
                wrong[code] = ValidationError(
                    "absences",
                    str(outside[0]),
                    Phrase(
                        "absences within the calendar years assessed ({first} to {last})",
                        "des absences comprises dans les années civiles évaluées (du {first}"
                        " au {last})",
                        first=first.isoformat(),
                        last=last.isoformat(),
                    ),
                )
        if not wrong:
            return []
        rows = np.flatnonzero(np.isin(column.codes, list(wrong)))
        return [(int(row), wrong[int(column.codes[row])]) for row in rows]

    def _isolate(
        self,
        workforce: Workforce,
        entitled: npt.NDArray[np.bool_],
        requested: Any,
        day: dt.date,
        start: dt.date,
        end: dt.date,
    ) -> list[tuple[int, ValidationError]]:
        """The agents whose figures cannot be computed, with the error: each profile is
        assessed alone (its first agent standing for it), and a profile that fails
        fails for each of its agents. Only called when the whole workforce failed."""
        quota = self.quota if self.quota is not None else _NO_QUOTA
        asked_patterns, per_week = self._asks(workforce, requested)
        codes, sample, _ = _profiles(workforce, entitled, asked_patterns, per_week, quota)
        failed: list[tuple[int, ValidationError]] = []
        for number, row in enumerate(sample.tolist()):
            if not entitled[row]:
                continue
            one = Workforce.from_agents((workforce.agent(row),))
            patterns, weekly = self._asks(one, requested)
            try:
                self._outcome(one, entitled[row : row + 1], patterns, weekly, day, start, end)
            except ValidationError as exc:
                failed += [(int(r), exc) for r in np.flatnonzero(codes == number)]
        return sorted(failed, key=lambda item: item[0])

    def _outcome(
        self,
        workforce: Workforce,
        entitled: npt.NDArray[np.bool_],
        asked_patterns: Coded,
        per_week: npt.NDArray[np.float64],
        day: dt.date,
        start: dt.date,
        end: dt.date,
    ) -> tuple[Profiles, TeleworkDays, AllowanceColumns | None]:
        """The profiles of the agents (agents of one profile, with the same ask, days
        worked, days off, authorisation and absences, get the same answer), each one's
        answer from the quota and its grant, their dated days and their allowance."""
        quota = self.quota if self.quota is not None else _NO_QUOTA
        profiles, sample, counts = _profiles(workforce, entitled, asked_patterns, per_week, quota)
        on_entitled = entitled[sample]
        asks = Asks.of(asked_patterns.values, asked_patterns.codes[sample], per_week[sample])
        off = workforce.days_off_mask[sample]
        checks = quota.check_columns(asks, workforce.working_time_percent[sample], off, on=day)
        bad_place = self._places_refused(asked_patterns.values)[asked_patterns.codes[sample]]
        overrides = self._derogation_checks(
            workforce, asks, sample, on_entitled, quota, start, end, day
        )
        failing = ~checks.passed | bad_place
        allowed = checks.allowed
        if overrides:
            allowed = allowed.copy()
            for where, found in overrides.items():
                failing[where] = not bool(found.passed[0]) or bool(bad_place[where])
                allowed[where] = float(found.allowed[0])
        table, codes, reduced = self._grants(
            asked_patterns.values,
            asked_patterns.codes[sample],
            asks.per_week,
            off,
            failing & on_entitled,
            allowed,
            quota,
        )
        # an ask of no day (and no floating day to take) asks for no telework at all;
        # under floating days only, the ask is the most the agent takes in a week
        floating_only = quota.modality is Modality.FLOATING
        nothing = None
        if quota.floating is None or floating_only:
            nothing = on_entitled & (asks.per_week <= 0)
        granted = on_entitled & (~failing | reduced)
        if nothing is not None and nothing.any():
            granted &= ~nothing
        codes = np.where(granted, codes, 0)
        telework = self._days(
            workforce,
            day,
            start,
            end,
            table,
            codes,
            sample,
            checks,
            overrides,
            quota,
            profiles,
            asks.per_week if floating_only else None,
        )
        telework.counted(counts)
        columns = None if self.allowance is None else self.allowance.columns(telework)
        answers = Profiles(
            codes=profiles,
            sample=sample,
            entitled=on_entitled,
            granted=granted,
            reduced=reduced & granted,
            places_refused=bad_place & on_entitled,
            nothing_asked=np.zeros(len(granted), dtype=bool) if nothing is None else nothing,
            # under a scheme of floating days only, no weekday is granted: the days are
            # the volume's
            patterns=Coded(
                codes.astype(np.int32),
                tuple(table) if quota.modality is not Modality.FLOATING else (None,) * len(table),
            ),
            checks=checks,
            overrides=overrides,
        )
        return answers, telework, columns

    def _asks(self, workforce: Workforce, requested: Any) -> tuple[Coded, npt.NDArray[np.float64]]:
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
            if self.quota is None:
                raise ValidationError(
                    "requested",
                    None,
                    Phrase(
                        "the telework asked for (no quota, and not stated)",
                        "le télétravail demandé (aucun quota, et rien d'indiqué)",
                    ),
                )
            stated = np.where(np.isnan(stated), self.quota.maximum.m_as("workday/week"), stated)
        return patterns, stated

    def _places_refused(self, patterns: Sequence[WeeklyPattern | None]) -> npt.NDArray[np.bool_]:
        """For each stated pattern, whether it has a day at a place the policy does not
        allow."""
        return np.array(
            [
                p is not None and any(day.place.kind not in self.places for day in p.days)
                for p in patterns
            ],
            dtype=bool,
        )

    def _derogation_checks(
        self,
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

    def _grants(
        self,
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
        place = self.default_place()
        table: list[WeeklyPattern | None] = [None]
        index: dict[WeeklyPattern, int] = {}
        granted = np.zeros(m, dtype=np.int64)
        reduced = np.zeros(m, dtype=bool)
        if not m:
            return table, granted, reduced
        minimum = float(quota.minimum.m_as("workday/week"))
        step = quota.granularity.step
        cut = np.where(to_reduce, allowed, -1.0) if self.asks == "reduce" else None
        # one pattern per distinct (stated pattern, number a week, days off, reduction)
        key = np.zeros(m, dtype=np.int64)
        for column in (
            codes,
            _quarters(per_week),
            days_off,
            None if cut is None else _quarters(cut),
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
                        pattern = quota.reduce(mine, limit, days_off=off, places=self.places)
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

    def _days(
        self,
        workforce: Workforce,
        day: dt.date,
        start: dt.date,
        end: dt.date,
        table: list[WeeklyPattern | None],
        codes: npt.NDArray[np.int64],
        sample: npt.NDArray[np.int64],
        checks: QuotaChecks,
        overrides: Mapping[int, QuotaChecks],
        quota: Quota,
        profiles: npt.NDArray[np.intp],
        weekly_ask: npt.NDArray[np.float64] | None = None,
    ) -> TeleworkDays:
        """The dated days of every profile (a profile not granted has none), laid out
        once each, from the first day the period's year counts from; each agent's are
        their profile's. Under floating days only, ``weekly_ask`` (per profile) bounds
        the floating days of each week as the weekly allowance does."""
        origin = self.counted_from(start)
        reach = end  # windows run on after the period where floating days need it
        if quota.floating is not None:
            reach = horizon(end, quota)
            if self.period.end is not None:
                reach = max(end, min(reach, self.period.end))
        granted = codes > 0
        firsts: list[dt.date] = []
        lasts: list[dt.date] = []
        begun: list[dt.date | None] = []
        for row, ok in zip(sample.tolist(), granted.tolist(), strict=True):
            value = workforce.authorisation.value(row) if ok else None
            if not ok:  # no window, no authorisation known
                firsts.append(end + dt.timedelta(days=1))
                lasts.append(end)
                begun.append(None)
                continue
            first, last = telework_window(value, origin, reach, day)
            firsts.append(first)
            lasts.append(last)
            begun.append(day if value is None else value.start)
        floating = quota.floating is not None
        # a scheme of floating days only has no fixed weekday: the days granted come
        # from the volume (the ask says how much the agent asks, and whether)
        fixed = quota.modality is not Modality.FLOATING
        layout = Layout(
            patterns=tuple(table[int(c)] if fixed else None for c in codes.tolist()),
            days_off=np.where(granted, workforce.days_off_mask[sample], 0).astype(np.uint8),
            first=np.array(firsts, dtype="datetime64[D]"),
            last=np.array(lasts, dtype="datetime64[D]"),
            absences=tuple(
                workforce.absences.value(r) if g else ()
                for r, g in zip(sample.tolist(), granted.tolist(), strict=True)
            ),
            allowed=checks.allowed.copy(),
            on_site=checks.on_site,
            authorised=np.array(
                [np.datetime64("NaT") if b is None else b for b in begun], dtype="datetime64[D]"
            ),
            varying={
                where: workforce.agent(int(sample[where]))
                for where in overrides
                if floating and granted[where]
            },
        )
        for where, found in overrides.items():
            layout.allowed[where] = float(found.allowed[0])
        if weekly_ask is not None:
            np.minimum(layout.allowed, weekly_ask, out=layout.allowed)
        return lay_out(
            layout,
            start=start,
            end=end,
            calendar=self.calendar,
            leave=self.leave,
            quota=self.quota,
            floating_place=self.default_place(),
            codes=profiles,
            counted_from=origin,
        )


_NO_KEY = np.zeros(0, dtype=np.int64)


def _period_end(day: dt.date, per: str) -> dt.date:
    """The last day of ``day``'s calendar year, or month for ``per="month"``."""
    if per == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(day.year, 12, 31)


def _row_error(workforce: Workforce, row: int, exc: ValidationError) -> RowError:
    """A row's error as the batch reports it: its input row, field and message."""
    return RowError.from_error(int(workforce.source_rows[row]), exc)


def _profiles(
    workforce: Workforce,
    entitled: npt.NDArray[np.bool_],
    asked: Coded,
    per_week: npt.NDArray[np.float64],
    quota: Quota,
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each agent's profile (a number from 0), one agent of each profile, and how many
    agents each has.

    Agents of one profile are assessed alike: they are all entitled or all not, and
    the entitled ones share their ask (pattern and number of days), their days worked a
    week, their part-time band, their days off, their authorisation and their absences;
    an agent holding a derogation is a profile alone. Only the entitled agents are
    looked at, and only the columns that vary take part (a constant column costs two
    reductions), each numbered by its range of values, so that a register's profiles
    are found in a few passes over its columns, without a sort.
    """
    n = len(workforce)
    rows = None if not n or entitled.all() else np.flatnonzero(entitled)

    def picked(column: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return column if rows is None else column[rows]

    m = n if rows is None else len(rows)
    key = _NO_KEY  # made from the first column that varies (every agent alike: zeros)
    size = 1  # the number of values the key can take
    off = picked(workforce.days_off_mask)
    share = picked(workforce.working_time_percent)
    parts: list[npt.NDArray[Any]] = []  # the first one made here may become the key
    parts.append(_quarters(picked(per_week)))
    parts.append(quota.days_worked_columns(share, off, rounded=True))
    if len(asked.values) > 1:
        parts.append(picked(asked.codes))
    if quota.part_time:
        band = np.zeros(m, dtype=np.int64)
        rounded = np.round(share, 9)
        for number, cap in enumerate(quota.part_time):
            inside = cap.contains(rounded)
            band |= inside.astype(np.int64) << number
        parts.append(band)
    if m and off.any():
        parts.append(off)
    for column in (workforce.authorisation, workforce.absences):
        if len(column.values) > 1:
            parts.append(picked(column.codes))
    offset = 0  # the sum of each column's lowest value, as the key weighs it
    first = True
    for part in parts:
        if not m:
            break
        low, high = int(lowest(part)), int(highest(part))
        if low == high:
            continue  # a constant column tells no profile apart
        span = high - low + 1
        if not first and size * span > 2**40:  # keep the key small: number the profiles
            key -= offset
            key, size = factorize(key)
            offset = 0
        if first:  # the first column is the key (the first two are made here: no copy)
            owned = part is parts[0] or part is parts[1]
            key = part if owned and part.dtype == np.int64 else part.astype(np.int64)
            first = False
        else:
            key *= span
            key += part
        offset = offset * span + low
        size *= span
    if first:
        key = np.zeros(m, dtype=np.int64)
    if offset:
        key -= offset
    held = workforce.derogation_row
    if len(held):  # an agent holding a derogation: a profile alone
        alone = np.unique(held)
        if rows is not None:
            alone = np.flatnonzero(np.isin(rows, alone))
        key[alone] = size + np.arange(len(alone))
        size += len(alone)
    codes, k, counts = _numbers(key, size)
    sample = _one_of_each(codes, k)
    if rows is None:
        return codes, sample, counts
    # the agents not entitled are profile 0; the entitled ones follow
    everyone = np.zeros(n, dtype=np.intp)
    everyone[rows] = codes + 1
    outside = int(np.argmin(entitled))  # the first agent not entitled
    sample = np.r_[outside, rows[sample]].astype(np.int64)
    return everyone, sample, np.r_[n - m, counts].astype(np.int64)


def _one_of_each(codes: npt.NDArray[np.intp], k: int) -> npt.NDArray[np.int64]:
    """A row of each of the ``k`` numbers of ``codes`` (every number occurs). A register's
    first rows usually hold every profile: those are looked at first, and the whole
    column only when some profile is missing from them."""
    sample = np.full(k, -1, dtype=np.int64)
    head = min(len(codes), 4096)
    sample[codes[:head]] = np.arange(head)
    if head < len(codes) and (k > head or int(sample.min()) < 0):
        sample[codes] = np.arange(len(codes))
    return sample


def _numbers(
    key: npt.NDArray[np.int64], size: int
) -> tuple[npt.NDArray[np.intp], int, npt.NDArray[np.int64]]:
    """Number the distinct values of ``key`` (from 0 to ``size - 1``) in the order of
    the values, and count the rows of each: by counting when ``size`` is small, else
    with the general numbering."""
    if not len(key):
        return np.zeros(0, dtype=np.intp), 0, np.zeros(0, dtype=np.int64)
    if size <= 4 * len(key) + 1024:
        tally = np.bincount(key, minlength=size)
        present = tally > 0
        numbers = np.cumsum(present) - 1
        found: npt.NDArray[np.intp] = numbers[key]
        return found, int(numbers[-1]) + 1, tally[present].astype(np.int64)
    codes, count = factorize(key)
    return codes.astype(np.intp), count, np.bincount(codes, minlength=count).astype(np.int64)


def _quarters(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Numbers that tell apart the distinct values of a float column: the values in
    quarters where they all are whole quarters (the usual case: days and half days),
    else their rank among the distinct values."""
    if values.ndim == 1 and values.strides == (0,) and len(values):
        return np.zeros(len(values), dtype=np.int64)
    quarters = values * 4
    whole = quarters.astype(np.int64)  # exact where the values are whole quarters
    if np.array_equal(whole, quarters):
        return whole
    inverse: npt.NDArray[np.int64] = np.unique(values, return_inverse=True)[1].reshape(-1)
    return inverse


def _population_source(population: Population | None) -> Source | None:
    return None if population is None else population.source


def _span(period: Any) -> tuple[dt.date, dt.date]:
    """A period to assess as its first and last days."""
    if isinstance(period, bool):
        raise ValidationError(
            "period",
            period,
            Phrase("a calendar year or a span of dates", "une année civile ou une période datée"),
        )
    if isinstance(period, int) or (isinstance(period, str) and period.strip().isdigit()):
        year = int(period)
        if not 1900 <= year <= 9998:
            raise ValidationError(
                "period",
                period,
                Phrase("a calendar year from 1900 to 9998", "une année civile de 1900 à 9998"),
            )
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if isinstance(period, Period):
        if period.end is None:
            raise ValidationError(
                "period", str(period), Phrase("a period with an end", "une période qui a une fin")
            )
        return period.start, period.end
    if isinstance(period, str) and ".." in period:
        first, _, last = period.partition("..")
        return _span((first.strip(), last.strip()))
    if isinstance(period, tuple | list) and len(period) == 2:
        start, end = to_date(period[0], "period.start"), to_date(period[1], "period.end")
        if end < start:
            raise ValidationError(
                "period.end",
                end,
                Phrase("a date on or after {start}", "une date à partir du {start}", start=start),
            )
        return start, end
    raise ValidationError(
        "period",
        period,
        Phrase(
            "a calendar year (2024), a Period with an end, or 'start..end'",
            "une année civile (2024), un objet Period qui a une fin, ou 'début..fin'",
        ),
    )


@attrs.frozen(kw_only=True, eq=False)
class Profiles:
    """The profiles of an assessment: each agent's profile (``codes``), and per profile
    one agent of it (``sample``), whether it is ``entitled``, ``granted``, ``reduced``,
    refused for its places (``places_refused``), whether it asks for no telework at all
    (``nothing_asked``: no day, and no floating day to take), the pattern granted
    (``patterns``, codes
    into its table) and the quota's answer (``checks``, one row per profile; profiles of
    an agent holding a derogation have theirs in ``overrides``)."""

    codes: npt.NDArray[np.intp]
    sample: npt.NDArray[np.int64]
    entitled: npt.NDArray[np.bool_]
    granted: npt.NDArray[np.bool_]
    reduced: npt.NDArray[np.bool_]
    places_refused: npt.NDArray[np.bool_]
    nothing_asked: npt.NDArray[np.bool_]
    patterns: Coded
    checks: QuotaChecks
    overrides: Mapping[int, QuotaChecks]

    def __len__(self) -> int:
        return len(self.sample)

    def failures(self, profile: int) -> tuple[str, ...]:
        """The rules of the places and the quota that the profile's ask breaks."""
        if not self.entitled[profile] or self.nothing_asked[profile]:
            return ()
        checks = self.overrides.get(profile)
        found = checks.failures(0) if checks is not None else self.checks.failures(profile)
        return ((PLACES_CODE,) if self.places_refused[profile] else ()) + found

    def decision(self, profile: int, agent_id: str) -> QuotaDecision:
        """The quota's decision on the profile's ask."""
        checks = self.overrides.get(profile)
        if checks is not None:
            return checks.explain(0, agent_id)
        return self.checks.explain(profile, agent_id)


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
                status = np.full(len(self), _NOT_CONCERNED, dtype=np.int8)
                status[self.invalid] = _INVALID
                return status
            profiles = self.profiles
            per_profile = np.where(
                profiles.granted, _GRANTED, np.where(profiles.nothing_asked, _NOT_ASKED, _REFUSED)
            ).astype(np.int8)
            status = np.where(self.entitled, per_profile[profiles.codes], _NOT_ELIGIBLE)
            if self.selected is not None:
                status[self.decisions.eligible & ~self.selected] = _NOT_SELECTED
            status[self.invalid] = _INVALID
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
        return dict(sorted(counts.items(), key=lambda item: _RULE_ORDER.index(item[0])))

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
        pint-pandas columns named as in :data:`~teletravail.tables.ASSESSMENT_QUANTITIES`
        (see :mod:`teletravail.tables`; :func:`~teletravail.tables.assessment_frame` has
        one row per input row instead)."""
        from teletravail.tables import ASSESSMENT_QUANTITIES, quantity_frame

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


@attrs.frozen(kw_only=True, eq=False)
class BatchAssessment:
    """A workforce's assessment over a period, as columns, with totals; any row can be
    explained.

    Per agent (read-only columns, in the workforce's row order): ``entitled``
    (eligible, and selected when the policy selects), ``status`` (codes into
    :data:`STATUSES`), the telework ``asked`` and ``granted`` per week (workday/week),
    the telework ``days`` over the period (workday), the ``allowance_cents`` paid and
    ``employer_cents`` borne (exact), the ``population`` each agent belongs to, and the
    ``impact``. ``decisions`` holds the eligibility decisions.

    A policy with populations assesses each population's agents by its own rules:
    ``parts`` holds those assessments (:class:`PopulationAssessment`), and ``rows``
    the rows of the workforce each covers (``None``: one part, every row in order).
    Every figure of an agent is the figure of their part; totals add up the parts.
    """

    policy: Policy
    on: dt.date
    start: dt.date
    end: dt.date
    workforce: Workforce
    parts: tuple[PopulationAssessment, ...]
    rows: tuple[npt.NDArray[np.int64], ...] | None = None
    #: the policy's populations whose selector matches no agent of the workforce
    unmatched: tuple[str, ...] = ()
    #: the policy's populations whose selector matches agents that all belong to
    #: populations written before them
    shadowed: tuple[str, ...] = ()
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.workforce)

    def __repr__(self) -> str:
        return (
            f"<BatchAssessment of {self.policy.name!r} over {self.start}..{self.end}:"
            f" {self.count('granted')} granted of {len(self)}>"
        )

    @property
    def _single(self) -> PopulationAssessment | None:
        """The one part covering every row in order, if so."""
        return self.parts[0] if self.rows is None else None

    def _gather(self, name: str, read: Any, dtype: Any) -> npt.NDArray[Any]:
        """A column of the whole workforce from each part's own (read-only)."""
        one = self._single
        if one is not None:
            result: npt.NDArray[Any] = read(one)
            return result
        found = self._memo.get(name)
        if found is None:
            column = np.zeros(len(self), dtype=dtype)
            for part, rows in zip(self.parts, self.rows or (), strict=True):
                column[rows] = read(part)
            found = self._memo[name] = readonly(column)
        result = found
        return result

    def _locate(self, row: int) -> tuple[PopulationAssessment, int]:
        """The part holding ``row``, and the row's position in it."""
        one = self._single
        if one is not None:
            return one, row
        where = self._memo.get("where")
        if where is None:
            part_of = np.zeros(len(self), dtype=np.intp)
            position = np.zeros(len(self), dtype=np.intp)
            for index, rows in enumerate(self.rows or ()):
                part_of[rows] = index
                position[rows] = np.arange(len(rows))
            where = self._memo["where"] = (part_of, position)
        return self.parts[int(where[0][row])], int(where[1][row])

    @property
    def decisions(self) -> BatchDecision:
        """The eligibility decisions of every agent (with populations, a
        :class:`~teletravail.eligibility.decision.CombinedDecision` of each
        population's rule on its agents)."""
        one = self._single
        if one is not None:
            return one.decisions
        found = self._memo.get("decisions")
        if found is None:
            pairs = [
                (rows, p.decisions) for p, rows in zip(self.parts, self.rows or (), strict=True)
            ]
            found = self._memo["decisions"] = CombinedDecision(
                workforce=self.workforce, on=self.on, parts=pairs
            )
        decisions: BatchDecision = found
        return decisions

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Every row that could not be assessed, in row order: the eligibility's (an
        agent hired after the date) and the assessment's own (absences outside the
        days assessed, figures that could not be computed for that agent)."""
        one = self._single
        if one is not None:
            return one.errors
        found: tuple[RowError, ...] = tuple(
            sorted((e for p in self.parts for e in p.errors), key=lambda e: e.row)
        )
        return found

    @property
    def invalid(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: could not be assessed (see :attr:`errors`)."""
        return self._gather("invalid", lambda p: p.invalid, bool)

    @property
    def entitled(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: eligible, and selected when the policy selects."""
        return self._gather("entitled", lambda p: p.entitled, bool)

    @property
    def selected(self) -> npt.NDArray[np.bool_] | None:
        """One boolean per agent: selected by the policy's campaign (None: none)."""
        one = self._single
        return None if one is None else one.selected

    @property
    def asked(self) -> npt.NDArray[np.float64]:
        """The telework asked for per week (workday/week)."""
        return self._gather("asked", lambda p: p.asked, np.float64)

    @property
    def status(self) -> npt.NDArray[np.int8]:
        """Each agent's status, as codes into :data:`STATUSES`."""
        return self._gather("status", lambda p: p.status, np.int8)

    @property
    def granted(self) -> npt.NDArray[np.float64]:
        """The telework granted per week (workday/week), 0 where none is."""
        return self._gather("granted", lambda p: p.granted, np.float64)

    @property
    def days(self) -> npt.NDArray[np.float64]:
        """The telework days over the period (workday)."""
        return self._gather("days", lambda p: p.days, np.float64)

    @property
    def allowance_cents(self) -> npt.NDArray[np.int64]:
        """The allowance paid over the period, in cents (exact)."""
        return self._gather("paid", lambda p: p.allowance_cents, np.int64)

    @property
    def employer_cents(self) -> npt.NDArray[np.int64]:
        """The employer's costs over the period, in cents (exact)."""
        return self._gather("employer", lambda p: p.employer_cents, np.int64)

    @property
    def reduced(self) -> npt.NDArray[np.bool_]:
        """Agents whose ask was reduced to what the quota allows."""
        return self._gather("reduced", lambda p: p.reduced, bool)

    @property
    def population(self) -> npt.NDArray[np.object_]:
        """The name of each agent's population (``None``: in none of them, or the
        policy has none)."""
        return self._gather(
            "population", lambda p: np.full(len(p), p.population, dtype=object), object
        )

    @property
    def impact(self) -> ImpactReport:
        """The impact of every agent's telework days (one report for the workforce)."""
        one = self._single
        if one is not None:
            return one.impact
        found = self._memo.get("impact")
        if found is None:
            found = self._memo["impact"] = _joined_impact(self.parts, self.rows or (), self)
        report: ImpactReport = found
        return report

    def count(self, status: str) -> int:
        """How many agents have ``status`` (one of :data:`STATUSES`)."""
        return sum(part.count(status) for part in self.parts)

    def statuses(self) -> npt.NDArray[np.str_]:
        """Each agent's status as text."""
        result: npt.NDArray[np.str_] = np.array(STATUSES)[self.status]
        return result

    def quota_failures(self, row: int) -> tuple[str, ...]:
        """The rules of the policy's places and quota that ``row``'s ask breaks (empty
        for an agent who is not entitled: their ask was not considered)."""
        part, where = self._locate(row)
        return part.quota_failures(where)

    def refusal_counts(self) -> dict[str, int]:
        """For each rule of the places and the quota, how many entitled agents' asks it
        breaks (an agent counts under each rule in the way; reduced asks count too)."""
        counts: dict[str, int] = {}
        for part in self.parts:
            for code, count in part.refusal_counts().items():
                counts[code] = counts.get(code, 0) + count
        return dict(sorted(counts.items(), key=lambda item: _RULE_ORDER.index(item[0])))

    def population_counts(self) -> dict[str, dict[str, int]]:
        """For each population of the policy, in the order written, how many agents it
        holds and their statuses (populations that select no agent included, at zero);
        agents in no population under the key ``""``."""
        found: dict[str, dict[str, int]] = {
            p.name: dict.fromkeys(STATUSES, 0) | {"agents": 0} for p in self.policy.populations
        }
        for part in self.parts:
            key = part.population or ""
            counts = found.setdefault(key, dict.fromkeys(STATUSES, 0) | {"agents": 0})
            counts["agents"] += len(part)
            for status in STATUSES:
                counts[status] += part.count(status)
        return found

    def sums(self) -> dict[str, Any]:
        """The additive figures of the assessment as plain numbers (counts, half days,
        cents, kilometres, hours, kilograms): the sums of several batches (a workforce
        assessed in parts) give their totals with :func:`totals_of`."""
        sums = [part.sums() for part in self.parts]
        if len(sums) == 1:
            return sums[0]
        added: dict[str, Any] = {}
        for key in sums[0]:
            values = [s[key] for s in sums]
            if key == "eur":
                priced = [v for v in values if v is not None]
                added[key] = float(np.sum(priced)) if priced else None
            else:
                added[key] = sum(values)
        return added

    def totals(self) -> dict[str, Any]:
        """Counts, days, money and impact totals, in units (:func:`totals_of` of
        :meth:`sums`)."""
        return totals_of([part.sums() for part in self.parts])

    def explain(self, row_or_id: int | str) -> Assessment:
        """The full assessment of one agent, by row or id (its decision tree is built
        when first read)."""
        one = self._single
        if one is not None:
            return one.explain(row_or_id)
        part, where = self._locate(self.decisions.row_of(row_or_id))
        return part.explain_row(where)

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per agent assessed (the ``pandas`` extra): ``id``, ``status``,
        ``eligible``, ``entitled``, ``population`` where the policy has populations, then
        quantities as floats named with their unit (``asked_workday_per_week``,
        ``granted_workday_per_week``, ``days_workday``, ``allowance_eur`` and
        ``employer_costs_eur`` from the exact cents, ``distance_km``, ``time_h``,
        ``net_kg_co2e``), or, with ``units="pint"``, pint-pandas columns named as in
        :data:`~teletravail.tables.ASSESSMENT_QUANTITIES` (see :mod:`teletravail.tables`;
        :func:`~teletravail.tables.assessment_frame` has one row per input row
        instead)."""
        from teletravail.tables import ASSESSMENT_QUANTITIES, quantity_frame

        columns: dict[str, Any] = {
            "id": self.decisions.ids,
            "status": self.statuses(),
            "eligible": self.decisions.eligible,
            "entitled": self.entitled,
        }
        if self.policy.populations:  # text as objects: None stays None
            import pandas as pd

            columns["population"] = pd.Series(self.population, dtype=object)
        columns |= {
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


def _joined_impact(
    parts: Sequence[PopulationAssessment],
    rows: Sequence[npt.NDArray[np.int64]],
    batch: BatchAssessment,
) -> ImpactReport:
    """One impact report for the workforce, each agent's row from their part's."""
    n = len(batch)

    def column(name: str, dtype: Any) -> npt.NDArray[Any]:
        found = np.zeros(n, dtype=dtype)
        for part, where in zip(parts, rows, strict=True):
            found[where] = getattr(part.impact, name)
        return found

    priced = all(part.impact.eur is not None for part in parts)
    centres = any(part.impact.unknown_telecentre is not None for part in parts)
    unknown_centre = None
    if centres:
        unknown_centre = np.zeros(n, dtype=bool)
        for part, where in zip(parts, rows, strict=True):
            if part.impact.unknown_telecentre is not None:
                unknown_centre[where] = part.impact.unknown_telecentre
    first = parts[0].impact
    return ImpactReport(
        label=first.label,
        on=first.on,
        ids=batch.workforce.ids,
        modes=batch.workforce.commute_mode,
        days=column("days", np.float64),
        telecentre_days=column("telecentre_days", np.float64),
        km=column("km", np.float64),
        hours=column("hours", np.float64),
        gross_kg=column("gross_kg", np.float64),
        rebound_kg=column("rebound_kg", np.float64),
        eur=column("eur", np.float64) if priced else None,
        unknown_distance=column("unknown_distance", bool),
        assumptions=first.assumptions,
        unknown_telecentre=unknown_centre,
    )


#: The rules of an ask, in the order they are reported.
_RULE_ORDER = (PLACES_CODE, *RULE_CODES)


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

    def text(self, lang: str = "en") -> str:
        """The assessment in English or French: the decision, the ask and what the
        quota allows, then how the days and the amount were reached."""
        return render_assessment(self, lang)


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


def _from_document(document: dict[str, Any]) -> Policy:
    """A pickled policy read back (see :meth:`Policy.__reduce__`)."""
    from teletravail.config import from_document

    return from_document(document, origin="a pickled policy")


def _zero_column(column: npt.NDArray[Any]) -> bool:
    """A column of zeros that takes no memory (every row reads one zero)."""
    return column.ndim == 1 and len(column) > 0 and column.strides == (0,) and not column[0]


def _float_sum(column: npt.NDArray[np.float64]) -> float:
    """The sum of a float column (a column of zeros that takes no memory is not read)."""
    return 0.0 if _zero_column(column) else float(np.sum(column))


def _count(column: npt.NDArray[np.bool_]) -> int:
    """How many rows are true (a column of zeros that takes no memory is not read)."""
    return 0 if _zero_column(column) else int(np.count_nonzero(column))


def _total(column: npt.NDArray[np.int64]) -> int:
    """The sum of a column of cents (exact, in Python integers beyond int64)."""
    if column.ndim == 1 and len(column) and column.strides == (0,):
        return len(column) * int(column[0])
    return int(column.sum(dtype=np.int64))


def compare_policies(
    first: Policy,
    second: Policy,
    workforce: Workforce,
    on: dt.date | str,
    *,
    period: Any = None,
    errors: Errors = "raise",
) -> dict[str, Any]:
    """Who changes status between two policies on one workforce over one period, and
    how the totals move. With ``errors="report"`` a row that either policy cannot
    assess is left out of both (and listed under ``"errors"``), so that the totals
    compare the same agents."""
    if not isinstance(workforce, Workforce):
        raise ValidationError("workforce", workforce, _A_WORKFORCE)
    a, b = (
        p.assess_workforce(workforce, on, period=period, errors=errors) for p in (first, second)
    )
    first_errors, second_errors = a.errors, b.errors
    bad = a.invalid | b.invalid
    if bad.any():
        kept = workforce.take(np.flatnonzero(~bad))
        a, b = (p.assess_workforce(kept, on, period=period) for p in (first, second))
        workforce = kept
    ids = workforce.ids
    granted_a = a.status == _GRANTED
    granted_b = b.status == _GRANTED
    gained = ids[~granted_a & granted_b]
    lost = ids[granted_a & ~granted_b]
    totals_a, totals_b = a.totals(), b.totals()
    return {
        "gained": [str(i) for i in gained],
        "lost": [str(i) for i in lost],
        "errors": sorted(
            {e.row: e for e in (*first_errors, *second_errors)}.values(), key=lambda e: e.row
        ),
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


# -- text -------------------------------------------------------------------------------

_SAY: dict[str, dict[str, str]] = {
    "period": {"en": "period assessed: {start} to {end}", "fr": "période : du {start} au {end}"},
    "asked": {"en": "asked: {asked}", "fr": "demandé : {asked}"},
    "granted": {"en": "granted: {granted}", "fr": "accordé : {granted}"},
    "granted_floating": {
        "en": "granted: floating days, {volume} {per}",
        "fr": "accordé : des jours flottants, {volume} {per}",
    },
    "per_week": {"en": "a week", "fr": "par semaine"},
    "per_month": {"en": "a month", "fr": "par mois"},
    "per_year": {"en": "a year", "fr": "par an"},
    "reduced": {
        "en": "reduced to what the quota allows ({rules})",
        "fr": "réduit à ce que le quota permet ({rules})",
    },
    "not_asked": {
        "en": "no telework asked for: nothing to grant",
        "fr": "aucun télétravail demandé : rien à accorder",
    },
    "refused": {
        "en": "refused: the ask breaks {rules}",
        "fr": "refusé : la demande enfreint {rules}",
    },
    "places": {
        "en": "places allowed: {places}",
        "fr": "lieux autorisés : {places}",
    },
    "days": {
        "en": "days: {planned} on the calendar, less {leave} of leave ({assumption}),"
        " less {capped} over the caps, plus {floating} floating: {total} days",
        "fr": "jours : {planned} au calendrier, moins {leave} de congés ({assumption}),"
        " moins {capped} au-delà des plafonds, plus {floating} flottants : {total} jours",
    },
    "days_known": {
        "en": "days: {planned} on the calendar (absences known), less {capped} over the"
        " caps, plus {floating} floating: {total} days",
        "fr": "jours : {planned} au calendrier (absences connues), moins {capped}"
        " au-delà des plafonds, plus {floating} flottants : {total} jours",
    },
    "allowance": {"en": "allowance: {amount} EUR", "fr": "indemnités : {amount} EUR"},
    "line": {"en": "  {name}: {amount} EUR", "fr": "  {name} : {amount} EUR"},
    "number": {"en": "{days:g} day(s) a week", "fr": "{days:g} jour(s) par semaine"},
}


def _number(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


def render_assessment(assessment: Assessment, lang: str = "en") -> str:
    """An assessment as lines of text, rendered from its data: the eligibility
    decision, the period, the ask and the quota's answer, then how the days and the
    amount were reached."""
    from teletravail.eligibility.text import render_quota

    if lang not in ("en", "fr"):
        raise ValidationError("lang", lang, Phrase("'en' or 'fr'", "'en' ou 'fr'"))

    def say(key: str, **values: Any) -> str:
        return _SAY[key][lang].format(**values)

    batch, row = assessment._batch, assessment._row
    out = [assessment.decision.text(lang)]  # type: ignore[arg-type]
    out.append(say("period", start=batch.start.isoformat(), end=batch.end.isoformat()))
    if not assessment.entitled:
        return "\n".join(out)
    asked = assessment.asked_pattern
    per_week = say("number", days=float(batch.asked[row]))
    out.append(say("asked", asked=per_week if asked is None else f"{asked} ({per_week})"))
    quota = assessment.quota
    if quota is not None:
        out.append(render_quota(quota, lang))  # type: ignore[arg-type]
    failures = assessment.failures
    if PLACES_CODE in failures:
        places = ", ".join(sorted(kind.value for kind in batch.policy.places))
        out.append(say("places", places=places))
    if assessment.status == "refused":
        out.append(say("refused", rules=", ".join(failures)))
        return "\n".join(out)
    if assessment.status == "not_asked":
        out.append(say("not_asked"))
        return "\n".join(out)
    granted = assessment.pattern
    scheme = batch.policy.quota
    if scheme is not None and scheme.floating is not None and scheme.modality is Modality.FLOATING:
        volume = _number(float(scheme.floating.volume.m_as("workday")), lang)
        out.append(say("granted_floating", volume=volume, per=say(f"per_{scheme.floating.per}")))
    else:
        per_week = say("number", days=float(batch.granted[row]))
        out.append(
            say("granted", granted=per_week if granted is None else f"{granted} ({per_week})")
        )
    if assessment.reduced:
        out.append(say("reduced", rules=", ".join(failures)))
    detail = assessment.days_detail()
    figures = {k: _number(float(v), lang) for k, v in detail.items() if isinstance(v, float)}
    if detail["leave_assumption"] is None:
        out.append(say("days_known", **figures))
    else:
        out.append(say("days", assumption=batch.policy.leave.describe(lang), **figures))
    out.append(say("allowance", amount=as_decimal(assessment.allowance_cents)))
    for line in assessment.allowance_result.lines:
        out.append(say("line", name=line.name, amount=as_decimal(line.cents)))
    return "\n".join(out)
