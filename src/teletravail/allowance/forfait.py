"""The public-service "forfait télétravail": its daily rate and annual cap, as dated values.

Texts: décret n° 2021-1123 of 26 August 2021 and its arrêtés of 26 August 2021,
23 November 2022 and 3 April 2024. The daily rate and the cap apply to telework days
requested and authorised; the cap is per calendar year. The 2024 cap differs by branch
of the civil service: 282.24 EUR (98 days at 2.88 EUR) in the State and hospital
branches; in local public bodies (fonction publique territoriale) the forfait exists
only by a deliberation of the council, which may set a lower cap, and the 2024 cap
applies only by the body's own deliberation (:func:`forfait_annual_cap_territorial`).
The branches, and the other national parameters a policy may name, are listed in
:mod:`.national`.
"""

from __future__ import annotations

from teletravail import sources
from teletravail.dated import DatedParameter, DatedValue
from teletravail.messages import Phrase
from teletravail.units import CURRENCY, per_registry

__all__ = ["forfait_annual_cap", "forfait_annual_cap_territorial", "forfait_daily_rate"]

# The texts, from the catalogue of sources.
DECRET_2021_1123 = sources.DECRET_2021_1123
ARRETE_2021_08_26 = sources.ARRETE_2021_08_26
ARRETE_2022_11_23 = sources.ARRETE_2022_11_23
ARRETE_2024_04_03 = sources.ARRETE_2024_04_03
#: The arrêté of 23 November 2022 as it applies to a local body.
#: In a local body, the forfait is paid by a deliberation of the council, which may set a
#: lower cap; the 282.24 EUR cap of 2024 (arrêté du 3 avril 2024) applies to a local body
#: only by its own deliberation (the entries' notes say so).
LOCAL_BODIES = sources.ARRETE_2022_11_23


@per_registry
def forfait_daily_rate() -> DatedParameter:
    """EUR per telework day: 2.50 from 2021-09-01, 2.88 from 2023-01-01."""
    return DatedParameter(
        name="forfait_teletravail.daily_rate",
        description=Phrase(
            "public-service telework allowance, per telework day",
            "forfait télétravail de la fonction publique, par jour de télétravail",
        ),
        dimension=f"{CURRENCY} / [workday]",
        values=(
            DatedValue(
                start="2021-09-01",
                end="2022-12-31",
                value="2.50 EUR/workday",
                source=ARRETE_2021_08_26,
            ),
            DatedValue(start="2023-01-01", value="2.88 EUR/workday", source=ARRETE_2022_11_23),
        ),
    )


@per_registry
def forfait_annual_cap() -> DatedParameter:
    """EUR per calendar year in the State and hospital branches: 220.00, then 253.44
    from 2023 (282.24 for 2024 only)."""
    return DatedParameter(
        name="forfait_teletravail.annual_cap",
        description=Phrase(
            "public-service telework allowance, cap per calendar year",
            "forfait télétravail de la fonction publique, plafond par année civile",
        ),
        dimension=CURRENCY,
        values=(
            DatedValue(
                start="2021-09-01",
                end="2022-12-31",
                value="220.00 EUR",
                source=ARRETE_2021_08_26,
                note=Phrase("88 days at €2.50", "88 jours à 2,50\u00a0€"),
            ),
            DatedValue(
                start="2023-01-01",
                value="253.44 EUR",
                source=ARRETE_2022_11_23,
                note=Phrase("88 days at €2.88", "88 jours à 2,88\u00a0€"),
            ),
            DatedValue(
                start="2024-01-01",
                end="2024-12-31",
                value="282.24 EUR",
                source=ARRETE_2024_04_03,
                note=Phrase(
                    "98 days at €2.88; calendar year 2024 only",
                    "98 jours à 2,88\u00a0€\u202f; année civile 2024 seulement",
                ),
            ),
        ),
    )


@per_registry
def forfait_annual_cap_territorial() -> DatedParameter:
    """EUR per calendar year in a local public body (fonction publique territoriale):
    220.00, then 253.44 from 2023, 2024 included unless the body's own deliberation
    adopts the 282.24 EUR cap."""
    return DatedParameter(
        name="forfait_teletravail.annual_cap.territorial",
        description=Phrase(
            "public-service telework allowance, cap per calendar year, local bodies",
            "forfait télétravail de la fonction publique, plafond par année civile, "
            "collectivités territoriales",
        ),
        dimension=CURRENCY,
        values=(
            DatedValue(
                start="2021-09-01",
                end="2022-12-31",
                value="220.00 EUR",
                source=ARRETE_2021_08_26,
                note=Phrase("88 days at €2.50", "88 jours à 2,50\u00a0€"),
            ),
            DatedValue(
                start="2023-01-01",
                value="253.44 EUR",
                source=LOCAL_BODIES,
                note=Phrase(
                    "88 days at €2.88; in 2024 too, unless the body's own deliberation"
                    " adopts the €282.24 cap",
                    "88 jours à 2,88\u00a0€\u202f; en 2024 aussi, sauf si la collectivité"
                    " adopte par délibération le plafond de 282,24\u00a0€",
                ),
            ),
        ),
    )
