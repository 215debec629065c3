"""Money at the edges of what is accepted: the largest amounts and rates a policy may
hold are paid exactly (against Decimal, half up), a workforce's totals never overflow,
and one cent of a euro more than the limit is refused where it is written."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teletravail import Policy, Workforce, config
from teletravail.allowance import Allowance, OneOff, PerDay
from teletravail.dated import DatedParameter, DatedValue, Period
from teletravail.eligibility import Volunteer
from teletravail.errors import ConfigError, ValidationError
from teletravail.money import MAX_EUR
from teletravail.scheduling import Quota, WeeklyPattern, plan
from teletravail.sources import Source

SOURCE = Source(title="test")

#: Rates near the limit, with up to five decimals of a euro (the finest a rate holds).
RATES = st.integers(1, MAX_EUR * 100_000).map(lambda m: Decimal(m).scaleb(-5))


@settings(max_examples=200, deadline=None)
@given(
    RATES, st.one_of(st.none(), st.integers(1, MAX_EUR * 100).map(lambda c: Decimal(c).scaleb(-2)))
)
def test_a_year_at_the_largest_rates_is_exact(rate: Decimal, cap: Decimal | None) -> None:
    """Every weekday of 2024 at any rate up to the limit: the year's amount is the days
    times the rate, rounded half up to the cent once, then capped, as Decimal says."""
    component = PerDay(
        rate=DatedParameter(
            name="rate",
            values=[DatedValue(start="2024-01-01", value=f"{rate} EUR/workday", source=SOURCE)],
        ),
        cap=None
        if cap is None
        else DatedParameter(
            name="cap", values=[DatedValue(start="2024-01-01", value=f"{cap} EUR", source=SOURCE)]
        ),
    )
    days = plan(WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"]), "2024-01-01", "2024-12-31")
    line = Allowance(components=[component]).compute(days).lines[0]
    count = Decimal(str(days.total.m_as("workday")))
    expected = (count * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if cap is not None:
        expected = min(expected, cap)
    assert line.cents == int(expected * 100)


def test_the_largest_one_off_over_a_million_agents_totals_exactly() -> None:
    """Ten one-offs at the limit for a million agents: the total is exact (Python
    integers), beyond what 64-bit cents hold."""
    policy = Policy(
        name="edge",
        territory="nowhere",
        period=Period(start="2024-01-01"),
        eligibility=Volunteer(),
        quota=Quota(maximum="1 workday/week"),
        allowance=Allowance(
            components=[OneOff(name=f"one-off {i}", amount=f"{MAX_EUR} EUR") for i in range(10)]
        ),
    )
    n = 1_000_000
    staff = Workforce.from_columns(
        ids=np.char.add("A", np.arange(n).astype(str)),
        hire_date=np.full(n, "2010-01-01", dtype="datetime64[D]"),
    )
    totals = policy.assess(staff, "2024-01-01").sums()
    assert totals["allowance_cents"] == 10 * n * MAX_EUR * 100 > np.iinfo(np.int64).max


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("amount", f'"{MAX_EUR + 1} EUR"', "at most 10,000,000,000 EUR"),
        ("amount", '"0.005 EUR"', "whole cents"),
        ("amount", '"1e308 EUR"', "at most"),
        ("amount", '"nan EUR"', "EUR"),
    ],
)
def test_amounts_that_cannot_be_paid_are_refused_at_load(
    key: str, value: str, expected: str
) -> None:
    """An amount beyond the limit or finer than a cent is refused with its key path."""
    text = f"""
format = "teletravail.policy"
version = 1
name = "x"
territory = "y"
[period]
start = "2024-01-01"
[eligibility]
criterion = "volunteer"
[[allowance]]
kind = "one_off"
{key} = {value}
"""
    with pytest.raises(ConfigError) as caught:
        config.loads(text)
    problem = caught.value.problems[0]
    assert problem.path == f"allowance[0].{key}"
    assert expected in str(caught.value)


def test_rates_and_caps_beyond_the_limit_are_refused_where_written() -> None:
    """The component's own checks, for code that builds policies in Python."""
    with pytest.raises(ValidationError, match="at most 10,000,000,000 EUR/workday") as caught:
        PerDay(
            rate=DatedParameter(
                name="r",
                values=[DatedValue(start="2024-01-01", value="1e11 EUR/workday", source=SOURCE)],
            )
        )
    assert caught.value.field == "rate.values[0]"
    with pytest.raises(ValidationError, match="whole cents"):
        PerDay(
            rate=DatedParameter(
                name="r",
                values=[DatedValue(start="2024-01-01", value="2 EUR/workday", source=SOURCE)],
            ),
            cap=DatedParameter(
                name="c", values=[DatedValue(start="2024-01-01", value="0.001 EUR", source=SOURCE)]
            ),
        )
