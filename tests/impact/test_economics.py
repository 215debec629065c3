"""Télécentre economics (``teletravail.impact.economics``)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import sources
from teletravail.errors import UnitError, ValidationError
from teletravail.impact import (
    CentreCosts,
    Economics,
    default_open_days,
    pilot_2012_costs,
    telecentre_economics,
)
from teletravail.scheduling import (
    DeskRequest,
    Telecentre,
    TelecentreNetwork,
    aurillac_figeac_decazeville_2012,
    book,
)
from teletravail.units import Q_

from ..strategies import networks as networks_

NAMES = ("Aurillac", "Montmurat", "Figeac", "Decazeville")

# --------------------------------------------------------------------------- strategies

amounts = st.integers(0, 5_000_000).map(lambda c: f"{Decimal(c).scaleb(-2)} EUR")
costs = st.builds(
    CentreCosts,
    set_up=amounts,
    running=amounts.map(lambda text: f"{text}/year"),
    depreciation=st.integers(1, 30).map(lambda years: f"{years} year"),
)


def networks() -> st.SearchStrategy[TelecentreNetwork]:
    """Networks of 1 to 4 centres (the shared strategy, with this module's names)."""
    return networks_(NAMES, 10)


def pilot(**kwargs: Any) -> Economics:
    """The 2012 pilot network at the pilot's costs."""
    network = aurillac_figeac_decazeville_2012()
    return telecentre_economics(network, pilot_2012_costs(), **kwargs)


# --------------------------------------------------------------------------- costs


def test_pilot_costs_cite_the_article_and_assume_the_depreciation() -> None:
    """The 2012 costs are 10,000 EUR and 3,750 EUR/year, from the article on the pilot's
    assessment (cited as the catalogue holds it), over 5 assumed years."""
    costs = pilot_2012_costs()
    assert costs.set_up == Q_(10_000, "EUR")
    assert costs.running == Q_(3_750, "EUR/year")
    assert costs.depreciation_years == 5
    assert costs.source is not None
    assert costs.source.publication == "Zevillage"
    assert costs.source.title.endswith(
        "bilan de l'expérimentation du triangle Aurillac-Figeac-Decazeville"
    )
    assert costs.source == sources.PILOT_2012_ASSESSMENT and costs.source.note is None
    assert costs.yearly_cents() == (200_000, 375_000)


def test_costs_default_to_five_years_and_accept_other_units() -> None:
    """Depreciation defaults to 5 years; a monthly running cost is kept per year."""
    costs = CentreCosts(set_up="12 000 EUR", running="312.50 EUR/month")
    assert costs.depreciation == Q_(5, "year")
    assert costs.running == Q_(3_750, "EUR/year")
    assert CentreCosts(set_up="1 EUR", running="0 EUR/year", depreciation="60 month") == (
        CentreCosts(set_up="1 EUR", running="0 EUR/year")
    )


def test_yearly_share_rounds_half_up_to_the_cent() -> None:
    """10,000 EUR over 3 years is 3,333.33 EUR a year; 0.05 EUR over 2 is 0.03 (half up)."""
    assert (
        CentreCosts(set_up="10000 EUR", running="0 EUR/year", depreciation="3 year").yearly_cents()[
            0
        ]
        == 333_333
    )
    assert (
        CentreCosts(set_up="0.05 EUR", running="0 EUR/year", depreciation="2 year").yearly_cents()[
            0
        ]
        == 3
    )


def test_costs_round_trip_through_json() -> None:
    """CentreCosts.to_dict is JSON-ready and from_dict reads it back equal."""
    costs = pilot_2012_costs()
    data = json.loads(json.dumps(costs.to_dict()))
    assert data["set_up"] == "10000.00 EUR" and data["depreciation"] == "5 year"
    assert CentreCosts.from_dict(data) == costs


@given(costs=costs, months=st.integers(1, 240))
def test_any_costs_round_trip_through_json(costs: CentreCosts, months: int) -> None:
    """Any costs, with a period in months, read back equal from their JSON form."""
    costs = attrs.evolve(costs, depreciation=f"{months} month")
    assert CentreCosts.from_dict(json.loads(json.dumps(costs.to_dict()))) == costs


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"set_up": "-1 EUR", "running": "3750 EUR/year"}, "set_up"),
        ({"set_up": "10000 EUR", "running": "-3750 EUR/year"}, "running"),
        (
            {"set_up": "10000 EUR", "running": "3750 EUR/year", "depreciation": "0 year"},
            "depreciation",
        ),
        (
            {"set_up": "10000 EUR", "running": "3750 EUR/year", "depreciation": "-2 year"},
            "depreciation",
        ),
    ],
)
def test_negative_costs_and_zero_depreciation_are_refused(
    kwargs: dict[str, Any], field: str
) -> None:
    """Negative amounts and a depreciation period <= 0 are errors naming the field."""
    with pytest.raises(ValidationError) as caught:
        CentreCosts(**kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"set_up": "10000 EUR/year", "running": "3750 EUR/year"}, "set_up"),
        ({"set_up": "10000 EUR", "running": "3750 EUR"}, "running"),
        ({"set_up": 10000, "running": "3750 EUR/year"}, "set_up"),
        ({"set_up": "10000 EUR", "running": "3750 EUR/year", "depreciation": 5}, "depreciation"),
        (
            {"set_up": "10000 EUR", "running": "3750 EUR/year", "depreciation": "5 km"},
            "depreciation",
        ),
    ],
)
def test_wrong_dimensions_are_unit_errors(kwargs: dict[str, object], field: str) -> None:
    """A cost or period of the wrong dimension, or a bare number, is a UnitError."""
    with pytest.raises(UnitError) as caught:
        CentreCosts(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_costs_from_dict_names_the_key_path() -> None:
    """A bad or unknown key in a costs document names its path."""
    with pytest.raises(ValidationError) as caught:
        CentreCosts.from_dict({"set_up": "-5 EUR", "running": "1 EUR/year"})
    assert caught.value.field == "costs.set_up"
    with pytest.raises(ValidationError) as caught:
        CentreCosts.from_dict({"set_up": "5 EUR", "running": "1 EUR/year", "years": 5})
    assert caught.value.field == "costs.years"


# --------------------------------------------------------------------------- open days


@pytest.mark.parametrize(
    ("weekdays", "days"),
    [(range(5), 249), ([0, 1, 3], 149), ([0], 50), (range(6), 301), (range(7), 353), ([5, 6], 104)],
)
def test_default_open_days(weekdays: range | list[int], days: int) -> None:
    """52 weeks × open weekdays, less 11 holidays pro rata of the open Monday-Friday days."""
    centre = Telecentre(name="C", commune="C", department="Lot", desks=1, open_weekdays=weekdays)
    assert default_open_days(centre) == days


# --------------------------------------------------------------------------- worked example


def test_pilot_at_half_occupancy() -> None:
    """7 centres, 27 desks, 5,750 EUR a year each, half full over 249 days: hand-checked."""
    result = pilot(occupancy=0.5, teleworkers=46)
    assert len(result) == 7 and result.basis == "occupancy"
    total = result.total
    assert total.desks == 27
    assert total.desk_days == 3361.5  # 27 × 249 / 2
    assert total.yearly_cost_cents == 4_025_000  # 7 × (10,000 / 5 + 3,750)
    assert total.set_up_cents == 7_000_000
    assert total.cost_per_desk_day_cents == 1197  # 40,250 / 3,361.5 = 11.9738...
    assert total.cost_per_teleworker_cents == 87_500  # 40,250 / 46 = 875 exactly
    assert result.yearly_cost == Q_(40_250, "EUR/year")
    assert result.cost_per_desk_day == Q_(11.97, "EUR")
    assert result.cost_per_teleworker == Q_(875, "EUR/year")
    per_desk_day = {row.name: row.cost_per_desk_day_cents for row in result}
    assert per_desk_day["Aurillac"] == 770  # 5,750 / (6 × 249 / 2) = 7.6975
    assert per_desk_day["Montmurat"] == 1539  # 5,750 / 373.5 = 15.3949
    assert per_desk_day["Figeac"] == 924  # 5,750 / 622.5 = 9.2369
    assert per_desk_day["Decazeville"] == 1155  # 5,750 / 498 = 11.5462
    assert all(row.cost_per_teleworker_cents is None for row in result)
    assert any("249" in text for text in result.assumptions)


def test_pilot_full_and_quarter_occupancy() -> None:
    """At 100 % the network's desk-day costs 5.99 EUR; at 25 %, 23.95 EUR."""
    assert pilot(occupancy=1).total.cost_per_desk_day_cents == 599  # 40,250 / 6,723
    assert pilot(occupancy="25 %").total.cost_per_desk_day_cents == 2395  # 40,250 / 1,680.75


def test_open_days_given_replace_the_default() -> None:
    """open_days_per_year, one number or per centre, sets the open desk-days."""
    result = pilot(occupancy=0.5, open_days_per_year=200)
    assert result.total.desk_days == 2700
    assert result.total.cost_per_desk_day_cents == 1491  # 40,250 / 2,700 = 14.907
    assert not any("249" in text for text in result.assumptions)


def test_desk_days_given_per_centre() -> None:
    """Desk-days given per centre are used as they are; occupancy is implied."""
    network = aurillac_figeac_decazeville_2012()
    used = dict.fromkeys(network.names, 500)
    result = pilot(desk_days_used=used)
    assert result.basis == "desk_days"
    assert result.centre("Aurillac").cost_per_desk_day_cents == 1150  # 5,750 / 500
    assert result.centre("Montmurat").occupancy == pytest.approx(500 / 747)
    assert result.total.cost_per_desk_day_cents == 1150


def test_desk_days_from_bookings_are_counted() -> None:
    """Accepted bookings count one desk-day each, per centre; refusals do not."""
    network = aurillac_figeac_decazeville_2012()
    monday = dt.date(2012, 10, 1)
    requests = [
        DeskRequest(agent_id=f"M{i}", day=monday, centre="Montmurat", requested_at=i)
        for i in range(5)
    ]
    requests.append(DeskRequest(agent_id="F", day=monday, centre="Figeac", half="am"))
    result = pilot(desk_days_used=book(requests, network))
    assert result.basis == "bookings"
    assert result.centre("Montmurat").desk_days == 3  # 2 of the 5 refused: full
    assert result.centre("Figeac").desk_days == 1
    assert result.centre("Montmurat").cost_per_desk_day_cents == 191_667  # 5,750 / 3
    assert result.total.desk_days == 4
    assert any("not annualised" in text for text in result.assumptions)


def test_bookings_of_another_network_are_refused() -> None:
    """Bookings made on another network are a typed error."""
    other = TelecentreNetwork(
        name="other",
        centres=[Telecentre(name="Figeac", commune="Figeac", department="Lot", desks=2)],
    )
    bookings = book([], other)
    with pytest.raises(ValidationError) as caught:
        pilot(desk_days_used=bookings)
    assert caught.value.field == "desk_days_used"


def test_costs_per_centre_and_teleworkers_per_centre() -> None:
    """Costs and teleworkers may be given per centre; the network sums them."""
    network = TelecentreNetwork(
        name="two",
        centres=[
            Telecentre(name="Figeac", commune="Figeac", department="Lot", desks=4),
            Telecentre(name="Montmurat", commune="Montmurat", department="Cantal", desks=2),
        ],
    )
    cheap = CentreCosts(set_up="0 EUR", running="1000 EUR/year", depreciation="10 year")
    result = telecentre_economics(
        network,
        {"Figeac": pilot_2012_costs(), "Montmurat": cheap},
        occupancy={"Figeac": 1, "Montmurat": "50 %"},
        teleworkers={"Figeac": 10, "Montmurat": 0},
    )
    figeac, montmurat = result.centres
    assert figeac.cost_per_teleworker_cents == 57_500
    assert montmurat.cost_per_teleworker_cents is None and "no_teleworkers" in montmurat.flags
    assert result.total.teleworkers == 10
    assert result.total.yearly_cost_cents == 675_000
    assert result.total.desk_days == 4 * 249 + 249
    assert result.total.depreciation_years is None


# --------------------------------------------------------------------------- properties


@given(network=networks(), costs=costs, shares=st.lists(st.fractions(0, 1), min_size=4, max_size=4))
def test_network_totals_are_the_sums_of_the_centres(
    network: TelecentreNetwork, costs: CentreCosts, shares: list[Fraction]
) -> None:
    """Desks, desk-days, costs and teleworkers of the network are the centres' sums."""
    occupancy = dict(zip(network.names, shares, strict=False))
    teleworkers = {name: i for i, name in enumerate(network.names)}
    result = telecentre_economics(network, costs, occupancy=occupancy, teleworkers=teleworkers)
    rows, total = result.centres, result.total
    assert total.desks == sum(row.desks for row in rows)
    assert total.desk_days == pytest.approx(sum(row.desk_days for row in rows))
    for field in ("set_up_cents", "annual_set_up_cents", "running_cents", "yearly_cost_cents"):
        assert getattr(total, field) == sum(getattr(row, field) for row in rows)
    assert total.teleworkers == sum(teleworkers.values())


@given(
    costs=costs,
    low=st.fractions(0, 10_000).filter(lambda x: x > 0),
    extra=st.fractions(0, 10_000),
)
def test_cost_per_desk_day_falls_as_use_rises(
    costs: CentreCosts, low: Fraction, extra: Fraction
) -> None:
    """More desk-days used never raise the cost per desk-day (fixed yearly cost)."""
    network = aurillac_figeac_decazeville_2012()

    def per_desk_day(days: Fraction) -> int | None:
        used = dict.fromkeys(network.names, days)
        return telecentre_economics(
            network, costs, desk_days_used=used
        ).total.cost_per_desk_day_cents

    fewer, more = per_desk_day(low), per_desk_day(low + extra)
    assert fewer is not None and more is not None
    assert more <= fewer


@given(costs=costs)
def test_result_is_json_ready_with_exact_money(costs: CentreCosts) -> None:
    """to_dict survives JSON; money is an exact decimal string equal to the cents."""
    network = aurillac_figeac_decazeville_2012()
    result = telecentre_economics(network, costs, occupancy=0.37, teleworkers=46)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["schema"] == "teletravail.impact.economics"
    assert Decimal(data["total"]["yearly_cost"]) * 100 == result.total.yearly_cost_cents
    assert len(data["centres"]) == 7


# --------------------------------------------------------------------------- zero and bad input


def test_zero_desk_days_leave_the_cost_per_desk_day_undefined() -> None:
    """No desk-day used: cost per desk-day is None and flagged, never a ZeroDivisionError."""
    result = pilot(occupancy=0)
    assert result.cost_per_desk_day is None
    assert all(row.cost_per_desk_day is None and "no_desk_days" in row.flags for row in result)
    assert result.to_dict()["total"]["cost_per_desk_day"] is None
    assert "undefined" in result._repr_html_()
    assert result.yearly_cost == Q_(40_250, "EUR/year")


def test_one_idle_centre_does_not_undefine_the_network() -> None:
    """A centre without use has no cost per desk-day; the network still has one."""
    network = aurillac_figeac_decazeville_2012()
    used = dict.fromkeys(network.names, 100)
    used["Montmurat"] = 0
    result = pilot(desk_days_used=used)
    assert result.centre("Montmurat").cost_per_desk_day_cents is None
    assert result.total.cost_per_desk_day_cents == 6708  # 40,250 / 600 = 67.083


def test_desk_days_above_capacity_are_flagged() -> None:
    """Desk-days above desks × open days are reported with the above_capacity flag."""
    network = aurillac_figeac_decazeville_2012()
    used = dict.fromkeys(network.names, 10)
    used["Montmurat"] = 1000  # 3 desks × 249 days = 747
    row = pilot(desk_days_used=used).centre("Montmurat")
    assert "above_capacity" in row.flags and row.occupancy > 1


@pytest.mark.parametrize("occupancy", [-0.1, 1.5, "150 %", float("nan"), True, "half"])
def test_occupancy_outside_zero_one_is_refused(occupancy: object) -> None:
    """An occupancy outside 0..1, or not a number, is an error naming occupancy."""
    with pytest.raises(ValidationError) as caught:
        pilot(occupancy=occupancy)
    assert caught.value.field == "occupancy"


def test_occupancy_per_centre_errors_name_the_centre() -> None:
    """A bad occupancy for one centre names that centre."""
    network = aurillac_figeac_decazeville_2012()
    shares: dict[str, object] = dict.fromkeys(network.names, 0.5)
    shares["Figeac"] = 2
    with pytest.raises(ValidationError) as caught:
        pilot(occupancy=shares)
    assert caught.value.field == "occupancy.Figeac"


def test_unknown_centre_in_desk_days_is_refused_with_a_hint() -> None:
    """An unknown centre name in desk_days_used names it and suggests a close one."""
    network = aurillac_figeac_decazeville_2012()
    used = dict.fromkeys(network.names, 10)
    used["Figeak"] = 5
    with pytest.raises(ValidationError) as caught:
        pilot(desk_days_used=used)
    assert caught.value.field == "desk_days_used.Figeak"
    assert "did you mean 'Figeac'" in caught.value.expected


def test_missing_centre_in_desk_days_is_refused() -> None:
    """desk_days_used must name every centre; the missing ones are listed."""
    with pytest.raises(ValidationError) as caught:
        pilot(desk_days_used={"Figeac": 10})
    assert caught.value.field == "desk_days_used"
    assert "Montmurat" in caught.value.expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"occupancy": 0.5, "desk_days_used": {}},
        {"desk_days_used": [1, 2, 3]},
        {"occupancy": 0.5, "open_days_per_year": 0},
        {"occupancy": 0.5, "open_days_per_year": 400},
        {"occupancy": 0.5, "teleworkers": -1},
        {"occupancy": 0.5, "teleworkers": 2.5},
    ],
)
def test_bad_arguments_are_validation_errors(kwargs: dict[str, object]) -> None:
    """No basis, two bases, or a bad count is a ValidationError, not a bare exception."""
    with pytest.raises(ValidationError):
        pilot(**kwargs)


