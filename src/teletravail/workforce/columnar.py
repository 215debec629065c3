"""Registers read whole, column by column, with pyarrow: the fast path of the readers.

A CSV text is split into cells by pyarrow's CSV reader, which reads a million rows in
a fraction of a second, and every cell is kept as text: the cells are then read by the
same rules as the per-cell reader's, but a column at a time (:func:`cells_of`):

* the ids as one numpy string column, stripped whole;
* a number column whose name (or mapping) gives the unit, converted whole where a cell
  is a plain number (the digits 0 to 9, a decimal point or comma), the other cells
  left to the per-cell reader, which gives them their error (:class:`.PartlyTyped`);
* any other column dictionary-encoded: its distinct cells (a few thousand hire dates,
  a dozen roles) are read once each by the per-cell readers (:class:`.CodedCells`).

pyarrow splits a line on its delimiter only where the per-cell reader would split it
the same way: the lines are looked at first (:func:`csv_table`), and those with a
quote, more or fewer cells than the header, a length over the limit, or nothing but
spaces, are left to the Python reader, line by line (``hard`` rows). The rows come out
in file order, numbered as the Python reader numbers them: the same rows and errors,
whichever reader runs.

Parquet and ``.xlsx`` tables come here as pyarrow columns too (:func:`arrow_cells`):
typed columns (numbers, dates, booleans) convert whole; text is read as above.

pyarrow is optional (the ``parquet`` extra, and the ``test`` extra): :func:`available`
says whether it is installed, and without it the Python reader reads everything.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .agent import QUANTITY_FIELDS
from .parsing import Cells, CodedCells, PartlyTyped, TextCells

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BLOCK_BYTES",
    "PLAIN_DECIMAL",
    "CsvTable",
    "arrow_cells",
    "available",
    "cells_of",
    "coded",
    "csv_table",
    "release_memory",
]

#: The bytes of CSV text pyarrow reads at a time (a progress hook hears of each block).
BLOCK_BYTES = 1 << 21

#: A cell the columnar reader converts to a number itself: the per-cell reader's plain
#: number (:data:`~teletravail.workforce.cells.PLAIN_NUMBER`) without an exponent and
#: with at most 15 digits before the decimal mark, where both read the same float; any
#: other cell is left to the per-cell reader.
PLAIN_DECIMAL = r"^[+-]?(?:[0-9]{1,15}(?:[.,][0-9]{0,20})?|[.,][0-9]{1,20})$"

_ASCII_SPACE = frozenset(b" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
_LONE_CR = re.compile(b"\r(?!\n)")


def available() -> bool:
    """Whether pyarrow is installed (the columnar reader needs it)."""
    try:
        from pyarrow import csv  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return False
    return csv is not None


def release_memory() -> None:
    """Give pyarrow's memory pool's unused memory back to the system: the pool keeps the
    memory of the cells it has let go for its next tables, memory the numpy columns
    built from them cannot use."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


class CsvTable:
    """The rows of a CSV text after its header: ``table``, pyarrow's columns of the rows
    it split (every cell as text, the columns named by their position, ``c0``...);
    ``easy``, the row number of each of them (``None``: rows 0 to ``n - 1`` in order);
    ``hard``, the other rows (a row number and its line, for the Python reader); and
    ``n``, the rows in all (the non-blank lines)."""

    def __init__(
        self,
        table: pa.Table,
        easy: npt.NDArray[np.intp] | None,
        hard: list[tuple[int, str]],
        n: int,
    ) -> None:
        self.table = table
        self.easy = easy
        self.hard = hard
        self.n = n

    def column(self, position: int, hard_cells: Sequence[str | None]) -> pa.Array:
        """The column at ``position``, every row in order: the cells pyarrow split, and
        ``hard_cells`` (one per hard row; ``None`` for a row that does not split)."""
        import pyarrow as pa

        split = self.table.column(f"c{position}").combine_chunks()
        if not self.hard:
            return split
        import pyarrow.compute as pc

        both = pa.concat_arrays([split, pa.array(list(hard_cells), type=pa.string())])
        where = np.empty(self.n, dtype=np.int64)
        assert self.easy is not None  # hard rows make the rows' numbers explicit
        where[self.easy] = np.arange(len(self.easy))
        where[[row for row, _ in self.hard]] = np.arange(len(self.hard)) + len(self.easy)
        return pc.take(both, pa.array(where))


