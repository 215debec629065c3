"""What a bilan says, gathered from an assessment and written in words: the totals, the
tables by group, the figures, the assumptions, the sources and the rows in error.

:func:`bilan_context` gives the data a bilan template lays out (see
:mod:`.rendering`): every number, amount and date already written by
:mod:`teletravail.formats` in the bilan's language, every status and rule by its name,
every source as :meth:`Source.cite <teletravail.sources.Source.cite>` cites it. The
wording around them is the template's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from teletravail.explain.names import rule_name
from teletravail.formats import date, money, number, period, quantity
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.sources import Source
from teletravail.statuses import RowStatus
from teletravail.workforce import CommuteMode

from .figures import bar_figure, data_uri, histogram_figure, svg
from .groups import GROUPINGS, GroupRow, group_rows

if TYPE_CHECKING:
    from teletravail.policy import BatchAssessment

__all__ = ["ERRORS_SHOWN", "MODE_WORDS", "bilan_context", "policy_sources"]

#: The rows in error a bilan lists one by one by default; it counts the others.
ERRORS_SHOWN: Final = 1000
#: The groups of a bar figure, at most (the largest).
_GROUPS_DRAWN: Final = 12

#: The commute modes in words, as a bilan's assumptions name them.
MODE_WORDS: Final[Mapping[CommuteMode, Phrase]] = {
    CommuteMode.CAR_THERMAL: Phrase("car with a combustion engine", "voiture thermique"),
    CommuteMode.CAR_ELECTRIC: Phrase("electric car", "voiture électrique"),
    CommuteMode.BUS: Phrase("bus", "bus"),
    CommuteMode.TRAIN_REGIONAL: Phrase("regional train", "train régional (TER)"),
    CommuteMode.TRAM: Phrase("tram", "tramway"),
    CommuteMode.MOTORBIKE: Phrase("motorbike", "deux-roues motorisé"),
    CommuteMode.BIKE: Phrase("bike", "vélo"),
    CommuteMode.WALKING: Phrase("walking", "marche"),
}
_REBOUND: Final[Mapping[str, Phrase]] = {
    "none": Phrase("none counted", "aucun n'est compté"),
    "ademe_trips": Phrase(
        "the extra errand and school trips, 25 % of the emissions avoided",
        "les déplacements supplémentaires (courses, école), 25\u00a0% des émissions évitées",
    ),
    "ademe_net": Phrase(
        "the net average of all rebound effects, 31 % of the emissions avoided",
        "la moyenne nette de tous les effets rebond, 31\u00a0% des émissions évitées",
    ),
    "per_day": Phrase("{amount} per telework day", "{amount} par jour de télétravail"),
}
_TITLES: Final[Mapping[str, Phrase]] = {
    "statuses": Phrase("What became of each row", "Ce qu'il est advenu de chaque ligne"),
    "rules": Phrase(
        "The rules that refuse most agents", "Les règles qui écartent le plus d'agents"
    ),
    "days": Phrase(
        "Telework days over the period, per agent granted",
        "Jours de télétravail sur la période, par agent bénéficiaire",
    ),
    "allowance": Phrase(
        "Allowance paid over the period, per agent paid",
        "Indemnités versées sur la période, par agent indemnisé",
    ),
    "role": Phrase(
        "Eligible and granted agents by role", "Agents éligibles et bénéficiaires par métier"
    ),
}
_WORDS: Final[Mapping[str, Phrase]] = {
    "subtitle": Phrase("{policy}, {period}, {agents} rows", "{policy}, {period}, {agents} lignes"),
    "agents": Phrase("agents", "agents"),
    "rows": Phrase("rows", "lignes"),
    "agents_refused": Phrase("agents in the way of whom it stands", "agents écartés par la règle"),
    "days_axis": Phrase(
        "telework days over the period (workday)",
        "jours de télétravail sur la période (jour travaillé)",
    ),
    "euros_axis": Phrase(
        "allowance paid over the period (€)", "indemnités versées sur la période (€)"
    ),
    "eligible": Phrase("eligible", "éligibles"),
    "granted": Phrase("granted", "bénéficiaires"),
    "not_given": Phrase("(not given)", "(non renseigné)"),
    "no_population": Phrase("(in no population)", "(dans aucune population)"),
}
#: The statuses in the order a bilan lists them.
_STATUS_ORDER: Final = (
    RowStatus.GRANTED,
    RowStatus.REFUSED,
    RowStatus.NOT_ASKED,
    RowStatus.NOT_SELECTED,
    RowStatus.NOT_ELIGIBLE,
    RowStatus.NOT_CONCERNED,
    RowStatus.INVALID,
    RowStatus.REJECTED,
)


def _sources_in(value: Any, seen: set[int]) -> Iterator[Source]:
    """Every source a value holds, walking its attrs fields, sequences and mappings."""
    if isinstance(value, Source):
        yield value
        return
    if isinstance(value, str | bytes | int | float | bool | dt.date) or value is None:
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.init:
                yield from _sources_in(getattr(value, field.name), seen)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _sources_in(item, seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _sources_in(item, seen)


def policy_sources(policy: Any) -> tuple[Source, ...]:
    """Every source a policy cites (its own, its rules', its quota's, its allowance's,
    its populations', its leave's and its impact's), each once, in the order met."""
    found: dict[Source, None] = {}
    for source in _sources_in(policy, set()):
        found.setdefault(source, None)
    return tuple(found)


def _modes_present(batch: BatchAssessment) -> list[CommuteMode]:
    modes = tuple(CommuteMode)
    return [modes[int(code)] for code in np.unique(batch.workforce.commute_mode)]


def _group_rows(rows: list[GroupRow], by: str, lang: Lang) -> list[dict[str, Any]]:
    missing = _WORDS["no_population" if by == "population" else "not_given"].text(lang)
    return [
        {
            "name": missing if row.name is None else row.name,
            "agents": number(row.agents, lang),
            "eligible": number(row.eligible, lang),
            "granted": number(row.granted, lang),
            "days": number(row.days, lang, 1),
            "allowance": money(row.allowance_cents, lang),
            "net": number(row.net_kg / 1000, lang, 3),
        }
        for row in rows
    ]


def _assumptions(batch: BatchAssessment, lang: Lang) -> dict[str, Any]:
    policy = batch.policy
    impact = policy.impact
    leave = policy.leave
    rebound = impact.rebound
    said = _REBOUND[rebound.kind.value]
    if rebound.per_day is not None:
        said = Phrase(str(said), said.text("fr"), amount=quantity(rebound.per_day, lang))
    factors = []
    for mode in _modes_present(batch):
        entry = impact.factor(mode).entry_as_of(batch.start)
        value = entry.value
        factors.append(
            {
                "mode": MODE_WORDS[mode].text(lang),
                "value": f"{number(float(value.m_as('kg CO2e/km')), lang, 3)} kg CO2e/km",
                "source": None if entry.source is None else entry.source.cite(lang),
            }
        )
    return {
        "leave": leave.describe(lang),
        "leave_source": None if leave.source is None else leave.source.cite(lang),
        "speed": quantity(impact.speed, lang),
        "cost": None if impact.cost_per_km is None else quantity(impact.cost_per_km, lang),
        "rebound": said.text(lang),
        "rebound_source": None if rebound.source is None else rebound.source.cite(lang),
        "factors": factors,
        "factors_on": date(batch.start, lang),
    }


def _figures(
    batch: BatchAssessment, lang: Lang, statuses: list[tuple[str, int]], roles: list[GroupRow]
) -> list[dict[str, str]]:
    policy = batch.policy
    rows = len(batch.workforce) + len(batch.workforce.rejected)
    subtitle = (
        _WORDS["subtitle"]
        .text(lang)
        .format(
            policy=policy.name,
            period=period(batch.start, batch.end, lang),
            agents=number(rows, lang),
        )
    )

    def titled(key: str) -> str:
        return f"{_TITLES[key].text(lang)}\n{subtitle}"

    drawn = [
        (
            "statuses",
            bar_figure(
                titled("statuses"),
                [name for name, _ in statuses],
                [count for _, count in statuses],
                _WORDS["rows"].text(lang),
                lang,
            ),
        )
    ]
    refusals = _refusals(batch, lang)[:_GROUPS_DRAWN]
    if refusals:
        drawn.append(
            (
                "rules",
                bar_figure(
                    titled("rules"),
                    [name for name, _ in refusals],
                    [count for _, count in refusals],
                    _WORDS["agents_refused"].text(lang),
                    lang,
                ),
            )
        )
    granted = batch.days > 0
    if granted.any():
        drawn.append(
            (
                "days",
                histogram_figure(
                    titled("days"),
                    batch.days[granted].tolist(),
                    _WORDS["days_axis"].text(lang),
                    _WORDS["agents"].text(lang),
                    lang,
                ),
            )
        )
    paid = batch.allowance_cents > 0
    if paid.any():
        drawn.append(
            (
                "allowance",
                histogram_figure(
                    titled("allowance"),
                    (batch.allowance_cents[paid] / 100).tolist(),
                    _WORDS["euros_axis"].text(lang),
                    _WORDS["agents"].text(lang),
                    lang,
                ),
            )
        )
    largest = roles[:_GROUPS_DRAWN]
    if largest and any(row.name is not None for row in largest):
        drawn.append(
            (
                "role",
                bar_figure(
                    titled("role"),
                    [row.name or _WORDS["not_given"].text(lang) for row in largest],
                    [row.eligible for row in largest],
                    _WORDS["agents"].text(lang),
                    lang,
                    second=[row.granted for row in largest],
                    legend=(_WORDS["eligible"].text(lang), _WORDS["granted"].text(lang)),
                ),
            )
        )
    found = []
    for key, figure in drawn:
        text = svg(figure)
        found.append({"key": key, "title": titled(key).replace("\n", " — "), "src": data_uri(text)})
    return found


def _refusals(batch: BatchAssessment, lang: Lang) -> list[tuple[str, int]]:
    """The criteria and the rules of the quota in the way, most agents first."""
    from teletravail.policy.populations import NOT_CONCERNED_CODES

    counts = {
        code: n
        for code, n in batch.decisions.failure_counts().items()
        if code not in NOT_CONCERNED_CODES and n
    }
    for code, n in batch.refusal_counts().items():
        if n:
            counts[code] = counts.get(code, 0) + n
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(rule_name(code).text(lang), n) for code, n in ordered]


