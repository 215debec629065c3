"""The procedural provisions of telework, as dated data, each with its source.

:mod:`teletravail.conformity.framework` holds the framework's limits on an
authorisation (its longest term, the forms of renewal, the longest adaptation period,
the notice to end it); this module adds the procedure around them, without restating
any of those: a :class:`Procedure` reads the adaptation period and the notices from
there. :func:`procedure_in_force` answers "which procedure applies to an event of this
day, in this sector?".

The public service (décret n° 2016-151 as amended), as dated branches:

* before 2016-02-13 there is no framework: no provision is checked;
* 2016 wording (art. 5 and 10): a written request; a refusal and an ending at the
  administration's initiative preceded by an interview and reasoned; an adaptation
  period of 3 months at most; an authorisation of one year at most, renewed by express
  decision after an interview with the direct superior; a new request after a change of
  duties; an appeal to the CAP (civil servants) or the CCP (contract staff);
* as amended by décret n° 2020-524 (in force 2020-05-07): a written answer within one
  month of the request's receipt, or of the closing date of a call for requests; the
  interview and reasons for a refusal of activities declared eligible; no longest term
  and no form of renewal imposed.

The private sector (Code du travail, art. L. 1222-9 to L. 1222-11, and the ANI of 26
November 2020) has one version here: telework set by a collective agreement, a charter,
or agreed between the employer and the employee by any means; a refusal reasoned for a
post declared eligible and for a disabled worker or a carer; the adaptation period and
reversibility as agreed (no time for the answer, no notice, no appeal body in the law).

Where sources disagree, :data:`NOTES` says so.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final

import attrs

from teletravail import sources
from teletravail._checks import enum_value
from teletravail.conformity.framework import (
    ART_5_2016,
    ART_5_2020,
    FLOATING_DAYS_START,
    FRAMEWORK_START,
    NOTICE,
    NOTICE_PERIODS,
    answer_in_force,
    authorisation_in_force,
)
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.policy.terms import Renewal
from teletravail.sources import Source
from teletravail.workforce import ContractType

__all__ = [
    "AMENDED_2020",
    "ANSWER",
    "APPEAL",
    "APPEAL_BODIES",
    "NEW_REQUEST",
    "NOTES",
    "PRIVATE_AGREEMENT",
    "PRIVATE_PROTECTED",
    "PRIVATE_REFUSAL",
    "PRIVATE_REVERSIBILITY",
    "REFUSAL_2016",
    "REFUSAL_2020",
    "REQUEST",
    "AppealBody",
    "Procedure",
    "Sector",
    "appeal_body",
    "procedure_in_force",
]


class Sector(enum.StrEnum):
    """Which framework an authorisation falls under."""

    PUBLIC = "public"  # the public service: décret n° 2016-151 as amended
    PRIVATE = "private"  # private employers: Code du travail and the ANI of 2020

    def words(self, lang: Lang = "en") -> str:
        """The sector in words: ``public service``, ``fonction publique``."""
        return _SECTOR_WORDS[self].text(check_lang(lang))


_SECTOR_WORDS: Final = {
    Sector.PUBLIC: Phrase("public service", "fonction publique"),
    Sector.PRIVATE: Phrase("private sector", "secteur privé"),
}


class AppealBody(enum.StrEnum):
    """Where an agent brings a refusal or an ending at the employer's initiative: a
    joint committee of the public service, or none (the private sector)."""

    CAP = "cap"  # commission administrative paritaire: civil servants, probationers
    CCP = "ccp"  # commission consultative paritaire: contract staff
    NONE = "none"  # no joint committee: the private sector

    @property
    def sector(self) -> Sector:
        """The sector whose agents appeal to this body."""
        return Sector.PRIVATE if self is AppealBody.NONE else Sector.PUBLIC

    def words(self, lang: Lang = "en") -> str:
        """The body in words, its initials after it: ``joint administrative committee
        (CAP)``, ``commission administrative paritaire (CAP)``."""
        return _APPEAL_WORDS[self].text(check_lang(lang))


_APPEAL_WORDS: Final = {
    AppealBody.CAP: Phrase(
        "joint administrative committee (CAP)", "commission administrative paritaire (CAP)"
    ),
    AppealBody.CCP: Phrase(
        "joint consultative committee (CCP)", "commission consultative paritaire (CCP)"
    ),
    AppealBody.NONE: Phrase("no joint committee", "aucune commission paritaire"),
}

#: Each joint committee's name with its article, as a sentence names it.
APPEAL_BODIES: Final[dict[AppealBody, Phrase]] = {
    body: Phrase("the " + words, "la " + words.text("fr"))
    for body, words in _APPEAL_WORDS.items()
    if body is not AppealBody.NONE
}

#: The first day of the wording of art. 5 given by décret n° 2020-524 (the same day as
#: floating days, which that décret added).
AMENDED_2020: Final = FLOATING_DAYS_START

#: Art. 5, the request (every version): telework is granted on the agent's written
#: request; a change of duties needs a new request.
REQUEST: Final = attrs.evolve(sources.DECRET_2016_151, article="5")
#: Art. 5, a new request after a change of duties (every version).
NEW_REQUEST: Final = REQUEST
#: Art. 5 as amended in 2020: a written answer within one month of the request's receipt
#: or of the closing date of a call for requests. Unconfirmed: read in union and
#: management-centre summaries of décret n° 2020-524, which list it among that décret's
#: additions; the décret's own wording was not consulted.
ANSWER: Final = ART_5_2020
#: Art. 5 (2016 wording): a refusal of a request, and an ending at the administration's
#: initiative, are preceded by an interview and reasoned. Unconfirmed: read in summaries
#: of 2016, which do not say whether it covers every refusal or only eligible activities.
REFUSAL_2016: Final = attrs.evolve(ART_5_2016, unconfirmed=True)
#: Art. 5 as amended in 2020: the refusal of a request for activities declared eligible,
#: and an ending at the administration's initiative, preceded by an interview and
#: reasoned (unconfirmed, as :data:`ANSWER`).
REFUSAL_2020: Final = ART_5_2020
#: Art. 10: the CAP, or the CCP for contract staff, may be seized of the refusal of a
#: request (first or renewal) for eligible activities, and of an ending at the
#: administration's initiative. Unconfirmed: the article's number and wording are read in
#: secondary sources; the CSA is consulted on the rules, not on individual cases.
APPEAL: Final = attrs.evolve(sources.DECRET_2016_151, article="10", unconfirmed=True)

#: Code du travail, art. L. 1222-9: telework set by a collective agreement or a charter,
#: or, failing those, agreed by any means between the employer and the employee.
PRIVATE_AGREEMENT: Final = attrs.evolve(sources.CODE_DU_TRAVAIL, article="L. 1222-9")
#: Art. L. 1222-9: an employer who refuses telework to an employee whose post the
#: agreement or charter declares eligible gives the reasons of the refusal.
PRIVATE_REFUSAL: Final = PRIVATE_AGREEMENT
#: Art. L. 1222-9: the reasons of a refusal to a disabled worker or to a carer.
#: Unconfirmed: the date of the wording that added carers was not checked.
PRIVATE_PROTECTED: Final = attrs.evolve(PRIVATE_AGREEMENT, unconfirmed=True)
#: The ANI of 26 November 2020: the adaptation period and reversibility (either side
#: may return to work on site) are agreed between the parties.
PRIVATE_REVERSIBILITY: Final = sources.ANI_2020

#: Where the sources disagree, or leave a point open, in English and French.
NOTES: Final[tuple[Phrase, ...]] = (
    Phrase(
        "The one-month time for the answer is read as added by décret n° 2020-524; before"
        " it, the summaries of 2016 give no time for the answer.",
        "Le délai d'un mois pour répondre est lu comme ajouté par le décret n° 2020-524\u202f;"
        " avant lui, les résumés de 2016 ne donnent aucun délai de réponse.",
    ),
    Phrase(
        "The summaries of 2016 ask for an interview and reasons before any refusal; the"
        " wording of 2020 speaks of activities declared eligible. The library asks for them"
        " for eligible activities in both versions.",
        "Les résumés de 2016 demandent un entretien et une motivation avant tout refus\u202f;"
        " la rédaction de 2020 parle des activités déclarées éligibles. La bibliothèque les"
        " exige pour les activités éligibles dans les deux versions.",
    ),
    Phrase(
        "The notice periods are read in a text that restates the décret, not in the décret itself.",
        "Les délais de prévenance sont lus dans un texte qui reprend le décret, non dans le"
        " décret lui-même.",
    ),
)


@attrs.frozen(kw_only=True)
class Procedure:
    """The procedure that applies to an event of one day, in one sector.

    ``None`` (or ``False``) where the framework sets nothing: the durations are the
    framework's, each with the source it is read from.
    """

    sector: Sector
    #: whether a framework applies at all (the public service before 2016-02-13: no)
    applies: bool
    #: whether the request must be written (the public service; agreed by any means in
    #: the private sector)
    written_request: bool
    request_source: Source | None
    #: the time for a written answer, from receipt or a campaign's closing date
    answer_within: Duration | None
    answer_source: Source | None
    #: a refusal of eligible activities needs an interview first, and reasons
    refusal_interview: bool
    refusal_reasons: bool
    #: a refusal to a disabled worker or a carer gives its reasons (private sector)
    protected_reasons: bool
    refusal_source: Source | None
    #: the longest adaptation period and the longest term (``None``: no limit)
    adaptation: Duration | None
    longest_term: Duration | None
    renewals: tuple[Renewal, ...]
    #: a renewal needs an interview with the direct superior (2016 wording)
    renewal_interview: bool
    terms_source: Source | None
    #: the notices to end telework, on either side and during adaptation
    notice_agent: Duration | None
    notice_employer: Duration | None
    notice_adaptation: Duration | None
    employer_may_shorten: bool
    #: an ending at the employer's initiative needs an interview first, and reasons
    ending_interview: bool
    notice_source: Source | None
    #: whether an appeal body may be seized (CAP or CCP)
    appeal: bool
    appeal_source: Source | None
    #: a change of duties ends the authorisation: a new request is needed
    new_request_source: Source | None


def _nothing(sector: Sector) -> Procedure:
    return Procedure(
        sector=sector,
        applies=False,
        written_request=False,
        request_source=None,
        answer_within=None,
        answer_source=None,
        refusal_interview=False,
        refusal_reasons=False,
        protected_reasons=False,
        refusal_source=None,
        adaptation=None,
        longest_term=None,
        renewals=(Renewal.EXPRESS, Renewal.TACIT),
        renewal_interview=False,
        terms_source=None,
        notice_agent=None,
        notice_employer=None,
        notice_adaptation=None,
        employer_may_shorten=False,
        ending_interview=False,
        notice_source=None,
        appeal=False,
        appeal_source=None,
        new_request_source=None,
    )


def procedure_in_force(day: dt.date | str, sector: Sector | str = Sector.PUBLIC) -> Procedure:
    """The procedure that applies to an event of ``day`` in ``sector`` (``"public"`` or
    ``"private"``; another is a :class:`~teletravail.errors.ValidationError` naming
    ``sector``)."""
    day = to_date(day, "day")
    kind = enum_value(Sector, sector, "sector")
    if kind is Sector.PRIVATE:
        # Code du travail, art. L. 1222-9; ANI of 26 November 2020: agreed terms
        return attrs.evolve(
            _nothing(kind),
            applies=True,
            request_source=PRIVATE_AGREEMENT,
            refusal_reasons=True,
            protected_reasons=True,
            refusal_source=PRIVATE_REFUSAL,
            terms_source=PRIVATE_REVERSIBILITY,
        )
    if day < FRAMEWORK_START:
        # no décret yet: nothing is checked
        return _nothing(kind)
    longest, renewals, adaptation, terms = authorisation_in_force(day)
    answer, answer_source = answer_in_force(day)
    amended = day >= AMENDED_2020
    return Procedure(
        sector=kind,
        applies=True,
        written_request=True,
        request_source=REQUEST,
        # décret 2020-524: one month from receipt or from a campaign's closing date
        answer_within=answer,
        answer_source=answer_source,
        refusal_interview=True,
        refusal_reasons=True,
        protected_reasons=False,
        refusal_source=REFUSAL_2020 if amended else REFUSAL_2016,
        adaptation=adaptation,
        longest_term=longest,
        renewals=renewals,
        # décret 2016-151 (2016): renewed by express decision after an interview
        renewal_interview=not amended,
        terms_source=terms,
        notice_agent=NOTICE_PERIODS["notice_agent"],
        notice_employer=NOTICE_PERIODS["notice_employer"],
        notice_adaptation=NOTICE_PERIODS["notice_adaptation"],
        employer_may_shorten=True,
        ending_interview=True,
        notice_source=NOTICE,
        appeal=True,
        appeal_source=APPEAL,
        new_request_source=NEW_REQUEST,
    )


def appeal_body(contract: ContractType | str | None) -> AppealBody | None:
    """The body an agent under ``contract`` appeals to: the CAP for civil servants and
    probationers, the CCP for contract staff (doctoral students on contract among
    them); ``None`` for the others, and where the contract is unknown."""
    if contract is None:
        return None
    kind = ContractType(contract)
    if kind in (ContractType.CIVIL_SERVANT, ContractType.PROBATIONER):
        return AppealBody.CAP
    if kind in (ContractType.CONTRACT_STAFF, ContractType.DOCTORAL_STUDENT):
        return AppealBody.CCP
    return None
