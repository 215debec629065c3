"""Allowances: one-off, per day with dated rates and caps, monthly flat amounts, employer
costs, payment calendars; exact to the cent. The national parameters a policy names
instead of copying them (the public-service forfait by branch, the URSSAF limits) are
listed by :func:`national_parameters`.

>>> from teletravail.allowance import forfait_teletravail
>>> from teletravail.scheduling import WeeklyPattern, plan
>>> forfait_teletravail().line(plan(WeeklyPattern.of(["tue"]), "2023-01-01", "2023-12-31")).cents
14688
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teletravail._lazy import lazy_names

# Names are loaded on first use (PEP 562), as in the package's ``__init__``: importing
# one module of this sub-package does not import the others (schedules, télécentres,
# economics...), which keeps a process's first result quick.
_EXPORTS: dict[str, str] = {
    "COMPONENT_KINDS": "components",
    "Allowance": "components",
    "AllowanceColumns": "components",
    "Amounts": "components",
    "Component": "components",
    "AllowanceResult": "components",
    "EmployerCost": "components",
    "Line": "components",
    "MonthlyFlat": "components",
    "NotPayableError": "components",
    "OneOff": "components",
    "PerDay": "components",
    "PeriodAmount": "components",
    "forfait_annual_cap": "forfait",
    "forfait_annual_cap_territorial": "forfait",
    "forfait_daily_rate": "forfait",
    "Branch": "national",
    "NationalParameter": "national",
    "NationalReference": "national",
    "NationalValues": "national",
    "national_component": "national",
    "national_parameter": "national",
    "national_parameters": "national",
    "as_decimal": "teletravail.money",
    "euros": "teletravail.money",
    "Payment": "payments",
    "PaymentCalendar": "payments",
    "payment_calendar": "payments",
    "forfait_teletravail": "presets",
    "urssaf_daily_rate": "urssaf",
    "urssaf_monthly_cap": "urssaf",
    "urssaf_monthly_flat_rate": "urssaf",
}
_SUBMODULES: frozenset[str] = frozenset({"presets"})

__all__ = [
    "COMPONENT_KINDS",
    "Allowance",
    "AllowanceColumns",
    "AllowanceResult",
    "Amounts",
    "Branch",
    "Component",
    "EmployerCost",
    "Line",
    "MonthlyFlat",
    "NationalParameter",
    "NationalReference",
    "NationalValues",
    "NotPayableError",
    "OneOff",
    "Payment",
    "PaymentCalendar",
    "PerDay",
    "PeriodAmount",
    "as_decimal",
    "euros",
    "forfait_annual_cap",
    "forfait_annual_cap_territorial",
    "forfait_daily_rate",
    "forfait_teletravail",
    "national_component",
    "national_parameter",
    "national_parameters",
    "payment_calendar",
    "presets",
    "urssaf_daily_rate",
    "urssaf_monthly_cap",
    "urssaf_monthly_flat_rate",
]

if TYPE_CHECKING:
    from . import presets
    from .components import (
        COMPONENT_KINDS,
        Allowance,
        AllowanceColumns,
        AllowanceResult,
        Amounts,
        Component,
        EmployerCost,
        Line,
        MonthlyFlat,
        NotPayableError,
        OneOff,
        PerDay,
        PeriodAmount,
    )
    from .forfait import forfait_annual_cap, forfait_annual_cap_territorial, forfait_daily_rate
    from .national import (
        Branch,
        NationalParameter,
        NationalReference,
        NationalValues,
        national_component,
        national_parameter,
        national_parameters,
    )
    from .payments import Payment, PaymentCalendar, payment_calendar
    from .presets import forfait_teletravail
    from .urssaf import urssaf_daily_rate, urssaf_monthly_cap, urssaf_monthly_flat_rate


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
