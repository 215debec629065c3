"""Allowance components and their composition.

A policy's allowance is a set of components whose amounts add up, each shown as its own
line: :class:`OneOff` (the Lot's 100 EUR at the start), :class:`PerDay` (the
public-service forfait: a dated rate per telework day with an annual cap; or a private
employer's per-day amount with a monthly cap), :class:`MonthlyFlat` (a monthly amount
per weekly telework day) and :class:`EmployerCost` (equipment and other costs borne by
the employer, kept apart from what is paid to the agent).

Amounts are exact to the cent (see :mod:`teletravail.money`): each period's amount is computed in
integer arithmetic, rounded half up to the cent once, then capped.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import enum_value, optional_source
from teletravail.dated import DatedParameter, check_order
from teletravail.dates import to_date
from teletravail.errors import NotPayableError, NoValueInForceError, ValidationError
from teletravail.messages import Phrase
from teletravail.money import as_decimal, cents, euros, half_days, millicents, pay
from teletravail.sources import Source
from teletravail.units import Q_, as_quantity
from teletravail.week import Place, PlaceKind

if TYPE_CHECKING:
    from teletravail.allowance.national import NationalReference
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.scheduling.days import TeleworkDays
    from teletravail.scheduling.schedule import Schedule
    from teletravail.units import Quantity

__all__ = [
    "COMPONENT_KINDS",
    "Allowance",
    "AllowanceColumns",
    "AllowanceResult",
    "Amounts",
    "Component",
    "EmployerCost",
    "Line",
    "MonthlyFlat",
    "NotPayableError",
    "OneOff",
    "PerDay",
    "PeriodAmount",
    "Reference",
]


LineKind = Literal["one_off", "per_day", "monthly_flat", "employer_cost"]


def _check_inputs(schedule: Any, network: Any) -> None:
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.scheduling.schedule import Schedule

    if not isinstance(schedule, Schedule):
        raise ValidationError(
            "schedule",
            schedule,
            Phrase("a Schedule (from scheduling.plan)", "un objet Schedule (de scheduling.plan)"),
        )
    if network is not None and not isinstance(network, TelecentreNetwork):
        raise ValidationError(
            "network",
            network,
            Phrase("a TelecentreNetwork or None", "un objet TelecentreNetwork ou None"),
        )


def _name(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, Phrase("a non-empty name", "un nom non vide"))


def _places(value: Any) -> frozenset[PlaceKind]:
    if isinstance(value, str | PlaceKind):
        value = [value]
    if not isinstance(value, Iterable):
        raise ValidationError(
            "places",
            value,
            Phrase(
                "a set of place kinds (home, telecentre, ...)",
                "un ensemble de types de lieux (home, telecentre…)",
            ),
        )
    return frozenset(enum_value(PlaceKind, item, "places") for item in value)


def _optional_places(value: Any) -> frozenset[PlaceKind] | None:
    return None if value is None else _places(value)


def _amount(value: Any) -> Quantity:
    return Q_(cents(value, "amount") / 100, "EUR")


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
class PeriodAmount:
    """What a per-day component gives over one calendar year or month."""

    period: str
    days: Quantity
    uncapped: int
    cap: int | None
    cents: int

    @property
    def amount(self) -> Quantity:
        """The amount due, in EUR."""
        return euros(self.cents)


@attrs.frozen(kw_only=True)
class Line:
    """One component's amount: ``cents`` (exact), with the days it pays for, the days it
    does not (by reason) and, for per-day components, the detail per period."""

    name: str
    kind: LineKind
    cents: int
    paid_to_agent: bool
    days: Quantity | None = None
    excluded: Mapping[str, Quantity] = attrs.field(factory=dict)
    periods: tuple[PeriodAmount, ...] = ()
    source: Source | None = None

    @property
    def amount(self) -> Quantity:
        """The amount in EUR."""
        return euros(self.cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form; money as an exact decimal string of euros."""
        return {
            "name": self.name,
            "kind": self.kind,
            "amount": str(as_decimal(self.cents)),
            "currency": "EUR",
            "paid_to_agent": self.paid_to_agent,
            "days": None if self.days is None else float(self.days.m_as("workday")),
            "excluded": {k: float(v.m_as("workday")) for k, v in self.excluded.items()},
            "periods": [
                {
                    "period": p.period,
                    "days": float(p.days.m_as("workday")),
                    "uncapped": str(as_decimal(p.uncapped)),
                    "cap": None if p.cap is None else str(as_decimal(p.cap)),
                    "amount": str(as_decimal(p.cents)),
                }
                for p in self.periods
            ],
            "source": None if self.source is None else self.source.to_dict(),
        }


