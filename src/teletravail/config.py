"""Policies as documents: TOML and JSON in and out, every field checked.

A policy document is plain data a territory can write by hand: criteria by their stable
code with their parameters, quantities as strings with their unit (``"28 km"``,
``"2.88 EUR/workday"``), dated values as lists of tables, sources as tables or as the
``id`` of an entry of the document's ``sources``. :func:`loads` and :func:`load` read one
into a :class:`~teletravail.policy.Policy`; :func:`dumps` and :func:`to_document` write
one back, so that any policy made of document-able parts round-trips unchanged.

Reading never evaluates anything from the file: TOML and JSON are parsed by the standard
library, quantities by :func:`~teletravail.units.parse_quantity` (a number and a checked
unit, no expressions). Documents over :data:`MAX_BYTES` and rules nested deeper than
:data:`MAX_DEPTH` are refused. Every problem is collected, each with its key path and,
for a misspelt name, a suggestion; then one :class:`~teletravail.errors.ConfigError`
lists them all.

The format is described once, by the tables below: the same description reads,
writes, exports the JSON Schema (:func:`json_schema`) and the reference of
``docs/configuration.md`` (:func:`reference`).
"""

from __future__ import annotations

import abc
import datetime as dt
import difflib
import json
import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from teletravail._checks import encodable
from teletravail._syntax import parser_message
from teletravail.errors import ConfigError, Problem, ValidationError
from teletravail.messages import (
    EMPTY,
    Phrase,
    choices,
    did_you_mean,
    french_count,
    show,
    system_reason,
)

if TYPE_CHECKING:
    from teletravail.dated import DatedParameter, Source
    from teletravail.policy import Policy

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "document_table",
    "dump",
    "dumps",
    "from_document",
    "json_schema",
    "load",
    "load_policy",
    "loads",
    "reference",
    "to_document",
]

#: The value of a document's ``format`` key.
FORMAT: Final = "teletravail.policy"
#: The version of the format this library reads and writes.
FORMAT_VERSION: Final = 1
#: The largest document read, in bytes (the biggest preset is about 5 kB).
MAX_BYTES: Final = 1_000_000
#: The deepest nesting of eligibility rules a document may hold.
MAX_DEPTH: Final = 32

#: The start of a value given without dates: in force since long before any scheme.
ALWAYS: Final = dt.date(1900, 1, 1)
#: The title of the source of a value the document gives without one (``dated.STATED``).
STATED_TITLE: Final = "stated in the policy document"

Syntax = Literal["toml", "json"]


class _Bad:
    """The result of reading a value that had a problem (already recorded)."""

    def __repr__(self) -> str:
        return "<bad>"


BAD: Final = _Bad()


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


#: How many names a "did you mean" compares, and lists, at the most, and for how many
#: misspellings: a document may declare thousands of sources, and misspellings must
#: cost little and say little.
_MOST_COMPARED = 50
_MOST_HINTS = 20  # misspellings of a document that get a "did you mean"
_MOST_LISTED = 10


def _suggest(word: str, known: Sequence[str], ctx: _Context) -> Phrase:
    """`` (did you mean 'x'?)`` for the closest of ``known``, or nothing. Only names of
    about the word's length are compared (at most 50 of them), only the word's first
    100 characters, and only for a document's first few misspellings: the cost of
    misspellings is bounded whatever their number."""
    if ctx.hints <= 0:
        return EMPTY
    ctx.hints -= 1
    word = word[:100].lower()
    near = [k for k in known if abs(len(k) - len(word)) <= 3][:_MOST_COMPARED]
    guess = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return did_you_mean(guess[0] if guess else None)


def _listed(names: Sequence[str]) -> Phrase:
    """The first few of ``names``, and how many more there are."""
    shown = ", ".join(names[:_MOST_LISTED])
    more = len(names) - _MOST_LISTED
    if more > 0:
        return Phrase(
            "{shown} and {more} more",
            "{shown} et {others}",
            shown=shown,
            more=more,
            others=french_count(more, "autre", "autres"),
        )
    return Phrase(shown, shown)


class _Context:
    """What reading or writing one document carries along: the problems found, the
    document's named sources and the depth of rule nesting."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.source_ids: dict[Source, str] = {}
        self.depth = 0

    def fail(self, path: str, value: Any, expected: str) -> _Bad:
        """Record a problem (``expected``: a :class:`Phrase`, or the ``expected`` of an
        error caught) and return :data:`BAD`."""
        self.failures += 1  # how many times reading failed (a problem said once or more)
        if path not in self.screened:  # a value the screening refused: said once
            self.problems.append(Problem(path, value, expected))
        return BAD

    screened: frozenset[str] = frozenset()
    failures = 0
    hints = _MOST_HINTS


# ---------------------------------------------------------------------------------------
# Kinds of values. Each reads a document value (recording problems), writes an object
# back, and describes itself for the JSON Schema and the reference.


class Kind(abc.ABC):
    """A kind of document value: every kind reads and describes itself in the schema.

    Its ``label`` says what a value of the kind is, in English and in French (a
    :class:`~teletravail.messages.Phrase`): problems quote it.
    """

    label: str = Phrase("a value", "une valeur")

    @abc.abstractmethod
    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        """The value read, or :data:`BAD` after recording the problem in ``ctx``."""

    def write(self, ctx: _Context, value: Any) -> Any:
        return value

    @abc.abstractmethod
    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the values of this kind."""

    def describe(self) -> str:
        return self.label


_STRING: Final = Phrase("a string", "du texte")
_NON_EMPTY: Final = Phrase("a non-empty string", "un texte non vide")
_UTF8: Final = Phrase(
    "text in UTF-8 (no lone surrogate)", "du texte en UTF-8 (sans demi-codet d'indirection isolé)"
)


class Text(Kind):
    def __init__(self, *, empty: bool = False) -> None:
        self.empty = empty
        self.label = (
            Phrase("text", "du texte") if empty else Phrase("text (not empty)", "un texte non vide")
        )

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not (self.empty or value.strip()):
            return ctx.fail(path, value, _STRING if self.empty else _NON_EMPTY)
        if not encodable(value):
            return ctx.fail(path, value, _UTF8)
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string"} if self.empty else {"type": "string", "pattern": r"\S"}


class Flag(Kind):
    label = Phrase("true or false", "true ou false")

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
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
        parts = {"noun": noun, "low": _plain(low), "high": _plain(high)}
        if above:
            self.label = Phrase(
                "{noun} above {low} to {high}",
                "{noun} supérieur à {low} et d'au plus {high}",
                **parts,
            )
        else:
            self.label = Phrase("{noun} from {low} to {high}", "{noun} de {low} à {high}", **parts)

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
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

    def write(self, ctx: _Context, value: Any) -> Any:
        return int(value) if self.whole or float(value).is_integer() else float(value)

    def schema(self) -> dict[str, Any]:
        kind = "integer" if self.whole else "number"
        low = "exclusiveMinimum" if self.above else "minimum"
        return {"type": kind, low: self.low, "maximum": self.high}


class Day(Kind):
    label = Phrase("a date, YYYY-MM-DD", "une date, AAAA-MM-JJ")

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.dated import to_date

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

    def write(self, ctx: _Context, value: Any) -> Any:
        return value.isoformat()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


_QUANTITY_PATTERN = (
    r"^\s*[-+]?([0-9][0-9 \u00a0]*)?([.,][0-9]+)?([eE][-+]?[0-9]+)?\s*[^\s0-9.,+-].*$"
)


class Amount(Kind):
    """A quantity written with its unit, of one dimension. ``example`` shows one in
    English, ``french`` the same in French words (by default the example itself)."""

    def __init__(
        self, dimension: str, example: str, *, negative: bool = False, french: str | None = None
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

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.units import as_quantity

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

    def write(self, ctx: _Context, value: Any) -> Any:
        from teletravail.units import format_unit

        unit = format_unit(value)
        for mass in ("g", "kg", "t"):  # pint sorts CO2e first; people write kg CO2e
            unit = unit.replace(f"CO2e * {mass} ", f"{mass} CO2e ")
        number = _plain(float(value.magnitude))
        text = f"{number} {unit}"
        if not self._reads_back(text, value):  # a symbol the reader refuses ("‰", "kt")
            text = f"{number} {value.units:D}"  # the units' full names
        return text

    def _reads_back(self, text: str, value: Any) -> bool:
        from teletravail.units import as_quantity

        try:
            again = as_quantity(text, field="value", dimension=self.dimension)
        except ValidationError:
            return False
        return bool(again.units == value.units)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": _QUANTITY_PATTERN,
            "description": f"a quantity of dimension {self.dimension}",
            "examples": [self.example],
        }

    def describe(self) -> str:
        return f"quantity, e.g. `{self.example}`"


class CapAmount(Amount):
    """A cap: an amount of money. A cap written with its period (``"220 € par an"``,
    ``"55 EUR/month"``) is refused with the two keys that say it: the amount, and
    ``cap_per``."""

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.units import as_quantity

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


class Span(Kind):
    label = Phrase("a duration", "une durée")

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.dated import Duration

        try:
            return Duration.parse(value)
        except ValidationError as error:
            return ctx.fail(path, value, error.expected)

    def write(self, ctx: _Context, value: Any) -> Any:
        parts = []
        for amount, unit in ((value.years, "year"), (value.months, "month"), (value.days, "day")):
            if amount:
                parts.append(f"{amount} {unit}{'s' if amount > 1 else ''}")
        return " ".join(parts) or "0 days"

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "examples": ["1 year", "6 months", "P1Y6M"]}

    def describe(self) -> str:
        return "duration, e.g. `1 year`, `6 months`"


class Choice(Kind):
    """One name among a fixed list, or one of its words in French (``aliases``: read as
    the name, written as the name; the schema lists both)."""

    def __init__(self, names: Sequence[str], aliases: Mapping[str, str] | None = None) -> None:
        self.names = tuple(names)
        self.aliases = dict(aliases or {})
        self.label = choices(self.names, tuple(self.aliases))

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        if isinstance(value, str) and value in self.names:
            return value
        if isinstance(value, str) and value in self.aliases:
            return self.aliases[value]
        known = (*self.names, *self.aliases)
        hint = _suggest(value, known, ctx) if isinstance(value, str) else EMPTY
        return ctx.fail(path, value, self.label + hint)

    def write(self, ctx: _Context, value: Any) -> Any:
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


