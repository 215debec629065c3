"""Policy documents: reading, writing, every problem reported, the schema and presets."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teletravail import Policy, config, presets, sources
from teletravail.dated import Period
from teletravail.eligibility import Predicate, Volunteer
from teletravail.eligibility.selection import SelectionCampaign
from teletravail.errors import ConfigError, ValidationError

from ..strategies import policies

DOCS = Path(__file__).resolve().parents[2] / "docs"

MINIMAL = """
name = "Test"
territory = "Somewhere"
period = { start = "2024-01-01" }
eligibility = { criterion = "volunteer" }
"""


def problems(text: str, fmt: config.Syntax = "toml") -> dict[str, str]:
    """The problems of a document, as path -> expected."""
    with pytest.raises(ConfigError) as caught:
        config.loads(text, format=fmt)
    return {problem.path: problem.expected for problem in caught.value.problems}


# --- presets ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", presets.names())
def test_preset_round_trips_through_toml_and_json(name: str) -> None:
    """Every shipped preset reads, writes and reads back to an equal policy."""
    policy = presets.load(name)
    for fmt in ("toml", "json"):
        again = config.loads(config.dumps(policy, format=fmt), format=fmt)
        assert again == policy
        assert config.to_document(again) == config.to_document(policy)


@pytest.mark.parametrize("name", presets.names())
def test_preset_cites_its_sources_and_matches_the_schema(name: str) -> None:
    """Every preset has sources, a summary, and its document is valid for the schema."""
    policy = presets.load(name)
    assert policy.sources or policy.eligibility
    assert policy.description.splitlines()[0]
    document = config.to_document(policy)
    jsonschema.validate(document, config.json_schema())
    raw = __import__("tomllib").loads(presets.text(name))
    jsonschema.validate(raw, config.json_schema())


def test_presets_list_one_line_each() -> None:
    """presets.catalogue() gives every preset with a summary line and its period."""
    listed = presets.catalogue()
    assert [p.name for p in listed] == list(presets.names())
    lot = {p.name: p for p in listed}["lot-2013"]
    assert lot.start.isoformat() == "2013-01-01" and lot.end is None
    assert "1.5 days" in lot.summary and lot.line().startswith("lot-2013")
    gazette = [s for s in lot.sources if s.publication == "La Gazette des communes"]
    assert gazette and all(s.date == dt.date(2012, 7, 6) for s in gazette)


def test_unknown_preset_suggests_a_name() -> None:
    """A misspelt preset name is an error listing the names, with a suggestion."""
    with pytest.raises(ValidationError, match="did you mean 'lot-2013'"):
        presets.load("lot-2031")


def test_lot_2013_preset_holds_the_article_s_figures() -> None:
    """The Lot 2013 document holds the article's figures, written out here by hand: one
    year in the collectivity, 90 % working time, four roles excluded, a volunteer on a
    teleworkable post; 1 to 1.5 days a week in half days; 100 EUR once; each part cites
    the article of 6 July 2012 with its own reference."""
    from teletravail.allowance import Allowance, OneOff
    from teletravail.eligibility import (
        AllOf,
        ExcludedRoles,
        MinimumSeniority,
        MinimumWorkingTime,
        TeleworkablePost,
        Volunteer,
    )
    from teletravail.scheduling import Quota

    policy = presets.load("lot-2013")
    assert isinstance(policy.eligibility, AllOf)
    source = policy.eligibility.rules[0].source
    assert source is not None and source.date == dt.date(2012, 7, 6)
    excluded = frozenset({"production", "cadre", "travail_social", "applications_metier"})
    assert policy.eligibility == AllOf(
        rules=(
            MinimumSeniority(minimum="1 year", source=source),
            MinimumWorkingTime(minimum="90 %", source=source),
            ExcludedRoles(roles=excluded, tags=excluded, source=source),
            Volunteer(source=source),
            TeleworkablePost(source=source),
        )
    )
    assert policy.quota is not None and policy.allowance is not None
    assert policy.quota == Quota(
        name="Lot 2013",
        minimum="1 workday/week",
        maximum="1.5 workday/week",
        on_site_minimum="2 workday/week",
        granularity="halfday",
        source=policy.quota.source,
    )
    start = policy.allowance.components[0]
    assert policy.allowance == Allowance(
        components=[OneOff(name="indemnité de démarrage", amount="100 EUR", source=start.source)]
    )
    assert policy.quota.source == start.source == source == sources.LOT_2013_GENERALISATION


def test_lozere_preset_selects_eight_by_distance() -> None:
    """The Lozère 2015 preset allots 8 seats, longest commute first."""
    selection = presets.load("lozere-2015").selection
    assert selection == SelectionCampaign(
        seats=8, rank_by="commute_distance", descending=True, name="Lozère 2015"
    )


# --- reading: every problem at once ---------------------------------------------------------


def test_every_problem_is_reported_with_its_key_path() -> None:
    """Several mistakes in one document are all reported, each at its key path."""
    found = problems(
        """
