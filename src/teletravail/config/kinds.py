"""The kinds of values a policy document holds, each able to read, write and describe itself.

A :class:`Kind` reads a document value (recording its problems in a
:class:`~teletravail.config.context.Context`), writes an object back, and describes
itself for the JSON Schema and the Markdown reference. The plain kinds are text
(:class:`Text`), true or false (:class:`Flag`), numbers (:class:`Number`), dates
(:class:`Day`), quantities with their unit (:class:`Amount`, :class:`CapAmount`),
durations (:class:`Span`) and names among a fixed list (:class:`Choice`); the kinds made
of others are lists (:class:`ListOf`), tables of named keys (:class:`Table` of
:class:`Key`), tables tagged by one key (:class:`Tagged`) and kinds written once in the
schema and referred to by name (:class:`Ref`). The tables of the format itself are in
:mod:`teletravail.config.format`.
"""

from __future__ import annotations

import abc
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from teletravail._checks import encodable
from teletravail.config.context import BAD, Context, join_path, suggest
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import EMPTY, Phrase, choices, show
from teletravail.units import as_quantity, format_unit

__all__ = [
    "UTF8_TEXT",
    "Amount",
    "CapAmount",
    "Choice",
    "Day",
    "Flag",
    "Key",
    "Kind",
    "ListOf",
    "Number",
    "Ref",
    "Span",
    "Table",
    "Tagged",
    "Text",
    "non_defaults",
]


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
        parts = {"noun": noun, "low": _plain(low), "high": _plain(high)}
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
        number = _plain(float(value.magnitude))
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
            "description": f"a quantity of dimension {self.dimension}",
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


class Span(Kind):
    label = Phrase("a duration", "une durée")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        try:
            return Duration.parse(value)
        except ValidationError as error:
            return ctx.fail(path, value, error.expected)

    def write(self, ctx: Context, value: Any) -> Any:
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


class ListOf(Kind):
    """A list whose items are all of one kind (read as a tuple)."""

    def __init__(self, item: Kind, *, unique: bool = False, at_least: int = 0) -> None:
        self.item, self.unique, self.at_least = item, unique, at_least
        self.label = Phrase(
            "a list of {item}", "une liste dont chaque élément est {item}", item=item.label
        )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
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

    def write(self, ctx: Context, value: Any) -> Any:
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

    def read(self, ctx: Context, value: Any, path: str, *, also: Sequence[str] = ()) -> Any:
        if not isinstance(value, Mapping):
            keys = ", ".join(self.by_name)
            return ctx.fail(
                path, value, Phrase("a table of {keys}", "une table aux clés {keys}", keys=keys)
            )
        before = ctx.failures
        for name in value:
            if name not in self.by_name and name not in also:
                known = tuple(self.by_name)
                hint = suggest(str(name), known, ctx)
                unknown = Phrase(
                    "a key of {name} (no such key){hint}",
                    "une clé de la table {french} (cette clé n'existe pas){hint}",
                    hint=hint,
                    **self._names(),
                )
                ctx.fail(join_path(path, str(name)), value[name], unknown)
        read: dict[str, Any] = {}
        for key in self.keys:
            if key.name in value:
                read[key.name] = key.kind.read(ctx, value[key.name], join_path(path, key.name))
            elif key.required:
                missing = Phrase(
                    "{label} (missing key)", "{label} (clé manquante)", label=key.kind.label
                )
                ctx.fail(join_path(path, key.name), None, missing)
        if ctx.failures > before:
            return BAD
        try:
            return self.build(read)
        except ValidationError as error:
            if error.field == self.name:  # the table as a whole
                return ctx.fail(path, error.value, error.expected)
            field = error.field.removeprefix(f"{self.name}.")
            return ctx.fail(join_path(path, field), error.value, error.expected)

    def write(self, ctx: Context, value: Any) -> Any:
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

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping) or self.tag not in value:
            return ctx.fail(path, value, self.label)
        name = value[self.tag]
        if not isinstance(name, str) or name not in self.variants:
            hint = suggest(name, tuple(self.variants), ctx) if isinstance(name, str) else EMPTY
            return ctx.fail(join_path(path, self.tag), name, choices(tuple(self.variants)) + hint)
        return self.variants[name][1].read(ctx, value, path, also=(self.tag,))

    def write(self, ctx: Context, value: Any) -> Any:
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

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        return self.target().read(ctx, value, path)

    def write(self, ctx: Context, value: Any) -> Any:
        return self.target().write(ctx, value)

    def schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}

    def describe(self) -> str:
        return f"[{self.name}](#{self.name.replace('_', '-')})"


def _plain(number: float) -> str:
    """A number the shortest way that reads back exactly: ``90``, ``2.88``."""
    return str(int(number)) if float(number).is_integer() and abs(number) < 1e15 else repr(number)


def non_defaults(obj: Any, *names: str) -> dict[str, Any]:
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
