"""Fixed, floating and mixed days: their kind, places and words."""

from __future__ import annotations

import pytest

from teletravail.acts import Modality, ModalityKind, Per
from teletravail.errors import ValidationError
from teletravail.week import Place, WeeklyPattern


def test_fixed_days_give_their_places_once_in_weekday_order() -> None:
    modality = Modality(pattern="Mon @ telecentre:Figeac, Tue @ home, Thu @ telecentre:Figeac")
    assert modality.kind is ModalityKind.FIXED
    assert modality.places == (Place.parse("telecentre:Figeac"), Place.parse("home"))


@pytest.mark.parametrize(
    ("count", "per", "fr", "en"),
    [
        (1, "semaine", "1 jour par semaine", "1 day a week"),
        (2, "month", "2 jours par mois", "2 days a month"),
        (1200, "année", "1\u202f200 jours par an", "1,200 days a year"),
    ],
)
def test_floating_days_are_a_volume(count: int, per: str, fr: str, en: str) -> None:
    modality = Modality(floating=count, per=per)
    assert modality.kind is ModalityKind.FLOATING and modality.places == ()
    assert modality.words("fr") == f"jours flottants\u00a0: {fr}"
    assert modality.words("en") == f"floating days: {en}"


def test_mixed_days_say_both() -> None:
    modality = Modality(pattern=WeeklyPattern.parse("Wed am @ home"), floating=3, per=Per.MONTH)
    assert modality.kind is ModalityKind.MIXED
    assert (
        modality.words("en")
        == "fixed days: Wednesday morning at home; floating days: 3 days a month"
    )
    assert ModalityKind.MIXED.words("fr") == "jours fixes et jours flottants"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({}, "modality"),
        ({"pattern": WeeklyPattern(days=())}, "pattern"),
        ({"pattern": 3}, "pattern"),
        ({"floating": 0}, "floating"),
        ({"floating": True}, "floating"),
        ({"floating": 2, "per": "day"}, "per"),
    ],
)
def test_bad_modalities_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Modality(**changes)  # type: ignore[arg-type]
    assert caught.value.field == field
