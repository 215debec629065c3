"""An agent as a JSON document: the description that reads it, writes it and gives its
JSON Schema (:func:`agent_table`, :data:`AGENT_FORMAT`, :data:`AGENT_FORMAT_VERSION`).

The document is a table of the agent's fields: quantities as ``{"value": 28, "unit":
"km"}`` (the text ``"28 km"`` is read too, French words included), dates as
``YYYY-MM-DD``, codes for the commute mode, contract type and category (the French words
the library reads are read too), and the text forms a register's cells hold for the
weekly pattern, the derogations, the absences, the authorisation and the activities.
Each key is read by the converter of the agent's own field, so that a document and the
constructor refuse a value with the same words; every problem is reported at once with
its key path (:func:`teletravail.documents.read`).

The table is built from the class it describes (its ``attrs`` fields give the
converters), so that this module sits below :mod:`.agent`, which reads and writes
through it (``Agent.from_dict``, ``Agent.to_dict``, :func:`~.agent.agent_schema`).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from teletravail.documents import (
    Choice,
    Context,
    Converted,
    Day,
    Key,
    Number,
    Table,
    join_path,
    non_defaults,
    suggest,
)
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.spans import Authorisation
from teletravail.units import as_quantity
from teletravail.week import WEEKDAYS

__all__ = ["AGENT_FORMAT", "AGENT_FORMAT_VERSION", "AGENT_SCHEMA_ID", "agent_table"]

#: The name of the agent document format, and its version.
AGENT_FORMAT: Final = "teletravail.agent"
AGENT_FORMAT_VERSION: Final = 1
#: The ``$id`` of the agent document's JSON Schema.
AGENT_SCHEMA_ID: Final = f"urn:teletravail:agent:{AGENT_FORMAT_VERSION}"

_QUANTITY_KEYS: Final = ("value", "unit")
#: The largest whole number a quantity's value may be: the largest a float holds.
_LARGEST: Final = int(sys.float_info.max)
_ENGLISH_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


class Field(Converted):
    """A key read by the converter of the agent's field (whose errors name the field):
    its problem is reported under the key's path."""

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if value is None:  # JSON null: not stated (a field that needs a value refuses it)
            return self._none(ctx, path)
        return super().read(ctx, value, path)

    def _none(self, ctx: Context, path: str) -> Any:
        try:
            return self.convert(None)
        except (ValidationError, TypeError):
            return ctx.fail(path, None, self.label)


class Spans(Field):
    """Absences: a list of ``start/end`` texts, or one text (``"none"``: known to be
    none)."""

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ";".join(value)  # the text a register's cell holds
        return super().read(ctx, value, path)


class Measured(Field):
    """A quantity: ``{"value": 28, "unit": "km"}``, or the text ``"28 km"``; written as
    the table, in ``unit``."""

    def __init__(self, convert: Callable[[Any], Any], unit: str, example: str) -> None:
        label = Phrase(
            "a quantity such as {table} or {example!r}",
            "une quantité comme {table} ou {example!r}",
            table='{"value": 28, "unit": "km"}',
            example=example,
        )
        text = {"type": "string", "pattern": r"\S", "examples": [example]}
        table = {
            "type": "object",
            "properties": {
                "value": {"type": "number", "description": "the number"},
                "unit": {"type": "string", "pattern": r"\S", "description": "its unit"},
            },
            "required": list(_QUANTITY_KEYS),
            "additionalProperties": False,
        }
        super().__init__(convert, label, {"oneOf": [table, text]})
        self.unit = unit

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return super().read(ctx, value, path)
        for name in value:
            if name not in _QUANTITY_KEYS:
                unknown = Phrase(
                    "a key of a quantity, {value!r} or {unit!r} (no such key){hint}",
                    "une clé d'une quantité, {value!r} ou {unit!r} (cette clé n'existe pas){hint}",
                    value="value",
                    unit="unit",
                    hint=suggest(str(name), _QUANTITY_KEYS, ctx),
                )
                return ctx.fail(join_path(path, str(name)), value[name], unknown)
        number, unit = value.get("value"), value.get("unit")
        if isinstance(number, bool) or not isinstance(number, int | float):
            return ctx.fail(join_path(path, "value"), number, Phrase("a number", "un nombre"))
        if isinstance(number, int) and abs(number) > _LARGEST:  # beyond a float
            sane = Phrase("a number of sane size", "un nombre de taille raisonnable")
            return ctx.fail(join_path(path, "value"), number, sane)
        if not isinstance(unit, str) or not unit.strip():
            return ctx.fail(join_path(path, "unit"), unit, Phrase("a unit", "une unité"))
        try:  # the unit alone, French words included, and nothing else ("km/2" is not one)
            one = as_quantity(f"1 {unit}", field="unit", dimension=None)
            if float(one.magnitude) != 1:
                raise ValidationError("unit", unit, Phrase("a unit", "une unité"))
        except ValidationError as error:
            return ctx.fail(join_path(path, "unit"), unit, error.expected)
        return super().read(ctx, one * number, path)

    def write(self, ctx: Context, value: Any) -> Any:
        magnitude = float(value.m_as(self.unit))
        return {
            "value": _json_number(magnitude),
            "unit": "%" if self.unit == "percent" else self.unit,
        }


