"""The hours when an agent in telework can be reached: one or more ranges of the day.

>>> hours = ReachableHours.parse("9:30-12:00, 14:00-17:00")
>>> hours.words("fr")
'de 9\xa0h\xa030 à 12\xa0h et de 14\xa0h à 17\xa0h'
>>> hours.words("en")
'from 9:30 to 12:00 and from 14:00 to 17:00'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from teletravail.errors import ValidationError
from teletravail.messages import NBSP, Lang, Phrase, check_lang

__all__ = ["ReachableHours"]

_RANGE: Final = re.compile(r"^\s*(\d{1,2})[:hH](\d{2})?\s*[-–à]\s*(\d{1,2})[:hH](\d{2})?\s*$")
_EXPECTED: Final = Phrase(
    "ranges of the day such as '9:30-12:00, 14:00-17:00', each ending after it starts, in"
    " order and apart",
    "des plages de la journée comme '9h30-12h, 14h-17h', chacune finissant après son début,"
    " dans l'ordre et disjointes",
)


def _time(hours: str, minutes: str | None, text: Any) -> dt.time:
    try:
        return dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise ValidationError("hours", text, _EXPECTED) from None


def _range(value: Any) -> tuple[dt.time, dt.time]:
    if isinstance(value, str):
        found = _RANGE.match(value)
        if found is None:
            raise ValidationError("hours", value, _EXPECTED)
        first, first_minutes, last, last_minutes = found.groups()
        return _time(first, first_minutes, value), _time(last, last_minutes, value)
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(item, dt.time) for item in value)
    ):
        return value[0], value[1]
    raise ValidationError("hours", value, _EXPECTED)


def _ranges(value: Any) -> tuple[tuple[dt.time, dt.time], ...]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[,;]| et | and ", value) if part.strip()]
    if not isinstance(value, Iterable):
        raise ValidationError("hours", value, _EXPECTED)
    ranges = tuple(_range(item) for item in value)
    if not ranges:
        raise ValidationError("hours", value, _EXPECTED)
    previous: dt.time | None = None
    for start, end in ranges:
        if end <= start or (previous is not None and start < previous):
            raise ValidationError("hours", value, _EXPECTED)
        previous = end
    return ranges


def _french(time: dt.time) -> str:
    """``9 h 30``, ``12 h``: a time as French typography writes it."""
    if time.minute == 0:
        return f"{time.hour}{NBSP}h"
    return f"{time.hour}{NBSP}h{NBSP}{time.minute:02d}"


def _english(time: dt.time) -> str:
    """``9:30``, ``12:00``: a time on the 24-hour clock."""
    return f"{time.hour}:{time.minute:02d}"


@attrs.frozen
class ReachableHours:
    """Ranges of the day, in order and apart, during which the agent can be reached."""

    ranges: tuple[tuple[dt.time, dt.time], ...] = attrs.field(converter=_ranges)

    @classmethod
    def parse(cls, text: str | ReachableHours) -> ReachableHours:
        """Read ``"9:30-12:00, 14:00-17:00"`` (or ``"9h30-12h ; 14h-17h"``)."""
        return text if isinstance(text, ReachableHours) else cls(text)

    def words(self, lang: Lang = "en") -> str:
        """The ranges in words: ``de 9 h 30 à 12 h et de 14 h à 17 h``, ``from 9:30 to
        12:00 and from 14:00 to 17:00``."""
        if check_lang(lang) == "fr":
            parts = [f"de {_french(start)} à {_french(end)}" for start, end in self.ranges]
            joint = " et "
        else:
            parts = [f"from {_english(start)} to {_english(end)}" for start, end in self.ranges]
            joint = " and "
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + joint + parts[-1]
