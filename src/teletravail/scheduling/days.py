"""Dated telework days of many agents at once, as columns: :class:`TeleworkDays`.

For each *schedule* (agents with the same pattern, days off and window share one), the
half days of telework of every day of a period, their part of the day and their place,
with how they were reached (planned, less leave and caps, plus floating days) and the
earlier days of the year that the period's caps count from.
:func:`~teletravail.scheduling.layout.lay_out` lays them out; the allowance, the impact
and the policy's results read them; one agent's
:class:`~teletravail.scheduling.schedule.Schedule` is a row of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_
from teletravail.week import Place, PlaceKind

from .schedule import Schedule

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["TeleworkDays", "day_axis"]

_NAT = np.datetime64("NaT", "D")


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
        dates = day_axis(start, end)
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


def day_axis(start: dt.date, end: dt.date) -> npt.NDArray[np.datetime64]:
    """Every day of ``start..end`` (both included) as ``datetime64[D]``, the day axis of
    :class:`TeleworkDays` (empty when ``end`` is before ``start``)."""
    if end < start:
        return np.zeros(0, dtype="datetime64[D]")
    return np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + np.timedelta64(1, "D"))
