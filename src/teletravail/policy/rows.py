"""A workforce's assessment row by row, as every input row came: the figures of each
agent assessed, or the error of a row that could not be read or assessed.

Two forms of the same rows, for the two kinds of output:

- :func:`flat_rows`: one record per row with plain cells, units in the column names
  (:data:`~teletravail.statuses.ROW_COLUMNS`: ``distance_km``, ``allowance_eur``), for
  CSV and spreadsheets (``teletravail assess``);
- :func:`rows_document`: the JSON document ``teletravail.assessment.rows``
  (:meth:`BatchAssessment.to_dict <teletravail.policy.batch.BatchAssessment.to_dict>`,
  ``teletravail assess --format json``, the web service's batch answer), each figure in
  the shape of every document of the library: ``{"value": 28.0, "unit": "km"}``, money
  ``{"value": "264.96", "unit": "EUR"}``, a bad row's error as its code, field, value
  and messages.

Both come from :func:`_cells`, so that a figure is the same in CSV, in JSON and through
:meth:`~teletravail.policy.batch.BatchAssessment.explain`. No row is dropped: a row
read but not assessable is ``invalid``, a row that could not be read ``rejected``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from teletravail.documents import (
    Choice,
    Day,
    Key,
    ListOf,
    Measure,
    Money,
    Nullable,
    Number,
    Table,
    Text,
    cents_text,
    heading_keys,
    unchanged,
)
from teletravail.statuses import ROW_COLUMNS, RowStatus

if TYPE_CHECKING:
    from teletravail.errors import RowError
    from teletravail.policy.batch import BatchAssessment

__all__ = [
    "ROWS",
    "ROWS_SCHEMA",
    "ROWS_SCHEMA_VERSION",
    "ROW_FIGURES",
    "document_rows",
    "flat_rows",
    "rows_document",
    "rows_head",
]

#: The name of the rows document.
ROWS_SCHEMA: Final = "teletravail.assessment.rows"
#: Its version: 5 since every figure is ``{"value", "unit"}`` (money an exact amount)
#: and a bad row's error is a table of its code, field, value and messages; 4 since a
#: row that could not be read is ``rejected``.
ROWS_SCHEMA_VERSION: Final = 5

#: The figures of a row of the document: its key, the flat column it shares its
#: figure with, and its unit (``EUR``: an exact amount of money).
ROW_FIGURES: Final = (
    ("asked", "asked_workday_per_week", "workday/week"),
    ("granted", "granted_workday_per_week", "workday/week"),
    ("days", "days_workday", "workday"),
    ("allowance", "allowance_eur", "EUR"),
    ("employer_costs", "employer_costs_eur", "EUR"),
    ("distance", "distance_km", "km"),
    ("time", "time_h", "h"),
    ("net_emissions", "net_kg_co2e", "kg CO2e"),
    ("saved", "saved_eur", "EUR"),
)


class _Row:
    """One row's cells, before they are written in either form."""

    __slots__ = ("agent_id", "error", "failures", "figures", "population", "row", "status")

    def __init__(
        self,
        row: int,
        agent_id: str | None,
        status: str,
        population: str | None,
        failures: list[str],
        figures: tuple[Any, ...] | None,
        error: RowError | None,
    ) -> None:
        self.row, self.agent_id, self.status = row, agent_id, status
        self.population, self.failures = population, failures
        self.figures, self.error = figures, error

    def head(self) -> dict[str, Any]:
        """The cells both forms open a row with: its number, id, status, population and
        the rules in the way."""
        return {
            "row": self.row,
            "id": self.agent_id,
            "status": self.status,
            "population": self.population,
            "failures": self.failures,
        }


