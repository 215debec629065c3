"""Emission factors per commuting mode, dated and sourced.

ADEME's factors as impactco2 uses them (ADEME's Base Empreinte, in the data of the
incubateur-ademe/impactco2 repository): kg CO2e per passenger-km, life cycle (vehicle
construction and fuel or electricity). The car factors changed on 2026-05-04, when
impactco2 took ADEME's 2025 car model; the values before are those of impactco2's code
from at least January 2025, and stand in for every earlier date (an assumption, noted in
their source: for an old assessment, give the factors of the time).
:func:`tailpipe_2012`, a type-approval factor of 2012 cars, serves to reproduce old
assessments such as the Lot's of 2012.
"""

from __future__ import annotations

import attrs

from teletravail import sources
from teletravail.dated import DatedParameter, DatedValue
from teletravail.messages import Phrase
from teletravail.units import per_registry
from teletravail.workforce import CommuteMode

__all__ = ["IMPACTCO2", "emission_factors", "tailpipe_2012"]

#: The factors as the impactco2 repository gives them (its travel categories).
IMPACTCO2 = attrs.evolve(
    sources.IMPACTCO2,
    url="https://github.com/incubateur-ademe/impactco2/tree/main/src/data/categories",
)
#: Unconfirmed before 2025: the value stands in for earlier years.
IMPACTCO2_BACKDATED = attrs.evolve(IMPACTCO2, unconfirmed=True)
#: The values before May 2026, at the repository's commit 6b5ce0d4 of 12 January 2025.
#: Unconfirmed dates: attested from 12 January 2025; the switch on 4 May 2026 is attested
#: for cars only.
IMPACTCO2_OTHER_BEFORE = attrs.evolve(
    sources.IMPACTCO2,
    url="https://github.com/incubateur-ademe/impactco2/tree/6b5ce0d4/src/data/categories",
    unconfirmed=True,
)
#: Unconfirmed start date: the value is attested from 12 January 2025.
IMPACTCO2_BEFORE = IMPACTCO2_OTHER_BEFORE
_START = "1990-01-01"  # earlier values are unknown: the first known ones stand in
_CHANGE = "2026-05-04"
UNIT = "kg CO2e/km"

# mode: (value before the May 2026 change or None if unchanged, value since)
_TABLE: dict[CommuteMode, tuple[float | None, float]] = {
    CommuteMode.CAR_THERMAL: (0.2176, 0.1423),
    CommuteMode.CAR_ELECTRIC: (0.1034, 0.0674),
    CommuteMode.MOTORBIKE: (0.1913, 0.2147),
    CommuteMode.BUS: (0.1132, 0.1224),
    CommuteMode.TRAIN_REGIONAL: (None, 0.0277),
    CommuteMode.TRAM: (None, 0.0043),
    CommuteMode.BIKE: (None, 0.00017),
    CommuteMode.WALKING: (None, 0.0),
}


@per_registry
def emission_factors() -> dict[CommuteMode, DatedParameter]:
    """One dated parameter per mode, in kg CO2e per km, with its source."""
    found: dict[CommuteMode, DatedParameter] = {}
    for mode, (before, since) in _TABLE.items():
        if before is None:
            values = [DatedValue(start=_START, value=f"{since} {UNIT}", source=IMPACTCO2_BACKDATED)]
        else:
            values = [
                DatedValue(
                    start=_START,
                    value=f"{before} {UNIT}",
                    source=IMPACTCO2_BEFORE
                    if mode in (CommuteMode.CAR_THERMAL, CommuteMode.CAR_ELECTRIC)
                    else IMPACTCO2_OTHER_BEFORE,
                ),
                DatedValue(start=_CHANGE, value=f"{since} {UNIT}", source=IMPACTCO2),
            ]
        only = mode is CommuteMode.BIKE
        found[mode] = DatedParameter(
            name=f"emission_factor.{mode.value}",
            dimension="[mass] * [co2e] / [length]",
            description=Phrase(
                "life-cycle emissions per passenger-km" + (" (construction only)" if only else ""),
                "émissions sur le cycle de vie par voyageur-km"
                + (" (construction seulement)" if only else ""),
            ),
            values=values,
        )
    return found


@per_registry
def tailpipe_2012() -> DatedParameter:
    """0.116 kg CO2 per km: a type-approval tailpipe factor of 2012 cars (new cars sold in
    France averaged 124 g/km in 2012), the one that reproduces the Lot's 2012 figures."""
    return DatedParameter(
        name="emission_factor.tailpipe_2012",
        dimension="[mass] * [co2e] / [length]",
        description=Phrase(
            "tailpipe, type-approval, cars of about 2012",
            "à l'échappement, homologation, voitures des années 2012",
        ),
        values=[
            DatedValue(
                start="2000-01-01",
                value=f"0.116 {UNIT}",
                # "bilan de juin 2012 : 38 735 km évités pour 4,5 t de CO2". Unconfirmed:
                # inferred, 4.5 t / 38,735 km; the assessment's method is not published.
                source=attrs.evolve(sources.LOT_PILOT, unconfirmed=True),
            )
        ],
    )
