"""Assessments: one agent, a batch of agents, and the explanation of a decision in the
language asked."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from teletravail.errors import BatchTooLargeError, ValidationError
from teletravail.messages import Phrase

from ..batch import assess_documents
from ..context import body_of, lang_of, policy_of, settings_of
from ..documents import document
from ..openapi import PREFIX, operation
from ..problems import JSONDocument
from ..reading import given
from .policies import NAME
from .subjects import read_on, read_period, subject

__all__ = ["router"]

router = APIRouter(prefix=PREFIX, tags=["assessments"])


@router.post(
    "/policies/{name}/assessment",
    **operation(
        "one agent assessed: eligibility on a day, telework, allowance and impact over a period",
        request="request.assessment",
        response="teletravail.assessment",
        parameters=(NAME,),
    ),
)
async def assessment(request: Request) -> Response:
    lang_of(request)
    stored = policy_of(request)
    body = await body_of(request, ("agent", "on"), ("period",))
    agent, on, period = subject(body)
    body.done()
    return JSONDocument(stored.policy.assess(given(agent), given(on), period=period).to_dict())


def _agents(limit: int) -> Any:
    def read(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise ValidationError(
                "agents",
                value,
                Phrase("a list of agent documents", "une liste de documents d'agent"),
            )
        if len(value) > limit:
            raise BatchTooLargeError(
                "agents",
                Phrase("{count} agents", "{count} agents", count=len(value)),
                Phrase(
                    "at most {limit} agents in one request",
                    "au plus {limit} agents par requête",
                    limit=limit,
                ),
            )
        return value

    return read


@router.post(
    "/policies/{name}/assessments",
    **operation(
        "a batch of agents assessed: every agent a row, in order, with its status and"
        " figures or its error",
        request="request.batch",
        response="teletravail.assessment.rows",
        parameters=(NAME,),
    ),
)
async def assessments(request: Request) -> Response:
    lang_of(request)
    stored = policy_of(request)
    body = await body_of(request, ("agents", "on"), ("period",))
    agents: list[Any] = body.read("agents", _agents(settings_of(request).max_batch), [])
    on = body.read("on", read_on, None)
    period = body.read("period", read_period, None)
    body.done()
    found = await run_in_threadpool(assess_documents, stored.policy, agents, on, period)
    return JSONDocument(found)


@router.post(
    "/policies/{name}/explanation",
    **operation(
        "the decision on one agent and its explanation in words",
        request="request.assessment",
        response="teletravail.server.explanation",
        parameters=(NAME,),
    ),
)
async def explanation(request: Request) -> Response:
    lang = lang_of(request)
    stored = policy_of(request)
    body = await body_of(request, ("agent", "on"), ("period",))
    agent, on, period = subject(body)
    body.done()
    found = stored.policy.assess(given(agent), given(on), period=period)
    return JSONDocument(
        document(
            "explanation",
            lang=lang,
            status=found.status,
            decision=found.decision.to_dict(),
            text=found.text(lang),
        )
    )
