"""What would make a refused request acceptable, where the data says it: the date from
which an agent becomes eligible by seniority, the working time or the share of
teleworkable activities required, and for a quota's refusal the most that would be
granted (``au plus 1 jour par semaine à 80 %``) with the presence on site it keeps.

Every line is rendered from a decision's data (the criteria's observed values and
thresholds, the date of the decision), so a decision read back from JSON says the same.

>>> import datetime as dt
>>> from teletravail.dated import Duration
>>> eligible_from(Duration(months=6), Duration(years=1), dt.date(2013, 3, 1))
datetime.date(2013, 9, 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from teletravail import formats
from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.messages import NNBSP, Lang

from .sentences import COLON, format_value, steps_words

if TYPE_CHECKING:
    from teletravail.units import Quantity

    from .results import CriterionResult

__all__ = ["eligibility_remedy", "eligible_from", "quota_remedy"]

_ONE_DAY: Final = dt.timedelta(days=1)
#: How far back to look for the hire dates that give one seniority (month ends clip).
_MOST_CANDIDATES: Final = 4


def eligible_from(observed: Duration, minimum: Duration, on: dt.date) -> dt.date | None:
    """The day from which an agent who had ``observed`` seniority on ``on`` has
    ``minimum``; None when the data does not tell it (no seniority yet, or month ends
    that leave the hire date, and so the day, ambiguous)."""
    if observed == Duration():
        return None
    try:
        hired = observed.latest_start(on)
        found: set[dt.date] = set()
        for _ in range(_MOST_CANDIDATES):
            if Duration.between(hired, on) != observed:
                break
            found.add(minimum.after(hired))
            hired -= _ONE_DAY
    except (ValidationError, OverflowError):
        return None
    return found.pop() if len(found) == 1 else None


def _seniority(leaf: CriterionResult, on: dt.date, alone: bool, lang: Lang) -> str:
    minimum = leaf.threshold
    assert isinstance(minimum, Duration)
    words = format_value(minimum, lang)
    day = eligible_from(leaf.observed, minimum, on) if isinstance(leaf.observed, Duration) else None
    if lang == "fr":
        required = f"ancienneté d'au moins {words}"
        if day is None:
            return required
        if alone:
            return f"éligible à partir du {formats.date(day, lang)} ({required})"
        return f"{required}, atteinte le {formats.date(day, lang)}"
    required = f"seniority of at least {words}"
    if day is None:
        return required
    if alone:
        return f"eligible from {formats.date(day, lang)} ({required})"
    return f"{required}, reached on {formats.date(day, lang)}"


#: What each minimum that the agent may change requires, in words.
_REQUIRED: Final[dict[str, dict[Lang, str]]] = {
    "working_time.minimum": {
        "en": "working time of at least {threshold}",
        "fr": "quotité de travail d'au moins {threshold}",
    },
    "activities.teleworkable_share": {
        "en": "at least {threshold} of the working time on teleworkable activities",
        "fr": "au moins {threshold} du temps de travail en activités télétravaillables",
    },
    "volunteer": {"en": "the agent volunteering", "fr": "le volontariat de l'agent"},
}


def eligibility_remedy(failed: Sequence[CriterionResult], on: dt.date, lang: Lang) -> str | None:
    """The line that says what would make the agent eligible, from the criteria that
    ``failed``: ``éligible à partir du 1er septembre 2013 (ancienneté d'au moins 1
    an)``, or ``pour être éligible : …`` when several things are needed; None when none
    of them can be told (an excluded role)."""
    alone = len(failed) == 1
    parts: list[str] = []
    for leaf in failed:
        if leaf.code == "seniority.minimum" and isinstance(leaf.threshold, Duration):
            parts.append(_seniority(leaf, on, alone, lang))
        elif leaf.code in _REQUIRED:
            threshold = format_value(leaf.threshold, lang)
            parts.append(_REQUIRED[leaf.code][lang].format(threshold=threshold))
    if not parts:
        return None
    if alone and parts[0].startswith(("éligible", "eligible")):
        return parts[0]
    head = "pour être éligible" if lang == "fr" else "to be eligible"
    semicolon = f"{NNBSP};" if lang == "fr" else ";"
    return f"{head}{COLON[lang]} {f'{semicolon} '.join(parts)}"


def quota_remedy(
    failed: Sequence[CriterionResult],
    leaves: Sequence[CriterionResult],
    maximum: Quantity,
    working_time: Quantity | None,
    lang: Lang,
) -> str:
    """The line that says what the quota would grant instead of a refused ask: ``ce qui
    serait accordé : au plus 1 jour par semaine à 80 %, avec au moins 2 jours par
    semaine sur site``."""
    fr = lang == "fr"
    head = f"{'ce qui serait accordé' if fr else 'what would be granted'}{COLON[lang]}"
    most = float(maximum.magnitude)
    if most <= 0:
        return f"{head} {'aucun jour de télétravail' if fr else 'no day of telework'}"
    codes = {leaf.code for leaf in failed}
    parts: list[str] = []
    at = ""
    if working_time is not None:
        at = f" {'à' if fr else 'at'} {formats.quantity(working_time, lang)}"
    minimum = next((leaf for leaf in leaves if leaf.code == "quota.minimum"), None)
    words = formats.quantity(maximum, lang)
    if minimum is not None and "quota.minimum" in codes:
        least = format_value(minimum.threshold, lang)
        if least == format_value(maximum, lang):
            parts.append(f"{words}{at}")
        elif fr:
            parts.append(f"au moins {least} et au plus {words}{at}")
        else:
            parts.append(f"at least {least} and at most {words}{at}")
    if not parts:
        parts.append(f"{'au plus' if fr else 'at most'} {words}{at}")
    step = next((leaf for leaf in failed if leaf.code == "quota.granularity"), None)
    if step is not None:
        parts.append(steps_words(step.threshold, lang))
    on_site = next((leaf for leaf in leaves if leaf.code == "quota.on_site"), None)
    if on_site is not None and most > 0:
        threshold = on_site.threshold
        if threshold is not None and not isinstance(threshold, bool | tuple | str):
            amount = getattr(threshold, "magnitude", 0)
            if amount:
                words = format_value(threshold, lang)
                parts.append(
                    f"avec au moins {words} sur site" if fr else f"with at least {words} on site"
                )
    return f"{head} {', '.join(parts)}"
