"""Scenario documents: the shipped ones, a copy of one, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from teletravail.errors import UnknownScenarioError, ValidationError
from teletravail.reproductions import load_scenario, names, read_scenario, reproduce
from teletravail.reproductions.scenario import MEASURES


def test_shipped_scenarios() -> None:
    assert names() == ("lot-2012", "lot-2013", "lozere-2015", "telecentres-2012")
    lot = load_scenario("lot-2012")
    assert lot.policy == "lot-2011" and str(lot.on) == "2011-06-01"
    assert lot.assumptions["commute"].assumed
    assert not lot.assumptions["agents"].assumed
    assert lot.assumptions["speed"].applied and not lot.assumptions["commute"].applied


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(UnknownScenarioError) as caught:
        load_scenario("lot-2021")
    assert str(caught.value) == (
        "scenario: expected one of: lot-2012, lot-2013, lozere-2015, telecentres-2012"
        " (did you mean 'lot-2013'?), got 'lot-2021'"
    )
    assert caught.value.code == "unknown_scenario"


def _shipped(name: str) -> str:
    folder = Path(__file__).parents[2] / "src" / "teletravail" / "reproductions" / "scenarios"
    return (folder / f"{name}.toml").read_text("utf-8")


def test_a_missing_assumption_is_refused_naming_it() -> None:
    text = _shipped("lot-2012").replace("[assumptions.speed]", "[assumptions.pace]")
    with pytest.raises(ValidationError) as caught:
        read_scenario(text, "copy")
    assert caught.value.field == "assumptions.speed"
    assert "which figure time rests on" in str(caught.value)
    assert "l'hypothèse speed" in caught.value.text("fr")
    text = _shipped("telecentres-2012").replace("[assumptions.occupancy]", "[assumptions.x]")
    with pytest.raises(ValidationError, match=r"^assumptions\.occupancy: "):
        read_scenario(text, "copy")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            'source = "solozere-2015"\n\n[assumptions.volunteers]',
            'source = "solozere-2016"\n\n[assumptions.volunteers]',
            "assumptions.seats.source",
        ),
        (
            "assumed = true",
            'source = "solozere-2015"\nassumed = true',
            "assumptions.volunteers.source",
        ),
        ('measure = "selected"', 'measure = "chosen"', "figures[0].measure"),
        ('tolerance = "0 %"', "tolerance = 0", "figures[0].tolerance"),
        ("published = 8", "published = 8.5", "figures[0].published"),
    ],
)
def test_bad_documents_name_their_key(old: str, new: str, field: str) -> None:
    text = _shipped("lozere-2015")
    assert old in text
    with pytest.raises(ValidationError) as caught:
        read_scenario(text.replace(old, new, 1), "copy")
    assert caught.value.field == field


def test_a_territory_copies_a_scenario_and_swaps_its_data(tmp_path: Path) -> None:
    """The Lozère's scenario with 5 volunteers only: 5 chosen, not the 8 published."""
    register = "id,hire_date,commute_distance_km,volunteer\n" + "".join(
        f"V{i},2008-01-01,{20 + i},true\n" for i in range(5)
    )
    (tmp_path / "few.csv").write_text(register, "utf-8")
    text = _shipped("lozere-2015").replace("lozere-2015-volunteers.csv", "few.csv")
    (tmp_path / "mine.toml").write_text(text, "utf-8")
    row = reproduce([tmp_path / "mine.toml"]).rows[0]  # type: ignore[list-item]
    assert (row.scenario, row.model, row.difference, row.status) == ("mine", 5, -3, "not_reached")


def test_every_measure_has_a_unit_and_a_basis() -> None:
    assert {m.basis for m in MEASURES.values()} == {"assessment", "network", "economics"}
