"""Time served and time worked: :class:`MinimumSeniority` (``seniority.minimum``),
counted in calendar anniversaries from the hire date, and :class:`MinimumWorkingTime`
(``working_time.minimum``), the working time (quotité) an agent must have.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.explain import Value
from teletravail.units import DIMENSIONLESS, Q_
from teletravail.workforce import WORKING_TIME_UNIT, Workforce

from .criterion import Criterion, MinimumQuantity, any_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["MinimumSeniority", "MinimumWorkingTime"]


def _duration(value: Any) -> Duration:
    return Duration.parse(value)


@functools.lru_cache(maxsize=256)
def _latest_start(minimum: Duration, on: dt.date) -> dt.date | None:
    """The cut-off hire date, or None when no hire date can qualify (``on`` is too early)."""
    try:
        return minimum.latest_start(on)
    except ValidationError:
        return None


_EPOCH = dt.date(1970, 1, 1)


def _day_number(day: dt.date) -> int:
    """Days since 1970-01-01, the integer behind ``datetime64[D]``."""
    return (day - _EPOCH).days


@attrs.frozen(kw_only=True)
class MinimumSeniority(Criterion):
    """At least ``minimum`` of seniority on the reference date, counted from the hire date.

    Anniversaries are calendar dates (:class:`~teletravail.dated.Duration`): an agent
    hired on 2012-02-29 has one year of seniority on 2013-02-28; an agent hired on the
    reference date has none. The cut-off hire date is computed once per evaluation.
    """

    CODE: ClassVar[str] = "seniority.minimum"
    minimum: Duration = attrs.field(factory=lambda: Duration(years=1), converter=_duration)

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        latest = _latest_start(self.minimum, on)
        if latest is None:
            return np.zeros(len(workforce), dtype=bool)
        cutoff = _day_number(latest)
        # days since 1970 as int64: the same order as the dates, and several times faster
        result: npt.NDArray[np.bool_] = workforce.hire_date.view(np.int64) <= cutoff
        return result

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        hired = workforce.hire_date[row].astype(object)
        assert isinstance(hired, dt.date)
        return Duration.between(hired, on) if hired <= on else Duration()

    @property
    def threshold(self) -> Value:
        return self.minimum


@attrs.frozen(kw_only=True)
class MinimumWorkingTime(MinimumQuantity):
    """A working time (quotité) of at least ``minimum``; exactly the minimum passes.

    Working times are compared in percent rounded to 1e-9, so ``0.9`` and ``90 %`` agree.
    """

    CODE: ClassVar[str] = "working_time.minimum"
    DIMENSION: ClassVar[str] = DIMENSIONLESS
    UNIT: ClassVar[str] = WORKING_TIME_UNIT
    COLUMN: ClassVar[str] = "working_time_percent"
    MAXIMUM: ClassVar[float | None] = 100.0
    minimum: Quantity = attrs.field(factory=lambda: Q_(90, "percent"), converter=any_quantity)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        object.__setattr__(self, "_limit", round(self._limit, 9))
