"""The states of an authorisation's life, the kinds of events that move it between them,
and which event each state allows.

An authorisation is *requested*, may be put *under review*, is then *granted* (in its
adaptation period, then confirmed once that period is over) or *refused*; a granted
authorisation is *renewed* at the end of each term, may be *suspended* and resumed, and
is *ended* (by either side, by a change of duties, or at the end of a term not renewed);
a refusal or an ending at the employer's initiative may be *appealed*, after which the
employer grants or refuses again.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from teletravail.messages import Phrase

__all__ = [
    "ALLOWED",
    "EVENT_WORDS",
    "GRANTED",
    "STATE_WORDS",
    "EventKind",
    "State",
]


class State(enum.StrEnum):
    """Where an authorisation stands on a day."""

    REQUESTED = "requested"
    UNDER_REVIEW = "under_review"
    GRANTED_ADAPTATION = "granted_adaptation"  # granted, in its adaptation period
    GRANTED_CONFIRMED = "granted_confirmed"  # granted, adaptation over (or none)
    REFUSED = "refused"
    RENEWED = "renewed"
    SUSPENDED = "suspended"
    ENDED = "ended"
    APPEALED = "appealed"


class EventKind(enum.StrEnum):
    """What happened on a day of an authorisation's life."""

    REQUEST = "request"  # the agent's request, received
    REVIEW = "review"  # the request taken under review
    GRANT = "grant"  # the written answer granting telework (the individual act)
    REFUSE = "refuse"  # the written answer refusing it
    RENEW = "renew"  # a new term
    SUSPEND = "suspend"  # telework suspended for a while
    RESUME = "resume"  # telework resumed after a suspension
    END = "end"  # an ending notified in writing by either side
    CHANGE_OF_DUTIES = "change_of_duties"  # new duties: a new request is needed
    APPEAL = "appeal"  # the appeal body seized


#: The states in which the agent holds an authorisation.
GRANTED: Final = frozenset({State.GRANTED_ADAPTATION, State.GRANTED_CONFIRMED, State.RENEWED})

#: Which states each kind of event may follow (the request starts a life: no state).
ALLOWED: Final[Mapping[EventKind, frozenset[State]]] = MappingProxyType(
    {
        EventKind.REQUEST: frozenset(),
        EventKind.REVIEW: frozenset({State.REQUESTED}),
        EventKind.GRANT: frozenset({State.REQUESTED, State.UNDER_REVIEW, State.APPEALED}),
        EventKind.REFUSE: frozenset({State.REQUESTED, State.UNDER_REVIEW, State.APPEALED}),
        EventKind.RENEW: frozenset({State.GRANTED_CONFIRMED, State.RENEWED}),
        EventKind.SUSPEND: GRANTED,
        EventKind.RESUME: frozenset({State.SUSPENDED}),
        EventKind.END: GRANTED | {State.SUSPENDED},
        EventKind.CHANGE_OF_DUTIES: GRANTED | {State.SUSPENDED},
        EventKind.APPEAL: frozenset({State.REFUSED, State.ENDED}),
    }
)

#: Each state in words, in English and French.
STATE_WORDS: Final[Mapping[State, Phrase]] = MappingProxyType(
    {
        State.REQUESTED: Phrase("requested", "demandée"),
        State.UNDER_REVIEW: Phrase("under review", "en cours d'instruction"),
        State.GRANTED_ADAPTATION: Phrase(
            "granted, in its adaptation period", "accordée, en période d'adaptation"
        ),
        State.GRANTED_CONFIRMED: Phrase("granted", "accordée"),
        State.REFUSED: Phrase("refused", "refusée"),
        State.RENEWED: Phrase("renewed", "renouvelée"),
        State.SUSPENDED: Phrase("suspended", "suspendue"),
        State.ENDED: Phrase("ended", "terminée"),
        State.APPEALED: Phrase("under appeal", "en recours"),
    }
)

#: Each kind of event in words, in English and French.
EVENT_WORDS: Final[Mapping[EventKind, Phrase]] = MappingProxyType(
    {
        EventKind.REQUEST: Phrase("a request", "une demande"),
        EventKind.REVIEW: Phrase("a review", "une instruction"),
        EventKind.GRANT: Phrase("a grant", "un accord"),
        EventKind.REFUSE: Phrase("a refusal", "un refus"),
        EventKind.RENEW: Phrase("a renewal", "un renouvellement"),
        EventKind.SUSPEND: Phrase("a suspension", "une suspension"),
        EventKind.RESUME: Phrase("a resumption", "une reprise"),
        EventKind.END: Phrase("an ending", "une fin"),
        EventKind.CHANGE_OF_DUTIES: Phrase("a change of duties", "un changement de fonctions"),
        EventKind.APPEAL: Phrase("an appeal", "un recours"),
    }
)
