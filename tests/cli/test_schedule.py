"""``teletravail schedule`` in French: the agent, the dates and the months in words, the
days as quantities; the quota's refusal in French."""

from __future__ import annotations

import pytest

from teletravail.cli import main


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}.items():
        monkeypatch.setenv(name, value)


def test_summary_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """Written by hand: 1 March to 30 April 2013, Tuesday and Thursday mornings."""
    words = ["schedule", "--policy", "lot-2013", "--start", "2013-03-01", "--end", "2013-04-30"]
    assert main([*words, "--days", "tue,thu", "--half", "am", "--agent", "B", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Télétravail de l'agent B sous Lot 2013, du 1er mars au 30 avril 2013",
        "rythme\u00a0: mar matin @ domicile, jeu matin @ domicile (1 jour par semaine)",
        "mars 2013\u00a0: 4 jours",
        "avril 2013\u00a0: 4,5 jours",
        "total\u00a0: 8,5 jours sur 17 dates",
    ]


def test_refusal_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """A pattern over the quota is refused in French, exit 1."""
    words = ["schedule", "--policy", "lot-2013", "--start", "2013-03-01", "--end", "2013-04-30"]
    assert main([*words, "--days", "tue,wed,thu", "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "teletravail\u00a0: erreur\u00a0: le quota de Lot 2013 n'admet pas ce rythme"
    )
