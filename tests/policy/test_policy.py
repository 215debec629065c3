"""Policies: one agent and a workforce assessed alike, variants, comparisons."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import json
import multiprocessing
import pickle
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Q_, Agent, Policy, Workforce, get_registry, presets
from teletravail.allowance import Allowance, EmployerCost, OneOff, forfait_teletravail
from teletravail.eligibility import MinimumWorkingTime, Predicate, SelectionCampaign, Volunteer
from teletravail.errors import ValidationError
from teletravail.impact.commute import Assumptions
from teletravail.impact.rebound import Rebound
from teletravail.policy import Assessment, BatchAssessment, compare_policies
from teletravail.samples import lot_sample_agents
from teletravail.scheduling import WeeklyPattern, WorkCalendar, plan
from teletravail.scheduling.leave import LeaveAssumption

from .. import oracles
from ..strategies import agent_lists, lot_policy, policies, public_service_quota

YEAR_2013 = (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
YEAR_2024 = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
TUE_THU = WeeklyPattern.of(["tue", "thu"])


def lot_days(year: tuple[dt.date, dt.date], leave: float = 25) -> float:
    """The days of the Lot's 1.5 days a week placed on Tuesday and Thursday morning over
    a year, less the leave, from numpy's business days and the holidays written out."""
    days_off = oracles.holidays(year[0].year)
    tuesdays = oracles.weekdays_worked(*year, [1], days_off)
    thursdays = oracles.weekdays_worked(*year, [3], days_off)
    halves = 2 * tuesdays + thursdays
    working = oracles.working_days(year[0].year, days_off)
    return oracles.after_leave(halves, leave, working) / 2


def test_lot_sample_workforce() -> None:
    """Two of the eight sample agents are eligible on 2013-01-01; each asks for nothing
    and is granted the quota's 1.5 days, placed on Tuesday and Thursday morning, over
    2013 less 25 days of leave; 100 EUR once and the laptop each."""
    batch = lot_policy().assess(Workforce.from_agents(lot_sample_agents()), "2013-01-01")
    assert isinstance(batch, BatchAssessment)
    totals = batch.totals()
    assert (totals["agents"], totals["eligible"], totals["entitled"]) == (8, 2, 2)
    days = lot_days(YEAR_2013)
    assert days == 69.5
    assert totals["days"] == Q_(2 * days, "workday")
    assert totals["allowance"] == Q_(200, "EUR") and totals["employer_costs"] == Q_(1500, "EUR")
    assert totals["impact_distance"].m_as("km") == pytest.approx(2 * days * (28 + 42))
    assert str(batch.explain("LOT-001").pattern) == "Tue @ home, Thu am @ home"


def test_one_agent_explained_in_both_languages_and_json() -> None:
    """An agent's assessment carries its decision, the quota's answer, how the days were
    reached, its allowance line by line, as JSON and as text."""
    assessment = lot_policy().assess(lot_sample_agents()[0], "2013-01-01")
    assert isinstance(assessment, Assessment)
    assert assessment.granted == Q_(1.5, "workday/week") and assessment.days == Q_(69.5, "workday")
    document = json.loads(json.dumps(assessment.to_dict()))
    assert document["schema"] == "teletravail.assessment"
    assert document["allowance"] == {"value": "100.00", "unit": "EUR"}
    assert document["period"] == {"start": "2013-01-01", "end": "2013-12-31"}
    days = document["days"]
    assert days["planned"] == {"value": 77, "unit": "workday"}
    assert days["leave"] == {"value": 7.5, "unit": "workday"}
    assert days["leave_assumption"] == {"days": {"value": 25, "unit": "workday"}}
    assert [line["name"] for line in document["allowance_lines"]] == [
        "indemnité de démarrage",
        "laptop",
    ]
    text = assessment.text()
    assert "granted: Tuesday at home, Thursday morning at home (1.5 days a week)" in text
    assert "77 days on the calendar, less 7.5 days of leave" in text
    french = assessment.text("fr")
    granted = "accordé\u00a0: mardi à domicile, jeudi matin à domicile (1,5 jour par semaine)"
    assert granted in french
    assert "statut\u00a0: accordé" in french


