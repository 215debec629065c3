"""Where an authorisation stands after some of its events, and how an event moves it.

A :class:`Life` is what replaying a history's events gives: the state they leave, the
request, the last grant, the renewals, the last ending and decision. Its
:meth:`~Life.state_on` moves the state on with the calendar (the end of the adaptation
period, a term ended without renewal); :func:`moved` is the life after one more event,
taken as allowed (whether it is, is :mod:`teletravail.procedure.rules`' question).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from teletravail.policy.terms import AuthorisationTerms, Renewal
from teletravail.spans import Authorisation

from .events import Event
from .states import GRANTED, EventKind, State

__all__ = ["Life", "moved"]

_ONE_DAY: Final = dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class Life:
    """Where a history stands after some of its events: what :func:`replay` gives.

    ``state`` is the state the events leave (before the calendar moves it on: see
    :meth:`state_on`); ``request`` and ``grant`` the request and the last grant;
    ``renewals`` how many renewals were recorded; ``ending`` the last ending (or change
    of duties); ``appeals`` how many appeals were made since the last decision.
    """

    state: State | None = None
    last: dt.date | None = None
    request: Event | None = None
    grant: Event | None = None
    renewals: int = 0
    before_suspension: State | None = None
    ending: Event | None = None
    decision: Event | None = None
    appealed: bool = False

    def authorisation(self) -> Authorisation | None:
        """The authorisation the last grant opened, as a span (its end the last day of
        the current term, or of the ending), or ``None`` before any grant."""
        if self.grant is None:
            return None
        end = self.term_end()
        if self.ending is not None and self.ending.on >= self.grant.on:
            effective = self.ending.effective or self.ending.on
            last = effective - _ONE_DAY
            end = last if end is None else min(end, last)
        start = self.grant.first_day
        if end is not None and end < start:
            end = start
        return Authorisation(start=start, end=end, adaptation=self.grant.adaptation)

    def adaptation_end(self) -> dt.date | None:
        """The last day of the adaptation period of the last grant, if it has one."""
        if self.grant is None or self.grant.adaptation is None:
            return None
        return self.grant.adaptation.after(self.grant.first_day) - _ONE_DAY

    def term_end(self, renewals: int | None = None) -> dt.date | None:
        """The last day of the term after ``renewals`` renewals (the current term by
        default), ``None`` when the act sets no duration."""
        if self.grant is None or self.grant.duration is None:
            return None
        count = self.renewals if renewals is None else renewals
        terms = AuthorisationTerms(duration=self.grant.duration, renewal=Renewal.EXPRESS)
        return terms.end(self.grant.first_day, count)

    def state_on(self, day: dt.date, terms: AuthorisationTerms | None = None) -> State | None:
        """The state on ``day``: the events' state, moved on by the calendar (the end of
        the adaptation period, the end of a term not renewed)."""
        state = self.state
        if state in GRANTED:
            last = self.term_end()
            if last is not None and day > last:
                if terms is None or terms.renewal is not Renewal.TACIT:
                    return State.ENDED
                return State.RENEWED
            end = self.adaptation_end()
            if state is State.GRANTED_ADAPTATION and (end is None or day > end):
                return State.GRANTED_CONFIRMED
        return state


def moved(event: Event, life: Life, terms: AuthorisationTerms | None) -> Life:
    """``life`` after ``event`` (taken as allowed)."""
    state = life.state_on(event.on, terms)
    kind = event.kind
    last = event.on if life.last is None else max(life.last, event.on)
    if kind is EventKind.REQUEST:
        return Life(state=State.REQUESTED, last=last, request=event)
    if kind is EventKind.REVIEW:
        return attrs.evolve(life, state=State.UNDER_REVIEW, last=last)
    if kind is EventKind.GRANT:
        granted = State.GRANTED_ADAPTATION if event.adaptation else State.GRANTED_CONFIRMED
        return attrs.evolve(
            life,
            state=granted,
            last=last,
            grant=event,
            renewals=0,
            ending=None,
            decision=event,
            appealed=state is State.APPEALED,
        )
    if kind is EventKind.REFUSE:
        # a refusal after an appeal is the final answer: it is not appealed again
        appealed = state is State.APPEALED
        return attrs.evolve(life, state=State.REFUSED, last=last, decision=event, appealed=appealed)
    if kind is EventKind.RENEW:
        renewals = life.renewals
        if life.grant is not None and life.grant.duration is not None:
            # the terms begun by the renewal's day, tacit ones included, then this one
            terms_ = AuthorisationTerms(duration=life.grant.duration, renewal=Renewal.EXPRESS)
            renewals = max(renewals, terms_.renewal_count(life.grant.first_day, event.on))
        return attrs.evolve(life, state=State.RENEWED, last=last, renewals=renewals + 1)
    if kind is EventKind.SUSPEND:
        return attrs.evolve(life, state=State.SUSPENDED, last=last, before_suspension=state)
    if kind is EventKind.RESUME:
        back = life.before_suspension or State.GRANTED_CONFIRMED
        return attrs.evolve(life, state=back, last=last, before_suspension=None)
    if kind in (EventKind.END, EventKind.CHANGE_OF_DUTIES):
        return attrs.evolve(
            life, state=State.ENDED, last=last, ending=event, decision=event, appealed=False
        )
    return attrs.evolve(life, state=State.APPEALED, last=last, appealed=True)
