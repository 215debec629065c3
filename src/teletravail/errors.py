"""The exception hierarchy of ``teletravail``.

Every error the library raises on purpose derives from :class:`TeletravailError`, so
that an application can catch them all with one ``except``. Errors carry data (the
field, the value, what was expected) as attributes; the message is built from it.

Errors about bad values also derive from :class:`ValueError`, so that code written
against the standard library's conventions keeps working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

__all__ = [
    "ConfigError",
    "DatedValueError",
    "NoValueInForceError",
    "Problem",
    "ReferenceDateError",
    "RowError",
    "TeletravailError",
    "UnitError",
    "ValidationError",
    "WorkforceError",
]


def _show(value: Any) -> str:
    """Show a value the way a user typed it, short enough for one line."""
    import reprlib

    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return repr(value.isoformat())
    if _is_scalar_quantity(value):  # a quantity as it is written: '0.005 EUR'
        return repr(f"{value.magnitude:g} {value.units:~}".strip())
    shorter = reprlib.Repr()
    shorter.maxlevel, shorter.maxstring, shorter.maxother = 3, 80, 80
    text = shorter.repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _is_scalar_quantity(value: Any) -> bool:
    """Whether ``value`` is one pint quantity (checked by its attributes: this module
    imports no unit library)."""
    magnitude = getattr(value, "magnitude", None)
    return (
        hasattr(value, "units")
        and isinstance(magnitude, int | float)
        and not isinstance(magnitude, bool)
    )


class TeletravailError(Exception):
    """Base class of every error raised by ``teletravail`` on purpose."""


class ValidationError(TeletravailError, ValueError):
    """A value does not satisfy a rule of the model.

    ``field`` names where the value was given (``"working_time"``,
    ``"values[2].start"``), ``value`` is what was given and ``expected`` says what
    would have been accepted.
    """

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: expected {expected}, got {_show(value)}")


class UnitError(ValidationError):
    """A quantity is missing, unparsable or of the wrong dimension.

    ``dimension`` is the expected dimensionality, e.g. ``"[length]"``.
    """

    def __init__(self, field: str, value: Any, dimension: str, detail: str = "") -> None:
        self.dimension = dimension
        expected = (
            "a quantity" if dimension == "any dimension" else f"a quantity of dimension {dimension}"
        )
        if detail:
            expected = f"{expected} ({detail})"
        super().__init__(field, value, expected)


class DatedValueError(ValidationError):
    """A dated parameter is malformed (unsorted, duplicate or mixed-unit values)."""


class NoValueInForceError(TeletravailError, LookupError):
    """A dated parameter has no value in force on the date asked for."""

    def __init__(self, name: str, on: Any, known: str) -> None:
        self.name = name
        self.on = on
        super().__init__(f"{name}: no value in force on {on} (values cover {known})")


class ReferenceDateError(ValidationError):
    """An input is inconsistent with the reference date of an evaluation."""


class RowError:
    """One bad row of a batch input: its number, the field and what is wrong.

    Rows are numbered from 0 in the order they were given (for a CSV file, the first
    data row after the header is row 0).
    """

    __slots__ = ("error", "field", "message", "row", "value")

    def __init__(self, row: int, field: str, value: Any, message: str) -> None:
        self.row = row
        self.field = field
        self.value = value
        self.message = message

    @classmethod
    def from_error(cls, row: int, error: ValidationError) -> RowError:
        """Wrap a validation error raised while reading ``row``."""
        return cls(row, error.field, error.value, str(error))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description of the bad row."""
        return {
            "row": self.row,
            "field": self.field,
            "value": _show(self.value),
            "message": self.message,
        }

    def __repr__(self) -> str:
        return f"RowError(row={self.row}, field={self.field!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowError):
            return NotImplemented
        return (self.row, self.field, self.message) == (other.row, other.field, other.message)

    def __hash__(self) -> int:
        return hash((self.row, self.field, self.message))


class WorkforceError(TeletravailError, ValueError):
    """One or more rows of a workforce input are invalid.

    ``errors`` lists every bad row (not only the first), each with its row number,
    field and message.
    """

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(f"row {e.row}: {e.message}" for e in self.errors[:5])
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__(f"{len(self.errors)} invalid row(s): {shown}{more}")


class Problem:
    """One problem of a document: the key path, the value found and what was expected.

    ``path`` is written the way the document is read: ``quota.maximum``,
    ``eligibility.all_of[2].minimum``; the empty path is the document itself.
    """

    __slots__ = ("expected", "path", "value")

    def __init__(self, path: str, value: Any, expected: str) -> None:
        self.path = path
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        where = self.path or "(document)"
        found = "nothing" if self.value is None else _show(self.value)
        return f"{where}: expected {self.expected}, got {found}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description of the problem."""
        return {"path": self.path, "value": _show(self.value), "expected": self.expected}

    def __repr__(self) -> str:
        return f"Problem(path={self.path!r}, expected={self.expected!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.expected) == (other.path, other.expected)

    def __hash__(self) -> int:
        return hash((self.path, self.expected))


#: How many problems a ConfigError's message shows (its ``problems`` hold them all).
_MOST_SHOWN = 50


class ConfigError(ValidationError):
    """A policy document has problems; ``problems`` lists every one of them.

    It is a :class:`ValidationError` whose ``field`` is the first problem's path, so
    code catching validation errors catches it too. ``origin`` names the document (a
    file name, or ``<string>``).
    """

    def __init__(self, problems: Sequence[Problem], origin: str = "<document>") -> None:
        if not problems:
            raise ValueError("a ConfigError needs at least one problem")
        self.problems = tuple(problems)
        self.origin = origin
        first = self.problems[0]
        super().__init__(first.path, first.value, first.expected)
        count = len(self.problems)
        lines = [f"{origin}: {count} problem{'s' if count > 1 else ''}"]
        lines.extend(f"  {problem}" for problem in self.problems[:_MOST_SHOWN])
        if count > _MOST_SHOWN:  # every problem is in .problems; the message stays short
            lines.append(f"  ... and {count - _MOST_SHOWN} more")
        self.args = ("\n".join(lines),)

    def __str__(self) -> str:
        return str(self.args[0])
