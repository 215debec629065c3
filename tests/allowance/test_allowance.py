"""Allowances: exact money, dated rates and caps, composition, payments, workforces."""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_, Agent
from teletravail.allowance import (
    Allowance,
    AllowanceResult,
    EmployerCost,
    MonthlyFlat,
    NotPayableError,
    OneOff,
    PerDay,
    forfait_teletravail,
    payment_calendar,
    presets,
)
from teletravail.dated import DatedParameter, DatedValue
from teletravail.errors import UnitError, ValidationError
from teletravail.money import half_days, millicents, pay
from teletravail.scheduling import Schedule, WeeklyPattern, aurillac_figeac_decazeville_2012, plan
from teletravail.sources import Source
from teletravail.spans import Authorisation

from ..strategies import lot_allowance

TUE_THU = WeeklyPattern.of(["tue", "thu"])
FIVE = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
AGENT = Agent(id="A1", hire_date="2010-01-01")


def first_days(year: int, count: float) -> Schedule:
    """The first ``count`` working days of ``year`` (a last half day for .5), over the
    whole year: a schedule of exactly that many days."""
    whole = plan(FIVE, f"{year}-01-01", f"{year}-12-31")
    n = int(np.ceil(count))
    amounts = np.ones(n)
    if count != n:
        amounts[-1] = 0.5
    return attrs.evolve(
        whole,
        dates=whole.dates[:n],
        amounts=amounts,
        parts=np.where(amounts == 1, 0, 1).astype(np.int8),
        place_codes=whole.place_codes[:n],
    )


