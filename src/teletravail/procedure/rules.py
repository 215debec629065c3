"""The rules an event of an authorisation's life is checked against.

:func:`check_event` gives every problem of one event after a :class:`~.life.Life`: an
event out of order or dated before the request (:class:`~teletravail.errors.EventOrderError`),
one the state on its date does not allow (:class:`~teletravail.errors.TransitionError`),
and each rule of the procedure in force on its date that it breaks
(:class:`~teletravail.errors.ProcedureError`: a written request and answer, the
adaptation period and the term, the reasons and interview of a refusal or of the
employer's ending, the notice of an ending, the 2016 renewal's interview, the scope and
the body of an appeal), and of the scheme's terms where given. Each problem names the
event's field (``events[2].effective``), carries the rule's code and its source, and
says what was expected in English and French, the source cited.

:func:`earliest_notice` is the earliest effective day of an ending notified on a day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from teletravail import formats
from teletravail.dated import Duration
from teletravail.errors import EventOrderError, ProcedureError, TransitionError
from teletravail.messages import Phrase
from teletravail.policy.terms import AuthorisationTerms, Side
from teletravail.sources import Source
from teletravail.workforce import ContractType

from .events import Event
from .framework import Procedure, Sector, appeal_body, procedure_in_force
from .life import Life
from .states import ALLOWED, STATE_WORDS, EventKind

__all__ = ["check_event", "earliest_notice"]


def _cited(source: Source | None) -> Phrase:
    """`` (décret …, art. 5)``: a rule's source after its words, or nothing."""
    if source is None:
        return Phrase("", "")
    return Phrase(" ({en})", " ({fr})", en=source.cite("en"), fr=source.cite("fr"))


def _words(day: dt.date) -> Phrase:
    """A day in words, in English and French (``31 January 2025``, ``31 janvier 2025``)."""
    return Phrase(formats.date(day, "en"), formats.date(day, "fr"))


def _longer(first: Duration, second: Duration, start: dt.date) -> bool:
    """Whether ``first`` reaches further than ``second`` from ``start``."""
    return first.after(start) > second.after(start)


def _problem(
    cls: type[ProcedureError],
    field: str,
    value: Any,
    expected: Phrase,
    rule: str,
    source: Source | None = None,
) -> ProcedureError:
    shown = value.isoformat() if isinstance(value, dt.date) else value
    return cls(field, shown, expected + _cited(source), rule, source)


def earliest_notice(
    event: Event, life: Life, rules: Procedure, terms: AuthorisationTerms | None
) -> dt.date:
    """The earliest effective day of an ending notified as ``event`` is, after ``life``:
    the notice of ``rules`` (during adaptation, its own), or the scheme's ``terms`` where
    longer; the day of the event where no notice applies."""
    side = event.side or Side.AGENT
    adaptation_end = life.adaptation_end()
    during = adaptation_end is not None and event.on <= adaptation_end
    notices: list[Duration] = []
    if during and rules.notice_adaptation is not None:
        notices.append(rules.notice_adaptation)
    elif side is Side.AGENT and rules.notice_agent is not None:
        notices.append(rules.notice_agent)
    elif side is Side.EMPLOYER and rules.notice_employer is not None:
        notices.append(rules.notice_employer)
    if terms is not None and life.grant is not None:
        own = terms.notice(side, life.grant.first_day, event.on)
        if during and terms.notice_adaptation is None and own is not None and notices:
            own = None  # the terms' side notice does not lengthen the adaptation's
        if own is not None:
            notices.append(own)
    return max((notice.after(event.on) for notice in notices), default=event.on)


