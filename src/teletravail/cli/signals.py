"""Signals: SIGTERM raised as :class:`Terminated` while a command runs, so that it unwinds
as Ctrl-C does (outputs half-written are removed), and what either stop says."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Final

from teletravail.messages import Phrase

__all__ = ["INTERRUPTED", "TERMINATED", "Terminated", "terminated_on_sigterm"]


class Terminated(BaseException):
    """SIGTERM arrived: unwind (outputs are removed half-written) and stop."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def terminated_on_sigterm() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated`; the handler before is put back
    on the way out. Only the main thread may set a handler: elsewhere nothing changes."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


#: What an interruption (Ctrl-C) says.
INTERRUPTED: Final = Phrase(
    "interrupted (no output file is left half-written)",
    "interrompu (aucun fichier de sortie n'est laissé à moitié écrit)",
)
#: What a stop by SIGTERM says.
TERMINATED: Final = Phrase(
    "stopped by SIGTERM (no output file is left half-written)",
    "arrêté par SIGTERM (aucun fichier de sortie n'est laissé à moitié écrit)",
)
