"""Télécentre economics: what a year of a centre costs, and what a desk-day used costs.

A centre's costs are :class:`CentreCosts`: a one-off ``set_up`` investment, a yearly
``running`` cost and the ``depreciation`` period over which the set-up is spread.
:func:`telecentre_economics` turns them, with the desk-days used in a year, into the
cost per desk-day used and per teleworker, for each centre of a network and for the
network as a whole (:class:`Economics`).

The model, stated once (each result repeats the parts it used in
:attr:`Economics.assumptions`):

* the yearly cost of a centre is its set-up cost spread in equal yearly shares over the
  depreciation period (straight line: no interest, no residual value), plus its running
  cost; the depreciation period defaults to **5 years**, an assumption (the 2012 pilot's
  figures do not give one);
* desk-days used in a year are given per centre, counted from :class:`Bookings` (each
  accepted request is one desk-day, a half-day included, as :func:`book` gives it a desk
  for the day; the bookings are counted as they are, *not* annualised), or computed as
  ``occupancy × desks × open days a year``;
* open days a year default to the centre's open weekdays × 52 weeks, less France's 11
  public holidays pro rata of its open weekdays among Monday to Friday, rounded half up:
  249 for a centre open Monday to Friday (:func:`default_open_days`);
* money is exact to the cent: the yearly share of set-up and the running cost are each
  rounded to the cent, half up (the rule of :mod:`teletravail.money`), once,
  and the yearly cost is their sum; the cost per desk-day and per teleworker divide that
  rounded yearly cost exactly and round half up to the cent;
* the network's figures are sums over its centres (desks, desk-days, costs,
  teleworkers); its cost per desk-day is its total yearly cost over its total desk-days,
  not an average of the centres' costs per desk-day.

A centre with no desk-day used has no cost per desk-day: it is ``None``, flagged
``no_desk_days``, never a division by zero.
"""

from __future__ import annotations

import decimal
import difflib
import html
import math
import numbers
import operator
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from teletravail import sources
from teletravail._checks import build_from_dict, optional_source, require_keys
from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import Phrase, choices, did_you_mean
from teletravail.money import as_decimal, millicents
from teletravail.scheduling.telecentre import Bookings, Telecentre, TelecentreNetwork
from teletravail.sources import Source
from teletravail.units import DIMENSIONLESS, Q_, TIME, as_quantity, per_registry

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.units import Quantity

__all__ = [
    "DEFAULT_DEPRECIATION_YEARS",
    "PUBLIC_HOLIDAYS",
    "WEEKS_PER_YEAR",
    "CentreCosts",
    "Economics",
    "EconomicsRow",
    "default_open_days",
    "pilot_2012_costs",
    "telecentre_economics",
]

SCHEMA_VERSION = 1

#: The depreciation period used when none is given (an assumption, not a sourced value).
DEFAULT_DEPRECIATION_YEARS = 5
#: Weeks a centre opens in a year, for :func:`default_open_days`.
WEEKS_PER_YEAR = 52
#: Public holidays a year in France (metropolitan, outside Alsace-Moselle).
PUBLIC_HOLIDAYS = 11

Basis = Literal["desk_days", "bookings", "occupancy"]
#: A plain number as the arguments take it (kept exact: 0.37 is read as 37/100).
Numeric = int | float | Fraction | decimal.Decimal

_MILLICENTS_PER_CENT = 1000
_HALF = Fraction(1, 2)

# --------------------------------------------------------------------------- helpers


def _half_up(value: Fraction) -> int:
    """A non-negative amount in cents, rounded to the cent, half up."""
    return math.floor(value + _HALF)


