"""Starter documents (`teletravail new`): commented in English or French, from a preset or
from nothing; every one loads, every key is explained, the output rules hold. The real
command runs once in a subprocess, the rest in-process through cli.main."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Policy, config, presets
from teletravail.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main
from teletravail.errors import ValidationError
from teletravail.presets.starter import (
    KEYS_FR,
    TABLES_FR,
    blank_document,
    commented,
    missing_french,
    starter_document,
)

from ..cli.test_cli import run
from ..strategies import policies

LANGS = ("en", "fr")


def comments(text: str) -> list[str]:
    """The comment lines of a document, without their '# ' (joined when wrapped)."""
    found: list[str] = []
    previous = False
    for line in text.splitlines():
        if line.startswith("# ") and not line.startswith("# #"):
            if previous:
                found[-1] += " " + line[2:]
            else:
                found.append(line[2:])
            previous = True
        else:
            previous = False
    return found


def tables() -> list[config.Table]:
    """Every table of the document format, walked here independently of the starter."""
    found: list[config.Table] = []
    seen: set[int] = set()
    pending: list[config.Kind] = [config.document_table()]
    while pending:
        kind = pending.pop()
        if id(kind) in seen:
            continue
        seen.add(id(kind))
        if isinstance(kind, config.Table):
            found.append(kind)
            pending.extend(key.kind for key in kind.keys)
        elif isinstance(kind, config.ListOf):
            pending.append(kind.item)
        elif isinstance(kind, config.Tagged):
            pending.extend(table for _, table in kind.variants.values())
        elif isinstance(kind, config.Ref):
            pending.append(kind.target())
        elif isinstance(kind, config.RuleKind):
            pending.append(kind.criteria)
        elif isinstance(kind, config.SourceList):
            pending.append(kind.item)
        elif isinstance(kind, config.SourceKind):
            pending.append(kind.table)
        elif isinstance(kind, config.DatedKind):
            pending.extend([kind.entry, kind.whole])
        elif isinstance(kind, config.FactorsKind):
            pending.extend(kind.kinds.values())
    return found


def every_description(lang: str) -> set[str]:
    """Every description the format has, in ``lang``."""
    if lang == "fr":
        return set(KEYS_FR.values()) | set(TABLES_FR.values())
    found: set[str] = set()
    for table in tables():
        found.add(table.doc)
        found.update(key.doc for key in table.keys)
    return found


def test_the_real_command_writes_a_french_starter_that_checks(tmp_path: Path) -> None:
    """`teletravail new --from lot-2013 --lang fr -o FILE` writes a file that `check`
    passes and that reads as the preset; the message says where, in French."""
    found = run(
        "new", "--from", "lot-2013", "--lang", "fr", "-o", "mon-dispositif.toml", cwd=tmp_path
    )
    assert found.returncode == EXIT_OK, found.stderr
    assert found.stdout == ""
    assert "mon-dispositif.toml écrit" in found.stderr and "préréglage lot-2013" in found.stderr
    written = tmp_path / "mon-dispositif.toml"
    assert main(["check", str(written)]) == EXIT_OK
    assert config.load(written) == presets.load("lot-2013")
    text = written.read_text(encoding="utf-8")
    assert "# le plafond hebdomadaire\nmaximum = " in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", presets.names())
def test_a_starter_from_a_preset_is_the_preset(name: str, lang: str) -> None:
    """The starter holds the preset's data as written (ids, forms, words) and loads as
    its policy."""
    text = starter_document(name, lang=lang)
    assert tomllib.loads(text) == tomllib.loads(presets.text(name))
    assert config.loads(text) == presets.load(name)


@pytest.mark.parametrize("lang", LANGS)
def test_the_blank_starter_loads_checks_and_conforms(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From nothing: a valid document with every main section, written in the language's
    words (2 jours/semaine, domicile), that `check --on` finds conforming."""
    text = starter_document(lang=lang)
    policy = config.loads(text)
    assert isinstance(policy, Policy)
    document, optional = blank_document(lang)
    assert tomllib.loads(text) == document
    assert set(document) | set(optional) >= {
        "name",
        "territory",
        "period",
        "places",
        "sources",
        "calendar",
        "leave",
        "eligibility",
        "quota",
        "allowance",
        "authorisation",
        "populations",
        "impact",
    }
    assert document["allowance"][0]["national"] == "forfait-teletravail"  # named, not copied
    assert policy.quota is not None and policy.quota.maximum.m_as("workday/week") == 2
    if lang == "fr":
        assert 'maximum = "2 jours/semaine"' in text and '["domicile", "télécentre"]' in text
    path = tmp_path / "dispositif.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--on", "2026-01-01"]) == EXIT_OK
    assert ": conforms" in capsys.readouterr().out


