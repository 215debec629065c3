"""An authorisation's history: each rule of the procedure refused with its code and
source, the state on a day, JSON with every problem at once, and properties."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

import pytest
from hypothesis import given

from teletravail.conformity import ART_5_2016, ART_5_2020, NOTICE
from teletravail.errors import (
    ConfigError,
    EventOrderError,
    ProcedureError,
    TransitionError,
    ValidationError,
)
from teletravail.policy.terms import AuthorisationTerms
from teletravail.procedure import (
    APPEAL,
    AuthorisationHistory,
    Event,
    State,
    framework,
    history_problems,
)

from ..strategies import authorisation_histories


def _history(*events: dict[str, Any], **fields: Any) -> AuthorisationHistory:
    return AuthorisationHistory(events=[Event(**event) for event in events], **fields)


REQUEST = {"kind": "request", "on": "2024-01-10"}
GRANT = {"kind": "grant", "on": "2024-01-31", "start": "2024-02-01", "adaptation": "3 months"}


def _granted(**fields: Any) -> AuthorisationHistory:
    return _history(REQUEST, GRANT, **fields)


def test_a_life_from_request_to_ending() -> None:
    """Request, review, grant in adaptation, confirmed once it is over, ended by the
    agent with 2 months' notice."""
    history = _history(REQUEST, {"kind": "review", "on": "2024-01-12"}, GRANT)
    assert history.state is State.GRANTED_ADAPTATION
    assert history.state_on("2024-04-30") is State.GRANTED_ADAPTATION
    assert history.state_on("2024-05-01") is State.GRANTED_CONFIRMED
    ended = history.then("end", "2024-06-03", side="agent", effective="2024-08-03")
    assert ended.state is State.ENDED
    assert history.events == ended.events[:3]  # the first history is unchanged
    span = ended.authorisation()
    assert span is not None
    assert (span.start, span.end) == (dt.date(2024, 2, 1), dt.date(2024, 8, 2))


def _refused(history: AuthorisationHistory, event: dict[str, Any]) -> ProcedureError:
    with pytest.raises(ProcedureError) as caught:
        history.with_event(Event(**event))
    return caught.value


@pytest.mark.parametrize(
    ("event", "field", "rule", "cls"),
    [
        ({"kind": "review", "on": "2024-03-01"}, "events[2].kind", "transition", TransitionError),
        ({"kind": "request", "on": "2024-03-01"}, "events[2].kind", "transition", TransitionError),
        ({"kind": "appeal", "on": "2024-03-01"}, "events[2].kind", "transition", TransitionError),
        ({"kind": "resume", "on": "2024-03-01"}, "events[2].kind", "transition", TransitionError),
        (
            {"kind": "renew", "on": "2024-06-01"},
            "events[2].kind",
            "renewal_without_duration",
            TransitionError,
        ),
        ({"kind": "suspend", "on": "2024-01-20"}, "events[2].on", "event_order", EventOrderError),
    ],
)
def test_each_forbidden_transition_is_refused_with_its_code(
    event: dict[str, Any], field: str, rule: str, cls: type[ProcedureError]
) -> None:
    """A transition the state does not allow, or out of order: a typed error naming the
    field, with its rule."""
    error = _refused(_granted(), event)
    assert type(error) is cls
    assert (error.field, error.rule) == (field, rule)
    assert error.to_dict()["code"] == cls.code


def test_a_history_starts_with_a_request() -> None:
    """The first event is a request."""
    with pytest.raises(TransitionError) as caught:
        _history(GRANT)
    assert caught.value.field == "events[0].kind"


def test_dates_before_the_request_are_refused() -> None:
    """An interview before the request is an ordering error naming the field."""
    error = _refused(
        _history(REQUEST),
        {"kind": "refuse", "on": "2024-01-20", "reasons": "x", "interview": "2024-01-05"},
    )
    assert isinstance(error, EventOrderError)
    assert (error.field, error.rule) == ("events[1].interview", "before_request")
    assert "10 January 2024" in str(error) and "10 janvier 2024" in error.text("fr")


def test_an_ending_before_the_notice_is_over() -> None:
    """The agent's ending after adaptation needs 2 months; during it, 1 month."""
    history = _granted()
    error = _refused(
        history, {"kind": "end", "on": "2024-06-03", "side": "agent", "effective": "2024-08-02"}
    )
    assert (error.field, error.rule, error.source) == ("events[2].effective", "notice", NOTICE)
    assert "3 August 2024" in str(error)
    # during adaptation (which ends on 29 April 2024): one month, 31 January -> 29 February
    during = _history(
        {"kind": "request", "on": "2024-01-02"},
        {"kind": "grant", "on": "2024-01-31", "adaptation": "3 months"},
    )
    assert during.then("end", "2024-01-31", side="agent", effective="2024-02-29")
    error = _refused(
        during, {"kind": "end", "on": "2024-01-31", "side": "agent", "effective": "2024-02-28"}
    )
    assert error.rule == "notice"