name = "Test"
territory = ""
asks = "ignore"
period = { start = "2024-13-01" }
eligibility = { all_of = [
    { criterion = "volunteer" },
    { criterion = "working_time.minimum", minimum = "90 %" },
    { criterion = "seniority.minimum", minimum = "90 %" },
] }
[quota]
maximun = "3 workday/week"
"""
    )
    assert set(found) == {
        "territory",
        "asks",
        "period.start",
        "eligibility.all_of[2].minimum",
        "quota.maximun",
        "quota.maximum",
    }
    assert "did you mean 'maximum'" in found["quota.maximun"]
    assert "duration" in found["eligibility.all_of[2].minimum"]


def test_error_message_lists_every_problem() -> None:
    """The error's text names the document and has one line per problem."""
    with pytest.raises(ConfigError) as caught:
        config.loads(MINIMAL + 'asks = "cut"\nplaces = ["home", "hom"]\n', origin="mine.toml")
    text = str(caught.value)
    assert text.startswith("mine.toml: 2 problems")
    expected = (
        "places[1]: expected one of: home, telecentre, site, other"
        " (or domicile, télécentre, tiers-lieu, autre) (did you mean 'home'?)"
    )
    assert expected in text
    assert isinstance(caught.value, ValidationError) and caught.value.field == "places[1]"


def test_misspelt_criterion_code_is_suggested() -> None:
    """An unknown criterion code names the known ones and the closest."""
    found = problems(MINIMAL.replace('"volunteer"', '"voluntear"'))
    assert "did you mean 'volunteer'" in found["eligibility.criterion"]


def test_unknown_top_level_key_is_an_error() -> None:
    """Keys the format does not know are refused, not ignored."""
    found = problems(MINIMAL + 'territoire = "Lot"\n')
    assert "a key of policy (no such key)" in found["territoire"]


def test_wrong_dimension_names_what_was_expected() -> None:
    """A quantity of the wrong dimension is refused with an example of the right one."""
    found = problems(MINIMAL + '[quota]\nmaximum = "3 km"\n')
    assert "3 workday/week" in found["quota.maximum"]


def test_source_ids_resolve_and_typos_are_suggested() -> None:
    """A source cited by id is the document's source; an unknown id is suggested."""
    text = MINIMAL.replace(
        'eligibility = { criterion = "volunteer" }',
        'eligibility = { criterion = "volunteer", source = "deliberation" }',
    )
    text += '[[sources]]\nid = "deliberation"\ntitle = "Délibération du 29 juin 2012"\n'
    policy = config.loads(text)
    assert policy.eligibility.source == policy.sources[0]
    found = problems(text.replace('source = "deliberation"', 'source = "deliberaton"'))
    assert "did you mean 'deliberation'" in found["eligibility.source"]


ARTICLE = """
[[sources]]
id = "gazette"
title = "Le télétravail gagne les collectivités (example)"
publication = "La Gazette des communes"
date = "2012-07-06"
reference = "1 à 1,5 jour de télétravail par semaine"
"""


def test_an_article_is_cited_by_title_publication_and_date() -> None:
    """A source's publication and date read, write back and read again equal."""
    text = MINIMAL.replace(
        'eligibility = { criterion = "volunteer" }',
        'eligibility = { criterion = "volunteer", source = "gazette" }',
    )
    policy = config.loads(text + ARTICLE)
    source = policy.sources[0]
    assert (source.publication, source.date) == ("La Gazette des communes", dt.date(2012, 7, 6))
    written = config.to_document(policy)
    assert written["sources"][0]["date"] == "2012-07-06"
    assert written["sources"][0]["publication"] == "La Gazette des communes"
    assert written["sources"][0]["id"] == written["eligibility"]["source"]
    for fmt in ("toml", "json"):
        assert config.loads(config.dumps(policy, format=fmt), format=fmt) == policy
    jsonschema.validate(written, config.json_schema())
    inline = MINIMAL + '[quota]\nmaximum = "1 workday/week"\n[quota.source]\ntitle = "T"\n'
    inline += 'publication = "Zevillage"\ndate = "2013-04-20"\n'
    assert config.loads(inline).quota.source.date == dt.date(2013, 4, 20)  # type: ignore[union-attr]


# --- sources from the library's catalogue ------------------------------------------------

