"""``teletravail new [--from PRESET] [--lang fr] [-o FILE]``: a commented starter policy
document, in English or French, from a preset or from nothing.

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import sys
from typing import Final

from teletravail.messages import Lang

from .exits import EXIT_OK

__all__ = ["run"]

_WRITTEN: Final[dict[Lang, str]] = {
    "en": "teletravail new: {output} written ({origin}); check it with: teletravail check {output}",
    "fr": "teletravail new\u00a0: {output} écrit ({origin})\u00a0; vérifiez-le avec\u00a0: "
    "teletravail check {output}",
}
_ORIGIN: Final[dict[Lang, str]] = {
    "en": "from the preset {preset}",
    "fr": "à partir du préréglage {preset}",
}
_BLANK: Final[dict[Lang, str]] = {"en": "to fill in", "fr": "à compléter"}


def run(args: argparse.Namespace) -> int:
    """Write the starter document (to ``args.output``, or stdout), and say on stderr
    where it went and how to check it."""
    to_file = args.output not in (None, "-")
    if to_file:  # refused at once, before the work
        from teletravail.outputs import check_output

        check_output(args.output, force=args.force, follow_symlinks=args.follow_symlinks)
    from teletravail.presets.starter import starter_document

    text = starter_document(args.preset, lang=args.lang)
    if not to_file:
        sys.stdout.write(text)
        return EXIT_OK
    from teletravail.outputs import output_text

    with output_text(args.output, force=args.force, follow_symlinks=args.follow_symlinks) as output:
        output.write(text)
    lang: Lang = args.lang
    origin = _BLANK[lang] if args.preset is None else _ORIGIN[lang].format(preset=args.preset)
    print(_WRITTEN[lang].format(output=args.output, origin=origin), file=sys.stderr)
    return EXIT_OK
