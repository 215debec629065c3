"""The kinds of document values made of others: lists, tables of keys, tagged tables and
references.

A :class:`ListOf` reads a list whose items are all of one kind; a :class:`Table` of
:class:`Key` objects reads a table of named keys into an object once every key reads
well (and writes it back, leaving out the defaults: :func:`non_defaults`); a
:class:`Tagged` table is one of several tables, named by one of its keys; a :class:`Ref`
is a kind written once in the JSON Schema's ``$defs`` and referred to by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from teletravail.errors import ValidationError
from teletravail.messages import EMPTY, Phrase, choices, show

from .context import BAD, Context, join_path, suggest
from .kinds import Choice, Converted, Kind

__all__ = ["Key", "ListOf", "Ref", "Table", "Tagged", "non_defaults"]


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


class Nullable(Kind):
    """A value of ``item``, or ``null`` (read as ``None``; written as ``null``, never
    left out): a figure a row does not have, a population an agent is in none of."""

    def __init__(self, item: Kind) -> None:
        self.item = item
        self.label = Phrase("{item} or null", "{item} ou null", item=item.label)

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        return None if value is None else self.item.read(ctx, value, path)

    def write(self, ctx: Context, value: Any) -> Any:
        return None if value is None else self.item.write(ctx, value)

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [self.item.schema(), {"type": "null"}]}

    def describe(self) -> str:
        return f"{self.item.describe()} or null"


class MapOf(Kind):
    """A table whose keys are names of the document's own (a reason, a year) and whose
    values are all of one kind (read as a dict)."""

    def __init__(self, item: Kind) -> None:
        self.item = item
        self.label = Phrase(
            "a table whose every value is {item}",
            "une table dont chaque valeur est {item}",
            item=item.label,
        )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        before = ctx.failures
        items = {str(k): self.item.read(ctx, v, join_path(path, str(k))) for k, v in value.items()}
        if ctx.failures > before:
            return BAD
        return items

    def write(self, ctx: Context, value: Any) -> Any:
        return {key: self.item.write(ctx, item) for key, item in value.items()}

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.item.schema()}

    def describe(self) -> str:
        return f"table of {self.item.describe()}"


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


def unchanged(data: dict[str, Any]) -> dict[str, Any]:
    """The keys read, as they are: the ``build`` and ``dump`` of a table that describes
    a document the library writes as plain data."""
    return data


def heading_keys(name: str, version: int) -> list[Key]:
    """The two keys that open every document the library writes: ``schema``, its name
    (``teletravail.assessment``), and ``schema_version``, the one version the library
    writes and reads (any other is refused, naming it)."""

    def only(value: Any) -> int:
        if isinstance(value, bool) or value != version:
            raise ValidationError(
                "schema_version", value, Phrase("version {n}", "la version {n}", n=version)
            )
        return version

    return [
        Key("schema", Choice([name]), "the document's name", True),
        Key(
            "schema_version",
            Converted(only, Phrase("version {n}", "la version {n}", n=version), {"const": version}),
            "the document's version",
            True,
        ),
    ]
