"""The hours when the agent can be reached: read, checked and written in words."""

from __future__ import annotations

import datetime as dt

import pytest

from teletravail.acts import ReachableHours
from teletravail.errors import ValidationError

T = dt.time
NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text", ["9:30-12:00, 14:00-17:00", "9h30-12h ; 14h-17h", "9:30 - 12:00 et 14h-17h"]
)
def test_ranges_are_read_in_either_language(text: str) -> None:
    assert ReachableHours.parse(text).ranges == ((T(9, 30), T(12)), (T(14), T(17)))


def test_ranges_are_written_as_each_language_writes_them() -> None:
    hours = ReachableHours(((T(8), T(12, 5)), (T(13), T(15)), (T(16), T(18, 30))))
    assert hours.words("fr") == (
        f"de 8{NBSP}h à 12{NBSP}h{NBSP}05, de 13{NBSP}h à 15{NBSP}h et de 16{NBSP}h à"
        f" 18{NBSP}h{NBSP}30"
    )
    assert hours.words("en") == "from 8:00 to 12:05, from 13:00 to 15:00 and from 16:00 to 18:30"
    assert ReachableHours.parse(hours) is hours


@pytest.mark.parametrize(
    "value", ["", "9-12", "12:00-9:00", "9:00-12:00, 11:00-15:00", "25:00-26:00", 9, [("9", "12")]]
)
def test_bad_ranges_are_refused_naming_hours(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        ReachableHours(value)  # type: ignore[arg-type]
    assert caught.value.field == "hours"
