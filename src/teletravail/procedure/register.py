"""A workforce's authorisations as columns: their states and deadlines on a day.

An :class:`AuthorisationRegister` holds, for each authorisation, the dates that decide
its state and deadlines (the request and the close of its call, the grant's start, the
last day of its adaptation period, its term and renewals, the last appeal, the ending),
as read-only numpy ``datetime64[D]`` columns, and the scheme's terms they share. It is
built from :class:`~teletravail.procedure.history.AuthorisationHistory` values or from
the columns of a table (:mod:`~teletravail.procedure.register_building`).

On a day it gives, for a million authorisations at once and without a loop over them:
the state of each and the count per state (:meth:`~AuthorisationRegister.states_on`),
each one's deadlines (:meth:`~AuthorisationRegister.deadlines_on`), who is due an
answer, a renewal or the end of the adaptation period within a window, and who is
overdue (:meth:`~AuthorisationRegister.due`), and who has an appeal pending
(:meth:`~AuthorisationRegister.appeals_pending`); over a period, the count of each
state on each day (:meth:`~AuthorisationRegister.states_between`). Row by row, these are what
:meth:`AuthorisationHistory.state_on
<teletravail.procedure.history.AuthorisationHistory.state_on>` and
:func:`~teletravail.procedure.deadlines.deadlines` give for one history: the state the
recorded events leave, moved on by the calendar (the end of the adaptation period, a
term run out without a renewal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail import formats
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.errors import RowError, ValidationError
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.policy.terms import AuthorisationTerms, Renewal, Side

from .framework import Procedure, Sector, procedure_in_force
from .history import AuthorisationHistory
from .register_building import (
    NAT,
    SECTORS,
    STATES,
    Errors,
    columns_from_histories,
    columns_from_table,
    shifted,
)
from .states import GRANTED, STATE_WORDS, State

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AuthorisationRegister", "Dated", "DeadlineColumns", "Due", "States", "StatesOver"]

Days = npt.NDArray[np.datetime64]

_HELD: Final = np.array([STATES.index(state) for state in GRANTED | {State.SUSPENDED}])
_GRANTED: Final = np.array([STATES.index(state) for state in GRANTED])
_WAITING: Final = np.array([STATES.index(State.REQUESTED), STATES.index(State.UNDER_REVIEW)])
_ONE_DAY: Final = np.timedelta64(1, "D")


def _code(state: State) -> int:
    return STATES.index(state)


def _day(on: dt.date | str, field: str = "day") -> tuple[dt.date, np.datetime64]:
    day = to_date(on, field)
    return day, np.datetime64(day, "D")


@attrs.frozen(kw_only=True, eq=False)
class States:
    """The state of each authorisation on a day: ``codes`` (each the place of its
    :class:`~teletravail.procedure.states.State` in ``tuple(State)``) and the count of
    each state (every state listed, 0 included)."""

    on: dt.date
    codes: npt.NDArray[np.int8]
    counts: Mapping[State, int]

    def of(self, state: State | str) -> npt.NDArray[np.bool_]:
        """Which rows are in ``state`` on the day."""
        result: npt.NDArray[np.bool_] = self.codes == _code(State(state))
        return result


@attrs.frozen(kw_only=True, eq=False)
class StatesOver:
    """The count of each state on each day of a period: ``days`` (from its first to its
    last, both included) and, for each state, a column of counts, one per day."""

    days: Days
    counts: Mapping[State, npt.NDArray[np.int64]]

    def on(self, day: dt.date | str) -> dict[State, int]:
        """The counts of one day of the period."""
        _, when = _day(day)
        index = int((when - self.days[0]).astype(np.int64)) if len(self.days) else -1
        if not 0 <= index < len(self.days):
            raise ValidationError(
                "day",
                str(when),
                Phrase("a day of the period", "un jour de la période"),
            )
        return {state: int(column[index]) for state, column in self.counts.items()}


@attrs.frozen(kw_only=True, eq=False)
class Dated:
    """Some rows of a register, each with a date: their positions (``rows``), ``ids``
    and ``dates``, ordered by date (then by row)."""

    rows: npt.NDArray[np.int64]
    ids: npt.NDArray[Any]
    dates: Days

    def __len__(self) -> int:
        return len(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the ids and the dates (``YYYY-MM-DD``), in order."""
        return {
            "ids": self.ids.tolist(),
            "dates": np.datetime_as_string(self.dates, unit="D").tolist(),
        }


