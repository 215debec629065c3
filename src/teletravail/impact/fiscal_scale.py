"""The fiscal kilometric scale (barème kilométrique) for cars: what driving a distance
costs by the tax administration's reckoning, a cost per km that impact assumptions may
take (:func:`fiscal_rate`, :func:`fiscal_cost`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_, as_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["fiscal_cost", "fiscal_rate"]

_NEGATIVE = Phrase("negative or not finite", "négatif ou non fini")
_DISTANCES = Phrase("distances >= 0 km", "des distances positives ou nulles (>= 0 km)")

# barème kilométrique (fiscal scale) for cars, income years 2022-2025 (unchanged since
# 2023's +5.4 %): per fiscal horsepower (3 = "3 CV or less", 7 = "7 CV or more"), the three
# bands (d <= 5,000 km; 5,001-20,000 km: d x a + b; d > 20,000 km)
_SCALE_2022: dict[int, tuple[float, tuple[float, float], float]] = {
    3: (0.529, (0.316, 1065.0), 0.370),
    4: (0.606, (0.340, 1330.0), 0.407),
    5: (0.636, (0.357, 1395.0), 0.427),
    6: (0.665, (0.374, 1457.0), 0.447),
    7: (0.697, (0.394, 1515.0), 0.470),
}
# older first bands only (the other bands are not in our sources)
_FIRST_BAND: dict[int, dict[int, float]] = {
    2020: {3: 0.456, 4: 0.523, 5: 0.548, 6: 0.574, 7: 0.601},
    2013: {3: 0.405, 4: 0.487, 5: 0.536, 6: 0.561, 7: 0.587},  # "pour 2013", unconfirmed
}


def _horsepower(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            "horsepower",
            value,
            Phrase(
                "fiscal horsepower, a whole number >= 1",
                "une puissance fiscale, un nombre entier d'au moins 1",
            ),
        )
    return min(max(value, 3), 7)


def fiscal_rate(horsepower: int, year: int) -> Quantity:
    """The fiscal kilometric scale's first band (up to 5,000 km a year) for a car of
    ``horsepower`` fiscal CV, in EUR per km (income years 2022-2025, 2020, and a table
    published for 2013, unconfirmed)."""
    cv = _horsepower(horsepower)
    if isinstance(year, int) and not isinstance(year, bool) and 2022 <= year <= 2025:
        return Q_(_SCALE_2022[cv][0], "EUR/km")
    if isinstance(year, int) and year in _FIRST_BAND:
        return Q_(_FIRST_BAND[year][cv], "EUR/km")
    raise ValidationError(
        "fiscal_rate",
        year,
        Phrase(
            "an income year 2022-2025, 2020 or 2013; or give a rate",
            "une année de revenus de 2022 à 2025, 2020 ou 2013\u202f; ou indiquez un taux",
        ),
    )


def fiscal_cost(
    horsepower: int, distance: Quantity | str, year: int, *, electric: bool = False
) -> Quantity:
    """What the fiscal scale allows for ``distance`` km a year (a quantity, or an array of
    them) driven in a car of ``horsepower`` CV, all three bands, income years 2022-2025;
    electric cars +20 %."""
    cv = _horsepower(horsepower)
    if isinstance(year, bool) or not isinstance(year, int) or not 2022 <= year <= 2025:
        raise ValidationError(
            "year",
            year,
            Phrase("an income year from 2022 to 2025", "une année de revenus de 2022 à 2025"),
        )
    km = np.asarray(as_quantity(distance, field="distance", dimension="[length]").m_as("km"))
    if np.any(km < 0) or not np.all(np.isfinite(km)):
        raise ValidationError("distance", _NEGATIVE, _DISTANCES)
    first, (slope, base), last = _SCALE_2022[cv]
    amount = np.where(km <= 5000, km * first, np.where(km <= 20000, km * slope + base, km * last))
    if electric:
        amount = amount * 1.2
    return Q_(np.round(amount, 2), "EUR")
