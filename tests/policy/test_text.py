"""Assessments as text, held to texts written by hand: an agent granted under the Lot's
2013 scheme and under the public-service framework (how the days and the amount were
reached), a refused ask, an agent outside a scheme with populations; and every preset's
French text, for varied agents, free of codes, English words and ISO dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from teletravail import Agent, config, presets
from teletravail.explain import RULE_NAMES
from teletravail.policy.statuses import RULE_ORDER
from teletravail.statuses import RowStatus

from .test_populations import UNIVERSITY

NBSP, NNBSP = "\u00a0", "\u202f"


def without_sources(text: str) -> str:
    """The text without its source lines (the sources' own wording), its no-break
    spaces as plain spaces, for reading."""
    kept = [line for line in text.splitlines() if not line.strip().startswith("source")]
    return "\n".join(kept).replace(NBSP, " ").replace(NNBSP, " ")


def test_granted_under_the_lot_2013_scheme() -> None:
    agent = Agent(id="C", hire_date="2010-09-01", role="instructeur")
    assessment = presets.load("lot-2013").assess(agent, on="2013-03-01")
    assert without_sources(assessment.text("fr")).splitlines()[7:] == [
        "période : du 1er janvier au 31 décembre 2013",
        "statut : accordé",
        "demandé : 1,5 jour par semaine",
        "Agent C au 1er mars 2013 : accordé",
        "maximum accordé : 1,5 jour par semaine",
        "✓ toutes les conditions :",
        "  ✓ télétravail demandé : 1,5 jour par semaine (au plus 1,5 jour par semaine)",
        "  ✓ présence sur site : 3,5 jours par semaine (au moins 2 jours par semaine)",
        "  ✓ télétravail demandé : 1,5 jour par semaine (au moins 1 jour par semaine)",
        "accordé : mardi à domicile, jeudi matin à domicile (1,5 jour par semaine)",
        "jours de télétravail : 64,5 jours au calendrier, moins 6,5 jours de congés (25 jours"
        " de congés par an), soit 58 jours",
        "indemnités : 100,00 €",
        "  indemnité de démarrage : 100,00 €",
    ]
    assert without_sources(assessment.text("en")).splitlines()[-4:] == [
        "granted: Tuesday at home, Thursday morning at home (1.5 days a week)",
        "telework days: 64.5 days on the calendar, less 6.5 days of leave (25 days of leave a"
        " year), that is 58 days",
        "allowance: €100.00",
        "  indemnité de démarrage: €100.00",
    ]


def test_granted_under_the_public_service_framework() -> None:
    agent = Agent(id="D", hire_date="2010-09-01", requested_telework="3 workday/week")
    assessment = presets.load("public-service").assess(agent, on="2025-03-01")
    assert without_sources(assessment.text("fr")).splitlines()[-4:] == [
        "accordé : lundi à domicile, mercredi à domicile, vendredi à domicile (3 jours par"
        " semaine)",
        "jours de télétravail : 127 jours au calendrier, moins 12,5 jours de congés (25 jours"
        " de congés par an), soit 114,5 jours",
        "indemnités : 253,44 €",
        "  forfait télétravail : 253,44 € (2025 : 114,5 jours à 2,88 € = 329,76 €, plafonné"
        " à 253,44 €)",
    ]
    assert assessment.text("en").splitlines()[-2:] == [
        "allowance: €253.44",
        "  forfait télétravail: €253.44 (2025: 114.5 days at €2.88 = €329.76, capped at €253.44)",
    ]


def test_a_refused_ask_says_nothing_is_granted_nor_paid() -> None:
    agent = Agent(id="F", hire_date="2010-09-01", requested_telework="4 workday/week")
    assessment = presets.load("public-service").assess(agent, on="2025-03-01")
    assert assessment.status == "refused"
    assert without_sources(assessment.text("fr")).splitlines()[-10:] == [
        "statut : refusé",
        "demandé : 4 jours par semaine",
        "Agent F au 1er mars 2025 : refusé",
        "maximum accordé : 3 jours par semaine",
        "✗ toutes les conditions :",
        "  ✗ télétravail demandé : 4 jours par semaine, au-delà du maximum de 3 jours par semaine",
        "  ✗ présence sur site : 1 jour par semaine, en deçà du minimum de 2 jours par semaine",
        "en cause : maximum de télétravail et présence sur site",
        "ce qui serait accordé : au plus 3 jours par semaine, avec au moins 2 jours par"
        " semaine sur site",
        "rien n'est accordé ni versé",
    ]
    assert "0,00" not in assessment.text("fr") and "€0.00" not in assessment.text("en")
    assert assessment.text("en").splitlines()[-1] == "nothing is granted or paid"


def test_a_place_not_allowed_is_named() -> None:
    agent = Agent(id="L", hire_date="2010-09-01", pattern="Mon @ home")
    assessment = presets.load("lozere-2015").assess(agent, on="2015-05-01")
    assert assessment.status == "refused"
    assert without_sources(assessment.text("fr")).splitlines()[-3:] == [
        "en cause : lieux de télétravail",
        "lieux autorisés : télécentre",
        "rien n'est accordé ni versé",
    ]


def test_an_agent_outside_a_scheme_with_populations() -> None:
    university = config.loads(UNIVERSITY)
    gardener = Agent(id="X-1", hire_date="2015-09-01", role="jardinier")
    assert university.assess(gardener, on="2024-01-01").text("fr").replace(NBSP, " ") == (
        "Agent X-1 au 1er janvier 2024 : non concerné par le dispositif\n"
        "✗ dans aucune des populations du dispositif (« temps partiel », « administratifs »)\n"
        "période : du 1er janvier au 31 décembre 2024\n"
        "statut : non concerné\n"
        "rien n'est accordé ni versé"
    )
    teacher = Agent(id="E-1", hire_date="2015-09-01", role="enseignant")
    assert university.assess(teacher, on="2024-01-01").text("en") == (
        "Agent E-1 on 1 January 2024: not concerned by the scheme\n"
        "✗ population “enseignants”: outside the scheme\n"
        "period assessed: 1 January to 31 December 2024\n"
        "status: not concerned\n"
        "nothing is granted or paid"
    )


def test_the_status_is_its_label() -> None:
    agent = Agent(id="V", hire_date="2005-01-01", requested_telework="0 workday/week")
    assessment = presets.load("public-service").assess(agent, on="2025-03-01")
    label = RowStatus.NOT_ASKED.label
    assert f"statut{NBSP}: {label.text('fr')}" in assessment.text("fr")
    assert f"status: {label}" in assessment.text("en")


def test_an_unknown_language_is_a_typed_error() -> None:
    from teletravail.errors import ValidationError

    assessment = presets.load("lot-2013").assess(
        Agent(id="A", hire_date="2010-01-01"), "2013-03-01"
    )
    with pytest.raises(ValidationError) as caught:
        assessment.text("de")
    assert caught.value.field == "lang" and "en, fr" in str(caught.value)


def agents(on: dt.date) -> list[Agent]:
    """Varied agents: newly hired part-time with a pattern, an excluded role asking too
    much, a part-time apprentice at a télécentre, one day with known absences, no ask."""
    recent = on - dt.timedelta(days=100)
    return [
        Agent(
            id="N",
            hire_date=recent,
            role="cadre",
            working_time="50 %",
            pattern="Mon @ home, Tue am @ home",
        ),
        Agent(
            id="S",
            hire_date="2005-01-01",
            role="applications_metier",
            requested_telework="3 workday/week",
        ),
        Agent(
            id="T",
            hire_date="2005-01-01",
            role="instructeur",
            working_time="80 %",
            contract_type="apprenti",
            pattern="Thu @ telecentre:Mende",
            commute_distance="40 km",
        ),
        Agent(
            id="U",
            hire_date="2005-01-01",
            role="instructeur",
            requested_telework="1 workday/week",
            commute_distance="40 km",
            absences=(),
        ),
        Agent(id="V", hire_date="2005-01-01", requested_telework="0 workday/week"),
    ]


CODES = sorted(code for code in {*RULE_NAMES, *RULE_ORDER} if "." in code)
ENGLISH = re.compile(r"\b(workday|week|home|EUR|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("name", presets.names())
def test_every_preset_in_french_is_free_of_codes_and_english(name: str) -> None:
    """The source lines aside (the sources' own wording), no ISO date, no code, no
    underscore inside a word, no English unit or weekday, no brackets, no ``jour(s)``."""
    policy = presets.load(name)
    on = policy.period.start + dt.timedelta(days=61)
    statuses = set()
    for agent in agents(on):
        assessment = policy.assess(agent, on=on)
        statuses.add(assessment.status)
        text = without_sources(assessment.text("fr"))
        assert not ISO_DATE.search(text), text
        assert not re.search(r"\w_\w", text), text
        assert not ENGLISH.search(text), text
        assert not any(code in text for code in [*CODES, "volunteer"]), text
        assert "[" not in text and "]" not in text and "jour(s)" not in text, text
        english = without_sources(assessment.text("en"))
        assert not ISO_DATE.search(english) and "day(s)" not in english, english
        assert "[" not in english and not any(code in english for code in CODES), english
    assert len(statuses) >= 2
