"""Working calendars: weekends and public holidays, from the ``holidays`` package.

A :class:`WorkCalendar` says which days are worked: not the weekend, not a public
holiday of France (or of one of its subdivisions, such as Alsace-Moselle, which keeps
Good Friday and 26 December), plus the caller's own adjustments: extra days off, and
holidays that are worked (the *journée de solidarité*, which many employers set on Whit
Monday). Holidays are read for the years asked for and cached.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import named
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.week import weekday, weekday_set

__all__ = ["WorkCalendar", "calendar_or_default", "whit_monday"]

# spans of more days than this are counted without the running table (its memory)
_TABLE_LIMIT = 200_000


@functools.lru_cache(maxsize=128)
def _public_holidays(country: str, subdivision: str | None, year: int) -> tuple[dt.date, ...]:
    import holidays

    found = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return tuple(sorted(day for day in found if day.year == year))


@functools.lru_cache(maxsize=256)
def _working_days_in_year(calendar: WorkCalendar, year: int) -> int:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return int(np.count_nonzero(_working_mask(calendar, first, last)))


@functools.lru_cache(maxsize=256)
def _working_mask(calendar: WorkCalendar, start: dt.date, end: dt.date) -> npt.NDArray[np.bool_]:
    if end < start:
        return np.zeros(0, dtype=bool)
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + np.timedelta64(1, "D"))
    mask = np.is_busday(
        days, weekmask=calendar.weekmask(), holidays=calendar.holiday_array(start, end)
    )
    mask.flags.writeable = False
    return mask


def _subdivision(value: Any) -> str | None:
    if value is None:
        return None
    import holidays

    france = getattr(holidays, "France")  # noqa: B009 (the package's stubs omit its countries)
    known = tuple(france.subdivisions)
    aliases = {**dict(getattr(france, "subdivisions_aliases", {})), **_MORE_ALIASES}
    if isinstance(value, str) and value.strip() in known:
        return value.strip()
    if isinstance(value, str):
        folded = {name.casefold(): code for name, code in aliases.items()}
        found = folded.get(value.strip().casefold())
        if found is not None and found in known:
            return str(found)
    choices = ", ".join([*known, *aliases])
    raise ValidationError(
        "subdivision",
        value,
        Phrase(
            "a French subdivision code or name: {choices}",
            "le code ou le nom d'une subdivision française\u00a0: {choices}",
            choices=choices,
        ),
    )


#: Names people write that the holidays package does not know: the two départements of
#: Alsace (which share its holidays), and Alsace-Moselle, whose local law gives Alsace
#: and the Moselle the same two extra days (Good Friday, 26 December).
_MORE_ALIASES = {
    "67": "6AE",
    "68": "6AE",
    "Bas-Rhin": "6AE",
    "Haut-Rhin": "6AE",
    "Alsace-Moselle": "57",
}


def _dates(value: Any, field: str) -> frozenset[dt.date]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(field, value, Phrase("a set of dates", "un ensemble de dates"))
    return frozenset(to_date(day, field) for day in value)


def _weekend(value: Any) -> frozenset[int]:
    return weekday_set(
        value, "weekend", Phrase("the weekdays of the weekend", "les jours du week-end")
    )


def _country(instance: Any, attribute: Any, value: Any) -> None:
    if value != "FR":
        raise ValidationError(
            "country",
            value,
            Phrase(
                "'FR' (the calendars model France)", "'FR' (les calendriers sont ceux de la France)"
            ),
        )


def whit_monday(year: int) -> dt.date:
    """Whit Monday (lundi de Pentecôte) of ``year``: 50 days after Easter Sunday."""
    from dateutil.easter import easter

    if isinstance(year, bool) or not isinstance(year, int) or not 1583 <= year <= 9998:
        raise ValidationError(
            "year",
            year,
            Phrase("a Gregorian year from 1583 to 9998", "une année grégorienne de 1583 à 9998"),
        )
    return easter(year) + dt.timedelta(days=50)


@attrs.frozen(kw_only=True)
class WorkCalendar:
    """Which days are worked: weekdays that are not public holidays, with adjustments.

    ``subdivision`` takes the codes and names of the ``holidays`` package (``"57"`` or
    ``"Moselle"``, ``"6AE"`` or ``"Alsace"``, overseas departments...).
    ``extra_days_off`` adds days that are not worked; ``worked_holidays`` removes public
    holidays that are worked (for example ``{whit_monday(2024)}`` for a solidarity day).
    """

    country: str = attrs.field(default="FR", validator=_country)
    subdivision: str | None = attrs.field(default=None, converter=_subdivision)
    extra_days_off: frozenset[dt.date] = attrs.field(factory=frozenset, converter=named(_dates))  # type: ignore[misc]
    worked_holidays: frozenset[dt.date] = attrs.field(factory=frozenset, converter=named(_dates))  # type: ignore[misc]
    weekend: frozenset[int] = attrs.field(factory=lambda: frozenset({5, 6}), converter=_weekend)

    def holidays_between(self, start: dt.date | str, end: dt.date | str) -> tuple[dt.date, ...]:
        """Public holidays and extra days off in ``start..end`` (inclusive), sorted,
        without the worked holidays."""
        first, last = to_date(start, "start"), to_date(end, "end")
        days: set[dt.date] = set()
        for year in range(first.year, last.year + 1):
            days.update(_public_holidays(self.country, self.subdivision, year))
        days.update(self.extra_days_off)
        days -= self.worked_holidays
        return tuple(sorted(d for d in days if first <= d <= last))

    def holiday_array(self, start: dt.date, end: dt.date) -> npt.NDArray[np.datetime64]:
        """The days off of :meth:`holidays_between` as ``datetime64[D]``, for numpy's
        business-day functions."""
        return np.array(self.holidays_between(start, end), dtype="datetime64[D]")

    def working_mask(self, start: dt.date, end: dt.date) -> npt.NDArray[np.bool_]:
        """One boolean per day of ``start..end`` (inclusive): worked under this calendar.
        Read-only; computed once per calendar and span (a register assessed over a year
        reads it once)."""
        return _working_mask(self, start, end)

    def working_days_in_year(self, year: int) -> int:
        """The working days of a full-time week in calendar ``year`` under this calendar
        (weekdays less public holidays and extra days off)."""
        return _working_days_in_year(self, year)

    def weekmask(self, weekdays: Iterable[int] | None = None) -> str:
        """numpy's weekmask for the given weekdays (default: every non-weekend day)."""
        chosen = (
            set(range(7)) - self.weekend
            if weekdays is None
            else {weekday(day, "weekdays") for day in weekdays} - self.weekend
        )
        return "".join("1" if day in chosen else "0" for day in range(7))

    def is_working_day(self, day: dt.date | str) -> bool:
        """Whether ``day`` is worked under this calendar."""
        found = to_date(day, "day")
        if found.weekday() in self.weekend:
            return False
        return not self.holidays_between(found, found)

    def working_days(self, start: dt.date | str, end: dt.date | str) -> npt.NDArray[np.datetime64]:
        """Every working day of ``start..end`` (inclusive), as ``datetime64[D]``."""
        first, last = to_date(start, "start"), to_date(end, "end")
        if last < first:
            raise ValidationError(
                "end",
                last,
                Phrase("a date on or after {first}", "une date à partir du {first}", first=first),
            )
        days = np.arange(
            np.datetime64(first, "D"), np.datetime64(last, "D") + np.timedelta64(1, "D")
        )
        mask = np.is_busday(
            days, weekmask=self.weekmask(), holidays=self.holiday_array(first, last)
        )
        result: npt.NDArray[np.datetime64] = days[mask]
        return result

    def count_by_weekday(self, starts: npt.ArrayLike, ends: npt.ArrayLike) -> npt.NDArray[np.int64]:
        """For each span ``starts[i]..ends[i]`` (inclusive), the working days of each
        weekday: an array of shape (spans, 7), computed with array operations only."""
        try:
            first = np.asarray(starts, dtype="datetime64[D]")
            last = np.asarray(ends, dtype="datetime64[D]")
        except (TypeError, ValueError):
            raise ValidationError(
                "starts", starts, Phrase("columns of ISO dates", "des colonnes de dates ISO")
            ) from None
        if first.ndim != 1 or first.shape != last.shape:
            raise ValidationError(
                "ends",
                Phrase("shape {shape}", "dimensions {shape}", shape=last.shape),
                Phrase(
                    "one end per start, shape {shape}",
                    "une fin par début, dimensions {shape}",
                    shape=first.shape,
                ),
            )
        if np.isnat(first).any() or np.isnat(last).any():
            raise ValidationError(
                "starts", "NaT", Phrase("a date in every row", "une date à chaque ligne")
            )
        counts = np.zeros((first.size, 7), dtype=np.int64)
        if first.size == 0:
            return counts
        low = first.min().astype(object)
        high = last.max().astype(object)
        holidays = (
            self.holiday_array(low, high) if low <= high else np.array([], dtype="datetime64[D]")
        )
        # an empty span (end before start) counts nothing: start == after
        after = np.maximum(last + np.timedelta64(1, "D"), first)
        origin = first.min()
        length = int((after.max() - origin).astype(np.int64))
        if length <= _TABLE_LIMIT:
            # one table of running counts of working days per weekday over the whole
            # range; each span is then the difference of two rows
            days = origin + np.arange(length, dtype="timedelta64[D]")
            working = np.is_busday(days, weekmask=self.weekmask(), holidays=holidays)
            weekdays = (days.astype(np.int64) + 3) % 7  # day 0 (1970-01-01) was a Thursday
            table = np.zeros((length + 1, 7), dtype=np.int64)
            table[np.arange(1, length + 1), weekdays] = working
            np.cumsum(table, axis=0, out=table)
            ends = table[(after - origin).astype(np.int64)]
            spans: npt.NDArray[np.int64] = ends - table[(first - origin).astype(np.int64)]
            return spans
        for day in range(7):  # spans centuries apart: numpy's business-day counts instead
            if day in self.weekend:
                continue
            mask = "".join("1" if d == day else "0" for d in range(7))
            counts[:, day] = np.busday_count(first, after, weekmask=mask, holidays=holidays)
        return counts


def calendar_or_default(value: Any) -> WorkCalendar:
    """``value`` when it is a :class:`WorkCalendar`, France's default calendar when it is
    None; anything else is a :class:`ValidationError` naming ``calendar``."""
    if value is None:
        return WorkCalendar()
    if not isinstance(value, WorkCalendar):
        raise ValidationError(
            "calendar", value, Phrase("a WorkCalendar or None", "un objet WorkCalendar ou None")
        )
    return value
