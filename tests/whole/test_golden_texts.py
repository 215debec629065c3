"""The texts a person reads, for every shipped preset, in English and French, kept as
golden files (``tests/whole/golden/<preset>.<lang>.txt``): the assessments of a set of
varied agents, the conformity report and the ``bilan`` of the shipped register. Any
change to a text shows in review as a change to its golden file.

To write the golden files again after a deliberate change of text::

    TELETRAVAIL_GOLDEN=update python -m pytest tests/whole/test_golden_texts.py

Every French text is also scanned for what French text must not show: English words of
the library's own vocabulary, stable codes, file names, ISO dates and Python reprs.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import attrs
import pytest

from teletravail import Agent, Policy, presets
from teletravail.cli import main
from teletravail.conformity import check_conformity
from teletravail.errors import ValidationError
from teletravail.explain.names import RULE_NAMES
from teletravail.statuses import RowStatus

GOLDEN = Path(__file__).parent / "golden"
REGISTER = Path(__file__).resolve().parents[2] / "src" / "teletravail" / "data"
UPDATE = os.environ.get("TELETRAVAIL_GOLDEN") == "update"
LANGS = ("en", "fr")


def agents(policy: Policy) -> list[Agent]:
    """Agents who meet the preset's rules in different ways, hired relative to its start:
    long-serving full-time volunteers asking 1, 2 and 3 days; a recent recruit; a
    part-time agent; a manager; an agent who does not volunteer; one far from work."""
    start = policy.period.start
    year = start.year
    long_ago, recent = f"{year - 6}-09-01", f"{year - 1}-{start.month:02d}-15"
    base = {"hire_date": long_ago, "commute_distance": "28 km", "role": "instructeur"}
    return [
        Agent(id="A-1", **base, requested_telework="1 workday/week"),
        Agent(id="A-2", **base, requested_telework="2 workday/week"),
        Agent(id="A-3", **base, requested_telework="3 workday/week"),
        Agent(id="B-1", **{**base, "hire_date": recent}, requested_telework="1 workday/week"),
        Agent(id="C-1", **base, working_time="50 %", requested_telework="2 workday/week"),
        Agent(id="D-1", **{**base, "role": "cadre"}, requested_telework="1 workday/week"),
        Agent(id="E-1", **base, volunteer=False),
        Agent(id="F-1", **{**base, "commute_distance": "65 km"},
              requested_telework="2.5 workday/week"),
    ]  # fmt: skip


def reference_date(policy: Policy) -> str:
    start = policy.period.start
    return f"{start.year}-{start.month:02d}-{min(start.day + 14, 28):02d}"


def bilan(name: str, lang: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    # from the register's folder, so that the text names it alike on every machine
    with (
        contextlib.chdir(REGISTER),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(["bilan", name, "lot_2013_synthetic.csv", "--lang", lang])
    return f"(exit {code})\n{out.getvalue()}{err.getvalue()}"


def rendered(name: str, lang: str) -> str:
    """Every text of preset ``name`` in ``lang``, in sections."""
    policy = presets.load(name)
    on = reference_date(policy)
    sections = [f"=== assessments on {on}"]
    for agent in agents(policy):
        try:
            sections.append(policy.assess(agent, on=on).text(lang))
        except ValidationError as error:
            sections.append(error.text(lang))
        sections.append("---")
    sections.append("=== conformity")
    sections.append(check_conformity(policy, on).render(lang))
    sections.append("=== bilan")
    sections.append(bilan(name, lang))
    return "\n".join(sections).rstrip() + "\n"


CASES = [(name, lang) for name in presets.names() for lang in LANGS]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_texts_are_those_of_the_golden_file(name: str, lang: str) -> None:
    path = GOLDEN / f"{name}.{lang}.txt"
    text = rendered(name, lang)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}: run with TELETRAVAIL_GOLDEN=update"
    assert text == path.read_text(encoding="utf-8"), (
        f"the texts of {name} in {lang} changed: review the difference, then run with "
        "TELETRAVAIL_GOLDEN=update to keep it"
    )


#: English words of the library's own vocabulary, which French text must not show.
ENGLISH = (
    "workday", "workdays", "week", "weeks", "home", "office", "telecentre", "days",
    "day", "allowance", "granted", "refused", "eligible", "volunteer", "seniority",
    "period", "of", "the", "and", "at", "most", "least", "required", "asked",
    "in force", "taken", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Mon", "Tue", "Wed", "Thu",
    "Fri", "EUR", "yes", "no", "none", "not", "every", "all", "any",
)  # fmt: skip
CODES = tuple(sorted(set(RULE_NAMES) | {status.value for status in RowStatus if "_" in status}))


def problems_of_french(text: str) -> list[str]:
    """What a French text shows that it must not, each named."""
    found: list[str] = []
    words = set(re.findall(r"[A-Za-zÀ-ÿ]+(?:[-'][A-Za-zÀ-ÿ]+)*", text))
    found += [f"English word {word!r}" for word in ENGLISH if " " not in word and word in words]
    found += [f"English words {word!r}" for word in ENGLISH if " " in word and word in text]
    found += [f"code {code!r}" for code in CODES if code in text]
    # a value quoted « as the user wrote it » is theirs, not the library's text
    unquoted = re.sub(r"«[^»]*»", "«»", text)
    found += [f"ISO date {day!r}" for day in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", unquoted)]
    found += [f"file name {name!r}" for name in re.findall(r"\b[\w-]+\.(?:txt|toml|py)\b", text)]
    found += [f"Python repr {r!r}" for r in re.findall(r"datetime\.\w+\(|<\w+ object", text)]
    # a register's column named in a row's error ("hire_date : ...") is the column the
    # user wrote, the same in every language
    columns = {field.name for field in attrs.fields(Agent)}
    found += [
        f"word with underscores {w!r}"
        for w in re.findall(r"\b[a-z]+_[a-z_]+\b", text)
        if w not in columns
    ]
    found += [f"decimal point {n!r}" for n in re.findall(r"\b\d+\.\d+\b", text)]
    return sorted(set(found))


@pytest.mark.parametrize("name", presets.names())
def test_the_french_texts_show_no_english_code_file_name_or_repr(name: str) -> None:
    # the section titles ("=== ...") are the golden file's own, not the library's text
    text = "\n".join(
        line for line in rendered(name, "fr").splitlines() if not line.startswith("===")
    )
    assert problems_of_french(text) == []


def test_the_scan_finds_what_it_looks_for() -> None:
    text = (
        "accordé : 2 workday / week, source : seed 004.txt, le 2013-01-01 ; en cause : "
        "seniority.minimum ; datetime.date(2013, 1, 1) ; 253.44 ; applications_metier"
    )
    assert problems_of_french(text) == sorted(
        [
            "English word 'workday'",
            "English word 'week'",
            "English word 'seniority'",
            "code 'seniority.minimum'",
            "ISO date '2013-01-01'",
            "file name '004.txt'",
            "Python repr 'datetime.date('",
            "decimal point '253.44'",
            "word with underscores 'applications_metier'",
        ]
    )
    assert problems_of_french("accordé : 2 jours par semaine, 253,44 €, le 1er janvier") == []
    assert problems_of_french("attendu une date, trouvé « 2012-08-06 »") == []