@attrs.frozen(kw_only=True, eq=False)
class DeadlineColumns:
    """Each authorisation's deadlines on the day ``on``, as columns (NaT where it has
    none), as :func:`~teletravail.procedure.deadlines.deadlines` gives them for one:
    the answer due, the last day of the adaptation period, the earliest effective day of
    an ending notified that day by the agent and by the employer, the first day of the
    next term; ``appeal_body`` the place of the body in ``tuple(AppealBody)`` (-1: none)."""

    on: dt.date
    states: npt.NDArray[np.int8]
    answer: Days
    adaptation_end: Days
    ending_agent: Days
    ending_employer: Days
    renewal: Days
    appeal_body: npt.NDArray[np.int8]


#: The lines of the text of :class:`Due`: ``{count}``, ``{late}`` and ``{until}``.
_DUE_LINES: Final = {
    "answers": Phrase(
        "Written answers due by {until}: {count}; overdue: {late}.",
        "Réponses écrites dues d'ici le {until}\u00a0: {count}\u202f; en retard\u00a0: {late}.",
    ),
    "renewals": Phrase(
        "Renewals due by {until}: {count}; terms run out without a renewal: {late}.",
        "Renouvellements à décider d'ici le {until}\u00a0: {count}\u202f; durées échues sans"
        " renouvellement\u00a0: {late}.",
    ),
    "adaptation_ends": Phrase(
        "Adaptation periods ending by {until}: {count}.",
        "Périodes d'adaptation prenant fin d'ici le {until}\u00a0: {count}.",
    ),
}
_PENDING: Final = Phrase("Appeals pending: {count}.", "Recours en attente\u00a0: {count}.")
_HEAD: Final = Phrase(
    "On {day}, {count} {noun}, by state:", "Au {day}, {count} {noun}, par état\u00a0:"
)
_NOUNS: Final = {"en": ("authorisation", "authorisations"), "fr": ("autorisation", "autorisations")}
_LINE: Final = Phrase("- {state}: {count}", "- {state}\u00a0: {count}")


@attrs.frozen(kw_only=True, eq=False)
class Due:
    """Who is due what between ``on`` and ``until`` (both included), and who is late.

    * ``answers``: requests (requested or under review) whose written answer is due in
      the window; ``overdue_answers``: those whose answer was due before ``on``;
    * ``renewals``: authorisations held whose next term starts in the window;
      ``lapsed``: those still recorded as granted whose term ran out before ``on``
      without a renewal recorded (the date: the first day after the term);
    * ``adaptation_ends``: authorisations held whose adaptation period ends in the
      window (its last day).
    """

    on: dt.date
    until: dt.date
    answers: Dated
    overdue_answers: Dated
    renewals: Dated
    lapsed: Dated
    adaptation_ends: Dated

    def text(self, lang: Lang = "en") -> str:
        """What is due, in a few sentences of English or French."""
        lang = check_lang(lang)
        until = formats.date(self.until, lang)
        pairs = (
            ("answers", self.answers, self.overdue_answers),
            ("renewals", self.renewals, self.lapsed),
            ("adaptation_ends", self.adaptation_ends, None),
        )
        return "\n".join(
            _DUE_LINES[key]
            .text(lang)
            .format(
                until=until,
                count=formats.number(len(found), lang),
                late=formats.number(0 if late is None else len(late), lang),
            )
            for key, found, late in pairs
        )


