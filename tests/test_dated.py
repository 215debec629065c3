"""Dated, sourced parameters, periods and calendar durations."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_
from teletravail.allowance import forfait_annual_cap, forfait_daily_rate
from teletravail.dated import DatedParameter, DatedValue, Duration, Period
from teletravail.dates import date_words
from teletravail.errors import DatedValueError, NoValueInForceError, UnitError, ValidationError
from teletravail.sources import Source

from .strategies import dates, durations

SOURCE = Source(title="test text")


def _param(*entries: DatedValue) -> DatedParameter:
    return DatedParameter(name="p", values=entries)


def test_forfait_rate_as_of_dates() -> None:
    """The daily forfait is 2.50 EUR until 2022-12-31, then 2.88 EUR."""
    rate = forfait_daily_rate()
    assert rate.as_of("2021-09-01") == Q_(2.50, "EUR/workday")
    assert rate.as_of(dt.date(2022, 12, 31)) == Q_(2.50, "EUR/workday")
    assert rate.as_of("2023-01-01") == Q_(2.88, "EUR/workday")
    assert rate.as_of("2026-11-22") == Q_(2.88, "EUR/workday")
    with pytest.raises(NoValueInForceError, match="2021-08-31"):
        rate.as_of("2021-08-31")


def test_forfait_cap_2024_only_override() -> None:
    """The 282.24 EUR cap holds for 2024 only; 253.44 EUR is back in force in 2025."""
    cap = forfait_annual_cap()
    assert cap.as_of("2022-06-30") == Q_(220, "EUR")
    assert cap.as_of("2023-12-31") == Q_(253.44, "EUR")
    assert cap.as_of("2024-01-01") == Q_(282.24, "EUR")
    assert cap.as_of("2024-12-31") == Q_(282.24, "EUR")
    assert cap.as_of("2025-01-01") == Q_(253.44, "EUR")
    entry = cap.entry_as_of("2024-07-14")
    assert entry.source.title == "Arrêté du 3 avril 2024"
    assert "calendar year 2024 only" in (entry.note or "")


def test_forfait_caps_are_88_and_98_days() -> None:
    """Each cap is a whole number of days at the rate in force (88, 88 and 98)."""
    rate, cap = forfait_daily_rate(), forfait_annual_cap()
    for day, days in (("2022-01-01", 88), ("2023-01-01", 88), ("2024-01-01", 98)):
        cents = round(cap.as_of(day).m_as("cent"))
        per_day = round(rate.as_of(day).m_as("cent/workday"))
        assert cents == per_day * days


def test_segments_split_at_changes() -> None:
    """A period spanning the 2023 rate change splits at 2023-01-01."""
    pieces = forfait_daily_rate().segments("2022-10-01", "2023-03-31")
    assert [(p.start, p.end, p.value.magnitude) for p in pieces] == [
        (dt.date(2022, 10, 1), dt.date(2022, 12, 31), 2.50),
        (dt.date(2023, 1, 1), dt.date(2023, 3, 31), 2.88),
    ]
    assert sum(p.days for p in pieces) == Period(start="2022-10-01", end="2023-03-31").days


def test_segments_of_cap_with_temporary_override() -> None:
    """The cap splits into 2023, 2024 (override) and 2025 on, each with its own entry."""
    pieces = forfait_annual_cap().segments("2023-06-01", "2025-06-01")
    assert [p.value.magnitude for p in pieces] == [253.44, 282.24, 253.44]
    assert pieces[0].entry is pieces[2].entry


def test_segments_need_a_value_everywhere() -> None:
    """A period starting before the first value has no value in force: an error."""
    with pytest.raises(NoValueInForceError):
        forfait_daily_rate().segments("2021-01-01", "2021-12-31")


@given(dates, st.integers(0, 2000), st.integers(0, 2000))
def test_segments_cover_the_period_exactly(start: dt.date, length: int, offset: int) -> None:
    """Segments are contiguous, cover the whole period and each has one value in force."""
    cap = forfait_annual_cap()
    first = dt.date(2021, 9, 1) + dt.timedelta(days=offset)
    last = first + dt.timedelta(days=length)
    pieces = cap.segments(first, last)
    assert pieces[0].start == first and pieces[-1].end == last
    for left, right in itertools.pairwise(pieces):
        assert right.start == left.end + dt.timedelta(days=1)
        assert left.entry is not right.entry
    for piece in pieces:
        assert cap.entry_as_of(piece.start) is piece.entry
        assert cap.entry_as_of(piece.end) is piece.entry


def test_unsorted_and_duplicate_dates_are_refused() -> None:
    """Values must come sorted by start date, each start once."""
    a = DatedValue(start="2020-01-01", value="1 EUR", source=SOURCE)
    b = DatedValue(start="2021-01-01", value="2 EUR", source=SOURCE)
    with pytest.raises(DatedValueError, match="unsorted") as caught:
        _param(b, a)
    assert caught.value.field == "values[1].start"
    with pytest.raises(DatedValueError, match="duplicate"):
        _param(a, DatedValue(start="2020-01-01", value="3 EUR", source=SOURCE))


def test_mixed_units_are_refused() -> None:
    """A parameter cannot mix EUR and EUR/workday."""
    with pytest.raises(DatedValueError, match="mixed"):
        _param(
            DatedValue(start="2020-01-01", value="1 EUR", source=SOURCE),
            DatedValue(start="2021-01-01", value="1 EUR/workday", source=SOURCE),
        )


def test_declared_dimension_is_checked() -> None:
    """A declared dimension rejects values of another one (a rate without a time base)."""
    with pytest.raises(UnitError, match="no time base"):
        DatedParameter(
            name="rate",
            dimension="[currency] / [workday]",
            values=[DatedValue(start="2020-01-01", value="2.5 EUR", source=SOURCE)],
        )


def test_bad_entries() -> None:
    """Empty parameters, an end before the start and a datetime are refused."""
    with pytest.raises(DatedValueError):
        DatedParameter(name="p", values=())
    with pytest.raises(DatedValueError):
        DatedValue(start="2020-02-01", end="2020-01-01", value="1 EUR", source=SOURCE)
    with pytest.raises(ValidationError, match="without a time"):
        DatedValue(start=dt.datetime(2020, 1, 1), value="1 EUR", source=SOURCE)
    with pytest.raises(ValidationError, match="ISO date"):
        DatedValue(start="01/02/2020", value="1 EUR", source=SOURCE)


def test_parameter_round_trips_through_dict() -> None:
    """to_dict then from_dict gives an equal parameter (sources and notes included)."""
    for parameter in (forfait_daily_rate(), forfait_annual_cap()):
        assert DatedParameter.from_dict(parameter.to_dict()) == parameter


def test_unconfirmed_note_and_describe() -> None:
    """A source noted 'unconfirmed' says so, and describe() lists every value."""
    source = Source(title="one secondary page", note="Unconfirmed: single source")
    assert source.unconfirmed
    assert not SOURCE.unconfirmed
    text = forfait_annual_cap().describe()
    assert "1 January to 31 December 2024: €282.24, arrêté du 3 avril 2024" in text
    french = forfait_annual_cap().describe("fr")
    assert "du 1er janvier au 31 décembre 2024\u00a0: 282,24\u00a0€, arrêté du 3 avril" in french
    assert "(98 jours à 2,88\u00a0€\u202f; année civile 2024 seulement)" in french
    with pytest.raises(ValidationError, match="lang"):
        forfait_annual_cap().describe("de")  # type: ignore[arg-type]


def test_period() -> None:
    """Periods include both ends; an end before the start is refused."""
    period = Period(start="2024-01-01", end="2024-12-31")
    assert period.days == 366
    assert dt.date(2024, 12, 31) in period and dt.date(2025, 1, 1) not in period
    assert dt.date(2030, 1, 1) in Period(start="2024-01-01")
    with pytest.raises(ValidationError):
        Period(start="2024-01-02", end="2024-01-01")
    with pytest.raises(ValidationError):
        _ = Period(start="2024-01-01").days


def test_duration_29_february_rule() -> None:
    """One year after 29 February is 28 February; one month after 31 January is 28 February."""
    assert Duration(years=1).after(dt.date(2012, 2, 29)) == dt.date(2013, 2, 28)
    assert Duration(years=4).after(dt.date(2012, 2, 29)) == dt.date(2016, 2, 29)
    assert Duration(months=1).after(dt.date(2013, 1, 31)) == dt.date(2013, 2, 28)
    assert Duration.between(dt.date(2012, 2, 29), dt.date(2013, 2, 28)) == Duration(years=1)
    assert Duration.between(dt.date(2012, 2, 29), dt.date(2013, 2, 27)) == Duration(0, 11, 29)


def test_duration_parse_and_words() -> None:
    """Durations read ISO 8601 and words, and write themselves in English and French."""
    assert Duration.parse("P1Y6M") == Duration(1, 6, 0)
    assert Duration.parse("1 year 6 months") == Duration(1, 6, 0)
    assert Duration.parse("6 mois") == Duration(0, 6, 0)
    assert Duration(1, 6).iso() == "P1Y6M" and Duration().iso() == "P0D"
    assert Duration(2, 1, 1).words("fr") == "2 ans 1 mois 1 jour"
    assert str(Duration(1)) == "1 year"
    with pytest.raises(ValidationError):
        Duration.parse("a while")
    with pytest.raises(ValidationError):
        Duration(years=-1)


@given(durations, dates)
def test_latest_start_is_the_exact_cut_off(duration: Duration, on: dt.date) -> None:
    """latest_start(on) reaches the duration by `on`, and the next day does not."""
    cut = duration.latest_start(on)
    assert duration.after(cut) <= on
    assert duration.after(cut + dt.timedelta(days=1)) > on


@given(durations, dates, dates)
def test_after_is_monotonic(duration: Duration, a: dt.date, b: dt.date) -> None:
    """Adding a duration never reverses the order of two dates."""
    first, second = sorted((a, b))
    assert duration.after(first) <= duration.after(second)


@given(dates, st.integers(0, 5000))
def test_between_is_consistent_with_after(start: dt.date, length: int) -> None:
    """between(start, end) lands exactly on `end` when added to `start`."""
    end = start + dt.timedelta(days=length)
    found = Duration.between(start, end)
    assert found.after(start) == end


def test_duration_carries_months_into_years() -> None:
    """18 months is 1 year 6 months: one value, one spelling, equal and alike hashed."""
    assert Duration(months=18) == Duration(years=1, months=6)
    assert hash(Duration(months=18)) == hash(Duration(years=1, months=6))
    assert Duration.parse("18 months") == Duration(1, 6)
    assert Duration.parse("1y6m") == Duration.parse("1Y 6M") == Duration(1, 6)
    with pytest.raises(ValidationError, match="lang"):
        Duration(1).words("de")


@pytest.mark.parametrize("text", ["20130101", "2013-W01-1", "2013-1-1", "13-01-01"])
def test_dates_must_be_written_yyyy_mm_dd(text: str) -> None:
    """Only YYYY-MM-DD is a date; other ISO forms are refused rather than guessed."""
    with pytest.raises(ValidationError, match="ISO date"):
        Period(start=text)


def test_period_contains_a_datetime_by_its_date() -> None:
    """A datetime is in a period when its date is."""
    assert dt.datetime(2024, 6, 1, 12) in Period(start="2024-01-01", end="2024-12-31")


GAZETTE = Source(
    title="Le conseil général du Lot généralise le télétravail après un an d'expérimentation",
    publication="La Gazette des communes",
    date="2012-07-06",
    reference="1 à 1,5 jour de télétravail par semaine",
)


def test_an_article_is_cited_with_its_publication_and_date() -> None:
    """English and French citations: the title in quotes, the publication, the date in
    words (1er for the first of a month), then the reference and the note."""
    title = GAZETTE.title
    assert GAZETTE.date == dt.date(2012, 7, 6)
    assert GAZETTE.cite("en") == (
        f"\u201c{title}\u201d, La Gazette des communes, 6 July 2012, "
        "1 à 1,5 jour de télétravail par semaine"
    )
    assert GAZETTE.cite("fr") == (
        f"«\u00a0{title}\u00a0», La Gazette des communes, 6 juillet 2012, "
        "1 à 1,5 jour de télétravail par semaine"
    )
    assert str(GAZETTE) == GAZETTE.cite("en")
    first = Source(title="T", publication="SoLozère", date=dt.date(2015, 4, 1), note="n")
    assert first.cite("fr") == "«\u00a0T\u00a0», SoLozère, 1er avril 2015 (n)"
    assert first.cite("en") == "\u201cT\u201d, SoLozère, 1 April 2015 (n)"
    undated = Source(title="T", publication="Zevillage")
    assert undated.cite("fr") == "«\u00a0T\u00a0», Zevillage"
    assert Source(title="Décret n° 2016-151", article="3").cite("fr") == (
        "décret n° 2016-151, art. 3"
    )
    with pytest.raises(ValidationError, match="lang"):
        GAZETTE.cite("de")


@pytest.mark.parametrize(
    ("month", "english", "french"),
    [(1, "January", "janvier"), (2, "February", "février"), (8, "August", "août"),
     (12, "December", "décembre")],
)  # fmt: skip
def test_date_words_in_both_languages(month: int, english: str, french: str) -> None:
    """Every month's name, checked against a list written by hand."""
    assert date_words(dt.date(2024, month, 15), "en") == f"15 {english} 2024"
    assert date_words(dt.date(2024, month, 15), "fr") == f"15 {french} 2024"
    assert date_words(dt.date(2024, month, 1), "fr") == f"1er {french} 2024"
    assert date_words(dt.date(2024, month, 1), "en") == f"1 {english} 2024"


