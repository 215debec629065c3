"""Decisions: immutable result trees that explain an eligibility answer, and their text.

A :class:`Decision` is what evaluating a rule on one agent gives: eligible or not, and a
tree mirroring the rule, whose leaves (:class:`CriterionResult`) hold for each criterion
whether it passed, the observed value, the threshold, a stable code and the source.
``to_dict()`` gives a JSON-ready document with a schema version and ``from_dict()``
reads it back; :meth:`Decision.text` renders French or English from the same data.

A :class:`BatchDecision` is what evaluating a rule on a workforce gives: answers as
columns, and :meth:`BatchDecision.explain` to get the :class:`Decision` of any row.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Union

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.dated import Duration, Source
from teletravail.errors import RowError, ValidationError
from teletravail.units import Q_, format_unit

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.eligibility.rules import Rule
    from teletravail.units import Quantity
    from teletravail.workforce import Workforce

__all__ = [
    "SCHEMA_VERSION",
    "BatchDecision",
    "CompositeResult",
    "CriterionResult",
    "Decision",
    "Outcome",
    "Result",
    "Value",
]

#: Version of the ``to_dict`` document; bumped on any incompatible change.
SCHEMA_VERSION = 1

Lang = Literal["en", "fr"]
#: What a criterion may observe or require: JSON-ready once encoded by ``encode_value``.
Value = Union["Quantity", dt.date, Duration, str, bool, int, float, tuple[str, ...], None]


def encode_value(value: Value) -> Any:
    """A JSON-ready form of a value that :func:`decode_value` reads back."""
    import pint

    if isinstance(value, pint.Quantity):
        magnitude = float(value.magnitude)
        return {
            "quantity": None if math.isnan(magnitude) else magnitude,
            "unit": format_unit(value),
        }
    if isinstance(value, Duration):
        return {"duration": value.iso()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def decode_value(data: Any) -> Value:
    """Read back a value written by :func:`encode_value`."""
    if isinstance(data, Mapping):
        if "quantity" in data:
            magnitude = data["quantity"]
            return Q_(math.nan if magnitude is None else float(magnitude), str(data["unit"]))
        if "duration" in data:
            return Duration.parse(str(data["duration"]))
        if "date" in data:
            return dt.date.fromisoformat(str(data["date"]))
        raise ValidationError("value", data, "a quantity, duration or date object")
    if isinstance(data, list):
        return tuple(str(item) for item in data)
    if data is None or isinstance(data, str | bool | int | float):
        return data
    raise ValidationError("value", data, "a JSON value")


@attrs.frozen(kw_only=True)
class CriterionResult:
    """The answer of one criterion for one agent."""

    code: str
    passed: bool
    observed: Value
    threshold: Value
    source: Source | None = None
    description: str | None = None
    description_fr: str | None = None
    kind: Literal["criterion"] = "criterion"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "code": self.code,
            "passed": self.passed,
            "observed": encode_value(self.observed),
            "threshold": encode_value(self.threshold),
        }
        if self.source is not None:
            data["source"] = self.source.to_dict()
        if self.description is not None:
            data["description"] = self.description
        if self.description_fr is not None:
            data["description_fr"] = self.description_fr
        return data

    def leaves(self) -> Iterator[CriterionResult]:
        """This result itself (the tree's leaves, for a uniform walk)."""
        yield self


@attrs.frozen(kw_only=True)
class CompositeResult:
    """The answer of a composed rule: ``all``, ``any``, ``not`` or ``unless``.

    For ``unless``, ``children`` is ``(rule, exception)`` and ``waived`` tells whether
    the exception was what made the node pass.
    """

    kind: Literal["all", "any", "not", "unless"]
    passed: bool
    children: tuple[Result, ...]
    waived: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "passed": self.passed,
            "children": [child.to_dict() for child in self.children],
        }
        if self.kind == "unless":
            data["waived"] = self.waived
        return data

    def leaves(self) -> Iterator[CriterionResult]:
        """Every criterion result below this node, left to right."""
        for child in self.children:
            yield from child.leaves()


Result = CriterionResult | CompositeResult


def result_from_dict(data: Mapping[str, Any]) -> Result:
    """Read back a result tree written by ``to_dict``."""
    kind = data.get("kind")
    if kind == "criterion":
        source = data.get("source")
        return CriterionResult(
            code=str(data["code"]),
            passed=bool(data["passed"]),
            observed=decode_value(data.get("observed")),
            threshold=decode_value(data.get("threshold")),
            source=Source.from_dict(dict(source)) if source else None,
            description=data.get("description"),
            description_fr=data.get("description_fr"),
        )
    if kind in ("all", "any", "not", "unless"):
        return CompositeResult(
            kind=kind,
            passed=bool(data["passed"]),
            children=tuple(result_from_dict(c) for c in data["children"]),
            waived=bool(data.get("waived", False)),
        )
    raise ValidationError("result.kind", kind, "one of criterion, all, any, not, unless")


