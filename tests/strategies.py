"""Hypothesis strategies for the library's types, shared by every test module."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import strategies as st

from teletravail import Q_
from teletravail.dated import Duration
from teletravail.eligibility import (
    ExcludedRoles,
    HasDerogation,
    MinimumCommuteDistance,
    MinimumCommuteTime,
    MinimumSeniority,
    MinimumWorkingTime,
    Rule,
    TeleworkablePost,
    Volunteer,
)
from teletravail.scheduling.pattern import DayPart, PatternDay, WeeklyPattern
from teletravail.scheduling.schedule import Absence
from teletravail.scheduling.telecentre import Telecentre, TelecentreNetwork
from teletravail.workforce import Agent, CommuteMode, Derogation, DerogationKind

ROLES = ("instructeur", "gestionnaire", "cadre", "production", "travail_social", "juriste")
TAGS = ("public_facing", "applications_metier", "cadre", "encadrement")

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


@st.composite
def derogations(draw: st.DrawFn) -> Derogation:
    """A derogation of any kind over a random span (sometimes open-ended)."""
    start = draw(dates)
    length = draw(st.one_of(st.none(), st.integers(0, 400)))
    end = None if length is None else start + dt.timedelta(days=length)
    return Derogation(kind=draw(st.sampled_from(list(DerogationKind))), start=start, end=end)


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
    )


@st.composite
def agent_lists(draw: st.DrawFn, hired_before: dt.date, max_size: int = 12) -> list[Agent]:
    """Agents with unique ids, all hired on or before ``hired_before``."""
    size = draw(st.integers(1, max_size))
    return [draw(agents(agent_id=f"A{i:03d}", hired_before=hired_before)) for i in range(size)]


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