#: The French words of the periods a document counts over.
PERIOD_WORDS: Final = {"semaine": "week", "mois": "month", "an": "year", "année": "year"}
#: The French words of the places of telework.
PLACE_WORDS_FR: Final = {
    "domicile": "home",
    "télécentre": "telecentre",
    "tiers-lieu": "telecentre",
    "autre": "other",
}


class ListOf(Kind):
    """A list whose items are all of one kind (read as a tuple)."""

    def __init__(self, item: Kind, *, unique: bool = False, at_least: int = 0) -> None:
        self.item, self.unique, self.at_least = item, unique, at_least
        self.label = Phrase(
            "a list of {item}", "une liste dont chaque élément est {item}", item=item.label
        )

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        if not isinstance(value, list | tuple):
            return ctx.fail(path, value, self.label)
        if len(value) < self.at_least:
            count = "un élément" if self.at_least == 1 else f"{self.at_least} éléments"
            at_least = Phrase(
                "{label}, at least {n}",
                "{label}, avec au moins {count}",
                label=self.label,
                n=self.at_least,
                count=count,
            )
            return ctx.fail(path, value, at_least)
        before = ctx.failures
        items = tuple(self.item.read(ctx, v, f"{path}[{i}]") for i, v in enumerate(value))
        if ctx.failures > before:
            return BAD
        if self.unique and len(set(items)) != len(items):
            written = [repr(v) for v in value]
            twice = next((i for i, w in enumerate(written) if w in written[:i]), None)
            if twice is None:  # two words for one value ('tiers-lieu', 'télécentre'): once
                return tuple(dict.fromkeys(items))
            repeats = Phrase(
                "{label} without repeats ({twice} is written twice)",
                "{label}, sans doublon ({twice} est écrit deux fois)",
                label=self.label,
                twice=Phrase(show(value[twice]), show(value[twice], "fr")),
            )
            return ctx.fail(path, value, repeats)
        return items

    def write(self, ctx: _Context, value: Any) -> Any:
        items = [self.item.write(ctx, v) for v in value]
        return sorted(items) if self.unique else items

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.unique:
            schema["uniqueItems"] = True
        if self.at_least:
            schema["minItems"] = self.at_least
        return schema

    def describe(self) -> str:
        return f"list of {self.item.describe()}"


@attrs.frozen
class Key:
    """One key of a table: its kind, whether it must be given, what it means."""

    name: str
    kind: Kind
    doc: str
    required: bool = False


class Table(Kind):
    """A table of named keys, built into an object once every key reads well.

    ``build`` receives the keys read (absent keys are left out) and may raise a
    :class:`ValidationError`, reported under the table's path; ``dump`` returns the
    values to write, leaving out the defaults. ``french`` names the table in French
    messages where its name is not a key of the document (default: the name).
    """

    def __init__(
        self,
        name: str,
        doc: str,
        keys: Sequence[Key],
        build: Callable[[dict[str, Any]], Any],
        dump: Callable[[Any], dict[str, Any]],
        *,
        french: str | None = None,
        constraints: Mapping[str, Any] | None = None,
    ) -> None:
        self.name, self.doc, self.keys = name, doc, tuple(keys)
        self.by_name = {key.name: key for key in self.keys}
        self.build, self.dump = build, dump
        self.french = name if french is None else french
        # what the schema says beyond each key on its own: keys that need others
        # (dependentRequired), or that one value of a key rules out (if/then)
        self.constraints = dict(constraints or {})
        self.label = Phrase("a table ({name})", "une table ({french})", **self._names())

    def _names(self) -> dict[str, str]:
        return {"name": self.name, "french": self.french}

    def describe(self) -> str:
        return f"[{self.name}](#{self.name.replace(' ', '-')}) table"

    def read(self, ctx: _Context, value: Any, path: str, *, also: Sequence[str] = ()) -> Any:
        if not isinstance(value, Mapping):
            keys = ", ".join(self.by_name)
            return ctx.fail(
                path, value, Phrase("a table of {keys}", "une table aux clés {keys}", keys=keys)
            )
        before = ctx.failures
        for name in value:
            if name not in self.by_name and name not in also:
                known = tuple(self.by_name)
                hint = _suggest(str(name), known, ctx)
                unknown = Phrase(
                    "a key of {name} (no such key){hint}",
                    "une clé de la table {french} (cette clé n'existe pas){hint}",
                    hint=hint,
                    **self._names(),
                )
                ctx.fail(_join(path, str(name)), value[name], unknown)
        read: dict[str, Any] = {}
        for key in self.keys:
            if key.name in value:
                read[key.name] = key.kind.read(ctx, value[key.name], _join(path, key.name))
            elif key.required:
                missing = Phrase(
                    "{label} (missing key)", "{label} (clé manquante)", label=key.kind.label
                )
                ctx.fail(_join(path, key.name), None, missing)
        if ctx.failures > before:
            return BAD
        try:
            return self.build(read)
        except ValidationError as error:
            if error.field == self.name:  # the table as a whole
                return ctx.fail(path, error.value, error.expected)
            field = error.field.removeprefix(f"{self.name}.")
            return ctx.fail(_join(path, field), error.value, error.expected)

    def write(self, ctx: _Context, value: Any) -> Any:
        data = self.dump(value)
        return {
            key.name: key.kind.write(ctx, data[key.name])
            for key in self.keys
            if data.get(key.name) is not None
        }

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "description": self.doc,
            "properties": {
                key.name: {**key.kind.schema(), "description": key.doc}
                if "$ref" not in key.kind.schema()
                else key.kind.schema()
                for key in self.keys
            },
            "required": [key.name for key in self.keys if key.required],
            "additionalProperties": False,
            **self.constraints,
        }


class Tagged(Kind):
    """A table whose ``tag`` key names which of several tables it is."""

    def __init__(
        self,
        tag: str,
        variants: Mapping[str, tuple[type, Table]],
        what: str,
        *,
        french: str | None = None,
    ) -> None:
        self.tag, self.variants, self.what = tag, dict(variants), what
        french_label = "une table avec une clé {tag!r}" + ("" if french is None else " ({french})")
        self.label = Phrase(
            "a table with a {tag!r} key ({what})", french_label, tag=tag, what=what, french=french
        )

    def describe(self) -> str:
        return f"table with `{self.tag}` = " + ", ".join(f"`{n}`" for n in self.variants)

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping) or self.tag not in value:
            return ctx.fail(path, value, self.label)
        name = value[self.tag]
        if not isinstance(name, str) or name not in self.variants:
            hint = _suggest(name, tuple(self.variants), ctx) if isinstance(name, str) else EMPTY
            return ctx.fail(_join(path, self.tag), name, choices(tuple(self.variants)) + hint)
        return self.variants[name][1].read(ctx, value, path, also=(self.tag,))

    def write(self, ctx: _Context, value: Any) -> Any:
        for name, (cls, table) in self.variants.items():
            if type(value) is cls:
                return {self.tag: name, **table.write(ctx, value)}
        raise ValidationError(self.what, value, choices(tuple(self.variants)))

    def schema(self) -> dict[str, Any]:
        options = []
        for name, (_, table) in self.variants.items():
            schema = table.schema()
            schema["properties"] = {self.tag: {"const": name}, **schema["properties"]}
            schema["required"] = [self.tag, *schema["required"]]
            options.append(schema)
        return {"oneOf": options}


class Ref(Kind):
    """A kind written once in the schema's ``$defs`` and referred to by name."""

    def __init__(self, name: str, target: Callable[[], Kind], *, french: str | None = None) -> None:
        self.name, self.target = name, target
        english = name.replace("_", " ")
        self.label = Phrase(english, english if french is None else french)

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        return self.target().read(ctx, value, path)

    def write(self, ctx: _Context, value: Any) -> Any:
        return self.target().write(ctx, value)

    def schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}

    def describe(self) -> str:
        return f"[{self.name}](#{self.name.replace('_', '-')})"


def _plain(number: float) -> str:
    """A number the shortest way that reads back exactly: ``90``, ``2.88``."""
    return str(int(number)) if float(number).is_integer() and abs(number) < 1e15 else repr(number)


def _fields(obj: Any, *names: str) -> dict[str, Any]:
    """The attributes of an attrs object that differ from their defaults."""
    found: dict[str, Any] = {}
    fields = attrs.fields_dict(type(obj))
    for name in names:
        value = getattr(obj, name)
        default = fields[name].default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()  # type: ignore[union-attr]
        if default is not attrs.NOTHING and _same(value, default):
            continue
        found[name] = value
    return found


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:  # quantities of other dimensions compare with an error
        return False


# ---------------------------------------------------------------------------------------
# Sources: a table, or the id of one of the document's sources.


