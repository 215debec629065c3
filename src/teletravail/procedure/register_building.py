"""The columns of an authorisation register, built from histories or from a table.

:class:`~teletravail.procedure.register.AuthorisationRegister` holds, for each
authorisation, the dates that decide its state and deadlines on any day. This module
builds those columns: from :class:`~teletravail.procedure.history.AuthorisationHistory`
values (one pass over the histories, each already valid), or from columns of a table
(arrays, or a pandas DataFrame), checked column by column; a bad row is reported with
its number, its field and what was expected, and the others are still read.

The calendar arithmetic on columns is the library's rule
(:meth:`~teletravail.dated.Duration.after`): the months are added first, a day that
does not exist in the month reached clipped to its last day, then the days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from teletravail._columns import readonly
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.errors import RowError, ValidationError
from teletravail.messages import Phrase, choices
from teletravail.policy.terms import AuthorisationTerms
from teletravail.workforce import ContractType

from .framework import AppealBody, Sector, appeal_body, procedure_in_force
from .history import AuthorisationHistory
from .states import GRANTED, EventKind, State

__all__ = [
    "BODIES",
    "COLUMNS",
    "NAT",
    "SECTORS",
    "STATES",
    "Errors",
    "columns_from_histories",
    "columns_from_table",
    "shifted",
]

#: What a bad row does: ``"raise"`` its problem, or ``"report"`` it and read the others.
Errors = Literal["raise", "report"]

#: Each state's code in the ``state`` column is its place here.
STATES: Final[tuple[State, ...]] = tuple(State)
#: Each sector's code in the ``sector`` column is its place here.
SECTORS: Final[tuple[Sector, ...]] = tuple(Sector)
#: Each appeal body's code in the ``body`` column is its place here (``-1``: none).
BODIES: Final[tuple[AppealBody, ...]] = tuple(AppealBody)

#: The missing date of a column.
NAT: Final = np.datetime64("NaT", "D")

#: The columns a table may give: a name and what it holds.
COLUMNS: Final[Mapping[str, str]] = {
    "id": "the authorisation's id (the row's number when left out)",
    "sector": "public or private (public when left out)",
    "contract": "the agent's contract (the appeal body follows it)",
    "state": "the state the last event recorded left",
    "request": "the day the request was received",
    "campaign_closes": "the closing date of the call for requests it answers",
    "start": "the first day of the last grant",
    "adaptation_end": "the last day of its adaptation period",
    "term": "the term the act sets (a duration: '1 year', '6 mois')",
    "renewals": "how many renewals were recorded since the grant",
    "appeal": "the day of the last appeal",
    "effective": "the first day without telework, after an ending",
}

_DATES: Final = ("request", "campaign_closes", "start", "adaptation_end", "appeal", "effective")
#: The states that need a grant before them.
_NEED_GRANT: Final = GRANTED | {State.SUSPENDED, State.ENDED}
_NO_GRANT: Final = frozenset({State.REQUESTED, State.UNDER_REVIEW})


def shifted(
    days: npt.NDArray[np.datetime64], months: Any, plus: Any = 0
) -> npt.NDArray[np.datetime64]:
    """``days`` moved on by ``months`` months (month ends clipped to the last day of the
    month reached) then ``plus`` days, row by row; a missing day stays missing."""
    days = np.asarray(days, dtype="M8[D]")
    missing = np.isnat(days)
    safe = np.where(missing, np.datetime64("2000-01-01", "D"), days)
    month = safe.astype("M8[M]")
    into = (safe - month.astype("M8[D]")).astype(np.int64)
    target = month + np.asarray(months, dtype=np.int64).astype("m8[M]")
    first = target.astype("M8[D]")
    length = ((target + np.timedelta64(1, "M")).astype("M8[D]") - first).astype(np.int64)
    moved = first + (np.minimum(into, length - 1) + np.asarray(plus, dtype=np.int64)).astype(
        "m8[D]"
    )
    result: npt.NDArray[np.datetime64] = np.where(missing, NAT, moved)
    return result


def _months_days(duration: Duration) -> tuple[int, int]:
    return 12 * duration.years + duration.months, duration.days


def answer_due(
    request: npt.NDArray[np.datetime64],
    closes: npt.NDArray[np.datetime64],
    sector: npt.NDArray[np.int8],
) -> npt.NDArray[np.datetime64]:
    """The day a written answer is due for each request: the time the procedure in force
    on the request's day gives, from the receipt or from a later campaign's close (one
    call of the procedure per distinct day and sector, not per row)."""
    due = np.full(len(request), NAT)
    late = ~np.isnat(closes) & (closes >= request)
    base = np.where(late, closes, request)
    present = ~np.isnat(request)
    keys = request.astype(np.int64) * len(SECTORS) + sector
    unique, inverse = np.unique(keys[present], return_inverse=True)
    within = np.full(len(unique), -1, dtype=np.int64)
    spans: list[Duration] = []
    for index, key in enumerate(unique.tolist()):
        days, code = divmod(key, len(SECTORS))
        day = dt.date(1970, 1, 1) + dt.timedelta(days=days)
        answer = procedure_in_force(day, SECTORS[code]).answer_within
        if answer is not None:
            if answer not in spans:
                spans.append(answer)
            within[index] = spans.index(answer)
    chosen = np.full(len(request), -1, dtype=np.int64)
    chosen[present] = within[inverse]
    for index, span in enumerate(spans):
        rows = chosen == index
        months, days = _months_days(span)
        due[rows] = shifted(base[rows], months, days)
    return due


def _day(value: dt.date | None) -> np.datetime64:
    return NAT if value is None else np.datetime64(value, "D")


def columns_from_histories(
    histories: Sequence[AuthorisationHistory],
) -> tuple[dict[str, Any], AuthorisationTerms | None]:
    """The columns of ``histories`` (one pass over them), and the scheme's terms they
    share; every history needs its request, and they all share one scheme's terms."""
    items = list(histories)
    first = items[0] if items else None
    terms = first.terms if isinstance(first, AuthorisationHistory) else None
    n = len(items)
    sector = np.empty(n, dtype=np.int8)
    body = np.empty(n, dtype=np.int8)
    state = np.empty(n, dtype=np.int8)
    dates = {name: np.full(n, NAT) for name in _DATES}
    term = np.zeros((n, 2), dtype=np.int32)
    renewals = np.zeros(n, dtype=np.int32)
    term_end = np.full(n, NAT)
    for row, history in enumerate(items):
        if not isinstance(history, AuthorisationHistory):
            raise ValidationError(
                f"histories[{row}]",
                history,
                Phrase("an AuthorisationHistory", "un objet AuthorisationHistory"),
            )
        if history.terms != terms:
            raise ValidationError(
                f"histories[{row}].terms",
                history.terms,
                Phrase(
                    "the scheme's terms of the first history: a register holds one scheme",
                    "les conditions du dispositif du premier historique\u00a0: un registre"
                    " relève d'un seul dispositif",
                ),
            )
        life = history.life
        if life.request is None or life.state is None:
            raise ValidationError(
                f"histories[{row}].events",
                [],
                Phrase(
                    "a history that starts with its request",
                    "un historique qui commence par sa demande",
                ),
            )
        sector[row] = SECTORS.index(history.sector)
        found = appeal_body(history.contract)
        body[row] = -1 if found is None else BODIES.index(found)
        state[row] = STATES.index(life.state)
        dates["request"][row] = _day(life.request.on)
        dates["campaign_closes"][row] = _day(life.request.campaign_closes)
        grant = life.grant
        if grant is not None:
            dates["start"][row] = _day(grant.first_day)
            dates["adaptation_end"][row] = _day(life.adaptation_end())
            if grant.duration is not None:
                term[row] = _months_days(grant.duration)
                renewals[row] = life.renewals
                term_end[row] = _day(life.term_end())
        appeals = [event.on for event in history.events if event.kind is EventKind.APPEAL]
        if appeals:
            dates["appeal"][row] = _day(appeals[-1])
        if life.ending is not None:
            dates["effective"][row] = _day(life.ending.effective or life.ending.on)
    columns: dict[str, Any] = {
        "ids": np.arange(n, dtype=np.int64),
        "sector": sector,
        "body": body,
        "state": state,
        **dates,
        "term_months": term[:, 0].copy(),
        "term_days": term[:, 1].copy(),
        "renewals": renewals,
        "term_end": term_end,
        "source_rows": np.arange(n, dtype=np.int64),
    }
    columns["answer_due"] = answer_due(dates["request"], dates["campaign_closes"], sector)
    return {name: readonly(value) for name, value in columns.items()}, terms


