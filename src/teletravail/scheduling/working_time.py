"""Bands of working time: :class:`WorkingTimeBand`, working times from a low to a high
bound (who belongs to a population, by working time), and :class:`PartTimeCap`, the
lower weekly cap of the part-time working times of a band.

A working time is read in percent, to 1e-9 % (as a workforce stores it), so that
``Q_(0.9, "")`` and ``90 %`` fall in the same bands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import optional_source
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.sources import Source
from teletravail.units import DIMENSIONLESS, Q_, as_quantity
from teletravail.workforce import WORKING_TIME_UNIT

from .counting import days_per_week

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["PartTimeCap", "WorkingTimeBand"]


def _percent(value: Any, field: str) -> Quantity:
    quantity = as_quantity(value, field=field, dimension=DIMENSIONLESS)
    share = float(quantity.m_as(WORKING_TIME_UNIT))
    if not 0 <= share <= 100:
        raise ValidationError(
            field,
            value,
            Phrase("a working time from 0 % to 100 %", "un temps de travail de 0 % à 100 %"),
        )
    return quantity.to(WORKING_TIME_UNIT)


def _low(value: Any) -> Quantity:
    return _percent(value, "low")


def _high(value: Any) -> Quantity:
    return _percent(value, "high")


@attrs.frozen(kw_only=True)
class WorkingTimeBand:
    """Working times from ``low`` to ``high``, both included (``"50 %"`` to ``"80 %"``);
    ``high`` may be 100 % (full time)."""

    low: Quantity = attrs.field(default="0 %", converter=_low)
    high: Quantity = attrs.field(default="100 %", converter=_high)
    # the bounds in percent, read once for the columns
    _low_percent: float = attrs.field(init=False, eq=False, repr=False)
    _high_percent: float = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        low = round(float(self.low.m_as(WORKING_TIME_UNIT)), 9)
        high = round(float(self.high.m_as(WORKING_TIME_UNIT)), 9)
        object.__setattr__(self, "_low_percent", low)
        object.__setattr__(self, "_high_percent", high)
        if high < low:
            raise ValidationError(
                "high",
                self.high,
                Phrase(
                    "at least the low bound {low}",
                    "au moins la borne basse, {low}",
                    low=f"{self.low:~}",
                ),
            )

    @property
    def low_percent(self) -> float:
        """The lowest working time, in percent."""
        return self._low_percent

    @property
    def high_percent(self) -> float:
        """The highest working time, in percent."""
        return self._high_percent

    def contains(self, shares: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """For each working time (percent), whether it lies in the band."""
        result: npt.NDArray[np.bool_] = (shares >= self._low_percent) & (
            shares <= self._high_percent
        )
        return result

    def contains_part_time(self, shares: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """For each working time (percent), whether it lies in the band and is a part-time
        one (under 100 %): a band up to 100 % holds every part-time working time from
        its low bound."""
        high = self._high_percent
        below = shares < 100 if high >= 100 else shares <= high
        result: npt.NDArray[np.bool_] = (shares >= self._low_percent) & below
        return result


def _maximum(value: Any) -> Quantity:
    return days_per_week(value, "maximum")


def _share_bound(value: Any, field: str) -> Quantity:
    quantity = as_quantity(value, field=field, dimension=DIMENSIONLESS)
    share = round(float(quantity.m_as("percent")), 9)
    if not 0 <= share <= 100:
        raise ValidationError(
            field,
            value,
            Phrase("a share between 0 % and 100 %", "une proportion entre 0 % et 100 %"),
        )
    return Q_(share, "percent")


def _cap_low(value: Any) -> Quantity:
    return _share_bound(value, "low")


def _cap_high(value: Any) -> Quantity | None:
    return None if value is None else _share_bound(value, "high")


@attrs.frozen(kw_only=True)
class PartTimeCap:
    """A lower weekly cap for agents whose working time lies in ``[low, high]``; without
    bounds, for any part-time agent (every working time under 100 %).

    One ministerial arrêté caps part-time agents (60 to 90 %) at 2.5 days a week and
    half-time agents at 1.5, floating days included (the décret itself has no such
    rule, so it is a policy's choice). A band is of part-time working times: its high
    bound is under 100 %. ``band`` is the :class:`WorkingTimeBand` from ``low`` to
    ``high`` (to 100 % when ``high`` is not stated), whose part-time working times the
    cap applies to.
    """

    maximum: Quantity = attrs.field(converter=_maximum)
    low: Quantity = attrs.field(default="0 %", converter=_cap_low)
    high: Quantity | None = attrs.field(default=None, converter=_cap_high)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    band: WorkingTimeBand = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # the band refuses a high bound under the low one
        high = Q_(100.0, WORKING_TIME_UNIT) if self.high is None else self.high
        object.__setattr__(self, "band", WorkingTimeBand(low=self.low, high=high))
        if self.high is not None and self.high_percent >= 100:
            # a band up to 100 % would cap full-time agents too
            raise ValidationError(
                "high",
                self.high,
                Phrase(
                    "a part-time working time, under 100 % (e.g. '90 %')",
                    "un temps partiel, sous 100 % (par exemple «\u00a090 %\u00a0»)",
                ),
            )

    @property
    def low_percent(self) -> float:
        """The lowest working time of the band, in percent."""
        return self.band.low_percent

    @property
    def high_percent(self) -> float:
        """The highest working time of the band, in percent (100, not included, when
        the band is every part-time working time)."""
        return self.band.high_percent

    def applies(self, share: float) -> bool:
        """Whether a working time of ``share`` percent falls in the band."""
        return bool(self.contains(np.array([share]))[0])

    def contains(self, shares: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """For each working time (percent, rounded to 1e-9), whether it is in the band."""
        return self.band.contains_part_time(shares)

    def describe(self) -> str:
        """The band in words: ``60–90 %``, ``50 %``, or ``any part-time working time``."""
        if self.high is None and self.low_percent == 0:
            return "any part-time working time"
        if self.high is None:
            return f"{self.low_percent:g} % to under 100 %"
        if self.low_percent == self.high_percent:
            return f"{self.low_percent:g} %"
        return f"{self.low_percent:g}–{self.high_percent:g} %"
