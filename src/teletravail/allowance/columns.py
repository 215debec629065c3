"""An allowance's answer for many schedules at once, as columns: a component's
:class:`Amounts` (the cents of each schedule, the days paid and not paid, the detail per
period) and an allowance's :class:`AllowanceColumns` (what each agent is paid and what
the employer bears). One agent's :class:`~teletravail.allowance.result.Line` and
:class:`~teletravail.allowance.result.AllowanceResult` are read from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.units import Q_

from .result import AllowanceResult, Line, PeriodAmount

if TYPE_CHECKING:
    from teletravail.scheduling.days import TeleworkDays

    from .component import Component

__all__ = ["AllowanceColumns", "Amounts"]


@attrs.frozen(kw_only=True, eq=False)
class Amounts:
    """A component's answer for many schedules (the column method
    :meth:`~teletravail.allowance.component.Component.amounts`): per schedule, the
    ``cents`` due, the half ``days`` paid, the half days ``excluded`` by reason, and, for
    the components paid per period, the ``periods`` (calendar years or months) with each
    one's ``uncapped`` amount, ``cap`` (-1: none) and ``due`` amount (schedules ×
    periods)."""

    component: Component
    cents: npt.NDArray[np.int64]
    days: npt.NDArray[np.int64] | None = None
    excluded: Mapping[str, npt.NDArray[np.int64]] = attrs.field(factory=dict)
    periods: tuple[str, ...] = ()
    period_days: npt.NDArray[np.int64] | None = None
    uncapped: npt.NDArray[np.int64] | None = None
    caps: npt.NDArray[np.int64] | None = None
    due: npt.NDArray[np.int64] | None = None

    def minus(self, earlier: Amounts) -> Amounts:
        """These amounts less those of ``earlier`` days of the same schedules (whose
        periods are among these): what a later span of a year adds to what its earlier
        days were due."""
        where = [self.periods.index(label) for label in earlier.periods]

        def less(
            mine: npt.NDArray[np.int64] | None, theirs: npt.NDArray[np.int64] | None
        ) -> npt.NDArray[np.int64] | None:
            if mine is None or theirs is None:
                return mine
            found = np.array(mine, dtype=np.int64, copy=True)
            if found.ndim == 2:
                found[:, where] -= theirs
            else:
                found -= theirs
            return found

        reasons = {*self.excluded, *earlier.excluded}
        zero = np.zeros(len(self.cents), dtype=np.int64)
        return Amounts(
            component=self.component,
            cents=self.cents - earlier.cents,
            days=less(self.days, earlier.days),
            excluded={
                reason: self.excluded.get(reason, zero) - earlier.excluded.get(reason, zero)
                for reason in reasons
            },
            periods=self.periods,
            period_days=less(self.period_days, earlier.period_days),
            uncapped=less(self.uncapped, earlier.uncapped),
            caps=self.caps,
            due=less(self.due, earlier.due),
        )

    def per_agent(self, days: TeleworkDays) -> npt.NDArray[np.int64]:
        """The cents of each agent of ``days`` (their schedule's)."""
        result: npt.NDArray[np.int64] = self.cents[days.codes]
        return result

    def line(self, schedule: int) -> Line:
        """The :class:`Line` of one schedule."""
        component = self.component
        periods: tuple[PeriodAmount, ...] = ()
        if self.due is not None and self.uncapped is not None and self.caps is not None:
            assert self.period_days is not None
            periods = tuple(
                PeriodAmount(
                    period=label,
                    days=Q_(int(self.period_days[schedule, i]) / 2, "workday"),
                    uncapped=int(self.uncapped[schedule, i]),
                    cap=None if self.caps[schedule, i] < 0 else int(self.caps[schedule, i]),
                    cents=int(self.due[schedule, i]),
                )
                for i, label in enumerate(self.periods)
                if self.period_days[schedule, i] or self.due[schedule, i]
            )
        return Line(
            name=component.name,
            kind=component.kind,
            cents=int(self.cents[schedule]),
            paid_to_agent=component.paid_to_agent,
            days=None if self.days is None else Q_(int(self.days[schedule]) / 2, "workday"),
            excluded={
                reason: Q_(int(values[schedule]) / 2, "workday")
                for reason, values in self.excluded.items()
                if values[schedule]
            },
            periods=periods,
            source=component.source,
        )


@attrs.frozen(kw_only=True, eq=False)
class AllowanceColumns:
    """An allowance for many agents at once: each component's :class:`Amounts`, per
    schedule the cents paid (``schedule_paid``) and borne by the employer
    (``schedule_employer``), and per agent (columns made when first read) the cents
    ``paid`` to them and the ``employer`` costs."""

    days: TeleworkDays
    amounts: tuple[Amounts, ...]
    schedule_paid: npt.NDArray[np.int64]
    schedule_employer: npt.NDArray[np.int64]
    _memo: dict[str, npt.NDArray[np.int64]] = attrs.field(init=False, factory=dict, repr=False)

    @property
    def paid(self) -> npt.NDArray[np.int64]:
        """The cents paid to each agent (read-only)."""
        found = self._memo.get("paid")
        if found is None:
            found = self._memo["paid"] = self.schedule_paid[self.days.codes]
            found.flags.writeable = False
        return found

    @property
    def employer(self) -> npt.NDArray[np.int64]:
        """The employer's costs for each agent, in cents (read-only)."""
        found = self._memo.get("employer")
        if found is None:
            found = self._memo["employer"] = self.schedule_employer[self.days.codes]
            found.flags.writeable = False
        return found

    def totals(self, counts: npt.NDArray[np.int64]) -> tuple[int, int]:
        """The cents paid and borne over all agents, for ``counts`` agents per schedule
        (exact, in Python integers)."""
        weights = [int(c) for c in counts.tolist()]
        paid = sum(w * int(c) for w, c in zip(weights, self.schedule_paid.tolist(), strict=True))
        borne = sum(
            w * int(c) for w, c in zip(weights, self.schedule_employer.tolist(), strict=True)
        )
        return paid, borne

    def result(self, row: int) -> AllowanceResult:
        """The lines of the agent of ``row``."""
        schedule = int(self.days.codes[row])
        return AllowanceResult(lines=tuple(a.line(schedule) for a in self.amounts))
