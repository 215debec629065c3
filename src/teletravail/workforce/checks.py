"""The checks of one whole column, as :meth:`Workforce.from_columns
<teletravail.workforce.Workforce.from_columns>` receives it: ids, dates, quantities,
booleans, tags, texts, labels, coded values and activities.

Each column is checked with array operations, each distinct value read once by the
reader of its field. A value that does not read makes its row bad (its
:class:`~teletravail.errors.RowError` is added to the problems, unless the row is bad
already), while a column of the wrong length or shape is an error for the whole input.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from teletravail._columns import zeros
from teletravail.dates import to_date
from teletravail.errors import RowError, ValidationError
from teletravail.messages import Phrase, decimal, french_count
from teletravail.units import DIMENSIONLESS, as_quantity
from teletravail.units import unit as _unit

from .agent import QUANTITY_FIELDS, read_tags, unreadable_id_array, unreadable_ids
from .cells import EXPECTED_TIMELESS, is_missing, read_bool
from .columns import Categories, Coded, factorize, stripped
from .fields import (
    ACTIVITY_SHARE_TOLERANCE,
    ACTIVITY_SHARE_UNIT,
    SUMS_TO_100,
    read_activities,
    read_activity_name,
)

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "activity_columns",
    "bool_column",
    "check_length",
    "coded_column",
    "date_column",
    "id_column",
    "label_column",
    "python_value",
    "quantity_column",
    "tag_column",
    "text_column",
]


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


def _shaped(shape: tuple[int, ...]) -> Phrase:
    return Phrase("an array of shape {shape}", "un tableau de forme {shape}", shape=str(shape))


def check_length(field: str, column: Any, n: int) -> None:
    """A column must have one value per agent."""
    if not isinstance(column, Sequence) and np.ndim(column) != 1:  # (a list: no array made)
        raise ValidationError(field, column, _one_per_id(n))
    size = len(column)
    if size != n:
        raise ValidationError(field, _values_of(size), _one_per_id(n))


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


def python_value(value: Any) -> Any:
    """A numpy scalar as the Python value it holds, for error messages."""
    return value.item() if isinstance(value, np.generic) else value


def id_column(
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
    if isinstance(raw, list | tuple) or raw is not ids:
        texts = raw if isinstance(raw, list | tuple) else array.tolist()
        unreadable = np.zeros(len(array), dtype=bool)
        unreadable[unreadable_ids(texts)] = True
    else:  # a numpy string column, looked at whole (its strings hold no trailing NUL)
        texts, unreadable = array, unreadable_id_array(array)
    return stripped(array), unreadable, texts


def date_column(
    values: Sequence[Any] | npt.NDArray[Any],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> npt.NDArray[np.datetime64]:
    """Hire dates as ``datetime64[D]``: a date that does not read, or a typed date with a
    time of day, makes its row bad (NaT)."""
    if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        array = values.astype("datetime64[D]", copy=False)
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


def quantity_column(
    column: Quantity | None, field: str, n: int, default: float
) -> npt.NDArray[np.float64]:
    """A quantity column of ``field`` as magnitudes in the unit the workforce stores it
    in; an absent column is all ``default``."""
    dimension, unit = QUANTITY_FIELDS[field]
    if column is None:
        return np.full(n, default, dtype=float)
    quantity = as_quantity(column, field=field, dimension=dimension)
    magnitude = np.asarray(quantity.m_as(_unit(unit)), dtype=float)
    check_length(field, magnitude, n)
    return magnitude


def bool_column(
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
    check_length(field, array, n)
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


def tag_column(
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
            column, unread = bool_column(tags[name], f"tags.{name}", n)
            matrix[:, j] = column
            problems.extend((int(i), f"tags.{name}", tags[name][i]) for i in np.flatnonzero(unread))  # type: ignore[index]
        return matrix, names, problems
    check_length("tags", tags, n)
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


def text_column(
    role: Sequence[str] | npt.NDArray[Any] | Categories | None, n: int, field: str = "role"
) -> Categories:
    """A column of free text (roles, establishments) as categories."""
    if role is None:
        return Categories(np.zeros(n, dtype=np.int32), ("",))
    if isinstance(role, Categories):
        check_length(field, role.codes, n)
        _check_codes(field, role, n)
        return role
    check_length(field, role, n)
    if isinstance(role, np.ndarray) and role.ndim != 1:
        raise ValidationError(field, _shaped(role.shape), _one_per_id(n))
    codes, distinct = factorize(role)
    strange = [value for value in distinct if not isinstance(value, str)]
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
    # each distinct text stripped once: "cadre " and "cadre" are one category
    return Categories.from_codes(codes, [str(value).strip() for value in distinct])


def label_column(
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
        check_length(field, values.codes, n)
        _check_codes(field, values, n)
        labels: list[str | None] = []
        for name in values.categories:
            try:
                labels.append(read(name))
            except ValidationError as exc:
                raise ValidationError(f"{field}.categories", name, exc.expected) from None
        coded = Coded(np.asarray(values.codes, dtype=np.int32), tuple(labels))
    else:
        coded = coded_column(values, field, read, n, rows, problems, bad)
    texts = ["" if label is None else str(label) for label in coded.values]
    used = np.flatnonzero(np.bincount(coded.codes, minlength=len(texts)))
    distinct = sorted({texts[code] for code in used.tolist()})
    position = {text: i for i, text in enumerate(distinct)}
    lookup = np.array([position.get(text, 0) for text in texts], dtype=np.int32)
    return Categories(lookup[coded.codes], tuple(distinct))


def coded_column(
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
            except ValidationError as exc:  # kept without its frames (and their columns)
                known = exc.with_traceback(None)
                known.__context__ = None
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


def activity_columns(
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
    coded = coded_column(
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
        check_length(field, column, n)
        percent[:, j] = np.where(np.isnan(column), 0.0, column)
    wrong = ~np.isfinite(percent).all(axis=1) | (percent < 0).any(axis=1)
    wrong |= (percent > 100).any(axis=1)
    total = np.where(wrong, 0.0, percent.sum(axis=1))
    stated = total > 0
    wrong |= stated & (np.abs(total - 100) > ACTIVITY_SHARE_TOLERANCE)
    for index in np.flatnonzero(wrong & ~bad).tolist():
        shares = {name: python_value(percent[index, j]) for j, name in enumerate(names)}
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
