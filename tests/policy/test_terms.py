"""Authorisation terms: the dates they give, against figures by hand and an independent
month arithmetic, their French words, text and bad input."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.policy.terms import AuthorisationTerms, Renewal, Side, surely_shorter
from teletravail.sources import Source
from teletravail.spans import Authorisation

from ..strategies import authorisation_terms, term_lengths

D = dt.date
ONE_DAY = dt.timedelta(days=1)


def three_years() -> AuthorisationTerms:
    """One year, renewed tacitly up to three years in all, decided a month ahead."""
    return AuthorisationTerms(
        duration="1 an",
        renewal="tacite",
        max_renewals=2,
        decision_before="1 mois",
        adaptation="3 mois",
        notice_agent="2 mois",
        notice_employer="2 mois",
        notice_adaptation="1 mois",
        employer_may_shorten=True,
    )


# -- an independent calendar: months added by hand ---------------------------------------


def add(day: dt.date, length: Duration, times: int = 1) -> dt.date:
    """``times`` × ``length`` after ``day``: whole months first, the day clipped to the
    month's last, then the days (the documented rule, written without dateutil)."""
    months = (12 * length.years + length.months) * times
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    clipped = D(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return clipped + dt.timedelta(days=length.days * times)


def latest_from(length: Duration, last: dt.date) -> dt.date:
    """The latest day from which ``length`` reaches no further than ``last``, found by
    walking back a day at a time."""
    day = last
    while add(day, length) > last:
        day -= ONE_DAY
    return day


# -- figures by hand ---------------------------------------------------------------------


def test_one_year_renewed_tacitly_up_to_three_years() -> None:
    """Started on 2024-01-01: terms end 2024-12-31, renewed on 2025-01-01 and 2026-01-01,
    the last ends 2026-12-31; each decision is due by 30 November."""
    terms = three_years()
    assert terms.renewal is Renewal.TACIT and terms.duration == Duration(years=1)
    assert terms.end("2024-01-01") == D(2024, 12, 31)
    assert terms.end("2024-01-01", renewals=2) == D(2026, 12, 31)
    assert terms.final_end("2024-01-01") == D(2026, 12, 31)
    assert terms.renewal_dates("2024-01-01") == (D(2025, 1, 1), D(2026, 1, 1))
    assert terms.decision_dates("2024-01-01") == (D(2024, 11, 30), D(2025, 11, 30))
    counts = [terms.renewal_count("2024-01-01", day) for day in ("2023-06-01", "2024-12-31",
              "2025-01-01", "2025-12-31", "2026-01-01", "2040-01-01")]  # fmt: skip
    assert counts == [0, 0, 1, 1, 2, 2]
    assert terms.in_force("2024-01-01", "2026-12-31")
    assert not terms.in_force("2024-01-01", "2027-01-01")
    assert not terms.in_force("2024-01-01", "2023-12-31")


def test_renewals_follow_the_first_start_at_month_ends() -> None:
    """Each term starts k durations after the first start: no drift at month ends, and
    the 29th of February comes back in leap years."""
    yearly = AuthorisationTerms(duration="1 year", renewal="tacit")
    assert yearly.renewal_dates("2024-02-29", until="2028-12-31") == (
        D(2025, 2, 28),
        D(2026, 2, 28),
        D(2027, 2, 28),
        D(2028, 2, 29),
    )
    assert yearly.end("2024-02-29") == D(2025, 2, 27)
    monthly = AuthorisationTerms(duration="1 mois", renewal="expresse", max_renewals=3)
    assert monthly.end("2024-01-31") == D(2024, 2, 28)
    assert monthly.renewal_dates("2024-01-31") == (D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30))
    assert monthly.final_end("2024-01-31") == D(2024, 5, 30)


