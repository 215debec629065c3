"""Assessing a Dask DataFrame partition by partition, on a local Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest

from teletravail import Q_, Workforce, presets
from teletravail.eligibility.selection import SelectionCampaign
from teletravail.errors import ValidationError
from teletravail.synthetic import lot_2013_population
from teletravail.tables import assessment_frame

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

from teletravail.distributed import assess_dask, assess_parquet  # noqa: E402 (after the skips)

LOT = presets.load("lot-2013")
ON = "2013-01-01"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of one in-process worker with two threads."""
    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def _register() -> pd.DataFrame:
    """3,000 agents with a missing date, a future hire, and an id repeated across partitions."""
    frame = lot_2013_population(3_000).to_pandas()
    frame.loc[5, "hire_date"] = None
    frame.loc[1_700, "hire_date"] = pd.Timestamp("2014-01-01")
    frame.loc[2_500, "id"] = frame.loc[10, "id"]
    frame.loc[2_600, "commute_distance_km"] = -4.0
    return frame


def _same_totals(found: dict[str, Any], expected: dict[str, Any]) -> None:
    assert list(found) == list(expected)
    for key, value in expected.items():
        if isinstance(value, int):
            assert found[key] == value, key
        elif key in ("allowance", "employer_costs"):
            assert found[key] == value, key  # cents added as integers: exact
        else:
            assert found[key].units == value.units, key
            assert found[key].magnitude == pytest.approx(value.magnitude, rel=1e-12), key


def test_totals_equal_the_assessment_in_memory(client: Any) -> None:
    """Partition by partition, the totals and the bad rows are those of one machine."""
    frame = _register()
    result = assess_dask(LOT, dd.from_pandas(frame, npartitions=3), ON)
    memory = LOT.assess_workforce(
        Workforce.from_pandas(frame, errors="report"), ON, errors="report"
    )
    _same_totals(dict(result.totals), memory.totals())
    expected = sorted(
        (*memory.decisions.workforce.rejected, *memory.decisions.errors), key=lambda e: e.row
    )
    assert [(e.row, e.field, e.message) for e in result.errors] == [
        (e.row, e.field, e.message) for e in expected
    ]
    assert [e.row for e in result.errors] == [5, 1_700, 2_500, 2_600]
    assert result.rows == 3_000 and result.failed == 4
    assert result.partition_rows == (1_000, 1_000, 1_000)


def test_per_row_table_matches_memory(client: Any) -> None:
    """rows=True gives a lazy table of every input row, numbered across partitions."""
    frame = _register()
    result = assess_dask(LOT, dd.from_pandas(frame, npartitions=4), ON, rows=True)
    table = result.frame.compute().reset_index(drop=True)
    memory = LOT.assess_workforce(
        Workforce.from_pandas(frame, errors="report"), ON, errors="report"
    )
    expected = assessment_frame(memory)
    assert table["row"].tolist() == list(range(3_000))
    assert table["status"].tolist() == expected["status"].tolist()
    assert table["error"].fillna("").tolist() == expected["error"].fillna("").tolist()
    assert np.allclose(table["days_workday"], expected["days_workday"], equal_nan=True)


def test_mapping_and_requested_reach_the_partitions(client: Any) -> None:
    """Column names of one's own and one ask for all work as in memory."""
    frame = lot_2013_population(600).to_pandas().rename(columns={"id": "matricule"})
    mapping = {"matricule": "id"}
    result = assess_dask(
        LOT, dd.from_pandas(frame, npartitions=2), ON, columns=mapping, requested="1 workday/week"
    )
    memory = LOT.assess_workforce(
        Workforce.from_pandas(frame, columns=mapping), ON, requested=Q_(1, "workday/week")
    )
    _same_totals(dict(result.totals), memory.totals())