def csv_table(
    body: str | bytes,
    delimiter: str,
    width: int,
    used: Sequence[int],
    progress: Callable[[int], object] | None = None,
) -> CsvTable | None:
    """The rows of ``body`` (a CSV text after its header line, of ``width`` columns,
    or that text encoded in UTF-8), the columns at the positions ``used`` split by
    pyarrow, or ``None`` when the text is one the columnar reader leaves to the Python
    reader whole: a NUL, a carriage return that ends no line, a header of one column (a
    blank line would be a row). ``progress`` hears of the rows split, block by block."""
    if isinstance(body, str):
        try:
            data = body.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, from a text stream
            return None
    else:
        data = body
    lone_cr = b"\r" in data and _LONE_CR.search(data)
    if b"\x00" in data or width < 2 or len(delimiter) != 1 or lone_cr:
        return None
    import pyarrow as pa
    from pyarrow import csv as pv

    names = [f"c{i}" for i in range(width)]
    read = pv.ReadOptions(column_names=names, block_size=BLOCK_BYTES, use_threads=True)

    def parse_options(handler: Callable[[object], str] | None = None) -> Any:
        return pv.ParseOptions(
            delimiter=delimiter,
            quote_char=False,
            double_quote=False,
            escape_char=False,
            newlines_in_values=False,
            ignore_empty_lines=True,
            invalid_row_handler=handler,
        )

    wanted = [names[i] for i in used]
    convert = pv.ConvertOptions(
        column_types=dict.fromkeys(wanted, pa.string()),
        include_columns=wanted,
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
    )
    longest = _longest_line(data)
    if b'"' not in data and longest <= _MOST_LINE_BYTES:
        invalid: list[object] = []

        def refuse(row: object) -> str:
            invalid.append(row)
            return "skip"

        table = _read(pa.py_buffer(data), read, parse_options(refuse), convert, progress)
        if not invalid:  # every line split as the Python reader splits it
            return CsvTable(table, None, [], table.num_rows)
    easy, hard, n = _lines(data, delimiter, width)
    kept = _keep_lines(data, easy) if len(easy) else b""
    table = _read(pa.py_buffer(kept), read, parse_options(), convert, progress)
    rows = easy["row"].astype(np.intp)
    if table.num_rows != len(rows):  # (pyarrow disagrees on a line: leave it all to Python)
        return None
    return CsvTable(table, rows, hard, n)


#: A line longer than this many bytes may be longer than the Python reader's limit on
#: characters (:data:`~teletravail.workforce.reading.MOST_ROW_CHARACTERS`): it is left
#: to the Python reader, which counts its characters.
_MOST_LINE_BYTES = 131_072


def _read(
    data: pa.Buffer,
    read: Any,
    parse: Any,
    convert: Any,
    progress: Callable[[int], object] | None,
) -> pa.Table:
    """pyarrow's CSV reader over ``data``, block by block, ``progress`` told of each."""
    import pyarrow as pa
    from pyarrow import csv as pv

    if not data.size:
        names = convert.include_columns
        return pa.table({name: pa.array([], type=pa.string()) for name in names})
    reader = pv.open_csv(
        pa.BufferReader(data), read_options=read, parse_options=parse, convert_options=convert
    )
    batches = []
    done = 0
    for batch in reader:
        batches.append(batch)
        done += batch.num_rows
        if progress is not None:
            progress(done)
    return pa.Table.from_batches(batches, schema=reader.schema)


def _longest_line(data: bytes) -> int:
    """The bytes of the longest line of ``data``."""
    if len(data) <= _MOST_LINE_BYTES:
        return len(data)
    breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    ends = np.concatenate([breaks, [len(data)]])
    starts = np.concatenate([[0], breaks + 1])
    return int((ends - starts).max())


