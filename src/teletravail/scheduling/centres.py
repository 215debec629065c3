"""Télécentres and their networks: shared rural offices with bookable desks.

A :class:`Telecentre` has a number of desks and the weekdays it opens; a
:class:`TelecentreNetwork` groups the centres a territory runs with one booking
platform (its names are unique). Each is described once as a table
(:data:`CENTRE_TABLE`, :data:`NETWORK_TABLE`), which its ``from_dict`` reads and its
``to_dict`` writes. Booking their desks is :mod:`teletravail.scheduling.booking`.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from teletravail._checks import hint, is_bool, non_empty, optional_source, optional_text
from teletravail.dates import to_date
from teletravail.documents import Converted, Flag, Key, ListOf, Number, Table, Text, read, write
from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices
from teletravail.sources import SOURCE_TABLE, Source
from teletravail.week import weekday

__all__ = [
    "CENTRE_TABLE",
    "NETWORK_TABLE",
    "WORKWEEK",
    "Telecentre",
    "TelecentreNetwork",
]

#: The weekdays by their English names, Monday first, as a centre's document writes them.
DAY_NAMES: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Monday to Friday, the default opening days of a télécentre.
WORKWEEK: frozenset[int] = frozenset(range(5))


# --------------------------------------------------------------------------- checks


_DESKS: Final = Phrase("a whole number of desks > 0", "un nombre entier de postes supérieur à 0")


def _desks(value: Any) -> int:
    if isinstance(value, bool):
        raise ValidationError("desks", value, _DESKS)
    try:
        desks = operator.index(value)
    except TypeError:
        raise ValidationError("desks", value, _DESKS) from None
    if desks <= 0:
        raise ValidationError("desks", value, _DESKS)
    return desks


def _open_weekdays(value: Any) -> frozenset[int]:
    if isinstance(value, str | int) or not isinstance(value, Iterable):
        raise ValidationError(
            "open_weekdays",
            value,
            Phrase("a collection of weekdays", "un ensemble de jours de la semaine"),
        )
    days = frozenset(weekday(day, "open_weekdays") for day in value)
    if not days:
        raise ValidationError(
            "open_weekdays",
            value,
            Phrase("at least one open weekday", "au moins un jour d'ouverture dans la semaine"),
        )
    return days


def _services(value: Any) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(
            "services",
            value,
            Phrase("a collection of service names", "un ensemble de noms de services"),
        )
    services = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(
                "services",
                item,
                Phrase("a non-empty service name", "un nom de service non vide"),
            )
        services.add(item.strip().lower())
    return frozenset(services)


# --------------------------------------------------------------------------- centres


@attrs.frozen(kw_only=True)
class Telecentre:
    """A shared office with ``desks`` bookable desks, open on ``open_weekdays``.

    ``open_weekdays`` are numbers, 0 = Monday to 6 = Sunday, or names in English or
    French (``"monday"``, ``"mon"``, ``"lundi"``); the default is Monday to Friday.
    ``services`` are lower-case names (``"videoconference"``, ``"fibre"``).
    ``allowance_payable`` says whether the public-service forfait télétravail may be
    paid for days worked there: it may not if the place has an employer-funded canteen
    (décret n° 2021-1123 du 26 août 2021).
    """

    name: str = attrs.field(validator=non_empty)
    commune: str = attrs.field(validator=non_empty)
    department: str = attrs.field(validator=non_empty)
    desks: int = attrs.field(converter=_desks)
    open_weekdays: frozenset[int] = attrs.field(default=WORKWEEK, converter=_open_weekdays)
    services: frozenset[str] = attrs.field(default=frozenset(), converter=_services)
    allowance_payable: bool = attrs.field(default=True, validator=is_bool)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    note: str | None = attrs.field(default=None, validator=optional_text)

    def is_open(self, day: dt.date | str) -> bool:
        """Whether the centre opens on ``day`` (by weekday; holidays are not known here)."""
        return to_date(day, "day").weekday() in self.open_weekdays

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form that :meth:`from_dict` reads back; weekdays by English name
        (as :data:`CENTRE_TABLE` writes it)."""
        data: dict[str, Any] = write(CENTRE_TABLE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "centre") -> Telecentre:
        """Rebuild a centre from :meth:`to_dict`, as :data:`CENTRE_TABLE` describes it;
        errors name the key path (every problem at once)."""
        centre: Telecentre = read(CENTRE_TABLE, data, path)
        return centre


def _centres(value: Any) -> tuple[Telecentre, ...]:
    if isinstance(value, Telecentre | str) or not isinstance(value, Iterable):
        raise ValidationError(
            "centres", value, Phrase("a sequence of Telecentre", "une suite d'objets Telecentre")
        )
    centres = tuple(value)
    if not centres:
        raise ValidationError(
            "centres", centres, Phrase("at least one Telecentre", "au moins un objet Telecentre")
        )
    seen: set[str] = set()
    for index, centre in enumerate(centres):
        if not isinstance(centre, Telecentre):
            raise ValidationError(
                f"centres[{index}]", centre, Phrase("a Telecentre", "un objet Telecentre")
            )
        if centre.name in seen:
            raise ValidationError(
                f"centres[{index}].name",
                centre.name,
                Phrase(
                    "a name no other centre has (duplicate)",
                    "un nom qu'aucun autre centre ne porte (doublon)",
                ),
            )
        seen.add(centre.name)
    return centres


