"""Télécentres, networks and desk booking (``teletravail.scheduling.telecentre``)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.errors import ValidationError
from teletravail.scheduling import (
    Bookings,
    DeskRequest,
    RefusalReason,
    Telecentre,
    TelecentreNetwork,
    aurillac_figeac_decazeville_2012,
    book,
)
from teletravail.sources import Source

from ..strategies import networks as networks_

MONDAY = dt.date(2012, 10, 1)
SATURDAY = dt.date(2012, 10, 6)
CENTRE_NAMES = ("Figeac", "Latronquière", "Montmurat", "Decazeville")
AGENTS = tuple(f"A{i}" for i in range(8))

# --------------------------------------------------------------------------- strategies

weekday_sets = st.frozensets(st.integers(0, 6), min_size=1)


def networks() -> st.SearchStrategy[TelecentreNetwork]:
    """Networks of 1 to 4 centres (the shared strategy, with this module's names)."""
    return networks_(CENTRE_NAMES, 3)


@st.composite
def requests_for(draw: st.DrawFn, times: str = "int") -> list[DeskRequest]:
    """Requests over two weeks from a few agents, with ties, gaps and unknown centres."""
    centre = st.sampled_from((*CENTRE_NAMES, "Brive"))
    if times == "int":
        at: st.SearchStrategy[Any] = st.one_of(st.none(), st.integers(0, 12))
    else:
        at = st.one_of(
            st.none(),
            st.integers(0, 12).map(lambda h: dt.datetime(2012, 9, 1, 8) + dt.timedelta(hours=h)),
        )
    request = st.builds(
        DeskRequest,
        agent_id=st.sampled_from(AGENTS),
        day=st.integers(0, 13).map(lambda d: MONDAY + dt.timedelta(days=d)),
        centre=centre,
        requested_at=at,
        rank=st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5, 3.0])),
        half=st.sampled_from([None, "am", "pm"]),
    )
    return draw(st.lists(request, max_size=40))


def _at_key(request: DeskRequest) -> tuple[bool, Any]:
    at = request.requested_at
    return (at is None, 0 if at is None else at)


def _key(request: DeskRequest, priority: str) -> tuple[Any, ...]:
    first_come = (*_at_key(request), request.agent_id)
    if priority == "rank":
        return (request.rank is None, request.rank or 0.0, *first_come)
    return first_come


def _reference(requests: list[DeskRequest], network: TelecentreNetwork, priority: str) -> list[str]:
    """A slow, obvious implementation of the booking rules: one status per request."""
    centres = {c.name: c for c in network.centres}
    status = [""] * len(requests)
    for i, r in enumerate(requests):
        if r.centre not in centres:
            status[i] = "unknown_centre"
        elif r.day.weekday() not in centres[r.centre].open_weekdays:
            status[i] = "closed"
    halves = {None: 0, "am": 1, "pm": 2}

    def order(i: int) -> tuple[Any, ...]:
        r = requests[i]
        rank = (r.rank is None, 0.0 if r.rank is None else r.rank)
        return (*_key(r, priority), r.centre, halves[r.half], rank, i)

    seen: set[tuple[str, dt.date]] = set()
    taken: Counter[tuple[str, dt.date]] = Counter()
    for i in sorted((i for i, s in enumerate(status) if not s), key=order):
        r = requests[i]
        if (r.agent_id, r.day) in seen:
            status[i] = "duplicate"
            continue
        seen.add((r.agent_id, r.day))
    for i in sorted((i for i, s in enumerate(status) if not s), key=order):
        r = requests[i]
        if taken[r.centre, r.day] < centres[r.centre].desks:
            taken[r.centre, r.day] += 1
            status[i] = "accepted"
        else:
            status[i] = "full"
    return status


def _network(*centres: tuple[str, int]) -> TelecentreNetwork:
    return TelecentreNetwork(
        name="n",
        centres=tuple(
            Telecentre(name=name, commune=name, department="Lot", desks=desks)
            for name, desks in centres
        ),
    )


# --------------------------------------------------------------------------- properties


@given(networks(), requests_for(), st.sampled_from(["first_come", "rank"]))
def test_capacity_is_never_exceeded(
    network: TelecentreNetwork, requests: list[DeskRequest], priority: Any
) -> None:
    """No (centre, day) has more accepted bookings than desks; desk numbers are 1..desks."""
    result = book(requests, network, priority=priority)
    desks: defaultdict[tuple[str, dt.date], list[int]] = defaultdict(list)
    for booking in result.accepted:
        desks[booking.centre, booking.day].append(booking.desk)
    for (centre, _), numbers in desks.items():
        capacity = network.get(centre).desks
        assert sorted(numbers) == list(range(1, len(numbers) + 1)) and len(numbers) <= capacity
    for centre, days in result.occupancy().items():
        assert all(0 < n <= network.get(centre).desks for n in days.values())