_LINE = np.dtype([("row", np.int64), ("start", np.int64), ("end", np.int64)])


def _lines(
    data: bytes, delimiter: str, width: int
) -> tuple[npt.NDArray[Any], list[tuple[int, str]], int]:
    """The lines of ``data`` told apart: those pyarrow splits as the Python reader would
    (as records of their row number and their bytes' span), the others (with their
    row number and text), and the number of rows (non-blank lines)."""
    raw = np.frombuffer(data, dtype=np.uint8)
    breaks = np.flatnonzero(raw == 10)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(raw)]])
    if len(raw) and raw[-1] == 10:  # the text after the last line break is no line
        starts, ends = starts[:-1], ends[:-1]
    content = ends - ((ends > starts) & (raw[np.maximum(ends - 1, 0)] == 13))

    def count(byte: int) -> npt.NDArray[np.int64]:
        at = np.flatnonzero(raw == byte)
        found: npt.NDArray[np.int64] = np.searchsorted(at, content) - np.searchsorted(at, starts)
        return found

    hard = (
        (count(ord(delimiter)) != width - 1)
        | (count(34) > 0)
        | (content - starts > _MOST_LINE_BYTES)
    )
    blank = np.zeros(len(starts), dtype=bool)
    texts: dict[int, str] = {}
    for index in np.flatnonzero(hard).tolist():
        line = data[starts[index] : content[index]].decode("utf-8")
        if line.strip():
            texts[index] = line
        else:
            blank[index] = True
    row = np.cumsum(~blank) - 1
    easy = np.zeros(int(np.count_nonzero(~hard)), dtype=_LINE)
    easy["row"] = row[~hard]
    easy["start"] = starts[~hard]
    easy["end"] = np.minimum(ends[~hard] + 1, len(raw))  # the line with its break
    return easy, [(int(row[i]), text) for i, text in texts.items()], int(np.count_nonzero(~blank))


