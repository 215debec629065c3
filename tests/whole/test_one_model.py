"""The whole is its parts: a policy's assessment of one agent is what the parts give
for the same pattern, period, calendar, absences, quota and allowance, and the days
and the money are those of independent definitions."""

from __future__ import annotations

import datetime as dt

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Q_, Agent, Policy, Workforce
from teletravail.allowance import Allowance, EmployerCost, OneOff, forfait_teletravail, presets
from teletravail.dated import Period
from teletravail.eligibility import Volunteer
from teletravail.errors import ValidationError
from teletravail.impact.commute import commute_impact
from teletravail.scheduling import (
    PatternError,
    QuotaExceededError,
    WorkCalendar,
    plan,
    review_floating,
)
from teletravail.scheduling.layout import horizon
from teletravail.scheduling.leave import LeaveAssumption
from teletravail.scheduling.quota import Quota
from teletravail.scheduling.schedule import Schedule
from teletravail.scheduling.volumes import DayCaps, FloatingDays
from teletravail.spans import Absence, Authorisation
from teletravail.week import DayPart, PatternDay, Place, WeeklyPattern

from .. import oracles

PLACES = (
    Place(kind="home"),
    Place(kind="telecentre", name="Figeac"),
    Place(kind="other"),
)


@st.composite
def patterns(draw: st.DrawFn) -> WeeklyPattern:
    """Weekly patterns of up to three weekdays, whole or half days, at three places."""
    weekdays = draw(st.lists(st.integers(0, 4), unique=True, min_size=1, max_size=3))
    return WeeklyPattern(
        days=[
            PatternDay(
                weekday=day,
                part=draw(st.sampled_from([DayPart.FULL, DayPart.FULL, DayPart.AM])),
                place=draw(st.sampled_from(PLACES)),
            )
            for day in weekdays
        ]
    )


@st.composite
def quotas(draw: st.DrawFn) -> Quota:
    """Quotas with a maximum, minimum, on-site minimum and granularity, assessed weekly
    or monthly, with or without floating days and caps on days."""
    maximum = draw(st.sampled_from([1.0, 1.5, 2.0, 3.0]))
    quota = Quota(
        maximum=Q_(maximum, "workday/week"),
        minimum=Q_(draw(st.sampled_from([0.0, 1.0])), "workday/week"),
        on_site_minimum=Q_(draw(st.sampled_from([0.0, 2.0])), "workday/week"),
        granularity=draw(st.sampled_from(["day", "halfday"])),
        assessed=draw(st.sampled_from(["week", "month"])),
        floating=draw(
            st.none()
            | st.builds(
                FloatingDays,
                volume=st.integers(1, 12).map(lambda d: Q_(d, "workday")),
                per=st.sampled_from(["week", "month", "year"]),
            )
        ),
        caps=draw(
            st.none()
            | st.builds(
                DayCaps,
                month=st.none() | st.integers(2, 12).map(lambda d: Q_(d, "workday")),
                year=st.none() | st.integers(20, 120).map(lambda d: Q_(d, "workday")),
            )
        ),
    )
    if quota.floating is not None and draw(st.booleans()):
        quota = attrs.evolve(quota, modality="floating")  # floating days only
    return quota


def allowances() -> st.SearchStrategy[Allowance]:
    """The forfait, a one-off amount, an employer cost, the URSSAF limits."""
    return st.lists(
        st.sampled_from(
            [
                forfait_teletravail(),
                OneOff(amount="100 EUR"),
                EmployerCost(name="laptop", amount="700 EUR"),
                presets.urssaf_per_day(),
                presets.urssaf_monthly_flat(),
            ]
        ),
        min_size=1,
        max_size=3,
        unique_by=lambda c: c.name,
    ).map(lambda components: Allowance(components=components))


