"""Hypothesis strategies for the library's types, shared by every test module."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, NamedTuple

from hypothesis import strategies as st

from teletravail import Q_
from teletravail.dated import Duration
from teletravail.eligibility import (
    ExcludedActivities,
    ExcludedContracts,
    ExcludedRoles,
    HasDerogation,
    MinimumCommuteDistance,
    MinimumCommuteTime,
    MinimumSeniority,
    MinimumWorkingTime,
    Rule,
    TeleworkableActivities,
    TeleworkablePost,
    Volunteer,
)
from teletravail.scheduling import Telecentre, TelecentreNetwork
from teletravail.sources import Source
from teletravail.spans import Absence
from teletravail.week import DayPart, PatternDay, WeeklyPattern
from teletravail.workforce import (
    CONTRACT_TYPE_WORDS,
    Agent,
    Category,
    CommuteMode,
    ContractType,
    Derogation,
    DerogationKind,
)

if TYPE_CHECKING:
    from teletravail import Policy
    from teletravail.allowance import Allowance
    from teletravail.eligibility import SelectionCampaign
    from teletravail.scheduling import Quota

ROLES = ("instructeur", "gestionnaire", "cadre", "production", "travail_social", "juriste")
TAGS = ("public_facing", "applications_metier", "cadre", "encadrement")
ESTABLISHMENTS = ("Cahors", "Figeac", "Gourdon", "Hôtel du département")
ACTIVITIES = ("instruction", "accueil du public", "rédaction", "contrôle sur site", "archives")

dates = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31))
reference_dates = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))
durations = st.builds(
    Duration,
    years=st.integers(0, 3),
    months=st.integers(0, 14),
    days=st.integers(0, 40),
)
working_times = st.one_of(
    st.sampled_from([50, 60, 70, 80, 90, 100]),
    st.floats(min_value=1, max_value=100, allow_nan=False).map(lambda x: round(x, 3)),
)
#: Bounds of a band of working times, in percent: the usual ones, and any to 1e-9 %.
working_time_bounds = st.one_of(
    st.sampled_from([0, 50, 60, 80, 90, 99.5, 100]),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 9)),
)
#: Telework asked for, in workday/week: None (not stated), a usual ask, or any value 0..7.
requested_teleworks = st.one_of(
    st.none(),
    st.sampled_from([0.5, 1.0, 1.5, 2.0, 2.5, 3.0]),
    st.floats(min_value=0, max_value=7, allow_nan=False),
)


@st.composite
def derogations(draw: st.DrawFn) -> Derogation:
    """A derogation of any kind over a random span (sometimes open-ended)."""
    start = draw(dates)
    length = draw(st.one_of(st.none(), st.integers(0, 400)))
    end = None if length is None else start + dt.timedelta(days=length)
    return Derogation(kind=draw(st.sampled_from(list(DerogationKind))), start=start, end=end)


#: A contract type: not stated, a member, its English value or one of its French words.
contract_types = st.one_of(
    st.none(),
    st.sampled_from(list(ContractType)),
    st.sampled_from([kind.value for kind in ContractType]),
    st.sampled_from(list(CONTRACT_TYPE_WORDS)),
)
categories = st.none() | st.sampled_from(list(Category))


@st.composite
def activity_sets(draw: st.DrawFn) -> object:
    """An agent's activities as any accepted form: not stated, names alone (equal shares),
    a mapping of names to shares, or text with shares."""
    names = draw(st.lists(st.sampled_from(ACTIVITIES), max_size=4, unique=True))
    if not names:
        return draw(st.sampled_from([(), None, ""]))
    weights = [draw(st.integers(1, 12)) for _ in names]
    shares = [100 * w / sum(weights) for w in weights]
    form = draw(st.sampled_from(["names", "mapping", "text"]))
    if form == "names":
        return names
    if form == "mapping":
        return {n: Q_(share, "percent") for n, share in zip(names, shares, strict=True)}
    return "; ".join(f"{n} {share!r} %" for n, share in zip(names, shares, strict=True))


@st.composite
def agents(
    draw: st.DrawFn, agent_id: str | None = None, hired_before: dt.date | None = None
) -> Agent:
    """An agent with every field drawn; hired on or before ``hired_before`` if given."""
    hire = draw(
        st.dates(min_value=dt.date(1995, 1, 1), max_value=hired_before) if hired_before else dates
    )
    distance = draw(st.one_of(st.none(), st.floats(0, 150, allow_nan=False)))
    minutes = draw(st.one_of(st.none(), st.floats(0, 180, allow_nan=False)))
    asked = draw(requested_teleworks)
    return Agent(
        id=agent_id or draw(st.text("ABCDEFGHIJ0123456789-", min_size=1, max_size=8)),
        hire_date=hire,
        working_time=Q_(draw(working_times), "percent"),
        role=draw(st.sampled_from(ROLES)),
        tags=draw(st.frozensets(st.sampled_from(TAGS), max_size=3)),
        commute_distance=None if distance is None else Q_(distance, "km"),
        commute_time=None if minutes is None else Q_(minutes, "min"),
        commute_mode=draw(st.sampled_from(list(CommuteMode))),
        volunteer=draw(st.booleans()),
        teleworkable_post=draw(st.booleans()),
        derogations=tuple(draw(st.lists(derogations(), max_size=2))),
        requested_telework=None if asked is None else Q_(asked, "workday/week"),
        contract_type=draw(contract_types),
        category=draw(categories),
        establishment=draw(st.just("") | st.sampled_from(ESTABLISHMENTS)),
        activities=draw(activity_sets()),
    )


@st.composite
def agent_lists(draw: st.DrawFn, hired_before: dt.date, max_size: int = 12) -> list[Agent]:
    """Agents with unique ids, all hired on or before ``hired_before``."""
    size = draw(st.integers(1, max_size))
    return [draw(agents(agent_id=f"A{i:03d}", hired_before=hired_before)) for i in range(size)]


@st.composite
def planned_agent_lists(draw: st.DrawFn, max_size: int = 8) -> list[Agent]:
    """Agents with unique ids and every field drawn, their plans too: a weekly pattern,
    days off, absences, a télécentre distance and an authorisation (each sometimes unset)."""
    import attrs

    from teletravail.spans import Authorisation

    size = draw(st.integers(0, max_size))
    result = []
    for i in range(size):
        agent = draw(agents(agent_id=f"P{i:03d}"))
        start = draw(dates)
        far = draw(st.none() | st.floats(0, 80, allow_nan=False))
        result.append(
            attrs.evolve(
                agent,
                pattern=draw(st.none() | patterns()),
                days_off=draw(st.frozensets(st.integers(0, 6), max_size=2)),
                absences=draw(
                    st.none() | absence_lists((dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
                ),
                telecentre_distance=None if far is None else Q_(far, "km"),
                authorisation=draw(st.none() | st.just(Authorisation(start=start))),
            )
        )
    return result


criteria: st.SearchStrategy[Rule] = st.one_of(
    st.builds(MinimumSeniority, minimum=durations),
    st.builds(MinimumWorkingTime, minimum=working_times.map(lambda x: Q_(x, "percent"))),
    st.builds(
        ExcludedRoles,
        roles=st.frozensets(st.sampled_from(ROLES), min_size=1, max_size=3),
        tags=st.frozensets(st.sampled_from(TAGS), max_size=2),
    ),
    st.builds(MinimumCommuteDistance, minimum=st.floats(0, 100).map(lambda x: Q_(x, "km"))),
    st.builds(MinimumCommuteTime, minimum=st.floats(0, 120).map(lambda x: Q_(x, "min"))),
    st.just(Volunteer()),
    st.just(TeleworkablePost()),
    st.builds(
        HasDerogation,
        kinds=st.frozensets(st.sampled_from(list(DerogationKind)), min_size=1),
    ),
    st.builds(
        ExcludedContracts,
        contract_types=st.frozensets(st.sampled_from(list(ContractType)), min_size=1, max_size=3),
    ),
    st.builds(
        ExcludedActivities,
        activities=st.frozensets(st.sampled_from(ACTIVITIES), min_size=1, max_size=2),
    ),
    st.builds(
        TeleworkableActivities,
        minimum=st.integers(0, 100).map(lambda x: Q_(x, "percent")),
        not_teleworkable=st.frozensets(st.sampled_from(ACTIVITIES), max_size=3),
    ),
)

rules: st.SearchStrategy[Rule] = st.recursive(
    criteria,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map(lambda ab: ab[0] & ab[1]),
        st.tuples(inner, inner).map(lambda ab: ab[0] | ab[1]),
        inner.map(lambda a: ~a),
        st.tuples(inner, inner).map(lambda ab: ab[0].unless(ab[1])),
    ),
    max_leaves=6,
)


@st.composite
def networks(draw: st.DrawFn, names: tuple[str, ...], max_desks: int = 3) -> TelecentreNetwork:
    """A network of 1 to 4 centres named from ``names``, with random desks and opening days."""
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True))
    return TelecentreNetwork(
        name="test network",
        centres=tuple(
            Telecentre(
                name=name,
                commune=name,
                department="Lot",
                desks=draw(st.integers(1, max_desks)),
                open_weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
            )
            for name in chosen
        ),
    )


parts = st.sampled_from(list(DayPart))


@st.composite
def patterns(draw: st.DrawFn) -> WeeklyPattern:
    """A pattern of up to three weekdays, whole or half days."""
    days = sorted(draw(st.frozensets(st.integers(0, 4), min_size=1, max_size=3)))
    return WeeklyPattern(days=[PatternDay(weekday=d, part=draw(parts)) for d in days])


periods = st.tuples(st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)), st.integers(0, 400)).map(
    lambda p: (p[0], p[0] + dt.timedelta(days=p[1]))
)


@st.composite
def absence_lists(draw: st.DrawFn, period: tuple[dt.date, dt.date]) -> list[Absence]:
    """Non-overlapping absences inside a period."""
    first, last = period
    cuts = sorted(draw(st.sets(st.integers(0, (last - first).days), max_size=6)))
    spans = []
    for low, high in itertools.pairwise(cuts):
        if high - low >= 1 and draw(st.booleans()):
            spans.append(
                Absence(
                    start=first + dt.timedelta(days=low), end=first + dt.timedelta(days=high - 1)
                )
            )
    return spans


# --- policies (the configuration round trip) ---------------------------------------------


#: The ways a row of a register can be written: a good row, a cell that is no number,
#: a row short of a cell, a quote left open (the row cannot be split into cells).
REGISTER_ROW_KINDS = ("good", "bad_cell", "short", "open_quote")


class Register(NamedTuple):
    """A register's text, how it is written, and what a reader must make of it."""

    text: str
    encoding: str
    delimiter: str
    ids: list[str]
    good: list[str]
    bad: list[int]


