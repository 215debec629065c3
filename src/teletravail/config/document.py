"""What a policy document is: its format's name and version, its syntaxes and limits.

A document says which format it is written in (``format = "teletravail.policy"``,
:data:`FORMAT`) and its version (:data:`FORMAT_VERSION`); it is written in TOML or JSON
(:data:`Syntax`). Documents over :data:`MAX_BYTES` and rules nested deeper than
:data:`MAX_DEPTH` are refused.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from teletravail.errors import ValidationError
from teletravail.messages import choices

__all__ = ["FORMAT", "FORMAT_VERSION", "MAX_BYTES", "MAX_DEPTH", "Syntax", "check_syntax"]

#: The value of a document's ``format`` key.
FORMAT: Final = "teletravail.policy"
#: The version of the format this library reads and writes.
FORMAT_VERSION: Final = 1
#: The largest document read, in bytes (the biggest preset is about 5 kB).
MAX_BYTES: Final = 1_000_000
#: The deepest nesting of eligibility rules a document may hold.
MAX_DEPTH: Final = 32

#: The syntaxes a document is written in.
Syntax = Literal["toml", "json"]


def check_syntax(value: Any) -> Syntax:
    """``value``, if it names a syntax of documents (``"toml"`` or ``"json"``)."""
    if value not in ("toml", "json"):
        raise ValidationError("format", value, choices(("toml", "json")))
    return value  # type: ignore[no-any-return]
