"""An assessment as text, in English or French: :func:`render_assessment` (what
:meth:`Assessment.text <teletravail.policy.assessment.Assessment.text>` says), and its
phrases."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from teletravail.errors import ValidationError
from teletravail.explain import render_quota
from teletravail.messages import Phrase
from teletravail.money import as_decimal
from teletravail.policy.statuses import PLACES_CODE
from teletravail.scheduling.counting import Modality

if TYPE_CHECKING:
    from teletravail.policy.assessment import Assessment

__all__ = ["render_assessment"]

_SAY: dict[str, dict[str, str]] = {
    "period": {"en": "period assessed: {start} to {end}", "fr": "période : du {start} au {end}"},
    "asked": {"en": "asked: {asked}", "fr": "demandé : {asked}"},
    "granted": {"en": "granted: {granted}", "fr": "accordé : {granted}"},
    "granted_floating": {
        "en": "granted: floating days, {volume} {per}",
        "fr": "accordé : des jours flottants, {volume} {per}",
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
        "fr": "aucun télétravail demandé : rien à accorder",
    },
    "refused": {
        "en": "refused: the ask breaks {rules}",
        "fr": "refusé : la demande enfreint {rules}",
    },
    "places": {
        "en": "places allowed: {places}",
        "fr": "lieux autorisés : {places}",
    },
    "days": {
        "en": "days: {planned} on the calendar, less {leave} of leave ({assumption}),"
        " less {capped} over the caps, plus {floating} floating: {total} days",
        "fr": "jours : {planned} au calendrier, moins {leave} de congés ({assumption}),"
        " moins {capped} au-delà des plafonds, plus {floating} flottants : {total} jours",
    },
    "days_known": {
        "en": "days: {planned} on the calendar (absences known), less {capped} over the"
        " caps, plus {floating} floating: {total} days",
        "fr": "jours : {planned} au calendrier (absences connues), moins {capped}"
        " au-delà des plafonds, plus {floating} flottants : {total} jours",
    },
    "allowance": {"en": "allowance: {amount} EUR", "fr": "indemnités : {amount} EUR"},
    "line": {"en": "  {name}: {amount} EUR", "fr": "  {name} : {amount} EUR"},
    "number": {"en": "{days:g} day(s) a week", "fr": "{days:g} jour(s) par semaine"},
}


def _number(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


def render_assessment(assessment: Assessment, lang: str = "en") -> str:
    """An assessment as lines of text, rendered from its data: the eligibility
    decision, the period, the ask and the quota's answer, then how the days and the
    amount were reached."""
    if lang not in ("en", "fr"):
        raise ValidationError("lang", lang, Phrase("'en' or 'fr'", "'en' ou 'fr'"))

    def say(key: str, **values: Any) -> str:
        return _SAY[key][lang].format(**values)

    batch, row = assessment.part, assessment.row
    out = [assessment.decision.text(lang)]  # type: ignore[arg-type]
    out.append(say("period", start=batch.start.isoformat(), end=batch.end.isoformat()))
    if not assessment.entitled:
        return "\n".join(out)
    asked = assessment.asked_pattern
    per_week = say("number", days=float(batch.asked[row]))
    out.append(say("asked", asked=per_week if asked is None else f"{asked} ({per_week})"))
    quota = assessment.quota
    if quota is not None:
        out.append(render_quota(quota, lang))  # type: ignore[arg-type]
    failures = assessment.failures
    if PLACES_CODE in failures:
        places = ", ".join(sorted(kind.value for kind in batch.policy.places))
        out.append(say("places", places=places))
    if assessment.status == "refused":
        out.append(say("refused", rules=", ".join(failures)))
        return "\n".join(out)
    if assessment.status == "not_asked":
        out.append(say("not_asked"))
        return "\n".join(out)
    granted = assessment.pattern
    scheme = batch.policy.quota
    if scheme is not None and scheme.floating is not None and scheme.modality is Modality.FLOATING:
        volume = _number(float(scheme.floating.volume.m_as("workday")), lang)
        out.append(say("granted_floating", volume=volume, per=say(f"per_{scheme.floating.per}")))
    else:
        per_week = say("number", days=float(batch.granted[row]))
        out.append(
            say("granted", granted=per_week if granted is None else f"{granted} ({per_week})")
        )
    if assessment.reduced:
        out.append(say("reduced", rules=", ".join(failures)))
    detail = assessment.days_detail()
    figures = {k: _number(float(v), lang) for k, v in detail.items() if isinstance(v, float)}
    if detail["leave_assumption"] is None:
        out.append(say("days_known", **figures))
    else:
        out.append(say("days", assumption=batch.policy.leave.describe(lang), **figures))
    out.append(say("allowance", amount=as_decimal(assessment.allowance_cents)))
    for line in assessment.allowance_result.lines:
        out.append(say("line", name=line.name, amount=as_decimal(line.cents)))
    return "\n".join(out)
