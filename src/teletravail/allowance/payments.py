"""Payment calendars: when an allowance is paid, and the regularisation.

The public-service forfait is paid quarterly, on the days requested and authorised, and
adjusted to the days actually worked at the end of the first quarter of the next year;
the first payment, in the first quarter of 2022, covered September to December 2021
(décret n° 2021-1123 du 26 août 2021 and its arrêté of the same day).
:func:`payment_calendar` lays that out for one agent, for one component or a policy's
whole :class:`~.allowance.Allowance`: one payment per quarter with something due (dated
the quarter's last day, or a later first payment date), each the amount due so far in
the year less what was already paid, so the annual caps hold; a one-off amount falls in
the quarter of the authorisation's start; then, if the days worked are given, a
regularisation (never positive) dated 31 March of the next year, for the authorised days
not worked. The employer's own costs are not payments.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs
import numpy as np

from teletravail.dates import to_date
from teletravail.documents import (
    Choice,
    Day,
    Key,
    ListOf,
    Money,
    Table,
    Text,
    heading_keys,
    money_data,
    unchanged,
)
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.money import euros
from teletravail.scheduling.schedule import Schedule

from .allowance import Allowance
from .component import Component

if TYPE_CHECKING:
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.scheduling.schedule import Schedule
    from teletravail.units import Quantity

__all__ = [
    "PAYMENTS",
    "PAYMENTS_SCHEMA",
    "PAYMENTS_SCHEMA_VERSION",
    "Payment",
    "PaymentCalendar",
    "payment_calendar",
]

#: The name of the payment calendar's document, and its version (2: amounts as
#: ``{"value": "264.96", "unit": "EUR"}``).
PAYMENTS_SCHEMA: Final = "teletravail.allowance.payments"
PAYMENTS_SCHEMA_VERSION: Final = 2


@attrs.frozen(kw_only=True)
class Payment:
    """One dated transfer (``cents`` may be negative for a regularisation)."""

    date: dt.date
    cents: int
    kind: Literal["quarter", "regularisation"]
    covers: str

    @property
    def amount(self) -> Quantity:
        """The amount in EUR."""
        return euros(self.cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, the amount exact: ``{"value": "66.24", "unit": "EUR"}``."""
        return {
            "date": self.date.isoformat(),
            "amount": money_data(self.cents),
            "kind": self.kind,
            "covers": self.covers,
        }


@attrs.frozen(kw_only=True)
class PaymentCalendar:
    """The payments of one agent's allowance, in date order."""

    payments: tuple[Payment, ...]

    @property
    def total_cents(self) -> int:
        """Everything paid, regularisations included, in cents."""
        return sum(p.cents for p in self.payments)

    @property
    def total(self) -> Quantity:
        """Everything paid, in EUR."""
        return euros(self.total_cents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "schema": PAYMENTS_SCHEMA,
            "schema_version": PAYMENTS_SCHEMA_VERSION,
            "payments": [p.to_dict() for p in self.payments],
            "total": money_data(self.total_cents),
        }