@st.composite
def registers(draw: st.DrawFn) -> Register:
    """A register as a spreadsheet exports it: ``text`` (header ``id``, ``hire_date``,
    ``commute_distance_km``, ``role``), its ``encoding`` (UTF-8 or Latin-1) and
    ``delimiter`` (``,`` or ``;``), with what a reader must make of it, written by hand:
    ``ids`` (the id cell of each row, stripped; empty where the row cannot be split),
    ``good`` (the ids of the rows read) and ``bad`` (the numbers of the rows set aside).
    Blank lines may come between rows; they are no rows."""
    delimiter = draw(st.sampled_from([",", ";"]))
    kinds = draw(st.lists(st.sampled_from(REGISTER_ROW_KINDS), max_size=8))
    lines = [delimiter.join(["id", "hire_date", "commute_distance_km", "role"])]
    ids: list[str] = []
    good: list[str] = []
    bad: list[int] = []
    for row, kind in enumerate(kinds):
        if draw(st.booleans()):
            lines.append("")
        agent_id = f"A{row}"
        padded = draw(st.sampled_from(["", " "])) + agent_id + draw(st.sampled_from(["", "  "]))
        role = draw(st.sampled_from(["équipe", "cadre", "accueil général"]))
        distance = str(draw(st.integers(0, 200)))
        cells = {
            "good": [padded, "2010-01-01", distance, role],
            "bad_cell": [padded, "2010-01-01", "loin", role],
            "short": [padded, "2010-01-01", distance],
            "open_quote": ['"' + agent_id, "2010-01-01", distance, role],
        }[kind]
        lines.append(delimiter.join(cells))
        ids.append("" if kind == "open_quote" else agent_id)
        if kind == "good":
            good.append(agent_id)
        else:
            bad.append(row)
    return Register(
        text="\n".join(lines) + "\n",
        encoding=draw(st.sampled_from(["utf-8", "latin-1"])),
        delimiter=delimiter,
        ids=ids,
        good=good,
        bad=bad,
    )


