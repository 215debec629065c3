"""The information document: its mentions from the employer's texts and the act."""

from __future__ import annotations

import pytest

from teletravail.acts import DOCUMENT_MENTIONS, Mention, MissingMentionError
from teletravail.errors import ValidationError

from . import lot_act, lot_document


@pytest.mark.parametrize("mention", [m for m in DOCUMENT_MENTIONS if m is not Mention.ENDING])
@pytest.mark.parametrize("value", [None, "", "  "])
def test_a_document_without_a_mention_names_it(mention: Mention, value: object) -> None:
    with pytest.raises(MissingMentionError) as caught:
        lot_document(**{mention.value: value})
    assert caught.value.field == mention.value


def test_the_document_needs_an_act() -> None:
    with pytest.raises(ValidationError) as caught:
        lot_document(act="arrêté du 15 août")
    assert caught.value.field == "act"


def test_the_ending_rules_are_the_acts() -> None:
    """Notice, adaptation and appeal come from the act; a private agreement has no
    appeal body and names the employee."""
    said = lot_document().mentions("en")
    assert list(said) == list(DOCUMENT_MENTIONS)
    assert said[Mention.ENDING] == (
        "Either party may end telework at any time, in writing, with notice of 2 months"
        " when the agent ends it and 2 months when the employer does, reduced to 1 month"
        " during the adaptation period. The employer may shorten its notice for a need of"
        " the service, stating its reasons."
    )
    private = lot_document(
        act=lot_act(
            kind="accord", appeal="none", employer_may_shorten=False, notice_employer="3 mois"
        )
    )
    text = private.render("fr")
    assert private.mentions("fr")[Mention.ENDING] == (
        "Chacune des parties peut mettre fin au télétravail à tout moment et par écrit,"
        " moyennant un préavis de 2 mois lorsque la demande émane du salarié et de 3 mois"
        " lorsqu'elle émane de l'employeur, ramené à 1 mois pendant la période d'adaptation."
    )
    assert (
        "commission" not in text and "avec l'accord relatif au télétravail du 15 août 2025" in text
    )
    assert private.context("fr")["act_mentions"]["start"] == "1er septembre 2025"
