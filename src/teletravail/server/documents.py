"""The documents the web service writes around the library's (:data:`SERVER_SCHEMAS`)
and the request bodies it reads (:data:`REQUEST_SCHEMAS`), each with its JSON Schema
(draft 2020-12).

Every document the service writes carries ``schema`` (``teletravail.server.NAME``) and
``schema_version``, as the library's documents do; the library's own documents (an
assessment, the rows of a batch, a decision, a quota decision, an allowance, a payment
calendar, a conformity report, deadlines, a dated parameter, a policy document) are
written as their ``to_dict()`` writes them, alone or inside these. The schemas here
describe the service's wrappers only: a library document inside one is a reference to
its own schema by its ``$id`` (:func:`library`), as :mod:`teletravail.schemas`
publishes it, never a copy.

A request body is read by the library's readers, not by these schemas: they say what
the readers accept, for the OpenAPI document and for clients that check their requests
before sending them.
"""

from __future__ import annotations

from typing import Any, Final

from teletravail import schemas
from teletravail.dated import DATED_VALUE
from teletravail.policy.statuses import STATUSES
from teletravail.sources import SOURCE_TABLE

__all__ = [
    "REQUEST_SCHEMAS",
    "SERVER_SCHEMAS",
    "SERVER_SCHEMA_VERSION",
    "document",
    "library",
    "request_schemas",
]

#: The version of every document of :data:`SERVER_SCHEMAS`.
SERVER_SCHEMA_VERSION: Final = 1
_DRAFT: Final = schemas.DRAFT
_IDS: Final = {found.name: found.id for found in schemas.catalogue()}

_TEXT: Final[dict[str, Any]] = {"type": "string"}
_DATE: Final[dict[str, Any]] = {"type": "string", "format": "date"}
_PERIOD: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {"start": _DATE, "end": {"type": ["string", "null"], "format": "date"}},
    "required": ["start", "end"],
    "additionalProperties": False,
}


def library(name: str) -> dict[str, str]:
    """A reference to the published schema of the library's document ``name``
    (``teletravail.assessment``), by its ``$id``."""
    return {"$ref": _IDS[name]}


def document(name: str, /, **members: Any) -> dict[str, Any]:
    """A document of the service: ``schema`` and ``schema_version``, then ``members``."""
    return {"schema": f"teletravail.server.{name}", "schema_version": SERVER_SCHEMA_VERSION} | (
        members
    )


def _schema(name: str, title: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": _DRAFT,
        "$id": f"urn:teletravail:server.{name}:{SERVER_SCHEMA_VERSION}",
        "title": title,
        "type": "object",
        "properties": {
            "schema": {"const": f"teletravail.server.{name}"},
            "schema_version": {"const": SERVER_SCHEMA_VERSION},
            **properties,
        },
        "required": ["schema", "schema_version", *properties],
        "additionalProperties": False,
    }


_SUMMARY: Final = {
    "type": "object",
    "properties": {
        "name": _TEXT,
        "origin": {"enum": ["preset", "folder"]},
        "title": _TEXT,
        "territory": _TEXT,
        "sector": {"enum": ["public", "private"]},
        "period": _PERIOD,
    },
    "required": ["name", "origin", "title", "territory", "sector", "period"],
    "additionalProperties": False,
}
#: A source and a dated value, as the library's descriptions write them.
_SOURCE: Final = SOURCE_TABLE.schema()
_DATED_VALUE: Final = DATED_VALUE.schema()
_PARAMETER_LINE: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {
        "name": _TEXT,
        "label": _TEXT,
        "description": _TEXT,
        "kind": {"enum": ["per_day", "monthly_flat"]},
        "branches": {"type": "array", "items": _TEXT},
        "source": _SOURCE,
    },
    "required": ["name", "label", "description", "kind", "branches", "source"],
    "additionalProperties": False,
}
_IN_FORCE: Final = {
    "type": "object",
    "properties": {
        "branch": {"type": ["string", "null"]},
        "rate": _DATED_VALUE,
        "cap": {"anyOf": [_DATED_VALUE, {"type": "null"}]},
    },
    "required": ["branch", "rate", "cap"],
    "additionalProperties": False,
}
#: A national parameter (``NationalParameter.to_dict()``): the library has no format
#: of its own for it, but each of its rates and caps is a dated parameter.
_NATIONAL: Final = {
    "type": "object",
    "properties": {
        **_PARAMETER_LINE["properties"],
        "aliases": {"type": "array", "items": _TEXT},
        "cap_per": _TEXT,
        "places": {"type": "array", "items": _TEXT},
        "values": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "branch": {"type": ["string", "null"]},
                    "rate": library("teletravail.dated_parameter"),
                    "cap": {"anyOf": [library("teletravail.dated_parameter"), {"type": "null"}]},
                    "note": {"type": ["string", "null"]},
                },
                "required": ["branch", "rate", "cap", "note"],
                "additionalProperties": False,
            },
        },
    },
    "required": [*_PARAMETER_LINE["required"], "aliases", "values"],
    "additionalProperties": False,
}
_LANG: Final = {"enum": ["en", "fr"]}

