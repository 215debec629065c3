"""The policies the web service serves: the shipped presets and the policy documents of
one folder, read once when the service starts and never written (:class:`PolicyStore`).

A request names a policy by its name; it never gives a path. A document of the folder
is named after its file (``OURS.toml`` is served as ``OURS``); a name that is already a preset's,
or a document with problems, stops the service from starting, with every problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs

from teletravail import config, presets
from teletravail.errors import ConfigError, Problem, UnknownPolicyError, ValidationError
from teletravail.messages import Phrase, choices, did_you_mean_among
from teletravail.policy import Policy

__all__ = ["PolicyStore", "StoredPolicy"]

Origin = Literal["preset", "folder"]
_SUFFIXES: Final = (".toml", ".json")


@attrs.frozen(kw_only=True)
class StoredPolicy:
    """One policy served: its ``name``, where it comes from (``origin``: a shipped
    preset or the folder), the policy itself and its ``document`` (the policy document
    format's JSON, written once)."""

    name: str
    origin: Origin
    policy: Policy
    document: Mapping[str, Any]

    def summary(self) -> dict[str, Any]:
        """A line of the list of policies: name, origin, title, territory, sector and
        the period in force."""
        policy = self.policy
        return {
            "name": self.name,
            "origin": self.origin,
            "title": policy.name,
            "territory": policy.territory,
            "sector": policy.sector,
            "period": {
                "start": policy.period.start.isoformat(),
                "end": None if policy.period.end is None else policy.period.end.isoformat(),
            },
        }


def _stored(name: str, origin: Origin, policy: Policy) -> StoredPolicy:
    return StoredPolicy(
        name=name, origin=origin, policy=policy, document=config.to_document(policy)
    )


def _read_only(policies: Mapping[str, StoredPolicy]) -> Mapping[str, StoredPolicy]:
    return MappingProxyType(dict(policies))


@attrs.frozen
class PolicyStore:
    """The policies served, by name (read-only once built)."""

    policies: Mapping[str, StoredPolicy] = attrs.field(converter=_read_only)

    @classmethod
    def load(cls, folder: Path | str | None = None) -> PolicyStore:
        """The shipped presets, and the policy documents (``.toml``, ``.json``) of
        ``folder`` if given, each read now. Every document with problems, and every
        name taken twice, is one problem of the :class:`ConfigError` raised."""
        found = {name: _stored(name, "preset", presets.load(name)) for name in presets.names()}
        if folder is None:
            return cls(found)
        problems: list[Problem] = []
        for path in sorted(Path(folder).iterdir()):
            if path.name.startswith(".") or path.suffix.lower() not in _SUFFIXES:
                continue
            name = path.stem
            if name in found:
                problems.append(
                    Problem(
                        path.name,
                        name,
                        Phrase(
                            "a name no other policy takes ({name!r} is taken)",
                            "un nom qu'aucune autre politique ne porte ({name!r} est pris)",
                            name=name,
                        ),
                    )
                )
                continue
            try:
                found[name] = _stored(name, "folder", config.load(path))
            except ConfigError as error:
                problems.extend(
                    Problem(f"{path.name}: {p.path}", p.value, p.expected) for p in error.problems
                )
            except ValidationError as error:
                problems.append(Problem(path.name, error.value, error.expected))
        if problems:
            raise ConfigError(problems, str(folder))
        return cls(found)

    def names(self) -> tuple[str, ...]:
        """The names of the policies served, sorted."""
        return tuple(sorted(self.policies))

    def get(self, name: str) -> StoredPolicy:
        """The policy called ``name``; another name is an
        :class:`~teletravail.errors.UnknownPolicyError` that lists the names served, with
        the closest."""
        found = self.policies.get(name)
        if found is None:
            known = self.names()
            hint = did_you_mean_among(str(name).lower(), known, cutoff=0.5)
            raise UnknownPolicyError("policy", name, choices(known) + hint)
        return found
