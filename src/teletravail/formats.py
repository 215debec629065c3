"""Numbers, money, percentages, dates and quantities as a reader writes them, in English
(``lang="en"``) or French (``lang="fr"``).

>>> from teletravail.formats import date, money, number, quantity
>>> number(1583.5, "fr"), number(1583.5, "en")
('1\u202f583,5', '1,583.5')
>>> money(158300, "fr"), money(158300, "en")
('1\u202f583,00\xa0€', '€1,583.00')
>>> date("2013-01-01", "fr"), date("2013-01-01", "en")
('1er janvier 2013', '1 January 2013')

French conventions: a decimal comma; a narrow no-break space (U+202F) between groups of
thousands; a no-break space (U+00A0) before ``€`` and ``%``; the first day of a month
an ordinal (``1er``); a noun singular below 2 (``1,5 jour``). English (British) ones: a
decimal point, commas between thousands, ``€`` before the amount, ``80%``, a noun
plural except for exactly 1 (``1.5 days``).

The formatting is written here rather than taken from Babel, as measured in
``docs/design.md`` ("French numbers and dates"): Babel is not one of the core
dependencies, its import and first use cost about 30 ms, and its French dates say
``1 janvier`` where French typography writes ``1er janvier``. The tests compare each
function with Babel's ``fr_FR`` and ``en_GB`` output. The module sits below the
messages (it imports only the unit words), so that every text may use it; a language
other than ``en`` and ``fr`` is a ``ValueError`` (the public entry points check the
language first, with :func:`teletravail.messages.check_lang`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Final

from teletravail.unit_words import known_lang, per_words, unit_words

if TYPE_CHECKING:
    from teletravail.messages import Lang

__all__ = [
    "MONTHS",
    "date",
    "french_quantity",
    "french_unit",
    "money",
    "number",
    "percent",
    "period",
    "quantity",
]

#: The no-break space French puts before ``€``, ``%`` and a colon.
_NBSP: Final = "\u00a0"
#: The narrow no-break space French puts between groups of thousands.
_NNBSP: Final = "\u202f"

#: The months' names, in English and French.
MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip


def _digits(value: float, decimals: int | None) -> str:
    """``value`` in English digits with commas between thousands: ``decimals`` places
    exactly, or (``None``) as few as it needs, up to 2 (``1.5``, ``114.5``, ``0.33``)."""
    if decimals is not None:
        text = f"{value:,.{decimals}f}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0": a number rounded to nothing has no sign
    return text or "0"


def number(value: float, lang: Lang, decimals: int | None = None) -> str:
    """A number with its thousands grouped: ``1,583.5`` and ``1 583,5``; ``decimals``
    places exactly, or as few as it needs up to 2."""
    if not math.isfinite(value):
        raise ValueError(f"number: expected a finite number, got {value!r}")
    english = _digits(float(value), decimals)
    if known_lang(lang) == "en":
        return english
    return english.replace(",", _NNBSP).replace(".", ",")


def money(cents: int, lang: Lang) -> str:
    """An amount in euros from whole cents: ``€1,583.00`` and ``1 583,00 €``."""
    whole = int(cents)
    sign = "-" if whole < 0 else ""
    digits = number(abs(whole) / 100, lang, 2)
    return f"{sign}€{digits}" if lang == "en" else f"{sign}{digits}{_NBSP}€"


def _euros(value: float, lang: Lang) -> str:
    """Euros with two places, or up to four for a rate that needs them (``€0.606``)."""
    text = f"{abs(value):,.4f}".rstrip("0")
    places = max(2, len(text.split(".")[1]))
    digits = number(abs(value), lang, places)
    sign = "-" if value < 0 and digits.strip("0.,\u202f") else ""
    return f"{sign}€{digits}" if lang == "en" else f"{sign}{digits}{_NBSP}€"


def percent(value: float, lang: Lang) -> str:
    """A percentage given in percent: ``80%`` and ``80 %``."""
    digits = number(value, lang)
    return f"{digits}%" if lang == "en" else f"{digits}{_NBSP}%"


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def date(value: dt.date | str, lang: Lang) -> str:
    """A date in words: ``1 January 2013`` and ``1er janvier 2013``."""
    day = _day(value)
    first = "1er" if day.day == 1 and known_lang(lang) == "fr" else str(day.day)
    known_lang(lang)
    return f"{first} {MONTHS[lang][day.month - 1]} {day.year}"


def period(start: dt.date | str, end: dt.date | str, lang: Lang) -> str:
    """The days from ``start`` to ``end``, both included: ``1 January to 31 December
    2013`` and ``du 1er janvier au 31 décembre 2013`` (the year once when both share
    it)."""
    first, last = _day(start), _day(end)
    if last < first:
        raise ValueError(f"period: the end {last} is before the start {first}")
    if first == last:
        return date(first, lang) if lang == "en" else f"le {date(first, lang)}"
    begin = date(first, lang)
    if first.year == last.year:
        begin = begin.rsplit(" ", 1)[0]
    if lang == "en":
        return f"{begin} to {date(last, lang)}"
    return f"du {begin} au {date(last, lang)}"


def quantity(value: Any, lang: Lang, decimals: int | None = None) -> str:
    """A scalar quantity in words, its noun agreeing with the number: ``1.5 days a
    week`` and ``1,5 jour par semaine``, ``2 days a week`` and ``2 jours par semaine``,
    ``57 days`` and ``57 jours``; euros as :func:`money` (``€2.88 a day``, ``2,88 €
    par jour``); units without words as their symbols (``28 km``, ``271 kg CO2e``)."""
    magnitude = float(value.magnitude)
    units = f"{value.units:~}"
    if units == "EUR" or units.startswith("EUR / "):
        per = [per_words(unit, lang) for unit in units.split(" / ")[1:]]
        return " ".join([_euros(magnitude, lang), *per])
    plural = abs(magnitude) != 1 if known_lang(lang) == "en" else abs(magnitude) >= 2
    words = unit_words(units, lang, plural=plural)
    if units == "%":
        return percent(magnitude, lang)
    return f"{number(magnitude, lang, decimals)} {words}".strip()


def french_quantity(value: Any) -> str:
    """:func:`quantity` in French: ``2 jours par semaine``, ``1,5 jour par semaine``."""
    return quantity(value, "fr")


def french_unit(value: Any) -> str:
    """The unit of a quantity in French words, singular: ``€ par jour``, ``jour``,
    ``km``."""
    units = f"{value.units:~}"
    if units == "EUR" or units.startswith("EUR / "):
        return " ".join(["€", *(per_words(unit, "fr") for unit in units.split(" / ")[1:])])
    return unit_words(units, "fr", plural=False)
