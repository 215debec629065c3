"""What the tests of the web service check of every response: its media type, and its
document against its JSON Schema: the library's (:func:`teletravail.schemas.schema`) for
a document that names one of the library's formats, the service's own for its wrappers,
the problem document's for an error. A schema's references to another published schema
(by ``$id``) are resolved among those the service publishes."""

from __future__ import annotations

from typing import Any

import jsonschema
from referencing import Registry, Resource

from teletravail import schemas
from teletravail.server.openapi import PROBLEM, published_schemas

SCHEMAS = published_schemas()
REGISTRY: Registry[Any] = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in SCHEMAS.values()
)


def valid(document: Any, name: str) -> Any:
    """``document``, checked against the published schema ``name`` (the library's own
    schema for a library document)."""
    schema = schemas.schema(name) if name in schemas.names() else SCHEMAS[name]
    jsonschema.Draft202012Validator(
        schema, registry=REGISTRY, format_checker=jsonschema.FormatChecker()
    ).validate(document)
    return document


def ok(response: Any, name: str | None = None) -> Any:
    """The JSON document of a 200 response, checked against schema ``name`` (by default
    the one its ``schema`` member names: the library's or the service's)."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    document = response.json()
    if name is None and isinstance(document, dict):
        named = document.get("schema")
        if named in schemas.names() or named in SCHEMAS:
            name = str(named)
    if name is not None:
        valid(document, name)
    return document


def problem(response: Any, status: int, code: str) -> Any:
    """The problem document of an error response, checked: its status, its media type,
    its schema and its code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    document = valid(response.json(), PROBLEM)
    assert document["status"] == status
    assert document["code"] == code
    assert document["type"] == f"urn:teletravail:problem:{code}"
    assert "Traceback" not in response.text
    return document
