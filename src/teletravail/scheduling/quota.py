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
agent at most 1 (``DOMAIN.md`` §2: the décret has no pro-rata rule, the 2-days-on-site
rule is applied to the days worked, as a policy-level rule).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import enum_value, is_bool, optional_source, typed_tuple
from teletravail.dated import Duration, Source, to_date
from teletravail.eligibility.decision import SCHEMA_VERSION, CompositeResult, CriterionResult
from teletravail.errors import ValidationError
from teletravail.units import DIMENSIONLESS, Q_, as_quantity
from teletravail.week import WeeklyPattern, weekday
from teletravail.workforce import Agent, DerogationKind

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "Assessment",
    "DerogationRule",
    "FloatingDays",
    "Granularity",
    "PartTimeCap",
    "PatternError",
    "Quota",
    "QuotaDecision",
    "national_derogations",
]

_PER_WEEK = "[workday] / [time]"


class PatternError(ValidationError):
    """A pattern that cannot be planned: more days than the agent works, a half day
    where the quota counts whole days only, a day the agent does not work."""


def _check_agent(agent: Any) -> None:
    if not isinstance(agent, Agent):
        raise ValidationError("agent", agent, "an Agent")


class Assessment(enum.StrEnum):
    """Whether the weekly limits hold each week, or on average over each month."""

    WEEK = "week"
    MONTH = "month"


class Granularity(enum.StrEnum):
    """The smallest unit of telework a quota counts."""

    DAY = "day"
    HALFDAY = "halfday"

    @property
    def step(self) -> float:
        """1 workday or 0.5."""
        return 1.0 if self is Granularity.DAY else 0.5


def _per_week(value: Any, field: str) -> Quantity:
    quantity = as_quantity(value, field=field, dimension=_PER_WEEK)
    magnitude = float(quantity.m_as("workday/week"))
    if not math.isfinite(magnitude) or not 0 <= magnitude <= 7:
        raise ValidationError(field, value, "between 0 and 7 workday/week")
    return Q_(magnitude, "workday/week")


def _maximum(value: Any) -> Quantity:
    return _per_week(value, "maximum")


def _minimum(value: Any) -> Quantity:
    return _per_week(value, "minimum")


def _on_site(value: Any) -> Quantity:
    return _per_week(value, "on_site_minimum")


def _optional_cap(value: Any) -> Quantity | None:
    return None if value is None else _per_week(value, "maximum")


def _volume(value: Any) -> Quantity:
    quantity = as_quantity(value, field="volume", dimension="[workday]")
    magnitude = float(quantity.m_as("workday"))
    if not math.isfinite(magnitude) or magnitude < 0:
        raise ValidationError("volume", value, "a number of workdays >= 0")
    return Q_(magnitude, "workday")


def _granularity(value: Any) -> Granularity:
    return enum_value(Granularity, value, "granularity")


def _assessment(value: Any) -> Assessment:
    return enum_value(Assessment, value, "assessed")


def _derogation_kind(value: Any) -> DerogationKind:
    return enum_value(DerogationKind, value, "kind")


def _optional_duration(value: Any) -> Duration | None:
    return None if value is None else Duration.parse(value)


def _per(instance: Any, attribute: Any, value: Any) -> None:
    if value not in ("week", "month", "year"):
        raise ValidationError("per", value, "one of: week, month, year")