def decimal_cents(days: float, rate: str, cap: str | None) -> int:
    """The amount of ``days`` at ``rate`` EUR a day, rounded half up to the cent and
    capped, computed with Decimal: the definition the library's integers must meet."""
    amount = (Decimal(str(days)) * Decimal(rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if cap is not None:
        amount = min(amount, Decimal(cap))
    return int(amount * 100)


def test_88_days_are_exactly_the_cap_and_89_are_capped() -> None:
    """88 × 2.88 EUR is exactly 253.44 EUR, the 2023 cap; 89 days pay no more."""
    forfait = forfait_teletravail()
    paid = [forfait.line(first_days(2023, n)).cents for n in (88, 89, 87)]
    assert paid == [25344, 25344, 25056]
    assert [forfait.line(first_days(2024, n)).cents for n in (98, 99)] == [28224, 28224]
    assert forfait.line(first_days(2022, 0.5)).cents == 125


def test_money_rounding_rule() -> None:
    """Rates are exact in millicents; a half cent rounds up, once per period."""
    assert millicents("2.88 EUR/workday", "rate", "EUR/workday") == 288_000
    assert pay(half_days([0.5]), millicents("2.875 EUR/workday", "r", "EUR/workday")).tolist() == [
        144
    ]
    assert pay(half_days([1, 2]), 287_500).tolist() == [288, 575]
    with pytest.raises(ValidationError, match="five decimals"):
        millicents("2.123456 EUR", "amount")
    with pytest.raises(ValidationError, match="half a day"):
        half_days([1.25])
    with pytest.raises(ValidationError, match=">= 0"):
        half_days([-1])


def test_a_period_spanning_the_2023_rate_change() -> None:
    """Days before 2023-01-01 are paid 2.50 EUR, after at 2.88 EUR, each year capped apart."""
    schedule = plan(TUE_THU, "2022-10-01", "2023-03-31", agent=AGENT)
    line = forfait_teletravail().line(schedule)
    assert [(p.period, p.days, p.cents) for p in line.periods] == [
        ("2022", Q_(25, "workday"), 25 * 250),
        ("2023", Q_(26, "workday"), 26 * 288),
    ]
    assert line.cents == 25 * 250 + 26 * 288


def test_each_calendar_year_is_capped_on_its_own() -> None:
    """Five days a week for two years: each year hits its own cap (2024's is 282.24)."""
    five = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
    line = forfait_teletravail().line(plan(five, "2023-01-01", "2024-12-31"))
    assert [(p.period, p.cap, p.cents) for p in line.periods] == [
        ("2023", 25344, 25344),
        ("2024", 28224, 28224),
    ]


def test_days_before_the_forfait_and_at_non_payable_places_are_not_paid() -> None:
    """Days before 2021-09-01 have no rate; a télécentre with a canteen is not payable."""
    import attrs

    schedule = plan(
        WeeklyPattern.of({"tue": "home", "thu": "telecentre:Figeac"}), "2021-08-01", "2021-09-30"
    )
    network = aurillac_figeac_decazeville_2012()
    canteen = attrs.evolve(
        network,
        centres=tuple(attrs.evolve(c, allowance_payable=c.name != "Figeac") for c in network),
    )
    line = forfait_teletravail().line(schedule, network=canteen)
    assert line.excluded == {"place": Q_(9, "workday"), "no_rate": Q_(5, "workday")}
    assert line.days == Q_(4, "workday") and line.cents == 4 * 250


def test_one_off_and_employer_costs_stay_apart() -> None:
    """The Lot's 100 EUR is paid to the agent; the laptop is the employer's cost."""
    result = lot_allowance(laptop="750 EUR").compute(plan(TUE_THU, "2013-01-01", "2013-03-31"))
    assert result.paid == Q_(100, "EUR")
    assert result.employer_costs == Q_(750, "EUR")
    document = json.loads(json.dumps(result.to_dict()))
    assert document["paid"] == {"value": "100.00", "unit": "EUR"}
    assert document["employer_costs"] == {"value": "750.00", "unit": "EUR"}
    assert AllowanceResult.from_dict(document) == result
    home_only = OneOff(amount="100 EUR", places={"home"})
    assert home_only.due("home") == Q_(100, "EUR")
    with pytest.raises(NotPayableError, match="home"):
        home_only.due("telecentre:Figeac")
    at_centre = plan(WeeklyPattern.of({"tue": "telecentre:Figeac"}), "2013-01-01", "2013-03-31")
    assert home_only.line(at_centre).cents == 0


def test_a_one_off_is_paid_once_at_the_start_of_the_authorisation() -> None:
    """Over two years, the one-off falls in the year the authorisation starts, and a
    period that starts after it pays nothing."""
    lot = lot_allowance()
    authorisation = Authorisation(start="2013-01-01")
    both = plan(TUE_THU, "2013-01-01", "2014-12-31", authorisation=authorisation)
    assert lot.compute(both).paid_cents == 10000
    later = plan(TUE_THU, "2014-01-01", "2014-12-31", authorisation=authorisation)
    assert lot.compute(later).paid_cents == 0
    calendar = payment_calendar(lot, both)
    assert [(p.date, p.cents) for p in calendar.payments] == [(dt.date(2013, 3, 31), 10000)]


def test_components_add_up_line_by_line() -> None:
    """A policy's allowance is the sum of its lines, each shown apart."""
    allowance = Allowance(
        components=[
            OneOff(amount="100 EUR"),
            forfait_teletravail(),
            EmployerCost(name="laptop", amount="700 EUR"),
        ]
    )
    result = allowance.compute(plan(TUE_THU, "2023-01-01", "2023-12-31"))
    assert [line.cents for line in result.lines] == [10000, 25344, 70000]
    assert result.paid_cents == 10000 + 25344
    with pytest.raises(ValidationError, match="components"):
        Allowance(components=["forfait"])  # type: ignore[list-item]


def test_private_sector_limits() -> None:
    """URSSAF: 2.60 EUR a day capped at 57.20 EUR a month in 2023; 10.40 EUR per weekly day."""
    five = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
    line = presets.urssaf_per_day().line(plan(five, "2023-01-01", "2023-02-28"))
    assert [(p.period, p.cents) for p in line.periods] == [("2023-01", 5720), ("2023-02", 5200)]
    flat = presets.urssaf_monthly_flat().line_for("2 workday/week", "2023-01-15", "2023-03-10")
    assert flat.cents == 3 * 2080
    agreement = presets.urssaf_per_day(collective_agreement=True)
    assert agreement.rate.as_of("2025-06-01") == Q_(3.30, "EUR/workday")
    assert presets.urssaf_monthly_flat().rate.entry_as_of("2025-06-01").source.unconfirmed
    assert presets.urssaf_per_day().line(first_days(2023, 10)).cents == 10 * 260  # under the cap
    # a monthly flat amount paid through a schedule: its pattern's days a week
    schedule = plan(TUE_THU, "2023-01-15", "2023-03-10")
    assert presets.urssaf_monthly_flat().line(schedule).cents == 3 * 2080


def test_first_payment_of_2021_in_q1_2022() -> None:
    """The forfait's days of September to December 2021 were paid in the first quarter of 2022."""
    schedule = plan(TUE_THU, "2021-09-01", "2022-06-30", agent=AGENT)
    calendar = payment_calendar(forfait_teletravail(), schedule, first_payment="2022-03-31")
    assert [(p.date, p.covers) for p in calendar.payments] == [
        (dt.date(2022, 3, 31), "2021-Q3, 2021-Q4"),
        (dt.date(2022, 3, 31), "2022-Q1"),
        (dt.date(2022, 6, 30), "2022-Q2"),
    ]
    assert calendar.payments[0].amount == Q_(85, "EUR")
    assert calendar.total_cents == forfait_teletravail().line(schedule).cents


def test_regularisation_at_the_end_of_the_next_first_quarter() -> None:
    """Paid on the days authorised, adjusted to the days worked on 31 March of the next year."""
    authorised = plan(TUE_THU, "2023-01-01", "2023-12-31")
    worked = plan(WeeklyPattern.of(["tue"]), "2023-01-01", "2023-12-31")
    calendar = payment_calendar(forfait_teletravail(), authorised, worked=worked)
    quarters = [p for p in calendar.payments if p.kind == "quarter"]
    assert [p.date for p in quarters] == [
        dt.date(2023, 3, 31),
        dt.date(2023, 6, 30),
        dt.date(2023, 9, 30),
        dt.date(2023, 12, 31),
    ]
    assert sum(p.cents for p in quarters) == 25344  # capped along the way
    regularisation = calendar.payments[-1]
    assert (regularisation.kind, regularisation.date) == ("regularisation", dt.date(2024, 3, 31))
    assert calendar.total_cents == forfait_teletravail().line(worked).cents


def test_bad_input_is_typed() -> None:
    """A rate without a time base, negative days, an end before a start: typed errors."""
    no_time_base = DatedParameter(
        name="r", values=[DatedValue(start="2020-01-01", value="2 EUR", source=Source(title="t"))]
    )
    with pytest.raises(UnitError, match="no time base"):
        PerDay(rate=no_time_base)
    with pytest.raises(ValidationError, match="end"):
        presets.urssaf_monthly_flat().line_for("2 workday/week", "2023-03-01", "2023-01-01")
    mid_year = DatedParameter(
        name="r",
        values=[
            DatedValue(start="2020-01-01", value="2 EUR/workday", source=Source(title="t")),
            DatedValue(start="2020-07-01", value="3 EUR/workday", source=Source(title="t")),
        ],
    )
    # a rate changed mid-year pays each day at its own rate
    line = PerDay(rate=mid_year).line(plan(TUE_THU, "2020-06-01", "2020-07-31"))
    assert line.cents == 9 * 200 + 8 * 300  # June 2020: 9 days; July: 8 (14 July off)
    for year in ("2023", 2023.0, None, 0):
        with pytest.raises(ValidationError, match="year"):
            forfait_teletravail().yearly_cap(year)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Schedule"):
        forfait_teletravail().line([])  # type: ignore[arg-type]
    unknown_week = attrs.evolve(plan(TUE_THU, "2023-01-01", "2023-01-31"), weekly_halves=None)
    with pytest.raises(ValidationError, match="weekly_days"):
        Allowance(components=[presets.urssaf_monthly_flat()]).compute(unknown_week)
    with pytest.raises(ValidationError, match="Schedule"):
        Allowance(components=[]).compute([])  # type: ignore[arg-type]
    with pytest.raises(UnitError):
        MonthlyFlat(rate=no_time_base)


# -- properties -----------------------------------------------------------------------

day_counts = st.integers(0, 2 * 248).map(lambda halves: halves / 2)


@given(st.lists(day_counts, min_size=1, max_size=5), st.sampled_from([2022, 2023, 2024, 2025]))
def test_yearly_total_never_exceeds_the_cap(days: list[float], year: int) -> None:
    """No count of days pays more than the cap in force that year, and each pays what
    Decimal arithmetic with half-up rounding gives."""
    forfait = forfait_teletravail()
    cap = forfait.cap.as_of(dt.date(year, 12, 31)).m_as("EUR")  # type: ignore[union-attr]
    rate = forfait.rate.as_of(dt.date(year, 6, 1)).m_as("EUR/workday")
    for count in days:
        paid = forfait.line(first_days(year, count)).cents
        assert paid <= round(cap * 100)
        assert paid == decimal_cents(count, f"{rate:.2f}", f"{cap:.2f}")


@given(day_counts, day_counts, st.sampled_from([2022, 2023, 2024]))
def test_more_days_never_pay_less(a: float, b: float, year: int) -> None:
    """The amount is non-decreasing in the number of days."""
    low, high = sorted((a, b))
    forfait = forfait_teletravail()
    assert forfait.line(first_days(year, low)).cents <= forfait.line(first_days(year, high)).cents


@given(st.sets(st.integers(0, 4), min_size=1, max_size=4), st.integers(2022, 2025))
def test_splitting_at_new_year_adds_up(weekdays: set[int], first_year: int) -> None:
    """Two calendar years paid apart add up to both paid at once (each year is capped alone)."""
    pattern = WeeklyPattern.of(sorted(weekdays))
    forfait = forfait_teletravail()
    whole = forfait.line(plan(pattern, f"{first_year}-01-01", f"{first_year + 1}-12-31")).cents
    parts = sum(
        forfait.line(plan(pattern, f"{year}-01-01", f"{year}-12-31")).cents
        for year in (first_year, first_year + 1)
    )
    assert whole == parts


@given(st.sets(st.integers(0, 4), min_size=1, max_size=3), st.integers(2022, 2025))
def test_many_schedules_at_once_equal_each_alone(weekdays: set[int], year: int) -> None:
    """The column method over many agents' days gives each agent what its own schedule
    gives."""
    from teletravail.scheduling.calendar import WorkCalendar
    from teletravail.scheduling.layout import Layout, lay_out

    patterns = (WeeklyPattern.of(sorted(weekdays)), TUE_THU, None)
    k = len(patterns)
    layout = Layout(
        patterns=patterns,
        days_off=np.zeros(k, dtype=np.uint8),
        first=np.full(k, np.datetime64(f"{year}-01-01")),
        last=np.full(k, np.datetime64(f"{year}-12-31")),
        absences=((),) * k,
        allowed=np.full(k, 7.0),
        on_site=np.zeros(k),
        authorised=np.full(k, np.datetime64(f"{year}-01-01")),
    )
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = lay_out(
        layout, start=start, end=end, calendar=WorkCalendar(), codes=np.array([2, 0, 1, 0])
    )
    allowance = Allowance(components=[OneOff(amount="100 EUR"), forfait_teletravail()])
    columns = allowance.columns(days)
    for row in range(4):
        alone = allowance.compute(days.schedule(row))
        assert columns.paid[row] == alone.paid_cents
        assert columns.result(row) == alone


def test_payment_calendar_edges() -> None:
    """A first payment off a quarter end is its own date; regularisations only give back;
    quarters past the cap pay nothing and are left out."""
    year = plan(TUE_THU, "2021-09-01", "2022-06-30", agent=AGENT)
    calendar = payment_calendar(forfait_teletravail(), year, first_payment="2022-02-15")
    assert [(p.date, p.covers) for p in calendar.payments][:2] == [
        (dt.date(2022, 2, 15), "2021-Q3, 2021-Q4"),
        (dt.date(2022, 3, 31), "2022-Q1"),
    ]
    fewer = plan(WeeklyPattern.of(["tue"]), "2023-01-01", "2023-12-31")
    more = plan(TUE_THU, "2023-01-01", "2024-06-30")
    up = payment_calendar(forfait_teletravail(), fewer, worked=more)
    assert [p.kind for p in up.payments] == ["quarter"] * 4  # nothing unauthorised is paid
    five = plan(WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"]), "2023-01-01", "2023-12-31")
    capped = payment_calendar(forfait_teletravail(), five)
    assert [p.covers for p in capped.payments] == ["2023-Q1", "2023-Q2"]
    assert capped.total_cents == 25344
    with pytest.raises(ValidationError, match="authorised"):
        payment_calendar(forfait_teletravail(), None)  # type: ignore[arg-type]


def test_cap_changed_mid_year_applies_to_the_whole_year() -> None:
    """A cap lowered in July caps the whole year, and the quarters never go negative."""
    cap = DatedParameter(
        name="cap",
        values=[
            DatedValue(start="2023-01-01", value="253.44 EUR", source=Source(title="t")),
            DatedValue(start="2023-07-01", value="100 EUR", source=Source(title="t")),
        ],
    )
    lowered = PerDay(rate=presets.forfait_teletravail().rate, cap=cap)
    five = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
    assert lowered.line(plan(five, "2023-01-01", "2023-06-30")).cents == 10000
    calendar = payment_calendar(lowered, plan(five, "2023-01-01", "2023-12-31"))
    assert all(p.cents >= 0 for p in calendar.payments) and calendar.total_cents == 10000


def test_payable_at() -> None:
    """A per-day component says where it pays, and why not elsewhere."""
    assert forfait_teletravail().payable_at("home")
    with pytest.raises(NotPayableError, match="places it pays"):
        forfait_teletravail().payable_at("site:Cahors")


def test_amounts_in_cents_are_read_exactly() -> None:
    """Amounts written in cents are whole amounts, whatever the float conversion does."""
    assert OneOff(amount="35 cent").line(first_days(2023, 1)).cents == 35
    assert millicents("330 cent/workday", "rate", "EUR/workday") == 330_000


def test_a_monthly_cap_caps_each_month() -> None:
    """Under a monthly cap, each month of dated days is paid and capped on its own."""
    urssaf = presets.urssaf_per_day()
    line = urssaf.line(plan(FIVE, "2025-01-01", "2025-12-31"))
    assert all(p.cents == min(p.uncapped, 5940) for p in line.periods)
    assert line.cents == sum(min(round(p.days.m_as("workday")) * 270, 5940) for p in line.periods)
    assert any(p.cents == 5940 for p in line.periods)  # months of 22 days and more
    two = urssaf.line(plan(TUE_THU, "2025-01-01", "2025-12-31"))
    assert two.cents == int(two.days.m_as("workday") * 270)  # never at the cap


@given(st.integers(0, 5), st.sampled_from([2023, 2024, 2025]))
def test_monthly_cap_never_exceeded_and_monotone(count: int, year: int) -> None:
    """Under a monthly cap, a year never pays above twelve caps, and more weekdays never
    pay less."""
    urssaf = presets.urssaf_per_day()
    cap = round(urssaf.cap.as_of(dt.date(year, 12, 31)).m_as("cent"))  # type: ignore[union-attr]
    paid = [
        urssaf.line(plan(WeeklyPattern.of(range(n)), f"{year}-01-01", f"{year}-12-31")).cents
        for n in range(count + 1)
    ]
    assert all(p <= 12 * cap for p in paid)
    assert paid == sorted(paid)
