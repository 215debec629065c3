"""Running the web service: :func:`serve` starts uvicorn on the settings' address with
the application of :func:`~.app.create_app` (the policies read before the first
request); :func:`worker_app` builds the same application in each worker process when
uvicorn's own command runs several (``uvicorn --factory
teletravail.server.serving:worker_app --workers 2``), with the default settings.

Once the application is built, what it holds (the policies, the modules, the schemas) is
moved out of the garbage collector's reach (:func:`gc.freeze`): it lives as long as the
process, and a large request (a batch of 10,000 agents makes some 400,000 objects)
would otherwise have the collector walk it again and again, a third of the request's
time.
"""

from __future__ import annotations

import gc
from typing import Any

from .app import create_app
from .settings import Settings

__all__ = ["serve", "worker_app"]


def _built(settings: Settings) -> Any:
    app = create_app(settings)
    gc.collect()
    gc.freeze()  # the application's objects live as long as the process
    return app


def serve(settings: Settings) -> None:
    """Serve ``settings``'s application until interrupted."""
    import uvicorn

    uvicorn.run(_built(settings), host=settings.host, port=settings.port, log_level="info")


def worker_app() -> Any:
    """The application of the default settings (the shipped presets, 127.0.0.1), as
    each worker process of ``uvicorn --factory ... --workers N`` builds it."""
    return _built(Settings())
