"""The authorisation's life as data: request, answer, adaptation, renewal, ending and
appeal, checked against the procedure in force, with its deadlines.

An :class:`AuthorisationHistory` is an immutable value made of dated :class:`Event`
values; each event moves the authorisation from one :class:`State` to another, and is
checked against the procedure in force on its date (:func:`procedure_in_force`) and the
scheme's :class:`~teletravail.policy.terms.AuthorisationTerms`. :func:`deadlines` gives
what is due on a day, each deadline with its source and a sentence in English and French.

The modules:

* :mod:`~teletravail.procedure.framework`: the procedural provisions, dated, each with
  its source (public service 2016 and 2020, private sector), and the appeal bodies;
* :mod:`~teletravail.procedure.states`: the states, the kinds of events and which event
  each state allows;
* :mod:`~teletravail.procedure.events`: one dated event and its JSON form;
* :mod:`~teletravail.procedure.life`: where the events leave an authorisation, and the
  state on a day;
* :mod:`~teletravail.procedure.rules`: the rules each event is checked against;
* :mod:`~teletravail.procedure.history`: the history as a value, and its JSON form;
* :mod:`~teletravail.procedure.deadlines`: the deadlines on a day;
* :mod:`~teletravail.procedure.register_building`: a workforce's authorisations as
  columns, built from histories or from a table;
* :mod:`~teletravail.procedure.register`: those columns' states and deadlines on a day,
  for a million authorisations at once.
"""

from __future__ import annotations

from .deadlines import Deadline, DeadlineKind, Deadlines, deadlines
from .events import EVENT_TABLE, Event
from .framework import (
    APPEAL,
    APPEAL_BODIES,
    NOTES,
    AppealBody,
    Procedure,
    Sector,
    appeal_body,
    procedure_in_force,
)
from .history import (
    HISTORY_TABLE,
    AuthorisationHistory,
    earliest_ending,
    history_problems,
    replay,
)
from .life import Life
from .register import (
    AuthorisationRegister,
    Dated,
    DeadlineColumns,
    Due,
    States,
    StatesOver,
)
from .register_building import COLUMNS as REGISTER_COLUMNS
from .rules import check_event, earliest_notice
from .states import ALLOWED, GRANTED, STATE_WORDS, EventKind, State

__all__ = [
    "ALLOWED",
    "APPEAL",
    "APPEAL_BODIES",
    "EVENT_TABLE",
    "GRANTED",
    "HISTORY_TABLE",
    "NOTES",
    "REGISTER_COLUMNS",
    "STATE_WORDS",
    "AppealBody",
    "AuthorisationHistory",
    "AuthorisationRegister",
    "Dated",
    "Deadline",
    "DeadlineColumns",
    "DeadlineKind",
    "Deadlines",
    "Due",
    "Event",
    "EventKind",
    "Life",
    "Procedure",
    "Sector",
    "State",
    "States",
    "StatesOver",
    "appeal_body",
    "check_event",
    "deadlines",
    "earliest_ending",
    "earliest_notice",
    "history_problems",
    "procedure_in_force",
    "replay",
]
