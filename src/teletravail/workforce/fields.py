"""The descriptive fields of an agent and the readers of the words a register writes for
them: contract types (:class:`ContractType`, French words included, see
:data:`CONTRACT_TYPE_WORDS`), categories (:class:`Category`), the establishment, and the
activities of a post with their shares of working time (:class:`Activity`).

Each reader takes a value as a person or a register writes it and gives the checked
value, or a :class:`~teletravail.errors.ValidationError` naming the field; the
:class:`~teletravail.workforce.Agent` and every batch reader of the package use the
same ones, so that a value reads the same whichever way it came in.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from teletravail.errors import ValidationError
from teletravail.messages import EMPTY, NBSP, NNBSP, Phrase, decimal, did_you_mean
from teletravail.units import DIMENSIONLESS, Q_, as_quantity
from teletravail.units import unit as _unit

from .cells import PLAIN_NUMBER, is_missing

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "ACTIVITY_SHARE_TOLERANCE",
    "ACTIVITY_SHARE_UNIT",
    "AMBIGUOUS_CONTRACT_WORD",
    "CONTRACT_TYPE_WORDS",
    "SUMS_TO_100",
    "Activity",
    "Category",
    "ContractType",
    "activities_from_shares",
    "category",
    "category_or_none",
    "category_value",
    "contract_type",
    "contract_type_or_none",
    "contract_value",
    "read_activities",
    "read_activity_name",
    "read_establishment",
]


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

#: A category in words ("catégorie B", "cat. b", "B"). It starts at no whitespace that
#: follows whitespace and its spaces do not give back what they took, so that a search
#: through a long run of spaces stays linear.
_CATEGORY_TEXT = re.compile(r"(?<!\s)(?:categorie|cat\.?)?\s*+([abc])")


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


def contract_type_or_none(value: Any) -> ContractType | None:
    """An agent's contract type as :func:`contract_type` reads it; ``None`` (or blank text):
    not stated."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # not stated
    return contract_type(value)


def category_or_none(value: Any) -> Category | None:
    """An agent's category as :func:`category` reads it; ``None`` (or blank text): not
    stated."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # not stated
    return category(value)


def contract_value(value: Any) -> str | None:
    """The value of a contract type (``"civil_servant"``), or ``None`` where not stated."""
    kind = contract_type_or_none(value)
    return None if kind is None else kind.value


def category_value(value: Any) -> str | None:
    """The value of a category (``"A"``), or ``None`` where not stated."""
    kind = category_or_none(value)
    return None if kind is None else kind.value


def read_establishment(value: Any) -> str:
    """An agent's establishment: free text, surrounding spaces dropped."""
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
#: Shares summing to 100 % within this are not scaled again (so that reading back the
#: shares of an agent gives the same shares).
SUMS_TO_100 = 1e-6


def read_activity_name(value: Any, field: str = "activities") -> str:
    """The name of an activity, its spaces made single; it cannot hold ``;``, ``|`` or
    ``%``. Errors name ``field``."""
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
    return read_activity_name(value, "activity.name")


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
        return read_activity_name(text), None
    head = body[: len(body) - len(sign)].rstrip()
    cut = len(head)
    while cut and head[cut - 1] in _SHARE_DIGITS:
        cut -= 1
    number = head[cut:]
    name = head[:cut].rstrip(" \t:=(")
    if not PLAIN_NUMBER.fullmatch(number) or not name.strip():
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
    return read_activity_name(name), _activity_share(Q_(share, ACTIVITY_SHARE_UNIT))


def read_activities(value: Any) -> tuple[Activity, ...]:
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
            stated = None if is_missing(share) else _activity_share(share)
            pairs.append((read_activity_name(name), stated))
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
    if abs(total - 100) > SUMS_TO_100:
        shares = [share * 100 / total for share in shares]
    return tuple(
        Activity(name, Q_(round(share, 9), ACTIVITY_SHARE_UNIT))
        for name, share in sorted(zip(names, shares, strict=True))
    )


def activities_from_shares(names: Sequence[str], shares: Sequence[float]) -> tuple[Activity, ...]:
    """The activities of one row of a workforce: its activity names and their shares as
    fractions of working time (an activity whose share is 0 is not carried)."""
    return tuple(
        Activity(name, Q_(share * 100, ACTIVITY_SHARE_UNIT))
        for name, share in zip(names, shares, strict=True)
        if share > 0
    )
