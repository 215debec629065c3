"""Dated values in a policy document: a value in force from a date, to an end date.

A dated value (:class:`DatedKind`) is written as one quantity, in force always (from
:data:`ALWAYS`); as a list of dated entries, each with its start and, where it has one,
its end and source; or as a table naming the parameter with its values. The tables are
the library's descriptions of :class:`~teletravail.dated.DatedValue` and
:class:`~teletravail.dated.DatedParameter` (which their ``from_dict`` read too), with
the kind's own amount and the document's sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from teletravail.config.format.sources import SOURCE
from teletravail.dated import (
    DatedParameter,
    DatedValue,
    dated_parameter_table,
    dated_value_table,
)
from teletravail.documents import (
    BAD,
    Amount,
    Context,
    Kind,
    ListOf,
    join_path,
)
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.sources import STATED

__all__ = ["ALWAYS", "DatedKind"]

#: The start of a value given without dates: in force since long before any scheme.
ALWAYS: Final = dt.date(1900, 1, 1)


class DatedKind(Kind):
    """A dated value: a quantity (in force always), a list of dated entries, or a table
    naming the parameter (``name`` is the parameter's name when it is written as one
    quantity or a list)."""

    def __init__(self, amount: Amount, name: str) -> None:
        self.amount, self.name = amount, name
        self.label = Phrase(
            "a quantity such as {example!r} or a list of dated values",
            "une quantité comme {french!r} ou une liste de valeurs datées",
            example=amount.example,
            french=amount.french,
        )
        # the library's own descriptions of dated values, with this kind's amount, the
        # document's sources, and the document as the source of a value given without one
        self.entry = dated_value_table(amount, SOURCE, stated=STATED)
        self.whole = dated_parameter_table(self.entry)

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, str):
            quantity = self.amount.read(ctx, value, path)
            if quantity is BAD:
                return BAD
            entry = DatedValue(start=ALWAYS, value=quantity, source=STATED)
            return DatedParameter(name=self.name, values=(entry,))
        if isinstance(value, list | tuple):
            entries = ListOf(self.entry, at_least=1).read(ctx, value, path)
            if entries is BAD:
                return BAD
            try:
                return DatedParameter(name=self.name, values=entries)
            except ValidationError as error:
                return ctx.fail(join_path(path, error.field), error.value, error.expected)
        if isinstance(value, Mapping):
            return self.whole.read(ctx, value, path)
        return ctx.fail(path, value, self.label)

    def write(self, ctx: Context, value: DatedParameter) -> Any:
        if value.name == self.name and not value.description and value.dimension is None:
            entries = value.values
            first = entries[0]
            if (
                len(entries) == 1
                and first.start == ALWAYS
                and first.end is None
                and first.note is None
                and first.source == STATED
            ):
                return self.amount.write(ctx, first.value)
            return [self.entry.write(ctx, entry) for entry in entries]
        return self.whole.write(ctx, value)

    def schema(self) -> dict[str, Any]:
        entries = {"type": "array", "minItems": 1, "items": self.entry.schema()}
        return {"oneOf": [self.amount.schema(), entries, self.whole.schema()]}

    def describe(self) -> str:
        example = self.amount.example
        return f"dated value: a quantity such as `{example}` or [dated values](#dated-values)"
