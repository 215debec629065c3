"""The :class:`Workforce`: many agents as columns, one agent per row.

It holds the fields of :class:`~teletravail.workforce.Agent` as read-only numpy
columns: quantities in a fixed unit (``percent``, ``km``, ``min``), roles and other
labels as category codes, tags as a boolean matrix, dates as ``datetime64[D]``. Rules
compute on those columns; one agent is assessed as a workforce of one. This module holds
the class: its columns and their checks, its constructors, the accessors (an agent
back from its row, the quantities with their units), :meth:`Workforce.take` and the
selections (``role_in``, ``has_tag``, ``contract_type_in``...).

The constructors and writers are thin: they keep their signatures and the reference
documentation of the public API, and delegate to :mod:`.building` (from agents, from
whole columns), :mod:`.reading` (records, CSV, pandas) and :mod:`.writing`.

Why a little over 600 lines: the class is one concept, and what it keeps (its columns
and their checks, the documented signatures of seven constructors and writers, the
accessors, ``take`` and nine selections) is what a reader of the class looks for in one
place; the bodies that could leave it have left.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import readonly as _readonly
from teletravail.errors import RowError, ValidationError
from teletravail.messages import Lang, Phrase, french_count
from teletravail.spans import Absence, Authorisation
from teletravail.units import Q_
from teletravail.week import WeeklyPattern, weekdays_of_mask

from . import building, document_columns, reading, summary, writing
from .agent import (
    COMMUTE_MODES,
    COMMUTE_TIME_UNIT,
    DEROGATION_KINDS,
    DISTANCE_UNIT,
    REQUESTED_TELEWORK_UNIT,
    WORKING_TIME_UNIT,
    Agent,
    Derogation,
    DerogationKind,
)
from .building import Errors
from .columns import Categories, Coded, labelled, name_list, row_positions, rows_of
from .fields import Category, ContractType, activities_from_shares, category, contract_type
from .plan import Columns
from .reading import ProgressHook, UnreadableRow

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.frames import Units
    from teletravail.units import Quantity

__all__ = ["Workforce"]


# the columns with one entry per agent, checked against the ids
_ROW_NAMES = (
    "hire_date",
    "working_time_percent",
    "tags",
    "commute_distance_km",
    "commute_time_min",
    "commute_mode",
    "volunteer",
    "teleworkable_post",
    "requested_telework_workday_per_week",
    "days_off_mask",
    "telecentre_distance_km",
    "activity_shares",
    "source_rows",
)
# the columns of codes, one code per agent
_CODED_NAMES = (
    "role",
    "pattern",
    "absences",
    "authorisation",
    "contract_type",
    "category",
    "establishment",
)
# every column of one entry per agent, and the codes of the coded ones, read at once
_ROW_COLUMNS = operator.attrgetter(*_ROW_NAMES, *(f"{name}.codes" for name in _CODED_NAMES))

G = TypeVar("G", bound=np.generic)


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
    * ``pattern`` (:class:`Coded`: the weekly pattern each agent asks for, or None),
      ``days_off_mask`` (the weekdays not worked, bit 0 = Monday),
      ``telecentre_distance_km`` (NaN if unknown), ``absences`` (:class:`Coded`: each
      agent's absences, None where unknown) and ``authorisation`` (:class:`Coded`);
    * ``contract_type``, ``category`` and ``establishment``: :class:`Categories`, ``""``
      where not stated; ``activity_names`` and ``activity_shares``, the share of each
      agent's working time on each activity (a float matrix, each row summing to 1
      where the activities are stated, all zero where not);
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
    pattern: Coded
    days_off_mask: npt.NDArray[np.uint8]
    telecentre_distance_km: npt.NDArray[np.float64]
    absences: Coded
    authorisation: Coded
    contract_type: Categories
    category: Categories
    establishment: Categories
    activity_names: tuple[str, ...]
    activity_shares: npt.NDArray[np.float64]
    source_rows: npt.NDArray[np.int64]
    rejected: tuple[RowError, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Built by the from_* constructors, which validate every value; a direct call
        # gets at least the shape checks that the rules rely on.
        n = len(self.ids)
        if set(map(len, _ROW_COLUMNS(self))) != {n}:  # the name only when one differs
            for name in _ROW_NAMES:
                if len(getattr(self, name)) != n:
                    raise ValidationError(name, len(getattr(self, name)), rows_of(n))
            for name in _CODED_NAMES:
                if len(getattr(self, name).codes) != n:
                    raise ValidationError(
                        name,
                        len(getattr(self, name).codes),
                        Phrase("{n} codes", "{codes}", n=n, codes=french_count(n, "code", "codes")),
                    )
        shape = self.activity_shares.shape
        if len(shape) != 2 or shape[1] != len(self.activity_names):
            raise ValidationError(
                "activity_shares",
                self.activity_shares.shape,
                Phrase(
                    "one column per activity name ({n})",
                    "une colonne par nom d'activité ({n})",
                    n=len(self.activity_names),
                ),
            )
        if self.hire_date.dtype != np.dtype("datetime64[D]"):
            raise ValidationError(
                "hire_date",
                self.hire_date.dtype,
                Phrase("dates as datetime64[D]", "des dates de type datetime64[D]"),
            )

    # -- construction -------------------------------------------------------------

    @classmethod
    def from_agents(cls, agents: Iterable[Agent]) -> Workforce:
        """Columns from validated agents (ids must be unique)."""
        return building.from_agents(cls, agents)

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
    ) -> Workforce:
        """Build a workforce from whole columns, validated with array operations.

        Quantity columns are pint quantities wrapping arrays (``Q_(array, "km")``); NaN
        in ``commute_distance`` or ``commute_time`` means unknown, in
        ``requested_telework`` (``Q_(array, "workday/week")``) not stated. Omitted columns take
        the defaults of :class:`Agent`. ``role`` may be strings or :class:`Categories`;
        ``tags`` a sequence of tag sets or a mapping ``{tag: boolean column}``;
        ``pattern``, ``days_off``, ``absences`` and ``authorisation`` one value per agent
        (or its text), ``None`` for the default.

        ``contract_type`` and ``category`` are values, French words or
        :class:`Categories` (each distinct value read once), ``establishment`` strings
        or :class:`Categories`; ``None`` or an empty cell is not stated. ``activities``
        is one value per agent as :class:`Agent` reads it (text, a mapping, a list), or
        a mapping ``{activity: Q_(shares, "percent")}`` of whole columns (a row of zeros
        or NaN: not stated; each stated row must sum to 100 % within 0.5 %).
        """
        return building.from_columns(
            cls,
            ids=ids,
            hire_date=hire_date,
            working_time=working_time,
            role=role,
            tags=tags,
            commute_distance=commute_distance,
            commute_time=commute_time,
            commute_mode=commute_mode,
            volunteer=volunteer,
            teleworkable_post=teleworkable_post,
            derogations=derogations,
            requested_telework=requested_telework,
            pattern=pattern,
            days_off=days_off,
            telecentre_distance=telecentre_distance,
            absences=absences,
            authorisation=authorisation,
            contract_type=contract_type,
            category=category,
            establishment=establishment,
            activities=activities,
            errors=errors,
            source_rows=source_rows,
            rejected=rejected,
        )

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any] | UnreadableRow],
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        columns: Columns | None = None,
    ) -> Workforce:
        """Build a workforce from dicts (or CSV rows), one per agent (an
        :class:`UnreadableRow` stands for a row of a file that could not be read).

        Keys are :class:`Agent` field names. Quantities are strings with units
        (``"18 km"``, ``"90 %"``, ``"1.5 workday/week"``) or numbers in a column whose
        name carries the unit (``commute_distance_km``, ``commute_time_min``,
        ``working_time_pct``, ``requested_telework_workday_per_week``: ``_per_`` stands
        for ``/``). Tags and derogations are ``;``-separated (``"cadre;public_facing"``,
        ``"health:2024-01-01/2024-06-30"``). Empty cells take the defaults. Unknown keys
        are an error unless listed in ``ignore_columns``.

        ``columns`` maps keys of your own to fields: ``{"agent": "id", "distance_km":
        "commute_distance", "dist_mi": ("commute_distance", "mi"), "service": None}``
        (a field, a field with its unit written as in a key, a ``(field, unit)`` pair, or
        ``None`` to skip the key). Each is checked before any row is read.
        """
        return reading.from_records(
            cls, records, errors=errors, ignore_columns=ignore_columns, columns=columns
        )

    @classmethod
    def from_csv(
        cls,
        source: str | Path | IO[str] | IO[bytes],
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        delimiter: str | None = None,
        columns: Columns | None = None,
        encoding: str | None = None,
        progress: ProgressHook | None = None,
        id_cells: list[str] | None = None,
        columnar: bool | None = None,
    ) -> Workforce:
        """Read a CSV file with a header row (see :meth:`from_records` for the columns,
        and for ``columns``, a mapping of your column names to fields). This is the
        package's one CSV reader: :func:`~teletravail.workforce.io.read_workforce` and
        the command line read registers with it.

        A file, or a binary stream, is read as UTF-8 (with or without a byte order mark)
        or, when it is not, as Windows-1252 (Latin-1 and the euro sign), unless
        ``encoding`` is given. The delimiter is guessed from the header among ``,``,
        ``;`` and tab unless given. Row numbers in errors count data rows from 0. A row
        with more or fewer cells than the header, a quote that is not closed on its
        line (a cell never holds a line break), or a row of more than 131,072
        characters is a bad row, and the others are read. The header is checked first:
        two columns for one field, or a mapped column the file does not have, are
        errors for the whole file.

        With pyarrow installed (the ``parquet`` extra) the rows are split by pyarrow and
        their cells read a column at a time: a million rows in about a second. Cells
        it cannot decide, and lines it would not split as the Python reader does, go
        to the Python reader, so the workforce and its errors are the same either way.
        ``columnar=False`` reads row by row; ``True`` requires pyarrow; ``None`` (the
        default) reads column by column when pyarrow is there.

        ``progress``, a function, is called as ``progress(done, total)``: with 0 before
        the first row, then as rows are read (after each row, or each block of rows
        when read column by column), ``total`` being the file's data rows, and last
        with every row read. ``id_cells``, a list, receives each data row's id cell as
        written (stripped; empty where the row has none), in row order: the ids of the
        rows set aside in :attr:`rejected` too, which hold only their row number.
        """
        return reading.from_csv(
            cls,
            source,
            errors=errors,
            ignore_columns=ignore_columns,
            delimiter=delimiter,
            columns=columns,
            encoding=encoding,
            progress=progress,
            id_cells=id_cells,
            columnar=columnar,
        )

    @classmethod
    def from_arrow(
        cls,
        table: Any,
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        columns: Columns | None = None,
    ) -> Workforce:
        """Read a pyarrow Table (what a Parquet file, a spreadsheet or Dask give), the
        columns named as in :meth:`from_records` or mapped by ``columns``. Numbers of a
        column whose name gives the unit, dates and booleans convert whole; text is
        read as :meth:`from_csv` reads a CSV file's cells, a column at a time, with the
        same errors. A column of the wrong type (dates as numbers, say) makes each of
        its rows a bad row, with its error. Needs pyarrow (the ``parquet`` extra)."""
        return reading.from_arrow(
            cls, table, errors=errors, ignore_columns=ignore_columns, columns=columns
        )

    @classmethod
    def from_pandas(
        cls,
        frame: pd.DataFrame,
        *,
        errors: Errors = "raise",
        ignore_columns: Collection[str] = (),
        columns: Columns | None = None,
    ) -> Workforce:
        """Build a workforce from a pandas DataFrame (the ``pandas`` extra).

        Column names follow :meth:`from_records`, and ``columns`` maps names of your own
        to fields, with their unit: ``{"agent": "id", "distance_km":
        "commute_distance", "dist_mi": ("commute_distance", "mi")}``. Missing values
        (NaN, None, NaT) take the defaults. Numeric columns with a unit, date columns and
        boolean columns are converted whole; a pint-pandas column (named after its field)
        brings its own unit. Rows are numbered by position from 0, whatever the index.
        """
        return reading.from_pandas(
            cls, frame, errors=errors, ignore_columns=ignore_columns, columns=columns
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

    def to_html(self, lang: Lang | None = None) -> str:
        """The workforce at a glance (:func:`~teletravail.workforce.summary.workforce_html`),
        in English or French (``None``: the language of :mod:`teletravail.display`)."""
        return summary.workforce_html(self, lang)

    def _repr_html_(self) -> str:
        return summary.workforce_html(self)

    def index_of(self, agent_id: str) -> int:
        """The row of an agent, by id."""
        found = np.flatnonzero(self.ids == agent_id)
        if not len(found):
            raise ValidationError(
                "agent_id",
                agent_id,
                Phrase(
                    "the id of an agent of this workforce",
                    "l'identifiant d'un agent de cet effectif",
                ),
            )
        return int(found[0])

    def agent(self, row: int) -> Agent:
        """Rebuild row ``row`` as an :class:`Agent`."""
        if not -len(self) <= row < len(self):
            raise ValidationError(
                "row",
                row,
                Phrase("a row number below {n}", "un numéro de ligne inférieur à {n}", n=len(self)),
            )
        row = row % len(self)
        distance = float(self.commute_distance_km[row])
        minutes = float(self.commute_time_min[row])
        asked = float(self.requested_telework_workday_per_week[row])
        far = float(self.telecentre_distance_km[row])
        mask = self.derogation_row == row
        derogations = tuple(
            Derogation(
                kind=DEROGATION_KINDS[int(kind)],
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
            commute_mode=COMMUTE_MODES[int(self.commute_mode[row])],
            volunteer=bool(self.volunteer[row]),
            teleworkable_post=bool(self.teleworkable_post[row]),
            derogations=derogations,
            requested_telework=None if math.isnan(asked) else Q_(asked, REQUESTED_TELEWORK_UNIT),
            pattern=self.pattern.value(row),
            days_off=weekdays_of_mask(int(self.days_off_mask[row])),
            absences=self.absences.value(row),
            telecentre_distance=None if math.isnan(far) else Q_(far, DISTANCE_UNIT),
            authorisation=self.authorisation.value(row),
            contract_type=self.contract_type.value(row) or None,
            category=self.category.value(row) or None,
            establishment=self.establishment.value(row),
            activities=activities_from_shares(
                self.activity_names, self.activity_shares[row].tolist()
            ),
        )

    def __iter__(self) -> Iterator[Agent]:
        return (self.agent(i) for i in range(len(self)))

    def take(self, rows: npt.ArrayLike) -> Workforce:
        """The workforce of the agents at positions ``rows`` (integers, in that order).

        Every column is taken; categories, tag names and the values of coded columns are
        kept as they are (a category no row uses any more stays listed). ``source_rows``
        still name the input rows, so errors and reports point at the register;
        ``rejected`` is empty (the rows taken are all good ones). A position out of
        range, or taken twice (ids stay unique), is an error naming ``rows``.
        """
        index, position = row_positions(rows, len(self))
        moved = position[self.derogation_row]
        held = np.flatnonzero(moved >= 0)
        order = held[np.argsort(moved[held], kind="stable")]  # grouped by new row, in order

        def taken(column: npt.NDArray[G]) -> npt.NDArray[G]:
            return _readonly(column[index])

        def coded(column: Coded) -> Coded:
            return Coded(taken(column.codes), column.values)

        def labels(column: Categories) -> Categories:
            return Categories(taken(column.codes), column.categories)

        return Workforce(
            ids=taken(self.ids),
            hire_date=taken(self.hire_date),
            working_time_percent=taken(self.working_time_percent),
            role=Categories(taken(self.role.codes), self.role.categories),
            tags=_readonly(self.tags[index, :]),
            tag_names=self.tag_names,
            commute_distance_km=taken(self.commute_distance_km),
            commute_time_min=taken(self.commute_time_min),
            commute_mode=taken(self.commute_mode),
            volunteer=taken(self.volunteer),
            teleworkable_post=taken(self.teleworkable_post),
            requested_telework_workday_per_week=taken(self.requested_telework_workday_per_week),
            derogation_row=_readonly(moved[order]),
            derogation_kind=_readonly(self.derogation_kind[order]),
            derogation_start=_readonly(self.derogation_start[order]),
            derogation_end=_readonly(self.derogation_end[order]),
            pattern=coded(self.pattern),
            days_off_mask=taken(self.days_off_mask),
            telecentre_distance_km=taken(self.telecentre_distance_km),
            absences=coded(self.absences),
            authorisation=coded(self.authorisation),
            contract_type=labels(self.contract_type),
            category=labels(self.category),
            establishment=labels(self.establishment),
            activity_names=self.activity_names,
            activity_shares=_readonly(self.activity_shares[index, :]),
            source_rows=taken(self.source_rows),
            rejected=(),
        )

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

    def contract_type_in(self, names: Collection[ContractType | str]) -> npt.NDArray[np.bool_]:
        """Rows whose contract type is one of ``names`` (values or French words; a row
        where it is not stated is in none)."""
        wanted = {contract_type(name, "names").value for name in name_list(names)}
        return labelled(self.contract_type, wanted)

    def category_in(self, names: Collection[Category | str]) -> npt.NDArray[np.bool_]:
        """Rows whose category is one of ``names`` (``"A"``, ``"catégorie B"``...; a row
        where it is not stated is in none)."""
        wanted = {category(name, "names").value for name in name_list(names)}
        return labelled(self.category, wanted)

    def establishment_in(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows whose establishment is one of ``names`` (compared as written, surrounding
        spaces aside; a row where it is not stated is in none)."""
        wanted = {name.strip() for name in name_list(names)} - {""}
        return labelled(self.establishment, wanted)

    def has_activity(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows carrying any of the activities in ``names`` (compared as written, spaces
        aside)."""
        columns = self._activity_columns(names)
        if not columns:
            return np.zeros(len(self), dtype=bool)
        result: npt.NDArray[np.bool_] = np.any(self.activity_shares[:, columns] > 0, axis=1)
        return result

    def activity_share(self, names: Collection[str]) -> npt.NDArray[np.float64]:
        """The share of each agent's working time (from 0 to 1) spent on the activities
        in ``names``; NaN where the agent's activities are not stated."""
        columns = self._activity_columns(names)
        share: npt.NDArray[np.float64] = self.activity_shares[:, columns].sum(axis=1)
        return np.where(self.activities_stated(), share, math.nan)

    def activities_stated(self) -> npt.NDArray[np.bool_]:
        """Rows whose activities are stated."""
        result: npt.NDArray[np.bool_] = np.any(self.activity_shares > 0, axis=1)
        return result

    def _activity_columns(self, names: Collection[str]) -> list[int]:
        wanted = {" ".join(name.split()) for name in name_list(names)}
        return [j for j, name in enumerate(self.activity_names) if name in wanted]

    def derogation_active(
        self, kinds: Collection[DerogationKind], on: dt.date
    ) -> npt.NDArray[np.bool_]:
        """Rows holding a derogation of one of ``kinds`` in force on ``on``."""
        day = np.datetime64(on, "D")
        codes = [DEROGATION_KINDS.index(k) for k in kinds]
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
        return writing.to_records(self)

    def to_documents(self) -> list[dict[str, Any]]:
        """One agent document per agent, as :meth:`Agent.to_dict
        <teletravail.workforce.Agent.to_dict>` writes it (its ``format`` and
        ``version``, quantities as ``{"value": 28, "unit": "km"}``), in row order:
        :meth:`from_records` reads them back, so documents go both ways in bulk."""
        return document_columns.to_documents(self)

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """The columns as a DataFrame, quantity columns named with their unit (``_per_``
        for ``/``: ``requested_telework_workday_per_week``), or, with ``units="pint"``,
        named after their field with a pint-pandas dtype (see :mod:`teletravail.tables`).
        :meth:`from_pandas` reads either back."""
        return writing.to_pandas(self, units)


def _to_date(value: np.datetime64) -> dt.date:
    result = value.astype("datetime64[D]").astype(object)
    assert isinstance(result, dt.date)
    return result
