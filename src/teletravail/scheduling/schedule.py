"""Schedules: the dated telework days of one agent, as columns.

A :class:`Schedule` holds the days (dates, amounts in workdays, parts of the day,
places) that :func:`~teletravail.scheduling.planning.plan` lays out, with the period it
covers and the authorisation's start; it counts them per week, month, quarter and year,
by place, writes them as records, a DataFrame or an iCalendar file, and asks for
télécentre desks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import Lang, Phrase, check_lang, choices
from teletravail.units import Q_
from teletravail.week import HOME, DayPart, Place, PlaceKind

from .desk_requests import DeskRequest

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.units import Quantity

__all__ = ["CountPeriod", "FloatingReview", "Schedule", "TeleworkDay"]

#: How :meth:`Schedule.counts` groups the days: per ISO week, month, quarter or year.
CountPeriod = Literal["week", "month", "quarter", "year"]
# the quantity column of Schedule.to_pandas: plain name -> (pint name, unit)
_PANDAS_QUANTITIES = {"amount_workday": ("amount", "workday")}
_EPOCH_WEEKDAY = 3  # 1970-01-01, day 0 of datetime64[D], was a Thursday


@attrs.frozen
class TeleworkDay:
    """One planned day of telework."""

    date: dt.date
    amount: Quantity
    place: Place


def _day_numbers(days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
    return days.astype("datetime64[D]").astype(np.int64)


def _weekdays(days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
    result: npt.NDArray[np.int64] = (_day_numbers(days) + _EPOCH_WEEKDAY) % 7
    return result


@attrs.frozen(kw_only=True, eq=False)
class Schedule:
    """Dated telework days, as columns: ``dates`` (``datetime64[D]``), ``amounts`` (in
    workdays: 1 or 0.5), ``parts`` (codes into :class:`DayPart`: full, am, pm) and
    ``place_codes`` into ``places``.

    A schedule made by :func:`plan` also knows the period it covers (``start`` and
    ``end``), the start of the authorisation when it is known (``authorisation_start``:
    a one-off amount is due in the period that holds it), and the fixed pattern's
    ``weekly_halves`` (half days a week, for allowances paid per weekly day).

    ``earlier`` is the same agent's schedule from the first day the caps of the
    period's calendar year count from to the day before ``start`` (see :func:`plan`'s
    ``counted_from``), when that is before ``start``: an allowance capped per year pays
    the period what the year pays less what those earlier days were paid.
    """

    dates: npt.NDArray[np.datetime64]
    amounts: npt.NDArray[np.float64]
    parts: npt.NDArray[np.int8]
    place_codes: npt.NDArray[np.int8]
    places: tuple[Place, ...]
    agent_id: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    authorisation_start: dt.date | None = None
    weekly_halves: int | None = None
    earlier: Schedule | None = None

    def __attrs_post_init__(self) -> None:
        if self.earlier is not None and not isinstance(self.earlier, Schedule):
            raise ValidationError(
                "earlier", self.earlier, Phrase("a Schedule or None", "un objet Schedule ou None")
            )
        for name in ("dates", "amounts", "parts", "place_codes"):
            if not isinstance(getattr(self, name), np.ndarray):
                raise ValidationError(
                    name,
                    getattr(self, name),
                    Phrase("a numpy array (use plan())", "un tableau numpy (utilisez plan())"),
                )
        sizes = {len(self.dates), len(self.amounts), len(self.parts), len(self.place_codes)}
        if len(sizes) != 1:
            raise ValidationError(
                "schedule",
                sorted(sizes),
                Phrase("columns of one length", "des colonnes d'une même longueur"),
            )
        for array in (self.dates, self.amounts, self.parts, self.place_codes):
            array.flags.writeable = False

    def __len__(self) -> int:
        return len(self.dates)

    def __iter__(self) -> Any:
        return iter(self.days())

    def __repr__(self) -> str:
        owner = f" of {self.agent_id}" if self.agent_id else ""
        return f"<Schedule{owner}: {len(self)} days, {self.total:~}>"

    @classmethod
    def concat(cls, schedules: Iterable[Schedule]) -> Schedule:
        """One schedule from several of the same agent (for example the pieces of a year
        planned under different patterns), in date order. A day planned twice is a
        :class:`ValidationError`."""
        items = list(schedules)
        for index, item in enumerate(items):
            if not isinstance(item, Schedule):
                raise ValidationError(
                    f"schedules[{index}]", item, Phrase("a Schedule", "un objet Schedule")
                )
        owners = {item.agent_id for item in items if item.agent_id is not None}
        if len(owners) > 1:
            raise ValidationError(
                "schedules",
                sorted(owners),
                Phrase("schedules of one agent", "des plannings d'un seul agent"),
            )
        places = tuple(dict.fromkeys(p for item in items for p in item.places)) or (HOME,)
        where = {place: code for code, place in enumerate(places)}
        dates = np.concatenate([i.dates for i in items]) if items else np.array([], "datetime64[D]")
        order = np.argsort(dates, kind="stable")
        dates = dates[order]
        twice = np.flatnonzero(dates[1:] == dates[:-1])
        if len(twice):
            raise ValidationError(
                "schedules",
                str(dates[twice[0]]),
                Phrase("each day in one schedule only", "chaque jour dans un seul planning"),
            )
        codes = [
            np.array([where[i.places[c]] for c in i.place_codes], dtype=np.int8) for i in items
        ]
        starts = [i.start for i in items if i.start is not None]
        ends = [i.end for i in items if i.end is not None]
        weekly = {i.weekly_halves for i in items}
        return cls(
            dates=dates,
            amounts=np.concatenate([i.amounts for i in items] or [np.zeros(0)])[order],
            parts=np.concatenate([i.parts for i in items] or [np.zeros(0, np.int8)])[order],
            place_codes=np.concatenate(codes or [np.zeros(0, np.int8)])[order].astype(np.int8),
            places=places,
            agent_id=owners.pop() if owners else None,
            start=min(starts) if len(starts) == len(items) and starts else None,
            end=max(ends) if len(ends) == len(items) and ends else None,
            authorisation_start=next(
                (i.authorisation_start for i in items if i.authorisation_start is not None), None
            ),
            weekly_halves=weekly.pop() if len(weekly) == 1 else None,
            earlier=next((i.earlier for i in items if i.earlier is not None), None),
        )

    def with_floating(self, review: FloatingReview, place: Place | str = HOME) -> Schedule:
        """This schedule and the floating days ``review`` granted, as whole days at ``place``."""
        if not isinstance(review, FloatingReview):
            raise ValidationError(
                "review", review, Phrase("a FloatingReview", "un objet FloatingReview")
            )
        where = Place.parse(place)
        extra = Schedule(
            dates=np.array(review.accepted, dtype="datetime64[D]"),
            amounts=np.ones(len(review.accepted)),
            parts=np.zeros(len(review.accepted), dtype=np.int8),
            place_codes=np.zeros(len(review.accepted), dtype=np.int8),
            places=(where,),
            agent_id=self.agent_id,
            start=self.start,
            end=self.end,
            authorisation_start=self.authorisation_start,
            weekly_halves=self.weekly_halves,
        )
        return Schedule.concat([self, extra])

    def days(self) -> tuple[TeleworkDay, ...]:
        """The days, one object each."""
        return tuple(
            TeleworkDay(
                date=day.astype(object),
                amount=Q_(float(amount), "workday"),
                place=self.places[int(code)],
            )
            for day, amount, code in zip(self.dates, self.amounts, self.place_codes, strict=True)
        )

    @property
    def total(self) -> Quantity:
        """All the telework of the schedule, in workdays."""
        return Q_(float(self.amounts.sum()), "workday")

    def _labels(self, per: CountPeriod) -> npt.NDArray[np.str_]:
        if per == "year":
            return self.dates.astype("datetime64[Y]").astype(str)
        if per == "month":
            return self.dates.astype("datetime64[M]").astype(str)
        if per == "quarter":
            months = self.dates.astype("datetime64[M]").astype(np.int64)
            years = months // 12 + 1970
            return np.char.add(
                np.char.add(years.astype(str), "-Q"), (months % 12 // 3 + 1).astype(str)
            )
        if per == "week":
            mondays = self.dates - _weekdays(self.dates).astype("timedelta64[D]")
            unique, inverse = np.unique(mondays, return_inverse=True)
            names = []
            for monday in unique.astype(object):
                year, week, _ = monday.isocalendar()
                names.append(f"{year}-W{week:02d}")
            return (
                np.array(names, dtype=str)[inverse.reshape(-1)]
                if len(names)
                else np.array([], dtype=str)
            )
        raise ValidationError("per", per, choices(("week", "month", "quarter", "year")))

    def counts(self, per: CountPeriod = "month") -> dict[str, Quantity]:
        """Telework per ``week`` (ISO weeks, ``2023-W05``), ``month`` (``2023-01``),
        ``quarter`` (``2023-Q1``) or ``year`` (``2023``), in workdays, in time order."""
        labels = self._labels(per)
        if not len(labels):
            return {}
        unique, inverse = np.unique(labels, return_inverse=True)
        sums = np.bincount(inverse.reshape(-1), weights=self.amounts, minlength=len(unique))
        return {
            str(label): Q_(float(total), "workday")
            for label, total in zip(unique, sums, strict=True)
        }

    def by_place(self) -> dict[str, Quantity]:
        """Telework per place, in workdays."""
        sums = np.bincount(self.place_codes, weights=self.amounts, minlength=len(self.places))
        return {
            str(place): Q_(float(total), "workday")
            for place, total in zip(self.places, sums, strict=True)
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per day: date, amount (workdays) and place."""
        parts = tuple(DayPart)
        return [
            {
                "date": str(day),
                "workdays": float(amount),
                "part": parts[int(part)].value,
                "place": str(self.places[int(code)]),
            }
            for day, amount, part, code in zip(
                self.dates, self.amounts, self.parts, self.place_codes, strict=True
            )
        ]

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per day (the ``pandas`` extra): ``date``, ``amount_workday`` (1 or
        0.5), ``part`` and ``place``, the fields of :meth:`to_records`; with
        ``units="pint"`` the amount is a pint-pandas column ``amount`` in workday (see
        :mod:`teletravail.tables`)."""
        parts = np.array([part.value for part in DayPart], dtype=object)
        places = np.array([str(place) for place in self.places], dtype=object)
        columns: dict[str, Any] = {
            "date": self.dates,
            "amount_workday": self.amounts,
            "part": parts[self.parts],
            "place": places[self.place_codes],
        }
        return quantity_frame(columns, _PANDAS_QUANTITIES, units)

    def desk_requests(
        self,
        *,
        agent_id: str | None = None,
        requested_at: int | dt.datetime | None = None,
        rank: float | None = None,
    ) -> list[DeskRequest]:
        """A desk request for each télécentre day, for :func:`.booking.book`.

        The requests carry ``agent_id`` (default: the schedule's agent), the time of the
        request (first come, first served) or a ``rank``.
        """
        owner = agent_id or self.agent_id
        if not owner:
            raise ValidationError(
                "agent_id",
                owner,
                Phrase(
                    "the id of the agent asking for desks",
                    "l'identifiant de l'agent qui demande des postes",
                ),
            )
        parts = tuple(DayPart)
        requests = []
        for day, part, code in zip(self.dates, self.parts, self.place_codes, strict=True):
            place = self.places[int(code)]
            if place.kind is PlaceKind.TELECENTRE and place.name is not None:
                kind = parts[int(part)]
                requests.append(
                    DeskRequest(
                        agent_id=owner,
                        day=day.astype(object),
                        centre=place.name,
                        requested_at=requested_at,
                        rank=rank,
                        half=None if kind is DayPart.FULL else kind.value,
                    )
                )
        return requests

    def to_ics(
        self,
        *,
        summary: str | None = None,
        domain: str = "teletravail.invalid",
        lang: Lang = "en",
    ) -> bytes:
        """The schedule as an iCalendar file: one all-day event per telework day, its
        summary and description in ``lang`` (``"en"`` or ``"fr"``; another is a
        :class:`~teletravail.errors.ValidationError` listing them), written from the
        day's data: ``Telework at home``, ``Télétravail au télécentre de Figeac
        (matin)``. ``summary``, when given, replaces the word ``Telework``.

        Needs the ``ics`` extra (the ``icalendar`` package). Half days are all-day
        events whose summary says which half (``morning``, ``matin``...).
        """
        from .calendar_text import TELEWORK, event_description, event_summary

        said = check_lang(lang)
        try:
            import icalendar
        except ImportError as exc:  # pragma: no cover - the extra is part of the test deps
            raise ValidationError(
                "to_ics",
                "icalendar",
                Phrase(
                    "the 'ics' extra: pip install 'teletravail[ics]'",
                    "l'extra «\u00a0ics\u00a0»\u00a0: pip install 'teletravail[ics]'",
                ),
            ) from exc
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//teletravail//schedule//" + said.upper())
        calendar.add("version", "2.0")
        owner = self.agent_id or "agent"
        parts = tuple(DayPart)
        word = TELEWORK.text(said)
        for day, part in zip(self.days(), self.parts, strict=True):
            kind = parts[int(part)]
            title = event_summary(day.place, kind, said)
            if summary is not None:
                title = summary + title[len(word) :]
            event = icalendar.Event()
            event.add("summary", title, parameters={"LANGUAGE": said})
            event.add(
                "description",
                event_description(day.place, kind, self.agent_id, day.date, said),
                parameters={"LANGUAGE": said},
            )
            event.add("transp", "TRANSPARENT")
            event.add("dtstart", day.date)
            event.add("dtend", day.date + dt.timedelta(days=1))
            event.add("uid", f"{owner}-{day.date.isoformat()}@{domain}")
            event.add("dtstamp", dt.datetime(day.date.year, 1, 1, tzinfo=dt.UTC))
            event.add("categories", [day.place.kind.value])
            calendar.add_component(event)
        result: bytes = calendar.to_ical()
        return result


@attrs.frozen(kw_only=True)
class FloatingReview:
    """The answer to floating-day requests: for each date asked, accepted or the reason.

    Reasons: ``not_working_day`` (weekend or holiday), ``absent``, ``outside_authorisation``,
    ``already_teleworking`` (a fixed day of the schedule), ``volume`` (the floating
    volume of the week, month or year is used up), ``weekly_cap`` / ``monthly_cap`` (fixed
    plus floating days would exceed the quota over the week, or the month when the quota
    is assessed monthly), ``week_days_cap`` / ``month_days_cap`` / ``year_days_cap`` (the
    quota's caps on days of the ISO week, the month or the year are reached).
    """

    decisions: tuple[tuple[dt.date, str | None], ...]

    @property
    def accepted(self) -> tuple[dt.date, ...]:
        """The dates granted."""
        return tuple(day for day, reason in self.decisions if reason is None)

    @property
    def refused(self) -> dict[dt.date, str]:
        """The dates refused, with their reason."""
        return {day: reason for day, reason in self.decisions if reason is not None}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready account, one entry per date asked."""
        return {
            "schema": "teletravail.scheduling.floating_review",
            "requests": [
                {"date": day.isoformat(), "accepted": reason is None, "reason": reason}
                for day, reason in self.decisions
            ],
        }
