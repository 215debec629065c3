"""A batch of agent documents read and assessed: every agent of the request comes out,
in its order, as a row of the batch document (``teletravail.assessment.rows``, the
document ``teletravail assess --format json`` writes): its status and figures, or the
error that kept it from being read or assessed.

An agent that does not read is a ``rejected`` row with its error at its key path
(``agents[3].hire_date``); the others are assessed together, on the workforce's
columns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

import attrs
import numpy as np

from teletravail.errors import RowError, ValidationError
from teletravail.money import as_decimal
from teletravail.policy import BatchAssessment, Policy
from teletravail.statuses import RowStatus
from teletravail.workforce import Agent, Workforce

__all__ = ["ROWS_SCHEMA_VERSION", "ROW_COLUMNS", "assess_documents", "read_agents"]

#: The version of the batch document (that of ``assess --format json``).
ROWS_SCHEMA_VERSION: Final = 4
#: The members of each row.
ROW_COLUMNS: Final = (
    "row",
    "id",
    "status",
    "population",
    "failures",
    "asked_workday_per_week",
    "granted_workday_per_week",
    "days_workday",
    "allowance_eur",
    "employer_costs_eur",
    "distance_km",
    "time_h",
    "net_kg_co2e",
    "saved_eur",
    "error",
)


def read_agents(documents: Sequence[Any]) -> tuple[Workforce, list[str]]:
    """The workforce of the agent ``documents`` that read, each bad one a rejected row
    of it (its error at ``agents[i]...``), and every document's id as given."""
    agents: list[Agent] = []
    rows: list[int] = []
    rejected: list[RowError] = []
    ids: list[str] = []
    for row, data in enumerate(documents):
        given = data.get("id") if isinstance(data, dict) else None
        ids.append(given if isinstance(given, str) else "")
        try:
            agents.append(Agent.from_dict(data, path=f"agents[{row}]"))
        except ValidationError as error:
            rejected.append(RowError.from_error(row, error))
        else:
            rows.append(row)
    workforce = Workforce.from_agents(agents)
    return attrs.evolve(
        workforce, source_rows=np.asarray(rows, dtype=np.int64), rejected=tuple(rejected)
    ), ids


def _none_if_nan(values: list[float]) -> list[float | None]:
    return [None if math.isnan(value) else value for value in values]


def _rows(batch: BatchAssessment, ids: list[str]) -> list[dict[str, Any]]:
    workforce = batch.decisions.workforce
    position = np.full(len(ids), -1, dtype=np.int64)
    position[workforce.source_rows] = np.arange(len(workforce))
    errors = {e.row: e.message for e in (*workforce.rejected, *batch.errors)}
    statuses = batch.statuses().tolist()
    eligible = batch.decisions.eligible.tolist()
    asked = _none_if_nan(batch.asked.tolist())
    granted, days = batch.granted.tolist(), batch.days.tolist()
    impact = batch.impact
    km, hours, net = impact.km.tolist(), impact.hours.tolist(), impact.net_kg.tolist()
    saved = None if impact.eur is None else impact.eur.tolist()
    allowance, employer = batch.allowance_cents.tolist(), batch.employer_cents.tolist()
    populations = batch.population.tolist()
    empty = dict.fromkeys(ROW_COLUMNS[5:-1])
    invalid = RowStatus.INVALID.value
    found: list[dict[str, Any]] = []
    for row, where in enumerate(position.tolist()):
        if where < 0 or statuses[where] == invalid:
            found.append(
                {
                    "row": row,
                    "id": ids[row] if where < 0 else str(workforce.ids[where]),
                    "status": RowStatus.REJECTED.value if where < 0 else invalid,
                    "population": None if where < 0 else populations[where],
                    "failures": [],
                    **empty,
                    "error": str(errors[row]),
                }
            )
            continue
        failures = (
            batch.quota_failures(where) if eligible[where] else batch.decisions.failures(where)
        )
        found.append(
            {
                "row": row,
                "id": str(workforce.ids[where]),
                "status": statuses[where],
                "population": populations[where],
                "failures": list(failures),
                "asked_workday_per_week": asked[where],
                "granted_workday_per_week": granted[where],
                "days_workday": days[where],
                "allowance_eur": str(as_decimal(allowance[where])),
                "employer_costs_eur": str(as_decimal(employer[where])),
                "distance_km": km[where],
                "time_h": hours[where],
                "net_kg_co2e": net[where],
                "saved_eur": None if saved is None else saved[where],
                "error": None,
            }
        )
    return found


def assess_documents(
    policy: Policy, documents: Sequence[Any], on: Any, period: Any = None
) -> dict[str, Any]:
    """The batch document of the agent ``documents`` assessed under ``policy``."""
    workforce, ids = read_agents(documents)
    batch = policy.assess(workforce, on, period=period, errors="report")
    failed = len(workforce.rejected) + len(batch.errors)
    return {
        "schema": "teletravail.assessment.rows",
        "schema_version": ROWS_SCHEMA_VERSION,
        "policy": policy.name,
        "on": batch.on.isoformat(),
        "period": {"start": batch.start.isoformat(), "end": batch.end.isoformat()},
        "rows_read": len(ids),
        "assessed": len(ids) - failed,
        "failed": failed,
        "unmatched_populations": list(batch.unmatched),
        "shadowed_populations": list(batch.shadowed),
        "columns": list(ROW_COLUMNS),
        "rows": _rows(batch, ids),
    }
