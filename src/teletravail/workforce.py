"""Agents (one employee) and workforces (many employees, as columns).

An :class:`Agent` is a frozen value checked at construction. A :class:`Workforce` holds
the same fields as numpy columns: quantities are whole arrays inside one pint quantity
in a fixed unit (``percent``, ``km``, ``min``), roles are category codes, tags a boolean
matrix, dates ``datetime64[D]``. Rules compute on those columns; one agent is assessed
as a workforce of one.

Rows that fail validation are never dropped silently: with ``errors="raise"`` (the
default) a :class:`~teletravail.errors.WorkforceError` lists every bad row with its
number and field; with ``errors="report"`` the good rows make the workforce and the bad
ones are listed in :attr:`Workforce.rejected`.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import enum
import io
import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import enum_value, one_of
from teletravail.dated import to_date
from teletravail.errors import RowError, UnitError, ValidationError, WorkforceError
from teletravail.units import DIMENSIONLESS, LENGTH, Q_, TIME, WORKDAYS_PER_TIME, as_quantity
from teletravail.units import unit as _unit

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.units import Quantity

__all__ = [
    "Agent",
    "Categories",
    "CommuteMode",
    "Derogation",
    "DerogationKind",
    "Errors",
    "Workforce",
]

Errors = Literal["raise", "report"]

#: Units in which the workforce stores its quantity columns.
WORKING_TIME_UNIT = "percent"
DISTANCE_UNIT = "km"
COMMUTE_TIME_UNIT = "min"
REQUESTED_TELEWORK_UNIT = "workday/week"

#: The most telework days a week anyone can ask for: every day of the week.
_MOST_PER_WEEK = 7.0


class CommuteMode(enum.StrEnum):
    """How an agent commutes; the names follow ADEME's factors (``shared/DOMAIN.md`` §5)."""

    CAR_THERMAL = "car_thermal"
    CAR_ELECTRIC = "car_electric"
    BUS = "bus"
    TRAIN_REGIONAL = "train_regional"
    TRAM = "tram"
    MOTORBIKE = "motorbike"
    BIKE = "bike"
    WALKING = "walking"


class DerogationKind(enum.StrEnum):
    """Grounds on which the national framework lifts the 3-day cap (``DOMAIN.md`` §2)."""

    HEALTH = "health"
    PREGNANCY = "pregnancy"
    CARER = "carer"
    EXCEPTIONAL = "exceptional"


_MODES: tuple[CommuteMode, ...] = tuple(CommuteMode)
_KINDS: tuple[DerogationKind, ...] = tuple(DerogationKind)


G = TypeVar("G", bound=np.generic)


def _mode(value: Any) -> CommuteMode:
    return enum_value(CommuteMode, value, "commute_mode")


def _kind(value: Any) -> DerogationKind:
    return enum_value(DerogationKind, value, "derogation.kind")


def _derogation_start(value: Any) -> dt.date:
    return to_date(value, "derogation.start")


def _derogation_end(value: Any) -> dt.date | None:
    return None if value is None else to_date(value, "derogation.end")


