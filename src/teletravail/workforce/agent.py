"""One employee: :class:`Agent`, a frozen value checked at construction, with its
derogations (:class:`Derogation`, :class:`DerogationKind`), its commute mode
(:class:`CommuteMode`), the units in which a workforce stores its quantities, and the
converters of its fields.

The converters (``read_role``, ``read_tags``, ``read_derogations``...) are also what
every batch reader of the package uses on each distinct cell, so that the same person
gets the same answer whichever way they came in. The descriptive fields (contract type,
category, establishment, activities) are read by :mod:`.fields`.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import enum_value, named
from teletravail.dated import check_order
from teletravail.dates import to_date
from teletravail.documents import read, write
from teletravail.errors import ValidationError
from teletravail.formats import french_unit
from teletravail.messages import Phrase
from teletravail.spans import Absence, Authorisation
from teletravail.spans import absences as _absence_list
from teletravail.units import DIMENSIONLESS, LENGTH, Q_, TIME, WORKDAYS_PER_TIME, as_quantity
from teletravail.units import unit as _unit
from teletravail.week import WeeklyPattern, weekday_set

from .cells import read_bool
from .document import AGENT_SCHEMA_ID, agent_table
from .fields import (
    Activity,
    Category,
    ContractType,
    category_or_none,
    contract_type_or_none,
    read_activities,
    read_establishment,
)

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "COMMUTE_MODES",
    "COMMUTE_TIME_UNIT",
    "DEROGATION_KINDS",
    "DISTANCE_UNIT",
    "EXPECTED_CLEAN_ID",
    "EXPECTED_NON_EMPTY",
    "EXPECTED_PER_WEEK",
    "EXPECTED_SHARE",
    "MOST_PER_WEEK",
    "QUANTITY_FIELDS",
    "REQUESTED_TELEWORK_UNIT",
    "WORKING_TIME_UNIT",
    "Agent",
    "CommuteMode",
    "Derogation",
    "DerogationKind",
    "agent_schema",
    "derogation_kind",
    "read_absences",
    "read_authorisation",
    "read_commute_mode",
    "read_days_off",
    "read_derogations",
    "read_pattern",
    "read_role",
    "read_tags",
    "unreadable_ids",
]

#: Units in which the workforce stores its quantity columns.
WORKING_TIME_UNIT = "percent"
DISTANCE_UNIT = "km"
COMMUTE_TIME_UNIT = "min"
REQUESTED_TELEWORK_UNIT = "workday/week"

#: The most telework days a week anyone can ask for: every day of the week.
MOST_PER_WEEK = 7.0

#: The quantity fields of an agent: each one's dimension and the unit of its column.
QUANTITY_FIELDS: dict[str, tuple[str, str]] = {
    "working_time": (DIMENSIONLESS, WORKING_TIME_UNIT),
    "commute_distance": (LENGTH, DISTANCE_UNIT),
    "commute_time": (TIME, COMMUTE_TIME_UNIT),
    "requested_telework": (WORKDAYS_PER_TIME, REQUESTED_TELEWORK_UNIT),
    "telecentre_distance": (LENGTH, DISTANCE_UNIT),
}


class CommuteMode(enum.StrEnum):
    """How an agent commutes; the names follow ADEME's emission factors, as impactco2
    publishes them."""

    CAR_THERMAL = "car_thermal"
    CAR_ELECTRIC = "car_electric"
    BUS = "bus"
    TRAIN_REGIONAL = "train_regional"
    TRAM = "tram"
    MOTORBIKE = "motorbike"
    BIKE = "bike"
    WALKING = "walking"


class DerogationKind(enum.StrEnum):
    """Grounds on which the national framework lifts the 3-day cap (décret n° 2016-151,
    art. 4, as amended)."""

    HEALTH = "health"
    PREGNANCY = "pregnancy"
    CARER = "carer"
    EXCEPTIONAL = "exceptional"


#: The commute modes and the kinds of derogation in declaration order: a workforce's
#: columns hold their positions here as codes.
COMMUTE_MODES: tuple[CommuteMode, ...] = tuple(CommuteMode)
DEROGATION_KINDS: tuple[DerogationKind, ...] = tuple(DerogationKind)


def read_commute_mode(value: Any) -> CommuteMode:
    """A commute mode from itself or its value (a typed error lists the modes)."""
    return enum_value(CommuteMode, value, "commute_mode")


def derogation_kind(value: Any) -> DerogationKind:
    """A kind of derogation from itself or its name (a typed error lists the kinds)."""
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

    kind: DerogationKind = attrs.field(converter=derogation_kind)
    start: dt.date = attrs.field(converter=_derogation_start)
    end: dt.date | None = attrs.field(default=None, converter=_derogation_end)

    def __attrs_post_init__(self) -> None:
        check_order(self.start, self.end, "derogation.end")

    def active_on(self, day: dt.date) -> bool:
        """Whether the derogation is in force on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)

    @classmethod
    def parse(cls, text: str) -> Derogation:
        """Read ``"health:2024-01-01/2024-06-30"`` (the end may be left empty)."""
        kind, sep, span = text.partition(":")
        start, _, end = span.partition("/")
        if not sep or not start.strip():
            raise ValidationError(
                "derogations",
                text,
                Phrase(
                    "{form!r}, e.g. {example!r}",
                    "{forme!r}, par exemple {example!r}",
                    form="kind:start/end",
                    forme="sorte:début/fin",
                    example="carer:2024-01-01/",
                ),
            )
        return cls(kind=kind, start=start, end=end.strip() or None)

    def __str__(self) -> str:
        end = self.end.isoformat() if self.end else ""
        return f"{self.kind.value}:{self.start.isoformat()}/{end}"


