"""The selection campaign of a policy document: seats allotted among eligible agents.

:func:`selection_table` describes the ``selection`` table: the number of seats and the
column that ranks the agents (a ranking function is code, which no document holds).
"""

from __future__ import annotations

from typing import Any

from teletravail.documents import Choice, Flag, Key, Number, Table, Text, non_defaults
from teletravail.eligibility.selection import RANKING_KEYS, SelectionCampaign
from teletravail.errors import ValidationError
from teletravail.messages import Phrase

__all__ = ["selection_table"]


def selection_table() -> Table:
    """The ``selection`` table: a selection campaign, which a ranking function (code)
    cannot be written as."""

    def dump(obj: SelectionCampaign) -> dict[str, Any]:
        if callable(obj.rank_by):
            raise ValidationError(
                "selection.rank_by",
                obj.rank_by,
                Phrase(
                    "a column name (a ranking function is code)",
                    "un nom de colonne (une fonction de classement est du code)",
                ),
            )
        return non_defaults(obj, "rank_by", "descending", "name") | {"seats": obj.seats}

    return Table(
        "selection",
        "Seats allotted among eligible agents, ranked by one column.",
        [
            Key("seats", Number(0, 10**9, whole=True), "the number of seats", True),
            Key("rank_by", Choice(RANKING_KEYS), "the column ranking the agents"),
            Key("descending", Flag(), "largest first (default true)"),
            Key("name", Text(empty=True), "the campaign's name"),
        ],
        lambda data: SelectionCampaign(**data),
        dump,
    )
