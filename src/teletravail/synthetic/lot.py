"""The Lot's synthetic workforce: :data:`LOT_2013`, a :class:`~.model.WorkforceModel`.

:func:`lot_2013_population` draws a workforce shaped like the Lot's departmental council
on the eve of its 2013 generalisation (the benchmark population of issue 7) from the model
:data:`LOT_2013`. It is **synthetic**: no agent is a real person, and the distributions
are assumptions stated below, not statistics of the Lot.

* hire date: uniform over the whole days from 2000-01-01 to 2012-12-31, both included;
* working time: 50, 60, 70, 80, 90 or 100 % with weights .05 .05 .05 .15 .10 .60;
* role: twelve role codes with the weights of :data:`ROLE_WEIGHTS`, the four the Lot
  excluded first (production, cadre, travail_social, applications_metier);
* one-way commute distance: lognormal, median 18 km, sigma 0.8 (by car, the default);
* requested telework: 1, 1.5, 2 or 3 workday/week with weights .30 .20 .30 .20;
* ids ``SYN-0000001``, ``SYN-0000002``... (seven digits, more past ten million);
* volunteer and teleworkable post: true for everyone unless a share is given.

The first four columns are drawn in that order from ``numpy.random.default_rng(seed)``,
exactly as ``benchmarks/eligibility_lot2013.py`` draws its population, so both give
the same agents for the same seed.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from teletravail.workforce import Workforce

from .model import SEED, WorkforceModel

__all__ = [
    "DISTANCE_MEDIAN_KM",
    "DISTANCE_SIGMA",
    "HIRE_FIRST",
    "HIRE_LAST",
    "LOT_2013",
    "REQUESTED_TELEWORK",
    "REQUESTED_TELEWORK_WEIGHTS",
    "ROLES",
    "ROLE_WEIGHTS",
    "WORKING_TIMES",
    "WORKING_TIME_WEIGHTS",
    "lot_2013_population",
]

#: Hire dates are drawn uniformly over the whole days from HIRE_FIRST to HIRE_LAST.
HIRE_FIRST = np.datetime64("2000-01-01", "D")
HIRE_LAST = np.datetime64("2012-12-31", "D")

#: Working times in percent, and their weights.
WORKING_TIMES: tuple[float, ...] = (50.0, 60.0, 70.0, 80.0, 90.0, 100.0)
WORKING_TIME_WEIGHTS: tuple[float, ...] = (0.05, 0.05, 0.05, 0.15, 0.10, 0.60)

#: Role codes: the four the Lot excluded from 2013 (the ``role.excluded`` criterion of the
#: ``lot-2013`` preset), then eight services of a departmental council.
ROLES: tuple[str, ...] = (
    "production",
    "cadre",
    "travail_social",
    "applications_metier",
    "administration",
    "finances",
    "ressources_humaines",
    "informatique",
    "juridique",
    "communication",
    "marches_publics",
    "secretariat",
)
ROLE_WEIGHTS: tuple[float, ...] = (
    0.20,
    0.15,
    0.05,
    0.05,
    0.12,
    0.06,
    0.08,
    0.05,
    0.04,
    0.04,
    0.06,
    0.10,
)

#: The one-way commute distance is lognormal: its median (km) and the sigma of its log.
DISTANCE_MEDIAN_KM = 18.0
DISTANCE_SIGMA = 0.8

#: Telework asked for, in workday/week, and its weights.
REQUESTED_TELEWORK: tuple[float, ...] = (1.0, 1.5, 2.0, 3.0)
REQUESTED_TELEWORK_WEIGHTS: tuple[float, ...] = (0.30, 0.20, 0.30, 0.20)


#: The Lot's departmental council on the eve of its 2013 generalisation: the
#: distributions of the module's docstring.
LOT_2013: Final = WorkforceModel(
    name="Lot 2013",
    hire_first=HIRE_FIRST.item(),
    hire_last=HIRE_LAST.item(),
    working_times=tuple(zip(WORKING_TIMES, WORKING_TIME_WEIGHTS, strict=True)),
    roles=tuple(zip(ROLES, ROLE_WEIGHTS, strict=True)),
    requested_telework=tuple(zip(REQUESTED_TELEWORK, REQUESTED_TELEWORK_WEIGHTS, strict=True)),
    distance_median=DISTANCE_MEDIAN_KM,
    distance_sigma=DISTANCE_SIGMA,
)


def lot_2013_population(
    n: int,
    *,
    seed: int = SEED,
    volunteer_share: float = 1.0,
    teleworkable_share: float = 1.0,
) -> Workforce:
    """A synthetic workforce of ``n`` agents shaped like the Lot's in 2013: the model
    :data:`LOT_2013` drawn with :meth:`WorkforceModel.draw` (the distributions of the
    module's docstring).

    ``volunteer_share`` and ``teleworkable_share`` make exactly that share of the agents
    (rounded half up to a whole agent) volunteers, or holders of a teleworkable post,
    chosen at random and independently of every other column; the other agents are not.
    They are drawn from streams of their own, so changing a share changes no other
    column.

    The same ``n`` and ``seed`` give the same workforce, on any machine with the same
    numpy. A million agents take a fraction of a second.
    """
    return LOT_2013.draw(
        n, seed=seed, volunteer_share=volunteer_share, teleworkable_share=teleworkable_share
    )
