"""A real uvicorn server on 127.0.0.1, on a free port, for the whole session, serving
the presets and a folder with one policy document of its own; tests call it with httpx.

Without the ``server`` extra (FastAPI, uvicorn) and httpx, the tests of this folder are
skipped, each saying so; CI installs the extras and runs them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from teletravail import presets

REASON = "the web service's tests need the 'server' extra and httpx (the 'test' extra)"


def web_stack() -> None:
    """Skip the calling module when the web stack is not installed."""
    for name in ("fastapi", "uvicorn", "httpx", "swagger_ui"):
        pytest.importorskip(name, reason=REASON)


#: The name of the policy document of the served folder.
OURS = "ours"


@pytest.fixture(scope="session")
def policy_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("policies")
    text = presets.text("lot-2013").replace('name = "Lot 2013"', 'name = "Ours"', 1)
    (folder / f"{OURS}.toml").write_text(text, encoding="utf-8")
    (folder / "notes.txt").write_text("not a policy", encoding="utf-8")
    return folder


class Running:
    """A uvicorn server run in a thread until :meth:`stop`."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="session")
def base_url(policy_folder: Path) -> Iterator[str]:
    web_stack()
    from teletravail.server import Settings, create_app

    app = create_app(Settings(policies=policy_folder, max_batch=50, max_body=200_000))
    running = Running(app)
    url = running.start()
    yield url
    running.stop()


@pytest.fixture
def client(base_url: str) -> Iterator[Any]:
    import httpx

    with httpx.Client(base_url=base_url, timeout=60) as session:
        yield session