class SourceKind(Kind):
    label = Phrase(
        "a source (a table with a title, or the id of one of the document's sources)",
        "une source (une table avec un titre, ou l'identifiant d'une des sources du document)",
    )

    def __init__(self, *, with_id: bool = False) -> None:
        self.with_id = with_id
        keys = [
            Key("title", Text(), "the text cited: a law, a deliberation, an article", True),
            Key(
                "publication",
                Text(),
                "for an article, the newspaper, magazine or website that published it",
            ),
            Key("date", Day(), "for an article, the day it was published"),
            Key("reference", Text(), "the article, identifier or part of the text"),
            Key("url", Text(), "where to read it"),
            Key("note", Text(empty=True), "a qualification, e.g. 'unconfirmed'"),
        ]
        if with_id:
            keys.insert(0, Key("id", Text(), "a name other parts of the document cite it by"))
        self.table = Table(
            "source", "A text a rule or value comes from.", keys, self._build, _dump_source
        )

    def _build(self, data: dict[str, Any]) -> Any:
        from teletravail.dated import Source

        data.pop("id", None)
        return Source(**data)

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        if isinstance(value, Mapping) and "seed" in value:  # the former key, said plainly
            from teletravail.dated import SEED_REPLACED

            ctx.fail(_join(path, "seed"), value["seed"], SEED_REPLACED)
            value = {key: item for key, item in value.items() if key != "seed"}
        if isinstance(value, str) and not self.with_id:
            if value in ctx.sources:
                return ctx.sources[value]
            known = tuple(ctx.sources)
            hint = _suggest(value, known, ctx)
            listed = _listed(known) if known else Phrase("none declared", "aucune n'est déclarée")
            wanted = Phrase(
                "the id of one of the document's sources: {listed}{hint}",
                "l'identifiant d'une des sources du document\u00a0: {listed}{hint}",
                listed=listed,
                hint=hint,
            )
            return ctx.fail(path, value, wanted)
        source = self.table.read(ctx, value, path)
        if self.with_id and source is not BAD and isinstance(value, Mapping) and "id" in value:
            if value["id"] in ctx.sources:
                unused = Phrase(
                    "an id not used by another source",
                    "un identifiant qu'aucune autre source n'emploie",
                )
                return ctx.fail(_join(path, "id"), value["id"], unused)
            ctx.sources[value["id"]] = source
        return source

    def write(self, ctx: _Context, value: Any) -> Any:
        ident = ctx.source_ids.get(value)
        if ident is not None:
            return {"id": ident, **self.table.write(ctx, value)} if self.with_id else ident
        return self.table.write(ctx, value)

    def schema(self) -> dict[str, Any]:
        table = self.table.schema()
        if self.with_id:
            return table
        return {"oneOf": [{"type": "string", "description": "the id of a source"}, table]}

    def describe(self) -> str:
        return "[source](#source) table" if self.with_id else "[source](#source) or its id"


def _dump_source(source: Any) -> dict[str, Any]:
    from teletravail.dated import SOURCE_KEYS

    return {key: getattr(source, key) for key in SOURCE_KEYS}


def _stated() -> Source:
    from teletravail.dated import STATED

    return STATED


SOURCE = SourceKind()

# ---------------------------------------------------------------------------------------
# Dated values: a quantity (in force always), a list of dated entries, or a table naming
# the parameter.


