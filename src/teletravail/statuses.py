"""Row statuses: the one vocabulary that says what became of each row of a register, in
every decision, table, CSV and JSON output of the package.

:class:`RowStatus` names each status once, with its meaning in English and French
(:attr:`RowStatus.meaning`). Each kind of output gives some of them, listed here
(:data:`OUTPUTS`), so that one word always means one thing: ``refused`` is an ask that
the rules of a quota or of the places refuse, never an agent who is not eligible
(``not_eligible``); ``invalid`` is a row read but not assessed, ``rejected`` a row that
could not be read. ``docs/statuses.md`` holds :func:`reference`, and a test keeps the two
equal.

The outputs write the statuses as plain text (``RowStatus.GRANTED.value`` is
``"granted"``); a :class:`RowStatus` compares equal to its text.

>>> print(RowStatus("not_eligible").meaning.text("fr"))
ne remplit pas les conditions d'éligibilité\u00a0: les critères en cause sont nommés
>>> "refused" in ELIGIBILITY_STATUSES
False
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

from teletravail.messages import Phrase

__all__ = [
    "ASSESSMENT_STATUSES",
    "ELIGIBILITY_STATUSES",
    "OUTPUTS",
    "ROW_COLUMNS",
    "ROW_STATUSES",
    "SELECTION_STATUSES",
    "TABLE_STATUSES",
    "RowStatus",
    "reference",
]


class RowStatus(enum.StrEnum):
    """What became of one row of a register (one agent)."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"
    GRANTED = "granted"
    REFUSED = "refused"
    NOT_ASKED = "not_asked"
    NOT_CONCERNED = "not_concerned"
    INVALID = "invalid"
    REJECTED = "rejected"

    @property
    def meaning(self) -> Phrase:
        """What the status says of a row, in English and French."""
        return _MEANINGS[self]

    @property
    def plural_label(self) -> Phrase:
        """:attr:`label` heading a count of agents (``éligibles``, ``accordés``; the
        English is the same as :attr:`label`)."""
        return _PLURAL_LABELS.get(self, _LABELS[self])

    @property
    def label(self) -> Phrase:
        """The status in a word or two, as a table or a text heads it (``granted``,
        ``accordé``; ``not concerned``, ``non concerné``)."""
        return _LABELS[self]


_LABELS: Final[Mapping[RowStatus, Phrase]] = {
    RowStatus.ELIGIBLE: Phrase("eligible", "éligible"),
    RowStatus.NOT_ELIGIBLE: Phrase("not eligible", "non éligible"),
    RowStatus.SELECTED: Phrase("selected", "retenu"),
    RowStatus.NOT_SELECTED: Phrase("not selected", "non retenu"),
    RowStatus.GRANTED: Phrase("granted", "accordé"),
    RowStatus.REFUSED: Phrase("refused", "refusé"),
    RowStatus.NOT_ASKED: Phrase("not asked", "sans demande"),
    RowStatus.NOT_CONCERNED: Phrase("not concerned", "non concerné"),
    RowStatus.INVALID: Phrase("not assessed", "non évalué"),
    RowStatus.REJECTED: Phrase("unreadable", "illisible"),
}

_PLURAL_LABELS: Final[Mapping[RowStatus, Phrase]] = {
    RowStatus.ELIGIBLE: Phrase("eligible", "éligibles"),
    RowStatus.NOT_ELIGIBLE: Phrase("not eligible", "non éligibles"),
    RowStatus.SELECTED: Phrase("selected", "retenus"),
    RowStatus.NOT_SELECTED: Phrase("not selected", "non retenus"),
    RowStatus.GRANTED: Phrase("granted", "accordés"),
    RowStatus.REFUSED: Phrase("refused", "refusés"),
    RowStatus.NOT_CONCERNED: Phrase("not concerned", "non concernés"),
    RowStatus.INVALID: Phrase("not assessed", "non évalués"),
    RowStatus.REJECTED: Phrase("unreadable", "illisibles"),
}

_MEANINGS: Final[Mapping[RowStatus, Phrase]] = {
    RowStatus.ELIGIBLE: Phrase(
        "meets the eligibility rule on the reference date",
        "remplit les conditions d'éligibilité à la date de référence",
    ),
    RowStatus.NOT_ELIGIBLE: Phrase(
        "does not meet the eligibility rule: the criteria in the way are named",
        "ne remplit pas les conditions d'éligibilité\u00a0: les critères en cause sont nommés",
    ),
    RowStatus.SELECTED: Phrase(
        "eligible, and given one of the seats of a selection campaign",
        "éligible, et retenu pour l'une des places d'une campagne de sélection",
    ),
    RowStatus.NOT_SELECTED: Phrase(
        "eligible, but left without a seat by a selection campaign (its waiting list)",
        "éligible, mais laissé sans place par une campagne de sélection (sa liste d'attente)",
    ),
    RowStatus.GRANTED: Phrase(
        "eligible (and selected, where the scheme selects), and the telework asked for "
        "is granted, as asked or reduced to what the rules allow",
        "éligible (et retenu, quand le dispositif sélectionne), et le télétravail demandé "
        "est accordé, tel quel ou ramené à ce que les règles permettent",
    ),
    RowStatus.REFUSED: Phrase(
        "eligible, but the ask breaks a rule of the quota or of the places: the rules "
        "in the way are named",
        "éligible, mais la demande enfreint une règle du quota ou des lieux\u00a0: les "
        "règles en cause sont nommées",
    ),
    RowStatus.NOT_ASKED: Phrase(
        "eligible, but asks for no day of telework (under a quota without floating days): "
        "nothing is granted or paid",
        "éligible, mais ne demande aucun jour de télétravail (sous un quota sans jours "
        "flottants)\u00a0: rien n'est accordé ni versé",
    ),
    RowStatus.NOT_CONCERNED: Phrase(
        "outside the scheme: in none of its populations, or in one declared outside it; "
        "not a refusal",
        "hors du dispositif\u00a0: dans aucune de ses populations, ou dans une qui en est "
        "déclarée exclue\u00a0; ce n'est pas un refus",
    ),
    RowStatus.INVALID: Phrase(
        "read, but not assessed on the date (hired after it, absences in another year "
        "than those assessed...): its error says why",
        "lue, mais pas évaluée à la date (recrutement postérieur, absences d'une autre "
        "année que celles évaluées...)\u00a0: son erreur dit pourquoi",
    ),
    RowStatus.REJECTED: Phrase(
        "could not be read into the workforce (a bad cell, a row that cannot be split "
        "into cells): its error says why",
        "n'a pas pu être lue dans l'effectif (une cellule erronée, une ligne qui ne se "
        "découpe pas en cellules)\u00a0: son erreur dit pourquoi",
    ),
}

