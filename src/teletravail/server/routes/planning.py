"""Planning one agent's telework: a weekly pattern checked against the quota that
applies to them, and their allowance over a period with its payment calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from teletravail.allowance import PaymentCalendar, payment_calendar
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.week import WeeklyPattern

from ..context import body_of, lang_of, policy_of
from ..documents import document
from ..openapi import PREFIX, operation
from ..problems import JSONDocument
from ..reading import given
from .policies import NAME
from .subjects import read_agent, read_on, subject

__all__ = ["router"]

router = APIRouter(prefix=PREFIX, tags=["planning"])


def _pattern(value: Any) -> WeeklyPattern:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            "pattern",
            value,
            Phrase(
                "a weekly pattern such as {example!r}",
                "un rythme hebdomadaire comme {example!r}",
                example="mon, thu am @ home",
            ),
        )
    return WeeklyPattern.parse(value)


def _span(start: dt.date, end: dt.date | None) -> dict[str, str | None]:
    return {"start": start.isoformat(), "end": None if end is None else end.isoformat()}


@router.post(
    "/policies/{name}/quota-check",
    **operation(
        "a weekly pattern checked against the quota that applies to the agent on a day",
        request="request.quota",
        response="teletravail.scheduling.quota_decision",
        parameters=(NAME,),
    ),
)
async def quota_check(request: Request) -> Response:
    lang_of(request)
    stored = policy_of(request)
    body = await body_of(request, ("agent", "on", "pattern"))
    agent = body.read("agent", read_agent, None)
    on = body.read("on", read_on, None)
    pattern = body.read("pattern", _pattern, None)
    body.done()
    policy = stored.policy
    # the quota of the agent's population, as an assessment finds it
    agent, on = given(agent), given(on)
    population = policy.assess(agent, on).population
    quota = policy.for_population(population).quota
    if quota is None:
        raise ValidationError(
            "policy",
            stored.name,
            Phrase(
                "a policy with a quota for this agent", "une politique avec un quota pour cet agent"
            ),
        )
    return JSONDocument(quota.check(given(pattern), agent, on).to_dict())


@router.post(
    "/policies/{name}/payments",
    **operation(
        "one agent's allowance over a period and its quarterly payment calendar",
        request="request.payments",
        response="teletravail.server.payments",
        parameters=(NAME,),
    ),
)
async def payments(request: Request) -> Response:
    lang_of(request)
    stored = policy_of(request)
    body = await body_of(request, ("agent", "on"), ("period", "first_payment"))
    agent, on, period = subject(body)
    first = body.read("first_payment", lambda value: to_date(value, "first_payment"), None)
    body.done()
    policy = stored.policy
    found = policy.assess(given(agent), given(on), period=period)
    allowance = policy.for_population(found.population).allowance
    if allowance is None:
        calendar = PaymentCalendar(payments=())
    else:
        calendar = payment_calendar(allowance, found.schedule, first_payment=first)
    return JSONDocument(
        document(
            "payments",
            agent_id=found.agent_id,
            period=_span(found.period.start, found.period.end),
            allowance=found.allowance_result.to_dict(),
            calendar=calendar.to_dict(),
        )
    )
