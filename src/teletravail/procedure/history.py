"""An authorisation's life: its dated events, checked against the procedure in force.

An :class:`AuthorisationHistory` is an immutable value: the sector, the agent's
contract, the scheme's terms (where known) and the events in order. It is valid by
construction: each event is checked against the procedure in force on its date
(:func:`~teletravail.procedure.framework.procedure_in_force`) and the scheme's terms,
and :meth:`~AuthorisationHistory.with_event` returns a new history or raises the
:class:`~teletravail.errors.ProcedureError` of the rule broken (a
:class:`~teletravail.errors.TransitionError` for an event the state does not allow, an
:class:`~teletravail.errors.EventOrderError` for one out of order), naming the field,
with the rule's code and source. :func:`history_problems` gives every problem of a
sequence of events at once; a history read from JSON reports them all, each at its key
path.

The state on a day follows the events, and the calendar: a grant is in its adaptation
period until the period's last day, then confirmed; an authorisation whose act sets a
duration ends after its term unless renewed (tacitly, where the scheme's terms say so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from teletravail import formats
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.documents import (
    BAD,
    Choice,
    Context,
    Key,
    ListOf,
    Table,
    join_path,
    read,
    write,
)
from teletravail.errors import EventOrderError, ProcedureError, TransitionError, ValidationError
from teletravail.messages import Phrase
from teletravail.policy.terms import SIDE_WORDS, AuthorisationTerms, Renewal, Side
from teletravail.sources import Source
from teletravail.spans import Authorisation
from teletravail.workforce import ContractType

from .events import EVENT_TABLE, Event
from .framework import Procedure, Sector, appeal_body, procedure_in_force
from .states import ALLOWED, GRANTED, STATE_WORDS, EventKind, State

__all__ = [
    "HISTORY_TABLE",
    "AuthorisationHistory",
    "Life",
    "earliest_ending",
    "history_problems",
    "replay",
]

_ONE_DAY: Final = dt.timedelta(days=1)


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


@attrs.frozen(kw_only=True)
class Life:
    """Where a history stands after some of its events: what :func:`replay` gives.

    ``state`` is the state the events leave (before the calendar moves it on: see
    :meth:`state_on`); ``request`` and ``grant`` the request and the last grant;
    ``renewals`` how many renewals were recorded; ``ending`` the last ending (or change
    of duties); ``appeals`` how many appeals were made since the last decision.
    """

    state: State | None = None
    last: dt.date | None = None
    request: Event | None = None
    grant: Event | None = None
    renewals: int = 0
    before_suspension: State | None = None
    ending: Event | None = None
    decision: Event | None = None
    appealed: bool = False

    def authorisation(self) -> Authorisation | None:
        """The authorisation the last grant opened, as a span (its end the last day of
        the current term, or of the ending), or ``None`` before any grant."""
        if self.grant is None:
            return None
        end = self.term_end()
        if self.ending is not None and self.ending.on >= self.grant.on:
            effective = self.ending.effective or self.ending.on
            last = effective - _ONE_DAY
            end = last if end is None else min(end, last)
        start = self.grant.first_day
        if end is not None and end < start:
            end = start
        return Authorisation(start=start, end=end, adaptation=self.grant.adaptation)

    def adaptation_end(self) -> dt.date | None:
        """The last day of the adaptation period of the last grant, if it has one."""
        if self.grant is None or self.grant.adaptation is None:
            return None
        return self.grant.adaptation.after(self.grant.first_day) - _ONE_DAY

    def term_end(self, renewals: int | None = None) -> dt.date | None:
        """The last day of the term after ``renewals`` renewals (the current term by
        default), ``None`` when the act sets no duration."""
        if self.grant is None or self.grant.duration is None:
            return None
        count = self.renewals if renewals is None else renewals
        terms = AuthorisationTerms(duration=self.grant.duration, renewal=Renewal.EXPRESS)
        return terms.end(self.grant.first_day, count)

    def state_on(self, day: dt.date, terms: AuthorisationTerms | None = None) -> State | None:
        """The state on ``day``: the events' state, moved on by the calendar (the end of
        the adaptation period, the end of a term not renewed)."""
        state = self.state
        if state in GRANTED:
            last = self.term_end()
            if last is not None and day > last:
                if terms is None or terms.renewal is not Renewal.TACIT:
                    return State.ENDED
                return State.RENEWED
            end = self.adaptation_end()
            if state is State.GRANTED_ADAPTATION and (end is None or day > end):
                return State.GRANTED_CONFIRMED
        return state


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


def _notice(
    event: Event, life: Life, rules: Procedure, terms: AuthorisationTerms | None
) -> dt.date:
    """The earliest effective day of an ending notified as ``event`` is."""
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


def _check(
    event: Event,
    index: int,
    life: Life,
    sector: Sector,
    contract: ContractType | None,
    terms: AuthorisationTerms | None,
) -> list[ProcedureError]:
    """The problems of ``event``, the ``index``-th, after ``life``."""
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
    earliest = _notice(event, life, rules, terms)
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


def _moved(event: Event, life: Life, terms: AuthorisationTerms | None) -> Life:
    """``life`` after ``event`` (taken as allowed)."""
    state = life.state_on(event.on, terms)
    kind = event.kind
    last = event.on if life.last is None else max(life.last, event.on)
    if kind is EventKind.REQUEST:
        return Life(state=State.REQUESTED, last=last, request=event)
    if kind is EventKind.REVIEW:
        return attrs.evolve(life, state=State.UNDER_REVIEW, last=last)
    if kind is EventKind.GRANT:
        granted = State.GRANTED_ADAPTATION if event.adaptation else State.GRANTED_CONFIRMED
        return attrs.evolve(
            life,
            state=granted,
            last=last,
            grant=event,
            renewals=0,
            ending=None,
            decision=event,
            appealed=state is State.APPEALED,
        )
    if kind is EventKind.REFUSE:
        # a refusal after an appeal is the final answer: it is not appealed again
        appealed = state is State.APPEALED
        return attrs.evolve(life, state=State.REFUSED, last=last, decision=event, appealed=appealed)
    if kind is EventKind.RENEW:
        renewals = life.renewals
        if life.grant is not None and life.grant.duration is not None:
            # the terms begun by the renewal's day, tacit ones included, then this one
            terms_ = AuthorisationTerms(duration=life.grant.duration, renewal=Renewal.EXPRESS)
            renewals = max(renewals, terms_.renewal_count(life.grant.first_day, event.on))
        return attrs.evolve(life, state=State.RENEWED, last=last, renewals=renewals + 1)
    if kind is EventKind.SUSPEND:
        return attrs.evolve(life, state=State.SUSPENDED, last=last, before_suspension=state)
    if kind is EventKind.RESUME:
        back = life.before_suspension or State.GRANTED_CONFIRMED
        return attrs.evolve(life, state=back, last=last, before_suspension=None)
    if kind in (EventKind.END, EventKind.CHANGE_OF_DUTIES):
        return attrs.evolve(
            life, state=State.ENDED, last=last, ending=event, decision=event, appealed=False
        )
    return attrs.evolve(life, state=State.APPEALED, last=last, appealed=True)


def replay(
    events: Iterable[Event],
    *,
    sector: Sector | str = Sector.PUBLIC,
    contract: ContractType | str | None = None,
    terms: AuthorisationTerms | None = None,
) -> tuple[Life, tuple[ProcedureError, ...]]:
    """Where ``events`` leave an authorisation, and every problem met on the way.

    An event whose state forbids it is left out of the life (the others still are
    checked after it); an event that breaks another rule is taken as it is.
    """
    kind = Sector(sector)
    staff = None if contract is None else ContractType(contract)
    life = Life()
    found: list[ProcedureError] = []
    for index, event in enumerate(events):
        problems = _check(event, index, life, kind, staff, terms)
        found += problems
        if not any(isinstance(p, TransitionError) and p.rule == "transition" for p in problems):
            life = _moved(event, life, terms)
    return life, tuple(found)


def history_problems(
    events: Iterable[Event],
    *,
    sector: Sector | str = Sector.PUBLIC,
    contract: ContractType | str | None = None,
    terms: AuthorisationTerms | None = None,
) -> tuple[ProcedureError, ...]:
    """Every problem of ``events``, in order, each naming its field (``events[2].on``)."""
    return replay(events, sector=sector, contract=contract, terms=terms)[1]


def _events(value: Any) -> tuple[Event, ...]:
    if isinstance(value, Event):
        value = (value,)
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, Event):
            raise ValidationError(f"events[{index}]", item, Phrase("an Event", "un objet Event"))
    return items


def _contract(value: Any) -> ContractType | None:
    if value is None or isinstance(value, ContractType):
        return value
    try:
        return ContractType(value)
    except ValueError:
        raise ValidationError(
            "contract", value, Phrase("a contract type", "un type de contrat")
        ) from None


def _terms(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, AuthorisationTerms):
        raise ValidationError(
            "terms", value, Phrase("AuthorisationTerms or None", "un objet AuthorisationTerms")
        )


@attrs.frozen(kw_only=True)
class AuthorisationHistory:
    """An authorisation's life: its events, in order, valid against the procedure.

    ``sector`` says which framework applies (``"public"`` or ``"private"``),
    ``contract`` the agent's (the appeal body follows it), ``terms`` the scheme's own
    :class:`~teletravail.policy.terms.AuthorisationTerms`, checked beside the framework.
    Building a history with a bad event raises the first problem;
    :func:`history_problems` lists them all.
    """

    sector: Sector = attrs.field(default=Sector.PUBLIC, converter=Sector)
    contract: ContractType | None = attrs.field(default=None, converter=_contract)
    terms: AuthorisationTerms | None = attrs.field(default=None, validator=_terms)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    _life: Life = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        life, problems = replay(
            self.events, sector=self.sector, contract=self.contract, terms=self.terms
        )
        if problems:
            raise problems[0]
        object.__setattr__(self, "_life", life)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "sector": self.sector,
            "contract": self.contract,
            "terms": self.terms,
            "events": self.events,
        }

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self.__attrs_post_init__()

    # -- events ---------------------------------------------------------------------------

    def with_event(self, event: Event) -> AuthorisationHistory:
        """A new history with ``event`` after the others; the problem of the first rule
        it breaks is raised (its field names it: ``events[3].effective``)."""
        if not isinstance(event, Event):
            raise ValidationError("event", event, Phrase("an Event", "un objet Event"))
        problems = _check(
            event, len(self.events), self._life, self.sector, self.contract, self.terms
        )
        if problems:
            raise problems[0]
        return attrs.evolve(self, events=(*self.events, event))

    def then(self, kind: EventKind | str, on: dt.date | str, **fields: Any) -> AuthorisationHistory:
        """:meth:`with_event` of ``Event(kind=kind, on=on, **fields)``."""
        return self.with_event(Event(kind=kind, on=on, **fields))

    # -- where it stands ------------------------------------------------------------------

    @property
    def life(self) -> Life:
        """Where the events leave the authorisation (see :class:`Life`)."""
        return self._life

    @property
    def state(self) -> State | None:
        """The state the last event leaves (``None`` before the request)."""
        return self._life.state

    def state_on(self, day: dt.date | str) -> State | None:
        """The state on ``day``, as the events recorded so far and the calendar make it
        (the end of adaptation, a term ended without renewal)."""
        return self._life.state_on(to_date(day, "day"), self.terms)

    @property
    def request(self) -> Event | None:
        """The request the history starts with."""
        return self._life.request

    def authorisation(self) -> Authorisation | None:
        """The span the last grant opened (see :meth:`Life.authorisation`)."""
        return self._life.authorisation()

    # -- JSON -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: ``sector``, ``contract`` and ``events`` (the scheme's terms
        are the policy document's, and are not written)."""
        data: dict[str, Any] = write(HISTORY_TABLE, self)
        return data

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        path: str = "history",
        *,
        terms: AuthorisationTerms | None = None,
    ) -> AuthorisationHistory:
        """Rebuild a history from :meth:`to_dict`, checked against ``terms`` where given:
        every problem at once (one :class:`~teletravail.errors.ConfigError` listing them,
        each at its key path), as reading a policy document does."""
        history: AuthorisationHistory = read(_HistoryTable(terms), data, path)
        return history


