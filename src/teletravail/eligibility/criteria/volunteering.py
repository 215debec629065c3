"""What the agent asked for and was granted: :class:`Volunteer` (``volunteer``, telework
is voluntary), :class:`TeleworkablePost` (``post.teleworkable``, the post was judged
teleworkable) and :class:`HasDerogation` (``derogation.active``, a derogation in force).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.explain import Value
from teletravail.messages import Phrase
from teletravail.workforce import DerogationKind, Workforce, derogation_kind

from .criterion import Criterion

__all__ = ["HasDerogation", "TeleworkablePost", "Volunteer"]


@attrs.frozen(kw_only=True)
class Volunteer(Criterion):
    """The agent applied: telework is voluntary."""

    CODE: ClassVar[str] = "volunteer"

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        return workforce.volunteer

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        return bool(workforce.volunteer[row])

    @property
    def threshold(self) -> Value:
        return True


@attrs.frozen(kw_only=True)
class TeleworkablePost(Criterion):
    """The agent's post has been judged teleworkable."""

    CODE: ClassVar[str] = "post.teleworkable"

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        return workforce.teleworkable_post

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        return bool(workforce.teleworkable_post[row])

    @property
    def threshold(self) -> Value:
        return True


def _kinds(value: Any) -> frozenset[DerogationKind]:
    if not isinstance(value, str | Iterable) or isinstance(value, Mapping):
        raise ValidationError(
            "kinds",
            value,
            Phrase("a set of derogation kinds", "un ensemble de sortes de dérogations"),
        )
    items = [value] if isinstance(value, str) else list(value)
    if not items:
        raise ValidationError(
            "kinds",
            value,
            Phrase("at least one derogation kind", "au moins une sorte de dérogation"),
        )
    return frozenset(derogation_kind(item) for item in items)


@attrs.frozen(kw_only=True)
class HasDerogation(Criterion):
    """The agent holds a derogation of one of ``kinds`` in force on the reference date.

    Used as an exception: ``MinimumWorkingTime().unless(HasDerogation(kinds={"health"}))``.
    """

    CODE: ClassVar[str] = "derogation.active"
    kinds: frozenset[DerogationKind] = attrs.field(
        factory=lambda: frozenset(DerogationKind), converter=_kinds
    )

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        return workforce.derogation_active(self.kinds, on)

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        day = np.datetime64(on, "D")
        mask = (
            (workforce.derogation_row == row)
            & (workforce.derogation_start <= day)
            & (np.isnat(workforce.derogation_end) | (workforce.derogation_end >= day))
        )
        kinds = {tuple(DerogationKind)[int(k)].value for k in workforce.derogation_kind[mask]}
        return tuple(sorted(kinds))

    @property
    def threshold(self) -> Value:
        return tuple(sorted(k.value for k in self.kinds))
