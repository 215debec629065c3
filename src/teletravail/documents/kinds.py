"""The plain kinds of values a document holds, each able to read, write and describe itself.

A :class:`Kind` reads a document value (recording its problems in a
:class:`~teletravail.documents.context.Context`), writes an object back, and describes
itself for the JSON Schema and the Markdown reference. The plain kinds are text
(:class:`Text`), true or false (:class:`Flag`), numbers (:class:`Number`), dates
(:class:`Day`), quantities with their unit (:class:`Amount`, :class:`CapAmount`), names
among a fixed list (:class:`Choice`) and values a class's own converter reads
(:class:`Converted`). The kinds made of others (lists, tables of keys, tagged tables,
references) are in :mod:`teletravail.documents.tables`; durations (``Span``) are described
beside them, in :mod:`teletravail.dated`.
"""

from __future__ import annotations

import abc
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import EMPTY, Phrase, choices
from teletravail.units import as_quantity, format_unit

from .context import Context, suggest

__all__ = [
    "UTF8_TEXT",
    "Amount",
    "CapAmount",
    "Choice",
    "Converted",
    "Day",
    "Flag",
    "Kind",
    "Number",
    "Text",
    "encodable",
    "plain_number",
]


def encodable(text: str) -> bool:
    """Whether ``text`` can be written to a file as UTF-8 (no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Kind(abc.ABC):
    """A kind of document value: every kind reads and describes itself in the schema.

    Its ``label`` says what a value of the kind is, in English and in French (a
    :class:`~teletravail.messages.Phrase`): problems quote it.
    """

    label: str = Phrase("a value", "une valeur")

    @abc.abstractmethod
    def read(self, ctx: Context, value: Any, path: str) -> Any:
        """The value read, or :data:`BAD` after recording the problem in ``ctx``."""

    def write(self, ctx: Context, value: Any) -> Any:
        return value

    @abc.abstractmethod
    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the values of this kind."""

    def describe(self) -> str:
        return self.label


_STRING: Final = Phrase("a string", "du texte")
_NON_EMPTY: Final = Phrase("a non-empty string", "un texte non vide")
UTF8_TEXT: Final = Phrase(
    "text in UTF-8 (no lone surrogate)", "du texte en UTF-8 (sans demi-codet d'indirection isolé)"
)


class Text(Kind):
    def __init__(self, *, empty: bool = False) -> None:
        self.empty = empty
        self.label = (
            Phrase("text", "du texte") if empty else Phrase("text (not empty)", "un texte non vide")
        )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not (self.empty or value.strip()):
            return ctx.fail(path, value, _STRING if self.empty else _NON_EMPTY)
        if not encodable(value):
            return ctx.fail(path, value, UTF8_TEXT)
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string"} if self.empty else {"type": "string", "pattern": r"\S"}


class Flag(Kind):
    label = Phrase("true or false", "true ou false")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, bool):
            return ctx.fail(path, value, self.label)
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Number(Kind):
    def __init__(
        self, low: float, high: float, *, whole: bool = False, above: bool = False
    ) -> None:
        self.low, self.high, self.whole, self.above = low, high, whole, above
        noun = (
            Phrase("a whole number", "un nombre entier")
            if whole
            else Phrase("a number", "un nombre")
        )
        parts = {"noun": noun, "low": plain_number(low), "high": plain_number(high)}
        if above:
            self.label = Phrase(
                "{noun} above {low} to {high}",
                "{noun} supérieur à {low} et d'au plus {high}",
                **parts,
            )
        else:
            self.label = Phrase("{noun} from {low} to {high}", "{noun} de {low} à {high}", **parts)

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return ctx.fail(path, value, self.label)
        if isinstance(value, float) and not math.isfinite(value):
            return ctx.fail(path, value, self.label)
        if self.whole and isinstance(value, float):
            if not value.is_integer():
                return ctx.fail(path, value, self.label)
            value = int(value)
        # exact comparisons: a 400-digit integer is out of range, not an overflow
        low_ok = value > self.low if self.above else value >= self.low
        if not low_ok or value > self.high:
            return ctx.fail(path, value, self.label)
        return value

    def write(self, ctx: Context, value: Any) -> Any:
        return int(value) if self.whole or float(value).is_integer() else float(value)

    def schema(self) -> dict[str, Any]:
        kind = "integer" if self.whole else "number"
        low = "exclusiveMinimum" if self.above else "minimum"
        return {"type": kind, low: self.low, "maximum": self.high}