def test_an_open_ended_authorisation() -> None:
    """No duration: no end, no renewal, in force from its start on."""
    terms = AuthorisationTerms(adaptation="3 months")
    assert terms.end("2024-01-01") is None and terms.final_end("2024-01-01") is None
    assert terms.renewal_dates("2024-01-01") == () and terms.decision_dates("2024-01-01") == ()
    assert terms.renewal_count("2024-01-01", "2090-01-01") == 0 and not terms.renewable
    assert terms.in_force("2024-01-01", "9990-12-31")


def test_a_term_that_is_not_renewed_ends_once() -> None:
    """A duration without a renewal: one term, a new request after it."""
    terms = AuthorisationTerms(duration="6 mois")
    assert terms.final_end("2024-03-15") == D(2024, 9, 14)
    assert terms.renewal_dates("2024-03-15", until="2030-01-01") == ()
    with pytest.raises(ValidationError) as raised:
        terms.end("2024-03-15", renewals=1)
    assert raised.value.field == "renewals"


def test_renewals_without_limit_need_a_last_date() -> None:
    """Unlimited renewals are listed up to a date; a count of millions is found fast."""
    terms = AuthorisationTerms(duration="1 year", renewal="tacit")
    assert terms.final_end("2024-01-01") is None
    with pytest.raises(ValidationError) as raised:
        terms.renewal_dates("2024-01-01")
    assert raised.value.field == "until"
    daily = AuthorisationTerms(duration="1 day", renewal="tacit")
    expected = (D(9990, 12, 31) - D(1900, 1, 1)).days
    assert daily.renewal_count("1900-01-01", "9990-12-31") == expected


def test_the_adaptation_period_is_the_authorisations() -> None:
    """Three months from 15 January: the last day in adaptation is 14 April, as an
    agent's Authorisation with the same period says."""
    terms = three_years()
    assert terms.adaptation_end("2024-01-15") == D(2024, 4, 14)
    held = Authorisation(start="2024-01-15", adaptation="3 months")
    assert held.adaptation_end == terms.adaptation_end("2024-01-15")
    found = [terms.in_adaptation("2024-01-15", day) for day in ("2024-01-14", "2024-01-15",
             "2024-04-14", "2024-04-15")]  # fmt: skip
    assert found == [False, True, True, False]
    assert not AuthorisationTerms().in_adaptation("2024-01-15", "2024-01-15")
    assert AuthorisationTerms().adaptation_end("2024-01-15") is None


def test_the_notice_that_applies() -> None:
    """During adaptation the adaptation notice, after it each side's; None where the
    terms set none; sides in French too."""
    terms = three_years()
    assert terms.notice("agent", "2024-01-15", "2024-02-01") == Duration(months=1)
    assert terms.notice(Side.EMPLOYER, "2024-01-15", "2024-06-01") == Duration(months=2)
    assert terms.notice("employeur", "2024-01-15", "2024-04-15") == Duration(months=2)
    partial = AuthorisationTerms(notice_agent="2 mois")
    assert partial.notice("agent", "2024-01-15", "2024-01-20") == Duration(months=2)
    assert partial.notice("administration", "2024-01-15", "2024-01-20") is None


def test_french_words_read_as_english() -> None:
    """'1 an', 'tacite', '3 mois', '2 mois', 'expresse' are the English terms."""
    french = three_years()
    english = AuthorisationTerms(
        duration=Duration(years=1),
        renewal=Renewal.TACIT,
        max_renewals=2,
        decision_before="1 month",
        adaptation="P3M",
        notice_agent="2 months",
        notice_employer="2 months",
        notice_adaptation="1 month",
        employer_may_shorten=True,
    )
    assert french == english and hash(french) == hash(english)
    assert AuthorisationTerms(duration="1 an", renewal="Expresse").renewal is Renewal.EXPRESS
    assert AuthorisationTerms(duration="1 an", renewal="exprès").renewal is Renewal.EXPRESS


