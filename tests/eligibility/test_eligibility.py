"""Criteria, their composition, decisions, and batch evaluation on columns."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_
from teletravail.dated import Duration
from teletravail.dates import FIRST_DATE, LAST_DATE
from teletravail.eligibility import (
    AllOf,
    AnyOf,
    Decision,
    ExcludedRoles,
    HasDerogation,
    MinimumCommuteDistance,
    MinimumCommuteTime,
    MinimumSeniority,
    MinimumWorkingTime,
    Not,
    Predicate,
    Rule,
    TeleworkablePost,
    Volunteer,
    all_of,
    any_of,
)
from teletravail.errors import (
    ReferenceDateError,
    TeletravailError,
    UnitError,
    ValidationError,
    WorkforceError,
)
from teletravail.workforce import Agent, Workforce

from ..strategies import (
    agent_lists,
    agents,
    durations,
    lot_rule,
    lozere_selection,
    reference_dates,
    rules,
)

ON = dt.date(2013, 1, 1)


def agent(**fields: object) -> Agent:
    """An eligible Lot applicant unless the fields say otherwise."""
    base: dict[str, object] = {"id": "A1", "hire_date": "2010-01-01", "role": "instructeur"}
    base.update(fields)
    return Agent(**base)  # type: ignore[arg-type]


# -- the edge cases the issue names ---------------------------------------------------------


def test_seniority_29_february() -> None:
    """Hired on 2012-02-29: one year is reached on 2013-02-28, not the day before."""
    rule = MinimumSeniority(minimum="1 year")
    hired = agent(hire_date="2012-02-29")
    assert not rule.evaluate(hired, "2013-02-27").eligible
    decision = rule.evaluate(hired, "2013-02-28")
    assert decision.eligible
    assert decision.result.observed == Duration(years=1)  # type: ignore[union-attr]


def test_seniority_hired_on_the_reference_date() -> None:
    """An agent hired on the reference date has no seniority and is assessable."""
    decision = MinimumSeniority(minimum="1 year").evaluate(agent(hire_date=ON), ON)
    assert not decision.eligible
    assert decision.result.observed == Duration()  # type: ignore[union-attr]


def test_hired_after_the_reference_date_is_an_error() -> None:
    """An agent hired after the reference date raises, naming hire_date and the date."""
    with pytest.raises(ReferenceDateError, match="1 January 2013") as caught:
        lot_rule().evaluate(agent(hire_date="2013-01-02"), ON)
    assert caught.value.field == "hire_date"


def test_working_time_exactly_90_percent() -> None:
    """Exactly 90 % passes, whether written as a percent or as the fraction 0.9."""
    rule = MinimumWorkingTime(minimum=Q_(0.9, ""))
    assert rule.evaluate(agent(working_time="90 %"), ON).eligible
    assert rule.evaluate(agent(working_time=Q_(0.9, "")), ON).eligible
    assert not rule.evaluate(agent(working_time="89.99 %"), ON).eligible


def test_lot_2013_refusal_lists_all_failures() -> None:
    """A refusal names every failing criterion, not only the first."""
    decision = lot_rule().evaluate(
        agent(hire_date="2012-06-01", working_time="80 %", role="cadre", volunteer=False), ON
    )
    assert not decision.eligible
    assert decision.failures == (
        "seniority.minimum",
        "working_time.minimum",
        "role.excluded",
        "volunteer",
    )
    assert [r.code for r in decision.failed_criteria()] == list(decision.failures)


def test_lot_2013_sources_cite_the_article() -> None:
    """Every criterion of the Lot rule cites the Gazette des communes of 6 July 2012."""
    decision = lot_rule().evaluate(agent(), ON)
    assert decision.eligible and decision.failures == ()
    cited = {
        (leaf.source.title, leaf.source.publication, leaf.source.date)
        for leaf in decision.result.leaves()
        if leaf.source
    }
    assert cited == {
        (
            "Le conseil général du Lot généralise le télétravail après un an d'expérimentation",
            "La Gazette des communes",
            dt.date(2012, 7, 6),
        )
    }


@pytest.mark.parametrize("tag", ["cadre", "production", "travail_social", "applications_metier"])
def test_excluded_by_tag(tag: str) -> None:
    """An excluded family given as a tag excludes as well as the role."""
    assert lot_rule().evaluate(agent(tags={tag}), ON).failures == ("role.excluded",)


def test_commute_criteria_and_unknown_values() -> None:
    """Distance and time thresholds include the limit; an unknown commute does not pass."""
    distance = MinimumCommuteDistance(minimum="30 km")
    assert distance.evaluate(agent(commute_distance="30 km"), ON).eligible
    assert not distance.evaluate(agent(commute_distance="29.9 km"), ON).eligible
    unknown = distance.evaluate(agent(), ON)
    assert not unknown.eligible and unknown.result.observed is None  # type: ignore[union-attr]
    assert "unknown" in unknown.text() and "inconnu" in unknown.text("fr")
    time = MinimumCommuteTime(minimum="45 min")
    assert time.evaluate(agent(commute_time="1 h"), ON).eligible
    with pytest.raises(UnitError):
        MinimumCommuteDistance(minimum="30 min")


def test_derogation_exception_waives_working_time() -> None:
    """A health derogation in force waives the 90 % rule; outside its dates it does not."""
    rule = MinimumWorkingTime().unless(HasDerogation(kinds={"health"}))
    part_time = agent(working_time="50 %", derogations=["health:2012-07-01/2013-06-30"])
    decision = rule.evaluate(part_time, ON)
    assert decision.eligible and decision.result.waived  # type: ignore[union-attr]
    assert "waived" in decision.text()
    later = rule.evaluate(part_time, "2013-07-01")
    assert not later.eligible
    assert later.failures == ("working_time.minimum",)  # not the exception's failure


def test_or_does_not_report_the_passing_branch() -> None:
    """A | B that passes reports no failure; failing, it reports both branches."""
    rule = MinimumCommuteDistance(minimum="30 km") | MinimumCommuteTime(minimum="45 min")
    assert rule.evaluate(agent(commute_time="50 min"), ON).failures == ()
    assert rule.evaluate(agent(), ON).failures == (
        "commute_distance.minimum",
        "commute_time.minimum",
    )


def test_not_reports_the_negated_rule() -> None:
    """~rule failing blames the negation, with the codes it wraps."""
    rule = ~ExcludedRoles(roles={"cadre"})
    assert rule.evaluate(agent(role="cadre"), ON).eligible
    assert rule.evaluate(agent(), ON).failures == ("not(role.excluded)",)
    assert ~rule == ExcludedRoles(roles={"cadre"})


def test_composition_flattens_and_compares() -> None:
    """a & b & c is one AllOf; equal rules compare equal and hash alike."""
    a, b, c = Volunteer(), TeleworkablePost(), MinimumWorkingTime()
    assert (a & b & c) == all_of(a, b, c) == AllOf(rules=(a, b, c))
    assert (a | b | c) == any_of(a, b, c)
    assert hash(lot_rule()) == hash(lot_rule())
    assert isinstance(~a, Not) and isinstance(a | b, AnyOf)
    with pytest.raises(ValidationError):
        all_of()
    with pytest.raises(ValidationError):
        a & "volunteer"  # type: ignore[operator]


def test_predicate_vectorised() -> None:
    """A predicate computes on the columns and shows its description."""
    far = Predicate(
        name="site.remote",
        function=lambda wf, on: wf.commute_distance.m_as("km") > 40,
        text="lives more than 40 km away",
        text_fr="habite à plus de 40 km",
    )
    decision = far.evaluate(agent(commute_distance="50 km"), ON)
    assert decision.eligible and "40 km away" in decision.text()
    assert "plus de 40 km" in decision.text("fr")
    broken = Predicate(name="broken", function=lambda wf, on: np.ones(3), text="x")
    with pytest.raises(ValidationError, match="boolean array"):
        broken.evaluate(agent(), ON)
    failing = Predicate(name="boom", function=lambda wf, on: 1 / 0, text="x")
    with pytest.raises(TeletravailError, match="boom"):
        failing.evaluate(agent(), ON)
    with pytest.raises(ValidationError):
        Predicate(name="two words", function=lambda wf, on: wf.volunteer, text="x")


def test_decision_text_in_both_languages() -> None:
    """Text is rendered from the data in English and French, with the source."""
    decision = lot_rule().evaluate(agent(working_time="80 %"), ON)
    english, french = decision.text("en"), decision.text("fr")
    assert "not eligible" in english and "✗ working time: 80%, less than" in english
    assert "non éligible" in french and "✗ quotité de travail\u00a0: 80\u00a0%, en deçà" in french
    assert "to be eligible: working time of at least 90%" in english
    title = "Le conseil général du Lot généralise le télétravail après un an d'expérimentation"
    assert f"source: \u201c{title}\u201d, La Gazette des communes, 6 July 2012" in english
    assert f"source\u00a0: «\u00a0{title}\u00a0», La Gazette des communes, 6 juillet 2012" in french
    assert ".txt" not in english + french
    assert str(decision) == english
    with pytest.raises(ValidationError):
        decision.text("de")  # type: ignore[arg-type]


def test_decision_json_document() -> None:
    """to_dict is JSON-ready, versioned, and reads back equal."""
    decision = lot_rule().evaluate(agent(commute_distance="18 km"), ON)
    document = json.loads(json.dumps(decision.to_dict()))
    assert document["schema_version"] == 2
    assert document["result"]["children"][0]["threshold"] == {"duration": "P1Y"}
    assert Decision.from_dict(document) == decision
    with pytest.raises(ValidationError):
        Decision.from_dict({**document, "schema_version": 99})


# -- batches ----------------------------------------------------------------------------------


def test_batch_report_mode_marks_future_hires() -> None:
    """In a batch, agents hired after the date are reported, the others still decided."""
    workforce = Workforce.from_agents(
        [agent(id="A"), agent(id="B", hire_date="2014-01-01"), agent(id="C", role="cadre")]
    )
    with pytest.raises(WorkforceError) as caught:
        lot_rule().evaluate(workforce, ON)
    assert [(e.row, e.field) for e in caught.value.errors] == [(1, "hire_date")]
    batch = lot_rule().evaluate(workforce, ON, errors="report")
    assert batch.eligible.tolist() == [True, False, False]
    assert batch.invalid.tolist() == [False, True, False]
    assert batch.eligible_ids() == ("A",)
    summary = batch.summary()
    assert (summary["eligible"], summary["not_eligible"], summary["invalid"]) == (1, 1, 1)
    assert summary["failures"]["role.excluded"] == 1
    assert [r["status"] for r in batch.to_records()] == ["eligible", "invalid", "not_eligible"]
    with pytest.raises(ValidationError, match="hire_date"):
        batch.explain("B")
    assert batch.explain("C").failures == ("role.excluded",)
    assert list(batch.to_pandas()["status"]) == ["eligible", "invalid", "not_eligible"]


def test_mask_is_the_eligible_column() -> None:
    """rule.mask gives the same column as evaluate(...).eligible."""
    workforce = Workforce.from_agents([agent(id="A"), agent(id="B", working_time="60 %")])
    assert lot_rule().mask(workforce, ON).tolist() == [True, False]


@given(rules, agent_lists(hired_before=dt.date(2015, 12, 31)), reference_dates)
def test_batch_equals_one_by_one(rule: Rule, agents: list[Agent], on: dt.date) -> None:
    """Any rule gives the same decisions on a workforce as agent by agent."""
    on = max(on, dt.date(2016, 1, 1))
    batch = rule.evaluate(Workforce.from_agents(agents), on)
    for row, one in enumerate(agents):
        single = rule.evaluate(one, on)
        assert batch.explain(row) == single
        assert bool(batch.eligible[row]) == single.eligible


@given(rules, rules, agent_lists(hired_before=dt.date(2020, 1, 1)))
def test_de_morgan(a: Rule, b: Rule, agents: list[Agent]) -> None:
    """~(a & b) == ~a | ~b and ~(a | b) == ~a & ~b, row by row."""
    workforce = Workforce.from_agents(agents)
    on = dt.date(2020, 1, 1)
    assert np.array_equal((~(a & b)).mask(workforce, on), (~a | ~b).mask(workforce, on))
    assert np.array_equal((~(a | b)).mask(workforce, on), (~a & ~b).mask(workforce, on))
    assert np.array_equal((~~a).mask(workforce, on), a.mask(workforce, on))


@given(rules, agents(agent_id="X", hired_before=dt.date(2020, 1, 1)))
def test_decisions_round_trip_through_dict(rule: Rule, one: Agent) -> None:
    """Any decision survives to_dict → JSON → from_dict unchanged."""
    decision = rule.evaluate(one, dt.date(2020, 1, 1))
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision


@given(rules, agents(agent_id="X", hired_before=dt.date(2020, 1, 1)))
def test_failures_only_when_refused(rule: Rule, one: Agent) -> None:
    """An eligible decision has no failures; a refused one has at least one."""
    decision = rule.evaluate(one, dt.date(2020, 1, 1))
    assert (decision.failures == ()) == decision.eligible


@given(
    durations,
    st.dates(dt.date(2000, 1, 1), dt.date(2020, 1, 1)),
    st.dates(dt.date(2000, 1, 1), dt.date(2020, 1, 1)),
    reference_dates,
)
def test_seniority_monotonic_in_hire_date(
    minimum: Duration, a: dt.date, b: dt.date, on: dt.date
) -> None:
    """Hired earlier never loses eligibility on seniority."""
    earlier, later = sorted((a, b))
    on = max(on, later)
    rule = MinimumSeniority(minimum=minimum)
    if rule.evaluate(agent(hire_date=later), on).eligible:
        assert rule.evaluate(agent(hire_date=earlier), on).eligible


@given(durations, st.dates(dt.date(2000, 1, 1), dt.date(2020, 1, 1)), reference_dates)
def test_seniority_matches_calendar_definition(
    minimum: Duration, hired: dt.date, on: dt.date
) -> None:
    """The vectorised cut-off agrees with 'hire date + minimum <= reference date'."""
    on = max(on, hired)
    expected = minimum.after(hired) <= on
    assert (
        MinimumSeniority(minimum=minimum).evaluate(agent(hire_date=hired), on).eligible == expected
    )


@given(st.floats(1, 100), st.floats(1, 100))
def test_working_time_monotonic(low: float, high: float) -> None:
    """A larger working time never loses eligibility on the working-time criterion."""
    low, high = sorted((low, high))
    rule = MinimumWorkingTime(minimum="90 %")
    if rule.evaluate(agent(working_time=Q_(low, "percent")), ON).eligible:
        assert rule.evaluate(agent(working_time=Q_(high, "percent")), ON).eligible


def test_evaluate_rejects_other_subjects_and_modes() -> None:
    """Only agents and workforces are evaluated; errors must be 'raise' or 'report'."""
    with pytest.raises(ValidationError):
        lot_rule().evaluate("A1", ON)  # type: ignore[call-overload]
    with pytest.raises(ValidationError):
        lot_rule().evaluate(agent(), ON, errors="ignore")  # type: ignore[arg-type]


def test_batch_results_are_read_only() -> None:
    """A batch decision cannot be altered through its arrays or attributes."""
    workforce = Workforce.from_agents([agent(id="A"), agent(id="B", role="cadre")])
    batch = (Volunteer() & ExcludedRoles(roles={"cadre"})).evaluate(workforce, ON)
    with pytest.raises(ValueError, match="read-only"):
        batch.eligible[:] = False
    with pytest.raises(ValueError, match="read-only"):
        batch.invalid[:] = True
    with pytest.raises(AttributeError):
        batch.rule = Volunteer()  # type: ignore[misc]
    assert batch.count() == 1


def test_failure_counts_count_each_agent_once_per_code() -> None:
    """A code used twice in a rule still counts a refused agent once."""
    rule = MinimumSeniority(minimum="1 year") & MinimumSeniority(minimum="2 years")
    workforce = Workforce.from_agents(
        [agent(id="A", hire_date="2012-06-01"), agent(id="B", hire_date="2005-01-01")]
    )
    assert rule.evaluate(workforce, ON).failure_counts() == {"seniority.minimum": 1}


def test_failed_criteria_of_a_negation() -> None:
    """A refusal by ~rule points at the criteria under the negation."""
    decision = (~Volunteer()).evaluate(agent(), ON)
    assert decision.failures == ("not(volunteer)",)
    assert [leaf.code for leaf in decision.failed_criteria()] == ["volunteer"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.pop("on"), "decision.on"),
        (lambda d: d.update(on="2013-02-30"), "decision.on"),
        (lambda d: d.update(eligible="false"), "decision.eligible"),
        (lambda d: d.update(failures="abc"), "decision.failures"),
        (lambda d: d.update(failures=["volunteer"]), "decision.failures"),
        (lambda d: d["result"]["children"][1].update(passed=1), r"result\.children\[1\]\.passed"),
        (
            lambda d: d["result"]["children"][1]["observed"].update(unit="furlongz"),
            r"result\.children\[1\]\.observed",
        ),
        (
            lambda d: d["result"]["children"][0]["source"].update(titel="x"),
            r"result\.children\[0\]\.source\.titel",
        ),
        (lambda d: d["result"].update(kind="some"), r"result\.kind"),
    ],
)
def test_decision_from_dict_reports_the_key_path(change: object, path: str) -> None:
    """A damaged document is refused with the path of the damaged key."""
    document = json.loads(json.dumps(lot_rule().evaluate(agent(), ON).to_dict()))
    change(document)  # type: ignore[operator]
    with pytest.raises(ValidationError, match=path):
        Decision.from_dict(document)
    with pytest.raises(ValidationError):
        Decision.from_dict([])  # type: ignore[arg-type]


def test_thresholds_are_checked() -> None:
    """Impossible or malformed minimums are refused at construction."""
    for build in (
        lambda: MinimumWorkingTime(minimum="200 %"),
        lambda: MinimumCommuteDistance(minimum="-5 km"),
        lambda: MinimumCommuteDistance(minimum=Q_(float("nan"), "km")),
        lambda: MinimumCommuteDistance(minimum=Q_(np.array([1.0, 2.0]), "km")),
        lambda: ExcludedRoles(roles=""),
        lambda: ExcludedRoles(roles=5),
        lambda: HasDerogation(kinds=5),
        lambda: AllOf(rules=5),
    ):
        with pytest.raises(ValidationError):
            build()


def test_predicates_cannot_take_built_in_codes_and_compare_their_function() -> None:
    """A predicate named 'volunteer' is refused; two functions make two predicates."""
    with pytest.raises(ValidationError, match="built-in"):
        Predicate(name="volunteer", function=lambda wf, on: wf.volunteer, text="x")
    with pytest.raises(ValidationError, match="text"):
        Predicate(name="p", function=lambda wf, on: wf.volunteer, text=None)  # type: ignore[arg-type]
    one = Predicate(name="p", function=lambda wf, on: wf.volunteer, text="x")
    two = Predicate(name="p", function=lambda wf, on: ~wf.volunteer, text="x")
    assert one != two


def test_reference_dates_at_the_calendar_limits() -> None:
    """Evaluating on the first or last supported day gives answers; a date beyond them
    (year 1, year 9999) is a typed error naming the field, not a calendar overflow."""
    assert lot_rule().evaluate(agent(), LAST_DATE).eligible
    early = Agent(id="E", hire_date=FIRST_DATE)
    assert not MinimumSeniority(minimum="1 year").evaluate(early, "1900-06-01").eligible
    with pytest.raises(ValidationError, match="on: expected a date from 1900-01-01") as caught:
        lot_rule().evaluate(agent(), "9999-12-31")
    assert caught.value.field == "on"
    with pytest.raises(ValidationError) as caught:
        Agent(id="E", hire_date="0001-01-01")
    assert caught.value.field == "hire_date"


def test_rejected_and_invalid_rows_are_in_the_summary_and_records() -> None:
    """Rows the workforce rejected and agents not assessable are all accounted for."""
    workforce = Workforce.from_records(
        [
            {"id": "A", "hire_date": "2010-01-01"},
            {"id": "B", "hire_date": "not a date"},
            {"id": "C", "hire_date": "2014-01-01"},
        ],
        errors="report",
    )
    batch = lot_rule().evaluate(workforce, ON, errors="report")
    summary = batch.summary()
    assert (summary["rows"], summary["agents"], summary["rejected"], summary["invalid"]) == (
        3,
        2,
        1,
        1,
    )
    assert [e["row"] for e in summary["errors"]] == [1, 2]
    records = batch.to_records()
    assert [(r["row"], r["status"]) for r in records] == [
        (0, "eligible"),
        (1, "rejected"),
        (2, "invalid"),
    ]
    assert records[2]["failures"] == [] and "2014-01-01" in records[2]["error"]
    with pytest.raises(ReferenceDateError):
        batch.explain("C")


@given(rules, agent_lists(hired_before=dt.date(2015, 12, 31)))
def test_batch_from_records_equals_one_by_one(rule: Rule, agents: list[Agent]) -> None:
    """Through to_records and from_records, a workforce gives each agent's own decision."""
    on = dt.date(2016, 1, 1)
    workforce = Workforce.from_records(Workforce.from_agents(agents).to_records())
    batch = rule.evaluate(workforce, on)
    for row, one in enumerate(agents):
        assert batch.explain(row) == rule.evaluate(one, on)


def test_empty_workforce() -> None:
    """A workforce of no agents evaluates, summarises and selects to empty answers."""
    for workforce in (Workforce.from_records([]), Workforce.from_columns(ids=[], hire_date=[])):
        batch = lot_rule().evaluate(workforce, ON)
        assert len(batch) == 0 and batch.count() == 0
        assert batch.summary()["rows"] == 0 and batch.to_records() == []
        assert lozere_selection().run(batch).selected_ids() == ()
