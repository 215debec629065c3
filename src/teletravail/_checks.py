"""Checks shared by the library's classes: attrs validators (a real ``bool``, a non-empty
text, a :class:`~teletravail.sources.Source`), enums and typed tuples read from what a
caller passes, and a "did you mean" among names.

Reading JSON-ready data is not here: each value is described once
(:mod:`teletravail.documents`) and read through its description.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices, did_you_mean
from teletravail.sources import Source

T = TypeVar("T")
E = TypeVar("E", bound=enum.StrEnum)


def named(
    read: Callable[[Any, str], T], *, optional: bool = False
) -> attrs.Converter[Any, T | None]:
    """The attrs converter that calls ``read(value, name)`` with the name of its field
    (its alias, the name a caller writes): ``attrs.field(converter=named(to_date))``
    instead of a function per field that only passes its name. With ``optional``, None
    stays None.

    mypy's attrs plugin does not read converter objects yet (python/mypy#15736): a
    field that uses one says ``# type: ignore[misc]``, and its ``__init__`` argument is
    typed ``Any``, as it was with the one-line function it replaces.
    """

    def convert(value: Any, field: attrs.Attribute[Any]) -> T | None:
        if optional and value is None:
            return None
        return read(value, field.alias or field.name)

    return attrs.Converter(convert, takes_field=True)


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


def non_empty(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a string that is not blank."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            attribute.name, value, Phrase("a non-empty string", "un texte non vide")
        )


def optional_text(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a string that is not blank, or None."""
    if value is not None:
        non_empty(instance, attribute, value)


def hint(text: str, names: Iterable[str]) -> Phrase:
    """`` (did you mean 'x'?)`` for the closest of ``names`` to ``text``, or nothing."""
    guess = difflib.get_close_matches(text, list(names), n=1)
    return did_you_mean(guess[0] if guess else None)


def optional_source(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a :class:`~teletravail.sources.Source` or None."""
    if value is not None and not isinstance(value, Source):
        raise ValidationError(
            attribute.name, value, Phrase("a Source or None", "un objet Source ou None")
        )