@given(networks(), requests_for(), st.sampled_from(["first_come", "rank"]))
def test_every_request_is_accounted_for_once(
    network: TelecentreNetwork, requests: list[DeskRequest], priority: Any
) -> None:
    """accepted + refused is the input, each request once, with its day and a reason."""
    result = book(requests, network, priority=priority)
    indices = [b.index for b in result.accepted] + [r.index for r in result.refused]
    assert sorted(indices) == list(range(len(requests)))
    assert all(requests[b.index] is b.request for b in result.accepted)
    assert all(r.day == requests[r.index].day for r in result.refused)
    assert sum(result.refusal_counts().values()) == len(result.refused)
    assert sum(sum(days.values()) for days in result.occupancy().values()) == len(result.accepted)


@given(networks(), requests_for(), st.sampled_from(["first_come", "rank"]), st.randoms())
def test_allocation_does_not_depend_on_input_order(
    network: TelecentreNetwork, requests: list[DeskRequest], priority: Any, random: Any
) -> None:
    """Shuffling the requests gives the same bookings and refusals, in the same order."""
    shuffled = list(requests)
    random.shuffle(shuffled)
    one, two = (
        book(requests, network, priority=priority),
        book(shuffled, network, priority=priority),
    )
    assert [(b.request, b.desk) for b in one.accepted] == [
        (b.request, b.desk) for b in two.accepted
    ]
    assert [(r.request, r.reason) for r in one.refused] == [
        (r.request, r.reason) for r in two.refused
    ]
    assert one.to_dict()["occupancy"] == two.to_dict()["occupancy"]


@given(networks(), requests_for(), st.sampled_from(["first_come", "rank"]))
def test_matches_a_slow_reference_implementation(
    network: TelecentreNetwork, requests: list[DeskRequest], priority: Any
) -> None:
    """The vectorised allocation agrees with a plain loop over the stated rules."""
    result = book(requests, network, priority=priority)
    assert result.status.tolist() == _reference(requests, network, priority)


@given(networks(), requests_for("datetime"), st.sampled_from(["first_come", "rank"]))
def test_order_is_respected_within_each_centre_and_day(
    network: TelecentreNetwork, requests: list[DeskRequest], priority: Any
) -> None:
    """Every accepted request comes before every request refused as full, by the key."""
    result = book(requests, network, priority=priority)
    accepted: defaultdict[tuple[str, dt.date], list[Any]] = defaultdict(list)
    for b in result.accepted:
        accepted[b.centre, b.day].append(_key(b.request, priority))
    for r in result.refused:
        if r.reason == "full":
            group = accepted[r.centre, r.day]
            assert len(group) == network.get(r.centre).desks
            assert max(group) <= _key(r.request, priority)


@given(networks(), requests_for())
def test_desks_needed_grows_with_share(
    network: TelecentreNetwork, requests: list[DeskRequest]
) -> None:
    """desks_needed is monotonic in share and reaches the peak demand at share=1."""
    result = book(requests, network)
    shares = [0.01, 0.25, 0.5, 0.75, 0.9, 1.0]
    needed = [result.desks_needed(s) for s in shares]
    for name in network.names:
        column = [n[name] for n in needed]
        assert column == sorted(column)
        assert column[-1] == result.peak()[name].demand


@given(networks(), requests_for())
def test_one_desk_per_agent_and_day(
    network: TelecentreNetwork, requests: list[DeskRequest]
) -> None:
    """No agent holds two desks on one day, whatever the centres asked for."""
    result = book(requests, network)
    pairs = [(b.agent_id, b.day) for b in result.accepted]
    assert len(pairs) == len(set(pairs))


# --------------------------------------------------------------------------- examples


def test_over_capacity_is_refused_first_come() -> None:
    """Beyond the desks, later requests are refused 'full'; ties go by agent id."""
    network = _network(("Figeac", 2))
    requests = [
        DeskRequest(agent_id="C", day=MONDAY, centre="Figeac", requested_at=1),
        DeskRequest(agent_id="B", day=MONDAY, centre="Figeac", requested_at=1),
        DeskRequest(agent_id="A", day=MONDAY, centre="Figeac", requested_at=2),
        DeskRequest(agent_id="D", day=MONDAY, centre="Figeac"),
    ]
    result = book(requests, network)
    assert [(b.agent_id, b.desk) for b in result.accepted] == [("B", 1), ("C", 2)]
    assert [(r.agent_id, r.reason) for r in result.refused] == [("A", "full"), ("D", "full")]


