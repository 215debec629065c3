"""Write the Lot's bundled synthetic sample: its 1,200 posts on 2013-01-01.

Run it from the repository root (the package must be installed)::

    python tools/make_lot_sample.py          # src/teletravail/data/lot_2013_synthetic.csv
    python tools/make_lot_sample.py out.csv  # or elsewhere

The output is deterministic: the same numpy gives the same bytes. Every assumption is
stated in ``src/teletravail/data/lot_2013_synthetic.md``; in short:

* the agents are drawn by :func:`teletravail.synthetic.lot_2013_population` with its
  default seed, one agent per post;
* exactly 600 of the 1,200 posts are teleworkable (the Lot's figure), chosen at random;
* exactly 20 agents are volunteers among those who meet every other condition of the
  Lot's rule on 2013-01-01 (about 20 new teleworkers in January 2013), and agents who
  fail another condition volunteer at the same rate (their applications are refused);
* distances are rounded to 100 m.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from teletravail import presets
from teletravail.synthetic import SEED, lot_2013_population
from teletravail.workforce import Workforce

POSTS = 1200
TELEWORKABLE_POSTS = 600
NEW_TELEWORKERS = 20
ON = dt.date(2013, 1, 1)
#: The volunteers are drawn from a stream of their own (the generator uses keys 0 and 1).
VOLUNTEER_STREAM = np.random.SeedSequence(SEED, spawn_key=(2,))

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "src/teletravail/data/lot_2013_synthetic.csv"
HEADER = (
    "id",
    "hire_date",
    "working_time_pct",
    "role",
    "commute_distance_km",
    "volunteer",
    "teleworkable_post",
    "requested_telework_workday_per_week",
)


def volunteers(workforce: Workforce) -> npt.NDArray[np.bool_]:
    """Exactly NEW_TELEWORKERS volunteers among the agents the rule would otherwise admit,
    and the same share, rounded half up, among the others."""
    rule = presets.load("lot-2013").eligibility
    otherwise = rule.mask(workforce, ON)  # everyone volunteers in ``workforce``
    admitted = np.flatnonzero(otherwise)
    refused = np.flatnonzero(~otherwise)
    rate = NEW_TELEWORKERS / len(admitted)
    rng = np.random.default_rng(VOLUNTEER_STREAM)
    flags = np.zeros(len(workforce), dtype=bool)
    flags[rng.choice(admitted, size=NEW_TELEWORKERS, replace=False)] = True
    flags[rng.choice(refused, size=math.floor(rate * len(refused) + 0.5), replace=False)] = True
    return flags


def rows(workforce: Workforce, volunteer: npt.NDArray[np.bool_]) -> list[list[str]]:
    """The CSV cells of each agent, as text."""
    roles = workforce.role.categories
    return [
        [
            str(workforce.ids[i]),
            str(workforce.hire_date[i]),
            f"{workforce.working_time_percent[i]:g}",
            roles[int(workforce.role.codes[i])],
            f"{workforce.commute_distance_km[i]:.1f}",
            "true" if volunteer[i] else "false",
            "true" if workforce.teleworkable_post[i] else "false",
            f"{workforce.requested_telework_workday_per_week[i]:g}",
        ]
        for i in range(len(workforce))
    ]


def write(path: Path) -> tuple[int, int, int]:
    """Write the sample to ``path``; the posts, the teleworkable posts and the volunteers."""
    workforce = lot_2013_population(POSTS, teleworkable_share=TELEWORKABLE_POSTS / POSTS)
    chosen = volunteers(workforce)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows(workforce, chosen))
    return len(workforce), int(workforce.teleworkable_post.sum()), int(chosen.sum())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    posts, teleworkable, applied = write(args.output)
    rule = presets.load("lot-2013").eligibility
    eligible = rule.evaluate(Workforce.from_csv(args.output), on=ON).count()
    print(
        f"{args.output}: {posts} posts, {teleworkable} teleworkable, {applied} volunteers, "
        f"{eligible} eligible on {ON}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