CITING = MINIMAL.replace(
    'eligibility = { criterion = "volunteer" }',
    'eligibility = { criterion = "volunteer", source = "decret-2016-151" }',
)


def test_a_document_cites_a_text_of_the_catalogue_by_its_id() -> None:
    """An id of the catalogue is its text, without a declaration; written back as the id,
    and the document stays valid for the schema."""
    from teletravail import sources

    policy = config.loads(CITING)
    assert policy.eligibility.source == sources.DECRET_2016_151
    assert policy.eligibility.source.title == "Décret n° 2016-151 du 11 février 2016"
    assert policy.sources == ()
    written = config.to_document(policy)
    assert written["eligibility"] == {"criterion": "volunteer", "source": "decret-2016-151"}
    assert "sources" not in written
    jsonschema.validate(written, config.json_schema())
    for fmt in ("toml", "json"):
        assert config.loads(config.dumps(policy, format=fmt), format=fmt) == policy


def test_cites_qualifies_a_text_of_the_catalogue() -> None:
    """`cites` takes the catalogue's title, publication and date and adds the document's
    own reference, url or note; declared or inline, it reads back equal in TOML and JSON."""
    from teletravail import sources

    text = CITING.replace('source = "decret-2016-151"', 'source = "art-3"')
    text += '[[sources]]\ncites = "decret-2020-524"\n'
    text += '[[sources]]\nid = "art-3"\ncites = "decret-2016-151"\nreference = "art. 3"\n'
    text += '[quota]\nmaximum = "1 workday/week"\n[quota.source]\ncites = "solozere-2015"\n'
    text += 'note = "unconfirmed: one day a week inferred"\n'
    policy = config.loads(text)
    art_3 = attrs.evolve(sources.DECRET_2016_151, reference="art. 3")
    assert policy.sources == (sources.DECRET_2020_524, art_3)
    assert policy.eligibility.source == art_3
    assert policy.quota is not None and policy.quota.source is not None
    assert policy.quota.source.date == dt.date(2015, 4, 2) and policy.quota.source.unconfirmed
    assert policy.quota.source.reference is None
    written = config.to_document(policy)
    assert written["sources"] == [
        {"cites": "decret-2020-524"},
        {"id": "source-2", "cites": "decret-2016-151", "reference": "art. 3"},
    ]
    assert written["eligibility"]["source"] == "source-2"
    assert written["quota"]["source"] == {
        "cites": "solozere-2015",
        "note": "unconfirmed: one day a week inferred",
    }
    jsonschema.validate(written, config.json_schema())
    for fmt in ("toml", "json"):
        assert config.loads(config.dumps(policy, format=fmt), format=fmt) == policy


def test_a_text_of_the_catalogue_written_out_is_written_back_citing_it() -> None:
    """A document that writes out a text the catalogue holds (its title, publication and
    date) reads as that text; writing the policy back cites the catalogue."""
    from teletravail import sources

    article = (
        '[[sources]]\nid = "gazette"\ntitle = "Le conseil général du Lot généralise le'
        ' télétravail après un an d\'expérimentation"\npublication = "La Gazette des'
        ' communes"\ndate = "2012-07-06"\nreference = "1 à 1,5 jour"\n'
    )
    policy = config.loads(CITING.replace('"decret-2016-151"', '"gazette"') + article)
    assert policy.eligibility.source == attrs.evolve(
        sources.LOT_2013_GENERALISATION, reference="1 à 1,5 jour"
    )
    written = config.to_document(policy)
    assert written["sources"] == [
        {"id": "source-1", "cites": "gazette-lot-2013", "reference": "1 à 1,5 jour"}
    ]
    assert config.loads(config.dumps(policy)) == policy


def test_a_source_that_leaves_out_what_the_catalogue_says_is_written_out() -> None:
    """A source of a catalogue text without a url the catalogue gives cannot be written
    with `cites` (a table cannot write a key away): it is written out, and reads back
    equal."""
    from teletravail import sources

    unlinked = attrs.evolve(sources.IMPACTCO2, url=None)
    policy = attrs.evolve(config.loads(MINIMAL), eligibility=Volunteer(source=unlinked))
    written = config.to_document(policy)
    assert written["eligibility"]["source"] == {"title": sources.IMPACTCO2.title}
    assert config.loads(config.dumps(policy)) == policy


