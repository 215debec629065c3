"""Progress lines on stderr in the command's language."""

from __future__ import annotations

import io

from teletravail.cli.progress import Progress


def test_progress_in_both_languages() -> None:
    """The stage, the rows and the share done, with French figures and words."""
    for lang, expected in (
        ("en", "\rreading: 12,000 / 24,000 rows (50%)"),
        ("fr", "\rlecture\u00a0: 12\u202f000 / 24\u202f000 lignes (50\u00a0%)"),
    ):
        stream = io.StringIO()
        progress = Progress(stream, lang)  # type: ignore[arg-type]
        progress.start("reading", 24_000)
        progress.update(12_000)
        assert stream.getvalue().endswith(expected)
        progress.finish(24_000)
        done = (
            "reading: 24,000 rows, done"
            if lang == "en"
            else "lecture\u00a0: 24\u202f000 lignes, terminé"
        )
        assert stream.getvalue().endswith("\n")
        assert stream.getvalue().rstrip().endswith(done)


def test_the_live_bar_of_a_terminal_in_both_languages() -> None:
    """On a terminal the bar shows each stage, its rows done of the rows in all (with
    French figures in French) and a time left; each stage stays on its own line."""
    from rich.console import Console

    from teletravail.cli.progress import LiveProgress

    for lang, done in (("en", "24,000 / 24,000 rows"), ("fr", "24\u202f000 / 24\u202f000 lignes")):
        stream = io.StringIO()
        progress = LiveProgress(stream, lang)  # type: ignore[arg-type]
        progress.bar.live.console = Console(file=stream, force_terminal=True, width=120)
        for stage in ("reading", "assessing"):
            progress.start(stage, 24_000)
            for step in range(0, 24_001, 6_000):
                progress.update(step)
            progress.finish(24_000)
        shown = stream.getvalue()
        assert done in shown and "0:00:00" in shown
        stages = ("reading", "assessing") if lang == "en" else ("lecture", "évaluation")
        assert all(stage in shown for stage in stages)


def test_the_live_bar_only_on_a_terminal_and_never_when_quiet(monkeypatch: object) -> None:
    """progress_for draws rich's bar on a terminal, the plain line when asked on a pipe,
    nothing when quiet or for a small input."""
    import sys

    import pytest

    from teletravail.cli.progress import LiveProgress, progress_for

    patch = pytest.MonkeyPatch()
    try:
        patch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
        assert isinstance(progress_for(50_000, asked=False, quiet=False), LiveProgress)
        assert progress_for(50_000, asked=True, quiet=True).stream is None
        assert progress_for(10, asked=True, quiet=False).stream is None
        patch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
        shown = progress_for(50_000, asked=True, quiet=False)
        assert not isinstance(shown, LiveProgress) and shown.stream is sys.stderr
    finally:
        patch.undo()
