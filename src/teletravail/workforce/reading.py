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

import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from teletravail.errors import RowError, UnitError, ValidationError
from teletravail.messages import NBSP, NNBSP, Phrase, either
from teletravail.units import Q_, as_quantity
from teletravail.units import unit as _unit

from . import building
from . import columnar as _columnar
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
from .csvtext import (
    EXTRA_CELLS,
    MISSING_CELL,
    MOST_ROW_CHARACTERS,
    UnreadableRow,
    csv_records,
    head,
    read_text,
    split,
)
from .csvtext import rows as line_records
from .document_columns import DocumentColumns, is_document
from .fields import category_value, contract_value, read_activities, read_establishment
from .parsing import Cells, Parser, TextCells
from .plan import EXPECTED_TEXT_NAMES, ColumnPlan, Columns

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.units import Quantity

    from .table import Workforce

__all__ = [
    "EXTRA_CELLS",
    "MISSING_CELL",
    "MOST_ROW_CHARACTERS",
    "ProgressHook",
    "UnreadableRow",
    "csv_records",
    "from_arrow",
    "from_csv",
    "from_pandas",
    "from_records",
    "read_text",
]


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
    header_checked: bool = False,
) -> Workforce:
    """A workforce of class ``cls`` from dicts (or CSV rows), one per agent: the reading
    behind :meth:`Workforce.from_records <teletravail.workforce.Workforce.from_records>`,
    which says what the keys and cells may be. ``header_checked``: the records are the
    rows of a CSV text whose header has every mapped column (even if no row could be
    split into cells)."""
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
    if n and not header_checked:
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


def _no_column(field: str) -> Phrase:
    """Why a required field is missing from every row: its column is not there."""
    return Phrase(
        "a value (required; there is no {field} column)",
        "une valeur (obligatoire" + NNBSP + "; il n'y a pas de colonne {field})",
        field=field,
    )


