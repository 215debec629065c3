"""The OpenAPI document of the web service (OpenAPI 3.1, whose schemas are JSON Schema
draft 2020-12): each operation's request body and responses declared with the JSON
Schemas the library and the service publish (:func:`operation`), and those schemas as
components (:func:`openapi_document`).

The bodies are read by the library's readers rather than by models of the web
framework, so the framework knows nothing of them: every operation says its schemas
itself, by reference to the components.
"""

from __future__ import annotations

from typing import Any, Final

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from teletravail import __version__, schemas

from .documents import REQUEST_SCHEMAS, SERVER_SCHEMAS
from .problems import PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA

__all__ = [
    "API_VERSION",
    "PREFIX",
    "PROBLEM",
    "openapi_document",
    "operation",
    "published_schemas",
]

#: The version of the web API, and the prefix of its paths.
API_VERSION: Final = "v1"
PREFIX: Final = f"/{API_VERSION}"

_DESCRIPTION: Final = (
    "French telework (télétravail) schemes as a JSON web service: policies, assessments,"
    " explanations, quotas, allowances and payments, conformity, the deadlines of an"
    " authorisation, and the dated national parameters with their sources. Every error"
    " is an RFC 9457 problem document (application/problem+json) with the library's"
    " stable code, the field path, the value and a message in English or French"
    " (Accept-Language, or ?lang=en|fr)."
)


#: The name under which the service publishes the problem document's schema.
PROBLEM: Final = "teletravail.problem"


def published_schemas() -> dict[str, dict[str, Any]]:
    """Every JSON Schema the service publishes, by the name of the documents it
    describes: each of the library's (:func:`teletravail.schemas.names`: the policy and
    agent documents, a decision, an assessment, the rows of a batch...), the problem
    document, and the service's own documents."""
    if not _PUBLISHED:  # drawn once: the descriptions do not change while serving
        _PUBLISHED.update({name: schemas.schema(name) for name in schemas.names()})
        _PUBLISHED.update({PROBLEM: PROBLEM_SCHEMA, **SERVER_SCHEMAS})
    return dict(_PUBLISHED)


_PUBLISHED: dict[str, dict[str, Any]] = {}


def _embedded(schema: Any, name: str, components: dict[str, str]) -> Any:
    """``schema`` as the component ``name``: its references within itself (``#/$defs/x``)
    made references within the OpenAPI document, its references to another published
    schema by ``$id`` (``components``: each ``$id``'s component) references to that
    component, and its ``$id`` and ``$schema`` left to the schema published alone (a
    tool reading the OpenAPI document resolves references against the document, not
    against an ``$id``)."""
    if isinstance(schema, dict):
        found: dict[str, Any] = {}
        for key, value in schema.items():
            if key in ("$id", "$schema"):
                continue
            if key == "$ref" and isinstance(value, str) and value.startswith("#/"):
                found[key] = f"#/components/schemas/{name}/{value[2:]}"
            elif key == "$ref" and isinstance(value, str) and value in components:
                found[key] = f"#/components/schemas/{components[value]}"
            else:
                found[key] = _embedded(value, name, components)
        return found
    if isinstance(schema, list):
        return [_embedded(item, name, components) for item in schema]
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_LANG_PARAMETER: Final = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "the language of the messages (default: Accept-Language, else en)",
    "schema": {"enum": ["en", "fr"]},
}
_PROBLEM: Final = {
    "description": "a problem document (RFC 9457)",
    "content": {PROBLEM_MEDIA_TYPE: {"schema": _ref(PROBLEM)}},
}


def operation(
    summary: str,
    *,
    response: str | None = None,
    request: str | None = None,
    parameters: tuple[dict[str, Any], ...] = (),
    media: str = "application/json",
) -> dict[str, Any]:
    """The keyword arguments of a route that declare its operation: its ``summary``,
    the component of its ``request`` body and of its ``response`` (none: any JSON),
    its query ``parameters`` (``lang`` always), and problem documents for errors."""
    extra: dict[str, Any] = {"parameters": [*parameters, _LANG_PARAMETER]}
    if request is not None:
        extra["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(request)}},
        }
    schema: dict[str, Any] = {"type": "object"} if response is None else _ref(response)
    return {
        "summary": summary,
        "openapi_extra": extra,
        "responses": {
            200: {"description": "the document asked for", "content": {media: {"schema": schema}}},
            "4XX": _PROBLEM,
            "5XX": _PROBLEM,
        },
    }


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of ``app``, with every published schema as a component
    (:func:`_embedded`)."""
    if app.openapi_schema is None:
        document = get_openapi(
            title="teletravail",
            version=__version__,
            summary=f"teletravail web API {API_VERSION}",
            description=_DESCRIPTION,
            routes=app.routes,
        )
        components = document.setdefault("components", {}).setdefault("schemas", {})
        published = published_schemas()
        by_id = {schema["$id"]: name for name, schema in published.items()}
        components.update(
            {name: _embedded(schema, name, by_id) for name, schema in published.items()}
        )
        components.update(REQUEST_SCHEMAS)
        app.openapi_schema = document
    return app.openapi_schema
