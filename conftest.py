"""The doctests of ``src/`` and ``docs/``: the web service's modules and its page import
FastAPI, which only the ``server`` extra installs; without it they are not collected
(the tests of ``tests/server/`` say they are skipped, and why). CI installs the extra."""

from __future__ import annotations

import importlib.util

collect_ignore_glob = (
    []
    if importlib.util.find_spec("fastapi") is not None
    else ["src/teletravail/server/*", "docs/web_service.md"]
)
