"""Decisions over a workforce: the answers of a rule for every agent, as columns.

A :class:`BatchDecision` is what evaluating a rule on a workforce gives: answers as
columns, and :meth:`BatchDecision.explain` to get the
:class:`~teletravail.explain.Decision` of any row (the decision trees and their text
are in :mod:`teletravail.explain`). A :class:`CombinedDecision` joins the decisions of
several rules, each on its part of one workforce. :class:`Outcome` is the columns a
rule's node computes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import numpy.typing as npt

from teletravail import formats
from teletravail._columns import any_set, frozen
from teletravail.errors import ReferenceDateError, RowError, ValidationError
from teletravail.explain.results import SCHEMA_VERSION, Decision
from teletravail.frames import Units, quantity_frame
from teletravail.messages import Phrase
from teletravail.statuses import RowStatus

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.eligibility.rules import Rule
    from teletravail.workforce import Workforce

__all__ = [
    "BatchDecision",
    "CombinedDecision",
    "Outcome",
    "hired_by",
]


def hired_by(on: dt.date) -> Phrase:
    """What the hire date of an agent assessed on ``on`` must be: on or before it."""
    return Phrase(
        "a date on or before the reference date, {on}".format(on=formats.date(on, "en")),
        "une date égale ou antérieure à la date de référence, le {on}".format(
            on=formats.date(on, "fr")
        ),
    )


class Outcome(NamedTuple):
    """The columns computed for one node of a rule over a workforce (internal).

    A named tuple rather than an attrs class: one is made per node and per evaluation,
    and on the one-agent path their construction cost shows.
    """

    rule: Rule
    passed: npt.NDArray[np.bool_]
    children: tuple[Outcome, ...] = ()


def _to_date(value: np.datetime64) -> dt.date:
    day = value.astype("datetime64[D]").astype(object)
    assert isinstance(day, dt.date)
    return day


class BatchDecision:
    """The answers of one rule for every agent of a workforce, as columns.

    ``eligible`` is a boolean column; rows listed in ``errors`` (an agent hired after the
    reference date, with ``errors="report"``) are marked in ``invalid`` and are not
    eligible. :meth:`explain` gives the full :class:`Decision` of any valid row.
    """

    __slots__ = (
        "_blame",
        "_eligible",
        "_errors",
        "_invalid",
        "_on",
        "_outcome",
        "_rule",
        "_workforce",
    )

    def __init__(
        self,
        *,
        rule: Rule,
        workforce: Workforce,
        on: dt.date,
        outcome: Outcome,
        invalid: npt.NDArray[np.bool_],
        errors: Sequence[RowError] = (),
    ) -> None:
        self._rule = rule
        self._workforce = workforce
        self._on = on
        self._outcome = outcome
        self._invalid = frozen(invalid)
        self._errors = tuple(errors)
        passed = outcome.passed if not any_set(invalid) else outcome.passed & ~invalid
        self._eligible = frozen(passed)
        self._blame: list[tuple[str, npt.NDArray[np.bool_]]] | None = None

    # read-only attributes: a batch decision is a value, like a Decision
    @property
    def rule(self) -> Rule:
        """The rule that was evaluated."""
        return self._rule

    @property
    def workforce(self) -> Workforce:
        """The workforce it was evaluated on."""
        return self._workforce

    @property
    def on(self) -> dt.date:
        """The reference date."""
        return self._on

    @property
    def invalid(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent: could not be assessed (see ``errors``)."""
        return self._invalid

    @property
    def errors(self) -> tuple[RowError, ...]:
        """The rows that could not be assessed, with the reason."""
        return self._errors

    @property
    def eligible(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent (a read-only array)."""
        return self._eligible

    @property
    def ids(self) -> npt.NDArray[np.str_]:
        """The agents' ids, in row order."""
        return self.workforce.ids

    def __len__(self) -> int:
        return len(self.workforce)

    def __repr__(self) -> str:
        return f"<BatchDecision on {self.on}: {self.count()} eligible of {len(self)}" + (
            f", {int(self.invalid.sum())} invalid>" if self.invalid.any() else ">"
        )

    def count(self) -> int:
        """Number of eligible agents."""
        return int(np.count_nonzero(self.eligible))

    def eligible_ids(self) -> tuple[str, ...]:
        """The ids of the eligible agents, in row order."""
        return tuple(str(i) for i in self.workforce.ids[self.eligible])

    def _blamed(self) -> list[tuple[str, npt.NDArray[np.bool_]]]:
        if self._blame is None:
            found: list[tuple[str, npt.NDArray[np.bool_]]] = []
            relevant = np.ones(len(self), dtype=bool)
            self.rule.blame(self._outcome, relevant, found)
            self._blame = found
        return self._blame

    def failures(self, row: int) -> tuple[str, ...]:
        """Codes of every criterion that stands in the way for ``row``."""
        if self._outcome.passed[row]:
            return ()  # nothing stands in the way of an eligible agent
        codes: list[str] = []
        for code, mask in self._blamed():
            if mask[row] and code not in codes:
                codes.append(code)
        return tuple(codes)

    def failure_counts(self) -> dict[str, int]:
        """For each criterion code, how many agents it stands in the way of.

        An agent counts once per code, even where the rule uses that code twice.
        """
        masks: dict[str, npt.NDArray[np.bool_]] = {}
        for code, mask in self._blamed():
            masks[code] = masks[code] | mask if code in masks else mask
        return {code: int(np.count_nonzero(m & ~self.invalid)) for code, m in masks.items()}

    def row_of(self, row_or_id: int | str) -> int:
        """The row of an agent given by row number (negative counts from the end) or id."""
        if isinstance(row_or_id, str):
            return self.workforce.index_of(row_or_id)
        if not -len(self) <= row_or_id < len(self):
            raise ValidationError(
                "row",
                row_or_id,
                Phrase("a row number below {n}", "un numéro de ligne inférieur à {n}", n=len(self)),
            )
        return row_or_id % len(self)

    def explain(self, row_or_id: int | str) -> Decision:
        """The full decision for one agent, by row number or by id."""
        row = self.row_of(row_or_id)
        if self.invalid[row]:
            raise ReferenceDateError(
                "hire_date", _to_date(self.workforce.hire_date[row]), hired_by(self.on)
            )
        result = self.rule.result(self._outcome, self.workforce, self.on, row)
        return Decision(
            agent_id=str(self.workforce.ids[row]),
            on=self.on,
            eligible=bool(self.eligible[row]),
            result=result,
            failures=self.failures(row),
        )

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary: every input row is counted once.

        ``rows`` counts the input rows: the agents assessed (``eligible`` +
        ``not_eligible``), those that could not be (``invalid``, hired after the date) and
        those the workforce rejected when it was read (``rejected``). ``errors`` lists the
        last two kinds with their row numbers.
        """
        eligible = self.count()
        invalid = int(np.count_nonzero(self.invalid))
        rejected = len(self.workforce.rejected)
        errors = sorted((*self.errors, *self.workforce.rejected), key=lambda e: e.row)
        return {
            "schema": "teletravail.eligibility.summary",
            "schema_version": SCHEMA_VERSION,
            "on": self.on.isoformat(),
            "rows": len(self) + rejected,
            "agents": len(self),
            "eligible": eligible,
            "not_eligible": len(self) - eligible - invalid,
            "invalid": invalid,
            "rejected": rejected,
            "failures": self.failure_counts(),
            "errors": [e.to_dict() for e in errors],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready row per input row, in input order: id, status, failures, error.

        ``status`` is one of :data:`~teletravail.statuses.ELIGIBILITY_STATUSES`:
        ``eligible``, ``not_eligible`` (``failures`` names the criteria in the way),
        ``invalid`` (hired after the date) or ``rejected`` (the row could not be read into
        the workforce).
        """
        eligible = self.eligible
        by_row = {e.row: e for e in self.errors}
        records = []
        for row, (agent_id, source) in enumerate(
            zip(self.workforce.ids.tolist(), self.workforce.source_rows.tolist(), strict=True)
        ):
            record: dict[str, Any] = {"row": source, "id": agent_id}
            if self.invalid[row]:
                record.update(
                    status=RowStatus.INVALID.value, failures=[], error=by_row[source].message
                )
            else:
                status = RowStatus.ELIGIBLE if eligible[row] else RowStatus.NOT_ELIGIBLE
                record.update(status=status.value, failures=list(self.failures(row)), error=None)
            records.append(record)
        for error in self.workforce.rejected:
            records.append(
                {
                    "row": error.row,
                    "id": None,
                    "status": RowStatus.REJECTED.value,
                    "failures": [],
                    "error": error.message,
                }
            )
        return sorted(records, key=lambda r: r["row"])

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """The rows of :meth:`to_records` as a DataFrame (the ``pandas`` extra): ``row``,
        ``id``, ``status``, ``failures``, ``error``. No column is a quantity, so
        ``units`` (``"plain"`` or ``"pint"``, as for every result) changes nothing."""
        records = self.to_records()
        names = ("row", "id", "status", "failures", "error")
        return quantity_frame({name: [r[name] for r in records] for name in names}, {}, units)


class CombinedDecision(BatchDecision):
    """The decisions of several rules, each on its part of one workforce: a policy whose
    populations have rules of their own. Each agent's answer, failures and explanation
    are those of the rule of their part; the columns cover the whole workforce, in its
    row order.

    ``parts`` pairs the rows of each part (positions in ``workforce``) with the
    :class:`BatchDecision` of its rule on those rows. There is no single rule:
    :attr:`rule` is an error that says so.
    """

    __slots__ = ("_part_of", "_parts", "_position")

    def __init__(
        self,
        *,
        workforce: Workforce,
        on: dt.date,
        parts: Sequence[tuple[npt.NDArray[np.int64], BatchDecision]],
    ) -> None:
        n = len(workforce)
        part_of = np.full(n, -1, dtype=np.intp)
        position = np.zeros(n, dtype=np.intp)
        eligible = np.zeros(n, dtype=bool)
        invalid = np.zeros(n, dtype=bool)
        errors: list[RowError] = []
        for index, (rows, decisions) in enumerate(parts):
            part_of[rows] = index
            position[rows] = np.arange(len(rows))
            eligible[rows] = decisions.eligible
            invalid[rows] = decisions.invalid
            errors += decisions.errors
        if (part_of < 0).any():
            row = int(np.flatnonzero(part_of < 0)[0])
            raise ValidationError(
                "parts",
                row,
                Phrase(
                    "parts that cover every row of the workforce",
                    "des parties qui couvrent chaque ligne de l'effectif",
                ),
            )
        self._workforce = workforce
        self._on = on
        self._parts = tuple(parts)
        self._part_of = frozen(part_of)
        self._position = frozen(position)
        self._invalid = frozen(invalid)
        self._eligible = frozen(eligible)
        self._errors = tuple(sorted(errors, key=lambda e: e.row))
        self._blame = None

    @property
    def rule(self) -> Rule:
        """There is no single rule: each part has its own (see :attr:`parts`)."""
        raise ValidationError(
            "rule",
            Phrase("{n} parts", "{n} parties", n=len(self._parts)),
            Phrase(
                "the decision of one rule: ask each part's",
                "la décision d'une seule règle\u00a0: demandez celle de chaque partie",
            ),
        )

    @property
    def parts(self) -> tuple[tuple[npt.NDArray[np.int64], BatchDecision], ...]:
        """The rows of each part, with its rule's decisions on them."""
        return self._parts

    def locate(self, row: int) -> tuple[BatchDecision, int]:
        """The decisions of the part ``row`` is in, and its row there."""
        rows_decisions = self._parts[int(self._part_of[row])][1]
        return rows_decisions, int(self._position[row])

    def failures(self, row: int) -> tuple[str, ...]:
        decisions, where = self.locate(row)
        return decisions.failures(where)

    def failure_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, decisions in self._parts:
            for code, count in decisions.failure_counts().items():
                counts[code] = counts.get(code, 0) + count
        return counts

    def explain(self, row_or_id: int | str) -> Decision:
        decisions, where = self.locate(self.row_of(row_or_id))
        return decisions.explain(where)
