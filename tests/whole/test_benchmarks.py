"""The benchmark scripts keep agreeing with the library (they are run by hand; nothing
here is timed): the numpy baselines of ``benchmarks/policy_year.py`` give the library's
figures, and ``benchmarks/startup.py``'s first result still computes."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from teletravail.dated import Duration
from teletravail.procedure import AuthorisationRegister
from teletravail.synthetic import lot_2013_population

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import a benchmark script by path (with its folder on the path, for _timing)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def year(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _load("policy_year", monkeypatch)


@pytest.mark.parametrize("index", range(4))
def test_numpy_baselines_give_the_library_totals(year: ModuleType, index: int) -> None:
    """On 1,000 agents the numpy version of each workload agrees with policy.assess,
    agent by agent (status, days, cents), and its float totals with math.fsum."""
    workload = year.WORKLOADS[index]
    workforce = lot_2013_population(1_000)
    policy = workload.policy()
    result, totals = year.library(policy, workforce, workload.on)
    table, factor = year.year_halves(workload)
    plain = year.numpy_assess(workload, year.Columns.of(workforce), table, float(factor[0]))
    assert year.check(result, totals, plain) <= year.RELATIVE
    assert 0 < totals["granted"] < 1_000
    # spelled out for the Lot: 100 EUR for each agent granted telework
    if workload.preset == "lot-2013":
        assert round(totals["allowance"].m_as("cent")) == 10_000 * totals["granted"]


def test_a_disagreement_is_caught(year: ModuleType) -> None:
    """check() refuses numpy columns that differ from the library's by one cent."""
    workload = year.STATE
    workforce = lot_2013_population(200)
    result, totals = year.library(workload.policy(), workforce, workload.on)
    table, factor = year.year_halves(workload)
    plain = year.numpy_assess(workload, year.Columns.of(workforce), table, float(factor[0]))
    plain.cents[int(np.flatnonzero(plain.granted)[0])] += 1
    with pytest.raises(AssertionError, match="cents"):
        year.check(result, totals, plain)


def test_the_hand_written_cut_off_is_the_librarys() -> None:
    """The numpy path's seniority cut-off on 1 January is Duration(years=1).latest_start."""
    for on in ("2013-01-01", "2024-01-01"):
        day = dt.date.fromisoformat(on)
        assert dt.date(day.year - 1, 1, 1) == Duration(years=1).latest_start(day)


