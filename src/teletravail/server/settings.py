"""The settings of the web service: where it listens, which policies it serves and the
limits it keeps (:class:`Settings`).

The defaults are the safe ones: the service listens on the loopback address only
(127.0.0.1), serves the shipped presets alone, and answers no other origin's browser
scripts (CORS is off until origins are named).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import attrs

from teletravail.errors import ValidationError
from teletravail.messages import Phrase

__all__ = ["DEFAULT_MAX_BATCH", "DEFAULT_MAX_BODY", "Settings"]

#: The largest request body read, in bytes (a 10,000-agent batch is about 2.6 MB).
DEFAULT_MAX_BODY: Final = 16 * 1024 * 1024
#: The most agents one batch request may hold.
DEFAULT_MAX_BATCH: Final = 10_000


def _port(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 65_535:
        raise ValidationError(
            "port",
            value,
            Phrase(
                "a port number from 0 to 65535 (0: any free port)",
                "un numéro de port de 0 à 65535 (0\u00a0: un port libre quelconque)",
            ),
        )
    return value


def _positive(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            field, value, Phrase("a whole number of at least 1", "un entier d'au moins 1")
        )
    return value


def _max_body(value: Any) -> int:
    return _positive(value, "max_body")


def _max_batch(value: Any) -> int:
    return _positive(value, "max_batch")


def _host(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            "host", value, Phrase("an address or a host name", "une adresse ou un nom d'hôte")
        )
    return value.strip()


def _folder(value: Any) -> Path | None:
    if value is None:
        return None
    folder = Path(value)
    if not folder.is_dir():
        raise ValidationError(
            "policies",
            str(value),
            Phrase("a folder of policy documents", "un dossier de documents de politique"),
        )
    return folder


def _origins(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(o, str) and o.strip() for o in value):
        raise ValidationError(
            "cors_origins",
            value,
            Phrase(
                "a list of origins, such as https://rh.example.org",
                "une liste d'origines, comme https://rh.example.org",
            ),
        )
    return tuple(origin.strip() for origin in value)


@attrs.frozen(kw_only=True)
class Settings:
    """Where the service listens (``host``, ``port``), the folder whose policy documents
    it serves beside the shipped presets (``policies``, read once at start), the largest
    request body in bytes (``max_body``), the most agents of a batch (``max_batch``) and
    the origins whose browser scripts may call it (``cors_origins``; none: CORS off).

    >>> settings = Settings()
    >>> settings.host, settings.port, settings.policies, settings.cors_origins
    ('127.0.0.1', 8000, None, ())
    >>> settings.max_body, settings.max_batch
    (16777216, 10000)
    """

    host: str = attrs.field(default="127.0.0.1", converter=_host)
    port: int = attrs.field(default=8000, converter=_port)
    policies: Path | None = attrs.field(default=None, converter=_folder)
    max_body: int = attrs.field(default=DEFAULT_MAX_BODY, converter=_max_body)
    max_batch: int = attrs.field(default=DEFAULT_MAX_BATCH, converter=_max_batch)
    cors_origins: tuple[str, ...] = attrs.field(default=(), converter=_origins)