def test_bad_citations_of_the_catalogue_are_reported_at_their_key_path() -> None:
    """An id of the document's own that the catalogue holds is ambiguous; an unknown id
    after `cites`, or a title beside it, is refused; an unknown id cited is suggested
    from the document's and the catalogue's; every problem at once, in French too."""
    text = CITING.replace('"decret-2016-151"', '"decret-2016-15"')
    text += '[[sources]]\nid = "decret-2020-524"\ntitle = "Décret n° 2020-524"\n'
    text += '[[sources]]\nid = "art-3"\ncites = "decret-2061-151"\n'
    text += '[[sources]]\nid = "art-4"\ncites = "decret-2016-151"\ntitle = "Décret"\n'
    with pytest.raises(ConfigError) as caught:
        config.loads(text)
    found = {problem.path: problem for problem in caught.value.problems}
    assert list(found) == [
        "sources[0].id",
        "sources[1].cites",
        "sources[2].title",
        "eligibility.source",
    ]
    assert "catalogue" in found["sources[0].id"].expected
    assert "cites = 'decret-2020-524'" in found["sources[0].id"].expected
    assert "did you mean 'decret-2016-151'" in found["sources[1].cites"].expected
    assert "no title beside cites" in found["sources[2].title"].expected
    assert "did you mean 'decret-2016-151'" in found["eligibility.source"].expected
    french = caught.value.text("fr")
    assert "catalogue de sources" in french and "aucune clé title à côté de cites" in french


def test_bad_publication_and_date_are_reported_at_their_key_path() -> None:
    """A date that is not one, or an empty publication, is a problem at its key path."""
    bad = ARTICLE.replace('"2012-07-06"', '"6 juillet 2012"').replace(
        'publication = "La Gazette des communes"', 'publication = ""'
    )
    found = problems(MINIMAL + bad)
    assert "ISO date" in found["sources[0].date"]
    assert "non-empty" in found["sources[0].publication"]
    inline = MINIMAL + '[quota]\nmaximum = "1 workday/week"\n[quota.source]\ntitle = "T"\n'
    assert "date that exists" in problems(inline + 'date = "2013-02-30"\n')["quota.source.date"]


def test_the_former_seed_key_says_what_to_write_instead() -> None:
    """A source that still writes `seed` is refused at its key path, with what to write
    (title, publication, date), and the document's other problems are still reported."""
    text = MINIMAL.replace(
        'eligibility = { criterion = "volunteer" }',
        'eligibility = { criterion = "volunteer", source = "lot" }',
    )
    text += '[[sources]]\nid = "lot"\ntitle = "Conseil général du Lot"\nseed = "lot.txt"\n'
    text += '[quota]\nmaximum = "3 km"\n[quota.source]\ntitle = "Q"\nseed = "other.txt"\n'
    found = problems(text)
    assert set(found) == {"sources[0].seed", "quota.source.seed", "quota.maximum"}
    for path in ("sources[0].seed", "quota.source.seed"):
        assert "publication" in found[path] and "date" in found[path]
        assert "'seed' is no longer read" in found[path]
    with pytest.raises(ConfigError) as caught:
        config.loads(text)
    assert "got 'lot.txt'" in str(caught.value)
    schema = config.json_schema()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(tomllib.loads(text.replace('"3 km"', '"3 workday/week"')), schema)


def test_cross_field_errors_come_from_the_model() -> None:
    """A quota whose minimum exceeds its maximum is reported at the quota's path."""
    found = problems(MINIMAL + '[quota]\nmaximum = "1 workday/week"\nminimum = "2 workday/week"\n')
    assert any(path.startswith("quota.") for path in found)


def test_format_and_version_are_checked() -> None:
    """A document of another format or a later version is refused."""
    found = problems('format = "other"\nversion = 2\n' + MINIMAL)
    assert set(found) == {"format", "version"}


def test_dated_values_in_three_forms() -> None:
    """A rate is one quantity, a list of dated values, or a named parameter."""
    base = MINIMAL + '[[allowance]]\nkind = "per_day"\n'
    one = config.loads(base + 'rate = "2.88 EUR/workday"\n')
    listed = config.loads(
        base + 'rate = [{ start = "2021-09-01", value = "2.50 EUR/workday" },'
        ' { start = "2023-01-01", value = "2.88 EUR/workday" }]\n'
    )
    assert one.allowance is not None and listed.allowance is not None
    assert one.allowance.components[0].rate.as_of("2024-01-01").m_as("EUR/workday") == 2.88
    assert listed.allowance.components[0].rate.as_of("2022-01-01").m_as("EUR/workday") == 2.5
    found = problems(
        base + 'rate = [{ start = "2023-01-01", value = "2.88 EUR/workday" },'
        ' { start = "2021-09-01", value = "2.50 EUR/workday" }]\n'
    )
    assert list(found) and all(path.startswith("allowance[0].rate") for path in found)