def _exact(value: Any) -> Fraction:
    """A real number as the exact fraction it is written as (0.37 is 37/100, not its
    binary approximation)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, decimal.Decimal):
        return Fraction(value)
    return Fraction(repr(float(value)))


def _money(cents: int | None) -> str | None:
    """Cents as an exact decimal string of euros (``"5750.00"``), None kept."""
    return None if cents is None else str(as_decimal(cents))


def _millicents_text(amount: int) -> str:
    """Millicents as an exact decimal number of euros, with at least two decimals."""
    value = decimal.Decimal(amount).scaleb(-5)
    cent = decimal.Decimal("0.01")
    return str(value.quantize(cent) if value == value.quantize(cent) else value.normalize())


def _plain(value: float) -> str:
    """A float as short as it reads back exactly: ``5``, ``2.5``, ``0.3333333333333333``."""
    return str(int(value)) if value.is_integer() else repr(value)


def _number(value: Any, field: str, expected: str) -> Fraction:
    """A finite real number (not a bool), exactly."""
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValidationError(field, value, expected)
        return Fraction(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValidationError(field, value, expected)
    if not math.isfinite(float(value)):
        raise ValidationError(field, value, expected)
    return _exact(value)


def _count(value: Any, field: str) -> int:
    """A whole number >= 0 (not a bool)."""
    expected = Phrase("a whole number >= 0", "un nombre entier positif ou nul")
    if isinstance(value, bool):
        raise ValidationError(field, value, expected)
    try:
        number = operator.index(value)
    except TypeError:
        raise ValidationError(field, value, expected) from None
    if number < 0:
        raise ValidationError(field, value, expected)
    return number


def _desk_days(value: Any, field: str) -> Fraction:
    expected = Phrase("a number of desk-days >= 0", "un nombre positif ou nul de jours-postes")
    number = _number(value, field, expected)
    if number < 0:
        raise ValidationError(field, value, expected)
    return number


def _open_days(value: Any, field: str) -> Fraction:
    expected = Phrase(
        "a number of open days a year, 0 < days <= 366",
        "un nombre de jours d'ouverture par an, 0 < jours <= 366",
    )
    number = _number(value, field, expected)
    if not 0 < number <= 366:
        raise ValidationError(field, value, expected)
    return number


def _occupancy(value: Any, field: str) -> Fraction:
    expected = Phrase(
        "a share of desk-days used between 0 and 1 (0.5 or '50 %')",
        "une part des jours-postes occupés entre 0 et 1 (0.5 ou «\u00a050 %\u00a0»)",
    )
    if isinstance(value, bool):
        raise ValidationError(field, value, expected)
    if isinstance(value, numbers.Real | decimal.Decimal):
        number = _number(value, field, expected)
    else:
        quantity = as_quantity(value, field=field, dimension=DIMENSIONLESS)
        number = _number(float(quantity.m_as("")), field, expected)
    if not 0 <= number <= 1:
        raise ValidationError(field, value, expected)
    return number


def _hint(text: str, names: tuple[str, ...]) -> Phrase:
    guess = difflib.get_close_matches(text, list(names), n=1)
    return did_you_mean(guess[0] if guess else None)


T = TypeVar("T")


def _per_centre(
    value: Any,
    field: str,
    network: TelecentreNetwork,
    read: Callable[[Any, str], T],
) -> dict[str, T]:
    """One value per centre, from a mapping naming every centre or one value for all.

    An unknown name is an error naming ``field.name`` with a suggestion; a missing centre
    is an error listing the missing names.
    """
    names = network.names
    if not isinstance(value, Mapping):
        one = read(value, field)
        return dict.fromkeys(names, one)
    for key in value:
        if key not in names:
            text = key if isinstance(key, str) else ""
            raise ValidationError(
                f"{field}.{key}",
                value[key],
                Phrase(
                    "a centre of the network {network!r} ({choices}){hint}",
                    "un centre du réseau {network!r} ({choices}){hint}",
                    network=network.name,
                    choices=choices(names),
                    hint=_hint(text, names),
                ),
            )
    missing = [name for name in names if name not in value]
    if missing:
        raise ValidationError(
            field,
            sorted(value),
            Phrase(
                "a value for every centre (missing: {missing})",
                "une valeur pour chaque centre (manquent\u00a0: {missing})",
                missing=", ".join(missing),
            ),
        )
    return {name: read(value[name], f"{field}.{name}") for name in names}


# --------------------------------------------------------------------------- costs


def _set_up(value: Any) -> Quantity:
    return Q_(millicents(value, "set_up") / 100_000, "EUR")


def _running(value: Any) -> Quantity:
    return Q_(millicents(value, "running", "EUR/year") / 100_000, "EUR/year")


def _depreciation(value: Any) -> Quantity:
    expected = Phrase(
        "a duration > 0, e.g. '5 year'",
        "une durée supérieure à 0, par exemple «\u00a05 ans\u00a0»",
    )
    quantity = as_quantity(value, field="depreciation", dimension=TIME)
    years = float(quantity.m_as("year"))
    if not math.isfinite(years) or years <= 0:
        raise ValidationError("depreciation", value, expected)
    return Q_(years, "year")


@attrs.frozen(kw_only=True)
class CentreCosts:
    """What a télécentre costs: a one-off set-up and a yearly running cost.

    ``set_up`` is an amount (``"10000 EUR"``), ``running`` an amount a year
    (``"3750 EUR/year"``, or ``"312.50 EUR/month"``, kept in EUR/year) and
    ``depreciation`` the period over which set-up is spread in equal yearly shares
    (``"5 year"``, the default: an assumption, see the module doc). Amounts are >= 0 with
    at most five decimals of a euro; the period is > 0. A value of the wrong dimension,
    or a bare number, is a :class:`~teletravail.errors.UnitError` naming the field.
    """

    set_up: Quantity = attrs.field(converter=_set_up)
    running: Quantity = attrs.field(converter=_running)
    depreciation: Quantity = attrs.field(
        default=f"{DEFAULT_DEPRECIATION_YEARS} year", converter=_depreciation
    )
    source: Source | None = attrs.field(default=None, validator=optional_source)

    @property
    def depreciation_years(self) -> float:
        """The depreciation period in years."""
        return float(self.depreciation.m_as("year"))

    def _set_up_millicents(self) -> int:
        return millicents(self.set_up, "set_up")

    def _running_millicents(self) -> int:
        return millicents(self.running, "running", "EUR/year")

    def yearly_cents(self) -> tuple[int, int]:
        """The yearly share of set-up and the running cost, each in cents, half up."""
        years = _exact(self.depreciation_years)
        share = Fraction(self._set_up_millicents(), _MILLICENTS_PER_CENT) / years
        running = Fraction(self._running_millicents(), _MILLICENTS_PER_CENT)
        return _half_up(share), _half_up(running)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form that :meth:`from_dict` reads back (exact decimal amounts)."""
        data: dict[str, Any] = {
            "set_up": f"{_millicents_text(self._set_up_millicents())} EUR",
            "running": f"{_millicents_text(self._running_millicents())} EUR/year",
            "depreciation": f"{_plain(self.depreciation_years)} year",
        }
        if self.source is not None:
            data["source"] = self.source.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "costs") -> CentreCosts:
        """Rebuild costs from :meth:`to_dict`; errors name the key path."""
        require_keys(data, path, ("set_up", "running"), ("depreciation", "source"))
        return build_from_dict(cls, data, path)


