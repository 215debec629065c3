"""Desk requests and their answers: what an agent asks of a télécentre network for a
day, and what :func:`~teletravail.scheduling.booking.book` answers.

A :class:`DeskRequest` asks for a desk at a centre on a day (a half day takes a desk for
the whole day); it is answered by a :class:`Booking` (accepted, with a desk number) or
a :class:`Refusal` with its :class:`RefusalReason`. :class:`Peak` is a centre's busiest
day.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import numbers
from typing import Any, Literal

import attrs

from teletravail._checks import named, non_empty
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase

__all__ = ["Booking", "DeskRequest", "Half", "Peak", "Refusal", "RefusalReason"]

Half = Literal["am", "pm"]

_INT64_MAX = 2**63 - 1


class RefusalReason(enum.StrEnum):
    """Why a desk request was refused (the code is stable; compare with strings)."""

    FULL = "full"
    CLOSED = "closed"
    UNKNOWN_CENTRE = "unknown_centre"
    DUPLICATE = "duplicate"


def _requested_at(value: Any) -> int | dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValidationError(
            "requested_at",
            value,
            Phrase("an int, a datetime or None", "un int, un datetime ou None"),
        )
    number = int(value)
    if abs(number) > _INT64_MAX:
        raise ValidationError(
            "requested_at",
            value,
            Phrase("an int that fits in 64 bits", "un int qui tienne sur 64 bits"),
        )
    return number


def _rank(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValidationError(
            "rank",
            value,
            Phrase(
                "a number (lower is served first) or None",
                "un nombre (le plus petit est servi d'abord) ou None",
            ),
        )
    number = float(value)
    if not math.isfinite(number):
        raise ValidationError("rank", value, Phrase("a finite number", "un nombre fini"))
    return number


def _half(value: Any) -> Half | None:
    if value is None:
        return None
    text = value.strip().lower() if isinstance(value, str) else value
    if text == "am":
        return "am"
    if text == "pm":
        return "pm"
    raise ValidationError(
        "half",
        value,
        Phrase("'am', 'pm' or None (a full day)", "'am', 'pm' ou None (une journée entière)"),
    )


@attrs.frozen(kw_only=True)
class DeskRequest:
    """An agent asks for a desk at a centre on a day.

    ``requested_at`` orders requests on a first-come basis (an int such as a sequence
    number, or a datetime; all requests of one booking must use the same kind).
    ``rank`` orders them under ``priority="rank"``, lower first. ``half`` is ``"am"``,
    ``"pm"`` or ``None`` for a full day; a half-day request occupies a desk for the
    whole day.
    """

    agent_id: str = attrs.field(validator=non_empty)
    day: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    centre: str = attrs.field(validator=non_empty)
    requested_at: int | dt.datetime | None = attrs.field(default=None, converter=_requested_at)
    rank: float | None = attrs.field(default=None, converter=_rank)
    half: Half | None = attrs.field(default=None, converter=_half)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the day in ISO, a datetime ``requested_at`` in ISO."""
        requested = self.requested_at
        return {
            "agent_id": self.agent_id,
            "day": self.day.isoformat(),
            "centre": self.centre,
            "requested_at": requested.isoformat()
            if isinstance(requested, dt.datetime)
            else requested,
            "rank": self.rank,
            "half": self.half,
        }


@attrs.frozen(kw_only=True)
class _Answer:
    """What accepted and refused requests share: the request and its input position."""

    request: DeskRequest
    index: int

    @property
    def agent_id(self) -> str:
        """Who asked."""
        return self.request.agent_id

    @property
    def day(self) -> dt.date:
        """The day asked for."""
        return self.request.day

    @property
    def centre(self) -> str:
        """The centre asked for (for a refusal, possibly not in the network)."""
        return self.request.centre


@attrs.frozen(kw_only=True)
class Booking(_Answer):
    """An accepted request: ``index`` is its position in the input, ``desk`` 1..desks."""

    desk: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the request's fields, its index and the desk number."""
        return {"index": self.index, **self.request.to_dict(), "desk": self.desk}


@attrs.frozen(kw_only=True)
class Refusal(_Answer):
    """A refused request: ``index`` is its position in the input, ``reason`` the code."""

    reason: RefusalReason

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the request's fields, its index and the reason code."""
        return {"index": self.index, **self.request.to_dict(), "reason": self.reason.value}


@attrs.frozen(kw_only=True)
class Peak:
    """The busiest day of a centre: ``demand`` desks asked for on ``day`` (earliest tie).

    ``day`` is ``None`` when the centre had no demand at all.
    """

    centre: str
    demand: int
    day: dt.date | None
    desks: int

    @property
    def shortfall(self) -> int:
        """Desks missing on that day to serve every request (0 if none)."""
        return max(0, self.demand - self.desks)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "centre": self.centre,
            "demand": self.demand,
            "day": None if self.day is None else self.day.isoformat(),
            "desks": self.desks,
        }
