"""Reading workforces at the edges: CSV and Parquet files, bad rows kept with their number.

:func:`read_workforce` reads a file into a :class:`~teletravail.workforce.Workforce`.
The format follows the suffix (``.csv``, ``.tsv``, ``.txt``; ``.parquet``, ``.pq``)
unless given. By default (``errors="report"``) no row is dropped silently: the good
rows make the workforce and every bad one is listed in ``workforce.rejected`` with its
row number (data rows counted from 0, the header excluded), its field and its message.

Parquet files are read with pandas and pyarrow (the ``parquet`` extra); only the columns
the workforce uses are read, so a register with many other columns costs no more.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal

from teletravail.errors import ValidationError
from teletravail.messages import Phrase, either

from .building import Errors
from .plan import ColumnPlan, Columns
from .table import Workforce

__all__ = ["Format", "read_workforce"]

#: The file formats :func:`read_workforce` reads.
Format = Literal["csv", "parquet"]

_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def _format(path: Path, given: str | None) -> Format:
    if given is not None:
        if given not in ("csv", "parquet"):
            raise ValidationError("format", given, either("csv", "parquet"))
        return given  # type: ignore[return-value]
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ValidationError(
            "format",
            path.suffix or str(path),
            Phrase(
                "a file ending in .csv, .tsv, .txt, .parquet or .pq (or format='csv'/'parquet')",
                "un fichier dont le nom finit par .csv, .tsv, .txt, .parquet ou .pq (ou"
                " format='csv'/'parquet')",
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
) -> Workforce:
    """Read a workforce from a CSV or Parquet file (a CSV file in UTF-8 or, failing
    that, Windows-1252, unless ``encoding`` is given; see
    :meth:`Workforce.from_csv <teletravail.workforce.Workforce.from_csv>`).

    ``columns`` maps the file's column names to fields, with their unit where the name
    does not say it (see :meth:`Workforce.from_records
    <teletravail.workforce.Workforce.from_records>`); ``ignore_columns`` lists columns to
    skip. With ``errors="report"`` (the default here) bad rows are kept aside in
    ``rejected``; with ``errors="raise"`` a :class:`~teletravail.errors.WorkforceError`
    lists them all. A file that cannot be read at all, an unknown column or a bad
    mapping raise a :class:`~teletravail.errors.ValidationError`.
    """
    path = Path(source)
    kind = _format(path, format)
    if not path.is_file():
        raise ValidationError(
            "source", str(path), Phrase("a file that exists", "un fichier qui existe")
        )
    if kind == "csv":
        return Workforce.from_csv(
            path,
            errors=errors,
            ignore_columns=ignore_columns,
            delimiter=delimiter,
            columns=columns,
            encoding=encoding,
        )
    if delimiter is not None:
        raise ValidationError(
            "delimiter",
            delimiter,
            Phrase("no delimiter for a Parquet file", "aucun séparateur pour un fichier Parquet"),
        )
    if encoding is not None:
        raise ValidationError(
            "encoding",
            encoding,
            Phrase("no encoding for a Parquet file", "aucun encodage pour un fichier Parquet"),
        )
    return _read_parquet(path, columns, errors, ignore_columns)


def _read_parquet(
    path: Path, columns: Columns | None, errors: Errors, ignore_columns: Collection[str]
) -> Workforce:
    try:  # pandas and pyarrow are optional dependencies (the parquet extra)
        import pandas as pd
        import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise ValidationError(
            "format",
            "parquet",
            Phrase(
                "the {extra!r} extra: {command}",
                "les dépendances facultatives {extra!r}\u00a0: {command}",
                extra="parquet",
                command="pip install 'teletravail[parquet]'",
            ),
        ) from exc
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
    used = [column for column, _ in ColumnPlan(columns, ignore_columns).header(names).values()]
    frame = pd.read_parquet(path, engine="pyarrow", columns=used)
    wanted = {k: v for k, v in (columns or {}).items() if v is not None}
    return Workforce.from_pandas(frame, errors=errors, columns=wanted)
