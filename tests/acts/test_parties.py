"""The employer and the teleworker: text fields checked, naming the field."""

from __future__ import annotations

import pytest

from teletravail.acts import Employer, MissingMentionError, Teleworker
from teletravail.errors import ValidationError
from teletravail.messages import Phrase


def test_a_phrase_keeps_both_languages() -> None:
    agent = Teleworker(id="A-1", name="Claire", duties=Phrase("filing", "classement"))
    assert agent.duties is not None and agent.duties.text("fr") == "classement"


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"name": ""}, "name"), ({"territory": 3}, "territory"), ({"signatory": " "}, "signatory")],
)
def test_an_employer_needs_its_texts(changes: dict[str, object], field: str) -> None:
    fields: dict[str, object] = {"name": "Commune de Figeac", "territory": "Lot"} | changes
    with pytest.raises(ValidationError) as caught:
        Employer(**fields)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert not isinstance(caught.value, MissingMentionError)


def test_a_teleworker_without_a_post_is_fine_but_not_without_duties() -> None:
    assert Teleworker(id="A-1", name="Claire", duties="classement").post is None
    with pytest.raises(MissingMentionError):
        Teleworker(id="A-1", name="Claire")
    with pytest.raises(ValidationError) as caught:
        Teleworker(id="", name="Claire", duties="x")
    assert caught.value.field == "id"
