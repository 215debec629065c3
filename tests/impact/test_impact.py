"""Commute impact: reproductions of the seeds and of impactco2, rebound, reports, properties."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_, Agent, Workforce
from teletravail.errors import NoValueInForceError, UnitError, ValidationError
from teletravail.impact import (
    Assumptions,
    Rebound,
    commute_impact,
    compare,
    emission_factors,
    fiscal_cost,
    fiscal_rate,
    tailpipe_2012,
)
from teletravail.scheduling import WeeklyPattern, plan
from teletravail.workforce import CommuteMode


def lot_pilot() -> Workforce:
    """The Lot's 12 pilot agents, assumed to commute 28.3 km one way by car."""
    return Workforce.from_agents(
        Agent(id=f"LOT-{i:02d}", hire_date="2005-01-01", commute_distance="28.3 km")
        for i in range(12)
    )


LOT_2012 = Assumptions(factors={"car_thermal": tailpipe_2012()}, speed="50 km/h")


def test_lot_2012_assessment() -> None:
    """12 agents × 57 days × 2 × 28.3 km ≈ 38,735 km ≈ 32 days of travel ≈ 4.5 t CO2."""
    totals = commute_impact(
        lot_pilot(), "57 workday", on="2012-06-01", assumptions=LOT_2012
    ).totals()
    assert totals["distance"].m_as("km") == pytest.approx(38_735, rel=0.001)
    assert totals["time_days"].m_as("day") == pytest.approx(32, abs=0.5)
    assert totals["net"].m_as("t CO2e") == pytest.approx(4.5, abs=0.05)


def test_lot_2012_two_readings_of_the_money() -> None:
    """1,583 EUR is 0.041 EUR/km as a total, or 0.49 EUR/km (4 CV scale) per agent."""
    import attrs

    total_reading = attrs.evolve(LOT_2012, cost_per_km="0.0409 EUR/km")
    report = commute_impact(lot_pilot(), "57 workday", on="2012-06-01", assumptions=total_reading)
    assert report.totals()["money"].m_as("EUR") == pytest.approx(1583, rel=0.002)
    per_agent = attrs.evolve(LOT_2012, cost_per_km=fiscal_rate(4, 2013))
    one = commute_impact(lot_pilot(), "57 workday", on="2012-06-01", assumptions=per_agent)
    assert float(one.eur[0]) == pytest.approx(1583, rel=0.01)  # type: ignore[index]


def test_impactco2_tram_and_car() -> None:
    """impactco2: tram 0.00428 × 91.153 km × 92 × 0.75 ≈ 26.9 kg saved per weekly telework day."""
    tram = Agent(id="T", hire_date="2010-01-01", commute_distance="91.153 km", commute_mode="tram")
    saved = commute_impact(
        tram, "46 workday", on="2026-07-01", assumptions=Assumptions(rebound=Rebound.ademe_trips())
    )
    assert saved.totals()["net"].m_as("kg CO2e") == pytest.approx(26.9, rel=0.01)
    car = Agent(id="C", hire_date="2010-01-01", commute_distance="91.021 km")
    emitted = commute_impact(car, Q_(4 * 46, "workday"), on="2026-07-01")
    assert emitted.totals()["gross"].m_as("kg CO2e") == pytest.approx(4765, rel=0.001)


def test_ademe_271_kg_per_weekly_day() -> None:
    """A 13.5 km car commute at the pre-2026 factor gives ADEME's ≈271 kg a year per weekly day."""
    car = Agent(id="C", hire_date="2010-01-01", commute_distance="13.5 km")
    gross = commute_impact(car, "46 workday", on="2025-06-01").totals()["gross"]
    assert gross.m_as("kg CO2e") == pytest.approx(271, rel=0.01)
    net = commute_impact(
        car, "46 workday", on="2025-06-01", assumptions=Assumptions(rebound=Rebound.ademe_net())
    ).totals()
    assert net["net"].m_as("kg CO2e") == pytest.approx(271 * 0.69, rel=0.01)
    assert net["rebound"].m_as("kg CO2e") == pytest.approx(271 * 0.31, rel=0.01)


def test_factors_are_dated_and_sourced() -> None:
    """The car factor changed in May 2026; every factor carries its source."""
    car = emission_factors()[CommuteMode.CAR_THERMAL]
    assert car.as_of("2026-05-03") == Q_(0.2176, "kg CO2e/km")
    assert car.as_of("2026-05-04") == Q_(0.1423, "kg CO2e/km")
    assert car.entry_as_of("2025-01-01").source.unconfirmed
    assert all(p.values[-1].source.url for p in emission_factors().values())


