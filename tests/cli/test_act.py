"""``teletravail act``: the act and its information document written from the command
line, to stdout or a file, in either language and format, with replaced templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from teletravail.cli import EXIT_OK, EXIT_PROBLEMS, main

ACT = [
    "act",
    "--policy",
    "public-service",
    "--on",
    "2025-09-01",
    "--kind",
    "arrêté",
    "--employer",
    "Conseil départemental du Lot",
    "--territory",
    "Lot",
    "--agent",
    "A-17",
    "--name",
    "Claire Martin",
    "--hire-date",
    "2015-01-01",
    "--contract",
    "contractuel",
    "--duties",
    "instruction des marchés",
    "--days",
    "Tue @ home, Thu @ telecentre:Figeac",
    "--hours",
    "9h-12h",
    "--signed-at",
    "Cahors",
]
DOCUMENT = [
    "--document",
    "--time-rules",
    "Horaires du service.",
    "--equipment",
    "Un ordinateur portable.",
    "--health-safety",
    "Règles de sécurité.",
    "--data-protection",
    "Connexion sécurisée.",
]


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}.items():
        monkeypatch.setenv(name, value)


def test_the_act_in_french_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """The pattern granted, the CCP for contract staff, the date in words."""
    assert main([*ACT, "--lang", "fr"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("# Arrêté portant autorisation d'exercer ses fonctions en télétravail\n")
    assert "Jours fixes\u00a0: mardi à domicile, jeudi au télécentre de Figeac." in out
    assert "commission consultative paritaire (CCP)" in out
    assert "Fait à Cahors, le 1er septembre 2025." in out


def test_the_document_as_html_to_a_file(tmp_path: Path) -> None:
    """--document --format html -o writes the information document, escaped."""
    output = tmp_path / "information.html"
    words = [*ACT, *DOCUMENT, "--format", "html", "--lang", "en", "-o", str(output)]
    words[words.index("Claire Martin")] = "Claire <Martin>"
    assert main(words) == EXIT_OK
    text = output.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Claire &lt;Martin&gt;" in text
    assert "<h2>5. Ending telework</h2>" in text
    assert main(words) == EXIT_PROBLEMS  # the output exists: --force replaces it
    assert main([*words, "--force"]) == EXIT_OK


def test_replaced_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--templates: a file of the shipped name replaces that template."""
    (tmp_path / "act.en.md").write_text(
        "{{ agent_name }}|{{ duties }}|{{ places }}|{{ modality }}|{{ duration }}|{{ hours }}"
        "|{{ start }}|{{ adaptation }}\n",
        encoding="utf-8",
    )
    assert main([*ACT, "--lang", "en", "--templates", str(tmp_path)]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Claire Martin|instruction des marchés|at home")


def test_the_document_needs_its_texts(capsys: pytest.CaptureFixture[str]) -> None:
    """--document without --equipment: exit 1, naming the option."""
    words = [*ACT, *DOCUMENT]
    index = words.index("--equipment")
    del words[index : index + 2]
    assert main(words) == EXIT_PROBLEMS
    assert "--equipment: expected the text of the mention 'equipment provided'" in (
        capsys.readouterr().err
    )


def test_an_agent_granted_nothing_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Four days under a 3-day cap that refuses: no act, exit 1."""
    words = list(ACT)
    words[words.index("--days") + 1] = "Mon @ home, Tue @ home, Wed @ home, Thu @ home"
    assert main(words) == EXIT_PROBLEMS
    assert "agent: expected an agent the policy grants telework to" in capsys.readouterr().err
