"""``teletravail assess --policy NAME|FILE WORKFORCE.csv``: every input row assessed, in
input order, as CSV or JSON: its id, status (a word of :mod:`teletravail.statuses`), the
criteria in the way, the telework granted and its figures, or its error.

CSV cells a spreadsheet would run as formulas are neutralised (:func:`neutralise`). The
library's modules are imported when the command runs, so that ``teletravail --help`` stays
fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TextIO

from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase
from teletravail.statuses import ROW_COLUMNS

from .exits import EXIT_OK, EXIT_PROBLEMS
from .figures import plain
from .language import COLON
from .reading import column_mapping, load_policy, policy_inputs, read_register, reference_date

if TYPE_CHECKING:
    pass

__all__ = ["ASSESS_COLUMNS", "neutralise", "run"]

#: The columns of ``assess``'s CSV, units in the names.
ASSESS_COLUMNS: Final = ROW_COLUMNS


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
            cells.append(plain(value, _DECIMALS[name]))
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
        document = {**head, "rows": list(rows)}
        json.dump(document, output, indent=2, ensure_ascii=False)
        output.write("\n")

    return write


class _Said(NamedTuple):
    en: str
    fr: str


_PREFIX: Final = "teletravail assess"
#: The summary on stderr, in English and French (French agrees with the counts).
_SUMMARY: Final = Phrase(
    "{read} {rows} read, {assessed} assessed, {failed} failed",
    "{read} {rows} {lues}, {assessed} {evaluees}, {failed} en erreur",
)


def _summary(read: int, assessed: int, failed: int, lang: Lang) -> str:
    """``5 rows read, 4 assessed, 1 failed``; ``5 lignes lues, 4 évaluées, 1 en
    erreur``, ``1 ligne lue, 1 évaluée``."""
    many = (read != 1) if lang == "en" else read >= 2
    return _SUMMARY.text(lang).format(
        read=number(read, lang),
        rows=("rows" if many else "row") if lang == "en" else ("lignes" if many else "ligne"),
        lues="lues" if many else "lue",
        assessed=number(assessed, lang),
        evaluees="évaluées" if assessed >= 2 else "évaluée",
        failed=number(failed, lang),
    )


_UNMATCHED: Final = _Said(
    "population {name!r} selects no agent of this workforce",
    "la population {name!r} ne désigne aucun agent de cet effectif",
)
_SHADOWED: Final = _Said(
    "population {name!r} holds no agent: those it selects belong to populations written before it",
    "la population {name!r} ne compte aucun agent" + NBSP + ": ceux qu'elle désigne"
    " appartiennent à des populations écrites avant elle",
)


def _say(text: str, lang: Lang) -> None:
    """A line of the command on stderr, after its name (``teletravail assess :`` in
    French)."""
    print(f"{_PREFIX}{COLON[lang]} {text}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Assess every row of ``args.workforce`` under ``args.policy`` and write the rows
    (CSV or JSON); exit code 1 when some rows are invalid, all rows still written."""
    if args.output is not None:  # refused at once, not after the work
        from teletravail.outputs import check_output

        check_output(
            args.output,
            inputs=[args.workforce, *policy_inputs(args.policy)],
            force=args.force,
            follow_symlinks=args.follow_symlinks,
        )
    policy = load_policy(args.policy)
    on = reference_date(policy, args.on)
    columns = column_mapping(args.columns)
    workforce, ids, progress = read_register(
        args.workforce,
        columns,
        asked=args.progress,
        quiet=args.quiet,
        lang=args.lang,
        encoding=args.encoding,
    )
    progress.start("assessing", len(ids))
    batch = policy.assess_workforce(workforce, on, period=args.period, errors="report")
    progress.finish(len(ids))
    from teletravail.policy.rows import document_rows, flat_rows, rows_head

    failed = len(workforce.rejected) + len(batch.errors)
    progress.start("writing rows", len(ids))
    if args.format == "json":
        rows = document_rows(batch, ids, progress.update)
        write = _json_writer(rows_head(batch, ids))
    else:
        rows = flat_rows(batch, ids, progress.update)
        write = _write_csv
    if args.output is None:
        write(rows, sys.stdout)
    else:
        from teletravail.outputs import output_text

        with output_text(
            args.output,
            inputs=[args.workforce, *policy_inputs(args.policy)],
            force=args.force,
            follow_symlinks=args.follow_symlinks,
        ) as output:
            write(rows, output)
    progress.finish(len(ids))
    if not args.quiet:
        lang: Lang = args.lang
        _say(_summary(len(ids), len(ids) - failed, failed, lang), lang)
        for name in batch.unmatched:
            _say(Phrase(_UNMATCHED.en, _UNMATCHED.fr, name=name).text(lang), lang)
        for name in batch.shadowed:
            _say(Phrase(_SHADOWED.en, _SHADOWED.fr, name=name).text(lang), lang)
    return EXIT_PROBLEMS if failed else EXIT_OK
