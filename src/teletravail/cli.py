"""The ``teletravail`` command: policies, workforces and schedules from the shell.

Subcommands (``teletravail COMMAND --help`` for each):

* ``presets [NAME]``: the shipped presets, one a line; with a name, its TOML document.
* ``new [--from PRESET] [--lang fr] [-o FILE]``: a commented starter policy document, in
  English or French, from a preset or from nothing.
* ``check FILE... [--on DATE]``: validate policy documents, and with ``--on`` check them
  against the public-service framework in force on that date.
* ``assess --policy NAME|FILE WORKFORCE.csv``: every input row assessed, as CSV or JSON.
* ``bilan NAME|FILE [WORKFORCE.csv]``: the report of a policy on a workforce (by default
  the bundled synthetic sample of the Lot's posts).
* ``schedule --policy NAME|FILE --start DATE --end DATE --days tue,thu``: the dated
  telework days of one agent's weekly pattern, as a summary or an iCalendar file.
* ``schema [--reference]``: the JSON Schema of policy documents, or their reference.

Exit codes: 0 success; 1 a document with problems, invalid workforce rows (every row is
still written) or any other error of the library (a message on stderr, no traceback);
2 a usage error (argparse); 3 documents without problems that do not conform to the
framework (``check --on``); 130 interrupted (Ctrl-C), 143 stopped by SIGTERM (no
traceback, no output file left half-written).

Only the standard library is imported at module level, so that ``--help`` stays fast;
the numeric modules are imported by the subcommands that need them.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import math
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO

from teletravail import __version__
from teletravail.messages import NBSP, Phrase, system_reason, text_of

if TYPE_CHECKING:
    from teletravail.errors import RowError
    from teletravail.policy import BatchAssessment, Policy
    from teletravail.workforce import Workforce

__all__ = [
    "ASSESS_COLUMNS",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_CONFORMING",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "PROGRESS_ROWS",
    "SYNTHETIC_SOURCE",
    "main",
    "neutralise",
]

Lang = Literal["en", "fr"]

#: Everything went well.
EXIT_OK: Final = 0
#: A document has problems, some workforce rows are invalid, or the library refused.
EXIT_PROBLEMS: Final = 1
#: The command line itself is wrong (argparse's own code).
EXIT_USAGE: Final = 2
#: ``check --on``: every document reads well, but one does not conform to the framework.
EXIT_NOT_CONFORMING: Final = 3
#: Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it.
EXIT_INTERRUPTED: Final = 130
#: Stopped by SIGTERM: 128 + 15.
EXIT_TERMINATED: Final = 143

#: ``assess`` shows its progress for inputs of more rows than this (when asked to).
PROGRESS_ROWS = 10_000

#: The columns of ``assess``'s output, units in the names.
ASSESS_COLUMNS: Final = (
    "row",
    "id",
    "status",
    "population",
    "failures",
    "asked_workday_per_week",
    "granted_workday_per_week",
    "days_workday",
    "allowance_eur",
    "employer_costs_eur",
    "distance_km",
    "time_h",
    "net_kg_co2e",
    "saved_eur",
    "error",
)

#: The source of the default workforce of ``bilan``.
SYNTHETIC_SOURCE: Final = "teletravail.samples.lot_2013_workforce()"


class _Terminated(BaseException):
    """SIGTERM arrived: unwind (outputs are removed half-written) and stop."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); returns the
    exit code. An interruption (Ctrl-C, SIGTERM) stops it with a one-line message, no
    traceback and no partial output file: exit code 130, or 143 for SIGTERM."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    except KeyboardInterrupt:  # while the command line was read
        _error(_INTERRUPTED)
        return EXIT_INTERRUPTED
    except _Terminated:
        _error(_TERMINATED)
        return EXIT_TERMINATED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


_INTERRUPTED: Final = Phrase(
    "interrupted (no output file is left half-written)",
    "interrompu (aucun fichier de sortie n'est laissé à moitié écrit)",
)
_TERMINATED: Final = Phrase(
    "stopped by SIGTERM (no output file is left half-written)",
    "arrêté par SIGTERM (aucun fichier de sortie n'est laissé à moitié écrit)",
)


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error
        if exit_.code is None:
            return EXIT_OK
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    from teletravail.errors import TeletravailError

    lang: Lang = getattr(args, "lang", "en")  # a command with --lang says its errors in it
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        _error(_INTERRUPTED, lang)
        return EXIT_INTERRUPTED
    except _Terminated:
        _error(_TERMINATED, lang)
        return EXIT_TERMINATED
    except TeletravailError as error:
        _error(error.text(lang), lang)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except OSError as error:
        where = f"{error.filename}" if error.filename else ""
        failed = Phrase(
            "{where}: {why}" if where else "{why}",
            "{where}" + NBSP + ": {why}" if where else "{why}",
            where=where,
            why=system_reason(error),
        )
        _error(failed, lang)
        return EXIT_PROBLEMS
    return code


#: How an error is introduced on stderr.
_ERROR: Final[dict[Lang, str]] = {
    "en": "teletravail: error: ",
    "fr": "teletravail" + NBSP + ": erreur" + NBSP + ": ",
}


