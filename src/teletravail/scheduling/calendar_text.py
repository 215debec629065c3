"""The words of a schedule's iCalendar events, in English and French, from the data of
each day: where the telework happens, which half of the day, whose and when.

>>> from teletravail.week import Place, DayPart
>>> event_summary(Place.parse("home"), DayPart.FULL, "fr")
'Télétravail à domicile'
>>> event_summary(Place.parse("telecentre:Figeac"), DayPart.PM, "fr")
'Télétravail au télécentre de Figeac (après-midi)'
>>> event_summary(Place.parse("telecentre:Figeac"), DayPart.AM, "en")
'Telework at the Figeac télécentre (morning)'
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from teletravail.explain.patterns import place_words
from teletravail.formats import date
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.week import DayPart, Place

__all__ = ["TELEWORK", "event_description", "event_summary", "place_words"]

#: The word an event starts with.
TELEWORK: Final = Phrase("Telework", "Télétravail")

#: Where, for a place without a name, and the template for one with a name.
_HALVES: Final[dict[DayPart, Phrase]] = {
    DayPart.AM: Phrase(" (morning)", " (matin)"),
    DayPart.PM: Phrase(" (afternoon)", " (après-midi)"),
    DayPart.FULL: Phrase("", ""),
}
_DAYS: Final[dict[DayPart, Phrase]] = {
    DayPart.FULL: Phrase("A day of telework", "Journée de télétravail"),
    DayPart.AM: Phrase("A morning of telework", "Matinée de télétravail"),
    DayPart.PM: Phrase("An afternoon of telework", "Après-midi de télétravail"),
}
_DESCRIPTION: Final = Phrase("{day} {where}, on {date}.", "{day} {where}, le {date}.")
_WHOSE: Final = Phrase(
    "{day} {where} for agent {agent}, on {date}.",
    "{day} {where} pour l'agent {agent}, le {date}.",
)


def event_summary(place: Place, part: DayPart, lang: Lang = "en") -> str:
    """The summary of one day's event: ``Telework at home``, ``Télétravail au
    télécentre de Figeac (matin)``; an unknown ``lang`` is a
    :class:`~teletravail.errors.ValidationError` listing the known ones."""
    said = check_lang(lang)
    return f"{TELEWORK.text(said)} {place_words(place, said)}{_HALVES[part].text(said)}"


def event_description(
    place: Place, part: DayPart, agent: str | None, day: dt.date, lang: Lang = "en"
) -> str:
    """The description of one day's event: what, where, whose (when known) and when,
    in words: ``Matinée de télétravail à domicile pour l'agent B, le 2 janvier 2024.``"""
    said = check_lang(lang)
    text = (_DESCRIPTION if agent is None else _WHOSE).text(said)
    where = place_words(place, said)
    return text.format(day=_DAYS[part].text(said), where=where, agent=agent, date=date(day, said))
