"""Report-ready figures: their texts (titles, axis labels, tick labels) in English and
French, their bars against the tables, PNG and SVG, and matplotlib's backend left
alone. The texts are checked, not the pixels."""

from __future__ import annotations

import io
from typing import Any

import attrs
import matplotlib
import pytest

from teletravail import figures, presets, tables
from teletravail.errors import ValidationError
from teletravail.policy import BatchAssessment
from teletravail.samples import lot_2013_workforce
from teletravail.scheduling import DeskRequest, Telecentre, TelecentreNetwork, book

CAPTION_EN = "Lot 2013, 1 January to 31 December 2013, 1,200 agents"
CAPTION_FR = "Lot 2013, du 1er janvier au 31 décembre 2013, 1\u202f200 agents"


@pytest.fixture(scope="module")
def batch() -> BatchAssessment:
    return presets.load("lot-2013").assess(lot_2013_workforce(), on="2013-01-01")


def ticks(axis: Any) -> list[str]:
    axis.figure.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels()]


def saved(figure: Any) -> None:
    """The figure writes PNG and SVG."""
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png")
    figure.savefig(svg, format="svg")
    assert png.getvalue().startswith(b"\x89PNG") and b"<svg" in svg.getvalue()


def test_totals_by_group_titles_words_units_and_bars(batch: BatchAssessment) -> None:
    """Granted agents by role: the bars are the table's column, largest last (on top);
    the title names the policy, the period and the population."""
    backend = matplotlib.rcParams["backend"]
    figure = figures.totals_by_group(batch, "role")
    axes = figure.axes[0]
    assert axes.get_title() == f"agents granted telework by role\n{CAPTION_EN}"
    assert axes.get_xlabel() == "agents granted telework" and axes.get_ylabel() == "role"
    frame = tables.totals_by(batch, "role").set_index("role")
    bars = {t: p.get_width() for t, p in zip(ticks(axes.yaxis), axes.patches, strict=True)}
    assert bars == frame["granted"].to_dict()
    assert ticks(axes.yaxis)[-1] == "ressources_humaines"  # the most granted, 4
    assert figure.get_layout_engine() is not None
    saved(figure)
    assert matplotlib.rcParams["backend"] == backend


def test_totals_by_mode_in_french_with_units(batch: BatchAssessment) -> None:
    """Days by commuting mode in French: the mode in words, the unit on the axis, the
    ticks with French numbers."""
    figure = figures.totals_by_group(batch, "commute_mode", "days", lang="fr")
    axes = figure.axes[0]
    assert axes.get_title() == f"jours de télétravail par mode de déplacement\n{CAPTION_FR}"
    assert axes.get_xlabel() == "jours de télétravail (jours)"
    assert ticks(axes.yaxis) == ["voiture thermique"]
    assert axes.patches[0].get_width() == batch.totals()["days"].m_as("workday")
    with pytest.raises(ValidationError, match="granted"):
        figures.totals_by_group(batch, "role", "money")


def test_distributions_of_days_and_allowances(batch: BatchAssessment) -> None:
    """Two histograms over the 13 agents granted telework."""
    figure = figures.distributions(batch, lang="fr")
    days, paid = figure.axes
    assert figure.get_suptitle() == f"Répartition entre les agents en télétravail\n{CAPTION_FR}"
    assert days.get_xlabel() == "jours de télétravail par agent (jours)"
    assert paid.get_xlabel() == "indemnité par agent (€)"
    assert days.get_ylabel() == paid.get_ylabel() == "agents"
    assert sum(p.get_height() for p in days.patches) == 13
    saved(figure)


def test_refusals_name_the_rules_in_words(batch: BatchAssessment) -> None:
    """The criteria and rules that refuse most agents, by name, the largest on top."""
    figure = figures.refusals(batch, top=3)
    axes = figure.axes[0]
    counts = batch.decisions.failure_counts()
    largest = max(counts, key=lambda code: counts[code])
    assert largest == "volunteer"
    assert ticks(axes.yaxis)[-1] == "volunteering"
    assert len(axes.patches) == 3 and axes.patches[-1].get_width() == counts["volunteer"]
    assert axes.get_title() == f"The criteria and rules that refuse most agents\n{CAPTION_EN}"
    assert axes.get_xlabel() == "agents refused by the rule"
    assert all("." not in t and "_" not in t for t in ticks(axes.yaxis))


def test_scenarios_of_policies_and_of_a_sweep(batch: BatchAssessment) -> None:
    """Two policies side by side, then a sweep's variants, with the comparison's
    figures."""
    from teletravail.sweep import sweep

    lot = batch.policy
    two = attrs.evolve(
        lot, name="Lot, 2 days", quota=attrs.evolve(lot.quota, maximum="2 workday/week")
    )
    other = two.assess(batch.workforce, on="2013-01-01")
    figure = figures.scenarios([batch, other], "net")
    axes = figure.axes[0]
    assert ticks(axes.xaxis) == ["Lot 2013", "Lot, 2 days"]
    assert axes.get_ylabel() == "net emissions avoided (t CO2e)"
    assert axes.get_title() == (
        "Net emissions avoided by scenario\nLot 2013, Lot, 2 days: 1 January to 31 December"
        " 2013, 1,200 agents"
    )
    net = tables.comparison([batch, other])["impact_net_t_co2e"].tolist()
    assert [p.get_height() for p in axes.patches] == net
    swept = sweep(
        lot, batch.workforce, "2013-01-01", {"quota.maximum": ["1 workday/week", "2 workday/week"]}
    )
    figure = figures.scenarios(swept, "days", lang="fr")
    axes = figure.axes[0]
    assert axes.get_title() == (
        "Jours de télétravail par scénario\nvariantes de Lot 2013\u00a0: du 1er janvier au 31"
        " décembre 2013, 1\u202f200 agents"
    )
    assert ticks(axes.xaxis) == ["quota.maximum=1 workday/week", "quota.maximum=2 workday/week"]
    assert axes.get_ylabel() == "jours de télétravail (jours)"
    saved(figure)


def test_occupancy_of_telecentres_by_weekday() -> None:
    """Two centres, requests on two Mondays and a Tuesday: mean desks used per open
    weekday, the weekdays in words, the desks in the legend."""
    import datetime as dt

    network = TelecentreNetwork(
        name="Lot 2012",
        centres=(
            Telecentre(name="Figeac", commune="Figeac", department="Lot", desks=2),
            Telecentre(name="Cahors", commune="Cahors", department="Lot", desks=4),
        ),
    )
    monday = dt.date(2012, 10, 1)
    requests = [
        DeskRequest(agent_id="A", day=monday, centre="Figeac"),
        DeskRequest(agent_id="B", day=monday, centre="Figeac"),
        DeskRequest(agent_id="C", day=monday + dt.timedelta(days=7), centre="Figeac"),
        DeskRequest(agent_id="D", day=monday + dt.timedelta(days=8), centre="Cahors"),
    ]
    figure = figures.occupancy(book(requests, network), lang="fr")
    axes = figure.axes[0]
    assert axes.get_title() == (
        "Occupation des télécentres\u00a0: Lot 2012\n"
        "du 1er octobre au 9 octobre 2012, 4 demandes de poste"
    )
    assert ticks(axes.xaxis)[:2] == ["lundi", "mardi"]
    assert axes.get_ylabel() == "postes occupés en moyenne"
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == ["Figeac\u00a0: 2 postes", "Cahors\u00a0: 4 postes"]
    figeac_monday = axes.patches[0].get_height()
    assert figeac_monday == 1.5  # 2 desks, then 1, over the two Mondays
    saved(figure)
