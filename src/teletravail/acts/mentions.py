"""The mandatory mentions of an individual act and of the information document.

The public-service framework (décret n° 2016-151 as amended by décret n° 2020-524, art.
8) lists what the individual act states: the duties done in telework, the places, the
modality (fixed or floating days), its duration if it has one, the hours when the agent
can be reached, the start date and the adaptation period. With the act the agent
receives a document on the rules that apply to them: working time and how it is
counted, the equipment provided, health and safety, the protection of data, and how
telework ends. Each is a :class:`Mention`; an act or a document without one is a
:class:`~teletravail.errors.MissingMentionError` naming it (:func:`missing_mention`),
and a rendering whose template leaves one out is refused the same way.

>>> print(Mention.HOURS.words("fr"))
plages horaires pendant lesquelles l'agent peut être joint
>>> [mention.value for mention in ACT_MENTIONS]
['duties', 'places', 'modality', 'duration', 'hours', 'start', 'adaptation']
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from teletravail.errors import MissingMentionError
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.sources import DECRET_2016_151, DECRET_2020_524

__all__ = [
    "ACT_MENTIONS",
    "DOCUMENT_MENTIONS",
    "MENTIONS_SOURCE",
    "Mention",
    "missing_mention",
]

#: The article that lists the act's mentions and the information given with it.
MENTIONS_SOURCE: Final = attrs.evolve(
    DECRET_2016_151, article="8", amended_by=DECRET_2020_524.title.replace("Décret", "décret")
)


class Mention(enum.StrEnum):
    """A mention an act or the information document must carry; its value is the field
    that holds it."""

    DUTIES = "duties"
    PLACES = "places"
    MODALITY = "modality"
    DURATION = "duration"
    HOURS = "hours"
    START = "start"
    ADAPTATION = "adaptation"
    WORKING_TIME = "working_time"
    EQUIPMENT = "equipment"
    HEALTH_SAFETY = "health_safety"
    DATA_PROTECTION = "data_protection"
    ENDING = "ending"

    def words(self, lang: Lang = "en") -> str:
        """What the mention is, in words (a heading of the rendered document)."""
        return _WORDS[self].text(check_lang(lang))


_WORDS: Final = {
    Mention.DUTIES: Phrase("duties performed in telework", "fonctions exercées en télétravail"),
    Mention.PLACES: Phrase("places of telework", "lieux d'exercice du télétravail"),
    Mention.MODALITY: Phrase("modality of telework", "modalités du télétravail"),
    Mention.DURATION: Phrase("duration", "durée"),
    Mention.HOURS: Phrase(
        "hours when the agent can be reached",
        "plages horaires pendant lesquelles l'agent peut être joint",
    ),
    Mention.START: Phrase("start date", "date de prise d'effet"),
    Mention.ADAPTATION: Phrase("adaptation period", "période d'adaptation"),
    Mention.WORKING_TIME: Phrase(
        "working time and how it is counted", "temps de travail et son décompte"
    ),
    Mention.EQUIPMENT: Phrase("equipment provided", "équipements mis à disposition"),
    Mention.HEALTH_SAFETY: Phrase("health and safety", "santé et sécurité au travail"),
    Mention.DATA_PROTECTION: Phrase(
        "security of information systems and protection of data",
        "sécurité des systèmes d'information et protection des données",
    ),
    Mention.ENDING: Phrase("ending telework", "fin du télétravail"),
}

#: The mentions of the individual act, in the order the act states them.
ACT_MENTIONS: Final = (
    Mention.DUTIES,
    Mention.PLACES,
    Mention.MODALITY,
    Mention.DURATION,
    Mention.HOURS,
    Mention.START,
    Mention.ADAPTATION,
)

#: The mentions of the information document given with the act.
DOCUMENT_MENTIONS: Final = (
    Mention.WORKING_TIME,
    Mention.EQUIPMENT,
    Mention.HEALTH_SAFETY,
    Mention.DATA_PROTECTION,
    Mention.ENDING,
)


def missing_mention(mention: Mention | str, value: Any, where: str = "") -> MissingMentionError:
    """The error of a missing ``mention``: from the data (``value`` is what was given),
    or from the rendering of the template ``where`` (then ``value`` names it)."""
    said = Mention(mention)
    expected = Phrase(
        "the {words}, a mandatory mention ({source}){where}",
        "la mention «\u00a0{french}\u00a0», obligatoire ({source_fr}){where_fr}",
        words=said.words("en"),
        french=said.words("fr"),
        source=MENTIONS_SOURCE.cite("en"),
        source_fr=MENTIONS_SOURCE.cite("fr"),
        where=f" in the rendering of {where}" if where else "",
        where_fr=f" dans le rendu de {where}" if where else "",
    )
    return MissingMentionError(said.value, value, expected, where)
