"""What a route reads from its request besides the body: the language of the response,
the policies served and the settings (kept on the application when it starts), and the
query's parameters, each read by the library's readers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from starlette.requests import Request

from teletravail.messages import Lang

from .language import negotiate
from .reading import Body, parse_json, read_body
from .settings import Settings
from .store import PolicyStore, StoredPolicy

__all__ = ["body_of", "lang_of", "policy_of", "query", "settings_of", "store_of"]

T = TypeVar("T")


def lang_of(request: Request) -> Lang:
    """The language of the response to ``request`` (``?lang=``, else
    ``Accept-Language``, else English); an unknown ``?lang=`` raises."""
    return negotiate(request.query_params.get("lang"), request.headers.get("accept-language"))


def settings_of(request: Request) -> Settings:
    """The settings the service started with."""
    settings: Settings = request.app.state.settings
    return settings


def store_of(request: Request) -> PolicyStore:
    """The policies the service serves."""
    store: PolicyStore = request.app.state.store
    return store


def policy_of(request: Request) -> StoredPolicy:
    """The policy the path names (``{name}``); an unknown name raises."""
    return store_of(request).get(request.path_params["name"])


def query(request: Request, name: str, reader: Callable[[Any], T], default: T) -> T:
    """The query parameter ``name`` read by ``reader``, or ``default`` when absent."""
    value = request.query_params.get(name)
    return default if value is None else reader(value)


async def body_of(
    request: Request, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Body:
    """The JSON object body of ``request``, within the size limit, with its members
    ``required`` and ``optional`` (and no other) to read."""
    data = parse_json(await read_body(request, settings_of(request).max_body))
    return Body(data, required, optional)
