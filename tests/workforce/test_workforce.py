"""Agents, workforces as columns, and their per-row errors."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_
from teletravail.errors import UnitError, ValidationError, WorkforceError
from teletravail.workforce import Agent, Categories, Coded, CommuteMode, Derogation, Workforce

from ..strategies import agent_lists, planned_agent_lists


def test_agent_defaults_and_conversions() -> None:
    """Strings become dates, quantities and enums; defaults describe an applicant."""
    agent = Agent(id="A1", hire_date="2011-03-01", working_time="90 %", commute_distance="28 km")
    assert agent.hire_date == dt.date(2011, 3, 1)
    assert agent.working_time == Q_(90, "percent")
    assert agent.commute_distance == Q_(28, "km")
    assert agent.commute_mode is CommuteMode.CAR_THERMAL
    assert agent.volunteer and agent.teleworkable_post
    assert agent.commute_time is None and agent.derogations == ()


def test_agent_stores_quantities_in_workforce_units() -> None:
    """An agent keeps its quantities in percent, km and min, whatever unit it was given."""
    agent = Agent(
        id="A",
        hire_date="2010-01-01",
        working_time=Q_(0.8, ""),
        commute_distance="1500 m",
        commute_time="1.25 h",
    )
    assert (agent.working_time.magnitude, str(agent.working_time.units)) == (80.0, "percent")
    assert (agent.commute_distance.magnitude, str(agent.commute_distance.units)) == (
        1.5,
        "kilometer",
    )
    assert (agent.commute_time.magnitude, str(agent.commute_time.units)) == (75.0, "minute")
    import attrs

    assert attrs.evolve(agent, commute_distance="2 mi").commute_distance.units == Q_(1, "km").units


def test_working_time_as_fraction_or_percent() -> None:
    """A dimensionless 0.9 and 90 % are the same working time."""
    assert Agent(id="A", hire_date="2010-01-01", working_time=Q_(0.9, "")).working_time == Q_(
        90, "percent"
    )


@pytest.mark.parametrize(
    ("field", "value", "error", "message"),
    [
        ("working_time", 90, UnitError, "bare number"),
        ("working_time", "120 %", ValidationError, r"\(0 %, 100 %\]"),
        ("working_time", "0 %", ValidationError, r"\(0 %, 100 %\]"),
        ("commute_distance", "3 kg", UnitError, r"\[length\]"),
        ("commute_distance", "-3 km", ValidationError, ">= 0"),
        ("commute_time", "20 km", UnitError, r"\[time\]"),
        ("commute_mode", "car", ValidationError, "car_thermal, car_electric"),
        ("commute_mode", "buss", ValidationError, "did you mean 'bus'"),
        ("hire_date", "31/12/2010", ValidationError, "ISO date"),
        ("id", "", ValidationError, "non-empty"),
        ("volunteer", "maybe", ValidationError, "true or false"),
        ("requested_telework", 1.5, UnitError, "bare number"),
        ("requested_telework", "1.5 day/week", UnitError, "24 hours"),
        ("requested_telework", "1.5 workday", UnitError, r"\[workday\] / \[time\]"),
        ("requested_telework", "8 workday/week", ValidationError, "0 to 7 workday/week"),
        ("requested_telework", "-1 workday/week", ValidationError, "0 to 7 workday/week"),
        ("requested_telework", Q_(float("inf"), "workday/week"), ValidationError, "0 to 7"),
        ("pattern", "tue at the beach", ValidationError, "thu am @ home"),
        ("days_off", "funday", ValidationError, "weekday"),
        ("days_off", "mon;tue;wed;thu;fri;sat;sun", ValidationError, "at least one weekday"),
        ("telecentre_distance", "-1 km", ValidationError, ">= 0"),
        ("absences", "2024-08-09/2024-07-15", ValidationError, "end is a date on or after"),
        ("absences", "2024-08-09/2024-13-15", ValidationError, "end is a date that exists"),
        ("absences", "2024-08-09", ValidationError, "'start/end'"),
        ("authorisation", "soon", ValidationError, "'start/end'"),
        ("authorisation", "2024-05-01/2024-01-01", ValidationError, "start 2024-05-01"),
        ("authorisation", "2024-01-01/, adaptation 6 months", ValidationError, "3 months"),
    ],
)
def test_agent_bad_fields_name_the_field(
    field: str, value: object, error: type[Exception], message: str
) -> None:
    """Every bad field raises a typed error that names the field and the value."""
    fields: dict[str, object] = {"id": "A1", "hire_date": "2010-01-01", field: value}
    with pytest.raises(error, match=message) as caught:
        Agent(**fields)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == field
    assert field in str(caught.value)


def test_derogations() -> None:
    """Derogations parse from text, know when they are in force, and refuse bad spans."""
    agent = Agent(
        id="A", hire_date="2010-01-01", derogations="health:2024-01-01/2024-06-30;carer:2024-05-01/"
    )
    assert [d.kind.value for d in agent.active_derogations(dt.date(2024, 5, 15))] == [
        "health",
        "carer",
    ]
    assert [d.kind.value for d in agent.active_derogations(dt.date(2025, 1, 1))] == ["carer"]
    assert str(agent.derogations[0]) == "health:2024-01-01/2024-06-30"
    with pytest.raises(ValidationError, match="kind"):
        Derogation(kind="holiday", start="2024-01-01")
    with pytest.raises(ValidationError):
        Derogation(kind="health", start="2024-02-01", end="2024-01-01")
    with pytest.raises(ValidationError):
        Derogation.parse("health")


def test_agents_are_values() -> None:
    """Equal agents compare equal and hash alike; evolve makes variants."""
    import attrs

    one = Agent(id="A", hire_date="2010-01-01", tags={"cadre"})
    two = Agent(id="A", hire_date=dt.date(2010, 1, 1), tags=["cadre"])
    assert one == two and hash(one) == hash(two)
    changed = attrs.evolve(one, working_time="80 %")
    assert changed.working_time == Q_(80, "percent") and one.working_time == Q_(100, "percent")


@given(agent_lists(hired_before=dt.date(2030, 1, 1)))
def test_workforce_round_trips_agents(agents: list[Agent]) -> None:
    """A workforce built from agents gives back equal agents, row by row."""
    workforce = Workforce.from_agents(agents)
    assert len(workforce) == len(agents)
    assert list(workforce) == agents


def test_columns_are_quantities_and_read_only() -> None:
    """Quantity columns wrap whole arrays in fixed units, and no column can be written."""
    workforce = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2010-01-01", commute_distance="1500 m", role="cadre"),
            Agent(id="B", hire_date="2011-01-01", working_time="80 %"),
        ]
    )
    assert str(workforce.commute_distance.units) == "kilometer"
    assert workforce.commute_distance.magnitude[0] == pytest.approx(1.5)
    assert np.isnan(workforce.commute_distance.magnitude[1])
    assert workforce.working_time.magnitude.tolist() == [100.0, 80.0]
    assert workforce.role.categories == ("", "cadre")
    with pytest.raises(ValueError, match="read-only"):
        workforce.hire_date[0] = np.datetime64("2000-01-01")


def test_duplicate_ids_are_reported() -> None:
    """Two agents with one id: the second is the bad row."""
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_agents(
            [Agent(id="A", hire_date="2010-01-01"), Agent(id="A", hire_date="2011-01-01")]
        )
    assert [(e.row, e.field) for e in caught.value.errors] == [(1, "id")]


RECORDS = [
    {"id": "A", "hire_date": "2010-01-01", "working_time_pct": "90", "commute_distance_km": "12"},
    {"id": "B", "hire_date": "not a date", "commute_mode": "car"},
    {"id": "C", "hire_date": "2010-01-01", "working_time": "120 %"},
    {
        "id": "D",
        "hire_date": "2012-02-29",
        "commute_distance": "42 km",
        "tags": "cadre;public_facing",
    },
    {
        "id": "E",
        "hire_date": "2009-06-01",
        "commute_time_h": "1.5",
        "derogations": "carer:2013-01-01/",
    },
]


def test_records_raise_lists_every_bad_row() -> None:
    """errors='raise' reports all the bad rows, with their number and field."""
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_records(RECORDS)
    assert [(e.row, e.field) for e in caught.value.errors] == [
        (1, "hire_date"),
        (2, "working_time"),
    ]
    assert "row 1" in str(caught.value) and "row 2" in str(caught.value)


def test_records_report_keeps_the_good_rows() -> None:
    """errors='report' builds the good rows and lists the rejected ones: nothing is dropped."""
    workforce = Workforce.from_records(RECORDS, errors="report")
    assert workforce.ids.tolist() == ["A", "D", "E"]
    assert workforce.source_rows.tolist() == [0, 3, 4]
    assert [e.row for e in workforce.rejected] == [1, 2]
    assert len(workforce) + len(workforce.rejected) == len(RECORDS)
    assert workforce.commute_time.magnitude[2] == pytest.approx(90)
    assert workforce.agent(1).tags == frozenset({"cadre", "public_facing"})
    assert workforce.agent(2).derogations[0].kind.value == "carer"
    assert workforce.rejected[0].to_dict()["field"] == "hire_date"


def test_unknown_column_is_an_error_with_suggestion() -> None:
    """A misspelt column is refused with a suggestion, unless it is listed as ignored."""
    rows = [{"id": "A", "hire_date": "2010-01-01", "hire_dat": "x"}]
    with pytest.raises(ValidationError, match="did you mean 'hire_date'"):
        Workforce.from_records(rows)
    assert len(Workforce.from_records(rows, ignore_columns={"hire_dat"})) == 1


def test_csv_with_semicolons_and_decimal_commas() -> None:
    """A French-style CSV (semicolons, decimal commas) reads with unit-suffixed columns."""
    text = "id;hire_date;working_time_pct;role;commute_distance_km\nA;2010-01-01;90;cadre;12,5\n"
    workforce = Workforce.from_csv(io.StringIO(text))
    assert workforce.commute_distance.magnitude.tolist() == [12.5]
    assert workforce.role.value(0) == "cadre"
    with pytest.raises(WorkforceError, match="commute_distance"):
        Workforce.from_csv(io.StringIO(text.replace("12,5", "douze")))


def test_csv_file(tmp_path: object) -> None:
    """from_csv reads a path, with a BOM, and counts data rows from 0."""
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = tmp_path / "agents.csv"
    path.write_text(
        "\ufeffid,hire_date,volunteer\nA,2010-01-01,oui\nB,2011-01-01,peut-être\n", "utf-8"
    )
    workforce = Workforce.from_csv(path, errors="report")
    assert workforce.ids.tolist() == ["A"]
    assert [(e.row, e.field) for e in workforce.rejected] == [(1, "volunteer")]


def test_pandas_round_trip() -> None:
    """A DataFrame with unit-suffixed columns becomes a workforce and back."""
    frame = pd.DataFrame(
        {
            "id": ["A", "B"],
            "hire_date": ["2010-01-01", "2011-05-01"],
            "working_time_pct": [100, 80],
            "commute_distance_km": [12.0, float("nan")],
            "role": ["cadre", "juriste"],
        }
    )
    workforce = Workforce.from_pandas(frame)
    out = workforce.to_pandas()
    assert out["working_time_pct"].tolist() == [100.0, 80.0]
    assert out["role"].tolist() == ["cadre", "juriste"]
    assert np.isnan(out["commute_distance_km"][1])


def test_from_columns_vectorised_validation() -> None:
    """from_columns checks whole columns and reports each bad row once."""
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_columns(
            ids=["A", "B", "C"],
            hire_date=np.array(["2010-01-01", "NaT", "2011-01-01"], dtype="datetime64[D]"),
            working_time=Q_(np.array([90.0, 100.0, 150.0]), "percent"),
            commute_distance=Q_(np.array([1.0, -2.0, np.nan]), "km"),
            role=Categories(np.array([0, 1, 0], dtype=np.int32), ("a", "b")),
        )
    assert [(e.row, e.field) for e in caught.value.errors] == [
        (1, "hire_date"),
        (2, "working_time"),
    ]
    with pytest.raises(UnitError):
        Workforce.from_columns(
            ids=["A"], hire_date=["2010-01-01"], commute_distance=Q_([1.0], "kg")
        )


def test_to_records_round_trip() -> None:
    """to_records writes strings that from_records reads back into equal agents."""
    agents = [
        Agent(
            id="A",
            hire_date="2010-01-01",
            working_time="80 %",
            commute_distance="12 km",
            tags={"x", "y"},
            derogations=["health:2020-01-01/2020-06-30"],
        ),
        Agent(id="B", hire_date="2011-01-01", commute_time="35 min", volunteer=False),
    ]
    records = Workforce.from_agents(agents).to_records()
    assert list(Workforce.from_records(records)) == agents


def test_index_and_row_errors() -> None:
    """Rows are found by id; unknown ids and rows out of range are typed errors."""
    workforce = Workforce.from_agents([Agent(id="A", hire_date="2010-01-01")])
    assert workforce.index_of("A") == 0 and workforce.agent(-1).id == "A"
    with pytest.raises(ValidationError):
        workforce.index_of("Z")
    with pytest.raises(ValidationError):
        workforce.agent(3)
    assert "1 agents" in repr(workforce)


def test_agent_role_must_be_a_string() -> None:
    """A role that is not a string is a typed error naming 'role'."""
    with pytest.raises(ValidationError) as caught:
        Agent(id="A", hire_date="2010-01-01", role=3)  # type: ignore[arg-type]
    assert caught.value.field == "role"


def test_mode_suggestion_prefers_a_prefix() -> None:
    """'train' suggests train_regional (a prefix), not the closer-spelt tram."""
    with pytest.raises(ValidationError, match="did you mean 'train_regional'"):
        Agent(id="A", hire_date="2010-01-01", commute_mode="train")


def test_unit_suffix_of_the_wrong_dimension() -> None:
    """A column like commute_distance_kg says kg is not a length."""
    with pytest.raises(ValidationError, match=r"\[length\]") as caught:
        Workforce.from_records([{"id": "A", "hire_date": "2010-01-01", "commute_distance_kg": 3}])
    assert caught.value.field == "columns.commute_distance_kg"


def test_from_columns_lengths_and_unreadable_flags() -> None:
    """Short columns are typed errors; unreadable flags and modes are row errors."""
    with pytest.raises(ValidationError, match="commute_mode"):
        Workforce.from_columns(ids=["A", "B"], hire_date=["2010-01-01"] * 2, commute_mode=["bus"])
    with pytest.raises(ValidationError, match="hire_date"):
        Workforce.from_columns(ids=["A", "B"], hire_date=["2010-01-01"])
    with pytest.raises(ValidationError, match="working_time"):
        Workforce.from_columns(
            ids=["A"], hire_date=["2010-01-01"], working_time=Q_([1.0, 2.0], "%")
        )
    workforce = Workforce.from_columns(
        ids=["A", "B", "C"],
        hire_date=["2010-01-01"] * 3,
        volunteer=["oui", "peut-être", True],
        commute_mode=["bus", "bus", "car"],
        errors="report",
    )
    assert workforce.ids.tolist() == ["A"]
    assert [(e.row, e.field) for e in workforce.rejected] == [(1, "volunteer"), (2, "commute_mode")]


def test_pandas_round_trip_keeps_dates_and_derogations() -> None:
    """to_pandas then from_pandas gives back equal agents, derogations included."""
    agents = [
        Agent(id="A", hire_date="2010-01-01", derogations=["health:2020-01-01/2020-06-30"]),
        Agent(id="B", hire_date="2011-05-01", working_time="80 %", commute_distance="12 km"),
    ]
    frame = Workforce.from_agents(agents).to_pandas()
    assert list(Workforce.from_pandas(frame)) == agents


def test_tags_as_strings_in_from_columns_are_tag_sets() -> None:
    """A row's tags given as 'cadre' or 'a;b' are tag names, not letters."""
    workforce = Workforce.from_columns(
        ids=["a", "b"], hire_date=["2010-01-01"] * 2, tags=["cadre", "x; y"]
    )
    assert workforce.tag_names == ("cadre", "x", "y")
    assert workforce.has_tag({"cadre"}).tolist() == [True, False]


