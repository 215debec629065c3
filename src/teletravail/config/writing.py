"""Writing policy documents: a policy out as plain data, TOML or JSON.

:func:`to_document` writes a policy as plain data (strings, numbers, lists, tables)
along the format's description, so that any policy made of document-able parts reads
back unchanged; :func:`dumps` and :func:`dump` write that data as TOML (the ``toml``
extra) or JSON text, a large policy as compact JSON so that it loads again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from teletravail.config.document import MAX_BYTES, Syntax, check_syntax
from teletravail.config.format.policy import document_table
from teletravail.documents import Context
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.policy import Policy

__all__ = ["compact_json", "dump", "dumps", "to_document"]


def to_document(policy: Policy) -> dict[str, Any]:
    """The policy as plain data (strings, numbers, lists, tables) that
    :func:`~teletravail.config.reading.from_document` reads back into an equal policy.

    A policy holding code (a ``Predicate`` criterion, a ranking function) cannot be
    written: :class:`ValidationError` names the part.
    """
    if not isinstance(policy, Policy):
        raise ValidationError("policy", policy, Phrase("a Policy", "un objet Policy"))
    written: dict[str, Any] = document_table().write(Context(), policy)
    return written


def dumps(policy: Policy, *, format: Syntax = "toml") -> str:
    """The policy as TOML (the ``toml`` extra: ``tomli-w``) or JSON text."""
    syntax = check_syntax(format)
    document = to_document(policy)
    if syntax == "json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        if len(text.encode("utf-8")) > MAX_BYTES:  # a large policy: compact, to load again
            text = compact_json(document) + "\n"
        return text
    try:
        import tomli_w  # an optional dependency (the 'toml' extra)
    except ImportError as exc:  # pragma: no cover - the extra is part of the test deps
        raise ValidationError(
            "dumps",
            "tomli-w",
            Phrase(
                "the 'toml' extra: pip install 'teletravail[toml]'",
                "l'extra «\u00a0toml\u00a0»\u00a0: pip install 'teletravail[toml]'",
            ),
        ) from exc
    text = tomli_w.dumps(document)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ValidationError(
            "format",
            Phrase("{size:,} bytes of TOML", "{size} octets de TOML", size=len(text.encode())),
            Phrase(
                "a document of at most {most:,} bytes: write this large policy as JSON",
                "un document d'au plus {most} octets\u00a0: écrivez cette grande politique en JSON",
                most=MAX_BYTES,
            ),
        )
    return text


def compact_json(document: Any) -> str:
    """``document`` as JSON on one line, without spaces: the smallest text it writes as."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def dump(policy: Policy, path: str | Path, *, format: Syntax | None = None) -> None:
    """Write the policy to a file, TOML or JSON after the suffix unless given."""
    path = Path(path)
    if format is None:
        suffix = path.suffix.lower().lstrip(".")
        format = check_syntax(suffix)
    path.write_text(dumps(policy, format=format), encoding="utf-8")
