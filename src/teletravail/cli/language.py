"""The two languages of the command's text: the choices of ``--lang``, the language a
command was asked to speak, and how each language sets a colon."""

from __future__ import annotations

import argparse
from typing import Final

from teletravail.messages import LANGS, Lang

__all__ = ["COLON", "LANGS", "lang_of"]

#: French puts a no-break space before a colon, as the rest of the package writes it.
COLON: Final[dict[Lang, str]] = {"en": ":", "fr": "\u00a0:"}


def lang_of(args: argparse.Namespace) -> Lang:
    """The language of a command's ``--lang``, English for a command without it: the
    language the command says its errors in."""
    lang: Lang = getattr(args, "lang", "en")
    return lang
