"""Assessments over HTTP: the figures are the Python API's, every bad input a problem
document, the server serving on after each."""

from __future__ import annotations

from typing import Any

import pytest

from ..conftest import OURS, web_stack

web_stack()

from teletravail import Agent, Assessment, Workforce, presets  # noqa: E402
from teletravail.synthetic import lot_2013_population  # noqa: E402

from ..checks import ok, problem  # noqa: E402

APPLICANT = {
    "id": "LOT-042",
    "hire_date": "2011-03-01",
    "working_time": {"value": 90, "unit": "%"},
    "role": "instructeur",
    "commute_distance": {"value": 28, "unit": "km"},
    "requested_telework": {"value": 1.5, "unit": "workday/week"},
}
LATE = {"id": "LOT-043", "hire_date": "2012-06-01", "working_time": "80 %", "role": "cadre"}


def test_one_agent_is_assessed_as_the_python_api_does(client: Any) -> None:
    policy = presets.load("lot-2013")
    for data, period in ((APPLICANT, None), (LATE, 2013), (APPLICANT, "2013-03-01..2013-06-30")):
        body: dict[str, Any] = {"agent": data, "on": "2013-01-01"}
        if period is not None:
            body["period"] = period
        found = ok(client.post("/v1/policies/lot-2013/assessment", json=body))
        expected = policy.assess(Agent.from_dict(data), "2013-01-01", period=period)
        assert found == expected.to_dict()
        # the answer reads back to the same assessment
        assert Assessment.from_dict(found) == expected
    spans = {
        "agent": APPLICANT,
        "on": "2013-01-01",
        "period": {"start": "2013-02-01", "end": "2013-02-28"},
    }
    found = ok(client.post("/v1/policies/lot-2013/assessment", json=spans))
    assert found["period"] == {"start": "2013-02-01", "end": "2013-02-28"}
    # the folder's document is served as the preset it copies
    ours = ok(
        client.post(
            f"/v1/policies/{OURS}/assessment", json={"agent": APPLICANT, "on": "2013-01-01"}
        )
    )
    lot = policy.assess(Agent.from_dict(APPLICANT), "2013-01-01").to_dict()
    assert ours == lot | {"policy": "Ours"}


def test_the_explanation_in_the_language_asked(client: Any) -> None:
    policy = presets.load("lot-2013")
    expected = policy.assess(Agent.from_dict(LATE), "2013-01-01")
    for lang in ("en", "fr"):
        found = ok(
            client.post(
                "/v1/policies/lot-2013/explanation",
                json={"agent": LATE, "on": "2013-01-01"},
                headers={"Accept-Language": f"{lang};q=0.9, de"},
            )
        )
        assert found["lang"] == lang and found["status"] == "not_eligible"
        assert found["text"] == expected.text(lang)
        assert found["decision"] == expected.decision.to_dict()
    french = ok(
        client.post(
            "/v1/policies/lot-2013/explanation?lang=fr", json={"agent": LATE, "on": "2013-01-01"}
        )
    )
    assert "ancienneté : 7 mois, en deçà du minimum de 1 an" in french["text"].replace(
        "\u00a0", " "
    )


def test_a_batch_is_assessed_as_the_python_api_does(client: Any) -> None:
    agents = [
        APPLICANT,
        LATE,
        {**APPLICANT, "id": "LOT-044", "requested_telework": "2 workday/week"},
        *lot_2013_population(40).to_documents(),
    ]
    found = ok(
        client.post(
            "/v1/policies/lot-2013/assessments",
            json={"agents": agents, "on": "2013-01-01", "period": 2013},
        )
    )
    documents = [{"format": "teletravail.agent", **agent} for agent in agents[:3]] + agents[3:]
    batch = presets.load("lot-2013").assess(
        Workforce.from_records(documents, errors="report"), "2013-01-01", errors="report"
    )
    assert found == batch.to_dict()
    assert found["schema"] == "teletravail.assessment.rows"
    assert (found["rows_read"], found["assessed"], found["failed"]) == (43, 43, 0)
    assert [row["id"] for row in found["rows"][:3]] == ["LOT-042", "LOT-043", "LOT-044"]
    assert [row["allowance"]["value"] for row in found["rows"][:3]] == ["100.00", "0.00", "0.00"]


