"""What every allowance component is: the abstract :class:`Component`, with its one
column method (:meth:`Component.amounts`, the cents of every schedule at once) and the
line of one agent's schedule read from it; and the readers of the fields the kinds of
component share (a name, places, an amount in whole cents), and of a schedule and a
télécentre network given to them.

The kinds themselves are in :mod:`~teletravail.allowance.one_off` (amounts counted once)
and :mod:`~teletravail.allowance.rates` (amounts at a dated rate); the table of kinds is
:data:`~teletravail.allowance.allowance.COMPONENT_KINDS`.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from teletravail._checks import enum_value
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.money import cents
from teletravail.scheduling.days import TeleworkDays
from teletravail.scheduling.schedule import Schedule
from teletravail.sources import Source
from teletravail.units import Q_
from teletravail.week import PlaceKind

from .result import Line, LineKind

if TYPE_CHECKING:
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.units import Quantity

    from .columns import Amounts

__all__ = [
    "Component",
    "check_name",
    "check_schedule",
    "read_amount",
    "read_optional_place_kinds",
    "read_place_kinds",
]


def check_schedule(schedule: Any, network: Any) -> None:
    """Refuse a ``schedule`` that is not a :class:`~teletravail.scheduling.Schedule`, and
    a ``network`` that is neither ``None`` nor a télécentre network."""
    # Imported here, not at the top: no cycle, but assessing a policy does not load the
    # télécentre module unless a network is used (see docs/performance.md).
    from teletravail.scheduling.centres import TelecentreNetwork

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


def check_name(instance: Any, attribute: Any, value: Any) -> None:
    """The validator of a component's name: non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, Phrase("a non-empty name", "un nom non vide"))


def read_place_kinds(value: Any) -> frozenset[PlaceKind]:
    """The kinds of place a component covers: one kind or a set of them."""
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


def read_optional_place_kinds(value: Any) -> frozenset[PlaceKind] | None:
    """:func:`read_place_kinds`, or ``None`` (any place)."""
    return None if value is None else read_place_kinds(value)


def read_amount(value: Any) -> Quantity:
    """An amount of money in whole cents, as a quantity in EUR."""
    return Q_(cents(value, "amount") / 100, "EUR")


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
        check_schedule(schedule, network)
        return self.period_amounts(TeleworkDays.of_schedule(schedule), network=network).line(0)
