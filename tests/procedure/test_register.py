"""A workforce's authorisations as columns: the whole agrees with its parts (each row's
state and deadlines are its history's), and counts and due lists checked by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teletravail.errors import ValidationError
from teletravail.policy.terms import AuthorisationTerms
from teletravail.procedure import (
    AppealBody,
    AuthorisationHistory,
    AuthorisationRegister,
    State,
    deadlines,
)

from ..strategies import register_histories, scheme_authorisation_terms

STATES = tuple(State)
BODIES = tuple(AppealBody)


def _date(value: np.datetime64) -> dt.date | None:
    return None if np.isnat(value) else dt.date.fromisoformat(str(value))


def _agrees(
    register: AuthorisationRegister, histories: list[AuthorisationHistory], on: Any
) -> None:
    columns = register.deadlines_on(on)
    states = register.states_on(on)
    assert (states.codes == columns.states).all()
    for row, history in enumerate(histories):
        assert STATES[columns.states[row]] is history.state_on(on), row
        expected = deadlines(history, on)
        found = {
            "answer": columns.answer[row],
            "adaptation_end": columns.adaptation_end[row],
            "ending_agent": columns.ending_agent[row],
            "ending_employer": columns.ending_employer[row],
            "renewal": columns.renewal[row],
        }
        for name, value in found.items():
            deadline = getattr(expected, name)
            assert _date(value) == (None if deadline is None else deadline.date), (row, name)
        body = columns.appeal_body[row]
        assert (None if body < 0 else BODIES[body]) is expected.appeal_body, row
    counts = dict.fromkeys(State, 0)
    for history in histories:
        state = history.state_on(on)
        assert state is not None
        counts[state] += 1
    assert states.counts == counts


def _near(histories: list[AuthorisationHistory]) -> list[dt.date]:
    """The days where a state or a deadline turns: each event's days, the last day of
    each adaptation period and of each term, and the day after each."""
    found: set[dt.date] = set()
    for history in histories:
        life = history.life
        for event in history.events:
            found.update(day for day in (event.on, event.start, event.effective) if day)
        found.update(day for day in (life.adaptation_end(), life.term_end()) if day)
        if history.terms is not None and life.grant is not None:
            own = history.terms.adaptation_end(life.grant.first_day)
            found.update(day for day in (own,) if day)
    return sorted(found | {day + dt.timedelta(days=1) for day in found})


@settings(max_examples=150, deadline=None)
@given(terms=scheme_authorisation_terms(), data=st.data())
def test_each_row_is_its_history(terms: Any, data: st.DataObject) -> None:
    """For random valid histories under random scheme terms, on random days and on the
    days where a state or a deadline turns, each row's state and deadlines are what its
    history gives, and the counts are the histories'."""
    drawn = data.draw(st.lists(register_histories(terms), min_size=1, max_size=12))
    histories = [history for history in drawn if history is not None]
    register = AuthorisationRegister.from_histories(histories)
    assert len(register) == len(histories)
    turning = _near(histories)
    days = data.draw(st.lists(st.sampled_from(turning), max_size=6)) if turning else []
    days += data.draw(
        st.lists(
            st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2038, 12, 31)),
            min_size=1,
            max_size=2,
        )
    )
    for day in days:
        _agrees(register, histories, day)
    over = register.states_between(min(days), max(days))
    for day in days:
        assert over.on(day) == register.states_on(day).counts


# -- a small register, by hand ------------------------------------------------------------


def _small() -> tuple[list[AuthorisationHistory], AuthorisationRegister]:
    civil = AuthorisationHistory(contract="civil_servant")
    staff = AuthorisationHistory(contract="contract_staff")
    histories = [
        # A: answer due 28 February 2025
        civil.then("request", "2025-01-31"),
        # B: answer due 10 April 2025 (the campaign closed on 10 March)
        staff.then("request", "2025-02-01", campaign_closes="2025-03-10").then(
            "review", "2025-02-05"
        ),
        # C: granted from 1 March 2025, adaptation to 31 May, one year: renewal 1 March 2026
        civil.then("request", "2025-01-10").then(
            "grant", "2025-02-20", start="2025-03-01", adaptation="3 months", duration="1 year"
        ),
        # D: granted from 1 April 2024 for 6 months, never renewed: ended 1 October 2024
        civil.then("request", "2024-03-01").then(
            "grant", "2024-03-15", start="2024-04-01", duration="6 months"
        ),
        # E: refused, then appealed on 20 April 2025
        staff.then("request", "2025-03-10")
        .then("refuse", "2025-04-01", reasons="counter", interview="2025-03-25")
        .then("appeal", "2025-04-20"),
        # F: granted open-ended, no adaptation
        civil.then("request", "2024-01-10").then("grant", "2024-01-20"),
    ]
    return histories, AuthorisationRegister.from_histories(histories, ids=list("ABCDEF"))


