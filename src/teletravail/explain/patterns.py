"""A weekly pattern of telework in words, as a person reads it in a decision: weekdays
and places named in full (``mardi à domicile, jeudi matin au télécentre de Figeac``;
``Tuesday at home, Thursday morning at the Figeac télécentre``).

:meth:`WeeklyPattern.text <teletravail.week.WeeklyPattern.text>` writes a pattern as
it is typed, short and read back (``mar @ domicile``); this is the prose of the texts
that explain an answer.

>>> from teletravail.week import WeeklyPattern
>>> pattern = WeeklyPattern.parse("Tue @ home, Thu am @ telecentre:Figeac")
>>> pattern_words(pattern, "fr")
'mardi à domicile, jeudi matin au télécentre de Figeac'
>>> pattern_words(pattern, "en")
'Tuesday at home, Thursday morning at the Figeac télécentre'
"""

from __future__ import annotations

from typing import Final

from teletravail.messages import Lang, check_lang
from teletravail.week import DayPart, Place, PlaceKind, WeeklyPattern

__all__ = ["WEEKDAY_NAMES", "pattern_words", "place_words"]

#: The weekdays' names, Monday first, in English and French.
WEEKDAY_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}

_PARTS: Final = {
    "en": {DayPart.FULL: "", DayPart.AM: " morning", DayPart.PM: " afternoon"},
    "fr": {DayPart.FULL: "", DayPart.AM: " matin", DayPart.PM: " après-midi"},
}

#: Each kind of place, unnamed then named (``{name}``).
_PLACES: Final = {
    "en": {
        PlaceKind.HOME: ("at home", "at home"),
        PlaceKind.TELECENTRE: ("at a télécentre", "at the {name} télécentre"),
        PlaceKind.SITE: ("at another site", "at the {name} site"),
        PlaceKind.OTHER: ("at another place", "at {name}"),
    },
    "fr": {
        PlaceKind.HOME: ("à domicile", "à domicile"),
        PlaceKind.TELECENTRE: ("dans un télécentre", "au télécentre {of}{name}"),
        PlaceKind.SITE: ("sur un autre site", "sur le site {of}{name}"),
        PlaceKind.OTHER: ("dans un autre lieu", "à {name}"),
    },
}


def _of(name: str) -> str:
    """``de Figeac``, ``d'Assier``: the French preposition before a place's name."""
    return "d'" if name[:1].lower() in "aeiouyéèêàâîôûh" else "de "


def place_words(place: Place, lang: Lang) -> str:
    """Where, in words: ``à domicile``, ``au télécentre de Figeac``; ``at home``, ``at
    the Figeac télécentre``."""
    unnamed, named = _PLACES[check_lang(lang)][place.kind]
    if place.name is None:
        return unnamed
    return named.format(name=place.name, of=_of(place.name))


def pattern_words(pattern: WeeklyPattern, lang: Lang) -> str:
    """Each day of ``pattern``, its weekday, part and place in words, in weekday order;
    a pattern without a day is ``aucun jour`` (``no day``)."""
    lang = check_lang(lang)
    days = [
        f"{WEEKDAY_NAMES[lang][day.weekday]}{_PARTS[lang][day.part]} {place_words(day.place, lang)}"
        for day in pattern.days
    ]
    return ", ".join(days) or ("aucun jour" if lang == "fr" else "no day")