def _error(message: str, lang: Lang = "en") -> None:
    """Say ``message`` (a :class:`~teletravail.messages.Phrase` is said in ``lang``) on
    stderr."""
    print(f"{_ERROR[lang]}{text_of(message, lang)}", file=sys.stderr)


# -- the parser ----------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    """An ISO date for argparse (a bad one is a usage error)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _period(text: str) -> str:
    """A period for argparse: a calendar year (``2024``) or ``START..END``."""
    if text.strip().isdigit() and len(text.strip()) == 4:
        return text.strip()
    first, sep, last = text.partition("..")
    try:
        if sep:
            dt.date.fromisoformat(first.strip())
            dt.date.fromisoformat(last.strip())
            return text
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"expected a year such as 2024 or START..END (YYYY-MM-DD..YYYY-MM-DD), got {text!r}"
    )


_PERIOD_HELP = "a year (2024) or START..END; default: the calendar year of --on"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teletravail",
        description="Telework (télétravail) schemes: policies, workforces, schedules.",
        epilog="Exit codes: 0 ok; 1 problems or errors; 2 usage; 3 check --on: not conforming.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    presets = commands.add_parser(
        "presets",
        help="list the shipped policies, or print one's TOML document",
        description="Without NAME, every preset on one line; with NAME, its TOML "
        "document, to start a variant from.",
    )
    presets.add_argument("name", nargs="?", metavar="NAME", help="a preset's name")
    presets.set_defaults(command="presets", run=_presets)

    new = commands.add_parser(
        "new",
        help="write a commented starter policy document, from a preset or from nothing",
        description="Write a TOML policy document to edit, a comment above each key in "
        "English or French: from a shipped preset (--from), or a minimal document with "
        "every main section, the values to replace marked. It passes 'teletravail check'.",
        epilog="Exit codes: 0 written; 1 an unknown preset, or an output refused (it "
        "exists: --force replaces it).",
    )
    new.add_argument("--from", dest="preset", metavar="PRESET", help="start from this preset")
    new.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the comments")
    new.add_argument(
        "-o", "--output", metavar="OUT", help="write here (default: stdout, as with '-')"
    )
    _output_options(new)
    new.set_defaults(command="new", run=_new)

    check = commands.add_parser(
        "check",
        help="validate policy documents (TOML or JSON)",
        description="Print every problem of each document under its name. With --on, "
        "also check each good document against the public-service framework in force "
        "on that date.",
        epilog="Exit codes: 0 every document reads well (and conforms); 1 a document has "
        "problems; 3 every document reads well but one does not conform.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a .toml or .json document")
    check.add_argument("--on", type=_date, metavar="DATE", help="check conformity on DATE")
    check.add_argument(
        "--lang",
        choices=("en", "fr"),
        default="en",
        help="language of the problems and the conformity findings",
    )
    check.set_defaults(command="check", run=_check)

    assess = commands.add_parser(
        "assess",
        help="assess every row of a workforce CSV",
        description="Every input row comes out, in input order: its id, status, the "
        "criteria in the way, the telework granted and its figures, or its error. "
        "CSV cells a spreadsheet would run as formulas are prefixed with a quote.",
        epilog="Exit codes: 0 every row assessed; 1 some rows invalid (all rows are "
        "still written) or an error.",
    )
    assess.add_argument("--policy", required=True, metavar="NAME|FILE", help="preset or document")
    assess.add_argument("workforce", metavar="WORKFORCE.csv", help="one agent per row")
    assess.add_argument("--columns", metavar="MAPPING", help=_COLUMNS_HELP)
    assess.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
    _output_options(assess)
    assess.add_argument("--on", type=_date, metavar="DATE", help="default: the policy's start")
    assess.add_argument("--period", type=_period, metavar="PERIOD", help=_PERIOD_HELP)
    assess.add_argument("--format", choices=("csv", "json"), default="csv", help="default: csv")
    shown = assess.add_mutually_exclusive_group()
    shown.add_argument(
        "--progress",
        action="store_true",
        help=f"show progress on stderr for inputs over {PROGRESS_ROWS:,} rows "
        "(default: only on a terminal)",
    )
    shown.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary on stderr"
    )
    assess.set_defaults(command="assess", run=_assess)

    bilan = commands.add_parser(
        "bilan",
        help="report a policy on a workforce (default: the synthetic Lot sample)",
        description="Counts, refusals by criterion, telework days, money and impact of a "
        f"policy on a workforce CSV, or on the synthetic sample {SYNTHETIC_SOURCE}.",
    )
    bilan.add_argument("policy", metavar="NAME|FILE", help="preset or document")
    bilan.add_argument("workforce", nargs="?", metavar="WORKFORCE.csv", help="one agent per row")
    bilan.add_argument("--columns", metavar="MAPPING", help=_COLUMNS_HELP)
    bilan.add_argument("--on", type=_date, metavar="DATE", help="default: the policy's start")
    bilan.add_argument("--period", type=_period, metavar="PERIOD", help=_PERIOD_HELP)
    bilan.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the text")
    bilan.add_argument("--json", action="store_true", help="print a JSON document instead")
    bilan.set_defaults(command="bilan", run=_bilan)

    schedule = commands.add_parser(
        "schedule",
        help="the dated telework days of one weekly pattern",
        description="Lay a weekly pattern over START..END, checked against the policy's "
        "quota, and print the days per month, or write them as iCalendar.",
    )
    schedule.add_argument("--policy", required=True, metavar="NAME|FILE", help="preset or document")
    schedule.add_argument("--start", required=True, type=_date, metavar="DATE", help="first day")
    schedule.add_argument("--end", required=True, type=_date, metavar="DATE", help="last day")
    schedule.add_argument("--days", required=True, metavar="DAYS", help="weekdays, e.g. tue,thu")
    schedule.add_argument("--place", default="home", help="home, telecentre:NAME, site:NAME, other")
    schedule.add_argument("--half", choices=("am", "pm"), help="half days (morning or afternoon)")
    schedule.add_argument("--working-time", default="100 %", help='e.g. "80 %%" (default 100 %%)')
    schedule.add_argument("--agent", default="agent", metavar="ID", help="the agent's id")
    schedule.add_argument(
        "--population", metavar="NAME", help="the policy's population whose rules apply"
    )
    schedule.add_argument("--ics", metavar="OUT.ics", help="write iCalendar here ('-': stdout)")
    _output_options(schedule)
    schedule.set_defaults(command="schedule", run=_schedule)

    schema = commands.add_parser(
        "schema",
        help="the JSON Schema of policy documents",
        description="Print the JSON Schema of policy documents, or their Markdown reference.",
    )
    schema.add_argument("--reference", action="store_true", help="print the Markdown reference")
    schema.set_defaults(command="schema", run=_schema)
    return parser


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force", action="store_true", help="replace the output file if it exists"
    )
    command.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="write where an output that is a symbolic link points",
    )


