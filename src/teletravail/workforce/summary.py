"""A workforce at a glance: what a notebook shows of a
:class:`~teletravail.workforce.Workforce` (its ``to_html(lang)``), in English or French,
and the words of the commuting modes.

The pieces of HTML and the language of the displays are :mod:`teletravail.display`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np

from teletravail import formats
from teletravail.display import amount, card, count, grid, resolve
from teletravail.messages import Lang, Phrase
from teletravail.units import Q_

from .agent import COMMUTE_MODES, CommuteMode

if TYPE_CHECKING:
    from .table import Workforce

__all__ = ["MODE_WORDS", "mode_word", "workforce_html"]

#: Each commuting mode in words, as a table or a figure names it.
MODE_WORDS: Final[dict[CommuteMode, Phrase]] = {
    CommuteMode.CAR_THERMAL: Phrase("combustion-engine car", "voiture thermique"),
    CommuteMode.CAR_ELECTRIC: Phrase("electric car", "voiture électrique"),
    CommuteMode.BUS: Phrase("bus", "bus"),
    CommuteMode.TRAIN_REGIONAL: Phrase("regional train", "train régional"),
    CommuteMode.TRAM: Phrase("tram", "tramway"),
    CommuteMode.MOTORBIKE: Phrase("motorbike", "deux-roues motorisé"),
    CommuteMode.BIKE: Phrase("bicycle", "vélo"),
    CommuteMode.WALKING: Phrase("walking", "marche à pied"),
}

_WORDS: Final[dict[str, Phrase]] = {
    "title": Phrase("Workforce", "Effectif"),
    "agents": Phrase("agents", "agents"),
    "rejected": Phrase("unreadable rows", "lignes illisibles"),
    "hired": Phrase("hired", "recrutés"),
    "working_time": Phrase("median working time", "quotité médiane"),
    "distance": Phrase("median commute", "trajet médian"),
    "unknown": Phrase("{n} unknown", "{n} inconnus"),
    "volunteers": Phrase("volunteers", "volontaires"),
    "establishments": Phrase("establishments", "établissements"),
    "role": Phrase("role", "fonction"),
    "mode": Phrase("commuting mode", "mode de déplacement"),
    "not_stated": Phrase("not stated", "non renseignée"),
    "others": Phrase("{n} others", "{n} autres"),
}
#: How many roles and modes a display lists before it sums up the rest.
_MOST: Final = 5


def mode_word(mode: CommuteMode | str, lang: Lang) -> str:
    """A commuting mode in words: ``combustion-engine car``, ``voiture thermique``."""
    return MODE_WORDS[CommuteMode(mode)].text(lang)


def _word(key: str, lang: Lang, n: int | None = None) -> str:
    phrase = _WORDS[key]
    if n is None:
        return phrase.text(lang)
    return Phrase(phrase, phrase.text("fr"), n=count(n, lang)).text(lang)


def _counts(labels: list[str], counts: list[int], lang: Lang) -> list[tuple[str, str]]:
    """The largest counts, then the rest summed up on one line."""
    order = sorted(range(len(labels)), key=lambda i: (-counts[i], labels[i]))
    shown = [(labels[i], count(counts[i], lang)) for i in order[:_MOST] if counts[i]]
    rest = [i for i in order[_MOST:] if counts[i]]
    if rest:
        shown.append((_word("others", lang, len(rest)), count(sum(counts[i] for i in rest), lang)))
    return shown


def workforce_html(workforce: Workforce, lang: Lang | None = None) -> str:
    """A workforce as a small HTML display: its size, when its agents were hired, its
    median working time and commute, its volunteers, and its largest roles and
    commuting modes (in words)."""
    lang = resolve(lang)
    n = len(workforce)
    rows = [(_word("agents", lang), count(n, lang))]
    if workforce.rejected:
        rows.append((_word("rejected", lang), count(len(workforce.rejected), lang)))
    if n:
        hired = workforce.hire_date
        first, last = (x.astype("datetime64[D]").item() for x in (hired.min(), hired.max()))
        rows.append((_word("hired", lang), formats.period(first, last, lang)))
        rows.append(
            (
                _word("working_time", lang),
                amount(Q_(float(np.median(workforce.working_time_percent)), "percent"), lang),
            )
        )
        known = workforce.commute_distance_km[~np.isnan(workforce.commute_distance_km)]
        if len(known):
            median = amount(Q_(float(np.median(known)), "km"), lang)
            if len(known) < n:
                median += f" ({_word('unknown', lang, n - len(known))})"
            rows.append((_word("distance", lang), median))
        rows.append((_word("volunteers", lang), count(int(workforce.volunteer.sum()), lang)))
        establishments = [c for c in workforce.establishment.categories if c]
        if establishments:
            rows.append((_word("establishments", lang), count(len(establishments), lang)))
    parts = []
    if n:
        roles = workforce.role
        labels = [c or _word("not_stated", lang) for c in roles.categories]
        per_role = np.bincount(roles.codes, minlength=len(labels)).tolist()
        parts.append(
            grid(
                [_word("role", lang), _word("agents", lang)],
                _counts(labels, per_role, lang),
                numeric=(False, True),
            )
        )
        per_mode = np.bincount(workforce.commute_mode, minlength=len(COMMUTE_MODES)).tolist()
        parts.append(
            grid(
                [_word("mode", lang), _word("agents", lang)],
                _counts([mode_word(m, lang) for m in COMMUTE_MODES], per_mode, lang),
                numeric=(False, True),
            )
        )
    return card(_word("title", lang), rows, parts=parts)
