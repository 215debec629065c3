"""The booking of a télécentre network's desks: :func:`book` and its outcome, :class:`Bookings`.

:func:`book` allocates the desks of a :class:`~teletravail.scheduling.centres.TelecentreNetwork`
to :class:`~teletravail.scheduling.desk_requests.DeskRequest` items and returns
:class:`Bookings`: every request is either accepted, with a desk number, or refused with
a reason code, and nothing is lost.

The rules of :func:`book`, stated once:

* a request for a centre that is not in the network is refused ``unknown_centre``;
  names are matched exactly (``"figeac"`` is not ``"Figeac"``);
* a request for a weekday on which its centre is closed is refused ``closed``;
* among the remaining requests, an agent gets at most one desk a day, wherever it is:
  the agent's first request of the day *in allocation order* is kept and the others
  are refused ``duplicate`` (before capacity is considered, so a duplicate is refused
  even if the kept request is then refused for lack of room);
* per centre and day, the kept requests are served in allocation order and those
  beyond the centre's ``desks`` are refused ``full``.

Allocation order is deterministic and does not depend on the order of the input:

* ``priority="first_come"``: by ``requested_at`` (requests without one come last),
  then ``agent_id``;
* ``priority="rank"``: by ``rank``, lower first (requests without one come last), then
  ``requested_at``, then ``agent_id``.

Remaining ties (same agent, same key) are broken by centre name, then half-day
(full day, ``am``, ``pm``), then rank (requests without one last); only requests that
are identical in every field are left in input order, where it cannot matter.

A half-day request (``half="am"`` or ``"pm"``) occupies one desk for the whole day:
two agents asking for the morning and the afternoon take two desks, not one shared
desk. This keeps the count of desks used per day an upper bound on what a platform
that shares desks between half-days would need.

Demand, as used by :meth:`Bookings.peak` and :meth:`Bookings.desks_needed`, counts the
requests that reached the capacity step (accepted, or refused ``full``): requests for
an unknown centre or a closed day, and duplicates, are not demand for a desk.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import hint
from teletravail.dated import check_order
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import Phrase, choices

from .calendar import WorkCalendar
from .centres import DAY_NAMES, TelecentreNetwork
from .desk_requests import Booking, DeskRequest, Peak, Refusal, RefusalReason

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["Bookings", "Priority", "book"]

SCHEMA_VERSION = 1

Priority = Literal["first_come", "rank"]

_PRIORITIES: tuple[str, ...] = ("first_come", "rank")

_EPOCH = dt.datetime(1970, 1, 1)
_EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)

# status codes in the columns of Bookings: 0 is accepted, then the reasons in this order
_REASONS: tuple[RefusalReason, ...] = tuple(RefusalReason)
_ACCEPTED, _FULL, _CLOSED, _UNKNOWN, _DUPLICATE = range(5)
_STATUS_NAMES = ("accepted", *(r.value for r in _REASONS))

IntArray = npt.NDArray[np.int64]


def _frozen_array(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    values.flags.writeable = False
    return values


@attrs.frozen(kw_only=True, eq=False)
class Bookings:
    """The outcome of :func:`book`: for each request, accepted or refused, and why.

    The columns are in input order (one entry per request): :attr:`status` holds
    ``"accepted"`` or the refusal code, :attr:`desk` the desk number (0 if refused).
    :attr:`accepted` and :attr:`refused` list the same as objects, sorted by day, then
    centre name, then allocation order.
    """

    network: TelecentreNetwork
    priority: Priority
    requests: tuple[DeskRequest, ...]
    _codes: npt.NDArray[np.int8] = attrs.field(alias="codes", repr=False)
    desk: IntArray = attrs.field(repr=False)
    _report_order: IntArray = attrs.field(alias="report_order", repr=False)
    # one entry per (centre, day) that had demand, sorted by centre index then day
    _group_centre: IntArray = attrs.field(alias="group_centre", repr=False)
    _group_day: IntArray = attrs.field(alias="group_day", repr=False)
    _group_demand: IntArray = attrs.field(alias="group_demand", repr=False)

    def __len__(self) -> int:
        return len(self.requests)

    @property
    def status(self) -> npt.NDArray[np.str_]:
        """Per request, in input order: ``"accepted"`` or the refusal reason code."""
        names = np.array(_STATUS_NAMES)
        result: npt.NDArray[np.str_] = names[self._codes]
        return result

    @property
    def accepted_mask(self) -> npt.NDArray[np.bool_]:
        """Per request, in input order: whether it got a desk."""
        result: npt.NDArray[np.bool_] = self._codes == _ACCEPTED
        return result

    @functools.cached_property
    def accepted(self) -> tuple[Booking, ...]:
        """The accepted requests, by day, centre name and allocation order."""
        rows = self._report_order[self._codes[self._report_order] == _ACCEPTED]
        return tuple(
            Booking(request=self.requests[i], index=i, desk=int(self.desk[i]))
            for i in rows.tolist()
        )

    @functools.cached_property
    def refused(self) -> tuple[Refusal, ...]:
        """The refused requests, by day, centre name and allocation order."""
        rows = self._report_order[self._codes[self._report_order] != _ACCEPTED]
        codes = self._codes[rows].tolist()
        return tuple(
            Refusal(request=self.requests[i], index=i, reason=_REASONS[code - 1])
            for i, code in zip(rows.tolist(), codes, strict=True)
        )

    def refusal_counts(self) -> dict[str, int]:
        """How many requests were refused for each reason (every code, zeros included)."""
        counts = np.bincount(self._codes, minlength=len(_STATUS_NAMES))
        return {r.value: int(counts[i + 1]) for i, r in enumerate(_REASONS)}

    def _per_centre_day(self, values: IntArray) -> dict[str, dict[dt.date, int]]:
        result: dict[str, dict[dt.date, int]] = {name: {} for name in self.network.names}
        names = self.network.names
        for c, day, value in zip(
            self._group_centre.tolist(), self._group_day.tolist(), values.tolist(), strict=True
        ):
            result[names[c]][dt.date.fromordinal(day)] = value
        return result

    @property
    def _group_accepted(self) -> IntArray:
        desks = np.array([c.desks for c in self.network.centres], dtype=np.int64)
        result: IntArray = np.minimum(self._group_demand, desks[self._group_centre])
        return result

    def occupancy(self) -> dict[str, dict[dt.date, int]]:
        """Desks used per centre (network order) per day, for days with a booking."""
        return self._per_centre_day(self._group_accepted)

    def demand(self) -> dict[str, dict[dt.date, int]]:
        """Desks asked for per centre per day (accepted plus refused ``full``)."""
        return self._per_centre_day(self._group_demand)

    def occupancy_by_weekday(
        self, start: dt.date | str | None = None, end: dt.date | str | None = None
    ) -> dict[str, dict[str, float]]:
        """Mean desks used per open weekday per centre over ``start..end`` (inclusive).

        The mean is over *every* date of that weekday in the period, days without a
        booking counting as 0 (public holidays are not known here: pass a period and
        discount them yourself if needed). The period defaults to the first and last
        days requested; with no request and no period, each centre maps to ``{}``.
        """
        days = [r.day for r in self.requests]
        first = to_date(start, "start") if start is not None else min(days, default=None)
        last = to_date(end, "end") if end is not None else max(days, default=None)
        names = self.network.names
        if first is None or last is None:
            return {name: {} for name in names}
        check_order(first, last)
        span = (last - first).days + 1
        offset = np.arange(7) - first.weekday()
        per_weekday = span // 7 + (offset % 7 < span % 7)
        inside = (self._group_day >= first.toordinal()) & (self._group_day <= last.toordinal())
        weekday = (self._group_day[inside] - 1) % 7
        totals = np.bincount(
            self._group_centre[inside] * 7 + weekday,
            weights=self._group_accepted[inside],
            minlength=len(names) * 7,
        ).reshape(len(names), 7)
        return {
            centre.name: {
                DAY_NAMES[d]: float(totals[c, d] / per_weekday[d])
                for d in sorted(centre.open_weekdays)
                if per_weekday[d]
            }
            for c, centre in enumerate(self.network.centres)
        }

    def peak(self) -> dict[str, Peak]:
        """Per centre, the largest demand on one day and that day (the earliest if tied)."""
        peaks = {}
        for c, centre in enumerate(self.network.centres):
            mine = self._group_centre == c
            if not mine.any():
                peaks[centre.name] = Peak(
                    centre=centre.name, demand=0, day=None, desks=centre.desks
                )
                continue
            demand, days = self._group_demand[mine], self._group_day[mine]
            best = int(np.argmax(demand))  # groups are sorted by day: the first maximum
            peaks[centre.name] = Peak(
                centre=centre.name,
                demand=int(demand[best]),
                day=dt.date.fromordinal(int(days[best])),
                desks=centre.desks,
            )
        return peaks

    def desks_needed(
        self, share: float = 1.0, *, basis: Literal["requests", "days"] = "requests"
    ) -> dict[str, int]:
        """Per centre, the fewest desks that would have served ``share`` of the demand.

        With ``basis="requests"`` (the default), ``share`` of all the desk-days asked for
        (accepted or refused for lack of room) would have had a desk: the smallest ``d``
        with ``sum(min(demand, d)) >= share × sum(demand)`` over the days. With
        ``basis="days"``, ``share`` of the days with demand would have been served
        fully: the ``share`` quantile of the daily demand. Either way ``share=1`` gives
        the peak, and a centre without demand needs 0. ``0 < share <= 1``.
        """
        if (
            isinstance(share, bool)
            or not isinstance(share, numbers.Real)
            or not 0 < float(share) <= 1
        ):
            raise ValidationError(
                "share",
                share,
                Phrase("a number with 0 < share <= 1", "un nombre avec 0 < share <= 1"),
            )
        if basis not in ("requests", "days"):
            raise ValidationError(
                "basis", basis, Phrase("'requests' or 'days'", "'requests' ou 'days'")
            )
        exact = Fraction(float(share))
        needed = {}
        for c, centre in enumerate(self.network.centres):
            demand = np.sort(self._group_demand[self._group_centre == c])
            if not len(demand):
                needed[centre.name] = 0
                continue
            if basis == "days":
                k = math.ceil(exact * len(demand))  # days that must be served fully
                needed[centre.name] = int(demand[k - 1])
                continue
            wanted = exact * int(demand.sum())
            desks = 0
            while Fraction(int(np.minimum(demand, desks).sum())) < wanted:
                desks += 1
            needed[centre.name] = desks
        return needed

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready account: every request accepted or refused, and the summaries."""
        return {
            "schema": "teletravail.scheduling.bookings",
            "schema_version": SCHEMA_VERSION,
            "network": self.network.name,
            "priority": self.priority,
            "requests": len(self),
            "accepted": [b.to_dict() for b in self.accepted],
            "refused": [r.to_dict() for r in self.refused],
            "refusals": self.refusal_counts(),
            "occupancy": {
                name: {day.isoformat(): n for day, n in days.items()}
                for name, days in self.occupancy().items()
            },
            "peak": {name: p.to_dict() for name, p in self.peak().items()},
        }

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per request, in input order (the ``pandas`` extra): ``agent_id``,
        ``day``, ``centre``, ``half``, ``requested_at``, ``rank``, ``status`` and ``desk``.

        ``units`` is that of every table (see :mod:`teletravail.tables`), but none of
        these columns is a quantity: a desk number and a rank have no unit, so
        ``units="pint"`` gives the same columns.
        """
        columns: dict[str, Any] = {
            "agent_id": [r.agent_id for r in self.requests],
            "day": [r.day for r in self.requests],
            "centre": [r.centre for r in self.requests],
            "half": [r.half for r in self.requests],
            "requested_at": [r.requested_at for r in self.requests],
            "rank": [r.rank for r in self.requests],
            "status": self.status,
            "desk": self.desk,
        }
        return quantity_frame(columns, {}, units)


def _priority(value: Any) -> Priority:
    if value == "first_come":
        return "first_come"
    if value == "rank":
        return "rank"
    text = value if isinstance(value, str) else ""
    raise ValidationError("priority", value, choices(_PRIORITIES) + hint(text, _PRIORITIES))


def _requests(value: Any) -> tuple[DeskRequest, ...]:
    if isinstance(value, DeskRequest | str | Mapping) or not isinstance(value, Iterable):
        raise ValidationError(
            "requests",
            value,
            Phrase("an iterable of DeskRequest", "un itérable d'objets DeskRequest"),
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, DeskRequest):
            raise ValidationError(
                f"requests[{index}]", item, Phrase("a DeskRequest", "un objet DeskRequest")
            )
    return items


def _times(items: tuple[DeskRequest, ...]) -> tuple[IntArray, npt.NDArray[np.bool_]]:
    """``requested_at`` as int64 (datetimes in microseconds since 1970) and a missing flag.

    Every request must use the same kind: ints, naive datetimes or aware datetimes.
    """
    kind: str | None = None
    values = np.zeros(len(items), dtype=np.int64)
    missing = np.zeros(len(items), dtype=np.bool_)
    for index, item in enumerate(items):
        at = item.requested_at
        if at is None:
            missing[index] = True
            continue
        if isinstance(at, dt.datetime):
            this = (
                Phrase("a naive datetime", "un datetime sans fuseau")
                if at.utcoffset() is None
                else Phrase("an aware datetime", "un datetime avec fuseau")
            )
            epoch = _EPOCH if at.utcoffset() is None else _EPOCH_UTC
            number = (at - epoch) // _MICROSECOND
        else:
            this, number = Phrase("an int", "un int"), at
        if kind is None:
            kind = this
        elif this != kind:
            raise ValidationError(
                f"requests[{index}].requested_at",
                at,
                Phrase(
                    "{kind}, like the requests before it (kinds cannot be ordered together)",
                    "{kind}, comme les demandes qui précèdent (des types différents ne"
                    " peuvent pas être classés ensemble)",
                    kind=kind,
                ),
            )
        values[index] = number
    return values, missing


def book(
    requests: Iterable[DeskRequest],
    network: TelecentreNetwork,
    *,
    priority: Priority = "first_come",
    calendar: WorkCalendar | None = None,
) -> Bookings:
    """Allocate the desks of ``network`` to ``requests`` (rules in the module doc).

    With a ``calendar``, the centres are also closed on its public holidays and extra
    days off: requests for those days are refused as ``closed``.

    One bad request is refused with its reason, never raised; an item that is not a
    :class:`DeskRequest`, an unknown ``priority`` or requests mixing kinds of
    ``requested_at`` are :class:`~teletravail.errors.ValidationError`.
    """
    if not isinstance(network, TelecentreNetwork):
        raise ValidationError(
            "network", network, Phrase("a TelecentreNetwork", "un objet TelecentreNetwork")
        )
    chosen = _priority(priority)
    items = _requests(requests)
    n = len(items)
    index = np.arange(n, dtype=np.int64)

    lookup = {c.name: i for i, c in enumerate(network.centres)}
    centre = np.fromiter((lookup.get(r.centre, -1) for r in items), dtype=np.int64, count=n)
    day = np.fromiter((r.day.toordinal() for r in items), dtype=np.int64, count=n)
    agent = np.unique(np.array([r.agent_id for r in items], dtype=np.str_), return_inverse=True)[
        1
    ].reshape(n)
    centre_name = np.unique(
        np.array([r.centre for r in items], dtype=np.str_), return_inverse=True
    )[1].reshape(n)
    halves = {None: 0, "am": 1, "pm": 2}
    half = np.fromiter((halves[r.half] for r in items), dtype=np.int64, count=n)
    at, at_missing = _times(items)
    rank = np.fromiter(
        (0.0 if r.rank is None else r.rank for r in items), dtype=np.float64, count=n
    )
    rank_missing = np.fromiter((r.rank is None for r in items), dtype=np.bool_, count=n)

    # allocation order: np.lexsort sorts by its *last* key first; every field of a
    # request breaks ties before its position, so the input order never decides
    ties = (index, rank, rank_missing, half, centre_name, agent)
    keys: tuple[npt.NDArray[Any], ...] = (*ties, at, at_missing)
    if chosen == "rank":
        keys = (*keys, rank, rank_missing)
    order = np.lexsort(keys)
    position = np.empty(n, dtype=np.int64)
    position[order] = index

    codes = np.zeros(n, dtype=np.int8)
    unknown = centre < 0
    codes[unknown] = _UNKNOWN
    opening = np.array(
        [[d in c.open_weekdays for d in range(7)] for c in network.centres], dtype=np.bool_
    )
    weekday = (day - 1) % 7  # date.fromordinal(1) is a Monday
    closed = ~unknown & ~opening[np.where(unknown, 0, centre), weekday]
    if calendar is not None and n:
        if not isinstance(calendar, WorkCalendar):
            raise ValidationError(
                "calendar",
                calendar,
                Phrase("a WorkCalendar or None", "un objet WorkCalendar ou None"),
            )
        low, high = dt.date.fromordinal(int(day.min())), dt.date.fromordinal(int(day.max()))
        off = [d.toordinal() for d in calendar.holidays_between(low, high)]
        closed |= ~unknown & np.isin(day, off)
    codes[closed] = _CLOSED

    # one desk per agent and day: keep the first request in allocation order
    valid = np.flatnonzero(codes == _ACCEPTED)
    by_agent = valid[np.lexsort((position[valid], day[valid], agent[valid]))]
    first = np.ones(len(by_agent), dtype=np.bool_)
    first[1:] = (agent[by_agent][1:] != agent[by_agent][:-1]) | (
        day[by_agent][1:] != day[by_agent][:-1]
    )
    codes[by_agent[~first]] = _DUPLICATE
    kept = by_agent[first]

    # capacity: rank within each (centre, day) group in allocation order
    grouped = kept[np.lexsort((position[kept], day[kept], centre[kept]))]
    g_centre, g_day = centre[grouped], day[grouped]
    starts_mask = np.ones(len(grouped), dtype=np.bool_)
    starts_mask[1:] = (g_centre[1:] != g_centre[:-1]) | (g_day[1:] != g_day[:-1])
    starts = np.flatnonzero(starts_mask)
    within = np.arange(len(grouped)) - starts[np.cumsum(starts_mask) - 1]
    capacity = np.array([c.desks for c in network.centres], dtype=np.int64)[g_centre]
    served = within < capacity
    codes[grouped[~served]] = _FULL
    desk = np.zeros(n, dtype=np.int64)
    desk[grouped[served]] = within[served] + 1

    return Bookings(
        network=network,
        priority=chosen,
        requests=items,
        codes=_frozen_array(codes),
        desk=_frozen_array(desk),
        report_order=_frozen_array(np.lexsort((position, centre_name, day))),
        group_centre=_frozen_array(g_centre[starts]),
        group_day=_frozen_array(g_day[starts]),
        group_demand=_frozen_array(np.diff(np.append(starts, len(grouped))).astype(np.int64)),
    )
