"""Start-up times of fresh processes: the interpreter, ``import teletravail``, the
command's ``--help`` and the first computed result.

Run it by hand from the repository root (the package must be importable)::

    python benchmarks/startup.py
    python benchmarks/startup.py --runs 31
    PYTHONPATH=src python benchmarks/startup.py --python /path/to/venv/bin/python

Each case is a new process (``subprocess.run``), timed from the parent with a wall
clock, start to exit; the figure is the median of ``--runs`` processes after one warm-up
(the first run after a file changes pays for writing the bytecode; the processes run
without ``PYTHONDONTWRITEBYTECODE``, as an installed package has its bytecode written by
pip). ``--python`` times another interpreter, for instance a virtual environment with
only the package's own dependencies: what ``import pint`` costs depends on what else is
installed (pint imports dask, scipy, babel or uncertainties when it finds them).

The cases:

* ``python -c pass``: the interpreter alone (site-packages included), the floor under
  every other figure;
* ``import teletravail``: the package without pint or numpy (checked: neither module is
  loaded after the import);
* ``python -m teletravail --help``: the command's help (and whether it loaded pint or
  numpy, read from ``-X importtime``);
* ``teletravail --help``: the same through the console script installed next to the
  interpreter, run directly (a version manager's shim in front of it, such as pyenv's,
  adds its own start-up);
* ``first result``: load the ``lot-2013`` preset and assess one agent, in one process
  (pint's registry and numpy included).

Targets (issue 7): ``import teletravail`` under 150 ms, ``--help`` under 100 ms, the
first result under 0.5 s, each for the whole process. The exit status is 0 when every
command ran (whether or not the targets are met).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

FIRST_RESULT = (
    "import teletravail as tt\n"
    "policy = tt.presets.load('lot-2013')\n"
    "agent = tt.Agent(id='A1', hire_date='2011-03-01', working_time='90 %',"
    " role='informatique', commute_distance='18 km')\n"
    "assert policy.assess(agent, on='2013-01-01').entitled\n"
)
NOTHING_HEAVY = (
    "import sys, teletravail\n"
    "heavy = sorted(m for m in ('pint', 'numpy') if m in sys.modules)\n"
    "print(','.join(heavy) or 'none')\n"
)
#: case: (arguments after the interpreter, target in seconds); the console script, when
#: installed next to the interpreter, is run directly.
CASES: dict[str, tuple[list[str], float | None]] = {
    "python -c pass": (["-c", "pass"], None),
    "import teletravail": (["-c", "import teletravail"], 0.150),
    "python -m teletravail --help": (["-m", "teletravail", "--help"], 0.100),
    "teletravail --help (console script)": (["--help"], 0.100),
    "first result (preset + one agent)": (["-c", FIRST_RESULT], 0.500),
}
SCRIPT = "teletravail --help (console script)"


# The processes may write bytecode (the warm-up does, for a source checkout): an
# installed package has its bytecode written by pip at install time, and a variable
# that forbids it (PYTHONDONTWRITEBYTECODE, set on some machines and CI images) would
# time the compilation of every module at every start instead.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: Sequence[str]) -> float:
    """Wall-clock seconds of one process running ``command``."""
    start = time.perf_counter()
    subprocess.run(
        command,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=CHILD_ENV,
    )
    return time.perf_counter() - start


def median_process(command: Sequence[str], runs: int) -> tuple[float, float, float]:
    """(median, min, max) seconds over ``runs`` fresh processes, after one warm-up."""
    timed(command)
    samples = [timed(command) for _ in range(runs)]
    return statistics.median(samples), min(samples), max(samples)


def heavy_modules(python: str, args: Sequence[str]) -> str:
    """Which of pint and numpy a process loads (read from ``-X importtime``)."""
    found = subprocess.run(
        [python, "-X", "importtime", *args],
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    names = {line.rsplit("|", 1)[-1].strip() for line in found.splitlines() if "|" in line}
    return ",".join(m for m in ("pint", "numpy") if m in names) or "none"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="processes per case (median)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter to time")
    parser.add_argument("--quick", action="store_true", help="3 processes per case")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 3
    if args.runs < 1:
        parser.error("--runs must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    version = subprocess.run(
        [args.python, "-c", "import sys, platform; print(platform.python_version())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"{args.python} (Python {version}); median of {args.runs} fresh processes")
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("(PYTHONDONTWRITEBYTECODE is set here: the timed processes run without it)")
    print()
    header = f"{'case':<36}  {'median':>8}  {'min':>8}  {'max':>8}  {'above python':>12}  target"
    print(header)
    print("-" * len(header))
    floor = None
    script = Path(args.python).parent / "teletravail"
    for name, (arguments, target) in CASES.items():
        if name == SCRIPT and not script.exists():
            print(f"{name:<36}  (no console script next to {args.python})")
            continue
        command = [str(script), *arguments] if name == SCRIPT else [args.python, *arguments]
        median, low, high = median_process(command, args.runs)
        if floor is None:
            floor = median
        above = f"{(median - floor) * 1e3:>9.0f} ms" if name != "python -c pass" else ""
        verdict = "" if target is None else f"< {target * 1e3:.0f} ms: "
        verdict += "" if target is None else ("ok" if median < target else "MISSED")
        print(
            f"{name:<36}  {median * 1e3:>5.0f} ms  {low * 1e3:>5.0f} ms  {high * 1e3:>5.0f} ms"
            f"  {above:>12}  {verdict}"
        )
    print()
    loaded = subprocess.run(
        [args.python, "-c", NOTHING_HEAVY], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"after `import teletravail`, loaded among pint and numpy: {loaded}")
    print(
        "`python -m teletravail --help` loads among pint and numpy: "
        f"{heavy_modules(args.python, ['-m', 'teletravail', '--help'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
