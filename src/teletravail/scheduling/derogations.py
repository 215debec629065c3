"""Derogations: what a derogation of one kind (health, pregnancy, carer, exceptional)
allows while it is in force (:class:`DerogationRule`: a weekly cap of its own, no
on-site minimum, for a longest duration), and the public-service rules
(:func:`national_derogations`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from teletravail import sources
from teletravail._checks import enum_value, is_bool, optional_source
from teletravail.dated import Duration
from teletravail.sources import Source
from teletravail.workforce import Agent, DerogationKind

from .counting import days_per_week

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["DECRET_2021_1725", "DerogationRule", "national_derogations"]


def _optional_cap(value: Any) -> Quantity | None:
    return None if value is None else days_per_week(value, "maximum")


def _derogation_kind(value: Any) -> DerogationKind:
    return enum_value(DerogationKind, value, "kind")


def _optional_duration(value: Any) -> Duration | None:
    return None if value is None else Duration.parse(value)


@attrs.frozen(kw_only=True)
class DerogationRule:
    """What a derogation of one ``kind`` allows while it is in force.

    ``maximum`` is the weekly cap during the derogation (``None``: every day worked);
    the on-site minimum does not apply. ``duration`` is the longest a derogation may
    last before it must be renewed (``None``: no limit); past it, the agent's derogation
    no longer lifts the cap.
    """

    kind: DerogationKind = attrs.field(converter=_derogation_kind)
    duration: Duration | None = attrs.field(default=None, converter=_optional_duration)
    renewable: bool = attrs.field(default=True, validator=is_bool)
    maximum: Quantity | None = attrs.field(default=None, converter=_optional_cap)
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def covers(self, agent: Agent, on: dt.date) -> bool:
        """Whether ``agent`` holds a derogation of this kind in force on ``on``, within
        the longest duration allowed."""
        held_here = sorted(
            (d for d in agent.derogations if d.kind is self.kind), key=lambda d: d.start
        )
        for position, held in enumerate(held_here):
            if not held.active_on(on):
                continue
            if position and not self.renewable:
                continue  # a rule that cannot be renewed covers the first grant only
            if self.duration is None or on < self.duration.after(held.start):
                return True
        return False


#: Art. 4 as amended in 2021: the derogations to the 3-day cap (their durations read in
#: secondary sources quoting the décret).
DECRET_2021_1725 = attrs.evolve(
    sources.DECRET_2016_151, article="4", amended_by=sources.DECRET_2021_1725.title
)


def national_derogations() -> tuple[DerogationRule, ...]:
    """The public-service derogations above 3 days a week (décret n° 2016-151, art. 4,
    as amended by décret n° 2021-1725).

    Health or disability: 6 months, renewable; pregnancy: no duration in the text;
    carers: 3 months, renewable; exceptional situations: temporary, no set duration and
    no limit on renewal in the text.
    """
    return (
        DerogationRule(kind="health", duration=Duration(months=6), source=DECRET_2021_1725),
        DerogationRule(kind="pregnancy", source=DECRET_2021_1725),
        DerogationRule(kind="carer", duration=Duration(months=3), source=DECRET_2021_1725),
        DerogationRule(kind="exceptional", source=DECRET_2021_1725),
    )