def _policy_inputs(source: str) -> list[str]:
    """The policy document among a run's inputs, when it is a file (not a preset)."""
    return [source] if os.path.isfile(source) else []


def _load_policy(source: str) -> Policy:
    from teletravail.config import load_policy

    return load_policy(source)


def _reference_date(policy: Policy, on: dt.date | None) -> dt.date:
    return policy.period.start if on is None else on


# -- presets, schema -----------------------------------------------------------------------


def _presets(args: argparse.Namespace) -> int:
    from teletravail import presets

    if args.name is not None:
        print(presets.text(args.name), end="")
        return EXIT_OK
    for info in presets.list():
        print(info.line())
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from teletravail import config

    if args.reference:
        print(config.reference())
    else:
        print(json.dumps(config.json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


# -- new -----------------------------------------------------------------------------------

_WRITTEN: Final[dict[Lang, str]] = {
    "en": "teletravail new: {output} written ({origin}); check it with: teletravail check {output}",
    "fr": "teletravail new\u00a0: {output} écrit ({origin})\u00a0; vérifiez-le avec\u00a0: "
    "teletravail check {output}",
}
_ORIGIN: Final[dict[Lang, str]] = {
    "en": "from the preset {preset}",
    "fr": "à partir du préréglage {preset}",
}
_BLANK: Final[dict[Lang, str]] = {"en": "to fill in", "fr": "à compléter"}


def _new(args: argparse.Namespace) -> int:
    to_file = args.output not in (None, "-")
    if to_file:  # refused at once, before the work
        from teletravail.outputs import check_output

        check_output(args.output, force=args.force, follow_symlinks=args.follow_symlinks)
    from teletravail.config.starter import starter_document

    text = starter_document(args.preset, lang=args.lang)
    if not to_file:
        sys.stdout.write(text)
        return EXIT_OK
    from teletravail.outputs import output_text

    with output_text(args.output, force=args.force, follow_symlinks=args.follow_symlinks) as output:
        output.write(text)
    lang: Lang = args.lang
    origin = _BLANK[lang] if args.preset is None else _ORIGIN[lang].format(preset=args.preset)
    print(_WRITTEN[lang].format(output=args.output, origin=origin), file=sys.stderr)
    return EXIT_OK


# -- check ---------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from teletravail import config
    from teletravail.errors import ConfigError, Problem, ValidationError, problems_counted

    lang: Lang = args.lang
    colon = _COLON[lang]
    code = EXIT_OK
    for name in args.files:
        try:
            policy = config.load(name)
        except ConfigError as error:
            problems: Sequence[Problem] = error.problems
        except ValidationError as error:  # not a .toml or .json file
            problems = [Problem(error.field, error.value, error.expected)]
        else:
            ok = "ok" if lang == "en" else "aucun problème"
            print(f"{name}{colon} {ok} ({policy.name}, {policy.territory})")
            if args.on is not None:
                from teletravail.conformity import check_conformity

                report = check_conformity(policy, args.on)
                for line in report.render(lang).splitlines():
                    print(f"  {line}")
                if not report.conforms and code == EXIT_OK:
                    code = EXIT_NOT_CONFORMING
            continue
        code = EXIT_PROBLEMS
        print(f"{name}{colon} {problems_counted(len(problems)).text(lang)}")
        for problem in problems:
            print(f"  {problem.text(lang)}")
    return code


# -- reading a workforce -------------------------------------------------------------------


class _Progress:
    """A stage and its count of rows on one line of ``stream``, redrawn in place; a
    silent no-op without a stream."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.stage = ""
        self.total = 0
        self.shown = -1
        self.width = 0

    def _draw(self, text: str, end: str = "") -> None:
        if self.stream is None:
            return
        self.stream.write("\r" + text.ljust(self.width) + end)
        self.stream.flush()
        self.width = 0 if end else len(text)

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total, self.shown = stage, total, -1
        self.update(0)

    def update(self, done: int) -> None:
        percent = min(100, done * 100 // max(self.total, 1))
        if self.stream is not None and percent != self.shown:
            self.shown = percent
            self._draw(f"{self.stage}: {done:,} / {self.total:,} rows ({percent} %)")

    def finish(self, done: int) -> None:
        self._draw(f"{self.stage}: {done:,} rows, done", "\n")


def _read_text(path: str) -> str:
    from teletravail.workforce import read_text

    return read_text(path)


_COLUMNS_HELP: Final = (
    "the register's own column names: a TOML or JSON file mapping each to a field, or "
    "'matricule=id,quotite=working_time:%%' (a unit after ':')"
)


def _column_mapping(value: str | None) -> dict[str, str | tuple[str, str]] | None:
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

        raw = _read_text(value)
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


def _read_workforce(
    text: str,
    progress: _Progress | None = None,
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


# -- assess --------------------------------------------------------------------------------

# text a spreadsheet would evaluate as a formula, and plain numbers (left alone)
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: text starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote; plain
    numbers (``-12.5``) are left as they are.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-12.5"), neutralise("LOT-001")
    ("'=HYPERLINK(1)", '-12.5', 'LOT-001')
    """
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _plain(value: float, decimals: int) -> str:
    """A number rounded to ``decimals``, without trailing zeros: ``1.5``, ``69``."""
    text = f"{round(value, decimals) + 0.0:.{decimals}f}"  # + 0.0: no "-0"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _rows(batch: BatchAssessment, ids: list[str], progress: _Progress) -> Iterator[dict[str, Any]]:
    """One dict per input row, in input order, with the columns of ``ASSESS_COLUMNS``
    (numbers as floats, money as exact text, ``None`` where a cell is empty)."""
    import numpy as np

    from teletravail.allowance.money import as_decimal

    workforce = batch.decisions.workforce
    position = np.full(len(ids), -1, dtype=np.int64)
    position[workforce.source_rows] = np.arange(len(workforce))
    errors = {e.row: e.message for e in (*workforce.rejected, *batch.errors)}
    statuses = batch.statuses().tolist()
    eligible = batch.decisions.eligible.tolist()
    # an agent outside the scheme who stated no ask has none (NaN): an empty cell
    asked = [None if math.isnan(a) else a for a in batch.asked.tolist()]
    granted, days = batch.granted.tolist(), batch.days.tolist()
    impact = batch.impact
    km, hours, net = impact.km.tolist(), impact.hours.tolist(), impact.net_kg.tolist()
    saved = None if impact.eur is None else impact.eur.tolist()
    allowance = batch.allowance_cents.tolist()
    employer = batch.employer_cents.tolist()
    empty = dict.fromkeys(ASSESS_COLUMNS[5:-1])
    populations = batch.population.tolist()
    progress.start("writing rows", len(ids))
    for row, where in enumerate(position.tolist()):
        if where < 0 or statuses[where] == "invalid":
            agent_id = ids[row] if where < 0 else str(workforce.ids[where])
            yield {
                "row": row,
                "id": agent_id,
                "status": "invalid",
                "population": None if where < 0 else populations[where],
                "failures": [],
                **empty,
                "error": errors[row],
            }
        else:
            if eligible[where]:
                failures = list(batch.quota_failures(where))
            else:
                failures = list(batch.decisions.failures(where))
            yield {
                "row": row,
                "id": str(workforce.ids[where]),
                "status": statuses[where],
                "population": populations[where],
                "failures": failures,
                "asked_workday_per_week": asked[where],
                "granted_workday_per_week": granted[where],
                "days_workday": days[where],
                "allowance_eur": str(as_decimal(allowance[where])),
                "employer_costs_eur": str(as_decimal(employer[where])),
                "distance_km": km[where],
                "time_h": hours[where],
                "net_kg_co2e": net[where],
                "saved_eur": None if saved is None else saved[where],
                "error": None,
            }
        progress.update(row + 1)
    progress.finish(len(ids))


_DECIMALS: Final = {
    "asked_workday_per_week": 2,
    "granted_workday_per_week": 2,
    "days_workday": 2,
    "distance_km": 3,
    "time_h": 3,
    "net_kg_co2e": 3,
}


def _csv_cells(record: dict[str, Any]) -> list[str]:
    """A row of ``assess``'s CSV: text neutralised, numbers written plainly."""
    cells = []
    for name in ASSESS_COLUMNS:
        value = record[name]
        if value is None:
            cells.append("")
        elif name in _DECIMALS:
            cells.append(_plain(value, _DECIMALS[name]))
        elif name == "saved_eur":
            cells.append(f"{value:.2f}")
        elif name == "row":
            cells.append(str(value))
        elif name == "failures":
            cells.append(neutralise(";".join(value)))
        else:
            cells.append(neutralise(str(value)))
    return cells


def _write_csv(rows: Iterator[dict[str, Any]], output: TextIO) -> None:
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(ASSESS_COLUMNS)
    writer.writerows(_csv_cells(record) for record in rows)


def _json_writer(head: dict[str, Any]) -> Callable[[Iterator[dict[str, Any]], TextIO], None]:
    def write(rows: Iterator[dict[str, Any]], output: TextIO) -> None:
        document = {**head, "columns": list(ASSESS_COLUMNS), "rows": list(rows)}
        json.dump(document, output, indent=2, ensure_ascii=False)
        output.write("\n")

    return write


def _assess(args: argparse.Namespace) -> int:
    if args.output is not None:  # refused at once, not after the work
        from teletravail.outputs import check_output

        check_output(
            args.output,
            inputs=[args.workforce, *_policy_inputs(args.policy)],
            force=args.force,
            follow_symlinks=args.follow_symlinks,
        )
    policy = _load_policy(args.policy)
    on = _reference_date(policy, args.on)
    text = _read_text(args.workforce)
    large = text.count("\n") - 1 > PROGRESS_ROWS
    show = large and not args.quiet and (args.progress or sys.stderr.isatty())
    progress = _Progress(sys.stderr if show else None)
    columns = _column_mapping(args.columns)
    workforce, ids = _read_workforce(text, progress, origin=args.workforce, columns=columns)
    progress.start("assessing", len(ids))
    batch = policy.assess_workforce(workforce, on, period=args.period, errors="report")
    progress.finish(len(ids))
    failed = len(workforce.rejected) + len(batch.errors)
    rows = _rows(batch, ids, progress)
    if args.format == "json":
        head = {
            "schema": "teletravail.assessment.rows",
            "schema_version": 3,
            "policy": policy.name,
            "on": on.isoformat(),
            "period": {"start": batch.start.isoformat(), "end": batch.end.isoformat()},
            "rows_read": len(ids),
            "assessed": len(ids) - failed,
            "failed": failed,
            "unmatched_populations": list(batch.unmatched),
            "shadowed_populations": list(batch.shadowed),
        }
        write = _json_writer(head)
    else:
        write = _write_csv
    if args.output is None:
        write(rows, sys.stdout)
    else:
        from teletravail.outputs import output_text

        with output_text(
            args.output,
            inputs=[args.workforce, *_policy_inputs(args.policy)],
            force=args.force,
            follow_symlinks=args.follow_symlinks,
        ) as output:
            write(rows, output)
    if not args.quiet:
        print(
            f"teletravail assess: {len(ids):,} rows read, {len(ids) - failed:,} assessed, "
            f"{failed:,} failed",
            file=sys.stderr,
        )
        for name in batch.unmatched:
            print(
                f"teletravail assess: population {name!r} selects no agent of this workforce",
                file=sys.stderr,
            )
        for name in batch.shadowed:
            print(
                f"teletravail assess: population {name!r} holds no agent: those it selects"
                " belong to populations written before it",
                file=sys.stderr,
            )
    return EXIT_PROBLEMS if failed else EXIT_OK


# -- bilan ---------------------------------------------------------------------------------

_TEXT: Final[dict[str, dict[Lang, str]]] = {
    "title": {
        "en": "Telework report: {policy} ({territory}) on {on}",
        "fr": "Bilan du télétravail\u00a0: {policy} ({territory}) au {on}",
    },
    "synthetic": {
        "en": "{source} (SYNTHETIC, a made-up sample of the Lot's posts; no row is a real person)",
        "fr": "{source} (SYNTHÉTIQUE, un échantillon fictif des postes du Lot, aucune ligne "
        "n'est une personne réelle)",
    },
    "workforce": {"en": "workforce", "fr": "effectif"},
    "rows": {"en": "rows read", "fr": "lignes lues"},
    "agents": {"en": "agents assessed", "fr": "agents évalués"},
    "eligible": {"en": "eligible", "fr": "éligibles"},
    "not_eligible": {"en": "not eligible", "fr": "non éligibles"},
    "population": {"en": "population {name}", "fr": "population {name}"},
    "of_them_granted": {"en": "{granted} granted telework", "fr": "dont {granted} en télétravail"},
    "taken_by_earlier": {
        "en": "(the agents it selects belong to populations written before it)",
        "fr": "(les agents qu'elle désigne appartiennent à des populations écrites avant elle)",
    },
    "selects_none": {
        "en": "(its selector matches no agent of this workforce)",
        "fr": "(aucun agent de cet effectif ne répond à sa sélection)",
    },
    "not_concerned": {
        "en": "not concerned (outside the scheme)",
        "fr": "non concernés (hors du dispositif)",
    },
    "criteria": {
        "en": "criteria in the way (an agent counts under each)",
        "fr": "critères en cause (un agent compte sous chacun)",
    },
    "selected": {
        "en": "selected: {selected} of {eligible} eligible ({seats} seats), {waiting} waiting",
        "fr": "retenus\u00a0: {selected} sur {eligible} éligibles ({seats} places), "
        "{waiting} en liste d'attente",
    },
    "invalid": {"en": "invalid rows", "fr": "lignes invalides"},
    "row": {"en": "row", "fr": "ligne"},
    "more": {"en": "... and {count} more", "fr": "... et {count} de plus"},
    "period": {
        "en": "period: {start} to {end}",
        "fr": "période\u00a0: du {start} au {end}",
    },
    "refused": {
        "en": "asks refused: {refused}, rules in the way (an agent counts under each)",
        "fr": "demandes refusées\u00a0: {refused}, règles en cause (un agent compte sous chacune)",
    },
    "refused_none": {"en": "asks refused", "fr": "demandes refusées"},
    "not_asked": {"en": "no telework asked for", "fr": "aucun télétravail demandé"},
    "granted": {"en": "telework granted", "fr": "télétravail accordé"},
    "telework": {
        "en": "telework: {days} days over the period ({leave})",
        "fr": "télétravail\u00a0: {days} jours sur la période ({leave})",
    },
    "allowance": {"en": "allowance paid", "fr": "indemnités versées"},
    "employer": {"en": "employer costs", "fr": "coûts pour l'employeur"},
    "impact": {"en": "commutes avoided", "fr": "trajets évités"},
    "distance": {"en": "distance", "fr": "distance"},
    "time": {"en": "time", "fr": "temps"},
    "emissions": {
        "en": "emissions: {net} t CO2e net ({gross} gross, {rebound} rebound)",
        "fr": "émissions\u00a0: {net} t CO2e nettes ({gross} brutes, {rebound} d'effet rebond)",
    },
    "money": {"en": "money saved", "fr": "économies"},
    "not_priced": {
        "en": "not priced (the policy states no cost per km)",
        "fr": "non chiffrées (la politique ne donne pas de coût au km)",
    },
    "unknown": {
        "en": "agents whose distance is unknown (counted as 0 km)",
        "fr": "agents dont la distance est inconnue (comptés pour 0 km)",
    },
}
#: French puts a no-break space before a colon, as the rest of the package writes it.
_COLON: Final[dict[Lang, str]] = {"en": ":", "fr": "\u00a0:"}
_ERRORS_SHOWN: Final = 5


def _figure(value: float, decimals: int, lang: Lang, *, trim: bool = False) -> str:
    """A number for people: grouped thousands, a decimal comma and no-break spaces in
    French (``60,025.4``, ``60 025,4``)."""
    text = f"{round(value, decimals) + 0.0:,.{decimals}f}"  # + 0.0: no "-0"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def _value(quantity: Any, unit: str) -> dict[str, Any]:
    return {"value": float(quantity.m_as(unit)), "unit": unit}


def _bilan_document(
    policy: Policy,
    workforce: Workforce,
    on: dt.date,
    *,
    source: str,
    synthetic: bool,
    period: str | None = None,
    row_errors: list[RowError] | None = None,
) -> dict[str, Any]:
    """The figures of ``teletravail bilan`` as a JSON-ready document with a schema (the
    bad rows are also added to ``row_errors``, when given, for their messages in French)."""
    import numpy as np

    from teletravail.populations import NOT_CONCERNED_CODES

    batch = policy.assess_workforce(workforce, on, period=period, errors="report")
    decisions = batch.decisions
    errors = sorted((*workforce.rejected, *batch.errors), key=lambda e: e.row)
    if row_errors is not None:
        row_errors.extend(errors)
    rows = len(workforce) + len(workforce.rejected)
    agents = rows - len(errors)
    eligible = int(np.count_nonzero(decisions.eligible & ~batch.invalid))
    not_concerned = batch.count("not_concerned")
    in_the_way = {
        code: n for code, n in decisions.failure_counts().items() if code not in NOT_CONCERNED_CODES
    }
    refused = sorted(in_the_way.items(), key=lambda item: (-item[1], item[0]))
    selection = None
    if policy.selection is not None:
        selected = int(np.count_nonzero(batch.entitled))
        selection = {
            "seats": policy.selection.seats,
            "selected": selected,
            "waiting": eligible - selected,
        }
    totals = batch.totals()
    impact = batch.impact.totals()
    money = impact.get("money")
    return {
        "schema": "teletravail.bilan",
        "schema_version": 3,
        "policy": {"name": policy.name, "territory": policy.territory},
        "on": on.isoformat(),
        "workforce": {"source": source, "synthetic": synthetic},
        "rows": rows,
        "agents": agents,
        "not_concerned": not_concerned,
        "populations": [
            {
                "name": name,
                "agents": counts["agents"],
                "granted": counts["granted"],
                "taken_by_earlier": name in batch.shadowed,
            }
            for name, counts in batch.population_counts().items()
            if name
        ],
        "eligible": eligible,
        "not_eligible": agents - eligible - not_concerned,
        "refused_by_criterion": dict(refused),
        "selection": selection,
        "granted": batch.count("granted"),
        "refused": batch.count("refused"),
        "not_asked": batch.count("not_asked"),
        "refused_by_rule": dict(
            sorted(batch.refusal_counts().items(), key=lambda item: (-item[1], item[0]))
        ),
        "invalid": len(errors),
        "errors": [error.to_dict() for error in errors],
        "period": {"start": batch.start.isoformat(), "end": batch.end.isoformat()},
        "leave": policy.leave.to_dict(),
        "telework": _value(totals["days"], "workday"),
        "allowance": _value(totals["allowance"], "EUR"),
        "employer_costs": _value(totals["employer_costs"], "EUR"),
        "impact": {
            "distance": _value(impact["distance"], "km"),
            "time": _value(impact["time"], "hour"),
            "gross": _value(impact["gross"], "t CO2e"),
            "rebound": _value(impact["rebound"], "t CO2e"),
            "net": _value(impact["net"], "t CO2e"),
            "money": None if money is None else _value(money, "EUR"),
            "unknown_distance": impact["unknown_distance"],
        },
    }


def _render_bilan(
    document: dict[str, Any], lang: Lang = "en", messages: Sequence[str] | None = None
) -> str:
    """The text of ``teletravail bilan``, in English or French, from its document;
    ``messages`` are those of its bad rows in ``lang`` (default: the document's)."""
    from teletravail.scheduling.leave import LeaveAssumption

    def say(key: str, **values: Any) -> str:
        return _TEXT[key][lang].format(**values)

    def count(value: int) -> str:
        return _figure(value, 0, lang)

    colon = _COLON[lang]
    policy, workforce = document["policy"], document["workforce"]
    source = workforce["source"]
    if workforce["synthetic"]:
        source = say("synthetic", source=source)
    out = [
        say("title", policy=policy["name"], territory=policy["territory"], on=document["on"]),
        f"{say('workforce')}{colon} {source}",
        f"{say('rows')}{colon} {count(document['rows'])}",
        f"{say('agents')}{colon} {count(document['agents'])}",
    ]
    for population in document["populations"]:
        line = say("population", name=population["name"])
        granted = say("of_them_granted", granted=count(population["granted"]))
        out.append(f"  {line}{colon} {count(population['agents'])}, {granted}")
        if population["taken_by_earlier"]:
            out[-1] += " " + say("taken_by_earlier")
        elif not population["agents"]:
            out[-1] += " " + say("selects_none")
    if document["not_concerned"] or document["populations"]:
        out.append(f"{say('not_concerned')}{colon} {count(document['not_concerned'])}")
    out += [
        f"{say('eligible')}{colon} {count(document['eligible'])}",
        f"{say('not_eligible')}{colon} {count(document['not_eligible'])}, {say('criteria')}{colon}",
    ]
    out += [f"  {code}{colon} {count(n)}" for code, n in document["refused_by_criterion"].items()]
    selection = document["selection"]
    if selection is not None:
        out.append(
            say(
                "selected",
                selected=count(selection["selected"]),
                eligible=count(document["eligible"]),
                seats=count(selection["seats"]),
                waiting=count(selection["waiting"]),
            )
        )
    if document["refused"]:
        out.append(say("refused", refused=count(document["refused"])) + colon)
    else:
        out.append(f"{say('refused_none')}{colon} 0")
    out += [f"  {code}{colon} {count(n)}" for code, n in document["refused_by_rule"].items()]
    if document["not_asked"]:
        out.append(f"{say('not_asked')}{colon} {count(document['not_asked'])}")
    out.append(f"{say('granted')}{colon} {count(document['granted'])}")
    out.append(f"{say('invalid')}{colon} {count(document['invalid'])}")
    errors = document["errors"]
    said = [e["message"] for e in errors] if messages is None else messages
    out += [
        f"  {say('row')} {e['row']}{colon} {message}"
        for e, message in zip(errors[:_ERRORS_SHOWN], said, strict=False)
    ]
    if len(errors) > _ERRORS_SHOWN:
        out.append("  " + say("more", count=count(len(errors) - _ERRORS_SHOWN)))
    out.append(say("period", start=document["period"]["start"], end=document["period"]["end"]))
    days = _figure(document["telework"]["value"], 1, lang, trim=True)
    leave = document["leave"]
    assumed = LeaveAssumption(
        days=None if leave["days"] is None else f"{leave['days']} workday",
        weeks_worked=leave["weeks_worked"],
    )
    out.append(say("telework", days=days, leave=assumed.describe(lang)))
    for key, name in (("allowance", "allowance"), ("employer_costs", "employer")):
        out.append(f"{say(name)}{colon} {_figure(document[key]['value'], 2, lang)} EUR")
    impact = document["impact"]
    out += [
        f"{say('impact')}{colon}",
        f"  {say('distance')}{colon} {_figure(impact['distance']['value'], 1, lang)} km",
        f"  {say('time')}{colon} {_figure(impact['time']['value'], 1, lang)} h",
        "  "
        + say(
            "emissions",
            net=_figure(impact["net"]["value"], 3, lang),
            gross=_figure(impact["gross"]["value"], 3, lang),
            rebound=_figure(impact["rebound"]["value"], 3, lang),
        ),
    ]
    money = impact["money"]
    saved = say("not_priced") if money is None else f"{_figure(money['value'], 2, lang)} EUR"
    out.append(f"  {say('money')}{colon} {saved}")
    if impact["unknown_distance"]:
        out.append(f"  {say('unknown')}{colon} {count(impact['unknown_distance'])}")
    return "\n".join(out)


def _bilan(args: argparse.Namespace) -> int:
    policy = _load_policy(args.policy)
    on = _reference_date(policy, args.on)
    if args.workforce is None:
        from teletravail.samples import lot_2013_workforce

        workforce, source, synthetic = lot_2013_workforce(), SYNTHETIC_SOURCE, True
    else:
        text = _read_text(args.workforce)
        columns = _column_mapping(args.columns)
        workforce = _read_workforce(text, origin=args.workforce, columns=columns)[0]
        source, synthetic = args.workforce, False
    bad: list[RowError] = []
    document = _bilan_document(
        policy,
        workforce,
        on,
        source=source,
        synthetic=synthetic,
        period=args.period,
        row_errors=bad,
    )
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(_render_bilan(document, args.lang, [error.text(args.lang) for error in bad]))
    return EXIT_OK


# -- schedule ------------------------------------------------------------------------------


def _schedule_policy(policy: Policy, population: str | None, working_time: str) -> Policy:
    """The rules that lay out one agent's pattern: those of ``population``, or, in a
    policy with populations, those of the population an agent of that working time
    belongs to; refused for agents outside the scheme, and for a scheme of floating
    days only (no weekday is fixed)."""
    from teletravail.errors import ValidationError
    from teletravail.messages import Phrase
    from teletravail.populations import membership
    from teletravail.scheduling import Modality
    from teletravail.workforce import Agent, Workforce

    if population is None and policy.populations:
        agent = Agent(id="agent", hire_date=policy.period.start, working_time=working_time)
        found = int(membership(policy.populations, Workforce.from_agents([agent]))[0])
        population = None if found < 0 else policy.populations[found].name
        if found < 0 or not policy.populations[found].concerned:
            names = ", ".join(p.name for p in policy.populations if p.concerned)
            raise ValidationError(
                "population",
                population,
                Phrase(
                    "the population of the agent (--population), one of: {names}",
                    "la population de l'agent (--population), parmi : {names}",
                    names=names,
                ),
            )
    if population is not None:
        chosen = next((p for p in policy.populations if p.name == population), None)
        if chosen is not None and not chosen.concerned:
            raise ValidationError(
                "population",
                population,
                Phrase(
                    "a population the scheme concerns (this one is outside it)",
                    "une population concernée par le dispositif (celle-ci en est exclue)",
                ),
            )
        policy = policy.for_population(population)
    if policy.quota is not None and policy.quota.modality is Modality.FLOATING:
        raise ValidationError(
            "days",
            policy.name,
            Phrase(
                "a scheme with fixed weekdays: under floating days only, the days come from"
                " the volume, not from a weekly pattern",
                "un dispositif à jours fixes : avec des jours flottants seulement, les"
                " jours viennent du volume, non d'un motif hebdomadaire",
            ),
        )
    return policy


def _schedule(args: argparse.Namespace) -> int:
    from teletravail.errors import ValidationError
    from teletravail.scheduling import PatternDay, Place, QuotaExceededError, WeeklyPattern, plan
    from teletravail.workforce import Agent

    policy = _load_policy(args.policy)
    policy = _schedule_policy(policy, args.population, args.working_time)
    for name, day in (("start", args.start), ("end", args.end)):
        if day not in policy.period:
            raise ValidationError(
                name,
                day.isoformat(),
                Phrase(
                    "a date while the policy is in force ({period})",
                    "une date à laquelle la politique est en vigueur ({period})",
                    period=str(policy.period),
                ),
            )
    place = Place.parse(args.place)
    if place.kind not in policy.places:
        allowed = ", ".join(sorted(kind.value for kind in policy.places))
        raise ValidationError(
            "place",
            args.place,
            Phrase(
                "a place of the policy: {allowed}",
                "un lieu de la politique" + NBSP + ": {allowed}",
                allowed=allowed,
            ),
        )
    days = [day.strip() for day in args.days.replace(";", ",").split(",") if day.strip()]
    pattern = WeeklyPattern(
        days=[PatternDay(weekday=day, part=args.half or "full", place=place) for day in days]
    )
    if args.ics is not None:
        try:
            import icalendar  # noqa: F401 (only its presence is checked)
        except ImportError:
            _error(
                Phrase(
                    "--ics needs the {extra!r} extra: {command}",
                    "--ics demande les dépendances facultatives {extra!r}" + NBSP + ": {command}",
                    extra="ics",
                    command="pip install 'teletravail[ics]'",
                )
            )
            return EXIT_PROBLEMS
    agent = Agent(id=args.agent, hire_date=args.start, working_time=args.working_time)
    try:
        schedule = plan(
            pattern,
            args.start,
            args.end,
            agent=agent,
            quota=policy.quota,
            calendar=policy.calendar,
        )
    except QuotaExceededError as error:
        _error(
            Phrase(
                "the quota of {name} does not allow this pattern ({pattern})",
                "le quota de {name} n'admet pas ce rythme ({pattern})",
                name=policy.name,
                pattern=Phrase(str(pattern), pattern.text("fr")),
            )
        )
        print(error.decision.text(), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.ics is not None:
        data = schedule.to_ics()
        if args.ics == "-":
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                sys.stdout.write(data.decode("utf-8"))
            else:
                sys.stdout.flush()
                buffer.write(data)
                buffer.flush()
        else:
            from teletravail.outputs import output_bytes

            with output_bytes(
                args.ics,
                inputs=_policy_inputs(args.policy),
                force=args.force,
                follow_symlinks=args.follow_symlinks,
                field="ics",
            ) as handle:
                handle.write(data)
        return EXIT_OK
    print(f"Telework of {args.agent} under {policy.name}, {args.start} to {args.end}")
    print(f"pattern: {pattern} ({_plain(pattern.total.m_as('workday/week'), 2)} workday/week)")
    for month, amount in schedule.counts("month").items():
        print(f"{month}: {_plain(amount.m_as('workday'), 1)} workday")
    print(f"total: {_plain(schedule.total.m_as('workday'), 1)} workday in {len(schedule)} days")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
