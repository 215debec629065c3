"""What an allowance gives one agent: a :class:`Line` per component (with a
:class:`PeriodAmount` per calendar year or month, for the components paid per period),
and the :class:`AllowanceResult` that adds them up, apart for what is paid to the agent
and what the employer bears.

Amounts are exact to the cent (see :mod:`teletravail.money`); the JSON-ready forms
write money as exact decimal strings of euros.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from teletravail.documents import (
    Choice,
    Flag,
    Key,
    ListOf,
    MapOf,
    Measure,
    Money,
    Table,
    Text,
    cents_text,
    heading_keys,
    read,
    write,
)
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.money import euros
from teletravail.sources import SOURCE_TABLE, Source

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "ALLOWANCE",
    "ALLOWANCE_SCHEMA",
    "ALLOWANCE_SCHEMA_VERSION",
    "LINE",
    "AllowanceResult",
    "Line",
    "LineKind",
    "PeriodAmount",
]

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
        """A JSON-ready form (:data:`LINE`): money as ``{"value": "264.96", "unit":
        "EUR"}``, days as ``{"value": 92.0, "unit": "workday"}``."""
        data: dict[str, Any] = write(LINE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "line") -> Line:
        """Read back a line written by :meth:`to_dict` (every problem at once, each
        with its key path)."""
        line: Line = read(LINE, data, path)
        return line


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
        """A JSON-ready document (:data:`ALLOWANCE`): every line, and the totals as
        exact amounts."""
        data: dict[str, Any] = write(ALLOWANCE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "allowance") -> AllowanceResult:
        """Read back a document written by :meth:`to_dict`."""
        result: AllowanceResult = read(ALLOWANCE, data, path)
        return result


#: The version of the allowance documents (2: money as ``{"value", "unit"}`` and days
#: as quantities, as in every document of the library).
ALLOWANCE_SCHEMA_VERSION: Final = 2
#: The name of the document :meth:`AllowanceResult.to_dict` writes.
ALLOWANCE_SCHEMA: Final = "teletravail.allowance.result"

_DAYS: Final = Measure("workday", nullable=False)


def _period(data: dict[str, Any]) -> PeriodAmount:
    return PeriodAmount(
        period=data["period"],
        days=data["days"],
        uncapped=data["uncapped"],
        cap=data.get("cap"),
        cents=data["amount"],
    )


_PERIOD: Final = Table(
    "period",
    "What a per-day component gives over one calendar year or month.",
    [
        Key("period", Text(), "the year (2025) or month (2025-03)", True),
        Key("days", _DAYS, "the days paid for", True),
        Key("uncapped", Money(), "the amount before the cap", True),
        Key("cap", Money(), "the cap of the period (left out: none)"),
        Key("amount", Money(), "the amount due", True),
    ],
    _period,
    lambda p: {
        "period": p.period,
        "days": p.days,
        "uncapped": p.uncapped,
        "cap": p.cap,
        "amount": p.cents,
    },
    french="période",
)


def _line(data: dict[str, Any]) -> Line:
    return Line(
        name=data["name"],
        kind=data["kind"],
        cents=data["amount"],
        paid_to_agent=data["paid_to_agent"],
        days=data.get("days"),
        excluded=data.get("excluded", {}),
        periods=tuple(data.get("periods", ())),
        source=data.get("source"),
    )


#: The description of a line's document (:meth:`Line.to_dict`).
LINE: Final = Table(
    "line",
    "One component's amount, with the days it pays for and the detail per period.",
    [
        Key("name", Text(), "the component's name", True),
        Key("kind", Choice(list(get_args(LineKind))), "the kind of component", True),
        Key("amount", Money(), "the amount", True),
        Key("paid_to_agent", Flag(), "paid to the agent (false: the employer's cost)", True),
        Key("days", _DAYS, "the days it pays for (per-day components)"),
        Key("excluded", MapOf(_DAYS), "the days it does not pay for, by reason"),
        Key("periods", ListOf(_PERIOD), "the amount per calendar year or month"),
        Key("source", SOURCE_TABLE, "the text it rests on"),
    ],
    _line,
    lambda line: {
        "name": line.name,
        "kind": line.kind,
        "amount": line.cents,
        "paid_to_agent": line.paid_to_agent,
        "days": line.days,
        "excluded": dict(line.excluded) or None,
        "periods": list(line.periods) or None,
        "source": line.source,
    },
    french="ligne",
)


def _result(data: dict[str, Any]) -> AllowanceResult:
    lines = tuple(data["lines"])
    result = AllowanceResult(lines=lines)
    for key, cents in (("paid", result.paid_cents), ("employer_costs", result.employer_cents)):
        if data[key] != cents:
            raise ValidationError(
                f"allowance.{key}",
                cents_text(data[key]),
                Phrase(
                    "the sum of its lines, {sum}",
                    "la somme de ses lignes, {sum}",
                    sum=cents_text(cents),
                ),
            )
    return result


#: The description of an allowance's document (:meth:`AllowanceResult.to_dict`).
ALLOWANCE: Final = Table(
    "allowance",
    "The lines of an allowance, with what is paid to the agent and what the employer bears.",
    [
        *heading_keys(ALLOWANCE_SCHEMA, ALLOWANCE_SCHEMA_VERSION),
        Key("lines", ListOf(LINE), "one line per component", True),
        Key("paid", Money(), "everything paid to the agent", True),
        Key("employer_costs", Money(), "the employer's own costs", True),
    ],
    _result,
    lambda result: {
        "schema": ALLOWANCE_SCHEMA,
        "schema_version": ALLOWANCE_SCHEMA_VERSION,
        "lines": list(result.lines),
        "paid": result.paid_cents,
        "employer_costs": result.employer_cents,
    },
)
