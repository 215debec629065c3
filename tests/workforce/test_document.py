"""An agent as a JSON document: ``Agent.to_dict``, ``Agent.from_dict`` and the published
JSON Schema (``teletravail.workforce.document``)."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teletravail import Q_
from teletravail.errors import ConfigError, ValidationError
from teletravail.spans import Absence, Authorisation
from teletravail.workforce import (
    AGENT_FORMAT,
    AGENT_FORMAT_VERSION,
    Agent,
    Category,
    CommuteMode,
    ContractType,
    agent_schema,
)
from teletravail.workforce.document import AGENT_SCHEMA_ID

from ..strategies import agents, planned_agent_lists

#: An agent document written by hand, as HR software would send it.
WRITTEN = {
    "format": "teletravail.agent",
    "version": 1,
    "id": "L-0042",
    "hire_date": "2015-03-02",
    "working_time": {"value": 80, "unit": "%"},
    "role": "instructeur",
    "tags": ["public_facing", "cadre"],
    "commute_distance": {"value": 28, "unit": "km"},
    "commute_time": "35 min",
    "commute_mode": "train_regional",
    "volunteer": True,
    "teleworkable_post": "oui",
    "derogations": ["carer:2024-01-01/"],
    "requested_telework": {"value": 1.5, "unit": "workday/week"},
    "pattern": "mar, jeu matin",
    "days_off": ["mercredi"],
    "absences": ["2024-08-05/2024-08-23"],
    "authorisation": "2024-01-01/2024-12-31, adaptation 3 months",
    "contract_type": "titulaire",
    "category": "B",
    "establishment": "Cahors",
    "activities": ["instruction 60 %", "accueil du public 40 %"],
}


def test_a_document_written_by_hand_reads_every_field() -> None:
    agent = Agent.from_dict(WRITTEN)
    assert agent.working_time == Q_(80, "percent")
    assert agent.commute_distance == Q_(28, "km")
    assert agent.commute_time == Q_(35, "min")
    assert agent.commute_mode is CommuteMode.TRAIN_REGIONAL
    assert agent.teleworkable_post is True
    assert agent.requested_telework == Q_(1.5, "workday/week")
    assert agent.days_off == frozenset({2})
    assert agent.absences == (Absence(start="2024-08-05", end="2024-08-23"),)
    assert agent.authorisation == Authorisation(
        start="2024-01-01", end="2024-12-31", adaptation="3 months"
    )
    assert agent.contract_type is ContractType.CIVIL_SERVANT
    assert agent.category is Category.B
    assert [str(a) for a in agent.activities] == ["accueil du public 40 %", "instruction 60 %"]


def test_to_dict_writes_the_document_by_hand() -> None:
    agent = Agent(
        id="L-0042",
        hire_date="2015-03-02",
        working_time="80 %",
        commute_distance="28 km",
        days_off="mercredi",
        absences="none",
        contract_type="contractuel",
    )
    assert agent.to_dict() == {
        "format": "teletravail.agent",
        "version": 1,
        "id": "L-0042",
        "hire_date": "2015-03-02",
        "working_time": {"value": 80, "unit": "%"},
        "commute_distance": {"value": 28, "unit": "km"},
        "days_off": ["wednesday"],
        "absences": [],
        "contract_type": "contract_staff",
    }


def test_an_authorisation_without_telework_during_adaptation_is_written_as_a_table() -> None:
    kept = Authorisation(
        start="2024-01-01", adaptation="2 months", telework_during_adaptation=False
    )
    agent = Agent(id="A", hire_date="2020-01-01", authorisation=kept)
    assert agent.to_dict()["authorisation"] == {
        "start": "2024-01-01",
        "adaptation": "2 months",
        "telework_during_adaptation": False,
    }
    assert Agent.from_dict(agent.to_dict()) == agent


def test_quantities_in_french_words_and_as_text_are_read() -> None:
    agent = Agent.from_dict(
        {
            "id": "A",
            "hire_date": "2020-01-01",
            "commute_distance": {"value": 12.5, "unit": "kilomètres"},
            "telecentre_distance": "4,5 km",
        }
    )
    assert agent.commute_distance == Q_(12.5, "km")
    assert agent.telecentre_distance == Q_(4.5, "km")


def test_an_unknown_key_is_named_with_a_did_you_mean() -> None:
    with pytest.raises(ValidationError) as caught:
        Agent.from_dict({"id": "A", "hire_date": "2020-01-01", "comute_distance": "3 km"})
    assert not isinstance(caught.value, TypeError)
    assert caught.value.field == "agent.comute_distance"
    assert "did you mean 'commute_distance'?" in str(caught.value)


def test_every_problem_is_reported_at_once_with_its_key_path() -> None:
    with pytest.raises(ConfigError) as caught:
        Agent.from_dict(
            {
                "id": "A",
                "hire_date": "2020-13-01",
                "working_time": {"value": 80, "unt": "%"},
                "commute_mode": "vélo",
                "commute_distance": {"value": 3, "unit": "kg"},
                "authorisation": {"start": "2024-01-01", "adaptation": "5 months"},
            },
            path="agents[3]",
        )
    paths = [problem.path for problem in caught.value.problems]
    assert paths == [
        "agents[3].hire_date",
        "agents[3].working_time.unt",
        "agents[3].commute_distance",
        "agents[3].commute_mode",
        "agents[3].authorisation.adaptation",
    ]
    assert "(did you mean 'unit'?)" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"id": "A"}, "agent.hire_date"),
        ({"id": "A", "hire_date": "2020-01-01", "format": "teletravail.policy"}, "agent.format"),
        ({"id": "A", "hire_date": "2020-01-01", "version": 2}, "agent.version"),
        (
            {"id": "A", "hire_date": "2020-01-01", "working_time": {"value": "80"}},
            "agent.working_time.value",
        ),
        (
            {"id": "A", "hire_date": "2020-01-01", "working_time": {"value": 80, "unit": "km/2"}},
            "agent.working_time.unit",
        ),
        ({"id": "A", "hire_date": "2020-01-01", "working_time": None}, "agent.working_time"),
        ({"id": " ", "hire_date": "2020-01-01"}, "agent.id"),
        (
            {"id": "A", "hire_date": "2020-01-01", "authorisation": {"end": "2024-01-01"}},
            "agent.authorisation.start",
        ),
        (
            {
                "id": "A",
                "hire_date": "2020-01-01",
                "authorisation": {"start": "2024-01-01", "telework_during_adaptation": "x"},
            },
            "agent.authorisation.telework_during_adaptation",
        ),
        (
            {
                "id": "A",
                "hire_date": "2020-01-01",
                "authorisation": {"start": "2024-01-01", "stop": "x"},
            },
            "agent.authorisation.stop",
        ),
    ],
)
def test_a_bad_value_is_a_typed_error_naming_its_key(data: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Agent.from_dict(data)
    assert caught.value.field == path


def test_not_a_table_is_a_typed_error() -> None:
    with pytest.raises(ValidationError) as caught:
        Agent.from_dict(["A"])  # type: ignore[arg-type]
    assert caught.value.field == "agent"


def test_the_schema_is_published_with_its_version() -> None:
    schema = agent_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == AGENT_SCHEMA_ID == "urn:teletravail:agent:1"
    assert (AGENT_FORMAT, AGENT_FORMAT_VERSION) == ("teletravail.agent", 1)
    assert schema["required"] == ["id", "hire_date"]
    jsonschema.validate(WRITTEN, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**WRITTEN, "comute_distance": "3 km"}, schema)


@settings(max_examples=60, deadline=None)
@given(st.one_of(agents(), planned_agent_lists(max_size=2).filter(bool).map(lambda x: x[0])))
def test_to_dict_round_trips_and_validates(agent: Agent) -> None:
    data = agent.to_dict()
    assert Agent.from_dict(json.loads(json.dumps(data))) == agent
    jsonschema.validate(data, agent_schema())


def test_dates_are_iso() -> None:
    agent = Agent(id="A", hire_date=dt.date(2001, 2, 3))
    assert agent.to_dict()["hire_date"] == "2001-02-03"


#: Any JSON value.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(agent_schema()["properties"])), json_values)
def test_any_json_value_of_any_key_is_read_or_refused_with_a_typed_error(
    key: str, value: object
) -> None:
    data = {"id": "A", "hire_date": "2020-01-01", key: value}
    try:
        agent = Agent.from_dict(data)
    except ValidationError as error:
        field = error.field
    else:
        field = "agent"
        assert Agent.from_dict(agent.to_dict()) == agent
    assert field.startswith("agent")


def test_a_number_beyond_a_float_is_a_typed_error() -> None:
    with pytest.raises(ValidationError) as caught:
        Agent.from_dict(
            {"id": "A", "hire_date": "2020-01-01", "commute_time": {"value": 10**400, "unit": "h"}}
        )
    assert caught.value.field == "agent.commute_time.value"
    assert "sane size" in str(caught.value)
    assert "taille raisonnable" in caught.value.text("fr")
