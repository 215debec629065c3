"""Rebound effects: what telework adds back to the emissions its avoided commutes save.

ADEME's 2020 study of telework's effects gives two shares of the gross benefit (the extra
errand and school trips, 25 %; the net average of all effects, 31 %); a policy may
instead give components per telework day (home energy, videoconferencing). The report
of :func:`~teletravail.impact.commute.commute_impact` shows gross, rebound and net apart.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail import sources
from teletravail._checks import enum_value, optional_source
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.sources import Source
from teletravail.units import as_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["ADEME_2020", "Rebound", "ReboundKind"]

#: The study's figures: 271 kg CO2e a year per weekly telework day; modal chains +67.7
#: (25 %); net -31 %.
ADEME_2020 = sources.ADEME_REBOUND_2020


class ReboundKind(enum.StrEnum):
    """Which rebound effect to subtract from the gross emissions avoided."""

    NONE = "none"
    ADEME_TRIPS = "ademe_trips"
    ADEME_NET = "ademe_net"
    PER_DAY = "per_day"


def _kind(value: Any) -> ReboundKind:
    return enum_value(ReboundKind, value, "rebound.kind")


def _per_day(value: Any) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field="rebound.per_day", dimension="[mass] * [co2e] / [workday]")
    if not float(quantity.m_as("kg CO2e/workday")) >= 0:
        raise ValidationError(
            "rebound.per_day",
            value,
            Phrase(
                "an amount >= 0 kg CO2e per workday",
                "une masse positive ou nulle de kg CO2e par jour de travail",
            ),
        )
    return quantity


@attrs.frozen(kw_only=True)
class Rebound:
    """A rebound effect: none; ADEME's extra errand and school trips (25 % of the
    emissions avoided, impactco2's default); ADEME's net average of all effects (31 %);
    or components given per telework day (home energy, videoconferencing)."""

    kind: ReboundKind = attrs.field(default=ReboundKind.NONE, converter=_kind)
    per_day: Quantity | None = attrs.field(default=None, converter=_per_day)
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def __attrs_post_init__(self) -> None:
        if (self.kind is ReboundKind.PER_DAY) != (self.per_day is not None):
            raise ValidationError(
                "rebound.per_day",
                self.per_day,
                Phrase(
                    "an amount per day exactly when kind is per_day",
                    "une masse par jour si et seulement si kind vaut per_day",
                ),
            )

    @classmethod
    def ademe_trips(cls) -> Rebound:
        """25 % of the avoided emissions go to extra trips (ADEME 2020, impactco2)."""
        return cls(kind=ReboundKind.ADEME_TRIPS, source=ADEME_2020)

    @classmethod
    def ademe_net(cls) -> Rebound:
        """The net average of all rebound effects: 31 % of the benefit (ADEME 2020)."""
        return cls(kind=ReboundKind.ADEME_NET, source=ADEME_2020)

    def kilograms(
        self, gross_kg: npt.NDArray[np.float64], days: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """The rebound, in kg CO2e, for gross avoided emissions and telework days."""
        if self.kind is ReboundKind.ADEME_TRIPS:
            return gross_kg * 0.25
        if self.kind is ReboundKind.ADEME_NET:
            return gross_kg * 0.31
        if self.kind is ReboundKind.PER_DAY:
            assert self.per_day is not None
            result: npt.NDArray[np.float64] = days * float(self.per_day.m_as("kg CO2e/workday"))
            return result
        return np.zeros_like(gross_kg)
