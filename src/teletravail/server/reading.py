"""Reading a request: its body as JSON within the size limit, and the members of a body
read by the library's own readers, every problem with its path in the body.

Nothing of a request is evaluated: a body is parsed as JSON (``NaN`` and ``Infinity``,
which are not JSON, refused) and its members are read by :meth:`Agent.from_dict
<teletravail.workforce.Agent.from_dict>`, the dates' reader and the other readers of
the library, whose errors name the member (``agent.commute_distance``, ``on``). One
problem is raised as the error it is (its own code); several are one
:class:`~teletravail.errors.ConfigError` that lists them all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import orjson
from starlette.requests import Request

from teletravail.errors import (
    BodyTooLargeError,
    ConfigError,
    MalformedJSONError,
    Problem,
    ValidationError,
)
from teletravail.messages import Phrase, choices, did_you_mean_among

__all__ = ["BODY", "Body", "given", "parse_json", "read_body"]

#: The name of the request body in problems about it as a whole.
BODY: Final = "body"
T = TypeVar("T")


def _too_large(size: int, limit: int) -> BodyTooLargeError:
    return BodyTooLargeError(
        BODY,
        Phrase("{size} bytes", "{size} octets", size=size),
        Phrase("a body of at most {limit} bytes", "un corps d'au plus {limit} octets", limit=limit),
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The body of ``request``, refused (:class:`BodyTooLargeError`) as soon as it is
    known to be longer than ``limit`` bytes: from its ``Content-Length``, else while it
    streams in."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(data: bytes) -> Any:
    """The JSON value of ``data`` (UTF-8 text); a :class:`MalformedJSONError` that says
    where it stops being JSON otherwise.

    orjson (the ``server`` extra) parses it, several times faster than the standard
    library on a batch of agents; what orjson refuses (not JSON, or JSON it does not take,
    such as an integer beyond 64 bits) is read again by the standard library, whose
    messages say where and why."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_constant)
    except UnicodeDecodeError as error:
        where = Phrase(
            "UTF-8 text (byte {at} is not)",
            "du texte UTF-8 (l'octet {at} ne l'est pas)",
            at=error.start,
        )
        raise MalformedJSONError(BODY, data[:40], where) from None
    except json.JSONDecodeError as error:
        where = Phrase(
            "JSON text (line {line}, column {column}: {why})",
            "du texte JSON (ligne {line}, colonne {column}\u00a0: {why})",
            line=error.lineno,
            column=error.colno,
            why=error.msg,
        )
        start = max(0, error.pos - 20)
        raise MalformedJSONError(BODY, error.doc[start : error.pos + 20], where) from None
    except ValueError as error:  # NaN, Infinity
        raise MalformedJSONError(
            BODY, str(error).split(" ", 1)[0], Phrase("JSON text", "du texte JSON")
        ) from None


def given(value: T | None) -> T:
    """A member read, once :meth:`Body.done` has found no problem (it is then there)."""
    if value is None:
        raise RuntimeError("a required member is read only when the body has no problem")
    return value


class Body:
    """The members of a JSON object body, read one by one with every problem kept
    (:meth:`done` raises them): a member that is required, one that is not, and no
    other (an unknown member is a problem, with a "did you mean")."""

    def __init__(self, data: Any, required: tuple[str, ...], optional: tuple[str, ...] = ()):
        self.problems: list[Problem] = []
        self.errors: list[ValidationError] = []
        self.data: Mapping[str, Any] = {}
        known = (*required, *optional)
        if not isinstance(data, Mapping):
            an_object = Phrase(
                "a JSON object with {names}",
                "un objet JSON avec {names}",
                names=", ".join(known),
            )
            self._fail(ValidationError(BODY, data, an_object))
            return
        self.data = data
        for name in data:
            if name not in known:
                unknown = Phrase(
                    "a member of the body, {names} (no such member){hint}",
                    "un membre du corps, {names} (ce membre n'existe pas){hint}",
                    names=choices(known),
                    hint=did_you_mean_among(str(name), known),
                )
                self._fail(ValidationError(str(name), data[name], unknown))
        for name in required:
            if name not in data:
                self._fail(
                    ValidationError(
                        name, None, Phrase("a value (required)", "une valeur (requise)")
                    )
                )

    def _fail(self, error: ValidationError) -> None:
        self.errors.append(error)
        if isinstance(error, ConfigError):
            self.problems.extend(error.problems)
        else:
            self.problems.append(Problem(error.field, error.value, error.expected))

    def read(self, name: str, reader: Callable[[Any], T], default: T) -> T:
        """Member ``name`` read by ``reader`` (whose errors name it); ``default`` when
        it is absent or does not read (its problem kept)."""
        if name not in self.data:
            return default
        try:
            return reader(self.data[name])
        except ValidationError as error:
            self._fail(error)
            return default

    def done(self) -> None:
        """Raise what was found wrong: one problem as the error it is, several as one
        :class:`ConfigError` listing them all."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ConfigError(self.problems, BODY)
