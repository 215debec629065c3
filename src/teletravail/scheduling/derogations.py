"""Derogations: what a derogation of one kind (health, pregnancy, carer, exceptional)
allows while it is in force (:class:`DerogationRule`: a weekly cap of its own, no
on-site minimum, for a longest duration, renewed so many times), why a derogation held
does not lift the cap (:meth:`DerogationRule.lapse`), and the public-service rules
(:func:`national_derogations`).

A derogation an agent holds is one grant; each later grant of the same kind is a
renewal. Every grant lifts the cap again, for the rule's longest duration from its own
start, as long as the rule allows that many renewals.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from teletravail import formats, sources
from teletravail._checks import enum_value, is_bool, optional_source
from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.explain import format_value
from teletravail.messages import Phrase
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


def _renewals(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValidationError(
            attribute.name,
            value,
            Phrase(
                "a whole number of renewals, 0 or more, or None",
                "un nombre entier de renouvellements, 0 ou plus, ou None",
            ),
        )


def _words(value: Any) -> Phrase:
    """A date or duration in words, in both languages."""
    if isinstance(value, dt.date):
        return Phrase(formats.date(value, "en"), formats.date(value, "fr"))
    return Phrase(format_value(value, "en"), format_value(value, "fr"))


@attrs.frozen(kw_only=True)
class DerogationRule:
    """What a derogation of one ``kind`` allows while it is in force.

    ``maximum`` is the weekly cap during the derogation (``None``: every day worked);
    the on-site minimum does not apply. ``duration`` is the longest a derogation may
    last before it must be renewed (``None``: no limit); past it, the agent's derogation
    no longer lifts the cap. ``renewals`` is the most renewals after the first grant
    (``None``: no limit, ``0``: the first grant only, as ``renewable=False`` says);
    the agent's later grants of the kind lift the cap again, each from its own start.
    """

    kind: DerogationKind = attrs.field(converter=_derogation_kind)
    duration: Duration | None = attrs.field(default=None, converter=_optional_duration)
    renewable: bool = attrs.field(default=True, validator=is_bool)
    maximum: Quantity | None = attrs.field(default=None, converter=_optional_cap)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    renewals: int | None = attrs.field(default=None, validator=_renewals)

    @property
    def most_renewals(self) -> int | None:
        """The most renewals the rule allows (``None``: no limit): none when it is not
        renewable, else ``renewals``."""
        return 0 if not self.renewable else self.renewals

    def covers(self, agent: Agent, on: dt.date) -> bool:
        """Whether ``agent`` holds a derogation of this kind in force on ``on``, within
        the longest duration and the renewals allowed."""
        return any(reason is None for reason in self._grants_on(agent, on))

    def lapse(self, agent: Agent, on: dt.date) -> Phrase | None:
        """Why the derogation of this kind ``agent`` holds on ``on`` does not lift the
        cap (a renewal beyond those the rule allows, or a grant past its longest
        duration), with the rule's source; ``None`` when it lifts the cap, or when the
        agent holds none on ``on``."""
        reasons = self._grants_on(agent, on)
        if not reasons or any(reason is None for reason in reasons):
            return None
        reason = reasons[-1]
        assert reason is not None
        if self.source is None:
            return reason
        return Phrase(
            "{reason} ({source})",
            "{reason} ({source})",
            reason=reason,
            source=Phrase(self.source.cite("en"), self.source.cite("fr")),
        )

    def _grants_on(self, agent: Agent, on: dt.date) -> list[Phrase | None]:
        """For each grant of this kind in force on ``on``, in date order: ``None`` when
        it lifts the cap, else why it does not."""
        held_here = sorted(
            (d for d in agent.derogations if d.kind is self.kind), key=lambda d: d.start
        )
        most = self.most_renewals
        found: list[Phrase | None] = []
        for position, held in enumerate(held_here):
            if not held.active_on(on):
                continue
            if most is not None and position > most:
                found.append(
                    Phrase(
                        "the grant of {start} is renewal number {n}, beyond the renewals the"
                        " rule allows: at most {most}",
                        "l'octroi du {start} est le renouvellement n°\u00a0{n}, au-delà des"
                        " renouvellements que la règle permet\u00a0: au plus {most}",
                        start=_words(held.start),
                        n=position,
                        most=most,
                    )
                )
            elif self.duration is not None and on >= self.duration.after(held.start):
                found.append(
                    Phrase(
                        "the grant of {start} reached its longest length of {length} on {end}",
                        "l'octroi du {start} a atteint sa durée maximale de {length} le {end}",
                        start=_words(held.start),
                        length=_words(self.duration),
                        end=_words(self.duration.after(held.start)),
                    )
                )
            else:
                found.append(None)
        return found


#: Art. 4 as amended in 2021: the derogations to the 3-day cap (their durations read in
#: secondary sources quoting the décret).
DECRET_2021_1725 = attrs.evolve(
    sources.DECRET_2016_151, article="4", amended_by=sources.DECRET_2021_1725.title
)


def national_derogations() -> tuple[DerogationRule, ...]:
    """The public-service derogations above 3 days a week (décret n° 2016-151, art. 4,
    as amended by décret n° 2021-1725), each with its renewal rule.

    Health or disability: 6 months, renewable with no limit on the number of renewals;
    pregnancy: no duration in the text (nothing to renew); carers: 3 months, renewable
    with no limit; exceptional situations: temporary, no set duration and no limit on
    renewal in the text. The earlier wordings of art. 4 (renewable once in 2016, once
    per authorisation period in 2019) are the framework's history, in
    :func:`teletravail.conformity.derogation_renewals_in_force`.
    """
    return (
        DerogationRule(
            kind="health", duration=Duration(months=6), renewals=None, source=DECRET_2021_1725
        ),
        DerogationRule(kind="pregnancy", renewals=None, source=DECRET_2021_1725),
        DerogationRule(
            kind="carer", duration=Duration(months=3), renewals=None, source=DECRET_2021_1725
        ),
        DerogationRule(kind="exceptional", renewals=None, source=DECRET_2021_1725),
    )
