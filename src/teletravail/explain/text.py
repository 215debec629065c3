"""French and English text rendered from decision data (never the other way round).

One sentence per criterion code (:data:`TEMPLATES`), values as a person reads them
(:func:`format_value`), and the whole answer: :func:`render_decision` for an
eligibility :class:`~teletravail.explain.results.Decision`, :func:`render_quota` for a
quota's answer (a :class:`~teletravail.scheduling.QuotaDecision`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.messages import Lang, either
from teletravail.units import format_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

    from .results import CompositeResult, CriterionResult, Decision, Result
    from .values import Value

__all__ = [
    "CONTRACT_TYPE_TEXT",
    "NOT_CONCERNED",
    "NOT_CONCERNED_CODES",
    "NOT_STATED_TEMPLATES",
    "OUTSIDE_SCHEME",
    "TEMPLATES",
    "QuotaAnswer",
    "format_value",
    "render_criterion",
    "render_decision",
    "render_quota",
]

#: One sentence per criterion code; ``{observed}`` and ``{threshold}`` are filled in.
TEMPLATES: dict[str, dict[Lang, str]] = {
    "seniority.minimum": {
        "en": "seniority {observed}, at least {threshold} required",
        "fr": "ancienneté {observed}, au moins {threshold} requis",
    },
    "working_time.minimum": {
        "en": "working time {observed}, at least {threshold} required",
        "fr": "quotité de travail {observed}, au moins {threshold} requis",
    },
    "role.excluded": {
        "en": "role and tags {observed}, excluded: {threshold}",
        "fr": "fonction et étiquettes {observed}, exclues\u00a0: {threshold}",
    },
    "commute_distance.minimum": {
        "en": "one-way commute {observed}, at least {threshold} required",
        "fr": "trajet domicile-travail {observed}, au moins {threshold} requis",
    },
    "commute_time.minimum": {
        "en": "one-way commute time {observed}, at least {threshold} required",
        "fr": "temps de trajet {observed}, au moins {threshold} requis",
    },
    "volunteer": {
        "en": "volunteer: {observed}",
        "fr": "volontaire\u00a0: {observed}",
    },
    "post.teleworkable": {
        "en": "teleworkable post: {observed}",
        "fr": "poste télétravaillable\u00a0: {observed}",
    },
    "quota.maximum": {
        "en": "telework asked {observed}, at most {threshold}",
        "fr": "télétravail demandé {observed}, au plus {threshold}",
    },
    "quota.on_site": {
        "en": "presence on site {observed}, at least {threshold}",
        "fr": "présence sur site {observed}, au moins {threshold}",
    },
    "quota.minimum": {
        "en": "telework asked {observed}, at least {threshold}",
        "fr": "télétravail demandé {observed}, au moins {threshold}",
    },
    "quota.granularity": {
        "en": "telework asked {observed}, in steps of {threshold}",
        "fr": "télétravail demandé {observed}, par pas de {threshold}",
    },
    "quota.workdays": {
        "en": "telework asked {observed}, on days worked only ({threshold})",
        "fr": "télétravail demandé {observed}, sur les seuls jours travaillés ({threshold})",
    },
    "derogation.active": {
        "en": "derogations in force: {observed}, one of {threshold} required",
        "fr": "dérogations en cours\u00a0: {observed}, l'une de {threshold} requise",
    },
    "contract_type.excluded": {
        "en": "contract type {observed}, excluded: {threshold}",
        "fr": "type de contrat {observed}, types exclus\u00a0: {threshold}",
    },
    "activities.excluded": {
        "en": "activities {observed}, excluded: {threshold}",
        "fr": "activités {observed}, activités exclues\u00a0: {threshold}",
    },
    "activities.teleworkable_share": {
        "en": "teleworkable activities {observed} of working time, at least {threshold} required",
        "fr": "activités télétravaillables {observed} du temps de travail, au moins {threshold}"
        " requis",
    },
}

#: The sentence of a criterion whose observed value was not stated by the agent's record.
NOT_STATED_TEMPLATES: dict[str, dict[Lang, str]] = {
    "contract_type.excluded": {
        "en": "contract type not stated, excluded: {threshold}",
        "fr": "type de contrat non renseigné, types exclus\u00a0: {threshold}",
    },
    "activities.excluded": {
        "en": "activities not stated, excluded: {threshold}",
        "fr": "activités non renseignées, activités exclues\u00a0: {threshold}",
    },
    "activities.teleworkable_share": {
        "en": "activities not stated, at least {threshold} of working time on teleworkable"
        " activities required",
        "fr": "activités non renseignées, au moins {threshold} du temps de travail en activités"
        " télétravaillables requis",
    },
}

#: The contract types as a person reads them.
CONTRACT_TYPE_TEXT: dict[str, dict[Lang, str]] = {
    "civil_servant": {"en": "civil servant", "fr": "fonctionnaire"},
    "probationer": {"en": "probationary civil servant", "fr": "fonctionnaire stagiaire"},
    "contract_staff": {"en": "contract staff", "fr": "contractuel"},
    "doctoral_student": {"en": "contract doctoral student", "fr": "doctorant contractuel"},
    "apprentice": {"en": "apprentice", "fr": "apprenti"},
    "trainee": {"en": "student intern", "fr": "stagiaire étudiant"},
    "other": {"en": "other", "fr": "autre"},
}

_HEADINGS: dict[str, dict[Lang, str]] = {
    "all": {"en": "all of", "fr": "toutes les conditions"},
    "any": {"en": "any of", "fr": "au moins une condition"},
    "not": {"en": "not", "fr": "non"},
    "unless": {"en": "unless the exception applies", "fr": "sauf exception"},
}
#: French puts a (no-break) space before a colon; English does not.
_COLON: dict[Lang, str] = {"en": ":", "fr": "\u00a0:"}
_WORDS: dict[str, dict[Lang, str]] = {
    "eligible": {"en": "eligible", "fr": "éligible"},
    "refused": {"en": "not eligible", "fr": "non éligible"},
    "not_concerned": {"en": "not concerned by the scheme", "fr": "non concerné par le dispositif"},
    "on": {"en": "on", "fr": "au"},
    "agent": {"en": "Agent", "fr": "Agent"},
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "unknown": {"en": "unknown", "fr": "inconnu"},
    "none": {"en": "none", "fr": "aucune"},
    "waived": {"en": "waived by the exception", "fr": "levée par l'exception"},
    "blocking": {"en": "in the way", "fr": "en cause"},
    "allowed": {"en": "allowed", "fr": "accordé"},
    "not_allowed": {"en": "not allowed", "fr": "refusé"},
    "most": {"en": "most allowed", "fr": "maximum accordé"},
    "derogation": {"en": "derogation", "fr": "dérogation"},
    "source": {"en": "source", "fr": "source"},
}


def format_value(value: Value, lang: Lang) -> str:
    """A value as a person reads it, in ``lang`` (decimal comma in French)."""
    import pint

    if value is None:
        return _WORDS["unknown"][lang]
    if isinstance(value, bool):
        return _WORDS["yes" if value else "no"][lang]
    if isinstance(value, pint.Quantity):
        text = format_quantity(value)
        return text.replace(".", ",") if lang == "fr" else text
    if isinstance(value, Duration):
        return value.words(lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        shown = [v if v else "-" for v in value]
        return "[" + ", ".join(shown) + "]" if shown else _WORDS["none"][lang]
    return str(value)


#: The code of the criterion of an agent outside the scheme (see teletravail.policy.populations).
NOT_CONCERNED = "population.none"
#: The code of the criterion of an agent in a population declared outside the scheme.
OUTSIDE_SCHEME = "population.outside"
#: Both: the agent is not concerned by the scheme.
NOT_CONCERNED_CODES = (NOT_CONCERNED, OUTSIDE_SCHEME)
_OUTSIDE: dict[str, dict[Lang, str]] = {
    "in": {
        "en": "population {name}: outside the scheme",
        "fr": "population {name}\u00a0: hors du dispositif",
    },
    "none": {
        "en": "in none of the scheme's populations ({names})",
        "fr": "dans aucune des populations du dispositif ({names})",
    },
}


def _words(value: Value, code: str, lang: Lang) -> Value:
    """Values that are codes (contract types) as words of ``lang``."""
    if code != "contract_type.excluded":
        return value
    if isinstance(value, str):
        return CONTRACT_TYPE_TEXT.get(value, {}).get(lang, value)
    if isinstance(value, tuple):
        return tuple(CONTRACT_TYPE_TEXT.get(v, {}).get(lang, v) for v in value)
    return value


def render_criterion(result: CriterionResult, lang: Lang) -> str:
    """One criterion's sentence."""
    if result.code in NOT_CONCERNED_CODES:
        names = format_value(result.threshold, lang)
        if isinstance(result.observed, str) and result.observed:
            return _OUTSIDE["in"][lang].format(name=result.observed)
        return _OUTSIDE["none"][lang].format(names=names)
    threshold = format_value(_words(result.threshold, result.code, lang), lang)
    if result.observed is None and result.code in NOT_STATED_TEMPLATES:
        return NOT_STATED_TEMPLATES[result.code][lang].format(threshold=threshold)
    if result.code in TEMPLATES:
        return TEMPLATES[result.code][lang].format(
            observed=format_value(_words(result.observed, result.code, lang), lang),
            threshold=threshold,
        )
    if lang == "fr" and result.description_fr:
        return result.description_fr
    return result.description or result.code


