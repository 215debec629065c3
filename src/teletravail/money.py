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
from teletravail.messages import Phrase
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
_WHOLE_CENTS = Phrase("a whole number of cents", "un nombre entier de centimes")
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
        raise UnitError(
            field,
            value,
            str(target.dimensionality),
            Phrase("an amount in {unit}", "un montant en {unit}", unit=unit),
        )
    else:
        magnitude = float(quantity.m_as(target))
    if not abs(magnitude) <= MAX_EUR:  # NaN and infinities too
        raise ValidationError(
            field,
            value,
            Phrase(
                "an amount of at most {most:,} {unit}",
                "un montant d'au plus {most} {unit}",
                most=MAX_EUR,
                unit=unit,
            ),
        )
    exact = decimal.Decimal(repr(magnitude)) * _MILLICENTS_PER_EUR
    nearest = exact.to_integral_value()
    # a unit conversion (35 cent -> 0.35000000000000003 EUR) leaves float dust: ignore it
    if abs(exact - nearest) > decimal.Decimal("0.000001"):
        raise ValidationError(
            field,
            value,
            Phrase(
                "an amount with at most five decimals of a euro",
                "un montant avec au plus cinq décimales d'euro",
            ),
        )
    exact = nearest
    if exact < 0:
        raise ValidationError(
            field, value, Phrase("an amount >= 0 EUR", "un montant positif ou nul (>= 0 EUR)")
        )
    return int(exact)


def cents(value: Any, field: str) -> int:
    """An amount in whole cents (it must be one: ``"253.44 EUR"`` → 25344)."""
    found = millicents(value, field)
    if found % 1000:
        raise ValidationError(
            field, value, Phrase("an amount in whole cents", "un montant en centimes entiers")
        )
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
        raise ValidationError(
            field, days, Phrase("numbers of days", "des nombres de jours")
        ) from None
    if not array.size:
        return np.zeros(array.shape, dtype=np.int64)
    low, high = float(array.min()), float(array.max())
    if not (math.isfinite(low) and math.isfinite(high)) or low < 0:
        raise ValidationError(
            field,
            Phrase("negative or not finite", "négatif ou non fini"),
            Phrase("numbers of days >= 0", "des nombres de jours positifs ou nuls"),
        )
    if high > _MAX_DAYS:
        raise ValidationError(
            field, high, Phrase("at most {most} days", "au plus {most} jours", most=_MAX_DAYS)
        )
    doubled = array * 2
    halves: npt.NDArray[np.int64] = np.rint(doubled).astype(np.int64)
    doubled -= halves  # what is left over a whole number of half days
    if max(float(doubled.max()), -float(doubled.min())) > 1e-9:
        raise ValidationError(
            field,
            Phrase("not a multiple of half a day", "pas un multiple d'une demi-journée"),
            Phrase("whole or half days", "des jours entiers ou des demi-journées"),
        )
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
        raise ValidationError("cents", amount_cents, _WHOLE_CENTS)
    if isinstance(amount_cents, int | np.integer):
        return Q_(int(amount_cents) / 100, "EUR")
    array = np.asarray(amount_cents)
    if array.dtype.kind not in "iu":
        raise ValidationError(
            "cents",
            amount_cents,
            Phrase("whole numbers of cents", "des nombres entiers de centimes"),
        )
    return Q_(array.astype(np.int64) / 100, "EUR")


def as_decimal(amount_cents: int) -> decimal.Decimal:
    """Cents as an exact :class:`decimal.Decimal` number of euros."""
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int | np.integer):
        raise ValidationError("cents", amount_cents, _WHOLE_CENTS)
    return decimal.Decimal(int(amount_cents)).scaleb(-2)
