"""A JSON web service over the library, for HR software in any language
(``teletravail serve``; the ``server`` extra: FastAPI, uvicorn and Swagger UI's files).

The service is read-only: it serves the shipped presets and the policy documents of a
folder read once at start, assesses agents sent as JSON documents, explains decisions,
checks patterns against quotas, lays out allowances and payments, checks conformity,
gives an authorisation's deadlines and the dated national parameters with their
sources, and publishes its OpenAPI document with the JSON Schemas of what it reads and
writes. Every error is an RFC 9457 problem document. See ``docs/web_service.md``.

The modules: :mod:`.settings` (:class:`Settings`), :mod:`.store` (the policies
served), :mod:`.language` (the language of a response), :mod:`.reading` (a request's
body), :mod:`.context` (what a route reads from its request), :mod:`.problems` (problem
documents), :mod:`.documents` (the service's documents and their schemas),
:mod:`.batch` (a batch of agent documents assessed), :mod:`.openapi` (the OpenAPI
document), :mod:`.routes` (the routes by subject), :mod:`.app` (:func:`create_app`) and
:mod:`.serving` (:func:`serve`, and :func:`~.serving.worker_app` for uvicorn's
own command with several workers).
"""

from __future__ import annotations

from .app import create_app
from .serving import serve
from .settings import Settings
from .store import PolicyStore

__all__ = ["PolicyStore", "Settings", "create_app", "serve"]
