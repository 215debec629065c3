"""The notebook displays' shared pieces: the language setting, numbers for people, and
HTML that is escaped and loads nothing."""

from __future__ import annotations

import pytest

from teletravail import display
from teletravail.errors import ValidationError
from teletravail.units import Q_


def test_language_is_english_until_set_and_restored_after_a_block() -> None:
    """English by default; ``language`` sets French for a block only; another language
    is refused with the library's error."""
    assert display.get_language() == "en"
    with display.language("fr"):
        assert display.get_language() == "fr"
        assert display.resolve(None) == "fr"
        assert display.resolve("en") == "en"
    assert display.get_language() == "en"
    previous = display.set_language("fr")
    try:
        assert previous == "en" and display.get_language() == "fr"
    finally:
        display.set_language(previous)
    with pytest.raises(ValidationError, match="en, fr"):
        display.set_language("de")  # type: ignore[arg-type]
    assert display.get_language() == "en"


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (Q_(60034.2, "km"), "60,034 km", "60\u202f034 km"),
        (Q_(5.87174016, "t CO2e"), "5.87 t CO2e", "5,87 t CO2e"),
        (Q_(674.0, "workday"), "674 days", "674 jours"),
        (Q_(1.5, "workday/week"), "1.5 days a week", "1,5 jour par semaine"),
        (Q_(1300, "EUR"), "€1,300.00", "1\u202f300,00\u00a0€"),
        (Q_(float("nan"), "km"), "—", "—"),
    ],
)
def test_amounts_are_rounded_for_people(value: object, english: str, french: str) -> None:
    """No ``6.003e+04 km``: whole numbers from a thousand up, else at most 2 decimals,
    thousands grouped, units in words (the texts written by hand)."""
    assert display.amount(value, "en") == english
    assert display.amount(value, "fr") == french


def test_counts_and_short_lines() -> None:
    """Counts are grouped; a repr's text is one line, cut with an ellipsis."""
    assert display.count(1200, "en") == "1,200"
    assert display.count(1200, "fr") == "1\u202f200"
    assert display.short("a\nb  c") == "a b c"
    assert display.short("x" * 80, 10) == "x" * 9 + "…"


def test_cards_and_grids_escape_every_text_and_load_nothing() -> None:
    """Titles, labels, values, headers and cells are escaped; the HTML has no script,
    no link and no URL."""
    html = display.card(
        "<script>alert(1)</script>",
        [("a & b", "<b>")],
        subtitle='"quoted"',
        parts=[display.grid(["<h>"], [["<c>"]], numeric=[True], caption="<cap>")],
        notes=["<note>"],
    )
    for raw in ("<script>", "<b>", "<h>", "<c>", "<cap>", "<note>"):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a &amp; b" in html and "&quot;quoted&quot;" in html
    assert "text-align:right" in html  # the numeric column
    for resource in ("http", "<link", "src=", "url("):
        assert resource not in html


def test_figures_are_made_without_pyplot_and_labelled_with_units() -> None:
    """A new figure has constrained layout and is not one of pyplot's; a given axes is
    drawn on; ticks write numbers as the language does."""
    import matplotlib
    from matplotlib.figure import Figure

    backend = matplotlib.rcParams["backend"]
    figure, axes = display.new_figure()
    assert isinstance(figure, Figure) and figure.get_layout_engine() is not None
    assert display.new_figure(axes) == (figure, axes)
    axes.plot([0, 1500], [0, 0.5])
    display.number_ticks(axes.xaxis, "fr")
    figure.canvas.draw()
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert "1\u202f000" in labels
    assert display.unit_label("distance", "km") == "distance (km)"
    assert matplotlib.rcParams["backend"] == backend
