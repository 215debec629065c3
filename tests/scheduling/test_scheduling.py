"""Quotas, patterns, calendars, schedules, floating days and workforce counts."""

from __future__ import annotations

import datetime as dt

import attrs
import icalendar
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_, Agent
from teletravail import presets as shipped
from teletravail.errors import ValidationError
from teletravail.scheduling import (
    Absence,
    Authorisation,
    DerogationRule,
    FloatingDays,
    PartTimeCap,
    PatternDay,
    PatternError,
    Place,
    Quota,
    QuotaExceededError,
    WeeklyPattern,
    WorkCalendar,
    WorkingTimeBand,
    plan,
    presets,
    review_floating,
    telework_days,
    whit_monday,
)
from teletravail.week import default_pattern

from ..strategies import (
    absence_lists,
    floating_public_service,
    patterns,
    periods,
    public_service_quota,
    working_time_bounds,
)

TUE_THU = WeeklyPattern.of(["tuesday", "thursday"])


def agent(**fields: object) -> Agent:
    """A full-time agent unless the fields say otherwise."""
    base: dict[str, object] = {"id": "A1", "hire_date": "2010-01-01"}
    base.update(fields)
    return Agent(**base)  # type: ignore[arg-type]


# -- calendars ----------------------------------------------------------------------


def test_french_holidays_and_alsace_moselle() -> None:
    """Alsace-Moselle keeps Good Friday and 26 December on top of the national holidays."""
    national = WorkCalendar().holidays_between("2024-01-01", "2024-12-31")
    moselle = WorkCalendar(subdivision="Moselle").holidays_between("2024-01-01", "2024-12-31")
    assert len(national) == 11
    assert sorted(set(moselle) - set(national)) == [dt.date(2024, 3, 29), dt.date(2024, 12, 26)]
    assert WorkCalendar(subdivision="57") == WorkCalendar(subdivision="Moselle")
    with pytest.raises(ValidationError, match="subdivision"):
        WorkCalendar(subdivision="Bretagne")


def test_solidarity_day_worked_on_whit_monday() -> None:
    """A worked Whit Monday is a working day again."""
    assert whit_monday(2024) == dt.date(2024, 5, 20)
    assert not WorkCalendar().is_working_day("2024-05-20")
    assert WorkCalendar(worked_holidays={whit_monday(2024)}).is_working_day("2024-05-20")
    assert not WorkCalendar(extra_days_off={"2024-05-10"}).is_working_day("2024-05-10")


# -- patterns and quotas ------------------------------------------------------------


def test_pattern_spec_and_places() -> None:
    """Patterns read weekday names in English or French, parts and places."""
    pattern = WeeklyPattern.of({"mardi": "home", "fri": ("am", "telecentre:Figeac")})
    assert pattern.total == Q_(1.5, "workday/week")
    assert pattern.amounts() == (0, 1.0, 0, 0, 0.5, 0, 0)
    assert pattern.places() == (Place(kind="home"), Place(kind="telecentre", name="Figeac"))
    assert str(pattern) == "Tue @ home, Fri am @ telecentre:Figeac"
    with pytest.raises(ValidationError, match="each weekday once"):
        WeeklyPattern(days=[PatternDay(weekday=1), PatternDay(weekday="tuesday")])
    assert str(Place(kind="telecentre")) == "telecentre"  # a télécentre not named
    assert Place.parse("tiers-lieu:Figeac") == Place(kind="telecentre", name="Figeac")
    assert Place.parse("domicile") == Place(kind="home")
    # French words as people type them: accents, capitals, the name after a space
    assert Place.parse("Télécentre Figeac") == Place(kind="telecentre", name="Figeac")
    assert Place.parse("telecentre de Figeac") == Place(kind="telecentre", name="Figeac")
    assert Place.parse("tiers-lieu d'Assier") == Place(kind="telecentre", name="Assier")
    assert Place.parse("site Desnoyers") == Place(kind="site", name="Desnoyers")
    assert Place.parse("TIERS LIEU Saint-Céré") == Place(kind="telecentre", name="Saint-Céré")
    assert Place.parse("autre lieu") == Place(kind="other")
    assert Place.parse("autre lieu Cahors") == Place(kind="other", name="Cahors")
    assert Place.parse("te\u0301le\u0301centre Figeac") == Place(kind="telecentre", name="Figeac")
    with pytest.raises(ValidationError, match=r"place\.kind"):
        Place.parse("garden")
    with pytest.raises(ValidationError, match="weekday"):
        PatternDay(weekday="someday")


def test_pattern_text_reads_back_in_english_and_french() -> None:
    """A pattern's text reads back to the same pattern; French words read as English."""
    pattern = WeeklyPattern.of({"tue": "home", "thu": ("am", "telecentre:Figeac")})
    assert WeeklyPattern.parse(str(pattern)) == pattern
    assert WeeklyPattern.parse("mardi @ domicile; jeudi matin @ télécentre:Figeac") == pattern
    assert WeeklyPattern.parse("no telework") == WeeklyPattern(days=())
    with pytest.raises(ValidationError, match="pattern"):
        WeeklyPattern.parse("tue am pm")


