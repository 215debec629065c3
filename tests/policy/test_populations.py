"""Populations: parts of a scheme with their own rules, and agents outside the scheme."""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Agent, Workforce, config, presets
from teletravail.allowance import Allowance, OneOff, forfait_teletravail
from teletravail.cli import main
from teletravail.eligibility import ExcludedRoles, MinimumWorkingTime
from teletravail.errors import ConfigError, ValidationError, WorkforceError
from teletravail.policy.populations import (
    Members,
    Population,
    membership,
    overlaps,
)
from teletravail.policy.statuses import STATUSES
from teletravail.scheduling import Quota, WorkingTimeBand

from .. import oracles

ON = "2024-01-01"

UNIVERSITY = """
format = "teletravail.policy"
version = 1
name = "Université"
territory = "Une université"
places = ["domicile"]

[period]
start = "2022-01-01"

[eligibility]
criterion = "volunteer"

[quota]
maximum = "2 jours/semaine"
on_site_minimum = "3 jours/semaine"

[[populations]]
name = "enseignants"
members = { roles = ["enseignant"] }
concerned = false

[[populations]]
name = "temps partiel"
members = { part_time = true }
quota = { maximum = "1 jour/semaine", on_site_minimum = "2 jours/semaine" }

[[populations]]
name = "administratifs"
members = { roles = ["administratif"] }
"""


def university() -> object:
    return config.loads(UNIVERSITY)


def staff() -> Workforce:
    return Workforce.from_agents(
        [
            Agent(id="E-1", hire_date="2015-09-01", role="enseignant", working_time="50 %"),
            Agent(
                id="P-1",
                hire_date="2015-09-01",
                role="administratif",
                working_time="80 %",
                requested_telework="1 workday/week",
            ),
            Agent(
                id="A-1",
                hire_date="2015-09-01",
                role="administratif",
                requested_telework="2 workday/week",
            ),
            Agent(id="X-1", hire_date="2015-09-01", role="jardinier"),
            Agent(
                id="A-2",
                hire_date="2015-09-01",
                role="administratif",
                requested_telework="3 workday/week",
            ),
        ]
    )


def test_each_agent_gets_the_rules_of_their_first_population() -> None:
    """The teacher (even part-time: the first population wins) and the gardener (in no
    population) are not concerned; the part-time agent is capped at 1 day; 3 days are
    refused to a full-time administrator."""
    policy = university()
    batch = policy.assess(staff(), ON)
    assert batch.statuses().tolist() == [
        "not_concerned",
        "granted",
        "granted",
        "not_concerned",
        "refused",
    ]
    assert batch.population.tolist() == [
        "enseignants",
        "temps partiel",
        "administratifs",
        None,
        "administratifs",
    ]
    assert batch.granted.tolist() == [0, 1, 2, 0, 0]
    assert batch.explain("A-2").failures == ("quota.maximum", "quota.on_site")
    assert batch.count("not_concerned") == 2 and batch.count("not_eligible") == 0


def test_counts_agree_with_the_statuses() -> None:
    """``count`` of each status (the totals read it without the status column) is the
    number of agents the status column gives it."""
    later = [
        Agent(id=f"{role}-9", hire_date="2020-01-01", role=role)
        for role in ("enseignant", "jardinier")
    ]
    batch = university().assess(Workforce.from_agents([*staff(), *later]), ON)
    statuses = batch.statuses().tolist()
    for status in STATUSES:
        assert batch.count(status) == statuses.count(status), status
    assert statuses.count("not_concerned") == batch.totals()["not_concerned"] == 4


def test_days_are_counted_by_hand() -> None:
    """Days of telework in 2024 from numpy's business days with the holidays written
    out: the administrator's Tuesday and Thursday, less 25 days of leave; nothing for
    the agents outside the scheme or refused."""
    batch = university().assess(staff(), ON)
    year = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    holidays = oracles.holidays(2024)
    working = oracles.working_days(2024, holidays)
    full = oracles.weekdays_worked(*year, [1, 3], holidays)
    assert batch.days[2] == oracles.after_leave(2 * full, 25, working) / 2
    assert batch.days[[0, 3, 4]].tolist() == [0, 0, 0]


