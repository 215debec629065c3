"""The deadlines of an authorisation on a date, each with its source and its sentence.

:func:`deadlines` reads an :class:`~teletravail.procedure.history.AuthorisationHistory`
on a day and gives a :class:`Deadlines` value: the day the written answer is due, the
last day of the adaptation period, the earliest day an ending notified that day takes
effect (for the agent and for the employer), the first day of the next term where the
act sets a duration, and the body an appeal goes to. Each :class:`Deadline` holds its
date, the text it comes from and a sentence in English and French.

Month arithmetic is the library's (:meth:`~teletravail.dated.Duration.after`): the
months are added first, clipped to the last day of the month reached; so a request
received on 31 January 2025 is answered by 28 February 2025, one received on 29
February 2024 by 29 March 2024.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Final

import attrs

from teletravail import formats
from teletravail.dates import to_date
from teletravail.documents import (
    Choice,
    Day,
    Key,
    ListOf,
    Nullable,
    Table,
    Text,
    heading_keys,
    unchanged,
)
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.policy.terms import AuthorisationTerms, Renewal, Side
from teletravail.sources import SOURCE_TABLE, Source

from .framework import APPEAL_BODIES, AppealBody, Sector, appeal_body, procedure_in_force
from .history import AuthorisationHistory, earliest_ending
from .states import GRANTED, State

__all__ = [
    "DEADLINES",
    "DEADLINES_SCHEMA",
    "DEADLINES_SCHEMA_VERSION",
    "Deadline",
    "DeadlineKind",
    "Deadlines",
    "deadlines",
]

#: The name of the deadlines' document, and its version.
DEADLINES_SCHEMA: Final = "teletravail.procedure.deadlines"
DEADLINES_SCHEMA_VERSION: Final = 1

_ONE_DAY: Final = dt.timedelta(days=1)


class DeadlineKind(enum.StrEnum):
    """Which deadline a :class:`Deadline` is."""

    ANSWER = "answer"  # the written answer to the request is due
    ADAPTATION_END = "adaptation_end"  # the last day of the adaptation period
    ENDING_AGENT = "ending_agent"  # the earliest effective day of the agent's ending
    ENDING_EMPLOYER = "ending_employer"  # the same, at the employer's initiative
    RENEWAL = "renewal"  # the first day of the next term


#: The sentence of each deadline: ``{date}`` the deadline, ``{on}`` the day it is
#: computed for (or the request's receipt), ``{shorter}`` the employer's shortening.
_SENTENCES: Final = {
    DeadlineKind.ANSWER: Phrase(
        "A written answer to the request received on {on} is due by {date}.",
        "Une réponse écrite à la demande reçue le {on} est due au plus tard le {date}.",
    ),
    DeadlineKind.ADAPTATION_END: Phrase(
        "The adaptation period ends on {date}.",
        "La période d'adaptation prend fin le {date}.",
    ),
    DeadlineKind.ENDING_AGENT: Phrase(
        "An ending notified by the agent on {on} takes effect on {date} at the earliest.",
        "Une fin notifiée par l'agent le {on} prend effet au plus tôt le {date}.",
    ),
    DeadlineKind.ENDING_EMPLOYER: Phrase(
        "An ending notified by the employer on {on} takes effect on {date} at the"
        " earliest{shorter}.",
        "Une fin notifiée par l'employeur le {on} prend effet au plus tôt le {date}{shorter}.",
    ),
    DeadlineKind.RENEWAL: Phrase(
        "The authorisation is up for renewal on {date}.",
        "L'autorisation arrive à renouvellement le {date}.",
    ),
}
_CAMPAIGN: Final = Phrase(
    "A written answer to the request made in the call for requests closing on {on} is due"
    " by {date}.",
    "Une réponse écrite à la demande déposée dans l'appel à candidatures clos le {on} est"
    " due au plus tard le {date}.",
)
_SHORTER: Final = Phrase(
    " (earlier when the service's needs are stated)",
    " (plus tôt pour une nécessité de service motivée)",
)
_APPEAL: Final = Phrase("An appeal goes to {body}.", "Un recours peut être porté devant {body}.")
_NO_APPEAL: Final = Phrase(
    "No appeal body hears the case.", "Aucune instance de recours ne connaît du cas."
)


@attrs.frozen(kw_only=True)
class Deadline:
    """One deadline: its kind, its date, the text it comes from and what its sentence
    says beside the date (``on``: the day of the request, or of the notification;
    ``shortened``: the employer may shorten it)."""

    kind: DeadlineKind
    date: dt.date
    on: dt.date
    source: Source | None = None
    campaign: bool = False
    shortened: bool = False

    def text(self, lang: Lang = "en") -> str:
        """The deadline in one sentence of English or French."""
        lang = check_lang(lang)
        template = _CAMPAIGN if self.campaign else _SENTENCES[self.kind]
        shorter = _SHORTER.text(lang) if self.shortened else ""
        return template.text(lang).format(
            date=formats.date(self.date, lang), on=formats.date(self.on, lang), shorter=shorter
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the kind, the dates, the source and the sentences."""
        data: dict[str, Any] = {
            "kind": self.kind.value,
            "date": self.date.isoformat(),
            "on": self.on.isoformat(),
            "text": self.text("en"),
            "text_fr": self.text("fr"),
        }
        if self.source is not None:
            data["source"] = self.source.to_dict()
        return data


