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
from teletravail.errors import ProcedureError, TransitionError, ValidationError
from teletravail.messages import Phrase
from teletravail.policy.terms import SIDE_WORDS, AuthorisationTerms, Side
from teletravail.spans import Authorisation
from teletravail.workforce import ContractType
from teletravail.workforce.fields import contract_type

from .events import EVENT_TABLE, Event
from .framework import Sector, procedure_in_force
from .life import Life, moved
from .rules import check_event, earliest_notice
from .states import EventKind, State

__all__ = [
    "HISTORY_TABLE",
    "AuthorisationHistory",
    "earliest_ending",
    "history_problems",
    "replay",
]


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
        problems = check_event(event, index, life, kind, staff, terms)
        found += problems
        if not any(isinstance(p, TransitionError) and p.rule == "transition" for p in problems):
            life = moved(event, life, terms)
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
    # read as an agent's contract type is: its code or its French words ("titulaire")
    if value is None:
        return None
    return contract_type(value, "contract")


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
        problems = check_event(
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
    return earliest_notice(
        event, history.life, procedure_in_force(day, history.sector), history.terms
    )


#: The description of a history as a table (without the scheme's terms).
HISTORY_TABLE: Final = _HistoryTable()
