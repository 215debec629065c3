"""A synthetic workforce's distributions as one value, and the draw of a workforce from
them.

A :class:`WorkforceModel` states the roles and their weights, the working times, the
telework asked for, the commute modes, the law of the commute distance (lognormal: a
median and the standard deviation of its logarithm), the span of hire dates and the
populations of the register (:class:`PopulationShare`: parts with their contract type,
category, establishment and tags). It is read from and written to a JSON-ready document
(:data:`MODEL_TABLE`), and :meth:`WorkforceModel.draw` draws a workforce of any size
from it, every column whole from a fixed-seed :class:`numpy.random.Generator`.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import named
from teletravail.dates import to_date
from teletravail.documents import Converted, Day, Key, ListOf, Number, Table, Text, read, write
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import Q_, as_quantity
from teletravail.workforce import (
    DISTANCE_UNIT,
    REQUESTED_TELEWORK_UNIT,
    WORKING_TIME_UNIT,
    Categories,
    CommuteMode,
    Workforce,
)
from teletravail.workforce.fields import category_or_none, contract_type_or_none

__all__ = [
    "ID_PREFIX",
    "MODEL_TABLE",
    "POPULATION_TABLE",
    "SEED",
    "PopulationShare",
    "WorkforceModel",
]

#: The default seed of the generator.
SEED = 2013

ID_PREFIX = "SYN-"
_ID_DIGITS = 7


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValidationError(
            "n",
            value,
            Phrase("a whole number of agents >= 0", "un nombre entier positif ou nul d'agents"),
        )
    return int(value)


def _seed(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValidationError(
            "seed", value, Phrase("a whole number >= 0", "un nombre entier positif ou nul")
        )
    return int(value)


def _share(value: Any, field: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not math.isfinite(float(value))
        or not 0 <= float(value) <= 1
    ):
        raise ValidationError(
            field, value, Phrase("a share from 0 to 1", "une proportion de 0 à 1")
        )
    return float(value)


def _ids(n: int, prefix: str = ID_PREFIX) -> npt.NDArray[np.str_]:
    """``SYN-0000001`` to ``SYN-{n}``: seven digits at least, numbered from 1.

    The characters are written straight into the array's buffer (a numpy string is
    one 32-bit code point per character), which is several times faster than joining
    strings.
    """
    width = max(_ID_DIGITS, len(str(n)))
    size = len(prefix) + width
    chars = np.empty((n, size), dtype=np.uint32)
    chars[:, : len(prefix)] = [ord(c) for c in prefix]
    remaining = np.arange(1, n + 1, dtype=np.uint64)
    for column in range(size - 1, len(prefix) - 1, -1):
        chars[:, column] = remaining % 10 + ord("0")
        remaining //= 10
    ids: npt.NDArray[np.str_] = chars.view(np.dtype(f"U{size}")).reshape(n)
    return ids


def _chosen(rng: np.random.Generator, n: int, share: float) -> npt.NDArray[np.bool_]:
    """Exactly ``share × n`` rows (rounded half up), chosen at random, are true."""
    count = math.floor(share * n + 0.5)
    flags = np.ones(n, dtype=bool)
    if count == n:
        return flags
    flags[:] = False
    flags[rng.choice(n, size=count, replace=False)] = True
    return flags


_WEIGHTS: Final = Phrase(
    "a table of values and their weights, each weight above 0, adding up to 1",
    "une table de valeurs et de leurs poids, chaque poids supérieur à 0, de somme 1",
)
_TOLERANCE: Final = 1e-9


def _weighted(value: Any, field: str, read_one: Any) -> tuple[tuple[Any, float], ...]:
    """Pairs of a value and its weight, from a mapping or pairs; the weights add up to 1."""
    pairs = list(value.items()) if isinstance(value, Mapping) else value
    if isinstance(pairs, str) or not isinstance(pairs, Sequence) or not pairs:
        raise ValidationError(field, value, _WEIGHTS)
    found = []
    for pair in pairs:
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise ValidationError(field, value, _WEIGHTS)
        weight = pair[1]
        if (
            isinstance(weight, bool)
            or not isinstance(weight, numbers.Real)
            or not 0 < float(weight) <= 1
        ):
            raise ValidationError(f"{field}.{pair[0]}", weight, _WEIGHTS)
        found.append((read_one(pair[0]), float(weight)))
    if abs(sum(w for _, w in found) - 1) > _TOLERANCE:
        raise ValidationError(field, value, _WEIGHTS)
    if len({v for v, _ in found}) != len(found):
        raise ValidationError(
            field, value, Phrase("each value once", "chaque valeur une seule fois")
        )
    return tuple(found)


def _percent(value: Any) -> float:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = Q_(float(value), WORKING_TIME_UNIT)
    quantity = as_quantity(value, field="working_times", dimension="[]")
    percent = float(quantity.m_as(WORKING_TIME_UNIT))
    if not 0 < percent <= 100:
        raise ValidationError(
            "working_times",
            value,
            Phrase(
                "a working time above 0 up to 100 %",
                "une quotité supérieure à 0 et d'au plus 100\u00a0%",
            ),
        )
    return percent


def _asked(value: Any) -> float:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = Q_(float(value), REQUESTED_TELEWORK_UNIT)
    quantity = as_quantity(value, field="requested_telework", dimension="[workday] / [time]")
    days = float(quantity.m_as(REQUESTED_TELEWORK_UNIT))
    if not 0 <= days <= 5:
        raise ValidationError(
            "requested_telework",
            value,
            Phrase("from 0 to 5 workday/week", "de 0 à 5 jours de travail par semaine"),
        )
    return days


def _role(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("roles", value, Phrase("a role's name", "le nom d'un métier"))
    return value.strip()


def _mode(value: Any) -> CommuteMode:
    try:
        return CommuteMode(value)
    except ValueError:
        raise ValidationError(
            "commute_modes",
            value,
            Phrase(
                "one of {modes}",
                "une valeur parmi {modes}",
                modes=", ".join(m.value for m in CommuteMode),
            ),
        ) from None


def _working_times(value: Any) -> tuple[tuple[float, float], ...]:
    return _weighted(value, "working_times", _percent)


def _requested(value: Any) -> tuple[tuple[float, float], ...]:
    return _weighted(value, "requested_telework", _asked)


def _roles(value: Any) -> tuple[tuple[str, float], ...]:
    return _weighted(value, "roles", _role)


def _modes(value: Any) -> tuple[tuple[CommuteMode, float], ...]:
    return _weighted(value, "commute_modes", _mode)


def _median(value: Any) -> float:
    if isinstance(value, float | int) and not isinstance(value, bool):
        value = Q_(float(value), DISTANCE_UNIT)
    km = float(as_quantity(value, field="distance_median", dimension="[length]").m_as("km"))
    if not (math.isfinite(km) and km > 0):
        raise ValidationError(
            "distance_median",
            value,
            Phrase("a distance above 0 km", "une distance supérieure à 0 km"),
        )
    return km


def _sigma(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= float(value) <= 5:
        raise ValidationError(
            "distance_sigma", value, Phrase("a number from 0 to 5", "un nombre de 0 à 5")
        )
    return float(value)


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("name", value, Phrase("a non-empty name", "un nom non vide"))
    return value.strip()


def _tags(value: Any) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Sequence | frozenset | set):
        raise ValidationError("tags", value, Phrase("a list of tags", "une liste d'étiquettes"))
    return frozenset(_name(tag) for tag in value)


@attrs.frozen(kw_only=True)
class PopulationShare:
    """A part of a synthetic register: its ``name``, its ``share`` of the agents (the
    shares of a model add up to 1), and what its agents hold: a ``contract_type``, a
    ``category``, an ``establishment`` and ``tags`` (what a policy's populations select
    agents by). Every other column follows the model's distributions."""

    name: str = attrs.field(converter=_name)
    share: float = attrs.field()
    contract_type: Any = attrs.field(default=None, converter=contract_type_or_none)
    category: Any = attrs.field(default=None, converter=category_or_none)
    establishment: str = attrs.field(default="")
    tags: frozenset[str] = attrs.field(factory=frozenset, converter=_tags)

    @share.validator
    def _check_share(self, attribute: attrs.Attribute[float], value: Any) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not 0 < float(value) <= 1
        ):
            raise ValidationError(
                "share",
                value,
                Phrase("a share above 0 up to 1", "une part supérieure à 0 et d'au plus 1"),
            )


