"""Commute impact: distance, time, emissions and money saved by not commuting.

For each agent, over a number of telework days (or a schedule), the distance avoided is
2 trips a day × the one-way distance × the days, less the trips to a télécentre on the
days worked there (home → télécentre and back). Time saved comes from the agent's
commute time where it is known, else from a speed; emissions from a per-mode factor
(dated, sourced: :mod:`.factors`); money from a cost per km. Rebound effects are
explicit (:class:`Rebound`): the report shows gross, rebound and net apart.

Everything is computed on columns: one agent is a workforce of one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail import sources
from teletravail._checks import enum_value
from teletravail._columns import all_nan, highest, lowest, readonly, zeros
from teletravail.dated import DatedParameter
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_, as_quantity, unit
from teletravail.week import PlaceKind
from teletravail.workforce import Agent, CommuteMode, Workforce

from .factors import emission_factors
from .rebound import Rebound, ReboundKind
from .report import ImpactReport

if TYPE_CHECKING:
    from teletravail.scheduling.days import TeleworkDays
    from teletravail.scheduling.schedule import Schedule
    from teletravail.units import Quantity

__all__ = [
    "Assumptions",
    "commute_impact",
    "dated_impact",
]

_MODES: tuple[CommuteMode, ...] = tuple(CommuteMode)
_SMALLEST_NORMAL = 2.0**-1022  # below it, a product loses bits and x 2 no longer commutes

_NEGATIVE: Final = Phrase("negative or not finite", "négatif ou non fini")
_NEGATIVE_ONLY: Final = Phrase("negative", "négatif")
_DISTANCES: Final = Phrase("distances >= 0 km", "des distances positives ou nulles (>= 0 km)")


def _shape(shape: tuple[int, ...]) -> Phrase:
    """The shape of an array, as a value found."""
    return Phrase("shape {shape}", "dimensions {shape}", shape=shape)


def _rebound(value: Any) -> Rebound:
    if isinstance(value, Rebound):
        return value
    if isinstance(value, str | ReboundKind) and str(value) != ReboundKind.PER_DAY.value:
        return Rebound(kind=value)
    raise ValidationError(
        "rebound",
        value,
        Phrase(
            "a Rebound (or one of none, ademe_trips, ademe_net)",
            "un objet Rebound (ou une valeur parmi none, ademe_trips, ademe_net)",
        ),
    )


def _speed(value: Any) -> Quantity:
    quantity = as_quantity(value, field="speed", dimension="[length] / [time]")
    if not float(quantity.m_as("km/h")) > 0 or not math.isfinite(float(quantity.m_as("km/h"))):
        raise ValidationError(
            "speed", value, Phrase("a speed above 0 km/h", "une vitesse supérieure à 0 km/h")
        )
    return quantity


def _cost(value: Any) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field="cost_per_km", dimension="[currency] / [length]")
    if not float(quantity.m_as("EUR/km")) >= 0:
        raise ValidationError(
            "cost_per_km",
            value,
            Phrase("a cost >= 0 EUR/km", "un coût positif ou nul (>= 0 EUR/km)"),
        )
    return quantity


def _factors(value: Any) -> Mapping[CommuteMode, DatedParameter] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValidationError(
            "factors",
            value,
            Phrase(
                "a mapping of commute mode to dated factor",
                "une table qui associe à chaque mode de déplacement un facteur daté",
            ),
        )
    if not value:  # no factor replaced: ADEME's, as when none is given
        return None
    found: dict[CommuteMode, DatedParameter] = {}
    for key, parameter in value.items():
        mode = enum_value(CommuteMode, key, "factors")
        if not isinstance(parameter, DatedParameter):
            parameter = DatedParameter(
                name=f"emission_factor.{mode.value}",
                values=[_constant(parameter, mode)],
            )
        for index, entry in enumerate(parameter.values):
            checked = as_quantity(
                entry.value,
                field=f"factors.{mode.value}.values[{index}]",
                dimension="[mass] * [co2e] / [length]",
            )
            if not float(checked.m_as("kg CO2e/km")) >= 0:
                raise ValidationError(
                    f"factors.{mode.value}.values[{index}]",
                    entry.value,
                    Phrase("a factor >= 0", "un facteur positif ou nul"),
                )
        found[mode] = parameter
    return found


def _constant(value: Any, mode: CommuteMode) -> Any:
    from teletravail.dated import DatedValue

    return DatedValue(
        start="1900-01-01",
        value=as_quantity(
            value, field=f"factors.{mode.value}", dimension="[mass] * [co2e] / [length]"
        ),
        source=sources.GIVEN,
    )


@attrs.frozen(kw_only=True)
class Assumptions:
    """The stated assumptions of an impact computation.

    ``factors`` replaces ADEME's per-mode factors (a mapping of mode to a dated parameter
    or to one quantity, e.g. the 2012 tailpipe factor for every car); ``speed`` turns
    distance into time where an agent's commute time is unknown; ``cost_per_km`` prices
    the distance (a fuel cost, the fiscal scale via :func:`fiscal_rate`, or any rate).
    """

    # compared (two policies with other factors differ), not hashed (a mapping)
    factors: Mapping[CommuteMode, DatedParameter] | None = attrs.field(
        default=None, converter=_factors, hash=False
    )
    speed: Quantity = attrs.field(factory=lambda: Q_(50, "km/h"), converter=_speed)
    cost_per_km: Quantity | None = attrs.field(default=None, converter=_cost)
    rebound: Rebound = attrs.field(factory=Rebound, converter=_rebound)
    # magnitudes read once: the speed, the cost and each factor per (mode, date)
    _memo: dict[Any, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def factor_column(self, modes: npt.NDArray[np.int8], on: dt.date) -> npt.NDArray[np.float64]:
        """kg CO2e per km for each agent's mode, as in force on ``on``."""
        per_mode = np.zeros(len(_MODES))
        for code in _present(modes):  # only the modes present need a factor in force
            per_mode[code] = self._factor(code, on)
        result: npt.NDArray[np.float64] = per_mode[modes]
        return result

    def factor_changes(self, code: int) -> tuple[dt.date, ...]:
        """The dates on which the factor of the mode of ``code`` changes."""
        return self._parameter(code).change_dates()

    def changes_within(self, codes: list[int], start: dt.date, end: dt.date) -> list[dt.date]:
        """The dates after ``start`` and up to ``end`` on which the factor of a mode of
        ``codes`` changes, in order (read once per modes and span)."""
        key = ("changes", tuple(codes), start, end)
        found = self._memo.get(key)
        if found is None:
            found = sorted(
                {c for code in codes for c in self.factor_changes(code) if start < c <= end}
            )
            if len(self._memo) > 1024:
                self._memo.clear()
            self._memo[key] = found
        result: list[dt.date] = found
        return result

    def factor(self, mode: CommuteMode) -> DatedParameter:
        """The dated emission factor of ``mode``: the assumption's own, else ADEME's."""
        if self.factors is not None and mode in self.factors:
            return self.factors[mode]
        return emission_factors()[mode]

    def _parameter(self, code: int) -> DatedParameter:
        return self.factor(_MODES[code])

    def _factor(self, code: int, on: dt.date) -> float:
        """kg CO2e per km for the mode of ``code``, in force on ``on`` (read once)."""
        key = (code, on)
        found = self._memo.get(key)
        if found is None:
            found = float(self._parameter(code).as_of(on).m_as(unit("kg CO2e/km")))
            if len(self._memo) > 1024:  # many dates: start again rather than grow
                self._memo.clear()
            self._memo[key] = found
        return found

    def _speed_kmh(self) -> float:
        found = self._memo.get("speed")
        if found is None:
            found = self._memo["speed"] = float(self.speed.m_as(unit("km/h")))
        return found

    def _cost_eur_per_km(self) -> float | None:
        if self.cost_per_km is None:
            return None
        found = self._memo.get("cost")
        if found is None:
            found = self._memo["cost"] = float(self.cost_per_km.m_as(unit("EUR/km")))
        return found


