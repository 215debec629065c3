"""What the standard library's TOML and JSON parsers say of a syntax error, in French.

``tomllib`` and ``json`` explain a syntax error in a short English sentence (``Invalid
value``, ``Expecting ',' delimiter``); a document's problem quotes it. Their sentences
are a small fixed set, so each is given its French here; a sentence a later Python adds
reads as « erreur de syntaxe » until it is added (a test feeds the parsers a broken
document for every sentence listed).
"""

from __future__ import annotations

import ast
import re
from typing import Final

from teletravail.messages import NBSP, Phrase

__all__ = ["parser_message"]


def _quoted(text: str) -> str:
    """A character the parser quotes as Python does (``'x'``), or a key it shows as a
    Python tuple (``('a', 'b')``, written ``a.b`` in the document), between guillemets."""
    if text.startswith("(") and text.endswith(")"):
        try:
            parts = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            parts = None
        if isinstance(parts, tuple) and all(isinstance(part, str) for part in parts):
            text = ".".join(parts)
    elif len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return f"«{NBSP}{text}{NBSP}»"


#: Each sentence of the parsers, as a pattern, and its French (``{0}`` is what the
#: pattern's group caught, quoted).
_SENTENCES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), french)
    for pattern, french in (
        # tomllib
        (r"Cannot declare (.+) twice", "la table {0} est déclarée deux fois"),
        (
            r"Cannot mutate immutable namespace (.+)",
            "l'espace de noms {0} est figé et ne peut plus être modifié",
        ),
        (r"Cannot overwrite a value", "une clé ne peut pas recevoir une seconde valeur"),
        (r"Cannot redefine namespace (.+)", "l'espace de noms {0} ne peut pas être redéfini"),
        (r"Duplicate inline table key (.+)", "clé {0} écrite deux fois dans une table en ligne"),
        (
            r"Escaped character is not a Unicode scalar value",
            "le caractère échappé n'est pas une valeur scalaire Unicode",
        ),
        (r"Expected '=' after a key in a key/value pair", "«\u00a0=\u00a0» manque après une clé"),
        (
            r"Expected '\]' at the end of a table declaration",
            "«\u00a0]\u00a0» manque à la fin d'un en-tête de table",
        ),
        (
            r"Expected '\]\]' at the end of an array declaration",
            "«\u00a0]]\u00a0» manque à la fin d'un en-tête de tableau de tables",
        ),
        (
            r"Expected newline or end of document after a statement",
            "une fin de ligne ou de document doit suivre une instruction",
        ),
        (r"Expected (.+)", "{0} manque"),
        (r"Found invalid character (.+)", "caractère invalide {0}"),
        (r"Illegal character (.+)", "caractère interdit {0}"),
        (r"Invalid date or datetime", "date ou horodatage invalide"),
        (r"Invalid hex value", "valeur hexadécimale invalide"),
        (r"Invalid initial character for a key part", "une clé ne peut commencer ainsi"),
        (r"Invalid statement", "instruction invalide"),
        (r"Invalid value", "valeur invalide"),
        (r"Unclosed array", "liste non fermée"),
        (r"Unclosed inline table", "table en ligne non fermée"),
        (r"Unescaped '\\' in a string", "«\u00a0\\\u00a0» non échappé dans une chaîne"),
        (r"Unterminated string", "chaîne non terminée"),
        # json
        (r"Expecting value", "une valeur manque"),
        (r"Expecting '(.)' delimiter", "le séparateur {0} manque"),
        (
            r"Expecting property name enclosed in double quotes",
            'un nom de clé entre guillemets droits (") manque',
        ),
        (r"Unterminated string starting at", "chaîne non terminée"),
        (r"Invalid control character at", "caractère de contrôle interdit"),
        (r"Invalid control character (.+) at", "caractère de contrôle interdit {0}"),
        (r"Invalid \\escape", "séquence d'échappement invalide"),
        (r"Invalid \\escape: (.+)", "séquence d'échappement invalide {0}"),
        (r"Invalid \\uXXXX escape", "séquence \\uXXXX invalide"),
        (r"Extra data", "du texte suit la fin du document"),
    )
)


#: How tomllib ends a sentence about the end of the document.
_AT_END = " (at end of document)"


def parser_message(message: str) -> Phrase:
    """A parser's sentence as it is, with its French."""
    if message.endswith(_AT_END):
        sentence = parser_message(message.removesuffix(_AT_END))
        return Phrase(message, sentence.text("fr") + " (à la fin du document)")
    for pattern, french in _SENTENCES:
        found = pattern.fullmatch(message)
        if found is not None:
            return Phrase(message, french.format(*(_quoted(g) for g in found.groups())))
    return Phrase(message, "erreur de syntaxe")
