"""The working week: weekdays, places of telework and the weekly pattern an agent asks for.

A :class:`WeeklyPattern` is what an agent asks for: a set of weekdays, each a full day
or a half day (morning or afternoon), each at a :class:`Place` (home, a télécentre,
another site of the employer, or another place). Weekdays are numbered as Python does,
0 = Monday to 6 = Sunday, and may be written by name in English or French; places and
half days too (``"mardi matin @ domicile"``).

An agent who states only a number of days a week gets :func:`default_pattern`, the
documented placement of those days on the weekdays they work.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang, choices
from teletravail.units import Q_

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "FRENCH_WEEKDAYS",
    "HOME",
    "WEEKDAYS",
    "DayPart",
    "PatternDay",
    "Place",
    "PlaceKind",
    "WeeklyPattern",
    "default_pattern",
    "read_places",
    "weekday",
    "weekday_mask",
    "weekdays_of_mask",
]

#: The names of the weekdays in French, Monday (0) first.
FRENCH_WEEKDAYS: tuple[str, ...] = (
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
)

_WEEKDAYS: Final = Phrase("weekdays", "des jours de la semaine")
_PATTERN_DAYS: Final = Phrase("a sequence of PatternDay", "une suite d'objets PatternDay")

#: Weekday names in English and French, and their Python numbers.
WEEKDAYS: dict[str, int] = {
    **{n: i for i, n in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday"))},
    "saturday": 5,
    "sunday": 6,
    **{n: i for i, n in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi"))},
    "samedi": 5,
    "dimanche": 6,
    **{n: i for i, n in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{n: i for i, n in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"))},
}


def weekday(value: Any, field: str = "weekday") -> int:
    """A weekday number from 0 (Monday) to 6, from a number or an English/French name."""
    if isinstance(value, bool):
        raise ValidationError(
            field,
            value,
            Phrase(
                "a weekday (0 = Monday ... 6, or a name)",
                "un jour de la semaine (0 = lundi … 6, ou un nom)",
            ),
        )
    if isinstance(value, int | np.integer) and 0 <= value <= 6:
        return int(value)
    if isinstance(value, str) and value.strip().lower() in WEEKDAYS:
        return WEEKDAYS[value.strip().lower()]
    raise ValidationError(
        field,
        value,
        Phrase(
            "a weekday (0 = Monday ... 6, or a name such as 'tuesday')",
            "un jour de la semaine (0 = lundi … 6, ou un nom comme 'mardi')",
        ),
    )


def weekday_set(value: Any, field: str, what: str = _WEEKDAYS) -> frozenset[int]:
    """A set of weekdays, at least one left out: numbers or names, or text separated by
    ``;`` or ``,`` (``"samedi; dimanche"``)."""
    if isinstance(value, str):
        value = [part for part in value.replace(",", ";").split(";") if part.strip()]
    elif isinstance(value, int | np.integer) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        french = what.text("fr") if isinstance(what, Phrase) else "des jours de la semaine"
        raise ValidationError(
            field,
            value,
            Phrase(
                "{what}, e.g. 'wednesday' or 'sat; sun'",
                "{french}, par exemple 'mercredi' ou 'sam; dim'",
                what=what,
                french=french,
            ),
        )
    days = frozenset(weekday(day, field) for day in value)
    if len(days) >= 7:
        raise ValidationError(
            field,
            value,
            Phrase(
                "a set that leaves at least one weekday",
                "un ensemble qui laisse au moins un jour de la semaine",
            ),
        )
    return days


def weekday_mask(days: Iterable[int]) -> int:
    """A set of weekdays as a 7-bit mask (bit 0 = Monday)."""
    mask = 0
    for day in days:
        mask |= 1 << day
    return mask


def weekdays_of_mask(mask: int) -> frozenset[int]:
    """The weekdays of a 7-bit mask."""
    return frozenset(day for day in range(7) if mask >> day & 1)


class PlaceKind(enum.StrEnum):
    """Where telework happens: at home, in a télécentre or another shared place, or at
    another site (décret n° 2016-151 as amended by décret n° 2020-524)."""

    HOME = "home"
    TELECENTRE = "telecentre"
    SITE = "site"
    OTHER = "other"


#: Words a person writes for each kind of place, in English and French (accents and
#: case do not matter). A tiers-lieu is a shared professional place, as a télécentre is.
PLACE_WORDS: dict[str, PlaceKind] = {
    "home": PlaceKind.HOME,
    "domicile": PlaceKind.HOME,
    "telecentre": PlaceKind.TELECENTRE,
    "télécentre": PlaceKind.TELECENTRE,
    "tiers-lieu": PlaceKind.TELECENTRE,
    "tiers lieu": PlaceKind.TELECENTRE,
    "site": PlaceKind.SITE,
    "other": PlaceKind.OTHER,
    "autre": PlaceKind.OTHER,
    "autre lieu": PlaceKind.OTHER,
}


def _folded(text: str) -> str:
    """Lower case without accents: how place words are compared."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDED_PLACE_WORDS = {_folded(word): kind for word, kind in PLACE_WORDS.items()}