def test_the_terms_in_english_and_french() -> None:
    """describe() says every term, in good French too."""
    terms = three_years()
    assert terms.describe() == (
        "1 year, renewed tacitly at most 2 times (3 years in all); decision on a renewal at"
        " least 1 month before the end of the term; adaptation period of 3 months; notice of"
        " 2 months at the agent's initiative, 2 months at the employer's (shorter when the"
        " service's needs are stated), 1 month during the adaptation period"
    )
    assert terms.describe("fr") == (
        "autorisation d'une durée de 1 an, renouvelée tacitement 2 fois au plus (3 ans en"
        " tout)\u00a0; décision sur un"
        " renouvellement au moins 1 mois avant la fin de la période\u00a0; période"
        " d'adaptation de 3 mois\u00a0; préavis de 2 mois à l'initiative de l'agent, 2 mois à"
        " l'initiative de l'employeur (réductible pour une nécessité de service motivée),"
        " 1 mois pendant la période d'adaptation"
    )
    once = AuthorisationTerms(duration="6 months", renewal="express", max_renewals=1)
    assert str(once) == "6 months, renewed by express decision at most once (1 year in all)"
    assert (
        once.describe("fr")
        == "autorisation d'une durée de 6 mois, renouvelée par décision expresse une fois au"
        " plus (1 an en tout)"
    )
    assert AuthorisationTerms().describe("fr") == "autorisation sans limite de durée"
    assert AuthorisationTerms(employer_may_shorten=True).describe() == (
        "open-ended; the employer may shorten its notice when the service's needs are stated"
    )
    assert AuthorisationTerms(employer_may_shorten=True).describe("fr") == (
        "autorisation sans limite de durée\u00a0; l'employeur peut réduire son préavis pour"
        " une nécessité de service motivée"
    )
    assert AuthorisationTerms(duration="1 year").describe() == "1 year, not renewed"


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"duration": "-1 an"}, "duration"),
        ({"duration": "0 jours"}, "duration"),
        ({"duration": 12}, "duration"),
        ({"adaptation": "3 km"}, "adaptation"),
        ({"adaptation": "P0D"}, "adaptation"),
        ({"notice_agent": "deux mois"}, "notice_agent"),
        ({"notice_employer": "-2 mois"}, "notice_employer"),
        ({"decision_before": "bientôt", "duration": "1 an", "renewal": "tacit"}, "decision_before"),
        ({"duration": "1 an", "renewal": "automatique"}, "renewal"),
        ({"renewal": "tacit"}, "renewal"),
        ({"max_renewals": 2}, "max_renewals"),
        ({"decision_before": "1 mois"}, "decision_before"),
        ({"duration": "1 an", "max_renewals": 2}, "max_renewals"),
        ({"duration": "1 an", "decision_before": "1 mois"}, "decision_before"),
        ({"duration": "1 an", "renewal": "tacit", "max_renewals": 0}, "max_renewals"),
        ({"duration": "1 an", "renewal": "tacit", "max_renewals": True}, "max_renewals"),
        ({"duration": "1 an", "renewal": "tacit", "max_renewals": 1001}, "max_renewals"),
        ({"duration": "1 an", "renewal": "tacit", "max_renewals": 2.0}, "max_renewals"),
        ({"duration": "1 an", "adaptation": "1 an"}, "adaptation"),
        ({"duration": "1 mois", "adaptation": "30 jours"}, "adaptation"),
        ({"duration": "1 an", "renewal": "tacit", "decision_before": "2 ans"}, "decision_before"),
        ({"notice_adaptation": "1 mois"}, "notice_adaptation"),
        ({"employer_may_shorten": "oui"}, "employer_may_shorten"),
        ({"source": "délibération"}, "source"),
    ],
)
def test_bad_terms_name_their_field(changes: dict[str, Any], field: str) -> None:
    """A negative or empty length, an unknown renewal word, a renewal or a count of an
    open-ended authorisation, an adaptation as long as the term...: a ValidationError
    naming the field."""
    with pytest.raises(ValidationError) as raised:
        AuthorisationTerms(**changes)
    assert raised.value.field == field