def _dump(history: AuthorisationHistory) -> dict[str, Any]:
    return {
        "sector": history.sector,
        "contract": history.contract,
        "events": history.events,
    }


_KEYS: Final[Sequence[Key]] = (
    Key("sector", Choice([sector.value for sector in Sector]), "public or private"),
    Key("contract", Choice([kind.value for kind in ContractType]), "the agent's contract"),
    Key("events", ListOf(EVENT_TABLE), "the events, in order", True),
)


class _HistoryTable(Table):
    """The table of a history, whose rules are checked event by event: every problem of
    every event is reported at its key path."""

    def __init__(self, terms: AuthorisationTerms | None = None) -> None:
        self.terms = terms
        super().__init__(
            "history",
            "An authorisation's life: its sector, the agent's contract and its events.",
            _KEYS,
            dict,
            _dump,
            french="historique",
        )

    def read(self, ctx: Context, value: Any, path: str, *, also: Sequence[str] = ()) -> Any:
        before = ctx.failures
        data = super().read(ctx, value, path, also=also)
        if ctx.failures > before or data is BAD:
            return BAD
        problems = history_problems(
            data["events"],
            sector=data.get("sector", Sector.PUBLIC),
            contract=data.get("contract"),
            terms=self.terms,
        )
        for problem in problems:
            ctx.fail(join_path(path, problem.field), problem.value, problem.expected)
        if problems:
            return BAD
        return AuthorisationHistory(terms=self.terms, **data)


def earliest_ending(history: AuthorisationHistory, side: Side | str, on: dt.date | str) -> dt.date:
    """The earliest day an ending that ``side`` notifies on ``on`` takes effect: the
    notice in force that day (during adaptation, its own), or the scheme's where it is
    longer; ``on`` itself where no notice applies. The employer's shortening for a need
    of the service is left aside."""
    day = to_date(on, "on")
    who = Side(SIDE_WORDS.get(side, side) if isinstance(side, str) else side)
    event = Event(kind=EventKind.END, on=day, side=who, effective=day)
    return _notice(event, history.life, procedure_in_force(day, history.sector), history.terms)


#: The description of a history as a table (without the scheme's terms).
HISTORY_TABLE: Final = _HistoryTable()
