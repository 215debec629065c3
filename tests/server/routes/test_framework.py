"""Conformity on a day and an authorisation's deadlines, over HTTP, equal to the Python
API's; the sentences in the language asked."""

from __future__ import annotations

from typing import Any

from ..conftest import web_stack

web_stack()

from teletravail import presets  # noqa: E402
from teletravail.conformity import check_conformity  # noqa: E402
from teletravail.procedure import AuthorisationHistory, deadlines  # noqa: E402

from ..checks import ok, problem  # noqa: E402


def test_conformity_on_a_day(client: Any) -> None:
    for name in ("lot-2013", "public-service", "private-sector"):
        found = ok(client.get(f"/v1/policies/{name}/conformity", params={"on": "2024-06-01"}))
        assert found == check_conformity(presets.load(name), "2024-06-01").to_dict()
    problem(client.get("/v1/policies/lot-2013/conformity"), 422, "invalid_value")
    problem(
        client.get("/v1/policies/lot-2013/conformity", params={"on": "2024-02-30"}),
        422,
        "invalid_value",
    )


HISTORY = (
    AuthorisationHistory(contract="civil_servant")
    .then("request", "2025-01-31")
    .then("grant", "2025-02-20", start="2025-03-01", adaptation="3 months", duration="1 year")
)


def test_the_deadlines_of_a_history(client: Any) -> None:
    body = {"history": HISTORY.to_dict(), "on": "2025-04-15"}
    found = ok(client.post("/v1/policies/public-service/deadlines?lang=fr", json=body))
    terms = presets.load("public-service").authorisation
    expected = deadlines(
        AuthorisationHistory.from_dict(HISTORY.to_dict(), terms=terms), "2025-04-15"
    )
    assert found["deadlines"] == expected.to_dict()
    assert found["sentences"] == list(expected.sentences("fr"))
    assert found["sentences"][1] == "La période d'adaptation prend fin le 31 mai 2025."


def test_a_history_that_breaks_a_rule(client: Any) -> None:
    events = HISTORY.to_dict()
    events["events"].append(
        {"kind": "end", "on": "2025-09-15", "side": "agent", "effective": "2025-10-01"}
    )
    found = problem(
        client.post(
            "/v1/policies/public-service/deadlines", json={"history": events, "on": "2025-10-01"}
        ),
        422,
        "invalid_value",
    )
    assert found["field"].startswith("history.events[2]")
