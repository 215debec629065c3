"""Dated telework days of many agents at once, as columns: the layout of a period.

:func:`lay_out` lays weekly patterns over a period, for many *schedules* at once (a
register shares a few: agents with the same pattern, days off and window have the same
days), and gives a :class:`TeleworkDays`: for each schedule, the half days of telework
of every day of the period, their part of the day and their place. The steps, in this
order, are the rules of the scheduling package:

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
   :func:`~teletravail.scheduling.planning.review_floating` would grant it: within the
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
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.dated import check_order
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.spans import Absence
from teletravail.units import Q_
from teletravail.week import HOME, DayPart, Place, PlaceKind, WeeklyPattern

from .calendar import WorkCalendar
from .counting import CapPeriod
from .leave import LeaveAssumption, thin
from .quota import Quota
from .schedule import Schedule

if TYPE_CHECKING:
    from teletravail.units import Quantity
    from teletravail.workforce import Agent

__all__ = ["Layout", "TeleworkDays", "horizon", "lay_out"]

_EPOCH_WEEKDAY = 3  # 1970-01-01, day 0 of datetime64[D], was a Thursday
_PARTS: tuple[DayPart, ...] = tuple(DayPart)
_AM = _PARTS.index(DayPart.AM)
_NAT = np.datetime64("NaT", "D")


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


@attrs.frozen(kw_only=True, eq=False)
class TeleworkDays:
    """The dated telework days of many agents over a period, as columns.

    Every day of ``start..end`` is a column of the day axis (``dates``). Each *schedule*
    (a row) holds, for each day, the ``halves`` of telework (0, 1 or 2 half days), their
    ``parts`` (codes into :class:`~teletravail.week.DayPart`) and ``place_codes`` (into
    ``places``); ``codes`` gives each agent's schedule (agents that share a pattern and a
    window share a row). Per schedule: ``weekly``, the fixed pattern's half days a week;
    ``authorised``, the authorisation's start (``NaT``: not known); and how the days
    were reached, in half days: ``planned`` on the calendar, less ``leave`` (the leave
    assumption), less ``capped`` (caps on days), plus ``floating``; ``leave_shares``,
    the share of working days on leave applied in each calendar year (where the leave
    assumption thinned days).

    ``earlier`` holds, for a period that starts after the first day its calendar year's
    caps count from, the same schedules' days from that day to the day before ``start``
    (see :func:`lay_out`'s ``counted_from``): the period's figures are those of the
    whole less those of the earlier days, so that consecutive periods add up to their
    year.
    """

    start: dt.date
    end: dt.date
    dates: npt.NDArray[np.datetime64]
    halves: npt.NDArray[np.int8]
    parts: npt.NDArray[np.int8]
    place_codes: npt.NDArray[np.int8]
    places: tuple[Place, ...]
    weekly: npt.NDArray[np.int64]
    authorised: npt.NDArray[np.datetime64]
    planned: npt.NDArray[np.int64]
    leave: npt.NDArray[np.int64]
    capped: npt.NDArray[np.int64]
    floating: npt.NDArray[np.int64]
    codes: npt.NDArray[np.intp]
    leave_shares: Mapping[int, Fraction] = attrs.field(factory=dict)
    earlier: TeleworkDays | None = None
    _memo: dict[Any, Any] = attrs.field(init=False, factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def schedules(self) -> int:
        """The number of distinct schedules."""
        return len(self.halves)

    def whole(self) -> TeleworkDays:
        """The earlier days and the period's together (the period itself when there are
        no earlier days), from the first earlier day to ``end``."""
        earlier = self.earlier
        if earlier is None:
            return self
        found = self._memo.get("whole")
        if found is None:
            found = self._memo["whole"] = _joined(earlier, self)
        result: TeleworkDays = found
        return result

    # -- per schedule ------------------------------------------------------------------

    def schedule_halves(self) -> npt.NDArray[np.int64]:
        """The half days of telework of each schedule over the period."""
        found = self._memo.get("halves")
        if found is None:
            found = self._memo["halves"] = self.halves.sum(axis=1, dtype=np.int64)
        result: npt.NDArray[np.int64] = found
        return result

    def place_mask(self, keep: Sequence[bool]) -> npt.NDArray[np.bool_]:
        """For each schedule and day, whether the day's place is one of those kept
        (``keep[code]`` for each of ``places``)."""
        table = np.asarray(keep, dtype=bool)
        if table.all():
            return self.halves > 0
        result: npt.NDArray[np.bool_] = table[self.place_codes] & (self.halves > 0)
        return result

    def periods(self, per: str) -> tuple[list[str], npt.NDArray[np.intp]]:
        """The calendar ``year``\\s or ``month``\\s the period touches (``"2024"``,
        ``"2024-03"``) and where each starts on the day axis (its bounds, with the end)."""
        key = ("periods", per)
        found = self._memo.get(key)
        if found is None:
            unit = "datetime64[Y]" if per == "year" else "datetime64[M]"
            labels = self.dates.astype(unit)
            starts: npt.NDArray[np.intp] = (
                np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
                if len(labels)
                else np.zeros(0, dtype=np.intp)
            )
            bounds = np.r_[starts, len(labels)].astype(np.intp)
            names = [str(labels[i]) for i in starts]
            found = self._memo[key] = (names, bounds)
        labels_found: list[str] = found[0]
        bounds_found: npt.NDArray[np.intp] = found[1]
        return labels_found, bounds_found

    def sums(self, values: npt.NDArray[Any], per: str) -> npt.NDArray[np.int64]:
        """``values`` (schedules × days) summed over each year or month: schedules ×
        periods."""
        names, bounds = self.periods(per)
        if not names:
            return np.zeros((len(values), 0), dtype=np.int64)
        result: npt.NDArray[np.int64] = np.add.reduceat(
            values.astype(np.int64), bounds[:-1], axis=1
        )
        return result

    # -- per agent ---------------------------------------------------------------------

    def total_halves(self) -> npt.NDArray[np.int64]:
        """Each agent's half days of telework over the period (read-only, made once)."""
        found = self._memo.get("agents")
        if found is None:
            found = self._memo["agents"] = self.schedule_halves()[self.codes]
            found.flags.writeable = False
        result: npt.NDArray[np.int64] = found
        return result

    def total_days(self) -> npt.NDArray[np.float64]:
        """Each agent's telework days over the period, in workdays (read-only, made
        once)."""
        found = self._memo.get("days")
        if found is None:
            found = self._memo["days"] = (self.schedule_halves() / 2)[self.codes]
            found.flags.writeable = False
        result: npt.NDArray[np.float64] = found
        return result

    @property
    def days(self) -> Quantity:
        """Each agent's telework days over the period (workday)."""
        return Q_(self.total_days(), "workday")

    def schedule_halves_at(self, kinds: Sequence[PlaceKind]) -> npt.NDArray[np.int64]:
        """Each schedule's half days of telework at places of the given kinds."""
        keep = [place.kind in kinds for place in self.places]
        if not any(keep):
            return np.zeros(self.schedules, dtype=np.int64)
        if all(keep):
            return self.schedule_halves()
        found: npt.NDArray[np.int64] = np.where(self.place_mask(keep), self.halves, 0).sum(
            axis=1, dtype=np.int64
        )
        return found

    def has_days_at(self, kind: PlaceKind) -> bool:
        """Whether any day of any schedule is at a place of ``kind`` (read once)."""
        key = ("at", kind)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = bool(self.schedule_halves_at([kind]).any())
        return bool(found)

    def halves_at(self, kinds: Sequence[PlaceKind]) -> npt.NDArray[np.int64]:
        """Each agent's half days of telework at places of the given kinds."""
        result: npt.NDArray[np.int64] = self.schedule_halves_at(kinds)[self.codes]
        return result

    def counted(self, counts: npt.NDArray[np.int64]) -> None:
        """Record how many agents have each schedule, when the caller has counted them
        (the layout's codes came from that count)."""
        if len(counts) != self.schedules:
            raise ValidationError(
                "counts",
                len(counts),
                Phrase("one per schedule ({n})", "un par planning ({n})", n=self.schedules),
            )
        self._memo["counts"] = counts

    def counts(self) -> npt.NDArray[np.int64]:
        """How many agents have each schedule (made once)."""
        found = self._memo.get("counts")
        if found is None:
            found = self._memo["counts"] = np.bincount(self.codes, minlength=self.schedules)
        result: npt.NDArray[np.int64] = found
        return result

    def schedule(self, row: int, agent_id: str | None = None) -> Schedule:
        """The dated days of the agent of ``row`` as a :class:`Schedule`."""
        key = int(self.codes[row])
        kept = self.halves[key] > 0
        return Schedule(
            dates=self.dates[kept],
            amounts=self.halves[key][kept] / 2,
            parts=self.parts[key][kept],
            place_codes=self.place_codes[key][kept],
            places=self.places,
            agent_id=agent_id,
            start=self.start,
            end=self.end,
            authorisation_start=None
            if np.isnat(self.authorised[key])
            else self.authorised[key].astype(object),
            weekly_halves=int(self.weekly[key]),
            earlier=None if self.earlier is None else self.earlier.schedule(row, agent_id),
        )

    @classmethod
    def of_schedule(cls, schedule: Schedule) -> TeleworkDays:
        """One agent's :class:`Schedule` as columns (its period: the schedule's own, or
        its first to last day)."""
        start = schedule.start
        end = schedule.end
        if start is None or end is None:
            if not len(schedule):
                day = dt.date(1970, 1, 1) if start is None else start
                start, end = (start or day), (end or start or day)
            else:
                start = start or schedule.dates.min().astype(object)
                end = end or schedule.dates.max().astype(object)
        dates = _dates(start, end)
        index = (schedule.dates - dates[0]).astype(np.int64) if len(dates) else np.zeros(0, int)
        inside = (index >= 0) & (index < len(dates))
        if not inside.all():
            raise ValidationError(
                "schedule",
                Phrase("days outside its period", "des jours hors de sa période"),
                Phrase("days within start..end", "des jours compris dans start..end"),
            )
        halves = np.zeros((1, len(dates)), dtype=np.int8)
        parts = np.zeros((1, len(dates)), dtype=np.int8)
        places = np.zeros((1, len(dates)), dtype=np.int8)
        halves[0, index] = np.rint(schedule.amounts * 2).astype(np.int8)
        parts[0, index] = schedule.parts
        places[0, index] = schedule.place_codes
        total = int(halves.sum())
        authorised = schedule.authorisation_start
        return cls(
            start=start,
            end=end,
            dates=dates,
            halves=halves,
            parts=parts,
            place_codes=places,
            places=schedule.places,
            weekly=np.array([schedule.weekly_halves or 0], dtype=np.int64),
            authorised=np.array(
                [_NAT if authorised is None else np.datetime64(authorised, "D")],
                dtype="datetime64[D]",
            ),
            planned=np.array([total], dtype=np.int64),
            leave=np.zeros(1, dtype=np.int64),
            capped=np.zeros(1, dtype=np.int64),
            floating=np.zeros(1, dtype=np.int64),
            codes=np.zeros(1, dtype=np.intp),
            earlier=None if schedule.earlier is None else cls.of_schedule(schedule.earlier),
        )


