"""Report-ready figures (the ``plot`` extra: matplotlib), in English or French.

Every figure is a :class:`matplotlib.figure.Figure` built without pyplot, so that no
backend is ever chosen or changed (a notebook shows it, ``figure.savefig`` writes PNG
or SVG), with constrained layout so that no label overlaps another. Its title names
the policy, the period and the population; its axes say their units; codes are shown
as words (``voiture thermique``, « fonctions exclues »). ``lang=None`` is the language
of :mod:`teletravail.display`.

* :func:`totals_by_group`: a measure (agents granted, days, allowance...) by group, as
  :func:`teletravail.tables.totals_by` counts it;
* :func:`distributions`: how the telework days and the allowances spread over the
  agents granted telework;
* :func:`refusals`: the criteria and the rules that refuse most agents;
* :func:`scenarios`: a measure for N policies or a sweep's variants;
* :func:`occupancy`: the desks used in each télécentre, weekday by weekday.

The figures read the same figures as the tables: a bar of :func:`totals_by_group` is a
cell of :func:`~teletravail.tables.totals_by`, and the bars add up to
:meth:`BatchAssessment.totals <teletravail.policy.BatchAssessment.totals>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from teletravail import formats, tables
from teletravail.display import count, new_figure, number_ticks, resolve, unit_label
from teletravail.errors import ValidationError
from teletravail.explain.names import rule_name
from teletravail.explain.patterns import WEEKDAY_NAMES
from teletravail.messages import COLON, Lang, Phrase, choices
from teletravail.policy.displays import caption
from teletravail.policy.statuses import GRANTED
from teletravail.statuses import RowStatus
from teletravail.workforce.summary import mode_word

if TYPE_CHECKING:
    from teletravail.policy import BatchAssessment
    from teletravail.scheduling.booking import Bookings
    from teletravail.sweep import Sweep

__all__ = ["MEASURES", "distributions", "occupancy", "refusals", "scenarios", "totals_by_group"]

#: What a bar can measure: its column of the tables, its name, and its unit (``None``:
#: a count of agents).
MEASURES: Final[dict[str, tuple[str, Phrase, str | None]]] = {
    "agents": ("agents", Phrase("agents", "agents"), None),
    "eligible": ("eligible", Phrase("agents eligible", "agents éligibles"), None),
    "granted": ("granted", Phrase("agents granted telework", "agents en télétravail"), None),
    "refused": ("refused", Phrase("asks refused", "demandes refusées"), None),
    "days": ("days_workday", Phrase("telework days", "jours de télétravail"), "workday"),
    "allowance": ("allowance_eur", Phrase("allowance paid", "indemnités versées"), "€"),
    "distance": ("distance_km", Phrase("commuting avoided", "trajets évités"), "km"),
    "net": ("net_kg_co2e", Phrase("net emissions avoided", "émissions nettes évitées"), "kg CO2e"),
}

#: The columns of :func:`teletravail.tables.comparison` that :func:`scenarios` reads,
#: and their units on the axis.
_COMPARED: Final[dict[str, tuple[str, str | None]]] = {
    "agents": ("agents", None),
    "eligible": ("eligible", None),
    "granted": ("granted", None),
    "refused": ("refused", None),
    "days": ("days_workday", "workday"),
    "allowance": ("allowance_eur", "€"),
    "distance": ("impact_distance_km", "km"),
    "net": ("impact_net_t_co2e", "t CO2e"),
}

_TEXT: Final[dict[str, Phrase]] = {
    "by": Phrase("{measure} by {group}", "{measure} par {group}"),
    "not_stated": Phrase("not stated", "non renseigné"),
    "agents_count": Phrase("agents", "agents"),
    "days_hist": Phrase("telework days per agent", "jours de télétravail par agent"),
    "paid_hist": Phrase("allowance per agent", "indemnité par agent"),
    "spread": Phrase(
        "spread over the agents granted telework",
        "répartition entre les agents en télétravail",
    ),
    "refusals": Phrase(
        "the criteria and rules that refuse most agents",
        "les critères et règles qui écartent le plus d'agents",
    ),
    "refused_agents": Phrase("agents refused by the rule", "agents écartés par la règle"),
    "rule": Phrase("criterion or rule", "critère ou règle"),
    "scenarios": Phrase("{measure} by scenario", "{measure} par scénario"),
    "scenario": Phrase("scenario", "scénario"),
    "variants": Phrase("variants of {name}", "variantes de {name}"),
    "occupancy": Phrase("télécentre occupancy", "occupation des télécentres"),
    "desks": Phrase("desks used on average", "postes occupés en moyenne"),
    "weekday": Phrase("weekday", "jour de la semaine"),
    "requests": Phrase("{n} desk requests", "{n} demandes de poste"),
    "capacity": Phrase("{centre}: {desks} desks", "{centre}\u00a0: {desks} postes"),
    "nothing": Phrase("nothing to show", "rien à montrer"),
}

#: The groups' names in a figure's title.
_GROUPS: Final[dict[str, Phrase]] = {
    "role": Phrase("role", "fonction"),
    "establishment": Phrase("establishment", "établissement"),
    "contract_type": Phrase("contract type", "type de contrat"),
    "category": Phrase("category", "catégorie"),
    "commute_mode": Phrase("commuting mode", "mode de déplacement"),
    "population": Phrase("population", "population"),
    "status": Phrase("status", "statut"),
}


def _say(key: str, lang: Lang, **parts: str) -> str:
    phrase = _TEXT[key]
    return Phrase(phrase, phrase.text("fr"), **parts).text(lang) if parts else phrase.text(lang)


def _measure(measure: str) -> tuple[str, Phrase, str | None]:
    found = MEASURES.get(measure)
    if found is None:
        raise ValidationError("measure", measure, choices(tuple(MEASURES)))
    return found


def _axis(measure: str, lang: Lang) -> str:
    _, name, unit = _measure(measure)
    return name.text(lang) if unit is None else unit_label(name.text(lang), _unit(unit, lang))


def _unit(unit: str, lang: Lang) -> str:
    return {"workday": {"en": "days", "fr": "jours"}}.get(unit, {}).get(lang, unit)


def _group_word(by: Any, lang: Lang) -> str:
    if isinstance(by, str):
        phrase = _GROUPS.get(by)
        return phrase.text(lang) if phrase is not None else by
    return {"en": "group", "fr": "groupe"}[lang]


def _group_label(value: str, by: Any, lang: Lang) -> str:
    if not value:
        return _say("not_stated", lang)
    if by == "commute_mode":
        return mode_word(value, lang)
    if by == "status":
        return RowStatus(value).label.text(lang)
    return value


def _title(axes: Any, head: str, batch: BatchAssessment, lang: Lang) -> None:
    axes.set_title(f"{head}\n{caption(batch, lang)}")


def totals_by_group(
    batch: BatchAssessment,
    by: Any,
    measure: str = "granted",
    *,
    lang: Lang | None = None,
    name: str | None = None,
    ax: Any = None,
) -> Any:
    """A measure (:data:`MEASURES`: ``granted``, ``days``, ``allowance``...) by group,
    one horizontal bar per group, largest first; ``by`` as in
    :func:`teletravail.tables.totals_by` (``name`` names a group given as values);
    groups in words (a commuting mode, a status). Returns the figure."""
    lang = resolve(lang)
    column = _measure(measure)[0]
    frame = tables.totals_by(batch, by)
    key = frame.columns[0]
    frame = frame.sort_values([column, key], ascending=[True, False], kind="stable")
    figure, axes = new_figure(ax, (7.0, max(3.0, 0.35 * len(frame) + 1.5)))
    labels = [_group_label(str(v), by, lang) for v in frame[key]]
    axes.barh(labels, frame[column].to_numpy(dtype=float))
    axes.set_xlabel(_axis(measure, lang))
    number_ticks(axes.xaxis, lang, whole=_measure(measure)[2] is None)
    group = name or _group_word(by, lang)
    axes.set_ylabel(group)
    head = _say("by", lang, measure=_measure(measure)[1].text(lang), group=group)
    _title(axes, head, batch, lang)
    return figure


def distributions(batch: BatchAssessment, *, lang: Lang | None = None, bins: int = 20) -> Any:
    """Two histograms over the agents granted telework: their telework days over the
    period, and the allowance paid to each. Returns the figure."""
    lang = resolve(lang)
    figure, _ = new_figure(None, (9.0, 4.0))
    figure.clear()
    days_axes, paid_axes = figure.subplots(1, 2)
    granted = batch.status == GRANTED
    days = batch.days[granted]
    paid = batch.allowance_cents[granted] / 100
    days_axes.hist(days, bins=bins)
    days_axes.set_xlabel(unit_label(_say("days_hist", lang), _unit("workday", lang)))
    days_axes.set_ylabel(_say("agents_count", lang))
    paid_axes.hist(paid, bins=bins)
    paid_axes.set_xlabel(unit_label(_say("paid_hist", lang), "€"))
    paid_axes.set_ylabel(_say("agents_count", lang))
    for axes in (days_axes, paid_axes):
        number_ticks(axes.xaxis, lang)
        number_ticks(axes.yaxis, lang, whole=True)
    figure.suptitle(f"{_say('spread', lang).capitalize()}\n{caption(batch, lang)}")
    return figure


def refusals(
    batch: BatchAssessment, *, lang: Lang | None = None, top: int = 10, ax: Any = None
) -> Any:
    """The eligibility criteria and the rules of the quota and the places that refuse
    most agents, by their names, largest first (at most ``top``); an agent counts under
    each rule in their way. Returns the figure."""
    lang = resolve(lang)
    counts = dict(batch.decisions.failure_counts())
    for code, n in batch.refusal_counts().items():
        counts[code] = counts.get(code, 0) + n
    ranked = sorted((item for item in counts.items() if item[1]), key=lambda i: (-i[1], i[0]))
    ranked = ranked[:top][::-1]
    figure, axes = new_figure(ax, (7.0, max(3.0, 0.4 * len(ranked) + 1.5)))
    axes.barh([rule_name(code).text(lang) for code, _ in ranked], [n for _, n in ranked])
    axes.set_xlabel(_say("refused_agents", lang))
    number_ticks(axes.xaxis, lang, whole=True)
    axes.set_ylabel(_say("rule", lang))
    _title(axes, _say("refusals", lang).capitalize(), batch, lang)
    return figure


def scenarios(
    compared: Sequence[BatchAssessment] | Sweep,
    measure: str = "granted",
    *,
    lang: Lang | None = None,
    ax: Any = None,
) -> Any:
    """A measure (:data:`MEASURES`) for N scenarios side by side: assessments of
    several policies on one workforce, or a sweep's variants (each labelled by the
    values it tries). The values are those of :func:`teletravail.tables.comparison`
    and :func:`teletravail.tables.variants`. Returns the figure."""
    lang = resolve(lang)
    name = _measure(measure)[1]
    if hasattr(compared, "keys") and hasattr(compared, "policies"):
        frame = tables.variants(compared)  # type: ignore[arg-type]
        labels = list(frame["variant"])
        base = compared.policies[0].name if compared.policies else ""
        agents = int(frame["agents"].iloc[0]) if len(frame) else 0
        who = _say("variants", lang, name=base)
        start, end = getattr(compared, "start", None), getattr(compared, "end", None)
    else:
        frame = tables.comparison(compared)
        labels = list(frame["policy"])
        agents = int(frame["agents"].iloc[0])
        who = ", ".join(dict.fromkeys(labels))
        start, end = frame["start"].iloc[0], frame["end"].iloc[0]
    column, unit = _COMPARED[measure]
    unit = None if unit is None else _unit(unit, lang)
    values = frame[column].to_numpy(dtype=float)
    figure, axes = new_figure(ax)
    positions = np.arange(len(labels))
    axes.bar(positions, values)
    axes.set_xticks(positions, labels, rotation=15 if len(labels) > 3 else 0, ha="right")
    axes.set_ylabel(name.text(lang) if unit is None else unit_label(name.text(lang), unit))
    axes.set_xlabel(_say("scenario", lang))
    number_ticks(axes.yaxis, lang, whole=unit is None)
    when = f"{formats.period(start, end, lang)}, " if start is not None and end is not None else ""
    people = f"{count(agents, lang)} agents"
    head = _say("scenarios", lang, measure=name.text(lang))
    axes.set_title(f"{head.capitalize()}\n{who}{COLON[lang]} {when}{people}")
    return figure


def occupancy(bookings: Bookings, *, lang: Lang | None = None, ax: Any = None) -> Any:
    """The desks used in each télécentre of a network, on average for each weekday it
    opens over the days requested (:meth:`Bookings.occupancy_by_weekday
    <teletravail.scheduling.booking.Bookings.occupancy_by_weekday>`), one group of bars
    per weekday, the centres' desks in the legend. Returns the figure."""
    lang = resolve(lang)
    used = bookings.occupancy_by_weekday()
    network = bookings.network
    days = [r.day for r in bookings.requests]
    weekdays = sorted({d for centre in network.centres for d in centre.open_weekdays}) or list(
        range(5)
    )
    figure, axes = new_figure(ax, (8.0, 4.5))
    width = 0.8 / max(1, len(network.centres))
    english = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for index, centre in enumerate(network.centres):
        means = [used.get(centre.name, {}).get(english[d], 0.0) for d in weekdays]
        label = _say("capacity", lang, centre=centre.name, desks=count(centre.desks, lang))
        axes.bar(np.arange(len(weekdays)) + index * width, means, width, label=label)
    axes.set_xticks(
        np.arange(len(weekdays)) + width * (len(network.centres) - 1) / 2,
        [WEEKDAY_NAMES[lang][d] for d in weekdays],
    )
    axes.set_xlabel(_say("weekday", lang))
    axes.set_ylabel(_say("desks", lang))
    number_ticks(axes.yaxis, lang)
    axes.legend(fontsize="small")
    when = formats.period(min(days), max(days), lang) if days else _say("nothing", lang)
    requests = _say("requests", lang, n=count(len(bookings), lang))
    axes.set_title(
        f"{_say('occupancy', lang).capitalize()}{COLON[lang]} {network.name}\n{when}, {requests}"
    )
    return figure