def test_the_lot_quota_refuses_what_it_forbids() -> None:
    """The Lot counts half days from 1 to 1.5 a week: 1.25 days, 2 days and half a day
    are refused, each with the rule in the way; 1 day is granted."""
    policy = lot_policy()
    agent = lot_sample_agents()[0]
    for asked, rule in (
        ("1.25", "quota.granularity"),
        ("2", "quota.maximum"),
        ("0.5", "quota.minimum"),
    ):
        found = policy.assess(agent, "2013-01-01", requested=f"{asked} workday/week")
        assert found.status == "refused" and rule in found.failures
        assert found.days == Q_(0, "workday") and found.allowance_cents == 0
        assert found.quota is not None and not found.quota.allowed
    one = policy.assess(agent, "2013-01-01", requested="1 workday/week")
    assert one.status == "granted" and str(one.pattern) == "Wed @ home"


def test_the_cantal_minimum_of_two_whole_days() -> None:
    """The Cantal asks for 2 or 3 whole days: 1 day is under the minimum, 2.5 days are not
    whole days; reduced, 2.5 days become 2 and 1 day stays refused."""
    cantal = presets.load("cantal-2012")
    agent = Agent(id="C", hire_date="2010-01-01")
    one = cantal.assess(agent, "2012-01-02", requested="1 workday/week")
    assert one.status == "refused" and one.failures == ("quota.minimum",)
    half = cantal.assess(agent, "2012-01-02", requested="2.5 workday/week")
    assert half.status == "refused" and half.failures == ("quota.granularity",)
    reducing = attrs.evolve(cantal, asks="reduce")
    cut = reducing.assess(agent, "2012-01-02", requested="2.5 workday/week")
    assert cut.status == "granted" and cut.reduced and cut.granted == Q_(2, "workday/week")
    assert "reduced to what the quota allows (whole or half days)" in cut.text()
    assert reducing.assess(agent, "2012-01-02", requested="1 workday/week").status == "refused"


def test_tuesday_and_thursday_in_2024_everywhere_alike() -> None:
    """Tuesday + Thursday at home in 2024 under the public-service framework: 103 days
    and 282.24 EUR (the 2024 cap) when the agent's absences are known to be none, the
    same as plan() and the forfait's line; 93 days and 267.84 EUR with 25 days of leave
    assumed."""
    policy = presets.load("public-service")
    known = Agent(id="A", hire_date="2010-01-01", pattern=TUE_THU, absences=())
    found = policy.assess(known, "2024-01-01")
    days_off = oracles.holidays(2024)
    expected = oracles.weekdays_worked(*YEAR_2024, [1, 3], days_off)
    assert found.days == Q_(expected, "workday") == Q_(103, "workday")
    assert found.allowance == Q_(282.24, "EUR")
    schedule = plan(TUE_THU, "2024-01-01", "2024-12-31", agent=known, quota=policy.quota)
    assert found.schedule.dates.tolist() == schedule.dates.tolist()
    assert policy.allowance is not None
    assert policy.allowance.compute(schedule).paid_cents == found.allowance_cents
    unknown = attrs.evolve(known, absences=None)
    leave = policy.assess(unknown, "2024-01-01")
    kept = oracles.after_leave(2 * 103, 25, oracles.working_days(2024, days_off)) / 2
    assert leave.days == Q_(kept, "workday") == Q_(93, "workday")
    assert leave.allowance_cents == oracles.cents(93, "2.88", "282.24") == 26784


