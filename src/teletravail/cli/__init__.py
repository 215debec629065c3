"""The ``teletravail`` command: policies, workforces and schedules from the shell.

Subcommands (``teletravail COMMAND --help`` for each), each with ``--lang {en,fr}``
(default: the environment's language, :mod:`.language`):

* ``presets [NAME]``: the shipped presets, one a line; with a name, its TOML document.
* ``new [--from PRESET] [-o FILE]``: a commented starter policy document, in
  English or French, from a preset or from nothing.
* ``check FILE... [--on DATE]``: validate policy documents, and with ``--on`` check them
  against the public-service framework in force on that date.
* ``assess --policy NAME|FILE WORKFORCE.csv``: every input row assessed, as CSV or JSON.
* ``bilan NAME|FILE [WORKFORCE.csv]``: the report of a policy on a workforce (by default
  the bundled synthetic sample of the Lot's posts).
* ``schedule --policy NAME|FILE --start DATE --end DATE --days tue,thu``: the dated
  telework days of one agent's weekly pattern, as a summary or an iCalendar file.
* ``act --policy NAME|FILE --kind KIND --agent ID ... [--document]``: the individual
  act granting one agent telework, or its information document, as Markdown or HTML.
* ``schema [--reference]``: the JSON Schema of policy documents, or their reference.
* ``serve [--host ADDRESS] [--port PORT] [--policies FOLDER]``: the JSON web service
  (:mod:`teletravail.server`, the ``server`` extra).

Exit codes: 0 success; 1 a document with problems, invalid workforce rows (every row is
still written) or any other error of the library (a message on stderr, no traceback);
2 a usage error (argparse); 3 documents without problems that do not conform to the
framework (``check --on``); 130 interrupted (Ctrl-C), 143 stopped by SIGTERM (no
traceback, no output file left half-written).

Only the standard library and :mod:`teletravail.messages` are imported when this
package is, so that ``--help`` stays fast; each command imports the library's modules
(numpy and pint among them) when it runs.

The modules: one per command, each with its ``run(args)``: :mod:`.presets`,
:mod:`.new`, :mod:`.check`, :mod:`.assess` (and :data:`ASSESS_COLUMNS`,
:func:`neutralise`), :mod:`.bilan` (and :data:`SYNTHETIC_SOURCE`), :mod:`.schedule`,
:mod:`.act`,
:mod:`.schema`, :mod:`.serve`; and what they share:

* :mod:`.command`: :func:`main`, which reads the command line, runs the command and
  turns every way it stops into an exit code and a line on stderr;
* :mod:`.parser`: the parser of every command and its options;
* :mod:`.exits`: the exit codes (``EXIT_*``);
* :mod:`.reading`: the policy and the workforce a command reads (``--columns``);
* :mod:`.progress`: progress on stderr (:data:`PROGRESS_ROWS`);
* :mod:`.figures`: numbers written plainly or for people, in either language;
* :mod:`.language`: the language a command speaks (``--lang``, else ``LC_ALL``,
  ``LC_MESSAGES``, ``LANG``) and French typography of colons;
* :mod:`.localized`: argparse's own words and errors in that language;
* :mod:`.stderr`: errors on stderr;
* :mod:`.signals`: SIGTERM unwinding the command as Ctrl-C does.
"""

from __future__ import annotations

from teletravail.messages import Lang as Lang

from .assess import ASSESS_COLUMNS, neutralise
from .bilan import SYNTHETIC_SOURCE
from .command import main
from .exits import (
    EXIT_INTERRUPTED,
    EXIT_NOT_CONFORMING,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_TERMINATED,
    EXIT_USAGE,
)
from .progress import PROGRESS_ROWS

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