class Day(Kind):
    label = Phrase("a date, YYYY-MM-DD", "une date, AAAA-MM-JJ")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, dt.datetime):
            return ctx.fail(
                path,
                value,
                Phrase("a date without a time, YYYY-MM-DD", "une date sans heure, AAAA-MM-JJ"),
            )
        try:
            return to_date(value, path)
        except ValidationError as error:
            return ctx.fail(path, value, error.expected)

    def write(self, ctx: Context, value: Any) -> Any:
        return value.isoformat()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


_QUANTITY_PATTERN = (
    r"^\s*[-+]?([0-9][0-9 \u00a0]*)?([.,][0-9]+)?([eE][-+]?[0-9]+)?\s*[^\s0-9.,+-].*$"
)


class Amount(Kind):
    """A quantity written with its unit, of one dimension (``None``: of any dimension).
    ``example`` shows one in English, ``french`` the same in French words (by default the
    example itself)."""

    def __init__(
        self,
        dimension: str | None,
        example: str,
        *,
        negative: bool = False,
        french: str | None = None,
    ) -> None:
        self.dimension, self.example, self.negative = dimension, example, negative
        self.french = example if french is None else french
        self.label = Phrase(
            "a quantity such as {example!r}",
            "une quantité comme {french!r}",
            example=example,
            french=self.french,
        )

    def _such_as(self, what: str) -> Phrase:
        """``what, such as '2.88 EUR/workday'`` / ``what, comme « 2,88 €/jour »``."""
        return Phrase(
            "{what}, such as {example!r}",
            "{what}, comme {french!r}",
            what=what,
            example=self.example,
            french=self.french,
        )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not encodable(value) or len(value) > 100:
            what = Phrase("a quantity with its unit", "une quantité avec son unité")
            return ctx.fail(path, value, self._such_as(what))
        try:
            quantity = as_quantity(value, field=path, dimension=self.dimension)
        except ValidationError as error:
            return ctx.fail(path, value, self._such_as(error.expected))
        except (OverflowError, ValueError, ArithmeticError):
            what = Phrase("a quantity of sane size", "une quantité de taille raisonnable")
            return ctx.fail(path, value, self._such_as(what))
        if self.dimension == "[]" and not f"{quantity.units:~}" and "dimensionless" not in value:
            # a bare number: 0.9 or 90? (an explicit "0.9 dimensionless" says it)
            what = Phrase("a share with its unit", "une proportion avec son unité")
            return ctx.fail(path, value, self._such_as(what))
        magnitude = float(quantity.magnitude)
        if not math.isfinite(magnitude) or (magnitude < 0 and not self.negative):
            what = Phrase("a finite quantity >= 0", "une quantité finie, positive ou nulle")
            return ctx.fail(path, value, self._such_as(what))
        return quantity

    def write(self, ctx: Context, value: Any) -> Any:
        unit = format_unit(value)
        for mass in ("g", "kg", "t"):  # pint sorts CO2e first; people write kg CO2e
            unit = unit.replace(f"CO2e * {mass} ", f"{mass} CO2e ")
        number = plain_number(float(value.magnitude))
        text = f"{number} {unit}"
        if not self._reads_back(text, value):  # a symbol the reader refuses ("‰", "kt")
            text = f"{number} {value.units:D}"  # the units' full names
        return text

    def _reads_back(self, text: str, value: Any) -> bool:
        try:
            again = as_quantity(text, field="value", dimension=self.dimension)
        except ValidationError:
            return False
        return bool(again.units == value.units)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": _QUANTITY_PATTERN,
            "description": "a quantity with its unit"
            if self.dimension is None
            else f"a quantity of dimension {self.dimension}",
            "examples": [self.example],
        }

    def describe(self) -> str:
        return f"quantity, e.g. `{self.example}`"


