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