def _joined(earlier: TeleworkDays, later: TeleworkDays) -> TeleworkDays:
    """Two consecutive spans of the same schedules as one (the earlier first)."""
    if earlier.schedules != later.schedules:
        raise ValidationError(
            "earlier",
            earlier.schedules,
            Phrase("{n} schedules", "{n} plannings", n=later.schedules),
        )
    if earlier.end + dt.timedelta(days=1) != later.start:
        raise ValidationError(
            "earlier",
            f"{earlier.start}..{earlier.end}",
            Phrase("days up to {day}", "des jours jusqu'au {day}", day=later.start),
        )
    places = tuple(dict.fromkeys((*later.places, *earlier.places)))
    recoded = np.array([places.index(place) for place in earlier.places], dtype=np.int8)
    earlier_places = recoded[earlier.place_codes] if len(recoded) else earlier.place_codes
    return TeleworkDays(
        start=earlier.start,
        end=later.end,
        dates=np.concatenate([earlier.dates, later.dates]),
        halves=np.concatenate([earlier.halves, later.halves], axis=1),
        parts=np.concatenate([earlier.parts, later.parts], axis=1),
        place_codes=np.concatenate([earlier_places, later.place_codes], axis=1),
        places=places,
        weekly=later.weekly,
        authorised=later.authorised,
        planned=earlier.planned + later.planned,
        leave=earlier.leave + later.leave,
        capped=earlier.capped + later.capped,
        floating=earlier.floating + later.floating,
        codes=later.codes,
        leave_shares={**earlier.leave_shares, **later.leave_shares},
    )


def _dates(start: dt.date, end: dt.date) -> npt.NDArray[np.datetime64]:
    if end < start:
        return np.zeros(0, dtype="datetime64[D]")
    return np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + np.timedelta64(1, "D"))


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
    dates = _dates(start, end)
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
    dates = _dates(first, last)
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
