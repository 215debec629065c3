"""Numbers, money, percentages, dates and quantities in words, against Babel's ``fr_FR``
and ``en_GB`` formatting (an independent implementation of the CLDR's rules) and against
texts written by hand."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from teletravail.formats import date, money, number, percent, period, quantity
from teletravail.units import Q_

LOCALES = {"en": "en_GB", "fr": "fr_FR"}
langs = st.sampled_from(["en", "fr"])
# rounded to the cent, and without -0.0 (no "-0" is written, where Babel writes one)
amounts = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 2) + 0.0)


@given(st.integers(min_value=-(10**12), max_value=10**12), langs)
def test_whole_numbers_are_grouped_as_babel_groups_them(value: int, lang: str) -> None:
    assert number(value, lang) == format_decimal(value, locale=LOCALES[lang])


@given(amounts, langs)
def test_numbers_as_babel_writes_them_with_two_places_at_most(value: float, lang: str) -> None:
    expected = format_decimal(Decimal(str(value)), format="#,##0.##", locale=LOCALES[lang])
    assert number(value, lang) == expected


@given(st.integers(min_value=-(10**11), max_value=10**11), langs)
def test_money_is_babel_s_currency_format(cents: int, lang: str) -> None:
    euros = Decimal(cents) / 100
    assert money(cents, lang) == format_currency(euros, "EUR", locale=LOCALES[lang])


@given(st.integers(min_value=0, max_value=1000), langs)
def test_percentages_are_babel_s(value: int, lang: str) -> None:
    assert percent(value, lang) == format_percent(Decimal(value) / 100, locale=LOCALES[lang])


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), langs)
def test_dates_are_babel_s_long_dates_but_the_first_of_a_month(day: dt.date, lang: str) -> None:
    expected = format_date(day, format="long", locale=LOCALES[lang])
    if lang == "fr" and day.day == 1:
        # French typography writes the first of a month as an ordinal; Babel does not
        expected = expected.replace("1 ", "1er ", 1)
    assert date(day, lang) == expected


@pytest.mark.parametrize(
    ("cents", "en", "fr"),
    [
        (158300, "€1,583.00", "1\u202f583,00\u00a0€"),
        (25344, "€253.44", "253,44\u00a0€"),
        (0, "€0.00", "0,00\u00a0€"),
        (-5, "-€0.05", "-0,05\u00a0€"),
    ],
)
def test_money_by_hand(cents: int, en: str, fr: str) -> None:
    assert (money(cents, "en"), money(cents, "fr")) == (en, fr)


@pytest.mark.parametrize(
    ("magnitude", "unit", "en", "fr"),
    [
        (1.5, "workday/week", "1.5 days a week", "1,5 jour par semaine"),
        (2, "workday/week", "2 days a week", "2 jours par semaine"),
        (1, "workday/week", "1 day a week", "1 jour par semaine"),
        (0, "workday/week", "0 days a week", "0 jour par semaine"),
        (57, "workday", "57 days", "57 jours"),
        (114.5, "workday", "114.5 days", "114,5 jours"),
        (0.5, "halfday", "0.5 half days", "0,5 demi-journée"),
        (28, "km", "28 km", "28 km"),
        (1583.25, "km", "1,583.25 km", "1\u202f583,25 km"),
        (271, "kg CO2e", "271 kg CO2e", "271 kg CO2e"),
        (1.2, "kg CO2e/workday", "1.2 kg CO2e a day", "1,2 kg CO2e par jour"),
        (2.88, "EUR/workday", "€2.88 a day", "2,88\u00a0€ par jour"),
        (253.44, "EUR", "€253.44", "253,44\u00a0€"),
        (0.606, "EUR/km", "€0.606 per km", "0,606\u00a0€ par km"),
        (80, "percent", "80%", "80\u00a0%"),
        (30, "km/h", "30 km/h", "30 km/h"),
        (1.5, "hour", "1.5 hours", "1,5 heure"),
        (2, "trip/workday", "2 trips a day", "2 trajets par jour"),
        (1, "workday/year", "1 day a year", "1 jour par an"),
        (12, "workday/month", "12 days a month", "12 jours par mois"),
    ],
)
def test_quantities_in_words_by_hand(magnitude: float, unit: str, en: str, fr: str) -> None:
    value = Q_(magnitude, unit)
    assert (quantity(value, "en"), quantity(value, "fr")) == (en, fr)


@pytest.mark.parametrize(
    ("start", "end", "en", "fr"),
    [
        ("2013-01-01", "2013-12-31", "1 January to 31 December 2013",
         "du 1er janvier au 31 décembre 2013"),
        ("2012-09-01", "2013-08-31", "1 September 2012 to 31 August 2013",
         "du 1er septembre 2012 au 31 août 2013"),
        ("2013-03-01", "2013-03-01", "1 March 2013", "le 1er mars 2013"),
    ],
)  # fmt: skip
def test_periods_by_hand(start: str, end: str, en: str, fr: str) -> None:
    assert (period(start, end, "en"), period(start, end, "fr")) == (en, fr)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), langs)
def test_a_quantity_shows_its_number_as_number_does(value: float, lang: str) -> None:
    shown = quantity(Q_(value, "km"), lang)
    assert shown == f"{number(value, lang)} km"
    digits = shown.removesuffix(" km").replace("\u202f", "").replace(",", "")
    if lang == "fr":
        digits = shown.removesuffix(" km").replace("\u202f", "").replace(",", ".")
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
    assert abs(Decimal(digits) - rounded) <= Decimal("0.01")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="expected one of: en, fr, got 'de'"):
        number(1, "de")
    with pytest.raises(ValueError, match="expected one of: en, fr"):
        date("2013-01-01", "it")


def test_an_unknown_language_is_refused_whatever_the_day_and_a_period_runs_forward() -> None:
    with pytest.raises(ValueError, match="expected one of: en, fr, got 'de'"):
        date("2013-03-15", "de")
    with pytest.raises(ValueError, match="before the start"):
        period("2013-03-01", "2013-01-01", "fr")
