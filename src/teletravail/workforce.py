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
import math
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._checks import enum_value, one_of
from teletravail._columns import readonly as _readonly
from teletravail._columns import zeros
from teletravail.dated import FIRST_DATE, LAST_DATE, check_order, to_date
from teletravail.errors import RowError, UnitError, ValidationError, WorkforceError
from teletravail.messages import (
    EMPTY,
    NBSP,
    NNBSP,
    Phrase,
    decimal,
    did_you_mean,
    either,
    french_count,
    french_unit,
    grouped,
    system_reason,
)
from teletravail.spans import Absence, Authorisation
from teletravail.spans import absences as _absence_list
from teletravail.units import DIMENSIONLESS, LENGTH, Q_, TIME, WORKDAYS_PER_TIME, as_quantity
from teletravail.units import unit as _unit
from teletravail.week import WeeklyPattern, weekday_mask, weekday_set, weekdays_of_mask

if TYPE_CHECKING:
    import pandas as pd

    from teletravail.tables import Units
    from teletravail.units import Quantity

__all__ = [
    "ACTIVITY_SHARE_TOLERANCE",
    "ACTIVITY_SHARE_UNIT",
    "AMBIGUOUS_CONTRACT_WORD",
    "CONTRACT_TYPE_WORDS",
    "EXTRA_CELLS",
    "MISSING_CELL",
    "MOST_ROW_CHARACTERS",
    "PANDAS_QUANTITIES",
    "Activity",
    "Agent",
    "Categories",
    "Category",
    "Coded",
    "ColumnPlan",
    "CommuteMode",
    "ContractType",
    "Derogation",
    "DerogationKind",
    "Errors",
    "Workforce",
    "category",
    "contract_type",
    "derogation_kind",
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


class ContractType(enum.StrEnum):
    """The kind of employment an agent holds, as a register states it.

    Read from English values or French words, case and accents aside (see
    :data:`CONTRACT_TYPE_WORDS`); a bare "stagiaire" is refused as ambiguous.
    """

    CIVIL_SERVANT = "civil_servant"
    PROBATIONER = "probationer"
    CONTRACT_STAFF = "contract_staff"
    DOCTORAL_STUDENT = "doctoral_student"
    APPRENTICE = "apprentice"
    TRAINEE = "trainee"
    OTHER = "other"


class Category(enum.StrEnum):
    """The category of a public-service agent: A (design and management), B
    (application), C (execution)."""

    A = "A"
    B = "B"
    C = "C"


#: The French words of the contract types (read case and accents aside).
CONTRACT_TYPE_WORDS: dict[str, ContractType] = {
    "fonctionnaire": ContractType.CIVIL_SERVANT,
    "titulaire": ContractType.CIVIL_SERVANT,
    "fonctionnaire titulaire": ContractType.CIVIL_SERVANT,
    "fonctionnaire stagiaire": ContractType.PROBATIONER,
    "stagiaire de la fonction publique": ContractType.PROBATIONER,
    "contractuel": ContractType.CONTRACT_STAFF,
    "contractuelle": ContractType.CONTRACT_STAFF,
    "agent contractuel": ContractType.CONTRACT_STAFF,
    "agente contractuelle": ContractType.CONTRACT_STAFF,
    "doctorant contractuel": ContractType.DOCTORAL_STUDENT,
    "doctorante contractuelle": ContractType.DOCTORAL_STUDENT,
    "apprenti": ContractType.APPRENTICE,
    "apprentie": ContractType.APPRENTICE,
    "stagiaire étudiant": ContractType.TRAINEE,
    "stagiaire étudiante": ContractType.TRAINEE,
    "étudiant stagiaire": ContractType.TRAINEE,
    "étudiante stagiaire": ContractType.TRAINEE,
    "stagiaire école": ContractType.TRAINEE,
    "autre": ContractType.OTHER,
}
#: The word a register may use for either a probationer or a student intern.
AMBIGUOUS_CONTRACT_WORD = "stagiaire"


def _fold(text: str) -> str:
    """Lower case, without accents, ``-`` and ``_`` as spaces, one space between words:
    how the words of a contract type or a category are compared."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").replace("_", " ").split())


_CONTRACT_LOOKUP: dict[str, ContractType] = {
    **{_fold(word): kind for word, kind in CONTRACT_TYPE_WORDS.items()},
    **{_fold(kind.value): kind for kind in ContractType},
}


def _contract_expected(text: str) -> Phrase:
    names = [kind.value for kind in ContractType]
    words = list(CONTRACT_TYPE_WORDS)
    guess = difflib.get_close_matches(_fold(text), [*names, *(_fold(w) for w in words)], n=1)
    found = _CONTRACT_LOOKUP.get(guess[0]) if guess else None
    hint = EMPTY
    if found is not None:
        hint = did_you_mean(next((w for w in [*names, *words] if _fold(w) == guess[0]), guess[0]))
    return Phrase(
        "one of: {names}, or in French: {words}{hint}",
        "une valeur parmi {names}, ou en français parmi {words}{hint}",
        names=", ".join(names),
        words=", ".join(words),
        hint=hint,
    )


def contract_type(value: Any, field: str = "contract_type") -> ContractType:
    """A contract type from itself, its English value or a French word, case and accents
    aside (``"Fonctionnaire"``, ``"contractuelle"``, ``"stagiaire école"``).

    A bare ``"stagiaire"`` is refused: French registers use it for a probationary civil
    servant and for a student intern alike. Errors name ``field``.
    """
    if isinstance(value, ContractType):
        return value
    if not isinstance(value, str):
        raise ValidationError(field, value, _contract_expected(str(value)))
    folded = _fold(value)
    found = _CONTRACT_LOOKUP.get(folded)
    if found is not None:
        return found
    if folded == AMBIGUOUS_CONTRACT_WORD:
        raise ValidationError(field, value, _WHICH_STAGIAIRE)
    raise ValidationError(field, value, _contract_expected(value))


#: What a bare "stagiaire" must say instead.
_WHICH_STAGIAIRE = Phrase(
    "a contract type that says which kind of {bare!r}: {probationer!r} (a probationary civil"
    " servant: probationer) or {trainee!r} (a student intern: trainee); {bare!r} alone is"
    " ambiguous",
    "un type de contrat qui précise de quel stagiaire il s'agit" + NBSP + ": {probationer!r} (un"
    " stagiaire de la fonction publique, code probationer) ou {trainee!r} (un étudiant en stage,"
    " code trainee)" + NNBSP + "; {bare!r} seul est ambigu",
    bare=AMBIGUOUS_CONTRACT_WORD,
    probationer="fonctionnaire stagiaire",
    trainee="stagiaire étudiant",
)

_CATEGORY_TEXT = re.compile(r"(?:categorie|cat\.?)?\s*([abc])")


def category(value: Any, field: str = "category") -> Category:
    """A category (A, B or C) from itself or its text, case and accents aside: ``"a"``,
    ``"catégorie B"``, ``"cat. C"``. Errors name ``field``."""
    if isinstance(value, Category):
        return value
    if isinstance(value, str):
        found = _CATEGORY_TEXT.fullmatch(_fold(value))
        if found:
            return Category(found.group(1).upper())
    raise ValidationError(
        field,
        value,
        Phrase(
            "a category A, B or C ({long!r}, {short!r})",
            "une catégorie A, B ou C ({long!r}, {short!r})",
            long="catégorie B",
            short="cat. C",
        ),
    )


def _contract_type(value: Any) -> ContractType | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # not stated
    return contract_type(value)


def _category(value: Any) -> Category | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # not stated
    return category(value)


def _establishment(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            "establishment",
            value,
            Phrase("a string (the agent's establishment)", "du texte (l'établissement de l'agent)"),
        )
    return value.strip()


#: The unit of activity shares.
ACTIVITY_SHARE_UNIT = "percent"
#: How far the shares of an agent's activities may sum from 100 %, in percent.
ACTIVITY_SHARE_TOLERANCE = 0.5
# shares summing to 100 % within this are not scaled again (so that reading back the
# shares of an agent gives the same shares)
_SUMS_TO_100 = 1e-6


def _activity_name(value: Any, field: str = "activities") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            field,
            value,
            Phrase("activity names that are non-empty text", "des noms d'activités non vides"),
        )
    name = " ".join(value.split())
    if any(mark in name for mark in ";|%"):
        raise ValidationError(
            field,
            value,
            Phrase(
                "activity names without {a!r}, {b!r} or {c!r}",
                "des noms d'activités sans {a!r}, {b!r} ni {c!r}",
                a=";",
                b="|",
                c="%",
            ),
        )
    return name


def _activity_share(value: Any, field: str = "activities") -> Quantity:
    quantity = as_quantity(value, field=field, dimension=DIMENSIONLESS)
    share = float(quantity.m_as(_unit(ACTIVITY_SHARE_UNIT)))
    if not (math.isfinite(share) and 0 < share <= 100):
        raise ValidationError(
            field,
            value,
            Phrase(
                "a share of working time in (0 %, 100 %]",
                "une part du temps de travail de plus de 0 % et d'au plus 100 %",
            ),
        )
    return Q_(round(share, 9), ACTIVITY_SHARE_UNIT)


def _name_only(value: Any) -> str:
    return _activity_name(value, "activity.name")


def _share_only(value: Any) -> Quantity:
    return _activity_share(value, "activity.share")


@attrs.frozen
class Activity:
    """One activity of an agent's post and its share of the agent's working time
    (``Activity("instruction", "60 %")``).

    The 2021 public-service framework agreement bases telework on the activities
    carried out, not on posts: an agent's activities are weighed by their share.
    """

    name: str = attrs.field(converter=_name_only)
    share: Quantity = attrs.field(converter=_share_only)

    def __str__(self) -> str:
        return f"{self.name} {_share_text(float(self.share.magnitude))} %"


def _share_text(percent: float) -> str:
    """A share in percent, rounded to 1e-9, as text that reads back exactly (no
    exponent: ``0.00001``, ``33.333333333``)."""
    return f"{percent:.9f}".rstrip("0").rstrip(".")


#: The words after a share (``60 %``, ``60 percent``, ``60 pour cent``), lower case.
_SHARE_SIGNS = ("%", "percent", "pour cent")
_SHARE_DIGITS = frozenset("0123456789.,")


def _activity_text(text: str) -> tuple[str, Quantity | None]:
    """One activity written as text: its name, then perhaps its share in percent
    (``"instruction 60 %"``, ``"accueil du public: 40,5 %"``, ``"dossiers (25 %)"``).

    Read by scanning back from the end (no regular expression: linear on any text)."""
    body = text.strip()
    if body.endswith(")") and "(" in body:
        body = body[:-1].rstrip()
    lowered = body.lower()
    sign = next((s for s in _SHARE_SIGNS if lowered.endswith(s)), None)
    if sign is None:
        return _activity_name(text), None
    head = body[: len(body) - len(sign)].rstrip()
    cut = len(head)
    while cut and head[cut - 1] in _SHARE_DIGITS:
        cut -= 1
    number = head[cut:]
    name = head[:cut].rstrip(" \t:=(")
    if not _PLAIN_NUMBER.fullmatch(number) or not name.strip():
        raise ValidationError(
            "activities",
            text,
            Phrase(
                "{form!r}: an activity, then its share",
                "{forme!r}" + NBSP + ": une activité, puis sa part",
                form="name 60 %",
                forme="nom 60 %",
            ),
        )
    share = float(number.replace(",", "."))
    return _activity_name(name), _activity_share(Q_(share, ACTIVITY_SHARE_UNIT))


def _activities(value: Any) -> tuple[Activity, ...]:
    """An agent's activities, sorted by name, their shares summing to 100 %.

    Read from text (``"instruction 60 %; accueil du public 40 %"``, or names alone for
    equal shares), a mapping of names to shares, or a sequence of names, texts or
    :class:`Activity`; ``None``, empty text or an empty sequence: not stated.
    """
    if value is None or (isinstance(value, tuple) and not value):
        return ()
    pairs: list[tuple[str, Quantity | None]] = []
    if isinstance(value, str):
        pairs = [_activity_text(p) for p in re.split("[;|]", value) if p.strip()]
    elif isinstance(value, Mapping):
        for name, share in value.items():
            stated = None if _is_missing(share) else _activity_share(share)
            pairs.append((_activity_name(name), stated))
    elif isinstance(value, Iterable):
        for item in value:
            if isinstance(item, Activity):
                pairs.append((item.name, item.share))
            elif isinstance(item, str):
                pairs.append(_activity_text(item))
            else:
                raise ValidationError(
                    "activities",
                    value,
                    Phrase(
                        "activities as names, {form!r} texts or Activity",
                        "des activités écrites comme des noms, des textes {forme!r} ou des objets"
                        " Activity",
                        form="name 60 %",
                        forme="nom 60 %",
                    ),
                )
    else:
        raise ValidationError(
            "activities",
            value,
            Phrase(
                "{example!r}, a mapping or a list",
                "{example!r}, un dictionnaire ou une liste",
                example="instruction 60 %; accueil 40 %",
            ),
        )
    if not pairs:
        return ()
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise ValidationError(
            "activities",
            value,
            Phrase(
                "each activity once ({twice!r} is twice)",
                "chaque activité une seule fois ({twice!r} y est deux fois)",
                twice=twice,
            ),
        )
    given = [share for _, share in pairs if share is not None]
    if not given:
        shares = [100.0 / len(pairs)] * len(pairs)
    elif len(given) != len(pairs):
        raise ValidationError(
            "activities",
            value,
            Phrase(
                "a share for every activity, or for none (equal shares)",
                "une part pour chaque activité, ou pour aucune (des parts égales)",
            ),
        )
    else:
        shares = [float(share.magnitude) for share in given]
    total = math.fsum(shares)
    if abs(total - 100) > ACTIVITY_SHARE_TOLERANCE:
        raise ValidationError(
            "activities",
            value,
            Phrase(
                "shares summing to 100 % (± {tolerance} %), not {total} %",
                "des parts dont la somme fait 100 % (à {tolerance} % près), et non {total} %",
                tolerance=decimal(ACTIVITY_SHARE_TOLERANCE),
                total=decimal(total),
            ),
        )
    if abs(total - 100) > _SUMS_TO_100:
        shares = [share * 100 / total for share in shares]
    return tuple(
        Activity(name, Q_(round(share, 9), ACTIVITY_SHARE_UNIT))
        for name, share in sorted(zip(names, shares, strict=True))
    )


def _working_time(value: Any) -> Quantity:
    quantity = as_quantity(value, field="working_time", dimension=DIMENSIONLESS)
    percent = _percent(float(quantity.m_as(_unit(WORKING_TIME_UNIT))))
    if not 0 < percent <= 100:
        raise ValidationError("working_time", value, _SHARE)
    return Q_(percent, WORKING_TIME_UNIT)


#: What a working time must be.
_SHARE = Phrase("a share in (0 %, 100 %]", "une proportion de plus de 0 % et d'au plus 100 %")


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


_NON_EMPTY = Phrase("a non-empty string", "un texte non vide")
_CLEAN_ID = Phrase(
    "an id without control or invisible characters",
    "un identifiant sans caractère de contrôle ni caractère invisible",
)


def _agent_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("id", value, _NON_EMPTY)
    if _UNREADABLE.search(value) or "\n" in value:
        raise ValidationError("id", value, _CLEAN_ID)
    return value.strip()


def _role(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            "role",
            value,
            Phrase("a string (the agent's job family)", "du texte (la fonction de l'agent)"),
        )
    return value.strip()


def _tags(value: Any) -> frozenset[str]:
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


def _derogations(value: Any) -> tuple[Derogation, ...]:
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


#: How much telework an agent may ask for.
_PER_WEEK = Phrase("0 to 7 workday/week", "de 0 à 7 jours de travail par semaine")


def _requested_telework(value: Any) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field="requested_telework", dimension=WORKDAYS_PER_TIME)
    days = float(quantity.m_as(_unit(REQUESTED_TELEWORK_UNIT)))
    if not (math.isfinite(days) and 0 <= days <= _MOST_PER_WEEK):
        raise ValidationError("requested_telework", value, _PER_WEEK)
    return Q_(days, REQUESTED_TELEWORK_UNIT)


def _pattern(value: Any) -> WeeklyPattern | None:
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


def _days_off(value: Any) -> frozenset[int]:
    return weekday_set(
        value, "days_off", Phrase("weekdays not worked", "des jours de la semaine non travaillés")
    )


def _telecentre_distance(value: Any) -> Quantity | None:
    return _non_negative(value, "telecentre_distance", LENGTH, DISTANCE_UNIT)


#: Text for absences known to be none (an empty cell means unknown).
_NO_ABSENCE = frozenset({"none", "aucune", "aucun", "-"})


def _absences(value: Any) -> tuple[Absence, ...] | None:
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


def _authorisation(value: Any) -> Authorisation | None:
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
    raise ValidationError(
        field,
        value,
        Phrase("true or false (yes/no, oui/non, 1/0)", "true ou false (yes/no, oui/non, 1/0)"),
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
    pattern: WeeklyPattern | None = attrs.field(default=None, converter=_pattern)
    days_off: frozenset[int] = attrs.field(factory=frozenset, converter=_days_off)
    absences: tuple[Absence, ...] | None = attrs.field(default=None, converter=_absences)
    telecentre_distance: Quantity | None = attrs.field(default=None, converter=_telecentre_distance)
    authorisation: Authorisation | None = attrs.field(default=None, converter=_authorisation)
    contract_type: ContractType | None = attrs.field(default=None, converter=_contract_type)
    category: Category | None = attrs.field(default=None, converter=_category)
    establishment: str = attrs.field(default="", converter=_establishment)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities)

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


T = TypeVar("T")


@attrs.frozen(eq=False)
class Coded:
    """A column of values of a few distinct kinds (patterns, authorisations...): integer
    ``codes`` into ``values``. Code 0 is the column's default (``values[0]``)."""

    codes: npt.NDArray[np.int32]
    values: tuple[Any, ...]

    @classmethod
    def default(cls, n: int, value: Any = None) -> Coded:
        """A column of ``n`` defaults."""
        return cls(_readonly(np.zeros(n, dtype=np.int32)), (value,))

    def value(self, row: int) -> Any:
        """The value of one row."""
        return self.values[int(self.codes[row])]

    def kept(self, keep: npt.NDArray[np.bool_] | None) -> Coded:
        """The rows of ``keep`` (``None``: all), with the same values."""
        return Coded(_kept(self.codes, keep), self.values)


_QUANTITY_FIELDS: dict[str, tuple[str, str]] = {
    "working_time": (DIMENSIONLESS, WORKING_TIME_UNIT),
    "commute_distance": (LENGTH, DISTANCE_UNIT),
    "commute_time": (TIME, COMMUTE_TIME_UNIT),
    "requested_telework": (WORKDAYS_PER_TIME, REQUESTED_TELEWORK_UNIT),
    "telecentre_distance": (LENGTH, DISTANCE_UNIT),
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
    "pattern",
    "days_off",
    "absences",
    "telecentre_distance",
    "authorisation",
    "contract_type",
    "category",
    "establishment",
    "activities",
)
_UNIT_ALIASES = {"pct": "percent", "percent": "percent", "%": "percent"}
#: The quantity columns of :meth:`Workforce.to_pandas`: plain name -> (pint name, unit).
PANDAS_QUANTITIES = {
    "working_time_pct": ("working_time", WORKING_TIME_UNIT),
    "commute_distance_km": ("commute_distance", DISTANCE_UNIT),
    "commute_time_min": ("commute_time", COMMUTE_TIME_UNIT),
    "requested_telework_workday_per_week": ("requested_telework", REQUESTED_TELEWORK_UNIT),
    "telecentre_distance_km": ("telecentre_distance", DISTANCE_UNIT),
}


def _kept(column: npt.NDArray[G], keep: npt.NDArray[np.bool_] | None) -> npt.NDArray[G]:
    """The kept rows of a column (``None``: all), as a new read-only array."""
    return _readonly(column.copy() if keep is None else column[keep])


#: csv.DictReader's markers (``restkey``, ``restval``) for a row longer, or shorter,
#: than the header: a reader of CSV rows passes them, and bad rows are told apart.
EXTRA_CELLS = "\x00extra"
MISSING_CELL = "\x00short"

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
                    Phrase(
                        " (a day is 24 hours: write {column})",
                        " (un {day!r} dure 24 heures" + NBSP + ": écrivez {column})",
                        day="day",
                        column=f"{name}_workday_per_week",
                    )
                    if dimension == WORKDAYS_PER_TIME
                    else EMPTY
                )
                wanted = Phrase(
                    "a unit of dimension {dimension} after {prefix}{hint}",
                    "une unité de dimension {dimension} après {prefix}{hint}",
                    dimension=dimension,
                    prefix=f"{name}_",
                    hint=hint,
                )
                raise ValidationError(f"columns.{key}", key, wanted) from exc
            except Exception:
                break
            return name, unit
    known = list(_FIELDS) + [f"{n}_<unit>" for n in _QUANTITY_FIELDS]
    guess = difflib.get_close_matches(key, _FIELDS, n=1)
    raise ValidationError(
        f"columns.{key}",
        key,
        Phrase(
            "one of {known}{hint}",
            "une valeur parmi {known}{hint}",
            known=", ".join(known),
            hint=did_you_mean(guess[0] if guess else None),
        ),
    )


