"""``python -m teletravail``: the Lot 2013 eligibility rule on sample agents.

Prints, for each made-up agent of :mod:`teletravail.samples`, the decision as of
2013-01-01 with its reasons, then the counts. ``--lang fr`` writes it in French,
``--json`` prints the JSON documents instead, ``--on DATE`` changes the reference date.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demonstration; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m teletravail",
        description="Evaluate the Lot 2013 telework eligibility rule on sample agents.",
    )
    parser.add_argument("--on", default="2013-01-01", help="reference date (default 2013-01-01)")
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the text")
    parser.add_argument("--json", action="store_true", help="print JSON documents")
    args = parser.parse_args(argv)

    from teletravail.eligibility import lot_2013
    from teletravail.errors import TeletravailError
    from teletravail.samples import lot_sample_agents
    from teletravail.workforce import Workforce

    rule = lot_2013()
    workforce = Workforce.from_agents(lot_sample_agents())
    try:
        batch = rule.evaluate(workforce, on=args.on, errors="report")
    except TeletravailError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        documents = [
            batch.explain(row).to_dict() for row in range(len(batch)) if not batch.invalid[row]
        ]
        print(
            json.dumps(
                {"summary": batch.summary(), "decisions": documents}, indent=2, ensure_ascii=False
            )
        )
        return 0
    errors = {error.row: error for error in batch.errors}
    for row in range(len(batch)):
        if batch.invalid[row]:
            print(f"{batch.ids[row]}: {errors[int(workforce.source_rows[row])].message}")
            print()
            continue
        print(batch.explain(row).text(args.lang))
        print()
    summary = batch.summary()
    label = "éligibles" if args.lang == "fr" else "eligible"
    line = f"{summary['eligible']} / {summary['agents']} {label} ({batch.on})"
    if summary["invalid"]:
        line += f", {summary['invalid']} " + (
            "non évaluables" if args.lang == "fr" else "not assessable"
        )
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
