"""A pattern checked against the quota, and the allowance with its payments, over HTTP,
equal to the Python API's."""

from __future__ import annotations

from typing import Any

from ..conftest import web_stack

web_stack()

from teletravail import Agent, presets  # noqa: E402
from teletravail.allowance import payment_calendar  # noqa: E402
from teletravail.week import WeeklyPattern  # noqa: E402

from ..checks import ok, problem  # noqa: E402

AGENT = {"id": "P-3", "hire_date": "2010-09-01", "requested_telework": "3 workday/week"}


def test_a_pattern_checked_against_the_quota(client: Any) -> None:
    quota = presets.load("public-service").quota
    assert quota is not None
    agent = Agent.from_dict(AGENT)
    for pattern in ("mon, wed, fri", "mon, tue, wed, thu"):
        found = ok(
            client.post(
                "/v1/policies/public-service/quota-check",
                json={"agent": AGENT, "on": "2025-03-01", "pattern": pattern},
            )
        )
        expected = quota.check(WeeklyPattern.parse(pattern), agent, "2025-03-01")
        assert found == expected.to_dict()
    assert found["allowed"] is False and "quota.maximum" in found["failures"]


def test_an_impossible_pattern_and_a_bad_one(client: Any) -> None:
    body = {"agent": AGENT, "on": "2025-03-01", "pattern": "mon, sat"}
    found = problem(
        client.post("/v1/policies/public-service/quota-check", json=body), 422, "impossible_pattern"
    )
    assert found["field"] == "pattern"
    body["pattern"] = "someday"
    problem(client.post("/v1/policies/public-service/quota-check", json=body), 422, "invalid_value")
    body["pattern"] = ""
    problem(client.post("/v1/policies/public-service/quota-check", json=body), 422, "invalid_value")


def test_the_allowance_and_its_payments(client: Any) -> None:
    policy = presets.load("public-service")
    found = ok(
        client.post(
            "/v1/policies/public-service/payments", json={"agent": AGENT, "on": "2025-03-01"}
        )
    )
    assessment = policy.assess(Agent.from_dict(AGENT), "2025-03-01")
    assert policy.allowance is not None
    calendar = payment_calendar(policy.allowance, assessment.schedule)
    assert found["calendar"] == calendar.to_dict()
    assert found["allowance"] == assessment.allowance_result.to_dict()
    assert found["allowance"]["lines"] == assessment.to_dict()["allowance_lines"]
    assert found["allowance"]["paid"] == {"value": "253.44", "unit": "EUR"}
    assert found["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    # the quarters add up to the year's allowance: 253.44 EUR, the 2025 cap
    paid = sum(round(float(p["amount"]["value"]) * 100) for p in found["calendar"]["payments"])
    assert paid == 25_344
    later = ok(
        client.post(
            "/v1/policies/public-service/payments",
            json={"agent": AGENT, "on": "2025-03-01", "first_payment": "2025-09-30"},
        )
    )
    assert later["calendar"]["payments"][0]["date"] == "2025-09-30"
    nothing = ok(
        client.post(
            "/v1/policies/cantal-2012/payments",
            json={"agent": AGENT, "on": "2013-03-01"},
        )
    )
    # the Cantal's scheme pays no allowance: no payment
    assert (
        nothing["allowance"]["paid"] == {"value": "0.00", "unit": "EUR"}
        and nothing["calendar"]["payments"] == []
    )
