"""What every criterion is: :class:`Criterion`, and :class:`MinimumQuantity`, a quantity
column compared with a minimum, which the criteria on working time, commutes and
activities share.

A criterion has a stable ``code`` (kept across versions, used in JSON documents and for
translations), a threshold and an optional :class:`~teletravail.sources.Source`, and
computes its answer for a whole workforce with array operations; for the explanation of
one row it also reports the value it observed.
"""

from __future__ import annotations

import abc
import datetime as dt
import math
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.eligibility.decisions import Outcome
from teletravail.eligibility.rules import Blame, Rule
from teletravail.errors import ValidationError
from teletravail.explain import CriterionResult, Result, Value
from teletravail.formats import french_unit
from teletravail.messages import Phrase
from teletravail.sources import Source
from teletravail.units import Q_, as_quantity, unit
from teletravail.workforce import Workforce

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["Criterion", "MinimumQuantity", "any_quantity"]


def _source(value: Any) -> Source | None:
    if value is None or isinstance(value, Source):
        return value
    if isinstance(value, str):
        return Source(title=value)
    raise ValidationError(
        "source",
        value,
        Phrase("a Source, a title string or None", "un objet Source, un titre ou None"),
    )


@attrs.frozen(kw_only=True)
class Criterion(Rule):
    """One condition. Subclasses compute a column and report what they observed."""

    CODE: ClassVar[str] = ""
    source: Source | None = attrs.field(default=None, converter=_source, eq=True)

    @property
    def code(self) -> str:
        """The stable code of this kind of criterion."""
        return self.CODE

    @property
    def description(self) -> str | None:
        """A free-text description in English (only :class:`Predicate` has one)."""
        return None

    @property
    def description_fr(self) -> str | None:
        """A free-text description in French (only :class:`Predicate` has one)."""
        return None

    @abc.abstractmethod
    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        """Whether each agent passes."""

    @abc.abstractmethod
    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        """What this criterion looks at, for one row."""

    @property
    @abc.abstractmethod
    def threshold(self) -> Value:
        """What is required."""

    def outcome(self, workforce: Workforce, on: dt.date) -> Outcome:
        return Outcome(self, self.column(workforce, on))

    def result(self, outcome: Outcome, workforce: Workforce, on: dt.date, row: int) -> Result:
        return CriterionResult(
            code=self.code,
            passed=bool(outcome.passed[row]),
            observed=self.observed(workforce, on, row),
            threshold=self.threshold,
            source=self.source,
            description=self.description,
            description_fr=self.description_fr,
        )

    def blame(self, outcome: Outcome, relevant: npt.NDArray[np.bool_], found: Blame) -> None:
        found.append((self.code, relevant & ~outcome.passed))

    def codes(self) -> tuple[str, ...]:
        return (self.code,)


def any_quantity(value: Any) -> Quantity:
    """A minimum of any dimension, as a quantity of the library's registry (the
    criteria check its dimension)."""
    return as_quantity(value, field="minimum", dimension=None)


def _in(quantity: Quantity, name: str) -> float:
    """A threshold's magnitude in the unit the workforce stores that column in."""
    return float(quantity.m_as(unit(name)))


@attrs.frozen(kw_only=True)
class MinimumQuantity(Criterion):
    """A quantity column compared with a minimum (included); unknown values fail.

    Subclasses name the workforce column (``COLUMN``, a float array in ``UNIT``) and the
    dimension the minimum must have. The minimum is converted to ``UNIT`` once, here.
    """

    DIMENSION: ClassVar[str]
    UNIT: ClassVar[str]
    COLUMN: ClassVar[str]
    minimum: Quantity = attrs.field(converter=any_quantity)
    _limit: float = attrs.field(init=False, eq=False, repr=False)

    #: the largest meaningful minimum, in ``UNIT`` (None: no bound)
    MAXIMUM: ClassVar[float | None] = None

    def __attrs_post_init__(self) -> None:
        checked = as_quantity(self.minimum, field="minimum", dimension=self.DIMENSION)
        if np.ndim(checked.magnitude) != 0:
            raise ValidationError(
                "minimum",
                self.minimum,
                Phrase("one value, not an array", "une seule valeur, pas un tableau"),
            )
        limit = _in(checked, self.UNIT)
        top = self.MAXIMUM
        if not math.isfinite(limit) or limit < 0 or (top is not None and limit > top):
            parts = {"unit": self.UNIT, "french": french_unit(Q_(1, self.UNIT))}
            if top is not None:
                wanted = Phrase(
                    "a finite minimum between 0 and {top:g} {unit}",
                    "un minimum fini, de 0 à {top:g} {french}",
                    top=top,
                    **parts,
                )
            else:
                wanted = Phrase(
                    "a finite minimum >= 0 {unit}",
                    "un minimum fini, positif ou nul (en {french})",
                    **parts,
                )
            raise ValidationError("minimum", self.minimum, wanted)
        object.__setattr__(self, "_limit", limit)

    def _values(self, workforce: Workforce) -> npt.NDArray[np.float64]:
        values: npt.NDArray[np.float64] = getattr(workforce, self.COLUMN)
        return values

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        result: npt.NDArray[np.bool_] = self._values(workforce) >= self._limit
        return result

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        value = float(self._values(workforce)[row])
        return None if math.isnan(value) else Q_(value, self.UNIT)

    @property
    def threshold(self) -> Value:
        return self.minimum
