"""Tables: a policy's results as pandas DataFrames, every quantity with its unit.

How quantity columns are written (``units="plain"``: floats named with their unit,
``distance_km``; ``units="pint"``: pint-pandas columns, ``distance``) is
:mod:`teletravail.frames`, which every result's ``to_pandas`` uses.

pint-pandas works with one registry per process, ``pint_pandas.PintType.ureg``. The
library never sets it behind the application's back: call :func:`use_pint_pandas` once
(it hands pint-pandas the library's registry), or give both libraries your own
registry (``teletravail.set_registry(app)`` and ``PintType.ureg = app``).

:func:`assessment_frame` is the table of a workforce's assessment with **one row per
input row**: the agents assessed, those that could not be (hired after the reference
date) and the rows that could not be read, each with its error; :func:`row_counts`
says how many rows failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from teletravail.frames import Units, check_units, pint_pandas, quantity_frame
from teletravail.policy.results import ASSESSMENT_QUANTITIES
from teletravail.statuses import RowStatus
from teletravail.units import get_registry

if TYPE_CHECKING:
    import pandas as pd
    import pint

    from teletravail.policy import BatchAssessment

__all__ = [
    "ASSESSMENT_QUANTITIES",
    "assessment_frame",
    "row_counts",
    "use_pint_pandas",
]


def use_pint_pandas() -> pint.UnitRegistry[Any]:
    """Hand pint-pandas the library's registry (``pint_pandas.PintType.ureg``), so that
    ``units="pint"`` tables work and their columns compute in ``workday`` and ``EUR``;
    returns the registry. Call it once, from the application."""
    library = pint_pandas()
    registry = get_registry()
    library.PintType.ureg = registry
    return registry


def _order(
    assessed: npt.NDArray[np.int64], rejected: list[int]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
    """Every input row number, sorted, and for each the position of its agent (or -1)."""
    rows = np.concatenate([assessed, np.asarray(rejected, dtype=np.int64)])
    where = np.concatenate([np.arange(len(assessed)), np.full(len(rejected), -1)])
    order = np.argsort(rows, kind="stable")
    return rows[order], where[order].astype(np.intp)


def row_counts(batch: BatchAssessment) -> dict[str, int]:
    """How the input rows of an assessment fared: ``rows`` in all, ``assessed``,
    ``invalid`` (could not be assessed on the date), ``rejected`` (could not be read),
    and ``failed`` (invalid or rejected)."""
    workforce = batch.decisions.workforce
    invalid = int(np.count_nonzero(batch.invalid))
    rejected = len(workforce.rejected)
    return {
        "rows": len(workforce) + rejected,
        "assessed": len(workforce) - invalid,
        "invalid": invalid,
        "rejected": rejected,
        "failed": invalid + rejected,
    }


def assessment_frame(batch: BatchAssessment, units: Units = "plain") -> pd.DataFrame:
    """One row per input row, in input order: ``row``, ``id``, ``status`` (one of
    :data:`~teletravail.statuses.TABLE_STATUSES`: the assessment's status of each agent,
    ``granted``, ``refused``, ``not_eligible``, ``not_selected``, ``invalid``,
    ``not_asked`` or ``not_concerned``; ``rejected`` for a row that could not be read),
    ``population`` where the policy has populations, ``error``, then ``eligible``,
    ``entitled`` and the quantities of :data:`ASSESSMENT_QUANTITIES`.

    A row that failed keeps its number and its error; its results are missing (NA, NaN),
    never zeros that would pass for an answer. Rejected rows have no id (they could not
    be read: find them by ``row``).
    """
    import pandas as pd

    units = check_units(units)
    decisions = batch.decisions
    workforce = decisions.workforce
    rejected = sorted(workforce.rejected, key=lambda e: e.row)
    rows, where = _order(workforce.source_rows, [e.row for e in rejected])
    found = where >= 0
    picked = where[found]
    invalid = np.zeros(len(rows), dtype=bool)
    invalid[found] = batch.invalid[picked]
    assessed = found & ~invalid

    status = np.full(len(rows), RowStatus.REJECTED.value, dtype=object)
    status[found] = batch.statuses()[picked]
    errors = np.full(len(rows), None, dtype=object)
    messages = {e.row: e.message for e in (*rejected, *batch.errors)}
    for position in np.flatnonzero(~assessed).tolist():
        errors[position] = messages.get(int(rows[position]))
    ids = np.full(len(rows), None, dtype=object)
    ids[found] = workforce.ids[picked]

    def flags(values: npt.NDArray[np.bool_]) -> Any:
        column = np.zeros(len(rows), dtype=bool)
        column[found] = values[picked]
        result = pd.array(column, dtype="boolean")
        result[~assessed] = pd.NA
        return result

    def numbers(values: npt.NDArray[Any], scale: float = 1.0) -> npt.NDArray[np.float64]:
        column = np.full(len(rows), np.nan)
        column[found] = values[picked] / scale if scale != 1.0 else values[picked]
        column[~assessed] = np.nan
        return column

    impact = batch.impact
    columns: dict[str, Any] = {  # text as objects: the same dtype for any rows, or none
        "row": rows,
        "id": pd.Series(ids, dtype=object),
        "status": pd.Series(status, dtype=object),
    }
    if batch.policy.populations:
        population = np.full(len(rows), None, dtype=object)
        population[found] = batch.population[picked]
        columns["population"] = pd.Series(population, dtype=object)
    columns |= {
        "error": pd.Series(errors, dtype=object),
        "eligible": flags(decisions.eligible),
        "entitled": flags(batch.entitled),
        "asked_workday_per_week": numbers(batch.asked),
        "granted_workday_per_week": numbers(batch.granted),
        "days_workday": numbers(batch.days),
        "allowance_eur": numbers(batch.allowance_cents, 100.0),
        "employer_costs_eur": numbers(batch.employer_cents, 100.0),
        "distance_km": numbers(impact.km),
        "time_h": numbers(impact.hours),
        "net_kg_co2e": numbers(impact.net_kg),
    }
    return quantity_frame(columns, ASSESSMENT_QUANTITIES, units)
