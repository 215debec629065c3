"""What the commands read: a policy named by a preset or a file, and a workforce CSV with
the mapping of its own column names (``--columns``), read by the library's one CSV
reader (:meth:`Workforce.from_csv <teletravail.workforce.Workforce.from_csv>`) with its
progress shown.

The library's modules are imported inside the functions that use them, so that
``teletravail --help`` stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Final

from teletravail.messages import Lang, Phrase

from .progress import Progress, progress_for

if TYPE_CHECKING:
    from teletravail.policy import Policy
    from teletravail.workforce import Workforce

__all__ = [
    "COLUMNS_HELP",
    "ENCODING_HELP",
    "column_mapping",
    "load_policy",
    "policy_inputs",
    "read_register",
    "read_text",
    "reference_date",
]


def policy_inputs(source: str) -> list[str]:
    """The policy document among a run's inputs, when it is a file (not a preset)."""
    return [source] if os.path.isfile(source) else []


def load_policy(source: str) -> Policy:
    """The policy a command names: a preset's name, or the path of a TOML or JSON
    document."""
    from teletravail import presets

    return presets.load_policy(source)


def reference_date(policy: Policy, on: dt.date | None) -> dt.date:
    """The date a command assesses on: ``--on``, or else the day the policy starts."""
    return policy.period.start if on is None else on


def read_text(path: str) -> str:
    """The text of a workforce file (or of a ``--columns`` mapping), read as the
    library's readers read it."""
    from teletravail import workforce

    return workforce.read_text(path)


#: The help of ``--columns``, in English and French (argparse reads ``%%`` as ``%``).
COLUMNS_HELP: Final = Phrase(
    "the register's own column names: a TOML or JSON file mapping each to a field, or "
    "'matricule=id,quotite=working_time:%%' (a unit after ':')",
    "les noms de colonnes du registre\u00a0: un fichier TOML ou JSON qui associe chacune à un "
    "champ, ou 'matricule=id,quotite=working_time:%%' (une unité après ':')",
)


#: The help of ``--encoding``, in English and French.
ENCODING_HELP: Final = Phrase(
    "the encoding of a CSV register (default: UTF-8, or Windows-1252 when the file is not UTF-8)",
    "l'encodage d'un registre CSV (par défaut\u00a0: UTF-8, ou Windows-1252 si le fichier"
    " n'est pas en UTF-8)",
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


def read_register(
    path: str,
    columns: dict[str, str | tuple[str, str]] | None = None,
    *,
    asked: bool = False,
    quiet: bool = True,
    lang: Lang = "en",
    encoding: str | None = None,
) -> tuple[Workforce, list[str], Progress]:
    """A workforce file (CSV, Parquet or ``.xlsx``) read as the Python API reads it
    (:func:`~teletravail.workforce.io.read_workforce`, with ``errors="report"``: bad
    rows are set aside; its defaults otherwise, ``columns`` mapping the file's own
    column names to fields, ``encoding`` that of a CSV file when it is not found by
    itself), each row's id cell as written (for the rows set aside), and the progress
    of the run: shown on stderr as the rows are read when the file is large enough and
    ``asked`` or on a terminal, never when ``quiet`` (:func:`progress_for`), in
    ``lang``."""
    from teletravail.workforce.io import read_workforce

    ids: list[str] = []
    shown = Progress(None, lang)

    def reading(done: int, total: int) -> None:
        nonlocal shown
        if done == 0:  # the reader tells the rows of the file before the first one
            shown = progress_for(total, asked=asked, quiet=quiet, lang=lang)
            shown.start("reading", total)
        else:
            shown.update(done)

    if not os.path.isfile(path):  # the system's reason said, as for any file read
        read_text(path)
    workforce = read_workforce(
        path, errors="report", columns=columns, encoding=encoding, progress=reading, id_cells=ids
    )
    shown.finish(len(ids))
    return workforce, ids, shown
