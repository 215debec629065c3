"""Criteria: the single conditions that rules are composed of.

Each criterion has a stable ``code`` (kept across versions, used in JSON documents and
for translations), a threshold, an optional :class:`~teletravail.sources.Source`, and
computes its answer for a whole workforce with array operations. For the explanation of
one row it also reports the value it observed.

=========================== ============================================================
code                        criterion
=========================== ============================================================
``seniority.minimum``       :class:`MinimumSeniority` (calendar anniversaries)
``working_time.minimum``    :class:`MinimumWorkingTime`
``role.excluded``           :class:`ExcludedRoles` (roles and/or tags)
``commute_distance.minimum`` :class:`MinimumCommuteDistance` (the Lozère criterion)
``commute_time.minimum``    :class:`MinimumCommuteTime`
``volunteer``               :class:`Volunteer`
``post.teleworkable``       :class:`TeleworkablePost`
``derogation.active``       :class:`HasDerogation`
``contract_type.excluded``  :class:`ExcludedContracts`
``activities.excluded``     :class:`ExcludedActivities`
``activities.teleworkable_share`` :class:`TeleworkableActivities` (activities, not posts)
(yours)                     :class:`Predicate`, a function of your own over the columns
=========================== ============================================================
"""

from __future__ import annotations

import abc
import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.dated import Duration
from teletravail.errors import TeletravailError, ValidationError
from teletravail.explain import CriterionResult, Result, Value
from teletravail.messages import Phrase, french_unit
from teletravail.sources import Source
from teletravail.units import DIMENSIONLESS, LENGTH, Q_, TIME, as_quantity, unit
from teletravail.workforce import (
    ACTIVITY_SHARE_UNIT,
    COMMUTE_TIME_UNIT,
    DISTANCE_UNIT,
    WORKING_TIME_UNIT,
    Categories,
    ContractType,
    DerogationKind,
    Workforce,
    contract_type,
)

from .decisions import Outcome
from .rules import Blame, Rule

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "Criterion",
    "ExcludedActivities",
    "ExcludedContracts",
    "ExcludedRoles",
    "HasDerogation",
    "MinimumCommuteDistance",
    "MinimumCommuteTime",
    "MinimumSeniority",
    "MinimumWorkingTime",
    "Predicate",
    "TeleworkableActivities",
    "TeleworkablePost",
    "Volunteer",
]


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


def _duration(value: Any) -> Duration:
    return Duration.parse(value)


@functools.lru_cache(maxsize=256)
def _latest_start(minimum: Duration, on: dt.date) -> dt.date | None:
    """The cut-off hire date, or None when no hire date can qualify (``on`` is too early)."""
    try:
        return minimum.latest_start(on)
    except ValidationError:
        return None


_EPOCH = dt.date(1970, 1, 1)


def _day_number(day: dt.date) -> int:
    """Days since 1970-01-01, the integer behind ``datetime64[D]``."""
    return (day - _EPOCH).days


@attrs.frozen(kw_only=True)
class MinimumSeniority(Criterion):
    """At least ``minimum`` of seniority on the reference date, counted from the hire date.

    Anniversaries are calendar dates (:class:`~teletravail.dated.Duration`): an agent
    hired on 2012-02-29 has one year of seniority on 2013-02-28; an agent hired on the
    reference date has none. The cut-off hire date is computed once per evaluation.
    """

    CODE: ClassVar[str] = "seniority.minimum"
    minimum: Duration = attrs.field(factory=lambda: Duration(years=1), converter=_duration)

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        latest = _latest_start(self.minimum, on)
        if latest is None:
            return np.zeros(len(workforce), dtype=bool)
        cutoff = _day_number(latest)
        # days since 1970 as int64: the same order as the dates, and several times faster
        result: npt.NDArray[np.bool_] = workforce.hire_date.view(np.int64) <= cutoff
        return result

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        hired = workforce.hire_date[row].astype(object)
        assert isinstance(hired, dt.date)
        return Duration.between(hired, on) if hired <= on else Duration()

    @property
    def threshold(self) -> Value:
        return self.minimum


def _any_quantity(value: Any) -> Quantity:
    return as_quantity(value, field="minimum", dimension=None)


def _in(quantity: Quantity, name: str) -> float:
    """A threshold's magnitude in the unit the workforce stores that column in."""
    return float(quantity.m_as(unit(name)))


@attrs.frozen(kw_only=True)
class _MinimumQuantity(Criterion):
    """A quantity column compared with a minimum (included); unknown values fail.

    Subclasses name the workforce column (``COLUMN``, a float array in ``UNIT``) and the
    dimension the minimum must have. The minimum is converted to ``UNIT`` once, here.
    """

    DIMENSION: ClassVar[str]
    UNIT: ClassVar[str]
    COLUMN: ClassVar[str]
    minimum: Quantity = attrs.field(converter=_any_quantity)
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


@attrs.frozen(kw_only=True)
class MinimumWorkingTime(_MinimumQuantity):
    """A working time (quotité) of at least ``minimum``; exactly the minimum passes.

    Working times are compared in percent rounded to 1e-9, so ``0.9`` and ``90 %`` agree.
    """

    CODE: ClassVar[str] = "working_time.minimum"
    DIMENSION: ClassVar[str] = DIMENSIONLESS
    UNIT: ClassVar[str] = WORKING_TIME_UNIT
    COLUMN: ClassVar[str] = "working_time_percent"
    MAXIMUM: ClassVar[float | None] = 100.0
    minimum: Quantity = attrs.field(factory=lambda: Q_(90, "percent"), converter=_any_quantity)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        object.__setattr__(self, "_limit", round(self._limit, 9))


