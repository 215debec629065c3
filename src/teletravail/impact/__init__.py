"""Impact: distance, time, emissions and money saved by not commuting, with rebound
effects, reports and télécentre economics.

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
    "Rebound": "commute",
    "ReboundKind": "commute",
    "commute_impact": "commute",
    "fiscal_cost": "commute",
    "fiscal_rate": "commute",
    "CentreCosts": "economics",
    "Economics": "economics",
    "pilot_2012_costs": "economics",
    "telecentre_economics": "economics",
    "emission_factors": "factors",
    "tailpipe_2012": "factors",
    "ImpactReport": "report",
    "compare": "report",
    "plot_scenarios": "report",
}
_SUBMODULES: frozenset[str] = frozenset()

__all__ = [
    "Assumptions",
    "CentreCosts",
    "Economics",
    "ImpactReport",
    "Rebound",
    "ReboundKind",
    "commute_impact",
    "compare",
    "emission_factors",
    "fiscal_cost",
    "fiscal_rate",
    "pilot_2012_costs",
    "plot_scenarios",
    "tailpipe_2012",
    "telecentre_economics",
]

if TYPE_CHECKING:
    from .commute import (
        Assumptions,
        Rebound,
        ReboundKind,
        commute_impact,
        fiscal_cost,
        fiscal_rate,
    )
    from .economics import CentreCosts, Economics, pilot_2012_costs, telecentre_economics
    from .factors import emission_factors, tailpipe_2012
    from .report import ImpactReport, compare, plot_scenarios


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
