"""Reading workforces at the edges: column mappings, CSV and Parquet files, bad input."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Workforce, presets
from teletravail.errors import RegisterError, ValidationError, WorkforceError
from teletravail.synthetic import lot_2013_population
from teletravail.tables import assessment_frame, row_counts
from teletravail.workforce.io import read_workforce

LOT = presets.load("lot-2013")
ON = "2013-01-01"


def _csv(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- column mappings -----------------------------------------------------------------------


def test_from_pandas_maps_columns_with_their_units() -> None:
    """A mapping renames columns, takes a unit from a suffix or a pair, and skips columns."""
    frame = pd.DataFrame(
        {
            "agent": ["A", "B"],
            "embauche": ["2010-01-01", "2011-06-01"],
            "distance_km": [12.0, np.nan],
            "dist_mi": [np.nan, 10.0],
            "service": ["routes", "rh"],
        }
    )
    workforce = Workforce.from_pandas(
        frame.drop(columns="dist_mi"),
        columns={"agent": "id", "embauche": "hire_date", "distance_km": "commute_distance_km"},
        ignore_columns={"service"},
    )
    assert workforce.ids.tolist() == ["A", "B"]
    assert workforce.commute_distance_km[0] == 12.0 and np.isnan(workforce.commute_distance_km[1])
    miles = Workforce.from_pandas(
        frame.drop(columns="distance_km"),
        columns={
            "agent": "id",
            "embauche": "hire_date",
            "dist_mi": ("commute_distance", "mi"),
            "service": None,
        },
    )
    assert miles.commute_distance_km[1] == pytest.approx(16.09344)


@pytest.mark.parametrize(
    ("columns", "field", "says"),
    [
        ({"agent": "distance"}, "columns.agent", "did you mean 'commute_distance'"),
        ({"dist": ("commute_distance", "kg")}, "columns.dist", "dimension [length]"),
        ({"dist": ("commute_distance", "furlongs_per_jiffy")}, "columns.dist", "pint knows"),
        ({"dist": ("role", "km")}, "columns.dist", "(field, unit) pair"),
        ({"dist": 12}, "columns.dist", "a field name"),
        ({"agnet": "id"}, "columns.agnet", "did you mean 'agent'"),
        ({"agent": "id", "other": "id"}, "columns.other", "not two"),
    ],
)
def test_bad_mappings_name_the_column(columns: dict[str, object], field: str, says: str) -> None:
    """A mapping that cannot be right is a ValidationError naming the input column."""
    frame = pd.DataFrame(
        {"agent": ["A"], "other": ["B"], "dist": [1.0], "hire_date": ["2010-01-01"]}
    )
    with pytest.raises(ValidationError) as caught:
        Workforce.from_pandas(frame, columns=columns, ignore_columns=set(frame) - set(columns))
    assert caught.value.field == field
    assert says in str(caught.value)


def test_mapping_and_ignoring_one_column_is_refused() -> None:
    """A column both mapped and ignored is ambiguous."""
    with pytest.raises(ValidationError, match="mapped or ignored"):
        Workforce.from_records([], columns={"a": "id"}, ignore_columns={"a"})


def test_records_and_csv_take_a_mapping_too() -> None:
    """from_records and from_csv accept the same mapping; records may mix units."""
    records = [
        {"matricule": "A", "hire_date": "2010-01-01", "trajet_mi": "1"},
        {"matricule": "B", "hire_date": "2010-01-01", "commute_distance_km": 2},
    ]
    workforce = Workforce.from_records(
        records, columns={"matricule": "id", "trajet_mi": ("commute_distance", "mi")}
    )
    assert workforce.commute_distance_km.tolist() == pytest.approx([1.609344, 2.0])
    with pytest.raises(ValidationError, match=r"columns\.trajet"):
        Workforce.from_records(records, columns={"matricule": "id", "trajet": "id_mi"})
    text = "matricule;hire_date;km\nA;2010-01-01;12,5\n"
    read = Workforce.from_csv(
        io.StringIO(text), columns={"matricule": "id", "km": ("commute_distance", "km")}
    )
    assert read.commute_distance_km.tolist() == [12.5]


def test_pint_columns_round_trip() -> None:
    """to_pandas(units='pint') gives pint-pandas columns that from_pandas reads back."""
    pytest.importorskip("pint_pandas")
    from teletravail.tables import use_pint_pandas

    use_pint_pandas()
    staff = lot_2013_population(50)
    frame = staff.to_pandas(units="pint")
    assert str(frame["commute_distance"].dtype) == "pint[kilometer][Float64]"
    miles = frame.assign(commute_distance=frame["commute_distance"].pint.to("mi"))
    again = Workforce.from_pandas(miles)
    assert np.allclose(again.commute_distance_km, staff.commute_distance_km, rtol=1e-12)
    assert np.array_equal(again.ids, staff.ids)
    assert np.array_equal(again.working_time_percent, staff.working_time_percent)
    assert np.array_equal(
        again.requested_telework_workday_per_week, staff.requested_telework_workday_per_week
    )
    wrong = frame.assign(commute_distance=frame["commute_time"])
    with pytest.raises(ValidationError) as caught:
        Workforce.from_pandas(wrong)
    assert caught.value.field == "columns.commute_distance"


def test_pint_tables_need_the_registry_handed_over() -> None:
    """units='pint' refuses to run while pint-pandas uses another registry."""
    pint_pandas = pytest.importorskip("pint_pandas")
    before = pint_pandas.PintType.ureg
    pint_pandas.PintType.ureg = pint_pandas.PintType.ureg.__class__()
    try:
        with pytest.raises(ValidationError, match="use_pint_pandas"):
            lot_2013_population(3).to_pandas(units="pint")
    finally:
        pint_pandas.PintType.ureg = before
    with pytest.raises(ValidationError, match="'plain' or 'pint'"):
        lot_2013_population(3).to_pandas(units="si")  # type: ignore[arg-type]


# --- pandas and records agree ---------------------------------------------------------------

_CELLS = {
    "id": st.sampled_from(["A", "B", "C", " D ", "", None, "A"]),
    "hire_date": st.sampled_from(["2010-01-01", "2012-02-29", "2013-02-30", "01/02/2010", None]),
    "working_time_pct": st.sampled_from([90.0, 100.0, 50.0, 120.0, np.nan]),
    "commute_distance": st.sampled_from(["12 km", "3 mi", "douze", "4 kg", None]),
    "role": st.sampled_from(["cadre", " instructeur ", None]),
    "tags": st.sampled_from(["a;b", "", "x|y", None]),
    "commute_mode": st.sampled_from(["bus", "BIKE", "velo", None]),
    "volunteer": st.sampled_from(["oui", "non", "peut-être", None]),
    "derogations": st.sampled_from(["health:2024-01-01/", "sick:2024-01-01/", None]),
}


@given(st.lists(st.fixed_dictionaries(_CELLS), max_size=8))
def test_from_pandas_agrees_with_from_records(rows: list[dict[str, object]]) -> None:
    """Whole-column reading gives the agents and the bad rows that row-by-row reading gives."""
    frame = pd.DataFrame(rows, columns=list(_CELLS))
    records = [dict(r) for r in rows]
    by_column = Workforce.from_pandas(frame, errors="report")
    by_row = Workforce.from_records(records, errors="report")
    assert list(by_column) == list(by_row)
    assert by_column.source_rows.tolist() == by_row.source_rows.tolist()
    assert [(e.row, e.field, e.message) for e in by_column.rejected] == [
        (e.row, e.field, e.message) for e in by_row.rejected
    ]
    assert len(by_column) + len(by_column.rejected) == len(rows)


def test_from_pandas_reads_typed_columns_whole() -> None:
    """Dates, booleans and numbers with a unit are read as columns; a time of day is refused."""
    frame = pd.DataFrame(
        {
            "id": ["A", "B", "C", "D"],
            "hire_date": pd.to_datetime(
                ["2010-01-01", None, "2011-01-01 12:30", "2012-01-01"], format="ISO8601"
            ),
            "volunteer": [True, False, True, True],
            "working_time_pct": pd.array([90, None, 80, 100], dtype="Int64"),
        }
    )
    workforce = Workforce.from_pandas(frame, errors="report")
    assert workforce.ids.tolist() == ["A", "D"]
    assert workforce.working_time_percent.tolist() == [90.0, 100.0]
    assert [(e.row, e.field) for e in workforce.rejected] == [(1, "hire_date"), (2, "hire_date")]
    assert "time of day" in workforce.rejected[1].message


# --- files ----------------------------------------------------------------------------------


def test_read_csv_and_parquet_alike(tmp_path: Path) -> None:
    """A register written as CSV and as Parquet reads back into the same workforce."""
    pytest.importorskip("pyarrow")
    staff = lot_2013_population(200)
    frame = staff.to_pandas().rename(columns={"id": "matricule"})
    frame["service"] = "routes"
    frame.to_csv(tmp_path / "staff.csv", index=False)
    frame.to_parquet(tmp_path / "staff.parquet")
    mapping = {"matricule": "id", "service": None}
    from_csv = read_workforce(tmp_path / "staff.csv", columns=mapping)
    from_parquet = read_workforce(tmp_path / "staff.parquet", columns=mapping)
    assert list(from_csv) == list(staff) == list(from_parquet)


def test_read_workforce_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    """Unknown suffixes, missing files and broken Parquet are errors naming the problem."""
    with pytest.raises(ValidationError, match=r"\.parquet"):
        read_workforce(tmp_path / "staff.ods")
    with pytest.raises(ValidationError, match="exists"):
        read_workforce(tmp_path / "missing.csv")
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet")
    pytest.importorskip("pyarrow")
    with pytest.raises(ValidationError, match="a Parquet file"):
        read_workforce(broken)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id;hire_date;role\nA;2010-01-01;équipe\n".encode("latin-1"))
    assert read_workforce(latin).role.value(0) == "équipe"  # a French spreadsheet's export
    with pytest.raises(ValidationError, match="encoding"):
        read_workforce(latin, encoding="utf-8")
    with pytest.raises(ValidationError, match="no delimiter"):
        read_workforce(broken, delimiter=";")


def test_parquet_reads_only_the_columns_used(tmp_path: Path) -> None:
    """Columns mapped to None are not even read (an unreadable type there does no harm)."""
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame({"id": ["A"], "hire_date": ["2010-01-01"], "blob": [{"nested": [1, 2]}]})
    frame.to_parquet(tmp_path / "staff.pq")
    assert read_workforce(tmp_path / "staff.pq", columns={"blob": None}).ids.tolist() == ["A"]


# --- bad input: every row comes out -----------------------------------------------------------

BAD = """id,hire_date,working_time_pct,commute_distance_km
A,2010-01-01,90,12
B,2010-01-01,100,douze
C,01/02/2010,100,5
A,2009-05-01,100,7
D,2011-03-01,100,
E,2014-01-01,100,3
"""


def test_bad_csv_every_row_comes_out(tmp_path: Path) -> None:
    """Non-numeric distance, unknown date format, duplicate id, future hire: all kept."""
    staff = read_workforce(_csv(tmp_path, BAD))
    assert staff.ids.tolist() == ["A", "D", "E"]
    assert [(e.row, e.field) for e in staff.rejected] == [
        (1, "commute_distance"),
        (2, "hire_date"),
        (3, "id"),
    ]
    assert "ISO date" in staff.rejected[1].message
    batch = LOT.assess_workforce(staff, ON, errors="report")
    table = assessment_frame(batch)
    assert table["row"].tolist() == [0, 1, 2, 3, 4, 5]
    assert table["status"].tolist() == [
        batch.statuses()[0],
        "rejected",
        "rejected",
        "rejected",
        batch.statuses()[1],
        "invalid",
    ]
    assert set(batch.statuses()[:2]) <= {"granted", "refused", "not_eligible"}
    assert table["error"].notna().tolist() == [False, True, True, True, False, True]
    assert np.isnan(table["days_workday"][5]) and table["eligible"].isna().tolist()[5]
    assert row_counts(batch) == {
        "rows": 6,
        "assessed": 2,
        "invalid": 1,
        "rejected": 3,
        "failed": 4,
    }


def test_missing_columns_with_and_without_defaults(tmp_path: Path) -> None:
    """An optional column may be absent; a missing required one fails every row, saying why."""
    optional = read_workforce(_csv(tmp_path, "id,hire_date\nA,2010-01-01\n"))
    assert optional.commute_mode.tolist() == [0] and optional.volunteer.tolist() == [True]
    required = read_workforce(_csv(tmp_path, "id,working_time_pct\nA,90\nB,80\n", "b.csv"))
    assert len(required) == 0 and [e.row for e in required.rejected] == [0, 1]
    assert "there is no hire_date column" in required.rejected[0].message
    with pytest.raises(WorkforceError, match="2 invalid row"):
        read_workforce(_csv(tmp_path, "id,working_time_pct\nA,90\nB,80\n", "c.csv"), errors="raise")


def test_duplicate_ids_keep_the_first_good_row() -> None:
    """The first good row keeps an id; later rows with it are bad; a bad row claims no id."""
    records = [
        {"id": "A", "hire_date": "2010-01-01", "working_time": "120 %"},
        {"id": "A", "hire_date": "2010-01-01"},
        {"id": "A", "hire_date": "2011-01-01"},
    ]
    workforce = Workforce.from_records(records, errors="report")
    assert workforce.source_rows.tolist() == [1]
    assert [(e.row, e.field) for e in workforce.rejected] == [(0, "working_time"), (2, "id")]


def test_two_columns_for_one_field_is_a_header_error(tmp_path: Path) -> None:
    """A header giving one field twice is refused as a whole, naming both columns."""
    path = _csv(
        tmp_path, "id,hire_date,commute_distance_km,commute_distance_mi\nA,2010-01-01,1,2\n"
    )
    with pytest.raises(ValidationError, match="not two") as caught:
        read_workforce(path)
    assert caught.value.field == "columns.commute_distance_mi"


def test_large_frames_round_trip_column_by_column() -> None:
    """A frame of 20,000 rows round-trips through to_pandas and from_pandas unchanged."""
    staff = lot_2013_population(20_000)
    again = Workforce.from_pandas(staff.to_pandas())
    assert np.array_equal(again.ids, staff.ids)
    assert np.array_equal(again.hire_date, staff.hire_date)
    assert again.role.categories == staff.role.categories
    assert np.array_equal(again.role.codes, staff.role.codes)
    assert np.array_equal(again.commute_distance_km, staff.commute_distance_km)


def test_impact_and_assessment_tables_in_pint_columns() -> None:
    """The impact report and the per-row assessment table also have pint-pandas columns."""
    pytest.importorskip("pint_pandas")
    from teletravail.tables import use_pint_pandas

    use_pint_pandas()
    batch = LOT.assess_workforce(lot_2013_population(40), ON)
    impact = batch.impact.to_pandas(units="pint")
    assert str(impact["net"].dtype) == "pint[CO2e * kilogram][Float64]"
    assert list(batch.impact.to_pandas().columns)[2] == "days_workday"
    table = assessment_frame(batch, units="pint")
    total = table["allowance"].pint.to("EUR").sum()
    assert float(total.magnitude) == batch.totals()["allowance"].m_as("EUR")


# --- files that cannot be read at all: the file, the column, the rows not read ----------------


def test_a_file_in_an_unknown_encoding_names_the_file(tmp_path: Path) -> None:
    """A UTF-16 export is not read as Windows-1252 garbage: the error names the file,
    the encoding found and the rows not read; given its encoding, it reads."""
    path = tmp_path / "export.csv"
    path.write_bytes("id,hire_date\nA,2010-01-01\nB,2011-01-01\n".encode("utf-16"))
    with pytest.raises(RegisterError) as caught:
        read_workforce(path)
    error = caught.value
    assert error.source == str(path) and error.field == "encoding" and error.value == "UTF-16"
    assert error.rows == 2 and str(error).endswith("(2 rows not read)")
    assert error.text("fr").endswith("(2 lignes non lues)")
    assert read_workforce(path, encoding="utf-16").ids.tolist() == ["A", "B"]


def test_a_mapping_to_a_missing_column_or_two_columns_for_one_field(tmp_path: Path) -> None:
    """A mapped column the file lacks, and two columns for one field, name the file and
    the column; no row is read."""
    path = tmp_path / "registre.csv"
    path.write_text("matricule;date_entree;quotite\nM-1;2010-01-01;80\n", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        read_workforce(path, columns={"matricule": "id", "date_entre": "hire_date"})
    assert caught.value.field == "columns.date_entre" and caught.value.rows == 1
    assert "did you mean 'date_entree'" in str(caught.value)
    with pytest.raises(RegisterError) as caught:
        read_workforce(path, columns={"matricule": "id", "date_entree": "id"})
    assert caught.value.field == "columns.date_entree" and str(path) in str(caught.value)


def test_an_xlsx_workbook_is_read_and_merged_header_cells_refused(tmp_path: Path) -> None:
    """The first sheet of a workbook reads as a CSV file would, typed cells included
    (dates, numbers, an id as a whole number); merged header cells are an error naming
    the file and the columns merged."""
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["matricule", "date_entree", "trajet_km", "fonction"])
    sheet.append(["M-1", dt.date(2010, 1, 1), 12.5, "équipe"])
    sheet.append([42, dt.datetime(2011, 1, 1), "7,5", "cadre"])
    sheet.append([])
    sheet.append(["M-3", "2013-02-30", "douze", "cadre"])
    path = tmp_path / "registre.xlsx"
    book.save(path)
    mapping = {
        "matricule": "id",
        "date_entree": "hire_date",
        "trajet_km": "commute_distance_km",
        "fonction": "role",
    }
    staff = read_workforce(path, columns=mapping)
    assert staff.ids.tolist() == ["M-1", "42"]
    assert staff.commute_distance_km.tolist() == [12.5, 7.5]
    assert [(e.row, e.field) for e in staff.rejected] == [(2, "hire_date")]
    sheet.merge_cells("C1:D1")
    book.save(path)
    with pytest.raises(RegisterError) as caught:
        read_workforce(path, columns=mapping)
    assert caught.value.field == "header" and caught.value.rows == 4
    assert "columns C to D are merged" in str(caught.value)


def test_a_parquet_file_of_the_wrong_types_keeps_every_row(tmp_path: Path) -> None:
    """Hire dates written as numbers and distances as booleans: every row comes out,
    each with its row number, field and error, and the run says how many failed."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": ["A", "B", "C"],
            "hire_date": [20100101, 20110101, None],
            "commute_distance_km": [True, False, True],
        }
    )
    pq.write_table(table, tmp_path / "staff.parquet")
    staff = read_workforce(tmp_path / "staff.parquet")
    assert len(staff) == 0 and [e.row for e in staff.rejected] == [0, 1, 2]
    assert [e.field for e in staff.rejected] == ["hire_date"] * 3
    assert staff.rejected[0].message == (
        "hire_date: expected a date (datetime.date or 'YYYY-MM-DD'), got 20100101"
    )
    good = pa.table({"id": ["A"], "hire_date": pa.array([dt.date(2010, 1, 1)])})
    pq.write_table(good, tmp_path / "good.parquet")
    assert read_workforce(tmp_path / "good.parquet").ids.tolist() == ["A"]