def check_event(
    event: Event,
    index: int,
    life: Life,
    sector: Sector,
    contract: ContractType | None,
    terms: AuthorisationTerms | None,
) -> list[ProcedureError]:
    """Every problem of ``event``, the ``index``-th of its history, after ``life``, in
    ``sector``, for an agent under ``contract``, against the scheme's ``terms``."""
    at = f"events[{index}]"
    found: list[ProcedureError] = []
    request = life.request
    if life.last is not None and event.on < life.last:
        found.append(
            _problem(
                EventOrderError,
                f"{at}.on",
                event.on,
                Phrase(
                    "a day on or after the event before it, {day}",
                    "un jour égal ou postérieur à l'événement précédent, le {day}",
                    day=_words(life.last),
                ),
                "event_order",
            )
        )
    if request is not None:
        for name in ("on", "start", "interview", "effective"):
            day = getattr(event, name)
            if day is not None and day < request.on and not (name == "on" and found):
                found.append(
                    _problem(
                        EventOrderError,
                        f"{at}.{name}",
                        day,
                        Phrase(
                            "a day on or after the request, {day}",
                            "un jour égal ou postérieur à la demande, le {day}",
                            day=_words(request.on),
                        ),
                        "before_request",
                    )
                )
    state = life.state_on(event.on, terms)
    allowed = ALLOWED[event.kind]
    if (state is None and event.kind is not EventKind.REQUEST) or (
        state is not None and state not in allowed
    ):
        now = Phrase("no request", "aucune demande") if state is None else STATE_WORDS[state]
        found.append(
            _problem(
                TransitionError,
                f"{at}.kind",
                event.kind.value,
                Phrase(
                    "an event the state allows: the authorisation is {state} on {day}",
                    "un événement que l'état permet\u00a0: l'autorisation est {state} le {day}",
                    state=now,
                    day=_words(event.on),
                ),
                "transition",
            )
        )
        return found
    rules = procedure_in_force(event.on, sector)
    if not rules.applies:
        return found
    kind = event.kind
    if kind is EventKind.REQUEST and rules.written_request and not event.written:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.written",
                False,
                Phrase("a written request", "une demande écrite"),
                "written_request",
                rules.request_source,
            )
        )
    if kind in (EventKind.GRANT, EventKind.REFUSE) and rules.written_request and not event.written:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.written",
                False,
                Phrase("a written answer", "une réponse écrite"),
                "written_answer",
                rules.answer_source or rules.request_source,
            )
        )
    if kind is EventKind.GRANT:
        found += _check_grant(event, at, rules, terms)
    if kind is EventKind.REFUSE and request is not None:
        must = request.eligible or (rules.protected_reasons and request.protected)
        if must and rules.refusal_reasons and event.reasons is None:
            found.append(
                _problem(
                    ProcedureError,
                    f"{at}.reasons",
                    None,
                    Phrase(
                        "the reasons of a refusal of eligible activities",
                        "les motifs d'un refus opposé à des activités éligibles",
                    ),
                    "refusal_reasons",
                    rules.refusal_source,
                )
            )
        if request.eligible and rules.refusal_interview and event.interview is None:
            found.append(
                _problem(
                    ProcedureError,
                    f"{at}.interview",
                    None,
                    Phrase(
                        "the day of the interview before a refusal of eligible activities",
                        "le jour de l'entretien préalable au refus d'activités éligibles",
                    ),
                    "refusal_interview",
                    rules.refusal_source,
                )
            )
    if kind is EventKind.RENEW:
        found += _check_renewal(event, at, life, rules)
    if kind is EventKind.END:
        found += _check_ending(event, at, life, rules, terms)
    if kind is EventKind.APPEAL:
        found += _check_appeal(event, at, life, rules, contract)
    return found


def _check_grant(
    event: Event, at: str, rules: Procedure, terms: AuthorisationTerms | None
) -> list[ProcedureError]:
    found: list[ProcedureError] = []
    start = event.first_day
    limits = [(rules.adaptation, rules.terms_source), (rules.longest_term, rules.terms_source)]
    if terms is not None:
        limits = [
            *limits,
            (terms.adaptation, terms.source or rules.terms_source),
            (terms.duration, terms.source or rules.terms_source),
        ]
    for offset, name in ((0, "adaptation"), (1, "duration")):
        value = getattr(event, name)
        for limit, source in limits[offset::2]:
            if value is None or limit is None or not _longer(value, limit, start):
                continue
            found.append(
                _problem(
                    ProcedureError,
                    f"{at}.{name}",
                    value.phrase(),
                    Phrase(
                        "a length of at most {limit}",
                        "une durée d'au plus {french}",
                        limit=limit.words("en"),
                        french=limit.words("fr"),
                    ),
                    name,
                    source,
                )
            )
            break
    if event.duration is None and terms is not None and terms.duration is not None:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.duration",
                None,
                Phrase(
                    "the duration the scheme's terms set, {duration}",
                    "la durée que fixent les conditions du dispositif, {french}",
                    duration=terms.duration.words("en"),
                    french=terms.duration.words("fr"),
                ),
                "duration",
                terms.source,
            )
        )
    return found


