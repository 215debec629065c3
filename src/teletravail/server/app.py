"""The web application: :func:`create_app` builds it from :class:`~.settings.Settings`,
with the policies read once, the routes of :mod:`.routes`, CORS only for the origins
named, and every error written as a problem document (:mod:`.problems`).

Three kinds of failure become problem documents here: an error of the library raised
by a route (a 4xx with its code), a path or a method the service does not serve (404,
405), and a failure nothing foresaw (500, with an id that the service's log gives with
the traceback; the response holds no traceback). The service keeps serving after each.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from teletravail import __version__
from teletravail.errors import (
    InternalError,
    MethodNotAllowedError,
    NotServedError,
    TeletravailError,
    ValidationError,
)
from teletravail.messages import Lang, Phrase

from .language import negotiate, preferred
from .openapi import PREFIX
from .problems import problem_response
from .routes import ROUTERS
from .settings import Settings
from .store import PolicyStore

__all__ = ["LOGGER", "create_app"]

#: The log of the service: an unexpected failure is logged here with its traceback.
LOGGER = logging.getLogger("teletravail.server")


def _lang(query: str | None, header: str | None) -> Lang:
    """The language of a problem document: as asked, or by the header when what was
    asked is itself the problem."""
    try:
        return negotiate(query, header)
    except ValidationError:
        return preferred(header)


def _request_lang(request: Request) -> Lang:
    return _lang(request.query_params.get("lang"), request.headers.get("accept-language"))


async def _library_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, TeletravailError)
    return problem_response(error, _request_lang(request), request.url.path)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    path = request.url.path
    lang = _request_lang(request)
    if error.status_code == 405:
        allowed = tuple((error.headers or {}).get("Allow", "").replace(" ", "").split(","))
        expected = Phrase(
            "one of: {listed}", "une méthode parmi {listed}", listed=", ".join(allowed)
        )
        return problem_response(
            MethodNotAllowedError("method", request.method, expected),
            lang,
            path,
            headers={"Allow": ", ".join(allowed)},
        )
    return problem_response(NotServedError("path", path, _PATHS), lang, path, headers=error.headers)


_PATHS = Phrase(
    "a path of the service (GET {openapi} lists them)",
    "un chemin du service (GET {openapi} les donne)",
    openapi=f"{PREFIX}/openapi.json",
)


class Failures:
    """ASGI middleware: a failure nothing foresaw is logged with its traceback under a
    new id, and answered with a 500 problem document that gives the id only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            id = f"urn:uuid:{uuid.uuid4()}"
            LOGGER.exception("unexpected failure %s on %s %s", id, scope["method"], scope["path"])
            if started:  # the response is under way: nothing more can be said
                raise
            request = Request(scope)
            response = problem_response(InternalError.numbered(id), _request_lang(request), id)
            await response(scope, receive, send)


def create_app(settings: Settings | None = None, *, store: PolicyStore | None = None) -> Any:
    """The web application (ASGI) of ``settings`` (by default :class:`Settings`'s):
    the policies read now (``store``, or the presets and ``settings.policies``), and
    kept for every request."""
    settings = Settings() if settings is None else settings
    app = FastAPI(
        title="teletravail",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.state.store = PolicyStore.load(settings.policies) if store is None else store
    for router in ROUTERS:
        app.include_router(router)
    app.add_exception_handler(TeletravailError, _library_error)
    app.add_exception_handler(HTTPException, _http_error)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Accept-Language"],
        )
    app.add_middleware(Failures)
    return app
