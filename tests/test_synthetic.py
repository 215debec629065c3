"""The synthetic workforce generator and the Lot's bundled sample."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import presets
from teletravail.eligibility import AllOf, ExcludedRoles
from teletravail.errors import ValidationError
from teletravail.samples import lot_2013_workforce
from teletravail.synthetic import (
    LOT_2013,
    REQUESTED_TELEWORK,
    REQUESTED_TELEWORK_WEIGHTS,
    ROLE_WEIGHTS,
    ROLES,
    WORKING_TIME_WEIGHTS,
    WORKING_TIMES,
    PopulationShare,
    WorkforceModel,
    lot_2013_population,
)
from teletravail.workforce import CommuteMode, Workforce

from .strategies import lot_rule

ROOT = Path(__file__).resolve().parents[1]
N = 100_000
TOLERANCE = 0.01  # about six standard deviations of a share near 0.5 on 100,000 draws


@pytest.fixture(scope="module")
def population() -> Workforce:
    """The default population of 100,000 agents, built once for the module."""
    return lot_2013_population(N)


def _shares(values: np.ndarray, levels: tuple[float, ...]) -> list[float]:
    return [float(np.mean(values == level)) for level in levels]


def test_working_times_roles_and_asks_follow_their_weights(population: Workforce) -> None:
    """Working time, role and requested telework shares match the stated weights."""
    assert _shares(population.working_time_percent, WORKING_TIMES) == pytest.approx(
        WORKING_TIME_WEIGHTS, abs=TOLERANCE
    )
    roles = np.array(population.role.categories)[population.role.codes]
    assert [float(np.mean(roles == r)) for r in ROLES] == pytest.approx(ROLE_WEIGHTS, abs=TOLERANCE)
    assert _shares(
        population.requested_telework_workday_per_week, REQUESTED_TELEWORK
    ) == pytest.approx(REQUESTED_TELEWORK_WEIGHTS, abs=TOLERANCE)
    rule = presets.load("lot-2013").eligibility
    assert isinstance(rule, AllOf)
    excluded = next(r for r in rule.rules if isinstance(r, ExcludedRoles))
    assert set(ROLES[:4]) == excluded.roles == excluded.tags
    assert population.role.categories == tuple(sorted(ROLES))


def test_hire_dates_are_uniform_whole_days(population: Workforce) -> None:
    """Hire dates cover 2000-01-01..2012-12-31 evenly, each year in proportion to its days."""
    hire = population.hire_date
    assert hire.min() == np.datetime64("2000-01-01") and hire.max() == np.datetime64("2012-12-31")
    years = hire.astype("datetime64[Y]").astype(int) + 1970
    for year in (2000, 2006, 2012):
        days = 366 if year % 4 == 0 else 365
        assert np.mean(years == year) == pytest.approx(days / 4749, abs=TOLERANCE)


def test_distances_are_lognormal_around_18_km(population: Workforce) -> None:
    """The one-way distance has a median of 18 km and a log standard deviation of 0.8."""
    distance = population.commute_distance_km
    assert np.median(distance) == pytest.approx(18.0, abs=0.5)
    assert np.std(np.log(distance)) == pytest.approx(0.8, abs=0.02)
    assert np.all(distance > 0)


def test_ids_flags_and_defaults(population: Workforce) -> None:
    """Ids run from SYN-0000001; everyone volunteers on a teleworkable post by default."""
    assert population.ids[:2].tolist() == ["SYN-0000001", "SYN-0000002"]
    assert population.ids[-1] == "SYN-0100000"
    assert population.volunteer.all() and population.teleworkable_post.all()
    assert population.agent(0).commute_mode.value == "car_thermal"
    assert population.rejected == ()


def test_same_seed_same_columns() -> None:
    """The same seed gives identical columns; another seed gives other agents."""
    first, second = lot_2013_population(5000), lot_2013_population(5000, seed=2013)
    for name in (
        "ids",
        "hire_date",
        "working_time_percent",
        "commute_distance_km",
        "requested_telework_workday_per_week",
        "volunteer",
        "teleworkable_post",
    ):
        assert np.array_equal(getattr(first, name), getattr(second, name)), name
    assert np.array_equal(first.role.codes, second.role.codes)
    other = lot_2013_population(5000, seed=7)
    assert not np.array_equal(first.commute_distance_km, other.commute_distance_km)


def test_shares_are_exact_and_leave_other_columns_alone() -> None:
    """A share makes exactly that many agents true, and changes no other column."""
    plain = lot_2013_population(1001)
    shared = lot_2013_population(1001, volunteer_share=0.25, teleworkable_share=0.5)
    assert int(shared.volunteer.sum()) == 250 and int(shared.teleworkable_post.sum()) == 501
    assert np.array_equal(plain.hire_date, shared.hire_date)
    assert np.array_equal(plain.commute_distance_km, shared.commute_distance_km)
    posts_only = lot_2013_population(1001, teleworkable_share=0.5)
    assert np.array_equal(posts_only.teleworkable_post, shared.teleworkable_post)
    assert not lot_2013_population(10, volunteer_share=0).volunteer.any()


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"n": -1}, "n"),
        ({"n": 2.5}, "n"),
        ({"n": True}, "n"),
        ({"n": "10"}, "n"),
        ({"n": 10, "seed": -1}, "seed"),
        ({"n": 10, "seed": 1.5}, "seed"),
        ({"n": 10, "seed": None}, "seed"),
        ({"n": 10, "volunteer_share": 1.5}, "volunteer_share"),
        ({"n": 10, "teleworkable_share": float("nan")}, "teleworkable_share"),
        ({"n": 10, "teleworkable_share": True}, "teleworkable_share"),
    ],
)
def test_bad_arguments_are_validation_errors(arguments: dict[str, object], field: str) -> None:
    """A count, seed or share out of range is a ValidationError naming the argument."""
    with pytest.raises(ValidationError) as caught:
        lot_2013_population(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field


@given(st.integers(0, 30), st.integers(0, 2**32))
def test_any_small_population_is_valid_and_round_trips(n: int, seed: int) -> None:
    """Every size and seed gives n valid agents that survive to_records and back."""
    workforce = lot_2013_population(n, seed=seed)
    assert len(workforce) == n and len(set(workforce.ids.tolist())) == n
    assert list(Workforce.from_records(workforce.to_records())) == list(workforce)


def test_it_draws_the_benchmark_population(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generator gives the agents benchmarks/eligibility_lot2013.py builds by hand."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    benchmark = _load(ROOT / "benchmarks" / "eligibility_lot2013.py", monkeypatch)
    _, columns, distance = benchmark.make_columns(2000)
    workforce = lot_2013_population(2000)
    assert np.array_equal(workforce.hire_date, columns.hire_date)
    assert np.array_equal(workforce.working_time_percent, columns.working_time)
    assert np.array_equal(workforce.commute_distance_km, distance)
    roles = np.array(workforce.role.categories)[workforce.role.codes]
    assert np.array_equal(roles, np.array(benchmark.ROLES)[columns.role_codes])


def _load(path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import a script by path, registered in sys.modules for the test's duration."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, path.stem, module)
    spec.loader.exec_module(module)
    return module


def test_bundled_lot_sample() -> None:
    """The bundled sample loads cleanly: 1,200 posts, 600 teleworkable, 20 eligible."""
    workforce = lot_2013_workforce()
    assert len(workforce) == 1200 and workforce.rejected == ()
    assert int(workforce.teleworkable_post.sum()) == 600
    assert int(workforce.volunteer.sum()) == 112
    assert lot_rule().evaluate(workforce, on="2013-01-01").count() == 20
    assert not np.isnan(workforce.requested_telework_workday_per_week).any()
    assert workforce.ids[0] == "SYN-0000001" and workforce.ids[-1] == "SYN-0001200"


def test_the_script_rewrites_the_bundled_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tools/make_lot_sample.py writes exactly the bytes of the bundled CSV."""
    script = _load(ROOT / "tools" / "make_lot_sample.py", monkeypatch)
    output = tmp_path / "lot.csv"
    assert script.main([str(output)]) == 0
    bundled = resources.files("teletravail") / "data" / "lot_2013_synthetic.csv"
    assert output.read_bytes() == bundled.read_bytes()


