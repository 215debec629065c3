"""The library's single pint registry, and helpers to bring quantities in at the edges.

The registry is created on first use, never at import time (building one costs a few
hundred milliseconds). It adds the units the domain needs to pint's defaults:

* ``EUR`` (alias ``euro``) is a dimension of its own, ``[currency]``; ``cent`` is 0.01 EUR;
* ``workday`` is a *count of working days*, dimension ``[workday]``, not a 24-hour span:
  ``1.5 workday/week × 46 week = 69 workday``; ``halfday`` is 0.5 workday;
* ``trip`` counts one-way journeys, dimension ``[trip]``: ``2 trip/workday × 18 km/trip``;
* ``CO2e`` marks a mass as carbon-dioxide equivalent, so that ``kg CO2e`` cannot be added
  to a plain ``kg``.

An application that has its own registry hands it over with :func:`set_registry`; our
definitions are added to it if they are missing, and pint's application registry is
never touched. Quantities from another registry are converted at the API boundary by
:func:`as_quantity`.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from teletravail.errors import UnitError, ValidationError

if TYPE_CHECKING:
    import pint

    #: The type of the library's quantities, for annotations.
    Quantity: TypeAlias = pint.Quantity[Any]

__all__ = [
    "CO2E",
    "CURRENCY",
    "DIMENSIONLESS",
    "LENGTH",
    "Q_",
    "TIME",
    "TRIPS",
    "WORKDAYS",
    "as_quantity",
    "format_quantity",
    "format_unit",
    "get_registry",
    "per_registry",
    "set_registry",
    "unit",
]

#: Dimensionalities, as pint writes them, for the checks of :func:`as_quantity`.
LENGTH = "[length]"
TIME = "[time]"
CURRENCY = "[currency]"
WORKDAYS = "[workday]"
TRIPS = "[trip]"
CO2E = "[mass] * [co2e]"
DIMENSIONLESS = "[]"

# name, definition: each is added to a registry that does not know the name yet.
_DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("EUR", "EUR = [currency] = _ = euro = euros"),
    ("cent", "cent = 0.01 EUR = _ = cents"),
    ("workday", "workday = [workday] = _ = workdays"),
    ("halfday", "halfday = 0.5 workday = _ = halfdays"),
    ("trip", "trip = [trip] = _ = trips"),
    ("CO2e", "CO2e = [co2e] = _ = CO2eq"),
)

_lock = threading.Lock()
_registry: pint.UnitRegistry[Any] | None = None
# Parsed units and dimensionalities of the registry in force (pint re-reads a unit
# string on every call, tens of microseconds; a dict lookup is a fraction of one).
_units: dict[str, pint.Unit] = {}
_dimensions: dict[str, Any] = {}


def _add_definitions(registry: pint.UnitRegistry[Any]) -> None:
    """Define our units in ``registry`` where they are missing (idempotent)."""
    for name, definition in _DEFINITIONS:
        if name not in registry:
            registry.define(definition)


def get_registry() -> pint.UnitRegistry[Any]:
    """The registry every quantity of the library belongs to, created on first call."""
    global _registry
    registry = _registry
    if registry is not None:
        return registry
    with _lock:
        if _registry is None:
            import pint

            created: pint.UnitRegistry[Any] = pint.UnitRegistry(cache_folder=None)
            _add_definitions(created)
            _registry = created
        return _registry


def set_registry(registry: pint.UnitRegistry[Any]) -> None:
    """Use an application's own registry from now on.

    Our units (``EUR``, ``workday``, ``halfday``, ``trip``, ``CO2e``) are defined in it
    where missing. A registry that already defines one of them with another dimension is
    refused, and left as it was. Values built before the switch keep their old registry;
    values the library builds lazily (presets, shipped parameters) are rebuilt for the
    new one.
    """
    global _registry
    import pint

    if not isinstance(registry, pint.UnitRegistry):
        raise ValidationError("registry", registry, "a pint.UnitRegistry")
    with _lock:
        for name, dimension in (("EUR", CURRENCY), ("workday", WORKDAYS), ("trip", TRIPS)):
            if name in registry:
                found = str(registry.get_dimensionality(name))
                if found != dimension:
                    raise UnitError(
                        f"registry.{name}", found, dimension, "already defined otherwise"
                    )
        _add_definitions(registry)
        _units.clear()
        _dimensions.clear()
        _registry = registry


def _parsed_unit(name: str) -> pint.Unit:
    found = _units.get(name)
    if found is None:
        found = get_registry().Unit(_clean(name))
        _units[name] = found
    return found


def unit(name: str) -> pint.Unit:
    """The registry's unit for ``name`` (``"km"``, ``"EUR/workday"``), parsed once."""
    return _parsed_unit(name)


def Q_(value: Any, unit: str | None = None) -> Quantity:  # noqa: N802 (pint's own name)
    """Build a quantity of the library's registry: ``Q_(30, "km")``, ``Q_("30 km")``.

    ``value`` may be a number, a numpy array (wrapped whole, never element by element)
    or, with no ``unit``, a string such as ``"2.88 EUR/workday"``.
    """
    registry = get_registry()
    if unit is None:
        if isinstance(value, str):
            return registry.Quantity(_clean(value))
        return registry.Quantity(value)
    return registry.Quantity(value, _parsed_unit(unit))