def _working_time(value: Any) -> Quantity:
    quantity = as_quantity(value, field="working_time", dimension=DIMENSIONLESS)
    percent = _percent(float(quantity.m_as(_unit(WORKING_TIME_UNIT))))
    if not 0 < percent <= 100:
        raise ValidationError("working_time", value, EXPECTED_SHARE)
    return Q_(percent, WORKING_TIME_UNIT)


#: What a working time must be.
EXPECTED_SHARE = Phrase(
    "a share in (0 %, 100 %]", "une proportion de plus de 0 % et d'au plus 100 %"
)


def _percent(value: float) -> float:
    """Round a working time in percent to 1e-9, so that 0.9 and 90 % compare equal."""
    return round(value, 9)


def _non_negative(value: Any, field: str, dimension: str, unit: str) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field=field, dimension=dimension)
    magnitude = float(quantity.m_as(_unit(unit)))
    if not math.isfinite(magnitude) or magnitude < 0:
        raise ValidationError(
            field,
            value,
            Phrase(
                "a finite quantity >= 0 {unit}",
                "une quantité finie, positive ou nulle, en {french}",
                unit=unit,
                french=french_unit(Q_(1, unit)),
            ),
        )
    return Q_(magnitude, unit)


# The cleaning rules of text fields, shared by Agent and by every batch constructor so
# that the same person gets the same answer whichever way they came in: surrounding
# spaces are dropped; a tag name cannot hold a separator (";" or "|").


#: What an id must be: not empty, without a character no one can read.
EXPECTED_NON_EMPTY = Phrase("a non-empty string", "un texte non vide")
EXPECTED_CLEAN_ID = Phrase(
    "an id without control or invisible characters",
    "un identifiant sans caractère de contrôle ni caractère invisible",
)


def _agent_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("id", value, EXPECTED_NON_EMPTY)
    if _UNREADABLE.search(value) or "\n" in value:
        raise ValidationError("id", value, EXPECTED_CLEAN_ID)
    return value.strip()


#: Characters no id may hold: controls (NUL included), and the invisible ones (zero-width
#: spaces and joiners, direction marks, the byte order mark, soft hyphens, separators of
#: lines and paragraphs): "A\u200b" would look like "A" and be another agent.
_UNREADABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
)


def unreadable_ids(texts: Sequence[str]) -> list[int]:
    """The positions of the ids holding a character no id may: one regular expression
    over the joined ids (the common case, a few microseconds per thousand ids), then
    only the hits located."""
    joined = "\n".join(texts)
    hits = [m.start() for m in _UNREADABLE.finditer(joined)]
    found: set[int] = set()
    if hits:  # each hit is inside the id whose end (plus its joiner) comes after it
        ends = np.cumsum([len(t) + 1 for t in texts])
        found.update(np.searchsorted(ends, hits, side="right").tolist())
    if joined.count("\n") != max(len(texts) - 1, 0):  # an id holding a line break
        found.update(i for i, t in enumerate(texts) if "\n" in t)
    return sorted(found)


