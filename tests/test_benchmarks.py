"""The benchmark scripts keep agreeing with the library (they are run by hand; nothing
here is timed): the numpy baselines of ``benchmarks/policy_lot2013.py`` give the
library's totals, and ``benchmarks/startup.py``'s first result still computes."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from teletravail.dated import Duration
from teletravail.synthetic import lot_2013_population

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


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
def lot(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _load("policy_lot2013", monkeypatch)


def test_numpy_baselines_give_the_library_totals(lot: ModuleType) -> None:
    """On 1,000 agents both numpy versions agree with policy.assess, agent by agent, and
    the totals match: counts and cents exactly, floats to 1e-12 of math.fsum."""
    workforce = lot_2013_population(1_000)
    policy = lot.build_policy(lot.modes_used(workforce))
    result, totals = lot.library(policy, workforce)
    ours = lot.library_totals(result, totals)
    columns = lot.Columns.of(workforce)
    for implementation in (lot.numpy_assess, lot.numpy_isin):
        plain = implementation(columns, lot.ON)
        gaps = lot.check(result, ours, plain)
        assert gaps.between <= 2 * lot.RELATIVE and gaps.exact <= lot.RELATIVE
        theirs = plain.totals()
        assert (theirs.eligible, theirs.cents) == (ours.eligible, ours.cents)
    assert 0 < ours.eligible < 1_000
    assert ours.cents == int(result.allowance_cents.sum())
    # spelled out: 100 EUR once and 2.88 EUR a day, capped at 253.44 EUR, per eligible
    days = np.where(
        result.entitled, np.minimum(workforce.requested_telework_workday_per_week, 1.5), 0
    )
    cents = np.where(result.entitled, 10_000 + np.minimum(days * 46 * 288, 25_344), 0)
    assert ours.cents == int(cents.sum())


def test_a_disagreement_is_caught(lot: ModuleType) -> None:
    """check() refuses numpy columns that differ from the library's by one cent."""
    workforce = lot_2013_population(200)
    policy = lot.build_policy(lot.modes_used(workforce))
    result, totals = lot.library(policy, workforce)
    plain = lot.numpy_assess(lot.Columns.of(workforce), lot.ON)
    plain.cents[int(np.flatnonzero(plain.eligible)[0])] += 1
    with pytest.raises(AssertionError, match="cents"):
        lot.check(result, lot.library_totals(result, totals), plain)


@pytest.mark.parametrize(
    "on", ["2013-01-01", "2013-02-28", "2013-03-01", "2012-02-29", "2016-02-28", "2016-02-29"]
)
def test_the_hand_written_cut_off_is_the_librarys(lot: ModuleType, on: str) -> None:
    """The numpy path's seniority cut-off is Duration(years=1).latest_start (29 February)."""
    day = dt.date.fromisoformat(on)
    assert lot.seniority_cutoff(day) == Duration(years=1).latest_start(day)


def test_the_script_runs_end_to_end(lot: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    """run() on one small size prints its table and finds no mismatch (timings unread)."""
    args = argparse.Namespace(
        sizes=[500], repeat=1, min_run=0.0, agent_calls=3, no_rss=True, quick=False
    )
    assert lot.run(args) == 0
    out = capsys.readouterr().out
    assert "ratio" in out and "one Agent" in out and "MISMATCH" not in out


def test_the_first_result_of_startup_computes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The snippet startup.py times in a fresh process runs (here, in this one)."""
    startup = _load("startup", monkeypatch)
    exec(startup.FIRST_RESULT, {})  # asserts the agent is entitled
    assert set(startup.CASES) >= {"import teletravail", "python -m teletravail --help"}