#: A mapping of input columns to fields: a field name (``"commute_distance"``), a field
#: with its unit as in a column name (``"commute_distance_km"``), a ``(field, unit)``
#: pair, or ``None`` to skip the column.
Columns = Mapping[str, "str | tuple[str, str] | None"]

_REQUIRED = ("id", "hire_date")
_FLAGS = ("volunteer", "teleworkable_post")

# a cell of a typed date column that holds a date (not NaT)
_PRESENT = object()


def _absent(cells: Mapping[str, Any]) -> tuple[str, ...]:
    """The required fields an input has no column for."""
    return tuple(field for field in _REQUIRED if field not in cells)


def _column_spec(source: str, spec: Any) -> tuple[str, str | None] | None:
    """Where a mapped input column goes: its field and the unit of its plain numbers."""
    where = f"columns.{source}"
    if spec is None:
        return None
    if isinstance(spec, str):
        try:
            return _column_unit(spec.strip())
        except ValidationError as exc:
            raise ValidationError(where, spec, exc.expected) from None
    if isinstance(spec, tuple) and len(spec) == 2 and all(isinstance(p, str) for p in spec):
        field, unit = (part.strip() for part in spec)
        if field not in _QUANTITY_FIELDS:
            raise ValidationError(
                where,
                spec,
                Phrase(
                    "a (field, unit) pair for one of {fields}",
                    "une paire (champ, unité) pour l'un des champs {fields}",
                    fields=", ".join(_QUANTITY_FIELDS),
                ),
            )
        dimension = _QUANTITY_FIELDS[field][0]
        unit = _UNIT_ALIASES.get(unit, unit)
        try:
            one = Q_(1, unit)
        except UnitError:
            raise ValidationError(
                where,
                unit,
                Phrase(
                    "a unit of {field} that pint knows",
                    "une unité de {field} que pint connaît",
                    field=field,
                ),
            ) from None
        try:
            as_quantity(one, field=where, dimension=dimension)
        except UnitError:
            raise ValidationError(
                where,
                unit,
                Phrase(
                    "a unit of dimension {dimension} for {field} (it is {found})",
                    "une unité de dimension {dimension} pour {field} (elle est de dimension"
                    " {found})",
                    dimension=dimension,
                    field=field,
                    found=str(one.dimensionality),
                ),
            ) from None
        return field, unit
    raise ValidationError(
        where,
        spec,
        Phrase(
            "a field name, a (field, unit) pair or None",
            "un nom de champ, une paire (champ, unité) ou None",
        ),
    )


