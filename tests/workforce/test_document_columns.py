"""Agent documents in bulk: ``Workforce.from_records`` reads them as ``Agent.from_dict``
reads each one (the same figures, the same errors), mixed with flat records, and
``Workforce.to_documents`` writes them back (``teletravail.workforce.document_columns``)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teletravail.errors import ValidationError, WorkforceError
from teletravail.workforce import Agent, Workforce, agent_schema
from teletravail.workforce.document_columns import is_document

from ..strategies import agents, planned_agent_lists
from .test_document import WRITTEN, json_values


def _same(found: Workforce, expected: Workforce) -> None:
    """Two workforces hold the same agents and the same columns."""
    assert list(found) == list(expected)
    for name in (
        "ids",
        "hire_date",
        "working_time_percent",
        "commute_distance_km",
        "commute_time_min",
        "requested_telework_workday_per_week",
        "telecentre_distance_km",
        "commute_mode",
        "volunteer",
        "teleworkable_post",
        "days_off_mask",
        "activity_shares",
    ):
        column, other = getattr(found, name), getattr(expected, name)
        floats = column.dtype.kind == "f"
        assert np.array_equal(column, other, equal_nan=floats), name
    assert found.tag_names == expected.tag_names
    assert found.activity_names == expected.activity_names


def _read_alone(document: dict[str, Any]) -> Agent | ValidationError:
    """The document read alone by ``Agent.from_dict``, or its error."""
    try:
        return Agent.from_dict(document, path="")
    except ValidationError as error:
        return error


def _documents(people: list[Agent]) -> list[dict[str, Any]]:
    """The agents' documents, through JSON as a web service receives them."""
    loaded: list[dict[str, Any]] = json.loads(json.dumps([a.to_dict() for a in people]))
    return loaded


every_field = st.lists(
    st.one_of(agents(), planned_agent_lists(max_size=1).filter(bool).map(lambda x: x[0])),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(every_field)
def test_documents_read_as_agent_from_dict_reads_each(people: list[Agent]) -> None:
    people = [a for i, a in enumerate(people) if a.id not in {p.id for p in people[:i]}]
    documents = _documents(people)
    found = Workforce.from_records(documents)
    _same(found, Workforce.from_agents(Agent.from_dict(d) for d in documents))
    written = found.to_documents()
    assert written == documents
    assert [list(d) for d in written] == [list(d) for d in documents]  # the keys in order
    assert list(found.source_rows) == list(range(len(documents)))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(agent_schema()["properties"])), json_values, st.integers(0, 2))
def test_any_value_is_taken_or_refused_as_agent_from_dict_does(
    key: str, value: object, row: int
) -> None:
    good = [
        {"format": "teletravail.agent", "id": f"G{i}", "hire_date": "2020-01-01"} for i in range(3)
    ]
    odd = {"format": "teletravail.agent", "id": "ODD", "hire_date": "2020-01-01", key: value}
    documents = [*good[:row], odd, *good[row:]]
    workforce = Workforce.from_records(documents, errors="report")
    alone = _read_alone(odd)
    if isinstance(alone, ValidationError):
        assert len(workforce) == 3  # the good ones still come out
        [rejected] = workforce.rejected
        assert (rejected.row, rejected.field) == (row, alone.field)
        assert rejected.value == alone.value or rejected.value != rejected.value  # NaN
        with pytest.raises(WorkforceError) as caught:
            Workforce.from_records(documents)
        assert [e.row for e in caught.value.errors] == [row]
    elif alone.id not in {g["id"] for g in good}:  # a repeated id is the columns' error
        assert not workforce.rejected
        assert workforce.agent(row) == alone


def test_a_bad_document_names_its_row_key_path_and_value() -> None:
    records = [
        WRITTEN,
        {**WRITTEN, "id": "L-0043", "commute_distance": {"value": 3, "unit": "kg"}},
        {**WRITTEN, "id": "L-0044", "hire_date": "2020-02-30", "comute_time": "3 min"},
    ]
    workforce = Workforce.from_records(records, errors="report")
    assert list(workforce.ids) == ["L-0042"]
    first, second = workforce.rejected
    assert (first.row, first.field) == (1, "commute_distance")
    assert first.to_dict()["value"] == "'3 kg'"
    assert "[length]" in first.text("en")
    assert (second.row, second.field) == (2, "comute_time")  # every problem, unknown keys first
    assert "hire_date" in second.text("en")
    assert "comute_time" in second.text("en")
    assert "did you mean 'commute_time'?" in second.text("en")
    assert "vouliez-vous dire" in second.text("fr")
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_records(records)
    assert [error.row for error in caught.value.errors] == [1, 2]


