"""National parameters by reference: the registry, components that name a parameter and
its branch, documents that write the reference back, local values with their source."""

from __future__ import annotations

import json
from decimal import Decimal
from types import MappingProxyType

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_, Agent, config, presets
from teletravail.allowance import (
    Allowance,
    Branch,
    MonthlyFlat,
    NationalReference,
    PerDay,
    national_component,
    national_parameter,
    national_parameters,
)
from teletravail.allowance import national as national_module
from teletravail.allowance import presets as allowance_presets
from teletravail.conformity import check_conformity
from teletravail.dated import DatedParameter, DatedValue
from teletravail.errors import ConfigError, ValidationError
from teletravail.sources import Source
from teletravail.week import WeeklyPattern

from ..conformity.test_conformity import finding, public_service_policy, with_allowance
from .test_allowance import decimal_cents, first_days

HEAD = """
format = "teletravail.policy"
version = 1
name = "Commune de Saint-Test"
territory = "Saint-Test"
period = { start = "2021-09-01" }
eligibility = { criterion = "volunteer" }
places = ["home", "other", "telecentre"]

[[sources]]
id = "deliberation"
title = "Délibération du conseil municipal du 12 décembre 2022"
reference = "forfait télétravail, plafond annuel de 200 EUR"
"""

#: The forfait as documents copied it before it could be named: the State branch's
#: values (the 2024 cap of 282.24 EUR), or a local body's (no 2024 entry).
COPIED_STATE = """
[[allowance]]
kind = "per_day"
name = "forfait télétravail"
rate = [
    { start = "2021-09-01", end = "2022-12-31", value = "2.50 EUR/workday" },
    { start = "2023-01-01", value = "2.88 EUR/workday" },
]
cap = [
    { start = "2021-09-01", end = "2022-12-31", value = "220 EUR" },
    { start = "2023-01-01", value = "253.44 EUR" },
    { start = "2024-01-01", end = "2024-12-31", value = "282.24 EUR" },
]
"""
COPIED_TERRITORIAL = """
[[allowance]]
kind = "per_day"
name = "forfait télétravail"
rate = [
    { start = "2021-09-01", end = "2022-12-31", value = "2.50 EUR/workday" },
    { start = "2023-01-01", value = "2.88 EUR/workday" },
]
cap = [
    { start = "2021-09-01", end = "2022-12-31", value = "220 EUR" },
    { start = "2023-01-01", value = "253.44 EUR" },
]
"""


def named(parameter: str, branch: str | None = None, extra: str = "") -> str:
    """A document paying the national ``parameter`` (of ``branch``)."""
    kind = "monthly_flat" if "flat" in parameter or "mensuel" in parameter else "per_day"
    text = f'\n[[allowance]]\nkind = "{kind}"\nnational = "{parameter}"\n'
    if branch is not None:
        text += f'branch = "{branch}"\n'
    return HEAD + text + extra


def component(text: str) -> PerDay | MonthlyFlat:
    """The one allowance component of a document."""
    policy = config.loads(text)
    assert policy.allowance is not None
    found = policy.allowance.components[0]
    assert isinstance(found, PerDay | MonthlyFlat)
    return found


def problems(text: str) -> dict[str, str]:
    """The problems of a document, as key path -> what was expected."""
    with pytest.raises(ConfigError) as caught:
        config.loads(text)
    return {problem.path: problem.expected for problem in caught.value.problems}


# --- the registry ---------------------------------------------------------------------------


def test_the_registry_lists_every_national_parameter() -> None:
    """One place lists the parameters: the forfait by branch, the four URSSAF limits; each
    with a description, a source, its dated values and their sources, JSON-ready."""
    listed = national_parameters()
    assert isinstance(listed, MappingProxyType)
    assert list(listed) == [
        "forfait-teletravail",
        "urssaf-per-day",
        "urssaf-per-day-collective-agreement",
        "urssaf-monthly-flat",
        "urssaf-monthly-flat-collective-agreement",
    ]
    assert listed["forfait-teletravail"].branches == (
        Branch.STATE,
        Branch.TERRITORIAL,
        Branch.HOSPITAL,
    )
    for name, parameter in listed.items():
        assert parameter.name == name and parameter.description and parameter.source.title
        if name != "forfait-teletravail":
            assert parameter.branches == ()
        for _, values in parameter.values:
            assert all(entry.source.title for entry in values.rate.values)
            assert (values.cap is None) == (parameter.kind == "monthly_flat")
        data = json.loads(json.dumps(parameter.to_dict()))
        assert data["name"] == name and len(data["values"]) == max(1, len(parameter.branches))
    # the config reads exactly these names, per kind of component
    per_kind = config.NationalName("per_day").names() + config.NationalName("monthly_flat").names()
    assert per_kind == list(listed)


