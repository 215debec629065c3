"""Dated, sourced parameter values.

A rate, a cap or a threshold that changes over time is a :class:`DatedParameter`: a
sequence of :class:`DatedValue` entries, each with a start date, an optional end date
(both inclusive, as legal texts write them), a quantity and a :class:`Source`.

The value in force on a date is the entry with the latest start among those whose
period contains the date. An entry with an end date therefore *overrides* the entries
that started before it, and they are back in force the day after it ends: the 2024-only
cap of the forfait télétravail (282.24 EUR) sits on top of the 253.44 EUR cap in force
since 2023-01-01, which applies again from 2025-01-01.

How a dated value is read from data and written back is described once, here, beside
its classes (:data:`DATED_VALUE`, :data:`DATED_PARAMETER`, and the tables a policy
document builds with :func:`dated_value_table`), and so is :class:`Span`, the kind of a
:class:`Duration` in a document. The module is longer than 600 lines for that: the
descriptions live beside the classes they read, and :class:`Duration`, which every
layer above counts periods in, cannot move without changing its public path; and a
parameter describes itself in each language (:meth:`DatedParameter.describe`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from teletravail import formats
from teletravail._checks import named, non_empty
from teletravail.dates import LAST_DATE, to_date
from teletravail.documents import (
    Amount,
    Context,
    Day,
    Key,
    Kind,
    ListOf,
    Table,
    Text,
    non_defaults,
    read,
    write,
)
from teletravail.errors import DatedValueError, NoValueInForceError, ValidationError
from teletravail.formats import french_unit
from teletravail.messages import COLON, NBSP, Lang, Phrase, check_lang, grouped, text_of
from teletravail.sources import SOURCE_TABLE, Source
from teletravail.units import as_quantity, format_unit, get_registry

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "DATED_PARAMETER",
    "DATED_VALUE",
    "DatedParameter",
    "DatedValue",
    "Duration",
    "Period",
    "Segment",
    "Span",
    "dated_parameter_table",
    "dated_value_table",
]

_ONE_DAY = dt.timedelta(days=1)


def check_order(
    start: dt.date,
    end: dt.date | None,
    field: str = "end",
    error: type[ValidationError] = ValidationError,
) -> None:
    """Refuse a span whose ``end`` (both ends included; None: open) is before its start."""
    if end is not None and end < start:
        raise error(
            field,
            end,
            Phrase(
                "a date on or after the start {start}",
                "une date égale ou postérieure au début, le {start}",
                start=start.isoformat(),
            ),
        )


def _any_quantity(value: Any) -> Quantity:
    return as_quantity(value, field="value", dimension=None)


def _is_source(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Source):
        raise ValidationError(
            "source",
            value,
            Phrase(
                "a Source (title, publication, date, reference, url, note)",
                "un objet Source (title, publication, date, reference, url, note)",
            ),
        )


@attrs.frozen(kw_only=True)
class Period:
    """A span of days, both ends included; ``end=None`` is open-ended."""

    start: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    end: dt.date | None = attrs.field(default=None, converter=named(to_date, optional=True))  # type: ignore[misc]

    def __attrs_post_init__(self) -> None:
        check_order(self.start, self.end)

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        if not isinstance(day, dt.date):
            return False
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def days(self) -> int:
        """Number of calendar days, both ends included (the period must be closed)."""
        if self.end is None:
            raise ValidationError(
                "end",
                None,
                Phrase(
                    "a closed period to count its days",
                    "une période fermée, pour en compter les jours",
                ),
            )
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat() if self.end else ''}"


@attrs.frozen(kw_only=True)
class DatedValue:
    """One value of a parameter, in force from ``start`` (to ``end``, inclusive)."""

    start: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    value: Quantity = attrs.field(converter=_any_quantity)
    source: Source = attrs.field(validator=_is_source)
    end: dt.date | None = attrs.field(default=None, converter=named(to_date, optional=True))  # type: ignore[misc]
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        check_order(self.start, self.end, error=DatedValueError)

    @property
    def period(self) -> Period:
        """The period this entry covers when nothing overrides it."""
        return Period(start=self.start, end=self.end)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: dates in ISO, the value as a string with its unit (as
        :data:`DATED_VALUE` writes it)."""
        data: dict[str, Any] = write(DATED_VALUE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "value") -> DatedValue:
        """Rebuild an entry from :meth:`to_dict`, as :data:`DATED_VALUE` describes it;
        ``path`` names it in errors (every problem at once)."""
        entry: DatedValue = read(DATED_VALUE, data, path)
        return entry


