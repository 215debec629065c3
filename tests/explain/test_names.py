"""Every rule the library can name in a refusal has a name in English and French."""

from __future__ import annotations

import pytest

from teletravail.eligibility import criteria
from teletravail.explain.names import RULE_NAMES, rule_name
from teletravail.policy.statuses import RULE_ORDER


def codes_of_the_library() -> set[str]:
    found = {"population.none", "population.outside", *RULE_ORDER}
    for name in criteria.__all__:
        code = getattr(getattr(criteria, name), "CODE", "")
        if isinstance(code, str) and code:
            found.add(code)
    return found


def test_every_code_of_the_library_has_a_name() -> None:
    codes = codes_of_the_library()
    assert len(codes) >= 19
    assert sorted(codes - set(RULE_NAMES)) == []


@pytest.mark.parametrize("code", sorted(RULE_NAMES))
def test_a_name_is_words_in_each_language(code: str) -> None:
    name = rule_name(code)
    for text in (str(name), name.text("fr")):
        assert text and "_" not in text and "." not in text and text != code


def test_a_code_of_an_application_s_own_is_named_by_its_words() -> None:
    assert rule_name("union.member_since").text("fr") == "union member since"
