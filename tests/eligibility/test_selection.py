"""Selection campaigns: seats filled by rank, deterministic ties, waiting lists."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.eligibility import (
    SelectionCampaign,
    Volunteer,
)
from teletravail.errors import ValidationError
from teletravail.workforce import Agent, Workforce

from ..strategies import lot_rule, lozere_rule, lozere_selection

ON = dt.date(2015, 4, 1)


def lozere_applicants() -> Workforce:
    """Twelve made-up Lozère agents, two of them not volunteers, one distance unknown."""
    distances = [62, 15, 48, 48, 33, 71, 9, 55, 27, 40, None, 80]
    return Workforce.from_agents(
        Agent(
            id=f"LOZ-{i:02d}",
            hire_date="2010-01-01",
            commute_distance=None if d is None else f"{d} km",
            volunteer=i not in (5, 11),
        )
        for i, d in enumerate(distances)
    )


def test_lozere_8_seats_longest_commute_first() -> None:
    """The 8 seats go to volunteers with the longest commutes; ties break by id."""
    selection = lozere_selection().run(lozere_rule().evaluate(lozere_applicants(), ON))
    assert selection.selected_ids() == (
        "LOZ-00",
        "LOZ-07",
        "LOZ-02",
        "LOZ-03",
        "LOZ-09",
        "LOZ-04",
        "LOZ-08",
        "LOZ-01",
    )
    assert selection.waiting_list() == ("LOZ-06", "LOZ-10")
    assert selection.status("LOZ-05") == "not_eligible"
    assert selection.status("LOZ-10") == "not_selected"
    account = selection.explain("LOZ-06")
    assert account["status"] == "not_selected" and account["schema_version"] == 2
    assert account["rank"] == 9 and account["waiting_position"] == 1
    assert account["decision"]["eligible"] is True
    assert selection.explain("LOZ-10")["key"] is None


def test_every_agent_has_exactly_one_status() -> None:
    """Selected, not selected (waiting) and not eligible partition the workforce: nobody
    is lost."""
    selection = lozere_selection().run(lozere_rule().evaluate(lozere_applicants(), ON))
    statuses = [r["status"] for r in selection.to_records()]
    assert statuses.count("selected") == 8
    assert statuses.count("not_selected") == 2 and statuses.count("not_eligible") == 2
    assert len(selection.to_pandas()) == 12


def test_rank_by_seniority_and_custom_key() -> None:
    """Seniority ranks the earliest hire first; a custom key is any column function."""
    workforce = Workforce.from_agents(
        [
            Agent(id="B", hire_date="2005-01-01"),
            Agent(id="A", hire_date="2001-01-01"),
            Agent(id="C", hire_date="2009-01-01"),
        ]
    )
    batch = Volunteer().evaluate(workforce, ON)
    assert SelectionCampaign(seats=1, rank_by="seniority").run(batch).selected_ids() == ("A",)
    by_id_length = SelectionCampaign(
        seats=2, rank_by=lambda wf: np.arange(len(wf)), descending=False
    )
    assert by_id_length.run(batch).selected_ids() == ("B", "A")
    with pytest.raises(ValidationError):
        SelectionCampaign(seats=1, rank_by="salary")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="seats"):
        SelectionCampaign(seats=-1)


@given(st.lists(st.integers(0, 30), min_size=1, max_size=30), st.integers(0, 40), st.randoms())
def test_selection_is_deterministic_and_ordered(
    distances: list[int], seats: int, shuffle: object
) -> None:
    """Shuffling the input rows gives the same seats; ranks follow the key."""
    agents = [
        Agent(id=f"A{i:02d}", hire_date="2010-01-01", commute_distance=f"{d} km")
        for i, d in enumerate(distances)
    ]
    campaign = SelectionCampaign(seats=seats)
    first = campaign.run(Volunteer().evaluate(Workforce.from_agents(agents), ON))
    shuffled = list(agents)
    shuffle.shuffle(shuffled)  # type: ignore[attr-defined]
    second = campaign.run(Volunteer().evaluate(Workforce.from_agents(shuffled), ON))
    assert first.selected_ids() == second.selected_ids()
    assert first.waiting_list() == second.waiting_list()
    assert len(first.selected_ids()) == min(seats, len(agents))
    ranked = [distances[int(i[1:])] for i in first.selected_ids() + first.waiting_list()]
    assert ranked == sorted(ranked, reverse=True)


def test_invalid_rows_stay_out_of_the_campaign() -> None:
    """An agent hired after the date is reported invalid, not ranked."""
    workforce = Workforce.from_agents(
        [Agent(id="A", hire_date="2010-01-01"), Agent(id="B", hire_date="2016-01-01")]
    )
    selection = SelectionCampaign(seats=5).run(lot_rule().evaluate(workforce, ON, errors="report"))
    assert selection.status("B") == "invalid"
    assert "decision" not in selection.explain("B")
    assert selection.selected_ids() == ("A",)


def test_campaigns_compare_their_ranking_key() -> None:
    """Two campaigns with different keys are different; seats must be a whole number."""
    assert SelectionCampaign(seats=8, rank_by="seniority") != SelectionCampaign(seats=8)
    assert hash(SelectionCampaign(seats=8)) == hash(SelectionCampaign(seats=8))
    assert SelectionCampaign(seats=np.int64(3)).seats == 3
    for seats in (True, -1, 2.5, "8"):
        with pytest.raises(ValidationError, match="seats"):
            SelectionCampaign(seats=seats)  # type: ignore[arg-type]


def test_selection_arrays_are_read_only() -> None:
    """The ranks of a selection cannot be altered."""
    selection = lozere_selection().run(lozere_rule().evaluate(lozere_applicants(), ON))
    with pytest.raises(ValueError, match="read-only"):
        selection.rank[0] = 99
