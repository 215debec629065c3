"""The command line of ``teletravail``: the parser of every command and its options, and
the types of dates and periods (a bad one is a usage error, exit code 2).

Each command's parser names the function that runs it (``run`` of the command's module),
read when the parser is built.
"""

from __future__ import annotations

import argparse
import datetime as dt

from teletravail import __version__

from . import assess, bilan, check, new, presets, progress, schedule, schema
from .language import LANGS
from .reading import COLUMNS_HELP

__all__ = ["build_parser"]


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


def build_parser() -> argparse.ArgumentParser:
    """The parser of the command line, every command under it."""
    top = argparse.ArgumentParser(
        prog="teletravail",
        description="Telework (télétravail) schemes: policies, workforces, schedules.",
        epilog="Exit codes: 0 ok; 1 problems or errors; 2 usage; 3 check --on: not conforming.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.set_defaults(command=None)
    commands = top.add_subparsers(title="commands", metavar="COMMAND")

    command = commands.add_parser(
        "presets",
        help="list the shipped policies, or print one's TOML document",
        description="Without NAME, every preset on one line; with NAME, its TOML "
        "document, to start a variant from.",
    )
    command.add_argument("name", nargs="?", metavar="NAME", help="a preset's name")
    command.set_defaults(command="presets", run=presets.run)

    command = commands.add_parser(
        "new",
        help="write a commented starter policy document, from a preset or from nothing",
        description="Write a TOML policy document to edit, a comment above each key in "
        "English or French: from a shipped preset (--from), or a minimal document with "
        "every main section, the values to replace marked. It passes 'teletravail check'.",
        epilog="Exit codes: 0 written; 1 an unknown preset, or an output refused (it "
        "exists: --force replaces it).",
    )
    command.add_argument("--from", dest="preset", metavar="PRESET", help="start from this preset")
    command.add_argument("--lang", choices=LANGS, default="en", help="language of the comments")
    command.add_argument(
        "-o", "--output", metavar="OUT", help="write here (default: stdout, as with '-')"
    )
    _output_options(command)
    command.set_defaults(command="new", run=new.run)

    command = commands.add_parser(
        "check",
        help="validate policy documents (TOML or JSON)",
        description="Print every problem of each document under its name. With --on, "
        "also check each good document against the public-service framework in force "
        "on that date.",
        epilog="Exit codes: 0 every document reads well (and conforms); 1 a document has "
        "problems; 3 every document reads well but one does not conform.",
    )
    command.add_argument("files", nargs="+", metavar="FILE", help="a .toml or .json document")
    command.add_argument("--on", type=_date, metavar="DATE", help="check conformity on DATE")
    command.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="language of the problems and the conformity findings",
    )
    command.set_defaults(command="check", run=check.run)

    command = commands.add_parser(
        "assess",
        help="assess every row of a workforce CSV",
        description="Every input row comes out, in input order: its id, status, the "
        "criteria in the way, the telework granted and its figures, or its error. "
        "CSV cells a spreadsheet would run as formulas are prefixed with a quote.",
        epilog="Exit codes: 0 every row assessed; 1 some rows invalid (all rows are "
        "still written) or an error.",
    )
    command.add_argument("--policy", required=True, metavar="NAME|FILE", help="preset or document")
    command.add_argument("workforce", metavar="WORKFORCE.csv", help="one agent per row")
    command.add_argument("--columns", metavar="MAPPING", help=COLUMNS_HELP)
    command.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
    _output_options(command)
    command.add_argument("--on", type=_date, metavar="DATE", help="default: the policy's start")
    command.add_argument("--period", type=_period, metavar="PERIOD", help=_PERIOD_HELP)
    command.add_argument("--format", choices=("csv", "json"), default="csv", help="default: csv")
    shown = command.add_mutually_exclusive_group()
    shown.add_argument(
        "--progress",
        action="store_true",
        help=f"show progress on stderr for inputs over {progress.PROGRESS_ROWS:,} rows "
        "(default: only on a terminal)",
    )
    shown.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary on stderr"
    )
    command.set_defaults(command="assess", run=assess.run)

    command = commands.add_parser(
        "bilan",
        help="report a policy on a workforce (default: the synthetic Lot sample)",
        description="Counts, refusals by criterion, telework days, money and impact of a "
        f"policy on a workforce CSV, or on the synthetic sample {bilan.SYNTHETIC_SOURCE}.",
    )
    command.add_argument("policy", metavar="NAME|FILE", help="preset or document")
    command.add_argument("workforce", nargs="?", metavar="WORKFORCE.csv", help="one agent per row")
    command.add_argument("--columns", metavar="MAPPING", help=COLUMNS_HELP)
    command.add_argument("--on", type=_date, metavar="DATE", help="default: the policy's start")
    command.add_argument("--period", type=_period, metavar="PERIOD", help=_PERIOD_HELP)
    command.add_argument("--lang", choices=LANGS, default="en", help="language of the text")
    command.add_argument("--json", action="store_true", help="print a JSON document instead")
    command.set_defaults(command="bilan", run=bilan.run)

    command = commands.add_parser(
        "schedule",
        help="the dated telework days of one weekly pattern",
        description="Lay a weekly pattern over START..END, checked against the policy's "
        "quota, and print the days per month, or write them as iCalendar.",
    )
    command.add_argument("--policy", required=True, metavar="NAME|FILE", help="preset or document")
    command.add_argument("--start", required=True, type=_date, metavar="DATE", help="first day")
    command.add_argument("--end", required=True, type=_date, metavar="DATE", help="last day")
    command.add_argument("--days", required=True, metavar="DAYS", help="weekdays, e.g. tue,thu")
    command.add_argument("--place", default="home", help="home, telecentre:NAME, site:NAME, other")
    command.add_argument("--half", choices=("am", "pm"), help="half days (morning or afternoon)")
    command.add_argument("--working-time", default="100 %", help='e.g. "80 %%" (default 100 %%)')
    command.add_argument("--agent", default="agent", metavar="ID", help="the agent's id")
    command.add_argument(
        "--population", metavar="NAME", help="the policy's population whose rules apply"
    )
    command.add_argument("--ics", metavar="OUT.ics", help="write iCalendar here ('-': stdout)")
    _output_options(command)
    command.set_defaults(command="schedule", run=schedule.run)

    command = commands.add_parser(
        "schema",
        help="the JSON Schema of policy documents",
        description="Print the JSON Schema of policy documents, or their Markdown reference.",
    )
    command.add_argument("--reference", action="store_true", help="print the Markdown reference")
    command.set_defaults(command="schema", run=schema.run)
    return top


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force", action="store_true", help="replace the output file if it exists"
    )
    command.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="write where an output that is a symbolic link points",
    )