def test_source_dict_round_trip_and_the_former_seed_key() -> None:
    """to_dict writes the date as YYYY-MM-DD and reads back equal; a dict that still has
    a `seed` is refused at that key with what to write instead; a bad date names it."""
    data = GAZETTE.to_dict()
    assert list(data) == ["title", "publication", "date", "reference"]
    assert data["date"] == "2012-07-06"
    assert Source.from_dict(json.loads(json.dumps(data))) == GAZETTE
    with pytest.raises(ValidationError) as caught:
        Source.from_dict({"title": "T", "seed": "lot.txt"}, "finding.source")
    assert caught.value.field == "finding.source.seed"
    assert "publication" in caught.value.expected and "date" in caught.value.expected
    with pytest.raises(ValidationError) as caught:
        Source.from_dict({"title": "T", "date": "2012-02-30"})
    assert caught.value.field == "source.date"
    with pytest.raises(ValidationError, match="date"):
        Source(title="T", date=dt.datetime(2012, 7, 6, 12))
    with pytest.raises(ValidationError, match="publication"):
        Source(title="T", publication="  ")


def test_dated_construction_errors_are_typed() -> None:
    """Bad sources, entries and dimensions raise the library's errors, naming the field."""
    with pytest.raises(ValidationError, match="source"):
        DatedValue(start="2020-01-01", value="1 EUR", source="a text")  # type: ignore[arg-type]
    with pytest.raises(DatedValueError, match=r"values\[0\]"):
        DatedParameter(name="p", values=[1])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="title"):
        Source(title="")
    with pytest.raises(ValidationError, match="title"):
        Source(title=5)  # type: ignore[arg-type]
    with pytest.raises(DatedValueError, match="dimension"):
        DatedParameter(
            name="p",
            dimension="[lenght]",
            values=[DatedValue(start="2020-01-01", value="1 km", source=SOURCE)],
        )


