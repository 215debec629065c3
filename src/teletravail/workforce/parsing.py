"""The raw cells of an input (records, CSV rows, DataFrame columns) parsed column by
column: each distinct cell once, with the readers of an agent's fields.

A :class:`Parser` keeps the rows found bad so far and the first problem of each, so that
a row is reported once, under the first field found wrong; a :class:`Parsed` column
holds each row's code into its distinct parsed values. Typed columns (numbers with a
unit, dates, booleans) are converted whole.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from teletravail.dates import FIRST_DATE, LAST_DATE, to_date
from teletravail.errors import RowError, ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_
from teletravail.units import unit as _unit

from .cells import EXPECTED_TIMELESS, InUnit, cell_quantity, is_missing, read_bool
from .columns import Categories
from .columns import stripped as strip_texts

__all__ = ["Cells", "CodedCells", "Parsed", "Parser", "PartlyTyped", "TextCells", "bare"]


def bare(error: ValidationError) -> ValidationError:
    """An error kept for a report, without the frames its traceback (or that of the
    error it was raised from) holds: they would keep the columns of the reading alive
    until the garbage collector ran."""
    error.__traceback__ = None
    error.__context__ = None
    error.__cause__ = None
    return error


class CodedCells:
    """A column of cells already numbered by its reader (a columnar reader's dictionary
    encoding): each row's code into the distinct cells, as written. It is parsed as the
    same cells given one by one are, each distinct cell once."""

    __slots__ = ("codes", "uniques")

    def __init__(self, codes: npt.NDArray[np.intp], uniques: list[Any]) -> None:
        self.codes = codes
        self.uniques = uniques

    def __len__(self) -> int:
        return len(self.codes)


class TextCells:
    """A column of text cells of a columnar reader, as one numpy string array (``raw``,
    the cells as written; its reader makes one only of text holding no NUL, which numpy
    would drop): the ids of a register, a distinct value a row."""

    __slots__ = ("raw",)

    def __init__(self, raw: npt.NDArray[np.str_]) -> None:
        self.raw = raw

    def __len__(self) -> int:
        return len(self.raw)


class PartlyTyped:
    """A column of numbers converted whole by its reader, but for the cells it could not
    decide: ``values`` (NaN for an empty cell), and the positions of the ``undecided``
    rows with their ``cells`` as written, which are read one by one, as the same cells
    given one by one are (so that their errors are the same)."""

    __slots__ = ("cells", "undecided", "values")

    def __init__(
        self,
        values: npt.NDArray[np.float64],
        undecided: npt.NDArray[np.intp],
        cells: list[Any],
    ) -> None:
        self.values = values
        self.undecided = undecided
        self.cells = cells

    def __len__(self) -> int:
        return len(self.values)


# a cell of a typed date column that holds a date (not NaT)
_PRESENT = object()


#: A column of raw cells: as given (a list, an array), or as a columnar reader hands it.
Cells: TypeAlias = "Sequence[Any] | npt.NDArray[Any] | CodedCells | PartlyTyped | TextCells"


class Parsed:
    """A column parsed value by distinct value: ``codes`` into ``parsed`` per row."""

    def __init__(self, codes: npt.NDArray[np.intp], parsed: list[Any]) -> None:
        self.codes = codes
        self.parsed = parsed

    def values(self, keep: npt.NDArray[np.bool_]) -> npt.NDArray[Any]:
        """The parsed values of the kept rows, as an object array."""
        table = np.empty(len(self.parsed), dtype=object)
        table[:] = self.parsed
        result: npt.NDArray[Any] = table[self.codes[keep]]
        return result

    def _used(self, keep: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
        return np.unique(self.codes[keep])

    def categories(self, keep: npt.NDArray[np.bool_]) -> Categories:
        """Role names of the kept rows as categories (sorted, only those in use)."""
        used = self._used(keep)
        if not len(used):
            return Categories(np.zeros(0, dtype=np.int32), ())
        names, inverse = np.unique(
            np.array([self.parsed[c] for c in used.tolist()], dtype=str), return_inverse=True
        )
        lookup = np.zeros(len(self.parsed), dtype=np.int32)
        lookup[used] = inverse.reshape(-1)
        return Categories(lookup[self.codes[keep]], tuple(str(n) for n in names))

    def tag_matrix(self, keep: npt.NDArray[np.bool_]) -> dict[str, npt.NDArray[np.bool_]]:
        """Tags of the kept rows, as ``{tag: boolean column}``."""
        used = self._used(keep).tolist()
        names = sorted({tag for code in used for tag in self.parsed[code]})
        codes = self.codes[keep]
        columns = {}
        for name in names:
            table = np.array([name in tags for tags in self.parsed], dtype=bool)
            columns[name] = table[codes]
        return columns

    def derogations(self, keep: npt.NDArray[np.bool_]) -> list[Any] | None:
        """Derogations of the kept rows, or ``None`` when no kept row has any."""
        if not any(self.parsed[code] for code in self._used(keep).tolist()):
            return None
        return list(self.values(keep))


class Parser:
    """The parsing of one input's columns: the rows found bad so far and their problems
    (the first problem of each row only), row numbers for the messages."""

    def __init__(
        self,
        n: int,
        bad: npt.NDArray[np.bool_],
        problems: list[RowError],
        rows: npt.NDArray[np.int64],
    ) -> None:
        self.n = n
        self.bad = bad.copy()
        self.problems = list(problems)
        self.rows = rows

    def fail(
        self, codes: npt.NDArray[np.intp], size: int, failed: Mapping[int, ValidationError]
    ) -> None:
        """Report the rows whose cell is one of the ``failed`` distinct values (of
        ``size``), unless they are bad already."""
        if not failed:
            return
        table = np.zeros(size, dtype=bool)
        table[list(failed)] = True
        hit = table[codes] & ~self.bad
        for index in np.flatnonzero(hit).tolist():
            self.problems.append(
                RowError.from_error(int(self.rows[index]), failed[int(codes[index])])
            )
        self.bad |= hit

    def codes(self, values: Cells | None) -> tuple[npt.NDArray[np.intp], list[Any]]:
        """Number the distinct cells of a column; an absent column is all missing, and a
        ``datetime64`` column has two kinds of cells: a date, or NaT (missing)."""
        if values is None:
            return np.zeros(self.n, dtype=np.intp), [None]
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            return np.isnat(values).astype(np.intp), [_PRESENT, None]
        return _codes(values)

    def required_text(
        self, field: str, cells: TextCells, why: Phrase | None
    ) -> npt.NDArray[np.str_]:
        """A column of text cells stripped whole (as ``str.strip`` strips each); rows whose
        required ``field`` is empty are bad, as :meth:`require` finds them."""
        stripped: npt.NDArray[np.str_] = strip_texts(cells.raw)
        expected = why or Phrase("a value (required)", "une valeur (obligatoire)")
        self.fail_rows(
            stripped == "", lambda index: ValidationError(field, str(cells.raw[index]), expected)
        )
        return stripped

    def require(
        self, field: str, codes: npt.NDArray[np.intp], uniques: list[Any], why: Phrase | None
    ) -> None:
        """Rows whose required ``field`` is missing are bad."""
        failed = {
            code: ValidationError(
                field, value, why or Phrase("a value (required)", "une valeur (obligatoire)")
            )
            for code, value in enumerate(uniques)
            if is_missing(value)
        }
        self.fail(codes, len(uniques), failed)

    def dates(
        self,
        values: Cells | None,
        codes: npt.NDArray[np.intp],
        uniques: list[Any],
    ) -> npt.NDArray[np.datetime64]:
        """Hire dates as ``datetime64[D]`` (NaT where missing or bad)."""
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            days = values.astype("datetime64[D]")
            timed = ~np.isnat(values) & (days != values)

            def error(index: int) -> ValidationError:
                value = str(values[index])
                return ValidationError("hire_date", value, EXPECTED_TIMELESS)

            self.fail_rows(timed, error)
            low = np.datetime64(FIRST_DATE, "D")
            high = np.datetime64(LAST_DATE, "D")
            outside = ~np.isnat(days) & ((days < low) | (days > high))

            def beyond(index: int) -> ValidationError:
                value = str(values[index])
                return ValidationError(
                    "hire_date",
                    value,
                    Phrase(
                        "a date from {first} to {last}",
                        "une date du {first} au {last}",
                        first=FIRST_DATE.isoformat(),
                        last=LAST_DATE.isoformat(),
                    ),
                )

            self.fail_rows(outside, beyond)
            return days
        parsed = self.parse(values, lambda v: to_date(v, "hire_date"), None, (codes, uniques))
        table = np.array(
            [np.datetime64("NaT") if p is None else np.datetime64(p, "D") for p in parsed.parsed],
            dtype="datetime64[D]",
        )
        result: npt.NDArray[np.datetime64] = table[parsed.codes]
        return result

    def fail_rows(
        self, mask: npt.NDArray[np.bool_], error: Callable[[int], ValidationError]
    ) -> None:
        """Report the rows of ``mask`` (those not bad yet), each with its own error."""
        hit = mask & ~self.bad
        for index in np.flatnonzero(hit).tolist():
            self.problems.append(RowError.from_error(int(self.rows[index]), error(index)))
        self.bad |= hit

    def parse(
        self,
        values: Cells | None,
        read: Callable[[Any], Any],
        default: Any,
        coded: tuple[npt.NDArray[np.intp], list[Any]] | None = None,
    ) -> Parsed:
        """Parse each distinct cell once (``coded``: the numbering, when already made);
        missing cells take ``default``."""
        if values is None:  # every row the default: one shared zero, no column made
            return Parsed(np.broadcast_to(np.intp(0), (self.n,)), [default])
        codes, uniques = coded if coded is not None else _codes(values)
        parsed: list[Any] = [default] * len(uniques)
        failed: dict[int, ValidationError] = {}
        for code, value in enumerate(uniques):
            if is_missing(value):
                continue
            try:
                parsed[code] = read(value)
            except ValidationError as exc:
                failed[code] = bare(exc)
        self.fail(codes, len(uniques), failed)
        return Parsed(codes, parsed)

    def quantities(
        self,
        values: Cells | None,
        name: str,
        dimension: str,
        unit: str,
        column_unit: str | None,
        default: float,
    ) -> npt.NDArray[np.float64]:
        """A quantity column as magnitudes in the workforce's ``unit``."""
        if values is None:
            return np.full(self.n, default)
        if isinstance(values, PartlyTyped):
            whole = self.quantities(values.values, name, dimension, unit, column_unit, default)
            if len(values.undecided):  # the cells left undecided, read one by one
                where = values.undecided
                rest = Parser(len(where), self.bad[where], [], self.rows[where])
                whole[where] = rest.quantities(
                    values.cells, name, dimension, unit, column_unit, default
                )
                self.problems.extend(rest.problems)
                self.bad[where] = rest.bad
            return whole
        if isinstance(values, np.ndarray) and values.dtype.kind == "f" and column_unit:
            magnitudes = values
            if column_unit != unit:
                magnitudes = np.asarray(Q_(values, column_unit).m_as(_unit(unit)), dtype=float)
            return np.where(np.isnan(values), default, magnitudes)
        text_cache: dict[tuple[str, str], float] = {}

        def read(raw: Any) -> float:
            given = column_unit
            if isinstance(raw, InUnit):
                raw, given = raw.value, raw.unit
                if is_missing(raw):
                    return default
            return cell_quantity(raw, name, dimension, unit, given, text_cache)

        parsed = self.parse(values, read, default)
        table = np.array(parsed.parsed, dtype=float)
        result: npt.NDArray[np.float64] = table[parsed.codes]
        return result

    def flags(self, values: Cells | None, field: str) -> npt.NDArray[np.bool_]:
        """A boolean column; missing cells are true."""
        if isinstance(values, np.ndarray) and values.dtype == np.bool_:
            return values
        parsed = self.parse(values, lambda v: read_bool(v, field), True)
        table = np.array(parsed.parsed, dtype=bool)
        result: npt.NDArray[np.bool_] = table[parsed.codes]
        return result