@attrs.frozen(kw_only=True, eq=False)
class Amounts:
    """A component's answer for many schedules (the column method
    :meth:`Component.amounts`): per schedule, the ``cents`` due, the half ``days`` paid,
    the half days ``excluded`` by reason, and, for the components paid per period, the
    ``periods`` (calendar years or months) with each one's ``uncapped`` amount, ``cap``
    (-1: none) and ``due`` amount (schedules × periods)."""

    component: Component
    cents: npt.NDArray[np.int64]
    days: npt.NDArray[np.int64] | None = None
    excluded: Mapping[str, npt.NDArray[np.int64]] = attrs.field(factory=dict)
    periods: tuple[str, ...] = ()
    period_days: npt.NDArray[np.int64] | None = None
    uncapped: npt.NDArray[np.int64] | None = None
    caps: npt.NDArray[np.int64] | None = None
    due: npt.NDArray[np.int64] | None = None

    def minus(self, earlier: Amounts) -> Amounts:
        """These amounts less those of ``earlier`` days of the same schedules (whose
        periods are among these): what a later span of a year adds to what its earlier
        days were due."""
        where = [self.periods.index(label) for label in earlier.periods]

        def less(
            mine: npt.NDArray[np.int64] | None, theirs: npt.NDArray[np.int64] | None
        ) -> npt.NDArray[np.int64] | None:
            if mine is None or theirs is None:
                return mine
            found = np.array(mine, dtype=np.int64, copy=True)
            if found.ndim == 2:
                found[:, where] -= theirs
            else:
                found -= theirs
            return found

        reasons = {*self.excluded, *earlier.excluded}
        zero = np.zeros(len(self.cents), dtype=np.int64)
        return Amounts(
            component=self.component,
            cents=self.cents - earlier.cents,
            days=less(self.days, earlier.days),
            excluded={
                reason: self.excluded.get(reason, zero) - earlier.excluded.get(reason, zero)
                for reason in reasons
            },
            periods=self.periods,
            period_days=less(self.period_days, earlier.period_days),
            uncapped=less(self.uncapped, earlier.uncapped),
            caps=self.caps,
            due=less(self.due, earlier.due),
        )

    def per_agent(self, days: TeleworkDays) -> npt.NDArray[np.int64]:
        """The cents of each agent of ``days`` (their schedule's)."""
        result: npt.NDArray[np.int64] = self.cents[days.codes]
        return result

    def line(self, schedule: int) -> Line:
        """The :class:`Line` of one schedule."""
        component = self.component
        periods: tuple[PeriodAmount, ...] = ()
        if self.due is not None and self.uncapped is not None and self.caps is not None:
            assert self.period_days is not None
            periods = tuple(
                PeriodAmount(
                    period=label,
                    days=Q_(int(self.period_days[schedule, i]) / 2, "workday"),
                    uncapped=int(self.uncapped[schedule, i]),
                    cap=None if self.caps[schedule, i] < 0 else int(self.caps[schedule, i]),
                    cents=int(self.due[schedule, i]),
                )
                for i, label in enumerate(self.periods)
                if self.period_days[schedule, i] or self.due[schedule, i]
            )
        return Line(
            name=component.name,
            kind=component.kind,
            cents=int(self.cents[schedule]),
            paid_to_agent=component.paid_to_agent,
            days=None if self.days is None else Q_(int(self.days[schedule]) / 2, "workday"),
            excluded={
                reason: Q_(int(values[schedule]) / 2, "workday")
                for reason, values in self.excluded.items()
                if values[schedule]
            },
            periods=periods,
            source=component.source,
        )