def test_the_2024_cap_differs_by_branch() -> None:
    """282.24 EUR for the State and hospital branches, 253.44 EUR for a local body, whose
    entry says that the higher cap needs its own deliberation; the same before 2024."""
    forfait = national_parameter("forfait-teletravail")
    caps = {b: forfait.values_for(b).cap for b in Branch}
    assert {b: c.as_of("2024-06-30") for b, c in caps.items() if c} == {
        Branch.STATE: Q_(282.24, "EUR"),
        Branch.TERRITORIAL: Q_(253.44, "EUR"),
        Branch.HOSPITAL: Q_(282.24, "EUR"),
    }
    for day in ("2022-06-30", "2023-06-30", "2025-06-30"):
        assert len({c.as_of(day) for c in caps.values() if c}) == 1
    local = caps[Branch.TERRITORIAL]
    assert local is not None
    assert "own deliberation" in (local.entry_as_of("2024-06-30").note or "")
    assert forfait.values_for("territoriale").rate == forfait.values_for("state").rate


def test_unconfirmed_urssaf_values_say_so() -> None:
    """An URSSAF value from disagreeing secondary sources is marked unconfirmed."""
    rate = national_parameter("urssaf-monthly-flat").values_for().rate
    assert rate.entry_as_of("2025-06-01").source.unconfirmed
    assert not rate.entry_as_of("2023-06-01").source.unconfirmed


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Forfait Télétravail", "forfait-teletravail"),
        ("forfait_teletravail", "forfait-teletravail"),
        ("allocation forfaitaire de télétravail", "forfait-teletravail"),
        ("URSSAF par jour", "urssaf-per-day"),
        ("urssaf-par-jour-accord-collectif", "urssaf-per-day-collective-agreement"),
        ("urssaf forfait mensuel", "urssaf-monthly-flat"),
    ],
)
def test_names_are_read_in_french_too(written: str, name: str) -> None:
    """A parameter is read by its name or its French one, case, accents and separators aside."""
    assert national_parameter(written).name == name


@pytest.mark.parametrize(
    ("written", "branch"),
    [
        ("State", Branch.STATE),
        ("État", Branch.STATE),
        ("etat", Branch.STATE),
        ("ÉTAT", Branch.STATE),
        ("FPE", Branch.STATE),
        ("fonction publique de l'État", Branch.STATE),
        ("territoriale", Branch.TERRITORIAL),
        ("Territorial", Branch.TERRITORIAL),
        ("fpt", Branch.TERRITORIAL),
        ("hospitalière", Branch.HOSPITAL),
        ("Hospitaliere", Branch.HOSPITAL),
        ("FPH", Branch.HOSPITAL),
    ],
)
def test_branches_are_read_in_french_too(written: str, branch: Branch) -> None:
    """A branch is read by its code, its French name or its abbreviation."""
    assert Branch.parse(written) is branch
    assert component(named("forfait-teletravail", written)).national == NationalReference(
        parameter="forfait-teletravail", branch=branch
    )


def test_unknown_names_and_branches_are_typed_errors() -> None:
    """Python callers get the field, the value and a "did you mean"."""
    with pytest.raises(ValidationError, match="did you mean 'forfait-teletravail'") as caught:
        national_parameter("forfait-teletravial")
    assert caught.value.field == "national"
    with pytest.raises(ValidationError, match="did you mean 'territoriale'") as caught:
        national_component("forfait-teletravail", "territorale")
    assert caught.value.field == "branch" and caught.value.value == "territorale"
    with pytest.raises(ValidationError, match="differ by branch") as caught:
        national_component("forfait-teletravail")
    assert caught.value.field == "branch"
    with pytest.raises(ValidationError, match="same for every employer") as caught:
        national_component("urssaf-per-day", "FPT")
    assert caught.value.value == "FPT"
    with pytest.raises(ValidationError, match="no places"):
        national_component("urssaf-monthly-flat", places={"home"})
    with pytest.raises(ValidationError, match="one of: forfait-teletravail"):
        national_parameter(42)


# --- components -----------------------------------------------------------------------------


