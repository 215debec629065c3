"""Eligibility on contract types and activities: the criteria, their explanations, and
their document form."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given

from teletravail import Q_, config
from teletravail.eligibility import (
    ExcludedActivities,
    ExcludedContracts,
    TeleworkableActivities,
)
from teletravail.errors import ConfigError, ValidationError
from teletravail.workforce import Agent, ContractType, Workforce

from ..strategies import agent_lists

ON = "2024-01-01"


def agent(name: str, **fields: Any) -> Agent:
    return Agent(id=name, hire_date="2010-01-01", **fields)


STAFF = Workforce.from_agents(
    [
        agent(
            "titulaire", contract_type="fonctionnaire", activities="instruction 60 %; accueil 40 %"
        ),
        agent("apprentie", contract_type="apprentie", activities="accueil 70 %; instruction 30 %"),
        agent("stagiaire", contract_type="stagiaire école", activities="instruction"),
        agent("inconnu"),
        agent("contractuel", contract_type="contractuel", activities="instruction; accueil"),
    ]
)


# --- contract types ------------------------------------------------------------------------


def test_excluded_contracts_by_hand() -> None:
    """Apprentices and student interns are refused; an agent whose contract type is not
    stated is not."""
    rule = ExcludedContracts(contract_types=["apprenti", ContractType.TRAINEE])
    assert rule.contract_types == {ContractType.APPRENTICE, ContractType.TRAINEE}
    batch = rule.evaluate(STAFF, ON)
    assert batch.eligible.tolist() == [True, False, False, True, True]
    titulaire = batch.explain("titulaire").result
    assert titulaire.code == "contract_type.excluded"
    assert titulaire.observed == "civil_servant"
    assert titulaire.threshold == ("apprentice", "trainee")
    assert batch.explain("inconnu").result.observed is None


def test_excluded_contracts_explain_themselves_in_both_languages() -> None:
    rule = ExcludedContracts(contract_types=["apprentice", "stagiaire école"])
    refused = rule.evaluate(STAFF, ON).explain("apprentie")
    assert refused.failures == ("contract_type.excluded",)
    assert "✗ contract type: apprentice, excluded from telework" in refused.text()
    assert "✗ type de contrat\u00a0: apprenti, exclu du télétravail" in refused.text("fr")
    assert "en cause\u00a0: types de contrat exclus" in refused.text("fr")
    unknown = rule.evaluate(STAFF, ON).explain("inconnu")
    assert "✓ contract type: not stated (not excluded)" in unknown.text()
    assert "✓ type de contrat\u00a0: non renseigné (non exclu)" in unknown.text("fr")
    document = json.loads(json.dumps(unknown.to_dict()))
    assert document["result"]["observed"] is None


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ([], "at least one contract type"),
        (["stagiaire"], "ambiguous"),
        (["fonctionaire"], "did you mean 'fonctionnaire'?"),
        ({"apprentice": 1}, "a set of contract types"),
    ],
)
def test_bad_contract_types_are_refused(value: Any, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ExcludedContracts(contract_types=value)
    assert caught.value.field == "contract_types" and says in caught.value.expected


# --- activities ------------------------------------------------------------------------------


def test_excluded_activities_by_hand() -> None:
    """Whoever carries the public reception is refused, whatever its share; an agent
    whose activities are not stated carries none."""
    rule = ExcludedActivities(activities={"accueil", "  contrôle   sur site "})
    assert rule.activities == {"accueil", "contrôle sur site"}
    batch = rule.evaluate(STAFF, ON)
    assert batch.eligible.tolist() == [False, False, True, True, False]
    assert batch.explain("titulaire").result.observed == ("accueil", "instruction")
    assert batch.explain("inconnu").result.observed is None
    assert "✓ activities: not stated (none excluded)" in batch.explain("inconnu").text()
    assert (
        "✗ activités\u00a0: accueil, instruction\u202f; exclue du télétravail\u00a0: accueil"
        in batch.explain("titulaire").text("fr")
    )
    assert "✓ activités\u00a0: instruction (aucune exclue)" in batch.explain("stagiaire").text("fr")
    with pytest.raises(ValidationError, match="activities"):
        ExcludedActivities(activities=[])


def test_teleworkable_share_by_hand() -> None:
    """With the reception not teleworkable: 60 %, 30 %, 100 %, not stated and 50 %;
    at least 50 % passes for 60 %, 100 % and exactly 50 %."""
    rule = TeleworkableActivities(minimum="50 %", not_teleworkable=["accueil"])
    batch = rule.evaluate(STAFF, ON)
    assert batch.eligible.tolist() == [True, False, True, False, True]
    observed = [batch.explain(i).result.observed for i in STAFF.ids.tolist()]
    assert observed == [
        Q_(60, "percent"),
        Q_(30, "percent"),
        Q_(100, "percent"),
        None,
        Q_(50, "percent"),
    ]
    assert (
        "✗ teleworkable activities: 30% of the working time, less than the minimum of 50%"
        in batch.explain("apprentie").text()
    )
    assert (
        "✗ activités télétravaillables\u00a0: 30\u00a0% du temps de travail, en deçà du"
        " minimum de 50\u00a0%" in batch.explain("apprentie").text("fr")
    )
    assert (
        "pour être éligible\u00a0: au moins 50\u00a0% du temps de travail en activités"
        " télétravaillables" in batch.explain("apprentie").text("fr")
    )
    assert "✗ activities: not stated, at least 50% of the working time on teleworkable" in (
        batch.explain("inconnu").text()
    )


def test_teleworkable_share_defaults_and_edges() -> None:
    """The minimum defaults to 50 %; with nothing listed, every stated agent has 100 %;
    thirds meet a minimum of one third exactly."""
    default = TeleworkableActivities()
    assert default.minimum == Q_(50, "percent") and default.not_teleworkable == frozenset()
    assert default.evaluate(STAFF, ON).eligible.tolist() == [True, True, True, False, True]
    thirds = Workforce.from_agents([agent("T", activities="a; b; c")])
    for minimum, passes in (
        (Q_(100 / 3, "percent"), True),  # both rounded to 1e-9 %: 33.333333333 %
        ("33.333333333 %", True),
        ("33.333333334 %", False),
        ("0.666666667", False),  # two thirds: 66.666666666 % of the stated shares
        ("0.666666666", True),
    ):
        rule = TeleworkableActivities(minimum=minimum, not_teleworkable={"a", "b"})
        if minimum in ("0.666666667", "0.666666666"):
            rule = TeleworkableActivities(minimum=minimum, not_teleworkable={"a"})
        assert rule.evaluate(thirds, ON).eligible.tolist() == [passes], minimum


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"minimum": "150 %"}, "minimum"),
        ({"minimum": "50 km"}, "minimum"),
        ({"minimum": 50}, "minimum"),
        ({"not_teleworkable": [""]}, "not_teleworkable"),
        ({"not_teleworkable": {"accueil": 1}}, "not_teleworkable"),
    ],
)
def test_bad_teleworkable_share_arguments(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TeleworkableActivities(**fields)
    assert caught.value.field == field


ON_DATE = dt.date(2024, 1, 1)


@given(agent_lists(hired_before=ON_DATE))
def test_one_agent_and_the_workforce_agree(agents: list[Agent]) -> None:
    """Each criterion gives an agent alone the answer it gives them in a workforce."""
    staff = Workforce.from_agents(agents)
    rules = [
        ExcludedContracts(contract_types=["apprenti", "stagiaire école", "contractuel"]),
        ExcludedActivities(activities=["accueil du public"]),
        TeleworkableActivities(minimum="40 %", not_teleworkable=["contrôle sur site", "archives"]),
    ]
    for rule in rules:
        together = rule.evaluate(staff, ON_DATE).eligible.tolist()
        assert together == [rule.evaluate(a, ON_DATE).eligible for a in agents]


# --- documents --------------------------------------------------------------------------------

DOCUMENT = """
name = "Université"
territory = "Somewhere"
period = { start = "2024-01-01" }

