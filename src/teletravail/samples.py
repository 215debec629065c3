"""Sample agents for demonstrations and docs: a few made-up Lot employees.

They are invented (no real person), chosen so that each rule of the Lot 2013 scheme
decides at least one case: seniority reached on 29 February's anniversary, a working
time of exactly 90 %, excluded roles and tags, a non-volunteer.
"""

from __future__ import annotations

from teletravail.workforce import Agent


def lot_sample_agents() -> tuple[Agent, ...]:
    """Eight made-up agents of the Lot's departmental council, for 2013-01-01."""
    return (
        Agent(
            id="LOT-001",
            hire_date="2004-09-01",
            working_time="100 %",
            role="instructeur",
            commute_distance="28 km",
            commute_mode="car_thermal",
        ),
        Agent(
            id="LOT-002",
            hire_date="2011-12-31",
            working_time="90 %",
            role="gestionnaire",
            commute_distance="42 km",
        ),
        Agent(
            id="LOT-003",
            hire_date="2012-02-29",
            working_time="100 %",
            role="comptable",
            commute_distance="17 km",
        ),
        Agent(
            id="LOT-004",
            hire_date="2009-05-15",
            working_time="80 %",
            role="secretariat",
            commute_distance="9 km",
            commute_mode="bus",
        ),
        Agent(
            id="LOT-005",
            hire_date="2001-03-01",
            working_time="100 %",
            role="cadre",
            tags={"public_facing"},
            commute_distance="35 km",
        ),
        Agent(
            id="LOT-006",
            hire_date="2007-10-01",
            working_time="100 %",
            role="informatique",
            tags={"applications_metier"},
            commute_distance="22 km",
        ),
        Agent(
            id="LOT-007",
            hire_date="2010-06-01",
            working_time="100 %",
            role="travail_social",
            commute_distance="51 km",
        ),
        Agent(
            id="LOT-008",
            hire_date="2006-01-09",
            working_time="100 %",
            role="juriste",
            commute_distance="64 km",
            volunteer=False,
        ),
    )