def test_figures_are_those_of_each_population_policy() -> None:
    """Every agent's figures are those their population's own policy gives them
    alone (policy.for_population), and the totals are the sum of the agents'."""
    policy = university()
    workforce = staff()
    batch = policy.assess(workforce, ON)
    for row, agent in enumerate(workforce):
        name = batch.population[row]
        alone = policy.for_population(name).assess(agent, ON)
        assert alone.status == batch.statuses()[row]
        assert alone.days.m_as("workday") == batch.days[row]
        assert alone.allowance_cents == batch.allowance_cents[row]
        assert policy.assess(agent, ON).population == name
    totals = batch.totals()
    assert totals["agents"] == 5 and totals["not_concerned"] == 2
    assert totals["days"].m_as("workday") == float(np.sum(batch.days))
    assert totals["granted"] == 2 and totals["refused"] == 1


def test_an_agent_is_a_row_of_their_population_part() -> None:
    """An explained agent names the part of the batch they are a row of (their
    population's, whose policy is that population's) and their row in it, in the
    workforce's order: the two administrators are rows 0 and 1 of theirs. Without
    populations the one part is the whole workforce, row for row."""
    policy = university()
    batch = policy.assess(staff(), ON)
    expected = {
        "E-1": ("enseignants", 0),
        "P-1": ("temps partiel", 0),
        "A-1": ("administratifs", 0),
        "X-1": (None, 0),
        "A-2": ("administratifs", 1),
    }
    for row, (agent_id, (name, place)) in enumerate(expected.items()):
        one = batch.explain(agent_id)
        assert (one.part.population, one.row) == (name, place)
        assert any(part is one.part for part in batch.parts)
        assert one.part.decisions.ids[one.row] == agent_id
        assert one.part.policy == policy.for_population(name)
        assert one.part.status[one.row] == batch.status[row]
    whole = attrs.evolve(policy, populations=()).assess(staff(), ON)
    for row, agent_id in enumerate(expected):
        one = whole.explain(agent_id)
        assert one.part is whole.parts[0] and one.row == row


def test_not_concerned_is_explained_apart_from_a_refusal() -> None:
    """An agent outside the scheme has a decision that says so, in English and
    French, with its own code, and is never counted as refused or not eligible."""
    batch = university().assess(staff(), ON)
    teacher = batch.explain("E-1")
    assert teacher.status == "not_concerned" and teacher.population == "enseignants"
    assert teacher.decision.failures == ("population.outside",)
    assert teacher.decision.text().splitlines()[:2] == [
        "Agent E-1 on 1 January 2024: not concerned by the scheme",
        "✗ population “enseignants”: outside the scheme",
    ]
    gardener = batch.explain("X-1").decision.text("fr").replace("\u00a0", " ")
    assert "dans aucune des populations du dispositif" in gardener
    assert "administratifs" in gardener and "temps partiel" in gardener
    assert teacher.to_dict()["population"] == "enseignants"
    assert batch.decisions.failures(3) == ("population.none",)


def test_a_policy_without_populations_is_unchanged() -> None:
    """Without populations the batch is one part over every row; nobody is
    'not concerned'."""
    policy = presets.load("public-service")
    batch = policy.assess(staff(), ON)
    assert batch.rows is None and len(batch.parts) == 1
    assert batch.count("not_concerned") == 0
    assert set(batch.population.tolist()) == {None}


def test_membership_is_first_match_in_order() -> None:
    """membership gives the first population selecting each agent; overlaps counts the
    agents two populations both select."""
    policy = university()
    workforce = staff()
    assert membership(policy.populations, workforce).tolist() == [0, 1, 2, -1, 2]
    # the teacher at 50 % is selected by 'enseignants' and 'temps partiel', and the
    # part-time administrator by 'temps partiel' and 'administratifs'
    assert overlaps(policy.populations, workforce) == {
        ("enseignants", "temps partiel"): 1,
        ("temps partiel", "administratifs"): 1,
    }