def test_json_documents_refuse_duplicate_keys_and_nan() -> None:
    """JSON with a key given twice, or NaN, is refused rather than read loosely, each
    at its key path."""
    document = config.to_document(presets.load("cantal-2012"))
    text = json.dumps(document)
    found = problems(text.replace('"name"', '"asks": NaN, "name"', 1), "json")
    assert "NaN and Infinity are not" in found["asks"]
    doubled = text.replace('"name"', '"name": "x", "name"', 1)
    with pytest.raises(ConfigError, match="name: expected a key written once") as caught:
        config.loads(doubled, format="json")
    assert [p.path for p in caught.value.problems] == ["name"]


# --- safety -------------------------------------------------------------------------------


def test_quantities_are_never_evaluated() -> None:
    """Expressions in quantity strings are refused, never evaluated."""
    for text in ("\"__import__('os').system('true') km\"", '"2*3 km"', '"1e3**9 km"'):
        found = problems(MINIMAL + f"[impact]\nspeed = {text}\n")
        assert "impact.speed" in found


def test_documents_over_the_size_limit_are_refused() -> None:
    """A document over MAX_BYTES is refused before it is parsed."""
    text = MINIMAL + "# " + "x" * config.MAX_BYTES + "\n"
    assert "at most" in problems(text)[""]


def test_rules_nested_too_deeply_are_refused() -> None:
    """Rules nested beyond MAX_DEPTH are one problem, not a crash."""
    rule: dict[str, Any] = {"criterion": "volunteer"}
    for _ in range(config.MAX_DEPTH + 5):
        rule = {"not": rule}
    document = json.dumps(
        {"name": "x", "territory": "y", "period": {"start": "2024-01-01"}, "eligibility": rule}
    )
    found = problems(document, "json")
    assert any("nested at most" in expected for expected in found.values())


def test_deeply_nested_syntax_is_a_config_error() -> None:
    """Arrays nested past the parser's recursion are a ConfigError."""
    text = "x = " + "[" * 100_000 + "]" * 100_000
    with pytest.raises(ConfigError):
        config.loads(text)
    with pytest.raises(ConfigError):
        config.loads("[" * 100_000 + "]" * 100_000, format="json")


def test_code_cannot_be_written() -> None:
    """A Predicate criterion or a ranking function cannot go into a document."""
    base = presets.load("cantal-2012")
    predicate = Predicate(name="site.badge", function=lambda w, on: [True], text="has a badge")
    with pytest.raises(ValidationError, match="Predicate"):
        config.to_document(attrs.evolve(base, eligibility=Volunteer() & predicate))
    ranked = SelectionCampaign(seats=2, rank_by=lambda w: [0.0])
    with pytest.raises(ValidationError, match="ranking function"):
        config.to_document(attrs.evolve(base, selection=ranked))


def test_files_are_read_by_suffix(tmp_path: Path) -> None:
    """load() and dump() pick TOML or JSON from the suffix; other suffixes are refused."""
    policy = presets.load("lozere-2015")
    for suffix in ("toml", "json"):
        path = tmp_path / f"policy.{suffix}"
        config.dump(policy, path)
        assert config.load(path) == policy
    with pytest.raises(ValidationError, match=r"\.toml or \.json"):
        config.load(tmp_path / "policy.yaml")
    with pytest.raises(ConfigError, match="readable file"):
        config.load(tmp_path / "missing.toml")


# --- properties ---------------------------------------------------------------------------


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(policies(), st.sampled_from(["toml", "json"]))
def test_any_policy_round_trips(policy: Policy, fmt: config.Syntax) -> None:
    """Any policy built from the strategies reads back equal, in TOML and in JSON."""
    text = config.dumps(policy, format=fmt)
    again = config.loads(text, format=fmt)
    assert again == policy
    assert config.to_document(again) == config.to_document(policy)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(presets.names()), st.data(), json_values)
def test_a_fuzzed_document_raises_only_typed_errors(name: str, data: Any, new: Any) -> None:
    """Any value put anywhere in a preset's document gives a policy or a ConfigError."""
    document = config.to_document(presets.load(name))
    path = data.draw(st.sampled_from(_paths(document)))
    fuzzed = _replace(document, path, new)
    outcome: object
    try:
        outcome = config.from_document(fuzzed)
    except ConfigError as error:
        outcome = error.problems
    assert isinstance(outcome, Policy) or (isinstance(outcome, tuple) and outcome)


@given(st.text(max_size=200) | json_values.map(json.dumps))
def test_any_text_raises_only_config_errors(text: str) -> None:
    """Arbitrary text is a policy or a ConfigError, in either syntax."""
    for fmt in ("toml", "json"):
        outcome: object
        try:
            outcome = config.loads(text, format=fmt)
        except ConfigError as error:
            outcome = error.problems
        assert isinstance(outcome, Policy | tuple)


