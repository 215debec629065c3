"""Column helpers and short columns: the cheap road gives numpy's answers, to the bit.

Columns of up to ``SHORT`` rows (one agent's assessment among them) are reduced in Python
and computed into new arrays rather than in place; these tests hold every such road to
the plain numpy call it stands for, and a workforce's rows to the same results whether
its columns are short or long.
"""

from __future__ import annotations

import datetime as dt
import math

import attrs
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from teletravail import Agent, Policy, Workforce
from teletravail._columns import SHORT, all_nan, any_set, frozen, highest, lowest, zeros
from teletravail.policy import Assessment

from .strategies import agent_lists, agents, policies

ON = dt.date(2026, 6, 1)

floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
lengths = st.integers(0, 3 * SHORT)


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@given(st.lists(floats, max_size=3 * SHORT))
def test_reductions_are_numpys(values: list[float]) -> None:
    """lowest/highest are min/max with NaN showing; all_nan is fmax.reduce's NaN test."""
    column = np.array(values, dtype=np.float64)
    if values:
        assert _same(lowest(column), float(column.min()))
        assert _same(highest(column), float(column.max()))
        assert all_nan(column) == bool(np.isnan(np.fmax.reduce(column)))
    else:
        assert math.isnan(lowest(column)) and math.isnan(highest(column))
        assert all_nan(column)


@given(st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=3 * SHORT))
def test_integer_reductions_are_numpys(values: list[int]) -> None:
    """Hire dates are compared as int64 day numbers: the same answers as numpy's."""
    column = np.array(values, dtype=np.int64)
    assert lowest(column) == float(column.min()) and highest(column) == float(column.max())


@given(st.lists(st.booleans(), max_size=3 * SHORT))
def test_any_set_is_any(values: list[bool]) -> None:
    assert any_set(np.array(values, dtype=bool)) == any(values)


@pytest.mark.parametrize("dtype", [np.bool_, np.int64, np.float64, np.int8])
@given(n=lengths)
def test_zeros_take_no_memory_and_cannot_be_written(dtype: type[np.generic], n: int) -> None:
    column = zeros(n, dtype)
    assert column.shape == (n,) and column.dtype == np.dtype(dtype)
    assert not column.any() and column.strides == (0,)
    with pytest.raises(ValueError, match="read-only"):
        column[...] = 1


def test_frozen_views_a_writeable_array_and_keeps_a_read_only_one() -> None:
    mine = np.arange(3.0)
    view = frozen(mine)
    assert not view.flags.writeable and mine.flags.writeable and view.base is mine
    assert frozen(view) is view


def _rows(result: object, rows: int) -> list[list[object]]:
    """Each column of a batch assessment's first ``rows`` rows, floats by their bits."""
    columns: list[npt.NDArray[np.generic]] = [
        result.entitled,  # type: ignore[attr-defined]
        result.granted,  # type: ignore[attr-defined]
        result.days,  # type: ignore[attr-defined]
        result.allowance_cents,  # type: ignore[attr-defined]
        result.employer_cents,  # type: ignore[attr-defined]
        result.impact.km,  # type: ignore[attr-defined]
        result.impact.hours,  # type: ignore[attr-defined]
        result.impact.gross_kg,  # type: ignore[attr-defined]
        result.decisions.eligible,  # type: ignore[attr-defined]
    ]
    found = []
    for column in columns:
        part = np.ascontiguousarray(column[:rows])
        found.append((part.view(np.int64) if part.dtype == np.float64 else part).tolist())
    return found


@settings(max_examples=40)
@given(policies(), agent_lists(hired_before=ON, max_size=SHORT))
def test_short_and_long_columns_give_the_same_rows(policy: Policy, people: list[Agent]) -> None:
    """A workforce of at most SHORT agents, and the same agents followed by enough
    others to pass SHORT, have the same rows: the two roads agree to the bit."""
    policy = attrs.evolve(policy, selection=None)  # a selection ranks across every row
    on = ON if ON in policy.period else policy.period.start
    people = [p for p in people if p.hire_date <= on]
    if policy.quota is None:  # no quota to grant from: every agent states an ask
        people = [
            attrs.evolve(p, requested_telework=p.requested_telework or "1 workday/week")
            for p in people
        ]
    event("assessed" if people else "no agent hired by the date")
    if not people:
        return
    padding = [attrs.evolve(people[i % len(people)], id=f"pad-{i}") for i in range(SHORT + 1)]
    short, long = Workforce.from_agents(people), Workforce.from_agents(people + padding)
    assert len(short) <= SHORT < len(long)
    try:
        alone = policy.assess_workforce(short, on)
    except Exception as exc:  # the same error either way
        event("refused alike")
        with pytest.raises(type(exc)):
            policy.assess_workforce(long, on)
        return
    together = policy.assess_workforce(long, on)
    assert _rows(alone, len(people)) == _rows(together, len(people))


@given(agents(hired_before=ON))
def test_one_agent_workforce_has_every_column_of_the_general_build(agent: Agent) -> None:
    """The one-agent build sets every field, to what the general build gives."""
    one = Workforce.from_agents([agent])
    two = Workforce.from_agents([agent, attrs.evolve(agent, id=agent.id + "-2")])
    for field in attrs.fields(Workforce):
        mine = getattr(one, field.name)  # every field was set
        if field.name in ("role", "tag_names", "rejected"):
            continue
        theirs = getattr(two, field.name)
        if isinstance(mine, np.ndarray) and field.name.startswith("derogation"):
            continue  # the derogation table holds each agent's rows: compared below
        if isinstance(mine, np.ndarray):
            assert not mine.flags.writeable, field.name
            np.testing.assert_array_equal(mine, theirs[:1], err_msg=field.name)
    assert one.role.value(0) == two.role.value(0) and one.tag_names == two.tag_names
    assert one.agent(0) == two.agent(0)


def test_an_assessment_builds_its_decision_when_read() -> None:
    """An agent's Assessment reads its figures from the batch and builds the decision
    tree once, on first reading; equal assessments compare equal."""
    from .strategies import lot_policy

    policy = lot_policy()
    agent = Agent(id="A", hire_date="2010-01-01", working_time="100 %", role="informatique")
    first, second = policy.assess(agent, "2013-01-01"), policy.assess(agent, "2013-01-01")
    assert isinstance(first, Assessment) and first._decision is None
    assert first.decision is first.decision and first._decision is not None
    assert first == second and first != policy.assess(attrs.evolve(agent, id="B"), "2013-01-01")
    assert "status='granted'" in repr(first) and "'A'" in repr(first)
    with pytest.raises(TypeError):
        hash(first)


@pytest.mark.parametrize("n", [1, 3, SHORT + 4])
def test_a_group_of_one_has_a_column_of_its_own(n: int) -> None:
    """all_of(one criterion) answers with its own writable column, never the child's
    (nor the workforce's), whatever the length."""
    from teletravail.eligibility import Volunteer, all_of

    workforce = Workforce.from_agents(
        [Agent(id=f"A{i}", hire_date="2010-01-01", volunteer=i % 2 == 0) for i in range(n)]
    )
    mask = all_of(Volunteer()).mask(workforce, "2013-01-01")
    assert mask is not workforce.volunteer and not np.shares_memory(mask, workforce.volunteer)
    mask &= False  # writable
    assert workforce.volunteer.any()
