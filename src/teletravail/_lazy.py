"""Names of a package loaded on first use (PEP 562), so that importing it stays cheap."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_names(
    package: str,
    exports: Mapping[str, str],
    submodules: Collection[str],
    public: Collection[str],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``.

    ``exports`` maps a name to the module defining it (``"rates"`` inside the
    package, or a full ``"teletravail.units"``); ``submodules`` are loaded as themselves.
    A name is imported once, then kept in the package's namespace.
    """
    namespace = sys.modules[package].__dict__

    def load(name: str) -> Any:
        if name in submodules:
            value: Any = importlib.import_module(f"{package}.{name}")
        else:
            where = exports.get(name)
            if where is None:
                raise AttributeError(f"module {package!r} has no attribute {name!r}")
            full = where if where.startswith("teletravail.") else f"{package}.{where}"
            value = getattr(importlib.import_module(full), name)
        namespace[name] = value
        return value

    def names() -> list[str]:
        return sorted(set(namespace) | set(public))

    return load, names
