"""A headless Chromium driven over the DevTools protocol, for the tests of pages.

The browser is Debian's ``chromium``, started with ``--remote-debugging-pipe``: the
protocol's messages (JSON, each ended by a NUL byte) go through two pipes, the
browser reading file descriptor 3 and writing 4, so that no port is opened and no
client library is needed. A page is opened in a new tab with the console, the log and
the network watched; :class:`Visit` keeps what they reported while it loaded.

``--print-to-pdf`` prints a page from the same browser (:func:`print_to_pdf`).
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import attrs

#: The browser's switches for a machine without network, display or sandbox.
SWITCHES = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
TIMEOUT = 30.0


def chromium() -> str | None:
    """The path of Debian's Chromium, if installed."""
    return shutil.which("chromium")


@attrs.frozen
class Visit:
    """What a page did while it loaded: its console errors, the errors of its log
    (a refused resource, a failed load), the uncaught exceptions, the addresses it
    asked for (beside its own), and its screenshot as PNG bytes."""

    console_errors: tuple[str, ...]
    log_errors: tuple[str, ...]
    exceptions: tuple[str, ...]
    requests: tuple[str, ...]
    screenshot: bytes

    @property
    def problems(self) -> tuple[str, ...]:
        return (*self.console_errors, *self.log_errors, *self.exceptions)


class Browser:
    """One Chromium process; :meth:`visit` opens a page in a new tab."""

    def __init__(self, executable: str, folder: Path) -> None:
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def plumb() -> None:  # in the child: the protocol's descriptors 3 and 4
            os.dup2(commands_read, 3)
            os.dup2(replies_write, 4)

        self._process = subprocess.Popen(
            [executable, *SWITCHES, f"--user-data-dir={folder}", "--remote-debugging-pipe"],
            pass_fds=(3, 4),
            preexec_fn=plumb,  # the tests start no thread around it
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._last = 0
        self._events: list[dict[str, Any]] = []

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._replies], [], [], TIMEOUT)
            if not ready:
                raise TimeoutError("the browser said nothing")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise EOFError("the browser closed its pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        found: dict[str, Any] = json.loads(message)
        return found

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer (events met meanwhile are kept)."""
        self._last += 1
        message: dict[str, Any] = {"id": self._last, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._last:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def visit(self, url: str, width: int, height: int) -> Visit:
        """Open ``url`` in a tab of ``width`` × ``height`` pixels, wait for its load
        event, and take its screenshot."""
        self._events = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Page.navigate", session, url=url)
        while not any(e.get("method") == "Page.loadEventFired" for e in self._events):
            self._events.append(self._receive())
        shot = self.call("Page.captureScreenshot", session, format="png")["data"]
        self.call("Target.closeTarget", targetId=target)
        mine = [e for e in self._events if e.get("sessionId") == session]

        def of(method: str) -> list[dict[str, Any]]:
            return [e["params"] for e in mine if e.get("method") == method]

        return Visit(
            console_errors=tuple(
                json.dumps(p["args"])
                for p in of("Runtime.consoleAPICalled")
                if p["type"] in ("error", "assert", "warning")
            ),
            log_errors=tuple(
                p["entry"]["text"]
                for p in of("Log.entryAdded")
                if p["entry"]["level"] in ("error", "warning")
            ),
            exceptions=tuple(
                json.dumps(p["exceptionDetails"]) for p in of("Runtime.exceptionThrown")
            ),
            requests=tuple(
                p["request"]["url"]
                for p in of("Network.requestWillBeSent")
                if p["request"]["url"] != url
            ),
            screenshot=base64.b64decode(shot),
        )

    def close(self) -> None:
        with suppress(EOFError, OSError, RuntimeError, TimeoutError):
            self.call("Browser.close")
        try:
            self._process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        os.close(self._replies)


@contextmanager
def browser(executable: str) -> Iterator[Browser]:
    """A Chromium with a profile of its own, closed (and its profile removed) after."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as folder:
        started = Browser(executable, Path(folder))
        try:
            yield started
        finally:
            started.close()


def print_to_pdf(executable: str, url: str, output: Path) -> None:
    """Print the page at ``url`` to ``output`` with the browser's ``--print-to-pdf``."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as folder:
        subprocess.run(
            [
                executable,
                *SWITCHES,
                f"--user-data-dir={folder}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={output}",
                url,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT * 2,
        )
