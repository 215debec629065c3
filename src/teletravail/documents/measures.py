"""Figures in documents: a quantity as ``{"value": 28.0, "unit": "km"}`` and an amount of
money as ``{"value": "264.96", "unit": "EUR"}``, the same two shapes in every document
the library writes (decisions, assessments, allowances, bilans, reports).

A quantity's ``value`` is a JSON number, or ``null`` where the figure is not known (a
distance never stated); its ``unit`` is written as people write it (``km``, ``h``,
``workday/week``, ``kg CO2e``) and reads back through the project's registry. Money is a
quantity too, but its value is an exact decimal string with two decimals, so that no
client rounds a float: 264.96 is ``"264.96"``, never ``264.96000000000001``.

:class:`Measure` and :class:`Money` are kinds of :mod:`teletravail.documents`: they read
(naming the key path of a bad value: a distance in kg, a value that is not a number, an
amount with three decimals), write and describe themselves in JSON Schema.
:func:`quantity_data` and :func:`money_data` write one figure without a description, for
the writers of large documents.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from teletravail.errors import UnitError, ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_, format_unit

from .context import BAD, Context, join_path, suggest
from .kinds import Kind

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "CURRENCY",
    "MONEY_PATTERN",
    "Measure",
    "Money",
    "cents_text",
    "money_data",
    "quantity_data",
    "unit_text",
]

#: The currency of every amount the library writes.
CURRENCY: Final = "EUR"
#: An exact amount: digits, a point, two decimals (``"264.96"``, ``"-12.00"``).
MONEY_PATTERN: Final = r"^-?[0-9]+\.[0-9]{2}$"
_MONEY: Final = re.compile(MONEY_PATTERN)
_KEYS: Final = ("value", "unit")


#: The text of each unit met, by its names and exponents (``unit_text``), and each
#: unit written as a document's ``unit``, by its text (``quantity_data``): a few dozen
#: units in all, which pint would otherwise format or parse again for every figure.
_UNIT_TEXTS: Final[dict[frozenset[tuple[str, Any]], str]] = {}
_UNIT_ITEMS: Final[dict[str, dict[str, Any]]] = {}
#: Past this many units, a new one is worked out each time rather than kept.
_KEPT: Final = 4096


def unit_text(quantity: Quantity) -> str:
    """The unit of ``quantity`` as a document writes it: pint's short form, with the
    mass before ``CO2e`` and no spaces around ``/`` (``workday/week``, ``kg CO2e/km``).

    >>> from teletravail.units import Q_
    >>> unit_text(Q_(1, "workday/week")), unit_text(Q_(1, "kg CO2e / km"))
    ('workday/week', 'kg CO2e/km')
    """
    # the same names and exponents make the same text, whatever the registry
    key = frozenset(quantity.unit_items())
    found = _UNIT_TEXTS.get(key)
    if found is not None:
        return found
    unit = format_unit(quantity)
    for mass in ("g", "kg", "t"):  # pint sorts CO2e first; people write kg CO2e
        unit = unit.replace(f"CO2e * {mass}", f"{mass} CO2e")
    unit = unit.replace(" / ", "/").replace(" * ", " ")
    if len(_UNIT_TEXTS) < _KEPT:
        _UNIT_TEXTS[key] = unit
    return unit


def _number(magnitude: float) -> float | None:
    return None if math.isnan(magnitude) else magnitude


def _items(unit: str) -> dict[str, Any]:
    """The names and exponents of the unit written ``unit``."""
    found = _UNIT_ITEMS.get(unit)
    if found is None:
        found = dict(Q_(1, unit).unit_items())
        if len(_UNIT_ITEMS) < _KEPT:
            _UNIT_ITEMS[unit] = found
    return found


def quantity_data(value: Quantity | float, unit: str) -> dict[str, Any]:
    """``value`` (a quantity, or a magnitude already in ``unit``) as ``{"value": ...,
    "unit": unit}``; a NaN magnitude (not known) is written ``null``.

    >>> from teletravail.units import Q_
    >>> quantity_data(Q_(28, "km"), "km"), quantity_data(float("nan"), "km")
    ({'value': 28.0, 'unit': 'km'}, {'value': None, 'unit': 'km'})
    >>> quantity_data(Q_(2, "h"), "min")
    {'value': 120.0, 'unit': 'min'}
    """
    if isinstance(value, int | float):
        magnitude = float(value)
    elif dict(value.unit_items()) == _items(unit):  # already in the unit: no conversion
        magnitude = float(value.magnitude)
    else:
        magnitude = float(value.m_as(unit))
    return {"value": _number(magnitude), "unit": unit}


def cents_text(cents: int) -> str:
    """An exact amount in euros from cents: ``26496`` → ``"264.96"``."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    return f"{sign}{whole}.{part:02d}"


def money_data(cents: int) -> dict[str, str]:
    """An amount of money, from cents, as ``{"value": "264.96", "unit": "EUR"}``.

    >>> money_data(26496), money_data(-5)
    ({'value': '264.96', 'unit': 'EUR'}, {'value': '-0.05', 'unit': 'EUR'})
    """
    return {"value": cents_text(cents), "unit": CURRENCY}