def test_dated_from_dict_names_the_key_path() -> None:
    """A document with a missing or unknown key is refused with the path of that key."""
    document = forfait_daily_rate().to_dict()
    del document["values"][1]["start"]
    with pytest.raises(ValidationError, match=r"values\[1\]\.start"):
        DatedParameter.from_dict(document)
    document = forfait_daily_rate().to_dict()
    document["values"][0]["source"]["titel"] = "x"
    with pytest.raises(ValidationError, match=r"values\[0\]\.source\.titel"):
        DatedParameter.from_dict(document)


def test_durations_at_the_calendar_limits() -> None:
    """Near year 1 or 9999 a duration is a typed error, never a bare ValueError."""
    with pytest.raises(ValidationError):
        Duration(years=1).after(dt.date(9999, 6, 1))
    with pytest.raises(ValidationError):
        Duration(years=1).latest_start(dt.date(1, 6, 1))
    assert Duration(years=1).latest_start(dt.date(9999, 12, 31)) == dt.date(9998, 12, 31)


@given(dates, st.integers(0, 5000))
def test_between_agrees_with_dateutil(start: dt.date, length: int) -> None:
    """between's hand-made month arithmetic agrees with relativedelta, day after day."""
    end = start + dt.timedelta(days=length)
    found = Duration.between(start, end)
    assert found.after(start) == end
    if found.days:
        longer = Duration(found.years, found.months + 1)
        assert longer.after(start) > end
