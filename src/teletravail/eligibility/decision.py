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
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar, Union

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import require_keys
from teletravail._columns import any_set, frozen
from teletravail.dated import Duration, Source, to_date
from teletravail.errors import ReferenceDateError, RowError, UnitError, ValidationError
from teletravail.messages import Phrase
from teletravail.statuses import RowStatus
from teletravail.units import Q_, format_unit

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.eligibility.rules import Rule
    from teletravail.tables import Units
    from teletravail.units import Quantity
    from teletravail.workforce import Workforce

__all__ = [
    "SCHEMA_VERSION",
    "BatchDecision",
    "CombinedDecision",
    "CompositeResult",
    "CriterionResult",
    "Decision",
    "Outcome",
    "Result",
    "Value",
    "hired_by",
]

#: Version of the ``to_dict`` document; bumped on any incompatible change.
SCHEMA_VERSION = 1

Lang = Literal["en", "fr"]
#: What a criterion may observe or require: JSON-ready once encoded by ``encode_value``.
Value = Union["Quantity", dt.date, Duration, str, bool, int, float, tuple[str, ...], None]


def hired_by(on: dt.date) -> Phrase:
    """What the hire date of an agent assessed on ``on`` must be: on or before it."""
    return Phrase(
        "a date on or before the reference date {on}",
        "une date égale ou antérieure à la date de référence, le {on}",
        on=on.isoformat(),
    )


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


def decode_value(data: Any, path: str = "value") -> Value:
    """Read back a value written by :func:`encode_value`; errors name ``path``."""
    if isinstance(data, Mapping):
        if "quantity" in data:
            require_keys(data, path, ("quantity", "unit"))
            magnitude = data["quantity"]
            if magnitude is not None and (
                isinstance(magnitude, bool) or not isinstance(magnitude, int | float)
            ):
                raise ValidationError(
                    f"{path}.quantity", magnitude, Phrase("a number or null", "un nombre ou null")
                )
            unit = _typed(data, "unit", str, path)
            try:
                return Q_(math.nan if magnitude is None else float(magnitude), unit)
            except UnitError:
                raise ValidationError(
                    f"{path}.unit",
                    unit,
                    Phrase("a unit the registry knows", "une unité que le registre connaît"),
                ) from None
        if "duration" in data:
            require_keys(data, path, ("duration",))
            return Duration.parse(_typed(data, "duration", str, path))
        if "date" in data:
            require_keys(data, path, ("date",))
            return to_date(_typed(data, "date", str, path), f"{path}.date")
        raise ValidationError(
            path,
            data,
            Phrase(
                "a quantity, duration or date object",
                "un objet quantity, duration ou date",
            ),
        )
    if isinstance(data, list):
        if not all(isinstance(item, str) for item in data):
            raise ValidationError(path, data, Phrase("a list of strings", "une liste de textes"))
        return tuple(data)
    if data is None or isinstance(data, str | bool | int | float):
        return data
    raise ValidationError(path, data, Phrase("a JSON value", "une valeur JSON"))


T = TypeVar("T")


def _typed(data: Mapping[str, Any], key: str, kind: type[T], path: str) -> T:
    value = data[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValidationError(
            f"{path}.{key}", value, Phrase("a {kind}", "une valeur {kind}", kind=kind.__name__)
        )
    return value


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


def result_from_dict(data: Mapping[str, Any], path: str = "result") -> Result:
    """Read back a result tree written by ``to_dict``; errors give the key path."""
    if not isinstance(data, Mapping):
        raise ValidationError(path, data, Phrase("an object", "un objet"))
    kind = data.get("kind")
    if kind == "criterion":
        require_keys(
            data,
            path,
            ("kind", "code", "passed", "observed", "threshold"),
            ("source", "description", "description_fr"),
        )
        source = data.get("source")
        return CriterionResult(
            code=_typed(data, "code", str, path),
            passed=_typed(data, "passed", bool, path),
            observed=decode_value(data["observed"], f"{path}.observed"),
            threshold=decode_value(data["threshold"], f"{path}.threshold"),
            source=None if source is None else Source.from_dict(source, f"{path}.source"),
            description=data.get("description"),
            description_fr=data.get("description_fr"),
        )
    if kind in ("all", "any", "not", "unless"):
        require_keys(data, path, ("kind", "passed", "children"), ("waived",))
        children = _typed(data, "children", list, path)
        return CompositeResult(
            kind=kind,
            passed=_typed(data, "passed", bool, path),
            children=tuple(
                result_from_dict(child, f"{path}.children[{i}]") for i, child in enumerate(children)
            ),
            waived=bool(data.get("waived", False)),
        )
    raise ValidationError(
        f"{path}.kind",
        kind,
        Phrase(
            "one of {kinds}", "une valeur parmi {kinds}", kinds="criterion, all, any, not, unless"
        ),
    )


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
        """Read back a document written by :meth:`to_dict`.

        Every key is checked; an error names its key path (``result.children[1].passed``).
        """
        require_keys(
            data,
            "decision",
            ("schema_version", "agent_id", "on", "eligible", "failures", "result"),
            ("schema",),
        )
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValidationError(
                "schema_version",
                version,
                Phrase("version {n}", "la version {n}", n=SCHEMA_VERSION),
            )
        failures = _typed(data, "failures", list, "decision")
        if not all(isinstance(code, str) for code in failures):
            raise ValidationError(
                "decision.failures", failures, Phrase("a list of codes", "une liste de codes")
            )
        eligible = _typed(data, "eligible", bool, "decision")
        if eligible == bool(failures):
            raise ValidationError(
                "decision.failures",
                failures,
                Phrase(
                    "no failures if eligible, some if not",
                    "aucun critère en cause si l'agent est éligible, au moins un sinon",
                ),
            )
        return cls(
            agent_id=_typed(data, "agent_id", str, "decision"),
            on=to_date(_typed(data, "on", str, "decision"), "decision.on"),
            eligible=eligible,
            result=result_from_dict(data["result"]),
            failures=tuple(failures),
        )

    def failed_criteria(self) -> tuple[CriterionResult, ...]:
        """The criterion results behind ``failures``, in tree order.

        For a failure of a negation (``not(...)``), the criteria under it are given.
        """
        wanted = set(self.failures)
        found: list[CriterionResult] = []

        def walk(node: Result) -> None:
            if isinstance(node, CriterionResult):
                if node.code in wanted and node not in found:
                    found.append(node)
                return
            if node.kind == "not":
                leaves = tuple(node.leaves())
                if "not(" + ",".join(leaf.code for leaf in leaves) + ")" in wanted:
                    found.extend(leaf for leaf in leaves if leaf not in found)
                    return
            for child in node.children:
                walk(child)

        walk(self.result)
        return tuple(found)

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
        from teletravail.tables import quantity_frame

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
