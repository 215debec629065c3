"""Allowances: one-off, per day with dated rates and caps, monthly flat amounts, employer
costs, payment calendars; exact to the cent.

>>> from teletravail.allowance import forfait_teletravail
>>> forfait_teletravail().for_workforce([88, 89, 10], 2023).tolist()
[25344, 25344, 2880]
"""

from . import presets
from .components import (
    Allowance,
    AllowanceResult,
    EmployerCost,
    Line,
    MonthlyFlat,
    NotPayableError,
    OneOff,
    PerDay,
    PeriodAmount,
)
from .forfait import forfait_annual_cap, forfait_daily_rate
from .money import as_decimal, euros
from .payments import Payment, PaymentCalendar, payment_calendar
from .presets import forfait_teletravail

__all__ = [
    "Allowance",
    "AllowanceResult",
    "EmployerCost",
    "Line",
    "MonthlyFlat",
    "NotPayableError",
    "OneOff",
    "Payment",
    "PaymentCalendar",
    "PerDay",
    "PeriodAmount",
    "as_decimal",
    "euros",
    "forfait_annual_cap",
    "forfait_daily_rate",
    "forfait_teletravail",
    "payment_calendar",
    "presets",
]
