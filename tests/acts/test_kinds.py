"""Kinds of act, sectors and appeal bodies: their words and how they are read."""

from __future__ import annotations

import pytest

from teletravail.acts import ActKind, AppealBody, Sector, appeal_body
from teletravail.acts.kinds import act_kind
from teletravail.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "kind", "sector"),
    [
        ("arrêté", ActKind.ARRETE, Sector.PUBLIC),
        ("Décision individuelle", ActKind.DECISION, Sector.PUBLIC),
        ("avenant", ActKind.AVENANT, Sector.PRIVATE),
        ("accord", ActKind.AGREEMENT, Sector.PRIVATE),
        ("agreement", ActKind.AGREEMENT, Sector.PRIVATE),
    ],
)
def test_a_kind_is_read_from_its_french_word(text: str, kind: ActKind, sector: Sector) -> None:
    assert act_kind(text) is kind and kind.sector is sector


def test_an_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        act_kind("contrat")
    assert caught.value.field == "kind" and "arrete, decision, avenant, agreement" in str(
        caught.value
    )


def test_each_kind_and_body_has_words_in_both_languages() -> None:
    for kind in ActKind:
        assert kind.words("fr") and kind.words("en") and kind.words("fr") != kind.words("en")
    assert AppealBody.CAP.words("fr") == "commission administrative paritaire (CAP)"
    assert AppealBody.NONE.words("en") == "no joint committee"
    assert Sector.PRIVATE.words("fr") == "secteur privé"
    with pytest.raises(ValidationError):
        ActKind.ARRETE.words("de")


@pytest.mark.parametrize(
    ("contract", "sector", "body"),
    [
        ("civil_servant", "public", AppealBody.CAP),
        ("titulaire", "public", AppealBody.CAP),
        ("probationer", "public", AppealBody.CAP),
        ("contract_staff", "public", AppealBody.CCP),
        ("contractuel", "public", AppealBody.CCP),
        ("doctoral_student", "public", AppealBody.CCP),
        ("civil_servant", "private", AppealBody.NONE),
        (None, "private", AppealBody.NONE),
    ],
)
def test_the_appeal_body_follows_the_contract(
    contract: str | None, sector: str, body: AppealBody
) -> None:
    assert appeal_body(contract, sector) is body


@pytest.mark.parametrize("contract", ["apprentice", "trainee", None])
def test_an_appeal_body_that_cannot_be_inferred_names_the_contract(contract: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        appeal_body(contract)
    assert caught.value.field == "contract_type"
