"""Progress on stderr: a stage and its count of rows on one line, redrawn in place, and
when a run shows it."""

from __future__ import annotations

import sys
from typing import TextIO

__all__ = ["PROGRESS_ROWS", "Progress", "progress_for"]

#: ``assess`` shows its progress for inputs of more rows than this (when asked to). The
#: command reads it here when it runs: ``teletravail.cli.PROGRESS_ROWS`` is the same
#: value, re-exported, and setting that copy changes nothing.
PROGRESS_ROWS = 10_000


class Progress:
    """A stage and its count of rows on one line of ``stream``, redrawn in place; a
    silent no-op without a stream."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.stage = ""
        self.total = 0
        self.shown = -1
        self.width = 0

    def _draw(self, text: str, end: str = "") -> None:
        if self.stream is None:
            return
        self.stream.write("\r" + text.ljust(self.width) + end)
        self.stream.flush()
        self.width = 0 if end else len(text)

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total, self.shown = stage, total, -1
        self.update(0)

    def update(self, done: int) -> None:
        percent = min(100, done * 100 // max(self.total, 1))
        if self.stream is not None and percent != self.shown:
            self.shown = percent
            self._draw(f"{self.stage}: {done:,} / {self.total:,} rows ({percent} %)")

    def finish(self, done: int) -> None:
        self._draw(f"{self.stage}: {done:,} rows, done", "\n")


def progress_for(rows: int, *, asked: bool, quiet: bool) -> Progress:
    """The progress of a run over ``rows`` rows: shown on stderr for more than
    :data:`PROGRESS_ROWS` rows when asked (``asked``) or when stderr is a terminal,
    never when ``quiet``; otherwise silent."""
    show = rows > PROGRESS_ROWS and not quiet and (asked or sys.stderr.isatty())
    return Progress(sys.stderr if show else None)
