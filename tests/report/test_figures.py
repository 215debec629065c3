"""The figures of a bilan: their words (not their pixels), and matplotlib left alone."""

from __future__ import annotations

import base64
import re

import matplotlib
import pytest

from teletravail import presets
from teletravail.report import bilan_context
from teletravail.report.figures import bar_figure, data_uri, histogram_figure, svg
from teletravail.samples import lot_2013_workforce

LOT = presets.load("lot-2013")


def _texts(svg_text: str) -> list[str]:
    """The words of an SVG whose fonts were kept as text."""
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg_text) if t.strip()]


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, str]]:
    batch = LOT.assess_workforce(lot_2013_workforce(), "2013-01-01")
    found = bilan_context(batch, "fr")["figures"]
    return {figure["key"]: figure for figure in found}


def _decoded(figure: dict[str, str]) -> str:
    return base64.b64decode(figure["src"].split(",", 1)[1]).decode("utf-8")


def test_every_figure_names_policy_period_and_register(figures: dict[str, dict[str, str]]) -> None:
    """Each title names the policy, the period and the rows, in French."""
    assert set(figures) == {"statuses", "rules", "days", "allowance", "role"}
    for figure in figures.values():
        texts = _texts(_decoded(figure))
        assert "Lot 2013, du 1er janvier au 31 décembre 2013, 1\u202f200 lignes" in texts
        assert figure["title"].endswith(
            "— Lot 2013, du 1er janvier au 31 décembre 2013, 1\u202f200 lignes"
        )


def test_figures_say_words_and_units(figures: dict[str, dict[str, str]]) -> None:
    """Rules by their names, statuses by their labels, axes with their units."""
    rules = _texts(_decoded(figures["rules"]))
    assert "fonctions exclues" in rules and "role.excluded" not in rules
    assert "volontariat" in rules and "agents écartés par la règle" in rules
    assert "1\u202f088" in rules  # the count written on its bar, French digits
    statuses = _texts(_decoded(figures["statuses"]))
    assert {"accordés", "refusés", "non éligibles", "lignes"} <= set(statuses)
    days = _texts(_decoded(figures["days"]))
    assert "jours de télétravail sur la période (jour travaillé)" in days and "69,5" in days
    assert "indemnités versées sur la période (€)" in _texts(_decoded(figures["allowance"]))
    role = _texts(_decoded(figures["role"]))
    assert {"éligibles", "bénéficiaires", "ressources_humaines"} <= set(role)


def test_drawing_never_touches_the_backend() -> None:
    """No backend is chosen or switched, and pyplot's figures are not used."""
    before = matplotlib.rcParams._get_backend_or_none()  # type: ignore[attr-defined]
    figure = bar_figure("t", ["a", "b"], [1, 2], "x (km)", "en")
    text = svg(histogram_figure("h", [1.0, 2.0, 2.0], "days", "agents", "en"))
    assert matplotlib.rcParams._get_backend_or_none() == before  # type: ignore[attr-defined]
    assert figure.canvas.manager is None
    assert "<svg" in text and "Date" not in text


def test_svg_is_the_same_on_every_run() -> None:
    """No date and fixed ids: the same figure gives the same bytes."""
    first = svg(bar_figure("t", ["a"], [3], "x", "en"))
    assert first == svg(bar_figure("t", ["a"], [3], "x", "en"))
    assert data_uri(first).startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(data_uri(first).split(",")[1]).decode() == first
