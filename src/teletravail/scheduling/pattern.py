"""Places and weekly patterns: which weekdays an agent teleworks, how much, and where.

A :class:`WeeklyPattern` is what an agent asks for: a set of weekdays, each a full day
or a half day (morning or afternoon), each at a :class:`Place` (home, a named
télécentre, another site of the employer, or another place). Weekdays are numbered as
Python does, 0 = Monday to 6 = Sunday, and may be written by name in English or French.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from teletravail.errors import ValidationError
from teletravail.units import Q_

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "HOME",
    "WEEKDAYS",
    "DayPart",
    "PatternDay",
    "Place",
    "PlaceKind",
    "WeeklyPattern",
    "weekday",
]

#: Weekday names in English and French, and their Python numbers.
WEEKDAYS: dict[str, int] = {
    **{n: i for i, n in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday"))},
    "saturday": 5,
    "sunday": 6,
    **{n: i for i, n in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi"))},
    "samedi": 5,
    "dimanche": 6,
    **{n: i for i, n in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
}


def weekday(value: Any, field: str = "weekday") -> int:
    """A weekday number from 0 (Monday) to 6, from a number or an English/French name."""
    if isinstance(value, bool):
        raise ValidationError(field, value, "a weekday (0 = Monday ... 6, or a name)")
    if isinstance(value, int | np.integer) and 0 <= value <= 6:
        return int(value)
    if isinstance(value, str) and value.strip().lower() in WEEKDAYS:
        return WEEKDAYS[value.strip().lower()]
    raise ValidationError(field, value, "a weekday (0 = Monday ... 6, or a name such as 'tuesday')")


class PlaceKind(enum.StrEnum):
    """Where telework happens (décret 2016-151 as amended in 2020, ``DOMAIN.md`` §2)."""

    HOME = "home"
    TELECENTRE = "telecentre"
    SITE = "site"
    OTHER = "other"


def _kind(value: Any) -> PlaceKind:
    if isinstance(value, PlaceKind):
        return value
    try:
        return PlaceKind(str(value).strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in PlaceKind)
        raise ValidationError("place.kind", value, f"one of: {known}") from None


def _place_name(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("place.name", value, "a non-empty name")
    return value.strip()


@attrs.frozen(kw_only=True)
class Place:
    """A place of telework. A télécentre or a site needs a name; home does not."""

    kind: PlaceKind = attrs.field(converter=_kind)
    name: str | None = attrs.field(default=None, converter=_place_name)

    def __attrs_post_init__(self) -> None:
        if self.kind in (PlaceKind.TELECENTRE, PlaceKind.SITE) and self.name is None:
            raise ValidationError("place.name", None, f"the name of the {self.kind.value}")

    @classmethod
    def parse(cls, text: str | Place) -> Place:
        """Read ``"home"``, ``"telecentre:Figeac"`` or ``"site:Cahors"``."""
        if isinstance(text, Place):
            return text
        if not isinstance(text, str):
            raise ValidationError("place", text, "a place such as 'home' or 'telecentre:Figeac'")
        kind, _, name = text.partition(":")
        return cls(kind=kind, name=name or None)

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


def _part(value: Any) -> DayPart:
    if isinstance(value, DayPart):
        return value
    try:
        return DayPart(str(value).strip().lower())
    except ValueError:
        raise ValidationError("part", value, "one of: full, am, pm") from None


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
        raise ValidationError("days", value, "a sequence of PatternDay")
    if not isinstance(value, Iterable):
        raise ValidationError("days", value, "a sequence of PatternDay")
    days = tuple(value)
    seen: set[int] = set()
    for index, day in enumerate(days):
        if not isinstance(day, PatternDay):
            raise ValidationError(f"days[{index}]", day, "a PatternDay")
        if day.weekday in seen:
            raise ValidationError(f"days[{index}].weekday", day.weekday, "each weekday once")
        seen.add(day.weekday)
    return tuple(sorted(days, key=lambda d: d.weekday))


@attrs.frozen(kw_only=True)
class WeeklyPattern:
    """The telework days an agent asks for in a typical week (each weekday once)."""

    days: tuple[PatternDay, ...] = attrs.field(converter=_days)

    @classmethod
    def of(cls, spec: Mapping[Any, Any] | Iterable[Any]) -> WeeklyPattern:
        """A pattern from a compact spec.

        ``WeeklyPattern.of(["tuesday", "thursday"])`` is two full days at home;
        ``WeeklyPattern.of({"tue": "home", "fri": ("am", "telecentre:Figeac")})`` sets
        each day's place, and optionally its part first.
        """
        if isinstance(spec, Mapping):
            days = []
            for key, value in spec.items():
                if isinstance(value, tuple):
                    if len(value) != 2:
                        raise ValidationError(
                            f"days.{key}", value, "(part, place), e.g. ('am', 'home')"
                        )
                    part, place = value
                else:
                    part, place = "full", value
                days.append(PatternDay(weekday=key, part=part, place=place))
            return cls(days=days)
        if isinstance(spec, str):
            spec = [part for part in spec.replace(";", ",").split(",") if part.strip()]
        if not isinstance(spec, Iterable):
            raise ValidationError("spec", spec, "weekdays, or a mapping of weekday to place")
        return cls(days=[PatternDay(weekday=day) for day in spec])

    @property
    def total(self) -> Quantity:
        """Telework per week: ``1.5 workday/week`` for a day and a half."""
        return Q_(sum(day.part.workdays for day in self.days), "workday/week")

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
        names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        parts = [
            names[d.weekday]
            + ("" if d.part is DayPart.FULL else f" {d.part.value}")
            + f" @ {d.place}"
            for d in self.days
        ]
        return ", ".join(parts) or "no telework"
