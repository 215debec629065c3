"""Errors on stderr: one line, introduced as ``teletravail: error:`` (in French,
``teletravail : erreur :``), never a traceback."""

from __future__ import annotations

import sys
from typing import Final

from teletravail.messages import NBSP, Lang, text_of

__all__ = ["print_error"]

#: How an error is introduced on stderr.
_ERROR: Final[dict[Lang, str]] = {
    "en": "teletravail: error: ",
    "fr": "teletravail" + NBSP + ": erreur" + NBSP + ": ",
}


def print_error(message: str, lang: Lang = "en") -> None:
    """Say ``message`` (a :class:`~teletravail.messages.Phrase` is said in ``lang``) on
    stderr."""
    print(f"{_ERROR[lang]}{text_of(message, lang)}", file=sys.stderr)
