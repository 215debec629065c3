"""The public-service "forfait télétravail": its daily rate and annual cap, as dated values.

Texts: décret n° 2021-1123 du 26 août 2021 (the allowance, paid quarterly), the arrêté
of 26 August 2021 (2.50 EUR a day, 220 EUR a year), the arrêté of 23 November 2022 (2.88
EUR and 253.44 EUR from 2023) and the arrêté of 3 April 2024 (282.24 EUR for 2024, in
the State and hospital branches). The daily rate and the cap apply to telework days
requested and authorised; the cap is per calendar year. In local public bodies (fonction
publique territoriale) the forfait exists only by a deliberation of the council, which
may set a lower cap.
"""

from __future__ import annotations

from teletravail.dated import DatedParameter, DatedValue, Source
from teletravail.units import CURRENCY, per_registry

__all__ = ["forfait_annual_cap", "forfait_daily_rate"]

DECRET_2021_1123 = Source(
    title="Décret n° 2021-1123 du 26 août 2021",
    reference="allocation forfaitaire de télétravail, in force 2021-09-01, paid quarterly",
)
ARRETE_2021_08_26 = Source(
    title="Arrêté du 26 août 2021",
    reference="art. 1 (amounts), taken for décret n° 2021-1123",
)
ARRETE_2022_11_23 = Source(
    title="Arrêté du 23 novembre 2022",
    reference="JORF 27 November 2022",
)
ARRETE_2024_04_03 = Source(
    title="Arrêté du 3 avril 2024",
    reference="JORF 20 April 2024; telework days of calendar year 2024",
    note="State and hospital branches; a local body needs its own deliberation",
)


@per_registry
def forfait_daily_rate() -> DatedParameter:
    """EUR per telework day: 2.50 from 2021-09-01, 2.88 from 2023-01-01."""
    return DatedParameter(
        name="forfait_teletravail.daily_rate",
        description="public-service telework allowance, per telework day",
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
    """EUR per calendar year: 220.00, then 253.44 from 2023 (282.24 for 2024 only)."""
    return DatedParameter(
        name="forfait_teletravail.annual_cap",
        description="public-service telework allowance, cap per calendar year",
        dimension=CURRENCY,
        values=(
            DatedValue(
                start="2021-09-01",
                end="2022-12-31",
                value="220.00 EUR",
                source=ARRETE_2021_08_26,
                note="88 days at 2.50 EUR",
            ),
            DatedValue(
                start="2023-01-01",
                value="253.44 EUR",
                source=ARRETE_2022_11_23,
                note="88 days at 2.88 EUR",
            ),
            DatedValue(
                start="2024-01-01",
                end="2024-12-31",
                value="282.24 EUR",
                source=ARRETE_2024_04_03,
                note="98 days at 2.88 EUR; calendar year 2024 only",
            ),
        ),
    )