@attrs.frozen(kw_only=True, eq=False)
class AuthorisationRegister:
    """A workforce's authorisations as columns (one row each): see the module.

    The columns are read-only arrays of one length: ``ids``; ``sector`` (the place of
    the :class:`~teletravail.procedure.framework.Sector` in ``tuple(Sector)``);
    ``body`` (the appeal body the agent's contract gives, -1: none); ``state`` (what the
    recorded events left); the days ``request``, ``campaign_closes``, ``answer_due``,
    ``start`` (of the last grant), ``adaptation_end`` (its last day), ``term_end`` (the
    last day of the current term), ``appeal`` (the last appeal) and ``effective`` (the
    first day without telework after an ending), NaT where there is none; the act's
    ``term_months`` and ``term_days`` (both 0: no term set) and the ``renewals``
    recorded. ``terms`` are the scheme's, shared by every row. ``source_rows`` is the
    input row each came from, ``rejected`` the bad input rows (see :meth:`from_columns`).
    """

    ids: npt.NDArray[Any]
    sector: npt.NDArray[np.int8]
    body: npt.NDArray[np.int8]
    state: npt.NDArray[np.int8]
    request: Days
    campaign_closes: Days
    answer_due: Days
    start: Days
    adaptation_end: Days
    term_months: npt.NDArray[np.int32]
    term_days: npt.NDArray[np.int32]
    renewals: npt.NDArray[np.int32]
    term_end: Days
    appeal: Days
    effective: Days
    source_rows: npt.NDArray[np.int64]
    terms: AuthorisationTerms | None = None
    rejected: tuple[RowError, ...] = ()

    def __attrs_post_init__(self) -> None:
        lengths = {
            len(getattr(self, field.name))
            for field in attrs.fields(AuthorisationRegister)
            if field.name not in ("terms", "rejected")
        }
        if len(lengths) > 1:
            raise ValidationError(
                "columns",
                sorted(lengths),
                Phrase("columns of one length", "des colonnes de même longueur"),
            )
        if self.terms is not None and not isinstance(self.terms, AuthorisationTerms):
            raise ValidationError(
                "terms",
                self.terms,
                Phrase("AuthorisationTerms or None", "un objet AuthorisationTerms"),
            )

    def __len__(self) -> int:
        return len(self.state)

    def __repr__(self) -> str:
        rejected = f", {len(self.rejected)} rejected" if self.rejected else ""
        return f"<AuthorisationRegister of {len(self)} authorisations{rejected}>"

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_histories(
        cls, histories: Sequence[AuthorisationHistory], ids: Sequence[Any] | None = None
    ) -> AuthorisationRegister:
        """The register of ``histories`` (each starting with its request, all under one
        scheme's terms), identified by ``ids`` (their positions when left out)."""
        columns, terms = columns_from_histories(histories)
        if ids is not None:
            given = np.array(ids)
            if len(given) != len(columns["state"]):
                raise ValidationError(
                    "ids",
                    len(given),
                    Phrase("one id per history", "un identifiant par historique"),
                )
            given.flags.writeable = False
            columns["ids"] = given
        return cls(terms=terms, **columns)

    @classmethod
    def from_columns(
        cls,
        columns: Mapping[str, Any],
        *,
        terms: AuthorisationTerms | None = None,
        errors: Errors = "raise",
    ) -> AuthorisationRegister:
        """The register of a table given as columns (arrays, lists), named as in
        :data:`~teletravail.procedure.register_building.COLUMNS`: ``state`` and
        ``request`` at least. Dates are ``datetime64`` or ``YYYY-MM-DD`` text.

        A bad row (an unknown state, a date before the request, a state after a grant
        without its start, an adaptation period longer than the procedure allows...)
        raises a :class:`~teletravail.errors.ValidationError` naming it
        (``rows[3].start``); with ``errors="report"`` it is left out and listed in
        :attr:`rejected` (a :class:`~teletravail.errors.RowError` with its row number),
        and the other rows are read."""
        built = columns_from_table(columns, errors=errors)
        return cls(terms=terms, **built)

    @classmethod
    def from_pandas(
        cls,
        frame: pd.DataFrame,
        *,
        terms: AuthorisationTerms | None = None,
        errors: Errors = "raise",
    ) -> AuthorisationRegister:
        """:meth:`from_columns` of a pandas DataFrame's columns (its datetime columns
        taken whole)."""
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise ValidationError(
                "frame", frame, Phrase("a pandas DataFrame", "un objet DataFrame de pandas")
            )
        columns = {str(name): frame[name].to_numpy() for name in frame.columns}
        return cls.from_columns(columns, terms=terms, errors=errors)

    # -- on a day -------------------------------------------------------------------------

    def _codes_on(self, day: np.datetime64) -> npt.NDArray[np.int8]:
        codes = self.state.copy()
        granted = np.isin(codes, _GRANTED)
        lapsed = granted & (self.term_end < day)
        tacit = self.terms is not None and self.terms.renewal is Renewal.TACIT
        codes[lapsed] = _code(State.RENEWED if tacit else State.ENDED)
        confirmed = (codes == _code(State.GRANTED_ADAPTATION)) & ~(self.adaptation_end >= day)
        codes[confirmed] = _code(State.GRANTED_CONFIRMED)
        return codes

    def states_on(self, on: dt.date | str) -> States:
        """The state of each authorisation on ``on``, and the count of each state."""
        day, when = _day(on)
        codes = self._codes_on(when)
        tally = np.bincount(codes, minlength=len(STATES))
        counts = {state: int(tally[index]) for index, state in enumerate(STATES)}
        return States(on=day, codes=codes, counts=counts)

    def states_between(self, first: dt.date | str, last: dt.date | str) -> StatesOver:
        """The count of each state on each day from ``first`` to ``last`` (both
        included): the counts of the first day, then the calendar's moves (the end of an
        adaptation period, a term run out) added on the day each takes effect."""
        start, begin = _day(first, "first")
        end, finish = _day(last, "last")
        if end < start:
            raise ValidationError(
                "last",
                end.isoformat(),
                Phrase("a day on or after the first", "un jour égal ou postérieur au premier"),
            )
        width = int((finish - begin).astype(np.int64)) + 1
        change = np.zeros((width, len(STATES)), dtype=np.int64)
        change[0] = np.bincount(self._codes_on(begin), minlength=len(STATES))
        tacit = self.terms is not None and self.terms.renewal is Renewal.TACIT
        lapse = _code(State.RENEWED if tacit else State.ENDED)
        adapting = self.state == _code(State.GRANTED_ADAPTATION)
        granted = np.isin(self.state, _GRANTED)
        confirmed = adapting & ~(self.adaptation_end >= self.term_end)
        moves = (
            # the day after the adaptation period, unless the term ran out first
            (
                confirmed,
                self.adaptation_end,
                _code(State.GRANTED_ADAPTATION),
                _code(State.GRANTED_CONFIRMED),
            ),
            # the day after the term: from the state held then
            (granted & ~adapting, self.term_end, self.state, lapse),
            (adapting & confirmed, self.term_end, _code(State.GRANTED_CONFIRMED), lapse),
            (adapting & ~confirmed, self.term_end, _code(State.GRANTED_ADAPTATION), lapse),
        )
        for rows, days, before, after in moves:
            index = (days + _ONE_DAY - begin).astype(np.int64)
            within = rows & ~np.isnat(days) & (index > 0) & (index < width)
            where = index[within]
            was = before[within] if isinstance(before, np.ndarray) else before
            np.add.at(change, (where, was), -1)
            np.add.at(change, (where, np.full(len(where), after)), 1)
        totals = np.cumsum(change, axis=0)
        days = begin + np.arange(width).astype("m8[D]")
        return StatesOver(
            days=days,
            counts={state: totals[:, index] for index, state in enumerate(STATES)},
        )

    def deadlines_on(self, on: dt.date | str) -> DeadlineColumns:
        """Each authorisation's deadlines on ``on`` (see :class:`DeadlineColumns`)."""
        day, when = _day(on)
        codes = self._codes_on(when)
        held = np.isin(codes, _HELD)
        renewal = self._renewals(held, when)
        public = procedure_in_force(day, Sector.PUBLIC)
        body = np.where(
            (self.sector == SECTORS.index(Sector.PUBLIC)) & public.appeal, self.body, -1
        ).astype(np.int8)
        return DeadlineColumns(
            on=day,
            states=codes,
            answer=self.answer_due,
            adaptation_end=self.adaptation_end,
            ending_agent=self._endings(Side.AGENT, day, when, held),
            ending_employer=self._endings(Side.EMPLOYER, day, when, held),
            renewal=renewal,
            appeal_body=body,
        )

    def _renewals(self, held: npt.NDArray[np.bool_], when: np.datetime64) -> Days:
        """The first day of the next term of each authorisation ``held`` whose act sets
        a term."""
        renewal = np.full(len(self), NAT)
        with_term = held & ((self.term_months > 0) | (self.term_days > 0))
        if with_term.any():
            renewal[with_term] = _next_term(
                self.start[with_term],
                self.term_months[with_term],
                self.term_days[with_term],
                when,
            )
        return renewal

    def _endings(
        self, side: Side, day: dt.date, when: np.datetime64, held: npt.NDArray[np.bool_]
    ) -> Days:
        """The earliest effective day of an ending ``side`` notifies on ``day``, for each
        held authorisation: a handful of notices, each added to the day once."""
        during = self.adaptation_end >= when
        terms = self.terms
        in_terms = np.zeros(len(self), dtype=bool)
        if terms is not None and terms.adaptation is not None:
            months, days = (
                12 * terms.adaptation.years + terms.adaptation.months,
                terms.adaptation.days,
            )
            last = shifted(self.start, months, days) - _ONE_DAY
            in_terms = (self.start <= when) & (when <= last)
        result = np.full(len(self), NAT)
        for code, sector in enumerate(SECTORS):
            rules = procedure_in_force(day, sector)
            for adapting in (False, True):
                for own_adapting in (False, True):
                    rows = held & (self.sector == code) & (during == adapting)
                    rows &= in_terms == own_adapting
                    if rows.any():
                        found = _earliest(side, day, rules, terms, adapting, own_adapting)
                        result[rows] = np.datetime64(found, "D")
        return result

    def due(self, on: dt.date | str, within: Duration | str | int = 30) -> Due:
        """Who is due an answer, a renewal or the end of the adaptation period from
        ``on`` to ``within`` later (a number of days, or a duration: ``"1 month"``), and
        who is late (see :class:`Due`)."""
        day, when = _day(on)
        span = Duration(days=within) if isinstance(within, int) else Duration.parse(within)
        until = span.after(day)
        last = np.datetime64(until, "D")
        codes = self._codes_on(when)
        waiting = np.isin(codes, _WAITING)
        answer = self.answer_due
        held = np.isin(codes, _HELD)
        renewal = self._renewals(held, when)
        lapsed = np.isin(self.state, _GRANTED) & (codes != self.state) & (self.term_end < when)
        lapsed &= codes != _code(State.RENEWED)
        end = self.adaptation_end
        return Due(
            on=day,
            until=until,
            answers=self._dated(waiting & (answer >= when) & (answer <= last), answer),
            overdue_answers=self._dated(waiting & (answer < when), answer),
            renewals=self._dated(renewal <= last, renewal),
            lapsed=self._dated(lapsed, self.term_end + _ONE_DAY),
            adaptation_ends=self._dated(held & (end >= when) & (end <= last), end),
        )

    def appeals_pending(self, on: dt.date | str) -> Dated:
        """The authorisations under appeal on ``on`` (an appeal recorded and not yet
        decided), with the day of the appeal."""
        _, when = _day(on)
        return self._dated(self._codes_on(when) == _code(State.APPEALED), self.appeal)

    def _dated(self, mask: npt.NDArray[np.bool_], dates: Days) -> Dated:
        rows = np.flatnonzero(mask)
        chosen = dates[rows]
        order = np.argsort(chosen, kind="stable")
        rows = rows[order]
        return Dated(rows=rows, ids=self.ids[rows], dates=dates[rows])

    def summary(
        self, on: dt.date | str, lang: Lang = "en", within: Duration | str | int = 30
    ) -> str:
        """The register on ``on`` in a few lines of English or French: the count of each
        state held by some row, what is due within ``within`` (see :meth:`due`) and the
        appeals pending."""
        lang = check_lang(lang)
        states = self.states_on(on)
        count = len(self)
        singular, plural = _NOUNS[lang]
        noun = singular if count == 1 or (lang == "fr" and count == 0) else plural
        lines = [
            _HEAD.text(lang).format(
                day=formats.date(states.on, lang), count=formats.number(count, lang), noun=noun
            )
        ]
        lines += [
            _LINE.text(lang).format(
                state=STATE_WORDS[state].text(lang), count=formats.number(number, lang)
            )
            for state, number in states.counts.items()
            if number
        ]
        lines.append(self.due(states.on, within).text(lang))
        pending = len(self.appeals_pending(states.on))
        lines.append(_PENDING.text(lang).format(count=formats.number(pending, lang)))
        return "\n".join(lines)