def test_working_time_bands_and_full_time() -> None:
    """A band includes both ends; part_time=False selects full-time agents only."""
    workforce = Workforce.from_agents(
        [Agent(id=str(p), hire_date="2010-01-01", working_time=f"{p} %") for p in (50, 80, 100)]
    )
    band = Members(working_time=WorkingTimeBand(low="50 %", high="80 %"))
    assert band.mask(workforce).tolist() == [True, True, False]
    assert Members(part_time=False).mask(workforce).tolist() == [False, False, True]
    assert Members(part_time=True).mask(workforce).tolist() == [True, True, False]
    assert Members().everyone and Members().mask(workforce).all()
    with pytest.raises(ValidationError, match="at least the low bound"):
        WorkingTimeBand(low="80 %", high="50 %")


def test_unmatched_populations_are_reported() -> None:
    """A population that selects no agent of the workforce is listed, and bilan
    says so."""
    policy = university()
    only_admin = Workforce.from_agents(
        [Agent(id="A", hire_date="2015-01-01", role="administratif")]
    )
    batch = policy.assess(only_admin, ON)
    assert batch.unmatched == ("enseignants", "temps partiel")
    counts = batch.population_counts()
    assert counts["enseignants"]["agents"] == 0 and counts["administratifs"]["granted"] == 1


def test_bad_rows_in_any_population_are_all_reported() -> None:
    """Agents hired after the date are invalid rows in whichever population: all are
    reported at once with errors='raise', and kept apart with errors='report'. An agent
    outside the scheme is not checked at all: not concerned, whatever their data."""
    policy = university()
    late = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2015-01-01", role="administratif"),
            Agent(id="B", hire_date="2025-01-01", role="administratif"),
            Agent(id="C", hire_date="2025-01-01", role="jardinier"),
            Agent(id="D", hire_date="2025-01-01", working_time="80 %"),
        ]
    )
    with pytest.raises(WorkforceError) as caught:
        policy.assess(late, ON)
    assert sorted(e.row for e in caught.value.errors) == [1, 3]
    batch = policy.assess(late, ON, errors="report")
    assert batch.statuses().tolist() == ["granted", "invalid", "not_concerned", "invalid"]
    assert [e.row for e in batch.errors] == [1, 3]


def test_document_round_trip_and_reference() -> None:
    """Populations are written back as read; the JSON Schema describes them."""
    policy = university()
    assert config.loads(config.dumps(policy)) == policy
    assert config.loads(config.dumps(policy, format="json"), format="json") == policy
    schema = json.dumps(config.json_schema())
    assert "populations" in schema and "part_time" in schema


@pytest.mark.parametrize(
    ("extra", "path", "expected"),
    [
        ('[[populations]]\nname = "enseignants"\n', "populations", "no other population"),
        (
            '[[populations]]\nname = "x"\nconcerned = false\n'
            'quota = { maximum = "1 jour/semaine" }\n',
            "populations[3].quota",
            "no rule for a population outside the scheme",
        ),
        (
            '[[populations]]\nname = "x"\nmembers = { role = ["a"] }\n',
            "populations[3].members.role",
            "did you mean",
        ),
        (
            '[[populations]]\nname = "x"\nplaces = ["chateau"]\n',
            "populations[3].places[0]",
            "one of",
        ),
        (
            '[[populations]]\nname = "x"\nmembers = { working_time = { low = "2 km" } }\n',
            "populations[3].members.working_time.low",
            "dimension",
        ),
    ],
)
def test_bad_populations_are_refused_with_their_key_path(
    extra: str, path: str, expected: str
) -> None:
    """Each problem of a population is reported at its key path."""
    with pytest.raises(ConfigError) as caught:
        config.loads(UNIVERSITY + extra)
    problems = caught.value.problems
    assert any(p.path.startswith(path) and expected in p.expected for p in problems), problems


def test_no_selection_campaign_with_populations() -> None:
    """Seats are allotted across the whole workforce: not with populations."""
    lozere = presets.load("lozere-2015")
    with pytest.raises(ValidationError, match="no selection campaign"):
        attrs.evolve(lozere, populations=(Population(name="all"),))


