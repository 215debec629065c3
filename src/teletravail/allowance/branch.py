"""The branches of the French civil service (État, territoriale, hospitalière), read from
their codes or their words in English or French: the public-service forfait's cap differs
by branch (:mod:`.national`)."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from teletravail.errors import ValidationError
from teletravail.messages import EMPTY, Phrase, did_you_mean_among

__all__ = ["BRANCH_WORDS", "Branch", "branch_choices", "plain_words"]


def plain_words(text: str) -> str:
    """``text`` as names are compared: case, accents and separators aside
    (``"Forfait  Télétravail"`` and ``"forfait_teletravail"`` are ``"forfait-teletravail"``)."""
    decomposed = unicodedata.normalize("NFKD", text[:200])
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return "-".join(re.findall(r"[0-9a-z]+", bare))


class Branch(enum.StrEnum):
    """A branch of the French civil service: the forfait's 2024 cap differs by branch."""

    STATE = "state"
    TERRITORIAL = "territorial"
    HOSPITAL = "hospital"

    @property
    def french(self) -> str:
        """The branch's name in French: ``État``, ``territoriale``, ``hospitalière``."""
        return _FRENCH[self]

    @classmethod
    def parse(cls, value: Any, field: str = "branch") -> Branch:
        """A branch from its code or a word for it, in English or French, case and
        accents aside (``"État"``, ``"etat"``, ``"territoriale"``, ``"FPH"``); anything
        else is a :class:`ValidationError` naming ``field`` with a "did you mean"."""
        if isinstance(value, Branch):
            return value
        if isinstance(value, str):
            found = BRANCH_WORDS.get(plain_words(value))
            if found is not None:
                return found
        hint = (
            did_you_mean_among(plain_words(value), tuple(BRANCH_WORDS))
            if isinstance(value, str)
            else EMPTY
        )
        raise ValidationError(field, value, branch_choices() + hint)


_FRENCH: Final = {
    Branch.STATE: "État",
    Branch.TERRITORIAL: "territoriale",
    Branch.HOSPITAL: "hospitalière",
}

#: The words a branch is read from (compared after :func:`plain_words`): its code, its
#: French name, the usual abbreviation (FPE, FPT, FPH) and the full name of the branch.
BRANCH_WORDS: Final[Mapping[str, Branch]] = MappingProxyType(
    {
        "state": Branch.STATE,
        "etat": Branch.STATE,
        "fpe": Branch.STATE,
        "fonction-publique-de-l-etat": Branch.STATE,
        "territorial": Branch.TERRITORIAL,
        "territoriale": Branch.TERRITORIAL,
        "fpt": Branch.TERRITORIAL,
        "fonction-publique-territoriale": Branch.TERRITORIAL,
        "hospital": Branch.HOSPITAL,
        "hospitaliere": Branch.HOSPITAL,
        "hospitalier": Branch.HOSPITAL,
        "fph": Branch.HOSPITAL,
        "fonction-publique-hospitaliere": Branch.HOSPITAL,
    }
)


def branch_choices() -> Phrase:
    """What a branch may be, for error messages."""
    codes = ", ".join(branch.value for branch in Branch)
    french = ", ".join(branch.french for branch in Branch)
    return Phrase(
        "one of: {codes} (in French: {french}; or FPE, FPT, FPH)",
        "une valeur parmi {codes}, {french}, FPE, FPT, FPH",
        codes=codes,
        french=french,
    )
