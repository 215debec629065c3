"""The cost of the worst documents within the size limit, and of many criteria.

Run it by hand from the repository root (the package must be installed)::

    python benchmarks/hostile_documents.py

Each case is a document of close to the size limit (1,000,000 bytes) written to cost
the most: thousands of sources and of misspelt references to them, rules nested as
deep as allowed, the longest texts, a duration followed by a long run of spaces. Each
is loaded in a fresh process (``teletravail check``'s own path, ``config.loads``), and
the script prints the seconds and the process's peak memory; the targets are 2 s and
256 MiB. It then assesses the synthetic register of the Lot's 1,200 posts under a rule
of 15,000 criteria and prints the memory per agent and criterion.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable

HEAD = """format = "teletravail.policy"
version = 1
name = "hostile"
territory = "nowhere"
[period]
start = "2024-01-01"
"""
LIMIT = 1_000_000
TARGET_SECONDS = 2.0
TARGET_MIB = 256.0


def _fill(block: Callable[[int], str], room: int) -> str:
    parts, size, i = [], 0, 0
    while size < room:
        part = block(i)
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    return "".join(parts[:-1])


def sources_and_misspellings() -> str:
    sources = _fill(lambda i: f'[[sources]]\nid = "source-number-{i}"\ntitle = "t"\n', 450_000)
    wrong = _fill(
        lambda i: (
            f'[[allowance]]\nkind = "one_off"\nname = "o{i}"\namount = "1 EUR"\n'
            f'source = "source-numbr-{i}"\n'
        ),
        LIMIT - len(HEAD) - len(sources) - 200,
    )
    return HEAD + '[eligibility]\ncriterion = "volunteer"\n' + sources + wrong


def deep_rules() -> str:
    rule = '{ criterion = "volunteer" }'
    for _ in range(31):
        rule = f"{{ not = {rule} }}"
    many = ", ".join([rule] * 2000)
    return HEAD + f"[eligibility]\nall_of = [{many}]\n"


def long_texts() -> str:
    text = "é" * 450_000  # two bytes each in UTF-8
    head = HEAD.replace("[period]", f'description = "{text}"\n[period]')
    return head + '[eligibility]\ncriterion = "volunteer"\n'


def spaces_after_a_duration() -> str:
    minimum = "1 year" + " " * (LIMIT - 400) + "x"
    return HEAD + f'[eligibility]\ncriterion = "seniority.minimum"\nminimum = "{minimum}"\n'


def many_criteria() -> str:
    one = '{ criterion = "working_time.minimum", minimum = "50 %" }'
    many = ",\n".join([one] * 15_000)
    return HEAD + f"[eligibility]\nall_of = [\n{many}\n]\n"


def many_components() -> str:
    block = (
        '[[allowance]]\nkind = "per_day"\nname = "c{}"\nrate = "2 EUR/workday"\ncap = "100 EUR"\n'
    )
    body = _fill(block.format, LIMIT - len(HEAD) - 200)
    return HEAD + '[eligibility]\ncriterion = "volunteer"\n' + body


CASES: dict[str, Callable[[], str]] = {
    "2,000s of sources and misspelt references": sources_and_misspellings,
    "rules nested 32 deep, 2,000 times": deep_rules,
    "a description of 450,000 characters": long_texts,
    "a duration then a million spaces": spaces_after_a_duration,
    "15,000 criteria": many_criteria,
    "11,000 allowance components": many_components,
}

_LOAD = textwrap.dedent(
    """
    import json, resource, sys, time
    from teletravail import config
    from teletravail.errors import ConfigError
    text = sys.stdin.read()
    try:
        config.loads(HEAD)  # the imports and the registry, not timed
    except ConfigError:
        pass
    start = time.perf_counter()
    try:
        config.loads(text)
        outcome = "loaded"
    except ConfigError as error:
        outcome = f"{len(error.problems)} problems"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "mib": peak, "outcome": outcome}))
    """
)


def load_in_a_process(text: str) -> dict[str, object]:
    code = f"HEAD = {HEAD!r}\n" + _LOAD
    done = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def criteria_memory() -> str:
    """Peak memory of assessing 1,200 agents under 15,000 criteria, per agent-criterion."""
    import tracemalloc

    from teletravail import config
    from teletravail.samples import lot_2013_workforce

    policy = config.loads(many_criteria())
    workforce = lot_2013_workforce()
    tracemalloc.start()
    policy.assess(workforce, "2024-01-01", errors="report").totals()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per = peak / (len(workforce) * 15_000)
    agents = f"{len(workforce):,} agents x 15,000 criteria"
    return f"{peak / 2**20:.0f} MiB for {agents}: {per:.2f} bytes each"


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    worst = 0.0
    for name, make in CASES.items():
        text = make()
        size = len(text.encode("utf-8"))
        found = load_in_a_process(text)
        seconds, mib = float(found["seconds"]), float(found["mib"])  # type: ignore[arg-type]
        worst = max(worst, seconds)
        ok = "ok" if seconds <= TARGET_SECONDS and mib <= TARGET_MIB else "MISSED"
        figures = f"{size:>9,} bytes  {seconds:6.2f} s  {mib:5.0f} MiB"
        print(f"{name:45s} {figures}  {found['outcome']}  {ok}")
    print(f"target: at most {TARGET_SECONDS:g} s and {TARGET_MIB:g} MiB per document")
    print(criteria_memory())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
