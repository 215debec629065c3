"""French and English text rendered from decision data (never the other way round).

The whole answer: :func:`render_decision` for an eligibility
:class:`~teletravail.explain.results.Decision`, :func:`render_quota` for a quota's answer
(a :class:`~teletravail.scheduling.QuotaDecision`): the verdict, the tree of criteria
(each sentence from :mod:`~teletravail.explain.sentences`), then, for a refusal, the
rules in the way by their names (:func:`~teletravail.explain.names.rule_name`) with
their sources, and what would make the request acceptable where the data tells it
(:mod:`~teletravail.explain.remedies`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from teletravail import formats
from teletravail.messages import Lang, check_lang

from .names import rule_name
from .remedies import eligibility_remedy, quota_remedy
from .sentences import (
    COLON,
    CONTRACT_TYPE_TEXT,
    DEROGATION_TEXT,
    NOT_CONCERNED,
    NOT_CONCERNED_CODES,
    NOT_STATED_TEMPLATES,
    OUTSIDE_SCHEME,
    TEMPLATES,
    format_value,
    render_criterion,
)

if TYPE_CHECKING:
    from teletravail.sources import Source
    from teletravail.units import Quantity

    from .results import CompositeResult, CriterionResult, Decision, Result

__all__ = [
    "CONTRACT_TYPE_TEXT",
    "DEROGATION_TEXT",
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

_HEADINGS: dict[str, dict[Lang, str]] = {
    "all": {"en": "all of", "fr": "toutes les conditions"},
    "any": {"en": "any of", "fr": "au moins une condition"},
    "not": {"en": "not", "fr": "non"},
    "unless": {"en": "unless the exception applies", "fr": "sauf exception"},
}
#: The verdicts, as :attr:`teletravail.statuses.RowStatus.label` words them (the
#: statuses sit beside this package and cannot be imported from it; a test keeps the
#: two equal).
_WORDS: dict[str, dict[Lang, str]] = {
    "eligible": {"en": "eligible", "fr": "éligible"},
    "refused": {"en": "not eligible", "fr": "non éligible"},
    "not_concerned": {"en": "not concerned by the scheme", "fr": "non concerné par le dispositif"},
    "allowed": {"en": "granted", "fr": "accordé"},
    "not_allowed": {"en": "refused", "fr": "refusé"},
    "on": {"en": "on", "fr": "au"},
    "agent": {"en": "Agent", "fr": "Agent"},
    "waived": {"en": "waived by the exception", "fr": "levée par l'exception"},
    "blocking": {"en": "in the way", "fr": "en cause"},
    "asked": {"en": "asked", "fr": "demandé"},
    "most": {"en": "most allowed", "fr": "maximum accordé"},
    "derogation": {"en": "derogation", "fr": "dérogation"},
    "source": {"en": "source", "fr": "source"},
    "and": {"en": "and", "fr": "et"},
}


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
    out.append(f"{pad}{mark} {heading}{COLON[lang]}")
    for child in composite.children:
        _lines(child, lang, depth + 1, out)


def _listed(names: list[str], lang: Lang) -> str:
    """``a``, ``a et b``, ``a, b et c``."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_WORDS['and'][lang]} {names[-1]}"


def _in_the_way(result: Result, lang: Lang) -> tuple[list[CriterionResult], list[str]]:
    """The criteria that fail, and the lines that name their rules with their sources:
    the rules of one source on one line, the source below it."""
    failed = [leaf for leaf in result.leaves() if not leaf.passed]
    by_source: dict[Source | None, list[str]] = {}
    for leaf in failed:
        names = by_source.setdefault(leaf.source, [])
        name = rule_name(leaf.code).text(lang)
        if name not in names:
            names.append(name)
    colon = COLON[lang]
    out: list[str] = []
    for source, names in by_source.items():
        out.append(f"{_WORDS['blocking'][lang]}{colon} {_listed(names, lang)}")
        if source is not None:
            out.append(f"  {_WORDS['source'][lang]}{colon} {source.cite(lang)}")
    return failed, out


