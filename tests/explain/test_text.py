"""Decisions and quota checks as text, held to texts written by hand in French and
English: the verdict, each criterion read right whether it passed or failed, the rules
in the way by their names, and what would make a refusal acceptable."""

from __future__ import annotations

import attrs
import pytest

from teletravail import Agent, presets
from teletravail.errors import QuotaExceededError, ValidationError
from teletravail.explain import Decision, render_decision
from teletravail.scheduling import QuotaDecision
from teletravail.scheduling import presets as quota_presets
from teletravail.statuses import RowStatus
from teletravail.week import WeeklyPattern

NBSP, NNBSP = "\u00a0", "\u202f"


def without_sources(text: str) -> str:
    """The text without its source lines (their wording is the sources' own, tested
    with them); the French colons' no-break spaces as plain spaces, for reading."""
    kept = [line for line in text.splitlines() if not line.strip().startswith("source")]
    return "\n".join(kept).replace(NBSP, " ").replace(NNBSP, " ")


def lot_decision(hire_date: str = "2012-09-01", **fields: object) -> Decision:
    agent = Agent(id="B", hire_date=hire_date, role="instructeur", **fields)  # type: ignore[arg-type]
    return presets.load("lot-2013").assess(agent, on="2013-03-01").decision


def test_not_eligible_by_seniority_says_from_when() -> None:
    decision = lot_decision()
    assert without_sources(decision.text("fr")) == (
        "Agent B au 1er mars 2013 : non éligible\n"
        "✗ toutes les conditions :\n"
        "  ✗ ancienneté : 6 mois, en deçà du minimum de 1 an\n"
        "  ✓ quotité de travail : 100 % (au moins 90 %)\n"
        "  ✓ fonction : instructeur (non exclue)\n"
        "  ✓ volontaire : oui\n"
        "  ✓ poste télétravaillable : oui\n"
        "en cause : ancienneté minimale\n"
        "éligible à partir du 1er septembre 2013 (ancienneté d'au moins 1 an)"
    )
    assert without_sources(decision.text("en")) == (
        "Agent B on 1 March 2013: not eligible\n"
        "✗ all of:\n"
        "  ✗ seniority: 6 months, less than the minimum of 1 year\n"
        "  ✓ working time: 100% (at least 90%)\n"
        "  ✓ role: instructeur (not excluded)\n"
        "  ✓ volunteer: yes\n"
        "  ✓ teleworkable post: yes\n"
        "in the way: minimum seniority\n"
        "eligible from 1 September 2013 (seniority of at least 1 year)"
    )


def test_the_rule_in_the_way_is_cited_with_its_source() -> None:
    decision = lot_decision()
    lines = decision.text("fr").splitlines()
    blocking = lines.index(f"en cause{NBSP}: ancienneté minimale")
    source = next(decision.result.leaves()).source
    assert source is not None
    assert lines[blocking + 1] == f"  source{NBSP}: {source.cite('fr')}"
    assert f"  source: {source.cite('en')}" in decision.text("en").splitlines()


def test_not_eligible_by_working_time_says_what_is_required() -> None:
    alone = lot_decision(hire_date="2010-01-01", working_time="80 %")
    assert without_sources(alone.text("fr")).splitlines()[-2:] == [
        "en cause : quotité de travail minimale",
        "pour être éligible : quotité de travail d'au moins 90 %",
    ]
    assert alone.text("en").splitlines()[-1] == "to be eligible: working time of at least 90%"
    decision = lot_decision(working_time="80 %")
    assert without_sources(decision.text("fr")).splitlines()[2:] == [
        "  ✗ ancienneté : 6 mois, en deçà du minimum de 1 an",
        "  ✗ quotité de travail : 80 %, en deçà du minimum de 90 %",
        "  ✓ fonction : instructeur (non exclue)",
        "  ✓ volontaire : oui",
        "  ✓ poste télétravaillable : oui",
        "en cause : ancienneté minimale et quotité de travail minimale",
        "pour être éligible : ancienneté d'au moins 1 an, atteinte le 1er septembre 2013 ;"
        " quotité de travail d'au moins 90 %",
    ]
    assert without_sources(decision.text("en")).splitlines()[-2:] == [
        "in the way: minimum seniority and minimum working time",
        "to be eligible: seniority of at least 1 year, reached on 1 September 2013;"
        " working time of at least 90%",
    ]