def test_a_component_keeps_its_reference_and_the_library_values() -> None:
    """The component of a parameter holds the library's dated values and its reference."""
    state = national_component("forfait-teletravail", "État")
    assert isinstance(state, PerDay) and state.name == "forfait télétravail"
    assert state.national == NationalReference(parameter="forfait-teletravail", branch="state")
    values = national_parameter("forfait-teletravail").values_for(Branch.STATE)
    assert state.rate is values.rate and state.cap is values.cap and state.cap_per == "year"
    assert allowance_presets.forfait_teletravail() == state
    per_day = allowance_presets.urssaf_per_day(collective_agreement=True)
    assert per_day.national == NationalReference(parameter="urssaf-per-day-collective-agreement")
    assert per_day.cap_per == "month" and per_day.name.endswith("(accord collectif)")
    flat = allowance_presets.urssaf_monthly_flat()
    assert isinstance(flat, MonthlyFlat) and flat.national is not None


def test_a_component_changed_away_from_its_reference_is_refused() -> None:
    """A component keeps the values it names: changing its cap is refused unless the
    reference goes too (then the values are its own)."""
    state = national_component("forfait-teletravail", "state")
    lower = DatedParameter(
        name="cap",
        values=[DatedValue(start="2021-09-01", value="100 EUR", source=Source(title="x"))],
    )
    with pytest.raises(ValidationError, match="the cap of 'forfait-teletravail' \\(state\\)"):
        attrs.evolve(state, cap=lower)
    own = attrs.evolve(state, cap=lower, national=None)
    assert own.cap is lower
    with pytest.raises(ValidationError, match="'year', as 'forfait-teletravail'"):
        attrs.evolve(state, cap_per="month")
    with pytest.raises(ValidationError, match="is paid as per_day"):
        MonthlyFlat(rate=allowance_presets.urssaf_monthly_flat().rate, national=state.national)
    with pytest.raises(ValidationError, match="a NationalReference"):
        PerDay(rate=state.rate, national="forfait-teletravail")  # type: ignore[arg-type]


YEARS = {2022: ("2.50", "220.00"), 2023: ("2.88", "253.44"), 2024: ("2.88", "282.24")}


@pytest.mark.parametrize("year", [2022, 2023, 2024])
@pytest.mark.parametrize("branch", ["state", "territorial", "hospital"])
def test_a_named_forfait_pays_the_cents_of_the_copied_one(year: int, branch: str) -> None:
    """A hundred days are capped alike, by Decimal: 220.00 in 2022, 253.44 in 2023 and,
    in 2024, 282.24 (State and hospital) or 253.44 (a local body); so are 10, 87.5, 88
    and 98 days, and the named forfait pays what the copied values pay."""
    rate, cap = YEARS[year]
    if branch == "territorial" and year == 2024:
        cap = "253.44"
    by_name = component(named("forfait-teletravail", branch))
    copied = component(HEAD + (COPIED_TERRITORIAL if branch == "territorial" else COPIED_STATE))
    assert by_name.national is not None and copied.national is None
    for days in (10, 87.5, 88, 98, 100):
        expected = decimal_cents(days, rate, cap)
        schedule = first_days(year, days)
        assert by_name.line(schedule).cents == copied.line(schedule).cents == expected
    hundred = by_name.line(first_days(year, 100)).cents
    assert Decimal(hundred) / 100 == Decimal(cap)


@given(year=st.sampled_from([2022, 2023, 2024]), halves=st.integers(0, 500))
def test_any_number_of_days_pays_the_copied_cents(year: int, halves: int) -> None:
    """Whatever the days of a year, the State's named forfait pays the copied one's cents."""
    by_name = allowance_presets.forfait_teletravail()
    copied = component(HEAD + COPIED_STATE)
    rate, cap = YEARS[year]
    schedule = first_days(year, halves / 2)
    assert by_name.line(schedule).cents == copied.line(schedule).cents
    assert by_name.line(schedule).cents == decimal_cents(halves / 2, rate, cap)


def test_urssaf_limits_by_name_pay_the_hand_computed_cents() -> None:
    """2023: 10 days at 2.60 EUR are 26.00 EUR, a month of 22 days and more is capped
    at 57.20 EUR; 3.25 EUR a day under a collective agreement."""
    per_day = component(named("urssaf-par-jour"))
    assert per_day.line(first_days(2023, 10)).cents == 2600
    january = first_days(2023, 22)  # the first 22 working days: January's 22
    assert per_day.line(january).cents == decimal_cents(22, "2.60", "57.20") == 5720
    agreement = component(named("urssaf-per-day-collective-agreement"))
    assert agreement.line(first_days(2023, 10)).cents == 3250
    flat = component(named("urssaf-monthly-flat"))
    assert isinstance(flat, MonthlyFlat)
    assert flat.line_for("2 workday/week", "2023-01-01", "2023-03-31").cents == 3 * 2080


