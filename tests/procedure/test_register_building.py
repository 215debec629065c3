"""Building a register's columns: from histories, from arrays, from pandas, bad rows
reported with their row number while the others are read, and the calendar on columns
checked against dateutil's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from teletravail.errors import ValidationError
from teletravail.procedure import AuthorisationHistory, AuthorisationRegister, State
from teletravail.procedure.register_building import COLUMNS, shifted

from ..strategies import register_histories

STATES = tuple(State)


@settings(max_examples=200)
@given(
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    months=st.integers(0, 400),
    days=st.integers(0, 400),
)
def test_shifted_is_dateutils_calendar(day: dt.date, months: int, days: int) -> None:
    """Months first, a missing day clipped to the month's last, then days: what
    ``relativedelta(months=..., days=...)`` does."""
    found = shifted(np.array([day, None], dtype="M8[D]"), months, days)
    assert str(found[0]) == (day + relativedelta(months=months, days=days)).isoformat()
    assert np.isnat(found[1])


def test_shifted_by_hand() -> None:
    found = shifted(np.array(["2025-01-31", "2024-02-29", "2024-01-31"], dtype="M8[D]"), 1, 0)
    assert found.astype(str).tolist() == ["2025-02-28", "2024-03-29", "2024-02-29"]
    assert shifted(np.array(["2024-02-29"], dtype="M8[D]"), 12, 1).astype(str).tolist() == [
        "2025-03-01"
    ]


def _table(register: AuthorisationRegister) -> dict[str, Any]:
    """The table a register of histories would be written as, in columns of text."""
    term = [
        (f"{m} months {d} days" if d else f"{m} months") if m or d else None
        for m, d in zip(register.term_months.tolist(), register.term_days.tolist(), strict=True)
    ]
    contract = ["civil_servant" if body == 0 else "contract_staff" for body in register.body]
    return {
        "id": register.ids,
        "sector": ["public" if code == 0 else "private" for code in register.sector],
        "contract": contract,
        "state": [STATES[code].value for code in register.state],
        **{
            name: [
                "" if text == "NaT" else text
                for text in np.datetime_as_string(getattr(register, name)).tolist()
            ]
            for name in ("request", "campaign_closes", "start", "adaptation_end", "appeal")
        },
        "effective": register.effective,
        "term": term,
        "renewals": register.renewals,
    }


@settings(max_examples=60, deadline=None)
@given(
    drawn=st.lists(register_histories(), min_size=1, max_size=10),
    day=st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2036, 12, 31)),
)
def test_a_table_of_the_same_dates_is_the_same_register(drawn: list[Any], day: dt.date) -> None:
    """The histories' dates written as a table (text, blank for none) give a register
    whose states and deadlines on any day are the histories'."""
    histories = [history for history in drawn if history is not None]
    if not histories:
        return
    built = AuthorisationRegister.from_histories(histories)
    read = AuthorisationRegister.from_columns(_table(built))
    assert not read.rejected
    for name in ("state", "request", "answer_due", "start", "adaptation_end", "term_end"):
        assert np.array_equal(getattr(read, name), getattr(built, name), equal_nan=True), name
    one, other = built.deadlines_on(day), read.deadlines_on(day)
    for name in ("states", "ending_agent", "ending_employer", "renewal", "appeal_body"):
        assert np.array_equal(getattr(one, name), getattr(other, name), equal_nan=True), name


GOOD = {"id": "g", "state": "granted_confirmed", "request": "2025-01-10", "start": "2025-02-01"}


def _rows(*changes: dict[str, Any]) -> dict[str, list[Any]]:
    rows = [{**GOOD, **change} for change in changes]
    return {name: [row.get(name) for row in rows] for name in sorted({k for r in rows for k in r})}


