"""An assessment as text, in English or French: :func:`render_assessment` (what
:meth:`Assessment.text <teletravail.policy.assessment.Assessment.text>` says), and its
phrases.

The text is rendered from the assessment's data: the eligibility decision, the period
and the agent's status (its label, ``accordé``, ``non éligible``), what was asked and
the quota's answer, then, when something is granted, the pattern in words, how the
days were reached and the allowance line by line. An agent who is granted nothing (not
eligible, not selected, not concerned, an ask refused) reads that nothing is granted or
paid, never a count of zero days and euros.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from teletravail import formats
from teletravail.allowance.text import line_text
from teletravail.explain import pattern_words, rule_name
from teletravail.messages import COLON, Lang, check_lang
from teletravail.policy.statuses import PLACES_CODE
from teletravail.statuses import RowStatus
from teletravail.units import Q_
from teletravail.week import PlaceKind

if TYPE_CHECKING:
    from teletravail.policy.assessment import Assessment
    from teletravail.week import WeeklyPattern

__all__ = ["render_assessment"]

_SAY: Final[dict[str, dict[str, str]]] = {
    "period": {"en": "period assessed: {period}", "fr": "période{c} {period}"},
    "status": {"en": "status: {status}", "fr": "statut{c} {status}"},
    "asked": {"en": "asked: {asked}", "fr": "demandé{c} {asked}"},
    "granted": {"en": "granted: {granted}", "fr": "accordé{c} {granted}"},
    "granted_floating": {
        "en": "granted: floating days, {volume} {per}",
        "fr": "accordé{c} des jours flottants, {volume} {per}",
    },
    "per_week": {"en": "a week", "fr": "par semaine"},
    "per_month": {"en": "a month", "fr": "par mois"},
    "per_year": {"en": "a year", "fr": "par an"},
    "reduced": {
        "en": "reduced to what the quota allows ({rules})",
        "fr": "réduit à ce que le quota permet ({rules})",
    },
    "not_asked": {
        "en": "no telework asked for: nothing to grant",
        "fr": "aucun télétravail demandé{c} rien à accorder",
    },
    "nothing": {"en": "nothing is granted or paid", "fr": "rien n'est accordé ni versé"},
    "in_the_way": {"en": "in the way: {rules}", "fr": "en cause{c} {rules}"},
    "places": {"en": "places allowed: {places}", "fr": "lieux autorisés{c} {places}"},
    "days": {"en": "telework days: {detail}", "fr": "jours de télétravail{c} {detail}"},
    "total": {"en": "{detail}, that is {total}", "fr": "{detail}, soit {total}"},
    "planned": {"en": "{days} on the calendar", "fr": "{days} au calendrier"},
    "known": {"en": "absences known", "fr": "absences connues"},
    "leave": {
        "en": "less {days} of leave ({assumption})",
        "fr": "moins {days} de congés ({assumption})",
    },
    "capped": {"en": "less {days} over the caps", "fr": "moins {days} au-delà des plafonds"},
    "floating": {"en": "plus {days} floating", "fr": "plus {days} flottants"},
    "allowance": {"en": "allowance: {amount}", "fr": "indemnités{c} {amount}"},
}

#: The kinds of place as the text names them.
_PLACE_KINDS: Final[dict[PlaceKind, dict[str, str]]] = {
    PlaceKind.HOME: {"en": "home", "fr": "domicile"},
    PlaceKind.TELECENTRE: {"en": "télécentre", "fr": "télécentre"},
    PlaceKind.SITE: {"en": "another site", "fr": "autre site"},
    PlaceKind.OTHER: {"en": "another place", "fr": "autre lieu"},
}


def _days(value: float, lang: Lang) -> str:
    return formats.quantity(Q_(value, "workday"), lang)


def _per_week(value: float, lang: Lang) -> str:
    return formats.quantity(Q_(value, "workday/week"), lang)


def _ask(pattern: WeeklyPattern | None, per_week: float, lang: Lang) -> str:
    amount = _per_week(per_week, lang)
    return amount if pattern is None else f"{pattern_words(pattern, lang)} ({amount})"


def _rules(codes: tuple[str, ...], lang: Lang) -> str:
    return ", ".join(rule_name(code).text(check_lang(lang)) for code in codes)


def _days_line(assessment: Assessment, lang: Lang, say: Callable[..., str]) -> str:
    """``jours de télétravail : 64,5 jours au calendrier, moins 6,5 jours de congés (25
    jours de congés par an), soit 58 jours``; the adjustments that are zero are left
    out."""
    detail = assessment.days_detail()
    parts = [say("planned", days=_days(detail["planned"], lang))]
    if detail["leave_assumption"] is None:
        parts[0] += f" ({say('known')})"
    elif detail["leave"]:
        leave = assessment.leave
        assert leave is not None  # days taken by leave: the leave assumed is known
        assumption = leave.describe(lang)
        parts.append(say("leave", days=_days(detail["leave"], lang), assumption=assumption))
    if detail["capped"]:
        parts.append(say("capped", days=_days(detail["capped"], lang)))
    if detail["floating"]:
        parts.append(say("floating", days=_days(detail["floating"], lang)))
    text = ", ".join(parts)
    if len(parts) > 1:
        text = say("total", detail=text, total=_days(detail["total"], lang))
    return say("days", detail=text)


def render_assessment(assessment: Assessment, lang: Lang = "en") -> str:
    """An assessment as lines of text, rendered from its data: the eligibility
    decision, the period and the status, the ask and the quota's answer, then how the
    days and the amount were reached."""
    lang = check_lang(lang)
    colon = COLON[lang]

    def say(key: str, **values: Any) -> str:
        return _SAY[key][lang].format(c=colon, **values)

    period = assessment.period
    assert period.end is not None  # an assessment's period always ends
    out = [assessment.decision.text(lang)]
    out.append(say("period", period=formats.period(period.start, period.end, lang)))
    status = RowStatus(assessment.status)
    out.append(say("status", status=status.label.text(lang)))
    if not assessment.entitled:
        out.append(say("nothing"))
        return "\n".join(out)
    if status is RowStatus.NOT_ASKED:
        out.append(say("not_asked"))
        return "\n".join(out)
    asked = float(assessment.asked.m_as("workday/week"))
    out.append(say("asked", asked=_ask(assessment.asked_pattern, asked, lang)))
    quota = assessment.quota
    if quota is not None:
        out.append(quota.text(lang))
    failures = assessment.failures
    if PLACES_CODE in failures:
        out.append(say("in_the_way", rules=_rules((PLACES_CODE,), lang)))
        kinds = assessment.places
        out.append(say("places", places=", ".join(_PLACE_KINDS[k][lang] for k in kinds)))
    if status is RowStatus.REFUSED:
        out.append(say("nothing"))
        return "\n".join(out)
    floating = assessment.floating
    if floating is not None:
        volume = _days(float(floating.volume.m_as("workday")), lang)
        out.append(say("granted_floating", volume=volume, per=say(f"per_{floating.per}")))
    else:
        granted = _ask(assessment.pattern, float(assessment.granted.m_as("workday/week")), lang)
        out.append(say("granted", granted=granted))
    if assessment.reduced:
        out.append(say("reduced", rules=_rules(failures, lang)))
    out.append(_days_line(assessment, lang, say))
    lines = assessment.allowance_result.lines
    if not lines:
        out.append(say("allowance", amount="aucune" if lang == "fr" else "none"))
        return "\n".join(out)
    out.append(say("allowance", amount=formats.money(assessment.allowance_cents, lang)))
    out.extend(f"  {line_text(line, lang)}" for line in lines)
    return "\n".join(out)