def test_not_eligible_by_an_excluded_role_or_tag() -> None:
    agent = Agent(id="R", hire_date="2010-01-01", role="applications_metier")
    decision = presets.load("lot-2013").assess(agent, on="2013-03-01").decision
    assert without_sources(decision.text("fr")).splitlines()[4:] == [
        "  ✗ fonction : applications metier, exclue du télétravail",
        "  ✓ volontaire : oui",
        "  ✓ poste télétravaillable : oui",
        "en cause : fonctions exclues",
    ]
    assert "  ✗ role: applications metier, excluded from telework" in decision.text("en")
    tagged = Agent(id="T", hire_date="2010-01-01", role="instructeur", tags=["cadre"])
    decision = presets.load("lot-2013").assess(tagged, on="2013-03-01").decision
    assert (
        f"  ✗ fonction{NBSP}: instructeur{NNBSP}; étiquette{NBSP}: cadre, exclue du télétravail"
        in decision.text("fr")
    )
    assert "  ✗ role: instructeur; tag: cadre, excluded from telework" in decision.text("en")


def test_a_passing_role_with_tags_reads_as_passing() -> None:
    agent = Agent(id="T", hire_date="2010-01-01", role="instructeur", tags=["accueil", "mobile"])
    decision = presets.load("lot-2013").assess(agent, on="2013-03-01").decision
    assert (
        "  ✓ fonction : instructeur (non exclue) ; étiquettes : accueil, mobile (non exclues)"
        in without_sources(decision.text("fr"))
    )
    assert "  ✓ role: instructeur (not excluded); tags: accueil, mobile (not excluded)" in (
        decision.text("en")
    )


def test_the_verdicts_are_the_statuses_labels() -> None:
    """The verdicts are worded as the row statuses' labels (this package cannot import
    them: they sit beside it)."""
    refused = lot_decision()
    for lang in ("en", "fr"):
        head = refused.text(lang).splitlines()[0]  # type: ignore[arg-type]
        assert head.endswith(RowStatus.NOT_ELIGIBLE.label.text(lang))  # type: ignore[arg-type]
    quota = presets.load("public-service").quota
    assert quota is not None
    agent = Agent(id="P", hire_date="2010-01-01")
    granted = quota.check(WeeklyPattern.of(["mon"]), agent, "2024-01-01")
    assert granted.text("fr").splitlines()[0].endswith(RowStatus.GRANTED.label.text("fr"))
    assert granted.text("en").splitlines()[0].endswith(str(RowStatus.GRANTED.label))


def test_a_quota_refusal_for_too_many_days() -> None:
    quota = presets.load("public-service").quota
    assert quota is not None
    agent = Agent(id="P", hire_date="2010-01-01")
    decision = quota.check(WeeklyPattern.of(["mon", "tue", "wed", "thu"]), agent, "2024-01-01")
    assert without_sources(decision.text("fr")) == (
        "Agent P au 1er janvier 2024 : refusé\n"
        "maximum accordé : 3 jours par semaine\n"
        "✗ toutes les conditions :\n"
        "  ✗ télétravail demandé : 4 jours par semaine, au-delà du maximum de 3 jours par"
        " semaine\n"
        "  ✗ présence sur site : 1 jour par semaine, en deçà du minimum de 2 jours par"
        " semaine\n"
        "en cause : maximum de télétravail et présence sur site\n"
        "ce qui serait accordé : au plus 3 jours par semaine, avec au moins 2 jours par"
        " semaine sur site"
    )
    assert without_sources(decision.text("en")) == (
        "Agent P on 1 January 2024: refused\n"
        "most allowed: 3 days a week\n"
        "✗ all of:\n"
        "  ✗ telework asked: 4 days a week, more than the maximum of 3 days a week\n"
        "  ✗ presence on site: 1 day a week, less than the minimum of 2 days a week\n"
        "in the way: telework maximum and presence on site\n"
        "what would be granted: at most 3 days a week, with at least 2 days a week on site"
    )


