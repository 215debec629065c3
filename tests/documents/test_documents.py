"""Values read and written through their descriptions (``teletravail.documents``): one
description per value, shared by its ``from_dict`` and the policy documents."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given

from teletravail import config, presets
from teletravail.dated import DATED_VALUE, DatedParameter, DatedValue
from teletravail.documents import Converted, Key, Table, Text, read, write
from teletravail.errors import ConfigError, ValidationError
from teletravail.explain import Decision
from teletravail.impact import COSTS_TABLE, CentreCosts, pilot_2012_costs
from teletravail.messages import Phrase
from teletravail.scheduling import (
    Telecentre,
    TelecentreNetwork,
    aurillac_figeac_decazeville_2012,
)
from teletravail.sources import LOT_2013_GENERALISATION, SOURCE_TABLE, Source

from ..strategies import lot_rule, sources

ON = dt.date(2013, 1, 1)


def _positive(value: Any) -> int:
    if not isinstance(value, int) or value <= 0:
        raise ValidationError("n", value, Phrase("a number > 0", "un nombre > 0"))
    return value


PAIR = Table(
    "pair",
    "Two keys.",
    [
        Key("name", Text(), "a name", True),
        Key("n", Converted(_positive, Phrase("a number", "un nombre"), {"type": "integer"}), "n"),
    ],
    lambda data: data,
    lambda data: data,
)


def test_one_problem_is_a_validation_error_naming_its_key_path() -> None:
    """A single problem is raised as the ValidationError it is, at its key path, with
    the converter's own words."""
    with pytest.raises(ValidationError) as caught:
        read(PAIR, {"name": "a", "n": 0}, "pair")
    assert type(caught.value) is ValidationError
    assert caught.value.field == "pair.n"
    assert str(caught.value) == "pair.n: expected a number > 0, got 0"
    assert read(PAIR, {"name": "a", "n": 2}, "pair") == {"name": "a", "n": 2}
    assert write(PAIR, {"name": "a", "n": 2}) == {"name": "a", "n": 2}


def test_every_problem_at_once_is_a_config_error() -> None:
    """Several problems are one ConfigError listing each with its key path; it is a
    ValidationError whose field is the first problem's path."""
    with pytest.raises(ConfigError) as caught:
        read(PAIR, {"n": -1, "nmae": "a"}, "pair")
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["pair.nmae", "pair.name", "pair.n"]
    assert caught.value.field == "pair.nmae"
    assert "did you mean 'name'?" in str(caught.value)
    assert "clé manquante" in caught.value.text("fr")


def test_source_from_dict_says_every_problem() -> None:
    """A source with a misspelt key, a bad date and the former seed key gets all three."""
    with pytest.raises(ConfigError) as caught:
        Source.from_dict(
            {"title": "T", "dat": "2012-07-06", "date": "2012-02-30", "seed": "a.txt"},
            "finding.source",
        )
    assert {problem.path for problem in caught.value.problems} == {
        "finding.source.seed",
        "finding.source.dat",
        "finding.source.date",
    }
    with pytest.raises(ValidationError) as one:
        Source.from_dict({"publication": "Zevillage"})
    assert one.value.field == "source.title"


@given(source=sources())
def test_any_source_round_trips_through_its_description(source: Source) -> None:
    """to_dict -> JSON -> from_dict gives the source back; to_dict is the description's
    writing, in the order of a citation."""
    data = json.loads(json.dumps(source.to_dict()))
    assert Source.from_dict(data) == source
    order = ("title", "publication", "date", "article", "amended_by", "version", "implements")
    order += ("journal", "in_force", "reference", "url", "note", "unconfirmed")
    assert list(data) == [key for key in order if key in data]