@attrs.frozen(kw_only=True)
class Deadlines:
    """The deadlines of an authorisation on the day ``on``; ``None`` where none applies
    (no answer is due in a framework without a time for it, an ending only while the
    authorisation is held, a renewal only where the act sets a duration)."""

    on: dt.date
    state: State | None
    answer: Deadline | None = None
    adaptation_end: Deadline | None = None
    ending_agent: Deadline | None = None
    ending_employer: Deadline | None = None
    renewal: Deadline | None = None
    appeal_body: AppealBody | None = None
    appeal_source: Source | None = None

    def all(self) -> tuple[Deadline, ...]:
        """The deadlines that apply, in the order of the fields."""
        found = (
            self.answer,
            self.adaptation_end,
            self.ending_agent,
            self.ending_employer,
            self.renewal,
        )
        return tuple(deadline for deadline in found if deadline is not None)

    def appeal_text(self, lang: Lang = "en") -> str:
        """Where an appeal goes, in one sentence."""
        lang = check_lang(lang)
        if self.appeal_body is None:
            return _NO_APPEAL.text(lang)
        return _APPEAL.text(lang).format(body=APPEAL_BODIES[self.appeal_body].text(lang))

    def sentences(self, lang: Lang = "en") -> tuple[str, ...]:
        """Every deadline in a sentence, then where an appeal goes."""
        return (*(deadline.text(lang) for deadline in self.all()), self.appeal_text(lang))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the day, the state, each deadline and the appeal body."""
        data: dict[str, Any] = {
            "schema": DEADLINES_SCHEMA,
            "schema_version": DEADLINES_SCHEMA_VERSION,
            "on": self.on.isoformat(),
            "state": None if self.state is None else self.state.value,
            "deadlines": [deadline.to_dict() for deadline in self.all()],
            "appeal_body": None if self.appeal_body is None else self.appeal_body.value,
        }
        if self.appeal_source is not None:
            data["appeal_source"] = self.appeal_source.to_dict()
        return data


def deadlines(history: AuthorisationHistory, on: dt.date | str) -> Deadlines:
    """The deadlines of ``history`` on the day ``on`` (see :class:`Deadlines`)."""
    day = to_date(on, "on")
    life = history.life
    state = history.state_on(day)
    found: dict[str, Any] = {}
    request = life.request
    if request is not None:
        rules = procedure_in_force(request.on, history.sector)
        closes = request.campaign_closes
        start = request.on if closes is None or closes < request.on else closes
        # the scheme's own time, where it sets one, else the framework's; the earlier
        # of the two where both do (a longer one is the scheme's error: conformity)
        options: list[tuple[dt.date, Source | None]] = []
        if rules.answer_within is not None:
            options.append((rules.answer_within.after(start), rules.answer_source))
        terms = history.terms
        if terms is not None and terms.answer_within is not None:
            options.append((terms.answer_within.after(start), terms.source or rules.answer_source))
        if options:
            date, cited = min(options, key=lambda option: option[0])
            found["answer"] = Deadline(
                kind=DeadlineKind.ANSWER,
                date=date,
                on=start,
                source=cited,
                campaign=start != request.on,
            )
    grant = life.grant
    if grant is not None:
        rules = procedure_in_force(grant.on, history.sector)
        end = life.adaptation_end()
        if end is not None:
            found["adaptation_end"] = Deadline(
                kind=DeadlineKind.ADAPTATION_END,
                date=end,
                on=grant.first_day,
                source=rules.terms_source,
            )
        held = state in GRANTED or state is State.SUSPENDED
        if held:
            today = procedure_in_force(day, history.sector)
            terms = history.terms
            source = today.notice_source or (terms.source if terms is not None else None)
            may_shorten = today.employer_may_shorten or (
                terms is not None and terms.employer_may_shorten
            )
            for side, key, kind in (
                (Side.AGENT, "ending_agent", DeadlineKind.ENDING_AGENT),
                (Side.EMPLOYER, "ending_employer", DeadlineKind.ENDING_EMPLOYER),
            ):
                found[key] = Deadline(
                    kind=kind,
                    date=earliest_ending(history, side, day),
                    on=day,
                    source=source,
                    shortened=side is Side.EMPLOYER and may_shorten,
                )
        if held and grant.duration is not None:
            act = AuthorisationTerms(duration=grant.duration, renewal=Renewal.EXPRESS)
            current = act.renewal_count(grant.first_day, day)
            last = act.end(grant.first_day, current)
            assert last is not None  # the act sets a duration
            found["renewal"] = Deadline(
                kind=DeadlineKind.RENEWAL,
                date=last + _ONE_DAY,
                on=day,
                source=rules.terms_source,
            )
    if history.sector is Sector.PUBLIC:
        rules = procedure_in_force(day, history.sector)
        if rules.appeal:
            found["appeal_body"] = appeal_body(history.contract)
            found["appeal_source"] = rules.appeal_source
    return Deadlines(on=day, state=state, **found)


_DEADLINE: Final = Table(
    "deadline",
    "One deadline: its kind, its date, the day it is computed for, its text.",
    [
        Key("kind", Choice([kind.value for kind in DeadlineKind]), "which deadline", True),
        Key("date", Day(), "the deadline", True),
        Key("on", Day(), "the day it is computed for (or the request's receipt)", True),
        Key("text", Text(), "the deadline in an English sentence", True),
        Key("text_fr", Text(), "the deadline in a French sentence", True),
        Key("source", SOURCE_TABLE, "the text that sets it"),
    ],
    unchanged,
    unchanged,
    french="échéance",
)

#: The description of the deadlines' document (:meth:`Deadlines.to_dict`), for its JSON
#: Schema.
DEADLINES: Final = Table(
    "deadlines",
    "The deadlines of an authorisation on a day, and where an appeal goes.",
    [
        *heading_keys(DEADLINES_SCHEMA, DEADLINES_SCHEMA_VERSION),
        Key("on", Day(), "the day", True),
        Key("state", Nullable(Choice([state.value for state in State])), "where it stands", True),
        Key("deadlines", ListOf(_DEADLINE), "the deadlines that apply", True),
        Key(
            "appeal_body",
            Nullable(Choice([body.value for body in AppealBody])),
            "where an appeal goes (null: none)",
            True,
        ),
        Key("appeal_source", SOURCE_TABLE, "the text that names the appeal body"),
    ],
    unchanged,
    unchanged,
    french="échéances",
)