Case = tuple[Policy, Agent, dt.date, tuple[dt.date, dt.date]]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A policy, an agent with a pattern, the decision date and the period."""
    year = draw(st.integers(2022, 2025))
    start = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 200)))
    end = min(start + dt.timedelta(days=draw(st.integers(20, 500))), dt.date(2025, 12, 31))
    calendar = WorkCalendar(
        subdivision=draw(st.sampled_from([None, "57"])),
        extra_days_off=draw(st.sampled_from([frozenset(), frozenset({start})])),
    )
    policy = Policy(
        name="any",
        territory="anywhere",
        period=Period(start="2021-09-01"),
        eligibility=Volunteer(),
        quota=draw(quotas()),
        places={"home", "telecentre", "other"},
        allowance=draw(allowances()),
        calendar=calendar,
        leave=LeaveAssumption(days=Q_(draw(st.integers(0, 30)), "workday")),
    )
    pattern = draw(patterns())
    free = [d for d in range(5) if d not in pattern.weekdays]
    days_off = draw(st.lists(st.sampled_from(free), unique=True, max_size=1)) if free else []
    absences = None
    if draw(st.booleans()):
        first = start + dt.timedelta(days=draw(st.integers(0, 30)))
        absences = [Absence(start=first, end=first + dt.timedelta(days=draw(st.integers(0, 25))))]
    on = start - dt.timedelta(days=draw(st.integers(0, 60)))
    authorisation = None
    if draw(st.booleans()):
        begins = start + dt.timedelta(days=draw(st.integers(-30, 40)))
        authorisation = Authorisation(
            start=begins,
            end=draw(st.none() | st.just(begins + dt.timedelta(days=draw(st.integers(30, 300))))),
            adaptation=draw(st.sampled_from([None, "1 month", "3 months"])),
            telework_during_adaptation=draw(st.booleans()),
        )
    agent = Agent(
        id="A",
        hire_date="2000-01-01",
        working_time=draw(st.sampled_from(["100 %", "90 %", "80 %"])),
        pattern=pattern,
        days_off=days_off,
        absences=absences,
        commute_distance=Q_(draw(st.integers(1, 60)), "km"),
        telecentre_distance=Q_(draw(st.integers(0, 20)), "km"),
        authorisation=authorisation,
    )
    return policy, agent, max(on, policy.period.start), (start, end)


def _expected(
    policy: Policy, agent: Agent, on: dt.date, start: dt.date, end: dt.date
) -> tuple[Schedule, Schedule | None]:
    """The parts' answer for the period: plan() from the first day the period's year
    counts from to the end (with the floating days review_floating grants on every
    other weekday), then cut at the period's start. Raises what plan() raises."""
    assert policy.quota is not None and agent.pattern is not None
    origin = policy.counted_from(start)
    # floating days fit under the caps of their whole week, month and year: the days
    # are laid out to the end of the year (and of its last week or pooled month)
    reach = end if policy.quota.floating is None else horizon(end, policy.quota)
    authorisation = agent.authorisation or Authorisation(start=on)
    known = agent.absences is not None
    fixed = agent.pattern
    if policy.quota.modality == "floating":  # the ask is checked, then no day is fixed
        plan(fixed, start, end, calendar=policy.calendar, agent=agent, quota=policy.quota)
        fixed = WeeklyPattern.of([])
    whole = plan(
        fixed,
        origin,
        reach,
        calendar=policy.calendar,
        agent=agent,
        quota=policy.quota,
        authorisation=authorisation,
        absences=agent.absences or (),
        leave=None if known else policy.leave,
    )
    if policy.quota.floating is not None:
        asked = [
            origin + dt.timedelta(days=d)
            for d in range((reach - origin).days + 1)
            if (origin + dt.timedelta(days=d)).weekday() not in fixed.weekdays
        ]
        review = review_floating(
            asked,
            quota=policy.quota,
            agent=agent,
            schedule=whole,
            calendar=policy.calendar,
            authorisation=authorisation,
            absences=agent.absences or (),
        )
        whole = whole.with_floating(review, place=policy.default_place())
    cut = whole.dates >= np.datetime64(start, "D")
    within = cut & (whole.dates <= np.datetime64(end, "D"))

    def part(keep: np.ndarray, first: dt.date, last: dt.date) -> Schedule:
        return attrs.evolve(
            whole,
            dates=whole.dates[keep],
            amounts=whole.amounts[keep],
            parts=whole.parts[keep],
            place_codes=whole.place_codes[keep],
            start=first,
            end=last,
        )

    if origin == start:
        return part(within, start, end), None
    earlier = part(~cut, origin, start - dt.timedelta(days=1))
    return attrs.evolve(part(within, start, end), earlier=earlier), earlier


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_one_agent_is_the_parts(
    case: tuple[Policy, Agent, dt.date, tuple[dt.date, dt.date]],
) -> None:
    """assess() gives the days plan() lays out (with the floating days review_floating
    grants on every other day), the money Allowance.compute pays for them and the
    impact commute_impact gives of them; a refused ask is one plan() refuses. A period
    is its part of its year: laid out from the year's first day, its money is the
    year's so far less what the earlier days were due."""
    policy, agent, on, (start, end) = case
    assert policy.quota is not None and policy.allowance is not None
    found = policy.assess(agent, on, period=(start, end))
    try:
        schedule, earlier = _expected(policy, agent, on, start, end)
    except (QuotaExceededError, PatternError):
        assert found.status == "refused"
        return
    assert found.status == "granted", found.failures
    mine = found.schedule
    assert mine.dates.tolist() == schedule.dates.tolist()
    assert mine.amounts.tolist() == schedule.amounts.tolist()
    places = [str(mine.places[c]) for c in mine.place_codes]
    assert places == [str(schedule.places[c]) for c in schedule.place_codes]
    paid = policy.allowance.compute(schedule)
    assert found.allowance_cents == paid.paid_cents
    assert found.employer_cents == paid.employer_cents
    if earlier is not None:  # the same, spelled out: the year so far less the earlier days
        so_far = policy.allowance.compute(
            Schedule.concat([earlier, attrs.evolve(schedule, earlier=None)])
        )
        before = policy.allowance.compute(earlier)
        assert found.allowance_cents == so_far.paid_cents - before.paid_cents
    impact = commute_impact(agent, attrs.evolve(schedule, earlier=None), assumptions=policy.impact)
    assert found.impact["distance_km"] == pytest.approx(float(impact.km[0]), rel=1e-12)
    assert found.impact["hours"] == pytest.approx(float(impact.hours[0]), rel=1e-12)
    assert found.impact["net_kg_co2e"] == pytest.approx(float(impact.net_kg[0]), rel=1e-12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.integers(1, 300))
