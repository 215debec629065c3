"""What the agent does: :class:`ExcludedActivities` (``activities.excluded``, activities
that rule telework out) and :class:`TeleworkableActivities`
(``activities.teleworkable_share``, the share of the working time on activities that
can be done remotely, as the 2021 public-service framework agreement bases telework on
activities rather than posts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import ValidationError
from teletravail.explain import Value
from teletravail.messages import Phrase
from teletravail.units import DIMENSIONLESS, Q_, as_quantity
from teletravail.workforce import ACTIVITY_SHARE_UNIT, Workforce

from .criterion import Criterion, MinimumQuantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["ExcludedActivities", "TeleworkableActivities"]


def _activity_names(value: Any, field: str, *, at_least: int = 0) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Iterable) or isinstance(items, Mapping):
        raise ValidationError(
            field, value, Phrase("a set of activity names", "un ensemble de noms d'activités")
        )
    names = []
    for name in items:
        if not isinstance(name, str) or not name.strip():
            raise ValidationError(
                field,
                value,
                Phrase(
                    "a set of non-empty activity names", "un ensemble de noms d'activités non vides"
                ),
            )
        names.append(" ".join(name.split()))  # the same cleaning as the agents' activities
    if len(names) < at_least:
        raise ValidationError(
            field, value, Phrase("at least one activity", "au moins une activité")
        )
    return frozenset(names)


def _excluded_activities(value: Any) -> frozenset[str]:
    return _activity_names(value, "activities", at_least=1)


def _not_teleworkable(value: Any) -> frozenset[str]:
    return _activity_names(value, "not_teleworkable")


def _carried(workforce: Workforce, row: int) -> tuple[str, ...] | None:
    """The activities of one row, by name; None where they are not stated."""
    shares = workforce.activity_shares[row]
    names = tuple(n for n, share in zip(workforce.activity_names, shares, strict=True) if share)
    return names or None


@attrs.frozen(kw_only=True)
class ExcludedActivities(Criterion):
    """Carrying none of ``activities``: an agent who carries any of them is refused.

    Activity names are compared as written (surrounding and repeated spaces aside). An
    agent whose activities are not stated carries none, and the explanation says they
    were not stated.
    """

    CODE: ClassVar[str] = "activities.excluded"
    activities: frozenset[str] = attrs.field(converter=_excluded_activities)

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        return ~workforce.has_activity(self.activities)

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        return _carried(workforce, row)

    @property
    def threshold(self) -> Value:
        return tuple(sorted(self.activities))


def _share(value: Any) -> Quantity:
    return as_quantity(value, field="minimum", dimension=DIMENSIONLESS)


@attrs.frozen(kw_only=True)
class TeleworkableActivities(MinimumQuantity):
    """At least ``minimum`` of the agent's working time on activities that can be done
    remotely: every activity but those listed in ``not_teleworkable``.

    The 2021 public-service framework agreement bases telework on the activities an
    agent carries out, not on the post as a whole. Shares are compared in percent
    rounded to 1e-9 (exactly the minimum passes); an agent whose activities are not
    stated does not pass, as an unknown commute does not pass a minimum distance.
    """

    CODE: ClassVar[str] = "activities.teleworkable_share"
    DIMENSION: ClassVar[str] = DIMENSIONLESS
    UNIT: ClassVar[str] = ACTIVITY_SHARE_UNIT
    COLUMN: ClassVar[str] = "activity_shares"
    MAXIMUM: ClassVar[float | None] = 100.0
    minimum: Quantity = attrs.field(factory=lambda: Q_(50, "percent"), converter=_share)
    not_teleworkable: frozenset[str] = attrs.field(factory=frozenset, converter=_not_teleworkable)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        object.__setattr__(self, "_limit", round(self._limit, 9))

    def _columns(self, workforce: Workforce) -> list[int]:
        """The columns of the activities that can be teleworked."""
        names = workforce.activity_names
        return [j for j, name in enumerate(names) if name not in self.not_teleworkable]

    def _values(self, workforce: Workforce) -> npt.NDArray[np.float64]:
        shares = workforce.activity_shares
        total = shares[:, self._columns(workforce)].sum(axis=1)
        percent = np.round(total * 100, 9)
        result: npt.NDArray[np.float64] = np.where(workforce.activities_stated(), percent, np.nan)
        return result

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        if _carried(workforce, row) is None:
            return None
        shares = workforce.activity_shares[[row]][:, self._columns(workforce)]
        return Q_(float(np.round(shares.sum(axis=1) * 100, 9)[0]), self.UNIT)