def test_a_one_off_is_paid_once_over_several_years() -> None:
    """Over 2013 and 2014 the Lot's 100 EUR is paid once; assessed over 2014 alone, for
    an authorisation of 2013, it is not paid again."""
    policy = lot_policy()
    agent = lot_sample_agents()[0]
    both = policy.assess(agent, "2013-01-01", period=("2013-01-01", "2014-12-31"))
    lines = {line.name: line.cents for line in both.allowance_result.lines}
    assert lines["indemnité de démarrage"] == 10000
    later = policy.assess(agent, "2013-01-01", period=2014)
    assert later.allowance_cents == 0 and later.employer_cents == 0
    assert later.days == Q_(lot_days((dt.date(2014, 1, 1), dt.date(2014, 12, 31))), "workday")


def test_part_time_agents_get_their_own_cap() -> None:
    """Under the national framework an 80 % agent works 4 days and keeps 2 on site: an
    ask of 3 days is refused (presence on site), or reduced to 2."""
    policy = attrs.evolve(lot_policy(), quota=public_service_quota(), eligibility=Volunteer())
    agents = Workforce.from_agents(
        [
            Agent(id="F", hire_date="2010-01-01"),
            Agent(id="P", hire_date="2010-01-01", working_time="80 %"),
        ]
    )
    batch = policy.assess(agents, "2024-01-01", requested="3 workday/week")
    assert batch.granted.tolist() == [3.0, 0.0]
    assert batch.statuses().tolist() == ["granted", "refused"]
    assert batch.quota_failures(1) == ("quota.on_site",)
    reduced = attrs.evolve(policy, asks="reduce").assess(
        agents, "2024-01-01", requested="3 workday/week"
    )
    assert reduced.granted.tolist() == [3.0, 2.0] and reduced.reduced.tolist() == [False, True]


def test_selection_limits_who_is_entitled() -> None:
    """With 1 seat by commute distance, only the farthest eligible agent is granted days."""
    policy = attrs.evolve(lot_policy(), selection=SelectionCampaign(seats=1))
    batch = policy.assess(Workforce.from_agents(lot_sample_agents()), "2013-01-01")
    entitled = [str(i) for i in batch.decisions.ids[batch.entitled]]
    assert entitled == ["LOT-002"]
    assert batch.count("not_selected") == 1 and batch.count("granted") == 1