def test_consecutive_periods_add_up(case: Case, cut: int) -> None:
    """A period cut in two gives, in its two parts, the days and the money of the
    whole: caps on days and on money, leave and floating volumes hold across the cut."""
    policy, agent, on, (start, end) = case
    middle = min(start + dt.timedelta(days=cut), end)
    if middle == start or middle.year != start.year:
        return  # a later year is laid out from its own 1 January (see docs/design.md)
    whole = policy.assess(agent, on, period=(start, end))
    first = policy.assess(agent, on, period=(start, middle - dt.timedelta(days=1)))
    second = policy.assess(agent, on, period=(middle, end))
    assert first.status == second.status == whole.status
    assert first.days + second.days == whole.days
    assert first.allowance_cents + second.allowance_cents == whole.allowance_cents
    assert first.employer_cents + second.employer_cents == whole.employer_cents
    both = first.schedule.dates.tolist() + second.schedule.dates.tolist()
    assert both == whole.schedule.dates.tolist()


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([2023, 2024, 2025]),
    st.lists(st.integers(0, 4), unique=True, min_size=1, max_size=3),
    st.booleans(),
)
def test_days_are_numpy_business_days(year: int, weekdays: list[int], moselle: bool) -> None:
    """A year's days of a weekly pattern, absences known to be none, are numpy's
    business days of those weekdays less the holidays written out by hand."""
    quota = Quota(maximum="3 workday/week")
    policy = Policy(
        name="count",
        territory="France",
        period=Period(start="2020-01-01"),
        eligibility=Volunteer(),
        quota=quota,
        calendar=WorkCalendar(subdivision="57" if moselle else None),
    )
    agent = Agent(id="A", hire_date="2000-01-01", pattern=WeeklyPattern.of(weekdays), absences=())
    found = policy.assess(agent, f"{year}-01-01")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    expected = oracles.weekdays_worked(
        first, last, weekdays, oracles.holidays(year, moselle=moselle)
    )
    assert found.days == Q_(expected, "workday")
    unknown = policy.assess(
        Agent(id="B", hire_date="2000-01-01", pattern=WeeklyPattern.of(weekdays)), f"{year}-01-01"
    )
    working = oracles.working_days(year, oracles.holidays(year, moselle=moselle))
    assert unknown.days == Q_(oracles.after_leave(2 * expected, 25, working) / 2, "workday")


