"""``python -m teletravail.cli``: the ``teletravail`` command, as ``python -m teletravail``."""

from __future__ import annotations

from teletravail.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