#: Every status, in the order of :class:`RowStatus`.
ROW_STATUSES: Final[tuple[str, ...]] = tuple(status.value for status in RowStatus)

#: The statuses of an eligibility decision's rows (``BatchDecision.to_records``).
ELIGIBILITY_STATUSES: Final[tuple[str, ...]] = (
    RowStatus.ELIGIBLE.value,
    RowStatus.NOT_ELIGIBLE.value,
    RowStatus.INVALID.value,
    RowStatus.REJECTED.value,
)
#: The statuses of a selection campaign's agents (``Selection.status``).
SELECTION_STATUSES: Final[tuple[str, ...]] = (
    RowStatus.SELECTED.value,
    RowStatus.NOT_SELECTED.value,
    RowStatus.NOT_ELIGIBLE.value,
    RowStatus.INVALID.value,
)
#: The statuses of a policy's assessment of its agents, in the order of their codes in
#: an assessment's ``status`` column (``teletravail.policy.STATUSES``).
ASSESSMENT_STATUSES: Final[tuple[str, ...]] = (
    RowStatus.GRANTED.value,
    RowStatus.REFUSED.value,
    RowStatus.NOT_ELIGIBLE.value,
    RowStatus.NOT_SELECTED.value,
    RowStatus.INVALID.value,
    RowStatus.NOT_ASKED.value,
    RowStatus.NOT_CONCERNED.value,
)
#: The statuses of the tables of an assessment with one row per input row
#: (``tables.assessment_frame``, ``teletravail assess``): an assessment's, and
#: ``rejected`` for a row that could not be read.
TABLE_STATUSES: Final[tuple[str, ...]] = (*ASSESSMENT_STATUSES, RowStatus.REJECTED.value)

#: Each kind of output and the statuses its rows may have.
OUTPUTS: Final[Mapping[str, tuple[str, ...]]] = {
    "eligibility decisions: `BatchDecision.to_records()`, `to_pandas()`, `summary()`": (
        ELIGIBILITY_STATUSES
    ),
    "selection campaigns: `Selection.status()`, `to_records()`, `explain()`": (SELECTION_STATUSES),
    "assessments: `Assessment.status`, `BatchAssessment.statuses()`, `to_pandas()`": (
        ASSESSMENT_STATUSES
    ),
    "one row per input row: `tables.assessment_frame()`, `teletravail assess` (CSV, JSON)": (
        TABLE_STATUSES
    ),
    "the counts of `BatchAssessment.totals()`": (
        RowStatus.ELIGIBLE.value,
        RowStatus.GRANTED.value,
        RowStatus.REFUSED.value,
        RowStatus.NOT_ASKED.value,
        RowStatus.NOT_CONCERNED.value,
    ),
    "the counts of `tables.row_counts()`": (RowStatus.INVALID.value, RowStatus.REJECTED.value),
    "the counts of `teletravail bilan` (`--json`; `selected`, `not_selected` under `selection`)": (
        ROW_STATUSES
    ),
}


def reference() -> str:
    """The statuses as Markdown tables: each with its meaning, then each output with the
    statuses it gives (``docs/statuses.md`` holds this text)."""
    lines = ["| status | meaning |", "| --- | --- |"]
    lines += [f"| `{status.value}` | {status.meaning} |" for status in RowStatus]
    lines += ["", "| output | statuses |", "| --- | --- |"]
    for output, statuses in OUTPUTS.items():
        lines.append(f"| {output} | {', '.join(f'`{s}`' for s in statuses)} |")
    return "\n".join(lines) + "\n"


#: The columns of an assessment's rows written flat (CSV, spreadsheets): each input row's
#: number, id, status (a word of this vocabulary), population, the rules in the way, its
#: figures with their units in the names, and the error of a bad row
#: (:func:`teletravail.policy.rows.flat_rows`, ``teletravail assess``). Here, beside the
#: statuses, so that the command line reads them without loading the library.
ROW_COLUMNS: Final = (
    "row",
    "id",
    "status",
    "population",
    "failures",
    "asked_workday_per_week",
    "granted_workday_per_week",
    "days_workday",
    "allowance_eur",
    "employer_costs_eur",
    "distance_km",
    "time_h",
    "net_kg_co2e",
    "saved_eur",
    "error",
)
