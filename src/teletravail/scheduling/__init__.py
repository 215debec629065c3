"""Scheduling: quotas, weekly patterns, working calendars, dated schedules, floating days
and télécentre desks.

The modules of the package:

* ``counting``: how a quota counts telework (days per week, :class:`Granularity`,
  :class:`CapPeriod`, :class:`Modality`);
* ``volumes``: floating days (:class:`FloatingDays`) and caps on the days themselves
  (:class:`DayCaps`);
* ``derogations``: what a derogation allows (:class:`DerogationRule`) and the
  public-service rules (:func:`national_derogations`);
* ``working_time``: bands of working time (:class:`WorkingTimeBand`) and the lower cap
  of part-time agents (:class:`PartTimeCap`);
* ``checks``: what agents ask for and the quota's answers, as columns and explained;
* ``quota``: the :class:`Quota` and its checks of a request;
* ``calendar``: working days and public holidays (:class:`WorkCalendar`);
* ``leave``: the telework days an agent's leave takes (:class:`LeaveAssumption`);
* ``schedule``: one agent's dated telework days (:class:`Schedule`);
* ``days``: the dated days of many agents at once, as columns (:class:`TeleworkDays`);
* ``layout``: those days laid out over a period, step by step (:class:`Layout`,
  :func:`lay_out`);
* ``centres``: a télécentre and a network of them, and how each is read and written;
* ``desk_requests``: a request for a desk and its answers;
* ``booking``: :func:`book` and its outcome (:class:`Bookings`);
* ``network_2012``: the shipped network of the 2012 pilot;
* ``planning``: one agent's pattern laid over a period (:func:`plan`);
* ``floating``: floating days asked for on given dates, reviewed (:func:`review_floating`);
* ``day_counts``: a whole workforce's telework days counted at once (:func:`telework_days`);
* ``presets``: rules of national texts a policy may add to its quota.

>>> from teletravail.scheduling import WeeklyPattern, plan
>>> schedule = plan(WeeklyPattern.of(["tuesday", "thursday"]), "2023-01-01", "2023-12-31")
>>> schedule.total
<Quantity(102.0, 'workday')>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teletravail._lazy import lazy_names

# Names are loaded on first use (PEP 562), as in the package's ``__init__``: importing
# one module of this sub-package does not import the others (schedules, télécentres,
# economics...), which keeps a process's first result quick.
_EXPORTS: dict[str, str] = {
    "WorkCalendar": "calendar",
    "whit_monday": "calendar",
    "HOME": "teletravail.week",
    "DayPart": "teletravail.week",
    "PatternDay": "teletravail.week",
    "Place": "teletravail.week",
    "PlaceKind": "teletravail.week",
    "WeeklyPattern": "teletravail.week",
    "Asks": "checks",
    "QuotaChecks": "checks",
    "CapPeriod": "counting",
    "DayCaps": "volumes",
    "LeaveAssumption": "leave",
    "Layout": "layout",
    "TeleworkDays": "days",
    "lay_out": "layout",
    "DerogationRule": "derogations",
    "FloatingDays": "volumes",
    "Granularity": "counting",
    "Modality": "counting",
    "PartTimeCap": "working_time",
    "WorkingTimeBand": "working_time",
    "PatternError": "teletravail.errors",
    "Quota": "quota",
    "QuotaDecision": "checks",
    "national_derogations": "derogations",
    "Absence": "teletravail.spans",
    "Authorisation": "teletravail.spans",
    "CountPeriod": "schedule",
    "FloatingReview": "schedule",
    "QuotaExceededError": "planning",
    "Schedule": "schedule",
    "TeleworkDay": "schedule",
    "plan": "planning",
    "review_floating": "floating",
    "telework_days": "day_counts",
    "WORKWEEK": "centres",
    "Telecentre": "centres",
    "TelecentreNetwork": "centres",
    "Booking": "desk_requests",
    "DeskRequest": "desk_requests",
    "Peak": "desk_requests",
    "Refusal": "desk_requests",
    "RefusalReason": "desk_requests",
    "Bookings": "booking",
    "book": "booking",
    "aurillac_figeac_decazeville_2012": "network_2012",
}
_SUBMODULES: frozenset[str] = frozenset({"presets"})

__all__ = [
    "HOME",
    "WORKWEEK",
    "Absence",
    "Asks",
    "Authorisation",
    "Booking",
    "Bookings",
    "CapPeriod",
    "CountPeriod",
    "DayCaps",
    "DayPart",
    "DerogationRule",
    "DeskRequest",
    "FloatingDays",
    "FloatingReview",
    "Granularity",
    "Layout",
    "LeaveAssumption",
    "Modality",
    "PartTimeCap",
    "PatternDay",
    "PatternError",
    "Peak",
    "Place",
    "PlaceKind",
    "Quota",
    "QuotaChecks",
    "QuotaDecision",
    "QuotaExceededError",
    "Refusal",
    "RefusalReason",
    "Schedule",
    "Telecentre",
    "TelecentreNetwork",
    "TeleworkDay",
    "TeleworkDays",
    "WeeklyPattern",
    "WorkCalendar",
    "WorkingTimeBand",
    "aurillac_figeac_decazeville_2012",
    "book",
    "lay_out",
    "national_derogations",
    "plan",
    "presets",
    "review_floating",
    "telework_days",
    "whit_monday",
]

if TYPE_CHECKING:
    from teletravail.errors import PatternError
    from teletravail.spans import Absence, Authorisation
    from teletravail.week import HOME, DayPart, PatternDay, Place, PlaceKind, WeeklyPattern

    from . import presets
    from .booking import Bookings, book
    from .calendar import WorkCalendar, whit_monday
    from .centres import WORKWEEK, Telecentre, TelecentreNetwork
    from .checks import Asks, QuotaChecks, QuotaDecision
    from .counting import CapPeriod, Granularity, Modality
    from .day_counts import telework_days
    from .days import TeleworkDays
    from .derogations import DerogationRule, national_derogations
    from .desk_requests import Booking, DeskRequest, Peak, Refusal, RefusalReason
    from .floating import review_floating
    from .layout import Layout, lay_out
    from .leave import LeaveAssumption
    from .network_2012 import aurillac_figeac_decazeville_2012
    from .planning import QuotaExceededError, plan
    from .quota import Quota
    from .schedule import CountPeriod, FloatingReview, Schedule, TeleworkDay
    from .volumes import DayCaps, FloatingDays
    from .working_time import PartTimeCap, WorkingTimeBand


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