def test_counts_by_hand() -> None:
    histories, register = _small()
    counts = register.states_on("2025-04-25").counts
    assert counts == {
        State.REQUESTED: 1,
        State.UNDER_REVIEW: 1,
        State.GRANTED_ADAPTATION: 1,
        State.GRANTED_CONFIRMED: 1,
        State.REFUSED: 0,
        State.RENEWED: 0,
        State.SUSPENDED: 0,
        State.ENDED: 1,
        State.APPEALED: 1,
    }
    # on 1 June C's adaptation is over: two confirmed
    assert register.states_on("2025-06-01").counts[State.GRANTED_CONFIRMED] == 2
    assert register.states_on("2025-06-01").of("ended").tolist() == [0, 0, 0, 1, 0, 0]
    _agrees(register, histories, "2025-04-25")


def test_due_by_hand() -> None:
    _, register = _small()
    due = register.due("2025-03-15", within=30)
    assert due.until == dt.date(2025, 4, 14)
    assert due.answers.to_dict() == {"ids": ["B"], "dates": ["2025-04-10"]}
    assert due.overdue_answers.to_dict() == {"ids": ["A"], "dates": ["2025-02-28"]}
    assert due.renewals.to_dict() == {"ids": [], "dates": []}
    # D's term ran out on 30 September 2024 with no renewal recorded
    assert due.lapsed.to_dict() == {"ids": ["D"], "dates": ["2024-10-01"]}
    assert len(due.adaptation_ends) == 0
    later = register.due("2025-05-10", within="1 month")
    assert later.until == dt.date(2025, 6, 10)
    assert later.adaptation_ends.to_dict() == {"ids": ["C"], "dates": ["2025-05-31"]}
    renewals = register.due("2026-02-01", within="1 month").renewals
    assert renewals.to_dict() == {"ids": ["C"], "dates": ["2026-03-01"]}


def test_appeals_pending_by_hand() -> None:
    _, register = _small()
    assert register.appeals_pending("2025-04-25").to_dict() == {
        "ids": ["E"],
        "dates": ["2025-04-20"],
    }


def test_summary_in_english_and_french() -> None:
    _, register = _small()
    assert register.summary("2025-03-15") == (
        "On 15 March 2025, 6 authorisations, by state:\n"
        "- requested: 1\n"
        "- under review: 1\n"
        "- granted, in its adaptation period: 1\n"
        "- granted: 1\n"
        "- ended: 1\n"
        "- under appeal: 1\n"
        "Written answers due by 14 April 2025: 1; overdue: 1.\n"
        "Renewals due by 14 April 2025: 0; terms run out without a renewal: 1.\n"
        "Adaptation periods ending by 14 April 2025: 0.\n"
        "Appeals pending: 1."
    )
    assert register.summary("2025-03-15", "fr") == (
        "Au 15 mars 2025, 6 autorisations, par état\u00a0:\n"
        "- demandée\u00a0: 1\n"
        "- en cours d'instruction\u00a0: 1\n"
        "- accordée, en période d'adaptation\u00a0: 1\n"
        "- accordée\u00a0: 1\n"
        "- terminée\u00a0: 1\n"
        "- en recours\u00a0: 1\n"
        "Réponses écrites dues d'ici le 14 avril 2025\u00a0: 1\u202f; en retard\u00a0: 1.\n"
        "Renouvellements à décider d'ici le 14 avril 2025\u00a0: 0\u202f; durées échues sans"
        " renouvellement\u00a0: 1.\n"
        "Périodes d'adaptation prenant fin d'ici le 14 avril 2025\u00a0: 0.\n"
        "Recours en attente\u00a0: 1."
    )


def test_columns_are_read_only() -> None:
    _, register = _small()
    with pytest.raises(ValueError, match="read-only"):
        register.start[0] = np.datetime64("2020-01-01")


def test_tacit_terms_renew_instead_of_ending() -> None:
    terms = AuthorisationTerms(duration="6 months", renewal="tacit")
    history = (
        AuthorisationHistory(contract="civil_servant", terms=terms)
        .then("request", "2024-03-01")
        .then("grant", "2024-03-15", start="2024-04-01", duration="6 months")
    )
    register = AuthorisationRegister.from_histories([history])
    assert STATES[register.states_on("2025-01-01").codes[0]] is State.RENEWED
    assert str(register.deadlines_on("2025-01-01").renewal[0]) == "2025-04-01"
    assert len(register.due("2025-01-01").lapsed) == 0


