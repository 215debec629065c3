"""The places of telework in a policy document: home, a télécentre, elsewhere.

A list of places (:func:`place_list`) is written with the places' English names or
their French words (:data:`PLACE_WORDS_FR`): ``domicile``, ``télécentre`` or
``tiers-lieu``, ``autre``.
"""

from __future__ import annotations

from typing import Final

from teletravail.documents import Choice, ListOf
from teletravail.week import PlaceKind

__all__ = ["PLACE_WORDS_FR", "place_list"]

#: The French words of the places of telework.
PLACE_WORDS_FR: Final = {
    "domicile": "home",
    "télécentre": "telecentre",
    "tiers-lieu": "telecentre",
    "autre": "other",
}


def place_list() -> ListOf:
    """The kind of a list of places, each once (two words for one place are one)."""
    return ListOf(Choice([p.value for p in PlaceKind], PLACE_WORDS_FR), unique=True)