@pytest.mark.parametrize(
    ("per_week", "days_off", "expected"),
    [
        (1, (), "Wed @ home"),
        (1.5, (), "Tue @ home, Thu am @ home"),
        (2, (), "Tue @ home, Thu @ home"),
        (3, (), "Mon @ home, Wed @ home, Fri @ home"),
        (2, ("wednesday",), "Tue @ home, Fri @ home"),
        (0, (), "no telework"),
    ],
)
def test_default_placement(per_week: float, days_off: tuple[str, ...], expected: str) -> None:
    """A number of days a week is placed as documented, on the weekdays worked."""
    assert str(default_pattern(per_week, days_off=days_off)) == expected


def test_default_placement_refuses_what_cannot_be_placed() -> None:
    """Quarter days, or more days than the agent works, cannot be placed."""
    with pytest.raises(ValidationError, match="whole or half days"):
        default_pattern(1.25)
    with pytest.raises(ValidationError, match="at most the 3 weekdays"):
        default_pattern(4, days_off=("mon", "fri"))


@pytest.mark.parametrize(
    ("working_time", "worked", "allowed"),
    [("100 %", 5, 3), ("90 %", 4.5, 2.5), ("80 %", 4, 2), ("60 %", 3, 1), ("50 %", 2.5, 0.5)],
)
def test_part_time_keeps_two_days_on_site(working_time: str, worked: float, allowed: float) -> None:
    """The on-site minimum counts on the days worked: 80 % may telework 2 days, 60 % one."""
    quota = public_service_quota()
    one = agent(working_time=working_time)
    assert quota.days_worked(one.working_time) == worked
    assert quota.allowed(one, "2024-01-01") == Q_(allowed, "workday/week")


def test_check_explains_every_limit() -> None:
    """A refused request names the limit, the observed value, the threshold and the source."""
    lot = shipped.load("lot-2013").quota
    assert lot is not None
    decision = lot.check(WeeklyPattern.of(["mon", "tue"]), agent(), "2013-01-01")
    assert not decision.allowed
    assert decision.failures == ("quota.maximum",)
    assert decision.maximum == Q_(1.5, "workday/week")
    leaf = decision.result.children[0]
    assert (leaf.observed, leaf.threshold) == (Q_(2, "workday/week"), Q_(1.5, "workday/week"))  # type: ignore[union-attr]
    assert "La Gazette des communes, 6 July 2012" in decision.text()
    assert "au plus" in decision.text("fr") and "6 juillet 2012" in decision.text("fr")
    assert decision.to_dict()["failures"] == ["quota.maximum"]
    short = lot.check(WeeklyPattern.of({"mon": ("am", "home")}), agent(), "2013-01-01")
    assert short.failures == ("quota.minimum",)


def test_impossible_patterns_are_typed_errors() -> None:
    """Half days under a whole-day quota, more days than worked, a day off: PatternError."""
    cantal = shipped.load("cantal-2012").quota
    with pytest.raises(PatternError, match="whole days"):
        cantal.check(
            WeeklyPattern.of({"mon": ("am", "home"), "tue": "home"}), agent(), "2012-06-01"
        )
    with pytest.raises(PatternError, match="days the agent works"):
        public_service_quota().check(
            WeeklyPattern.of(["mon", "tue", "wed"]), agent(working_time="50 %"), "2024-01-01"
        )
    with pytest.raises(PatternError, match="not worked"):
        public_service_quota().check(TUE_THU, agent(), "2024-01-01", days_off={3})


def test_derogation_lifts_the_cap_for_its_duration() -> None:
    """A health derogation lifts the 3-day cap, for 6 months from its start at most."""
    held = agent(derogations=["health:2024-01-01/2025-06-30"])
    five = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
    quota = public_service_quota()
    during = quota.check(five, held, "2024-03-01")
    assert during.allowed and during.derogation == "health"
    assert quota.check(five, held, "2024-08-01").failures == ("quota.maximum", "quota.on_site")
    assert not quota.check(five, agent(), "2024-03-01").allowed


def test_quota_validation() -> None:
    """Quotas refuse a minimum above the maximum, rates without a week, unknown settings."""
    with pytest.raises(ValidationError, match="minimum"):
        Quota(maximum="1 workday/week", minimum="2 workday/week")
    with pytest.raises(ValidationError, match="maximum"):
        Quota(maximum="3 workday")
    with pytest.raises(ValidationError, match="granularity"):
        Quota(maximum="3 workday/week", granularity="hour")


# -- schedules ----------------------------------------------------------------------


def test_year_2023_tuesday_thursday_at_home() -> None:
    """2023, Tuesday and Thursday at home: 104 days less Ascension (Thu 18 May) and 15 August."""
    schedule = plan(TUE_THU, "2023-01-01", "2023-12-31")
    assert schedule.total == Q_(102, "workday")
    assert dt.date(2023, 5, 18) not in [d.date for d in schedule]
    counts = schedule.counts("quarter")
    assert list(counts) == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert sum(q.m_as("workday") for q in counts.values()) == 102
    assert schedule.counts("week")["2023-W20"] == Q_(1, "workday")
    assert schedule.counts("year") == {"2023": Q_(102, "workday")}


