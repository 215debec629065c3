"""A request's body: JSON within the size limit, its members read by the library's
readers, every problem with its path."""

from __future__ import annotations

import pytest

from .conftest import web_stack

web_stack()

from teletravail.errors import ConfigError, MalformedJSONError, ValidationError  # noqa: E402
from teletravail.server.reading import Body, given, parse_json  # noqa: E402


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b'{"on": "2013-01-01",}', "line 1, column 21"),
        (b'{\n  "on": 2013-01-01\n}', "line 2, column 13"),
        (b'{"x": NaN}', "JSON text"),
        (b'{"x": Infinity}', "JSON text"),
        (b"\xff\xfe", "UTF-8"),
        (b"", "line 1, column 1"),
    ],
)
def test_text_that_is_not_json_says_where_it_stops(data: bytes, where: str) -> None:
    with pytest.raises(MalformedJSONError) as caught:
        parse_json(data)
    assert caught.value.field == "body"
    assert where in str(caught.value.expected)
    assert caught.value.text("fr") != str(caught.value)


def test_a_body_reads_its_members_and_keeps_every_problem() -> None:
    body = Body({"on": "2013-02-30", "colour": 1}, ("agent", "on"), ("period",))
    assert body.read("on", lambda value: int(value[:4]) if False else value, None) == "2013-02-30"
    with pytest.raises(ConfigError) as caught:
        body.done()
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["colour", "agent"]
    assert "did you mean" not in str(caught.value) or "period" in str(caught.value)


def test_one_problem_is_raised_as_the_error_it_is() -> None:
    def wrong(value: object) -> object:
        raise ValidationError("on", value, "a date that exists")

    body = Body({"on": "2013-02-30"}, ("on",))
    assert body.read("on", wrong, None) is None
    with pytest.raises(ValidationError) as caught:
        body.done()
    assert type(caught.value) is ValidationError and caught.value.field == "on"


def test_a_body_that_is_not_an_object() -> None:
    body = Body([1, 2], ("agent",))
    with pytest.raises(ValidationError) as caught:
        body.done()
    assert caught.value.field == "body"
    assert "agent" in str(caught.value.expected)


def test_an_unknown_member_gets_a_did_you_mean() -> None:
    body = Body({"agnet": {}, "on": "2013-01-01"}, ("agent", "on"))
    with pytest.raises(ConfigError) as caught:
        body.done()
    assert "(did you mean 'agent'?)" in str(caught.value)


def test_given_is_for_members_read_without_problem() -> None:
    assert given(3) == 3
    with pytest.raises(RuntimeError):
        given(None)


def test_json_the_fast_parser_refuses_is_read_as_the_standard_library_reads_it() -> None:
    """orjson takes no integer beyond 64 bits; the standard library does, exactly."""
    big = 2**80
    assert parse_json(b'{"n": %d, "e": "\xc3\xa9"}' % big) == {"n": big, "e": "é"}
    with pytest.raises(MalformedJSONError):
        parse_json(b'{"n": NaN}')
