"""Independent definitions the library's figures are checked against: day counts with
numpy's business-day functions and holidays written out by hand, the leave assumption
with exact fractions, money with ``Decimal`` and half-up rounding per period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np

#: France's public holidays, written out from the law (Code du travail, art. L3133-1):
#: 1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August,
#: 1 November, 11 November, 25 December.
FRANCE: dict[int, tuple[str, ...]] = {
    2013: (
        "2013-01-01", "2013-04-01", "2013-05-01", "2013-05-08", "2013-05-09", "2013-05-20",
        "2013-07-14", "2013-08-15", "2013-11-01", "2013-11-11", "2013-12-25",
    ),
    2014: (
        "2014-01-01", "2014-04-21", "2014-05-01", "2014-05-08", "2014-05-29", "2014-06-09",
        "2014-07-14", "2014-08-15", "2014-11-01", "2014-11-11", "2014-12-25",
    ),
    2023: (
        "2023-01-01", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-18", "2023-05-29",
        "2023-07-14", "2023-08-15", "2023-11-01", "2023-11-11", "2023-12-25",
    ),
    2024: (
        "2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20",
        "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25",
    ),
    2025: (
        "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09",
        "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
    ),
}  # fmt: skip
#: The Alsace-Moselle adds Good Friday and 26 December (Code du travail, art. L3134-13).
MOSELLE_EXTRA: dict[int, tuple[str, ...]] = {
    2023: ("2023-04-07", "2023-12-26"),
    2024: ("2024-03-29", "2024-12-26"),
    2025: ("2025-04-18", "2025-12-26"),
}


def holidays(year: int, *, moselle: bool = False) -> list[str]:
    """The public holidays of ``year`` (France, or the Moselle)."""
    return [*FRANCE[year], *(MOSELLE_EXTRA[year] if moselle else ())]


def weekdays_worked(
    start: dt.date, end: dt.date, weekdays: Iterable[int], days_off: list[str]
) -> int:
    """The days of ``start..end`` (inclusive) that fall on ``weekdays`` and are not in
    ``days_off``, counted by numpy's business-day functions."""
    chosen = set(weekdays)
    mask = "".join("1" if day in chosen else "0" for day in range(7))
    if mask == "0000000":
        return 0
    return int(
        np.busday_count(
            np.datetime64(start, "D"),
            np.datetime64(end + dt.timedelta(days=1), "D"),
            weekmask=mask,
            holidays=days_off,
        )
    )


def working_days(year: int, days_off: list[str]) -> int:
    """A full-time week's working days in ``year``."""
    return weekdays_worked(dt.date(year, 1, 1), dt.date(year, 12, 31), range(5), days_off)


def after_leave(halves: int, leave_days: float, working: int) -> int:
    """A year's half days kept under a leave assumption: the half days times one less
    the share on leave, rounded half up (exact fractions)."""
    kept = Fraction(halves) * (1 - Fraction(str(leave_days)) / working)
    return int((kept + Fraction(1, 2)) // 1)


def cents(days: float, rate: str, cap: str | None = None) -> int:
    """``days`` at ``rate`` EUR a day in one period, rounded half up to the cent, then
    capped (``Decimal``)."""
    amount = (Decimal(str(days)) * Decimal(rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if cap is not None:
        amount = min(amount, Decimal(cap))
    return int(amount * 100)
