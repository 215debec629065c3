"""Amounts counted once, when telework starts: :class:`OneOff` (the Lot's 100 EUR at
the start of the scheme, paid to the agent) and :class:`EmployerCost` (a laptop per
teleworker, borne by the employer and never paid to the agent). Each is due in the
period that holds the start of the agent's authorisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs
import numpy as np

from teletravail._checks import optional_source
from teletravail.errors import NotPayableError
from teletravail.messages import Phrase
from teletravail.money import cents
from teletravail.sources import Source
from teletravail.week import Place, PlaceKind

from .columns import Amounts
from .component import Component, check_name, read_amount, read_optional_place_kinds
from .result import LineKind

if TYPE_CHECKING:
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.scheduling.days import TeleworkDays
    from teletravail.units import Quantity

__all__ = ["EmployerCost", "OneOff"]


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
    name: str = attrs.field(default="one-off", validator=check_name)
    amount: Quantity = attrs.field(converter=read_amount)
    places: frozenset[PlaceKind] | None = attrs.field(
        default=None, converter=read_optional_place_kinds
    )
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
class EmployerCost(Component):
    """A cost borne by the employer (a laptop per teleworker), never paid to the agent:
    counted once, when the authorisation starts, as a one-off amount is."""

    kind: ClassVar[LineKind] = "employer_cost"
    paid_to_agent: ClassVar[bool] = False
    name: str = attrs.field(validator=check_name)
    amount: Quantity = attrs.field(converter=read_amount)
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
