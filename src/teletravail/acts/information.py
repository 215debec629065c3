"""The information document given to the agent with the individual act.

With the act the agent receives a document on the rules that apply to them in
telework (décret n° 2016-151 as amended, art. 8): working time and how it is counted,
the equipment the employer provides (its installation, use, maintenance and return),
health and safety, the security of information systems and the protection of data, and
how telework ends. The employer writes the first four (a plain string, or a
:class:`~teletravail.messages.Phrase` with its English and French); the rules on ending
come from the act itself (each side's notice, the adaptation period, the appeal body).
"""

from __future__ import annotations

from typing import Any

import attrs

from teletravail.acts.act import IndividualAct
from teletravail.acts.mentions import DOCUMENT_MENTIONS, Mention
from teletravail.acts.parties import text_field
from teletravail.acts.rendering import Format, render_document
from teletravail.acts.words import document_context, document_mentions
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase

__all__ = ["InformationDocument"]


def _act(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, IndividualAct):
        raise ValidationError("act", value, Phrase("an IndividualAct", "un objet IndividualAct"))


def _mention(instance: Any, attribute: Any, value: Any) -> None:
    text_field(value, attribute.name)


@attrs.frozen(kw_only=True)
class InformationDocument:
    """The information given to the agent with ``act``: ``working_time`` (the rules on
    working time and how it is counted and checked), ``equipment`` (what the employer
    provides and how it is installed, used, maintained and returned),
    ``health_safety`` and ``data_protection``; the rules on ending are the act's. Each
    is a mandatory mention: left out or blank, a
    :class:`~teletravail.errors.MissingMentionError` naming it."""

    act: IndividualAct = attrs.field(validator=_act)
    working_time: str = attrs.field(default=None, validator=_mention)
    equipment: str = attrs.field(default=None, validator=_mention)
    health_safety: str = attrs.field(default=None, validator=_mention)
    data_protection: str = attrs.field(default=None, validator=_mention)

    def mentions(self, lang: Lang = "en") -> dict[Mention, str]:
        """The text of each mandatory mention in ``lang``."""
        return document_mentions(self, lang)

    def context(self, lang: Lang = "en") -> dict[str, Any]:
        """What a template receives (see :func:`teletravail.acts.words.document_context`)."""
        return document_context(self, lang)

    def render(self, lang: Lang = "fr", format: Format = "markdown", templates: Any = None) -> str:
        """The document written in ``lang`` as ``format``, from the shipped template or
        the one of the same name in the folder ``templates``."""
        return render_document("information", self, lang, format, templates, DOCUMENT_MENTIONS)