def test_telecentre_trips_are_subtracted() -> None:
    """Days at a télécentre 5 km from home avoid 2 × (28 − 5) km, not 2 × 28."""
    agent = Agent(id="A", hire_date="2010-01-01", commute_distance="28 km")
    report = commute_impact(
        agent,
        "10 workday",
        telecentre_days="4 workday",
        telecentre_distance="5 km",
        on="2026-06-01",
    )
    assert report.totals()["distance"] == Q_(10 * 56 - 4 * 10, "km")
    assert report.by_place() == {"home": Q_(6, "workday"), "telecentre": Q_(4, "workday")}
    schedule = plan(
        WeeklyPattern.of({"tue": "home", "thu": "telecentre:Figeac"}), "2026-06-01", "2026-06-30"
    )
    from_schedule = commute_impact(agent, schedule, telecentre_distance="5 km", on="2026-06-01")
    assert from_schedule.totals()["distance"] == Q_(9 * 56 - 4 * 10, "km")


def test_time_from_commute_time_or_speed() -> None:
    """Time saved uses the agent's commute time where known, else the speed."""
    agents = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2010-01-01", commute_distance="30 km", commute_time="45 min"),
            Agent(id="B", hire_date="2010-01-01", commute_distance="30 km"),
        ]
    )
    hours = commute_impact(agents, "10 workday", on="2026-06-01").hours
    assert hours.tolist() == pytest.approx([15.0, 12.0])


def test_unknown_distances_are_reported_not_dropped() -> None:
    """An agent without a distance counts zero and is counted among the unknown."""
    agents = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2010-01-01", commute_distance="10 km"),
            Agent(id="B", hire_date="2010-01-01"),
        ]
    )
    totals = commute_impact(agents, "10 workday", on="2026-06-01").totals()
    assert totals["agents"] == 2 and totals["unknown_distance"] == 1
    assert totals["distance"] == Q_(200, "km")


def test_reports_by_mode_json_html_pandas_plot_and_compare() -> None:
    """A report breaks down by mode and writes JSON, HTML, a DataFrame and a figure."""
    agents = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2010-01-01", commute_distance="20 km", commute_mode="bus"),
            Agent(id="B", hire_date="2010-01-01", commute_distance="30 km"),
        ]
    )
    one = commute_impact(agents, "46 workday", on="2026-06-01", label="1 day a week")
    two = commute_impact(agents, "92 workday", on="2026-06-01", label="2 days a week")
    assert set(one.by_mode()) == {"bus", "car_thermal"}
    document = json.loads(json.dumps(one.to_dict()))
    assert document["totals"]["distance"] == {"value": 4600.0, "unit": "km"}
    assert "<table" in one._repr_html_() and "4,600 km" in one._repr_html_()
    assert list(one.to_pandas()["distance_km"]) == [1840.0, 2760.0]
    table = compare(one, two)
    assert table["distance"]["difference"] == Q_(4600, "km")
    assert one.plot().axes[0].get_ylabel() == "net emissions avoided (t CO2e)"
    from teletravail.impact import plot_scenarios

    figure = plot_scenarios([one, two])
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == [
        "1 day a week",
        "2 days a week",
    ]
    with pytest.raises(ValidationError):
        plot_scenarios([])


def test_report_displays_and_figures_in_words_without_a_backend() -> None:
    """The display rounds for people (no ``6.003e+04 km``), names modes in words in
    either language, escapes its label; plotting leaves matplotlib's backend alone and
    titles the figure with the label, the date and the population."""
    import matplotlib

    agents = Workforce.from_agents(
        [
            Agent(id="A", hire_date="2010-01-01", commute_distance="20 km", commute_mode="bus"),
            Agent(id="B", hire_date="2010-01-01", commute_distance="30 km"),
        ]
    )
    report = commute_impact(agents, "600 workday", on="2026-06-01", label="<b>A & B</b>")
    backend = matplotlib.get_backend()
    english, french = report.to_html("en"), report.to_html("fr")
    assert "60,000 km" in english and "60\u202f000 km" in french
    assert "e+04" not in english
    assert "combustion-engine car" in english and "voiture thermique" in french
    assert "car_thermal" not in english + french
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in english and "<b>A" not in english
    assert repr(report) == "<ImpactReport '<b>A & B</b>' on 2026-06-01: 2 agents>"
    figure = report.plot(lang="fr")
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["voiture thermique", "bus"]
    assert axes.get_title() == (
        "<b>A & B</b>\u00a0: émissions nettes évitées par mode\n1er juin 2026, 2 agents"
    )
    assert axes.get_ylabel() == "émissions nettes évitées (t CO2e)"
    assert figure.get_layout_engine() is not None  # constrained: labels do not overlap
    assert matplotlib.get_backend() == backend


