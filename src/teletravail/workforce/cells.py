"""One cell of a register, as a person writes it: an empty cell, a plain number, a yes or
a no, a quantity (with its unit, or in the unit its column's name gives).

The lowest layer of the package: the readers of an agent's fields (:mod:`.fields`,
:mod:`.agent`) and of whole columns (:mod:`.columns`, :mod:`.parsing`) read their cells
with these.
"""

from __future__ import annotations

import math
import re
from typing import Any

import attrs
import numpy as np

from teletravail.errors import ValidationError
from teletravail.formats import french_unit
from teletravail.messages import Phrase
from teletravail.units import Q_, as_quantity
from teletravail.units import unit as _unit

__all__ = [
    "EXPECTED_TIMELESS",
    "PLAIN_NUMBER",
    "InUnit",
    "cell_quantity",
    "is_missing",
    "read_bool",
]


def is_missing(value: Any) -> bool:
    """An empty cell: None, blank text, NaN, NaT or pandas' NA."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return type(value).__name__ in ("NAType", "NaTType")


#: A number as a register writes it: ASCII digits, a decimal point or comma, an optional
#: exponent. Python's float() would also take "1_000", "nan", "inf" and digits of other
#: scripts; a cell means what it shows, and "unknown" is an empty cell.
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]{1,3})?")


def _plain_number(raw: Any, name: str, unit: str) -> float:
    """A cell of a column named with its unit, as a finite number."""
    if isinstance(raw, bool):
        raise ValidationError(name, raw, _number_in(unit))
    if isinstance(raw, int | float | np.integer | np.floating):
        number = float(raw)
    elif isinstance(raw, str) and PLAIN_NUMBER.fullmatch(raw.strip()):
        text = raw.strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # a French decimal comma: "12,5"
        number = float(text)
    else:
        raise ValidationError(name, raw, _number_in(unit))
    if not math.isfinite(number):
        raise ValidationError(
            name,
            raw,
            Phrase(
                "a finite number in {unit}",
                "un nombre fini, en {french}",
                unit=unit,
                french=french_unit(Q_(1, unit)),
            ),
        )
    return number


def _number_in(unit: str) -> Phrase:
    return Phrase(
        "a number in {unit}", "un nombre, en {french}", unit=unit, french=french_unit(Q_(1, unit))
    )


#: The words of a yes and of a no, in English and in French (read case aside).
_TRUE = frozenset({"true", "yes", "oui", "y", "o", "1", "vrai"})
_FALSE = frozenset({"false", "no", "non", "n", "0", "faux"})


def read_bool(value: Any, field: str) -> bool:
    """A yes or a no: a boolean, 0 or 1, or a word (``"oui"``, ``"no"``, ``"vrai"``...);
    errors name ``field``."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValidationError(
        field,
        value,
        Phrase("true or false (yes/no, oui/non, 1/0)", "true ou false (yes/no, oui/non, 1/0)"),
    )


#: What a date cell with a time of day should have been.
EXPECTED_TIMELESS = Phrase("a date without a time of day", "une date sans heure")


@attrs.frozen
class InUnit:
    """A cell given under a key whose unit differs from its column's (records may mix
    ``commute_distance_km`` and ``commute_distance_mi``)."""

    value: Any
    unit: str | None


def cell_quantity(
    raw: Any,
    name: str,
    dimension: str,
    unit: str,
    column_unit: str | None,
    text_cache: dict[tuple[str, str], float],
) -> float:
    """One cell of a quantity column, as a magnitude in the workforce's unit."""
    if column_unit is not None:
        number = _plain_number(raw, name, column_unit)
        if column_unit == unit:
            return number
        return float(Q_(number, column_unit).m_as(_unit(unit)))
    if isinstance(raw, str):
        key = (name, raw)
        hit = text_cache.get(key)
        if hit is None:
            hit = float(as_quantity(raw, field=name, dimension=dimension).m_as(_unit(unit)))
            text_cache[key] = hit
        return hit
    return float(as_quantity(raw, field=name, dimension=dimension).m_as(_unit(unit)))
