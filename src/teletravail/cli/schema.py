"""``teletravail schema [FORMAT] [--list] [--reference]``: the JSON Schema of a document
format (by default, policy documents), the list of the formats, or the Markdown reference
of policy documents.

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import json

from .exits import EXIT_OK

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the format ``args.name``, the list of the formats with
    ``args.list``, or with ``args.reference`` the Markdown reference of policy
    documents."""
    from teletravail import config, schemas

    if args.reference:
        print(config.reference())
    elif args.list:
        for found in schemas.catalogue():
            print(f"{found.name}\t{found.version}\t{found.title}")
    else:
        print(json.dumps(schemas.schema(args.name), indent=2, ensure_ascii=False))
    return EXIT_OK
