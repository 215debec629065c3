"""Who the agent is in the organisation: :class:`ExcludedRoles` (``role.excluded``, a
job family or a tag of the post) and :class:`ExcludedContracts`
(``contract_type.excluded``, the kind of contract).
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
from teletravail.workforce import Categories, ContractType, Workforce, contract_type

from .criterion import Criterion

__all__ = ["ExcludedContracts", "ExcludedRoles"]


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