def test_bad_input_is_typed() -> None:
    """Unknown modes, negative distances, zero speeds and wrong units: typed errors."""
    agent = Agent(id="A", hire_date="2010-01-01", commute_distance="10 km")
    with pytest.raises(ValidationError, match="car_thermal"):
        Assumptions(factors={"car": "0.1 kg CO2e/km"})
    with pytest.raises(ValidationError, match="speed"):
        Assumptions(speed="0 km/h")
    with pytest.raises(UnitError, match="speed"):
        Assumptions(speed="50 km")
    with pytest.raises(UnitError):
        Assumptions(factors={"bus": "0.1 kg/km"})
    with pytest.raises(ValidationError, match="telecentre_distance"):
        commute_impact(
            agent,
            "5 workday",
            telecentre_days="2 workday",
            telecentre_distance="-1 km",
            on="2026-06-01",
        )
    with pytest.raises(ValidationError, match="days"):
        commute_impact(agent, "-5 workday", on="2026-06-01")
    with pytest.raises(ValidationError, match="at most"):
        commute_impact(
            agent,
            "5 workday",
            telecentre_days="6 workday",
            telecentre_distance="1 km",
            on="2026-06-01",
        )
    with pytest.raises(NoValueInForceError, match="car_thermal"):
        commute_impact(agent, "5 workday", on="1980-06-01")
    with pytest.raises(ValidationError, match="rebound"):
        Rebound(kind="per_day")
    with pytest.raises(ValidationError, match="fiscal_rate"):
        fiscal_rate(5, 2019)
    with pytest.raises(ValidationError, match="rebound"):
        Assumptions(rebound=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="cost_per_km"):
        Assumptions(cost_per_km=Q_(float("nan"), "EUR/km"))
    with pytest.raises(ValidationError, match="factor >= 0"):
        Assumptions(factors={"bus": "-0.1 kg CO2e/km"})
    two = Workforce.from_agents([agent, Agent(id="B", hire_date="2010-01-01")])
    with pytest.raises(ValidationError, match="telecentre_distance"):
        commute_impact(
            two,
            "5 workday",
            telecentre_days="1 workday",
            telecentre_distance=Q_(np.array([1.0, 2.0, 3.0]), "km"),
            on="2026-06-01",
        )


distances = st.floats(0, 150, allow_nan=False)
day_counts = st.integers(0, 460).map(lambda h: h / 2)


@given(distances, day_counts, st.floats(0.1, 10))
def test_linear_in_days_and_distance(distance: float, days: float, factor: float) -> None:
    """Scaling the days or the distance scales distance, time and emissions alike."""
    agent = Agent(id="A", hire_date="2010-01-01", commute_distance=Q_(distance, "km"))
    base = commute_impact(agent, Q_(days, "workday"), on="2026-06-01").totals()
    more_days = commute_impact(agent, Q_(days * factor, "workday"), on="2026-06-01").totals()
    longer = commute_impact(
        Agent(id="A", hire_date="2010-01-01", commute_distance=Q_(distance * factor, "km")),
        Q_(days, "workday"),
        on="2026-06-01",
    ).totals()
    for key in ("distance", "time", "gross"):
        expected = base[key].magnitude * factor  # type: ignore[union-attr]
        assert more_days[key].magnitude == pytest.approx(expected, rel=1e-9, abs=1e-9)  # type: ignore[union-attr]
        assert longer[key].magnitude == pytest.approx(expected, rel=1e-9, abs=1e-9)  # type: ignore[union-attr]


@given(distances, day_counts, st.sampled_from(["ademe_trips", "ademe_net"]))
def test_net_never_exceeds_gross_with_rebound(distance: float, days: float, kind: str) -> None:
    """With a positive rebound, net avoided emissions never exceed gross."""
    agent = Agent(id="A", hire_date="2010-01-01", commute_distance=Q_(distance, "km"))
    totals = commute_impact(
        agent,
        Q_(days, "workday"),
        on="2026-06-01",
        assumptions=Assumptions(rebound=Rebound(kind=kind)),
    ).totals()
    assert totals["net"].m_as("t CO2e") <= totals["gross"].m_as("t CO2e") + 1e-12  # type: ignore[union-attr]