def test_bad_arguments_name_their_field() -> None:
    """Dates, renewal counts, sides and languages are checked."""
    terms = three_years()
    cases: list[tuple[Any, str]] = [
        (lambda: terms.end("2024-02-30"), "start"),
        (lambda: terms.end("2024-01-01", renewals=-1), "renewals"),
        (lambda: terms.end("2024-01-01", renewals=3), "renewals"),
        (lambda: terms.renewal_count("2024-01-01", "soon"), "on"),
        (lambda: terms.renewal_dates("2024-01-01", until=20250101), "until"),
        (lambda: terms.notice("boss", "2024-01-01", "2024-02-01"), "side"),
        (lambda: terms.notice("agent", "2024-01-01", dt.datetime(2024, 2, 1, 9)), "on"),
        (lambda: terms.describe("de"), "lang"),
        (lambda: AuthorisationTerms(duration="900 years").end("9990-01-01"), "start"),
        (lambda: AuthorisationTerms(adaptation="900 years").adaptation_end("9990-01-01"), "start"),
    ]
    for call, field in cases:
        with pytest.raises(ValidationError) as raised:
            call()
        assert raised.value.field == field


# -- properties ------------------------------------------------------------------------------

starts = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))


@given(terms=authorisation_terms(), start=starts, later=st.integers(0, 4000))
def test_dates_match_an_independent_month_arithmetic(
    terms: AuthorisationTerms, start: dt.date, later: int
) -> None:
    """Ends, renewal dates, counts, decision dates, adaptation and being in force, each
    against months added by hand and a day-by-day walk."""
    on = start + dt.timedelta(days=later)
    if terms.duration is None:
        assert terms.end(start) is None and terms.renewal_count(start, on) == 0
    else:
        assert terms.end(start) == add(start, terms.duration) - ONE_DAY
        most = 0 if terms.renewal is None else terms.max_renewals
        count = 0
        while (most is None or count < most) and add(start, terms.duration, count + 1) <= on:
            count += 1
        assert terms.renewal_count(start, on) == count
        until = on if most is None else None
        listed = terms.renewal_dates(start, until=until)
        expected = tuple(
            add(start, terms.duration, k) for k in range(1, (count if most is None else most) + 1)
        )
        assert listed == expected
        if terms.decision_before is not None:
            assert terms.decision_dates(start, until=until) == tuple(
                latest_from(terms.decision_before, date - ONE_DAY) for date in expected
            )
        final = None if most is None else add(start, terms.duration, most + 1) - ONE_DAY
        assert terms.final_end(start) == final
        assert terms.in_force(start, on) == (final is None or on <= final)
    if terms.adaptation is None:
        assert not terms.in_adaptation(start, on)
    else:
        last = add(start, terms.adaptation) - ONE_DAY
        assert terms.adaptation_end(start) == last
        assert terms.in_adaptation(start, on) == (on <= last)


@given(first=term_lengths, second=term_lengths, start=starts)
def test_surely_shorter_holds_from_any_start(
    first: Duration, second: Duration, start: dt.date
) -> None:
    """A length surely shorter than another reaches less far from any start date."""
    assume(surely_shorter(first, second))
    assert add(start, first) < add(start, second)


def test_surely_shorter_by_hand() -> None:
    """Months against years and days, in both directions, and the uncertain cases."""
    month, year = Duration(months=1), Duration(years=1)
    assert surely_shorter(month, year) and not surely_shorter(year, month)
    assert surely_shorter(month, Duration(days=32)) and surely_shorter(Duration(days=27), month)
    assert not surely_shorter(month, Duration(days=30))
    assert not surely_shorter(Duration(days=30), month)
    assert not surely_shorter(month, month)
    assert surely_shorter(Duration(months=1), Duration(months=1, days=1))


def test_terms_are_values() -> None:
    """Equal terms are equal and hashable; a source is kept."""
    source = Source(title="Délibération du conseil départemental")
    first = AuthorisationTerms(duration="1 year", renewal="tacit", source=source)
    assert first == AuthorisationTerms(duration="1 an", renewal="tacite", source=source)
    assert len({first, AuthorisationTerms(duration="P1Y", renewal="tacit", source=source)}) == 1
