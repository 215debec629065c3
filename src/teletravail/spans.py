"""Spans of an agent's calendar: the authorisation to telework, and absences.

An :class:`Authorisation` is the individual decision that opens telework, from a start
date to an optional end, with an optional adaptation period; an :class:`Absence` is a
span of days the agent is away (leave, sick days, training...). Both ends of a span are
included, as legal texts write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from teletravail._checks import is_bool, named
from teletravail.dated import Duration, check_order
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Phrase

__all__ = ["Absence", "Authorisation", "absences", "telework_window"]


def _kind_text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            "kind",
            value,
            Phrase(
                "a kind of absence, e.g. 'leave' or 'sick'",
                "une sorte d'absence, par exemple 'leave' ou 'sick'",
            ),
        )


def _adaptation(value: Any) -> Duration | None:
    if value is None:
        return None
    found = Duration.parse(value)
    if found.after(dt.date(2000, 1, 1)) > Duration(months=3).after(dt.date(2000, 1, 1)):
        raise ValidationError(
            "adaptation",
            value,
            Phrase(
                "an adaptation period of at most 3 months",
                "une période d'adaptation de 3 mois au plus",
            ),
        )
    return found


@attrs.frozen(kw_only=True)
class Authorisation:
    """The individual authorisation to telework: from ``start`` to ``end`` (inclusive,
    open-ended if None), with an optional adaptation period (at most 3 months).

    ``telework_during_adaptation`` says whether the adaptation period already has
    telework days (it usually does: it is a trial of the arrangement); set it to False
    to plan telework only once the adaptation period is over.
    """

    start: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    end: dt.date | None = attrs.field(default=None, converter=named(to_date, optional=True))  # type: ignore[misc]
    adaptation: Duration | None = attrs.field(default=None, converter=_adaptation)
    telework_during_adaptation: bool = attrs.field(default=True, validator=is_bool)

    def __attrs_post_init__(self) -> None:
        check_order(self.start, self.end)

    @classmethod
    def parse(cls, text: str) -> Authorisation:
        """Read ``"2024-01-01/2024-12-31"`` (the end may be left empty), optionally
        followed by an adaptation period: ``"2024-01-01/, adaptation 3 months"``."""
        if not isinstance(text, str):
            raise ValidationError(
                "authorisation", text, Phrase("'start/end' text", "du texte 'début/fin'")
            )
        span, _, rest = text.partition(",")
        start, sep, end = span.partition("/")
        words = rest.split(None, 1)
        if not sep or not start.strip() or (rest.strip() and words[0] != "adaptation"):
            raise ValidationError(
                "authorisation",
                text,
                Phrase(
                    "'start/end', e.g. '2024-01-01/' or '2024-01-01/2024-12-31'",
                    "'début/fin', par exemple '2024-01-01/' ou '2024-01-01/2024-12-31'",
                ),
            )
        try:
            return cls(
                start=start.strip(),
                end=end.strip() or None,
                adaptation=words[1].strip() if len(words) == 2 else None,
            )
        except ValidationError as exc:
            raise ValidationError(
                "authorisation",
                text,
                Phrase(
                    "an authorisation whose {field} is {expected}",
                    "une autorisation dont le champ {field} est {expected}",
                    field=exc.field,
                    expected=exc.expected,
                ),
            ) from exc

    def __str__(self) -> str:
        end = "" if self.end is None else self.end.isoformat()
        text = f"{self.start.isoformat()}/{end}"
        if self.adaptation is not None:
            text += f", adaptation {self.adaptation}"
        return text

    @property
    def adaptation_end(self) -> dt.date | None:
        """The last day of the adaptation period, if there is one."""
        if self.adaptation is None:
            return None
        return self.adaptation.after(self.start) - dt.timedelta(days=1)

    @property
    def first_telework_day(self) -> dt.date:
        """The first day telework may be planned on."""
        end = self.adaptation_end
        if end is None or self.telework_during_adaptation:
            return self.start
        return end + dt.timedelta(days=1)


def telework_window(
    authorisation: Authorisation | None, start: dt.date, end: dt.date, default: dt.date
) -> tuple[dt.date, dt.date]:
    """The first and last days telework may fall on within ``start..end``: from the
    authorisation's first telework day to its end, or, where no authorisation is known,
    from ``default`` to ``end`` (an empty window when the first is after the last)."""
    if authorisation is None:
        return max(start, default), end
    last = end if authorisation.end is None else min(end, authorisation.end)
    return max(start, authorisation.first_telework_day), last


@attrs.frozen(kw_only=True)
class Absence:
    """Days the agent is away (leave, sick days, training...), both ends included."""

    start: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    end: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    kind: str = attrs.field(default="leave", validator=_kind_text)

    def __attrs_post_init__(self) -> None:
        check_order(self.start, self.end)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def absences(value: Any) -> tuple[Absence, ...]:
    """A list of :class:`Absence` spans, checked and sorted: spans that overlap are an
    error naming the later one."""
    if isinstance(value, Absence | str) or not isinstance(value, Iterable):
        raise ValidationError(
            "absences", value, Phrase("a list of Absence spans", "une liste d'objets Absence")
        )
    items = list(value)
    for index, span in enumerate(items):
        if not isinstance(span, Absence):
            raise ValidationError(
                f"absences[{index}]", span, Phrase("an Absence", "un objet Absence")
            )
    spans = sorted(items, key=lambda a: (a.start, a.end))
    for index, span in enumerate(spans):
        if index and span.start <= spans[index - 1].end:
            raise ValidationError(
                f"absences[{index}]",
                f"{span.start}/{span.end}",
                Phrase(
                    "absences that do not overlap (the one before ends {end})",
                    "des absences qui ne se chevauchent pas (la précédente finit le {end})",
                    end=spans[index - 1].end,
                ),
            )
    return tuple(spans)