def _policy_parts() -> dict[str, st.SearchStrategy[object]]:
    from teletravail.allowance import presets as allowance_presets
    from teletravail.allowance.national import national_component
    from teletravail.allowance.one_off import EmployerCost, OneOff
    from teletravail.allowance.rates import PerDay
    from teletravail.dated import DatedParameter, DatedValue
    from teletravail.eligibility.selection import SelectionCampaign
    from teletravail.impact.commute import Assumptions
    from teletravail.impact.rebound import Rebound
    from teletravail.scheduling.derogations import national_derogations
    from teletravail.sources import Source
    from teletravail.week import PlaceKind

    words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1).filter(
        lambda s: bool(s.strip())
    )
    sources = st.builds(
        Source,
        title=words,
        reference=st.none() | words,
        publication=st.none() | st.sampled_from(["La Gazette des communes", "Zevillage"]),
        date=st.none() | dates,
        article=st.none() | st.sampled_from(["3", "2, 2-1", "L. 1222-9"]),
        amended_by=st.none() | words,
        version=st.none() | dates,
        implements=st.none() | words,
        journal=st.none() | dates,
        in_force=st.none() | dates,
        note=st.none() | st.text(max_size=20),
        unconfirmed=st.booleans(),
    )
    money = st.integers(0, 100_000).map(lambda cents: Q_(cents / 100, "EUR"))
    rate = st.builds(
        lambda start, value, source: DatedParameter(
            name="rate", values=(DatedValue(start=start, value=value, source=source),)
        ),
        dates,
        st.integers(0, 1_000).map(lambda c: Q_(c / 100, "EUR/workday")),
        sources,
    )
    places = st.frozensets(st.sampled_from(list(PlaceKind)), min_size=1)
    local_cap = st.builds(
        lambda start, value, source: DatedParameter(
            name="cap", values=(DatedValue(start=start, value=value, source=source),)
        ),
        dates,
        money,
        sources,
    )
    named = [("forfait-teletravail", branch) for branch in ("state", "territorial", "hospital")]
    national = st.builds(
        lambda which, cap: national_component(which[0], which[1], cap=cap),
        st.sampled_from([*named, ("urssaf-per-day", None)]),
        st.none() | local_cap,
    ) | st.sampled_from(["urssaf-monthly-flat", "urssaf-forfait-mensuel-accord-collectif"]).map(
        national_component
    )
    component = st.one_of(
        national,
        st.builds(OneOff, amount=money, places=st.none() | places, source=st.none() | sources),
        st.builds(PerDay, rate=rate, places=places, cap_per=st.sampled_from(["year", "month"])),
        st.builds(EmployerCost, name=words, amount=money),
        st.just(allowance_presets.forfait_teletravail()),
        st.just(allowance_presets.urssaf_monthly_flat()),
    )
    per_week = st.sampled_from([0.5, 1.0, 1.5, 2.0, 2.5, 3.0])
    return {
        "sources": sources,
        "places": places,
        "components": st.lists(component, min_size=1, max_size=3),
        "per_week": per_week,
        "derogations": st.lists(st.sampled_from(national_derogations()), max_size=2, unique=True),
        "selection": st.builds(
            SelectionCampaign,
            seats=st.integers(0, 50),
            rank_by=st.sampled_from(["commute_distance", "commute_time", "seniority"]),
            descending=st.booleans(),
            name=st.text(max_size=10),
        ),
        "impact": st.builds(
            Assumptions,
            speed=st.floats(5, 130).map(lambda v: Q_(v, "km/h")),
            cost_per_km=st.none() | st.floats(0, 2).map(lambda v: Q_(v, "EUR/km")),
            rebound=st.sampled_from(
                [Rebound(), Rebound(kind="ademe_trips"), Rebound(kind="ademe_net")]
            ),
            factors=st.none() | st.floats(0, 1).map(lambda v: {"car_thermal": Q_(v, "kg CO2e/km")}),
        ),
        "words": words,
    }


