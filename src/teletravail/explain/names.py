"""The names of the rules in words, in English and French: what a text says in place of
a rule's stable code (``seniority.minimum`` is "minimum seniority", « ancienneté
minimale »). Codes stay in JSON and tables; prose names the rule.

>>> from teletravail.explain.names import rule_name
>>> rule_name("seniority.minimum").text("fr")
'ancienneté minimale'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from teletravail.messages import Phrase

__all__ = ["RULE_NAMES", "rule_name"]

#: Each rule's name, by its code: the eligibility criteria, the policy's places, the
#: quota's rules and the populations that put an agent outside the scheme.
RULE_NAMES: Final[Mapping[str, Phrase]] = MappingProxyType(
    {
        "seniority.minimum": Phrase("minimum seniority", "ancienneté minimale"),
        "working_time.minimum": Phrase("minimum working time", "quotité de travail minimale"),
        "role.excluded": Phrase("excluded roles", "fonctions exclues"),
        "contract_type.excluded": Phrase("excluded contract types", "types de contrat exclus"),
        "activities.excluded": Phrase("excluded activities", "activités exclues"),
        "activities.teleworkable_share": Phrase(
            "share of teleworkable activities", "part d'activités télétravaillables"
        ),
        "commute_distance.minimum": Phrase(
            "minimum commute distance", "distance minimale domicile-travail"
        ),
        "commute_time.minimum": Phrase("minimum commute time", "temps de trajet minimal"),
        "volunteer": Phrase("volunteering", "volontariat"),
        "post.teleworkable": Phrase("teleworkable post", "poste télétravaillable"),
        "derogation.active": Phrase("derogation in force", "dérogation en cours"),
        "policy.places": Phrase("places of telework", "lieux de télétravail"),
        "quota.granularity": Phrase("whole or half days", "journées ou demi-journées"),
        "quota.workdays": Phrase("days worked", "jours travaillés"),
        "quota.minimum": Phrase("telework minimum", "minimum de télétravail"),
        "quota.maximum": Phrase("telework maximum", "maximum de télétravail"),
        "quota.on_site": Phrase("presence on site", "présence sur site"),
        "population.none": Phrase(
            "in none of the scheme's populations", "dans aucune population du dispositif"
        ),
        "population.outside": Phrase(
            "a population outside the scheme", "une population hors du dispositif"
        ),
    }
)


def rule_name(code: str) -> Phrase:
    """The name of the rule ``code`` in words. A code the library does not know (a
    criterion of an application's own) is named by its words, the dots and underscores
    as spaces (``"union.member"`` is "union member")."""
    found = RULE_NAMES.get(code)
    if found is not None:
        return found
    words = code.replace(".", " ").replace("_", " ").strip()
    return Phrase(words, words)
