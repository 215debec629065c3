"""A policy from what a person names: a shipped preset's name or a document file.

:func:`load_policy` is the one entry point the command line and the guides use
(``teletravail.load_policy`` is this function): it sits with the presets, above the
document format (:mod:`teletravail.config`), since it reads either.
"""

from __future__ import annotations

from pathlib import Path

from teletravail import config
from teletravail.policy import Policy
from teletravail.presets.shipped import load as load_preset

__all__ = ["load_policy"]


def load_policy(source: str | Path) -> Policy:
    """A policy from a document file (``.toml`` or ``.json``) or a preset's name
    (``"lot-2013"``, see :func:`teletravail.presets.names`)."""
    if isinstance(source, Path) or Path(str(source)).suffix.lower() in (".toml", ".json"):
        return config.load(source)
    return load_preset(str(source))
