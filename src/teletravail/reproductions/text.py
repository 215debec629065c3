"""The text of ``teletravail reproduce``, in English or French: per scenario, one line per
figure (published, model, difference), then what the row says, its source and the
assumptions it rests on; under each scenario, its assumptions with their sources or the
word "assumed", and their plausible values. Every figure is written by
:mod:`teletravail.formats`; no code is shown.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from teletravail.formats import money, number, period, quantity
from teletravail.messages import COLON, NBSP, Lang, Phrase

if TYPE_CHECKING:
    from .result import Reproduction, Row
    from .scenario import Assumption

__all__ = ["STATUSES", "render", "said"]

#: What a row says of its figure, by code.
STATUSES: Final[dict[str, Phrase]] = {
    "reproduced": Phrase(
        "reproduced from sourced inputs", "reproduit à partir de données sourcées"
    ),
    "assumed": Phrase(
        "reached only with assumptions no source supports: {names}",
        "atteint seulement avec des hypothèses qu'aucune source n'appuie" + NBSP + ": {names}",
    ),
    "not_reached": Phrase("not reached with these assumptions", "non atteint avec ces hypothèses"),
    "derived": Phrase(
        "not published: it follows from the assumptions",
        "non publié" + NBSP + ": il découle des hypothèses",
    ),
}

_WORDS: Final = {
    "title": Phrase(
        "Published figures beside the model's", "Chiffres publiés et chiffres du modèle"
    ),
    "published": Phrase("published", "publié"),
    "model": Phrase("model", "modèle"),
    "difference": Phrase("difference", "écart"),
    "figure": Phrase("figure", "chiffre"),
    "source": Phrase("source", "source"),
    "rests": Phrase("rests on", "repose sur"),
    "assumptions": Phrase("assumptions", "hypothèses"),
    "assumed": Phrase("assumed", "supposé"),
    "plausible": Phrase("plausible from {low} to {high}", "plausible de {low} à {high}"),
    "range": Phrase("with the plausible values", "avec les valeurs plausibles"),
    "nothing": Phrase("(nothing)", "(rien)"),
}


def _value(text: str, lang: Lang) -> str:
    """An applied assumption's value as a reader writes it (``0,116 kg CO2e/km``)."""
    if ".." in text:
        start, end = text.split("..", 1)
        return period(start, end, lang)
    from teletravail.errors import TeletravailError
    from teletravail.units import Q_

    decimals = len(text.split()[0].partition(".")[2])
    try:
        return quantity(Q_(text), lang, decimals)
    except (TeletravailError, ValueError, TypeError, AttributeError):
        return text


def _assumption(assumption: Assumption, lang: Lang) -> str:
    value = (
        _value(str(assumption.value), lang) if assumption.applied else assumption.value.text(lang)
    )
    source = (
        _WORDS["assumed"].text(lang) if assumption.source is None else assumption.source.cite(lang)
    )
    line = f"{assumption.label.text(lang)}{COLON[lang]} {value} — {source}"
    if assumption.note is not None:
        line += f" — {assumption.note.text(lang)}"
    if assumption.low is not None and assumption.high is not None:
        plausible = (
            _WORDS["plausible"]
            .text(lang)
            .format(low=_value(assumption.low, lang), high=_value(assumption.high, lang))
        )
        if assumption.range_note is not None:
            plausible += f", {assumption.range_note.text(lang)}"
        line += f" — {plausible}"
    return line


def _row(row: Row, lang: Lang, widths: tuple[int, int, int]) -> list[str]:
    figure, unit = row.figure, row.figure.unit
    scale = 100 if unit == "EUR" else 1
    published = None if figure.published is None else figure.published * scale
    difference = said(row.difference, unit, lang, sign=True)
    if row.relative is not None:
        share = number(round(row.relative * 100, 1), lang, 1)
        sign = "+" if row.relative > 0 else ""
        difference += f" ({sign}{share}{NBSP if lang == 'fr' else ''}%)"
    cells = (
        figure.label.text(lang).ljust(widths[0]),
        said(published, unit, lang).rjust(widths[1]),
        said(row.model, unit, lang).rjust(widths[2]),
        difference,
    )
    lines = ["  " + "  ".join(cells).rstrip()]
    status = STATUSES[row.status]
    assumed = ", ".join(a.label.text(lang) for a in row.assumptions if a.assumed)
    lines.append("      " + status.text(lang).format(names=assumed))
    if figure.note is not None:
        lines.append("      " + figure.note.text(lang))
    if row.low is not None:
        span = f"{said(row.low, unit, lang)} – {said(row.high, unit, lang)}"
        lines.append(f"      {_WORDS['range'].text(lang)}{COLON[lang]} {span}")
    if figure.source is not None:
        lines.append(f"      {_WORDS['source'].text(lang)}{COLON[lang]} {figure.source.cite(lang)}")
    rests = ", ".join(a.label.text(lang) for a in row.assumptions) or _WORDS["nothing"].text(lang)
    lines.append(f"      {_WORDS['rests'].text(lang)}{COLON[lang]} {rests}")
    return lines


def render(reproduction: Reproduction, lang: Lang = "en") -> str:
    """The table of ``reproduction`` in ``lang``."""

    def say(key: str) -> str:
        return _WORDS[key].text(lang)

    out = [say("title")]
    for scenario in reproduction.scenarios:
        rows = [row for row in reproduction.rows if row.scenario == scenario.name]
        scale = {row.figure.id: 100 if row.figure.unit == "EUR" else 1 for row in rows}
        widths = (
            max([len(say("figure"))] + [len(r.figure.label.text(lang)) for r in rows]),
            max(
                [len(say("published"))]
                + [
                    len(
                        said(
                            None
                            if r.figure.published is None
                            else r.figure.published * scale[r.figure.id],
                            r.figure.unit,
                            lang,
                        )
                    )
                    for r in rows
                ]
            ),
            max([len(say("model"))] + [len(said(r.model, r.figure.unit, lang)) for r in rows]),
        )
        out += ["", f"{scenario.title.text(lang)} ({scenario.name})"]
        head = (
            say("figure").ljust(widths[0]),
            say("published").rjust(widths[1]),
            say("model").rjust(widths[2]),
            say("difference"),
        )
        out.append("  " + "  ".join(head))
        for row in rows:
            out += _row(row, lang, widths)
        out.append(f"  {say('assumptions')}{COLON[lang]}")
        out += [f"    {_assumption(a, lang)}" for a in scenario.assumptions.values()]
    return "\n".join(out)


def said(value: float | None, unit: str | None, lang: Lang, *, sign: bool = False) -> str:
    """A figure as a reader writes it: ``38,735 km``, ``1 583,00 €``, ``600``."""
    if value is None or math.isnan(value):
        return "—"
    prefix = "+" if sign and value > 0 else ""
    if unit is None:
        return prefix + number(round(value), lang)
    if unit == "EUR":
        return prefix + money(round(value), lang)
    decimals = 2 if unit == "t CO2e" else 1 if unit == "day" else 0
    words = {"day": ("days", "jours"), "t CO2e": ("t CO2e", "t CO2e"), "km": ("km", "km")}
    word = words[unit][0 if lang == "en" else 1]
    shown = round(value, decimals)
    if unit == "day" and (shown == 1 if lang == "en" else abs(shown) < 2):
        word = word[:-1]  # 1 day; 0,1 jour, 1,5 jour (French counts below 2 in the singular)
    space = NBSP if lang == "fr" else " "
    return f"{prefix}{number(round(value, decimals), lang, decimals)}{space}{word}"