_INPUT_COLUMN = Phrase("a column of the input", "une colonne de l'entrée")
_TEXT_NAMES = Phrase("column names that are strings", "des noms de colonnes qui soient du texte")


class ColumnPlan:
    """How the keys of an input become fields: the caller's mapping, the keys to skip,
    and the naming convention (``commute_distance_km``) for the others, each key
    resolved once."""

    def __init__(self, columns: Columns | None, ignore_columns: Collection[str]) -> None:
        if columns is not None and not isinstance(columns, Mapping):
            raise ValidationError(
                "columns",
                columns,
                Phrase(
                    "a mapping of input columns to fields",
                    "un dictionnaire des colonnes de l'entrée vers les champs",
                ),
            )
        self.mapped: dict[str, tuple[str, str | None] | None] = {}
        for source, spec in (columns or {}).items():
            if not isinstance(source, str):
                raise ValidationError(
                    "columns",
                    source,
                    Phrase(
                        "input column names that are strings",
                        "des noms de colonnes de l'entrée qui soient du texte",
                    ),
                )
            self.mapped[source] = _column_spec(source, spec)
        self.keys: dict[str, tuple[str, str | None] | None] = dict(self.mapped)
        for name in ignore_columns:
            if name in self.mapped:
                raise ValidationError(
                    f"columns.{name}",
                    name,
                    Phrase(
                        "a column mapped or ignored, not both",
                        "une colonne associée à un champ ou ignorée, pas les deux",
                    ),
                )
            self.keys[name] = None

    def resolve(self, key: str) -> tuple[str, str | None] | None:
        """The field and unit of ``key`` (``None``: skipped); an unknown key is an error
        for the whole input, named ``columns.<key>``."""
        try:
            return self.keys[key]
        except KeyError:
            found = self.keys[key] = _column_unit(key)
            return found

    def check_seen(self, seen: Collection[str]) -> None:
        """Every mapped key must be in the input: a mapping that matches nothing is a typo."""
        for source in self.mapped:
            if source not in seen:
                raise ValidationError(f"columns.{source}", source, _INPUT_COLUMN + EMPTY)

    def header(self, names: Sequence[Any]) -> dict[str, tuple[str, str | None]]:
        """Resolve a whole header: ``{field: (column, unit)}``. A mapped column the header
        lacks, or two columns for one field, are errors for the whole input."""
        for source in self.mapped:
            if source not in names:
                text = [n for n in names if isinstance(n, str)]
                guess = difflib.get_close_matches(source, text, n=1)
                hint = did_you_mean(guess[0] if guess else None)
                raise ValidationError(f"columns.{source}", source, _INPUT_COLUMN + hint)
        fields: dict[str, tuple[str, str | None]] = {}
        for name in names:
            if not isinstance(name, str):
                raise ValidationError("columns", name, _TEXT_NAMES)
            found = self.resolve(name)
            if found is None:
                continue
            field, unit = found
            if field in fields:
                raise ValidationError(
                    f"columns.{name}",
                    name,
                    Phrase(
                        "one column for {field}, not two (the input also has {other!r})",
                        "une seule colonne pour {field}, pas deux (l'entrée a aussi {other!r})",
                        field=field,
                        other=fields[field][0],
                    ),
                )
            fields[field] = (name, unit)
        return fields


@attrs.frozen
class _InUnit:
    """A cell given under a key whose unit differs from its column's (records may mix
    ``commute_distance_km`` and ``commute_distance_mi``)."""

    value: Any
    unit: str | None


def _record_cells(
    record: Any, plan: ColumnPlan, seen: set[str]
) -> dict[str, tuple[str | None, Any]]:
    """One record's cells by field, each with the unit its key gives."""
    if isinstance(record, UnreadableRow):
        raise record.error
    if not isinstance(record, Mapping):
        raise ValidationError(
            "record",
            record,
            Phrase(
                "a mapping of column names to values",
                "un dictionnaire des noms de colonnes vers les valeurs",
            ),
        )
    values: dict[str, tuple[str | None, Any]] = {}
    for key, value in record.items():
        if key == EXTRA_CELLS:
            raise ValidationError(
                "cells",
                value,
                Phrase(
                    "no more cells than the header has columns",
                    "au plus autant de cellules que l'en-tête a de colonnes",
                ),
            )
        if isinstance(value, str) and value == MISSING_CELL:
            raise ValidationError(
                key,
                None,
                Phrase(
                    "a cell for every column of the header",
                    "une cellule pour chaque colonne de l'en-tête",
                ),
            )
        if not isinstance(key, str):
            raise ValidationError("record", key, _TEXT_NAMES)
        found = plan.resolve(key)
        if key in plan.mapped:
            seen.add(key)
        if found is None:
            continue
        name, unit = found
        if name in values:
            raise ValidationError(
                key,
                value,
                Phrase(
                    "one column for {name}, not two",
                    "une seule colonne pour {name}, pas deux",
                    name=name,
                ),
            )
        values[name] = (unit, value)
    return values