#: The JSON Schema of each document of the service, by name (the ``schema`` member of
#: the documents it describes).
SERVER_SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "teletravail.server.health": _schema(
        "health",
        "the service is up",
        {"status": {"const": "ok"}, "version": _TEXT, "policies": {"type": "integer"}},
    ),
    "teletravail.server.version": _schema(
        "version",
        "the versions of the library and of the web API",
        {"name": {"const": "teletravail"}, "version": _TEXT, "api": _TEXT},
    ),
    "teletravail.server.policies": _schema(
        "policies", "the policies served", {"policies": {"type": "array", "items": _SUMMARY}}
    ),
    "teletravail.server.schemas": _schema(
        "schemas",
        "the JSON Schemas the service publishes",
        {
            "schemas": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": _TEXT,
                        "id": _TEXT,
                        "version": {"type": "integer", "minimum": 1},
                        "title": _TEXT,
                        "path": _TEXT,
                    },
                    "required": ["name", "id", "version", "title", "path"],
                    "additionalProperties": False,
                },
            }
        },
    ),
    "teletravail.server.explanation": _schema(
        "explanation",
        "an assessment's decision and its text in one language",
        {
            "lang": _LANG,
            "status": {"enum": list(STATUSES)},
            "decision": library("teletravail.eligibility.decision"),
            "text": _TEXT,
        },
    ),
    "teletravail.server.payments": _schema(
        "payments",
        "an agent's allowance over a period and its payment calendar",
        {
            "agent_id": _TEXT,
            "period": _PERIOD,
            "allowance": library("teletravail.allowance.result"),
            "calendar": library("teletravail.allowance.payments"),
        },
    ),
    "teletravail.server.deadlines": _schema(
        "deadlines",
        "an authorisation's state and deadlines on a day, and their sentences",
        {
            "lang": _LANG,
            "deadlines": library("teletravail.procedure.deadlines"),
            "sentences": {"type": "array", "items": _TEXT},
        },
    ),
    "teletravail.server.parameters": _schema(
        "parameters",
        "the national parameters a policy may name",
        {"parameters": {"type": "array", "items": _PARAMETER_LINE}},
    ),
    "teletravail.server.parameter": _schema(
        "parameter",
        "one national parameter: its dated values with their sources, and those in force on a day",
        {
            "parameter": _NATIONAL,
            "on": {"type": ["string", "null"], "format": "date"},
            "in_force": {"type": ["array", "null"], "items": _IN_FORCE},
        },
    ),
}


def _agent(ref: str) -> dict[str, Any]:
    return {"$ref": ref}


_ON: Final = {**_DATE, "description": "the day eligibility is decided (YYYY-MM-DD)"}
_PERIOD_ASKED: Final = {
    "description": "the days assessed: a calendar year, 'start..end', or {start, end};"
    " by default the calendar year of on",
    "oneOf": [
        {"type": "integer"},
        {"type": "string"},
        {
            "type": "object",
            "properties": {"start": _DATE, "end": _DATE},
            "required": ["start", "end"],
            "additionalProperties": False,
        },
    ],
}


def _request(title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "title": title,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def request_schemas(agent_ref: str) -> dict[str, dict[str, Any]]:
    """The JSON Schema of each request body, the agent document at ``agent_ref``."""
    agent = _agent(agent_ref)
    return {
        "request.assessment": _request(
            "one agent to assess",
            {"agent": agent, "on": _ON, "period": _PERIOD_ASKED},
            ["agent", "on"],
        ),
        "request.batch": _request(
            "agents to assess",
            {
                "agents": {"type": "array", "items": agent},
                "on": _ON,
                "period": _PERIOD_ASKED,
            },
            ["agents", "on"],
        ),
        "request.quota": _request(
            "a weekly pattern to check against the agent's quota",
            {
                "agent": agent,
                "on": _ON,
                "pattern": {
                    "type": "string",
                    "description": "the weekly pattern, such as 'mon, thu am @ home'",
                },
            },
            ["agent", "on", "pattern"],
        ),
        "request.payments": _request(
            "one agent whose allowance and payments to lay out",
            {
                "agent": agent,
                "on": _ON,
                "period": _PERIOD_ASKED,
                "first_payment": {
                    **_DATE,
                    "description": "quarters ending before it are paid on it",
                },
            },
            ["agent", "on"],
        ),
        "request.deadlines": _request(
            "an authorisation's history, and the day of its deadlines",
            {
                "history": {
                    "type": "object",
                    "description": "the history document (sector, contract, events)",
                },
                "on": {**_DATE, "description": "the day whose deadlines are asked"},
            },
            ["history", "on"],
        ),
    }


#: The request bodies' schemas, the agent document as an OpenAPI component.
REQUEST_SCHEMAS: Final = request_schemas("#/components/schemas/teletravail.agent")
