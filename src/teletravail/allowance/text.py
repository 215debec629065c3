"""An allowance's lines as text, in English or French: each component's amount and how
it was reached, the days it pays for at its rate, the cap of each year or month, and
the days it does not pay for.

>>> from teletravail.allowance.result import Line, PeriodAmount
>>> from teletravail.units import Q_
>>> line = Line(name="forfait télétravail", kind="per_day", cents=25344,
...     paid_to_agent=True, days=Q_(114.5, "workday"),
...     periods=(PeriodAmount(period="2025", days=Q_(114.5, "workday"),
...                           uncapped=32976, cap=25344, cents=25344),))
>>> print(line_text(line, "fr"))
forfait télétravail : 253,44 € (2025 : 114,5 jours à 2,88 € = 329,76 €, plafonné à 253,44 €)
>>> print(line_text(line, "en"))
forfait télétravail: €253.44 (2025: 114.5 days at €2.88 = €329.76, capped at €253.44)
"""

from __future__ import annotations

import re
from typing import Final

from teletravail import formats
from teletravail.messages import COLON, NNBSP, Lang, check_lang

from .result import Line, PeriodAmount

__all__ = ["line_text", "period_words"]

_MONTH: Final = re.compile(r"^(\d{4})-(\d{2})$")

#: Why days are not paid, by the code a line gives them.
_EXCLUDED: Final[dict[str, dict[Lang, str]]] = {
    "place": {"en": "at a place where it is not due", "fr": "dans un lieu où il n'est pas dû"},
    "no_rate": {"en": "without a rate in force", "fr": "sans taux en vigueur"},
}


def period_words(period: str, lang: Lang) -> str:
    """A year as it is (``2025``), a month in words (``mars 2025``, ``March 2025``)."""
    lang = check_lang(lang)
    found = _MONTH.match(period)
    if found is None:
        return period
    year, month = found.groups()
    return f"{formats.MONTHS[check_lang(lang)][int(month) - 1]} {year}"


def _days(value: float, lang: Lang) -> str:
    from teletravail.units import Q_

    return formats.quantity(Q_(value, "workday"), lang)


def _period(amount: PeriodAmount, lang: Lang) -> str:
    """``114,5 jours à 2,88 € = 329,76 €, plafonné à 253,44 €``."""
    days = float(amount.days.m_as("workday"))
    fr = lang == "fr"
    text = _days(days, lang)
    if days > 0:
        rate = amount.uncapped / days
        if abs(round(rate) * days - amount.uncapped) < 1:
            text += f" {'à' if fr else 'at'} {formats.money(round(rate), lang)}"
        text += f" = {formats.money(amount.uncapped, lang)}"
    if amount.cap is not None and amount.cents < amount.uncapped:
        capped = "plafonné à" if fr else "capped at"
        text += f", {capped} {formats.money(amount.cap, lang)}"
    return f"{period_words(amount.period, lang)}{COLON[lang]} {text}"


def line_text(line: Line, lang: Lang) -> str:
    """One line: the component's name and amount, then in brackets how it was reached
    (each period of a per-day component, the days not paid and why)."""
    lang = check_lang(lang)
    parts = [_period(amount, lang) for amount in line.periods if amount.uncapped or amount.cents]
    for reason, days in line.excluded.items():
        count = float(days.m_as("workday"))
        if count:
            why = _EXCLUDED.get(reason, {}).get(lang, reason.replace("_", " "))
            unpaid = "non payés" if lang == "fr" else "not paid"
            parts.append(f"{_days(count, lang)} {unpaid} {why}")
    head = f"{line.name}{COLON[lang]} {formats.money(line.cents, lang)}"
    semicolon = f"{NNBSP}; " if lang == "fr" else "; "
    return f"{head} ({semicolon.join(parts)})" if parts else head
