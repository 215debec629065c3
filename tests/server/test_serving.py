"""The application of a worker process: the default settings, what it holds at start
out of the garbage collector's reach, and serving."""

from __future__ import annotations

import asyncio
import gc

from .conftest import web_stack

web_stack()

import httpx  # noqa: E402

from teletravail import presets  # noqa: E402
from teletravail.server.serving import worker_app  # noqa: E402


def test_a_worker_s_application_serves_the_presets_with_its_objects_frozen() -> None:
    try:
        app = worker_app()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the test process keeps collecting as before

    async def health() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://local") as client:
            return await client.get("/v1/health")

    answer = asyncio.run(health())
    assert answer.status_code == 200
    assert answer.json()["policies"] == len(presets.names())
    assert app.state.settings.host == "127.0.0.1" and app.state.settings.policies is None
