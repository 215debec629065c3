"""``teletravail reproduce``: the table as text, CSV and JSON, and an unknown scenario."""

from __future__ import annotations

import json

import pytest

from teletravail.cli import main


def test_text_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reproduce", "lozere-2015", "telecentres-2012", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Chiffres publiés et chiffres du modèle\n")
    assert (
        "  agents retenus sur la distance domicile-travail       8       8  0 (0,0\u00a0%)" in out
    )
    assert main(["reproduce", "telecentres-2012", "--format", "json", "--ranges"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "teletravail.reproduction"
    last = document["rows"][-1]
    assert last["model"] == {"value": "11.97", "unit": "EUR"}
    assert last["range"] == {
        "low": {"value": "6.59", "unit": "EUR"},
        "high": {"value": "29.50", "unit": "EUR"},
    }
    assert main(["reproduce", "lot-2013", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["posts", "teleworkable", "eligible"]


def test_an_unknown_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reproduce", "lozere"]) == 1
    assert capsys.readouterr().err == (
        "teletravail: error: scenario: expected one of: lot-2012, lot-2013, lozere-2015,"
        " telecentres-2012 (did you mean 'lozere-2015'?), got 'lozere'\n"
    )
