"""Benchmark of agent documents read and written in bulk, as a web service receives them.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/agent_documents.py
    python benchmarks/agent_documents.py --sizes 1000 10000 100000 --repeat 7
    python benchmarks/agent_documents.py --quick          # a smoke run, small sizes

For each size N it builds the synthetic Lot population of N agents
(``teletravail.synthetic.lot_2013_population``, seed 2013), writes it as agent documents
(``Workforce.to_documents``) and as one JSON text, the body of a batch request, and
times:

* ``json.loads``: the JSON text parsed, for scale (what any service pays first);
* ``from_records``: ``Workforce.from_records`` of the N documents (each key read once
  per distinct value, the quantities converted unit by unit);
* ``from_records, text``: the same documents with their quantities written as text
  (``"28 km"``), as a hand-written document may give them;
* ``to_documents``: the workforce written back as N documents.

It also times ``Agent.from_dict`` on ``--agent-calls`` documents one by one (the median
of single calls), and prints what N documents would cost that way. Before timing, the
agents read in bulk are checked against ``Agent.from_dict`` of each document, and the
documents written back against each agent's ``to_dict``.

There is no speed target: the figures are printed (the web service's budget for a
10,000-agent batch, end to end, is 200 ms). The exit status is 0 when the bulk and the
one-by-one readings agree and 1 when they do not.
"""

from __future__ import annotations

import argparse
import json
import platform
from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np
from _timing import (
    benchmark_parser,
    check_counts,
    format_seconds,
    median_seconds,
    median_single_calls,
    run_checked,
)

from teletravail import synthetic
from teletravail.workforce import Agent, Workforce
from teletravail.workforce.agent import QUANTITY_FIELDS


def documents(n: int) -> tuple[Workforce, str]:
    """The synthetic population of ``n`` agents and its documents as one JSON text."""
    workforce = synthetic.lot_2013_population(n)
    return workforce, json.dumps(workforce.to_documents())


def as_text(document: dict[str, Any]) -> dict[str, Any]:
    """The document with its quantities as text (``{"value": 28, "unit": "km"}`` read
    ``"28 km"``)."""
    return {
        key: f"{value['value']} {value['unit']}" if key in QUANTITY_FIELDS else value
        for key, value in document.items()
    }


def check(workforce: Workforce, read: list[dict[str, Any]], rows: Sequence[int]) -> int:
    """The bulk reading of ``read`` agrees with ``Agent.from_dict`` of each document of
    ``rows``, and the documents written back with each agent's ``to_dict``."""
    written = workforce.to_documents()
    for row in rows:
        expected = Agent.from_dict(read[row])
        assert workforce.agent(row) == expected, f"row {row}: {workforce.agent(row)!r}"
        assert written[row] == expected.to_dict(), f"row {row} written"
    return len(rows)


def run(args: argparse.Namespace) -> int:
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(f"{'N':>9} | {'step':<20} | {'median':>11}")
    for n in args.sizes:
        original, text = documents(n)
        read = json.loads(text)
        written = [as_text(document) for document in read]
        workforce = Workforce.from_records(read)
        sample = np.random.default_rng(1).choice(n, min(args.agent_calls, n), replace=False)
        check(workforce, read, sample.tolist())
        assert list(Workforce.from_records(written).ids) == list(original.ids)
        steps = {
            "json.loads": partial(json.loads, text),
            "from_records": partial(Workforce.from_records, read),
            "from_records, text": partial(Workforce.from_records, written),
            "to_documents": workforce.to_documents,
        }
        for name, call in steps.items():
            seconds = median_seconds(call, args.repeat, args.min_run)
            print(f"{n:>9,} | {name:<20} | {format_seconds(seconds)}")
        one = iter(read * 2)
        single = median_single_calls(
            lambda one=one: Agent.from_dict(next(one)), min(args.agent_calls, n)
        )
        print(f"{n:>9,} | {'Agent.from_dict':<20} | {format_seconds(single)} a document")
        print(f"{n:>9,} | {'  one by one, all':<20} | {format_seconds(single * n)} (estimated)")
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = benchmark_parser(
        __doc__,
        sizes=None,
        repeat=7,
        min_run=0.2,
        calls=500,
        calls_help="documents read one by one (and checked)",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, few runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.min_run, args.agent_calls = [500], 1, 0.0, 50
    elif args.sizes is None:
        args.sizes = [1_000, 10_000, 100_000]
    check_counts(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    return run_checked(run, parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
