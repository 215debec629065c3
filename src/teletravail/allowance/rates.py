"""Components paid at a dated rate for the telework of each period: :class:`PerDay` (an
amount per telework day, capped per calendar year or month: the public-service forfait,
a private employer's per-day amount) and :class:`MonthlyFlat` (an amount per month per
weekly telework day). Either may be made from a national parameter defined elsewhere,
whose values it must hold: the :class:`Reference` it keeps says how to check them.

Each period's amount is computed in integer arithmetic, rounded half up to the cent
once, then capped (see :mod:`teletravail.money`).
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import optional_source
from teletravail.dated import DatedParameter, check_order
from teletravail.dates import to_date
from teletravail.errors import NotPayableError, NoValueInForceError, ValidationError
from teletravail.messages import Phrase
from teletravail.money import cents, half_days, millicents, pay
from teletravail.sources import Source
from teletravail.units import as_quantity
from teletravail.week import Place, PlaceKind

from .columns import Amounts
from .component import Component, check_name, read_place_kinds
from .result import Line, LineKind

if TYPE_CHECKING:
    from teletravail.allowance.national import NationalReference
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.scheduling.days import TeleworkDays
    from teletravail.units import Quantity

__all__ = ["MonthlyFlat", "PerDay", "Reference"]


def _parameter(field: str, dimension: str, unit: str, whole_cents: bool = False) -> Any:
    """A validator of a dated parameter of money: each value of ``dimension``, payable
    exactly (see :data:`~teletravail.money.MAX_EUR`) and, for ``whole_cents``, in whole cents."""

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is None and attribute.name != "rate":
            return
        if not isinstance(value, DatedParameter):
            raise ValidationError(
                field, value, Phrase("a DatedParameter", "un objet DatedParameter")
            )
        for index, entry in enumerate(value.values):
            where = f"{field}.values[{index}]"
            as_quantity(entry.value, field=where, dimension=dimension)
            if whole_cents:
                cents(entry.value, where)
            else:
                millicents(entry.value, where, unit)

    return check


class Reference(abc.ABC):
    """What a component made from a parameter defined elsewhere keeps, to check that it
    holds that parameter's values: a
    :class:`~teletravail.allowance.national.NationalReference`. (The national
    parameters are built from components, so this module names only this base.)"""

    __slots__ = ()

    @abc.abstractmethod
    def check(self, component: Component) -> None:
        """Refuse a ``component`` whose values are not the referenced parameter's."""


def _check_national(component: PerDay | MonthlyFlat) -> None:
    """A component that names a national parameter holds that parameter's values."""
    if component.national is None:
        return
    if not isinstance(component.national, Reference):
        raise ValidationError(
            "national",
            component.national,
            Phrase(
                "a NationalReference (see national_component) or None",
                "un objet NationalReference (voir national_component) ou None",
            ),
        )
    component.national.check(component)