def test_selection_campaigns_are_refused() -> None:
    """A campaign ranks across all rows: it cannot be split by partition."""
    campaign = attrs.evolve(LOT, selection=SelectionCampaign(seats=5, rank_by="seniority"))
    frame = dd.from_pandas(lot_2013_population(10).to_pandas(), npartitions=1)
    with pytest.raises(ValidationError) as caught:
        assess_dask(campaign, frame, ON)
    assert caught.value.field == "policy.selection"
    with pytest.raises(ValidationError, match="a Dask DataFrame"):
        assess_dask(LOT, lot_2013_population(10).to_pandas(), ON)
    with pytest.raises(ValidationError, match="in force"):
        assess_dask(LOT, frame, "2012-01-01")


def test_a_partitioned_parquet_register_gives_the_totals_in_memory(
    client: Any, tmp_path: Path
) -> None:
    """A folder of Parquet files, read by pyarrow file by file, adds up as one frame."""
    frame = _register()
    frame["payroll_note"] = "unused"  # a column the workforce does not read
    folder = tmp_path / "register"
    folder.mkdir()
    for part, start in enumerate(range(0, 3_000, 750)):
        frame.iloc[start : start + 750].to_parquet(folder / f"part-{part}.parquet", index=False)
    result = assess_parquet(LOT, folder, ON, ignore_columns=["payroll_note"])
    memory = LOT.assess_workforce(
        Workforce.from_pandas(frame.drop(columns="payroll_note"), errors="report"),
        ON,
        errors="report",
    )
    _same_totals(dict(result.totals), memory.totals())
    assert result.partition_rows == (750, 750, 750, 750)
    assert [e.row for e in result.errors] == [5, 1_700, 2_500, 2_600]
    renamed = frame.rename(columns={"id": "matricule"})
    renamed.to_parquet(tmp_path / "one.parquet", index=False, row_group_size=1_000)
    mapped = assess_parquet(
        LOT,
        tmp_path / "one.parquet",
        ON,
        columns={"matricule": "id"},
        ignore_columns=["payroll_note"],
        split_row_groups=True,
    )
    assert mapped.partition_rows == (1_000, 1_000, 1_000)
    _same_totals(dict(mapped.totals), memory.totals())
    with pytest.raises(ValidationError) as caught:
        assess_parquet(LOT, folder, ON, columns={"matricul": "id"})
    assert caught.value.field == "columns.matricul"
    with pytest.raises(ValidationError) as caught:
        assess_parquet(LOT, folder, ON)
    assert caught.value.field == "columns.payroll_note"


def test_ids_are_compared_as_text_where_their_hashes_meet() -> None:
    """Two different ids with one hash are not a repeat; a repeated id always is."""
    from teletravail.distributed import _repeated

    ids = [np.array(["A", "B"]), np.array(["C", "A"])]
    rows = [np.array([0, 1]), np.array([0, 1])]
    same = [np.zeros(2, dtype=np.uint64), np.zeros(2, dtype=np.uint64)]
    assert _repeated(ids, rows, same) == {1: ((1, "A"),)}
    distinct = [np.array(["A", "B"]), np.array(["C", "D"])]
    assert _repeated(distinct, rows, same) == {}
    assert _repeated(distinct, rows, [np.array([1, 2], dtype=np.uint64)] * 2) == {}
    encoded = [
        np.char.encode(np.array(["é1", "B"]), "utf-8"),
        np.char.encode(np.array(["é1"]), "utf-8"),
    ]
    one_hash = [np.zeros(2, dtype=np.uint64), np.zeros(1, dtype=np.uint64)]
    assert _repeated(encoded, [np.array([0, 1]), np.array([0])], one_hash) == {1: ((0, "é1"),)}


def test_an_ids_hash_does_not_depend_on_its_column() -> None:
    """The same id hashes the same in columns of any width; different ids differ."""
    from teletravail.distributed import _encoded, _hashes

    short = _hashes(_encoded(np.array(["A", "B-1"])))
    wide = _hashes(_encoded(np.array(["B-1", "A", "a much longer identifier", "é"])))
    assert short[0] == wide[1] and short[1] == wide[0]
    assert len(set(wide.tolist())) == 4
    assert _encoded(np.array(["é"]))[0].decode("utf-8") == "é"
    many = _hashes(_encoded(lot_2013_population(100_000).ids))
    assert len(np.unique(many)) == 100_000
