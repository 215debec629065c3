"""The layout of a period: the dated telework days of many agents at once.

:func:`lay_out` lays weekly patterns over a period, for many *schedules* at once (a
register shares a few: agents with the same pattern, days off and window have the same
days), and gives a :class:`~teletravail.scheduling.days.TeleworkDays`: for each
schedule, the half days of telework of every day of the period, their part of the day
and their place. The steps, in this order, are the rules of the scheduling package:

1. **fixed days**: the pattern's weekdays that are working days of the calendar, that
   the agent works (not a weekday off), inside the agent's telework window (the
   authorisation, after its adaptation period when that has no telework) and outside
   the agent's known absences;
2. **leave**: where an agent's absences are not known, the policy's
   :class:`~teletravail.scheduling.leave.LeaveAssumption` thins those days evenly;
3. **caps on days** (:class:`~teletravail.scheduling.volumes.DayCaps`): the days of a
   month or a year are kept in date order while they fit under the caps;
4. **floating days** (the quota's volume): every working day that is not a fixed
   weekday is asked for, in date order, and granted as
   :func:`~teletravail.scheduling.floating.review_floating` would grant it: within the
   volume of its week, month or year, the room its week (or month, under monthly
   assessment) leaves under the weekly allowance and the on-site minimum, and the caps
   on days.

The days are computed once per schedule, with array operations over the schedules and
the days; only the greedy steps (caps and floating days, which are first come, first
served by nature) walk the days of the period once, for every schedule at a time.
One agent's :func:`~teletravail.scheduling.planning.plan` is the same layout for one
schedule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.dated import check_order
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.spans import Absence
from teletravail.week import HOME, DayPart, Place, WeeklyPattern

from .calendar import WorkCalendar
from .counting import CapPeriod
from .days import TeleworkDays, day_axis
from .leave import LeaveAssumption, thin
from .quota import Quota

if TYPE_CHECKING:
    from teletravail.workforce import Agent

__all__ = ["Layout", "horizon", "lay_out"]

_EPOCH_WEEKDAY = 3  # 1970-01-01, day 0 of datetime64[D], was a Thursday
_PARTS: tuple[DayPart, ...] = tuple(DayPart)
_AM = _PARTS.index(DayPart.AM)


@attrs.frozen(kw_only=True, eq=False)
class Layout:
    """What :func:`lay_out` lays out, one row per schedule (``K`` rows).

    * ``patterns``: each schedule's weekly pattern (``None``: no fixed day);
    * ``days_off``: the weekdays not worked, as a mask (bit 0 = Monday);
    * ``first`` and ``last``: the telework window, both ends included (``NaT``: none);
    * ``absences``: the known absences of each schedule, ``None`` where unknown (the
      leave assumption then applies);
    * ``allowed`` and ``on_site``: the weekly allowance and the on-site minimum, in
      workdays, that bound floating days; ``varying`` maps the schedules whose
      allowance changes during the period (a derogation) to their agent, whose
      allowance is then read week by week from the quota;
    * ``authorised``: the authorisation's start (``NaT``: not known), which dates
      one-off amounts.
    """

    patterns: tuple[WeeklyPattern | None, ...]
    days_off: npt.NDArray[np.uint8]
    first: npt.NDArray[np.datetime64]
    last: npt.NDArray[np.datetime64]
    absences: tuple[tuple[Absence, ...] | None, ...]
    allowed: npt.NDArray[np.float64]
    on_site: npt.NDArray[np.float64]
    authorised: npt.NDArray[np.datetime64]
    varying: Mapping[int, Agent] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        k = len(self.patterns)
        for name in ("days_off", "first", "last", "absences", "allowed", "on_site", "authorised"):
            if len(getattr(self, name)) != k:
                raise ValidationError(
                    name,
                    len(getattr(self, name)),
                    Phrase(
                        "one value per schedule ({k})",
                        "une valeur par planning ({k})",
                        k=k,
                    ),
                )

    def __len__(self) -> int:
        return len(self.patterns)


def _weekdays(dates: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
    result: npt.NDArray[np.int64] = (dates.astype(np.int64) + _EPOCH_WEEKDAY) % 7
    return result


def _pattern_table(
    patterns: Sequence[WeeklyPattern | None], extra: Sequence[Place] = ()
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8], npt.NDArray[np.int8], tuple[Place, ...]]:
    """For each pattern and weekday: half days, part code and place code."""
    places: dict[Place, int] = {}
    k = len(patterns)
    halves = np.zeros((k, 7), dtype=np.int8)
    parts = np.zeros((k, 7), dtype=np.int8)
    where = np.zeros((k, 7), dtype=np.int8)
    for row, pattern in enumerate(patterns):
        for day in () if pattern is None else pattern.days:
            halves[row, day.weekday] = day.part.halves
            parts[row, day.weekday] = _PARTS.index(day.part)
            where[row, day.weekday] = places.setdefault(day.place, len(places))
    for place in extra:
        places.setdefault(place, len(places))
    return halves, parts, where, tuple(places) or (HOME,)


def _absent(
    absences: Sequence[tuple[Absence, ...] | None], start: dt.date, size: int
) -> npt.NDArray[np.bool_] | None:
    """For each schedule and day of the axis, whether the agent is absent (None: nobody
    ever is)."""
    rows, firsts, lasts = [], [], []
    for row, spans in enumerate(absences):
        for span in spans or ():
            rows.append(row)
            firsts.append((span.start - start).days)
            lasts.append((span.end - start).days + 1)
    if not rows:
        return None
    low = np.clip(np.array(firsts), 0, size)
    high = np.clip(np.array(lasts), 0, size)
    marks = np.zeros((len(absences), size + 1), dtype=np.int32)
    np.add.at(marks, (np.array(rows), low), 1)
    np.add.at(marks, (np.array(rows), high), -1)
    result: npt.NDArray[np.bool_] = np.cumsum(marks, axis=1)[:, :size] > 0
    return result


def lay_out(
    layout: Layout,
    *,
    start: dt.date,
    end: dt.date,
    calendar: WorkCalendar,
    leave: LeaveAssumption | None = None,
    quota: Quota | None = None,
    floating_place: Place = HOME,
    codes: npt.NDArray[np.intp] | None = None,
    counted_from: dt.date | None = None,
) -> TeleworkDays:
    """The dated telework days of every schedule of ``layout`` over ``start..end``
    (see the module's doc for the steps). ``codes`` gives each agent's schedule (default:
    one agent per schedule).

    ``counted_from`` (at most ``start``) is the first day the leave, the caps on days and
    the floating volumes count from, usually 1 January of the start's year: the days
    from then to the day before ``start`` are laid out too, with the same steps, and
    kept as the result's ``earlier`` days, so that a period's figures are its part of
    the year's. With floating days, the days after ``end`` up to the :func:`horizon`
    are laid out too (a floating day fits under the caps of its whole week, month and
    year), and dropped."""
    check_order(start, end)
    period_start, period_end = start, end
    if counted_from is not None and counted_from < start:
        start = counted_from
    if quota is not None and quota.floating is not None:
        end = horizon(end, quota)
    dates = day_axis(start, end)
    size = len(dates)
    k = len(layout)
    weekdays = _weekdays(dates)
    working = calendar.working_mask(start, end)
    floating = quota.floating if quota is not None else None
    extra = (floating_place,) if floating is not None else ()
    table_halves, table_parts, table_places, places = _pattern_table(layout.patterns, extra)
    # 1. fixed days: pattern weekdays worked, in the window, not absent
    halves = table_halves[:, weekdays]
    off = ((layout.days_off[:, None] >> weekdays.astype(np.uint8)) & 1).astype(bool)
    inside = (dates >= layout.first[:, None]) & (dates <= layout.last[:, None])
    at_work = working & ~off
    absent = _absent(layout.absences, start, size)
    if absent is not None:
        at_work &= ~absent
    halves = np.where(at_work & inside, halves, 0).astype(np.int8)
    split = (period_start - start).days  # the first day of the period, on the day axis
    stop = split + (period_end - period_start).days + 1  # and the day after its last
    spans = split > 0 or stop < size  # days laid out beyond the period: count by span
    stages = [halves.copy()] if spans else []  # each step's days, to count each span's
    planned = halves.sum(axis=1, dtype=np.int64)
    parts = table_parts[:, weekdays]
    place_codes = table_places[:, weekdays]
    # 2. leave, where the absences are not known
    unknown = np.array([spans is None for spans in layout.absences], dtype=bool)
    lost = np.zeros(k, dtype=np.int64)
    applied: dict[int, Fraction] = {}
    if leave is not None and unknown.any() and planned.any():
        years = dates.astype("datetime64[Y]")
        firsts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
        bounds = [*firsts.tolist(), size]
        shares = [
            leave.share(
                calendar.working_days_in_year(int(str(years[i]))),
                year=int(str(years[i])),
                full_week=quota.full_week if quota is not None else 5,
            )
            for i in firsts
        ]
        applied = {int(str(years[i])): share for i, share in zip(firsts, shares, strict=True)}
        rows = np.flatnonzero(unknown)
        kept = thin(halves[rows], shares, bounds)
        lost[rows] = halves[rows].sum(axis=1, dtype=np.int64) - kept.sum(axis=1, dtype=np.int64)
        halved = (kept == 1) & (halves[rows] == 2)  # half a full day on leave: the morning
        parts_rows = parts[rows]
        parts_rows[halved] = _AM
        parts[rows] = parts_rows
        halves[rows] = kept
    if spans:
        stages.append(halves.copy())
    # 3. caps on days per month and year, in date order
    capped = np.zeros(k, dtype=np.int64)
    caps = quota.caps if quota is not None else None
    if caps is not None and (caps.month is not None or caps.year is not None):
        before = halves.sum(axis=1, dtype=np.int64)
        halves = _capped(halves, dates, caps.halves("month"), caps.halves("year"))
        capped = before - halves.sum(axis=1, dtype=np.int64)
    if spans:
        stages.append(halves.copy())
    # 4. floating days
    added = np.zeros(k, dtype=np.int64)
    if floating is not None and quota is not None:
        candidates = at_work & inside & (table_halves[:, weekdays] == 0)
        pads = _padded_work(calendar, layout, start, end, quota.assessed)
        grant = _floating(quota, layout, dates, halves, candidates, pads)
        added = grant.sum(axis=1, dtype=np.int64) * 2
        code = places.index(floating_place)
        halves = np.where(grant, np.int8(2), halves).astype(np.int8)
        parts = np.where(grant, np.int8(0), parts).astype(np.int8)
        place_codes = np.where(grant, np.int8(code), place_codes).astype(np.int8)
    weekly = table_halves.sum(axis=1, dtype=np.int64)
    codes = np.arange(k, dtype=np.intp) if codes is None else codes
    if not spans:
        return TeleworkDays(
            start=start,
            end=end,
            dates=dates,
            halves=halves,
            parts=parts,
            place_codes=place_codes,
            places=places,
            weekly=weekly,
            authorised=layout.authorised,
            planned=planned,
            leave=lost,
            capped=capped,
            floating=added,
            codes=codes,
            leave_shares=applied,
        )
    stages.append(halves)

    def span(
        first: int, last: int, begins: dt.date, ends: dt.date, before: TeleworkDays | None
    ) -> TeleworkDays:
        fixed, thinned, kept, final = (stage[:, first:last].sum(axis=1) for stage in stages)
        years = range(begins.year, ends.year + 1)
        return TeleworkDays(
            start=begins,
            end=ends,
            dates=dates[first:last],
            halves=halves[:, first:last],
            parts=parts[:, first:last],
            place_codes=place_codes[:, first:last],
            places=places,
            weekly=weekly,
            authorised=layout.authorised,
            planned=fixed.astype(np.int64),
            leave=(fixed - thinned).astype(np.int64),
            capped=(thinned - kept).astype(np.int64),
            floating=(final - kept).astype(np.int64),
            codes=codes,
            leave_shares={y: applied[y] for y in years if y in applied},
            earlier=before,
        )

    # the days after the period were laid out only for the floating days' weeks, months
    # and year to see all their fixed days; the days before it are its year's so far
    earlier = span(0, split, start, period_start - dt.timedelta(days=1), None) if split else None
    return span(split, stop, period_start, period_end, earlier)


def horizon(end: dt.date, quota: Quota) -> dt.date:
    """The last day a layout with floating days must reach for its days up to ``end`` to
    be those of a layout of the whole year: 31 December of ``end``'s year, then the end
    of that day's ISO week, or, under monthly assessment, of the last week whose
    Thursday is in the same month as that week's."""
    last = dt.date(end.year, 12, 31)
    last += dt.timedelta(days=6 - last.weekday())
    if quota.assessed is CapPeriod.MONTH:
        month = (last - dt.timedelta(days=3)).month
        while (last + dt.timedelta(days=4)).month == month:
            last += dt.timedelta(days=7)
    return max(last, end)


def _capped(
    halves: npt.NDArray[np.int8],
    dates: npt.NDArray[np.datetime64],
    month: int | None,
    year: int | None,
) -> npt.NDArray[np.int8]:
    """The days kept under caps (in half days) per calendar month and year: in date
    order, a day is kept when it fits under both."""
    months = dates.astype("datetime64[M]").astype(np.int64)
    months -= months[0] if len(months) else 0
    years = dates.astype("datetime64[Y]").astype(np.int64)
    years -= years[0] if len(years) else 0
    k = len(halves)
    by_month = np.zeros((k, int(months.max(initial=0)) + 1), dtype=np.int64)
    by_year = np.zeros((k, int(years.max(initial=0)) + 1), dtype=np.int64)
    kept = halves.copy()
    active = np.flatnonzero(halves.any(axis=0))
    big = np.iinfo(np.int64).max // 4
    month_cap = big if month is None else month
    year_cap = big if year is None else year
    for day in active.tolist():
        take = halves[:, day].astype(np.int64)
        m, y = months[day], years[day]
        fits = (by_month[:, m] + take <= month_cap) & (by_year[:, y] + take <= year_cap)
        take = np.where(fits, take, 0)
        kept[:, day] = take
        by_month[:, m] += take
        by_year[:, y] += take
    return kept


def _one_hot(index: npt.NDArray[np.int64], size: int | None = None) -> npt.NDArray[np.int64]:
    """A matrix that sums columns by ``index``: ``values @ _one_hot(index)`` adds up the
    values of each index."""
    width = int(index.max(initial=-1)) + 1 if size is None else size
    matrix = np.zeros((len(index), width), dtype=np.int64)
    matrix[np.arange(len(index)), index] = 1
    return matrix


def _padded_work(
    calendar: WorkCalendar, layout: Layout, start: dt.date, end: dt.date, assessed: CapPeriod
) -> tuple[dt.date, npt.NDArray[np.bool_]]:
    """The days each schedule is at work over whole ISO weeks around the period (the
    first Monday on or before ``start`` to the Sunday on or after ``end``), or, under
    monthly assessment, over the whole months (of their weeks' Thursdays) around it."""
    first = start - dt.timedelta(days=start.weekday())
    last = end + dt.timedelta(days=6 - end.weekday())
    if assessed is CapPeriod.MONTH:
        month = (first + dt.timedelta(days=3)).month
        while (first - dt.timedelta(days=4)).month == month:
            first -= dt.timedelta(days=7)
        month = (last - dt.timedelta(days=3)).month
        while (last + dt.timedelta(days=4)).month == month:
            last += dt.timedelta(days=7)
    dates = day_axis(first, last)
    weekdays = _weekdays(dates)
    off = ((layout.days_off[:, None] >> weekdays.astype(np.uint8)) & 1).astype(bool)
    at_work = calendar.working_mask(first, last) & ~off
    absent = _absent(layout.absences, first, len(dates))
    if absent is not None:
        at_work &= ~absent
    return first, at_work


def _floating(
    quota: Quota,
    layout: Layout,
    dates: npt.NDArray[np.datetime64],
    fixed: npt.NDArray[np.int8],
    candidates: npt.NDArray[np.bool_],
    pads: tuple[dt.date, npt.NDArray[np.bool_]],
) -> npt.NDArray[np.bool_]:
    """The floating days granted (whole days), each day asked in date order."""
    assert quota.floating is not None
    k, size = fixed.shape
    granted = np.zeros((k, size), dtype=bool)
    if not size or not candidates.any():
        return granted
    monday, at_work = pads
    offset = (dates[0].astype(object) - monday).days
    # the ISO week of each day of the padded axis and of the period
    weeks_padded = np.arange(at_work.shape[1]) // 7
    week = (np.arange(size) + offset) // 7
    n_weeks = int(weeks_padded.max(initial=0)) + 1
    mondays = [monday + dt.timedelta(days=7 * w) for w in range(n_weeks)]
    present = np.add.reduceat(at_work.astype(np.int64), np.arange(0, at_work.shape[1], 7), axis=1)
    # each week's limit, in half days: the allowance, and the on-site minimum left
    allowed = np.repeat(layout.allowed[:, None], n_weeks, axis=1)
    on_site = np.repeat(layout.on_site[:, None], n_weeks, axis=1)
    for row, agent in layout.varying.items():
        off = [d for d in range(7) if int(layout.days_off[row]) >> d & 1]
        for w, when in enumerate(mondays):
            allowed[row, w] = float(quota.allowed(agent, when, days_off=off).m_as("workday/week"))
            on_site[row, w] = float(quota.on_site_required(agent, when).m_as("workday/week"))
    limit = np.rint(2 * np.maximum(0.0, np.minimum(allowed, present - on_site))).astype(np.int64)
    # the period whose cap a day counts towards: its week, or the month of its week's
    # Thursday under monthly assessment
    if quota.assessed is CapPeriod.MONTH:
        thursdays = np.array([np.datetime64(d + dt.timedelta(days=3), "M") for d in mondays])
        month_of_week = (thursdays - thursdays[0]).astype(np.int64)
        cap_of_week = month_of_week
        room = limit @ _one_hot(month_of_week)
    else:
        cap_of_week = np.arange(n_weeks)
        room = limit
    cap_of_day = cap_of_week[week]
    load = fixed.astype(np.int64) @ _one_hot(cap_of_day, room.shape[1])
    # the floating volume of each day's week, month or year
    per = quota.floating.per
    volume = float(quota.floating.volume.m_as("workday"))
    if per == "week":
        vol_of_day = week
    else:
        unit = "datetime64[M]" if per == "month" else "datetime64[Y]"
        labels = dates.astype(unit).astype(np.int64)
        vol_of_day = labels - labels[0]
    used = np.zeros((k, int(vol_of_day.max(initial=0)) + 1), dtype=np.float64)
    # caps on days: week, month, year
    caps = quota.caps
    counters: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], int]] = []
    if caps is not None:
        months = dates.astype("datetime64[M]").astype(np.int64)
        years = dates.astype("datetime64[Y]").astype(np.int64)
        for name, index in (
            ("week", week),
            ("month", months - months[0]),
            ("year", years - years[0]),
        ):
            cap = caps.halves(name)
            if cap is None:
                continue
            counters.append((fixed.astype(np.int64) @ _one_hot(index), index, cap))
    for day in np.flatnonzero(candidates.any(axis=0)).tolist():
        c = int(cap_of_day[day])
        v = int(vol_of_day[day])
        ok = candidates[:, day] & (used[:, v] + 1 <= volume + 1e-9) & (load[:, c] + 2 <= room[:, c])
        for count, index, cap in counters:
            ok &= count[:, int(index[day])] + 2 <= cap
        if not ok.any():
            continue
        granted[:, day] = ok
        used[:, v] += ok
        load[:, c] += 2 * ok
        for count, index, _ in counters:
            count[:, int(index[day])] += 2 * ok
    return granted
