"""``teletravail bilan`` in French and English: statuses by their labels, rules by their
names, French numbers, money and dates, no code; its JSON keeps the codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import resources

import pytest

from teletravail import presets
from teletravail.cli import main
from teletravail.explain.names import rule_name
from teletravail.samples import LOT_2013_SAMPLE, lot_2013_workforce
from teletravail.statuses import RowStatus

#: The synthetic register the package ships.
REGISTER = str(resources.files("teletravail") / "data" / LOT_2013_SAMPLE)

#: English words the French report must not show.
ENGLISH = {
    "workforce", "rows", "read", "agents assessed", "eligible", "granted", "refused",
    "criteria", "rules", "way", "period", "telework", "days", "allowance", "paid",
    "employer", "costs", "commutes", "avoided", "time", "emissions", "net", "gross",
    "money", "saved", "volunteer", "volunteering", "seniority", "EUR", "not", "of", "the",
    "to", "and", "synthetic", "unreadable", "invalid", "rejected",
}  # fmt: skip
#: A stable code in prose: a word with an underscore inside, or dotted words.
CODE = re.compile(r"[a-z]_[a-z]|\b[a-z]+\.[a-z_]+\b")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def french_report() -> str:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANG": "fr_FR.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-m", "teletravail", "bilan", "lot-2013", REGISTER],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_french_report_from_the_environment() -> None:
    """LANG=fr_FR.UTF-8 and the shipped register: the report in French, no code, no
    English word, no ISO date; figures as Babel's fr_FR writes them (written by hand)."""
    text = french_report()
    words = set(re.findall(r"[^\W\d_]+", text))
    assert not words & ENGLISH, words & ENGLISH
    assert "agents assessed" not in text
    assert not CODE.search(text), CODE.search(text)
    assert not ISO_DATE.search(text)
    lines = text.splitlines()
    assert lines[0] == (
        "Bilan du télétravail\u00a0: Lot 2013 (Conseil général du Lot) au 1er janvier 2013"
    )
    assert lines[1].startswith("effectif\u00a0: l'échantillon synthétique des postes du Lot")
    assert "  volontariat\u00a0: 1\u202f088" in lines
    assert "éligibles\u00a0: 20" in lines and "accordés\u00a0: 13" in lines
    assert "période\u00a0: du 1er janvier au 31 décembre 2013" in lines
    assert "indemnités versées\u00a0: 1\u202f300,00\u00a0€" in lines
    assert "lignes en erreur\u00a0: 0 (illisibles\u00a0: 0, non évalués\u00a0: 0)" in lines


def test_the_report_names_each_rule_and_status(capsys: pytest.CaptureFixture[str]) -> None:
    """Every criterion and rule counted is named in words, in each language; the
    statuses by their labels."""
    policy = presets.load("lot-2013")
    batch = policy.assess_workforce(lot_2013_workforce(), policy.period.start)
    for lang in ("en", "fr"):
        assert main(["bilan", "lot-2013", "--lang", lang]) == 0
        out = capsys.readouterr().out
        colon = ":" if lang == "en" else "\u00a0:"
        for code in (*batch.refusal_counts(), *batch.decisions.failure_counts()):
            assert f"  {rule_name(code).text(lang)}{colon} " in out
            assert f" {code}{colon}" not in out
        for status in (RowStatus.ELIGIBLE, RowStatus.GRANTED, RowStatus.REFUSED):
            assert f"\n{status.plural_label.text(lang)}{colon} " in out


def test_english_report(capsys: pytest.CaptureFixture[str]) -> None:
    """English: €1,300.00, 1 January 2013, rules in words."""
    assert main(["bilan", "lot-2013", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Telework report: Lot 2013 (Conseil général du Lot) on 1 January 2013")
    assert "allowance paid: €1,300.00\n" in out and "  volunteering: 1,088\n" in out
    assert not CODE.search(out) and not ISO_DATE.search(out)


def test_json_keeps_its_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """--json is the same document in either language: codes, ISO dates, version 4."""
    assert main(["bilan", "lot-2013", "--json", "--lang", "fr"]) == 0
    french = json.loads(capsys.readouterr().out)
    assert main(["bilan", "lot-2013", "--json", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out) == french
    assert french["schema_version"] == 5 and french["on"] == "2013-01-01"
    assert "volunteer" in french["refused_by_criterion"]


def test_the_shipped_register_is_labelled_synthetic(capsys: pytest.CaptureFixture[str]) -> None:
    """Given as a file, the shipped register is still said to be synthetic."""
    assert main(["bilan", "lot-2013", REGISTER, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["workforce"] == {"source": REGISTER, "synthetic": True}