# --- schema and reference -----------------------------------------------------------------


def test_json_schema_rejects_what_loading_rejects() -> None:
    """The schema refuses an unknown key and a missing one, as loading does."""
    schema = config.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = config.to_document(presets.load("public-service"))
    jsonschema.validate(good, schema)
    for bad in ({**good, "territoire": "x"}, {k: v for k, v in good.items() if k != "name"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_reference_in_the_docs_is_the_generated_one() -> None:
    """docs/configuration.md holds exactly the reference generated from the format."""
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- reference:start -->\n(.*)<!-- reference:end -->", text, re.S)
    assert match, "markers missing in docs/configuration.md"
    assert match.group(1).strip() == config.reference().strip(), (
        "regenerate with: teletravail schema --reference"
    )


def test_minimal_document_takes_the_defaults() -> None:
    """A document with only the required keys is a policy with the defaults."""
    policy = config.loads(MINIMAL)
    assert policy == Policy(
        name="Test",
        territory="Somewhere",
        period=Period(start="2024-01-01"),
        eligibility=Volunteer(),
    )


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("version = 1" + "0" * 400 + "\n" + MINIMAL, "version"),
        (MINIMAL + "[selection]\nseats = 1" + "0" * 400 + "\n", "selection.seats"),
        (MINIMAL + '[quota]\nmaximum = "1' + "0" * 400 + ' workday/week"\n', "quota.maximum"),
        (MINIMAL + 'places = ["Home"]\n', "places[0]"),
        (MINIMAL + "[leave]\nweeks_worked = 0\n", "leave.weeks_worked"),
        (MINIMAL + '[leave]\ndays = "25 workday"\nweeks_worked = 46\n', "leave"),
        (MINIMAL + '[calendar]\nsubdivision = "Atlantis"\n', "calendar.subdivision"),
        (
            MINIMAL + '[quota]\nmaximum = "3 workday/week"\ncaps = { year = "88 kg" }\n',
            "quota.caps.year",
        ),
    ],
)
def test_odd_values_are_problems_not_crashes(text: str, path: str) -> None:
    """Huge integers, a choice in another case, zero weeks worked, two leave assumptions,
    an unknown subdivision, a cap on days in kg: each one problem at its path."""
    assert path in problems(text)


def test_lone_surrogates_and_deep_values_are_problems() -> None:
    """A lone surrogate in JSON text, or a deeply nested value, is a ConfigError."""
    assert "name" in problems(
        '{"name": "\\ud800", "territory": "y", "period": {"start": "2024-01-01"},'
        ' "eligibility": {"criterion": "volunteer"}}',
        "json",
    )
    deep = '{"name": ' + "[" * 990 + "]" * 990 + "}"
    with pytest.raises(ConfigError):
        config.loads(deep, format="json")


def test_integral_floats_are_whole_numbers() -> None:
    """version = 1.0 and full_week = 5.0 read as whole numbers, as the schema says."""
    policy = config.loads(
        "version = 1.0\n" + MINIMAL + '[quota]\nmaximum = "2 workday/week"\nfull_week = 5.0\n'
    )
    assert policy.quota is not None and policy.quota.full_week == 5


@pytest.mark.parametrize("name", presets.names())
def test_every_preset_assesses_the_bundled_workforce(name: str) -> None:
    """Every preset assesses the synthetic register on its start date and in 2025 (agents
    hired later than an early date are reported, not assessed)."""
    from teletravail.samples import lot_2013_workforce

    policy = presets.load(name)
    staff = lot_2013_workforce()
    dates = [policy.period.start]
    if policy.period.end is None:
        dates.append(__import__("datetime").date(2025, 6, 1))
    for day in dates:
        totals = policy.assess_workforce(staff, day, errors="report").totals()
        assert totals["agents"] == 1200
        assert totals["allowance"].m_as("EUR") >= 0


