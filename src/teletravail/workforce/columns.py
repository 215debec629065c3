"""The columns of a workforce that are not plain arrays, and what is done with columns.

:class:`Categories` (codes into sorted names: roles, contract types, establishments)
and :class:`Coded` (codes into a few distinct values: patterns, absences,
authorisations) are the column types of a :class:`~teletravail.workforce.Workforce`.
The functions keep some rows of a column (as a new read-only array), and serve the
selections and :meth:`~teletravail.workforce.Workforce.take`: the names a selection is
given, the rows of a categorical column in some categories, the positions of rows to
take.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import readonly as _readonly
from teletravail._columns import zeros
from teletravail.errors import ValidationError
from teletravail.messages import NBSP, Phrase, french_count

__all__ = [
    "Categories",
    "Coded",
    "factorize",
    "kept",
    "kept_labels",
    "labelled",
    "name_list",
    "row_positions",
    "rows_of",
    "stripped",
]

G = TypeVar("G", bound=np.generic)


@attrs.frozen(eq=False)
class Categories:
    """A categorical column: integer ``codes`` into ``categories``."""

    codes: npt.NDArray[np.int32]
    categories: tuple[str, ...]

    @classmethod
    def from_values(cls, values: Sequence[str] | npt.NDArray[Any]) -> Categories:
        """Encode strings as codes; the categories come out sorted.

        The distinct values are found with a dictionary in one pass (a register has a
        few dozen roles among a million rows), and only they are turned into text and
        sorted: no Python object is made per row, and nothing of the size of the column
        is sorted.
        """
        codes, distinct = factorize(values)
        return cls.from_codes(codes, [str(value) for value in distinct])

    @classmethod
    def from_codes(cls, codes: npt.NDArray[np.integer[Any]], names: Sequence[str]) -> Categories:
        """Categories from codes into ``names``, which may repeat or be in any order: the
        categories come out sorted and each once."""
        distinct = sorted(set(names))
        position = {name: i for i, name in enumerate(distinct)}
        lookup = np.array([position[name] for name in names], dtype=np.int32)
        return cls(lookup[codes] if len(names) else np.zeros(0, dtype=np.int32), tuple(distinct))

    def code_of(self, names: Collection[str]) -> npt.NDArray[np.int32]:
        """The codes of those names that are categories here (others are ignored)."""
        index = {name: i for i, name in enumerate(self.categories)}
        return np.array(sorted(index[n] for n in names if n in index), dtype=np.int32)

    def value(self, row: int) -> str:
        """The category of one row."""
        return self.categories[int(self.codes[row])]


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
        return Coded(kept(self.codes, keep), self.values)


def factorize(values: Sequence[Any] | npt.NDArray[Any]) -> tuple[npt.NDArray[np.int32], list[Any]]:
    """Each value's code into the distinct values, numbered in order of first
    appearance (values of different types stay apart: ``1`` and ``"1"`` are two).

    A dictionary numbers the distinct values in one pass in C (``dict.fromkeys``) and
    looks each row up (``map``): some 50 ms a million rows, where sorting the strings
    themselves (``np.unique``) takes ten times longer. Unhashable values are numbered
    by ``np.unique`` of their text. A numpy string column (``<U``) is numbered by
    pyarrow's hash table where pyarrow is installed, without a Python string per row.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind == "U" and values.ndim == 1:
        coded = _arrow_codes(values)
        if coded is not None:
            return coded
    items = values.tolist() if isinstance(values, np.ndarray) else values
    try:
        distinct = list(dict.fromkeys(items))
        if all(type(value) is str for value in distinct):  # no 1 == True to tell apart
            index = {value: code for code, value in enumerate(distinct)}
            codes = np.fromiter(map(index.__getitem__, items), dtype=np.int32, count=len(items))
            return codes, distinct
        typed = {key: code for code, key in enumerate(dict.fromkeys(_typed(items)))}
    except TypeError:  # an unhashable value: numbered by its text
        texts = np.asarray([str(value) for value in items], dtype=str)
        names, inverse = np.unique(texts, return_inverse=True)
        return inverse.astype(np.int32).reshape(-1), names.tolist()
    codes = np.fromiter(map(typed.__getitem__, _typed(items)), dtype=np.int32, count=len(items))
    return codes, [value for _, value in typed]


