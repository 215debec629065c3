"""How a workforce's columns are built: from whole columns, each checked with array
operations (:meth:`Workforce.from_columns <teletravail.workforce.Workforce.from_columns>`),
and from agents already checked (:meth:`Workforce.from_agents
<teletravail.workforce.Workforce.from_agents>`).

A workforce of one agent is built directly (:func:`one_agent`): it is the path of every
single-agent evaluation (``policy.assess(agent)`` assesses a workforce of one), so its
columns are made with as few arrays as possible, most of them shared read-only rows.

The functions take the class to build (``cls``) and return its instance: the
:class:`~teletravail.workforce.Workforce` class methods delegate to them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from teletravail._checks import one_of
from teletravail._columns import readonly as _readonly
from teletravail._columns import zeros
from teletravail.errors import RowError, ValidationError, WorkforceError
from teletravail.messages import Phrase, either
from teletravail.spans import Absence, Authorisation
from teletravail.units import Q_
from teletravail.week import WeeklyPattern, weekday_mask

from .agent import (
    COMMUTE_MODES,
    COMMUTE_TIME_UNIT,
    DEROGATION_KINDS,
    DISTANCE_UNIT,
    EXPECTED_CLEAN_ID,
    EXPECTED_NON_EMPTY,
    EXPECTED_PER_WEEK,
    EXPECTED_SHARE,
    MOST_PER_WEEK,
    REQUESTED_TELEWORK_UNIT,
    WORKING_TIME_UNIT,
    Agent,
    CommuteMode,
    Derogation,
    read_absences,
    read_authorisation,
    read_days_off,
    read_derogations,
    read_pattern,
)
from .checks import (
    activity_columns,
    bool_column,
    check_length,
    coded_column,
    date_column,
    id_column,
    label_column,
    python_value,
    quantity_column,
    tag_column,
    text_column,
)
from .columns import Categories, Coded, factorize, kept_labels, rows_of
from .columns import kept as kept_rows
from .fields import Category, ContractType, category_value, contract_value

if TYPE_CHECKING:
    from teletravail.units import Quantity

    from .table import Workforce

__all__ = ["Errors", "from_agents", "from_columns", "one_agent"]


#: What a batch constructor does with bad rows: ``"raise"`` a
#: :class:`~teletravail.errors.WorkforceError` listing them all, or ``"report"`` them in
#: :attr:`Workforce.rejected <teletravail.workforce.Workforce.rejected>` and keep the good ones.
Errors = Literal["raise", "report"]


# Read-only arrays shared by every workforce of one agent (they can never be written).
_ZERO_CODE = _readonly(np.zeros(1, dtype=np.int32))
_ZERO_ROW = _readonly(np.zeros(1, dtype=np.int64))
_TRUE_ROW = _readonly(np.ones(1, dtype=bool))
_FALSE_ROW = _readonly(np.zeros(1, dtype=bool))
_NAN_ROW = _readonly(np.full(1, math.nan))
_ONE_TAG_ROW = _readonly(np.ones((1, 8), dtype=bool))
_NO_ROWS = _readonly(np.zeros(0, dtype=np.int64))
_NO_KINDS = _readonly(np.zeros(0, dtype=np.int8))
_NO_DATES = _readonly(np.zeros(0, dtype="datetime64[D]"))
_NO_DAY_OFF = _readonly(np.zeros(1, dtype=np.uint8))
_ONE_CODE = _readonly(np.ones(1, dtype=np.int32))
_ONE_DEFAULT = Coded(_ZERO_CODE, (None,))
_NOT_STATED = Categories(_ZERO_CODE, ("",))
_CONTRACT_ROWS = {kind: Categories(_ZERO_CODE, (kind.value,)) for kind in ContractType}
_CATEGORY_ROWS = {kind: Categories(_ZERO_CODE, (kind.value,)) for kind in Category}
_NO_ACTIVITY = _readonly(np.zeros((1, 0)))
_MODE_ROWS = {
    mode: _readonly(np.array([code], dtype=np.int8)) for code, mode in enumerate(CommuteMode)
}
_EPOCH = dt.date(1970, 1, 1)
# one-row hire-date columns, shared by the workforces of one agent hired that day (a
# register has a few thousand distinct hire dates; the cache is emptied when full)
_HIRE_ROWS: dict[dt.date, npt.NDArray[np.datetime64]] = {}
_MOST_HIRE_ROWS = 1 << 16


def _hire_row(day: dt.date) -> npt.NDArray[np.datetime64]:
    """The read-only one-row column of a hire date, made once."""
    if len(_HIRE_ROWS) >= _MOST_HIRE_ROWS:
        _HIRE_ROWS.clear()
    found = _HIRE_ROWS[day] = _readonly(np.array([(day - _EPOCH).days], dtype="datetime64[D]"))
    return found


_DISTANCE = Phrase("a finite distance >= 0 km", "une distance finie, positive ou nulle, en km")
_TRUE_OR_FALSE = Phrase("true or false", "true ou false")


def _magnitude(quantity: Quantity | None, unit: str) -> float:
    """An agent's quantity as a float in ``unit``; NaN for an unknown value.

    An :class:`Agent`'s converters store every quantity in the unit of its workforce
    column (percent, km, min), so the magnitude is read as it is; ``unit`` names which.
    """
    return math.nan if quantity is None else float(quantity.magnitude)


def from_agents(cls: type[Workforce], agents: Iterable[Agent]) -> Workforce:
    """The workforce of validated agents (ids must be unique), for
    :meth:`Workforce.from_agents <teletravail.workforce.Workforce.from_agents>`: one agent
    takes :func:`one_agent`, more go through ``cls.from_columns``."""
    agents = list(agents)
    for index, agent in enumerate(agents):
        if not isinstance(agent, Agent):
            raise WorkforceError(
                [
                    RowError(
                        index,
                        "agent",
                        agent,
                        Phrase("not an Agent", "ce n'est pas un objet Agent"),
                    )
                ]
            )
    if len(agents) == 1:  # the one-agent path, kept short for policy.assess(agent)
        return one_agent(cls, agents[0])
    derogations = [a.derogations for a in agents]
    return cls.from_columns(
        ids=[a.id for a in agents],
        hire_date=[a.hire_date for a in agents],
        working_time=Q_(
            np.array([_magnitude(a.working_time, WORKING_TIME_UNIT) for a in agents]),
            WORKING_TIME_UNIT,
        ),
        role=[a.role for a in agents],
        tags=[a.tags for a in agents],
        commute_distance=Q_(
            np.array([_magnitude(a.commute_distance, DISTANCE_UNIT) for a in agents]),
            DISTANCE_UNIT,
        ),
        commute_time=Q_(
            np.array([_magnitude(a.commute_time, COMMUTE_TIME_UNIT) for a in agents]),
            COMMUTE_TIME_UNIT,
        ),
        commute_mode=[a.commute_mode for a in agents],
        volunteer=[a.volunteer for a in agents],
        teleworkable_post=[a.teleworkable_post for a in agents],
        derogations=derogations,
        requested_telework=Q_(
            np.array([_magnitude(a.requested_telework, REQUESTED_TELEWORK_UNIT) for a in agents]),
            REQUESTED_TELEWORK_UNIT,
        ),
        pattern=[a.pattern for a in agents],
        days_off=[a.days_off for a in agents],
        telecentre_distance=Q_(
            np.array([_magnitude(a.telecentre_distance, DISTANCE_UNIT) for a in agents]),
            DISTANCE_UNIT,
        ),
        absences=[a.absences for a in agents],
        authorisation=[a.authorisation for a in agents],
        contract_type=[a.contract_type for a in agents],
        category=[a.category for a in agents],
        establishment=[a.establishment for a in agents],
        activities=[a.activities for a in agents],
    )


def one_agent(cls: type[Workforce], agent: Agent) -> Workforce:
    """A workforce of one, built directly: the path of every single-agent evaluation.

    The agent's values are already checked, so the columns are built with as few
    arrays as possible (the four quantities are rows of one read-only block).
    """
    tag_names = tuple(sorted(agent.tags))
    derogations = agent.derogations
    requested = agent.requested_telework
    activities = agent.activities
    contract, grade = agent.contract_type, agent.category  # (hashing an enum costs)
    hired = _HIRE_ROWS.get(agent.hire_date)
    if hired is None:
        hired = _hire_row(agent.hire_date)
    block = np.array(
        [
            _magnitude(agent.working_time, WORKING_TIME_UNIT),
            _magnitude(agent.commute_distance, DISTANCE_UNIT),
            _magnitude(agent.commute_time, COMMUTE_TIME_UNIT),
            _magnitude(requested, REQUESTED_TELEWORK_UNIT),
        ]
    )
    block.flags.writeable = False  # its slices are read-only too
    return cls(
        ids=_readonly(np.array([agent.id])),
        hire_date=hired,
        working_time_percent=block[0:1],
        role=Categories(_ZERO_CODE, (agent.role,)),
        tags=_ONE_TAG_ROW[:, : len(tag_names)]
        if len(tag_names) <= 8
        else _readonly(np.ones((1, len(tag_names)), dtype=bool)),
        tag_names=tag_names,
        commute_distance_km=block[1:2],
        commute_time_min=block[2:3],
        commute_mode=_MODE_ROWS[agent.commute_mode],
        volunteer=_TRUE_ROW if agent.volunteer else _FALSE_ROW,
        teleworkable_post=_TRUE_ROW if agent.teleworkable_post else _FALSE_ROW,
        requested_telework_workday_per_week=_NAN_ROW if requested is None else block[3:4],
        derogation_row=_readonly(np.zeros(len(derogations), dtype=np.int64))
        if derogations
        else _NO_ROWS,
        derogation_kind=_readonly(
            np.array([DEROGATION_KINDS.index(d.kind) for d in derogations], dtype=np.int8)
        )
        if derogations
        else _NO_KINDS,
        derogation_start=_readonly(np.array([d.start for d in derogations], dtype="datetime64[D]"))
        if derogations
        else _NO_DATES,
        derogation_end=_readonly(
            np.array(
                [d.end if d.end else np.datetime64("NaT") for d in derogations],
                dtype="datetime64[D]",
            )
        )
        if derogations
        else _NO_DATES,
        pattern=_ONE_DEFAULT if agent.pattern is None else Coded(_ONE_CODE, (None, agent.pattern)),
        days_off_mask=_readonly(np.array([weekday_mask(agent.days_off)], dtype=np.uint8))
        if agent.days_off
        else _NO_DAY_OFF,
        telecentre_distance_km=_NAN_ROW
        if agent.telecentre_distance is None
        else _readonly(np.array([_magnitude(agent.telecentre_distance, DISTANCE_UNIT)])),
        absences=_ONE_DEFAULT
        if agent.absences is None
        else Coded(_ONE_CODE, (None, agent.absences)),
        authorisation=_ONE_DEFAULT
        if agent.authorisation is None
        else Coded(_ONE_CODE, (None, agent.authorisation)),
        contract_type=_NOT_STATED if contract is None else _CONTRACT_ROWS[contract],
        category=_NOT_STATED if grade is None else _CATEGORY_ROWS[grade],
        establishment=Categories(_ZERO_CODE, (agent.establishment,))
        if agent.establishment
        else _NOT_STATED,
        activity_names=tuple([a.name for a in activities]) if activities else (),
        activity_shares=_readonly(np.array([[float(a.share.magnitude) / 100 for a in activities]]))
        if activities
        else _NO_ACTIVITY,
        source_rows=_ZERO_ROW,
        rejected=(),
    )


def from_columns(
    cls: type[Workforce],
    *,
    ids: Sequence[str] | npt.NDArray[Any],
    hire_date: Sequence[dt.date | str] | npt.NDArray[Any],
    working_time: Quantity | None = None,
    role: Sequence[str] | npt.NDArray[Any] | Categories | None = None,
    tags: Sequence[Collection[str]] | Mapping[str, npt.ArrayLike] | None = None,
    commute_distance: Quantity | None = None,
    commute_time: Quantity | None = None,
    commute_mode: Sequence[str] | npt.NDArray[Any] | None = None,
    volunteer: npt.ArrayLike | None = None,
    teleworkable_post: npt.ArrayLike | None = None,
    derogations: Sequence[Sequence[Derogation]] | None = None,
    requested_telework: Quantity | None = None,
    pattern: Sequence[WeeklyPattern | str | None] | npt.NDArray[Any] | None = None,
    days_off: Sequence[Collection[int | str] | str] | npt.NDArray[Any] | None = None,
    telecentre_distance: Quantity | None = None,
    absences: Sequence[Sequence[Absence] | str | None] | npt.NDArray[Any] | None = None,
    authorisation: Sequence[Authorisation | str | None] | npt.NDArray[Any] | None = None,
    contract_type: Sequence[ContractType | str | None]
    | npt.NDArray[Any]
    | Categories
    | None = None,
    category: Sequence[Category | str | None] | npt.NDArray[Any] | Categories | None = None,
    establishment: Sequence[str] | npt.NDArray[Any] | Categories | None = None,
    activities: Sequence[Any] | npt.NDArray[Any] | Mapping[str, Quantity] | None = None,
    errors: Errors = "raise",
    source_rows: npt.ArrayLike | None = None,
    rejected: Sequence[RowError] = (),
    copy: bool = True,
) -> Workforce:
    """A workforce of class ``cls`` from whole columns, validated with array operations:
    :meth:`Workforce.from_columns <teletravail.workforce.Workforce.from_columns>` says
    what each column may be.

    Each column is checked whole; a row with a value that does not read is bad, and so
    is a later row repeating the id of a good one. With ``errors="raise"`` the bad rows
    make one :class:`~teletravail.errors.WorkforceError`; with ``"report"`` the good rows
    make the workforce and the bad ones are listed in ``rejected``, after those given.

    The columns kept whole are copied, as an input array may still be written by its
    owner; ``copy=False`` is for columns their maker gives away (the readers', built
    for this workforce): they become the workforce's own, made read-only, uncopied.
    """
    if errors not in ("raise", "report"):
        raise ValidationError("errors", errors, either("raise", "report"))
    id_array, unreadable, id_texts = id_column(ids)
    n = len(id_array)
    rows = (
        np.arange(n, dtype=np.int64)
        if source_rows is None
        else np.asarray(source_rows, dtype=np.int64)
    )
    problems: list[RowError] = list(rejected)
    bad = np.zeros(n, dtype=bool)

    def flag(
        mask: npt.NDArray[np.bool_],
        field: str,
        values: Any,
        expected: Phrase | Callable[[Any], Phrase],
    ) -> None:
        for index in np.flatnonzero(mask & ~bad):
            value = python_value(values[index])
            wanted = expected(value) if callable(expected) else expected
            french = ValidationError(field, value, wanted).text("fr")
            message = Phrase(f"{field}: expected {wanted}, got {value!r}", french)
            problems.append(RowError(int(rows[index]), field, value, message))
        bad[mask] = True

    flag(np.char.str_len(id_array) == 0, "id", id_array, EXPECTED_NON_EMPTY)
    flag(unreadable, "id", id_texts, EXPECTED_CLEAN_ID)

    check_length("hire_date", hire_date, n)
    check_length("source_rows", rows, n)
    hire = date_column(hire_date, n, rows, problems, bad)

    percent = quantity_column(working_time, "working_time", n, 100.0)
    percent = np.round(percent, 9)
    flag(~((percent > 0) & (percent <= 100)), "working_time", percent, EXPECTED_SHARE)

    distance = quantity_column(commute_distance, "commute_distance", n, math.nan)
    flag(
        ~(np.isnan(distance) | ((distance >= 0) & np.isfinite(distance))),
        "commute_distance",
        distance,
        _DISTANCE,
    )
    minutes = quantity_column(commute_time, "commute_time", n, math.nan)
    flag(
        ~(np.isnan(minutes) | ((minutes >= 0) & np.isfinite(minutes))),
        "commute_time",
        minutes,
        Phrase("a finite duration >= 0 min", "une durée finie, positive ou nulle, en min"),
    )
    asked = quantity_column(requested_telework, "requested_telework", n, math.nan)
    flag(
        ~(np.isnan(asked) | ((asked >= 0) & (asked <= MOST_PER_WEEK))),
        "requested_telework",
        asked,
        EXPECTED_PER_WEEK,
    )

    roles = text_column(role, n)
    tag_matrix, tag_names, tag_problems = tag_column(tags, n)
    for index, message_field, value in tag_problems:
        flag(
            np.arange(n) == index,
            message_field,
            [value] * n,
            Phrase("a set of tag names", "un ensemble de noms d'étiquettes"),
        )

    if commute_mode is None:
        mode_codes = np.zeros(n, dtype=np.int8)
    else:
        mode_values = np.asarray(commute_mode, dtype=object)
        check_length("commute_mode", mode_values, n)
        lookup = {m.value: i for i, m in enumerate(COMMUTE_MODES)}
        codes, distinct = factorize(mode_values)  # each distinct mode read once
        table = np.array([lookup.get(str(v).strip().lower(), -1) for v in distinct], np.int8)
        mode_codes = table[codes] if len(distinct) else np.zeros(n, dtype=np.int8)
        flag(mode_codes < 0, "commute_mode", mode_values, lambda v: one_of(CommuteMode, v))

    volunteers, unread = bool_column(volunteer, "volunteer", n)
    if unread.any():
        flag(unread, "volunteer", np.asarray(volunteer, dtype=object), _TRUE_OR_FALSE)
    posts, unread = bool_column(teleworkable_post, "teleworkable_post", n)
    if unread.any():
        flag(
            unread,
            "teleworkable_post",
            np.asarray(teleworkable_post, dtype=object),
            _TRUE_OR_FALSE,
        )

    far = quantity_column(telecentre_distance, "telecentre_distance", n, math.nan)
    flag(
        ~(np.isnan(far) | ((far >= 0) & np.isfinite(far))),
        "telecentre_distance",
        far,
        _DISTANCE,
    )
    patterns = coded_column(pattern, "pattern", read_pattern, n, rows, problems, bad)
    absent = coded_column(absences, "absences", read_absences, n, rows, problems, bad)
    authorised = coded_column(
        authorisation, "authorisation", read_authorisation, n, rows, problems, bad
    )
    off = coded_column(
        days_off, "days_off", lambda v: weekday_mask(read_days_off(v)), n, rows, problems, bad
    )
    off_mask = np.array([0 if v is None else v for v in off.values], dtype=np.uint8)[off.codes]
    contracts = label_column(contract_type, "contract_type", contract_value, n, rows, problems, bad)
    categories = label_column(category, "category", category_value, n, rows, problems, bad)
    sites = (
        Categories(zeros(n, np.int32), ("",))
        if establishment is None
        else text_column(establishment, n, "establishment")
    )
    activity_names, activity_matrix = activity_columns(activities, n, rows, problems, bad)

    d_row: list[int] = []
    d_kind: list[int] = []
    d_start: list[dt.date] = []
    d_end: list[dt.date | None] = []
    if derogations is not None:
        if len(derogations) != n:
            raise ValidationError("derogations", len(derogations), rows_of(n))
        for index, raw in enumerate(derogations):
            try:
                items = read_derogations(raw)
            except ValidationError as exc:
                if not bad[index]:
                    problems.append(RowError.from_error(int(rows[index]), exc))
                bad[index] = True
                continue
            for item in items:
                d_row.append(index)
                d_kind.append(DEROGATION_KINDS.index(item.kind))
                d_start.append(item.start)
                d_end.append(item.end)

    # ids are unique among the rows found good: the first keeps its id, a later row
    # with the same id is a bad row (a row rejected for another reason claims no
    # id); ids given in increasing order need no sort
    if n > 1 and not np.all(id_array[1:] > id_array[:-1]):
        good = np.flatnonzero(~bad)
        order = good[np.argsort(id_array[good], kind="stable")]
        sorted_ids = id_array[order]
        repeat = np.zeros(n, dtype=bool)
        repeat[order[1:][sorted_ids[1:] == sorted_ids[:-1]]] = True
        flag(
            repeat,
            "id",
            id_array,
            Phrase(
                "an id used once in the workforce",
                "un identifiant employé une seule fois dans l'effectif",
            ),
        )

    if problems and errors == "raise":
        raise WorkforceError(sorted(problems, key=lambda e: e.row))
    # every column kept whole is copied (an input array may still be written by its
    # owner) unless its maker gives it away (copy=False)
    keep = None if not bad.any() else ~bad
    if copy and keep is None and isinstance(ids, np.ndarray) and np.may_share_memory(id_array, ids):
        id_array = id_array.copy()

    def kept(column: npt.NDArray[Any], keep: npt.NDArray[np.bool_] | None) -> npt.NDArray[Any]:
        return kept_rows(column, keep, copy=copy)

    d_rows = np.array(d_row, dtype=np.int64)
    d_keep = np.ones(len(d_rows), dtype=bool) if keep is None else keep[d_rows]
    return cls(
        ids=_readonly(id_array if keep is None else id_array[keep]),
        hire_date=kept(hire, keep),
        working_time_percent=kept(percent, keep),
        role=Categories(kept(roles.codes, keep), roles.categories),
        tags=kept(tag_matrix, keep),
        tag_names=tag_names,
        commute_distance_km=kept(distance, keep),
        commute_time_min=kept(minutes, keep),
        commute_mode=kept(mode_codes, keep),
        volunteer=kept(volunteers, keep),
        teleworkable_post=kept(posts, keep),
        requested_telework_workday_per_week=kept(asked, keep),
        derogation_row=_readonly(d_rows if keep is None else (np.cumsum(keep) - 1)[d_rows[d_keep]]),
        derogation_kind=_readonly(np.array(d_kind, dtype=np.int8)[d_keep]),
        derogation_start=_readonly(np.array(d_start, dtype="datetime64[D]")[d_keep]),
        derogation_end=_readonly(
            np.array(
                [e if e is not None else np.datetime64("NaT") for e in d_end],
                dtype="datetime64[D]",
            )[d_keep]
        ),
        pattern=patterns.kept(keep),
        days_off_mask=kept(off_mask, keep),
        telecentre_distance_km=kept(far, keep),
        absences=absent.kept(keep),
        authorisation=authorised.kept(keep),
        contract_type=kept_labels(contracts, keep),
        category=kept_labels(categories, keep),
        establishment=kept_labels(sites, keep),
        activity_names=activity_names,
        activity_shares=kept(activity_matrix, keep),
        source_rows=kept(rows, keep),
        rejected=tuple(sorted(problems, key=lambda e: e.row)),
    )