def test_tag_columns_read_text_booleans() -> None:
    """In the mapping form, 'no' and 'non' are false, and unreadable cells are row errors."""
    workforce = Workforce.from_columns(
        ids=["a", "b", "c"],
        hire_date=["2010-01-01"] * 3,
        tags={"cadre": ["no", "oui", "peut-être"]},
        errors="report",
    )
    assert workforce.ids.tolist() == ["a", "b"]
    assert workforce.has_tag({"cadre"}).tolist() == [False, True]
    assert [(e.row, e.field) for e in workforce.rejected] == [(2, "tags.cadre")]


def test_the_same_person_is_cleaned_alike_on_every_path() -> None:
    """Spaces around ids, roles and tags are dropped by Agent and by records alike."""
    agent = Agent(id=" a ", hire_date="2010-01-01", role="cadre ", tags={" public_facing"})
    record = {"id": " a ", "hire_date": "2010-01-01", "role": "cadre ", "tags": " public_facing"}
    assert list(Workforce.from_records([record])) == [agent]
    assert (agent.id, agent.role, agent.tags) == ("a", "cadre", frozenset({"public_facing"}))
    with pytest.raises(ValidationError, match="tags"):
        Agent(id="a", hire_date="2010-01-01", tags={"x;y"})


def test_to_records_keeps_every_digit() -> None:
    """A working time of 89.9999999 % stays below 90 % through to_records and back."""
    agent = Agent(
        id="a",
        hire_date="2010-01-01",
        working_time=Q_(89.9999999, "percent"),
        commute_distance=Q_(12.3456789, "km"),
    )
    back = Workforce.from_records(Workforce.from_agents([agent]).to_records()).agent(0)
    assert back == agent


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (
            lambda: Agent(id="a", hire_date="2010-01-01", derogations=[{"kind": "health"}]),
            "derogations",
        ),
        (lambda: Agent(id="a", hire_date="2010-01-01", derogations=5), "derogations"),
        (
            lambda: Workforce.from_columns(
                ids=["a"], hire_date=["2010-01-01"], working_time=Q_(90, "percent")
            ),
            "working_time",
        ),
        (lambda: Workforce.from_columns(ids=[None], hire_date=["2010-01-01"]), "ids"),
        (lambda: Workforce.from_columns(ids=["a"], hire_date=["2010-01-01"], role=[None]), "role"),
        (
            lambda: Workforce.from_columns(
                ids=["a"],
                hire_date=["2010-01-01"],
                role=Categories(np.array([3], dtype=np.int32), ("x",)),
            ),
            "role.codes",
        ),
    ],
)
def test_malformed_inputs_are_validation_errors(build: object, field: str) -> None:
    """Malformed derogations, scalar columns, non-text ids and bad codes name their field."""
    with pytest.raises(ValidationError) as caught:
        build()  # type: ignore[operator]
    assert caught.value.field == field