def _json_number(number: float) -> int | float:
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


class AuthorisationField(Field):
    """The authorisation: its text (``"2024-01-01/2024-12-31, adaptation 3 months"``), or
    a table of its keys; written as text when the text says all of it."""

    _KEYS: Final = ("start", "end", "adaptation", "telework_during_adaptation")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return super().read(ctx, value, path)
        for name in value:
            if name not in self._KEYS:
                unknown = Phrase(
                    "a key of an authorisation (no such key){hint}",
                    "une clé d'une autorisation (cette clé n'existe pas){hint}",
                    hint=suggest(str(name), self._KEYS, ctx),
                )
                return ctx.fail(join_path(path, str(name)), value[name], unknown)
        if "start" not in value:
            missing = Phrase("a date (missing key)", "une date (clé manquante)")
            return ctx.fail(join_path(path, "start"), None, missing)
        try:
            return Authorisation(**value)
        except ValidationError as error:
            field = error.field.removeprefix("authorisation.")
            return ctx.fail(join_path(path, field), error.value, error.expected)

    def write(self, ctx: Context, value: Any) -> Any:
        if value.telework_during_adaptation:
            return str(value)
        data: dict[str, Any] = {"start": value.start.isoformat()}
        if value.end is not None:
            data["end"] = value.end.isoformat()
        if value.adaptation is not None:
            data["adaptation"] = str(value.adaptation)
        return {**data, "telework_during_adaptation": False}


def _text_list(item: Mapping[str, Any]) -> dict[str, Any]:
    """A list of texts, or one text whose parts are separated by ``;``."""
    return {"oneOf": [{"type": "array", "items": item}, {"type": "string"}]}


def _words(*names: str) -> list[str]:
    return sorted(set(names))


