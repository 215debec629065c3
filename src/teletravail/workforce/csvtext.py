"""A CSV file's text and its rows, as the readers see them: the text decoded
(:func:`read_text`: UTF-8, or Windows-1252 when its bytes are not), the header found
and its delimiter guessed (:func:`split`), and each line after it a record or an
:class:`UnreadableRow` (:func:`rows`).

Each line is one row: a quote must close on its line, a row is at most
:data:`MOST_ROW_CHARACTERS` long, and a row with more or fewer cells than the header is
marked (:data:`EXTRA_CELLS`, :data:`MISSING_CELL`) so that it is a bad row, told apart
from the others. Blank lines are no rows.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from teletravail.errors import ValidationError
from teletravail.messages import NBSP, Phrase, grouped, system_reason

__all__ = [
    "EXTRA_CELLS",
    "MISSING_CELL",
    "MOST_ROW_CHARACTERS",
    "UnreadableRow",
    "csv_records",
    "head",
    "read_text",
    "rows",
    "split",
]


#: csv.DictReader's markers (``restkey``, ``restval``) for a row longer, or shorter,
#: than the header: a reader of CSV rows passes them, and bad rows are told apart.
EXTRA_CELLS = "\x00extra"
MISSING_CELL = "\x00short"


class UnreadableRow:
    """A row of a file that could not be split into cells (a quote not closed on its
    line, a row too long): a bad row, with its error, among the others."""

    __slots__ = ("error",)

    def __init__(self, error: ValidationError) -> None:
        self.error = error


#: The longest row a CSV file may have (Python's csv module refuses longer cells).
MOST_ROW_CHARACTERS = 131_072
_LINE_BREAK = re.compile("\r\n|\n|\r")


def read_text(source: str | Path | IO[str] | IO[bytes], encoding: str | None = None) -> str:
    """The text of a CSV file or stream: UTF-8 (a byte order mark is dropped) or, when
    the bytes are not UTF-8, Windows-1252 (what French spreadsheets export as
    "CSV"), unless ``encoding`` is given. A text stream is read as it is; one that fails
    to decode is an error naming ``encoding``."""
    if isinstance(source, str | Path):
        try:
            data: str | bytes = Path(source).read_bytes()
        except OSError as exc:
            reason = Phrase(
                "a readable file ({why})",
                "un fichier lisible ({why})",
                why=system_reason(exc, "erreur de lecture"),
            )
            raise ValidationError("source", str(source), reason) from None
    else:
        try:
            data = source.read()
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "encoding",
                exc.encoding,
                Phrase(
                    "the file's encoding: open it in binary mode ({mode!r})",
                    "l'encodage du fichier" + NBSP + ": ouvrez-le en mode binaire ({mode!r})",
                    mode="rb",
                ),
            ) from None
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if not isinstance(data, bytes):
        raise ValidationError(
            "source",
            type(data).__name__,
            Phrase("a file, a path or a stream", "un fichier, un chemin ou un flux"),
        )
    if encoding is not None:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except LookupError:
            raise ValidationError(
                "encoding",
                encoding,
                Phrase("an encoding Python knows", "un encodage que Python connaît"),
            ) from None
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "encoding",
                encoding,
                Phrase(
                    "the file's encoding (byte {start} is not {encoding})",
                    "l'encodage du fichier (l'octet {start} n'est pas du {encoding})",
                    start=exc.start,
                    encoding=encoding,
                ),
            ) from None
    wide = _wide_encoding(data)
    if wide is not None:
        raise ValidationError(
            "encoding",
            wide,
            Phrase(
                "text in UTF-8, Windows-1252 or Latin-1, the encodings found by themselves"
                " (give the file's encoding: encoding=..., --encoding)",
                "du texte en UTF-8, Windows-1252 ou Latin-1, les encodages reconnus seuls"
                " (donnez l'encodage du fichier" + NBSP + ": encoding=..., --encoding)",
            ),
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # the few bytes Windows-1252 leaves out
            return data.decode("latin-1")


#: The byte order marks of the encodings of two or four bytes a character.
_WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """The encoding of ``data`` when it is one of two or four bytes a character (UTF-16
    or UTF-32: a byte order mark, or NULs between the letters of its first line), which
    Windows-1252 would read as text of another meaning; else ``None``."""
    for mark, name in _WIDE_MARKS:
        if data.startswith(mark):
            return name
    start = data[:1000]
    if start and start.count(0) * 4 >= len(start):
        return "UTF-16"
    return None


def csv_records(
    text: str, delimiter: str | None = None
) -> tuple[list[str], Iterator[dict[str, Any] | UnreadableRow]]:
    """The header of a CSV text and its rows, one record each (a dict of the header's
    names, with the cells beyond the header under :data:`EXTRA_CELLS` and the missing
    ones as :data:`MISSING_CELL`), or an :class:`UnreadableRow`. Each line is one row:
    a quote must close on its line. Blank lines are skipped."""
    header, lines, delimiter = split(text, delimiter)
    return header, rows(header, lines, delimiter)


def split(text: str, delimiter: str | None) -> tuple[list[str], list[str], str]:
    """The header of a CSV text, its lines after the header, and its delimiter (guessed
    from the header among ``,``, ``;`` and tab when not given)."""
    lines = _LINE_BREAK.split(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return [], [], delimiter or ","
    first = lines[0]
    if delimiter is None:
        counts = {d: first.count(d) for d in (",", ";", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        if len(first) > MOST_ROW_CHARACTERS:
            raise csv.Error("too long")
        header = next(csv.reader([first], delimiter=delimiter, strict=True))
    except csv.Error:
        raise ValidationError(
            "header",
            first[:80],
            Phrase(
                "a header row whose quotes close",
                "une ligne d'en-tête dont les guillemets se ferment",
            ),
        ) from None
    del lines[0]
    return header, lines, delimiter


def rows(
    header: list[str], lines: list[str], delimiter: str
) -> Iterator[dict[str, Any] | UnreadableRow]:
    """The records of the lines after a CSV header (see :func:`csv_records`): one per
    line that is not blank."""
    width = len(header)
    for line in lines:
        if not line.strip():
            continue
        if len(line) > MOST_ROW_CHARACTERS:
            expected = Phrase(
                "a row of at most {most} characters",
                "une ligne d'au plus {most} caractères",
                most=grouped(MOST_ROW_CHARACTERS),
            )
            length = Phrase("{n} characters", "{n} caractères", n=grouped(len(line)))
            yield UnreadableRow(ValidationError("row", length, expected))
            continue
        try:  # each line alone, strictly: a quote cannot run on into the next rows
            if line.count('"') % 2:
                raise csv.Error("a quote left open")
            cells = next(csv.reader([line], delimiter=delimiter, strict=True))
        except csv.Error:
            expected = Phrase(
                "quotes that close on their line (a cell holds no line break)",
                "des guillemets qui se ferment sur leur ligne (une cellule ne contient pas"
                " de saut de ligne)",
            )
            yield UnreadableRow(ValidationError("row", line[:80], expected))
            continue
        record: dict[str, Any] = dict(zip(header, cells, strict=False))
        if len(cells) > width:
            record[EXTRA_CELLS] = cells[width:]
        for name in header[len(cells) :]:
            record[name] = MISSING_CELL
        yield record


def head(text: str) -> tuple[str, str]:
    """A CSV text cut after its header line (the first that is not blank): the header
    line (with the blank lines before it), and the text after its line break."""
    position = 0
    for found in _LINE_BREAK.finditer(text):
        if text[position : found.start()].strip():
            return text[: found.end()], text[found.end() :]
        position = found.end()
    return text, ""