def test_row_level_problems_in_from_columns() -> None:
    """Bad derogations, whitespace ids and dates with a time are row errors, not crashes."""
    workforce = Workforce.from_columns(
        ids=["a", " ", "c", "d"],
        hire_date=np.array(
            ["2010-01-01", "2010-01-01", "2010-01-01T12:00", "2010-01-01"], dtype="datetime64[m]"
        ),
        derogations=[["health:2012-01-01/"], [], [], [{"kind": "holiday", "start": "2012-01-01"}]],
        commute_mode=["BUS", "bus", "bus", "bus"],
        errors="report",
    )
    assert workforce.ids.tolist() == ["a"]
    assert workforce.agent(0).commute_mode is CommuteMode.BUS
    assert workforce.agent(0).derogations[0].kind.value == "health"
    assert [(e.row, e.field) for e in workforce.rejected] == [
        (1, "id"),
        (2, "hire_date"),
        (3, "derogation.kind"),
    ]


def test_csv_rows_with_wrong_cell_counts_and_odd_content() -> None:
    """Extra or missing cells are row errors, and so is a quote that does not close on
    its line (it would swallow the rows after it); tabs, quoted delimiters and a BOM
    are read."""
    text = (
        '\ufeffid,hire_date,role\nA,2010-01-01,"a, b"\nM,2010-01-01,"multi\nline"\n'
        "B,2010-01-01,x,extra\nC,2010-01-01\nD,2010-01-01,x\n"
    )
    workforce = Workforce.from_csv(io.StringIO(text), errors="report")
    assert workforce.ids.tolist() == ["A", "D"]
    assert workforce.role.value(0) == "a, b"
    assert [(e.row, e.field) for e in workforce.rejected] == [
        (1, "row"),
        (2, "row"),
        (3, "cells"),
        (4, "role"),
    ]
    tabbed = Workforce.from_csv(io.StringIO("id\thire_date\nA\t2010-01-01\n"))
    assert tabbed.ids.tolist() == ["A"]