@attrs.frozen(kw_only=True)
class PerDay(Component):
    """An amount per telework day, from a dated rate, with an optional cap per calendar
    year (``cap_per="year"``, the public-service forfait) or month (``"month"``, the
    private-sector limits). Days at places not in ``places`` are not paid; with a
    télécentre network, neither are days at a centre with an employer-funded canteen.
    Days before the rate's first value are not paid either (``no_rate``). Each period's
    amount is rounded half up to the cent once, then capped at the cap in force on its
    last day; a period that spans a change of rate pays each day at its own rate.

    A component made from a national parameter (the public-service forfait of a branch,
    an URSSAF limit: :func:`~teletravail.allowance.national.national_component`) keeps
    its reference in ``national``, and holds that parameter's values.
    """

    kind: ClassVar[LineKind] = "per_day"
    name: str = attrs.field(default="per day", validator=check_name)
    rate: DatedParameter = attrs.field(
        validator=_parameter("rate", "[currency] / [workday]", "EUR/workday")
    )
    cap: DatedParameter | None = attrs.field(
        default=None, validator=_parameter("cap", "[currency]", "EUR", whole_cents=True)
    )
    cap_per: Literal["year", "month"] = attrs.field(default="year")
    places: frozenset[PlaceKind] = attrs.field(
        factory=lambda: frozenset({PlaceKind.HOME, PlaceKind.OTHER, PlaceKind.TELECENTRE}),
        converter=read_place_kinds,
    )
    source: Source | None = attrs.field(default=None, validator=optional_source)
    national: NationalReference | None = attrs.field(default=None)
    # the rate of each day and the cap of each period, per period of days (read once)
    _memo: dict[Any, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.cap_per not in ("year", "month"):
            raise ValidationError(
                "cap_per", self.cap_per, Phrase("'year' or 'month'", "'year' ou 'month'")
            )
        _check_national(self)

    def payable_at(self, place: Place | str, *, network: TelecentreNetwork | None = None) -> bool:
        """True if the component pays for telework at ``place``; otherwise a
        :class:`NotPayableError` that says why (the place, or the centre's canteen)."""
        where = Place.parse(place)
        if where.kind not in self.places:
            allowed = ", ".join(sorted(p.value for p in self.places))
            raise NotPayableError(
                "place",
                str(place),
                Phrase(
                    "one of the places it pays: {allowed}",
                    "l'un des lieux où il est versé\u00a0: {allowed}",
                    allowed=allowed,
                ),
            )
        centre = where.kind is PlaceKind.TELECENTRE and network is not None and where.name
        if centre and not network.get(where.name).allowance_payable:  # type: ignore[union-attr,arg-type]
            raise NotPayableError(
                "place",
                str(place),
                Phrase(
                    "a place without an employer-funded canteen",
                    "un lieu sans restaurant financé par l'employeur",
                ),
            )
        return True

    def _pays(self, place: Place, network: TelecentreNetwork | None) -> bool:
        return place.kind in self.places and not (
            place.kind is PlaceKind.TELECENTRE
            and network is not None
            and place.name is not None
            and not network.get(place.name).allowance_payable
        )

    def rates(self, dates: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
        """Millicents per day for each of ``dates`` (sorted); -1 where no rate is in force."""
        if not len(dates):
            return np.zeros(0, dtype=np.int64)
        key = ("rates", int(dates[0].astype(np.int64)), len(dates))
        found = self._memo.get(key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        rates = np.full(len(dates), -1, dtype=np.int64)
        first, last = dates.min().astype(object), dates.max().astype(object)
        changes = [first, *(d for d in self.rate.change_dates() if first < d <= last)]
        for start, end in zip(changes, [*changes[1:], last + dt.timedelta(days=1)], strict=True):
            try:
                value = self.rate.as_of(start)
            except NoValueInForceError:
                continue
            inside = (dates >= np.datetime64(start, "D")) & (dates < np.datetime64(end, "D"))
            rates[inside] = millicents(value, "rate", "EUR/workday")
        rates.flags.writeable = False
        if len(self._memo) > 64:
            self._memo.clear()
        self._memo[key] = rates
        return rates

    def period_caps(self, labels: Sequence[str]) -> npt.NDArray[np.int64]:
        """The cap in cents of each calendar year or month (``"2024"``, ``"2024-03"``),
        the one in force on its last day; -1 where there is none."""
        if self.cap is None:
            return np.full(len(labels), -1, dtype=np.int64)
        key = ("caps", tuple(labels))
        found = self._memo.get(key)
        if found is None:
            found = np.array(
                [
                    cents(self.cap.as_of(_period_end(label, self.cap_per)), "cap")
                    for label in labels
                ],
                dtype=np.int64,
            )
            self._memo[key] = found
        result: npt.NDArray[np.int64] = found
        return result

    def amounts(self, days: TeleworkDays, *, network: TelecentreNetwork | None = None) -> Amounts:
        """Each schedule's days at a paid place, at each day's rate, summed per calendar
        year (or month), rounded half up to the cent once and capped."""
        paid_places = [self._pays(place, network) for place in days.places]
        payable = days.place_mask(paid_places)
        halves = np.where(payable, days.halves, 0).astype(np.int64)
        rates = self.rates(days.dates)
        no_rate = (rates < 0)[None, :] & (halves > 0)
        excluded: dict[str, npt.NDArray[np.int64]] = {}
        not_paid = np.where(~payable & (days.halves > 0), days.halves, 0).sum(axis=1)
        if not_paid.any():
            excluded["place"] = not_paid.astype(np.int64)
        if no_rate.any():
            excluded["no_rate"] = np.where(no_rate, halves, 0).sum(axis=1, dtype=np.int64)
            halves = np.where(no_rate, 0, halves)
        labels, _ = days.periods(self.cap_per)
        period_days = days.sums(halves, self.cap_per)
        # half days x millicents a day, in half-millicents: cents = / 2000, half up
        product = days.sums(halves * np.maximum(rates, 0)[None, :], self.cap_per)
        uncapped = (product + 1000) // 2000
        # the cap of a period in which nothing is paid is never read (the rate, and
        # with it its cap, may not exist yet)
        paying = [label for i, label in enumerate(labels) if period_days[:, i].any()]
        found = dict(zip(paying, self.period_caps(paying).tolist(), strict=True))
        caps = np.array([found.get(label, -1) for label in labels], dtype=np.int64)
        due = np.where(caps[None, :] >= 0, np.minimum(uncapped, caps[None, :]), uncapped)
        return Amounts(
            component=self,
            cents=due.sum(axis=1, dtype=np.int64),
            days=period_days.sum(axis=1, dtype=np.int64),
            excluded=excluded,
            periods=tuple(labels),
            period_days=period_days,
            uncapped=uncapped,
            caps=np.broadcast_to(caps, uncapped.shape),
            due=due,
        )

    def yearly_cap(self, year: int) -> int | None:
        """The cap of calendar ``year`` in cents (the one in force on 31 December), or None."""
        if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9998:
            raise ValidationError(
                "year", year, Phrase("a calendar year such as 2023", "une année civile comme 2023")
            )
        return None if self.cap is None else int(self.period_caps([str(year)])[0])


def _period_end(label: str, per: str) -> dt.date:
    """The last day of a calendar year ``"2023"`` or month ``"2023-02"``: its cap is the one
    in force then, for the whole period (a cap changed mid-year applies to that year)."""
    if per == "year":
        return dt.date(int(label), 12, 31)
    year, month = (int(part) for part in label.split("-"))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


_monthly_rate_check = _parameter("rate", "[currency] * [time] / [workday]", "EUR/(workday/week)")


@attrs.frozen(kw_only=True)
class MonthlyFlat(Component):
    """A monthly amount per weekly telework day (``"10 EUR/(workday/week)"``: 2 days a
    week give 20 EUR a month), paid for each calendar month from the month of the first
    telework day to the month of the last, at the rate in force on the month's first day
    (on the period's first day, for a month the period starts within). ``national``:
    the reference of a component made from a national parameter (an URSSAF limit)."""

    kind: ClassVar[LineKind] = "monthly_flat"
    name: str = attrs.field(default="monthly flat", validator=check_name)
    rate: DatedParameter = attrs.field(validator=_monthly_rate_check)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    national: NationalReference | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        _check_national(self)

    def amounts(self, days: TeleworkDays, *, network: TelecentreNetwork | None = None) -> Amounts:
        """Each schedule's weekly half days times the rate, for every month from its
        first to its last telework day."""
        labels, bounds = days.periods("month")
        any_day = days.halves > 0
        touched = np.zeros((days.schedules, len(labels)), dtype=bool)
        if any_day.any():
            some = np.asarray(any_day.any(axis=1), dtype=bool)
            first = any_day.argmax(axis=1)
            last = any_day.shape[1] - 1 - any_day[:, ::-1].argmax(axis=1)
            month_of_day = np.searchsorted(bounds, np.arange(any_day.shape[1]), side="right") - 1
            months = np.arange(len(labels))
            touched = (
                some[:, None]
                & (months[None, :] >= month_of_day[first][:, None])
                & (months[None, :] <= month_of_day[last][:, None])
            )
        return self._months(days.weekly, labels, touched, days.start)

    def _months(
        self,
        weekly: npt.NDArray[np.int64],
        labels: Sequence[str],
        touched: npt.NDArray[np.bool_],
        start: dt.date,
    ) -> Amounts:
        """The amounts of the months ``touched`` (schedules × months), each at the rate
        in force on its first day (or on ``start``, for the first month)."""
        due = np.zeros(touched.shape, dtype=np.int64)
        for i, label in enumerate(labels):
            when = max(dt.date.fromisoformat(f"{label}-01"), start)
            if not touched[:, i].any():
                continue
            try:
                value = self.rate.as_of(when)
            except NoValueInForceError:  # no rate yet (or any more): nothing is due
                continue
            rate = millicents(value, "rate", "EUR/(workday/week)")
            paid = np.asarray(pay(weekly.astype(np.int64), rate), dtype=np.int64)
            due[:, i] = np.where(touched[:, i], paid, 0)
        return Amounts(
            component=self,
            cents=due.sum(axis=1, dtype=np.int64),
            periods=tuple(labels),
            period_days=np.where(touched, weekly[:, None], 0).astype(np.int64),
            uncapped=due,
            caps=np.full(due.shape, -1, dtype=np.int64),
            due=due,
        )

    def line_for(
        self, weekly_days: Quantity | str, start: dt.date | str, end: dt.date | str
    ) -> Line:
        """The amount for ``weekly_days`` of telework a week from ``start`` to ``end``:
        every month the span touches."""
        per_week = as_quantity(weekly_days, field="weekly_days", dimension="[workday] / [time]")
        if not 0 <= float(per_week.m_as("workday/week")) <= 7:
            raise ValidationError(
                "weekly_days",
                weekly_days,
                Phrase("between 0 and 7 workday/week", "entre 0 et 7 jours de travail par semaine"),
            )
        halves = int(half_days([float(per_week.m_as("workday/week"))], "weekly_days")[0])
        first, last = to_date(start, "start"), to_date(end, "end")
        if last.year >= 9999:
            raise ValidationError(
                "end", last, Phrase("a date before 9999-12-01", "une date avant le 9999-12-01")
            )
        check_order(first, last)
        months = np.arange(
            np.datetime64(first, "M"), np.datetime64(last, "M") + np.timedelta64(1, "M")
        )
        labels = [str(month) for month in months]
        touched = np.ones((1, len(labels)), dtype=bool)
        return self._months(np.array([halves]), labels, touched, first).line(0)
