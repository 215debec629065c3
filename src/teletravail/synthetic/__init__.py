"""Synthetic workforces: made-up agents drawn from stated distributions, for benchmarks,
demonstrations and studies.

* :mod:`.model`: :class:`WorkforceModel`, the distributions as one value (roles and
  weights, working times, asks, commute modes, the distance's law, hire dates,
  populations), read from and written to a document, and its draw of a workforce;
* :mod:`.lot`: the Lot's council in 2013 as one such model (:data:`LOT_2013`) and
  :func:`lot_2013_population`.
"""

from __future__ import annotations

from .lot import (
    DISTANCE_MEDIAN_KM,
    DISTANCE_SIGMA,
    HIRE_FIRST,
    HIRE_LAST,
    LOT_2013,
    REQUESTED_TELEWORK,
    REQUESTED_TELEWORK_WEIGHTS,
    ROLE_WEIGHTS,
    ROLES,
    WORKING_TIME_WEIGHTS,
    WORKING_TIMES,
    lot_2013_population,
)
from .model import ID_PREFIX, MODEL_TABLE, POPULATION_TABLE, SEED, PopulationShare, WorkforceModel

__all__ = [
    "DISTANCE_MEDIAN_KM",
    "DISTANCE_SIGMA",
    "HIRE_FIRST",
    "HIRE_LAST",
    "ID_PREFIX",
    "LOT_2013",
    "MODEL_TABLE",
    "POPULATION_TABLE",
    "REQUESTED_TELEWORK",
    "REQUESTED_TELEWORK_WEIGHTS",
    "ROLES",
    "ROLE_WEIGHTS",
    "SEED",
    "WORKING_TIMES",
    "WORKING_TIME_WEIGHTS",
    "PopulationShare",
    "WorkforceModel",
    "lot_2013_population",
]
