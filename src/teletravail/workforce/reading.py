"""Records, CSV and pandas into a workforce: the readers behind
:meth:`Workforce.from_records <teletravail.workforce.Workforce.from_records>`,
:meth:`~teletravail.workforce.Workforce.from_csv` and
:meth:`~teletravail.workforce.Workforce.from_pandas`.

Each input is first resolved against its columns (:class:`~.plan.ColumnPlan`: an
unknown or repeated column is an error for the whole input), then gathered into raw
columns of cells, parsed column by column (:mod:`.parsing`) and handed to
:meth:`~teletravail.workforce.Workforce.from_columns`. A row that cannot be read is a
bad row, with its number, and the others are still read: a CSV row with more or fewer
cells than the header, a quote left open on its line, a row longer than
:data:`MOST_ROW_CHARACTERS` (each an :class:`UnreadableRow` among the records).

A CSV file's text is UTF-8 (a byte order mark dropped) or, when its bytes are not,
Windows-1252, what French spreadsheets export (:func:`read_text`). :func:`from_csv` is
the package's one CSV reader, behind :meth:`Workforce.from_csv
<teletravail.workforce.Workforce.from_csv>`, :func:`~teletravail.workforce.io.read_workforce`
and the command line: it reports its progress to a hook (:data:`ProgressHook`) and gives,
when asked, each row's id cell as written, for the rows it sets aside.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from teletravail.errors import RowError, UnitError, ValidationError
from teletravail.messages import NBSP, NNBSP, Phrase, either, grouped, system_reason
from teletravail.units import Q_, as_quantity
from teletravail.units import unit as _unit

from .agent import (
    COMMUTE_TIME_UNIT,
    DISTANCE_UNIT,
    QUANTITY_FIELDS,
    REQUESTED_TELEWORK_UNIT,
    WORKING_TIME_UNIT,
    read_absences,
    read_authorisation,
    read_commute_mode,
    read_days_off,
    read_derogations,
    read_pattern,
    read_role,
    read_tags,
)
from .building import Errors
from .cells import InUnit
from .document_columns import DocumentColumns, is_document
from .fields import category_value, contract_value, read_activities, read_establishment
from .parsing import Parser
from .plan import EXPECTED_TEXT_NAMES, ColumnPlan, Columns

if TYPE_CHECKING:
    import pandas as pd

    from .table import Workforce

__all__ = [
    "EXTRA_CELLS",
    "MISSING_CELL",
    "MOST_ROW_CHARACTERS",
    "ProgressHook",
    "UnreadableRow",
    "csv_records",
    "from_csv",
    "from_pandas",
    "from_records",
    "read_text",
]


#: csv.DictReader's markers (``restkey``, ``restval``) for a row longer, or shorter,
#: than the header: a reader of CSV rows passes them, and bad rows are told apart.
EXTRA_CELLS = "\x00extra"
MISSING_CELL = "\x00short"


#: A reader's progress hook: called as ``progress(done, total)``, first with ``done`` 0
#: before any row, then after each data row read, ``total`` being the data rows of the
#: input (its non-blank lines after the header).
ProgressHook = Callable[[int, int], object]

_REQUIRED = ("id", "hire_date")
_FLAGS = ("volunteer", "teleworkable_post")


def _absent(cells: Mapping[str, Any]) -> tuple[str, ...]:
    """The required fields an input has no column for."""
    return tuple(field for field in _REQUIRED if field not in cells)


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
            raise ValidationError("record", key, EXPECTED_TEXT_NAMES)
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
    # pandas is an optional dependency (the pandas extra): imported when a frame is read
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


def from_records(
    cls: type[Workforce],
    records: Iterable[Mapping[str, Any] | UnreadableRow],
    *,
    errors: Errors = "raise",
    ignore_columns: Collection[str] = (),
    columns: Columns | None = None,
) -> Workforce:
    """A workforce of class ``cls`` from dicts (or CSV rows), one per agent: the reading
    behind :meth:`Workforce.from_records <teletravail.workforce.Workforce.from_records>`,
    which says what the keys and cells may be."""
    plan = ColumnPlan(columns, ignore_columns)
    cells: dict[str, list[Any]] = {}
    units: dict[str, str | None] = {}
    problems: list[RowError] = []
    bad: list[int] = []
    refused: list[int] = []  # agent documents that do not read
    seen_keys: set[str] = set()
    documents = DocumentColumns()
    n = 0
    for row, record in enumerate(records):
        n = row + 1
        if isinstance(record, Mapping) and is_document(record):
            documents.add(row, record)  # read key by key once every record is in
            values = {}
        else:
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
    if documents.records:  # their quantities read by unit, their errors as read alone
        documents.finish(cells, units, n, refused, errors)
        problems.extend(documents.refused(refused))
        bad.extend(refused)
    flags = np.zeros(n, dtype=bool)
    flags[bad] = True
    workforce = _from_cells(
        cls,
        cells,
        units,
        n,
        bad=flags,
        problems=problems,
        rows=np.arange(n, dtype=np.int64),
        errors="report" if documents.records else errors,
        absent=_absent(cells),
    )
    return documents.checked(workforce, errors)


def _from_cells(
    cls: type[Workforce],
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
    column = Parser(n, bad, problems, rows)
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


def from_csv(
    cls: type[Workforce],
    source: str | Path | IO[str] | IO[bytes],
    *,
    errors: Errors = "raise",
    ignore_columns: Collection[str] = (),
    delimiter: str | None = None,
    columns: Columns | None = None,
    encoding: str | None = None,
    progress: ProgressHook | None = None,
    id_cells: list[str] | None = None,
) -> Workforce:
    """A workforce of class ``cls`` from a CSV file or stream: its text is read
    (:func:`read_text`), its header checked first, then its rows read as records (see
    :meth:`Workforce.from_csv <teletravail.workforce.Workforce.from_csv>`), with
    ``progress`` told of each row and each row's id cell added to ``id_cells``."""
    text = read_text(source, encoding)
    header, lines, delimiter = _split(text, delimiter)
    fields = ColumnPlan(columns, ignore_columns).header(header)
    records = _rows(header, lines, delimiter)
    if progress is not None or id_cells is not None:
        id_column = fields["id"][0] if "id" in fields else None
        total = sum(1 for line in lines if line.strip()) if progress is not None else 0
        records = _watched(records, id_column, progress, id_cells, total)
    return cls.from_records(records, errors=errors, ignore_columns=ignore_columns, columns=columns)


