"""The demonstration command: python -m teletravail."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from teletravail.__main__ import main


def test_main_prints_decisions(capsys: pytest.CaptureFixture[str]) -> None:
    """The default run prints every sample decision and the count."""
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.count("Agent LOT-") == 8
    assert "2 / 8 eligible (2013-01-01)" in out


def test_main_french_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang fr writes French; --json prints documents that parse."""
    assert main(["--lang", "fr"]) == 0
    assert "éligibles" in capsys.readouterr().out
    assert main(["--json", "--on", "2013-03-01"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["agents"] == 8
    assert document["summary"]["eligible"] == 3  # LOT-003 reaches one year on 2013-02-28
    assert len(document["decisions"]) == 8


def test_main_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad date is a clear error and a non-zero exit, not a traceback."""
    assert main(["--on", "yesterday"]) == 2
    assert "on: expected" in capsys.readouterr().err


def test_module_runs_in_a_fresh_process() -> None:
    """python -m teletravail runs as the README says."""
    done = subprocess.run(
        [sys.executable, "-m", "teletravail"], capture_output=True, text=True, check=True
    )
    assert "eligible (2013-01-01)" in done.stdout
