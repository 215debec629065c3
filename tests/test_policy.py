"""Policies: one agent and a workforce assessed alike, variants, comparisons."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import json
import multiprocessing
import pickle

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from teletravail import Q_, Agent, Policy, Workforce, presets
from teletravail.allowance import Allowance, EmployerCost, OneOff, forfait_teletravail
from teletravail.eligibility import MinimumWorkingTime, Predicate, SelectionCampaign, Volunteer
from teletravail.errors import ValidationError
from teletravail.impact.commute import Assumptions, Rebound
from teletravail.policy import Assessment, BatchAssessment, compare_policies
from teletravail.samples import lot_sample_agents
from teletravail.scheduling import presets as quota_presets

from .strategies import agent_lists, lot_policy, policies


def test_lot_sample_workforce() -> None:
    """Two of the eight sample agents are eligible on 2013-01-01: 1.5 days, 69 days a year."""
    batch = lot_policy().assess(Workforce.from_agents(lot_sample_agents()), "2013-01-01")
    assert isinstance(batch, BatchAssessment)
    totals = batch.totals()
    assert (totals["agents"], totals["eligible"], totals["entitled"]) == (8, 2, 2)
    assert totals["days"] == Q_(138, "workday")
    assert totals["allowance"] == Q_(200, "EUR") and totals["employer_costs"] == Q_(1500, "EUR")
    assert totals["impact_distance"] == Q_(2 * 69 * (28 + 42), "km")


def test_one_agent_explained_in_both_languages_and_json() -> None:
    """An agent's assessment carries its decision, figures, JSON and text."""
    assessment = lot_policy().assess(lot_sample_agents()[0], "2013-01-01")
    assert isinstance(assessment, Assessment)
    assert assessment.granted == Q_(1.5, "workday/week") and assessment.days == Q_(69, "workday")
    document = json.loads(json.dumps(assessment.to_dict()))
    assert document["schema"] == "teletravail.assessment" and document["allowance"] == "100.00"
    assert "telework granted: 1.5 day(s) a week" in assessment.text()
    assert "télétravail accordé" in assessment.text("fr")


def test_part_time_agents_get_their_own_cap() -> None:
    """Under the national framework an 80 % agent is granted 2 days of the 3 asked."""
    policy = attrs.evolve(
        lot_policy(), quota=quota_presets.public_service(), eligibility=Volunteer()
    )
    agents = Workforce.from_agents(
        [
            Agent(id="F", hire_date="2010-01-01"),
            Agent(id="P", hire_date="2010-01-01", working_time="80 %"),
        ]
    )
    batch = policy.assess(agents, "2024-01-01", requested="3 workday/week")
    assert batch.granted.tolist() == [3.0, 2.0]  # type: ignore[union-attr]


def test_selection_limits_who_is_entitled() -> None:
    """With 1 seat by commute distance, only the farthest eligible agent is granted days."""
    policy = attrs.evolve(lot_policy(), selection=SelectionCampaign(seats=1))
    batch = policy.assess(Workforce.from_agents(lot_sample_agents()), "2013-01-01")
    entitled = [str(i) for i in batch.decisions.ids[batch.entitled]]  # type: ignore[union-attr]
    assert entitled == ["LOT-002"]


def test_compare_two_policies() -> None:
    """Adding the forfait moves the allowance by 69 days × 2.88 EUR per teleworker."""
    plain = lot_policy()
    richer = attrs.evolve(
        plain,
        name="Lot + forfait",
        allowance=Allowance(
            components=[
                OneOff(amount="100 EUR"),
                forfait_teletravail(),
                EmployerCost(name="laptop", amount="750 EUR"),
            ]
        ),
    )
    table = compare_policies(
        plain, richer, Workforce.from_agents(lot_sample_agents()), "2023-01-01"
    )
    assert table["gained"] == [] and table["lost"] == []
    assert table["totals"]["allowance"]["difference"] == Q_(3 * 69 * 2.88, "EUR")


