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

For reports: :func:`totals_by` gives the totals by any group (a column of the
workforce, or a service or a commune given beside it); :func:`comparison` N policies
side by side and :func:`variants` a sweep's variants, both as one tidy table of plain
numbers with units in the column names; :func:`gains_and_losses` who gains and who
loses the right between two policies, by group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.frames import Units, check_units, pint_pandas, quantity_frame
from teletravail.messages import Phrase, choices
from teletravail.policy.results import ASSESSMENT_QUANTITIES
from teletravail.policy.statuses import GRANTED, STATUSES
from teletravail.statuses import RowStatus
from teletravail.units import get_registry
from teletravail.workforce import Errors, Workforce
from teletravail.workforce.agent import COMMUTE_MODES

if TYPE_CHECKING:
    import pandas as pd
    import pint

    from teletravail.policy import BatchAssessment, Policy
    from teletravail.sweep import Sweep

__all__ = [
    "ASSESSMENT_QUANTITIES",
    "GROUP_COLUMNS",
    "assessment_frame",
    "comparison",
    "gains_and_losses",
    "group_of",
    "row_counts",
    "totals_by",
    "totals_row",
    "use_pint_pandas",
    "variants",
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
    # each status one shared string (not one string per row, as from a numpy text column)
    status[found] = np.array(STATUSES, dtype=object)[batch.status[picked]]
    errors = np.full(len(rows), None, dtype=object)
    messages = {e.row: e.message for e in (*rejected, *batch.errors)}
    for position in np.flatnonzero(~assessed).tolist():
        errors[position] = messages.get(int(rows[position]))
    ids = _id_column(workforce.ids, where, found)

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
        "id": ids,  # (but the ids, one per row, as pyarrow strings: no Python string each)
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
    return quantity_frame(columns, ASSESSMENT_QUANTITIES, units, copy=False)


def _id_column(
    ids: npt.NDArray[np.str_], where: npt.NDArray[np.int64], found: npt.NDArray[np.bool_]
) -> pd.Series:
    """The id of each row (``where``: its agent's position, where ``found``; NA for the
    others) as pyarrow strings (``string[pyarrow]``), taken from the numpy column of ids
    without a Python string per row; without pyarrow, pandas' ``string[python]``."""
    import pandas as pd

    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # (pyarrow is optional: the same values, held as Python strings)
        texts = np.full(len(where), None, dtype=object)
        texts[found] = ids[where[found]]
        return pd.Series(pd.array(texts, dtype=pd.StringDtype("python")), copy=False)
    positions = pa.array(where.astype(np.int64, copy=False), mask=~found)
    taken = pc.take(pa.array(ids, type=pa.string()), positions)
    pa.default_memory_pool().release_unused()  # (the ids before the take, let go)
    return pd.Series(pd.arrays.ArrowStringArray(taken), copy=False)


# -- totals by group -------------------------------------------------------------------

#: The columns of a workforce (and of its assessment) that :func:`totals_by` groups by
#: name; any other grouping (a service, a commune, a site the register holds but a
#: workforce does not keep) is given as values beside the workforce.
GROUP_COLUMNS: tuple[str, ...] = (
    "role",
    "establishment",
    "contract_type",
    "category",
    "commute_mode",
    "population",
    "status",
)

#: The counts of :func:`totals_by`, in order (``not_assessed``: rows that could not
#: be assessed on the date).
_COUNTS = ("agents", "eligible", "entitled", *STATUSES[:4], *STATUSES[5:], "not_assessed")


def group_of(batch: BatchAssessment, by: Any) -> npt.NDArray[np.object_]:
    """Each agent's group, in the workforce's row order: ``by`` is one of
    :data:`GROUP_COLUMNS` (a category not stated is ``""``), a mapping of agent ids to
    groups (an agent it does not name is in ``""``), or one value per agent in row
    order (a list, an array, a pandas Series: its values, not its index)."""
    workforce = batch.workforce
    n = len(workforce)
    if isinstance(by, str):
        if by in ("role", "establishment", "contract_type", "category"):
            column = getattr(workforce, by)
            names = np.array([*column.categories, ""], dtype=object)
            return names[np.asarray(column.codes)]  # type: ignore[no-any-return]
        if by == "commute_mode":
            modes = np.array([m.value for m in COMMUTE_MODES], dtype=object)
            found: npt.NDArray[np.object_] = modes[workforce.commute_mode]
            return found
        if by == "population":
            population = batch.population
            return np.array(["" if p is None else p for p in population], dtype=object)
        if by == "status":
            return batch.statuses().astype(object)
        raise ValidationError("by", by, choices(GROUP_COLUMNS))
    if isinstance(by, Mapping):
        return np.array([by.get(str(i), "") for i in workforce.ids], dtype=object)
    values = np.asarray(getattr(by, "to_numpy", lambda: by)(), dtype=object)
    if values.ndim != 1 or len(values) != n:
        raise ValidationError(
            "by",
            f"{values.size} values" if values.ndim == 1 else by,
            Phrase(
                "a column name ({names}), a mapping of ids to groups, or {n} values, one"
                " per agent in row order",
                "un nom de colonne ({names}), une table des identifiants vers les groupes,"
                " ou {n} valeurs, une par agent dans l'ordre des lignes",
                names=", ".join(GROUP_COLUMNS),
                n=n,
            ),
        )
    return values


def _group_codes(groups: npt.NDArray[np.object_]) -> tuple[list[Any], npt.NDArray[np.intp]]:
    """The distinct groups, sorted (as text), and each agent's position among them."""
    keys = np.array([str(g) for g in groups], dtype=object)
    if not len(keys):
        return [], np.zeros(0, dtype=np.intp)
    names, codes = np.unique(keys, return_inverse=True)
    return [str(n) for n in names], np.asarray(codes, dtype=np.intp).reshape(-1)


def totals_by(batch: BatchAssessment, by: Any, *, name: str | None = None) -> pd.DataFrame:
    """The totals of an assessment by group, one row per group (sorted), as plain
    numbers with units in the column names: ``agents``, ``eligible``, ``entitled``,
    the count of each status, ``not_assessed``, ``days_workday``, ``allowance_eur``
    and ``employer_costs_eur`` (from the exact cents), ``distance_km``, ``time_h``
    and ``net_kg_co2e``. Every row of the workforce is in one group, so the groups add
    up to :meth:`BatchAssessment.totals`.

    ``by`` is a column of the workforce (:data:`GROUP_COLUMNS`: ``role``,
    ``establishment`` for a site, ``contract_type``, ``category``, ``commute_mode``,
    ``population``, ``status``), or, for what a workforce does not keep (a service, a
    commune), a mapping of agent ids to groups or one value per agent in row order.
    The groups' column is named ``by`` (or ``name``, or ``group``)."""
    import pandas as pd

    groups = group_of(batch, by)
    names, codes = _group_codes(groups)
    size = len(names)

    def counted(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        return np.bincount(codes[mask], minlength=size).astype(np.int64)

    def summed(values: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        return np.bincount(codes, weights=values, minlength=size).astype(np.float64)

    def cents(values: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        exact = np.zeros(size, dtype=np.int64)
        np.add.at(exact, codes, values)
        return exact / 100

    invalid = batch.invalid
    status = batch.status
    columns: dict[str, Any] = {
        name or (by if isinstance(by, str) else "group"): pd.Series(names, dtype=object),
        "agents": counted(np.ones(len(codes), dtype=bool)),
        "eligible": counted(batch.decisions.eligible & ~invalid),
        "entitled": counted(batch.entitled),
    }
    for code, status_name in enumerate(STATUSES):
        if status_name != "invalid":
            columns[status_name] = counted(status == code)
    columns["not_assessed"] = counted(invalid)
    impact = batch.impact
    columns |= {
        "days_workday": summed(batch.days),
        "allowance_eur": cents(batch.allowance_cents),
        "employer_costs_eur": cents(batch.employer_cents),
        "distance_km": summed(impact.km),
        "time_h": summed(impact.hours),
        "net_kg_co2e": summed(impact.net_kg),
    }
    return pd.DataFrame(columns)


# -- N policies, or a sweep's variants, compared ----------------------------------------


def _suffix(value: Any) -> str:
    """A unit as the end of a column name: ``km``, ``workday``, ``eur``, ``t_co2e``."""
    text = f"{value.units:~}"
    text = {"CO2e * t": "t CO2e", "CO2e * kg": "kg CO2e", "d": "day"}.get(text, text)
    text = text.replace(" / ", "_per_").replace(" * ", "_").replace(" ", "_")
    return text.replace("%", "pct").lower()


def totals_row(totals: Mapping[str, Any]) -> dict[str, float | int]:
    """:meth:`BatchAssessment.totals` as plain numbers, each quantity's unit in its
    name (``days_workday``, ``allowance_eur``, ``impact_net_t_co2e``); counts as they
    are (``impact_time_days`` left out: it is ``impact_time_h`` over 24)."""
    row: dict[str, float | int] = {}
    for key, value in totals.items():
        if key == "impact_time_days":
            continue
        if hasattr(value, "units"):
            row[f"{key}_{_suffix(value)}"] = float(value.magnitude)
        elif isinstance(value, int | float):
            row[key] = value
    return row


def comparison(
    scenarios: Sequence[Any],
    workforce: Workforce | None = None,
    on: Any = None,
    *,
    period: Any = None,
    errors: Errors = "raise",
) -> pd.DataFrame:
    """N policies side by side as one tidy DataFrame: one row per scenario, in order,
    its ``policy`` name, ``start`` and ``end`` of the period assessed, then its totals
    as plain numbers with units in the column names (:func:`totals_row`).

    A scenario is a :class:`~teletravail.policy.Policy`, assessed here on
    ``workforce`` on ``on`` (over ``period``, with ``errors``, as :meth:`Policy.assess
    <teletravail.policy.Policy.assess>`), or a :class:`BatchAssessment` already made.
    :func:`~teletravail.policy.compare_policies` still compares two, agent by agent;
    :func:`variants` is the same table for a sweep."""
    import pandas as pd

    from teletravail.policy import BatchAssessment, Policy

    if isinstance(scenarios, str | bytes) or not isinstance(scenarios, Sequence) or not scenarios:
        raise ValidationError(
            "scenarios",
            scenarios,
            Phrase(
                "a non-empty list of policies or assessments",
                "une liste non vide de politiques ou d'évaluations",
            ),
        )
    rows = []
    for index, scenario in enumerate(scenarios):
        if isinstance(scenario, Policy):
            if workforce is None or on is None:
                raise ValidationError(
                    "workforce",
                    workforce,
                    Phrase(
                        "a workforce and a date to assess the policies on",
                        "un effectif et une date où évaluer les politiques",
                    ),
                )
            scenario = scenario.assess_workforce(workforce, on, period=period, errors=errors)
        if not isinstance(scenario, BatchAssessment):
            raise ValidationError(
                f"scenarios[{index}]",
                scenario,
                Phrase("a Policy or a BatchAssessment", "un objet Policy ou BatchAssessment"),
            )
        rows.append(
            {
                "policy": scenario.policy.name,
                "start": scenario.start,
                "end": scenario.end,
                **totals_row(scenario.totals()),
            }
        )
    return pd.DataFrame(rows)


def variants(swept: Sweep) -> pd.DataFrame:
    """A sweep's variants as one tidy DataFrame, as :func:`comparison` writes N
    policies: one row per variant, its ``variant`` (the values tried, ``key=value``),
    the varied values under their key paths, then its totals as plain numbers with
    units in the column names (:func:`totals_row`)."""
    import pandas as pd

    rows = []
    for row in swept.rows:
        tried = {key: row[key] for key in swept.keys}
        totals = {k: v for k, v in row.items() if k not in swept.keys}
        label = ", ".join(f"{k}={v}" for k, v in tried.items())
        rows.append({"variant": label, **tried, **totals_row(totals)})
    return pd.DataFrame(rows)


# -- who gains and who loses the right --------------------------------------------------


def gains_and_losses(
    first: Policy,
    second: Policy,
    workforce: Workforce,
    on: Any,
    *,
    by: Any,
    period: Any = None,
    errors: Errors = "raise",
) -> pd.DataFrame:
    """Who gains and who loses telework between two policies, by group: one row per
    group (``by`` as in :func:`totals_by`, read from the first policy's assessment),
    with the ``agents``, those ``granted_first`` and ``granted_second``, those who
    ``gained`` the right (granted under the second only), who ``lost`` it (under the
    first only), the ``net`` change, and the agents ``not_assessed`` by either (left
    out of the other columns, as :func:`~teletravail.policy.compare_policies` leaves
    them out)."""
    import pandas as pd

    a, b = (
        p.assess_workforce(workforce, on, period=period, errors=errors) for p in (first, second)
    )
    groups = group_of(a, by)
    names, codes = _group_codes(groups)
    size = len(names)
    kept = ~(a.invalid | b.invalid)
    granted_a = (a.status == GRANTED) & kept
    granted_b = (b.status == GRANTED) & kept

    def counted(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        return np.bincount(codes[mask], minlength=size).astype(np.int64)

    gained = counted(granted_b & ~granted_a)
    lost = counted(granted_a & ~granted_b)
    return pd.DataFrame(
        {
            by if isinstance(by, str) else "group": pd.Series(names, dtype=object),
            "agents": counted(kept),
            "granted_first": counted(granted_a),
            "granted_second": counted(granted_b),
            "gained": gained,
            "lost": lost,
            "net": gained - lost,
            "not_assessed": counted(~kept),
        }
    )