def test_records_that_are_not_mappings() -> None:
    """A record that is not a dict is a bad row, reported with its number."""
    workforce = Workforce.from_records(
        [{"id": "A", "hire_date": "2010-01-01"}, "abc", None], errors="report"
    )
    assert [(e.row, e.field) for e in workforce.rejected] == [(1, "record"), (2, "record")]


def test_workforce_direct_construction_checks_shapes() -> None:
    """Building a Workforce by hand with columns of unequal lengths is refused."""
    import attrs

    good = Workforce.from_agents([Agent(id="a", hire_date="2010-01-01")])
    with pytest.raises(ValidationError, match="volunteer"):
        attrs.evolve(good, volunteer=np.array([True, False]))


def test_categories_compare_by_identity() -> None:
    """Categories hold arrays: they compare by identity instead of failing."""
    one = Categories(np.zeros(1, dtype=np.int32), ("x",))
    assert one == one and one != Categories(np.zeros(1, dtype=np.int32), ("x",))


def test_requested_telework_on_an_agent() -> None:
    """An agent's ask is stored in workday/week whatever unit it came in; None is not stated."""
    agent = Agent(id="A", hire_date="2010-01-01", requested_telework="3 halfday/week")
    assert agent.requested_telework is not None
    assert (agent.requested_telework.magnitude, str(agent.requested_telework.units)) == (
        1.5,
        "workday / week",
    )
    assert Agent(id="B", hire_date="2010-01-01").requested_telework is None
    assert Agent(id="C", hire_date="2010-01-01", requested_telework="7 workday/week")
    monthly = Agent(id="D", hire_date="2010-01-01", requested_telework=Q_(4, "workday/month"))
    assert monthly.requested_telework == Q_(4, "workday/month").to("workday/week")


