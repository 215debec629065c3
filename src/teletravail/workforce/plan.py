"""Which input column is which field, and in which unit: the naming convention of
record keys, the caller's own mapping (:data:`Columns`) and :class:`ColumnPlan`, which
resolves each key once.

A key is a field of :class:`~teletravail.workforce.Agent` (``"role"``), or a quantity
field followed by the unit of its plain numbers (``"commute_distance_km"``,
``"working_time_pct"``; ``_per_`` stands for ``/``:
``"requested_telework_workday_per_week"``). An unknown key, or a mapping that names a
column the input lacks, is an error for the whole input (field ``columns.<key>``),
raised before any row is read.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from teletravail.errors import UnitError, ValidationError
from teletravail.messages import EMPTY, NBSP, Phrase, did_you_mean
from teletravail.units import Q_, WORKDAYS_PER_TIME, as_quantity

from .agent import QUANTITY_FIELDS

__all__ = ["EXPECTED_TEXT_NAMES", "ColumnPlan", "Columns"]


#: The fields of an agent, as the keys of a record name them.
_FIELDS = (
    "id",
    "hire_date",
    "working_time",
    "role",
    "tags",
    "commute_distance",
    "commute_time",
    "commute_mode",
    "volunteer",
    "teleworkable_post",
    "derogations",
    "requested_telework",
    "pattern",
    "days_off",
    "absences",
    "telecentre_distance",
    "authorisation",
    "contract_type",
    "category",
    "establishment",
    "activities",
)
_UNIT_ALIASES = {"pct": "percent", "percent": "percent", "%": "percent"}


def _column_unit(key: str) -> tuple[str, str | None]:
    """Split a record key into a field and the unit its plain numbers are in.

    ``"commute_distance_km"`` → ``("commute_distance", "km")``; ``"role"`` → ``("role", None)``;
    ``_per_`` stands for ``/``: ``"requested_telework_workday_per_week"`` →
    ``("requested_telework", "workday/week")``.
    """
    if key in _FIELDS:
        return key, None
    for name, (dimension, _) in QUANTITY_FIELDS.items():
        if key.startswith(name + "_"):
            unit = key[len(name) + 1 :]
            unit = _UNIT_ALIASES.get(unit, unit.replace("_per_", "/"))
            try:
                as_quantity(Q_(1, unit), field=key, dimension=dimension)
            except UnitError as exc:
                hint = (
                    Phrase(
                        " (a day is 24 hours: write {column})",
                        " (un {day!r} dure 24 heures" + NBSP + ": écrivez {column})",
                        day="day",
                        column=f"{name}_workday_per_week",
                    )
                    if dimension == WORKDAYS_PER_TIME
                    else EMPTY
                )
                wanted = Phrase(
                    "a unit of dimension {dimension} after {prefix}{hint}",
                    "une unité de dimension {dimension} après {prefix}{hint}",
                    dimension=dimension,
                    prefix=f"{name}_",
                    hint=hint,
                )
                raise ValidationError(f"columns.{key}", key, wanted) from exc
            except Exception:
                break
            return name, unit
    known = list(_FIELDS) + [f"{n}_<unit>" for n in QUANTITY_FIELDS]
    guess = difflib.get_close_matches(key, _FIELDS, n=1)
    raise ValidationError(
        f"columns.{key}",
        key,
        Phrase(
            "one of {known}{hint}",
            "une valeur parmi {known}{hint}",
            known=", ".join(known),
            hint=did_you_mean(guess[0] if guess else None),
        ),
    )


#: A mapping of input columns to fields: a field name (``"commute_distance"``), a field
#: with its unit as in a column name (``"commute_distance_km"``), a ``(field, unit)``
#: pair, or ``None`` to skip the column.
Columns = Mapping[str, "str | tuple[str, str] | None"]


def _column_spec(source: str, spec: Any) -> tuple[str, str | None] | None:
    """Where a mapped input column goes: its field and the unit of its plain numbers."""
    where = f"columns.{source}"
    if spec is None:
        return None
    if isinstance(spec, str):
        try:
            return _column_unit(spec.strip())
        except ValidationError as exc:
            raise ValidationError(where, spec, exc.expected) from None
    if isinstance(spec, tuple) and len(spec) == 2 and all(isinstance(p, str) for p in spec):
        field, unit = (part.strip() for part in spec)
        if field not in QUANTITY_FIELDS:
            raise ValidationError(
                where,
                spec,
                Phrase(
                    "a (field, unit) pair for one of {fields}",
                    "une paire (champ, unité) pour l'un des champs {fields}",
                    fields=", ".join(QUANTITY_FIELDS),
                ),
            )
        dimension = QUANTITY_FIELDS[field][0]
        unit = _UNIT_ALIASES.get(unit, unit)
        try:
            one = Q_(1, unit)
        except UnitError:
            raise ValidationError(
                where,
                unit,
                Phrase(
                    "a unit of {field} that pint knows",
                    "une unité de {field} que pint connaît",
                    field=field,
                ),
            ) from None
        try:
            as_quantity(one, field=where, dimension=dimension)
        except UnitError:
            raise ValidationError(
                where,
                unit,
                Phrase(
                    "a unit of dimension {dimension} for {field} (it is {found})",
                    "une unité de dimension {dimension} pour {field} (elle est de dimension"
                    " {found})",
                    dimension=dimension,
                    field=field,
                    found=str(one.dimensionality),
                ),
            ) from None
        return field, unit
    raise ValidationError(
        where,
        spec,
        Phrase(
            "a field name, a (field, unit) pair or None",
            "un nom de champ, une paire (champ, unité) ou None",
        ),
    )


_INPUT_COLUMN = Phrase("a column of the input", "une colonne de l'entrée")
#: What the names of an input's columns must be.
EXPECTED_TEXT_NAMES = Phrase(
    "column names that are strings", "des noms de colonnes qui soient du texte"
)


class ColumnPlan:
    """How the keys of an input become fields: the caller's mapping, the keys to skip,
    and the naming convention (``commute_distance_km``) for the others, each key
    resolved once."""

    def __init__(self, columns: Columns | None, ignore_columns: Collection[str]) -> None:
        if columns is not None and not isinstance(columns, Mapping):
            raise ValidationError(
                "columns",
                columns,
                Phrase(
                    "a mapping of input columns to fields",
                    "un dictionnaire des colonnes de l'entrée vers les champs",
                ),
            )
        self.mapped: dict[str, tuple[str, str | None] | None] = {}
        for source, spec in (columns or {}).items():
            if not isinstance(source, str):
                raise ValidationError(
                    "columns",
                    source,
                    Phrase(
                        "input column names that are strings",
                        "des noms de colonnes de l'entrée qui soient du texte",
                    ),
                )
            self.mapped[source] = _column_spec(source, spec)
        self.keys: dict[str, tuple[str, str | None] | None] = dict(self.mapped)
        for name in ignore_columns:
            if name in self.mapped:
                raise ValidationError(
                    f"columns.{name}",
                    name,
                    Phrase(
                        "a column mapped or ignored, not both",
                        "une colonne associée à un champ ou ignorée, pas les deux",
                    ),
                )
            self.keys[name] = None

    def resolve(self, key: str) -> tuple[str, str | None] | None:
        """The field and unit of ``key`` (``None``: skipped); an unknown key is an error
        for the whole input, named ``columns.<key>``."""
        try:
            return self.keys[key]
        except KeyError:
            found = self.keys[key] = _column_unit(key)
            return found

    def check_seen(self, seen: Collection[str]) -> None:
        """Every mapped key must be in the input: a mapping that matches nothing is a typo."""
        for source in self.mapped:
            if source not in seen:
                raise ValidationError(f"columns.{source}", source, _INPUT_COLUMN + EMPTY)

    def header(self, names: Sequence[Any]) -> dict[str, tuple[str, str | None]]:
        """Resolve a whole header: ``{field: (column, unit)}``. A mapped column the header
        lacks, or two columns for one field, are errors for the whole input."""
        for source in self.mapped:
            if source not in names:
                text = [n for n in names if isinstance(n, str)]
                guess = difflib.get_close_matches(source, text, n=1)
                hint = did_you_mean(guess[0] if guess else None)
                raise ValidationError(f"columns.{source}", source, _INPUT_COLUMN + hint)
        fields: dict[str, tuple[str, str | None]] = {}
        for name in names:
            if not isinstance(name, str):
                raise ValidationError("columns", name, EXPECTED_TEXT_NAMES)
            found = self.resolve(name)
            if found is None:
                continue
            field, unit = found
            if field in fields:
                raise ValidationError(
                    f"columns.{name}",
                    name,
                    Phrase(
                        "one column for {field}, not two (the input also has {other!r})",
                        "une seule colonne pour {field}, pas deux (l'entrée a aussi {other!r})",
                        field=field,
                        other=fields[field][0],
                    ),
                )
            fields[field] = (name, unit)
        return fields