def test_rank_priority_overrides_arrival() -> None:
    """Under priority='rank' the lowest rank is served first; no rank comes last."""
    network = _network(("Figeac", 1))
    requests = [
        DeskRequest(agent_id="early", day=MONDAY, centre="Figeac", requested_at=1, rank=2),
        DeskRequest(agent_id="late", day=MONDAY, centre="Figeac", requested_at=9, rank=1),
        DeskRequest(agent_id="none", day=MONDAY, centre="Figeac", requested_at=0),
    ]
    assert [b.agent_id for b in book(requests, network, priority="rank").accepted] == ["late"]
    assert [b.agent_id for b in book(requests, network).accepted] == ["none"]


def test_refusal_reasons() -> None:
    """Unknown centre, closed weekday and a second request of the day each have a code."""
    network = _network(("Figeac", 5))
    requests = [
        DeskRequest(agent_id="A", day=MONDAY, centre="Brive", requested_at=0),
        DeskRequest(agent_id="B", day=SATURDAY, centre="Figeac", requested_at=0),
        DeskRequest(agent_id="C", day=MONDAY, centre="Figeac", requested_at=0),
        DeskRequest(agent_id="C", day=MONDAY, centre="Figeac", requested_at=3, half="pm"),
    ]
    result = book(requests, network)
    assert result.status.tolist() == ["unknown_centre", "closed", "accepted", "duplicate"]
    refused = {r.index: (r.reason, r.day) for r in result.refused}
    assert refused == {
        0: (RefusalReason.UNKNOWN_CENTRE, MONDAY),
        1: (RefusalReason.CLOSED, SATURDAY),
        3: (RefusalReason.DUPLICATE, MONDAY),
    }
    assert result.refusal_counts() == {"full": 0, "closed": 1, "unknown_centre": 1, "duplicate": 1}


def test_a_half_day_takes_a_desk_for_the_day() -> None:
    """A morning and an afternoon request from two agents take two desks."""
    network = _network(("Figeac", 1))
    requests = [
        DeskRequest(agent_id="A", day=MONDAY, centre="Figeac", requested_at=0, half="am"),
        DeskRequest(agent_id="B", day=MONDAY, centre="Figeac", requested_at=1, half="PM"),
    ]
    result = book(requests, network)
    assert requests[1].half == "pm"
    assert result.status.tolist() == ["accepted", "full"]


def test_occupancy_peak_and_desks_needed() -> None:
    """Per-day occupancy, weekday means, the peak and the desks-needed quantile."""
    network = _network(("Figeac", 2))
    demand = {MONDAY: 3, MONDAY + dt.timedelta(days=1): 1, MONDAY + dt.timedelta(days=7): 2}
    requests = [
        DeskRequest(agent_id=f"A{i}", day=day, centre="Figeac", requested_at=i)
        for day, n in demand.items()
        for i in range(n)
    ]
    result = book(requests, network)
    assert result.occupancy() == {
        "Figeac": {MONDAY: 2, MONDAY + dt.timedelta(days=1): 1, MONDAY + dt.timedelta(days=7): 2}
    }
    assert result.demand()["Figeac"] == demand
    peak = result.peak()["Figeac"]
    assert (peak.demand, peak.day, peak.shortfall) == (3, MONDAY, 1)
    assert result.desks_needed(0.5, basis="days") == {"Figeac": 2}
    assert result.desks_needed(0.66, basis="days") == {"Figeac": 2}
    assert result.desks_needed(0.67, basis="days") == {"Figeac": 3}
    # 6 desk-days asked for: 1 desk serves 3 of them, 2 serve 5, 3 serve all
    assert result.desks_needed(0.5) == {"Figeac": 1}
    assert result.desks_needed(0.8) == {"Figeac": 2}
    assert result.desks_needed(0.9) == {"Figeac": 3}
    by_weekday = result.occupancy_by_weekday()["Figeac"]
    # two Mondays (2 and 2 desks), one Tuesday (1 desk), period 2012-10-01..2012-10-08
    assert by_weekday == {
        "monday": 2.0,
        "tuesday": 1.0,
        "wednesday": 0.0,
        "thursday": 0.0,
        "friday": 0.0,
    }
    wider = result.occupancy_by_weekday("2012-10-01", "2012-10-21")["Figeac"]
    assert wider["monday"] == pytest.approx(4 / 3)


