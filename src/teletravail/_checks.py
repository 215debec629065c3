"""Checks shared by the loaders of JSON-ready documents."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices, did_you_mean
from teletravail.sources import Source


def require_keys(
    data: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> None:
    """A document object must have the ``required`` keys and no unknown one.

    Errors name the key path (``values[1].start``), the value and what was expected.
    """
    if not isinstance(data, Mapping):
        keys = ", ".join(required)
        raise ValidationError(
            path, data, Phrase("an object with {keys}", "un objet aux clés {keys}", keys=keys)
        )
    for key in required:
        if key not in data:
            missing = Phrase("a value (missing key)", "une valeur (clé manquante)")
            raise ValidationError(f"{path}.{key}", None, missing)
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        no_such = Phrase("no such key", "aucune clé de ce nom")
        raise ValidationError(f"{path}.{unknown[0]}", data[unknown[0]], no_such)


E = TypeVar("E", bound=enum.StrEnum)


def enum_value(kind: type[E], value: Any, field: str) -> E:
    """A member of ``kind`` from itself or its value (case and spaces ignored).

    Anything else is a :class:`ValidationError` listing the known values, with a
    suggestion: a value it is the start of, or a close spelling.
    """
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value.strip().lower())
        except ValueError:
            pass
    raise ValidationError(field, value, one_of(kind, value))


def one_of(kind: type[enum.StrEnum], value: Any) -> Phrase:
    """``one of: a, b, c`` with a suggestion: a known value it starts, or a close one."""
    names = [member.value for member in kind]
    text = str(value).strip().lower()
    guess = [n for n in names if text and n.startswith(text)][:1]
    guess = guess or difflib.get_close_matches(text, names, n=1)
    return choices(names) + did_you_mean(guess[0] if guess else None)


T = TypeVar("T")


def typed_tuple(value: Any, kind: type[T], field: str) -> tuple[T, ...]:
    """A tuple of ``kind`` items from any sequence; a lone item, a string, a mapping or an
    item of another type is a :class:`ValidationError` naming ``field[index]``."""
    if isinstance(value, str | Mapping | kind) or not isinstance(value, Iterable):
        raise ValidationError(
            field,
            value,
            Phrase("a sequence of {kind}", "une suite d'objets {kind}", kind=kind.__name__),
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise ValidationError(
                f"{field}[{index}]", item, Phrase("a {kind}", "un objet {kind}", kind=kind.__name__)
            )
    return items


def is_bool(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a real ``bool`` (``"no"`` is not false)."""
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, value, Phrase("true or false", "true ou false"))


def optional_source(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a :class:`~teletravail.sources.Source` or None."""
    if value is not None and not isinstance(value, Source):
        raise ValidationError(
            attribute.name, value, Phrase("a Source or None", "un objet Source ou None")
        )


def build_from_dict(cls: Callable[..., T], data: Mapping[str, Any], path: str) -> T:
    """``cls(**data)`` for a document already checked by :func:`require_keys`: its
    ``source`` read with ``Source.from_dict``, and a validation error renamed with the
    document's key path (``centres[2].desks``)."""
    kwargs = dict(data)
    if kwargs.get("source") is not None:
        kwargs["source"] = Source.from_dict(kwargs["source"], f"{path}.source")
    try:
        return cls(**kwargs)
    except ValidationError as error:
        raise ValidationError(f"{path}.{error.field}", error.value, error.expected) from None
