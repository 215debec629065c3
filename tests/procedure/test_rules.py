"""The rules of the procedure: each forbidden event refused with its code, its field
and its source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from teletravail.conformity import ART_5_2016, ART_5_2020, NOTICE
from teletravail.errors import (
    EventOrderError,
    ProcedureError,
    TransitionError,
)
from teletravail.policy.terms import AuthorisationTerms
from teletravail.procedure import (
    APPEAL,
    AuthorisationHistory,
    Event,
    Sector,
    State,
    framework,
    history_problems,
)

from . import GRANT, REQUEST, granted, history_of, refusal


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
    error = refusal(granted(), event)
    assert type(error) is cls
    assert (error.field, error.rule) == (field, rule)
    assert error.to_dict()["code"] == cls.code


def test_a_history_starts_with_a_request() -> None:
    """The first event is a request."""
    with pytest.raises(TransitionError) as caught:
        history_of(GRANT)
    assert caught.value.field == "events[0].kind"


def test_dates_before_the_request_are_refused() -> None:
    """An interview before the request is an ordering error naming the field."""
    error = refusal(
        history_of(REQUEST),
        {"kind": "refuse", "on": "2024-01-20", "reasons": "x", "interview": "2024-01-05"},
    )
    assert isinstance(error, EventOrderError)
    assert (error.field, error.rule) == ("events[1].interview", "before_request")
    assert "10 January 2024" in str(error) and "10 janvier 2024" in error.text("fr")


def test_an_ending_before_the_notice_is_over() -> None:
    """The agent's ending after adaptation needs 2 months; during it, 1 month."""
    history = granted()
    error = refusal(
        history, {"kind": "end", "on": "2024-06-03", "side": "agent", "effective": "2024-08-02"}
    )
    assert (error.field, error.rule, error.source) == ("events[2].effective", "notice", NOTICE)
    assert "3 August 2024" in str(error)
    # during adaptation (which ends on 29 April 2024): one month, 31 January -> 29 February
    during = history_of(
        {"kind": "request", "on": "2024-01-02"},
        {"kind": "grant", "on": "2024-01-31", "adaptation": "3 months"},
    )
    assert during.then("end", "2024-01-31", side="agent", effective="2024-02-29")
    error = refusal(
        during, {"kind": "end", "on": "2024-01-31", "side": "agent", "effective": "2024-02-28"}
    )
    assert error.rule == "notice"


def test_the_employer_ending_needs_reasons_an_interview_and_may_be_shortened() -> None:
    """The employer's ending is reasoned after an interview; its notice is shortened
    only for a need of the service it states; the agent states no such need."""
    history = granted()
    ending = {"kind": "end", "on": "2024-06-03", "side": "employer", "effective": "2024-08-05"}
    assert refusal(history, ending).rule == "ending_reasons"
    error = refusal(history, {**ending, "reasons": "x"})
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
    error = refusal(history, {**agent, "service_need": "x"})
    assert error.rule == "service_need"
    assert (
        history_problems([*history.events, Event(**{**agent, "service_need": "x"})])[1].rule
        == "notice"
    )


def test_a_refusal_of_eligible_activities_needs_reasons_and_an_interview() -> None:
    """2020 wording: reasons and an interview; activities not declared eligible need
    neither; the 2016 wording cites its own source."""
    refused = {"kind": "refuse", "on": "2024-02-01"}
    problems = history_problems([Event(**REQUEST), Event(**refused)])
    assert [(p.field, p.rule) for p in problems] == [
        ("events[1].reasons", "refusal_reasons"),
        ("events[1].interview", "refusal_interview"),
    ]
    assert problems[0].source == framework.REFUSAL_2020
    not_eligible = history_of({**REQUEST, "eligible": False}, refused)
    assert not_eligible.state is State.REFUSED
    old = history_problems(
        [Event(kind="request", on="2018-01-02"), Event(kind="refuse", on="2018-01-20")]
    )
    assert old[0].source == framework.REFUSAL_2016


