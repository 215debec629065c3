"""Checks shared by the loaders of JSON-ready documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from teletravail.errors import ValidationError


def require_keys(
    data: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> None:
    """A document object must have the ``required`` keys and no unknown one.

    Errors name the key path (``values[1].start``), the value and what was expected.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(path, data, f"an object with {', '.join(required)}")
    for key in required:
        if key not in data:
            raise ValidationError(f"{path}.{key}", None, "a value (missing key)")
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise ValidationError(f"{path}.{unknown[0]}", data[unknown[0]], "no such key")