def test_a_document_in_french_words_reads_as_in_english() -> None:
    """Units, places, periods and durations written in French read to the same policy
    as their English forms (and write back in the canonical English)."""
    english = """
format = "teletravail.policy"
version = 1
name = "x"
territory = "y"
places = ["home", "telecentre"]
[period]
start = "2024-01-01"
[eligibility]
criterion = "seniority.minimum"
minimum = "1 year 6 months"
[quota]
maximum = "2 workday/week"
granularity = "halfday"
floating = { volume = "2 workday", per = "month" }
caps = { year = "88 workday" }
[[allowance]]
kind = "per_day"
rate = "2.50 EUR/workday"
cap = "220 EUR"
cap_per = "year"
"""
    french = (
        english.replace('["home", "telecentre"]', '["domicile", "tiers-lieu"]')
        .replace('"1 year 6 months"', '"1 an 6 mois"')
        .replace('"2 workday/week"', '"2 jours/semaine"')
        .replace('"halfday"', '"demi-journée"')
        .replace('volume = "2 workday", per = "month"', 'volume = "2 jours", per = "mois"')
        .replace('"88 workday"', '"88 jours"')
        .replace('"2.50 EUR/workday"', '"2,50 €/jour"')
        .replace('"220 EUR"', '"220 €"')
        .replace('cap_per = "year"', 'cap_per = "an"')
    )
    assert french != english
    assert config.loads(french) == config.loads(english)
    assert config.dumps(config.loads(french)) == config.dumps(config.loads(english))
    found = problems(english.replace('"2 workday/week"', '"2 km/semaine"'))
    assert "quota.maximum" in found and "[workday] / [time]" in found["quota.maximum"]


# --- authorisation terms --------------------------------------------------------------------

AUTHORISATION_FR = """
[authorisation]
duration = "1 an"
renewal = "tacite"
max_renewals = 2
decision_before = "1 mois"
answer_within = "15 jours"
adaptation = "3 mois"
notice_agent = "2 mois"
notice_employer = "2 mois"
notice_adaptation = "1 mois"
employer_may_shorten = true
source = { title = "Délibération du 12 décembre 2022", note = "as the décret" }
"""


def test_authorisation_terms_round_trip_every_key() -> None:
    """Every key of [authorisation], in French words, reads to the English terms and
    writes back (in English) to an equal policy, in TOML and JSON."""
    from teletravail.dated import Duration
    from teletravail.policy.terms import AuthorisationTerms, Renewal

    policy = config.loads(MINIMAL + AUTHORISATION_FR)
    terms = policy.authorisation
    assert terms == AuthorisationTerms(
        duration=Duration(years=1),
        renewal=Renewal.TACIT,
        max_renewals=2,
        decision_before=Duration(months=1),
        answer_within=Duration(days=15),
        adaptation=Duration(months=3),
        notice_agent=Duration(months=2),
        notice_employer=Duration(months=2),
        notice_adaptation=Duration(months=1),
        employer_may_shorten=True,
        source=terms.source if terms is not None else None,
    )
    assert terms is not None and terms.source is not None
    assert terms.source.title == "Délibération du 12 décembre 2022"
    english = (
        AUTHORISATION_FR.replace('"1 an"', '"1 year"')
        .replace('"tacite"', '"tacit"')
        .replace('"3 mois"', '"3 months"')
        .replace('"2 mois"', '"2 months"')
        .replace('"1 mois"', '"1 month"')
        .replace('"15 jours"', '"15 days"')
    )
    assert config.loads(MINIMAL + english) == policy
    written = config.to_document(policy)["authorisation"]
    keys = config.json_schema()["properties"]["authorisation"]["properties"]
    assert set(written) == set(keys)  # every key written, so every key round-trips
    assert written["renewal"] == "tacit" and written["duration"] == "1 year"
    for fmt in ("toml", "json"):
        again = config.loads(config.dumps(policy, format=fmt), format=fmt)
        assert again == policy
    jsonschema.validate(config.to_document(policy), config.json_schema())
    assert "authorisation" not in config.to_document(config.loads(MINIMAL))


def test_authorisation_express_renewal_and_open_ended_terms() -> None:
    """'expresse' reads as express; a table without a duration is open-ended."""
    policy = config.loads(MINIMAL + '[authorisation]\nduration = "6 mois"\nrenewal = "expresse"\n')
    assert policy.authorisation is not None and policy.authorisation.renewal == "express"
    open_ended = config.loads(MINIMAL + '[authorisation]\nadaptation = "2 mois"\n')
    assert open_ended.authorisation is not None
    assert open_ended.authorisation.duration is None
    assert open_ended.authorisation.end("2024-01-01") is None


