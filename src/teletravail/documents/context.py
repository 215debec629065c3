"""What reading or writing one document carries along, and how its problems are said.

:class:`Context` collects the problems found while a document is read (each with its key
path), the document's named sources and the depth of rule nesting; :data:`BAD` is what
reading a value returns once its problem is recorded. :func:`suggest` and :func:`listed`
say, briefly, which names were meant and which exist, whatever their number.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from teletravail.errors import Problem
from teletravail.messages import EMPTY, Phrase, did_you_mean, french_count

if TYPE_CHECKING:  # the sources are described with these kinds: they sit above them
    from teletravail.sources import Source

__all__ = ["BAD", "Context", "join_path", "listed", "suggest"]


class _Bad:
    """The result of reading a value that had a problem (already recorded)."""

    def __repr__(self) -> str:
        return "<bad>"


BAD: Final = _Bad()


def join_path(path: str, key: str) -> str:
    """The key path of ``key`` inside ``path`` (``quota.maximum``; ``name`` at the top)."""
    return f"{path}.{key}" if path else key


#: How many names a "did you mean" compares, and lists, at the most, and for how many
#: misspellings: a document may declare thousands of sources, and misspellings must
#: cost little and say little.
_MOST_COMPARED = 50
_MOST_HINTS = 20  # misspellings of a document that get a "did you mean"
_MOST_LISTED = 10


def suggest(word: str, known: Sequence[str], ctx: Context) -> Phrase:
    """`` (did you mean 'x'?)`` for the closest of ``known``, or nothing. Only names of
    about the word's length are compared (at most 50 of them), only the word's first
    100 characters, and only for a document's first few misspellings: the cost of
    misspellings is bounded whatever their number."""
    if ctx.hints <= 0:
        return EMPTY
    ctx.hints -= 1
    word = word[:100].lower()
    near = [k for k in known if abs(len(k) - len(word)) <= 3][:_MOST_COMPARED]
    guess = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return did_you_mean(guess[0] if guess else None)


def listed(names: Sequence[str]) -> Phrase:
    """The first few of ``names``, and how many more there are."""
    shown = ", ".join(names[:_MOST_LISTED])
    more = len(names) - _MOST_LISTED
    if more > 0:
        return Phrase(
            "{shown} and {more} more",
            "{shown} et {others}",
            shown=shown,
            more=more,
            others=french_count(more, "autre", "autres"),
        )
    return Phrase(shown, shown)


class Context:
    """What reading or writing one document carries along: the problems found, the
    document's named sources and the depth of rule nesting."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.source_ids: dict[Source, str] = {}
        self.depth = 0

    def fail(self, path: str, value: Any, expected: str) -> _Bad:
        """Record a problem (``expected``: a :class:`Phrase`, or the ``expected`` of an
        error caught) and return :data:`BAD`."""
        self.failures += 1  # how many times reading failed (a problem said once or more)
        if path not in self.screened:  # a value the screening refused: said once
            self.problems.append(Problem(path, value, expected))
        return BAD

    screened: frozenset[str] = frozenset()
    failures = 0
    hints = _MOST_HINTS
