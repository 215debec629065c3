"""The application as a whole, over HTTP: unknown paths and methods, an unexpected
failure (a 500 with an id, the traceback in the log only), CORS off unless configured,
and answers under concurrency equal to sequential ones."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from .conftest import Running, web_stack

web_stack()

import httpx  # noqa: E402

from teletravail.server import Settings, create_app  # noqa: E402
from teletravail.server.store import PolicyStore  # noqa: E402

from .checks import ok, problem  # noqa: E402
from .routes.test_assessments import APPLICANT, LATE  # noqa: E402


def test_an_unknown_path_and_a_wrong_method(client: Any) -> None:
    found = problem(client.get("/v1/nowhere", headers={"Accept-Language": "fr"}), 404, "not_found")
    assert found["field"] == "path" and found["value"] == "'/v1/nowhere'"
    assert "GET /v1/openapi.json" in found["detail"] and found["title"] == "Introuvable"
    problem(client.get("/"), 404, "not_found")
    response = client.delete("/v1/policies")
    found = problem(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET"
    assert found["value"] == "'DELETE'"
    problem(client.get("/v1/policies/lot-2013/assessment"), 405, "method_not_allowed")


def test_an_unknown_language_asked_is_a_problem_in_the_header_s_language(client: Any) -> None:
    found = problem(
        client.get("/v1/health", params={"lang": "de"}, headers={"Accept-Language": "fr"}),
        422,
        "invalid_value",
    )
    assert found["field"] == "lang" and found["lang"] == "fr"
    assert found["detail"] == "lang\u00a0: attendu une valeur parmi en, fr, trouvé «\u00a0de\u00a0»"


@pytest.fixture(scope="module")
def failing() -> Any:
    """A server whose store fails unexpectedly on one policy's name."""

    class Broken(PolicyStore):
        def get(self, name: str) -> Any:
            if name == "boom":
                raise RuntimeError("a secret detail")
            return super().get(name)

    store = Broken(PolicyStore.load().policies)
    running = Running(create_app(Settings(), store=store))
    url = running.start()
    yield url
    running.stop()


def test_an_unexpected_failure_is_a_500_with_an_id_logged_with_its_traceback(
    failing: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="teletravail.server"):
        response = httpx.get(f"{failing}/v1/policies/boom")
    found = problem(response, 500, "internal_error")
    assert found["id"].startswith("urn:uuid:") and found["instance"] == found["id"]
    assert "secret" not in response.text
    logged = [r for r in caplog.records if found["id"] in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert "a secret detail" in str(logged[0].exc_info[1])
    ok(httpx.get(f"{failing}/v1/health"))  # the server serves on


def test_cors_is_off_unless_configured(client: Any) -> None:
    asked = {"Origin": "https://rh.example.org", "Access-Control-Request-Method": "POST"}
    response = client.get("/v1/health", headers={"Origin": "https://rh.example.org"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/v1/policies/lot-2013/assessment", headers=asked)
    assert "access-control-allow-origin" not in preflight.headers
    running = Running(create_app(Settings(cors_origins=["https://rh.example.org"])))
    url = running.start()
    try:
        allowed = httpx.options(f"{url}/v1/policies/lot-2013/assessment", headers=asked)
        assert allowed.headers["access-control-allow-origin"] == "https://rh.example.org"
        other = httpx.get(f"{url}/v1/health", headers={"Origin": "https://other.example"})
        assert "access-control-allow-origin" not in other.headers
    finally:
        running.stop()


def test_concurrent_answers_equal_sequential_ones(base_url: str) -> None:
    """8 threads × 25 requests of every kind, good and bad, against the one server."""
    calls: list[tuple[str, str, Any]] = [
        ("POST", "/v1/policies/lot-2013/assessment", {"agent": APPLICANT, "on": "2013-01-01"}),
        ("POST", "/v1/policies/lot-2013/assessment", {"agent": LATE, "on": "2013-01-01"}),
        ("POST", "/v1/policies/lot-2013/explanation?lang=fr", {"agent": LATE, "on": "2013-01-01"}),
        (
            "POST",
            "/v1/policies/lot-2013/assessments",
            {"agents": [APPLICANT, LATE], "on": "2013-01-01"},
        ),
        ("POST", "/v1/policies/lot-2013/assessment", {"agent": APPLICANT, "on": "2013-02-30"}),
        ("GET", "/v1/policies/lot-2031", None),
        ("GET", "/v1/parameters/forfait-teletravail?on=2024-06-01", None),
    ]

    def answer(session: httpx.Client, index: int) -> tuple[int, bytes]:
        method, path, body = calls[index % len(calls)]
        response = session.request(method, path, json=body)
        return response.status_code, response.content

    with httpx.Client(base_url=base_url, timeout=60) as session:
        sequential = [answer(session, index) for index in range(len(calls))]

    def worker(start: int) -> list[tuple[int, tuple[int, bytes]]]:
        with httpx.Client(base_url=base_url, timeout=60) as session:
            return [(index, answer(session, index)) for index in range(start, start + 25)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [item for found in pool.map(worker, range(0, 200, 25)) for item in found]
    assert len(results) == 200
    for index, found in results:
        assert found == sequential[index % len(calls)]
    assert {status for status, _ in sequential} == {200, 404, 422}
