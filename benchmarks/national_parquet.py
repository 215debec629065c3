"""A national register on Dask: a partitioned Parquet register of 10,000,000 agents to
its totals, on a local cluster of this machine's cores.

Run it by hand from the repository root (the package installed with its ``dask`` and
``parquet`` extras)::

    python benchmarks/national_parquet.py
    python benchmarks/national_parquet.py --agents 2000000 --files 4 --workers 2
    python benchmarks/national_parquet.py --quick

The register is generated first, by another process, in a temporary folder that is
removed after: the model ``teletravail.synthetic.LOT_2013`` drawn file by file (one seed
per file, ids numbered across the files), ``--files`` Parquet files of equal size
written by pyarrow, with the columns such a register has (``REGISTER_COLUMNS``: id,
hire date, working time, role, distance, volunteer, teleworkable post, ask). Then,
on a ``distributed.LocalCluster`` of ``--workers`` processes of one thread each (started
before the clock), it times :func:`teletravail.distributed.assess_parquet` with the
``lot-2013`` preset decided on 2013-01-01, from the files to the totals, and reports the
peak memory: the largest resident size of the driver and of each worker, and their sum
(the most the machine held at once, at worst). The totals are checked against the sum
of the files assessed one by one in memory (``--check``, on by default below 3,000,000
agents).

Targets on the project's 2-core machine: 10,000,000 agents in at most 20 s, with peak
memory at most 3 GiB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from teletravail import presets
from teletravail.policy import totals_of
from teletravail.synthetic import LOT_2013
from teletravail.workforce import Workforce

TARGET_SECONDS = 20.0
TARGET_MIB = 3 * 1024
ON = "2013-01-01"
#: The columns of the register written: those the Lot's model draws.
REGISTER_COLUMNS = [
    "id",
    "hire_date",
    "working_time_pct",
    "role",
    "commute_distance_km",
    "volunteer",
    "teleworkable_post",
    "requested_telework_workday_per_week",
]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_register(folder: Path, agents: int, files: int) -> list[Path]:
    """``files`` Parquet files of the Lot's model, ``agents`` in all, ids unique."""
    written = []
    size = -(-agents // files)
    for part in range(files):
        count = min(size, agents - part * size)
        frame = LOT_2013.draw(count, seed=part).to_pandas()[REGISTER_COLUMNS]
        first = part * size + 1
        frame["id"] = np.char.add(
            "SYN-", np.char.zfill(np.arange(first, first + count).astype(str), 8)
        )
        path = folder / f"part-{part:03d}.parquet"
        frame.to_parquet(path, index=False)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=10_000_000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="20,000 agents in 4 files")
    parser.add_argument("--check", action=argparse.BooleanOptionalAction, default=None)
    args = parser.parse_args(argv)
    if args.quick:
        args.agents, args.files = 20_000, 4
    check = args.agents < 3_000_000 if args.check is None else args.check

    from dask.distributed import Client, LocalCluster

    from teletravail.distributed import assess_parquet

    lot = presets.load("lot-2013")
    with tempfile.TemporaryDirectory(prefix="register-") as temporary:
        folder = Path(temporary)
        start = time.perf_counter()
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as other:
            paths = other.submit(write_register, folder, args.agents, args.files).result()
        print(
            f"register: {args.agents:,} agents in {len(paths)} files,"
            f" written in {time.perf_counter() - start:.1f} s"
        )
        start = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                memory_limit=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            print(f"cluster: {args.workers} workers started in {time.perf_counter() - start:.1f} s")
            start = time.perf_counter()
            result = assess_parquet(lot, folder, ON)
            seconds = time.perf_counter() - start
            workers = list(client.run(_peak_mib).values())
        driver = _peak_mib()
        total = driver + sum(workers)
        print(
            f"assess_parquet: {result.rows:,} rows, {result.failed} failed,"
            f" {result.totals['granted']:,} granted, in {seconds:.1f} s"
        )
        print(
            f"peak memory: driver {driver:.0f} MiB, workers "
            + ", ".join(f"{w:.0f}" for w in workers)
            + f" MiB; at most {total:.0f} MiB in all"
        )
        if check:
            sums = [
                lot.assess_workforce(
                    Workforce.from_pandas(__import__("pandas").read_parquet(p)), ON
                ).sums()
                for p in paths
            ]
            expected = totals_of(sums)
            assert result.totals["granted"] == expected["granted"]
            assert result.totals["allowance"] == expected["allowance"]
            print("totals: equal to the files assessed one by one in memory")
    fast = seconds <= TARGET_SECONDS or args.agents < 10_000_000
    small = total <= TARGET_MIB or args.agents < 10_000_000
    print(
        f"targets (10,000,000 agents: {TARGET_SECONDS:.0f} s, {TARGET_MIB} MiB):"
        f" {'met' if fast and small else 'MISSED'}"
    )
    return 0 if fast and small else 1


if __name__ == "__main__":
    sys.exit(main())