def _unreadable_table() -> npt.NDArray[np.bool_]:
    """The code points below U+10000 that :data:`_UNREADABLE` matches, or a line break."""
    table = np.zeros(0x10000, dtype=bool)
    every = "".join(map(chr, range(0x10000)))
    table[[match.start() for match in _UNREADABLE.finditer(every)]] = True
    table[0x0A] = True
    table[0] = False  # numpy pads its strings with NULs: one inside an id is found apart
    return table


_UNREADABLE_POINTS: npt.NDArray[np.bool_] | None = None


def unreadable_id_array(ids: npt.NDArray[np.str_]) -> npt.NDArray[np.bool_]:
    """Which ids of a numpy string column hold a character no id may: the same test as
    :func:`unreadable_ids`, on the column's code points with one table look-up each
    (no Python string is made). numpy keeps no trailing NUL in its strings; one inside
    an id is found by the length numpy gives it."""
    global _UNREADABLE_POINTS
    if _UNREADABLE_POINTS is None:
        _UNREADABLE_POINTS = _unreadable_table()
    width = ids.dtype.itemsize // 4
    if not len(ids) or not width:
        return np.zeros(len(ids), dtype=bool)
    points = np.ascontiguousarray(ids).view(np.uint32)
    found = np.zeros(len(ids), dtype=bool)
    # whole-array tests first: a column of printable ASCII (the common one) has no hit
    if (((points < 0x20) & (points != 0)) | (points >= 0x7F)).any():
        hits = _UNREADABLE_POINTS[np.minimum(points, 0xFFFF)]
        found |= hits.reshape(len(ids), width).any(axis=1)
    lengths = np.strings.str_len(ids)
    if np.count_nonzero(points) != lengths.sum():  # a NUL inside an id
        found |= np.count_nonzero(points.reshape(len(ids), width), axis=1) != lengths
    return found


def read_role(value: Any) -> str:
    """A role (the agent's job family): text, surrounding spaces dropped."""
    if not isinstance(value, str):
        raise ValidationError(
            "role",
            value,
            Phrase("a string (the agent's job family)", "du texte (la fonction de l'agent)"),
        )
    return value.strip()


def read_tags(value: Any) -> frozenset[str]:
    """Tags from a collection of names or ``"a;b"`` text (``|`` separates too); a name
    cannot hold a separator."""
    if isinstance(value, str):
        return frozenset(t.strip() for t in value.replace("|", ";").split(";") if t.strip())
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValidationError(
            "tags",
            value,
            Phrase(
                "a set of strings, or {example!r} text",
                "un ensemble de textes, ou du texte comme {example!r}",
                example="a;b",
            ),
        )
    tags = []
    for tag in value:
        if not isinstance(tag, str) or not tag.strip() or ";" in tag or "|" in tag:
            raise ValidationError(
                "tags",
                value,
                Phrase(
                    "non-empty tag names without {a!r} or {b!r}",
                    "des noms d'étiquettes non vides, sans {a!r} ni {b!r}",
                    a=";",
                    b="|",
                ),
            )
        tags.append(tag.strip())
    return frozenset(tags)


def read_derogations(value: Any) -> tuple[Derogation, ...]:
    """Derogations from :class:`Derogation` values, dicts or ``"kind:start/end"`` texts
    (``;``-separated in one text)."""
    if isinstance(value, str):
        items: Iterable[Any] = [p for p in value.split(";") if p.strip()]
    elif isinstance(value, Iterable) and not isinstance(value, Mapping):
        items = value
    else:
        raise ValidationError(
            "derogations", value, Phrase("a list of derogations", "une liste de dérogations")
        )
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
                    "derogations",
                    item,
                    Phrase(
                        "a dict with {kind!r}, {start!r} and optionally {end!r}",
                        "un dictionnaire avec {kind!r}, {start!r} et éventuellement {end!r}",
                        kind="kind",
                        start="start",
                        end="end",
                    ),
                )
            result.append(Derogation(**item))
        else:
            raise ValidationError(
                "derogations",
                item,
                Phrase(
                    "a Derogation, a dict or {form!r}",
                    "un objet Derogation, un dictionnaire ou du texte {forme!r}",
                    form="kind:start/end",
                    forme="sorte:début/fin",
                ),
            )
    return tuple(result)


