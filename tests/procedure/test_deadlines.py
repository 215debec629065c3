"""Deadlines on a day, computed by hand: month ends, 29 February, adaptation, notices,
renewals and the appeal body, each with its source and its sentences."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.conformity import ART_5_2020, NOTICE
from teletravail.messages import NBSP
from teletravail.policy.terms import AuthorisationTerms
from teletravail.procedure import (
    APPEAL,
    AppealBody,
    AuthorisationHistory,
    DeadlineKind,
    Event,
    State,
    deadlines,
    earliest_ending,
)

from ..strategies import authorisation_histories


def _history(*events: dict[str, Any], **fields: Any) -> AuthorisationHistory:
    return AuthorisationHistory(events=[Event(**event) for event in events], **fields)


@pytest.mark.parametrize(
    ("received", "closes", "due"),
    [
        ("2025-01-31", None, dt.date(2025, 2, 28)),  # a month end clipped
        ("2024-01-31", None, dt.date(2024, 2, 29)),  # a leap year's February
        ("2024-02-29", None, dt.date(2024, 3, 29)),
        ("2024-12-15", None, dt.date(2025, 1, 15)),
        ("2024-03-10", "2024-03-31", dt.date(2024, 4, 30)),  # from the campaign's close
        ("2024-03-10", "2024-03-01", dt.date(2024, 4, 10)),  # a close already past
    ],
)
def test_the_answer_is_due_one_month_after_receipt(
    received: str, closes: str | None, due: dt.date
) -> None:
    """One month from receipt, or from a campaign's closing date, month ends clipped."""
    history = _history({"kind": "request", "on": received, "campaign_closes": closes})
    answer = deadlines(history, received).answer
    assert answer is not None
    assert (answer.kind, answer.date, answer.source) == (DeadlineKind.ANSWER, due, ART_5_2020)


def test_no_answer_time_before_2020() -> None:
    """The 2016 wording sets no time for the answer; nor does the private sector."""
    assert deadlines(_history({"kind": "request", "on": "2019-03-01"}), "2019-03-02").answer is None
    private = _history({"kind": "request", "on": "2024-03-01"}, sector="private")
    found = deadlines(private, "2024-03-02")
    assert found.answer is None and found.appeal_body is None


@pytest.mark.parametrize(
    ("start", "last"),
    [
        ("2023-12-01", dt.date(2024, 2, 29)),
        ("2024-11-30", dt.date(2025, 2, 27)),  # 3 months reach 28 February 2025
        ("2024-01-01", dt.date(2024, 3, 31)),
    ],
)
def test_the_adaptation_period_ends(start: str, last: dt.date) -> None:
    """The adaptation's last day is the day before 3 months from the start."""
    day = dt.date.fromisoformat(start) - dt.timedelta(days=5)
    history = _history(
        {"kind": "request", "on": day},
        {"kind": "grant", "on": day, "start": start, "adaptation": "3 months"},
    )
    found = deadlines(history, start).adaptation_end
    assert found is not None and found.date == last


def test_the_earliest_endings_for_each_side() -> None:
    """During adaptation, one month; after it, two; the employer's may be shortened."""
    history = _history(
        {"kind": "request", "on": "2023-12-20"},
        {"kind": "grant", "on": "2023-12-28", "start": "2024-01-01", "adaptation": "3 months"},
    )
    during = deadlines(history, "2024-01-31")
    assert during.ending_agent is not None and during.ending_employer is not None
    assert during.ending_agent.date == during.ending_employer.date == dt.date(2024, 2, 29)
    assert during.ending_agent.source == NOTICE
    assert during.ending_employer.shortened and not during.ending_agent.shortened
    after = deadlines(history, "2024-12-31")
    assert after.ending_agent is not None and after.ending_agent.date == dt.date(2025, 2, 28)
    assert earliest_ending(history, "employeur", "2024-05-31") == dt.date(2024, 7, 31)


def test_the_scheme_s_longer_notice_applies() -> None:
    """A scheme's three months for the agent outlast the framework's two."""
    terms = AuthorisationTerms(notice_agent="3 months")
    history = _history(
        {"kind": "request", "on": "2024-01-02"}, {"kind": "grant", "on": "2024-01-10"}, terms=terms
    )
    assert earliest_ending(history, "agent", "2024-11-30") == dt.date(2025, 2, 28)
    assert earliest_ending(history, "employer", "2024-11-30") == dt.date(2025, 1, 30)


def test_the_renewal_date_from_29_february() -> None:
    """A one-year act from 29 February 2024 is renewed on 28 February 2025, then on 28
    February 2026 (whole terms from the first start)."""
    history = _history(
        {"kind": "request", "on": "2024-02-01"},
        {"kind": "grant", "on": "2024-02-20", "start": "2024-02-29", "duration": "1 year"},
    )
    first = deadlines(history, "2024-06-01").renewal
    assert first is not None and first.date == dt.date(2025, 2, 28)
    renewed = history.then("renew", "2025-02-01")
    second = deadlines(renewed, "2025-06-01").renewal
    assert second is not None and second.date == dt.date(2026, 2, 28)
    lapsed = deadlines(history, "2025-03-01")
    assert lapsed.state is State.ENDED and lapsed.renewal is None and lapsed.ending_agent is None


