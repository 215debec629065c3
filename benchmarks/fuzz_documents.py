"""A fuzz campaign on policy documents: what loads, assesses; what does not load is the
library's own error, at a key path.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/fuzz_documents.py                     # 10,000 documents
    python benchmarks/fuzz_documents.py --documents 50000 --seed 7

Each document is one of the shipped presets, or a small base document, changed by one
to four random mutations: a value nudged (a quantity scaled, a date moved), a value
replaced by an odd one (huge, tiny, negative or
non-finite numbers, dates at the calendar's edges, long or invisible text, quantities
of another dimension, lists and tables where a value goes), a key removed, an unknown
key added, a list item doubled or emptied. Every document must either

* be refused with a :class:`~teletravail.errors.ConfigError` whose problems all have a
  key path (the document itself, ``""``, only for what concerns it as a whole), or
* load, then be assessed on the synthetic register of the Lot's 1,200 posts over the
  calendar year of its start, with ``errors="report"`` (so a bad row is a row, not a
  failure), give its totals, write back to a document that loads again into an equal
  policy;

and all of this with no file, socket, subprocess or code execution (an audit hook
watches). Anything else (an exception that is not the library's, an assessment that
fails after a load, a round trip that differs) is printed with the seed and the
document's number, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import random
import re
import sys
import time
import tomllib
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from teletravail import config, presets
from teletravail.errors import ConfigError
from teletravail.samples import lot_2013_workforce

#: Odd values a mutation may write anywhere.
ODD_VALUES: tuple[Any, ...] = (
    0,
    -1,
    1,
    7,
    10**40,
    -(10**40),
    1e308,
    -1e-308,
    float("nan"),
    float("inf"),
    True,
    "",
    " ",
    "0",
    "-1 EUR",
    "0.005 EUR",
    "1e12 EUR",
    "9999999999 EUR",
    "2.88 EUR/workday",
    "2.88 EUR",
    "3 km",
    "90 %",
    "120 %",
    "1.25 workday/week",
    "8 workday/week",
    "2 day/week",
    "1 year",
    "P9999Y",
    "1" * 500 + " years",
    "1 year" + " " * 3000 + "x",
    "1900-01-01",
    "1899-12-31",
    "9990-12-31",
    "9999-12-31",
    "2024-02-30",
    "2024-01-01",
    "\ud800",
    "A\x00",
    "\u200b",
    "x" * 5000,
    "home",
    "nowhere",
    [],
    [1, 2, 3],
    ["home", "home"],
    {},
    {"start": "2024-01-01", "value": "2.88 EUR/workday"},
    [{"start": "2025-01-01", "value": "1 EUR"}],
    [{"start": "2024-01-01", "end": "2023-01-01", "value": "1 EUR"}],
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a parsed document: keys of tables and indices of lists."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    node = document
    for step in path[:-1]:
        node = node[step]
    return node


def _replace(document: Any, path: tuple[Any, ...], rng: random.Random) -> None:
    _parent(document, path)[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))


def _remove(document: Any, path: tuple[Any, ...], rng: random.Random) -> None:
    parent = _parent(document, path)
    del parent[path[-1]]


def _add(document: Any, path: tuple[Any, ...], rng: random.Random) -> None:
    parent = _parent(document, path)
    if isinstance(parent, dict):
        parent[rng.choice(["extra", "", "maximum", "start", "kind", "source"])] = rng.choice(
            ODD_VALUES
        )
    else:
        parent.append(copy.deepcopy(parent[path[-1]]))


def _empty(document: Any, path: tuple[Any, ...], rng: random.Random) -> None:
    parent = _parent(document, path)
    value = parent[path[-1]]
    parent[path[-1]] = type(value)() if isinstance(value, list | dict) else None


_QUANTITY = re.compile(r"^([0-9]+(?:\.[0-9]+)?) (.*)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _nudge(document: Any, path: tuple[Any, ...], rng: random.Random) -> None:
    """A plausible change: a quantity scaled, a date moved, a number changed a little
    (documents that mostly load, to exercise the assessment)."""
    parent = _parent(document, path)
    value = parent[path[-1]]
    if isinstance(value, str) and (found := _QUANTITY.match(value)):
        factor = rng.choice([0, 0.5, 2, 3, 10, 1000])
        parent[path[-1]] = f"{float(found.group(1)) * factor:g} {found.group(2)}"
    elif isinstance(value, str) and _DATE.match(value):
        day = dt.date.fromisoformat(value) + dt.timedelta(days=rng.randint(-4000, 4000))
        parent[path[-1]] = day.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        parent[path[-1]] = rng.choice([value - 1, value + 1, value * 10, 0])
    else:
        _replace(document, path, rng)


MUTATIONS: tuple[Callable[[Any, tuple[Any, ...], random.Random], None], ...] = (
    _nudge,
    _nudge,
    _nudge,
    _replace,
    _replace,
    _remove,
    _add,
    _empty,
)


def documents(count: int, seed: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """``count`` mutated documents, reproducible from ``seed``."""
    rng = random.Random(seed)
    bases = [tomllib.loads(presets.text(name)) for name in presets.names()]
    for number in range(count):
        document = copy.deepcopy(rng.choice(bases))
        for _ in range(rng.randint(1, 4)):
            places = list(_paths(document))
            if not places:
                break
            path = rng.choice(places)
            try:
                rng.choice(MUTATIONS)(document, path, rng)
            except (KeyError, IndexError, TypeError, ValueError, OverflowError):
                continue
        # a None is not TOML: the mutation stands for a value left out
        yield number, _without_none(document)


def _without_none(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_none(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [_without_none(v) for v in node if v is not None]
    return node


_FORBIDDEN_EVENTS = ("open", "socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn")
_watching = False
_seen_events: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _watching and (event in ("exec", "compile") or event.startswith(_FORBIDDEN_EVENTS)):
        _seen_events.append(event)


def check(number: int, document: dict[str, Any], workforce: Any) -> tuple[str, str | None]:
    """How the document fared (``"refused"`` or ``"loaded"``), and what went wrong if
    anything did."""
    global _watching
    _seen_events.clear()
    _watching = True
    try:
        policy = config.from_document(document, origin=f"document {number}")
    except ConfigError as error:
        nowhere = [p for p in error.problems if p.path == "" and not _about_whole(p.expected)]
        return "refused", (f"a problem without a key path: {nowhere[0]}" if nowhere else None)
    except Exception as error:  # the campaign's purpose: nothing else may escape
        return "failed", f"loading raised {type(error).__name__}: {error}"
    finally:
        _watching = False
    if _seen_events:
        return "loaded", f"loading touched the system: {sorted(set(_seen_events))}"
    try:
        batch = policy.assess(workforce, policy.period.start, errors="report")
        batch.totals()
        again = config.from_document(config.to_document(policy))
    except Exception as error:
        detail = traceback.format_exc(limit=3)
        return "loaded", f"loaded, then failed: {type(error).__name__}: {error}\n{detail}"
    if again != policy:
        return "loaded", "written back, it reads as another policy"
    return "loaded", None


def _about_whole(expected: str) -> bool:
    """Problems that concern the document as a whole (not one of its keys)."""
    return any(word in expected for word in ("a table (the policy document)", "writes back"))


def run(count: int, seed: int) -> int:
    """The campaign; prints its summary and the first failures; 1 if any."""
    sys.addaudithook(_audit)
    workforce = lot_2013_workforce()
    fared = {"refused": 0, "loaded": 0, "failed": 0}
    failures: list[tuple[int, str]] = []
    started = time.perf_counter()
    for number, document in documents(count, seed):
        outcome, problem = check(number, document, workforce)
        fared[outcome] += 1
        if problem is not None:
            failures.append((number, problem))
    elapsed = time.perf_counter() - started
    print(
        f"{count:,} documents (seed {seed}) in {elapsed:.1f} s: {fared['loaded']:,} loaded "
        f"(assessed, written back), {fared['refused']:,} refused with key paths; "
        f"{len(failures):,} failures"
    )
    for number, problem in failures[:20]:
        print(f"  document {number}: {problem}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000, help="how many (10,000)")
    parser.add_argument("--seed", type=int, default=2024, help="the random seed (2024)")
    args = parser.parse_args(argv)
    if args.documents < 1:
        parser.error("--documents must be at least 1")
    return run(args.documents, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
