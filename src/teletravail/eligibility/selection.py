"""Selection campaigns: among eligible applicants, fill a number of seats by rank.

The Lozère (2015) picked 8 volunteer agents on commute distance, the longest first ("Le
Conseil Général de la Lozère a mis en place le télétravail pour ses agents", SoLozère,
2 April 2015). A :class:`SelectionCampaign` does that for any
key: eligible agents are ranked by the key (missing values last), ties are broken by
agent id so that the same input always gives the same answer, the first ``seats`` are
selected and the others are on the waiting list with their rank. Each agent's status
is a word of the package's row statuses (:data:`~teletravail.statuses.SELECTION_STATUSES`):
``selected``, ``not_selected`` (on the waiting list), ``not_eligible`` or ``invalid``.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import Phrase
from teletravail.statuses import RowStatus
from teletravail.workforce import PANDAS_QUANTITIES as _WORKFORCE_QUANTITIES
from teletravail.workforce import Workforce

from .decisions import BatchDecision

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["Selection", "SelectionCampaign"]

RankKey = Literal["commute_distance", "commute_time", "seniority", "working_time"]
#: The columns a campaign can rank agents by.
RANKING_KEYS: tuple[str, ...] = ("commute_distance", "commute_time", "seniority", "working_time")
Status = Literal["selected", "not_selected", "not_eligible", "invalid"]
#: Version of the ``explain`` document (``teletravail.eligibility.selection``): 2 since
#: an agent on the waiting list is ``not_selected`` (it was ``waiting``).
SELECTION_SCHEMA_VERSION = 2
# the ranking key's column in Selection.to_pandas, named as in Workforce.to_pandas:
# key -> (plain name, pint name, unit)
_KEY_COLUMNS: dict[str, tuple[str, str, str]] = {
    short: (plain, short, unit) for plain, (short, unit) in _WORKFORCE_QUANTITIES.items()
}


_SEATS = Phrase("a whole number of seats >= 0", "un nombre entier de places, positif ou nul")


def _seats(value: Any) -> int:
    if isinstance(value, bool):
        raise ValidationError("seats", value, _SEATS)
    try:
        seats = operator.index(value)
    except TypeError:
        raise ValidationError("seats", value, _SEATS) from None
    if seats < 0:
        raise ValidationError("seats", value, _SEATS)
    return seats


def _key(value: Any) -> RankKey | Callable[[Workforce], npt.ArrayLike]:
    if callable(value):
        return value  # type: ignore[no-any-return]
    if value in RANKING_KEYS:
        return value  # type: ignore[no-any-return]
    raise ValidationError(
        "rank_by",
        value,
        Phrase(
            "one of {keys} or a function of the workforce",
            "une valeur parmi {keys}, ou une fonction de l'effectif",
            keys=", ".join(RANKING_KEYS),
        ),
    )


@attrs.frozen(kw_only=True)
class SelectionCampaign:
    """Fill ``seats`` among eligible agents, ranked by ``rank_by``.

    ``rank_by`` is a column name (``commute_distance``, ``commute_time``, ``working_time``;
    ``seniority`` ranks the earliest hire date first) or a function returning one number
    per agent. ``descending`` puts the largest values first (default: longest commute
    first). For ``seniority`` a larger value means a longer service, so the default
    ranks the longest-serving agents first.
    """

    seats: int = attrs.field(converter=_seats)
    rank_by: RankKey | Callable[[Workforce], npt.ArrayLike] = attrs.field(
        default="commute_distance", converter=_key
    )
    descending: bool = True
    name: str = ""

    def _values(self, workforce: Workforce) -> npt.NDArray[np.float64]:
        key = self.rank_by
        if key == "commute_distance":
            return np.asarray(workforce.commute_distance_km, dtype=float)
        if key == "commute_time":
            return np.asarray(workforce.commute_time_min, dtype=float)
        if key == "working_time":
            return np.asarray(workforce.working_time_percent, dtype=float)
        if key == "seniority":  # earlier hire = more seniority = larger value
            return -workforce.hire_date.astype("int64").astype(float)
        assert callable(key)
        values = np.asarray(key(workforce), dtype=float)
        if values.shape != (len(workforce),):
            raise ValidationError(
                "rank_by",
                values.shape,
                Phrase(
                    "one number for each of {n} agents",
                    "un nombre pour chacun des {n} agents",
                    n=len(workforce),
                ),
            )
        return values

    def run(self, decisions: BatchDecision) -> Selection:
        """Rank the eligible agents of ``decisions`` and fill the seats."""
        workforce = decisions.workforce
        values = self._values(workforce)
        eligible = decisions.eligible
        # sort key: missing values last, then by value, then by id (deterministic)
        missing = np.isnan(values)
        ordered = np.where(missing, 0.0, -values if self.descending else values)
        order = np.lexsort((workforce.ids, ordered, missing, ~eligible))
        candidates = order[: int(np.count_nonzero(eligible))]
        rank = np.zeros(len(workforce), dtype=np.int64)
        rank[candidates] = np.arange(1, len(candidates) + 1)
        rank.flags.writeable = False
        values = values.copy() if values.flags.writeable else values
        values.flags.writeable = False
        return Selection(campaign=self, decisions=decisions, rank=rank, values=values)


@attrs.frozen(kw_only=True, eq=False)
class Selection:
    """The outcome of a :class:`SelectionCampaign`.

    ``rank`` is 1 for the first eligible agent, 0 for agents not eligible.
    """

    campaign: SelectionCampaign
    decisions: BatchDecision
    rank: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]

    @property
    def selected(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: has a seat."""
        result: npt.NDArray[np.bool_] = (self.rank > 0) & (self.rank <= self.campaign.seats)
        return result

    def _ids_by_rank(self, mask: npt.NDArray[np.bool_]) -> tuple[str, ...]:
        rows = np.flatnonzero(mask)
        rows = rows[np.argsort(self.rank[rows], kind="stable")]
        return tuple(str(i) for i in self.decisions.workforce.ids[rows])

    def selected_ids(self) -> tuple[str, ...]:
        """The ids with a seat, best ranked first."""
        return self._ids_by_rank(self.selected)

    def waiting_list(self) -> tuple[str, ...]:
        """The eligible ids without a seat, in rank order."""
        return self._ids_by_rank(self.rank > self.campaign.seats)

    def status(self, row_or_id: int | str) -> Status:
        """``selected``, ``not_selected`` (eligible, on the waiting list), ``not_eligible``
        or ``invalid`` for one agent (see :mod:`teletravail.statuses`)."""
        row = self.decisions.row_of(row_or_id)
        if self.decisions.invalid[row]:
            return RowStatus.INVALID.value
        rank = int(self.rank[row])
        if rank == 0:
            return RowStatus.NOT_ELIGIBLE.value
        if rank <= self.campaign.seats:
            return RowStatus.SELECTED.value
        return RowStatus.NOT_SELECTED.value

    def explain(self, row_or_id: int | str) -> dict[str, Any]:
        """A JSON-ready account of one agent's place in the campaign."""
        row = self.decisions.row_of(row_or_id)
        status = self.status(row)
        value = float(self.values[row])
        data: dict[str, Any] = {
            "schema": "teletravail.eligibility.selection",
            "schema_version": SELECTION_SCHEMA_VERSION,
            "agent_id": str(self.decisions.workforce.ids[row]),
            "status": status,
            "rank": int(self.rank[row]) or None,
            "seats": self.campaign.seats,
            "rank_by": self.campaign.rank_by
            if isinstance(self.campaign.rank_by, str)
            else "custom",
            "key": None if math.isnan(value) else value,
        }
        if status == RowStatus.NOT_SELECTED.value:
            data["waiting_position"] = int(self.rank[row]) - self.campaign.seats
        if status != RowStatus.INVALID.value:
            data["decision"] = self.decisions.explain(row).to_dict()
        return data

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready row per agent: id, status, rank (None if not eligible)."""
        return [
            {"id": str(agent_id), "status": self.status(row), "rank": int(self.rank[row]) or None}
            for row, agent_id in enumerate(self.decisions.workforce.ids.tolist())
        ]

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """The columns of :meth:`to_records` (``id``, ``status``, ``rank``) and the key the
        agents were ranked by, as a DataFrame (the ``pandas`` extra).

        The key is named as in :meth:`Workforce.to_pandas
        <teletravail.workforce.Workforce.to_pandas>`: ``commute_distance_km``,
        ``commute_time_min`` or ``working_time_pct``, pint-pandas columns
        (``commute_distance``...) with ``units="pint"`` (see :mod:`teletravail.tables`);
        ``hire_date`` for ``seniority``; ``key``, a plain number, for a function.
        """
        records = self.to_records()
        columns: dict[str, Any] = {
            name: [record[name] for record in records] for name in ("id", "status", "rank")
        }
        key = self.campaign.rank_by
        quantities: dict[str, tuple[str, str]] = {}
        if isinstance(key, str) and key in _KEY_COLUMNS:
            plain, short, unit_name = _KEY_COLUMNS[key]
            columns[plain] = self.values
            quantities[plain] = (short, unit_name)
        elif key == "seniority":
            columns["hire_date"] = self.decisions.workforce.hire_date
        else:
            columns["key"] = self.values
        return quantity_frame(columns, quantities, units)