[[eligibility.all_of]]
criterion = "contract_type.excluded"
contract_types = ["apprenti", "stagiaire école", "doctoral_student"]

[[eligibility.all_of]]
criterion = "activities.excluded"
activities = ["enseignement en présentiel"]

[[eligibility.all_of]]
criterion = "activities.teleworkable_share"
minimum = "50 %"
not_teleworkable = ["accueil du public", "travaux pratiques"]
"""


def test_a_document_holds_the_criteria_and_round_trips() -> None:
    policy = config.loads(DOCUMENT)
    contracts, activities, share = policy.eligibility.rules  # type: ignore[attr-defined]
    assert contracts == ExcludedContracts(
        contract_types={"apprentice", "trainee", "doctoral_student"}
    )
    assert activities == ExcludedActivities(activities={"enseignement en présentiel"})
    assert share == TeleworkableActivities(
        minimum="50 %", not_teleworkable={"accueil du public", "travaux pratiques"}
    )
    for fmt in ("toml", "json"):
        written = config.dumps(policy, format=fmt)  # type: ignore[arg-type]
        assert config.loads(written, format=fmt) == policy  # type: ignore[arg-type]
    document = config.to_document(policy)
    assert document["eligibility"]["all_of"][0]["contract_types"] == [
        "apprentice",
        "doctoral_student",
        "trainee",
    ]
    default = config.loads(DOCUMENT.replace('minimum = "50 %"', ""))
    assert default.eligibility.rules[2].minimum == Q_(50, "percent")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("old", "new", "path", "says"),
    [
        ('"apprenti", ', '"stagiaire", ', "contract_types[0]", "ambiguous"),
        ('"apprenti", ', '"apprentis", ', "contract_types[0]", "did you mean 'apprenti'?"),
        ('"apprenti", "stagiaire école", "doctoral_student"', "", "contract_types", "at least 1"),
        ('["enseignement en présentiel"]', "[]", "activities", "at least 1"),
        ('["enseignement en présentiel"]', '[""]', "activities[0]", "a non-empty string"),
        ('minimum = "50 %"', 'minimum = "150 %"', "minimum", "between 0 and 100 percent"),
        ('minimum = "50 %"', 'minimum = "50 km"', "minimum", "a quantity of dimension []"),
        ('"travaux pratiques"]', '"accueil du public"]', "not_teleworkable", "without repeats"),
    ],
)
def test_bad_criteria_in_a_document_name_their_key_path(
    old: str, new: str, path: str, says: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        config.loads(DOCUMENT.replace(old, new, 1))
    found = {p.path: p.expected for p in caught.value.problems}
    key = next(k for k in found if k.endswith(path))
    assert key.startswith("eligibility.all_of[")
    assert says in found[key]


def test_the_schema_lists_the_criteria_and_their_french_words() -> None:
    import jsonschema

    schema = config.json_schema()
    jsonschema.validate(config.to_document(config.loads(DOCUMENT)), schema)
    text = json.dumps(schema, ensure_ascii=False)
    for word in ("contract_type.excluded", "activities.teleworkable_share", "stagiaire école"):
        assert word in text