def test_the_employer_ending_needs_reasons_an_interview_and_may_be_shortened() -> None:
    """The employer's ending is reasoned after an interview; its notice is shortened
    only for a need of the service it states; the agent states no such need."""
    history = _granted()
    ending = {"kind": "end", "on": "2024-06-03", "side": "employer", "effective": "2024-08-05"}
    assert _refused(history, ending).rule == "ending_reasons"
    error = _refused(history, {**ending, "reasons": "x"})
    assert (error.field, error.rule) == ("events[2].interview", "ending_interview")
    shortened = {
        **ending,
        "effective": "2024-06-04",
        "reasons": "x",
        "interview": "2024-06-01",
        "service_need": "the office closes",
    }
    assert history.with_event(Event(**shortened)).state is State.ENDED
    agent = {"kind": "end", "on": "2024-06-03", "side": "agent", "effective": "2024-06-04"}
    error = _refused(history, {**agent, "service_need": "x"})
    assert error.rule == "service_need"
    assert (
        history_problems([*history.events, Event(**{**agent, "service_need": "x"})])[1].rule
        == "notice"
    )


def test_a_refusal_of_eligible_activities_needs_reasons_and_an_interview() -> None:
    """2020 wording: reasons and an interview; activities not declared eligible need
    neither; the 2016 wording cites its own source."""
    refusal = {"kind": "refuse", "on": "2024-02-01"}
    problems = history_problems([Event(**REQUEST), Event(**refusal)])
    assert [(p.field, p.rule) for p in problems] == [
        ("events[1].reasons", "refusal_reasons"),
        ("events[1].interview", "refusal_interview"),
    ]
    assert problems[0].source == framework.REFUSAL_2020
    not_eligible = _history({**REQUEST, "eligible": False}, refusal)
    assert not_eligible.state is State.REFUSED
    old = history_problems(
        [Event(kind="request", on="2018-01-02"), Event(kind="refuse", on="2018-01-20")]
    )
    assert old[0].source == framework.REFUSAL_2016


def test_the_private_sector_asks_reasons_for_eligible_posts_and_protected_workers() -> None:
    """Private: reasons for an eligible post or a protected worker; no interview, any
    form of request, no appeal."""
    refusal = Event(kind="refuse", on="2024-02-01")
    eligible = history_problems([Event(**REQUEST, written=False), refusal], sector="private")
    assert [(p.field, p.rule) for p in eligible] == [("events[1].reasons", "refusal_reasons")]
    protected = Event(kind="request", on="2024-01-10", eligible=False, protected=True)
    assert [p.rule for p in history_problems([protected, refusal], sector="private")] == [
        "refusal_reasons"
    ]
    neither = Event(kind="request", on="2024-01-10", eligible=False)
    history = AuthorisationHistory(sector="private", events=[neither, refusal])
    error = _refused(history, {"kind": "appeal", "on": "2024-02-10"})
    assert error.rule == "appeal_body"


def test_the_public_service_asks_for_writing() -> None:
    """A request and an answer in writing."""
    problems = history_problems(
        [
            Event(kind="request", on="2024-01-10", written=False),
            Event(kind="grant", on="2024-01-20", written=False),
        ]
    )
    assert [p.rule for p in problems] == ["written_request", "written_answer"]


def test_an_adaptation_or_a_duration_outside_the_limits() -> None:
    """An adaptation of 4 months; 92 days from 1 December 2023 (3 months reach 1 March
    2024, 91 days later); a 2016 duration above one year, fine in 2020; an adaptation or
    a duration beyond the scheme's terms."""
    error = _refused(_history(REQUEST), {**GRANT, "adaptation": "4 months"})
    assert (error.field, error.rule, error.source) == (
        "events[1].adaptation",
        "adaptation",
        ART_5_2020,
    )
    december = _history({"kind": "request", "on": "2023-11-20"})
    grant = {"kind": "grant", "on": "2023-11-30", "start": "2023-12-01"}
    assert _refused(december, {**grant, "adaptation": "92 days"}).rule == "adaptation"
    assert december.then(**{**grant, "adaptation": "91 days"})  # 1 Dec + 3 months = 1 Mar
    old = _history({"kind": "request", "on": "2018-01-10"})
    error = _refused(old, {"kind": "grant", "on": "2018-01-20", "duration": "18 months"})
    assert (error.rule, error.source) == ("duration", ART_5_2016)
    assert _history(REQUEST, {**GRANT, "duration": "18 months"}).state is State.GRANTED_ADAPTATION
    terms = AuthorisationTerms(duration="1 year", renewal="tacit", adaptation="2 months")
    schemed = _history(REQUEST, terms=terms)
    assert _refused(schemed, {**GRANT, "duration": "1 year"}).field == "events[1].adaptation"
    assert _refused(schemed, {**GRANT, "adaptation": "1 month"}).field == "events[1].duration"
    error = _refused(schemed, {**GRANT, "adaptation": "1 month", "duration": "2 years"})
    assert error.rule == "duration"


