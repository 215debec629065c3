"""Problem documents (RFC 9457, ``application/problem+json``): every response in error
says what is wrong as one, in English or French.

A problem document has the RFC's members, ``type`` (``urn:teletravail:problem:CODE``),
``title``, ``status``, ``detail`` (the message in the language of the response) and
``instance`` (the path asked, or the id of an unexpected failure), and the library's
own: the error's :meth:`~teletravail.errors.TeletravailError.to_dict` (its stable
``code``, the ``field`` path, the ``value`` found, what was ``expected``, the messages
in English and French, and what the error carries: every ``problems`` of a document,
each with its ``message`` in the language) and the ``lang`` of the response.

The refusals of the service itself (a body that is not JSON or too large, a batch too
large, a path, a policy or a method not served, a failure nothing foresaw) are errors
of the library's hierarchy (:mod:`teletravail.errors`) with codes of their own, so that
every problem is written the same way.
:func:`status_of` gives each error its HTTP status: 4xx for every error of the library,
500 only for a failure the library did not foresee.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Final

import orjson
from starlette.responses import JSONResponse

from teletravail.errors import (
    BodyTooLargeError,
    ConfigError,
    InternalError,
    MalformedJSONError,
    MethodNotAllowedError,
    NotServedError,
    TeletravailError,
    WorkforceError,
)
from teletravail.messages import Lang, Phrase, text_of

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "PROBLEM_SCHEMA",
    "JSONDocument",
    "ProblemResponse",
    "problem_document",
    "problem_response",
    "problem_title",
    "status_of",
]

PROBLEM_MEDIA_TYPE: Final = "application/problem+json"
_TYPE_PREFIX: Final = "urn:teletravail:problem:"


#: The HTTP status of each error of the service, and of the library's by default.
_STATUS: Final[dict[type[TeletravailError], int]] = {
    MalformedJSONError: 400,
    NotServedError: 404,
    MethodNotAllowedError: 405,
    BodyTooLargeError: 413,
    InternalError: 500,
}


def status_of(error: TeletravailError) -> int:
    """The HTTP status of ``error``: 400 for a body that is not JSON, 404 for a path or
    a policy not served, 405 for a method, 413 for a body too large, 500 for an
    unexpected failure, and 422 for every other error of the library (the request is
    read, and its content breaks a rule)."""
    for kind in type(error).__mro__:
        if kind in _STATUS:
            return _STATUS[kind]
    return 422


#: The title of each kind of problem (its code), in English and French.
_TITLES: Final[dict[str, Phrase]] = {
    "malformed_json": Phrase("Malformed JSON", "JSON mal formé"),
    "body_too_large": Phrase("Request body too large", "Corps de requête trop volumineux"),
    "batch_too_large": Phrase("Batch too large", "Lot trop volumineux"),
    "not_found": Phrase("Not found", "Introuvable"),
    "method_not_allowed": Phrase("Method not allowed", "Méthode non permise"),
    "internal_error": Phrase("Internal error", "Erreur interne"),
    "unknown_policy": Phrase("Unknown policy", "Politique inconnue"),
    "unknown_scenario": Phrase("Unknown scenario", "Scénario inconnu"),
    "unknown_parameter": Phrase("Unknown parameter", "Paramètre inconnu"),
    "invalid_value": Phrase("Invalid value", "Valeur non valide"),
    "unit": Phrase("Wrong or missing unit", "Unité erronée ou manquante"),
    "bad_document": Phrase("Document with problems", "Document qui a des problèmes"),
    "bad_rows": Phrase("Invalid rows", "Lignes non valides"),
    "bad_register": Phrase("Unreadable register", "Registre illisible"),
    "dated_value": Phrase("Malformed dated values", "Valeurs datées mal formées"),
    "no_value_in_force": Phrase("No value in force", "Aucune valeur en vigueur"),
    "reference_date": Phrase("Inconsistent reference date", "Date de référence incohérente"),
    "impossible_pattern": Phrase("Impossible pattern", "Rythme impossible"),
    "quota_exceeded": Phrase("Quota exceeded", "Quota dépassé"),
    "not_payable": Phrase("Not payable", "Non versable"),
    "procedure_rule": Phrase("Procedure rule broken", "Règle de procédure enfreinte"),
    "forbidden_transition": Phrase("Forbidden transition", "Transition interdite"),
    "event_order": Phrase("Events out of order", "Événements dans le désordre"),
    "missing_mention": Phrase("Missing mention", "Mention manquante"),
    "not_available": Phrase("Not available", "Non disponible"),
}
_OTHER_TITLE: Final = Phrase("Request refused", "Requête refusée")


def problem_title(code: str) -> Phrase | None:
    """The title of the problems of ``code``, in English and French (``None`` for a
    code without a title of its own, whose problems are titled "Request refused")."""
    return _TITLES.get(code)


def problem_document(error: TeletravailError, lang: Lang, instance: str) -> dict[str, Any]:
    """The problem document of ``error`` in ``lang``, for the request at ``instance``."""
    data = error.to_dict()
    if isinstance(error, ConfigError):
        data["problems"] = [
            problem.to_dict() | {"message": problem.text(lang)} for problem in error.problems
        ]
    elif isinstance(error, WorkforceError):
        data["errors"] = [row.to_dict() | {"message": row.text(lang)} for row in error.errors]
    return {
        "type": _TYPE_PREFIX + error.code,
        "title": text_of(_TITLES.get(error.code, _OTHER_TITLE), lang),
        "status": status_of(error),
        "detail": error.text(lang),
        "instance": instance,
        "lang": lang,
        **data,
    }


def _finite(value: Any) -> Any:
    """``value`` with every float that JSON cannot write (NaN, infinities) as null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


