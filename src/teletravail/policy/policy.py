"""Policies: a territory's whole scheme, as one value.

A :class:`Policy` ties the parts together: who is eligible (a
:class:`~teletravail.eligibility.Rule`), how much telework (a
:class:`~teletravail.scheduling.Quota`), where (places), on which calendar, what is
paid (an :class:`~teletravail.allowance.Allowance`), optionally how seats are allotted
(a :class:`~teletravail.eligibility.SelectionCampaign`), the leave it assumes where an
agent's absences are unknown, the assumptions of the impact estimate, the terms of its
authorisations and its populations. This module holds the value: its fields and their
validation, the periods it assesses, the policy as it applies to one population, and
its pickling. ``policy.assess(...)`` checks its arguments and hands the work to
:mod:`teletravail.policy.engine`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from teletravail._checks import typed_tuple
from teletravail.allowance.allowance import Allowance
from teletravail.dated import DatedParameter, Period
from teletravail.dates import LAST_DATE, to_date
from teletravail.documents import encodable
from teletravail.eligibility.rules import Rule
from teletravail.eligibility.selection import SelectionCampaign
from teletravail.errors import ValidationError
from teletravail.impact.commute import Assumptions
from teletravail.messages import Lang, Phrase, choices
from teletravail.policy import engine
from teletravail.policy.displays import policy_html
from teletravail.policy.populations import NotConcerned, Population
from teletravail.policy.terms import AuthorisationTerms
from teletravail.scheduling.calendar import WorkCalendar
from teletravail.scheduling.leave import LeaveAssumption
from teletravail.scheduling.quota import Quota
from teletravail.sources import Source
from teletravail.week import HOME, Place, PlaceKind, read_places
from teletravail.workforce import Agent, CommuteMode, Errors, Workforce

if TYPE_CHECKING:
    from teletravail.policy.assessment import Assessment
    from teletravail.policy.batch import BatchAssessment

__all__ = ["Policy"]

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


def _sector(instance: Any, attribute: Any, value: Any) -> None:
    if value not in ("public", "private"):
        raise ValidationError(
            "sector", value, Phrase("'public' or 'private'", "'public' ou 'private'")
        )


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
    ``sector`` is the employer's: ``"public"`` (the public service, the default) or
    ``"private"`` (a private employer: the public-service framework does not apply to
    it, and conformity says so).
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
    sector: Literal["public", "private"] = attrs.field(default="public", validator=_sector)
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

    def __repr__(self) -> str:
        end = "" if self.period.end is None else self.period.end.isoformat()
        return f"<Policy {self.name!r} of {self.territory!r}, {self.period.start}..{end}>"

    def to_html(self, lang: Lang | None = None) -> str:
        """The policy as a small HTML table, in English or French (``None``: the
        language of :mod:`teletravail.display`): what a notebook shows."""
        return policy_html(self, lang)

    def _repr_html_(self) -> str:
        return policy_html(self)

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

    def __getstate__(self) -> dict[str, Any]:
        """A policy pickles as itself: its fields, without what it worked out and keeps
        (:meth:`memo`), which the receiving process works out again. So it can be sent
        to other processes (``multiprocessing``, ``concurrent.futures``, joblib): its
        quantities pickle as their magnitude and unit and are read back into the
        library's registry in force there (:mod:`teletravail.units`). A part that calls a
        Python function (a :class:`~teletravail.eligibility.Predicate`) pickles when its
        function does, by pickle's own rules."""
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_memo", {})

    def __copy__(self) -> Policy:
        return self  # frozen: a copy would be the same value

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
            return engine.assess(self, one, day, start, end, requested, "raise", subject).explain(0)
        if not isinstance(subject, Workforce):
            raise ValidationError(
                "subject", subject, Phrase("an Agent or a Workforce", "un objet Agent ou Workforce")
            )
        return engine.assess(self, subject, day, start, end, requested, errors)

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

    def memo(self) -> dict[Any, Any]:
        """What the policy works out once and keeps (the policy of each population, the
        outcome of each profile of one agent assessed): the assessment's store
        (:mod:`teletravail.policy.engine`), not part of the policy's value."""
        return self._memo

    def default_place(self) -> Place:
        """Where days placed by default fall: home if the policy allows it, else the
        first of another place, a télécentre or a site that it allows."""
        kind = next(k for k in _PLACE_ORDER if k in self.places)
        return HOME if kind is PlaceKind.HOME else Place(kind=kind)


def _period_end(day: dt.date, per: str) -> dt.date:
    """The last day of ``day``'s calendar year, or month for ``per="month"``."""
    if per == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(day.year, 12, 31)


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