def _populations(value: Any) -> tuple[PopulationShare, ...]:
    found = tuple(value)
    for index, item in enumerate(found):
        if not isinstance(item, PopulationShare):
            raise ValidationError(
                f"populations[{index}]",
                item,
                Phrase("a PopulationShare", "un objet PopulationShare"),
            )
    if found and abs(sum(p.share for p in found) - 1) > _TOLERANCE:
        raise ValidationError(
            "populations",
            [p.share for p in found],
            Phrase("shares adding up to 1", "des parts de somme 1"),
        )
    if len({p.name for p in found}) != len(found):
        raise ValidationError(
            "populations", [p.name for p in found], Phrase("names used once", "des noms uniques")
        )
    return found


@attrs.frozen(kw_only=True)
class WorkforceModel:
    """The distributions of a synthetic workforce, each drawn independently.

    ``hire_first`` and ``hire_last`` bound the hire dates (uniform over the whole days,
    both included); ``working_times`` (percent), ``roles``, ``requested_telework``
    (workday/week) and ``commute_modes`` are pairs of a value and its weight (weights
    above 0 adding up to 1: a mapping of value to weight is read too); the one-way
    commute distance is lognormal with the median ``distance_median`` (km) and the
    standard deviation of its logarithm ``distance_sigma``; ``populations`` splits the
    register into parts (:class:`PopulationShare`), none by default.
    """

    name: str = attrs.field(converter=_name)
    hire_first: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    hire_last: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    working_times: tuple[tuple[float, float], ...] = attrs.field(converter=_working_times)
    roles: tuple[tuple[str, float], ...] = attrs.field(converter=_roles)
    requested_telework: tuple[tuple[float, float], ...] = attrs.field(converter=_requested)
    distance_median: float = attrs.field(converter=_median)
    distance_sigma: float = attrs.field(converter=_sigma)
    commute_modes: tuple[tuple[CommuteMode, float], ...] = attrs.field(
        default=((CommuteMode.CAR_THERMAL, 1.0),), converter=_modes
    )
    populations: tuple[PopulationShare, ...] = attrs.field(default=(), converter=_populations)

    def __attrs_post_init__(self) -> None:
        if self.hire_last < self.hire_first:
            raise ValidationError(
                "hire_last",
                self.hire_last,
                Phrase(
                    "a date on or after hire_first", "une date égale ou postérieure à hire_first"
                ),
            )

    def to_dict(self) -> dict[str, Any]:
        """The model as a JSON-ready document (:data:`MODEL_TABLE`)."""
        data: dict[str, Any] = write(MODEL_TABLE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "model") -> WorkforceModel:
        """A model from its document; errors name the key path (every problem at once)."""
        model: WorkforceModel = read(MODEL_TABLE, data, path)
        return model

    def draw(
        self,
        n: int,
        *,
        seed: int = SEED,
        volunteer_share: float = 1.0,
        teleworkable_share: float = 1.0,
    ) -> Workforce:
        """A workforce of ``n`` agents drawn from the model with ``seed``.

        Hire dates, working times, roles, distances and asks are drawn in that order
        from ``numpy.random.default_rng(seed)``; the volunteers, the teleworkable posts,
        the commute modes (when the model has more than one) and the populations (when
        it has some) from streams of their own, so that adding modes or populations to
        a model changes no other column. ``volunteer_share`` and ``teleworkable_share``
        make exactly that share of the agents (rounded half up) volunteers, or holders of
        a teleworkable post, chosen at random.
        """
        n = _count(n)
        seed = _seed(seed)
        volunteers = _share(volunteer_share, "volunteer_share")
        teleworkable = _share(teleworkable_share, "teleworkable_share")
        first = np.datetime64(self.hire_first, "D")
        days = (self.hire_last - self.hire_first).days + 1
        roles = tuple(r for r, _ in self.roles)
        ordered = tuple(sorted(roles))
        role_code = np.array([ordered.index(role) for role in roles], dtype=np.int32)

        root = np.random.SeedSequence(seed)
        rng = np.random.default_rng(root)
        hire = first + rng.integers(0, days, size=n).astype("timedelta64[D]")
        working_time = rng.choice(
            np.array([v for v, _ in self.working_times]),
            size=n,
            p=[w for _, w in self.working_times],
        )
        role = role_code[rng.choice(len(roles), size=n, p=[w for _, w in self.roles])]
        distance = rng.lognormal(
            mean=math.log(self.distance_median), sigma=self.distance_sigma, size=n
        )
        asked = rng.choice(
            np.array([v for v, _ in self.requested_telework]),
            size=n,
            p=[w for _, w in self.requested_telework],
        )
        posts_stream, volunteers_stream = root.spawn(2)
        modes_stream, populations_stream = root.spawn(2)
        columns: dict[str, Any] = {}
        if len(self.commute_modes) > 1:
            picked = np.random.default_rng(modes_stream).choice(
                len(self.commute_modes), size=n, p=[w for _, w in self.commute_modes]
            )
            names = np.array([m.value for m, _ in self.commute_modes])
            columns["commute_mode"] = names[picked]
        elif self.commute_modes[0][0] is not CommuteMode.CAR_THERMAL:
            columns["commute_mode"] = np.full(n, self.commute_modes[0][0].value)
        if self.populations:
            part = np.random.default_rng(populations_stream).choice(
                len(self.populations), size=n, p=[p.share for p in self.populations]
            )
            columns |= _population_columns(self.populations, part)
        return Workforce.from_columns(
            ids=_ids(n),
            hire_date=hire,
            working_time=Q_(working_time, WORKING_TIME_UNIT),
            role=Categories(role, ordered),
            commute_distance=Q_(distance, DISTANCE_UNIT),
            volunteer=_chosen(np.random.default_rng(volunteers_stream), n, volunteers),
            teleworkable_post=_chosen(np.random.default_rng(posts_stream), n, teleworkable),
            requested_telework=Q_(asked, REQUESTED_TELEWORK_UNIT),
            **columns,
        )