@st.composite
def policies(draw: st.DrawFn) -> object:
    """Any policy a document can hold: rules, a quota, allowance components, a
    selection, impact assumptions and sources."""
    from hypothesis import assume

    from teletravail import Policy
    from teletravail.allowance.allowance import Allowance
    from teletravail.dated import Period
    from teletravail.errors import ValidationError
    from teletravail.scheduling.quota import Quota

    parts = _policy_parts()
    start = draw(dates)
    end = draw(st.none() | st.integers(0, 3_000).map(lambda d: start + dt.timedelta(days=d)))
    maximum = draw(parts["per_week"])
    try:
        quota = Quota(
            maximum=Q_(maximum, "workday/week"),
            minimum=Q_(draw(st.sampled_from([0.0, 0.5, 1.0])), "workday/week"),
            on_site_minimum=Q_(draw(st.sampled_from([0.0, 1.0, 2.0])), "workday/week"),
            granularity=draw(st.sampled_from(["day", "halfday"])),
            assessed=draw(st.sampled_from(["week", "month"])),
            floating=draw(st.none() | floating_volumes()),
            caps=draw(st.none() | day_caps()),
            derogations=draw(parts["derogations"]),
            name=draw(st.text(max_size=12)),
        )
    except ValidationError:
        assume(False)
        raise
    populations = draw(population_lists(quota))
    return Policy(
        name=draw(parts["words"]),
        territory=draw(parts["words"]),
        description=draw(st.text(max_size=40)),
        period=Period(start=start, end=end),
        eligibility=draw(rules),
        quota=draw(st.none() | st.just(quota)),
        places=draw(parts["places"]),
        allowance=draw(st.none() | parts["components"].map(lambda c: Allowance(components=c))),
        selection=None if populations else draw(st.none() | parts["selection"]),
        impact=draw(parts["impact"]),
        calendar=draw(calendars()),
        leave=draw(leave_assumptions()),
        asks=draw(st.sampled_from(["refuse", "reduce"])),
        authorisation=draw(st.none() | authorisation_terms()),
        sources=tuple(draw(st.lists(parts["sources"], max_size=3))),
        populations=populations,
    )