def _lines(result: Result, lang: Lang, depth: int, out: list[str]) -> None:
    mark = "✓" if result.passed else "✗"
    pad = "  " * depth
    if result.kind == "criterion":
        out.append(f"{pad}{mark} {render_criterion(result, lang)}")
        return
    composite: CompositeResult = result
    heading = _HEADINGS[composite.kind][lang]
    if composite.waived:
        heading += f" ({_WORDS['waived'][lang]})"
    out.append(f"{pad}{mark} {heading}{_COLON[lang]}")
    for child in composite.children:
        _lines(child, lang, depth + 1, out)


def _check_lang(lang: str) -> None:
    if lang not in ("en", "fr"):
        raise ValidationError("lang", lang, either("en", "fr"))


def _footer(failures: tuple[str, ...], result: Result, lang: Lang, out: list[str]) -> None:
    """The criteria in the way, then each distinct source once, cited as a reader cites
    it (title, publication, date, reference)."""
    colon = _COLON[lang]
    if failures:
        out.append(f"{_WORDS['blocking'][lang]}{colon} {', '.join(failures)}")
    sources = dict.fromkeys(leaf.source.cite(lang) for leaf in result.leaves() if leaf.source)
    out.extend(f"{_WORDS['source'][lang]}{colon} {source}" for source in sources)