def _watched(
    records: Iterator[dict[str, Any] | UnreadableRow],
    id_column: str | None,
    progress: ProgressHook | None,
    id_cells: list[str] | None,
    total: int,
) -> Iterator[dict[str, Any] | UnreadableRow]:
    """The records, each row's id cell added to ``id_cells`` (stripped; empty where the
    row has none, or could not be split) and ``progress`` told as each is read."""
    if progress is not None:
        progress(0, total)
    for done, record in enumerate(records, 1):
        if id_cells is not None:
            cell = record.get(id_column) if isinstance(record, dict) and id_column else None
            id_cells.append(cell.strip() if isinstance(cell, str) and cell != MISSING_CELL else "")
        if progress is not None:
            progress(done, total)
        yield record


def from_pandas(
    cls: type[Workforce],
    frame: pd.DataFrame,
    *,
    errors: Errors = "raise",
    ignore_columns: Collection[str] = (),
    columns: Columns | None = None,
) -> Workforce:
    """A workforce of class ``cls`` from a pandas DataFrame (see
    :meth:`Workforce.from_pandas <teletravail.workforce.Workforce.from_pandas>`): typed
    columns are converted whole, the others read cell by cell."""
    # pandas is an optional dependency (the pandas extra): imported when a frame is read
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
    return _from_cells(
        cls,
        cells,
        units,
        n,
        bad=np.zeros(n, dtype=bool),
        problems=[],
        rows=np.arange(n, dtype=np.int64),
        errors=errors,
        absent=_absent(cells),
    )


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
    header, lines, delimiter = _split(text, delimiter)
    return header, _rows(header, lines, delimiter)


def _split(text: str, delimiter: str | None) -> tuple[list[str], list[str], str]:
    """The header of a CSV text, its lines after the header, and its delimiter (guessed
    from the header among ``,``, ``;`` and tab when not given)."""
    lines = _LINE_BREAK.split(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return [], [], delimiter or ","
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
    del lines[0]
    return header, lines, delimiter


def _rows(
    header: list[str], lines: list[str], delimiter: str
) -> Iterator[dict[str, Any] | UnreadableRow]:
    """The records of the lines after a CSV header (see :func:`csv_records`)."""
    width = len(header)
    for line in lines:
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
