"""Hostile and careless input, each failure found by the fuzz campaign as a regression
with its minimal input: every refusal is the library's own error, at its key path (or
line and column), in bounded time, and what loads, assesses."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Agent, Workforce, config
from teletravail.dated import Duration
from teletravail.errors import ConfigError, ValidationError
from teletravail.synthetic import lot_2013_population

BASE = (Path(__file__).parent / "hostile" / "base.toml").read_text(encoding="utf-8")


def base_json() -> dict[str, object]:
    return config.to_document(config.loads(BASE))


def refused(text: str, fmt: str = "toml") -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        config.loads(text, format=fmt)  # type: ignore[arg-type]
    return caught.value


def test_the_base_document_loads_and_assesses() -> None:
    policy = config.loads(BASE)
    assert policy.assess(lot_2013_population(20), "2024-01-01").totals()["agents"] == 20


@pytest.mark.parametrize(
    ("old", "new", "path", "expected"),
    [
        # a duration followed by 2,000 spaces and a letter kept the loader busy a minute
        ('"1 year"', '"1 year' + " " * 2000 + 'x"', "eligibility.all_of[0].minimum", "duration"),
        ('"1 year"', '"' + "1" * 5000 + ' year"', "eligibility.all_of[0].minimum", "duration"),
        ('"1 year"', '"5000 years"', "eligibility.all_of[0].minimum", "at most 1,000 years"),
        # money that cannot be paid exactly was accepted and went wrong later
        ('"100 EUR"', '"0.005 EUR"', "allowance[0].amount", "whole cents"),
        ('"100 EUR"', '"999999999999 EUR"', "allowance[0].amount", "at most 10,000,000,000"),
        ('"100 EUR"', '"1e308 EUR"', "allowance[0].amount", "at most 10,000,000,000"),
        # dates at the calendar's edge overflowed when assessed
        ('start = "2024-01-01"', 'start = "9999-01-01"', "period.start", "9990-12-31"),
        (
            'start = "2024-01-01"',
            'start = "2024-01-01"\nend = "9999-12-31"',
            "period.end",
            "leave an end out",
        ),
        ("version = 1", "version = inf", "version", "a finite number"),
    ],
)
def test_documents_refused_where_they_go_wrong(
    old: str, new: str, path: str, expected: str
) -> None:
    error = refused(BASE.replace(old, new, 1))
    assert [p.path for p in error.problems] == [path]
    assert expected in str(error)


def test_money_and_factors_that_assess_would_refuse_are_refused_at_load() -> None:
    """A per-day rate beyond what integers hold, a cap missing in a year its rate pays,
    an emission factor with a gap: refused at load, with the key path."""
    rate = BASE + '\n[[allowance]]\nkind = "per_day"\nrate = "900000000000.001 EUR/workday"\n'
    assert refused(rate).problems[0].path == "allowance[1].rate.values[0]"
    cap = BASE + (
        '\n[[allowance]]\nkind = "per_day"\nrate = "2.88 EUR/workday"\n'
        'cap = [{ start = "2025-01-01", value = "253.44 EUR" }]\n'
    )
    found = refused(cap)
    assert found.problems[0].path == "allowance[1].cap" and "from 2024-01-01" in str(found)
    factor = (
        BASE
        + '\n[impact.factors]\ncar_thermal = [{ start = "2025-01-01", value = "0.2 kg CO2e/km" }]\n'
    )
    assert refused(factor).problems[0].path == "impact.factors.car_thermal"


@pytest.mark.parametrize(
    ("edit", "path", "expected"),
    [
        (
            lambda t: t.replace('"name": "Base"', '"name": "Base", "name": "Twice"'),
            "name",
            "written once",
        ),
        (lambda t: t.replace('"version": 1', '"version": NaN'), "version", "NaN and Infinity"),
        (lambda t: t.replace('"version": 1', '"version": Infinity'), "version", "NaN and Infinity"),
        (lambda t: t.replace('"version": 1', '"version": 1e999'), "version", "a finite number"),
        (lambda t: t.replace('"version": 1', '"version": ' + "9" * 5000), "version", "30 digits"),
        (lambda t: t.replace('"name": "Base"', '"name": "Base", "": 1'), "['']", "not empty"),
        (lambda t: t.replace('"name": "Base"', '"name": "\\ud800"'), "name", "lone surrogate"),
    ],
)
def test_json_refusals_have_key_paths(edit: object, path: str, expected: str) -> None:
    text = edit(json.dumps(base_json()))  # type: ignore[operator]
    error = refused(text, "json")
    assert path in [p.path for p in error.problems], error
    assert expected in str(error)


def test_syntax_errors_say_line_and_column() -> None:
    toml = refused(BASE.replace('name = "Base"', 'name = "Base'))
    assert re.search(r"valid TOML at line 4, column \d+", str(toml))
    broken = json.dumps(base_json()).replace('"name"', "'name'", 1)
    assert re.search(r"valid JSON at line 1, column \d+", str(refused(broken, "json")))
    huge = refused(BASE.replace("version = 1", "version = " + "9" * 5000))
    assert "line 3, column 11" in str(huge)


def test_misspellings_cost_and_say_little() -> None:
    """Thousands of sources and of misspelt references: every one is a problem, the
    message stays short and lists a few ids only."""
    sources = "".join(f'\n[[sources]]\nid = "source-{i}"\ntitle = "t"\n' for i in range(2000))
    one_off = '\n[[allowance]]\nkind = "one_off"\namount = "1 EUR"\n'
    wrong = "".join(f'{one_off}name = "o{i}"\nsource = "sourse-{i}"\n' for i in range(300))
    error = refused(BASE + sources + wrong)
    assert len(error.problems) == 300
    assert "and 1990 more" in error.problems[0].expected
    assert len(str(error)) < 20_000


def test_durations_in_words_read_in_linear_time() -> None:
    """Long runs of spaces, digits and letters are refused or read, never backtracked."""
    for text in ("1 year" + " " * 50_000 + "x", "1" * 50_000, "1 " * 25_000, "a" * 50_000):
        with pytest.raises(ValidationError):
            Duration.parse(text)
    assert Duration.parse("1 an 6 mois") == Duration(years=1, months=6)


def test_round_trips_keep_what_was_read() -> None:
    """An empty table of emission factors reads as none given and writes back equal; a
    large JSON document writes back compact, and loads again."""
    empty = config.loads(BASE + "\n[impact.factors]\n")
    assert config.loads(config.dumps(empty, format="json"), format="json") == empty
    assert empty == config.loads(BASE)
    many = base_json()
    many["sources"] = [{"id": f"s{i}", "title": "t" * 10} for i in range(20000)]
    text = json.dumps(many, separators=(",", ":"))
    assert len(text) < config.MAX_BYTES < len(json.dumps(many, indent=2))
    policy = config.loads(text, format="json")
    written = config.dumps(policy, format="json")
    assert len(written.encode("utf-8")) <= config.MAX_BYTES
    assert config.loads(written, format="json") == policy


def test_text_that_is_not_utf8_says_where() -> None:
    """Latin-1 bytes or a lone surrogate: refused with the line and column."""
    error = refused(BASE.encode("utf-8").replace(b'"Base"', b'"B\xe9se"'))  # type: ignore[arg-type]
    assert "text in UTF-8 at line 4, column" in str(error)
    assert "UTF-8" in str(refused(BASE.replace('"Base"', '"\ud800"')))


# -- registers ---------------------------------------------------------------------------


def read(text: str | bytes) -> Workforce:
    source = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    return Workforce.from_csv(source, errors="report")


def test_a_latin1_register_with_semicolons_and_decimal_commas_is_read() -> None:
    """What a French spreadsheet exports: Windows-1252, ';', decimal commas."""
    data = "id;hire_date;role;commute_distance_km\nA;2010-01-01;équipe;12,5\n".encode("cp1252")
    staff = read(data)
    assert staff.role.value(0) == "équipe" and staff.commute_distance_km.tolist() == [12.5]


def test_an_unbalanced_quote_is_one_bad_row() -> None:
    """A quote left open used to swallow the next lines into one agent, silently."""
    staff = read('id,hire_date,role\nA,2010-01-01,"x\nB,2010-01-01,y\nC,2010-01-01,z\n')
    assert staff.ids.tolist() == ["B", "C"]
    assert [(e.row, e.field) for e in staff.rejected] == [(0, "row")]
    assert "quotes that close" in staff.rejected[0].message


def test_a_huge_cell_is_one_bad_row() -> None:
    """A cell over 128 KiB used to fail the whole file inside the csv module."""
    staff = read(f"id,hire_date,role\nA,2010-01-01,{'x' * 200_000}\nB,2010-01-01,y\n")
    assert staff.ids.tolist() == ["B"]
    assert "at most 131,072 characters" in staff.rejected[0].message


@pytest.mark.parametrize("cell", ["1_000", "nan", "inf", "١٢", "１２", "NaN", "1e999"])
def test_numbers_are_written_in_ascii_digits(cell: str) -> None:
    """Underscores, NaN, infinities and digits of other scripts are not numbers here;
    an unknown value is an empty cell."""
    staff = read(f"id,hire_date,commute_distance_km\nA,2010-01-01,{cell}\nB,2010-01-01,\n")
    assert staff.ids.tolist() == ["B"] and np.isnan(staff.commute_distance_km[0])
    assert staff.rejected[0].field == "commute_distance"


@pytest.mark.parametrize("agent_id", ["A\x00", "\ufeffA", "A\u200b", "\u200e", "A\x07"])
def test_ids_with_invisible_characters_are_refused(agent_id: str) -> None:
    """An id holding a NUL, a byte order mark or a zero-width character looks like
    another; it used to be stored as "A" and make a genuine "A" a duplicate."""
    staff = Workforce.from_records(
        [{"id": agent_id, "hire_date": "2010-01-01"}, {"id": "A", "hire_date": "2010-01-01"}],
        errors="report",
    )
    assert staff.ids.tolist() == ["A"]
    assert [(e.row, e.field) for e in staff.rejected] == [(0, "id")]
    with pytest.raises(ValidationError, match="invisible"):
        Agent(id=agent_id, hire_date="2010-01-01")


# -- regular expressions -----------------------------------------------------------------


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled regular expression of the package's modules (so that a new one is
    fed the inputs below too)."""
    import importlib
    import pkgutil

    import teletravail

    found = []
    for info in pkgutil.walk_packages(teletravail.__path__, "teletravail."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


#: Inputs that make a backtracking expression take exponential or cubic time.
PATHOLOGICAL = [
    "1" * 20_000 + "x",
    " " * 20_000 + "x",
    "1 " * 10_000 + "x",
    "a" * 20_000 + "!",
    "1 year" + " " * 20_000 + "x",
    "1" + " 000" * 5_000 + "x",
    "a." * 10_000 + "[",
    "P" + "1" * 20_000 + "Y",
    "\t1\t" * 6_000 + "é",
    "de " * 7_000,
]


def test_every_regular_expression_is_linear_on_pathological_input() -> None:
    """Each expression on each input, by every way the code applies them (match,
    search, fullmatch, findall, sub): all finish (they are linear: no nested or adjacent
    unbounded quantifiers that can match the same characters)."""
    patterns = _patterns()
    assert len(patterns) >= 12  # the readers of quantities, dates, durations, ids, CSV...
    for _, pattern in patterns:
        for text in PATHOLOGICAL:
            pattern.match(text)
            pattern.search(text)
            pattern.fullmatch(text)
            pattern.findall(text)
            pattern.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.text(" */[]abc2-é", max_size=24))