@attrs.frozen(kw_only=True)
class Derogation:
    """A dated derogation held by an agent: health, pregnancy, carer or exceptional.

    Both ends are included; ``end=None`` means it runs until further notice.
    """

    kind: DerogationKind = attrs.field(converter=_kind)
    start: dt.date = attrs.field(converter=_derogation_start)
    end: dt.date | None = attrs.field(default=None, converter=_derogation_end)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValidationError(
                "derogation.end", self.end, f"a date on or after the start {self.start}"
            )

    def active_on(self, day: dt.date) -> bool:
        """Whether the derogation is in force on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)

    @classmethod
    def parse(cls, text: str) -> Derogation:
        """Read ``"health:2024-01-01/2024-06-30"`` (the end may be left empty)."""
        kind, sep, span = text.partition(":")
        start, _, end = span.partition("/")
        if not sep or not start.strip():
            raise ValidationError("derogations", text, "'kind:start/end', e.g. 'carer:2024-01-01/'")
        return cls(kind=kind, start=start, end=end.strip() or None)

    def __str__(self) -> str:
        end = self.end.isoformat() if self.end else ""
        return f"{self.kind.value}:{self.start.isoformat()}/{end}"


def _working_time(value: Any) -> Quantity:
    quantity = as_quantity(value, field="working_time", dimension=DIMENSIONLESS)
    percent = _percent(float(quantity.m_as(_unit(WORKING_TIME_UNIT))))
    if not 0 < percent <= 100:
        raise ValidationError("working_time", value, "a share in (0 %, 100 %]")
    return Q_(percent, WORKING_TIME_UNIT)


def _percent(value: float) -> float:
    """Round a working time in percent to 1e-9, so that 0.9 and 90 % compare equal."""
    return round(value, 9)


def _non_negative(value: Any, field: str, dimension: str, unit: str) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field=field, dimension=dimension)
    magnitude = float(quantity.m_as(_unit(unit)))
    if not math.isfinite(magnitude) or magnitude < 0:
        raise ValidationError(field, value, f"a finite quantity >= 0 {unit}")
    return Q_(magnitude, unit)


# The cleaning rules of text fields, shared by Agent and by every batch constructor so
# that the same person gets the same answer whichever way they came in: surrounding
# spaces are dropped; a tag name cannot hold a separator (";" or "|").


def _agent_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("id", value, "a non-empty string")
    return value.strip()


def _role(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError("role", value, "a string (the agent's job family)")
    return value.strip()


def _tags(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(t.strip() for t in value.replace("|", ";").split(";") if t.strip())
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValidationError("tags", value, "a set of strings, or 'a;b' text")
    tags = []
    for tag in value:
        if not isinstance(tag, str) or not tag.strip() or ";" in tag or "|" in tag:
            raise ValidationError("tags", value, "non-empty tag names without ';' or '|'")
        tags.append(tag.strip())
    return frozenset(tags)


def _derogations(value: Any) -> tuple[Derogation, ...]:
    if isinstance(value, str):
        items: Iterable[Any] = [p for p in value.split(";") if p.strip()]
    elif isinstance(value, Iterable) and not isinstance(value, Mapping):
        items = value
    else:
        raise ValidationError("derogations", value, "a list of derogations")
    result = []
    for item in items:
        if isinstance(item, Derogation):
            result.append(item)
        elif isinstance(item, str):
            result.append(Derogation.parse(item.strip()))
        elif isinstance(item, Mapping):
            unknown = set(item) - {"kind", "start", "end"}
            if unknown or "kind" not in item or "start" not in item:
                raise ValidationError(
                    "derogations", item, "a dict with 'kind', 'start' and optionally 'end'"
                )
            result.append(Derogation(**item))
        else:
            raise ValidationError("derogations", item, "a Derogation, a dict or 'kind:start/end'")
    return tuple(result)


def _volunteer(value: Any) -> bool:
    return _read_bool(value, "volunteer")


def _teleworkable(value: Any) -> bool:
    return _read_bool(value, "teleworkable_post")


def _distance(value: Any) -> Quantity | None:
    return _non_negative(value, "commute_distance", LENGTH, DISTANCE_UNIT)


def _commute_time(value: Any) -> Quantity | None:
    return _non_negative(value, "commute_time", TIME, COMMUTE_TIME_UNIT)


def _hire_date(value: Any) -> dt.date:
    return to_date(value, "hire_date")


def _requested_telework(value: Any) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field="requested_telework", dimension=WORKDAYS_PER_TIME)
    days = float(quantity.m_as(_unit(REQUESTED_TELEWORK_UNIT)))
    if not (math.isfinite(days) and 0 <= days <= _MOST_PER_WEEK):
        raise ValidationError("requested_telework", value, "0 to 7 workday/week")
    return Q_(days, REQUESTED_TELEWORK_UNIT)


_TRUE = frozenset({"true", "yes", "oui", "y", "o", "1", "vrai"})
_FALSE = frozenset({"false", "no", "non", "n", "0", "faux"})


def _read_bool(value: Any, field: str) -> bool:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValidationError(field, value, "true or false (yes/no, oui/non, 1/0)")


def _default_working_time() -> Quantity:
    return Q_(100.0, WORKING_TIME_UNIT)


@attrs.frozen(kw_only=True)
class Agent:
    """One employee, as the rules see them.

    ``working_time`` is a share (``Q_(90, "percent")`` or ``"90 %"``; a bare number is
    refused because 0.9 and 90 would be ambiguous). ``commute_distance`` is one way;
    ``None`` means unknown, and a criterion that needs it then fails. ``volunteer`` and
    ``teleworkable_post`` default to true: an ``Agent`` usually describes an applicant.
    ``requested_telework`` is the telework the agent asks for, in working days a week
    (``"1.5 workday/week"``, from 0 to 7); ``None`` means not stated.
    """

    id: str = attrs.field(converter=_agent_id)
    hire_date: dt.date = attrs.field(converter=_hire_date)
    working_time: Quantity = attrs.field(factory=_default_working_time, converter=_working_time)
    role: str = attrs.field(default="", converter=_role)
    tags: frozenset[str] = attrs.field(factory=frozenset, converter=_tags)
    commute_distance: Quantity | None = attrs.field(default=None, converter=_distance)
    commute_time: Quantity | None = attrs.field(default=None, converter=_commute_time)
    commute_mode: CommuteMode = attrs.field(default=CommuteMode.CAR_THERMAL, converter=_mode)
    volunteer: bool = attrs.field(default=True, converter=_volunteer)
    teleworkable_post: bool = attrs.field(default=True, converter=_teleworkable)
    derogations: tuple[Derogation, ...] = attrs.field(default=(), converter=_derogations)
    requested_telework: Quantity | None = attrs.field(default=None, converter=_requested_telework)

    def active_derogations(self, on: dt.date) -> tuple[Derogation, ...]:
        """The derogations in force on ``on``."""
        return tuple(d for d in self.derogations if d.active_on(on))


@attrs.frozen(eq=False)
class Categories:
    """A categorical column: integer ``codes`` into ``categories``."""

    codes: npt.NDArray[np.int32]
    categories: tuple[str, ...]

    @classmethod
    def from_values(cls, values: Sequence[str] | npt.NDArray[Any]) -> Categories:
        """Encode strings as codes; the categories come out sorted."""
        array = np.asarray(values, dtype=object) if len(values) else np.array([], dtype=object)
        if array.size == 0:
            return cls(np.zeros(0, dtype=np.int32), ())
        categories, codes = np.unique(array.astype(str), return_inverse=True)
        return cls(codes.astype(np.int32).reshape(-1), tuple(str(c) for c in categories))

    def code_of(self, names: Collection[str]) -> npt.NDArray[np.int32]:
        """The codes of those names that are categories here (others are ignored)."""
        index = {name: i for i, name in enumerate(self.categories)}
        return np.array(sorted(index[n] for n in names if n in index), dtype=np.int32)

    def value(self, row: int) -> str:
        """The category of one row."""
        return self.categories[int(self.codes[row])]


_QUANTITY_FIELDS: dict[str, tuple[str, str]] = {
    "working_time": (DIMENSIONLESS, WORKING_TIME_UNIT),
    "commute_distance": (LENGTH, DISTANCE_UNIT),
    "commute_time": (TIME, COMMUTE_TIME_UNIT),
    "requested_telework": (WORKDAYS_PER_TIME, REQUESTED_TELEWORK_UNIT),
}
_FIELDS = (
    "id",
    "hire_date",
    "working_time",
    "role",
    "tags",
    "commute_distance",
    "commute_time",
    "commute_mode",
    "volunteer",
    "teleworkable_post",
    "derogations",
    "requested_telework",
)
_UNIT_ALIASES = {"pct": "percent", "percent": "percent", "%": "percent"}


def _readonly(array: npt.NDArray[G]) -> npt.NDArray[G]:
    array.flags.writeable = False
    return array


def _kept(column: npt.NDArray[G], keep: npt.NDArray[np.bool_] | None) -> npt.NDArray[G]:
    """The kept rows of a column (``None``: all), as a new read-only array."""
    return _readonly(column.copy() if keep is None else column[keep])


# csv.DictReader's markers for a row longer, or shorter, than the header
_EXTRA = "\x00extra"
_SHORT = "\x00short"

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


def _column_unit(key: str) -> tuple[str, str | None]:
    """Split a record key into a field and the unit its plain numbers are in.

    ``"commute_distance_km"`` → ``("commute_distance", "km")``; ``"role"`` → ``("role", None)``;
    ``_per_`` stands for ``/``: ``"requested_telework_workday_per_week"`` →
    ``("requested_telework", "workday/week")``.
    """
    if key in _FIELDS:
        return key, None
    for name, (dimension, _) in _QUANTITY_FIELDS.items():
        if key.startswith(name + "_"):
            unit = key[len(name) + 1 :]
            unit = _UNIT_ALIASES.get(unit, unit.replace("_per_", "/"))
            try:
                as_quantity(Q_(1, unit), field=key, dimension=dimension)
            except UnitError as exc:
                hint = (
                    f" (a day is 24 hours: write {name}_workday_per_week)"
                    if dimension == WORKDAYS_PER_TIME
                    else ""
                )
                raise ValidationError(
                    f"columns.{key}", key, f"a unit of dimension {dimension} after {name}_{hint}"
                ) from exc
            except Exception:
                break
            return name, unit
    known = list(_FIELDS) + [f"{n}_<unit>" for n in _QUANTITY_FIELDS]
    guess = difflib.get_close_matches(key, _FIELDS, n=1)
    hint = f" (did you mean {guess[0]!r}?)" if guess else ""
    raise ValidationError(f"columns.{key}", key, f"one of {', '.join(known)}{hint}")


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


@attrs.frozen(kw_only=True, eq=False)
class Workforce:
    """Many agents as columns. Build it with a ``from_*`` constructor.

    Columns (all of length ``len(workforce)``, read-only):

    * ``ids``: agent identifiers (unique);
    * ``hire_date``: ``datetime64[D]``;
    * ``working_time``: a quantity wrapping the column in percent;
    * ``role``: :class:`Categories`; ``tags``: boolean matrix, one column per name in
      ``tag_names``;
    * ``commute_distance`` (km) and ``commute_time`` (min): quantities, NaN if unknown;
    * ``commute_mode``: codes into :class:`CommuteMode` in declaration order;
    * ``volunteer``, ``teleworkable_post``: booleans;
    * ``requested_telework_workday_per_week``: the telework each agent asks for, NaN
      where not stated;
    * derogations as a flat table (``derogation_row``, ``_kind``, ``_start``, ``_end``);
    * ``source_rows``: the input row each agent came from; ``rejected``: the bad input
      rows, when built with ``errors="report"``.

    The quantity columns are stored as plain float arrays in fixed units, with the unit
    in the name (``working_time_percent``, ``commute_distance_km``, ``commute_time_min``,
    ``requested_telework_workday_per_week``): rules compute on those, converted once at
    the edge. ``working_time``, ``commute_distance``, ``commute_time`` and
    ``requested_telework`` give them back as pint quantities.
    """

    ids: npt.NDArray[np.str_]
    hire_date: npt.NDArray[np.datetime64]
    working_time_percent: npt.NDArray[np.float64]
    role: Categories
    tags: npt.NDArray[np.bool_]
    tag_names: tuple[str, ...]
    commute_distance_km: npt.NDArray[np.float64]
    commute_time_min: npt.NDArray[np.float64]
    commute_mode: npt.NDArray[np.int8]
    volunteer: npt.NDArray[np.bool_]
    teleworkable_post: npt.NDArray[np.bool_]
    requested_telework_workday_per_week: npt.NDArray[np.float64]
    derogation_row: npt.NDArray[np.int64]
    derogation_kind: npt.NDArray[np.int8]
    derogation_start: npt.NDArray[np.datetime64]
    derogation_end: npt.NDArray[np.datetime64]
    source_rows: npt.NDArray[np.int64]
    rejected: tuple[RowError, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Built by the from_* constructors, which validate every value; a direct call
        # gets at least the shape checks that the rules rely on.
        n = len(self.ids)
        for name in (
            "hire_date",
            "working_time_percent",
            "tags",
            "commute_distance_km",
            "commute_time_min",
            "commute_mode",
            "volunteer",
            "teleworkable_post",
            "requested_telework_workday_per_week",
            "source_rows",
        ):
            if len(getattr(self, name)) != n:
                raise ValidationError(name, len(getattr(self, name)), f"a column of {n} rows")
        if len(self.role.codes) != n:
            raise ValidationError("role", len(self.role.codes), f"a column of {n} codes")
        if self.hire_date.dtype != np.dtype("datetime64[D]"):
            raise ValidationError("hire_date", self.hire_date.dtype, "dates as datetime64[D]")

    # -- construction -------------------------------------------------------------

    @classmethod
    def from_agents(cls, agents: Iterable[Agent]) -> Workforce:
        """Columns from validated agents (ids must be unique)."""
        agents = list(agents)
        for index, agent in enumerate(agents):
            if not isinstance(agent, Agent):
                raise WorkforceError([RowError(index, "agent", agent, "not an Agent")])
        if len(agents) == 1:  # the one-agent path, kept short for policy.assess(agent)
            return cls._from_one(agents[0])
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
                np.array(
                    [_magnitude(a.requested_telework, REQUESTED_TELEWORK_UNIT) for a in agents]
                ),
                REQUESTED_TELEWORK_UNIT,
            ),
        )

    @classmethod
    def _from_one(cls, agent: Agent) -> Workforce:
        """A workforce of one, built directly: the path of every single-agent evaluation."""
        tag_names = tuple(sorted(agent.tags))
        derogations = agent.derogations
        return cls(
            ids=_readonly(np.array([agent.id])),
            hire_date=_readonly(np.array([agent.hire_date], dtype="datetime64[D]")),
            working_time_percent=_readonly(
                np.array([_magnitude(agent.working_time, WORKING_TIME_UNIT)])
            ),
            role=Categories(_ZERO_CODE, (agent.role,)),
            tags=_ONE_TAG_ROW[:, : len(tag_names)]
            if len(tag_names) <= 8
            else _readonly(np.ones((1, len(tag_names)), dtype=bool)),
            tag_names=tag_names,
            commute_distance_km=_readonly(
                np.array([_magnitude(agent.commute_distance, DISTANCE_UNIT)])
            ),
            commute_time_min=_readonly(
                np.array([_magnitude(agent.commute_time, COMMUTE_TIME_UNIT)])
            ),
            commute_mode=_readonly(np.array([_MODES.index(agent.commute_mode)], dtype=np.int8)),
            volunteer=_TRUE_ROW if agent.volunteer else _FALSE_ROW,
            teleworkable_post=_TRUE_ROW if agent.teleworkable_post else _FALSE_ROW,
            requested_telework_workday_per_week=_NAN_ROW
            if agent.requested_telework is None
            else _readonly(
                np.array([_magnitude(agent.requested_telework, REQUESTED_TELEWORK_UNIT)])
            ),
            derogation_row=_readonly(np.zeros(len(derogations), dtype=np.int64))
            if derogations
            else _NO_ROWS,
            derogation_kind=_readonly(
                np.array([_KINDS.index(d.kind) for d in derogations], dtype=np.int8)
            )
            if derogations
            else _NO_KINDS,
            derogation_start=_readonly(
                np.array([d.start for d in derogations], dtype="datetime64[D]")
            )
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
            source_rows=_ZERO_ROW,
        )

    @classmethod
    def from_columns(
        cls,
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
        errors: Errors = "raise",
        source_rows: npt.ArrayLike | None = None,
        rejected: Sequence[RowError] = (),
    ) -> Workforce:
        """Build a workforce from whole columns, validated with array operations.

        Quantity columns are pint quantities wrapping arrays (``Q_(array, "km")``); NaN
        in ``commute_distance`` or ``commute_time`` means unknown, in
        ``requested_telework`` (``Q_(array, "workday/week")``) not stated. Omitted columns take
        the defaults of :class:`Agent`. ``role`` may be strings or :class:`Categories`;
        ``tags`` a sequence of tag sets or a mapping ``{tag: boolean column}``.
        """
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, "'raise' or 'report'")
        id_array = _id_column(ids)
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
            expected: str | Callable[[Any], str],
        ) -> None:
            for index in np.flatnonzero(mask & ~bad):
                value = _plain(values[index])
                wanted = expected(value) if callable(expected) else expected
                problems.append(
                    RowError(
                        int(rows[index]), field, value, f"{field}: expected {wanted}, got {value!r}"
                    )
                )
            bad[mask] = True

        # ids: non-empty and unique (ids given in increasing order need no sort)
        flag(np.char.str_len(id_array) == 0, "id", id_array, "a non-empty string")
        repeat = np.zeros(n, dtype=bool)
        if n > 1 and not np.all(id_array[1:] > id_array[:-1]):
            order = np.argsort(id_array, kind="stable")
            sorted_ids = id_array[order]
            same = sorted_ids[1:] == sorted_ids[:-1]
            repeat[order[1:][same]] = True
        flag(repeat, "id", id_array, "an id used once in the workforce")

        _check_length("hire_date", hire_date, n)
        _check_length("source_rows", rows, n)
        hire = _date_column(hire_date, n, rows, problems, bad)

        percent = _quantity_column(working_time, "working_time", n, 100.0)
        percent = np.round(percent, 9)
        flag(
            ~((percent > 0) & (percent <= 100)), "working_time", percent, "a share in (0 %, 100 %]"
        )

        distance = _quantity_column(commute_distance, "commute_distance", n, math.nan)
        flag(
            ~(np.isnan(distance) | ((distance >= 0) & np.isfinite(distance))),
            "commute_distance",
            distance,
            "a finite distance >= 0 km",
        )
        minutes = _quantity_column(commute_time, "commute_time", n, math.nan)
        flag(
            ~(np.isnan(minutes) | ((minutes >= 0) & np.isfinite(minutes))),
            "commute_time",
            minutes,
            "a finite duration >= 0 min",
        )
        asked = _quantity_column(requested_telework, "requested_telework", n, math.nan)
        flag(
            ~(np.isnan(asked) | ((asked >= 0) & (asked <= _MOST_PER_WEEK))),
            "requested_telework",
            asked,
            "0 to 7 workday/week",
        )

        roles = _role_column(role, n)
        tag_matrix, tag_names, tag_problems = _tag_column(tags, n)
        for index, message_field, value in tag_problems:
            flag(np.arange(n) == index, message_field, [value] * n, "a set of tag names")

        if commute_mode is None:
            mode_codes = np.zeros(n, dtype=np.int8)
        else:
            mode_values = np.asarray(commute_mode, dtype=object)
            _check_length("commute_mode", mode_values, n)
            lookup = {m.value: i for i, m in enumerate(_MODES)}
            mode_codes = np.array(
                [lookup.get(str(v).strip().lower(), -1) for v in mode_values], dtype=np.int8
            )
            flag(mode_codes < 0, "commute_mode", mode_values, lambda v: one_of(CommuteMode, v))

        volunteers, unread = _bool_column(volunteer, "volunteer", n)
        if unread.any():
            flag(unread, "volunteer", np.asarray(volunteer, dtype=object), "true or false")
        posts, unread = _bool_column(teleworkable_post, "teleworkable_post", n)
        if unread.any():
            flag(
                unread,
                "teleworkable_post",
                np.asarray(teleworkable_post, dtype=object),
                "true or false",
            )

        d_row: list[int] = []
        d_kind: list[int] = []
        d_start: list[dt.date] = []
        d_end: list[dt.date | None] = []
        if derogations is not None:
            if len(derogations) != n:
                raise ValidationError("derogations", len(derogations), f"a column of {n} rows")
            for index, raw in enumerate(derogations):
                try:
                    items = _derogations(raw)
                except ValidationError as exc:
                    if not bad[index]:
                        problems.append(RowError.from_error(int(rows[index]), exc))
                    bad[index] = True
                    continue
                for item in items:
                    d_row.append(index)
                    d_kind.append(_KINDS.index(item.kind))
                    d_start.append(item.start)
                    d_end.append(item.end)

        if problems and errors == "raise":
            raise WorkforceError(sorted(problems, key=lambda e: e.row))
        # every column is copied (an input array may still be written by its owner),
        # except the ids, which _id_column always builds anew
        keep = None if not bad.any() else ~bad
        d_rows = np.array(d_row, dtype=np.int64)
        d_keep = np.ones(len(d_rows), dtype=bool) if keep is None else keep[d_rows]
        return cls(
            ids=_readonly(id_array if keep is None else id_array[keep]),
            hire_date=_kept(hire, keep),
            working_time_percent=_kept(percent, keep),
            role=Categories(_kept(roles.codes, keep), roles.categories),
            tags=_kept(tag_matrix, keep),
            tag_names=tag_names,
            commute_distance_km=_kept(distance, keep),
            commute_time_min=_kept(minutes, keep),
            commute_mode=_kept(mode_codes, keep),
            volunteer=_kept(volunteers, keep),
            teleworkable_post=_kept(posts, keep),
            requested_telework_workday_per_week=_kept(asked, keep),
            derogation_row=_readonly(
                d_rows if keep is None else (np.cumsum(keep) - 1)[d_rows[d_keep]]
            ),
            derogation_kind=_readonly(np.array(d_kind, dtype=np.int8)[d_keep]),
            derogation_start=_readonly(np.array(d_start, dtype="datetime64[D]")[d_keep]),
            derogation_end=_readonly(
                np.array(
                    [e if e is not None else np.datetime64("NaT") for e in d_end],
                    dtype="datetime64[D]",
                )[d_keep]
            ),
            source_rows=_kept(rows, keep),
            rejected=tuple(sorted(problems, key=lambda e: e.row)),
        )

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
    ) -> Workforce:
        """Build a workforce from dicts (or CSV rows), one per agent.

        Keys are :class:`Agent` field names. Quantities are strings with units
        (``"18 km"``, ``"90 %"``, ``"1.5 workday/week"``) or numbers in a column whose
        name carries the unit (``commute_distance_km``, ``commute_time_min``,
        ``working_time_pct``, ``requested_telework_workday_per_week``: ``_per_`` stands
        for ``/``). Tags and
        derogations are ``;``-separated (``"cadre;public_facing"``,
        ``"health:2024-01-01/2024-06-30"``). Empty cells take the defaults. Unknown keys
        are an error unless listed in ``ignore_columns``.
        """
        columns: dict[str, list[Any]] = {name: [] for name in _FIELDS}
        problems: list[RowError] = []
        kept_rows: list[int] = []
        key_cache: dict[str, tuple[str, str | None]] = {}
        text_cache: dict[tuple[str, str], float] = {}
        ignored = set(ignore_columns)
        for row_number, record in enumerate(records):
            try:
                parsed = _parse_record(record, key_cache, text_cache, ignored)
            except ValidationError as exc:
                if exc.field.startswith("columns."):
                    raise
                problems.append(RowError.from_error(row_number, exc))
                continue
            kept_rows.append(row_number)
            for name in _FIELDS:
                columns[name].append(parsed[name])
        if problems and errors == "raise":
            # report the per-cell errors together with the column checks of the other rows
            raise WorkforceError(_merge(problems, cls._column_problems(columns, kept_rows)))
        return cls._from_parsed(columns, kept_rows, errors, problems)

    @classmethod
    def _column_problems(cls, columns: dict[str, list[Any]], rows: list[int]) -> list[RowError]:
        return list(cls._from_parsed(columns, rows, "report", []).rejected)

    @classmethod
    def _from_parsed(
        cls,
        columns: dict[str, list[Any]],
        rows: list[int],
        errors: Errors,
        problems: list[RowError],
    ) -> Workforce:
        return cls.from_columns(
            ids=columns["id"],
            hire_date=columns["hire_date"],
            working_time=Q_(np.array(columns["working_time"], dtype=float), WORKING_TIME_UNIT),
            role=columns["role"],
            tags=columns["tags"],
            commute_distance=Q_(np.array(columns["commute_distance"], dtype=float), DISTANCE_UNIT),
            commute_time=Q_(np.array(columns["commute_time"], dtype=float), COMMUTE_TIME_UNIT),
            commute_mode=columns["commute_mode"],
            volunteer=columns["volunteer"],
            teleworkable_post=columns["teleworkable_post"],
            derogations=columns["derogations"],
            requested_telework=Q_(
                np.array(columns["requested_telework"], dtype=float), REQUESTED_TELEWORK_UNIT
            ),
            errors=errors,
            source_rows=rows,
            rejected=problems,
        )

    @classmethod
    def from_csv(
        cls,
        source: str | Path | IO[str],
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        delimiter: str | None = None,
    ) -> Workforce:
        """Read a CSV file with a header row (see :meth:`from_records` for the columns).

        The delimiter is guessed from the header among ``,``, ``;`` and tab unless given.
        Row numbers in errors count data rows from 0; a row with more or fewer cells than
        the header is a bad row.
        """
        if isinstance(source, str | Path):
            with open(source, newline="", encoding="utf-8-sig") as handle:
                return cls.from_csv(
                    handle, errors=errors, ignore_columns=ignore_columns, delimiter=delimiter
                )
        text = source.read().lstrip("\ufeff")
        if delimiter is None:
            first = text.split("\n", 1)[0]
            counts = {d: first.count(d) for d in (",", ";", "\t")}
            delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
        reader = csv.DictReader(
            io.StringIO(text, newline=""), delimiter=delimiter, restkey=_EXTRA, restval=_SHORT
        )
        return cls.from_records(reader, errors=errors, ignore_columns=ignore_columns)

    @classmethod
    def from_pandas(
        cls, frame: pd.DataFrame, *, errors: Errors = "raise", ignore_columns: Collection[str] = ()
    ) -> Workforce:
        """Build a workforce from a pandas DataFrame (the ``pandas`` extra).

        Column names follow :meth:`from_records`; missing values (NaN) take the defaults.
        """
        import pandas as pd

        frame = frame.copy()
        for name in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[name]):
                # a date column (as to_pandas writes it) back to dates, NaT to missing
                frame[name] = [None if pd.isna(v) else v.date() for v in frame[name]]
        records = frame.to_dict(orient="records")
        return cls.from_records(
            [{str(k): v for k, v in r.items()} for r in records],
            errors=errors,
            ignore_columns=ignore_columns,
        )

    # -- access ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def working_time(self) -> Quantity:
        """Working times, one quantity wrapping the whole column (in percent)."""
        return Q_(self.working_time_percent, WORKING_TIME_UNIT)

    @property
    def commute_distance(self) -> Quantity:
        """One-way commute distances (km), NaN where unknown."""
        return Q_(self.commute_distance_km, DISTANCE_UNIT)

    @property
    def commute_time(self) -> Quantity:
        """One-way commute times (min), NaN where unknown."""
        return Q_(self.commute_time_min, COMMUTE_TIME_UNIT)

    @property
    def requested_telework(self) -> Quantity:
        """The telework each agent asks for (workday/week), NaN where not stated."""
        return Q_(self.requested_telework_workday_per_week, REQUESTED_TELEWORK_UNIT)

    def __repr__(self) -> str:
        rejected = f", {len(self.rejected)} rejected" if self.rejected else ""
        return f"<Workforce of {len(self)} agents{rejected}>"

    def index_of(self, agent_id: str) -> int:
        """The row of an agent, by id."""
        found = np.flatnonzero(self.ids == agent_id)
        if not len(found):
            raise ValidationError("agent_id", agent_id, "the id of an agent of this workforce")
        return int(found[0])

    def agent(self, row: int) -> Agent:
        """Rebuild row ``row`` as an :class:`Agent`."""
        if not -len(self) <= row < len(self):
            raise ValidationError("row", row, f"a row number below {len(self)}")
        row = row % len(self)
        distance = float(self.commute_distance_km[row])
        minutes = float(self.commute_time_min[row])
        asked = float(self.requested_telework_workday_per_week[row])
        mask = self.derogation_row == row
        derogations = tuple(
            Derogation(
                kind=_KINDS[int(kind)],
                start=_to_date(start),
                end=None if np.isnat(end) else _to_date(end),
            )
            for kind, start, end in zip(
                self.derogation_kind[mask],
                self.derogation_start[mask],
                self.derogation_end[mask],
                strict=True,
            )
        )
        return Agent(
            id=str(self.ids[row]),
            hire_date=_to_date(self.hire_date[row]),
            working_time=Q_(float(self.working_time_percent[row]), WORKING_TIME_UNIT),
            role=self.role.value(row),
            tags=frozenset(t for t, on in zip(self.tag_names, self.tags[row], strict=True) if on),
            commute_distance=None if math.isnan(distance) else Q_(distance, DISTANCE_UNIT),
            commute_time=None if math.isnan(minutes) else Q_(minutes, COMMUTE_TIME_UNIT),
            commute_mode=_MODES[int(self.commute_mode[row])],
            volunteer=bool(self.volunteer[row]),
            teleworkable_post=bool(self.teleworkable_post[row]),
            derogations=derogations,
            requested_telework=None if math.isnan(asked) else Q_(asked, REQUESTED_TELEWORK_UNIT),
        )

    def __iter__(self) -> Iterator[Agent]:
        return (self.agent(i) for i in range(len(self)))

    def has_tag(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows carrying any of the tags in ``names``."""
        columns = [i for i, t in enumerate(self.tag_names) if t in names]
        if not columns:
            return np.zeros(len(self), dtype=bool)
        if len(columns) == 1:
            return self.tags[:, columns[0]].copy()
        result: npt.NDArray[np.bool_] = np.any(self.tags[:, columns], axis=1)
        return result

    def role_in(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows whose role is one of ``names``."""
        codes = self.role.code_of(names)
        if len(codes) > 8:  # many codes: one pass through a lookup table
            table = np.zeros(len(self.role.categories), dtype=bool)
            table[codes] = True
            return table[self.role.codes]
        found = np.zeros(len(self), dtype=bool)
        for code in codes.tolist():  # few codes: comparisons beat np.isin's sort
            found |= self.role.codes == code
        return found

    def derogation_active(
        self, kinds: Collection[DerogationKind], on: dt.date
    ) -> npt.NDArray[np.bool_]:
        """Rows holding a derogation of one of ``kinds`` in force on ``on``."""
        day = np.datetime64(on, "D")
        codes = [_KINDS.index(k) for k in kinds]
        live = (
            np.isin(self.derogation_kind, codes)
            & (self.derogation_start <= day)
            & (np.isnat(self.derogation_end) | (self.derogation_end >= day))
        )
        result = np.zeros(len(self), dtype=bool)
        result[self.derogation_row[live]] = True
        return result

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per agent, with quantities as strings with units."""
        records = []
        for agent in self:
            records.append(
                {
                    "id": agent.id,
                    "hire_date": agent.hire_date.isoformat(),
                    "working_time": f"{_number(agent.working_time.magnitude)} %",
                    "role": agent.role,
                    "tags": ";".join(sorted(agent.tags)),
                    "commute_distance": (
                        f"{_number(agent.commute_distance.magnitude)} km"
                        if agent.commute_distance is not None
                        else ""
                    ),
                    "commute_time": (
                        f"{_number(agent.commute_time.magnitude)} min"
                        if agent.commute_time is not None
                        else ""
                    ),
                    "commute_mode": agent.commute_mode.value,
                    "volunteer": agent.volunteer,
                    "teleworkable_post": agent.teleworkable_post,
                    "derogations": ";".join(str(d) for d in agent.derogations),
                    "requested_telework": (
                        f"{_number(agent.requested_telework.magnitude)} workday/week"
                        if agent.requested_telework is not None
                        else ""
                    ),
                }
            )
        return records

    def to_pandas(self) -> pd.DataFrame:
        """The columns as a DataFrame, quantity columns named with their unit (``_per_``
        for ``/``: ``requested_telework_workday_per_week``)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "id": self.ids,
                "hire_date": self.hire_date,
                "working_time_pct": self.working_time_percent,
                "role": pd.Categorical.from_codes(
                    self.role.codes, categories=pd.Index(list(self.role.categories))
                )
                if self.role.categories
                else pd.Categorical([]),
                "tags": [
                    ";".join(t for t, on in zip(self.tag_names, r, strict=True) if on)
                    for r in self.tags
                ],
                "commute_distance_km": self.commute_distance_km,
                "commute_time_min": self.commute_time_min,
                "commute_mode": [_MODES[int(c)].value for c in self.commute_mode],
                "volunteer": self.volunteer,
                "teleworkable_post": self.teleworkable_post,
                "derogations": [
                    ";".join(str(d) for d in self.agent(row).derogations) if has else ""
                    for row, has in enumerate(np.isin(np.arange(len(self)), self.derogation_row))
                ],
                "requested_telework_workday_per_week": self.requested_telework_workday_per_week,
            }
        )


def _number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``100``, ``89.9999999``)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds, for error messages."""
    return value.item() if isinstance(value, np.generic) else value


def _merge(first: list[RowError], second: list[RowError]) -> list[RowError]:
    seen = set(first)
    return sorted(first + [e for e in second if e not in seen], key=lambda e: e.row)


def _magnitude(quantity: Quantity | None, unit: str) -> float:
    """An agent's quantity as a float in ``unit``; NaN for an unknown value.

    An :class:`Agent`'s converters store every quantity in the unit of its workforce
    column (percent, km, min), so the magnitude is read as it is; ``unit`` names which.
    """
    return math.nan if quantity is None else float(quantity.magnitude)


def _to_date(value: np.datetime64) -> dt.date:
    result = value.astype("datetime64[D]").astype(object)
    assert isinstance(result, dt.date)
    return result


def _date_column(
    values: Sequence[Any] | npt.NDArray[Any],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> npt.NDArray[np.datetime64]:
    if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        array = values.astype("datetime64[D]")
        missing = np.isnat(array)
        timed = ~missing & (array != values)  # a time of day would be cut off silently
        for position in np.flatnonzero(timed & ~bad[: len(timed)]):
            problems.append(
                RowError(
                    int(rows[position]),
                    "hire_date",
                    str(values[position]),
                    f"hire_date: expected a date without a time of day, got {values[position]}",
                )
            )
        bad[: len(timed)] |= timed
    else:
        array = np.empty(len(values), dtype="datetime64[D]")
        missing = np.zeros(len(values), dtype=bool)
        for index, value in enumerate(values):
            try:
                array[index] = np.datetime64(to_date(value, "hire_date"), "D")
            except ValidationError:
                array[index] = np.datetime64("NaT")
                missing[index] = True
    for position in np.flatnonzero(missing & ~bad[: len(missing)]):
        value = values[int(position)]
        problems.append(
            RowError(
                int(rows[position]),
                "hire_date",
                value,
                f"hire_date: expected an ISO date such as 2013-01-01, got {value!r}",
            )
        )
    bad[: len(missing)] |= missing
    return array


def _quantity_column(
    column: Quantity | None, field: str, n: int, default: float
) -> npt.NDArray[np.float64]:
    dimension, unit = _QUANTITY_FIELDS[field]
    if column is None:
        return np.full(n, default, dtype=float)
    quantity = as_quantity(column, field=field, dimension=dimension)
    magnitude = np.asarray(quantity.m_as(_unit(unit)), dtype=float)
    _check_length(field, magnitude, n)
    return magnitude


def _check_length(field: str, column: Any, n: int) -> None:
    """A column must have one value per agent."""
    if np.ndim(column) != 1 and not isinstance(column, Sequence):
        raise ValidationError(field, column, f"a column of {n} values (one per id)")
    size = len(column)
    if size != n:
        raise ValidationError(
            field, f"a column of {size} values", f"a column of {n} values (one per id)"
        )


def _role_column(role: Sequence[str] | npt.NDArray[Any] | Categories | None, n: int) -> Categories:
    if role is None:
        return Categories(np.zeros(n, dtype=np.int32), ("",))
    if isinstance(role, Categories):
        _check_length("role", role.codes, n)
        codes = np.asarray(role.codes)
        if n and (codes.min() < 0 or codes.max() >= len(role.categories)):
            raise ValidationError(
                "role.codes", int(codes.max()), f"codes from 0 to {len(role.categories) - 1}"
            )
        return role
    _check_length("role", role, n)
    array = np.asarray(role)
    if array.dtype.kind != "U" and n:
        strange = [v for v in array.tolist() if not isinstance(v, str)]
        if strange:
            raise ValidationError("role", strange[0], "a column of strings (roles are text)")
    return Categories.from_values(np.char.strip(array.astype(str)) if n else [])


def _tag_column(
    tags: Sequence[Collection[str] | str] | Mapping[str, npt.ArrayLike] | None, n: int
) -> tuple[npt.NDArray[np.bool_], tuple[str, ...], list[tuple[int, str, Any]]]:
    """The tag matrix, its column names, and the rows whose tags could not be read."""
    problems: list[tuple[int, str, Any]] = []
    if tags is None:
        return np.zeros((n, 0), dtype=bool), (), problems
    if isinstance(tags, Mapping):
        names = tuple(sorted(_tags(list(tags))))
        matrix = np.zeros((n, len(names)), dtype=bool)
        for j, name in enumerate(names):
            column, unread = _bool_column(tags[name], f"tags.{name}", n)
            matrix[:, j] = column
            problems.extend((int(i), f"tags.{name}", tags[name][i]) for i in np.flatnonzero(unread))  # type: ignore[index]
        return matrix, names, problems
    _check_length("tags", tags, n)
    rows: list[frozenset[str]] = []
    for index, row in enumerate(tags):
        try:
            rows.append(_tags(row))
        except ValidationError:
            problems.append((index, "tags", row))
            rows.append(frozenset())
    names = tuple(sorted({t for row in rows for t in row}))
    position = {name: j for j, name in enumerate(names)}
    matrix = np.zeros((n, len(names)), dtype=bool)
    for i, row in enumerate(rows):
        for tag in row:
            matrix[i, position[tag]] = True
    return matrix, names, problems


def _id_column(ids: Sequence[str] | npt.NDArray[Any]) -> npt.NDArray[np.str_]:
    """Ids as a numpy string column, stripped; anything but text is refused whole."""
    array = np.asarray(ids)
    if array.ndim != 1:
        raise ValidationError("ids", f"an array of shape {array.shape}", "a column of ids")
    if array.dtype.kind != "U":
        if array.size == 0:
            return np.array([], dtype=str)
        strange = [v for v in array.tolist() if not isinstance(v, str)]
        if strange:
            raise ValidationError("ids", strange[0], "a column of strings (ids are text)")
        array = array.astype(str)
    return np.char.strip(array)


def _bool_column(
    values: npt.ArrayLike | None, field: str, n: int
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The column as booleans, and which rows could not be read as one."""
    if values is None:
        return np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValidationError(
            field, f"an array of shape {array.shape}", f"a column of {n} booleans"
        )
    _check_length(field, array, n)
    if array.dtype == np.bool_:
        return array, np.zeros(n, dtype=bool)
    result = np.zeros(n, dtype=bool)
    unreadable = np.zeros(n, dtype=bool)
    for index, value in enumerate(array.tolist()):
        try:
            result[index] = _read_bool(value, field)
        except ValidationError:
            unreadable[index] = True
    return result, unreadable


def _parse_record(
    record: Mapping[str, Any],
    key_cache: dict[str, tuple[str, str | None]],
    text_cache: dict[tuple[str, str], float],
    ignored: set[str],
) -> dict[str, Any]:
    """Read one record into plain column values (quantities as magnitudes in fixed units)."""
    if not isinstance(record, Mapping):
        raise ValidationError("record", record, "a mapping of column names to values")
    values: dict[str, Any] = {}
    units: dict[str, str | None] = {}
    for key, value in record.items():
        if key == _EXTRA:
            raise ValidationError("cells", value, "no more cells than the header has columns")
        if value == _SHORT:
            raise ValidationError(key, None, "a cell for every column of the header")
        if key in ignored:
            continue
        if not isinstance(key, str):
            raise ValidationError("record", key, "column names that are strings")
        found = key_cache.get(key)
        if found is None:
            found = _column_unit(key)
            key_cache[key] = found
        name, unit = found
        if name in values:
            raise ValidationError(key, value, f"one column for {name}, not two")
        values[name] = value
        units[name] = unit
    for required in ("id", "hire_date"):
        if _is_missing(values.get(required)):
            raise ValidationError(required, values.get(required), "a value (required)")
    parsed: dict[str, Any] = {
        "id": _agent_id(str(values["id"]).strip()),
        "hire_date": to_date(values["hire_date"], "hire_date"),
    }
    for name, (dimension, unit) in _QUANTITY_FIELDS.items():
        raw = values.get(name)
        if _is_missing(raw):
            parsed[name] = 100.0 if name == "working_time" else math.nan
            continue
        parsed[name] = _cell_quantity(raw, name, dimension, unit, units.get(name), text_cache)
    role = values.get("role")
    parsed["role"] = "" if _is_missing(role) else _role(str(role))
    tags = values.get("tags")
    parsed["tags"] = frozenset() if _is_missing(tags) else _tags(tags)
    mode = values.get("commute_mode")
    parsed["commute_mode"] = (
        CommuteMode.CAR_THERMAL.value if _is_missing(mode) else _mode(mode).value
    )
    for flag_name in ("volunteer", "teleworkable_post"):
        raw = values.get(flag_name)
        parsed[flag_name] = True if _is_missing(raw) else _read_bool(raw, flag_name)
    derogations = values.get("derogations")
    parsed["derogations"] = () if _is_missing(derogations) else _derogations(derogations)
    return parsed


def _cell_quantity(
    raw: Any,
    name: str,
    dimension: str,
    unit: str,
    column_unit: str | None,
    text_cache: dict[tuple[str, str], float],
) -> float:
    """One cell of a quantity column, as a magnitude in the workforce's unit."""
    if column_unit is not None:
        if isinstance(raw, str) and raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")  # a French decimal comma: "12,5"
        try:
            number = float(raw)
        except (TypeError, ValueError):
            raise ValidationError(name, raw, f"a number in {column_unit}") from None
        if column_unit == unit:
            return number
        return float(Q_(number, column_unit).m_as(_unit(unit)))
    if isinstance(raw, str):
        key = (name, raw)
        hit = text_cache.get(key)
        if hit is None:
            hit = float(as_quantity(raw, field=name, dimension=dimension).m_as(_unit(unit)))
            text_cache[key] = hit
        return hit
    return float(as_quantity(raw, field=name, dimension=dimension).m_as(_unit(unit)))
