"""Agent documents read in bulk: the documents among the records of
:meth:`Workforce.from_records <teletravail.workforce.Workforce.from_records>`, read as
columns rather than agent by agent (:class:`DocumentColumns`), and a workforce written
back as documents (:func:`to_documents`).

A record is an agent document (:func:`is_document`) when it states its ``format`` (as
:meth:`Agent.to_dict <teletravail.workforce.Agent.to_dict>` writes it) or holds a
quantity as a table (``{"value": 28, "unit": "km"}``), which a flat record cannot.

Each key of a document is read by the description :meth:`Agent.from_dict
<teletravail.workforce.Agent.from_dict>` reads through (:func:`~.document.agent_table`),
once per distinct value of the key, so that a document is taken or refused for the same
reasons, and read to the same values, as ``Agent.from_dict`` would. Quantities written
as tables are read by unit: the numbers of one unit are converted together, once. The
values read become the cells the batch readers parse (:mod:`.reading`), beside the cells
of flat records.

A document refused, here or by the checks of the whole columns, is explained by
``Agent.from_dict`` itself (its key paths, its values, its words), so that the errors are
those of one document read alone; only a repeated id, which a document alone cannot
show, keeps the columns' error.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.documents import BAD, Context
from teletravail.errors import ConfigError, RowError, ValidationError, WorkforceError
from teletravail.messages import NNBSP, Phrase, either
from teletravail.units import as_quantity
from teletravail.week import weekdays_of_mask

from .agent import COMMUTE_MODES, DEROGATION_KINDS, QUANTITY_FIELDS, Agent
from .building import Errors
from .cells import InUnit
from .columns import Categories
from .document import AGENT_FORMAT, AGENT_FORMAT_VERSION, agent_table
from .fields import Category, ContractType, activities_from_shares, read_activities

if TYPE_CHECKING:
    from teletravail.units import Quantity

    from .table import Workforce

__all__ = ["DocumentColumns", "document_error", "is_document", "to_documents"]

_MISSING: Final = object()
W = TypeVar("W", bound="Workforce")
_SCALARS: Final = (str, int, float, bool)
#: The keys of a document that are not an agent's fields.
_NOT_CELLS: Final = frozenset({"format", "version"})


def is_document(record: Mapping[str, Any]) -> bool:
    """Whether a record is an agent document: it has a ``format`` key, or a quantity
    written as a table (``{"value": 28, "unit": "km"}``)."""
    if "format" in record:
        return True
    return any(isinstance(record.get(name), Mapping) for name in QUANTITY_FIELDS)


def _hashable(value: Any) -> Any:
    """A key telling ``value`` apart by type as well as value (``1``, ``1.0`` and ``True``
    read differently), or ``_MISSING`` for a value read each time (a table)."""
    kind = type(value)
    if value is None or kind in _SCALARS:
        return (kind, value)
    if (kind is list or kind is tuple) and all(type(item) in _SCALARS for item in value):
        return (kind, tuple((type(item), item) for item in value))
    return _MISSING


def _days(days: list[dt.date | None]) -> npt.NDArray[np.datetime64]:
    """Dates (or ``None``) as a ``datetime64[D]`` column (NaT for ``None``), each distinct
    date converted once."""
    table: dict[dt.date | None, int] = {}
    codes = [table.setdefault(day, len(table)) for day in days]
    distinct = np.array(list(table), dtype="datetime64[D]")
    result: npt.NDArray[np.datetime64] = distinct[np.array(codes, dtype=np.intp)]
    return result


def document_error(row: int, record: Mapping[str, Any]) -> RowError | None:
    """The error of ``record`` read alone by :meth:`Agent.from_dict`, as the bad row
    ``row`` (its key paths without a prefix: ``commute_distance.unit``); ``None`` when it
    reads alone."""
    try:
        Agent.from_dict(record, path="")
    except ConfigError as error:
        message = Phrase(
            "; ".join(str(problem) for problem in error.problems),
            f"{NNBSP}; ".join(problem.text("fr") for problem in error.problems),
        )
        first = error.problems[0]
        return RowError(row, first.path, first.value, message)
    except ValidationError as error:
        return RowError.from_error(row, error)
    return None


class DocumentColumns:
    """The agent documents of one input, kept by row (:meth:`add`) and read key by key
    into the input's columns of cells (:meth:`finish`): each distinct value of a key
    read once, the quantities written as tables converted unit by unit; a refused
    document is explained by :meth:`Agent.from_dict` (:meth:`refused`, :meth:`checked`)."""

    def __init__(self) -> None:
        table = agent_table(Agent)
        self.kinds = {key.name: key.kind for key in table.keys}
        self.required = tuple(key.name for key in table.keys if key.required)
        self.read: dict[str, dict[Any, Any]] = {name: {} for name in self.kinds}
        self.records: dict[int, Mapping[str, Any]] = {}

    def add(self, row: int, record: Mapping[str, Any]) -> None:
        """Keep the document of ``row``."""
        self.records[row] = record

    def finish(
        self,
        cells: dict[str, Any],
        units: dict[str, str | None],
        n: int,
        bad: list[int],
        errors: Errors,
    ) -> None:
        """Read the documents into ``cells`` (the columns of the input's ``n`` rows, each
        with its unit in ``units``), adding the rows of the documents refused to ``bad``;
        the quantity columns that hold only magnitudes in the workforce's units become
        float arrays, converted whole. ``errors`` is checked first."""
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, either("raise", "report"))
        records = list(self.records.items())
        refused: set[int] = set()
        for name in self.required:  # a document without it is refused
            refused.update(row for row, record in records if name not in record)
        present: set[Any] = set().union(*self.records.values())
        for name in sorted(present, key=str):
            rows = [row for row, record in records if name in record]
            if name not in self.kinds:  # an unknown key
                refused.update(rows)
                continue
            values = [record[name] for _, record in records if name in record]
            if name in _NOT_CELLS:
                refused.update(row for row, found in self._each(name, rows, values) if found is BAD)
            else:
                self._column(name, rows, values, cells, units, n, refused)
        bad.extend(sorted(refused))
        hired = cells.get("hire_date")
        if isinstance(hired, list) and all(type(day) is dt.date or day is None for day in hired):
            cells["hire_date"] = _days(hired)
        for name, (_, unit) in QUANTITY_FIELDS.items():
            column = cells.get(name)
            if column is None or units[name] != unit or isinstance(column, np.ndarray):
                continue
            if all(cell is None or type(cell) is float for cell in column):
                cells[name] = np.array(
                    [math.nan if cell is None else cell for cell in column], dtype=float
                )

    def _column(
        self,
        name: str,
        rows: list[int],
        values: list[Any],
        cells: dict[str, Any],
        units: dict[str, str | None],
        n: int,
        refused: set[int],
    ) -> None:
        """Write the ``values`` of key ``name`` at their ``rows`` of its column of cells,
        read by the key's description; a row whose value is refused joins ``refused``."""
        unit = QUANTITY_FIELDS[name][1] if name in QUANTITY_FIELDS else None
        column = cells.get(name)
        if column is None:
            column = cells[name] = [None] * n
            units[name] = unit
        wrap = units[name] != unit  # the column's first record gave another unit
        if name == "id":  # checked with the whole column, as the agent checks it
            for row, value in zip(rows, values, strict=True):
                if type(value) is str:
                    column[row] = value
                elif self._read(name, value) is BAD:
                    refused.add(row)
            return
        for row, found in self._each(name, rows, values):
            if found is BAD:
                refused.add(row)
            else:
                column[row] = InUnit(found, unit) if wrap else found

    def _each(self, name: str, rows: list[int], values: list[Any]) -> Iterator[tuple[int, Any]]:
        """Each row with its value of key ``name`` as read (``BAD``: refused), each
        distinct text read once, the quantities written as tables unit by unit."""
        texts: dict[str, Any] = {}
        measured = name in QUANTITY_FIELDS
        tables: dict[str, tuple[list[int], list[float]]] = {}
        scalars: dict[tuple[type, Any], Any] = {}
        for row, value in zip(rows, values, strict=True):
            kind = type(value)
            if kind is str:
                found = texts.get(value, _MISSING)
                if found is _MISSING:
                    found = texts[value] = self._read(name, value)
                yield row, found
                continue
            if kind is int or kind is bool or value is None:  # told apart by type: 1, True
                found = scalars.get((kind, value), _MISSING)
                if found is _MISSING:
                    found = scalars[kind, value] = self._read(name, value)
                yield row, found
                continue
            if measured and type(value) is dict and len(value) == 2:
                number, written = value.get("value"), value.get("unit")
                if type(written) is str and (type(number) is float or type(number) is int):
                    table = tables.get(written)
                    if table is None:
                        table = tables[written] = ([], [])
                    table[0].append(row)
                    table[1].append(number)
                    continue
            yield row, self._read(name, value)
        for written, (table_rows, numbers) in tables.items():  # each unit converted once
            magnitudes = self._converted(name, written, numbers)
            for row, number, magnitude in zip(table_rows, numbers, magnitudes, strict=True):
                if magnitude is None:  # read alone, as the description reads it
                    yield row, self._read(name, {"value": number, "unit": written})
                else:
                    yield row, magnitude

    def _read(self, name: str, value: Any) -> Any:
        """``value`` read by the description of key ``name`` (a quantity as its
        magnitude in the workforce's unit, NaN when unknown), or ``BAD``; each distinct
        value read once."""
        key = _hashable(value)
        cache = self.read[name]
        if key is not _MISSING:
            found = cache.get(key, _MISSING)
            if found is not _MISSING:
                return found
        ctx = Context()
        found = self.kinds[name].read(ctx, value, name)
        if ctx.problems:
            found = BAD
        elif name in QUANTITY_FIELDS and found is not BAD:
            found = math.nan if found is None else float(found.magnitude)
        if key is not _MISSING:
            cache[key] = found
        return found

    def _converted(self, name: str, unit: str, numbers: list[float]) -> list[float | None]:
        """The magnitudes of ``numbers`` in ``unit`` in the workforce's unit of field
        ``name``, as the field's converter gives them; ``None`` for a number to read alone
        (not finite, out of range for a float, or a unit that does not read)."""
        dimension, target = QUANTITY_FIELDS[name]
        try:  # the unit alone, as a quantity table's unit is read, then its dimension
            one = as_quantity(f"1 {unit}", field="unit", dimension=None) if unit.strip() else None
            if one is None or float(one.magnitude) != 1:
                return [None] * len(numbers)
            with np.errstate(all="ignore"):  # a number beyond a float is read alone
                quantity: Quantity = as_quantity(
                    one * np.array(numbers, dtype=float), field=name, dimension=dimension
                )
                magnitudes = np.asarray(quantity.m_as(target), dtype=float).tolist()
        except (ValidationError, ArithmeticError, ValueError, TypeError):
            return [None] * len(numbers)
        if name == "working_time":  # as the agent rounds it, to 1e-9 percent
            magnitudes = [round(m, 9) for m in magnitudes]
        return [m if math.isfinite(m) else None for m in magnitudes]

    def refused(self, rows: list[int]) -> list[RowError]:
        """The errors of the documents of ``rows``, as :meth:`Agent.from_dict` gives
        them."""
        errors = []
        for row in rows:
            error = document_error(row, self.records[row])
            if error is not None:
                errors.append(error)
        return errors

    def checked(self, workforce: W, errors: Errors) -> W:
        """``workforce`` (built with ``errors="report"`` when it holds documents) with
        each document's error as :meth:`Agent.from_dict` gives it, a document that reads
        alone (a repeated id) keeping the error of the columns; with ``errors="raise"``,
        the bad rows as one :class:`~teletravail.errors.WorkforceError`."""
        if not self.records:
            return workforce
        rejected = []
        for error in workforce.rejected:
            record = self.records.get(error.row)
            alone = None if record is None else document_error(error.row, record)
            rejected.append(error if alone is None else alone)
        if rejected and errors == "raise":
            raise WorkforceError(rejected)
        return attrs.evolve(workforce, rejected=tuple(rejected)) if rejected else workforce