@attrs.frozen(kw_only=True)
class Segment:
    """A piece of a period over which one entry of a parameter is in force."""

    start: dt.date
    end: dt.date
    entry: DatedValue

    @property
    def value(self) -> Quantity:
        """The value in force over the segment."""
        return self.entry.value

    @property
    def days(self) -> int:
        """Calendar days in the segment, both ends included."""
        return (self.end - self.start).days + 1


def _entries(values: Any) -> tuple[DatedValue, ...]:
    if isinstance(values, DatedValue | str) or not isinstance(values, Iterable):
        raise DatedValueError(
            "values", values, Phrase("a sequence of DatedValue", "une suite d'objets DatedValue")
        )
    entries = tuple(values)
    for index, entry in enumerate(entries):
        if not isinstance(entry, DatedValue):
            raise DatedValueError(f"values[{index}]", entry, _A_DATED_VALUE)
    return entries


_A_DATED_VALUE: Final = Phrase("a DatedValue", "un objet DatedValue")


def _check_entries(
    instance: DatedParameter, attribute: Any, values: tuple[DatedValue, ...]
) -> None:
    if not values:
        raise DatedValueError(
            "values", values, Phrase("at least one dated value", "au moins une valeur datée")
        )
    first = values[0].value
    for index, entry in enumerate(values):
        if not isinstance(entry, DatedValue):
            raise DatedValueError(f"values[{index}]", entry, _A_DATED_VALUE)
        if entry.value.dimensionality != first.dimensionality:
            raise DatedValueError(
                f"values[{index}].value",
                entry.value,
                Phrase(
                    "the same dimension as values[0] ({unit}): units may not be mixed",
                    "la même dimension que values[0] ({french})" + NBSP + ": les unités ne se"
                    " mélangent pas",
                    unit=format_unit(first),
                    french=french_unit(first) or "sans dimension",
                ),
            )
        if index and entry.start <= values[index - 1].start:
            what = (
                Phrase("duplicate", "en double")
                if entry.start == values[index - 1].start
                else Phrase("unsorted", "dans le désordre")
            )
            raise DatedValueError(
                f"values[{index}].start",
                entry.start,
                Phrase(
                    "a start after {before} ({what} start dates)",
                    "un début postérieur au {before} (dates de début {what})",
                    before=values[index - 1].start.isoformat(),
                    what=what,
                ),
            )
    if instance.dimension is not None:
        try:
            expected = str(get_registry().get_dimensionality(instance.dimension))
        except Exception:
            raise DatedValueError(
                "dimension",
                instance.dimension,
                Phrase(
                    "a dimensionality such as {example!r}",
                    "une dimension comme {example!r}",
                    example="[length]",
                ),
            ) from None
        if instance.dimension != "[]" and expected == "dimensionless":
            raise DatedValueError(
                "dimension",
                instance.dimension,
                Phrase("a known dimensionality", "une dimension connue"),
            )
        as_quantity(first, field=f"{instance.name}.values[0].value", dimension=instance.dimension)