def test_histories_under_other_terms_are_refused() -> None:
    plain = AuthorisationHistory().then("request", "2024-03-01")
    other = AuthorisationHistory(terms=AuthorisationTerms(duration="1 year")).then(
        "request", "2024-03-01"
    )
    with pytest.raises(ValidationError) as caught:
        AuthorisationRegister.from_histories([plain, other])
    assert caught.value.field == "histories[1].terms"
    with pytest.raises(ValidationError) as empty:
        AuthorisationRegister.from_histories([AuthorisationHistory()])
    assert empty.value.field == "histories[0].events"
    with pytest.raises(ValidationError) as ids:
        AuthorisationRegister.from_histories([plain], ids=["a", "b"])
    assert ids.value.field == "ids"


def test_an_empty_register() -> None:
    register = AuthorisationRegister.from_histories([])
    assert len(register) == 0
    assert sum(register.states_on("2025-01-01").counts.values()) == 0
    assert register.summary("2025-01-01").startswith("On 1 January 2025, 0 authorisations")
    assert register.summary("2025-01-01", "fr").startswith("Au 1er janvier 2025, 0 autorisation,")


def test_next_terms_at_month_ends() -> None:
    """Terms of one month, one year and 2 months 3 days started every third day of 2024
    (month ends and 29 February among them), some renewed, some under tacit terms, each
    read on days around their renewals and years later: the columns give what each
    history gives, whatever the first estimate of the term reached."""
    for terms in (None, AuthorisationTerms(duration="1 year", renewal="tacit")):
        base = AuthorisationHistory(contract="civil_servant", terms=terms)
        histories = [
            base.then("request", "2023-12-01").then(
                "grant", "2023-12-20", start="2024-01-10", adaptation=adaptation, duration=term
            )
            for adaptation, term in (("50 days", "2 months"), ("40 days", "1 month"))
        ]
        for offset in range(0, 366, 3):
            start = dt.date(2024, 1, 1) + dt.timedelta(days=offset)
            for duration in ("1 month", "1 year", "2 months 3 days"):
                granted = base.then("request", "2023-12-01").then(
                    "grant", "2023-12-20", start=start, duration=duration
                )
                histories.append(granted)
                histories.append(granted.then("renew", start + dt.timedelta(days=20)))
        register = AuthorisationRegister.from_histories(histories)
        for day in ("2024-02-28", "2024-02-29", "2024-03-31", "2024-12-31", "2025-01-30"):
            _agrees(register, histories, day)
        if terms is not None:
            _agrees(register, histories, "2031-02-28")
        # a period that starts on the day terms run out, and its counts day by day
        over = register.states_between("2024-03-01", "2026-03-31")
        for index in range(0, len(over.days), 5):
            day = dt.date(2024, 3, 1) + dt.timedelta(days=index)
            assert over.on(day) == register.states_on(day).counts, day


def test_only_histories_are_taken() -> None:
    with pytest.raises(ValidationError) as caught:
        AuthorisationRegister.from_histories(["not a history"])  # type: ignore[list-item]
    assert caught.value.field == "histories[0]"


def test_states_between_by_hand() -> None:
    """C leaves its adaptation period on 1 June 2025; D's term ran out on 30 September
    2024: the counts of each day of the period are those of that day."""
    _, register = _small()
    over = register.states_between("2024-09-29", "2025-06-02")
    assert len(over.days) == 247
    assert over.on("2024-09-30")[State.ENDED] == 0
    assert over.on("2024-10-01")[State.ENDED] == 1
    assert over.on("2025-05-31")[State.GRANTED_CONFIRMED] == 1  # F
    assert over.on("2025-06-01")[State.GRANTED_CONFIRMED] == 2  # C and F
    column = over.counts[State.GRANTED_ADAPTATION]
    assert column[-3:].tolist() == [1, 0, 0]
    for index in range(0, 247, 7):
        day = dt.date(2024, 9, 29) + dt.timedelta(days=index)
        assert over.on(day) == register.states_on(day).counts
    with pytest.raises(ValidationError) as outside:
        over.on("2025-06-03")
    assert outside.value.field == "day"
    with pytest.raises(ValidationError) as backwards:
        register.states_between("2025-01-02", "2025-01-01")
    assert backwards.value.field == "last"
