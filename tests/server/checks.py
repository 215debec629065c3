"""What the tests of the web service check of every response: its media type, and its
document against its JSON Schema (the service's own, the problem document's, or the
library's)."""

from __future__ import annotations

from typing import Any

import jsonschema

from teletravail.server.openapi import published_schemas

SCHEMAS = published_schemas()


def valid(document: Any, name: str) -> Any:
    """``document``, checked against the published schema ``name``."""
    jsonschema.Draft202012Validator(
        SCHEMAS[name], format_checker=jsonschema.FormatChecker()
    ).validate(document)
    return document


def ok(response: Any, name: str | None = None) -> Any:
    """The JSON document of a 200 response, checked against schema ``name`` (by default
    the one its ``schema`` member names, for the service's own documents)."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    document = response.json()
    if name is None and str(document.get("schema", "")).startswith("teletravail.server."):
        name = str(document["schema"]).removeprefix("teletravail.")
    if name is not None:
        valid(document, name)
    return document


def problem(response: Any, status: int, code: str) -> Any:
    """The problem document of an error response, checked: its status, its media type,
    its schema and its code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    document = valid(response.json(), "problem")
    assert document["status"] == status
    assert document["code"] == code
    assert document["type"] == f"urn:teletravail:problem:{code}"
    assert "Traceback" not in response.text
    return document
