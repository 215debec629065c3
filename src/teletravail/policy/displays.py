"""Notebook displays of a policy and of its assessments, in English or French: what
``Policy``, ``BatchAssessment`` and ``Assessment`` show as ``_repr_html_`` (their
``to_html(lang)``), and the caption that names a policy, its period and its population,
which the figures put in their titles (:func:`caption`).

The pieces of HTML and the language of the displays are :mod:`teletravail.display`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from teletravail import formats
from teletravail.display import amount, card, count, grid, resolve
from teletravail.explain.names import rule_name
from teletravail.messages import Lang, Phrase
from teletravail.policy.statuses import STATUSES
from teletravail.statuses import RowStatus
from teletravail.week import PlaceKind

if TYPE_CHECKING:
    from teletravail.policy.assessment import Assessment
    from teletravail.policy.batch import BatchAssessment
    from teletravail.policy.policy import Policy

__all__ = ["assessment_html", "batch_html", "caption", "place_word", "policy_html"]

_PLACES: Final[dict[PlaceKind, Phrase]] = {
    PlaceKind.HOME: Phrase("home", "domicile"),
    PlaceKind.TELECENTRE: Phrase("télécentre", "télécentre"),
    PlaceKind.SITE: Phrase("another site", "autre site"),
    PlaceKind.OTHER: Phrase("another place", "autre lieu"),
}

_WORDS: Final[dict[str, Phrase]] = {
    "policy": Phrase("Policy", "Politique"),
    "territory": Phrase("territory", "territoire"),
    "period": Phrase("in force", "en vigueur"),
    "from": Phrase("from {day}", "à partir du {day}"),
    "criteria": Phrase("eligibility criteria", "critères d'éligibilité"),
    "quota": Phrase("telework at most", "télétravail au plus"),
    "no_quota": Phrase("no quota", "aucun quota"),
    "places": Phrase("places", "lieux"),
    "allowance": Phrase("allowance", "indemnité"),
    "components": Phrase("{n} components", "{n} composantes"),
    "component": Phrase("1 component", "1 composante"),
    "none": Phrase("none", "aucune"),
    "populations": Phrase("populations", "populations"),
    "sources": Phrase("sources", "sources"),
    "agents": Phrase("agents", "agents"),
    "assessment": Phrase("Assessment", "Évaluation"),
    "days": Phrase("telework days", "jours de télétravail"),
    "paid": Phrase("allowance paid", "indemnités versées"),
    "employer": Phrase("employer's costs", "coûts de l'employeur"),
    "distance": Phrase("commuting avoided", "trajets évités"),
    "net": Phrase("net emissions avoided", "émissions nettes évitées"),
    "invalid": Phrase("rows not assessed", "lignes non évaluées"),
    "rejected": Phrase("unreadable rows", "lignes illisibles"),
    "status": Phrase("status", "statut"),
    "agent": Phrase("Agent", "Agent"),
    "population": Phrase("population", "population"),
    "asked": Phrase("asked", "demandé"),
    "granted": Phrase("granted", "accordé"),
    "in_the_way": Phrase("rules in the way", "règles en cause"),
    "status_head": Phrase("status", "statut"),
    "count_head": Phrase("agents", "agents"),
}


def place_word(place: PlaceKind, lang: Lang) -> str:
    """A kind of place in words: ``home``, ``domicile``."""
    return _PLACES[place].text(lang)


def _word(key: str, lang: Lang, **parts: Any) -> str:
    phrase = _WORDS[key]
    return Phrase(phrase, phrase.text("fr"), **parts).text(lang) if parts else phrase.text(lang)


def _agents(n: int, lang: Lang) -> str:
    noun = "agent" if (n == 1 if lang == "en" else n < 2) else "agents"
    return f"{count(n, lang)} {noun}"


def caption(batch: BatchAssessment, lang: Lang) -> str:
    """The policy, the period assessed and the population of an assessment, as a title
    says them: ``Lot 2013, 1 January to 31 December 2013, 1,200 agents``."""
    period = formats.period(batch.start, batch.end, lang)
    return f"{batch.policy.name}, {period}, {_agents(len(batch), lang)}"


def policy_html(policy: Policy, lang: Lang | None = None) -> str:
    """A policy as a small HTML table: its territory, when it is in force, its criteria
    in words, its quota, places, allowance, populations and sources."""
    lang = resolve(lang)
    start = formats.date(policy.period.start, lang)
    in_force = (
        formats.period(policy.period.start, policy.period.end, lang)
        if policy.period.end is not None
        else _word("from", lang, day=start)
    )
    criteria = ", ".join(dict.fromkeys(rule_name(c).text(lang) for c in policy.eligibility.codes()))
    quota = (
        amount(policy.quota.maximum, lang) if policy.quota is not None else _word("no_quota", lang)
    )
    kinds = sorted(policy.places, key=list(PlaceKind).index)
    places = ", ".join(place_word(p, lang) for p in kinds)
    components = policy.allowance.components if policy.allowance is not None else ()
    allowance = (
        _word("none", lang)
        if not components
        else _word("component", lang)
        if len(components) == 1
        else _word("components", lang, n=len(components))
    )
    rows = [
        (_word("territory", lang), policy.territory),
        (_word("period", lang), in_force),
        (_word("criteria", lang), criteria or "—"),
        (_word("quota", lang), quota),
        (_word("places", lang), places),
        (_word("allowance", lang), allowance),
    ]
    if policy.populations:
        rows.append((_word("populations", lang), ", ".join(p.name for p in policy.populations)))
    if policy.sources:
        rows.append((_word("sources", lang), count(len(policy.sources), lang)))
    title = f"{_word('policy', lang)} {policy.name}"
    subtitle = policy.description.strip().split("\n", 1)[0] or None
    return card(title, rows, subtitle=subtitle)


def batch_html(batch: BatchAssessment, lang: Lang | None = None) -> str:
    """An assessment of a workforce as a small HTML display: what it covers, how many
    agents have each status (in words), then the days, the money and the impact, and
    the rows that could not be assessed or read."""
    lang = resolve(lang)
    totals = batch.totals()
    rows = [
        (_word("days", lang), amount(totals["days"], lang)),
        (_word("paid", lang), amount(totals["allowance"], lang)),
    ]
    if totals["employer_costs"].magnitude:
        rows.append((_word("employer", lang), amount(totals["employer_costs"], lang)))
    rows += [
        (_word("distance", lang), amount(totals["impact_distance"], lang)),
        (_word("net", lang), amount(totals["impact_net"], lang)),
    ]
    invalid = len(batch.errors)
    if invalid:
        rows.append((_word("invalid", lang), count(invalid, lang)))
    rejected = len(batch.workforce.rejected)
    if rejected:
        rows.append((_word("rejected", lang), count(rejected, lang)))
    counted = [
        (RowStatus(status).plural_label.text(lang), count(n, lang))
        for status in STATUSES
        if (n := batch.count(status))
    ]
    table = grid(
        [_word("status_head", lang), _word("count_head", lang)], counted, numeric=(False, True)
    )
    return card(_word("assessment", lang), rows, subtitle=caption(batch, lang), parts=[table])


def assessment_html(assessment: Assessment, lang: Lang | None = None) -> str:
    """One agent's assessment as a small HTML display: status in words, population,
    what was asked and granted, days, allowance, and the rules in the way by name."""
    lang = resolve(lang)
    period = assessment.period
    end = period.end if period.end is not None else period.start
    rows = [
        (_word("status", lang), RowStatus(assessment.status).label.text(lang)),
    ]
    if assessment.population is not None:
        rows.append((_word("population", lang), assessment.population))
    rows += [
        (_word("asked", lang), amount(assessment.asked, lang)),
        (_word("granted", lang), amount(assessment.granted, lang)),
        (_word("days", lang), amount(assessment.days, lang)),
        (_word("paid", lang), amount(assessment.allowance, lang)),
    ]
    in_the_way = (*assessment.decision.failures, *assessment.failures)
    if in_the_way:
        names = dict.fromkeys(rule_name(code).text(lang) for code in in_the_way)
        rows.append((_word("in_the_way", lang), ", ".join(names)))
    subtitle = f"{assessment.policy}, {formats.period(period.start, end, lang)}"
    return card(f"{_word('agent', lang)} {assessment.agent_id}", rows, subtitle=subtitle)
