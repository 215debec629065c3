"""What several routes read from a body: the agent, the day of the decision and the
period, each by the library's reader, named by its member."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.workforce import Agent

from ..reading import Body

__all__ = ["read_agent", "read_on", "read_period", "subject"]


def read_agent(value: Any) -> Agent:
    """The member ``agent``: an agent document, read by :meth:`Agent.from_dict`."""
    return Agent.from_dict(value, "agent")


def read_on(value: Any) -> dt.date:
    """The member ``on``: an ISO date that exists."""
    return to_date(value, "on")


def read_period(value: Any) -> Any:
    """The member ``period``: a calendar year (``2013`` or ``"2013"``),
    ``"start..end"``, or ``{"start": ..., "end": ...}`` (the policy checks it is within
    its period in force)."""
    if isinstance(value, Mapping):
        names = set(value)
        if names != {"start", "end"}:
            raise ValidationError(
                "period",
                value,
                Phrase(
                    "an object with start and end, and nothing else",
                    "un objet avec start et end, et rien d'autre",
                ),
            )
        return (to_date(value["start"], "period.start"), to_date(value["end"], "period.end"))
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError(
            "period",
            value,
            Phrase(
                "a calendar year, 'start..end' or {start, end}",
                "une année civile, 'début..fin' ou {start, end}",
            ),
        )
    return value


def subject(body: Body) -> tuple[Agent | None, dt.date | None, Any]:
    """The agent, the day and the period of ``body`` (``None`` where absent or bad)."""
    agent: Agent | None = body.read("agent", read_agent, None)
    on: dt.date | None = body.read("on", read_on, None)
    period = body.read("period", read_period, None)
    return agent, on, period
