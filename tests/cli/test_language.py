"""The language of the command: ``--lang``, else the environment (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``), else English; an unknown language refused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.cli import EXIT_USAGE, main
from teletravail.cli.command import command_lang
from teletravail.cli.language import asked_lang, environment_lang

#: No locale variable set: each test sets those it needs.
NONE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "fr_BE.UTF-8@euro"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": ""}, "en"),
        ({}, "en"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "C"}, "fr"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_the_environment_names_the_language(environ: dict[str, str], lang: str) -> None:
    """POSIX's order: the first variable set and not empty decides, by its language
    part; a language the library does not speak, C and POSIX are English."""
    assert environment_lang(environ) == lang


@given(st.text(max_size=20))
def test_any_environment_gives_a_known_language(value: str) -> None:
    """Whatever LANG holds, the command speaks a language it has."""
    assert environment_lang({"LANG": value}) in ("en", "fr")


def test_the_command_line_is_read_before_the_parser() -> None:
    """--lang X, --lang=X and a shortened --lan X are found, the last one counting;
    nothing after "--" is an option."""
    assert asked_lang(["bilan", "lot-2013", "--lang", "fr"]) == "fr"
    assert asked_lang(["--lang=fr", "bilan"]) == "fr"
    assert asked_lang(["--lan", "fr", "--lang", "en"]) == "en"
    assert asked_lang(["check", "--", "--lang", "fr"]) is None
    assert asked_lang(["--lang"]) is None
    assert asked_lang(["--lang", "xx"]) == "xx"


def test_lang_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang en in a French environment is English, --lang fr in an English one French."""
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert command_lang(["bilan", "--lang", "en"]) == ("en", None)
    assert command_lang(["bilan"]) == ("fr", None)
    monkeypatch.setenv("LC_ALL", "C")
    assert command_lang(["bilan", "--lang=fr"]) == ("fr", None)
    assert command_lang(["bilan", "--lang", "de"]) == ("en", "de")


def test_an_unknown_language_is_refused_with_the_known_ones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown --lang is a usage error (exit 2) that lists en and fr, said in the
    environment's language."""
    monkeypatch.setenv("LC_ALL", "C")
    assert main(["bilan", "lot-2013", "--lang", "xx"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.endswith("teletravail: error: lang: expected one of: en, fr, got 'xx'\n")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert main(["presets", "--lang=de"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("utilisation\u00a0: teletravail")
    assert err.endswith(
        "teletravail\u00a0: erreur\u00a0: lang\u00a0: attendu une valeur parmi en, fr,"
        " trouvé «\u00a0de\u00a0»\n"
    )


def _command(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **NONE, **environ}
    return subprocess.run(
        [sys.executable, "-m", "teletravail", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def test_the_real_command_reads_its_environment() -> None:
    """In a process of its own: LANG French, LC_ALL beating LANG, --lang beating both."""
    french = _command("schema", "--help", LANG="fr_FR.UTF-8")
    assert french.returncode == 0 and french.stdout.startswith("utilisation\u00a0: ")
    english = _command("schema", "--help", LC_ALL="C", LANG="fr_FR.UTF-8")
    assert english.stdout.startswith("usage: ")
    asked = _command("schema", "--help", "--lang", "en", LANG="fr_FR.UTF-8")
    assert asked.stdout.startswith("usage: ")
    asked = _command("--lang", "fr", "schema", "--help", LC_ALL="en_GB.UTF-8")
    assert asked.stdout.startswith("utilisation\u00a0: ")
    refused = _command("schema", "--lang", "es", LANG="fr_FR.UTF-8")
    assert refused.returncode == EXIT_USAGE and refused.stdout == ""
    assert "attendu une valeur parmi en, fr" in refused.stderr
