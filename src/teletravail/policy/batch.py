"""A workforce's assessment over a period: :class:`BatchAssessment`.

Its columns are in the workforce's row order, whatever the parts it is made of: a
policy without populations assesses the workforce in one
:class:`~teletravail.policy.results.PopulationAssessment`, a policy with populations
each population's agents in their own (and the agents in none in one more), and every
figure of an agent is the figure of their part. Counts and totals add up the parts;
any row can be explained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import readonly
from teletravail.eligibility.decisions import BatchDecision, CombinedDecision
from teletravail.errors import RowError
from teletravail.frames import Units, quantity_frame
from teletravail.impact.report import ImpactReport
from teletravail.messages import Lang
from teletravail.policy.displays import batch_html
from teletravail.policy.results import ASSESSMENT_QUANTITIES, PopulationAssessment, totals_of
from teletravail.policy.rows import rows_document
from teletravail.policy.statuses import RULE_ORDER, STATUSES
from teletravail.workforce import Workforce

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.policy.assessment import Assessment
    from teletravail.policy.policy import Policy

__all__ = ["BatchAssessment"]


@attrs.frozen(kw_only=True, eq=False)
class BatchAssessment:
    """A workforce's assessment over a period, as columns, with totals; any row can be
    explained.

    Per agent (read-only columns, in the workforce's row order): ``entitled``
    (eligible, and selected when the policy selects), ``status`` (codes into
    :data:`STATUSES`), the telework ``asked`` and ``granted`` per week (workday/week),
    the telework ``days`` over the period (workday), the ``allowance_cents`` paid and
    ``employer_cents`` borne (exact), the ``population`` each agent belongs to, and the
    ``impact``. ``decisions`` holds the eligibility decisions.

    A policy with populations assesses each population's agents by its own rules:
    ``parts`` holds those assessments (:class:`PopulationAssessment`), and ``rows``
    the rows of the workforce each covers (``None``: one part, every row in order).
    Every figure of an agent is the figure of their part; totals add up the parts.
    """

    policy: Policy
    on: dt.date
    start: dt.date
    end: dt.date
    workforce: Workforce
    parts: tuple[PopulationAssessment, ...]
    rows: tuple[npt.NDArray[np.int64], ...] | None = None
    #: the policy's populations whose selector matches no agent of the workforce
    unmatched: tuple[str, ...] = ()
    #: the policy's populations whose selector matches agents that all belong to
    #: populations written before them
    shadowed: tuple[str, ...] = ()
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.workforce)

    def __repr__(self) -> str:
        return (
            f"<BatchAssessment of {self.policy.name!r} over {self.start}..{self.end}:"
            f" {self.count('granted')} granted of {len(self)}>"
        )

    def to_html(self, lang: Lang | None = None) -> str:
        """The assessment as a small HTML display (the counts by status in words, the
        days, the money, the impact), in English or French (``None``: the language of
        :mod:`teletravail.display`): what a notebook shows."""
        return batch_html(self, lang)

    def _repr_html_(self) -> str:
        return batch_html(self)

    @property
    def _single(self) -> PopulationAssessment | None:
        """The one part covering every row in order, if so."""
        return self.parts[0] if self.rows is None else None

    def _gather(self, name: str, read: Any, dtype: Any) -> npt.NDArray[Any]:
        """A column of the whole workforce from each part's own (read-only)."""
        one = self._single
        if one is not None:
            result: npt.NDArray[Any] = read(one)
            return result
        found = self._memo.get(name)
        if found is None:
            column = np.zeros(len(self), dtype=dtype)
            for part, rows in zip(self.parts, self.rows or (), strict=True):
                column[rows] = read(part)
            found = self._memo[name] = readonly(column)
        result = found
        return result

    def _locate(self, row: int) -> tuple[PopulationAssessment, int]:
        """The part holding ``row``, and the row's position in it."""
        one = self._single
        if one is not None:
            return one, row
        where = self._memo.get("where")
        if where is None:
            part_of = np.zeros(len(self), dtype=np.intp)
            position = np.zeros(len(self), dtype=np.intp)
            for index, rows in enumerate(self.rows or ()):
                part_of[rows] = index
                position[rows] = np.arange(len(rows))
            where = self._memo["where"] = (part_of, position)
        return self.parts[int(where[0][row])], int(where[1][row])

    @property
    def decisions(self) -> BatchDecision:
        """The eligibility decisions of every agent (with populations, a
        :class:`~teletravail.eligibility.decisions.CombinedDecision` of each
        population's rule on its agents)."""
        one = self._single
        if one is not None:
            return one.decisions
        found = self._memo.get("decisions")
        if found is None:
            pairs = [
                (rows, p.decisions) for p, rows in zip(self.parts, self.rows or (), strict=True)
            ]
            found = self._memo["decisions"] = CombinedDecision(
                workforce=self.workforce, on=self.on, parts=pairs
            )
        decisions: BatchDecision = found
        return decisions

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Every row that could not be assessed, in row order: the eligibility's (an
        agent hired after the date) and the assessment's own (absences outside the
        days assessed, figures that could not be computed for that agent)."""
        one = self._single
        if one is not None:
            return one.errors
        found: tuple[RowError, ...] = tuple(
            sorted((e for p in self.parts for e in p.errors), key=lambda e: e.row)
        )
        return found

    @property
    def invalid(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: could not be assessed (see :attr:`errors`)."""
        return self._gather("invalid", lambda p: p.invalid, bool)

    @property
    def entitled(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: eligible, and selected when the policy selects."""
        return self._gather("entitled", lambda p: p.entitled, bool)

    @property
    def selected(self) -> npt.NDArray[np.bool_] | None:
        """One boolean per agent: selected by the policy's campaign (None: none)."""
        one = self._single
        return None if one is None else one.selected

    @property
    def asked(self) -> npt.NDArray[np.float64]:
        """The telework asked for per week (workday/week)."""
        return self._gather("asked", lambda p: p.asked, np.float64)

    @property
    def status(self) -> npt.NDArray[np.int8]:
        """Each agent's status, as codes into :data:`STATUSES`."""
        return self._gather("status", lambda p: p.status, np.int8)

    @property
    def granted(self) -> npt.NDArray[np.float64]:
        """The telework granted per week (workday/week), 0 where none is."""
        return self._gather("granted", lambda p: p.granted, np.float64)

    @property
    def days(self) -> npt.NDArray[np.float64]:
        """The telework days over the period (workday)."""
        return self._gather("days", lambda p: p.days, np.float64)

    @property
    def allowance_cents(self) -> npt.NDArray[np.int64]:
        """The allowance paid over the period, in cents (exact)."""
        return self._gather("paid", lambda p: p.allowance_cents, np.int64)

    @property
    def employer_cents(self) -> npt.NDArray[np.int64]:
        """The employer's costs over the period, in cents (exact)."""
        return self._gather("employer", lambda p: p.employer_cents, np.int64)

    @property
    def reduced(self) -> npt.NDArray[np.bool_]:
        """Agents whose ask was reduced to what the quota allows."""
        return self._gather("reduced", lambda p: p.reduced, bool)

    @property
    def population(self) -> npt.NDArray[np.object_]:
        """The name of each agent's population (``None``: in none of them, or the
        policy has none)."""
        return self._gather(
            "population", lambda p: np.full(len(p), p.population, dtype=object), object
        )

    @property
    def impact(self) -> ImpactReport:
        """The impact of every agent's telework days (one report for the workforce)."""
        one = self._single
        if one is not None:
            return one.impact
        found = self._memo.get("impact")
        if found is None:
            found = self._memo["impact"] = _joined_impact(self.parts, self.rows or (), self)
        report: ImpactReport = found
        return report

    def count(self, status: str) -> int:
        """How many agents have ``status`` (one of :data:`STATUSES`)."""
        return sum(part.count(status) for part in self.parts)

    def statuses(self) -> npt.NDArray[np.str_]:
        """Each agent's status as text."""
        result: npt.NDArray[np.str_] = np.array(STATUSES)[self.status]
        return result

    def quota_failures(self, row: int) -> tuple[str, ...]:
        """The rules of the policy's places and quota that ``row``'s ask breaks (empty
        for an agent who is not entitled: their ask was not considered)."""
        part, where = self._locate(row)
        return part.quota_failures(where)

    def refusal_counts(self) -> dict[str, int]:
        """For each rule of the places and the quota, how many entitled agents' asks it
        breaks (an agent counts under each rule in the way; reduced asks count too)."""
        counts: dict[str, int] = {}
        for part in self.parts:
            for code, count in part.refusal_counts().items():
                counts[code] = counts.get(code, 0) + count
        return dict(sorted(counts.items(), key=lambda item: RULE_ORDER.index(item[0])))

    def population_counts(self) -> dict[str, dict[str, int]]:
        """For each population of the policy, in the order written, how many agents it
        holds and their statuses (populations that select no agent included, at zero);
        agents in no population under the key ``""``."""
        found: dict[str, dict[str, int]] = {
            p.name: dict.fromkeys(STATUSES, 0) | {"agents": 0} for p in self.policy.populations
        }
        for part in self.parts:
            key = part.population or ""
            counts = found.setdefault(key, dict.fromkeys(STATUSES, 0) | {"agents": 0})
            counts["agents"] += len(part)
            for status in STATUSES:
                counts[status] += part.count(status)
        return found

    def sums(self) -> dict[str, Any]:
        """The additive figures of the assessment as plain numbers (counts, half days,
        cents, kilometres, hours, kilograms): the sums of several batches (a workforce
        assessed in parts) give their totals with :func:`totals_of`."""
        sums = [part.sums() for part in self.parts]
        if len(sums) == 1:
            return sums[0]
        added: dict[str, Any] = {}
        for key in sums[0]:
            values = [s[key] for s in sums]
            if key == "eur":
                priced = [v for v in values if v is not None]
                added[key] = float(np.sum(priced)) if priced else None
            else:
                added[key] = sum(values)
        return added

    def totals(self) -> dict[str, Any]:
        """Counts, days, money and impact totals, in units (:func:`totals_of` of
        :meth:`sums`)."""
        return totals_of([part.sums() for part in self.parts])

    def explain(self, row_or_id: int | str) -> Assessment:
        """The full assessment of one agent, by row or id (its decision tree is built
        when first read)."""
        one = self._single
        if one is not None:
            return one.explain(row_or_id)
        part, where = self._locate(self.decisions.row_of(row_or_id))
        return part.explain_row(where)

    def to_dict(self, ids: Sequence[str | None] | None = None) -> dict[str, Any]:
        """Every input row as a JSON-ready document (``teletravail.assessment.rows``,
        :func:`~teletravail.policy.rows.rows_document`): the counts, then each row's
        id, status, the rules in the way and its figures with their units, or the error
        of a bad row. ``ids`` gives the ids of the input rows (by default those of the
        workforce; a row that could not be read then has none)."""
        return rows_document(self, ids)

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """One row per agent assessed (the ``pandas`` extra): ``id``, ``status``,
        ``eligible``, ``entitled``, ``population`` where the policy has populations, then
        quantities as floats named with their unit (``asked_workday_per_week``,
        ``granted_workday_per_week``, ``days_workday``, ``allowance_eur`` and
        ``employer_costs_eur`` from the exact cents, ``distance_km``, ``time_h``,
        ``net_kg_co2e``), or, with ``units="pint"``, pint-pandas columns named as in
        :data:`~teletravail.policy.results.ASSESSMENT_QUANTITIES` (see :mod:`teletravail.frames`;
        :func:`~teletravail.tables.assessment_frame` has one row per input row
        instead)."""
        columns: dict[str, Any] = {
            "id": self.decisions.ids,
            "status": self.statuses(),
            "eligible": self.decisions.eligible,
            "entitled": self.entitled,
        }
        if self.policy.populations:  # text as objects: None stays None
            import pandas as pd

            columns["population"] = pd.Series(self.population, dtype=object)
        columns |= {
            "asked_workday_per_week": self.asked,
            "granted_workday_per_week": self.granted,
            "days_workday": self.days,
            "allowance_eur": self.allowance_cents / 100,
            "employer_costs_eur": self.employer_cents / 100,
            "distance_km": self.impact.km,
            "time_h": self.impact.hours,
            "net_kg_co2e": self.impact.net_kg,
        }
        return quantity_frame(columns, ASSESSMENT_QUANTITIES, units)


def _joined_impact(
    parts: Sequence[PopulationAssessment],
    rows: Sequence[npt.NDArray[np.int64]],
    batch: BatchAssessment,
) -> ImpactReport:
    """One impact report for the workforce, each agent's row from their part's."""
    n = len(batch)

    def column(name: str, dtype: Any) -> npt.NDArray[Any]:
        found = np.zeros(n, dtype=dtype)
        for part, where in zip(parts, rows, strict=True):
            found[where] = getattr(part.impact, name)
        return found

    priced = all(part.impact.eur is not None for part in parts)
    centres = any(part.impact.unknown_telecentre is not None for part in parts)
    unknown_centre = None
    if centres:
        unknown_centre = np.zeros(n, dtype=bool)
        for part, where in zip(parts, rows, strict=True):
            if part.impact.unknown_telecentre is not None:
                unknown_centre[where] = part.impact.unknown_telecentre
    first = parts[0].impact
    return ImpactReport(
        label=first.label,
        on=first.on,
        ids=batch.workforce.ids,
        modes=batch.workforce.commute_mode,
        days=column("days", np.float64),
        telecentre_days=column("telecentre_days", np.float64),
        km=column("km", np.float64),
        hours=column("hours", np.float64),
        gross_kg=column("gross_kg", np.float64),
        rebound_kg=column("rebound_kg", np.float64),
        eur=column("eur", np.float64) if priced else None,
        unknown_distance=column("unknown_distance", bool),
        assumptions=first.assumptions,
        unknown_telecentre=unknown_centre,
    )
