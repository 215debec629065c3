"""Télécentre economics worked out: what a year of a centre costs, and what a desk-day used
costs.

A centre's costs are :class:`~teletravail.impact.centre_costs.CentreCosts`: a one-off
``set_up`` investment, a yearly ``running`` cost and the ``depreciation`` period over
which the set-up is spread. :func:`telecentre_economics` turns them, with the desk-days
used in a year, into the cost per desk-day used and per teleworker, for each centre of
a network and for the network as a whole
(:class:`~teletravail.impact.economics.Economics`).

The model, stated once (each result repeats the parts it used in
:attr:`~teletravail.impact.economics.Economics.assumptions`):

* the yearly cost of a centre is its set-up cost spread in equal yearly shares over the
  depreciation period (straight line: no interest, no residual value), plus its running
  cost; the depreciation period defaults to **5 years**, an assumption (the 2012 pilot's
  figures do not give one);
* desk-days used in a year are given per centre, counted from
  :class:`~teletravail.scheduling.Bookings` (each accepted request is one desk-day, a
  half-day included, as :func:`~teletravail.scheduling.book` gives it a desk for the
  day; the bookings are counted as they are, *not* annualised), or computed as
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
import math
import numbers
import operator
from collections import Counter
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from teletravail._checks import hint
from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices
from teletravail.scheduling import Bookings, Telecentre, TelecentreNetwork
from teletravail.sources import Source
from teletravail.units import DIMENSIONLESS, as_quantity

from .centre_costs import CentreCosts, exact, half_up
from .economics import Basis, Economics, EconomicsRow

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "PUBLIC_HOLIDAYS",
    "WEEKS_PER_YEAR",
    "Numeric",
    "default_open_days",
    "telecentre_economics",
]

#: Weeks a centre opens in a year, for :func:`default_open_days`.
WEEKS_PER_YEAR = 52
#: Public holidays a year in France (metropolitan, outside Alsace-Moselle).
PUBLIC_HOLIDAYS = 11

#: A plain number as the arguments take it (kept exact: 0.37 is read as 37/100).
Numeric = int | float | Fraction | decimal.Decimal


# --------------------------------------------------------------------------- readers


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
    return exact(value)


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
                    hint=hint(text, names),
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
    holidays = half_up(Fraction(PUBLIC_HOLIDAYS * weekdays, 5))
    return WEEKS_PER_YEAR * open_days - holidays


def _ratio_cents(cents: int, by: Fraction | int) -> int | None:
    return None if by == 0 else half_up(Fraction(cents) / by)


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
                set_up_cents=cost.set_up_cents(),
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
