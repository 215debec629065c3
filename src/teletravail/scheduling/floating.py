"""Floating days asked for on given dates, reviewed one by one: :func:`review_floating`.

Each request is accepted or refused with a reason (:class:`FloatingReview`), first come,
first served: the quota's volume of floating days, the cap of the request's week (or of
its month, under monthly assessment) under the weekly allowance and the on-site minimum,
and the quota's caps on days. The layout of a period
(:func:`~teletravail.scheduling.layout.lay_out`) grants floating days as this review
would, for many agents at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.spans import Absence, Authorisation
from teletravail.spans import absences as absences_of
from teletravail.week import weekday_set
from teletravail.workforce import Agent

from .calendar import WorkCalendar, calendar_or_default
from .counting import CapPeriod, Modality
from .quota import Quota
from .schedule import FloatingReview, Schedule

__all__ = ["FloatingReview", "review_floating"]


def _volume_key(day: dt.date, per: str) -> tuple[int, ...]:
    """The week, month or year whose floating volume ``day`` uses."""
    if per == "week":
        year, week, _ = day.isocalendar()
        return (year, week)
    if per == "month":
        return (day.year, day.month)
    return (day.year,)


def _week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _cap_key(day: dt.date, assessed: CapPeriod) -> tuple[int, ...]:
    """The period a day's telework is capped over: its ISO week, or under monthly
    assessment the month of its week's Thursday (so that every week lies in one month)."""
    monday = _week_of(day)
    if assessed is CapPeriod.MONTH:
        thursday = monday + dt.timedelta(days=3)
        return (thursday.year, thursday.month)
    return (monday.year, monday.month, monday.day)


def _iso_week(day: dt.date) -> tuple[int, ...]:
    year, week, _ = day.isocalendar()
    return (year, week)


def _month(day: dt.date) -> tuple[int, ...]:
    return (day.year, day.month)


def _year(day: dt.date) -> tuple[int, ...]:
    return (day.year,)


# the periods of the quota's caps on days: a day's ISO week, calendar month, year
_DAY_CAP_PERIODS: tuple[tuple[str, Callable[[dt.date], tuple[int, ...]]], ...] = (
    ("week", _iso_week),
    ("month", _month),
    ("year", _year),
)


def review_floating(
    requested: Iterable[dt.date | str],
    *,
    quota: Quota,
    agent: Agent,
    schedule: Schedule | None = None,
    calendar: WorkCalendar | None = None,
    authorisation: Authorisation | None = None,
    absences: Iterable[Absence] = (),
    days_off: Iterable[int | str] | int | str = (),
) -> FloatingReview:
    """Accept or refuse floating telework days asked for on ``requested`` dates.

    Requests are taken in the order given (first come, first served) and answered in
    that order. Each accepted date uses one day of the quota's floating volume and
    counts, with the fixed days of ``schedule``, towards the cap of its week: the weekly
    allowance, and never so much that fewer than the on-site minimum of the days the
    agent is actually at work that week (after holidays, absences and days off) are left
    on site. Under monthly assessment the caps of the weeks of a month (each week
    belongs to the month of its Thursday) are pooled, so telework may move between them.
    The quota's caps on days (per ISO week, calendar month and year) count the fixed and
    the floating days together. Under a scheme of floating days only (the quota's
    ``modality``), the agent's ask (their pattern's days, else their stated days a week)
    is the most they take in a week, as the weekly allowance is.
    """
    if not isinstance(quota, Quota):
        raise ValidationError("quota", quota, Phrase("a Quota", "un objet Quota"))
    if quota.floating is None:
        raise ValidationError(
            "quota.floating",
            None,
            Phrase(
                "a quota with a volume of floating days",
                "un quota qui a un volume de jours flottants",
            ),
        )
    if not isinstance(agent, Agent):
        raise ValidationError("agent", agent, Phrase("an Agent", "un objet Agent"))
    if schedule is not None and not isinstance(schedule, Schedule):
        raise ValidationError(
            "schedule", schedule, Phrase("a Schedule or None", "un objet Schedule ou None")
        )
    if authorisation is not None and not isinstance(authorisation, Authorisation):
        raise ValidationError(
            "authorisation",
            authorisation,
            Phrase("an Authorisation or None", "un objet Authorisation ou None"),
        )
    calendar = calendar_or_default(calendar)
    off = weekday_set(days_off, "days_off") | agent.days_off
    spans = absences_of(absences)
    if isinstance(requested, str | dt.date) or not isinstance(requested, Iterable):
        raise ValidationError(
            "requested", requested, Phrase("a list of dates", "une liste de dates")
        )
    dates = [to_date(day, "requested") for day in requested]
    ask = _floating_ask(quota, agent)
    volume = float(quota.floating.volume.m_as("workday"))
    per = quota.floating.per
    fixed: dict[dt.date, float] = {}
    if schedule is not None:
        fixed = {
            day.astype(object): float(amount)
            for day, amount in zip(schedule.dates, schedule.amounts, strict=True)
        }
    load: dict[tuple[int, ...], float] = {}
    for day, amount in fixed.items():
        key = _cap_key(day, quota.assessed)
        load[key] = load.get(key, 0.0) + amount
    used: dict[tuple[int, ...], float] = {}
    caps: dict[tuple[int, ...], float] = {}
    # the caps on days: (reason, cap in workdays, the period of a day, days so far)
    day_caps: list[
        tuple[str, float, Callable[[dt.date], tuple[int, ...]], dict[tuple[int, ...], float]]
    ] = []
    for name, period in _DAY_CAP_PERIODS:
        halves = None if quota.caps is None else quota.caps.halves(name)
        if halves is not None:
            counts: dict[tuple[int, ...], float] = {}
            for day, amount in fixed.items():
                counts[period(day)] = counts.get(period(day), 0.0) + amount
            day_caps.append((f"{name}_days_cap", halves / 2, period, counts))
    granted: set[dt.date] = set()
    decisions: list[tuple[dt.date, str | None]] = []
    for day in dates:
        reason = _floating_reason(
            day, calendar, off, spans, authorisation, fixed, granted, used, volume, per
        )
        cap_key = _cap_key(day, quota.assessed)
        if reason is None:
            if cap_key not in caps:
                caps[cap_key] = _cap(quota, agent, day, calendar, off, spans, ask)
            if load.get(cap_key, 0.0) + 1.0 > caps[cap_key] + 1e-9:
                reason = "monthly_cap" if quota.assessed is CapPeriod.MONTH else "weekly_cap"
        if reason is None:
            for name, cap, period, counts in day_caps:
                if counts.get(period(day), 0.0) + 1.0 > cap + 1e-9:
                    reason = name
                    break
        decisions.append((day, reason))
        if reason is None:
            granted.add(day)
            volume_key = _volume_key(day, per)
            used[volume_key] = used.get(volume_key, 0.0) + 1.0
            load[cap_key] = load.get(cap_key, 0.0) + 1.0
            for _, _, period, counts in day_caps:
                counts[period(day)] = counts.get(period(day), 0.0) + 1.0
    return FloatingReview(decisions=tuple(decisions))