def test_compare_two_policies() -> None:
    """Adding the forfait moves the allowance by each teleworker's days × 2.88 EUR."""
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
    staff = Workforce.from_agents(lot_sample_agents())
    table = compare_policies(plain, richer, staff, "2023-01-01")
    assert table["gained"] == [] and table["lost"] == []
    days = lot_days((dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    per_agent = oracles.cents(days, "2.88", "253.44")
    granted = richer.assess_workforce(staff, "2023-01-01").count("granted")
    assert table["totals"]["allowance"]["difference"].m_as("EUR") == pytest.approx(
        granted * per_agent / 100
    )


def test_policy_validation() -> None:
    """Bad fields, dates and periods outside the period in force are typed errors."""
    with pytest.raises(ValidationError, match="eligibility"):
        attrs.evolve(lot_policy(), eligibility="lot")
    with pytest.raises(ValidationError, match="asks"):
        attrs.evolve(lot_policy(), asks="ignore")
    with pytest.raises(ValidationError, match="places"):
        attrs.evolve(lot_policy(), places={"garden"})
    with pytest.raises(ValidationError, match="in force"):
        lot_policy().assess(lot_sample_agents()[0], "2012-06-01")
    with pytest.raises(ValidationError, match="period") as caught:
        lot_policy().assess(lot_sample_agents()[0], "2013-01-01", period=2012)
    assert caught.value.field == "period"
    with pytest.raises(ValidationError, match="requested"):
        lot_policy().assess(lot_sample_agents()[0], "2013-01-01", requested="9 workday/week")
    with pytest.raises(ValidationError, match="leave"):
        attrs.evolve(lot_policy(), leave=LeaveAssumption(days="300 workday")).assess(
            lot_sample_agents()[0], "2013-01-01"
        )
    with pytest.raises(ValidationError, match="subdivision"):
        WorkCalendar(subdivision="Atlantis")
    with pytest.raises(ValidationError, match="absences"):
        Agent(
            id="A", hire_date="2010-01-01", absences="2024-01-01/2024-01-10;2024-01-05/2024-01-20"
        )
    assert lot_policy() == lot_policy() and hash(lot_policy()) == hash(lot_policy())


@given(agent_lists(hired_before=dt.date(2022, 12, 31), max_size=8))
def test_batch_equals_one_by_one(agents: list[Agent]) -> None:
    """Assessing a workforce gives each agent what assessing that agent alone gives, and
    the totals are the sums of the agents'."""
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
    total = 0
    for row, agent in enumerate(agents):
        single = policy.assess(agent, "2023-01-01")
        assert batch.explain(row) == single
        total += single.allowance_cents
    assert batch.totals()["allowance"].m_as("EUR") == pytest.approx(total / 100)
    assert np.all(batch.allowance_cents <= 10000 + 25344)


def test_stated_requests_are_checked_against_the_quota() -> None:
    """Without `requested`, each agent's stated pattern or number is used, the quota's
    maximum otherwise; an ask above the quota is refused."""
    policy = attrs.evolve(lot_policy(), quota=public_service_quota(), eligibility=Volunteer())
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
            Agent(id="E", hire_date="2010-01-01", pattern="mon, fri am"),
        ]
    )
    batch = policy.assess(staff, "2024-01-01")
    assert batch.granted.tolist() == [1.0, 0.0, 3.0, 1.5, 1.5]
    assert batch.statuses().tolist() == ["granted", "refused", "granted", "granted", "granted"]
    forced = policy.assess(staff, "2024-01-01", requested="2 workday/week")
    assert forced.granted.tolist() == [2.0, 2.0, 2.0, 2.0, 2.0]
    one = lot_policy().assess(
        Agent(id="L", hire_date="2010-01-01", requested_telework="1 workday/week"), "2013-01-01"
    )
    assert isinstance(one, Assessment)
    assert one.granted == Q_(1, "workday/week")
    wednesdays = oracles.weekdays_worked(*YEAR_2013, [2], oracles.holidays(2013))
    assert one.days == Q_(
        oracles.after_leave(2 * wednesdays, 25, oracles.working_days(2013, oracles.holidays(2013)))
        / 2,
        "workday",
    )


def test_places_the_policy_does_not_allow_are_refused() -> None:
    """A pattern at a place the policy does not allow is refused with policy.places."""
    policy = presets.load("lozere-2015")
    agent = Agent(id="Z", hire_date="2010-01-01", pattern="tue @ home")
    found = policy.assess(agent, "2015-03-02")
    assert found.status == "refused" and found.failures == ("policy.places",)
    centre = policy.assess(attrs.evolve(agent, pattern="tue @ telecentre"), "2015-03-02")
    assert centre.status == "granted"
    assert str(policy.assess(attrs.evolve(agent, pattern=None), "2015-03-02").pattern) == (
        "Wed @ telecentre"
    )


def test_without_a_quota_every_ask_must_be_stated() -> None:
    """With no quota, stated asks suffice; an agent who states none needs `requested`."""
    policy = attrs.evolve(lot_policy(), quota=None, eligibility=Volunteer())
    stated = Agent(id="A", hire_date="2010-01-01", requested_telework="4 workday/week")
    batch = policy.assess(Workforce.from_agents([stated]), "2024-01-01")
    assert batch.granted.tolist() == [4.0]
    silent = Workforce.from_agents([stated, Agent(id="B", hire_date="2010-01-01")])
    with pytest.raises(ValidationError, match="requested"):
        policy.assess(silent, "2024-01-01")
    again = policy.assess(silent, "2024-01-01", requested="1 workday/week")
    assert again.granted.tolist() == [1.0, 1.0]


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(policies(), st.integers(0, pickle.HIGHEST_PROTOCOL))
def test_a_policy_pickles_as_itself(policy: Policy, protocol: int) -> None:
    """Any policy pickles at any protocol and reads back equal, its quantities in the
    library's registry."""
    again = pickle.loads(pickle.dumps(policy, protocol))
    assert again == policy
    registries = {id(q._REGISTRY) for q in _quantities(again)}
    assert registries == {id(get_registry())}


