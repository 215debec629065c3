"""Agents (one employee) and workforces (many employees, as columns).

An :class:`Agent` is a frozen value checked at construction. A :class:`Workforce` holds
the same fields as numpy columns: quantities are whole arrays inside one pint quantity
in a fixed unit (``percent``, ``km``, ``min``), roles are category codes, tags a boolean
matrix, dates ``datetime64[D]``. Rules compute on those columns; one agent is assessed
as a workforce of one.

Rows that fail validation are never dropped silently: with ``errors="raise"`` (the
default) a :class:`~teletravail.errors.WorkforceError` lists every bad row with its
number and field; with ``errors="report"`` the good rows make the workforce and the bad
ones are listed in :attr:`Workforce.rejected`.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import enum
import math
import operator
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import one_of
from teletravail._columns import readonly as _readonly
from teletravail._columns import zeros
from teletravail.dated import FIRST_DATE, LAST_DATE, to_date
from teletravail.errors import RowError, UnitError, ValidationError, WorkforceError
from teletravail.messages import (
    EMPTY,
    NBSP,
    NNBSP,
    Phrase,
    decimal,
    did_you_mean,
    either,
    french_count,
    grouped,
    system_reason,
)
from teletravail.spans import Absence, Authorisation
from teletravail.units import DIMENSIONLESS, Q_, WORKDAYS_PER_TIME, as_quantity
from teletravail.units import unit as _unit
from teletravail.week import WeeklyPattern, weekday_mask, weekdays_of_mask

from .agent import (
    COMMUTE_MODES,
    DEROGATION_KINDS,
    EXPECTED_CLEAN_ID,
    EXPECTED_NON_EMPTY,
    EXPECTED_PER_WEEK,
    EXPECTED_SHARE,
    MOST_PER_WEEK,
    QUANTITY_FIELDS,
    Agent,
    CommuteMode,
    Derogation,
    DerogationKind,
    derogation_kind,
    read_absences,
    read_authorisation,
    read_commute_mode,
    read_days_off,
    read_derogations,
    read_pattern,
    read_role,
    read_tags,
    unreadable_ids,
)
from .agent import COMMUTE_TIME_UNIT as COMMUTE_TIME_UNIT
from .agent import DISTANCE_UNIT as DISTANCE_UNIT
from .agent import REQUESTED_TELEWORK_UNIT as REQUESTED_TELEWORK_UNIT
from .agent import WORKING_TIME_UNIT as WORKING_TIME_UNIT
from .cells import EXPECTED_TIMELESS, InUnit, cell_quantity, is_missing, read_bool
from .fields import (
    ACTIVITY_SHARE_TOLERANCE,
    ACTIVITY_SHARE_UNIT,
    AMBIGUOUS_CONTRACT_WORD,
    CONTRACT_TYPE_WORDS,
    SUMS_TO_100,
    Activity,
    Category,
    ContractType,
    category,
    category_value,
    contract_type,
    contract_value,
    read_activities,
    read_activity_name,
    read_establishment,
)

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.tables import Units
    from teletravail.units import Quantity

__all__ = [
    "ACTIVITY_SHARE_TOLERANCE",
    "ACTIVITY_SHARE_UNIT",
    "AMBIGUOUS_CONTRACT_WORD",
    "CONTRACT_TYPE_WORDS",
    "EXTRA_CELLS",
    "MISSING_CELL",
    "MOST_ROW_CHARACTERS",
    "PANDAS_QUANTITIES",
    "Activity",
    "Agent",
    "Categories",
    "Category",
    "Coded",
    "ColumnPlan",
    "CommuteMode",
    "ContractType",
    "Derogation",
    "DerogationKind",
    "Errors",
    "Workforce",
    "category",
    "contract_type",
    "derogation_kind",
]

Errors = Literal["raise", "report"]


G = TypeVar("G", bound=np.generic)


@attrs.frozen(eq=False)
class Categories:
    """A categorical column: integer ``codes`` into ``categories``."""

    codes: npt.NDArray[np.int32]
    categories: tuple[str, ...]

    @classmethod
    def from_values(cls, values: Sequence[str] | npt.NDArray[Any]) -> Categories:
        """Encode strings as codes; the categories come out sorted."""
        array = np.asarray(values, dtype=object) if len(values) else np.array([], dtype=object)
        if array.size == 0:
            return cls(np.zeros(0, dtype=np.int32), ())
        categories, codes = np.unique(array.astype(str), return_inverse=True)
        return cls(codes.astype(np.int32).reshape(-1), tuple(str(c) for c in categories))

    def code_of(self, names: Collection[str]) -> npt.NDArray[np.int32]:
        """The codes of those names that are categories here (others are ignored)."""
        index = {name: i for i, name in enumerate(self.categories)}
        return np.array(sorted(index[n] for n in names if n in index), dtype=np.int32)

    def value(self, row: int) -> str:
        """The category of one row."""
        return self.categories[int(self.codes[row])]


T = TypeVar("T")


@attrs.frozen(eq=False)
class Coded:
    """A column of values of a few distinct kinds (patterns, authorisations...): integer
    ``codes`` into ``values``. Code 0 is the column's default (``values[0]``)."""

    codes: npt.NDArray[np.int32]
    values: tuple[Any, ...]

    @classmethod
    def default(cls, n: int, value: Any = None) -> Coded:
        """A column of ``n`` defaults."""
        return cls(_readonly(np.zeros(n, dtype=np.int32)), (value,))

    def value(self, row: int) -> Any:
        """The value of one row."""
        return self.values[int(self.codes[row])]

    def kept(self, keep: npt.NDArray[np.bool_] | None) -> Coded:
        """The rows of ``keep`` (``None``: all), with the same values."""
        return Coded(_kept(self.codes, keep), self.values)


_FIELDS = (
    "id",
    "hire_date",
    "working_time",
    "role",
    "tags",
    "commute_distance",
    "commute_time",
    "commute_mode",
    "volunteer",
    "teleworkable_post",
    "derogations",
    "requested_telework",
    "pattern",
    "days_off",
    "absences",
    "telecentre_distance",
    "authorisation",
    "contract_type",
    "category",
    "establishment",
    "activities",
)
_UNIT_ALIASES = {"pct": "percent", "percent": "percent", "%": "percent"}
#: The quantity columns of :meth:`Workforce.to_pandas`: plain name -> (pint name, unit).
PANDAS_QUANTITIES = {
    "working_time_pct": ("working_time", WORKING_TIME_UNIT),
    "commute_distance_km": ("commute_distance", DISTANCE_UNIT),
    "commute_time_min": ("commute_time", COMMUTE_TIME_UNIT),
    "requested_telework_workday_per_week": ("requested_telework", REQUESTED_TELEWORK_UNIT),
    "telecentre_distance_km": ("telecentre_distance", DISTANCE_UNIT),
}


def _kept(column: npt.NDArray[G], keep: npt.NDArray[np.bool_] | None) -> npt.NDArray[G]:
    """The kept rows of a column (``None``: all), as a new read-only array."""
    return _readonly(column.copy() if keep is None else column[keep])


#: csv.DictReader's markers (``restkey``, ``restval``) for a row longer, or shorter,
#: than the header: a reader of CSV rows passes them, and bad rows are told apart.
EXTRA_CELLS = "\x00extra"
MISSING_CELL = "\x00short"

# Read-only arrays shared by every workforce of one agent (they can never be written).
_ZERO_CODE = _readonly(np.zeros(1, dtype=np.int32))
_ZERO_ROW = _readonly(np.zeros(1, dtype=np.int64))
_TRUE_ROW = _readonly(np.ones(1, dtype=bool))
_FALSE_ROW = _readonly(np.zeros(1, dtype=bool))
_NAN_ROW = _readonly(np.full(1, math.nan))
_ONE_TAG_ROW = _readonly(np.ones((1, 8), dtype=bool))
_NO_ROWS = _readonly(np.zeros(0, dtype=np.int64))
_NO_KINDS = _readonly(np.zeros(0, dtype=np.int8))
_NO_DATES = _readonly(np.zeros(0, dtype="datetime64[D]"))
_NO_DAY_OFF = _readonly(np.zeros(1, dtype=np.uint8))
_ONE_CODE = _readonly(np.ones(1, dtype=np.int32))
_ONE_DEFAULT = Coded(_ZERO_CODE, (None,))
_NOT_STATED = Categories(_ZERO_CODE, ("",))
_CONTRACT_ROWS = {kind: Categories(_ZERO_CODE, (kind.value,)) for kind in ContractType}
_CATEGORY_ROWS = {kind: Categories(_ZERO_CODE, (kind.value,)) for kind in Category}
_NO_ACTIVITY = _readonly(np.zeros((1, 0)))
# the columns with one entry per agent, checked against the ids
_ROW_NAMES = (
    "hire_date",
    "working_time_percent",
    "tags",
    "commute_distance_km",
    "commute_time_min",
    "commute_mode",
    "volunteer",
    "teleworkable_post",
    "requested_telework_workday_per_week",
    "days_off_mask",
    "telecentre_distance_km",
    "activity_shares",
    "source_rows",
)
# the columns of codes, one code per agent
_CODED_NAMES = (
    "role",
    "pattern",
    "absences",
    "authorisation",
    "contract_type",
    "category",
    "establishment",
)
# every column of one entry per agent, and the codes of the coded ones, read at once
_ROW_COLUMNS = operator.attrgetter(*_ROW_NAMES, *(f"{name}.codes" for name in _CODED_NAMES))
_MODE_ROWS = {
    mode: _readonly(np.array([code], dtype=np.int8)) for code, mode in enumerate(CommuteMode)
}
_EPOCH = dt.date(1970, 1, 1)
# one-row hire-date columns, shared by the workforces of one agent hired that day (a
# register has a few thousand distinct hire dates; the cache is emptied when full)
_HIRE_ROWS: dict[dt.date, npt.NDArray[np.datetime64]] = {}
_MOST_HIRE_ROWS = 1 << 16


def _hire_row(day: dt.date) -> npt.NDArray[np.datetime64]:
    """The read-only one-row column of a hire date, made once."""
    if len(_HIRE_ROWS) >= _MOST_HIRE_ROWS:
        _HIRE_ROWS.clear()
    found = _HIRE_ROWS[day] = _readonly(np.array([(day - _EPOCH).days], dtype="datetime64[D]"))
    return found


def _column_unit(key: str) -> tuple[str, str | None]:
    """Split a record key into a field and the unit its plain numbers are in.

    ``"commute_distance_km"`` → ``("commute_distance", "km")``; ``"role"`` → ``("role", None)``;
    ``_per_`` stands for ``/``: ``"requested_telework_workday_per_week"`` →
    ``("requested_telework", "workday/week")``.
    """
    if key in _FIELDS:
        return key, None
    for name, (dimension, _) in QUANTITY_FIELDS.items():
        if key.startswith(name + "_"):
            unit = key[len(name) + 1 :]
            unit = _UNIT_ALIASES.get(unit, unit.replace("_per_", "/"))
            try:
                as_quantity(Q_(1, unit), field=key, dimension=dimension)
            except UnitError as exc:
                hint = (
                    Phrase(
                        " (a day is 24 hours: write {column})",
                        " (un {day!r} dure 24 heures" + NBSP + ": écrivez {column})",
                        day="day",
                        column=f"{name}_workday_per_week",
                    )
                    if dimension == WORKDAYS_PER_TIME
                    else EMPTY
                )
                wanted = Phrase(
                    "a unit of dimension {dimension} after {prefix}{hint}",
                    "une unité de dimension {dimension} après {prefix}{hint}",
                    dimension=dimension,
                    prefix=f"{name}_",
                    hint=hint,
                )
                raise ValidationError(f"columns.{key}", key, wanted) from exc
            except Exception:
                break
            return name, unit
    known = list(_FIELDS) + [f"{n}_<unit>" for n in QUANTITY_FIELDS]
    guess = difflib.get_close_matches(key, _FIELDS, n=1)
    raise ValidationError(
        f"columns.{key}",
        key,
        Phrase(
            "one of {known}{hint}",
            "une valeur parmi {known}{hint}",
            known=", ".join(known),
            hint=did_you_mean(guess[0] if guess else None),
        ),
    )