def _series_cells(
    series: pd.Series[Any], name: str, field: str, unit: str | None
) -> tuple[Sequence[Any] | npt.NDArray[Any], str | None]:
    """A DataFrame column as the cells of ``field``: typed numpy arrays where the column's
    dtype allows a whole-column conversion, Python objects otherwise."""
    import pandas as pd

    dtype = series.dtype
    if str(dtype).startswith("pint["):  # a pint-pandas column: its dtype holds the unit
        if field not in _QUANTITY_FIELDS:
            raise ValidationError(
                f"columns.{name}",
                str(dtype),
                Phrase("no quantity for {field}", "aucune quantité pour {field}", field=field),
            )
        if unit is not None:
            raise ValidationError(
                f"columns.{name}",
                unit,
                Phrase(
                    "no unit in the name of a pint column ({dtype})",
                    "aucune unité dans le nom d'une colonne pint ({dtype})",
                    dtype=str(dtype),
                ),
            )
        dimension, target = _QUANTITY_FIELDS[field]
        quantity = series.pint.quantity
        try:
            converted = as_quantity(quantity, field=field, dimension=dimension)
        except UnitError as exc:
            raise ValidationError(f"columns.{name}", str(dtype), exc.expected) from None
        return np.asarray(converted.m_as(_unit(target)), dtype=float), target
    if field in _FLAGS and pd.api.types.is_bool_dtype(dtype) and not series.isna().any():
        return series.to_numpy(dtype=bool), unit
    numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    if field in _QUANTITY_FIELDS and unit is not None and numeric:
        return series.to_numpy(dtype=float, na_value=math.nan), unit
    if field == "hire_date" and pd.api.types.is_datetime64_dtype(dtype):  # naive dates
        return series.to_numpy(), unit
    return series.to_numpy(dtype=object), unit


