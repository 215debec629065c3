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
from teletravail.messages import NBSP, NNBSP, Phrase
from teletravail.policy.terms import Renewal
from teletravail.scheduling.derogations import DECRET_2021_1725
from teletravail.sources import Source
from teletravail.week import PlaceKind
from teletravail.workforce import DerogationKind

__all__ = [
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
    "authorisation_in_force",
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
DECRET_2016_151_IN_FORCE = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "published in the JORF of 12 February 2016, in force from 13 February 2016; taken"
        " for loi n° 2012-347, art. 133",
        "publié au JORF du 12 février 2016, en vigueur à partir du 13 février 2016"
        + NNBSP
        + "; pris pour l'application de la loi n° 2012-347, art. 133",
    ),
)
#: Art. 3: the weekly limits (every version).
ART_3 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 3, at most 3 days a week, at least 2 on site, assessable over a month",
        "art. 3, au plus 3 jours par semaine, au moins 2 sur site, appréciés sur le mois",
    ),
)
ART_2_2016 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 2 (original wording), telework done regularly, at the agent's home or in"
        " professional premises distinct from the employer's and from the place of"
        " assignment",
        "art. 2 (rédaction d'origine), télétravail exercé de façon régulière, au domicile"
        " de l'agent ou dans des locaux professionnels distincts de ceux de l'employeur et"
        " du lieu d'affectation",
    ),
    note=Phrase(
        "wording from secondary sources quoting the original text",
        "rédaction lue dans des sources secondaires qui citent le texte d'origine",
    ),
)
ART_2_2020 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 2 and 2-1, as amended by décret n° 2020-524 du 5 mai 2020, in force from"
        " 7 May 2020: at home, in another private place or in any place for professional"
        " use; regular or occasional telework, fixed and floating days",
        "art. 2 et 2-1, modifiés par le décret n° 2020-524 du 5 mai 2020, en vigueur à"
        " partir du 7 mai 2020" + NBSP + ": au domicile, dans un autre lieu privé ou dans"
        " tout lieu à usage professionnel" + NNBSP + "; télétravail régulier ou ponctuel,"
        " jours fixes et jours flottants",
    ),
)
ART_4_2016 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 4 (original wording), derogation for the agent's health, after the"
        " occupational doctor's opinion",
        "art. 4 (rédaction d'origine), dérogation pour l'état de santé de l'agent, après"
        " avis du médecin de prévention",
    ),
    note=Phrase(
        "unconfirmed: the 6-month length is read in the 2019 wording that replaced it",
        "non confirmé" + NBSP + ": la durée de 6 mois est lue dans la rédaction de 2019"
        " qui l'a remplacé",
    ),
)
ART_4_2019 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 4, as replaced by décret n° 2019-637 du 25 juin 2019, in force from 27 June"
        " 2019: health, disability or pregnancy, 6 months at most, renewable once per"
        " authorisation period, after the occupational doctor's opinion",
        "art. 4, remplacé par le décret n° 2019-637 du 25 juin 2019, en vigueur à partir"
        " du 27 juin 2019" + NBSP + ": état de santé, handicap ou grossesse, 6 mois au"
        " plus, renouvelable une fois par période d'autorisation, après avis du médecin de"
        " prévention",
    ),
)
ART_4_2020 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 4, as amended by décret n° 2020-524 du 5 mai 2020, in force from 7 May 2020:"
        " health, disability or pregnancy, 6 months at most, renewable; a temporary"
        " authorisation in an exceptional situation",
        "art. 4, modifié par le décret n° 2020-524 du 5 mai 2020, en vigueur à partir du"
        " 7 mai 2020" + NBSP + ": état de santé, handicap ou grossesse, 6 mois au plus,"
        " renouvelable" + NNBSP + "; une autorisation temporaire en cas de situation"
        " exceptionnelle",
    ),
)
ART_5_2016 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 5 (original wording), an authorisation of one year at most, renewable by"
        " express decision after an interview with the direct superior and on their"
        " opinion; an adaptation period of 3 months at most",
        "art. 5 (rédaction d'origine), une autorisation d'un an au plus, renouvelable par"
        " décision expresse après entretien avec le supérieur hiérarchique direct et sur"
        " son avis" + NNBSP + "; une période d'adaptation de 3 mois au plus",
    ),
    note=Phrase(
        "read in secondary sources of 2016 (law-firm and union summaries, which say one year"
        " at most); service-public.fr's page F13974 of before 2020 reads one year, or the"
        " length the employer's own rules set",
        "lu dans des sources secondaires de 2016 (synthèses de cabinets d'avocats et de"
        " syndicats, qui disent un an au plus)" + NNBSP + "; la fiche F13974 de"
        " service-public.fr d'avant 2020 dit un an, ou la durée que fixent les règles de"
        " l'employeur",
    ),
)
ART_5_2020 = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 5, as amended by décret n° 2020-524 du 5 mai 2020, in force from 7 May 2020:"
        " the authorisation states its length where it has one (no longest length, no"
        " express renewal required); an adaptation period of 3 months at most",
        "art. 5, modifié par le décret n° 2020-524 du 5 mai 2020, en vigueur à partir du"
        " 7 mai 2020" + NBSP + ": l'autorisation indique sa durée quand elle en a une (pas"
        " de durée maximale, pas de renouvellement exprès exigé)" + NNBSP + "; une période"
        " d'adaptation de 3 mois au plus",
    ),
    note=Phrase(
        "exact wording unconfirmed: read in union and management-centre summaries",
        "rédaction exacte non confirmée" + NBSP + ": lue dans des synthèses de syndicats et"
        " de centres de gestion",
    ),
)
NOTICE = attrs.evolve(
    sources.DECRET_2016_151,
    reference=Phrase(
        "art. 5, ending telework (2016 wording and as amended in 2020): at any time, in"
        " writing, at the agent's or the administration's initiative, with 2 months'"
        " notice, 1 month during the adaptation period; the administration's notice may be"
        " shortened for a duly reasoned need of the service",
        "art. 5, fin du télétravail (rédaction de 2016 et modifiée en 2020)" + NBSP + ": à"
        " tout moment, par écrit, à l'initiative de l'agent ou de l'administration, avec un"
        " préavis de 2 mois, 1 mois pendant la période d'adaptation" + NNBSP + "; le"
        " préavis de l'administration peut être réduit en cas de nécessité du service"
        " dûment motivée",
    ),
    note=Phrase(
        "unconfirmed: read in a Conseil d'État staff arrêté of 31 December 2020 (art. 12)"
        " that restates the décret, and for 2016 in a law firm's summary of the 2-month"
        " notice; the décret's own wording was not consulted",
        "non confirmé" + NBSP + ": lu dans un arrêté du 31 décembre 2020 relatif aux agents"
        " du Conseil d'État (art. 12) qui reprend le décret, et pour 2016 dans la synthèse"
        " d'un cabinet d'avocats sur le préavis de 2 mois" + NNBSP + "; la rédaction du"
        " décret lui-même n'a pas été consultée",
    ),
)

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


#: The calendar a document writes is checked against the holidays package's.
CALENDAR_SOURCE: Final = attrs.evolve(
    sources.CODE_DU_TRAVAIL,
    reference=Phrase(
        "art. L. 3133-1 (public holidays) and L. 3134-13 (Alsace-Moselle), the public"
        " holidays of France and of its subdivisions, as the calendar reads them",
        "art. L. 3133-1 (jours fériés) et L. 3134-13 (Alsace-Moselle), les jours fériés de"
        " la France et de ses subdivisions, tels que le calendrier les lit",
    ),
)