#: A mapping of input columns to fields: a field name (``"commute_distance"``), a field
#: with its unit as in a column name (``"commute_distance_km"``), a ``(field, unit)``
#: pair, or ``None`` to skip the column.
Columns = Mapping[str, "str | tuple[str, str] | None"]

_REQUIRED = ("id", "hire_date")
_FLAGS = ("volunteer", "teleworkable_post")

# a cell of a typed date column that holds a date (not NaT)
_PRESENT = object()


def _absent(cells: Mapping[str, Any]) -> tuple[str, ...]:
    """The required fields an input has no column for."""
    return tuple(field for field in _REQUIRED if field not in cells)


def _column_spec(source: str, spec: Any) -> tuple[str, str | None] | None:
    """Where a mapped input column goes: its field and the unit of its plain numbers."""
    where = f"columns.{source}"
    if spec is None:
        return None
    if isinstance(spec, str):
        try:
            return _column_unit(spec.strip())
        except ValidationError as exc:
            raise ValidationError(where, spec, exc.expected) from None
    if isinstance(spec, tuple) and len(spec) == 2 and all(isinstance(p, str) for p in spec):
        field, unit = (part.strip() for part in spec)
        if field not in QUANTITY_FIELDS:
            raise ValidationError(
                where,
                spec,
                Phrase(
                    "a (field, unit) pair for one of {fields}",
                    "une paire (champ, unité) pour l'un des champs {fields}",
                    fields=", ".join(QUANTITY_FIELDS),
                ),
            )
        dimension = QUANTITY_FIELDS[field][0]
        unit = _UNIT_ALIASES.get(unit, unit)
        try:
            one = Q_(1, unit)
        except UnitError:
            raise ValidationError(
                where,
                unit,
                Phrase(
                    "a unit of {field} that pint knows",
                    "une unité de {field} que pint connaît",
                    field=field,
                ),
            ) from None
        try:
            as_quantity(one, field=where, dimension=dimension)
        except UnitError:
            raise ValidationError(
                where,
                unit,
                Phrase(
                    "a unit of dimension {dimension} for {field} (it is {found})",
                    "une unité de dimension {dimension} pour {field} (elle est de dimension"
                    " {found})",
                    dimension=dimension,
                    field=field,
                    found=str(one.dimensionality),
                ),
            ) from None
        return field, unit
    raise ValidationError(
        where,
        spec,
        Phrase(
            "a field name, a (field, unit) pair or None",
            "un nom de champ, une paire (champ, unité) ou None",
        ),
    )


_INPUT_COLUMN = Phrase("a column of the input", "une colonne de l'entrée")
_TEXT_NAMES = Phrase("column names that are strings", "des noms de colonnes qui soient du texte")


class ColumnPlan:
    """How the keys of an input become fields: the caller's mapping, the keys to skip,
    and the naming convention (``commute_distance_km``) for the others, each key
    resolved once."""

    def __init__(self, columns: Columns | None, ignore_columns: Collection[str]) -> None:
        if columns is not None and not isinstance(columns, Mapping):
            raise ValidationError(
                "columns",
                columns,
                Phrase(
                    "a mapping of input columns to fields",
                    "un dictionnaire des colonnes de l'entrée vers les champs",
                ),
            )
        self.mapped: dict[str, tuple[str, str | None] | None] = {}
        for source, spec in (columns or {}).items():
            if not isinstance(source, str):
                raise ValidationError(
                    "columns",
                    source,
                    Phrase(
                        "input column names that are strings",
                        "des noms de colonnes de l'entrée qui soient du texte",
                    ),
                )
            self.mapped[source] = _column_spec(source, spec)
        self.keys: dict[str, tuple[str, str | None] | None] = dict(self.mapped)
        for name in ignore_columns:
            if name in self.mapped:
                raise ValidationError(
                    f"columns.{name}",
                    name,
                    Phrase(
                        "a column mapped or ignored, not both",
                        "une colonne associée à un champ ou ignorée, pas les deux",
                    ),
                )
            self.keys[name] = None

    def resolve(self, key: str) -> tuple[str, str | None] | None:
        """The field and unit of ``key`` (``None``: skipped); an unknown key is an error
        for the whole input, named ``columns.<key>``."""
        try:
            return self.keys[key]
        except KeyError:
            found = self.keys[key] = _column_unit(key)
            return found

    def check_seen(self, seen: Collection[str]) -> None:
        """Every mapped key must be in the input: a mapping that matches nothing is a typo."""
        for source in self.mapped:
            if source not in seen:
                raise ValidationError(f"columns.{source}", source, _INPUT_COLUMN + EMPTY)

    def header(self, names: Sequence[Any]) -> dict[str, tuple[str, str | None]]:
        """Resolve a whole header: ``{field: (column, unit)}``. A mapped column the header
        lacks, or two columns for one field, are errors for the whole input."""
        for source in self.mapped:
            if source not in names:
                text = [n for n in names if isinstance(n, str)]
                guess = difflib.get_close_matches(source, text, n=1)
                hint = did_you_mean(guess[0] if guess else None)
                raise ValidationError(f"columns.{source}", source, _INPUT_COLUMN + hint)
        fields: dict[str, tuple[str, str | None]] = {}
        for name in names:
            if not isinstance(name, str):
                raise ValidationError("columns", name, _TEXT_NAMES)
            found = self.resolve(name)
            if found is None:
                continue
            field, unit = found
            if field in fields:
                raise ValidationError(
                    f"columns.{name}",
                    name,
                    Phrase(
                        "one column for {field}, not two (the input also has {other!r})",
                        "une seule colonne pour {field}, pas deux (l'entrée a aussi {other!r})",
                        field=field,
                        other=fields[field][0],
                    ),
                )
            fields[field] = (name, unit)
        return fields


def _record_cells(
    record: Any, plan: ColumnPlan, seen: set[str]
) -> dict[str, tuple[str | None, Any]]:
    """One record's cells by field, each with the unit its key gives."""
    if isinstance(record, UnreadableRow):
        raise record.error
    if not isinstance(record, Mapping):
        raise ValidationError(
            "record",
            record,
            Phrase(
                "a mapping of column names to values",
                "un dictionnaire des noms de colonnes vers les valeurs",
            ),
        )
    values: dict[str, tuple[str | None, Any]] = {}
    for key, value in record.items():
        if key == EXTRA_CELLS:
            raise ValidationError(
                "cells",
                value,
                Phrase(
                    "no more cells than the header has columns",
                    "au plus autant de cellules que l'en-tête a de colonnes",
                ),
            )
        if isinstance(value, str) and value == MISSING_CELL:
            raise ValidationError(
                key,
                None,
                Phrase(
                    "a cell for every column of the header",
                    "une cellule pour chaque colonne de l'en-tête",
                ),
            )
        if not isinstance(key, str):
            raise ValidationError("record", key, _TEXT_NAMES)
        found = plan.resolve(key)
        if key in plan.mapped:
            seen.add(key)
        if found is None:
            continue
        name, unit = found
        if name in values:
            raise ValidationError(
                key,
                value,
                Phrase(
                    "one column for {name}, not two",
                    "une seule colonne pour {name}, pas deux",
                    name=name,
                ),
            )
        values[name] = (unit, value)
    return values


def _series_cells(
    series: pd.Series[Any], name: str, field: str, unit: str | None
) -> tuple[Sequence[Any] | npt.NDArray[Any], str | None]:
    """A DataFrame column as the cells of ``field``: typed numpy arrays where the column's
    dtype allows a whole-column conversion, Python objects otherwise."""
    import pandas as pd

    dtype = series.dtype
    if str(dtype).startswith("pint["):  # a pint-pandas column: its dtype holds the unit
        if field not in QUANTITY_FIELDS:
            raise ValidationError(
                f"columns.{name}",
                str(dtype),
                Phrase("no quantity for {field}", "aucune quantité pour {field}", field=field),
            )
        if unit is not None:
            raise ValidationError(
                f"columns.{name}",
                unit,
                Phrase(
                    "no unit in the name of a pint column ({dtype})",
                    "aucune unité dans le nom d'une colonne pint ({dtype})",
                    dtype=str(dtype),
                ),
            )
        dimension, target = QUANTITY_FIELDS[field]
        quantity = series.pint.quantity
        try:
            converted = as_quantity(quantity, field=field, dimension=dimension)
        except UnitError as exc:
            raise ValidationError(f"columns.{name}", str(dtype), exc.expected) from None
        return np.asarray(converted.m_as(_unit(target)), dtype=float), target
    if field in _FLAGS and pd.api.types.is_bool_dtype(dtype) and not series.isna().any():
        return series.to_numpy(dtype=bool), unit
    numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    if field in QUANTITY_FIELDS and unit is not None and numeric:
        return series.to_numpy(dtype=float, na_value=math.nan), unit
    if field == "hire_date" and pd.api.types.is_datetime64_dtype(dtype):  # naive dates
        return series.to_numpy(), unit
    return series.to_numpy(dtype=object), unit


class _Parsed:
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


class _Cells:
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

    def codes(
        self, values: Sequence[Any] | npt.NDArray[Any] | None
    ) -> tuple[npt.NDArray[np.intp], list[Any]]:
        """Number the distinct cells of a column; an absent column is all missing, and a
        ``datetime64`` column has two kinds of cells: a date, or NaT (missing)."""
        if values is None:
            return np.zeros(self.n, dtype=np.intp), [None]
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            return np.isnat(values).astype(np.intp), [_PRESENT, None]
        return _codes(values)

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
        values: Sequence[Any] | npt.NDArray[Any] | None,
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
        values: Sequence[Any] | npt.NDArray[Any] | None,
        read: Callable[[Any], Any],
        default: Any,
        coded: tuple[npt.NDArray[np.intp], list[Any]] | None = None,
    ) -> _Parsed:
        """Parse each distinct cell once (``coded``: the numbering, when already made);
        missing cells take ``default``."""
        if values is None:
            return _Parsed(np.zeros(self.n, dtype=np.intp), [default])
        codes, uniques = coded if coded is not None else _codes(values)
        parsed: list[Any] = [default] * len(uniques)
        failed: dict[int, ValidationError] = {}
        for code, value in enumerate(uniques):
            if is_missing(value):
                continue
            try:
                parsed[code] = read(value)
            except ValidationError as exc:
                failed[code] = exc
        self.fail(codes, len(uniques), failed)
        return _Parsed(codes, parsed)

    def quantities(
        self,
        values: Sequence[Any] | npt.NDArray[Any] | None,
        name: str,
        dimension: str,
        unit: str,
        column_unit: str | None,
        default: float,
    ) -> npt.NDArray[np.float64]:
        """A quantity column as magnitudes in the workforce's ``unit``."""
        if values is None:
            return np.full(self.n, default)
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

    def flags(
        self, values: Sequence[Any] | npt.NDArray[Any] | None, field: str
    ) -> npt.NDArray[np.bool_]:
        """A boolean column; missing cells are true."""
        if isinstance(values, np.ndarray) and values.dtype == np.bool_:
            return values
        parsed = self.parse(values, lambda v: read_bool(v, field), True)
        table = np.array(parsed.parsed, dtype=bool)
        result: npt.NDArray[np.bool_] = table[parsed.codes]
        return result