def _keys(cls: type) -> list[Key]:
    fields = attrs.fields_dict(cls)

    def convert(name: str) -> Callable[[Any], Any]:
        field = fields[name]
        converter = field.converter
        if isinstance(converter, attrs.Converter):  # one that is told its field's name
            inner = converter.converter  # type: ignore[attr-defined]  # not in attrs' stubs
            return lambda value: inner(value, field)
        assert callable(converter)  # every field of an agent has one
        return converter

    def quantity(name: str, unit: str, example: str, doc: str) -> Key:
        return Key(name, Measured(convert(name), unit, example), doc)

    def field(
        name: str,
        label: str,
        schema: Mapping[str, Any],
        doc: str,
        *,
        required: bool = False,
        write: Callable[[Any], Any] | None = None,
    ) -> Key:
        return Key(name, Field(convert(name), label, schema, write=write), doc, required)

    text = {"type": "string"}
    days = _words(*WEEKDAYS)
    boolean = {"oneOf": [{"type": "boolean"}, {"type": "string"}]}
    yes_no = Phrase("true or false (yes/no, oui/non)", "true ou false (yes/no, oui/non)")
    return [
        Key("format", Choice([AGENT_FORMAT]), f"always {AGENT_FORMAT!r}"),
        Key("version", Number(1, AGENT_FORMAT_VERSION, whole=True), "the format's version"),
        field(
            "id",
            Phrase("an id", "un identifiant"),
            {"type": "string", "pattern": r"\S"},
            "the agent's id",
            required=True,
        ),
        Key("hire_date", Day(), "the day the agent was hired", True),
        quantity("working_time", "percent", "80 %", "the share of full time (default 100 %)"),
        field("role", Phrase("text", "du texte"), text, "the job family"),
        field(
            "tags",
            Phrase("a list of tags", "une liste d'étiquettes"),
            _text_list(text),
            "the agent's tags",
            write=sorted,
        ),
        quantity("commute_distance", "km", "28 km", "one way, home to work"),
        quantity("commute_time", "min", "35 min", "one way, home to work"),
        field(
            "commute_mode",
            Phrase("a commute mode", "un mode de déplacement"),
            {"type": "string"},
            "car_thermal (default), car_electric, bus, train_regional,"
            " tram, motorbike, bike or walking",
            write=lambda mode: mode.value,
        ),
        field("volunteer", yes_no, boolean, "whether the agent asks (default true)"),
        field("teleworkable_post", yes_no, boolean, "whether the post allows telework"),
        field(
            "derogations",
            Phrase("a list of derogations", "une liste de dérogations"),
            _text_list({"type": "string", "examples": ["health:2024-01-01/2024-06-30"]}),
            "kind:start/end texts; kind is health, pregnancy, carer or exceptional",
            write=lambda items: [str(item) for item in items],
        ),
        quantity("requested_telework", "workday/week", "1.5 workday/week", "telework asked"),
        field(
            "pattern",
            Phrase("a weekly pattern", "un rythme hebdomadaire"),
            {"type": "string", "examples": ["tue, thu am"]},
            "the weekly pattern asked",
            write=str,
        ),
        field(
            "days_off",
            Phrase("weekdays", "des jours de la semaine"),
            _text_list({"type": ["string", "integer"], "examples": days[:3]}),
            "the weekdays not worked",
            write=lambda found: [_day_name(d) for d in sorted(found)],
        ),
        Key(
            "absences",
            Spans(
                convert("absences"),
                Phrase("absences", "des absences"),
                _text_list({"type": "string", "examples": ["2024-08-01/2024-08-21"]}),
                write=lambda spans: [str(span) for span in spans],
            ),
            "start/end spans; [] or 'none': known to be none; left out: unknown",
        ),
        quantity("telecentre_distance", "km", "6 km", "one way, home to the télécentre"),
        Key(
            "authorisation",
            AuthorisationField(
                convert("authorisation"),
                Phrase("an authorisation", "une autorisation"),
                {"oneOf": [{"type": "string"}, {"type": "object"}]},
            ),
            "start/end text, with ', adaptation 3 months' if any",
        ),
        field(
            "contract_type",
            Phrase("a contract type", "un type de contrat"),
            text,
            "titulaire, contractuel... (its code or a French word)",
            write=lambda kind: kind.value,
        ),
        field(
            "category",
            Phrase("A, B or C", "A, B ou C"),
            text,
            "the category",
            write=lambda found: found.value,
        ),
        field("establishment", Phrase("text", "du texte"), text, "the establishment or site"),
        field(
            "activities",
            Phrase("activities", "des activités"),
            _text_list({"type": "string", "examples": ["instruction 60 %"]}),
            "the post's activities with their shares",
            write=lambda found: [str(a) for a in found],
        ),
    ]


def _day_name(day: int) -> str:
    return (*_ENGLISH_DAYS, "sunday")[day]


_WRITTEN: Final = (
    "working_time", "role", "tags", "commute_distance", "commute_time", "commute_mode",
    "volunteer", "teleworkable_post", "derogations", "requested_telework", "pattern",
    "days_off", "absences", "telecentre_distance", "authorisation", "contract_type",
    "category", "establishment", "activities",
)  # fmt: skip


@functools.cache
def agent_table(cls: type) -> Table:
    """The description of an agent document, for the agent class ``cls``: it reads a
    document into ``cls`` (every problem at once), writes one back (the format and
    version first, the fields left at their defaults out) and gives the JSON Schema."""

    def build(data: dict[str, Any]) -> Any:
        data.pop("format", None)
        data.pop("version", None)
        return cls(**data)

    def dump(agent: Any) -> dict[str, Any]:
        return {
            "format": AGENT_FORMAT,
            "version": AGENT_FORMAT_VERSION,
            "id": agent.id,
            "hire_date": agent.hire_date,
            **non_defaults(agent, *_WRITTEN),
        }

    return Table("agent", "One employee, as the rules see them.", _keys(cls), build, dump)