def _codes(values: Cells) -> tuple[npt.NDArray[np.intp], list[Any]]:
    """Number the distinct cells of a column, so that each is parsed once.

    Cells are told apart by type as well as value (``1``, ``1.0`` and ``True`` are three
    cells, which may read differently); unhashable cells (a list of tags) each count as
    distinct.
    """
    if isinstance(values, CodedCells):
        return values.codes, values.uniques
    if isinstance(values, PartlyTyped | TextCells):  # (each read whole, never numbered)
        return _codes(values.values if isinstance(values, PartlyTyped) else values.raw.tolist())
    pandas = sys.modules.get("pandas")
    if (
        pandas is not None
        and isinstance(values, np.ndarray)
        and values.dtype == object
        and pandas.api.types.infer_dtype(values, skipna=True) in ("string", "empty")
    ):  # a pandas column of text (and missing cells): numbered in C, not cell by cell
        found, distinct = pandas.factorize(values, use_na_sentinel=True)
        codes_found: npt.NDArray[np.intp] = np.asarray(found, dtype=np.intp)
        return np.where(codes_found < 0, len(distinct), codes_found), [*distinct, None]
    index: dict[Any, int] = {}
    uniques: list[Any] = []
    codes = np.empty(len(values), dtype=np.intp)
    for position, value in enumerate(values):
        try:
            key = (value.__class__, value)
            code = index.get(key)
            if code is None:
                code = index[key] = len(uniques)
                uniques.append(value)
        except TypeError:  # unhashable
            code = len(uniques)
            uniques.append(value)
        codes[position] = code
    return codes, uniques
