"""The public-service telework framework as dated branches: the texts, with their sources,
and the limits each sets on a date.

Each function below answers "what does the framework allow on this day?" with the limit
and the text it comes from; :mod:`teletravail.conformity.checks` compares a policy with
those answers. The history, each branch naming its text:

* before 2016-02-13 there is no framework (décret 2016-151 of 11 February 2016,
  published on the 12th, applies from the next day): one note, nothing else checked;
* art. 2, places: home or professional premises distinct from the employer's (2016);
  home, another private place or any place for professional use (décret 2020-524, in
  force 2020-05-07), so from then on also another site of the employer;
* art. 2-1, floating days: only since décret 2020-524 (telework had to be regular);
* art. 3: at most 3 telework days a week, at least 2 on site (all versions);
* art. 4, derogations above 3 days: health (2016); health, disability or pregnancy,
  6 months (décret 2019-637, 2019-06-27); the same, plus an exceptional situation
  (décret 2020-524, 2020-05-07); health or disability 6 months, pregnancy, carers 3
  months, exceptional situations (décret 2021-1725, 2021-12-23);
* forfait télétravail: a per-day rate and a yearly cap from 2021-09-01 (décret
  2021-1123 and its arrêtés), read from :mod:`teletravail.allowance.forfait`;
* art. 5, the authorisation's terms: one year at most, renewed by express decision, an
  adaptation period of 3 months at most (2016); no longest length and no form of
  renewal imposed, the same adaptation period (décret 2020-524, 2020-05-07); in every
  version, 2 months' notice on either side, 1 month during adaptation, the
  employer's shorter for a stated need of the service (unconfirmed).

The calendar a policy writes is read against the public holidays of the Code du
travail (:data:`CALENDAR_SOURCE`).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from teletravail import sources
from teletravail.dated import Duration
from teletravail.policy.terms import Renewal
from teletravail.scheduling.derogations import DECRET_2021_1725
from teletravail.sources import Source
from teletravail.week import PlaceKind
from teletravail.workforce import DerogationKind

__all__ = [
    "ACCORD_2021",
    "ACCORD_2021_START",
    "ART_1",
    "ART_2_2016",
    "ART_2_2020",
    "ART_3",
    "ART_4_2016",
    "ART_4_2019",
    "ART_4_2020",
    "ART_5_2016",
    "ART_5_2020",
    "CALENDAR_SOURCE",
    "DECRET_2016_151_IN_FORCE",
    "FLOATING_DAYS_START",
    "FRAMEWORK_START",
    "NOTICE",
    "NOTICE_PERIODS",
    "answer_in_force",
    "authorisation_in_force",
    "derogation_renewals_in_force",
    "derogations_in_force",
    "places_in_force",
]

#: The first day décret n° 2016-151 applies (published in the JORF of 12 February 2016,
#: in force the day after, as a text that sets no date of its own).
FRAMEWORK_START = dt.date(2016, 2, 13)
_DECRET_2019_637 = dt.date(2019, 6, 27)  # art. 4 replaced (health, disability, pregnancy)
_DECRET_2020_524 = dt.date(2020, 5, 7)  # art. 2, 2-1 and 4 amended
_DECRET_2021_1725 = dt.date(2021, 12, 23)  # art. 4: four grounds of derogation
#: The first day floating days are provided (art. 2-1, added by décret n° 2020-524):
#: before it, telework had to be regular.
FLOATING_DAYS_START: Final = _DECRET_2020_524

#: The décret itself: its publication, entry into force and legal basis.
DECRET_2016_151_IN_FORCE = sources.DECRET_2016_151
#: Art. 3: the weekly limits (every version): at most 3 days a week, at least 2 on
#: site, assessable over a month.
ART_3 = attrs.evolve(sources.DECRET_2016_151, article="3")
#: Art. 2 in its original wording: telework done regularly, at the agent's home or in
#: professional premises distinct from the employer's and from the place of assignment
#: (the wording read in secondary sources quoting the original text).
ART_2_2016 = attrs.evolve(sources.DECRET_2016_151, article="2", version=FRAMEWORK_START)
#: Art. 2 and 2-1 as amended in 2020: at home, in another private place or in any place
#: for professional use; regular or occasional telework, fixed and floating days.
ART_2_2020 = attrs.evolve(
    sources.DECRET_2016_151, article="2, 2-1", amended_by=sources.DECRET_2020_524.title
)
#: Art. 4 in its original wording: a derogation for the agent's health, after the
#: occupational doctor's opinion. Unconfirmed: the 6-month length is read in the 2019
#: wording that replaced it.
ART_4_2016 = attrs.evolve(
    sources.DECRET_2016_151, article="4", version=FRAMEWORK_START, unconfirmed=True
)
#: Art. 4 as replaced in 2019: health, disability or pregnancy, 6 months at most,
#: renewable once per authorisation period, after the occupational doctor's opinion.
ART_4_2019 = attrs.evolve(
    sources.DECRET_2016_151, article="4", amended_by=sources.DECRET_2019_637.title
)
#: Art. 4 as amended in 2020: health, disability or pregnancy, 6 months at most,
#: renewable; a temporary authorisation in an exceptional situation.
ART_4_2020 = attrs.evolve(
    sources.DECRET_2016_151, article="4", amended_by=sources.DECRET_2020_524.title
)
#: Art. 1: the décret applies to civil servants and to public agents who are not civil
#: servants (contract staff), and to magistrates: telework is open to contract staff.
ART_1 = attrs.evolve(sources.DECRET_2016_151, article="1")
#: The framework agreement of 13 July 2021 on telework in the three branches of the
#: public service: eligibility is set by the activities an agent carries out, not by
#: the post held, after social dialogue on which activities can be teleworked.
ACCORD_2021 = sources.ACCORD_FONCTION_PUBLIQUE_2021
#: The day the framework agreement was signed, from which it frames local rules.
ACCORD_2021_START: Final = dt.date(2021, 7, 13)
#: Art. 5 in its original wording: an authorisation of one year at most, renewable by
#: express decision after an interview with the direct superior and on their opinion; an
#: adaptation period of 3 months at most. Read in secondary sources of 2016 (law-firm and
#: union summaries, which say one year at most); service-public.fr's page F13974 of
#: before 2020 reads one year, or the length the employer's own rules set.
ART_5_2016 = attrs.evolve(sources.DECRET_2016_151, article="5", version=FRAMEWORK_START)
#: Art. 5 as amended in 2020: the authorisation states its length where it has one (no
#: longest length, no express renewal required); an adaptation period of 3 months at
#: most. Unconfirmed: the exact wording is read in union and management-centre summaries.
ART_5_2020 = attrs.evolve(
    sources.DECRET_2016_151,
    article="5",
    amended_by=sources.DECRET_2020_524.title,
    unconfirmed=True,
)
#: Art. 5, ending telework (2016 wording and as amended in 2020): at any time, in
#: writing, at the agent's or the administration's initiative, with 2 months' notice, 1
#: month during the adaptation period; the administration's notice may be shortened for
#: a duly reasoned need of the service. Unconfirmed: read in a Conseil d'État staff
#: arrêté of 31 December 2020 (art. 12) that restates the décret, and for 2016 in a law
#: firm's summary of the 2-month notice; the décret's own wording was not consulted.
NOTICE = attrs.evolve(sources.DECRET_2016_151, article="5", unconfirmed=True)

# -- the framework in force on a date (dated branches, each naming its text) -------------


def places_in_force(day: dt.date) -> tuple[tuple[PlaceKind, ...], Source]:
    """The places of telework the framework allows on ``day``, and the text."""
    if day >= _DECRET_2020_524:
        # décret 2020-524, art. 2: home, another private place, any professional place
        return (PlaceKind.HOME, PlaceKind.TELECENTRE, PlaceKind.SITE, PlaceKind.OTHER), ART_2_2020
    # décret 2016-151, art. 2 (2016): home, or premises distinct from the employer's
    return (PlaceKind.HOME, PlaceKind.TELECENTRE), ART_2_2016


def authorisation_in_force(
    day: dt.date,
) -> tuple[Duration | None, tuple[Renewal, ...], Duration, Source]:
    """The longest term of an authorisation on ``day`` (``None``: no limit), the forms
    of renewal allowed, the longest adaptation period, and the text."""
    if day >= _DECRET_2020_524:
        # décret 2020-524, art. 5: a length only where there is one, any renewal
        return None, (Renewal.EXPRESS, Renewal.TACIT), Duration(months=3), ART_5_2020
    # décret 2016-151, art. 5 (2016): one year at most, renewed by express decision
    return Duration(years=1), (Renewal.EXPRESS,), Duration(months=3), ART_5_2016


def answer_in_force(day: dt.date) -> tuple[Duration | None, Source | None]:
    """The time the framework gives the employer to answer a request in writing on
    ``day`` (from its receipt or a campaign's closing date), and the text; ``None``
    where the framework in force sets no time."""
    if day >= _DECRET_2020_524:
        # décret 2020-524, art. 5: a written answer within one month
        return Duration(months=1), ART_5_2020
    # the 2016 wording, as its summaries read it, sets no time for the answer
    return None, None


#: The framework's notice to end telework on either side, and during adaptation (all
#: versions; unconfirmed against the décret's wording, see :data:`NOTICE`).
NOTICE_PERIODS: dict[str, Duration] = {
    "notice_agent": Duration(months=2),
    "notice_employer": Duration(months=2),
    "notice_adaptation": Duration(months=1),
}


def derogations_in_force(day: dt.date) -> tuple[dict[DerogationKind, Duration | None], Source]:
    """The derogations above the 3-day cap on ``day``, each with its longest single
    length (``None``: the text sets none), and the text."""
    six, three = Duration(months=6), Duration(months=3)
    if day >= _DECRET_2021_1725:
        # décret 2021-1725, art. 4: 1° health or disability, 2° pregnancy, 3° carers, 4° exceptional
        return {
            DerogationKind.HEALTH: six,
            DerogationKind.PREGNANCY: None,
            DerogationKind.CARER: three,
            DerogationKind.EXCEPTIONAL: None,
        }, DECRET_2021_1725
    if day >= _DECRET_2020_524:
        # décret 2020-524: health, disability or pregnancy (6 months); exceptional situation
        return {
            DerogationKind.HEALTH: six,
            DerogationKind.PREGNANCY: six,
            DerogationKind.EXCEPTIONAL: None,
        }, ART_4_2020
    if day >= _DECRET_2019_637:
        # décret 2019-637: health, disability or pregnancy, 6 months
        return {DerogationKind.HEALTH: six, DerogationKind.PREGNANCY: six}, ART_4_2019
    # décret 2016-151, art. 4 (2016): the agent's health
    return {DerogationKind.HEALTH: six}, ART_4_2016


def derogation_renewals_in_force(
    day: dt.date,
) -> tuple[dict[DerogationKind, int | None], Source]:
    """How many times each derogation provided on ``day`` may be renewed after its first
    grant (``None``: the text sets no limit), and the text.

    2016: the health derogation is renewable once (:data:`ART_4_2016`, unconfirmed);
    2019: health, disability or pregnancy, renewable once per authorisation period
    (:data:`ART_4_2019`: counted here as once, the library does not split grants by
    authorisation period); 2020: renewable, and the exceptional situation temporary with
    no limit (:data:`ART_4_2020`); since décret 2021-1725: health or disability and
    carers renewable with no limit, pregnancy without a duration to renew, the
    exceptional situation temporary with no limit on renewal.
    """
    provided, source = derogations_in_force(day)
    if day >= _DECRET_2020_524:
        return dict.fromkeys(provided, None), source
    return dict.fromkeys(provided, 1), source


#: The calendar a document writes is checked against the holidays package's: the
#: public holidays of France (art. L. 3133-1) and of Alsace-Moselle (art. L. 3134-13),
#: as the calendar reads them.
CALENDAR_SOURCE: Final = attrs.evolve(sources.CODE_DU_TRAVAIL, article="L. 3133-1, L. 3134-13")