def _from_cells(
    cls: type[Workforce],
    cells: Mapping[str, Cells],
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
    id_cells = cells.get("id")
    if isinstance(id_cells, TextCells):  # a columnar reader's ids, stripped whole
        stripped_ids = column.required_text("id", id_cells, None)
        id_cells.raw = stripped_ids  # the cells as written are no longer needed
        id_codes, id_values = np.zeros(0, dtype=np.intp), list[Any]()
    else:
        id_codes, id_values = column.codes(id_cells)
        column.require("id", id_codes, id_values, _no_column("id") if "id" in absent else None)
    hire_codes, hire_values = column.codes(cells.get("hire_date"))
    why = _no_column("hire_date") if "hire_date" in absent else None
    column.require("hire_date", hire_codes, hire_values, why)
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
    whole = kept == n  # every row kept: the columns are given as they are, not copied
    ids: list[str] | npt.NDArray[np.str_]
    if isinstance(id_cells, TextCells):
        ids = stripped_ids if whole else stripped_ids[keep]
        del stripped_ids
        id_cells.raw = ids
    else:  # a list, not a numpy column: numpy would drop a trailing NUL before it is seen
        ids = [str(v).strip() for v in (id_values[c] for c in id_codes[keep].tolist())]

    def quantity(name: str, unit: str) -> Quantity | None:
        """A quantity column of the kept rows (the column of every row let go once
        taken); an absent one takes from_columns' default."""
        column = magnitudes.pop(name)
        return Q_(column if whole else column[keep], unit) if name in cells else None

    # an absent column is left to from_columns, which gives it its default without a
    # column of the input's length made here first; the columns made here are given
    # away (copy=False): the workforce holds them, uncopied
    return building.from_columns(
        cls,
        copy=False,
        ids=ids if kept else np.array([], dtype=str),
        hire_date=hire if whole else hire[keep],
        working_time=quantity("working_time", WORKING_TIME_UNIT),
        role=roles.categories(keep) if "role" in cells else None,
        tags=tags.tag_matrix(keep) if "tags" in cells else None,
        commute_distance=quantity("commute_distance", DISTANCE_UNIT),
        commute_time=quantity("commute_time", COMMUTE_TIME_UNIT),
        commute_mode=modes.values(keep) if "commute_mode" in cells else None,
        volunteer=volunteers[keep] if "volunteer" in cells else None,
        teleworkable_post=posts[keep] if "teleworkable_post" in cells else None,
        derogations=derogations.derogations(keep) if "derogations" in cells else None,
        requested_telework=quantity("requested_telework", REQUESTED_TELEWORK_UNIT),
        pattern=patterns.values(keep) if "pattern" in cells else None,
        days_off=off.values(keep) if "days_off" in cells else None,
        telecentre_distance=quantity("telecentre_distance", DISTANCE_UNIT),
        absences=absences.values(keep) if "absences" in cells else None,
        authorisation=authorised.values(keep) if "authorisation" in cells else None,
        contract_type=contracts.categories(keep) if "contract_type" in cells else None,
        category=categories.categories(keep) if "category" in cells else None,
        establishment=sites.categories(keep) if "establishment" in cells else None,
        activities=activities.values(keep) if "activities" in cells else None,
        errors=errors,
        source_rows=rows if whole else rows[keep],
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
    columnar: bool | None = None,
) -> Workforce:
    """A workforce of class ``cls`` from a CSV file or stream: its text is read
    (:func:`read_text`), its header checked first, then its rows read (see
    :meth:`Workforce.from_csv <teletravail.workforce.Workforce.from_csv>`), with
    ``progress`` told of the rows read and each row's id cell added to ``id_cells``.

    With pyarrow installed the rows are split and their cells read column by column
    (:mod:`.columnar`); without it, or with ``columnar=False``, row by row as records.
    Both give the same workforce and the same errors (``columnar=True`` requires
    pyarrow)."""
    text = read_text(source, encoding)
    plan = ColumnPlan(columns, ignore_columns)
    if columnar is None:
        columnar = _columnar.available()
    elif columnar and not _columnar.available():
        raise ValidationError("columnar", True, _PYARROW)
    if columnar:
        line, body = head(text)
        header, _, found = split(line, delimiter)
        fields = plan.header(header)
        if header and len(set(header)) == len(header):
            # the text handed over, not kept here: it is let go once pyarrow has it
            held, text, body = [body], "", ""
            read = _columnar_csv(cls, held, header, found, fields, plan, errors, progress, id_cells)
            if read is not None:
                return read
            text = line + held[0]
    header, lines, delimiter = split(text, delimiter)
    fields = plan.header(header)
    records = line_records(header, lines, delimiter)
    if progress is not None or id_cells is not None:
        id_column = fields["id"][0] if "id" in fields else None
        total = sum(1 for line in lines if line.strip()) if progress is not None else 0
        records = _watched(records, id_column, progress, id_cells, total)
    return from_records(
        cls,
        records,
        errors=errors,
        ignore_columns=ignore_columns,
        columns=columns,
        header_checked=True,
    )


#: What reading column by column needs.
_PYARROW = Phrase(
    "pyarrow installed (the {extra!r} extra: {command})",
    "pyarrow installé (les dépendances facultatives {extra!r}" + NBSP + ": {command})",
    extra="parquet",
    command="pip install 'teletravail[parquet]'",
)


def _columnar_csv(
    cls: type[Workforce],
    held: list[str],
    header: list[str],
    delimiter: str,
    fields: Mapping[str, tuple[str, str | None]],
    plan: ColumnPlan,
    errors: Errors,
    progress: ProgressHook | None,
    id_cells: list[str] | None,
) -> Workforce | None:
    """The rows of a CSV text split by pyarrow and read column by column
    (:mod:`.columnar`), the lines it leaves aside read as records here; ``None`` when
    the text is one to read row by row whole. ``held`` holds the text after the header,
    and is emptied while pyarrow reads it (it holds the same text again for ``None``)."""
    body = held[0]
    position = {name: index for index, name in enumerate(header)}
    used = sorted({position[name] for name, _ in fields.values()})
    total = 0  # the lines after the header, less the empty ones (counted exactly below)
    if progress is not None and body.strip():
        total = body.count("\n") + (not body.endswith(("\n", "\r"))) - body.count("\n\n")
    told = None if progress is None else _Blocks(progress, total)
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from a text stream: row by row
        return None
    del body
    held.clear()  # the text let go: pyarrow reads its bytes, not both at once
    table = _columnar.csv_table(data, delimiter, len(header), used, told)
    if table is None:
        held.append(data.decode("utf-8"))  # (the same text, given back)
        return None
    del data
    n = table.n
    bad = np.zeros(n, dtype=bool)
    problems: list[RowError] = []
    seen: set[str] = set()
    hard_cells: dict[str, list[str | None]] = {field: [] for field in fields}
    hard_ids: list[str] = []
    id_name = fields["id"][0] if "id" in fields else None
    for (row, _), record in zip(
        table.hard, line_records(header, [line for _, line in table.hard], delimiter), strict=True
    ):
        cell = record.get(id_name) if isinstance(record, dict) and id_name else None
        hard_ids.append(cell.strip() if isinstance(cell, str) and cell != MISSING_CELL else "")
        try:
            values = _record_cells(record, plan, seen)
        except ValidationError as exc:
            problems.append(RowError.from_error(row, exc))
            bad[row] = True
            values = {}
        for field, found in hard_cells.items():
            found.append(values[field][1] if field in values else "")
    cells: dict[str, Cells] = {}
    units: dict[str, str | None] = {}
    id_column = column = None
    for field, (name, unit) in fields.items():
        column = table.column(position[name], hard_cells[field])
        if field == "id":
            id_column = column
        cells[field], units[field] = _columnar.cells_of(column, field, unit), unit
    if id_cells is not None:
        if id_column is None:
            id_cells.extend([""] * n)
        else:
            written = np.strings.strip(np.asarray(id_column.to_pylist(), dtype=object).astype(str))
            texts = written.tolist() if n else []
            for (row, _), cell in zip(table.hard, hard_ids, strict=True):
                texts[row] = cell
            id_cells.extend(texts)
    del table, id_column, column  # pyarrow's columns let go: the cells hold their own
    _columnar.release_memory()
    workforce = _from_cells(
        cls,
        cells,
        units,
        n,
        bad=bad,
        problems=problems,
        rows=np.arange(n, dtype=np.int64),
        errors=errors,
        absent=_absent(cells),
    )
    if told is not None:  # the rows read, counted exactly
        told.tell(n, n)
    return workforce


def from_arrow(
    cls: type[Workforce],
    table: Any,
    *,
    errors: Errors = "raise",
    ignore_columns: Collection[str] = (),
    columns: Columns | None = None,
) -> Workforce:
    """A workforce of class ``cls`` from a pyarrow Table (a Parquet file's, a
    spreadsheet's; see :meth:`Workforce.from_arrow
    <teletravail.workforce.Workforce.from_arrow>`): typed columns convert whole, text
    is read column by column as a CSV file's (:func:`.columnar.arrow_cells`)."""
    if not _columnar.available():
        raise ValidationError("table", type(table).__name__, _PYARROW)
    import pyarrow as pa

    if not isinstance(table, pa.Table):
        raise ValidationError(
            "table", type(table).__name__, Phrase("a pyarrow Table", "une table pyarrow")
        )
    names = table.column_names
    repeated = [name for name in names if names.count(name) > 1]
    if repeated:
        raise ValidationError(
            "columns",
            repeated[0],
            Phrase("column names used once", "des noms de colonnes employés une seule fois"),
        )
    fields = ColumnPlan(columns, ignore_columns).header(names)
    n = table.num_rows
    cells: dict[str, Cells] = {}
    units: dict[str, str | None] = {}
    for field, (name, unit) in fields.items():
        cells[field], units[field] = _columnar.arrow_cells(table.column(name), field, unit), unit
    return _every_row(cls, cells, units, n, errors)


def _every_row(
    cls: type[Workforce],
    cells: Mapping[str, Cells],
    units: Mapping[str, str | None],
    n: int,
    errors: Errors,
) -> Workforce:
    """The workforce of a table whose ``n`` rows were all split into cells (a pyarrow
    table, a DataFrame): none set aside yet, each row its own."""
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


class _Blocks:
    """A progress hook told of the rows split so far, never fewer than it heard before
    (the columnar reader may split a text twice), and last of every row, once."""

    def __init__(self, progress: ProgressHook, total: int) -> None:
        self.progress = progress
        self.total = total
        self.last = (0, total)
        progress(*self.last)

    def __call__(self, done: int) -> None:
        if done > self.last[0]:
            self.tell(done, max(self.total, done))

    def tell(self, done: int, total: int) -> None:
        if (done, total) != self.last:
            self.last = (done, total)
            self.progress(done, total)


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
    return _every_row(cls, cells, units, n, errors)
