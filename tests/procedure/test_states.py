"""The states and the events each allows."""

from __future__ import annotations

from teletravail.procedure import ALLOWED, GRANTED, STATE_WORDS, EventKind, State
from teletravail.procedure.states import EVENT_WORDS


def test_every_state_and_event_has_words_in_both_languages() -> None:
    """No state or event is left without English and French words."""
    assert set(STATE_WORDS) == set(State) and set(EVENT_WORDS) == set(EventKind)
    assert STATE_WORDS[State.APPEALED].text("fr") == "en recours"
    assert all(words.text("fr") != str(words) for words in STATE_WORDS.values())


def test_the_transitions_written_by_hand() -> None:
    """A request starts a life; only a refusal or an ending is appealed; an appeal is
    answered by a grant or a refusal; only a granted authorisation is renewed."""
    assert ALLOWED[EventKind.REQUEST] == frozenset()
    assert ALLOWED[EventKind.APPEAL] == {State.REFUSED, State.ENDED}
    assert State.APPEALED in ALLOWED[EventKind.GRANT] & ALLOWED[EventKind.REFUSE]
    assert ALLOWED[EventKind.RENEW] == {State.GRANTED_CONFIRMED, State.RENEWED}
    assert {State.GRANTED_ADAPTATION, State.GRANTED_CONFIRMED, State.RENEWED} == GRANTED
    assert set(ALLOWED) == set(EventKind)
