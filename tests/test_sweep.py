"""Scenario sweeps: a grid of policy variants, one table of totals."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings

from teletravail import presets
from teletravail.config import from_document, to_document
from teletravail.eligibility import MinimumSeniority, Predicate
from teletravail.errors import ConfigError, ValidationError
from teletravail.sweep import sweep
from teletravail.synthetic import lot_2013_population
from teletravail.workforce import Workforce

from .strategies import sweep_grids

LOT = presets.load("lot-2013")
STAFF = lot_2013_population(2_000)
ON = "2013-01-01"
GRID = {
    "quota.maximum": ["1 workday/week", "1.5 workday/week", "2 workday/week", "3 workday/week"],
    "eligibility.all_of[0].minimum": ["6 months", "1 year"],
}


def test_sweep_gives_one_row_per_variant_in_grid_order() -> None:
    """Four maxima times two seniorities: eight rows, the first key varying slowest."""
    table = sweep(LOT, STAFF, ON, GRID)
    assert len(table) == 8
    assert [(r["quota.maximum"], r["eligibility.all_of[0].minimum"]) for r in table][:3] == [
        ("1 workday/week", "6 months"),
        ("1 workday/week", "1 year"),
        ("1.5 workday/week", "6 months"),
    ]
    eligible = [row["eligible"] for row in table]
    assert eligible[0] > eligible[1]  # six months admit more agents than a year
    days = [row["days"].m_as("workday") for row in table.rows[1::2]]
    assert days == sorted(days)  # a higher maximum never grants fewer days
    assert table.policies[3].quota is not None


def test_sweep_table_as_a_dataframe() -> None:
    """The DataFrame has the varied values, then totals named with their unit."""
    frame = sweep(LOT, STAFF, ON, GRID).to_pandas()
    assert list(frame.columns[:5]) == [
        "quota.maximum",
        "eligibility.all_of[0].minimum",
        "agents",
        "eligible",
        "entitled",
    ]
    assert {"days_workday", "allowance_eur", "impact_distance_km", "impact_net_t_co2e"} <= set(
        frame.columns
    )
    assert frame["agents"].tolist() == [2_000] * 8


def test_sweep_table_with_pint_columns() -> None:
    """units='pint' gives pint-pandas columns whose sums keep their unit."""
    pytest.importorskip("pint_pandas")
    from teletravail.tables import use_pint_pandas

    use_pint_pandas()
    frame = sweep(LOT, STAFF, ON, {"quota.maximum": GRID["quota.maximum"]}).to_pandas(units="pint")
    assert str(frame["allowance"].dtype) == "pint[EUR][Float64]"
    assert frame["days"].pint.to("workday").sum().units == "workday"


@settings(max_examples=15)
@given(sweep_grids())
def test_each_row_equals_the_variant_assessed_alone(grid: dict[str, list[str]]) -> None:
    """A row of a sweep has exactly the totals of its variant assessed on its own."""
    staff = STAFF
    table = sweep(LOT, staff, ON, grid)
    document = to_document(LOT)
    for row in table:
        variant = document
        for key in grid:
            value = row[key]
            if key == "quota.maximum":
                variant = {**variant, "quota": {**variant["quota"], "maximum": value}}
            else:
                rules = list(variant["eligibility"]["all_of"])
                rules[0] = {**rules[0], "minimum": value}
                variant = {**variant, "eligibility": {"all_of": rules}}
        alone = from_document(variant).assess_workforce(staff, ON).totals()
        assert {k: row[k] for k in alone} == alone


def test_equal_criteria_are_evaluated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Variants that differ by their quota compute each eligibility criterion once."""
    calls: list[str] = []
    original = MinimumSeniority.column

    def counted(self: MinimumSeniority, workforce: Workforce, on: dt.date) -> Any:
        calls.append(str(self.minimum))
        return original(self, workforce, on)

    monkeypatch.setattr(MinimumSeniority, "column", counted)
    table = sweep(LOT, STAFF, ON, GRID)
    assert len(table) == 8
    assert sorted(calls) == sorted({*calls}) and len(calls) == 2  # one per seniority


