"""A workforce at a glance, and the commuting modes in words."""

from __future__ import annotations

import re

from teletravail.samples import lot_2013_workforce
from teletravail.workforce import CommuteMode
from teletravail.workforce.agent import COMMUTE_MODES
from teletravail.workforce.summary import MODE_WORDS, mode_word


def test_every_mode_has_words_in_both_languages() -> None:
    assert set(MODE_WORDS) == set(COMMUTE_MODES)
    assert mode_word("car_thermal", "fr") == "voiture thermique"
    assert mode_word(CommuteMode.CAR_THERMAL, "en") == "combustion-engine car"
    assert all("_" not in mode_word(m, lang) for m in COMMUTE_MODES for lang in ("en", "fr"))


def test_workforce_display_and_repr() -> None:
    staff = lot_2013_workforce()
    assert repr(staff) == "<Workforce of 1200 agents>"
    french = re.sub(r"<[^>]+>", " ", staff.to_html("fr"))
    english = re.sub(r"<[^>]+>", " ", staff.to_html("en"))
    assert re.search(r"agents\s+1\u202f200", french)
    assert "du 2 janvier 2000 au 29 décembre 2012" in french
    assert "voiture thermique" in french and "combustion-engine car" in english
    assert re.search(r"production\s+250", english)
    assert re.search(r"7 others\s+395", english)