# --- local values -------------------------------------------------------------------------


LOWER_CAP = 'cap = [{ start = "2023-01-01", value = "200 EUR", source = "deliberation" }]\n'


def test_a_deliberation_lowers_the_cap_from_its_date() -> None:
    """A local cap of 200 EUR from 2023 lies over the national cap: 2022 keeps 220 EUR,
    2023 and 2024 pay 200 EUR at most; the rate still follows the library's."""
    local = component(named("forfait-teletravail", "territoriale", LOWER_CAP))
    assert isinstance(local, PerDay) and local.cap is not None and local.national is not None
    assert local.national.cap is not None
    assert [local.line(first_days(y, 100)).cents for y in (2022, 2023, 2024)] == [
        22000,
        20000,
        20000,
    ]
    assert local.line(first_days(2023, 50)).cents == decimal_cents(50, "2.88", "200") == 14400
    entry = local.cap.entry_as_of("2024-06-30")
    assert entry.source.title.startswith("Délibération") and entry.value == Q_(200, "EUR")
    assert local.cap.entry_as_of("2022-06-30").source.title == "Arrêté du 26 août 2021"
    assert local.rate == national_parameter("forfait-teletravail").values_for("fpt").rate


def test_a_local_value_for_one_year_gives_way_to_the_national_one_after() -> None:
    """A deliberation adopting 282.24 EUR for 2024 only: a local body's cap is 253.44 EUR
    in 2023 and 2025, 282.24 EUR in 2024."""
    cap = (
        'cap = [{ start = "2024-01-01", end = "2024-12-31", value = "282.24 EUR",'
        ' source = "deliberation" }]\n'
    )
    local = component(named("forfait-teletravail", "territorial", cap))
    assert [local.line(first_days(y, 100)).cents for y in (2023, 2024, 2025)] == [
        25344,
        28224,
        25344,
    ]


def test_a_local_value_needs_its_own_source() -> None:
    """A local value without a source is refused with its key path, in every form."""
    for cap in (
        'cap = "200 EUR"\n',
        'cap = [{ start = "2023-01-01", value = "200 EUR" }]\n',
        'rate = [{ start = "2023-01-01", value = "2 EUR/workday" }]\n',
    ):
        found = problems(named("forfait-teletravail", "territorial", cap))
        key = cap.split(" ")[0]
        assert list(found) == [f"allowance[0].{key}"], found
        assert "cite their own source" in found[f"allowance[0].{key}"]
    stated = Source(title=config.STATED_TITLE)
    bare = DatedParameter(
        name="cap", values=[DatedValue(start="2023-01-01", value="200 EUR", source=stated)]
    )
    with pytest.raises(ValidationError, match="cite their own source") as caught:
        national_component("forfait-teletravail", "territorial", cap=bare)
    assert caught.value.field == "cap"


def test_local_values_of_the_wrong_kind_are_refused() -> None:
    """A local cap of another dimension, or a cap for a parameter without one, is refused."""
    source = Source(title="Délibération")
    length = DatedParameter(
        name="cap", values=[DatedValue(start="2023-01-01", value="2 km", source=source)]
    )
    with pytest.raises(ValidationError, match="dimension") as caught:
        national_component("forfait-teletravail", "state", cap=length)
    assert caught.value.field == "cap.values[0].value"
    money = attrs.evolve(length, values=[attrs.evolve(length.values[0], value=Q_(2, "EUR"))])
    with pytest.raises(ValidationError, match="no cap"):
        national_component("urssaf-monthly-flat", cap=money)


# --- documents ------------------------------------------------------------------------------


ROUND_TRIPS = [
    named("forfait-teletravail", "state"),
    named("Forfait télétravail", "territoriale"),
    named("forfait-teletravail", "hospitalière"),
    named("forfait-teletravail", "FPT", LOWER_CAP),
    named(
        "forfait-teletravail",
        "territorial",
        'rate = [{ start = "2024-01-01", value = "2 EUR/workday", source = "deliberation" }]\n'
        + LOWER_CAP
        + 'places = ["domicile"]\nname = "indemnité de télétravail"\n'
        + 'source = "deliberation"\n',
    ),
    named("urssaf-per-day"),
    named("urssaf-per-day-collective-agreement"),
    named("urssaf-monthly-flat"),
    named("urssaf-forfait-mensuel-accord-collectif", None, 'name = "forfait mensuel"\n'),
]