class DatedKind(Kind):
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
            lambda p: _fields(p, "name", "description", "dimension", "values"),
            french="paramètre daté",
        )

    @staticmethod
    def _entry(data: dict[str, Any]) -> Any:
        from teletravail.dated import DatedValue

        data.setdefault("source", _stated())
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
        from teletravail.dated import DatedParameter

        return DatedParameter(**data)

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.dated import DatedParameter, DatedValue

        if isinstance(value, str):
            quantity = self.amount.read(ctx, value, path)
            if quantity is BAD:
                return BAD
            entry = DatedValue(start=ALWAYS, value=quantity, source=_stated())
            return DatedParameter(name=self.name, values=(entry,))
        if isinstance(value, list | tuple):
            entries = ListOf(self.entry, at_least=1).read(ctx, value, path)
            if entries is BAD:
                return BAD
            try:
                return DatedParameter(name=self.name, values=entries)
            except ValidationError as error:
                return ctx.fail(_join(path, error.field), error.value, error.expected)
        if isinstance(value, Mapping):
            return self.whole.read(ctx, value, path)
        return ctx.fail(path, value, self.label)

    def write(self, ctx: _Context, value: DatedParameter) -> Any:
        if value.name == self.name and not value.description and value.dimension is None:
            entries = value.values
            first = entries[0]
            if (
                len(entries) == 1
                and first.start == ALWAYS
                and first.end is None
                and first.note is None
                and first.source == _stated()
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


# ---------------------------------------------------------------------------------------
# Eligibility: a rule is a criterion table, or a combination of rules.


class _ContractChoice(Choice):
    """A contract type: its English value or a French word; a bare "stagiaire" is refused
    with the two words that say which kind of stagiaire."""

    def __init__(self) -> None:
        from teletravail.workforce import CONTRACT_TYPE_WORDS, ContractType

        words = {word: kind.value for word, kind in CONTRACT_TYPE_WORDS.items()}
        super().__init__([kind.value for kind in ContractType], words)

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.workforce import AMBIGUOUS_CONTRACT_WORD, contract_type

        if isinstance(value, str) and value.strip().lower() == AMBIGUOUS_CONTRACT_WORD:
            try:
                contract_type(value, path)
            except ValidationError as error:
                return ctx.fail(path, value, error.expected)
        return super().read(ctx, value, path)


def _criteria() -> Tagged:
    from teletravail.eligibility import criteria as c
    from teletravail.workforce import DerogationKind

    def table(cls: type, doc: str, *keys: Key) -> tuple[type, Table]:
        names = [key.name for key in keys]
        all_keys = [*keys, Key("source", SOURCE, "the text that sets the criterion")]
        return cls, Table(
            cls.CODE,  # type: ignore[attr-defined]
            doc,
            all_keys,
            lambda data: cls(**data),
            lambda obj: {name: getattr(obj, name) for name in [*names, "source"]},
        )

    variants = [
        table(
            c.MinimumSeniority,
            "At least this seniority in the employer on the reference date.",
            Key("minimum", Span(), "the seniority required", True),
        ),
        table(
            c.MinimumWorkingTime,
            "A working time of at least this share of full time.",
            Key("minimum", Amount("[]", "90 %"), "the working time required", True),
        ),
        table(
            c.ExcludedRoles,
            "Agents in these roles, or carrying these tags, are excluded.",
            Key("roles", ListOf(Text(), unique=True), "the role codes excluded"),
            Key("tags", ListOf(Text(), unique=True), "the tags excluded"),
        ),
        table(
            c.MinimumCommuteDistance,
            "A one-way commute of at least this distance.",
            Key("minimum", Amount("[length]", "28 km"), "the distance required", True),
        ),
        table(
            c.MinimumCommuteTime,
            "A one-way commute of at least this time.",
            Key("minimum", Amount("[time]", "45 min"), "the time required", True),
        ),
        table(c.Volunteer, "The agent applied (telework is voluntary)."),
        table(c.TeleworkablePost, "The agent's post is judged teleworkable."),
        table(
            c.HasDerogation,
            "The agent holds a derogation of one of these kinds in force.",
            Key(
                "kinds",
                ListOf(Choice([k.value for k in DerogationKind]), unique=True),
                "the kinds of derogation that count",
            ),
        ),
        table(
            c.ExcludedContracts,
            "Agents of these contract types are excluded (an agent whose contract type is"
            " not stated is not).",
            Key(
                "contract_types",
                ListOf(_ContractChoice(), unique=True, at_least=1),
                "the contract types excluded, in English or French ('apprenti', 'stagiaire"
                " école', 'doctorant contractuel'; a bare 'stagiaire' is ambiguous)",
                True,
            ),
        ),
        table(
            c.ExcludedActivities,
            "Agents carrying any of these activities are excluded (an agent whose"
            " activities are not stated is not).",
            Key(
                "activities",
                ListOf(Text(), unique=True, at_least=1),
                "the activities excluded, as the workforce names them",
                True,
            ),
        ),
        table(
            c.TeleworkableActivities,
            "At least this share of working time on teleworkable activities: every activity"
            " but those listed as not teleworkable (the 2021 framework agreement bases"
            " telework on activities, not posts); activities not stated fail.",
            Key(
                "minimum",
                Amount("[]", "50 %"),
                "the share of working time on teleworkable activities required",
            ),
            Key(
                "not_teleworkable",
                ListOf(Text(), unique=True),
                "the activities that cannot be done remotely",
            ),
        ),
    ]
    return Tagged(
        "criterion",
        {table.name: (cls, table) for cls, table in variants},
        "an eligibility criterion",
        french="un critère d'éligibilité",
    )


_NESTED: Final = Phrase(
    "rules nested at most {most} deep",
    "des règles imbriquées sur {most} niveaux au plus",
    most=MAX_DEPTH,
)


class RuleKind(Kind):
    """A criterion, or ``all_of``/``any_of`` a list of rules, ``not`` a rule, or a
    ``rule`` with an exception (``unless``)."""

    label = Phrase(
        "a rule: a criterion, or a table with all_of, any_of, not, or rule and unless",
        "une règle\u00a0: un critère, ou une table avec all_of, any_of, not, ou rule et unless",
    )
    FORMS: Final = ("all_of", "any_of", "not", "unless")

    def __init__(self) -> None:
        self.criteria = _criteria()

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.eligibility.rules import AllOf, AnyOf, Not, Unless

        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        if "criterion" in value:
            return self.criteria.read(ctx, value, path)
        forms = [form for form in self.FORMS if form in value]
        if len(forms) != 1:
            keys = _listed([str(k)[:40] for k in value]) or "no key"
            hint = _suggest(str(next(iter(value), "")), ("criterion", *self.FORMS), ctx)
            return ctx.fail(path, keys, self.label + hint)
        form = forms[0]
        allowed = ("rule", "unless") if form == "unless" else (form,)
        extra = [key for key in value if key not in allowed]
        for key in extra:
            alone = Phrase(
                "no other key beside {form}", "aucune autre clé à côté de {form}", form=form
            )
            ctx.fail(_join(path, str(key)), value[key], alone)
        if form == "unless" and "rule" not in value:
            missing = Phrase(
                "the rule the exception applies to (missing)",
                "la règle à laquelle l'exception s'applique (absente)",
            )
            ctx.fail(_join(path, "rule"), None, missing)
        if extra or (form == "unless" and "rule" not in value):
            return BAD
        ctx.depth += 1
        try:
            if ctx.depth > MAX_DEPTH:
                return ctx.fail(path, form, _NESTED)
            if form in ("all_of", "any_of"):
                rules = ListOf(RULE, at_least=1).read(ctx, value[form], _join(path, form))
                if rules is BAD:
                    return BAD
                return (AllOf if form == "all_of" else AnyOf)(rules=rules)
            if form == "not":
                inner = self.read(ctx, value["not"], _join(path, "not"))
                return BAD if inner is BAD else Not(rule=inner)
            rule = self.read(ctx, value["rule"], _join(path, "rule"))
            exception = self.read(ctx, value["unless"], _join(path, "unless"))
            if rule is BAD or exception is BAD:
                return BAD
            return Unless(rule=rule, exception=exception)
        finally:
            ctx.depth -= 1

    def write(self, ctx: _Context, value: Any) -> Any:
        from teletravail.eligibility.criteria import Predicate
        from teletravail.eligibility.rules import AllOf, AnyOf, Not, Unless

        if isinstance(value, AllOf | AnyOf):
            form = "all_of" if isinstance(value, AllOf) else "any_of"
            return {form: [self.write(ctx, rule) for rule in value.rules]}
        if isinstance(value, Not):
            return {"not": self.write(ctx, value.rule)}
        if isinstance(value, Unless):
            return {"rule": self.write(ctx, value.rule), "unless": self.write(ctx, value.exception)}
        if isinstance(value, Predicate):
            raise ValidationError(
                "eligibility",
                value.name,
                Phrase(
                    "criteria a document can hold (a Predicate is code)",
                    "des critères qu'un document peut contenir (un Predicate est du code)",
                ),
            )
        return self.criteria.write(ctx, value)

    def schema(self) -> dict[str, Any]:
        rule = {"$ref": "#/$defs/rule"}
        rules = {"type": "array", "minItems": 1, "items": rule}
        forms: list[dict[str, Any]] = [
            {
                "type": "object",
                "properties": {form: rules},
                "required": [form],
                "additionalProperties": False,
            }
            for form in ("all_of", "any_of")
        ]
        forms.append(
            {
                "type": "object",
                "properties": {"not": rule},
                "required": ["not"],
                "additionalProperties": False,
            }
        )
        forms.append(
            {
                "type": "object",
                "properties": {"rule": rule, "unless": rule},
                "required": ["rule", "unless"],
                "additionalProperties": False,
            }
        )
        return {"oneOf": [*self.criteria.schema()["oneOf"], *forms]}


# ---------------------------------------------------------------------------------------
# Quotas, allowances, selection, impact.

PER_WEEK = "[workday] / [time]"


def _quota() -> Table:
    from teletravail.scheduling.quota import (
        DayCaps,
        DerogationRule,
        FloatingDays,
        PartTimeCap,
        Quota,
    )
    from teletravail.workforce import DerogationKind

    floating = Table(
        "floating",
        "A volume of floating telework days (décret 2020-524).",
        [
            Key(
                "volume",
                Amount("[workday]", "10 workday", french="10 jours"),
                "the days in each period",
                True,
            ),
            Key("per", Choice(["week", "month", "year"], PERIOD_WORDS), "the period", True),
            Key("source", SOURCE, "the text that sets it"),
        ],
        lambda data: FloatingDays(**data),
        lambda obj: _fields(obj, "volume", "per", "source") | {"per": obj.per},
    )
    derogation = Table(
        "derogation",
        "What a derogation of one kind allows while it is in force.",
        [
            Key("kind", Choice([k.value for k in DerogationKind]), "the kind", True),
            Key("duration", Span(), "the longest it lasts before renewal (default: no limit)"),
            Key("renewable", Flag(), "whether it can be renewed (default: true)"),
            Key(
                "maximum",
                Amount(PER_WEEK, "5 workday/week", french="5 jours/semaine"),
                "the cap (default: every day)",
            ),
            Key("source", SOURCE, "the text that sets it"),
        ],
        lambda data: DerogationRule(**data),
        lambda obj: _fields(obj, "duration", "renewable", "maximum", "source") | {"kind": obj.kind},
    )
    part_time = Table(
        "part_time",
        "A lower weekly cap for working times within [low, high]; without low and high,"
        " for any part-time agent (every working time under 100 %).",
        [
            Key("low", Amount("[]", "60 %"), "the lowest working time of the band (default 0 %)"),
            Key(
                "high",
                Amount("[]", "90 %"),
                "the highest working time of the band, under 100 % (default: any under 100 %)",
            ),
            Key(
                "maximum",
                Amount(PER_WEEK, "2.5 workday/week", french="2,5 jours/semaine"),
                "the cap in the band",
                True,
            ),
            Key("source", SOURCE, "the text that sets it"),
        ],
        lambda data: PartTimeCap(**data),
        lambda obj: {
            "low": obj.low,
            "high": obj.high,
            "maximum": obj.maximum,
            "source": obj.source,
        },
    )
    day_caps = Table(
        "caps",
        "Caps on the telework days themselves, apart from the weekly quota and from money.",
        [
            Key(
                "week",
                Amount("[workday]", "2 workday", french="2 jours"),
                "the most days in any ISO week",
            ),
            Key(
                "month",
                Amount("[workday]", "10 workday", french="10 jours"),
                "the most days in a calendar month",
            ),
            Key(
                "year",
                Amount("[workday]", "88 workday", french="88 jours"),
                "the most days in a calendar year",
            ),
            Key("source", SOURCE, "the text that sets them"),
        ],
        lambda data: DayCaps(**data),
        lambda obj: _fields(obj, "week", "month", "year", "source"),
    )
    return Table(
        "quota",
        "How much telework the scheme allows per week.",
        [
            Key("name", Text(empty=True), "a name for the quota"),
            Key(
                "maximum",
                Amount(PER_WEEK, "3 workday/week", french="3 jours/semaine"),
                "the weekly cap",
                True,
            ),
            Key(
                "minimum",
                Amount(PER_WEEK, "1 workday/week", french="1 jour/semaine"),
                "the least an agent may ask",
            ),
            Key(
                "on_site_minimum",
                Amount(PER_WEEK, "2 workday/week", french="2 jours/semaine"),
                "the least presence on site, counted on the days worked",
            ),
            Key(
                "granularity",
                Choice(["day", "halfday"], {"jour": "day", "demi-journée": "halfday"}),
                "whole days or half days too",
            ),
            Key(
                "assessed",
                Choice(["week", "month"], {"semaine": "week", "mois": "month"}),
                "over what the caps are assessed",
            ),
            Key("floating", floating, "floating days under the same authorisation"),
            Key(
                "modality",
                Choice(
                    ["fixed", "floating", "mixed"],
                    {"fixes": "fixed", "flottants": "floating", "mixte": "mixed"},
                ),
                "fixed weekdays, floating days only, or both (floating days besides, within"
                " the weekly maximum); default: fixed, or mixed with a volume of floating days",
            ),
            Key("caps", day_caps, "caps on days per week, month and year"),
            Key("derogations", ListOf(derogation), "derogations above the cap"),
            Key("part_time", ListOf(part_time), "lower caps for working-time bands"),
            Key("full_week", Number(1, 7, whole=True), "days of a full-time week (default 5)"),
            Key("source", SOURCE, "the text that sets the quota"),
        ],
        lambda data: Quota(**data),
        lambda obj: (
            _modality_written(obj)
            | _fields(
                obj,
                "name",
                "minimum",
                "on_site_minimum",
                "granularity",
                "assessed",
                "floating",
                "caps",
                "derogations",
                "part_time",
                "full_week",
                "source",
            )
            | {"maximum": obj.maximum}
        ),
        constraints={  # floating days, alone or besides fixed days, need their volume
            "if": {
                "properties": {"modality": {"enum": ["floating", "mixed", "flottants", "mixte"]}},
                "required": ["modality"],
            },
            "then": {"required": ["floating"]},
        },
    )


def _modality_written(quota: Any) -> dict[str, Any]:
    """The modality, written only where the volume does not already say it."""
    implied = "fixed" if quota.floating is None else "mixed"
    return {} if quota.modality == implied else {"modality": str(quota.modality)}


class NationalName(Kind):
    """The name of a national parameter paid as one kind of component
    (``"forfait-teletravail"``), in English or French, case, accents and separators
    aside (:mod:`teletravail.allowance.national`); written back as its name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.label = Phrase(
            "the name of a national parameter paid as {kind}",
            "le nom d'un paramètre national versé sous la forme {kind}",
            kind=kind,
        )

    def names(self) -> list[str]:
        from teletravail.allowance.national import national_parameters

        return [p.name for p in national_parameters().values() if p.kind == self.kind]

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.allowance.national import national_parameters, plain_words

        names = ", ".join(self.names())
        if not isinstance(value, str) or not encodable(value):
            return ctx.fail(
                path,
                value,
                Phrase("{label}: {names}", "{label}\u00a0: {names}", label=self.label, names=names),
            )
        word = plain_words(value)
        mine: list[str] = []
        for parameter in national_parameters().values():
            if parameter.kind == self.kind:
                mine.extend(parameter.spellings)
            if word not in parameter.spellings:
                continue
            if parameter.kind != self.kind:
                other = Phrase(
                    '{label}: {names} ({name!r} is paid as {kind}: kind = "{kind}")',
                    "{label}\u00a0: {names} ({name!r} est versé sous la forme {kind}\u00a0:"
                    ' kind = "{kind}")',
                    label=self.label,
                    names=names,
                    name=parameter.name,
                    kind=parameter.kind,
                )
                return ctx.fail(path, value, other)
            return parameter.name
        return ctx.fail(path, value, choices(self.names()) + _suggest(word, mine, ctx))

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S", "examples": self.names()}

    def describe(self) -> str:
        from teletravail.allowance.national import national_parameters

        mine = [p for p in national_parameters().values() if p.kind == self.kind]
        names = ", ".join(f"`{p.name}`" for p in mine)
        aliases = ", ".join(f"`{alias}`" for p in mine for alias in p.aliases)
        return (
            f"one of {names} (in French: {aliases}; case, accents and separators aside;"
            " see [national parameters](#national-parameters))"
        )


class BranchKind(Kind):
    """A branch of the civil service (:class:`~teletravail.allowance.national.Branch`),
    in English or French, case and accents aside; written back as its code."""

    label = Phrase("a branch of the civil service", "un versant de la fonction publique")

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        from teletravail.allowance.national import BRANCH_WORDS, branch_choices, plain_words

        if isinstance(value, str) and encodable(value):
            if plain_words(value) in BRANCH_WORDS:
                return value  # as written, for the model to read and to name in errors
            return ctx.fail(
                path,
                value,
                branch_choices() + _suggest(plain_words(value), list(BRANCH_WORDS), ctx),
            )
        return ctx.fail(path, value, branch_choices())

    def write(self, ctx: _Context, value: Any) -> Any:
        return str(getattr(value, "value", value))

    def schema(self) -> dict[str, Any]:
        examples = ["state", "territorial", "hospital", "État", "territoriale", "hospitalière"]
        return {"type": "string", "pattern": r"\S", "examples": examples}

    def describe(self) -> str:
        return (
            "one of `state`, `territorial`, `hospital` (in French: `État`, `territoriale`,"
            " `hospitalière`; or `FPE`, `FPT`, `FPH`), case and accents aside"
        )


class ReferableTable(Table):
    """A component's table, whose values are its own (``rate``) or a national
    parameter's (``national``): the schema asks for one of the two."""

    def schema(self) -> dict[str, Any]:
        schema = super().schema()
        schema["anyOf"] = [{"required": ["rate"]}, {"required": ["national"]}]
        if "branch" in self.by_name:  # a branch is a national parameter's
            schema["dependentRequired"] = {"branch": ["national"]}
        return schema


def _own_or_national(cls: Any, rate_label: str) -> Callable[[dict[str, Any]], Any]:
    """Build a component from its own values, or from the national parameter named in
    ``national`` (with its ``branch``, and local values in ``rate`` and ``cap``)."""

    def build(data: dict[str, Any]) -> Any:
        national = data.pop("national", None)
        branch = data.pop("branch", None)
        if national is None:
            if branch is not None:
                raise ValidationError(
                    "branch",
                    branch,
                    Phrase("a branch only with `national`", "un versant seulement avec `national`"),
                )
            if "rate" not in data:
                raise ValidationError(
                    "rate",
                    None,
                    Phrase(
                        "{label} (missing key), or `national`, the name of a national parameter",
                        "{label} (clé manquante), ou `national`, le nom d'un paramètre national",
                        label=rate_label,
                    ),
                )
            return cls(**data)
        from teletravail.allowance.national import national_parameter

        parameter = national_parameter(national)
        cap_per = data.pop("cap_per", parameter.cap_per)
        if cap_per != parameter.cap_per:
            raise ValidationError(
                "cap_per",
                cap_per,
                Phrase(
                    "{per!r}, the period of the cap of {national!r}",
                    "{per!r}, la période du plafond de {national!r}",
                    per=parameter.cap_per,
                    national=national,
                ),
            )
        return parameter.component(branch, **data)

    return build


def _own_or_national_fields(obj: Any, own: Sequence[str]) -> dict[str, Any]:
    """What a component writes: its own values (``own`` and its rate), or the reference
    to its national parameter, with what departs from the parameter's."""
    reference = obj.national
    if reference is None:
        return _fields(obj, *own) | {"rate": obj.rate}
    parameter = reference.definition
    data = {"national": reference.parameter, "branch": reference.branch, "rate": reference.rate}
    data["cap"] = reference.cap
    if obj.name != parameter.label:
        data["name"] = obj.name
    if getattr(obj, "places", parameter.places) != parameter.places:
        data["places"] = obj.places
    if obj.source != parameter.source:
        data["source"] = obj.source
    return data


def _allowance() -> ListOf:
    from teletravail.allowance.components import (
        COMPONENT_KINDS,
        EmployerCost,
        MonthlyFlat,
        OneOff,
        PerDay,
    )
    from teletravail.week import PlaceKind

    places = ListOf(Choice([p.value for p in PlaceKind], PLACE_WORDS_FR), unique=True)
    money = Amount("[currency]", "100 EUR", french="100 €")
    name = Key("name", Text(), "the line's name")
    source = Key("source", SOURCE, "the text that sets it")
    branch = Key(
        "branch",
        BranchKind(),
        "the branch of the civil service, for a parameter that differs by branch (the"
        " forfait: its 2024 cap)",
    )
    local = "; with `national`, local values over the national ones, each citing its source"
    day_rate = DatedKind(
        Amount("[currency] / [workday]", "2.88 EUR/workday", french="2,88 €/jour"), "rate"
    )
    month_rate = DatedKind(
        Amount(
            "[currency] * [time] / [workday]",
            "10.40 EUR/(workday/week)",
            french="10,40 €/(jour/semaine)",
        ),
        "rate",
    )
    variants = {
        "one_off": (
            OneOff,
            Table(
                "one_off",
                "An amount paid once (the Lot's 100 EUR at the start).",
                [
                    name,
                    Key("amount", money, "the amount", True),
                    Key("places", places, "paid only for telework at these places"),
                    source,
                ],
                lambda data: OneOff(**data),
                lambda obj: _fields(obj, "name", "places", "source") | {"amount": obj.amount},
            ),
        ),
        "per_day": (
            PerDay,
            ReferableTable(
                "per_day",
                "An amount per telework day, with an optional cap (the forfait télétravail):"
                " its own values, or a national parameter's (`national`).",
                [
                    name,
                    Key(
                        "national",
                        NationalName("per_day"),
                        "the national parameter paid, whose dated values follow the library's",
                    ),
                    branch,
                    Key(
                        "rate", day_rate, "the amount per day (required without `national`)" + local
                    ),
                    Key(
                        "cap",
                        DatedKind(CapAmount("[currency]", "253.44 EUR", french="253,44 €"), "cap"),
                        "the cap" + local,
                    ),
                    Key(
                        "cap_per",
                        Choice(["year", "month"], {"an": "year", "année": "year", "mois": "month"}),
                        "the cap's period (default year; with `national`, the parameter's)",
                    ),
                    Key("places", places, "places where a day is paid"),
                    source,
                ],
                _own_or_national(PerDay, day_rate.label),
                lambda obj: _own_or_national_fields(
                    obj, ("name", "cap", "cap_per", "places", "source")
                ),
            ),
        ),
        "monthly_flat": (
            MonthlyFlat,
            ReferableTable(
                "monthly_flat",
                "An amount per month for each weekly telework day (URSSAF's flat rate): its"
                " own values, or a national parameter's (`national`).",
                [
                    name,
                    Key(
                        "national",
                        NationalName("monthly_flat"),
                        "the national parameter paid, whose dated values follow the library's",
                    ),
                    branch,
                    Key(
                        "rate",
                        month_rate,
                        "the amount a month per weekly telework day (required without"
                        " `national`)" + local,
                    ),
                    source,
                ],
                _own_or_national(MonthlyFlat, month_rate.label),
                lambda obj: _own_or_national_fields(obj, ("name", "source")),
            ),
        ),
        "employer_cost": (
            EmployerCost,
            Table(
                "employer_cost",
                "What the employer spends per teleworker, not paid to the agent (equipment).",
                [
                    Key("name", Text(), "what it is", True),
                    Key("amount", money, "the amount per teleworker", True),
                    source,
                ],
                lambda data: EmployerCost(**data),
                lambda obj: _fields(obj, "source") | {"name": obj.name, "amount": obj.amount},
            ),
        ),
    }
    if set(variants) != set(COMPONENT_KINDS):  # pragma: no cover - a test pins it
        raise AssertionError("every kind of component has a table")
    return ListOf(
        Tagged("kind", variants, "an allowance component", french="un élément de l'indemnité")
    )


def _selection() -> Table:
    from teletravail.eligibility.selection import RANKING_KEYS, SelectionCampaign

    def dump(obj: SelectionCampaign) -> dict[str, Any]:
        if callable(obj.rank_by):
            raise ValidationError(
                "selection.rank_by",
                obj.rank_by,
                Phrase(
                    "a column name (a ranking function is code)",
                    "un nom de colonne (une fonction de classement est du code)",
                ),
            )
        return _fields(obj, "rank_by", "descending", "name") | {"seats": obj.seats}

    return Table(
        "selection",
        "Seats allotted among eligible agents, ranked by one column.",
        [
            Key("seats", Number(0, 10**9, whole=True), "the number of seats", True),
            Key("rank_by", Choice(RANKING_KEYS), "the column ranking the agents"),
            Key("descending", Flag(), "largest first (default true)"),
            Key("name", Text(empty=True), "the campaign's name"),
        ],
        lambda data: SelectionCampaign(**data),
        dump,
    )


class FactorsKind(Kind):
    """Emission factors per commute mode, each a dated value."""

    label = Phrase(
        "a table of commute mode = emission factor",
        "une table des facteurs d'émission par mode de déplacement (mode = facteur)",
    )

    def __init__(self) -> None:
        from teletravail.workforce import CommuteMode

        amount = Amount(
            "[mass] * [co2e] / [length]", "0.116 kg CO2e/km"
        )  # "0,116" would be ambiguous
        self.kinds = {
            mode.value: DatedKind(amount, f"emission_factor.{mode.value}") for mode in CommuteMode
        }

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        found: dict[str, Any] = {}
        for mode, factor in value.items():
            if mode not in self.kinds:
                hint = _suggest(str(mode), tuple(self.kinds), ctx)
                mode_wanted = Phrase("a commute mode", "un mode de déplacement") + hint
                ctx.fail(_join(path, str(mode)), factor, mode_wanted)
                continue
            found[mode] = self.kinds[mode].read(ctx, factor, _join(path, mode))
        return BAD if BAD in found.values() else found

    def write(self, ctx: _Context, value: Any) -> Any:
        return {mode.value: self.kinds[mode.value].write(ctx, p) for mode, p in value.items()}

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {mode: kind.schema() for mode, kind in self.kinds.items()},
            "additionalProperties": False,
        }

    def describe(self) -> str:
        return 'table of commute mode = dated value, e.g. `car_thermal = "0.116 kg CO2e/km"`'