# -- from a table -----------------------------------------------------------------------


class _Rows:
    """The bad rows found so far: each row's first problem, in row order."""

    def __init__(self, n: int, errors: Errors) -> None:
        self.bad = np.zeros(n, dtype=bool)
        self.problems: dict[int, RowError] = {}
        self.errors = errors

    def fail(self, mask: npt.NDArray[np.bool_], field: str, values: Any, expected: Phrase) -> None:
        rows = np.flatnonzero(mask & ~self.bad)
        if not len(rows):
            return
        if self.errors == "raise":
            row = int(rows[0])
            raise ValidationError(f"rows[{row}].{field}", _cell(values, row), expected)
        for row in rows.tolist():
            error = ValidationError(field, _cell(values, row), expected)
            self.problems[row] = RowError.from_error(row, error)
        self.bad[rows] = True


def _cell(values: Any, row: int) -> Any:
    value = values[row]
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else str(value)
    return value.item() if isinstance(value, np.generic) else value


def _missing(values: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """Where a column has no value: NaT, NaN, ``None`` or blank text."""
    if values.dtype.kind == "M":
        found: npt.NDArray[np.bool_] = np.isnat(values)
        return found
    if values.dtype.kind == "f":
        nan: npt.NDArray[np.bool_] = np.isnan(values)
        return nan
    if values.dtype.kind in "iub":
        return np.zeros(len(values), dtype=bool)
    return np.fromiter(
        (
            value is None
            or (isinstance(value, str) and not value.strip())
            or (not isinstance(value, str) and bool(value != value))
            for value in values.tolist()
        ),
        dtype=bool,
        count=len(values),
    )


def _codes(values: npt.NDArray[Any], missing: npt.NDArray[np.bool_]) -> tuple[Any, Any]:
    """The distinct present values (as text) and each row's place among them (``-1``
    where missing)."""
    inverse = np.full(len(values), -1, dtype=np.int64)
    present = ~missing
    text = np.asarray(values[present], dtype=object).astype(str)
    unique, places = np.unique(text, return_inverse=True)
    inverse[present] = places
    return unique.tolist(), inverse


def _distinct(values: npt.NDArray[Any]) -> tuple[list[str], npt.NDArray[np.int64]]:
    """:func:`_codes` of a column: a column of numpy text is read whole (its distinct
    values found first, a blank one missing), any other cell by cell."""
    if values.dtype.kind in "US":
        unique, inverse = np.unique(values, return_inverse=True)
        texts = [str(text) for text in unique.tolist()]
        blank = np.array([not text.strip() for text in texts] + [True], dtype=bool)
        places: npt.NDArray[np.int64] = np.where(blank[inverse], -1, inverse).astype(np.int64)
        return texts, places
    objects = values.astype(object)
    found: tuple[list[str], npt.NDArray[np.int64]] = _codes(objects, _missing(objects))
    return found


def _dates(column: Any, name: str, rows: _Rows) -> npt.NDArray[np.datetime64]:
    values = np.asarray(column)
    if values.dtype.kind == "M":
        return values.astype("M8[D]")
    unique, inverse = _distinct(values)
    days = np.full(len(unique) + 1, NAT)  # the last one for missing cells
    bad = np.zeros(len(unique) + 1, dtype=bool)
    for index, text in enumerate(unique):
        try:
            days[index] = np.datetime64(to_date(text, name), "D")
        except ValidationError:
            bad[index] = True
    rows.fail(bad[inverse], name, values, Phrase("a date YYYY-MM-DD", "une date AAAA-MM-JJ"))
    found: npt.NDArray[np.datetime64] = days[inverse]
    return found


def _choice(
    column: Any, name: str, rows: _Rows, read: Any, known: Sequence[str]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Each row's value read by ``read`` (a code), ``-1`` where missing."""
    values = np.asarray(column)
    unique, inverse = _distinct(values)
    missing = inverse < 0
    codes = np.full(len(unique) + 1, -1, dtype=np.int64)
    bad = np.zeros(len(unique) + 1, dtype=bool)
    for index, text in enumerate(unique):
        try:
            codes[index] = read(text)
        except (ValueError, ValidationError):
            bad[index] = True
    rows.fail(bad[inverse], name, values, choices(list(known)))
    return codes[inverse], missing


def _contract_body(text: str) -> int:
    found = appeal_body(ContractType(text.strip().lower()))
    return -1 if found is None else BODIES.index(found)


def _term(text: str) -> int:
    duration = Duration.parse(text)
    if duration == Duration():
        raise ValueError(text)
    return _pack(duration)


def _pack(duration: Duration) -> int:
    months, days = _months_days(duration)
    return months * 100_000 + days


def columns_from_table(table: Mapping[str, Any], *, errors: Errors = "raise") -> dict[str, Any]:
    """The columns of a table of authorisations (see :data:`COLUMNS`), the good rows
    kept; with ``errors="report"`` the bad ones are listed as ``rejected``."""
    unknown = sorted(set(table) - set(COLUMNS))
    if unknown:
        raise ValidationError("columns", unknown, choices(list(COLUMNS)))
    for name in ("state", "request"):
        if name not in table:
            raise ValidationError(
                "columns", sorted(table), Phrase("a column {name}", "une colonne {name}", name=name)
            )
    lengths = {len(np.asarray(table[name])) for name in table}
    if len(lengths) != 1:
        raise ValidationError(
            "columns",
            sorted(lengths),
            Phrase("columns of one length", "des colonnes de même longueur"),
        )
    n = lengths.pop()
    rows = _Rows(n, errors)
    state, no_state = _choice(
        table["state"],
        "state",
        rows,
        lambda text: STATES.index(State(text.strip().lower())),
        [state.value for state in State],
    )
    rows.fail(
        no_state,
        "state",
        np.asarray(table["state"]),
        choices([state.value for state in State]),
    )
    if "sector" in table:
        sector, _ = _choice(
            table["sector"],
            "sector",
            rows,
            lambda text: SECTORS.index(Sector(text.strip())),
            [sector.value for sector in Sector],
        )
        sector = np.where(sector < 0, 0, sector)
    else:
        sector = np.zeros(n, dtype=np.int64)
    if "contract" in table:
        body, _ = _choice(
            table["contract"],
            "contract",
            rows,
            _contract_body,
            [kind.value for kind in ContractType],
        )
    else:
        body = np.full(n, -1, dtype=np.int64)
    dates = {
        name: _dates(table[name], name, rows) if name in table else np.full(n, NAT)
        for name in _DATES
    }
    request = dates["request"]
    rows.fail(
        np.isnat(request),
        "request",
        request,
        Phrase("the day of the request", "le jour de la demande"),
    )
    after = Phrase("a day on or after the request", "un jour égal ou postérieur à la demande")
    for name in ("start", "adaptation_end", "appeal", "effective"):
        rows.fail(dates[name] < request, name, dates[name], after)
    start = dates["start"]
    codes = state
    need = np.isin(codes, [STATES.index(s) for s in _NEED_GRANT])
    rows.fail(
        need & np.isnat(start),
        "start",
        start,
        Phrase(
            "the first day of the grant, for a state after a grant",
            "le premier jour de l'accord, pour un état qui suit un accord",
        ),
    )
    before = np.isin(codes, [STATES.index(s) for s in _NO_GRANT])
    rows.fail(
        before & ~np.isnat(start),
        "start",
        start,
        Phrase(
            "no grant for a request not answered yet", "aucun accord pour une demande sans réponse"
        ),
    )
    end = dates["adaptation_end"]
    rows.fail(
        np.isnat(start) & ~np.isnat(end),
        "adaptation_end",
        end,
        Phrase("a start to the grant first", "d'abord un début de l'accord"),
    )
    rows.fail(
        end < start,
        "adaptation_end",
        end,
        Phrase(
            "a day on or after the grant's start", "un jour égal ou postérieur au début de l'accord"
        ),
    )
    _check_adaptation(start, end, sector, rows)
    appeal = dates["appeal"]
    rows.fail(
        (codes == STATES.index(State.APPEALED)) & np.isnat(appeal),
        "appeal",
        appeal,
        Phrase("the day of the appeal", "le jour du recours"),
    )
    if "term" in table:
        packed, _ = _choice(table["term"], "term", rows, _term, ["1 year", "6 months", "P1Y"])
    else:
        packed = np.full(n, -1, dtype=np.int64)
    term = np.where(packed < 0, 0, packed)
    months, days = term // 100_000, term % 100_000
    rows.fail(
        (packed >= 0) & np.isnat(start),
        "term",
        np.asarray(table.get("term", np.full(n, None))),
        Phrase("a start to the grant first", "d'abord un début de l'accord"),
    )
    renewals = _renewals(table.get("renewals"), n, rows)
    rows.fail(
        (renewals > 0) & (packed < 0),
        "renewals",
        renewals,
        Phrase("0, for an act without a term", "0, pour un acte sans durée"),
    )
    keep = ~rows.bad
    count = renewals + 1
    term_end = np.where(packed >= 0, shifted(start, months * count, days * count), NAT)
    term_end = np.where(np.isnat(term_end), NAT, term_end - np.timedelta64(1, "D"))
    ids = np.asarray(table["id"]) if "id" in table else np.arange(n, dtype=np.int64)
    columns: dict[str, Any] = {
        "ids": ids,
        "sector": sector.astype(np.int8),
        "body": body.astype(np.int8),
        "state": state.astype(np.int8),
        **dates,
        "term_months": months.astype(np.int32),
        "term_days": days.astype(np.int32),
        "renewals": renewals.astype(np.int32),
        "term_end": term_end,
        "source_rows": np.arange(n, dtype=np.int64),
    }
    columns = {name: value[keep] for name, value in columns.items()}
    columns["answer_due"] = answer_due(
        columns["request"], columns["campaign_closes"], columns["sector"]
    )
    built: dict[str, Any] = {
        name: readonly(np.ascontiguousarray(value)) for name, value in columns.items()
    }
    built["rejected"] = tuple(rows.problems[row] for row in sorted(rows.problems))
    return built


def _renewals(column: Any, n: int, rows: _Rows) -> npt.NDArray[np.int64]:
    if column is None:
        return np.zeros(n, dtype=np.int64)
    values = np.asarray(column)
    expected = Phrase("a whole number >= 0", "un nombre entier positif ou nul")
    if values.dtype.kind in "iu":
        found = values.astype(np.int64)
        rows.fail(found < 0, "renewals", values, expected)
        return np.maximum(found, 0)
    objects = values.astype(object)
    unique, inverse = _distinct(objects)
    counts = np.zeros(len(unique) + 1, dtype=np.int64)
    bad = np.zeros(len(unique) + 1, dtype=bool)
    for index, text in enumerate(unique):
        number = float(text) if text.strip().lstrip("-").replace(".", "", 1).isdigit() else -1.0
        if number < 0 or number != int(number):
            bad[index] = True
        else:
            counts[index] = int(number)
    rows.fail(bad[inverse], "renewals", objects, expected)
    read: npt.NDArray[np.int64] = counts[inverse]
    return read


def _check_adaptation(
    start: npt.NDArray[np.datetime64],
    end: npt.NDArray[np.datetime64],
    sector: npt.NDArray[np.int64],
    rows: _Rows,
) -> None:
    """An adaptation period longer than the procedure in force on its start allows (one
    call of the procedure per distinct day and sector)."""
    present = ~np.isnat(start) & ~np.isnat(end)
    keys = start.astype(np.int64) * len(SECTORS) + sector
    unique, inverse = np.unique(keys[present], return_inverse=True)
    longest = np.full(len(start), NAT)
    limits = np.full(len(unique), NAT)
    for index, key in enumerate(unique.tolist()):
        days, code = divmod(key, len(SECTORS))
        day = dt.date(1970, 1, 1) + dt.timedelta(days=days)
        most = procedure_in_force(day, SECTORS[code]).adaptation
        if most is not None:
            limits[index] = np.datetime64(most.after(day) - dt.timedelta(days=1), "D")
    longest[present] = limits[inverse]
    rows.fail(
        end > longest,
        "adaptation_end",
        end,
        Phrase(
            "an adaptation period within the limit of the procedure in force on the start",
            "une période d'adaptation dans la limite de la procédure en vigueur au début",
        ),
    )