def test_the_appeal_body_and_its_source() -> None:
    """The CCP for contract staff, with art. 10 as source."""
    history = _history({"kind": "request", "on": "2024-02-01"}, contract="contract_staff")
    found = deadlines(history, "2024-02-02")
    assert (found.appeal_body, found.appeal_source) == (AppealBody.CCP, APPEAL)
    assert found.appeal_text("fr") == (
        "Un recours peut être porté devant la commission consultative paritaire (CCP)."
    )
    assert (
        deadlines(_history({"kind": "request", "on": "2024-02-01"}), "2024-02-02").appeal_text("en")
        == "No appeal body hears the case."
    )


def test_the_sentences_written_by_hand() -> None:
    """Each deadline's sentence in English and French, dates in words."""
    history = _history(
        {"kind": "request", "on": "2025-01-31"},
        {
            "kind": "grant",
            "on": "2025-02-20",
            "start": "2025-03-01",
            "adaptation": "3 months",
            "duration": "1 year",
        },
        contract="civil_servant",
    )
    found = deadlines(history, "2025-04-15")
    assert found.sentences("en") == (
        "A written answer to the request received on 31 January 2025 is due by 28 February 2025.",
        "The adaptation period ends on 31 May 2025.",
        "An ending notified by the agent on 15 April 2025 takes effect on 15 May 2025 at the"
        " earliest.",
        "An ending notified by the employer on 15 April 2025 takes effect on 15 May 2025 at the"
        " earliest (earlier when the service's needs are stated).",
        "The authorisation is up for renewal on 1 March 2026.",
        "An appeal goes to the joint administrative committee (CAP).",
    )
    assert found.sentences("fr")[-2:] == (
        "L'autorisation arrive à renouvellement le 1er mars 2026.",
        "Un recours peut être porté devant la commission administrative paritaire (CAP).",
    )
    campaign = _history({"kind": "request", "on": "2025-01-10", "campaign_closes": "2025-01-31"})
    answer = deadlines(campaign, "2025-01-10").answer
    assert answer is not None
    assert answer.text("fr") == (
        "Une réponse écrite à la demande déposée dans l'appel à candidatures clos le 31 janvier"
        " 2025 est due au plus tard le 28 février 2025."
    )
    data = json.loads(json.dumps(found.to_dict()))
    assert data["state"] == "granted_adaptation" and data["appeal_body"] == "cap"
    assert [d["kind"] for d in data["deadlines"]] == [
        "answer",
        "adaptation_end",
        "ending_agent",
        "ending_employer",
        "renewal",
    ]
    assert NBSP not in "".join(found.sentences("fr"))  # no colon, no guillemet: none needed


@given(authorisation_histories(), st.integers(0, 800))
def test_every_deadline_is_on_or_after_the_request(
    life: tuple[str, str, list[Event]], later: int
) -> None:
    """Whatever the life and the day, no deadline falls before the request."""
    sector, contract, events = life
    history = AuthorisationHistory(sector=sector, contract=contract, events=events)
    request = events[0].on
    found = deadlines(history, request + dt.timedelta(days=later))
    assert all(deadline.date >= request for deadline in found.all())
    assert all(
        deadline.date > found.on
        for deadline in found.all()
        if deadline.kind is DeadlineKind.RENEWAL
    )


def test_a_scheme_s_shorter_answer_time_is_the_deadline() -> None:
    """A scheme that answers within 15 days: due 15 days after receipt, citing the
    scheme; a scheme's time longer than the framework's does not push the deadline
    (conformity reports it), and before 2020 the scheme's own time is the only one."""
    from teletravail.sources import Source

    charter = Source(title="Charte du télétravail de la collectivité")
    quick = AuthorisationTerms(answer_within="15 jours", source=charter)
    history = _history({"kind": "request", "on": "2024-03-10"}, terms=quick)
    answer = deadlines(history, "2024-03-10").answer
    assert answer is not None and (answer.date, answer.source) == (dt.date(2024, 3, 25), charter)
    slow = AuthorisationTerms(answer_within="2 mois", source=charter)
    late = deadlines(_history({"kind": "request", "on": "2024-03-10"}, terms=slow), "2024-03-10")
    assert late.answer is not None
    assert (late.answer.date, late.answer.source) == (dt.date(2024, 4, 10), ART_5_2020)
    before = deadlines(_history({"kind": "request", "on": "2019-03-01"}, terms=slow), "2019-03-01")
    assert before.answer is not None and before.answer.date == dt.date(2019, 5, 1)
