"""Every result's ``to_pandas(units=...)``: plain columns named with their unit, or
pint-pandas columns (``teletravail.tables``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

from teletravail import Q_, presets, tables
from teletravail.eligibility import SelectionCampaign
from teletravail.eligibility.selection import Selection
from teletravail.errors import ValidationError
from teletravail.impact import Economics, pilot_2012_costs, telecentre_economics
from teletravail.policy import BatchAssessment, compare_policies
from teletravail.samples import lot_2013_workforce
from teletravail.scheduling import (
    Bookings,
    DeskRequest,
    Schedule,
    WeeklyPattern,
    aurillac_figeac_decazeville_2012,
    book,
    plan,
)
from teletravail.tables import use_pint_pandas
from teletravail.workforce import Agent, Workforce

from .strategies import lozere_rule

MONDAY = dt.date(2012, 10, 1)


@pytest.fixture(scope="module")
def batch() -> BatchAssessment:
    """The Lot's synthetic register assessed under the Lot's 2013 policy."""
    return presets.load("lot-2013").assess_workforce(lot_2013_workforce(), "2013-01-01")


def applicants() -> Workforce:
    """Six Lozère volunteers (one distance unknown) and one agent who did not apply."""
    distances = [62, 15, None, 48, 33, 71, 9]
    return Workforce.from_agents(
        Agent(
            id=f"LOZ-{i}",
            hire_date=f"{2000 + i}-01-01",
            working_time="80 %" if i % 2 else "100 %",
            commute_distance=None if d is None else f"{d} km",
            commute_time=f"{10 + i} min",
            volunteer=i != 5,
        )
        for i, d in enumerate(distances)
    )


def selection(rank_by: Any = "commute_distance") -> Selection:
    """Three seats among the Lozère applicants, ranked by ``rank_by``."""
    decisions = lozere_rule().evaluate(applicants(), "2015-04-01")
    return SelectionCampaign(seats=3, rank_by=rank_by).run(decisions)


def bookings() -> Bookings:
    """Figeac's requests on a Monday: accepted (one a half day), then a Saturday refused."""
    return book(
        [
            DeskRequest(agent_id="A", day=MONDAY, centre="Figeac", requested_at=2, half="am"),
            DeskRequest(agent_id="B", day=MONDAY, centre="Figeac", requested_at=1, rank=2),
            DeskRequest(agent_id="C", day=MONDAY + dt.timedelta(days=5), centre="Figeac"),
        ],
        aurillac_figeac_decazeville_2012(),
    )


def economics() -> Economics:
    """The 2012 pilot half full, with teleworkers counted for the network only."""
    return telecentre_economics(
        aurillac_figeac_decazeville_2012(), pilot_2012_costs(), occupancy=0.5, teleworkers=46
    )


def schedule() -> Schedule:
    """January 2024: Tuesdays at home and Friday afternoons at the Figeac télécentre."""
    pattern = WeeklyPattern.of({"tue": "home", "fri": ("pm", "telecentre:Figeac")})
    return plan(pattern, "2024-01-01", "2024-01-31")


@pytest.fixture
def pint_columns() -> None:
    """pint-pandas with the library's registry (skipped without the ``pint`` extra)."""
    pytest.importorskip("pint_pandas")
    use_pint_pandas()


def magnitudes(column: pd.Series[Any]) -> npt.NDArray[np.float64]:
    """A pint-pandas column's magnitudes as floats, missing values as NaN."""
    return column.pint.magnitude.to_numpy(dtype=float, na_value=np.nan)  # type: ignore[no-any-return]


def check_pint(
    plain: pd.DataFrame, pint: pd.DataFrame, quantities: dict[str, tuple[str, str]]
) -> None:
    """``pint`` is ``plain`` with each quantity column (plain name -> pint name, unit)
    renamed and in its unit, with the same magnitudes, and every other column equal."""
    assert list(pint.columns) == [quantities.get(c, (c, ""))[0] for c in plain.columns]
    for name in plain.columns:
        if name in quantities:
            short, unit = quantities[name]
            assert pint[short].pint.units == Q_(1, unit).units, name
            np.testing.assert_array_equal(magnitudes(pint[short]), plain[name].to_numpy(float))
        else:
            pd.testing.assert_series_equal(pint[name], plain[name])


#: The small results built above (the assessment is a fixture).
RESULTS: tuple[Callable[[], Any], ...] = (selection, bookings, economics, schedule)


# --- BatchAssessment ------------------------------------------------------------------------