def test_population_allowance_caps_are_checked() -> None:
    """A population's own allowance is checked as the policy's is: a rate without a
    cap in force where it pays is refused, naming the population."""
    public = presets.load("public-service")
    assert public.allowance is not None
    forfait = public.allowance.components[-1]
    cap = attrs.evolve(forfait.cap, values=forfait.cap.values[1:])  # type: ignore[attr-defined]
    copied = attrs.evolve(forfait, cap=cap, national=None)
    broken = attrs.evolve(public.allowance, components=(copied,))
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(public, populations=(Population(name="p", allowance=broken),))
    assert caught.value.field.startswith("populations[0].allowance")


def test_cli_bilan_and_assess_show_populations(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """bilan counts agents not concerned apart and lists the populations; assess writes
    each row's population."""
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "u.toml").write_text(UNIVERSITY, encoding="utf-8")
    rows = "id,hire_date,role,working_time_pct,requested_telework_workday_per_week\n"
    rows += "E-1,2015-09-01,enseignant,50,\nA-1,2015-09-01,administratif,100,2\n"
    rows += "X-1,2015-09-01,jardinier,100,\n"
    (folder / "staff.csv").write_text(rows, encoding="utf-8")
    assert (
        main(["bilan", str(folder / "u.toml"), str(folder / "staff.csv"), "--on", ON, "--json"])
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["not_concerned"] == 2 and document["not_eligible"] == 0
    assert not {"population.none", "population.outside"} & set(document["refused_by_criterion"])
    assert [p["name"] for p in document["populations"]] == [
        "enseignants",
        "temps partiel",
        "administratifs",
    ]
    assert (
        main(
            ["bilan", str(folder / "u.toml"), str(folder / "staff.csv"), "--on", ON, "--lang", "fr"]
        )
        == 0
    )
    text = capsys.readouterr().out.replace("\u00a0", " ")
    assert "non concernés (hors du dispositif) : 2" in text
    # the teacher at 50 % is part-time, but belongs to 'enseignants', written first
    assert "population temps partiel : 0, dont 0 en télétravail (les agents qu'elle" in text
    out = folder / "out.csv"
    assert (
        main(
            [
                "assess",
                "--policy",
                str(folder / "u.toml"),
                str(folder / "staff.csv"),
                "--on",
                ON,
                "-o",
                str(out),
            ]
        )
        == 0
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("row,id,status,population,failures")
    assert lines[1].startswith("0,E-1,not_concerned,enseignants,population.outside")
    assert lines[3].startswith("2,X-1,not_concerned,,population.none")


# -- a property: any populations, each agent assessed by their population's rules ---------

ROLES = ("a", "b", "c")


@st.composite
def populations(draw: st.DrawFn) -> tuple[Population, ...]:
    found = []
    for index in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["role", "part_time", "band", "everyone"]))
        if kind == "role":
            members = Members(roles=draw(st.sets(st.sampled_from(ROLES), min_size=1)))
        elif kind == "part_time":
            members = Members(part_time=draw(st.booleans()))
        elif kind == "band":
            low = draw(st.sampled_from([0, 50, 80]))
            members = Members(working_time=WorkingTimeBand(low=f"{low} %", high="90 %"))
        else:
            members = Members()
        concerned = draw(st.booleans()) or draw(st.booleans())
        quota = eligibility = places = allowance = None
        if concerned and draw(st.booleans()):
            quota = Quota(maximum=f"{draw(st.sampled_from([1, 2, 3]))} workday/week")
        if concerned and draw(st.booleans()):
            eligibility = draw(
                st.sampled_from(
                    [
                        MinimumWorkingTime(minimum="80 %"),
                        ExcludedRoles(roles=["b"]),
                        MinimumWorkingTime(minimum="90 %") | ExcludedRoles(roles=["c"]),
                    ]
                )
            )
        if concerned and draw(st.booleans()):
            places = draw(st.sampled_from([["home"], ["home", "telecentre"], ["site"]]))
        if concerned and draw(st.booleans()):
            allowance = draw(
                st.sampled_from(
                    [
                        Allowance(components=[OneOff(amount="100 EUR")]),
                        Allowance(components=[OneOff(amount="50 EUR"), forfait_teletravail()]),
                    ]
                )
            )
        found.append(
            Population(
                name=f"p{index}",
                members=members,
                concerned=concerned,
                quota=quota,
                eligibility=eligibility,
                places=places,
                allowance=allowance,
            )
        )
        if members.everyone:  # nothing after it could select anyone
            break
    return tuple(found)


