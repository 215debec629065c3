"""A workforce's assessment added up by group: one row per role, establishment or
population (or any categorical column of the register), each with its agents, the
eligible, the granted, the telework days, the allowance paid and the emissions avoided.

The sums are numpy's (``np.bincount``) over the assessment's own columns, so that a
group's figures add up to the totals of :meth:`BatchAssessment.totals
<teletravail.policy.BatchAssessment.totals>`: the counts and the cents exactly, the
days and emissions to float rounding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.messages import choices
from teletravail.policy import STATUSES
from teletravail.workforce import Categories

if TYPE_CHECKING:
    from teletravail.policy import BatchAssessment

__all__ = ["GROUPINGS", "GroupRow", "group_rows"]

#: The columns a bilan adds up by, in the order it shows them.
GROUPINGS: Final = ("role", "establishment", "contract_type", "category", "population")


@attrs.frozen(kw_only=True)
class GroupRow:
    """The figures of one group: ``name`` is the value of the column as the register
    writes it (``None``: not given), then the ``agents`` assessed, the ``eligible``,
    the ``granted``, the telework ``days`` (workday), the ``allowance_cents`` paid and
    the emissions avoided, net (``net_kg``, kg CO2e)."""

    name: str | None
    agents: int
    eligible: int
    granted: int
    days: float
    allowance_cents: int
    net_kg: float


def _codes(batch: BatchAssessment, by: str) -> tuple[npt.NDArray[np.intp], list[str | None]]:
    """Each agent's group as a code, and the name of each code."""
    if by == "population":
        values = batch.population
        names: list[str | None] = [p.name for p in batch.policy.populations]
        if any(v is None for v in values.tolist()):
            names.append(None)
        index = {name: i for i, name in enumerate(names)}
        return np.array([index[v] for v in values.tolist()], dtype=np.intp), names
    column = getattr(batch.workforce, by, None)
    if not isinstance(column, Categories):
        raise ValidationError("by", by, choices(GROUPINGS))
    labels: list[str | None] = [c if c else None for c in column.categories]
    return column.codes.astype(np.intp), labels


def group_rows(batch: BatchAssessment, by: str) -> list[GroupRow]:
    """The assessment added up by ``by`` (one of :data:`GROUPINGS`): one row per group
    with agents, most agents first (then by name, the group not given last). Rows that
    could not be assessed on the date are counted in no figure but ``agents``."""
    codes, names = _codes(batch, by)
    size = len(names)
    valid = ~batch.invalid

    def counted(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        return np.bincount(codes[mask], minlength=size).astype(np.int64)

    def summed(column: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        found: npt.NDArray[np.float64] = np.bincount(
            codes, weights=np.where(valid, column, 0.0), minlength=size
        ).astype(np.float64)
        return found

    agents = np.bincount(codes, minlength=size)
    eligible = counted(batch.decisions.eligible & valid)
    granted = counted(batch.status == STATUSES.index("granted"))
    days = summed(batch.days)
    net = summed(batch.impact.net_kg)
    cents = np.zeros(size, dtype=np.int64)
    np.add.at(cents, codes, np.where(valid, batch.allowance_cents, 0))
    rows = [
        GroupRow(
            name=names[i],
            agents=int(agents[i]),
            eligible=int(eligible[i]),
            granted=int(granted[i]),
            days=float(days[i]),
            allowance_cents=int(cents[i]),
            net_kg=float(net[i]),
        )
        for i in range(size)
        if agents[i]
    ]
    return sorted(rows, key=lambda r: (r.name is None, -r.agents, r.name or ""))
