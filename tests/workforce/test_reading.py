"""One CSV reader: ``Workforce.from_csv`` with its progress hook and the id cells of the
rows it sets aside, which the command line reads registers with (same defaults: the
encoding found, the delimiter guessed, bad rows set aside and the others read)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from teletravail import presets
from teletravail.cli import main
from teletravail.cli.reading import read_register
from teletravail.tables import assessment_frame
from teletravail.workforce import Workforce
from teletravail.workforce.io import read_workforce

from ..strategies import Register, registers

#: A French spreadsheet's export: Latin-1, ``;``, a decimal comma nowhere, one row whose
#: distance is a word, one row short of a cell, one whose quote never closes, a blank line.
LATIN = (
    "matricule;hire_date;commute_distance_km;role\n"
    "LOT-001;2004-09-01;28;instructeur\n"
    "LOT-002;2011-12-31;loin;équipe\n"
    "\n"
    " LOT-003 ;2010-01-01;12\n"
    '"LOT-004;2009-05-15;9;secrétariat\n'
    "LOT-005;2008-02-01;31;accueil général\n"
)


@pytest.fixture
def latin(tmp_path: Path) -> Path:
    path = tmp_path / "registre.csv"
    path.write_bytes(LATIN.encode("latin-1"))
    return path


def test_progress_is_told_each_row_and_the_rows_of_the_file(latin: Path) -> None:
    """Read row by row, the hook hears 0 before the first row, then each row read, of
    the file's five data rows (the blank line is none)."""
    calls: list[tuple[int, int]] = []
    Workforce.from_csv(
        latin,
        errors="report",
        columns={"matricule": "id"},
        progress=lambda *c: calls.append(c),
        columnar=False,
    )
    assert calls == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_progress_of_the_columnar_reader_by_blocks(latin: Path) -> None:
    """Read column by column, the hook hears 0 first, then the rows split block by
    block, never fewer than before, and last every row of the file."""
    calls: list[tuple[int, int]] = []
    Workforce.from_csv(
        latin,
        errors="report",
        columns={"matricule": "id"},
        progress=lambda *c: calls.append(c),
        columnar=True,
    )
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    done = [call[0] for call in calls]
    assert done == sorted(done)


def test_the_id_cells_of_the_rows_set_aside(latin: Path) -> None:
    """Each row's id cell as written (stripped), the rows set aside included; a row that
    cannot be split into cells has none."""
    ids: list[str] = []
    workforce = Workforce.from_csv(
        latin, errors="report", columns={"matricule": "id"}, id_cells=ids
    )
    assert ids == ["LOT-001", "LOT-002", "LOT-003", "", "LOT-005"]
    assert workforce.ids.tolist() == ["LOT-001", "LOT-005"]
    assert [error.row for error in workforce.rejected] == [1, 2, 3]
    assert workforce.role.value(1) == "accueil général"  # read as Windows-1252


def test_without_hook_or_list_the_reading_is_the_same(latin: Path) -> None:
    plain = Workforce.from_csv(latin, errors="report", columns={"matricule": "id"})
    watched = Workforce.from_csv(
        latin, errors="report", columns={"matricule": "id"}, progress=print, id_cells=[]
    )
    assert list(plain) == list(watched) and plain.rejected == watched.rejected


def _rows_of_the_api(path: Path, columns: dict[str, Any]) -> list[dict[str, Any]]:
    """What the Python API makes of a register under the Lot's 2013 policy: each input
    row's status, id and error, as assessment_frame gives them."""
    policy = presets.load("lot-2013")
    workforce = Workforce.from_csv(path, errors="report", columns=columns)
    batch = policy.assess(workforce, on="2013-01-01", errors="report")
    frame = assessment_frame(batch)
    return [
        {
            "row": int(row),
            "status": status,
            "id": agent_id if isinstance(agent_id, str) else None,
            "error": error,
        }
        for row, status, agent_id, error in zip(
            frame["row"], frame["status"], frame["id"], frame["error"], strict=True
        )
    ]


def test_the_command_and_the_api_give_the_same_rows_and_errors(
    latin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`assess` and `bilan` on a Latin-1 file with ``;`` and bad rows: the same rows, the
    same statuses, the same errors as the Python API; the command also names the id
    written in each row it set aside."""
    mapping = tmp_path / "columns.toml"
    mapping.write_text('matricule = "id"\n', encoding="utf-8")
    argv = ["--policy", "lot-2013", str(latin), "--columns", str(mapping), "--format", "json"]
    assert main(["assess", *argv]) == 1
    document = json.loads(capsys.readouterr().out)
    expected = _rows_of_the_api(latin, {"matricule": "id"})
    got = [
        {
            "row": row["row"],
            "status": row["status"],
            "id": row["id"],
            "error": None if row["error"] is None else row["error"]["message"],
        }
        for row in document["rows"]
    ]
    assert [row["status"] for row in got] == [
        "granted",
        "rejected",
        "rejected",
        "rejected",
        "granted",
    ]
    # the table has no id for a row it could not read; the command names the id written
    assert [row["id"] for row in got] == ["LOT-001", "LOT-002", "LOT-003", "", "LOT-005"]
    assert [{**row, "id": None} if row["status"] == "rejected" else row for row in got] == expected

    assert main(["bilan", "lot-2013", str(latin), "--columns", str(mapping), "--json"]) == 0
    bilan = json.loads(capsys.readouterr().out)
    api = Workforce.from_csv(latin, errors="report", columns={"matricule": "id"})
    assert bilan["errors"] == [error.to_dict() for error in api.rejected]
    assert read_workforce(latin, columns={"matricule": "id"}).rejected == api.rejected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_the_command_reads_a_register_as_the_api_does(register: Register) -> None:
    """For any register (UTF-8 or Latin-1, ``,`` or ``;``, good and bad rows, blank
    lines), the command's reading and the API's give the same rows and the same errors,
    and both what was written by hand: the good rows' ids, the bad rows' numbers and
    every row's id cell."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.csv"
        path.write_bytes(register.text.encode(register.encoding))
        ids: list[str] = []
        calls: list[tuple[int, int]] = []
        api = Workforce.from_csv(
            path,
            errors="report",
            id_cells=ids,
            progress=lambda *c: calls.append(c),
            columnar=False,
        )
        command, command_ids, _ = read_register(str(path))
        told = Workforce.from_csv(path, errors="report", delimiter=register.delimiter)
    rows = len(register.ids)
    assert api.ids.tolist() == register.good == command.ids.tolist()
    assert [error.row for error in api.rejected] == register.bad
    assert command.rejected == api.rejected
    assert [e.message for e in command.rejected] == [e.message for e in api.rejected]
    assert ids == register.ids == command_ids
    assert calls == [(done, rows) for done in range(rows + 1)]
    assert list(api) == list(command) == list(told)