def _keys_known(ctx: Context, value: Mapping[str, Any], path: str) -> bool:
    """Whether ``value`` holds only ``value`` and ``unit`` (each other key a problem)."""
    good = True
    for name in value:
        if name not in _KEYS:
            unknown = Phrase(
                "a key of a figure, {value!r} or {unit!r} (no such key){hint}",
                "une clé d'une grandeur, {value!r} ou {unit!r} (cette clé n'existe pas){hint}",
                value="value",
                unit="unit",
                hint=suggest(str(name), _KEYS, ctx),
            )
            ctx.fail(join_path(path, str(name)), value[name], unknown)
            good = False
    for name in _KEYS:
        if name not in value:
            missing = Phrase("a {key} (missing key)", "une clé {key} (clé manquante)", key=name)
            ctx.fail(join_path(path, name), None, missing)
            good = False
    return good


class Measure(Kind):
    """A quantity, ``{"value": 28.0, "unit": "km"}``, read as a pint quantity.

    With ``unit``, the value is written in that unit and read in any unit of the same
    dimension, converted to it (``{"value": 5, "unit": "kg"}`` for a distance is
    refused, naming the key path); without, in the quantity's own unit (a decision's
    observed values).
    ``nullable``: ``null`` is read as NaN (not known).
    """

    def __init__(self, unit: str | None = None, *, nullable: bool = True) -> None:
        self.unit, self.nullable = unit, nullable
        example = "km" if unit is None else unit
        self.label = Phrase(
            "a quantity such as {table}",
            "une quantité comme {table}",
            table=f'{{"value": 28, "unit": "{example}"}}',
        )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        if not _keys_known(ctx, value, path):
            return BAD
        number, unit = value["value"], value["unit"]
        if number is None and self.nullable:
            magnitude = math.nan
        elif isinstance(number, bool) or not isinstance(number, int | float):
            expected = (
                Phrase("a number or null", "un nombre ou null")
                if self.nullable
                else Phrase("a number", "un nombre")
            )
            return ctx.fail(join_path(path, "value"), number, expected)
        else:
            magnitude = float(number)
        if not isinstance(unit, str) or not unit.strip():
            return ctx.fail(join_path(path, "unit"), unit, Phrase("a unit", "une unité"))
        try:
            quantity = Q_(magnitude, unit)
        except (UnitError, ValidationError):
            known = Phrase("a unit the registry knows", "une unité que le registre connaît")
            return ctx.fail(join_path(path, "unit"), unit, known)
        if self.unit is not None and quantity.dimensionality != Q_(1, self.unit).dimensionality:
            same = Phrase(
                "a unit of the same kind as {unit!r}",
                "une unité de même nature que {unit!r}",
                unit=self.unit,
            )
            return ctx.fail(join_path(path, "unit"), unit, same)
        return quantity if self.unit is None else quantity.to(self.unit)

    def write(self, ctx: Context, value: Any) -> Any:
        if self.unit is None:
            return {"value": _number(float(value.magnitude)), "unit": unit_text(value)}
        return quantity_data(value, self.unit)

    def schema(self) -> dict[str, Any]:
        number: dict[str, Any] = {"type": ["number", "null"] if self.nullable else "number"}
        unit: dict[str, Any] = {"type": "string", "pattern": r"\S"}
        if self.unit is not None:
            unit["examples"] = [self.unit]
        return {
            "type": "object",
            "properties": {"value": number, "unit": unit},
            "required": list(_KEYS),
            "additionalProperties": False,
        }

    def describe(self) -> str:
        return "quantity" if self.unit is None else f"quantity in {self.unit}"


class Money(Kind):
    """An amount of money, ``{"value": "264.96", "unit": "EUR"}``, read as cents."""

    label = Phrase(
        'an amount such as {{"value": "264.96", "unit": "EUR"}}',
        'un montant comme {{"value": "264.96", "unit": "EUR"}}',
    )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        if not _keys_known(ctx, value, path):
            return BAD
        text, unit = value["value"], value["unit"]
        if not isinstance(text, str) or not _MONEY.fullmatch(text):
            exact = Phrase(
                "an exact amount as text, two decimals (such as {example!r})",
                "un montant exact écrit en texte, deux décimales (comme {example!r})",
                example="264.96",
            )
            return ctx.fail(join_path(path, "value"), text, exact)
        if unit != CURRENCY:
            return ctx.fail(join_path(path, "unit"), unit, Phrase("{c!r}", "{c!r}", c=CURRENCY))
        negative = text.startswith("-")
        whole, part = text.lstrip("-").split(".")
        cents = int(whole) * 100 + int(part)
        return -cents if negative else cents

    def write(self, ctx: Context, value: Any) -> Any:
        return money_data(value)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                "value": {"type": "string", "pattern": MONEY_PATTERN, "examples": ["264.96"]},
                "unit": {"const": CURRENCY},
            },
            "required": list(_KEYS),
            "additionalProperties": False,
        }

    def describe(self) -> str:
        return "amount of money"