def test_policy_validation() -> None:
    """Bad fields and dates outside the period in force are typed errors."""
    with pytest.raises(ValidationError, match="eligibility"):
        attrs.evolve(lot_policy(), eligibility="lot")
    with pytest.raises(ValidationError, match="weeks"):
        attrs.evolve(lot_policy(), weeks=60)
    with pytest.raises(ValidationError, match="places"):
        attrs.evolve(lot_policy(), places={"garden"})
    with pytest.raises(ValidationError, match="in force"):
        lot_policy().assess(lot_sample_agents()[0], "2012-06-01")
    with pytest.raises(ValidationError, match="requested"):
        lot_policy().assess(lot_sample_agents()[0], "2013-01-01", requested="9 workday/week")
    assert lot_policy() == lot_policy() and hash(lot_policy()) == hash(lot_policy())


@given(agent_lists(hired_before=dt.date(2022, 12, 31), max_size=8))
def test_batch_equals_one_by_one(agents: list[Agent]) -> None:
    """Assessing a workforce gives each agent what assessing that agent alone gives."""
    policy = attrs.evolve(
        lot_policy(),
        allowance=Allowance(
            components=[
                OneOff(amount="100 EUR"),
                forfait_teletravail(),
            ]
        ),
    )
    batch = policy.assess(Workforce.from_agents(agents), "2023-01-01")
    for row, agent in enumerate(agents):
        single = policy.assess(agent, "2023-01-01")
        assert batch.explain(row) == single  # type: ignore[union-attr]
    assert np.all(batch.allowance_cents <= 10000 + 25344)  # type: ignore[union-attr]


def test_stated_requests_are_granted_within_the_caps() -> None:
    """Without `requested`, each agent's stated ask is used, the quota's maximum otherwise."""
    policy = attrs.evolve(
        lot_policy(), quota=quota_presets.public_service(), eligibility=Volunteer()
    )
    staff = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2010-01-01", requested_telework="1 workday/week"),
            Agent(id="B", hire_date="2010-01-01", requested_telework="5 workday/week"),
            Agent(id="C", hire_date="2010-01-01"),
            Agent(
                id="D",
                hire_date="2010-01-01",
                working_time="80 %",
                requested_telework="3 halfday/week",
            ),
        ]
    )
    batch = policy.assess(staff, "2024-01-01")
    assert batch.granted.tolist() == [1.0, 3.0, 3.0, 1.5]  # type: ignore[union-attr]
    forced = policy.assess(staff, "2024-01-01", requested="2 workday/week")
    assert forced.granted.tolist() == [2.0, 2.0, 2.0, 2.0]  # type: ignore[union-attr]
    one = lot_policy().assess(
        Agent(id="L", hire_date="2010-01-01", requested_telework="1 workday/week"), "2013-01-01"
    )
    assert isinstance(one, Assessment)
    assert one.granted == Q_(1, "workday/week") and one.days == Q_(46, "workday")


def test_without_a_quota_every_ask_must_be_stated() -> None:
    """With no quota, stated asks suffice; an agent who states none needs `requested`."""
    policy = attrs.evolve(lot_policy(), quota=None, eligibility=Volunteer())
    stated = Agent(id="A", hire_date="2010-01-01", requested_telework="4 workday/week")
    batch = policy.assess(Workforce.from_agents([stated]), "2024-01-01")
    assert batch.granted.tolist() == [4.0]  # type: ignore[union-attr]
    silent = Workforce.from_agents([stated, Agent(id="B", hire_date="2010-01-01")])
    with pytest.raises(ValidationError, match="requested"):
        policy.assess(silent, "2024-01-01")
    again = policy.assess(silent, "2024-01-01", requested="1 workday/week")
    assert again.granted.tolist() == [1.0, 1.0]  # type: ignore[union-attr]


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(policies())
def test_a_policy_pickles_as_its_document(policy: Policy) -> None:
    """Any policy pickles and reads back equal, its quantities in the library's registry."""
    again = pickle.loads(pickle.dumps(policy))
    assert again == policy