def test_the_script_runs_end_to_end(year: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    """run() on one small size prints its table and finds no mismatch (timings unread)."""
    args = argparse.Namespace(sizes=[500], repeat=1, min_run=0.0, agent_calls=40, quick=False)
    assert year.run(args) == 0
    out = capsys.readouterr().out
    assert "ratio" in out and "one Agent" in out and "MISMATCH" not in out


def test_the_first_result_of_startup_computes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The snippet startup.py times in a fresh process runs (here, in this one)."""
    startup = _load("startup", monkeypatch)
    exec(startup.FIRST_RESULT, {})  # asserts the agent is entitled
    assert set(startup.CASES) >= {"import teletravail", "python -m teletravail --help"}


@pytest.mark.parametrize("name", ["eligibility_lot2013", "scheduling_year"])
def test_the_other_scripts_run_end_to_end(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The eligibility and scheduling benchmarks run on a small size and agree with their
    numpy baselines (timings unread), so that they do not rot between manual runs."""
    script = _load(name, monkeypatch)
    args = script.parse_args(
        ["--sizes", "300", "--repeat", "1", "--min-run", "0", "--agent-calls", "5"]
    )
    assert script.run(args) == 0
    out = capsys.readouterr().out
    assert "numpy" in out and "MISMATCH" not in out


def test_the_fuzz_campaign_finds_nothing_on_a_short_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """400 mutated documents: each refused at key paths, or loaded, assessed and
    written back (the long campaign, 10,000 and more, is run by hand)."""
    fuzz = _load("fuzz_documents", monkeypatch)
    assert fuzz.run(400, seed=11) == 0
    out = capsys.readouterr().out
    assert "400 documents" in out and "0 failures" in out


def test_the_hostile_documents_are_within_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every worst-case document the cost benchmark loads stays under the size limit
    (so that it measures documents the loader must take), and the cheapest loads."""
    from teletravail import config

    hostile = _load("hostile_documents", monkeypatch)
    sizes = {name: len(make().encode("utf-8")) for name, make in hostile.CASES.items()}
    assert all(0 < size <= config.MAX_BYTES for size in sizes.values()), sizes
    assert config.loads(hostile.long_texts()).description.startswith("éé")


def test_the_authorisations_script_runs_quickly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """benchmarks/authorisations.py --quick: its rows agree with the histories rebuilt from
    the same draws, and each query is timed (timings unread)."""
    script = _load("authorisations", monkeypatch)
    assert script.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "100 rows agree with their histories" in out
    assert "due (30 days)" in out and "MISMATCH" not in out


def test_the_authorisations_check_catches_a_wrong_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """check() refuses a register whose row says another state than its history."""
    script = _load("authorisations", monkeypatch)
    drawn = script.draw(300)
    table = script.columns(drawn)
    row = int(np.flatnonzero(table["state"] == "refused")[0])
    table["state"][row] = "requested"
    register = AuthorisationRegister.from_columns(table)
    with pytest.raises(AssertionError, match=f"row {row}"):
        script.check(register, drawn, np.array([row]))


def test_the_agent_documents_script_runs_quickly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """benchmarks/agent_documents.py --quick: the documents read in bulk agree with
    Agent.from_dict of each, and each step is timed (timings unread)."""
    script = _load("agent_documents", monkeypatch)
    assert script.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "from_records, text" in out and "MISMATCH" not in out


def test_the_agent_documents_check_catches_a_wrong_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """check() refuses a bulk reading that differs from a document read alone."""
    script = _load("agent_documents", monkeypatch)
    workforce, text = script.documents(50)
    read = json.loads(text)
    read[7] = {**read[7], "commute_distance": {"value": 1, "unit": "km"}}
    with pytest.raises(AssertionError, match="row 7"):
        script.check(workforce, read, [7])


def test_the_national_register_is_written_with_unique_ids(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The 10,000,000-agent benchmark's register: its files, columns and ids across files."""
    import pandas as pd

    script = _load("national_parquet", monkeypatch)
    paths = script.write_register(tmp_path, 250, 3)
    frames = [pd.read_parquet(path) for path in paths]
    assert [len(f) for f in frames] == [84, 84, 82]
    assert all(list(f.columns) == script.REGISTER_COLUMNS for f in frames)
    ids = pd.concat(frames)["id"]
    assert ids.is_unique and ids.iloc[0] == "SYN-00000001" and ids.iloc[-1] == "SYN-00000250"


def test_the_reading_benchmark_reads_every_row(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """benchmarks/reading.py's register, from CSV and from Parquet, comes out whole: a
    row per input row, its 1 % of bad rows set aside with their number, the same rows
    and totals from both files; the typed Parquet file's columns are typed, and its bad
    rows are those a typed column can hold (bad dates missing, a working time of 120)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    reading = _load("reading", monkeypatch)
    csv_path, parquet_path, typed_path, bad, bad_typed = reading.write_register(2_000, tmp_path)
    from_csv = reading.measure("csv", str(csv_path))
    from_parquet = reading.measure("parquet", str(parquet_path))
    assert bad == 20 and from_csv["rows"] == 2_000 and from_csv["rejected"] == bad
    schema = pq.read_schema(typed_path)
    assert schema.field("date_entree").type == pa.date32()
    assert schema.field("quotite").type == pa.float64()
    assert pa.types.is_dictionary(schema.field("fonction").type)
    from_typed = reading.measure("parquet", str(typed_path))
    assert 0 < bad_typed < bad and from_typed["rows"] == 2_000
    assert from_typed["rejected"] == bad_typed
    assert {field for _, field in from_typed["errors"]} <= {"hire_date", "working_time"}
    for key in ("rows", "rejected", "errors", "granted"):
        assert from_csv[key] == from_parquet[key]
    assert {field for _, field in from_csv["errors"]} <= {
        "hire_date",
        "commute_distance",
        "working_time",
    }