def test_assessment_plain_columns_are_the_batch_columns(batch: BatchAssessment) -> None:
    """Plain columns are the batch's arrays, money in euros from the exact cents."""
    frame = batch.to_pandas()
    assert list(frame.columns) == [
        "id",
        "status",
        "eligible",
        "entitled",
        "asked_workday_per_week",
        "granted_workday_per_week",
        "days_workday",
        "allowance_eur",
        "employer_costs_eur",
        "distance_km",
        "time_h",
        "net_kg_co2e",
    ]
    assert frame["id"].tolist() == batch.decisions.ids.tolist()
    assert frame["eligible"].tolist() == batch.decisions.eligible.tolist()
    assert frame["entitled"].tolist() == batch.entitled.tolist()
    assert frame["status"].tolist() == batch.statuses().tolist()
    np.testing.assert_array_equal(frame["asked_workday_per_week"], batch.asked)
    np.testing.assert_array_equal(frame["granted_workday_per_week"], batch.granted)
    np.testing.assert_array_equal(frame["days_workday"], batch.days)
    np.testing.assert_array_equal(frame["allowance_eur"], batch.allowance_cents / 100)
    np.testing.assert_array_equal(frame["employer_costs_eur"], batch.employer_cents / 100)
    np.testing.assert_array_equal(frame["distance_km"], batch.impact.km)
    np.testing.assert_array_equal(frame["time_h"], batch.impact.hours)
    np.testing.assert_array_equal(frame["net_kg_co2e"], batch.impact.net_kg)


@pytest.mark.usefixtures("pint_columns")
def test_assessment_pint_columns(batch: BatchAssessment) -> None:
    """units='pint': the same figures in pint-pandas columns, which convert."""
    plain = batch.to_pandas()
    frame = batch.to_pandas(units="pint")
    check_pint(
        plain,
        frame,
        {
            "asked_workday_per_week": ("asked", "workday/week"),
            "granted_workday_per_week": ("granted", "workday/week"),
            "days_workday": ("days", "workday"),
            "allowance_eur": ("allowance", "EUR"),
            "employer_costs_eur": ("employer_costs", "EUR"),
            "distance_km": ("distance", "km"),
            "time_h": ("time", "hour"),
            "net_kg_co2e": ("net", "kg CO2e"),
        },
    )
    cents = np.round(magnitudes(frame["allowance"].pint.to("cent"))).astype(np.int64)
    np.testing.assert_array_equal(cents, batch.allowance_cents)
    tonnes = frame["net"].pint.to("t CO2e").sum()
    assert tonnes.m_as("kg CO2e") == pytest.approx(plain["net_kg_co2e"].sum())
    per_day = frame["granted"].pint.to("workday/day")
    np.testing.assert_allclose(magnitudes(per_day), plain["granted_workday_per_week"] / 7)


def test_bad_units_name_the_parameter(batch: BatchAssessment) -> None:
    """A units value other than 'plain' or 'pint' is a ValidationError on 'units'."""
    for result in (batch, batch.decisions, *(make() for make in RESULTS)):
        with pytest.raises(ValidationError) as caught:
            result.to_pandas(units="si")
        assert caught.value.field == "units" and caught.value.value == "si"


def test_decisions_table_has_every_input_row(batch: BatchAssessment) -> None:
    """The eligibility answers: one row per record of to_records (no quantity column)."""
    frame = batch.decisions.to_pandas()
    assert list(frame.columns) == ["row", "id", "status", "failures", "error"]
    pd.testing.assert_frame_equal(frame, pd.DataFrame(batch.decisions.to_records()))


# --- selection ------------------------------------------------------------------------------


def test_selection_plain_columns_and_the_key_in_km() -> None:
    """id, status and rank as in to_records, then the ranking key named with its unit."""
    result = selection()
    frame = result.to_pandas()
    assert list(frame.columns) == ["id", "status", "rank", "commute_distance_km"]
    pd.testing.assert_frame_equal(
        frame[["id", "status", "rank"]], pd.DataFrame(result.to_records())
    )
    np.testing.assert_array_equal(frame["commute_distance_km"], result.values)
    assert frame["commute_distance_km"].isna().tolist() == [False, False, True, *[False] * 4]


