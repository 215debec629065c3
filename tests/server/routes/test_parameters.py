"""The dated national parameters over HTTP, as OpenFisca's /parameters: the list, one
parameter with its dated values and sources, and the values in force on a day (the
figures written by hand from décret n° 2021-1123 and its arrêtés)."""

from __future__ import annotations

from typing import Any

from ..conftest import web_stack

web_stack()

from teletravail.allowance import national_parameters  # noqa: E402

from ..checks import ok, problem  # noqa: E402


def test_the_list(client: Any) -> None:
    listed = ok(client.get("/v1/parameters"))["parameters"]
    assert [entry["name"] for entry in listed] == list(national_parameters())
    forfait = listed[0]
    assert forfait["name"] == "forfait-teletravail"
    assert forfait["branches"] == ["state", "territorial", "hospital"]


def test_one_parameter_with_its_values_in_force(client: Any) -> None:
    found = ok(client.get("/v1/parameters/forfait-teletravail", params={"on": "2024-06-01"}))
    assert found["parameter"] == national_parameters()["forfait-teletravail"].to_dict()
    assert found["on"] == "2024-06-01"
    by_branch = {entry["branch"]: entry for entry in found["in_force"]}
    assert set(by_branch) == {"state", "territorial", "hospital"}
    assert by_branch["state"]["rate"]["value"].startswith("2.88")
    assert by_branch["state"]["cap"]["value"].startswith("282.24")
    assert by_branch["territorial"]["cap"]["value"].startswith("253.44")
    assert by_branch["state"]["rate"]["source"]
    early = ok(client.get("/v1/parameters/forfait-teletravail", params={"on": "2022-01-01"}))
    assert early["in_force"][0]["rate"]["value"].startswith("2.5")
    plain = ok(client.get("/v1/parameters/forfait-teletravail"))
    assert plain["on"] is None and plain["in_force"] is None


def test_an_unknown_parameter_and_a_day_without_a_value(client: Any) -> None:
    found = problem(client.get("/v1/parameters/forfait"), 404, "unknown_parameter")
    assert "did you mean 'forfait-teletravail'" in found["detail"]
    problem(
        client.get("/v1/parameters/forfait-teletravail", params={"on": "2019-01-01"}),
        422,
        "no_value_in_force",
    )
    problem(
        client.get("/v1/parameters/forfait-teletravail", params={"on": "2019-02-30"}),
        422,
        "invalid_value",
    )
