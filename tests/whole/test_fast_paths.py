"""The short cuts of the column path give, to the bit, what the full arithmetic gives.

Each short cut (a quota's allowance for many working times at once, the impact of agents
with no commute time known, half days checked by reductions, payments without rounding)
is pinned here to the arithmetic it stands for, which is written out in full.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_, Workforce
from teletravail.errors import ValidationError
from teletravail.impact.commute import Assumptions, commute_impact
from teletravail.impact.rebound import Rebound
from teletravail.money import half_days, pay
from teletravail.scheduling.counting import Granularity
from teletravail.scheduling.quota import Quota
from teletravail.scheduling.working_time import PartTimeCap

from ..strategies import working_times

ON = dt.date(2026, 6, 1)


def _bits(array: npt.ArrayLike) -> npt.NDArray[np.generic]:
    """An array's exact contents: floats by their bits (-0.0 is not 0.0)."""
    found = np.ascontiguousarray(array)
    return found.view(np.int64) if found.dtype == np.float64 else found


quotas = st.builds(
    Quota,
    maximum=st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0, 5.0]).map(lambda v: Q_(v, "workday/week")),
    on_site_minimum=st.sampled_from([0.0, 1.0, 2.0, 3.0]).map(lambda v: Q_(v, "workday/week")),
    granularity=st.sampled_from(list(Granularity)),
    part_time=st.lists(
        st.builds(
            PartTimeCap,
            low=st.sampled_from([10, 50, 60]).map(lambda v: Q_(v, "percent")),
            high=st.sampled_from([60, 80, 90]).map(lambda v: Q_(v, "percent")),
            maximum=st.sampled_from([0.5, 1.0, 2.5]).map(lambda v: Q_(v, "workday/week")),
        ),
        max_size=2,
    ),
    full_week=st.integers(4, 6),
)


@given(quotas, st.lists(working_times, min_size=1, max_size=40))
def test_one_allowance_for_all_is_each_ones(quota: Quota, shares: list[float]) -> None:
    """allowed_columns over many agents is, row by row, the arithmetic written out: the
    days worked (working time × the full week, down to a half day) less the on-site
    minimum, under the maximum and the part-time band, down to the granularity."""
    percent = np.array(shares, dtype=float)
    found = quota.allowed_columns(percent).m_as("workday/week")
    step = quota.granularity.step
    for share, allowed in zip(shares, found.tolist(), strict=True):
        worked = math.floor(round(share / 100 * quota.full_week * 2, 9)) / 2
        cap = quota.maximum.m_as("workday/week")
        for band in quota.part_time:
            if band.low_percent <= round(share, 9) <= band.high_percent:
                cap = min(cap, band.maximum.m_as("workday/week"))
        expected = max(0.0, min(cap, worked - quota.on_site_minimum.m_as("workday/week")))
        assert allowed == math.floor(round(expected / step, 9)) * step


def _impact_in_full(
    distance: npt.NDArray[np.float64],
    minutes: npt.NDArray[np.float64],
    days: npt.NDArray[np.float64],
    speed: float,
    factor: float,
) -> tuple[npt.NDArray[np.float64], ...]:
    """km, hours and kg CO2e of commute_impact, the general arithmetic (no télécentre)."""
    unknown = np.isnan(distance)
    one_way = np.where(unknown, 0.0, distance)
    centre_km, centre_days = np.zeros(len(days)), np.zeros(len(days))
    km = 2 * one_way * days - 2 * centre_km * centre_days
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        own = minutes / one_way
    pace = np.where(~np.isnan(minutes) & np.isfinite(own), own, 60 / speed)
    commute = np.where(np.isnan(minutes), one_way * pace, minutes)
    trips = np.where(centre_days > 0, 2 * centre_km * pace * centre_days, 0.0)
    hours = (commute * 2 * days - trips) / 60
    return km, hours, km * factor