def to_documents(workforce: Workforce) -> list[dict[str, Any]]:
    """One agent document per row of ``workforce``, as :meth:`Agent.to_dict` writes each
    (see :meth:`Workforce.to_documents
    <teletravail.workforce.Workforce.to_documents>`): written column by column, each
    distinct value of a coded column once, through the description ``Agent.to_dict``
    writes through."""
    kinds = {key.name: key.kind for key in agent_table(Agent).keys}
    ctx = Context()

    def written(name: str, values: Sequence[Any], codes: npt.NDArray[Any]) -> list[Any]:
        """Each row's value of key ``name``, from distinct ``values`` and row ``codes``;
        ``None`` (left out) for a value at its default, given as ``None``."""
        table = [None if v is None else kinds[name].write(ctx, v) for v in values]
        return [table[code] for code in codes.tolist()]

    def labels(column: Categories) -> list[Any]:
        return [c or None for c in column.categories] if column.categories else []

    n = len(workforce)
    columns: dict[str, list[Any]] = {
        "working_time": _measured(workforce.working_time_percent, "%", 100.0),
        "role": written("role", labels(workforce.role), workforce.role.codes),
        "tags": _tags(workforce),
        "commute_distance": _measured(workforce.commute_distance_km, "km"),
        "commute_time": _measured(workforce.commute_time_min, "min"),
        "commute_mode": written("commute_mode", [None, *COMMUTE_MODES[1:]], workforce.commute_mode),
        "volunteer": [None if v else False for v in workforce.volunteer.tolist()],
        "teleworkable_post": [None if v else False for v in workforce.teleworkable_post.tolist()],
        "derogations": _derogations(workforce),
        "requested_telework": _measured(
            workforce.requested_telework_workday_per_week, "workday/week"
        ),
        "pattern": written("pattern", workforce.pattern.values, workforce.pattern.codes),
        "days_off": written(
            "days_off",
            [weekdays_of_mask(mask) or None for mask in range(128)],
            workforce.days_off_mask,
        ),
        "absences": written("absences", workforce.absences.values, workforce.absences.codes),
        "telecentre_distance": _measured(workforce.telecentre_distance_km, "km"),
        "authorisation": written(
            "authorisation", workforce.authorisation.values, workforce.authorisation.codes
        ),
        "contract_type": written(
            "contract_type",
            [None if not c else ContractType(c) for c in workforce.contract_type.categories],
            workforce.contract_type.codes,
        ),
        "category": written(
            "category",
            [None if not c else Category(c) for c in workforce.category.categories],
            workforce.category.codes,
        ),
        "establishment": written(
            "establishment", labels(workforce.establishment), workforce.establishment.codes
        ),
        "activities": _activities(workforce),
    }
    present = [
        (name, values)
        for name, values in columns.items()
        if any(value is not None for value in values)
    ]
    days = np.datetime_as_string(workforce.hire_date, unit="D").tolist()
    documents = []
    for row, (agent_id, hired) in enumerate(zip(workforce.ids.tolist(), days, strict=True)):
        document: dict[str, Any] = {
            "format": AGENT_FORMAT,
            "version": AGENT_FORMAT_VERSION,
            "id": agent_id,
            "hire_date": hired,
        }
        for name, values in present:
            value = values[row]
            if value is not None:  # a list or a table of its own for each document
                document[name] = value.copy() if type(value) in (list, dict) else value
        documents.append(document)
    assert len(documents) == n
    return documents


