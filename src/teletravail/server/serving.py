"""Running the web service: :func:`serve` starts uvicorn on the settings' address with
the application of :func:`~.app.create_app` (the policies read before the first request)."""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["serve"]


def serve(settings: Settings) -> None:
    """Serve ``settings``'s application until interrupted."""
    import uvicorn

    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
