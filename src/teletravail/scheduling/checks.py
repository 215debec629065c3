"""The answers of a quota, as columns: what agents ask for (:class:`Asks`), what the
quota answers each of them (:class:`QuotaChecks`, from
:meth:`~teletravail.scheduling.quota.Quota.check_columns`) and one agent's answer
explained (:class:`QuotaDecision`), each rule a criterion result with its source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.documents import (
    Day,
    Flag,
    Key,
    ListOf,
    Measure,
    Table,
    Text,
    heading_keys,
    read,
    write,
)
from teletravail.errors import ValidationError
from teletravail.explain import (
    RESULT,
    SCHEMA_VERSION,
    CompositeResult,
    CriterionResult,
    render_quota,
    rule_name,
)
from teletravail.messages import Lang, Phrase
from teletravail.units import Q_
from teletravail.week import WeeklyPattern, weekday_mask

if TYPE_CHECKING:
    from teletravail.sources import Source
    from teletravail.units import Quantity

    from .derogations import DerogationRule
    from .quota import Quota

__all__ = [
    "QUOTA_DECISION",
    "QUOTA_DECISION_SCHEMA",
    "RULE_CODES",
    "Asks",
    "QuotaChecks",
    "QuotaDecision",
]


@attrs.frozen(kw_only=True, eq=False)
class Asks:
    """What many agents ask for in a week, as columns (one row per agent):
    ``per_week`` in workdays, whether the ask has a ``half_days``, and the ``weekdays``
    asked as a mask (bit 0 = Monday; 0 for a number of days not yet placed)."""

    per_week: npt.NDArray[np.float64]
    half_days: npt.NDArray[np.bool_]
    weekdays: npt.NDArray[np.uint8]

    def __len__(self) -> int:
        return len(self.per_week)

    @classmethod
    def nothing(cls, n: int) -> Asks:
        """``n`` agents asking for no telework."""
        return cls(
            per_week=np.zeros(n), half_days=np.zeros(n, dtype=bool), weekdays=np.zeros(n, np.uint8)
        )

    @classmethod
    def of_pattern(cls, pattern: WeeklyPattern) -> Asks:
        """One agent asking for ``pattern``."""
        return cls(
            per_week=np.array([pattern.workdays]),
            half_days=np.array([pattern.has_half_days()]),
            weekdays=np.array([weekday_mask(pattern.weekdays)], dtype=np.uint8),
        )

    @classmethod
    def of(
        cls,
        patterns: Sequence[WeeklyPattern | None],
        codes: npt.NDArray[np.integer[Any]],
        per_week: npt.NDArray[np.float64],
    ) -> Asks:
        """Asks from codes into a table of ``patterns`` (``None``: a number of days a week
        only, read from ``per_week``): each distinct pattern is read once."""
        table = [(p.workdays, p.has_half_days(), weekday_mask(p.weekdays)) for p in patterns if p]
        if not table:
            n = len(codes)
            return cls(
                per_week=per_week, half_days=np.zeros(n, bool), weekdays=np.zeros(n, np.uint8)
            )
        rows = [
            (0.0, False, 0)
            if p is None
            else (p.workdays, p.has_half_days(), weekday_mask(p.weekdays))
            for p in patterns
        ]
        amounts = np.array([r[0] for r in rows])
        halves = np.array([r[1] for r in rows], dtype=bool)
        masks = np.array([r[2] for r in rows], dtype=np.uint8)
        stated = np.array([p is not None for p in patterns], dtype=bool)[codes]
        return cls(
            per_week=np.where(stated, amounts[codes], per_week),
            half_days=halves[codes],
            weekdays=masks[codes],
        )


#: The rules of a quota, in the order they are reported.
RULE_CODES = (
    "quota.granularity",
    "quota.workdays",
    "quota.minimum",
    "quota.maximum",
    "quota.on_site",
)


@attrs.frozen(kw_only=True, eq=False)
class QuotaChecks:
    """The answers of :meth:`Quota.check_columns`: per agent, the ``asked`` days a week,
    the days ``worked``, the weekly ``cap``, the ``on_site`` minimum, the ``allowed``
    most (workdays/week), whether every rule ``passed``, and for each rule's code the
    rows it ``failed``. Any row can be explained as a :class:`QuotaDecision`."""

    quota: Quota
    on: dt.date | None
    asked: npt.NDArray[np.float64]
    worked: npt.NDArray[np.float64]
    cap: npt.NDArray[np.float64]
    on_site: npt.NDArray[np.float64]
    allowed: npt.NDArray[np.float64]
    passed: npt.NDArray[np.bool_]
    failed: Mapping[str, npt.NDArray[np.bool_]]
    derogations: Mapping[int, DerogationRule]
    shares: npt.NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.passed)

    def failures(self, row: int) -> tuple[str, ...]:
        """The codes of the rules ``row`` breaks, in the order of the rules."""
        return tuple(code for code in RULE_CODES if code in self.failed and self.failed[code][row])

    def failure_counts(self, rows: npt.NDArray[np.bool_] | None = None) -> dict[str, int]:
        """How many agents (of ``rows``) each rule refuses."""
        return {
            code: int(np.count_nonzero(mask if rows is None else mask & rows))
            for code, mask in self.failed.items()
            if (mask if rows is None else mask & rows).any()
        }

    def source(self, row: int) -> Source | None:
        """The text of the cap that applies to ``row``: its derogation's, its part-time
        band's when it is lower than the maximum, else the quota's."""
        quota = self.quota
        rule = self.derogations.get(row)
        if rule is not None:
            return rule.source or quota.source
        share = float(self.shares[row])
        band = next((b for b in quota.part_time if b.applies(share)), None)
        if band is not None and band.maximum < quota.maximum and band.source:
            return band.source
        return quota.source

    def explain(self, row: int, agent_id: str = "") -> QuotaDecision:
        """The decision of one row, each rule a criterion result with its source."""
        quota = self.quota
        asked = float(self.asked[row])
        worked = float(self.worked[row])
        source = self.source(row)
        leaves: list[CriterionResult] = []
        failed = set(self.failures(row))
        per_week = "workday/week"
        if "quota.granularity" in failed:
            leaves.append(
                CriterionResult(
                    code="quota.granularity",
                    passed=False,
                    observed=Q_(asked, per_week),
                    threshold=Q_(quota.granularity.step, "workday"),
                    source=quota.source,
                )
            )
        if "quota.workdays" in failed:
            leaves.append(
                CriterionResult(
                    code="quota.workdays",
                    passed=False,
                    observed=Q_(asked, per_week),
                    threshold=Q_(worked, per_week),
                    source=quota.source,
                )
            )
        leaves.append(
            CriterionResult(
                code="quota.maximum",
                passed="quota.maximum" not in failed,
                observed=Q_(asked, per_week),
                threshold=Q_(float(self.cap[row]), per_week),
                source=source,
            )
        )
        leaves.append(
            CriterionResult(
                code="quota.on_site",
                passed="quota.on_site" not in failed,
                observed=Q_(worked - asked, per_week),
                threshold=Q_(float(self.on_site[row]), per_week),
                source=source,
            )
        )
        if "quota.minimum" in self.failed:
            leaves.append(
                CriterionResult(
                    code="quota.minimum",
                    passed="quota.minimum" not in failed,
                    observed=Q_(asked, per_week),
                    threshold=quota.minimum,
                    source=quota.source,
                )
            )
        passed = not failed
        rule = self.derogations.get(row)
        share = float(self.shares[row])
        band = next((b for b in quota.part_time if b.applies(share)), None)
        lowered = rule is None and band is not None and band.maximum < quota.maximum
        return QuotaDecision(
            agent_id=agent_id,
            on=self.on if self.on is not None else dt.date(1970, 1, 1),
            allowed=passed,
            asked=Q_(asked, per_week),
            maximum=Q_(float(self.allowed[row]), per_week),
            derogation=None if rule is None else rule.kind.value,
            result=CompositeResult(kind="all", passed=passed, children=tuple(leaves)),
            failures=tuple(code for code in RULE_CODES if code in failed),
            working_time=Q_(share, "percent") if lowered else None,
        )


@attrs.frozen(kw_only=True)
class QuotaDecision:
    """The answer to a quota check: allowed or not, what was asked, the most allowed,
    and each limit as a criterion result with its source. ``working_time`` is the
    agent's, when a part-time cap lowers the most allowed (the text says it: ``au plus
    1 jour par semaine à 80 %``); the JSON document does not carry it."""

    agent_id: str
    on: dt.date
    allowed: bool
    asked: Quantity
    maximum: Quantity
    derogation: str | None
    result: CompositeResult
    failures: tuple[str, ...]
    working_time: Quantity | None = attrs.field(default=None, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema version (:data:`QUOTA_DECISION`): the
        days as ``{"value": 2.0, "unit": "workday/week"}``."""
        data: dict[str, Any] = write(QUOTA_DECISION, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "quota") -> QuotaDecision:
        """Read back a document written by :meth:`to_dict` (every problem at once, each
        with its key path)."""
        decision: QuotaDecision = read(QUOTA_DECISION, data, path)
        return decision

    @property
    def rule_names(self) -> tuple[Phrase, ...]:
        """The names of the rules in the way, in words (the codes are :attr:`failures`)."""
        return tuple(rule_name(code) for code in self.failures)

    def text(self, lang: Lang = "en") -> str:
        """The decision in English or French, rendered from its data."""
        return render_quota(self, lang)

    def __str__(self) -> str:
        return self.text("en")