def test_may_2024_holidays_and_absences() -> None:
    """May 2024: 1, 8 and 9 May and Whit Monday fall away, and so does a week of leave."""
    pattern = WeeklyPattern.of(["mon", "wed", "thu"])
    may = plan(pattern, "2024-05-01", "2024-05-31")
    kept = [d.date.day for d in may]
    assert 1 not in kept and 8 not in kept and 9 not in kept and 20 not in kept
    assert kept == [2, 6, 13, 15, 16, 22, 23, 27, 29, 30]
    on_leave = plan(
        pattern,
        "2024-05-01",
        "2024-05-31",
        absences=[Absence(start="2024-05-13", end="2024-05-17")],
    )
    assert [d.date.day for d in on_leave] == [2, 6, 22, 23, 27, 29, 30]
    with pytest.raises(ValidationError, match="overlap"):
        plan(
            pattern,
            "2024-05-01",
            "2024-05-31",
            absences=[
                Absence(start="2024-05-13", end="2024-05-17"),
                Absence(start="2024-05-17", end="2024-05-20"),
            ],
        )


def test_part_time_agent_schedule() -> None:
    """An 80 % agent off on Wednesdays gets the quota checked and no day off planned."""
    part_time = agent(working_time="80 %")
    quota = public_service_quota()
    schedule = plan(
        TUE_THU, "2024-01-01", "2024-03-31", agent=part_time, quota=quota, days_off={"wednesday"}
    )
    assert {d.date.weekday() for d in schedule} == {1, 3}
    with pytest.raises(QuotaExceededError) as caught:
        plan(
            WeeklyPattern.of(["mon", "tue", "thu"]),
            "2024-01-01",
            "2024-03-31",
            agent=part_time,
            quota=quota,
            days_off={"wednesday"},
        )
    assert caught.value.decision.failures == ("quota.on_site",)
    with pytest.raises(PatternError):
        plan(
            WeeklyPattern.of(["wed"]),
            "2024-01-01",
            "2024-03-31",
            agent=part_time,
            quota=quota,
            days_off={"wednesday"},
        )


def test_authorisation_and_adaptation() -> None:
    """Days outside the authorisation, or in an adaptation period without telework, are dropped."""
    granted = Authorisation(
        start="2024-03-01",
        end="2024-06-30",
        adaptation="3 months",
        telework_during_adaptation=False,
    )
    assert granted.adaptation_end == dt.date(2024, 5, 31)
    schedule = plan(TUE_THU, "2024-01-01", "2024-12-31", authorisation=granted)
    assert min(d.date for d in schedule) == dt.date(2024, 6, 4)
    assert max(d.date for d in schedule) == dt.date(2024, 6, 27)
    with pytest.raises(ValidationError, match="3 months"):
        Authorisation(start="2024-03-01", adaptation="4 months")
    with pytest.raises(ValidationError, match="end"):
        plan(TUE_THU, "2024-02-01", "2024-01-01")


def test_half_days_at_a_telecentre_and_exports() -> None:
    """Half days count 0.5, by place; the iCalendar export parses back, one event a day."""
    pattern = WeeklyPattern.of({"tue": "home", "fri": ("pm", "telecentre:Figeac")})
    schedule = plan(pattern, "2024-01-01", "2024-01-31", agent=agent(id="LOT-7"))
    assert schedule.by_place() == {"home": Q_(5, "workday"), "telecentre:Figeac": Q_(2, "workday")}
    requests = schedule.desk_requests()
    assert [(r.centre, r.day.day, r.half) for r in requests] == [
        ("Figeac", 5, "pm"),
        ("Figeac", 12, "pm"),
        ("Figeac", 19, "pm"),
        ("Figeac", 26, "pm"),
    ]
    parsed = icalendar.Calendar.from_ical(schedule.to_ics())
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(schedule)
    assert events[0]["dtstart"].dt == dt.date(2024, 1, 2)
    assert "Figeac" in str(events[1]["summary"])
    assert schedule.to_records()[1] == {
        "date": "2024-01-05",
        "workdays": 0.5,
        "part": "pm",
        "place": "telecentre:Figeac",
    }


def test_floating_days_review() -> None:
    """Floating days: accepted up to the volume, refused with a reason otherwise."""
    quota = floating_public_service(2)
    fixed = plan(TUE_THU, "2024-01-01", "2024-12-31")
    review = review_floating(
        [
            "2024-02-05",
            "2024-02-06",
            "2024-02-07",
            "2024-05-01",
            "2024-02-12",
            "2024-02-19",
            "2024-02-26",
        ],
        quota=quota,
        agent=agent(),
        schedule=fixed,
        absences=[Absence(start="2024-02-12", end="2024-02-16")],
    )
    assert review.refused == {
        dt.date(2024, 2, 6): "already_teleworking",
        dt.date(2024, 2, 7): "weekly_cap",
        dt.date(2024, 5, 1): "not_working_day",
        dt.date(2024, 2, 12): "absent",
        dt.date(2024, 2, 26): "volume",
    }
    assert review.accepted == (dt.date(2024, 2, 5), dt.date(2024, 2, 19))
    assert len(review.to_dict()["requests"]) == 7
    with pytest.raises(ValidationError, match="floating"):
        review_floating(["2024-02-05"], quota=public_service_quota(), agent=agent())


