"""A batch of agent documents read and assessed: the library's rows document, every
agent a row in its order, a bad one rejected with its row and its key path."""

from __future__ import annotations

from .conftest import web_stack

web_stack()

from teletravail import Workforce, presets  # noqa: E402
from teletravail.server.batch import agent_ids, as_documents, assess_documents  # noqa: E402
from teletravail.synthetic import lot_2013_population  # noqa: E402


def test_the_answer_is_the_library_s_rows_document() -> None:
    documents = lot_2013_population(60).to_documents()
    documents.insert(7, {"format": "teletravail.agent", "id": "BAD", "hire_date": "2011-02-30"})
    documents.insert(20, "not an agent")
    policy = presets.load("lot-2013")
    found = assess_documents(policy, documents, "2013-01-01", 2013)
    workforce = Workforce.from_records(documents, errors="report")
    expected = policy.assess(workforce, "2013-01-01", period=2013, errors="report")
    assert found == expected.to_dict(agent_ids(documents))
    rows = found["rows"]
    assert [row["row"] for row in rows] == list(range(62))
    assert rows[7]["status"] == "rejected" and rows[7]["id"] == "BAD"
    assert rows[7]["error"]["row"] == 7 and rows[7]["error"]["field"] == "hire_date"
    assert rows[20]["status"] == "rejected" and rows[20]["id"] is None
    assert (found["rows_read"], found["assessed"], found["failed"]) == (62, 60, 2)


def test_an_object_without_format_is_read_as_an_agent_document() -> None:
    agents = [
        {"id": "A", "hire_date": "2011-03-01", "tags": ["cadre"], "working_time": "80 %"},
        {"id": "B", "hire_date": "2011-03-01", "colour": "blue"},
        {"id": "C", "hire_date": "2011-03-01", "format": "teletravail.agent"},
        {"id": "D", "hire_date": "2011-03-01", "format": "another"},
        ["not", "an", "agent"],
    ]
    documents = as_documents(agents)
    assert documents[0] == {"format": "teletravail.agent", **agents[0]}
    assert documents[2] is agents[2] and documents[3] is agents[3] and documents[4] is agents[4]
    found = assess_documents(presets.load("lot-2013"), agents, "2013-01-01")
    statuses = [row["status"] for row in found["rows"]]
    assert statuses == ["not_eligible", "rejected", "granted", "rejected", "rejected"]
    # an unknown key refuses its agent, named by its row and its key, not the batch
    error = found["rows"][1]["error"]
    assert (error["row"], error["field"], error["code"]) == (1, "colour", "invalid_value")
    assert found["rows"][3]["error"]["field"] == "format"


def test_each_agent_s_id_as_given() -> None:
    assert agent_ids([{"id": "A"}, {"id": 3}, {}, "B", None]) == ["A", None, None, None, None]