def _quantities(value: object) -> list[Any]:
    """Every quantity held by a value of attrs classes, tuples and mappings."""
    if hasattr(value, "_REGISTRY"):
        return [value]
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[misc]
        return [q for f in fields if f.init for q in _quantities(getattr(value, f.name))]
    if isinstance(value, tuple | list | frozenset):
        return [q for item in value for q in _quantities(item)]
    if isinstance(value, dict):
        return [q for item in value.values() for q in _quantities(item)]
    return []


def test_pickling_leaves_what_was_worked_out_behind() -> None:
    """What a policy worked out (the outcome of each profile of one agent met) stays in
    its process: the policy read back starts with an empty store and assesses alike."""
    assessed = attrs.evolve(presets.load("lot-2013"))
    agent = lot_sample_agents()[0]
    here = assessed.assess(agent, "2013-01-01")
    assert assessed.memo()
    again = pickle.loads(pickle.dumps(assessed))
    assert again == assessed and again.memo() == {}
    there = again.assess(agent, "2013-01-01")
    assert (there.status, there.granted, there.days) == (here.status, here.granted, here.days)


def test_a_predicate_pickles_when_its_function_does() -> None:
    """A Predicate holds a Python function: a policy with one pickles when the function
    does (a module's function, by its name) and not otherwise (pickle's own error)."""
    policy = lot_policy()
    named = attrs.evolve(
        policy,
        eligibility=policy.eligibility
        & Predicate(name="badge", function=_badge, text="has a badge"),
    )
    again = pickle.loads(pickle.dumps(named))
    assert again == named
    agent = Agent(id="A", hire_date="2010-01-01", volunteer=False)
    assert not again.eligibility.evaluate(agent, on="2013-01-01").eligible
    local = attrs.evolve(
        policy,
        eligibility=Predicate(name="badge", function=lambda w, on: w.volunteer, text="has a badge"),
    )
    with pytest.raises((pickle.PicklingError, AttributeError), match="lambda"):
        pickle.dumps(local)


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
    """Pickling and copies keep every part, factors and units without a symbol included."""
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
    """copy and deepcopy keep a Predicate, whatever its function."""
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
    for column in (batch.entitled, batch.granted, batch.days, batch.allowance_cents, batch.status):
        with pytest.raises(ValueError, match="read-only"):
            column[1] = 0
    assert explained.granted == Q_(1.5, "workday/week")


def test_a_name_must_be_writable_text() -> None:
    """A lone surrogate could not be written to a document (nor pickled): refused."""
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(lot_policy(), name="Lot \udc80")
    assert caught.value.field == "name"


def test_a_profile_met_only_far_down_the_register() -> None:
    """Profiles are found in the first rows first: an agent whose profile appears only
    after thousands of others still gets their own answer (the one they get alone)."""
    policy = presets.load("public-service")
    usual = [
        Agent(id=f"A{i}", hire_date="2010-01-01", requested_telework="2 workday/week")
        for i in range(5000)
    ]
    late = Agent(id="LATE", hire_date="2010-01-01", working_time="80 %", pattern="mon, tue am")
    staff = Workforce.from_agents([*usual[:4500], late, *usual[4500:]])
    batch = policy.assess(staff, "2024-01-01")
    alone = policy.assess(late, "2024-01-01")
    assert batch.days[4500] == alone.days.m_as("workday") != batch.days[0]
    assert batch.explain(4500) == alone