@per_registry
def pilot_2012_costs() -> CentreCosts:
    """The 2012 Aurillac–Figeac–Decazeville pilot's average costs per télécentre.

    "Télétravail et création de télécentres : bilan de l'expérimentation du triangle
    Aurillac-Figeac-Decazeville" (Zevillage): an average investment of 10,000 EUR per
    télécentre and a running cost of about 3,750 EUR a year. The article gives no
    depreciation period: the 5 years used here are an assumption, and the source's note
    says so.
    """
    return CentreCosts(
        set_up="10000 EUR",
        running="3750 EUR/year",
        depreciation=f"{DEFAULT_DEPRECIATION_YEARS} year",
        source=attrs.evolve(
            sources.PILOT_2012_ASSESSMENT,
            reference="investissement moyen de 10\u202f000\u00a0€ par télécentre, fonctionnement"
            " d'environ 3\u202f750\u00a0€ par an",
            note="the 5-year depreciation period is an assumption, not in the article",
        ),
    )


# --------------------------------------------------------------------------- results


def default_open_days(centre: Telecentre) -> int:
    """Open days a year assumed for ``centre`` when none are given.

    Its open weekdays × 52 weeks, less the 11 public holidays pro rata of its open
    weekdays among Monday to Friday, rounded half up: 249 for Monday to Friday, 149 for
    three weekdays, 301 for Monday to Saturday. The calendar of a given year is not
    consulted.
    """
    if not isinstance(centre, Telecentre):
        raise ValidationError("centre", centre, Phrase("a Telecentre", "un objet Telecentre"))
    open_days = len(centre.open_weekdays)
    weekdays = len(centre.open_weekdays & frozenset(range(5)))
    holidays = _half_up(Fraction(PUBLIC_HOLIDAYS * weekdays, 5))
    return WEEKS_PER_YEAR * open_days - holidays


def _per_year(cents: int | None) -> Quantity | None:
    return None if cents is None else Q_(cents / 100, "EUR/year")