@attrs.frozen(kw_only=True)
class DatedParameter:
    """A parameter whose value changes with the date, each value with its source.

    ``values`` must be sorted by start date, without duplicates, and share one
    dimension (``dimension``, when given, is checked too).
    """

    name: str = attrs.field(validator=non_empty)
    values: tuple[DatedValue, ...] = attrs.field(converter=_entries, validator=_check_entries)
    dimension: str | None = None
    description: str = ""

    def entry_as_of(self, on: dt.date | str) -> DatedValue:
        """The entry in force on ``on``; raises :class:`NoValueInForceError` if none is."""
        day = to_date(on, "on")
        found: DatedValue | None = None
        for entry in self.values:
            if entry.start > day:
                break
            if entry.end is None or day <= entry.end:
                found = entry
        if found is None:
            raise NoValueInForceError(self.name, day, self._coverage())
        return found

    def as_of(self, on: dt.date | str) -> Quantity:
        """The value in force on ``on``."""
        return self.entry_as_of(on).value

    def change_dates(self) -> tuple[dt.date, ...]:
        """Every date on which the value in force may change (starts and day-after-ends)."""
        dates = {entry.start for entry in self.values}
        dates.update(entry.end + _ONE_DAY for entry in self.values if entry.end is not None)
        return tuple(sorted(dates))

    def first_gap(self, start: dt.date | str, end: dt.date | str | None = None) -> dt.date | None:
        """The first day of ``start..end`` (inclusive; ``end=None``: ever after) that has
        no value in force, or None when every day has one."""
        first = to_date(start, "start")
        last = None if end is None else to_date(end, "end")
        stop = LAST_DATE if last is None else last
        cuts = [first, *(d for d in self.change_dates() if first < d <= stop)]
        for day in cuts:
            try:
                self.entry_as_of(day)
            except NoValueInForceError:
                return day
        return None

    def segments(self, start: dt.date | str, end: dt.date | str) -> tuple[Segment, ...]:
        """Split ``start..end`` (inclusive) at every change of the value in force.

        Raises :class:`NoValueInForceError` if some day of the period has no value.
        """
        period = Period(start=start, end=end)
        assert period.end is not None
        cuts = [period.start]
        cuts.extend(d for d in self.change_dates() if period.start < d <= period.end)
        cuts.append(period.end + _ONE_DAY)
        pieces: list[Segment] = []
        for left, right in itertools.pairwise(cuts):
            entry = self.entry_as_of(left)
            last = right - _ONE_DAY
            if pieces and pieces[-1].entry is entry:
                pieces[-1] = Segment(start=pieces[-1].start, end=last, entry=entry)
            else:
                pieces.append(Segment(start=left, end=last, entry=entry))
        return tuple(pieces)

    def __iter__(self) -> Iterator[DatedValue]:
        return iter(self.values)

    def _coverage(self) -> str:
        spans = (str(entry.period) for entry in self.values)
        return ", ".join(spans)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form that :meth:`from_dict` reads back (:data:`DATED_PARAMETER`)."""
        data: dict[str, Any] = write(DATED_PARAMETER, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DatedParameter:
        """Rebuild a parameter from :meth:`to_dict`, as :data:`DATED_PARAMETER` describes
        it; errors name the key path from ``parameter`` (every problem at once)."""
        parameter: DatedParameter = read(DATED_PARAMETER, data, "parameter")
        return parameter

    def describe(self, lang: Lang = "en") -> str:
        """One line per value, in ``lang``: its period and amount in words, its source
        cited, its note. A description or note the library writes in both languages (a
        :class:`~teletravail.messages.Phrase`) shows in ``lang``; one written as plain
        text, as written."""
        lang = check_lang(lang)
        head = self.name
        if self.description:
            head += f"{COLON[lang]} {text_of(self.description, lang)}"
        lines = [head]
        for entry in self.values:
            note = f" ({text_of(entry.note, lang)})" if entry.note else ""
            lines.append(
                f"  {_period_words(entry, lang)}{COLON[lang]} "
                f"{formats.quantity(entry.value, lang)}, {entry.source.cite(lang)}{note}"
            )
        return "\n".join(lines)


def _period_words(entry: DatedValue, lang: Lang) -> str:
    """``from 1 January 2023``, ``1 September 2021 to 31 December 2022``; in French
    ``à partir du 1er janvier 2023``, ``du 1er septembre 2021 au 31 décembre 2022``."""
    if entry.end is not None:
        return formats.period(entry.start, entry.end, lang)
    start = formats.date(entry.start, lang)
    return f"from {start}" if lang == "en" else f"à partir du {start}"


# -- descriptions: how a dated value is read from data and written back ------------------


def dated_value_table(amount: Kind, source: Kind, *, stated: Source | None = None) -> Table:
    """The description of a :class:`DatedValue` written as a table: its ``start``, ``end``,
    ``value`` (read by ``amount``), ``source`` (read by ``source``) and ``note``.

    ``stated`` is the source of an entry written without one (a policy document's own
    values: :data:`~teletravail.sources.STATED`); without it the source is required.
    """

    def build(data: dict[str, Any]) -> DatedValue:
        if stated is not None:
            data.setdefault("source", stated)
        return DatedValue(**data)

    said = "the text that sets it" + (" (default: the document)" if stated is not None else "")
    return Table(
        "dated values",
        "A value in force from a date (to an end date, both included).",
        [
            Key("start", Day(), "the first day the value is in force", True),
            Key("end", Day(), "the last day it is in force (default: until replaced)"),
            Key("value", amount, "the value", True),
            Key("source", source, said, stated is None),
            Key("note", Text(empty=True), "a qualification, e.g. 'unconfirmed'"),
        ],
        build,
        _entry_data,
        french="valeur datée",
    )


def _entry_data(entry: DatedValue) -> dict[str, Any]:
    return {
        "start": entry.start,
        "end": entry.end,
        "value": entry.value,
        "source": entry.source,
        "note": entry.note,
    }


def dated_parameter_table(entry: Table) -> Table:
    """The description of a :class:`DatedParameter` written as a table: its ``name``,
    ``description``, ``dimension`` and ``values``, each read by ``entry``."""
    return Table(
        "dated parameter",
        "A named parameter with its dated values.",
        [
            Key("name", Text(), "the parameter's name", True),
            Key("description", Text(empty=True), "what it is"),
            Key("dimension", Text(), "its dimension, e.g. '[currency] / [workday]'"),
            Key("values", ListOf(entry, at_least=1), "its values, by start date", True),
        ],
        _parameter,
        lambda p: non_defaults(p, "name", "values", "dimension", "description"),
        french="paramètre daté",
    )


def _parameter(data: dict[str, Any]) -> DatedParameter:
    return DatedParameter(**data)


#: A dated value as ``DatedValue.to_dict`` writes it: a quantity of any dimension, and
#: its source as a table of its own (required).
DATED_VALUE: Final = dated_value_table(
    Amount(None, "2.88 EUR/workday", negative=True, french="2,88 EUR/jour"), SOURCE_TABLE
)
#: A dated parameter as ``DatedParameter.to_dict`` writes it.
DATED_PARAMETER: Final = dated_parameter_table(DATED_VALUE)


#: ISO 8601 durations: P, then years, months and days, each at most 9 digits.
_DURATION_PATTERN = re.compile(r"^P(?:([0-9]{1,9})Y)?(?:([0-9]{1,9})M)?(?:([0-9]{1,9})D)?$")
#: One "number unit" of a duration in words, the spaces between them read apart. No two
#: adjacent quantifiers can match the same characters, and none starts with spaces, so
#: matching (or searching) is linear in the text's length.
_DURATION_WORD = re.compile(r"([0-9]+)[ \t]*([^\W\d_]+)")
_SPACES = re.compile(r"[ \t]*")
#: The words of each unit, in English and French (case does not matter).
_DURATION_UNITS: dict[str, str] = {
    **dict.fromkeys(("year", "years", "y", "an", "ans", "année", "années", "annee", "annees"),
                    "years"),
    **dict.fromkeys(("month", "months", "m", "mois"), "months"),
    **dict.fromkeys(("week", "weeks", "w", "semaine", "semaines"), "weeks"),
    **dict.fromkeys(("day", "days", "d", "jour", "jours", "j"), "days"),
}  # fmt: skip
_DURATION_DIGITS = 9
#: The longest duration: seniorities and derogations are counted in years, and the
#: dates they reach must stay within the calendar (see :data:`teletravail.dates.LAST_DATE`).
_MOST_YEARS = 1000


def _duration_words(text: str) -> dict[str, int] | None:
    """``"1 an 6 mois"`` as ``{"years": 1, "months": 6}``; None if the text is not a
    duration in words (each unit at most once)."""
    found: dict[str, int] = {}
    position = 0
    while position < len(text):
        position = _SPACES.match(text, position).end()  # type: ignore[union-attr]
        if position == len(text):
            break
        match = _DURATION_WORD.match(text, position)
        if match is None or len(match.group(1)) > _DURATION_DIGITS:
            return None
        unit = _DURATION_UNITS.get(match.group(2).lower())
        if unit is None or unit in found:
            return None
        found[unit] = int(match.group(1))
        position = match.end()
    return found or None


def _non_negative_int(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(
            attribute.name, value, Phrase("a whole number >= 0", "un nombre entier positif ou nul")
        )


def _reached_by(duration: Duration, start: dt.date, on: dt.date) -> bool:
    """Whether ``duration`` after ``start`` falls on or before ``on`` (past 9999: no)."""
    try:
        return duration.after(start) <= on
    except ValidationError:
        return False


@attrs.frozen
class Duration:
    """A calendar duration in years, months and days, for seniority and derogations.

    Calendar arithmetic, stated once for the whole library: adding a duration adds the
    years and months first and, where the day does not exist in the month reached, takes
    the **last day of that month**; the days are added after. So one year after
    2012-02-29 is 2013-02-28, and one month after 2013-01-31 is 2013-02-28. An agent
    hired on day *h* has a seniority of at least *d* on every date on or after
    ``d.after(h)``.
    """

    years: int = attrs.field(default=0, validator=_non_negative_int)
    months: int = attrs.field(default=0, validator=_non_negative_int)
    days: int = attrs.field(default=0, validator=_non_negative_int)

    def __attrs_post_init__(self) -> None:
        if self.months >= 12:  # 18 months is 1 year 6 months: one value, one spelling
            years, months = divmod(self.months, 12)
            object.__setattr__(self, "years", self.years + years)
            object.__setattr__(self, "months", months)

    @classmethod
    def parse(cls, text: str | Duration) -> Duration:
        """Read ``"P1Y6M"`` (ISO 8601), ``"1 year 6 months"``, ``"1 an 6 mois"`` or
        ``"2 semaines"`` (a week is 7 days); each number has at most 9 digits."""
        if isinstance(text, Duration):
            return text
        if not isinstance(text, str):
            raise ValidationError(
                "duration",
                text,
                Phrase(
                    "a duration such as {iso!r} or {words!r}",
                    "une durée comme {mots!r} ou {iso!r}",
                    iso="P1Y",
                    words="1 year",
                    mots="1 an",
                ),
            )
        stripped = text.strip()
        match = _DURATION_PATTERN.match(stripped)
        words = None if match else _duration_words(stripped)
        if match and any(match.groups()):
            years, months, days = (int(g) if g else 0 for g in match.groups())
        elif words is not None:
            years, months = words.get("years", 0), words.get("months", 0)
            days = words.get("weeks", 0) * 7 + words.get("days", 0)
        else:
            raise ValidationError(
                "duration",
                text,
                Phrase(
                    "a duration such as {iso!r} or {words!r}",
                    "une durée comme {mots!r}, {semaines!r} ou {iso!r}",
                    iso="P1Y6M",
                    words="1 year 6 months",
                    mots="1 an 6 mois",
                    semaines="2 semaines",
                ),
            )
        if years + months // 12 > _MOST_YEARS or days > _MOST_YEARS * 366:
            raise ValidationError(
                "duration",
                text,
                Phrase(
                    "a duration of at most {most} years",
                    "une durée d'au plus {most} ans",
                    most=grouped(_MOST_YEARS),
                ),
            )
        return cls(years, months, days)

    def after(self, day: dt.date) -> dt.date:
        """The date this duration after ``day`` (month ends clipped, see the class doc).

        dateutil's ``relativedelta`` does the calendar arithmetic; a date past 9999-12-31
        is a :class:`~teletravail.errors.ValidationError`.
        """
        try:
            result: dt.date = day + relativedelta(
                years=self.years, months=self.months, days=self.days
            )
        except (ValueError, OverflowError):
            raise ValidationError(
                "date",
                day,
                Phrase(
                    "a date whose {duration} later is before 10000-01-01",
                    "une date qui, {duration} plus tard, reste antérieure à l'an 10000",
                    duration=self.phrase(),
                ),
            ) from None
        return result

    def latest_start(self, on: dt.date) -> dt.date:
        """The latest day ``h`` with ``self.after(h) <= on``.

        ``after`` never decreases as its argument grows, so the days that satisfy the
        condition are exactly those up to this one: a seniority test on a whole column
        is one comparison with it.
        """
        try:
            candidate: dt.date = on - relativedelta(
                years=self.years, months=self.months, days=self.days
            )
        except (ValueError, OverflowError):
            raise ValidationError(
                "on",
                on,
                Phrase(
                    "a date at least {duration} after 0001-01-01",
                    "une date postérieure d'au moins {duration} au 0001-01-01",
                    duration=self.phrase(),
                ),
            ) from None
        while self.after(candidate) > on:
            candidate -= _ONE_DAY
        while candidate < dt.date.max and _reached_by(self, candidate + _ONE_DAY, on):
            candidate += _ONE_DAY
        return candidate

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Duration:
        """The longest ``d`` (years, then months, then days) with ``d.after(start) <= end``."""
        if end < start:
            raise ValidationError(
                "end",
                end,
                Phrase(
                    "a date on or after {start}",
                    "une date égale ou postérieure au {start}",
                    start=start.isoformat(),
                ),
            )
        # Whole months first: the month of ``end``, or the one before if the day of
        # ``start`` (clipped to that month's length) falls after the day of ``end``.
        # (This is the arithmetic of ``after`` done by hand, a few times faster than
        # relativedelta on the path of every explanation; a property test pins the two
        # together.)
        months = (end.year - start.year) * 12 + end.month - start.month
        if min(start.day, calendar.monthrange(end.year, end.month)[1]) > end.day:
            months -= 1
        year, index = divmod(start.month - 1 + months, 12)
        year, month = start.year + year, index + 1
        reached = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
        years, months = divmod(months, 12)
        return cls(years, months, (end - reached).days)

    def iso(self) -> str:
        """ISO 8601 form: ``P1Y6M``; zero is ``P0D``."""
        parts = "".join(
            f"{n}{u}" for n, u in ((self.years, "Y"), (self.months, "M"), (self.days, "D")) if n
        )
        return "P" + (parts or "0D")

    def words(self, lang: Lang = "en") -> str:
        """``1 year 6 months`` or, in French, ``1 an 6 mois``."""
        lang = check_lang(lang)
        names = {
            "en": (("year", "years"), ("month", "months"), ("day", "days")),
            "fr": (("an", "ans"), ("mois", "mois"), ("jour", "jours")),
        }[lang]
        parts = [
            f"{n} {name[0] if n == 1 else name[1]}"
            for n, name in zip((self.years, self.months, self.days), names, strict=True)
            if n
        ]
        return " ".join(parts) if parts else f"0 {names[2][1]}"

    def phrase(self) -> Phrase:
        """The duration in words, in English and in French (for messages)."""
        return Phrase(self.words("en"), self.words("fr"))

    def __str__(self) -> str:
        return self.words("en")


class Span(Kind):
    """A duration in a document: ``"1 year"``, ``"6 mois"``, ``"P1Y6M"``."""

    label = Phrase("a duration", "une durée")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        try:
            return Duration.parse(value)
        except ValidationError as error:
            return ctx.fail(path, value, error.expected)

    def write(self, ctx: Context, value: Any) -> Any:
        parts = []
        for amount, unit in ((value.years, "year"), (value.months, "month"), (value.days, "day")):
            if amount:
                parts.append(f"{amount} {unit}{'s' if amount > 1 else ''}")
        return " ".join(parts) or "0 days"

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "examples": ["1 year", "6 months", "P1Y6M"]}

    def describe(self) -> str:
        return "duration, e.g. `1 year`, `6 months`"
