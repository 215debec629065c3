"""Populations: the parts of a scheme that follow rules of their own.

A territory's scheme often treats groups of staff differently: the same document gives
one day a week at most to any part-time agent, another eligibility to contract staff,
and leaves teaching staff outside the scheme altogether. A :class:`Population` names
such a group: who belongs to it (:class:`Members`, by role, tag, category, contract
type, establishment or working time) and the rules that replace the policy's own for
them (eligibility, quota, places, allowance; a rule it does not state is the
policy's).

An agent belongs to the **first** population of the policy that selects them, in the
order the document writes them: the order is the stated way to resolve overlaps (put
the narrower group first). An agent that no population selects, or that belongs to a
population written ``concerned = false``, is **not concerned** by the scheme: that
is a status of its own, apart from a refusal, in decisions, tables and totals.

:class:`NotConcerned` is the criterion that explains it in a decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import named, optional_source
from teletravail.allowance.allowance import Allowance
from teletravail.documents import encodable
from teletravail.eligibility.criteria import Criterion
from teletravail.eligibility.rules import Rule
from teletravail.errors import ValidationError
from teletravail.explain import (
    CONTRACT_TYPE_TEXT,
    NOT_CONCERNED,
    NOT_CONCERNED_CODES,
    OUTSIDE_SCHEME,
    Value,
)
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.scheduling.quota import Quota
from teletravail.scheduling.working_time import WorkingTimeBand
from teletravail.sources import Source
from teletravail.week import PlaceKind, read_places
from teletravail.workforce import Workforce, category, contract_type

__all__ = [
    "NOT_CONCERNED_CODE",
    "NOT_CONCERNED_CODES",
    "OUTSIDE_SCHEME_CODE",
    "Members",
    "NotConcerned",
    "Population",
    "membership",
]

_NON_EMPTY_NAME = Phrase("a non-empty name", "un nom non vide")

#: The code of the criterion that explains an agent outside the scheme.
NOT_CONCERNED_CODE = NOT_CONCERNED
#: The code of the criterion of an agent in a population declared outside the scheme.
OUTSIDE_SCHEME_CODE = OUTSIDE_SCHEME


def _names(value: Any, field: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValidationError(field, value, Phrase("a list of names", "une liste de noms"))
    found = []
    for item in value:
        if not isinstance(item, str) or not item.strip() or not encodable(item):
            raise ValidationError(field, item, _NON_EMPTY_NAME)
        found.append(item.strip())
    return frozenset(found)


def _band(value: Any) -> WorkingTimeBand | None:
    if value is None or isinstance(value, WorkingTimeBand):
        return value
    if isinstance(value, Mapping):
        unknown = set(value) - {"low", "high"}
        if unknown:
            raise ValidationError(
                "working_time",
                dict(value),
                Phrase("a band with 'low' and 'high'", "une plage avec 'low' et 'high'"),
            )
        return WorkingTimeBand(**value)
    raise ValidationError(
        "working_time",
        value,
        Phrase(
            "a WorkingTimeBand, or {'low': ..., 'high': ...}",
            "un objet WorkingTimeBand, ou {'low': ..., 'high': ...}",
        ),
    )


def _optional_bool(field: str) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and not isinstance(value, bool):
            raise ValidationError(
                field, value, Phrase("true, false or not stated", "true, false ou rien")
            )

    return check


def _categories(value: Any) -> frozenset[str]:
    return frozenset(str(category(item, "categories")) for item in _names(value, "categories"))


def _contract_types(value: Any) -> frozenset[str]:
    names = _names(value, "contract_types")
    return frozenset(str(contract_type(item, "contract_types")) for item in names)


@attrs.frozen(kw_only=True)
class Members:
    """Who belongs to a population: every condition stated holds (a list is met by any
    of its names). ``roles``, ``tags``, ``categories`` (A, B, C), ``contract_types``
    and ``establishments`` (an establishment or a site) are lists of names;
    ``part_time`` is the shorthand for any part-time agent (``True``: under 100 %;
    ``False``: full time only); ``working_time`` a band of working times. A selector
    that states nothing selects everyone."""

    roles: frozenset[str] = attrs.field(factory=frozenset, converter=named(_names))  # type: ignore[misc]
    tags: frozenset[str] = attrs.field(factory=frozenset, converter=named(_names))  # type: ignore[misc]
    categories: frozenset[str] = attrs.field(factory=frozenset, converter=_categories)
    contract_types: frozenset[str] = attrs.field(factory=frozenset, converter=_contract_types)
    establishments: frozenset[str] = attrs.field(factory=frozenset, converter=named(_names))  # type: ignore[misc]
    part_time: bool | None = attrs.field(default=None, validator=_optional_bool("part_time"))
    working_time: WorkingTimeBand | None = attrs.field(default=None, converter=_band)

    @property
    def everyone(self) -> bool:
        """Whether the selector states no condition."""
        return not (
            self.roles
            or self.tags
            or self.categories
            or self.contract_types
            or self.establishments
            or self.part_time is not None
            or self.working_time is not None
        )

    def mask(self, workforce: Workforce) -> npt.NDArray[np.bool_]:
        """For each agent of ``workforce``, whether the selector selects them."""
        n = len(workforce)
        selected = np.ones(n, dtype=bool)
        if self.roles:
            selected &= workforce.role_in(self.roles)
        if self.tags:
            selected &= workforce.has_tag(self.tags)
        if self.categories:
            selected &= workforce.category_in(self.categories)
        if self.contract_types:
            selected &= workforce.contract_type_in(self.contract_types)
        if self.establishments:
            selected &= workforce.establishment_in(self.establishments)
        shares = np.round(workforce.working_time_percent, 9)
        if self.part_time is not None:
            selected &= (shares < 100) if self.part_time else (shares >= 100)
        if self.working_time is not None:
            selected &= self.working_time.contains(shares)
        return selected

    def describe(self, lang: Lang = "en") -> str:
        """The selector in words, for people."""
        fr = check_lang(lang) == "fr"
        parts: list[str] = []
        contracts = {CONTRACT_TYPE_TEXT[c]["fr" if fr else "en"] for c in self.contract_types}
        lists = (
            ("roles", "fonctions", self.roles),
            ("tags", "étiquettes", self.tags),
            ("categories", "catégories", self.categories),
            ("contract types", "types de contrat", contracts),
            ("establishments", "établissements", self.establishments),
        )
        for en, french, names in lists:
            if names:
                parts.append(f"{french if fr else en} {', '.join(sorted(names))}")
        if self.part_time is not None:
            if fr:
                parts.append("agents à temps partiel" if self.part_time else "agents à temps plein")
            else:
                parts.append("part-time agents" if self.part_time else "full-time agents")
        if self.working_time is not None:
            low, high = self.working_time.low_percent, self.working_time.high_percent
            if fr:
                parts.append(f"quotité de {low:g} à {high:g} %".replace(".", ","))
            else:
                parts.append(f"working time {low:g} to {high:g} %")
        if not parts:
            return "tous les agents" if fr else "every agent"
        return " ; ".join(parts) if fr else "; ".join(parts)


def _members(value: Any) -> Members:
    if isinstance(value, Members):
        return value
    if value is None:
        return Members()
    if isinstance(value, Mapping):
        return Members(**value)
    raise ValidationError("members", value, Phrase("a Members selector", "un sélecteur Members"))


def _name(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or not encodable(value):
        raise ValidationError(attribute.name, value, _NON_EMPTY_NAME)


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not encodable(value):
        raise ValidationError(attribute.name, value, Phrase("a string of text", "du texte"))


def _optional(kind: type, field: str) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(
                field,
                value,
                Phrase("a {kind} or None", "un objet {kind} ou None", kind=kind.__name__),
            )

    return check


def _places(value: Any) -> frozenset[PlaceKind] | None:
    return None if value is None else read_places(value)


@attrs.frozen(kw_only=True)
class Population:
    """A group of agents with rules of its own, within a policy.

    ``members`` selects the agents; ``eligibility``, ``quota``, ``places`` and
    ``allowance`` replace the policy's own for them (``None``: the policy's).
    ``concerned=False`` declares a group outside the scheme (teaching staff under a
    protocol for administrative staff, say): its agents are *not concerned*, which is
    not a refusal; such a population states no rule.
    """

    name: str = attrs.field(validator=_name)
    members: Members = attrs.field(factory=Members, converter=_members)
    concerned: bool = attrs.field(default=True, validator=_optional_bool("concerned"))
    description: str = attrs.field(default="", validator=_text)
    eligibility: Rule | None = attrs.field(default=None, validator=_optional(Rule, "eligibility"))
    quota: Quota | None = attrs.field(default=None, validator=_optional(Quota, "quota"))
    places: frozenset[PlaceKind] | None = attrs.field(default=None, converter=_places)
    allowance: Allowance | None = attrs.field(
        default=None, validator=_optional(Allowance, "allowance")
    )
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def __attrs_post_init__(self) -> None:
        if not self.concerned:
            for field in ("eligibility", "quota", "places", "allowance"):
                if getattr(self, field) is not None:
                    raise ValidationError(
                        field,
                        Phrase(
                            f"a {field}",
                            {
                                "eligibility": "une règle d'éligibilité",
                                "quota": "un quota",
                                "places": "des lieux",
                                "allowance": "des indemnités",
                            }[field],
                        ),
                        Phrase(
                            "no rule for a population outside the scheme (concerned = false)",
                            "aucune règle pour une population hors du dispositif"
                            " (concerned = false)",
                        ),
                    )


def membership(populations: Sequence[Population], workforce: Workforce) -> npt.NDArray[np.intp]:
    """For each agent, the index of the first population that selects them, or -1 where
    none does."""
    found = np.full(len(workforce), -1, dtype=np.intp)
    free = np.ones(len(workforce), dtype=bool)
    for index, population in enumerate(populations):
        if not free.any():
            break
        picked = free & population.members.mask(workforce)
        found[picked] = index
        free &= ~picked
    return found


def overlaps(populations: Sequence[Population], workforce: Workforce) -> dict[tuple[str, str], int]:
    """For each pair of populations (the first written first), how many agents both
    select: they belong to the first."""
    masks = [p.members.mask(workforce) for p in populations]
    found: dict[tuple[str, str], int] = {}
    for i, first in enumerate(populations):
        for j in range(i + 1, len(populations)):
            count = int(np.count_nonzero(masks[i] & masks[j]))
            if count:
                found[(first.name, populations[j].name)] = count
    return found


@attrs.frozen(kw_only=True)
class NotConcerned(Criterion):
    """The criterion of an agent outside the scheme: in no population (``population``
    is ``None``, code ``population.none``) or in one declared outside it (code
    ``population.outside``). It never passes; ``populations`` names the populations the
    scheme concerns, for the explanation."""

    CODE: ClassVar[str] = NOT_CONCERNED_CODE
    population: str | None = None
    populations: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """``population.none`` for an agent in no population, ``population.outside``
        for one in a population declared outside the scheme."""
        return NOT_CONCERNED_CODE if self.population is None else OUTSIDE_SCHEME_CODE

    def codes(self) -> tuple[str, ...]:
        return (self.code,)

    def column(self, workforce: Workforce, on: dt.date) -> npt.NDArray[np.bool_]:
        return np.zeros(len(workforce), dtype=bool)

    def observed(self, workforce: Workforce, on: dt.date, row: int) -> Value:
        return self.population or ""

    @property
    def threshold(self) -> Value:
        return self.populations