def test_negative_desk_days_are_refused() -> None:
    """A negative number of desk-days names the centre."""
    network = aurillac_figeac_decazeville_2012()
    used = dict.fromkeys(network.names, 10)
    used["Figeac"] = -1
    with pytest.raises(ValidationError) as caught:
        pilot(desk_days_used=used)
    assert caught.value.field == "desk_days_used.Figeac"


def test_costs_must_be_centre_costs() -> None:
    """costs that are not CentreCosts, or name an unknown centre, are refused."""
    network = aurillac_figeac_decazeville_2012()
    with pytest.raises(ValidationError) as caught:
        telecentre_economics(network, "10000 EUR", occupancy=0.5)  # type: ignore[arg-type]
    assert caught.value.field == "costs"
    with pytest.raises(ValidationError) as caught:
        telecentre_economics(network, {"Brive": pilot_2012_costs()}, occupancy=0.5)
    assert caught.value.field == "costs.Brive"


# --------------------------------------------------------------------------- outputs


def test_to_pandas_has_one_row_per_centre_and_the_network() -> None:
    """to_pandas: seven centres then the network, money in euros, NaN where undefined."""
    frame = pilot(occupancy=0.5, teleworkers=46).to_pandas()
    assert list(frame["scope"]) == ["centre"] * 7 + ["network"]
    assert frame["yearly_cost_eur"].iloc[-1] == 40_250
    assert frame["cost_per_teleworker_eur"].isna().sum() == 7
    assert frame["teleworkers"].iloc[-1] == 46


def test_repr_html_is_a_table_with_escaped_names() -> None:
    """_repr_html_ is a small table, one row per centre and the total, names escaped."""
    network = TelecentreNetwork(
        name="<net>",
        centres=[Telecentre(name="A&B", commune="A", department="Lot", desks=1)],
    )
    text = telecentre_economics(network, pilot_2012_costs(), occupancy=1)._repr_html_()
    assert text.startswith("<table>") and text.count("<tr>") == 3
    assert "A&amp;B" in text and "&lt;net&gt;" in text and "<net>" not in text


def test_results_are_frozen_values() -> None:
    """Economics is immutable and equal for equal inputs."""
    result = pilot(occupancy=0.5)
    assert result == pilot(occupancy=0.5)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.basis = "bookings"  # type: ignore[misc]
