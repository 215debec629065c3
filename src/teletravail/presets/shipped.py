"""The presets shipped with the library: their names, their documents, their policies and
a line on each.

Each preset is a TOML policy document inside the package (``teletravail/presets/*.toml``),
read by :mod:`teletravail.config` like any territory's own file. :func:`load` reads one
into a :class:`~teletravail.policy.Policy` once per units registry; :func:`text` gives
its document; :func:`catalogue` says in a line what each is.
"""

from __future__ import annotations

import datetime as dt
import difflib
from importlib import resources

import attrs

from teletravail.config import loads
from teletravail.errors import ValidationError
from teletravail.messages import choices, did_you_mean
from teletravail.policy import Policy
from teletravail.sources import Source
from teletravail.units import per_registry

__all__ = ["PresetInfo", "catalogue", "load", "names", "text"]

# the package that holds the documents
_FOLDER = "teletravail.presets"


@attrs.frozen(kw_only=True)
class PresetInfo:
    """What a preset is, in a line: its name, title, territory, period, summary and
    sources."""

    name: str
    title: str
    territory: str
    start: dt.date
    end: dt.date | None
    summary: str
    sources: tuple[Source, ...]

    def line(self) -> str:
        """One line: name, period and summary."""
        period = f"{self.start.year}" + (f"–{self.end.year}" if self.end else "–")
        return f"{self.name:<16} {period:<10} {self.summary}"


def names() -> tuple[str, ...]:
    """The names of the presets, sorted."""
    folder = resources.files(_FOLDER)
    found = (entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    return tuple(sorted(name.removesuffix(".toml") for name in found))


def _known(name: object) -> str:
    known = names()
    if isinstance(name, str) and name in known:
        return name
    guess = difflib.get_close_matches(str(name).lower(), list(known), n=1, cutoff=0.5)
    raise ValidationError(
        "preset", name, choices(known) + did_you_mean(guess[0] if guess else None)
    )


def text(name: str) -> str:
    """The TOML document of a preset, to read or to start a variant from."""
    return resources.files(_FOLDER).joinpath(f"{_known(name)}.toml").read_text("utf-8")


def load(name: str) -> Policy:
    """The preset's :class:`~teletravail.policy.Policy` (built once per units registry;
    policies are immutable, so the same object is shared)."""
    return _load(_known(name))


def _build(name: str) -> Policy:
    return loads(text(name), origin=f"teletravail/presets/{name}.toml")


_load = per_registry(_build)


def catalogue() -> tuple[PresetInfo, ...]:
    """Every preset with its summary (the first line of its description), in the order
    of :func:`names`."""
    found = []
    for name in names():
        policy = load(name)
        summary = policy.description.strip().split("\n", 1)[0] or policy.name
        found.append(
            PresetInfo(
                name=name,
                title=policy.name,
                territory=policy.territory,
                start=policy.period.start,
                end=policy.period.end,
                summary=summary,
                sources=policy.sources,
            )
        )
    return tuple(found)