def _keep_lines(data: bytes, easy: npt.NDArray[Any]) -> bytes:
    """The bytes of the ``easy`` lines of ``data`` alone, in order."""
    raw = np.frombuffer(data, dtype=np.uint8)
    lengths = easy["end"] - easy["start"]
    keep = np.repeat(easy["start"] - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    keep += np.arange(len(keep))
    kept: bytes = raw[keep].tobytes()
    if kept and kept[-1:] != b"\n":
        kept += b"\n"
    return kept


def cells_of(column: pa.Array, field: str, unit: str | None) -> Cells:
    """A column of text cells (as split from a CSV text, or a text column of a table)
    in the form the per-cell readers take, read by the same rules (see the module)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if field == "id" and column.null_count == 0 and not _has_nul(column):
        return TextCells(_string_array(column))
    if field in QUANTITY_FIELDS and unit is not None:
        trimmed = pc.ascii_trim_whitespace(column)
        plain = pc.fill_null(pc.match_substring_regex(trimmed, PLAIN_DECIMAL), False)
        empty = pc.fill_null(pc.equal(trimmed, ""), False)
        if column.null_count:
            empty = pc.or_(empty, pc.is_null(column))
        numbers = pc.cast(
            pc.replace_substring(pc.if_else(plain, trimmed, pa.scalar("nan")), ",", "."),
            pa.float64(),
        )
        values = numbers.to_numpy(zero_copy_only=False).copy()
        undecided = ~(plain.to_numpy(zero_copy_only=False) | empty.to_numpy(zero_copy_only=False))
        values[empty.to_numpy(zero_copy_only=False)] = math.nan
        where = np.flatnonzero(undecided)
        cells = pc.take(column, pa.array(where)).to_pylist() if len(where) else []
        return PartlyTyped(values, where, cells)
    encoded = pc.dictionary_encode(column, null_encoding="encode")
    indices = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    return CodedCells(indices, encoded.dictionary.to_pylist())


def _has_nul(column: pa.Array) -> bool:
    import pyarrow.compute as pc

    found = pc.any(pc.match_substring(column, "\x00")).as_py()
    return bool(found)


def _string_array(column: pa.Array) -> npt.NDArray[np.str_]:
    """A pyarrow column of text as a numpy string array, built from its buffers where
    its text is ASCII (one gather, no Python string), else through Python strings."""
    import pyarrow as pa

    if column.type == pa.large_string():
        column = column.cast(pa.string())
    n = len(column)
    if not n:
        return np.array([], dtype=str)
    _, offsets_buffer, data_buffer = column.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[column.offset : column.offset + n + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else None
    if data is None or not len(data):
        return np.full(n, "", dtype="<U1")
    text = data[offsets[0] : offsets[-1]]
    if text.size and text.max() >= 0x80:
        return np.array(column.to_pylist(), dtype=str)
    lengths = np.diff(offsets).astype(np.int64)
    width = max(int(lengths.max()), 1)
    matrix: npt.NDArray[np.uint8]
    if int(lengths.min()) == width:  # every id of one length: the bytes are the matrix
        matrix = text
    else:  # each id's bytes moved to the start of its row of ``width`` bytes
        matrix = np.zeros(n * width, dtype=np.uint8)
        shift = np.arange(n, dtype=np.int64) * width - (offsets[:-1] - offsets[0])
        matrix[np.repeat(shift, lengths) + np.arange(len(text), dtype=np.int64)] = text
    return np.ascontiguousarray(matrix).view(f"S{width}").reshape(n).astype(f"U{width}")


def coded(field: str, unit: str | None) -> bool:
    """Whether a column of ``field`` is read as codes, each distinct value once (not the
    ids, a value a row, nor numbers with their unit, converted whole)."""
    return field != "id" and not (field in QUANTITY_FIELDS and unit is not None)


def arrow_cells(column: pa.ChunkedArray | pa.Array, field: str, unit: str | None) -> Cells:
    """A column of a Parquet or spreadsheet table in the form the per-cell readers take:
    numbers for a quantity named with its unit, dates for the hire date and booleans for
    a flag convert whole; text is read as a CSV column (:func:`cells_of`); any other
    column is dictionary-encoded, each distinct value read once (a column of the wrong
    type gives every row its error, as the same values given one by one)."""
    import pyarrow as pa

    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    kind = column.type
    if pa.types.is_dictionary(kind):
        if coded(field, unit) and not column.null_count:  # each code read once
            return _dictionary_cells(column)
        column = column.dictionary_decode()
        kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return cells_of(column, field, unit)
    numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind)
    if field in QUANTITY_FIELDS and unit is not None and numeric:
        values = column.cast(pa.float64()).to_numpy(zero_copy_only=False)
        return np.where(np.isnan(values), math.nan, values)
    if field == "hire_date" and pa.types.is_date(kind):
        days: npt.NDArray[Any] = column.cast(pa.date32()).to_numpy(zero_copy_only=False)
        return days.astype("datetime64[D]")
    if field == "hire_date" and pa.types.is_timestamp(kind) and kind.tz is None:
        stamps: npt.NDArray[Any] = column.to_numpy(zero_copy_only=False)
        return stamps  # (a time of day in it is an error of its row)
    flag = field in ("volunteer", "teleworkable_post")
    if flag and pa.types.is_boolean(kind) and not column.null_count:
        flags: npt.NDArray[np.bool_] = column.to_numpy(zero_copy_only=False)
        return flags
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column, null_encoding="encode")
    indices = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    return CodedCells(indices, encoded.dictionary.to_pylist())


def _dictionary_cells(column: pa.DictionaryArray) -> CodedCells:
    """A dictionary-encoded column (a Parquet file's codes, roles) as its codes and the
    values they use, each read once by the per-cell readers: no cell decoded."""
    indices = column.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    used = np.bincount(indices, minlength=len(column.dictionary)) > 0
    renumber = np.cumsum(used) - 1
    values = column.dictionary.filter(used).to_pylist()
    return CodedCells(renumber[indices].astype(np.intp, copy=False), values)