@st.composite
def registers(draw: st.DrawFn) -> list[Agent]:
    n = draw(st.integers(1, 8))
    return [
        Agent(
            id=f"A{i}",
            hire_date="2010-01-01",
            role=draw(st.sampled_from(ROLES)),
            working_time=f"{draw(st.sampled_from([50, 80, 90, 100]))} %",
            requested_telework=f"{draw(st.sampled_from([1, 2]))} workday/week",
            absences=(),
        )
        for i in range(n)
    ]


def _first(populations: tuple[Population, ...], agent: Agent) -> Population | None:
    """The population of an agent, by hand: the first whose conditions all hold."""
    share = float(agent.working_time.m_as("percent"))
    for population in populations:
        members = population.members
        if members.roles and agent.role not in members.roles:
            continue
        if members.part_time is not None and (share < 100) != members.part_time:
            continue
        band = members.working_time
        if band is not None and not band.low_percent <= share <= band.high_percent:
            continue
        return population
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations(), registers())
def test_any_populations_assess_as_their_own_policies(
    found: tuple[Population, ...], agents: list[Agent]
) -> None:
    """For any populations and register, each agent's status, days and cents are what
    the policy of their population (found by hand) gives them alone, and the totals
    add up the agents' (cents as Decimal)."""
    base = presets.load("public-service")
    policy = attrs.evolve(base, populations=found)
    batch = policy.assess(Workforce.from_agents(agents), ON)
    total = Decimal(0)
    for row, agent in enumerate(agents):
        population = _first(found, agent)
        if not found:
            expected = base
        elif population is None or not population.concerned:
            assert batch.statuses()[row] == "not_concerned"
            assert batch.days[row] == 0 and batch.allowance_cents[row] == 0
            continue
        else:  # the population's rules in place of the policy's, each one written
            expected = attrs.evolve(
                base,
                quota=base.quota if population.quota is None else population.quota,
                eligibility=population.eligibility or base.eligibility,
                places=base.places if population.places is None else population.places,
                allowance=base.allowance if population.allowance is None else population.allowance,
            )
        alone = expected.assess(agent, ON)
        assert batch.statuses()[row] == alone.status
        assert batch.days[row] == alone.days.m_as("workday")
        assert batch.allowance_cents[row] == alone.allowance_cents
        total += Decimal(alone.allowance_cents) / 100
    assert batch.totals()["allowance"].m_as("EUR") == float(
        total.quantize(Decimal("0.01"), ROUND_HALF_UP)
    )


def test_tables_carry_the_population() -> None:
    """The pandas tables have each agent's population and status."""
    from teletravail.tables import assessment_frame

    batch = university().assess(staff(), ON)
    frame = assessment_frame(batch)
    assert frame["population"].tolist() == [
        "enseignants",
        "temps partiel",
        "administratifs",
        None,
        "administratifs",
    ]
    assert frame["status"].tolist()[0] == "not_concerned"
    assert batch.to_pandas()["population"].tolist() == frame["population"].tolist()


def test_conformity_checks_each_population_s_own_rules() -> None:
    """A population's own quota is checked against the framework at its key path; a
    population that states no rule of its own adds nothing."""
    from teletravail.conformity import check_conformity

    public = presets.load("public-service")
    mine = attrs.evolve(
        public,
        populations=(
            Population(
                name="x",
                members=Members(part_time=True),
                quota=Quota(maximum="4 workday/week", on_site_minimum="1 workday/week"),
            ),
            Population(name="y"),
        ),
    )
    report = check_conformity(mine, "2024-01-01")
    assert not report.conforms
    paths = {f.path for f in report.findings if f.severity == "error"}
    assert paths == {"populations[0].quota.maximum", "populations[0].quota.on_site_minimum"}
    assert check_conformity(
        attrs.evolve(public, populations=(Population(name="y"),)), "2024-01-01"
    ).conforms


