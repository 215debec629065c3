"""Sample agents for demonstrations and docs: made-up Lot employees.

:func:`lot_sample_agents` gives eight invented agents (no real person), chosen so that
each rule of the Lot 2013 scheme decides at least one case: seniority reached on 29
February's anniversary, a working time of exactly 90 %, excluded roles and tags, a
non-volunteer.

:func:`lot_2013_workforce` loads the synthetic sample of the Lot's 1,200 posts that
ships with the package (``data/lot_2013_synthetic.csv``, drawn by
:func:`teletravail.synthetic.lot_2013_population`; its assumptions are in
``data/lot_2013_synthetic.md``).
"""

from __future__ import annotations

import io
from importlib import resources

from teletravail.workforce import Agent, Workforce

#: The bundled sample, inside the package.
LOT_2013_SAMPLE = "lot_2013_synthetic.csv"


def lot_2013_workforce() -> Workforce:
    """The Lot's 1,200 posts on 2013-01-01, synthetic: 600 teleworkable, 20 eligible.

    Read from the package's data (no network, nothing written); each call builds a new
    :class:`~teletravail.workforce.Workforce`.
    """
    text = (resources.files("teletravail") / "data" / LOT_2013_SAMPLE).read_text("utf-8")
    return Workforce.from_csv(io.StringIO(text), delimiter=",")


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
