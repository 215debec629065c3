"""argparse in the command's language: ``--help`` of every command and argparse's own
errors in French, with no English word left; in English, argparse's own words."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from teletravail.cli import EXIT_USAGE, main
from teletravail.cli.localized import ARGPARSE_FRENCH, argparse_text

COMMANDS = ("presets", "new", "check", "assess", "bilan", "schedule", "schema")

#: argparse's own English, which no French help or error may show.
ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
    "choose from",
    "error:",
)
#: English words of the help texts, which the French help must not show either (the
#: options' own names, their choices and the commands' names aside).
ENGLISH_WORDS = {
    "the", "of", "and", "or", "an", "to", "with", "without", "from", "default",
    "write", "print", "show", "exit", "file", "files", "policy", "workforce", "days",
    "day", "here", "language", "every", "each", "preset", "row", "rows",
    "first", "last", "name", "weekdays", "morning", "afternoon", "half", "place",
}  # fmt: skip


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}.items():
        monkeypatch.setenv(name, value)


def help_of(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main([*words, "--help"]) == 0
    return capsys.readouterr().out


def prose(text: str) -> list[str]:
    """The words of a help text, its options (``--policy``), choices (``{en,fr}``),
    metavars and the commands' names left out."""
    text = re.sub(r"(?<![\w-])--?[\w-]+", " ", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\b[A-ZÉ][A-ZÉ_.|]+\b", " ", text)
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)
    return [w for w in words if w not in COMMANDS and w != "teletravail"]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_french_help_has_no_english(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--help of the main command and of every command, in French: argparse's words
    and the help texts, French section titles with a no-break space before the colon."""
    text = help_of(capsys, *([command] if command else []), "--lang", "fr")
    for english in ARGPARSE_ENGLISH:
        assert english not in text, (command, english)
    assert text.startswith("utilisation\u00a0: teletravail")
    assert "\noptions\u00a0:\n" in text
    assert "  -h, --help" in text and "afficher cette aide et quitter" in text
    if command not in ("", "schema", "new", "schedule"):
        assert "\narguments positionnels\u00a0:\n" in text
    leftover = {word for word in prose(text) if word.lower() in ENGLISH_WORDS}
    assert not leftover, (command, leftover)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_english_help_keeps_argparse_words(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """In English, the help reads as argparse writes it."""
    text = help_of(capsys, *([command] if command else []))
    assert text.startswith("usage: teletravail")
    assert "\noptions:\n" in text and "show this help message and exit" in text
    assert "utilisation" not in text and "\u00a0:" not in text


@pytest.mark.parametrize(
    ("words", "english", "french"),
    [
        (
            ["bilan"],
            "teletravail bilan: error: the following arguments are required: NAME|FILE",
            "teletravail bilan\u00a0: erreur\u00a0: les arguments suivants sont obligatoires"
            "\u00a0: NOM|FICHIER",
        ),
        (
            ["assess", "--format", "xml", "x.csv", "--policy", "p"],
            "teletravail assess: error: argument --format: invalid choice: 'xml' (choose"
            " from 'csv', 'json')",
            "teletravail assess\u00a0: erreur\u00a0: argument --format\u00a0: choix non"
            " valide\u00a0: «\u00a0xml\u00a0» (choisir parmi csv, json)",
        ),
        (
            ["presets", "a", "b"],
            "teletravail: error: unrecognized arguments: b",
            "teletravail\u00a0: erreur\u00a0: arguments non reconnus\u00a0: b",
        ),
        (
            ["check", "x.toml", "--on"],
            "teletravail check: error: argument --on: expected one argument",
            "teletravail check\u00a0: erreur\u00a0: argument --on\u00a0: un argument attendu",
        ),
        (
            ["check", "x.toml", "--on", "2013-02-30"],
            "teletravail check: error: argument --on: expected a date YYYY-MM-DD, got '2013-02-30'",
            "teletravail check\u00a0: erreur\u00a0: argument --on\u00a0: attendu une date"
            " AAAA-MM-JJ, trouvé «\u00a02013-02-30\u00a0»",
        ),
        (
            ["bilan", "lot-2013", "--period", "soon"],
            "teletravail bilan: error: argument --period: expected a year such as 2024 or"
            " START..END (YYYY-MM-DD..YYYY-MM-DD), got 'soon'",
            "teletravail bilan\u00a0: erreur\u00a0: argument --period\u00a0: attendu une"
            " année comme 2024 ou DÉBUT..FIN (AAAA-MM-JJ..AAAA-MM-JJ), trouvé «\u00a0soon\u00a0»",
        ),
        (
            ["assess", "x.csv", "--policy", "p", "--progress", "-q"],
            "teletravail assess: error: argument -q/--quiet: not allowed with argument --progress",
            "teletravail assess\u00a0: erreur\u00a0: argument -q/--quiet\u00a0: incompatible"
            " avec l'argument --progress",
        ),
        (
            ["tout"],
            "teletravail: error: argument COMMAND: invalid choice: 'tout' (choose from"
            " 'presets', 'new', 'check', 'assess', 'bilan', 'report', 'reproduce', 'schedule',"
            " 'act', 'schema', 'serve')",
            "teletravail\u00a0: erreur\u00a0: argument COMMANDE\u00a0: choix non valide\u00a0:"
            " «\u00a0tout\u00a0» (choisir parmi presets, new, check, assess, bilan, report,"
            " reproduce, schedule, act, schema, serve)",
        ),
    ],
)
def test_argparse_errors_in_both_languages(
    words: list[str], english: str, french: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Usage errors: exit 2, the usage then the error, in the command's language."""
    assert main(words) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("usage: ") and err.endswith(english + "\n")
    assert main([*words, "--lang", "fr"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("utilisation\u00a0: ") and err.endswith(french + "\n")
    for english_words in ARGPARSE_ENGLISH:
        assert english_words not in err


def test_every_argparse_template_reads_back() -> None:
    """Each message of the catalogue, filled in as argparse fills it, comes out in its
    French; a message the catalogue does not hold is kept as it is."""
    for english, french in ARGPARSE_FRENCH.items():
        filled = re.sub(r"%(?:\((\w+)\))?[sr]", "X", english)
        expected = re.sub(r"%(?:\((\w+)\))?[sr]", "X", french)
        assert argparse_text(filled, "fr") == expected, english
        assert argparse_text(filled, "en") == filled
    assert argparse_text("something new in argparse", "fr") == "something new in argparse"


def test_the_real_command_helps_in_french() -> None:
    """In a process of its own, with LANG French: the help and an error in French."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "", "LANG": "fr_FR.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "teletravail", "assess", "--help"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0
    assert "utilisation\u00a0:" in done.stdout and "arguments positionnels\u00a0:" in done.stdout
    for english in ARGPARSE_ENGLISH:
        assert english not in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "teletravail", "schedule"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert done.returncode == EXIT_USAGE
    assert "les arguments suivants sont obligatoires\u00a0: --policy" in done.stderr