def test_cli_schedule_of_a_population_and_unmatched_warning(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """schedule --population lays the pattern out under that population's quota; assess
    warns about a population that selects nobody."""
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "u.toml").write_text(UNIVERSITY, encoding="utf-8")
    common = ["schedule", "--policy", str(folder / "u.toml"), "--start", "2024-01-01"]
    common += ["--end", "2024-01-31", "--days", "tue,thu"]
    # a full-time agent of no role is in no population: which one must be said
    assert main(common) == 1
    assert "the population of the agent (--population)" in capsys.readouterr().err
    assert main([*common, "--population", "administratifs"]) == 0
    capsys.readouterr()
    # at 80 %, the agent is in 'temps partiel' (1 day at most): two days are refused
    assert main([*common, "--working-time", "80 %"]) == 1
    assert "does not allow" in capsys.readouterr().err
    assert main([*common, "--population", "enseignants"]) == 1
    assert "this one is outside it" in capsys.readouterr().err
    assert main([*common, "--population", "nobody"]) == 1
    assert "one of: enseignants, temps partiel, administratifs" in capsys.readouterr().err
    (folder / "staff.csv").write_text("id,hire_date,role\nA,2015-01-01,administratif\n", "utf-8")
    out = folder / "out.csv"
    args = ["assess", "--policy", str(folder / "u.toml"), str(folder / "staff.csv")]
    assert main([*args, "--on", ON, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "population 'enseignants' selects no agent" in err


def test_selectors_by_category_contract_and_establishment() -> None:
    """Categories, contract types (French words read) and establishments select, each
    list met by any of its names, every condition together; an agent who states none is
    selected by none of them."""
    workforce = Workforce.from_agents(
        [
            Agent(id="1", hire_date="2010-01-01", category="A", contract_type="fonctionnaire"),
            Agent(id="2", hire_date="2010-01-01", category="C", contract_type="apprenti"),
            Agent(id="3", hire_date="2010-01-01", category="B", establishment="Site de Metz"),
            Agent(id="4", hire_date="2010-01-01"),
        ]
    )
    assert Members(categories=["A", "b"]).mask(workforce).tolist() == [True, False, True, False]
    apprentices = Members(contract_types=["apprentie", "stagiaire école"])
    assert apprentices.mask(workforce).tolist() == [False, True, False, False]
    assert Members(establishments=["Site de Metz"]).mask(workforce).tolist() == [
        False,
        False,
        True,
        False,
    ]
    both = Members(categories=["A", "C"], contract_types=["civil_servant"])
    assert both.mask(workforce).tolist() == [True, False, False, False]
    assert "types de contrat apprenti, stagiaire étudiant" in apprentices.describe("fr")
    with pytest.raises(ValidationError, match="stagiaire"):
        Members(contract_types=["stagiaire"])
    with pytest.raises(ValidationError) as caught:
        Members(categories=["D"])
    assert caught.value.field == "categories"


def test_document_selectors_read_french_words() -> None:
    """In a document, members.contract_types reads French words and refuses a bare
    'stagiaire' at its key path; categories are A, B or C."""
    extra = (
        '[[populations]]\nname = "apprentis"\nconcerned = false\n'
        'members = { contract_types = ["apprenti", "stagiaire école"], categories = ["C"] }\n'
    )
    policy = config.loads(UNIVERSITY.replace("[[populations]]", extra + "[[populations]]", 1))
    assert policy.populations[0].members.contract_types == {"apprentice", "trainee"}
    assert config.loads(config.dumps(policy)) == policy
    bad = extra.replace('"apprenti", ', '"stagiaire", ').replace('["C"]', '["D"]')
    with pytest.raises(ConfigError) as caught:
        config.loads(UNIVERSITY.replace("[[populations]]", bad + "[[populations]]", 1))
    paths = [p.path for p in caught.value.problems]
    assert "populations[0].members.contract_types[0]" in paths
    assert "populations[0].members.categories[0]" in paths


def test_a_sweep_of_one_point_is_the_assessment() -> None:
    """A sweep over populations gives, for each variant, the totals the variant's own
    assessment gives (each population's rules on its own agents)."""
    from teletravail.sweep import sweep

    policy = attrs.evolve(
        presets.load("public-service"),
        populations=(
            Population(name="cadres", members=Members(categories=["A"])),
            Population(name="autres"),
        ),
    )
    staff = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2015-01-01", category="A"),
            Agent(id="B", hire_date="2015-01-01", category="B", volunteer=False),
            Agent(id="C", hire_date="2015-01-01", category="B"),
        ]
    )
    found = sweep(policy, staff, ON, {"quota.maximum": ["3 workday/week", "2 workday/week"]})
    for row, variant in zip(found.rows, found.policies, strict=True):
        totals = variant.assess(staff, ON).totals()
        assert row["granted"] == totals["granted"] == 2
        assert row["days"] == totals["days"] and row["allowance"] == totals["allowance"]


