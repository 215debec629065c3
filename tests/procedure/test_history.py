"""An authorisation's history as a value: a life from request to ending, JSON with
every problem at once, and properties of random valid lives."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest
from hypothesis import given

from teletravail.errors import (
    ConfigError,
    ValidationError,
)
from teletravail.procedure import (
    AuthorisationHistory,
    Event,
    State,
    history_problems,
)

from ..strategies import authorisation_histories
from . import GRANT, REQUEST, granted, history_of, refusal


def test_a_life_from_request_to_ending() -> None:
    """Request, review, grant in adaptation, confirmed once it is over, ended by the
    agent with 2 months' notice."""
    history = history_of(REQUEST, {"kind": "review", "on": "2024-01-12"}, GRANT)
    assert history.state is State.GRANTED_ADAPTATION
    assert history.state_on("2024-04-30") is State.GRANTED_ADAPTATION
    assert history.state_on("2024-05-01") is State.GRANTED_CONFIRMED
    ended = history.then("end", "2024-06-03", side="agent", effective="2024-08-03")
    assert ended.state is State.ENDED
    assert history.events == ended.events[:3]  # the first history is unchanged
    span = ended.authorisation()
    assert span is not None
    assert (span.start, span.end) == (dt.date(2024, 2, 1), dt.date(2024, 8, 2))


def test_json_round_trip() -> None:
    """to_dict and from_dict, through json, give the same history."""
    history = granted(contract="civil_servant").then(
        "end", "2024-06-03", side="agent", effective="2024-08-03"
    )
    data = json.loads(json.dumps(history.to_dict()))
    assert data["events"][1] == {
        "kind": "grant",
        "on": "2024-01-31",
        "start": "2024-02-01",
        "adaptation": "3 months",
    }
    assert AuthorisationHistory.from_dict(data) == history


def test_a_json_history_reports_every_problem_at_once() -> None:
    """Several problems, from the keys and from the rules, each at its key path, in
    English and French."""
    data = {
        "sector": "public",
        "contract": "civil_servant",
        "events": [
            {"kind": "request", "on": "2024-01-10"},
            {"kind": "refuse", "on": "2024-01-05"},
            {"kind": "appeal", "on": "2024-02-01", "body": "ccp"},
            {"kind": "grant", "on": "2024-03-01", "adaptation": "4 months"},
            {"kind": "end", "on": "2024-03-10", "side": "agent", "effective": "2024-03-20"},
        ],
    }
    with pytest.raises(ConfigError) as caught:
        AuthorisationHistory.from_dict(data)
    assert [p.path for p in caught.value.problems] == [
        "history.events[1].on",
        "history.events[1].reasons",
        "history.events[1].interview",
        "history.events[2].body",
        "history.events[3].adaptation",
        "history.events[4].effective",
    ]
    assert "6 problèmes" in caught.value.text("fr")
    keys = {"events": [{"kind": "request", "on": "2024-13-01"}, {"kind": "grant"}], "sectr": 1}
    with pytest.raises(ConfigError) as caught:
        AuthorisationHistory.from_dict(keys)
    assert [p.path for p in caught.value.problems] == [
        "history.sectr",
        "history.events[0].on",
        "history.events[1].on",
    ]


def test_a_single_problem_is_a_validation_error() -> None:
    """One problem is raised as the ValidationError it is."""
    with pytest.raises(ValidationError) as caught:
        AuthorisationHistory.from_dict({"events": [{"kind": "grant", "on": "2024-01-01"}]})
    assert caught.value.field == "history.events[0].kind"


@given(authorisation_histories())
def test_a_valid_random_life_is_accepted_and_pickles(life: tuple[str, str, list[Event]]) -> None:
    """A sequence built by the procedure's rules is accepted, reads back from JSON and
    pickles as itself."""
    sector, contract, events = life
    history = AuthorisationHistory(sector=sector, contract=contract, events=events)
    assert history_problems(events, sector=sector, contract=contract) == ()
    assert AuthorisationHistory.from_dict(history.to_dict()) == history
    assert pickle.loads(pickle.dumps(history)) == history
    assert pickle.loads(pickle.dumps(history)).state == history.state


def test_errors_pickle_with_their_rule_and_source() -> None:
    """A procedure error pickles with its field, rule and source."""
    error = refusal(
        granted(), {"kind": "end", "on": "2024-06-03", "side": "agent", "effective": "2024-06-04"}
    )
    back = pickle.loads(pickle.dumps(error))
    assert (back.field, back.rule, back.source) == (error.field, error.rule, error.source)
    assert back.to_dict() == error.to_dict()
    assert back.to_dict()["source"]["article"] == "5"