def _distance(value: Any) -> Quantity | None:
    return _non_negative(value, "commute_distance", LENGTH, DISTANCE_UNIT)


def _commute_time(value: Any) -> Quantity | None:
    return _non_negative(value, "commute_time", TIME, COMMUTE_TIME_UNIT)


#: How much telework an agent may ask for.
EXPECTED_PER_WEEK = Phrase("0 to 7 workday/week", "de 0 à 7 jours de travail par semaine")


def _requested_telework(value: Any) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field="requested_telework", dimension=WORKDAYS_PER_TIME)
    days = float(quantity.m_as(_unit(REQUESTED_TELEWORK_UNIT)))
    if not (math.isfinite(days) and 0 <= days <= MOST_PER_WEEK):
        raise ValidationError("requested_telework", value, EXPECTED_PER_WEEK)
    return Q_(days, REQUESTED_TELEWORK_UNIT)


def read_pattern(value: Any) -> WeeklyPattern | None:
    """A weekly pattern, or its text (``"tue, thu am"``); ``None`` or an empty cell: not
    stated."""
    if value is None or isinstance(value, WeeklyPattern):
        return value
    if isinstance(value, str):
        # an empty cell: not stated (a policy then places the days asked for)
        return WeeklyPattern.parse(value) if value.strip() else None
    raise ValidationError(
        "pattern",
        value,
        Phrase(
            "a WeeklyPattern, or text such as {example!r}",
            "un objet WeeklyPattern, ou du texte comme {exemple!r}",
            example="tue, thu am",
            exemple="mar, jeu matin",
        ),
    )


def read_days_off(value: Any) -> frozenset[int]:
    """The weekdays not worked, as weekday numbers (0 is Monday)."""
    return weekday_set(
        value, "days_off", Phrase("weekdays not worked", "des jours de la semaine non travaillés")
    )


def _telecentre_distance(value: Any) -> Quantity | None:
    return _non_negative(value, "telecentre_distance", LENGTH, DISTANCE_UNIT)


#: Text for absences known to be none (an empty cell means unknown).
_NO_ABSENCE = frozenset({"none", "aucune", "aucun", "-"})


