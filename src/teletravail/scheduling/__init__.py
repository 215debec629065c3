"""Scheduling: quotas, weekly patterns, working calendars, dated schedules, floating days
and télécentre desks.

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
    "Booking": "telecentre",
    "Bookings": "telecentre",
    "DeskRequest": "telecentre",
    "Refusal": "telecentre",
    "Telecentre": "telecentre",
    "TelecentreNetwork": "telecentre",
    "aurillac_figeac_decazeville_2012": "telecentre",
    "book": "telecentre",
}
_SUBMODULES: frozenset[str] = frozenset({"presets"})

__all__ = [
    "HOME",
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
    "Place",
    "PlaceKind",
    "Quota",
    "QuotaChecks",
    "QuotaDecision",
    "QuotaExceededError",
    "Refusal",
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
    from .calendar import WorkCalendar, whit_monday
    from .checks import Asks, QuotaChecks, QuotaDecision
    from .days import Layout, TeleworkDays, lay_out
    from .leave import LeaveAssumption
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
    from .telecentre import (
        Booking,
        Bookings,
        DeskRequest,
        Refusal,
        Telecentre,
        TelecentreNetwork,
        aurillac_figeac_decazeville_2012,
        book,
    )


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBMODULES, __all__)
