"""``teletravail report``: a register's bilan written as one HTML page."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from teletravail.cli import main


def _sample() -> str:
    return str(resources.files("teletravail") / "data" / "lot_2013_synthetic.csv")


def test_the_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The page is written in French, over the period asked, and the run says so."""
    out = tmp_path / "bilan.html"
    code = main(
        [
            "report",
            "lot-2013",
            _sample(),
            "-o",
            str(out),
            "--lang",
            "fr",
            "--period",
            "2013-01-01..2013-06-30",
        ]
    )
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "du 1er janvier au 30 juin 2013" in page
    assert capsys.readouterr().err == (
        f"teletravail report\u00a0: {out} écrit\u00a0: 1\u202f200 lignes, dont 0 en erreur\n"
    )


def test_an_existing_output_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --force an existing file is kept; with it, replaced; -q says nothing."""
    out = tmp_path / "bilan.html"
    out.write_text("keep")
    assert main(["report", "lot-2013", _sample(), "-o", str(out)]) == 1
    assert out.read_text() == "keep" and "--force" in capsys.readouterr().err
    assert main(["report", "lot-2013", _sample(), "-o", str(out), "--force", "-q"]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>") and capsys.readouterr().err == ""
    assert main(["report", "lot-2013", _sample(), "-o", _sample(), "--force"]) == 1


def test_the_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    """An output is a usage requirement (exit code 2)."""
    assert main(["report", "lot-2013", _sample()]) == 2
    assert "--output" in capsys.readouterr().err