#: The name of a quota decision's document.
QUOTA_DECISION_SCHEMA: Final = "teletravail.scheduling.quota_decision"
_PER_WEEK: Final = Measure("workday/week", nullable=False)


def _quota_decision(data: dict[str, Any]) -> QuotaDecision:
    data.pop("schema", None)
    data.pop("schema_version")
    result = data["result"]
    if not isinstance(result, CompositeResult):
        raise ValidationError(
            "quota.result", result.code, Phrase("a composed rule", "une règle composée")
        )
    data.setdefault("derogation", None)
    return QuotaDecision(**{**data, "failures": tuple(data["failures"]), "result": result})


#: The description of a quota decision's document (:meth:`QuotaDecision.to_dict`).
QUOTA_DECISION: Final = Table(
    "quota",
    "The answer to a quota check: allowed or not, what was asked, the most allowed.",
    [
        *heading_keys(QUOTA_DECISION_SCHEMA, SCHEMA_VERSION),
        Key("agent_id", Text(empty=True), "the agent's id", True),
        Key("on", Day(), "the date of the check", True),
        Key("allowed", Flag(), "whether the ask is allowed", True),
        Key("asked", _PER_WEEK, "the telework asked per week", True),
        Key("maximum", _PER_WEEK, "the most the quota allows per week", True),
        Key(
            "working_time",
            Measure("%"),
            "the agent's working time, when it lowers the most allowed",
        ),
        Key("derogation", Text(), "the derogation in force, if any"),
        Key("failures", ListOf(Text()), "the codes of the rules in the way", True),
        Key("result", RESULT, "each limit as a criterion result with its source", True),
    ],
    _quota_decision,
    lambda decision: {
        "schema": QUOTA_DECISION_SCHEMA,
        "schema_version": SCHEMA_VERSION,
        **attrs.asdict(decision, recurse=False),
        "failures": list(decision.failures),
    },
    french="quota",
)