class Component(abc.ABC):
    """What every allowance component is: a ``name``, a ``kind`` (its stable code in
    documents and results), whether it is ``paid_to_agent``, a ``source``, and one
    column method, :meth:`amounts`, that gives its cents for every schedule of a
    :class:`~teletravail.scheduling.days.TeleworkDays` at once. An agent's line
    (:meth:`line`) is the same method on that agent's schedule."""

    kind: ClassVar[LineKind]
    paid_to_agent: ClassVar[bool] = True
    name: str
    source: Source | None

    @abc.abstractmethod
    def amounts(self, days: TeleworkDays, *, network: TelecentreNetwork | None = None) -> Amounts:
        """The cents due for every schedule of ``days``."""

    def period_amounts(
        self, days: TeleworkDays, *, network: TelecentreNetwork | None = None
    ) -> Amounts:
        """:meth:`amounts` for the period of ``days``: where the period has earlier days
        in its year (``days.earlier``), the amounts of the whole less those of the
        earlier days, so that a year's caps hold over its periods."""
        earlier = days.earlier
        if earlier is None:
            return self.amounts(days, network=network)
        whole = self.amounts(days.whole(), network=network)
        return whole.minus(self.amounts(earlier, network=network))

    def line(self, schedule: Schedule, *, network: TelecentreNetwork | None = None) -> Line:
        """The amount due for one agent's ``schedule``."""
        from teletravail.scheduling.days import TeleworkDays

        _check_inputs(schedule, network)
        return self.period_amounts(TeleworkDays.of_schedule(schedule), network=network).line(0)


def _dated_at_start(component: OneOff | EmployerCost, days: TeleworkDays) -> Amounts:
    """Cents per schedule of an amount due once, when the authorisation starts: in the
    period that holds its start. Where the start is not known (a schedule planned
    without an authorisation), it is due when the schedule has telework."""
    has_days = days.schedule_halves() > 0
    if isinstance(component, OneOff) and component.places is not None:
        covered = [place.kind in component.places for place in days.places]
        has_days = np.asarray(days.place_mask(covered).any(axis=1), dtype=bool)
    start, end = np.datetime64(days.start, "D"), np.datetime64(days.end, "D")
    known = ~np.isnat(days.authorised)
    starts_here = known & (days.authorised >= start) & (days.authorised <= end)
    if isinstance(component, OneOff) and component.places is not None:
        starts_here &= has_days
    due = np.where(starts_here | (~known & has_days), _amount_cents(component), 0)
    return Amounts(component=component, cents=due.astype(np.int64))


