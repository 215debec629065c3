"""The terms a scheme sets for its individual authorisations to telework.

A scheme says how long an authorisation lasts (or that it is open-ended), how it is
renewed at the end of each term (by an express decision or tacitly, at most so many
times), by when the decision on a renewal is taken, how long the adaptation period at
its start lasts, and the notice each side gives to end it (and, shorter, during the
adaptation period). :class:`AuthorisationTerms` holds these terms as data, with the
dates they give for an authorisation starting on a given day.

Calendar arithmetic is the library's (:meth:`~teletravail.dated.Duration.after`): a
duration added to a date adds the years and months first, clipped to the last day of
the month reached, then the days. Each term of a renewed authorisation starts a whole
number of durations after the **first** start (``k × duration``), so terms never drift
at month ends, and ``n`` terms together last exactly ``n × duration``: a one-year
authorisation from 2024-02-29 is renewed on 2025-02-28, 2026-02-28, 2027-02-28 and
2028-02-29. Every end is inclusive (the day before the next term starts), as legal
texts write them.

This module holds the terms only; whether they conform to the public-service
framework is :mod:`teletravail.conformity`'s question.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Final

import attrs

from teletravail._checks import is_bool, named, optional_source
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, choices
from teletravail.sources import Source

__all__ = [
    "MOST_RENEWALS",
    "RENEWAL_WORDS",
    "SIDE_WORDS",
    "AuthorisationTerms",
    "Renewal",
    "Side",
    "surely_shorter",
]

_ONE_DAY = dt.timedelta(days=1)

#: The most renewals terms may count (a document's limit too).
MOST_RENEWALS: Final = 1000


class Renewal(enum.StrEnum):
    """How an authorisation is renewed at the end of a term."""

    EXPRESS = "express"  # by an express decision (décision expresse)
    TACIT = "tacit"  # unless either side says otherwise (tacite reconduction)


#: The French words of each kind of renewal, read as the English value.
RENEWAL_WORDS: Final = {"expresse": "express", "exprès": "express", "tacite": "tacit"}


class Side(enum.StrEnum):
    """Who ends an authorisation: the agent or the employer."""

    AGENT = "agent"
    EMPLOYER = "employer"


#: The French words of each side, read as the English value.
SIDE_WORDS: Final = {"employeur": "employer", "administration": "employer"}


def _word(kind: type[enum.StrEnum], words: dict[str, str], value: Any, field: str) -> Any:
    """A member of ``kind`` from itself, its value or its French word (any case)."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        text = words.get(text, text)
        try:
            return kind(text)
        except ValueError:
            pass
    names = [member.value for member in kind]
    raise ValidationError(field, value, choices([*names, *words]))


def _renewal(value: Any) -> Renewal | None:
    return None if value is None else _word(Renewal, RENEWAL_WORDS, value, "renewal")


def _span(value: Any, field: str) -> Duration | None:
    """None, or a duration read as :meth:`Duration.parse` reads it, an error naming
    ``field``."""
    if value is None:
        return None
    try:
        return Duration.parse(value)
    except ValidationError as error:
        raise ValidationError(field, value, error.expected) from None


