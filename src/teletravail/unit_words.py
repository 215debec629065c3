"""Units in words, both ways: the words a French text writes for the library's units
(``"2 jours par semaine"`` reads as ``2 workday/week``: :data:`FRENCH_UNITS`,
:func:`english_units`), and the words units are written back in, in English and French
(:data:`WORDS`, :func:`unit_words`; :mod:`teletravail.formats` puts a number before them).

It knows no registry: it works on the text of units, so that the lowest modules
(formats, messages, errors) may use it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable

    from teletravail.messages import Lang

__all__ = ["FRENCH_UNITS", "WORDS", "english_units", "known_lang", "per_words", "unit_words"]


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


def _unknown_language(lang: object) -> Exception:
    return ValueError(f"lang: expected one of: en, fr, got {lang!r}")


#: Makes the error an unknown language raises: :mod:`teletravail.errors` sets it, when
#: it is loaded, to make its :class:`~teletravail.errors.ValidationError` naming
#: ``lang`` (this module, and :mod:`teletravail.formats` above it, sit below the errors
#: and cannot import them), as it does for :data:`teletravail.messages.unknown_language`.
unknown_language: Callable[[object], Exception] = _unknown_language


def known_lang(lang: object) -> Lang:
    """``lang`` if it is ``"en"`` or ``"fr"``; otherwise the error of
    :data:`unknown_language` (a ``ValidationError`` naming ``lang`` once the errors are
    loaded)."""
    if lang == "en" or lang == "fr":
        return lang
    raise unknown_language(lang)


def english_units(unit_text: str) -> str:
    """French unit words as the library's (``"jours/semaine"`` → ``"workday/week"``),
    accents and capitals aside; other words are left as they are."""

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        folded = unicodedata.normalize("NFD", found.lower()).encode("ascii", "ignore").decode()
        unit = _FOLDED.get(folded)
        return found if unit is None else f" {unit} "

    return _WORD.sub(word, unit_text)


#: The words of the library's units, by the symbol pint writes for them: singular and
#: plural nouns, then "per" the unit, in English and in French.
WORDS: Final[dict[str, dict[str, tuple[str, str, str]]]] = {
    "workday": {"en": ("day", "days", "a day"), "fr": ("jour", "jours", "par jour")},
    "day": {"en": ("day", "days", "a day"), "fr": ("jour", "jours", "par jour")},
    "halfday": {
        "en": ("half day", "half days", "a half day"),
        "fr": ("demi-journée", "demi-journées", "par demi-journée"),
    },
    "week": {"en": ("week", "weeks", "a week"), "fr": ("semaine", "semaines", "par semaine")},
    "month": {"en": ("month", "months", "a month"), "fr": ("mois", "mois", "par mois")},
    "a": {"en": ("year", "years", "a year"), "fr": ("an", "ans", "par an")},
    "h": {"en": ("hour", "hours", "an hour"), "fr": ("heure", "heures", "par heure")},
    "min": {
        "en": ("minute", "minutes", "a minute"),
        "fr": ("minute", "minutes", "par minute"),
    },
    "trip": {"en": ("trip", "trips", "a trip"), "fr": ("trajet", "trajets", "par trajet")},
}


def unit_words(units: str, lang: Lang, *, plural: bool) -> str:
    """The units pint writes as ``units`` (``"workday / week"``, ``"CO2e * kg"``) in
    ``lang``'s words: the first unit a noun (``plural`` or not), the units after ``/``
    "per" the unit (``days a week``, ``jours par semaine``). Units without words stay
    symbols (``km``, ``kg CO2e``, ``%``), and so does a speed (``km/h``)."""
    lang = known_lang(lang)
    parts = units.split(" / ")
    head_has_words = parts[0] in WORDS
    speed = not head_has_words and all(part in ("h", "min", "s") for part in parts[1:])
    if speed or not any(part in WORDS for part in parts):
        return "/".join(_symbols(part) for part in parts)
    head, *per = parts
    forms = WORDS.get(head)
    words = [_symbols(head) if forms is None else forms[lang][1 if plural else 0]]
    words.extend(per_words(unit, lang) for unit in per)
    return " ".join(word for word in words if word)


def per_words(unit: str, lang: Lang) -> str:
    """ "Per" ``unit``, as pint writes its symbol: ``a week``, ``par semaine``,
    ``per km``, ``par km``."""
    lang = known_lang(lang)
    found = WORDS.get(unit)
    if found is not None:
        return found[lang][2]
    return f"{'per' if lang == 'en' else 'par'} {_symbols(unit)}"


def _symbols(part: str) -> str:
    """``"CO2e * kg"`` as it is read: ``"kg CO2e"`` (a marker such as CO2e last)."""
    symbols = part.split(" * ")
    return " ".join(sorted(symbols, key=lambda symbol: symbol == "CO2e"))
