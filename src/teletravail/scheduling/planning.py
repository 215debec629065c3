"""Planning: the dated telework days a pattern gives one agent over a period.

:func:`plan` lays a :class:`~teletravail.week.WeeklyPattern` over a period
and keeps the days that are worked (no weekend, no public holiday of the
:class:`~teletravail.scheduling.calendar.WorkCalendar`), that the agent works (a
part-time agent's days off), that fall inside the :class:`~teletravail.spans.Authorisation`
and outside the agent's :class:`~teletravail.spans.Absence` spans: a
:class:`~teletravail.scheduling.schedule.Schedule`. Floating days asked for on given dates
are reviewed by :mod:`~teletravail.scheduling.floating`; a whole workforce's days are
counted at once by :mod:`~teletravail.scheduling.day_counts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs
import numpy as np

from teletravail.dated import check_order
from teletravail.dates import to_date
from teletravail.errors import PatternError, QuotaExceededError, ValidationError
from teletravail.messages import Phrase
from teletravail.spans import Absence, Authorisation, telework_window
from teletravail.spans import absences as absences_of
from teletravail.week import FRENCH_WEEKDAYS, PlaceKind, WeeklyPattern, weekday_mask, weekday_set
from teletravail.workforce import Agent

from .calendar import WorkCalendar, calendar_or_default
from .centres import TelecentreNetwork
from .layout import Layout, lay_out
from .leave import LeaveAssumption
from .quota import Quota
from .schedule import Schedule

__all__ = ["QuotaExceededError", "plan"]


_A_PATTERN: Final = Phrase("a WeeklyPattern", "un objet WeeklyPattern")


def _written(pattern: WeeklyPattern) -> Phrase:
    """A pattern as a value found, written in each language."""
    return Phrase(str(pattern), pattern.text("fr"))


def plan(
    pattern: WeeklyPattern,
    start: dt.date | str,
    end: dt.date | str,
    *,
    calendar: WorkCalendar | None = None,
    agent: Agent | None = None,
    quota: Quota | None = None,
    authorisation: Authorisation | None = None,
    absences: Iterable[Absence] = (),
    days_off: Iterable[int | str] | int | str = (),
    network: TelecentreNetwork | None = None,
    leave: LeaveAssumption | None = None,
    counted_from: dt.date | str | None = None,
) -> Schedule:
    """Lay ``pattern`` over ``start..end`` (inclusive) and keep the days it applies to.

    A day is kept when it is a pattern weekday, a working day of ``calendar`` (France's
    public holidays by default), a day the agent works (not in ``days_off``, nor in the
    agent's own), inside the ``authorisation`` (after its adaptation period if it
    excludes telework) and outside every ``absences`` span. Where the absences are not
    known, a ``leave`` assumption thins the days instead (see
    :mod:`~teletravail.scheduling.leave`). With a ``quota`` (and an ``agent``), the
    pattern is checked on the first day and on every day the agent's allowance may
    change (a derogation starting, ending or running out): a pattern the quota does not
    allow on one of them raises :class:`QuotaExceededError`; the quota's caps on days
    per month and year then keep the days in date order while they fit. With a
    télécentre ``network``, every télécentre of the pattern must belong to it.

    The leave and the caps count a calendar year from ``counted_from``, 1 January of the
    start's year by default: a period that starts later is its part of the year, laid
    out from then (within the authorisation), and the days before ``start`` are the
    schedule's ``earlier`` days, which the allowance's yearly caps count too.

    It is the one-agent case of :func:`~teletravail.scheduling.layout.lay_out`.
    """
    first, last = to_date(start, "start"), to_date(end, "end")
    check_order(first, last)
    origin = (
        dt.date(first.year, 1, 1) if counted_from is None else to_date(counted_from, "counted_from")
    )
    if origin > first:
        raise ValidationError(
            "counted_from",
            origin,
            Phrase(
                "a date on or before the start {first}",
                "une date au plus tard le jour du début, {first}",
                first=first,
            ),
        )
    if not isinstance(pattern, WeeklyPattern):
        raise ValidationError("pattern", pattern, _A_PATTERN)
    calendar = calendar_or_default(calendar)
    off = weekday_set(days_off, "days_off")
    for name, value, kind in (
        ("agent", agent, Agent),
        ("quota", quota, Quota),
        ("authorisation", authorisation, Authorisation),
        ("leave", leave, LeaveAssumption),
    ):
        if value is not None and not isinstance(value, kind):
            raise ValidationError(
                name,
                value,
                Phrase("a {kind} or None", "un objet {kind} ou None", kind=kind.__name__),
            )
    if agent is not None:
        off |= agent.days_off
    if network is not None and not isinstance(network, TelecentreNetwork):
        raise ValidationError(
            "network",
            network,
            Phrase("a TelecentreNetwork or None", "un objet TelecentreNetwork ou None"),
        )
    weekend = sorted(pattern.weekdays & calendar.weekend)
    if weekend:
        raise PatternError(
            "pattern",
            _written(pattern),
            Phrase(
                "no telework on weekday {day}, a weekend day",
                "aucun télétravail le {name}, un jour de week-end",
                day=weekend[0],
                name=FRENCH_WEEKDAYS[weekend[0]],
            ),
        )
    if network is not None:
        for place in pattern.places():
            if place.kind is PlaceKind.TELECENTRE and place.name is not None:
                network.get(place.name)  # an unknown centre is a ValidationError
    if quota is not None:
        if agent is None:
            raise ValidationError(
                "agent",
                None,
                Phrase(
                    "the agent, to check the pattern against the quota",
                    "l'agent, pour vérifier le rythme au regard du quota",
                ),
            )
        # the allowance can change only where a derogation starts, ends or runs out
        for change in quota.allowance_changes(agent, first, last):
            decision = quota.check(pattern, agent, change, days_off=off)
            if not decision.allowed:
                raise QuotaExceededError(decision)
    elif pattern.weekdays & off:
        raise PatternError(
            "pattern",
            _written(pattern),
            Phrase(
                "no telework on a day the agent does not work",
                "aucun télétravail un jour où l'agent ne travaille pas",
            ),
        )
    spans = absences_of(absences)
    if spans and leave is not None:
        raise ValidationError(
            "leave",
            Phrase(leave.describe("en"), leave.describe("fr")),
            Phrase(
                "either known absences or a leave assumption",
                "soit des absences connues, soit une hypothèse de congés",
            ),
        )
    window_first, window_last = telework_window(authorisation, origin, last, first)
    authorised = None if authorisation is None else authorisation.start
    one = np.ones(1)
    layout = Layout(
        patterns=(pattern,),
        days_off=np.array([weekday_mask(off)], dtype=np.uint8),
        first=np.array([window_first], dtype="datetime64[D]"),
        last=np.array([window_last], dtype="datetime64[D]"),
        absences=(None if leave is not None else spans,),
        allowed=one * 7,
        on_site=one * 0,
        authorised=np.array(
            [np.datetime64("NaT") if authorised is None else authorised], dtype="datetime64[D]"
        ),
    )
    without_floating = (
        quota
        if quota is None or quota.floating is None
        else attrs.evolve(quota, floating=None, modality=None)
    )
    days = lay_out(
        layout,
        start=first,
        end=last,
        calendar=calendar,
        leave=leave,
        quota=without_floating,
        counted_from=origin,
    )
    return days.schedule(0, None if agent is None else agent.id)