def render_decision(decision: Decision, lang: Lang = "en") -> str:
    """A decision as lines of text: the verdict, then the tree of criteria."""
    _check_lang(lang)
    verdict = _WORDS["eligible" if decision.eligible else "refused"][lang]
    if len(decision.failures) == 1 and decision.failures[0] in NOT_CONCERNED_CODES:
        verdict = _WORDS["not_concerned"][lang]
    colon = _COLON[lang]
    agent = _WORDS["agent"][lang]
    out = [f"{agent} {decision.agent_id} {_WORDS['on'][lang]} {decision.on}{colon} {verdict}"]
    _lines(decision.result, lang, 0, out)
    _footer(decision.failures, decision.result, lang, out)
    return "\n".join(out)


class QuotaAnswer(Protocol):
    """What :func:`render_quota` reads of a quota's answer for one agent (a
    :class:`~teletravail.scheduling.QuotaDecision`): who and when, whether the ask is
    allowed, the most allowed, the derogation that sets it, and the limits as a tree."""

    @property
    def agent_id(self) -> str: ...
    @property
    def on(self) -> dt.date: ...
    @property
    def allowed(self) -> bool: ...
    @property
    def maximum(self) -> Quantity: ...
    @property
    def derogation(self) -> str | None: ...
    @property
    def result(self) -> CompositeResult: ...
    @property
    def failures(self) -> tuple[str, ...]: ...


def render_quota(decision: QuotaAnswer, lang: Lang = "en") -> str:
    """A quota decision as lines of text: the verdict, the most allowed, each limit."""
    _check_lang(lang)
    colon = _COLON[lang]
    verdict = _WORDS["allowed" if decision.allowed else "not_allowed"][lang]
    head = f"{_WORDS['agent'][lang]} {decision.agent_id} {_WORDS['on'][lang]} {decision.on}"
    out = [f"{head}{colon} {verdict}"]
    most = f"{_WORDS['most'][lang]}{colon} {format_value(decision.maximum, lang)}"
    if decision.derogation:
        most += f" ({_WORDS['derogation'][lang]} {decision.derogation})"
    out.append(most)
    _lines(decision.result, lang, 0, out)
    _footer(decision.failures, decision.result, lang, out)
    return "\n".join(out)
