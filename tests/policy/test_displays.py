"""What a notebook shows of a policy and its assessments: one short line as repr, and
a small HTML display in English or French, in words and numbers for people."""

from __future__ import annotations

import re

import pytest

from teletravail import display, presets
from teletravail.policy import BatchAssessment
from teletravail.samples import lot_2013_workforce


@pytest.fixture(scope="module")
def batch() -> BatchAssessment:
    return presets.load("lot-2013").assess(lot_2013_workforce(), on="2013-01-01")


def text(html: str) -> str:
    """The text a reader sees, tags dropped."""
    return re.sub(r"<[^>]+>", " ", html)


def test_policy_repr_is_one_short_line_and_its_display_speaks_both_languages() -> None:
    lot = presets.load("lot-2013")
    assert repr(lot) == "<Policy 'Lot 2013' of 'Conseil général du Lot', 2013-01-01..>"
    english, french = text(lot.to_html("en")), text(lot.to_html("fr"))
    assert "from 1 January 2013" in english and "à partir du 1er janvier 2013" in french
    assert "minimum seniority" in english and "ancienneté minimale" in french
    assert "1.5 days a week" in english and "1,5 jour par semaine" in french
    assert "home, télécentre, another site" in english
    assert "seniority.minimum" not in english + french
    with display.language("fr"):
        assert lot._repr_html_() == lot.to_html("fr")
    assert lot._repr_html_() == lot.to_html("en")


def test_batch_display_counts_statuses_in_words(batch: BatchAssessment) -> None:
    english, french = text(batch.to_html("en")), text(batch.to_html("fr"))
    assert "Lot 2013, 1 January to 31 December 2013, 1,200 agents" in english
    assert "du 1er janvier au 31 décembre 2013, 1\u202f200 agents" in french
    assert re.search(r"not eligible\s+1,180", english)
    assert re.search(r"non éligibles\s+1\u202f180", french)
    assert "26,984 km" in english and "26\u202f984 km" in french
    assert "5.87 t CO2e" in english and "€1,300.00" in english
    assert "not_eligible" not in english
    assert (
        repr(batch)
        == "<BatchAssessment of 'Lot 2013' over 2013-01-01..2013-12-31: 13 granted of 1200>"
    )


def test_assessment_display_names_the_rules_in_the_way(batch: BatchAssessment) -> None:
    one = batch.explain(0)
    english, french = text(one.to_html("en")), text(one.to_html("fr"))
    assert "Agent SYN-0000001" in english
    assert "excluded roles, volunteering, teleworkable post" in english
    assert "fonctions exclues, volontariat, poste télétravaillable" in french
    assert "non éligible" in french
    assert len(repr(one).splitlines()) == 1
