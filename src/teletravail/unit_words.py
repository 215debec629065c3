"""Units in French words, both ways: the words a French text writes for the library's
units (``"2 jours par semaine"`` reads as ``2 workday/week``: :data:`FRENCH_UNITS`,
:func:`english_units`), and a quantity written back in French words with its plural
(:func:`french_quantity`, :func:`french_unit`).

It knows no registry: it works on the text of units and on anything with a
``magnitude`` and ``units``, so that the lowest modules (messages, errors) may use it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

__all__ = ["FRENCH_UNITS", "english_units", "french_quantity", "french_unit"]


#: The unit words of French texts, read as the library's units. A "jour" of telework
#: is a working day (the rules count days worked, never 24-hour days); "par" is "/".
FRENCH_UNITS: dict[str, str] = {
    "jour": "workday",
    "jours": "workday",
    "j": "workday",
    "journée": "workday",
    "journées": "workday",
    "demi-journée": "halfday",
    "demi-journées": "halfday",
    "semaine": "week",
    "semaines": "week",
    "sem": "week",
    "mois": "month",
    "an": "year",
    "ans": "year",
    "année": "year",
    "années": "year",
    "heure": "hour",
    "heures": "hour",
    "minute": "minute",
    "minutes": "minute",
    "kilomètre": "km",
    "kilomètres": "km",
    "trajet": "trip",
    "trajets": "trip",
    "euro": "EUR",
    "euros": "EUR",
    "par": "/",
}
_FOLDED = {
    unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode(): unit
    for word, unit in FRENCH_UNITS.items()
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def english_units(unit_text: str) -> str:
    """French unit words as the library's (``"jours/semaine"`` → ``"workday/week"``),
    accents and capitals aside; other words are left as they are."""

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        folded = unicodedata.normalize("NFD", found.lower()).encode("ascii", "ignore").decode()
        unit = _FOLDED.get(folded)
        return found if unit is None else f" {unit} "

    return _WORD.sub(word, unit_text)


#: The library's unit names in French words, singular and plural.
_WORDS_OF_UNITS: Final = {
    "workday": ("jour", "jours"),
    "halfday": ("demi-journée", "demi-journées"),
    "day": ("jour", "jours"),
    "week": ("semaine", "semaines"),
    "month": ("mois", "mois"),
    "year": ("an", "ans"),
    "hour": ("heure", "heures"),
    "minute": ("minute", "minutes"),
    "trip": ("trajet", "trajets"),
    "EUR": ("€", "€"),
}


def french_quantity(value: Any) -> str:
    """A scalar quantity in French words for its units (``2 jours / semaine``,
    ``1 jour / semaine``, ``2.88 € / jour``): the first unit agrees with the number, the
    units after it are singular; symbols (``km``, ``%``, ``kg``) stay as they are."""
    magnitude = value.magnitude
    return f"{magnitude:g} {_unit_words(value, plural=abs(magnitude) >= 2)}".strip()


def french_unit(value: Any) -> str:
    """The unit of a quantity in French words, singular (``€ / jour``, ``km``)."""
    return _unit_words(value, plural=False)


def _unit_words(value: Any, *, plural: bool) -> str:
    words: list[str] = []
    for word in f"{value.units:~}".split(" "):
        forms = _WORDS_OF_UNITS.get(word)
        if forms is None:
            words.append(word)
        else:
            words.append(forms[1] if plural and not words else forms[0])
    return " ".join(words)