@pytest.mark.usefixtures("pint_columns")
def test_selection_pint_key() -> None:
    """units='pint' gives the key a unit: km, min or percent, as the workforce's columns."""
    keys = {
        "commute_distance": ("commute_distance_km", "km"),
        "commute_time": ("commute_time_min", "min"),
        "working_time": ("working_time_pct", "percent"),
    }
    for key, (plain_name, unit) in keys.items():
        result = selection(key)
        check_pint(result.to_pandas(), result.to_pandas(units="pint"), {plain_name: (key, unit)})
    frame = selection().to_pandas(units="pint")
    metres = magnitudes(frame["commute_distance"].pint.to("m"))
    np.testing.assert_array_equal(metres, selection().values * 1000)
    hours = selection("commute_time").to_pandas(units="pint")["commute_time"].pint.to("hour")
    np.testing.assert_allclose(magnitudes(hours), np.arange(10, 17) / 60)


def test_selection_by_seniority_or_a_function_has_no_unit() -> None:
    """Ranked by seniority the table shows hire dates; by a function, the plain key."""
    by_seniority = selection("seniority")
    frame = by_seniority.to_pandas()
    assert list(frame.columns) == ["id", "status", "rank", "hire_date"]
    np.testing.assert_array_equal(
        frame["hire_date"].to_numpy("datetime64[D]"), by_seniority.decisions.workforce.hire_date
    )
    assert frame["rank"].fillna(0).tolist() == [1, 2, 3, 4, 5, 0, 6]  # the earliest hired first
    by_function = selection(lambda workforce: np.arange(len(workforce)) * 2.5)
    assert by_function.to_pandas()["key"].tolist() == [0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0]


# --- bookings -------------------------------------------------------------------------------


@pytest.mark.usefixtures("pint_columns")
def test_bookings_columns_have_no_unit_in_either_form() -> None:
    """One row per request; no column is a quantity, so units='pint' changes nothing."""
    result = bookings()
    frame = result.to_pandas()
    assert frame["agent_id"].tolist() == ["A", "B", "C"]
    assert frame["half"].iloc[0] == "am" and frame["half"].iloc[1:].isna().all()
    assert frame["status"].tolist() == result.status.tolist() == ["accepted", "accepted", "closed"]
    assert frame["desk"].tolist() == result.desk.tolist() == [2, 1, 0]
    pd.testing.assert_frame_equal(result.to_pandas(units="pint"), frame)


# --- economics ------------------------------------------------------------------------------

ECONOMICS_MONEY = {
    "set_up_eur": ("set_up", "EUR"),
    "annual_set_up_eur": ("annual_set_up", "EUR/year"),
    "running_eur": ("running", "EUR/year"),
    "yearly_cost_eur": ("yearly_cost", "EUR/year"),
    "cost_per_desk_day_eur": ("cost_per_desk_day", "EUR"),
    "cost_per_teleworker_eur": ("cost_per_teleworker", "EUR/year"),
}


def test_economics_plain_money_is_the_cents_in_euros() -> None:
    """Plain money columns are each row's cents / 100, undefined costs NaN."""
    result = economics()
    frame = result.to_pandas()
    rows = (*result.centres, result.total)
    for plain_name in ECONOMICS_MONEY:
        cents = [getattr(row, plain_name.replace("_eur", "_cents")) for row in rows]
        expected = [np.nan if c is None else c / 100 for c in cents]
        np.testing.assert_array_equal(frame[plain_name].to_numpy(float), expected)
    assert frame["cost_per_teleworker_eur"].isna().sum() == len(result)


@pytest.mark.usefixtures("pint_columns")
def test_economics_pint_money_in_eur_and_eur_a_year() -> None:
    """units='pint': one-off money in EUR, yearly money in EUR/year; NaN stays missing."""
    result = economics()
    plain = result.to_pandas()
    frame = result.to_pandas(units="pint")
    check_pint(plain, frame, ECONOMICS_MONEY)
    monthly = magnitudes(frame["yearly_cost"].pint.to("EUR/month"))
    np.testing.assert_allclose(monthly, plain["yearly_cost_eur"] / 12)
    assert frame["cost_per_teleworker"].isna().sum() == len(result)
    assert frame["yearly_cost"].iloc[-1] == Q_(40_250, "EUR/year")


# --- schedule -------------------------------------------------------------------------------


def test_schedule_plain_columns_are_its_records() -> None:
    """One row per day: the date, the amount in workday, the part and the place."""
    result = schedule()
    frame = result.to_pandas()
    assert list(frame.columns) == ["date", "amount_workday", "part", "place"]
    np.testing.assert_array_equal(frame["date"].to_numpy("datetime64[D]"), result.dates)
    np.testing.assert_array_equal(frame["amount_workday"], result.amounts)
    records = result.to_records()
    assert frame["part"].tolist() == [r["part"] for r in records]
    assert frame["place"].tolist() == [r["place"] for r in records]
    assert frame["amount_workday"].tolist()[:2] == [1.0, 0.5]


