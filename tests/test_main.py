"""python -m teletravail: the same command as ``teletravail`` (teletravail.cli.main)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import teletravail
from teletravail import cli
from teletravail.__main__ import main


def test_module_main_is_the_command() -> None:
    """python -m teletravail runs teletravail.cli.main, nothing of its own."""
    assert main is cli.main


def test_no_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, the help goes to stderr with argparse's usage code."""
    assert main([]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "usage: teletravail" in err and "bilan" in err


def test_module_runs_in_a_fresh_process() -> None:
    """python -m teletravail --version runs in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "teletravail", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"teletravail {teletravail.__version__}"
