"""Problem documents: the RFC's members, the library's code, path, value and message, in
the language asked; each error's status."""

from __future__ import annotations

import json

import pytest

from .conftest import web_stack

web_stack()

import jsonschema  # noqa: E402

from teletravail import Agent  # noqa: E402
from teletravail.errors import (  # noqa: E402
    BatchTooLargeError,
    BodyTooLargeError,
    ConfigError,
    InternalError,
    MalformedJSONError,
    MethodNotAllowedError,
    NotServedError,
    NoValueInForceError,
    Problem,
    QuotaExceededError,
    RowError,
    TeletravailError,
    UnknownPolicyError,
    ValidationError,
    WorkforceError,
)
from teletravail.server.problems import (  # noqa: E402
    PROBLEM_SCHEMA,
    JSONDocument,
    problem_document,
    problem_title,
    status_of,
)


def test_the_status_of_each_error() -> None:
    assert status_of(MalformedJSONError("body", "{", "JSON text")) == 400
    assert status_of(NotServedError("path", "/x", "a path")) == 404
    assert status_of(UnknownPolicyError("policy", "x", "one of: a")) == 404
    assert status_of(MethodNotAllowedError("method", "PUT", "one of: GET")) == 405
    assert status_of(BodyTooLargeError("body", "2 bytes", "at most 1")) == 413
    assert status_of(BatchTooLargeError("agents", "2", "at most 1")) == 422
    assert status_of(ValidationError("on", "x", "a date")) == 422
    assert status_of(NoValueInForceError("rate", "1990-01-01", "2021..")) == 422
    assert status_of(TeletravailError("anything")) == 422
    assert status_of(InternalError.numbered("urn:uuid:1")) == 500


def test_a_problem_document_in_french_written_by_hand() -> None:
    try:
        Agent.from_dict({"id": "A", "hire_date": "2011-03-01", "commute_distance": "28 kg"})
    except ValidationError as error:
        found = problem_document(error, "fr", "/v1/policies/lot-2013/assessment")
    assert found == {
        "type": "urn:teletravail:problem:invalid_value",
        "title": "Valeur non valide",
        "status": 422,
        "detail": "agent.commute_distance\u00a0: attendu une distance (c'est une masse),"
        " trouvé «\u00a028 kg\u00a0»",
        "instance": "/v1/policies/lot-2013/assessment",
        "lang": "fr",
        "code": "invalid_value",
        "message": "agent.commute_distance: expected a quantity of dimension [length] (its"
        " dimension is [mass]), got '28 kg'",
        "message_fr": "agent.commute_distance\u00a0: attendu une distance (c'est une masse),"
        " trouvé «\u00a028 kg\u00a0»",
        "field": "agent.commute_distance",
        "value": "'28 kg'",
        "expected": "a quantity of dimension [length] (its dimension is [mass])",
    }
    jsonschema.Draft202012Validator(PROBLEM_SCHEMA).validate(found)


def test_every_problem_of_a_document_with_its_message_in_the_language() -> None:
    error = ConfigError(
        [Problem("on", "2013-02-30", "a date that exists"), Problem("agent", None, "a value")],
        "body",
    )
    found = problem_document(error, "fr", "/x")
    assert [p["path"] for p in found["problems"]] == ["on", "agent"]
    assert found["problems"][1]["message"] == "agent\u00a0: attendu a value, aucune valeur trouvée"
    rows = WorkforceError([RowError(3, "hire_date", "x", "bad")])
    assert problem_document(rows, "en", "/x")["errors"][0]["message"] == "bad"
    jsonschema.Draft202012Validator(PROBLEM_SCHEMA).validate(found)


def test_every_error_of_the_library_has_a_title_in_each_language() -> None:
    import teletravail.errors as errors

    kinds = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, TeletravailError)
    ]
    assert len(kinds) > 10
    for kind in kinds:
        if kind.code == "error":  # the base class: its problems are "Request refused"
            continue
        title = problem_title(kind.code)
        assert title is not None, kind.code
        assert title.text("fr") != str(title), kind.code


def test_the_quota_exceeded_error_carries_its_decision() -> None:
    from teletravail import presets
    from teletravail.week import WeeklyPattern

    quota = presets.load("lot-2013").quota
    assert quota is not None
    agent = Agent(id="A", hire_date="2011-03-01", working_time="90 %")
    decision = quota.check(WeeklyPattern.parse("mon, tue, thu"), agent, "2013-01-01")
    found = problem_document(QuotaExceededError(decision), "en", "/x")
    assert found["decision"]["failures"] == ["quota.maximum", "quota.on_site"]
    assert found["status"] == 422


def test_nan_is_written_null_rather_than_failing() -> None:
    body = JSONDocument({"a": float("nan"), "b": [1.5, float("inf")], "c": "é"}).body
    assert json.loads(body) == {"a": None, "b": [1.5, None], "c": "é"}
    assert "é".encode() in body


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_internal_error_gives_its_id_only(lang: str) -> None:
    found = problem_document(InternalError.numbered("urn:uuid:42"), lang, "urn:uuid:42")  # type: ignore[arg-type]
    assert found["id"] == "urn:uuid:42" and found["status"] == 500
    assert "urn:uuid:42" in found["detail"]


def test_a_document_is_written_as_the_standard_library_writes_it() -> None:
    """The fast writer gives the standard library's compact UTF-8 text, NaN as null, and
    an integer it cannot write is written all the same."""
    import json

    from teletravail.server.problems import JSONDocument

    document = {"a": [1, 2.5, None, "été"], "b": {"value": "264.96", "unit": "EUR"}}
    compact = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    assert JSONDocument(document).body == compact
    assert JSONDocument({"x": float("nan")}).body == b'{"x":null}'
    assert JSONDocument({"n": 2**80}).body == b'{"n":%d}' % 2**80