def _names(value: Any) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Iterable) or isinstance(items, Mapping):
        raise ValidationError(
            "roles",
            value,
            Phrase(
                "a set of role or tag names", "un ensemble de noms de fonctions ou d'étiquettes"
            ),
        )
    names = []
    for name in items:
        if not isinstance(name, str) or not name.strip():
            raise ValidationError(
                "roles", value, Phrase("a set of non-empty names", "un ensemble de noms non vides")
            )
        names.append(name.strip())  # the same cleaning as the agents' roles and tags
    return frozenset(names)


def _not_in(role: Categories, names: frozenset[str]) -> npt.NDArray[np.bool_]:
    """Rows whose role is none of ``names`` (``~workforce.role_in(names)``, built in one
    column: a few codes are compared one by one, in place, many go through a table)."""
    codes = [code for code, name in enumerate(role.categories) if name in names]
    if len(codes) > 8:
        table = np.ones(len(role.categories), dtype=bool)
        table[codes] = False
        kept: npt.NDArray[np.bool_] = table[role.codes]
        return kept
    if not codes:
        everyone = np.empty(len(role.codes), dtype=bool)
        everyone.fill(True)  # (np.ones costs a Python call more on a short column)
        return everyone
    kept = role.codes != codes[0]
    scratch = np.empty_like(kept)
    for code in codes[1:]:
        kept &= np.not_equal(role.codes, code, out=scratch)
    return kept


@attrs.frozen(kw_only=True)
class ExcludedRoles(Criterion):
    """Not in one of ``roles`` and carrying none of ``tags``.

    Roles are the agent's one job family; tags describe the post (``cadre``,
    ``public_facing``...). The observed value lists the agent's role then its tags.
    """

    CODE: ClassVar[str] = "role.excluded"
    roles: frozenset[str] = attrs.field(factory=frozenset, converter=_names)
    tags: frozenset[str] = attrs.field(factory=frozenset, converter=_names)

    def __attrs_post_init__(self) -> None:
        if not self.roles and not self.tags:
            raise ValidationError(
                "roles",
                self.roles,
                Phrase(
                    "at least one excluded role or tag",
                    "au moins une fonction ou une étiquette exclue",
                ),
            )

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        kept = _not_in(workforce.role, self.roles)
        if self.tags and any(t in self.tags for t in workforce.tag_names):
            kept &= ~workforce.has_tag(self.tags)
        return kept

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        tags = sorted(
            t for t, on_ in zip(workforce.tag_names, workforce.tags[row], strict=True) if on_
        )
        return (workforce.role.value(row), *tags)

    @property
    def threshold(self) -> Value:
        return tuple(sorted(self.roles | self.tags))


@attrs.frozen(kw_only=True)
class MinimumCommuteDistance(_MinimumQuantity):
    """A one-way commute of at least ``minimum`` (an unknown distance does not pass)."""

    CODE: ClassVar[str] = "commute_distance.minimum"
    DIMENSION: ClassVar[str] = LENGTH
    UNIT: ClassVar[str] = DISTANCE_UNIT
    COLUMN: ClassVar[str] = "commute_distance_km"


@attrs.frozen(kw_only=True)
class MinimumCommuteTime(_MinimumQuantity):
    """A one-way commute time of at least ``minimum`` (an unknown time does not pass)."""

    CODE: ClassVar[str] = "commute_time.minimum"
    DIMENSION: ClassVar[str] = TIME
    UNIT: ClassVar[str] = COMMUTE_TIME_UNIT
    COLUMN: ClassVar[str] = "commute_time_min"


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
    from teletravail.workforce import derogation_kind

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


def _contract_types(value: Any) -> frozenset[ContractType]:
    if not isinstance(value, str | Iterable) or isinstance(value, Mapping):
        raise ValidationError(
            "contract_types",
            value,
            Phrase("a set of contract types", "un ensemble de types de contrat"),
        )
    items = [value] if isinstance(value, str) else list(value)
    if not items:
        raise ValidationError(
            "contract_types",
            value,
            Phrase("at least one contract type", "au moins un type de contrat"),
        )
    return frozenset(contract_type(item, "contract_types") for item in items)


@attrs.frozen(kw_only=True)
class ExcludedContracts(Criterion):
    """Not of one of ``contract_types`` (values or French words: ``"apprenti"``,
    ``"stagiaire école"``, ``"doctorant contractuel"``).

    An agent whose contract type is not stated is not excluded, and the explanation says
    it was not stated.
    """

    CODE: ClassVar[str] = "contract_type.excluded"
    contract_types: frozenset[ContractType] = attrs.field(converter=_contract_types)

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        return ~workforce.contract_type_in(self.contract_types)

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        return workforce.contract_type.value(row) or None

    @property
    def threshold(self) -> Value:
        return tuple(sorted(kind.value for kind in self.contract_types))


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
class TeleworkableActivities(_MinimumQuantity):
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
