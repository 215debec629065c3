"""``teletravail presets [NAME]``: the shipped presets, one a line; with a name, its TOML
document, to start a variant from.

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse

from .exits import EXIT_OK

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Print every preset on one line, or the TOML document of ``args.name``."""
    from teletravail import presets

    if args.name is not None:
        print(presets.text(args.name), end="")
        return EXIT_OK
    for info in presets.catalogue():
        print(info.line())
    return EXIT_OK
