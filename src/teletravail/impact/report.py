"""Impact reports: per-agent columns, totals in units, breakdowns, comparisons, plots."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail import formats
from teletravail._columns import frozen
from teletravail.display import (
    amount,
    card,
    count,
    grid,
    new_figure,
    number_ticks,
    resolve,
    unit_label,
)
from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import COLON, Lang, Phrase
from teletravail.units import Q_
from teletravail.workforce import CommuteMode
from teletravail.workforce.summary import mode_word

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.units import Quantity

    from .commute import Assumptions

__all__ = ["ImpactReport", "compare", "plot_scenarios"]

_MODES: tuple[CommuteMode, ...] = tuple(CommuteMode)

# the quantity columns of to_pandas: plain name -> (pint name, unit)
_PANDAS_QUANTITIES = {
    "days_workday": ("days", "workday"),
    "telecentre_days_workday": ("telecentre_days", "workday"),
    "distance_km": ("distance", "km"),
    "time_h": ("time", "hour"),
    "gross_kg_co2e": ("gross", "kg CO2e"),
    "rebound_kg_co2e": ("rebound", "kg CO2e"),
    "net_kg_co2e": ("net", "kg CO2e"),
    "money_eur": ("money", "EUR"),
}


def _optional_frozen(array: npt.NDArray[Any] | None) -> npt.NDArray[Any] | None:
    return None if array is None else frozen(array)


@attrs.frozen(kw_only=True, eq=False)
class ImpactReport:
    """The impact of telework for a workforce, one row per agent, with totals.

    Columns (read-only arrays): ``days`` and ``telecentre_days`` (workdays), ``km``
    avoided, ``hours`` saved, ``gross_kg``, ``rebound_kg`` (kg CO2e), ``eur`` (or None
    without a cost per km) and ``unknown_distance`` (agents whose distance is unknown
    count zero, and are counted here), ``unknown_telecentre`` (agents with télécentre
    days whose distance to it is unknown: no trip to it is subtracted).
    """

    label: str
    on: dt.date
    ids: npt.NDArray[np.str_] = attrs.field(converter=frozen)
    modes: npt.NDArray[np.int8] = attrs.field(converter=frozen)
    days: npt.NDArray[np.float64] = attrs.field(converter=frozen)
    telecentre_days: npt.NDArray[np.float64] = attrs.field(converter=frozen)
    km: npt.NDArray[np.float64] = attrs.field(converter=frozen)
    hours: npt.NDArray[np.float64] = attrs.field(converter=frozen)
    gross_kg: npt.NDArray[np.float64] = attrs.field(converter=frozen)
    rebound_kg: npt.NDArray[np.float64] = attrs.field(converter=frozen)
    eur: npt.NDArray[np.float64] | None = attrs.field(converter=_optional_frozen)
    unknown_distance: npt.NDArray[np.bool_] = attrs.field(converter=frozen)
    assumptions: Assumptions
    unknown_telecentre: npt.NDArray[np.bool_] | None = attrs.field(
        default=None, converter=_optional_frozen
    )

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def net_kg(self) -> npt.NDArray[np.float64]:
        """Net avoided emissions per agent, kg CO2e (gross less rebound)."""
        result: npt.NDArray[np.float64] = self.gross_kg - self.rebound_kg
        return result

    # -- totals, in units -----------------------------------------------------------------

    def totals(self) -> dict[str, Quantity | int]:
        """Totals: ``days`` (workday), ``distance`` (km), ``time`` (h) and ``time_days``
        (days of 24 h), ``gross``, ``rebound`` and ``net`` (t CO2e), ``money`` (EUR, if
        priced), and the numbers of agents with an ``unknown_distance`` and with an
        ``unknown_telecentre`` distance."""
        hours = float(np.sum(self.hours))
        gross = float(np.sum(self.gross_kg))
        if _all_positive_zeros(self.rebound_kg):  # gross - 0.0 is gross, to the bit
            rebound, net = 0.0, gross
        else:
            rebound, net = float(np.sum(self.rebound_kg)), float(np.sum(self.net_kg))
        found: dict[str, Quantity | int] = {
            "agents": len(self),
            "days": Q_(float(np.sum(self.days)), "workday"),
            "distance": Q_(float(np.sum(self.km)), "km"),
            "time": Q_(hours, "hour"),
            "time_days": Q_(hours / 24, "day"),
            "gross": Q_(gross / 1000, "t CO2e"),
            "rebound": Q_(rebound / 1000, "t CO2e"),
            "net": Q_(net / 1000, "t CO2e"),
            "unknown_distance": _count(self.unknown_distance),
            "unknown_telecentre": 0
            if self.unknown_telecentre is None
            else _count(self.unknown_telecentre),
        }
        if self.eur is not None:
            found["money"] = Q_(round(float(np.sum(self.eur)), 2), "EUR")
        return found

    def _sums(self, mask: npt.NDArray[np.bool_]) -> dict[str, Quantity]:
        found = {
            "days": Q_(float(self.days[mask].sum()), "workday"),
            "distance": Q_(float(self.km[mask].sum()), "km"),
            "time": Q_(float(self.hours[mask].sum()), "hour"),
            "gross": Q_(float(self.gross_kg[mask].sum()) / 1000, "t CO2e"),
            "rebound": Q_(float(self.rebound_kg[mask].sum()) / 1000, "t CO2e"),
            "net": Q_(float(self.net_kg[mask].sum()) / 1000, "t CO2e"),
        }
        if self.eur is not None:
            found["money"] = Q_(round(float(self.eur[mask].sum()), 2), "EUR")
        return found

    def by_mode(self) -> dict[str, dict[str, Quantity]]:
        """Every total, per commuting mode present."""
        return {
            _MODES[int(code)].value: self._sums(self.modes == code)
            for code in np.unique(self.modes)
        }

    def by_place(self) -> dict[str, Quantity]:
        """Telework days at home and at a télécentre."""
        centre = float(self.telecentre_days.sum())
        return {
            "home": Q_(float(self.days.sum()) - centre, "workday"),
            "telecentre": Q_(centre, "workday"),
        }

    # -- output -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: totals (value and unit), breakdowns, the assumptions."""

        def plain(value: Quantity | int) -> Any:
            if isinstance(value, int):
                return value
            return {"value": float(value.magnitude), "unit": _label(value)}

        return {
            "schema": "teletravail.impact.report",
            "schema_version": 1,
            "label": self.label,
            "on": self.on.isoformat(),
            "totals": {k: plain(v) for k, v in self.totals().items()},
            "by_mode": {m: {k: plain(v) for k, v in d.items()} for m, d in self.by_mode().items()},
            "by_place": {k: plain(v) for k, v in self.by_place().items()},
            "assumptions": {
                "speed": plain(self.assumptions.speed),
                "cost_per_km": None
                if self.assumptions.cost_per_km is None
                else plain(self.assumptions.cost_per_km),
                "rebound": self.assumptions.rebound.kind.value,
                "factors": "ADEME (impactco2)" if self.assumptions.factors is None else "given",
            },
        }

    def __repr__(self) -> str:
        label = f" {self.label!r}" if self.label else ""
        return f"<ImpactReport{label} on {self.on}: {len(self)} agents>"

    def to_html(self, lang: Lang | None = None) -> str:
        """The totals as a small HTML display, numbers rounded for people and modes in
        words, in English or French (``None``: the language of
        :mod:`teletravail.display`): what a notebook shows."""
        lang = resolve(lang)
        totals = self.totals()
        rows = [
            (_TEXT[key].text(lang), amount(totals[key], lang))
            for key in ("days", "distance", "time", "gross", "rebound", "net", "money")
            if key in totals
        ]
        unknown = totals["unknown_distance"]
        if unknown:
            rows.append((_TEXT["unknown_distance"].text(lang), count(int(unknown), lang)))
        modes = grid(
            [_TEXT["mode"].text(lang), _TEXT["net"].text(lang)],
            [
                (mode_word(mode, lang), amount(sums["net"], lang))
                for mode, sums in self.by_mode().items()
            ],
            numeric=(False, True),
        )
        subtitle = f"{formats.date(self.on, lang)}, {count(len(self), lang)} agents"
        title = self.label or _TEXT["title"].text(lang)
        return card(title, rows, subtitle=subtitle, parts=[modes] if len(self) else [])

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per agent, columns named with their unit (the ``pandas`` extra), or
        pint-pandas columns with ``units="pint"`` (see :mod:`teletravail.tables`)."""
        data: dict[str, Any] = {
            "id": self.ids,
            "mode": [_MODES[int(c)].value for c in self.modes],
            "days_workday": self.days,
            "telecentre_days_workday": self.telecentre_days,
            "distance_km": self.km,
            "time_h": self.hours,
            "gross_kg_co2e": self.gross_kg,
            "rebound_kg_co2e": self.rebound_kg,
            "net_kg_co2e": self.net_kg,
            "unknown_distance": self.unknown_distance,
        }
        if self.eur is not None:
            data["money_eur"] = self.eur
        return quantity_frame(data, _PANDAS_QUANTITIES, units)

    def plot(self, ax: Any = None, lang: Lang | None = None) -> Any:
        """A bar chart of net avoided emissions per commuting mode, modes in words (the
        ``plot`` extra: matplotlib); returns the figure. It never changes matplotlib's
        backend: the figure is drawn on ``ax`` or is a new
        :class:`matplotlib.figure.Figure`."""
        lang = resolve(lang)
        figure, axes = new_figure(ax)
        modes = self.by_mode()
        names = [mode_word(mode, lang) for mode in modes]
        axes.bar(names, [v["net"].m_as("t CO2e") for v in modes.values()])
        axes.set_ylabel(unit_label(_TEXT["net"].text(lang), "t CO2e"))
        axes.set_xlabel(_TEXT["mode"].text(lang))
        number_ticks(axes.yaxis, lang)
        axes.tick_params(axis="x", labelrotation=20)
        title = self.label or _TEXT["title"].text(lang)
        axes.set_title(
            f"{title}{COLON[lang]} {_TEXT['by_mode'].text(lang)}\n"
            f"{formats.date(self.on, lang)}, {count(len(self), lang)} agents"
        )
        return figure


#: The words of the report's displays and figures.
_TEXT: Final[dict[str, Phrase]] = {
    "title": Phrase("Telework impact", "Impact du télétravail"),
    "by_mode": Phrase(
        "net emissions avoided by commuting mode", "émissions nettes évitées par mode"
    ),
    "days": Phrase("telework days", "jours de télétravail"),
    "distance": Phrase("commuting avoided", "trajets évités"),
    "time": Phrase("commuting time saved", "temps de trajet gagné"),
    "gross": Phrase("gross emissions avoided", "émissions brutes évitées"),
    "rebound": Phrase("rebound emissions", "émissions de l'effet rebond"),
    "net": Phrase("net emissions avoided", "émissions nettes évitées"),
    "money": Phrase("commuting costs saved", "frais de trajet économisés"),
    "unknown_distance": Phrase("agents of unknown distance", "agents à distance inconnue"),
    "mode": Phrase("commuting mode", "mode de déplacement"),
    "scenario": Phrase("scenario", "scénario"),
    "scenarios": Phrase(
        "net emissions avoided by scenario and commuting mode",
        "émissions nettes évitées par scénario et par mode",
    ),
}


def _repeated(column: npt.NDArray[Any]) -> bool:
    """Whether every row of a column is the same element in memory (a broadcast value,
    as the report's all-zero columns are): one row then tells about all."""
    return column.ndim == 1 and len(column) > 0 and column.strides == (0,)


def _all_positive_zeros(column: npt.NDArray[Any]) -> bool:
    """Whether a float64 column holds only +0.0 (its bits all clear): at most one pass,
    no temporary, where ``gross - rebound`` would build a whole column to sum it."""
    if column.dtype != np.float64:
        return False
    bits = column.view(np.int64)
    return not (bits[:1] if _repeated(column) else bits).any()


def _count(column: npt.NDArray[np.bool_]) -> int:
    """The true rows of a boolean column."""
    if _repeated(column):
        return len(column) if column[0] else 0
    return int(np.count_nonzero(column))


def _label(value: Quantity) -> str:
    """A unit as people write it: ``t CO2e``, ``day (24 h)``, ``km``."""
    text = f"{value.units:~}"
    return {"CO2e * t": "t CO2e", "CO2e * kg": "kg CO2e", "d": "day (24 h)"}.get(text, text)


def compare(first: ImpactReport, second: ImpactReport) -> dict[str, dict[str, Any]]:
    """Totals of two scenarios side by side, keyed by their labels, with the difference
    (second − first). The labels must differ (and not be ``difference``)."""
    if not isinstance(first, ImpactReport) or not isinstance(second, ImpactReport):
        raise ValidationError(
            "compare", (first, second), Phrase("two ImpactReports", "deux objets ImpactReport")
        )
    names = {first.label or "first", second.label or "second", "difference"}
    if len(names) != 3:
        raise ValidationError(
            "label",
            second.label,
            Phrase("two scenarios with different labels", "deux scénarios aux libellés différents"),
        )
    a, b = first.totals(), second.totals()
    table: dict[str, dict[str, Any]] = {}
    for key in a:
        if key not in b:
            continue
        table[key] = {
            first.label or "first": a[key],
            second.label or "second": b[key],
            "difference": b[key] - a[key],
        }
    return table


def plot_scenarios(reports: list[ImpactReport], ax: Any = None, lang: Lang | None = None) -> Any:
    """Net avoided emissions of several scenarios side by side, stacked by mode (the
    ``plot`` extra: matplotlib), modes in words; returns the figure, drawn on ``ax`` or a
    new :class:`matplotlib.figure.Figure` (the backend is never changed)."""
    if (
        not isinstance(reports, list | tuple)
        or not reports
        or not all(isinstance(r, ImpactReport) for r in reports)
    ):
        raise ValidationError(
            "reports",
            reports,
            Phrase("a non-empty list of ImpactReports", "une liste non vide d'objets ImpactReport"),
        )
    lang = resolve(lang)
    figure, axes = new_figure(ax)
    labels = [r.label or f"{_TEXT['scenario'].text(lang)} {i + 1}" for i, r in enumerate(reports)]
    modes = [m for m in _MODES if any(m.value in r.by_mode() for r in reports)]
    bottom = np.zeros(len(reports))
    for mode in modes:
        values = np.array(
            [
                r.by_mode().get(mode.value, {}).get("net", Q_(0, "t CO2e")).m_as("t CO2e")
                for r in reports
            ]
        )
        axes.bar(labels, values, bottom=bottom, label=mode_word(mode, lang))
        bottom += values
    axes.set_ylabel(unit_label(_TEXT["net"].text(lang), "t CO2e"))
    axes.set_xlabel(_TEXT["scenario"].text(lang))
    number_ticks(axes.yaxis, lang)
    days = sorted({r.on for r in reports})
    when = ", ".join(formats.date(day, lang) for day in days)
    agents = sorted({len(r) for r in reports})
    population = ", ".join(count(n, lang) for n in agents)
    axes.set_title(f"{_TEXT['scenarios'].text(lang)}\n{when}, {population} agents")
    axes.legend(title=_TEXT["mode"].text(lang))
    return figure
