"""Telework days of a whole workforce over a period, counted without a loop over agents
or days: :func:`telework_days`.

Each agent's pattern is a row of workdays per weekday; each weekday's working days of
the agent's period are counted once with numpy's business-day functions and multiplied
by the patterns, less the days of known absences. (The dated days themselves, with
leave, caps and floating days, are :func:`~teletravail.scheduling.layout.lay_out`'s.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_
from teletravail.week import WeeklyPattern

from .calendar import WorkCalendar, calendar_or_default

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["telework_days"]


_A_PATTERN: Final = Phrase("a WeeklyPattern", "un objet WeeklyPattern")
_AGENTS_BY_7: Final = Phrase(
    "an array of shape (agents, 7)", "un tableau de dimensions (agents, 7)"
)
_ISO_DATES: Final = Phrase("ISO dates (YYYY-MM-DD)", "des dates ISO (AAAA-MM-JJ)")


def _shape(shape: tuple[int, ...]) -> Phrase:
    """The shape of an array, as a value found."""
    return Phrase("shape {shape}", "dimensions {shape}", shape=shape)


def telework_days(
    amounts: npt.ArrayLike | Sequence[WeeklyPattern],
    start: dt.date | str | Sequence[Any] | npt.NDArray[Any],
    end: dt.date | str | Sequence[Any] | npt.NDArray[Any],
    *,
    calendar: WorkCalendar | None = None,
    absences: tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike] | None = None,
) -> Quantity:
    """Telework days of a whole workforce over a period, without a loop over agents or days.

    ``amounts`` is an array of shape (agents, 7): the workdays of telework each agent's
    pattern has on each weekday (``WeeklyPattern.amounts()`` gives one row), or a
    sequence of :class:`WeeklyPattern`, one per agent. ``start``
    and ``end`` are one date each, or one per agent (for authorisations that begin or end
    within the period). ``absences`` is an optional table ``(rows, starts, ends)`` of
    non-overlapping absence spans. Each weekday's working days are counted once per span
    with numpy's business-day functions and multiplied by the patterns.

    Returns a quantity array in workdays, one value per agent.
    """
    if isinstance(amounts, Sequence) and amounts and isinstance(amounts[0], WeeklyPattern):
        amounts = _pattern_rows(amounts)
    try:
        matrix = np.asarray(amounts, dtype=float)
    except (TypeError, ValueError):
        raise ValidationError("amounts", amounts, _AGENTS_BY_7) from None
    if matrix.ndim != 2 or matrix.shape[1] != 7:
        raise ValidationError("amounts", _shape(matrix.shape), _AGENTS_BY_7)
    if not np.all(np.isfinite(matrix)) or matrix.min(initial=0) < 0 or matrix.max(initial=0) > 1:
        raise ValidationError(
            "amounts",
            Phrase("values out of 0..1", "des valeurs hors de 0..1"),
            Phrase(
                "workdays between 0 and 1 per weekday",
                "des jours de travail entre 0 et 1 par jour de la semaine",
            ),
        )
    n = matrix.shape[0]
    calendar = calendar_or_default(calendar)
    starts = _date_column(start, n, "start")
    ends = _date_column(end, n, "end")
    if np.any(ends < starts):
        row = int(np.flatnonzero(ends < starts)[0])
        raise ValidationError(
            f"end[{row}]",
            str(ends[row]),
            Phrase("a date on or after {start}", "une date à partir du {start}", start=starts[row]),
        )
    per_weekday = calendar.count_by_weekday(starts, ends)
    totals = np.einsum("ij,ij->i", matrix, per_weekday)
    if absences is not None:
        rows, a_start, a_end = _absence_table(absences, n)
        # clip each absence to its agent's period; spans left empty count nothing
        low = np.maximum(a_start, starts[rows])
        high = np.minimum(a_end, ends[rows])
        lost = np.einsum("ij,ij->i", matrix[rows], calendar.count_by_weekday(low, high))
        np.subtract.at(totals, rows, lost)
    return Q_(totals, "workday")


def _absence_table(
    absences: Any, n: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.datetime64], npt.NDArray[np.datetime64]]:
    """Check the (rows, starts, ends) table: equal columns, known rows, spans that end
    on or after they start and do not overlap another span of the same agent."""
    if not isinstance(absences, tuple | list) or len(absences) != 3:
        raise ValidationError(
            "absences",
            absences,
            Phrase("a table (rows, starts, ends)", "une table (lignes, débuts, fins)"),
        )
    try:
        rows = np.asarray(absences[0], dtype=np.int64)
    except (TypeError, ValueError):
        raise ValidationError(
            "absences.rows", absences[0], Phrase("row numbers", "des numéros de ligne")
        ) from None
    starts = _date_array(absences[1], "absences.starts")
    ends = _date_array(absences[2], "absences.ends")
    if not (rows.shape == starts.shape == ends.shape) or rows.ndim != 1:
        raise ValidationError(
            "absences",
            Phrase("columns of unequal length", "des colonnes de longueurs différentes"),
            Phrase("three equal columns", "trois colonnes de même longueur"),
        )
    if len(rows) and (rows.min() < 0 or rows.max() >= n):
        raise ValidationError(
            "absences.rows",
            int(rows.max()),
            Phrase("rows from 0 to {last}", "des lignes de 0 à {last}", last=n - 1),
        )
    backwards = np.flatnonzero(ends < starts)
    if len(backwards):
        i = int(backwards[0])
        raise ValidationError(
            f"absences[{i}]",
            f"{starts[i]}..{ends[i]}",
            Phrase("an end on or after the start", "une fin le jour du début ou après"),
        )
    order = np.lexsort((starts, rows))
    same = rows[order][1:] == rows[order][:-1]
    overlap = same & (starts[order][1:] <= ends[order][:-1])
    if overlap.any():
        i = int(order[1:][overlap][0])
        raise ValidationError(
            f"absences[{i}]",
            Phrase(
                "row {row}: {start}..{end}",
                "ligne {row}\u00a0: {start}..{end}",
                row=rows[i],
                start=starts[i],
                end=ends[i],
            ),
            Phrase("spans that do not overlap", "des périodes qui ne se chevauchent pas"),
        )
    return rows, starts, ends


def _date_array(value: Any, field: str) -> npt.NDArray[np.datetime64]:
    try:
        array = np.asarray(value, dtype="datetime64[D]")
    except (TypeError, ValueError):
        raise ValidationError(field, value, _ISO_DATES) from None
    if np.isnat(array).any():
        raise ValidationError(
            field, "NaT", Phrase("a date in every row", "une date à chaque ligne")
        )
    return array


def _pattern_rows(patterns: Sequence[Any]) -> npt.NDArray[np.float64]:
    """The (agents, 7) amounts of a list of patterns; each distinct pattern is read once
    (a workforce shares a few dozen patterns, not one per agent)."""
    codes: dict[WeeklyPattern, int] = {}
    index = np.empty(len(patterns), dtype=np.int64)
    for row, pattern in enumerate(patterns):
        if not isinstance(pattern, WeeklyPattern):
            raise ValidationError(f"amounts[{row}]", pattern, _A_PATTERN)
        index[row] = codes.setdefault(pattern, len(codes))
    table = np.array([pattern.amounts() for pattern in codes], dtype=float)
    rows: npt.NDArray[np.float64] = table[index]
    return rows


def _date_column(value: Any, n: int, field: str) -> npt.NDArray[np.datetime64]:
    if isinstance(value, np.datetime64):
        value = value.astype("datetime64[D]").astype(object)
    if isinstance(value, dt.date | str):
        return np.full(n, np.datetime64(to_date(value, field), "D"))
    try:
        array = np.asarray(value, dtype="datetime64[D]")
    except (TypeError, ValueError):
        raise ValidationError(field, value, _ISO_DATES) from None
    if array.shape != (n,):
        raise ValidationError(
            field,
            _shape(array.shape),
            Phrase("one date, or one per agent ({n})", "une date, ou une par agent ({n})", n=n),
        )
    if np.isnat(array).any():
        raise ValidationError(
            field, "NaT", Phrase("a date for every agent", "une date pour chaque agent")
        )
    return array