def _next_term(
    start: Days, months: npt.NDArray[np.int32], days: npt.NDArray[np.int32], when: np.datetime64
) -> Days:
    """The first day of the term after the one running on ``when`` (the first term's
    end when ``when`` is before the start): the least ``k >= 1`` with ``k`` terms after
    ``start`` later than ``when``, found from an estimate and moved by whole terms."""
    length = months * 30.436875 + days
    elapsed = (when - start).astype(np.int64)
    k = np.maximum(np.floor(elapsed / length).astype(np.int64) + 1, 1)
    months64, days64 = months.astype(np.int64), days.astype(np.int64)

    def reached(count: npt.NDArray[np.int64]) -> Days:
        return shifted(start, months64 * count, days64 * count)

    while True:
        early = reached(k) <= when
        if not early.any():
            break
        k = k + early
    while True:
        late = (k > 1) & (reached(np.maximum(k - 1, 1)) > when)
        if not late.any():
            break
        k = k - late
    return reached(k)


def _earliest(
    side: Side,
    day: dt.date,
    rules: Procedure,
    terms: AuthorisationTerms | None,
    adapting: bool,
    own_adapting: bool,
) -> dt.date:
    """The earliest effective day of an ending ``side`` notifies on ``day``: the
    procedure's notice (during adaptation, its own) or the scheme's where longer, as
    :func:`~teletravail.procedure.rules.earliest_notice` says for one history."""
    notices: list[Duration] = []
    if adapting and rules.notice_adaptation is not None:
        notices.append(rules.notice_adaptation)
    elif side is Side.AGENT and rules.notice_agent is not None:
        notices.append(rules.notice_agent)
    elif side is Side.EMPLOYER and rules.notice_employer is not None:
        notices.append(rules.notice_employer)
    if terms is not None:
        if terms.notice_adaptation is not None and own_adapting:
            own: Duration | None = terms.notice_adaptation
        else:
            own = terms.notice_agent if side is Side.AGENT else terms.notice_employer
        if adapting and terms.notice_adaptation is None and own is not None and notices:
            own = None  # the terms' side notice does not lengthen the adaptation's
        if own is not None:
            notices.append(own)
    return max((notice.after(day) for notice in notices), default=day)
