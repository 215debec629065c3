"""``teletravail assess``: its summary on stderr in the command's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from teletravail.cli import main

STAFF = """\
id,hire_date,working_time_pct,role,commute_distance_km
LOT-001,2004-09-01,100,instructeur,28
LOT-002,2011-12-31,90,gestionnaire,far
"""


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}.items():
        monkeypatch.setenv(name, value)


def test_summary_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rows read, assessed and failed; French from the environment too."""
    path = tmp_path / "staff.csv"
    path.write_text(STAFF, encoding="utf-8")
    assert main(["assess", "--policy", "lot-2013", str(path)]) == 1
    assert capsys.readouterr().err == "teletravail assess: 2 rows read, 1 assessed, 1 failed\n"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["assess", "--policy", "lot-2013", str(path)]) == 1
    assert capsys.readouterr().err == (
        "teletravail assess\u00a0: 2 lignes lues, 1 évaluée, 1 en erreur\n"
    )
