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
from typing import Any, Final, Literal

import attrs

from teletravail import formats
from teletravail.display import card, resolve
from teletravail.documents import (
    Context,
    Converted,
    Day,
    Flag,
    Key,
    Kind,
    ListOf,
    Ref,
    Table,
    Tagged,
    Text,
    read,
    write,
)
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase
from teletravail.sources import SOURCE_TABLE, Source

from .names import rule_name
from .text import render_decision
from .values import VALUE, Value, encode_value

__all__ = [
    "DECISION",
    "DECISION_SCHEMA",
    "RESULT",
    "SCHEMA_VERSION",
    "CompositeResult",
    "CriterionResult",
    "Decision",
    "Result",
    "ResultKind",
    "result_from_dict",
]

#: Version of the ``to_dict`` documents of decisions; bumped on any incompatible change
#: (2: a quantity is ``{"value", "unit"}``, as in every document of the library).
SCHEMA_VERSION = 2
#: The name of the schema of a decision's document.
DECISION_SCHEMA: Final = "teletravail.eligibility.decision"


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
    """Read back a result tree written by ``to_dict``, as :data:`RESULT` describes it;
    errors give the key path (every problem at once)."""
    result: Result = read(RESULT, data, path)
    return result


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
        """A JSON-ready document, with its schema version (:data:`DECISION`)."""
        data: dict[str, Any] = write(DECISION, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Read back a document written by :meth:`to_dict`, as :data:`DECISION`
        describes it.

        Every key is checked; an error names its key path
        (``decision.result.children[1].passed``), every problem at once.
        """
        decision: Decision = read(DECISION, data, "decision")
        return decision

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

    def __repr__(self) -> str:
        verdict = "eligible" if self.eligible else "not eligible: " + ", ".join(self.failures)
        return f"<Decision for {self.agent_id!r} on {self.on}: {verdict}>"

    def to_html(self, lang: Lang | None = None) -> str:
        """The decision as a small HTML display: the verdict and the rules in the way,
        by their names, in English or French (``None``: the language of
        :mod:`teletravail.display`): what a notebook shows."""
        lang = resolve(lang)
        verdict = _VERDICTS[self.eligible].text(lang)
        names = ", ".join(dict.fromkeys(rule_name(code).text(lang) for code in self.failures))
        rows = [(_IN_THE_WAY.text(lang), names)] if names else []
        title = f"{_AGENT.text(lang)} {self.agent_id}{_COLON[lang]} {verdict}"
        return card(title, rows, subtitle=formats.date(self.on, lang))

    def _repr_html_(self) -> str:
        return self.to_html()


_VERDICTS: Final = {
    True: Phrase("eligible", "éligible"),
    False: Phrase("not eligible", "non éligible"),
}
_IN_THE_WAY: Final = Phrase("in the way", "en cause")
_AGENT: Final = Phrase("Agent", "Agent")
_COLON: Final[dict[Lang, str]] = {"en": ":", "fr": "\u00a0:"}


# -- descriptions: how a decision is read back from its document and written ------------
# A tree of results is told apart by its ``kind`` (a tagged table); what a criterion
# observed and required is a Value (explain.values). A result is written by its own
# ``to_dict``: a composite's kind is a field, not its class, and a criterion writes
# what it observed even when that is nothing (null), which a table leaves out.


def _criterion(data: dict[str, Any]) -> CriterionResult:
    return CriterionResult(**data)


def _composite(kind: Literal["all", "any", "not", "unless"]) -> Table:
    """The table of a composite result of ``kind``."""

    def build(data: dict[str, Any]) -> CompositeResult:
        return CompositeResult(kind=kind, **data)

    return Table(
        "result",
        f"The answer of a composed rule ({kind}).",
        [
            Key("passed", Flag(), "whether the composed rule passed", True),
            Key("children", ListOf(_RESULT_REF), "the results it is composed of", True),
            Key("waived", Flag(), "for unless: whether the exception made it pass"),
        ],
        build,
        lambda result: {
            "passed": result.passed,
            "children": result.children,
            "waived": result.waived if kind == "unless" else None,
        },
        french="résultat",
    )


def _result() -> Kind:
    return RESULT


_RESULT_REF: Final = Ref("result", _result, french="un résultat")

_CRITERION_KEYS: Final = (
    "code",
    "passed",
    "observed",
    "threshold",
    "source",
    "description",
    "description_fr",
)
_CRITERION_TABLE: Final = Table(
    "result",
    "The answer of one criterion for one agent.",
    [
        Key("code", Text(empty=True), "the criterion's stable code", True),
        Key("passed", Flag(), "whether the agent meets it", True),
        Key("observed", VALUE, "what was observed", True),
        Key("threshold", VALUE, "what was required", True),
        Key("source", SOURCE_TABLE, "the text it comes from"),
        Key("description", Text(empty=True), "the criterion in English"),
        Key("description_fr", Text(empty=True), "the criterion in French"),
    ],
    _criterion,
    lambda result: {key: getattr(result, key) for key in _CRITERION_KEYS},
    french="résultat",
)


class ResultKind(Tagged):
    """A result tree, read as a table tagged by its ``kind`` and written by the result's
    own ``to_dict``."""

    def write(self, ctx: Context, value: Any) -> Any:
        return value.to_dict()


#: The description of a result tree: a table tagged by its ``kind``.
RESULT: Final = ResultKind(
    "kind",
    {
        "criterion": (CriterionResult, _CRITERION_TABLE),
        **{kind: (CompositeResult, _composite(kind)) for kind in ("all", "any", "not", "unless")},
    },
    "a result",
    french="un résultat",
)


def _version(value: Any) -> int:
    if value != SCHEMA_VERSION or isinstance(value, bool):
        raise ValidationError(
            "schema_version", value, Phrase("version {n}", "la version {n}", n=SCHEMA_VERSION)
        )
    return SCHEMA_VERSION


def _decision(data: dict[str, Any]) -> Decision:
    data.pop("schema", None)
    if data["eligible"] == bool(data["failures"]):
        raise ValidationError(
            "failures",
            list(data["failures"]),
            Phrase(
                "no failures if eligible, some if not",
                "aucun critère en cause si l'agent est éligible, au moins un sinon",
            ),
        )
    return Decision(**data)


#: The description of a decision's document (:meth:`Decision.to_dict`).
DECISION: Final = Table(
    "decision",
    "Whether one agent is eligible on a date, with the reasons.",
    [
        Key("schema", Text(), "the document's schema name"),
        Key(
            "schema_version",
            Converted(
                _version,
                Phrase("version {n}", "la version {n}", n=SCHEMA_VERSION),
                {"const": SCHEMA_VERSION},
            ),
            "the document's schema version",
            True,
        ),
        Key("agent_id", Text(empty=True), "the agent's id", True),
        Key("on", Day(), "the date of the decision", True),
        Key("eligible", Flag(), "whether the agent is eligible", True),
        Key("failures", ListOf(Text(empty=True)), "the codes in the way", True),
        Key("result", RESULT, "the tree of reasons", True),
    ],
    _decision,
    lambda decision: {"schema": DECISION_SCHEMA, **attrs.asdict(decision, recurse=False)},
    french="décision",
)