@attrs.frozen(kw_only=True)
class Decision:
    """Whether one agent is eligible on a date, with the reasons.

    ``failures`` lists the codes of *every* criterion that stands in the way (not only
    the first); it is empty when the agent is eligible.
    """

    agent_id: str
    on: dt.date
    eligible: bool
    result: Result
    failures: tuple[str, ...]
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document, with its schema version."""
        return {
            "schema": "teletravail.eligibility.decision",
            "schema_version": self.schema_version,
            "agent_id": self.agent_id,
            "on": self.on.isoformat(),
            "eligible": self.eligible,
            "failures": list(self.failures),
            "result": self.result.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Read back a document written by :meth:`to_dict`."""
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValidationError("schema_version", version, f"version {SCHEMA_VERSION}")
        return cls(
            agent_id=str(data["agent_id"]),
            on=dt.date.fromisoformat(str(data["on"])),
            eligible=bool(data["eligible"]),
            result=result_from_dict(data["result"]),
            failures=tuple(str(code) for code in data["failures"]),
        )

    def failed_criteria(self) -> tuple[CriterionResult, ...]:
        """The criterion results named in ``failures``, in tree order."""
        wanted = set(self.failures)
        return tuple(leaf for leaf in self.result.leaves() if leaf.code in wanted)

    def text(self, lang: Lang = "en") -> str:
        """The decision written out in English (``"en"``) or French (``"fr"``)."""
        from teletravail.eligibility.text import render_decision

        return render_decision(self, lang)

    def __str__(self) -> str:
        return self.text("en")


class Outcome(NamedTuple):
    """The columns computed for one node of a rule over a workforce (internal).

    A named tuple rather than an attrs class: one is made per node and per evaluation,
    and on the one-agent path their construction cost shows.
    """

    rule: Rule
    passed: npt.NDArray[np.bool_]
    children: tuple[Outcome, ...] = ()


class BatchDecision:
    """The answers of one rule for every agent of a workforce, as columns.

    ``eligible`` is a boolean column; rows listed in ``errors`` (an agent hired after the
    reference date, with ``errors="report"``) are marked in ``invalid`` and are not
    eligible. :meth:`explain` gives the full :class:`Decision` of any valid row.
    """

    __slots__ = ("_blame", "_outcome", "errors", "invalid", "on", "rule", "workforce")

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
        self.rule = rule
        self.workforce = workforce
        self.on = on
        self._outcome = outcome
        self.invalid = invalid
        self.errors = tuple(errors)
        self._blame: list[tuple[str, npt.NDArray[np.bool_]]] | None = None

    @property
    def eligible(self) -> npt.NDArray[np.bool_]:
        """One boolean per agent."""
        if not self.invalid.any():
            return self._outcome.passed
        result: npt.NDArray[np.bool_] = self._outcome.passed & ~self.invalid
        return result

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
            self.rule._blame(self._outcome, relevant, found)
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
        """For each criterion code, how many agents it stands in the way of."""
        counts: dict[str, int] = {}
        for code, mask in self._blamed():
            counts[code] = counts.get(code, 0) + int(np.count_nonzero(mask & ~self.invalid))
        return counts

    def _row(self, row_or_id: int | str) -> int:
        if isinstance(row_or_id, str):
            return self.workforce.index_of(row_or_id)
        if not -len(self) <= row_or_id < len(self):
            raise ValidationError("row", row_or_id, f"a row number below {len(self)}")
        return row_or_id % len(self)

    def explain(self, row_or_id: int | str) -> Decision:
        """The full decision for one agent, by row number or by id."""
        row = self._row(row_or_id)
        if self.invalid[row]:
            error = next(e for e in self.errors if e.row == int(self.workforce.source_rows[row]))
            raise ValidationError(error.field, error.value, error.message)
        result = self.rule._result(self._outcome, self.workforce, self.on, row)
        return Decision(
            agent_id=str(self.workforce.ids[row]),
            on=self.on,
            eligible=bool(self.eligible[row]),
            result=result,
            failures=self.failures(row),
        )

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary: counts of eligible, refused, invalid and per criterion."""
        eligible = self.count()
        invalid = int(np.count_nonzero(self.invalid))
        return {
            "schema": "teletravail.eligibility.summary",
            "schema_version": SCHEMA_VERSION,
            "on": self.on.isoformat(),
            "agents": len(self),
            "eligible": eligible,
            "not_eligible": len(self) - eligible - invalid,
            "invalid": invalid,
            "failures": self.failure_counts(),
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready row per agent: id, status and failing criteria."""
        eligible = self.eligible
        records = []
        for row, agent_id in enumerate(self.workforce.ids.tolist()):
            status = "invalid" if self.invalid[row] else "eligible" if eligible[row] else "refused"
            records.append({"id": agent_id, "status": status, "failures": list(self.failures(row))})
        return records

    def to_pandas(self) -> pd.DataFrame:
        """The answers as a DataFrame (the ``pandas`` extra): id, eligible, failures."""
        import pandas as pd

        return pd.DataFrame(self.to_records())