def test_bad_rows_are_reported_and_the_others_read() -> None:
    table = _rows(
        {},
        {"id": "b1", "state": "granted_soon"},
        {"id": "b2", "start": "2024-12-01"},
        {"id": "b3", "start": None},
        {"id": "b4", "adaptation_end": "2025-06-15"},
        {"id": "b5", "request": "10/01/2025"},
        {"id": "b6", "state": "requested"},
        {"id": "b7", "term": "forever"},
        {"id": "b8", "renewals": 2},
        {"id": "b9", "state": "appealed", "start": None},
        {"id": "ok", "adaptation_end": "2025-04-30", "term": "1 an", "renewals": 1},
    )
    register = AuthorisationRegister.from_columns(table, errors="report")
    assert register.ids.tolist() == ["g", "ok"]
    assert register.source_rows.tolist() == [0, 10]
    assert [(p.row, p.field) for p in register.rejected] == [
        (1, "state"),
        (2, "start"),
        (3, "start"),
        (4, "adaptation_end"),
        (5, "request"),
        (6, "start"),
        (7, "term"),
        (8, "renewals"),
        (9, "appeal"),
    ]
    assert "AAAA-MM-JJ" in register.rejected[4].text("fr")
    assert str(register.term_end[1]) == "2027-01-31"
    assert repr(register) == "<AuthorisationRegister of 2 authorisations, 9 rejected>"


def test_a_bad_row_raises_by_default_naming_it() -> None:
    with pytest.raises(ValidationError) as caught:
        AuthorisationRegister.from_columns(_rows({}, {"start": "2024-12-01"}))
    assert caught.value.field == "rows[1].start"


def test_the_table_itself_is_checked() -> None:
    with pytest.raises(ValidationError) as unknown:
        AuthorisationRegister.from_columns({**_rows({}), "colour": ["red"]})
    assert unknown.value.field == "columns"
    with pytest.raises(ValidationError) as missing:
        AuthorisationRegister.from_columns({"state": ["requested"]})
    assert missing.value.field == "columns"
    with pytest.raises(ValidationError) as lengths:
        AuthorisationRegister.from_columns({"state": ["requested"], "request": []})
    assert lengths.value.field == "columns"
    assert set(COLUMNS) >= {"state", "request", "start", "term", "renewals"}


def test_typed_columns_are_taken_whole() -> None:
    n = 4
    register = AuthorisationRegister.from_columns(
        {
            "state": np.array(["requested"] * n),
            "request": np.array(["2025-01-31", "2025-02-28", "2019-01-10", "2025-03-01"], "M8[D]"),
            "sector": np.array(["public", "public", "public", "private"]),
        }
    )
    # the 2016 wording set no time for the answer, nor does the private sector's
    assert np.datetime_as_string(register.answer_due).tolist() == [
        "2025-02-28",
        "2025-03-28",
        "NaT",
        "NaT",
    ]


def test_from_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "state": ["granted_adaptation", "refused"],
            "request": pd.to_datetime(["2025-01-10", "2025-01-12"]),
            "start": ["2025-02-01", None],
            "adaptation_end": [pd.Timestamp("2025-04-30"), pd.NaT],
            "contract": ["contract_staff", "civil_servant"],
        }
    )
    register = AuthorisationRegister.from_pandas(frame)
    assert register.states_on("2025-03-01").counts[State.GRANTED_ADAPTATION] == 1
    assert register.states_on("2025-05-01").counts[State.GRANTED_CONFIRMED] == 1
    with pytest.raises(ValidationError):
        AuthorisationRegister.from_pandas({"state": []})  # type: ignore[arg-type]


def test_histories_and_a_table_agree_by_hand() -> None:
    history = (
        AuthorisationHistory(contract="contract_staff")
        .then("request", "2025-03-10")
        .then("refuse", "2025-04-01", reasons="counter", interview="2025-03-25")
        .then("appeal", "2025-04-20")
    )
    register = AuthorisationRegister.from_histories([history], ids=["E"])
    assert str(register.appeal[0]) == "2025-04-20"
    assert register.body.tolist() == [1]  # the CCP, for contract staff
