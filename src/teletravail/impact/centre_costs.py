"""What a télécentre costs: :class:`CentreCosts` (a one-off set-up, a yearly running cost
and the period the set-up is spread over) and the 2012 pilot's figures
(:func:`pilot_2012_costs`), with the exact cents arithmetic the economics use
(:func:`half_up`, :func:`exact`). Each centre's costs are described once as a table
(:data:`COSTS_TABLE`), which ``from_dict`` reads and ``to_dict`` writes.
"""

from __future__ import annotations

import decimal
import math
import numbers
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from teletravail import sources
from teletravail._checks import optional_source
from teletravail.documents import Converted, Key, Table, read, write
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.money import millicents
from teletravail.sources import SOURCE_TABLE, Source
from teletravail.units import Q_, TIME, as_quantity, per_registry

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["COSTS_TABLE", "DEFAULT_DEPRECIATION_YEARS", "CentreCosts", "pilot_2012_costs"]

#: The depreciation period used when none is given (an assumption, not a sourced value).
DEFAULT_DEPRECIATION_YEARS = 5

_MILLICENTS_PER_CENT = 1000
_HALF = Fraction(1, 2)


def half_up(value: Fraction) -> int:
    """A non-negative amount in cents, rounded to the cent, half up."""
    return math.floor(value + _HALF)


def exact(value: Any) -> Fraction:
    """A real number as the exact fraction it is written as (0.37 is 37/100, not its
    binary approximation)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, decimal.Decimal):
        return Fraction(value)
    return Fraction(repr(float(value)))


def _millicents_text(amount: int) -> str:
    """Millicents as an exact decimal number of euros, with at least two decimals."""
    value = decimal.Decimal(amount).scaleb(-5)
    cent = decimal.Decimal("0.01")
    return str(value.quantize(cent) if value == value.quantize(cent) else value.normalize())


def _plain(value: float) -> str:
    """A float as short as it reads back exactly: ``5``, ``2.5``, ``0.3333333333333333``."""
    return str(int(value)) if value.is_integer() else repr(value)


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
        years = exact(self.depreciation_years)
        share = Fraction(self._set_up_millicents(), _MILLICENTS_PER_CENT) / years
        running = Fraction(self._running_millicents(), _MILLICENTS_PER_CENT)
        return half_up(share), half_up(running)

    def set_up_cents(self) -> int:
        """The set-up investment in cents, half up."""
        return half_up(Fraction(self._set_up_millicents(), _MILLICENTS_PER_CENT))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form that :meth:`from_dict` reads back (exact decimal amounts), as
        :data:`COSTS_TABLE` writes it."""
        data: dict[str, Any] = write(COSTS_TABLE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "costs") -> CentreCosts:
        """Rebuild costs from :meth:`to_dict`, as :data:`COSTS_TABLE` describes it; errors
        name the key path (every problem at once)."""
        costs: CentreCosts = read(COSTS_TABLE, data, path)
        return costs


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
        # "investissement moyen de 10 000 € par télécentre, fonctionnement d'environ
        # 3 750 € par an"; the 5-year depreciation period is an assumption, not in the
        # article
        source=sources.PILOT_2012_ASSESSMENT,
    )


# --------------------------------------------------------------------------- documents


def _costs(data: dict[str, Any]) -> CentreCosts:
    return CentreCosts(**data)


def _written_set_up(amount: Quantity) -> str:
    return f"{_millicents_text(millicents(amount, 'set_up'))} EUR"


def _written_running(amount: Quantity) -> str:
    return f"{_millicents_text(millicents(amount, 'running', 'EUR/year'))} EUR/year"


def _written_depreciation(period: Quantity) -> str:
    return f"{_plain(float(period.m_as('year')))} year"


_AMOUNT_SCHEMA: Final = {"type": "string", "examples": ["10000 EUR", "3750 EUR/year"]}

#: The description of a centre's costs as a table: :meth:`CentreCosts.from_dict` reads
#: it and :meth:`CentreCosts.to_dict` writes it (amounts as exact decimals of euros),
#: each key checked as the constructor checks it.
COSTS_TABLE: Final = Table(
    "costs",
    "What a télécentre costs: a one-off set-up and a yearly running cost.",
    [
        Key(
            "set_up",
            Converted(
                _set_up,
                Phrase("an amount of money", "une somme"),
                _AMOUNT_SCHEMA,
                write=_written_set_up,
            ),
            "the one-off set-up investment, e.g. '10000 EUR'",
            True,
        ),
        Key(
            "running",
            Converted(
                _running,
                Phrase("an amount of money a year", "une somme par an"),
                _AMOUNT_SCHEMA,
                write=_written_running,
            ),
            "the running cost a year, e.g. '3750 EUR/year'",
            True,
        ),
        Key(
            "depreciation",
            Converted(
                _depreciation,
                Phrase("a duration > 0, e.g. '5 year'", "une durée supérieure à 0"),
                {"type": "string", "examples": ["5 year"]},
                write=_written_depreciation,
            ),
            "the period the set-up is spread over (default: 5 years, an assumption)",
        ),
        Key("source", SOURCE_TABLE, "where the figures come from"),
    ],
    _costs,
    lambda costs: attrs.asdict(costs, recurse=False),
    french="coûts",
)
