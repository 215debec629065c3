"""Reading workforces at the edges: CSV, Parquet and ``.xlsx`` files, bad rows kept
with their number.

:func:`read_workforce` reads a file into a :class:`~teletravail.workforce.Workforce`.
The format follows the suffix (``.csv``, ``.tsv``, ``.txt``; ``.parquet``, ``.pq``;
``.xlsx``) unless given. By default (``errors="report"``) no row is dropped silently:
the good rows make the workforce and every bad one is listed in
``workforce.rejected`` with its row number (data rows counted from 0, the header
excluded), its field and its message. A file that cannot be read at all raises a
:class:`~teletravail.errors.RegisterError` naming the file, the column, and how many
rows were not read.

CSV files are read column by column with pyarrow when it is installed
(:mod:`.columnar`). Parquet files are read with pyarrow (the ``parquet`` extra); only
the columns the workforce uses are read, so a register with many other columns costs no
more. ``.xlsx`` workbooks are read with python-calamine (the ``xlsx`` extra: a reader
written in Rust, which pandas also uses, fast and reading the merged cells it must
refuse), the first sheet, its first row the header.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Any, Literal

from teletravail.errors import RegisterError, ValidationError
from teletravail.messages import Phrase

from . import columnar
from .building import Errors
from .plan import ColumnPlan, Columns
from .reading import ProgressHook
from .table import Workforce

__all__ = ["Format", "read_workforce"]

#: The file formats :func:`read_workforce` reads.
Format = Literal["csv", "parquet", "xlsx"]

_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
}


def _format(path: Path, given: str | None) -> Format:
    if given is not None:
        if given not in ("csv", "parquet", "xlsx"):
            raise ValidationError(
                "format", given, Phrase("csv, parquet or xlsx", "csv, parquet ou xlsx")
            )
        return given  # type: ignore[return-value]
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ValidationError(
            "format",
            path.suffix or str(path),
            Phrase(
                "a file ending in .csv, .tsv, .txt, .parquet, .pq or .xlsx (or"
                " format='csv'/'parquet'/'xlsx')",
                "un fichier dont le nom finit par .csv, .tsv, .txt, .parquet, .pq ou .xlsx"
                " (ou format='csv'/'parquet'/'xlsx')",
            ),
        )
    return found


def read_workforce(
    source: str | Path,
    *,
    columns: Columns | None = None,
    errors: Errors = "report",
    ignore_columns: Collection[str] = (),
    format: Format | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    progress: ProgressHook | None = None,
    id_cells: list[str] | None = None,
) -> Workforce:
    """Read a workforce from a CSV, Parquet or ``.xlsx`` file (a CSV file in UTF-8 or,
    failing that, Windows-1252, unless ``encoding`` is given; see
    :meth:`Workforce.from_csv <teletravail.workforce.Workforce.from_csv>`).

    ``columns`` maps the file's column names to fields, with their unit where the name
    does not say it (see :meth:`Workforce.from_records
    <teletravail.workforce.Workforce.from_records>`); ``ignore_columns`` lists columns to
    skip. With ``errors="report"`` (the default here) bad rows are kept aside in
    ``rejected``; with ``errors="raise"`` a :class:`~teletravail.errors.WorkforceError`
    lists them all. A file that cannot be read at all (an encoding not known, an
    unknown column, a bad mapping, merged header cells) raises a
    :class:`~teletravail.errors.RegisterError` naming the file, the column, and the
    file's rows, none of them read.

    ``progress`` and ``id_cells`` are those of :meth:`Workforce.from_csv
    <teletravail.workforce.Workforce.from_csv>`, for a file of any format.
    """
    path = Path(source)
    kind = _format(path, format)
    if not path.is_file():
        raise ValidationError(
            "source", str(path), Phrase("a file that exists", "un fichier qui existe")
        )
    if kind != "csv":
        what = "Parquet" if kind == "parquet" else "Excel"
        for name, given, french in (
            ("delimiter", delimiter, "aucun séparateur"),
            ("encoding", encoding, "aucun encodage"),
        ):
            if given is not None:
                raise ValidationError(
                    name,
                    given,
                    Phrase(
                        "no {name} for a {what} file",
                        "{french} pour un fichier {what}",
                        name=name,
                        what=what,
                        french=french,
                    ),
                )
    try:
        if kind == "csv":
            return Workforce.from_csv(
                path,
                errors=errors,
                ignore_columns=ignore_columns,
                delimiter=delimiter,
                columns=columns,
                encoding=encoding,
                progress=progress,
                id_cells=id_cells,
            )
        read = _read_parquet if kind == "parquet" else _read_xlsx
        workforce = read(path, columns, errors, ignore_columns)
    except RegisterError:
        raise
    except ValidationError as exc:
        raise RegisterError(
            str(path), exc.field, exc.value, exc.expected, _rows(path, kind)
        ) from None
    if progress is not None:
        rows = len(workforce) + len(workforce.rejected)
        progress(0, rows)
        progress(rows, rows)
    if id_cells is not None:
        id_cells.extend(_id_cells(workforce))
    return workforce


def _id_cells(workforce: Workforce) -> list[str]:
    """Each row's id as read (a table keeps no id for a row set aside: empty)."""
    rows = len(workforce) + len(workforce.rejected)
    cells = [""] * rows
    for row, agent_id in zip(workforce.source_rows.tolist(), workforce.ids.tolist(), strict=True):
        cells[row] = agent_id
    return cells