@attrs.frozen(kw_only=True)
class OneOff(Component):
    """A one-off amount paid when telework starts (the Lot's 100 EUR at the start of the
    scheme): due once, in the period where the authorisation starts, and not again.

    ``places``: the places where telework opens the right (None: any place).
    """

    kind: ClassVar[LineKind] = "one_off"
    name: str = attrs.field(default="one-off", validator=_name)
    amount: Quantity = attrs.field(converter=_amount)
    places: frozenset[PlaceKind] | None = attrs.field(default=None, converter=_optional_places)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    _memo: dict[str, int] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def due(self, place: Place | str | None = None) -> Quantity:
        """The amount for an agent teleworking at ``place``; a place it does not cover is
        a :class:`NotPayableError`."""
        if place is not None and self.places is not None:
            kind = Place.parse(place).kind
            if kind not in self.places:
                allowed = ", ".join(sorted(p.value for p in self.places))
                raise NotPayableError(
                    "place",
                    str(place),
                    Phrase(
                        "one of the places it covers: {allowed}",
                        "l'un des lieux qu'il couvre\u00a0: {allowed}",
                        allowed=allowed,
                    ),
                )
        return self.amount

    def amounts(self, days: TeleworkDays, *, network: TelecentreNetwork | None = None) -> Amounts:
        """The amount for each schedule whose authorisation starts in the period (with
        telework at a covered place, when the component names places), 0 otherwise."""
        return _dated_at_start(self, days)


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
    name: str = attrs.field(default="per day", validator=_name)
    rate: DatedParameter = attrs.field(
        validator=_parameter("rate", "[currency] / [workday]", "EUR/workday")
    )
    cap: DatedParameter | None = attrs.field(
        default=None, validator=_parameter("cap", "[currency]", "EUR", whole_cents=True)
    )
    cap_per: Literal["year", "month"] = attrs.field(default="year")
    places: frozenset[PlaceKind] = attrs.field(
        factory=lambda: frozenset({PlaceKind.HOME, PlaceKind.OTHER, PlaceKind.TELECENTRE}),
        converter=_places,
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
    name: str = attrs.field(default="monthly flat", validator=_name)
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


@attrs.frozen(kw_only=True)
class EmployerCost(Component):
    """A cost borne by the employer (a laptop per teleworker), never paid to the agent:
    counted once, when the authorisation starts, as a one-off amount is."""

    kind: ClassVar[LineKind] = "employer_cost"
    paid_to_agent: ClassVar[bool] = False
    name: str = attrs.field(validator=_name)
    amount: Quantity = attrs.field(converter=_amount)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    _memo: dict[str, int] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def amounts(self, days: TeleworkDays, *, network: TelecentreNetwork | None = None) -> Amounts:
        """The cost for each schedule whose authorisation starts in the period."""
        return _dated_at_start(self, days)


def _amount_cents(component: OneOff | EmployerCost) -> int:
    """A one-off amount or cost in whole cents (read once per component)."""
    found = component._memo.get("cents")
    if found is None:
        found = component._memo["cents"] = cents(component.amount, "amount")
    return found


#: The kinds of allowance component, by their stable code: the one table that documents,
#: results and checks read to know a component's kind.
COMPONENT_KINDS: Mapping[str, type[Component]] = {
    kind.kind: kind for kind in (OneOff, PerDay, MonthlyFlat, EmployerCost)
}


def _components(value: Any) -> tuple[Component, ...]:
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        raise ValidationError(
            "components",
            value,
            Phrase("a sequence of allowance components", "une suite d'éléments d'indemnité"),
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, Component):
            kinds = ", ".join(kind.__name__ for kind in COMPONENT_KINDS.values())
            raise ValidationError(
                f"components[{index}]",
                item,
                Phrase(
                    "a component: {kinds}", "un élément d'indemnité\u00a0: {kinds}", kinds=kinds
                ),
            )
    return items


@attrs.frozen(kw_only=True)
class AllowanceResult:
    """The lines of an allowance, with what is paid to the agent and what the employer
    bears apart."""

    lines: tuple[Line, ...]

    @property
    def paid_cents(self) -> int:
        """Everything paid to the agent, in cents."""
        return sum(line.cents for line in self.lines if line.paid_to_agent)

    @property
    def paid(self) -> Quantity:
        """Everything paid to the agent, in EUR."""
        return euros(self.paid_cents)

    @property
    def employer_cents(self) -> int:
        """The employer's own costs, in cents."""
        return sum(line.cents for line in self.lines if not line.paid_to_agent)

    @property
    def employer_costs(self) -> Quantity:
        """The employer's own costs, in EUR."""
        return euros(self.employer_cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: every line, and the totals as exact decimal strings."""
        return {
            "schema": "teletravail.allowance.result",
            "lines": [line.to_dict() for line in self.lines],
            "paid": str(as_decimal(self.paid_cents)),
            "employer_costs": str(as_decimal(self.employer_cents)),
            "currency": "EUR",
        }


@attrs.frozen(kw_only=True, eq=False)
class AllowanceColumns:
    """An allowance for many agents at once: each component's :class:`Amounts`, per
    schedule the cents paid (``schedule_paid``) and borne by the employer
    (``schedule_employer``), and per agent (columns made when first read) the cents
    ``paid`` to them and the ``employer`` costs."""

    days: TeleworkDays
    amounts: tuple[Amounts, ...]
    schedule_paid: npt.NDArray[np.int64]
    schedule_employer: npt.NDArray[np.int64]
    _memo: dict[str, npt.NDArray[np.int64]] = attrs.field(init=False, factory=dict, repr=False)

    @property
    def paid(self) -> npt.NDArray[np.int64]:
        """The cents paid to each agent (read-only)."""
        found = self._memo.get("paid")
        if found is None:
            found = self._memo["paid"] = self.schedule_paid[self.days.codes]
            found.flags.writeable = False
        return found

    @property
    def employer(self) -> npt.NDArray[np.int64]:
        """The employer's costs for each agent, in cents (read-only)."""
        found = self._memo.get("employer")
        if found is None:
            found = self._memo["employer"] = self.schedule_employer[self.days.codes]
            found.flags.writeable = False
        return found

    def totals(self, counts: npt.NDArray[np.int64]) -> tuple[int, int]:
        """The cents paid and borne over all agents, for ``counts`` agents per schedule
        (exact, in Python integers)."""
        weights = [int(c) for c in counts.tolist()]
        paid = sum(w * int(c) for w, c in zip(weights, self.schedule_paid.tolist(), strict=True))
        borne = sum(
            w * int(c) for w, c in zip(weights, self.schedule_employer.tolist(), strict=True)
        )
        return paid, borne

    def result(self, row: int) -> AllowanceResult:
        """The lines of the agent of ``row``."""
        schedule = int(self.days.codes[row])
        return AllowanceResult(lines=tuple(a.line(schedule) for a in self.amounts))


@attrs.frozen(kw_only=True)
class Allowance:
    """A policy's allowance: components whose amounts add up, each its own line."""

    components: tuple[Component, ...] = attrs.field(converter=_components)

    def columns(
        self, days: TeleworkDays, *, network: TelecentreNetwork | None = None
    ) -> AllowanceColumns:
        """Every component's amounts for every agent of ``days`` (the column method the
        whole assessment uses): what is paid to each agent and what the employer bears."""
        amounts = tuple(c.period_amounts(days, network=network) for c in self.components)
        k = days.schedules
        paid = np.zeros(k, dtype=np.int64)
        employer = np.zeros(k, dtype=np.int64)
        for found in amounts:
            if found.component.paid_to_agent:
                paid += found.cents
            else:
                employer += found.cents
        return AllowanceColumns(
            days=days, amounts=amounts, schedule_paid=paid, schedule_employer=employer
        )

    def compute(
        self,
        schedule: Schedule,
        *,
        weekly_days: Quantity | str | None = None,
        network: TelecentreNetwork | None = None,
    ) -> AllowanceResult:
        """Every component's line for one agent's ``schedule``.

        A monthly flat component pays the pattern's telework per week (the schedule's
        own, from :func:`~teletravail.scheduling.plan`, or ``weekly_days``) over the
        schedule's first to last telework day.
        """
        from teletravail.scheduling.days import TeleworkDays
        from teletravail.scheduling.schedule import Schedule

        if not isinstance(schedule, Schedule):
            raise ValidationError(
                "schedule",
                schedule,
                Phrase(
                    "a Schedule (see teletravail.scheduling.plan)",
                    "un objet Schedule (voir teletravail.scheduling.plan)",
                ),
            )
        _check_inputs(schedule, network)
        if weekly_days is not None:
            per_week = as_quantity(weekly_days, field="weekly_days", dimension="[workday] / [time]")
            halves = int(half_days([float(per_week.m_as("workday/week"))], "weekly_days")[0])
            schedule = attrs.evolve(schedule, weekly_halves=halves)
        elif schedule.weekly_halves is None and any(
            isinstance(c, MonthlyFlat) for c in self.components
        ):
            flat = next(c for c in self.components if isinstance(c, MonthlyFlat))
            raise ValidationError(
                "weekly_days",
                None,
                Phrase(
                    "the weekly telework days, for {name!r}",
                    "le nombre de jours de télétravail par semaine, pour {name!r}",
                    name=flat.name,
                ),
            )
        return self.columns(TeleworkDays.of_schedule(schedule), network=network).result(0)