@st.composite
def population_lists(draw: st.DrawFn, quota: object | None = None) -> tuple[object, ...]:
    """Populations a document can hold: selectors of every kind, outside the scheme or
    with rules of their own (a quota, places, an allowance, an eligibility rule); a
    population that selects everyone comes last."""
    from teletravail.allowance.allowance import Allowance
    from teletravail.policy.populations import Members, Population
    from teletravail.scheduling.working_time import WorkingTimeBand

    parts = _policy_parts()
    names = draw(st.lists(parts["words"], max_size=3, unique=True))
    found = []
    for name in names:
        members = Members(
            roles=draw(st.lists(st.sampled_from(["a", "b", "enseignant"]), max_size=2)),
            tags=draw(st.lists(st.sampled_from(["cadre", "accueil"]), max_size=1)),
            categories=draw(st.lists(st.sampled_from(["A", "B", "C"]), max_size=2)),
            contract_types=draw(
                st.lists(
                    st.sampled_from(["apprentice", "contractuel", "stagiaire école"]), max_size=2
                )
            ),
            establishments=draw(st.lists(st.sampled_from(["Metz", "Site de Figeac"]), max_size=1)),
            part_time=draw(st.none() | st.booleans()),
            working_time=draw(
                st.none()
                | st.builds(
                    lambda low, span: WorkingTimeBand(low=f"{low} %", high=f"{low + span} %"),
                    st.integers(0, 60),
                    st.integers(0, 40),
                )
            ),
        )
        concerned = draw(st.booleans())
        own: dict[str, object] = {}
        if concerned:
            if draw(st.booleans()):
                own["eligibility"] = draw(rules)
            if quota is not None and draw(st.booleans()):
                own["quota"] = quota
            if draw(st.booleans()):
                own["places"] = draw(parts["places"])
            if draw(st.booleans()):
                own["allowance"] = Allowance(components=draw(parts["components"]))
        found.append(
            Population(
                name=name,
                members=members,
                concerned=concerned,
                description=draw(st.text(max_size=12)),
                **own,
            )
        )
        if members.everyone:
            break
    return tuple(found)


def calendars() -> st.SearchStrategy[object]:
    """Working calendars: France's, the Moselle's or Guadeloupe's, with a few extra days
    off and a worked Whit Monday."""
    from teletravail.scheduling.calendar import WorkCalendar, whit_monday

    return st.builds(
        WorkCalendar,
        subdivision=st.sampled_from([None, "57", "971"]),
        extra_days_off=st.frozensets(dates, max_size=2),
        worked_holidays=st.sampled_from([frozenset(), frozenset({whit_monday(2024)})]),
    )


def leave_assumptions() -> st.SearchStrategy[object]:
    """Leave assumptions: days of leave a year, or weeks worked."""
    from teletravail.scheduling.leave import LeaveAssumption

    return st.one_of(
        st.integers(0, 60).map(lambda d: LeaveAssumption(days=Q_(d / 2, "workday"))),
        st.sampled_from([44.0, 45.6, 47.0]).map(lambda w: LeaveAssumption(weeks_worked=w)),
    )


def floating_volumes() -> st.SearchStrategy[object]:
    """Floating-day volumes per week, month or year."""
    from teletravail.scheduling.volumes import FloatingDays

    return st.builds(
        FloatingDays,
        volume=st.integers(1, 30).map(lambda d: Q_(d, "workday")),
        per=st.sampled_from(["week", "month", "year"]),
    )


def day_caps() -> st.SearchStrategy[object]:
    """Caps on telework days per week, month and year."""
    from teletravail.scheduling.volumes import DayCaps

    return st.builds(
        DayCaps,
        week=st.none() | st.integers(1, 5).map(lambda d: Q_(d, "workday")),
        month=st.none() | st.integers(2, 20).map(lambda d: Q_(d / 2 * 2, "workday")),
        year=st.none() | st.integers(10, 200).map(lambda d: Q_(d, "workday")),
    )


#: Lengths of a term, an adaptation period, a notice: whole months, days, or both.
term_lengths = st.builds(
    Duration, years=st.integers(0, 2), months=st.integers(0, 14), days=st.integers(0, 40)
).filter(lambda d: d != Duration())


@st.composite
def authorisation_terms(draw: st.DrawFn) -> object:
    """Authorisation terms that can be applied: open-ended or of some length, renewed
    (in English or French words) or not, with adaptation and notice periods."""
    from hypothesis import assume

    from teletravail.errors import ValidationError
    from teletravail.policy.terms import AuthorisationTerms
    from teletravail.sources import Source

    duration = draw(st.none() | term_lengths)
    renewal = None
    if duration is not None:
        renewal = draw(st.none() | st.sampled_from(["express", "tacit", "expresse", "tacite"]))
    renewed = renewal is not None
    adaptation = draw(st.none() | term_lengths)
    months = st.integers(0, 4).map(lambda m: Duration(months=m))
    try:
        return AuthorisationTerms(
            duration=duration,
            renewal=renewal,
            max_renewals=draw(st.none() | st.integers(1, 6)) if renewed else None,
            decision_before=draw(st.none() | term_lengths) if renewed else None,
            adaptation=adaptation,
            notice_agent=draw(st.none() | months),
            notice_employer=draw(st.none() | months),
            notice_adaptation=None if adaptation is None else draw(st.none() | months),
            employer_may_shorten=draw(st.booleans()),
            source=draw(st.none() | st.just(Source(title="Délibération du conseil"))),
        )
    except ValidationError:  # an adaptation or decision time not shorter than the term
        assume(False)
        raise


# --- sweeps --------------------------------------------------------------------------------

#: Document values for the Lot 2013 preset's weekly maximum and seniority minimum.
SWEEP_MAXIMA = ("1 workday/week", "1.5 workday/week", "2 workday/week", "3 workday/week")
SWEEP_SENIORITIES = ("0 days", "3 months", "6 months", "1 year", "2 years")


