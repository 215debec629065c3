"""Notebook displays: the HTML pieces every result's ``_repr_html_`` is made of, the
language they speak, and figures written for people.

Jupyter shows an object by calling its ``_repr_html_()`` with no argument, so the
language of a display cannot be passed in that call: it is a setting of this module,
English by default, which a notebook changes once with :func:`set_language` (or for a
block with :func:`language`). Each result also has ``to_html(lang)``, which takes the
language per call (``None``: this module's setting), for a report that mixes both or a
test that checks each.

>>> from teletravail import display
>>> from teletravail.units import Q_
>>> display.get_language()
'en'
>>> with display.language("fr"):
...     display.get_language()
'fr'
>>> display.amount(Q_(60034.2, "km"), "en"), display.amount(Q_(60034.2, "km"), "fr")
('60,034 km', '60\u202f034 km')

Everything written into the HTML is escaped (:func:`html.escape`); the HTML loads
nothing from outside (no script, no style sheet, no font): its few styles are inline.
The module sits in the core, below the decisions it displays (``explain``), and needs
only the messages and the formats.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

from teletravail import formats
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang

__all__ = [
    "amount",
    "card",
    "count",
    "get_language",
    "grid",
    "language",
    "new_figure",
    "number_ticks",
    "resolve",
    "set_language",
    "short",
    "unit_label",
    "words",
]

_SETTING: dict[str, Lang] = {"lang": "en"}

#: The styles of a display, inline so that the HTML needs nothing else.
_BOX: Final = (
    "border:1px solid #bbb;border-radius:4px;padding:4px 8px;display:inline-block;"
    "font-family:sans-serif;font-size:13px"
)
_CELL: Final = "padding:1px 8px;text-align:left;vertical-align:top"
_NUMBER: Final = "padding:1px 8px;text-align:right;vertical-align:top"
_HEAD: Final = "padding:1px 8px;text-align:left;border-bottom:1px solid #bbb"


def get_language() -> Lang:
    """The language of the displays (``"en"`` or ``"fr"``)."""
    return _SETTING["lang"]


def set_language(lang: Lang) -> Lang:
    """Make ``lang`` the language of the displays and of the figures and tables that
    are given none; returns the language it replaces."""
    previous = _SETTING["lang"]
    _SETTING["lang"] = check_lang(lang)
    return previous


@contextlib.contextmanager
def language(lang: Lang) -> Iterator[Lang]:
    """The displays in ``lang`` within a ``with`` block, as they were after it."""
    previous = set_language(lang)
    try:
        yield lang
    finally:
        _SETTING["lang"] = previous


def resolve(lang: Lang | None) -> Lang:
    """``lang`` checked, or the language of the displays when it is ``None``."""
    return get_language() if lang is None else check_lang(lang)


def words(phrase: Phrase | str, lang: Lang) -> str:
    """A phrase in ``lang`` (a plain string as it is)."""
    return phrase.text(lang) if isinstance(phrase, Phrase) else str(phrase)


def _places(magnitude: float) -> int | None:
    """How many decimals a reader wants: none from 1,000 up, else as few as it needs up
    to 2."""
    return 0 if abs(magnitude) >= 1000 else None


def amount(value: Any, lang: Lang) -> str:
    """A quantity for people, rounded to what a reader needs (``60,034 km``, ``5.91 t
    CO2e``, ``€1,300.00``, ``1.5 days a week``), in words where the unit has some."""
    magnitude = float(value.magnitude)
    if magnitude != magnitude:
        return "—"
    return formats.quantity(value, lang, _places(magnitude))


def count(value: int, lang: Lang) -> str:
    """A whole number with its thousands grouped: ``1,200`` and ``1 200``."""
    return formats.number(int(value), lang, 0)


def short(text: str, most: int = 60) -> str:
    """``text`` on one line, cut with an ellipsis past ``most`` characters (for a
    ``__repr__``)."""
    line = " ".join(str(text).split())
    return line if len(line) <= most else line[: most - 1] + "…"


def _rows(rows: Iterable[tuple[str, str]]) -> str:
    return "".join(
        f'<tr><th style="{_CELL};font-weight:normal;color:#555">{html.escape(label)}</th>'
        f'<td style="{_CELL}">{html.escape(value)}</td></tr>'
        for label, value in rows
    )


def grid(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Sequence[bool] = (),
    caption: str | None = None,
) -> str:
    """A table of text: a header row, then one row per item, each cell escaped;
    ``numeric`` says which columns hold numbers (aligned right)."""
    right = list(numeric) + [False] * (len(headers) - len(numeric))
    head = "".join(
        f'<th style="{_HEAD};text-align:{"right" if r else "left"}">{html.escape(h)}</th>'
        for h, r in zip(headers, right, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="{_NUMBER if r else _CELL}">{html.escape(str(cell))}</td>'
            for cell, r in zip(row, right, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    title = f'<caption style="text-align:left">{html.escape(caption)}</caption>' if caption else ""
    return (
        f'<table style="border-collapse:collapse">{title}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def card(
    title: str,
    rows: Iterable[tuple[str, str]],
    *,
    subtitle: str | None = None,
    parts: Iterable[str] = (),
    notes: Iterable[str] = (),
) -> str:
    """A display: a ``title`` (and a ``subtitle``), a table of ``(label, value)``
    ``rows``, then ``parts`` already written as HTML (tables of :func:`grid`), then
    ``notes`` as short lines of text. Every text is escaped."""
    head = f"<strong>{html.escape(title)}</strong>"
    if subtitle:
        head += f'<br><span style="color:#555">{html.escape(subtitle)}</span>'
    body = _rows(rows)
    table = f'<table style="border-collapse:collapse">{body}</table>' if body else ""
    extra = "".join(f'<div style="margin-top:4px">{part}</div>' for part in parts)
    lines = "".join(
        f'<div style="color:#555;margin-top:2px">{html.escape(note)}</div>' for note in notes
    )
    return f'<div class="teletravail" style="{_BOX}">{head}{table}{extra}{lines}</div>'


def new_figure(ax: Any = None, size: tuple[float, float] = (7.0, 4.0)) -> tuple[Any, Any]:
    """A matplotlib figure and its axes (the ``plot`` extra): ``ax``'s own when given,
    otherwise a new :class:`matplotlib.figure.Figure` with constrained layout, so that
    labels never overlap. It is built without pyplot: no backend is chosen or changed,
    and the notebook's own shows it."""
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the extra is in the test deps
        raise ValidationError(
            "plot", "matplotlib", Phrase("the 'plot' extra", "l'extra «\u00a0plot\u00a0»")
        ) from exc
    if ax is not None:
        return ax.figure, ax
    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def unit_label(name: str, unit: str) -> str:
    """An axis label with its unit: ``net emissions avoided (t CO2e)``."""
    return f"{name} ({unit})"


def number_ticks(axis: Any, lang: Lang, *, whole: bool = False) -> None:
    """Write the tick labels of a matplotlib ``axis`` (``axes.xaxis``) as numbers of
    ``lang`` (``1 200``, ``0,5`` in French); ``whole``: only whole numbers (counts)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if whole:
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _: formats.number(value, lang)))
