"""The columnar reader (pyarrow) against the Python reader, on the same hostile files:
the same rows, the same agents, the same errors, the same id cells."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings

from teletravail.workforce import Workforce
from teletravail.workforce.columnar import cells_of, csv_table
from teletravail.workforce.parsing import CodedCells, PartlyTyped, TextCells

from ..strategies import HostileRegister, hostile_registers


def _both(data: bytes, **options: Any) -> tuple[Workforce, Workforce, list[str], list[str]]:
    ids: dict[bool, list[str]] = {True: [], False: []}
    read = {
        columnar: Workforce.from_csv(
            io.BytesIO(data), errors="report", columnar=columnar, id_cells=ids[columnar], **options
        )
        for columnar in (True, False)
    }
    return read[True], read[False], ids[True], ids[False]


def _same(fast: Workforce, slow: Workforce) -> None:
    assert fast.ids.tolist() == slow.ids.tolist()
    assert fast.source_rows.tolist() == slow.source_rows.tolist()
    assert list(fast) == list(slow)
    assert [e.to_dict() for e in fast.rejected] == [e.to_dict() for e in slow.rejected]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_registers())
def test_both_readers_give_the_same_rows_and_errors(register: HostileRegister) -> None:
    """Latin-1, cp1252 or UTF-8, `,` or `;`, decimal commas, bad dates, units in the
    mapping, French headers, short and long rows, open quotes, blank lines: whatever
    the file, the columnar reader's workforce, errors and id cells are the Python
    reader's."""
    fast, slow, fast_ids, slow_ids = _both(register.data, columns=register.columns)
    _same(fast, slow)
    assert fast_ids == slow_ids


def test_a_hostile_file_written_by_hand() -> None:
    """A Windows-1252 export with `;`, decimal commas, a bad date, a number in words, a
    quoted cell holding the delimiter, a short row and a blank line: every row comes
    out, the bad ones with their number, field and error, as written here by hand."""
    text = (
        "matricule;date_entree;trajet_km;quotite;fonction\r\n"
        "M-1;2010-01-01;12,5;80;équipe\r\n"
        "M-2;2013-02-30;7;100;cadre\r\n"
        "\r\n"
        "M-3;2011-05-02;douze;100;cadre\r\n"
        'M-4;2012-03-04;3,25;90;"accueil; guichet"\r\n'
        "M-5;2012-03-04;4\r\n"
        "M-6;2009-09-09;1 000;100;€quipe\r\n"
    )
    columns = {
        "matricule": "id",
        "date_entree": "hire_date",
        "trajet_km": "commute_distance_km",
        "quotite": ("working_time", "%"),
        "fonction": "role",
    }
    fast, slow, fast_ids, slow_ids = _both(text.encode("cp1252"), columns=columns)
    _same(fast, slow)
    assert fast_ids == slow_ids == ["M-1", "M-2", "M-3", "M-4", "M-5", "M-6"]
    assert fast.ids.tolist() == ["M-1", "M-4"]
    assert fast.commute_distance_km.tolist() == [12.5, 3.25]
    assert fast.role.value(1) == "accueil; guichet" and fast.role.value(0) == "équipe"
    assert [(e.row, e.field) for e in fast.rejected] == [
        (1, "hire_date"),
        (2, "commute_distance"),
        (4, "quotite"),
        (5, "commute_distance"),
    ]
    assert fast.rejected[0].message == (
        "hire_date: expected a date that exists, e.g. 2013-02-28, got '2013-02-30'"
    )
    assert fast.rejected[3].message == "commute_distance: expected a number in km, got '1 000'"