def _impact() -> Table:
    from teletravail.impact.commute import Assumptions, Rebound, ReboundKind

    rebound = Table(
        "rebound",
        "The rebound effect subtracted from the emissions avoided.",
        [
            Key("kind", Choice([k.value for k in ReboundKind]), "which rebound", True),
            Key(
                "per_day",
                Amount(
                    "[mass] * [co2e] / [workday]", "1.2 kg CO2e/workday", french="1,2 kg CO2e/jour"
                ),
                "the emissions per telework day (kind per_day)",
            ),
            Key("source", SOURCE, "the study it comes from"),
        ],
        lambda data: Rebound(**data),
        lambda obj: _fields(obj, "per_day", "source") | {"kind": obj.kind},
    )
    return Table(
        "impact",
        "The stated assumptions of the impact estimate.",
        [
            Key("speed", Amount("[length] / [time]", "50 km/h"), "turns distance into time"),
            Key(
                "cost_per_km",
                Amount("[currency] / [length]", "0.49 EUR/km", french="0,49 €/km"),
                "prices the distance avoided",
            ),
            Key("rebound", rebound, "the rebound effect (default none)"),
            Key("factors", FactorsKind(), "emission factors replacing ADEME's, per mode"),
        ],
        lambda data: Assumptions(**data),
        lambda obj: (
            _fields(obj, "speed", "cost_per_km", "rebound")
            | ({"factors": obj.factors} if obj.factors else {})
        ),
    )


