"""An assessment added up by group: the groups add up to the totals."""

from __future__ import annotations

import numpy as np
import pytest

from teletravail import presets
from teletravail.errors import ValidationError
from teletravail.report import GroupRow, group_rows
from teletravail.samples import lot_2013_workforce
from teletravail.synthetic import lot_2013_population

LOT = presets.load("lot-2013")


def test_groups_by_role_add_up_to_the_totals() -> None:
    """Each role's agents, eligible, granted, days, cents and emissions add up."""
    batch = LOT.assess_workforce(lot_2013_workforce(), "2013-01-01")
    rows = group_rows(batch, "role")
    totals = batch.totals()
    assert sum(r.agents for r in rows) == 1200
    assert sum(r.eligible for r in rows) == totals["eligible"] == 20
    assert sum(r.granted for r in rows) == totals["granted"] == 13
    assert sum(r.allowance_cents for r in rows) == batch.sums()["allowance_cents"]
    assert sum(r.days for r in rows) == pytest.approx(totals["days"].m_as("workday"))
    assert sum(r.net_kg for r in rows) / 1000 == pytest.approx(totals["impact_net"].m_as("t CO2e"))
    assert [r.agents for r in rows] == sorted((r.agents for r in rows), reverse=True)


def test_a_group_is_counted_by_hand() -> None:
    """The secretariat's row is what a mask over the columns gives."""
    staff = lot_2013_population(2000)
    batch = LOT.assess_workforce(staff, "2013-01-01")
    role = np.array(staff.role.categories)[staff.role.codes]
    mine = role == "secretariat"
    row = next(r for r in group_rows(batch, "role") if r.name == "secretariat")
    assert row == GroupRow(
        name="secretariat",
        agents=int(mine.sum()),
        eligible=int((batch.decisions.eligible & mine).sum()),
        granted=int(((batch.statuses() == "granted") & mine).sum()),
        days=pytest.approx(float(batch.days[mine].sum())),
        allowance_cents=int(batch.allowance_cents[mine].sum()),
        net_kg=pytest.approx(float(batch.impact.net_kg[mine].sum())),
    )


def test_agents_not_assessed_count_only_as_agents() -> None:
    """A row hired after the date is an agent of its group, in no other figure."""
    staff = lot_2013_population(50)
    late = staff.to_records()
    late[0] = {**late[0], "hire_date": "2014-01-01"}
    batch = LOT.assess_workforce(type(staff).from_records(late), "2013-01-01", errors="report")
    assert len(batch.errors) == 1
    rows = group_rows(batch, "role")
    assert sum(r.agents for r in rows) == 50
    assert sum(r.eligible for r in rows) == int(
        np.count_nonzero(batch.decisions.eligible & ~batch.invalid)
    )


def test_an_establishment_not_given_comes_last_and_unknown_groupings_are_refused() -> None:
    """Empty establishments make the group None; a column that is no grouping is refused."""
    records = lot_2013_population(30).to_records()
    for index, record in enumerate(records):
        record["establishment"] = "" if index % 3 == 0 else ("Cahors" if index % 2 else "Figeac")
    batch = LOT.assess_workforce(type(lot_2013_workforce()).from_records(records), "2013-01-01")
    rows = group_rows(batch, "establishment")
    assert [r.name for r in rows][-1] is None and {r.name for r in rows} == {
        "Cahors",
        "Figeac",
        None,
    }
    with pytest.raises(ValidationError) as caught:
        group_rows(batch, "commute_distance_km")
    assert caught.value.field == "by"
