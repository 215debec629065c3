"""Reading policy documents: TOML and JSON text or files in, a checked policy out.

:func:`loads` and :func:`load` parse a document with the standard library (``tomllib``,
``json``; nothing in the file is evaluated), refusing one over
:data:`~teletravail.config.document.MAX_BYTES`; the screening then takes out, each
reported with its key path, what no document may hold (keys written twice or empty, NaN
and infinities, huge integers, text that is not UTF-8, nesting beyond any sane policy),
and :func:`from_document` reads what is left along the format's description
(:func:`~teletravail.config.format.policy.document_table`). Every problem is collected;
then one :class:`~teletravail.errors.ConfigError` lists them all. A policy from a file or
a preset's name is :func:`teletravail.presets.load_policy`, a layer above this one.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from teletravail._syntax import parser_message
from teletravail.config.document import MAX_BYTES, MAX_DEPTH, Syntax, check_syntax
from teletravail.config.format.policy import document_table
from teletravail.config.writing import compact_json, to_document
from teletravail.documents import BAD, UTF8_TEXT, Context, encodable, join_path
from teletravail.errors import ConfigError, Problem, ValidationError
from teletravail.messages import Phrase, system_reason
from teletravail.policy import Policy

__all__ = ["from_document", "load", "loads"]


_LESS_DEEP: Final = Phrase(
    "a document nested less deeply (rules at most {most} deep)",
    "un document moins profondément imbriqué (des règles sur {most} niveaux au plus)",
    most=MAX_DEPTH,
)


def from_document(data: Any, *, origin: str = "<document>") -> Policy:
    """Build a policy from a parsed document (a mapping, as TOML or JSON give).

    Every problem is collected; if there is any, one :class:`ConfigError` lists them all.
    """
    table = document_table()
    ctx = Context()
    if not isinstance(data, Mapping):
        document = Phrase(
            "a table (the policy document)", "une table (le document de la politique)"
        )
        raise ConfigError([Problem("", data, document)], origin)
    try:
        data = _screen(ctx, data, "")
        ctx.screened = frozenset(problem.path for problem in ctx.problems)
        policy = table.read(ctx, data, "")
    except RecursionError:  # a document nested beyond any sane policy
        ctx.fail("", "...", _LESS_DEEP)
        policy = BAD
    if ctx.problems or policy is BAD:
        whole = Phrase("a policy document", "un document de politique")
        raise ConfigError(ctx.problems or [Problem("", data, whole)], origin)
    return policy  # type: ignore[no-any-return]


class _Refused:
    """A value the parser read but no document may hold (NaN, a huge integer): kept in
    place so that the screening reports it with its key path."""

    __slots__ = ("expected", "text")

    def __init__(self, text: str, expected: Phrase) -> None:
        self.text, self.expected = text, expected


class _Pairs(dict[str, Any]):
    """A JSON object, with the keys it wrote more than once."""

    duplicates: tuple[str, ...] = ()


#: The longest integer a document may write (any count, amount or year is far shorter).
_MOST_DIGITS = 30


def _pairs(pairs: list[tuple[str, Any]]) -> _Pairs:
    found = _Pairs(pairs)
    if len(found) < len(pairs):  # the last value stands; each key written twice is said
        seen: set[str] = set()
        twice: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in twice:
                twice.append(key)
            seen.add(key)
        found.duplicates = tuple(twice)
    return found


_JSON_NUMBER: Final = Phrase(
    "a number JSON allows (NaN and Infinity are not)",
    "un nombre que JSON admet (NaN et Infinity n'en sont pas)",
)
_SHORT_NUMBER: Final = Phrase(
    "a whole number of at most {most} digits",
    "un nombre entier d'au plus {most} chiffres",
    most=_MOST_DIGITS,
)
_FINITE: Final = Phrase("a finite number", "un nombre fini")


def _constant(name: str) -> _Refused:
    return _Refused(name, _JSON_NUMBER)


def _integer(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > _MOST_DIGITS:
        digits = Phrase(
            "{start}... ({count} digits)",
            "{start}… ({count} chiffres)",
            start=text[:12],
            count=len(text),
        )
        return _Refused(digits, _SHORT_NUMBER)
    return int(text)


def _float(text: str) -> float | _Refused:
    value = float(text)
    return value if math.isfinite(value) else _Refused(text, _FINITE)


def _screen(ctx: Context, value: Any, path: str, depth: int = 0) -> Any:
    """``value`` with what no document may hold taken out, each reported with its key
    path: keys written twice, empty keys, NaN and infinities, huge integers, text that
    is not UTF-8. What is taken out is left to the reader as missing."""
    if depth > 4 * MAX_DEPTH + 32:  # rules nest at most MAX_DEPTH deep, tables a few
        ctx.fail(path, "...", _LESS_DEEP)
        return None
    if isinstance(value, _Refused):
        ctx.fail(path, value.text, value.expected)
        return None
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float) and not math.isfinite(value):
        ctx.fail(path, value, _FINITE)
        return None
    if isinstance(value, int) and abs(value) >= 10**_MOST_DIGITS:
        digits = int(value.bit_length() * math.log10(2)) + 1  # str() refuses huge ones
        about = Phrase(
            "a number of about {digits} digits",
            "un nombre d'environ {digits} chiffres",
            digits=digits,
        )
        ctx.fail(path, about, _SHORT_NUMBER)
        return None
    if isinstance(value, str) and not encodable(value):
        ctx.fail(path, value, UTF8_TEXT)
        return None
    if isinstance(value, Mapping):
        for key in getattr(value, "duplicates", ()):
            twice = Phrase(
                "a key written once (it is written twice)",
                "une clé écrite une seule fois (elle l'est deux fois)",
            )
            ctx.fail(join_path(path, key), value[key], twice)
        cleaned: dict[Any, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or not key.strip() or not encodable(key):
                shown = f"{path}[{key!r}]" if path else f"[{key!r}]"
                word = Phrase(
                    "a key that is a word (not empty, in UTF-8)",
                    "une clé qui soit un mot (non vide, en UTF-8)",
                )
                ctx.fail(shown, item, word)
                continue
            cleaned[key] = _screen(ctx, item, join_path(path, key), depth + 1)
        return cleaned
    if isinstance(value, list | tuple):
        return [_screen(ctx, item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
    return value


def _parse(data: bytes, syntax: Syntax, origin: str) -> Any:
    if len(data) > MAX_BYTES:
        size = Phrase("{size} bytes", "{size} octets", size=len(data))
        most = Phrase(
            "a document of at most {most} bytes",
            "un document d'au plus {most} octets",
            most=MAX_BYTES,
        )
        raise ConfigError([Problem("", size, most)], origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        bad = Phrase("bytes {bad}", "octets {bad}", bad=data[error.start : error.end].hex(" "))
        where = Phrase(
            "text in UTF-8 at line {line}, column {column}",
            "du texte en UTF-8 à la ligne {line}, colonne {column}",
            line=line,
            column=column,
        )
        raise ConfigError([Problem("", bad, where)], origin) from None
    try:
        if syntax == "toml":
            return tomllib.loads(text, parse_float=_float)
        return json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_constant,
            parse_int=_integer,
            parse_float=_float,
        )
    except json.JSONDecodeError as error:  # its message says the line and column
        where = _where("JSON", error.lineno, error.colno)
        raise ConfigError([Problem("", parser_message(error.msg), where)], origin) from None
    except tomllib.TOMLDecodeError as error:  # its message ends with the line and column
        found = _TOML_PLACE.search(str(error))
        if found is None:  # pragma: no cover - tomllib always says where
            valid = Phrase("valid TOML", "du TOML valide")
            raise ConfigError([Problem("", parser_message(str(error)), valid)], origin) from None
        what = parser_message(str(error)[: found.start()].strip())
        where = _where("TOML", int(found.group(1)), int(found.group(2)))
        raise ConfigError([Problem("", what, where)], origin) from None
    except ValueError:  # tomllib's integers beyond Python's digit limit
        long = re.search(rf"\d{{{_MOST_DIGITS},}}", text)
        line = text.count("\n", 0, long.start()) + 1 if long else 0
        column = long.start() - text.rfind("\n", 0, long.start()) if long else 0
        expected = Phrase(
            "{where}, with whole numbers of at most {most} digits",
            "{where}, avec des nombres entiers d'au plus {most} chiffres",
            where=_where("TOML", line, column),
            most=_MOST_DIGITS,
        )
        huge = Phrase("a huge integer", "un nombre entier démesuré")
        raise ConfigError([Problem("", huge, expected)], origin) from None
    except RecursionError:
        deep = Phrase("a document nested less deeply", "un document moins profondément imbriqué")
        raise ConfigError([Problem("", "...", deep)], origin) from None


#: Where tomllib says a syntax error is: "... (at line 5, column 17)".
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)$")


def _where(syntax: str, line: int, column: int) -> Phrase:
    return Phrase(
        "valid {syntax} at line {line}, column {column}",
        "du {syntax} valide à la ligne {line}, colonne {column}",
        syntax=syntax,
        line=line,
        column=column,
    )


def loads(text: str | bytes, *, format: Syntax = "toml", origin: str = "<string>") -> Policy:
    """Read a policy from TOML (default) or JSON text; ``origin`` names it in errors."""
    syntax = check_syntax(format)
    if isinstance(text, str):
        text = text.encode("utf-8", errors="surrogatepass")
    if not isinstance(text, bytes):
        raise ValidationError("text", text, Phrase("TOML or JSON text", "du texte TOML ou JSON"))
    return _fits(from_document(_parse(text, syntax, origin), origin=origin), len(text), origin)


def _fits(policy: Policy, size: int, origin: str) -> Policy:
    """``policy``, if it writes back within the size limit (as compact JSON): every
    document accepted can be written and read again. Only a large document can write
    back larger than the limit, so only a large one is written to see."""
    if size > MAX_BYTES // 8:
        written = len(compact_json(to_document(policy)).encode("utf-8"))
        if written > MAX_BYTES:
            back = Phrase(
                "{written:,} bytes written back",
                "{written} octets une fois réécrit",
                written=written,
            )
            most = Phrase(
                "a document that writes back in at most {most:,} bytes",
                "un document qui se réécrit en {most} octets au plus",
                most=MAX_BYTES,
            )
            raise ConfigError([Problem("", back, most)], origin)
    return policy


def load(path: str | Path, *, format: Syntax | None = None) -> Policy:
    """Read a policy document from a file; the format follows the suffix
    (``.toml`` or ``.json``) unless given."""
    path = Path(path)
    if format is None:
        suffix = path.suffix.lower().lstrip(".")
        if suffix not in ("toml", "json"):
            raise ValidationError(
                "path", str(path), Phrase("a .toml or .json file", "un fichier .toml ou .json")
            )
        format = suffix  # type: ignore[assignment]
    syntax = check_syntax(format)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        readable = Phrase(
            "a readable file ({why})",
            "un fichier lisible ({why})",
            why=system_reason(error, "erreur de lecture"),
        )
        raise ConfigError([Problem("", str(path), readable)], str(path)) from None
    return _fits(
        from_document(_parse(data, syntax, str(path)), origin=str(path)), len(data), str(path)
    )
