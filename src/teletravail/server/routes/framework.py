"""The national framework: a policy's conformity on a day, and the deadlines of an
authorisation's history under the policy's terms."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from teletravail.conformity import check_conformity
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.procedure import AuthorisationHistory, deadlines

from ..context import body_of, lang_of, policy_of, query
from ..documents import document
from ..openapi import PREFIX, operation
from ..problems import JSONDocument
from ..reading import given
from .policies import NAME
from .subjects import read_on

__all__ = ["ON", "router"]

router = APIRouter(prefix=PREFIX, tags=["framework"])

#: The query parameter of a day.
ON = {
    "name": "on",
    "in": "query",
    "required": True,
    "description": "the day (YYYY-MM-DD)",
    "schema": {"type": "string", "format": "date"},
}


def _required(value: Any) -> Any:
    if value is None:
        raise ValidationError("on", None, Phrase("a date (required)", "une date (requise)"))
    return value


@router.get(
    "/policies/{name}/conformity",
    **operation(
        "the policy checked against the public-service framework in force on a day",
        response="teletravail.conformity_report",
        parameters=(NAME, ON),
    ),
)
async def conformity(request: Request) -> Response:
    lang_of(request)
    stored = policy_of(request)
    on = _required(query(request, "on", read_on, None))
    return JSONDocument(check_conformity(stored.policy, on).to_dict())


@router.post(
    "/policies/{name}/deadlines",
    **operation(
        "an authorisation's state and deadlines on a day, under the policy's terms",
        request="request.deadlines",
        response="teletravail.server.deadlines",
        parameters=(NAME,),
    ),
)
async def deadlines_on(request: Request) -> Response:
    lang = lang_of(request)
    stored = policy_of(request)
    body = await body_of(request, ("history", "on"))
    terms = stored.policy.authorisation
    history = body.read(
        "history", lambda value: AuthorisationHistory.from_dict(value, "history", terms=terms), None
    )
    on = body.read("on", read_on, None)
    body.done()
    found = deadlines(given(history), given(on))
    return JSONDocument(
        document(
            "deadlines", lang=lang, deadlines=found.to_dict(), sentences=list(found.sentences(lang))
        )
    )