@given(
    st.lists(
        st.tuples(distances, day_counts, st.sampled_from(list(CommuteMode))), min_size=1, max_size=8
    )
)
def test_workforce_totals_equal_the_sum_of_agents(
    rows: list[tuple[float, float, CommuteMode]],
) -> None:
    """A workforce's totals equal the sum of its agents' impacts, one by one."""
    agents = [
        Agent(id=f"A{i}", hire_date="2010-01-01", commute_distance=Q_(d, "km"), commute_mode=m)
        for i, (d, _, m) in enumerate(rows)
    ]
    days = Q_(np.array([n for _, n, _ in rows]), "workday")
    whole = commute_impact(Workforce.from_agents(agents), days, on="2026-06-01").totals()
    parts = [
        commute_impact(a, Q_(n, "workday"), on="2026-06-01").totals()
        for a, (_, n, _) in zip(agents, rows, strict=True)
    ]
    for key in ("distance", "time", "gross"):
        total = sum(p[key].magnitude for p in parts)  # type: ignore[union-attr]
        assert whole[key].magnitude == pytest.approx(total, rel=1e-9, abs=1e-9)  # type: ignore[union-attr]


@pytest.mark.parametrize("mode", ["car_thermal", "bus", "train_regional", "motorbike"])
@pytest.mark.parametrize("distance", [20.0, 91.021])
def test_impactco2_formula_for_several_modes(mode: str, distance: float) -> None:
    """saved = factor × km × 2 × 46 × (1 − 25 %) per weekly telework day, mode by mode."""
    factor = emission_factors()[CommuteMode(mode)].as_of("2026-07-01").m_as("kg CO2e/km")
    one = Agent(
        id="A", hire_date="2010-01-01", commute_distance=Q_(distance, "km"), commute_mode=mode
    )
    net = commute_impact(
        one, "46 workday", on="2026-07-01", assumptions=Assumptions(rebound="ademe_trips")
    ).totals()["net"]
    assert net.m_as("kg CO2e") == pytest.approx(factor * distance * 2 * 46 * 0.75)  # type: ignore[union-attr]


def test_edge_cases_of_telecentres_and_unknown_commutes() -> None:
    """Unknown commutes count zero even with télécentre days; a far télécentre adds km and no
    rebound; a known commute time sets the pace of the télécentre trip too."""
    unknown = Agent(id="U", hire_date="2010-01-01")
    totals = commute_impact(
        unknown,
        "5 workday",
        telecentre_days="5 workday",
        telecentre_distance="5 km",
        on="2026-06-01",
        assumptions=Assumptions(rebound=Rebound.ademe_trips()),
    ).totals()
    assert totals["distance"] == Q_(0, "km") and totals["net"].m_as("t CO2e") == 0  # type: ignore[union-attr]
    near = Agent(id="N", hire_date="2010-01-01", commute_distance="10 km")
    far = commute_impact(
        near,
        "5 workday",
        telecentre_days="5 workday",
        telecentre_distance="30 km",
        on="2026-06-01",
        assumptions=Assumptions(rebound=Rebound.ademe_trips()),
    ).totals()
    assert far["distance"] == Q_(-200, "km")
    assert far["net"].m_as("t CO2e") <= far["gross"].m_as("t CO2e")  # type: ignore[union-attr]
    slow = Agent(id="S", hire_date="2010-01-01", commute_distance="30 km", commute_time="60 min")
    same = commute_impact(
        slow, "4 workday", telecentre_days="4 workday", telecentre_distance="30 km", on="2026-06-01"
    )
    assert same.hours.tolist() == [0.0]


def test_fiscal_scale_bands() -> None:
    """The 2022-2025 scale, all three bands, by horsepower; electric cars +20 %."""
    assert fiscal_cost(5, "4000 km", 2024) == Q_(2544, "EUR")
    assert fiscal_cost(5, "12000 km", 2024) == Q_(12000 * 0.357 + 1395, "EUR")
    assert fiscal_cost(9, "25000 km", 2023) == Q_(25000 * 0.470, "EUR")
    assert fiscal_cost(5, "4000 km", 2024, electric=True) == Q_(3052.8, "EUR")
    assert fiscal_rate(2, 2020) == Q_(0.456, "EUR/km")


def test_compare_needs_two_labels() -> None:
    """Two scenarios with one label cannot be told apart: refused."""
    one = Agent(id="A", hire_date="2010-01-01", commute_distance="10 km")
    first = commute_impact(one, "5 workday", on="2026-06-01", label="X")
    with pytest.raises(ValidationError, match="different labels"):
        compare(first, commute_impact(one, "6 workday", on="2026-06-01", label="X"))
    assert first.to_dict()["totals"]["net"]["unit"] == "t CO2e"


def test_tiny_distances_keep_finite_times() -> None:
    """A commute of almost no distance but a known time gives that time, not NaN."""
    agent = Agent(
        id="A", hire_date="2010-01-01", commute_distance=Q_(1e-300, "km"), commute_time="30 min"
    )
    report = commute_impact(agent, "5 workday", on="2026-06-01")
    assert report.hours.tolist() == [5.0]