def test_floating_days_assessed_monthly() -> None:
    """Assessed over a month, a heavy week is fine while the month stays under its share."""
    import attrs

    weekly = floating_public_service(10)
    monthly = attrs.evolve(weekly, assessed="month")
    fixed = plan(TUE_THU, "2024-03-01", "2024-03-31")
    asked = ["2024-03-04", "2024-03-06"]
    assert review_floating(asked, quota=weekly, agent=agent(), schedule=fixed).refused == {
        dt.date(2024, 3, 6): "weekly_cap"
    }
    assert review_floating(asked, quota=monthly, agent=agent(), schedule=fixed).refused == {}


# -- the whole workforce at once ----------------------------------------------------


def test_workforce_counts_match_one_by_one() -> None:
    """Vectorised counts equal the planned schedules, absences and own periods included."""
    patterns = [TUE_THU, WeeklyPattern.of({"mon": ("am", "home")}), WeeklyPattern.of(["fri"])]
    starts = ["2023-01-01", "2023-03-15", "2023-01-01"]
    ends = ["2023-12-31", "2023-12-31", "2023-06-30"]
    absences = (
        [0, 2, 2],
        ["2023-08-01", "2023-01-02", "2023-06-20"],
        ["2023-08-31", "2023-01-06", "2023-07-10"],
    )
    counts = telework_days(
        np.array([p.amounts() for p in patterns]), starts, ends, absences=absences
    )
    for row, (pattern, start, end) in enumerate(zip(patterns, starts, ends, strict=True)):
        spans = [Absence(start=s, end=e) for r, s, e in zip(*absences, strict=True) if r == row]
        assert counts[row] == plan(pattern, start, end, absences=spans).total


def test_workforce_counts_validation() -> None:
    """Bad shapes, amounts and periods are typed errors."""
    with pytest.raises(ValidationError, match="shape"):
        telework_days(np.zeros((3, 5)), "2023-01-01", "2023-12-31")
    with pytest.raises(ValidationError, match="between 0 and 1"):
        telework_days(np.full((1, 7), 2.0), "2023-01-01", "2023-12-31")
    with pytest.raises(ValidationError, match="end"):
        telework_days(np.zeros((1, 7)), "2023-12-31", "2023-01-01")


# -- properties ---------------------------------------------------------------------


@given(patterns(), periods, st.data())
def test_schedule_never_exceeds_quota_and_avoids_days_off(
    pattern: WeeklyPattern, period: tuple[dt.date, dt.date], data: st.DataObject
) -> None:
    """No week above the pattern's weekly total; no holiday, weekend or absence planned."""
    absences = data.draw(absence_lists(period))
    calendar = WorkCalendar(subdivision=data.draw(st.sampled_from([None, "Moselle"])))
    schedule = plan(pattern, *period, calendar=calendar, absences=absences)
    weekly = pattern.total.m_as("workday/week")
    assert all(v.m_as("workday") <= weekly + 1e-9 for v in schedule.counts("week").values())
    holidays = set(calendar.holidays_between(*period))
    for day in schedule:
        assert period[0] <= day.date <= period[1]
        assert day.date.weekday() < 5 and day.date not in holidays
        assert not any(a.start <= day.date <= a.end for a in absences)


@given(patterns(), periods)
def test_counts_agree_across_periods(
    pattern: WeeklyPattern, period: tuple[dt.date, dt.date]
) -> None:
    """Weeks, months, quarters and years all add up to the schedule's total."""
    schedule = plan(pattern, *period)
    total = schedule.total.m_as("workday")
    for per in ("week", "month", "quarter", "year"):
        assert sum(v.m_as("workday") for v in schedule.counts(per).values()) == pytest.approx(total)


@given(st.lists(patterns(), min_size=1, max_size=5), periods)
def test_vectorised_counts_equal_plans(
    chosen: list[WeeklyPattern], period: tuple[dt.date, dt.date]
) -> None:
    """telework_days over many agents equals planning each agent's schedule."""
    counts = telework_days(np.array([p.amounts() for p in chosen]), *period)
    for row, pattern in enumerate(chosen):
        assert counts[row].m_as("workday") == pytest.approx(
            plan(pattern, *period).total.m_as("workday")
        )


@given(patterns(), st.sampled_from(["100 %", "90 %", "80 %", "60 %", "50 %"]))
def test_allowed_patterns_respect_every_limit(pattern: WeeklyPattern, working_time: str) -> None:
    """Whenever the national quota allows a pattern, it keeps 2 days on site and <= 3 days."""
    one = agent(working_time=working_time)
    quota = public_service_quota()
    try:
        decision = quota.check(pattern, one, "2024-01-01")
    except PatternError:
        return
    asked = pattern.total.m_as("workday/week")
    if decision.allowed:
        assert asked <= 3
        assert quota.days_worked(one.working_time) - asked >= 2
        assert asked <= decision.maximum.m_as("workday/week")


