"""What an allowance gives one agent: a :class:`Line` per component (with a
:class:`PeriodAmount` per calendar year or month, for the components paid per period),
and the :class:`AllowanceResult` that adds them up, apart for what is paid to the agent
and what the employer bears.

Amounts are exact to the cent (see :mod:`teletravail.money`); the JSON-ready forms
write money as exact decimal strings of euros.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from teletravail.money import as_decimal, euros
from teletravail.sources import Source

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["AllowanceResult", "Line", "LineKind", "PeriodAmount"]

#: The stable codes of the kinds of component, as lines and documents write them.
LineKind = Literal["one_off", "per_day", "monthly_flat", "employer_cost"]


@attrs.frozen(kw_only=True)
class PeriodAmount:
    """What a per-day component gives over one calendar year or month."""

    period: str
    days: Quantity
    uncapped: int
    cap: int | None
    cents: int

    @property
    def amount(self) -> Quantity:
        """The amount due, in EUR."""
        return euros(self.cents)


@attrs.frozen(kw_only=True)
class Line:
    """One component's amount: ``cents`` (exact), with the days it pays for, the days it
    does not (by reason) and, for per-day components, the detail per period."""

    name: str
    kind: LineKind
    cents: int
    paid_to_agent: bool
    days: Quantity | None = None
    excluded: Mapping[str, Quantity] = attrs.field(factory=dict)
    periods: tuple[PeriodAmount, ...] = ()
    source: Source | None = None

    @property
    def amount(self) -> Quantity:
        """The amount in EUR."""
        return euros(self.cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form; money as an exact decimal string of euros."""
        return {
            "name": self.name,
            "kind": self.kind,
            "amount": str(as_decimal(self.cents)),
            "currency": "EUR",
            "paid_to_agent": self.paid_to_agent,
            "days": None if self.days is None else float(self.days.m_as("workday")),
            "excluded": {k: float(v.m_as("workday")) for k, v in self.excluded.items()},
            "periods": [
                {
                    "period": p.period,
                    "days": float(p.days.m_as("workday")),
                    "uncapped": str(as_decimal(p.uncapped)),
                    "cap": None if p.cap is None else str(as_decimal(p.cap)),
                    "amount": str(as_decimal(p.cents)),
                }
                for p in self.periods
            ],
            "source": None if self.source is None else self.source.to_dict(),
        }


@attrs.frozen(kw_only=True)
class AllowanceResult:
    """The lines of an allowance, with what is paid to the agent and what the employer
    bears apart."""

    lines: tuple[Line, ...]

    @property
    def paid_cents(self) -> int:
        """Everything paid to the agent, in cents."""
        return sum(line.cents for line in self.lines if line.paid_to_agent)

    @property
    def paid(self) -> Quantity:
        """Everything paid to the agent, in EUR."""
        return euros(self.paid_cents)

    @property
    def employer_cents(self) -> int:
        """The employer's own costs, in cents."""
        return sum(line.cents for line in self.lines if not line.paid_to_agent)

    @property
    def employer_costs(self) -> Quantity:
        """The employer's own costs, in EUR."""
        return euros(self.employer_cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: every line, and the totals as exact decimal strings."""
        return {
            "schema": "teletravail.allowance.result",
            "lines": [line.to_dict() for line in self.lines],
            "paid": str(as_decimal(self.paid_cents)),
            "employer_costs": str(as_decimal(self.employer_cents)),
            "currency": "EUR",
        }