def _cells(
    batch: BatchAssessment,
    ids: Sequence[str | None] | None,
    progress: Callable[[int], None] | None,
) -> Iterator[_Row]:
    """Every input row, in input order: its figures in plain units (asked, granted and
    days as floats, allowance and employer costs in cents, distance, time and emissions
    as floats, money saved as cents or None), or its error."""
    workforce = batch.decisions.workforce
    total = len(workforce) + len(workforce.rejected)
    if ids is not None and len(ids) != total:
        from teletravail.errors import ValidationError
        from teletravail.messages import Phrase

        raise ValidationError(
            "ids",
            len(ids),
            Phrase("one id per input row, {n}", "un identifiant par ligne lue, {n}", n=total),
        )
    position = np.full(total, -1, dtype=np.int64)
    position[workforce.source_rows] = np.arange(len(workforce))
    errors = {e.row: e for e in (*workforce.rejected, *batch.errors)}
    invalid, rejected = RowStatus.INVALID.value, RowStatus.REJECTED.value
    statuses = batch.statuses().tolist()
    eligible = batch.decisions.eligible.tolist()
    asked = batch.asked.tolist()
    granted, days = batch.granted.tolist(), batch.days.tolist()
    impact = batch.impact
    km, hours, net = impact.km.tolist(), impact.hours.tolist(), impact.net_kg.tolist()
    saved: list[int | None]
    if impact.eur is None:
        saved = [None] * len(workforce)
    else:  # an estimate in euros, written to the cent
        saved = [None if math.isnan(e) else round(e * 100) for e in impact.eur.tolist()]
    allowance = batch.allowance_cents.tolist()
    employer = batch.employer_cents.tolist()
    populations = batch.population.tolist()
    agent_ids = workforce.ids.tolist()
    for row, where in enumerate(position.tolist()):
        if where < 0 or statuses[where] == invalid:
            yield _Row(
                row,
                (ids[row] if ids is not None else None) if where < 0 else str(agent_ids[where]),
                rejected if where < 0 else invalid,
                None if where < 0 else populations[where],
                [],
                None,
                errors[row],
            )
        else:
            if eligible[where]:
                failures = list(batch.quota_failures(where))
            else:
                failures = list(batch.decisions.failures(where))
            yield _Row(
                row,
                str(agent_ids[where]),
                statuses[where],
                populations[where],
                failures,
                (
                    asked[where],
                    granted[where],
                    days[where],
                    allowance[where],
                    employer[where],
                    km[where],
                    hours[where],
                    net[where],
                    saved[where],
                ),
                None,
            )
        if progress is not None:
            progress(row + 1)


