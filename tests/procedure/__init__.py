"""Tests of teletravail.procedure, and the histories they share."""

from __future__ import annotations

from typing import Any

import pytest

from teletravail.errors import ProcedureError
from teletravail.procedure import AuthorisationHistory, Event

#: A request, and the grant that answers it with three months of adaptation.
REQUEST = {"kind": "request", "on": "2024-01-10"}
GRANT = {"kind": "grant", "on": "2024-01-31", "start": "2024-02-01", "adaptation": "3 months"}


def history_of(*events: dict[str, Any], **fields: Any) -> AuthorisationHistory:
    """The history of these events (each the keywords of an :class:`Event`)."""
    return AuthorisationHistory(events=[Event(**event) for event in events], **fields)


def granted(**fields: Any) -> AuthorisationHistory:
    """A history requested and granted (:data:`REQUEST`, :data:`GRANT`)."""
    return history_of(REQUEST, GRANT, **fields)


def refusal(history: AuthorisationHistory, event: dict[str, Any]) -> ProcedureError:
    """The :class:`ProcedureError` ``history`` raises for ``event``."""
    with pytest.raises(ProcedureError) as caught:
        history.with_event(Event(**event))
    return caught.value
