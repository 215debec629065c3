"""The published JSON Schemas of the library's documents, by name and version.

Every document the library reads or writes names its format: the documents it reads
(a policy, an agent) carry ``format`` and ``version``, those it writes (a decision, an
assessment, the rows of a register, an allowance...) carry ``schema`` and
``schema_version``. This module is their catalogue: :func:`names` lists them,
:func:`schema` gives one's JSON Schema (draft 2020-12, ``$id``
``urn:teletravail:<name>:<version>``), :func:`catalogue` describes them all. Each schema
is drawn from the same description that writes (and, where the library reads the
document back, reads) the document, so that the two cannot drift apart; the tests
validate the library's own outputs against them.

A version changes when a document changes in a way a reader would notice (a key
renamed or removed, a value written in another shape); adding an optional key does
not change it. The versions are listed in ``docs/documents.md``.

>>> from teletravail import schemas
>>> "teletravail.assessment" in schemas.names()
True
>>> schemas.schema("teletravail.assessment")["$id"]
'urn:teletravail:assessment:3'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final, Literal

import attrs

from teletravail.errors import ValidationError
from teletravail.messages import choices

__all__ = ["DRAFT", "DocumentFormat", "catalogue", "names", "schema"]

#: How a tree of reasons (a decision's, a quota's) refers to its own kind.
_RESULT_REF: Final = "#/$defs/result"
#: The JSON Schema dialect of every schema published here.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"


@attrs.frozen(kw_only=True)
class DocumentFormat:
    """One document format: its ``name`` (``teletravail.assessment``), ``version``,
    ``title``, whether the library reads it (``input``), writes it (``output``) or both,
    and the Python call that writes or reads it (``api``)."""

    name: str
    version: int
    title: str
    direction: Literal["input", "output", "both"]
    api: str
    body: Callable[[], dict[str, Any]] = attrs.field(repr=False)

    @property
    def id(self) -> str:
        """The schema's ``$id``: ``urn:teletravail:assessment:3``."""
        short = self.name.removeprefix("teletravail.")
        return f"urn:teletravail:{short}:{self.version}"

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the format (draft 2020-12)."""
        body = dict(self.body())
        for key in ("$schema", "$id", "title"):
            body.pop(key, None)
        if _RESULT_REF in json.dumps(body):  # a tree of reasons refers to itself
            from teletravail.explain import RESULT

            body["$defs"] = {**body.get("$defs", {}), "result": RESULT.schema()}
        return {"$schema": DRAFT, "$id": self.id, "title": self.title, **body}


def _policy() -> dict[str, Any]:
    from teletravail.config import json_schema

    return json_schema()


def _agent() -> dict[str, Any]:
    from teletravail.workforce import agent_schema

    return agent_schema()


def _decision() -> dict[str, Any]:
    from teletravail.explain import DECISION

    return DECISION.schema()


def _quota() -> dict[str, Any]:
    from teletravail.scheduling.checks import QUOTA_DECISION

    return QUOTA_DECISION.schema()


def _assessment() -> dict[str, Any]:
    from teletravail.policy.assessment_document import ASSESSMENT

    return ASSESSMENT.schema()


def _rows() -> dict[str, Any]:
    from teletravail.policy.rows import ROWS

    return ROWS.schema()


def _allowance() -> dict[str, Any]:
    from teletravail.allowance.result import ALLOWANCE

    return ALLOWANCE.schema()


def _payments() -> dict[str, Any]:
    from teletravail.allowance.payments import PAYMENTS

    return PAYMENTS.schema()


def _conformity() -> dict[str, Any]:
    from teletravail.conformity.findings import REPORT

    return REPORT.schema()


def _deadlines() -> dict[str, Any]:
    from teletravail.procedure.deadlines import DEADLINES

    return DEADLINES.schema()


def _parameter() -> dict[str, Any]:
    from teletravail.dated import DATED_PARAMETER

    return DATED_PARAMETER.schema()


def _reproduction() -> dict[str, Any]:
    from teletravail.reproductions.result import reproduction_schema

    return reproduction_schema()


def _formats() -> tuple[DocumentFormat, ...]:
    from teletravail.allowance.payments import PAYMENTS_SCHEMA, PAYMENTS_SCHEMA_VERSION
    from teletravail.allowance.result import ALLOWANCE_SCHEMA, ALLOWANCE_SCHEMA_VERSION
    from teletravail.config import FORMAT, FORMAT_VERSION
    from teletravail.conformity.findings import REPORT_SCHEMA
    from teletravail.explain import SCHEMA_VERSION
    from teletravail.explain.results import DECISION_SCHEMA
    from teletravail.policy.assessment_document import (
        ASSESSMENT_SCHEMA,
        ASSESSMENT_SCHEMA_VERSION,
    )
    from teletravail.policy.rows import ROWS_SCHEMA, ROWS_SCHEMA_VERSION
    from teletravail.procedure.deadlines import DEADLINES_SCHEMA, DEADLINES_SCHEMA_VERSION
    from teletravail.reproductions import REPRODUCTION_SCHEMA, REPRODUCTION_SCHEMA_VERSION
    from teletravail.scheduling.checks import QUOTA_DECISION_SCHEMA
    from teletravail.workforce import AGENT_FORMAT, AGENT_FORMAT_VERSION

    return (
        DocumentFormat(
            name=FORMAT,
            version=FORMAT_VERSION,
            title="teletravail policy document",
            direction="input",
            api="teletravail.config.load / Policy.from_dict",
            body=_policy,
        ),
        DocumentFormat(
            name=AGENT_FORMAT,
            version=AGENT_FORMAT_VERSION,
            title="teletravail agent document",
            direction="both",
            api="Agent.from_dict / Agent.to_dict / Workforce.from_records",
            body=_agent,
        ),
        DocumentFormat(
            name=DECISION_SCHEMA,
            version=SCHEMA_VERSION,
            title="teletravail eligibility decision",
            direction="both",
            api="Decision.to_dict / Decision.from_dict",
            body=_decision,
        ),
        DocumentFormat(
            name=QUOTA_DECISION_SCHEMA,
            version=SCHEMA_VERSION,
            title="teletravail quota decision",
            direction="both",
            api="QuotaDecision.to_dict / QuotaDecision.from_dict",
            body=_quota,
        ),
        DocumentFormat(
            name=ASSESSMENT_SCHEMA,
            version=ASSESSMENT_SCHEMA_VERSION,
            title="teletravail assessment of one agent",
            direction="both",
            api="Assessment.to_dict / Assessment.from_dict",
            body=_assessment,
        ),
        DocumentFormat(
            name=ROWS_SCHEMA,
            version=ROWS_SCHEMA_VERSION,
            title="teletravail assessment of a register, row by row",
            direction="output",
            api="BatchAssessment.to_dict",
            body=_rows,
        ),
        DocumentFormat(
            name=ALLOWANCE_SCHEMA,
            version=ALLOWANCE_SCHEMA_VERSION,
            title="teletravail allowance, line by line",
            direction="both",
            api="AllowanceResult.to_dict / AllowanceResult.from_dict",
            body=_allowance,
        ),
        DocumentFormat(
            name=PAYMENTS_SCHEMA,
            version=PAYMENTS_SCHEMA_VERSION,
            title="teletravail payment calendar of an allowance",
            direction="output",
            api="PaymentCalendar.to_dict",
            body=_payments,
        ),
        DocumentFormat(
            name=REPORT_SCHEMA,
            version=SCHEMA_VERSION,
            title="teletravail conformity report",
            direction="output",
            api="ConformityReport.to_dict",
            body=_conformity,
        ),
        DocumentFormat(
            name=DEADLINES_SCHEMA,
            version=DEADLINES_SCHEMA_VERSION,
            title="teletravail deadlines of an authorisation",
            direction="output",
            api="Deadlines.to_dict",
            body=_deadlines,
        ),
        DocumentFormat(
            name="teletravail.dated_parameter",
            version=1,
            title="teletravail dated parameter",
            direction="both",
            api="DatedParameter.to_dict / DatedParameter.from_dict",
            body=_parameter,
        ),
        DocumentFormat(
            name=REPRODUCTION_SCHEMA,
            version=REPRODUCTION_SCHEMA_VERSION,
            title="teletravail published figures beside the model's",
            direction="output",
            api="teletravail.reproductions.reproduce(...).to_dict",
            body=_reproduction,
        ),
    )


_CATALOGUE: dict[str, DocumentFormat] = {}


def catalogue() -> tuple[DocumentFormat, ...]:
    """Every document format, in the order of :func:`names`."""
    if not _CATALOGUE:
        _CATALOGUE.update((found.name, found) for found in _formats())
    return tuple(_CATALOGUE.values())


def names() -> tuple[str, ...]:
    """The names of every document format (``teletravail.policy``,
    ``teletravail.assessment``...)."""
    return tuple(found.name for found in catalogue())


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the document format ``name``; an unknown name is a
    :class:`~teletravail.errors.ValidationError` that lists the known ones."""
    catalogue()
    found = _CATALOGUE.get(name)
    if found is None:
        raise ValidationError("schema", name, choices(names()))
    return found.schema()