#: Longest first, so that "autre lieu Figeac" is read as "autre lieu", not "autre".
_PLACE_PREFIXES = sorted(_FOLDED_PLACE_WORDS, key=len, reverse=True)
#: "télécentre de Figeac", "tiers-lieu d'Assier": the article is not part of the name.
_ARTICLE = re.compile(r"^\s*(?:d'|d’|de\s+|du\s+|des\s+)", re.IGNORECASE)


def _kind(value: Any) -> PlaceKind:
    if isinstance(value, PlaceKind):
        return value
    found = _FOLDED_PLACE_WORDS.get(_folded(str(value)))
    if found is None:
        known = ", ".join(k.value for k in PlaceKind)
        raise ValidationError(
            "place.kind",
            value,
            Phrase(
                "one of: {known} (or domicile, tiers-lieu...)",
                "une valeur parmi {known} (ou domicile, tiers-lieu…)",
                known=known,
            ),
        )
    return found


def read_places(value: Any, field: str = "places") -> frozenset[PlaceKind]:
    """A set of kinds of place as people write it: one word or a list of words, in
    English or French (``"domicile"``, ``["home", "tiers-lieu"]``); at least one."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValidationError(
            field,
            value,
            Phrase(
                "a list of places, e.g. ['home']", "une liste de lieux, par exemple ['domicile']"
            ),
        )
    try:
        found = frozenset(_kind(item) for item in value)
    except ValidationError as exc:
        raise ValidationError(field, exc.value, exc.expected) from None
    if not found:  # no place at all would be no telework: most likely a slip
        raise ValidationError(
            field,
            [],
            Phrase(
                "at least one place where telework happens",
                "au moins un lieu où s'exerce le télétravail",
            ),
        )
    return found


def _place_name(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("place.name", value, Phrase("a non-empty name", "un nom non vide"))
    return value.strip()


@attrs.frozen(kw_only=True)
class Place:
    """A place of telework: a kind and, for a télécentre or a site, optionally its name
    (a desk can be booked only at a named télécentre)."""

    kind: PlaceKind = attrs.field(converter=_kind)
    name: str | None = attrs.field(default=None, converter=_place_name)

    @classmethod
    def parse(cls, text: str | Place) -> Place:
        """Read ``"home"``, ``"telecentre:Figeac"``, ``"site:Cahors"`` or their French
        words (``"domicile"``, ``"tiers-lieu:Figeac"``); the name may also follow the
        kind after a space, with or without its article (``"télécentre de Figeac"``)."""
        if isinstance(text, Place):
            return text
        if not isinstance(text, str):
            raise ValidationError(
                "place",
                text,
                Phrase(
                    "a place such as 'home' or 'telecentre:Figeac'",
                    "un lieu comme 'domicile' ou 'télécentre:Figeac'",
                ),
            )
        kind, colon, name = text.partition(":")
        if not colon and _folded(text) not in _FOLDED_PLACE_WORDS:
            text = unicodedata.normalize("NFC", text.strip())
            folded = _folded(text)
            for word in _PLACE_PREFIXES:
                if folded.startswith(word + " "):
                    # "télécentre Figeac": the words of the kind, then the name (folding
                    # keeps one character per character of NFC text).
                    kind, name = text[: len(word)], _ARTICLE.sub("", text[len(word) :])
                    break
        return cls(kind=kind, name=name.strip() or None)

    def __str__(self) -> str:
        return self.kind.value if self.name is None else f"{self.kind.value}:{self.name}"


#: Telework at home.
HOME = Place(kind=PlaceKind.HOME)


class DayPart(enum.StrEnum):
    """A whole day, or the morning or afternoon half of it."""

    FULL = "full"
    AM = "am"
    PM = "pm"

    @property
    def workdays(self) -> float:
        """1 for a full day, 0.5 for a half day."""
        return 1.0 if self is DayPart.FULL else 0.5

    @property
    def halves(self) -> int:
        """2 half days for a full day, 1 for a half day."""
        return 2 if self is DayPart.FULL else 1


_PART_WORDS: dict[str, DayPart] = {
    "full": DayPart.FULL,
    "journée": DayPart.FULL,
    "journee": DayPart.FULL,
    "am": DayPart.AM,
    "morning": DayPart.AM,
    "matin": DayPart.AM,
    "pm": DayPart.PM,
    "afternoon": DayPart.PM,
    "après-midi": DayPart.PM,
    "apres-midi": DayPart.PM,
}


def _part(value: Any) -> DayPart:
    if isinstance(value, DayPart):
        return value
    found = _PART_WORDS.get(str(value).strip().lower())
    if found is None:
        raise ValidationError("part", value, choices(("full", "am", "pm"), ("matin", "après-midi")))
    return found


def _place(value: Any) -> Place:
    return Place.parse(value)


def _weekday(value: Any) -> int:
    return weekday(value)


@attrs.frozen(kw_only=True)
class PatternDay:
    """One weekday of a pattern: which day, how much of it, where."""

    weekday: int = attrs.field(converter=_weekday)
    part: DayPart = attrs.field(default=DayPart.FULL, converter=_part)
    place: Place = attrs.field(default=HOME, converter=_place)

    @property
    def amount(self) -> Quantity:
        """The share of a working day: 1 workday, or 0.5 for a half day."""
        return Q_(self.part.workdays, "workday")


def _days(value: Any) -> tuple[PatternDay, ...]:
    if isinstance(value, PatternDay | str | Mapping):
        raise ValidationError("days", value, _PATTERN_DAYS)
    if not isinstance(value, Iterable):
        raise ValidationError("days", value, _PATTERN_DAYS)
    days = tuple(value)
    seen: set[int] = set()
    for index, day in enumerate(days):
        if not isinstance(day, PatternDay):
            raise ValidationError(
                f"days[{index}]", day, Phrase("a PatternDay", "un objet PatternDay")
            )
        if day.weekday in seen:
            raise ValidationError(
                f"days[{index}].weekday",
                day.weekday,
                Phrase("each weekday once", "chaque jour de la semaine une seule fois"),
            )
        seen.add(day.weekday)
    return tuple(sorted(days, key=lambda d: d.weekday))


_NO_TELEWORK = ("", "no telework", "aucun", "none")


@attrs.frozen(kw_only=True)
class WeeklyPattern:
    """The telework days an agent asks for in a typical week (each weekday once)."""

    days: tuple[PatternDay, ...] = attrs.field(converter=_days)

    @classmethod
    def of(cls, spec: Mapping[Any, Any] | Iterable[Any]) -> WeeklyPattern:
        """A pattern from a compact spec.

        ``WeeklyPattern.of(["tuesday", "thursday"])`` is two full days at home;
        ``WeeklyPattern.of({"tue": "home", "fri": ("am", "telecentre:Figeac")})`` sets
        each day's place, and optionally its part first. A string is read by
        :meth:`parse`.
        """
        if isinstance(spec, Mapping):
            days = []
            for key, value in spec.items():
                if isinstance(value, tuple):
                    if len(value) != 2:
                        raise ValidationError(
                            f"days.{key}",
                            value,
                            Phrase(
                                "(part, place), e.g. ('am', 'home')",
                                "(partie, lieu), par exemple ('matin', 'domicile')",
                            ),
                        )
                    part, place = value
                else:
                    part, place = "full", value
                days.append(PatternDay(weekday=key, part=part, place=place))
            return cls(days=days)
        if isinstance(spec, str):
            return cls.parse(spec)
        if not isinstance(spec, Iterable):
            raise ValidationError(
                "spec",
                spec,
                Phrase(
                    "weekdays, or a mapping of weekday to place",
                    "des jours de la semaine, ou une table qui associe à chaque jour un lieu",
                ),
            )
        return cls(days=[PatternDay(weekday=day) for day in spec])

    @classmethod
    def parse(cls, text: str, field: str = "pattern") -> WeeklyPattern:
        """Read a pattern written as its :func:`str` gives it, in English or French:
        days separated by commas or semicolons, each a weekday, optionally a half
        (``am``/``pm``, ``matin``/``après-midi``) and a place after ``@``.

        >>> str(WeeklyPattern.parse("mardi, jeudi matin @ telecentre:Figeac"))
        'Tue @ home, Thu am @ telecentre:Figeac'
        """
        if not isinstance(text, str):
            raise ValidationError(
                field,
                text,
                Phrase(
                    "a pattern such as 'tue, thu am @ home'",
                    "un rythme comme 'mar, jeu matin @ domicile'",
                ),
            )
        if text.strip().lower() in _NO_TELEWORK:
            return cls(days=())
        days = []
        for item in text.replace(";", ",").split(","):
            if not item.strip():
                continue
            when, _, where = item.partition("@")
            words = when.split()
            if not words or len(words) > 2:
                raise ValidationError(
                    field,
                    text,
                    Phrase(
                        "days such as 'tue', 'thu am @ home'",
                        "des jours comme 'mar', 'jeu matin @ domicile'",
                    ),
                )
            try:
                days.append(
                    PatternDay(
                        weekday=words[0],
                        part=words[1] if len(words) == 2 else DayPart.FULL,
                        place=where.strip() or HOME,
                    )
                )
            except ValidationError as exc:
                raise ValidationError(field, text, exc.expected) from None
        return cls(days=days)

    @property
    def total(self) -> Quantity:
        """Telework per week: ``1.5 workday/week`` for a day and a half."""
        return Q_(self.workdays, "workday/week")

    @property
    def workdays(self) -> float:
        """Telework per week, in workdays (a plain number)."""
        return sum(day.part.halves for day in self.days) / 2

    @property
    def weekdays(self) -> frozenset[int]:
        """The weekdays of the pattern."""
        return frozenset(day.weekday for day in self.days)

    def amounts(self) -> tuple[float, ...]:
        """Workdays of telework for each weekday, Monday to Sunday."""
        found = [0.0] * 7
        for day in self.days:
            found[day.weekday] = day.part.workdays
        return tuple(found)

    def has_half_days(self) -> bool:
        """Whether any day of the pattern is a half day."""
        return any(day.part is not DayPart.FULL for day in self.days)

    def places(self) -> tuple[Place, ...]:
        """The distinct places of the pattern, in weekday order."""
        return tuple(dict.fromkeys(day.place for day in self.days))

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang = "en") -> str:
        """The pattern as it is written, in English (``Tue @ home, Thu am @ home``) or in
        French words (``mar @ domicile, jeu matin @ domicile``); both read back."""
        french = check_lang(lang) == "fr"
        if not french and lang != "en":
            raise ValidationError("lang", lang, Phrase("'en' or 'fr'", "'en' ou 'fr'"))
        names = _DAY_NAMES_FR if french else ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        parts = []
        for day in self.days:
            part = "" if day.part is DayPart.FULL else f" {day.part.value}"
            place = str(day.place)
            if french:
                part = "" if day.part is DayPart.FULL else f" {_PART_FR[day.part]}"
                kind = _PLACE_FR[day.place.kind]
                place = kind if day.place.name is None else f"{kind}:{day.place.name}"
            parts.append(f"{names[day.weekday]}{part} @ {place}")
        return ", ".join(parts) or ("aucun" if french else "no telework")


_DAY_NAMES_FR = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
_PART_FR = {DayPart.AM: "matin", DayPart.PM: "après-midi"}
_PLACE_FR = {
    PlaceKind.HOME: "domicile",
    PlaceKind.TELECENTRE: "télécentre",
    PlaceKind.SITE: "site",
    PlaceKind.OTHER: "autre",
}


def default_pattern(
    per_week: float,
    *,
    days_off: Iterable[int] = (),
    place: Place | str = HOME,
    full_week: int = 5,
) -> WeeklyPattern:
    """Where the days of an agent who states only a number of days a week fall.

    The days are spread over the weekdays the agent works (the full week's first
    ``full_week`` weekdays, less ``days_off``), as evenly as the week allows: with ``m``
    weekdays worked and ``k`` days placed (the number asked, rounded up), the ``i``-th
    day is the weekday worked at position ``floor((2i + 1) m / 2k)``. On a five-day week:
    1 day is Wednesday; 2 are Tuesday and Thursday; 3 Monday, Wednesday and Friday; 4
    every day but Wednesday. A half day asked (1.5 days) is the morning of the last day
    placed (Tuesday and Thursday morning). Every day is at ``place``.

    >>> str(default_pattern(1.5))
    'Tue @ home, Thu am @ home'
    """
    if isinstance(per_week, bool) or not isinstance(per_week, int | float):
        raise ValidationError(
            "per_week",
            per_week,
            Phrase("a number of days a week", "un nombre de jours par semaine"),
        )
    halves = per_week * 2
    if not math.isfinite(halves) or halves < 0 or abs(halves - round(halves)) > 1e-9:
        raise ValidationError(
            "per_week",
            per_week,
            Phrase(
                "whole or half days a week, >= 0",
                "des jours entiers ou des demi-journées par semaine, positifs ou nuls",
            ),
        )
    halves = round(halves)
    off = {weekday(day, "days_off") for day in days_off}
    worked = [day for day in range(full_week) if day not in off]
    count = (halves + 1) // 2
    if count > len(worked):
        raise ValidationError(
            "per_week",
            per_week,
            Phrase(
                "at most the {n} weekdays the agent works",
                "au plus les {n} jours de la semaine que l'agent travaille",
                n=len(worked),
            ),
        )
    where = Place.parse(place)
    chosen = [worked[(2 * i + 1) * len(worked) // (2 * count)] for i in range(count)]
    days = [PatternDay(weekday=day, place=where) for day in chosen]
    if halves % 2:
        last = days[-1]
        days[-1] = PatternDay(weekday=last.weekday, part=DayPart.AM, place=where)
    return WeeklyPattern(days=days)
