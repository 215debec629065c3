"""Row statuses: one vocabulary, defined once (``teletravail.statuses``), documented in
one table (``docs/statuses.md``), and the words of every output that says what became
of a row."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from teletravail import presets
from teletravail.cli import main
from teletravail.eligibility import SelectionCampaign
from teletravail.policy import STATUSES
from teletravail.statuses import (
    ASSESSMENT_STATUSES,
    ELIGIBILITY_STATUSES,
    OUTPUTS,
    ROW_STATUSES,
    SELECTION_STATUSES,
    TABLE_STATUSES,
    RowStatus,
    reference,
)
from teletravail.tables import assessment_frame, row_counts
from teletravail.workforce import Workforce

DOCS = Path(__file__).resolve().parent.parent / "docs" / "statuses.md"

#: One row of each fate under the Lot's 2013 policy on 2013-01-01.
REGISTER = """\
id,hire_date,working_time_pct,role,commute_distance_km,requested_telework_workday_per_week
A,2004-09-01,100,instructeur,28,1.5
B,2009-05-15,80,secretariat,9,1.5
C,2014-01-01,100,juriste,12,1.5
D,2010-01-01,100,juriste,far,1.5
E,2004-09-01,100,instructeur,28,2
"""
#: What became of each row, by hand: A is granted its 1.5 days; B works 80 % (the Lot
#: asks 90 %); C is hired after the date; D's distance cannot be read; E asks for 2 days
#: where the Lot allows 1.5.
BY_HAND = ["granted", "not_eligible", "invalid", "rejected", "refused"]
ON = "2013-01-01"


def test_the_docs_hold_the_generated_tables() -> None:
    """docs/statuses.md holds exactly the tables generated from the vocabulary."""
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"<!-- statuses:start -->\n(.*)<!-- statuses:end -->", text, re.S)
    assert match is not None
    assert match.group(1) == reference()


def test_the_docs_table_lists_the_code_s_statuses_in_order() -> None:
    """Read as a person reads it, the docs' first table names each status of the code
    once, in the code's order, with its English meaning."""
    text = DOCS.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| (.+) \|$", text, re.M)
    assert [status for status, _ in rows] == list(ROW_STATUSES)
    assert [meaning for _, meaning in rows] == [str(s.meaning) for s in RowStatus]


def test_each_output_uses_words_of_the_vocabulary() -> None:
    """Every output's statuses are words of the vocabulary, each status is given by some
    output, and the policy's codes index the assessment's statuses."""
    vocabulary = set(ROW_STATUSES)
    assert len(vocabulary) == len(ROW_STATUSES) == 10
    for output, statuses in OUTPUTS.items():
        assert set(statuses) <= vocabulary, output
        assert len(set(statuses)) == len(statuses), output
    assert set().union(*OUTPUTS.values()) == vocabulary
    assert STATUSES == ASSESSMENT_STATUSES
    assert set(TABLE_STATUSES) == {*ASSESSMENT_STATUSES, "rejected"}
    assert "refused" not in ELIGIBILITY_STATUSES and "waiting" not in SELECTION_STATUSES


def test_each_meaning_is_said_in_both_languages() -> None:
    for status in RowStatus:
        english, french = status.meaning.text("en"), status.meaning.text("fr")
        assert english and french and english != french, status
        assert status == status.value  # a status compares equal to its text


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def test_an_eligibility_record_says_not_eligible_never_refused(register: Path) -> None:
    """An eligibility decision's rows: eligible or not_eligible, invalid, rejected."""
    workforce = Workforce.from_csv(register, errors="report")
    decisions = presets.load("lot-2013").eligibility.evaluate(workforce, ON, errors="report")
    records = decisions.to_records()
    expected = ["eligible", "not_eligible", "invalid", "rejected", "eligible"]
    assert [record["status"] for record in records] == expected
    assert list(decisions.to_pandas()["status"]) == expected
    summary = decisions.summary()
    assert {status: summary[status] for status in ELIGIBILITY_STATUSES} == {
        "eligible": 2,
        "not_eligible": 1,
        "invalid": 1,
        "rejected": 1,
    }


def test_a_table_and_the_command_say_the_same_words(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tables.assessment_frame and `teletravail assess` (CSV and JSON) give each row the
    status counted by hand, and bilan counts them under the same words."""
    policy = presets.load("lot-2013")
    batch = policy.assess(Workforce.from_csv(register, errors="report"), on=ON, errors="report")
    assert assessment_frame(batch)["status"].tolist() == BY_HAND
    assert row_counts(batch)["invalid"] == 1 and row_counts(batch)["rejected"] == 1

    assert main(["assess", "--policy", "lot-2013", str(register), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["schema_version"] == 5
    assert [row["status"] for row in document["rows"]] == BY_HAND
    assert [row["id"] for row in document["rows"]] == ["A", "B", "C", "D", "E"]

    assert main(["bilan", "lot-2013", str(register), "--json"]) == 0
    bilan = json.loads(capsys.readouterr().out)
    assert bilan["schema_version"] == 5
    counts = {status: bilan[status] for status in BY_HAND}
    assert counts == dict.fromkeys(BY_HAND, 1)
    assert (bilan["eligible"], bilan["failed"]) == (2, 2)


def test_a_selection_says_not_selected_for_its_waiting_list() -> None:
    """A campaign's agents are selected, not_selected, not_eligible or invalid."""
    records = [
        {"id": f"V{i}", "hire_date": "2010-01-01", "commute_distance_km": 10 + i} for i in range(4)
    ]
    records.append({"id": "LATE", "hire_date": "2016-01-01"})
    workforce = Workforce.from_records(records, errors="report")
    decisions = presets.load("lozere-2015").eligibility.evaluate(
        workforce, "2015-04-01", errors="report"
    )
    selection = SelectionCampaign(seats=2, rank_by="commute_distance").run(decisions)
    statuses = [record["status"] for record in selection.to_records()]
    assert statuses == ["not_selected", "not_selected", "selected", "selected", "invalid"]
    assert set(statuses) <= set(SELECTION_STATUSES)


def test_every_status_has_a_label_in_both_languages_without_its_code() -> None:
    from teletravail.statuses import RowStatus

    for status in RowStatus:
        english, french = str(status.label), status.label.text("fr")
        assert english and french and english != french, status
        assert "_" not in english + french, status
    assert RowStatus.NOT_CONCERNED.label.text("fr") == "non concerné"