@pytest.mark.parametrize("lang", LANGS)
def test_values_to_replace_are_marked(lang: str) -> None:
    """The placeholders of the blank starter carry a marker; a preset's values do not."""
    mark = {"en": "# ← to replace", "fr": "# ← à remplacer"}[lang]
    text = starter_document(lang=lang)
    marked = [
        line.split(" = ")[0] if " = " in line else line[-len(mark) - 5 :]
        for line in text.splitlines()
        if line.endswith(mark)
    ]
    assert marked == [
        "name",
        "territory",
        f'"""  {mark}',  # the description: the marker follows its last line
        "places",
        "start",
        "title",
        "reference",
        "minimum",
        "maximum",
        "on_site_minimum",
    ]
    assert mark not in starter_document("lot-2013", lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_optional_sections_load_once_uncommented(lang: str) -> None:
    """Removing the first '# ' of the commented-out sections gives a document that
    loads, with a calendar, authorisation terms, a population and an impact."""
    out: list[str] = []
    optional = False
    for line in starter_document(lang=lang).splitlines():
        if line.startswith("# ") and ("Optional" in line or "Facultatif" in line):
            optional = True
            continue
        if optional and line.startswith("# "):
            out.append(line[2:])
            continue
        optional = False
        out.append(line)
    policy = config.loads("\n".join(out))
    assert policy.authorisation is not None and policy.authorisation.max_renewals == 2
    assert [p.members.part_time for p in policy.populations] == [True]
    assert policy.calendar.subdivision is not None
    assert policy.impact.rebound.kind == "ademe_trips"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [None, *presets.names()])
def test_every_key_is_explained_in_the_chosen_language(name: str | None, lang: str) -> None:
    """Each key written comes under its description (said once in the document), in the
    chosen language only: no English description in a French starter, no French in an
    English one."""
    text = starter_document(name, lang=lang)
    said = comments(text)
    other = every_description("fr" if lang == "en" else "en") - every_description(lang)
    assert not [comment for comment in said if comment in other]
    lines = text.splitlines()
    explained: set[str] = set()
    for index, line in enumerate(lines):
        key = re.match(r"^([A-Za-z_0-9-]+) = ", line)
        if key is None:
            continue
        above = lines[index - 1]
        if above.startswith("# "):
            explained.add(key.group(1))
        else:  # said once before, for this key
            assert key.group(1) in explained, (key.group(1), index)


def test_every_key_of_the_format_has_its_french() -> None:
    """A key added to the format without its French is caught here."""
    assert missing_french() == []
    names = {table.name for table in tables()}
    assert len(names) > 25 and set(TABLES_FR) == names
    assert {(t.name, k.name) for t in tables() for k in t.keys} == set(KEYS_FR)
    assert all(text.strip() and not text.endswith(".") for text in KEYS_FR.values())
    assert all(text.endswith(".") for text in TABLES_FR.values())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies(), st.sampled_from(LANGS))
def test_any_document_written_with_comments_reads_back(policy: Policy, lang: str) -> None:
    """Any policy's document, commented, parses to the same data and loads equal (text
    with quotes, backslashes, control characters and line breaks included)."""
    document = config.to_document(policy)
    text = commented(document, lang)
    assert tomllib.loads(text) == document
    assert config.loads(text) == policy


def test_odd_values_are_written_or_refused() -> None:
    """Keys that need quotes, multi-line text, dates and inline tables are written as TOML
    reads them; a value TOML cannot hold is a ValidationError."""
    import datetime as dt

    data = {
        "name": 'a "quoted"\\ name\twith\x7f\x01',
        "text": 'two\nlines with """ and \\ in them\n',
        "key with space": [1, 2.5, True, dt.date(2024, 1, 2), {"a": 1}, []],
        "table": {},
    }
    assert tomllib.loads(commented(data)) == data
    with pytest.raises(ValidationError, match="document"):
        commented({"name": object()})
    with pytest.raises(ValidationError, match="lang"):
        starter_document("lot-2013", lang="de")


def test_new_follows_the_output_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """stdout without -o or with '-'; an existing file is kept without --force; a
    symbolic link is refused without --follow-symlinks; an unknown preset writes nothing."""
    assert main(["new", "--lang", "fr"]) == EXIT_OK
    assert capsys.readouterr().out == starter_document(lang="fr")
    assert main(["new", "--from", "cantal-2012", "-o", "-"]) == EXIT_OK
    assert capsys.readouterr().out == starter_document("cantal-2012")
    target = tmp_path / "dispositif.toml"
    target.write_text("keep me\n", encoding="utf-8")
    assert main(["new", "-o", str(target)]) == EXIT_PROBLEMS
    assert "--force replaces it" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert main(["new", "--from", "lot-2011", "-o", str(target), "--force"]) == EXIT_OK
    assert "from the preset lot-2011" in capsys.readouterr().err
    assert config.load(target) == presets.load("lot-2011")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert main(["new", "-o", str(link), "--force"]) == EXIT_PROBLEMS
    assert "symbolic link" in capsys.readouterr().err
    assert main(["new", "-o", str(link), "--force", "--follow-symlinks"]) == EXIT_OK
    assert link.is_symlink() and config.load(target).name == "Our telework scheme"
    fresh = tmp_path / "fresh.toml"
    assert main(["new", "--from", "lot-2031", "-o", str(fresh)]) == EXIT_PROBLEMS
    assert "did you mean 'lot-2013'" in capsys.readouterr().err and not fresh.exists()
    assert main(["new", "--lang", "de"]) == EXIT_USAGE
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