def flat_rows(
    batch: BatchAssessment,
    ids: Sequence[str | None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """One record per input row, in input order, with the columns of
    :data:`~teletravail.statuses.ROW_COLUMNS`: numbers as floats, money as exact text
    (``"264.96"``), ``None`` where a cell is empty (an ask not stated, the figures of a
    bad row), a bad row's error as its English message. ``ids`` gives the ids of the rows
    that could not be read (by default they have none); ``progress`` is told each row
    written."""
    empty = dict.fromkeys(ROW_COLUMNS[5:-1])
    for cells in _cells(batch, ids, progress):
        record = cells.head()
        if cells.figures is None:
            assert cells.error is not None  # a row without figures is a bad row
            record.update(empty)
            record["error"] = cells.error.message
            yield record
            continue
        a, g, d, allowance, employer, km, hours, net, saved = cells.figures
        record.update(
            asked_workday_per_week=None if math.isnan(a) else a,
            granted_workday_per_week=g,
            days_workday=d,
            allowance_eur=cents_text(allowance),
            employer_costs_eur=cents_text(employer),
            distance_km=km,
            time_h=hours,
            net_kg_co2e=net,
            saved_eur=None if saved is None else saved / 100,
            error=None,
        )
        yield record


def document_rows(
    batch: BatchAssessment,
    ids: Sequence[str | None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """The rows of :func:`rows_document`, one at a time (for a writer that streams)."""
    nothing = {key: None for key, _, _ in ROW_FIGURES}
    for cells in _cells(batch, ids, progress):
        record = cells.head()
        if cells.figures is None:
            assert cells.error is not None  # a row without figures is a bad row
            record.update(nothing)
            record["error"] = cells.error.to_dict()
            yield record
            continue
        a, g, d, allowance, employer, km, hours, net, saved = cells.figures
        # written inline (x != x: NaN, not known): this loop writes a register's rows
        record["asked"] = {"value": None if a != a else a, "unit": "workday/week"}
        record["granted"] = {"value": None if g != g else g, "unit": "workday/week"}
        record["days"] = {"value": None if d != d else d, "unit": "workday"}
        record["allowance"] = {"value": cents_text(allowance), "unit": "EUR"}
        record["employer_costs"] = {"value": cents_text(employer), "unit": "EUR"}
        record["distance"] = {"value": None if km != km else km, "unit": "km"}
        record["time"] = {"value": None if hours != hours else hours, "unit": "h"}
        record["net_emissions"] = {"value": None if net != net else net, "unit": "kg CO2e"}
        record["saved"] = None if saved is None else {"value": cents_text(saved), "unit": "EUR"}
        record["error"] = None
        yield record


def rows_head(batch: BatchAssessment, ids: Sequence[str | None] | None = None) -> dict[str, Any]:
    """The document's keys before its rows: its name and version, the policy, the date,
    the period, the counts of rows and the populations that hold no agent."""
    workforce = batch.decisions.workforce
    read = len(workforce) + len(workforce.rejected) if ids is None else len(ids)
    failed = len(workforce.rejected) + len(batch.errors)
    return {
        "schema": ROWS_SCHEMA,
        "schema_version": ROWS_SCHEMA_VERSION,
        "policy": batch.policy.name,
        "on": batch.on.isoformat(),
        "period": {"start": batch.start.isoformat(), "end": batch.end.isoformat()},
        "rows_read": read,
        "assessed": read - failed,
        "failed": failed,
        "unmatched_populations": list(batch.unmatched),
        "shadowed_populations": list(batch.shadowed),
    }


def rows_document(
    batch: BatchAssessment,
    ids: Sequence[str | None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """The JSON document of every input row (``teletravail.assessment.rows``): the
    head (:func:`rows_head`), then ``rows``, each with its row number, id, status,
    population, the rules in the way, its figures with their units, and the error of a
    bad row."""
    head = rows_head(batch, ids)
    return {**head, "rows": list(document_rows(batch, ids, progress))}


_NULL_TEXT: Final = Nullable(Text(empty=True))
_ERROR: Final = Table(
    "error",
    "What is wrong with a bad row.",
    [
        Key("row", Number(0, 1e18, whole=True), "the row's number, from 0", True),
        Key("code", Text(), "the stable code of the error's kind", True),
        Key("field", Text(empty=True), "the field in error", True),
        Key("value", Text(empty=True), "the value as written", True),
        Key("message", Text(), "what is wrong, in English", True),
        Key("message_fr", Text(), "what is wrong, in French", True),
    ],
    unchanged,
    unchanged,
    french="erreur",
)


def _figure(unit: str) -> Nullable:
    return Nullable(Money() if unit == "EUR" else Measure(unit))


_ROW: Final = Table(
    "row",
    "One input row: the agent's figures, or the error of a bad row.",
    [
        Key("row", Number(0, 1e18, whole=True), "the input row's number, from 0", True),
        Key("id", _NULL_TEXT, "the agent's id (null: a row read without one)", True),
        Key("status", Choice([s.value for s in RowStatus]), "what became of the row", True),
        Key("population", _NULL_TEXT, "the agent's population (null: none)", True),
        Key("failures", ListOf(Text()), "the codes of the rules in the way", True),
        *(
            Key(key, _figure(unit), f"{key.replace('_', ' ')} (null: a bad row)", True)
            for key, _, unit in ROW_FIGURES
        ),
        Key("error", Nullable(_ERROR), "what is wrong with a bad row (null: none)", True),
    ],
    unchanged,
    unchanged,
    french="ligne",
)
_SPAN: Final = Table(
    "period",
    "The days assessed, first and last included.",
    [Key("start", Day(), "the first day", True), Key("end", Day(), "the last day", True)],
    unchanged,
    unchanged,
    french="période",
)
_COUNT: Final = Number(0, 1e18, whole=True)

#: The description of the rows document (:func:`rows_document`), for its JSON Schema
#: and to check a document read back.
ROWS: Final = Table(
    "rows",
    "A register's assessment, row by row, in input order.",
    [
        *heading_keys(ROWS_SCHEMA, ROWS_SCHEMA_VERSION),
        Key("policy", Text(), "the name of the policy", True),
        Key("on", Day(), "the date of the eligibility decisions", True),
        Key("period", _SPAN, "the days assessed", True),
        Key("rows_read", _COUNT, "the input rows", True),
        Key("assessed", _COUNT, "the rows assessed", True),
        Key("failed", _COUNT, "the bad rows (rejected or invalid)", True),
        Key("unmatched_populations", ListOf(Text()), "populations that select no agent", True),
        Key(
            "shadowed_populations",
            ListOf(Text()),
            "populations whose agents all belong to earlier ones",
            True,
        ),
        Key("rows", ListOf(_ROW), "every input row, in input order", True),
    ],
    unchanged,
    unchanged,
    french="lignes",
)