def test_no_request() -> None:
    """An empty input gives empty bookings and zero summaries."""
    network = _network(("Figeac", 2))
    result = book([], network)
    assert (result.accepted, result.refused, len(result)) == ((), (), 0)
    assert result.desks_needed(0.9) == {"Figeac": 0}
    assert result.peak()["Figeac"].day is None
    assert result.occupancy_by_weekday() == {"Figeac": {}}


def test_to_dict_is_json_ready_and_to_pandas_has_one_row_per_request() -> None:
    """to_dict survives json.dumps; to_pandas has a row and a status per request."""
    network = aurillac_figeac_decazeville_2012()
    requests = [
        DeskRequest(
            agent_id="A", day=MONDAY, centre="Figeac", requested_at=dt.datetime(2012, 9, 1, 8)
        ),
        DeskRequest(agent_id="B", day=SATURDAY, centre="Figeac"),
    ]
    result = book(requests, network)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["accepted"][0]["requested_at"] == "2012-09-01T08:00:00"
    assert data["refused"][0]["reason"] == "closed"
    frame = result.to_pandas()
    assert list(frame["status"]) == ["accepted", "closed"]


def test_2012_network() -> None:
    """The Aurillac-Figeac-Decazeville pilot: 7 centres, 27 desks, assumed split cited."""
    network = aurillac_figeac_decazeville_2012()
    assert (len(network), network.desks) == (7, 27)
    assert set(network.names) == {
        "Aurillac",
        "Montmurat",
        "Cassaniouze",
        "Figeac",
        "Lacapelle-Marival",
        "Latronquière",
        "Decazeville",
    }
    departments = Counter(c.department for c in network)
    assert departments == {"Cantal": 3, "Lot": 3, "Aveyron": 1}
    articles = {"Zevillage", "toutsurleteletravail.blogspot.com"}
    for centre in network:
        assert centre.note == "desk count assumed; 27 desks in the network in all"
        assert centre.source is not None and centre.source.publication in articles
    cassaniouze = network.get("Cassaniouze").source
    assert cassaniouze is not None and cassaniouze.title.startswith("SMICA")
    lacapelle = network.get("Lacapelle-Marival").source
    assert lacapelle is not None and "pilote dans l'expérimentation" in lacapelle.title
    assert network.get("Decazeville").source.unconfirmed  # type: ignore[union-attr]
    assert not network.get("Cassaniouze").source.unconfirmed  # type: ignore[union-attr]
    assert network.get("Figeac").open_weekdays == frozenset(range(5))


def test_network_round_trips_through_a_dict() -> None:
    """to_dict -> JSON -> from_dict gives an equal network."""
    network = aurillac_figeac_decazeville_2012()
    text = json.dumps(network.to_dict(), ensure_ascii=False)
    assert TelecentreNetwork.from_dict(json.loads(text)) == network


def test_weekday_names_in_english_and_french() -> None:
    """open_weekdays accepts numbers, English and French names; evolve keeps it."""
    centre = Telecentre(
        name="X",
        commune="X",
        department="Lot",
        desks=2,
        open_weekdays=["Monday", "mardi", "wed", 3],
        services=[" Fibre ", "videoconference"],
    )
    assert centre.open_weekdays == frozenset({0, 1, 2, 3})
    assert centre.services == frozenset({"fibre", "videoconference"})
    assert attrs.evolve(centre, desks=3).open_weekdays == centre.open_weekdays
    assert centre.is_open("2012-10-04") and not centre.is_open("2012-10-05")


# --------------------------------------------------------------------------- errors