def _quarter_end(day: dt.date) -> dt.date:
    month = 3 * ((day.month - 1) // 3) + 3
    return (dt.date(day.year, month, 1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(
        days=1
    )


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _until(schedule: Schedule, last: dt.date, year: int) -> Schedule:
    """The days of ``schedule`` in calendar ``year`` up to ``last``, as a schedule of that
    span (so that an amount due at the authorisation's start falls in it or not)."""
    keep = (schedule.dates <= np.datetime64(last, "D")) & (
        schedule.dates.astype("datetime64[Y]") == np.datetime64(str(year), "Y")
    )
    first = dt.date(year, 1, 1)
    if schedule.start is not None:
        first = max(first, schedule.start)
    start = min(first, last)
    return attrs.evolve(
        schedule,
        dates=schedule.dates[keep],
        amounts=schedule.amounts[keep],
        parts=schedule.parts[keep],
        place_codes=schedule.place_codes[keep],
        start=start,
        end=last,
        # the year's earlier days (before the schedule's start) count in its first year
        earlier=schedule.earlier if start == schedule.start else None,
    )


def _held_payment(held: list[tuple[str, int]], when: dt.date | None) -> Payment:
    assert when is not None
    return Payment(
        date=when,
        cents=sum(amount for _, amount in held),
        kind="quarter",
        covers=", ".join(label for label, _ in held),
    )


def _intersection(authorised: Schedule, worked: Schedule) -> Schedule:
    """The worked days that were authorised, each for the smaller of the two amounts."""

    common, left, right = np.intersect1d(authorised.dates, worked.dates, return_indices=True)
    return attrs.evolve(
        authorised,
        dates=common,
        amounts=np.minimum(authorised.amounts[left], worked.amounts[right]),
        parts=authorised.parts[left],
        place_codes=authorised.place_codes[left],
    )


def payment_calendar(
    allowance: Allowance | Component,
    authorised: Schedule,
    *,
    worked: Schedule | None = None,
    first_payment: dt.date | str | None = None,
    network: TelecentreNetwork | None = None,
) -> PaymentCalendar:
    """Quarterly payments of ``allowance`` (a whole allowance, or one component) for the
    ``authorised`` days, with a regularisation on 31 March of the next year when the
    days ``worked`` are given.

    Quarters whose last day comes before ``first_payment`` are paid together on that
    date (the forfait's days of September to December 2021 were paid in the first
    quarter of 2022: ``first_payment="2022-03-31"``). A regularisation repays only days
    that were authorised and not worked (it is never positive), and is dated 31 March of
    the next year, or the first payment date if that is later.
    """
    if isinstance(allowance, Component):
        allowance = Allowance(components=[allowance])
    if not isinstance(allowance, Allowance):
        raise ValidationError(
            "allowance",
            allowance,
            Phrase(
                "an Allowance or one of its components",
                "un objet Allowance ou l'un de ses éléments",
            ),
        )
    paid_out = Allowance(components=[c for c in allowance.components if c.paid_to_agent])
    for name, value in (("authorised", authorised), ("worked", worked)):
        if (value is not None or name == "authorised") and not isinstance(value, Schedule):
            raise ValidationError(name, value, Phrase("a Schedule", "un objet Schedule"))
    earliest = None if first_payment is None else to_date(first_payment, "first_payment")
    ends = {_quarter_end(day) for day in authorised.dates.astype(object)}
    start = authorised.authorisation_start
    if (
        start is not None
        and (authorised.start is None or authorised.start <= start)
        and (authorised.end is None or start <= authorised.end)
    ):
        ends.add(_quarter_end(start))  # an amount due at the start falls in its quarter
    quarters = sorted(ends)

    def due_until(schedule: Schedule, end: dt.date) -> int:
        cut = _until(schedule, end, end.year)
        return paid_out.compute(cut, network=network).paid_cents

    payments: list[Payment] = []
    paid: dict[int, int] = {}
    held: list[tuple[str, int]] = []
    for end in quarters:
        year = end.year
        due = due_until(authorised, end)
        amount = due - paid.get(year, 0)
        paid[year] = due
        if earliest is not None and end < earliest:
            held.append((_quarter(end), amount))  # paid at the first payment date
            continue
        if held:
            payments.append(_held_payment(held, earliest))
            held = []
        if amount:  # a quarter after the cap was reached pays nothing: no transfer
            payments.append(Payment(date=end, cents=amount, kind="quarter", covers=_quarter(end)))
    if held:
        payments.append(_held_payment(held, earliest))
    if worked is not None:
        # the days worked are paid only where they were authorised: a regularisation
        # gives back what was paid for days not worked, it never pays unauthorised days
        both = _intersection(authorised, worked)
        for year in sorted(paid):
            difference = due_until(both, dt.date(year, 12, 31)) - paid[year]
            if difference:
                when = dt.date(year + 1, 3, 31)
                payments.append(
                    Payment(
                        date=max(when, earliest or when),
                        cents=difference,
                        kind="regularisation",
                        covers=str(year),
                    )
                )
    return PaymentCalendar(payments=tuple(sorted(payments, key=lambda p: (p.date, p.kind))))


#: The description of the payment calendar's document (:meth:`PaymentCalendar.to_dict`),
#: for its JSON Schema.
PAYMENTS: Final = Table(
    "payments",
    "The payments of one agent's allowance, in date order.",
    [
        *heading_keys(PAYMENTS_SCHEMA, PAYMENTS_SCHEMA_VERSION),
        Key(
            "payments",
            ListOf(
                Table(
                    "payment",
                    "One payment.",
                    [
                        Key("date", Day(), "the day it is paid", True),
                        Key("amount", Money(), "the amount", True),
                        Key("kind", Choice(["quarter", "regularisation"]), "its kind", True),
                        Key("covers", Text(), "the quarter or year it covers", True),
                    ],
                    unchanged,
                    unchanged,
                    french="versement",
                )
            ),
            "the payments, in date order",
            True,
        ),
        Key("total", Money(), "everything paid", True),
    ],
    unchanged,
    unchanged,
    french="versements",
)
