"""The economics of a télécentre network, as
:func:`~teletravail.impact.costing.telecentre_economics` gives them: one
:class:`EconomicsRow` per centre and one for the network, in an :class:`Economics` that
writes itself as JSON (``teletravail.impact.economics``), records, a DataFrame or an
HTML table. The model behind the figures is stated in
:mod:`teletravail.impact.costing`.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from teletravail._checks import hint
from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import choices
from teletravail.money import as_decimal
from teletravail.sources import Source
from teletravail.units import Q_

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.units import Quantity

__all__ = ["Basis", "Economics", "EconomicsRow"]

SCHEMA_VERSION = 1

#: Where the desk-days used come from: as given, counted from bookings, or an occupancy.
Basis = Literal["desk_days", "bookings", "occupancy"]


def _money(cents: int | None) -> str | None:
    """Cents as an exact decimal string of euros (``"5750.00"``), None kept."""
    return None if cents is None else str(as_decimal(cents))


def _per_year(cents: int | None) -> Quantity | None:
    return None if cents is None else Q_(cents / 100, "EUR/year")


@attrs.frozen(kw_only=True)
class EconomicsRow:
    """The economics of one centre (``scope="centre"``) or of the whole network
    (``scope="network"``, named after it).

    Money is in integer cents (``*_cents``), with the same figures as quantities in
    properties: :attr:`set_up` in EUR, :attr:`yearly_cost` and its parts in EUR/year,
    :attr:`cost_per_desk_day` in EUR, :attr:`cost_per_teleworker` in EUR/year.
    ``desk_days`` are the desk-days used in a year; ``occupancy`` is the share of the
    open desk-days (desks × open days) they fill; for the network, ``open_days`` is the
    centres' open days weighted by their desks. ``flags`` hold stable codes:
    ``no_desk_days`` (no cost per desk-day), ``no_teleworkers`` (no cost per
    teleworker, though a count was given) and ``above_capacity`` (more desk-days than
    desks × open days).
    """

    name: str
    scope: Literal["centre", "network"]
    desks: int
    open_days: float
    desk_days: float
    occupancy: float
    set_up_cents: int
    depreciation_years: float | None
    annual_set_up_cents: int
    running_cents: int
    cost_per_desk_day_cents: int | None
    teleworkers: int | None
    cost_per_teleworker_cents: int | None
    flags: tuple[str, ...] = ()
    source: Source | None = None

    @property
    def yearly_cost_cents(self) -> int:
        """The yearly share of set-up plus the running cost, in cents."""
        return self.annual_set_up_cents + self.running_cents

    @property
    def set_up(self) -> Quantity:
        """The set-up investment, in EUR."""
        return Q_(self.set_up_cents / 100, "EUR")

    @property
    def annual_set_up(self) -> Quantity:
        """The set-up's yearly share, in EUR/year."""
        return Q_(self.annual_set_up_cents / 100, "EUR/year")

    @property
    def running(self) -> Quantity:
        """The running cost, in EUR/year."""
        return Q_(self.running_cents / 100, "EUR/year")

    @property
    def yearly_cost(self) -> Quantity:
        """The yearly cost, in EUR/year."""
        return Q_(self.yearly_cost_cents / 100, "EUR/year")

    @property
    def cost_per_desk_day(self) -> Quantity | None:
        """The yearly cost per desk-day used, in EUR; None when no desk-day is used."""
        cents = self.cost_per_desk_day_cents
        return None if cents is None else Q_(cents / 100, "EUR")

    @property
    def cost_per_teleworker(self) -> Quantity | None:
        """The yearly cost per teleworker, in EUR/year; None without a count or at 0."""
        return _per_year(self.cost_per_teleworker_cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: money as exact decimal strings of euros."""
        return {
            "name": self.name,
            "scope": self.scope,
            "desks": self.desks,
            "open_days": self.open_days,
            "desk_days": self.desk_days,
            "occupancy": self.occupancy,
            "set_up": _money(self.set_up_cents),
            "depreciation_years": self.depreciation_years,
            "annual_set_up": _money(self.annual_set_up_cents),
            "running": _money(self.running_cents),
            "yearly_cost": _money(self.yearly_cost_cents),
            "cost_per_desk_day": _money(self.cost_per_desk_day_cents),
            "teleworkers": self.teleworkers,
            "cost_per_teleworker": _money(self.cost_per_teleworker_cents),
            "flags": list(self.flags),
            "source": None if self.source is None else self.source.to_dict(),
        }


_UNITS = {
    "set_up": "EUR",
    "annual_set_up": "EUR/year",
    "running": "EUR/year",
    "yearly_cost": "EUR/year",
    "cost_per_desk_day": "EUR",
    "cost_per_teleworker": "EUR/year",
    "desk_days": "desk-day/year",
    "open_days": "day/year",
}
# the money columns of Economics.to_pandas: plain name -> (pint name, unit)
_PANDAS_QUANTITIES = {
    f"{name}_eur": (name, _UNITS[name])
    for name in (
        "set_up",
        "annual_set_up",
        "running",
        "yearly_cost",
        "cost_per_desk_day",
        "cost_per_teleworker",
    )
}


@attrs.frozen(kw_only=True)
class Economics:
    """The economics of a télécentre network: one row per centre and the network total.

    ``basis`` says where the desk-days used come from (``"desk_days"`` as given,
    ``"bookings"`` counted, or ``"occupancy"``); ``assumptions`` list, in words, the
    assumptions this result rests on.
    """

    network: str
    basis: Basis
    centres: tuple[EconomicsRow, ...]
    total: EconomicsRow
    assumptions: tuple[str, ...]

    def __iter__(self) -> Iterator[EconomicsRow]:
        return iter(self.centres)

    def __len__(self) -> int:
        return len(self.centres)

    def centre(self, name: str) -> EconomicsRow:
        """The row of the centre called ``name``; an unknown name is an error."""
        names = tuple(row.name for row in self.centres)
        for row in self.centres:
            if row.name == name:
                return row
        text = name if isinstance(name, str) else ""
        raise ValidationError("centre", name, choices(names) + hint(text, names))

    @property
    def yearly_cost(self) -> Quantity:
        """The network's yearly cost, in EUR/year."""
        return self.total.yearly_cost

    @property
    def cost_per_desk_day(self) -> Quantity | None:
        """The network's yearly cost per desk-day used, in EUR (None if none is used)."""
        return self.total.cost_per_desk_day

    @property
    def cost_per_teleworker(self) -> Quantity | None:
        """The network's yearly cost per teleworker, in EUR/year (None without a count)."""
        return self.total.cost_per_teleworker

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: every centre, the total, the units and the assumptions."""
        return {
            "schema": "teletravail.impact.economics",
            "schema_version": SCHEMA_VERSION,
            "network": self.network,
            "basis": self.basis,
            "currency": "EUR",
            "units": dict(_UNITS),
            "centres": [row.to_dict() for row in self.centres],
            "total": self.total.to_dict(),
            "assumptions": list(self.assumptions),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat record per centre then the network; money in euros as floats."""

        def eur(cents: int | None) -> float | None:
            return None if cents is None else cents / 100

        records = []
        for row in (*self.centres, self.total):
            records.append(
                {
                    "name": row.name,
                    "scope": row.scope,
                    "desks": row.desks,
                    "open_days": row.open_days,
                    "desk_days": row.desk_days,
                    "occupancy": row.occupancy,
                    "set_up_eur": eur(row.set_up_cents),
                    "annual_set_up_eur": eur(row.annual_set_up_cents),
                    "running_eur": eur(row.running_cents),
                    "yearly_cost_eur": eur(row.yearly_cost_cents),
                    "cost_per_desk_day_eur": eur(row.cost_per_desk_day_cents),
                    "teleworkers": row.teleworkers,
                    "cost_per_teleworker_eur": eur(row.cost_per_teleworker_cents),
                }
            )
        return records

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per centre then the network's (the ``pandas`` extra), the columns of
        :meth:`to_records`: money as floats of euros from the exact cents (``set_up_eur``
        and ``cost_per_desk_day_eur`` in euros, the others in euros a year), a missing
        cost per desk-day or per teleworker as NaN.

        With ``units="pint"`` the money columns are pint-pandas columns named without
        ``_eur``, in ``EUR`` (``set_up``, ``cost_per_desk_day``) or ``EUR/year`` (see
        :mod:`teletravail.tables`); ``open_days`` and ``desk_days`` stay plain numbers.
        """
        import pandas as pd

        records = self.to_records()
        columns: dict[str, Any] = {name: [r[name] for r in records] for name in records[0]}
        columns["teleworkers"] = pd.array(columns["teleworkers"], dtype="Int64")
        for name in ("cost_per_desk_day_eur", "cost_per_teleworker_eur"):
            columns[name] = pd.Series(columns[name], dtype="float64")
        return quantity_frame(columns, _PANDAS_QUANTITIES, units)

    def _repr_html_(self) -> str:
        """A small HTML table for notebooks: one row per centre, the network last."""

        def cell(value: str, tag: str = "td") -> str:
            return f"<{tag}>{html.escape(value)}</{tag}>"

        def money(cents: int | None) -> str:
            return "undefined" if cents is None else f"{as_decimal(cents):,}"

        head = (
            "centre",
            "desks",
            "desk-days/year",
            "occupancy",
            "EUR/year",
            "EUR per desk-day",
            "EUR/year per teleworker",
        )
        lines = [
            "<table>",
            f"<caption>{html.escape(self.network)}: télécentre economics</caption>",
            "<thead><tr>" + "".join(cell(h, "th") for h in head) + "</tr></thead>",
            "<tbody>",
        ]
        for row in (*self.centres, self.total):
            tag = "th" if row.scope == "network" else "td"
            values = (
                row.name,
                str(row.desks),
                f"{row.desk_days:,.6g}",
                f"{row.occupancy:.1%}",
                money(row.yearly_cost_cents),
                money(row.cost_per_desk_day_cents),
                "" if row.teleworkers is None else money(row.cost_per_teleworker_cents),
            )
            lines.append("<tr>" + "".join(cell(v, tag) for v in values) + "</tr>")
        lines += ["</tbody>", "</table>"]
        return "\n".join(lines)
