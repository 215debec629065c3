"""Ready-made quota rules of national texts that are not a territory's scheme.

The schemes themselves (the Lot, the Cantal, the Lozère, the public-service framework)
are the documents of :mod:`teletravail.presets`: their quotas are
``presets.load(name).quota``. What stays here is a rule a policy may add to its own
quota, with its source from the catalogue (:mod:`teletravail.sources`); the national
derogations are :func:`~teletravail.scheduling.derogations.national_derogations`.
"""

from __future__ import annotations

from teletravail import sources

from .working_time import PartTimeCap

__all__ = ["part_time_caps"]

#: The arrêté the part-time caps come from (unconfirmed: which ministry's is not known).
PART_TIME_ARRETE = sources.ARRETE_TEMPS_PARTIEL


def part_time_caps() -> tuple[PartTimeCap, ...]:
    """The part-time caps of one ministerial arrêté: 2.5 days a week between 60 % and
    90 %, 1.5 days at half time (unconfirmed; a policy-level rule, not the décret's)."""
    return (
        PartTimeCap(low="60 %", high="90 %", maximum="2.5 workday/week", source=PART_TIME_ARRETE),
        PartTimeCap(low="50 %", high="50 %", maximum="1.5 workday/week", source=PART_TIME_ARRETE),
    )