@settings(max_examples=40, deadline=None)
@given(st.lists(cases(), min_size=2, max_size=6))
def test_a_workforce_totals_are_the_sum_of_its_agents(drawn: list[Case]) -> None:
    """Under one policy and period, a workforce's columns are its agents' one by one,
    and its totals their sums."""
    policy, _, on, period = drawn[0]
    years = range(period[0].year, period[1].year + 1)

    def fits(agent: Agent) -> object:  # absences of another year would be an error
        inside = all(a.start.year in years for a in agent.absences or ())
        return agent.absences if inside else None

    agents = [
        Agent(**{**_fields(agent), "id": f"A{i}", "absences": fits(agent)})
        for i, (_, agent, _, _) in enumerate(drawn)
    ]
    batch = policy.assess_workforce(Workforce.from_agents(agents), on, period=period)
    singles = [policy.assess(agent, on, period=period) for agent in agents]
    assert batch.allowance_cents.tolist() == [a.allowance_cents for a in singles]
    assert batch.days.tolist() == [a.days.m_as("workday") for a in singles]
    totals = batch.totals()
    assert totals["days"] == Q_(sum(a.days.m_as("workday") for a in singles), "workday")
    assert round(totals["allowance"].m_as("cent")) == sum(a.allowance_cents for a in singles)
    km = sum(a.impact["distance_km"] for a in singles)
    assert totals["impact_distance"].m_as("km") == pytest.approx(km, rel=1e-12, abs=1e-9)


def _fields(agent: Agent) -> dict[str, object]:
    return attrs.asdict(agent, recurse=False)


def test_bad_periods_and_leave_are_typed_errors() -> None:
    """A period outside the policy's, or a leave that leaves no working day, names the
    field; so do absences that overlap."""
    policy = Policy(
        name="p",
        territory="t",
        period=Period(start="2024-01-01", end="2024-12-31"),
        eligibility=Volunteer(),
        quota=Quota(maximum="2 workday/week"),
    )
    agent = Agent(id="A", hire_date="2000-01-01", pattern="tue")
    with pytest.raises(ValidationError) as caught:
        policy.assess(agent, "2024-01-01", period=("2024-06-01", "2025-01-31"))
    assert caught.value.field == "period"
    with pytest.raises(ValidationError) as caught:
        policy.assess(agent, "2024-01-01", period="2024-02-30..2024-03-01")
    assert caught.value.field == "period.start"
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(policy, leave=LeaveAssumption(days="260 workday")).assess(agent, "2024-01-01")
    assert caught.value.field == "leave"
    few = attrs.evolve(policy, leave=LeaveAssumption(weeks_worked=0.5))
    assert few.assess(agent, "2024-01-01").days == Q_(0.5, "workday")
    with pytest.raises(ValidationError, match="end"):
        Absence(start="2024-01-02", end="2024-01-01")
    overlapping = "2024-01-01/2024-01-10;2024-01-05/2024-01-09"
    with pytest.raises(ValidationError, match="absences"):
        Agent(id="A", hire_date="2000-01-01", absences=overlapping)