def _sources(result: Result, cited: set[Source | None], lang: Lang, out: list[str]) -> None:
    """Each distinct source not yet cited, once, as a reader cites it."""
    colon = COLON[lang]
    sources = dict.fromkeys(
        leaf.source for leaf in result.leaves() if leaf.source and leaf.source not in cited
    )
    out.extend(f"{_WORDS['source'][lang]}{colon} {s.cite(lang)}" for s in sources if s)


def _head(agent_id: str, on: dt.date, verdict: str, lang: Lang) -> str:
    when = formats.date(on, lang)
    return f"{_WORDS['agent'][lang]} {agent_id} {_WORDS['on'][lang]} {when}{COLON[lang]} {verdict}"


def render_decision(decision: Decision, lang: Lang = "en") -> str:
    """A decision as lines of text: the verdict, the tree of criteria, then for an agent
    not eligible the rules in the way with their sources and what would make the agent
    eligible where the data tells it (an agent outside the scheme is told so, not given
    rules to meet); the sources of the other criteria last."""
    lang = check_lang(lang)
    verdict = _WORDS["eligible" if decision.eligible else "refused"][lang]
    outside = len(decision.failures) == 1 and decision.failures[0] in NOT_CONCERNED_CODES
    if outside:
        verdict = _WORDS["not_concerned"][lang]
    out = [_head(decision.agent_id, decision.on, verdict, lang)]
    _lines(decision.result, lang, 0, out)
    cited: set[Source | None] = set()
    if not decision.eligible and not outside:
        failed, lines = _in_the_way(decision.result, lang)
        out.extend(lines)
        cited = {leaf.source for leaf in failed}
        remedy = eligibility_remedy(failed, decision.on, lang)
        if remedy is not None:
            out.append(remedy)
    _sources(decision.result, cited, lang, out)
    return "\n".join(out)


class QuotaAnswer(Protocol):
    """What :func:`render_quota` reads of a quota's answer for one agent (a
    :class:`~teletravail.scheduling.QuotaDecision`): who and when, whether the ask is
    allowed, what was asked and the most allowed, the derogation that sets it, the
    working time of a part-time cap, and the limits as a tree."""

    @property
    def agent_id(self) -> str: ...
    @property
    def on(self) -> dt.date: ...
    @property
    def allowed(self) -> bool: ...
    @property
    def asked(self) -> Quantity: ...
    @property
    def maximum(self) -> Quantity: ...
    @property
    def derogation(self) -> str | None: ...
    @property
    def working_time(self) -> Quantity | None: ...
    @property
    def result(self) -> CompositeResult: ...
    @property
    def failures(self) -> tuple[str, ...]: ...


def render_quota(decision: QuotaAnswer, lang: Lang = "en") -> str:
    """A quota decision as lines of text: the verdict, the most allowed, each limit;
    for a refusal, the rules in the way with their sources and what would be granted
    instead."""
    lang = check_lang(lang)
    colon = COLON[lang]
    verdict = _WORDS["allowed" if decision.allowed else "not_allowed"][lang]
    out = [_head(decision.agent_id, decision.on, verdict, lang)]
    most = f"{_WORDS['most'][lang]}{colon} {format_value(decision.maximum, lang)}"
    working_time = decision.working_time
    if working_time is not None:
        most += f" {'à' if lang == 'fr' else 'at'} {format_value(working_time, lang)}"
    if decision.derogation:
        ground = DEROGATION_TEXT.get(decision.derogation, {}).get(lang, decision.derogation)
        most += f" ({_WORDS['derogation'][lang]}{colon} {ground})"
    out.append(most)
    _lines(decision.result, lang, 0, out)
    cited: set[Source | None] = set()
    if not decision.allowed:
        failed, lines = _in_the_way(decision.result, lang)
        out.extend(lines)
        cited = {leaf.source for leaf in failed}
        leaves = list(decision.result.leaves())
        out.append(quota_remedy(failed, leaves, decision.maximum, working_time, lang))
    _sources(decision.result, cited, lang, out)
    return "\n".join(out)