def _population_columns(
    populations: tuple[PopulationShare, ...], part: npt.NDArray[np.intp]
) -> dict[str, Any]:
    """The columns the populations set, each agent's from the part drawn for them."""
    columns: dict[str, Any] = {}

    def coded(values: list[str]) -> Categories:
        ordered = tuple(sorted(set(values)))
        codes = np.array([ordered.index(v) for v in values], dtype=np.int32)
        return Categories(codes[part], ordered)

    if any(p.establishment for p in populations):
        columns["establishment"] = coded([p.establishment for p in populations])
    if any(p.contract_type is not None for p in populations):
        kinds = np.array([p.contract_type for p in populations], dtype=object)
        columns["contract_type"] = kinds[part]
    if any(p.category is not None for p in populations):
        columns["category"] = np.array([p.category for p in populations], dtype=object)[part]
    names = sorted({tag for p in populations for tag in p.tags})
    if names:
        columns["tags"] = {
            tag: np.array([tag in p.tags for p in populations], dtype=bool)[part] for tag in names
        }
    return columns


def _pairs_data(pairs: tuple[tuple[Any, float], ...], unit: str | None) -> dict[str, float]:
    def key(value: Any) -> str:
        if unit is None:
            return str(getattr(value, "value", value))
        return f"{_plain(value)} {unit}"

    return {key(v): w for v, w in pairs}


