"""The individual act that grants telework to one agent, as data.

An :class:`IndividualAct` holds every mention the framework asks of the act (décret n°
2016-151 as amended, art. 8: duties, places, modality, duration if any, the hours when
the agent can be reached, the start date, the adaptation period) and what an act also
says: its kind, the employer, the notice to end it, the appeal body, the rules it
applies and their sources, where and when it is signed. Built without a mandatory
mention, it is a :class:`~teletravail.errors.MissingMentionError` naming it.

:meth:`IndividualAct.from_policy` takes the figures from the library: the pattern the
policy's assessment grants, the policy's places, its authorisation terms (duration,
renewal, adaptation, notice). :meth:`IndividualAct.render` writes the act from a
template (:mod:`teletravail.acts.rendering`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

import attrs

from teletravail import formats
from teletravail._checks import enum_value, is_bool, named, typed_tuple
from teletravail.acts.hours import ReachableHours
from teletravail.acts.kinds import ActKind, AppealBody, Sector, act_kind, appeal_body
from teletravail.acts.mentions import ACT_MENTIONS, MENTIONS_SOURCE, Mention, missing_mention
from teletravail.acts.modality import Modality
from teletravail.acts.parties import Employer, Teleworker, text_field
from teletravail.acts.rendering import Format, render_document
from teletravail.acts.words import act_context, act_mentions
from teletravail.conformity.framework import NOTICE_PERIODS, authorisation_in_force
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase
from teletravail.policy.terms import RENEWAL_WORDS, Renewal, surely_shorter
from teletravail.sources import CODE_DU_TRAVAIL, Source
from teletravail.week import Place

if TYPE_CHECKING:
    from teletravail.policy.assessment import Assessment
    from teletravail.policy.policy import Policy
    from teletravail.procedure import AuthorisationHistory
    from teletravail.workforce.agent import Agent

__all__ = ["FRAMEWORK_NOTICE", "IndividualAct"]

#: The public-service framework's notice (décret n° 2016-151, art. 5 as amended), as
#: the framework states it (:data:`~teletravail.conformity.framework.NOTICE_PERIODS`):
#: on either side, and during the adaptation period.
FRAMEWORK_NOTICE: Final = (
    NOTICE_PERIODS["notice_agent"],
    NOTICE_PERIODS["notice_adaptation"],
)
#: The longest adaptation period the public-service framework allows, and its text
#: (the same in every version of art. 5 since 2016).
_IN_FORCE: Final = authorisation_in_force(dt.date.max)
_MOST_ADAPTATION: Final = _IN_FORCE[2]
_ARTICLE_5: Final = _IN_FORCE[3]


def _required(kind: type, what: Phrase) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is None:
            if attribute.name in set(Mention):
                raise missing_mention(attribute.name, None)
            raise ValidationError(attribute.name, None, what)
        if not isinstance(value, kind):
            raise ValidationError(attribute.name, value, what)

    return check


def _optional(kind: type, what: Phrase) -> Any:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(attribute.name, value, what)

    return check


def _span(value: Any, field: str) -> Duration | None:
    if value is None:
        return None
    try:
        return Duration.parse(value)
    except ValidationError as error:
        raise ValidationError(field, value, error.expected) from None


def _kind(value: Any) -> ActKind | None:
    return None if value is None else act_kind(value)


def _appeal(value: Any) -> AppealBody | None:
    if value is None or isinstance(value, AppealBody):
        return value
    return enum_value(AppealBody, value, "appeal")


def _places(value: Any) -> tuple[Place, ...]:
    if value is None:
        return ()
    if isinstance(value, str | Place):
        value = [value]
    try:
        return tuple(Place.parse(item) for item in value)
    except (TypeError, ValidationError):
        raise ValidationError(
            "places",
            value,
            Phrase("a sequence of places", "une suite de lieux"),
        ) from None


def _hours(value: Any) -> ReachableHours | None:
    return None if value is None else ReachableHours.parse(value)


def _date(value: Any, field: str) -> dt.date | None:
    return None if value is None else to_date(value, field)


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if value is None and attribute.name not in set(Mention):
        raise ValidationError(attribute.name, None, Phrase("a non-empty text", "un texte non vide"))
    text_field(value, attribute.name)


def _renewals(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ValidationError(
            attribute.name,
            value,
            Phrase("a whole number above 0", "un nombre entier supérieur à 0"),
        )


def _renewal(value: Any) -> Renewal | None:
    if value is None or isinstance(value, Renewal):
        return value
    text = str(value).strip().lower()
    try:
        return Renewal(RENEWAL_WORDS.get(text, text))
    except ValueError:
        raise ValidationError(
            "renewal", value, Phrase("'express' or 'tacit'", "'expresse' ou 'tacite'")
        ) from None


def _sources(value: Any) -> tuple[Source, ...]:
    return typed_tuple(value, Source, "sources")


_DATE: Final = Phrase("a date", "une date")


@attrs.frozen(kw_only=True)
class IndividualAct:
    """An individual act granting telework: every mention, as data.

    ``kind`` is the kind of act (:class:`~teletravail.acts.kinds.ActKind`, its value or
    its French word: ``"arrêté"``, ``"décision"``, ``"avenant"``, ``"accord"``), and so
    the sector. ``employer`` and ``teleworker`` are the parties (the teleworker's
    ``duties`` a mandatory mention). ``places`` are the places of telework
    (:class:`~teletravail.week.Place` values or their text), ``modality`` the fixed and
    floating days, ``duration`` the length of a term (``None``: open-ended), renewed as
    ``renewal`` says (``"express"``, ``"tacit"``; ``None``: not renewed) at most
    ``max_renewals`` times. ``hours`` are the hours when the agent can be reached
    (:class:`~teletravail.acts.hours.ReachableHours` or its text), ``start`` the date
    telework starts, ``adaptation`` the adaptation period (``None``: none).

    ``notice_agent`` and ``notice_employer`` are the notice of an ending at each side's
    initiative, ``notice_adaptation`` the notice during the adaptation period, and
    ``employer_may_shorten`` says the employer may shorten its notice for a stated need
    of the service. ``appeal`` is the body the agent appeals to (the CAP or the CCP in
    the public service, none in the private sector). ``rules`` names the rules the act
    applies (the policy's name) and ``sources`` their texts. ``signed_at`` and
    ``signed_on`` are the place and date of signature.

    A mandatory mention left out (duties, places, modality, hours, start) is a
    :class:`~teletravail.errors.MissingMentionError` naming it. Other problems
    are a :class:`~teletravail.errors.ValidationError` naming the field: an appeal body
    of the other sector, an adaptation period longer than three months in the public
    service or not shorter than the duration, a notice during an adaptation period the
    act does not have, a renewal of an open-ended act.
    """

    kind: ActKind = attrs.field(converter=_kind, validator=_required(ActKind, Phrase(
        "a kind of act (arrete, decision, avenant, agreement)",
        "un type d'acte (arrêté, décision, avenant, accord)")))  # fmt: skip
    employer: Employer = attrs.field(
        validator=_required(Employer, Phrase("an Employer", "un objet Employer"))
    )
    teleworker: Teleworker = attrs.field(
        validator=_required(Teleworker, Phrase("a Teleworker", "un objet Teleworker"))
    )
    places: tuple[Place, ...] = attrs.field(default=None, converter=_places)
    modality: Modality = attrs.field(
        default=None, validator=_required(Modality, Phrase("a Modality", "un objet Modality"))
    )
    duration: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    renewal: Renewal | None = attrs.field(default=None, converter=_renewal)
    max_renewals: int | None = attrs.field(default=None, validator=_renewals)
    hours: ReachableHours = attrs.field(default=None, converter=_hours)
    start: dt.date = attrs.field(default=None, converter=named(_date))  # type: ignore[misc]
    adaptation: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    notice_agent: Duration = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    notice_employer: Duration = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    notice_adaptation: Duration | None = attrs.field(default=None, converter=named(_span))  # type: ignore[misc]
    employer_may_shorten: bool = attrs.field(default=False, validator=is_bool)
    appeal: AppealBody = attrs.field(default=None, converter=_appeal)
    rules: str = attrs.field(default=None, validator=_text)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    signed_at: str = attrs.field(default=None, validator=_text)
    signed_on: dt.date = attrs.field(default=None, converter=named(_date))  # type: ignore[misc]

    def __attrs_post_init__(self) -> None:
        for mention in ("places", "hours", "start"):
            if not getattr(self, mention):
                raise missing_mention(mention, getattr(self, mention))
        for field in ("notice_agent", "notice_employer", "appeal", "signed_on"):
            if getattr(self, field) is None:
                what = _DATE if field == "signed_on" else Phrase("a value", "une valeur")
                raise ValidationError(field, None, what)
        if self.appeal.sector is not self.sector:
            raise ValidationError(
                "appeal",
                self.appeal.value,
                Phrase(
                    "the appeal body of the {sector}",
                    "l'instance de recours du {french}",
                    sector=self.sector.words("en"),
                    french="secteur privé" if self.sector is Sector.PRIVATE else "secteur public",
                ),
            )
        if self.duration is None:
            for field in ("renewal", "max_renewals"):
                if getattr(self, field) is not None:
                    raise ValidationError(
                        field,
                        getattr(self, field),
                        Phrase(
                            "a duration to renew (an open-ended act is never renewed)",
                            "une durée à renouveler (un acte sans terme ne se renouvelle pas)",
                        ),
                    )
        elif self.renewal is None and self.max_renewals is not None:
            raise ValidationError(
                "max_renewals",
                self.max_renewals,
                Phrase("a renewal, express or tacit", "un renouvellement, exprès ou tacite"),
            )
        if self.adaptation is not None:
            if self.sector is Sector.PUBLIC and surely_shorter(_MOST_ADAPTATION, self.adaptation):
                raise ValidationError(
                    "adaptation",
                    self.adaptation.phrase(),
                    Phrase(
                        "at most 3 months ({source})",
                        "au plus 3 mois ({french})",
                        source=_ARTICLE_5.cite("en"),
                        french=_ARTICLE_5.cite("fr"),
                    ),
                )
            if self.duration is not None and not surely_shorter(self.adaptation, self.duration):
                raise ValidationError(
                    "adaptation",
                    self.adaptation.phrase(),
                    Phrase(
                        "a length shorter than the duration, {duration}",
                        "une durée plus courte que celle de l'acte, {french}",
                        duration=self.duration,
                        french=self.duration.words("fr"),
                    ),
                )
        elif self.notice_adaptation is not None:
            raise ValidationError(
                "notice_adaptation",
                self.notice_adaptation.phrase(),
                Phrase(
                    "an adaptation period it applies during",
                    "une période d'adaptation pendant laquelle il s'applique",
                ),
            )

    # -- derived ---------------------------------------------------------------------

    @property
    def sector(self) -> Sector:
        """The sector of the act, from its kind."""
        return self.kind.sector

    @property
    def adaptation_end(self) -> dt.date | None:
        """The last day of the adaptation period (``None``: no adaptation period)."""
        if self.adaptation is None:
            return None
        return self.adaptation.after(self.start) - dt.timedelta(days=1)

    @property
    def end(self) -> dt.date | None:
        """The last day of the first term (``None``: open-ended)."""
        if self.duration is None:
            return None
        return self.duration.after(self.start) - dt.timedelta(days=1)

    def mentions(self, lang: Lang = "en") -> dict[Mention, str]:
        """The text of each mandatory mention in ``lang``, in the act's order."""
        return act_mentions(self, lang)

    def context(self, lang: Lang = "en") -> dict[str, Any]:
        """What a template receives: every part of the act in words (see
        :mod:`teletravail.acts.rendering`)."""
        return act_context(self, lang)

    def render(self, lang: Lang = "fr", format: Format = "markdown", templates: Any = None) -> str:
        """The act written in ``lang`` (``"fr"``, ``"en"``) as ``format``
        (``"markdown"``, ``"html"``), from the shipped template or the one of the same
        name in the folder ``templates`` (see :mod:`teletravail.acts.rendering`)."""
        return render_document("act", self, lang, format, templates, ACT_MENTIONS)

    # -- from the library's figures ----------------------------------------------------

    @classmethod
    def from_policy(
        cls,
        policy: Policy,
        agent: Agent,
        on: dt.date | str,
        *,
        kind: ActKind | str,
        employer: Employer,
        name: str,
        duties: str,
        hours: ReachableHours | str,
        signed_at: str,
        signed_on: dt.date | str | None = None,
        floating: int | None = None,
        per: str = "week",
        appeal: AppealBody | str | None = None,
        assessment: Assessment | None = None,
        history: AuthorisationHistory | None = None,
    ) -> IndividualAct:
        """The act granting ``agent`` what ``policy`` grants them on ``on``.

        The fixed days are the pattern the assessment grants (``assessment``, or
        ``policy.assess(agent, on)``), the places those of its days; ``floating`` days
        ``per`` week, month or year are added when the scheme has them. The start is the
        agent's authorisation's, else ``on``. Duration, renewal, adaptation period and
        notice are the policy's authorisation terms (``policy.authorisation``); a
        notice the terms do not set is the public-service framework's (two months, one
        during adaptation), and in the private sector it must be set by the terms. The
        appeal body follows from the agent's contract type unless ``appeal`` states it.
        The rules are the policy's name, the sources its texts and the article that
        frames the act. An agent granted no fixed day and no floating day is a
        :class:`ValidationError` naming ``agent``.

        With ``history`` (the agent's :class:`~teletravail.procedure.AuthorisationHistory`,
        granted), the act writes down its grant: its start, adaptation period and
        duration, and the appeal body of its contract; a history of another sector than
        the act's kind, or not granted, is a :class:`ValidationError` naming
        ``history``.
        """
        day = to_date(on, "on")
        which = act_kind(kind)
        result = assessment if assessment is not None else policy.assess(agent, day)
        pattern = result.pattern if result.entitled else None
        if pattern is not None and not pattern.days:
            pattern = None
        if pattern is None and floating is None:
            raise ValidationError(
                "agent",
                agent.id,
                Phrase(
                    "an agent the policy grants telework to on {on}",
                    "un agent à qui la politique accorde du télétravail le {french}",
                    on=formats.date(day, "en"),
                    french=formats.date(day, "fr"),
                ),
            )
        modality = Modality(pattern=pattern, floating=floating, per=per)
        places = modality.places or tuple(
            Place(kind=kind) for kind in sorted(policy.places, key=lambda k: k.value)
        )
        terms = policy.authorisation
        authorisation = agent.authorisation
        duration = terms.duration if terms is not None else None
        contract = agent.contract_type
        if history is not None:
            granted = history.life.grant
            if history.sector is not which.sector or granted is None:
                raise ValidationError(
                    "history",
                    history.state,
                    Phrase(
                        "a history granted in the sector of the act ({sector})",
                        "un historique accordé dans le secteur de l'acte ({french})",
                        sector=which.sector.words("en"),
                        french=which.sector.words("fr"),
                    ),
                )
            authorisation = history.authorisation()
            duration = granted.duration if granted.duration is not None else duration
            contract = contract if history.contract is None else history.contract
        start = authorisation.start if authorisation is not None else day
        adaptation = terms.adaptation if terms is not None else None
        if authorisation is not None and authorisation.adaptation is not None:
            adaptation = authorisation.adaptation
        notices = _notices(terms, which.sector, adaptation)
        body = appeal_body(contract, which.sector) if appeal is None else _appeal(appeal)
        sources = list(policy.sources)
        if terms is not None and terms.source is not None:
            sources.append(terms.source)
        framework = (
            MENTIONS_SOURCE
            if which.sector is Sector.PUBLIC
            else attrs.evolve(CODE_DU_TRAVAIL, article="L. 1222-9")
        )
        sources.append(framework)
        return cls(
            kind=which,
            employer=employer,
            teleworker=Teleworker(id=agent.id, name=name, duties=duties, post=agent.role or None),
            places=places,
            modality=modality,
            duration=duration,
            renewal=terms.renewal if terms is not None else None,
            max_renewals=terms.max_renewals if terms is not None else None,
            hours=hours,
            start=start,
            adaptation=adaptation,
            notice_agent=notices[0],
            notice_employer=notices[1],
            notice_adaptation=notices[2],
            employer_may_shorten=terms.employer_may_shorten if terms is not None else False,
            appeal=body,
            rules=policy.name,
            sources=tuple(dict.fromkeys(sources)),
            signed_at=signed_at,
            signed_on=day if signed_on is None else signed_on,
        )


def _notices(
    terms: Any, sector: Sector, adaptation: Duration | None
) -> tuple[Duration, Duration, Duration | None]:
    """The notice of each side and during adaptation: the terms', else the public
    service framework's; the private sector's must be agreed."""
    agent = terms.notice_agent if terms is not None else None
    employer = terms.notice_employer if terms is not None else None
    during = terms.notice_adaptation if terms is not None else None
    if sector is Sector.PUBLIC:
        agent = agent or FRAMEWORK_NOTICE[0]
        employer = employer or FRAMEWORK_NOTICE[0]
        if adaptation is not None:
            during = during or FRAMEWORK_NOTICE[1]
    for field, value in (("notice_agent", agent), ("notice_employer", employer)):
        if value is None:
            raise ValidationError(
                field,
                None,
                Phrase(
                    "a notice agreed in the policy's authorisation terms",
                    "un préavis convenu dans les conditions d'autorisation de la politique",
                ),
            )
    assert agent is not None
    assert employer is not None
    return agent, employer, during if adaptation is not None else None