def _authorisation() -> Table:
    from teletravail.policy.terms import MOST_RENEWALS, RENEWAL_WORDS, AuthorisationTerms, Renewal

    return Table(
        "authorisation",
        "The terms of the individual authorisations: how long one lasts, how it is"
        " renewed, its adaptation period and the notice to end it. A notice the terms do"
        " not set is the framework's.",
        [
            Key("duration", Span(), "how long a term lasts, e.g. '1 an' (default: open-ended)"),
            Key(
                "renewal",
                Choice([r.value for r in Renewal], RENEWAL_WORDS),
                "how a term is renewed at its end: by an express decision, or tacitly unless"
                " either side says otherwise (default: not renewed); needs a duration",
            ),
            Key(
                "max_renewals",
                Number(1, MOST_RENEWALS, whole=True),
                "the most renewals (default: no limit): a 1-year term renewed at most 2"
                " times lasts 3 years in all; needs a renewal",
            ),
            Key(
                "decision_before",
                Span(),
                "the decision on a renewal is taken at the latest this long before the end"
                " of the term, e.g. '1 mois'; needs a renewal",
            ),
            Key(
                "adaptation",
                Span(),
                "the adaptation period at the start, e.g. '3 mois' (default: none)",
            ),
            Key("notice_agent", Span(), "the notice of an ending at the agent's initiative"),
            Key("notice_employer", Span(), "the notice of an ending at the employer's initiative"),
            Key(
                "notice_adaptation",
                Span(),
                "the notice on either side during the adaptation period, e.g. '1 mois'",
            ),
            Key(
                "employer_may_shorten",
                Flag(),
                "the employer may shorten its notice when the service's needs are stated"
                " (default false)",
            ),
            Key("source", SOURCE, "the text that sets the terms"),
        ],
        lambda data: AuthorisationTerms(**data),
        lambda obj: _fields(
            obj,
            "duration",
            "renewal",
            "max_renewals",
            "decision_before",
            "adaptation",
            "notice_agent",
            "notice_employer",
            "notice_adaptation",
            "employer_may_shorten",
            "source",
        ),
        constraints={
            "dependentRequired": {
                "renewal": ["duration"],
                "max_renewals": ["renewal"],
                "decision_before": ["renewal"],
                "notice_adaptation": ["adaptation"],
            }
        },
    )


# ---------------------------------------------------------------------------------------
# The whole document.


class SourceList(Kind):
    """The document's sources; each may carry an ``id`` the rest of the document cites."""

    def __init__(self) -> None:
        self.item = SourceKind(with_id=True)
        self.label = Phrase("a list of sources", "une liste de sources")

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        return ListOf(self.item).read(ctx, value, path)

    def write(self, ctx: _Context, value: Any) -> Any:
        written = []
        for index, source in enumerate(value, start=1):
            entry = self.item.table.write(ctx, source)
            if source not in ctx.source_ids:
                ctx.source_ids[source] = f"source-{index}"
                entry = {"id": f"source-{index}", **entry}
            written.append(entry)
        return written

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema()}

    def describe(self) -> str:
        return "list of [source](#source) tables, each with an optional `id`"


def _policy_table() -> Table:
    from teletravail.dated import Period
    from teletravail.policy import Policy
    from teletravail.scheduling.calendar import WorkCalendar
    from teletravail.scheduling.leave import LeaveAssumption
    from teletravail.week import PlaceKind

    calendar = Table(
        "calendar",
        "The working days: France's public holidays, or a subdivision's, with changes.",
        [
            Key(
                "country",
                Choice(["FR"], {"France": "FR"}),
                "the country: France (its subdivisions give Alsace-Moselle and the overseas"
                " départements)",
            ),
            Key(
                "subdivision",
                Text(),
                "a subdivision of France, by code or name: 57 (Moselle), "
                "6AE (Alsace, or 67 and 68), Alsace-Moselle, 971 (Guadeloupe) ...",
            ),
            Key("extra_days_off", ListOf(Day(), unique=True), "more days not worked"),
            Key(
                "worked_holidays",
                ListOf(Day(), unique=True),
                "public holidays that are worked (a solidarity day)",
            ),
        ],
        lambda data: WorkCalendar(**data),
        lambda obj: _fields(obj, "subdivision", "extra_days_off", "worked_holidays"),
    )
    leave = Table(
        "leave",
        "The leave assumed for agents whose absences are not known (days, or weeks worked).",
        [
            Key(
                "days",
                Amount("[workday]", "25 workday", french="25 jours"),
                "days of leave a year, full time",
            ),
            Key("weeks_worked", Number(0, 53, above=True), "weeks worked a year"),
            Key("source", SOURCE, "the text it comes from"),
        ],
        lambda data: LeaveAssumption(**data),
        lambda obj: _fields(obj, "days", "weeks_worked", "source"),
    )
    period = Table(
        "period",
        "The days the policy is in force (both ends included).",
        [
            Key("start", Day(), "its first day", True),
            Key("end", Day(), "its last day (default: open-ended)"),
        ],
        lambda data: Period(**data),
        lambda obj: {"start": obj.start, "end": obj.end},
    )

    quota = _quota()
    allowance = _allowance()
    places = ListOf(Choice([p.value for p in PlaceKind], PLACE_WORDS_FR), unique=True)
    populations = _populations(quota, allowance, places)

    def build(data: dict[str, Any]) -> Policy:
        data.pop("format", None)
        data.pop("version", None)
        if "allowance" in data:
            from teletravail.allowance.components import Allowance

            data["allowance"] = Allowance(components=data["allowance"])
        return Policy(**data)

    def dump(policy: Policy) -> dict[str, Any]:
        data = _fields(
            policy,
            "description",
            "places",
            "calendar",
            "leave",
            "asks",
            "authorisation",
            "sources",
            "quota",
            "selection",
            "impact",
            "populations",
        )
        data |= {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "name": policy.name,
            "territory": policy.territory,
            "period": policy.period,
            "eligibility": policy.eligibility,
        }
        if policy.allowance is not None:
            data["allowance"] = policy.allowance.components
        return data

    return Table(
        "policy",
        "A territory's telework scheme.",
        [
            Key("format", Choice([FORMAT]), f"always {FORMAT!r}"),
            Key("version", Number(1, FORMAT_VERSION, whole=True), "the format's version"),
            Key("name", Text(), "the policy's name", True),
            Key("territory", Text(), "the employer or territory", True),
            Key("description", Text(empty=True), "what the scheme is; its first line sums it up"),
            Key("period", period, "when the policy is in force", True),
            Key("places", places, "where"),
            Key("sources", SourceList(), "the texts the policy comes from"),
            Key("calendar", calendar, "the working days (default: France's)"),
            Key("leave", leave, "the leave assumed where absences are unknown (default 25 days)"),
            Key(
                "asks",
                Choice(["refuse", "reduce"]),
                "an ask the quota does not allow is refused (default) or reduced to fit",
            ),
            Key("authorisation", _authorisation(), "the terms of the individual authorisations"),
            Key("eligibility", RULE, "who may telework", True),
            Key("quota", quota, "how much telework"),
            Key("allowance", allowance, "what is paid, component by component"),
            Key("selection", _selection(), "how seats are allotted among eligible agents"),
            Key("impact", _impact(), "the assumptions of the impact estimate"),
            Key(
                "populations",
                populations,
                "groups of agents with rules of their own; an agent belongs to the first"
                " that selects them, and an agent in none is not concerned",
            ),
        ],
        build,
        dump,
        french="politique",
    )