def bilan_context(
    batch: BatchAssessment,
    lang: Lang = "en",
    *,
    source: str = "",
    errors_shown: int = ERRORS_SHOWN,
) -> dict[str, Any]:
    """The data of a bilan of ``batch`` in ``lang``, in words: ``policy`` (name,
    territory), ``period``, ``on``, ``source`` (the register, as given), ``totals``,
    ``groups`` (for each grouping with more than one group: ``by`` and its ``rows``),
    ``populations`` (whether the policy has any), ``refusals``, ``figures`` (``title``,
    ``src``), ``assumptions``, ``sources`` (citations), ``errors`` (``row``, ``field``,
    ``message``, the first ``errors_shown``), ``errors_total`` and ``errors_more``."""
    said = check_lang(lang)
    policy = batch.policy
    workforce = batch.workforce
    errors = sorted((*workforce.rejected, *batch.errors), key=lambda e: e.row)
    rows = len(workforce) + len(workforce.rejected)
    totals = batch.totals()
    sums = batch.sums()
    impact = batch.impact.totals()

    def measured(key: str, unit: str, decimals: int) -> str:
        value = impact[key]
        assert not isinstance(value, int)  # a quantity
        return number(float(value.m_as(unit)), said, decimals)

    counts = {status: batch.count(status.value) for status in _STATUS_ORDER[:-2]}
    counts[RowStatus.INVALID] = len(batch.errors)
    counts[RowStatus.REJECTED] = len(workforce.rejected)
    statuses = [
        (status.plural_label.text(said), counts[status])
        for status in _STATUS_ORDER
        if counts[status] or status in (RowStatus.GRANTED, RowStatus.NOT_ELIGIBLE)
    ]
    eligible = int(np.count_nonzero(batch.decisions.eligible & ~batch.invalid))
    saved = impact.get("money")
    groups = []
    for by in GROUPINGS:
        if by == "population" and not policy.populations:
            continue
        found = group_rows(batch, by)
        if len(found) > 1 or (by == "population" and found):
            groups.append({"by": by, "rows": _group_rows(found, by, said)})
    by_role = group_rows(batch, "role")
    cited = [s.cite(said) for s in policy_sources(policy)]
    assumptions = _assumptions(batch, said)
    for extra in (assumptions["leave_source"], assumptions["rebound_source"]):
        if extra is not None and extra not in cited:
            cited.append(extra)
    for factor in assumptions["factors"]:
        if factor["source"] is not None and factor["source"] not in cited:
            cited.append(factor["source"])
    return {
        "lang": said,
        "policy": {"name": policy.name, "territory": policy.territory},
        "period": period(batch.start, batch.end, said),
        "on": date(batch.on, said),
        "source": source,
        "totals": {
            "rows": number(rows, said),
            "assessed": number(rows - len(errors), said),
            "eligible": number(eligible, said),
            "statuses": [{"label": label, "count": number(n, said)} for label, n in statuses],
            "failed": number(len(errors), said),
            "days": number(float(totals["days"].m_as("workday")), said, 1),
            "allowance": money(int(sums["allowance_cents"]), said),
            "employer": money(int(sums["employer_cents"]), said),
            "distance": measured("distance", "km", 0),
            "time": measured("time", "hour", 0),
            "gross": measured("gross", "t CO2e", 3),
            "rebound": measured("rebound", "t CO2e", 3),
            "net": measured("net", "t CO2e", 3),
            "money": None
            if saved is None or isinstance(saved, int)
            else money(round(float(saved.m_as("EUR")) * 100), said),
            "unknown_distance": number(int(impact["unknown_distance"]), said),
        },
        "groups": groups,
        "populations": bool(policy.populations),
        "refusals": [
            {"name": name, "count": number(n, said)} for name, n in _refusals(batch, said)
        ],
        "figures": _figures(batch, said, statuses, by_role),
        "assumptions": assumptions,
        "sources": cited,
        "errors": [
            {"row": number(e.row, said), "field": e.field, "message": e.text(said)}
            for e in errors[:errors_shown]
        ],
        "errors_total": number(len(errors), said),
        "errors_count": len(errors),
        "errors_more": number(max(0, len(errors) - errors_shown), said)
        if len(errors) > errors_shown
        else None,
    }
