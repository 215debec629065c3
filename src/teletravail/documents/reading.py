"""Reading and writing one value through its description, outside a policy document.

:func:`read` is what a class's ``from_dict`` calls: the description reads the data,
collecting every problem with its key path; one problem is raised as the
:class:`~teletravail.errors.ValidationError` it is (its ``field`` is the key path), and
several as one :class:`~teletravail.errors.ConfigError` that lists them all (a
``ValidationError`` too, whose ``field`` is the first problem's path). :func:`write`
gives the JSON-ready data the same description reads back.
"""

from __future__ import annotations

from typing import Any

from teletravail.errors import ConfigError, ValidationError

from .context import BAD, Context
from .kinds import Kind

__all__ = ["read", "write"]


def read(kind: Kind, data: Any, path: str) -> Any:
    """The value ``kind`` reads from ``data``, found at ``path`` (the key path its
    problems are named by); a :class:`ValidationError` when it has one problem, a
    :class:`ConfigError` listing them when it has several."""
    ctx = Context()
    value = kind.read(ctx, data, path)
    if len(ctx.problems) == 1:
        problem = ctx.problems[0]
        raise ValidationError(problem.path, problem.value, problem.expected)
    if ctx.problems:
        raise ConfigError(ctx.problems, path)
    if value is BAD:  # a kind failed without saying why: never silently
        raise ValidationError(path, data, kind.label)
    return value


def write(kind: Kind, value: Any) -> Any:
    """``value`` as JSON-ready data, as ``kind`` writes it (and reads it back)."""
    return kind.write(Context(), value)
