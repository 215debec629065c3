"""Allowances: one-off, per day with dated rates and caps, monthly flat amounts, employer
costs, payment calendars; exact to the cent. The national parameters a policy names
instead of copying them (the public-service forfait by branch, the URSSAF limits) are
listed by :func:`national_parameters`.

The modules of the package, from the lowest layer up:

* ``result``: what an allowance gives one agent: a :class:`Line` per component, with a
  :class:`PeriodAmount` per year or month, and the :class:`AllowanceResult` of them all;
* ``columns``: the same for many schedules at once: a component's :class:`Amounts` and
  an allowance's :class:`AllowanceColumns`;
* ``component``: what every component is (:class:`Component`) and the readers of the
  fields the kinds share;
* ``one_off``: amounts counted once when telework starts (:class:`OneOff`,
  :class:`EmployerCost`);
* ``rates``: amounts at a dated rate (:class:`PerDay`, :class:`MonthlyFlat`) and the
  reference a component made from a national parameter keeps;
* ``allowance``: the :class:`Allowance` of several components and the table of kinds
  (:data:`COMPONENT_KINDS`);
* ``forfait`` and ``urssaf``: the dated national amounts; ``national``: the registry of
  national parameters a policy names; ``branch``: the branches of the civil service
  the forfait's cap depends on; ``presets``: the components of those amounts;
* ``payments``: when an allowance is paid (:class:`PaymentCalendar`);
* ``text``: a line as text in English or French, how its amount was reached
  (:func:`line_text`).

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
    "COMPONENT_KINDS": "allowance",
    "Allowance": "allowance",
    "AllowanceColumns": "columns",
    "Amounts": "columns",
    "Component": "component",
    "AllowanceResult": "result",
    "EmployerCost": "one_off",
    "Line": "result",
    "MonthlyFlat": "rates",
    "NotPayableError": "teletravail.errors",
    "OneOff": "one_off",
    "PerDay": "rates",
    "PeriodAmount": "result",
    "forfait_annual_cap": "forfait",
    "forfait_annual_cap_territorial": "forfait",
    "forfait_daily_rate": "forfait",
    "Branch": "branch",
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
    "line_text": "text",
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
    "line_text",
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
    from teletravail.errors import NotPayableError

    from . import presets
    from .allowance import COMPONENT_KINDS, Allowance
    from .branch import Branch
    from .columns import AllowanceColumns, Amounts
    from .component import Component
    from .forfait import forfait_annual_cap, forfait_annual_cap_territorial, forfait_daily_rate
    from .national import (
        NationalParameter,
        NationalReference,
        NationalValues,
        national_component,
        national_parameter,
        national_parameters,
    )
    from .one_off import EmployerCost, OneOff
    from .payments import Payment, PaymentCalendar, payment_calendar
    from .presets import forfait_teletravail
    from .rates import MonthlyFlat, PerDay
    from .result import AllowanceResult, Line, PeriodAmount
    from .text import line_text
    from .urssaf import urssaf_daily_rate, urssaf_monthly_cap, urssaf_monthly_flat_rate


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
