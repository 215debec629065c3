"""Decision trees: immutable results that explain an answer, criterion by criterion.

A :class:`CriterionResult` is the answer of one criterion for one agent: whether it
passed, the observed value, the threshold, a stable code and the source. A
:class:`CompositeResult` composes them as the rule composes its criteria (``all``,
``any``, ``not``, ``unless``). Eligibility rules give these trees, and so do quotas
(each of their limits a criterion result).

A :class:`Decision` is what evaluating an eligibility rule on one agent gives: eligible
or not, and the tree of its reasons. ``to_dict()`` gives a JSON-ready document with a
schema version and ``from_dict()`` reads it back; :meth:`Decision.text` renders French
or English from the same data (:mod:`teletravail.explain.text`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

from teletravail._checks import require_keys
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase
from teletravail.sources import Source

from .text import render_decision
from .values import Value, decode_value, encode_value, typed

__all__ = [
    "SCHEMA_VERSION",
    "CompositeResult",
    "CriterionResult",
    "Decision",
    "Result",
    "result_from_dict",
]

#: Version of the ``to_dict`` documents of decisions; bumped on any incompatible change.
SCHEMA_VERSION = 1


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
            code=typed(data, "code", str, path),
            passed=typed(data, "passed", bool, path),
            observed=decode_value(data["observed"], f"{path}.observed"),
            threshold=decode_value(data["threshold"], f"{path}.threshold"),
            source=None if source is None else Source.from_dict(source, f"{path}.source"),
            description=data.get("description"),
            description_fr=data.get("description_fr"),
        )
    if kind in ("all", "any", "not", "unless"):
        require_keys(data, path, ("kind", "passed", "children"), ("waived",))
        children = typed(data, "children", list, path)
        return CompositeResult(
            kind=kind,
            passed=typed(data, "passed", bool, path),
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
        failures = typed(data, "failures", list, "decision")
        if not all(isinstance(code, str) for code in failures):
            raise ValidationError(
                "decision.failures", failures, Phrase("a list of codes", "une liste de codes")
            )
        eligible = typed(data, "eligible", bool, "decision")
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
            agent_id=typed(data, "agent_id", str, "decision"),
            on=to_date(typed(data, "on", str, "decision"), "decision.on"),
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
        return render_decision(self, lang)

    def __str__(self) -> str:
        return self.text("en")