def test_the_linear_expressions_find_what_the_plain_ones_found(text: str) -> None:
    """The two expressions made linear (spaces that do not backtrack, no match starting
    inside a run of spaces) find what their plain, backtracking forms find."""
    from teletravail import errors
    from teletravail.workforce import fields

    factor = re.compile(r"(\*|/)?\s*\[(\w+)\](?:\s*\*\*\s*(-?\d+))?")
    assert errors._FACTOR.findall(text) == factor.findall(text)
    category = re.compile(r"(?:categorie|cat\.?)?\s*([abc])")
    for word in (text, "cat" + text, "categorie" + text):
        mine, plain = fields._CATEGORY_TEXT.fullmatch(word), category.fullmatch(word)
        assert (mine and mine.group(1)) == (plain and plain.group(1))


COLUMNS = (
    "id",
    "hire_date",
    "working_time_pct",
    "role",
    "tags",
    "commute_distance_km",
    "commute_time",
    "commute_mode",
    "volunteer",
    "derogations",
    "requested_telework",
    "pattern",
    "days_off",
    "absences",
    "authorisation",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.text(max_size=30) | st.sampled_from(["", "1_000", "nan", '"', "\ufeff"]),
            min_size=len(COLUMNS),
            max_size=len(COLUMNS) + 1,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_register_is_read_row_by_row(rows: list[list[str]]) -> None:
    """Whatever the cells hold, reading a register never raises: every data line comes
    out as an agent or as a bad row with its row number, field and message, and the
    agents are assessed."""
    lines = [",".join(COLUMNS)]
    lines += [",".join(cell.replace("\n", " ").replace("\r", " ") for cell in row) for row in rows]
    text = "\n".join(lines) + "\n"
    staff = Workforce.from_csv(io.StringIO(text), errors="report")
    written = sum(1 for line in lines[1:] if line.strip())
    assert len(staff) + len(staff.rejected) == written
    assert all(isinstance(e.row, int) and e.field and e.message for e in staff.rejected)
    policy = config.loads(BASE)
    batch = policy.assess(staff, "2024-01-01", errors="report")
    assert len(batch) == len(staff)


def test_an_ask_a_monthly_flat_cannot_pay_is_one_row(tmp_path: Path) -> None:
    """Under a monthly flat allowance, a row asking 1.25 days a week used to fail the
    whole run with no row named: it is that row's answer (refused by the quota's half
    days), and the other rows are assessed, through the command too."""
    from teletravail.cli import main

    document = BASE.replace(
        '[[allowance]]\nkind = "one_off"\namount = "100 EUR"',
        '[[allowance]]\nkind = "monthly_flat"\nrate = "10.40 EUR/(workday/week)"',
    )
    policy_file = tmp_path / "flat.toml"
    policy_file.write_text(document, encoding="utf-8")
    register = tmp_path / "staff.csv"
    register.write_text(
        "id,hire_date,requested_telework\nA,2010-01-01,1.25 workday/week\n"
        "B,2010-01-01,2 workday/week\n",
        encoding="utf-8",
    )
    batch = config.load(policy_file).assess(Workforce.from_csv(register), "2024-01-01")
    assert batch.statuses().tolist() == ["refused", "granted"]
    assert batch.quota_failures(0) == ("quota.granularity",)
    output = tmp_path / "out.csv"
    assert (
        main(["assess", "--policy", str(policy_file), str(register), "-o", str(output), "-q"]) == 0
    )
    rows = output.read_text(encoding="utf-8").splitlines()
    assert rows[1].split(",")[2] == "refused" and rows[2].split(",")[2] == "granted"