def test_a_quota_refusal_under_a_part_time_cap_says_the_working_time() -> None:
    base = presets.load("public-service").quota
    assert base is not None
    quota = attrs.evolve(base, part_time=quota_presets.part_time_caps())
    agent = Agent(id="P", hire_date="2010-01-01", working_time="80 %")
    decision = quota.check(WeeklyPattern.of(["mon", "tue", "thu"]), agent, "2024-01-01")
    french = without_sources(decision.text("fr")).splitlines()
    assert french[1] == "maximum accordé : 2 jours par semaine à 80 %"
    assert french[3] == (
        "  ✗ télétravail demandé : 3 jours par semaine, au-delà du maximum de 2,5 jours par semaine"
    )
    assert french[-1] == (
        "ce qui serait accordé : au plus 2 jours par semaine à 80 %, avec au moins 2 jours"
        " par semaine sur site"
    )
    english = decision.text("en").splitlines()
    assert english[-1] == (
        "what would be granted: at most 2 days a week at 80%, with at least 2 days a week on site"
    )
    document = decision.to_dict()  # the working time goes with the document, and its text
    assert document["working_time"] == {"value": 80.0, "unit": "%"}
    assert QuotaDecision.from_dict(document).text("fr") == decision.text("fr")


def test_a_derogation_is_named_in_words() -> None:
    quota = presets.load("public-service").quota
    assert quota is not None
    agent = Agent(id="B", hire_date="2015-01-01", derogations=["pregnancy:2024-02-01/2024-07-31"])
    week = WeeklyPattern.of(["mon", "tue", "wed", "thu", "fri"])
    decision = quota.check(week, agent, "2024-03-01")
    assert without_sources(decision.text("fr")).splitlines()[1:] == [
        "maximum accordé : 5 jours par semaine (dérogation : grossesse)",
        "✓ toutes les conditions :",
        "  ✓ télétravail demandé : 5 jours par semaine (au plus 5 jours par semaine)",
        "  ✓ présence sur site : 0 jour par semaine",
    ]
    assert decision.text("en").splitlines()[1] == (
        "most allowed: 5 days a week (derogation: pregnancy)"
    )


def test_the_quota_error_names_the_date_and_the_rules_in_words() -> None:
    quota = presets.load("public-service").quota
    assert quota is not None
    agent = Agent(id="P", hire_date="2010-01-01")
    decision = quota.check(WeeklyPattern.of(["mon", "tue", "wed", "thu"]), agent, "2024-01-01")
    error = QuotaExceededError(decision)
    assert str(error) == (
        "pattern: expected at most 3 days a week on 1 January 2024 (telework maximum,"
        " presence on site), got '4 days a week'"
    )
    assert error.text("fr") == (
        f"pattern{NBSP}: attendu au plus 3 jours par semaine le 1er janvier 2024 (maximum de"
        f" télétravail, présence sur site), trouvé «{NBSP}4 jours par semaine{NBSP}»"
    )
    assert error.to_dict()["decision"]["failures"] == ["quota.maximum", "quota.on_site"]


def test_an_unknown_language_is_a_typed_error_listing_the_known_ones() -> None:
    decision = lot_decision()
    with pytest.raises(ValidationError) as caught:
        render_decision(decision, "de")  # type: ignore[arg-type]
    assert caught.value.field == "lang" and "en, fr" in str(caught.value)
