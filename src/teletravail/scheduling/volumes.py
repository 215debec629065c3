"""Numbers of telework days over a period, apart from the weekly quota: the volume of
floating days an agent may take (:class:`FloatingDays`, per week, month or year) and the
caps on the days themselves (:class:`DayCaps`, per ISO week, calendar month and year).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

import attrs

from teletravail._checks import optional_source
from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices
from teletravail.sources import Source
from teletravail.units import Q_, as_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["DayCaps", "FloatingDays"]


def _volume(value: Any) -> Quantity:
    quantity = as_quantity(value, field="volume", dimension="[workday]")
    magnitude = float(quantity.m_as("workday"))
    if not math.isfinite(magnitude) or magnitude < 0:
        raise ValidationError(
            "volume",
            value,
            Phrase("a number of workdays >= 0", "un nombre positif ou nul de jours de travail"),
        )
    return Q_(magnitude, "workday")


#: Periods as French texts write them.
_PERIODS = {"semaine": "week", "mois": "month", "an": "year", "année": "year", "annee": "year"}


def _period(value: Any) -> str:
    found = _PERIODS.get(value.strip().lower(), value.strip()) if isinstance(value, str) else value
    if found not in ("week", "month", "year"):
        raise ValidationError(
            "per", value, choices(("week", "month", "year"), ("semaine", "mois", "an"))
        )
    return str(found)


@attrs.frozen(kw_only=True)
class FloatingDays:
    """A volume of floating telework days, per week, month or year (décret 2020-524)."""

    volume: Quantity = attrs.field(converter=_volume)
    per: Literal["week", "month", "year"] = attrs.field(converter=_period)
    source: Source | None = attrs.field(default=None, validator=optional_source)


def _day_cap(value: Any, field: str) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field=f"caps.{field}", dimension="[workday]")
    magnitude = float(quantity.m_as("workday"))
    limit = {"week": 7, "month": 31, "year": 366}[field]
    if not math.isfinite(magnitude) or not 0 <= magnitude <= limit:
        raise ValidationError(
            f"caps.{field}",
            value,
            Phrase("0 to {limit} workday", "de 0 à {limit} jours de travail", limit=limit),
        )
    if abs(magnitude * 2 - round(magnitude * 2)) > 1e-9:
        raise ValidationError(
            f"caps.{field}",
            value,
            Phrase("whole or half days", "des jours entiers ou des demi-journées"),
        )
    return Q_(magnitude, "workday")


def _week_cap(value: Any) -> Quantity | None:
    return _day_cap(value, "week")


def _month_cap(value: Any) -> Quantity | None:
    return _day_cap(value, "month")


def _year_cap(value: Any) -> Quantity | None:
    return _day_cap(value, "year")


@attrs.frozen(kw_only=True)
class DayCaps:
    """Caps on the telework days themselves, apart from the weekly quota and from caps
    on money: at most ``week`` days in any ISO week (fixed and floating days together),
    ``month`` in a calendar month, ``year`` in a calendar year (88 a year, say).

    A weekly pattern above the week's cap is refused. The days of a month or a year are
    granted in date order while they fit under its caps: the first day that does not
    fit, and any later one that would not either, is not granted (a half day may still
    fit where a whole day does not).
    """

    week: Quantity | None = attrs.field(default=None, converter=_week_cap)
    month: Quantity | None = attrs.field(default=None, converter=_month_cap)
    year: Quantity | None = attrs.field(default=None, converter=_year_cap)
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def halves(self, field: str) -> int | None:
        """A cap in half days (``None``: no cap)."""
        value: Quantity | None = getattr(self, field)
        return None if value is None else round(float(value.m_as("workday")) * 2)