@pytest.mark.parametrize(
    ("table", "path", "expected"),
    [
        ('duration = "-1 an"', "authorisation.duration", "a duration such as"),
        ('duration = "1 an"\nrenewal = "tacid"', "authorisation.renewal", "did you mean 'tacit'"),
        ('duration = "1 an"\nrenewal = "tacitement"', "authorisation.renewal", "tacite"),
        ("max_renewals = 2", "authorisation.max_renewals", "a duration to renew"),
        ('renewal = "tacite"', "authorisation.renewal", "a duration to renew"),
        ('duration = "1 an"\nmax_renewals = 2', "authorisation.max_renewals", "a renewal"),
        ('duration = "1 an"\nrenewal = "tacit"\nmax_renewals = 0', "authorisation.max_renewals",
         "a whole number from 1 to 1000"),
        ('duration = "1 an"\nadaptation = "1 an"', "authorisation.adaptation", "shorter than"),
        ('notice_adaptation = "1 mois"', "authorisation.notice_adaptation", "an adaptation"),
        ('notice_agent = "2 km"', "authorisation.notice_agent", "a duration such as"),
        ('answer_within = "0 jour"', "authorisation.answer_within", "a length above 0"),
        ('answer_within = "un mois"', "authorisation.answer_within", "a duration such as"),
        ('employer_may_shorten = "oui"', "authorisation.employer_may_shorten", "true or false"),
        ('preavis = "2 mois"', "authorisation.preavis", "a key of authorisation"),
        ('source = "deliberation"', "authorisation.source", "the id of one of"),
    ],
)  # fmt: skip
def test_bad_authorisation_terms_are_reported_at_their_key_path(
    table: str, path: str, expected: str
) -> None:
    """A negative duration, an unknown renewal word, a renewal count without a
    duration...: one problem at its key path."""
    found = problems(MINIMAL + "[authorisation]\n" + table + "\n")
    assert path in found and expected in found[path], found


def test_every_bad_authorisation_key_is_reported_at_once() -> None:
    """Several bad keys of [authorisation] are all reported, with the rest of the
    document's problems."""
    found = problems(
        MINIMAL.replace('name = "Test"', 'name = ""')
        + '[authorisation]\nduration = "un an"\nrenewal = "auto"\nnotice_employer = "-1 mois"\n'
    )
    assert set(found) == {
        "name",
        "authorisation.duration",
        "authorisation.renewal",
        "authorisation.notice_employer",
    }


def test_a_cap_written_with_its_period_says_how_to_write_it() -> None:
    """'220 € par an' is 220 EUR a year: as a cap, the document is told to write the
    amount and cap_per apart, in English and French."""
    from teletravail.units import Q_, as_quantity

    assert as_quantity("220 € par an", field="x", dimension="[currency] / [time]") == Q_(
        220, "EUR/year"
    )
    document = """
format = "teletravail.policy"
version = 1
name = "x"
territory = "y"
period = { start = 2024-01-01 }
eligibility = { criterion = "volunteer" }
[[allowance]]
kind = "per_day"
rate = "2,50 €/jour"
cap = "220 € par an"
"""
    with pytest.raises(config.ConfigError) as caught:
        config.loads(document)
    (problem,) = caught.value.problems
    assert problem.path == "allowance[0].cap"
    assert "cap = '220 EUR' and cap_per = 'year'" in str(problem)
    assert "cap = « 220 € » et cap_per = « an »" in problem.text("fr").replace("\u00a0", " ")
    fixed = document.replace('cap = "220 € par an"', 'cap = "220 €"\ncap_per = "an"')
    assert config.loads(fixed).allowance.components[0].cap_per == "year"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "part",
    [
        {"authorisation": {"renewal": "tacit"}},
        {"authorisation": {"duration": "1 year", "max_renewals": 2}},
        {"quota": {"maximum": "2 workday/week", "modality": "flottants"}},
        {"populations": [{"name": "a", "concerned": False, "places": ["home"]}]},
        {"allowance": [{"kind": "per_day", "rate": "2 EUR/workday", "branch": "state"}]},
    ],
    ids=[
        "renewal without a duration",
        "a count without a renewal",
        "floating days without a volume",
        "rules outside the scheme",
        "a branch without a national parameter",
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(part: dict[str, object]) -> None:
    """Keys that need others, and values that rule keys out, are in the JSON Schema too:
    a document the loader refuses for them is invalid against the schema."""
    import jsonschema

    document = {
        "format": "teletravail.policy",
        "version": 1,
        "name": "x",
        "territory": "y",
        "period": {"start": "2024-01-01"},
        "eligibility": {"criterion": "volunteer"},
        **part,
    }
    with pytest.raises(config.ConfigError):
        config.from_document(document)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, config.json_schema())


def test_the_sector_is_read_in_english_or_french_and_written_when_private() -> None:
    """``sector = "privé"`` reads as private and writes back as ``private``; the public
    service, the default, is not written; another word is refused at its key path."""
    private = config.loads(MINIMAL + 'sector = "privé"\n')
    assert private.sector == "private"
    assert config.to_document(private)["sector"] == "private"
    assert config.loads(config.dumps(private)) == private
    assert "sector" not in config.to_document(config.loads(MINIMAL))
    found = problems(MINIMAL + 'sector = "associatif"\n')
    assert "sector" in found and "public" in found["sector"]
