"""Contract type, category, establishment and activities: on agents, in every batch
reader and writer, and in the workforce's selections."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

import teletravail as tt
from teletravail import Q_
from teletravail.errors import ValidationError, WorkforceError
from teletravail.workforce import (
    Activity,
    Agent,
    Categories,
    Category,
    ContractType,
    Workforce,
    category,
    contract_type,
)

from ..strategies import planned_agent_lists

HIRED = "2010-01-01"


def agent(**fields: Any) -> Agent:
    return Agent(id=fields.pop("id", "A"), hire_date=HIRED, **fields)


# --- contract types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("civil_servant", ContractType.CIVIL_SERVANT),
        ("Civil Servant", ContractType.CIVIL_SERVANT),
        ("fonctionnaire", ContractType.CIVIL_SERVANT),
        ("FONCTIONNAIRE", ContractType.CIVIL_SERVANT),
        ("titulaire", ContractType.CIVIL_SERVANT),
        ("fonctionnaire stagiaire", ContractType.PROBATIONER),
        ("Stagiaire de la fonction publique", ContractType.PROBATIONER),
        ("contract-staff", ContractType.CONTRACT_STAFF),
        ("contractuel", ContractType.CONTRACT_STAFF),
        ("Contractuelle", ContractType.CONTRACT_STAFF),
        ("agent contractuel", ContractType.CONTRACT_STAFF),
        ("doctorant contractuel", ContractType.DOCTORAL_STUDENT),
        ("doctorante  contractuelle", ContractType.DOCTORAL_STUDENT),
        ("apprenti", ContractType.APPRENTICE),
        ("Apprentie", ContractType.APPRENTICE),
        ("stagiaire étudiant", ContractType.TRAINEE),
        ("etudiant stagiaire", ContractType.TRAINEE),
        ("Stagiaire Ecole", ContractType.TRAINEE),
        ("autre", ContractType.OTHER),
        (ContractType.OTHER, ContractType.OTHER),
    ],
)
def test_contract_types_read_english_and_french_words(word: Any, kind: ContractType) -> None:
    """English values and French words, case, accents, hyphens and spaces aside."""
    assert agent(contract_type=word).contract_type is kind
    assert contract_type(word) is kind


def test_a_bare_stagiaire_is_refused_as_ambiguous() -> None:
    """'stagiaire' is a probationary civil servant or a student intern: the error says so
    and gives both spellings."""
    for word in ("stagiaire", " Stagiaire "):
        with pytest.raises(ValidationError) as caught:
            agent(contract_type=word)
        error = caught.value
        assert error.field == "contract_type" and error.value == word
        assert "'fonctionnaire stagiaire'" in error.expected
        assert "'stagiaire étudiant'" in error.expected and "ambiguous" in error.expected


def test_an_unknown_contract_word_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValidationError) as caught:
        agent(contract_type="fonctionaire")
    assert caught.value.field == "contract_type"
    assert "did you mean 'fonctionnaire'?" in caught.value.expected
    with pytest.raises(ValidationError, match="contract_type"):
        agent(contract_type=3)


def test_not_stated_is_the_default() -> None:
    """None, an empty text, "" and () mean not stated."""
    plain = agent()
    assert (plain.contract_type, plain.category, plain.establishment, plain.activities) == (
        None,
        None,
        "",
        (),
    )
    assert agent(contract_type=" ", category="", activities="").activities == ()
    assert agent(contract_type=None, category=None, activities=None) == plain


# --- categories and establishments ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A", Category.A),
        ("a", Category.A),
        ("catégorie B", Category.B),
        ("Categorie b", Category.B),
        ("cat. C", Category.C),
        ("cat C", Category.C),
        (Category.B, Category.B),
    ],
)
def test_categories_read_their_usual_spellings(text: Any, found: Category) -> None:
    assert agent(category=text).category is found
    assert category(text) is found


@pytest.mark.parametrize("text", ["D", "catégorie D", "AB", "1", 1])
def test_an_unknown_category_is_refused(text: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        agent(category=text)
    assert caught.value.field == "category" and caught.value.value == text


def test_establishment_is_free_text() -> None:
    assert agent(establishment="  Figeac  ").establishment == "Figeac"
    with pytest.raises(ValidationError, match="establishment"):
        agent(establishment=12)


# --- activities ----------------------------------------------------------------------------


def shares(found: Agent) -> dict[str, float]:
    return {a.name: float(a.share.magnitude) for a in found.activities}


def test_activities_in_text_with_shares() -> None:
    """Text with shares, in any order: sorted by name, shares in percent."""
    found = agent(activities="instruction 60 %; accueil du public 40 %")
    assert found.activities == (
        Activity("accueil du public", "40 %"),
        Activity("instruction", Q_(60, "percent")),
    )
    assert shares(agent(activities="a (25 %); b: 75,0%")) == {"a": 25.0, "b": 75.0}
    assert shares(agent(activities="niveau 2 60 %| y 40 pour cent")) == {"niveau 2": 60, "y": 40}


def test_activities_without_shares_are_equal_shares() -> None:
    """Three names: a third each, to 1e-9 %, summing to 100 % within 1e-6."""
    found = shares(agent(activities="instruction; accueil du public;  archives  "))
    assert found == {
        "accueil du public": 33.333333333,
        "archives": 33.333333333,
        "instruction": 33.333333333,
    }
    assert abs(sum(found.values()) - 100) < 1e-6
    assert shares(agent(activities=["x", "y"])) == {"x": 50.0, "y": 50.0}


def test_activity_shares_near_100_are_scaled_to_100() -> None:
    """60 % and 40.4 % (100.4 %, within the 0.5 % tolerance) are scaled to 100 %:
    60 / 100.4 and 40.4 / 100.4, to 1e-9 %."""
    found = shares(agent(activities={"x": "60 %", "y": Q_(0.404, "")}))
    expected_x = Decimal(60) * 100 / Decimal("100.4")
    expected_y = Decimal("40.4") * 100 / Decimal("100.4")
    assert found["x"] == float(round(expected_x, 9))
    assert found["y"] == float(round(expected_y, 9))


def test_activities_as_activity_values_or_mixed_texts() -> None:
    given = [Activity("b", "30 %"), "a 70 %"]
    assert shares(agent(activities=given)) == {"a": 70.0, "b": 30.0}
    assert (
        agent(activities={"x": None, "y": None}).activities == agent(activities="x; y").activities
    )


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("a 60 %; b", "a share for every activity, or for none"),
        ("a 60 %; b 30 %", "shares summing to 100 % (± 0.5 %), not 90 %"),
        ("a 60 %; b 40.6 %", "not 100.6 %"),
        ("a; a", "each activity once ('a' is twice)"),
        ("a 150 %", "a share of working time in (0 %, 100 %]"),
        ("a 0 %; b 100 %", "a share of working time in (0 %, 100 %]"),
        ("a 1.2.3 %", "an activity, then its share"),
        ("60 %", "an activity, then its share"),
        ({"a": 60, "b": 40}, "a bare number has no unit"),
        ({"a;b": "100 %"}, "without ';', '|' or '%'"),
        ({"": "100 %"}, "non-empty"),
        (5, "a mapping or a list"),
        ([1, 2], "activities as names"),
    ],
)
def test_bad_activities_name_the_field(value: Any, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        agent(activities=value)
    assert caught.value.field == "activities"
    assert says in str(caught.value)


def test_an_activity_checks_its_own_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        Activity("", "10 %")
    assert caught.value.field == "activity.name"
    with pytest.raises(ValidationError) as caught:
        Activity("x", "10 km")
    assert caught.value.field == "activity.share"
    assert str(Activity("x", Q_(33.333333333, "percent"))) == "x 33.333333333 %"
    assert str(Activity("x", "0.00001 %")) == "x 0.00001 %"


# --- the workforce's columns and selections ----------------------------------------------

STAFF = [
    agent(
        id="A",
        contract_type="fonctionnaire",
        category="A",
        establishment="Cahors",
        activities="instruction 60 %; accueil du public 40 %",
    ),
    agent(id="B", contract_type="apprenti", category="catégorie C", activities="archives"),
    agent(id="C", establishment="Figeac", activities="instruction; archives"),
    agent(id="D", contract_type="contractuelle", category="B", establishment="Cahors"),
]


def test_columns_by_hand() -> None:
    staff = Workforce.from_agents(STAFF)
    assert staff.contract_type.categories == ("", "apprentice", "civil_servant", "contract_staff")
    assert staff.contract_type.codes.tolist() == [2, 1, 0, 3]
    assert [staff.category.value(i) for i in range(4)] == ["A", "C", "", "B"]
    assert [staff.establishment.value(i) for i in range(4)] == ["Cahors", "", "Figeac", "Cahors"]
    assert staff.activity_names == ("accueil du public", "archives", "instruction")
    assert staff.activity_shares.tolist() == [
        [0.4, 0.0, 0.6],
        [0.0, 1.0, 0.0],
        [0.0, 0.5, 0.5],
        [0.0, 0.0, 0.0],
    ]
    assert not staff.activity_shares.flags.writeable


def test_selections_by_hand() -> None:
    staff = Workforce.from_agents(STAFF)
    assert staff.contract_type_in({"apprentice", "contractuel"}).tolist() == [0, 1, 0, 1]
    assert staff.contract_type_in("titulaire").tolist() == [1, 0, 0, 0]
    assert staff.contract_type_in([ContractType.TRAINEE]).tolist() == [0, 0, 0, 0]
    assert staff.category_in({"A", "cat. B"}).tolist() == [1, 0, 0, 1]
    assert staff.establishment_in({" Cahors"}).tolist() == [1, 0, 0, 1]
    assert staff.establishment_in({""}).tolist() == [0, 0, 0, 0]
    assert staff.has_activity({"archives"}).tolist() == [0, 1, 1, 0]
    assert staff.has_activity({"nothing"}).tolist() == [0, 0, 0, 0]
    share = staff.activity_share({"instruction", "archives"})
    assert share[:3].tolist() == [0.6, 1.0, 1.0] and math.isnan(share[3])
    assert staff.activities_stated().tolist() == [1, 1, 1, 0]
    with pytest.raises(ValidationError, match=r"^names: .*ambiguous"):
        staff.contract_type_in({"stagiaire"})
    with pytest.raises(ValidationError, match="names"):
        staff.category_in({"Z"})


def test_one_agent_has_the_columns_of_the_general_build() -> None:
    """The one-agent path shares its read-only arrays and gives the same columns."""
    for person in STAFF:
        one = Workforce.from_agents([person])
        two = Workforce.from_agents([person, attrs.evolve(person, id="other")])
        for name in ("contract_type", "category", "establishment"):
            assert getattr(one, name).value(0) == getattr(two, name).value(0)
            assert not getattr(one, name).codes.flags.writeable
        assert one.activity_names == two.activity_names
        np.testing.assert_array_equal(one.activity_shares, two.activity_shares[:1])
        assert not one.activity_shares.flags.writeable
        assert one.agent(0) == two.agent(0) == person
    plain = Workforce.from_agents([agent()])
    again = Workforce.from_agents([agent(id="Z")])
    assert plain.contract_type is again.contract_type  # one shared "not stated" column
    assert plain.hire_date is again.hire_date  # one shared column per hire date
    assert plain.hire_date.tolist() == [np.datetime64(HIRED, "D").astype(object)]
    assert not plain.hire_date.flags.writeable


def test_take_keeps_the_new_columns() -> None:
    staff = Workforce.from_agents(STAFF)
    part = staff.take([3, 1])
    assert [part.contract_type.value(i) for i in range(2)] == ["contract_staff", "apprentice"]
    assert part.activity_shares.tolist() == [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    assert list(part) == [STAFF[3], STAFF[1]]


# --- every reader and writer -------------------------------------------------------------


def csv_text(records: list[dict[str, Any]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    names = list(records[0]) if records else ["id", "hire_date"]
    writer = csv.DictWriter(buffer, fieldnames=names, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


@settings(max_examples=60)
@given(planned_agent_lists())
def test_records_csv_and_pandas_give_back_every_field(agents: list[Agent]) -> None:
    """agent -> workforce -> records, CSV or DataFrame -> workforce -> agent: equal agents,
    every field included."""
    staff = Workforce.from_agents(agents)
    assert list(staff) == agents
    records = staff.to_records()
    assert list(Workforce.from_records(records)) == agents
    if agents:
        assert list(Workforce.from_csv(io.StringIO(csv_text(records, ";")))) == agents
    assert list(Workforce.from_pandas(staff.to_pandas())) == agents


def test_records_write_the_fields_as_text() -> None:
    records = Workforce.from_agents(STAFF).to_records()
    assert [
        (r["contract_type"], r["category"], r["establishment"], r["activities"]) for r in records
    ] == [
        ("civil_servant", "A", "Cahors", "accueil du public 40 %; instruction 60 %"),
        ("apprentice", "C", "", "archives 100 %"),
        ("", "", "Figeac", "archives 50 %; instruction 50 %"),
        ("contract_staff", "B", "Cahors", ""),
    ]
    frame = Workforce.from_agents(STAFF).to_pandas()
    assert frame["contract_type"].tolist() == [
        "civil_servant",
        "apprentice",
        "",
        "contract_staff",
    ]
    assert isinstance(frame["category"].dtype, pd.CategoricalDtype)


FRENCH_REGISTER = """matricule;date_entree;type_contrat;categorie;etablissement;activites
L-1;2010-09-01;Fonctionnaire;cat. A;Cahors;"instruction 70 %; accueil 30 %"
L-2;2011-01-01;stagiaire;B;Figeac;instruction
L-3;2012-01-01;contractuel;D;Figeac;
L-4;2013-01-01;apprentie;C;;instruction 60 %| accueil 30 %
L-5;2014-01-01;stagiaire école;;Gourdon;accueil du public
"""
FRENCH_COLUMNS = {
    "matricule": "id",
    "date_entree": "hire_date",
    "type_contrat": "contract_type",
    "categorie": "category",
    "etablissement": "establishment",
    "activites": "activities",
}


def test_a_french_register_reads_through_the_column_mapping() -> None:
    """French headers are mapped with ``columns``; the bad rows are reported with their
    row number and field, and the others come out."""
    text = FRENCH_REGISTER
    staff = Workforce.from_csv(io.StringIO(text), columns=FRENCH_COLUMNS, errors="report")
    assert staff.ids.tolist() == ["L-1", "L-5"]
    assert staff.source_rows.tolist() == [0, 4]
    assert [(e.row, e.field) for e in staff.rejected] == [
        (1, "contract_type"),
        (2, "category"),
        (3, "activities"),
    ]
    assert "ambiguous" in staff.rejected[0].message
    first, last = staff.agent(0), staff.agent(1)
    assert (first.contract_type, first.category, first.establishment) == (
        ContractType.CIVIL_SERVANT,
        Category.A,
        "Cahors",
    )
    assert shares(first) == {"accueil": 30.0, "instruction": 70.0}
    assert last.contract_type is ContractType.TRAINEE and last.category is None
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_csv(io.StringIO(text), columns=FRENCH_COLUMNS)
    assert [e.row for e in caught.value.errors] == [1, 2, 3]


def test_unmapped_french_headers_are_an_error_with_a_suggestion() -> None:
    """There is no list of French header names: an unmapped one is an unknown column."""
    with pytest.raises(ValidationError) as caught:
        Workforce.from_records([{"id": "A", "hire_date": HIRED, "categorie": "A"}])
    assert caught.value.field == "columns.categorie" and "'category'" in caught.value.expected


def test_records_and_pandas_report_bad_rows_alike() -> None:
    records = [
        {"id": "A", "hire_date": HIRED, "contract_type": "apprenti", "activities": "x"},
        {"id": "B", "hire_date": HIRED, "contract_type": "stagiaire"},
        {"id": "C", "hire_date": HIRED, "category": "D"},
        {"id": "D", "hire_date": HIRED, "activities": "x 60 %; y 30 %"},
        {"id": "E", "hire_date": HIRED, "establishment": "Cahors"},
    ]
    expected = [(1, "contract_type"), (2, "category"), (3, "activities")]
    by_records = Workforce.from_records(records, errors="report")
    by_pandas = Workforce.from_pandas(pd.DataFrame(records), errors="report")
    for staff in (by_records, by_pandas):
        assert staff.ids.tolist() == ["A", "E"]
        assert [(e.row, e.field) for e in staff.rejected] == expected
        assert staff.agent(1).establishment == "Cahors"
        assert staff.agent(0).activities == (Activity("x", "100 %"),)


def test_from_columns_reads_each_distinct_value_and_reports_bad_rows() -> None:
    staff = Workforce.from_columns(
        ids=["A", "B", "C", "D"],
        hire_date=[HIRED] * 4,
        contract_type=["fonctionnaire", None, "stagiaire", ContractType.APPRENTICE],
        category=["a", "B", "", "cat. D"],
        establishment=[" Cahors", "", "Figeac", "Cahors"],
        activities=["x 60 %; y 40 %", None, (), {"x": "10 %"}],
        errors="report",
    )
    assert staff.ids.tolist() == ["A", "B"]
    assert [(e.row, e.field) for e in staff.rejected] == [(2, "contract_type"), (3, "category")]
    # as for roles, the categories are those of every row that reads (bad rows' too)
    assert staff.contract_type.categories == ("", "apprentice", "civil_servant")
    assert staff.establishment.categories == ("", "Cahors", "Figeac")
    assert staff.activity_shares.tolist() == [[0.6, 0.4], [0.0, 0.0]]


def test_from_columns_takes_categories_whole() -> None:
    """Categories are read category by category; a bad category refuses the input."""
    codes = np.array([0, 1, 1, 0], dtype=np.int32)
    staff = Workforce.from_columns(
        ids=["A", "B", "C", "D"],
        hire_date=[HIRED] * 4,
        contract_type=Categories(codes, ("contractuel", "titulaire")),
        category=Categories(codes, ("", "catégorie A")),
        establishment=Categories(codes, ("Cahors", "Figeac")),
    )
    assert [staff.contract_type.value(i) for i in range(4)] == [
        "contract_staff",
        "civil_servant",
        "civil_servant",
        "contract_staff",
    ]
    assert staff.category_in({"A"}).tolist() == [0, 1, 1, 0]
    assert staff.establishment_in({"Figeac"}).tolist() == [0, 1, 1, 0]
    with pytest.raises(ValidationError) as caught:
        Workforce.from_columns(
            ids=["A"], hire_date=[HIRED], contract_type=Categories(codes[:1], ("stagiaire",))
        )
    assert caught.value.field == "contract_type.categories"
    with pytest.raises(ValidationError) as caught:
        Workforce.from_columns(
            ids=["A"], hire_date=[HIRED], category=Categories(np.array([2], np.int32), ("A",))
        )
    assert caught.value.field == "category.codes"


def test_from_columns_takes_activity_shares_as_whole_columns() -> None:
    """{activity: shares}: zero or NaN where not carried, a row of none is not stated,
    rows near 100 % are scaled, rows far from it are bad rows."""
    staff = Workforce.from_columns(
        ids=["A", "B", "C", "D", "E"],
        hire_date=[HIRED] * 5,
        activities={
            "instruction": Q_(np.array([60.0, 0.0, math.nan, 50.0, 60.2]), "percent"),
            " accueil ": Q_(np.array([0.4, 0.0, 1.0, 0.0, 0.4]), ""),
        },
        errors="report",
    )
    assert staff.ids.tolist() == ["A", "B", "C", "E"]
    assert [(e.row, e.field) for e in staff.rejected] == [(3, "activities")]
    assert staff.activity_names == ("accueil", "instruction")
    assert staff.activity_shares[:3].tolist() == [[0.4, 0.6], [0.0, 0.0], [1.0, 0.0]]
    scaled = staff.agent(3).activities
    assert [float(a.share.magnitude) for a in scaled] == [
        float(round(Decimal(40) * 100 / Decimal("100.2"), 9)),
        float(round(Decimal("60.2") * 100 / Decimal("100.2"), 9)),
    ]
    with pytest.raises(ValidationError) as caught:
        Workforce.from_columns(ids=["A"], hire_date=[HIRED], activities={"x": Q_([1.0], "km")})
    assert caught.value.field == "activities.x"


def test_the_names_are_exported() -> None:
    assert tt.ContractType is ContractType and tt.Category is Category
    assert tt.Activity is Activity


def test_parquet_keeps_the_fields(tmp_path: Any) -> None:
    """A Parquet file written from the DataFrame reads back to the same agents, and a
    French header is mapped as in a CSV file."""
    pytest.importorskip("pyarrow")
    from teletravail.workforce.io import read_workforce

    frame = Workforce.from_agents(STAFF).to_pandas()
    frame.to_parquet(tmp_path / "staff.parquet")
    assert list(read_workforce(tmp_path / "staff.parquet")) == STAFF
    frame.rename(columns={"contract_type": "statut"}).to_parquet(tmp_path / "fr.parquet")
    read = read_workforce(tmp_path / "fr.parquet", columns={"statut": "contract_type"})
    assert list(read) == STAFF
