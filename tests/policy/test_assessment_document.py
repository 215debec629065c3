"""An assessment as a JSON document, both ways: what is written reads back equal, says
the same text in both languages, and a bad document names its key path."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Agent, presets
from teletravail.errors import ConfigError, NotAvailableError, ValidationError
from teletravail.policy import Assessment
from tests.strategies import agents

PRESETS = ("lot-2013", "lot-2011", "cantal-2012", "lozere-2015", "public-service", "private-sector")
ON = {"lot-2011": "2011-06-01", "cantal-2012": "2012-06-01", "lot-2013": "2013-01-01"}


def _document(assessment: Assessment) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(assessment.to_dict()))
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agent=agents(hired_before=dt.date(2011, 1, 1)), name=st.sampled_from(PRESETS))
def test_a_document_reads_back_as_the_same_assessment(agent: Agent, name: str) -> None:
    policy = presets.load(name)
    assessment = policy.assess(agent, ON.get(name, "2024-01-01"))
    document = _document(assessment)
    back = Assessment.from_dict(document)
    assert back == assessment
    assert back.to_dict() == document
    for lang in ("en", "fr"):
        assert back.text(lang) == assessment.text(lang)
    assert back.days_detail() == assessment.days_detail()
    assert back.allowance_result == assessment.allowance_result
    assert back.quota == assessment.quota


def _granted() -> Assessment:
    agent = Agent(
        id="LOT-042",
        hire_date="2010-01-01",
        role="instructeur",
        commute_distance="28 km",
        requested_telework="1.5 workday/week",
    )
    assessment = presets.load("lot-2013").assess(agent, "2013-01-01")
    assert assessment.status == "granted"
    return assessment


def test_every_figure_is_written_with_its_unit_and_money_exactly() -> None:
    document = _document(_granted())
    assert document["granted"]["per_week"] == {"value": 1.5, "unit": "workday/week"}
    assert document["days"]["total"]["unit"] == "workday"
    assert document["allowance"] == {"value": "100.00", "unit": "EUR"}
    assert document["impact"]["distance"]["unit"] == "km"
    assert document["impact"]["net_emissions"]["unit"] == "kg CO2e"
    observed = [
        leaf["observed"]
        for leaf in _leaves(document["decision"]["result"])
        if isinstance(leaf["observed"], dict) and "unit" in leaf["observed"]
    ]
    assert {"value": 100.0, "unit": "%"} in observed  # the working time, as every quantity


def _leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if node["kind"] == "criterion":
        return [node]
    return [leaf for child in node["children"] for leaf in _leaves(child)]


def test_what_a_document_does_not_hold_is_a_typed_error() -> None:
    back = Assessment.from_dict(_document(_granted()))
    for name in ("schedule", "part", "row"):
        with pytest.raises(NotAvailableError) as raised:
            getattr(back, name)
        assert raised.value.to_dict()["code"] == "not_available"
        assert "document" in str(raised.value)
        assert "document" in raised.value.text("fr")


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["impact"]["distance"].update(unit="kg"), "assessment.impact.distance.unit"),
        (lambda d: d.update(schema_version=2), "assessment.schema_version"),
        (lambda d: d.update(on="2013-02-30"), "assessment.on"),
        (lambda d: d.update(colour="blue"), "assessment.colour"),
        (lambda d: d.update(status="maybe"), "assessment.status"),
        (lambda d: d["allowance"].update(value=100.0), "assessment.allowance.value"),
        (lambda d: d["days"].pop("total"), "assessment.days.total"),
        (lambda d: d["decision"].update(agent_id="OTHER"), "assessment.decision.agent_id"),
    ],
)
def test_a_bad_document_names_its_key_path(change: Any, path: str) -> None:
    document = copy.deepcopy(_document(_granted()))
    change(document)
    with pytest.raises(ValidationError) as raised:
        Assessment.from_dict(document)
    assert raised.value.field == path
    assert raised.value.to_dict()["field"] == path


def test_every_problem_of_a_document_is_reported_at_once() -> None:
    document = copy.deepcopy(_document(_granted()))
    document["on"] = "yesterday"
    document["granted"]["per_week"]["unit"] = "km"
    with pytest.raises(ConfigError) as raised:
        Assessment.from_dict(document)
    paths = [problem.path for problem in raised.value.problems]
    assert paths == ["assessment.on", "assessment.granted.per_week.unit"]