def test_a_renewal_in_2016_needs_an_interview_and_ends_lapse() -> None:
    """2016: a renewal by express decision after an interview; a term not renewed ends;
    tacit terms of the scheme renew it."""
    old = _history(
        {"kind": "request", "on": "2017-01-02"},
        {"kind": "grant", "on": "2017-01-20", "start": "2017-02-01", "duration": "1 year"},
    )
    assert _refused(old, {"kind": "renew", "on": "2018-01-15"}).rule == "renewal_interview"
    renewed = old.then("renew", "2018-01-15", interview="2018-01-10")
    assert renewed.state_on("2019-01-31") is State.RENEWED
    assert renewed.state_on("2019-02-01") is State.ENDED
    assert old.state_on("2018-02-01") is State.ENDED
    lapsed = _refused(old, {"kind": "renew", "on": "2018-02-01", "interview": "2018-01-30"})
    assert lapsed.rule == "transition"
    tacit = AuthorisationTerms(duration="1 year", renewal="tacit")
    assert AuthorisationHistory(terms=tacit, events=old.events).state_on("2019-06-01") is (
        State.RENEWED
    )


def test_a_refusal_appealed_once_to_the_body_of_the_contract() -> None:
    """A refusal of eligible activities is appealed once, to the CCP for contract staff;
    the employer then grants or refuses; an ending by the agent is not appealed."""
    reasons = {"reasons": "service", "interview": "2024-01-20"}
    refused = _history(
        REQUEST, {"kind": "refuse", "on": "2024-02-01", **reasons}, contract="contract_staff"
    )
    error = _refused(refused, {"kind": "appeal", "on": "2024-02-10", "body": "cap"})
    assert (error.rule, error.source) == ("appeal_body", APPEAL)
    appealed = refused.then("appeal", "2024-02-10", body="ccp")
    assert appealed.state is State.APPEALED
    again = appealed.then("refuse", "2024-04-01", reasons="service", interview="2024-03-20")
    assert _refused(again, {"kind": "appeal", "on": "2024-04-10"}).rule == "appeal_once"
    assert appealed.then("grant", "2024-04-01").state is State.GRANTED_CONFIRMED
    not_eligible = _history({**REQUEST, "eligible": False}, {"kind": "refuse", "on": "2024-02-01"})
    assert _refused(not_eligible, {"kind": "appeal", "on": "2024-02-10"}).rule == "appeal_scope"
    by_agent = _granted().then("end", "2024-06-03", side="agent", effective="2024-08-03")
    assert _refused(by_agent, {"kind": "appeal", "on": "2024-06-10"}).rule == "appeal_scope"


def test_a_change_of_duties_ends_the_authorisation() -> None:
    """New duties end the authorisation: a new request starts a new history."""
    history = _granted().then("change_of_duties", "2024-09-01")
    assert history.state is State.ENDED
    assert _refused(history, {"kind": "request", "on": "2024-09-02"}).rule == "transition"


def test_a_suspension_is_resumed_where_it_was() -> None:
    """A suspension during adaptation resumes in adaptation; an ending may follow it."""
    history = _granted().then("suspend", "2024-02-10", reasons="works").then("resume", "2024-02-20")
    assert history.state is State.GRANTED_ADAPTATION
    assert (
        history.then("suspend", "2024-06-01")
        .then("end", "2024-06-03", side="agent", effective="2024-08-03")
        .state
        is State.ENDED
    )


def test_json_round_trip() -> None:
    """to_dict and from_dict, through json, give the same history."""
    history = _granted(contract="civil_servant").then(
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
    error = _refused(
        _granted(), {"kind": "end", "on": "2024-06-03", "side": "agent", "effective": "2024-06-04"}
    )
    back = pickle.loads(pickle.dumps(error))
    assert (back.field, back.rule, back.source) == (error.field, error.rule, error.source)
    assert back.to_dict() == error.to_dict()
    assert back.to_dict()["source"]["article"] == "5"