def test_a_policy_with_code_does_not_pickle() -> None:
    """A Predicate is a Python function: the error names the part a document cannot hold."""
    policy = lot_policy()
    coded = attrs.evolve(
        policy,
        eligibility=policy.eligibility
        & Predicate(name="badge", function=lambda w, on: w.volunteer, text="has a badge"),
    )
    with pytest.raises(ValidationError) as caught:
        pickle.dumps(coded)
    assert caught.value.field == "eligibility"


def test_another_process_assesses_alike() -> None:
    """A preset sent to a fresh process (spawn) gives the totals assessed here."""
    policy = presets.load("lot-2013")
    workforce = Workforce.from_agents(lot_sample_agents())
    here = policy.assess_workforce(workforce, "2013-01-01").totals()
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        there = pool.submit(_totals_elsewhere, policy, workforce).result(timeout=120)
    assert there == {key: str(value) for key, value in here.items()}


def _totals_elsewhere(policy: Policy, workforce: Workforce) -> dict[str, str]:
    """Run in the other process: its totals as text (quantities stay in their process)."""
    totals = policy.assess_workforce(workforce, "2013-01-01").totals()
    return {key: str(value) for key, value in totals.items()}


@pytest.mark.parametrize(
    "change",
    [
        {"impact": Assumptions(factors={"car_thermal": Q_(0.5, "kg CO2e/km")})},
        {"eligibility": MinimumWorkingTime(minimum=Q_(500, "permille"))},
        {"eligibility": MinimumWorkingTime(minimum=Q_(0.9, ""))},
        {
            "impact": Assumptions(
                rebound=Rebound(kind="per_day", per_day=Q_(1.2e-6, "kilometric_ton*CO2e/workday"))
            )
        },
    ],
    ids=["factors", "permille", "dimensionless", "kilotonne"],
)
def test_every_part_survives_pickling_and_copies(change: dict[str, object]) -> None:
    """What pickling writes reads back (the writer falls back to the units' full names
    where a symbol would not read), and copies keep every part, factors included."""
    policy = attrs.evolve(presets.load("lot-2013"), **change)
    for again in (pickle.loads(pickle.dumps(policy)), copy.copy(policy), copy.deepcopy(policy)):
        assert again == policy
        assert again.impact.factors == policy.impact.factors


def test_other_factors_make_another_policy() -> None:
    """Emission factors take part in a policy's equality (not in its hash)."""
    policy = presets.load("lot-2013")
    other = attrs.evolve(policy, impact=Assumptions(factors={"car_thermal": Q_(0.5, "kg CO2e/km")}))
    assert other != policy
    assert hash(other) == hash(attrs.evolve(other))


def test_a_policy_with_code_still_copies() -> None:
    """copy and deepcopy do not go through the document: a Predicate is kept."""
    policy = lot_policy()
    coded = attrs.evolve(
        policy, eligibility=Predicate(name="badge", function=_badge, text="has a badge")
    )
    assert copy.copy(coded) is coded and copy.deepcopy(coded) == coded


def _badge(workforce: Workforce, on: object) -> object:
    return workforce.volunteer


def test_a_batch_columns_are_read_only() -> None:
    """An agent's Assessment reads its batch's columns: they cannot be changed behind it."""
    batch = lot_policy().assess_workforce(Workforce.from_agents(lot_sample_agents()), "2013-01-01")
    explained = batch.explain(1)
    for column in (batch.entitled, batch.granted, batch.days, batch.allowance_cents):
        with pytest.raises(ValueError, match="read-only"):
            column[1] = 0
    assert explained.granted == Q_(1.5, "workday/week")


def test_a_name_must_be_writable_text() -> None:
    """A lone surrogate could not be written to a document (nor pickled): refused."""
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(lot_policy(), name="Lot \udc80")
    assert caught.value.field == "name"
