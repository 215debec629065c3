"""One dated event: the fields its kind takes, what it says alone, its JSON form."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from teletravail.dated import Duration
from teletravail.errors import ValidationError
from teletravail.policy.terms import Side
from teletravail.procedure import Event, EventKind


def test_an_event_reads_words_and_dates() -> None:
    """Kinds, sides and durations are read from their words, dates from ISO text."""
    event = Event(kind="END", on="2024-01-31", side="employeur", effective="2024-03-31")
    assert event.kind is EventKind.END and event.side is Side.EMPLOYER
    assert event.on == dt.date(2024, 1, 31)
    grant = Event(kind="grant", on="2024-01-01", adaptation="3 mois", duration="P1Y")
    assert grant.adaptation == Duration(months=3) and grant.duration == Duration(years=1)
    assert grant.first_day == dt.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "grant", "on": "2024-01-01", "side": "agent"}, "side"),
        ({"kind": "request", "on": "2024-01-01", "reasons": "x"}, "reasons"),
        ({"kind": "request", "on": "2024-01-01", "written": "yes"}, "written"),
        ({"kind": "end", "on": "2024-01-01", "side": "agent"}, "effective"),
        ({"kind": "end", "on": "2024-01-01", "effective": "2024-03-01"}, "side"),
        (
            {"kind": "end", "on": "2024-02-01", "side": "agent", "effective": "2024-01-31"},
            "effective",
        ),
        ({"kind": "grant", "on": "2024-02-01", "start": "2024-01-31"}, "start"),
        ({"kind": "refuse", "on": "2024-02-01", "interview": "2024-02-02"}, "interview"),
        ({"kind": "grant", "on": "2024-02-01", "adaptation": "0 days"}, "adaptation"),
        ({"kind": "grant", "on": "2024-02-01", "duration": "often"}, "duration"),
        ({"kind": "dismiss", "on": "2024-02-01"}, "kind"),
        ({"kind": "appeal", "on": "2024-02-01", "body": "csa"}, "body"),
    ],
)
def test_an_event_refuses_what_it_cannot_say(fields: dict[str, object], field: str) -> None:
    """A field its kind does not take, a missing side or effective day, a day out of
    place, a zero length: an error naming the field."""
    with pytest.raises(ValidationError) as caught:
        Event(**fields)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_an_event_round_trips_through_json_leaving_out_defaults() -> None:
    """to_dict writes what is not a default; from_dict reads it back."""
    event = Event(
        kind="end",
        on="2024-01-31",
        side="employer",
        effective="2024-02-01",
        reasons="réorganisation",
        interview="2024-01-20",
        service_need="le service ferme",
    )
    data = event.to_dict()
    assert data == {
        "kind": "end",
        "on": "2024-01-31",
        "reasons": "réorganisation",
        "interview": "2024-01-20",
        "side": "employer",
        "effective": "2024-02-01",
        "service_need": "le service ferme",
    }
    assert Event.from_dict(data) == event
    assert (
        Event.from_dict({"kind": "request", "on": "2024-01-01", "written": False}).written is False
    )
    assert pickle.loads(pickle.dumps(event)) == event


def test_an_event_from_json_names_its_key_path() -> None:
    """A bad key of an event is named at its path."""
    with pytest.raises(ValidationError) as caught:
        Event.from_dict({"kind": "grant", "on": "2024-01-01", "side": "agent"}, "events[1]")
    assert caught.value.field == "events[1].side"
