"""How the commands write numbers: plainly for files and summaries (``1.5``, ``69``),
and for people in their language (``60,025.4``, ``60 025,4``)."""

from __future__ import annotations

from teletravail.messages import Lang

__all__ = ["figure", "plain"]


def plain(value: float, decimals: int) -> str:
    """A number rounded to ``decimals``, without trailing zeros: ``1.5``, ``69``."""
    text = f"{round(value, decimals) + 0.0:.{decimals}f}"  # + 0.0: no "-0"
    return text.rstrip("0").rstrip(".") if "." in text else text


def figure(value: float, decimals: int, lang: Lang, *, trim: bool = False) -> str:
    """A number for people: grouped thousands, a decimal comma and no-break spaces in
    French (``60,025.4``, ``60 025,4``)."""
    text = f"{round(value, decimals) + 0.0:,.{decimals}f}"  # + 0.0: no "-0"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text