def test_unknown_telecentre_in_a_pattern() -> None:
    """Planned against a network, a pattern naming an unknown télécentre is refused."""
    from teletravail.scheduling import aurillac_figeac_decazeville_2012

    network = aurillac_figeac_decazeville_2012()
    good = WeeklyPattern.of({"tue": "telecentre:Figeac"})
    assert len(plan(good, "2024-01-01", "2024-01-31", network=network)) == 5
    with pytest.raises(ValidationError, match="Figeac"):
        plan(
            WeeklyPattern.of({"tue": "telecentre:Figeak"}),
            "2024-01-01",
            "2024-01-31",
            network=network,
        )


def test_workforce_counts_from_patterns() -> None:
    """telework_days takes the patterns themselves, one per agent."""
    counts = telework_days([TUE_THU, WeeklyPattern.of(["fri"])], "2023-01-01", "2023-12-31")
    assert counts.m_as("workday").tolist() == [102.0, 51.0]


@given(patterns(), st.sampled_from(["100 %", "80 %", "60 %"]), periods)
def test_planned_under_a_quota_never_exceeds_it(
    pattern: WeeklyPattern, working_time: str, period: tuple[dt.date, dt.date]
) -> None:
    """Whatever a quota lets through, no week of the schedule goes above what it allows."""
    one = agent(working_time=working_time)
    quota = public_service_quota()
    try:
        schedule = plan(pattern, *period, agent=one, quota=quota)
    except (QuotaExceededError, PatternError):
        return
    allowed = quota.allowed(one, period[0]).m_as("workday/week")
    assert all(v.m_as("workday") <= allowed + 1e-9 for v in schedule.counts("week").values())


def test_plan_checks_the_quota_wherever_a_derogation_ends() -> None:
    """A 5-day pattern planned across the end of a derogation is refused, naming that date."""
    held = agent(derogations=["carer:2024-01-01/2024-02-29"])
    five = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
    quota = public_service_quota()
    assert len(plan(five, "2024-01-01", "2024-02-29", agent=held, quota=quota)) > 0
    with pytest.raises(QuotaExceededError) as caught:
        plan(five, "2024-01-01", "2024-06-30", agent=held, quota=quota)
    assert caught.value.decision.on == dt.date(2024, 3, 1)