# -- the model as a value and a document ------------------------------------------------


#: The Lot's model written by hand, as a study would write its file.
LOT_DOCUMENT = {
    "name": "Lot 2013",
    "hire_first": "2000-01-01",
    "hire_last": "2012-12-31",
    "working_times": {"50 %": 0.05, "60 %": 0.05, "70 %": 0.05, "80 %": 0.15, "90 %": 0.10,
                      "100 %": 0.60},
    "roles": {"production": 0.20, "cadre": 0.15, "travail_social": 0.05,
              "applications_metier": 0.05, "administration": 0.12, "finances": 0.06,
              "ressources_humaines": 0.08, "informatique": 0.05, "juridique": 0.04,
              "communication": 0.04, "marches_publics": 0.06, "secretariat": 0.10},
    "requested_telework": {"1 workday/week": 0.3, "1.5 workday/week": 0.2,
                           "2 workday/week": 0.3, "3 workday/week": 0.2},
    "distance_median": "18 km",
    "distance_sigma": 0.8,
}  # fmt: skip


def test_the_lot_is_one_model_read_from_its_document() -> None:
    """The Lot's model is the document written by hand, and both draw the same agents."""
    read = WorkforceModel.from_dict(LOT_DOCUMENT)
    assert read == LOT_2013
    assert WorkforceModel.from_dict(LOT_2013.to_dict()) == LOT_2013
    drawn, expected = read.draw(3000), lot_2013_population(3000)
    assert np.array_equal(drawn.commute_distance_km, expected.commute_distance_km)
    assert np.array_equal(drawn.role.codes, expected.role.codes)