def _codes(values: Sequence[Any] | npt.NDArray[Any]) -> tuple[npt.NDArray[np.intp], list[Any]]:
    """Number the distinct cells of a column, so that each is parsed once.

    Cells are told apart by type as well as value (``1``, ``1.0`` and ``True`` are three
    cells, which may read differently); unhashable cells (a list of tags) each count as
    distinct.
    """
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


_DISTANCE = Phrase("a finite distance >= 0 km", "une distance finie, positive ou nulle, en km")
_TRUE_OR_FALSE = Phrase("true or false", "true ou false")


def _rows_of(n: int) -> Phrase:
    return Phrase(
        "a column of {n} rows",
        "une colonne de {rows}",
        n=n,
        rows=french_count(n, "ligne", "lignes"),
    )


@attrs.frozen(kw_only=True, eq=False)
class Workforce:
    """Many agents as columns. Build it with a ``from_*`` constructor.

    Columns (all of length ``len(workforce)``, read-only):

    * ``ids``: agent identifiers (unique);
    * ``hire_date``: ``datetime64[D]``;
    * ``working_time``: a quantity wrapping the column in percent;
    * ``role``: :class:`Categories`; ``tags``: boolean matrix, one column per name in
      ``tag_names``;
    * ``commute_distance`` (km) and ``commute_time`` (min): quantities, NaN if unknown;
    * ``commute_mode``: codes into :class:`CommuteMode` in declaration order;
    * ``volunteer``, ``teleworkable_post``: booleans;
    * ``requested_telework_workday_per_week``: the telework each agent asks for, NaN
      where not stated;
    * derogations as a flat table (``derogation_row``, ``_kind``, ``_start``, ``_end``);
    * ``pattern`` (:class:`Coded`: the weekly pattern each agent asks for, or None),
      ``days_off_mask`` (the weekdays not worked, bit 0 = Monday),
      ``telecentre_distance_km`` (NaN if unknown), ``absences`` (:class:`Coded`: each
      agent's absences, None where unknown) and ``authorisation`` (:class:`Coded`);
    * ``contract_type``, ``category`` and ``establishment``: :class:`Categories`, ``""``
      where not stated; ``activity_names`` and ``activity_shares``, the share of each
      agent's working time on each activity (a float matrix, each row summing to 1
      where the activities are stated, all zero where not);
    * ``source_rows``: the input row each agent came from; ``rejected``: the bad input
      rows, when built with ``errors="report"``.

    The quantity columns are stored as plain float arrays in fixed units, with the unit
    in the name (``working_time_percent``, ``commute_distance_km``, ``commute_time_min``,
    ``requested_telework_workday_per_week``): rules compute on those, converted once at
    the edge. ``working_time``, ``commute_distance``, ``commute_time`` and
    ``requested_telework`` give them back as pint quantities.
    """

    ids: npt.NDArray[np.str_]
    hire_date: npt.NDArray[np.datetime64]
    working_time_percent: npt.NDArray[np.float64]
    role: Categories
    tags: npt.NDArray[np.bool_]
    tag_names: tuple[str, ...]
    commute_distance_km: npt.NDArray[np.float64]
    commute_time_min: npt.NDArray[np.float64]
    commute_mode: npt.NDArray[np.int8]
    volunteer: npt.NDArray[np.bool_]
    teleworkable_post: npt.NDArray[np.bool_]
    requested_telework_workday_per_week: npt.NDArray[np.float64]
    derogation_row: npt.NDArray[np.int64]
    derogation_kind: npt.NDArray[np.int8]
    derogation_start: npt.NDArray[np.datetime64]
    derogation_end: npt.NDArray[np.datetime64]
    pattern: Coded
    days_off_mask: npt.NDArray[np.uint8]
    telecentre_distance_km: npt.NDArray[np.float64]
    absences: Coded
    authorisation: Coded
    contract_type: Categories
    category: Categories
    establishment: Categories
    activity_names: tuple[str, ...]
    activity_shares: npt.NDArray[np.float64]
    source_rows: npt.NDArray[np.int64]
    rejected: tuple[RowError, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Built by the from_* constructors, which validate every value; a direct call
        # gets at least the shape checks that the rules rely on.
        n = len(self.ids)
        if set(map(len, _ROW_COLUMNS(self))) != {n}:  # the name only when one differs
            for name in _ROW_NAMES:
                if len(getattr(self, name)) != n:
                    raise ValidationError(name, len(getattr(self, name)), _rows_of(n))
            for name in _CODED_NAMES:
                if len(getattr(self, name).codes) != n:
                    raise ValidationError(
                        name,
                        len(getattr(self, name).codes),
                        Phrase("{n} codes", "{codes}", n=n, codes=french_count(n, "code", "codes")),
                    )
        shape = self.activity_shares.shape
        if len(shape) != 2 or shape[1] != len(self.activity_names):
            raise ValidationError(
                "activity_shares",
                self.activity_shares.shape,
                Phrase(
                    "one column per activity name ({n})",
                    "une colonne par nom d'activité ({n})",
                    n=len(self.activity_names),
                ),
            )
        if self.hire_date.dtype != np.dtype("datetime64[D]"):
            raise ValidationError(
                "hire_date",
                self.hire_date.dtype,
                Phrase("dates as datetime64[D]", "des dates de type datetime64[D]"),
            )

    # -- construction -------------------------------------------------------------

    @classmethod
    def from_agents(cls, agents: Iterable[Agent]) -> Workforce:
        """Columns from validated agents (ids must be unique)."""
        agents = list(agents)
        for index, agent in enumerate(agents):
            if not isinstance(agent, Agent):
                raise WorkforceError(
                    [
                        RowError(
                            index,
                            "agent",
                            agent,
                            Phrase("not an Agent", "ce n'est pas un objet Agent"),
                        )
                    ]
                )
        if len(agents) == 1:  # the one-agent path, kept short for policy.assess(agent)
            return cls._from_one(agents[0])
        derogations = [a.derogations for a in agents]
        return cls.from_columns(
            ids=[a.id for a in agents],
            hire_date=[a.hire_date for a in agents],
            working_time=Q_(
                np.array([_magnitude(a.working_time, WORKING_TIME_UNIT) for a in agents]),
                WORKING_TIME_UNIT,
            ),
            role=[a.role for a in agents],
            tags=[a.tags for a in agents],
            commute_distance=Q_(
                np.array([_magnitude(a.commute_distance, DISTANCE_UNIT) for a in agents]),
                DISTANCE_UNIT,
            ),
            commute_time=Q_(
                np.array([_magnitude(a.commute_time, COMMUTE_TIME_UNIT) for a in agents]),
                COMMUTE_TIME_UNIT,
            ),
            commute_mode=[a.commute_mode for a in agents],
            volunteer=[a.volunteer for a in agents],
            teleworkable_post=[a.teleworkable_post for a in agents],
            derogations=derogations,
            requested_telework=Q_(
                np.array(
                    [_magnitude(a.requested_telework, REQUESTED_TELEWORK_UNIT) for a in agents]
                ),
                REQUESTED_TELEWORK_UNIT,
            ),
            pattern=[a.pattern for a in agents],
            days_off=[a.days_off for a in agents],
            telecentre_distance=Q_(
                np.array([_magnitude(a.telecentre_distance, DISTANCE_UNIT) for a in agents]),
                DISTANCE_UNIT,
            ),
            absences=[a.absences for a in agents],
            authorisation=[a.authorisation for a in agents],
            contract_type=[a.contract_type for a in agents],
            category=[a.category for a in agents],
            establishment=[a.establishment for a in agents],
            activities=[a.activities for a in agents],
        )

    @classmethod
    def _from_one(cls, agent: Agent) -> Workforce:
        """A workforce of one, built directly: the path of every single-agent evaluation.

        The agent's values are already checked, so the columns are built with as few
        arrays as possible (the four quantities are rows of one read-only block).
        """
        tag_names = tuple(sorted(agent.tags))
        derogations = agent.derogations
        requested = agent.requested_telework
        activities = agent.activities
        contract, grade = agent.contract_type, agent.category  # (hashing an enum costs)
        hired = _HIRE_ROWS.get(agent.hire_date)
        if hired is None:
            hired = _hire_row(agent.hire_date)
        block = np.array(
            [
                _magnitude(agent.working_time, WORKING_TIME_UNIT),
                _magnitude(agent.commute_distance, DISTANCE_UNIT),
                _magnitude(agent.commute_time, COMMUTE_TIME_UNIT),
                _magnitude(requested, REQUESTED_TELEWORK_UNIT),
            ]
        )
        block.flags.writeable = False  # its slices are read-only too
        return cls(
            ids=_readonly(np.array([agent.id])),
            hire_date=hired,
            working_time_percent=block[0:1],
            role=Categories(_ZERO_CODE, (agent.role,)),
            tags=_ONE_TAG_ROW[:, : len(tag_names)]
            if len(tag_names) <= 8
            else _readonly(np.ones((1, len(tag_names)), dtype=bool)),
            tag_names=tag_names,
            commute_distance_km=block[1:2],
            commute_time_min=block[2:3],
            commute_mode=_MODE_ROWS[agent.commute_mode],
            volunteer=_TRUE_ROW if agent.volunteer else _FALSE_ROW,
            teleworkable_post=_TRUE_ROW if agent.teleworkable_post else _FALSE_ROW,
            requested_telework_workday_per_week=_NAN_ROW if requested is None else block[3:4],
            derogation_row=_readonly(np.zeros(len(derogations), dtype=np.int64))
            if derogations
            else _NO_ROWS,
            derogation_kind=_readonly(
                np.array([DEROGATION_KINDS.index(d.kind) for d in derogations], dtype=np.int8)
            )
            if derogations
            else _NO_KINDS,
            derogation_start=_readonly(
                np.array([d.start for d in derogations], dtype="datetime64[D]")
            )
            if derogations
            else _NO_DATES,
            derogation_end=_readonly(
                np.array(
                    [d.end if d.end else np.datetime64("NaT") for d in derogations],
                    dtype="datetime64[D]",
                )
            )
            if derogations
            else _NO_DATES,
            pattern=_ONE_DEFAULT
            if agent.pattern is None
            else Coded(_ONE_CODE, (None, agent.pattern)),
            days_off_mask=_readonly(np.array([weekday_mask(agent.days_off)], dtype=np.uint8))
            if agent.days_off
            else _NO_DAY_OFF,
            telecentre_distance_km=_NAN_ROW
            if agent.telecentre_distance is None
            else _readonly(np.array([_magnitude(agent.telecentre_distance, DISTANCE_UNIT)])),
            absences=_ONE_DEFAULT
            if agent.absences is None
            else Coded(_ONE_CODE, (None, agent.absences)),
            authorisation=_ONE_DEFAULT
            if agent.authorisation is None
            else Coded(_ONE_CODE, (None, agent.authorisation)),
            contract_type=_NOT_STATED if contract is None else _CONTRACT_ROWS[contract],
            category=_NOT_STATED if grade is None else _CATEGORY_ROWS[grade],
            establishment=Categories(_ZERO_CODE, (agent.establishment,))
            if agent.establishment
            else _NOT_STATED,
            activity_names=tuple([a.name for a in activities]) if activities else (),
            activity_shares=_readonly(
                np.array([[float(a.share.magnitude) / 100 for a in activities]])
            )
            if activities
            else _NO_ACTIVITY,
            source_rows=_ZERO_ROW,
            rejected=(),
        )

    @classmethod
    def from_columns(
        cls,
        *,
        ids: Sequence[str] | npt.NDArray[Any],
        hire_date: Sequence[dt.date | str] | npt.NDArray[Any],
        working_time: Quantity | None = None,
        role: Sequence[str] | npt.NDArray[Any] | Categories | None = None,
        tags: Sequence[Collection[str]] | Mapping[str, npt.ArrayLike] | None = None,
        commute_distance: Quantity | None = None,
        commute_time: Quantity | None = None,
        commute_mode: Sequence[str] | npt.NDArray[Any] | None = None,
        volunteer: npt.ArrayLike | None = None,
        teleworkable_post: npt.ArrayLike | None = None,
        derogations: Sequence[Sequence[Derogation]] | None = None,
        requested_telework: Quantity | None = None,
        pattern: Sequence[WeeklyPattern | str | None] | npt.NDArray[Any] | None = None,
        days_off: Sequence[Collection[int | str] | str] | npt.NDArray[Any] | None = None,
        telecentre_distance: Quantity | None = None,
        absences: Sequence[Sequence[Absence] | str | None] | npt.NDArray[Any] | None = None,
        authorisation: Sequence[Authorisation | str | None] | npt.NDArray[Any] | None = None,
        contract_type: Sequence[ContractType | str | None]
        | npt.NDArray[Any]
        | Categories
        | None = None,
        category: Sequence[Category | str | None] | npt.NDArray[Any] | Categories | None = None,
        establishment: Sequence[str] | npt.NDArray[Any] | Categories | None = None,
        activities: Sequence[Any] | npt.NDArray[Any] | Mapping[str, Quantity] | None = None,
        errors: Errors = "raise",
        source_rows: npt.ArrayLike | None = None,
        rejected: Sequence[RowError] = (),
    ) -> Workforce:
        """Build a workforce from whole columns, validated with array operations.

        Quantity columns are pint quantities wrapping arrays (``Q_(array, "km")``); NaN
        in ``commute_distance`` or ``commute_time`` means unknown, in
        ``requested_telework`` (``Q_(array, "workday/week")``) not stated. Omitted columns take
        the defaults of :class:`Agent`. ``role`` may be strings or :class:`Categories`;
        ``tags`` a sequence of tag sets or a mapping ``{tag: boolean column}``;
        ``pattern``, ``days_off``, ``absences`` and ``authorisation`` one value per agent
        (or its text), ``None`` for the default.

        ``contract_type`` and ``category`` are values, French words or
        :class:`Categories` (each distinct value read once), ``establishment`` strings
        or :class:`Categories`; ``None`` or an empty cell is not stated. ``activities``
        is one value per agent as :class:`Agent` reads it (text, a mapping, a list), or
        a mapping ``{activity: Q_(shares, "percent")}`` of whole columns (a row of zeros
        or NaN: not stated; each stated row must sum to 100 % within 0.5 %).
        """
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, either("raise", "report"))
        id_array, unreadable, id_texts = _id_column(ids)
        n = len(id_array)
        rows = (
            np.arange(n, dtype=np.int64)
            if source_rows is None
            else np.asarray(source_rows, dtype=np.int64)
        )
        problems: list[RowError] = list(rejected)
        bad = np.zeros(n, dtype=bool)

        def flag(
            mask: npt.NDArray[np.bool_],
            field: str,
            values: Any,
            expected: Phrase | Callable[[Any], Phrase],
        ) -> None:
            for index in np.flatnonzero(mask & ~bad):
                value = _plain(values[index])
                wanted = expected(value) if callable(expected) else expected
                french = ValidationError(field, value, wanted).text("fr")
                message = Phrase(f"{field}: expected {wanted}, got {value!r}", french)
                problems.append(RowError(int(rows[index]), field, value, message))
            bad[mask] = True

        flag(np.char.str_len(id_array) == 0, "id", id_array, EXPECTED_NON_EMPTY)
        flag(unreadable, "id", id_texts, EXPECTED_CLEAN_ID)

        _check_length("hire_date", hire_date, n)
        _check_length("source_rows", rows, n)
        hire = _date_column(hire_date, n, rows, problems, bad)

        percent = _quantity_column(working_time, "working_time", n, 100.0)
        percent = np.round(percent, 9)
        flag(~((percent > 0) & (percent <= 100)), "working_time", percent, EXPECTED_SHARE)

        distance = _quantity_column(commute_distance, "commute_distance", n, math.nan)
        flag(
            ~(np.isnan(distance) | ((distance >= 0) & np.isfinite(distance))),
            "commute_distance",
            distance,
            _DISTANCE,
        )
        minutes = _quantity_column(commute_time, "commute_time", n, math.nan)
        flag(
            ~(np.isnan(minutes) | ((minutes >= 0) & np.isfinite(minutes))),
            "commute_time",
            minutes,
            Phrase("a finite duration >= 0 min", "une durée finie, positive ou nulle, en min"),
        )
        asked = _quantity_column(requested_telework, "requested_telework", n, math.nan)
        flag(
            ~(np.isnan(asked) | ((asked >= 0) & (asked <= MOST_PER_WEEK))),
            "requested_telework",
            asked,
            EXPECTED_PER_WEEK,
        )

        roles = _role_column(role, n)
        tag_matrix, tag_names, tag_problems = _tag_column(tags, n)
        for index, message_field, value in tag_problems:
            flag(
                np.arange(n) == index,
                message_field,
                [value] * n,
                Phrase("a set of tag names", "un ensemble de noms d'étiquettes"),
            )

        if commute_mode is None:
            mode_codes = np.zeros(n, dtype=np.int8)
        else:
            mode_values = np.asarray(commute_mode, dtype=object)
            _check_length("commute_mode", mode_values, n)
            lookup = {m.value: i for i, m in enumerate(COMMUTE_MODES)}
            mode_codes = np.array(
                [lookup.get(str(v).strip().lower(), -1) for v in mode_values], dtype=np.int8
            )
            flag(mode_codes < 0, "commute_mode", mode_values, lambda v: one_of(CommuteMode, v))

        volunteers, unread = _bool_column(volunteer, "volunteer", n)
        if unread.any():
            flag(unread, "volunteer", np.asarray(volunteer, dtype=object), _TRUE_OR_FALSE)
        posts, unread = _bool_column(teleworkable_post, "teleworkable_post", n)
        if unread.any():
            flag(
                unread,
                "teleworkable_post",
                np.asarray(teleworkable_post, dtype=object),
                _TRUE_OR_FALSE,
            )

        far = _quantity_column(telecentre_distance, "telecentre_distance", n, math.nan)
        flag(
            ~(np.isnan(far) | ((far >= 0) & np.isfinite(far))),
            "telecentre_distance",
            far,
            _DISTANCE,
        )
        patterns = _coded_column(pattern, "pattern", read_pattern, n, rows, problems, bad)
        absent = _coded_column(absences, "absences", read_absences, n, rows, problems, bad)
        authorised = _coded_column(
            authorisation, "authorisation", read_authorisation, n, rows, problems, bad
        )
        off = _coded_column(
            days_off, "days_off", lambda v: weekday_mask(read_days_off(v)), n, rows, problems, bad
        )
        off_mask = np.array([0 if v is None else v for v in off.values], dtype=np.uint8)[off.codes]
        contracts = _label_column(
            contract_type, "contract_type", contract_value, n, rows, problems, bad
        )
        categories = _label_column(category, "category", category_value, n, rows, problems, bad)
        sites = (
            Categories(zeros(n, np.int32), ("",))
            if establishment is None
            else _role_column(establishment, n, "establishment")
        )
        activity_names, activity_matrix = _activity_columns(activities, n, rows, problems, bad)

        d_row: list[int] = []
        d_kind: list[int] = []
        d_start: list[dt.date] = []
        d_end: list[dt.date | None] = []
        if derogations is not None:
            if len(derogations) != n:
                raise ValidationError("derogations", len(derogations), _rows_of(n))
            for index, raw in enumerate(derogations):
                try:
                    items = read_derogations(raw)
                except ValidationError as exc:
                    if not bad[index]:
                        problems.append(RowError.from_error(int(rows[index]), exc))
                    bad[index] = True
                    continue
                for item in items:
                    d_row.append(index)
                    d_kind.append(DEROGATION_KINDS.index(item.kind))
                    d_start.append(item.start)
                    d_end.append(item.end)

        # ids are unique among the rows found good: the first keeps its id, a later row
        # with the same id is a bad row (a row rejected for another reason claims no
        # id); ids given in increasing order need no sort
        if n > 1 and not np.all(id_array[1:] > id_array[:-1]):
            good = np.flatnonzero(~bad)
            order = good[np.argsort(id_array[good], kind="stable")]
            sorted_ids = id_array[order]
            repeat = np.zeros(n, dtype=bool)
            repeat[order[1:][sorted_ids[1:] == sorted_ids[:-1]]] = True
            flag(
                repeat,
                "id",
                id_array,
                Phrase(
                    "an id used once in the workforce",
                    "un identifiant employé une seule fois dans l'effectif",
                ),
            )

        if problems and errors == "raise":
            raise WorkforceError(sorted(problems, key=lambda e: e.row))
        # every column is copied (an input array may still be written by its owner),
        # except the ids, which _id_column always builds anew
        keep = None if not bad.any() else ~bad
        d_rows = np.array(d_row, dtype=np.int64)
        d_keep = np.ones(len(d_rows), dtype=bool) if keep is None else keep[d_rows]
        return cls(
            ids=_readonly(id_array if keep is None else id_array[keep]),
            hire_date=_kept(hire, keep),
            working_time_percent=_kept(percent, keep),
            role=Categories(_kept(roles.codes, keep), roles.categories),
            tags=_kept(tag_matrix, keep),
            tag_names=tag_names,
            commute_distance_km=_kept(distance, keep),
            commute_time_min=_kept(minutes, keep),
            commute_mode=_kept(mode_codes, keep),
            volunteer=_kept(volunteers, keep),
            teleworkable_post=_kept(posts, keep),
            requested_telework_workday_per_week=_kept(asked, keep),
            derogation_row=_readonly(
                d_rows if keep is None else (np.cumsum(keep) - 1)[d_rows[d_keep]]
            ),
            derogation_kind=_readonly(np.array(d_kind, dtype=np.int8)[d_keep]),
            derogation_start=_readonly(np.array(d_start, dtype="datetime64[D]")[d_keep]),
            derogation_end=_readonly(
                np.array(
                    [e if e is not None else np.datetime64("NaT") for e in d_end],
                    dtype="datetime64[D]",
                )[d_keep]
            ),
            pattern=patterns.kept(keep),
            days_off_mask=_kept(off_mask, keep),
            telecentre_distance_km=_kept(far, keep),
            absences=absent.kept(keep),
            authorisation=authorised.kept(keep),
            contract_type=_kept_labels(contracts, keep),
            category=_kept_labels(categories, keep),
            establishment=_kept_labels(sites, keep),
            activity_names=activity_names,
            activity_shares=_kept(activity_matrix, keep),
            source_rows=_kept(rows, keep),
            rejected=tuple(sorted(problems, key=lambda e: e.row)),
        )

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any] | UnreadableRow],
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        columns: Columns | None = None,
    ) -> Workforce:
        """Build a workforce from dicts (or CSV rows), one per agent (an
        :class:`UnreadableRow` stands for a row of a file that could not be read).

        Keys are :class:`Agent` field names. Quantities are strings with units
        (``"18 km"``, ``"90 %"``, ``"1.5 workday/week"``) or numbers in a column whose
        name carries the unit (``commute_distance_km``, ``commute_time_min``,
        ``working_time_pct``, ``requested_telework_workday_per_week``: ``_per_`` stands
        for ``/``). Tags and derogations are ``;``-separated (``"cadre;public_facing"``,
        ``"health:2024-01-01/2024-06-30"``). Empty cells take the defaults. Unknown keys
        are an error unless listed in ``ignore_columns``.

        ``columns`` maps keys of your own to fields: ``{"agent": "id", "distance_km":
        "commute_distance", "dist_mi": ("commute_distance", "mi"), "service": None}``
        (a field, a field with its unit written as in a key, a ``(field, unit)`` pair, or
        ``None`` to skip the key). Each is checked before any row is read.
        """
        plan = ColumnPlan(columns, ignore_columns)
        cells: dict[str, list[Any]] = {}
        units: dict[str, str | None] = {}
        problems: list[RowError] = []
        bad: list[int] = []
        seen_keys: set[str] = set()
        n = 0
        for row, record in enumerate(records):
            n = row + 1
            try:
                values = _record_cells(record, plan, seen_keys)
            except ValidationError as exc:
                if exc.field.startswith("columns."):
                    raise
                problems.append(RowError.from_error(row, exc))
                bad.append(row)
                values = {}
            for field, column in cells.items():
                found = values.pop(field, None)
                if found is None:
                    column.append(None)
                else:
                    unit, value = found
                    column.append(value if unit == units[field] else InUnit(value, unit))
            for field, (unit, value) in values.items():  # a field met for the first time
                cells[field] = [None] * row + [value]
                units[field] = unit
        if n:
            plan.check_seen(seen_keys)
        flags = np.zeros(n, dtype=bool)
        flags[bad] = True
        return cls._from_cells(
            cells,
            units,
            n,
            bad=flags,
            problems=problems,
            rows=np.arange(n, dtype=np.int64),
            errors=errors,
            absent=_absent(cells),
        )

    @classmethod
    def _from_cells(
        cls,
        cells: Mapping[str, Sequence[Any] | npt.NDArray[Any]],
        units: Mapping[str, str | None],
        n: int,
        *,
        bad: npt.NDArray[np.bool_],
        problems: list[RowError],
        rows: npt.NDArray[np.int64],
        errors: Errors,
        absent: Collection[str] = (),
    ) -> Workforce:
        """Parse columns of raw cells (as read from records, CSV or pandas) and build the
        workforce from the rows that parse.

        Every distinct cell of a column is parsed once, with the functions that check an
        :class:`Agent`'s fields; typed columns (numbers with a unit, dates, booleans) are
        converted whole. A row is reported once, under the first field found wrong:
        required values first, then the fields in the order of :class:`Agent`. Rows
        already marked ``bad`` (with their problem in ``problems``) are left aside.
        ``absent`` names the required fields the input has no column for.
        """
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, either("raise", "report"))
        column = _Cells(n, bad, problems, rows)
        id_codes, id_values = column.codes(cells.get("id"))
        hire_codes, hire_values = column.codes(cells.get("hire_date"))
        for field, codes, uniques in (
            ("id", id_codes, id_values),
            ("hire_date", hire_codes, hire_values),
        ):
            why = (
                Phrase(
                    "a value (required; there is no {field} column)",
                    "une valeur (obligatoire" + NNBSP + "; il n'y a pas de colonne {field})",
                    field=field,
                )
                if field in absent
                else None
            )
            column.require(field, codes, uniques, why)
        hire = column.dates(cells.get("hire_date"), hire_codes, hire_values)
        magnitudes: dict[str, npt.NDArray[np.float64]] = {}
        for name, (dimension, unit) in QUANTITY_FIELDS.items():
            default = 100.0 if name == "working_time" else math.nan
            magnitudes[name] = column.quantities(
                cells.get(name), name, dimension, unit, units.get(name), default
            )
        roles = column.parse(cells.get("role"), lambda v: read_role(str(v)), "")
        tags = column.parse(cells.get("tags"), read_tags, frozenset())
        modes = column.parse(
            cells.get("commute_mode"), lambda v: read_commute_mode(v).value, "car_thermal"
        )
        volunteers = column.flags(cells.get("volunteer"), "volunteer")
        posts = column.flags(cells.get("teleworkable_post"), "teleworkable_post")
        derogations = column.parse(cells.get("derogations"), read_derogations, ())
        patterns = column.parse(cells.get("pattern"), read_pattern, None)
        off = column.parse(cells.get("days_off"), read_days_off, frozenset())
        absences = column.parse(cells.get("absences"), read_absences, None)
        authorised = column.parse(cells.get("authorisation"), read_authorisation, None)
        contracts = column.parse(cells.get("contract_type"), lambda v: contract_value(v) or "", "")
        categories = column.parse(cells.get("category"), lambda v: category_value(v) or "", "")
        sites = column.parse(cells.get("establishment"), lambda v: read_establishment(str(v)), "")
        activities = column.parse(cells.get("activities"), read_activities, ())

        keep = ~column.bad
        kept = int(np.count_nonzero(keep))
        # a list, not a numpy column: numpy would drop a trailing NUL before it is seen
        ids = [str(v).strip() for v in (id_values[c] for c in id_codes[keep].tolist())]
        return cls.from_columns(
            ids=ids if kept else np.array([], dtype=str),
            hire_date=hire[keep],
            working_time=Q_(magnitudes["working_time"][keep], WORKING_TIME_UNIT),
            role=roles.categories(keep),
            tags=tags.tag_matrix(keep),
            commute_distance=Q_(magnitudes["commute_distance"][keep], DISTANCE_UNIT),
            commute_time=Q_(magnitudes["commute_time"][keep], COMMUTE_TIME_UNIT),
            commute_mode=modes.values(keep),
            volunteer=volunteers[keep],
            teleworkable_post=posts[keep],
            derogations=derogations.derogations(keep),
            requested_telework=Q_(magnitudes["requested_telework"][keep], REQUESTED_TELEWORK_UNIT),
            pattern=patterns.values(keep) if "pattern" in cells else None,
            days_off=off.values(keep) if "days_off" in cells else None,
            telecentre_distance=Q_(magnitudes["telecentre_distance"][keep], DISTANCE_UNIT),
            absences=absences.values(keep) if "absences" in cells else None,
            authorisation=authorised.values(keep) if "authorisation" in cells else None,
            contract_type=contracts.categories(keep) if "contract_type" in cells else None,
            category=categories.categories(keep) if "category" in cells else None,
            establishment=sites.categories(keep) if "establishment" in cells else None,
            activities=activities.values(keep) if "activities" in cells else None,
            errors=errors,
            source_rows=rows[keep],
            rejected=column.problems,
        )

    @classmethod
    def from_csv(
        cls,
        source: str | Path | IO[str] | IO[bytes],
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        delimiter: str | None = None,
        columns: Columns | None = None,
        encoding: str | None = None,
    ) -> Workforce:
        """Read a CSV file with a header row (see :meth:`from_records` for the columns,
        and for ``columns``, a mapping of your column names to fields).

        A file, or a binary stream, is read as UTF-8 (with or without a byte order mark)
        or, when it is not, as Windows-1252 (Latin-1 and the euro sign), unless
        ``encoding`` is given. The delimiter is guessed from the header among ``,``,
        ``;`` and tab unless given. Row numbers in errors count data rows from 0. A row
        with more or fewer cells than the header, a quote that is not closed on its
        line (a cell never holds a line break), or a row of more than 131,072
        characters is a bad row, and the others are read. The header is checked first:
        two columns for one field, or a mapped column the file does not have, are
        errors for the whole file.
        """
        text = read_text(source, encoding)
        found, reader = csv_records(text, delimiter)
        ColumnPlan(columns, ignore_columns).header(found)
        return cls.from_records(
            reader, errors=errors, ignore_columns=ignore_columns, columns=columns
        )

    @classmethod
    def from_pandas(
        cls,
        frame: pd.DataFrame,
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        columns: Columns | None = None,
    ) -> Workforce:
        """Build a workforce from a pandas DataFrame (the ``pandas`` extra).

        Column names follow :meth:`from_records`, and ``columns`` maps names of your own
        to fields, with their unit: ``{"agent": "id", "distance_km":
        "commute_distance", "dist_mi": ("commute_distance", "mi")}``. Missing values
        (NaN, None, NaT) take the defaults. Numeric columns with a unit, date columns and
        boolean columns are converted whole; a pint-pandas column (named after its field)
        brings its own unit. Rows are numbered by position from 0, whatever the index.
        """
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise ValidationError(
                "frame", frame, Phrase("a pandas DataFrame", "un objet DataFrame de pandas")
            )
        names = [str(name) if isinstance(name, str) else name for name in frame.columns]
        repeated = [name for name in names if names.count(name) > 1]
        if repeated:
            raise ValidationError(
                "columns",
                repeated[0],
                Phrase("column names used once", "des noms de colonnes employés une seule fois"),
            )
        plan = ColumnPlan(columns, ignore_columns)
        fields = plan.header(names)
        n = len(frame)
        cells: dict[str, Sequence[Any] | npt.NDArray[Any]] = {}
        units: dict[str, str | None] = {}
        for field, (name, unit) in fields.items():
            cells[field], units[field] = _series_cells(frame[name], name, field, unit)
        return cls._from_cells(
            cells,
            units,
            n,
            bad=np.zeros(n, dtype=bool),
            problems=[],
            rows=np.arange(n, dtype=np.int64),
            errors=errors,
            absent=_absent(cells),
        )

    # -- access ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def working_time(self) -> Quantity:
        """Working times, one quantity wrapping the whole column (in percent)."""
        return Q_(self.working_time_percent, WORKING_TIME_UNIT)

    @property
    def commute_distance(self) -> Quantity:
        """One-way commute distances (km), NaN where unknown."""
        return Q_(self.commute_distance_km, DISTANCE_UNIT)

    @property
    def commute_time(self) -> Quantity:
        """One-way commute times (min), NaN where unknown."""
        return Q_(self.commute_time_min, COMMUTE_TIME_UNIT)

    @property
    def requested_telework(self) -> Quantity:
        """The telework each agent asks for (workday/week), NaN where not stated."""
        return Q_(self.requested_telework_workday_per_week, REQUESTED_TELEWORK_UNIT)

    def __repr__(self) -> str:
        rejected = f", {len(self.rejected)} rejected" if self.rejected else ""
        return f"<Workforce of {len(self)} agents{rejected}>"

    def index_of(self, agent_id: str) -> int:
        """The row of an agent, by id."""
        found = np.flatnonzero(self.ids == agent_id)
        if not len(found):
            raise ValidationError(
                "agent_id",
                agent_id,
                Phrase(
                    "the id of an agent of this workforce",
                    "l'identifiant d'un agent de cet effectif",
                ),
            )
        return int(found[0])

    def agent(self, row: int) -> Agent:
        """Rebuild row ``row`` as an :class:`Agent`."""
        if not -len(self) <= row < len(self):
            raise ValidationError(
                "row",
                row,
                Phrase("a row number below {n}", "un numéro de ligne inférieur à {n}", n=len(self)),
            )
        row = row % len(self)
        distance = float(self.commute_distance_km[row])
        minutes = float(self.commute_time_min[row])
        asked = float(self.requested_telework_workday_per_week[row])
        far = float(self.telecentre_distance_km[row])
        mask = self.derogation_row == row
        derogations = tuple(
            Derogation(
                kind=DEROGATION_KINDS[int(kind)],
                start=_to_date(start),
                end=None if np.isnat(end) else _to_date(end),
            )
            for kind, start, end in zip(
                self.derogation_kind[mask],
                self.derogation_start[mask],
                self.derogation_end[mask],
                strict=True,
            )
        )
        return Agent(
            id=str(self.ids[row]),
            hire_date=_to_date(self.hire_date[row]),
            working_time=Q_(float(self.working_time_percent[row]), WORKING_TIME_UNIT),
            role=self.role.value(row),
            tags=frozenset(t for t, on in zip(self.tag_names, self.tags[row], strict=True) if on),
            commute_distance=None if math.isnan(distance) else Q_(distance, DISTANCE_UNIT),
            commute_time=None if math.isnan(minutes) else Q_(minutes, COMMUTE_TIME_UNIT),
            commute_mode=COMMUTE_MODES[int(self.commute_mode[row])],
            volunteer=bool(self.volunteer[row]),
            teleworkable_post=bool(self.teleworkable_post[row]),
            derogations=derogations,
            requested_telework=None if math.isnan(asked) else Q_(asked, REQUESTED_TELEWORK_UNIT),
            pattern=self.pattern.value(row),
            days_off=weekdays_of_mask(int(self.days_off_mask[row])),
            absences=self.absences.value(row),
            telecentre_distance=None if math.isnan(far) else Q_(far, DISTANCE_UNIT),
            authorisation=self.authorisation.value(row),
            contract_type=self.contract_type.value(row) or None,
            category=self.category.value(row) or None,
            establishment=self.establishment.value(row),
            activities=self._activities_of(row),
        )

    def _activities_of(self, row: int) -> tuple[Activity, ...]:
        """The activities of one row, with their shares in percent."""
        shares = self.activity_shares[row].tolist()
        return tuple(
            Activity(name, Q_(share * 100, ACTIVITY_SHARE_UNIT))
            for name, share in zip(self.activity_names, shares, strict=True)
            if share > 0
        )

    def __iter__(self) -> Iterator[Agent]:
        return (self.agent(i) for i in range(len(self)))

    def take(self, rows: npt.ArrayLike) -> Workforce:
        """The workforce of the agents at positions ``rows`` (integers, in that order).

        Every column is taken; categories, tag names and the values of coded columns are
        kept as they are (a category no row uses any more stays listed). ``source_rows``
        still name the input rows, so errors and reports point at the register;
        ``rejected`` is empty (the rows taken are all good ones). A position out of
        range, or taken twice (ids stay unique), is an error naming ``rows``.
        """
        index = np.asarray(rows)
        if index.ndim != 1 or (index.size and index.dtype.kind not in "iu"):
            kind = (
                Phrase("a boolean mask", "un masque booléen")
                if index.dtype == np.bool_
                else Phrase(
                    "an array of {dtype}, {shape}",
                    "un tableau de {dtype}, {shape}",
                    dtype=str(index.dtype),
                    shape=str(index.shape),
                )
            )
            raise ValidationError(
                "rows",
                kind,
                Phrase(
                    "integer row positions (of a mask: np.flatnonzero(mask))",
                    "des positions de lignes entières (pour un masque" + NBSP + ":"
                    " np.flatnonzero(mask))",
                ),
            )
        index = index.astype(np.intp, copy=False)
        n = len(self)
        if index.size:
            outside = (index < 0) | (index >= n)
            if outside.any():
                value = int(index[np.flatnonzero(outside)[0]])
                raise ValidationError(
                    "rows",
                    value,
                    Phrase(
                        "row positions from 0 to {last}",
                        "des positions de lignes de 0 à {last}",
                        last=n - 1,
                    ),
                )
        position = np.full(n, -1, dtype=np.int64)
        position[index] = np.arange(len(index), dtype=np.int64)
        if index.size and np.count_nonzero(position >= 0) != len(index):
            counts = np.bincount(index, minlength=n)
            raise ValidationError(
                "rows",
                int(np.flatnonzero(counts > 1)[0]),
                Phrase(
                    "each row position at most once", "chaque position de ligne au plus une fois"
                ),
            )
        moved = position[self.derogation_row]
        held = np.flatnonzero(moved >= 0)
        order = held[np.argsort(moved[held], kind="stable")]  # grouped by new row, in order

        def taken(column: npt.NDArray[G]) -> npt.NDArray[G]:
            return _readonly(column[index])

        def coded(column: Coded) -> Coded:
            return Coded(taken(column.codes), column.values)

        def labels(column: Categories) -> Categories:
            return Categories(taken(column.codes), column.categories)

        return Workforce(
            ids=taken(self.ids),
            hire_date=taken(self.hire_date),
            working_time_percent=taken(self.working_time_percent),
            role=Categories(taken(self.role.codes), self.role.categories),
            tags=_readonly(self.tags[index, :]),
            tag_names=self.tag_names,
            commute_distance_km=taken(self.commute_distance_km),
            commute_time_min=taken(self.commute_time_min),
            commute_mode=taken(self.commute_mode),
            volunteer=taken(self.volunteer),
            teleworkable_post=taken(self.teleworkable_post),
            requested_telework_workday_per_week=taken(self.requested_telework_workday_per_week),
            derogation_row=_readonly(moved[order]),
            derogation_kind=_readonly(self.derogation_kind[order]),
            derogation_start=_readonly(self.derogation_start[order]),
            derogation_end=_readonly(self.derogation_end[order]),
            pattern=coded(self.pattern),
            days_off_mask=taken(self.days_off_mask),
            telecentre_distance_km=taken(self.telecentre_distance_km),
            absences=coded(self.absences),
            authorisation=coded(self.authorisation),
            contract_type=labels(self.contract_type),
            category=labels(self.category),
            establishment=labels(self.establishment),
            activity_names=self.activity_names,
            activity_shares=_readonly(self.activity_shares[index, :]),
            source_rows=taken(self.source_rows),
            rejected=(),
        )

    def has_tag(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows carrying any of the tags in ``names``."""
        columns = [i for i, t in enumerate(self.tag_names) if t in names]
        if not columns:
            return np.zeros(len(self), dtype=bool)
        if len(columns) == 1:
            return self.tags[:, columns[0]].copy()
        result: npt.NDArray[np.bool_] = np.any(self.tags[:, columns], axis=1)
        return result

    def role_in(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows whose role is one of ``names``."""
        codes = self.role.code_of(names)
        if len(codes) > 8:  # many codes: one pass through a lookup table
            table = np.zeros(len(self.role.categories), dtype=bool)
            table[codes] = True
            return table[self.role.codes]
        found = np.zeros(len(self), dtype=bool)
        for code in codes.tolist():  # few codes: comparisons beat np.isin's sort
            found |= self.role.codes == code
        return found

    def contract_type_in(self, names: Collection[ContractType | str]) -> npt.NDArray[np.bool_]:
        """Rows whose contract type is one of ``names`` (values or French words; a row
        where it is not stated is in none)."""
        wanted = {contract_type(name, "names").value for name in _listed(names)}
        return _labelled(self.contract_type, wanted)

    def category_in(self, names: Collection[Category | str]) -> npt.NDArray[np.bool_]:
        """Rows whose category is one of ``names`` (``"A"``, ``"catégorie B"``...; a row
        where it is not stated is in none)."""
        wanted = {category(name, "names").value for name in _listed(names)}
        return _labelled(self.category, wanted)

    def establishment_in(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows whose establishment is one of ``names`` (compared as written, surrounding
        spaces aside; a row where it is not stated is in none)."""
        wanted = {name.strip() for name in _listed(names)} - {""}
        return _labelled(self.establishment, wanted)

    def has_activity(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows carrying any of the activities in ``names`` (compared as written, spaces
        aside)."""
        columns = self._activity_columns(names)
        if not columns:
            return np.zeros(len(self), dtype=bool)
        result: npt.NDArray[np.bool_] = np.any(self.activity_shares[:, columns] > 0, axis=1)
        return result

    def activity_share(self, names: Collection[str]) -> npt.NDArray[np.float64]:
        """The share of each agent's working time (from 0 to 1) spent on the activities
        in ``names``; NaN where the agent's activities are not stated."""
        columns = self._activity_columns(names)
        share: npt.NDArray[np.float64] = self.activity_shares[:, columns].sum(axis=1)
        return np.where(self.activities_stated(), share, math.nan)

    def activities_stated(self) -> npt.NDArray[np.bool_]:
        """Rows whose activities are stated."""
        result: npt.NDArray[np.bool_] = np.any(self.activity_shares > 0, axis=1)
        return result

    def _activity_columns(self, names: Collection[str]) -> list[int]:
        wanted = {" ".join(name.split()) for name in _listed(names)}
        return [j for j, name in enumerate(self.activity_names) if name in wanted]

    def derogation_active(
        self, kinds: Collection[DerogationKind], on: dt.date
    ) -> npt.NDArray[np.bool_]:
        """Rows holding a derogation of one of ``kinds`` in force on ``on``."""
        day = np.datetime64(on, "D")
        codes = [DEROGATION_KINDS.index(k) for k in kinds]
        live = (
            np.isin(self.derogation_kind, codes)
            & (self.derogation_start <= day)
            & (np.isnat(self.derogation_end) | (self.derogation_end >= day))
        )
        result = np.zeros(len(self), dtype=bool)
        result[self.derogation_row[live]] = True
        return result

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per agent, with quantities as strings with units."""
        records = []
        for agent in self:
            records.append(
                {
                    "id": agent.id,
                    "hire_date": agent.hire_date.isoformat(),
                    "working_time": f"{_number(agent.working_time.magnitude)} %",
                    "role": agent.role,
                    "tags": ";".join(sorted(agent.tags)),
                    "commute_distance": (
                        f"{_number(agent.commute_distance.magnitude)} km"
                        if agent.commute_distance is not None
                        else ""
                    ),
                    "commute_time": (
                        f"{_number(agent.commute_time.magnitude)} min"
                        if agent.commute_time is not None
                        else ""
                    ),
                    "commute_mode": agent.commute_mode.value,
                    "volunteer": agent.volunteer,
                    "teleworkable_post": agent.teleworkable_post,
                    "derogations": ";".join(str(d) for d in agent.derogations),
                    "requested_telework": (
                        f"{_number(agent.requested_telework.magnitude)} workday/week"
                        if agent.requested_telework is not None
                        else ""
                    ),
                    "pattern": "" if agent.pattern is None else str(agent.pattern),
                    "days_off": _days_off_text(agent.days_off),
                    "absences": _absences_text(agent.absences),
                    "telecentre_distance": (
                        f"{_number(agent.telecentre_distance.magnitude)} km"
                        if agent.telecentre_distance is not None
                        else ""
                    ),
                    "authorisation": (
                        "" if agent.authorisation is None else str(agent.authorisation)
                    ),
                    "contract_type": ""
                    if agent.contract_type is None
                    else agent.contract_type.value,
                    "category": "" if agent.category is None else agent.category.value,
                    "establishment": agent.establishment,
                    "activities": _activities_text(agent.activities),
                }
            )
        return records

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """The columns as a DataFrame, quantity columns named with their unit (``_per_``
        for ``/``: ``requested_telework_workday_per_week``), or, with ``units="pint"``,
        named after their field with a pint-pandas dtype (see :mod:`teletravail.tables`).
        :meth:`from_pandas` reads either back."""
        import pandas as pd

        from teletravail.tables import quantity_frame

        return quantity_frame(
            {
                "id": self.ids,
                "hire_date": self.hire_date,
                "working_time_pct": self.working_time_percent,
                "role": pd.Categorical.from_codes(
                    self.role.codes, categories=pd.Index(list(self.role.categories))
                )
                if self.role.categories
                else pd.Categorical([]),
                "tags": [
                    ";".join(t for t, on in zip(self.tag_names, r, strict=True) if on)
                    for r in self.tags
                ],
                "commute_distance_km": self.commute_distance_km,
                "commute_time_min": self.commute_time_min,
                "commute_mode": [COMMUTE_MODES[int(c)].value for c in self.commute_mode],
                "volunteer": self.volunteer,
                "teleworkable_post": self.teleworkable_post,
                "derogations": [
                    ";".join(str(d) for d in self.agent(row).derogations) if has else ""
                    for row, has in enumerate(np.isin(np.arange(len(self)), self.derogation_row))
                ],
                "requested_telework_workday_per_week": self.requested_telework_workday_per_week,
                "pattern": _texts(self.pattern, str),
                "days_off": [
                    _days_off_text(weekdays_of_mask(int(m))) for m in self.days_off_mask.tolist()
                ],
                "absences": _texts(self.absences, _absences_text),
                "telecentre_distance_km": self.telecentre_distance_km,
                "authorisation": _texts(self.authorisation, str),
                "contract_type": _categorical(self.contract_type),
                "category": _categorical(self.category),
                "establishment": _categorical(self.establishment),
                "activities": [
                    _activities_text(self._activities_of(row)) for row in range(len(self))
                ],
            },
            PANDAS_QUANTITIES,
            units,
        )


def _listed(names: Any) -> list[Any]:
    """Names given to a selection: one name alone, or a collection of them."""
    if isinstance(names, str | enum.Enum):
        return [names]
    if isinstance(names, Mapping) or not isinstance(names, Iterable):
        raise ValidationError(
            "names",
            names,
            Phrase("a name or a collection of names", "un nom ou une collection de noms"),
        )
    items = list(names)
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(
                "names", item, Phrase("names that are text", "des noms qui soient du texte")
            )
    return items


def _labelled(column: Categories, wanted: Collection[str]) -> npt.NDArray[np.bool_]:
    """Rows of a categorical column whose category is in ``wanted``."""
    codes = [code for code, name in enumerate(column.categories) if name in wanted]
    if not codes:
        return np.zeros(len(column.codes), dtype=bool)
    table = np.zeros(len(column.categories), dtype=bool)
    table[codes] = True
    result: npt.NDArray[np.bool_] = table[column.codes]
    return result


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _days_off_text(days: Collection[int]) -> str:
    """Weekdays not worked as text that reads back (``"wednesday;friday"``)."""
    return ";".join(_WEEKDAY_NAMES[day] for day in sorted(days))


def _absences_text(spans: tuple[Absence, ...] | None) -> str:
    """Absences as text that reads back: empty when unknown, ``none`` when known to be
    none, else ``start/end`` spans separated by ``;``."""
    if spans is None:
        return ""
    if not spans:
        return "none"
    return ";".join(str(a) for a in spans)


def _activities_text(activities: tuple[Activity, ...]) -> str:
    """Activities as text that reads back (``"accueil 40 %; instruction 60 %"``); empty
    when not stated."""
    return "; ".join(str(activity) for activity in activities)


def _categorical(column: Categories) -> Any:
    """A categorical column as a pandas Categorical."""
    import pandas as pd

    if not column.categories:
        return pd.Categorical([])
    return pd.Categorical.from_codes(
        np.asarray(column.codes), categories=pd.Index(list(column.categories))
    )


def _texts(column: Coded, write: Callable[[Any], str]) -> list[str]:
    """A coded column as text, each distinct value written once (empty for None)."""
    table = ["" if value is None else write(value) for value in column.values]
    return [table[code] for code in column.codes.tolist()]


def _one_per_id(n: int) -> Phrase:
    return Phrase(
        "a column of {n} values (one per id)",
        "une colonne de {values} (une par identifiant)",
        n=n,
        values=french_count(n, "valeur", "valeurs"),
    )


def _values_of(n: int) -> Phrase:
    return Phrase(
        "a column of {n} values",
        "une colonne de {values}",
        n=n,
        values=french_count(n, "valeur", "valeurs"),
    )


def _coded_column(
    values: Sequence[Any] | npt.NDArray[Any] | None,
    field: str,
    convert: Callable[[Any], Any],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> Coded:
    """A column of values of a few distinct kinds, each distinct value checked once:
    ``None`` (or an empty cell) is the default, code 0; a value ``convert`` refuses makes
    its row bad."""
    if values is None:
        return Coded.default(n)
    if not isinstance(values, Sequence | np.ndarray):
        raise ValidationError(field, values, _one_per_id(n))
    if len(values) != n:
        raise ValidationError(
            field,
            _values_of(len(values)),
            Phrase("{n} values", "{values}", n=n, values=french_count(n, "valeur", "valeurs")),
        )
    codes = np.zeros(n, dtype=np.int32)
    table: list[Any] = [None]
    found: dict[Any, int] = {}  # a converted value -> its code
    seen: dict[Any, int | ValidationError] = {}  # a hashable raw value -> its code
    for index, raw in enumerate(values):
        if is_missing(raw):
            continue
        try:
            known = seen.get((raw.__class__, raw))
            hashable = True
        except TypeError:
            known, hashable = None, False
        if known is None:
            try:
                value = convert(raw)
            except ValidationError as exc:
                known = exc
            else:
                known = 0 if value is None else found.setdefault(value, len(table))
                if known == len(table):
                    table.append(value)
            if hashable:
                seen[(raw.__class__, raw)] = known
        if isinstance(known, ValidationError):
            if not bad[index]:
                problems.append(RowError.from_error(int(rows[index]), known))
            bad[index] = True
        else:
            codes[index] = known
    return Coded(codes, tuple(table))


def _number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``100``, ``89.9999999``)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds, for error messages."""
    return value.item() if isinstance(value, np.generic) else value


def _magnitude(quantity: Quantity | None, unit: str) -> float:
    """An agent's quantity as a float in ``unit``; NaN for an unknown value.

    An :class:`Agent`'s converters store every quantity in the unit of its workforce
    column (percent, km, min), so the magnitude is read as it is; ``unit`` names which.
    """
    return math.nan if quantity is None else float(quantity.magnitude)


def _to_date(value: np.datetime64) -> dt.date:
    result = value.astype("datetime64[D]").astype(object)
    assert isinstance(result, dt.date)
    return result


def _date_column(
    values: Sequence[Any] | npt.NDArray[Any],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> npt.NDArray[np.datetime64]:
    if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        array = values.astype("datetime64[D]")
        missing = np.isnat(array)
        timed = ~missing & (array != values)  # a time of day would be cut off silently
        for position in np.flatnonzero(timed & ~bad[: len(timed)]):
            shown = str(values[position])
            french = ValidationError("hire_date", shown, EXPECTED_TIMELESS).text("fr")
            message = Phrase(
                f"hire_date: expected {EXPECTED_TIMELESS}, got {values[position]}", french
            )
            problems.append(RowError(int(rows[position]), "hire_date", shown, message))
        bad[: len(timed)] |= timed
    else:
        array = np.empty(len(values), dtype="datetime64[D]")
        missing = np.zeros(len(values), dtype=bool)
        for index, value in enumerate(values):
            try:
                array[index] = np.datetime64(to_date(value, "hire_date"), "D")
            except ValidationError:
                array[index] = np.datetime64("NaT")
                missing[index] = True
    for position in np.flatnonzero(missing & ~bad[: len(missing)]):
        value = values[int(position)]
        french = ValidationError("hire_date", value, _ISO_DATE).text("fr")
        message = Phrase(f"hire_date: expected {_ISO_DATE}, got {value!r}", french)
        problems.append(RowError(int(rows[position]), "hire_date", value, message))
    bad[: len(missing)] |= missing
    return array


_ISO_DATE = Phrase("an ISO date such as 2013-01-01", "une date écrite AAAA-MM-JJ, comme 2013-01-01")


def _quantity_column(
    column: Quantity | None, field: str, n: int, default: float
) -> npt.NDArray[np.float64]:
    dimension, unit = QUANTITY_FIELDS[field]
    if column is None:
        return np.full(n, default, dtype=float)
    quantity = as_quantity(column, field=field, dimension=dimension)
    magnitude = np.asarray(quantity.m_as(_unit(unit)), dtype=float)
    _check_length(field, magnitude, n)
    return magnitude


def _check_length(field: str, column: Any, n: int) -> None:
    """A column must have one value per agent."""
    if np.ndim(column) != 1 and not isinstance(column, Sequence):
        raise ValidationError(field, column, _one_per_id(n))
    size = len(column)
    if size != n:
        raise ValidationError(field, _values_of(size), _one_per_id(n))


def _role_column(
    role: Sequence[str] | npt.NDArray[Any] | Categories | None, n: int, field: str = "role"
) -> Categories:
    """A column of free text (roles, establishments) as categories."""
    if role is None:
        return Categories(np.zeros(n, dtype=np.int32), ("",))
    if isinstance(role, Categories):
        _check_length(field, role.codes, n)
        _check_codes(field, role, n)
        return role
    _check_length(field, role, n)
    array = np.asarray(role)
    if array.dtype.kind != "U" and n:
        strange = [v for v in array.tolist() if not isinstance(v, str)]
        if strange:
            raise ValidationError(
                field,
                strange[0],
                Phrase(
                    "a column of strings ({field} is text)",
                    "une colonne de textes ({field} est du texte)",
                    field=field,
                ),
            )
    return Categories.from_values(np.char.strip(array.astype(str)) if n else [])


def _check_codes(field: str, column: Categories, n: int) -> None:
    """The codes of a categorical column must point into its categories."""
    codes = np.asarray(column.codes)
    if n and (codes.min() < 0 or codes.max() >= len(column.categories)):
        raise ValidationError(
            f"{field}.codes",
            int(codes.max()),
            Phrase(
                "codes from 0 to {last}", "des codes de 0 à {last}", last=len(column.categories) - 1
            ),
        )


def _label_column(
    values: Sequence[Any] | npt.NDArray[Any] | Categories | None,
    field: str,
    read: Callable[[Any], str | None],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> Categories:
    """A column of a few fixed labels (contract types, categories), each distinct value
    read once (``read`` gives the label, or None: not stated, ``""``); a value that does
    not read makes its row bad. :class:`Categories` are read category by category."""
    if values is None:
        return Categories(zeros(n, np.int32), ("",))
    if isinstance(values, Categories):
        _check_length(field, values.codes, n)
        _check_codes(field, values, n)
        labels: list[str | None] = []
        for name in values.categories:
            try:
                labels.append(read(name))
            except ValidationError as exc:
                raise ValidationError(f"{field}.categories", name, exc.expected) from None
        coded = Coded(np.asarray(values.codes, dtype=np.int32), tuple(labels))
    else:
        coded = _coded_column(values, field, read, n, rows, problems, bad)
    texts = ["" if label is None else str(label) for label in coded.values]
    used = np.flatnonzero(np.bincount(coded.codes, minlength=len(texts)))
    distinct = sorted({texts[code] for code in used.tolist()})
    position = {text: i for i, text in enumerate(distinct)}
    lookup = np.array([position.get(text, 0) for text in texts], dtype=np.int32)
    return Categories(lookup[coded.codes], tuple(distinct))


def _kept_labels(column: Categories, keep: npt.NDArray[np.bool_] | None) -> Categories:
    """The kept rows of a categorical column (a column of one shared zero stays so)."""
    codes = column.codes
    if codes.strides == (0,) or not len(codes):
        kept = len(codes) if keep is None else int(np.count_nonzero(keep))
        return Categories(zeros(kept, np.int32), column.categories)
    return Categories(_kept(codes, keep), column.categories)


def _activity_columns(
    values: Sequence[Any] | npt.NDArray[Any] | Mapping[str, Quantity] | None,
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> tuple[tuple[str, ...], npt.NDArray[np.float64]]:
    """The activity names and the matrix of shares (fractions of working time; a row of
    zeros where not stated), each distinct value read once."""
    if values is None:
        return (), np.zeros((n, 0))
    if isinstance(values, Mapping):
        return _activity_matrix(values, n, rows, problems, bad)
    coded = _coded_column(
        values, "activities", lambda v: read_activities(v) or None, n, rows, problems, bad
    )
    names = tuple(sorted({a.name for found in coded.values[1:] for a in found}))
    position = {name: j for j, name in enumerate(names)}
    table = np.zeros((len(coded.values), len(names)))
    for code, found in enumerate(coded.values[1:], start=1):
        for activity in found:
            table[code, position[activity.name]] = float(activity.share.magnitude) / 100
    matrix: npt.NDArray[np.float64] = table[coded.codes]
    return names, matrix


def _activity_matrix(
    columns: Mapping[str, Quantity],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> tuple[tuple[str, ...], npt.NDArray[np.float64]]:
    """Activities given as whole columns of shares, ``{activity: Q_(array, "percent")}``:
    zero or NaN where the agent does not carry the activity."""
    cleaned = {read_activity_name(name): name for name in columns}
    if len(cleaned) != len(columns):
        raise ValidationError(
            "activities",
            list(columns),
            Phrase("each activity once", "chaque activité une seule fois"),
        )
    names = tuple(sorted(cleaned))
    percent = np.zeros((n, len(names)))
    for j, name in enumerate(names):
        field = f"activities.{name}"
        quantity = as_quantity(columns[cleaned[name]], field=field, dimension=DIMENSIONLESS)
        column = np.asarray(quantity.m_as(_unit(ACTIVITY_SHARE_UNIT)), dtype=float)
        _check_length(field, column, n)
        percent[:, j] = np.where(np.isnan(column), 0.0, column)
    wrong = ~np.isfinite(percent).all(axis=1) | (percent < 0).any(axis=1)
    wrong |= (percent > 100).any(axis=1)
    total = np.where(wrong, 0.0, percent.sum(axis=1))
    stated = total > 0
    wrong |= stated & (np.abs(total - 100) > ACTIVITY_SHARE_TOLERANCE)
    for index in np.flatnonzero(wrong & ~bad).tolist():
        shares = {name: _plain(percent[index, j]) for j, name in enumerate(names)}
        expected = Phrase(
            "shares from 0 to 100 % summing to 100 % (± {tolerance} %)",
            "des parts de 0 à 100 % dont la somme fait 100 % (à {tolerance} % près)",
            tolerance=decimal(ACTIVITY_SHARE_TOLERANCE),
        )
        problems.append(
            RowError.from_error(int(rows[index]), ValidationError("activities", shares, expected))
        )
    bad |= wrong
    scale = stated & ~wrong & (np.abs(total - 100) > SUMS_TO_100)
    percent[scale] *= (100 / total[scale])[:, None]
    percent[wrong] = 0.0
    return names, np.round(percent, 9) / 100


def _tag_column(
    tags: Sequence[Collection[str] | str] | Mapping[str, npt.ArrayLike] | None, n: int
) -> tuple[npt.NDArray[np.bool_], tuple[str, ...], list[tuple[int, str, Any]]]:
    """The tag matrix, its column names, and the rows whose tags could not be read."""
    problems: list[tuple[int, str, Any]] = []
    if tags is None:
        return np.zeros((n, 0), dtype=bool), (), problems
    if isinstance(tags, Mapping):
        names = tuple(sorted(read_tags(list(tags))))
        matrix = np.zeros((n, len(names)), dtype=bool)
        for j, name in enumerate(names):
            column, unread = _bool_column(tags[name], f"tags.{name}", n)
            matrix[:, j] = column
            problems.extend((int(i), f"tags.{name}", tags[name][i]) for i in np.flatnonzero(unread))  # type: ignore[index]
        return matrix, names, problems
    _check_length("tags", tags, n)
    rows: list[frozenset[str]] = []
    for index, row in enumerate(tags):
        try:
            rows.append(read_tags(row))
        except ValidationError:
            problems.append((index, "tags", row))
            rows.append(frozenset())
    names = tuple(sorted({t for row in rows for t in row}))
    position = {name: j for j, name in enumerate(names)}
    matrix = np.zeros((n, len(names)), dtype=bool)
    for i, row in enumerate(rows):
        for tag in row:
            matrix[i, position[tag]] = True
    return matrix, names, problems


def _shaped(shape: tuple[int, ...]) -> Phrase:
    return Phrase("an array of shape {shape}", "un tableau de forme {shape}", shape=str(shape))


def _id_column(
    ids: Sequence[str] | npt.NDArray[Any],
) -> tuple[npt.NDArray[np.str_], npt.NDArray[np.bool_], Sequence[str]]:
    """Ids as a numpy string column, stripped, which ones hold a character no id may
    (read before numpy, which drops trailing NULs), and the ids as given; anything but
    text is refused whole."""
    raw = ids.tolist() if isinstance(ids, np.ndarray) and ids.dtype.kind == "O" else ids
    array = np.asarray(ids)
    if array.ndim != 1:
        raise ValidationError(
            "ids", _shaped(array.shape), Phrase("a column of ids", "une colonne d'identifiants")
        )
    if array.dtype.kind != "U":
        if array.size == 0:
            return np.array([], dtype=str), np.zeros(0, dtype=bool), ()
        strange = [v for v in array.tolist() if not isinstance(v, str)]
        if strange:
            raise ValidationError(
                "ids",
                strange[0],
                Phrase(
                    "a column of strings (ids are text)",
                    "une colonne de textes (les identifiants sont du texte)",
                ),
            )
        array = array.astype(str)
    texts = raw if isinstance(raw, list | tuple) else array.tolist()
    unreadable = np.zeros(len(array), dtype=bool)
    unreadable[unreadable_ids(texts)] = True
    return np.char.strip(array), unreadable, texts


def _bool_column(
    values: npt.ArrayLike | None, field: str, n: int
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The column as booleans, and which rows could not be read as one."""
    if values is None:
        return np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValidationError(
            field,
            _shaped(array.shape),
            Phrase(
                "a column of {n} booleans",
                "une colonne de {booleans}",
                n=n,
                booleans=french_count(n, "booléen", "booléens"),
            ),
        )
    _check_length(field, array, n)
    if array.dtype == np.bool_:
        return array, np.zeros(n, dtype=bool)
    result = np.zeros(n, dtype=bool)
    unreadable = np.zeros(n, dtype=bool)
    for index, value in enumerate(array.tolist()):
        try:
            result[index] = read_bool(value, field)
        except ValidationError:
            unreadable[index] = True
    return result, unreadable


class UnreadableRow:
    """A row of a file that could not be split into cells (a quote not closed on its
    line, a row too long): a bad row, with its error, among the others."""

    __slots__ = ("error",)

    def __init__(self, error: ValidationError) -> None:
        self.error = error


#: The longest row a CSV file may have (Python's csv module refuses longer cells).
MOST_ROW_CHARACTERS = 131_072
_LINE_BREAK = re.compile("\r\n|\n|\r")


def read_text(source: str | Path | IO[str] | IO[bytes], encoding: str | None = None) -> str:
    """The text of a CSV file or stream: UTF-8 (a byte order mark is dropped) or, when
    the bytes are not UTF-8, Windows-1252 (what French spreadsheets export as
    "CSV"), unless ``encoding`` is given. A text stream is read as it is; one that fails
    to decode is an error naming ``encoding``."""
    if isinstance(source, str | Path):
        try:
            data: str | bytes = Path(source).read_bytes()
        except OSError as exc:
            reason = Phrase(
                "a readable file ({why})",
                "un fichier lisible ({why})",
                why=system_reason(exc, "erreur de lecture"),
            )
            raise ValidationError("source", str(source), reason) from None
    else:
        try:
            data = source.read()
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "encoding",
                exc.encoding,
                Phrase(
                    "the file's encoding: open it in binary mode ({mode!r})",
                    "l'encodage du fichier" + NBSP + ": ouvrez-le en mode binaire ({mode!r})",
                    mode="rb",
                ),
            ) from None
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if not isinstance(data, bytes):
        raise ValidationError(
            "source",
            type(data).__name__,
            Phrase("a file, a path or a stream", "un fichier, un chemin ou un flux"),
        )
    if encoding is not None:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except LookupError:
            raise ValidationError(
                "encoding",
                encoding,
                Phrase("an encoding Python knows", "un encodage que Python connaît"),
            ) from None
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "encoding",
                encoding,
                Phrase(
                    "the file's encoding (byte {start} is not {encoding})",
                    "l'encodage du fichier (l'octet {start} n'est pas du {encoding})",
                    start=exc.start,
                    encoding=encoding,
                ),
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # the few bytes Windows-1252 leaves out
            return data.decode("latin-1")


def csv_records(
    text: str, delimiter: str | None = None
) -> tuple[list[str], Iterator[dict[str, Any] | UnreadableRow]]:
    """The header of a CSV text and its rows, one record each (a dict of the header's
    names, with the cells beyond the header under :data:`EXTRA_CELLS` and the missing
    ones as :data:`MISSING_CELL`), or an :class:`UnreadableRow`. Each line is one row:
    a quote must close on its line. Blank lines are skipped."""
    lines = _LINE_BREAK.split(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return [], iter(())
    first = lines[0]
    if delimiter is None:
        counts = {d: first.count(d) for d in (",", ";", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        if len(first) > MOST_ROW_CHARACTERS:
            raise csv.Error("too long")
        header = next(csv.reader([first], delimiter=delimiter, strict=True))
    except csv.Error:
        raise ValidationError(
            "header",
            first[:80],
            Phrase(
                "a header row whose quotes close",
                "une ligne d'en-tête dont les guillemets se ferment",
            ),
        ) from None
    width = len(header)

    def rows() -> Iterator[dict[str, Any] | UnreadableRow]:
        for line in lines[1:]:
            if not line.strip():
                continue
            if len(line) > MOST_ROW_CHARACTERS:
                expected = Phrase(
                    "a row of at most {most} characters",
                    "une ligne d'au plus {most} caractères",
                    most=grouped(MOST_ROW_CHARACTERS),
                )
                length = Phrase("{n} characters", "{n} caractères", n=grouped(len(line)))
                yield UnreadableRow(ValidationError("row", length, expected))
                continue
            try:  # each line alone, strictly: a quote cannot run on into the next rows
                if line.count('"') % 2:
                    raise csv.Error("a quote left open")
                cells = next(csv.reader([line], delimiter=delimiter, strict=True))
            except csv.Error:
                expected = Phrase(
                    "quotes that close on their line (a cell holds no line break)",
                    "des guillemets qui se ferment sur leur ligne (une cellule ne contient pas"
                    " de saut de ligne)",
                )
                yield UnreadableRow(ValidationError("row", line[:80], expected))
                continue
            record: dict[str, Any] = dict(zip(header, cells, strict=False))
            if len(cells) > width:
                record[EXTRA_CELLS] = cells[width:]
            for name in header[len(cells) :]:
                record[name] = MISSING_CELL
            yield record

    return header, rows()
