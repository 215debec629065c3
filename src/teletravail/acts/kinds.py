"""The kinds of individual act, by sector, and the body an agent appeals to.

In the public service an authorisation to telework is granted by an individual act of
the employer, an **arrêté** or a **décision individuelle** (décret n° 2016-151 as
amended, art. 8); a refusal or an ending at the employer's initiative may be brought
before the **CAP** (commission administrative paritaire) by a fonctionnaire, before the
**CCP** (commission consultative paritaire) by a contract agent. In the private sector
telework is set in an **avenant** to the employment contract or in an agreement the
employer and the employee record **by any means** (Code du travail, art. L. 1222-9); no
joint committee hears an appeal.

>>> ActKind.ARRETE.words("fr"), ActKind.AVENANT.words("en")
('arrêté', 'amendment to the employment contract')
>>> ActKind("avenant").sector
<Sector.PRIVATE: 'private'>
>>> appeal_body("contract_staff").words("fr")
'commission consultative paritaire (CCP)'
"""

from __future__ import annotations

import enum
from typing import Any, Final

from teletravail._checks import enum_value
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.procedure.framework import AppealBody, Sector
from teletravail.procedure.framework import appeal_body as public_appeal_body
from teletravail.workforce.fields import ContractType, contract_type_or_none

__all__ = ["ACT_KIND_WORDS", "ActKind", "AppealBody", "Sector", "act_kind", "appeal_body"]


class ActKind(enum.StrEnum):
    """The kind of written act that grants telework to one agent."""

    ARRETE = "arrete"  # arrêté (public service)
    DECISION = "decision"  # décision individuelle (public service)
    AVENANT = "avenant"  # avenant au contrat de travail (private sector)
    AGREEMENT = "agreement"  # accord formalisé par tout moyen (private sector)

    @property
    def sector(self) -> Sector:
        """The sector this kind of act belongs to."""
        return Sector.PUBLIC if self in (ActKind.ARRETE, ActKind.DECISION) else Sector.PRIVATE

    def words(self, lang: Lang = "en") -> str:
        """The kind of act in words, as its title names it."""
        return _KIND_WORDS[self].text(check_lang(lang))


_KIND_WORDS: Final = {
    ActKind.ARRETE: Phrase("order (arrêté)", "arrêté"),
    ActKind.DECISION: Phrase("individual decision", "décision individuelle"),
    ActKind.AVENANT: Phrase(
        "amendment to the employment contract", "avenant au contrat de travail"
    ),
    ActKind.AGREEMENT: Phrase("agreement recorded by any means", "accord formalisé par tout moyen"),
}

#: The French words of each kind of act, read as its value (accents and case aside).
ACT_KIND_WORDS: Final = {
    "arrêté": "arrete",
    "décision": "decision",
    "décision individuelle": "decision",
    "decision individuelle": "decision",
    "accord": "agreement",
}


def act_kind(value: Any, field: str = "kind") -> ActKind:
    """A kind of act from itself, its value or its French word."""
    if isinstance(value, str):
        value = ACT_KIND_WORDS.get(value.strip().lower(), value)
    return enum_value(ActKind, value, field)


def appeal_body(
    contract_type: ContractType | str | None, sector: Sector | str = "public"
) -> AppealBody:
    """The body an agent of ``contract_type`` appeals to in ``sector``: none in the
    private sector; in the public service the CAP for fonctionnaires and probationers,
    the CCP for contract staff. Another kind of employment (an apprentice, a trainee)
    has no joint committee of its own: a :class:`ValidationError` naming
    ``contract_type``, so that the act states the body explicitly."""
    where = enum_value(Sector, sector, "sector")
    if where is Sector.PRIVATE:
        return AppealBody.NONE
    kind = contract_type_or_none(contract_type)
    found = public_appeal_body(kind) if kind is not None else None
    if found is None:
        raise ValidationError(
            "contract_type",
            contract_type,
            Phrase(
                "a fonctionnaire, a probationer or contract staff (otherwise state the appeal"
                " body)",
                "un fonctionnaire, un stagiaire ou un agent contractuel (sinon, indiquer"
                " l'instance de recours)",
            ),
        )
    return found