def test_populations_no_one_could_belong_to_are_refused() -> None:
    """A population written after one that selects every agent would never select
    anyone: refused where it is written, with a repeated name, all at once."""
    document = UNIVERSITY.replace(
        '[[populations]]\nname = "enseignants"',
        '[[populations]]\nname = "tous"\n\n[[populations]]\nname = "administratifs"\n\n'
        '[[populations]]\nname = "enseignants"',
    )
    with pytest.raises(ConfigError) as caught:
        config.loads(document)
    paths = [p.path for p in caught.value.problems]
    assert paths == [
        "populations[1]",
        "populations[2]",
        "populations[3]",
        "populations[4].name",
        "populations[4]",
    ]
    with pytest.raises(ValidationError) as raised:
        attrs.evolve(
            presets.load("public-service"),
            populations=(Population(name="a"), Population(name="b", members=Members(tags=["x"]))),
        )
    assert raised.value.field == "populations[1]"


def test_two_words_for_one_place_are_one_place() -> None:
    """'tiers-lieu' and 'télécentre' both name the télécentre: written together, they are
    one place; a word written twice is a repeat, named."""
    document = UNIVERSITY.replace(
        'places = ["domicile"]', 'places = ["domicile", "tiers-lieu", "télécentre"]'
    )
    assert {str(p) for p in config.loads(document).places} == {"home", "telecentre"}
    twice = UNIVERSITY.replace('places = ["domicile"]', 'places = ["domicile", "domicile"]')
    with pytest.raises(ConfigError, match="'domicile' is written twice"):
        config.loads(twice)


def test_a_population_whose_agents_earlier_ones_took_is_told_apart(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """A population whose selector matches agents that all belong to populations
    written before it is 'shadowed', not 'selects nobody'; bilan says which."""
    from pathlib import Path

    policy = university()
    part_time = Workforce.from_agents(
        [Agent(id="P", hire_date="2015-01-01", role="administratif", working_time="80 %")]
    )
    batch = policy.assess(part_time, ON)
    assert batch.unmatched == ("enseignants",)
    assert batch.shadowed == ("administratifs",)
    folder = Path(str(tmp_path))
    (folder / "u.toml").write_text(UNIVERSITY, encoding="utf-8")
    (folder / "s.csv").write_text(
        "id,hire_date,role,working_time_pct\nP,2015-01-01,administratif,80\n", "utf-8"
    )
    args = ["bilan", str(folder / "u.toml"), str(folder / "s.csv"), "--on", ON, "--json"]
    assert main(args) == 0
    document = json.loads(capsys.readouterr().out)
    entries = {p["name"]: p["taken_by_earlier"] for p in document["populations"]}
    assert entries == {"enseignants": False, "temps partiel": False, "administratifs": True}
