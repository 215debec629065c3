"""The parties an act names: the employer and the agent who teleworks.

Free text a person reads (a post, the duties) is a plain string, the same in both
languages, or a :class:`~teletravail.messages.Phrase` that holds its English and its
French.

>>> from teletravail.messages import Phrase
>>> agent = Teleworker(id="A-17", name="Claire Martin", duties=Phrase(
...     "drafting of public contracts", "rédaction des marchés publics"))
>>> agent.duties.text("fr")
'rédaction des marchés publics'
"""

from __future__ import annotations

from typing import Any

import attrs

from teletravail.acts.mentions import Mention, missing_mention
from teletravail.errors import ValidationError
from teletravail.messages import Phrase

__all__ = ["Employer", "Teleworker", "text_field"]


def text_field(value: Any, field: str) -> str:
    """``value`` if it is text that is not blank (a :class:`Phrase` stays one), else a
    :class:`ValidationError` naming ``field``; a missing mandatory mention is a
    :class:`~teletravail.errors.MissingMentionError`."""
    if isinstance(value, str) and value.strip():
        return value
    if field in set(Mention):
        raise missing_mention(field, value)
    raise ValidationError(field, value, Phrase("a non-empty text", "un texte non vide"))


def _text(instance: Any, attribute: Any, value: Any) -> None:
    text_field(value, attribute.name)


def _optional(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        text_field(value, attribute.name)


@attrs.frozen(kw_only=True)
class Employer:
    """The employer: its ``name`` (``"Conseil départemental du Lot"``) and its
    ``territory`` (``"Lot"``), and who signs for it (``signatory``, a title such as
    ``"Le Président"``; optional)."""

    name: str = attrs.field(validator=_text)
    territory: str = attrs.field(validator=_text)
    signatory: str | None = attrs.field(default=None, validator=_optional)


@attrs.frozen(kw_only=True)
class Teleworker:
    """The agent an act concerns: their ``id`` in the workforce, their ``name``, their
    ``post`` (optional) and the ``duties`` they perform in telework (a mandatory
    mention: without them, a :class:`~teletravail.errors.MissingMentionError` naming ``duties``)."""

    id: str = attrs.field(validator=_text)
    name: str = attrs.field(validator=_text)
    duties: str | None = attrs.field(default=None, validator=_text)
    post: str | None = attrs.field(default=None, validator=_optional)
