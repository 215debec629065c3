"""The policies served: their list, and each one's document as the policy document
format writes it (JSON)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..context import lang_of, policy_of, store_of
from ..documents import document
from ..openapi import PREFIX, operation
from ..problems import JSONDocument

__all__ = ["NAME", "router"]

router = APIRouter(prefix=PREFIX, tags=["policies"])

#: The path parameter that names a policy.
NAME = {
    "name": "name",
    "in": "path",
    "required": True,
    "description": "a policy's name (GET /v1/policies lists them)",
    "schema": {"type": "string"},
}


@router.get("/policies", **operation("the policies served", response="teletravail.server.policies"))
async def policies(request: Request) -> Response:
    lang_of(request)
    store = store_of(request)
    listed = [store.get(name).summary() for name in store.names()]
    return JSONDocument(document("policies", policies=listed))


@router.get(
    "/policies/{name}",
    **operation(
        "a policy's document (the policy document format)",
        response="teletravail.policy",
        parameters=(NAME,),
    ),
)
async def policy(request: Request) -> Response:
    lang_of(request)
    return JSONDocument(dict(policy_of(request).document))