def _present(modes: npt.NDArray[np.int8]) -> list[int]:
    """The mode codes found in a column, in order (comparisons: no sort, no hash table)."""
    if len(modes) <= 1:
        return modes.tolist()  # type: ignore[no-any-return]
    low, high = int(lowest(modes)), int(highest(modes))
    if low == high:
        return [low]
    return [code for code in range(low, high + 1) if (modes == code).any()]


def _days_column(value: Any, n: int, field: str) -> npt.NDArray[np.float64]:
    if value is None:
        return np.zeros(n)
    if isinstance(value, str) or hasattr(value, "m_as"):
        quantity = as_quantity(value, field=field, dimension="[workday]")
        array = np.asarray(quantity.m_as("workday"), dtype=float)
    else:
        raise ValidationError(
            field,
            value,
            Phrase(
                "a quantity in workday, e.g. Q_(array, 'workday')",
                "une quantité en jours de travail, par exemple Q_(array, 'workday')",
            ),
        )
    array = np.broadcast_to(array, (n,)).astype(float) if array.ndim == 0 else array
    if array.shape != (n,):
        raise ValidationError(
            field,
            _shape(array.shape),
            Phrase(
                "one number of days per agent ({n})",
                "un nombre de jours par agent ({n})",
                n=n,
            ),
        )
    # NaN shows in the minimum, infinities in one of the two ends
    if n and not (array.min() >= 0 and math.isfinite(array.max())):
        raise ValidationError(
            field,
            _NEGATIVE,
            Phrase("numbers of days >= 0", "des nombres de jours positifs ou nuls"),
        )
    return array