def _measured(
    magnitudes: npt.NDArray[np.float64], unit: str, default: float = math.nan
) -> list[dict[str, Any] | None]:
    """A quantity column as tables (``None``: unknown, or at its ``default``)."""
    return [
        None
        if magnitude != magnitude or magnitude == default
        else {"value": int(magnitude) if magnitude.is_integer() and abs(magnitude) < 1e15
              else magnitude, "unit": unit}
        for magnitude in magnitudes.tolist()
    ]  # fmt: skip


def _tags(workforce: Workforce) -> list[list[str] | None]:
    """Each row's tags, sorted (``None``: none)."""
    names = workforce.tag_names
    if not names:
        return [None] * len(workforce)
    return [
        sorted(name for name, on in zip(names, row, strict=True) if on) or None
        for row in workforce.tags.tolist()
    ]


def _derogations(workforce: Workforce) -> list[list[str] | None]:
    """Each row's derogations as ``kind:start/end`` texts (``None``: none)."""
    found: list[list[str] | None] = [None] * len(workforce)
    starts = np.datetime_as_string(workforce.derogation_start, unit="D").tolist()
    ends = workforce.derogation_end
    end_texts = np.datetime_as_string(ends, unit="D").tolist()
    for row, kind, start, end, open_ended in zip(
        workforce.derogation_row.tolist(),
        workforce.derogation_kind.tolist(),
        starts,
        end_texts,
        np.isnat(ends).tolist(),
        strict=True,
    ):
        text = f"{DEROGATION_KINDS[kind].value}:{start}/{'' if open_ended else end}"
        held = found[row]
        if held is None:
            found[row] = [text]
        else:
            held.append(text)
    return found


def _activities(workforce: Workforce) -> list[list[str] | None]:
    """Each row's activities with their shares, as the agent writes them (``None``: not
    stated)."""
    names = workforce.activity_names
    if not names:
        return [None] * len(workforce)
    table: dict[tuple[float, ...], list[str] | None] = {}
    result = []
    for shares in map(tuple, workforce.activity_shares.tolist()):
        if shares not in table:
            activities = read_activities(activities_from_shares(names, shares))
            table[shares] = [str(a) for a in activities] or None
        result.append(table[shares])
    return result