def test_workforce_absences_are_checked() -> None:
    """Overlapping or backwards absence spans are refused, not subtracted twice."""
    five = np.array([WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"]).amounts()])
    with pytest.raises(ValidationError, match="overlap"):
        telework_days(
            five,
            "2024-03-01",
            "2024-03-31",
            absences=([0, 0], ["2024-03-04", "2024-03-05"], ["2024-03-08", "2024-03-06"]),
        )
    with pytest.raises(ValidationError, match="end on or after"):
        telework_days(
            five, "2024-03-01", "2024-03-31", absences=([0], ["2024-03-10"], ["2024-03-04"])
        )
    with pytest.raises(ValidationError, match="ISO dates"):
        telework_days(five, ["2024-13-01"], "2024-12-31")
    with pytest.raises(ValidationError, match="table"):
        telework_days(five, "2024-01-01", "2024-12-31", absences=([0], ["2024-03-04"]))  # type: ignore[arg-type]
    assert telework_days(five, np.datetime64("2024-03-01"), "2024-03-31")[0] == Q_(21, "workday")


def test_floating_requests_in_order_and_once() -> None:
    """Requests are answered in the order given; the same date twice is granted once."""
    review = review_floating(
        ["2024-02-06", "2024-02-05", "2024-02-06"],
        quota=floating_public_service(5),
        agent=agent(),
    )
    assert review.decisions == (
        (dt.date(2024, 2, 6), None),
        (dt.date(2024, 2, 5), None),
        (dt.date(2024, 2, 6), "already_teleworking"),
    )


def test_floating_days_keep_two_days_on_site_in_short_weeks() -> None:
    """In the week of 8 and 9 May 2024, Mon+Tue fixed leave no room for a Friday."""
    fixed = plan(WeeklyPattern.of(["mon", "tue"]), "2024-05-01", "2024-05-31")
    review = review_floating(
        ["2024-05-10", "2024-05-17"],
        quota=floating_public_service(5),
        agent=agent(),
        schedule=fixed,
    )
    assert review.refused == {dt.date(2024, 5, 10): "weekly_cap"}


def test_monthly_assessment_pools_the_weeks_of_a_month() -> None:
    """Monthly, a month holds the caps of its weeks (each week in its Thursday's month)."""
    import attrs

    monthly = attrs.evolve(floating_public_service(10), assessed="month")
    fixed = plan(WeeklyPattern.of(["mon", "tue"]), "2024-07-01", "2024-07-31")
    asked = ["2024-07-03", "2024-07-04", "2024-07-05", "2024-07-10", "2024-07-17", "2024-07-24"]
    review = review_floating(asked, quota=monthly, agent=agent(), schedule=fixed)
    # July's weeks are those whose Thursday is in July (the week of 29 July is August's):
    # 4 weeks x 3 days = 12 at most, 8 of them fixed, so 4 floating days
    assert len(review.accepted) == 4
    assert review.refused == {
        dt.date(2024, 7, 17): "monthly_cap",
        dt.date(2024, 7, 24): "monthly_cap",
    }
    weekly = floating_public_service(10)
    assert review_floating(asked[:3], quota=weekly, agent=agent(), schedule=fixed).refused == {
        dt.date(2024, 7, 4): "weekly_cap",
        dt.date(2024, 7, 5): "weekly_cap",
    }


def test_days_off_count_against_days_worked() -> None:
    """A full-time agent with a weekday off works 4 days and keeps 2 on site."""
    quota = public_service_quota()
    assert quota.days_worked(agent().working_time, {"wed"}) == 4
    decision = quota.check(
        WeeklyPattern.of(["mon", "tue", "thu"]), agent(), "2024-01-01", days_off="wednesday"
    )
    assert decision.failures == ("quota.on_site",)


def test_non_renewable_derogation_covers_the_first_grant_only() -> None:
    """A derogation a policy makes non-renewable lifts the cap for its first grant only;
    the national exceptional one is renewable (the décret sets no limit on renewal)."""
    held = agent(
        derogations=["exceptional:2024-01-01/2024-03-31", "exceptional:2024-04-01/2024-06-30"]
    )
    national = public_service_quota()
    once = attrs.evolve(national, derogations=[DerogationRule(kind="exceptional", renewable=False)])
    assert once.allowed(held, "2024-02-01") == Q_(5, "workday/week")
    assert once.allowed(held, "2024-05-01") == Q_(3, "workday/week")
    assert national.allowed(held, "2024-05-01") == Q_(5, "workday/week")
    assert shipped.load("lot-2013").quota.derogations == ()


def test_impossible_patterns_without_a_quota() -> None:
    """Weekend days and days off are PatternErrors even when no quota is given."""
    with pytest.raises(PatternError, match="weekend"):
        plan(WeeklyPattern.of(["saturday"]), "2024-01-01", "2024-01-31")
    with pytest.raises(PatternError, match="does not work"):
        plan(TUE_THU, "2024-01-01", "2024-01-31", days_off="thursday")
    with pytest.raises(PatternError, match="weekday 5"):
        public_service_quota().check(WeeklyPattern.of(["saturday"]), agent(), "2024-01-01")


@pytest.mark.parametrize(
    "call",
    [
        lambda: WorkCalendar(country="DE"),
        lambda: Quota(maximum="3 workday/week", full_week=0),
        lambda: FloatingDays(volume="3 workday", per="day"),
        lambda: WeeklyPattern.of(None),  # type: ignore[arg-type]
        lambda: WeeklyPattern.of({"mon": ("am",)}),
        lambda: public_service_quota().check(TUE_THU, None, "2024-01-01"),  # type: ignore[arg-type]
        lambda: public_service_quota().allowed(None, "2024-01-01"),  # type: ignore[arg-type]
        lambda: public_service_quota().derogation(agent(), "someday"),
        lambda: whit_monday("2024"),  # type: ignore[arg-type]
        lambda: plan(TUE_THU, "2024-01-01", "2024-01-31", calendar="FR"),  # type: ignore[arg-type]
        lambda: plan(TUE_THU, "2024-01-01", "2024-01-31", absences=[("2024-01-02", "2024-01-05")]),  # type: ignore[list-item]
        lambda: plan(TUE_THU, "2024-01-01", "2024-01-31", absences=None),  # type: ignore[arg-type]
        lambda: plan(TUE_THU, "2024-01-01", "2024-01-31", quota="x"),  # type: ignore[arg-type]
        lambda: review_floating("2024-02-05", quota=floating_public_service(2), agent=agent()),
        lambda: review_floating(["2024-02-05"], quota=None, agent=agent()),  # type: ignore[arg-type]
        lambda: Authorisation(start="2024-01-01", telework_during_adaptation="no"),  # type: ignore[arg-type]
        lambda: Absence(start="2024-01-01", end="2024-01-02", kind=None),  # type: ignore[arg-type]
        lambda: WorkCalendar().count_by_weekday(["2024-01-01", "2024-02-01"], ["2024-01-31"]),
    ],
)
def test_bad_arguments_are_validation_errors(call: object) -> None:
    """Every malformed argument to the scheduling API is a ValidationError."""
    with pytest.raises(ValidationError):
        call()  # type: ignore[operator]


def test_ics_and_records_say_which_half() -> None:
    """Morning and afternoon half days are named in the export and the records."""
    pattern = WeeklyPattern.of({"tue": ("am", "home"), "thu": ("pm", "home")})
    schedule = plan(pattern, "2024-01-01", "2024-01-07")
    summaries = [
        str(e["summary"]) for e in icalendar.Calendar.from_ical(schedule.to_ics()).walk("VEVENT")
    ]
    assert summaries == ["Telework at home (morning)", "Telework at home (afternoon)"]
    assert [r["part"] for r in schedule.to_records()] == ["am", "pm"]
    assert WorkCalendar().weekmask(["mon", "wed"]) == "1010000"


def test_part_time_caps_are_a_policy_option() -> None:
    """With the ministerial part-time caps, a 90 % agent may telework 2.5 days, not 2.5+."""
    import attrs

    quota = attrs.evolve(public_service_quota(), part_time=presets.part_time_caps())
    ninety = agent(working_time="90 %")
    assert public_service_quota().allowed(ninety, "2024-01-01") == Q_(2.5, "workday/week")
    three = WeeklyPattern.of(["mon", "tue", "thu"])
    assert public_service_quota().check(three, agent(), "2024-01-01").allowed
    decision = quota.check(three, ninety, "2024-01-01")
    assert decision.failures == ("quota.maximum", "quota.on_site")
    leaf = decision.result.children[0]
    assert leaf.threshold == Q_(2.5, "workday/week")  # type: ignore[union-attr]
    assert leaf.source is not None and leaf.source.unconfirmed  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="low bound"):
        PartTimeCap(low="90 %", high="60 %", maximum="2 workday/week")


@given(
    low=working_time_bounds,
    high=st.none() | working_time_bounds,
    shares=st.lists(working_time_bounds, min_size=1, max_size=8),
)
def test_part_time_caps_cap_the_part_time_working_times_of_their_band(
    low: float, high: float | None, shares: list[float]
) -> None:
    """A part-time cap's band is a band of working times like a population's; the cap
    applies to its working times under 100 %, both ends included (to 100 % excluded
    without a high bound); both refuse a high bound under the low one."""
    given_high = {} if high is None else {"high": f"{high} %"}
    if high is not None and (high < low or high >= 100):
        why = "at least the low bound" if high < low else "a part-time working time"
        with pytest.raises(ValidationError, match=why):
            PartTimeCap(low=f"{low} %", maximum="2 workday/week", **given_high)
        if high < low:
            with pytest.raises(ValidationError, match="at least the low bound"):
                WorkingTimeBand(low=f"{low} %", high=f"{high} %")
        return
    cap = PartTimeCap(low=f"{low} %", maximum="2 workday/week", **given_high)
    assert cap.band == WorkingTimeBand(low=f"{low} %", high=f"{100 if high is None else high} %")
    column = np.array(shares)
    by_hand = [low <= s and (s < 100 if high is None else s <= high) for s in shares]
    assert cap.contains(column).tolist() == by_hand
    assert [cap.applies(s) for s in shares] == by_hand
    assert cap.band.contains_part_time(column).tolist() == by_hand
    assert cap.band.contains(column).tolist() == [
        low <= s <= (100 if high is None else high) for s in shares
    ]
    assert (cap.low_percent, cap.high_percent) == (low, 100 if high is None else high)


def test_schedules_concatenate_and_take_floating_days() -> None:
    """A year planned in two pieces joins into one; granted floating days join it too."""
    first = plan(TUE_THU, "2024-01-01", "2024-06-30", agent=agent())
    second = plan(
        WeeklyPattern.of({"wed": "telecentre:Figeac"}), "2024-07-01", "2024-12-31", agent=agent()
    )
    year = type(first).concat([second, first])
    assert len(year) == len(first) + len(second)
    assert year.dates[0] == np.datetime64("2024-01-02")
    assert set(year.by_place()) == {"home", "telecentre:Figeac"}
    with pytest.raises(ValidationError, match="one schedule only"):
        type(first).concat([first, first])
    review = review_floating(
        ["2024-02-05"], quota=floating_public_service(2), agent=agent(), schedule=first
    )
    more = first.with_floating(review)
    assert more.total == first.total + Q_(1, "workday")
    assert more.agent_id == "A1"


def test_workforce_counts_from_many_shared_patterns() -> None:
    """Thousands of agents sharing a few patterns are counted from those patterns."""
    shared = [TUE_THU, WeeklyPattern.of(["fri"])] * 2000
    counts = telework_days(shared, "2023-01-01", "2023-12-31").m_as("workday")
    assert counts[:4].tolist() == [102.0, 51.0, 102.0, 51.0]
    with pytest.raises(ValidationError, match=r"amounts\[1\]"):
        telework_days([TUE_THU, "fri"], "2023-01-01", "2023-12-31")  # type: ignore[list-item]


def test_weekdays_as_text_on_a_calendar_and_an_agent() -> None:
    """A weekend and days off are read alike: names in English or French, numbers, or
    text separated by ';' or ','; a set of all seven weekdays is refused."""
    assert WorkCalendar(weekend="vendredi; samedi").weekend == frozenset({4, 5})
    assert WorkCalendar(weekend=[5, "sunday"]).weekend == frozenset({5, 6})
    with pytest.raises(ValidationError, match=r"weekend: .*one weekday"):
        WorkCalendar(weekend=range(7))
    with pytest.raises(ValidationError, match="weekend"):
        WorkCalendar(weekend={"sat": True})


def test_subdivisions_by_code_name_or_departement() -> None:
    """Alsace-Moselle is written as its codes, its names or the Alsace départements, in
    any case; every spelling gives Good Friday and 26 December off."""
    for spelling in ("57", "Moselle", "moselle", "6AE", "Alsace", "67", "68", "Alsace-Moselle"):
        days = WorkCalendar(subdivision=spelling).holidays_between("2024-01-01", "2024-12-31")
        assert {dt.date(2024, 3, 29), dt.date(2024, 12, 26)} <= set(days), spelling
    assert WorkCalendar(subdivision="Guadeloupe").subdivision == "971"
    with pytest.raises(ValidationError, match=r"subdivision: .*6AE"):
        WorkCalendar(subdivision="99")


def test_part_time_bands_never_cap_full_time_agents() -> None:
    """A band's high bound is a part-time working time: 100 % is refused (it capped
    full-time agents too); a band without bounds is any part-time agent."""
    with pytest.raises(ValidationError, match="under 100 %") as caught:
        PartTimeCap(low="50 %", high="100 %", maximum="1 workday/week")
    assert caught.value.field == "high"
    any_part_time = Quota(
        maximum="3 workday/week",
        part_time=[PartTimeCap(maximum="1 workday/week")],
    )
    assert any_part_time.part_time[0].describe() == "any part-time working time"
    caps = any_part_time.caps_columns([50.0, 80.0, 99.5, 100.0])
    assert caps.tolist() == [1.0, 1.0, 1.0, 3.0]


def test_a_second_exceptional_derogation_lifts_the_cap_through_every_entry_point() -> None:
    """Two successive exceptional-situation derogations (art. 4 sets no limit on their
    renewal) each lift the 3-day cap: four days a week in both spans, the same days
    through plan(), one agent's assessment and a workforce's. Counted by hand: Mon-Thu
    from 1 January to 31 March 2024 are 13 weeks of 4 days less New Year's Day, so 51;
    1 May to 30 June are 18 + 16 Mon-Thu less 1 and 8 May, Ascension (9 May) and Whit
    Monday (20 May), so 30."""
    from teletravail import Workforce, load_policy

    public = load_policy("public-service")
    held = Agent(
        id="E",
        hire_date="2015-01-01",
        pattern="mon, tue, wed, thu",
        absences="none",
        derogations=["exceptional:2024-01-01/2024-03-31", "exceptional:2024-05-01/2024-06-30"],
    )
    four = WeeklyPattern.of(["mon", "tue", "wed", "thu"])
    staff = Workforce.from_agents([attrs.evolve(held, id="other", derogations=()), held])
    for start, end, expected in (
        ("2024-01-01", "2024-03-31", 51),
        ("2024-05-01", "2024-06-30", 30),
    ):
        assert public.quota.allowed(held, end) == Q_(5, "workday/week")
        days = plan(four, start, end, agent=held, quota=public.quota, calendar=public.calendar)
        one = public.assess(held, on=start, period=(start, end))
        many = public.assess(staff, on=start, period=(start, end))
        assert days.total == Q_(expected, "workday")
        assert one.status == "granted" and one.days == Q_(expected, "workday")
        assert many.statuses().tolist() == ["refused", "granted"]
        assert many.days.tolist()[1] == expected
    assert public.quota.allowed(held, "2024-04-15") == Q_(3, "workday/week")


def test_a_health_derogation_renewed_beyond_its_rule_does_not_lift_the_cap() -> None:
    """Renewed once at most: the third grant does not lift the cap, and the quota says
    why, with the rule's source, in both languages."""
    from teletravail.scheduling.derogations import DECRET_2021_1725

    once = DerogationRule(kind="health", duration="6 months", renewals=1, source=DECRET_2021_1725)
    quota = attrs.evolve(public_service_quota(), derogations=[once])
    held = agent(
        derogations=[
            "health:2024-01-01/2024-06-30",
            "health:2024-07-01/2024-12-31",
            "health:2025-01-01/2025-06-30",
        ]
    )
    assert quota.allowed(held, "2024-03-01") == Q_(5, "workday/week")
    assert quota.allowed(held, "2024-09-01") == Q_(5, "workday/week")
    assert quota.allowed(held, "2025-02-03") == Q_(3, "workday/week")
    assert quota.derogation_lapse(held, "2024-09-01") is None
    reason = quota.derogation_lapse(held, "2025-02-03")
    assert reason is not None
    assert reason == (
        "the grant of 1 January 2025 is renewal number 2, beyond the renewals the rule"
        " allows: at most 1 (décret n° 2016-151 du 11 février 2016, art. 4, as amended by"
        " décret n° 2021-1725 du 21 décembre 2021)"
    )
    assert reason.text("fr").startswith(
        "l'octroi du 1er janvier 2025 est le renouvellement n°\u00a02, au-delà des"
        " renouvellements que la règle permet\u00a0: au plus 1 (décret n° 2016-151"
    )
    with pytest.raises(QuotaExceededError):
        plan(
            WeeklyPattern.of(["mon", "tue", "wed", "thu"]),
            "2025-01-06",
            "2025-01-31",
            agent=held,
            quota=quota,
        )
    # the national rule sets no limit: the third grant lifts the cap
    assert public_service_quota().allowed(held, "2025-02-03") == Q_(5, "workday/week")
    # past its longest length, a grant lapses too, and says when
    long = agent(derogations=["health:2024-01-01/2024-12-31"])
    late = quota.derogation_lapse(long, "2024-08-01")
    assert late is not None and "reached its longest length of 6 months on 1 July 2024" in late
    with pytest.raises(ValidationError, match="renewals"):
        DerogationRule(kind="health", renewals=-1)