def test_the_private_sector_asks_reasons_for_eligible_posts_and_protected_workers() -> None:
    """Private: reasons for an eligible post or a protected worker; no interview, any
    form of request, no appeal."""
    refused = Event(kind="refuse", on="2024-02-01")
    eligible = history_problems([Event(**REQUEST, written=False), refused], sector="private")
    assert [(p.field, p.rule) for p in eligible] == [("events[1].reasons", "refusal_reasons")]
    protected = Event(kind="request", on="2024-01-10", eligible=False, protected=True)
    assert [p.rule for p in history_problems([protected, refused], sector="private")] == [
        "refusal_reasons"
    ]
    neither = Event(kind="request", on="2024-01-10", eligible=False)
    history = AuthorisationHistory(sector="private", events=[neither, refused])
    error = refusal(history, {"kind": "appeal", "on": "2024-02-10"})
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
    error = refusal(history_of(REQUEST), {**GRANT, "adaptation": "4 months"})
    assert (error.field, error.rule, error.source) == (
        "events[1].adaptation",
        "adaptation",
        ART_5_2020,
    )
    december = history_of({"kind": "request", "on": "2023-11-20"})
    grant = {"kind": "grant", "on": "2023-11-30", "start": "2023-12-01"}
    assert refusal(december, {**grant, "adaptation": "92 days"}).rule == "adaptation"
    assert december.then(**{**grant, "adaptation": "91 days"})  # 1 Dec + 3 months = 1 Mar
    old = history_of({"kind": "request", "on": "2018-01-10"})
    error = refusal(old, {"kind": "grant", "on": "2018-01-20", "duration": "18 months"})
    assert (error.rule, error.source) == ("duration", ART_5_2016)
    assert history_of(REQUEST, {**GRANT, "duration": "18 months"}).state is State.GRANTED_ADAPTATION
    terms = AuthorisationTerms(duration="1 year", renewal="tacit", adaptation="2 months")
    schemed = history_of(REQUEST, terms=terms)
    assert refusal(schemed, {**GRANT, "duration": "1 year"}).field == "events[1].adaptation"
    assert refusal(schemed, {**GRANT, "adaptation": "1 month"}).field == "events[1].duration"
    error = refusal(schemed, {**GRANT, "adaptation": "1 month", "duration": "2 years"})
    assert error.rule == "duration"


def test_a_refusal_appealed_once_to_the_body_of_the_contract() -> None:
    """A refusal of eligible activities is appealed once, to the CCP for contract staff;
    the employer then grants or refuses; an ending by the agent is not appealed."""
    reasons = {"reasons": "service", "interview": "2024-01-20"}
    refused = history_of(
        REQUEST, {"kind": "refuse", "on": "2024-02-01", **reasons}, contract="contract_staff"
    )
    error = refusal(refused, {"kind": "appeal", "on": "2024-02-10", "body": "cap"})
    assert (error.rule, error.source) == ("appeal_body", APPEAL)
    appealed = refused.then("appeal", "2024-02-10", body="ccp")
    assert appealed.state is State.APPEALED
    again = appealed.then("refuse", "2024-04-01", reasons="service", interview="2024-03-20")
    assert refusal(again, {"kind": "appeal", "on": "2024-04-10"}).rule == "appeal_once"
    assert appealed.then("grant", "2024-04-01").state is State.GRANTED_CONFIRMED
    not_eligible = history_of(
        {**REQUEST, "eligible": False}, {"kind": "refuse", "on": "2024-02-01"}
    )
    assert refusal(not_eligible, {"kind": "appeal", "on": "2024-02-10"}).rule == "appeal_scope"
    by_agent = granted().then("end", "2024-06-03", side="agent", effective="2024-08-03")
    assert refusal(by_agent, {"kind": "appeal", "on": "2024-06-10"}).rule == "appeal_scope"


def test_a_change_of_duties_ends_the_authorisation() -> None:
    """New duties end the authorisation: a new request starts a new history."""
    history = granted().then("change_of_duties", "2024-09-01")
    assert history.state is State.ENDED
    assert refusal(history, {"kind": "request", "on": "2024-09-02"}).rule == "transition"


def test_check_event_gives_every_problem_of_one_event() -> None:
    """check_event on a life says all that is wrong with one event; earliest_notice is
    the day its ending could take effect."""
    from teletravail.procedure import check_event, earliest_notice, procedure_in_force

    history = granted()
    ending = Event(kind="end", on="2024-06-03", side="employer", effective="2024-06-10")
    problems = check_event(ending, 2, history.life, Sector.PUBLIC, None, None)
    assert [p.rule for p in problems] == ["notice", "ending_reasons", "ending_interview"]
    rules = procedure_in_force(dt.date(2024, 6, 3))
    assert earliest_notice(ending, history.life, rules, None) == dt.date(2024, 8, 3)
