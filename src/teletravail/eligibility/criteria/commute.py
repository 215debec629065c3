"""The journey to work: :class:`MinimumCommuteDistance` (``commute_distance.minimum``,
the Lozère criterion) and :class:`MinimumCommuteTime` (``commute_time.minimum``), each a
one-way minimum that an unknown commute does not pass.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from teletravail.units import LENGTH, TIME
from teletravail.workforce import COMMUTE_TIME_UNIT, DISTANCE_UNIT

from .criterion import MinimumQuantity

__all__ = ["MinimumCommuteDistance", "MinimumCommuteTime"]


@attrs.frozen(kw_only=True)
class MinimumCommuteDistance(MinimumQuantity):
    """A one-way commute of at least ``minimum`` (an unknown distance does not pass)."""

    CODE: ClassVar[str] = "commute_distance.minimum"
    DIMENSION: ClassVar[str] = LENGTH
    UNIT: ClassVar[str] = DISTANCE_UNIT
    COLUMN: ClassVar[str] = "commute_distance_km"


@attrs.frozen(kw_only=True)
class MinimumCommuteTime(MinimumQuantity):
    """A one-way commute time of at least ``minimum`` (an unknown time does not pass)."""

    CODE: ClassVar[str] = "commute_time.minimum"
    DIMENSION: ClassVar[str] = TIME
    UNIT: ClassVar[str] = COMMUTE_TIME_UNIT
    COLUMN: ClassVar[str] = "commute_time_min"