def _renewal_count(instance: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MOST_RENEWALS:
        raise ValidationError(
            attribute.name,
            value,
            Phrase(
                "a whole number from 1 to {most} (leave it out for no limit)",
                "un nombre entier de 1 à {most} (à omettre pour ne fixer aucune limite)",
                most=MOST_RENEWALS,
            ),
        )


def _is_zero(duration: Duration) -> bool:
    return duration == Duration()


def surely_shorter(first: Duration, second: Duration) -> bool:
    """Whether ``first`` reaches less far than ``second`` from **every** start date.

    A month added to a date moves it by 28 to 31 days, so ``m`` months apart move two
    dates at least ``28 m`` and at most ``31 m`` days apart; the days are added after.
    ``1 month`` is shorter than ``1 year`` and than ``32 days`` from any start, ``1
    month`` and ``30 days`` are not comparable (it depends on the month), and neither
    is surely shorter.
    """
    months = 12 * first.years + first.months
    other = 12 * second.years + second.months
    if months == other:
        return first.days < second.days
    if months < other:
        return first.days - second.days < 28 * (other - months)
    return second.days - first.days > 31 * (months - other)


@attrs.frozen(kw_only=True)
class AuthorisationTerms:
    """The terms a scheme sets for its individual authorisations.

    ``duration`` is the length of a term (``None``: open-ended). ``renewal`` says how a
    term is renewed at its end, ``"express"`` (by an express decision) or ``"tacit"``
    (unless either side says otherwise), the French ``"expresse"`` and ``"tacite"``
    read too; ``None``: not renewed, a new request starts a new authorisation.
    ``max_renewals`` is the most renewals (``None``: no limit), so a one-year
    authorisation renewed tacitly at most twice lasts three years in all.
    ``decision_before`` is how long before the end of a term the decision on its
    renewal is taken at the latest.

    ``answer_within`` is the time the employer gives itself to answer a request in
    writing, from its receipt or from the closing date of a request campaign (``None``:
    the framework's).

    ``adaptation`` is the adaptation period at the start (``None``: none).
    ``notice_agent`` and ``notice_employer`` are the notice of an ending at the
    agent's and at the employer's initiative, ``notice_adaptation`` the notice on
    either side during the adaptation period; ``employer_may_shorten`` says the
    employer may shorten its notice when the service's needs are stated. A notice the
    terms do not set is the framework's.

    Durations are :class:`~teletravail.dated.Duration` values or text (``"1 an"``,
    ``"3 mois"``, ``"P1Y"``). Terms that cannot be applied are refused, naming the
    field: a duration or adaptation period of nothing, a renewal, a renewal count or a
    decision date of an open-ended authorisation, a renewal count or a decision date
    without a renewal, an adaptation period or a decision time not shorter than the
    duration from every start (:func:`surely_shorter`), a notice during an adaptation
    period the terms do not have.
    """

    duration: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    renewal: Renewal | None = attrs.field(default=None, converter=_renewal)
    max_renewals: int | None = attrs.field(default=None, validator=_renewal_count)
    decision_before: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    answer_within: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    adaptation: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    notice_agent: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    notice_employer: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    notice_adaptation: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    employer_may_shorten: bool = attrs.field(default=False, validator=is_bool)
    source: Source | None = attrs.field(default=None, validator=optional_source)

    def __attrs_post_init__(self) -> None:
        for field in ("duration", "adaptation", "answer_within"):
            value = getattr(self, field)
            if value is not None and _is_zero(value):
                raise ValidationError(
                    field,
                    value.phrase(),
                    Phrase(
                        "a length above 0 (leave it out for none)",
                        "une durée supérieure à 0 (à omettre s'il n'y en a pas)",
                    ),
                )
        if self.duration is None:
            for field in ("renewal", "max_renewals", "decision_before"):
                if getattr(self, field) is not None:
                    raise ValidationError(
                        field,
                        _shown(getattr(self, field)),
                        Phrase(
                            "a duration to renew (an open-ended authorisation is never renewed)",
                            "une durée à renouveler (une autorisation sans terme ne se renouvelle"
                            " jamais)",
                        ),
                    )
        elif self.renewal is None:
            for field in ("max_renewals", "decision_before"):
                if getattr(self, field) is not None:
                    raise ValidationError(
                        field,
                        _shown(getattr(self, field)),
                        Phrase(
                            "a renewal, express or tacit",
                            "un renouvellement, exprès ou tacite",
                        ),
                    )
        for field in ("adaptation", "decision_before"):
            value = getattr(self, field)
            if self.duration is not None and value is not None:
                if surely_shorter(value, self.duration):
                    continue
                raise ValidationError(
                    field,
                    value.phrase(),
                    Phrase(
                        "a length shorter than the duration, {duration}",
                        "une durée plus courte que celle de l'autorisation, {french}",
                        duration=self.duration,
                        french=self.duration.words("fr"),
                    ),
                )
        if self.notice_adaptation is not None and self.adaptation is None:
            raise ValidationError(
                "notice_adaptation",
                self.notice_adaptation.phrase(),
                Phrase(
                    "an adaptation period it applies during",
                    "une période d'adaptation pendant laquelle il s'applique",
                ),
            )

    # -- the dates of one authorisation -------------------------------------------------

    @property
    def renewable(self) -> bool:
        """Whether a term is renewed at its end."""
        return self.renewal is not None

    def _reached(self, start: dt.date, terms: int) -> dt.date:
        """The first day after ``terms`` whole terms from ``start``."""
        assert self.duration is not None
        total = Duration(*(n * terms for n in _parts(self.duration)))
        try:
            return total.after(start)
        except ValidationError:
            raise ValidationError(
                "start",
                start.isoformat(),
                Phrase(
                    "a start whose {total} later is before 10000-01-01",
                    "un début tel que la date {french} après lui soit avant le 10000-01-01",
                    total=total,
                    french=total.words("fr"),
                ),
            ) from None

    def _before_year_10000(self, start: dt.date, terms: int) -> dt.date | None:
        try:
            return self._reached(start, terms)
        except ValidationError:
            return None

    def end(self, start: dt.date | str, renewals: int = 0) -> dt.date | None:
        """The last day of an authorisation starting on ``start`` once renewed
        ``renewals`` times (``0``: the first term); ``None`` when it is open-ended."""
        day = to_date(start, "start")
        if self.duration is None:
            return None
        if not isinstance(renewals, int) or isinstance(renewals, bool) or renewals < 0:
            raise ValidationError(
                "renewals",
                renewals,
                Phrase("a whole number >= 0", "un nombre entier positif ou nul"),
            )
        most = self._most_renewals()
        if most is not None and renewals > most:
            raise ValidationError(
                "renewals",
                renewals,
                Phrase(
                    "at most {most}, as the terms allow",
                    "au plus {most}, comme le permettent les conditions",
                    most=most,
                ),
            )
        return self._reached(day, renewals + 1) - _ONE_DAY

    def _most_renewals(self) -> int | None:
        """How many renewals the terms allow (``None``: no limit)."""
        if self.renewal is None:
            return 0
        return self.max_renewals

    def final_end(self, start: dt.date | str) -> dt.date | None:
        """The last day after every renewal the terms allow; ``None`` when the
        authorisation is open-ended or renewed without limit."""
        most = self._most_renewals()
        if most is None:
            to_date(start, "start")
            return None
        return self.end(start, most)

    def renewal_count(self, start: dt.date | str, on: dt.date | str) -> int:
        """How many renewals have begun by ``on`` (included): 0 in the first term, and
        never more than the terms allow."""
        day, when = to_date(start, "start"), to_date(on, "on")
        if self.duration is None or self.renewal is None or when < day:
            return 0
        # the k-th renewal starts k terms after the start, later as k grows: the count
        # is the largest k whose date is on or before ``on`` (a binary search, since a
        # term of a day renewed without limit may count millions)
        low = 0
        high = (when - day).days  # each term lasts at least a day
        if self.max_renewals is not None:
            high = min(high, self.max_renewals)
        while low < high:
            middle = (low + high + 1) // 2
            reached = self._before_year_10000(day, middle)
            if reached is not None and reached <= when:
                low = middle
            else:
                high = middle - 1
        return low

    def renewal_dates(
        self, start: dt.date | str, until: dt.date | str | None = None
    ) -> tuple[dt.date, ...]:
        """The first day of each renewed term, in order: every renewal the terms allow,
        or those up to ``until`` (included). Renewals without limit need ``until``."""
        day = to_date(start, "start")
        last = None if until is None else to_date(until, "until")
        if self.duration is None or self.renewal is None:
            return ()
        if last is None:
            if self.max_renewals is None:
                raise ValidationError(
                    "until",
                    None,
                    Phrase(
                        "a last date: the terms set no limit on renewals",
                        "une date de fin\u00a0: les conditions ne limitent pas les renouvellements",
                    ),
                )
            count = self.max_renewals
        else:
            count = self.renewal_count(day, last)
        return tuple(self._reached(day, k) for k in range(1, count + 1))

    def decision_dates(
        self, start: dt.date | str, until: dt.date | str | None = None
    ) -> tuple[dt.date, ...]:
        """For each renewal of :meth:`renewal_dates`, the latest day the decision on it
        is taken: the latest day from which ``decision_before`` reaches no further than
        the last day of the term that ends (one month before a term ending on 31
        December is 30 November). Empty when the terms set no time for it."""
        dates = self.renewal_dates(start, until)
        if self.decision_before is None:
            return ()
        return tuple(self.decision_before.latest_start(date - _ONE_DAY) for date in dates)

    def in_force(self, start: dt.date | str, on: dt.date | str) -> bool:
        """Whether an authorisation starting on ``start`` is in force on ``on``, every
        renewal the terms allow taken."""
        day, when = to_date(start, "start"), to_date(on, "on")
        if when < day:
            return False
        last = self.final_end(day)
        return last is None or when <= last

    def adaptation_end(self, start: dt.date | str) -> dt.date | None:
        """The last day of the adaptation period, if the terms have one."""
        day = to_date(start, "start")
        if self.adaptation is None:
            return None
        try:
            return self.adaptation.after(day) - _ONE_DAY
        except ValidationError:
            raise ValidationError(
                "start",
                day.isoformat(),
                Phrase(
                    "a start whose adaptation ends before 10000-01-01",
                    "un début dont la période d'adaptation finit avant le 10000-01-01",
                ),
            ) from None

    def in_adaptation(self, start: dt.date | str, on: dt.date | str) -> bool:
        """Whether ``on`` falls within the adaptation period of an authorisation
        starting on ``start``."""
        day, when = to_date(start, "start"), to_date(on, "on")
        last = self.adaptation_end(day)
        return last is not None and day <= when <= last

    def notice(self, side: Side | str, start: dt.date | str, on: dt.date | str) -> Duration | None:
        """The notice the terms set for an ending that ``side`` (``"agent"`` or
        ``"employer"``, ``"employeur"`` in French) notifies on ``on``: the notice during
        adaptation while it lasts, where the terms set one, else that side's. ``None``
        where the terms set none (the framework's applies)."""
        who = _word(Side, SIDE_WORDS, side, "side")
        if self.notice_adaptation is not None and self.in_adaptation(start, on):
            return self.notice_adaptation
        to_date(start, "start")
        to_date(on, "on")
        return self.notice_agent if who is Side.AGENT else self.notice_employer

    # -- text ---------------------------------------------------------------------------

    def describe(self, lang: Lang = "en") -> str:
        """The terms in one line of English or French."""
        if lang not in ("en", "fr"):
            raise ValidationError("lang", lang, Phrase("'en' or 'fr'", "'en' ou 'fr'"))
        words = _TEXT[lang]
        parts = [
            words["open"]
            if self.duration is None
            else words["term"].format(self.duration.words(lang))
        ]
        if self.duration is not None:
            renewed = words["not_renewed"] if self.renewal is None else words[self.renewal]
            if self.max_renewals is not None:
                count = self.max_renewals
                whole = Duration(*(n * (count + 1) for n in _parts(self.duration)))
                times = words["once"] if count == 1 else words["times"].format(count)
                renewed += words["most"].format(times=times, whole=whole.words(lang))
            parts[0] += ", " + renewed
        if self.decision_before is not None:
            parts.append(words["decision"].format(self.decision_before.words(lang)))
        if self.answer_within is not None:
            parts.append(words["answer"].format(self.answer_within.words(lang)))
        if self.adaptation is not None:
            parts.append(words["adaptation"].format(self.adaptation.words(lang)))
        notices = []
        if self.notice_agent is not None:
            notices.append(words["agent"].format(self.notice_agent.words(lang)))
        if self.notice_employer is not None:
            employer = words["employer"].format(self.notice_employer.words(lang))
            if self.employer_may_shorten:
                employer += " " + words["shorter"]
            notices.append(employer)
        if self.notice_adaptation is not None:
            notices.append(words["during"].format(self.notice_adaptation.words(lang)))
        if notices:
            parts.append(words["notice"] + ", ".join(notices))
        if self.employer_may_shorten and self.notice_employer is None:
            parts.append(words["employer_shorter"])
        return words["sep"].join(parts)

    def __str__(self) -> str:
        return self.describe("en")


def _shown(value: Any) -> Any:
    """A value of the terms as a message shows it: a duration in words, a renewal by
    its name."""
    if isinstance(value, Duration):
        return value.phrase()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return value


def _parts(duration: Duration) -> tuple[int, int, int]:
    return duration.years, duration.months, duration.days


_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "term": "{}",
        "open": "open-ended",
        "not_renewed": "not renewed",
        Renewal.EXPRESS: "renewed by express decision",
        Renewal.TACIT: "renewed tacitly",
        "once": "once",
        "times": "{} times",
        "most": " at most {times} ({whole} in all)",
        "decision": "decision on a renewal at least {} before the end of the term",
        "answer": "a written answer to a request within {}",
        "adaptation": "adaptation period of {}",
        "notice": "notice of ",
        "agent": "{} at the agent's initiative",
        "employer": "{} at the employer's",
        "shorter": "(shorter when the service's needs are stated)",
        "employer_shorter": "the employer may shorten its notice when the service's needs are"
        " stated",
        "during": "{} during the adaptation period",
        "sep": "; ",
    },
    "fr": {
        "term": "autorisation d'une durée de {}",
        "open": "autorisation sans limite de durée",
        "not_renewed": "non renouvelée",
        Renewal.EXPRESS: "renouvelée par décision expresse",
        Renewal.TACIT: "renouvelée tacitement",
        "once": "une fois",
        "times": "{} fois",
        "most": " {times} au plus ({whole} en tout)",
        "decision": "décision sur un renouvellement au moins {} avant la fin de la période",
        "answer": "réponse écrite à une demande dans un délai de {}",
        "adaptation": "période d'adaptation de {}",
        "notice": "préavis de ",
        "agent": "{} à l'initiative de l'agent",
        "employer": "{} à l'initiative de l'employeur",
        "shorter": "(réductible pour une nécessité de service motivée)",
        "employer_shorter": "l'employeur peut réduire son préavis pour une nécessité de service"
        " motivée",
        "during": "{} pendant la période d'adaptation",
        "sep": "\u00a0; ",
    },
}