def _full_week(instance: Any, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 7:
        raise ValidationError("full_week", value, "the days of a full-time week, 1 to 7")


def _name(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError("name", value, "a string")


def _optional_floating(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, FloatingDays):
        raise ValidationError("floating", value, "a FloatingDays volume or None")


def weekday_set(value: Any, field: str) -> frozenset[int]:
    """A set of weekdays from numbers or names; one name alone is one weekday."""
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, Iterable):
        raise ValidationError(field, value, "a set of weekdays, e.g. {'wednesday'}")
    return frozenset(weekday(day, field) for day in value)


@attrs.frozen(kw_only=True)
class FloatingDays:
    """A volume of floating telework days, per week, month or year (décret 2020-524)."""

    volume: Quantity = attrs.field(converter=_volume)
    per: Literal["week", "month", "year"] = attrs.field(validator=_per)
    source: Source | None = attrs.field(default=None, validator=optional_source)


@attrs.frozen(kw_only=True)
class DerogationRule:
    """What a derogation of one ``kind`` allows while it is in force.

    ``maximum`` is the weekly cap during the derogation (``None``: every day worked);
    the on-site minimum does not apply. ``duration`` is the longest a derogation may
    last before it must be renewed (``None``: no limit); past it, the agent's derogation
    no longer lifts the cap.
    """

    kind: DerogationKind = attrs.field(converter=_derogation_kind)
    duration: Duration | None = attrs.field(default=None, converter=_optional_duration)
    renewable: bool = attrs.field(default=True, validator=is_bool)
    maximum: Quantity | None = attrs.field(default=None, converter=_optional_cap)
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def covers(self, agent: Agent, on: dt.date) -> bool:
        """Whether ``agent`` holds a derogation of this kind in force on ``on``, within
        the longest duration allowed."""
        held_here = sorted(
            (d for d in agent.derogations if d.kind is self.kind), key=lambda d: d.start
        )
        for position, held in enumerate(held_here):
            if not held.active_on(on):
                continue
            if position and not self.renewable:
                continue  # a rule that cannot be renewed covers the first grant only
            if self.duration is None or on < self.duration.after(held.start):
                return True
        return False


DECRET_2021_1725 = Source(
    title="Décret n° 2016-151, art. 4, as amended by décret n° 2021-1725",
    reference="derogations to the 3-day cap",
    note="durations from secondary sources (shared/reference/domain-facts.md §1)",
)


def national_derogations() -> tuple[DerogationRule, ...]:
    """The public-service derogations above 3 days a week (``DOMAIN.md`` §2).

    Health or disability: 6 months, renewable; pregnancy: no duration in the text;
    carers: 3 months, renewable; exceptional situations: temporary, no set duration.
    """
    return (
        DerogationRule(kind="health", duration=Duration(months=6), source=DECRET_2021_1725),
        DerogationRule(kind="pregnancy", source=DECRET_2021_1725),
        DerogationRule(kind="carer", duration=Duration(months=3), source=DECRET_2021_1725),
        DerogationRule(kind="exceptional", renewable=False, source=DECRET_2021_1725),
    )


def _share_bound(value: Any, field: str) -> Quantity:
    quantity = as_quantity(value, field=field, dimension=DIMENSIONLESS)
    share = round(float(quantity.m_as("percent")), 9)
    if not 0 <= share <= 100:
        raise ValidationError(field, value, "a share between 0 % and 100 %")
    return Q_(share, "percent")


def _low(value: Any) -> Quantity:
    return _share_bound(value, "low")


def _high(value: Any) -> Quantity:
    return _share_bound(value, "high")


def _share(agent: Agent) -> float:
    return round(float(agent.working_time.m_as("percent")), 9)


@attrs.frozen(kw_only=True)
class PartTimeCap:
    """A lower weekly cap for agents whose working time lies in ``[low, high]``.

    ``DOMAIN.md`` §2: one ministerial arrêté caps part-time agents (60 to 90 %) at 2.5
    days a week and half-time agents at 1.5, floating days included (the décret itself
    has no such rule, so it is a policy's choice).
    """

    low: Quantity = attrs.field(converter=_low)
    high: Quantity = attrs.field(converter=_high)
    maximum: Quantity = attrs.field(converter=_maximum)
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def __attrs_post_init__(self) -> None:
        if self.high_percent < self.low_percent:
            raise ValidationError("high", self.high, f"at least the low bound {self.low:~}")

    @property
    def low_percent(self) -> float:
        """The lowest working time of the band, in percent."""
        return float(self.low.magnitude)

    @property
    def high_percent(self) -> float:
        """The highest working time of the band, in percent."""
        return float(self.high.magnitude)

    def applies(self, share: float) -> bool:
        """Whether a working time of ``share`` percent falls in the band."""
        return self.low_percent <= share <= self.high_percent


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
    assessed: Assessment = attrs.field(default=Assessment.WEEK, converter=_assessment)
    floating: FloatingDays | None = attrs.field(default=None, validator=_optional_floating)
    derogations: tuple[DerogationRule, ...] = attrs.field(default=(), converter=_rules)
    part_time: tuple[PartTimeCap, ...] = attrs.field(default=(), converter=_bands)
    full_week: int = attrs.field(default=5, validator=_full_week)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    name: str = attrs.field(default="", validator=_name)
    # the maximum and the on-site minimum in workday/week, read once for the columns
    _max_days: float = attrs.field(init=False, eq=False, repr=False)
    _on_site_days: float = attrs.field(init=False, eq=False, repr=False)
    # the allowance of each working time met alone (one agent at a time), read once
    _memo: dict[float, float] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.minimum > self.maximum:
            raise ValidationError("minimum", self.minimum, f"at most the maximum {self.maximum}")
        object.__setattr__(self, "_max_days", float(self.maximum.m_as("workday/week")))
        object.__setattr__(self, "_on_site_days", float(self.on_site_minimum.m_as("workday/week")))

    # -- what one agent may do ------------------------------------------------------

    def days_worked(self, working_time: Quantity | str, days_off: Iterable[Any] = ()) -> float:
        """Days worked in a week: working time × the full week, down to a half day, and
        never more than the full week less the weekdays not worked (``days_off``)."""
        share = float(as_quantity(working_time, field="working_time", dimension=DIMENSIONLESS))
        worked = math.floor(round(share * self.full_week * 2, 9)) / 2
        off = weekday_set(days_off, "days_off")
        return min(worked, float(self.full_week - len(off)))

    def derogation(self, agent: Agent, on: dt.date | str) -> DerogationRule | None:
        """The first derogation rule that covers ``agent`` on ``on``, if any."""
        _check_agent(agent)
        day = to_date(on, "on")
        for rule in self.derogations:
            if rule.covers(agent, day):
                return rule
        return None

    def _limits(
        self, days_worked: float, rule: DerogationRule | None, share: float = 1.0
    ) -> tuple[float, float, float]:
        """(cap, on-site minimum, allowed) in workdays per week for this agent."""
        step = self.granularity.step
        if rule is not None:
            cap = days_worked if rule.maximum is None else float(rule.maximum.m_as("workday/week"))
            on_site = 0.0
        else:
            cap = self._max_days
            for band in self.part_time:
                if band.applies(share):
                    cap = min(cap, float(band.maximum.m_as("workday/week")))
            on_site = self._on_site_days
        allowed = max(0.0, min(cap, days_worked - on_site))
        return cap, on_site, math.floor(round(allowed / step, 9)) * step

    def allowed_columns(self, working_time_percent: npt.ArrayLike) -> Quantity:
        """The weekly allowance of many agents at once, from their working times in
        percent: the arithmetic of :meth:`allowed` on columns (the general rule and the
        part-time bands; derogations are read agent by agent in :meth:`allowed`)."""
        share = np.asarray(working_time_percent, dtype=float)
        allowed = self._allowed_magnitudes(share)
        if isinstance(allowed, float):
            return Q_(np.full(share.shape, allowed), "workday/week")
        return Q_(allowed, "workday/week")

    def _allowed_magnitudes(
        self, working_time_percent: npt.NDArray[np.float64]
    ) -> float | npt.NDArray[np.float64]:
        """:meth:`allowed_columns` in workday/week, as one float when every agent gets
        the same allowance (the common case: the maximum binds for every working time
        present).

        Without a part-time band in the range of the working times, the allowance never
        decreases as the working time grows (every step of the arithmetic is monotone).
        So when the smallest working time already gets what an unbounded one would (or
        what the largest one gets), every agent gets it too: one or two reductions
        replace a dozen passes over the column, and the value is the one the column
        arithmetic gives each agent.
        """
        share = working_time_percent
        if share.ndim != 1 or not share.size:
            return self._allowed_array(share)
        if share.size == 1 and math.isfinite(share[0]):  # one agent: once per working time
            key = float(share[0])
            found = self._memo.get(key)
            if found is None:
                found = float(self._allowed_array(share)[0])
                if len(self._memo) > 256:  # many working times: start again
                    self._memo.clear()
                self._memo[key] = found
            return found
        low = float(share.min())  # NaN shows in the minimum
        if math.isfinite(low):
            bottom = float(np.round(np.array([low]), 9)[0])
            if not any(band.high_percent >= bottom for band in self.part_time):
                ends = self._allowed_array(np.array([low, math.inf]))
                if ends[0] == ends[1]:
                    return float(ends[0])
            high = float(share.max())
            top = float(np.round(np.array([high]), 9)[0])
            if math.isfinite(high) and not any(
                band.low_percent <= top and bottom <= band.high_percent for band in self.part_time
            ):
                ends = self._allowed_array(np.array([low, high]))
                if ends[0] == ends[1]:
                    return float(ends[0])
        return self._allowed_array(share)

    def _allowed_array(self, percent: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        share = np.round(percent, 9)
        worked = np.floor(np.round(share / 100 * self.full_week * 2, 9)) / 2
        caps = np.full(share.shape, self._max_days)
        for band in self.part_time:
            inside = (share >= band.low_percent) & (share <= band.high_percent)
            caps = np.where(
                inside, np.minimum(caps, float(band.maximum.m_as("workday/week"))), caps
            )
        allowed = np.maximum(0.0, np.minimum(caps, worked - self._on_site_days))
        step = self.granularity.step
        result: npt.NDArray[np.float64] = np.floor(np.round(allowed / step, 9)) * step
        return result

    def allowed(self, agent: Agent, on: dt.date | str, *, days_off: Iterable[Any] = ()) -> Quantity:
        """The most telework per week ``agent`` may have on ``on`` (derogations included)."""
        _check_agent(agent)
        day = to_date(on, "on")
        worked = self.days_worked(agent.working_time, days_off)
        share = _share(agent)
        return Q_(self._limits(worked, self.derogation(agent, day), share)[2], "workday/week")

    def on_site_required(self, agent: Agent, on: dt.date | str) -> Quantity:
        """The presence on site ``agent`` must keep each week on ``on`` (none while a
        derogation covers them)."""
        _check_agent(agent)
        rule = self.derogation(agent, on)
        return Q_(
            0.0 if rule is not None else float(self.on_site_minimum.m_as("workday/week")),
            "workday/week",
        )

    def check(
        self,
        pattern: WeeklyPattern,
        agent: Agent,
        on: dt.date | str,
        *,
        days_off: Iterable[Any] = (),
    ) -> QuotaDecision:
        """Check ``agent``'s requested ``pattern`` on ``on`` against this quota.

        ``days_off`` are the weekdays a part-time agent does not work. A pattern that
        cannot be planned at all raises :class:`PatternError`; one that exceeds a limit
        gives a decision that is not allowed, with every limit in the way.
        """
        day = to_date(on, "on")
        if not isinstance(pattern, WeeklyPattern):
            raise ValidationError("pattern", pattern, "a WeeklyPattern")
        _check_agent(agent)
        off = weekday_set(days_off, "days_off")
        worked = self.days_worked(agent.working_time, off)
        self._check_possible(pattern, worked, off)
        rule = self.derogation(agent, day)
        cap, on_site, allowed = self._limits(worked, rule, _share(agent))
        asked = float(pattern.total.m_as("workday/week"))
        source = rule.source if rule is not None and rule.source else self.source
        band = next((b for b in self.part_time if b.applies(_share(agent))), None)
        if rule is None and band is not None and band.maximum < self.maximum and band.source:
            source = band.source  # the part-time cap is the limit that applies
        leaves: tuple[CriterionResult, ...] = (
            CriterionResult(
                code="quota.maximum",
                passed=asked <= cap + 1e-9,
                observed=pattern.total,
                threshold=Q_(cap, "workday/week"),
                source=source,
            ),
            CriterionResult(
                code="quota.on_site",
                passed=worked - asked >= on_site - 1e-9,
                observed=Q_(worked - asked, "workday/week"),
                threshold=Q_(on_site, "workday/week"),
                source=source,
            ),
        )
        if float(self.minimum.m_as("workday/week")) > 0:  # a minimum of 0 says nothing
            leaves += (
                CriterionResult(
                    code="quota.minimum",
                    passed=asked >= float(self.minimum.m_as("workday/week")) - 1e-9,
                    observed=pattern.total,
                    threshold=self.minimum,
                    source=self.source,
                ),
            )
        passed = all(leaf.passed for leaf in leaves)
        return QuotaDecision(
            agent_id=agent.id,
            on=day,
            allowed=passed,
            asked=pattern.total,
            maximum=Q_(allowed, "workday/week"),
            derogation=None if rule is None else rule.kind.value,
            result=CompositeResult(kind="all", passed=passed, children=leaves),
            failures=tuple(leaf.code for leaf in leaves if not leaf.passed),
        )

    def _check_possible(
        self, pattern: WeeklyPattern, worked: float, days_off: frozenset[int]
    ) -> None:
        if self.granularity is Granularity.DAY and pattern.has_half_days():
            raise PatternError(
                "pattern", str(pattern), "whole days only: this quota does not count half days"
            )
        asked = float(pattern.total.m_as("workday/week"))
        if asked > worked + 1e-9:
            raise PatternError(
                "pattern", str(pattern), f"at most the {worked:g} days the agent works in a week"
            )
        clash = sorted(pattern.weekdays & days_off)
        if clash:
            raise PatternError(
                "pattern", str(pattern), f"no telework on weekday {clash[0]}, a day not worked"
            )
        weekend = sorted(d for d in pattern.weekdays if d >= self.full_week)
        if weekend:
            raise PatternError(
                "pattern",
                str(pattern),
                f"telework on working weekdays, not on weekday {weekend[0]}",
            )

    def week_limit(self, allowed_per_week: float, days_at_work: float, on_site: float) -> float:
        """The most telework in one actual week: the weekly allowance, and never so much
        that fewer than the on-site minimum of the days actually worked that week (after
        holidays and absences) are left on site."""
        return max(0.0, min(allowed_per_week, days_at_work - on_site))


@attrs.frozen(kw_only=True)
class QuotaDecision:
    """The answer to a quota check: allowed or not, what was asked, the most allowed,
    and each limit as a criterion result with its source."""

    agent_id: str
    on: dt.date
    allowed: bool
    asked: Quantity
    maximum: Quantity
    derogation: str | None
    result: CompositeResult
    failures: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema version."""
        from teletravail.eligibility.decision import encode_value

        return {
            "schema": "teletravail.scheduling.quota_decision",
            "schema_version": SCHEMA_VERSION,
            "agent_id": self.agent_id,
            "on": self.on.isoformat(),
            "allowed": self.allowed,
            "asked": encode_value(self.asked),
            "maximum": encode_value(self.maximum),
            "derogation": self.derogation,
            "failures": list(self.failures),
            "result": self.result.to_dict(),
        }

    def text(self, lang: Literal["en", "fr"] = "en") -> str:
        """The decision in English or French, rendered from its data."""
        from teletravail.eligibility.text import render_quota

        return render_quota(self, lang)

    def __str__(self) -> str:
        return self.text("en")
