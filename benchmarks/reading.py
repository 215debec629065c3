"""A million-row register read, assessed and tabled: CSV and Parquet, and from_columns.

Run it by hand from the repository root (the package and its ``test`` extra installed)::

    python benchmarks/reading.py
    python benchmarks/reading.py --rows 100000 --repeat 1     # a smoke run

The register is ``teletravail.synthetic.lot_2013_population(N)`` (seed 2013) written as
an analyst receives it: French headers (``matricule;date_entree;quotite;fonction;
trajet_km;demande;volontaire``) read through a mapping, ``;`` between cells, decimal
commas, and 1 % of the rows bad (a date that does not exist, a date in another format,
a distance in words, a working time of 120 %), chosen at random (seed 18).

Each measure runs in a fresh process, so that its peak resident memory is its own:

* ``csv``: ``read_workforce`` of the CSV file, ``assess_workforce`` of ``lot-2013`` on
  2013-01-01, ``totals()`` and ``tables.assessment_frame`` (a row per input row);
* ``parquet``: the same from a Parquet file of the same register (its cells as text);
* ``parquet_typed``: the same from a Parquet file of typed columns, as an HR system
  exports it (dates as ``date32``, numbers as doubles, roles as dictionary codes, the
  flag as a boolean): a bad date or a distance in words cannot be written in it, so
  they are missing cells there (a missing date is a bad row; a missing distance is
  an unknown one), and a working time of 120 % stays a bad row;
* ``from_columns``: ``Workforce.from_columns`` with the roles as a list of strings.

Targets (issue 18), on the project's 2-core machine at N = 1,000,000: the CSV to its
totals and table in at most 2 s with a peak of at most 600 MiB; the Parquet file in at
most 1 s; ``from_columns`` in at most 150 ms with a peak of at most 400 MiB. The exit
status is 1 when the CSV and Parquet readings disagree (rows, errors, totals).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
from _timing import max_rss_mib, verdict

MAPPING = {
    "matricule": "id",
    "date_entree": "hire_date",
    "quotite": ("working_time", "%"),
    "fonction": "role",
    "trajet_km": "commute_distance_km",
    "demande": ("requested_telework", "workday/week"),
    "volontaire": "volunteer",
}
BAD_SHARE = 0.01
MEMORY_STAGES = ("start_mib", "read_mib", "assessed_mib")


def write_register(rows: int, folder: Path) -> tuple[Path, Path, Path, int, int]:
    """The register as CSV, as Parquet of text cells and as Parquet of typed columns,
    its number of bad rows, and that of the typed file (no distance in words there)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from teletravail.synthetic import lot_2013_population

    staff = lot_2013_population(rows)
    rng = np.random.default_rng(18)
    columns = {
        "matricule": staff.ids.astype(object),
        "date_entree": np.datetime_as_string(staff.hire_date).astype(object),
        "quotite": np.char.mod("%g", staff.working_time_percent).astype(object),
        "fonction": np.array(staff.role.categories, dtype=object)[staff.role.codes],
        "trajet_km": np.char.replace(
            np.char.mod("%.1f", staff.commute_distance_km), ".", ","
        ).astype(object),
        "demande": np.char.replace(
            np.char.mod("%g", staff.requested_telework_workday_per_week), ".", ","
        ).astype(object),
        "volontaire": np.full(rows, "oui", dtype=object),
    }
    bad = rng.choice(rows, size=round(rows * BAD_SHARE), replace=False)
    kinds = rng.integers(0, 4, size=len(bad)).tolist()
    for row, kind in zip(bad.tolist(), kinds, strict=True):
        if kind == 0:
            columns["date_entree"][row] = "2013-02-30"
        elif kind == 1:
            columns["date_entree"][row] = "01/02/2010"
        elif kind == 2:
            columns["trajet_km"][row] = "douze"
        else:
            columns["quotite"][row] = "120"
    csv_path = folder / "registre.csv"
    with csv_path.open("w", encoding="utf-8") as out:
        out.write(";".join(columns) + "\n")
        out.writelines(";".join(cells) + "\n" for cells in zip(*columns.values(), strict=True))
    parquet_path = folder / "registre.parquet"
    pq.write_table(pa.table({name: list(cells) for name, cells in columns.items()}), parquet_path)
    hire = staff.hire_date.copy()
    distance = staff.commute_distance_km.round(1)
    working_time = staff.working_time_percent.copy()
    for row, kind in zip(bad.tolist(), kinds, strict=True):
        if kind in (0, 1):
            hire[row] = np.datetime64("NaT")
        elif kind == 2:
            distance[row] = np.nan
        else:
            working_time[row] = 120.0
    roles = pa.DictionaryArray.from_arrays(
        pa.array(staff.role.codes.astype(np.int32)), pa.array(list(staff.role.categories))
    )
    typed = pa.table(
        {
            "matricule": pa.array(staff.ids.tolist(), type=pa.string()),
            "date_entree": pa.array(hire, type=pa.date32()),
            "quotite": pa.array(working_time),
            "fonction": roles,
            "trajet_km": pa.array(distance, from_pandas=True),
            "demande": pa.array(staff.requested_telework_workday_per_week),
            "volontaire": pa.array(np.ones(rows, dtype=bool)),
        }
    )
    typed_path = folder / "registre-type.parquet"
    pq.write_table(typed, typed_path)
    return (
        csv_path,
        parquet_path,
        typed_path,
        len(bad),
        kinds.count(0) + kinds.count(1) + kinds.count(3),
    )