def commute_impact(
    subject: Agent | Workforce,
    days: Quantity | str | Schedule | TeleworkDays,
    *,
    on: dt.date | str | None = None,
    telecentre_days: Quantity | str | None = None,
    telecentre_distance: Quantity | str | None = None,
    assumptions: Assumptions | None = None,
    label: str = "",
) -> ImpactReport:
    """The impact of telework days: ``days`` per agent (a quantity array in workday, or
    one value for all), one agent's :class:`~teletravail.scheduling.schedule.Schedule`,
    or a whole workforce's dated days
    (:class:`~teletravail.scheduling.days.TeleworkDays`, the policy's assessment).

    With day counts, ``telecentre_days`` of them are at a télécentre
    ``telecentre_distance`` (one way) from home, and the factors are those in force
    ``on``. With dated days, the télécentre days come from the days' places and the
    distance from each agent's ``telecentre_distance`` (unknown: no trip is subtracted,
    and the agent is counted in ``unknown_telecentre``), and each day counts at the
    factor in force that day. Agents whose commute distance is unknown are reported,
    with zero impact, not dropped.
    """
    from teletravail.scheduling.days import TeleworkDays
    from teletravail.scheduling.schedule import Schedule

    assumptions = Assumptions() if assumptions is None else assumptions
    if not isinstance(assumptions, Assumptions):
        raise ValidationError(
            "assumptions", assumptions, Phrase("an Assumptions", "un objet Assumptions")
        )
    workforce = Workforce.from_agents([subject]) if isinstance(subject, Agent) else subject
    if not isinstance(workforce, Workforce):
        raise ValidationError(
            "subject", subject, Phrase("an Agent or a Workforce", "un objet Agent ou Workforce")
        )
    n = len(workforce)
    if isinstance(days, Schedule):  # one agent's dated days
        if n != 1:
            raise ValidationError(
                "days",
                Phrase("a Schedule", "un objet Schedule"),
                Phrase(
                    "dated days per agent for a workforce",
                    "des jours datés par agent pour un effectif",
                ),
            )
        days = TeleworkDays.of_schedule(days)
    if isinstance(days, TeleworkDays):
        if len(days) != n:
            raise ValidationError(
                "days",
                Phrase("{count} agents", "{count} agents", count=len(days)),
                Phrase("the days of {n} agents", "les jours de {n} agents", n=n),
            )
        if telecentre_days is not None:
            raise ValidationError(
                "telecentre_days",
                telecentre_days,
                Phrase("None with dated days", "None avec des jours datés"),
            )
        centre = None
        if telecentre_distance is not None:  # the distance given, for every agent
            found = as_quantity(
                telecentre_distance, field="telecentre_distance", dimension="[length]"
            )
            centre = np.broadcast_to(np.asarray(found.m_as("km"), dtype=float), (n,))
            if np.any(centre < 0) or not np.all(np.isfinite(centre)):
                raise ValidationError("telecentre_distance", _NEGATIVE_ONLY, _DISTANCES)
        return dated_impact(
            workforce,
            days,
            assumptions=assumptions,
            label=label,
            on=None if on is None else to_date(on, "on"),
            telecentre_km=centre,
        )
    if on is None:
        raise ValidationError(
            "on",
            None,
            Phrase(
                "the date whose emission factors apply",
                "la date dont les facteurs d'émission s'appliquent",
            ),
        )
    day = to_date(on, "on")
    total_days = _days_column(days, n, "days")
    centre_days = (
        None if telecentre_days is None else _days_column(telecentre_days, n, "telecentre_days")
    )
    if centre_days is not None and np.any(centre_days > total_days + 1e-9):
        raise ValidationError(
            "telecentre_days",
            Phrase("more than the telework days", "plus que les jours de télétravail"),
            Phrase("at most `days`", "au plus `days`"),
        )
    centre_km = None
    if telecentre_distance is None:
        if centre_days is not None and np.any(centre_days > 0):
            raise ValidationError(
                "telecentre_distance",
                None,
                Phrase("the distance to the télécentre", "la distance jusqu'au télécentre"),
            )
    else:
        quantity = as_quantity(
            telecentre_distance, field="telecentre_distance", dimension="[length]"
        )
        raw = np.asarray(quantity.m_as("km"), dtype=float)
        if raw.ndim > 1 or (raw.ndim == 1 and raw.shape != (n,)):
            raise ValidationError(
                "telecentre_distance",
                _shape(raw.shape),
                Phrase(
                    "one distance, or one per agent ({n})",
                    "une distance, ou une par agent ({n})",
                    n=n,
                ),
            )
        centre_km = np.broadcast_to(raw, (n,)).copy()
        if np.any(centre_km < 0) or not np.all(np.isfinite(centre_km)):
            raise ValidationError("telecentre_distance", _NEGATIVE_ONLY, _DISTANCES)
    return _report(workforce, total_days, day, assumptions, label, centre_days, centre_km)