def _floating_reason(
    day: dt.date,
    calendar: WorkCalendar,
    off: frozenset[int],
    spans: tuple[Absence, ...],
    authorisation: Authorisation | None,
    fixed: Mapping[dt.date, float],
    granted: set[dt.date],
    used: Mapping[tuple[int, ...], float],
    volume: float,
    per: str,
) -> str | None:
    """Why a floating day cannot be granted, before the cap of its week or month."""
    if not calendar.is_working_day(day) or day.weekday() in off:
        return "not_working_day"
    if any(span.start <= day <= span.end for span in spans):
        return "absent"
    if authorisation is not None and (
        day < authorisation.first_telework_day
        or (authorisation.end is not None and day > authorisation.end)
    ):
        return "outside_authorisation"
    if day in fixed or day in granted:
        return "already_teleworking"
    if used.get(_volume_key(day, per), 0.0) + 1.0 > volume + 1e-9:
        return "volume"
    return None


def _floating_ask(quota: Quota, agent: Agent) -> float | None:
    """Under floating days only, the days a week the agent asks for (their pattern's,
    else their stated number; None: not stated, the quota's allowance alone bounds)."""
    if quota.modality is not Modality.FLOATING:
        return None
    if agent.pattern is not None:
        return float(agent.pattern.workdays)
    if agent.requested_telework is not None:
        return float(agent.requested_telework.m_as("workday/week"))
    return None


def _cap(
    quota: Quota,
    agent: Agent,
    day: dt.date,
    calendar: WorkCalendar,
    off: frozenset[int],
    spans: tuple[Absence, ...],
    ask: float | None = None,
) -> float:
    """The most telework in the week (or pooled month) of ``day``, in workdays (each
    week's allowance no more than ``ask``, when given)."""
    monday = _week_of(day)
    if quota.assessed is CapPeriod.MONTH:
        # the weeks whose Thursday is in the month of this week's Thursday
        thursday = monday + dt.timedelta(days=3)
        first_monday = _week_of(thursday.replace(day=1))
        if (first_monday + dt.timedelta(days=3)).month != thursday.month:
            first_monday += dt.timedelta(days=7)
        mondays = []
        current = first_monday
        while (current + dt.timedelta(days=3)).month == (monday + dt.timedelta(days=3)).month:
            mondays.append(current)
            current += dt.timedelta(days=7)
    else:
        mondays = [monday]
    total = 0.0
    for start in mondays:
        allowed = float(quota.allowed(agent, start, days_off=off).m_as("workday/week"))
        if ask is not None:
            allowed = min(allowed, ask)
        on_site = float(quota.on_site_required(agent, start).m_as("workday/week"))
        week = calendar.working_days(start, start + dt.timedelta(days=6))
        at_work = sum(
            1
            for value in week.astype(object)
            if value.weekday() not in off and not any(a.start <= value <= a.end for a in spans)
        )
        total += quota.week_limit(allowed, float(at_work), on_site)
    return total