def test_the_ask_of_a_stated_pattern_is_its_days() -> None:
    """An agent stating a pattern asks for its days a week, in every figure that shows
    the ask; a policy without a quota takes the pattern as the ask."""
    agent = Agent(id="A", hire_date="2015-01-01", pattern="tue, thu am", absences="none")
    policy = presets.load("public-service")
    result = policy.assess(agent, "2024-01-01")
    assert result.asked == Q_(1.5, "workday/week") == result.granted
    assert result.to_dict()["asked"]["per_week"] == {"value": 1.5, "unit": "workday/week"}
    assert "(1.5 days a week)" in result.text()
    batch = policy.assess(Workforce.from_agents([agent]), "2024-01-01")
    assert batch.asked.tolist() == [1.5]
    free = attrs.evolve(policy, quota=None).assess(agent, "2024-01-01")
    assert free.status == "granted" and free.days == result.days


def test_an_ask_of_no_day_asks_for_nothing() -> None:
    """No day a week (or an empty pattern) is not an ask: status not_asked, no day, no
    one-off, not counted as granted nor refused, in one agent and in a workforce alike."""
    lot = presets.load("lot-2013")
    agent = Agent(id="L", hire_date="2011-03-01", role="instructeur")
    alone = lot.assess(agent, "2013-01-01", requested="0 workday/week")
    assert (alone.status, alone.failures) == ("not_asked", ())
    assert alone.days == Q_(0, "workday") and alone.allowance_cents == 0
    assert alone.text().splitlines()[-1] == "no telework asked for: nothing to grant"
    assert "aucun télétravail demandé" in alone.text("fr")
    empty = lot.assess(attrs.evolve(agent, pattern=WeeklyPattern.of([])), "2013-01-01")
    assert empty.status == "not_asked"
    staff = Workforce.from_agents(
        [agent, attrs.evolve(agent, id="M", requested_telework="0 workday/week")]
    )
    batch = lot.assess(staff, "2013-01-01")
    assert batch.statuses().tolist() == ["granted", "not_asked"]
    totals = batch.totals()
    assert (totals["granted"], totals["refused"], totals["not_asked"]) == (1, 0, 1)
    assert totals["allowance"] == Q_(100, "EUR")


def test_empty_text_means_not_stated() -> None:
    """An empty pattern or absences cell, from Python as from a file, is not stated."""
    agent = Agent(id="A", hire_date="2010-01-01", pattern=" ", absences="")
    assert agent.pattern is None and agent.absences is None
    assert Agent(id="B", hire_date="2010-01-01", absences="aucune").absences == ()


def test_the_leave_share_shown_is_the_one_applied() -> None:
    """With weeks worked and a six-day week, the share the detail shows is the share the
    layout applied (the days lost agree with it)."""
    from teletravail.scheduling import Quota

    policy = attrs.evolve(
        presets.load("public-service"),
        calendar=WorkCalendar(weekend={6}),
        quota=Quota(maximum="3 workday/week", full_week=6),
        leave=LeaveAssumption(weeks_worked=45),
    )
    result = policy.assess(Agent(id="A", hire_date="2010-01-01", pattern="tue, sat"), "2024-01-01")
    detail = result.days_detail()
    share = detail["leave_share"]["2024"]
    working = WorkCalendar(weekend={6}).working_days_in_year(2024)
    assert share == pytest.approx(1 - 45 * 6 / working)
    assert detail["planned"] - detail["leave"] == detail["total"]
    assert abs(detail["leave"] - detail["planned"] * share) <= 0.5