def dated_impact(
    workforce: Workforce,
    days: TeleworkDays,
    *,
    assumptions: Assumptions,
    label: str = "",
    on: dt.date | None = None,
    telecentre_km: npt.NDArray[np.float64] | None = None,
) -> ImpactReport:
    """The impact of a workforce's dated telework days (the column method the policy's
    assessment composes): télécentre days from the days' places, each agent's own
    distance to their télécentre (or ``telecentre_km``, one per agent), each day at the
    emission factor in force that day."""
    total_days = days.total_days()
    centre_days = None
    centre_km = None
    unknown_centre = None
    if days.has_days_at(PlaceKind.TELECENTRE):
        centre = days.halves_at([PlaceKind.TELECENTRE])
        centre_days = centre / 2
        distances = workforce.telecentre_distance_km if telecentre_km is None else telecentre_km
        known = ~np.isnan(distances)
        centre_km = np.where(known, distances, 0.0)
        unknown_centre = (centre > 0) & ~known
    # the factor of each agent: in force on each day, weighted by the days at it
    factor = None
    modes = workforce.commute_mode
    changes = assumptions.changes_within(_present(modes), days.start, days.end)
    first = days.start if on is None else on
    if changes:
        edges = [days.start, *changes, days.end + dt.timedelta(days=1)]
        bounds = [(edge - days.start).days for edge in edges]
        weights = np.zeros(len(workforce))
        counted = np.zeros(len(workforce))
        for low, high, when in zip(bounds[:-1], bounds[1:], edges[:-1], strict=True):
            piece = days.halves[:, low:high].sum(axis=1, dtype=np.int64)[days.codes] / 2
            weights += piece * assumptions.factor_column(modes, when)
            counted += piece
        with np.errstate(invalid="ignore", divide="ignore"):
            factor = np.where(
                counted > 0, weights / counted, assumptions.factor_column(modes, days.start)
            )
        first = days.start
    elif on is None:
        first = days.start
    report = _report(
        workforce,
        total_days,
        first,
        assumptions,
        label,
        centre_days,
        centre_km,
        factor=factor,
        unknown_centre=unknown_centre,
    )
    return report


