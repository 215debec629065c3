"""Where the events leave an authorisation: the state on a day, moved on by the
calendar (adaptation, terms, renewals) and by suspensions."""

from __future__ import annotations

import datetime as dt

from teletravail.policy.terms import AuthorisationTerms
from teletravail.procedure import (
    AuthorisationHistory,
    Event,
    State,
)

from . import GRANT, REQUEST, granted, history_of, refusal


def test_a_renewal_in_2016_needs_an_interview_and_ends_lapse() -> None:
    """2016: a renewal by express decision after an interview; a term not renewed ends;
    tacit terms of the scheme renew it."""
    old = history_of(
        {"kind": "request", "on": "2017-01-02"},
        {"kind": "grant", "on": "2017-01-20", "start": "2017-02-01", "duration": "1 year"},
    )
    assert refusal(old, {"kind": "renew", "on": "2018-01-15"}).rule == "renewal_interview"
    renewed = old.then("renew", "2018-01-15", interview="2018-01-10")
    assert renewed.state_on("2019-01-31") is State.RENEWED
    assert renewed.state_on("2019-02-01") is State.ENDED
    assert old.state_on("2018-02-01") is State.ENDED
    lapsed = refusal(old, {"kind": "renew", "on": "2018-02-01", "interview": "2018-01-30"})
    assert lapsed.rule == "transition"
    tacit = AuthorisationTerms(duration="1 year", renewal="tacit")
    assert AuthorisationHistory(terms=tacit, events=old.events).state_on("2019-06-01") is (
        State.RENEWED
    )


def test_a_suspension_is_resumed_where_it_was() -> None:
    """A suspension during adaptation resumes in adaptation; an ending may follow it."""
    history = granted().then("suspend", "2024-02-10", reasons="works").then("resume", "2024-02-20")
    assert history.state is State.GRANTED_ADAPTATION
    assert (
        history.then("suspend", "2024-06-01")
        .then("end", "2024-06-03", side="agent", effective="2024-08-03")
        .state
        is State.ENDED
    )


def test_moved_follows_the_events_and_the_span_follows_the_grant() -> None:
    """moved() step by step gives the history's own life; the span runs from the grant's
    first day to the day before the ending takes effect."""
    from teletravail.procedure import Life
    from teletravail.procedure.life import moved

    events = [
        Event(**REQUEST),
        Event(**GRANT, duration="1 year"),
        Event(kind="end", on="2024-06-03", side="agent", effective="2024-08-03"),
    ]
    life = Life()
    for event in events:
        life = moved(event, life, None)
    assert life == AuthorisationHistory(events=events).life
    assert life.state is State.ENDED and life.adaptation_end() == dt.date(2024, 4, 30)
    assert life.term_end() == dt.date(2025, 1, 31)
    span = life.authorisation()
    assert span is not None and str(span) == "2024-02-01/2024-08-02, adaptation 3 months"
    assert Life().authorisation() is None and Life().state_on(dt.date(2024, 1, 1)) is None
