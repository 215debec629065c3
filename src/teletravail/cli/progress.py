"""Progress on stderr: a stage and its count of rows on one line, redrawn in place, in
the command's language, and when a run shows it.

On a terminal, with rich installed (the ``progress`` extra), the line is rich's live
progress bar: the stage, a bar, the rows done of the rows in all, the rate in rows a
second and the time left, its figures written in the command's language. rich is the
terminal library most Python tools use; it draws only on a terminal, and the plain
line stays for a run that asks for progress (``--progress``) on a pipe or in a file.
"""

from __future__ import annotations

import sys
from typing import Any, Final, TextIO

from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase

__all__ = ["PROGRESS_ROWS", "STAGES", "LiveProgress", "Progress", "progress_for"]

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


_RATE: Final[dict[Lang, str]] = {"en": "{rate} rows/s", "fr": "{rate} lignes/s"}
_COUNT: Final[dict[Lang, str]] = {"en": "{done} / {total} rows", "fr": "{done} / {total} lignes"}


class LiveProgress(Progress):
    """The progress of a run on a terminal: rich's live bar with the stage, the rows done
    of the rows in all, the rate and the time left (figures in the run's language)."""

    def __init__(self, stream: TextIO, lang: Lang = "en") -> None:
        super().__init__(stream, lang)
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=False,
        )
        self.task: Any = None

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total = stage, total
        if self.task is None:
            self.bar.start()
        else:  # a stage not finished: its line makes way for the next
            self.bar.remove_task(self.task)
        self.task = self.bar.add_task(self._stage(), total=max(total, 1), count="", rate="")
        self.shown = -1
        self.update(0)

    def update(self, done: int) -> None:
        step = min(1000, done * 1000 // max(self.total, 1))  # redrawn each thousandth
        if step != self.shown:
            self.shown = step
            self.bar.update(self.task, completed=done, count=self._count(done), rate=self._rate())

    def finish(self, done: int) -> None:
        if self.task is None:
            return
        self.bar.update(self.task, completed=max(done, 1), total=max(done, 1))
        self.bar.update(self.task, count=self._count(done), rate=self._rate())
        self.bar.stop()  # the finished stage stays on the screen, and leaves the bar
        self.bar.remove_task(self.task)
        self.task = None

    def _count(self, done: int) -> str:
        return _COUNT[self.lang].format(
            done=number(done, self.lang), total=number(self.total, self.lang)
        )

    def _rate(self) -> str:
        task = next((task for task in self.bar.tasks if task.id == self.task), None)
        speed = None if task is None else task.speed
        return "" if not speed else _RATE[self.lang].format(rate=number(round(speed), self.lang))


def progress_for(rows: int, *, asked: bool, quiet: bool, lang: Lang = "en") -> Progress:
    """The progress of a run over ``rows`` rows: shown on stderr for more than
    :data:`PROGRESS_ROWS` rows when asked (``asked``) or when stderr is a terminal,
    never when ``quiet``; otherwise silent. On a terminal, with rich installed, it is a
    live bar with the rate and the time left (:class:`LiveProgress`)."""
    show = rows > PROGRESS_ROWS and not quiet and (asked or sys.stderr.isatty())
    if show and sys.stderr.isatty():
        try:
            return LiveProgress(sys.stderr, lang)
        except ImportError:  # rich is optional (the progress extra): the plain line
            pass
    return Progress(sys.stderr if show else None, lang)