def _populations(quota: Table, allowance: ListOf, places: ListOf) -> ListOf:
    from teletravail.allowance.components import Allowance
    from teletravail.policy.populations import Members, Population, WorkingTimeBand

    band = Table(
        "working time band",
        "Working times from `low` to `high`, both included.",
        [
            Key("low", Amount("[]", "50 %"), "the lowest working time (default 0 %)"),
            Key("high", Amount("[]", "80 %"), "the highest working time (default 100 %)"),
        ],
        lambda data: WorkingTimeBand(**data),
        lambda obj: {
            "low": None if obj.low_percent == 0 else obj.low,
            "high": None if obj.high_percent == 100 else obj.high,
        },
        french="plage de temps de travail",
    )
    names = ListOf(Text(), unique=True, at_least=1)
    members = Table(
        "members",
        "Who belongs to a population: every condition written holds, and a list is met by"
        " any of its names. A table with no key selects everyone.",
        [
            Key("roles", names, "the agent's role is one of these"),
            Key("tags", names, "the agent carries one of these tags"),
            Key(
                "categories",
                ListOf(Choice(["A", "B", "C"]), unique=True, at_least=1),
                "the agent's category is one of these (A, B, C)",
            ),
            Key(
                "contract_types",
                ListOf(_ContractChoice(), unique=True, at_least=1),
                "the agent's contract is one of these, in English or French (fonctionnaire,"
                " contractuel, apprenti, stagiaire école, doctorant contractuel...)",
            ),
            Key("establishments", names, "the agent's establishment or site is one of these"),
            Key(
                "part_time",
                Flag(),
                "true: any part-time agent (under 100 %); false: full-time agents only",
            ),
            Key("working_time", band, "the agent's working time lies in this band"),
        ],
        lambda data: Members(**data),
        lambda obj: _fields(
            obj,
            "roles",
            "tags",
            "categories",
            "contract_types",
            "establishments",
            "part_time",
            "working_time",
        ),
    )

    def build(data: dict[str, Any]) -> Population:
        if "allowance" in data:
            data["allowance"] = Allowance(components=data["allowance"])
        return Population(**data)

    def dump(obj: Population) -> dict[str, Any]:
        data = _fields(obj, "description", "eligibility", "quota", "places", "source")
        data["name"] = obj.name
        if not obj.members.everyone:
            data["members"] = obj.members
        if not obj.concerned:
            data["concerned"] = False
        if obj.allowance is not None:
            data["allowance"] = obj.allowance.components
        return data

    population = Table(
        "population",
        "A group of agents with rules of its own: `eligibility`, `quota`, `places` and"
        " `allowance` replace the policy's for its agents (a key not written keeps the"
        " policy's). `concerned = false` puts the group outside the scheme: its agents are"
        " not concerned, which is not a refusal.",
        [
            Key("name", Text(), "the population's name, unique in the document", True),
            Key("description", Text(empty=True), "who they are"),
            Key("members", members, "who belongs to it (default: every agent)"),
            Key("concerned", Flag(), "false: outside the scheme (default true)"),
            Key("eligibility", RULE, "who of them may telework (default: the policy's)"),
            Key("quota", quota, "how much telework (default: the policy's)"),
            Key("places", places, "where (default: the policy's)"),
            Key("allowance", allowance, "what is paid (default: the policy's)"),
            Key("source", SOURCE, "the text that sets the population's rules"),
        ],
        build,
        dump,
        constraints={  # outside the scheme, a population states no rule
            "if": {"properties": {"concerned": {"const": False}}, "required": ["concerned"]},
            "then": {
                "not": {
                    "anyOf": [
                        {"required": [name]}
                        for name in ("eligibility", "quota", "places", "allowance")
                    ]
                }
            },
        },
    )
    return PopulationList(population)


class PopulationList(ListOf):
    """The document's populations: each name once, and none written after one that
    selects every agent (it would never select anyone: an agent belongs to the first
    population that selects them)."""

    def read(self, ctx: _Context, value: Any, path: str) -> Any:
        items = super().read(ctx, value, path)
        if items is BAD:
            return BAD
        seen: dict[str, int] = {}
        catch_all: str | None = None
        failed = False
        for index, population in enumerate(items):
            where = f"{path}[{index}]"
            if population.name in seen:
                failed = True
                ctx.fail(
                    f"{where}.name",
                    population.name,
                    Phrase(
                        "a name no other population has (populations[{first}] has it)",
                        "un nom qu'aucune autre population ne porte (populations[{first}] le"
                        " porte)",
                        first=seen[population.name],
                    ),
                )
            seen.setdefault(population.name, index)
            if catch_all is not None:
                failed = True
                ctx.fail(
                    where,
                    population.name,
                    Phrase(
                        "a population written before any that selects every agent ({first!r}"
                        " does: this one would never select anyone)",
                        "une population écrite avant toute population qui désigne tous les"
                        " agents ({first!r} le fait\u00a0: celle-ci ne désignerait personne)",
                        first=catch_all,
                    ),
                )
            elif population.members.everyone:
                catch_all = population.name
        return BAD if failed else items


RULE: Final = Ref("rule", lambda: _RULE_KIND, french="une règle")
_RULE_KIND: RuleKind
_POLICY: Table | None = None


def _document_table() -> Table:
    """The table of the whole document, made once (it imports the model's modules)."""
    global _POLICY, _RULE_KIND
    if _POLICY is None:
        _RULE_KIND = RuleKind()
        _POLICY = _policy_table()
    return _POLICY


# ---------------------------------------------------------------------------------------
# Public functions.


def document_table() -> Table:
    """The description of a whole policy document: the table every other table and key
    is reached from (:class:`Key` objects with their kind and meaning). The reference,
    the JSON Schema, reading and writing all follow it; a tool that writes documents of
    its own (the commented starter of :mod:`teletravail.starter`) reads it too."""
    return _document_table()


_LESS_DEEP: Final = Phrase(
    "a document nested less deeply (rules at most {most} deep)",
    "un document moins profondément imbriqué (des règles sur {most} niveaux au plus)",
    most=MAX_DEPTH,
)


def from_document(data: Any, *, origin: str = "<document>") -> Policy:
    """Build a policy from a parsed document (a mapping, as TOML or JSON give).

    Every problem is collected; if there is any, one :class:`ConfigError` lists them all.
    """
    table = _document_table()
    ctx = _Context()
    if not isinstance(data, Mapping):
        document = Phrase(
            "a table (the policy document)", "une table (le document de la politique)"
        )
        raise ConfigError([Problem("", data, document)], origin)
    try:
        data = _screen(ctx, data, "")
        ctx.screened = frozenset(problem.path for problem in ctx.problems)
        policy = table.read(ctx, data, "")
    except RecursionError:  # a document nested beyond any sane policy
        ctx.fail("", "...", _LESS_DEEP)
        policy = BAD
    if ctx.problems or policy is BAD:
        whole = Phrase("a policy document", "un document de politique")
        raise ConfigError(ctx.problems or [Problem("", data, whole)], origin)
    return policy  # type: ignore[no-any-return]


def to_document(policy: Policy) -> dict[str, Any]:
    """The policy as plain data (strings, numbers, lists, tables) that
    :func:`from_document` reads back into an equal policy.

    A policy holding code (a ``Predicate`` criterion, a ranking function) cannot be
    written: :class:`ValidationError` names the part.
    """
    from teletravail.policy import Policy

    if not isinstance(policy, Policy):
        raise ValidationError("policy", policy, Phrase("a Policy", "un objet Policy"))
    written: dict[str, Any] = _document_table().write(_Context(), policy)
    return written


class _Refused:
    """A value the parser read but no document may hold (NaN, a huge integer): kept in
    place so that the screening reports it with its key path."""

    __slots__ = ("expected", "text")

    def __init__(self, text: str, expected: Phrase) -> None:
        self.text, self.expected = text, expected


class _Pairs(dict[str, Any]):
    """A JSON object, with the keys it wrote more than once."""

    duplicates: tuple[str, ...] = ()


#: The longest integer a document may write (any count, amount or year is far shorter).
_MOST_DIGITS = 30


def _pairs(pairs: list[tuple[str, Any]]) -> _Pairs:
    found = _Pairs(pairs)
    if len(found) < len(pairs):  # the last value stands; each key written twice is said
        seen: set[str] = set()
        twice: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in twice:
                twice.append(key)
            seen.add(key)
        found.duplicates = tuple(twice)
    return found


_JSON_NUMBER: Final = Phrase(
    "a number JSON allows (NaN and Infinity are not)",
    "un nombre que JSON admet (NaN et Infinity n'en sont pas)",
)
_SHORT_NUMBER: Final = Phrase(
    "a whole number of at most {most} digits",
    "un nombre entier d'au plus {most} chiffres",
    most=_MOST_DIGITS,
)
_FINITE: Final = Phrase("a finite number", "un nombre fini")


def _constant(name: str) -> _Refused:
    return _Refused(name, _JSON_NUMBER)