def test_a_document_source_is_the_library_description() -> None:
    """The policy documents' source table is made of the keys that describe a Source,
    and a dated value's table of the same keys as DatedValue.from_dict's."""
    own = config.SOURCE.own
    assert all(own.by_name[key.name] is key for key in SOURCE_TABLE.keys)
    entry = config.DatedKind(config.Amount("[length]", "2 km"), "d").entry
    assert [key.name for key in entry.keys] == [key.name for key in DATED_VALUE.keys]
    assert entry.by_name["start"].doc == DATED_VALUE.by_name["start"].doc


def test_a_document_reads_a_source_as_from_dict_does() -> None:
    """The same table of a source reads to the same Source in a document and in
    Source.from_dict."""
    data = {**LOT_2013_GENERALISATION.to_dict(), "note": "read twice"}
    document = config.to_document(presets.load("lot-2013"))
    document["sources"] = [*document.get("sources", []), {"id": "article", **data}]
    policy = config.from_document(document)
    assert Source.from_dict(data) in policy.sources


def test_dated_parameter_from_dict_names_each_problem() -> None:
    """Two bad entries of a parameter are two problems, each at its key path."""
    data = json.loads(json.dumps(_rate().to_dict()))
    data["values"][0]["start"] = "2020-13-01"
    data["values"][1]["value"] = "lots"
    with pytest.raises(ConfigError) as caught:
        DatedParameter.from_dict(data)
    assert [p.path for p in caught.value.problems] == [
        "parameter.values[0].start",
        "parameter.values[1].value",
    ]
    with pytest.raises(ValidationError) as one:
        DatedValue.from_dict({"start": "2020-01-01", "value": "1 km"}, "entry")
    assert one.value.field == "entry.source"


def _rate() -> DatedParameter:
    from teletravail.allowance import forfait_daily_rate

    return forfait_daily_rate()


def test_decision_from_dict_says_every_problem() -> None:
    """A damaged decision document names every damaged key, in the tree too."""
    document = json.loads(json.dumps(lot_rule().evaluate(_agent(), ON).to_dict()))
    document["on"] = "2013-02-30"
    document["result"]["children"][1]["passed"] = 1
    document["result"]["children"][0]["kind"] = "some"
    with pytest.raises(ConfigError) as caught:
        Decision.from_dict(document)
    assert [p.path for p in caught.value.problems] == [
        "decision.on",
        "decision.result.children[0].kind",
        "decision.result.children[1].passed",
    ]


def _agent() -> Any:
    from teletravail import Agent

    return Agent(id="A", hire_date="2010-01-01", commute_distance="28 km")


def test_centre_and_network_documents() -> None:
    """A centre's keys are checked as its constructor checks them, every problem at
    once; the network's desks must be the centres' sum."""
    network = aurillac_figeac_decazeville_2012()
    data = json.loads(json.dumps(network.to_dict()))
    data["centres"][0]["desks"] = 0
    data["centres"][1]["open_weekdays"] = ["lundi", "funday"]
    data["centres"][2]["sevices"] = []
    with pytest.raises(ConfigError) as caught:
        TelecentreNetwork.from_dict(data)
    problems = {p.path: p for p in caught.value.problems}
    assert set(problems) == {
        "network.centres[0].desks",
        "network.centres[1].open_weekdays",
        "network.centres[2].sevices",
    }
    with pytest.raises(ValidationError) as constructor:
        Telecentre(name="a", commune="a", department="a", desks=0)
    assert problems["network.centres[0].desks"].expected == constructor.value.expected
    assert Telecentre.from_dict(network.centres[0].to_dict()) == network.centres[0]


def test_costs_document() -> None:
    """Costs read and write through their table, amounts as exact decimals."""
    costs = pilot_2012_costs()
    assert write(COSTS_TABLE, costs) == costs.to_dict()
    with pytest.raises(ConfigError) as caught:
        CentreCosts.from_dict({"set_up": "-5 EUR", "running": "5 EUR", "years": 5})
    assert [p.path for p in caught.value.problems] == [
        "costs.years",
        "costs.set_up",
        "costs.running",
    ]