def test_a_bad_agent_of_a_batch_is_a_rejected_row_at_its_path(client: Any) -> None:
    agents = [APPLICANT, {"id": "BAD", "hire_date": "2011-02-30"}, LATE, {**LATE, "colour": 1}]
    found = ok(
        client.post(
            "/v1/policies/lot-2013/assessments", json={"agents": agents, "on": "2013-01-01"}
        )
    )
    rows = found["rows"]
    assert [row["status"] for row in rows] == ["granted", "rejected", "not_eligible", "rejected"]
    assert rows[1]["id"] == "BAD" and rows[3]["id"] == "LOT-043"
    # agents[1].hire_date: the row is the agent's index, the field its key path
    error = rows[1]["error"]
    assert (error["row"], error["field"], error["value"]) == (1, "hire_date", "'2011-02-30'")
    assert error["message"] == (
        "hire_date: expected a date that exists, e.g. 2013-02-28, got '2011-02-30'"
    )
    assert error["message_fr"].startswith("hire_date\u00a0: attendu une date qui existe")
    assert (rows[3]["error"]["row"], rows[3]["error"]["field"]) == (3, "colour")
    assert found["failed"] == 2


BAD_BODIES = [
    ("malformed_json", 400, b'{"agent": {"id": "A",}', None),
    (
        "invalid_value",
        422,
        {"agent": {**APPLICANT, "colour": "blue"}, "on": "2013-01-01"},
        "agent.colour",
    ),
    (
        "invalid_value",
        422,
        {
            "agent": {**APPLICANT, "commute_distance": {"value": 28, "unit": "kg"}},
            "on": "2013-01-01",
        },
        "agent.commute_distance",
    ),
    (
        "invalid_value",
        422,
        {"agent": {**APPLICANT, "commute_distance": "28 kg"}, "on": "2013-01-01"},
        "agent.commute_distance",
    ),
    ("invalid_value", 422, {"agent": APPLICANT, "on": "2013-02-30"}, "on"),
    ("invalid_value", 422, {"agent": APPLICANT, "on": "2012-06-01"}, "on"),
    ("invalid_value", 422, {"agent": APPLICANT, "on": "2013-01-01", "period": 2012}, "period"),
    ("invalid_value", 422, {"agent": APPLICANT, "on": "2013-01-01", "period": True}, "period"),
    ("invalid_value", 422, {"agent": APPLICANT}, "on"),
    ("invalid_value", 422, {"agent": APPLICANT, "on": "2013-01-01", "agnet": 1}, "agnet"),
    ("invalid_value", 422, [APPLICANT], "body"),
    (
        "bad_document",
        422,
        {"agent": {"id": "A", "hire_date": "2011-02-30"}, "on": "2013-02-30"},
        "agent.hire_date",
    ),
]


@pytest.mark.parametrize(("code", "status", "body", "field"), BAD_BODIES)
def test_every_bad_input_is_a_problem_document_and_the_server_serves_on(
    client: Any, code: str, status: int, body: Any, field: str | None
) -> None:
    content = body if isinstance(body, bytes) else None
    sent = client.post(
        "/v1/policies/lot-2013/assessment",
        content=content,
        json=None if content is not None else body,
        headers={"Content-Type": "application/json", "Accept-Language": "fr"},
    )
    found = problem(sent, status, code)
    assert found["lang"] == "fr" and found["detail"] == found["message_fr"]
    assert found["instance"] == "/v1/policies/lot-2013/assessment"
    if field is not None:
        assert found["field"] == field
    ok(client.get("/v1/health"))


def test_a_batch_over_the_limit(client: Any) -> None:
    agents = [{**APPLICANT, "id": f"A-{i}"} for i in range(51)]
    found = problem(
        client.post(
            "/v1/policies/lot-2013/assessments", json={"agents": agents, "on": "2013-01-01"}
        ),
        422,
        "batch_too_large",
    )
    assert found["field"] == "agents" and "50" in found["expected"]
    problem(
        client.post("/v1/policies/lot-2013/assessments", json={"agents": {}, "on": "2013-01-01"}),
        422,
        "invalid_value",
    )


def test_a_body_over_the_limit(client: Any) -> None:
    large = {"agent": {**APPLICANT, "establishment": "x" * 300_000}, "on": "2013-01-01"}
    found = problem(
        client.post("/v1/policies/lot-2013/assessment", json=large), 413, "body_too_large"
    )
    assert found["field"] == "body"

    def chunks() -> Any:  # no Content-Length: refused while it streams in
        yield b'{"agent": {"establishment": "'
        for _ in range(30):
            yield b"x" * 10_000
        yield b'"}, "on": "2013-01-01"}'

    problem(
        client.post("/v1/policies/lot-2013/assessment", content=chunks()), 413, "body_too_large"
    )
    ok(client.get("/v1/health"))