def test_requested_telework_column_on_every_path() -> None:
    """from_agents, one agent, records, CSV and pandas all carry the column; NaN is unstated."""
    agents = [
        Agent(id="A", hire_date="2010-01-01", requested_telework="1.5 workday/week"),
        Agent(id="B", hire_date="2011-01-01"),
    ]
    workforce = Workforce.from_agents(agents)
    assert np.array_equal(
        workforce.requested_telework_workday_per_week, [1.5, np.nan], equal_nan=True
    )
    assert str(workforce.requested_telework.units) == "workday / week"
    one = Workforce.from_agents(agents[:1])
    assert one.requested_telework_workday_per_week.tolist() == [1.5]
    assert np.isnan(Workforce.from_agents(agents[1:]).requested_telework_workday_per_week[0])
    records = workforce.to_records()
    assert [r["requested_telework"] for r in records] == ["1.5 workday/week", ""]
    assert list(Workforce.from_records(records)) == agents
    frame = workforce.to_pandas()
    assert "requested_telework_workday_per_week" in frame.columns
    assert list(Workforce.from_pandas(frame)) == agents
    text = "id;hire_date;requested_telework_workday_per_week\nA;2010-01-01;1,5\nB;2011-01-01;\n"
    assert list(Workforce.from_csv(io.StringIO(text))) == agents
    with pytest.raises(ValueError, match="read-only"):
        workforce.requested_telework_workday_per_week[0] = 2.0


