"""The language the command speaks: ``--lang`` when the command line gives it, otherwise
the environment's, read as POSIX and gettext read it; and how each language sets a colon.

The environment: the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set and
not empty decides (as for any program's messages), and only its language part counts:
``fr_FR.UTF-8``, ``fr_CA``, ``fr_BE@euro`` and ``fr`` are French; ``en_GB.UTF-8`` is
English; so are ``C`` and ``POSIX`` (the locale of no language), nothing set, and a
language the library does not speak (``de_DE.UTF-8``): English is the language every
text of the library has. ``LANGUAGE`` (GNU's list of fallbacks) is not read.

>>> environment_lang({"LANG": "fr_FR.UTF-8"}), environment_lang({"LANG": "C.UTF-8"})
('fr', 'en')
>>> environment_lang({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"})
'en'
>>> asked_lang(["bilan", "lot-2013", "--lang=fr"]), asked_lang(["presets"])
('fr', None)

Only the standard library and :mod:`teletravail.messages` are imported, so that
``teletravail --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from typing import Final

from teletravail.messages import COLON, LANGS, Lang

__all__ = ["COLON", "LANGS", "LOCALE_VARIABLES", "asked_lang", "environment_lang", "lang_of"]


#: The variables that name the language of messages, the strongest first.
LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")


def environment_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the environment asks for (default: the process's): the first of
    :data:`LOCALE_VARIABLES` set and not empty, its language part (``fr`` of
    ``fr_FR.UTF-8``) if the library speaks it, English otherwise."""
    found = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = found.get(name, "")
        if value:
            language = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
            for lang in LANGS:
                if language == lang:
                    return lang
            return "en"
    return "en"


def asked_lang(argv: Sequence[str]) -> str | None:
    """The language the command line asks for, as written (``--lang X``, ``--lang=X``
    or a shortened ``--la X``; the last one counts, as for argparse), or ``None``. Read
    before the parser is built, since the parser speaks that language; a value the
    library does not speak is returned as it is, for the parser to refuse."""
    found = None
    words = list(argv)
    for index, word in enumerate(words):
        if word == "--":
            break
        option, equals, value = word.partition("=")
        if len(option) < 4 or not "--lang".startswith(option):
            continue
        if equals:
            found = value
        elif index + 1 < len(words):
            found = words[index + 1]
    return found


def lang_of(args: argparse.Namespace) -> Lang:
    """The language of a command's ``--lang``, English for a command without it: the
    language the command says its errors in."""
    lang: Lang = getattr(args, "lang", "en")
    return lang
