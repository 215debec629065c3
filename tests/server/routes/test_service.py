"""The service's own routes, over HTTP: health, version, the published schemas."""

from __future__ import annotations

from typing import Any

from ..conftest import web_stack

web_stack()

from teletravail import __version__, config, schemas  # noqa: E402
from teletravail.workforce import agent_schema  # noqa: E402

from ..checks import ok, problem  # noqa: E402


def test_health_and_version(client: Any) -> None:
    health = ok(client.get("/v1/health"))
    assert health["status"] == "ok" and health["version"] == __version__
    assert health["policies"] == 7  # the six presets and the folder's document
    version = ok(client.get("/v1/version"))
    assert (version["name"], version["version"], version["api"]) == (
        "teletravail",
        __version__,
        "v1",
    )


def test_the_schemas_are_the_library_s_own(client: Any) -> None:
    listed = ok(client.get("/v1/schemas"))["schemas"]
    names = [entry["name"] for entry in listed]
    assert names[: len(schemas.names())] == list(schemas.names())
    assert {"teletravail.problem", "teletravail.server.health"} <= set(names)
    for entry in listed:
        response = client.get(entry["path"])
        assert response.headers["content-type"].startswith("application/schema+json")
        found = response.json()
        assert found["$id"] == entry["id"] and found["title"] == entry["title"]
        assert entry["id"].endswith(f":{entry['version']}")
        if entry["name"] in schemas.names():
            assert found == schemas.schema(entry["name"])
    assert client.get("/v1/schemas/teletravail.policy").json() == config.json_schema()
    assert client.get("/v1/schemas/teletravail.agent").json() == agent_schema()


def test_an_unknown_schema_is_not_found(client: Any) -> None:
    found = problem(client.get("/v1/schemas/assesment", params={"lang": "fr"}), 404, "not_found")
    assert found["field"] == "schema" and found["lang"] == "fr"
    assert "teletravail.assessment" in found["detail"]
