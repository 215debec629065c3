"""How telework is organised for one agent: fixed days, floating days, or both.

Fixed days are a :class:`~teletravail.week.WeeklyPattern`, written in words as a
decision writes them; floating days are a volume of days per week, month or year the
agent places as the service allows.

>>> from teletravail.week import WeeklyPattern
>>> fixed = Modality(pattern=WeeklyPattern.parse("Tue @ home"))
>>> fixed.words("fr")
'jours fixes\xa0: mardi à domicile'
>>> Modality(floating=2, per="month").words("en")
'floating days: 2 days a month'
>>> Modality(pattern=WeeklyPattern.parse("Thu @ home"), floating=10, per="an").words("fr")
'jours fixes\xa0: jeudi à domicile\u202f; jours flottants\xa0: 10 jours par an'
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from teletravail._checks import enum_value
from teletravail.errors import ValidationError
from teletravail.explain.patterns import pattern_words
from teletravail.formats import number
from teletravail.messages import COLON, NNBSP, Lang, Phrase, check_lang
from teletravail.week import Place, WeeklyPattern

__all__ = ["Modality", "ModalityKind", "Per"]


class ModalityKind(enum.StrEnum):
    """Fixed days, floating days, or both."""

    FIXED = "fixed"
    FLOATING = "floating"
    MIXED = "mixed"

    def words(self, lang: Lang = "en") -> str:
        """The kind in words."""
        return _KIND_WORDS[self].text(check_lang(lang))


_KIND_WORDS: Final = {
    ModalityKind.FIXED: Phrase("fixed days", "jours fixes"),
    ModalityKind.FLOATING: Phrase("floating days", "jours flottants"),
    ModalityKind.MIXED: Phrase("fixed and floating days", "jours fixes et jours flottants"),
}


class Per(enum.StrEnum):
    """The period a volume of floating days is counted over."""

    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


_PER: Final = {
    "en": {Per.WEEK: "a week", Per.MONTH: "a month", Per.YEAR: "a year"},
    "fr": {Per.WEEK: "par semaine", Per.MONTH: "par mois", Per.YEAR: "par an"},
}
_PER_WORDS: Final = {"semaine": "week", "mois": "month", "an": "year", "année": "year"}


def _pattern(value: Any) -> WeeklyPattern | None:
    if value is None or isinstance(value, WeeklyPattern):
        return value
    if isinstance(value, str):
        return WeeklyPattern.parse(value)
    raise ValidationError(
        "pattern",
        value,
        Phrase("a WeeklyPattern or its text", "un objet WeeklyPattern ou son texte"),
    )


def _floating(instance: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(
            "floating",
            value,
            Phrase("a whole number of days above 0", "un nombre entier de jours supérieur à 0"),
        )


def _per(value: Any) -> Per:
    if isinstance(value, str):
        value = _PER_WORDS.get(value.strip().lower(), value)
    return enum_value(Per, value, "per")


@attrs.frozen(kw_only=True)
class Modality:
    """Fixed days (``pattern``, a pattern with at least one day), floating days
    (``floating`` days ``per`` week, month or year), or both. Neither is a
    :class:`ValidationError` naming ``modality``."""

    pattern: WeeklyPattern | None = attrs.field(default=None, converter=_pattern)
    floating: int | None = attrs.field(default=None, validator=_floating)
    per: Per = attrs.field(default=Per.WEEK, converter=_per)

    def __attrs_post_init__(self) -> None:
        if self.pattern is not None and not self.pattern.days:
            raise ValidationError(
                "pattern",
                str(self.pattern),
                Phrase("a pattern with at least one day", "un rythme d'au moins un jour"),
            )
        if self.pattern is None and self.floating is None:
            raise ValidationError(
                "modality",
                None,
                Phrase(
                    "fixed days (a pattern), floating days (a volume), or both",
                    "des jours fixes (un rythme), des jours flottants (un volume), ou les deux",
                ),
            )

    @property
    def kind(self) -> ModalityKind:
        """Fixed, floating or mixed."""
        if self.pattern is None:
            return ModalityKind.FLOATING
        return ModalityKind.FIXED if self.floating is None else ModalityKind.MIXED

    @property
    def places(self) -> tuple[Place, ...]:
        """The places of the fixed days, each once, in weekday order."""
        seen: dict[Place, None] = {}
        for day in self.pattern.days if self.pattern is not None else ():
            seen.setdefault(day.place, None)
        return tuple(seen)

    def words(self, lang: Lang = "en") -> str:
        """The modality in words: the fixed days, then the volume of floating days."""
        said = check_lang(lang)
        colon = COLON[said]
        parts = []
        if self.pattern is not None:
            fixed = _KIND_WORDS[ModalityKind.FIXED].text(said)
            parts.append(f"{fixed}{colon} {pattern_words(self.pattern, said)}")
        if self.floating is not None:
            floating = _KIND_WORDS[ModalityKind.FLOATING].text(said)
            count = self.floating
            if said == "fr":
                noun = "jour" if count < 2 else "jours"
            else:
                noun = "day" if count == 1 else "days"
            volume = f"{number(count, said)} {noun} {_PER[said][self.per]}"
            parts.append(f"{floating}{colon} {volume}")
        return (NNBSP + "; " if said == "fr" else "; ").join(parts)
