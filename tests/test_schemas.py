"""The published JSON Schemas: valid schemas, one per document format, and every
document the library writes validates against its own."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Agent, Workforce, config, presets, schemas
from teletravail.allowance import forfait_teletravail, national_parameters, payment_calendar
from teletravail.conformity import check_conformity
from teletravail.errors import ValidationError
from teletravail.procedure import AuthorisationHistory, deadlines
from teletravail.scheduling import WeeklyPattern, plan
from tests.strategies import agents

jsonschema = pytest.importorskip("jsonschema", reason="the test extra's validator")

PRESETS = ("lot-2013", "lot-2011", "cantal-2012", "lozere-2015", "public-service", "private-sector")
ON = {"lot-2011": "2011-06-01", "cantal-2012": "2012-06-01", "lot-2013": "2013-01-01"}


def valid(document: dict[str, Any], name: str | None = None) -> None:
    """``document`` (through JSON) validates against the schema it names."""
    data = json.loads(json.dumps(document))
    schema = schemas.schema(name or data["schema"])
    jsonschema.Draft202012Validator(schema).validate(data)


def test_every_format_has_a_valid_schema_with_its_own_id() -> None:
    ids = set()
    for found in schemas.catalogue():
        schema = schemas.schema(found.name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == schemas.DRAFT
        assert schema["$id"] == f"urn:teletravail:{found.name[12:]}:{found.version}"
        ids.add(schema["$id"])
    assert len(ids) == len(schemas.names()) >= 11


def test_an_unknown_format_is_a_typed_error_listing_the_known_ones() -> None:
    with pytest.raises(ValidationError) as raised:
        schemas.schema("teletravail.asessment")
    assert raised.value.field == "schema"
    assert "teletravail.assessment" in str(raised.value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agent=agents(hired_before=dt.date(2011, 1, 1)), name=st.sampled_from(PRESETS))
def test_an_agent_its_assessment_and_its_parts_validate(agent: Agent, name: str) -> None:
    valid(agent.to_dict(), "teletravail.agent")
    assessment = presets.load(name).assess(agent, ON.get(name, "2024-01-01"))
    valid(assessment.to_dict())
    valid(assessment.decision.to_dict())
    valid(assessment.allowance_result.to_dict())
    if assessment.quota is not None:
        valid(assessment.quota.to_dict())


@pytest.mark.parametrize("name", PRESETS)
def test_each_preset_its_register_and_its_conformity_validate(name: str) -> None:
    policy = presets.load(name)
    valid(config.to_document(policy), "teletravail.policy")
    records = [
        {"id": "A", "hire_date": "2010-01-01", "commute_distance": "20 km"},
        {"id": "B", "hire_date": "2010-13-01"},  # not a date: rejected, still a row
        {"id": "C", "hire_date": "2009-05-01", "requested_telework": "1 workday/week"},
    ]
    batch = policy.assess(
        Workforce.from_records(records, errors="report"),
        ON.get(name, "2024-01-01"),
        errors="report",
    )
    document = batch.to_dict()
    assert [row["status"] for row in document["rows"]][1] == "rejected"
    valid(document)
    valid(check_conformity(policy, "2024-01-01").to_dict())


def test_payments_deadlines_and_dated_parameters_validate() -> None:
    forfait = forfait_teletravail()
    year = plan(WeeklyPattern.of(["tue", "thu"]), "2023-01-01", "2023-12-31")
    valid(payment_calendar(forfait, year).to_dict())
    history = AuthorisationHistory(contract="civil_servant").then("request", "2025-01-31")
    granted = history.then(
        "grant", "2025-02-20", start="2025-03-01", adaptation="3 months", duration="1 year"
    )
    for on in ("2025-02-03", "2025-04-15", "2026-02-01"):
        valid(deadlines(granted, on).to_dict())
    valid(deadlines(history, "2025-02-03").to_dict())
    for parameter in national_parameters().values():
        for _, values in parameter.values:
            for dated in (values.rate, values.cap):
                if dated is not None:
                    valid(dated.to_dict(), "teletravail.dated_parameter")


def test_a_schema_refuses_what_the_reader_refuses() -> None:
    """A quantity in the wrong shape or money as a float fails the schema, as it fails
    ``from_dict``."""
    agent = Agent(
        id="A", hire_date="2010-01-01", role="instructeur", requested_telework="1 workday/week"
    )
    document = json.loads(
        json.dumps(presets.load("lot-2013").assess(agent, "2013-01-01").to_dict())
    )
    document["allowance"] = {"value": 100.0, "unit": "EUR"}
    with pytest.raises(jsonschema.ValidationError):
        valid(document)
    document["allowance"] = {"value": "100.00", "unit": "EUR"}
    document["days"]["total"] = 58.5
    with pytest.raises(jsonschema.ValidationError):
        valid(document)
