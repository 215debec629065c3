"""Dated values in a policy document: a value in force from a date, to an end date.

A dated value (:class:`DatedKind`) is written as one quantity, in force always (from
:data:`ALWAYS`); as a list of dated entries, each with its start and, where it has one,
its end and source; or as a table naming the parameter with its values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from teletravail.config.format.sources import SOURCE
from teletravail.dated import DatedParameter, DatedValue
from teletravail.documents import (
    BAD,
    Amount,
    Context,
    Day,
    Key,
    Kind,
    ListOf,
    Table,
    Text,
    join_path,
    non_defaults,
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
        self.entry = Table(
            "dated values",
            "A value in force from a date (to an end date, both included).",
            [
                Key("start", Day(), "the first day the value is in force", True),
                Key("end", Day(), "the last day it is in force (default: until replaced)"),
                Key("value", amount, "the value", True),
                Key("source", SOURCE, "the text that sets it (default: the document)"),
                Key("note", Text(empty=True), "a qualification, e.g. 'unconfirmed'"),
            ],
            self._entry,
            self._dump_entry,
            french="valeur datée",
        )
        self.whole = Table(
            "dated parameter",
            "A named parameter with its dated values.",
            [
                Key("name", Text(), "the parameter's name", True),
                Key("description", Text(empty=True), "what it is"),
                Key("dimension", Text(), "its dimension, e.g. '[currency] / [workday]'"),
                Key("values", ListOf(self.entry, at_least=1), "its values, by start date", True),
            ],
            self._parameter,
            lambda p: non_defaults(p, "name", "description", "dimension", "values"),
            french="paramètre daté",
        )

    @staticmethod
    def _entry(data: dict[str, Any]) -> Any:
        data.setdefault("source", STATED)
        return DatedValue(**data)

    @staticmethod
    def _dump_entry(entry: Any) -> dict[str, Any]:
        return {
            "start": entry.start,
            "end": entry.end,
            "value": entry.value,
            "source": entry.source,
            "note": entry.note,
        }

    @staticmethod
    def _parameter(data: dict[str, Any]) -> Any:
        return DatedParameter(**data)

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
