"""Ready-made components that pay a national amount: the public-service forfait and the
URSSAF limits, with their sources.

They are national parameters (:mod:`.national`), not a territory's scheme: the schemes
(the Lot's 100 EUR at the start, the public-service framework) are the documents of
:mod:`teletravail.presets`, whose allowances are ``presets.load(name).allowance``.
"""

from __future__ import annotations

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import per_registry

from .national import national_component
from .rates import MonthlyFlat, PerDay

# the URSSAF texts and rows, now written with their dated values (in .urssaf)
from .urssaf import BOSS as BOSS
from .urssaf import BOSS_UNCONFIRMED as BOSS_UNCONFIRMED
from .urssaf import Row as Row

__all__ = [
    "forfait_teletravail",
    "urssaf_monthly_flat",
    "urssaf_per_day",
]


def _per_day(parameter: str, branch: str | None = None) -> PerDay:
    component = national_component(parameter, branch)
    assert isinstance(component, PerDay)
    return component


@per_registry
def forfait_teletravail() -> PerDay:
    """The public-service forfait of the State branch (the national parameter
    ``forfait-teletravail``, branch ``state``): 2.50 EUR a day capped at 220 EUR a year
    from 2021-09-01, 2.88 EUR capped at 253.44 EUR from 2023 (282.24 EUR for 2024 only),
    payable at home or in a tiers-lieu without an employer-funded canteen."""
    return _per_day("forfait-teletravail", "state")


def _agreement(parameter: str, collective_agreement: bool) -> str:
    if not isinstance(collective_agreement, bool):
        raise ValidationError(
            "collective_agreement", collective_agreement, Phrase("true or false", "true ou false")
        )
    return parameter + ("-collective-agreement" if collective_agreement else "")


@per_registry
def urssaf_per_day(collective_agreement: bool = False) -> PerDay:
    """The private-sector limit per telework day exempt from contributions, with its
    monthly cap (22 days); higher under a collective agreement (the national
    parameters ``urssaf-per-day`` and ``urssaf-per-day-collective-agreement``)."""
    return _per_day(_agreement("urssaf-per-day", collective_agreement))


@per_registry
def urssaf_monthly_flat(collective_agreement: bool = False) -> MonthlyFlat:
    """The private-sector monthly flat limit per weekly telework day, paid for every
    calendar month the period touches (a partial month counts in full); the national
    parameters ``urssaf-monthly-flat`` and ``urssaf-monthly-flat-collective-agreement``."""
    component = national_component(_agreement("urssaf-monthly-flat", collective_agreement))
    assert isinstance(component, MonthlyFlat)
    return component
