"""Each shipped reproduction pins the model's figure and its difference to the published one."""

from __future__ import annotations

import json

import jsonschema
import pytest

from teletravail import schemas
from teletravail.reproductions import reproduce


@pytest.fixture(scope="module")
def rows() -> dict[str, object]:
    found = reproduce(ranges=True)
    return {f"{row.scenario}/{row.figure.id}": row for row in found.rows}


# figure: (published, model, difference, status); money in cents
PINNED = {
    "lot-2012/distance": (38_735, 38_472, -263, "assumed"),  # 12 × 2 × 28 km × 57.25 days
    "lot-2012/time": (32, 32.06, 0.06, "assumed"),  # 38,472 km ÷ 50 km/h ÷ 24 h
    "lot-2012/emissions": (4.5, 4.462752, -0.037248, "assumed"),  # 38,472 km × 0.116 kg
    "lot-2012/money_per_agent": (158_300, 156_132, -2_168, "assumed"),  # 3,206 km × 0.487
    "lot-2012/money_total": (158_300, 1_873_586, 1_715_286, "not_reached"),
    "lot-2013/posts": (1_200, 1_200, 0, "assumed"),
    "lot-2013/teleworkable": (600, 600, 0, "assumed"),
    "lot-2013/eligible": (20, 20, 0, "assumed"),
    "lozere-2015/selected": (8, 8, 0, "assumed"),
    "telecentres-2012/centres": (7, 7, 0, "reproduced"),
    "telecentres-2012/desks": (27, 27, 0, "reproduced"),
    "telecentres-2012/set_up": (1_000_000, 1_000_000, 0, "reproduced"),
    "telecentres-2012/running": (375_000, 375_000, 0, "reproduced"),
}


@pytest.mark.parametrize("key", sorted(PINNED))
def test_each_figure_pinned(rows: dict[str, object], key: str) -> None:
    published, model, difference, status = PINNED[key]
    row = rows[key]
    scale = 100 if row.figure.unit == "EUR" else 1  # type: ignore[attr-defined]
    assert row.figure.published * scale == pytest.approx(published)  # type: ignore[attr-defined]
    assert row.model == pytest.approx(model, abs=1e-6)  # type: ignore[attr-defined]
    assert row.difference == pytest.approx(difference, abs=1e-6)  # type: ignore[attr-defined]
    assert row.status == status  # type: ignore[attr-defined]


def test_cost_per_desk_day_follows_from_the_occupancy(rows: dict[str, object]) -> None:
    """7 × (10,000 ÷ 5 + 3,750) = 40,250 EUR over 27 × 249 × 50 % desk-days: 11.97 EUR."""
    row = rows["telecentres-2012/cost_per_desk_day"]
    assert row.model == 1197  # type: ignore[attr-defined]
    assert row.status == "derived" and row.difference is None  # type: ignore[attr-defined]
    # 3 years at 75 %: 40,250 → 7 × (3,333.33 + 3,750); 10 years at 25 %
    assert (row.low, row.high) == (659, 2950)  # type: ignore[attr-defined]


def test_ranges_of_the_uncertain_assumptions(rows: dict[str, object]) -> None:
    """50 km/h between 40 and 60; 0.116 to 0.2176 kg/km; 3 CV to 7 CV."""
    time = rows["lot-2012/time"]
    assert (time.low, time.high) == pytest.approx((38_472 / 60 / 24, 38_472 / 40 / 24), abs=0.01)  # type: ignore[attr-defined]
    co2 = rows["lot-2012/emissions"]
    assert (co2.low, co2.high) == pytest.approx((4.462752, 38.472 * 0.2176 / 1), rel=1e-6)  # type: ignore[attr-defined]
    money = rows["lot-2012/money_per_agent"]
    assert money.low < 158_300 < money.high  # type: ignore[attr-defined]
    assert rows["lot-2013/eligible"].low is None  # type: ignore[attr-defined]


def test_every_row_holds_its_assumptions_with_source_or_assumed() -> None:
    document = json.loads(json.dumps(reproduce(["lot-2012"]).to_dict()))
    jsonschema.validate(document, schemas.schema("teletravail.reproduction"))
    first = document["rows"][0]
    assert first["published"] == {"value": 38735.0, "unit": "km"}
    named = {a["name"]: a["source"] for a in first["assumptions"]}
    assert named["commute"] == "assumed"
    assert named["agents"].endswith("Zevillage")
    money = document["rows"][3]
    assert money["published"] == {"value": "1583.00", "unit": "EUR"}
    assert money["model"] == {"value": "1561.32", "unit": "EUR"}


def test_text_in_both_languages_and_csv() -> None:
    found = reproduce(["lot-2012"])
    english, french = found.text("en"), found.text("fr")
    assert "  distance avoided                38,735 km    38,472 km  -263 km (-0.7%)" in english
    assert "distance évitée                   38\u202f735\u00a0km    38\u202f472\u00a0km" in french
    assert "−" not in english and "cost_per_km" not in english and "cost_per_km" not in french
    assert "not reached with these assumptions" in english
    assert "non atteint avec ces hypothèses" in french
    lines = found.to_csv().splitlines()
    assert lines[0].startswith("scenario,figure,label,unit,published,source,model,difference")
    assert lines[1].startswith("lot-2012,distance,distance avoided,km,38735.0,")
    assert len(lines) == 6
