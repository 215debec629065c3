"""Rules: criteria composed with ``&``, ``|``, ``~``, :func:`all_of`, :func:`any_of` and
exceptions (``rule.unless(exception)``), evaluated on columns.

Every rule computes a boolean column over a :class:`~teletravail.workforce.Workforce`;
one agent is evaluated as a workforce of one, so a single agent and a million take the
same code path. Nothing is short-circuited: every criterion is computed, so that a
refusal can name all the criteria that stand in the way.

Which criteria "stand in the way" of a refused agent:

* ``all_of``: each failing child's own failures;
* ``any_of``: the failures of every child (all of them failed);
* ``~rule``: the negated rule itself (it passed, and should not have);
* ``rule.unless(exception)``: the rule's failures (the exception did not apply, so it is
  not a failure of its own). Where the exception applies, the node passes and its
  result is marked ``waived``.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal, overload

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import SHORT, any_set, highest, zeros
from teletravail.dates import to_date
from teletravail.errors import ReferenceDateError, RowError, ValidationError, WorkforceError
from teletravail.explain import CompositeResult, Decision, Result
from teletravail.messages import Phrase, either
from teletravail.workforce import Agent, Errors, Workforce

from .decisions import BatchDecision, Outcome, hired_by

__all__ = ["AllOf", "AnyOf", "Not", "Rule", "Unless", "all_of", "any_of"]

Blame = list[tuple[str, npt.NDArray[np.bool_]]]
_EPOCH = dt.date(1970, 1, 1)


class Rule(abc.ABC):
    """Base class of criteria and of their compositions."""

    __slots__ = ()

    # -- composition ------------------------------------------------------------------

    def __and__(self, other: Rule) -> AllOf:
        _check_rule(other, "&")
        return AllOf(rules=(*_flatten(self, AllOf), *_flatten(other, AllOf)))

    def __or__(self, other: Rule) -> AnyOf:
        _check_rule(other, "|")
        return AnyOf(rules=(*_flatten(self, AnyOf), *_flatten(other, AnyOf)))

    def __invert__(self) -> Rule:
        if isinstance(self, Not):
            return self.rule
        return Not(rule=self)

    def unless(self, exception: Rule) -> Unless:
        """This rule, waived for the agents to whom ``exception`` applies."""
        _check_rule(exception, "unless")
        return Unless(rule=self, exception=exception)

    # -- evaluation -------------------------------------------------------------------

    @overload
    def evaluate(self, subject: Agent, on: dt.date | str, *, errors: Errors = ...) -> Decision: ...

    @overload
    def evaluate(
        self, subject: Workforce, on: dt.date | str, *, errors: Errors = ...
    ) -> BatchDecision: ...

    def evaluate(
        self, subject: Agent | Workforce, on: dt.date | str, *, errors: Errors = "raise"
    ) -> Decision | BatchDecision:
        """Evaluate on one agent (a :class:`Decision`) or a workforce (a :class:`BatchDecision`).

        ``on`` is the reference date. An agent hired after it cannot be assessed: with
        ``errors="raise"`` that is a :class:`~teletravail.errors.ReferenceDateError` (one
        agent) or a :class:`~teletravail.errors.WorkforceError` listing every such row;
        with ``errors="report"`` those rows are marked invalid in the batch result.
        """
        day = to_date(on, "on")
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, either("raise", "report"))
        if isinstance(subject, Agent):
            if subject.hire_date > day:
                raise ReferenceDateError("hire_date", subject.hire_date, hired_by(day))
            batch = self.evaluate_columns(Workforce.from_agents((subject,)), day, "raise")
            return batch.explain(0)
        if isinstance(subject, Workforce):
            return self.evaluate_columns(subject, day, errors)
        raise ValidationError(
            "subject",
            subject,
            Phrase("an Agent or a Workforce", "un objet Agent ou Workforce"),
        )

    def evaluate_columns(
        self, workforce: Workforce, day: dt.date, errors: Errors = "raise"
    ) -> BatchDecision:
        """The column method every rule shares: the rule over a workforce on ``day`` (a
        checked date), as a :class:`BatchDecision`. It is :meth:`evaluate` for a
        workforce without the checks of its arguments, for code that has made them."""
        hired = workforce.hire_date.view(np.int64)  # days since 1970, NaT the smallest
        last = (day - _EPOCH).days
        # the latest hire date says whether any agent is hired after the date: a
        # reduction, where the comparison would build a column only to find it false
        if not len(hired) or highest(hired) <= last:
            future = zeros(len(hired), np.bool_)
        else:
            future = hired > last
        problems: list[RowError] = []
        if any_set(future):
            expected = hired_by(day)
            for row in np.flatnonzero(future):
                hired = workforce.hire_date[row].astype(object)
                french = ValidationError("hire_date", hired, expected).text("fr")
                problems.append(
                    RowError(
                        int(workforce.source_rows[row]),
                        "hire_date",
                        hired,
                        Phrase(f"hire_date: expected {expected}, got {hired}", french),
                    )
                )
            if errors == "raise":
                raise WorkforceError(problems)
        outcome = self.outcome(workforce, day)
        return BatchDecision(
            rule=self,
            workforce=workforce,
            on=day,
            outcome=outcome,
            invalid=future,
            errors=problems,
        )

    def mask(self, workforce: Workforce, on: dt.date | str) -> npt.NDArray[np.bool_]:
        """Only the boolean column (no explanation): the fastest way to count."""
        return self.outcome(workforce, to_date(on, "on")).passed

    # -- what subclasses provide ------------------------------------------------------

    @abc.abstractmethod
    def outcome(self, workforce: Workforce, on: dt.date) -> Outcome:
        """The columns of this node (and its children) over ``workforce``."""

    @abc.abstractmethod
    def result(self, outcome: Outcome, workforce: Workforce, on: dt.date, row: int) -> Result:
        """The explanation tree of one row."""

    @abc.abstractmethod
    def blame(self, outcome: Outcome, relevant: npt.NDArray[np.bool_], found: Blame) -> None:
        """Append ``(code, rows)`` for the criteria that stand in the way on ``relevant`` rows."""

    @abc.abstractmethod
    def codes(self) -> tuple[str, ...]:
        """The codes of every criterion in this rule, left to right."""


def _check_rule(other: object, operator: str) -> None:
    if not isinstance(other, Rule):
        raise ValidationError(
            operator,
            other,
            Phrase(
                "a rule or criterion to compose with",
                "une règle ou un critère avec lequel composer",
            ),
        )


def _flatten(rule: Rule, kind: type[_Group]) -> tuple[Rule, ...]:
    return rule.rules if isinstance(rule, kind) else (rule,)


def _is_rule(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        raise ValidationError(attribute.name, value, _A_RULE)


_A_RULE = Phrase("a rule or criterion", "une règle ou un critère")


def _rules(value: Any) -> tuple[Rule, ...]:
    if isinstance(value, Rule):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, str | Mapping):
        raise ValidationError(
            "rules",
            value,
            Phrase("a sequence of rules or criteria", "une suite de règles ou de critères"),
        )
    rules: tuple[Any, ...] = tuple(value)
    if not rules:
        raise ValidationError("rules", rules, Phrase("at least one rule", "au moins une règle"))
    for index, rule in enumerate(rules):
        if not isinstance(rule, Rule):
            raise ValidationError(f"rules[{index}]", rule, _A_RULE)
    return rules


@attrs.frozen
class _Group(Rule):
    """What all_of and any_of share: children combined by one boolean operation."""

    KIND: ClassVar[Literal["all", "any"]]
    COMBINE: ClassVar[np.ufunc]
    rules: tuple[Rule, ...] = attrs.field(converter=_rules)

    def outcome(self, workforce: Workforce, on: dt.date) -> Outcome:
        children = tuple(rule.outcome(workforce, on) for rule in self.rules)
        passed = children[0].passed
        if len(passed) > SHORT:  # in place: no new column per child
            passed = passed.copy()
            for child in children[1:]:
                self.COMBINE(passed, child.passed, out=passed)
        elif len(children) == 1:
            passed = passed.copy()  # the group's column is its own, never a child's
        else:
            for child in children[1:]:
                passed = self.COMBINE(passed, child.passed)
        return Outcome(self, passed, children)

    def result(self, outcome: Outcome, workforce: Workforce, on: dt.date, row: int) -> Result:
        children = tuple(
            rule.result(child, workforce, on, row)
            for rule, child in zip(self.rules, outcome.children, strict=True)
        )
        return CompositeResult(kind=self.KIND, passed=bool(outcome.passed[row]), children=children)

    def blame(self, outcome: Outcome, relevant: npt.NDArray[np.bool_], found: Blame) -> None:
        # all_of: each failing child answers for itself (a passing child blames nothing);
        # any_of: every child failed where the group failed, and each is named
        failing = relevant & ~outcome.passed
        for rule, child in zip(self.rules, outcome.children, strict=True):
            rule.blame(child, failing, found)

    def codes(self) -> tuple[str, ...]:
        return tuple(code for rule in self.rules for code in rule.codes())


@attrs.frozen
class AllOf(_Group):
    """Passes when every one of ``rules`` passes."""

    KIND: ClassVar[Literal["all", "any"]] = "all"
    COMBINE: ClassVar[np.ufunc] = np.logical_and


@attrs.frozen
class AnyOf(_Group):
    """Passes when at least one of ``rules`` passes."""

    KIND: ClassVar[Literal["all", "any"]] = "any"
    COMBINE: ClassVar[np.ufunc] = np.logical_or


@attrs.frozen
class Not(Rule):
    """Passes when ``rule`` fails."""

    rule: Rule = attrs.field(validator=_is_rule)

    def outcome(self, workforce: Workforce, on: dt.date) -> Outcome:
        child = self.rule.outcome(workforce, on)
        return Outcome(self, ~child.passed, (child,))

    def result(self, outcome: Outcome, workforce: Workforce, on: dt.date, row: int) -> Result:
        child = self.rule.result(outcome.children[0], workforce, on, row)
        return CompositeResult(kind="not", passed=bool(outcome.passed[row]), children=(child,))

    def blame(self, outcome: Outcome, relevant: npt.NDArray[np.bool_], found: Blame) -> None:
        found.append((self.code, relevant & ~outcome.passed))

    @property
    def code(self) -> str:
        """``not(<codes of the negated rule>)``."""
        return "not(" + ",".join(self.rule.codes()) + ")"

    def codes(self) -> tuple[str, ...]:
        return (self.code,)


@attrs.frozen
class Unless(Rule):
    """``rule``, waived where ``exception`` applies (a default with its exception)."""

    rule: Rule = attrs.field(validator=_is_rule)
    exception: Rule = attrs.field(validator=_is_rule)

    def outcome(self, workforce: Workforce, on: dt.date) -> Outcome:
        base = self.rule.outcome(workforce, on)
        waiver = self.exception.outcome(workforce, on)
        return Outcome(self, base.passed | waiver.passed, (base, waiver))

    def result(self, outcome: Outcome, workforce: Workforce, on: dt.date, row: int) -> Result:
        base, waiver = outcome.children
        children = (
            self.rule.result(base, workforce, on, row),
            self.exception.result(waiver, workforce, on, row),
        )
        return CompositeResult(
            kind="unless",
            passed=bool(outcome.passed[row]),
            children=children,
            waived=bool(~base.passed[row] & waiver.passed[row]),
        )

    def blame(self, outcome: Outcome, relevant: npt.NDArray[np.bool_], found: Blame) -> None:
        self.rule.blame(outcome.children[0], relevant & ~outcome.passed, found)

    def codes(self) -> tuple[str, ...]:
        return self.rule.codes() + self.exception.codes()


def all_of(*rules: Rule) -> AllOf:
    """A rule that passes when all of ``rules`` pass."""
    return AllOf(rules=rules)


def any_of(*rules: Rule) -> AnyOf:
    """A rule that passes when at least one of ``rules`` passes."""
    return AnyOf(rules=rules)