def test_requested_telework_bad_rows_are_reported_not_dropped() -> None:
    """Asks out of 0..7, in days of 24 hours or unreadable are row errors with their number."""
    text = (
        "id,hire_date,requested_telework\n"
        "A,2010-01-01,1 workday/week\n"
        "B,2010-01-01,8 workday/week\n"
        "C,2010-01-01,2 day/week\n"
        "D,2010-01-01,\n"
        "E,2010-01-01,beaucoup\n"
    )
    workforce = Workforce.from_csv(io.StringIO(text), errors="report")
    assert workforce.ids.tolist() == ["A", "D"]
    assert [(e.row, e.field) for e in workforce.rejected] == [
        (1, "requested_telework"),
        (2, "requested_telework"),
        (4, "requested_telework"),
    ]
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_csv(io.StringIO(text))
    assert [e.row for e in caught.value.errors] == [1, 2, 4]
    checked = Workforce.from_columns(
        ids=["a", "b", "c", "d"],
        hire_date=["2010-01-01"] * 4,
        requested_telework=Q_(np.array([1.0, -0.5, np.inf, np.nan]), "workday/week"),
        errors="report",
    )
    assert checked.ids.tolist() == ["a", "d"]
    assert [(e.row, e.field) for e in checked.rejected] == [
        (1, "requested_telework"),
        (2, "requested_telework"),
    ]