def _integer(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > _MOST_DIGITS:
        digits = Phrase(
            "{start}... ({count} digits)",
            "{start}… ({count} chiffres)",
            start=text[:12],
            count=len(text),
        )
        return _Refused(digits, _SHORT_NUMBER)
    return int(text)


def _float(text: str) -> float | _Refused:
    value = float(text)
    return value if math.isfinite(value) else _Refused(text, _FINITE)


def _screen(ctx: _Context, value: Any, path: str, depth: int = 0) -> Any:
    """``value`` with what no document may hold taken out, each reported with its key
    path: keys written twice, empty keys, NaN and infinities, huge integers, text that
    is not UTF-8. What is taken out is left to the reader as missing."""
    if depth > 4 * MAX_DEPTH + 32:  # rules nest at most MAX_DEPTH deep, tables a few
        ctx.fail(path, "...", _LESS_DEEP)
        return None
    if isinstance(value, _Refused):
        ctx.fail(path, value.text, value.expected)
        return None
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float) and not math.isfinite(value):
        ctx.fail(path, value, _FINITE)
        return None
    if isinstance(value, int) and abs(value) >= 10**_MOST_DIGITS:
        digits = int(value.bit_length() * math.log10(2)) + 1  # str() refuses huge ones
        about = Phrase(
            "a number of about {digits} digits",
            "un nombre d'environ {digits} chiffres",
            digits=digits,
        )
        ctx.fail(path, about, _SHORT_NUMBER)
        return None
    if isinstance(value, str) and not encodable(value):
        ctx.fail(path, value, _UTF8)
        return None
    if isinstance(value, Mapping):
        for key in getattr(value, "duplicates", ()):
            twice = Phrase(
                "a key written once (it is written twice)",
                "une clé écrite une seule fois (elle l'est deux fois)",
            )
            ctx.fail(_join(path, key), value[key], twice)
        cleaned: dict[Any, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or not key.strip() or not encodable(key):
                shown = f"{path}[{key!r}]" if path else f"[{key!r}]"
                word = Phrase(
                    "a key that is a word (not empty, in UTF-8)",
                    "une clé qui soit un mot (non vide, en UTF-8)",
                )
                ctx.fail(shown, item, word)
                continue
            cleaned[key] = _screen(ctx, item, _join(path, key), depth + 1)
        return cleaned
    if isinstance(value, list | tuple):
        return [_screen(ctx, item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
    return value


def _parse(data: bytes, syntax: Syntax, origin: str) -> Any:
    if len(data) > MAX_BYTES:
        size = Phrase("{size} bytes", "{size} octets", size=len(data))
        most = Phrase(
            "a document of at most {most} bytes",
            "un document d'au plus {most} octets",
            most=MAX_BYTES,
        )
        raise ConfigError([Problem("", size, most)], origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        bad = Phrase("bytes {bad}", "octets {bad}", bad=data[error.start : error.end].hex(" "))
        where = Phrase(
            "text in UTF-8 at line {line}, column {column}",
            "du texte en UTF-8 à la ligne {line}, colonne {column}",
            line=line,
            column=column,
        )
        raise ConfigError([Problem("", bad, where)], origin) from None
    try:
        if syntax == "toml":
            return tomllib.loads(text, parse_float=_float)
        return json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_constant,
            parse_int=_integer,
            parse_float=_float,
        )
    except json.JSONDecodeError as error:  # its message says the line and column
        where = _where("JSON", error.lineno, error.colno)
        raise ConfigError([Problem("", parser_message(error.msg), where)], origin) from None
    except tomllib.TOMLDecodeError as error:  # its message ends with the line and column
        found = _TOML_PLACE.search(str(error))
        if found is None:  # pragma: no cover - tomllib always says where
            valid = Phrase("valid TOML", "du TOML valide")
            raise ConfigError([Problem("", parser_message(str(error)), valid)], origin) from None
        what = parser_message(str(error)[: found.start()].strip())
        where = _where("TOML", int(found.group(1)), int(found.group(2)))
        raise ConfigError([Problem("", what, where)], origin) from None
    except ValueError:  # tomllib's integers beyond Python's digit limit
        long = re.search(rf"\d{{{_MOST_DIGITS},}}", text)
        line = text.count("\n", 0, long.start()) + 1 if long else 0
        column = long.start() - text.rfind("\n", 0, long.start()) if long else 0
        expected = Phrase(
            "{where}, with whole numbers of at most {most} digits",
            "{where}, avec des nombres entiers d'au plus {most} chiffres",
            where=_where("TOML", line, column),
            most=_MOST_DIGITS,
        )
        huge = Phrase("a huge integer", "un nombre entier démesuré")
        raise ConfigError([Problem("", huge, expected)], origin) from None
    except RecursionError:
        deep = Phrase("a document nested less deeply", "un document moins profondément imbriqué")
        raise ConfigError([Problem("", "...", deep)], origin) from None


#: Where tomllib says a syntax error is: "... (at line 5, column 17)".
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)$")


def _where(syntax: str, line: int, column: int) -> Phrase:
    return Phrase(
        "valid {syntax} at line {line}, column {column}",
        "du {syntax} valide à la ligne {line}, colonne {column}",
        syntax=syntax,
        line=line,
        column=column,
    )


def _syntax(value: Any) -> Syntax:
    if value not in ("toml", "json"):
        raise ValidationError("format", value, choices(("toml", "json")))
    return value  # type: ignore[no-any-return]


def loads(text: str | bytes, *, format: Syntax = "toml", origin: str = "<string>") -> Policy:
    """Read a policy from TOML (default) or JSON text; ``origin`` names it in errors."""
    syntax = _syntax(format)
    if isinstance(text, str):
        text = text.encode("utf-8", errors="surrogatepass")
    if not isinstance(text, bytes):
        raise ValidationError("text", text, Phrase("TOML or JSON text", "du texte TOML ou JSON"))
    return _fits(from_document(_parse(text, syntax, origin), origin=origin), len(text), origin)


def _fits(policy: Policy, size: int, origin: str) -> Policy:
    """``policy``, if it writes back within the size limit (as compact JSON): every
    document accepted can be written and read again. Only a large document can write
    back larger than the limit, so only a large one is written to see."""
    if size > MAX_BYTES // 8:
        written = len(_compact(to_document(policy)).encode("utf-8"))
        if written > MAX_BYTES:
            back = Phrase(
                "{written:,} bytes written back",
                "{written} octets une fois réécrit",
                written=written,
            )
            most = Phrase(
                "a document that writes back in at most {most:,} bytes",
                "un document qui se réécrit en {most} octets au plus",
                most=MAX_BYTES,
            )
            raise ConfigError([Problem("", back, most)], origin)
    return policy


def load(path: str | Path, *, format: Syntax | None = None) -> Policy:
    """Read a policy document from a file; the format follows the suffix
    (``.toml`` or ``.json``) unless given."""
    path = Path(path)
    if format is None:
        suffix = path.suffix.lower().lstrip(".")
        if suffix not in ("toml", "json"):
            raise ValidationError(
                "path", str(path), Phrase("a .toml or .json file", "un fichier .toml ou .json")
            )
        format = suffix  # type: ignore[assignment]
    syntax = _syntax(format)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        readable = Phrase(
            "a readable file ({why})",
            "un fichier lisible ({why})",
            why=system_reason(error, "erreur de lecture"),
        )
        raise ConfigError([Problem("", str(path), readable)], str(path)) from None
    return _fits(
        from_document(_parse(data, syntax, str(path)), origin=str(path)), len(data), str(path)
    )


def load_policy(source: str | Path) -> Policy:
    """A policy from a document file (``.toml`` or ``.json``) or a preset's name
    (``"lot-2013"``, see :mod:`teletravail.presets`)."""
    if isinstance(source, Path) or Path(str(source)).suffix.lower() in (".toml", ".json"):
        return load(source)
    from teletravail import presets

    return presets.load(str(source))


def dumps(policy: Policy, *, format: Syntax = "toml") -> str:
    """The policy as TOML (the ``toml`` extra: ``tomli-w``) or JSON text."""
    syntax = _syntax(format)
    document = to_document(policy)
    if syntax == "json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        if len(text.encode("utf-8")) > MAX_BYTES:  # a large policy: compact, to load again
            text = _compact(document) + "\n"
        return text
    try:
        import tomli_w
    except ImportError as exc:  # pragma: no cover - the extra is part of the test deps
        raise ValidationError(
            "dumps",
            "tomli-w",
            Phrase(
                "the 'toml' extra: pip install 'teletravail[toml]'",
                "l'extra «\u00a0toml\u00a0»\u00a0: pip install 'teletravail[toml]'",
            ),
        ) from exc
    text = tomli_w.dumps(document)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ValidationError(
            "format",
            Phrase("{size:,} bytes of TOML", "{size} octets de TOML", size=len(text.encode())),
            Phrase(
                "a document of at most {most:,} bytes: write this large policy as JSON",
                "un document d'au plus {most} octets\u00a0: écrivez cette grande politique en JSON",
                most=MAX_BYTES,
            ),
        )
    return text


def _compact(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def dump(policy: Policy, path: str | Path, *, format: Syntax | None = None) -> None:
    """Write the policy to a file, TOML or JSON after the suffix unless given."""
    path = Path(path)
    if format is None:
        suffix = path.suffix.lower().lstrip(".")
        format = _syntax(suffix)
    path.write_text(dumps(policy, format=format), encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of policy documents, for editors and UIs."""
    table = _document_table()
    body = table.schema()
    defs: dict[str, Any] = {"rule": _RULE_KIND.schema()}
    # a population's quota, places and allowance are the policy's kinds: written once
    population = body["properties"]["populations"]["items"]["properties"]
    for name in ("quota", "places", "allowance"):
        shared = dict(body["properties"][name])
        shared.pop("description", None)
        defs[name] = shared
        for properties in (body["properties"], population):
            properties[name] = {
                "$ref": f"#/$defs/{name}",
                "description": properties[name]["description"],
            }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:teletravail:policy:{FORMAT_VERSION}",
        "title": "teletravail policy document",
        **body,
        "$defs": defs,
    }
    return schema


def reference() -> str:
    """The reference of the document format, in Markdown: every table and key, its
    kind, whether it is required and what it means (``docs/configuration.md``)."""
    table = _document_table()
    sections: list[str] = []
    seen: set[int] = set()

    titles: set[str] = set()

    def section(title: str, doc: str, keys: Sequence[Key], extra: str = "") -> None:
        titles.add(title)
        lines = [f"### {title}", "", doc, ""]
        if extra:
            lines += [extra, ""]
        if keys:
            lines += ["| key | value | required | meaning |", "|---|---|---|---|"]
            for key in keys:
                required = "yes" if key.required else ""
                lines.append(f"| `{key.name}` | {key.kind.describe()} | {required} | {key.doc} |")
            lines.append("")
        sections.append("\n".join(lines))

    def visit(kind: Kind, title: str | None = None, extra: str = "") -> None:
        if id(kind) in seen:
            return
        seen.add(id(kind))
        if isinstance(kind, Table):
            section(title or kind.name, kind.doc, kind.keys, extra)
            for key in kind.keys:
                visit(key.kind)
        elif isinstance(kind, ListOf):
            visit(kind.item)
        elif isinstance(kind, Tagged):
            for name, (_, variant) in kind.variants.items():
                visit(variant, f'{kind.tag} = "{name}"', f'Written `{kind.tag} = "{name}"`.')
        elif isinstance(kind, SourceList):
            visit(kind.item)
        elif isinstance(kind, SourceKind):
            if "source" not in titles:
                visit(kind.table, "source")
        elif isinstance(kind, Ref):
            rule = _RULE_KIND
            forms = (
                "A rule is a criterion table (below), or a table with exactly one of: "
                "`all_of = [rules]` (every rule passes), `any_of = [rules]` (one rule "
                "passes), `not = rule`, or `rule = rule` with `unless = rule` (the rule, "
                f"except where the exception passes). Rules nest at most {MAX_DEPTH} deep."
            )
            section("rule", forms, ())
            visit(rule.criteria)
        elif isinstance(kind, DatedKind) and "dated values" not in titles:
            doc = (
                "A dated value is written as one quantity (in force always), a list of "
                "dated value tables, or a dated parameter table naming the parameter."
            )
            visit(kind.entry, "dated values", doc)
            visit(kind.whole, "dated parameter")

    visit(table)
    return "\n".join(sections)