_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def _clean(text: str) -> str:
    """Read numbers and units as French texts write them.

    The euro sign becomes ``EUR``; no-break and narrow no-break spaces are spaces; a
    comma between digits is a decimal comma (``"2,88 €"`` is 2.88 EUR, never 288); a
    space between digit groups separates thousands (``"1 000 km"`` is 1000 km).
    """
    text = text.replace("€", " EUR ").replace("\u202f", " ").replace("\xa0", " ")
    text = _DECIMAL_COMMA.sub(".", text)
    while _DIGIT_GROUPS.search(text):
        text = _DIGIT_GROUPS.sub("", text)
    return " ".join(text.split())


def as_quantity(
    value: Any,
    *,
    field: str,
    dimension: str | None,
    allow_bare: bool = False,
) -> Quantity:
    """Bring ``value`` into the library's registry, checking its dimension.

    Accepts a pint quantity (of any registry), a string such as ``"30 km"`` or, when
    ``allow_bare`` is set and the dimension is ``[]``, a plain number. Anything else, a
    string that does not parse, or a quantity of another dimension, raises
    :class:`~teletravail.errors.UnitError` naming ``field``, the value and ``dimension``.
    ``dimension=None`` accepts any dimension.
    """
    import pint

    registry = get_registry()
    wanted = dimension if dimension is not None else "any dimension"
    if isinstance(value, pint.Quantity):
        if value._REGISTRY is not registry:  # a quantity from the application's registry
            try:
                value = registry.Quantity(value.magnitude, str(value.units))
            except Exception as exc:  # any parse failure of a foreign unit
                raise UnitError(field, value, wanted, f"unknown unit: {exc}") from None
        quantity = value
    elif isinstance(value, str):
        try:
            quantity = registry.Quantity(_clean(value))
        except Exception as exc:  # pint raises several unrelated types on bad text
            reason = str(exc) or type(exc).__name__
            raise UnitError(field, value, wanted, f"cannot read it: {reason}") from None
        if not isinstance(quantity, pint.Quantity):
            quantity = registry.Quantity(quantity)
    elif isinstance(value, bool):
        raise UnitError(field, value, wanted, "a boolean is not a quantity")
    elif isinstance(value, int | float) and allow_bare and dimension == DIMENSIONLESS:
        if isinstance(value, float) and not math.isfinite(value):
            raise UnitError(field, value, wanted, "not a finite number")
        quantity = registry.Quantity(value)
    elif isinstance(value, int | float):
        example = _EXAMPLES.get(dimension or "", "'30 km' or Q_(30, 'km')")
        raise UnitError(field, value, wanted, f"a bare number has no unit: write it as {example}")
    else:
        raise UnitError(field, value, wanted, f"{type(value).__name__} is not a quantity")
    result: Quantity = quantity
    if dimension is None or result.dimensionality == _dimensionality(dimension):
        return result
    found = str(result.dimensionality)
    if found != _normal(dimension):
        hint = ""
        if dimension.endswith("[workday]") and found == _normal(dimension.split("/")[0].strip()):
            hint = "it has no time base: write it per workday"
        else:
            hint = f"its dimension is {found}"
        raise UnitError(field, value, dimension, hint)
    return result


_EXAMPLES = {
    DIMENSIONLESS: "'90 %' or Q_(90, 'percent')",
    LENGTH: "'30 km' or Q_(30, 'km')",
    TIME: "'45 min' or Q_(45, 'min')",
    CURRENCY: "'100 EUR' or Q_(100, 'EUR')",
}

_normal_cache: dict[str, str] = {}


def _dimensionality(dimension: str) -> Any:
    found = _dimensions.get(dimension)
    if found is None:
        registry = get_registry()
        found = (
            registry.Quantity(1).dimensionality
            if dimension == DIMENSIONLESS
            else registry.get_dimensionality(dimension)
        )
        _dimensions[dimension] = found
    return found


def _normal(dimension: str) -> str:
    """pint's own spelling of a dimensionality written by hand ("[currency] / [workday]")."""
    found = _normal_cache.get(dimension)
    if found is None:
        if dimension == DIMENSIONLESS:
            found = "dimensionless"
        else:
            found = str(get_registry().get_dimensionality(dimension))
        _normal_cache[dimension] = found
    return found


def format_unit(quantity: Quantity) -> str:
    """A unit in its short form: ``km``, ``EUR / workday``, ``%``."""
    text = f"{quantity.units:~}"
    return text or "dimensionless"


def format_quantity(quantity: Quantity, digits: int = 6) -> str:
    """A scalar quantity written for people: ``18 km``, ``90 %``, ``2.88 EUR / workday``."""
    magnitude = float(quantity.magnitude)
    unit = f"{quantity.units:~}"
    if unit.startswith("EUR"):  # money reads with its cents: 2.50 EUR, 220.00 EUR
        return f"{magnitude:.2f} {unit}"
    number = f"{magnitude:.{digits}g}"
    if not unit:
        return number
    return f"{number} {unit}" if unit != "%" else f"{number} %"


F = TypeVar("F")


def per_registry(build: Callable[[], F]) -> Callable[[], F]:
    """Cache what ``build`` returns for the registry in force, rebuilt after a switch."""
    cache: dict[int, tuple[object, F]] = {}

    def cached() -> F:
        registry = get_registry()
        hit = cache.get(id(registry))
        if hit is not None and hit[0] is registry:
            return hit[1]
        value = build()
        cache[id(registry)] = (registry, value)
        return value

    cached.__name__ = getattr(build, "__name__", "cached")
    cached.__doc__ = build.__doc__
    return cached
