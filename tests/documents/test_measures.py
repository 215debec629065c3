"""Figures in documents: one shape for quantities, one for money, both ways."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.documents import Measure, Money, money_data, quantity_data, read, unit_text, write
from teletravail.errors import ValidationError
from teletravail.units import Q_


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_money_is_the_exact_decimal_of_its_cents(cents: int) -> None:
    """The text is the cents over 100 as Decimal writes it, and reads back to them."""
    data = money_data(cents)
    assert data["unit"] == "EUR"
    assert Decimal(data["value"]) == Decimal(cents) / 100
    assert data["value"] == f"{Decimal(cents).scaleb(-2):.2f}"
    assert read(Money(), json.loads(json.dumps(data)), "amount") == cents


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"value": 264.96, "unit": "EUR"}, "amount.value"),  # a float, not exact text
        ({"value": "264.9", "unit": "EUR"}, "amount.value"),
        ({"value": "264.960", "unit": "EUR"}, "amount.value"),
        ({"value": "264.96", "unit": "USD"}, "amount.unit"),
        ({"value": "264.96", "unit": "EUR", "currency": "EUR"}, "amount.currency"),
        ({"value": "264.96"}, "amount.unit"),
        ("264.96 EUR", "amount"),
    ],
)
def test_money_refuses_what_is_not_an_exact_amount(data: object, path: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read(Money(), data, "amount")
    assert raised.value.field == path


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_a_quantity_reads_back_equal(km: float) -> None:
    data = quantity_data(Q_(km, "km"), "km")
    assert data == {"value": km, "unit": "km"}
    back = read(Measure("km"), json.loads(json.dumps(data)), "distance")
    assert back.m_as("km") == km


def test_a_quantity_reads_in_any_unit_of_its_kind_and_null_is_not_known() -> None:
    assert read(Measure("km"), {"value": 1500, "unit": "m"}, "d").m_as("km") == 1.5
    assert math.isnan(read(Measure("km"), {"value": None, "unit": "km"}, "d").magnitude)
    assert write(Measure("km"), Q_(math.nan, "km")) == {"value": None, "unit": "km"}


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        ({"value": 5, "unit": "kg"}, "agent.distance.unit", "same kind as 'km'"),
        ({"value": "5", "unit": "km"}, "agent.distance.value", "a number"),
        ({"value": True, "unit": "km"}, "agent.distance.value", "a number"),
        ({"value": 5, "unit": "parsecs per fortnight"}, "agent.distance.unit", "registry"),
        ({"value": 5, "units": "km"}, "agent.distance.units", "did you mean 'unit'"),
        (28, "agent.distance", "a quantity such as"),
    ],
)
def test_a_bad_quantity_names_its_key_path(data: object, path: str, words: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read(Measure("km", nullable=False), data, "agent.distance")
    assert raised.value.field == path
    assert words in str(raised.value)


def test_units_are_written_as_people_write_them() -> None:
    assert unit_text(Q_(2, "workday/week")) == "workday/week"
    assert unit_text(Q_(1, "t CO2e")) == "t CO2e"
    assert unit_text(Q_(90, "percent")) == "%"
    for text in ("workday/week", "t CO2e", "kg CO2e/km", "EUR/workday"):
        assert unit_text(Q_(1, text)) == text
        assert Q_(1, unit_text(Q_(1, text))) == Q_(1, text)  # reads back


def test_schemas_accept_what_is_written() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra's validator")
    jsonschema.validate(money_data(-5), Money().schema())
    jsonschema.validate(quantity_data(math.nan, "h"), Measure("h").schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"value": 2.5, "unit": "EUR"}, Money().schema())
