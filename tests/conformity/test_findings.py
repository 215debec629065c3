"""The text of conformity findings: every shipped preset's findings in French and
English, with no code, no ISO date, and their sources cited."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from teletravail import presets
from teletravail.conformity import check_conformity
from teletravail.conformity.framework import (
    ART_2_2016,
    ART_2_2020,
    ART_3,
    ART_4_2016,
    ART_4_2019,
    ART_4_2020,
    ART_5_2016,
    ART_5_2020,
    CALENDAR_SOURCE,
    DECRET_2016_151_IN_FORCE,
    NOTICE,
)
from teletravail.conformity.text import cite
from teletravail.errors import ValidationError

CODE = re.compile(r"[a-z]_[a-z]|\b[a-z]+\.[a-z_]+\b|\w\[\d")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Dates the presets are checked on: each one's start, and dates of each version of the
#: framework.
DATES = ("2016-06-01", "2019-09-01", "2020-06-01", "2022-01-01", "2024-06-01")
FRAMEWORK = (
    ART_2_2016, ART_2_2020, ART_3, ART_4_2016, ART_4_2019, ART_4_2020, ART_5_2016,
    ART_5_2020, CALENDAR_SOURCE, DECRET_2016_151_IN_FORCE, NOTICE,
)  # fmt: skip


@pytest.mark.parametrize("name", [info.name for info in presets.catalogue()])
def test_findings_of_each_preset_read_without_codes(name: str) -> None:
    """Each finding's sentence, in French and English, names no code and writes dates
    in words; the report's text neither (the source lines aside: see below)."""
    policy = presets.load(name)
    for on in (policy.period.start, *map(dt.date.fromisoformat, DATES)):
        report = check_conformity(policy, on)
        for lang in ("fr", "en"):
            for finding in report.findings:
                said = finding.message(lang)
                assert not CODE.search(said), (name, said)
                assert not ISO_DATE.search(said), (name, said)
                assert finding.code not in said and finding.path not in said
            lines = report.render(lang).splitlines()
            for line in lines:
                if not line.lstrip().startswith("source"):
                    assert not CODE.search(line) and not ISO_DATE.search(line), line
        document = report.to_dict()  # codes and paths stay in the JSON
        assert [f["code"] for f in document["findings"]] == list(report.codes)


def test_a_french_report_by_hand() -> None:
    """The Lot's 2013 scheme, read against the 2016 framework, written by hand."""
    report = check_conformity(presets.load("lot-2013"), "2013-01-01")
    assert report.render("fr").splitlines() == [
        "Politique Lot 2013 au 1er janvier 2013\u00a0: conforme (0 erreur, 0 avertissement,"
        " 1 remarque)",
        "[remarque] aucun cadre du télétravail dans la fonction publique au 1er janvier 2013"
        "\u00a0: le décret 2016-151 s'applique à partir du 13 février 2016, rien à vérifier",
        "  source\u00a0: décret n° 2016-151 du 11 février 2016, pris pour l'application de la"
        " loi n° 2012-347 du 12 mars 2012, Journal officiel du 12 février 2016, entrée en"
        " vigueur le 13 février 2016",
    ]


@pytest.mark.parametrize("source", FRAMEWORK)
def test_the_framework_texts_are_cited_in_both_languages(source: object) -> None:
    """The framework's texts cite their article in each language, dates in words (a bare
    article reads the same in both: its title is its name)."""
    from teletravail.sources import Source

    assert isinstance(source, Source)
    french, english = cite(source, "fr"), cite(source, "en")
    title = source.title[0].lower() + source.title[1:]
    assert french.startswith(title) and english.startswith(title)
    if source.version or source.amended_by or source.unconfirmed:
        assert french != english
    for text in (french, english):
        assert not ISO_DATE.search(text), text
    for word in (" in force", " at most", "wording", "unconfirmed", " the "):
        assert word not in french, (word, french)


def test_an_unknown_language_is_refused() -> None:
    """A language the library does not have is a typed error that lists en and fr."""
    report = check_conformity(presets.load("lot-2013"), "2024-01-01")
    with pytest.raises(ValidationError) as caught:
        report.render("de")
    assert "en, fr" in str(caught.value)
    with pytest.raises(ValidationError):
        report.findings[0].message("es")


def test_report_repr_and_display() -> None:
    """One line as repr; the display gives the verdict, the counts and each finding's
    sentence and source in words, in English or French."""
    from teletravail import presets
    from teletravail.conformity import check_conformity

    report = check_conformity(presets.load("lot-2013"), on="2013-01-01")
    assert repr(report) == (
        "<ConformityReport of 'Lot 2013' on 2013-01-01: conforms (0 error, 0 warning, 1 note)>"
    )
    french = report.to_html("fr")
    assert "Politique Lot 2013\u00a0: conforme" in french
    assert "au 1er janvier 2013 (0 erreur, 0 avertissement, 1 remarque)" in french
    assert "remarque" in french and report.findings[0].message("fr")[:20] in french.replace(
        "&#x27;", "'"
    )
