"""Quotas: how much telework a policy allows, and checks of a request that explain themselves.

A :class:`Quota` holds a maximum and a minimum of telework days per week, a minimum
presence on site counted on the days the agent actually works, a granularity (whole days
or half days), whether it is assessed each week or over a month, an optional volume of
floating days, and the derogations that lift the cap for a while. ``Quota.check``
returns a :class:`QuotaDecision`: the same kind of result tree as an eligibility
decision (what was asked, what is allowed, which limit, the source), never a bare False.

Part-time agents: the days worked in a week are the working time times the days of a
full-time week (5), rounded down to a half day; the on-site minimum applies to those
days. So an 80 % agent works 4 days, keeps 2 on site and may telework at most 2; a 60 %
agent at most 1 (décret n° 2016-151 has no pro-rata rule for part-time agents: the
2-days-on-site rule is applied to the days worked, as a policy-level rule).

The parts of a quota are values of their own: how it counts
(:mod:`~teletravail.scheduling.counting`), floating days and caps on days
(:mod:`~teletravail.scheduling.volumes`), derogations
(:mod:`~teletravail.scheduling.derogations`) and part-time caps
(:mod:`~teletravail.scheduling.working_time`); the answers of its checks are in
:mod:`~teletravail.scheduling.checks`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import enum_value, optional_source, typed_tuple
from teletravail.dates import to_date
from teletravail.errors import PatternError, ValidationError
from teletravail.formats import french_quantity
from teletravail.messages import Phrase
from teletravail.sources import Source
from teletravail.units import DIMENSIONLESS, Q_, as_quantity
from teletravail.week import (
    FRENCH_WEEKDAYS,
    DayPart,
    PatternDay,
    PlaceKind,
    WeeklyPattern,
    weekday_mask,
    weekday_set,
)
from teletravail.workforce import Agent

from .checks import Asks, QuotaChecks
from .counting import CapPeriod, Granularity, Modality, days_per_week
from .derogations import DerogationRule
from .volumes import DayCaps, FloatingDays
from .working_time import PartTimeCap

if TYPE_CHECKING:
    from teletravail.units import Quantity

    from .checks import QuotaDecision

__all__ = ["Quota"]


def _written(pattern: WeeklyPattern) -> Phrase:
    """A pattern as a value found, written in each language."""
    return Phrase(str(pattern), pattern.text("fr"))


def _check_agent(agent: Any) -> None:
    if not isinstance(agent, Agent):
        raise ValidationError("agent", agent, Phrase("an Agent", "un objet Agent"))


def _maximum(value: Any) -> Quantity:
    return days_per_week(value, "maximum")


def _minimum(value: Any) -> Quantity:
    return days_per_week(value, "minimum")


def _on_site(value: Any) -> Quantity:
    return days_per_week(value, "on_site_minimum")


_MODALITY_WORDS = {"fixes": "fixed", "flottants": "floating", "mixte": "mixed"}


def _modality(value: Any) -> Modality | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = _MODALITY_WORDS.get(value.strip().lower(), value)
    return enum_value(Modality, value, "modality")


def _granularity(value: Any) -> Granularity:
    return enum_value(Granularity, value, "granularity")


def _cap_period(value: Any) -> CapPeriod:
    return enum_value(CapPeriod, value, "assessed")


def _full_week(instance: Any, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 7:
        raise ValidationError(
            "full_week",
            value,
            Phrase(
                "the days of a full-time week, 1 to 7",
                "les jours d'une semaine à temps plein, de 1 à 7",
            ),
        )


def _name(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError("name", value, Phrase("a string", "du texte"))


def _optional_floating(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, FloatingDays):
        raise ValidationError(
            "floating",
            value,
            Phrase("a FloatingDays volume or None", "un volume FloatingDays ou None"),
        )


def _optional_caps(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, DayCaps):
        raise ValidationError(
            "caps", value, Phrase("a DayCaps or None", "un objet DayCaps ou None")
        )


def _share(agent: Agent) -> float:
    return round(float(agent.working_time.m_as("percent")), 9)


def _bands(value: Any) -> tuple[PartTimeCap, ...]:
    return typed_tuple(value, PartTimeCap, "part_time")


def _rules(value: Any) -> tuple[DerogationRule, ...]:
    return typed_tuple(value, DerogationRule, "derogations")


@attrs.frozen(kw_only=True)
class Quota:
    """How much telework a scheme allows per week (see the module's doc)."""

    maximum: Quantity = attrs.field(converter=_maximum)
    minimum: Quantity = attrs.field(factory=lambda: Q_(0.0, "workday/week"), converter=_minimum)
    on_site_minimum: Quantity = attrs.field(
        factory=lambda: Q_(0.0, "workday/week"), converter=_on_site
    )
    granularity: Granularity = attrs.field(default=Granularity.DAY, converter=_granularity)
    assessed: CapPeriod = attrs.field(default=CapPeriod.WEEK, converter=_cap_period)
    floating: FloatingDays | None = attrs.field(default=None, validator=_optional_floating)
    caps: DayCaps | None = attrs.field(default=None, validator=_optional_caps)
    derogations: tuple[DerogationRule, ...] = attrs.field(default=(), converter=_rules)
    part_time: tuple[PartTimeCap, ...] = attrs.field(default=(), converter=_bands)
    full_week: int = attrs.field(default=5, validator=_full_week)
    # the modality as stated (None: said by the volume); read through `modality`
    _stated_modality: Modality | None = attrs.field(
        default=None, converter=_modality, alias="modality"
    )
    source: Source | None = attrs.field(default=None, validator=optional_source)
    name: str = attrs.field(default="", validator=_name)
    # the maximum, the minimum and the on-site minimum in workday/week, the part-time
    # bands' caps and the cap on days per week, read once for the columns
    _max_days: float = attrs.field(init=False, eq=False, repr=False)
    _min_days: float = attrs.field(init=False, eq=False, repr=False)
    _on_site_days: float = attrs.field(init=False, eq=False, repr=False)
    _band_days: tuple[float, ...] = attrs.field(init=False, eq=False, repr=False)
    _week_halves: int | None = attrs.field(init=False, eq=False, repr=False)
    # the allowance of each working time met alone (one agent at a time), read once
    _memo: dict[float, float] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.minimum > self.maximum:
            raise ValidationError(
                "minimum",
                self.minimum,
                Phrase(
                    "at most the maximum {maximum}",
                    "au plus le maximum, {french}",
                    maximum=self.maximum,
                    french=french_quantity(self.maximum),
                ),
            )
        stated = self._stated_modality
        if stated is Modality.FIXED and self.floating is not None:
            raise ValidationError(
                "modality",
                "fixed",
                Phrase(
                    "floating or mixed, for a quota with a volume of floating days",
                    "floating ou mixed, pour un quota qui a un volume de jours flottants",
                ),
            )
        if stated in (Modality.FLOATING, Modality.MIXED) and self.floating is None:
            raise ValidationError(
                "floating",
                None,
                Phrase(
                    "a volume of floating days, for a {stated} scheme",
                    "un volume de jours flottants, pour un dispositif {french}",
                    stated=stated,
                    french="à jours flottants" if stated is Modality.FLOATING else "mixte",
                ),
            )
        if stated is (Modality.FIXED if self.floating is None else Modality.MIXED):
            object.__setattr__(self, "_stated_modality", None)  # what the volume says
        object.__setattr__(self, "_max_days", float(self.maximum.m_as("workday/week")))
        object.__setattr__(self, "_min_days", float(self.minimum.m_as("workday/week")))
        object.__setattr__(self, "_on_site_days", float(self.on_site_minimum.m_as("workday/week")))
        bands = tuple(float(band.maximum.m_as("workday/week")) for band in self.part_time)
        object.__setattr__(self, "_band_days", bands)
        week = None if self.caps is None else self.caps.halves("week")
        object.__setattr__(self, "_week_halves", week)

    @property
    def modality(self) -> Modality:
        """Fixed weekdays, floating days only, or both: as stated, else fixed without a
        volume of floating days and mixed with one."""
        if self._stated_modality is not None:
            return self._stated_modality
        return Modality.FIXED if self.floating is None else Modality.MIXED

    # -- the rules, on columns ------------------------------------------------------

    def days_worked_columns(
        self,
        working_time_percent: npt.ArrayLike,
        days_off_mask: npt.ArrayLike | None = None,
        *,
        rounded: bool = False,
    ) -> npt.NDArray[np.int64]:
        """Half days worked in a week, for many agents: working time × the full week,
        down to a half day, and never more than the full week less the weekdays not
        worked (a mask of weekdays, bit 0 = Monday). Working times are read to 1e-9 %
        (``rounded``: they already are, as a workforce's are)."""
        share = np.asarray(working_time_percent, dtype=float)
        if not rounded:
            share = np.round(share, 9)
        scaled = share * (self.full_week * 2 / 100)
        np.round(scaled, 9, out=scaled)
        np.floor(scaled, out=scaled)
        halves: npt.NDArray[np.int64] = scaled.astype(np.int64)
        if days_off_mask is not None:
            off = np.asarray(days_off_mask, dtype=np.uint8) & np.uint8((1 << self.full_week) - 1)
            if off.any():
                counted = np.unpackbits(off[:, None], axis=1).sum(axis=1)
                halves = np.minimum(halves, 2 * (self.full_week - counted.astype(np.int64)))
        return halves

    def caps_columns(self, working_time_percent: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """The weekly cap of many agents (workday/week) under the general rule: the
        maximum, the part-time bands of their working time and the cap on days per
        week."""
        share = np.round(np.asarray(working_time_percent, dtype=float), 9)
        cap = np.full(share.shape, self._max_days)
        for band, most in zip(self.part_time, self._band_days, strict=True):
            inside = band.contains(share)
            cap = np.where(inside, np.minimum(cap, most), cap)
        if self._week_halves is not None:
            cap = np.minimum(cap, self._week_halves / 2)
        return cap

    def check_columns(
        self,
        asks: Asks,
        working_time_percent: npt.ArrayLike,
        days_off_mask: npt.ArrayLike | None = None,
        *,
        on: dt.date | str | None = None,
        derogations: Mapping[int, DerogationRule] | None = None,
    ) -> QuotaChecks:
        """Check what many agents ask for (``asks``, one row each) against every rule of
        the quota at once, on columns.

        ``derogations`` maps the rows covered by a derogation on the date checked to its
        rule (see :meth:`derogations_on`): for them the cap is the rule's and there is no
        on-site minimum. The rules, each a code of :class:`QuotaChecks`:
        ``quota.granularity`` (a half day, or less, where the quota counts whole days;
        a quarter day anywhere), ``quota.workdays`` (a weekday not worked, or more days
        than the agent works), ``quota.minimum``, ``quota.maximum`` (the weekly cap, a
        part-time band, the cap on days per week) and ``quota.on_site`` (the presence
        left on the days worked).
        """
        day = None if on is None else to_date(on, "on")
        percent = np.asarray(working_time_percent, dtype=float)
        n = len(percent)
        off = (
            np.zeros(n, dtype=np.uint8)
            if days_off_mask is None
            else np.asarray(days_off_mask, dtype=np.uint8)
        )
        if len(asks) != n or len(off) != n:
            raise ValidationError(
                "asks",
                len(asks),
                Phrase("one ask per agent ({n})", "une demande par agent ({n})", n=n),
            )
        worked = self.days_worked_columns(percent, off) / 2
        cap = self.caps_columns(percent)
        on_site = np.full(n, self._on_site_days)
        held = dict(derogations or {})
        for row, rule in held.items():
            cap[row] = worked[row] if rule.maximum is None else rule.maximum.m_as("workday/week")
            on_site[row] = 0.0
        step = self.granularity.step
        allowed = np.floor(np.round(np.maximum(0.0, np.minimum(cap, worked - on_site)) / step, 9))
        allowed *= step
        asked = np.asarray(asks.per_week, dtype=float)
        doubled = asked * 2
        failed: dict[str, npt.NDArray[np.bool_]] = {}
        granular = np.abs(doubled - np.rint(doubled)) > 1e-9
        if self.granularity is Granularity.DAY:
            granular |= asks.half_days | (np.rint(doubled).astype(np.int64) % 2 == 1)
        failed["quota.granularity"] = granular
        weekend = np.uint8(0x7F & ~((1 << self.full_week) - 1))
        failed["quota.workdays"] = ((asks.weekdays & (off | weekend)) != 0) | (
            asked > worked + 1e-9
        )
        minimum = self._min_days
        if minimum > 0:
            failed["quota.minimum"] = (asked > 1e-9) & (asked < minimum - 1e-9)
        failed["quota.maximum"] = asked > cap + 1e-9
        failed["quota.on_site"] = worked - asked < on_site - 1e-9
        passed = np.ones(n, dtype=bool)
        for mask in failed.values():
            passed &= ~mask
        return QuotaChecks(
            quota=self,
            on=day,
            asked=asked,
            worked=worked,
            cap=cap,
            on_site=on_site,
            allowed=allowed,
            passed=passed,
            failed=failed,
            derogations=held,
            shares=np.round(percent, 9),
        )

    def derogations_on(
        self, agents: Mapping[int, Agent], on: dt.date | str
    ) -> dict[int, DerogationRule]:
        """The rows of ``agents`` (row → agent, the agents holding derogations) covered
        by one of the quota's derogation rules on ``on``, with that rule."""
        day = to_date(on, "on")
        found = {}
        for row, agent in agents.items():
            rule = self.derogation(agent, day)
            if rule is not None:
                found[row] = rule
        return found

    def allowed_columns(
        self, working_time_percent: npt.ArrayLike, days_off_mask: npt.ArrayLike | None = None
    ) -> Quantity:
        """The weekly allowance of many agents at once, from their working times in
        percent (and their weekdays off): the most :meth:`check_columns` grants, under the
        general rule (derogations are read agent by agent in :meth:`allowed`)."""
        percent = np.atleast_1d(np.asarray(working_time_percent, dtype=float))
        n = len(percent)
        checks = self.check_columns(Asks.nothing(n), percent, days_off_mask)
        return Q_(checks.allowed, "workday/week")

    # -- what one agent may do ------------------------------------------------------

    def days_worked(self, working_time: Quantity | str, days_off: Iterable[Any] = ()) -> float:
        """Days worked in a week: working time × the full week, down to a half day, and
        never more than the full week less the weekdays not worked (``days_off``)."""
        share = float(as_quantity(working_time, field="working_time", dimension=DIMENSIONLESS))
        off = weekday_mask(weekday_set(days_off, "days_off"))
        return float(self.days_worked_columns([share * 100], [off])[0]) / 2

    def derogation(self, agent: Agent, on: dt.date | str) -> DerogationRule | None:
        """The first derogation rule that covers ``agent`` on ``on``, if any."""
        _check_agent(agent)
        day = to_date(on, "on")
        for rule in self.derogations:
            if rule.covers(agent, day):
                return rule
        return None

    def derogation_lapse(self, agent: Agent, on: dt.date | str) -> Phrase | None:
        """Why a derogation ``agent`` holds on ``on`` does not lift the cap (a renewal
        beyond what its rule allows, a grant past its longest duration), with the
        rule's source; ``None`` when a derogation lifts it or none is held."""
        _check_agent(agent)
        day = to_date(on, "on")
        if self.derogation(agent, day) is not None:
            return None
        for rule in self.derogations:
            reason = rule.lapse(agent, day)
            if reason is not None:
                return reason
        return None

    def allowance_changes(self, agent: Agent, first: dt.date, last: dt.date) -> list[dt.date]:
        """``first`` and every later day of ``first..last`` on which ``agent``'s allowance
        may change (a derogation starting, ending or running out): the days an ask is
        checked on, over a span."""
        days = {first}
        one = dt.timedelta(days=1)
        for held in agent.derogations:
            days.add(held.start)
            if held.end is not None:
                days.add(held.end + one)
            for rule in self.derogations:
                if rule.kind is held.kind and rule.duration is not None:
                    days.add(rule.duration.after(held.start))
        return sorted(day for day in days if first <= day <= last)

    def _one(self, agent: Agent, on: dt.date, asks: Asks, days_off: Iterable[Any]) -> QuotaChecks:
        """The checks of one agent on one date (its derogation read on that date)."""
        _check_agent(agent)
        off = weekday_mask(weekday_set(days_off, "days_off") | agent.days_off)
        rule = self.derogation(agent, on)
        return self.check_columns(
            asks,
            [_share(agent)],
            [off],
            on=on,
            derogations=None if rule is None else {0: rule},
        )

    def allowed(self, agent: Agent, on: dt.date | str, *, days_off: Iterable[Any] = ()) -> Quantity:
        """The most telework per week ``agent`` may have on ``on`` (derogations included)."""
        checks = self._one(agent, to_date(on, "on"), Asks.nothing(1), days_off)
        return Q_(float(checks.allowed[0]), "workday/week")

    def on_site_required(self, agent: Agent, on: dt.date | str) -> Quantity:
        """The presence on site ``agent`` must keep each week on ``on`` (none while a
        derogation covers them)."""
        _check_agent(agent)
        rule = self.derogation(agent, on)
        return Q_(0.0 if rule is not None else self._on_site_days, "workday/week")

    def check(
        self,
        pattern: WeeklyPattern,
        agent: Agent,
        on: dt.date | str,
        *,
        days_off: Iterable[Any] = (),
    ) -> QuotaDecision:
        """Check ``agent``'s requested ``pattern`` on ``on`` against this quota: the
        one-agent case of :meth:`check_columns`.

        ``days_off`` are the weekdays a part-time agent does not work (with the agent's
        own). A pattern that cannot be planned at all (a half day where the quota counts
        whole days, a weekday not worked, more days than the agent works) raises
        :class:`PatternError`; one that exceeds a limit gives a decision that is not
        allowed, with every limit in the way.
        """
        day = to_date(on, "on")
        if not isinstance(pattern, WeeklyPattern):
            raise ValidationError(
                "pattern", pattern, Phrase("a WeeklyPattern", "un objet WeeklyPattern")
            )
        checks = self._one(agent, day, Asks.of_pattern(pattern), days_off)
        failures = checks.failures(0)
        if "quota.granularity" in failures:
            raise PatternError(
                "pattern",
                _written(pattern),
                Phrase(
                    "whole days only: this quota does not count half days",
                    "des jours entiers seulement\u00a0: ce quota ne compte pas de demi-journées",
                ),
            )
        if "quota.workdays" in failures:
            off = weekday_set(days_off, "days_off") | agent.days_off
            clash = sorted(pattern.weekdays & off)
            weekend = sorted(d for d in pattern.weekdays if d >= self.full_week)
            if clash:
                why = Phrase(
                    "no telework on weekday {day}, a day not worked",
                    "aucun télétravail le {name}, un jour non travaillé",
                    day=clash[0],
                    name=FRENCH_WEEKDAYS[clash[0]],
                )
            elif weekend:
                why = Phrase(
                    "telework on working weekdays, not on weekday {day}",
                    "du télétravail les jours travaillés, pas le {name}",
                    day=weekend[0],
                    name=FRENCH_WEEKDAYS[weekend[0]],
                )
            else:
                why = Phrase(
                    "at most the {worked:g} days the agent works in a week",
                    "au plus les {worked:g} jours que l'agent travaille par semaine",
                    worked=float(checks.worked[0]),
                )
            raise PatternError("pattern", _written(pattern), why)
        return checks.explain(0, agent.id)

    def reduce(
        self,
        pattern: WeeklyPattern,
        allowed: float,
        *,
        days_off: Iterable[int] = (),
        places: Iterable[PlaceKind] | None = None,
    ) -> WeeklyPattern:
        """``pattern`` reduced to what the quota allows an agent whose weekly allowance
        is ``allowed`` (workdays): days at a place not in ``places``, on a weekday not
        worked, and half days under a whole-day quota are dropped; then, from the last
        weekday back, days are dropped (or, under a half-day quota, made half days)
        until the pattern is within the allowance."""
        off = set(days_off)
        kinds = None if places is None else set(places)
        kept = [
            day
            for day in pattern.days
            if (kinds is None or day.place.kind in kinds)
            and day.weekday not in off
            and day.weekday < self.full_week
            and not (self.granularity is Granularity.DAY and day.part is not DayPart.FULL)
        ]
        limit = round(allowed * 2)
        total = sum(day.part.halves for day in kept)
        while total > limit and kept:
            last = kept[-1]
            excess = total - limit
            if excess < last.part.halves and self.granularity is Granularity.HALFDAY:
                kept[-1] = PatternDay(weekday=last.weekday, part=DayPart.AM, place=last.place)
                total -= last.part.halves - 1
            else:
                kept.pop()
                total -= last.part.halves
        return WeeklyPattern(days=kept)

    def week_limit(self, allowed_per_week: float, days_at_work: float, on_site: float) -> float:
        """The most telework in one actual week: the weekly allowance, and never so much
        that fewer than the on-site minimum of the days actually worked that week (after
        holidays and absences) are left on site."""
        return max(0.0, min(allowed_per_week, days_at_work - on_site))