def _centre(**changes: Any) -> Telecentre:
    fields: dict[str, Any] = {"name": "X", "commune": "X", "department": "Lot", "desks": 2}
    return Telecentre(**{**fields, **changes})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"desks": 0}, "desks"),
        ({"desks": True}, "desks"),
        ({"desks": 2.5}, "desks"),
        ({"open_weekdays": ["funday"]}, "open_weekdays"),
        ({"open_weekdays": []}, "open_weekdays"),
        ({"open_weekdays": "monday"}, "open_weekdays"),
        ({"services": "fibre"}, "services"),
        ({"allowance_payable": "yes"}, "allowance_payable"),
        ({"source": "seed 002"}, "source"),
    ],
)
def test_bad_centre_fields_name_the_field(changes: dict[str, Any], field: str) -> None:
    """A bad Telecentre field raises ValidationError naming that field."""
    with pytest.raises(ValidationError) as error:
        _centre(**changes)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"agent_id": ""}, "agent_id"),
        ({"day": "2012-02-30"}, "day"),
        ({"day": dt.datetime(2012, 10, 1, 9)}, "day"),
        ({"centre": None}, "centre"),
        ({"requested_at": 1.5}, "requested_at"),
        ({"requested_at": 2**64}, "requested_at"),
        ({"rank": float("nan")}, "rank"),
        ({"rank": "1"}, "rank"),
        ({"half": "noon"}, "half"),
    ],
)
def test_bad_request_fields_name_the_field(changes: dict[str, Any], field: str) -> None:
    """A bad DeskRequest field raises ValidationError naming that field."""
    fields: dict[str, Any] = {"agent_id": "A", "day": MONDAY, "centre": "Figeac"}
    with pytest.raises(ValidationError) as error:
        DeskRequest(**{**fields, **changes})
    assert error.value.field == field


def test_book_errors_name_the_field() -> None:
    """Non-request items, a misspelt priority and mixed requested_at kinds are errors."""
    network = _network(("Figeac", 1))
    good = DeskRequest(agent_id="A", day=MONDAY, centre="Figeac", requested_at=1)
    with pytest.raises(ValidationError) as error:
        book([good, {"agent_id": "B"}], network)
    assert error.value.field == "requests[1]"
    with pytest.raises(ValidationError) as error:
        book(good, network)
    assert error.value.field == "requests"
    with pytest.raises(ValidationError, match="did you mean 'rank'") as error:
        book([good], network, priority="rnak")  # type: ignore[arg-type]
    assert error.value.field == "priority"
    with pytest.raises(ValidationError) as error:
        book([good], "network")  # type: ignore[arg-type]
    assert error.value.field == "network"
    later = attrs.evolve(good, agent_id="B", requested_at=dt.datetime(2012, 9, 1))
    with pytest.raises(ValidationError) as error:
        book([good, later], network)
    assert error.value.field == "requests[1].requested_at"


@pytest.mark.parametrize("share", [0, -0.5, 1.5, True, "0.5", float("nan")])
def test_bad_share_is_an_error(share: Any) -> None:
    """desks_needed wants 0 < share <= 1."""
    result: Bookings = book([], _network(("Figeac", 1)))
    with pytest.raises(ValidationError) as error:
        result.desks_needed(share)
    assert error.value.field == "share"


def test_network_errors() -> None:
    """Unknown centres suggest a name; duplicate names and empty networks are refused."""
    network = aurillac_figeac_decazeville_2012()
    with pytest.raises(ValidationError, match="did you mean 'Figeac'") as error:
        network.get("Figea")
    assert error.value.field == "centre"
    with pytest.raises(ValidationError) as error:
        _network(("Figeac", 1), ("Figeac", 2))
    assert error.value.field == "centres[1].name"
    with pytest.raises(ValidationError) as error:
        TelecentreNetwork(name="n", centres=())
    assert error.value.field == "centres"
    data = network.to_dict()
    data["centres"][2]["desks"] = -1
    with pytest.raises(ValidationError) as error:
        TelecentreNetwork.from_dict(data)
    assert error.value.field == "network.centres[2].desks"
    data = network.to_dict()
    data["desks"] = 28
    with pytest.raises(ValidationError) as error:
        TelecentreNetwork.from_dict(data)
    assert error.value.field == "network.desks"


def test_source_is_kept() -> None:
    """A centre keeps its Source and note in to_dict."""
    source = Source(title="Article (example)", publication="Zevillage", date="2013-04-20")
    data = _centre(source=source, note="assumed").to_dict()
    assert data["source"] == source.to_dict() and data["note"] == "assumed"


def test_centres_closed_on_public_holidays_with_a_calendar() -> None:
    """Given a calendar, a request on Christmas Day is refused as closed."""
    from teletravail.scheduling import WorkCalendar

    network = aurillac_figeac_decazeville_2012()
    requests = [
        DeskRequest(agent_id="A", day="2024-12-25", centre="Figeac"),
        DeskRequest(agent_id="A", day="2024-12-26", centre="Figeac"),
    ]
    assert [r.reason for r in book(requests, network).refused] == []
    refused = book(requests, network, calendar=WorkCalendar()).refused
    assert [(r.day, r.reason) for r in refused] == [(dt.date(2024, 12, 25), "closed")]
    moselle = book(requests, network, calendar=WorkCalendar(subdivision="Moselle")).refused
    assert len(moselle) == 2