def _report(
    workforce: Workforce,
    total_days: npt.NDArray[np.float64],
    day: dt.date,
    assumptions: Assumptions,
    label: str,
    centre_days: npt.NDArray[np.float64] | None = None,
    centre_km: npt.NDArray[np.float64] | None = None,
    *,
    factor: npt.NDArray[np.float64] | None = None,
    unknown_centre: npt.NDArray[np.bool_] | None = None,
) -> ImpactReport:
    """The impact columns for checked day counts (finite, >= 0, one per agent).

    ``centre_days`` None means no day at a télécentre; ``centre_km`` None, no distance to
    one (then there is no such day). The common case (no télécentre, no commute time
    known, one mode, no rebound) takes a short path with the same arithmetic, in place:
    every skipped term is an exact zero.
    """
    n = len(workforce)
    distance = workforce.commute_distance_km
    shortest = lowest(distance)  # NaN shows in the minimum
    if not math.isnan(shortest):
        unknown = zeros(n, np.bool_)
        one_way = distance
    else:
        unknown = np.isnan(distance)
        one_way = np.where(unknown, 0.0, distance)
    speed = assumptions._speed_kmh()
    commute_minutes = workforce.commute_time_min
    away = centre_days is not None and centre_km is not None and bool(np.any(centre_days > 0))
    if not away and all_nan(commute_minutes):
        # no day at a télécentre and no commute time known: the speed gives every pace
        km = np.multiply(one_way, 2.0)
        km *= total_days
        speed_pace = 60 / speed
        if shortest * speed_pace >= _SMALLEST_NORMAL:
            # (d x pace) x 2 is d x (2 pace) to the bit when d x pace is a normal float
            minutes = np.multiply(one_way, 2 * speed_pace)
        else:
            minutes = np.multiply(one_way, speed_pace)
            minutes *= 2
        minutes *= total_days
        minutes /= 60
        hours = minutes
    else:
        centre_days = np.zeros(n) if centre_days is None else centre_days
        centre_km = np.zeros(n) if centre_km is None else centre_km
        centre_km = np.where(unknown, 0.0, centre_km)  # an unknown commute counts zero, trips too
        km = 2 * one_way * total_days - 2 * centre_km * centre_days
        # minutes per km: the agent's own pace where the commute time is known, else the speed
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            own = commute_minutes / one_way  # a tiny distance gives an infinite pace: not used
        pace = np.where(~np.isnan(commute_minutes) & np.isfinite(own), own, 60 / speed)
        commute = np.where(np.isnan(commute_minutes), one_way * pace, commute_minutes)
        trips = np.where(centre_days > 0, 2 * centre_km * pace * centre_days, 0.0)
        hours = (commute * 2 * total_days - trips) / 60
    modes = workforce.commute_mode
    present = _present(modes)
    if factor is not None:  # days at several factors: each agent's weighted factor
        gross = km * factor
    elif len(present) == 1:  # one mode: one factor for every agent
        gross = km * assumptions._factor(present[0], day)
    else:
        gross = km * assumptions.factor_column(modes, day)
    if assumptions.rebound.kind is ReboundKind.NONE:
        rebound = zeros(n, np.float64)
    else:
        # a rebound is a share of a benefit: none where telework adds km (a far
        # télécentre), and none for agents whose commute is unknown
        rebound = assumptions.rebound.kilograms(np.maximum(gross, 0.0), total_days)
        rebound = np.where(unknown, 0.0, rebound)
    cost_per_km = assumptions._cost_eur_per_km()
    # the columns made here are made read-only in place: the report's converters keep
    # a read-only column as it is, where they would make a read-only view of it
    return ImpactReport(
        label=label,
        on=day,
        ids=workforce.ids,
        modes=modes,
        days=total_days,
        telecentre_days=zeros(n, np.float64) if centre_days is None else centre_days,
        km=readonly(km),
        hours=readonly(hours),
        gross_kg=readonly(gross),
        rebound_kg=rebound,
        eur=None if cost_per_km is None else readonly(km * cost_per_km),
        unknown_distance=unknown,
        unknown_telecentre=zeros(n, np.bool_) if unknown_centre is None else unknown_centre,
        assumptions=assumptions,
    )