@pytest.mark.usefixtures("pint_columns")
def test_schedule_pint_amount_in_workday() -> None:
    """units='pint': the amount in workday, which converts to half days and sums."""
    result = schedule()
    frame = result.to_pandas(units="pint")
    check_pint(result.to_pandas(), frame, {"amount_workday": ("amount", "workday")})
    np.testing.assert_array_equal(
        magnitudes(frame["amount"].pint.to("halfday")), result.amounts * 2
    )
    assert frame["amount"].sum() == result.total
    weekend = plan(WeeklyPattern.of(["tue"]), "2024-01-06", "2024-01-07").to_pandas(units="pint")
    assert list(weekend.columns) == ["date", "amount", "part", "place"] and weekend.empty


# -- totals by group, comparisons, gains and losses ------------------------------------


def _small() -> Workforce:
    """Five agents written by hand: two roles, two establishments, one excluded role."""

    def agent(i: str, role: str, site: str, asked: str, **more: Any) -> Agent:
        return Agent(
            id=i,
            hire_date="2010-01-01",
            working_time="100 %",
            role=role,
            establishment=site,
            commute_distance="20 km",
            requested_telework=asked,
            **more,
        )

    return Workforce.from_agents(
        [
            agent("A", "instructeur", "Cahors", "1 workday/week"),
            agent("B", "instructeur", "Figeac", "2 workday/week"),
            agent("C", "secretariat", "Cahors", "1 workday/week"),
            agent("D", "production", "Cahors", "1 workday/week"),
            agent("E", "secretariat", "Figeac", "1 workday/week", volunteer=False),
        ]
    )


def test_totals_by_group_counted_by_hand_on_a_small_register() -> None:
    """On five agents, by role: A and C granted (one day a week), B refused (asks two
    where the Lot allows one and a half), D not eligible (production is excluded), E
    not eligible (not a volunteer)."""
    batch = presets.load("lot-2013").assess(_small(), on="2013-01-01")
    frame = tables.totals_by(batch, "role").set_index("role")
    assert list(frame.index) == ["instructeur", "production", "secretariat"]
    assert frame["agents"].to_dict() == {"instructeur": 2, "production": 1, "secretariat": 2}
    assert frame["granted"].to_dict() == {"instructeur": 1, "production": 0, "secretariat": 1}
    assert frame["refused"].to_dict() == {"instructeur": 1, "production": 0, "secretariat": 0}
    assert frame["not_eligible"].to_dict() == {
        "instructeur": 0,
        "production": 1,
        "secretariat": 1,
    }
    assert frame.loc["instructeur", "allowance_eur"] == 100.0  # once, at the start
    sites = tables.totals_by(batch, "establishment").set_index("establishment")
    assert sites["granted"].to_dict() == {"Cahors": 2, "Figeac": 0}


@pytest.mark.parametrize(
    "by", ["role", "establishment", "contract_type", "category", "commute_mode", "status"]
)
def test_group_totals_add_up_to_the_whole(batch: BatchAssessment, by: str) -> None:
    """Whatever the grouping, every agent is in one group and the groups add up to
    ``BatchAssessment.totals()``."""
    frame = tables.totals_by(batch, by)
    totals = batch.totals()
    for key in ("agents", "eligible", "entitled", "granted", "refused", "not_asked"):
        assert int(frame[key].sum()) == totals[key]
    assert frame["days_workday"].sum() == pytest.approx(totals["days"].m_as("workday"))
    assert round(frame["allowance_eur"].sum(), 2) == totals["allowance"].m_as("EUR")
    assert frame["distance_km"].sum() == pytest.approx(totals["impact_distance"].m_as("km"))
    assert frame["net_kg_co2e"].sum() == pytest.approx(totals["impact_net"].m_as("kg CO2e"))
    assert all(frame[c].dtype.kind in "if" for c in frame.columns[1:])


def test_groups_given_beside_the_workforce(batch: BatchAssessment) -> None:
    """A service or a commune the workforce does not keep: a mapping of ids, or one
    value per agent; the wrong length or an unknown column name is refused."""
    ids = [str(i) for i in batch.workforce.ids]
    service = {i: ("north" if n % 3 else "south") for n, i in enumerate(ids)}
    by_mapping = tables.totals_by(batch, service, name="service")
    by_values = tables.totals_by(batch, pd.Series([service[i] for i in ids]))
    assert list(by_mapping["service"]) == ["north", "south"]
    assert list(by_values["group"]) == ["north", "south"]
    assert by_mapping["granted"].tolist() == by_values["granted"].tolist()
    assert by_mapping["agents"].tolist() == [800, 400]
    with pytest.raises(ValidationError, match="one per agent"):
        tables.totals_by(batch, ["x"] * 3)
    with pytest.raises(ValidationError, match="role"):
        tables.totals_by(batch, "service")