def _plain(number: float) -> str:
    """A number the shortest way it reads back: ``90``, ``1.5``."""
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _weights_kind(convert: Any, unit: str | None) -> Converted:
    return Converted(
        convert,
        _WEIGHTS,
        {"type": "object", "additionalProperties": {"type": "number"}, "minProperties": 1},
        write=lambda pairs: _pairs_data(pairs, unit),
    )


def _population(data: dict[str, Any]) -> PopulationShare:
    return PopulationShare(**data)


def _population_data(part: PopulationShare) -> dict[str, Any]:
    return {
        "name": part.name,
        "share": part.share,
        "contract_type": None if part.contract_type is None else part.contract_type.value,
        "category": None if part.category is None else part.category.value,
        "establishment": part.establishment or None,
        "tags": sorted(part.tags) or None,
    }


#: The description of a part of a synthetic register.
POPULATION_TABLE: Final = Table(
    "population",
    "A part of a synthetic register and what its agents hold.",
    [
        Key("name", Text(), "the part's name, unique in the model", True),
        Key(
            "share",
            Number(0, 1, above=True),
            "its share of the agents (the shares add up to 1)",
            True,
        ),
        Key(
            "contract_type", Text(), "its agents' contract type (civil_servant, contract_staff...)"
        ),
        Key("category", Text(), "its agents' category: A, B or C"),
        Key("establishment", Text(), "its agents' establishment or site"),
        Key("tags", ListOf(Text()), "its agents' tags"),
    ],
    _population,
    _population_data,
)


def _model(data: dict[str, Any]) -> WorkforceModel:
    return WorkforceModel(**data)


def _model_data(model: WorkforceModel) -> dict[str, Any]:
    data = attrs.asdict(model, recurse=False)
    return data | {"populations": list(model.populations) or None}


#: The description of a :class:`WorkforceModel` as a document: what
#: :meth:`WorkforceModel.from_dict` reads and :meth:`WorkforceModel.to_dict` writes.
MODEL_TABLE: Final = Table(
    "model",
    "The distributions of a synthetic workforce.",
    [
        Key("name", Text(), "the model's name", True),
        Key("hire_first", Day(), "the first hire date drawn", True),
        Key("hire_last", Day(), "the last hire date drawn", True),
        Key(
            "working_times",
            _weights_kind(_working_times, "%"),
            'working times ("90 %") and their weights',
            True,
        ),
        Key("roles", _weights_kind(_roles, None), "roles and their weights", True),
        Key(
            "requested_telework",
            _weights_kind(_requested, "workday/week"),
            'telework asked for ("1.5 workday/week") and its weights',
            True,
        ),
        Key(
            "distance_median",
            Converted(
                _median,
                Phrase("a distance above 0 km", "une distance supérieure à 0 km"),
                {"type": ["string", "number"]},
                write=lambda km: f"{_plain(km)} km",
            ),
            "the median one-way commute distance (lognormal law)",
            True,
        ),
        Key("distance_sigma", Number(0, 5), "the standard deviation of its logarithm", True),
        Key(
            "commute_modes",
            _weights_kind(_modes, None),
            "commute modes and their weights (default: every agent by thermal car)",
        ),
        Key(
            "populations",
            ListOf(POPULATION_TABLE),
            "the parts of the register, shares adding up to 1",
        ),
    ],
    _model,
    _model_data,
)