class CapAmount(Amount):
    """A cap: an amount of money. A cap written with its period (``"220 € par an"``,
    ``"55 EUR/month"``) is refused with the two keys that say it: the amount, and
    ``cap_per``."""

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        try:
            per_time = as_quantity(value, field=path, dimension="[currency] / [time]")
        except (ValidationError, OverflowError, ValueError, ArithmeticError, TypeError):
            return super().read(ctx, value, path)
        magnitude = float(per_time.magnitude)
        monthly = abs(float(per_time.to("EUR/month").magnitude) - magnitude) < 1e-9 * max(
            1.0, abs(magnitude)
        )
        per, word = ("month", "mois") if monthly else ("year", "an")
        per_time = per_time.to(f"EUR/{per}")
        return ctx.fail(
            path,
            value,
            Phrase(
                "an amount of money, the cap's period apart: cap = {amount!r} and cap_per ="
                " {per!r}",
                "un montant, la période du plafond à part\u00a0: cap = {montant!r} et"
                " cap_per = {par!r}",
                amount=f"{per_time.magnitude:g} EUR",
                per=per,
                montant=f"{per_time.magnitude:g} €".replace(".", ","),
                par=word,
            ),
        )


class Choice(Kind):
    """One name among a fixed list, or one of its words in French (``aliases``: read as
    the name, written as the name; the schema lists both)."""

    def __init__(self, names: Sequence[str], aliases: Mapping[str, str] | None = None) -> None:
        self.names = tuple(names)
        self.aliases = dict(aliases or {})
        self.label = choices(self.names, tuple(self.aliases))

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, str) and value in self.names:
            return value
        if isinstance(value, str) and value in self.aliases:
            return self.aliases[value]
        known = (*self.names, *self.aliases)
        hint = suggest(value, known, ctx) if isinstance(value, str) else EMPTY
        return ctx.fail(path, value, self.label + hint)

    def write(self, ctx: Context, value: Any) -> Any:
        return str(getattr(value, "value", value))

    def schema(self) -> dict[str, Any]:
        return {"enum": [*self.names, *self.aliases]}

    def describe(self) -> str:
        text = "one of " + ", ".join(f"`{name}`" for name in self.names)
        if self.aliases:
            words: dict[str, list[str]] = {}
            for alias, name in self.aliases.items():
                words.setdefault(name, []).append(f"`{alias}`")
            said = [f"{' or '.join(found)} for `{name}`" for name, found in words.items()]
            text += " (in French: " + ", ".join(said) + ")"
        return text


class Converted(Kind):
    """A value read by a function that checks and converts it, or raises a
    :class:`ValidationError` saying what it expected: the converter of a class's field,
    so that a document and the class's constructor refuse a value with the same words.
    ``write`` gives the value as a document writes it (by default, itself)."""

    def __init__(
        self,
        convert: Callable[[Any], Any],
        label: str,
        schema: Mapping[str, Any],
        *,
        write: Callable[[Any], Any] | None = None,
    ) -> None:
        self.convert, self.label, self._schema = convert, label, dict(schema)
        self._write = write

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        try:
            return self.convert(value)
        except ValidationError as error:
            return ctx.fail(path, value, error.expected)

    def write(self, ctx: Context, value: Any) -> Any:
        return value if self._write is None else self._write(value)

    def schema(self) -> dict[str, Any]:
        return dict(self._schema)


def plain_number(number: float) -> str:
    """A number the shortest way that reads back exactly: ``90``, ``2.88``."""
    return str(int(number)) if float(number).is_integer() and abs(number) < 1e15 else repr(number)
