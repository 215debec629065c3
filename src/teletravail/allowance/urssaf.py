"""The URSSAF limits of a private employer's telework allowance, as dated values.

What an employer may pay without social contributions (the BOSS, frais professionnels;
arrêté of 20 December 2002, art. 6 and 10): an amount per telework day with its monthly
cap (22 days), or a monthly flat amount per weekly telework day; higher limits under a
collective agreement. The amounts are revalued each 1 January; where secondary sources
disagree on a year's figure, its source says "unconfirmed" and the note gives the other
figure. The components that pay them are listed, with the public-service forfait, in
:mod:`.national`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from teletravail import sources
from teletravail.dated import DatedParameter, DatedValue
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.sources import Source
from teletravail.units import per_registry

__all__ = ["urssaf_daily_rate", "urssaf_monthly_cap", "urssaf_monthly_flat_rate"]

BOSS = sources.URSSAF_BOSS
#: The places where a day is paid: home, another place or a télécentre.
#: Unconfirmed: one secondary source says the exemption covers home telework only.
BOSS_PLACES = attrs.evolve(sources.URSSAF_BOSS, unconfirmed=True)
#: Unconfirmed: secondary sources disagree on the figure.
BOSS_UNCONFIRMED = attrs.evolve(sources.URSSAF_BOSS, unconfirmed=True)

#: One dated value: its start, its value, its source and a note.
Row = tuple[str, str, Source, str | None]

_UNCLEAR = Phrase(
    "2024 unclear: one source still quotes the 2020 figures",
    "2024 incertain\u00a0: une source cite encore les montants de 2020",
)


def _flag(value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError(
            "collective_agreement", value, Phrase("true or false", "true ou false")
        )


def _dated(name: str, rows: Sequence[Row], dimension: str) -> DatedParameter:
    return DatedParameter(
        name=name,
        dimension=dimension,
        values=[
            DatedValue(start=start, value=value, source=source, note=note)
            for start, value, source, note in rows
        ],
    )


def _suffix(collective_agreement: bool) -> str:
    return ".collective_agreement" if collective_agreement else ""


@per_registry
def urssaf_daily_rate(collective_agreement: bool = False) -> DatedParameter:
    """EUR per telework day: 2.50 from 2020, 2.60 in 2023, 2.70 from 2024; under a
    collective agreement 3.25, then 3.30 from 2025."""
    _flag(collective_agreement)
    if collective_agreement:
        rows: list[Row] = [
            ("2020-01-01", "3.25 EUR/workday", BOSS, None),
            ("2024-01-01", "3.25 EUR/workday", BOSS_UNCONFIRMED, _UNCLEAR),
            ("2025-01-01", "3.30 EUR/workday", BOSS_UNCONFIRMED, None),
        ]
    else:
        rows = [
            ("2020-01-01", "2.50 EUR/workday", BOSS, None),
            ("2023-01-01", "2.60 EUR/workday", BOSS, None),
            ("2024-01-01", "2.70 EUR/workday", BOSS_UNCONFIRMED, "2.60 in some sources"),
            ("2025-01-01", "2.70 EUR/workday", BOSS, None),
        ]
    name = f"urssaf.per_day{_suffix(collective_agreement)}"
    return _dated(name, rows, "[currency] / [workday]")


@per_registry
def urssaf_monthly_cap(collective_agreement: bool = False) -> DatedParameter:
    """EUR per calendar month, 22 days at the daily rate: 55.00 from 2020, 57.20 in
    2023, 59.40 from 2024; under a collective agreement 71.50, then 72.60 from 2025."""
    _flag(collective_agreement)
    if collective_agreement:
        rows: list[Row] = [
            ("2020-01-01", "71.50 EUR", BOSS, None),
            ("2024-01-01", "71.50 EUR", BOSS_UNCONFIRMED, _UNCLEAR),
            ("2025-01-01", "72.60 EUR", BOSS_UNCONFIRMED, None),
        ]
    else:
        rows = [
            ("2020-01-01", "55.00 EUR", BOSS, None),
            ("2023-01-01", "57.20 EUR", BOSS, None),
            ("2024-01-01", "59.40 EUR", BOSS_UNCONFIRMED, "57.20 in some sources"),
            ("2025-01-01", "59.40 EUR", BOSS, None),
        ]
    name = f"urssaf.monthly_cap{_suffix(collective_agreement)}"
    return _dated(name, rows, "[currency]")


@per_registry
def urssaf_monthly_flat_rate(collective_agreement: bool = False) -> DatedParameter:
    """EUR a month per weekly telework day: 10.00 from 2020, 10.40 in 2023, 10.70 in
    2024, 10.90 in 2025 and 11.00 in 2026 (both unconfirmed); under a collective
    agreement 13.00, then 13.20 from 2025."""
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
    name = f"urssaf.monthly_flat{_suffix(collective_agreement)}"
    return _dated(name, rows, "[currency] * [time] / [workday]")
