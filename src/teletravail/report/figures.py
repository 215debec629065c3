"""The figures of a bilan, drawn with matplotlib (the ``plot`` extra) and written as SVG.

Each figure is a :class:`matplotlib.figure.Figure` built without ``pyplot``: no backend
is chosen or changed, so a notebook's own plots are left alone. Each has a title that
names the policy, the period and the register, axes that say their units, words rather
than codes, and the language of the bilan. :func:`svg` writes one as SVG text whose
words stay text (``svg.fonttype = "none"``: readable, searchable, small) and whose
bytes do not depend on the day or the run (no date, fixed ids), and
:func:`data_uri` as the ``data:`` address a page embeds with no file beside it.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from teletravail.errors import ValidationError
from teletravail.formats import number
from teletravail.messages import Lang, Phrase

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "FIGURE_SIZE",
    "bar_figure",
    "data_uri",
    "histogram_figure",
    "svg",
]

#: The size of every figure, in inches (at 100 dots per inch: 800 × 400 pixels).
FIGURE_SIZE: Final = (8.0, 4.0)
_BARS: Final = "#2b6a99"
_SECOND: Final = "#9cc3e0"
_PLOT_EXTRA: Final = Phrase(
    "the 'plot' extra: pip install 'teletravail[plot]'",
    "l'extra «\u00a0plot\u00a0»\u00a0: pip install 'teletravail[plot]'",
)


def _figure() -> Figure:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the extra is part of the test deps
        raise ValidationError("report", "matplotlib", _PLOT_EXTRA) from exc
    return Figure(figsize=FIGURE_SIZE, dpi=100, layout="constrained")


def _tick_format(lang: Lang) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: number(float(value), lang))


def bar_figure(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    axis: str,
    lang: Lang,
    *,
    second: Sequence[float] | None = None,
    legend: tuple[str, str] | None = None,
) -> Figure:
    """Horizontal bars, the first label on top, each bar with its value written at its
    end; ``second`` draws a second, lighter bar beside each (``legend`` names the two)."""
    figure = _figure()
    axes = figure.add_subplot()
    count = len(labels)
    where = np.arange(count)[::-1].astype(float)
    height = 0.4 if second is not None else 0.7
    shift = height / 2 if second is not None else 0.0
    bars = axes.barh(where + shift, values, height=height, color=_BARS)
    axes.bar_label(bars, labels=[number(float(v), lang) for v in values], padding=3, fontsize=8)
    if second is not None:
        more = axes.barh(where - shift, second, height=height, color=_SECOND)
        axes.bar_label(more, labels=[number(float(v), lang) for v in second], padding=3, fontsize=8)
        if legend is not None:
            axes.legend([bars, more], list(legend), loc="lower right", fontsize=8)
    axes.set_yticks(where, list(labels), fontsize=9)
    axes.set_xlabel(axis)
    axes.xaxis.set_major_formatter(_tick_format(lang))
    highest = max([*values, *(second or []), 1.0])
    axes.set_xlim(0, highest * 1.15)
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def histogram_figure(
    title: str, values: Sequence[float], axis: str, count_axis: str, lang: Lang
) -> Figure:
    """How many agents fall in each of 20 bins of equal width of ``values``, or have
    each value when there are at most 12 (one bar per value, side by side)."""
    figure = _figure()
    axes = figure.add_subplot()
    data = np.asarray(values, dtype=float)
    distinct = np.unique(data)
    if len(distinct) <= 12:  # one bar per value, side by side
        counts = [int(np.count_nonzero(data == v)) for v in distinct]
        where = np.arange(len(distinct))
        bars = axes.bar(where, counts, width=0.6, color=_BARS)
        axes.bar_label(bars, labels=[number(c, lang) for c in counts], padding=2, fontsize=8)
        axes.set_xticks(where, [number(float(v), lang) for v in distinct], fontsize=8)
    else:
        axes.hist(data, bins=20, color=_BARS, edgecolor="white")
        axes.xaxis.set_major_formatter(_tick_format(lang))
    axes.yaxis.set_major_formatter(_tick_format(lang))
    axes.set_xlabel(axis)
    axes.set_ylabel(count_axis)
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def svg(figure: Figure) -> str:
    """The figure as SVG text, its words as text and its bytes the same on every run."""
    import matplotlib

    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "teletravail"}):
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def data_uri(text: str) -> str:
    """An SVG text as the ``data:`` address of an image (base64)."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