def _rows(path: Path, kind: Format) -> int:
    """The data rows of a file that could not be read (its non-blank lines after the
    header, its table's rows), for the error that says none was read; 0 if unknown."""
    try:
        if kind == "csv":
            lines = [line for line in path.read_bytes().splitlines() if line.strip(b" \t\x00")]
            return max(len(lines) - 1, 0)
        if kind == "parquet":
            import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

            return int(pq.read_metadata(path).num_rows)
        from python_calamine import CalamineWorkbook

        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return max(int(sheet.height) - 1, 0)
    except Exception:  # the file is the problem already reported: no count then
        return 0


def _read_xlsx(
    path: Path, columns: Columns | None, errors: Errors, ignore_columns: Collection[str]
) -> Workforce:
    """The first sheet of a workbook, its first row the header: merged header cells are
    refused (the columns they would name are not known); rows with every cell empty are
    no rows, as blank lines of a CSV file; the cells keep the types the workbook gives
    them (a date, a number, text), an id written as a whole number read as its digits."""
    try:  # python-calamine is an optional dependency (the xlsx extra)
        from python_calamine import CalamineWorkbook
    except ImportError as exc:
        raise ValidationError("format", "xlsx", _extra("xlsx")) from exc
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        merged = sheet.merged_cell_ranges or []
        cells = sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # calamine's errors are its own classes
        raise ValidationError(
            "source",
            str(path),
            Phrase("an .xlsx workbook ({why})", "un classeur .xlsx lisible ({why})", why=str(exc)),
        ) from None
    header_row = cells[0] if cells else []
    for (top, left), (_, right) in merged:
        if top == 0:
            names = [str(header_row[c]) for c in range(left, right + 1) if c < len(header_row)]
            raise ValidationError(
                "header",
                names[0] if names else left,
                Phrase(
                    "a header without merged cells (columns {first} to {last} are merged)",
                    "un en-tête sans cellules fusionnées (les colonnes {first} à {last} le sont)",
                    first=_column_letter(left),
                    last=_column_letter(right),
                ),
            )
    header = [str(name).strip() if name != "" else "" for name in header_row]
    fields = ColumnPlan(columns, ignore_columns).header(header)
    id_position = header.index(fields["id"][0]) if "id" in fields else -1
    records = []
    for row in cells[1:]:
        if all(cell == "" for cell in row):
            continue
        record: dict[str, Any] = {}
        for position, (name, cell) in enumerate(zip(header, row, strict=False)):
            value: Any = cell
            if cell == "":
                value = None
            elif position == id_position and isinstance(cell, float) and cell.is_integer():
                value = str(int(cell))
            elif isinstance(cell, dt.datetime) and cell.time() == dt.time():
                value = cell.date()
            record[name] = value
        records.append(record)
    return Workforce.from_records(
        records, errors=errors, ignore_columns=ignore_columns, columns=columns
    )


def _column_letter(position: int) -> str:
    """A spreadsheet's name of a column: A, B, ... Z, AA, AB..."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _read_parquet(
    path: Path, columns: Columns | None, errors: Errors, ignore_columns: Collection[str]
) -> Workforce:
    try:  # pyarrow is an optional dependency (the parquet extra)
        import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise ValidationError("format", "parquet", _extra("parquet")) from exc
    try:
        names = pq.read_schema(path).names
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        raise ValidationError(
            "source",
            str(path),
            Phrase(
                "a Parquet file ({why})",
                "un fichier Parquet lisible (pyarrow ne sait pas le lire)",
                why=str(exc),
            ),
        ) from None
    # resolve the header first: the mapping is checked, and only used columns are read
    fields = ColumnPlan(columns, ignore_columns).header(names)
    # text columns of codes (roles, dates, flags as text) read as Parquet stores them,
    # dictionary-encoded: each distinct value read once, no cell decoded
    coded = [name for field, (name, unit) in fields.items() if columnar.coded(field, unit)]
    used = [column for column, _ in fields.values()]
    table = pq.read_table(path, columns=used, read_dictionary=coded)
    wanted = {name: spec for name, spec in (columns or {}).items() if spec is not None}
    workforce = Workforce.from_arrow(table, columns=wanted, errors=errors)
    del table  # the file's columns let go, and pyarrow's pool given back: the workforce
    columnar.release_memory()  # holds numpy columns of its own
    return workforce


def _extra(name: str) -> Phrase:
    return Phrase(
        "the {extra!r} extra: {command}",
        "les dépendances facultatives {extra!r}\u00a0: {command}",
        extra=name,
        command=f"pip install 'teletravail[{name}]'",
    )
