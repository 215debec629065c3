"""The OpenAPI document: valid (checked by openapi-spec-validator), every route of the
service in it with its schemas, and its interactive docs served offline."""

from __future__ import annotations

import json
import re
from typing import Any

from .conftest import web_stack

web_stack()

import pytest  # noqa: E402

openapi_spec_validator = pytest.importorskip("openapi_spec_validator", reason="the 'test' extra")

from teletravail import schemas  # noqa: E402
from teletravail.server.openapi import published_schemas  # noqa: E402

from .checks import ok  # noqa: E402


def test_the_document_is_valid_openapi(client: Any) -> None:
    document = ok(client.get("/v1/openapi.json"))
    assert document["openapi"].startswith("3.1")
    openapi_spec_validator.validate(document)


def test_every_operation_says_its_schemas(client: Any) -> None:
    document = ok(client.get("/v1/openapi.json"))
    components = document["components"]["schemas"]
    assert set(published_schemas()) <= set(components)
    operations = [
        (path, method, spec)
        for path, methods in document["paths"].items()
        for method, spec in methods.items()
    ]
    assert len(operations) == 16
    for path, method, spec in operations:
        assert path.startswith("/v1/"), path
        assert "4XX" in spec["responses"] and "5XX" in spec["responses"]
        names = [parameter["name"] for parameter in spec.get("parameters", [])]
        assert "lang" in names
        for name in re.findall(r"\{(\w+)\}", path):
            assert name in names, (path, name)
        if method == "post":
            reference = spec["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            assert reference.removeprefix("#/components/schemas/") in components
    # every reference points at a part of the document
    text = json.dumps(document)
    for reference in set(re.findall(r'"\$ref": "#/([^"]+)"', text)):
        found: Any = document
        for part in reference.split("/"):
            found = found[part.replace("~1", "/").replace("~0", "~")]
        assert isinstance(found, dict), reference


def test_the_interactive_docs_load_nothing_from_another_site(client: Any) -> None:
    page = client.get("/v1/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    links = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text) + re.findall(
        r"""url: ?["']([^"']+)["']""", page.text
    )
    assert links and all(link.startswith("/v1/") for link in links), links
    assert "cdn" not in page.text.lower()
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
    script = client.get("/v1/docs/swagger-ui-bundle.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert b"SwaggerUIBundle" in script.content
    refused = client.get("/v1/docs/..%2F__init__.py")
    assert refused.status_code == 404
    assert client.get("/v1/docs/swagger-editor.js").status_code == 404


#: The library document each operation answers with, by its path.
LIBRARY_ANSWERS = {
    ("/v1/policies/{name}", "get"): "teletravail.policy",
    ("/v1/policies/{name}/assessment", "post"): "teletravail.assessment",
    ("/v1/policies/{name}/assessments", "post"): "teletravail.assessment.rows",
    ("/v1/policies/{name}/quota-check", "post"): "teletravail.scheduling.quota_decision",
    ("/v1/policies/{name}/conformity", "get"): "teletravail.conformity_report",
}
#: The library documents inside the service's own answers.
LIBRARY_INSIDE = {
    "teletravail.server.explanation": {"decision": "teletravail.eligibility.decision"},
    "teletravail.server.payments": {
        "allowance": "teletravail.allowance.result",
        "calendar": "teletravail.allowance.payments",
    },
    "teletravail.server.deadlines": {"deadlines": "teletravail.procedure.deadlines"},
}


def test_each_answer_is_declared_with_the_library_s_schema(client: Any) -> None:
    document = ok(client.get("/v1/openapi.json"))
    components = document["components"]["schemas"]
    for (path, method), name in LIBRARY_ANSWERS.items():
        answer = document["paths"][path][method]["responses"]["200"]["content"]
        assert answer["application/json"]["schema"] == {"$ref": f"#/components/schemas/{name}"}
        published = schemas.schema(name)
        assert components[name]["properties"].keys() == published["properties"].keys()
    for wrapper, members in LIBRARY_INSIDE.items():
        for member, name in members.items():
            found = components[wrapper]["properties"][member]
            assert found == {"$ref": f"#/components/schemas/{name}"}, (wrapper, member)
            # published alone, the wrapper refers to the library's schema by its $id
            alone = published_schemas()[wrapper]["properties"][member]
            assert alone == {"$ref": schemas.schema(name)["$id"]}
    # no operation of the service answers a bare object where a schema is published
    for path, methods in document["paths"].items():
        for method, spec in methods.items():
            content = spec["responses"]["200"]["content"]
            schema = next(iter(content.values()))["schema"]
            if path not in ("/v1/openapi.json", "/v1/schemas/{schema}"):
                assert "$ref" in schema, (path, method)