@pytest.mark.parametrize("text", ROUND_TRIPS)
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_named_parameter_round_trips_as_its_reference(text: str, fmt: config.Syntax) -> None:
    """load -> dump -> load is equal; what is written is the reference and the local
    values, never the national amounts."""
    policy = config.loads(text)
    written = config.dumps(policy, format=fmt)
    again = config.loads(written, format=fmt)
    assert again == policy
    assert config.to_document(again) == config.to_document(policy)
    document = config.to_document(policy)
    (entry,) = document["allowance"]
    assert "national" in entry and entry["national"] in national_parameters()
    assert "2.88" not in written and "253.44" not in written and "2.60" not in written
    jsonschema.validate(document, config.json_schema())


def test_the_reference_is_written_with_what_departs_from_it() -> None:
    """The branch is written by its code; name, places, source only where they differ."""
    document = config.to_document(config.loads(ROUND_TRIPS[4]))
    (entry,) = document["allowance"]
    assert entry["branch"] == "territorial" and entry["name"] == "indemnité de télétravail"
    assert entry["places"] == ["home"] and entry["source"] == "source-1"
    assert entry["cap"] == [{"start": "2023-01-01", "value": "200 EUR", "source": "source-1"}]
    plain = config.to_document(config.loads(ROUND_TRIPS[0]))["allowance"]
    assert plain == [{"kind": "per_day", "national": "forfait-teletravail", "branch": "state"}]


def test_a_named_value_follows_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document read again after a release that ships a new rate pays the new rate, and
    still writes only its reference."""
    text = named("forfait-teletravail", "territoriale")
    before = component(text)
    shipped = dict(national_parameters())
    forfait = shipped["forfait-teletravail"]
    arrete = Source(title="Arrêté du 1er décembre 2025 (a release to come)")

    def raised(rate: DatedParameter) -> DatedParameter:
        entry = DatedValue(start="2026-01-01", value="3.10 EUR/workday", source=arrete)
        return attrs.evolve(rate, values=(*rate.values, entry))

    shipped["forfait-teletravail"] = attrs.evolve(
        forfait,
        values=tuple(
            (branch, attrs.evolve(values, rate=raised(values.rate)))
            for branch, values in forfait.values
        ),
    )
    monkeypatch.setattr(national_module, "national_parameters", lambda: shipped)
    after = component(text)
    assert before.rate.as_of("2026-03-01") == Q_(2.88, "EUR/workday")
    assert after.rate.as_of("2026-03-01") == Q_(3.10, "EUR/workday")
    assert after.line(first_days(2026, 10)).cents == 3100
    policy = config.loads(text)
    assert "3.1" not in config.dumps(policy) and config.loads(config.dumps(policy)) == policy


BAD = [
    (named("forfait-teletravial", "state"), "allowance[0].national", "did you mean"),
    (named("forfait-teletravail", "territorale"), "allowance[0].branch", "did you mean"),
    (named("forfait-teletravail", "Etta"), "allowance[0].branch", "in French: État"),
    (named("forfait-teletravail"), "allowance[0].branch", "differ by branch (missing)"),
    (named("urssaf-per-day", "fpt"), "allowance[0].branch", "same for every employer"),
    (named("urssaf-per-day", None, 'cap_per = "an"\n'), "allowance[0].cap_per", "'month'"),
    (
        named("forfait-teletravail", "state").replace("per_day", "monthly_flat"),
        "allowance[0].national",
        'kind = "per_day"',
    ),
    (named("urssaf-monthly-flat", None, 'cap = "1 EUR"\n'), "allowance[0].cap", "no such key"),
    (
        HEAD + '[[allowance]]\nkind = "per_day"\nbranch = "FPT"\nrate = "2 EUR/workday"\n',
        "allowance[0].branch",
        "only with `national`",
    ),
    (HEAD + '[[allowance]]\nkind = "per_day"\n', "allowance[0].rate", "or `national`"),
    (HEAD + '[[allowance]]\nkind = "per_day"\nnational = 3\n', "allowance[0].national", "paid as"),
]


@pytest.mark.parametrize(("text", "path", "expected"), BAD)
def test_bad_references_are_refused_with_their_key_path(
    text: str, path: str, expected: str
) -> None:
    """An unknown parameter or branch, a missing or needless branch, a parameter paid as
    another kind: refused at load, with the key path, the value and what would do."""
    found = problems(text)
    assert list(found) == [path], found
    assert expected in found[path]


def test_every_bad_reference_of_a_document_is_reported_at_once() -> None:
    """Two bad components are two problems, each with its path."""
    text = named("forfait-teletravial", "state") + (
        '\n[[allowance]]\nkind = "per_day"\nnational = "forfait-teletravail"\n'
        'branch = "territorale"\n'
    )
    found = problems(text)
    assert set(found) == {"allowance[0].national", "allowance[1].branch"}


def test_the_schema_asks_for_a_rate_or_a_national_parameter() -> None:
    """A per-day component with neither is refused by the schema too."""
    document = config.to_document(config.loads(named("forfait-teletravail", "state")))
    schema = config.json_schema()
    jsonschema.validate(document, schema)
    del document["allowance"][0]["national"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


# --- presets and conformity ----------------------------------------------------------------


def test_the_presets_name_their_national_parameters() -> None:
    """The public-service preset names the State's forfait, the private-sector template the
    indemnité URSSAF par jour; both with the library's values."""
    public = presets.load("public-service")
    private = presets.load("private-sector")
    assert public.allowance is not None and private.allowance is not None
    assert public.allowance.components == (allowance_presets.forfait_teletravail(),)
    assert private.allowance.components == (allowance_presets.urssaf_per_day(),)
    assert 'national = "forfait-teletravail"' in presets.text("public-service")
    assert 'branch = "state"' in presets.text("public-service")
    assert "2.88" not in presets.text("public-service")
    assert "2.60" not in presets.text("private-sector")


