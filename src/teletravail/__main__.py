"""``python -m teletravail``: the ``teletravail`` command (see :mod:`teletravail.cli`)."""

from __future__ import annotations

from teletravail.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