@attrs.frozen(kw_only=True)
class TelecentreNetwork:
    """The télécentres a territory runs with one booking platform; names are unique."""

    name: str = attrs.field(validator=non_empty)
    centres: tuple[Telecentre, ...] = attrs.field(converter=_centres)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    note: str | None = attrs.field(default=None, validator=optional_text)

    @property
    def names(self) -> tuple[str, ...]:
        """The centres' names, in the network's order."""
        return tuple(c.name for c in self.centres)

    @property
    def desks(self) -> int:
        """Desks in the whole network."""
        return sum(c.desks for c in self.centres)

    def get(self, name: str) -> Telecentre:
        """The centre called ``name``; an unknown name is an error with a suggestion."""
        for centre in self.centres:
            if centre.name == name:
                return centre
        text = name if isinstance(name, str) else ""
        raise ValidationError("centre", name, choices(self.names) + hint(text, self.names))

    def __iter__(self) -> Iterator[Telecentre]:
        return iter(self.centres)

    def __len__(self) -> int:
        return len(self.centres)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form that :meth:`from_dict` reads back (:data:`NETWORK_TABLE`)."""
        data: dict[str, Any] = write(NETWORK_TABLE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "network") -> TelecentreNetwork:
        """Rebuild a network from :meth:`to_dict`, as :data:`NETWORK_TABLE` describes it;
        errors name the key path (every problem at once).

        ``desks``, written by :meth:`to_dict`, is checked against the sum of the centres.
        """
        network: TelecentreNetwork = read(NETWORK_TABLE, data, path)
        return network


# --------------------------------------------------------------------------- documents


def _centre(data: dict[str, Any]) -> Telecentre:
    return Telecentre(**data)


def _centre_data(centre: Telecentre) -> dict[str, Any]:
    return attrs.asdict(centre, recurse=False)


def _day_names(days: frozenset[int]) -> list[str]:
    return [DAY_NAMES[day] for day in sorted(days)]


#: The description of a centre's table: :meth:`Telecentre.from_dict` reads it and
#: :meth:`Telecentre.to_dict` writes it, each key checked as the constructor checks it.
CENTRE_TABLE: Final = Table(
    "centre",
    "A télécentre: a shared office with bookable desks.",
    [
        Key("name", Text(), "the centre's name, unique in its network", True),
        Key("commune", Text(), "the commune it is in", True),
        Key("department", Text(), "its department", True),
        Key(
            "desks",
            Converted(_desks, _DESKS, {"type": "integer", "minimum": 1}),
            "its bookable desks",
            True,
        ),
        Key(
            "open_weekdays",
            Converted(
                _open_weekdays,
                Phrase("a collection of weekdays", "un ensemble de jours de la semaine"),
                {"type": "array", "items": {"type": ["string", "integer"]}, "minItems": 1},
                write=_day_names,
            ),
            "the weekdays it opens, by name or number (default: Monday to Friday)",
        ),
        Key(
            "services",
            Converted(
                _services,
                Phrase("a collection of service names", "un ensemble de noms de services"),
                {"type": "array", "items": {"type": "string"}},
                write=sorted,
            ),
            "the services it offers, in lower case",
        ),
        Key(
            "allowance_payable",
            Flag(),
            "whether the forfait télétravail may be paid for a day worked there",
        ),
        Key("source", SOURCE_TABLE, "where the centre's figures come from"),
        Key("note", Text(), "a qualification, e.g. an assumed figure"),
    ],
    _centre,
    _centre_data,
    french="télécentre",
)


def _network(data: dict[str, Any]) -> TelecentreNetwork:
    desks = data.pop("desks", None)
    network = TelecentreNetwork(**data)
    if desks is not None and desks != network.desks:
        raise ValidationError(
            "desks",
            desks,
            Phrase(
                "the sum of the centres' desks ({desks})",
                "la somme des postes des centres ({desks})",
                desks=network.desks,
            ),
        )
    return network


def _network_data(network: TelecentreNetwork) -> dict[str, Any]:
    return {**attrs.asdict(network, recurse=False), "desks": network.desks}


#: The description of a network's table: :meth:`TelecentreNetwork.from_dict` reads it
#: and :meth:`TelecentreNetwork.to_dict` writes it (``desks``, the sum of the centres',
#: is written for a reader and checked when read).
NETWORK_TABLE: Final = Table(
    "network",
    "The télécentres a territory runs with one booking platform.",
    [
        Key("name", Text(), "the network's name", True),
        Key(
            "desks",
            Number(0, 10**12, whole=True),
            "the desks of every centre, in all (checked against the centres)",
        ),
        Key("centres", ListOf(CENTRE_TABLE), "its centres, names unique", True),
        Key("source", SOURCE_TABLE, "where the network's figures come from"),
        Key("note", Text(), "a qualification"),
    ],
    _network,
    _network_data,
    french="réseau",
)