def _ratio_cents(cents: int, by: Fraction | int) -> int | None:
    return None if by == 0 else _half_up(Fraction(cents) / by)


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
        raise ValidationError("centre", name, choices(names) + _hint(text, names))

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


# --------------------------------------------------------------------------- compute


def _from_bookings(
    bookings: Bookings, network: TelecentreNetwork
) -> tuple[dict[str, Fraction], str]:
    if bookings.network != network:
        raise ValidationError(
            "desk_days_used",
            bookings.network.name,
            Phrase(
                "bookings made on the network {network!r}",
                "des réservations faites sur le réseau {network!r}",
                network=network.name,
            ),
        )
    counts = Counter(booking.centre for booking in bookings.accepted)
    used = {name: Fraction(counts[name]) for name in network.names}
    days = [booking.day for booking in bookings.accepted]
    span = f" from {min(days).isoformat()} to {max(days).isoformat()}" if days else ""
    note = (
        f"desk-days used: the {len(days)} accepted bookings{span}, counted as one year's"
        " use (not annualised); a half-day booking takes a desk-day"
    )
    return used, note


def _costs(value: Any, network: TelecentreNetwork) -> dict[str, CentreCosts]:
    def read(item: Any, field: str) -> CentreCosts:
        if not isinstance(item, CentreCosts):
            raise ValidationError(field, item, Phrase("a CentreCosts", "un objet CentreCosts"))
        return item

    return _per_centre(value, "costs", network, read)


