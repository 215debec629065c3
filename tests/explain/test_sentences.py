"""Each criterion's sentence, passed and failed, in French and English, by hand."""

from __future__ import annotations

import pytest

from teletravail.dated import Duration
from teletravail.explain import CriterionResult, format_value
from teletravail.explain.sentences import code_words, render_criterion
from teletravail.units import Q_

NBSP, NNBSP = "\u00a0", "\u202f"
PER_WEEK = "workday/week"


def leaf(code: str, passed: bool, observed: object, threshold: object) -> CriterionResult:
    return CriterionResult(code=code, passed=passed, observed=observed, threshold=threshold)  # type: ignore[arg-type]


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


CASES = [
    (
        leaf("seniority.minimum", True, Duration(years=2, months=6), Duration(years=1)),
        "ancienneté : 2 ans 6 mois (au moins 1 an)",
        "seniority: 2 years 6 months (at least 1 year)",
    ),
    (
        leaf("seniority.minimum", False, Duration(), Duration(years=1)),
        "ancienneté : aucune, en deçà du minimum de 1 an",
        "seniority: none, less than the minimum of 1 year",
    ),
    (
        leaf("commute_distance.minimum", False, Q_(12.5, "km"), Q_(20, "km")),
        "trajet domicile-travail : 12,5 km, en deçà du minimum de 20 km",
        "one-way commute: 12.5 km, less than the minimum of 20 km",
    ),
    (
        leaf("commute_time.minimum", True, Q_(45, "minute"), Q_(30, "minute")),
        "temps de trajet : 45 minutes (au moins 30 minutes)",
        "one-way commute time: 45 minutes (at least 30 minutes)",
    ),
    (
        leaf("commute_distance.minimum", False, None, Q_(20, "km")),
        "trajet domicile-travail : inconnu, en deçà du minimum de 20 km",
        "one-way commute: unknown, less than the minimum of 20 km",
    ),
    (
        leaf("volunteer", False, False, True),
        "volontaire : non",
        "volunteer: no",
    ),
    (
        leaf("contract_type.excluded", True, "civil_servant", ("apprentice",)),
        "type de contrat : fonctionnaire (non exclu)",
        "contract type: civil servant (not excluded)",
    ),
    (
        leaf("role.excluded", False, ("cadre", "astreinte", "mobile"), ("astreinte", "mobile")),
        "fonction : cadre ; étiquettes : astreinte, mobile, exclues du télétravail",
        "role: cadre; tags: astreinte, mobile, excluded from telework",
    ),
    (
        leaf("role.excluded", True, ("",), ("cadre",)),
        "fonction : non renseignée (non exclue)",
        "role: not stated (not excluded)",
    ),
    (
        leaf("activities.excluded", False, ("accueil", "caisse"), ("accueil", "caisse")),
        "activités : accueil, caisse ; exclues du télétravail : accueil, caisse",
        "activities: accueil, caisse; excluded from telework: accueil, caisse",
    ),
    (
        leaf("derogation.active", False, (), ("health", "pregnancy")),
        "dérogation en cours : aucune, il en faut une parmi : santé ou handicap, grossesse",
        "derogation in force: none, one of these is required: health or disability, pregnancy",
    ),
    (
        leaf("derogation.active", True, ("carer",), ("carer",)),
        "dérogation en cours : proche aidant",
        "derogation in force: carer",
    ),
    (
        leaf("quota.granularity", False, Q_(1.25, PER_WEEK), Q_(0.5, "workday")),
        "télétravail demandé : 1,25 jour par semaine, pas par demi-journées",
        "telework asked: 1.25 days a week, not in half days",
    ),
    (
        leaf("quota.granularity", False, Q_(1.5, PER_WEEK), Q_(1, "workday")),
        "télétravail demandé : 1,5 jour par semaine, pas en journées entières",
        "telework asked: 1.5 days a week, not in whole days",
    ),
    (
        leaf("quota.granularity", False, Q_(1.1, PER_WEEK), Q_(0.25, "workday")),
        "télétravail demandé : 1,1 jour par semaine, pas par multiples de 0,25 jour",
        "telework asked: 1.1 days a week, not in steps of 0.25 days",
    ),
    (
        leaf("quota.workdays", False, Q_(5, PER_WEEK), Q_(4, PER_WEEK)),
        "télétravail demandé : 5 jours par semaine, plus que les jours travaillés (4 jours"
        " par semaine)",
        "telework asked: 5 days a week, more than the days worked (4 days a week)",
    ),
    (
        leaf("quota.minimum", False, Q_(0.5, PER_WEEK), Q_(1, PER_WEEK)),
        "télétravail demandé : 0,5 jour par semaine, en deçà du minimum de 1 jour par semaine",
        "telework asked: 0.5 days a week, less than the minimum of 1 day a week",
    ),
    (
        leaf("population.none", False, None, ("cadres", "agents")),
        "dans aucune des populations du dispositif (« cadres », « agents »)",
        "in none of the scheme's populations (“cadres”, “agents”)",
    ),
    (
        leaf("union.member_since", True, Duration(years=2), Duration(years=1)),
        "union member since : 2 ans",
        "union member since: 2 years",
    ),
]


@pytest.mark.parametrize(("result", "french", "english"), CASES)
def test_sentences_by_hand(result: CriterionResult, french: str, english: str) -> None:
    assert plain(render_criterion(result, "fr")) == french
    assert render_criterion(result, "en") == english


def test_a_description_of_the_application_s_own_is_kept() -> None:
    own = CriterionResult(
        code="union.member",
        passed=True,
        observed=True,
        threshold=True,
        description="union member",
        description_fr="syndiqué",
    )
    assert render_criterion(own, "fr") == "syndiqué"
    assert render_criterion(own, "en") == "union member"


def test_values_in_words() -> None:
    import datetime as dt

    assert format_value(dt.date(2013, 9, 1), "fr") == "1er septembre 2013"
    assert format_value(("applications_metier", "travail_social"), "fr") == (
        "applications metier, travail social"
    )
    assert format_value((), "fr") == "aucune"
    assert code_words("  a__b ") == "a b" and code_words("") == "-"