@pytest.mark.parametrize("branch", list(Branch))
@pytest.mark.parametrize(
    "day", ["2021-12-23", "2022-06-01", "2023-06-01", "2024-06-01", "2025-06-01"]
)
def test_a_named_forfait_conforms(branch: Branch, day: str) -> None:
    """The forfait of every branch conforms to the framework on every date."""
    policy = with_allowance(
        public_service_policy(), national_component("forfait-teletravail", branch)
    )
    assert check_conformity(policy, day).findings == ()


def test_a_local_cap_above_the_forfait_is_still_an_error() -> None:
    """A local body's cap of 300 EUR is above the forfait's (282.24 EUR in 2024, 253.44 EUR
    in 2023): cap_above_forfait at the cap's path; its own deliberation adopting 282.24 EUR
    in 2024 conforms, as the arrêté of 3 April 2024 allows."""
    deliberation = Source(title="Délibération du conseil municipal")

    def local(value: str) -> PerDay:
        cap = DatedParameter(
            name="cap", values=[DatedValue(start="2023-01-01", value=value, source=deliberation)]
        )
        found = national_component("forfait-teletravail", "territoriale", cap=cap)
        assert isinstance(found, PerDay)
        return found

    policy = with_allowance(public_service_policy(), local("300 EUR"))
    for day, limit in (("2023-06-01", 253.44), ("2024-06-01", 282.24)):
        found = finding(check_conformity(policy, day), "cap_above_forfait")
        assert found.path == "allowance[0].cap" and found.observed == Q_(300, "EUR/year")
        assert found.limit == Q_(limit, "EUR/year")
    adopted = with_allowance(public_service_policy(), local("282.24 EUR"))
    assert check_conformity(adopted, "2024-06-01").findings == ()
    assert check_conformity(adopted, "2023-06-01").codes == ("cap_above_forfait",)


def test_assessing_a_named_forfait_in_2024() -> None:
    """Tuesday and Thursday at home in 2024 (103 days, none absent): the public-service
    preset pays 282.24 EUR; the same policy naming the territorial branch pays 253.44 EUR."""
    policy = presets.load("public-service")
    agent = Agent(
        id="A", hire_date="2010-01-01", pattern=WeeklyPattern.of(["tue", "thu"]), absences=()
    )
    assert policy.assess(agent, "2024-01-01").allowance == Q_(282.24, "EUR")
    local = attrs.evolve(
        policy,
        allowance=Allowance(components=[national_component("forfait-teletravail", "FPT")]),
    )
    assert local.assess(agent, "2024-01-01").allowance == Q_(253.44, "EUR")