class _Parsed:
    """A column parsed value by distinct value: ``codes`` into ``parsed`` per row."""

    def __init__(self, codes: npt.NDArray[np.intp], parsed: list[Any]) -> None:
        self.codes = codes
        self.parsed = parsed

    def values(self, keep: npt.NDArray[np.bool_]) -> npt.NDArray[Any]:
        """The parsed values of the kept rows, as an object array."""
        table = np.empty(len(self.parsed), dtype=object)
        table[:] = self.parsed
        result: npt.NDArray[Any] = table[self.codes[keep]]
        return result

    def _used(self, keep: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
        return np.unique(self.codes[keep])

    def categories(self, keep: npt.NDArray[np.bool_]) -> Categories:
        """Role names of the kept rows as categories (sorted, only those in use)."""
        used = self._used(keep)
        if not len(used):
            return Categories(np.zeros(0, dtype=np.int32), ())
        names, inverse = np.unique(
            np.array([self.parsed[c] for c in used.tolist()], dtype=str), return_inverse=True
        )
        lookup = np.zeros(len(self.parsed), dtype=np.int32)
        lookup[used] = inverse.reshape(-1)
        return Categories(lookup[self.codes[keep]], tuple(str(n) for n in names))

    def tag_matrix(self, keep: npt.NDArray[np.bool_]) -> dict[str, npt.NDArray[np.bool_]]:
        """Tags of the kept rows, as ``{tag: boolean column}``."""
        used = self._used(keep).tolist()
        names = sorted({tag for code in used for tag in self.parsed[code]})
        codes = self.codes[keep]
        columns = {}
        for name in names:
            table = np.array([name in tags for tags in self.parsed], dtype=bool)
            columns[name] = table[codes]
        return columns

    def derogations(self, keep: npt.NDArray[np.bool_]) -> list[Any] | None:
        """Derogations of the kept rows, or ``None`` when no kept row has any."""
        if not any(self.parsed[code] for code in self._used(keep).tolist()):
            return None
        return list(self.values(keep))


_TIMELESS = Phrase("a date without a time of day", "une date sans heure")


class _Cells:
    """The parsing of one input's columns: the rows found bad so far and their problems
    (the first problem of each row only), row numbers for the messages."""

    def __init__(
        self,
        n: int,
        bad: npt.NDArray[np.bool_],
        problems: list[RowError],
        rows: npt.NDArray[np.int64],
    ) -> None:
        self.n = n
        self.bad = bad.copy()
        self.problems = list(problems)
        self.rows = rows

    def fail(
        self, codes: npt.NDArray[np.intp], size: int, failed: Mapping[int, ValidationError]
    ) -> None:
        """Report the rows whose cell is one of the ``failed`` distinct values (of
        ``size``), unless they are bad already."""
        if not failed:
            return
        table = np.zeros(size, dtype=bool)
        table[list(failed)] = True
        hit = table[codes] & ~self.bad
        for index in np.flatnonzero(hit).tolist():
            self.problems.append(
                RowError.from_error(int(self.rows[index]), failed[int(codes[index])])
            )
        self.bad |= hit

    def codes(
        self, values: Sequence[Any] | npt.NDArray[Any] | None
    ) -> tuple[npt.NDArray[np.intp], list[Any]]:
        """Number the distinct cells of a column; an absent column is all missing, and a
        ``datetime64`` column has two kinds of cells: a date, or NaT (missing)."""
        if values is None:
            return np.zeros(self.n, dtype=np.intp), [None]
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            return np.isnat(values).astype(np.intp), [_PRESENT, None]
        return _codes(values)

    def require(
        self, field: str, codes: npt.NDArray[np.intp], uniques: list[Any], why: Phrase | None
    ) -> None:
        """Rows whose required ``field`` is missing are bad."""
        failed = {
            code: ValidationError(
                field, value, why or Phrase("a value (required)", "une valeur (obligatoire)")
            )
            for code, value in enumerate(uniques)
            if _is_missing(value)
        }
        self.fail(codes, len(uniques), failed)

    def dates(
        self,
        values: Sequence[Any] | npt.NDArray[Any] | None,
        codes: npt.NDArray[np.intp],
        uniques: list[Any],
    ) -> npt.NDArray[np.datetime64]:
        """Hire dates as ``datetime64[D]`` (NaT where missing or bad)."""
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            days = values.astype("datetime64[D]")
            timed = ~np.isnat(values) & (days != values)

            def error(index: int) -> ValidationError:
                value = str(values[index])
                return ValidationError("hire_date", value, _TIMELESS)

            self.fail_rows(timed, error)
            low = np.datetime64(FIRST_DATE, "D")
            high = np.datetime64(LAST_DATE, "D")
            outside = ~np.isnat(days) & ((days < low) | (days > high))

            def beyond(index: int) -> ValidationError:
                value = str(values[index])
                return ValidationError(
                    "hire_date",
                    value,
                    Phrase(
                        "a date from {first} to {last}",
                        "une date du {first} au {last}",
                        first=FIRST_DATE.isoformat(),
                        last=LAST_DATE.isoformat(),
                    ),
                )

            self.fail_rows(outside, beyond)
            return days
        parsed = self.parse(values, lambda v: to_date(v, "hire_date"), None, (codes, uniques))
        table = np.array(
            [np.datetime64("NaT") if p is None else np.datetime64(p, "D") for p in parsed.parsed],
            dtype="datetime64[D]",
        )
        result: npt.NDArray[np.datetime64] = table[parsed.codes]
        return result

    def fail_rows(
        self, mask: npt.NDArray[np.bool_], error: Callable[[int], ValidationError]
    ) -> None:
        """Report the rows of ``mask`` (those not bad yet), each with its own error."""
        hit = mask & ~self.bad
        for index in np.flatnonzero(hit).tolist():
            self.problems.append(RowError.from_error(int(self.rows[index]), error(index)))
        self.bad |= hit

    def parse(
        self,
        values: Sequence[Any] | npt.NDArray[Any] | None,
        read: Callable[[Any], Any],
        default: Any,
        coded: tuple[npt.NDArray[np.intp], list[Any]] | None = None,
    ) -> _Parsed:
        """Parse each distinct cell once (``coded``: the numbering, when already made);
        missing cells take ``default``."""
        if values is None:
            return _Parsed(np.zeros(self.n, dtype=np.intp), [default])
        codes, uniques = coded if coded is not None else _codes(values)
        parsed: list[Any] = [default] * len(uniques)
        failed: dict[int, ValidationError] = {}
        for code, value in enumerate(uniques):
            if _is_missing(value):
                continue
            try:
                parsed[code] = read(value)
            except ValidationError as exc:
                failed[code] = exc
        self.fail(codes, len(uniques), failed)
        return _Parsed(codes, parsed)

    def quantities(
        self,
        values: Sequence[Any] | npt.NDArray[Any] | None,
        name: str,
        dimension: str,
        unit: str,
        column_unit: str | None,
        default: float,
    ) -> npt.NDArray[np.float64]:
        """A quantity column as magnitudes in the workforce's ``unit``."""
        if values is None:
            return np.full(self.n, default)
        if isinstance(values, np.ndarray) and values.dtype.kind == "f" and column_unit:
            magnitudes = values
            if column_unit != unit:
                magnitudes = np.asarray(Q_(values, column_unit).m_as(_unit(unit)), dtype=float)
            return np.where(np.isnan(values), default, magnitudes)
        text_cache: dict[tuple[str, str], float] = {}

        def read(raw: Any) -> float:
            given = column_unit
            if isinstance(raw, _InUnit):
                raw, given = raw.value, raw.unit
                if _is_missing(raw):
                    return default
            return _cell_quantity(raw, name, dimension, unit, given, text_cache)

        parsed = self.parse(values, read, default)
        table = np.array(parsed.parsed, dtype=float)
        result: npt.NDArray[np.float64] = table[parsed.codes]
        return result

    def flags(
        self, values: Sequence[Any] | npt.NDArray[Any] | None, field: str
    ) -> npt.NDArray[np.bool_]:
        """A boolean column; missing cells are true."""
        if isinstance(values, np.ndarray) and values.dtype == np.bool_:
            return values
        parsed = self.parse(values, lambda v: _read_bool(v, field), True)
        table = np.array(parsed.parsed, dtype=bool)
        result: npt.NDArray[np.bool_] = table[parsed.codes]
        return result


def _codes(values: Sequence[Any] | npt.NDArray[Any]) -> tuple[npt.NDArray[np.intp], list[Any]]:
    """Number the distinct cells of a column, so that each is parsed once.

    Cells are told apart by type as well as value (``1``, ``1.0`` and ``True`` are three
    cells, which may read differently); unhashable cells (a list of tags) each count as
    distinct.
    """
    pandas = sys.modules.get("pandas")
    if (
        pandas is not None
        and isinstance(values, np.ndarray)
        and values.dtype == object
        and pandas.api.types.infer_dtype(values, skipna=True) in ("string", "empty")
    ):  # a pandas column of text (and missing cells): numbered in C, not cell by cell
        found, distinct = pandas.factorize(values, use_na_sentinel=True)
        codes_found: npt.NDArray[np.intp] = np.asarray(found, dtype=np.intp)
        return np.where(codes_found < 0, len(distinct), codes_found), [*distinct, None]
    index: dict[Any, int] = {}
    uniques: list[Any] = []
    codes = np.empty(len(values), dtype=np.intp)
    for position, value in enumerate(values):
        try:
            key = (value.__class__, value)
            code = index.get(key)
            if code is None:
                code = index[key] = len(uniques)
                uniques.append(value)
        except TypeError:  # unhashable
            code = len(uniques)
            uniques.append(value)
        codes[position] = code
    return codes, uniques


def _is_missing(value: Any) -> bool:
    """An empty cell: None, blank text, NaN, NaT or pandas' NA."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return type(value).__name__ in ("NAType", "NaTType")


_DISTANCE = Phrase("a finite distance >= 0 km", "une distance finie, positive ou nulle, en km")
_TRUE_OR_FALSE = Phrase("true or false", "true ou false")


def _rows_of(n: int) -> Phrase:
    return Phrase(
        "a column of {n} rows",
        "une colonne de {rows}",
        n=n,
        rows=french_count(n, "ligne", "lignes"),
    )


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
                    raise ValidationError(name, len(getattr(self, name)), _rows_of(n))
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

    @classmethod
    def _from_one(cls, agent: Agent) -> Workforce:
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
            pattern=_ONE_DEFAULT
            if agent.pattern is None
            else Coded(_ONE_CODE, (None, agent.pattern)),
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
            activity_shares=_readonly(
                np.array([[float(a.share.magnitude) / 100 for a in activities]])
            )
            if activities
            else _NO_ACTIVITY,
            source_rows=_ZERO_ROW,
            rejected=(),
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
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, either("raise", "report"))
        id_array, unreadable, id_texts = _id_column(ids)
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
                value = _plain(values[index])
                wanted = expected(value) if callable(expected) else expected
                french = ValidationError(field, value, wanted).text("fr")
                message = Phrase(f"{field}: expected {wanted}, got {value!r}", french)
                problems.append(RowError(int(rows[index]), field, value, message))
            bad[mask] = True

        flag(np.char.str_len(id_array) == 0, "id", id_array, _NON_EMPTY)
        flag(unreadable, "id", id_texts, _CLEAN_ID)

        _check_length("hire_date", hire_date, n)
        _check_length("source_rows", rows, n)
        hire = _date_column(hire_date, n, rows, problems, bad)

        percent = _quantity_column(working_time, "working_time", n, 100.0)
        percent = np.round(percent, 9)
        flag(~((percent > 0) & (percent <= 100)), "working_time", percent, _SHARE)

        distance = _quantity_column(commute_distance, "commute_distance", n, math.nan)
        flag(
            ~(np.isnan(distance) | ((distance >= 0) & np.isfinite(distance))),
            "commute_distance",
            distance,
            _DISTANCE,
        )
        minutes = _quantity_column(commute_time, "commute_time", n, math.nan)
        flag(
            ~(np.isnan(minutes) | ((minutes >= 0) & np.isfinite(minutes))),
            "commute_time",
            minutes,
            Phrase("a finite duration >= 0 min", "une durée finie, positive ou nulle, en min"),
        )
        asked = _quantity_column(requested_telework, "requested_telework", n, math.nan)
        flag(
            ~(np.isnan(asked) | ((asked >= 0) & (asked <= _MOST_PER_WEEK))),
            "requested_telework",
            asked,
            _PER_WEEK,
        )

        roles = _role_column(role, n)
        tag_matrix, tag_names, tag_problems = _tag_column(tags, n)
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
            _check_length("commute_mode", mode_values, n)
            lookup = {m.value: i for i, m in enumerate(_MODES)}
            mode_codes = np.array(
                [lookup.get(str(v).strip().lower(), -1) for v in mode_values], dtype=np.int8
            )
            flag(mode_codes < 0, "commute_mode", mode_values, lambda v: one_of(CommuteMode, v))

        volunteers, unread = _bool_column(volunteer, "volunteer", n)
        if unread.any():
            flag(unread, "volunteer", np.asarray(volunteer, dtype=object), _TRUE_OR_FALSE)
        posts, unread = _bool_column(teleworkable_post, "teleworkable_post", n)
        if unread.any():
            flag(
                unread,
                "teleworkable_post",
                np.asarray(teleworkable_post, dtype=object),
                _TRUE_OR_FALSE,
            )

        far = _quantity_column(telecentre_distance, "telecentre_distance", n, math.nan)
        flag(
            ~(np.isnan(far) | ((far >= 0) & np.isfinite(far))),
            "telecentre_distance",
            far,
            _DISTANCE,
        )
        patterns = _coded_column(pattern, "pattern", _pattern, n, rows, problems, bad)
        absent = _coded_column(absences, "absences", _absences, n, rows, problems, bad)
        authorised = _coded_column(
            authorisation, "authorisation", _authorisation, n, rows, problems, bad
        )
        off = _coded_column(
            days_off, "days_off", lambda v: weekday_mask(_days_off(v)), n, rows, problems, bad
        )
        off_mask = np.array([0 if v is None else v for v in off.values], dtype=np.uint8)[off.codes]
        contracts = _label_column(
            contract_type, "contract_type", _contract_value, n, rows, problems, bad
        )
        categories = _label_column(category, "category", _category_value, n, rows, problems, bad)
        sites = (
            Categories(zeros(n, np.int32), ("",))
            if establishment is None
            else _role_column(establishment, n, "establishment")
        )
        activity_names, activity_matrix = _activity_columns(activities, n, rows, problems, bad)

        d_row: list[int] = []
        d_kind: list[int] = []
        d_start: list[dt.date] = []
        d_end: list[dt.date | None] = []
        if derogations is not None:
            if len(derogations) != n:
                raise ValidationError("derogations", len(derogations), _rows_of(n))
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
            pattern=patterns.kept(keep),
            days_off_mask=_kept(off_mask, keep),
            telecentre_distance_km=_kept(far, keep),
            absences=absent.kept(keep),
            authorisation=authorised.kept(keep),
            contract_type=_kept_labels(contracts, keep),
            category=_kept_labels(categories, keep),
            establishment=_kept_labels(sites, keep),
            activity_names=activity_names,
            activity_shares=_kept(activity_matrix, keep),
            source_rows=_kept(rows, keep),
            rejected=tuple(sorted(problems, key=lambda e: e.row)),
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
        plan = ColumnPlan(columns, ignore_columns)
        cells: dict[str, list[Any]] = {}
        units: dict[str, str | None] = {}
        problems: list[RowError] = []
        bad: list[int] = []
        seen_keys: set[str] = set()
        n = 0
        for row, record in enumerate(records):
            n = row + 1
            try:
                values = _record_cells(record, plan, seen_keys)
            except ValidationError as exc:
                if exc.field.startswith("columns."):
                    raise
                problems.append(RowError.from_error(row, exc))
                bad.append(row)
                values = {}
            for field, column in cells.items():
                found = values.pop(field, None)
                if found is None:
                    column.append(None)
                else:
                    unit, value = found
                    column.append(value if unit == units[field] else _InUnit(value, unit))
            for field, (unit, value) in values.items():  # a field met for the first time
                cells[field] = [None] * row + [value]
                units[field] = unit
        if n:
            plan.check_seen(seen_keys)
        flags = np.zeros(n, dtype=bool)
        flags[bad] = True
        return cls._from_cells(
            cells,
            units,
            n,
            bad=flags,
            problems=problems,
            rows=np.arange(n, dtype=np.int64),
            errors=errors,
            absent=_absent(cells),
        )

    @classmethod
    def _from_cells(
        cls,
        cells: Mapping[str, Sequence[Any] | npt.NDArray[Any]],
        units: Mapping[str, str | None],
        n: int,
        *,
        bad: npt.NDArray[np.bool_],
        problems: list[RowError],
        rows: npt.NDArray[np.int64],
        errors: Errors,
        absent: Collection[str] = (),
    ) -> Workforce:
        """Parse columns of raw cells (as read from records, CSV or pandas) and build the
        workforce from the rows that parse.

        Every distinct cell of a column is parsed once, with the functions that check an
        :class:`Agent`'s fields; typed columns (numbers with a unit, dates, booleans) are
        converted whole. A row is reported once, under the first field found wrong:
        required values first, then the fields in the order of :class:`Agent`. Rows
        already marked ``bad`` (with their problem in ``problems``) are left aside.
        ``absent`` names the required fields the input has no column for.
        """
        if errors not in ("raise", "report"):
            raise ValidationError("errors", errors, either("raise", "report"))
        column = _Cells(n, bad, problems, rows)
        id_codes, id_values = column.codes(cells.get("id"))
        hire_codes, hire_values = column.codes(cells.get("hire_date"))
        for field, codes, uniques in (
            ("id", id_codes, id_values),
            ("hire_date", hire_codes, hire_values),
        ):
            why = (
                Phrase(
                    "a value (required; there is no {field} column)",
                    "une valeur (obligatoire" + NNBSP + "; il n'y a pas de colonne {field})",
                    field=field,
                )
                if field in absent
                else None
            )
            column.require(field, codes, uniques, why)
        hire = column.dates(cells.get("hire_date"), hire_codes, hire_values)
        magnitudes: dict[str, npt.NDArray[np.float64]] = {}
        for name, (dimension, unit) in _QUANTITY_FIELDS.items():
            default = 100.0 if name == "working_time" else math.nan
            magnitudes[name] = column.quantities(
                cells.get(name), name, dimension, unit, units.get(name), default
            )
        roles = column.parse(cells.get("role"), lambda v: _role(str(v)), "")
        tags = column.parse(cells.get("tags"), _tags, frozenset())
        modes = column.parse(cells.get("commute_mode"), lambda v: _mode(v).value, "car_thermal")
        volunteers = column.flags(cells.get("volunteer"), "volunteer")
        posts = column.flags(cells.get("teleworkable_post"), "teleworkable_post")
        derogations = column.parse(cells.get("derogations"), _derogations, ())
        patterns = column.parse(cells.get("pattern"), _pattern, None)
        off = column.parse(cells.get("days_off"), _days_off, frozenset())
        absences = column.parse(cells.get("absences"), _absences, None)
        authorised = column.parse(cells.get("authorisation"), _authorisation, None)
        contracts = column.parse(cells.get("contract_type"), lambda v: _contract_value(v) or "", "")
        categories = column.parse(cells.get("category"), lambda v: _category_value(v) or "", "")
        sites = column.parse(cells.get("establishment"), lambda v: _establishment(str(v)), "")
        activities = column.parse(cells.get("activities"), _activities, ())

        keep = ~column.bad
        kept = int(np.count_nonzero(keep))
        # a list, not a numpy column: numpy would drop a trailing NUL before it is seen
        ids = [str(v).strip() for v in (id_values[c] for c in id_codes[keep].tolist())]
        return cls.from_columns(
            ids=ids if kept else np.array([], dtype=str),
            hire_date=hire[keep],
            working_time=Q_(magnitudes["working_time"][keep], WORKING_TIME_UNIT),
            role=roles.categories(keep),
            tags=tags.tag_matrix(keep),
            commute_distance=Q_(magnitudes["commute_distance"][keep], DISTANCE_UNIT),
            commute_time=Q_(magnitudes["commute_time"][keep], COMMUTE_TIME_UNIT),
            commute_mode=modes.values(keep),
            volunteer=volunteers[keep],
            teleworkable_post=posts[keep],
            derogations=derogations.derogations(keep),
            requested_telework=Q_(magnitudes["requested_telework"][keep], REQUESTED_TELEWORK_UNIT),
            pattern=patterns.values(keep) if "pattern" in cells else None,
            days_off=off.values(keep) if "days_off" in cells else None,
            telecentre_distance=Q_(magnitudes["telecentre_distance"][keep], DISTANCE_UNIT),
            absences=absences.values(keep) if "absences" in cells else None,
            authorisation=authorised.values(keep) if "authorisation" in cells else None,
            contract_type=contracts.categories(keep) if "contract_type" in cells else None,
            category=categories.categories(keep) if "category" in cells else None,
            establishment=sites.categories(keep) if "establishment" in cells else None,
            activities=activities.values(keep) if "activities" in cells else None,
            errors=errors,
            source_rows=rows[keep],
            rejected=column.problems,
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
    ) -> Workforce:
        """Read a CSV file with a header row (see :meth:`from_records` for the columns,
        and for ``columns``, a mapping of your column names to fields).

        A file, or a binary stream, is read as UTF-8 (with or without a byte order mark)
        or, when it is not, as Windows-1252 (Latin-1 and the euro sign), unless
        ``encoding`` is given. The delimiter is guessed from the header among ``,``,
        ``;`` and tab unless given. Row numbers in errors count data rows from 0. A row
        with more or fewer cells than the header, a quote that is not closed on its
        line (a cell never holds a line break), or a row of more than 131,072
        characters is a bad row, and the others are read. The header is checked first:
        two columns for one field, or a mapped column the file does not have, are
        errors for the whole file.
        """
        text = read_text(source, encoding)
        found, reader = csv_records(text, delimiter)
        ColumnPlan(columns, ignore_columns).header(found)
        return cls.from_records(
            reader, errors=errors, ignore_columns=ignore_columns, columns=columns
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
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise ValidationError(
                "frame", frame, Phrase("a pandas DataFrame", "un objet DataFrame de pandas")
            )
        names = [str(name) if isinstance(name, str) else name for name in frame.columns]
        repeated = [name for name in names if names.count(name) > 1]
        if repeated:
            raise ValidationError(
                "columns",
                repeated[0],
                Phrase("column names used once", "des noms de colonnes employés une seule fois"),
            )
        plan = ColumnPlan(columns, ignore_columns)
        fields = plan.header(names)
        n = len(frame)
        cells: dict[str, Sequence[Any] | npt.NDArray[Any]] = {}
        units: dict[str, str | None] = {}
        for field, (name, unit) in fields.items():
            cells[field], units[field] = _series_cells(frame[name], name, field, unit)
        return cls._from_cells(
            cells,
            units,
            n,
            bad=np.zeros(n, dtype=bool),
            problems=[],
            rows=np.arange(n, dtype=np.int64),
            errors=errors,
            absent=_absent(cells),
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
            pattern=self.pattern.value(row),
            days_off=weekdays_of_mask(int(self.days_off_mask[row])),
            absences=self.absences.value(row),
            telecentre_distance=None if math.isnan(far) else Q_(far, DISTANCE_UNIT),
            authorisation=self.authorisation.value(row),
            contract_type=self.contract_type.value(row) or None,
            category=self.category.value(row) or None,
            establishment=self.establishment.value(row),
            activities=self._activities_of(row),
        )

    def _activities_of(self, row: int) -> tuple[Activity, ...]:
        """The activities of one row, with their shares in percent."""
        shares = self.activity_shares[row].tolist()
        return tuple(
            Activity(name, Q_(share * 100, ACTIVITY_SHARE_UNIT))
            for name, share in zip(self.activity_names, shares, strict=True)
            if share > 0
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
        index = np.asarray(rows)
        if index.ndim != 1 or (index.size and index.dtype.kind not in "iu"):
            kind = (
                Phrase("a boolean mask", "un masque booléen")
                if index.dtype == np.bool_
                else Phrase(
                    "an array of {dtype}, {shape}",
                    "un tableau de {dtype}, {shape}",
                    dtype=str(index.dtype),
                    shape=str(index.shape),
                )
            )
            raise ValidationError(
                "rows",
                kind,
                Phrase(
                    "integer row positions (of a mask: np.flatnonzero(mask))",
                    "des positions de lignes entières (pour un masque" + NBSP + ":"
                    " np.flatnonzero(mask))",
                ),
            )
        index = index.astype(np.intp, copy=False)
        n = len(self)
        if index.size:
            outside = (index < 0) | (index >= n)
            if outside.any():
                value = int(index[np.flatnonzero(outside)[0]])
                raise ValidationError(
                    "rows",
                    value,
                    Phrase(
                        "row positions from 0 to {last}",
                        "des positions de lignes de 0 à {last}",
                        last=n - 1,
                    ),
                )
        position = np.full(n, -1, dtype=np.int64)
        position[index] = np.arange(len(index), dtype=np.int64)
        if index.size and np.count_nonzero(position >= 0) != len(index):
            counts = np.bincount(index, minlength=n)
            raise ValidationError(
                "rows",
                int(np.flatnonzero(counts > 1)[0]),
                Phrase(
                    "each row position at most once", "chaque position de ligne au plus une fois"
                ),
            )
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
        wanted = {contract_type(name, "names").value for name in _listed(names)}
        return _labelled(self.contract_type, wanted)

    def category_in(self, names: Collection[Category | str]) -> npt.NDArray[np.bool_]:
        """Rows whose category is one of ``names`` (``"A"``, ``"catégorie B"``...; a row
        where it is not stated is in none)."""
        wanted = {category(name, "names").value for name in _listed(names)}
        return _labelled(self.category, wanted)

    def establishment_in(self, names: Collection[str]) -> npt.NDArray[np.bool_]:
        """Rows whose establishment is one of ``names`` (compared as written, surrounding
        spaces aside; a row where it is not stated is in none)."""
        wanted = {name.strip() for name in _listed(names)} - {""}
        return _labelled(self.establishment, wanted)

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
        wanted = {" ".join(name.split()) for name in _listed(names)}
        return [j for j, name in enumerate(self.activity_names) if name in wanted]

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
                    "pattern": "" if agent.pattern is None else str(agent.pattern),
                    "days_off": _days_off_text(agent.days_off),
                    "absences": _absences_text(agent.absences),
                    "telecentre_distance": (
                        f"{_number(agent.telecentre_distance.magnitude)} km"
                        if agent.telecentre_distance is not None
                        else ""
                    ),
                    "authorisation": (
                        "" if agent.authorisation is None else str(agent.authorisation)
                    ),
                    "contract_type": ""
                    if agent.contract_type is None
                    else agent.contract_type.value,
                    "category": "" if agent.category is None else agent.category.value,
                    "establishment": agent.establishment,
                    "activities": _activities_text(agent.activities),
                }
            )
        return records

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """The columns as a DataFrame, quantity columns named with their unit (``_per_``
        for ``/``: ``requested_telework_workday_per_week``), or, with ``units="pint"``,
        named after their field with a pint-pandas dtype (see :mod:`teletravail.tables`).
        :meth:`from_pandas` reads either back."""
        import pandas as pd

        from teletravail.tables import quantity_frame

        return quantity_frame(
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
                "pattern": _texts(self.pattern, str),
                "days_off": [
                    _days_off_text(weekdays_of_mask(int(m))) for m in self.days_off_mask.tolist()
                ],
                "absences": _texts(self.absences, _absences_text),
                "telecentre_distance_km": self.telecentre_distance_km,
                "authorisation": _texts(self.authorisation, str),
                "contract_type": _categorical(self.contract_type),
                "category": _categorical(self.category),
                "establishment": _categorical(self.establishment),
                "activities": [
                    _activities_text(self._activities_of(row)) for row in range(len(self))
                ],
            },
            PANDAS_QUANTITIES,
            units,
        )


def _listed(names: Any) -> list[Any]:
    """Names given to a selection: one name alone, or a collection of them."""
    if isinstance(names, str | enum.Enum):
        return [names]
    if isinstance(names, Mapping) or not isinstance(names, Iterable):
        raise ValidationError(
            "names",
            names,
            Phrase("a name or a collection of names", "un nom ou une collection de noms"),
        )
    items = list(names)
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(
                "names", item, Phrase("names that are text", "des noms qui soient du texte")
            )
    return items


def _labelled(column: Categories, wanted: Collection[str]) -> npt.NDArray[np.bool_]:
    """Rows of a categorical column whose category is in ``wanted``."""
    codes = [code for code, name in enumerate(column.categories) if name in wanted]
    if not codes:
        return np.zeros(len(column.codes), dtype=bool)
    table = np.zeros(len(column.categories), dtype=bool)
    table[codes] = True
    result: npt.NDArray[np.bool_] = table[column.codes]
    return result


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _days_off_text(days: Collection[int]) -> str:
    """Weekdays not worked as text that reads back (``"wednesday;friday"``)."""
    return ";".join(_WEEKDAY_NAMES[day] for day in sorted(days))


def _absences_text(spans: tuple[Absence, ...] | None) -> str:
    """Absences as text that reads back: empty when unknown, ``none`` when known to be
    none, else ``start/end`` spans separated by ``;``."""
    if spans is None:
        return ""
    if not spans:
        return "none"
    return ";".join(str(a) for a in spans)


def _activities_text(activities: tuple[Activity, ...]) -> str:
    """Activities as text that reads back (``"accueil 40 %; instruction 60 %"``); empty
    when not stated."""
    return "; ".join(str(activity) for activity in activities)


def _categorical(column: Categories) -> Any:
    """A categorical column as a pandas Categorical."""
    import pandas as pd

    if not column.categories:
        return pd.Categorical([])
    return pd.Categorical.from_codes(
        np.asarray(column.codes), categories=pd.Index(list(column.categories))
    )


def _texts(column: Coded, write: Callable[[Any], str]) -> list[str]:
    """A coded column as text, each distinct value written once (empty for None)."""
    table = ["" if value is None else write(value) for value in column.values]
    return [table[code] for code in column.codes.tolist()]


def _one_per_id(n: int) -> Phrase:
    return Phrase(
        "a column of {n} values (one per id)",
        "une colonne de {values} (une par identifiant)",
        n=n,
        values=french_count(n, "valeur", "valeurs"),
    )


def _values_of(n: int) -> Phrase:
    return Phrase(
        "a column of {n} values",
        "une colonne de {values}",
        n=n,
        values=french_count(n, "valeur", "valeurs"),
    )


def _coded_column(
    values: Sequence[Any] | npt.NDArray[Any] | None,
    field: str,
    convert: Callable[[Any], Any],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> Coded:
    """A column of values of a few distinct kinds, each distinct value checked once:
    ``None`` (or an empty cell) is the default, code 0; a value ``convert`` refuses makes
    its row bad."""
    if values is None:
        return Coded.default(n)
    if not isinstance(values, Sequence | np.ndarray):
        raise ValidationError(field, values, _one_per_id(n))
    if len(values) != n:
        raise ValidationError(
            field,
            _values_of(len(values)),
            Phrase("{n} values", "{values}", n=n, values=french_count(n, "valeur", "valeurs")),
        )
    codes = np.zeros(n, dtype=np.int32)
    table: list[Any] = [None]
    found: dict[Any, int] = {}  # a converted value -> its code
    seen: dict[Any, int | ValidationError] = {}  # a hashable raw value -> its code
    for index, raw in enumerate(values):
        if _is_missing(raw):
            continue
        try:
            known = seen.get((raw.__class__, raw))
            hashable = True
        except TypeError:
            known, hashable = None, False
        if known is None:
            try:
                value = convert(raw)
            except ValidationError as exc:
                known = exc
            else:
                known = 0 if value is None else found.setdefault(value, len(table))
                if known == len(table):
                    table.append(value)
            if hashable:
                seen[(raw.__class__, raw)] = known
        if isinstance(known, ValidationError):
            if not bad[index]:
                problems.append(RowError.from_error(int(rows[index]), known))
            bad[index] = True
        else:
            codes[index] = known
    return Coded(codes, tuple(table))


def _number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``100``, ``89.9999999``)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds, for error messages."""
    return value.item() if isinstance(value, np.generic) else value


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
            shown = str(values[position])
            french = ValidationError("hire_date", shown, _TIMELESS).text("fr")
            message = Phrase(f"hire_date: expected {_TIMELESS}, got {values[position]}", french)
            problems.append(RowError(int(rows[position]), "hire_date", shown, message))
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
        french = ValidationError("hire_date", value, _ISO_DATE).text("fr")
        message = Phrase(f"hire_date: expected {_ISO_DATE}, got {value!r}", french)
        problems.append(RowError(int(rows[position]), "hire_date", value, message))
    bad[: len(missing)] |= missing
    return array


_ISO_DATE = Phrase("an ISO date such as 2013-01-01", "une date écrite AAAA-MM-JJ, comme 2013-01-01")


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
        raise ValidationError(field, column, _one_per_id(n))
    size = len(column)
    if size != n:
        raise ValidationError(field, _values_of(size), _one_per_id(n))


def _role_column(
    role: Sequence[str] | npt.NDArray[Any] | Categories | None, n: int, field: str = "role"
) -> Categories:
    """A column of free text (roles, establishments) as categories."""
    if role is None:
        return Categories(np.zeros(n, dtype=np.int32), ("",))
    if isinstance(role, Categories):
        _check_length(field, role.codes, n)
        _check_codes(field, role, n)
        return role
    _check_length(field, role, n)
    array = np.asarray(role)
    if array.dtype.kind != "U" and n:
        strange = [v for v in array.tolist() if not isinstance(v, str)]
        if strange:
            raise ValidationError(
                field,
                strange[0],
                Phrase(
                    "a column of strings ({field} is text)",
                    "une colonne de textes ({field} est du texte)",
                    field=field,
                ),
            )
    return Categories.from_values(np.char.strip(array.astype(str)) if n else [])


def _check_codes(field: str, column: Categories, n: int) -> None:
    """The codes of a categorical column must point into its categories."""
    codes = np.asarray(column.codes)
    if n and (codes.min() < 0 or codes.max() >= len(column.categories)):
        raise ValidationError(
            f"{field}.codes",
            int(codes.max()),
            Phrase(
                "codes from 0 to {last}", "des codes de 0 à {last}", last=len(column.categories) - 1
            ),
        )


def _contract_value(value: Any) -> str | None:
    kind = _contract_type(value)
    return None if kind is None else kind.value


def _category_value(value: Any) -> str | None:
    kind = _category(value)
    return None if kind is None else kind.value


def _label_column(
    values: Sequence[Any] | npt.NDArray[Any] | Categories | None,
    field: str,
    read: Callable[[Any], str | None],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> Categories:
    """A column of a few fixed labels (contract types, categories), each distinct value
    read once (``read`` gives the label, or None: not stated, ``""``); a value that does
    not read makes its row bad. :class:`Categories` are read category by category."""
    if values is None:
        return Categories(zeros(n, np.int32), ("",))
    if isinstance(values, Categories):
        _check_length(field, values.codes, n)
        _check_codes(field, values, n)
        labels: list[str | None] = []
        for name in values.categories:
            try:
                labels.append(read(name))
            except ValidationError as exc:
                raise ValidationError(f"{field}.categories", name, exc.expected) from None
        coded = Coded(np.asarray(values.codes, dtype=np.int32), tuple(labels))
    else:
        coded = _coded_column(values, field, read, n, rows, problems, bad)
    texts = ["" if label is None else str(label) for label in coded.values]
    used = np.flatnonzero(np.bincount(coded.codes, minlength=len(texts)))
    distinct = sorted({texts[code] for code in used.tolist()})
    position = {text: i for i, text in enumerate(distinct)}
    lookup = np.array([position.get(text, 0) for text in texts], dtype=np.int32)
    return Categories(lookup[coded.codes], tuple(distinct))


def _kept_labels(column: Categories, keep: npt.NDArray[np.bool_] | None) -> Categories:
    """The kept rows of a categorical column (a column of one shared zero stays so)."""
    codes = column.codes
    if codes.strides == (0,) or not len(codes):
        kept = len(codes) if keep is None else int(np.count_nonzero(keep))
        return Categories(zeros(kept, np.int32), column.categories)
    return Categories(_kept(codes, keep), column.categories)


def _activity_columns(
    values: Sequence[Any] | npt.NDArray[Any] | Mapping[str, Quantity] | None,
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> tuple[tuple[str, ...], npt.NDArray[np.float64]]:
    """The activity names and the matrix of shares (fractions of working time; a row of
    zeros where not stated), each distinct value read once."""
    if values is None:
        return (), np.zeros((n, 0))
    if isinstance(values, Mapping):
        return _activity_matrix(values, n, rows, problems, bad)
    coded = _coded_column(
        values, "activities", lambda v: _activities(v) or None, n, rows, problems, bad
    )
    names = tuple(sorted({a.name for found in coded.values[1:] for a in found}))
    position = {name: j for j, name in enumerate(names)}
    table = np.zeros((len(coded.values), len(names)))
    for code, found in enumerate(coded.values[1:], start=1):
        for activity in found:
            table[code, position[activity.name]] = float(activity.share.magnitude) / 100
    matrix: npt.NDArray[np.float64] = table[coded.codes]
    return names, matrix


def _activity_matrix(
    columns: Mapping[str, Quantity],
    n: int,
    rows: npt.NDArray[np.int64],
    problems: list[RowError],
    bad: npt.NDArray[np.bool_],
) -> tuple[tuple[str, ...], npt.NDArray[np.float64]]:
    """Activities given as whole columns of shares, ``{activity: Q_(array, "percent")}``:
    zero or NaN where the agent does not carry the activity."""
    cleaned = {_activity_name(name): name for name in columns}
    if len(cleaned) != len(columns):
        raise ValidationError(
            "activities",
            list(columns),
            Phrase("each activity once", "chaque activité une seule fois"),
        )
    names = tuple(sorted(cleaned))
    percent = np.zeros((n, len(names)))
    for j, name in enumerate(names):
        field = f"activities.{name}"
        quantity = as_quantity(columns[cleaned[name]], field=field, dimension=DIMENSIONLESS)
        column = np.asarray(quantity.m_as(_unit(ACTIVITY_SHARE_UNIT)), dtype=float)
        _check_length(field, column, n)
        percent[:, j] = np.where(np.isnan(column), 0.0, column)
    wrong = ~np.isfinite(percent).all(axis=1) | (percent < 0).any(axis=1)
    wrong |= (percent > 100).any(axis=1)
    total = np.where(wrong, 0.0, percent.sum(axis=1))
    stated = total > 0
    wrong |= stated & (np.abs(total - 100) > ACTIVITY_SHARE_TOLERANCE)
    for index in np.flatnonzero(wrong & ~bad).tolist():
        shares = {name: _plain(percent[index, j]) for j, name in enumerate(names)}
        expected = Phrase(
            "shares from 0 to 100 % summing to 100 % (± {tolerance} %)",
            "des parts de 0 à 100 % dont la somme fait 100 % (à {tolerance} % près)",
            tolerance=decimal(ACTIVITY_SHARE_TOLERANCE),
        )
        problems.append(
            RowError.from_error(int(rows[index]), ValidationError("activities", shares, expected))
        )
    bad |= wrong
    scale = stated & ~wrong & (np.abs(total - 100) > _SUMS_TO_100)
    percent[scale] *= (100 / total[scale])[:, None]
    percent[wrong] = 0.0
    return names, np.round(percent, 9) / 100


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


def _shaped(shape: tuple[int, ...]) -> Phrase:
    return Phrase("an array of shape {shape}", "un tableau de forme {shape}", shape=str(shape))


def _id_column(
    ids: Sequence[str] | npt.NDArray[Any],
) -> tuple[npt.NDArray[np.str_], npt.NDArray[np.bool_], Sequence[str]]:
    """Ids as a numpy string column, stripped, which ones hold a character no id may
    (read before numpy, which drops trailing NULs), and the ids as given; anything but
    text is refused whole."""
    raw = ids.tolist() if isinstance(ids, np.ndarray) and ids.dtype.kind == "O" else ids
    array = np.asarray(ids)
    if array.ndim != 1:
        raise ValidationError(
            "ids", _shaped(array.shape), Phrase("a column of ids", "une colonne d'identifiants")
        )
    if array.dtype.kind != "U":
        if array.size == 0:
            return np.array([], dtype=str), np.zeros(0, dtype=bool), ()
        strange = [v for v in array.tolist() if not isinstance(v, str)]
        if strange:
            raise ValidationError(
                "ids",
                strange[0],
                Phrase(
                    "a column of strings (ids are text)",
                    "une colonne de textes (les identifiants sont du texte)",
                ),
            )
        array = array.astype(str)
    texts = raw if isinstance(raw, list | tuple) else array.tolist()
    unreadable = np.zeros(len(array), dtype=bool)
    unreadable[_unreadable_ids(texts)] = True
    return np.char.strip(array), unreadable, texts


#: Characters no id may hold: controls (NUL included), and the invisible ones (zero-width
#: spaces and joiners, direction marks, the byte order mark, soft hyphens, separators of
#: lines and paragraphs): "A\u200b" would look like "A" and be another agent.
_UNREADABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
)


def _unreadable_ids(texts: Sequence[str]) -> list[int]:
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


def _bool_column(
    values: npt.ArrayLike | None, field: str, n: int
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The column as booleans, and which rows could not be read as one."""
    if values is None:
        return np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValidationError(
            field,
            _shaped(array.shape),
            Phrase(
                "a column of {n} booleans",
                "une colonne de {booleans}",
                n=n,
                booleans=french_count(n, "booléen", "booléens"),
            ),
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


class UnreadableRow:
    """A row of a file that could not be split into cells (a quote not closed on its
    line, a row too long): a bad row, with its error, among the others."""

    __slots__ = ("error",)

    def __init__(self, error: ValidationError) -> None:
        self.error = error


#: The longest row a CSV file may have (Python's csv module refuses longer cells).
MOST_ROW_CHARACTERS = 131_072
_LINE_BREAK = re.compile("\r\n|\n|\r")


def read_text(source: str | Path | IO[str] | IO[bytes], encoding: str | None = None) -> str:
    """The text of a CSV file or stream: UTF-8 (a byte order mark is dropped) or, when
    the bytes are not UTF-8, Windows-1252 (what French spreadsheets export as
    "CSV"), unless ``encoding`` is given. A text stream is read as it is; one that fails
    to decode is an error naming ``encoding``."""
    if isinstance(source, str | Path):
        try:
            data: str | bytes = Path(source).read_bytes()
        except OSError as exc:
            reason = Phrase(
                "a readable file ({why})",
                "un fichier lisible ({why})",
                why=system_reason(exc, "erreur de lecture"),
            )
            raise ValidationError("source", str(source), reason) from None
    else:
        try:
            data = source.read()
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "encoding",
                exc.encoding,
                Phrase(
                    "the file's encoding: open it in binary mode ({mode!r})",
                    "l'encodage du fichier" + NBSP + ": ouvrez-le en mode binaire ({mode!r})",
                    mode="rb",
                ),
            ) from None
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if not isinstance(data, bytes):
        raise ValidationError(
            "source",
            type(data).__name__,
            Phrase("a file, a path or a stream", "un fichier, un chemin ou un flux"),
        )
    if encoding is not None:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except LookupError:
            raise ValidationError(
                "encoding",
                encoding,
                Phrase("an encoding Python knows", "un encodage que Python connaît"),
            ) from None
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "encoding",
                encoding,
                Phrase(
                    "the file's encoding (byte {start} is not {encoding})",
                    "l'encodage du fichier (l'octet {start} n'est pas du {encoding})",
                    start=exc.start,
                    encoding=encoding,
                ),
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # the few bytes Windows-1252 leaves out
            return data.decode("latin-1")


def csv_records(
    text: str, delimiter: str | None = None
) -> tuple[list[str], Iterator[dict[str, Any] | UnreadableRow]]:
    """The header of a CSV text and its rows, one record each (a dict of the header's
    names, with the cells beyond the header under :data:`EXTRA_CELLS` and the missing
    ones as :data:`MISSING_CELL`), or an :class:`UnreadableRow`. Each line is one row:
    a quote must close on its line. Blank lines are skipped."""
    lines = _LINE_BREAK.split(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return [], iter(())
    first = lines[0]
    if delimiter is None:
        counts = {d: first.count(d) for d in (",", ";", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        if len(first) > MOST_ROW_CHARACTERS:
            raise csv.Error("too long")
        header = next(csv.reader([first], delimiter=delimiter, strict=True))
    except csv.Error:
        raise ValidationError(
            "header",
            first[:80],
            Phrase(
                "a header row whose quotes close",
                "une ligne d'en-tête dont les guillemets se ferment",
            ),
        ) from None
    width = len(header)

    def rows() -> Iterator[dict[str, Any] | UnreadableRow]:
        for line in lines[1:]:
            if not line.strip():
                continue
            if len(line) > MOST_ROW_CHARACTERS:
                expected = Phrase(
                    "a row of at most {most} characters",
                    "une ligne d'au plus {most} caractères",
                    most=grouped(MOST_ROW_CHARACTERS),
                )
                length = Phrase("{n} characters", "{n} caractères", n=grouped(len(line)))
                yield UnreadableRow(ValidationError("row", length, expected))
                continue
            try:  # each line alone, strictly: a quote cannot run on into the next rows
                if line.count('"') % 2:
                    raise csv.Error("a quote left open")
                cells = next(csv.reader([line], delimiter=delimiter, strict=True))
            except csv.Error:
                expected = Phrase(
                    "quotes that close on their line (a cell holds no line break)",
                    "des guillemets qui se ferment sur leur ligne (une cellule ne contient pas"
                    " de saut de ligne)",
                )
                yield UnreadableRow(ValidationError("row", line[:80], expected))
                continue
            record: dict[str, Any] = dict(zip(header, cells, strict=False))
            if len(cells) > width:
                record[EXTRA_CELLS] = cells[width:]
            for name in header[len(cells) :]:
                record[name] = MISSING_CELL
            yield record

    return header, rows()


#: A number as a register writes it: ASCII digits, a decimal point or comma, an optional
#: exponent. Python's float() would also take "1_000", "nan", "inf" and digits of other
#: scripts; a cell means what it shows, and "unknown" is an empty cell.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]{1,3})?")


def _plain_number(raw: Any, name: str, unit: str) -> float:
    """A cell of a column named with its unit, as a finite number."""
    if isinstance(raw, bool):
        raise ValidationError(name, raw, _number_in(unit))
    if isinstance(raw, int | float | np.integer | np.floating):
        number = float(raw)
    elif isinstance(raw, str) and _PLAIN_NUMBER.fullmatch(raw.strip()):
        text = raw.strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # a French decimal comma: "12,5"
        number = float(text)
    else:
        raise ValidationError(name, raw, _number_in(unit))
    if not math.isfinite(number):
        raise ValidationError(
            name,
            raw,
            Phrase(
                "a finite number in {unit}",
                "un nombre fini, en {french}",
                unit=unit,
                french=french_unit(Q_(1, unit)),
            ),
        )
    return number


def _number_in(unit: str) -> Phrase:
    return Phrase(
        "a number in {unit}", "un nombre, en {french}", unit=unit, french=french_unit(Q_(1, unit))
    )


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
        number = _plain_number(raw, name, column_unit)
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
