"""A policy's :class:`Allowance`: components whose amounts add up, each its own line,
and :data:`COMPONENT_KINDS`, the table of the kinds of component by their stable code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.money import half_days
from teletravail.scheduling.days import TeleworkDays
from teletravail.scheduling.schedule import Schedule
from teletravail.units import as_quantity

from .columns import AllowanceColumns
from .component import Component, check_schedule
from .one_off import EmployerCost, OneOff
from .rates import MonthlyFlat, PerDay
from .result import AllowanceResult

if TYPE_CHECKING:
    from teletravail.scheduling.centres import TelecentreNetwork
    from teletravail.units import Quantity

__all__ = ["COMPONENT_KINDS", "Allowance"]


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
        if not isinstance(schedule, Schedule):
            raise ValidationError(
                "schedule",
                schedule,
                Phrase(
                    "a Schedule (see teletravail.scheduling.plan)",
                    "un objet Schedule (voir teletravail.scheduling.plan)",
                ),
            )
        check_schedule(schedule, network)
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