def _check_renewal(event: Event, at: str, life: Life, rules: Procedure) -> list[ProcedureError]:
    found: list[ProcedureError] = []
    if life.grant is None or life.grant.duration is None:
        found.append(
            _problem(
                TransitionError,
                f"{at}.kind",
                event.kind.value,
                Phrase(
                    "a renewal of an act that sets a duration",
                    "le renouvellement d'un acte qui fixe une durée",
                ),
                "renewal_without_duration",
                rules.terms_source,
            )
        )
    elif rules.renewal_interview and event.interview is None:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.interview",
                None,
                Phrase(
                    "the day of the interview with the direct superior before a renewal",
                    "le jour de l'entretien avec le supérieur hiérarchique direct avant un"
                    " renouvellement",
                ),
                "renewal_interview",
                rules.terms_source,
            )
        )
    return found


def _check_ending(
    event: Event, at: str, life: Life, rules: Procedure, terms: AuthorisationTerms | None
) -> list[ProcedureError]:
    found: list[ProcedureError] = []
    employer = event.side is Side.EMPLOYER
    if rules.written_request and not event.written:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.written",
                False,
                Phrase("an ending in writing", "une fin notifiée par écrit"),
                "written_ending",
                rules.notice_source,
            )
        )
    if event.service_need is not None and not employer:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.service_need",
                event.service_need,
                Phrase(
                    "nothing: only the employer shortens its notice",
                    "aucune valeur\u00a0: seul l'employeur réduit son préavis",
                ),
                "service_need",
                rules.notice_source,
            )
        )
    may_shorten = rules.employer_may_shorten or (terms is not None and terms.employer_may_shorten)
    shortened = employer and may_shorten and event.service_need is not None
    earliest = earliest_notice(event, life, rules, terms)
    if not shortened and event.effective is not None and event.effective < earliest:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.effective",
                event.effective,
                Phrase(
                    "a day once the notice is over, {day} or later (or a need of the service"
                    " stated by the employer)",
                    "un jour où le préavis est écoulé, le {day} ou après (ou une nécessité de"
                    " service motivée par l'employeur)",
                    day=_words(earliest),
                ),
                "notice",
                rules.notice_source or (terms.source if terms is not None else None),
            )
        )
    if employer and rules.ending_interview:
        for name, words in (
            ("reasons", Phrase("the reasons of the ending", "les motifs de la fin")),
            ("interview", Phrase("the day of the interview before it", "le jour de l'entretien")),
        ):
            if getattr(event, name) is None:
                found.append(
                    _problem(
                        ProcedureError,
                        f"{at}.{name}",
                        None,
                        words,
                        f"ending_{name}",
                        rules.refusal_source,
                    )
                )
    return found


def _check_appeal(
    event: Event, at: str, life: Life, rules: Procedure, contract: ContractType | None
) -> list[ProcedureError]:
    found: list[ProcedureError] = []
    decision = life.decision
    if not rules.appeal:
        return [
            _problem(
                ProcedureError,
                f"{at}.kind",
                event.kind.value,
                Phrase(
                    "an event of the sector: no appeal body hears telework cases there",
                    "un événement du secteur\u00a0: aucune instance n'y connaît du télétravail",
                ),
                "appeal_body",
                rules.request_source,
            )
        ]
    if life.appealed:
        found.append(
            _problem(
                TransitionError,
                f"{at}.kind",
                event.kind.value,
                Phrase(
                    "one appeal of a decision (this one was appealed already)",
                    "un seul recours contre une décision (celle-ci l'a déjà été)",
                ),
                "appeal_once",
                rules.appeal_source,
            )
        )
    elif decision is not None and decision.kind is EventKind.END and decision.side is Side.AGENT:
        found.append(
            _problem(
                TransitionError,
                f"{at}.kind",
                event.kind.value,
                Phrase(
                    "an appeal of a refusal or of an ending at the employer's initiative",
                    "un recours contre un refus ou une fin à l'initiative de l'employeur",
                ),
                "appeal_scope",
                rules.appeal_source,
            )
        )
    elif decision is not None and decision.kind is not EventKind.END:
        request = life.request
        if decision.kind is not EventKind.REFUSE or (request is not None and not request.eligible):
            found.append(
                _problem(
                    TransitionError,
                    f"{at}.kind",
                    event.kind.value,
                    Phrase(
                        "an appeal of a refusal of eligible activities",
                        "un recours contre le refus d'activités éligibles",
                    ),
                    "appeal_scope",
                    rules.appeal_source,
                )
            )
    body = appeal_body(contract)
    if event.body is not None and body is not None and event.body is not body:
        found.append(
            _problem(
                ProcedureError,
                f"{at}.body",
                event.body.value,
                Phrase(
                    "the body of the agent's contract, {body}",
                    "l'instance du contrat de l'agent, {body}",
                    body=body.value,
                ),
                "appeal_body",
                rules.appeal_source,
            )
        )
    return found