def test_requested_telework_unit_columns() -> None:
    """A unit column spells '/' as '_per_'; days of 24 hours are refused with a hint."""
    workforce = Workforce.from_records(
        [
            {"id": "A", "hire_date": "2010-01-01", "requested_telework_halfday_per_week": "3"},
            {"id": "B", "hire_date": "2010-01-01", "requested_telework_workday_per_month": 4},
        ]
    )
    assert workforce.requested_telework_workday_per_week[0] == 1.5
    assert workforce.requested_telework_workday_per_week[1] == pytest.approx(
        Q_(4, "workday/month").m_as("workday/week")
    )
    with pytest.raises(ValidationError, match="requested_telework_workday_per_week") as caught:
        Workforce.from_records(
            [{"id": "A", "hire_date": "2010-01-01", "requested_telework_days_per_week": 1}]
        )
    assert caught.value.field == "columns.requested_telework_days_per_week"
    with pytest.raises(UnitError, match="not a quantity"):
        Workforce.from_columns(
            ids=["a"], hire_date=["2010-01-01"], requested_telework=np.array([1.0])
        )


@given(agent_lists(hired_before=dt.date(2030, 1, 1)), st.data())
def test_requested_telework_from_agents_equals_from_records(
    agents: list[Agent], data: st.DataObject
) -> None:
    """Agents and records written in any accepted form give the same requested_telework."""
    records: list[dict[str, object]] = []
    for agent in agents:
        record: dict[str, object] = {"id": agent.id, "hire_date": agent.hire_date.isoformat()}
        asked = agent.requested_telework
        if asked is None:
            form = data.draw(st.sampled_from(["absent", "empty text", "empty number", "none"]))
            if form == "empty text":
                record["requested_telework"] = ""
            elif form == "empty number":
                record["requested_telework_workday_per_week"] = ""
            elif form == "none":
                record["requested_telework"] = None
        else:
            days = float(asked.magnitude)
            form = data.draw(st.sampled_from(["text", "halfdays", "number", "number text"]))
            if form == "text":
                record["requested_telework"] = f"{days!r} workday/week"
            elif form == "halfdays":
                record["requested_telework"] = Q_(days * 2, "halfday/week")
            elif form == "number":
                record["requested_telework_workday_per_week"] = days
            else:
                record["requested_telework_workday_per_week"] = repr(days)
        records.append(record)
    expected = Workforce.from_agents(agents)
    built = Workforce.from_records(records)
    assert built.ids.tolist() == expected.ids.tolist()
    assert np.array_equal(
        built.requested_telework_workday_per_week,
        expected.requested_telework_workday_per_week,
        equal_nan=True,
    )
    assert [a.requested_telework for a in built] == [a.requested_telework for a in agents]


# --- take: the workforce of some rows -------------------------------------------------


def _same_column(left: object, right: object) -> bool:
    """Two columns of a workforce hold the same values (NaN equal to NaN)."""
    if isinstance(left, Categories | Coded):
        assert isinstance(right, type(left))
        labels = "categories" if isinstance(left, Categories) else "values"
        return np.array_equal(left.codes, right.codes) and getattr(left, labels) == getattr(
            right, labels
        )
    if isinstance(left, np.ndarray):
        assert isinstance(right, np.ndarray)
        if left.dtype != right.dtype or left.shape != right.shape:
            return False
        return np.array_equal(left, right, equal_nan=left.dtype.kind in "fM")
    return left == right


