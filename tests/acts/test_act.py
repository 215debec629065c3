"""The individual act: built from a policy with the library's figures, and refused,
naming the field, without a mandatory mention or with terms the framework does not
allow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from teletravail.acts import (
    MENTIONS_SOURCE,
    ActKind,
    AppealBody,
    Employer,
    IndividualAct,
    MissingMentionError,
    Modality,
    ModalityKind,
    Sector,
    Teleworker,
)
from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.policy.terms import AuthorisationTerms, Renewal
from teletravail.presets import load_policy
from teletravail.spans import Authorisation
from teletravail.week import Place
from teletravail.workforce.agent import Agent

from . import lot_act

LOT = Employer(name="Préfecture du Lot", territory="Lot")


def agent(**changes: Any) -> Agent:
    fields: dict[str, Any] = {
        "id": "A-1",
        "hire_date": "2015-01-01",
        "contract_type": "civil_servant",
        "role": "juriste",
        "pattern": "Tue @ home, Thu @ telecentre:Figeac",
    }
    return Agent(**(fields | changes))


def from_public(**changes: Any) -> IndividualAct:
    policy = changes.pop("policy", load_policy("public-service"))
    who = changes.pop("agent", agent())
    fields: dict[str, Any] = {
        "kind": "arrêté",
        "employer": LOT,
        "name": "Claire Martin",
        "duties": "instruction des marchés",
        "hours": "9h-12h, 14h-17h",
        "signed_at": "Cahors",
    }
    return IndividualAct.from_policy(policy, who, "2025-09-01", **(fields | changes))


def test_from_policy_takes_the_pattern_and_terms_the_library_grants() -> None:
    """The fixed days are the assessment's pattern, the adaptation and notice the
    policy's terms, the appeal body the contract type's."""
    policy = load_policy("public-service")
    assessment = policy.assess(agent(), "2025-09-01")
    act = from_public()
    assert act.modality.pattern == assessment.pattern
    assert act.modality.kind is ModalityKind.FIXED
    assert act.places == (Place.parse("home"), Place.parse("telecentre:Figeac"))
    assert act.start == dt.date(2025, 9, 1) and act.signed_on == dt.date(2025, 9, 1)
    terms = policy.authorisation
    assert terms is not None
    assert act.adaptation == terms.adaptation == Duration(months=3)
    assert act.notice_agent == Duration(months=2) and act.notice_adaptation == Duration(months=1)
    assert act.employer_may_shorten is terms.employer_may_shorten is True
    assert act.duration is None and act.end is None
    assert act.adaptation_end == dt.date(2025, 11, 30)
    assert act.appeal is AppealBody.CAP and act.sector is Sector.PUBLIC
    assert act.rules == policy.name
    assert act.sources[-1] == MENTIONS_SOURCE
    assert set(policy.sources) <= set(act.sources)
    assert act.teleworker == Teleworker(
        id="A-1", name="Claire Martin", duties="instruction des marchés", post="juriste"
    )


def test_from_policy_reduces_an_ask_as_the_assessment_does() -> None:
    """Four days asked under a 3-day cap that reduces: the act has the 3 days granted."""
    policy = attrs.evolve(load_policy("public-service"), asks="reduce")
    who = agent(pattern="Mon @ home, Tue @ home, Wed @ home, Thu @ home")
    assessment = policy.assess(who, "2025-09-01")
    act = from_public(policy=policy, agent=who, assessment=assessment)
    assert act.modality.pattern == assessment.pattern
    assert act.modality.pattern is not None and len(act.modality.pattern.days) == 3


def test_from_policy_uses_the_agents_authorisation_and_contract() -> None:
    """The start and adaptation of the agent's own authorisation; contract staff
    appeal to the CCP; floating days make the modality mixed."""
    who = agent(
        contract_type="contractuel",
        authorisation=Authorisation(start="2025-10-01", adaptation="2 mois"),
    )
    act = from_public(agent=who, floating=5, per="month", signed_on="2025-09-15")
    assert act.start == dt.date(2025, 10, 1) and act.adaptation == Duration(months=2)
    assert act.appeal is AppealBody.CCP
    assert act.modality.kind is ModalityKind.MIXED and act.modality.floating == 5
    assert act.signed_on == dt.date(2025, 9, 15)


def test_from_policy_writes_down_the_grant_of_a_history() -> None:
    """With the agent's history, the act's start, adaptation and duration are those of
    its grant and the appeal body that of its contract; a history not yet granted, or
    of the private sector under an arrêté, is refused naming ``history``."""
    from teletravail.procedure import AuthorisationHistory

    asked = AuthorisationHistory(contract="contract_staff").then("request", "2025-06-02")
    granted = asked.then(
        "grant", "2025-06-20", start="2025-07-01", adaptation="1 month", duration="1 year"
    )
    act = from_public(history=granted)
    assert (act.start, act.adaptation, act.duration) == (
        dt.date(2025, 7, 1),
        Duration(months=1),
        Duration(years=1),
    )
    assert act.appeal is AppealBody.CCP and act.adaptation_end == dt.date(2025, 7, 31)
    for history in (asked, AuthorisationHistory(sector="private").then("request", "2025-06-02")):
        with pytest.raises(ValidationError) as caught:
            from_public(history=history)
        assert caught.value.field == "history"


def test_from_policy_refuses_an_agent_granted_nothing() -> None:
    """A volunteer on a post that cannot be teleworked is granted nothing: no act."""
    with pytest.raises(ValidationError) as caught:
        from_public(agent=agent(teleworkable_post=False))
    assert caught.value.field == "agent"


def test_from_policy_needs_an_appeal_body_it_cannot_infer() -> None:
    """An apprentice in the public service: the appeal body must be stated."""
    with pytest.raises(ValidationError) as caught:
        from_public(agent=agent(contract_type="apprentice"))
    assert caught.value.field == "contract_type"
    act = from_public(agent=agent(contract_type="apprentice"), appeal="ccp")
    assert act.appeal is AppealBody.CCP


def test_private_sector_notice_comes_from_the_terms() -> None:
    """An avenant takes the policy's agreed notice and has no appeal body; without
    agreed notice it is refused, naming the notice."""
    policy = load_policy("private-sector")
    terms = AuthorisationTerms(
        duration="1 an", renewal="tacit", notice_agent="1 mois", notice_employer="1 mois"
    )
    act = from_public(policy=attrs.evolve(policy, authorisation=terms), kind="avenant")
    assert act.kind is ActKind.AVENANT and act.appeal is AppealBody.NONE
    assert act.notice_employer == Duration(months=1) and act.renewal is Renewal.TACIT
    assert act.end == dt.date(2026, 8, 31)
    with pytest.raises(ValidationError) as caught:
        from_public(policy=attrs.evolve(policy, authorisation=None), kind="accord")
    assert caught.value.field == "notice_agent"


@pytest.mark.parametrize(
    ("field", "value"),
    [("places", None), ("places", []), ("modality", None), ("hours", None), ("start", None)],
)
def test_an_act_without_a_mandatory_mention_names_it(field: str, value: Any) -> None:
    with pytest.raises(MissingMentionError) as caught:
        lot_act(**{field: value})
    assert caught.value.field == field
    assert "art. 8" in str(caught.value)


@pytest.mark.parametrize("duties", [None, "", "   "])
def test_an_act_without_duties_names_them(duties: Any) -> None:
    with pytest.raises(MissingMentionError) as caught:
        Teleworker(id="A-1", name="Claire Martin", duties=duties)
    assert caught.value.field == "duties"
    assert "fonctions exercées en télétravail" in caught.value.text("fr")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"appeal": "none"}, "appeal"),
        ({"kind": "avenant"}, "appeal"),
        ({"kind": "contrat"}, "kind"),
        ({"adaptation": "4 mois"}, "adaptation"),
        (
            {"duration": "2 mois", "adaptation": "3 mois", "renewal": None, "max_renewals": None},
            "adaptation",
        ),
        ({"duration": None}, "renewal"),
        ({"renewal": None}, "max_renewals"),
        ({"adaptation": None}, "notice_adaptation"),
        ({"notice_agent": None}, "notice_agent"),
        ({"signed_on": None}, "signed_on"),
        ({"signed_at": " "}, "signed_at"),
        ({"rules": None}, "rules"),
        ({"hours": "14:00-12:00"}, "hours"),
        ({"renewal": "sometimes"}, "renewal"),
        ({"sources": ["décret"]}, "sources[0]"),
    ],
)
def test_bad_acts_are_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        lot_act(**changes)
    assert caught.value.field == field


def test_an_agreement_in_the_private_sector_may_last_any_adaptation() -> None:
    """The three-month limit is the public service's: an agreed adaptation of four
    months in an avenant stands."""
    act = lot_act(kind="avenant", appeal="none", adaptation="4 mois")
    assert act.sector is Sector.PRIVATE and act.adaptation == Duration(months=4)


def test_the_act_words_each_mention() -> None:
    """Floating days, no duration and no adaptation period are each said in words."""
    act = lot_act(
        modality=Modality(floating=8, per="month"),
        duration=None,
        renewal=None,
        max_renewals=None,
        adaptation=None,
        notice_adaptation=None,
    )
    assert list(act.mentions("fr").values()) == [
        "rédaction et suivi des marchés publics",
        "à domicile et au télécentre de Figeac",
        "jours flottants\u00a0: 8 jours par mois",
        "sans limitation de durée",
        "de 9\u00a0h\u00a030 à 12\u00a0h et de 14\u00a0h à 17\u00a0h",
        "1er septembre 2025",
        "aucune période d'adaptation",
    ]
    assert act.context("en")["adaptation"] == "no adaptation period"
    assert act.context("en")["this_act"] == "This order"
    assert "ramené" not in act.render("fr")