def test_n_policies_and_a_sweep_compared_as_one_tidy_table(batch: BatchAssessment) -> None:
    """Three policies: one row each, plain numbers with units in the names, the same
    totals as each assessment; a sweep's variants have the same columns."""
    import attrs

    from teletravail.sweep import sweep

    lot = batch.policy
    variants = [
        attrs.evolve(lot, name=f"{days} days", quota=attrs.evolve(lot.quota, maximum=days))
        for days in ("1 workday/week", "2 workday/week")
    ]
    staff = batch.workforce
    frame = tables.comparison([lot, *variants], staff, "2013-01-01")
    assert list(frame["policy"]) == ["Lot 2013", "1 workday/week days", "2 workday/week days"]
    assert list(frame["granted"]) == [13, 9, 19]
    assert frame.loc[0, "allowance_eur"] == batch.totals()["allowance"].m_as("EUR")
    assert "impact_net_t_co2e" in frame and "impact_time_days" not in frame
    assert all(frame[c].dtype.kind in "if" for c in frame.columns[3:])
    assert tables.comparison([batch])["granted"].tolist() == [13]
    swept = sweep(lot, staff, "2013-01-01", {"quota.maximum": ["1 workday/week", "2 workday/week"]})
    table = tables.variants(swept)
    assert list(table["variant"]) == [
        "quota.maximum=1 workday/week",
        "quota.maximum=2 workday/week",
    ]
    assert table["granted"].tolist() == [9, 19]
    assert set(frame.columns[3:]) == set(table.columns[2:])
    with pytest.raises(ValidationError, match="workforce"):
        tables.comparison([lot])
    with pytest.raises(ValidationError, match="non-empty"):
        tables.comparison([])


def test_gains_and_losses_by_group_agree_with_compare_policies(batch: BatchAssessment) -> None:
    """Raising the cap to two days: who gains, by role, adds up to compare_policies's
    list; lowering it to one: who loses."""
    import attrs

    lot = batch.policy
    two = attrs.evolve(lot, name="two", quota=attrs.evolve(lot.quota, maximum="2 workday/week"))
    one = attrs.evolve(lot, name="one", quota=attrs.evolve(lot.quota, maximum="1 workday/week"))
    staff = batch.workforce
    frame = tables.gains_and_losses(lot, two, staff, "2013-01-01", by="role")
    pair = compare_policies(lot, two, staff, "2013-01-01")
    assert int(frame["gained"].sum()) == len(pair["gained"]) == 6
    assert int(frame["lost"].sum()) == len(pair["lost"]) == 0
    assert (frame["net"] == frame["granted_second"] - frame["granted_first"]).all()
    losses = tables.gains_and_losses(lot, one, staff, "2013-01-01", by="role")
    assert int(losses["lost"].sum()) == len(compare_policies(lot, one, staff, "2013-01-01")["lost"])
    assert int(losses["agents"].sum()) == len(staff)


def test_assessment_frame_ids_are_strings_with_na_for_rows_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The per-row table's ids are pandas strings (pyarrow's where installed, else
    Python's): each read row's id as written, NA for a row that could not be read."""
    import builtins

    records = [
        {"id": "LOT-é1", "hire_date": "2001-01-01", "commute_distance": "30 km"},
        {"id": "LOT-2", "hire_date": "2001-02-30", "commute_distance": "30 km"},
        {"id": "LOT-3", "hire_date": "2001-01-01", "commute_distance": "5 km"},
    ]
    batch = presets.load("lot-2013").assess_workforce(
        Workforce.from_records(records, errors="report"), "2013-01-01", errors="report"
    )
    arrow = tables.assessment_frame(batch)["id"]
    assert arrow.dtype == pd.StringDtype("pyarrow")
    assert arrow.tolist()[0::2] == ["LOT-é1", "LOT-3"]
    assert arrow.isna().tolist() == [False, True, False]

    real_import = builtins.__import__

    def without_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_pyarrow)
    plain = tables.assessment_frame(batch)["id"]
    assert plain.dtype == pd.StringDtype("python")
    assert plain.isna().tolist() == [False, True, False]
    assert plain.tolist()[0::2] == ["LOT-é1", "LOT-3"]