@st.composite
def sweep_grids(draw: st.DrawFn) -> dict[str, list[str]]:
    """A grid over the Lot 2013 preset's document: its quota's maximum, its seniority
    minimum, or both, each with one to three values (repeats allowed)."""
    grid: dict[str, list[str]] = {}
    keys = draw(
        st.sampled_from(
            [
                ("quota.maximum",),
                ("eligibility.all_of[0].minimum",),
                ("quota.maximum", "eligibility.all_of[0].minimum"),
            ]
        )
    )
    for key in keys:
        pool = SWEEP_MAXIMA if key == "quota.maximum" else SWEEP_SENIORITIES
        grid[key] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
    return grid


def lot_rule() -> Rule:
    """The eligibility rule of the shipped Lot 2013 preset."""
    from teletravail import presets

    return presets.load("lot-2013").eligibility


def lozere_rule() -> Rule:
    """The eligibility rule of the shipped Lozère 2015 preset (volunteers)."""
    from teletravail import presets

    return presets.load("lozere-2015").eligibility


def lozere_selection() -> SelectionCampaign:
    """The Lozère 2015 preset's campaign: 8 seats, the longest one-way commute first."""
    from teletravail import presets

    selection = presets.load("lozere-2015").selection
    assert selection is not None
    return selection


def public_service_quota() -> Quota:
    """The quota of the shipped public-service preset (décret 2016-151 as amended)."""
    from teletravail import presets

    quota = presets.load("public-service").quota
    assert quota is not None
    return quota


def floating_public_service(days_per_year: float) -> Quota:
    """The public-service quota assessed week by week, with a volume of floating days a
    year (décret 2020-524)."""
    import attrs

    from teletravail import sources
    from teletravail.scheduling import FloatingDays

    floating = FloatingDays(
        volume=f"{days_per_year} workday", per="year", source=sources.DECRET_2020_524
    )
    return attrs.evolve(public_service_quota(), assessed="week", floating=floating)


def lot_allowance(laptop: str | None = None) -> Allowance:
    """The Lot 2013 preset's allowance (100 EUR once, at the start) and, at ``laptop``'s
    price, the laptop as the employer's cost, citing the same article."""
    from teletravail import presets
    from teletravail.allowance import Allowance, EmployerCost

    allowance = presets.load("lot-2013").allowance
    assert allowance is not None
    if laptop is None:
        return allowance
    start = allowance.components[0]
    cost = EmployerCost(name="laptop", amount=laptop, source=start.source)
    return Allowance(components=(*allowance.components, cost))


def lot_policy() -> Policy:
    """The Lot from 2013: its rule, 1 to 1.5 days, 100 EUR at the start, a laptop."""
    from teletravail import Policy, presets
    from teletravail.dated import Period

    lot = presets.load("lot-2013")
    return Policy(
        name="Lot 2013",
        territory="Lot",
        period=Period(start="2013-01-01"),
        eligibility=lot.eligibility,
        quota=lot.quota,
        allowance=lot_allowance(laptop="750 EUR"),
        places={"home", "telecentre", "site"},
    )


_words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1).filter(
    str.strip
)


@st.composite
def sources(draw: st.DrawFn) -> Source:
    """A source with a title and any of the other keys (an article, its wording, its
    publication and entry into force, a flag), dated or not."""
    optional = st.none() | _words
    return Source(
        title=draw(_words),
        publication=draw(optional),
        date=draw(st.none() | dates),
        article=draw(optional),
        amended_by=draw(optional),
        version=draw(st.none() | dates),
        implements=draw(optional),
        journal=draw(st.none() | dates),
        in_force=draw(st.none() | dates),
        reference=draw(optional),
        url=draw(optional),
        note=draw(st.none() | st.text(max_size=20)),
        unconfirmed=draw(st.booleans()),
    )


# --- an authorisation's life ---------------------------------------------------------------


