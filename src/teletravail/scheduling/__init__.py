"""Scheduling: quotas, weekly patterns, working calendars, dated schedules, floating days
and télécentre desks.

The télécentres are four modules: :mod:`.centres` (a centre and a network, and how each
is read and written), :mod:`.desk_requests` (a request for a desk and its answers),
:mod:`.booking` (:func:`book` and its outcome, :class:`Bookings`) and
:mod:`.network_2012` (the shipped network of the 2012 pilot).

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
    "CapPeriod": "quota",
    "DayCaps": "quota",
    "LeaveAssumption": "leave",
    "Layout": "days",
    "TeleworkDays": "days",
    "lay_out": "days",
    "DerogationRule": "quota",
    "FloatingDays": "quota",
    "Granularity": "quota",
    "Modality": "quota",
    "PartTimeCap": "quota",
    "PatternError": "quota",
    "Quota": "quota",
    "QuotaDecision": "checks",
    "national_derogations": "quota",
    "Absence": "teletravail.spans",
    "Authorisation": "teletravail.spans",
    "CountPeriod": "schedule",
    "FloatingReview": "schedule",
    "QuotaExceededError": "planning",
    "Schedule": "schedule",
    "TeleworkDay": "schedule",
    "plan": "planning",
    "review_floating": "planning",
    "telework_days": "planning",
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
    from teletravail.spans import Absence, Authorisation
    from teletravail.week import HOME, DayPart, PatternDay, Place, PlaceKind, WeeklyPattern

    from . import presets
    from .booking import Bookings, book
    from .calendar import WorkCalendar, whit_monday
    from .centres import WORKWEEK, Telecentre, TelecentreNetwork
    from .checks import Asks, QuotaChecks, QuotaDecision
    from .days import Layout, TeleworkDays, lay_out
    from .desk_requests import Booking, DeskRequest, Peak, Refusal, RefusalReason
    from .leave import LeaveAssumption
    from .network_2012 import aurillac_figeac_decazeville_2012
    from .planning import (
        QuotaExceededError,
        plan,
        review_floating,
        telework_days,
    )
    from .quota import (
        CapPeriod,
        DayCaps,
        DerogationRule,
        FloatingDays,
        Granularity,
        Modality,
        PartTimeCap,
        PatternError,
        Quota,
        national_derogations,
    )
    from .schedule import CountPeriod, FloatingReview, Schedule, TeleworkDay


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
