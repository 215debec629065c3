"""Synthetic workforces: made-up agents drawn from stated distributions.

:func:`lot_2013_population` draws a workforce shaped like the Lot's departmental
council on the eve of its 2013 generalisation (the benchmark population of issue 7):
every column comes from a fixed-seed :class:`numpy.random.Generator`, drawn whole
(no per-agent Python loop), and the workforce is built from those columns. It is
**synthetic**: no agent is a real person, and the distributions are assumptions stated
below, not statistics of the Lot.

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

import math
import numbers
from typing import Any

import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_
from teletravail.workforce import (
    DISTANCE_UNIT,
    REQUESTED_TELEWORK_UNIT,
    WORKING_TIME_UNIT,
    Categories,
    Workforce,
)

__all__ = [
    "DISTANCE_MEDIAN_KM",
    "DISTANCE_SIGMA",
    "HIRE_FIRST",
    "HIRE_LAST",
    "ID_PREFIX",
    "REQUESTED_TELEWORK",
    "REQUESTED_TELEWORK_WEIGHTS",
    "ROLES",
    "ROLE_WEIGHTS",
    "SEED",
    "WORKING_TIMES",
    "WORKING_TIME_WEIGHTS",
    "lot_2013_population",
]

#: The default seed of the generator.
SEED = 2013

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

ID_PREFIX = "SYN-"
_ID_DIGITS = 7

# Categories come out sorted, as Workforce documents them: the draw picks a position in
# ROLES, and this table turns it into the code of that role among the sorted names.
_SORTED_ROLES = tuple(sorted(ROLES))
_ROLE_CODE = np.array([_SORTED_ROLES.index(role) for role in ROLES], dtype=np.int32)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValidationError(
            "n",
            value,
            Phrase("a whole number of agents >= 0", "un nombre entier positif ou nul d'agents"),
        )
    return int(value)


def _seed(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValidationError(
            "seed", value, Phrase("a whole number >= 0", "un nombre entier positif ou nul")
        )
    return int(value)


def _share(value: Any, field: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not math.isfinite(float(value))
        or not 0 <= float(value) <= 1
    ):
        raise ValidationError(
            field, value, Phrase("a share from 0 to 1", "une proportion de 0 à 1")
        )
    return float(value)


def _ids(n: int, prefix: str = ID_PREFIX) -> npt.NDArray[np.str_]:
    """``SYN-0000001`` to ``SYN-{n}``: seven digits at least, numbered from 1.

    The characters are written straight into the array's buffer (a numpy string is
    one 32-bit code point per character), which is several times faster than joining
    strings.
    """
    width = max(_ID_DIGITS, len(str(n)))
    size = len(prefix) + width
    chars = np.empty((n, size), dtype=np.uint32)
    chars[:, : len(prefix)] = [ord(c) for c in prefix]
    remaining = np.arange(1, n + 1, dtype=np.uint64)
    for column in range(size - 1, len(prefix) - 1, -1):
        chars[:, column] = remaining % 10 + ord("0")
        remaining //= 10
    ids: npt.NDArray[np.str_] = chars.view(np.dtype(f"U{size}")).reshape(n)
    return ids


def _chosen(rng: np.random.Generator, n: int, share: float) -> npt.NDArray[np.bool_]:
    """Exactly ``share × n`` rows (rounded half up), chosen at random, are true."""
    count = math.floor(share * n + 0.5)
    flags = np.ones(n, dtype=bool)
    if count == n:
        return flags
    flags[:] = False
    flags[rng.choice(n, size=count, replace=False)] = True
    return flags


def lot_2013_population(
    n: int,
    *,
    seed: int = SEED,
    volunteer_share: float = 1.0,
    teleworkable_share: float = 1.0,
) -> Workforce:
    """A synthetic workforce of ``n`` agents shaped like the Lot's in 2013.

    The distributions are those of the module's docstring. ``volunteer_share`` and
    ``teleworkable_share`` make exactly that share of the agents (rounded half up to a
    whole agent) volunteers, or holders of a teleworkable post, chosen at random and
    independently of every other column; the other agents are not. They are drawn
    from streams of their own, so changing a share changes no other column.

    The same ``n`` and ``seed`` give the same workforce, on any machine with the same
    numpy. A million agents take a fraction of a second.
    """
    n = _count(n)
    seed = _seed(seed)
    volunteers = _share(volunteer_share, "volunteer_share")
    teleworkable = _share(teleworkable_share, "teleworkable_share")

    root = np.random.SeedSequence(seed)
    rng = np.random.default_rng(root)
    days = int((HIRE_LAST - HIRE_FIRST).astype(np.int64)) + 1
    hire = HIRE_FIRST + rng.integers(0, days, size=n).astype("timedelta64[D]")
    working_time = rng.choice(np.array(WORKING_TIMES), size=n, p=WORKING_TIME_WEIGHTS)
    roles = _ROLE_CODE[rng.choice(len(ROLES), size=n, p=ROLE_WEIGHTS)]
    distance = rng.lognormal(mean=math.log(DISTANCE_MEDIAN_KM), sigma=DISTANCE_SIGMA, size=n)
    asked = rng.choice(np.array(REQUESTED_TELEWORK), size=n, p=REQUESTED_TELEWORK_WEIGHTS)

    posts_stream, volunteers_stream = root.spawn(2)
    return Workforce.from_columns(
        ids=_ids(n),
        hire_date=hire,
        working_time=Q_(working_time, WORKING_TIME_UNIT),
        role=Categories(roles, _SORTED_ROLES),
        commute_distance=Q_(distance, DISTANCE_UNIT),
        volunteer=_chosen(np.random.default_rng(volunteers_stream), n, volunteers),
        teleworkable_post=_chosen(np.random.default_rng(posts_stream), n, teleworkable),
        requested_telework=Q_(asked, REQUESTED_TELEWORK_UNIT),
    )
