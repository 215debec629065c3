"""A batch of agent documents read and assessed: every agent a row in its order, a bad
one rejected at its path, the figures those of the workforce assessed in Python."""

from __future__ import annotations

from .conftest import web_stack

web_stack()

from teletravail import presets  # noqa: E402
from teletravail.server.batch import ROW_COLUMNS, assess_documents, read_agents  # noqa: E402
from teletravail.synthetic import lot_2013_population  # noqa: E402


def test_the_rows_are_the_workforce_s_figures_in_order() -> None:
    workforce = lot_2013_population(60)
    documents = [agent.to_dict() for agent in workforce]
    documents.insert(7, {"id": "BAD", "hire_date": "2011-03-01", "working_time": 0.9})
    documents.insert(20, "not an agent")
    policy = presets.load("lot-2013")
    found = assess_documents(policy, documents, "2013-01-01", 2013)
    rows = found["rows"]
    assert [row["row"] for row in rows] == list(range(62))
    assert all(list(row) == list(ROW_COLUMNS) for row in rows)
    assert rows[7]["status"] == "rejected" and rows[7]["id"] == "BAD"
    assert rows[7]["error"].startswith("agents[7].working_time")
    assert rows[20]["status"] == "rejected" and rows[20]["id"] == ""
    good = [row for row in rows if row["status"] != "rejected"]
    batch = policy.assess(workforce, "2013-01-01")
    assert [row["id"] for row in good] == workforce.ids.tolist()
    assert [row["status"] for row in good] == batch.statuses().tolist()
    assert [row["days_workday"] for row in good] == batch.days.tolist()
    cents = [round(float(row["allowance_eur"]) * 100) for row in good]
    assert cents == batch.allowance_cents.tolist()
    assert (found["rows_read"], found["assessed"], found["failed"]) == (62, 60, 2)
    assert found["period"] == {"start": "2013-01-01", "end": "2013-12-31"}


def test_reading_keeps_each_good_agent_s_row() -> None:
    workforce, ids = read_agents(
        [{"id": "A", "hire_date": "2011-02-30"}, {"id": "B", "hire_date": "2011-01-01"}]
    )
    assert ids == ["A", "B"]
    assert workforce.source_rows.tolist() == [1]
    assert [error.row for error in workforce.rejected] == [0]
