"""Allowances of the schemes known from the press and of the national texts, with their
sources."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from teletravail.bibliography import LOT_2013_GENERALISATION
from teletravail.dated import DatedParameter, DatedValue, Source
from teletravail.errors import ValidationError
from teletravail.units import per_registry

from .components import Allowance, EmployerCost, MonthlyFlat, OneOff, PerDay
from .forfait import DECRET_2021_1123, forfait_annual_cap, forfait_daily_rate

__all__ = [
    "forfait_teletravail",
    "lot_2013",
    "urssaf_monthly_flat",
    "urssaf_per_day",
]

LOT_2013 = attrs.evolve(
    LOT_2013_GENERALISATION,
    reference="100\u00a0€ versés une fois au démarrage, matériel informatique fourni",
)
BOSS = Source(
    title="URSSAF / BOSS, frais professionnels: télétravail",
    reference="arrêté du 20 décembre 2002, art. 6 and 10; limits exempt from contributions",
)
BOSS_UNCONFIRMED = Source(
    title="URSSAF / BOSS, frais professionnels: télétravail",
    reference="arrêté du 20 décembre 2002, art. 6 and 10",
    note="unconfirmed: secondary sources quoting the BOSS disagree",
)


@per_registry
def forfait_teletravail() -> PerDay:
    """The public-service forfait: 2.50 EUR a day capped at 220 EUR a year from
    2021-09-01, 2.88 EUR capped at 253.44 EUR from 2023 (282.24 EUR for 2024 only),
    payable at home or in a tiers-lieu without an employer-funded canteen."""
    return PerDay(
        name="forfait télétravail",
        rate=forfait_daily_rate(),
        cap=forfait_annual_cap(),
        cap_per="year",
        places={"home", "other", "telecentre"},
        source=DECRET_2021_1123,
    )


def lot_2013(laptop: str | None = None) -> Allowance:
    """The Lot from 2013 (La Gazette des communes, 6 July 2012): 100 EUR once, at the
    start; the equipment is the employer's cost, shown apart when its price is given
    (``laptop="750 EUR"``)."""
    components: list[OneOff | EmployerCost] = [
        OneOff(name="indemnité de démarrage", amount="100 EUR", source=LOT_2013)
    ]
    if laptop is not None:
        components.append(EmployerCost(name="laptop", amount=laptop, source=LOT_2013))
    return Allowance(components=components)


Row = tuple[str, str, Source, str | None]


def _flag(value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError("collective_agreement", value, "true or false")


def _dated(name: str, rows: Sequence[Row], dimension: str) -> DatedParameter:
    return DatedParameter(
        name=name,
        dimension=dimension,
        values=[
            DatedValue(start=start, value=value, source=source, note=note)
            for start, value, source, note in rows
        ],
    )


@per_registry
def urssaf_per_day(collective_agreement: bool = False) -> PerDay:
    """The private-sector limit per telework day exempt from contributions, with its
    monthly cap (22 days); higher under a collective agreement."""
    _flag(collective_agreement)
    if collective_agreement:
        unclear = "2024 unclear: one source still quotes the 2020 figures"
        rate_rows: list[Row] = [
            ("2020-01-01", "3.25 EUR/workday", BOSS, None),
            ("2024-01-01", "3.25 EUR/workday", BOSS_UNCONFIRMED, unclear),
            ("2025-01-01", "3.30 EUR/workday", BOSS_UNCONFIRMED, None),
        ]
        cap_rows: list[Row] = [
            ("2020-01-01", "71.50 EUR", BOSS, None),
            ("2024-01-01", "71.50 EUR", BOSS_UNCONFIRMED, unclear),
            ("2025-01-01", "72.60 EUR", BOSS_UNCONFIRMED, None),
        ]
    else:
        rate_rows = [
            ("2020-01-01", "2.50 EUR/workday", BOSS, None),
            ("2023-01-01", "2.60 EUR/workday", BOSS, None),
            ("2024-01-01", "2.70 EUR/workday", BOSS_UNCONFIRMED, "2.60 in some sources"),
            ("2025-01-01", "2.70 EUR/workday", BOSS, None),
        ]
        cap_rows = [
            ("2020-01-01", "55.00 EUR", BOSS, None),
            ("2023-01-01", "57.20 EUR", BOSS, None),
            ("2024-01-01", "59.40 EUR", BOSS_UNCONFIRMED, "57.20 in some sources"),
            ("2025-01-01", "59.40 EUR", BOSS, None),
        ]
    suffix = ".collective_agreement" if collective_agreement else ""
    return PerDay(
        name="URSSAF limit per day" + (" (collective agreement)" if collective_agreement else ""),
        rate=_dated(f"urssaf.per_day{suffix}", rate_rows, "[currency] / [workday]"),
        cap=_dated(f"urssaf.monthly_cap{suffix}", cap_rows, "[currency]"),
        cap_per="month",
        places={"home", "other", "telecentre"},
        source=BOSS,
    )


@per_registry
def urssaf_monthly_flat(collective_agreement: bool = False) -> MonthlyFlat:
    """The private-sector monthly flat limit per weekly telework day, paid for every
    calendar month the period touches (a partial month counts in full)."""
    _flag(collective_agreement)
    unit = "EUR/(workday/week)"
    if collective_agreement:
        rows: list[Row] = [
            ("2020-01-01", f"13.00 {unit}", BOSS, None),
            ("2024-01-01", f"13.00 {unit}", BOSS_UNCONFIRMED, "2024 unclear"),
            ("2025-01-01", f"13.20 {unit}", BOSS_UNCONFIRMED, None),
        ]
    else:
        rows = [
            ("2020-01-01", f"10.00 {unit}", BOSS, None),
            ("2023-01-01", f"10.40 {unit}", BOSS, None),
            ("2024-01-01", f"10.70 {unit}", BOSS_UNCONFIRMED, None),
            ("2025-01-01", f"10.90 {unit}", BOSS_UNCONFIRMED, "11.00 in other sources"),
            ("2026-01-01", f"11.00 {unit}", BOSS_UNCONFIRMED, "10.90 in other sources"),
        ]
    suffix = ".collective_agreement" if collective_agreement else ""
    return MonthlyFlat(
        name="URSSAF monthly flat" + (" (collective agreement)" if collective_agreement else ""),
        rate=_dated(f"urssaf.monthly_flat{suffix}", rows, "[currency] * [time] / [workday]"),
        source=BOSS,
    )
