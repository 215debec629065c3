"""One dated event of an authorisation's life, and its JSON form.

An :class:`Event` is of one :class:`~teletravail.procedure.states.EventKind`, dated
``on`` (the day it happened: a request received, an answer signed, an ending notified),
with the fields that kind takes: the first day and the adaptation period of a grant, the
reasons and interview of a refusal, the side and effective date of an ending. An event
checks what it can say alone (a field its kind does not take, an ending that takes
effect before it is notified); whether it follows the rules of the procedure is the
history's question (:mod:`teletravail.procedure.history`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

import attrs

from teletravail import formats
from teletravail._checks import enum_value, is_bool, named, optional_text
from teletravail.dated import Duration, Span
from teletravail.dates import to_date
from teletravail.documents import Choice, Day, Flag, Key, Table, Text, read, write
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.policy.terms import SIDE_WORDS, Side

from .framework import AppealBody
from .states import EVENT_WORDS, EventKind

__all__ = ["EVENT_FIELDS", "EVENT_TABLE", "Event"]


def _kind(value: Any) -> EventKind:
    return enum_value(EventKind, value, "kind")


def _side(value: Any) -> Side | None:
    if value is None:
        return None
    text = value.strip().lower() if isinstance(value, str) else value
    return enum_value(Side, SIDE_WORDS.get(text, text), "side")


def _body(value: Any) -> AppealBody | None:
    return None if value is None else enum_value(AppealBody, value, "body")


def _span(value: Any, field: str) -> Duration:
    try:
        return Duration.parse(value)
    except ValidationError as error:
        raise ValidationError(field, value, error.expected) from None


#: The fields each kind of event takes, beside ``kind``, ``on`` and ``note``.
EVENT_FIELDS: Final[Mapping[EventKind, frozenset[str]]] = {
    EventKind.REQUEST: frozenset({"written", "eligible", "protected", "campaign_closes"}),
    EventKind.REVIEW: frozenset(),
    EventKind.GRANT: frozenset({"written", "start", "adaptation", "duration"}),
    EventKind.REFUSE: frozenset({"written", "reasons", "interview"}),
    EventKind.RENEW: frozenset({"interview"}),
    EventKind.SUSPEND: frozenset({"reasons"}),
    EventKind.RESUME: frozenset(),
    EventKind.END: frozenset(
        {"written", "side", "effective", "reasons", "interview", "service_need"}
    ),
    EventKind.CHANGE_OF_DUTIES: frozenset(),
    EventKind.APPEAL: frozenset({"body"}),
}

#: The fields an event may leave at their defaults whatever its kind.
_DEFAULTS: Final = {"written": True, "eligible": True, "protected": False}


@attrs.frozen(kw_only=True)
class Event:
    """One dated event: of ``kind``, on ``on``, with the fields its kind takes.

    * a request: ``written`` (the public service asks for a written request),
      ``eligible`` (the activities are declared eligible), ``protected`` (a disabled
      worker or a carer, in the private sector), ``campaign_closes`` (the closing date of
      the call for requests it answers, from which the answer is due);
    * a grant: ``start`` (the first day, the day of the answer when left out),
      ``adaptation`` and ``duration`` (the act's, where it sets them), ``written``;
    * a refusal: ``reasons`` and the day of the ``interview`` before it, ``written``;
    * a renewal: the day of the ``interview`` before it (2016 wording);
    * a suspension: its ``reasons``;
    * an ending: the ``side`` whose initiative it is, the ``effective`` day (the first
      without telework), ``reasons``, ``interview`` and, to shorten the employer's
      notice, the ``service_need`` stated;
    * an appeal: the ``body`` seized (read from the agent's contract when left out).

    ``note`` is free text kept with the event.
    """

    kind: EventKind = attrs.field(converter=_kind)
    on: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    written: bool = attrs.field(default=True, validator=is_bool)
    eligible: bool = attrs.field(default=True, validator=is_bool)
    protected: bool = attrs.field(default=False, validator=is_bool)
    campaign_closes: dt.date | None = attrs.field(
        default=None,
        converter=named(to_date, optional=True),  # type: ignore[misc]
    )
    start: dt.date | None = attrs.field(default=None, converter=named(to_date, optional=True))  # type: ignore[misc]
    adaptation: Duration | None = attrs.field(
        default=None,
        converter=named(_span, optional=True),  # type: ignore[misc]
    )
    duration: Duration | None = attrs.field(
        default=None,
        converter=named(_span, optional=True),  # type: ignore[misc]
    )
    reasons: str | None = attrs.field(default=None, validator=optional_text)
    interview: dt.date | None = attrs.field(
        default=None,
        converter=named(to_date, optional=True),  # type: ignore[misc]
    )
    side: Side | None = attrs.field(default=None, converter=_side)
    effective: dt.date | None = attrs.field(
        default=None,
        converter=named(to_date, optional=True),  # type: ignore[misc]
    )
    service_need: str | None = attrs.field(default=None, validator=optional_text)
    body: AppealBody | None = attrs.field(default=None, converter=_body)
    note: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        takes = EVENT_FIELDS[self.kind]
        for field in attrs.fields(Event):
            name = field.name
            if name in ("kind", "on", "note") or name in takes:
                continue
            value = getattr(self, name)
            if value != _DEFAULTS.get(name):
                raise ValidationError(
                    name,
                    value,
                    Phrase(
                        "nothing: {event} takes no {field}",
                        "aucune valeur\u00a0: {event} n'a pas de champ {field}",
                        event=EVENT_WORDS[self.kind],
                        field=name,
                    ),
                )
        if self.kind is EventKind.END:
            for name in ("side", "effective"):
                if getattr(self, name) is None:
                    raise ValidationError(
                        name, None, Phrase("a value for an ending", "une valeur pour une fin")
                    )
        for name in ("start", "effective"):
            day = getattr(self, name)
            if day is not None and day < self.on:
                raise ValidationError(
                    name,
                    day.isoformat(),
                    Phrase(
                        "a day on or after the event, {on}",
                        "un jour égal ou postérieur à l'événement, le {on}",
                        on=Phrase(formats.date(self.on, "en"), formats.date(self.on, "fr")),
                    ),
                )
        if self.interview is not None and self.interview > self.on:
            raise ValidationError(
                "interview",
                self.interview.isoformat(),
                Phrase(
                    "a day on or before the event, {on}",
                    "un jour égal ou antérieur à l'événement, le {on}",
                    on=Phrase(formats.date(self.on, "en"), formats.date(self.on, "fr")),
                ),
            )
        if self.adaptation == Duration() or self.duration == Duration():
            name = "adaptation" if self.adaptation == Duration() else "duration"
            raise ValidationError(
                name,
                "0 days",
                Phrase("a length above 0 (leave it out for none)", "une durée supérieure à 0"),
            )

    @property
    def first_day(self) -> dt.date:
        """The first day of a grant (its ``start``, or the day of the answer)."""
        return self.start if self.start is not None else self.on

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (dates as ``YYYY-MM-DD``, durations in words), leaving out
        the defaults."""
        data: dict[str, Any] = write(EVENT_TABLE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "event") -> Event:
        """Rebuild an event from :meth:`to_dict`; ``path`` names it in errors."""
        event: Event = read(EVENT_TABLE, data, path)
        return event


def _build(data: dict[str, Any]) -> Event:
    return Event(**data)


def _dump(event: Event) -> dict[str, Any]:
    data = {field.name: getattr(event, field.name) for field in attrs.fields(Event)}
    for name, default in _DEFAULTS.items():
        if data[name] == default:
            data[name] = None
    return data


#: The description of an event as a table: ``Event.from_dict`` and ``to_dict`` read and
#: write through it, and a history's ``events`` are a list of such tables.
EVENT_TABLE: Final = Table(
    "event",
    "A dated event of an authorisation's life.",
    [
        Key("kind", Choice([kind.value for kind in EventKind]), "what happened", True),
        Key("on", Day(), "the day it happened", True),
        Key("written", Flag(), "whether it was in writing (default true)"),
        Key("eligible", Flag(), "a request: the activities are declared eligible"),
        Key("protected", Flag(), "a request: a disabled worker or a carer"),
        Key("campaign_closes", Day(), "a request: the closing date of its call"),
        Key("start", Day(), "a grant: its first day"),
        Key("adaptation", Span(), "a grant: its adaptation period"),
        Key("duration", Span(), "a grant: its duration"),
        Key("reasons", Text(), "a refusal, a suspension or an ending: its reasons"),
        Key("interview", Day(), "the day of the interview before it"),
        Key(
            "side",
            Choice([side.value for side in Side], SIDE_WORDS),
            "an ending: whose initiative",
        ),
        Key("effective", Day(), "an ending: the first day without telework"),
        Key("service_need", Text(), "an ending: the service's need, stated"),
        Key("body", Choice([body.value for body in AppealBody]), "an appeal: the body"),
        Key("note", Text(), "free text"),
    ],
    _build,
    _dump,
    french="événement",
)
