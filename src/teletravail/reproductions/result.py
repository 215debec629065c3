"""Published figures beside the model's: the rows of ``teletravail reproduce``, as a
JSON-ready document, CSV and text in English and French.

:func:`reproduce` runs scenarios (:mod:`.scenario`) through :mod:`.compute` and gives
one :class:`Row` per figure: the published figure and its source, the model's figure,
the difference, every assumption the figure rests on and what the comparison says
(:data:`~.text.STATUSES`); with ``ranges=True``, the interval the plausible values of its
uncertain assumptions give.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Sequence
from typing import Any, Final, Literal

import attrs

from teletravail.documents import money_data, quantity_data
from teletravail.messages import Lang

from .compute import measure_all
from .scenario import Assumption, Figure, Scenario, load_scenario, names

__all__ = [
    "REPRODUCTION_SCHEMA",
    "REPRODUCTION_SCHEMA_VERSION",
    "Reproduction",
    "Row",
    "reproduce",
]

REPRODUCTION_SCHEMA: Final = "teletravail.reproduction"
REPRODUCTION_SCHEMA_VERSION: Final = 1

Status = Literal["reproduced", "assumed", "not_reached", "derived"]


@attrs.frozen
class Row:
    """One figure reproduced: the ``scenario``'s name, the ``figure``, the ``model``'s
    figure (money in cents, counts as numbers, other figures in the figure's unit), its
    ``status`` and the ``assumptions`` it rests on; ``low`` and ``high`` the interval of
    its uncertain assumptions' plausible values, when asked for."""

    scenario: str
    figure: Figure
    model: float
    status: Status
    assumptions: tuple[Assumption, ...]
    low: float | None = None
    high: float | None = None

    @property
    def difference(self) -> float | None:
        """The model's figure less the published one (``None`` when not published)."""
        if self.figure.published is None:
            return None
        published = self.figure.published * (100 if self.figure.unit == "EUR" else 1)
        return self.model - published

    @property
    def relative(self) -> float | None:
        """The difference as a share of the published figure."""
        difference, published = self.difference, self.figure.published
        if difference is None or not published:
            return None
        return difference / (published * (100 if self.figure.unit == "EUR" else 1))

    def _value(self, value: float | None) -> Any:
        unit = self.figure.unit
        if value is None or math.isnan(value):
            return None
        if unit is None:
            return round(value)
        if unit == "EUR":
            return money_data(round(value))
        from teletravail.units import Q_

        return quantity_data(Q_(round(value, 6), unit), unit)

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data: quantities ``{"value", "unit"}``, money
        ``{"value": "1583.00", "unit": "EUR"}``, counts as numbers."""
        published = self.figure.published
        scale = 100 if self.figure.unit == "EUR" else 1
        return {
            "scenario": self.scenario,
            "figure": self.figure.id,
            "label": str(self.figure.label),
            "label_fr": self.figure.label.text("fr"),
            "published": None if published is None else self._value(published * scale),
            "source": None if self.figure.source is None else self.figure.source.cite("en"),
            "model": self._value(self.model),
            "difference": self._value(self.difference),
            "relative": None if self.relative is None else round(self.relative, 6),
            "tolerance": self.figure.tolerance,
            "status": self.status,
            "assumptions": [_assumption_data(a) for a in self.assumptions],
            "note": None if self.figure.note is None else str(self.figure.note),
            "range": None
            if self.low is None
            else {"low": self._value(self.low), "high": self._value(self.high)},
        }


def _assumption_data(assumption: Assumption) -> dict[str, Any]:
    source = assumption.source
    return {
        "name": assumption.name,
        "value": str(assumption.value),
        "source": "assumed" if source is None else source.cite("en"),
        "note": None if assumption.note is None else str(assumption.note),
        "range": None
        if assumption.low is None
        else {
            "low": assumption.low,
            "high": assumption.high,
            "note": None if assumption.range_note is None else str(assumption.range_note),
        },
    }


def _status(figure: Figure, model: float, used: Sequence[Assumption]) -> Status:
    if figure.published is None:
        return "derived"
    published = figure.published * (100 if figure.unit == "EUR" else 1)
    if abs(model - published) > figure.tolerance * abs(published) + 1e-9:
        return "not_reached"
    return "assumed" if any(a.assumed for a in used) else "reproduced"


@attrs.frozen
class Reproduction:
    """The rows of one or more scenarios, in order, and the scenarios themselves."""

    scenarios: tuple[Scenario, ...]
    rows: tuple[Row, ...]
    ranges: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The document of ``teletravail reproduce --format json``."""
        return {
            "schema": REPRODUCTION_SCHEMA,
            "schema_version": REPRODUCTION_SCHEMA_VERSION,
            "scenarios": [
                {"name": s.name, "title": str(s.title), "title_fr": s.title.text("fr")}
                for s in self.scenarios
            ],
            "rows": [row.to_dict() for row in self.rows],
        }

    def to_csv(self) -> str:
        """One line per row: the figures as plain numbers (money in euros), the
        assumptions in one cell, ``name = value (source)`` joined by ``; ``."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header = [
            "scenario",
            "figure",
            "label",
            "unit",
            "published",
            "source",
            "model",
            "difference",
            "relative",
            "status",
            "assumptions",
        ]
        if self.ranges:
            header += ["low", "high"]
        writer.writerow(header)
        for row in self.rows:
            data = row.to_dict()

            def plain(value: Any) -> str:
                if value is None:
                    return ""
                return str(value["value"]) if isinstance(value, dict) else str(value)

            assumed = "; ".join(
                f"{a['name']} = {a['value']} ({a['source']})" for a in data["assumptions"]
            )
            line = [
                row.scenario,
                row.figure.id,
                data["label"],
                row.figure.unit or "",
                plain(data["published"]),
                data["source"] or "",
                plain(data["model"]),
                plain(data["difference"]),
                "" if row.relative is None else f"{row.relative:.6f}",
                row.status,
                assumed,
            ]
            if self.ranges:
                span = data["range"] or {}
                line += [plain(span.get("low")), plain(span.get("high"))]
            writer.writerow(line)
        return out.getvalue()

    def text(self, lang: Lang = "en") -> str:
        """The table in ``lang``: per scenario, a line per figure (published, model,
        difference) with its source, what it says and the assumptions it rests on, and
        under the table the scenario's assumptions with their sources."""
        from .text import render

        return render(self, lang)


def _runs(
    scenario: Scenario, ranges: bool
) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    base = {a.name: str(a.value) for a in scenario.assumptions.values() if a.applied}
    found = measure_all(scenario, base)
    spans: dict[str, tuple[float, float]] = {}
    if not ranges:
        return found, spans
    cache: dict[tuple[tuple[str, str], ...], dict[str, float]] = {}
    for figure in scenario.figures:
        uncertain = [
            scenario.assumptions[name]
            for name in figure.assumptions
            if scenario.assumptions[name].applied and scenario.assumptions[name].low is not None
        ]
        if not uncertain:
            continue
        seen = [found[figure.id]]
        for choice in itertools.product(*((a.low, a.high) for a in uncertain)):
            values = dict(base)
            values.update({a.name: str(v) for a, v in zip(uncertain, choice, strict=True)})
            key = tuple(sorted(values.items()))
            if key not in cache:
                cache[key] = measure_all(scenario, values)
            seen.append(cache[key][figure.id])
        spans[figure.id] = (min(seen), max(seen))
    return found, spans


def reproduce(
    scenarios: Sequence[str | Scenario] | None = None, *, ranges: bool = False
) -> Reproduction:
    """The rows of ``scenarios`` (names of shipped ones, document files or
    :class:`~.scenario.Scenario` values; default: every shipped scenario), each figure
    computed by the policy's assessment or the télécentres' economics; with
    ``ranges``, each figure's interval over its uncertain assumptions' plausible
    values."""
    chosen = [
        s if isinstance(s, Scenario) else load_scenario(s)
        for s in (names() if scenarios is None else scenarios)
    ]
    rows: list[Row] = []
    for scenario in chosen:
        found, spans = _runs(scenario, ranges)
        for figure in scenario.figures:
            used = tuple(scenario.assumptions[name] for name in figure.assumptions)
            low, high = spans.get(figure.id, (None, None))
            rows.append(
                Row(
                    scenario=scenario.name,
                    figure=figure,
                    model=found[figure.id],
                    status=_status(figure, found[figure.id], used),
                    assumptions=used,
                    low=low,
                    high=high,
                )
            )
    return Reproduction(scenarios=tuple(chosen), rows=tuple(rows), ranges=ranges)


def reproduction_schema() -> dict[str, Any]:
    """The JSON Schema body of :meth:`Reproduction.to_dict`'s document (its figures
    in the shapes of :class:`~teletravail.documents.Measure` and
    :class:`~teletravail.documents.Money`, a count as a whole number)."""
    from teletravail.documents import Measure, Money

    figure = {
        "anyOf": [Measure().schema(), Money().schema(), {"type": "integer"}, {"type": "null"}]
    }
    text = {"type": "string"}
    maybe_text = {"type": ["string", "null"]}
    bounds = {
        "type": ["object", "null"],
        "properties": {"low": text, "high": text, "note": maybe_text},
        "required": ["low", "high", "note"],
        "additionalProperties": False,
    }
    assumption = {
        "type": "object",
        "properties": {
            "name": text,
            "value": text,
            "source": {"type": "string", "description": "its citation, or 'assumed'"},
            "note": maybe_text,
            "range": bounds,
        },
        "required": ["name", "value", "source", "note", "range"],
        "additionalProperties": False,
    }
    row = {
        "type": "object",
        "properties": {
            "scenario": text,
            "figure": text,
            "label": text,
            "label_fr": text,
            "published": figure,
            "source": maybe_text,
            "model": figure,
            "difference": figure,
            "relative": {"type": ["number", "null"]},
            "tolerance": {"type": "number", "minimum": 0},
            "status": {"enum": ["reproduced", "assumed", "not_reached", "derived"]},
            "assumptions": {"type": "array", "items": assumption},
            "note": maybe_text,
            "range": {
                "type": ["object", "null"],
                "properties": {"low": figure, "high": figure},
                "required": ["low", "high"],
                "additionalProperties": False,
            },
        },
        "required": [
            "scenario",
            "figure",
            "label",
            "label_fr",
            "published",
            "source",
            "model",
            "difference",
            "relative",
            "tolerance",
            "status",
            "assumptions",
            "note",
            "range",
        ],
        "additionalProperties": False,
    }
    scenario = {
        "type": "object",
        "properties": {"name": text, "title": text, "title_fr": text},
        "required": ["name", "title", "title_fr"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            "schema": {"const": REPRODUCTION_SCHEMA},
            "schema_version": {"const": REPRODUCTION_SCHEMA_VERSION},
            "scenarios": {"type": "array", "items": scenario},
            "rows": {"type": "array", "items": row},
        },
        "required": ["schema", "schema_version", "scenarios", "rows"],
        "additionalProperties": False,
    }