def measure(step: str, path: str) -> dict[str, Any]:
    """One measure, in this process: seconds, peak memory, and what came out."""
    import teletravail as tt
    from teletravail import tables
    from teletravail.workforce.io import read_workforce

    policy = tt.presets.load("lot-2013")
    if step == "from_columns":
        from teletravail import Q_, Workforce
        from teletravail.synthetic import lot_2013_population

        staff = lot_2013_population(int(path))
        roles = np.array(staff.role.categories, dtype=object)[staff.role.codes].tolist()
        columns = {
            "ids": staff.ids,
            "hire_date": staff.hire_date,
            "working_time": Q_(staff.working_time_percent, "percent"),
            "role": roles,
            "commute_distance": Q_(staff.commute_distance_km, "km"),
        }
        Workforce.from_columns(**columns)  # warm-up
        times = []
        for _ in range(5):
            start = time.perf_counter()
            Workforce.from_columns(**columns)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        Workforce.from_columns(**columns)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        return {"seconds": statistics.median(times), "peak_mib": peak}
    import pandas  # noqa: F401  (imported before the clock starts, as a notebook has it)
    import pyarrow.csv  # noqa: F401

    base = max_rss_mib()
    start = time.perf_counter()
    staff = read_workforce(path, columns=MAPPING)
    read = time.perf_counter()
    read_mib = max_rss_mib()
    batch = policy.assess_workforce(staff, "2013-01-01", errors="report")
    totals = batch.totals()
    assessed = time.perf_counter()
    assessed_mib = max_rss_mib()
    frame = tables.assessment_frame(batch)
    end = time.perf_counter()
    return {
        "seconds": end - start,
        "read": read - start,
        "assess": assessed - read,
        "table": end - assessed,
        "peak_mib": max_rss_mib(),
        "start_mib": base,
        "read_mib": read_mib,
        "assessed_mib": assessed_mib,
        "rows": len(frame),
        "rejected": len(staff.rejected),
        "errors": [[e.row, e.field] for e in staff.rejected[:50]],
        "granted": int(totals["granted"]),
    }


def _run(step: str, path: str, *more: str) -> Any:
    found = subprocess.run(
        [sys.executable, __file__, "--step", step, "--path", path, *more],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(found.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per measure")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "write":
        *paths, bad, bad_typed = write_register(args.rows, Path(args.path))
        print(json.dumps([*(str(p) for p in paths), bad, bad_typed]))
        return 0
    if args.step:
        print(json.dumps(measure(args.step, args.path)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        # written by a process of its own: a process's peak resident size counts the
        # memory of the process it was forked from, so this one stays small
        written = _run("write", folder, "--rows", str(args.rows))
        csv_path, parquet_path, typed_path = (Path(p) for p in written[:3])
        bad, bad_typed = int(written[3]), int(written[4])
        size = csv_path.stat().st_size / 2**20
        print(f"register: {args.rows:,} rows, {bad:,} bad, CSV {size:.0f} MiB")
        runs = {
            "csv": [_run("csv", str(csv_path)) for _ in range(args.repeat)],
            "parquet": [_run("parquet", str(parquet_path)) for _ in range(args.repeat)],
            "parquet_typed": [_run("parquet", str(typed_path)) for _ in range(args.repeat)],
            "from_columns": [_run("from_columns", str(args.rows)) for _ in range(args.repeat)],
        }
    ok = True
    first_csv, first_parquet = runs["csv"][0], runs["parquet"][0]
    for key in ("rows", "rejected", "errors", "granted"):
        if first_csv[key] != first_parquet[key]:
            print(f"MISMATCH: {key} differs between CSV and Parquet", file=sys.stderr)
            ok = False
    if first_csv["rejected"] != bad or first_csv["rows"] != args.rows:
        print("MISMATCH: not every row came out, or not every bad row", file=sys.stderr)
        ok = False
    typed = runs["parquet_typed"][0]
    if typed["rows"] != args.rows or typed["rejected"] != bad_typed:
        print("MISMATCH: the typed Parquet file's rows or bad rows", file=sys.stderr)
        ok = False
    targets = {
        "csv": (2.0, 600.0),
        "parquet": (1.0, None),
        "parquet_typed": (1.0, None),
        "from_columns": (0.150, 400.0),
    }
    for step, results in runs.items():
        seconds = sorted(r["seconds"] for r in results)
        peaks = sorted(r["peak_mib"] for r in results)
        most_seconds, most_peak = targets[step]
        met = seconds[len(seconds) // 2] <= most_seconds and (
            most_peak is None or peaks[len(peaks) // 2] <= most_peak
        )
        parts = ""
        if "read" in results[0]:
            parts = "  (read {:.2f}, assess {:.2f}, table {:.2f} s)".format(
                *(statistics.median(r[k] for r in results) for k in ("read", "assess", "table"))
            )
        print(
            f"{step:>13}: {seconds[0]:.3f}-{seconds[-1]:.3f} s, peak {peaks[0]:.0f}-{peaks[-1]:.0f}"
            f" MiB{parts}  [{verdict(met)}]"
        )
        if "read_mib" in results[0]:
            print(
                "              peak after the imports {:.0f}, the read {:.0f}, the assessment"
                " {:.0f} MiB".format(
                    *(statistics.median(r[k] for r in results) for k in MEMORY_STAGES)
                )
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