def test_documents_and_flat_records_mix_in_one_call() -> None:
    flat = {"id": "F-1", "hire_date": "2019-05-01", "commute_distance_km": 12, "tags": "cadre"}
    text = {"id": "F-2", "hire_date": "2019-05-01", "commute_distance": "7 km"}
    workforce = Workforce.from_records([flat, WRITTEN, text], errors="report")
    assert list(workforce.ids) == ["F-1", "L-0042", "F-2"]
    assert list(workforce.commute_distance_km) == [12.0, 28.0, 7.0]
    assert workforce.agent(1) == Agent.from_dict(WRITTEN)


def test_a_repeated_id_keeps_the_columns_error() -> None:
    workforce = Workforce.from_records([WRITTEN, WRITTEN], errors="report")
    [error] = workforce.rejected
    assert (error.row, error.field) == (1, "id")
    assert "used once" in error.text("en")


def test_quantities_in_other_units_are_converted_as_one_document_is() -> None:
    miles = [
        {"format": "teletravail.agent", "id": f"M{i}", "hire_date": "2020-01-01",
         "commute_distance": {"value": 1.5 * i, "unit": "mi"},
         "working_time": {"value": 0.8, "unit": "dimensionless"}}
        for i in range(5)
    ]  # fmt: skip
    workforce = Workforce.from_records(miles, errors="report")
    assert list(workforce) == [Agent.from_dict(d) for d in miles]


def test_what_is_a_document() -> None:
    assert is_document({"format": "teletravail.agent"})
    assert is_document({"id": "A", "commute_time": {"value": 3, "unit": "min"}})
    assert not is_document({"id": "A", "commute_time": "3 min", "tags": ["a"]})


def test_a_document_ignores_the_column_options_of_flat_records() -> None:
    workforce = Workforce.from_records([WRITTEN], ignore_columns={"service"})
    assert list(workforce) == [Agent.from_dict(WRITTEN)]


@pytest.mark.parametrize("errors", ["warn", None])
def test_an_unknown_errors_option_is_refused(errors: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Workforce.from_records([WRITTEN], errors=errors)  # type: ignore[arg-type]
    assert caught.value.field == "errors"


#: Quantities as tables, in units good and bad for each field, numbers sane and not.
quantity_tables = st.fixed_dictionaries(
    {
        "value": st.one_of(
            st.integers(-5, 200), st.floats(), st.integers(10**300, 10**310), st.booleans()
        ),
        "unit": st.sampled_from(
            ["km", "mi", "m", "kg", "", " ", "%", "percent", "dimensionless", "min", "h",
             "workday/week", "jours par semaine", "day/week", "km/2", "2 km", "kilomètres"]
        ),
    }
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["working_time", "commute_distance", "commute_time", "requested_telework",
                 "telecentre_distance"]
            ),
            quantity_tables,
        ),
        min_size=1,
        max_size=6,
    )
)  # fmt: skip
def test_quantity_tables_read_by_unit_as_each_document_reads_them(
    quantities: list[tuple[str, dict[str, object]]],
) -> None:
    documents = [
        {"format": "teletravail.agent", "id": f"Q{i}", "hire_date": "2020-01-01", key: table}
        for i, (key, table) in enumerate(quantities)
    ]
    workforce = Workforce.from_records(documents, errors="report")
    rejected = {error.row: error for error in workforce.rejected}
    kept = iter(range(len(workforce)))
    for row, document in enumerate(documents):
        alone = _read_alone(document)
        if isinstance(alone, ValidationError):
            assert rejected[row].field == alone.field
        else:
            assert row not in rejected
            assert workforce.agent(next(kept)) == alone


@settings(max_examples=60, deadline=None)
@given(every_field)
def test_to_documents_writes_what_each_agent_writes(people: list[Agent]) -> None:
    people = [a for i, a in enumerate(people) if a.id not in {p.id for p in people[:i]}]
    workforce = Workforce.from_agents(people)
    expected = [agent.to_dict() for agent in workforce]
    written = workforce.to_documents()
    assert written == expected
    assert [list(d) for d in written] == [list(d) for d in expected]
    if len(written) > 1 and "tags" in written[0]:  # each document's lists are its own
        written[0]["tags"].append("changed")
        assert "changed" not in workforce.to_documents()[0]["tags"]
