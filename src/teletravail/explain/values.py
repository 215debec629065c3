"""The values a decision shows: what a criterion observed and what it required.

:data:`Value` is what a leaf of a decision tree may hold (a quantity, a date, a
duration, a code, a flag, a number, codes, or nothing); :func:`encode_value` writes one
as JSON-ready data and :func:`decode_value` reads it back through its description
(:data:`VALUE`), naming the key path of a bad one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Union

from teletravail.dated import Duration, Span
from teletravail.documents import Context, Day, Key, Kind, ListOf, Measure, Table, Text, read
from teletravail.messages import Phrase

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["VALUE", "Value", "ValueKind", "decode_value", "encode_value"]

#: What a criterion may observe or require: JSON-ready once encoded by ``encode_value``.
Value = Union["Quantity", dt.date, Duration, str, bool, int, float, tuple[str, ...], None]

#: A quantity, in its own unit (a decision shows what the criterion observed, as it was).
_MEASURE: Final = Measure()


def encode_value(value: Value) -> Any:
    """A JSON-ready form of a value that :func:`decode_value` reads back."""
    import pint

    if isinstance(value, pint.Quantity):
        return _MEASURE.write(Context(), value)
    if isinstance(value, Duration):
        return {"duration": value.iso()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


#: The objects a value may be, each found by a key of its own: a quantity with its value
#: and unit (a NaN magnitude written ``null``), a duration (ISO 8601) or a date (ISO).
_OBJECTS: Final[dict[str, Kind]] = {
    "unit": _MEASURE,
    "duration": Table(
        "duration",
        "A duration, in ISO 8601.",
        [Key("duration", Span(), "the duration, e.g. 'P1Y'", True)],
        lambda data: data["duration"],
        lambda d: {"duration": d},
    ),
    "date": Table(
        "date",
        "A date, in ISO.",
        [Key("date", Day(), "the date, YYYY-MM-DD", True)],
        lambda data: data["date"],
        lambda d: {"date": d},
    ),
}
_CODES: Final = ListOf(Text(empty=True))


class ValueKind(Kind):
    """A :data:`Value` as :func:`encode_value` writes it: an object with a quantity and
    its unit, a duration or a date; a list of codes; a string, a flag, a number or
    null. The objects are told apart by their key, not by a tag: a value is what a
    criterion observed, written as plainly as JSON allows."""

    label = Phrase("a JSON value", "une valeur JSON")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, Mapping):
            for key, table in _OBJECTS.items():
                if key in value:
                    return table.read(ctx, value, path)
            objects = Phrase(
                "a quantity, duration or date object", "un objet quantité, durée ou date"
            )
            return ctx.fail(path, value, objects)
        if isinstance(value, list):
            return _CODES.read(ctx, value, path)
        if value is None or isinstance(value, str | bool | int | float):
            return value
        return ctx.fail(path, value, self.label)

    def write(self, ctx: Context, value: Any) -> Any:
        return encode_value(value)

    def schema(self) -> dict[str, Any]:
        objects = [table.schema() for table in _OBJECTS.values()]
        scalars = [{"type": kind} for kind in ("string", "boolean", "number", "null")]
        return {"oneOf": [*objects, _CODES.schema(), *scalars]}


#: The description of a :data:`Value`.
VALUE: Final = ValueKind()


def decode_value(data: Any, path: str = "value") -> Value:
    """Read back a value written by :func:`encode_value`, as :data:`VALUE` describes it;
    errors name ``path``."""
    value: Value = read(VALUE, data, path)
    return value