def test_rows_that_cannot_be_assessed_are_reported_one_by_one() -> None:
    """Absences in another year, or figures a component cannot compute for one agent,
    make that row invalid (named, with its field), and the others are assessed; one
    agent gets the error itself."""
    from teletravail.allowance.columns import Amounts
    from teletravail.allowance.component import Component
    from teletravail.errors import WorkforceError

    policy = presets.load("public-service")
    wrong_year = Agent(
        id="A", hire_date="2010-01-01", pattern="tue", absences="2020-01-01/2020-01-10"
    )
    fine = Agent(id="B", hire_date="2010-01-01", pattern="tue")
    with pytest.raises(ValidationError, match=r"absences: .*calendar years assessed") as caught:
        policy.assess(wrong_year, "2024-01-01")
    assert caught.value.field == "absences"
    staff = Workforce.from_agents([wrong_year, fine])
    with pytest.raises(WorkforceError, match="row 0: absences"):
        policy.assess(staff, "2024-01-01")
    batch = policy.assess(staff, "2024-01-01", errors="report")
    assert batch.statuses().tolist() == ["invalid", "granted"]
    assert [(e.row, e.field) for e in batch.errors] == [(0, "absences")]
    assert batch.totals()["granted"] == 1 and batch.totals()["eligible"] == 1
    # a year's list of absences is fine for a quarter of it
    year_list = attrs.evolve(wrong_year, absences="2024-08-01/2024-08-20")
    assert (
        policy.assess(year_list, "2024-01-01", period="2024-01-01..2024-03-31").status == "granted"
    )

    @attrs.frozen(kw_only=True)
    class Picky(Component):  # refuses schedules with a Wednesday, as a future rule might
        kind = "per_day"
        name: str = "picky"
        source: None = None

        def amounts(self, days: object, *, network: object = None) -> Amounts:
            weekdays = (days.dates.astype("datetime64[D]").astype(np.int64) + 3) % 7  # type: ignore[attr-defined]
            if (days.halves[:, weekdays == 2] > 0).any():  # type: ignore[attr-defined]
                raise ValidationError("picky", "a Wednesday", "no telework on Wednesdays")
            return Amounts(component=self, cents=np.zeros(days.schedules, dtype=np.int64))  # type: ignore[attr-defined]

    picky = attrs.evolve(policy, allowance=Allowance(components=[Picky()]))
    wednesday = Agent(id="W", hire_date="2010-01-01", pattern="wed")
    staff = Workforce.from_agents([fine, wednesday, attrs.evolve(fine, id="C")])
    with pytest.raises(WorkforceError, match="row 1: picky"):
        picky.assess(staff, "2024-01-01")
    batch = picky.assess(staff, "2024-01-01", errors="report")
    assert batch.statuses().tolist() == ["granted", "invalid", "granted"]
    assert batch.days[0] == batch.days[2] > 0


def test_a_period_before_the_decision_is_refused() -> None:
    """Telework follows the decision: a period ending before it is an error."""
    policy = presets.load("public-service")
    agent = Agent(id="A", hire_date="2010-01-01", pattern="tue")
    with pytest.raises(ValidationError, match="ends on or after the decision") as caught:
        policy.assess(agent, "2024-07-01", period=2023)
    assert caught.value.field == "period"


def test_a_scheme_of_floating_days_only() -> None:
    """Floating days only: no weekday is fixed; the ask is checked against the quota,
    and the days are the volume, laid out earliest first (2 a month: 24 in 2024)."""
    from teletravail.scheduling import FloatingDays, Quota

    quota = Quota(
        maximum="3 workday/week",
        on_site_minimum="2 workday/week",
        floating=FloatingDays(volume="2 workday", per="month"),
        modality="floating",
    )
    policy = attrs.evolve(presets.load("public-service"), quota=quota)
    agent = Agent(id="A", hire_date="2010-01-01", requested_telework="2 workday/week", absences=())
    found = policy.assess(agent, "2024-01-01")
    assert found.status == "granted" and found.pattern is None
    assert found.days == Q_(24, "workday") and found.days_detail()["floating"] == 24
    assert found.text().splitlines()[-4] == "granted: floating days, 2 days a month"
    too_much = policy.assess(attrs.evolve(agent, requested_telework="4 workday/week"), "2024-01-01")
    assert too_much.status == "refused" and "quota.maximum" in too_much.failures
