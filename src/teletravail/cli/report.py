"""``teletravail report POLICY REGISTER --output bilan.html``: the bilan of a policy on a
register as one standalone HTML page (:mod:`teletravail.report`), in English or French.

The register is read as ``assess`` and ``bilan`` read it (its bad rows kept and listed
in the page); the output is refused before any work when it exists (``--force``
replaces it) or is one of the inputs, and written whole or not at all. The library and
its report are imported when the command runs, so that ``teletravail --help`` stays
fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Final

from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase

from .exits import EXIT_OK
from .language import COLON
from .localized import LocalizedParser
from .options import (
    OUT,
    POLICY,
    POLICY_HELP,
    WORKFORCE,
    WORKFORCE_HELP,
    day_options,
    lang_option,
    output_options,
    register_options,
)
from .reading import (
    column_mapping,
    load_policy,
    policy_inputs,
    read_register,
)

__all__ = ["REPORT_DESCRIPTION", "REPORT_HELP", "report_parser", "run"]

REPORT_HELP: Final = Phrase(
    "write the bilan of a policy on a register as one HTML page",
    "écrire le bilan d'une politique sur un effectif en une page HTML",
)
REPORT_DESCRIPTION: Final = Phrase(
    "One standalone HTML page, which opens offline and prints: totals, tables by role,"
    " establishment and population, figures, the assumptions and the sources, and the"
    " rows in error (the 'report' extra).",
    "Une page HTML autonome, qui s'ouvre hors ligne et s'imprime" + NBSP + ": totaux,"
    " tableaux par métier, établissement et population, figures, hypothèses et sources,"
    " et lignes en erreur (l'extra «" + NBSP + "report" + NBSP + "»).",
)
_WRITTEN: Final = Phrase(
    "{path} written: {rows} rows, {failed} in error",
    "{path} écrit" + NBSP + ": {rows} lignes, dont {failed} en erreur",
)


def report_parser(command: LocalizedParser, lang: Lang) -> None:
    """The arguments and options of ``report``."""

    def say(phrase: Phrase) -> str:
        return phrase.text(lang)

    command.arguments.add_argument("policy", metavar=say(POLICY), help=say(POLICY_HELP))
    command.arguments.add_argument("workforce", metavar=say(WORKFORCE), help=say(WORKFORCE_HELP))
    command.options.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=say(OUT),
        help=say(Phrase("the HTML file to write", "le fichier HTML à écrire")),
    )
    output_options(command, lang)
    register_options(command, lang)
    day_options(command, lang)
    lang_option(command, lang)
    command.options.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=say(Phrase("no summary on stderr", "pas de résumé sur la sortie d'erreur")),
    )
    command.set_defaults(command="report", run=run)


def run(args: argparse.Namespace) -> int:
    """Write the bilan of ``args.policy`` on ``args.workforce`` to ``args.output``."""
    from teletravail.outputs import check_output, output_text

    inputs = [args.workforce, *policy_inputs(args.policy)]
    options = {"inputs": inputs, "force": args.force, "follow_symlinks": args.follow_symlinks}
    check_output(args.output, **options)  # refused at once, not after the work
    from teletravail.report import render_bilan

    from .reading import reference_date

    policy = load_policy(args.policy)
    on = reference_date(policy, args.on)
    columns = column_mapping(args.columns)
    workforce = read_register(args.workforce, columns, encoding=args.encoding, lang=args.lang)[0]
    batch = policy.assess_workforce(workforce, on, period=args.period, errors="report")
    page = render_bilan(batch, lang=args.lang, source=args.workforce)
    with output_text(args.output, **options) as out:
        out.write(page)
    if not args.quiet:
        lang: Lang = args.lang
        rows = len(workforce) + len(workforce.rejected)
        failed = len(workforce.rejected) + len(batch.errors)
        said = Phrase(
            str(_WRITTEN),
            _WRITTEN.text("fr"),
            path=args.output,
            rows=number(rows, lang),
            failed=number(failed, lang),
        )
        print(f"teletravail report{COLON[lang]} {said.text(lang)}", file=sys.stderr)
    return EXIT_OK
