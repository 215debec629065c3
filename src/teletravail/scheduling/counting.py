"""How a quota counts telework: in days per week (:func:`days_per_week` reads such an
amount), in whole days or half days (:class:`Granularity`), each week or on average over
a month (:class:`CapPeriod`), on fixed weekdays, floating days or both
(:class:`Modality`).
"""

from __future__ import annotations

import enum
import math
from typing import TYPE_CHECKING, Any

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_, as_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["CapPeriod", "Granularity", "Modality", "days_per_week"]

_PER_WEEK = "[workday] / [time]"


def days_per_week(value: Any, field: str) -> Quantity:
    """An amount of telework days per week, 0 to 7, read from ``value`` (a quantity or
    its text) for ``field``: a weekly maximum, minimum or cap."""
    quantity = as_quantity(value, field=field, dimension=_PER_WEEK)
    magnitude = float(quantity.m_as("workday/week"))
    if not math.isfinite(magnitude) or not 0 <= magnitude <= 7:
        raise ValidationError(
            field,
            value,
            Phrase("between 0 and 7 workday/week", "entre 0 et 7 jours de travail par semaine"),
        )
    return Q_(magnitude, "workday/week")


class CapPeriod(enum.StrEnum):
    """The period over which a quota's weekly limits and caps are assessed (the key
    ``assessed`` of a document): each week, or on average over each month."""

    WEEK = "week"
    MONTH = "month"


class Granularity(enum.StrEnum):
    """The smallest unit of telework a quota counts."""

    DAY = "day"
    HALFDAY = "halfday"

    @property
    def step(self) -> float:
        """1 workday or 0.5."""
        return 1.0 if self is Granularity.DAY else 0.5


class Modality(enum.StrEnum):
    """How a scheme's telework days are set: fixed weekdays, floating days taken from a
    volume, or both (fixed weekdays, and floating days besides within the weekly
    maximum and the caps on days)."""

    FIXED = "fixed"
    FLOATING = "floating"
    MIXED = "mixed"
