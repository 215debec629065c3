"""Weekly patterns in words: weekdays, parts of days and places named in full."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.errors import ValidationError
from teletravail.explain.patterns import WEEKDAY_NAMES, pattern_words, place_words
from teletravail.week import Place, WeeklyPattern


@pytest.mark.parametrize(
    ("written", "french", "english"),
    [
        ("Mon @ home", "lundi à domicile", "Monday at home"),
        (
            "Tue @ home, Thu am @ home",
            "mardi à domicile, jeudi matin à domicile",
            "Tuesday at home, Thursday morning at home",
        ),
        (
            "Wed pm @ telecentre:Figeac",
            "mercredi après-midi au télécentre de Figeac",
            "Wednesday afternoon at the Figeac télécentre",
        ),
        (
            "Fri @ télécentre d'Assier",
            "vendredi au télécentre d'Assier",
            "Friday at the Assier télécentre",
        ),
        ("Mon @ telecentre", "lundi dans un télécentre", "Monday at a télécentre"),
        ("Thu @ site:Cahors", "jeudi sur le site de Cahors", "Thursday at the Cahors site"),
        ("Tue @ autre", "mardi dans un autre lieu", "Tuesday at another place"),
        ("", "aucun jour", "no day"),
    ],
)
def test_patterns_by_hand(written: str, french: str, english: str) -> None:
    pattern = WeeklyPattern.parse(written)
    assert pattern_words(pattern, "fr") == french
    assert pattern_words(pattern, "en") == english


@given(st.sets(st.integers(0, 6), min_size=1))
def test_every_weekday_is_named_in_full(days: set[int]) -> None:
    pattern = WeeklyPattern.of(sorted(days))
    for lang in ("en", "fr"):
        text = pattern_words(pattern, lang)
        assert "@" not in text and "_" not in text
        assert [part.split(" ")[0] for part in text.split(", ")] == [
            WEEKDAY_NAMES[lang][day] for day in sorted(days)
        ]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError, match="en, fr"):
        place_words(Place.parse("home"), "de")
