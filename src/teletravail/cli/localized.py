"""argparse in the command's language: its own words (``usage:``, the titles of the
sections, the help of ``-h``, its error messages) in French when the command speaks
French, through argparse's documented extension points.

* :class:`LocalizedFormatter` (a ``formatter_class``) writes the usage line after the
  language's word for it (``utilisation :``);
* the sections are argument groups with titles in the language (the parsers are built
  with ``add_help=False`` and their ``-h`` added with its help in the language);
* :meth:`LocalizedParser.error` says argparse's error in the language: the message
  argparse built in English is read back against the templates it was built from
  (:data:`ARGPARSE_FRENCH`, keyed by argparse's own English, as a gettext catalogue of
  its domain would be) and written again from the French template, the values it holds
  unchanged.

Why not a gettext catalogue installed for argparse: argparse asks gettext's *default*
domain (it calls ``gettext.gettext``, not ``dgettext("argparse", ...)``), so a catalogue
would have to become the process's global text domain (a library's ``main`` called from
another program would change that program's translations) and be shipped compiled
(``.mo``) beside a build step. The catalogue below is the same pairs of English and
French, read in place; a message argparse does not have in it stays in English.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, Final, NoReturn

from teletravail.messages import NBSP, Lang

__all__ = ["ARGPARSE_FRENCH", "LocalizedFormatter", "LocalizedParser", "argparse_text"]

#: argparse's own words and messages (its English, as its gettext calls name them) in
#: French. ``%(name)s``, ``%s`` and ``%r`` are the values argparse fills in.
ARGPARSE_FRENCH: Final[dict[str, str]] = {
    "usage: ": "utilisation" + NBSP + ": ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "argument %(argument_name)s: %(message)s": (
        "argument %(argument_name)s" + NBSP + ": %(message)s"
    ),
    "the following arguments are required: %s": (
        "les arguments suivants sont obligatoires" + NBSP + ": %s"
    ),
    "unrecognized arguments: %s": "arguments non reconnus" + NBSP + ": %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix non valide" + NBSP + ": %(value)r (choisir parmi %(choices)s)"
    ),
    "expected one argument": "un argument attendu",
    "expected at most one argument": "au plus un argument attendu",
    "expected at least one argument": "au moins un argument attendu",
    "expected %s argument": "%s argument attendu",
    "expected %s arguments": "%s arguments attendus",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "argument explicite ignoré" + NBSP + ": %r",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë" + NBSP + ": %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue" + NBSP + ": %s",
    "invalid %(type)s value: %(value)r": "valeur non valide pour %(type)s" + NBSP + ": %(value)r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (choix" + NBSP + ": %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": (
        "impossible d'ouvrir '%(filename)s'" + NBSP + ": %(error)s"
    ),
}

#: How an error is introduced after the program's name.
_ERROR: Final[dict[Lang, str]] = {"en": ": error: ", "fr": NBSP + ": erreur" + NBSP + ": "}

_FIELD: Final = re.compile(r"%(?:\((\w+)\))?([sr])")


def _pattern(template: str) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """A template of argparse's read back: a pattern with a group per value, and each
    value's name and conversion (``s`` or ``r``) in order."""
    fields: list[tuple[str, str]] = []
    parts: list[str] = []
    last = 0
    for index, match in enumerate(_FIELD.finditer(template)):
        parts.append(re.escape(template[last : match.start()]))
        parts.append(f"(?P<v{index}>.+?)")
        fields.append((match.group(1) or str(index), match.group(2)))
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL), fields


_PATTERNS: Final = [(_pattern(english), french) for english, french in ARGPARSE_FRENCH.items()]


def _french_value(text: str, name: str, conversion: str) -> str:
    if name == "message":
        return argparse_text(text, "fr")
    if conversion == "r" and len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return f"«{NBSP}{text[1:-1]}{NBSP}»"
    if name == "choices":
        return re.sub(r"'([^']*)'", r"\1", text)
    return text


def argparse_text(message: str, lang: Lang) -> str:
    """One of argparse's messages (as it wrote it, in English) in ``lang``: in French,
    written again from its French template, its values kept (a value quoted with ``%r``
    in guillemets); a message argparse's catalogue does not hold is kept as it is.

    >>> argparse_text("argument --on: expected one argument", "fr")
    'argument --on\\xa0: un argument attendu'
    """
    if lang == "en":
        return message
    for (pattern, fields), french in _PATTERNS:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = [found.group(f"v{index}") for index in range(len(fields))]
        text = french
        for (name, conversion), value in zip(fields, values, strict=True):
            said = _french_value(value, name, conversion)
            written = f"%({name}){conversion}" if not name.isdigit() else f"%{conversion}"
            text = text.replace(written, said.replace("%", "\0"), 1)
        return text.replace("\0", "%")
    return message


def _said(text: str, lang: Lang) -> str:
    return ARGPARSE_FRENCH.get(text, text) if lang == "fr" else text


class LocalizedFormatter(argparse.HelpFormatter):
    """The help of a command in its language: the usage line after the language's word
    for it (the sections' titles are the groups' own)."""

    lang: Lang = "en"

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = _said("usage: ", self.lang)
        super().add_usage(usage, actions, groups, prefix)


class _FrenchFormatter(LocalizedFormatter):
    lang: Lang = "fr"


_FORMATTERS: Final[dict[Lang, type[LocalizedFormatter]]] = {
    "en": LocalizedFormatter,
    "fr": _FrenchFormatter,
}


class LocalizedParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks ``lang``: its help (with its formatter and the
    groups :meth:`arguments` and :meth:`options`) and its errors. Its subcommands'
    parsers are of the same class (``add_parser(..., lang=...)``)."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _FORMATTERS[lang])
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang: Lang = lang
        title = _said("positional arguments", lang)
        self.arguments = self.add_argument_group(title + (NBSP if lang == "fr" else ""))
        self.options = self.add_argument_group(
            _said("options", lang) + (NBSP if lang == "fr" else "")
        )
        self.options.add_argument(
            "-h", "--help", action="help", help=_said("show this help message and exit", lang)
        )

    def title(self, text: str) -> str:
        """A section title as the help prints it (``options:``, ``options :``)."""
        return text + (NBSP if self.lang == "fr" else "")

    def error(self, message: str) -> NoReturn:
        """Print the usage and argparse's ``message`` in the parser's language on
        stderr, and exit with argparse's code for a usage error (2)."""
        self.print_usage(sys.stderr)
        said = argparse_text(message, self.lang)
        self.exit(2, f"{self.prog}{_ERROR[self.lang]}{said}\n")
