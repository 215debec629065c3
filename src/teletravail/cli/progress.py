"""Progress on stderr: a stage and its count of rows on one line, redrawn in place, in
the command's language, and when a run shows it."""

from __future__ import annotations

import sys
from typing import Final, TextIO

from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase

__all__ = ["PROGRESS_ROWS", "STAGES", "Progress", "progress_for"]

#: ``assess`` shows its progress for inputs of more rows than this (when asked to). The
#: command reads it here when it runs: ``teletravail.cli.PROGRESS_ROWS`` is the same
#: value, re-exported, and setting that copy changes nothing.
PROGRESS_ROWS = 10_000

#: The stages of a run, by the names the commands give them, in English and French.
STAGES: Final[dict[str, Phrase]] = {
    "reading": Phrase("reading", "lecture"),
    "assessing": Phrase("assessing", "évaluation"),
    "writing rows": Phrase("writing rows", "écriture des lignes"),
}
_LINE: Final[dict[Lang, str]] = {
    "en": "{stage}: {done} / {total} rows ({percent})",
    "fr": "{stage}" + NBSP + ": {done} / {total} lignes ({percent})",
}
_DONE: Final[dict[Lang, str]] = {
    "en": "{stage}: {done} rows, done",
    "fr": "{stage}" + NBSP + ": {done} lignes, terminé",
}
_PERCENT: Final[dict[Lang, str]] = {"en": "{n}%", "fr": "{n}" + NBSP + "%"}


class Progress:
    """A stage and its count of rows on one line of ``stream``, redrawn in place; a
    silent no-op without a stream."""

    def __init__(self, stream: TextIO | None, lang: Lang = "en") -> None:
        self.stream = stream
        self.lang: Lang = lang
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
            self._draw(
                _LINE[self.lang].format(
                    stage=self._stage(),
                    done=number(done, self.lang),
                    total=number(self.total, self.lang),
                    percent=_PERCENT[self.lang].format(n=percent),
                )
            )

    def finish(self, done: int) -> None:
        line = _DONE[self.lang].format(stage=self._stage(), done=number(done, self.lang))
        self._draw(line, "\n")

    def _stage(self) -> str:
        known = STAGES.get(self.stage)
        return self.stage if known is None else known.text(self.lang)


def progress_for(rows: int, *, asked: bool, quiet: bool, lang: Lang = "en") -> Progress:
    """The progress of a run over ``rows`` rows: shown on stderr for more than
    :data:`PROGRESS_ROWS` rows when asked (``asked``) or when stderr is a terminal,
    never when ``quiet``; otherwise silent."""
    show = rows > PROGRESS_ROWS and not quiet and (asked or sys.stderr.isatty())
    return Progress(sys.stderr if show else None, lang)
