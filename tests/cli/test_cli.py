"""The teletravail command: a few runs of the real command in a subprocess, the details
in-process through cli.main."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from teletravail import cli, config, presets
from teletravail.cli import main, neutralise
from teletravail.explain.names import rule_name
from teletravail.samples import lot_2013_workforce
from teletravail.scheduling import PatternDay, WeeklyPattern, plan
from teletravail.workforce import Agent, Workforce

STAFF = """\
id,hire_date,working_time_pct,role,commute_distance_km
LOT-001,2004-09-01,100,instructeur,28
LOT-002,2011-12-31,90,gestionnaire,far
=cmd|' /C calc'!A0,2010-01-01,100,juriste,12.5
LOT-004,2009-05-15,80,secretariat,9
-42,2011-06-01,100,cadre,31
"""


#: The environment of an English command: no locale variable names another language.
ENGLISH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run in-process speak English unless a test says otherwise,
    whatever the locale of the machine running the tests."""
    for name, value in ENGLISH.items():
        monkeypatch.setenv(name, value)


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command, in a process of its own, in an English environment (or with
    ``env``'s locale variables)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **ENGLISH, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "teletravail", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.fixture
def staff(tmp_path: Path) -> Path:
    """A workforce CSV: good rows, a non-numeric distance, an id that is a formula."""
    path = tmp_path / "staff.csv"
    path.write_text(STAFF, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A policy document without problems (the Lot 2013 preset)."""
    path = tmp_path / "good.toml"
    path.write_text(presets.text("lot-2013"), encoding="utf-8")
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """A policy document with three problems."""
    text = (
        presets.text("lot-2013")
        .replace('maximum = "1.5 workday/week"', 'maximun = "1.5 workday/week"')
        .replace('minimum = "90 %"', 'minimum = "90"')
    )
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    """The problems the library finds in a document, as the command prints them."""
    with pytest.raises(config.ConfigError) as caught:
        config.load(path)
    return [str(problem) for problem in caught.value.problems]


# -- the real command, in a subprocess --------------------------------------------------


def test_presets_lists_every_preset() -> None:
    """`teletravail presets` prints one line per preset, as PresetInfo.line() writes it."""
    done = run("presets")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [info.line() for info in presets.catalogue()]


def test_check_accepts_a_good_document(good: Path) -> None:
    """`teletravail check` on a good document says ok and exits 0."""
    done = run("check", str(good))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{good}: ok (Lot 2013, Conseil général du Lot)\n"


def test_check_prints_every_problem_of_a_bad_document(bad: Path) -> None:
    """`teletravail check` prints every problem under the file name and exits 1."""
    done = run("check", str(bad))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    expected = problems_of(bad)
    assert len(expected) == 3
    assert lines == [f"{bad}: 3 problems", *(f"  {problem}" for problem in expected)]


def test_assess_writes_every_row_and_neutralises_formulas(staff: Path) -> None:
    """`teletravail assess` writes one row per input row, neutralised, and exits 1 on a
    bad row with a summary on stderr."""
    done = run("assess", "--policy", "lot-2013", str(staff))
    assert done.returncode == 1
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == len(STAFF.splitlines()) - 1
    assert [row["id"] for row in rows] == [
        "LOT-001",
        "LOT-002",
        "'=cmd|' /C calc'!A0",
        "LOT-004",
        "-42",
    ]
    assert [row["status"] for row in rows] == [
        "granted",
        "rejected",
        "granted",
        "not_eligible",
        "not_eligible",
    ]
    assert rows[1]["error"] == "commute_distance: expected a number in km, got 'far'"
    assert rows[3]["failures"] == "working_time.minimum"
    assert done.stderr == "teletravail assess: 5 rows read, 4 assessed, 1 failed\n"


def test_bilan_on_the_synthetic_workforce_matches_the_api() -> None:
    """`teletravail bilan lot-2013` labels the workforce synthetic and prints the API's
    figures."""
    done = run("bilan", "lot-2013")
    assert done.returncode == 0, done.stderr
    policy = presets.load("lot-2013")
    batch = policy.assess_workforce(lot_2013_workforce(), policy.period.start)
    totals = batch.totals()
    out = done.stdout
    assert "SYNTHETIC" in out and cli.SYNTHETIC_SOURCE not in out  # no Python name
    assert "rows read: 1,200\n" in out
    assert f"eligible: {totals['eligible']}\n" in out
    assert f"telework: {totals['days'].m_as('workday'):,.0f} days over the period" in out
    assert "period: 1 January to 31 December 2013\n" in out
    assert f"granted: {totals['granted']}\n" in out
    for code, count in batch.refusal_counts().items():
        assert f"  {rule_name(code)}: {count:,}\n" in out
    assert f"allowance paid: €{totals['allowance'].m_as('EUR'):,.2f}" in out
    assert f"distance: {totals['impact_distance'].m_as('km'):,.1f} km" in out
    for code, count in batch.decisions.failure_counts().items():
        assert f"  {rule_name(code)}: {count:,}\n" in out


def test_bilan_json_parses_and_matches_the_api() -> None:
    """`teletravail bilan lot-2013 --json` is a JSON document with the API's figures."""
    done = run("bilan", "lot-2013", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    policy = presets.load("lot-2013")
    batch = policy.assess_workforce(lot_2013_workforce(), policy.period.start)
    totals = batch.totals()
    assert document["schema"] == "teletravail.bilan" and document["schema_version"] == 5
    assert document["period"] == {"start": "2013-01-01", "end": "2013-12-31"}
    assert document["refused_by_rule"] == batch.refusal_counts()
    assert (document["granted"], document["refused"]) == (totals["granted"], totals["refused"])
    assert document["workforce"] == {"source": cli.SYNTHETIC_SOURCE, "synthetic": True}
    assert document["on"] == "2013-01-01"
    assert (document["rows"], document["eligible"], document["failed"]) == (1200, 20, 0)
    assert (document["invalid"], document["rejected"]) == (0, 0)
    assert document["refused_by_criterion"] == batch.decisions.failure_counts()
    assert document["telework"] == {"value": totals["days"].m_as("workday"), "unit": "workday"}
    cents = batch.sums()["allowance_cents"]  # exact, as a Decimal computation gives it
    assert document["allowance"] == {"value": f"{Decimal(cents) / 100:.2f}", "unit": "EUR"}
    assert Decimal(document["allowance"]["value"]) == Decimal(str(totals["allowance"].m_as("EUR")))
    impact = document["impact"]
    assert impact["net"]["value"] == pytest.approx(totals["impact_net"].m_as("t CO2e"))
    assert impact["distance"]["value"] == pytest.approx(totals["impact_distance"].m_as("km"))
    assert impact["money"] is None


def test_schedule_writes_icalendar_that_parses() -> None:
    """`teletravail schedule --ics -` writes one all-day event per planned day."""
    icalendar = pytest.importorskip("icalendar")
    args = ["--policy", "lot-2013", "--start", "2013-01-01", "--end", "2013-06-30"]
    done = run("schedule", *args, "--days", "tue,thu", "--half", "am", "--ics", "-")
    assert done.returncode == 0, done.stderr
    calendar = icalendar.Calendar.from_ical(done.stdout)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    pattern = WeeklyPattern(
        days=[PatternDay(weekday=d, part="am") for d in ("tuesday", "thursday")]
    )
    expected = plan(pattern, "2013-01-01", "2013-06-30")
    assert len(events) == len(expected)
    assert str(events[0]["summary"]) == "Telework at home (morning)"
    french = run("schedule", *args, "--days", "tue", "--ics", "-", "--lang", "fr")
    events = list(icalendar.Calendar.from_ical(french.stdout).walk("VEVENT"))
    assert str(events[0]["summary"]) == "Télétravail à domicile"
    description = "Journée de télétravail à domicile pour l'agent agent, le 8 janvier 2013."
    assert str(events[0]["description"]) == description


def test_schema_is_json_with_a_schema_key() -> None:
    """`teletravail schema` prints the JSON Schema, which the presets satisfy."""
    jsonschema = pytest.importorskip("jsonschema")
    done = run("schema")
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema == config.json_schema()
    jsonschema.validate(tomllib.loads(presets.text("lot-2013")), schema)


def test_help_imports_no_numeric_module() -> None:
    """`teletravail --help` imports neither numpy nor pint (it stays fast)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "teletravail", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert done.returncode == 0
    assert "usage: teletravail" in done.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "teletravail.cli" in imported
    assert not {"numpy", "pint", "teletravail.policy"} & imported


def test_library_error_is_a_message_not_a_traceback() -> None:
    """A TeletravailError ends the command with a message on stderr and exit 1."""
    done = run("bilan", "lot-2031")
    assert done.returncode == 1
    assert done.stderr.startswith("teletravail: error: preset: expected one of: ")
    assert "did you mean 'lot-2013'?" in done.stderr
    assert "Traceback" not in done.stderr


# -- presets, schema, usage --------------------------------------------------------------


def test_presets_name_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    """`presets NAME` prints the preset's TOML document unchanged."""
    assert main(["presets", "lozere-2015"]) == 0
    assert capsys.readouterr().out == presets.text("lozere-2015")


def test_schema_reference_is_the_markdown_reference(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema --reference` prints config.reference()."""
    assert main(["schema", "--reference"]) == 0
    assert capsys.readouterr().out == config.reference() + "\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["assess", "staff.csv"],
        ["bilan", "lot-2013", "--on", "2013-02-30"],
        ["bilan", "lot-2013", "--lang", "de"],
        ["schedule", "--policy", "lot-2013", "--start", "2013-01-01"],
        ["assess", "--policy", "lot-2013", "x.csv", "--quiet", "--progress"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong command line is argparse's usage error, code 2, on stderr."""
    assert main(argv) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and "usage: teletravail" in captured.err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    """--version and --help print and return 0; each command has its help."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("teletravail ")
    assert main(["assess", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--progress" in out and "Exit codes" in out


def test_missing_file_is_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A workforce file that does not exist is an error message and exit 1."""
    missing = tmp_path / "missing.csv"
    assert main(["assess", "--policy", "lot-2013", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("teletravail: error: source: expected a readable file")
    assert f"got '{missing}'" in err and "No such file or directory" in err


# -- check ------------------------------------------------------------------------------


def test_check_reports_every_file(
    good: Path, bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every file is checked, good or bad; a file that is not TOML or JSON is a problem."""
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    assert main(["check", str(good), str(bad), str(other)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{good}: ok (Lot 2013, Conseil général du Lot)"
    assert out[1] == f"{bad}: 3 problems"
    assert out[-2:] == [
        f"{other}: 1 problem",
        f"  path: expected a .toml or .json file, got {str(other)!r}",
    ]


def test_check_on_a_date_adds_conformity(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--on checks conformity: errors alone give exit 3, a conforming policy exit 0."""
    assert main(["check", str(good), "--on", "2018-06-01"]) == cli.EXIT_NOT_CONFORMING
    out = capsys.readouterr().out
    assert "  Policy Lot 2013 on 1 June 2018: does not conform (1 error" in out
    assert "place_not_allowed" not in out and "not allowed by the framework" in out
    assert main(["check", str(good), "--on", "2023-01-01", "--lang", "fr"]) == 0
    assert "Politique Lot 2013 au 1er janvier 2023\u00a0: conforme" in capsys.readouterr().out


def test_check_problems_come_before_conformity(
    good: Path, bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document with problems makes the exit 1, even when another does not conform."""
    assert main(["check", str(good), str(bad), "--on", "2018-06-01"]) == 1
    assert "does not conform" in capsys.readouterr().out


# -- assess -----------------------------------------------------------------------------


def test_neutralise_prefixes_formulas_only() -> None:
    """Text a spreadsheet would run gets a quote; plain numbers and other text do not."""
    for cell in ("=1+1", "+cmd", "-cmd", "@SUM(A1)", "\tx", "\rx", "-", "+33 6 12"):
        assert neutralise(cell) == "'" + cell
    for cell in ("-42", "+1.5", "-0.25e3", "LOT-1", "", "a=b", "'=x"):
        assert neutralise(cell) == cell


def test_assess_json_keeps_numbers_and_empty_cells(
    staff: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json gives every row with its figures in units, null where empty, and
    a bad row's error as a table."""
    assert main(["assess", "--policy", "lot-2013", str(staff), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert (document["rows_read"], document["assessed"], document["failed"]) == (5, 4, 1)
    assert document["schema"] == "teletravail.assessment.rows"
    assert document["schema_version"] == 5
    first, second, third = document["rows"][:3]
    assert first["granted"] == {"value": 1.5, "unit": "workday/week"}
    assert first["days"] == {"value": 69.5, "unit": "workday"}
    assert first["asked"] == {"value": 1.5, "unit": "workday/week"}
    assert first["allowance"] == {"value": "100.00", "unit": "EUR"}
    assert first["distance"] == {"value": 2 * 28 * 69.5, "unit": "km"}
    assert second["status"] == "rejected" and second["granted"] is None
    assert second["error"]["row"] == 1 and second["error"]["code"]
    assert third["id"] == "=cmd|' /C calc'!A0"  # JSON is not run by spreadsheets
    assert document["rows"][4]["failures"] == ["role.excluded"]


def test_assess_figures_match_the_api(staff: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CSV's figures are the BatchAssessment's, in the units of the column names."""
    assert main(["assess", "--policy", "lot-2013", str(staff), "--on", "2013-06-01"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    workforce = Workforce.from_csv(staff, errors="report")
    batch = presets.load("lot-2013").assess_workforce(workforce, "2013-06-01")
    first = batch.explain("LOT-001")
    assert float(rows[0]["days_workday"]) == first.days.m_as("workday")
    assert rows[0]["allowance_eur"] == "100.00"
    assert float(rows[0]["net_kg_co2e"]) == pytest.approx(first.impact["net_kg_co2e"], abs=5e-4)
    assert float(rows[0]["time_h"]) == pytest.approx(first.impact["hours"], abs=5e-4)
    assert rows[0]["saved_eur"] == ""  # the preset prices no km


def test_assess_selection_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Under a policy with seats, eligible agents are granted or not selected."""
    lines = ["id,hire_date,commute_distance_km"]
    lines += [f"A{i:02d},2010-01-01,{10 + i}" for i in range(10)]
    lines.append("LATE,2016-01-01,99")
    path = tmp_path / "applicants.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["assess", "--policy", "lozere-2015", str(path), "-q"]) == 1
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    status = {row["id"]: row["status"] for row in rows}
    assert [status[f"A{i:02d}"] for i in range(10)] == ["not_selected"] * 2 + ["granted"] * 8
    assert status["LATE"] == "invalid" and captured.err == ""


def test_assess_output_file(
    staff: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o writes the file and nothing to stdout; an input without bad rows exits 0."""
    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join(STAFF.splitlines()[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["assess", "--policy", "lot-2013", str(clean), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "1 row read, 1 assessed, 0 failed" in captured.err
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(cli.ASSESS_COLUMNS)


def test_assess_progress_only_when_asked(
    staff: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over the threshold, --progress shows the three stages; without it (stderr is
    not a terminal here) nothing is shown; --quiet shows nothing at all."""
    monkeypatch.setattr(cli.progress, "PROGRESS_ROWS", 2)
    argv = ["assess", "--policy", "lot-2013", str(staff)]
    main([*argv, "--progress"])
    err = capsys.readouterr().err
    for stage in ("reading: 5 rows, done", "assessing: 5 rows, done", "writing rows: 5 rows"):
        assert stage in err
    main(argv)
    assert "reading" not in capsys.readouterr().err
    main([*argv, "--quiet"])
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(cli.progress, "PROGRESS_ROWS", 10)
    main([*argv, "--progress"])
    assert "reading" not in capsys.readouterr().err


def test_assess_unknown_column_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A column the workforce does not know stops the command with its message, which
    names the file and says how many rows were not read."""
    path = tmp_path / "odd.csv"
    path.write_text("id,hire_date,salary\nA,2010-01-01,3\n", encoding="utf-8")
    assert main(["assess", "--policy", "lot-2013", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"teletravail: error: {path}: columns.salary: expected ")
    assert err.endswith("(1 row not read)\n")


def test_assess_reads_a_register_in_the_encoding_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--encoding reads a register in an encoding not found by itself (UTF-16); without
    it, the file is refused, named, with its rows not read."""
    path = tmp_path / "export.csv"
    path.write_bytes("id,hire_date\nA,2010-01-01\n".encode("utf-16"))
    assert main(["assess", "--policy", "lot-2013", str(path), "-q"]) == 1
    assert "encoding: expected text in UTF-8" in capsys.readouterr().err
    assert main(["assess", "--policy", "lot-2013", str(path), "--encoding", "utf-16"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("0,A,granted")


# -- bilan ------------------------------------------------------------------------------


def test_bilan_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang fr writes French, with a no-break space before each colon."""
    assert main(["bilan", "lot-2013", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Bilan du télétravail\u00a0: Lot 2013 (Conseil général du Lot) au 1er janvier 2013"
    )
    assert "SYNTHÉTIQUE" in out
    assert "lignes lues\u00a0: 1\u202f200\n" in out
    assert "indemnités versées\u00a0: 1\u202f300,00\u00a0€" in out
    assert "  volontariat\u00a0: 1\u202f088\n" in out
    assert " :" not in out and ":" not in out.replace("\u00a0:", "")


def test_bilan_on_a_workforce_file(staff: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With a CSV, the file is named (not synthetic) and the rows in error are listed."""
    assert main(["bilan", "lot-2013", str(staff)]) == 0
    out = capsys.readouterr().out
    assert f"workforce: {staff}\n" in out and "SYNTHETIC" not in out
    assert "rows read: 5\nagents assessed: 4\neligible: 2\n" in out
    assert (
        "rows in error: 1 (unreadable: 1, not assessed: 0)\n"
        "  row 1: commute_distance: expected a number in km"
    ) in out


def test_bilan_with_a_selection(capsys: pytest.CaptureFixture[str]) -> None:
    """A policy with seats reports the selected agents and the waiting list."""
    assert main(["bilan", "lozere-2015", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["selection"] == {"seats": 8, "selected": 8, "not_selected": 104}
    assert main(["bilan", "lozere-2015"]) == 0
    assert "selected: 8 of 112 eligible (8 seats), 104 waiting" in capsys.readouterr().out


def test_bilan_date_outside_the_policy(capsys: pytest.CaptureFixture[str]) -> None:
    """--on before the policy's period is the library's error, exit 1."""
    assert main(["bilan", "lot-2013", "--on", "2012-06-01"]) == 1
    assert "on: expected a date while the policy is in force" in capsys.readouterr().err


# -- schedule ---------------------------------------------------------------------------

PERIOD = ["--start", "2013-01-01", "--end", "2013-03-31"]


def test_schedule_summary_matches_plan(capsys: pytest.CaptureFixture[str]) -> None:
    """The summary counts each month's days as plan() does, and the total."""
    assert (
        main(["schedule", "--policy", "lot-2013", *PERIOD, "--days", "tue,thu", "--half", "am"])
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    pattern = WeeklyPattern(days=[PatternDay(weekday=d, part="am") for d in ("tue", "thu")])
    quota = presets.load("lot-2013").quota
    schedule = plan(
        pattern,
        "2013-01-01",
        "2013-03-31",
        agent=Agent(id="a", hire_date="2013-01-01"),
        quota=quota,
    )
    months = ["January 2013: 4.5 days", "February 2013: 4 days", "March 2013: 4 days"]
    assert [f"{q.m_as('workday'):g}" for q in schedule.counts("month").values()] == [
        "4.5",
        "4",
        "4",
    ]
    assert out[2:-1] == months
    assert out[-1] == f"total: {schedule.total.m_as('workday'):g} days over {len(schedule)} dates"


def test_schedule_refused_by_the_quota(capsys: pytest.CaptureFixture[str]) -> None:
    """A pattern over the quota is a clear refusal on stderr, exit 1."""
    assert main(["schedule", "--policy", "lot-2013", *PERIOD, "--days", "tue,thu"]) == 1
    err = capsys.readouterr().err
    assert "the quota of Lot 2013 does not allow this pattern" in err
    assert "refused" in err and "in the way: telework maximum" in err


def test_schedule_checks_place_and_period(capsys: pytest.CaptureFixture[str]) -> None:
    """A place the policy does not allow, or a day outside its period, is refused."""
    argv = ["schedule", "--policy", "lozere-2015", "--days", "tue"]
    assert main([*argv, "--start", "2015-03-01", "--end", "2015-03-31"]) == 1
    assert "place: expected a place of the policy: telecentre" in capsys.readouterr().err
    assert (
        main([*argv, "--start", "2015-01-01", "--end", "2015-03-31", "--place", "telecentre:Mende"])
        == 1
    )
    assert "start: expected a date while the policy is in force" in capsys.readouterr().err


def test_schedule_ics_file_and_missing_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--ics FILE writes the calendar; without icalendar the message names the extra."""
    pytest.importorskip("icalendar")
    out = tmp_path / "agent.ics"
    argv = ["schedule", "--policy", "lot-2013", *PERIOD, "--days", "fri", "--agent", "LOT-042"]
    assert main([*argv, "--ics", str(out)]) == 0
    assert b"UID:LOT-042-2013-01-04@teletravail.invalid" in out.read_bytes()
    monkeypatch.setitem(sys.modules, "icalendar", None)
    assert main([*argv, "--ics", "-"]) == 1
    assert "pip install 'teletravail[ics]'" in capsys.readouterr().err


# -- outputs ------------------------------------------------------------------------------


def test_outputs_never_replace_an_input_or_an_unasked_file(staff: Path, good: Path) -> None:
    """assess -o refuses its own register or policy (even with --force), an existing
    file without --force, a symbolic link without --follow-symlinks; each refusal is
    one message, exit 1, and the files are untouched."""
    before = staff.read_bytes()
    for output, extra in ((staff, ["--force"]), (good, ["--force"])):
        found = run("assess", "--policy", str(good), str(staff), "-o", str(output), *extra)
        assert found.returncode == cli.EXIT_PROBLEMS and "Traceback" not in found.stderr
        assert "other than the run's input" in found.stderr
    assert staff.read_bytes() == before and good.read_text(encoding="utf-8").startswith("#")
    existing = staff.parent / "out.csv"
    existing.write_text("keep me\n", encoding="utf-8")
    found = run("assess", "--policy", "lot-2013", str(staff), "-o", str(existing))
    assert found.returncode == cli.EXIT_PROBLEMS and "--force replaces it" in found.stderr
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    assert (
        run("assess", "--policy", "lot-2013", str(staff), "-o", str(existing), "--force").returncode
        == 1
    )
    assert existing.read_text(encoding="utf-8").startswith("row,id,status")
    link = staff.parent / "link.csv"
    link.symlink_to(existing)
    found = run("assess", "--policy", "lot-2013", str(staff), "-o", str(link), "--force")
    assert "symbolic link" in found.stderr and link.is_symlink()
    run(
        "assess",
        "--policy",
        "lot-2013",
        str(staff),
        "-o",
        str(link),
        "--force",
        "--follow-symlinks",
    )
    assert link.is_symlink() and existing.read_text(encoding="utf-8").startswith("row,id,status")
    assert not [p.name for p in staff.parent.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize(("signal_number", "code"), [(2, 130), (15, 143)])
def test_an_interrupted_run_leaves_the_old_output_whole(
    tmp_path: Path, signal_number: int, code: int
) -> None:
    """SIGINT or SIGTERM while a large register is assessed: a one-line message, the
    documented exit code, no traceback, the previous output intact, no partial file."""
    import signal
    import time

    big = tmp_path / "big.csv"
    rows = [f"A{i},2010-01-01,100,instructeur,12" for i in range(150_000)]
    big.write_text("id,hire_date,working_time_pct,role,commute_distance_km\n" + "\n".join(rows))
    output = tmp_path / "out.csv"
    output.write_text("the previous output\n", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "teletravail",
            "assess",
            "--policy",
            "lot-2013",
            str(big),
            "-o",
            str(output),
            "--force",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # past the start-up, inside the reading
    process.send_signal(signal.Signals(signal_number))
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert "Traceback" not in err and "half-written" in err
    assert output.read_text(encoding="utf-8") == "the previous output\n"
    assert {p.name for p in tmp_path.iterdir()} == {"big.csv", "out.csv"}


def test_an_output_interrupted_while_written_is_not_left_behind(tmp_path: Path) -> None:
    """Half the rows written, then an interruption: the old file stays, whole, and the
    temporary file is gone; once complete, the output replaces it with its mode."""
    from teletravail.outputs import output_text

    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)

    def interrupted() -> None:
        with output_text(target, force=True) as stream:
            stream.write("row 1\n")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with output_text(target, force=True) as stream:
        stream.write("row 1\nrow 2\n")
    assert target.read_text(encoding="utf-8") == "row 1\nrow 2\n"
    assert target.stat().st_mode & 0o777 == 0o640
