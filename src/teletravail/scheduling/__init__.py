"""Scheduling: quotas, weekly patterns, working calendars, dated schedules, floating days
and télécentre desks.

>>> from teletravail.scheduling import WeeklyPattern, plan
>>> schedule = plan(WeeklyPattern.of(["tuesday", "thursday"]), "2023-01-01", "2023-12-31")
>>> schedule.total
<Quantity(102.0, 'workday')>
"""

from . import presets
from .calendar import WorkCalendar, whit_monday
from .pattern import HOME, DayPart, PatternDay, Place, PlaceKind, WeeklyPattern
from .quota import (
    Assessment,
    DerogationRule,
    FloatingDays,
    Granularity,
    PartTimeCap,
    PatternError,
    Quota,
    QuotaDecision,
    national_derogations,
)
from .schedule import (
    Absence,
    Authorisation,
    FloatingReview,
    QuotaExceededError,
    Schedule,
    TeleworkDay,
    plan,
    review_floating,
    telework_days,
)
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

__all__ = [
    "HOME",
    "Absence",
    "Assessment",
    "Authorisation",
    "Booking",
    "Bookings",
    "DayPart",
    "DerogationRule",
    "DeskRequest",
    "FloatingDays",
    "FloatingReview",
    "Granularity",
    "PartTimeCap",
    "PatternDay",
    "PatternError",
    "Place",
    "PlaceKind",
    "Quota",
    "QuotaDecision",
    "QuotaExceededError",
    "Refusal",
    "Schedule",
    "Telecentre",
    "TelecentreNetwork",
    "TeleworkDay",
    "WeeklyPattern",
    "WorkCalendar",
    "aurillac_figeac_decazeville_2012",
    "book",
    "national_derogations",
    "plan",
    "presets",
    "review_floating",
    "telework_days",
    "whit_monday",
]