def _arrow_codes(
    texts: npt.NDArray[np.str_],
) -> tuple[npt.NDArray[np.int32], list[Any]] | None:
    """:func:`factorize` of a numpy string column by pyarrow's dictionary encoding (the
    same codes, in order of first appearance); ``None`` without pyarrow."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return None
    encoded = pc.dictionary_encode(pa.array(texts, type=pa.string()))
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
    return codes, encoded.dictionary.to_pylist()


def _typed(items: Iterable[Any]) -> Iterator[tuple[type, Any]]:
    """Each value with its type, so that ``1``, ``1.0`` and ``True`` stay apart."""
    return zip(map(type, items), items, strict=True)


def kept(
    column: npt.NDArray[G], keep: npt.NDArray[np.bool_] | None, *, copy: bool = True
) -> npt.NDArray[G]:
    """The kept rows of a column (``None``: all), as a new read-only array; with
    ``copy=False`` a column kept whole is the column itself, made read-only (for a
    column its maker gives away)."""
    if keep is None:
        return _readonly(column.copy() if copy else column)
    return _readonly(column[keep])


def stripped(texts: npt.NDArray[np.str_]) -> npt.NDArray[np.str_]:
    """A numpy string column with each text stripped as ``str.strip`` strips it: the
    column itself when no text starts or ends with a space (the common case: only the
    first and last character of each text are looked at), else a new column."""
    width = texts.dtype.itemsize // 4
    if texts.dtype.kind != "U" or not width or not len(texts) or not texts.dtype.isnative:
        return np.strings.strip(texts)
    points = np.ascontiguousarray(texts).view(np.uint32).reshape(len(texts), width)
    lengths = np.strings.str_len(texts)
    last = points[np.arange(len(texts)), np.maximum(lengths - 1, 0)]
    ends = np.concatenate([points[:, 0], last]).view("<U1")
    if np.strings.isspace(ends).any():
        return np.strings.strip(texts)
    return texts


def kept_labels(column: Categories, keep: npt.NDArray[np.bool_] | None) -> Categories:
    """The kept rows of a categorical column (a column of one shared zero stays so)."""
    codes = column.codes
    if codes.strides == (0,) or not len(codes):
        count = len(codes) if keep is None else int(np.count_nonzero(keep))
        return Categories(zeros(count, np.int32), column.categories)
    return Categories(kept(codes, keep), column.categories)


def rows_of(n: int) -> Phrase:
    """What a column of a workforce of ``n`` agents must be: ``n`` rows."""
    return Phrase(
        "a column of {n} rows",
        "une colonne de {rows}",
        n=n,
        rows=french_count(n, "ligne", "lignes"),
    )


def row_positions(
    rows: npt.ArrayLike, n: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """The positions of the rows to take from columns of ``n`` rows, and for each of those
    rows its position among the rows taken (-1: not taken). Positions are integers from
    0 to ``n - 1``, each at most once; anything else is an error naming ``rows``."""
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
            Phrase("each row position at most once", "chaque position de ligne au plus une fois"),
        )
    return index, position


def name_list(names: Any) -> list[Any]:
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


def labelled(column: Categories, wanted: Collection[str]) -> npt.NDArray[np.bool_]:
    """Rows of a categorical column whose category is in ``wanted``."""
    codes = [code for code, name in enumerate(column.categories) if name in wanted]
    if not codes:
        return np.zeros(len(column.codes), dtype=bool)
    table = np.zeros(len(column.categories), dtype=bool)
    table[codes] = True
    result: npt.NDArray[np.bool_] = table[column.codes]
    return result
