"""The language of a response: ``?lang=`` first, then ``Accept-Language`` by q-value."""

from __future__ import annotations

import pytest

from .conftest import web_stack

web_stack()

from teletravail.errors import ValidationError  # noqa: E402
from teletravail.server.language import negotiate, preferred  # noqa: E402


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "en"),
        ("", "en"),
        ("fr", "fr"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        ("en-GB, fr;q=0.7", "en"),
        ("de, fr;q=0.5, en;q=0.4", "fr"),
        ("en;q=0.2, fr;q=0.9", "fr"),
        ("fr;q=0, en;q=0.1", "en"),
        ("es, it", "en"),
        ("*;q=0.5, fr;q=0.4", "en"),
        ("fr;q=bad, en;q=0.3", "en"),
        ("fr;q=2", "en"),
        ("FR-ca", "fr"),
        ("fr;q=0.5, en;q=0.5", "fr"),
    ],
)
def test_the_header_picks_the_highest_q_value_among_the_languages_spoken(
    header: str | None, lang: str
) -> None:
    assert preferred(header) == lang


def test_an_explicit_language_wins_and_an_unknown_one_is_an_error() -> None:
    assert negotiate("en", "fr") == "en"
    assert negotiate(None, "fr") == "fr"
    with pytest.raises(ValidationError) as caught:
        negotiate("de", "fr")
    assert caught.value.field == "lang"
    assert (
        caught.value.text("fr")
        == "lang\u00a0: attendu une valeur parmi en, fr, trouvé «\u00a0de\u00a0»"
    )