def test_policies_holding_code_cannot_be_swept() -> None:
    """A Predicate criterion has no document, so its policy cannot be varied by key path."""
    predicate = Predicate(
        name="x.everyone", function=lambda w, on: np.ones(len(w), dtype=bool), text="everyone"
    )
    coded = attrs.evolve(LOT, eligibility=LOT.eligibility & predicate)
    with pytest.raises(ValidationError):
        sweep(coded, STAFF, ON, {"quota.maximum": ["1 workday/week"]})


@pytest.mark.parametrize(
    ("grid", "field", "says"),
    [
        ({"quota.maxi mum": ["1 workday/week"]}, "grid", "key paths"),
        ({"quota.maximum": "1 workday/week"}, "grid.quota.maximum", "a list of values"),
        ({"quota.maximum": []}, "grid.quota.maximum", "at least one value"),
        ({"quotas.maximum": ["1 workday/week"]}, "grid.quotas.maximum", "did you mean 'quota'"),
        (
            {"eligibility.all_of[9].minimum": ["1 year"]},
            "grid.eligibility.all_of[9].minimum",
            "5 items",
        ),
        ({"name.first": ["x"]}, "grid.name.first", "not a table"),
        ({"quota": [{}], "quota.maximum": ["1 workday/week"]}, "grid", "apart"),
        ({}, "grid", "a mapping"),
    ],
)
def test_bad_grids_name_the_key(grid: dict[str, object], field: str, says: str) -> None:
    """A grid key that is not a path of the document is refused before any work."""
    with pytest.raises(ValidationError) as caught:
        sweep(LOT, STAFF, ON, grid)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert says in str(caught.value)


def test_a_bad_value_names_its_key_path_and_variant() -> None:
    """A value the document refuses is a ConfigError with the key path and the variant."""
    with pytest.raises(ConfigError) as caught:
        sweep(LOT, STAFF, ON, {"quota.maximum": ["1 workday/week", "2 km"]})
    assert caught.value.problems[0].path == "quota.maximum"
    assert "quota.maximum='2 km'" in caught.value.origin


def test_sweep_checks_its_arguments() -> None:
    """A policy, a workforce and a date are required."""
    with pytest.raises(ValidationError, match="a Policy"):
        sweep("lot", STAFF, ON, GRID)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="a Workforce"):
        sweep(LOT, [], ON, GRID)  # type: ignore[arg-type]


def test_a_sweep_over_a_period_is_each_variant_over_it() -> None:
    """With a period, each row is its variant assessed alone over the same days."""
    from teletravail import presets
    from teletravail.samples import lot_2013_workforce

    policy = presets.load("lot-2013")
    staff = lot_2013_workforce()
    grid = {"quota.maximum": ["1.5 workday/week", "2 workday/week"]}
    table = sweep(policy, staff, "2013-01-01", grid, period=("2013-01-01", "2014-06-30"))
    for row, variant in zip(table, table.policies, strict=True):
        alone = variant.assess_workforce(
            staff, "2013-01-01", period=("2013-01-01", "2014-06-30")
        ).totals()
        assert row["days"] == alone["days"] and row["allowance"] == alone["allowance"]
    assert table.rows[1]["granted"] > table.rows[0]["granted"]


def test_sweep_repr_display_and_period() -> None:
    """A sweep knows the days it assessed, shows one line as repr and a table of its
    variants in words and numbers for people."""
    from teletravail import presets
    from teletravail.samples import lot_2013_workforce
    from teletravail.sweep import sweep as run

    grid = {"quota.maximum": ["1 workday/week", "2 workday/week"]}
    swept = run(presets.load("lot-2013"), lot_2013_workforce(), "2013-01-01", grid)
    assert repr(swept) == "<Sweep of 2 variants over quota.maximum>"
    assert (str(swept.start), str(swept.end)) == ("2013-01-01", "2013-12-31")
    french = swept.to_html("fr")
    assert "Balayage de Lot 2013" in french and "du 1er janvier au 31 décembre 2013" in french
    assert "1\u202f226 jours" in french and "1\u202f900,00\u00a0€" in french
