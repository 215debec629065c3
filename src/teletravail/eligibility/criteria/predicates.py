"""A condition of your own: :class:`Predicate`, a function over the columns of a
workforce, with a code of its own (one that no built-in criterion uses) and the words
its explanation says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.errors import TeletravailError, ValidationError
from teletravail.explain import Value
from teletravail.messages import Phrase
from teletravail.workforce import Workforce

from .criterion import Criterion

__all__ = ["Predicate"]


def _code(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value):
        raise ValidationError(
            "name",
            value,
            Phrase(
                "a non-empty code without spaces, e.g. {example!r}",
                "un code non vide, sans espace, par exemple {example!r}",
                example="site.badge",
            ),
        )
    if value in _BUILT_IN_CODES:
        raise ValidationError(
            "name",
            value,
            Phrase(
                "a code that no built-in criterion uses",
                "un code qu'aucun critère fourni avec la bibliothèque n'emploie",
            ),
        )
    return value


def _callable(instance: Any, attribute: Any, value: Any) -> None:
    if not callable(value):
        raise ValidationError(
            "function",
            value,
            Phrase(
                "a function (workforce, on) -> booleans",
                "une fonction (workforce, on) qui renvoie des booléens",
            ),
        )


def _description(instance: Any, attribute: Any, value: Any) -> None:
    if value is None and attribute.name == "text_fr":
        return
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            attribute.name, value, Phrase("a non-empty description", "une description non vide")
        )


@attrs.frozen(kw_only=True)
class Predicate(Criterion):
    """A condition of your own, computed on the columns of a workforce.

    ``function(workforce, on)`` returns one boolean per agent (a numpy array), so that a
    workforce is still evaluated without a loop. ``name`` is its stable code and
    ``description`` (``description_fr``) what the explanation says.
    """

    name: str = attrs.field(converter=_code)
    function: Callable[[Workforce, dt.date], npt.ArrayLike] = attrs.field(validator=_callable)
    text: str = attrs.field(validator=_description)
    text_fr: str | None = attrs.field(default=None, validator=_description)

    @property
    def code(self) -> str:
        return self.name

    @property
    def description(self) -> str | None:
        return self.text

    @property
    def description_fr(self) -> str | None:
        return self.text_fr

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        try:
            column = np.asarray(self.function(workforce, on))
        except TeletravailError:
            raise
        except Exception as exc:
            raise TeletravailError(
                Phrase(
                    "predicate {name!r} failed: {error}",
                    "le critère {name!r} a échoué\u00a0: {error}",
                    name=self.name,
                    error=repr(exc),
                )
            ) from exc
        if column.shape != (len(workforce),) or column.dtype != np.bool_:
            raise ValidationError(
                f"predicate {self.name!r}",
                Phrase(
                    "array of shape {shape} and dtype {dtype}",
                    "un tableau de forme {shape} et de type {dtype}",
                    shape=str(column.shape),
                    dtype=str(column.dtype),
                ),
                Phrase(
                    "a boolean array of shape ({n},)",
                    "un tableau de booléens de forme ({n},)",
                    n=len(workforce),
                ),
            )
        return column

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        return None

    @property
    def threshold(self) -> Value:
        return None


#: Codes of the built-in criteria, which a Predicate may not take as its name.
_BUILT_IN_CODES = frozenset(
    {
        "seniority.minimum",
        "working_time.minimum",
        "role.excluded",
        "commute_distance.minimum",
        "commute_time.minimum",
        "volunteer",
        "post.teleworkable",
        "derogation.active",
        "contract_type.excluded",
        "activities.excluded",
        "activities.teleworkable_share",
    }
)
