"""What the commands read: a policy named by a preset or a file, and a workforce CSV with
the mapping of its own column names (``--columns``), row by row so that progress shows.

The library's modules are imported inside the functions that use them, so that
``teletravail --help`` stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from .progress import Progress

if TYPE_CHECKING:
    from teletravail.policy import Policy
    from teletravail.workforce import Workforce

__all__ = [
    "COLUMNS_HELP",
    "column_mapping",
    "load_policy",
    "policy_inputs",
    "read_text",
    "read_workforce",
    "reference_date",
]


def policy_inputs(source: str) -> list[str]:
    """The policy document among a run's inputs, when it is a file (not a preset)."""
    return [source] if os.path.isfile(source) else []


def load_policy(source: str) -> Policy:
    """The policy a command names: a preset's name, or the path of a TOML or JSON
    document."""
    from teletravail import config

    return config.load_policy(source)


def reference_date(policy: Policy, on: dt.date | None) -> dt.date:
    """The date a command assesses on: ``--on``, or else the day the policy starts."""
    return policy.period.start if on is None else on


def read_text(path: str) -> str:
    """The text of a workforce file (or of a ``--columns`` mapping), read as the
    library's readers read it."""
    from teletravail import workforce

    return workforce.read_text(path)


COLUMNS_HELP: Final = (
    "the register's own column names: a TOML or JSON file mapping each to a field, or "
    "'matricule=id,quotite=working_time:%%' (a unit after ':')"
)


def column_mapping(value: str | None) -> dict[str, str | tuple[str, str]] | None:
    """The ``--columns`` mapping: a TOML or JSON file (a table of column names, at the
    top or under ``[columns]``; each a field, or ``[field, unit]``), or the inline form
    ``name=field,name=field:unit``."""
    from teletravail.errors import ValidationError
    from teletravail.messages import Phrase

    if value is None:
        return None
    expected = Phrase(
        "a file mapping column names to fields, or 'name=field,name=field:unit'",
        "un fichier qui associe les colonnes aux champs, ou"
        " «\u00a0nom=champ,nom=champ:unité\u00a0»",
    )
    if os.path.isfile(value):
        import json
        import tomllib

        raw = read_text(value)
        try:
            data = json.loads(raw) if value.endswith(".json") else tomllib.loads(raw)
        except ValueError as exc:
            raise ValidationError("columns", value, expected) from exc
        if isinstance(data, dict) and isinstance(data.get("columns"), dict) and len(data) == 1:
            data = data["columns"]
        if not isinstance(data, dict):
            raise ValidationError("columns", value, expected)
        found: dict[str, str | tuple[str, str]] = {}
        for name, spec in data.items():
            if isinstance(spec, str):
                found[name] = spec
            elif (
                isinstance(spec, list) and len(spec) == 2 and all(isinstance(x, str) for x in spec)
            ):
                found[name] = (spec[0], spec[1])
            else:
                raise ValidationError(f"columns.{name}", spec, expected)
        return found
    found = {}
    for item in value.split(","):
        name, equals, spec = item.partition("=")
        if not equals or not name.strip() or not spec.strip():
            raise ValidationError("columns", value, expected)
        field, colon, unit = spec.partition(":")
        found[name.strip()] = (field.strip(), unit.strip()) if colon else field.strip()
    return found


def read_workforce(
    text: str,
    progress: Progress | None = None,
    *,
    origin: str = "workforce",
    columns: dict[str, str | tuple[str, str]] | None = None,
) -> tuple[Workforce, list[str]]:
    """Read a workforce CSV as :meth:`Workforce.from_csv` does (``errors="report"``: bad
    rows are set aside; ``columns`` maps the file's own column names to fields), and
    each row's id cell as written, for the rows set aside.

    The rows reach the workforce through a generator, so that the progress of the
    reading (the slow part) can be shown row by row.
    """
    from teletravail import workforce as wf

    header, reader = wf.csv_records(text)
    ids: list[str] = []
    if progress is not None:
        progress.start("reading", max(text.count("\n") - 1, 0))
    id_column = next(
        (
            name
            for name, spec in (columns or {}).items()
            if (spec if isinstance(spec, str) else spec[0]) == "id"
        ),
        "id",
    )

    def records() -> Iterator[dict[str, Any] | wf.UnreadableRow]:
        for record in reader:
            cell = record.get(id_column) if isinstance(record, dict) else None
            ids.append(cell.strip() if isinstance(cell, str) and cell != wf.MISSING_CELL else "")
            if progress is not None:
                progress.update(len(ids))
            yield record

    wf.ColumnPlan(columns, ()).header(header)
    workforce = wf.Workforce.from_records(records(), errors="report", columns=columns)
    if progress is not None:
        progress.finish(len(ids))
    return workforce, ids