@st.composite
def authorisation_histories(draw: st.DrawFn) -> tuple[str, str, list[object]]:
    """A sector, a contract and a sequence of events that follows the procedure, built
    by hand from generous margins rather than by the library's own arithmetic: answers
    after the request, a refusal with its reasons and interview, at most one appeal, an
    adaptation of at most 89 days (never more than 3 months), a term of 4 to 12 months
    (within the 2016 limit of one year), one renewal after the adaptation, an ending
    notified while the authorisation is held and taking effect 70 days later (more than
    any 2-month notice), with reasons and an interview at the employer's initiative."""
    from teletravail.procedure import Event

    day = dt.timedelta(days=1)
    sector = draw(st.sampled_from(["public", "private"]))
    contract = draw(st.sampled_from(["civil_servant", "contract_staff", "probationer"]))
    on = draw(st.dates(min_value=dt.date(2016, 2, 13), max_value=dt.date(2035, 12, 31)))
    events: list[object] = [Event(kind="request", on=on, campaign_closes=draw(st.none() | dates))]
    on += draw(st.integers(0, 20)) * day
    if draw(st.booleans()):
        events.append(Event(kind="review", on=on))
        on += draw(st.integers(0, 20)) * day
    if draw(st.booleans()):
        interview = on
        on += draw(st.integers(0, 10)) * day
        events.append(Event(kind="refuse", on=on, reasons="service", interview=interview))
        if sector == "private" or not draw(st.booleans()):
            return sector, contract, events
        on += draw(st.integers(0, 60)) * day
        events.append(Event(kind="appeal", on=on))
        on += draw(st.integers(0, 60)) * day
        if draw(st.booleans()):
            events.append(Event(kind="refuse", on=on, reasons="service", interview=on))
            return sector, contract, events
    start = on + draw(st.integers(0, 30)) * day
    adaptation = draw(
        st.none()
        | st.integers(1, 3).map(lambda m: Duration(months=m))
        | st.integers(1, 89).map(lambda d: Duration(days=d))
    )
    if adaptation is not None and adaptation.months:
        adaptation = Duration(days=min(89, 28 * adaptation.months))
    duration = draw(st.none() | st.integers(4, 12).map(lambda m: Duration(months=m)))
    events.append(Event(kind="grant", on=on, start=start, adaptation=adaptation, duration=duration))
    notified = start + draw(st.integers(0, 100)) * day
    if duration is not None and draw(st.booleans()):
        renewed = start + 100 * day
        events.append(Event(kind="renew", on=renewed, interview=renewed))
        notified = renewed + draw(st.integers(0, 10)) * day
    if draw(st.booleans()):
        side = draw(st.sampled_from(["agent", "employer"]))
        fields = {"reasons": "service", "interview": notified} if side == "employer" else {}
        effective = notified + 70 * day
        events.append(Event(kind="end", on=notified, side=side, effective=effective, **fields))
    return sector, contract, events


#: Names a person may give, markup and punctuation among them.
act_names = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "Zs", "P", "S")), min_size=1, max_size=30
).filter(lambda text: text.strip() != "")


