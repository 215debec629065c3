"""The iCalendar events of a schedule in English and French, from each day's data."""

from __future__ import annotations

import datetime as dt

import pytest

from teletravail.errors import ValidationError
from teletravail.scheduling import WeeklyPattern, plan
from teletravail.scheduling.calendar_text import event_description, event_summary, place_words
from teletravail.week import DayPart, Place

icalendar = pytest.importorskip("icalendar")


@pytest.mark.parametrize(
    ("place", "english", "french"),
    [
        ("home", "Telework at home", "Télétravail à domicile"),
        (
            "telecentre:Figeac",
            "Telework at the Figeac télécentre",
            "Télétravail au télécentre de Figeac",
        ),
        (
            "telecentre:Assier",
            "Telework at the Assier télécentre",
            "Télétravail au télécentre d'Assier",
        ),
        ("telecentre", "Telework at a télécentre", "Télétravail dans un télécentre"),
        ("site:Cahors", "Telework at the Cahors site", "Télétravail sur le site de Cahors"),
        ("other", "Telework at another place", "Télétravail dans un autre lieu"),
    ],
)
def test_summaries(place: str, english: str, french: str) -> None:
    """Each kind of place, named or not, written by hand in both languages."""
    where = Place.parse(place)
    assert event_summary(where, DayPart.FULL, "en") == english
    assert event_summary(where, DayPart.FULL, "fr") == french
    assert event_summary(where, DayPart.AM, "fr") == french + " (matin)"
    assert event_summary(where, DayPart.PM, "en") == english + " (afternoon)"
    assert place_words(where, "fr") in french


def test_events_in_both_languages() -> None:
    """to_ics(lang=...) writes the summary and description in that language, tagged
    with it; English by default."""
    pattern = WeeklyPattern.of({"tue": ("am", "home"), "thu": ("full", "telecentre:Figeac")})
    schedule = plan(pattern, "2024-01-01", "2024-01-07")
    french = list(icalendar.Calendar.from_ical(schedule.to_ics(lang="fr")).walk("VEVENT"))
    assert [str(e["summary"]) for e in french] == [
        "Télétravail à domicile (matin)",
        "Télétravail au télécentre de Figeac",
    ]
    assert str(french[0]["description"]) == "Matinée de télétravail à domicile, le 2 janvier 2024."
    assert french[0]["summary"].params["LANGUAGE"] == "fr"
    english = list(icalendar.Calendar.from_ical(schedule.to_ics()).walk("VEVENT"))
    assert [str(e["summary"]) for e in english] == [
        "Telework at home (morning)",
        "Telework at the Figeac télécentre",
    ]
    assert str(english[1]["description"]) == (
        "A day of telework at the Figeac télécentre, on 4 January 2024."
    )


def test_descriptions_name_the_agent() -> None:
    """An agent's schedule says whose it is."""
    day = dt.date(2013, 3, 1)
    assert event_description(Place.parse("home"), DayPart.PM, "B", day, "fr") == (
        "Après-midi de télétravail à domicile pour l'agent B, le 1er mars 2013."
    )
    assert event_description(Place.parse("home"), DayPart.FULL, "B", day, "en") == (
        "A day of telework at home for agent B, on 1 March 2013."
    )


def test_an_unknown_language_is_refused() -> None:
    """A language the library does not have is a typed error listing en and fr."""
    schedule = plan(WeeklyPattern.of(["tue"]), "2024-01-01", "2024-01-07")
    with pytest.raises(ValidationError) as caught:
        schedule.to_ics(lang="de")
    assert "en, fr" in str(caught.value)
