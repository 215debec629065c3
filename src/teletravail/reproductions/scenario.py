"""A reproduction scenario as data: the published figures, the register, the policy or the
network they are reproduced from, and every assumption, each with its source or the word
"assumed".

A scenario is a TOML document (``format = "teletravail.reproduction.scenario"``). The
shipped ones are package data beside this module (:func:`names`, :func:`load_scenario`);
a territory copies one, with the register beside it, and swaps in its own data. Each
figure names a *measure*, which says which assumptions it is computed from
(:data:`MEASURES`): a document that lacks one of them is refused, naming it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from teletravail.errors import UnknownScenarioError, ValidationError
from teletravail.messages import Phrase, choices, did_you_mean
from teletravail.sources import Source, cited

__all__ = [
    "MEASURES",
    "SCENARIO_FORMAT",
    "SCENARIO_VERSION",
    "Assumption",
    "Figure",
    "Measure",
    "Scenario",
    "load_scenario",
    "names",
    "read_scenario",
]

#: The ``format`` of a scenario document, and its version.
SCENARIO_FORMAT: Final = "teletravail.reproduction.scenario"
SCENARIO_VERSION: Final = 1
_PACKAGE: Final = "teletravail.reproductions"
#: A register named so is a file of the package's own data (the synthetic sample).
PACKAGE_DATA: Final = "teletravail:"


@attrs.frozen
class Measure:
    """What the model computes for a figure: its ``unit`` (``None`` for a count,
    ``"EUR"`` for money), what it needs (``"assessment"``, a policy assessed on a
    register; ``"network"``, a network of télécentres; ``"economics"``, its costs) and
    the assumptions it is computed from (``inputs``, shown on its row; ``needs``, all
    that the computation reads)."""

    unit: str | None
    basis: str
    inputs: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()


_COSTS: Final = ("set_up", "running", "depreciation", "occupancy")

#: Every measure a figure may name.
MEASURES: Final[Mapping[str, Measure]] = {
    "distance": Measure("km", "assessment", ("period",)),
    "time": Measure("day", "assessment", ("period", "speed")),
    "emissions": Measure("t CO2e", "assessment", ("period", "factor")),
    "money": Measure("EUR", "assessment", ("period", "cost_per_km")),
    "money_per_agent": Measure("EUR", "assessment", ("period", "cost_per_km")),
    "posts": Measure(None, "assessment"),
    "teleworkable": Measure(None, "assessment"),
    "eligible": Measure(None, "assessment"),
    "selected": Measure(None, "assessment"),
    "centres": Measure(None, "network"),
    "desks": Measure(None, "network"),
    "set_up": Measure("EUR", "economics", ("set_up",), _COSTS),
    "running": Measure("EUR", "economics", ("running",), _COSTS),
    "cost_per_desk_day": Measure("EUR", "economics", _COSTS, _COSTS),
}
#: The assumptions the model reads (the others describe the register or the rule).
APPLIED: Final = ("period", "speed", "factor", "cost_per_km", *_COSTS)


@attrs.frozen
class Assumption:
    """One assumption of a scenario: its ``name`` and ``label``, its ``value`` as
    written, and either its ``source`` or ``assumed`` (no source supports it); ``low``
    and ``high``, when given, are its plausible values (``--ranges``)."""

    name: str
    label: Phrase
    value: Phrase
    source: Source | None = None
    note: Phrase | None = None
    low: str | None = None
    high: str | None = None
    range_note: Phrase | None = None

    @property
    def assumed(self) -> bool:
        """Whether no source supports the assumption."""
        return self.source is None

    @property
    def applied(self) -> bool:
        """Whether the model reads the value (a period, a speed, a cost...)."""
        return self.name in APPLIED


@attrs.frozen
class Figure:
    """A published figure to reproduce: its ``id``, the ``measure`` computing the
    model's figure, its label in both languages, the ``published`` value (``None``: a
    figure that follows from the assumptions, not published), its ``source``, the
    ``tolerance`` of a match (a share), the descriptive assumptions it ``uses`` and a
    ``note``."""

    id: str
    measure: str
    label: Phrase
    published: float | None = None
    source: Source | None = None
    tolerance: float = 0.0
    uses: tuple[str, ...] = ()
    note: Phrase | None = None

    @property
    def unit(self) -> str | None:
        """The unit of the figure (``None`` for a count)."""
        return MEASURES[self.measure].unit

    @property
    def assumptions(self) -> tuple[str, ...]:
        """The names of the assumptions the figure rests on, in order, each once."""
        return tuple(dict.fromkeys((*self.uses, *MEASURES[self.measure].inputs)))


@attrs.frozen
class Scenario:
    """A reproduction: its ``name``, ``title``, the ``policy`` (a preset's name or a
    policy document), the ``register`` (a CSV file), the day ``on`` which eligibility
    is decided, or the télécentre ``network``; its ``assumptions`` by name and its
    ``figures``. ``folder`` is where the files it names are read from."""

    name: str
    title: Phrase
    assumptions: Mapping[str, Assumption]
    figures: tuple[Figure, ...]
    policy: str | None = None
    register: str | None = None
    on: dt.date | None = None
    network: str | None = None
    folder: Path | None = attrs.field(default=None, eq=False)


def names() -> tuple[str, ...]:
    """The names of the shipped scenarios, sorted."""
    folder = resources.files(_PACKAGE) / "scenarios"
    found = (entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    return tuple(sorted(name.removesuffix(".toml") for name in found))


def load_scenario(source: str | Path) -> Scenario:
    """A shipped scenario by its name (see :func:`names`), or a scenario document file
    (``.toml``); an unknown name is an :class:`~teletravail.errors.UnknownScenarioError`
    that lists the known ones."""
    if isinstance(source, Path) or str(source).lower().endswith(".toml"):
        path = Path(source)
        return read_scenario(path.read_text("utf-8"), path.stem, path.parent)
    known = names()
    if source not in known:
        guess = difflib.get_close_matches(str(source), list(known), n=1, cutoff=0.5)
        raise UnknownScenarioError(
            "scenario", source, choices(known) + did_you_mean(guess[0] if guess else None)
        )
    folder = resources.files(_PACKAGE) / "scenarios"
    text = folder.joinpath(f"{source}.toml").read_text("utf-8")
    return read_scenario(text, source, Path(str(folder)))


def _text(data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            f"{path}{key}", value, Phrase("a non-empty string", "un texte non vide")
        )
    return value


def _phrase(data: Mapping[str, Any], key: str, path: str) -> Phrase:
    value = data.get(key)
    if (
        not isinstance(value, Mapping)
        or set(value) != {"en", "fr"}
        or not all(isinstance(v, str) and v for v in value.values())
    ):
        raise ValidationError(
            f"{path}{key}",
            value,
            Phrase(
                "a table of its English (en) and French (fr)",
                "une table de son anglais (en) et de son français (fr)",
            ),
        )
    return Phrase(value["en"], value["fr"])


def _words(data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> Any:
    """A text in both languages: one string for both, or a table of ``en`` and ``fr``."""
    value = data.get(key)
    if isinstance(value, Mapping):
        return _phrase(data, key, path)
    text = _text(data, key, path, required=required)
    return None if text is None else Phrase(text, text)


def _source(ident: Any, path: str) -> Source:
    try:
        return cited(ident)
    except ValidationError as error:
        raise ValidationError(path, ident, error.expected) from None


def _assumption(name: str, data: Any, path: str) -> Assumption:
    if not isinstance(data, Mapping):
        raise ValidationError(
            path,
            data,
            Phrase("a table (value, source or assumed)", "une table (value, source ou assumed)"),
        )
    known = {"label", "value", "source", "assumed", "note", "range", "range_note"}
    for key in data:
        if key not in known:
            raise ValidationError(f"{path}.{key}", data[key], choices(sorted(known)))
    value = _words(data, "value", f"{path}.")
    sourced, assumed = "source" in data, data.get("assumed") is True
    if sourced == assumed:
        raise ValidationError(
            f"{path}.source",
            data.get("source"),
            Phrase(
                "either a source of the catalogue or assumed = true",
                "soit une source du catalogue, soit assumed = true",
            ),
        )
    source = _source(data["source"], f"{path}.source") if sourced else None
    bounds = data.get("range")
    if bounds is not None and not (
        isinstance(bounds, list) and len(bounds) == 2 and all(isinstance(b, str) for b in bounds)
    ):
        raise ValidationError(
            f"{path}.range", bounds, Phrase("[low, high], two values", "[bas, haut], deux valeurs")
        )
    low, high = bounds if bounds is not None else (None, None)
    return Assumption(
        name=name,
        label=_phrase(data, "label", f"{path}."),
        value=value,
        source=source,
        note=_words(data, "note", f"{path}.", required=False),
        low=low,
        high=high,
        range_note=_words(data, "range_note", f"{path}.", required=False),
    )


def _share(value: Any, path: str) -> float:
    text = str(value).strip()
    try:
        share = float(text.removesuffix("%").strip()) / 100
    except ValueError:
        share = -1.0
    if not text.endswith("%") or not 0 <= share <= 1:
        raise ValidationError(
            path,
            value,
            Phrase("a share in percent, such as '1 %'", "une part en pour cent, par exemple '1 %'"),
        )
    return share


def _published(value: Any, measure: str, path: str) -> float | None:
    if value is None:
        return None
    unit = MEASURES[measure].unit
    if unit is None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(
                path, value, Phrase("a count, a whole number", "un effectif, un nombre entier")
            )
        return float(value)
    from teletravail.units import Q_, as_quantity

    dimension = str(Q_(1, unit).dimensionality)
    return float(as_quantity(value, field=path, dimension=dimension).m_as(unit))


def _figure(data: Any, path: str, assumptions: Mapping[str, Assumption]) -> Figure:
    if not isinstance(data, Mapping):
        raise ValidationError(path, data, Phrase("a table", "une table"))
    known = {"id", "measure", "label", "published", "source", "tolerance", "uses", "note"}
    for key in data:
        if key not in known:
            raise ValidationError(f"{path}.{key}", data[key], choices(sorted(known)))
    measure = _text(data, "measure", f"{path}.")
    if measure not in MEASURES:
        raise ValidationError(f"{path}.measure", measure, choices(tuple(MEASURES)))
    uses = data.get("uses", [])
    if not isinstance(uses, list) or not all(isinstance(u, str) for u in uses):
        raise ValidationError(f"{path}.uses", uses, Phrase("a list of names", "une liste de noms"))
    published = _published(data.get("published"), measure, f"{path}.published")
    figure = Figure(
        id=_text(data, "id", f"{path}."),
        measure=measure,
        label=_phrase(data, "label", f"{path}."),
        published=published,
        source=None if published is None else _source(data.get("source"), f"{path}.source"),
        tolerance=0.0 if published is None else _share(data.get("tolerance"), f"{path}.tolerance"),
        uses=tuple(uses),
        note=_phrase(data, "note", f"{path}.") if "note" in data else None,
    )
    for name in (*figure.assumptions, *MEASURES[measure].needs):
        if name not in assumptions:
            raise ValidationError(
                f"assumptions.{name}",
                None,
                Phrase(
                    "the assumption {name}, which figure {figure} rests on (missing)",
                    "l'hypothèse {name}, sur laquelle repose le chiffre {figure} (absente)",
                    name=name,
                    figure=figure.id,
                ),
            )
    return figure


def read_scenario(text: str, name: str, folder: Path | None = None) -> Scenario:
    """A scenario from its TOML ``text`` (``name`` names it, ``folder`` is where the
    files it names are read from); every problem is a
    :class:`~teletravail.errors.ValidationError` naming its key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError(
            name, str(error), Phrase("a TOML document", "un document TOML")
        ) from None
    if data.get("format") != SCENARIO_FORMAT or data.get("version") != SCENARIO_VERSION:
        raise ValidationError(
            "format",
            data.get("format"),
            Phrase(
                "format = {format!r} and version = {version}",
                "format = {format!r} et version = {version}",
                format=SCENARIO_FORMAT,
                version=SCENARIO_VERSION,
            ),
        )
    known = {
        "format",
        "version",
        "title",
        "policy",
        "register",
        "on",
        "network",
        "assumptions",
        "figures",
    }
    for key in data:
        if key not in known:
            raise ValidationError(key, data[key], choices(sorted(known)))
    raw = data.get("assumptions", {})
    if not isinstance(raw, Mapping):
        raise ValidationError("assumptions", raw, Phrase("a table", "une table"))
    assumptions = {key: _assumption(key, value, f"assumptions.{key}") for key, value in raw.items()}
    rows = data.get("figures")
    if not isinstance(rows, list) or not rows:
        raise ValidationError("figures", rows, Phrase("a list of figures", "une liste de chiffres"))
    figures = tuple(_figure(row, f"figures[{i}]", assumptions) for i, row in enumerate(rows))
    bases = {MEASURES[figure.measure].basis for figure in figures}
    on = data.get("on")
    if "assessment" in bases:
        for key in ("policy", "register"):
            _text(data, key, "")
        if isinstance(on, str):
            on = dt.date.fromisoformat(on)
        if not isinstance(on, dt.date):
            raise ValidationError("on", on, Phrase("a date", "une date"))
    if bases & {"network", "economics"}:
        _text(data, "network", "")
    return Scenario(
        name=name,
        title=_phrase(data, "title", ""),
        assumptions=assumptions,
        figures=figures,
        policy=data.get("policy"),
        register=data.get("register"),
        on=on,
        network=data.get("network"),
        folder=folder,
    )