@st.composite
def individual_acts(draw: st.DrawFn) -> object:
    """Individual acts of either sector: fixed, floating or mixed days, with or without a
    duration, a renewal, an adaptation period, names with markup."""
    from teletravail.acts import (
        ActKind,
        AppealBody,
        Employer,
        IndividualAct,
        Modality,
        Sector,
        Teleworker,
    )
    from teletravail.week import Place

    kind = draw(st.sampled_from(list(ActKind)))
    public = kind.sector is Sector.PUBLIC
    appeal = draw(st.sampled_from([AppealBody.CAP, AppealBody.CCP])) if public else AppealBody.NONE
    pattern = draw(st.none() | patterns())
    floating = (
        draw(st.none() | st.integers(1, 30)) if pattern is not None else draw(st.integers(1, 30))
    )
    modality = Modality(
        pattern=pattern, floating=floating, per=draw(st.sampled_from(["week", "month", "year"]))
    )
    duration = draw(
        st.none() | st.sampled_from([Duration(years=1), Duration(months=6), Duration(years=2)])
    )
    renewal = draw(st.none() | st.sampled_from(["express", "tacit"])) if duration else None
    adaptation = draw(
        st.none() | st.sampled_from([Duration(months=1), Duration(months=3), Duration(days=45)])
    )
    places = draw(
        st.lists(
            st.sampled_from(
                [Place.parse(t) for t in ("home", "telecentre:Figeac", "site:Cahors", "other")]
            ),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    return IndividualAct(
        kind=kind,
        employer=Employer(name=draw(act_names), territory=draw(act_names)),
        teleworker=Teleworker(id="A-1", name=draw(act_names), duties=draw(act_names)),
        places=places,
        modality=modality,
        duration=duration,
        renewal=renewal,
        max_renewals=draw(st.none() | st.integers(1, 5)) if renewal else None,
        hours=draw(st.sampled_from(["9:00-12:00", "9h30-12h, 14h-17h", "8:00-18:00"])),
        start=draw(dates),
        adaptation=adaptation,
        notice_agent=Duration(months=2),
        notice_employer=Duration(months=draw(st.integers(1, 3))),
        notice_adaptation=Duration(months=1) if adaptation is not None else None,
        employer_may_shorten=draw(st.booleans()),
        appeal=appeal,
        rules=draw(act_names),
        signed_at=draw(act_names),
        signed_on=draw(dates),
    )


@st.composite
def scheme_authorisation_terms(draw: st.DrawFn) -> object:
    """A scheme's own authorisation terms, or none: a term of 3 to 24 months renewed
    expressly, tacitly or not at all, an adaptation period of 10 to 60 days, notices of
    1 to 3 months (during adaptation too)."""
    from teletravail.policy.terms import AuthorisationTerms

    if draw(st.booleans()):
        return None
    months = st.integers(1, 3).map(lambda m: Duration(months=m))
    duration = draw(st.none() | st.integers(3, 24).map(lambda m: Duration(months=m)))
    renewal = draw(st.sampled_from([None, "express", "tacit"])) if duration else None
    adaptation = draw(st.none() | st.integers(10, 60).map(lambda d: Duration(days=d)))
    return AuthorisationTerms(
        duration=duration,
        renewal=renewal,
        adaptation=adaptation,
        notice_agent=draw(st.none() | months),
        notice_employer=draw(st.none() | months),
        notice_adaptation=draw(st.none() | months) if adaptation else None,
        employer_may_shorten=draw(st.booleans()),
    )


@st.composite
def register_histories(draw: st.DrawFn, terms: object = None) -> object:
    """An authorisation history valid under ``terms``, for a register: one of
    :func:`authorisation_histories`, sometimes suspended (and resumed) after its last
    grant or renewal, or appealed after an ending at the employer's initiative; ``None``
    when the scheme's terms refuse it."""
    from teletravail.procedure import AuthorisationHistory, Event, history_problems

    sector, contract, events = draw(authorisation_histories())
    last = events[-1]
    assert isinstance(last, Event)
    day = dt.timedelta(days=1)
    if last.kind in ("grant", "renew") and draw(st.booleans()):
        on = max(last.on, last.start or last.on) + draw(st.integers(0, 200)) * day
        events.append(Event(kind="suspend", on=on, reasons="service"))
        if draw(st.booleans()):
            events.append(Event(kind="resume", on=on + draw(st.integers(0, 90)) * day))
    elif (
        last.kind == "end"
        and last.side == "employer"
        and sector == "public"
        and draw(st.booleans())
    ):
        events.append(Event(kind="appeal", on=last.on + draw(st.integers(0, 30)) * day))
    if history_problems(events, sector=sector, contract=contract, terms=terms):
        return None
    return AuthorisationHistory(sector=sector, contract=contract, terms=terms, events=events)


#: Cells a hostile register may hold, by column: good ones, and ones each reader must
#: refuse with the same error (bad dates, numbers in words, exponents, units in cells,
#: spaces of all kinds, decimal commas, quotes).
HOSTILE_CELLS: dict[str, list[str]] = {
    "id": ["A", " B ", "C\u00a0", "é-1", "", "  ", "D\u200b", '"E"', '"F;G"', "H'"],
    "date": [
        "2010-01-01",
        " 2011-05-02 ",
        "2013-02-30",
        "01/02/2010",
        "",
        "2010-1-1",
        "1850-01-01",
        "2010-01-01T08:00",
        '"2012-03-04"',
    ],
    "number": [
        "12",
        "12,5",
        " 7.25 ",
        "+3",
        ".5",
        "5.",
        "1e3",
        "1e400",
        "douze",
        "1 000",
        "",
        "nan",
        "-4",
        "12 km",
        "0012345678901234567",
        '"9,5"',
        "١٢",
    ],
    "percent": ["100", "80", "90,5", "120", "0", "", "50 %", "cent"],
    "role": ["instructeur", "équipe", " cadre ", "accueil général", "€uro", ""],
    "flag": ["oui", "non", "yes", "", "peut-être", "1"],
}


class HostileRegister(NamedTuple):
    """A register with French headers and the mapping that reads them, in an encoding
    (UTF-8, Latin-1 or Windows-1252), with ``,`` or ``;``, and lines of every kind:
    good, short, long, an open quote, a blank or a spaces-only line, CRLF endings."""

    data: bytes
    columns: dict[str, str | tuple[str, str]]
    encoding: str


@st.composite
def hostile_registers(draw: st.DrawFn) -> HostileRegister:
    """A hostile register (see :class:`HostileRegister`)."""
    delimiter = draw(st.sampled_from([",", ";"]))
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "cp1252"]))
    header = ["matricule", "date_entree", "trajet_mi", "quotite", "fonction", "volontaire"]
    kinds = ["id", "date", "number", "percent", "role", "flag"]
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 12))):
        cells = [draw(st.sampled_from(HOSTILE_CELLS[kind])) for kind in kinds]
        shape = draw(st.sampled_from(["row"] * 6 + ["short", "long", "quote", "blank", "spaces"]))
        if shape == "short":
            cells = cells[:-1]
        elif shape == "long":
            cells = [*cells, "extra"]
        elif shape == "quote":
            cells[0] = '"' + cells[0]
        line = delimiter.join(cells)
        if shape == "blank":
            line = ""
        elif shape == "spaces":
            line = "  "
        lines.append(line)
    end = draw(st.sampled_from(["\n", "\r\n"]))
    text = end.join(lines) + draw(st.sampled_from(["", end]))
    if encoding != "utf-8":  # what the encoding cannot write, written otherwise
        text = text.encode(encoding, errors="replace").decode(encoding)
    return HostileRegister(
        data=text.encode(encoding),
        columns={
            "matricule": "id",
            "date_entree": "hire_date",
            "trajet_mi": ("commute_distance", "mi"),
            "quotite": ("working_time", "%"),
            "fonction": "role",
            "volontaire": "volunteer",
        },
        encoding=encoding,
    )