class JSONDocument(JSONResponse):
    """A JSON response written as the library's documents are (UTF-8, no ASCII
    escapes); a number JSON cannot write (NaN) is written null rather than failing.

    orjson (the ``server`` extra) writes it, some seven times faster than the standard
    library on a batch's rows; what orjson does not write (an integer beyond 64 bits) is
    written by the standard library."""

    def render(self, content: Any) -> bytes:
        try:
            written: bytes = orjson.dumps(content)
            return written
        except (TypeError, orjson.JSONEncodeError):
            pass
        try:
            text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        except ValueError:
            text = json.dumps(_finite(content), ensure_ascii=False, separators=(",", ":"))
        return text.encode("utf-8")


class ProblemResponse(JSONDocument):
    """A problem document's response (``application/problem+json``)."""

    media_type = PROBLEM_MEDIA_TYPE


def problem_response(
    error: TeletravailError,
    lang: Lang,
    instance: str,
    headers: Mapping[str, str] | None = None,
) -> ProblemResponse:
    """The response that says ``error`` to the caller, with its status."""
    document = problem_document(error, lang, instance)
    return ProblemResponse(document, status_code=document["status"], headers=headers)


_TEXT: Final = {"type": "string"}

#: The JSON Schema of problem documents (draft 2020-12).
PROBLEM_SCHEMA: Final[dict[str, Any]] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:teletravail:problem:1",
    "title": "teletravail problem document (RFC 9457)",
    "type": "object",
    "properties": {
        "type": {"type": "string", "pattern": "^urn:teletravail:problem:[a-z_]+$"},
        "title": _TEXT,
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": _TEXT,
        "instance": _TEXT,
        "lang": {"enum": ["en", "fr"]},
        "code": {"type": "string", "pattern": "^[a-z_]+$"},
        "message": _TEXT,
        "message_fr": _TEXT,
        "field": _TEXT,
        "value": _TEXT,
        "expected": _TEXT,
        "id": _TEXT,
        "problems": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "path": _TEXT,
                    "value": _TEXT,
                    "expected": _TEXT,
                    "message": _TEXT,
                },
                "required": ["path", "value", "expected", "message"],
            },
        },
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": [
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "lang",
        "code",
        "message",
        "message_fr",
    ],
}
