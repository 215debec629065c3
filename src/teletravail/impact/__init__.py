"""Impact: distance, time, emissions and money saved by not commuting, with rebound
effects, reports and télécentre economics.

>>> from teletravail import Agent
>>> from teletravail.impact import commute_impact
>>> agent = Agent(id="A", hire_date="2010-01-01", commute_distance="28 km")
>>> commute_impact(agent, "46 workday", on="2026-06-01").totals()["distance"]
<Quantity(2576.0, 'kilometer')>
"""

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
