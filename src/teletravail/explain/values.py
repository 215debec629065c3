"""The values a decision shows: what a criterion observed and what it required.

:data:`Value` is what a leaf of a decision tree may hold (a quantity, a date, a
duration, a code, a flag, a number, codes, or nothing); :func:`encode_value` writes one
as JSON-ready data and :func:`decode_value` reads it back, naming the key path of a bad
one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from teletravail._checks import require_keys
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.errors import UnitError, ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_, format_unit

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["Value", "decode_value", "encode_value", "typed"]

#: What a criterion may observe or require: JSON-ready once encoded by ``encode_value``.
Value = Union["Quantity", dt.date, Duration, str, bool, int, float, tuple[str, ...], None]


def encode_value(value: Value) -> Any:
    """A JSON-ready form of a value that :func:`decode_value` reads back."""
    import pint

    if isinstance(value, pint.Quantity):
        magnitude = float(value.magnitude)
        return {
            "quantity": None if math.isnan(magnitude) else magnitude,
            "unit": format_unit(value),
        }
    if isinstance(value, Duration):
        return {"duration": value.iso()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def decode_value(data: Any, path: str = "value") -> Value:
    """Read back a value written by :func:`encode_value`; errors name ``path``."""
    if isinstance(data, Mapping):
        if "quantity" in data:
            require_keys(data, path, ("quantity", "unit"))
            magnitude = data["quantity"]
            if magnitude is not None and (
                isinstance(magnitude, bool) or not isinstance(magnitude, int | float)
            ):
                raise ValidationError(
                    f"{path}.quantity", magnitude, Phrase("a number or null", "un nombre ou null")
                )
            unit = typed(data, "unit", str, path)
            try:
                return Q_(math.nan if magnitude is None else float(magnitude), unit)
            except UnitError:
                raise ValidationError(
                    f"{path}.unit",
                    unit,
                    Phrase("a unit the registry knows", "une unité que le registre connaît"),
                ) from None
        if "duration" in data:
            require_keys(data, path, ("duration",))
            return Duration.parse(typed(data, "duration", str, path))
        if "date" in data:
            require_keys(data, path, ("date",))
            return to_date(typed(data, "date", str, path), f"{path}.date")
        raise ValidationError(
            path,
            data,
            Phrase(
                "a quantity, duration or date object",
                "un objet quantity, duration ou date",
            ),
        )
    if isinstance(data, list):
        if not all(isinstance(item, str) for item in data):
            raise ValidationError(path, data, Phrase("a list of strings", "une liste de textes"))
        return tuple(data)
    if data is None or isinstance(data, str | bool | int | float):
        return data
    raise ValidationError(path, data, Phrase("a JSON value", "une valeur JSON"))


T = TypeVar("T")


def typed(data: Mapping[str, Any], key: str, kind: type[T], path: str) -> T:
    """``data[key]`` if it is a ``kind`` (a bool is no number here); otherwise a
    :class:`~teletravail.errors.ValidationError` naming ``path.key``."""
    value = data[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValidationError(
            f"{path}.{key}", value, Phrase("a {kind}", "une valeur {kind}", kind=kind.__name__)
        )
    return value