distances = st.one_of(
    st.floats(0, 500),
    st.just(math.nan),
    st.sampled_from([0.0, 5e-324, 1e-310, 2.0**-1022, 1e-300, 1e300]),
)


@given(
    st.lists(st.tuples(distances, st.sampled_from([math.nan, 0.0, 25.0]), st.floats(0, 300)))
    .filter(bool)
    .map(lambda rows: [np.array(column, dtype=float) for column in zip(*rows, strict=True)]),
    st.floats(1, 200),
)
def test_impact_short_path_is_the_general_arithmetic(
    columns: list[npt.NDArray[np.float64]], speed: float
) -> None:
    """km, hours and emissions are those of the general formula to the bit, for agents
    without commute times (the short path) and with some (the general one), tiny,
    huge and unknown distances included."""
    distance, minutes, days = columns
    n = len(days)
    workforce = Workforce.from_columns(
        ids=[f"A{i}" for i in range(n)],
        hire_date=["2010-01-01"] * n,
        commute_distance=Q_(distance, "km"),
        commute_time=Q_(minutes, "min"),
    )
    assumptions = Assumptions(
        factors={"car_thermal": Q_(0.218, "kg CO2e/km")}, speed=Q_(speed, "km/h"), rebound=Rebound()
    )
    with np.errstate(over="ignore", invalid="ignore"):
        report = commute_impact(workforce, Q_(days, "workday"), on=ON, assumptions=assumptions)
        km, hours, gross = _impact_in_full(distance, minutes, days, speed, 0.218)
    for ours, theirs in ((report.km, km), (report.hours, hours), (report.gross_kg, gross)):
        assert _bits(ours).tolist() == _bits(theirs).tolist()
    assert report.totals()["unknown_distance"] == int(np.isnan(distance).sum())
    assert _bits(report.rebound_kg).tolist() == _bits(np.zeros(n)).tolist()


def _half_days_in_full(days: object, field: str = "days") -> npt.NDArray[np.int64]:
    """half_days as written before its checks became reductions."""
    array = np.asarray(days, dtype=float)
    if not np.all(np.isfinite(array)) or np.any(array < 0):
        raise ValidationError(field, "negative or not finite", "numbers of days >= 0")
    if np.any(array > 366):
        raise ValidationError(field, float(array.max()), "at most 366 days")
    doubled = np.round(array * 2)
    if np.any(np.abs(doubled - array * 2) > 1e-9):
        raise ValidationError(field, "not a multiple of half a day", "whole or half days")
    return doubled.astype(np.int64)


counts = st.one_of(
    st.integers(0, 732).map(lambda h: h / 2),
    st.floats(-1, 400),
    st.sampled_from([0.25, 366.5, -0.0, 1e-10, 44.0000000001, math.nan, math.inf, -math.inf]),
)


@given(st.lists(counts, max_size=12))
def test_half_days_checks_as_before(days: list[float]) -> None:
    """The same half days, or the same error, as the element-wise checks."""

    def outcome(function: object) -> object:
        try:
            return function(days).tolist()  # type: ignore[operator]
        except ValidationError as exc:
            return (exc.field, str(exc))

    assert outcome(half_days) == outcome(_half_days_in_full)


@given(st.lists(st.integers(0, 732), max_size=10), st.integers(0, 10**9))
def test_pay_rounds_half_up_to_the_cent(halves: list[int], rate: int) -> None:
    """Cents are (half days x rate + 1000) // 2000, whichever way they are computed."""
    expected = [(h * rate + 1000) // 2000 for h in halves]
    assert pay(halves, rate).tolist() == expected
    first = halves[:1] or [0]
    assert pay(np.array(first), rate).tolist() == [(first[0] * rate + 1000) // 2000]


@pytest.mark.parametrize("rate", [288_000, 250_000, 2_881])
def test_one_count_pays_one_number(rate: int) -> None:
    """pay() of a single count is a number, as before."""
    assert isinstance(pay(np.int64(3), rate), np.integer)