def test_the_lot_keeps_its_figures_for_its_seed() -> None:
    """Same seed, same figures as before the model: the counts the docs have always shown."""
    staff = lot_2013_population(10_000)
    assert float(np.mean(staff.working_time_percent == 100)) == 0.5935
    assert round(float(np.median(staff.commute_distance_km)), 1) == 18.4
    assert presets.load("lot-2013").eligibility.evaluate(staff, on="2013-01-01").count() == 3469
    shared = lot_2013_population(10_000, volunteer_share=0.1, teleworkable_share=0.5)
    assert presets.load("lot-2013").eligibility.evaluate(shared, on="2013-01-01").count() == 165


def test_modes_and_populations_are_drawn_by_their_weights() -> None:
    """Modes and populations follow their weights and change no other column."""
    model = attrs.evolve(
        LOT_2013,
        commute_modes={"car_thermal": 0.7, "bus": 0.2, "bike": 0.1},
        populations=[
            PopulationShare(name="siège", share=0.6, establishment="Cahors",
                            contract_type="fonctionnaire", category="B"),
            PopulationShare(name="routes", share=0.4, establishment="Figeac",
                            contract_type="contractuel", tags=["terrain"]),
        ],
    )  # fmt: skip
    staff = model.draw(N)
    plain = lot_2013_population(N)
    assert np.array_equal(staff.commute_distance_km, plain.commute_distance_km)
    assert np.array_equal(staff.hire_date, plain.hire_date)
    modes = tuple(CommuteMode)
    drawn = np.array([modes[c].value for c in staff.commute_mode])
    shares = [float(np.mean(drawn == m)) for m in ("car_thermal", "bus", "bike")]
    assert shares == pytest.approx([0.7, 0.2, 0.1], abs=TOLERANCE)
    sites = np.array(staff.establishment.categories)[staff.establishment.codes]
    assert float(np.mean(sites == "Cahors")) == pytest.approx(0.6, abs=TOLERANCE)
    kinds = np.array(staff.contract_type.categories)[staff.contract_type.codes]
    assert np.array_equal(kinds == "contract_staff", sites == "Figeac")
    tagged = staff.tags[:, staff.tag_names.index("terrain")]
    assert np.array_equal(tagged, sites == "Figeac")
    assert WorkforceModel.from_dict(model.to_dict()) == model
    assert model.to_dict()["populations"][1] == {
        "name": "routes", "share": 0.4, "contract_type": "contract_staff",
        "establishment": "Figeac", "tags": ["terrain"],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"roles": {"cadre": 0.5, "production": 0.4}}, "model.roles"),
        ({"working_times": {"120 %": 1.0}}, "model.working_times"),
        ({"requested_telework": {"2 km": 1.0}}, "model.requested_telework"),
        ({"distance_median": "-3 km"}, "model.distance_median"),
        ({"commute_modes": {"rocket": 1.0}}, "model.commute_modes"),
        ({"hire_last": "1999-01-01"}, "model.hire_last"),
        ({"populations": [{"name": "a", "share": 0.5}]}, "model.populations"),
        ({"sigma": 1}, "model.sigma"),
    ],
)
def test_a_bad_model_names_its_key(change: dict[str, object], path: str) -> None:
    """A wrong weight, value, law or key is refused at its key path."""
    with pytest.raises(ValidationError) as caught:
        WorkforceModel.from_dict({**LOT_DOCUMENT, **change})
    assert caught.value.field == path