def _columns_differing(left: Workforce, right: Workforce) -> list[str]:
    """The names of the columns (every attribute) where two workforces differ."""
    import attrs

    return [
        field.name
        for field in attrs.fields(Workforce)
        if not _same_column(getattr(left, field.name), getattr(right, field.name))
    ]


@given(planned_agent_lists(), st.data())
def test_take_reads_the_rows_taken(agents: list[Agent], data: st.DataObject) -> None:
    """Taking rows, in any order, then reading agent i gives the agent of the i-th row
    taken; every column is read-only, and the input rows are still named."""
    workforce = Workforce.from_agents(agents)
    rows = data.draw(st.permutations(range(len(agents))))
    rows = rows[: data.draw(st.integers(0, len(rows)))]
    taken = workforce.take(np.array(rows, dtype=np.int64))
    assert len(taken) == len(rows)
    assert [taken.agent(i) for i in range(len(rows))] == [workforce.agent(r) for r in rows]
    assert taken.source_rows.tolist() == [int(workforce.source_rows[r]) for r in rows]
    assert taken.rejected == ()
    for name in ("ids", "hire_date", "tags", "derogation_row", "days_off_mask"):
        assert not getattr(taken, name).flags.writeable


@given(planned_agent_lists())
def test_take_of_every_row_in_order_is_the_same_workforce(agents: list[Agent]) -> None:
    """Taking all rows in order gives equal columns, derogations' flat table included."""
    workforce = Workforce.from_agents(agents)
    taken = workforce.take(np.arange(len(agents)))
    assert _columns_differing(taken, workforce) == []


def test_take_by_hand() -> None:
    """Three agents, two taken in reverse order: the derogations follow their agents, the
    rows of the input stay named, and a rejected row is not carried over."""
    records = [
        {"id": "A", "hire_date": "2010-01-01", "derogations": "health:2024-01-01/"},
        {"id": "B", "hire_date": "not a date"},
        {"id": "C", "hire_date": "2012-01-01", "role": "cadre", "tags": "x;y"},
        {
            "id": "D",
            "hire_date": "2013-01-01",
            "derogations": "carer:2024-02-01/2024-03-01;pregnancy:2024-05-01/",
            "pattern": "tue",
        },
    ]
    workforce = Workforce.from_records(records, errors="report")
    assert workforce.ids.tolist() == ["A", "C", "D"] and len(workforce.rejected) == 1
    taken = workforce.take([2, 0])
    assert taken.ids.tolist() == ["D", "A"]
    assert taken.source_rows.tolist() == [3, 0]
    assert taken.rejected == ()
    assert taken.derogation_row.tolist() == [0, 0, 1]
    assert [d.kind.value for d in taken.agent(0).derogations] == ["carer", "pregnancy"]
    assert [d.kind.value for d in taken.agent(1).derogations] == ["health"]
    assert str(taken.agent(0).pattern) == str(workforce.agent(2).pattern)
    assert taken.agent(1).pattern is None
    assert taken.tag_names == ("x", "y") and not taken.tags.any()
    assert taken.role_in({"cadre"}).tolist() == [False, False]
    assert len(workforce.take([])) == 0 and len(workforce.take(np.array([], dtype=int))) == 0


@pytest.mark.parametrize(
    ("rows", "value"),
    [([0, 3], 3), ([-1], -1), ([1, 1], 1), (np.array([True, False, True]), "a boolean mask")],
)
def test_take_refuses_bad_positions(rows: list[int], value: object) -> None:
    """A position out of range, taken twice, or a mask is an error naming ``rows``."""
    workforce = Workforce.from_agents(
        [Agent(id=i, hire_date="2010-01-01") for i in ("A", "B", "C")]
    )
    with pytest.raises(ValidationError) as caught:
        workforce.take(rows)
    assert caught.value.field == "rows" and caught.value.value == value