def read_absences(value: Any) -> tuple[Absence, ...] | None:
    """Absences from :class:`~teletravail.spans.Absence` spans or ``"start/end"`` texts
    separated by ``;``; ``"none"`` (``"aucune"``): known to be none; ``None`` or an empty
    cell: not known."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None  # an empty cell: not known
        if text.lower() in _NO_ABSENCE:
            return ()
        spans = []
        for part in text.split(";"):
            if not part.strip():
                continue
            start, sep, end = part.partition("/")
            if not sep or not start.strip() or not end.strip():
                raise ValidationError(
                    "absences",
                    value,
                    Phrase(
                        "spans {form!r} separated by {sep!r}, or {none!r}",
                        "des périodes {forme!r} séparées par {sep!r}, ou {aucune!r}",
                        form="start/end",
                        forme="début/fin",
                        sep=";",
                        none="none",
                        aucune="aucune",
                    ),
                )
            try:
                spans.append(Absence(start=start.strip(), end=end.strip()))
            except ValidationError as exc:
                raise ValidationError(
                    "absences",
                    value,
                    Phrase(
                        "spans whose {field} is {expected}",
                        "des périodes dont le champ {field} est {expected}",
                        field=exc.field,
                        expected=exc.expected,
                    ),
                ) from exc
        value = spans
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValidationError(
            "absences",
            value,
            Phrase(
                "a list of Absence spans, or None (unknown)",
                "une liste d'objets Absence, ou None (inconnues)",
            ),
        )
    return _absence_list(value)


def read_authorisation(value: Any) -> Authorisation | None:
    """An individual authorisation, or its ``"start/end"`` text; ``None``: not known."""
    if value is None or isinstance(value, Authorisation):
        return value
    if isinstance(value, str):
        return Authorisation.parse(value)
    raise ValidationError(
        "authorisation",
        value,
        Phrase(
            "an Authorisation, or {form!r} text",
            "un objet Authorisation, ou du texte {forme!r}",
            form="start/end",
            forme="début/fin",
        ),
    )


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
    (``"1.5 workday/week"``, from 0 to 7); ``None`` means not stated. ``pattern`` is the
    weekly pattern asked for (weekdays, half days, places), which takes precedence over
    a number of days; an agent who states only a number gets
    :func:`~teletravail.week.default_pattern`.

    ``days_off`` are the weekdays a part-time agent does not work; ``absences`` the
    agent's dated absences when they are known (``()``: known to be none; ``None``:
    unknown, and a policy's leave assumption stands in for them);
    ``telecentre_distance`` the one-way distance from home to the agent's télécentre;
    ``authorisation`` the individual authorisation, when it is known (its start, end and
    adaptation period bound the telework days).

    ``contract_type`` (:class:`ContractType`, French words read too), ``category`` (A,
    B or C) and ``establishment`` (the establishment or site, free text) say where the
    agent stands; ``activities`` are the activities of the agent's post with their
    shares of working time (``"instruction 60 %; accueil du public 40 %"``, or names
    alone for equal shares), sorted by name, their shares summing to 100 %. Each
    defaults to not stated (``None``, ``""``, ``()``).
    """

    id: str = attrs.field(converter=_agent_id)
    hire_date: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    working_time: Quantity = attrs.field(factory=_default_working_time, converter=_working_time)
    role: str = attrs.field(default="", converter=read_role)
    tags: frozenset[str] = attrs.field(factory=frozenset, converter=read_tags)
    commute_distance: Quantity | None = attrs.field(default=None, converter=_distance)
    commute_time: Quantity | None = attrs.field(default=None, converter=_commute_time)
    commute_mode: CommuteMode = attrs.field(
        default=CommuteMode.CAR_THERMAL, converter=read_commute_mode
    )
    volunteer: bool = attrs.field(default=True, converter=named(read_bool))  # type: ignore[misc]
    teleworkable_post: bool = attrs.field(default=True, converter=named(read_bool))  # type: ignore[misc]
    derogations: tuple[Derogation, ...] = attrs.field(default=(), converter=read_derogations)
    requested_telework: Quantity | None = attrs.field(default=None, converter=_requested_telework)
    pattern: WeeklyPattern | None = attrs.field(default=None, converter=read_pattern)
    days_off: frozenset[int] = attrs.field(factory=frozenset, converter=read_days_off)
    absences: tuple[Absence, ...] | None = attrs.field(default=None, converter=read_absences)
    telecentre_distance: Quantity | None = attrs.field(default=None, converter=_telecentre_distance)
    authorisation: Authorisation | None = attrs.field(default=None, converter=read_authorisation)
    contract_type: ContractType | None = attrs.field(default=None, converter=contract_type_or_none)
    category: Category | None = attrs.field(default=None, converter=category_or_none)
    establishment: str = attrs.field(default="", converter=read_establishment)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=read_activities)

    def active_derogations(self, on: dt.date) -> tuple[Derogation, ...]:
        """The derogations in force on ``on``."""
        return tuple(d for d in self.derogations if d.active_on(on))

    def to_dict(self) -> dict[str, Any]:
        """The agent as a JSON document (``{"format": "teletravail.agent", "version": 1,
        ...}``): quantities as ``{"value": 28, "unit": "km"}``, dates as ``YYYY-MM-DD``,
        codes for the enumerations, text forms for the pattern, derogations, absences,
        authorisation and activities; fields at their defaults left out. It validates
        against :func:`agent_schema` and :meth:`from_dict` reads it back equal."""
        data: dict[str, Any] = write(agent_table(Agent), self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "agent") -> Agent:
        """Read an agent document (:meth:`to_dict`'s, or one written by hand: quantities
        as text too, French words where the library reads them); ``path`` names it in
        errors. One problem is a :class:`~teletravail.errors.ValidationError` naming its
        key path, several a :class:`~teletravail.errors.ConfigError` listing them all;
        an unknown key is one, with a "did you mean"."""
        agent: Agent = read(agent_table(Agent), data, path)
        return agent


def agent_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of agent documents, version 1
    (:meth:`Agent.to_dict`)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": AGENT_SCHEMA_ID,
        "title": "teletravail agent document",
        **agent_table(Agent).schema(),
    }
