"""Impact: distance, time, emissions and money saved by not commuting, with rebound
effects, reports and télécentre economics.

The modules: :mod:`.commute` (what not commuting saves), :mod:`.rebound` (the rebound
effects it subtracts), :mod:`.factors` (emission factors), :mod:`.fiscal_scale` (the
fiscal kilometric scale, a cost per km), :mod:`.report` (reports and comparisons of
scenarios), and the economics of télécentres in three: :mod:`.centre_costs` (what a
centre costs), :mod:`.costing` (:func:`telecentre_economics`, the model stated once)
and :mod:`.economics` (its result, :class:`Economics`).

>>> from teletravail import Agent
>>> from teletravail.impact import commute_impact
>>> agent = Agent(id="A", hire_date="2010-01-01", commute_distance="28 km")
>>> commute_impact(agent, "46 workday", on="2026-06-01").totals()["distance"]
<Quantity(2576.0, 'kilometer')>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teletravail._lazy import lazy_names

# Names are loaded on first use (PEP 562), as in the package's ``__init__``: importing
# one module of this sub-package does not import the others (schedules, télécentres,
# economics...), which keeps a process's first result quick.
_EXPORTS: dict[str, str] = {
    "Assumptions": "commute",
    "Rebound": "rebound",
    "ReboundKind": "rebound",
    "commute_impact": "commute",
    "fiscal_cost": "fiscal_scale",
    "fiscal_rate": "fiscal_scale",
    "COSTS_TABLE": "centre_costs",
    "DEFAULT_DEPRECIATION_YEARS": "centre_costs",
    "CentreCosts": "centre_costs",
    "pilot_2012_costs": "centre_costs",
    "Economics": "economics",
    "EconomicsRow": "economics",
    "PUBLIC_HOLIDAYS": "costing",
    "WEEKS_PER_YEAR": "costing",
    "default_open_days": "costing",
    "telecentre_economics": "costing",
    "emission_factors": "factors",
    "tailpipe_2012": "factors",
    "ImpactReport": "report",
    "compare": "report",
    "plot_scenarios": "report",
}
_SUBMODULES: frozenset[str] = frozenset()

__all__ = [
    "COSTS_TABLE",
    "DEFAULT_DEPRECIATION_YEARS",
    "PUBLIC_HOLIDAYS",
    "WEEKS_PER_YEAR",
    "Assumptions",
    "CentreCosts",
    "Economics",
    "EconomicsRow",
    "ImpactReport",
    "Rebound",
    "ReboundKind",
    "commute_impact",
    "compare",
    "default_open_days",
    "emission_factors",
    "fiscal_cost",
    "fiscal_rate",
    "pilot_2012_costs",
    "plot_scenarios",
    "tailpipe_2012",
    "telecentre_economics",
]

if TYPE_CHECKING:
    from .centre_costs import (
        COSTS_TABLE,
        DEFAULT_DEPRECIATION_YEARS,
        CentreCosts,
        pilot_2012_costs,
    )
    from .commute import Assumptions, commute_impact
    from .costing import (
        PUBLIC_HOLIDAYS,
        WEEKS_PER_YEAR,
        default_open_days,
        telecentre_economics,
    )
    from .economics import Economics, EconomicsRow
    from .factors import emission_factors, tailpipe_2012
    from .fiscal_scale import fiscal_cost, fiscal_rate
    from .rebound import Rebound, ReboundKind
    from .report import ImpactReport, compare, plot_scenarios


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