def telecentre_economics(
    network: TelecentreNetwork,
    costs: CentreCosts | Mapping[str, CentreCosts],
    *,
    desk_days_used: Mapping[str, Numeric] | Bookings | None = None,
    occupancy: Numeric | str | Quantity | Mapping[str, Numeric | str | Quantity] | None = None,
    open_days_per_year: Numeric | Mapping[str, Numeric] | None = None,
    teleworkers: int | Mapping[str, int] | None = None,
) -> Economics:
    """The yearly cost, cost per desk-day used and per teleworker of ``network``.

    ``costs`` apply to every centre, or are given per centre name. Desk-days used in a
    year come from exactly one of:

    * ``desk_days_used``: a mapping naming every centre (numbers >= 0), or the
      :class:`Bookings` of this network (accepted requests per centre, counted as they
      are: not annualised);
    * ``occupancy``: the share of open desk-days used, 0..1 (``0.5`` or ``"50 %"``),
      for every centre or per centre; desk-days are ``occupancy × desks × open days``.

    ``open_days_per_year`` (one number or per centre) replaces :func:`default_open_days`.
    ``teleworkers`` is either the network's number of teleworkers (an int: the centres
    then have no cost per teleworker) or a count per centre (the network's is their
    sum: someone who uses two centres counts twice).

    Rules and rounding are in the module doc. Bad input is a
    :class:`~teletravail.errors.ValidationError` naming the argument (and the centre,
    as ``desk_days_used.Figeac``).
    """
    if not isinstance(network, TelecentreNetwork):
        raise ValidationError(
            "network", network, Phrase("a TelecentreNetwork", "un objet TelecentreNetwork")
        )
    per_centre_costs = _costs(costs, network)
    assumptions = [
        "yearly cost: the set-up spread in equal yearly shares over the depreciation period"
        " (straight line, no interest, no residual value), plus the running cost",
    ]

    open_days: dict[str, Fraction]
    if open_days_per_year is None:
        open_days = {c.name: Fraction(default_open_days(c)) for c in network.centres}
        assumptions.append(
            f"open days a year: open weekdays × {WEEKS_PER_YEAR} weeks, less the"
            f" {PUBLIC_HOLIDAYS} public holidays pro rata of the open weekdays among Monday"
            " to Friday, rounded (249 for Monday to Friday)"
        )
    else:
        open_days = _per_centre(open_days_per_year, "open_days_per_year", network, _open_days)

    basis: Basis
    if desk_days_used is not None and occupancy is not None:
        raise ValidationError(
            "occupancy",
            occupancy,
            Phrase(
                "None when desk_days_used is given (one basis, not two)",
                "None quand desk_days_used est donné (une seule base, pas deux)",
            ),
        )
    if isinstance(desk_days_used, Bookings):
        basis = "bookings"
        used, note = _from_bookings(desk_days_used, network)
        assumptions.append(note)
    elif desk_days_used is not None:
        if not isinstance(desk_days_used, Mapping):
            raise ValidationError(
                "desk_days_used",
                desk_days_used,
                Phrase(
                    "a mapping of centre name to desk-days used a year, or Bookings",
                    "une table qui associe à chaque centre ses jours-postes occupés par an,"
                    " ou un objet Bookings",
                ),
            )
        basis = "desk_days"
        used = _per_centre(desk_days_used, "desk_days_used", network, _desk_days)
        assumptions.append("desk-days used: as given, for one year")
    elif occupancy is not None:
        basis = "occupancy"
        shares = _per_centre(occupancy, "occupancy", network, _occupancy)
        used = {c.name: shares[c.name] * c.desks * open_days[c.name] for c in network.centres}
        assumptions.append("desk-days used: occupancy × desks × open days a year")
    else:
        raise ValidationError(
            "desk_days_used",
            None,
            Phrase(
                "desk-days used (a mapping or Bookings), or an occupancy",
                "des jours-postes occupés (une table ou un objet Bookings), ou un taux"
                " d'occupation",
            ),
        )

    counts: dict[str, int] | None = None
    network_count: int | None = None
    if isinstance(teleworkers, Mapping):
        counts = _per_centre(teleworkers, "teleworkers", network, _count)
        network_count = sum(counts.values())
        assumptions.append(
            "teleworkers: counted per centre; the network's count is their sum"
            " (someone using two centres counts twice)"
        )
    elif teleworkers is not None:
        network_count = _count(teleworkers, "teleworkers")

    assumptions.append(
        "money: the set-up's yearly share and the running cost each rounded to the cent,"
        " half up; costs per desk-day and per teleworker from the rounded yearly cost,"
        " rounded half up"
    )

    rows = []
    for centre in network.centres:
        name = centre.name
        cost = per_centre_costs[name]
        share, running = cost.yearly_cents()
        count = None if counts is None else counts[name]
        rows.append(
            _row(
                name=name,
                scope="centre",
                desks=centre.desks,
                open_days=open_days[name],
                used=used[name],
                set_up_cents=_half_up(Fraction(cost._set_up_millicents(), _MILLICENTS_PER_CENT)),
                depreciation_years=cost.depreciation_years,
                annual_set_up_cents=share,
                running_cents=running,
                teleworkers=count,
                source=cost.source,
            )
        )
    capacity = sum((c.desks * open_days[c.name] for c in network.centres), Fraction(0))
    years = {row.depreciation_years for row in rows}
    total = _row(
        name=network.name,
        scope="network",
        desks=network.desks,
        open_days=capacity / network.desks,
        used=sum(used.values(), Fraction(0)),
        set_up_cents=sum(row.set_up_cents for row in rows),
        depreciation_years=years.pop() if len(years) == 1 else None,
        annual_set_up_cents=sum(row.annual_set_up_cents for row in rows),
        running_cents=sum(row.running_cents for row in rows),
        teleworkers=network_count,
        source=None,
    )
    return Economics(
        network=network.name,
        basis=basis,
        centres=tuple(rows),
        total=total,
        assumptions=tuple(assumptions),
    )


def _row(
    *,
    name: str,
    scope: Literal["centre", "network"],
    desks: int,
    open_days: Fraction,
    used: Fraction,
    set_up_cents: int,
    depreciation_years: float | None,
    annual_set_up_cents: int,
    running_cents: int,
    teleworkers: int | None,
    source: Source | None,
) -> EconomicsRow:
    yearly = annual_set_up_cents + running_cents
    capacity = desks * open_days
    flags = []
    if used == 0:
        flags.append("no_desk_days")
    if teleworkers == 0:
        flags.append("no_teleworkers")
    if used > capacity:
        flags.append("above_capacity")
    return EconomicsRow(
        name=name,
        scope=scope,
        desks=desks,
        open_days=float(open_days),
        desk_days=float(used),
        occupancy=float(used / capacity),
        set_up_cents=set_up_cents,
        depreciation_years=depreciation_years,
        annual_set_up_cents=annual_set_up_cents,
        running_cents=running_cents,
        cost_per_desk_day_cents=_ratio_cents(yearly, used),
        teleworkers=teleworkers,
        cost_per_teleworker_cents=None
        if teleworkers is None
        else _ratio_cents(yearly, teleworkers),
        flags=tuple(flags),
        source=source,
    )
