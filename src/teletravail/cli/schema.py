"""``teletravail schema [--reference]``: the JSON Schema of policy documents, or their
Markdown reference.

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import json

from .exits import EXIT_OK

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Print the JSON Schema of policy documents, or with ``args.reference`` their
    Markdown reference."""
    from teletravail import config

    if args.reference:
        print(config.reference())
    else:
        print(json.dumps(config.json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