def test_cells_are_converted_whole_or_left_to_the_per_cell_reader() -> None:
    """Ids become one string array; plain numbers of a column with a unit convert
    whole (a decimal comma too), the others are left undecided; other columns are
    numbered by their distinct cells."""
    ids = cells_of(pa.array(["A-1", " B ", "C"]), "id", None)
    assert isinstance(ids, TextCells) and ids.raw.tolist() == ["A-1", " B ", "C"]
    numbers = cells_of(pa.array(["12,5", " 3 ", "", "douze", "1e3"]), "commute_distance", "km")
    assert isinstance(numbers, PartlyTyped)
    assert numbers.values[:2].tolist() == [12.5, 3.0] and np.isnan(numbers.values[2])
    assert numbers.undecided.tolist() == [3, 4] and numbers.cells == ["douze", "1e3"]
    roles = cells_of(pa.array(["cadre", "équipe", "cadre"]), "role", None)
    assert isinstance(roles, CodedCells)
    assert roles.codes.tolist() == [0, 1, 0] and roles.uniques == ["cadre", "équipe"]


def test_lines_pyarrow_would_split_otherwise_go_to_the_python_reader() -> None:
    """A quoted line, a short one and a spaces-only one are left to the Python reader,
    with their row numbers; blank lines are no rows."""
    body = 'A,2010-01-01\n"B,x",2011-01-01\n\n  \nC\nD,2012-01-01\n'
    table = csv_table(body, ",", 2, [0, 1])
    assert table is not None
    assert table.n == 4 and table.hard == [(1, '"B,x",2011-01-01'), (2, "C")]
    assert table.easy is not None and table.easy.tolist() == [0, 3]
    assert csv_table("A,1\rB,2\n", ",", 2, [0, 1]) is None  # an old Mac line break


def test_columnar_reading_without_pyarrow_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked to read column by column without pyarrow, the reader says what to install;
    by default it reads row by row."""
    from teletravail.errors import ValidationError
    from teletravail.workforce import columnar

    monkeypatch.setattr(columnar, "available", lambda: False)
    data = b"id,hire_date\nA,2010-01-01\n"
    with pytest.raises(ValidationError, match="pyarrow"):
        Workforce.from_csv(io.BytesIO(data), columnar=True)
    assert Workforce.from_csv(io.BytesIO(data)).ids.tolist() == ["A"]


def test_a_typed_table_reads_as_its_text() -> None:
    """A table of typed columns (dates as date32, numbers as doubles, roles as
    dictionary codes, one of them unused, one blank) gives the rows and errors of the
    same cells written as text; the roles are read from their codes, no cell decoded."""
    from teletravail.workforce.columnar import arrow_cells

    dates = ["2010-01-01", "2011-05-02", "2012-03-04", "2013-01-07"]
    roles = pa.DictionaryArray.from_arrays(
        pa.array([1, 0, 1, 3], type=pa.int8()), pa.array(["cadre", "équipe", "inutilisé", " "])
    )
    typed = pa.table(
        {
            "matricule": ["A", "B", "C", "D"],
            "date_entree": pa.array(np.array(dates, dtype="datetime64[D]"), type=pa.date32()),
            "quotite": pa.array([80.0, 100.0, 120.0, 50.0]),
            "fonction": roles,
        }
    )
    text = pa.table(
        {
            "matricule": ["A", "B", "C", "D"],
            "date_entree": dates,
            "quotite": ["80", "100", "120", "50"],
            "fonction": ["équipe", "cadre", "équipe", " "],
        }
    )
    columns = {
        "matricule": "id",
        "date_entree": "hire_date",
        "quotite": ("working_time", "%"),
        "fonction": "role",
    }
    fast = Workforce.from_arrow(typed, errors="report", columns=columns)
    slow = Workforce.from_arrow(text, errors="report", columns=columns)
    _same(fast, slow)
    assert fast.ids.tolist() == ["A", "B", "D"] and [e.row for e in fast.rejected] == [2]
    coded = arrow_cells(roles, "role", None)
    assert isinstance(coded, CodedCells)
    assert coded.codes.tolist() == [1, 0, 1, 2] and coded.uniques == ["cadre", "équipe", " "]
