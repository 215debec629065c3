"""Money exact to the cent: integer cents inside, one stated rounding rule.

Amounts are computed in integer arithmetic. A rate is held in *millicents* (1/1000 of a
cent, exact for any rate written with up to five decimals of a euro) and a number of
days in *half days*, so ``days × rate`` is an exact integer; the result is then rounded
**to the cent, half up** (0.5 cent becomes 1 cent), once, where an amount is due. A cap is
applied after that rounding. So 88 days × 2.88 EUR is exactly 25,344 cents, the
253.44 EUR cap, and 89 days are capped at it.
"""

from __future__ import annotations

import decimal
import math
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from teletravail.errors import UnitError, ValidationError
from teletravail.units import Q_, as_quantity
from teletravail.units import unit as unit_of

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "MAX_EUR",
    "as_decimal",
    "cents",
    "euros",
    "half_days",
    "millicents",
    "pay",
    "pay_in_place",
]

_MILLICENTS_PER_EUR = 100_000
_MAX_DAYS = 366  # a count of telework days above a year's is a mistake (and overflows)

#: The largest amount or rate the library pays exactly, in EUR. A year of a daily rate
#: is summed as half days × millicents (at most 732 × 10**15) and a month of a weekly
#: rate as half days a week × millicents: both stay far inside 64-bit integers, and
#: totals over agents are summed in Python integers. Telework allowances are a few
#: euros a day; a larger amount is a typing error, refused where it is written.
MAX_EUR = 10_000_000_000


def millicents(value: Any, field: str, unit: str = "EUR") -> int:
    """An amount (``"2.88 EUR"``) or a rate (``unit="EUR/workday"``) in integer
    millicents of ``unit``; a value of another dimension is a :class:`UnitError`."""
    target = unit_of(unit)
    quantity = as_quantity(value, field=field, dimension=None)
    if quantity.units == target:  # the usual case: no conversion to make
        magnitude = float(quantity.magnitude)
    elif quantity.dimensionality != target.dimensionality:
        raise UnitError(field, value, str(target.dimensionality), f"an amount in {unit}")
    else:
        magnitude = float(quantity.m_as(target))
    if not abs(magnitude) <= MAX_EUR:  # NaN and infinities too
        raise ValidationError(field, value, f"an amount of at most {MAX_EUR:,} {unit}")
    exact = decimal.Decimal(repr(magnitude)) * _MILLICENTS_PER_EUR
    nearest = exact.to_integral_value()
    # a unit conversion (35 cent -> 0.35000000000000003 EUR) leaves float dust: ignore it
    if abs(exact - nearest) > decimal.Decimal("0.000001"):
        raise ValidationError(field, value, "an amount with at most five decimals of a euro")
    exact = nearest
    if exact < 0:
        raise ValidationError(field, value, "an amount >= 0 EUR")
    return int(exact)


def cents(value: Any, field: str) -> int:
    """An amount in whole cents (it must be one: ``"253.44 EUR"`` → 25344)."""
    found = millicents(value, field)
    if found % 1000:
        raise ValidationError(field, value, "an amount in whole cents")
    return found // 1000


def half_days(days: npt.ArrayLike, field: str = "days") -> npt.NDArray[np.int64]:
    """Numbers of days as integer half days; anything but multiples of 0.5, negative
    numbers or more than 366 days are refused.

    The checks read the smallest and largest counts (NaN and infinities show in one of
    them) and the largest distance to a half day: a few passes over the column and no
    temporary boolean column, as it runs on every agent of a workforce.
    """
    try:
        array = np.asarray(days, dtype=float)
    except (TypeError, ValueError):
        raise ValidationError(field, days, "numbers of days") from None
    if not array.size:
        return np.zeros(array.shape, dtype=np.int64)
    low, high = float(array.min()), float(array.max())
    if not (math.isfinite(low) and math.isfinite(high)) or low < 0:
        raise ValidationError(field, "negative or not finite", "numbers of days >= 0")
    if high > _MAX_DAYS:
        raise ValidationError(field, high, f"at most {_MAX_DAYS} days")
    doubled = array * 2
    halves: npt.NDArray[np.int64] = np.rint(doubled).astype(np.int64)
    doubled -= halves  # what is left over a whole number of half days
    if max(float(doubled.max()), -float(doubled.min())) > 1e-9:
        raise ValidationError(field, "not a multiple of half a day", "whole or half days")
    return halves


def pay(halves: npt.ArrayLike, rate_millicents: int) -> npt.NDArray[np.int64]:
    """Cents due for ``halves`` half days at a rate in millicents per day, rounded half up."""
    due = pay_in_place(np.array(halves, dtype=np.int64), rate_millicents)
    return due if due.ndim else due[()]  # one count gives one number, as numpy would


def pay_in_place(halves: npt.NDArray[np.int64], rate_millicents: int) -> npt.NDArray[np.int64]:
    """:func:`pay` written over ``halves`` (an int64 array of one's own), returned."""
    if rate_millicents % 2000 == 0:
        # a whole number of cents per half day: the rounding below would change nothing
        halves *= np.int64(rate_millicents // 2000)
        return halves
    halves *= np.int64(rate_millicents)
    # now in half-millicents: cents = halves / 2000, rounded half up
    halves += 1000
    halves //= 2000
    return halves


def euros(amount_cents: int | npt.ArrayLike) -> Quantity:
    """Cents as a quantity in EUR (one quantity wrapping an array for many amounts).

    The quantity's magnitude is a float, fine for display and arithmetic; the exact
    amount is the integer number of cents (or :func:`as_decimal`).
    """
    if isinstance(amount_cents, bool):
        raise ValidationError("cents", amount_cents, "a whole number of cents")
    if isinstance(amount_cents, int | np.integer):
        return Q_(int(amount_cents) / 100, "EUR")
    array = np.asarray(amount_cents)
    if array.dtype.kind not in "iu":
        raise ValidationError("cents", amount_cents, "whole numbers of cents")
    return Q_(array.astype(np.int64) / 100, "EUR")


def as_decimal(amount_cents: int) -> decimal.Decimal:
    """Cents as an exact :class:`decimal.Decimal` number of euros."""
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int | np.integer):
        raise ValidationError("cents", amount_cents, "a whole number of cents")
    return decimal.Decimal(int(amount_cents)).scaleb(-2)
